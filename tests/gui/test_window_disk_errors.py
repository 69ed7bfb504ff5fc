"""A full disk in the window: an edit or an import that SQLite refuses ("database or disk is full",
made real by capping the file at its size with PRAGMA max_page_count) shows a dialog naming the
workspace's folder and what to do, never the crash dialog, and nothing is lost."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import QMessageBox

from greenledger.core.errors import WorkspaceNotWritable
from greenledger.core.fields import Kind
from greenledger.core.storage import Workspace
from greenledger.gui import error_dialog
from greenledger.gui.main_window import MainWindow
from tests.gui.helpers import query


def _cap(ws: Workspace) -> None:
    pages = ws.db.execute("PRAGMA page_count").fetchone()[0]
    ws.db.execute(f"PRAGMA max_page_count = {pages}")


def test_a_paste_onto_a_full_disk_is_refused_in_a_dialog(qtbot, window, demo_path: Path):
    before = query(demo_path, "SELECT count(*) FROM sites")
    _cap(window.workspace)
    window.sidebar.setCurrentRow(5)
    view = window.tables[Kind.SITES]
    view.table.setCurrentIndex(QModelIndex())  # rows are added at the end
    rows = "".join(f"Site {i}\twarehouse\tNorth China\tChina\n" for i in range(3000))
    problems = view.paste_text(rows)
    assert len(problems) == 1
    reason = problems[0].render()
    assert f"{demo_path}: the disk is full" in reason and str(demo_path.parent) in reason
    dialog = window._dialogs[-1]  # the problems dialog, not the crash dialog
    assert dialog.isVisible() and not error_dialog._open_dialogs
    assert query(demo_path, "SELECT count(*) FROM sites") == before
    assert window.controller.undo_stack.count() == 0


def test_an_import_onto_a_full_disk_shows_what_to_do(qtbot, tmp_path: Path, monkeypatch):
    path = tmp_path / "ws.greenledger"
    w = MainWindow(path)
    qtbot.addWidget(w)
    w.show()
    book = tmp_path / "sites.csv"
    rows = "".join(f"Site {i},warehouse,North China,China\n" for i in range(3000))
    book.write_text("Site,Type,Grid region,Country\n" + rows, encoding="utf-8")
    real_open = Workspace.open.__func__

    def open_on_a_full_disk(cls, *args, **kwargs):  # the worker thread's own connection
        ws = real_open(cls, *args, **kwargs)
        _cap(ws)
        return ws

    monkeypatch.setattr(Workspace, "open", classmethod(open_on_a_full_disk))
    with qtbot.waitSignal(w.import_finished, timeout=30_000) as blocker:
        assert w.start_import(book)
    outcome = blocker.args[0]
    assert isinstance(outcome, WorkspaceNotWritable) and outcome.reason == "full"
    box = w.imports.message_box
    assert isinstance(box, QMessageBox) and box.isVisible()
    assert f"{path}: the disk is full" in box.text() and f"holds {tmp_path}" in box.text()
    assert not error_dialog._open_dialogs
    assert w.import_action.isEnabled()
    assert query(path, "SELECT count(*) FROM sites") == [(0,)]
    assert query(path, "SELECT count(*) FROM import_batches") == [(0,)]


def test_an_edit_the_file_refuses_says_it_is_read_only(qtbot, window, demo_path: Path, monkeypatch):
    """SQLite refusing every write on this connection (PRAGMA query_only: SQLITE_READONLY, as for a
    read-only file): a cell edit is refused with the reason, an undo of an import in a dialog."""
    window.workspace.db.execute("PRAGMA query_only = ON")
    view = window.tables[Kind.ENERGY]
    index = view.proxy.index(0, view.model.field_column("energy"))
    before = index.data()
    assert not view.proxy.setData(index, "5")
    assert f"the folder {demo_path.parent} or the workspace file is read-only" in view.model.last_refusal
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: shown.append(a[2]))
    window._on_undo_import_requested(1)
    assert "is read-only, so nothing was written" in shown[0]
    assert index.data() == before and not error_dialog._open_dialogs
    assert query(demo_path, "SELECT count(*) FROM import_batches") == [(1,)]
