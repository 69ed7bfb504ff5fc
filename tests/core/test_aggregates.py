"""The maintained aggregates (core.aggregates, issue 15): the summary read from the agg_* tables
equals the summary recomputed from every row (build_summary(ws, maintained=False), today's
method) on workspaces of different shapes, and stays equal through edits, deletes, undo,
re-imports and writes that never called a refresh (raw SQL, an older app, a migration that
rebuilt the table)."""

from __future__ import annotations

import math
import os
import stat
from datetime import date, timedelta

import pytest

from greenledger.core import aggregates, editing
from greenledger.core.accounting import summarize
from greenledger.core.demo import build_demo
from greenledger.core.fields import Kind
from greenledger.core.importing.importer import import_file
from greenledger.core.storage import Workspace
from tests.conftest import CAMPAIGNS, ENERGY_HEADER, SITES


def assert_same(a, b, path="summary"):
    """Every key and text equal, every number equal to 1e-9 (the sums run in another order)."""
    if isinstance(a, dict):
        assert set(a) == set(b), (path, set(a) ^ set(b))
        for k in a:
            assert_same(a[k], b[k], f"{path}.{k}")
    elif isinstance(a, list):
        assert len(a) == len(b), (path, len(a), len(b))
        for i, (x, y) in enumerate(zip(a, b, strict=True)):
            assert_same(x, y, f"{path}[{i}]")
    elif isinstance(a, float) or isinstance(b, float):
        assert isinstance(a, int | float) and isinstance(b, int | float), (path, a, b)
        assert math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9), (path, a, b)
    else:
        assert a == b, (path, a, b)


def check(ws: Workspace) -> dict:
    """The maintained summary equals the full recompute, and the tables were used (no dirt
    left); returns the summary."""
    maintained = summarize(ws)
    assert aggregates.up_to_date(ws)
    full = summarize(ws, maintained=False)
    assert_same(full, maintained)
    return maintained


def quarterly_book(workbook):
    """Quarterly and cross-year bills (rows spanning months), on-site solar, PPA wind, diesel,
    a baseline campaign whose window cuts bills mid-month."""
    q = [(date(2020, 1, 1), date(2020, 3, 31)), (date(2020, 4, 1), date(2020, 6, 30)),
         (date(2020, 7, 1), date(2020, 9, 30)), (date(2020, 10, 1), date(2020, 12, 31)),
         (date(2021, 1, 1), date(2021, 3, 31)), (date(2021, 4, 1), date(2021, 6, 30)),
         (date(2021, 7, 1), date(2021, 9, 30))]
    energy = [ENERGY_HEADER]
    for i, (a, b) in enumerate(q):
        energy.append(["Zhangbei DC", a, b, "grid", 900_000 + 1_000 * i, None])
        energy.append(["Zhangbei DC", a, b, "wind", 300_000 + 777 * i, "PPA"])
        energy.append(["Ulanqab DC", a, b, "solar", 50_000 + 13 * i, "on-site"])
    energy.append(["Ulanqab DC", date(2020, 12, 16), date(2021, 1, 15), "diesel", 31_000, None])
    energy.append(["Ulanqab DC", date(2021, 5, 20), date(2021, 6, 9), "hydro", 21_000,
                   "certificate"])
    return workbook({"Sites": SITES, "Campaigns": CAMPAIGNS, "Energy": energy}, name="quarterly.xlsx")


def market_book(workbook):
    """Monthly rows of every instrument in a region with a residual factor (China) and one
    without, over two years, and a campaign window across a year's end."""
    energy = [ENERGY_HEADER]
    for m in range(24):
        a = date(2022 + m // 12, m % 12 + 1, 1)
        b = (a.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
        energy += [["Shanghai WH", a, b, "grid", 40_000 + m, None],
                   ["Shanghai WH", a, b, "solar", 5_000 + m, "on-site"],
                   ["Shanghai WH", a, b, "wind", 7_000 + m, "green power trade"],
                   ["Zhangbei DC", a, b, "grid", 90_000 + m, None],
                   ["Zhangbei DC", a, b, "wind", 30_000 + m, "PPA"],
                   ["Zhangbei DC", a, b, "hydro", 1_000 + m, "certificate"]]
    return workbook({
        "Sites": [SITES[0], SITES[1], ["Shanghai WH", "warehouse", "China", "China"]],
        "Campaigns": [["Campaign", "Start", "End", "Baseline"],
                      ["Winter 22", date(2022, 12, 10), date(2023, 1, 20), None],
                      ["Winter 23", date(2023, 12, 10), date(2024, 1, 20), "Winter 22"]],
        "Energy": energy}, name="market.xlsx")


@pytest.fixture
def demo(tmp_path):
    path = tmp_path / "demo.greenledger"
    build_demo(path)
    with Workspace.open(path) as ws:
        yield ws


def test_demo_figures_from_the_aggregates_equal_the_full_recompute(demo):
    s = check(demo)
    assert s["site_months"] and s["campaigns"] and s["row_groups"]


def test_quarterly_bills_are_spread_as_the_accounting_spreads_them(ws, workbook):
    import_file(ws, quarterly_book(workbook))
    s = check(ws)
    months = {(m["site"], m["month"]): m["total_kwh"] for m in s["site_months"]}
    # a quarter of 91 days (Q1 2020, a leap year): January holds 31/91 of it
    assert months[("Zhangbei DC", "2020-01")] == pytest.approx((900_000 + 300_000) * 31 / 91)
    # the diesel bill 16 Dec – 15 Jan: 16/31 in December 2020
    ul_dec = months[("Ulanqab DC", "2020-12")]
    assert ul_dec == pytest.approx((50_000 + 13 * 3) * 31 / 92 + 31_000 * 16 / 31)
    story = [g for g in s["row_groups"] if g["table"] == "energy" and g["scope"] == "window"]
    assert story, "the baseline campaign's window has rows"


def test_market_based_instruments_and_a_window_across_a_year(ws, workbook):
    import_file(ws, market_book(workbook))
    s = check(ws)
    w = next(c for c in s["campaigns"] if c["name"] == "Winter 23")
    assert w["avoided_t"] > 0 and set(w["avoided_by_site_t"]) == {"Shanghai WH", "Zhangbei DC"}
    assert any(y["market_based_t"] != y["location_based_t"] for y in s["site_years"])


def _energy_texts(ws, n=3):
    rows = ws.rows(Kind.ENERGY)[:n]
    return rows, [(r["id"], editing.row_texts(Kind.ENERGY, r)) for r in rows]


def test_edits_deletes_undo_and_reimport_keep_the_aggregates_equal(tmp_path, workbook):
    book = quarterly_book(workbook)
    with Workspace.open(tmp_path / "w.greenledger") as ws:
        import_file(ws, book)
        before = check(ws)
        # an edit of a quarterly bill's kWh and period (moved to other months)
        rows, texts = _energy_texts(ws)
        old = editing.state_of(ws, Kind.ENERGY, [r["id"] for r in rows])
        texts[0][1]["energy"] = "1234567"
        texts[1][1]["period_end"] = "2020-05-15"  # Q2 ends mid-May: June loses it
        editing.apply_state(ws, Kind.ENERGY, editing.check_rows(ws, Kind.ENERGY, texts).state)
        assert aggregates.up_to_date(ws)  # the edit refreshed in its own transaction
        edited = check(ws)
        assert edited["site_months"] != before["site_months"]
        # its undo gives the figures back
        editing.apply_state(ws, Kind.ENERGY, old)
        assert_same(check(ws), before)
        # deleting rows, and undoing the delete
        gone = [r["id"] for r in ws.rows(Kind.ENERGY)[-4:]]
        state = editing.state_of(ws, Kind.ENERGY, gone)
        editing.apply_state(ws, Kind.ENERGY, editing.deletion(ws, Kind.ENERGY, gone))
        assert check(ws)["site_months"] != before["site_months"]
        editing.apply_state(ws, Kind.ENERGY, state)
        assert_same(check(ws), before)
        # undoing the whole import, putting it back, importing it again
        snap = editing.delete_batch(ws, 1)
        empty = check(ws)
        assert empty["site_months"] == [] and empty["campaigns"] == []
        editing.restore_batch(ws, snap)
        assert_same(check(ws), before)
        import_file(ws, book)
        assert_same(check(ws), before)
        # a second file with another year: the new months join, the old stay
        energy = [ENERGY_HEADER, ["Zhangbei DC", date(2023, 1, 1), date(2023, 1, 31), "grid", 5.5, None],
                  ["Ulanqab DC", date(2023, 2, 1), date(2023, 4, 30), "solar", 89, "on-site"]]
        import_file(ws, workbook({"Energy": energy}, name="more.xlsx"))
        after = check(ws)
        assert len(after["site_months"]) == len(before["site_months"]) + 4


def test_a_write_that_never_refreshed_is_seen_before_reading(demo):
    """Raw SQL (another program, an older GreenLedger): updates and deletes were logged by the
    triggers, inserts are found by id, the summary refreshes first."""
    check(demo)
    with demo.atomic():
        demo.db.execute("UPDATE energy SET energy_kwh = energy_kwh * 2 WHERE id IN "
                        "(SELECT id FROM energy ORDER BY id LIMIT 7)")
        demo.db.execute("DELETE FROM energy WHERE id = (SELECT max(id) FROM energy)")
        demo.db.execute("UPDATE campaigns SET start = date(start, '-3 days')")
    assert not aggregates.up_to_date(demo)
    check(demo)
    with demo.atomic():  # new rows spanning three months
        demo.db.execute("INSERT INTO energy (site_id, period_start, period_end, source, energy_kwh) "
                        "SELECT DISTINCT site_id, '2030-01-15', '2030-03-14', source, 5000 FROM energy "
                        "LIMIT 3")
    assert not aggregates.up_to_date(demo)
    assert any(m["month"] == "2030-03" for m in check(demo)["site_months"])


def test_a_row_put_back_under_its_old_id_without_a_refresh_is_counted(demo):
    """A delete logged and refreshed, then the row inserted again with its id (below the last
    id aggregated) by a path that names nothing: the row count differs, everything is rebuilt."""
    check(demo)
    row = demo.db.execute("SELECT * FROM energy WHERE id = 5").fetchone()
    cols = [d[0] for d in demo.db.execute("SELECT * FROM energy LIMIT 0").description]
    with demo.atomic():
        demo.db.execute("DELETE FROM energy WHERE id = 5")
    check(demo)
    with demo.atomic():
        demo.db.execute(f"INSERT INTO energy ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})", row)
    assert not aggregates.up_to_date(demo)
    check(demo)


def test_no_trigger_runs_per_inserted_row(demo):
    """The import's path (issue 12's speed): energy has no INSERT trigger; new rows are found by
    id or batch at the refresh."""
    check(demo)
    sql = [r[0] for r in demo.db.execute("SELECT sql FROM sqlite_master WHERE type = 'trigger' "
                                         "AND tbl_name = 'energy'")]
    assert sql and not any("AFTER INSERT" in s.upper() for s in sql)


@pytest.mark.parametrize("how", ["triggers dropped", "stamp of another version", "table dropped"])
def test_missing_or_old_aggregates_are_rebuilt(demo, how):
    """A workspace from before the aggregates, a migration that rebuilt the energy table (its
    triggers go with it), a newer definition: rebuilt before reading, figures equal."""
    check(demo)
    with demo.atomic():
        if how == "triggers dropped":
            for name in ("agg_energy_update", "agg_energy_delete"):
                demo.db.execute(f"DROP TRIGGER {name}")
            demo.db.execute("UPDATE energy SET energy_kwh = energy_kwh + 1000")  # not logged
        elif how == "stamp of another version":
            demo.db.execute("UPDATE agg_energy_month SET kwh = 0")  # wrong, and the stamp says so
            demo.set_meta("aggregates", "0")
        else:
            demo.db.execute("DROP TABLE agg_campaign_story")
    assert not aggregates.current(demo)
    check(demo)
    assert aggregates.current(demo)


def test_rebuild_reports_what_it_read(demo):
    out = aggregates.rebuild(demo)
    assert out["energy_rows"] == demo.count(Kind.ENERGY)
    assert out["groups"] == demo.db.execute("SELECT count(*) FROM agg_energy_month").fetchone()[0] > 0
    check(demo)


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes read-only files")
def test_a_read_only_workspace_is_summarised_from_its_rows(tmp_path):
    path = tmp_path / "demo.greenledger"
    build_demo(path)
    with Workspace.open(path) as ws:
        full = summarize(ws, maintained=False)
        ws.db.execute("DROP TABLE agg_energy_month")
    path.chmod(stat.S_IRUSR)
    with Workspace.open(path) as ws:
        assert_same(summarize(ws), full)


def test_hourly_rows_across_a_month_end_are_counted_in_their_month(ws):
    """The hour 23:00–00:00 of 31 January is January's: stored as timestamps (what hourly rows
    store), aggregated by time."""
    import_file_rows = [(1, "2023-01-31 23:00", "2023-02-01 00:00", 10.0),
                        (1, "2023-02-01 00:00", "2023-02-01 01:00", 20.0),
                        (1, "2023-02-28 12:00", "2023-03-01 12:00", 48.0)]
    with ws.atomic():
        ws.db.execute("INSERT INTO sites (id, name, grid_region) VALUES (1, 'DC', 'North China')")
        for site, a, b, kwh in import_file_rows:
            ws.db.execute("INSERT INTO energy (site_id, period_start, period_end, source, energy_kwh) "
                          "VALUES (?, ?, ?, 'grid', ?)", [site, a, b, kwh])
    s = summarize(ws)
    months = {m["month"]: m["total_kwh"] for m in s["site_months"]}
    assert months == {"2023-01": pytest.approx(10.0), "2023-02": pytest.approx(20.0 + 24.0),
                      "2023-03": pytest.approx(24.0)}


def _statements(ws, run) -> list[str]:
    seen: list[str] = []
    ws.db.conn.set_trace_callback(seen.append)
    try:
        run()
    finally:
        ws.db.conn.set_trace_callback(None)
    return seen


def test_a_refresh_after_new_rows_recomputes_their_sites_and_months_only(demo):
    """New rows (an import), an undo of a delete (old ids named): the refresh reads the touched
    sites' months, not every row (no rebuild)."""
    check(demo)
    with demo.atomic():  # a path that does not refresh (the import writer does, in its transaction)
        demo.db.execute("INSERT INTO energy (site_id, period_start, period_end, source, energy_kwh) "
                        "SELECT id, '2030-01-01', '2030-03-31', 'grid', 7.5 FROM sites "
                        "WHERE name = 'Zhangbei DC'")
    ran = _statements(demo, lambda: aggregates.refresh(demo))
    assert any("WHERE id > " in s for s in ran)
    assert not any("NOT INDEXED" in s for s in ran)  # the rebuild's reads of every row
    months = {(m["site"], m["month"]) for m in check(demo)["site_months"]}
    assert {("Zhangbei DC", "2030-01"), ("Zhangbei DC", "2030-03")} <= months
    gone = [r["id"] for r in demo.rows(Kind.ENERGY)[:5]]
    state = editing.state_of(demo, Kind.ENERGY, gone)
    editing.apply_state(demo, Kind.ENERGY, editing.deletion(demo, Kind.ENERGY, gone))
    ran = _statements(demo, lambda: editing.apply_state(demo, Kind.ENERGY, state))
    assert not any("NOT INDEXED" in s for s in ran)
    assert aggregates.up_to_date(demo)
    check(demo)


def test_the_window_and_refresh_queries_are_bounded_and_indexed(demo):
    """A campaign window's rows are read through energy_rows' unique key, each site's days from
    the window's first day less the longest row's span to its last, a site's months through its
    (site_id, start_day) range: never a scan of the table (EXPLAIN QUERY PLAN)."""
    from greenledger.core.fields import RENEWABLE_SOURCES, SOURCES
    from greenledger.core.queries import prepare
    from greenledger.core.queries_energy import day_number

    assert aggregates.ensure(demo)  # the agg_* tables are there
    a, b = date(2021, 6, 1), date(2021, 6, 18)
    window = {"a": a.isoformat(), "a_day": day_number(a), "before_day": day_number(b) + 1,
              "start_lo_day": day_number(a) - 33}
    months = {"site": 1, "lo_day": day_number(a), "before_day": day_number(date(2021, 7, 1))}
    bounded = "site_id=? AND start_day>? AND start_day<?"
    for name, params in [
        ("agg.renewable_in_window", {"sources": RENEWABLE_SOURCES, **window}),
        ("agg.fill_campaign_story", {"cid": 1, "scope": "window", "renewable": RENEWABLE_SOURCES,
                                     "sources": SOURCES, "b": b.isoformat(), **window}),
        ("agg.fill_energy_month_of", months),
        ("agg.spanning_rows_of", {**months, "start_lo_day": months["lo_day"] - 33}),
        ("agg.fill_renewable_month_of", {**months, "renewable": RENEWABLE_SOURCES}),
    ]:
        sql, args = prepare(name, params)
        plan = " | ".join(r[3] for r in demo.db.execute("EXPLAIN QUERY PLAN " + sql, args))
        assert "USING INDEX" in plan and bounded in plan, (name, plan)
        assert not any(line.startswith("SCAN e") for line in plan.split(" | ")), (name, plan)
