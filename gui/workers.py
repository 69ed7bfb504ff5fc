"""Running core functions off the GUI thread (QRunnable on the global QThreadPool)."""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from greenledger.core.storage import Workspace


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
