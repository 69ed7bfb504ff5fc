"""The import assistant reads its file on a worker: a window that closes its workspace meanwhile
(it opened another, or closed) closes the assistant when the read comes in, rather than raising
'Cannot operate on a closed database' from the event loop (a test teardown raced into it)."""

from __future__ import annotations

from greenledger.core.storage import Workspace
from greenledger.gui.import_assistant import ImportAssistant
from tests.conftest import SITES, write_workbook


def test_a_read_that_comes_in_after_the_workspace_closed_closes_the_assistant(qtbot, tmp_path):
    ws = Workspace.open(tmp_path / "w.greenledger")
    book = write_workbook(tmp_path / "sites.xlsx", {"Sites": SITES})
    dialog = ImportAssistant(book, ws, start=lambda p, plans: True)
    qtbot.addWidget(dialog)
    dialog.show()
    ws.close()  # before the worker's read is delivered on the event loop
    assert not ws.is_open()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10_000)
    assert dialog.session is None  # nothing was taken from the read


def test_an_open_workspace_keeps_the_assistant(qtbot, tmp_path):
    ws = Workspace.open(tmp_path / "w.greenledger")
    book = write_workbook(tmp_path / "sites.xlsx", {"Sites": SITES})
    dialog = ImportAssistant(book, ws, start=lambda p, plans: True)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.session is not None, timeout=10_000)
    assert dialog.isVisible() and ws.is_open()
    ws.close()


def test_opening_another_workspace_closes_the_assistant_of_the_last(qtbot, window, tmp_path):
    """Its plans were checked against the workspace it opened on: Import must not send them to
    the next one."""
    book = write_workbook(tmp_path / "sites.xlsx", {"Sites": SITES})
    dialog = window.open_import_assistant(book)
    qtbot.waitUntil(lambda: dialog.session is not None, timeout=10_000)
    window.open_workspace(tmp_path / "other.greenledger")
    assert not dialog.isVisible() and window.import_assistant is None
    assert window.workspace.path == tmp_path / "other.greenledger"
    window.open_workspace(tmp_path / "third.greenledger")  # nothing open: nothing to close
