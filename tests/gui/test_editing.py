"""Editing in place: cell edits validated by the importer's rules, undo/redo, add, delete."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from greenledger.core.fields import Kind
from greenledger.gui.add_row_dialog import AddRowDialog
from tests.gui.helpers import query

FIRST_ENERGY = "SELECT energy_kwh FROM energy WHERE id = 85"  # Ulanqab DC, grid, January 2018


def _energy_cell(window, field="energy", row=0):
    view = window.tables[Kind.ENERGY]
    col = view.model.field_column(field)
    return view, view.proxy.index(row, col)


def test_edit_undo_redo_change_the_file(qtbot, window, demo_path):
    view, index = _energy_cell(window)
    assert view.model.row(0)["id"] == 85
    assert query(demo_path, FIRST_ENERGY) == [(28120000.0,)]
    assert view.proxy.setData(index, "1,234.5")
    assert query(demo_path, FIRST_ENERGY) == [(1234.5,)]
    qtbot.waitUntil(lambda: index.data() == "1,234.5")
    window.undo_action.trigger()
    assert query(demo_path, FIRST_ENERGY) == [(28120000.0,)]
    qtbot.waitUntil(lambda: index.data() == "28,120,000")
    window.redo_action.trigger()
    assert query(demo_path, FIRST_ENERGY) == [(1234.5,)]
    assert window.redo_action.shortcuts()[0].toString() == "Ctrl+Shift+Z"


def test_invalid_edit_is_refused_with_the_importers_reason(window, demo_path):
    view, index = _energy_cell(window)
    before = query(demo_path, "SELECT * FROM energy ORDER BY id")
    assert not view.proxy.setData(index, "lots")
    assert view.model.last_refusal == "Energy (kWh): not a number"
    _, site = _energy_cell(window, "site")
    assert not view.proxy.setData(site, "Atlantis")
    assert "unknown site" in view.model.last_refusal
    _, instrument = _energy_cell(window, "instrument")
    assert not view.proxy.setData(instrument, "PPA")  # row 0 is a grid row
    assert "grid rows have no instrument" in view.model.last_refusal
    assert query(demo_path, "SELECT * FROM energy ORDER BY id") == before
    assert not window.undo_action.isEnabled()


def test_editor_stays_open_and_shows_the_reason(qtbot, window):
    view, index = _energy_cell(window)
    window.sidebar.setCurrentRow(1)
    view.table.setCurrentIndex(index)
    view.table.edit(index)
    editor = next(e for e in view.table.viewport().findChildren(QLineEdit) if e.isVisible())
    editor.setText("-5")
    with qtbot.waitSignal(view.delegate.refused) as blocker:
        qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert "negative" in blocker.args[0]
    assert editor.isVisible() and "negative" in editor.toolTip()


def test_duplicate_key_is_refused(window, demo_path):
    view = window.tables[Kind.SITES]
    index = view.proxy.index(0, view.model.field_column("site"))
    assert index.data() == "Ulanqab DC"
    assert not view.proxy.setData(index, "Zhangbei DC")
    assert "same site as another row" in view.model.last_refusal
    assert query(demo_path, "SELECT name FROM sites ORDER BY name") == [("Ulanqab DC",),
                                                                         ("Zhangbei DC",)]


def test_delete_and_undo(qtbot, window, demo_path):
    view, index = _energy_cell(window)
    window.sidebar.setCurrentRow(1)
    view.table.selectRow(0)
    view.delete_selected()
    assert query(demo_path, "SELECT count(*) FROM energy") == [(209,)]  # of the demo's 210
    window.undo_action.trigger()
    assert query(demo_path, "SELECT count(*) FROM energy WHERE id = 85") == [(1,)]


def test_deleting_a_site_with_energy_rows_is_refused(qtbot, window, demo_path):
    view = window.tables[Kind.SITES]
    view.table.selectRow(0)
    with qtbot.waitSignal(view.problems_found) as blocker:
        view.delete_selected()
    assert "energy rows refer to it" in blocker.args[1][0].reason
    assert query(demo_path, "SELECT count(*) FROM sites") == [(2,)]


def test_add_row_dialog(qtbot, window, demo_path):
    window.sidebar.setCurrentRow(5)
    assert window.current_table().kind == Kind.SITES
    dialog = window.current_table().add_row()
    assert isinstance(dialog, AddRowDialog) and dialog.isVisible()
    dialog.set_values({"site": "Hangzhou office", "grid_region": ""})  # a region is required
    problems = dialog.try_accept()
    assert problems and "required value missing" in dialog.error_label.text()
    assert query(demo_path, "SELECT count(*) FROM sites") == [(2,)]
    dialog.set_values({"grid_region": "华东"})
    assert dialog.try_accept() == []
    assert query(demo_path, "SELECT grid_region FROM sites WHERE name = 'Hangzhou office'") \
        == [("East China",)]
    window.undo_action.trigger()
    assert query(demo_path, "SELECT count(*) FROM sites") == [(2,)]


def test_editing_a_sites_region_updates_the_energy_figures(qtbot, window):
    sites = window.tables[Kind.SITES]
    energy = window.models[Kind.ENERGY]
    col = next(i for i, c in enumerate(energy.columns) if c.key == "factor_kg_per_kwh")
    assert energy.index(0, col).data() == "0.7025"  # Ulanqab DC, Inner Mongolia
    region = sites.proxy.index(0, sites.model.field_column("grid_region"))
    assert sites.proxy.setData(region, "华北")  # an alias the importer maps to North China
    qtbot.waitUntil(lambda: energy.index(0, col).data() != "0.7025")
    assert "North China" in energy.index(0, col).data(Qt.ItemDataRole.ToolTipRole)
    assert sites.proxy.index(0, sites.model.field_column("grid_region")).data() == "North China"


def test_choice_cells_edit_with_a_dropdown(qtbot, window, demo_path):
    from PySide6.QtWidgets import QComboBox

    view, index = _energy_cell(window, "source", row=1)  # the on-site solar row
    window.sidebar.setCurrentRow(1)
    view.table.setCurrentIndex(index)
    view.table.edit(index)
    box = next(e for e in view.table.viewport().findChildren(QComboBox) if e.isVisible())
    assert [box.itemText(i) for i in range(box.count())][:3] == ["grid", "wind", "solar"]
    box.setCurrentText("wind")
    qtbot.keyClick(box, Qt.Key.Key_Return)
    row_id = view.model.row(view.proxy.mapToSource(index).row())["id"]
    qtbot.waitUntil(lambda: query(demo_path, "SELECT source FROM energy WHERE id = ?",
                                  (row_id,)) == [("wind",)])  # the delegate commits queued
