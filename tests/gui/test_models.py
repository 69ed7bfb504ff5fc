"""Every table model passes Qt's QAbstractItemModelTester."""

from __future__ import annotations

import pytest

from greenledger.core.errors import Problem
from greenledger.core.fields import Kind
from greenledger.gui.factors_view import LIBRARY_COLUMNS, library_rows
from greenledger.gui.imports_view import BATCH_COLUMNS, batch_rows
from greenledger.gui.problems_dialog import PROBLEM_COLUMNS, problem_rows
from greenledger.gui.table_model import TableModel, format_value


@pytest.mark.parametrize("kind", list(Kind))
def test_record_models(qtmodeltester, window, kind):
    model = window.factors_view.workspace_model if kind == Kind.FACTORS else window.models[kind]
    qtmodeltester.check(model)
    qtmodeltester.check(window.factors_view.workspace_view.proxy if kind == Kind.FACTORS
                        else window.tables[kind].proxy)


def test_library_batches_and_problems_models(qtmodeltester, window):
    ws = window.workspace
    for columns, rows in ((LIBRARY_COLUMNS, library_rows(ws.library_factors())),
                          (BATCH_COLUMNS, batch_rows(ws.batches())),
                          (PROBLEM_COLUMNS, problem_rows([Problem("f.xlsx", "bad", "Energy", 3,
                                                                  "Energy (kWh) [E]", "x")]))):
        model = TableModel(columns)
        model.set_rows(rows)
        assert model.rowCount() == len(rows) > 0
        qtmodeltester.check(model)


def test_format_value():
    assert format_value(30040000.0, "number") == "30,040,000"
    assert format_value(0.7025, "factor") == "0.7025"
    assert format_value(44.144, "percent") == "44.1"
    assert format_value(12.5, "number") == "12.50"
    assert format_value(None, "number") == ""
    assert format_value(1234.5, "amount") == "1,234.5"
    assert format_value(30040000.0, "amount") == "30,040,000"
