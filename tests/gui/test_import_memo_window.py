"""The window and the import memo: a workbook imported before, unchanged, into an unchanged
workspace, is not read again when it is opened or dropped again; a message says so and offers
Read Again, which opens the assistant. Any change to the file or the workspace reads it."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from greenledger.core.fields import Kind
from greenledger.gui.main_window import MainWindow
from tests.conftest import ENERGY_HEADER, SITES, write_workbook
from tests.gui.helpers import query


def _book(path: Path, kwh: int = 1000) -> Path:
    return write_workbook(path, {"Sites": SITES, "Energy": [
        ENERGY_HEADER, ["Zhangbei DC", date(2022, 1, 1), date(2022, 1, 31), "grid", kwh, None]]})


def test_a_workbook_imported_and_unchanged_is_not_read_again(qtbot, tmp_path):
    w = MainWindow(tmp_path / "w.greenledger")
    qtbot.addWidget(w)
    w.show()
    book = _book(tmp_path / "energy.xlsx")
    with qtbot.waitSignal(w.import_finished, timeout=10000) as done:
        w.start_import(book)
    assert done.args[0].inserted == 3

    assert w.open_import_assistant(book) is None  # nothing read: the memo answers
    box = w.imports.message_box
    assert isinstance(box, QMessageBox) and box.isVisible()
    assert "energy.xlsx: nothing new" in box.text()
    assert "not read again" in box.informativeText() and "its 3 row(s)" in box.informativeText()
    again = next(b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.ActionRole)
    again.click()  # Read Again: the assistant reads it, and its Import finds every row unchanged
    dialog = w.import_assistant
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.import_button.isEnabled(), timeout=10000)
    with qtbot.waitSignal(w.import_finished, timeout=10000) as done:
        dialog.import_button.click()
    assert (done.args[0].inserted, done.args[0].updated, done.args[0].unchanged) == (0, 0, 3)
    assert done.args[0].recalled is None  # Read Again read and checked it, as it says

    _book(book, kwh=1250)  # the file changed: read, as always
    dialog = w.open_import_assistant(book)
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.import_button.isEnabled(), timeout=10000)
    with qtbot.waitSignal(w.import_finished, timeout=10000) as done:
        dialog.import_button.click()
    assert done.args[0].updated == 1
    assert query(w.workspace.path, "SELECT energy_kwh FROM energy") == [(1250.0,)]
    assert w.models[Kind.ENERGY].rowCount() == 1
