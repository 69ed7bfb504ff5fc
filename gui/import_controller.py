"""Importing in the window: File › Import, a dropped workbook or a macOS file-open event opens the
import assistant; its Import runs on a pool thread (gui.workers.ImportRunner) with progress and
Cancel in the status bar; the outcome is shown (rows imported, the problems of a refusal, or a
dialog when the workspace cannot be written) and then emitted as `finished`."""

from __future__ import annotations

import contextlib
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox

from greenledger.core.errors import GreenLedgerError, ImportCancelled, ImportRefused, error_text
from greenledger.core.importing.importer import ImportResult
from greenledger.core.importing.memo import shown_time
from greenledger.core.importing.reader import CSV_SUFFIXES, WORKBOOK_SUFFIXES
from greenledger.gui.workers import ImportRunner

IMPORTABLE = WORKBOOK_SUFFIXES + CSV_SUFFIXES
WORKBOOK_PATTERNS = "(*.xlsx *.xlsm *.xls *.ods *.xlsb *.csv)"


def importable(path: Path) -> bool:
    return path.suffix.lower() in IMPORTABLE


class ImportController(QObject):
    """The imports of `window` (its controller, status bar and import action): one at a time."""

    finished = Signal(object)  # ImportResult or the exception that refused it

    def __init__(self, window) -> None:
        super().__init__(window)
        self.runner = ImportRunner(self)
        self.assistant = None  # the import assistant opened last
        self.message_box: QMessageBox | None = None  # the last "cannot be written" dialog
        self._file: Path | None = None
        status = window.import_status
        status.cancel_requested.connect(self._on_cancel_requested)
        self.runner.started.connect(self._on_started)
        self.runner.progress.connect(status.set_progress)
        self.runner.finished.connect(self._on_finished)

    @property
    def _window(self):
        return self.parent()  # not kept in an attribute: no reference cycle with the window

    @property
    def running(self) -> bool:
        return self.runner.running

    def choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self._window, QCoreApplication.translate("MainWindow", "Import workbook"), "",
            QCoreApplication.translate("MainWindow", "Workbooks") + " " + WORKBOOK_PATTERNS)
        if path:
            self.open_assistant(Path(path))

    def open_assistant(self, file: Path, again: bool = False):
        """The import assistant on `file` (non-modal); its Import runs `start` with its plans.
        A file imported before whose bytes and workspace have not changed since (the import
        memo, core.importing.memo) is not read: a message says so, with Read Again (`again`)."""
        from greenledger.gui.import_assistant import ImportAssistant

        controller = self._window.controller
        if controller.read_only:
            self._window.show_message(controller.refusal)
            return None
        if not again and (known := recalled(controller.ws, Path(file))) is not None:
            self._say_known(Path(file), known)
            return None
        dialog = ImportAssistant(file, controller.ws, self._window, start=self._window.start_import)
        dialog.read_again = again  # Read Again…: its Import checks what the memo knows too
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        self.assistant = dialog
        return dialog

    def _say_known(self, file: Path, known: ImportResult) -> None:
        box = QMessageBox(QMessageBox.Icon.Information, "GreenLedger", QCoreApplication.translate(
            "MainWindow", "{0}: nothing new; every row is already in the workspace").format(file.name),
            QMessageBox.StandardButton.Close, self._window)
        box.setInformativeText(QCoreApplication.translate(
            "MainWindow", "This file, byte for byte, was imported or checked at {0}, and the "
            "workspace has not changed since, so its {1} row(s) were not read again.").format(
            shown_time(known.recalled or ""), f"{known.unchanged:,}"))
        again = box.addButton(QCoreApplication.translate("MainWindow", "Read Again…"),
                              QMessageBox.ButtonRole.ActionRole)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.buttonClicked.connect(lambda b: b is again and self.open_assistant(file, again=True))
        box.open()
        self.message_box = box

    def close_assistant(self) -> None:
        """Close the assistant opened last (its plans were checked against this workspace)."""
        dialog, self.assistant = self.assistant, None
        if dialog is not None:
            with contextlib.suppress(RuntimeError):  # closed by the user, deleted (WA_DeleteOnClose)
                dialog.close()

    def start(self, file: Path, plans=None) -> bool:
        """Import `file` on a pool thread (its own connection); progress and Cancel in the status bar."""
        controller = self._window.controller
        if controller.read_only:
            self._window.show_message(controller.refusal)
            return False
        if getattr(controller, "busy", False):  # a big paste or delete is being written: both
            self._window.show_message(controller.busy_text)  # would wait on one database lock
            return False
        if not self.runner.start(controller.ws.path, file, plans):
            self._window.show_message(
                QCoreApplication.translate("MainWindow", "An import is already running"))
            return False
        self._file = Path(file)
        return True

    def wait(self) -> None:
        """Cancel a running import and wait for it (the window closes)."""
        if self.runner.running:
            self.runner.wait()

    def _on_started(self, name: str) -> None:
        self._window.import_action.setEnabled(False)
        self._window.import_status.start(name)

    def _on_cancel_requested(self) -> None:
        self.runner.cancel()
        self._window.import_status.cancelling()

    def _on_finished(self, outcome: object) -> None:
        w = self._window
        w.import_action.setEnabled(not w.controller.read_only)
        w.import_status.hide()
        if isinstance(outcome, ImportResult):
            w.controller.record_import(outcome.batch_id, outcome.file, outcome.updated)
            w.reload()
            w.show_message(_imported_text(outcome))
        elif isinstance(outcome, ImportRefused):
            w.show_problems(QCoreApplication.translate("MainWindow", "Import refused: nothing was written"),
                            outcome.problems, outcome.warnings, source=self._file)
        elif isinstance(outcome, ImportCancelled):  # the analyst's own doing: the status bar says it
            w.show_message(error_text(outcome))
        elif isinstance(outcome, GreenLedgerError):  # a full disk, a read-only folder, a bad file:
            # a dialog saying what to do (not a status-bar line that is gone in 8 seconds)
            box = QMessageBox(QMessageBox.Icon.Warning, "GreenLedger", error_text(outcome),
                              QMessageBox.StandardButton.Ok, w)
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            box.open()
            self.message_box = box
        self.finished.emit(outcome)
        if isinstance(outcome, Exception) and not isinstance(outcome, GreenLedgerError):
            raise outcome  # the top-level hook logs it and shows the error dialog


def recalled(ws, file: Path) -> ImportResult | None:
    """The import memo's answer for `file` opened with the assistant's first options (None: read
    it). The digest reads the file (about 40 ms for 20 MB)."""
    from greenledger.core.importing import memo, profiles
    from greenledger.core.importing.plan import ImportOptions

    return memo.recall_file(ws, file, ImportOptions(), profiles.kept(ws) or None)


def _imported_text(outcome: ImportResult) -> str:
    if outcome.inserted + outcome.updated:
        return QCoreApplication.translate("MainWindow", "{0}: imported {1} new and {2} updated rows").format(
            outcome.file, f"{outcome.inserted:,}", f"{outcome.updated:,}")
    return QCoreApplication.translate(
        "MainWindow", "{0}: nothing new; every row is already in the workspace").format(outcome.file)
