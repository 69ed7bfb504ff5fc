"""Unexpected exceptions, caught at the top (sys.excepthook): logged to the user log file and
shown in a dialog with a "Copy details" button, never as a bare traceback."""

from __future__ import annotations

import logging
import sys
import traceback

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from greenledger.core.errors import GreenLedgerError
from greenledger.core.logs import start_logging
from greenledger.core.paths import log_file

_open_dialogs: list[QDialog] = []


class ErrorDialog(QDialog):
    def __init__(self, summary: str, details: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("GreenLedger: unexpected error"))
        self.details = details
        label = QLabel(
            self.tr(
                "<b>Something went wrong.</b><br>{0}<br><br>Nothing you entered before "
                "this was lost: every change is saved as it is made. The details were "
                "written to {1}."
            ).format(summary, log_file()),
            self,
        )
        label.setWordWrap(True)
        text = QPlainTextEdit(details, self)
        text.setReadOnly(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        copy = QPushButton(self.tr("&Copy details"), self)
        buttons.addButton(copy, QDialogButtonBox.ButtonRole.ActionRole)
        copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(self.details))
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(text, 1)
        layout.addWidget(buttons)
        self.resize(640, 360)


def handle_exception(exc_type, exc, tb) -> None:
    """sys.excepthook: log, then show ErrorDialog (a GreenLedgerError shows its message only)."""
    if issubclass(exc_type, KeyboardInterrupt):
        sys.__excepthook__(exc_type, exc, tb)
        return
    details = "".join(traceback.format_exception(exc_type, exc, tb))
    _log(details)
    summary = str(exc) if issubclass(exc_type, GreenLedgerError) else f"{exc_type.__name__}: {exc}"
    if QGuiApplication.instance() is None:
        return
    dialog = ErrorDialog(summary, details)
    _open_dialogs.append(dialog)
    dialog.finished.connect(lambda *_: _open_dialogs.remove(dialog))
    dialog.show()


def _log(details: str) -> None:
    """Into the user log file (core.logs; the window started it, with faulthandler)."""
    start_logging(log_file(), crashes=False)
    logging.getLogger("greenledger.gui").error("unexpected error\n%s", details)


def install_excepthook() -> None:
    sys.excepthook = handle_exception
