"""Excel's default compact pivot (blind F15): sites and sources in one `Row Labels` column, each
group's subtotals on its label's row. Read as the tabular pivot it is the compact form of, its
subtotals and grand total reconciled, problems named at the sheet's own cells; figures worked
out by hand from the workbooks written here with openpyxl, and stored through the engine's own
import of the plan."""

from __future__ import annotations

from pathlib import Path

import pytest

from greenledger.core.errors import ImportRefused
from greenledger.core.fields import Kind
from greenledger.core.importing import engine, pivot_compact
from greenledger.core.importing.engine import import_file
from tests.conftest import SITES, write_workbook
from tests.core.test_read_blind import UL, ZB, approx, energy

JAN, FEB = ("2023-01-01", "2023-01-31"), ("2023-02-01", "2023-02-28")
EN = [["Sum of Energy (kWh)", "Column Labels"], ["Row Labels", "Jan 2023", "Feb 2023", "Grand Total"],
      [ZB, 2960000, 2835000, 5795000], ["    grid", 2350000, 2180000, 4530000],
      ["    wind", 610000, 655000, 1265000], [UL, 2060000, 2025000, 4085000],
      ["    grid", 1820000, 1760000, 3580000], ["    solar", 240000, 265000, 505000],
      ["Grand Total", 5020000, 4860000, 9880000]]
WANT = {(ZB, *JAN, "grid"): 2350000, (ZB, *FEB, "grid"): 2180000, (ZB, *JAN, "wind"): 610000,
        (ZB, *FEB, "wind"): 655000, (UL, *JAN, "grid"): 1820000, (UL, *FEB, "grid"): 1760000,
        (UL, *JAN, "solar"): 240000, (UL, *FEB, "solar"): 265000}


def _plan(tmp_path: Path, rows: list[list]):
    path = write_workbook(tmp_path / "pivot.xlsx", {"Pivot": rows})
    [sheet] = engine.read(path)
    plan = pivot_compact.analyse(sheet, path.name, None, engine._analyse_sheet, engine.reconcile_totals)
    return path, plan


def _store(ws, tmp_path, rows):
    import_file(ws, write_workbook(tmp_path / "sites.xlsx", {"Sites": SITES}))
    path, plan = _plan(tmp_path, rows)
    assert plan is not None
    engine.import_plans(ws, path, [plan])
    return plan


def test_sites_over_sources(ws, tmp_path):
    plan = _store(ws, tmp_path, EN)
    assert energy(ws) == approx(WANT)
    checked = {(r.where, r.ok) for r in plan.reconciliations}
    assert {("row 3", True), ("row 6", True), ("row 9", True)} <= checked  # at the sheet's rows
    stored = {(r["site"], r["source"], r["source_row"]) for r in ws.rows(Kind.ENERGY)}
    assert (ZB, "wind", 5) in stored and (UL, "solar", 8) in stored  # each row's own place


def test_sources_over_sites_in_chinese(ws, tmp_path):
    rows = [["求和项:用电量(kWh)", "列标签"], ["行标签", "2023年1月", "2023年2月", "总计"],
            ["电网", 4170000, 3940000, 8110000], [f"  {ZB}", 2350000, 2180000, 4530000],
            [f"  {UL}", 1820000, 1760000, 3580000], ["风电", 610000, 655000, 1265000],
            [f"  {ZB}", 610000, 655000, 1265000], ["总计", 4780000, 4595000, 9375000]]
    _store(ws, tmp_path, rows)
    assert energy(ws) == approx({k: v for k, v in WANT.items() if k[3] != "solar"
                                 and not (k[0] == UL and k[3] == "wind")})


def test_a_one_level_pivot_of_sites(ws, tmp_path):
    rows = [["Sum of Energy (kWh)", "Column Labels"], ["Row Labels", "Jan 2023", "Feb 2023"],
            [ZB, 2960000, 2835000], [UL, 2060000, 2025000], ["Grand Total", 5020000, 4860000]]
    path = write_workbook(tmp_path / "pivot.xlsx", {"Pivot": rows})
    [sheet] = engine.read(path)
    t = pivot_compact.detect(sheet)
    assert t is not None and not t.two_levels and t.sheet.rows[1][0] == "Site"


def test_a_subtotal_that_disagrees_is_refused_at_its_row(ws, tmp_path):
    """The workbook the rule could get wrong: a site named like a source (`Grid`) is taken for a
    member of the group above, and its subtotal then disagrees: refused, nothing read as it."""
    rows = [r[:] for r in EN]
    rows[5][0] = "Grid"  # Ulanqab DC's group row: now a 'source' of Zhangbei DC
    path, plan = _plan(tmp_path, rows)
    assert plan is not None
    assert any(p.row == 3 for p in plan.problems)  # Zhangbei DC's subtotals, at its own row
    with pytest.raises(ImportRefused):
        engine.import_plans(ws, path, [plan])


@pytest.mark.parametrize("rows", [
    [["Row Labels", "Jan 2023"], [ZB, 10], ["    grid", 10], ["    green power trade", 5]],  # 3 levels
    [["Row Labels", "Jan 2023"], [ZB, 10], [UL, 20], ["    grid", 20]],  # a group without members
    [["Row Labels", "Jan 2023"], [ZB, 10], ["", 10]],  # an unlabelled row
    [["Site", "Jan 2023"], [ZB, 10], ["    grid", 10]]])  # no Row Labels header: not this layout
def test_labels_that_do_not_settle_the_levels_are_not_read_so(tmp_path, rows):
    path = write_workbook(tmp_path / "pivot.xlsx", {"Pivot": rows})
    [sheet] = engine.read(path)
    assert pivot_compact.detect(sheet) is None


# --- an outline pivot with its subtotals at the top of each group (blind3 pivot_outline_top) --------

OUTLINE = [["站点", "能源类型", "月份", "求和项:用电量(MWh)"],
           [ZB, None, None, 380], [None, "电网", None, 250], [None, None, "2023-01", 120],
           [None, None, "2023-02", 130], [None, "风电", None, 130], [None, None, "2023-01", 60],
           [None, None, "2023-02", 70], [UL, None, None, 415], [None, "电网", None, 415],
           [None, None, "2023-01", 210], [None, None, "2023-02", 205], ["总计", None, None, 795]]


@pytest.mark.parametrize("header", ["求和项:用电量(MWh)", "Sum of Energy (MWh)"])
def test_an_outline_pivots_subtotals_on_top_are_checked_and_not_read(ws, tmp_path, header):
    rows = [OUTLINE[0][:3] + [header], *OUTLINE[1:]]
    import_file(ws, write_workbook(tmp_path / "o.xlsx", {"Sites": SITES, "透视": rows}))
    assert energy(ws) == approx({(ZB, *JAN, "grid"): 120000, (ZB, *FEB, "grid"): 130000,
                                 (ZB, *JAN, "wind"): 60000, (ZB, *FEB, "wind"): 70000,
                                 (UL, *JAN, "grid"): 210000, (UL, *FEB, "grid"): 205000})


def test_a_subtotal_on_top_that_does_not_add_up_is_refused(ws, tmp_path):
    """What the rule could get wrong: a row that looks like a group's subtotal but is not its
    sum (a row of its own, missing its labels). It is not dropped: refused, nothing stored."""
    rows = [r[:] for r in OUTLINE]
    rows[5][3] = 131  # 风电's subtotal, one more than its months
    with pytest.raises(ImportRefused) as refused:
        import_file(ws, write_workbook(tmp_path / "o.xlsx", {"Sites": SITES, "透视": rows}))
    assert any(p.row == 6 for p in refused.value.problems)
    assert ws.rows(Kind.ENERGY) == []
