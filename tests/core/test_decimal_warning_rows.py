"""The warning of numbers written as text that read two ways says the mark the parse used: both
look at the same rows (a wide sheet's data rows, not the rows it leaves out), so a row left out
that shows another mark cannot make the warning name the wrong one; and the warning names the
row of its first example, not the header."""

from __future__ import annotations

import pytest

from greenledger.core.errors import ImportRefused
from greenledger.core.importing.engine import analyse, import_file
from tests.conftest import SITES, write_workbook
from tests.core.test_read_blind import UL, ZB, energy

TITLE = ["Electricity (MWh)"]
HEAD = ["Site", "Source", "2023-01", "2023-02", "Factor"]


def _wide(tmp_path, left_out_factor: str | None, kept_factor: str | None = None):
    """`1.250` MWh read two ways; row 4 has no values (left out), its Factor says `0,5`."""
    return write_workbook(tmp_path / "w.xlsx", {"Sites": SITES, "Energy": [
        TITLE, HEAD,
        [ZB, "grid", "1.250", "2.500", kept_factor],
        [UL, "grid", None, None, left_out_factor],
        [UL, "solar", "3.750", "4.125", None]]})


def _warning(path):
    [plan] = [p for p in analyse(path) if p.sheet == "Energy"]
    [w] = [w for w in plan.warnings if w.code in ("reads_two_ways", "two_ways_sheet_comma",
                                                  "two_ways_sheet_point")]
    return w


def test_a_left_out_row_with_another_mark_does_not_settle_the_mark(ws, tmp_path):
    """The rows read show no mark, so 1.250 (1.25 or 1,250 MWh) is refused at its row, whatever
    the left-out row's `0,5` says; nothing is written."""
    path = _wide(tmp_path, "0,5")
    [plan] = [p for p in analyse(path) if p.sheet == "Energy"]
    [p] = [p for p in plan.all_problems if p.code == "decimal_mark_unclear"]
    assert p.row == 3 and p.value == "1.250"
    assert not [w for w in plan.warnings if w.code == "two_ways_sheet_comma"]
    with pytest.raises(ImportRefused):
        import_file(ws, path)
    assert energy(ws) == {}


def test_a_read_row_with_a_comma_settles_the_mark_and_the_warning_says_it(ws, tmp_path):
    """The same comma on a row that is read: the parse takes it (1.250 MWh = 1,250 MWh), and the
    warning says a decimal comma — the two agree either way."""
    path = _wide(tmp_path, None, kept_factor="0,5")
    w = _warning(path)
    assert w.code == "two_ways_sheet_comma" and w.row == 3
    import_file(ws, path)
    assert sum(energy(ws).values()) == pytest.approx((1250 + 2500 + 3750 + 4125) * 1000)


def test_a_long_sheet_warning_names_its_first_examples_row(tmp_path):
    path = write_workbook(tmp_path / "l.xlsx", {"Sites": SITES, "Energy": [
        ["Site", "Month", "Source", "Energy (kWh)"],
        [ZB, "2023-01", "grid", 1200], [ZB, "2023-02", "grid", "66,100"]]})
    w = _warning(path)
    assert w.row == 3 and w.value == "66,100"
