import sqlite3

import pytest

from greenledger.core.errors import WorkspaceError
from greenledger.core.factors import builtin_library
from greenledger.core.migrations import migrations
from greenledger.core.storage import Workspace


def test_new_workspace_is_wal_with_foreign_keys_and_pinned_library(tmp_path):
    path = tmp_path / "new.greenledger"
    with Workspace.open(path) as ws:
        assert ws.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert ws.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert ws.library_version == builtin_library().version
        assert len(ws.library_factors()) == len(builtin_library().factors)
        with pytest.raises(sqlite3.IntegrityError):
            ws.db.execute("INSERT INTO energy(site_id, period_start, period_end, source, energy_kwh) "
                          "VALUES (999, '2021-01-01', '2021-01-31', 'grid', 1)")


def test_not_a_workspace_is_refused(tmp_path):
    text = tmp_path / "notes.greenledger"
    text.write_text("hello")
    with pytest.raises(WorkspaceError, match="not a GreenLedger workspace"):
        Workspace.open(text)
    other = tmp_path / "other.db"
    sqlite3.connect(other).execute("CREATE TABLE things (x)").connection.commit()
    with pytest.raises(WorkspaceError, match="another application"):
        Workspace.open(other)


def test_workspace_of_a_newer_version_is_refused(tmp_path):
    path = tmp_path / "future.greenledger"
    Workspace.open(path).close()
    con = sqlite3.connect(path)
    con.execute("INSERT INTO _sqlite_migrations(migration_set, name, applied_at) "
                "VALUES ('greenledger', 'm999_from_the_future', '2030-01-01')")
    con.commit()
    con.close()
    with pytest.raises(WorkspaceError, match="newer version"):
        Workspace.open(path)


def test_older_schema_is_copied_aside_then_migrated(tmp_path, monkeypatch):
    path = tmp_path / "old.greenledger"
    Workspace.open(path).close()

    @migrations(name="m900_test_column")
    def _m900(db):
        db.execute("ALTER TABLE sites ADD COLUMN note TEXT")

    try:
        with Workspace.open(path) as ws:
            assert ws.backup is not None and ws.backup.exists()
            assert "note" in ws.db["sites"].columns_dict
        old = sqlite3.connect(ws.backup)
        assert "note" not in [r[1] for r in old.execute("PRAGMA table_info(sites)")]
        old.close()
    finally:
        migrations._migrations.pop()


def test_missing_workspace_without_create(tmp_path):
    with pytest.raises(WorkspaceError, match="no such workspace"):
        Workspace.open(tmp_path / "nope.greenledger", create=False)


def test_the_backup_before_a_migration_holds_what_is_still_in_the_wal(tmp_path):
    """Another process reading the workspace keeps a checkpoint from moving the last commits out
    of the WAL into the file; the copy made before a migration (sqlite3's backup API) still
    holds them."""
    path = tmp_path / "old.greenledger"
    with Workspace.open(path) as ws:
        ws.db.execute("INSERT INTO sites(name, grid_region) VALUES ('Before', 'North China')")
        ws.db.conn.commit()
    reader = sqlite3.connect(path)
    reader.execute("BEGIN")
    assert reader.execute("SELECT count(*) FROM sites").fetchone() == (1,)  # holds its snapshot
    writer = sqlite3.connect(path)
    writer.execute("INSERT INTO sites(name, grid_region) VALUES ('In the WAL', 'North China')")
    writer.commit()
    writer.close()

    @migrations(name="m900_test_column")
    def _m900(db):
        db.execute("ALTER TABLE sites ADD COLUMN note TEXT")

    try:
        with Workspace.open(path) as ws:
            backup = ws.backup
        assert not backup.with_name(backup.name + "-wal").exists()  # one self-contained file
        old = sqlite3.connect(backup)
        assert [r[0] for r in old.execute("SELECT name FROM sites ORDER BY id")] == ["Before", "In the WAL"]
        assert "note" not in [r[1] for r in old.execute("PRAGMA table_info(sites)")]
        old.close()
    finally:
        migrations._migrations.pop()
        reader.close()


def test_records_of_more_ids_than_a_query_may_name(tmp_path, monkeypatch):
    """A big paste or delete reads the records of every row it touches: more ids than SQLite's
    bound on a statement's variables (32,766 in a default build; this one is set lower) are
    read in parts, never refused with 'too many SQL variables'."""
    import sqlite3

    from greenledger.core import storage
    from greenledger.core.fields import Kind

    with Workspace.open(tmp_path / "w.greenledger") as ws:
        ws.db.execute("INSERT INTO sites (name, type, grid_region, country) "
                      "VALUES ('A', 'data center', 'North China', 'China')")
        site = ws.db.execute("SELECT id FROM sites").fetchone()[0]
        days = [f"{y:04d}-{m:02d}-{d:02d}" for y in range(2001, 2011) for m in range(1, 13)
                for d in range(1, 29)]
        ws.db.conn.executemany("INSERT INTO energy (site_id, period_start, period_end, source, "
                               "energy_kwh) VALUES (?, ?, ?, 'grid', ?)",
                               [(site, day, day, float(n)) for n, day in enumerate(days)])
        ws.db.conn.commit()
        ids = [r[0] for r in ws.db.execute("SELECT id FROM energy_rows ORDER BY id")]
        assert len(ids) == 3360
        ws.db.conn.setlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER, 999)
        monkeypatch.setattr(storage, "ID_CHUNK", 900)
        got = ws.records(Kind.ENERGY, ids)
        assert sorted(got) == ids and got[ids[-1]]["energy_kwh"] == 3359.0
