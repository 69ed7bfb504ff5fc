"""A workspace: one SQLite file (`*.greenledger`) opened through sqlite-utils.

The schema is migrated forward on open, after a copy of the old file is made aside (sqlite3's
backup API: committed content still in the WAL included). Foreign keys are on, the journal is
WAL, and every change is one transaction. SQL stays in this module. A full disk or a read-only
folder or file raises WorkspaceNotWritable (naming the folder and what to do), never a bare
sqlite3 error: see `not_writable` and `Workspace.writing`.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from sqlite_utils import Database
from sqlite_utils.db import View

from greenledger.core import __version__
from greenledger.core.disk_errors import check_is_sqlite as _check_is_sqlite
from greenledger.core.disk_errors import not_writable
from greenledger.core.errors import WorkspaceError
from greenledger.core.factors import Factor, FactorBook, Library, builtin_library
from greenledger.core.fields import Kind
from greenledger.core.migrations import migrations
from greenledger.core.queries import ROWS_OF, prepare
from greenledger.core.queries_energy import VIEW, row_encoder
from greenledger.core.queries_keys import (  # COLUMNS, TABLES: the schema's names, also read from here
    COLUMNS,
    KEY_COPY_KINDS,
    STORED,
    TABLES,
    dangling_sql,
    dry_run_sql,
    ids_with_sql,
    key_columns,
    upsert_labels,
    upsert_sql,
)

SUFFIX = ".greenledger"
ID_CHUNK = 30_000  # ids a query names at most (SQLITE_MAX_VARIABLE_NUMBER is 32,766 by default)
APP_ID = "greenledger"


class _Database(Database):
    """sqlite-utils' Database whose db["energy"] (a view since m006) inserts as the table did."""

    def __getitem__(self, name: str):
        return _InsertableView(self, name) if name == VIEW else super().__getitem__(name)


class _InsertableView(View):
    def insert_all(self, records, **_: object) -> None:
        list(map(self.insert, records))

    def insert(self, record: dict, **_: object) -> _InsertableView:
        cols = ", ".join(f'"{c}"' for c in record)
        self.db.execute(f"INSERT INTO {self.name} ({cols}) VALUES ({', '.join('?' * len(record))})",
                        list(record.values()))  # a trigger's insert leaves no last rowid: the id
        self.last_pk = record.get("id") or self.db.execute(  # given, or the newest (max + 1)
            f"SELECT max(id) FROM {self.name}").fetchone()[0]
        return self


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class Workspace:
    """An open workspace file. Not thread-safe: each thread opens its own Workspace."""

    def __init__(self, path: Path, db: Database, backup: Path | None = None) -> None:
        self.path = path
        self.db = db
        self.backup = backup  # copy made before a schema migration, if any
        self._references_unchecked = False  # in bulk_write: upsert_rows checks them itself

    # --- opening ----------------------------------------------------------------------------

    @classmethod
    def open(cls, path: str | Path, *, create: bool = True) -> Workspace:
        """Open (or create) the workspace at `path`, migrating an older schema forward."""
        path = Path(path).expanduser()
        existed = path.exists() and path.stat().st_size > 0
        if existed:
            _check_is_sqlite(path)
        elif not create:
            raise WorkspaceError(f"{path}: no such workspace")
        else:
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise (not_writable(exc, path)
                       or WorkspaceError(f"{path}: cannot be created ({exc.strerror})")) from exc
        conn = None
        try:
            conn = sqlite3.connect(str(path), timeout=10)
            db = _Database(conn)
            db.execute("PRAGMA foreign_keys = ON")
            if existed:
                _check_is_workspace(path, db)
            backup = cls._migrate(path, db, existed)
            db.enable_wal()
            ws = cls(path, db, backup)
            if not existed:
                ws._initialise()
        except (sqlite3.DatabaseError, OSError) as exc:
            if conn is not None:
                conn.close()
            refusal = not_writable(exc, path)
            if refusal is None and isinstance(exc, OSError):
                raise
            raise refusal or WorkspaceError(f"{path}: not a GreenLedger workspace ({exc})") from exc
        return ws

    @staticmethod
    def _migrate(path: Path, db: Database, existed: bool) -> Path | None:
        known = {m.name for m in migrations._migrations}
        applied = {m.name for m in migrations.applied(db)}
        if applied - known:
            raise WorkspaceError(
                f"{path}: made by a newer version of GreenLedger (schema "
                f"{sorted(applied - known)[-1]}); this is version {__version__}. "
                "Update GreenLedger to open it.")
        pending = migrations.pending(db)
        backup = None
        if pending and existed:
            stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
            backup = path.with_name(f"{path.name}.before-{pending[0].name}-{stamp}.bak")
            target = sqlite3.connect(str(backup))
            try:  # page by page through this connection: what is committed, WAL included
                db.conn.backup(target)
            finally:
                target.close()
        if pending:
            try:
                migrations.apply(db)
            except ValueError as exc:  # a migration refusing the rows it finds (m006): nothing changed
                raise WorkspaceError(f"{path}: {exc}. It is unchanged; a copy is at {backup}.") from exc
            if "m006_compact_energy" in {m.name for m in pending} and existed:
                db.execute("VACUUM")  # the old energy table's pages back to the disk
        return backup

    def _initialise(self) -> None:
        lib = builtin_library()
        with self.db.atomic():
            self.set_meta("app", APP_ID)
            self.set_meta("created_with", __version__)
            self.set_meta("created_at", now_iso())
            self._store_library(lib)

    def close(self) -> None:
        self.db.conn.close()

    def is_open(self) -> bool:
        """False once closed (the window opened another workspace, or closed)."""
        try:
            return self.db.conn.total_changes >= 0
        except sqlite3.ProgrammingError:
            return False

    @contextmanager
    def writing(self) -> Iterator[Workspace]:
        """Writes in this block that the disk or folder refuses (full, read-only, failing) raise
        WorkspaceNotWritable naming the folder and what to do; the transaction is rolled back,
        so nothing was written and nothing is lost."""
        try:
            yield self
        except (sqlite3.Error, OSError) as exc:
            refusal = not_writable(exc, self.path)
            if refusal is None:
                raise
            if self.db.conn.in_transaction:
                self.db.conn.rollback()
            raise refusal from exc

    def __enter__(self) -> Workspace:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def name(self) -> str:
        return self.path.stem

    # --- meta and factor library ------------------------------------------------------------

    def meta(self, key: str, default: str | None = None) -> str | None:
        row = self.db.execute("SELECT value FROM meta WHERE key = ?", [key]).fetchone()
        return row[0] if row else default

    def set_meta(self, key: str, value: str) -> None:
        self.db.execute("INSERT INTO meta(key, value) VALUES (?, ?) "
                        "ON CONFLICT(key) DO UPDATE SET value = excluded.value", [key, value])

    @property
    def library_version(self) -> str:
        return self.meta("library_version", "") or ""

    def _store_library(self, lib: Library) -> None:
        self.db.execute("DELETE FROM library_factors")
        self.db["library_factors"].insert_all(
            ({"key": f.key, "region": f.region, "year": f.year, "value": f.value,
              "unit": f.unit, "gas_basis": f.gas_basis, "kind": f.kind, "quality": f.quality,
              "source": f.source, "url": f.url, "note": f.note} for f in lib.factors),
            batch_size=500)
        self.set_meta("library_version", lib.version)

    def accept_library(self, lib: Library | None = None) -> None:
        """Pin the workspace's figures to `lib` (default: the built-in library of this app)."""
        with self.db.atomic():
            self._store_library(lib or builtin_library())

    def library_factors(self) -> list[Factor]:
        return [Factor(key=r["key"], region=r["region"], year=r["year"], value=r["value"],
                       unit=r["unit"], source=r["source"] or "", gas_basis=r["gas_basis"] or "",
                       kind=r["kind"] or "", quality=r["quality"] or "", url=r["url"] or "",
                       note=r["note"] or "", origin="library")
                for r in self.db.query("SELECT * FROM library_factors")]

    def workspace_factors(self) -> list[Factor]:
        return [Factor(key=r["key"], region=r["region"], year=r["year"], value=r["value"],
                       unit=r["unit"], source=r["source"] or "workspace factor",
                       origin="workspace")
                for r in self.db.query("SELECT * FROM factors")]

    def factor_book(self) -> FactorBook:
        """Factors as pinned in this workspace: its own, then its copy of the library."""
        return FactorBook(self.library_factors(), self.workspace_factors())

    # --- reading ----------------------------------------------------------------------------

    def rows(self, kind: Kind) -> list[dict]:
        """Rows of one kind with field names as keys (site and campaign as names) plus `id`,
        `batch_id`, `source_sheet`, `source_row`."""
        cur = self.db.execute(ROWS_OF[kind])
        names = [d[0] for d in cur.description]
        return [dict(zip(names, r, strict=True)) for r in cur]

    def select(self, name: str, **params: object) -> sqlite3.Cursor:
        """Tuples of the named query `name` of core/queries.py (`:param`s by keyword; a list
        expands to `IN (...)`)."""
        sql, args = prepare(name, params)
        return self.db.execute(sql, args)

    def execute(self, name: str, **params: object) -> sqlite3.Cursor:
        """Run the named statement `name` (an INSERT, UPDATE or DELETE of core/queries*.py) with
        its parameters; inside `atomic()` it joins that transaction."""
        sql, args = prepare(name, params)
        return self.db.execute(sql, args)

    def select_dicts(self, name: str, **params: object) -> Iterator[dict]:
        """The named query's rows as dicts keyed by column name."""
        sql, args = prepare(name, params)
        return self.db.query(sql, args)

    def stored_columns(self, kind: Kind, columns: Sequence[str]) -> sqlite3.Cursor:
        """(id, *columns) of every row of `kind` (core.editing's key map of a big paste)."""
        cols = ", ".join(f'"{c}"' for c in columns)
        return self.db.execute(f"SELECT id, {cols} FROM {TABLES[kind]}")

    def site_names(self) -> dict[str, int]:
        return {r[1]: r[0] for r in self.db.execute("SELECT id, name FROM sites")}

    def campaign_ids(self) -> dict[str, int]:
        return {r[1]: r[0] for r in self.db.execute("SELECT id, name FROM campaigns")}

    def count(self, kind: Kind) -> int:
        return self.db.execute(f"SELECT count(*) FROM {STORED[kind]}").fetchone()[0]

    def counts(self) -> dict[str, int]:
        return {k.value: self.count(k) for k in TABLES}

    def batches(self) -> list[dict]:
        return list(self.db.query("SELECT * FROM import_batches ORDER BY id"))

    # --- writing ----------------------------------------------------------------------------

    def atomic(self):
        """One transaction (sqlite-utils' `atomic`): committed at the end of the block, rolled
        back when it raises."""
        return self.db.atomic()

    @contextmanager
    def bulk_write(self) -> Iterator[None]:
        """One transaction (as `atomic`) for an import's many rows: statement journals in memory and
        foreign keys checked per statement, not per row (the DO UPDATE sets batch_id, a foreign key:
        per row SQLite journals the step and looks up parents; 200k energy rows took 2.8 s CPU with
        a temp file, 1.4 s in memory, 0.8 s so). `upsert_rows` checks the references of every row
        it wrote, set-based, raising sqlite3.IntegrityError as SQLite would: nothing dangles.
        Inside another transaction the settings cannot change: a plain `atomic` there."""
        if self.db.conn.in_transaction:
            with self.db.atomic():
                yield
            return
        self.db.execute("PRAGMA temp_store = MEMORY")
        self.db.execute("PRAGMA foreign_keys = OFF")
        self._references_unchecked = True
        try:
            with self.db.atomic():
                yield
        finally:
            self._references_unchecked = False
            if not self.db.conn.in_transaction:
                self.db.execute("PRAGMA foreign_keys = ON")
                self.db.execute("PRAGMA temp_store = DEFAULT")

    def _check_references(self, kind: Kind, batch_id: int, last_id: int) -> None:
        """sqlite3.IntegrityError when a row of `kind` written by batch `batch_id` (energy: inserted,
        above `last_id`) refers to a row that does not exist (what foreign_keys = ON refuses)."""
        table = STORED[kind]
        for _, _, parent, col, to, *_ in self.db.execute(f"PRAGMA foreign_key_list({table})").fetchall():
            bad = self.db.execute(dangling_sql(kind, col, parent, to), [batch_id, last_id]).fetchone()[0]
            if bad:
                raise sqlite3.IntegrityError(f"FOREIGN KEY constraint failed: {bad} row(s) of "
                                             f"{table}.{col} name no row of {parent}")

    def set_batch_counts(self, batch_id: int, inserted: int, updated: int, unchanged: int) -> None:
        self.db.execute("UPDATE import_batches SET inserted = ?, updated = ?, unchanged = ? WHERE id = ?",
                        [inserted, updated, unchanged, batch_id])

    def insert_batch(self, record: dict) -> int:
        return self.db["import_batches"].insert(record).last_pk

    def upsert_rows(self, kind: Kind, columns: Sequence[str], rows: Iterable[Sequence],
                    batch_id: int) -> tuple[int, int]:
        """Write tuples of `columns` (COLUMNS then PROVENANCE, batch `batch_id`) by natural key with
        one prepared statement (inside `bulk_write` or `atomic`): a new key inserted, a stored one
        whose values differ updated with its provenance, an unchanged one not touched (no UPDATE,
        no trigger). Returns (inserted, updated): rows now of this batch, those with a new id."""
        last_id = self.next_id(kind) - 1  # INTEGER PRIMARY KEY: a new row's id is above every old one
        rows = self._encoded(kind, columns, rows, labels=True)
        written = self.db.conn.executemany(upsert_sql(kind, columns), rows).rowcount  # not the unchanged
        if self._references_unchecked:
            self._check_references(kind, batch_id, last_id)
        inserted = self.db.execute(f"SELECT count(*) FROM {STORED[kind]} WHERE id > ?",
                                   [last_id]).fetchone()[0]
        return inserted, written - inserted

    def _encoded(self, kind: Kind, columns: Sequence[str], rows: Iterable[Sequence], labels=False):
        """Energy's rows as energy_rows stores them (queries_energy.row_encoder; `labels` made first)."""
        if kind != Kind.ENERGY:
            return rows
        rows, texts = upsert_labels(kind, columns, rows)
        self.db.conn.executemany(f"INSERT OR IGNORE INTO {STORED['labels']} (text) VALUES (?)",
                                 [[t] for t in texts] if labels else [])
        codes = dict(self.db.execute(f"SELECT text, id FROM {STORED['labels']}"))
        return row_encoder(list(columns), codes)(rows)

    def upsert_counts(self, kind: Kind, rows: Iterable[Sequence]) -> tuple[int, int, int]:
        """(inserted, updated, unchanged) `upsert_rows` would count for these tuples of COLUMNS,
        writing only a temporary table (matched against the stored rows by the unique key)."""
        create, insert, count = dry_run_sql(kind)
        outside = not self.db.conn.in_transaction
        self.db.execute("DROP TABLE IF EXISTS temp.dry_rows")
        self.db.execute(create)
        try:
            self.db.conn.executemany(insert, self._encoded(kind, list(COLUMNS[kind].values()), rows))
            total, matched, changed = self.db.execute(count).fetchone()
        finally:
            self.db.execute("DROP TABLE temp.dry_rows")
            if outside and self.db.conn.in_transaction:  # the INSERT began one: end it (else later
                self.db.conn.rollback()                   # writes would nest in it, uncommitted)
        return total - matched, changed, matched - changed

    def key_copy_groups(self, kind: Kind) -> list[list[dict]]:
        """The stored rows of each natural key several rows hold (an older version let them in:
        key_copy > 0), by id; [] for sites and campaigns (their name is UNIQUE)."""
        if kind not in KEY_COPY_KINDS:
            return []
        table, cols = TABLES[kind], [c for c in COLUMNS[kind].values() if c in key_columns(kind)]
        groups = {frozenset(self.ids_with(kind, {c: rec[c] for c in cols}))
                  for rec in self.db.query(f"SELECT * FROM {table} WHERE key_copy > 0")}
        return [sorted(self.records(kind, ids, key_copy=True).values(), key=lambda r: r["id"])
                for ids in sorted(groups, key=min)]

    def set_key_copy(self, kind: Kind, row_id: int, copy: int) -> None:
        self.db.execute(f"UPDATE {STORED[kind]} SET key_copy = ? WHERE id = ?", [copy, row_id])

    # --- rows by id, edits and undoing an import (core.editing) -----------------------------

    def next_id(self, kind: Kind) -> int:
        """The id a new row of `kind` gets."""
        return (self.db.execute(f"SELECT max(id) FROM {STORED[kind]}").fetchone()[0] or 0) + 1

    def ids_with(self, kind: Kind, values: dict[str, object]) -> set[int]:
        """Ids of the rows of `kind` whose stored columns hold `values` (column -> value; NULL
        equals NULL, as the natural keys compare). A key column that may be NULL is compared as
        its unique index holds it (coalesce(column, x'')), so the index answers."""
        return {r[0] for r in self.db.execute(*ids_with_sql(kind, values))}

    def count_where(self, kind: Kind, column: str, value: object) -> int:
        """How many rows of `kind` have `value` in stored `column` (rows referring to another)."""
        return self.db.execute(f'SELECT count(*) FROM {TABLES[kind]} WHERE "{column}" = ?',
                               [value]).fetchone()[0]

    def records(self, kind: Kind, ids: Iterable[int], *, key_copy: bool = False) -> dict[int, dict]:
        """Full stored records (every column but key_copy, unless asked) of the rows `ids` of
        `kind`, by id. (An edit keeps a row's key_copy: write_records sets the columns given.)"""
        ids = list(ids)
        if not ids:
            return {}
        out = {}
        for i in range(0, len(ids), ID_CHUNK):  # SQLite's bound on variables: 32,766 by default
            part = ids[i:i + ID_CHUNK]
            out.update((r["id"], dict(r)) for r in self.db.query(
                f"SELECT * FROM {TABLES[kind]} WHERE id IN ({', '.join('?' * len(part))})", part))
        if not key_copy:
            for r in out.values():
                r.pop("key_copy", None)
        return out

    def rows_by_id(self, kind: Kind, ids: Iterable[int]) -> list[dict]:
        """Rows as `rows(kind)` gives them, only those with these ids (in its order)."""
        ids = list(ids)
        if not ids:
            return []
        marks = ", ".join("?" * len(ids))
        return [dict(r) for r in self.db.query(
            f"SELECT * FROM ({ROWS_OF[kind]}) WHERE id IN ({marks})", ids)]

    def write_records(self, kind: Kind, state: dict[int, dict | None],
                      baseline_renames: Sequence[tuple[int, str, str]] = ()) -> None:
        """In one transaction: rows of `kind` made to match `state` (id -> full stored record, or
        None to delete it), and campaigns' baselines renamed (id, old, new) along with the
        campaign. sqlite3.IntegrityError when a record breaks a constraint (nothing written)."""
        table = TABLES[kind]
        with self.writing(), self.db.atomic():
            for row_id, old, new in baseline_renames:
                self.db.execute("UPDATE campaigns SET baseline = ? WHERE baseline = ? AND id != ?",
                                [new, old, row_id])
            for row_id, rec in state.items():
                if rec is None:
                    self.db.execute(f"DELETE FROM {table} WHERE id = ?", [row_id])
            recs = [r for r in state.values() if r is not None]
            stored = set(self.records(kind, [r["id"] for r in recs]))
            for rec in recs:  # UPDATE, else INSERT (energy is a view: no ON CONFLICT on it)
                if rec["id"] in stored:
                    sets = ", ".join(f'"{c}" = ?' for c in rec if c != "id")
                    self.db.execute(f"UPDATE {table} SET {sets} WHERE id = ?",
                                    [*(v for c, v in rec.items() if c != "id"), rec["id"]])
                else:
                    self.db[table].insert(rec)

    def batch(self, batch_id: int) -> dict | None:
        """The import batch `batch_id` (file, time, counts), or None."""
        return next(iter(self.db.query("SELECT * FROM import_batches WHERE id = ?", [batch_id])), None)

    def outside_references(self, batch_id: int, kind: Kind, dep_kind: Kind, column: str) -> int:
        """Rows of `dep_kind` not from batch `batch_id` whose `column` refers to a row of `kind`
        that the batch wrote (what undoing the batch would leave dangling)."""
        return self.db.execute(
            f"SELECT count(*) FROM {TABLES[dep_kind]} d JOIN {TABLES[kind]} p ON p.id = d.{column} "
            "WHERE p.batch_id = ? AND (d.batch_id IS NOT ?)", [batch_id, batch_id]).fetchone()[0]

    def batch_records(self, batch_id: int) -> dict[Kind, dict[int, dict]]:
        """Every row batch `batch_id` wrote, by kind (rows that refer to others first) and id."""
        return {k: {r["id"]: dict(r) for r in self.db.query(
            f"SELECT * FROM {TABLES[k]} WHERE batch_id = ?", [batch_id])} for k in reversed(list(Kind))}

    def delete_batch(self, batch_id: int) -> None:
        """The rows batch `batch_id` wrote and the batch, in one transaction."""
        with self.writing(), self.db.atomic():
            for k in reversed(list(Kind)):  # rows that refer to others first
                self.db.execute(f"DELETE FROM {STORED[k]} WHERE batch_id = ?", [batch_id])
            self.db.execute("DELETE FROM import_batches WHERE id = ?", [batch_id])

    def restore_batch(self, batch: dict, rows: dict[Kind, dict[int, dict]]) -> None:
        """Put back a batch and its rows as delete_batch removed them, in one transaction
        (sqlite3.IntegrityError, nothing written, when rows added since conflict with them)."""
        with self.writing(), self.db.atomic():
            self.db["import_batches"].insert(batch)
            for kind in Kind:  # referenced rows first
                recs = list(rows.get(kind, {}).values())
                self.db[TABLES[kind]].insert_all(recs) if recs else None


    # --- import profiles (core.importing.profiles) ------------------------------------------

    def save_profile(self, profile) -> None:
        """Keep an import profile in the workspace (replacing one of the same name)."""
        import json

        with self.db.atomic():
            self.db.execute(
                "INSERT INTO profiles(name, kind, headers, profile, saved_at) "
                "VALUES (?, ?, ?, ?, ?) ON CONFLICT(name) DO UPDATE SET kind = excluded.kind, "
                "headers = excluded.headers, profile = excluded.profile, "
                "saved_at = excluded.saved_at",
                [profile.name, profile.kind, json.dumps(profile.headers, ensure_ascii=False),
                 profile.to_json(), now_iso()])

    def profile_records(self) -> list[tuple[str, str]]:
        """(name, profile JSON) of the import profiles kept in the workspace, by name
        (core.importing.profiles.kept reads them as Profiles)."""
        return list(self.db.execute("SELECT name, profile FROM profiles ORDER BY name"))


def _check_is_workspace(path: Path, db: Database) -> None:
    tables = set(db.table_names())
    if "meta" not in tables:
        raise WorkspaceError(f"{path}: not a GreenLedger workspace (an SQLite file of "
                             "another application)")
    row = db.execute("SELECT value FROM meta WHERE key = 'app'").fetchone()
    if not row or row[0] != APP_ID:
        raise WorkspaceError(f"{path}: not a GreenLedger workspace")
