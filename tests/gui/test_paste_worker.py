"""A paste or delete of many rows (issue 15) is checked and written on a pool thread: the window
keeps running, the status bar shows progress with Cancel, Cancel rolls the transaction back, and
the same undo command as for a small paste is pushed (one Ctrl+Z takes it all back).

Real window on a real demo workspace; the threshold (EDIT_SYNC_ROWS) is lowered so that a block of
a few dozen rows takes the worker's path. A gate (threading.Event) holds the worker inside its
write so the test can look at the window while the write is under way."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt, QTimer

from greenledger.core import editing
from greenledger.core.fields import Kind
from greenledger.core.storage import Workspace
from greenledger.gui import edit_controller, workers
from tests.gui.helpers import query

BLOCK_ROWS = 40  # above the lowered threshold


@pytest.fixture(autouse=True)
def small_threshold(monkeypatch):
    monkeypatch.setattr(edit_controller, "EDIT_SYNC_ROWS", 20)


def dump(path: Path) -> dict[str, list[tuple]]:
    """Every row of every table of the workspace (the rows and the figures kept of them)."""
    conn = sqlite3.connect(str(path))
    try:
        names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' "
                                            "AND name NOT LIKE 'sqlite_%' ORDER BY name")]
        return {n: conn.execute(f'SELECT * FROM "{n}" ORDER BY 1').fetchall() for n in names}
    finally:
        conn.close()


class Gate:
    """Holds the worker in `Workspace.write_records` after its first chunk until `open()`."""

    def __init__(self, monkeypatch) -> None:
        self.reached, self._open = threading.Event(), threading.Event()
        real = Workspace.write_records

        def held(ws, *args, **kwargs):
            real(ws, *args, **kwargs)
            if threading.current_thread() is not threading.main_thread():
                self.reached.set()
                assert self._open.wait(30), "the test never opened the gate"

        monkeypatch.setattr(Workspace, "write_records", held)
        monkeypatch.setattr(editing, "WRITE_CHUNK", 5)  # a write of many chunks

    def open(self) -> None:
        self._open.set()


def _energy(window):
    window.sidebar.setCurrentRow(1)
    view = window.tables[Kind.ENERGY]
    view.messages = []
    view.message.connect(view.messages.append)
    window.controller.message.connect(view.messages.append)
    return view


def _block(n: int = BLOCK_ROWS, bad: dict[int, tuple[int, str]] | None = None) -> str:
    """`n` full energy rows of 2031 (keys no demo row has); bad: line -> (column, text)."""
    lines = []
    for i in range(n):
        cells = ["Zhangbei DC" if i % 2 else "Ulanqab DC", f"2031-{1 + i // 28:02d}-{1 + i % 28:02d}",
                 f"2031-{1 + i // 28:02d}-{1 + i % 28:02d}", "grid", f"{1000 + i}", ""]
        if bad and i in bad:
            col, text = bad[i]
            cells[col] = text
        lines.append("\t".join(cells))
    return "\n".join(lines) + "\n"


def _wait_done(qtbot, window) -> None:
    qtbot.waitUntil(lambda: not window.controller.busy, timeout=30_000)


def test_a_big_paste_runs_in_a_worker_and_one_undo_takes_it_back(qtbot, window, demo_path, monkeypatch):
    view = _energy(window)
    before = dump(demo_path)
    gate = Gate(monkeypatch)
    view.table.setCurrentIndex(view.proxy.index(200, 0))  # 10 rows changed, 30 added
    over = [view.model.row(r)["id"] for r in range(200, 210)]
    assert view.paste_text(_block()) == []  # returns at once: the worker reports
    assert window.controller.busy
    qtbot.waitUntil(gate.reached.is_set, timeout=10_000)

    # the window runs while the worker is inside its write: a timer fires, the strip shows
    ticks = []
    QTimer.singleShot(10, lambda: ticks.append(1))
    qtbot.waitUntil(lambda: ticks == [1], timeout=5_000)
    strip = window.controller.progress_view
    assert strip.isVisible() and strip.cancel_button.isEnabled()
    assert strip.label.text() == "Pasting 40 rows… · no other edit until done"
    # and takes no other edit, saying why
    assert not view.add_button.isEnabled() and not view.delete_button.isEnabled()
    assert not view.model.flags(view.model.index(0, view.model.field_column("energy"))) \
        & Qt.ItemFlag.ItemIsEditable
    busy = "40 rows are being written: no other edit until they are done (or cancelled)"
    assert [p.code for p in view.paste_text("1\n")] == ["busy"] and view.messages[-1] == busy
    assert window.tables[Kind.SITES].paste_text("x\n")[0].reason == busy
    assert query(demo_path, "SELECT count(*) FROM energy") == [(210,)]  # not committed yet

    gate.open()
    _wait_done(qtbot, window)
    assert view.messages[-1] == "Pasted 40 row(s): 10 changed, 30 added (Ctrl+Z undoes)"
    assert query(demo_path, "SELECT count(*) FROM energy") == [(240,)]
    got = query(demo_path, f"SELECT period_start, energy_kwh FROM energy WHERE id IN {tuple(over)} "
                "ORDER BY energy_kwh")
    assert got == [(f"2031-01-{1 + i:02d}", 1000.0 + i) for i in range(10)]
    qtbot.waitUntil(lambda: view.model.rowCount() == 240)
    assert view.add_button.isEnabled() and window.controller.progress_view is None
    pasted = dump(demo_path)
    assert window.controller.undo_stack.count() == 1

    window.undo_action.trigger()  # 40 rows: the undo runs in the worker too
    assert window.controller.busy
    _wait_done(qtbot, window)
    assert dump(demo_path) == before  # every row and every figure kept of them
    assert view.messages[-1] == "Undone: Paste 40×6"
    qtbot.waitUntil(lambda: view.model.rowCount() == 210)

    window.redo_action.trigger()
    _wait_done(qtbot, window)
    assert dump(demo_path) == pasted
    qtbot.waitUntil(lambda: view.model.rowCount() == 240)


def test_cancel_mid_write_leaves_every_row_as_it_was(qtbot, window, demo_path, monkeypatch):
    view = _energy(window)
    view.table.setCurrentIndex(view.proxy.index(200, 0))
    before = dump(demo_path)
    gate = Gate(monkeypatch)
    view.paste_text(_block())
    qtbot.waitUntil(gate.reached.is_set, timeout=10_000)  # 5 rows written in its transaction
    strip = window.controller.progress_view
    qtbot.mouseClick(strip.cancel_button, Qt.MouseButton.LeftButton)
    assert strip.label.text() == "Cancelling: rolling back…" and not strip.cancel_button.isEnabled()
    gate.open()
    _wait_done(qtbot, window)
    assert dump(demo_path) == before
    assert view.messages[-1] == "Cancelled: nothing was changed"
    assert window.controller.undo_stack.count() == 0
    assert view.add_button.isEnabled()
    view.table.setCurrentIndex(view.proxy.index(0, view.model.field_column("energy")))
    assert view.paste_text("5\n") == []  # the table takes edits again, at once


def test_a_refused_big_paste_writes_nothing_and_lists_every_problem(qtbot, window, demo_path):
    view = _energy(window)
    view.table.setCurrentIndex(QModelIndex())  # every row added after the demo's 210
    before = dump(demo_path)
    block = _block(bad={4: (4, "two thousand"), 33: (0, "Atlantis")})
    with qtbot.waitSignal(view.problems_found, timeout=30_000) as blocker:
        assert view.paste_text(block) == []
    title, problems = blocker.args
    assert title == "Paste refused: nothing was changed"
    assert sorted((p.row, p.reason) for p in problems) == [
        (215, "not a number"), (244, "unknown site: not in the workspace or on a Sites sheet")]
    _wait_done(qtbot, window)
    assert dump(demo_path) == before
    assert window.controller.undo_stack.count() == 0
    assert "unknown site" in window._dialogs[-1].text()


def test_a_big_paste_onto_a_full_disk_says_so_and_writes_nothing(qtbot, window, demo_path, monkeypatch):
    real_open = Workspace.open

    class Capped:  # the worker's connection cannot grow the file (as a full disk)
        @staticmethod
        def open(path, create=True):
            ws = real_open(path, create=create)
            pages = ws.db.execute("PRAGMA page_count").fetchone()[0]
            ws.db.execute(f"PRAGMA max_page_count = {pages}")
            return ws

    monkeypatch.setattr(workers, "Workspace", Capped)
    view = _energy(window)
    view.table.setCurrentIndex(QModelIndex())
    before = dump(demo_path)
    with qtbot.waitSignal(view.problems_found, timeout=30_000) as blocker:
        view.paste_text(_more_rows(3000))
    problems = blocker.args[1]
    assert len(problems) == 1 and f"{demo_path}: the disk is full" in problems[0].render()
    _wait_done(qtbot, window)
    assert dump(demo_path) == before
    assert window.controller.undo_stack.count() == 0


def _more_rows(n: int) -> str:
    """`n` more rows of other keys (daily, from 2040)."""
    from datetime import date, timedelta

    days = [date(2040, 1, 1) + timedelta(days=i) for i in range(n)]
    return "".join(f"Zhangbei DC\t{d}\t{d}\twind\t{i}\tPPA\n" for i, d in enumerate(days))


def test_a_big_delete_and_its_undo_run_in_the_worker(qtbot, window, demo_path):
    view = _energy(window)
    before = dump(demo_path)
    ids = [view.model.row(r)["id"] for r in range(10, 60)]
    view.table.selectRow(10)
    flag = view.table.selectionModel().SelectionFlag
    for r in range(11, 60):
        view.table.selectionModel().select(view.proxy.index(r, 0), flag.Select | flag.Rows)
    view.delete_selected()
    assert window.controller.busy
    _wait_done(qtbot, window)
    assert view.messages[-1] == "Deleted 50 row(s) (Ctrl+Z undoes)"
    assert query(demo_path, f"SELECT count(*) FROM energy WHERE id IN {tuple(ids)}") == [(0,)]
    qtbot.waitUntil(lambda: view.model.rowCount() == 160)
    window.undo_action.trigger()
    _wait_done(qtbot, window)
    assert dump(demo_path) == before
    qtbot.waitUntil(lambda: view.model.rowCount() == 210)


def test_ctrl_z_while_a_paste_is_written_waits_and_the_history_stays_whole(qtbot, window, demo_path,
                                                                          monkeypatch):
    view = _energy(window)
    before = dump(demo_path)
    col = view.model.field_column("energy")
    view.table.setCurrentIndex(view.proxy.index(0, col))
    assert view.paste_text("4321\n") == []  # a small edit first: written at once
    edited = dump(demo_path)
    gate = Gate(monkeypatch)
    view.table.setCurrentIndex(view.proxy.index(200, 0))
    view.paste_text(_block())
    qtbot.waitUntil(gate.reached.is_set, timeout=10_000)
    window.undo_action.trigger()  # refused: the stack steps back over the edit, which stays
    busy = "40 rows are being written: no other edit until they are done (or cancelled)"
    qtbot.waitUntil(lambda: window.controller.undo_stack.index() == 1)
    assert view.messages[-1] == busy
    gate.open()
    _wait_done(qtbot, window)
    assert window.controller.undo_stack.count() == 2 and window.controller.undo_stack.index() == 2
    window.undo_action.trigger()
    _wait_done(qtbot, window)
    assert dump(demo_path) == edited
    window.undo_action.trigger()  # the small edit, at once
    assert dump(demo_path) == before


def test_closing_the_window_mid_paste_rolls_it_back(qtbot, window, demo_path, monkeypatch):
    view = _energy(window)
    view.table.setCurrentIndex(view.proxy.index(200, 0))
    before = dump(demo_path)
    gate = Gate(monkeypatch)
    view.paste_text(_block())
    qtbot.waitUntil(gate.reached.is_set, timeout=10_000)
    threading.Timer(0.3, gate.open).start()  # the close waits for the worker on the GUI thread
    window.close()
    assert dump(demo_path) == before
