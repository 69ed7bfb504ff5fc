"""The import assistant's sheets (issue 12 §3): a tick per sheet — a refused sheet left out and
the others imported, the checks Import runs made on the ticked sheets only — and a transposed
sheet (periods down the rows, sites across) shown at the user's cells: the mapping names the
sheet's rows, the shading follows its header and period rows, a problem's click finds its cell.
A real workspace file; Import runs the engine synchronously."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from greenledger.core.errors import ImportRefused
from greenledger.core.fields import Kind
from greenledger.core.importing import engine
from greenledger.core.storage import Workspace
from greenledger.gui.import_assistant import HEADER_BG, OUTSIDE_BG, ImportAssistant
from tests.conftest import ENERGY_HEADER, SITES, write_workbook

ZB, UL = "Zhangbei DC", "Ulanqab DC"


@pytest.fixture
def ws(tmp_path):
    w = Workspace.open(tmp_path / "ws.greenledger")
    yield w
    w.close()


def _open(qtbot, ws, path: Path) -> ImportAssistant:
    def start(p, plans):
        engine.import_plans(ws, p, plans)
        return True

    dialog = ImportAssistant(path, ws, start=start)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: bool(dialog.plans) and not dialog.busy, timeout=10_000)
    return dialog


def _tick(qtbot, dialog, sheet: str, on: bool) -> None:
    model = dialog.sheet_list
    index = model.index(model.row_of(sheet), 0)
    with qtbot.waitSignal(dialog.analysed, timeout=10_000):
        assert model.setData(index, Qt.CheckState.Checked if on else Qt.CheckState.Unchecked,
                             Qt.ItemDataRole.CheckStateRole)


def _energy(ws) -> dict:
    return {(r["site"], str(r["period_start"]), r["source"]): r["energy"] for r in ws.rows(Kind.ENERGY)}


def test_a_refused_sheet_left_out_lets_the_others_import(qtbot, ws, tmp_path):
    good = [ZB, date(2023, 1, 1), date(2023, 1, 31), "grid", 100.0, None]
    bad = [UL, date(2023, 1, 1), date(2023, 1, 31), "grid", "lots", None]
    path = write_workbook(tmp_path / "two.xlsx", {"Sites": SITES, "Energy": [ENERGY_HEADER, good],
                                                  "Energy 2": [ENERGY_HEADER, bad]})
    dialog = _open(qtbot, ws, path)
    model = dialog.sheet_list
    assert [model.data(model.index(r, 0)) for r in range(3)] == ["Sites", "Energy", "Energy 2"]
    assert all(model.included(n) for n in model.names)
    assert not dialog.import_button.isEnabled()
    assert any("'lots'" in t for t in dialog.problems_view.texts())
    assert model.data(model.index(2, 3)) == "1 problem(s)"
    _tick(qtbot, dialog, "Energy 2", False)
    assert not model.included("Energy 2") and model.data(model.index(2, 3)) == "left out"
    assert dialog.problems_view.texts() == []
    assert dialog.import_button.isEnabled() and "3" in dialog.import_button.text()  # 2 sites, 1 row
    assert dialog.start_import()
    assert _energy(ws) == {(ZB, "2023-01-01", "grid"): 100.0}


def test_preflight_runs_on_the_ticked_sheets_only(qtbot, ws, tmp_path):
    """Left out, the Sites sheet no longer defines the sites the energy rows name: the
    unknown site is a problem before Import is pressed, as Import would refuse it."""
    path = write_workbook(tmp_path / "e.xlsx", {"Sites": SITES, "Energy": [
        ENERGY_HEADER, [ZB, date(2023, 1, 1), date(2023, 1, 31), "grid", 100.0, None]]})
    dialog = _open(qtbot, ws, path)
    assert dialog.import_button.isEnabled()
    _tick(qtbot, dialog, "Sites", False)
    assert not dialog.import_button.isEnabled()
    assert any("unknown site" in t for t in dialog.problems_view.texts())
    with pytest.raises(ImportRefused) as refused:  # what Import says of the same plans
        engine.import_plans(ws, path, dialog.sheet_list.included_plans())
    assert any("unknown site" in p.reason for p in refused.value.problems)
    _tick(qtbot, dialog, "Sites", True)
    assert dialog.import_button.isEnabled() and dialog.problems_view.texts() == []
    assert dialog.start_import()
    assert _energy(ws) == {(ZB, "2023-01-01", "grid"): 100.0}


def _transposed(path: Path, bad: object = None) -> Path:
    """Periods down the rows; sites across, each over its sources (row 3); a total row."""
    return write_workbook(path, {"站点": SITES, "用电": [
        ["2023年用电量（MWh）"],
        ["月份", ZB, None, UL],
        [None, "电网", "光伏", "电网"],
        ["2023年1月", 10, 1, 20],
        ["2023年2月", 11, 2, bad],
        ["2023年3月", 12, 3, 22],
        ["合计", 33, 6, 42]]})


def test_a_transposed_sheet_is_shown_at_the_users_cells(qtbot, ws, tmp_path):
    dialog = _open(qtbot, ws, _transposed(tmp_path / "t.xlsx"))
    dialog.show_sheet("用电")
    plan = dialog.plan
    assert plan.importable and plan.totals()["energy"] == pytest.approx(81_000)
    mapping = dialog.mapping_model
    labels = [mapping.data(mapping.index(r, 0)) for r in range(mapping.rowCount())]
    # the periods are rows 4-6 of the sheet, not columns C-E (the engine's reading of it)
    assert labels[2:] == ["2023年1月 [row 4]", "2023年2月 [row 5]", "2023年3月 [row 6]", "合计"]
    [rec] = plan.reconciliations  # 合计 (row 7), checked against the periods above it
    assert rec.text() == "row 7 合计: 3 columns = the sum of their period cells ✓"
    assert all("[B–D]" in t for t in labels[:2]) and "row 2" in labels[0] and "row 3" in labels[1]
    cells = dialog.sheet_model
    shade = [cells.data(cells.index(r, 1), Qt.ItemDataRole.BackgroundRole) for r in range(7)]
    assert shade[1] == shade[2] == HEADER_BG  # site row and source row
    assert shade[3] is shade[4] is shade[5] is None  # the periods: data
    assert shade[6] == OUTSIDE_BG  # 合计: not read as a period
    assert "transposed" in dialog.layout_label.text() and "rows 4–6" in dialog.layout_label.text()
    preview = dialog.preview_model
    rows = {preview.data(preview.index(r, 0)) for r in range(preview.rowCount())}
    assert rows == {"4", "5", "6"}  # the period's own row of the sheet
    assert dialog.start_import()
    assert _energy(ws)[(UL, "2023-03-01", "grid")] == pytest.approx(22_000)
    assert sum(_energy(ws).values()) == pytest.approx(81_000)


def test_a_transposed_sheets_bad_cell_is_found_where_the_user_sees_it(qtbot, ws, tmp_path):
    dialog = _open(qtbot, ws, _transposed(tmp_path / "t.xlsx", bad="lots"))
    assert not dialog.import_button.isEnabled()
    item = next(dialog.problems.item(i) for i in range(dialog.problems.count())
                if "'lots'" in dialog.problems.item(i).text())
    dialog.show_problem(item.data(Qt.ItemDataRole.UserRole))
    assert dialog.current_sheet == "用电"
    index = dialog.sheet_view.currentIndex()
    assert (index.row(), index.column()) == (4, 3)  # D5, where 'lots' is
    assert dialog.sheet_model.data(index) == "lots"
    marked = openpyxl.load_workbook(dialog.save_marked(tmp_path / "marked.xlsx"))
    assert marked["用电"]["D5"].comment is not None


def test_a_field_the_sheet_lacks_is_given_once_for_every_row(qtbot, ws, tmp_path):
    """Sites across and no source anywhere: the sheet says it lacks the source, the window
    offers one value for every row (the command line's --value source=grid), and with it the
    sheet imports."""
    path = write_workbook(tmp_path / "s.xlsx", {"站点": SITES, "用电": [
        ["单位：万千瓦时"], ["月份", ZB, UL], ["2023年1月", 1, 2], ["2023年2月", 1.5, None]]})
    dialog = _open(qtbot, ws, path)
    dialog.show_sheet("用电")
    assert not dialog.plan.importable and "lacks Source" in dialog.layout_label.text()
    assert "one value for every row" in dialog.layout_label.text()
    assert not dialog.values_view.isHidden() and list(dialog.values_view.boxes) == ["source"]
    box = dialog.values_view.boxes["source"]
    assert box.findData("grid") > 0 and box.findData("wind") > 0
    with qtbot.waitSignal(dialog.analysed, timeout=10_000):
        box.setCurrentIndex(box.findData("grid"))
        box.activated.emit(box.currentIndex())
    plan = dialog.plan
    assert plan.importable and plan.totals()["energy"] == pytest.approx(45_000)
    assert dialog.options["用电"].values == {"source": "grid"}
    assert dialog.values_view.boxes["source"].currentData() == "grid"  # still shown, to change
    assert dialog.start_import()
    assert _energy(ws) == {(ZB, "2023-01-01", "grid"): 10_000, (ZB, "2023-02-01", "grid"): 15_000,
                           (UL, "2023-01-01", "grid"): 20_000}


def test_a_header_the_assistant_cannot_find_is_given_by_its_row(qtbot, ws, tmp_path):
    """Headers no synonym knows (read today as header rows 3–4 joined): the sheet is not a
    table until its header row is given and its columns are chosen in the Field column."""
    path = write_workbook(tmp_path / "h.xlsx", {"Sites": SITES, "Data": [
        ["Monthly figures"], [], ["Where", "When from", "When to", "What", "Amount (kWh)"],
        [ZB, date(2023, 1, 1), date(2023, 1, 31), "grid", 500]]})
    dialog = _open(qtbot, ws, path)
    dialog.show_sheet("Data")
    assert not dialog.plan.importable
    with qtbot.waitSignal(dialog.analysed, timeout=10_000):
        dialog.header_box.setValue(3)
    assert dialog.options["Data"].header_rows == [3]
    with qtbot.waitSignal(dialog.analysed, timeout=10_000):  # read as packaging: Amount
        dialog.kind_box.setCurrentIndex(dialog.kind_box.findData(Kind.ENERGY))
    headers = [c.header for c in dialog.plan.columns]
    assert headers[:4] == ["Where", "When from", "When to", "What"]
    for header, field in (("Where", "site"), ("When from", "period_start"),
                          ("When to", "period_end"), ("What", "source"),
                          ("Amount (kWh)", "energy")):
        row = headers.index(header)
        box = dialog.mapping_editor(row)
        assert box.findData(field) >= 0
        if box.currentData() == field:
            continue
        with qtbot.waitSignal(dialog.analysed, timeout=10_000):
            box.setCurrentIndex(box.findData(field))
    assert dialog.plan.importable and dialog.plan.totals()["energy"] == pytest.approx(500)
    assert dialog.start_import()
    assert _energy(ws) == {(ZB, "2023-01-01", "grid"): 500}


def test_the_hints_followed_in_the_window_import_the_right_figures(qtbot, ws, tmp_path):
    """Two sheets of energy rows (Energy, 用电) import together, each cell by its own unit; a
    hidden sheet: 'choose its Kind above' reads it."""
    src = Path(__file__).resolve().parent.parent / "data" / "readings-units.xlsx"
    dialog = _open(qtbot, ws, src)
    assert dialog.import_button.isEnabled() and dialog.problems_view.texts() == []
    assert dialog.start_import()
    assert _energy(ws) == pytest.approx({
        (ZB, "2023-01-01", "grid"): 925_411, (ZB, "2023-02-01", "grid"): 1_479,
        (UL, "2023-01-01", "grid"): 912_800, (UL, "2023-02-01", "grid"): 1_200_000,
        (ZB, "2023-03-01", "grid"): 925_411, (ZB, "2023-04-01", "grid"): 125_000,
        (UL, "2023-03-01", "wind"): 1_479_000})
    hidden = write_workbook(tmp_path / "hidden.xlsx", {"Old": [
        ["Site", "Month", "Source", "Energy (kWh)"], [ZB, "2023-05", "grid", 5]]})  # 用电 stored March
    wb = openpyxl.load_workbook(hidden)
    wb.create_sheet("Notes")
    wb["Old"].sheet_state = "hidden"
    wb.save(hidden)
    dialog = _open(qtbot, ws, hidden)
    dialog.show_sheet("Old")
    assert not dialog.plan.importable and "Kind above" in dialog.layout_label.text()
    with qtbot.waitSignal(dialog.analysed, timeout=10_000):
        dialog.kind_box.setCurrentIndex(dialog.kind_box.findData(Kind.ENERGY))
    assert dialog.plan.importable and dialog.sheet_list.included("Old")
    assert dialog.start_import()
    assert _energy(ws)[(ZB, "2023-05-01", "grid")] == 5


def test_one_value_for_every_row_warns_of_a_column_of_names(qtbot, ws, tmp_path):
    """A bill export whose site is under a header no synonym knows (户名): the window offers
    one site for every row, and says that 户名 holds several names — one site for them all
    would be wrong; chosen as the Site column, the sheet imports each row at its own site."""
    path = write_workbook(tmp_path / "bill.xlsx", {"Sites": SITES, "电费": [
        ["户名", "抄表起日", "抄表止日", "能源类型", "本期电量(千瓦时)"],
        [ZB, "2023/01/16", "2023/02/15", "电网", 800], [UL, "2023/01/16", "2023/02/15", "电网", 400]]})
    dialog = _open(qtbot, ws, path)
    dialog.show_sheet("电费")
    assert list(dialog.values_view.boxes) == ["site"]
    warning = next(w.text() for w in dialog.values_view.findChildren(QLabel) if "户名 [A]" in w.text())
    assert "several names" in warning and "Field column" in warning
    row = [c.header for c in dialog.plan.columns].index("户名")
    with qtbot.waitSignal(dialog.analysed, timeout=10_000):
        dialog.mapping_editor(row).setCurrentIndex(dialog.mapping_editor(row).findData("site"))
    assert dialog.plan.importable and dialog.values_view.isHidden()
    assert dialog.start_import()
    assert sorted((r["site"], r["energy"]) for r in ws.rows(Kind.ENERGY)) == [(UL, 400), (ZB, 800)]


def test_a_template_sheet_shows_its_mapping_and_a_choice_reads_it_as_any_sheet(qtbot, ws, tmp_path):
    path = write_workbook(tmp_path / "t.xlsx", {"Sites": SITES, "Energy": [
        ENERGY_HEADER, [ZB, date(2023, 1, 1), date(2023, 1, 31), "grid", 100.0, "PPA"]]})
    dialog = _open(qtbot, ws, path)
    dialog.show_sheet("Energy")
    assert dialog.plan.template and dialog.mapping.isEnabled()
    mapping = dialog.mapping_model
    fields = [mapping.data(mapping.index(r, 1), Qt.ItemDataRole.EditRole) for r in range(mapping.rowCount())]
    assert fields[:5] == ["site", "period_start", "period_end", "source", "energy"]
    row = fields.index("instrument")
    with qtbot.waitSignal(dialog.analysed, timeout=10_000):
        dialog.mapping_editor(row).setCurrentIndex(dialog.mapping_editor(row).findData("ignore"))
    plan = dialog.plan
    assert not plan.template and plan.importable and plan.totals()["energy"] == pytest.approx(100)
    assert dialog.start_import()
    assert [r["instrument"] for r in ws.rows(Kind.ENERGY)] in ([None], [""])


def test_reading_shows_progress_and_import_waits_for_it(qtbot, ws, tmp_path):
    path = write_workbook(tmp_path / "e.xlsx", {"Sites": SITES, "Energy": [
        ENERGY_HEADER, [ZB, date(2023, 1, 1), date(2023, 1, 31), "grid", 100.0, None]]})
    dialog = ImportAssistant(path, ws, start=lambda p, plans: True)
    qtbot.addWidget(dialog)
    assert not dialog.progress.isHidden() and not dialog.import_button.isEnabled()
    assert not dialog.start_import()  # nothing read yet
    qtbot.waitUntil(lambda: bool(dialog.plans) and not dialog.busy, timeout=10_000)
    assert dialog.progress.isHidden() and dialog.import_button.isEnabled()


def test_a_workbook_saved_again_after_it_was_read_is_read_again_not_imported(qtbot, ws, tmp_path):
    path = write_workbook(tmp_path / "e.xlsx", {"Sites": SITES, "Energy": [
        ENERGY_HEADER, [ZB, date(2023, 1, 1), date(2023, 1, 31), "grid", 100.0, None]]})
    dialog = _open(qtbot, ws, path)
    assert dialog.import_button.isEnabled()
    write_workbook(path, {"Sites": SITES, "Energy": [  # saved in Excel meanwhile: 250, not 100
        ENERGY_HEADER, [ZB, date(2023, 1, 1), date(2023, 1, 31), "grid", 250.0, None]]})
    with qtbot.waitSignal(dialog.analysed, timeout=10_000):
        assert not dialog.start_import()
    assert "changed on disk" in dialog.status.text()
    assert dialog.plans["Energy"].totals()["energy"] == pytest.approx(250)
    assert _energy(ws) == {}  # nothing imported from what the file held before
    assert dialog.start_import()
    assert _energy(ws) == {(ZB, "2023-01-01", "grid"): 250}
