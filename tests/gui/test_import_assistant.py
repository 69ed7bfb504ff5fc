"""The import assistant driven end to end: a messy Chinese workbook (title, blank, wide months in
万千瓦时, totals and a note) beside a template sheet; a sheet that needs a mapping changed by hand,
saved as a profile and offered again for the next workbook with the same headers."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import Qt

from greenledger.core.fields import Kind
from greenledger.core.importing import profiles
from greenledger.core.storage import Workspace
from greenledger.gui.import_assistant import HEADER_BG, IGNORED_BG, column_index


def _with_sites() -> openpyxl.Workbook:
    """A workbook whose first sheet lists the site 上海仓."""
    wb = openpyxl.Workbook()
    s = wb.active
    s.title = "Sites"
    s.append(["Site", "Type", "Grid region", "Country"])
    s.append(["上海仓", "warehouse", "East China", "China"])
    return wb


def _messy(path: Path) -> Path:
    wb = _with_sites()
    e = wb.create_sheet("用电")
    e.append(["2023年各站点用电量（万千瓦时）"])
    e.append([])
    e.append(["站点", "能源类型", "采购方式", "2023年1月", "2023年2月", "2023年3月"])
    e.append(["上海仓", "电网", None, 1.5, 2, 1.2])
    e.append(["上海仓", "光伏", "自发自用", 0.3, 0.4, 0.5])
    e.append(["合计", None, None, 1.8, 2.4, 1.7])
    e.append(["注：数据来源于能耗系统"])
    wb.save(path)
    return path


def _plants(path: Path, rows) -> Path:
    wb = openpyxl.Workbook()
    p = wb.active
    p.title = "Power"
    p.append(["Plant", "Kind of power", "Month", "Usage (MWh)"])
    for r in rows:
        p.append(r)
    wb.save(path)
    return path


@pytest.fixture
def empty_window(qtbot, tmp_path):
    from greenledger.gui.main_window import MainWindow

    w = MainWindow(tmp_path / "ws.greenledger")
    qtbot.addWidget(w)
    w.show()
    return w


def _open(qtbot, window, path: Path):
    dialog = window.open_import_assistant(path)
    qtbot.waitUntil(lambda: bool(dialog.plans) and dialog._worker is None, timeout=10_000)
    return dialog


def _energy_kwh(path: Path) -> float:
    with Workspace.open(path, create=False) as ws:
        return ws.db.execute("SELECT coalesce(sum(energy_kwh), 0) FROM energy").fetchone()[0]


def test_messy_chinese_workbook_is_shown_as_detected_and_imported(qtbot, empty_window, tmp_path):
    w = empty_window
    dialog = _open(qtbot, w, _messy(tmp_path / "messy.xlsx"))
    dialog.show_sheet("用电")
    plan = dialog.plan
    assert plan.kind == Kind.ENERGY and plan.wide and len(plan) == 6
    model = dialog.sheet_model
    assert model.data(model.index(2, 0), Qt.ItemDataRole.BackgroundRole) == HEADER_BG  # row 3
    for r in (0, 1, 5, 6):  # title, blank, 合计, 注
        assert model.data(model.index(r, 0), Qt.ItemDataRole.BackgroundRole) == IGNORED_BG
    assert "合计" in "".join(str(i) for i in plan.layout.ignored) or model.data(
        model.index(5, 0), Qt.ItemDataRole.ToolTipRole
    )
    assert "59,000" in dialog.totals_label.text()
    assert dialog.preview_model.rowCount() == 6
    assert dialog.import_button.isEnabled() and "7" in dialog.import_button.text()
    with qtbot.waitSignal(w.import_finished, timeout=10_000):
        dialog.import_button.click()
    assert _energy_kwh(w.workspace.path) == pytest.approx(59_000)
    assert w.tables[Kind.ENERGY].model.rowCount() == 6


def test_change_a_mapping_save_a_profile_and_reuse_it(qtbot, empty_window, tmp_path):
    w = empty_window
    dialog = _open(qtbot, w, _messy(tmp_path / "messy.xlsx"))
    with qtbot.waitSignal(w.import_finished, timeout=10_000):
        dialog.import_button.click()
    dialog = _open(
        qtbot,
        w,
        _plants(
            tmp_path / "plants.xlsx", [["上海仓", "grid", "2023-04", 12.5], ["上海仓", "wind", "2023-05", 3]]
        ),
    )
    plan = dialog.plan
    assert not plan.importable and not dialog.import_button.isEnabled()
    row = next(i for i, c in enumerate(plan.columns) if c.header == "Kind of power")
    box = dialog.mapping_editor(row, 1)
    with qtbot.waitSignal(dialog.analysed, timeout=10_000):
        box.setCurrentIndex(box.findData("source"))
    plan = dialog.plan
    assert plan.importable and len(plan) == 2
    assert plan.totals()["energy"] == pytest.approx(15_500)  # MWh from the header
    unit_row = next(i for i, c in enumerate(plan.columns) if c.field == "energy")
    unit_box = dialog.mapping_editor(unit_row, 2)
    assert unit_box.currentText() == "MWh"
    profile = dialog.save_profile("plant power")
    assert profile is not None and profile.map["Kind of power"] == "source"
    assert [p.name for p in profiles.kept(w.workspace)] == ["plant power"]
    with qtbot.waitSignal(w.import_finished, timeout=10_000):
        dialog.import_button.click()
    assert _energy_kwh(w.workspace.path) == pytest.approx(59_000 + 15_500)
    # next month's workbook, same headers: the profile is applied without asking
    again = _open(qtbot, w, _plants(tmp_path / "plants-june.xlsx", [["上海仓", "grid", "2023-06", 10]]))
    qtbot.waitUntil(lambda: again.plan.importable, timeout=10_000)
    assert again.applied_profile == {"Power": "plant power"}
    assert again.profile_box.currentData() == "plant power"
    assert "plant power" in again.layout_label.text()
    with qtbot.waitSignal(w.import_finished, timeout=10_000):
        again.import_button.click()
    assert _energy_kwh(w.workspace.path) == pytest.approx(59_000 + 15_500 + 10_000)


def test_problems_are_listed_and_a_click_shows_the_cell(qtbot, empty_window, tmp_path):
    w = empty_window
    path = _messy(tmp_path / "bad.xlsx")
    wb = openpyxl.load_workbook(path)
    wb["用电"]["E5"] = "lots"  # 2023年2月 of the solar row
    wb["用电"]["D4"] = -3
    wb.save(path)
    dialog = _open(qtbot, w, path)
    assert not dialog.import_button.isEnabled()
    assert dialog.problems.count() == 2 and dialog.tabs.currentIndex() == 1
    texts = [dialog.problems.item(i).text() for i in range(dialog.problems.count())]
    assert any("'lots'" in t and "row 5" in t for t in texts)
    item = next(dialog.problems.item(i) for i in range(2) if "'lots'" in dialog.problems.item(i).text())
    dialog.show_problem(item.data(Qt.ItemDataRole.UserRole))
    assert dialog.current_sheet == "用电"
    index = dialog.sheet_view.currentIndex()
    assert (index.row(), index.column()) == (4, 4)
    assert dialog.marked_button.isEnabled()
    marked = openpyxl.load_workbook(dialog.save_marked(tmp_path / "bad-problems.xlsx"))
    assert "lots" in str(marked["用电"]["E5"].value) and marked["用电"]["E5"].comment is not None
    assert _energy_kwh(w.workspace.path) == 0  # nothing imported


def test_column_index_of_problem_labels():
    assert column_index("Energy (kWh) [E]") == 4
    assert column_index("x [AA]") == 26
    assert column_index(None) is None and column_index("no letter") is None


def test_sheet_model_passes_qtmodeltester(qtbot, qtmodeltester, empty_window, tmp_path):
    dialog = _open(qtbot, empty_window, _messy(tmp_path / "messy.xlsx"))
    dialog.show_sheet("用电")
    qtmodeltester.check(dialog.sheet_model)


def _bare_wide(path: Path, hide_row: int | None = None) -> Path:
    """Sites, and a wide sheet whose months say neither what they hold nor in which unit."""
    wb = _with_sites()
    e = wb.create_sheet("Sheet2")
    e.append(["站点", "能源类型", "2023年1月", "2023年2月"])
    e.append(["上海仓", "电网", 1.5, 2])
    e.append(["上海仓", "光伏", 0.5, 1])
    if hide_row:
        e.row_dimensions[hide_row].hidden = True
    wb.save(path)
    return path


def test_months_that_say_nothing_wait_for_a_unit_chosen_in_the_table(qtbot, empty_window, tmp_path):
    w = empty_window
    dialog = _open(qtbot, w, _bare_wide(tmp_path / "bare.xlsx", hide_row=3))
    dialog.show_sheet("Sheet2")
    assert not dialog.import_button.isEnabled()
    texts = [dialog.problems.item(i).text() for i in range(dialog.problems.count())]
    assert any("nothing says what these period columns hold" in t for t in texts)
    row = next(i for i, c in enumerate(dialog.plan.columns) if c.header == "2023年1月")
    unit_box = dialog.mapping_editor(row, 2)
    with qtbot.waitSignal(dialog.analysed, timeout=10_000):
        unit_box.setCurrentText("MWh")
        unit_box.activated.emit(unit_box.currentIndex())
    plan = dialog.plan
    assert not plan.problems and plan.totals()["energy"] == pytest.approx(5_000)
    assert dialog.import_button.isEnabled()
    # the hidden row is read, and said, without stopping the import
    texts = [dialog.problems.item(i).text() for i in range(dialog.problems.count())]
    assert any(t.startswith("Warning:") and "hidden in Excel" in t for t in texts)
    assert "warnings (1)" in dialog.tabs.tabText(1)
    with qtbot.waitSignal(w.import_finished, timeout=10_000):
        dialog.import_button.click()
    assert _energy_kwh(w.workspace.path) == pytest.approx(5_000)


def test_months_under_two_headers_are_resolved_by_choosing_a_columns_field(qtbot, empty_window,
                                                                           tmp_path):
    path = tmp_path / "two.xlsx"
    wb = _with_sites()
    e = wb.create_sheet("用电")
    e.append(["单位：MWh"])
    e.append(["站点", "能源类型", "实际", None, "计划", None])
    e.append([None, None, "2023年1月", "2023年2月", "2023年1月", "2023年2月"])
    e.append(["上海仓", "电网", 1, 2, 10, 20])
    e.merge_cells("C2:D2")
    e.merge_cells("E2:F2")
    wb.save(path)
    dialog = _open(qtbot, empty_window, path)
    dialog.show_sheet("用电")
    assert [p.code for p in dialog.plan.problems] == ["several_measures"]
    row = next(i for i, c in enumerate(dialog.plan.columns) if c.header == "实际 2023年1月")
    box = dialog.mapping_editor(row, 1)
    assert box.isEnabled() and "实际" in box.toolTip()
    with qtbot.waitSignal(dialog.analysed, timeout=10_000):
        box.setCurrentIndex(box.findData("energy"))
    plan = dialog.plan
    assert not plan.problems and plan.totals()["energy"] == pytest.approx(3_000)
    assert [c.letter for c in plan.columns if c.field == "energy"] == ["C", "D"]


def test_skip_hidden_rows_and_columns_from_the_assistant(qtbot, empty_window, tmp_path):
    """tests/data/libreoffice-hidden.xlsx: a hidden obsolete row stops the import until the
    hidden rows and columns are skipped; the sheet view greys them."""
    src = Path(__file__).resolve().parent.parent / "data" / "libreoffice-hidden.xlsx"
    dialog = _open(qtbot, empty_window, src)
    dialog.show_sheet("用电")
    assert dialog.skip_hidden_box.isVisible() and not dialog.skip_hidden_box.isChecked()
    assert not dialog.import_button.isEnabled()  # 电网（旧） on hidden row 6
    model = dialog.sheet_model
    assert model.data(model.index(5, 0), Qt.ItemDataRole.ForegroundRole) is not None
    assert model.headerData(5, Qt.Orientation.Vertical) == "(6)"
    assert model.headerData(2, Qt.Orientation.Horizontal) == "(C)"
    with qtbot.waitSignal(dialog.analysed, timeout=10_000):
        dialog.skip_hidden_box.setChecked(True)
    plan = dialog.plan
    assert not plan.problems and len(plan) == 6 and dialog.import_button.isEnabled()
    assert model.data(model.index(5, 0), Qt.ItemDataRole.ToolTipRole).startswith(
        "hidden in Excel (skipped as asked)")
    with qtbot.waitSignal(empty_window.import_finished, timeout=10_000):
        dialog.import_button.click()
    assert _energy_kwh(empty_window.workspace.path) == pytest.approx(510_000)
