"""The lazy tables (issue 15) on a real 100,000-row workspace imported from an openpyxl workbook:
the models read the rows shown, count, sort and filter in SQL, pass pytest-qt's model tester,
and editing, paste (also past the last row), delete and undo work through the same commands."""

from __future__ import annotations

import shutil
from datetime import date, timedelta
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import QPoint, Qt

from greenledger.core import pages
from greenledger.core.fields import Kind
from greenledger.core.importing.importer import import_file
from greenledger.core.storage import Workspace
from tests.gui.helpers import query

SITES, SOURCES, DAYS = 10, ("grid", "wind", "solar", "hydro"), 2500
ROWS = SITES * len(SOURCES) * DAYS  # 100,000
ORDER = "ORDER BY s.name, e.period_start, e.source, e.period_end, coalesce(e.instrument, x''), e.key_copy"
JOIN = "FROM energy e JOIN sites s ON s.id = e.site_id"


@pytest.fixture(scope="module")
def big_template(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("lazy")
    book = folder / "big.xlsx"
    wb = openpyxl.Workbook(write_only=True)
    sites = wb.create_sheet("Sites")
    sites.append(["Site", "Type", "Grid region", "Country"])
    for i in range(SITES):
        sites.append([f"Site {i:02d}", "warehouse", ("North China", "East China")[i % 2], "China"])
    energy = wb.create_sheet("Energy")
    energy.append(["Site", "Period start", "Period end", "Source", "Energy (kWh)", "Instrument"])
    n = 0
    for day in range(DAYS):
        d = date(2015, 1, 1) + timedelta(days=day)
        for i in range(SITES):
            for s in SOURCES:
                energy.append([f"Site {i:02d}", d, d, s, 1000.0 + (n * 7919) % 9973,
                               None if s == "grid" else "PPA"])
                n += 1
    wb.save(book)
    path = folder / "big.greenledger"
    with Workspace.open(path) as ws:
        import_file(ws, book)
    return path


@pytest.fixture
def big_window(qtbot, tmp_path, big_template):
    from greenledger.gui.main_window import MainWindow

    path = tmp_path / "big.greenledger"
    shutil.copy2(big_template, path)
    w = MainWindow(path)
    qtbot.addWidget(w)
    w.show()
    w.sidebar.setCurrentRow(1)  # Energy
    qtbot.waitUntil(lambda: w.models.summary is not None, timeout=30000)
    return w


def _energy(w):
    return w.tables[Kind.ENERGY]


def _shown(view, i: int, key: str):
    return view.model.row(i)[key]


def test_every_lazy_model_passes_the_model_tester(qtbot, qtmodeltester, window):
    for kind, model in window.models.items():
        assert model.rowCount() > 0, kind
        qtmodeltester.check(model, force_py=True)


def test_a_big_table_reads_the_rows_shown_and_counts_in_sql(qtbot, qtmodeltester, big_window):
    view = _energy(big_window)
    model = view.model
    assert model.rowCount() == ROWS == query(big_window.workspace.path, "SELECT count(*) FROM energy")[0][0]
    assert model.pages_cached <= 4  # a screen of rows, not the table
    last = query(big_window.workspace.path, f"SELECT e.id, s.name, e.energy_kwh {JOIN} {ORDER} "
                 "LIMIT 1 OFFSET ?", [ROWS - 1])[0]
    row = model.row(ROWS - 1)
    assert (row["id"], row["site"], row["energy"]) == last
    assert row["t_co2e"].value == pytest.approx(row["energy"] * row["factor_kg_per_kwh"].value / 1000)
    assert model.pages_cached <= 5  # the first screen and the last row's page
    assert view.count_label.text() == f"{ROWS:,} row(s)"
    # the model tester reads every row: on a site's year of it (windowed), then sorted (by ids)
    view._facet_boxes["site"].setCurrentText("Site 07")
    view._facet_boxes["year"].setCurrentText("2016")
    assert model.rowCount() == 366 * len(SOURCES) and model.spec.windowed
    qtmodeltester.check(model, force_py=True)
    view.table.sortByColumn(model.field_column("source"), Qt.SortOrder.DescendingOrder)
    assert not model.spec.windowed and model.row(0)["source"] == "wind"
    qtmodeltester.check(model, force_py=True)


def test_sort_by_a_header_click_runs_in_sql(qtbot, big_window):
    view = _energy(big_window)
    model = view.model
    col = model.field_column("energy")
    header = view.table.horizontalHeader()
    pos = QPoint(header.sectionViewportPosition(col) + header.sectionSize(col) // 2, header.height() // 2)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=pos)  # ascending
    qtbot.waitUntil(lambda: model.spec.sort == "energy" and not model.busy, timeout=20000)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=pos)  # descending
    qtbot.waitUntil(lambda: model.spec.desc and not model.busy, timeout=20000)
    values = [_shown(view, i, "energy") for i in range(300)]
    top = query(big_window.workspace.path, "SELECT energy_kwh FROM energy ORDER BY energy_kwh DESC LIMIT 300")
    assert values == [v for (v,) in top] and values[0] > values[-1]
    assert model.rowCount() == ROWS
    low = query(big_window.workspace.path, "SELECT min(energy_kwh) FROM energy")[0][0]
    assert _shown(view, ROWS - 1, "energy") == low
    view.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # back to the table's order
    assert model.spec.sort is None and model.row(0)["site"] == "Site 00"


def test_a_computed_column_sorts_a_small_table_and_says_why_not_a_big_one(qtbot, big_window):
    view = _energy(big_window)
    messages = []
    view.message.connect(messages.append)
    t_col = next(i for i, c in enumerate(view.model.columns) if c.key == "t_co2e")
    view.table.sortByColumn(t_col, Qt.SortOrder.DescendingOrder)
    assert messages and "20,000" in messages[-1] and view.model.spec.sort is None
    assert view.table.horizontalHeader().sortIndicatorSection() != t_col
    sites = big_window.tables[Kind.SITES]
    k_col = next(i for i, c in enumerate(sites.model.columns) if c.key == "total_kwh")
    sites.table.sortByColumn(k_col, Qt.SortOrder.DescendingOrder)
    totals = [sites.model.row(i)["total_kwh"].value for i in range(SITES)]
    assert totals == sorted(totals, reverse=True) and totals[0] > 0


def test_filters_run_in_sql(qtbot, big_window):
    view = _energy(big_window)
    model = view.model
    box = view._facet_boxes["site"]
    box.setCurrentText("Site 03")
    assert model.rowCount() == ROWS // SITES
    view.filter_edit.setText("wind")
    qtbot.waitUntil(lambda: model.spec.text == "wind" and not model.busy, timeout=20000)
    want = query(big_window.workspace.path, f"SELECT count(*) {JOIN} WHERE s.name = 'Site 03' "
                 "AND e.source = 'wind'")[0][0]
    assert model.rowCount() == want == DAYS
    assert {(_shown(view, i, "site"), _shown(view, i, "source")) for i in range(0, want, 97)} \
        == {("Site 03", "wind")}
    assert view.count_label.text() == f"{want:,} of {ROWS:,} row(s)"
    year = view._facet_boxes["year"]
    year.setCurrentText("2016")
    qtbot.waitUntil(lambda: not model.busy, timeout=20000)
    assert model.rowCount() == 366  # 2016 is a leap year: a wind row a day
    assert {_shown(view, i, "period_start")[:4] for i in range(366)} == {"2016"}


def test_edit_paste_past_the_end_delete_and_undo_on_a_big_table(qtbot, big_window):
    view = _energy(big_window)
    model, path = view.model, big_window.workspace.path
    col = model.field_column("energy")
    i = 61_234
    row = model.row(i)
    assert model.setData(model.index(i, col), "4321")
    assert query(path, "SELECT energy_kwh FROM energy WHERE id = ?", [row["id"]])[0][0] == 4321
    qtbot.waitUntil(lambda: model.index(i, col).data() == "4,321")  # the window reads it again
    big_window.controller.undo_stack.undo()
    qtbot.waitUntil(lambda: model.row(i)["energy"] == row["energy"])

    # paste three rows at the last row: one changed, two added
    last = model.row(ROWS - 1)
    view.table.setCurrentIndex(view.proxy.index(ROWS - 1, 0))
    messages = []
    view.message.connect(messages.append)
    block = "\n".join(f"Site 09\t2030-01-0{d}\t2030-01-0{d}\tgrid\t{d}00\t" for d in (1, 2, 3))
    assert view.paste_text(block) == []
    assert messages[-1] == "Pasted 3 row(s): 1 changed, 2 added (Ctrl+Z undoes)"
    qtbot.waitUntil(lambda: model.rowCount() == ROWS + 2)
    assert query(path, "SELECT count(*) FROM energy")[0][0] == ROWS + 2
    assert query(path, "SELECT period_start FROM energy WHERE id = ?", [last["id"]])[0][0] == "2030-01-01"
    big_window.controller.undo_stack.undo()  # one Ctrl+Z takes the whole paste back
    qtbot.waitUntil(lambda: model.rowCount() == ROWS)
    assert query(path, "SELECT count(*) FROM energy")[0][0] == ROWS
    assert query(path, "SELECT period_start, energy_kwh FROM energy WHERE id = ?", [last["id"]])[0] \
        == (last["period_start"], last["energy"])

    # delete two rows of a sorted table, then undo
    view.table.sortByColumn(col, Qt.SortOrder.DescendingOrder)
    qtbot.waitUntil(lambda: model.spec.sort == "energy" and not model.busy, timeout=20000)
    ids = [model.row(0)["id"], model.row(1)["id"]]
    view.table.selectRow(0)
    flag = view.table.selectionModel().SelectionFlag
    view.table.selectionModel().select(view.proxy.index(1, 0), flag.Select | flag.Rows)
    view.delete_selected()
    qtbot.waitUntil(lambda: model.rowCount() == ROWS - 2)
    assert model.row(0)["id"] not in ids
    assert query(path, f"SELECT count(*) FROM energy WHERE id IN ({ids[0]}, {ids[1]})")[0][0] == 0
    big_window.controller.undo_stack.undo()
    qtbot.waitUntil(lambda: model.rowCount() == ROWS)
    assert query(path, f"SELECT count(*) FROM energy WHERE id IN ({ids[0]}, {ids[1]})")[0][0] == 2


def test_the_window_paints_before_the_figures_of_a_big_workspace(qtbot, tmp_path, big_template):
    from greenledger.gui.main_window import MainWindow

    path = tmp_path / "big.greenledger"
    shutil.copy2(big_template, path)
    w = MainWindow(path)
    qtbot.addWidget(w)
    w.show()
    # the summary of 100,000 rows is read by a worker: until it is in, no figure is shown
    assert w.models.summary is None and w.dashboard.loading
    assert "Reading" in w.dashboard.charts_note.text() and not w.dashboard.band.isVisible()
    sites = w.models[Kind.SITES]
    col = next(i for i, c in enumerate(sites.columns) if c.key == "total_kwh")
    assert sites.index(0, col).data() == ""
    assert "being computed" in sites.index(0, col).data(Qt.ItemDataRole.ToolTipRole)
    assert w.models[Kind.ENERGY].rowCount() == ROWS  # the tables count at once
    qtbot.waitUntil(lambda: w.models.summary is not None, timeout=30000)
    assert not w.dashboard.loading and w.dashboard.cards
    want = query(path, "SELECT sum(energy_kwh) FROM energy e JOIN sites s ON s.id = e.site_id "
                 "WHERE s.name = 'Site 00'")[0][0]
    assert sites.row(0)["total_kwh"].value == pytest.approx(want)


def test_page_queries_are_whitelisted_and_read_the_indexes(big_template):
    with pytest.raises(ValueError):
        pages.PageSpec(Kind.ENERGY, sort="energy_kwh; DROP TABLE energy")
    with pytest.raises(ValueError):
        pages.PageSpec(Kind.ENERGY, facets=(("source", "grid"),))
    with Workspace.open(big_template) as ws:
        spec = pages.PageSpec(Kind.ENERGY, text="50%_x'")  # LIKE's wildcards and a quote: literal
        assert pages.count(ws, spec) == 0
        for spec in (pages.PageSpec(Kind.ENERGY),
                     pages.PageSpec(Kind.ENERGY, facets=(("site", "Site 04"), ("year", "2016")))):
            from greenledger.core.queries import QUERIES, prepare

            name, params = spec.query("window")
            sql, args = prepare(name, {**params, "limit": 200, "offset": 1000})
            plan = " | ".join(r[3] for r in ws.db.execute("EXPLAIN QUERY PLAN " + sql, args))
            assert "TEMP B-TREE" not in plan and "SEARCH e USING" in plan and "(site_id=" in plan, plan
            assert name in QUERIES
        ids = pages.ids(ws, pages.PageSpec(Kind.ENERGY), 5, ROWS - 5)
        assert [r["id"] for r in pages.rows(ws, Kind.ENERGY, list(ids))] == list(ids)


def test_a_label_filter_finds_stored_values_by_their_translation():
    labels = {"grid": "电网", "wind": "风电"}
    assert pages.matching(["grid", "wind", "solar"], lambda v: labels.get(v, v), "电网") == ("grid",)
    assert pages.matching(["grid"], lambda v: labels.get(v, v), "gri") == ()  # LIKE finds it itself


def test_copy_makes_a_formula_like_text_inert_and_leaves_numbers(qtbot, window):
    view = window.tables[Kind.SITES]
    model = view.model
    col = model.field_column("site")
    assert model.setData(model.index(0, col), "=HYPERLINK(\"http://x\",\"click\")")
    qtbot.waitUntil(lambda: model.row(0)["site"].startswith("=") or model.row(model.rowCount() - 1)["site"]
                    .startswith("="))
    i = next(i for i in range(model.rowCount()) if model.row(i)["site"].startswith("="))
    flag = view.table.selectionModel().SelectionFlag
    for c in (col, next(j for j, c in enumerate(model.columns) if c.key == "total_kwh")):
        view.table.selectionModel().select(view.proxy.index(i, c), flag.Select)
    kwh = model.row(i)["total_kwh"].value
    text = view.copy_text()
    assert text.startswith("'=HYPERLINK(") and text.rstrip("\n").split("\t")[1] == format(kwh, ".15g")


def test_a_summary_that_cannot_be_read_says_why_and_shows_no_figure(qtbot, demo_path, monkeypatch):
    from greenledger.core.errors import WorkspaceError
    from greenledger.gui import record_model, workers
    from greenledger.gui.main_window import MainWindow

    def broken(**kwargs):
        raise WorkspaceError("disk I/O error (test)")

    monkeypatch.setattr(record_model, "SYNC_ROWS", 0)  # the demo read as a big workspace is
    monkeypatch.setattr(workers, "workspace_summary", broken)
    w = MainWindow(demo_path)
    qtbot.addWidget(w)
    w.show()
    assert w.dashboard.loading and w.models[Kind.ENERGY].rowCount() > 0
    qtbot.waitUntil(lambda: "could not be read" in w.dashboard.charts_note.text(), timeout=10000)
    assert "disk I/O error (test)" in w.dashboard.charts_note.text()
    assert w.dashboard.loading and not w.dashboard.cards and w.models.summary is None
