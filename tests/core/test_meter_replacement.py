"""A re-issued bill for one of a site's meters (blind finding F38, cn_bill_correction.xlsx): the
workspace keeps one energy figure per site and period, summed over its meters, and not which
meters it sums. A bill with a meter column that would change a stored figure is refused, naming
the row, its meters and the stored figure with where it came from; its hint, followed (the other
meters' rows added), gives the right sum. Re-importing the same bill, or a bill of new periods,
stays clean."""

from __future__ import annotations

from datetime import date

import pytest

from greenledger.core.errors import ImportRefused
from greenledger.core.fields import Kind
from greenledger.core.importing.engine import import_file
from greenledger.core.importing.plan import ImportOptions
from tests.conftest import SITES, snapshot, write_workbook
from tests.core.test_read_blind import UL, ZB, approx, energy

GRID = ImportOptions(values={"source": "grid"})
HEAD = ["Site", "Meter No.", "From", "To", "kWh"]
JAN = (date(2023, 1, 16), date(2023, 2, 15))
FEB = (date(2023, 2, 16), date(2023, 3, 15))
BILL = [HEAD,
        [ZB, "M1", *JAN, 125400], [ZB, "M2", *JAN, 64300],
        [ZB, "M1", *FEB, 118200], [ZB, "M2", *FEB, 60150],
        [UL, "U1", *JAN, 38420]]


def _bill(tmp_path, name, rows, sites=True):
    sheets = {"Sites": SITES} if sites else {}
    return write_workbook(tmp_path / name, {**sheets, "Bills": rows})


@pytest.fixture
def billed(ws, tmp_path):
    import_file(ws, _bill(tmp_path, "bill.xlsx", BILL), GRID)
    assert energy(ws) == approx({(ZB, "2023-01-16", "2023-02-15", "grid"): 189700,
                                 (ZB, "2023-02-16", "2023-03-15", "grid"): 178350,
                                 (UL, "2023-01-16", "2023-02-15", "grid"): 38420})
    return ws


def test_one_meter_correction_of_a_summed_row_is_refused_naming_it(billed, tmp_path):
    before = snapshot(billed)
    path = _bill(tmp_path, "fix.xlsx", [HEAD, [ZB, "M2", *JAN, 66100]], sites=False)
    for dry in (True, False):
        with pytest.raises(ImportRefused) as exc:
            import_file(billed, path, GRID, dry_run=dry)
        [p] = exc.value.problems
        assert p.code == "meter_replaces_sum" and p.row == 2 and p.sheet == "Bills"
        assert p.params["meters"] == "M2" and p.params["old"] == "189,700"
        assert p.params["new"] == "66,100" and p.params["where"] == "bill.xlsx › Bills › row 2"
        assert "delete the stored row" in str(p) and "every meter of Zhangbei DC" in str(p)
    assert snapshot(billed) == before


def _delete_stored(ws, site, start):
    [row] = [r for r in ws.rows(Kind.ENERGY) if r["site"] == site and r["period_start"] == start]
    ws.write_records(Kind.ENERGY, {row["id"]: None})  # the Energy table's Delete


def test_the_hint_followed_gives_the_sum_of_both_meters(billed, tmp_path):
    """Delete the stored row, then import every meter's row for the period together (M1's row
    added beside M2's corrected one); M2's row alone, or both without the delete, is refused."""
    both = _bill(tmp_path, "fix2.xlsx", [HEAD, [ZB, "M2", *JAN, 66100], [ZB, "M1", *JAN, 125400]],
                 sites=False)
    with pytest.raises(ImportRefused):
        import_file(billed, both, GRID)
    _delete_stored(billed, ZB, "2023-01-16")
    result = import_file(billed, both, GRID)
    assert (result.inserted, result.updated) == (1, 0)
    assert energy(billed) == approx({(ZB, "2023-01-16", "2023-02-15", "grid"): 125400 + 66100,
                                     (ZB, "2023-02-16", "2023-03-15", "grid"): 178350,
                                     (UL, "2023-01-16", "2023-02-15", "grid"): 38420})


def test_the_same_bill_again_is_unchanged_and_clean(billed, tmp_path):
    result = import_file(billed, _bill(tmp_path, "bill.xlsx", BILL), GRID)
    assert (result.inserted, result.updated) == (0, 0)


def test_a_bill_of_new_periods_imports(billed, tmp_path):
    mar = (date(2023, 3, 16), date(2023, 4, 15))
    path = _bill(tmp_path, "mar.xlsx", [HEAD, [ZB, "M1", *mar, 121900], [ZB, "M2", *mar, 62800]],
                 sites=False)
    import_file(billed, path, GRID)
    assert energy(billed)[(ZB, "2023-03-16", "2023-04-15", "grid")] == pytest.approx(121900 + 62800)


def test_a_corrected_full_export_is_refused_too(billed, tmp_path):
    """Both meters again, one corrected: the workspace cannot tell it holds the same meters, so
    this is refused as well (what the rule gets wrong without meter identity in storage)."""
    rows = [HEAD, [ZB, "M1", *JAN, 125400], [ZB, "M2", *JAN, 66100]]
    with pytest.raises(ImportRefused) as exc:
        import_file(billed, _bill(tmp_path, "again.xlsx", rows, sites=False), GRID)
    [p] = exc.value.problems
    assert p.params["meters"] == "M1, M2" and p.params["new"] == "191,500" and p.row == 2


def test_a_sheet_without_a_meter_column_updates_as_before(billed, tmp_path):
    path = _bill(tmp_path, "plain.xlsx", [["Site", "From", "To", "kWh"], [UL, *JAN, 39000]],
                 sites=False)
    assert import_file(billed, path, GRID).updated == 1
    assert energy(billed)[(UL, "2023-01-16", "2023-02-15", "grid")] == pytest.approx(39000)
