"""Periods from meter read to meter read (issue 12 §3, blind F14): 16th to 16th, the read day ending
one period and starting the next. A sheet that runs so is read with the read day excluded (a
warning says so); a period sharing one boundary day with another otherwise is refused with the
bound to write, and that hint followed gives every kWh, each day once. Figures by hand."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from greenledger.core.accounting import summarize
from greenledger.core.errors import ImportRefused
from greenledger.core.importing import engine
from greenledger.core.importing.plan import ImportOptions
from greenledger.core.storage import Workspace
from tests.conftest import write_workbook

SITE = "Reno FC"
HEADER = ["Site", "Period start", "Period end", "Source", "Energy (kWh)"]


@pytest.fixture
def ws(tmp_path):
    w = Workspace.open(tmp_path / "w.greenledger")
    engine.import_file(w, write_workbook(tmp_path / "sites.xlsx", {"Sites": [
        ["Site", "Grid region"], [SITE, "United States"], ["Leeds Store", "United Kingdom"]]}))
    yield w
    w.close()


def _book(path: Path, rows: list[list]) -> Path:
    return write_workbook(path, {"Energy": [HEADER, *rows]})


def _stored(ws) -> list[tuple]:
    return ws.db.execute("SELECT period_start, period_end, energy_kwh FROM energy "
                         "ORDER BY period_start").fetchall()


READS = [[SITE, date(2023, 1, 16), date(2023, 2, 16), "grid", 412_800],
         [SITE, date(2023, 2, 16), date(2023, 3, 16), "grid", 398_100],
         [SITE, date(2023, 3, 16), date(2023, 4, 17), "grid", 420_600]]


def test_read_to_read_rows_are_read_with_the_read_day_excluded(ws, tmp_path):
    path = _book(tmp_path / "reads.xlsx", READS)
    dry = engine.import_file(ws, path, dry_run=True)  # preflight says it as the import does
    assert [w.code for w in dry.warnings] == ["read_to_read"] and not _stored(ws)
    result = engine.import_file(ws, path)
    assert _stored(ws) == [("2023-01-16", "2023-02-15", 412_800), ("2023-02-16", "2023-03-15", 398_100),
                           ("2023-03-16", "2023-04-16", 420_600)]
    [w] = [w for w in result.warnings if w.code == "read_to_read"]
    assert "2023-01-16 – 2023-02-15" in w.reason and w.column == "Period end [C]"
    months = {m["month"]: m["total_kwh"] for m in summarize(ws)["site_months"]}
    # 16 Jan - 15 Feb is 31 days, 16 of them in January; 16 Feb - 15 Mar is 28 days, 13 in February
    assert months["2023-01"] == pytest.approx(412_800 * 16 / 31)
    assert months["2023-02"] == pytest.approx(412_800 * 15 / 31 + 398_100 * 13 / 28)
    assert months["2023-04"] == pytest.approx(420_600 * 16 / 32)
    assert sum(months.values()) == pytest.approx(1_231_500)
    assert engine.import_file(ws, path).inserted == 0  # read the same way again: nothing new


def test_inclusive_periods_and_a_single_row_are_read_as_written(ws, tmp_path):
    rows = [[SITE, date(2023, 1, 16), date(2023, 2, 15), "grid", 1.0],
            [SITE, date(2023, 2, 16), date(2023, 3, 15), "grid", 2.0],
            ["Leeds Store", date(2023, 1, 16), date(2023, 2, 16), "grid", 3.0]]
    result = engine.import_file(ws, _book(tmp_path / "incl.xlsx", rows))
    assert not [w for w in result.warnings if w.code == "read_to_read"]
    assert ("2023-01-16", "2023-02-16", 3.0) in _stored(ws)


def test_a_sheet_mixing_both_ways_is_refused_and_the_hint_followed_counts_every_kwh(ws, tmp_path):
    """16 Jan-15 Feb, 16 Feb-16 Mar, 16 Mar-15 Apr: one pair meets the inclusive way, one shares
    16 Mar. Refused naming that day and the start to write (17 Mar); written, all 3 kWh stored."""
    rows = [[SITE, date(2023, 1, 16), date(2023, 2, 15), "grid", 1.0],
            [SITE, date(2023, 2, 16), date(2023, 3, 16), "grid", 2.0],
            [SITE, date(2023, 3, 16), date(2023, 4, 15), "grid", 4.0]]
    with pytest.raises(ImportRefused) as refused:
        engine.import_file(ws, _book(tmp_path / "mixed.xlsx", rows))
    [p] = refused.value.problems
    assert (p.code, p.row, p.params["day"], p.params["fix"]) == \
        ("period_shares_first_day", 4, "2023-03-16", "2023-03-17")
    assert "delete" not in p.reason and "mixed.xlsx › Energy › row 3" in p.reason
    rows[2][1] = date.fromisoformat(p.params["fix"])  # the hint, followed literally
    engine.import_file(ws, _book(tmp_path / "fixed.xlsx", rows))
    assert sum(m["total_kwh"] for m in summarize(ws)["site_months"]) == pytest.approx(7.0)


def test_a_period_starting_on_a_stored_periods_read_day_gets_a_hint_that_works(ws, tmp_path):
    engine.import_file(ws, _book(tmp_path / "jan.xlsx", [READS[0]]))  # one row: as written
    feb = [SITE, date(2023, 2, 16), date(2023, 3, 15), "grid", 398_100]
    with pytest.raises(ImportRefused) as refused:
        engine.import_file(ws, _book(tmp_path / "feb.xlsx", [feb]))
    [p] = refused.value.problems
    assert p.code == "period_shares_first_day" and "jan.xlsx › Energy › row 2" in p.reason
    feb[1] = date.fromisoformat(p.params["fix"])
    engine.import_file(ws, _book(tmp_path / "feb2.xlsx", [feb]))
    assert [r[2] for r in _stored(ws)] == [412_800, 398_100]
    assert sum(m["total_kwh"] for m in summarize(ws)["site_months"]) == pytest.approx(810_900)


def test_read_dates_mapped_on_a_bill_export(ws, tmp_path):
    """The blind workbook's shape: Previous / Current Read Date mapped, source given once."""
    path = write_workbook(tmp_path / "bill.xlsx", {"Reads": [
        ["Site", "Previous Read Date", "Current Read Date", "Usage (kWh)"],
        *[[r[0], r[1].strftime("%m/%d/%Y"), r[2].strftime("%m/%d/%Y"), r[4]] for r in READS]]})
    engine.import_file(ws, path, ImportOptions(
        mapping={"Previous Read Date": "period_start", "Current Read Date": "period_end"},
        values={"source": "grid"}))
    assert [r[:2] for r in _stored(ws)][-1] == ("2023-03-16", "2023-04-16")
    assert sum(r[2] for r in _stored(ws)) == 1_231_500


def test_days_read_at_midnight_are_each_their_own_day(ws, tmp_path):
    """A meter export of days from midnight to midnight (datetime cells 2023-01-30 00:00 -
    2023-01-31 00:00): the end is the next day's first instant, so each row is its start's day
    (January 30, 31, February 1), by the same read-to-read reading."""
    from datetime import datetime, timedelta

    t0 = datetime(2023, 1, 30)
    rows = [[SITE, t0 + timedelta(days=d), t0 + timedelta(days=d + 1), "grid", 10.0 * (d + 1)]
            for d in range(3)]
    engine.import_file(ws, _book(tmp_path / "midnight.xlsx", rows))
    assert _stored(ws) == [("2023-01-30", "2023-01-30", 10.0), ("2023-01-31", "2023-01-31", 20.0),
                           ("2023-02-01", "2023-02-01", 30.0)]
    months = {m["month"]: m["total_kwh"] for m in summarize(ws)["site_months"]}
    assert months == {"2023-01": pytest.approx(30.0), "2023-02": pytest.approx(30.0)}
