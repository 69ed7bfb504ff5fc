"""Interval columns (core.importing.intervals): a day a row, its half-hours or hours across, as a
UK half-hourly export, a US interval report or a Chinese 24-point load sheet writes them. Each
cell is stored as its own interval (start up to end, local time), with the day's row as its
provenance; figures by hand; blanks said; a row total checked; a bad cell named where it is;
dates that read two ways are not guessed."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest

from greenledger.core.errors import ImportRefused
from greenledger.core.fields import Kind
from greenledger.core.importing.plan import ImportOptions
from greenledger.core.importing.session import ImportSession
from greenledger.core.storage import Workspace
from tests.conftest import SITES, write_workbook

GRID = ImportOptions(values={"source": "grid"})
ZB, WL = "Zhangbei DC", "Ulanqab DC"


def profile(day: int, k: int, n: int) -> float:
    """A day's load shape: low at night, high by day (kWh in interval k of n)."""
    return 100.0 + day * 3 + (50.0 if n // 4 <= k < 3 * n // 4 else 0.0)


def half_hour_book(tmp_path: Path, *, labels: str = "end", total: bool = False,
                   blank: tuple[int, int] | None = None, bad: tuple[int, int] | None = None):
    """Sites, then an HH sheet: Meter | Site | Date | Units | 48 columns; 2 sites × 3 days."""
    n = 48
    if labels == "end":
        heads = [f"{(k + 1) * 30 // 60:02d}:{(k + 1) * 30 % 60:02d}" for k in range(n)]
    else:  # time cells, by their start (openpyxl writes them as Excel times)
        heads = [time((k * 30) // 60, (k * 30) % 60) for k in range(n)]
    header = ["Meter", "Site", "Date", "Units", *heads] + (["Total"] if total else [])
    rows, want = [header], {ZB: 0.0, WL: 0.0}
    for s, site in enumerate((ZB, WL)):
        for d in range(3):
            values = [profile(d + 3 * s, k, n) for k in range(n)]
            r = len(rows) + 1  # the row's Excel number
            if blank == (r, 0):
                values[0] = None
            if bad == (r, 7):
                values[7] = "n/a"
            want[site] += sum(v for v in values if isinstance(v, float))
            row = [f"M{s}", site, date(2023, 3, 13 + d), "kWh", *values]
            if total:
                row.append(sum(v for v in values if isinstance(v, float)))
            rows.append(row)
    return write_workbook(tmp_path / "hh.xlsx", {"Sites": SITES, "HH": rows}), want


@pytest.fixture
def sited(tmp_path):
    """A workspace with the sites (imported from their own workbook first)."""
    ws = Workspace.open(tmp_path / "w.greenledger")
    ImportSession.open(write_workbook(tmp_path / "sites.xlsx", {"Sites": SITES})).import_into(ws)
    yield ws
    ws.close()


def stored(ws) -> list[dict]:
    return ws.rows(Kind.ENERGY)


def by_site(ws) -> dict[str, float]:
    out: dict[str, float] = {}
    for r in stored(ws):
        out[r["site"]] = out.get(r["site"], 0.0) + r["energy"]
    return out


def as_dt(v) -> datetime:
    return v if isinstance(v, datetime) else datetime.fromisoformat(str(v))


@pytest.mark.parametrize("labels", ["end", "start"])
def test_half_hour_columns_are_the_days_intervals(tmp_path, labels):
    book, want = half_hour_book(tmp_path, labels=labels)
    with Workspace.open(tmp_path / "w.greenledger") as ws:
        result = ImportSession.open(book, GRID).import_into(ws)
        assert any(w.code == "intervals_read" for w in result.warnings)
        assert by_site(ws) == pytest.approx(want)
        rows = stored(ws)
        assert len(rows) == 2 * 3 * 48
        first = min(rows, key=lambda r: (r["site"], as_dt(r["period_start"])))
        assert as_dt(first["period_start"]) == datetime(2023, 3, 13, 0, 0)
        assert as_dt(first["period_end"]) == datetime(2023, 3, 13, 0, 30)
        last = max((r for r in rows if r["site"] == ZB), key=lambda r: as_dt(r["period_start"]))
        assert as_dt(last["period_end"]) == datetime(2023, 3, 16, 0, 0)  # 23:30 – 24:00
        assert {r["source_row"] for r in rows if r["site"] == ZB} == {2, 3, 4}  # the day's row
        assert {r["source_sheet"] for r in rows} == {"HH"}


def test_a_row_total_is_checked_and_a_wrong_one_refuses(tmp_path):
    book, want = half_hour_book(tmp_path, total=True)
    with Workspace.open(tmp_path / "w.greenledger") as ws:
        ImportSession.open(book, GRID).import_into(ws)
        assert by_site(ws) == pytest.approx(want)
    import openpyxl

    wb = openpyxl.load_workbook(book)
    sheet = wb["HH"]
    sheet.cell(row=3, column=sheet.max_column).value = 12345  # row 3's total, wrong
    wb.save(book)
    with Workspace.open(tmp_path / "w2.greenledger") as ws:
        with pytest.raises(ImportRefused) as exc:
            ImportSession.open(book, GRID).import_into(ws)
        said = [p for p in exc.value.problems if p.code == "intervals_total"]
        assert said and said[0].row == 3 and said[0].value == 12345
        assert said[0].params["cell"].endswith("3") and stored(ws) == []


def test_blank_intervals_are_said_and_not_stored(tmp_path):
    book, want = half_hour_book(tmp_path, blank=(2, 0))
    with Workspace.open(tmp_path / "w.greenledger") as ws:
        result = ImportSession.open(book, GRID).import_into(ws)
        said = [w for w in result.warnings if w.code == "intervals_blank"]
        assert said and said[0].params["n"] == "1" and said[0].params["cell"] == "E2"
        assert by_site(ws) == pytest.approx(want) and len(stored(ws)) == 2 * 3 * 48 - 1


def test_a_bad_interval_cell_is_named_at_its_own_row_and_column(tmp_path):
    book, _ = half_hour_book(tmp_path, bad=(3, 7))
    with Workspace.open(tmp_path / "w.greenledger") as ws:
        with pytest.raises(ImportRefused) as exc:
            ImportSession.open(book, GRID).import_into(ws)
        bad = [p for p in exc.value.problems if p.value == "n/a"]
        assert bad and bad[0].row == 3 and bad[0].column == "04:00 [L]"  # E is 00:30, L is 04:00
        assert stored(ws) == []


def test_hour_ending_columns_with_us_dates(sited, tmp_path):
    heads = [f"HE{k}" for k in range(1, 25)]
    rows = [["Account", "Site", "Read Date", *heads]]
    want = 0.0
    for d in range(2):
        values = [10.0 + k for k in range(24)]
        want += sum(values)
        rows.append(["ACC-1", ZB, f"03/{13 + d}/2023", *values])  # month first: 13 settles it
    book = write_workbook(tmp_path / "us.xlsx", {"Interval": rows})
    ImportSession.open(book, ImportOptions(values={"source": "grid"}, units={"energy": "kWh"})
                       ).import_into(sited)
    assert by_site(sited) == pytest.approx({ZB: want})
    starts = sorted(as_dt(r["period_start"]) for r in stored(sited))
    assert starts[0] == datetime(2023, 3, 13, 0, 0) and starts[-1] == datetime(2023, 3, 14, 23, 0)


def test_a_chinese_24_point_sheet(sited, tmp_path):
    heads = [f"{k}点" for k in range(1, 25)]
    rows = [["站点", "日期", *heads]]
    for d in range(2):
        rows.append([WL, f"2023-07-0{d + 1}", *[200.0] * 24])
    book = write_workbook(tmp_path / "cn.xlsx", {"负荷": rows})
    ImportSession.open(book, ImportOptions(values={"source": "grid"}, units={"energy": "kWh"})
                       ).import_into(sited)
    assert by_site(sited) == {WL: 200.0 * 48}


def test_dates_that_read_two_ways_are_not_guessed(sited, tmp_path):
    heads = [f"{k:02d}:00" for k in range(1, 25)]
    rows = [["Site", "Date", *heads], [ZB, "01/03/2023", *[1.0] * 24], [ZB, "02/03/2023", *[1.0] * 24]]
    book = write_workbook(tmp_path / "amb.xlsx", {"E": rows})
    with pytest.raises(ImportRefused) as exc:
        ImportSession.open(book, ImportOptions(values={"source": "grid"}, units={"energy": "kWh"})
                           ).import_into(sited)
    said = [p for p in exc.value.problems if p.code == "intervals_date_order"]
    assert said and said[0].column == "Date [B]" and said[0].value == "01/03/2023"
    assert stored(sited) == []
    rows = [rows[0]] + [[ZB, f"2023-03-0{d}", *[1.0] * 24] for d in (1, 2)]  # as the hint says
    ImportSession.open(write_workbook(tmp_path / "iso.xlsx", {"E": rows}), ImportOptions(
        values={"source": "grid"}, units={"energy": "kWh"})).import_into(sited)
    assert by_site(sited) == {ZB: 48.0}


def test_the_summary_counts_each_interval_once(tmp_path):
    from greenledger.core.accounting import summarize

    book, want = half_hour_book(tmp_path)
    with Workspace.open(tmp_path / "w.greenledger") as ws:
        ImportSession.open(book, GRID).import_into(ws)
        months = {(m["site"], m["month"]): m["total_kwh"] for m in summarize(ws)["site_months"]}
        assert months == pytest.approx({(ZB, "2023-03"): want[ZB], (WL, "2023-03"): want[WL]})
        assert datetime(2023, 3, 13) + timedelta(days=3) == datetime(2023, 3, 16)


def test_dry_run_and_the_assistant_name_the_columns_as_the_sheet_has_them(tmp_path):
    from greenledger.core.importing.describe import describe
    from greenledger.gui.cli_hints import cli_hint, render_cli

    book, _ = half_hour_book(tmp_path)
    plan = next(p for p in ImportSession.open(book, GRID).plans if p.sheet == "HH")
    text = describe(plan, cli_hint, render_cli)
    assert "days down rows 2–7, 48 intervals of 30 minutes across columns E–AZ" in text
    assert "00:30 … 24:00 [E–AZ] → energy" in text and "Date [C] → period_start" in text
    assert "Units [D] → ignored" in text and "unit column Units [D]" in text


def _register_book(tmp_path, title=None, values=None):
    heads = [f"{(k + 1) * 30 // 60:02d}:{(k + 1) * 30 % 60:02d}" for k in range(48)]
    values = values or [120000.0 + 5 * k for k in range(48)]  # a register read each half-hour
    rows = ([[title]] if title else []) + [["Site", "Date", *heads], [ZB, date(2023, 3, 13), *values]]
    return write_workbook(tmp_path / "reads.xlsx", {"HH": rows})


OPTS = ImportOptions(values={"source": "grid"}, units={"energy": "kWh"})


@pytest.mark.parametrize("title", [None, "Half-hourly meter register readings (kWh)"])
def test_register_reads_across_the_day_are_refused(sited, tmp_path, title):
    """Each cell a meter's register (120,000 … 120,235), not a half-hour's use: summed, they
    were 5.77 GWh for a day, stored at exit 0."""
    with pytest.raises(ImportRefused) as exc:
        ImportSession.open(_register_book(tmp_path, title), OPTS).import_into(sited)
    codes = {p.code for p in exc.value.problems}
    assert "intervals_register" in codes and (title is None or "qualified_title" in codes)
    said = next(p for p in exc.value.problems if p.code == "intervals_register")
    assert said.row == (3 if title else 2) and said.column == "00:30 … 24:00 [C–AX]"
    assert stored(sited) == []


def test_a_title_naming_a_programme_is_refused_until_told_and_a_flat_or_rising_load_is_use(
        sited, tmp_path):
    book = _register_book(tmp_path, "Energy saving programme: electricity use (kWh)", [100.0] * 48)
    with pytest.raises(ImportRefused) as exc:
        ImportSession.open(book, OPTS).import_into(sited)
    assert [p.code for p in exc.value.problems] == ["qualified_title"]
    told = ImportOptions(values={"source": "grid"}, units={"energy": "kWh"}, measure="energy")
    ImportSession.open(book, told).import_into(sited)  # the hint, followed: the use is stored
    assert by_site(sited) == {ZB: 4800.0}
    rising = _register_book(tmp_path, None, [10.0 + k for k in range(48)])  # a load that grows
    ImportSession.open(rising, OPTS).import_into(sited)
    assert by_site(sited) == {ZB: sum(10.0 + k for k in range(48))}
