"""The main window: it assembles the sidebar pages, the menus (gui.menus), the status bar, the
import controller (gui.import_controller) and the display settings (gui.display_settings), and
follows the workspace it shows. The language switch is gui.language."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

from greenledger.core.errors import GreenLedgerError, error_text
from greenledger.core.fields import Kind
from greenledger.core.row_figures import table_rows
from greenledger.core.storage import Workspace
from greenledger.core.summary import EMPTY
from greenledger.gui import language, settings
from greenledger.gui.dashboard_view import DashboardView
from greenledger.gui.display_settings import DisplaySettings
from greenledger.gui.edit_controller import EditController
from greenledger.gui.factors_view import FactorsView
from greenledger.gui.import_controller import ImportController, importable
from greenledger.gui.import_status_view import ImportStatusView
from greenledger.gui.imports_view import ImportsView
from greenledger.gui.menus import Menus
from greenledger.gui.pages import DATA_PAGES, EMPTY_TEXT, PAGE_TITLES, PAGES
from greenledger.gui.problems_dialog import ProblemsDialog
from greenledger.gui.record_model import RecordModels
from greenledger.gui.table_view import TableView

__all__ = ["PAGES", "MainWindow"]


class MainWindow(QMainWindow):
    """A window on one workspace. `display` is shared by the application's windows (a window made
    without one reads its own from QSettings); a language switch passes `controller` (the same
    connection, lock and undo history) and `state` (page, filters, size) to the new window."""

    import_finished = Signal(object)  # ImportResult or the exception that refused it
    replaced = Signal(object)  # the window that took this one's place (a language switch)
    closed = Signal()

    def __init__(self, workspace_path: Path, controller: EditController | None = None,
                 state: dict | None = None, display: DisplaySettings | None = None) -> None:
        super().__init__()
        if controller is None:
            controller = EditController(Workspace.open(workspace_path), self)
        else:  # a language switch: the same connection, lock and undo history
            controller.setParent(self)
        self.controller = controller
        self.display = display if display is not None else DisplaySettings()  # no parent: it
        # outlives this window when a language switch hands it to the next one
        self._handed_over = False
        self._keep_history = state is not None
        self._dialogs: list[QWidget] = []
        self.models = RecordModels([kind for _, kind in DATA_PAGES], self)
        self.models.signals.summary_ready.connect(self._on_summary_ready)
        self.models.signals.summary_failed.connect(self._on_summary_failed)
        self.models.background.hold()  # the big reads start once the window has painted
        QTimer.singleShot(1500, self, self.models.background.release)  # (or never shown)
        self._build_pages()
        self._build_status_bar()
        self.imports = ImportController(self)
        self.menus = Menus(self)
        self._connect_signals()
        self.setAcceptDrops(True)
        self._restore_settings()
        self._show_cn_units(self.display.cn_units)
        self._on_workspace_opened()
        if state is not None:
            language.apply_state(self, state)

    # --- assembly ------------------------------------------------------------------------------

    def _build_pages(self) -> None:
        self.dashboard = DashboardView(self)
        self.tables = {
            kind: TableView(self.models[kind], kind=kind, controller=self.controller,
                            empty_text=QCoreApplication.translate("MainWindow", EMPTY_TEXT[kind]))
            for _title, kind in DATA_PAGES
        }
        self.factors_view = FactorsView(self.controller, self)
        self.imports_view = ImportsView(self)
        self.sidebar = QListWidget(self)
        self.sidebar.addItems([QCoreApplication.translate("MainWindow", t) for t in PAGE_TITLES])
        self.sidebar.setFixedWidth(170)
        self.sidebar.setStyleSheet(
            "QListWidget { font-size: 11pt; padding-top: 6px; }QListWidget::item { padding: 7px 10px; }"
        )
        self.stack = QStackedWidget(self)
        for page in (self.dashboard, *self.tables.values(), self.factors_view, self.imports_view):
            self.stack.addWidget(page)
        central = QWidget(self)
        layout = QHBoxLayout(central)
        layout.addWidget(self.sidebar)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)

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
            view.message.connect(self.show_message)
            view.problems_found.connect(self.show_problems)
        self.imports_view.undo_import_requested.connect(self._on_undo_import_requested)
        self.dashboard.import_requested.connect(self.imports.choose_file)
        self.dashboard.template_requested.connect(self.menus.template)
        self.imports.finished.connect(self.import_finished)
        self.display.cn_units_changed.connect(self._on_cn_units_changed)

    def _editable_views(self) -> tuple[TableView, ...]:
        return (*self.tables.values(), self.factors_view.workspace_view)

    # --- workspace ---------------------------------------------------------------------------

    @property
    def workspace(self) -> Workspace:
        return self.controller.ws

    def _on_workspace_opened(self) -> None:
        read_only = self.controller.read_only
        self.setWindowTitle(
            f"GreenLedger — {self.workspace.name}" + (self.tr(" (read-only)") if read_only else "")
        )
        self.path_label.setText(
            (self.tr("Read-only (open in another window) · ") if read_only else "") + str(self.workspace.path)
        )
        self.import_action.setEnabled(not read_only)
        for view in self._editable_views():
            view.set_read_only(read_only)
        settings.add_recent_workspace(self.workspace.path)
        if not self._keep_history:
            self.controller.undo_stack.clear()
        self._keep_history = False
        self.reload()
        for view in (*self._editable_views(), self.factors_view.library_view, self.imports_view):
            view.fit_columns()

    def open_workspace(self, path: Path) -> None:
        if self.imports.running:  # its rows go to the workspace open now: let it finish there
            self.show_message(self.tr("Open another workspace once the import has finished"))
            return
        try:
            ws = Workspace.open(path)
        except GreenLedgerError as exc:
            QMessageBox.warning(self, "GreenLedger", error_text(exc))
            return
        self.imports.close_assistant()  # it reads and imports for the workspace it opened on
        self.controller.close()
        self.controller.open(ws)
        self._on_workspace_opened()

    def reload(self) -> None:
        """Read every page again from the workspace (after an import, undo of one, or open): the
        tables count their rows and read the ones shown; the summary (dashboard, sites and
        campaigns figures) comes at once for a small workspace, from a worker for a big one."""
        ws = self.workspace
        self._show_loading(ws)
        self.models.reload(ws)
        self.factors_view.workspace_model.set_rows(
            table_rows(ws, Kind.FACTORS, self.models.book, EMPTY)  # factors' rows use no summary
        )
        self.factors_view.set_library(ws.library_factors(), ws.library_version)
        self.imports_view.set_batches(ws.batches())

    def _show_loading(self, ws: Workspace) -> None:
        rows = sum(n for k, n in ws.counts().items() if k != Kind.FACTORS.value)
        self.dashboard.set_loading(rows)
        self.export_action.setEnabled(bool(rows))
        self.deck_action.setEnabled(bool(rows))

    def _on_summary_ready(self) -> None:
        if self.controller.closed:
            return
        from greenledger.core.charts import with_chart_extras

        ws = self.workspace
        rows = sum(n for k, n in ws.counts().items() if k != Kind.FACTORS.value)
        self.dashboard.set_summary(with_chart_extras(self.models.summary, ws), rows)

    def _on_summary_failed(self, exc: Exception) -> None:
        self.dashboard.set_failed(error_text(exc) if isinstance(exc, GreenLedgerError) else str(exc))

    def _on_controller_changed(self, change: tuple | None) -> None:
        """After an edit: the edited rows and what depends on them (see RecordModels.refresh)."""
        if self.controller.closed:  # an editor committed as the window closed
            return
        ws = self.workspace
        if change is None:
            self.reload()
            return
        self._show_loading(ws)
        if not self.models.refresh(ws, *change):
            self.reload()

    def current_table(self) -> TableView | None:
        page = self.stack.currentWidget()
        if page is self.factors_view:
            return page.workspace_view
        return page if isinstance(page, TableView) else None

    def _show_cn_units(self, on: bool) -> None:
        """Large quantities in 万/亿 (4.5 亿千瓦时, 40 万吨) wherever this window shows figures."""
        for model in (*self.models.values(), self.factors_view.workspace_model):
            model.set_cn_units(on)
        self.dashboard.filter_bar.cn_units = on

    def _on_cn_units_changed(self, on: bool) -> None:
        self._show_cn_units(on)
        self.dashboard.refresh()

    # --- messages ------------------------------------------------------------------------------

    def _on_undo_import_requested(self, batch_id: int) -> None:
        reason = self.controller.undo_import(batch_id)
        if reason:
            QMessageBox.warning(self, self.tr("Undo import"), reason)
        else:
            self.show_message(self.tr("Import {0} undone (Ctrl+Z restores it)").format(batch_id))

    def _on_controller_failed(self, reason: str) -> None:
        QMessageBox.warning(self, "GreenLedger", reason)

    def show_message(self, text: str) -> None:
        self.statusBar().showMessage(text, 8000)

    def show_problems(self, title: str, problems: list, warnings: list | None = None,
                      source: Path | None = None) -> ProblemsDialog:
        dialog = ProblemsDialog(title, problems, warnings or [], self, source=source)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._dialogs.append(dialog)
        dialog.finished.connect(lambda *_: self._dialogs.remove(dialog))
        dialog.show()
        return dialog

    # --- importing (gui.import_controller) --------------------------------------------------

    @property
    def import_assistant(self):
        return self.imports.assistant

    def open_import_assistant(self, file: Path):
        return self.imports.open_assistant(file)

    def start_import(self, file: Path, plans=None) -> bool:
        return self.imports.start(file, plans)

    def dragEnterEvent(self, event) -> None:  # noqa: N802 - Qt override
        urls = event.mimeData().urls()
        if urls and importable(Path(urls[0].toLocalFile())):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:  # noqa: N802 - Qt override
        event.acceptProposedAction()
        self.open_import_assistant(Path(event.mimeData().urls()[0].toLocalFile()))

    # --- language (gui.language) and closing ---------------------------------------------------

    def set_language(self, choice: str) -> MainWindow:
        """Switch to `choice` ('en', 'zh' or 'system') live; returns the window now shown."""
        return language.switch_language(self, choice)

    def hand_over(self) -> None:
        """Replaced by a window in another language: it keeps the workspace open."""
        self._handed_over = True
        self.controller.changed.disconnect(self._on_controller_changed)
        self.controller.failed.disconnect(self._on_controller_failed)
        self.display.cn_units_changed.disconnect(self._on_cn_units_changed)
        self.models.background.cancel_all()

    def _restore_settings(self) -> None:
        geometry = settings.value("geometry")
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1400, 900)
        page = settings.value("last_page", "Dashboard")
        self.sidebar.setCurrentRow(PAGES.index(page) if page in PAGES else 0)

    def event(self, event) -> bool:
        if event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, self, self.models.background.release)
        return super().event(event)

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt override
        self.closed.emit()
        if self._handed_over:
            super().closeEvent(event)
            self.deleteLater()
            return
        settings.set_value("geometry", self.saveGeometry())
        settings.set_value("last_page", PAGES[self.sidebar.currentRow()])
        self.imports.wait()
        self.models.background.cancel_all()
        focus = QApplication.focusWidget()
        if focus is not None:  # an open cell editor commits (or refuses) before the file closes
            focus.clearFocus()
        self.controller.close()
        super().closeEvent(event)
