"""Paste from Excel (a tab-separated block, one batch, all or nothing) and copy as TSV."""

from __future__ import annotations

import shutil
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelection, QItemSelectionModel, QModelIndex, Qt

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


def test_paste_past_the_last_row_adds_rows(qtbot, window, demo_path):
    """Like Excel: the block's first row goes over the current (last) row, the rest are added;
    the status bar counts both, and one Ctrl+Z takes it all back."""
    view = _energy(window)
    last = view.proxy.rowCount() - 1
    view.table.setCurrentIndex(view.proxy.index(last, 0))
    last_id = view.model.row(view.proxy.mapToSource(view.proxy.index(last, 0)).row())["id"]
    before = query(demo_path, "SELECT * FROM energy ORDER BY id")
    messages = []
    view.message.connect(messages.append)
    block = "".join(line + "\t\n" for line in NEW_ROWS.splitlines())  # Instrument: blank
    assert view.paste_text(block) == []
    after = query(demo_path, "SELECT id, source, energy_kwh FROM energy ORDER BY id")
    assert len(after) == 212  # 210, one changed, two added
    assert (last_id, "grid", 1000.0) in after
    added = [r for r in after if r[0] not in {b[0] for b in before}]
    assert sorted((s, v) for _, s, v in added) == [("solar", 3000.0), ("wind", 2000.5)]
    assert messages[-1] == "Pasted 3 row(s): 1 changed, 2 added (Ctrl+Z undoes)"
    window.undo_action.trigger()
    assert query(demo_path, "SELECT * FROM energy ORDER BY id") == before


def test_paste_past_the_last_row_of_a_filtered_view_adds_rows(qtbot, window, demo_path):
    """A filtered view's last row is not the table's: rows below it in the view are added,
    never written over rows the filter hides."""
    view = _energy(window)
    view.filter_edit.setText("Zhangbei")
    qtbot.waitUntil(lambda: 0 < view.proxy.rowCount() < 210)
    last = view.proxy.rowCount() - 1
    view.table.setCurrentIndex(view.proxy.index(last, 0))
    before = query(demo_path, "SELECT * FROM energy ORDER BY id")
    block = "".join(line + "\t\n" for line in NEW_ROWS.splitlines())
    assert view.paste_text(block) == []
    assert query(demo_path, "SELECT count(*) FROM energy") == [(212,)]
    changed = [b for b in before if b not in query(demo_path, "SELECT * FROM energy ORDER BY id")]
    assert len(changed) == 1


def test_paste_of_one_column_past_the_last_row_is_refused_with_reasons(qtbot, window, demo_path):
    """Values for one column past the last row would make rows without a site or dates: refused,
    naming the rows, nothing written."""
    view = _energy(window)
    last = view.proxy.rowCount() - 1
    view.table.setCurrentIndex(view.proxy.index(last, view.model.field_column("energy")))
    before = query(demo_path, "SELECT * FROM energy ORDER BY id")
    problems = view.paste_text("10\n20\n")
    assert problems and all(p.row == 211 for p in problems)  # the first row added
    assert query(demo_path, "SELECT * FROM energy ORDER BY id") == before


def test_paste_past_the_last_row_of_a_sorted_view_adds_rows(qtbot, window, demo_path):
    view = _energy(window)
    col = view.model.field_column("energy")
    view.table.sortByColumn(col, Qt.SortOrder.DescendingOrder)
    last = view.proxy.rowCount() - 1
    view.table.setCurrentIndex(view.proxy.index(last, 0))
    last_id = view.model.row(view.proxy.mapToSource(view.proxy.index(last, 0)).row())["id"]
    block = "".join(line + "\t\n" for line in NEW_ROWS.splitlines())
    assert view.paste_text(block) == []
    assert query(demo_path, "SELECT count(*) FROM energy") == [(212,)]
    got = query(demo_path, "SELECT source, energy_kwh FROM energy WHERE id = ?", [last_id])
    assert got == [("grid", 1000.0)]


def test_paste_counts_rows_already_as_pasted(qtbot, window, demo_path):
    view = _energy(window)
    view.table.setCurrentIndex(view.proxy.index(0, view.model.field_column("energy")))
    first = view.proxy.index(0, view.model.field_column("energy")).data(Qt.ItemDataRole.EditRole)
    messages = []
    view.message.connect(messages.append)
    assert view.paste_text(f"{first}\n7\n") == []
    assert messages[-1] == "Pasted 2 row(s): 1 changed, 0 added, 1 already as pasted (Ctrl+Z undoes)"


@pytest.fixture(scope="module")
def big_template(tmp_path_factory) -> Path:
    """100,000 daily energy rows (25 sites × 4 sources × 1,000 days) through the real import."""
    import openpyxl

    from greenledger.core.importing.importer import import_file
    from greenledger.core.storage import Workspace

    folder = tmp_path_factory.mktemp("big")
    wb = openpyxl.Workbook(write_only=True)
    sites = wb.create_sheet("Sites")
    sites.append(["Site", "Type", "Grid region", "Country"])
    for i in range(25):
        sites.append([f"Site {i:02d}", "warehouse", "North China", "China"])
    energy = wb.create_sheet("Energy")
    energy.append(["Site", "Period start", "Period end", "Source", "Energy (kWh)", "Instrument"])
    for day in range(1000):
        d = date(2020, 1, 1) + timedelta(days=day)
        for i in range(25):
            for s in ("grid", "wind", "solar", "hydro"):
                energy.append([f"Site {i:02d}", d, d, s, 100.0, None if s == "grid" else "PPA"])
    book = folder / "big.xlsx"
    wb.save(book)
    path = folder / "big.greenledger"
    with Workspace.open(path) as ws:
        import_file(ws, book)
    return path


def test_paste_past_the_last_row_of_100000_rows(qtbot, tmp_path, big_template):
    from greenledger.gui.main_window import MainWindow

    path = tmp_path / "big.greenledger"
    shutil.copy2(big_template, path)
    window = MainWindow(path)
    qtbot.addWidget(window)
    window.show()
    view = _energy(window)
    qtbot.waitUntil(lambda: view.proxy.rowCount() == 100_000, timeout=60_000)
    last = view.proxy.rowCount() - 1
    view.table.setCurrentIndex(view.proxy.index(last, 0))
    last_id = view.model.row(view.proxy.mapToSource(view.proxy.index(last, 0)).row())["id"]
    before = query(path, "SELECT * FROM energy WHERE id = ?", [last_id])
    messages = []
    view.message.connect(messages.append)
    # the last row shown (Site 24's wind on the last day: sorted by site, date, source) gets a new
    # kWh; a hydro row of that day would take another row's key, and is refused
    hydro = "Site 24\t2022-09-26\t2022-09-26\thydro\t5\tPPA\n"
    assert [p.code for p in view.paste_text(hydro)] == ["duplicate_row"]
    block = ("Site 24\t2022-09-26\t2022-09-26\twind\t5\tPPA\n"
             "Site 24\t2022-09-27\t2022-09-27\thydro\t6\tPPA\n"
             "Site 24\t2022-09-28\t2022-09-28\thydro\t7\tPPA\n")
    assert view.paste_text(block) == []
    assert messages[-1] == "Pasted 3 row(s): 1 changed, 2 added (Ctrl+Z undoes)"
    assert query(path, "SELECT count(*), sum(energy_kwh) FROM energy") == [(100_002, 9_999_900 + 5 + 6 + 7)]
    window.undo_action.trigger()
    assert query(path, "SELECT count(*), sum(energy_kwh) FROM energy") == [(100_000, 10_000_000)]
    assert query(path, "SELECT * FROM energy WHERE id = ?", [last_id]) == before
