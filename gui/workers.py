"""Running core functions off the GUI thread (QRunnable on the global QThreadPool)."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from greenledger.core.importing import assistant
from greenledger.core.importing.importer import ImportResult
from greenledger.core.storage import Workspace


class WorkerSignals(QObject):
    progress = Signal(int, int)  # rows done, rows in all
    succeeded = Signal(object)
    failed = Signal(object)  # the exception: ImportRefused, ImportCancelled, GreenLedgerError ...


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
            self.signals.failed.emit(exc)
        else:
            self.signals.succeeded.emit(result)


def import_workbook(*, workspace: Path, file: Path, plans=None, progress, cancelled) -> ImportResult:
    """The `greenledger import` path, on its own SQLite connection (one per thread): the
    import assistant's `plans` of the file as the analyst left them, else as analysed."""
    with Workspace.open(workspace, create=False) as ws, ws.writing():  # a full disk: WorkspaceNotWritable
        if plans is not None:
            return assistant.import_plans(ws, file, plans, progress=progress, cancelled=cancelled)
        return assistant.import_file(ws, file, progress=progress, cancelled=cancelled)


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
