"""Migration m005 (the natural keys as UNIQUE indexes) on workspaces of the layout before it
(m004's, today's until now) and before m004: every row and every figure the same after, also
with two rows of one natural key, which an older version could store; the importer then refuses
that key, naming both stored rows, until one is deleted."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import date
from pathlib import Path

import pytest
from sqlite_utils import Database

from greenledger.core.accounting import summarize
from greenledger.core.demo import build_demo
from greenledger.core.errors import ImportRefused
from greenledger.core.fields import Kind
from greenledger.core.importing.importer import import_file
from greenledger.core.storage import TABLES, Workspace
from tests.conftest import ENERGY_HEADER, SITES, snapshot
from tests.core.layouts import as_before_m006

M005 = "m005_unique_natural_keys"
KEYED = ("energy", "deliveries", "packaging", "initiatives", "factors")
M004_KEYS = {"energy": "site_id, period_start, source",
             "deliveries": "business_unit, campaign_id, period_start, period_end, vehicle",
             "packaging": "business_unit, campaign_id, period_start, period_end, material"}
M004_OTHERS = ("sites_batch", "campaigns_batch", "energy_batch", "energy_window", "deliveries_campaign",
               "deliveries_batch", "packaging_campaign", "packaging_batch", "initiatives_campaign",
               "initiatives_batch")


def as_before_m005(path: Path, *, before_m004: bool = False) -> None:
    """Turn a workspace of this version into one of the layout before m005 (m004's), or with
    `before_m004` before m004 (no indexes), as those versions left it."""
    as_before_m006(path)
    con = sqlite3.connect(path)
    for t in KEYED:
        con.execute(f"DROP INDEX {t}_key")
        con.execute(f"DROP INDEX {t}_key_copies")
        con.execute(f"ALTER TABLE {t} DROP COLUMN key_copy")
    if before_m004:
        for name in M004_OTHERS:
            con.execute(f"DROP INDEX {name}")
    else:
        for t, cols in M004_KEYS.items():
            con.execute(f"CREATE INDEX {t}_natural_key ON {t} ({cols})")
    con.execute("DELETE FROM _sqlite_migrations WHERE name IN (?, ?)",
                [M005, "m004_indexes" if before_m004 else M005])
    con.commit()
    con.close()


def copy_rows(path: Path, table: str, where: str) -> None:
    """A second row of the natural key of the first row matching `where` (a new id, same values
    and provenance), as an undo after a command-line import of the same rows could leave."""
    con = sqlite3.connect(path)
    cols = [r[1] for r in con.execute(f"PRAGMA table_info({table})") if r[1] != "id"]
    names = ", ".join(f'"{c}"' for c in cols)
    con.execute(f"INSERT INTO {table} ({names}) SELECT {names} FROM {table} WHERE {where} "
                "ORDER BY id LIMIT 1")
    con.commit()
    con.close()


def stored(db) -> dict[str, list]:
    """Every row of every table, the columns of the old layout (key_copy is new), by id."""
    out = {}
    for t in (*TABLES.values(), "import_batches"):
        cols = [r[1] for r in db.execute(f"PRAGMA table_info({t})") if r[1] != "key_copy"]
        out[t] = db.execute(f"SELECT {', '.join(cols)} FROM {t} ORDER BY id").fetchall()
    return out


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("m005") / "demo.greenledger"
    build_demo(path)
    return path


@pytest.mark.parametrize("before_m004", [False, True], ids=["m004 layout", "m003 layout"])
def test_every_row_and_figure_survive_also_two_rows_of_one_key(demo_file, tmp_path, before_m004):
    path = tmp_path / "old.greenledger"
    shutil.copy2(demo_file, path)
    as_before_m005(path, before_m004=before_m004)
    # copies: a grid row (Instrument blank), a renewable one, a delivery, a packaging row
    copy_rows(path, "energy", "source = 'grid'")
    copy_rows(path, "energy", "instrument IS NOT NULL")
    copy_rows(path, "energy", "instrument IS NOT NULL")  # a third row of that key
    copy_rows(path, "deliveries", "1")
    copy_rows(path, "packaging", "1")
    old = Workspace(path, Database(sqlite3.connect(path)))  # as it is: no migration
    before, figures = stored(old.db), summarize(old, maintained=False)  # the old layout: from the rows
    old.close()

    with Workspace.open(path) as ws:
        assert ws.backup is not None
        backup = sqlite3.connect(ws.backup)
        assert M005 not in {r[0] for r in backup.execute("SELECT name FROM _sqlite_migrations")}
        assert stored(backup) == before  # the backup is the workspace as it was
        backup.close()
        applied = [r[0] for r in ws.db.execute("SELECT name FROM _sqlite_migrations ORDER BY id")]
        assert applied[-2:] == [M005, "m006_compact_energy"]
        assert stored(ws.db) == before
        assert summarize(ws, maintained=False) == figures
        copies = {t: ws.db.execute(f"SELECT key_copy, count(*) FROM {t} GROUP BY key_copy").fetchall()
                  for t in KEYED}
    n = {t: len(before[t]) for t in KEYED}
    assert copies["energy"] == [(0, n["energy"] - 3), (1, 2), (2, 1)]
    assert copies["deliveries"] == [(0, n["deliveries"] - 1), (1, 1)]
    assert copies["packaging"] == [(0, n["packaging"] - 1), (1, 1)]
    assert copies["initiatives"] == [(0, n["initiatives"])]


def test_a_key_two_stored_rows_hold_is_refused_naming_them_until_one_is_deleted(ws, workbook, tmp_path):
    jun = (date(2021, 6, 1), date(2021, 6, 30))
    book = {"Sites": SITES, "Energy": [ENERGY_HEADER, ["Zhangbei DC", *jun, "grid", 3, None],
                                       ["Zhangbei DC", *jun, "wind", 5, "green power trade"]]}
    import_file(ws, workbook(book))
    ws.close()
    path = tmp_path / "test.greenledger"
    as_before_m005(path)
    copy_rows(path, "energy", "source = 'grid'")
    with Workspace.open(path) as again:
        grid = sorted(r["id"] for r in again.rows(Kind.ENERGY) if r["source"] == "grid")
        wind = next(r["id"] for r in again.rows(Kind.ENERGY) if r["source"] == "wind")
        assert len(grid) == 2
        changed = workbook({**book, "Energy": [ENERGY_HEADER, ["Zhangbei DC", *jun, "grid", 4, None],
                                               ["Zhangbei DC", *jun, "wind", 6, "green power trade"]]},
                           name="changed.xlsx")
        for dry_run in (True, False):
            before = snapshot(again)
            with pytest.raises(ImportRefused) as refused:
                import_file(again, changed, dry_run=dry_run)
            assert snapshot(again) == before
            problems = refused.value.problems
            assert [(p.code, p.sheet, p.row) for p in problems] == [("stored_duplicate", "Energy", 2)]
            assert problems[0].params["n"] == 2
            assert problems[0].params["rows"] == "book.xlsx › Energy › row 2; book.xlsx › Energy › row 2"
        # the first of the two deleted (the one the key's index holds): the other takes its place
        again.write_records(Kind.ENERGY, {grid[0]: None})
        result = import_file(again, changed)
        assert (result.counts[Kind.ENERGY].inserted, result.counts[Kind.ENERGY].updated) == (0, 2)
        rows = again.rows(Kind.ENERGY)
        assert sorted((r["id"], r["source"], r["energy"]) for r in rows) == sorted([
            (grid[1], "grid", 4.0), (wind, "wind", 6.0)])
        assert again.db.execute("SELECT count(*) FROM energy WHERE key_copy > 0").fetchone()[0] == 0
