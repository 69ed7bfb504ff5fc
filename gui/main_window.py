"""The main window: an assembler of the sidebar pages, menus, status bar and the import worker."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

from greenledger.core.charts import with_chart_extras
from greenledger.core.errors import GreenLedgerError, ImportRefused, error_text
from greenledger.core.fields import Kind
from greenledger.core.importing.importer import ImportResult
from greenledger.core.importing.reader import CSV_SUFFIXES, WORKBOOK_SUFFIXES
from greenledger.core.row_figures import table_rows
from greenledger.core.storage import SUFFIX, Workspace
from greenledger.gui import i18n, settings, table_model
from greenledger.gui.dashboard_view import DashboardView
from greenledger.gui.edit_controller import EditController
from greenledger.gui.factors_view import FactorsView
from greenledger.gui.import_status_view import ImportStatusView
from greenledger.gui.imports_view import ImportsView
from greenledger.gui.problems_dialog import ProblemsDialog
from greenledger.gui.record_model import RecordModels
from greenledger.gui.table_view import TableView
from greenledger.gui.workers import ImportRunner

DATA_PAGES = (
    ("Energy", Kind.ENERGY),
    ("Deliveries", Kind.DELIVERIES),
    ("Packaging", Kind.PACKAGING),
    ("Initiatives", Kind.INITIATIVES),
    ("Sites", Kind.SITES),
    ("Campaigns", Kind.CAMPAIGNS),
)
PAGES = ("Dashboard", *(t for t, _ in DATA_PAGES), "Factors", "Imports")
# Page names as shown (PAGES stay English: they are the keys kept in QSettings).
PAGE_TITLES = (
    QT_TRANSLATE_NOOP("MainWindow", "Dashboard"),
    QT_TRANSLATE_NOOP("MainWindow", "Energy"),
    QT_TRANSLATE_NOOP("MainWindow", "Deliveries"),
    QT_TRANSLATE_NOOP("MainWindow", "Packaging"),
    QT_TRANSLATE_NOOP("MainWindow", "Initiatives"),
    QT_TRANSLATE_NOOP("MainWindow", "Sites"),
    QT_TRANSLATE_NOOP("MainWindow", "Campaigns"),
    QT_TRANSLATE_NOOP("MainWindow", "Factors"),
    QT_TRANSLATE_NOOP("MainWindow", "Imports"),
)
EMPTY_TEXT = {
    Kind.ENERGY: QT_TRANSLATE_NOOP(
        "MainWindow",
        "No energy rows yet: import a workbook (Ctrl+I), paste rows from Excel (Ctrl+V) or add one.",
    ),
    Kind.DELIVERIES: QT_TRANSLATE_NOOP(
        "MainWindow",
        "No deliveries rows yet: import a workbook (Ctrl+I), paste rows from Excel (Ctrl+V) or add one.",
    ),
    Kind.PACKAGING: QT_TRANSLATE_NOOP(
        "MainWindow",
        "No packaging rows yet: import a workbook (Ctrl+I), paste rows from Excel (Ctrl+V) or add one.",
    ),
    Kind.INITIATIVES: QT_TRANSLATE_NOOP(
        "MainWindow",
        "No initiatives yet: import a workbook (Ctrl+I), paste rows from Excel (Ctrl+V) or add one.",
    ),
    Kind.SITES: QT_TRANSLATE_NOOP(
        "MainWindow", "No sites yet: import a workbook (Ctrl+I), paste rows from Excel (Ctrl+V) or add one."
    ),
    Kind.CAMPAIGNS: QT_TRANSLATE_NOOP(
        "MainWindow",
        "No campaigns yet: import a workbook (Ctrl+I), paste rows from Excel (Ctrl+V) or add one.",
    ),
}
IMPORTABLE = WORKBOOK_SUFFIXES + CSV_SUFFIXES
WORKBOOK_PATTERNS = "(*.xlsx *.xlsm *.xls *.ods *.xlsb *.csv)"


class MainWindow(QMainWindow):
    import_finished = Signal(object)  # ImportResult or the exception that refused it

    open_windows: list[MainWindow] = []  # windows alive (a language switch replaces one)

    def __init__(self, workspace_path: Path, controller: EditController | None = None,
                 state: dict | None = None) -> None:
        super().__init__()
        if controller is None:
            controller = EditController(Workspace.open(workspace_path), self)
        else:  # a language switch: the same connection, lock and undo history
            controller.setParent(self)
        self.controller = controller
        self._handed_over = False
        self._keep_history = state is not None
        MainWindow.open_windows.append(self)
        self.importer = ImportRunner(self)
        self._dialogs: list[QWidget] = []
        self.models = RecordModels([kind for _, kind in DATA_PAGES], self)
        self._build_pages()
        self._build_menus()
        self._build_status_bar()
        self._connect_signals()
        self.setAcceptDrops(True)
        self._restore_settings()
        cn_units = str(settings.value("cn_units", False)).lower() == "true"
        self.cn_units_action.setChecked(cn_units)
        table_model.CN_UNITS["on"] = cn_units
        self.dashboard.filter_bar.cn_units = cn_units
        self._on_workspace_opened()
        if state is not None:
            self.apply_state(state)

    # --- assembly ------------------------------------------------------------------------------

    def _build_pages(self) -> None:
        self.dashboard = DashboardView(self)
        self.tables = {
            kind: TableView(
                self.models[kind],
                kind=kind,
                controller=self.controller,
                empty_text=QCoreApplication.translate("MainWindow", EMPTY_TEXT[kind]),
            )
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

    def _action(self, menu, text: str, slot, shortcut=None) -> QAction:
        action = menu.addAction(text)
        action.triggered.connect(slot)
        if shortcut is not None:
            action.setShortcuts(shortcut if isinstance(shortcut, list) else [QKeySequence(shortcut)])
        return action

    def _build_menus(self) -> None:
        file = self.menuBar().addMenu(self.tr("&File"))
        self._action(file, self.tr("&New workspace…"), self._on_new_triggered, QKeySequence.StandardKey.New)
        self._action(file, self.tr("&Open workspace…"), self._on_open_triggered, "Ctrl+O")
        self.recent_menu = file.addMenu(self.tr("&Recent workspaces"))
        file.addSeparator()
        self.import_action = self._action(
            file, self.tr("&Import workbook…"), self._on_import_triggered, "Ctrl+I"
        )
        self._action(file, self.tr("Download &template…"), self._on_template_triggered)
        file.addSeparator()
        self.export_action = self._action(
            file, self.tr("&Export chart…"), self._on_export_triggered, "Ctrl+E"
        )
        self.deck_action = self._action(
            file, self.tr("Export &deck (PowerPoint)…"), self._on_export_deck_triggered, "Ctrl+Shift+E"
        )
        file.addSeparator()
        self._action(file, self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit)
        edit = self.menuBar().addMenu(self.tr("&Edit"))
        stack = self.controller.undo_stack
        self.undo_action = stack.createUndoAction(self, self.tr("&Undo"))
        self.undo_action.setShortcut(QKeySequence("Ctrl+Z"))
        self.redo_action = stack.createRedoAction(self, self.tr("&Redo"))
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        edit.addActions([self.undo_action, self.redo_action])
        edit.addSeparator()
        self._action(edit, self.tr("&Copy"), lambda: self._on_table_action("copy"), "Ctrl+C")
        self._action(edit, self.tr("&Paste"), lambda: self._on_table_action("paste"), "Ctrl+V")
        self._action(
            edit, self.tr("&Delete rows"), lambda: self._on_table_action("delete_selected"), "Delete"
        )
        self._action(edit, self.tr("&Add row…"), lambda: self._on_table_action("add_row"),
                     [QKeySequence("Ctrl+Shift+N"), QKeySequence("Insert")])  # Ctrl+N: New workspace
        view = self.menuBar().addMenu(self.tr("&View"))
        for i, title in enumerate(PAGE_TITLES):
            self._action(
                view,
                "&" + QCoreApplication.translate("MainWindow", title),
                lambda _=False, i=i: self.sidebar.setCurrentRow(i),
                f"Ctrl+{i + 1}",
            )
        view.addSeparator()
        language = view.addMenu(self.tr("&Language"))
        group = QActionGroup(self)
        current = settings.value("language", "system")
        for key, text in (("system", self.tr("System default")), *i18n.LANGUAGES.items()):
            action = language.addAction(text)
            action.setCheckable(True)
            action.setChecked(key == current)
            action.setData(key)
            group.addAction(action)
        group.triggered.connect(lambda a: self.set_language(a.data()))
        self.language_actions = group
        self.cn_units_action = view.addAction(self.tr("Large numbers in 万/亿"))
        self.cn_units_action.setCheckable(True)
        self.cn_units_action.setToolTip(self.tr("Show 450,000,000 kWh as 4.5 亿 and 400,000 t as 40 万 "
                                                "in tables, cards, charts and exports"))
        self.cn_units_action.toggled.connect(self.set_cn_units)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        about = self._action(help_menu, self.tr("&About GreenLedger"), self._on_about_triggered)
        about.setMenuRole(QAction.MenuRole.AboutRole)

    def _on_about_triggered(self) -> None:
        from greenledger.gui.about import AboutDialog

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
        self.setWindowTitle(
            f"GreenLedger — {self.workspace.name}" + (self.tr(" (read-only)") if read_only else "")
        )
        self.path_label.setText(
            (self.tr("Read-only (open in another window) · ") if read_only else "") + str(self.workspace.path)
        )
        self.import_action.setEnabled(not read_only)
        for view in (*self.tables.values(), self.factors_view.workspace_view):
            view.set_read_only(read_only)
        settings.add_recent_workspace(self.workspace.path)
        if not self._keep_history:
            self.controller.undo_stack.clear()
        self._keep_history = False
        self.reload()
        for view in (
            *self.tables.values(),
            self.factors_view.workspace_view,
            self.factors_view.library_view,
            self.imports_view,
        ):
            view.fit_columns()

    def open_workspace(self, path: Path) -> None:
        if self.importer.running:  # its rows go to the workspace open now: let it finish there
            self._show_message(self.tr("Open another workspace once the import has finished"))
            return
        try:
            ws = Workspace.open(path)
        except GreenLedgerError as exc:
            QMessageBox.warning(self, "GreenLedger", error_text(exc))
            return
        self.controller.close()
        self.controller.open(ws)
        self._on_workspace_opened()

    def reload(self) -> None:
        """Read every page again from the workspace (after an import, undo of one, or open)."""
        ws = self.workspace
        self.models.reload(ws)
        self.factors_view.workspace_model.set_rows(
            table_rows(ws, Kind.FACTORS, self.models.book, self.models.summary)
        )
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
        return (
            page.workspace_view
            if page is self.factors_view
            else page
            if isinstance(page, TableView)
            else None
        )

    # --- menu handlers -------------------------------------------------------------------------

    def _on_new_triggered(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("New workspace"),
            f"workspace{SUFFIX}",
            self.tr("GreenLedger workspaces") + f" (*{SUFFIX})",
        )
        if path:
            self.open_workspace(Path(path).with_suffix(SUFFIX))

    def _on_open_triggered(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Open workspace"),
            "",
            self.tr("GreenLedger workspaces") + f" (*{SUFFIX});;" + self.tr("All files") + " (*)",
        )
        if path:
            self.open_workspace(Path(path))

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        for p in settings.recent_workspaces():
            action = self.recent_menu.addAction(str(p))
            action.triggered.connect(lambda _=False, p=p: self.open_workspace(p))

    def _on_export_triggered(self, _checked: bool = False, current: str | None = None) -> None:
        from greenledger.gui.charts.export_dialog import ExportDialog

        dialog = ExportDialog(
            self.dashboard.summary, self.dashboard.filters, current or self.dashboard.current_chart_name, self
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(
            lambda: self._show_message(self.tr("Exported {0}").format(getattr(dialog, "written", "")))
        )
        dialog.open()
        self.export_dialog = dialog

    def _on_export_deck_triggered(self) -> None:
        from greenledger.gui.charts.export_dialog import DECK

        self._on_export_triggered(current=DECK)

    def _on_template_triggered(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Download template"),
            "greenledger-template.xlsx",
            self.tr("Excel workbooks") + " (*.xlsx)",
        )
        if path:
            from greenledger.core.template import write_template

            write_template(Path(path))
            self._show_message(self.tr("Template written to {0}").format(path))

    def _on_table_action(self, name: str) -> None:
        table = self.current_table()
        if table is not None:
            getattr(table, name)()

    def _on_undo_import_requested(self, batch_id: int) -> None:
        reason = self.controller.undo_import(batch_id)
        if reason:
            QMessageBox.warning(self, self.tr("Undo import"), reason)
        else:
            self._show_message(self.tr("Import {0} undone (Ctrl+Z restores it)").format(batch_id))

    def _on_controller_failed(self, reason: str) -> None:
        QMessageBox.warning(self, "GreenLedger", reason)

    def _show_message(self, text: str) -> None:
        self.statusBar().showMessage(text, 8000)

    def show_problems(self, title: str, problems: list, warnings: list | None = None,
                      source: Path | None = None) -> ProblemsDialog:
        dialog = ProblemsDialog(title, problems, warnings or [], self, source=source)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._dialogs.append(dialog)
        dialog.finished.connect(lambda *_: self._dialogs.remove(dialog))
        dialog.show()
        return dialog

    # --- importing -------------------------------------------------------------------------

    def _on_import_triggered(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import workbook"), "", self.tr("Workbooks") + " " + WORKBOOK_PATTERNS
        )
        if path:
            self.open_import_assistant(Path(path))

    def open_import_assistant(self, file: Path):
        """The import assistant on `file` (non-modal); its Import runs start_import with its plans."""
        from greenledger.gui.import_assistant import ImportAssistant

        if self.controller.read_only:
            self._show_message(self.controller.refusal)
            return None
        dialog = ImportAssistant(file, self.workspace, self, start=self.start_import)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        self.import_assistant = dialog
        return dialog

    def start_import(self, file: Path, plans=None) -> bool:
        """Import `file` on a pool thread (its own connection); progress and Cancel in the status bar."""
        if self.controller.read_only:
            self._show_message(self.controller.refusal)
            return False
        if not self.importer.start(self.workspace.path, file, plans):
            self._show_message(self.tr("An import is already running"))
            return False
        self._import_file = Path(file)
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
            self.controller.record_import(outcome.batch_id, outcome.file, outcome.updated)
            self.reload()
            new = outcome.inserted + outcome.updated
            self._show_message(
                self.tr("{0}: imported {1} new and {2} updated rows").format(
                    outcome.file, f"{outcome.inserted:,}", f"{outcome.updated:,}"
                )
                if new
                else self.tr("{0}: nothing new; every row is already in the workspace").format(outcome.file)
            )
        elif isinstance(outcome, ImportRefused):
            self.show_problems(
                self.tr("Import refused: nothing was written"), outcome.problems, outcome.warnings,
                source=getattr(self, "_import_file", None),
            )
        elif isinstance(outcome, GreenLedgerError):
            self._show_message(error_text(outcome))
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
        self.open_import_assistant(Path(event.mimeData().urls()[0].toLocalFile()))

    def _restore_settings(self) -> None:
        geometry = settings.value("geometry")
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1400, 900)
        page = settings.value("last_page", "Dashboard")
        self.sidebar.setCurrentRow(PAGES.index(page) if page in PAGES else 0)

    # --- language ------------------------------------------------------------------------------

    def view_state(self) -> dict:
        """What a rebuilt window restores: geometry, page, dashboard filters and chart, table filters."""
        bar = self.dashboard.filter_bar
        return {
            "geometry": self.saveGeometry(),
            "page": self.sidebar.currentRow(),
            "filters": [box.currentIndex() for box in (bar.site, bar.campaign, bar.year_from, bar.year_to,
                                                       bar.unit)],
            "chart": self.dashboard.current_chart_name,
            "table_filters": {kind: view.filter_edit.text() for kind, view in self.tables.items()},
        }

    def apply_state(self, state: dict) -> None:
        self.restoreGeometry(state["geometry"])
        self.sidebar.setCurrentRow(state["page"])
        bar = self.dashboard.filter_bar
        for box, i in zip((bar.site, bar.campaign, bar.year_from, bar.year_to, bar.unit), state["filters"],
                          strict=True):
            box.setCurrentIndex(i)
        self.dashboard.select_chart(state["chart"])
        for kind, text in state["table_filters"].items():
            self.tables[kind].filter_edit.setText(text)

    def set_language(self, choice: str) -> MainWindow:
        """Switch to `choice` ('en', 'zh' or 'system') live: remembered, installed, and this window
        replaced by one built in that language on the same workspace connection, undo history,
        page, filters and size. Returns the new window."""
        if self.importer.running:  # its result belongs to this window: switch once it is in
            self._show_message(self.tr("Switch the language once the import has finished"))
            self._check_language(settings.value("language", "system"))
            return self
        settings.set_value("language", choice)
        i18n.install(choice)
        new = MainWindow(self.workspace.path, controller=self.controller, state=self.view_state())
        from greenledger.gui.import_assistant import ImportAssistant

        for dialog in self.findChildren(QDialog):  # open assistants and reports stay open
            dialog.setParent(new, dialog.windowFlags())
            if isinstance(dialog, ImportAssistant):
                dialog.start = new.start_import
        self._handed_over = True
        self.controller.changed.disconnect(self._on_controller_changed)
        self.controller.failed.disconnect(self._on_controller_failed)
        new.show()
        self.close()
        return new

    def set_cn_units(self, on: bool) -> None:
        """Large quantities in 万/亿 (4.5 亿千瓦时, 40 万吨) everywhere figures are shown; remembered."""
        settings.set_value("cn_units", on)
        table_model.CN_UNITS["on"] = on
        self.dashboard.filter_bar.cn_units = on
        for model in (*self.models.values(), self.factors_view.workspace_model):
            model.layoutChanged.emit()
        self.dashboard.refresh()

    def _check_language(self, choice: str) -> None:
        for action in self.language_actions.actions():
            action.setChecked(action.data() == choice)

    def closeEvent(self, event) -> None:
        if self._handed_over:  # replaced by a window in another language: keep the workspace open
            MainWindow.open_windows.remove(self)
            super().closeEvent(event)
            self.deleteLater()
            return
        if self in MainWindow.open_windows:
            MainWindow.open_windows.remove(self)
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
