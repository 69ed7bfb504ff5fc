"""Importing from the window: on a worker thread, drag and drop, refusals, cancel, undo import."""

from __future__ import annotations

import threading
import time
from datetime import date
from pathlib import Path

import openpyxl
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QTimer, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QMessageBox

import greenledger.gui.workers as workers
from greenledger.core.errors import ImportCancelled, ImportRefused
from greenledger.core.fields import Kind
from greenledger.core.importing.importer import ImportResult
from greenledger.gui.main_window import MainWindow
from tests.conftest import ENERGY_HEADER, SITES, write_workbook
from tests.gui.helpers import query


def _good_book(tmp_path: Path) -> Path:
    return write_workbook(tmp_path / "energy.xlsx", {
        "Sites": SITES,
        "Energy": [ENERGY_HEADER,
                   ["Zhangbei DC", date(2022, 1, 1), date(2022, 1, 31), "grid", 1000, None],
                   ["Zhangbei DC", date(2022, 1, 1), date(2022, 1, 31), "wind", 500, "PPA"]]})


def _empty_window(qtbot, tmp_path) -> MainWindow:
    w = MainWindow(tmp_path / "empty.greenledger")
    qtbot.addWidget(w)
    w.show()
    return w


def test_import_runs_off_the_gui_thread(qtbot, tmp_path, monkeypatch):
    w = _empty_window(qtbot, tmp_path)
    threads, ticks = [], []
    real = workers.import_workbook

    def slow_import(**kwargs):
        threads.append(threading.get_ident())
        time.sleep(0.6)
        return real(**kwargs)

    monkeypatch.setattr(workers, "import_workbook", slow_import)
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(20)
    with qtbot.waitSignal(w.import_finished, timeout=10000) as blocker:
        w.start_import(_good_book(tmp_path))
        assert w.import_status.isVisible() and not w.import_action.isEnabled()
    timer.stop()
    assert isinstance(blocker.args[0], ImportResult) and blocker.args[0].inserted == 4
    assert threads and threads[0] != threading.get_ident()
    assert len(ticks) >= 10  # the event loop kept turning while the import ran
    assert w.models[Kind.ENERGY].rowCount() == 2 and not w.dashboard.is_empty_state
    assert w.import_action.isEnabled() and not w.import_status.isVisible()


def test_drop_a_workbook_on_the_window_opens_the_assistant_and_imports_it(qtbot, tmp_path):
    w = _empty_window(qtbot, tmp_path)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(_good_book(tmp_path)))])
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime,
                       Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
    w.dropEvent(event)
    dialog = w.import_assistant
    qtbot.waitUntil(lambda: dialog.import_button.isEnabled(), timeout=10000)
    with qtbot.waitSignal(w.import_finished, timeout=10000):
        dialog.import_button.click()
    assert query(w.workspace.path, "SELECT count(*) FROM energy") == [(2,)]
    assert w.imports_view.model.rowCount() == 1


def test_refused_import_shows_its_report_and_changes_nothing(qtbot, window, tmp_path, demo_path):
    book = write_workbook(tmp_path / "bad.xlsx", {"Energy": [
        ENERGY_HEADER, ["Atlantis", date(2022, 1, 1), date(2022, 1, 31), "grid", 1000, None],
        ["Zhangbei DC", date(2022, 1, 1), date(2021, 1, 31), "grid", -5, None]]})
    tables = ["sites", "energy", "import_batches"]
    before = {t: query(demo_path, f"SELECT * FROM {t} ORDER BY id") for t in tables}
    with qtbot.waitSignal(window.import_finished, timeout=10000) as blocker:
        window.start_import(book)
    assert isinstance(blocker.args[0], ImportRefused)
    dialog = window._dialogs[-1]
    assert dialog.isVisible() and not dialog.isModal()
    assert dialog.model.rowCount() == len(blocker.args[0].problems) >= 3
    text = dialog.text()
    assert "unknown site" in text and "negative" in text and "ends before it starts" in text
    dialog.save(tmp_path / "report.txt")
    assert "Atlantis" in (tmp_path / "report.txt").read_text(encoding="utf-8")
    assert dialog.marked_button is not None and dialog.marked_button.isVisible()
    marked = openpyxl.load_workbook(dialog.save_marked(tmp_path / "bad-problems.xlsx"))
    energy = marked["Energy"]
    assert energy["A2"].comment is not None and "unknown site" in energy["A2"].comment.text
    assert energy["A2"].fill.fgColor.rgb.endswith("FFC7CE") and energy["B2"].comment is None
    assert {t: query(demo_path, f"SELECT * FROM {t} ORDER BY id") for t in tables} == before


def test_cancel_writes_nothing(qtbot, tmp_path, monkeypatch):
    w = _empty_window(qtbot, tmp_path)
    real = workers.import_workbook

    def waits_for_cancel(*, cancelled, **kwargs):
        while not cancelled():
            time.sleep(0.01)
        return real(cancelled=cancelled, **kwargs)

    monkeypatch.setattr(workers, "import_workbook", waits_for_cancel)
    with qtbot.waitSignal(w.import_finished, timeout=10000) as blocker:
        w.start_import(_good_book(tmp_path))
        w.import_status.cancel_button.click()
    assert isinstance(blocker.args[0], ImportCancelled)
    assert query(w.workspace.path, "SELECT count(*) FROM import_batches") == [(0,)]


def test_undo_import_removes_the_batch_and_ctrl_z_restores_it(qtbot, window, demo_path):
    window.sidebar.setCurrentRow(window.stack.indexOf(window.imports_view))
    window.imports_view.table.selectRow(0)
    window.imports_view.undo_button.click()
    assert query(demo_path, "SELECT count(*) FROM energy") == [(0,)]
    assert query(demo_path, "SELECT count(*) FROM import_batches") == [(0,)]
    qtbot.waitUntil(lambda: window.dashboard.is_empty_state)
    window.undo_action.trigger()
    assert query(demo_path, "SELECT count(*) FROM energy") == [(210,)]  # the demo's rows
    assert query(demo_path, "SELECT count(*) FROM import_batches") == [(1,)]


def test_undo_import_refused_when_other_rows_depend_on_it(qtbot, window, demo_path, monkeypatch):
    texts = {"site": "Zhangbei DC", "period_start": "2023-01-01", "period_end": "2023-01-31",
             "source": "grid", "energy": "5", "instrument": ""}
    assert window.controller.submit(Kind.ENERGY, [(None, texts)], "Add") == []
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: shown.append(a[2]))
    window._on_undo_import_requested(1)
    assert "1 energy row from elsewhere refer to sites this import created" in shown[0]
    assert query(demo_path, "SELECT count(*) FROM energy") == [(211,)]  # the demo's and this one


def test_drag_enter_accepts_workbooks_only(qtbot, window, tmp_path):
    from PySide6.QtGui import QDragEnterEvent

    for name, accepted in (("a.xlsx", True), ("a.pdf", False)):
        mime = QMimeData()
        mime.setUrls([QUrl.fromLocalFile(str(tmp_path / name))])
        event = QDragEnterEvent(QPoint(5, 5), Qt.DropAction.CopyAction, mime,  # a QPoint (6.11)
                                Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
        event.setAccepted(False)
        window.dragEnterEvent(event)
        assert event.isAccepted() == accepted


def test_an_import_of_new_rows_is_on_the_undo_stack_after_earlier_edits(qtbot, tmp_path):
    w = _empty_window(qtbot, tmp_path)
    with qtbot.waitSignal(w.import_finished, timeout=10000):
        w.start_import(write_workbook(tmp_path / "sites.xlsx", {"Sites": SITES}))
    stack = w.controller.undo_stack
    assert stack.count() == 1  # the Sites import
    sites = w.models[Kind.SITES]
    col = sites.field_column("country")
    assert sites.setData(sites.index(0, col), "PRC")
    assert stack.count() == 2
    energy_only = write_workbook(tmp_path / "energy-only.xlsx", {"Energy": [
        ENERGY_HEADER, ["Zhangbei DC", date(2022, 1, 1), date(2022, 1, 31), "grid", 1000, None],
        ["Zhangbei DC", date(2022, 1, 1), date(2022, 1, 31), "wind", 500, "PPA"]]})
    with qtbot.waitSignal(w.import_finished, timeout=10000):
        w.start_import(energy_only)
    assert stack.count() == 3 and "energy-only.xlsx" in stack.undoText()
    assert query(w.workspace.path, "SELECT count(*) FROM energy") == [(2,)]
    stack.undo()  # the import
    qtbot.waitUntil(lambda: w.models[Kind.ENERGY].rowCount() == 0)
    assert query(w.workspace.path, "SELECT count(*) FROM energy") == [(0,)]
    stack.undo()  # the edit made before it
    assert query(w.workspace.path, "SELECT country FROM sites WHERE id = ?",
                 [sites.row_id(0)]) != [("PRC",)]
    stack.redo()
    stack.redo()
    assert query(w.workspace.path, "SELECT count(*) FROM energy") == [(2,)]
    assert ("PRC",) in query(w.workspace.path, "SELECT country FROM sites")


def test_an_import_that_changed_rows_ends_the_history(qtbot, tmp_path):
    w = _empty_window(qtbot, tmp_path)
    with qtbot.waitSignal(w.import_finished, timeout=10000):
        w.start_import(_good_book(tmp_path))
    changed = write_workbook(tmp_path / "changed.xlsx", {"Energy": [
        ENERGY_HEADER, ["Zhangbei DC", date(2022, 1, 1), date(2022, 1, 31), "grid", 1200, None]]})
    with qtbot.waitSignal(w.import_finished, timeout=10000) as blocker:
        w.start_import(changed)
    assert blocker.args[0].updated == 1
    assert w.controller.undo_stack.count() == 0
