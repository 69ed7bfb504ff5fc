"""Named SQL of the import memo (core.importing.memo): what tells that a workspace is, row for
row, as it was when a file was last imported or checked into it. SQL text only (registered
with core.queries.register on import).

The state of a workspace is one generation number, the schema of its data and, for every table
of its data, its row count and highest rowid. Triggers on every such table (created with the
first memo) add one to the generation for each row inserted, updated or deleted, in the writing
statement's own transaction (an INSERT OR REPLACE under an old id fires no delete trigger, but
its insert's); an import's own bulk inserts are seen by the counts instead. So a state read
again equals the one remembered only if no row was inserted, updated or deleted and no index,
view or trigger changed since. The derived aggregates (agg_*) and the memo's own tables are not the data: they
are left out, as are the aggregates' own keys of meta.
"""

from __future__ import annotations

from greenledger.core.queries import register

# every table of a workspace's data (tests/core/test_import_memo.py checks that a new
# workspace has no other, so a table added by a migration is tracked or the test fails)
TRACKED = ("_sqlite_migrations", "meta", "import_batches", "sites", "campaigns", "deliveries",
           "packaging", "initiatives", "factors", "library_factors", "profiles",
           "energy_labels", "energy_rows")
OWN = ("import_memo", "import_memo_state")
_BUMP = "UPDATE import_memo_state SET generation = generation + 1"
_DERIVED_META = "{}.key NOT LIKE 'aggregates%'"  # core.aggregates' stamp, span and last id


def _trigger(table: str, event: str) -> str:
    row = "OLD" if event in ("UPDATE", "DELETE") else "NEW"  # INSERT: a REPLACE under an old id
    when = f" WHEN {_DERIVED_META.format(row)}" if table == "meta" else ""
    return (f"CREATE TRIGGER IF NOT EXISTS memo_{table.strip('_')}_{event.lower()} "
            f"AFTER {event} ON {table}{when} BEGIN {_BUMP}; END")


EVENTS = ("INSERT", "UPDATE", "DELETE")
TRIGGERS = tuple(f"memo_{t.strip('_')}_{e.lower()}" for t in TRACKED for e in EVENTS)
# the tables an import writes many rows to: their insert triggers are set aside while it writes
# (core.importing.memo.bulk_inserts; 876,000 inserts took 1.5 s more with one), in its transaction
BULK = ("energy_rows", "deliveries", "packaging", "initiatives")

QUERIES: dict[str, str] = {
    "memo.create": (
        "CREATE TABLE IF NOT EXISTS import_memo (key TEXT PRIMARY KEY, state TEXT NOT NULL, "
        "result TEXT NOT NULL, checked_at TEXT NOT NULL)"),
    "memo.create_state": (
        "CREATE TABLE IF NOT EXISTS import_memo_state (generation INTEGER NOT NULL)"),
    # made again from scratch: nothing remembered before is trusted, and the generation starts
    # at a random number, which no state remembered before holds
    "memo.forget_all": "DELETE FROM import_memo",
    "memo.clear_state": "DELETE FROM import_memo_state",
    "memo.seed_state": "INSERT INTO import_memo_state (generation) VALUES (:generation)",
    "memo.state_rows": "SELECT count(*), count(generation) FROM import_memo_state",
    "memo.tables_present": (
        "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN (:names)"),
    "memo.triggers_present": (
        "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name IN (:names)"),
    # the tables of data: sqlite's own and the derived ones left out
    "memo.data_tables": (
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "AND name NOT LIKE 'agg_%' AND name NOT IN (:own) ORDER BY name"),
    # one statement: (generation, count and highest rowid of each tracked table), each a
    # subquery of its own so SQLite answers count(*) from the smallest index and max(rowid)
    # from the end of the table's b-tree
    # and the schema of the data (an index, view or trigger changed by another tool; the derived
    # agg_* tables and their triggers, which a rebuild makes again, left out)
    "memo.state": "SELECT (SELECT generation FROM import_memo_state), "
                  "(SELECT group_concat(x, '|') FROM (SELECT type || ' ' || name || ' ' || "
                  "coalesce(sql, '') AS x FROM sqlite_master WHERE name NOT LIKE 'agg!_%' ESCAPE '!' "
                  "AND tbl_name NOT LIKE 'agg!_%' ESCAPE '!' ORDER BY type, name)), " + ", ".join(
        f"(SELECT count(*) FROM {t}), (SELECT max(rowid) FROM {t})" for t in TRACKED),
    # the same without the generation (a workspace without the memo's tables)
    "memo.counts": "SELECT " + ", ".join(
        f"(SELECT count(*) FROM {t}), (SELECT max(rowid) FROM {t})" for t in TRACKED),
    "memo.get": "SELECT state, result, checked_at FROM import_memo WHERE key = :key",
    "memo.put": (
        "INSERT INTO import_memo (key, state, result, checked_at) VALUES (:key, :state, :result, "
        ":at) ON CONFLICT(key) DO UPDATE SET state = excluded.state, result = excluded.result, "
        "checked_at = excluded.checked_at"),
    "memo.prune": "DELETE FROM import_memo WHERE state != :state",
    **{f"memo.trigger_{t.strip('_')}_{e.lower()}": _trigger(t, e) for t in TRACKED for e in EVENTS},
    **{f"memo.drop_{t}_insert": f"DROP TRIGGER IF EXISTS memo_{t}_insert" for t in BULK},
}

register(QUERIES)
