"""Edits of the open workspace, validated by core.editing and undoable through one QUndoStack.

A command holds the state of the rows before and after a change (core.editing.State), so
undo and redo just write one state or the other, each in one transaction.

An edit of more than EDIT_SYNC_ROWS rows (a big paste or delete, and the undo or redo of one)
runs on a pool thread (gui.workers.edit_job, a connection of its own: the workspace is WAL, so
the window keeps reading), with progress and Cancel in the window's status bar; Cancel rolls
the transaction back. Meanwhile the workspace takes no other edit (`busy`); at the end the same
command is pushed as for a small edit, so one Ctrl+Z takes the whole paste back.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable, Mapping, Sequence
from functools import partial

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QLockFile,
    QObject,
    QThreadPool,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QWidget,
)

from greenledger.core import editing
from greenledger.core.errors import GreenLedgerError, ImportRefused, Problem, error_text
from greenledger.core.fields import Kind
from greenledger.core.storage import Workspace
from greenledger.gui import workers

READ_ONLY_NOTICE = QT_TRANSLATE_NOOP(
    "EditController",
    "read-only: this workspace is open in another GreenLedger window; close it there to make changes here",
)
BUSY_NOTICE = QT_TRANSLATE_NOOP(
    "EditController", "{0} rows are being written: no other edit until they are done (or cancelled)")
CANCELLED = QT_TRANSLATE_NOOP("EditController", "Cancelled: nothing was changed")
UNDOING = QT_TRANSLATE_NOOP("EditController", "Undoing {0} ({1} rows)…")
REDOING = QT_TRANSLATE_NOOP("EditController", "Redoing {0} ({1} rows)…")
UNDONE = QT_TRANSLATE_NOOP("EditController", "Undone: {0}")
REDONE = QT_TRANSLATE_NOOP("EditController", "Redone: {0}")
Rows = Sequence[tuple[int | None, Mapping[str, str]]]
EDIT_SYNC_ROWS = 5_000  # an edit of more rows runs on a pool thread (5,000 rows take ~0.8 s)


# --- the status-bar strip of a running edit ---------------------------------------------------


class EditStatusView(QWidget):
    """What is being written, how far, and Cancel (in the window's status bar)."""

    cancel_requested = Signal()

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel(text + " · " + self.tr("no other edit until done"), self)
        self.label.setToolTip(self.tr("Cancel leaves the workspace as it was before"))
        self.bar = QProgressBar(self)
        self.bar.setFixedWidth(220)
        self.bar.setRange(0, 0)  # busy until the first report
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.clicked.connect(self.cancel_requested)
        self.cancel_button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        layout.addWidget(self.cancel_button)

    def set_progress(self, done: int, total: int) -> None:
        self.bar.setRange(0, total)
        self.bar.setValue(done)

    def cancelling(self) -> None:
        self.label.setText(self.tr("Cancelling: rolling back…"))
        self.cancel_button.setEnabled(False)


class _Job(QObject):
    """A running edit: its worker's outcome reaches `on_end` through these slots, on the GUI
    thread (a lambda connected to the worker's signals would run on the pool thread)."""

    def __init__(self, controller: EditController, worker: workers.Worker, ended: threading.Event,
                 rows: int, on_end) -> None:
        super().__init__(controller)
        self.worker, self.ended, self.rows, self.on_end = worker, ended, rows, on_end
        self.view: EditStatusView | None = None
        worker.signals.succeeded.connect(self.finished)
        worker.signals.failed.connect(self.finished)

    @Slot(object)
    def finished(self, outcome: object) -> None:
        self.deleteLater()
        self.parent()._end(self, outcome)


# --- the undo commands -----------------------------------------------------------------------


class _Step(QUndoCommand):
    """A command whose first redo (the push) writes nothing: the change is already written. A
    step the controller refuses or cannot finish is skipped when the stack moves back over it."""

    def __init__(self, controller: EditController, text: str) -> None:
        super().__init__(text)
        self._controller = controller
        self.skip = True

    def redo(self) -> None:
        if self.skip:
            self.skip = False
        elif not self._controller.refuse_step(self, undoing=False):
            self._redo()

    def undo(self) -> None:
        if self.skip:
            self.skip = False
        elif not self._controller.refuse_step(self, undoing=True):
            self._undo()

    def _redo(self) -> None:  # pragma: no cover - each command has its own
        raise NotImplementedError

    def _undo(self) -> None:  # pragma: no cover
        raise NotImplementedError


class ChangeCommand(_Step):
    def __init__(
        self, controller: EditController, kind: Kind, before: editing.State, after: editing.State, text: str
    ) -> None:
        super().__init__(controller, text)
        self.kind, self.before, self.after = kind, before, after

    def _redo(self) -> None:
        self._controller.write(self.kind, self.after, self, undoing=False)

    def _undo(self) -> None:
        self._controller.write(self.kind, self.before, self, undoing=True)


class UndoImportCommand(_Step):
    def __init__(self, controller: EditController, snapshot: editing.BatchSnapshot) -> None:
        text = QCoreApplication.translate("EditController", "Undo import of {0}")
        super().__init__(controller, text.format(snapshot.batch["file_name"]))
        self._snap = snapshot

    def _redo(self) -> None:
        self._controller.run(editing.delete_batch, self._snap.batch["id"])

    def _undo(self) -> None:
        self._controller.run(editing.restore_batch, self._snap)


class ImportCommand(_Step):
    """An import that only added rows, on the undo stack: undo removes its batch, redo puts it back
    (an import that changed existing rows cannot be undone whole: it clears the history instead)."""

    def __init__(self, controller: EditController, batch_id: int, file_name: str) -> None:
        text = QCoreApplication.translate("EditController", "Import {0}")
        super().__init__(controller, text.format(file_name))
        self._batch_id = batch_id
        self._snap: editing.BatchSnapshot | None = None

    def _redo(self) -> None:
        if self._snap is not None:
            self._controller.run(editing.restore_batch, self._snap)

    def _undo(self) -> None:
        try:
            self._snap = editing.delete_batch(self._controller.ws, self._batch_id)
        except GreenLedgerError as exc:
            self._controller.failed.emit(error_text(exc))
            self.setObsolete(True)  # leaves the stack: the import stays
        self._controller.changed.emit(None)


class EditController(QObject):
    """Validates and writes edits of `workspace`; `changed` after every write."""

    changed = Signal(object)  # (Kind, [row ids]) for rows of one kind, None for anything
    failed = Signal(str)  # an undo or redo that could not be written
    busy_changed = Signal(bool)  # an edit of many rows started (True) or ended on a pool thread
    message = Signal(str)  # a status-bar line (also shown in the window's status bar)

    def __init__(self, workspace: Workspace, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.undo_stack = QUndoStack(self)
        self.last_counts = (0, 0, 0)  # the last submit's rows (changed, added, unchanged)
        self._lock: QLockFile | None = None
        self._job: _Job | None = None
        self.open(workspace)

    def open(self, workspace: Workspace) -> None:
        """Take `workspace` over; read-only when another GreenLedger window holds its lock."""
        self.ws, self.closed = workspace, False
        self._lock = QLockFile(str(workspace.path) + ".lock")
        self._lock.setStaleLockTime(0)  # a lock left by a crashed process is stale (pid check)
        self.read_only = not self._lock.tryLock(200)
        self.undo_stack.clear()

    def close(self) -> None:
        if not self.closed:
            self.closed = True
            self.wait()
            self.ws.close()
            if self._lock is not None and not self.read_only:
                self._lock.unlock()

    # --- an edit of many rows on a pool thread -------------------------------------------------

    @property
    def busy(self) -> bool:
        """An edit of many rows is being written: the workspace takes no other edit meanwhile."""
        return self._job is not None

    @property
    def progress_view(self) -> EditStatusView | None:
        """The status-bar strip of the edit being written (None when none is)."""
        return self._job.view if self._job is not None else None

    @property
    def busy_text(self) -> str:
        rows = self._job.rows if self._job is not None else 0
        return QCoreApplication.translate("EditController", BUSY_NOTICE).format(f"{rows:,}")

    @staticmethod
    def in_worker(rows: int) -> bool:
        """Whether an edit of `rows` rows runs on a pool thread (more than EDIT_SYNC_ROWS)."""
        return rows > EDIT_SYNC_ROWS

    def cancel(self) -> None:
        """Cancel the edit being written (its transaction is rolled back)."""
        job = self._job
        if job is not None:
            job.worker.cancel()
            if job.view is not None:
                with contextlib.suppress(RuntimeError):
                    job.view.cancelling()

    def wait(self, seconds: float = 30) -> None:
        """Cancel the edit being written and wait for its connection to close (the window closes
        or opens another workspace): the workspace is left as it was before the edit."""
        job = self._job
        if job is not None:
            self.cancel()
            job.ended.wait(seconds)

    def _start(self, text: str, rows: int, job: Callable, on_end: Callable[[object], None]) -> None:
        """Run `job(ws, progress=..., cancelled=...)` on a pool thread; `on_end(result or the
        exception)` on the GUI thread."""
        ended = threading.Event()
        worker = workers.Worker(workers.edit_job, workspace=self.ws.path, job=job, ended=ended)
        self._job = current = _Job(self, worker, ended, rows, on_end)
        window = self.parent()
        if isinstance(window, QMainWindow):  # progress and Cancel in its status bar
            current.view = EditStatusView(text, window)
            current.view.cancel_requested.connect(self.cancel)
            worker.signals.progress.connect(current.view.set_progress)
            window.statusBar().insertPermanentWidget(0, current.view)
            current.view.show()
        self.busy_changed.emit(True)
        QThreadPool.globalInstance().start(worker)

    def _end(self, job: _Job, outcome: object) -> None:
        if job is not self._job:
            return
        self._job = None
        if job.view is not None:
            with contextlib.suppress(RuntimeError):  # its window closed meanwhile
                job.view.deleteLater()
                job.view.hide()
        self.busy_changed.emit(False)
        if self.closed:  # the window closed or opened another workspace: nothing to show
            return
        if isinstance(outcome, editing.EditCancelled):
            self.say(QCoreApplication.translate("EditController", CANCELLED))
            job.on_end(outcome)
            return
        job.on_end(outcome)
        if isinstance(outcome, Exception) and not isinstance(outcome, GreenLedgerError):
            raise outcome  # a bug: the top-level hook logs it and shows the error dialog

    def say(self, text: str) -> None:
        """A status-bar line: `message`, and the window's status bar."""
        self.message.emit(text)
        window = self.parent()
        if isinstance(window, QMainWindow):
            window.statusBar().showMessage(text, 8000)

    def refuse_step(self, command: _Step, undoing: bool) -> bool:
        """An undo or redo asked while an edit is being written: the stack steps back over
        `command` (which writes nothing then) once this call has returned."""
        if not self.busy:
            return False
        command.skip = True
        QTimer.singleShot(0, self.undo_stack.redo if undoing else self.undo_stack.undo)
        self.say(self.busy_text)
        return True

    def _step_back(self, command: _Step, undoing: bool) -> None:
        """An undo or redo that was not written: the stack's position goes back where it was."""
        with contextlib.suppress(RuntimeError):  # the history was cleared meanwhile
            command.skip = True
            self.undo_stack.redo() if undoing else self.undo_stack.undo()

    # --- edits -------------------------------------------------------------------------------

    def check(self, kind: Kind, rows: Rows) -> list[Problem]:
        """The problems of `rows` (id or None, field texts), without writing anything."""
        try:
            editing.check_rows(self.ws, kind, rows)
        except ImportRefused as exc:
            return exc.problems
        return []

    def _refused(self) -> str | None:
        if self.closed or self.read_only:
            return self.refusal
        if self.busy:
            return self.busy_text
        return None

    def _refusal_problem(self, refusal: str) -> Problem:
        if self.busy:
            return Problem(editing.EDIT_FILE, refusal, code="busy")
        return Problem(editing.EDIT_FILE, refusal)

    def submit(self, kind: Kind, rows: Rows, text: str) -> list[Problem]:
        """Validate `rows` as one batch and write them (undoably), or write nothing and
        return every problem."""
        refusal = self._refused()
        if refusal:
            return [self._refusal_problem(refusal)]
        try:
            checked = editing.check_rows(self.ws, kind, rows)
        except ImportRefused as exc:
            return exc.problems
        before = editing.state_of(self.ws, kind, checked.state)
        try:
            editing.apply_state(self.ws, kind, checked.state)
        except GreenLedgerError as exc:
            return [Problem(editing.EDIT_FILE, error_text(exc))]
        self.last_counts = editing.change_counts(before, checked.state)
        self.undo_stack.push(ChangeCommand(self, kind, before, checked.state, text))
        self.changed.emit((kind, list(checked.state)))
        return []

    def paste(self, kind: Kind, over, grid: list[list[str]], fields: list[str], text: str,
              done: Callable[[list[Problem]], None]) -> None:
        """A paste of many rows on a pool thread (see paste_texts for `over`): checked and written
        as `submit` does; `done(problems)` at the end ([] when written: `last_counts` says how;
        not called when cancelled: the status bar says so)."""
        refusal = self._refused()
        if refusal:
            done([self._refusal_problem(refusal)])
            return

        def end(outcome: object) -> None:
            if isinstance(outcome, tuple):
                before, after = outcome
                self.last_counts = editing.change_counts(before, after)
                self.undo_stack.push(ChangeCommand(self, kind, before, after, text))
                self.changed.emit((kind, workers.moved(before, after)))
                done([])
            elif isinstance(outcome, ImportRefused):
                done(outcome.problems)
            elif isinstance(outcome, GreenLedgerError) and not isinstance(outcome, editing.EditCancelled):
                done([Problem(editing.EDIT_FILE, error_text(outcome))])

        label = QCoreApplication.translate("EditController", "Pasting {0} rows…").format(f"{len(grid):,}")
        job = partial(workers.paste_job, kind=kind, over=over, grid=grid, fields=fields)
        self._start(label, len(grid), job, end)

    @property
    def refusal(self) -> str:
        if self.closed:
            return self.tr("the workspace is closed")
        return self.tr(READ_ONLY_NOTICE)

    def delete(self, kind: Kind, ids: Sequence[int], done: Callable[[str | None], None] | None = None,
               ) -> str | None:
        """Delete rows `ids` (undoably); the reason when refused. More than EDIT_SYNC_ROWS rows
        (with `done`) are deleted on a pool thread: None at once, `done(reason or None)` at the
        end (not called when cancelled)."""
        refusal = self._refused()
        if refusal:
            return refusal
        text = self.tr("Delete {0} row(s)").format(len(ids))
        if done is not None and self.in_worker(len(ids)):
            def end(outcome: object) -> None:
                if isinstance(outcome, tuple):
                    before, after = outcome
                    self.undo_stack.push(ChangeCommand(self, kind, before, after, text))
                    self.changed.emit((kind, workers.moved(before, after)))
                    done(None)
                elif isinstance(outcome, GreenLedgerError) and not isinstance(outcome, editing.EditCancelled):
                    done(error_text(outcome))

            label = QCoreApplication.translate("EditController", "Deleting {0} rows…").format(f"{len(ids):,}")
            self._start(label, len(ids), partial(workers.delete_job, kind=kind, ids=list(ids)), end)
            return None
        try:
            after = editing.deletion(self.ws, kind, ids)
            before = editing.state_of(self.ws, kind, ids)
            editing.apply_state(self.ws, kind, after)
        except GreenLedgerError as exc:
            return error_text(exc)
        self.undo_stack.push(ChangeCommand(self, kind, before, after, text))
        self.changed.emit((kind, list(ids)))
        return None

    def undo_import(self, batch_id: int) -> str | None:
        """Remove every row of import batch `batch_id` (undoably); the reason when refused."""
        refusal = self._refused()
        if refusal:
            return refusal
        try:
            snap = editing.delete_batch(self.ws, batch_id)
        except GreenLedgerError as exc:
            return error_text(exc)
        self.undo_stack.push(UndoImportCommand(self, snap))
        self.changed.emit(None)
        return None

    def record_import(self, batch_id: int | None, file_name: str, updated: int) -> None:
        """After an import: undoable when it only added rows, else the history ends here (the
        earlier commands' states may predate the rows it changed)."""
        if batch_id is None:
            return
        if updated:
            self.undo_stack.clear()
        else:
            self.undo_stack.push(ImportCommand(self, batch_id, file_name))

    def write(self, kind: Kind, state: editing.State, command: ChangeCommand | None = None,
              undoing: bool = True) -> None:
        """Write `state` (`command`'s undo or redo): on a pool thread when it has many rows; a
        write that fails or is cancelled leaves the stack where it was."""
        if command is None or not self.in_worker(len(state)):
            if not self.run(editing.apply_state, kind, state, change=(kind, list(state))) and command:
                QTimer.singleShot(0, partial(self._step_back, command, undoing))
            return
        other = command.after if undoing else command.before
        what = UNDOING if undoing else REDOING
        label = QCoreApplication.translate("EditController", what).format(command.text(), f"{len(state):,}")

        def end(outcome: object) -> None:
            if isinstance(outcome, Exception):
                self._step_back(command, undoing)
                if isinstance(outcome, GreenLedgerError) and not isinstance(outcome, editing.EditCancelled):
                    self.failed.emit(error_text(outcome))
                return
            self.changed.emit((kind, workers.moved(other, state)))
            done = UNDONE if undoing else REDONE
            self.say(QCoreApplication.translate("EditController", done).format(command.text()))

        self._start(label, len(state), partial(workers.write_job, kind=kind, state=state), end)

    def run(self, fn, *args, change: tuple | None = None) -> bool:
        try:
            fn(self.ws, *args)
        except GreenLedgerError as exc:
            self.failed.emit(error_text(exc))
            change = None
            ok = False
        else:
            ok = True
        self.changed.emit(change)
        return ok
