"""The import assistant on a sheet of interval columns: the mapping names each column where
the user sees it in the sheet (the hours' run, the dates' column), not the long reading's."""

from __future__ import annotations

from datetime import date

from greenledger.core.importing.session import ImportSession
from greenledger.gui.import_mapping_model import MappingModel
from tests.conftest import SITES, write_workbook


def test_the_mapping_names_the_sheets_own_columns(qtbot, tmp_path):
    heads = [f"{k:02d}:00" for k in range(1, 25)]
    book = write_workbook(tmp_path / "h.xlsx", {"Sites": SITES, "Load": [
        ["Site", "Date", "Units", *heads],
        ["Zhangbei DC", date(2023, 7, 1), "kWh", *[5.0] * 24]]})
    plan = next(p for p in ImportSession.open(book).plans if p.sheet == "Load")
    model = MappingModel()
    model.set_plan(plan)
    labels = [model.label(i) for i in range(model.rowCount())]
    assert "01:00 … 24:00 [D–AA]" in labels
    assert labels.count("Date [B]") == 2 and "Units [C]" in labels and "Site [A]" in labels
