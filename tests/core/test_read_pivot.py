"""Pivot exports (issue 12 §2): a label only on its group's first row carries down within its
group; subtotals (`<label> 汇总`, `<label> Total`, `小计`, `Grand Total`) are skipped; a blank
label where the sheet is no pivot, or past its group's subtotal, stays a refusal."""

from __future__ import annotations

import pytest

from greenledger.core.errors import ImportRefused
from greenledger.core.importing.engine import analyse, import_file
from greenledger.core.importing.pivot import is_pivot_header
from tests.conftest import SITES, write_workbook
from tests.core.test_read_blind import FEB, JAN, UL, ZB, approx, energy


def test_pivot_headers():
    assert is_pivot_header("Sum of Energy (kWh)") and is_pivot_header("求和项:用电量")
    assert is_pivot_header("Row Labels") and not is_pivot_header("Energy (kWh)")


def test_pivot_header_without_subtotals_carries_labels(ws, tmp_path):
    """An Excel pivot in tabular form with subtotals off: `Sum of` in the header says it is one."""
    path = write_workbook(tmp_path / "p.xlsx", {"Sites": SITES, "Pivot": [
        ["Site", "Source", "Month", "Sum of Energy (MWh)"],
        [ZB, "grid", "2023-01", 1.0],
        [None, None, "2023-02", 1.5],
        [None, "wind", "2023-01", 0.25],
        [UL, "grid", "2023-01", 2.0],
    ]})
    import_file(ws, path)
    assert energy(ws) == approx({(ZB, *JAN, "grid"): 1000, (ZB, *FEB, "grid"): 1500,
                                 (ZB, *JAN, "wind"): 250, (UL, *JAN, "grid"): 2000})


def test_pivot_with_months_as_columns(ws, tmp_path):
    """A pivot with months across (wide) and 汇总 rows per site."""
    path = write_workbook(tmp_path / "w.xlsx", {"站点": SITES, "透视": [
        ["2023年用电量（万千瓦时）"],
        ["站点", "能源类型", "1月", "2月"],
        [ZB, "电网", 10, 11],
        [None, "风电", 5, None],
        ["Zhangbei DC 汇总", None, 15, 11],
        [UL, "电网", 20, 21],
        ["Ulanqab DC 汇总", None, 20, 21],
        ["总计", None, 35, 32],
    ]})
    plan = next(p for p in analyse(path) if p.sheet == "透视")
    assert {i.row: i.code for i in plan.layout.ignored if i.code == "total"} == {5: "total",
                                                                                 7: "total",
                                                                                 8: "total"}
    import_file(ws, path)
    assert energy(ws) == approx({(ZB, *JAN, "grid"): 100_000, (ZB, *FEB, "grid"): 110_000,
                                 (ZB, *JAN, "wind"): 50_000, (UL, *JAN, "grid"): 200_000,
                                 (UL, *FEB, "grid"): 210_000})


def test_a_blank_label_in_a_plain_sheet_is_still_refused(ws, tmp_path):
    """No subtotal, no pivot header: a blank site is a missing value, not the row above's."""
    path = write_workbook(tmp_path / "b.xlsx", {"Sites": SITES, "Energy": [
        ["Site", "Month", "Source", "Energy (kWh)"],
        [ZB, "2023-01", "grid", 1000],
        [None, "2023-02", "grid", 1100],
    ]})
    with pytest.raises(ImportRefused) as exc:
        import_file(ws, path)
    assert [(p.row, p.column, p.code) for p in exc.value.problems] == [(3, "Site [A]", "required")]


def test_a_label_does_not_carry_past_its_groups_subtotal(ws, tmp_path):
    path = write_workbook(tmp_path / "g.xlsx", {"Sites": SITES, "Energy": [
        ["Site", "Month", "Source", "Energy (kWh)"],
        [ZB, "2023-01", "grid", 1000],
        ["Zhangbei DC Total", None, None, 1000],
        [None, "2023-02", "grid", 1100],
    ]})
    with pytest.raises(ImportRefused) as exc:
        import_file(ws, path)
    assert [(p.row, p.column, p.code) for p in exc.value.problems] == [(4, "Site [A]", "required")]


def test_a_blank_inside_the_row_is_not_carried(ws, tmp_path):
    """Only the outline's indent (blanks before the first label) is filled: a row that names
    its site but leaves its month blank is refused."""
    path = write_workbook(tmp_path / "i.xlsx", {"Sites": SITES, "Energy": [
        ["Site", "Month", "Source", "Sum of Energy (kWh)"],
        [ZB, "2023-01", "grid", 1000],
        [None, None, "wind", 500],
        [UL, None, "grid", 900],
    ]})
    with pytest.raises(ImportRefused) as exc:
        import_file(ws, path)
    assert [(p.row, p.column) for p in exc.value.problems] == [(4, "Month [B]")]


def test_a_pivots_subtotal_is_reconciled_with_its_group(ws, tmp_path):
    """The subtotals are skipped, and checked (core.importing.reconcile): a wrong one refuses."""
    rows = [["Site", "Month", "Source", "Sum of Energy (kWh)"],
            [ZB, "2023-01", "grid", 1000],
            [None, "2023-02", "grid", 1100],
            ["Zhangbei DC Total", None, None, 2700],
            [UL, "2023-01", "grid", 900],
            ["Ulanqab DC Total", None, None, 900]]
    path = write_workbook(tmp_path / "r.xlsx", {"Sites": SITES, "Pivot": rows})
    with pytest.raises(ImportRefused) as exc:
        import_file(ws, path)
    assert [(p.row, p.code) for p in exc.value.problems] == [(4, "total_mismatch")]
    rows[3][3] = 2100
    import_file(ws, write_workbook(tmp_path / "r2.xlsx", {"Sites": SITES, "Pivot": rows}))
    assert energy(ws) == approx({(ZB, *JAN, "grid"): 1000, (ZB, *FEB, "grid"): 1100,
                                 (UL, *JAN, "grid"): 900})
