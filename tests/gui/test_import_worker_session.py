"""The window's Import runs through ImportSession.import_into, the call `greenledger import`
makes: the file-changed check runs inside the import itself, and progress and Cancel still work."""

from __future__ import annotations

import time
from datetime import date
from pathlib import Path

import pytest

import greenledger.gui.workers as workers
from greenledger.core.errors import ImportCancelled, ImportRefused
from greenledger.core.importing.result import ImportResult
from greenledger.gui.main_window import MainWindow
from tests.conftest import ENERGY_HEADER, SITES, write_workbook
from tests.gui.helpers import query


def _book(tmp_path: Path, kwh: float = 1000) -> Path:
    return write_workbook(tmp_path / "energy.xlsx", {
        "Sites": SITES,
        "Energy": [ENERGY_HEADER,
                   ["Zhangbei DC", date(2022, 1, 1), date(2022, 1, 31), "grid", kwh, None],
                   ["Zhangbei DC", date(2022, 2, 1), date(2022, 2, 28), "wind", 500, "PPA"]]})


def _assistant_ready(qtbot, tmp_path):
    w = MainWindow(tmp_path / "empty.greenledger")
    qtbot.addWidget(w)
    w.show()
    book = _book(tmp_path)
    dialog = w.open_import_assistant(book)
    qtbot.waitUntil(lambda: dialog.import_button.isEnabled(), timeout=15000)
    return w, dialog, book


def test_a_file_saved_between_import_and_the_worker_is_refused_by_the_session(
        qtbot, tmp_path, monkeypatch):
    """The dialog's own check passes; the file changes before the worker reads the plans. Only
    a worker that imports through the session's `import_into` notices (the plans were made
    from the old bytes: 1,000 kWh, the file now says 9,999)."""
    w, dialog, book = _assistant_ready(qtbot, tmp_path)
    real = workers.import_workbook
    seen = []

    def saved_meanwhile(**kwargs):
        seen.append(kwargs["plans"])
        _book(tmp_path, kwh=9999)  # the analyst saves the workbook in Excel
        return real(**kwargs)

    monkeypatch.setattr(workers, "import_workbook", saved_meanwhile)
    with qtbot.waitSignal(w.import_finished, timeout=15000) as blocker:
        dialog.import_button.click()
    outcome = blocker.args[0]
    assert seen and seen[0].session is dialog.session
    assert isinstance(outcome, ImportRefused), outcome
    assert [p.code for p in outcome.problems] == ["file_changed"]
    assert query(w.workspace.path, "SELECT count(*) FROM energy") == [(0,)]
    assert query(w.workspace.path, "SELECT count(*) FROM import_batches") == [(0,)]


def test_the_assistants_import_reports_progress_and_stores_the_figures(qtbot, tmp_path, monkeypatch):
    w, dialog, _ = _assistant_ready(qtbot, tmp_path)
    steps = []
    w.imports.runner.progress.connect(lambda done, total: steps.append((done, total)))
    with qtbot.waitSignal(w.import_finished, timeout=15000) as blocker:
        dialog.import_button.click()
    outcome = blocker.args[0]
    assert isinstance(outcome, ImportResult) and outcome.inserted == 4
    assert query(w.workspace.path, "SELECT sum(energy_kwh) FROM energy") == [(1500.0,)]
    assert steps and steps[-1][0] == steps[-1][1] > 0


def test_cancel_of_the_assistants_import_writes_nothing(qtbot, tmp_path, monkeypatch):
    w, dialog, _ = _assistant_ready(qtbot, tmp_path)
    real = workers.import_workbook

    def waits_for_cancel(*, cancelled, **kwargs):
        while not cancelled():
            time.sleep(0.01)
        return real(cancelled=cancelled, **kwargs)

    monkeypatch.setattr(workers, "import_workbook", waits_for_cancel)
    with qtbot.waitSignal(w.import_finished, timeout=15000) as blocker:
        dialog.import_button.click()
        w.import_status.cancel_button.click()
    assert isinstance(blocker.args[0], ImportCancelled)
    assert query(w.workspace.path, "SELECT count(*) FROM energy") == [(0,)]
    assert query(w.workspace.path, "SELECT count(*) FROM import_batches") == [(0,)]


def test_bare_plans_without_their_session_are_not_imported(tmp_path):
    from greenledger.core.importing.session import ImportSession
    from greenledger.core.storage import Workspace

    ws_path = tmp_path / "w.greenledger"
    Workspace.open(ws_path).close()
    session = ImportSession.open(_book(tmp_path))
    with pytest.raises(TypeError, match="session"):
        workers.import_workbook(workspace=ws_path, file=session.path, plans=list(session.plans),
                                progress=lambda *_: None, cancelled=lambda: False)
    assert query(ws_path, "SELECT count(*) FROM energy") == [(0,)]
