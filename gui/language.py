"""View › Language: English, 简体中文 or the system's, switched live. The window is rebuilt in the
new language on the same workspace connection, undo history, page, filters and size; open import
assistants and reports move over to the new window."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QActionGroup
from PySide6.QtWidgets import QDialog, QMenu

from greenledger.gui import i18n, settings


def add_language_menu(view: QMenu, choose: Callable[[str], object]) -> QActionGroup:
    """The Language submenu of `view`, one checkable action per choice; `choose(key)` on a pick."""
    menu = view.addMenu(QCoreApplication.translate("MainWindow", "&Language"))
    group = QActionGroup(menu)
    current = settings.value("language", "system")
    for key, text in (("system", QCoreApplication.translate("MainWindow", "System default")),
                      *i18n.LANGUAGES.items()):
        action = menu.addAction(text)
        action.setCheckable(True)
        action.setChecked(key == current)
        action.setData(key)
        group.addAction(action)
    group.triggered.connect(lambda a: choose(a.data()))
    return group


def check_language(group: QActionGroup, choice: str) -> None:
    for action in group.actions():
        action.setChecked(action.data() == choice)


def view_state(window) -> dict:
    """What a rebuilt window restores: geometry, page, dashboard filters and chart, table filters."""
    return {
        "geometry": window.saveGeometry(),
        "page": window.sidebar.currentRow(),
        "filters": [box.currentIndex() for box in _filter_boxes(window)],
        "chart": window.dashboard.current_chart_name,
        "table_filters": {kind: view.filter_edit.text() for kind, view in window.tables.items()},
    }


def apply_state(window, state: dict) -> None:
    window.restoreGeometry(state["geometry"])
    window.sidebar.setCurrentRow(state["page"])
    for box, i in zip(_filter_boxes(window), state["filters"], strict=True):
        box.setCurrentIndex(i)
    window.dashboard.select_chart(state["chart"])
    for kind, text in state["table_filters"].items():
        window.tables[kind].filter_edit.setText(text)


def _filter_boxes(window) -> tuple:
    bar = window.dashboard.filter_bar
    return bar.site, bar.campaign, bar.year_from, bar.year_to, bar.unit


def switch_language(window, choice: str):
    """Switch to `choice` ('en', 'zh' or 'system'): remembered, installed, and `window` replaced
    by one of its class built in that language (it emits `window.replaced(new)`). Returns the
    window now shown: `window` itself while an import runs (its result belongs to it)."""
    if window.imports.running:
        window.show_message(QCoreApplication.translate(
            "MainWindow", "Switch the language once the import has finished"))
        check_language(window.language_actions, settings.value("language", "system"))
        return window
    settings.set_value("language", choice)
    i18n.install(choice)
    new = type(window)(window.workspace.path, controller=window.controller, state=view_state(window),
                       display=window.display)
    from greenledger.gui.import_assistant import ImportAssistant

    for dialog in window.findChildren(QDialog):  # open assistants and reports stay open
        dialog.setParent(new, dialog.windowFlags())
        if isinstance(dialog, ImportAssistant):
            dialog.start = new.start_import
    window.hand_over()
    window.replaced.emit(new)
    new.show()
    window.close()
    return new
