"""The import assistant in its own words (issue 12 §1, §3), over every workbook of the test suite
(tests/data, LibreOffice-saved and blind ones) and over workbooks made to hit each refusal that
has a hint: no text the window shows names a command-line flag (`--unit`, `--map`, …), each
hint names a control the window has, and "0 problems" means Import succeeds."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import Qt

from greenledger.core.importing import engine
from greenledger.core.storage import Workspace
from greenledger.gui.import_assistant import ImportAssistant
from greenledger.gui.problems_dialog import ProblemsDialog
from tests.conftest import SITES, write_workbook

DATA = Path(__file__).resolve().parent.parent / "data"
WORKBOOKS = sorted(p for p in DATA.rglob("*")
                   if p.suffix.lower() in (".xlsx", ".xlsm", ".xls", ".ods", ".csv")
                   and not p.name.startswith(("_", "~")))


@pytest.fixture
def ws(tmp_path):
    w = Workspace.open(tmp_path / "ws.greenledger")
    yield w
    w.close()


def _open(qtbot, ws, path: Path, results: list | None = None) -> ImportAssistant:
    def start(p, plans):  # the window's runner does the same on its thread
        (results if results is not None else []).append(engine.import_plans(ws, p, plans))
        return True

    dialog = ImportAssistant(path, ws, start=start)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: not dialog.busy and (bool(dialog.plans) or dialog.problems.count() > 0),
                    timeout=20_000)
    return dialog


def _shown(dialog) -> list[str]:
    """Every text the dialog shows or tips, sheet by sheet."""
    texts = [dialog.status.text()]
    for name in dialog.sheet_list.names:
        dialog.show_sheet(name)
        texts += [dialog.layout_label.text(), dialog.totals_label.text(), dialog.tabs.tabText(1)]
        texts += dialog.problems_view.texts()
        for model in (dialog.sheet_list, dialog.mapping_model, dialog.preview_model):
            for r in range(model.rowCount()):
                for c in range(model.columnCount()):
                    for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                        texts.append(str(model.data(model.index(r, c), role) or ""))
        texts += [b.currentText() for b in dialog.values_view.boxes.values()]
    return texts + dialog.problems_view.texts()


def test_the_suite_has_workbooks():
    assert len(WORKBOOKS) >= 10


@pytest.mark.parametrize("path", WORKBOOKS, ids=lambda p: str(p.relative_to(DATA)))
def test_no_flag_is_shown_and_zero_problems_imports(qtbot, ws, path):
    results: list = []
    dialog = _open(qtbot, ws, path, results)
    flagged = [t for t in _shown(dialog) if "--" in t]
    assert not flagged
    if dialog.import_button.isEnabled():  # "0 problems": Import must succeed, as shown
        plans = dialog.sheet_list.included_plans()
        assert not any(p.all_problems for p in plans)
        rows = sum(len(p) for p in plans if p.importable)
        assert f"{rows:,}" in dialog.import_button.text()
        assert dialog.start_import()  # ImportRefused would be raised here
        result = results[0]
        assert result.inserted + result.updated + sum(c.unchanged for c in result.counts.values()) > 0
    else:
        assert dialog.problems_view.texts() or not any(p.importable for p in dialog.session.plans)


def _made(tmp_path: Path) -> dict[str, Path]:
    """A workbook for each refusal with a hint, and the control its hint must name."""
    two = tmp_path / "two-measures.xlsx"
    wb = openpyxl.Workbook()
    wb.active.title = "Sites"
    for row in SITES:
        wb.active.append(row)
    e = wb.create_sheet("用电")
    for row in (["单位：MWh"], ["站点", "能源类型", "实际", None, "计划", None],
                [None, None, "2023年1月", "2023年2月", "2023年1月", "2023年2月"],
                ["Zhangbei DC", "电网", 1, 2, 10, 20]):
        e.append(row)
    e.merge_cells("C2:D2")
    e.merge_cells("E2:F2")
    wb.save(two)
    hidden = write_workbook(tmp_path / "hidden.xlsx", {"Sites": SITES, "Old": [
        ["Site", "Month", "Source", "Energy (kWh)"], ["Zhangbei DC", "2023-01", "grid", 5]]})
    wb = openpyxl.load_workbook(hidden)
    wb["Old"].sheet_state = "hidden"
    wb.save(hidden)
    return {
        "Unit column": write_workbook(tmp_path / "bare.xlsx", {"Sites": SITES, "Sheet2": [
            ["站点", "能源类型", "2023年1月", "2023年2月"], ["Zhangbei DC", "电网", 1.5, 2]]}),
        "Field column": two,
        # "sheet list" (one_sheet) is gone: several sheets of one kind now import together
        # (readings-units.xlsx's Energy and 用电: tests/core/test_several_sheets.py)
        "Kind above": hidden,
        "every row": write_workbook(tmp_path / "no-source.xlsx", {"Sites": SITES, "Bill": [
            ["Site", "Month", "Usage (kWh)"], ["Zhangbei DC", "2023-01", 100]]}),
    }


def test_each_hint_names_a_control_of_the_window(qtbot, ws, tmp_path):
    for control, path in _made(tmp_path).items():
        dialog = _open(qtbot, ws, path)
        texts = _shown(dialog)
        assert not [t for t in texts if "--" in t], path.name
        assert any(control in t for t in texts), (control, path.name, texts[:3])


def test_the_refusal_report_speaks_the_windows_words(qtbot, ws, tmp_path):
    """The report of a refused import (the main window's ProblemsDialog) too."""
    from greenledger.core.errors import ImportRefused

    path = _made(tmp_path)["Unit column"]  # a column whose unit the sheet does not state
    with pytest.raises(ImportRefused) as refused:
        engine.import_file(ws, path)
    dialog = ProblemsDialog("Import refused", refused.value.problems, refused.value.warnings)
    qtbot.addWidget(dialog)
    assert "--" not in dialog.text() and "Unit column" in dialog.text()
    model = dialog.model
    reasons = [model.data(model.index(r, 5)) for r in range(model.rowCount())]
    assert reasons and not [t for t in reasons if "--" in t]


def test_every_hint_of_the_engine_has_the_windows_words():
    """A hint code added to the engine without words in the window would leave a refusal
    without what to do about it here."""
    from greenledger.core.importing import codes
    from greenledger.gui.import_hints import HINT_OF_PROBLEM, HINTS

    assert {h.value for h in codes.Hint} <= set(HINTS)
    assert set(codes.HINT_OF_PROBLEM) <= set(HINT_OF_PROBLEM)
    assert not [t for t in HINTS.values() if "--" in t]
