"""A transposed sheet (periods down the rows, sites or sources across) as the user sees it.

The engine reads such a sheet as the wide sheet it is the transpose of
(core.importing.transposed): the plan's columns and layout are at the cells of that reading
(`Site [A]`, `2023年1月 [B]`), its problems and rows at the user's cells. The window shows the
user's sheet, so the mapping, the shading and the layout line are given back at the user's
cells here: a period column of the reading is a row of the sheet, a row of the reading (a site)
is a column."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from greenledger.core.importing import tables, transposed
from greenledger.core.importing.reader import SheetData, column_letter
from greenledger.core.importing.values import is_blank


@dataclass(frozen=True, slots=True)
class TransposedView:
    header_rows: list[int]  # 0-based rows of the user's sheet holding the names across
    period_rows: frozenset[int]  # 0-based rows of the user's sheet holding a period each
    period_col: int  # the user's column of the periods
    row_of: dict[int, int]  # a column of the reading -> the user's row (0-based)
    col_of: dict[int, int]  # a row of the reading -> the user's column (0-based)
    names: int  # how many name columns the reading has (site, or site and source)

    @property
    def first_letter(self) -> str:
        return column_letter(min(self.col_of.values())) if self.col_of else "?"

    @property
    def last_letter(self) -> str:
        return column_letter(max(self.col_of.values())) if self.col_of else "?"

    def column_label(self, index: int, header: str) -> str:
        """A column of the reading named where the user sees it: a row of the sheet, or the
        names across a header row."""
        if index < self.names:
            return QCoreApplication.translate(
                "ImportAssistant", "the names across row {0} [{1}–{2}]").format(
                self.header_rows[min(index, len(self.header_rows) - 1)] + 1,
                self.first_letter, self.last_letter)
        row = self.row_of.get(index)
        if row is None:
            return header
        return QCoreApplication.translate("ImportAssistant", "{0} [row {1}]").format(header, row + 1)

    def user_column(self, reading_row: int) -> int | None:
        """The user's column (0-based) of a row of the reading (0-based), if it is one."""
        return self.col_of.get(reading_row)


def transposition(sheet: SheetData | None, plan, options) -> TransposedView | None:
    """How `plan` of `sheet` reads the sheet transposed, or None when it reads it as it is:
    the plan's own `transposed` (SheetPlan.transposed); for a plan without one, the engine's
    rule (core.importing.engine.analyse_sheet) applied to the same sheet and options."""
    if sheet is None or plan is None or plan.template:
        return None
    if hasattr(plan, "transposed"):  # the engine says how it read the sheet
        t = plan.transposed
        if t is None:
            return None
    else:
        header_rows = getattr(options, "header_rows", None)
        if not header_rows and tables.find(sheet.rows):
            return None  # several tables: read as they are
        t = transposed.detect(sheet)
        if t is None or (header_rows and header_rows != [t.header_row]):
            return None
    head = t.header_row - 1
    names = sum(1 for r in t.cols_of.values() if r == head)
    return TransposedView(
        header_rows=[head + i for i in range(max(names, 1))],
        period_rows=frozenset(r for c, r in t.cols_of.items() if c >= names),
        period_col=next((i for i, v in enumerate(sheet.rows[head]) if not is_blank(v)), 0),
        row_of={c: r for c, r in t.cols_of.items() if c >= names},
        col_of=dict(t.rows_of),
        names=names,
    )
