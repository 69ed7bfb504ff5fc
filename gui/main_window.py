"""The main window: an assembler of the sidebar pages, menus, status bar and the import worker."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

from core.charts import with_chart_extras
from core.errors import GreenLedgerError, ImportRefused
from core.fields import Kind
from core.importing.importer import ImportResult
from core.importing.reader import CSV_SUFFIXES, WORKBOOK_SUFFIXES
from core.row_figures import table_rows
from core.storage import SUFFIX, Workspace
from gui import settings
from gui.dashboard_view import DashboardView
from gui.edit_controller import EditController
from gui.factors_view import FactorsView
from gui.import_status_view import ImportStatusView
from gui.imports_view import ImportsView
from gui.problems_dialog import ProblemsDialog
from gui.record_model import RecordModels
from gui.table_view import TableView
from gui.workers import ImportRunner

DATA_PAGES = (("Energy", Kind.ENERGY), ("Deliveries", Kind.DELIVERIES), ("Packaging", Kind.PACKAGING),
              ("Initiatives", Kind.INITIATIVES), ("Sites", Kind.SITES), ("Campaigns", Kind.CAMPAIGNS))
PAGES = ("Dashboard", *(t for t, _ in DATA_PAGES), "Factors", "Imports")
IMPORTABLE = WORKBOOK_SUFFIXES + CSV_SUFFIXES
WORKBOOK_FILTER = "Workbooks (*.xlsx *.xlsm *.xls *.ods *.xlsb *.csv)"


class MainWindow(QMainWindow):
    import_finished = Signal(object)  # ImportResult or the exception that refused it

    def __init__(self, workspace_path: Path) -> None:
        super().__init__()
        self.controller = EditController(Workspace.open(workspace_path), self)
        self.importer = ImportRunner(self)
        self._dialogs: list[QWidget] = []
        self.models = RecordModels([kind for _, kind in DATA_PAGES], self)
        self._build_pages()
        self._build_menus()
        self._build_status_bar()
        self._connect_signals()
        self.setAcceptDrops(True)
        self._restore_settings()
        self._on_workspace_opened()

    # --- assembly ------------------------------------------------------------------------------

    def _build_pages(self) -> None:
        self.dashboard = DashboardView(self)
        self.tables = {kind: TableView(self.models[kind], kind=kind, controller=self.controller,
                                       empty_text=f"No {title.lower()} rows yet: import a workbook "
                                       "(Ctrl+I), paste rows from Excel (Ctrl+V) or add one.")
                       for title, kind in DATA_PAGES}
        self.factors_view = FactorsView(self.controller, self)
        self.imports_view = ImportsView(self)
        self.sidebar = QListWidget(self)
        self.sidebar.addItems(PAGES)
        self.sidebar.setFixedWidth(170)
        self.sidebar.setStyleSheet("QListWidget { font-size: 11pt; padding-top: 6px; }"
                                   "QListWidget::item { padding: 7px 10px; }")
        self.stack = QStackedWidget(self)
        for page in (self.dashboard, *self.tables.values(), self.factors_view, self.imports_view):
            self.stack.addWidget(page)
        central = QWidget(self)
        layout = QHBoxLayout(central)
        layout.addWidget(self.sidebar)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)

    def _action(self, menu, text: str, slot, shortcut=None) -> QAction:
        action = menu.addAction(text)
        action.triggered.connect(slot)
        if shortcut is not None:
            action.setShortcuts(shortcut if isinstance(shortcut, list) else [QKeySequence(shortcut)])
        return action

    def _build_menus(self) -> None:
        file = self.menuBar().addMenu("&File")
        self._action(file, "&New workspace…", self._on_new_triggered, QKeySequence.StandardKey.New)
        self._action(file, "&Open workspace…", self._on_open_triggered, "Ctrl+O")
        self.recent_menu = file.addMenu("&Recent workspaces")
        file.addSeparator()
        self.import_action = self._action(file, "&Import workbook…", self._on_import_triggered, "Ctrl+I")
        self._action(file, "Download &template…", self._on_template_triggered)
        file.addSeparator()
        self.export_action = self._action(file, "&Export chart…", self._on_export_triggered, "Ctrl+E")
        self.deck_action = self._action(file, "Export &deck (PowerPoint)…", self._on_export_deck_triggered,
                                        "Ctrl+Shift+E")
        file.addSeparator()
        self._action(file, "&Quit", self.close, QKeySequence.StandardKey.Quit)
        edit = self.menuBar().addMenu("&Edit")
        stack = self.controller.undo_stack
        self.undo_action = stack.createUndoAction(self, "&Undo")
        self.undo_action.setShortcut(QKeySequence("Ctrl+Z"))
        self.redo_action = stack.createRedoAction(self, "&Redo")
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        edit.addActions([self.undo_action, self.redo_action])
        edit.addSeparator()
        self._action(edit, "&Copy", lambda: self._on_table_action("copy"), "Ctrl+C")
        self._action(edit, "&Paste", lambda: self._on_table_action("paste"), "Ctrl+V")
        self._action(edit, "&Delete rows", lambda: self._on_table_action("delete_selected"),
                     "Delete")
        self._action(edit, "&Add row…", lambda: self._on_table_action("add_row"), "Ctrl+N")
        view = self.menuBar().addMenu("&View")
        for i, name in enumerate(PAGES):
            self._action(view, f"&{name}", lambda _=False, i=i: self.sidebar.setCurrentRow(i),
                         f"Ctrl+{i + 1}")
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        about = self._action(help_menu, self.tr("&About GreenLedger"), self._on_about_triggered)
        about.setMenuRole(QAction.MenuRole.AboutRole)

    def _on_about_triggered(self) -> None:
        from gui.about import AboutDialog

        AboutDialog(self.workspace.library_version, self).exec()

    def _build_status_bar(self) -> None:
        self.path_label = QLabel(self)
        self.import_status = ImportStatusView(self)
        self.statusBar().addPermanentWidget(self.import_status)
        self.statusBar().addPermanentWidget(self.path_label)

    def _connect_signals(self) -> None:
        self.sidebar.currentRowChanged.connect(self.stack.setCurrentIndex)
        self.controller.changed.connect(self._on_controller_changed, Qt.ConnectionType.QueuedConnection)
        self.controller.failed.connect(self._on_controller_failed)
        for view in (*self.tables.values(), self.factors_view.workspace_view, self.imports_view):
            view.message.connect(self._show_message)
            view.problems_found.connect(self.show_problems)
        self.imports_view.undo_import_requested.connect(self._on_undo_import_requested)
        self.dashboard.import_requested.connect(self._on_import_triggered)
        self.dashboard.template_requested.connect(self._on_template_triggered)
        self.import_status.cancel_requested.connect(self._on_cancel_requested)
        self.importer.started.connect(self._on_import_started)
        self.importer.progress.connect(self.import_status.set_progress)
        self.importer.finished.connect(self._on_import_finished)
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)

    # --- workspace ---------------------------------------------------------------------------

    @property
    def workspace(self) -> Workspace:
        return self.controller.ws

    def _on_workspace_opened(self) -> None:
        read_only = self.controller.read_only
        self.setWindowTitle(f"GreenLedger — {self.workspace.name}" + (" (read-only)" if read_only else ""))
        self.path_label.setText(("Read-only (open in another window) · " if read_only else "")
                                + str(self.workspace.path))
        self.import_action.setEnabled(not read_only)
        for view in (*self.tables.values(), self.factors_view.workspace_view):
            view.set_read_only(read_only)
        settings.add_recent_workspace(self.workspace.path)
        self.controller.undo_stack.clear()
        self.reload()
        for view in (*self.tables.values(), self.factors_view.workspace_view,
                     self.factors_view.library_view, self.imports_view):
            view.fit_columns()

    def open_workspace(self, path: Path) -> None:
        try:
            ws = Workspace.open(path)
        except GreenLedgerError as exc:
            QMessageBox.warning(self, "GreenLedger", str(exc))
            return
        self.controller.close()
        self.controller.open(ws)
        self._on_workspace_opened()

    def reload(self) -> None:
        """Read every page again from the workspace (after an import, undo of one, or open)."""
        ws = self.workspace
        self.models.reload(ws)
        self.factors_view.workspace_model.set_rows(
            table_rows(ws, Kind.FACTORS, self.models.book, self.models.summary))
        self.factors_view.set_library(ws.library_factors(), ws.library_version)
        self.imports_view.set_batches(ws.batches())
        self._show_summary(ws)

    def _show_summary(self, ws: Workspace) -> None:
        rows = _row_count(ws)
        self.dashboard.set_summary(with_chart_extras(self.models.summary, ws), rows)
        self.export_action.setEnabled(bool(rows))
        self.deck_action.setEnabled(bool(rows))

    def _on_controller_changed(self, change: tuple | None) -> None:
        """After an edit: the edited rows and what depends on them (see RecordModels.refresh)."""
        if self.controller.closed:  # an editor committed as the window closed
            return
        ws = self.workspace
        if change is None or not self.models.refresh(ws, *change):
            self.reload()
            return
        self._show_summary(ws)

    def current_table(self) -> TableView | None:
        page = self.stack.currentWidget()
        return page.workspace_view if page is self.factors_view else \
            page if isinstance(page, TableView) else None

    # --- menu handlers -------------------------------------------------------------------------

    def _on_new_triggered(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, "New workspace", f"workspace{SUFFIX}",
                                              f"GreenLedger workspaces (*{SUFFIX})")
        if path:
            self.open_workspace(Path(path).with_suffix(SUFFIX))

    def _on_open_triggered(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Open workspace", "",
                                              f"GreenLedger workspaces (*{SUFFIX});;All files (*)")
        if path:
            self.open_workspace(Path(path))

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        for p in settings.recent_workspaces():
            action = self.recent_menu.addAction(str(p))
            action.triggered.connect(lambda _=False, p=p: self.open_workspace(p))

    def _on_export_triggered(self, _checked: bool = False, current: str | None = None) -> None:
        from gui.charts.export_dialog import ExportDialog

        dialog = ExportDialog(self.dashboard.summary, self.dashboard.filters,
                              current or self.dashboard.current_chart_name, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._show_message(
            self.tr("Exported {0}").format(getattr(dialog, "written", ""))))
        dialog.open()
        self.export_dialog = dialog

    def _on_export_deck_triggered(self) -> None:
        from gui.charts.export_dialog import DECK

        self._on_export_triggered(current=DECK)

    def _on_template_triggered(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, "Download template", "greenledger-template.xlsx",
                                              "Excel workbooks (*.xlsx)")
        if path:
            from core.template import write_template

            write_template(Path(path))
            self._show_message(f"Template written to {path}")

    def _on_table_action(self, name: str) -> None:
        table = self.current_table()
        if table is not None:
            getattr(table, name)()

    def _on_undo_import_requested(self, batch_id: int) -> None:
        reason = self.controller.undo_import(batch_id)
        if reason:
            QMessageBox.warning(self, "Undo import", reason)
        else:
            self._show_message(f"Import {batch_id} undone (Ctrl+Z restores it)")

    def _on_controller_failed(self, reason: str) -> None:
        QMessageBox.warning(self, "GreenLedger", reason)

    def _show_message(self, text: str) -> None:
        self.statusBar().showMessage(text, 8000)

    def show_problems(self, title: str, problems: list, warnings: list | None = None) -> ProblemsDialog:
        dialog = ProblemsDialog(title, problems, warnings or [], self)
        self._dialogs.append(dialog)
        dialog.finished.connect(lambda *_: self._dialogs.remove(dialog))
        dialog.show()
        return dialog

    # --- importing -------------------------------------------------------------------------

    def _on_import_triggered(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Import workbook", "", WORKBOOK_FILTER)
        if path:
            self.start_import(Path(path))

    def start_import(self, file: Path) -> bool:
        """Import `file` on a pool thread (its own connection); progress and Cancel in the status bar."""
        if self.controller.read_only:
            self._show_message(self.controller.refusal)
            return False
        if not self.importer.start(self.workspace.path, file):
            self._show_message("An import is already running")
            return False
        return True

    def _on_import_started(self, name: str) -> None:
        self.import_action.setEnabled(False)
        self.import_status.start(name)

    def _on_cancel_requested(self) -> None:
        self.importer.cancel()
        self.import_status.cancelling()

    def _on_import_finished(self, outcome: object) -> None:
        self.import_action.setEnabled(not self.controller.read_only)
        self.import_status.hide()
        if isinstance(outcome, ImportResult):
            self.controller.undo_stack.clear()  # the commands' row states may predate the import
            self.reload()
            new = outcome.inserted + outcome.updated
            self._show_message(f"{outcome.file}: imported {outcome.inserted:,} new and "
                               f"{outcome.updated:,} updated rows" if new else
                               f"{outcome.file}: nothing new; every row is already in the workspace")
        elif isinstance(outcome, ImportRefused):
            self.show_problems("Import refused: nothing was written", outcome.problems,
                               outcome.warnings)
        elif isinstance(outcome, GreenLedgerError):
            self._show_message(str(outcome))
        self.import_finished.emit(outcome)
        if isinstance(outcome, Exception) and not isinstance(outcome, GreenLedgerError):
            raise outcome  # the top-level hook logs it and shows the error dialog

    # --- Qt overrides --------------------------------------------------------------------------

    def dragEnterEvent(self, event) -> None:
        urls = event.mimeData().urls()
        if urls and Path(urls[0].toLocalFile()).suffix.lower() in IMPORTABLE:
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        event.acceptProposedAction()
        self.start_import(Path(event.mimeData().urls()[0].toLocalFile()))

    def _restore_settings(self) -> None:
        geometry = settings.value("geometry")
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1400, 900)
        page = settings.value("last_page", "Dashboard")
        self.sidebar.setCurrentRow(PAGES.index(page) if page in PAGES else 0)

    def closeEvent(self, event) -> None:
        settings.set_value("geometry", self.saveGeometry())
        settings.set_value("last_page", PAGES[self.sidebar.currentRow()])
        if self.importer.running:
            self.importer.wait()
        focus = QApplication.focusWidget()
        if focus is not None:  # an open cell editor commits (or refuses) before the file closes
            focus.clearFocus()
        self.controller.close()
        super().closeEvent(event)


def _row_count(ws: Workspace) -> int:
    return sum(n for k, n in ws.counts().items() if k != Kind.FACTORS.value)
