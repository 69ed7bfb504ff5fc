"""Migration m006 (the compact energy layout, core.queries_energy) on workspaces of the m005, m004
and m003 layouts: every row's values, every summary figure and the story the same after, a
backup of the file as it was, a smaller file; a bound that would not read back the same is
refused (nothing changed); the view `energy` takes writes as the table did and refuses a bound
it could not store."""

from __future__ import annotations

import math
import shutil
import sqlite3
from pathlib import Path

import pytest
from sqlite_utils import Database

from greenledger.core.accounting import build_summary, summarize
from greenledger.core.demo import build_demo
from greenledger.core.errors import WorkspaceError
from greenledger.core.fields import Kind
from greenledger.core.storage import Workspace
from greenledger.core.story import story
from tests.core.layouts import M006, as_before_m006
from tests.core.test_migration_m005 import as_before_m005, copy_rows

ENERGY = ("id, site_id, period_start, period_end, source, instrument, energy_kwh, batch_id, "
          "source_sheet, source_row")
# rows an older version could hold that the demo has not: hours, a time with seconds, a row
# across midnight, a row without provenance (an edit), an on-site instrument, a day before 1970
EXTRA = [("2023-03-01 05:00", "2023-03-01 06:00", "grid", None, 12.5, "Hourly"),
         ("2023-03-01 06:00:30", "2023-03-01 07:00", "grid", None, 7.25, "Hourly"),
         ("2023-03-01 23:00", "2023-03-02 00:00", "solar", "on-site", 3.0, "Hourly"),
         ("2023-04-01", "2023-04-30", "wind", "PPA", 1234.5678, None),
         ("1969-12-01", "1969-12-31", "grid", None, 99.0, "Old")]


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("m006") / "demo.greenledger"
    build_demo(path)
    return path


def _old(demo_file: Path, tmp_path: Path, layout: str) -> Path:
    path = tmp_path / "old.greenledger"
    shutil.copy2(demo_file, path)
    if layout == "m005":
        as_before_m006(path)
    else:
        as_before_m005(path, before_m004=layout == "m003")
    con = sqlite3.connect(path)
    site = con.execute("SELECT id FROM sites ORDER BY id LIMIT 1").fetchone()[0]
    con.executemany("INSERT INTO energy (site_id, period_start, period_end, source, instrument, "
                    "energy_kwh, source_sheet, source_row) VALUES (?, ?, ?, ?, ?, ?, ?, 3)",
                    [(site, *r) for r in EXTRA])
    if layout == "m005":  # two rows of one key, as m005 numbered them
        cols = ENERGY.replace("id, ", "", 1)
        con.execute(f"INSERT INTO energy ({cols}, key_copy) SELECT {cols}, 1 FROM energy "
                    "WHERE instrument IS NOT NULL ORDER BY id LIMIT 1")
    con.commit()
    con.close()
    if layout != "m005":
        copy_rows(path, "energy", "instrument IS NOT NULL")  # two rows of one key
    return path


def _rows(db) -> dict[str, list]:
    out = {"energy": db.execute(f"SELECT {ENERGY} FROM energy ORDER BY id").fetchall()}
    for t in ("sites", "campaigns", "deliveries", "packaging", "initiatives", "factors", "import_batches"):
        cols = [r[1] for r in db.execute(f"PRAGMA table_info({t})") if r[1] != "key_copy"]
        out[t] = db.execute(f"SELECT {', '.join(cols)} FROM {t} ORDER BY id").fetchall()
    return out


def _close(a, b, path="") -> None:
    """a equals b, numbers to 1e-9 relative (the maintained aggregates sum in another order)."""
    if isinstance(a, dict):
        assert a.keys() == b.keys(), path
        for k in a:
            _close(a[k], b[k], f"{path}.{k}")
    elif isinstance(a, list | tuple):
        assert len(a) == len(b), path
        for i, (x, y) in enumerate(zip(a, b, strict=True)):
            _close(x, y, f"{path}[{i}]")
    elif isinstance(a, float) and isinstance(b, float):
        assert math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9), (path, a, b)
    else:
        assert a == b, (path, a, b)


@pytest.mark.parametrize("layout", ["m005", "m004", "m003"])
def test_every_row_figure_and_story_survive(demo_file, tmp_path, layout):
    path = _old(demo_file, tmp_path, layout)
    old = Workspace(path, Database(sqlite3.connect(path)))  # as it is: no migration
    assert "energy" in old.db.table_names()  # the old layout: a table
    before, figures = _rows(old.db), summarize(old, maintained=False)
    told = story(build_summary(old, maintained=False))
    old.close()
    size_before = path.stat().st_size

    with Workspace.open(path) as ws:
        assert ws.backup is not None and ws.backup.exists()
        backup = sqlite3.connect(ws.backup)
        assert M006 not in {r[0] for r in backup.execute("SELECT name FROM _sqlite_migrations")}
        assert _rows(backup) == before  # the backup is the workspace as it was
        backup.close()
        assert [r[0] for r in ws.db.execute("SELECT name FROM _sqlite_migrations ORDER BY id")][-1] == M006
        assert "energy" in ws.db.view_names() and "energy_rows" in ws.db.table_names()
        assert _rows(ws.db) == before  # every value, the hours and the day before 1970 too
        assert summarize(ws, maintained=False) == figures
        _close(summarize(ws), figures)  # the maintained aggregates, rebuilt from energy_rows
        assert story(build_summary(ws)) == told
        assert ws.db.execute("SELECT count(*) FROM energy WHERE key_copy > 0").fetchone()[0] == 1
        rows = ws.rows(Kind.ENERGY)
        assert sorted(r["id"] for r in rows) == [r[0] for r in before["energy"]]
    assert path.stat().st_size < size_before  # vacuumed after the migration


def test_a_bound_that_would_not_read_back_the_same_refuses_the_migration(demo_file, tmp_path):
    path = tmp_path / "old.greenledger"
    shutil.copy2(demo_file, path)
    as_before_m006(path)
    con = sqlite3.connect(path)
    con.execute("UPDATE energy SET period_end = period_end || 'T00:00' WHERE id = 7")  # not our form
    con.commit()
    end = con.execute("SELECT period_end FROM energy WHERE id = 7").fetchone()[0]
    before = _rows(con)
    con.close()
    with pytest.raises(WorkspaceError) as refused:
        Workspace.open(path)
    assert "id 7: " in str(refused.value) and repr(end) in str(refused.value)
    assert ".bak" in str(refused.value)
    con = sqlite3.connect(path)
    assert _rows(con) == before  # nothing changed
    assert "energy" in {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    con.close()


def test_the_view_takes_writes_and_refuses_a_bound_it_cannot_store(demo_file, tmp_path):
    path = tmp_path / "w.greenledger"
    shutil.copy2(demo_file, path)
    with Workspace.open(path) as ws:
        site = ws.db.execute("SELECT id FROM sites ORDER BY id LIMIT 1").fetchone()[0]
        new = ws.db["energy"].insert({"site_id": site, "period_start": "2031-02-03 04:05",
                                      "period_end": "2031-02-03 05:00", "source": "hydro",
                                      "instrument": "certificate", "energy_kwh": 0.1,
                                      "source_sheet": "A new sheet", "source_row": 9}).last_pk
        assert ws.db.execute(f"SELECT {ENERGY}, key_copy FROM energy WHERE id = ?", [new]).fetchone() == (
            new, site, "2031-02-03 04:05", "2031-02-03 05:00", "hydro", "certificate", 0.1, None,
            "A new sheet", 9, 0)
        ws.db.execute("UPDATE energy SET period_end = '2031-02-04', instrument = NULL WHERE id = ?", [new])
        assert ws.db.execute("SELECT period_end, instrument FROM energy WHERE id = ?",
                             [new]).fetchone() == ("2031-02-04", None)
        for bad in ("2031-02-30", "2031-2-3", "2031-02-03T04:05", None):
            with pytest.raises(sqlite3.IntegrityError):
                ws.db.execute("UPDATE energy SET period_start = ? WHERE id = ?", [bad, new])
        with pytest.raises(sqlite3.IntegrityError):  # the end before the start, as before
            ws.db.execute("UPDATE energy SET period_start = '2031-02-05' WHERE id = ?", [new])
        ws.db.execute("DELETE FROM energy WHERE id = ?", [new])
        assert ws.db.execute("SELECT count(*) FROM energy_rows WHERE id = ?", [new]).fetchone()[0] == 0
