"""The compact energy layout (m006) through the importer: each energy sheet of one import counted
into the batch's figures (the upsert counts what its statement wrote, not the batch's rows), and
the stored rows read back as the texts they were given."""

from __future__ import annotations

from datetime import date

from greenledger.core.fields import Kind
from greenledger.core.importing.importer import import_file
from tests.conftest import ENERGY_HEADER, SITES, write_workbook

SITE = SITES[1][0]


def _month(m: int) -> list:
    start = date(2023, m, 1)
    end = date(2023 + (m == 12), m % 12 + 1, 1)
    return [start, date.fromordinal(end.toordinal() - 1)]


def test_two_energy_sheets_of_one_import_are_both_counted_and_read_back(ws, tmp_path):
    import_file(ws, write_workbook(tmp_path / "sites.xlsx", {"Sites": SITES}))
    book = write_workbook(tmp_path / "two.xlsx", {
        "Grid": [ENERGY_HEADER, *([SITE, *_month(m), "grid", 1000.5 + m, None] for m in range(1, 13))],
        "Wind": [ENERGY_HEADER, *([SITE, *_month(m), "wind", 20.25 * m, "PPA"] for m in range(1, 4))]})
    first = import_file(ws, book)
    assert (first.inserted, first.updated, first.unchanged) == (15, 0, 0)
    assert ws.batch(first.batch_id)["inserted"] == 15
    rows = ws.rows(Kind.ENERGY)
    assert [(r["period_start"], r["period_end"], r["source"], r["instrument"], r["energy"],
             r["source_sheet"], r["source_row"]) for r in rows if r["source"] == "wind"] == [
        ("2023-01-01", "2023-01-31", "wind", "PPA", 20.25, "Wind", 2),
        ("2023-02-01", "2023-02-28", "wind", "PPA", 40.5, "Wind", 3),
        ("2023-03-01", "2023-03-31", "wind", "PPA", 60.75, "Wind", 4)]
    assert sum(r["energy"] for r in rows) == sum(1000.5 + m for m in range(1, 13)) + 20.25 * 6
    dry = import_file(ws, book, dry_run=True)
    again = import_file(ws, book)
    assert (dry.inserted, dry.updated, dry.unchanged) == (again.inserted, again.updated,
                                                         again.unchanged) == (0, 0, 15)
