"""Units per row or per cell (issue 12 §2): a Unit column whose unit changes by row, units and
magnitudes inside cells, each cell converted by its own unit; conflicts refused naming the cell,
and every hint, followed literally, leads to the right figures."""

from __future__ import annotations

import pytest

from greenledger.core.errors import ImportRefused
from greenledger.core.fields import Kind
from greenledger.core.importing.cellunits import cell_unit, split_figure
from greenledger.core.importing.engine import analyse, import_file
from tests.conftest import SITES, snapshot, write_workbook
from tests.core.test_read_blind import FEB, JAN, MAR, UL, ZB, approx, energy


def refused(ws, path, options=None) -> list:
    before = snapshot(ws)
    with pytest.raises(ImportRefused) as exc:
        import_file(ws, path, options)
    assert snapshot(ws) == before
    return exc.value.problems


@pytest.mark.parametrize(("text", "dimension", "want"), [
    ("MWh", "energy", (1e3, "MWh")), ("万千瓦时", "energy", (1e4, "万千瓦时")),
    ("万", "energy", (1e4, None)), ("亿", "energy", (1e8, None)),
    ("万kWh", "energy", (1e4, "万kWh")), ("吨", "mass", (1.0, "吨")), ("kg", "mass", (1e-3, "kg")),
    ("万吨", "mass", (1e4, "万吨")), ("apples", "energy", None), ("万元", "energy", None),
])
def test_cell_unit(text, dimension, want):
    assert cell_unit(text, dimension) == want


def test_split_figure():
    assert split_figure("925,411 kWh") == ("925,411", "kWh")
    assert split_figure("91.28万千瓦时") == ("91.28", "万千瓦时")
    assert split_figure("1,234") == ("1,234", "")
    assert split_figure("lots") is None


def test_wide_sheet_cells_with_their_units(ws, tmp_path):
    """Months as columns, no unit anywhere but in the cells: each converted by its own."""
    path = write_workbook(tmp_path / "w.xlsx", {"站点": SITES, "用电": [
        ["站点", "能源类型", "2023年1月", "2023年2月"],
        [ZB, "电网", "12.5万千瓦时", "1,479 MWh"],
        [UL, "电网", "3,000 kWh", "0.5 GWh"],
    ]})
    import_file(ws, path)
    assert energy(ws) == approx({(ZB, *JAN, "grid"): 125_000, (ZB, *FEB, "grid"): 1_479_000,
                                 (UL, *JAN, "grid"): 3000, (UL, *FEB, "grid"): 500_000})


def test_cell_unit_conflicting_with_the_header_is_refused_naming_the_cell(ws, tmp_path):
    rows = [["站点", "月份", "能源类型", "用电量（kWh）"],
            [ZB, "2023年1月", "电网", "925,411 kWh"],
            [ZB, "2023年2月", "电网", "1,479 MWh"]]
    path = write_workbook(tmp_path / "c.xlsx", {"站点": SITES, "用电": rows})
    problems = refused(ws, path)
    assert [(p.row, p.column, p.value, p.code) for p in problems] == [
        (3, "用电量(kWh) [D]", "1,479 MWh", "cell_unit_conflict")]
    assert "MWh" in problems[0].reason and "kWh" in problems[0].reason
    # the hint followed: the figure written in kWh
    rows[2][3] = "1,479,000 kWh"
    import_file(ws, write_workbook(tmp_path / "c2.xlsx", {"站点": SITES, "用电": rows}))
    assert energy(ws)[(ZB, *FEB, "grid")] == 1_479_000


def test_a_cell_without_unit_among_cells_with_units_is_refused(ws, tmp_path):
    """No "give the unit" for a column whose rows state different units: the bare cell is
    named, and writing its unit (the hint) imports the right figures."""
    rows = [["Site", "Month", "Source", "Usage"],
            [ZB, "2023-01", "grid", "925,411 kWh"],
            [ZB, "2023-02", "grid", "1.5 MWh"],
            [ZB, "2023-03", "grid", 2000]]
    path = write_workbook(tmp_path / "m.xlsx", {"Sites": SITES, "Energy": rows})
    problems = refused(ws, path)
    assert [(p.row, p.column, p.code) for p in problems] == [(4, "Usage [D]", "cell_unit_missing")]
    assert "kWh, MWh" in problems[0].reason and "--unit" not in problems[0].reason
    rows[3][3] = "2000 kWh"
    import_file(ws, write_workbook(tmp_path / "m2.xlsx", {"Sites": SITES, "Energy": rows}))
    assert energy(ws) == approx({(ZB, *JAN, "grid"): 925_411, (ZB, *FEB, "grid"): 1500,
                                 (ZB, *MAR, "grid"): 2000})


def test_unit_column_with_blank_and_unknown_units(ws, tmp_path):
    rows = [["Site", "Month", "Source", "Usage", "Unit"],
            [ZB, "2023-01", "grid", 100, "MWh"],
            [ZB, "2023-02", "grid", 200, "furlongs"],
            [ZB, "2023-03", "grid", 300, None]]
    path = write_workbook(tmp_path / "u.xlsx", {"Sites": SITES, "Energy": rows})
    problems = refused(ws, path)
    got = {(p.row, p.code) for p in problems}
    assert (3, "row_unit_unknown") in got and (4, "cell_unit_missing") in got
    rows[2][4], rows[3][4] = "万千瓦时", "度"
    import_file(ws, write_workbook(tmp_path / "u2.xlsx", {"Sites": SITES, "Energy": rows}))
    assert energy(ws) == approx({(ZB, *JAN, "grid"): 100_000, (ZB, *FEB, "grid"): 2_000_000,
                                 (ZB, *MAR, "grid"): 300})


def test_unit_column_that_disagrees_with_the_header_is_refused(ws, tmp_path):
    path = write_workbook(tmp_path / "d.xlsx", {"Sites": SITES, "Energy": [
        ["Site", "Month", "Source", "Usage (kWh)", "Unit"],
        [ZB, "2023-01", "grid", 100, "kWh"],
        [ZB, "2023-02", "grid", 2, "MWh"]]})
    problems = refused(ws, path)
    assert [(p.row, p.code) for p in problems] == [(3, "row_unit_conflict")]


def test_dry_run_says_where_the_units_come_from(tmp_path):
    path = write_workbook(tmp_path / "p.xlsx", {"Sites": SITES, "Energy": [
        ["Site", "Month", "Source", "Usage", "Unit"],
        [ZB, "2023-01", "grid", 1.5, "MWh"],
        [ZB, "2023-02", "grid", 700, "kWh"]]})
    plan = next(p for p in analyse(path) if p.sheet == "Energy")
    usage = next(c for c in plan.columns if c.header == "Usage")
    assert usage.unit == "kWh" and usage.multiplier == 1.0
    assert usage.unit_from == "the unit column Unit [E]"
    assert plan.totals()["energy"] == pytest.approx(2200)
    assert not plan.problems


def test_numbers_only_columns_are_untouched(tmp_path):
    """The common case keeps the parse's fast path: no cell is rewritten."""
    path = write_workbook(tmp_path / "n.xlsx", {"Sites": SITES, "Energy": [
        ["Site", "Month", "Source", "Energy (MWh)"],
        [ZB, "2023-01", "grid", 1.5], [ZB, "2023-02", "grid", 2.0]]})
    plan = next(p for p in analyse(path) if p.sheet == "Energy")
    assert plan.totals()["energy"] == pytest.approx(3500)


def test_magnitude_cells_of_orders_and_emissions_in_tonnes(ws, tmp_path):
    from tests.conftest import CAMPAIGNS
    path = write_workbook(tmp_path / "o.xlsx", {"Campaigns": CAMPAIGNS, "Deliveries": [
        ["Business unit", "Campaign", "Orders", "Emissions"],
        ["Tmall", "6.18 2021", "120万", "1.2万吨"],
        ["Cainiao", "6.18 2021", 300_000, "450,000 kg"]]})
    import_file(ws, path)
    rows = {r["business_unit"]: (r["orders"], r["emissions"]) for r in ws.rows(Kind.DELIVERIES)}
    assert rows == {"Tmall": (1_200_000, pytest.approx(12_000)), "Cainiao": (300_000, 450)}


def test_a_unit_column_beside_a_template_header_that_disagrees_is_refused(ws, tmp_path):
    path = write_workbook(tmp_path / "t.xlsx", {"Sites": SITES, "Energy": [
        ["Site", "Period start", "Period end", "Source", "Energy (kWh)", "Unit"],
        [ZB, "2023-01-01", "2023-01-31", "grid", 5, "MWh"]]})
    problems = refused(ws, path)
    assert [(p.row, p.code) for p in problems] == [(2, "row_unit_conflict")]


@pytest.mark.parametrize("above, header, other", [
    ("单位：万千瓦时", "用电量（kWh）", "万千瓦时"),
    ("Electricity use (MWh)", "Energy (kWh)", "MWh"),
])
def test_a_unit_line_or_title_that_disagrees_with_the_header_is_refused(ws, tmp_path, above,
                                                                        header, other):
    """Two statements of the unit that disagree: one is wrong and nothing tells which, so the
    sheet is refused naming both (was: the header's unit taken, 240.12 万千瓦时 as 240.12 kWh)."""
    path = write_workbook(tmp_path / "u.xlsx", {"Sites": SITES, "Energy": [
        [above], ["Site", "Month", "Source", header], [ZB, "2023-01", "grid", 240.12]]})
    problems = refused(ws, path)
    [p] = [p for p in problems if p.code == "units_disagree"]
    assert p.params["other"] == other and p.params["unit"] == "kWh" and other in p.reason
    agree = write_workbook(tmp_path / "a.xlsx", {"Sites": SITES, "Energy": [  # corrected
        [above.replace(other, "kWh")], ["Site", "Month", "Source", header], [ZB, "2023-01", "grid", 240.12]]})
    import_file(ws, agree)
    assert energy(ws) == approx({(ZB, *JAN, "grid"): 240.12})
