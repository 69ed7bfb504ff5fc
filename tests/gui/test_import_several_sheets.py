"""Several sheets of one kind in the import window (issue 12): Energy 2022 and Energy 2023 are
checked together before Import is pressed (0 problems means Import succeeds) and imported in one
go; a key in both sheets is a problem naming both sheet and row, and Import stays disabled.
A real workspace file; Import runs the engine synchronously."""

from __future__ import annotations

from pathlib import Path

import pytest

from greenledger.core.accounting import summarize
from greenledger.core.fields import Kind
from greenledger.core.importing import engine
from greenledger.core.storage import Workspace
from tests.conftest import write_workbook
from tests.core.test_several_sheets import SITES, UL, ZB, H, month, years_book


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
    qtbot.waitUntil(lambda: bool(dialog.plans) and not dialog.busy, timeout=10_000)
    return dialog


def test_two_energy_sheets_import_together_from_the_window(qtbot, ws, tmp_path):
    dialog = _open(qtbot, ws, years_book(tmp_path / "years.xlsx"))
    assert dialog.problems_view.texts() == []
    assert dialog.import_button.isEnabled() and "38" in dialog.import_button.text()  # 2 sites, 36 rows
    assert dialog.start_import()
    years = {(y["site"], y["year"]): y["total_kwh"] for y in summarize(ws)["site_years"]}
    assert years == {(ZB, 2022): pytest.approx(12_078), (ZB, 2023): pytest.approx(24_078),
                     (UL, 2023): pytest.approx(24_078)}
    assert len(ws.rows(Kind.ENERGY)) == 36


def test_a_row_in_both_sheets_is_a_problem_before_import(qtbot, ws, tmp_path):
    path = write_workbook(tmp_path / "dup.xlsx", {
        **SITES, "Energy 2023": [H, month(ZB, 2023, 1, 1.0)],
        "Energy (copy)": [H, month(ZB, 2023, 2, 2.0), month(ZB, 2023, 1, 1.0)]})
    dialog = _open(qtbot, ws, path)
    assert not dialog.import_button.isEnabled()
    texts = dialog.problems_view.texts()
    assert any("Energy (copy)" in t and "row 3" in t and "Energy 2023 › row 2" in t for t in texts), texts
