"""Shared fixtures: real workbooks written by openpyxl in tmp_path, real workspace files."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import openpyxl
import pytest

from greenledger.core.storage import Workspace

SITES = [["Site", "Type", "Grid region", "Country"],
         ["Zhangbei DC", "data center", "North China", "China"],
         ["Ulanqab DC", "data center", "Inner Mongolia", "China"]]
CAMPAIGNS = [["Campaign", "Start", "End", "Baseline"],
             ["6.18 2020", date(2020, 6, 1), date(2020, 6, 18), None],
             ["6.18 2021", date(2021, 6, 1), date(2021, 6, 18), "6.18 2020"]]
ENERGY_HEADER = ["Site", "Period start", "Period end", "Source", "Energy (kWh)", "Instrument"]


def write_workbook(path: Path, sheets: dict[str, list[list]], merges: dict | None = None,
                   hidden: tuple = ()) -> Path:
    """Write `sheets` (name -> rows, first row the header) as an .xlsx with openpyxl; `merges`:
    sheet -> ranges to merge ("A2:A4"); `hidden`: names of hidden sheets."""
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for name, rows in sheets.items():
        ws = wb.create_sheet(name)
        for row in rows:
            ws.append(row)
        for rng in (merges or {}).get(name, []):
            ws.merge_cells(rng)
        if name in hidden:
            ws.sheet_state = "hidden"
    wb.save(path)
    return path


@pytest.fixture
def workbook(tmp_path: Path) -> Callable[..., Path]:
    """workbook(sheets, name="book.xlsx") -> path of a real .xlsx in tmp_path."""
    def make(sheets: dict[str, list[list]], name: str = "book.xlsx") -> Path:
        return write_workbook(tmp_path / name, sheets)
    return make


@pytest.fixture
def ws(tmp_path: Path):
    """A new, empty workspace file."""
    w = Workspace.open(tmp_path / "test.greenledger")
    yield w
    w.close()


def snapshot(ws: Workspace) -> dict[str, list]:
    """Every row of every data table, to prove a refused import changed nothing."""
    tables = ["sites", "campaigns", "energy", "deliveries", "packaging", "initiatives",
              "factors", "import_batches"]
    return {t: [tuple(r) for r in ws.db.execute(f"SELECT * FROM {t} ORDER BY id")]
            for t in tables}
