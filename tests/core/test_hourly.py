"""Hourly periods (issue 15): a year of hourly meter rows (8,760 a site) through the real import,
in the layouts meter exports use (core/importing/timestamps.py says how each is read):
`Site | Period start | Period end | … ` with datetime cells, `Start | End | kWh` written as text
through the engine, and `Timestamp | kWh` (one timestamp per row, the hour it begins). A stored
hour runs from its start up to its end, the end excluded (2023-01-01 13:00 – 2023-01-01 14:00):
consecutive hours are no overlap, a repeated hour is refused naming both rows, a day beside its
hours is an overlap. Every figure is computed by hand, and the hourly summary must equal the
daily one built from the same energy."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

import openpyxl
import pytest

from greenledger.core import aggregates
from greenledger.core.accounting import build_summary, summarize
from greenledger.core.chart_data import Filters
from greenledger.core.chart_energy import energy_mix
from greenledger.core.checks import check_workspace
from greenledger.core.errors import ImportRefused
from greenledger.core.importing import engine
from greenledger.core.importing.dates import as_bounds, timed_periods
from greenledger.core.importing.importer import import_file
from greenledger.core.importing.plan import ImportOptions
from greenledger.core.importing.values import CellError, parse_timestamp
from greenledger.core.periods import bound_text, parse_bound, share_within, spread_by_month
from greenledger.core.storage import Workspace
from greenledger.core.story import story

SITES = ("Zhangbei DC", "Ulanqab DC")
HOURS = 8760  # 2023 has 365 days
KWH = 1000.0  # every hour, every site (the first book)


def hourly_workbook(path: Path) -> Path:
    wb = openpyxl.Workbook(write_only=True)
    sites = wb.create_sheet("Sites")
    sites.append(["Site", "Type", "Grid region", "Country"])
    for s in SITES:
        sites.append([s, "data centre", "North China", "China"])
    energy = wb.create_sheet("Energy")
    energy.append(["Site", "Period start", "Period end", "Source", "Energy (kWh)", "Instrument"])
    t0 = datetime(2023, 1, 1)
    for s in SITES:
        for h in range(HOURS):
            start = t0 + timedelta(hours=h)
            energy.append([s, start, start + timedelta(hours=1), "grid", KWH, None])
    wb.save(path)
    return path


@pytest.fixture(scope="module")
def book(tmp_path_factory) -> Path:
    return hourly_workbook(tmp_path_factory.mktemp("hourly") / "hourly.xlsx")


def test_hourly_rows_import_and_aggregate(book, tmp_path):
    """8,760 hours × 1,000 kWh = 8,760,000 kWh a site for 2023; January 744 h = 744,000 kWh."""
    with Workspace.open(tmp_path / "w.greenledger") as ws:
        import_file(ws, book)
        assert ws.db.execute("SELECT count(*) FROM energy").fetchone()[0] == HOURS * len(SITES)
        first, last = ws.db.execute("SELECT min(period_start), max(period_end) FROM energy").fetchone()
        assert (first, last) == ("2023-01-01 00:00", "2024-01-01 00:00")  # the end excluded
        s = summarize(ws)
        assert not [f for f in check_workspace(ws) if f.check in ("overlap", "total")]
    years = {(y["site"], y["year"]): y for y in s["site_years"]}
    for site in SITES:
        assert years[(site, 2023)]["total_kwh"] == pytest.approx(8_760_000)
        assert (site, 2024) not in years
    months = {(m["site"], m["month"]): m for m in s["site_months"]}
    assert months[(SITES[0], "2023-01")]["total_kwh"] == pytest.approx(744_000)
    assert months[(SITES[0], "2023-02")]["total_kwh"] == pytest.approx(672_000)
    assert months[(SITES[1], "2023-12")]["total_kwh"] == pytest.approx(744_000)


# --- the same energy by the hour and by the day: the figures must agree ------------------------


def _kwh(t: datetime) -> float:
    """An hour's kWh: 100 at midnight … 123 at 23:00, +1,000 on weekdays' working hours."""
    return 100.0 + t.hour + (1000.0 if t.weekday() < 5 and 9 <= t.hour < 17 else 0.0)


def _day_kwh(d: date) -> float:
    """By hand: 24 × 100 + (0 + … + 23) = 2,676 kWh, and 8 × 1,000 more on a weekday."""
    return 2676.0 + (8000.0 if d.weekday() < 5 else 0.0)


def _sites_book(path: Path) -> Path:
    wb = openpyxl.Workbook()
    wb.active.title = "Sites"
    wb.active.append(["Site", "Grid region"])
    for s in SITES:
        wb.active.append([s, "North China"])
    wb.save(path)
    return path


def _hours_text_book(path: Path) -> Path:
    """A meter export: Start | End | kWh written as text, both sites on one sheet."""
    wb = openpyxl.Workbook(write_only=True)
    sh = wb.create_sheet("Meter")
    sh.append(["Site", "Start", "End", "Source", "kWh"])
    t0 = datetime(2023, 1, 1)
    for s in SITES:
        for h in range(HOURS):
            t = t0 + timedelta(hours=h)
            sh.append([s, t.strftime("%Y-%m-%d %H:%M"), (t + timedelta(hours=1)).strftime("%Y-%m-%d %H:%M"),
                       "grid", _kwh(t)])
    wb.save(path)
    return path


def _days_book(path: Path) -> Path:
    wb = openpyxl.Workbook(write_only=True)
    sh = wb.create_sheet("Energy")
    sh.append(["Site", "Period start", "Period end", "Source", "Energy (kWh)"])
    for s in SITES:
        for n in range(365):
            d = date(2023, 1, 1) + timedelta(days=n)
            sh.append([s, d, d, "grid", _day_kwh(d)])
    wb.save(path)
    return path


def test_hours_as_text_through_the_engine_equal_the_daily_figures(tmp_path):
    """The command line's and the window's path: `Start | End | kWh` as text; the summary and
    the chart equal those of the same energy imported as 365 daily rows, and the hand totals."""
    by_hand_year = sum(_day_kwh(date(2023, 1, 1) + timedelta(days=n)) for n in range(365))
    by_hand_jan = sum(_day_kwh(date(2023, 1, d)) for d in range(1, 32))
    assert by_hand_jan == 31 * 2676 + 22 * 8000  # January 2023 has 22 weekdays
    sites = _sites_book(tmp_path / "sites.xlsx")
    out = {}
    for name, book_ in (("hours", _hours_text_book(tmp_path / "hours.xlsx")),
                        ("days", _days_book(tmp_path / "days.xlsx"))):
        with Workspace.open(tmp_path / f"{name}.greenledger") as ws:
            engine.import_file(ws, sites)
            result = engine.import_file(ws, book_)
            assert result.inserted == (HOURS if name == "hours" else 365) * len(SITES)
            summary = build_summary(ws)
            chart = energy_mix(summary, Filters(site=SITES[0], year_from=2023, year_to=2023,
                                                granularity="month"))
            out[name] = (summarize(ws), chart)
    (hours, hours_chart), (days, days_chart) = out["hours"], out["days"]
    years = {(y["site"], y["year"]): y["total_kwh"] for y in hours["site_years"]}
    assert years[(SITES[0], 2023)] == pytest.approx(by_hand_year) == by_hand_year
    months = {(m["site"], m["month"]): m["total_kwh"] for m in hours["site_months"]}
    assert months[(SITES[1], "2023-01")] == pytest.approx(by_hand_jan)
    for key in ("site_years", "site_months"):
        assert len(hours[key]) == len(days[key])
        for h, d in zip(hours[key], days[key], strict=True):
            assert h.keys() == d.keys() and h["total_kwh"] == pytest.approx(d["total_kwh"], rel=1e-12)
            for k, v in h.items():  # every figure: kWh by source, Scope 2 t, shares
                if isinstance(v, float | dict):
                    assert v == pytest.approx(d[k], rel=1e-12), k
                elif not isinstance(v, list):
                    assert v == d[k], k
    assert any(y.get("location_based_t") for y in hours["site_years"])
    assert hours_chart.categories == days_chart.categories and len(hours_chart.categories) == 12
    for a, b in zip(hours_chart.series, days_chart.series, strict=True):
        assert a.values == pytest.approx(b.values, rel=1e-12)
    grid = next(x for x in hours_chart.series if x.values and x.kind != "line")
    assert grid.values[0] * hours_chart.y_scale == pytest.approx(by_hand_jan)


def _meter_sheet(path: Path, header: list, rows: list[list]) -> Path:
    wb = openpyxl.Workbook()
    wb.active.title = "Meter"
    wb.active.append(header)
    for r in rows:
        wb.active.append(r)
    wb.save(path)
    return path


def _import_meter(tmp_path: Path, path: Path, options: ImportOptions | None = None):
    ws = Workspace.open(tmp_path / "m.greenledger")
    engine.import_file(ws, _sites_book(tmp_path / "sites.xlsx"))
    try:
        return ws, engine.import_file(ws, path, options)
    except ImportRefused:
        ws.close()
        raise


def _stored(ws) -> list[tuple]:
    return ws.db.execute("SELECT period_start, period_end, energy_kwh FROM energy "
                         "ORDER BY period_start").fetchall()


TIMESTAMPS = ImportOptions(sheet="Meter", mapping={"Timestamp": "period"},
                           values={"site": SITES[0], "source": "grid"})


def test_one_timestamp_a_row_is_the_hour_it_begins(tmp_path):
    """`Timestamp | kWh`: 13:00 means 13:00–14:00; the last hour of January stays in January."""
    t0 = datetime(2023, 1, 31, 22)
    path = _meter_sheet(tmp_path / "ts.xlsx", ["Timestamp", "kWh"],
                        [[t0 + timedelta(hours=h), 10.0 * (h + 1)] for h in range(4)])
    ws, result = _import_meter(tmp_path, path, TIMESTAMPS)
    [note] = [w for w in result.warnings if w.code == "timestamps_begin"]  # said how it was read
    assert note.params == {"step": "1 h", "start": "2023-01-31 22:00", "end": "2023-01-31 23:00"}
    assert (note.row, note.column) == (1, "Timestamp [A]")
    with ws:
        assert _stored(ws) == [("2023-01-31 22:00", "2023-01-31 23:00", 10.0),
                               ("2023-01-31 23:00", "2023-02-01 00:00", 20.0),
                               ("2023-02-01 00:00", "2023-02-01 01:00", 30.0),
                               ("2023-02-01 01:00", "2023-02-01 02:00", 40.0)]
        months = {m["month"]: m["total_kwh"] for m in summarize(ws)["site_months"]}
    assert months == {"2023-01": pytest.approx(30.0), "2023-02": pytest.approx(70.0)}


def test_quarter_hours_and_hours_labelled_by_their_end(tmp_path):
    """15-minute text timestamps are 15-minute intervals; a column writing 24:00 labels each
    hour by its end (01:00 … 24:00 is 00:00–01:00 … 23:00–24:00)."""
    quarter = _meter_sheet(tmp_path / "q.xlsx", ["Timestamp", "kWh"],
                           [[f"2023-03-01 00:{m:02d}", 1.0] for m in (0, 15, 30, 45)])
    ws, _ = _import_meter(tmp_path, quarter, TIMESTAMPS)
    with ws:
        assert [r[:2] for r in _stored(ws)][-1] == ("2023-03-01 00:45", "2023-03-01 01:00")
    (tmp_path / "m.greenledger").unlink()
    ending = _meter_sheet(tmp_path / "e.xlsx", ["Timestamp", "kWh"],
                          [[f"2023-03-31 {h:02d}:00", 5.0] for h in range(1, 25)])
    ws, result = _import_meter(tmp_path, ending, TIMESTAMPS)
    assert [w.params["step"] for w in result.warnings if w.code == "timestamps_end"] == ["1 h"]
    with ws:
        rows = _stored(ws)
        assert rows[0][:2] == ("2023-03-31 00:00", "2023-03-31 01:00")
        assert rows[-1][:2] == ("2023-03-31 23:00", "2023-04-01 00:00")
        months = {m["month"]: m["total_kwh"] for m in summarize(ws)["site_months"]}
    assert months == {"2023-03": pytest.approx(120.0)}  # nothing in April


def test_timestamps_a_day_apart_are_refused(tmp_path):
    path = _meter_sheet(tmp_path / "d.xlsx", ["Timestamp", "kWh"],
                        [[datetime(2023, 1, d, 8), 5.0] for d in (1, 2, 3)])
    with pytest.raises(ImportRefused) as refused:
        _import_meter(tmp_path, path, TIMESTAMPS)
    p = next(p for p in refused.value.problems if p.code == "timestamp_step_long")
    assert (p.sheet, p.row, p.column) == ("Meter", 2, "Timestamp [A]") and "1 d" in p.reason


HEADER = ["Site", "Start", "End", "Source", "kWh"]


def _hour(t: datetime, kwh: float = 1.0, site: str = SITES[0]) -> list:
    return [site, t, t + timedelta(hours=1), "grid", kwh]


def test_consecutive_hours_are_no_overlap_but_a_repeated_hour_is_refused(tmp_path):
    t = datetime(2023, 6, 1, 13)
    ok = _meter_sheet(tmp_path / "ok.xlsx", HEADER, [_hour(t), _hour(t + timedelta(hours=1))])
    ws, result = _import_meter(tmp_path, ok)
    ws.close()
    assert result.inserted == 2
    [note] = [w for w in result.warnings if w.code == "timed_rows"]  # the end excluded, said
    assert note.params == {"n": 2, "start": "2023-06-01 13:00", "end": "2023-06-01 14:00"}
    (tmp_path / "m.greenledger").unlink()
    twice = _meter_sheet(tmp_path / "twice.xlsx", HEADER,
                         [_hour(t), _hour(t + timedelta(hours=1)), _hour(t, 2.0)])
    with pytest.raises(ImportRefused) as refused:
        _import_meter(tmp_path, twice)
    dup = [p for p in refused.value.problems if p.code == "duplicate_hour"]
    assert [(p.row, p.params["other_row"]) for p in dup] == [(4, 2)]  # names both rows
    assert "as row 2" in dup[0].reason and "UTC offset" in dup[0].reason


def test_a_day_beside_its_hours_is_an_overlap_in_the_file_and_against_the_workspace(tmp_path):
    t = datetime(2023, 6, 1, 13)
    day = [SITES[0], date(2023, 6, 1), date(2023, 6, 1), "grid", 24.0]
    both = _meter_sheet(tmp_path / "both.xlsx", HEADER, [_hour(t), day])
    with pytest.raises(ImportRefused) as refused:
        _import_meter(tmp_path, both)
    p = next(p for p in refused.value.problems if p.code == "period_overlap")
    assert p.row == 3 and "2023-06-01 13:00 – 2023-06-01 14:00" in p.reason and "row 2" in p.reason
    (tmp_path / "m.greenledger").unlink()
    ws, _ = _import_meter(tmp_path, _meter_sheet(tmp_path / "h.xlsx", HEADER, [_hour(t)]))
    with ws:
        day_book = _meter_sheet(tmp_path / "day.xlsx", HEADER, [day])
        with pytest.raises(ImportRefused) as refused:
            engine.import_file(ws, day_book)
        p = next(p for p in refused.value.problems if p.code == "period_overlap")
        assert "h.xlsx › Meter › row 2" in p.reason
        # the next day is no overlap
        engine.import_file(ws, _meter_sheet(tmp_path / "d2.xlsx", HEADER,
                                            [[SITES[0], date(2023, 6, 2), date(2023, 6, 2), "grid", 5.0]]))


def test_ends_written_as_the_last_minute_are_the_next_hour(tmp_path):
    rows = [[SITES[0], f"2023-06-01 {h:02d}:00", f"2023-06-01 {h:02d}:59", "grid", 1.0]
            for h in (13, 14)]
    ws, _ = _import_meter(tmp_path, _meter_sheet(tmp_path / "m59.xlsx", HEADER, rows))
    with ws:
        assert [r[:2] for r in _stored(ws)] == [("2023-06-01 13:00", "2023-06-01 14:00"),
                                                ("2023-06-01 14:00", "2023-06-01 15:00")]


def test_the_autumn_hour_written_twice_with_offsets_counts_both(tmp_path):
    """Local time with UTC offsets: 29 Oct 2023 (Europe) has 01:00 at +02:00 and again at +01:00.
    Both hours are counted, in the one local hour, with a warning naming both rows."""
    stamps = ["2023-10-29 00:00+02:00", "2023-10-29 01:00+02:00", "2023-10-29 01:00+01:00",
              "2023-10-29 02:00+01:00"]
    path = _meter_sheet(tmp_path / "dst.xlsx", ["Timestamp", "kWh"],
                        [[s, kwh] for s, kwh in zip(stamps, (10.0, 11.0, 12.0, 13.0), strict=True)])
    ws, result = _import_meter(tmp_path, path, TIMESTAMPS)
    with ws:
        assert _stored(ws) == [("2023-10-29 00:00", "2023-10-29 01:00", 10.0),
                               ("2023-10-29 01:00", "2023-10-29 02:00", 23.0),
                               ("2023-10-29 02:00", "2023-10-29 03:00", 13.0)]
        assert sum(m["total_kwh"] for m in summarize(ws)["site_months"]) == pytest.approx(46.0)
    w = next(w for w in result.warnings if w.code == "dst_repeat")
    assert (w.row, w.params["other_row"]) == (4, 3)
    assert "+01:00" in w.reason and "+02:00" in w.reason


def test_the_same_hour_twice_without_offsets_and_offsets_on_some_rows_are_refused(tmp_path):
    twice = _meter_sheet(tmp_path / "t.xlsx", ["Timestamp", "kWh"],
                         [["2023-10-29 00:00", 1.0], ["2023-10-29 01:00", 1.0],
                          ["2023-10-29 01:00", 1.0]])
    with pytest.raises(ImportRefused) as refused:
        _import_meter(tmp_path, twice, TIMESTAMPS)
    [p] = [p for p in refused.value.problems if p.code == "duplicate_hour"]
    assert (p.row, p.params["other_row"]) == (4, 3)
    (tmp_path / "m.greenledger").unlink()
    # the hint followed: each time written with its offset, both hours counted
    hinted = _meter_sheet(tmp_path / "t2.xlsx", ["Timestamp", "kWh"],
                          [["2023-10-29 00:00+02:00", 1.0], ["2023-10-29 01:00+02:00", 1.0],
                           ["2023-10-29 01:00+01:00", 1.0]])
    ws, _ = _import_meter(tmp_path, hinted, TIMESTAMPS)
    with ws:
        assert [r[2] for r in _stored(ws)] == [1.0, 2.0]
    (tmp_path / "m.greenledger").unlink()
    mixed = _meter_sheet(tmp_path / "x.xlsx", ["Timestamp", "kWh"],
                         [["2023-10-29 00:00+02:00", 1.0], ["2023-10-29 01:00", 1.0]])
    with pytest.raises(ImportRefused) as refused:
        _import_meter(tmp_path, mixed, TIMESTAMPS)
    p = next(p for p in refused.value.problems if p.code == "offset_mixed")
    assert p.row == 3 and "+02:00" in p.reason


def test_an_hour_that_ends_when_it_starts_is_refused(tmp_path):
    rows = [[SITES[0], "2023-06-01 13:00", "2023-06-01 13:00", "grid", 1.0]]
    with pytest.raises(ImportRefused) as refused:
        _import_meter(tmp_path, _meter_sheet(tmp_path / "z.xlsx", HEADER, rows))
    p = next(p for p in refused.value.problems if p.code == "timed_empty")
    assert (p.row, p.column) == (2, "End [C]")


# --- what is built: timestamps read, stored bounds spread by time, aggregated and charted --------


@pytest.mark.parametrize("cell, expected", [
    (datetime(2023, 1, 1, 13, 0), datetime(2023, 1, 1, 13, 0)),
    (datetime(2023, 1, 1), datetime(2023, 1, 1)),  # a datetime cell at midnight: as_bounds decides
    ("2023-01-01 13:00", datetime(2023, 1, 1, 13, 0)),
    ("2023/1/1 13:00:30", datetime(2023, 1, 1, 13, 0, 30)),
    ("2023-01-01T07:15", datetime(2023, 1, 1, 7, 15)),
    ("2023年1月1日 13时00分", datetime(2023, 1, 1, 13, 0)),
    ("2023年1月1日 13时05分30秒", datetime(2023, 1, 1, 13, 5, 30)),
    ("2023-01-31 24:00", datetime(2023, 2, 1)),
    (44927.5, datetime(2023, 1, 1, 12, 0)),  # an Excel serial with half a day
    (44927, date(2023, 1, 1)),
    ("2023-01-01", date(2023, 1, 1)),
    (None, None),
])
def test_timestamps_are_read_with_their_time(cell, expected):
    assert parse_timestamp(cell) == expected
    assert type(parse_timestamp(cell)) is type(expected)


@pytest.mark.parametrize("text", ["2023-02-30 01:00", "2023-01-01 25:00", "2023-01-01 12:61"])
def test_impossible_timestamps_are_refused(text):
    with pytest.raises(CellError):
        parse_timestamp(text)


def test_a_row_is_timed_when_a_bound_has_a_time_of_day():
    starts = [datetime(2023, 1, 31, 23), datetime(2023, 1, 1), datetime(2023, 1, 1), date(2023, 3, 1)]
    ends = [datetime(2023, 2, 1), datetime(2023, 1, 1, 1), datetime(2023, 1, 31), date(2023, 3, 31)]
    a, b = as_bounds(starts, ends)
    # the hour 23:00-00:00 ends at that midnight; 00:00-01:00 starts at its midnight
    assert (a[0], b[0]) == (datetime(2023, 1, 31, 23), datetime(2023, 2, 1))
    assert (a[1], b[1]) == (datetime(2023, 1, 1), datetime(2023, 1, 1, 1))
    # rows without a time of day stay whole days (a date cell is a datetime at midnight)
    assert (a[2], b[2]) == (date(2023, 1, 1), date(2023, 1, 31)) and type(a[2]) is date
    assert (a[3], b[3]) == (date(2023, 3, 1), date(2023, 3, 31))
    assert timed_periods(starts, ends) and not timed_periods(starts[2:], ends[2:])


def test_stored_bounds_round_trip_and_spread_by_time():
    for v in (date(2023, 1, 31), datetime(2023, 1, 31, 23), datetime(2023, 1, 31, 23, 0, 30)):
        assert parse_bound(bound_text(v)) == v
    assert bound_text(datetime(2023, 1, 31, 23)) == "2023-01-31 23:00"
    hour = (datetime(2023, 1, 31, 23), datetime(2023, 2, 1))
    assert spread_by_month(*hour, 7.0) == {"2023-01": 7.0}
    assert spread_by_month(datetime(2023, 1, 31, 12), datetime(2023, 2, 1, 12), 24.0) == \
        {"2023-01": 12.0, "2023-02": 12.0}
    assert share_within(*hour, date(2023, 2, 1), date(2023, 2, 28)) == 0.0
    assert share_within(*hour, date(2023, 1, 31), date(2023, 1, 31)) == 1.0
    # dates are spread exactly as before: by inclusive days
    assert spread_by_month(date(2022, 12, 16), date(2023, 1, 15), 31.0) == {"2022-12": 16.0, "2023-01": 15.0}


def _store_hours(ws, sites=("Zhangbei DC", "Ulanqab DC")):
    """8,760 hourly rows a site, stored as the import stores bounds (core.periods.bound_text):
    grid every hour, wind PPA kWh in the daytime hours; a baseline campaign over two weeks."""
    with ws.atomic():
        for i, s in enumerate(sites, 1):
            ws.db.execute("INSERT INTO sites (id, name, grid_region) VALUES (?, ?, 'North China')", [i, s])
        ws.db.execute("INSERT INTO campaigns (name, start, \"end\") "
                      "VALUES ('Base', '2023-05-01', '2023-05-14')")
        ws.db.execute("INSERT INTO campaigns (name, start, \"end\", baseline) "
                      "VALUES ('Sale', '2023-06-01', '2023-06-18', 'Base')")
        t0 = datetime(2023, 1, 1)
        rows = []
        for i, _s in enumerate(sites, 1):
            for h in range(HOURS):
                a, z = t0 + timedelta(hours=h), t0 + timedelta(hours=h + 1)
                rows.append((i, bound_text(a), bound_text(z), "grid", None, KWH))
                if 8 <= a.hour < 18:
                    rows.append((i, bound_text(a), bound_text(z), "wind", "PPA", 100.0))
        ws.db.conn.executemany("INSERT INTO energy (site_id, period_start, period_end, source, instrument, "
                               "energy_kwh) VALUES (?, ?, ?, ?, ?, ?)", rows)


def test_stored_hours_aggregate_and_chart_by_time(ws):
    _store_hours(ws)
    s = summarize(ws)
    assert aggregates.up_to_date(ws)
    full = summarize(ws, maintained=False)  # the rows read whole, spread by core.periods too
    assert (s["site_years"], s["site_months"]) == (full["site_years"], full["site_months"])
    years = {(y["site"], y["year"]): y for y in s["site_years"]}
    wind_2023 = 365 * 10 * 100.0
    for site in ("Zhangbei DC", "Ulanqab DC"):
        y = years[(site, 2023)]
        assert y["total_kwh"] == pytest.approx(HOURS * KWH + wind_2023)
        assert y["location_based_t"] == pytest.approx((HOURS * KWH + wind_2023) * 0.5 / 1000, rel=0.5)
    months = {(m["site"], m["month"]): m["total_kwh"] for m in s["site_months"]}
    assert months[("Zhangbei DC", "2023-01")] == pytest.approx(744 * KWH + 31 * 1000.0)
    assert months[("Zhangbei DC", "2023-02")] == pytest.approx(672 * KWH + 28 * 1000.0)
    assert ("Zhangbei DC", "2024-01") not in months  # the last hour ends at 2024-01-01 00:00
    # the campaign: 18 days of daytime wind, avoided at the grid factor of the year
    sale = next(c for c in s["campaigns"] if c["name"] == "Sale")
    grid = next(f for f in s["factors_used"] if f["key"] == "grid" and f["year"] == 2023)["value"]
    assert sale["avoided_by_site_t"]["Ulanqab DC"] == pytest.approx(18 * 1000.0 * grid / 1000)
    window = [g for g in s["row_groups"] if g["campaign"] == "Sale" and g["scope"] == "window"
              and g["site"] == "Zhangbei DC"]
    assert {g["renewable"]: g["rows"] for g in window} == {False: 18 * 24, True: 18 * 10}
    assert {g["renewable"]: g["kwh"] for g in window} == {False: pytest.approx(18 * 24 * KWH),
                                                          True: pytest.approx(18 * 1000.0)}
    told = story(build_summary(ws))  # the band and its trail read the hours' bounds
    assert told is not None and told.campaign == "Sale"
    trail = " ".join(t for fig in told.figures for t in fig.trail)
    # 18 days × (24 grid + 10 wind hours), the last ending at 19 Jun 00:00: through 18 Jun
    assert "612 rows, 1–18 Jun 2023" in trail
    chart = energy_mix(build_summary(ws), Filters(site="Zhangbei DC", year_from=2023, year_to=2023,
                                                  granularity="month"))
    assert chart.categories[:2] == ["2023-01", "2023-02"] and len(chart.categories) == 12
    grid_series = next(x for x in chart.series if x.values and x.kind != "line")
    assert grid_series.values[0] * chart.y_scale == pytest.approx(744 * KWH)


def test_an_hour_edited_in_the_table_stays_that_hour(tmp_path):
    """The Energy table's edit goes through the same parse: the bounds' text keeps its time."""
    from greenledger.core import editing
    from greenledger.core.fields import Kind

    t = datetime(2023, 6, 1, 13)
    ws, _ = _import_meter(tmp_path, _meter_sheet(tmp_path / "e.xlsx", HEADER,
                                                 [_hour(t), _hour(t + timedelta(hours=1))]))
    with ws:
        row = ws.rows(Kind.ENERGY)[0]
        texts = {**editing.row_texts(Kind.ENERGY, row), "energy": "7"}
        editing.apply_state(ws, Kind.ENERGY, editing.check_rows(ws, Kind.ENERGY, [(row["id"], texts)]).state)
        assert _stored(ws) == [("2023-06-01 13:00", "2023-06-01 14:00", 7.0),
                               ("2023-06-01 14:00", "2023-06-01 15:00", 1.0)]
        assert summarize(ws)["site_months"][0]["total_kwh"] == pytest.approx(8.0)


def test_a_month_of_hours_far_above_the_others_is_warned(tmp_path):
    """The month check sums a site's hours per month: January written in Wh as kWh (1,000×)."""
    rows = []
    for m in range(1, 7):
        t = datetime(2023, m, 1)
        for h in range(48):
            rows.append(_hour(t + timedelta(hours=h), 1000.0 if m == 1 else 1.0))
    ws, result = _import_meter(tmp_path, _meter_sheet(tmp_path / "o.xlsx", HEADER, rows))
    ws.close()
    [w] = [w for w in result.warnings if w.code == "month_outlier"]
    assert (w.row, w.params["month"], w.params["value"]) == (2, "2023-01", "48,000")


def test_a_date_column_beside_start_and_end_times(tmp_path):
    """A Green Button export: DATE | START TIME | END TIME | USAGE. Hours take their row's day
    (13:00-13:59 is 13:00-14:00; 23:00-00:00 ends at the next midnight); a row from 00:00 to
    23:59 is its whole day, stored as the day."""
    header = ["DATE", "START TIME", "END TIME", "USAGE (kWh)"]
    rows = [["2023-01-31", "22:00", "22:59", 1.0], ["2023-01-31", "23:00", "00:00", 2.0],
            ["2023-02-01", "00:00", "23:59", 24.0]]
    opts = ImportOptions(sheet="Meter", values={"site": SITES[0], "source": "grid"})
    ws, _ = _import_meter(tmp_path, _meter_sheet(tmp_path / "gb.xlsx", header, rows), opts)
    with ws:
        assert _stored(ws) == [("2023-01-31 22:00", "2023-01-31 23:00", 1.0),
                               ("2023-01-31 23:00", "2023-02-01 00:00", 2.0),
                               ("2023-02-01", "2023-02-01", 24.0)]
        months = {m["month"]: m["total_kwh"] for m in summarize(ws)["site_months"]}
    assert months == {"2023-01": pytest.approx(3.0), "2023-02": pytest.approx(24.0)}
