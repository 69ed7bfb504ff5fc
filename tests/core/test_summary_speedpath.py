"""The fast path of `greenledger summary --json` (issue 15): the same text, figures and checks,
with less work. Summary.to_json_text is json.dumps(to_json(), ensure_ascii=False, indent=1) to
the character; the maintained months are EnergyMix.add of the aggregated rows, to the bit; the
aggregates' up-to-date check counts no energy row when the ids say the count, and still sees a
row inserted under an old or a lower id; the command imports no chart module, nor numpy."""

from __future__ import annotations

import gc
import json
import math
import subprocess
import sys
from collections import defaultdict
from datetime import date

import pytest

from greenledger.core import aggregates
from greenledger.core.accounting import EnergyMix, build_summary, by_year, energy_by_site_month
from greenledger.core.demo import build_demo
from greenledger.core.fields import Kind
from greenledger.core.importing.importer import import_file
from greenledger.core.storage import Workspace
from greenledger.core.summary import (
    Campaign,
    FactorUsed,
    RowGroup,
    RowRef,
    SiteMonth,
    Summary,
    SummaryWarning,
    Totals,
)
from greenledger.gui import cli
from tests.conftest import ENERGY_HEADER, SITES
from tests.core.test_aggregates import assert_same, market_book, quarterly_book


def dumps(summary: Summary) -> str:
    return json.dumps(summary.to_json(), ensure_ascii=False, indent=1)


@pytest.fixture
def demo(tmp_path):
    path = tmp_path / "demo.greenledger"
    build_demo(path)
    with Workspace.open(path) as ws:
        yield ws


def many_instruments_book(workbook):
    """Sites listed Zhangbei before Ulanqab (ids against names), several instruments of one
    source in a month, on-site, certificates, diesel, a bill across months and years."""
    energy = [ENERGY_HEADER]
    for m in range(1, 13):
        a, b = date(2022, m, 1), date(2022 + m // 12, m % 12 + 1, 1)
        end = date.fromordinal(b.toordinal() - 1)
        energy += [["Zhangbei DC", a, end, "grid", 1_000_003.25 + m, None],
                   ["Zhangbei DC", a, end, "wind", 100_001.1 * m, "PPA"],
                   ["Zhangbei DC", a, end, "wind", 7_777.7 + m, "certificate"],
                   ["Zhangbei DC", a, end, "wind", 3.3 * m, "green power trade"],
                   ["Ulanqab DC", a, end, "solar", 51_000.01 + m, "on-site"],
                   ["Ulanqab DC", a, end, "solar", 999.9, "PPA"],
                   ["Ulanqab DC", a, end, "diesel", 0.1 * m, None]]
    energy.append(["Ulanqab DC", date(2022, 11, 16), date(2023, 2, 15), "grid", 123_456.789, None])
    return workbook({"Sites": SITES, "Energy": energy}, name="instruments.xlsx")


@pytest.fixture(params=["demo", "quarterly", "market", "instruments"])
def shaped(request, tmp_path, workbook):
    """Workspaces of different shapes (the demo has campaigns, deliveries, packaging,
    initiatives and warnings)."""
    path = tmp_path / f"{request.param}.greenledger"
    if request.param == "demo":
        build_demo(path)
        with Workspace.open(path) as ws:
            yield ws
        return
    book = {"quarterly": quarterly_book, "market": market_book,
            "instruments": many_instruments_book}[request.param](workbook)
    with Workspace.open(path) as ws:
        import_file(ws, book)
        yield ws


# --- the JSON text -------------------------------------------------------------------------------


def test_json_text_is_json_dumps_of_to_json_on_real_workspaces(shaped):
    for maintained in (True, False):
        s = build_summary(shaped, maintained)
        assert s.site_years
        assert s.to_json_text() == dumps(s)


def test_json_text_is_json_dumps_of_to_json_for_every_kind_of_value():
    """Texts json escapes (quotes, backslashes, line breaks, every control character, the two the
    fast path parts items with among them), numbers json writes its own way (NaN, infinities,
    -0.0, big and tiny), keys that are numbers, true or null, nested and empty containers, a str
    enum, a bool among the fields, a value json cannot write."""
    nasty = 'a"b\\c\nd\re\tf\x00g\x01h\x1f:\x01{\x00[ 简体中文 🌍 \u2028'
    floats = {nasty: math.nan, "inf": math.inf, "-inf": -math.inf, "zero": -0.0, "big": 1e300,
              "tiny": 5e-324, "third": 1 / 3, "int": 7, "none": None, "yes": True}
    odd_keys = {1: 1.5, 2.5: "x", False: True, None: None, "nested": {"a": [1, {"b": {}}], "c": []},
                "list": [1.0, "2", None]}
    s = Summary(
        workspace=nasty, factor_library_version="", site_years=(),
        site_months=(SiteMonth(nasty, "2020-01", math.nan, -0.0, None, floats),
                     SiteMonth("b", "2020-02", 1.0, 2.0, 3.0, {}),
                     SiteMonth("c", "2020-03", 1.0, 2.0, 3.0, odd_keys)),
        campaigns=(Campaign(nasty, "2020-01-01", "2020-01-02", 0.0, None, None, None, None, 0.0,
                            {}, None, None, None, vehicle_regions={"van": nasty}),),
        initiatives=(), totals=Totals(math.inf, -math.inf),
        factors_used=(FactorUsed(Kind.ENERGY, None, 2020, 0.5, "kg", nasty, None, "library",
                                 None),),
        warnings=(SummaryWarning("code", nasty, (nasty,), (RowRef("energy", 3, None, nasty, 7),)),),
        row_groups=(RowGroup("energy", nasty, "window", renewable=True, row_numbers=(1, 2, 3),
                             vehicles=()),))
    assert s.to_json_text() == dumps(s)
    bad = Summary(workspace="w", factor_library_version="", site_years=(),
                  site_months=(SiteMonth("a", "2020-01", 1.0, 1.0, None, {"when": date(2020, 1, 1)}),),
                  campaigns=(), initiatives=(), totals=Totals(0.0, 0.0), factors_used=())
    with pytest.raises(TypeError):
        dumps(bad)
    with pytest.raises(TypeError):
        bad.to_json_text()


def test_the_command_prints_the_json_and_imports_no_chart_module_nor_numpy(tmp_path, capsys):
    path = tmp_path / "demo.greenledger"
    build_demo(path)
    with Workspace.open(path) as ws:
        expected = dumps(build_summary(ws))
    capsys.readouterr()
    assert cli.main(["--workspace", str(path), "summary", "--json"]) == 0
    assert capsys.readouterr().out == expected + "\n"
    assert gc.isenabled()  # the command collects no cycles while it runs, and gives it back
    gc.disable()
    try:
        assert cli.main(["--workspace", str(path), "summary", "--json"]) == 0
        assert not gc.isenabled()
    finally:
        gc.enable()
    assert capsys.readouterr().out == expected + "\n"
    code = ("import sys; from greenledger.gui.cli import main; "
            f"rc = main(['--workspace', {str(path)!r}, 'summary', '--json']); "
            "print(rc, sorted(m for m in sys.modules if 'chart' in m or m in ('openpyxl', 'numpy')"
            " or m.startswith('PySide6')), file=sys.stderr); "
            "import numpy, sqlite_utils; print(numpy.__name__, file=sys.stderr)")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert proc.stdout == expected + "\n"
    *_, last, after = proc.stderr.strip().splitlines()
    rc, _, modules = last.partition(" ")
    assert rc == "0"
    assert json.loads(modules.replace("'", '"')) == [], modules  # numpy: sqlite-utils' import only
    assert after == "numpy"  # which it does not break


@pytest.mark.parametrize("argv, command", [
    (["summary", "--json"], "summary"),
    (["--workspace", "summary", "charts"], "charts"),  # a workspace file named summary
    (["--work", "summary", "export-data", "--out", "x.xlsx"], "export-data"),  # abbreviated
    (["--workspace=summary", "export-deck"], "export-deck"),
    (["-wsummary", "check"], "check"),
    (["--lang", "zh", "--", "summary"], "summary"),
    (["--lang", "zh"], None),
    (["book.greenledger"], None),
])
def test_the_command_is_found_before_parsing(argv, command):
    assert cli.command_of(argv) == command


def test_chart_commands_still_parse_after_an_abbreviated_option(tmp_path):
    """--work FILE charts lists the charts (it used to take FILE for a workspace to open in the
    window, and open it); in a process of its own, with a timeout, should a window open."""
    path = tmp_path / "demo.greenledger"
    build_demo(path)
    proc = subprocess.run([sys.executable, "-m", "greenledger.gui.cli", "--work", str(path), "charts"],
                          capture_output=True, text=True, timeout=120,
                          env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"})
    assert proc.returncode == 0, proc.stderr
    assert "scope2" in proc.stdout


# --- the maintained months: the same sums in the same order ---------------------------------------


def _months_as_before(ws):
    """energy_by_site_month before the fast path: EnergyMix.add of each aggregated row, rows by
    site id, month, source and instrument, the sites joined by name."""
    names = dict(ws.select("site_names_by_id"))
    out = defaultdict(EnergyMix)
    for site_id, month, source, instrument, kwh in aggregates.energy_month_rows(ws):
        out[(names[site_id], month)].add(source, instrument, kwh)
    return dict(out)


def _by_year_as_before(months):
    out = defaultdict(EnergyMix)
    for (site, month), mix in months.items():
        y = out[(site, int(month[:4]))]
        y.grid += mix.grid
        y.diesel += mix.diesel
        y.renewable_contract += mix.renewable_contract
        y.renewable_onsite += mix.renewable_onsite
        for source, kwh in (mix.by_source or {}).items():
            y.by_source = y.by_source or {}
            y.by_source[source] = y.by_source.get(source, 0.0) + kwh
    return dict(out)


def test_maintained_months_and_years_are_the_same_floats(shaped):
    months = energy_by_site_month(shaped)
    before = _months_as_before(shaped)
    assert months == before  # EnergyMix equality: every float to the bit
    assert list(months) == sorted(before)  # and in the order of the sites' names
    assert by_year(months) == _by_year_as_before(before)
    maintained, full = build_summary(shaped), build_summary(shaped, maintained=False)
    assert [(m.site, m.month) for m in maintained.site_months] == \
        [(m.site, m.month) for m in full.site_months]
    assert_same(full.to_json(), maintained.to_json())


# --- up to date without counting the energy rows ----------------------------------------------------


def _statements(ws, run) -> list[str]:
    seen: list[str] = []
    ws.db.conn.set_trace_callback(seen.append)
    try:
        result = run()
    finally:
        ws.db.conn.set_trace_callback(None)
    return seen, result


def _counts_energy(statements) -> bool:
    return any("count(*)" in s.lower() and "energy_rows" in s for s in statements)


def check(ws) -> None:
    assert_same(build_summary(ws, maintained=False).to_json(), build_summary(ws).to_json())
    assert aggregates.up_to_date(ws)


def test_up_to_date_counts_no_energy_row_while_the_ids_are_gapless(demo):
    check(demo)
    ran, fresh = _statements(demo, lambda: aggregates.up_to_date(demo))
    assert fresh and not _counts_energy(ran)
    ran, _ = _statements(demo, lambda: build_summary(demo))
    assert not _counts_energy(ran)
    with demo.atomic():  # a gap (logged, refreshed): the count is back, and right
        demo.db.execute("DELETE FROM energy WHERE id = 7")
    check(demo)
    ran, fresh = _statements(demo, lambda: aggregates.up_to_date(demo))
    assert fresh and _counts_energy(ran)


def _copy_row(ws, row_id: int, new_id: int) -> None:
    cols = [d[0] for d in ws.db.execute("SELECT * FROM energy LIMIT 0").description]
    row = list(ws.db.execute("SELECT * FROM energy WHERE id = ?", [row_id]).fetchone())
    row[cols.index("id")] = new_id
    row[cols.index("period_start")] = row[cols.index("period_end")] = "2031-05-05"  # its own key
    with ws.atomic():
        ws.db.execute(f"INSERT INTO energy ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})",
                      row)


@pytest.mark.parametrize("new_id", [0, -5])
def test_a_row_inserted_below_the_lowest_id_without_a_refresh_is_seen(demo, new_id):
    check(demo)
    _copy_row(demo, 3, new_id)
    assert not aggregates.up_to_date(demo)
    check(demo)
    assert any(m["month"] == "2031-05" for m in build_summary(demo).to_json()["site_months"])


def test_rows_put_back_under_the_first_ids_without_a_refresh_are_seen(demo):
    """The first rows deleted (logged, refreshed: the ids are gapless again from the next one),
    then one inserted again under its id by a path that names nothing: below the lowest."""
    check(demo)
    with demo.atomic():
        demo.db.execute("DELETE FROM energy WHERE id <= 4")
    check(demo)
    ran, fresh = _statements(demo, lambda: aggregates.up_to_date(demo))
    assert fresh and not _counts_energy(ran)
    _copy_row(demo, 5, 2)
    assert not aggregates.up_to_date(demo)
    check(demo)


def test_a_gap_refreshed_by_another_app_then_filled_without_a_refresh_is_seen(demo):
    """An older GreenLedger refreshes after a delete (its agg_dirty emptied, the aggregates
    right); a script then inserts a row under the freed id and refreshes nothing: the rows
    aggregated no longer fill the ids, so the rows are counted, and the count differs."""
    check(demo)
    with demo.atomic():
        demo.db.execute("DELETE FROM energy WHERE id = 9")
    with demo.writing():
        aggregates.refresh(demo)
    _copy_row(demo, 10, 9)
    assert not aggregates.up_to_date(demo)
    check(demo)
