"""Paste from Excel (a tab-separated block, one batch, all or nothing) and copy as TSV."""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, QItemSelectionModel, QModelIndex

from greenledger.core.fields import Kind
from tests.gui.helpers import query

NEW_ROWS = ("Zhangbei DC\t2022-01-01\t2022-01-31\tgrid\t1,000\n"
            "Zhangbei DC\t2022-01-01\t2022-01-31\twind\t2,000.5\n"
            "Ulanqab DC\t2022/1/1\t2022/1/31\t光伏\t3000\n")


def _energy(window):
    window.sidebar.setCurrentRow(1)
    return window.tables[Kind.ENERGY]


def test_paste_3x5_adds_rows_and_undo_removes_them(qtbot, window, demo_path):
    view = _energy(window)
    view.table.setCurrentIndex(QModelIndex())  # no current cell: rows are added at the end
    assert view.paste_text(NEW_ROWS) == []
    rows = query(demo_path, "SELECT source, energy_kwh FROM energy WHERE period_start = "
                 "'2022-01-01' ORDER BY energy_kwh")
    assert rows == [("grid", 1000.0), ("wind", 2000.5), ("solar", 3000.0)]
    qtbot.waitUntil(lambda: view.model.rowCount() == 213)
    window.undo_action.trigger()
    assert query(demo_path, "SELECT count(*) FROM energy") == [(210,)]  # the demo's rows
    window.redo_action.trigger()
    assert query(demo_path, "SELECT count(*) FROM energy") == [(213,)]


def test_paste_over_existing_rows_updates_them(qtbot, window, demo_path):
    view = _energy(window)
    view.table.setCurrentIndex(view.proxy.index(0, view.model.field_column("energy")))
    ids = [view.model.row(r)["id"] for r in range(3)]
    assert view.paste_text("10\n20\n30\n") == []
    got = query(demo_path, f"SELECT energy_kwh FROM energy WHERE id IN {tuple(ids)} ORDER BY id")
    assert sorted(v for (v,) in got) == [10.0, 20.0, 30.0]


def test_invalid_paste_changes_nothing_and_lists_every_problem(qtbot, window, demo_path):
    view = _energy(window)
    view.table.setCurrentIndex(QModelIndex())
    bad = NEW_ROWS.replace("2,000.5", "two thousand").replace("Ulanqab DC", "Atlantis")
    before = query(demo_path, "SELECT * FROM energy ORDER BY id")
    with qtbot.waitSignal(view.problems_found) as blocker:
        problems = view.paste_text(bad)
    assert blocker.args[0].startswith("Paste refused")
    reasons = sorted((p.row, p.reason) for p in problems)
    assert reasons == [(212, "not a number"),  # the demo's 210 rows, then the pasted ones
                       (213, "unknown site: not in the workspace or on a Sites sheet")]
    assert query(demo_path, "SELECT * FROM energy ORDER BY id") == before
    assert not window.undo_action.isEnabled()


def test_paste_into_a_computed_column_is_refused(window, demo_path):
    view = _energy(window)
    col = next(i for i, c in enumerate(view.model.columns) if c.computed)
    view.table.setCurrentIndex(view.proxy.index(0, col))
    problems = view.paste_text("1\t2\n")
    assert "cannot be edited" in problems[0].reason


def test_refused_paste_opens_the_report(qtbot, window):
    view = _energy(window)
    view.table.setCurrentIndex(QModelIndex())
    view.paste_text("Atlantis\t2022-01-01\t2022-01-31\tgrid\t5\n")
    dialog = window._dialogs[-1]
    assert dialog.isVisible() and not dialog.isModal()
    assert "unknown site" in dialog.text()


def test_copy_is_tab_separated(window):
    view = _energy(window)
    sel = QItemSelection(view.proxy.index(0, 0), view.proxy.index(1, 4))
    view.table.selectionModel().select(sel, QItemSelectionModel.SelectionFlag.ClearAndSelect)
    assert view.copy_text() == ("Ulanqab DC\t2018-01-01\t2018-01-31\tgrid\t28120000\n"
                                "Ulanqab DC\t2018-01-01\t2018-01-31\tsolar\t820000\n")
