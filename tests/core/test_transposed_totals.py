"""A transposed sheet's totals row (periods down the rows, `合计` / `Total` under them) is
reconciled with its columns as a normal table's totals are: it passes when each column adds up
within the sheet's rounding and is refused, naming the total's cell, when it does not. Periods
below a subtotal row are read too (they were dropped with exit 0), and a row of figures among the
periods that is neither a period nor a total is refused, naming it."""

from __future__ import annotations

import pytest

from greenledger.core.errors import ImportRefused
from greenledger.core.importing.engine import analyse, import_file
from greenledger.core.importing.plan import ImportOptions
from tests.conftest import SITES, write_workbook
from tests.core.test_read_blind import FEB, JAN, MAR, UL, ZB, approx, energy

APR = ("2023-04-01", "2023-04-30")
GRID = ImportOptions(values={"source": "grid"})


def _sites_across(tmp_path, total_ul: float):
    """Sites across, MWh in the header's title, a Total row: layout 1."""
    return write_workbook(tmp_path / "sites.xlsx", {"Sites": SITES, "Energy": [
        ["Electricity (MWh)"],
        ["Month", ZB, UL],
        ["2023-01", 1000.25, 2000.5],
        ["2023-02", 1100.5, 2100.25],
        ["Total", 2100.75, total_ul]]})


def _sources_across(tmp_path, total_wind: float):
    """Sources across (电网, 风电, 光伏) in 万千瓦时, a 合计 row rounded to one decimal: layout 2."""
    return write_workbook(tmp_path / "sources.xlsx", {"站点": SITES, "用电": [
        ["单位：万千瓦时"],
        ["月份", "电网", "风电", "光伏"],
        ["2023年1月", 10.12, 5.04, 1.01],
        ["2023年2月", 11.13, 6.02, 2.03],
        ["2023年3月", 12.11, 7.01, 3.02],
        ["合计", 33.4, total_wind, 6.1]]})


def test_sites_across_total_row_that_agrees_passes(ws, tmp_path):
    path = _sites_across(tmp_path, 4100.75)
    [plan] = [p for p in analyse(path, GRID) if p.sheet == "Energy"]
    [rec] = plan.reconciliations
    assert rec.ok and rec.where == "row 5" and rec.count == 2 and "2 columns" in rec.text()
    import_file(ws, path, GRID)
    assert energy(ws) == approx({(ZB, *JAN, "grid"): 1_000_250, (ZB, *FEB, "grid"): 1_100_500,
                                 (UL, *JAN, "grid"): 2_000_500, (UL, *FEB, "grid"): 2_100_250})


def test_sites_across_total_row_that_disagrees_is_refused_naming_its_cell(ws, tmp_path):
    with pytest.raises(ImportRefused) as exc:
        import_file(ws, _sites_across(tmp_path, 4000.75), GRID)
    [p] = [p for p in exc.value.problems if p.code == "total_mismatch"]
    assert (p.row, p.column, p.params["cell"]) == (5, f"{UL} [C]", "C5")
    assert p.params["imported"] == "4,100,750" and p.params["total"] == "4,000,750"
    assert not energy(ws)


def test_sources_across_total_row_within_rounding_passes(ws, tmp_path):
    """合计 33.4 over 10.12 + 11.13 + 12.11 = 33.36: within half a unit of its last place."""
    path = _sources_across(tmp_path, 18.1)
    opts = ImportOptions(values={"site": ZB})
    [plan] = [p for p in analyse(path, opts) if p.sheet == "用电"]
    assert [r.ok for r in plan.reconciliations] == [True] and plan.reconciliations[0].count == 3
    import_file(ws, path, opts)
    assert energy(ws)[(ZB, *MAR, "wind")] == pytest.approx(70_100)
    assert sum(energy(ws).values()) == pytest.approx((33.36 + 18.07 + 6.06) * 1e4)


def test_sources_across_total_row_beyond_rounding_is_refused(ws, tmp_path):
    with pytest.raises(ImportRefused) as exc:
        import_file(ws, _sources_across(tmp_path, 18.3), ImportOptions(values={"site": ZB}))
    [p] = [p for p in exc.value.problems if p.code == "total_mismatch"]
    assert (p.row, p.column, p.params["cell"]) == (6, "风电 [C]", "C6")


def test_periods_below_a_subtotal_are_read_and_the_grand_total_checked(ws, tmp_path):
    path = write_workbook(tmp_path / "q.xlsx", {"Sites": SITES, "Energy": [
        ["Electricity (kWh)"],
        ["Month", ZB, UL],
        ["2023-01", 10, 20], ["2023-02", 11, 21], ["2023-03", 12, 22],
        ["Q1 小计", 33, 63],
        ["2023-04", 13, 23],
        ["Total", 46, 86]]})
    import_file(ws, path, GRID)
    assert energy(ws)[(ZB, *APR, "grid")] == 13 and energy(ws)[(UL, *APR, "grid")] == 23
    assert sum(energy(ws).values()) == 46 + 86


def test_a_row_of_figures_among_the_periods_is_refused_naming_it(ws, tmp_path):
    path = write_workbook(tmp_path / "n.xlsx", {"Sites": SITES, "Energy": [
        ["Electricity (kWh)"],
        ["Month", ZB, UL],
        ["2023-01", 10, 20], ["Estimated", 5, 5], ["2023-02", 11, 21]]})
    with pytest.raises(ImportRefused) as exc:
        import_file(ws, path, GRID)
    [p] = [p for p in exc.value.problems if p.code == "transposed_unread_row"]
    assert p.row == 4 and p.params == {"label": "Estimated", "cell": "A4"}
    assert not energy(ws)
