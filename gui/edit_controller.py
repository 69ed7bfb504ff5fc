"""Edits of the open workspace, validated by core.editing and undoable through one QUndoStack.

A command holds the state of the rows before and after a change (core.editing.State), so
undo and redo just write one state or the other, each in one transaction.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLockFile, QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from greenledger.core import editing
from greenledger.core.errors import GreenLedgerError, ImportRefused, Problem, error_text
from greenledger.core.fields import Kind
from greenledger.core.storage import Workspace

READ_ONLY_NOTICE = QT_TRANSLATE_NOOP(
    "EditController",
    "read-only: this workspace is open in another GreenLedger window; close it there to make changes here",
)
Rows = Sequence[tuple[int | None, Mapping[str, str]]]


class ChangeCommand(QUndoCommand):
    def __init__(
        self, controller: EditController, kind: Kind, before: editing.State, after: editing.State, text: str
    ) -> None:
        super().__init__(text)
        self._controller, self._kind = controller, kind
        self._before, self._after = before, after
        self._first = True  # the change is already written when the command is pushed

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        self._controller.write(self._kind, self._after)

    def undo(self) -> None:
        self._controller.write(self._kind, self._before)


class UndoImportCommand(QUndoCommand):
    def __init__(self, controller: EditController, snapshot: editing.BatchSnapshot) -> None:
        super().__init__(
            QCoreApplication.translate("EditController", "Undo import of {0}").format(
                snapshot.batch["file_name"]
            )
        )
        self._controller, self._snap = controller, snapshot
        self._first = True

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        self._controller.run(editing.delete_batch, self._snap.batch["id"])

    def undo(self) -> None:
        self._controller.run(editing.restore_batch, self._snap)


class ImportCommand(QUndoCommand):
    """An import that only added rows, on the undo stack: undo removes its batch, redo puts it back
    (an import that changed existing rows cannot be undone whole: it clears the history instead)."""

    def __init__(self, controller: EditController, batch_id: int, file_name: str) -> None:
        super().__init__(QCoreApplication.translate("EditController", "Import {0}").format(file_name))
        self._controller, self._batch_id = controller, batch_id
        self._snap: editing.BatchSnapshot | None = None

    def redo(self) -> None:
        if self._snap is not None:  # not on the first push: the import is already written
            self._controller.run(editing.restore_batch, self._snap)

    def undo(self) -> None:
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

    def __init__(self, workspace: Workspace, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.undo_stack = QUndoStack(self)
        self.last_counts = (0, 0, 0)  # the last submit's rows (changed, added, unchanged)
        self._lock: QLockFile | None = None
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
            self.ws.close()
            if self._lock is not None and not self.read_only:
                self._lock.unlock()

    def check(self, kind: Kind, rows: Rows) -> list[Problem]:
        """The problems of `rows` (id or None, field texts), without writing anything."""
        try:
            editing.check_rows(self.ws, kind, rows)
        except ImportRefused as exc:
            return exc.problems
        return []

    def submit(self, kind: Kind, rows: Rows, text: str) -> list[Problem]:
        """Validate `rows` as one batch and write them (undoably), or write nothing and
        return every problem."""
        if self.closed or self.read_only:
            return [Problem(editing.EDIT_FILE, self.refusal)]
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

    @property
    def refusal(self) -> str:
        if self.closed:
            return self.tr("the workspace is closed")
        return self.tr(READ_ONLY_NOTICE)

    def delete(self, kind: Kind, ids: Sequence[int]) -> str | None:
        """Delete rows `ids` (undoably); the reason when refused."""
        if self.closed or self.read_only:
            return self.refusal
        try:
            after = editing.deletion(self.ws, kind, ids)
            before = editing.state_of(self.ws, kind, ids)
            editing.apply_state(self.ws, kind, after)
        except GreenLedgerError as exc:
            return error_text(exc)
        n = len(ids)
        self.undo_stack.push(ChangeCommand(self, kind, before, after, self.tr("Delete {0} row(s)").format(n)))
        self.changed.emit((kind, list(ids)))
        return None

    def undo_import(self, batch_id: int) -> str | None:
        """Remove every row of import batch `batch_id` (undoably); the reason when refused."""
        if self.closed or self.read_only:
            return self.refusal
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

    def write(self, kind: Kind, state: editing.State) -> None:
        self.run(editing.apply_state, kind, state, change=(kind, list(state)))

    def run(self, fn, *args, change: tuple | None = None) -> None:
        try:
            fn(self.ws, *args)
        except GreenLedgerError as exc:
            self.failed.emit(error_text(exc))
            change = None
        self.changed.emit(change)
