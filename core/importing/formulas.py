"""Finding formula cells that have no saved value.

python-calamine returns cached values only, so a formula in a workbook written by a program
and never opened in Excel comes back blank. Blank required cells are rare, so only then is the
sheet's XML read (with openpyxl, formulas kept as text) to tell a real blank from a formula.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path


class FormulaProbe:
    """Answers "is the blank cell at (row, col) a formula?" for xlsx/xlsm files, lazily."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._formulas: dict[str, set[tuple[int, int]]] = {}
        self.enabled = path.suffix.lower() in (".xlsx", ".xlsm")

    def checker(self, sheet: str) -> Callable[[int, int], bool] | None:
        if not self.enabled:
            return None
        return lambda row, col: (row, col) in self._sheet_formulas(sheet)

    def _sheet_formulas(self, sheet: str) -> set[tuple[int, int]]:
        if sheet not in self._formulas:
            self._formulas[sheet] = self._scan(sheet)
        return self._formulas[sheet]

    def _scan(self, sheet: str) -> set[tuple[int, int]]:
        from openpyxl import load_workbook  # only needed on this rare path

        found: set[tuple[int, int]] = set()
        try:
            wb = load_workbook(self.path, read_only=True, data_only=False)
        except Exception:  # unreadable by openpyxl: fall back to "blank"
            return found
        try:
            ws = wb[sheet]
            for r, row in enumerate(ws.iter_rows(values_only=True)):
                for c, value in enumerate(row):
                    if isinstance(value, str) and value.startswith("="):
                        found.add((r, c))
        except KeyError:
            pass
        finally:
            wb.close()
        return found
