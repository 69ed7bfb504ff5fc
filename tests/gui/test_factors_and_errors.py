"""Workspace factors override the library in the figures; unexpected errors reach a dialog."""

from __future__ import annotations

import sys

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton

from greenledger.core.fields import Kind
from greenledger.core.logs import stop_logging
from greenledger.gui import error_dialog


def test_workspace_factor_overrides_the_library(qtbot, window):
    energy = window.models[Kind.ENERGY]
    col = next(i for i, c in enumerate(energy.columns) if c.key == "factor_kg_per_kwh")
    assert energy.index(0, col).data() == "0.7025"
    texts = {"factor": "grid", "region": "Inner Mongolia", "year": "2020", "value": "0.5",
             "unit": "kg CO2/kWh", "source": "our utility"}
    assert window.controller.submit(Kind.FACTORS, [(None, texts)], "Add factor") == []
    qtbot.waitUntil(lambda: energy.index(0, col).data() == "0.5")
    assert "our utility" in energy.index(0, col).data(Qt.ItemDataRole.ToolTipRole)
    assert window.factors_view.workspace_model.rowCount() == 1
    library = window.factors_view.library_model
    assert library.rowCount() > 50
    assert not library.flags(library.index(0, 0)) & Qt.ItemFlag.ItemIsEditable


def test_unexpected_exception_shows_dialog_and_is_logged(qtbot, tmp_path, monkeypatch):
    log = tmp_path / "greenledger.log"
    monkeypatch.setattr(error_dialog, "log_file", lambda: log)
    try:
        raise RuntimeError("boom")
    except RuntimeError:
        error_dialog.handle_exception(*sys.exc_info())
    finally:
        stop_logging()  # the log file of this test is closed, the next test starts its own
    dialog = error_dialog._open_dialogs[-1]
    qtbot.addWidget(dialog)
    assert dialog.isVisible() and "RuntimeError: boom" in dialog.details
    copy = next(b for b in dialog.findChildren(QPushButton) if "Copy" in b.text())
    copy.click()
    assert "RuntimeError: boom" in QApplication.clipboard().text()
    assert "boom" in log.read_text()
