"""Running core functions off the GUI thread (QRunnable on the global QThreadPool)."""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from greenledger.core import editing
from greenledger.core.errors import WorkspaceError
from greenledger.core.fields import Kind
from greenledger.core.storage import Workspace

READ_CHUNK = 500  # rows pasted over read at a time (core.pages.rows; 20,000 at once take 2 s)


class WorkerSignals(QObject):
    progress = Signal(int, int)  # rows done, rows in all
    succeeded = Signal(object)
    failed = Signal(object)  # the exception: ImportRefused, ImportCancelled, GreenLedgerError ...


_RUNNING: set = set()  # the Background's workers until they report (the pool holds no Python reference)


class Worker(QRunnable):
    """Runs `fn(progress=..., cancelled=..., **kwargs)` on a pool thread; reports by signals."""

    def __init__(self, fn: Callable[..., object], /, **kwargs) -> None:
        super().__init__()
        self.setAutoDelete(False)  # the window keeps it until it reports back
        self.signals = WorkerSignals()  # created on the GUI thread
        self._fn, self._kwargs = fn, kwargs
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    def run(self) -> None:
        try:
            result = self._fn(progress=self.signals.progress.emit,
                              cancelled=self._cancel.is_set, **self._kwargs)
        except Exception as exc:  # noqa: BLE001 - report, don't kill the pool thread
            self._report(self.signals.failed, exc)
        else:
            self._report(self.signals.succeeded, result)

    def _report(self, signal, value: object) -> None:
        with contextlib.suppress(RuntimeError):  # its window closed meanwhile: nobody to tell
            signal.emit(value)


def import_workbook(*, workspace: Path, file: Path, plans=None, progress, cancelled):
    """An import (an ImportResult) on its own SQLite connection (one per thread). `plans`: the
    import assistant's ImportSession, or its `included_plans` (which know their session): the
    import runs through `ImportSession.import_into`, the call `greenledger import` makes, so the
    file-changed check and the checks run inside it. None: a session opened on the file as
    `greenledger import FILE` opens it (the workspace's kept profiles applied)."""
    from greenledger.core.importing import profiles  # not at the window's start-up
    from greenledger.core.importing.session import ImportSession

    session = plans if isinstance(plans, ImportSession) else getattr(plans, "session", None)
    if plans is not None and session is None:
        raise TypeError("import_workbook takes the import assistant's session, not bare plans")
    with Workspace.open(workspace, create=False) as ws:
        if session is None:
            session = ImportSession.open(file, kept=profiles.kept(ws), progress=progress)
        with ws.writing():  # a full disk: WorkspaceNotWritable
            return session.import_into(ws, progress=progress, cancelled=cancelled)


class ImportRunner(QObject):
    """One import at a time on the global pool; `finished` gets the ImportResult or the
    exception (ImportRefused, ImportCancelled, ...), always on the GUI thread."""

    started = Signal(str)  # file name
    progress = Signal(int, int)
    finished = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._worker: Worker | None = None

    @property
    def running(self) -> bool:
        return self._worker is not None

    def start(self, workspace: Path, file: Path, plans=None) -> bool:
        if self._worker is not None:
            return False
        self._worker = Worker(import_workbook, workspace=workspace, file=file, plans=plans)
        self._worker.signals.progress.connect(self.progress)
        self._worker.signals.succeeded.connect(self._on_worker_done)
        self._worker.signals.failed.connect(self._on_worker_done)
        self.started.emit(file.name)
        QThreadPool.globalInstance().start(self._worker)
        return True

    def cancel(self) -> None:
        if self._worker is not None:
            self._worker.cancel()

    def wait(self, ms: int = 10000) -> None:
        """Cancel and wait (closing the window)."""
        self.cancel()
        QThreadPool.globalInstance().waitForDone(ms)

    def _on_worker_done(self, outcome: object) -> None:
        self._worker = None
        self.finished.emit(outcome)


# --- writing a big edit off the GUI thread (gui.edit_controller) -----------------------------


def edit_job(*, workspace: Path, job: Callable[..., object], ended: threading.Event, progress, cancelled):
    """`job(ws, progress=..., cancelled=...)` (a paste, delete, undo or redo of many rows) on a
    connection of its own; `ended` is set once the connection is closed, whatever happened."""
    try:
        with Workspace.open(workspace, create=False) as ws:
            return job(ws, progress=progress, cancelled=cancelled)
    finally:
        ended.set()


# --- the edits of many rows (gui.edit_controller): plain Python on the worker's connection -------


class _Phases:
    """The progress of a job made of phases, each a share (in per mille) of the whole, said
    in per cent."""

    def __init__(self, progress: Callable[[int, int], None], *shares: int) -> None:
        self._emit, self._starts, self._shares, self._last = progress, [], shares, -1
        at = 0
        for share in shares:
            self._starts.append(at)
            at += share

    def part(self, k: int) -> Callable[[int, int], None]:
        def report(done: int, total: int) -> None:
            now = (self._starts[k] + (self._shares[k] * done // total if total else 0)) // 10
            if now != self._last:  # a signal per per cent, not per row (PySide 6.12's emit()
                self._last = now  # drops a reference to True each time it is called)
                self._emit(now, 100)
        return report


def paste_texts(ws: Workspace, kind: Kind, over, grid: list[list[str]], fields: list[str],
                cancelled=None, progress=None) -> list[tuple[int | None, dict[str, str]]]:
    """The rows of a paste as check_rows takes them: `over` (the ids of the rows shown from the
    current cell down, or (PageSpec, first row, how many) to read them in the view's order) get
    the pasted cells of their fields, the grid's rows past them are new rows."""
    from greenledger.core import pages

    if isinstance(over, tuple):
        spec, first, n = over
        over = list(pages.ids(ws, spec, n, first)) if n else []
    rows: list[tuple[int | None, dict[str, str]]] = []
    for at in range(0, len(over), READ_CHUNK):
        editing._stop_if(cancelled)
        ids = over[at:at + READ_CHUNK]
        found = {r["id"]: r for r in pages.rows(ws, kind, ids)}
        if len(found) != len(ids):
            raise WorkspaceError("rows pasted over are no longer in the workspace; nothing was changed")
        rows += [(i, editing.row_texts(kind, found[i])) for i in ids]
        if progress is not None:
            progress(len(rows), len(grid))
    for _ in range(len(grid) - len(rows)):
        texts = dict.fromkeys(fields, "")
        if kind == Kind.PACKAGING:
            texts["unit"] = "kg"
        rows.append((None, texts))
    for (_, texts), cells in zip(rows, grid, strict=True):
        for f, cell in zip(fields, cells, strict=False):
            texts[f] = cell.strip()
    return rows


def paste_job(ws: Workspace, *, kind: Kind, over, grid, fields, progress, cancelled):
    """Check and write a paste; (state before, state after)."""
    phases = _Phases(progress, 100, 450, 50, 400)
    rows = paste_texts(ws, kind, over, grid, fields, cancelled, phases.part(0))
    checked = editing.check_rows(ws, kind, rows, cancelled=cancelled, progress=phases.part(1))
    before = editing.state_of(ws, kind, checked.state, cancelled=cancelled)
    phases.part(2)(1, 1)
    editing.apply_state(ws, kind, checked.state, cancelled=cancelled, progress=phases.part(3))
    return before, checked.state


def delete_job(ws: Workspace, *, kind: Kind, ids, progress, cancelled):
    """Delete rows `ids` (WorkspaceError when others depend on them); (before, after)."""
    phases = _Phases(progress, 100, 100, 800)
    after = editing.deletion(ws, kind, ids)
    phases.part(0)(1, 1)
    before = editing.state_of(ws, kind, ids, cancelled=cancelled)
    phases.part(1)(1, 1)
    editing.apply_state(ws, kind, after, cancelled=cancelled, progress=phases.part(2))
    return before, after


def write_job(ws: Workspace, *, kind: Kind, state, progress, cancelled):
    """Write `state` (an undo or redo)."""
    editing.apply_state(ws, kind, state, cancelled=cancelled, progress=_Phases(progress, 1000).part(0))


def moved(before: editing.State, after: editing.State) -> list[int]:
    """The rows that came or went between the two states (a lazy table places or drops them;
    the rows it shows are read again anyway)."""
    return [i for i in after if (before.get(i) is None) != (after[i] is None)]


# --- reading a big workspace off the GUI thread (the lazy tables and the dashboard) -----------


def page_order(*, workspace: Path, spec, progress, cancelled):
    """The row ids of a lazy table in `spec`'s order (core.pages.ids), on a connection of its own."""
    from greenledger.core import pages

    with Workspace.open(workspace, create=False) as ws:
        return pages.ids(ws, spec, cancelled=cancelled)


def workspace_summary(*, workspace: Path, progress, cancelled):
    """The typed summary (core.accounting.build_summary) on a connection of its own."""
    from greenledger.core.accounting import build_summary

    with Workspace.open(workspace, create=False) as ws:
        return build_summary(ws)


class Background(QObject):
    """Reads on the global pool by key: a new request of a key cancels the one before it, whose
    result is dropped; `done(result)` or `failed(exception)` is called on the GUI thread."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._workers: dict[str, Worker] = {}
        self._held: list[Worker] | None = None

    def hold(self) -> None:
        """Queue the workers started from now on until `release` (the window's first paint: a
        worker's Python competes with the GUI thread for the interpreter)."""
        if self._held is None:
            self._held = []

    def release(self) -> None:
        held, self._held = self._held or [], None
        for worker in held:
            if worker in self._workers.values():  # not replaced or cancelled meanwhile
                QThreadPool.globalInstance().start(worker)
            else:
                _RUNNING.discard(worker)

    def busy(self, key: str) -> bool:
        return key in self._workers

    def start(self, key: str, fn: Callable[..., object], done: Callable[[object], None],
              failed: Callable[[Exception], None], **kwargs) -> None:
        old = self._workers.pop(key, None)
        if old is not None:
            old.cancel()
        worker = self._workers[key] = Worker(fn, **kwargs)
        reply = _Reply(self, key, worker, done, failed)  # lives on the GUI thread: queued calls
        worker.signals.succeeded.connect(reply.succeeded)
        worker.signals.failed.connect(reply.failed)
        _RUNNING.add(worker)
        if self._held is not None:
            self._held.append(worker)
        else:
            QThreadPool.globalInstance().start(worker)

    def _finish(self, key: str, worker: Worker) -> bool:
        if self._workers.get(key) is not worker:  # replaced, or cancelled
            return False
        del self._workers[key]
        return True

    def cancel(self, key: str) -> None:
        """Drop the request `key` (its result will not be called; the read stops where it can)."""
        worker = self._workers.pop(key, None)
        if worker is not None:
            worker.cancel()

    def cancel_all(self) -> None:
        for worker in self._workers.values():
            worker.cancel()
        self._workers.clear()
        self._held = None


class _Reply(QObject):
    def __init__(self, owner: Background, key: str, worker: Worker, done, failed) -> None:
        super().__init__(owner)
        self._owner, self._key, self._worker, self._done, self._failed = owner, key, worker, done, failed

    @Slot(object)
    def succeeded(self, result: object) -> None:
        self._end(self._done, result)

    @Slot(object)
    def failed(self, exc: object) -> None:
        self._end(self._failed, exc)

    def _end(self, call, outcome) -> None:
        _RUNNING.discard(self._worker)  # on the GUI thread, after the worker's last word
        current = self._owner._finish(self._key, self._worker)
        self.deleteLater()
        if current:
            call(outcome)
