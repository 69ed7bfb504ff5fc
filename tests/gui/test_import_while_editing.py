"""An import is not started while a big edit (a paste or delete of many rows, on a pool
thread) is being written: both would wait on the one database lock, and the import's checks
would be made against rows about to change. The status bar says why; nothing is written."""

from __future__ import annotations

from datetime import date

from greenledger.gui.edit_controller import EditController
from greenledger.gui.main_window import MainWindow
from tests.conftest import ENERGY_HEADER, SITES, write_workbook
from tests.gui.helpers import query


def test_no_import_while_a_big_edit_is_written(qtbot, tmp_path, monkeypatch):
    w = MainWindow(tmp_path / "w.greenledger")
    qtbot.addWidget(w)
    w.show()
    book = write_workbook(tmp_path / "e.xlsx", {"Sites": SITES, "Energy": [
        ENERGY_HEADER, ["Zhangbei DC", date(2023, 1, 1), date(2023, 1, 31), "grid", 900, None]]})
    monkeypatch.setattr(EditController, "busy", property(lambda self: True))
    monkeypatch.setattr(EditController, "busy_text", property(lambda self: "writing 50,000 rows…"))
    assert w.start_import(book) is False
    assert w.statusBar().currentMessage() == "writing 50,000 rows…"
    assert not w.imports.running
    monkeypatch.undo()
    with qtbot.waitSignal(w.import_finished, timeout=10000):
        assert w.start_import(book) is True
    assert query(w.workspace.path, "SELECT energy_kwh FROM energy") == [(900.0,)]
