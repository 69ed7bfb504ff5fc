"""Indexes for every query that runs (issue 15): the statements the summary, the dashboard, the
tables, the edits and a re-import run on a real workspace are traced and each one's EXPLAIN QUERY
PLAN is read; none may scan a big table (energy, deliveries, packaging) where an index applies.
And the migration that adds the indexes (m004) keeps every row and figure of an older workspace,
also one holding two rows of one natural key (m005, the unique keys: test_migration_m005.py)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from greenledger.core import aggregates, editing
from greenledger.core.accounting import summarize
from greenledger.core.charts import load
from greenledger.core.demo import build_demo, demo_workbook
from greenledger.core.errors import ImportRefused
from greenledger.core.fields import Kind
from greenledger.core.importing.importer import import_file
from greenledger.core.storage import Workspace

BIG = ("energy", "energy_rows", "deliveries", "packaging")
M004 = "m004_indexes"
M004_KEYS = ("energy_natural_key", "deliveries_natural_key", "packaging_natural_key")  # m005 drops them
OUR_INDEXES = ("sites_batch", "campaigns_batch", "energy_key",
               "deliveries_key", "deliveries_campaign", "deliveries_batch", "packaging_key",
               "packaging_campaign", "packaging_batch", "initiatives_campaign", "initiatives_batch")

# Statements that read every row of a big table by design, so no index applies: the monthly
# aggregate of every energy row (to be kept in SQL by a later step of issue 15), every delivery
# and packaging row (spread over campaign windows in Python), the tables read whole (rowid
# order), the electric deliveries without a Country (conditions on IS NULL / trim of unindexed
# columns), the story's renewable kWh of every month (grouped by month over all renewable rows)
# the maintained aggregates' rebuild from every energy row (core.aggregates), and the import's
# overlap check of deliveries and packaging (a row given by campaign has the campaign's dates:
# coalesce over the join, which no index holds; these tables hold thousands of rows, not millions).
WHOLE_TABLE = (
    r"substr\(e\.period_start, 1, 7\) AS m, .* WHERE e\.source IN .* GROUP BY s\.name, b\.file_name",
    r"^SELECT site_id, source, instrument, min\(period_start\).* FROM energy GROUP BY",
    r"^SELECT \* FROM (deliveries|packaging)$",
    r"FROM (deliveries d|packaging p) LEFT JOIN campaigns c ON c\.id = \w\.campaign_id ORDER BY \w\.id$",
    r"coalesce\(t\.period_start, c\.start\).* FROM (deliveries|packaging) t LEFT JOIN campaigns c",
    r"FROM energy_rows e WHERE NOT \(e\.end_span = 0 OR",
    r"FROM deliveries d LEFT JOIN import_batches b ON b\.id = d\.batch_id WHERE d\.emissions_t_co2e IS NULL",
)


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("indexes") / "demo.greenledger"
    build_demo(path)
    return path


def _traced(ws: Workspace, run) -> list[str]:
    seen: list[str] = []
    ws.db.conn.set_trace_callback(seen.append)
    try:
        run()
    finally:
        ws.db.conn.set_trace_callback(None)
    return [" ".join(s.split()) for s in dict.fromkeys(seen)]


def _everything(ws: Workspace, reimport: bool = True) -> list[str]:
    """What the summary, the dashboard (charts.load), the tables, a cell edit's key check,
    deleting a site or campaign, undoing an import and (`reimport`) a dry run and a re-import of
    the demo workbook ask the workspace."""
    def run() -> None:
        aggregates.rebuild(ws)  # the maintained aggregates' statements (a campaign's window)
        summarize(ws)
        load(ws)
        for kind in Kind:
            ws.rows(kind)
        for kind in (Kind.ENERGY, Kind.DELIVERIES, Kind.PACKAGING):
            rows = ws.rows(kind)[:3]
            texts = [(r["id"], editing.row_texts(kind, r)) for r in rows]
            editing.check_rows(ws, kind, texts)  # a cell edit of 3 rows: one key query each
        site = ws.rows(Kind.SITES)[0]["id"]
        campaign = ws.rows(Kind.CAMPAIGNS)[0]["id"]
        editing.delete_problems(ws, Kind.SITES, [site])
        editing.delete_problems(ws, Kind.CAMPAIGNS, [campaign])
        batch = ws.batches()[0]["id"]
        editing.undo_import_problems(ws, batch)
        ws.batch_records(batch)
        if reimport:
            import_file(ws, demo_workbook(), dry_run=True)  # the dry run's counts
            import_file(ws, demo_workbook())  # a re-import: the upsert, nothing changed
    return _traced(ws, run)


def _plan(ws: Workspace, sql: str) -> list[str]:
    return [r[3] for r in ws.db.execute("EXPLAIN QUERY PLAN " + sql)]


def _full_scans(ws: Workspace, statements: list[str]) -> list[tuple[str, str]]:
    """(statement, plan line) of every full scan of a big table, or sort of one, that is not a
    read of every row by design."""
    out = []
    for sql in statements:
        if sql.startswith("CREATE TEMP TABLE"):  # the dry run's rows: made again for the plans after it
            ws.db.execute(f"DROP TABLE IF EXISTS temp.{sql.split()[3]}")
            ws.db.execute(sql)
            continue
        if not re.match(r"(SELECT|DELETE|UPDATE)\b", sql, re.I):
            continue
        if any(re.search(p, sql) for p in WHOLE_TABLE):
            continue
        aliases = dict((a, t) for t, a in re.findall(r"\b(?:FROM|JOIN) (?:\w+\.)?(\w+) (\w+)\b", sql))
        for line in _plan(ws, sql):
            m = re.match(r"SCAN (\w+)(.*)", line)
            if m and aliases.get(m[1], m[1]) in BIG and "INDEX" not in m[2]:
                out.append((sql, line))
            big = re.search(r"\b(?:FROM|JOIN) (energy|energy_rows|deliveries|packaging)\b", sql)
            if "TEMP B-TREE FOR ORDER BY" in line and big:
                out.append((sql, line))
    return out


def test_no_query_scans_a_big_table_where_an_index_applies(demo_file, tmp_path):
    path = tmp_path / "w.greenledger"
    shutil.copy2(demo_file, path)
    with Workspace.open(path) as ws:
        statements = _everything(ws)
        # the queries this test is about did run
        assert any(re.search(r"CROSS JOIN energy_rows e .*WHERE e\.start_day >= ", s)
                   for s in statements)  # a window
        assert any(s.startswith("INSERT INTO energy_rows") and "ON CONFLICT" in s for s in statements)
        assert any(re.search(r"SELECT id FROM energy_rows WHERE .*site_id\" IS", s) for s in statements)
        assert any("batch_id = " in s for s in statements)
        assert _full_scans(ws, statements) == []


def test_without_the_indexes_the_same_check_finds_the_scans(demo_file, tmp_path):
    """The check has teeth: without the indexes it names the scans (no re-import: the upsert
    needs its unique index)."""
    path = tmp_path / "w.greenledger"
    shutil.copy2(demo_file, path)
    with Workspace.open(path) as ws:
        for name in OUR_INDEXES:
            ws.db.execute(f"DROP INDEX {name}")
        scans = _full_scans(ws, _everything(ws, reimport=False))
    lines = {line for _, line in scans}
    assert "SCAN energy_rows" in lines or "SCAN e" in lines
    assert any("TEMP B-TREE FOR ORDER BY" in line for line in lines)
    assert any("deliveries" in sql and "campaign_id" in sql for sql, _ in scans)


@pytest.mark.parametrize("n", [5, 30])  # a key query a row (5), one read of the table (30 of 210)
def test_an_edit_taking_another_rows_key_is_refused_either_way(demo_file, tmp_path, n):
    path = tmp_path / "w.greenledger"
    shutil.copy2(demo_file, path)
    with Workspace.open(path) as ws:
        rows = ws.rows(Kind.ENERGY)
        edited = [(r["id"], editing.row_texts(Kind.ENERGY, r)) for r in rows[:n]]
        other = editing.row_texts(Kind.ENERGY, rows[-1])  # not among the edited rows
        edited[-1] = (edited[-1][0], {**edited[-1][1], **{k: other[k] for k in (
            "site", "period_start", "period_end", "source", "instrument")}})
        with pytest.raises(ImportRefused) as refused:
            editing.check_rows(ws, Kind.ENERGY, edited)
        assert [(p.code, p.row) for p in refused.value.problems] == [("duplicate_row", n + 1)]
        editing.check_rows(ws, Kind.ENERGY, edited[:-1])  # without it: no problem
