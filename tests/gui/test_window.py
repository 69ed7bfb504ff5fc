"""The main window: title, pages, dashboard cards, empty state, settings."""

from __future__ import annotations

from pathlib import Path

from greenledger.core.storage import Workspace
from greenledger.gui import settings
from greenledger.gui.main_window import PAGES, MainWindow


def test_title_names_the_workspace(window):
    assert window.windowTitle() == "GreenLedger — demo"


def test_every_page_is_in_the_sidebar(window):
    names = [window.sidebar.item(i).text() for i in range(window.sidebar.count())]
    assert names == ["Dashboard", "Energy", "Deliveries", "Packaging", "Initiatives", "Sites",
                     "Campaigns", "Factors", "Imports"]
    assert window.stack.count() == len(PAGES)
    window.sidebar.setCurrentRow(PAGES.index("Energy"))
    assert window.current_table().model.rowCount() == 210  # the demo's energy rows, 2018-2021


def test_dashboard_shows_the_key_figures(window):
    assert not window.dashboard.is_empty_state
    band = window.dashboard.band  # the campaign's story (tests/gui/test_dashboard.py has the rest)
    assert band.card("intensity").value.text() == "−18.0 %"
    assert band.card("share").lines.text().count("Zhangbei DC") == 1
    assert band.card("Initiative of Cainiao: Energy-efficient DC, smart packaging algorithm and rooftop PV")


def test_empty_workspace_shows_how_to_begin(qtbot, tmp_path):
    w = MainWindow(tmp_path / "empty.greenledger")
    qtbot.addWidget(w)
    assert w.dashboard.is_empty_state
    energy = w.tables[next(k for k in w.tables if k.value == "energy")]
    assert not energy.empty_label.isHidden()


def test_computed_figures_say_how_they_were_computed(window):
    from PySide6.QtCore import Qt

    model = window.models[next(k for k in window.models if k.value == "energy")]
    col = next(i for i, c in enumerate(model.columns) if c.key == "t_co2e")
    index = model.index(0, col)
    assert not model.flags(index) & Qt.ItemFlag.ItemIsEditable
    tip = model.data(index, Qt.ItemDataRole.ToolTipRole)
    assert "kWh ×" in tip and "kg CO2/kWh" in tip and "MEE" in tip
    energy_col = next(i for i, c in enumerate(model.columns) if c.field == "energy")
    assert model.data(model.index(0, energy_col)) == "28,120,000"  # Ulanqab DC, grid, January 2018
    assert model.headerData(energy_col, Qt.Orientation.Horizontal) == "Energy (kWh)"
    align = model.data(model.index(0, energy_col), Qt.ItemDataRole.TextAlignmentRole)
    assert align & int(Qt.AlignmentFlag.AlignRight)


def test_settings_remember_page_and_recent(qtbot, demo_path: Path, fresh_settings: Path):
    w = MainWindow(demo_path)
    qtbot.addWidget(w)
    w.sidebar.setCurrentRow(PAGES.index("Sites"))
    w.close()
    assert fresh_settings.exists()
    assert settings.recent_workspaces()[0] == demo_path.resolve()
    again = MainWindow(demo_path)
    qtbot.addWidget(again)
    assert again.sidebar.currentItem().text() == "Sites"


def test_open_refuses_a_file_that_is_not_a_workspace(qtbot, window, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    bad = tmp_path / "notes.greenledger"
    bad.write_text("hello")
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: shown.append(a[2]))
    window.open_workspace(bad)
    assert "not a GreenLedger workspace" in shown[0]
    assert window.windowTitle() == "GreenLedger — demo"


def test_open_switches_workspace(qtbot, window, tmp_path):
    other = tmp_path / "other.greenledger"
    Workspace.open(other).close()
    window.open_workspace(other)
    assert window.windowTitle() == "GreenLedger — other"
    assert window.dashboard.is_empty_state


def test_pages_have_keyboard_shortcuts(qtbot, window):
    from PySide6.QtCore import Qt

    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert window.sidebar.currentItem().text() == "Deliveries"


def test_workspace_open_in_another_window_opens_read_only(qtbot, demo_path, tmp_path):
    from tests.gui.helpers import query

    stored = query(demo_path, "SELECT energy_kwh FROM energy WHERE id = 61")
    first = MainWindow(demo_path)
    qtbot.addWidget(first)
    assert not first.controller.read_only
    second = MainWindow(demo_path)
    qtbot.addWidget(second)
    assert second.controller.read_only
    assert second.windowTitle() == "GreenLedger — demo (read-only)"
    assert not second.import_action.isEnabled()
    view = second.tables[next(k for k in second.tables if k.value == "energy")]
    col = view.model.field_column("energy")
    assert not view.proxy.setData(view.proxy.index(0, col), "5")
    assert "read-only" in view.paste_text("5\n")[0].reason
    assert not second.start_import(tmp_path / "any.xlsx")
    assert query(demo_path, "SELECT energy_kwh FROM energy WHERE id = 61") == stored == [(30000000.0,)]
    first.close()
    third = MainWindow(demo_path)  # the lock is released when the first window closes
    qtbot.addWidget(third)
    assert not third.controller.read_only


def test_a_file_open_event_opens_a_workspace_or_the_import_assistant(qtbot, window, tmp_path):
    from PySide6.QtGui import QFileOpenEvent
    from PySide6.QtWidgets import QApplication

    from greenledger.gui.app import FileOpenFilter, WindowRegistry

    other = tmp_path / "other.greenledger"
    windows = WindowRegistry()
    windows.add(window)
    f = FileOpenFilter(windows)
    assert f.eventFilter(QApplication.instance(), QFileOpenEvent(str(other)))
    assert window.workspace.path == other
    book = tmp_path / "book.csv"
    book.write_text("Site,Type,Grid region,Country\\nX,warehouse,East China,China\\n", encoding="utf-8")
    assert f.eventFilter(QApplication.instance(), QFileOpenEvent(str(book)))
    assert window.import_assistant is not None and window.import_assistant.path == book
    assert not f.eventFilter(QApplication.instance(), QFileOpenEvent(str(tmp_path / "notes.txt.bak")))
