"""A note inside a table ends it when the row below it is short (the layout's rule), so such a
row was left out with exit 0: a two-column sheet (Month, Energy; site and source given once)
with `注：2月为估算` between January and February lost February. A row under the note that is
filled like the table's rows is refused, naming it; the hint followed (the note moved below the
table) stores every row. A wider table goes on below its note (the layout's rule since e26df92)."""

from __future__ import annotations

import pytest

from greenledger.core.errors import ImportRefused
from greenledger.core.importing.engine import import_file
from greenledger.core.importing.plan import ImportOptions
from tests.conftest import SITES, write_workbook
from tests.core.test_read_blind import JAN, UL, ZB, approx, energy

FEB = ("2023-02-01", "2023-02-28")
ONE = ImportOptions(values={"site": ZB, "source": "grid"})
NOTE = "注：2月为估算"


@pytest.fixture
def sited(ws, tmp_path):
    import_file(ws, write_workbook(tmp_path / "s.xlsx", {"Sites": SITES}))
    return ws


def _narrow(tmp_path, rows):
    return write_workbook(tmp_path / "n.xlsx", {"Energy": [["Month", "Energy (kWh)"], *rows]})


def test_a_data_row_after_a_note_is_refused_naming_it(sited, tmp_path):
    ws = sited
    path = _narrow(tmp_path, [["2023-01", 1000], [NOTE, None], ["2023-02", 2000]])
    with pytest.raises(ImportRefused) as exc:
        import_file(ws, path, ONE)
    [p] = exc.value.problems
    assert (p.code, p.sheet, p.row, p.params["note_row"]) == ("row_after_note", "Energy", 4, 3)
    assert not energy(ws)


def test_the_note_moved_below_the_table_imports_every_row(sited, tmp_path):
    ws = sited
    import_file(ws, _narrow(tmp_path, [["2023-01", 1000], ["2023-02", 2000], [NOTE, None]]), ONE)
    assert energy(ws) == approx({(ZB, *JAN, "grid"): 1000, (ZB, *FEB, "grid"): 2000})


def test_a_wide_table_goes_on_below_its_note(ws, tmp_path):
    path = write_workbook(tmp_path / "w.xlsx", {"Sites": SITES, "Energy": [
        ["Site", "Month", "Source", "Energy (kWh)"], [ZB, "2023-01", "grid", 1000],
        ["Note: February estimated", None, None, None], [UL, "2023-01", "grid", 2000]]})
    import_file(ws, path)
    assert energy(ws) == approx({(ZB, *JAN, "grid"): 1000, (UL, *JAN, "grid"): 2000})
