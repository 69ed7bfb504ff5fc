"""The import memo: a file imported (or checked) into a workspace with some options is not read
again while neither the file nor the workspace has changed since: what the import would find
is known, every row already stored as it is (issue 15: a re-import that changes nothing).

An import is a function of the file's bytes, the options it is given, the workspace (its rows,
factors, profiles and schema) and this program; nothing else (no clock, no setting outside the
workspace). So an import of the same bytes with the same options, by the same program, into a
workspace whose data is what it was right after that import, finds every row unchanged. The
memo keeps, per (file name, SHA-256 of its bytes, options, program), the workspace's state as
the import left it (core.queries_memo: a generation moved by triggers on every update and
delete, and every table's row count and highest rowid), and what the import read (its sheets,
their kinds and row counts, the sheets not imported). A memo whose
state is not the workspace's now is ignored, and pruned by the next import.

Only an import without warnings, and without an import profile of the workspace applied or
offered, is remembered: a warning or a profile's note is said each time. `--recheck` always
reads the file. The memo is a cache: a workspace that cannot be written simply has none.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import secrets
import sqlite3
import sys
from contextlib import contextmanager
from dataclasses import asdict
from pathlib import Path

from greenledger.core import __version__
from greenledger.core import queries_memo as q
from greenledger.core.errors import REASON_TEMPLATES, WorkspaceNotWritable
from greenledger.core.fields import Kind
from greenledger.core.i18n import QT_TRANSLATE_NOOP
from greenledger.core.importing.plan import ImportOptions
from greenledger.core.importing.result import ImportResult, KindCounts
from greenledger.core.storage import now_iso

REASON_TEMPLATES.setdefault("workspace_changed", QT_TRANSLATE_NOOP("Problems", "the workspace changed while this import was being checked (another window or process wrote to it), so what was checked may no longer hold; nothing was written: import the file again"))  # noqa: E501

_PACKAGE = Path(__file__).resolve().parents[2]  # the installed greenledger: core/, gui/, …


def program() -> str:
    """This program, as the memo keys it: the version, the readers' versions (_readers), every
    source file of core and the data it ships (the factor library; name, size, time written),
    so that another build, or another python-calamine, never trusts what this one checked."""
    h = hashlib.sha256(__version__.encode())
    h.update(_readers().encode())
    for top in (_PACKAGE / "core", _PACKAGE / "resources" / "data"):
        for root, dirs, files in os.walk(top):
            dirs[:] = sorted(d for d in dirs if d != "__pycache__")
            for name in sorted(f for f in files if not f.endswith(".pyc")):
                st = os.stat(os.path.join(root, name))
                h.update(f"{os.path.relpath(os.path.join(root, name), _PACKAGE)}:{st.st_size}:"
                         f"{st.st_mtime_ns};".encode())
    return h.hexdigest()


@functools.cache
def _readers() -> str:
    """The versions of what reads a workbook and runs the checks besides core: Python (its
    Unicode tables match headers), SQLite, python-calamine, openpyxl, sqlite-utils, from their
    installed metadata (no import)."""
    from importlib.metadata import PackageNotFoundError, version

    said = [sys.version, sqlite3.sqlite_version]
    for name in ("python-calamine", "openpyxl", "sqlite-utils"):
        try:
            said.append(f"{name} {version(name)}")
        except PackageNotFoundError:
            said.append(f"{name} ?")
    return "; ".join(said)


def options_request(options: ImportOptions, kept: list | None) -> str:
    """What an import is asked, for a session opened with `options` and not changed since;
    `kept`: the workspace's import profiles the session's policy could apply (None when it
    applies none), as they were when it was opened (one saved since is another request).
    Dicts keep their order (the first --map of a column wins), so flags in another order are
    another request (a miss, never a wrong answer)."""
    return json.dumps({"options": asdict(options), "kept": None if kept is None else
                       [repr(p) for p in kept]}, default=str, ensure_ascii=False)


def sheets_request(states: list[tuple[str, ImportOptions, bool, str | None]], kept: list | None
                   ) -> str:
    """What an import is asked, for a session whose sheets were set one by one: (sheet, its
    options, included, profile applied) per sheet, in the workbook's order, and the kept
    profiles as when it was opened."""
    return json.dumps({"sheets": [[name, asdict(o), inc, prof] for name, o, inc, prof in states],
                       "kept": None if kept is None else [repr(p) for p in kept]},
                      default=str, ensure_ascii=False)


def key(file: str, sha256: str, request: str) -> str:
    return hashlib.sha256(json.dumps([file, sha256, request, program()]).encode()).hexdigest()


def _whole(ws) -> bool:
    """The memo's tables and triggers are all there, no table it does not watch is beside the
    data, and its generation is one number: only then are its states trusted."""
    if ws.select("memo.tables_present", names=q.OWN).fetchone()[0] != len(q.OWN) or \
            ws.select("memo.triggers_present", names=q.TRIGGERS).fetchone()[0] != len(q.TRIGGERS):
        return False
    if [r[0] for r in ws.select("memo.data_tables", own=q.OWN)] != sorted(q.TRACKED):
        return False  # a table the memo does not watch: never trust it
    # its generation emptied (another tool): the triggers would count nothing
    return tuple(ws.select("memo.state_rows").fetchone()) == (1, 1)


def state(ws) -> str | None:
    """The workspace's state now (see core.queries_memo), None unless the memo is whole (no memo
    was ever kept, or another tool took part of it away)."""
    try:
        return fingerprint(ws) if _whole(ws) else None
    except sqlite3.Error:
        return None


def recall(ws, file: str, sha256: str, request: str) -> ImportResult | None:
    """What importing the file would do, if it was imported or checked with the same request
    and the workspace has not changed since: every row unchanged. Else None (read it)."""
    now = state(ws)
    if now is None:
        return None
    try:
        row = ws.select("memo.get", key=key(file, sha256, request)).fetchone()
    except sqlite3.Error:
        return None
    if row is None or row[0] != now:
        return None
    said = json.loads(row[1])
    counts = {}
    for kind, n in said["counts"].items():
        counts[Kind(kind)] = KindCounts(rows=n, unchanged=n)
    result = ImportResult(file, None, [(s, Kind(k), n) for s, k, n in said["sheets"]], counts,
                          [], list(said["skipped"]))
    result.recalled = row[2]
    return result


def recall_file(ws, path: Path, options: ImportOptions, kept: list | None) -> ImportResult | None:
    """recall() for `path` as a session opened with `options` and the kept profiles its policy
    could apply (`kept`) would import it: what the command line and the window ask before they
    read a file. None when the file cannot be hashed (the session then says why)."""
    from greenledger.core.importing.source import sha256_file

    try:
        sha = sha256_file(path)
    except OSError:
        return None
    return recall(ws, path.name, sha, options_request(options, kept))


def shown_time(stamp: str) -> str:
    """'2026-12-01 18:04 UTC' of a memo's time (core.storage.now_iso: '2026-12-01T18:04:18+00:00')."""
    return f"{stamp[:10]} {stamp[11:16]} UTC" if stamp.endswith("+00:00") else stamp


def rememberable(result: ImportResult) -> bool:
    return not result.dry_run and not result.warnings


def remember(ws, file: str, sha256: str, request: str, result: ImportResult,
             started: str | None = None) -> None:
    """Keep what `result` read for this request, with the workspace's state now: inside the
    import's own transaction, after its writes (an import that wrote nothing: see
    remember_unchanged, which gives the state `started` the import was checked against)."""
    if not rememberable(result):
        return
    now = _ensure(ws)
    if now is None or (started is not None and now != started):
        return
    said = {"sheets": [[s, k.value, n] for s, k, n in result.sheets],
            "counts": {k.value: c.inserted + c.updated + c.unchanged for k, c in result.counts.items()},
            "skipped": list(result.skipped_sheets)}
    ws.execute("memo.prune", state=now)
    ws.execute("memo.put", key=key(file, sha256, request), state=now,
               result=json.dumps(said, ensure_ascii=False), at=now_iso())


def remember_unchanged(ws, file: str, sha256: str, request: str, result: ImportResult,
                       started: str | None) -> None:
    """After an import that changed nothing (so wrote nothing): remember it, in a transaction
    of its own, if the workspace is still in the state `started` it was checked against."""
    if not rememberable(result) or result.inserted + result.updated or started is None:
        return
    try:
        with ws.writing(), ws.atomic():
            remember(ws, file, sha256, request, result, started)
    except (sqlite3.Error, WorkspaceNotWritable, OSError):
        return  # a cache: a workspace that cannot be written has none


def started_state(ws) -> str | None:
    """The state an import starts from (see remember_unchanged): the memo's tables made first,
    so that the state can be read (None when the workspace cannot be written)."""
    try:
        with ws.writing(), ws.atomic():
            return _ensure(ws)
    except (sqlite3.Error, WorkspaceNotWritable, OSError):
        return None


@contextmanager
def bulk_inserts(ws):
    """Inside an import's write transaction: the insert triggers of the tables it writes many
    rows to set aside (made again before it ends; a rollback undoes both), so its own inserts,
    seen by the counts, cost nothing per row."""
    watched = ws.select("memo.triggers_present", names=q.TRIGGERS).fetchone()[0] == len(q.TRIGGERS)
    if watched:
        for t in q.BULK:
            ws.execute(f"memo.drop_{t}_insert")
    try:
        yield
    finally:
        if watched:
            for t in q.BULK:
                ws.execute(f"memo.trigger_{t}_insert")


def fingerprint(ws) -> str | None:
    """The workspace's state as far as it can be read, trusted or not (a table of another tool
    beside the data, the memo's tables missing): what an import compares before it writes, so
    that a write of another window or process between its checks and its write is seen."""
    for name in ("memo.state", "memo.counts"):
        try:
            said = json.dumps(list(ws.select(name).fetchone()), ensure_ascii=False)
            return hashlib.sha256(said.encode()).hexdigest()
        except sqlite3.Error:
            continue
    return None


def changed_since(ws, started: str | None) -> bool:
    """Whether the workspace's fingerprint is no longer `started` (None: not known, never)."""
    return started is not None and fingerprint(ws) != started


def _ensure(ws) -> str | None:
    """The memo's tables and triggers, and the state now. Nothing is made when they are whole;
    else (never made, or a trigger or the generation gone: writes since were not counted) they
    are made again from scratch: every memo forgotten, the generation a new random number."""
    if (now := state(ws)) is not None:
        return now
    ws.execute("memo.create")
    ws.execute("memo.create_state")
    ws.execute("memo.forget_all")
    ws.execute("memo.clear_state")
    ws.execute("memo.seed_state", generation=secrets.randbits(62))
    for name in q.QUERIES:
        if name.startswith("memo.trigger_"):
            ws.execute(name)
    return state(ws)
