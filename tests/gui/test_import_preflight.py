"""Preflight equals import in the window (issue 12 §3): the import assistant's problems list runs
every check Import runs against the workspace, so "0 problems" means Import succeeds. The dialog
is driven on its own (a real workspace file; Import runs the same engine synchronously)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from greenledger.core.fields import Kind
from greenledger.core.importing import engine
from greenledger.core.storage import Workspace
from tests.conftest import ENERGY_HEADER, SITES, write_workbook


@pytest.fixture
def ws(tmp_path):
    w = Workspace.open(tmp_path / "ws.greenledger")
    yield w
    w.close()


def _open(qtbot, ws, path: Path):
    from greenledger.gui.import_assistant import ImportAssistant

    def start(p, plans):
        engine.import_plans(ws, p, plans)
        return True

    dialog = ImportAssistant(path, ws, start=start)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: bool(dialog.plans) and dialog._worker is None, timeout=10_000)
    return dialog


def _texts(dialog) -> list[str]:
    return [dialog.problems.item(i).text() for i in range(dialog.problems.count())]


def test_an_unknown_site_is_a_problem_before_import_is_pressed(qtbot, ws, tmp_path):
    path = write_workbook(tmp_path / "e.xlsx", {"Energy": [
        ENERGY_HEADER, ["Nowhere DC", date(2023, 1, 1), date(2023, 1, 31), "grid", 5, None]]})
    dialog = _open(qtbot, ws, path)
    assert not dialog.import_button.isEnabled()
    assert any("unknown site" in t and "row 2" in t for t in _texts(dialog))


def test_a_row_overlapping_a_stored_row_is_a_problem_and_a_total_a_warning(qtbot, ws, tmp_path):
    months = [["Zhangbei DC", date(2023, 1, 1), date(2023, 1, 31), "grid", 100.0, None],
              ["Zhangbei DC", date(2023, 2, 1), date(2023, 2, 28), "grid", 100.0, None]]
    first = write_workbook(tmp_path / "first.xlsx", {"Sites": SITES, "Energy": [ENERGY_HEADER, *months]})
    dialog = _open(qtbot, ws, first)
    assert dialog.import_button.isEnabled() and not _texts(dialog)
    assert dialog.start_import()
    overlap = write_workbook(tmp_path / "second.xlsx", {"Energy": [
        ENERGY_HEADER, ["Zhangbei DC", date(2023, 1, 15), date(2023, 2, 14), "grid", 90.0, None]]})
    dialog = _open(qtbot, ws, overlap)
    assert not dialog.import_button.isEnabled()
    assert any("first.xlsx › Energy › row 2" in t for t in _texts(dialog))
    total = write_workbook(tmp_path / "third.xlsx", {"Energy": [
        ENERGY_HEADER, *months,
        ["Zhangbei DC", date(2023, 1, 1), date(2023, 2, 28), "grid", 200.0, None]]})
    dialog = _open(qtbot, ws, total)
    assert dialog.import_button.isEnabled()
    assert any("left out" in t and "row 4" in t for t in _texts(dialog))
    assert dialog.start_import()
    assert sum(r["energy"] for r in ws.rows(Kind.ENERGY)) == 200.0


def test_the_sheets_own_totals_are_shown_reconciled(qtbot, ws, tmp_path):
    from tests.gui.test_import_assistant import _messy

    dialog = _open(qtbot, ws, _messy(tmp_path / "messy.xlsx"))
    dialog.show_sheet("用电")
    assert "row 6 合计 · 2023年1月 1.8 万千瓦时 = 18,000 kWh imported ✓" in dialog.totals_label.text()
    assert dialog.import_button.isEnabled()


def test_the_checks_run_off_the_gui_thread_on_their_own_connection(qtbot, ws, tmp_path, monkeypatch):
    """A large sheet's checks take seconds: they run on the worker thread, against the
    workspace file through a connection of that thread, and still see the stored rows."""
    import threading

    from greenledger.core.importing.session import ImportSession

    threads = []
    real = ImportSession.preflight

    def preflight(self, w):
        threads.append((threading.get_ident(), w is ws, w.path == ws.path))
        return real(self, w)

    monkeypatch.setattr(ImportSession, "preflight", preflight)
    first = write_workbook(tmp_path / "first.xlsx", {"Sites": SITES, "Energy": [
        ENERGY_HEADER, ["Zhangbei DC", date(2023, 1, 1), date(2023, 1, 31), "grid", 100.0, None]]})
    assert _open(qtbot, ws, first).start_import()
    again = _open(qtbot, ws, write_workbook(tmp_path / "again.xlsx", {"Energy": [
        ENERGY_HEADER, ["Zhangbei DC", date(2023, 1, 10), date(2023, 2, 9), "grid", 90.0, None]]}))
    assert threads and all(t != threading.get_ident() and not same and path for t, same, path in threads)
    assert not again.import_button.isEnabled()
    assert any("first.xlsx › Energy › row 2" in t for t in _texts(again))  # the stored row's overlap
