"""The main window's menu bar: File, Edit, View and Help, each action connected to a method (never
dispatched by name), and the File menu's dialogs (new, open, recent, template, export).

Like Qt Designer's `setupUi`, `Menus(window)` sets the actions the rest of the window (and its
tests) reach as attributes of the window: `import_action`, `export_action`, `deck_action`,
`undo_action`, `redo_action`, `cn_units_action`, `language_actions`, `recent_menu` and
`view_menu`. Strings keep the "MainWindow" translation context they had when the window built
its menus itself.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox

from greenledger.core.storage import SUFFIX
from greenledger.gui import settings
from greenledger.gui.check_dialog import show_check_dialog
from greenledger.gui.language import add_language_menu
from greenledger.gui.pages import PAGE_TITLES
from greenledger.gui.table_view import TableView


def add_action(menu: QMenu, text: str, slot: Callable, shortcut=None) -> QAction:
    """`menu`'s new action `text` calling `slot`; `shortcut` a key, a standard key or a list."""
    action = menu.addAction(text)
    action.triggered.connect(slot)
    if shortcut is not None:
        action.setShortcuts(shortcut if isinstance(shortcut, list) else [QKeySequence(shortcut)])
    return action


class Menus(QObject):
    """Builds `window`'s menu bar (see the module's docstring) and runs the File menu's dialogs."""

    def __init__(self, window) -> None:
        super().__init__(window)
        bar = window.menuBar()
        self._file_menu(bar.addMenu(QCoreApplication.translate("MainWindow", "&File")))
        self._edit_menu(bar.addMenu(QCoreApplication.translate("MainWindow", "&Edit")))
        window.view_menu = bar.addMenu(QCoreApplication.translate("MainWindow", "&View"))
        self._view_menu(window.view_menu)
        help_menu = bar.addMenu(QCoreApplication.translate("MainWindow", "&Help"))
        about = add_action(help_menu, QCoreApplication.translate("MainWindow", "&About GreenLedger"),
                           self.about)
        about.setMenuRole(QAction.MenuRole.AboutRole)

    @property
    def window(self):
        """The main window (the Qt parent: no Python reference cycle keeps a closed window alive)."""
        return self.parent()

    def _file_menu(self, file: QMenu) -> None:
        w = self.window
        add_action(file, QCoreApplication.translate("MainWindow", "&New workspace…"), self.new_workspace,
                   QKeySequence.StandardKey.New)
        add_action(file, QCoreApplication.translate("MainWindow", "&Open workspace…"), self.open_workspace,
                   "Ctrl+O")
        w.recent_menu = file.addMenu(QCoreApplication.translate("MainWindow", "&Recent workspaces"))
        w.recent_menu.aboutToShow.connect(self.fill_recent_menu)
        file.addSeparator()
        w.import_action = add_action(file, QCoreApplication.translate("MainWindow", "&Import workbook…"),
                                     w.imports.choose_file, "Ctrl+I")
        add_action(file, QCoreApplication.translate("MainWindow", "Download &template…"), self.template)
        file.addSeparator()
        w.export_action = add_action(file, QCoreApplication.translate("MainWindow", "&Export chart…"),
                                     self.export_chart, "Ctrl+E")
        w.deck_action = add_action(
            file, QCoreApplication.translate("MainWindow", "Export &deck (PowerPoint)…"), self.export_deck,
            "Ctrl+Shift+E")
        file.addSeparator()
        add_action(file, QCoreApplication.translate("MainWindow", "&Quit"), w.close,
                   QKeySequence.StandardKey.Quit)

    def _edit_menu(self, edit: QMenu) -> None:
        w = self.window
        stack = w.controller.undo_stack
        w.undo_action = stack.createUndoAction(w, QCoreApplication.translate("MainWindow", "&Undo"))
        w.undo_action.setShortcut(QKeySequence("Ctrl+Z"))
        w.redo_action = stack.createRedoAction(w, QCoreApplication.translate("MainWindow", "&Redo"))
        w.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        edit.addActions([w.undo_action, w.redo_action])
        edit.addSeparator()
        for text, method, keys in (
            (QCoreApplication.translate("MainWindow", "&Copy"), TableView.copy, "Ctrl+C"),
            (QCoreApplication.translate("MainWindow", "&Paste"), TableView.paste, "Ctrl+V"),
            (QCoreApplication.translate("MainWindow", "&Delete rows"), TableView.delete_selected, "Delete"),
            (QCoreApplication.translate("MainWindow", "&Add row…"), TableView.add_row,
             [QKeySequence("Ctrl+Shift+N"), QKeySequence("Insert")]),  # Ctrl+N: New workspace
        ):
            add_action(edit, text, lambda _=False, m=method: self.on_current_table(m), keys)

    def _view_menu(self, view: QMenu) -> None:
        """Pages (Ctrl+1 … Ctrl+9); then the workspace's views; then language and number display."""
        w = self.window
        for i, title in enumerate(PAGE_TITLES):
            add_action(view, "&" + QCoreApplication.translate("MainWindow", title),
                       lambda _=False, i=i: w.sidebar.setCurrentRow(i), f"Ctrl+{i + 1}")
        view.addSeparator()
        # View actions about the workspace go here, one `add_action(view, text, slot)` each,
        # connected to a method or function that does the work (never dispatched by name).
        w.check_action = add_action(view, QCoreApplication.translate("MainWindow", "&Check workspace…"),
                                    lambda _=False: show_check_dialog(w))
        view.addSeparator()
        w.language_actions = add_language_menu(view, w.set_language)
        w.cn_units_action = view.addAction(QCoreApplication.translate("MainWindow", "Large numbers in 万/亿"))
        w.cn_units_action.setCheckable(True)
        w.cn_units_action.setToolTip(QCoreApplication.translate(
            "MainWindow", "Show 450,000,000 kWh as 4.5 亿 and 400,000 t as 40 万 "
            "in tables, cards, charts and exports"))
        w.cn_units_action.setChecked(w.display.cn_units)
        w.cn_units_action.toggled.connect(w.display.set_cn_units)
        w.display.cn_units_changed.connect(w.cn_units_action.setChecked)

    # --- slots -------------------------------------------------------------------------------

    def on_current_table(self, method: Callable[[TableView], object]) -> None:
        """Edit menu: `method` (TableView.copy, .paste, ...) on the page's table, if it has one."""
        table = self.window.current_table()
        if table is not None:
            method(table)

    def new_workspace(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self.window, QCoreApplication.translate("MainWindow", "New workspace"), f"workspace{SUFFIX}",
            QCoreApplication.translate("MainWindow", "GreenLedger workspaces") + f" (*{SUFFIX})")
        if path:
            self.window.open_workspace(Path(path).with_suffix(SUFFIX))

    def open_workspace(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self.window, QCoreApplication.translate("MainWindow", "Open workspace"), "",
            QCoreApplication.translate("MainWindow", "GreenLedger workspaces") + f" (*{SUFFIX});;"
            + QCoreApplication.translate("MainWindow", "All files") + " (*)")
        if path:
            self.window.open_workspace(Path(path))

    def fill_recent_menu(self) -> None:
        menu = self.window.recent_menu
        menu.clear()
        for p in settings.recent_workspaces():
            action = menu.addAction(str(p))
            action.triggered.connect(lambda _=False, p=p: self.window.open_workspace(p))

    def export_chart(self, _checked: bool = False, current: str | None = None) -> None:
        """The export dialog on the dashboard's summary and filters (kept as window.export_dialog)."""
        from greenledger.gui.charts.export_dialog import ExportDialog

        w = self.window
        dialog = ExportDialog(w.dashboard.summary, w.dashboard.filters,
                              current or w.dashboard.current_chart_name, w)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: w.show_message(
            QCoreApplication.translate("MainWindow", "Exported {0}").format(getattr(dialog, "written", ""))))
        dialog.open()
        w.export_dialog = dialog

    def export_deck(self) -> None:
        from greenledger.gui.charts.export_dialog import DECK

        self.export_chart(current=DECK)

    def template(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self.window, QCoreApplication.translate("MainWindow", "Download template"),
            "greenledger-template.xlsx",
            QCoreApplication.translate("MainWindow", "Excel workbooks") + " (*.xlsx)")
        if not path:
            return
        from greenledger.core.template import write_template

        try:
            write_template(Path(path))
        except OSError as exc:  # a read-only folder or a full disk: say so, never the crash dialog
            QMessageBox.warning(self.window, "GreenLedger", QCoreApplication.translate(
                "MainWindow", "{0} could not be written ({1}): choose a folder you can write to, "
                "on a disk with free space.").format(path, exc.strerror or exc))
            return
        self.window.show_message(
            QCoreApplication.translate("MainWindow", "Template written to {0}").format(path))

    def about(self) -> None:
        from greenledger.gui.about import AboutDialog

        AboutDialog(self.window.workspace.library_version, self.window).exec()
