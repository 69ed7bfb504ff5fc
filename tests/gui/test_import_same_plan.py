"""The same workbook with the same profile gives the same plan in the window and on the command
line (issue 12 §3): a mapping changed in the import assistant and saved as a profile, then next
month's workbook opened in the assistant (the profile applied by itself) and given to
`greenledger import --dry-run` (the kept profile applied by the same policy) — the dry run
prints the very plan the window shows, and writes nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from greenledger.core.fields import Kind
from greenledger.core.importing import engine
from greenledger.core.importing.describe import describe
from greenledger.core.storage import Workspace
from greenledger.gui.import_assistant import ImportAssistant
from tests.conftest import SITES, write_workbook

ZB = "Zhangbei DC"


def _plants(path: Path, rows) -> Path:
    return write_workbook(path, {"Power": [["Plant", "Kind of power", "Month", "Usage (MWh)"], *rows]})


def _open(qtbot, ws, path: Path) -> ImportAssistant:
    dialog = ImportAssistant(path, ws, start=lambda p, plans: bool(engine.import_plans(ws, p, plans)))
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: bool(dialog.plans) and not dialog.busy, timeout=10_000)
    return dialog


def test_the_window_and_the_command_line_make_the_same_plan(qtbot, tmp_path, capsys):
    from greenledger.gui.cli import main

    path = tmp_path / "ws.greenledger"
    with Workspace.open(path) as ws:
        engine.import_file(ws, write_workbook(tmp_path / "sites.xlsx", {"Sites": SITES}))
        dialog = _open(qtbot, ws, _plants(tmp_path / "may.xlsx", [[ZB, "grid", "2023-05", 12.5]]))
        row = [c.header for c in dialog.plan.columns].index("Kind of power")
        with qtbot.waitSignal(dialog.analysed, timeout=10_000):
            dialog.mapping_editor(row).setCurrentIndex(dialog.mapping_editor(row).findData("source"))
        assert dialog.plan.importable and dialog.save_profile("plant power") is not None
        june = _plants(tmp_path / "june.xlsx", [[ZB, "grid", "2023-06", 10], [ZB, "wind", "2023-06", 2]])
        again = _open(qtbot, ws, june)
        assert again.applied_profile == {"Power": "plant power"}
        plan = again.plan
        assert plan.importable and plan.totals()["energy"] == pytest.approx(12_000)
        shown = describe(plan)
    capsys.readouterr()
    assert main(["--workspace", str(path), "import", str(june), "--dry-run"]) == 0
    out, err = capsys.readouterr()
    assert "plant power" in err  # the kept profile, applied by the same policy
    assert shown in out  # layout, mapping, rows and totals: line for line the window's plan
    with Workspace.open(path, create=False) as ws:
        assert ws.rows(Kind.ENERGY) == []  # the dry run wrote nothing
