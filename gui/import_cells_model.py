"""The import assistant's view of a sheet: its cells as they are (the first PREVIEW_ROWS rows),
shaded by what the plan makes of them — header (blue), data, left out with why (grey), outside
the data block, the cells of a problem (red), hidden in Excel (grey text, in brackets). A
transposed sheet is shaded at the user's cells (gui.import_transposed)."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QColor

from greenledger.core.importing.reader import SheetData, column_letter
from greenledger.gui.import_texts import column_index
from greenledger.gui.import_transposed import TransposedView
from greenledger.gui.table_model import format_value

PREVIEW_ROWS = 500
HEADER_BG, IGNORED_BG, OUTSIDE_BG = QColor("#dbeafe"), QColor("#eceff1"), QColor("#f5f5f5")
HIDDEN_FG = QColor("#9e9e9e")  # cells of rows and columns hidden in Excel
PROBLEM_BG = QColor("#fdecea")


class SheetModel(QAbstractTableModel):
    """A sheet's cells as they are, shaded by what the plan makes of each row (or, in a
    transposed sheet, of each column)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.rows: list[list[object]] = []
        self.plan = None
        self.width = 0
        self.ignored: dict[int, str] = {}  # row (0-based) -> why it is left out
        self.ignored_cols: dict[int, str] = {}  # column (0-based) -> why (transposed sheets)
        self.bad: set[tuple[int, int]] = set()
        self.hidden_rows: frozenset[int] = frozenset()
        self.hidden_cols: frozenset[int] = frozenset()
        self.transposed: TransposedView | None = None

    def set_sheet(self, sheet: SheetData | None, plan, transposed: TransposedView | None = None,
                  problems=None) -> None:
        """Show `sheet` as `plan` reads it; `problems` (default: the plan's) are marked."""
        self.beginResetModel()
        self.rows = sheet.rows[:PREVIEW_ROWS] if sheet else []
        self.width = max((len(r) for r in self.rows), default=0)
        self.plan = plan
        self.transposed = transposed
        self.hidden_rows = sheet.hidden_rows if sheet else frozenset()
        self.hidden_cols = sheet.hidden_cols if sheet else frozenset()
        layout = plan.layout if plan is not None else None
        self.ignored, self.ignored_cols = {}, {}
        for r in layout.ignored if layout else []:
            col = transposed.user_column(r.row - 1) if transposed is not None else None
            if col is not None:  # a row of the reading is a column of the user's sheet
                self.ignored_cols[col] = r.reason_text
            elif transposed is None or r.row - 1 < transposed.header_rows[0]:
                self.ignored[r.row - 1] = r.reason_text  # titles above the header
        if problems is None:
            problems = plan.all_problems if plan is not None else []
        self.bad = {(p.row - 1, c) for p in problems
                    if p.row is not None and (c := column_index(p.column)) is not None}
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | None = None) -> int:  # noqa: N802 - Qt override
        return 0 if parent is not None and parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | None = None) -> int:  # noqa: N802 - Qt override
        return 0 if parent is not None and parent.isValid() else self.width

    def _row_role(self, r: int) -> tuple[QColor | None, str]:
        layout = self.plan.layout if self.plan is not None else None
        if self.plan is not None and self.plan.template and self.plan.parsed is not None:
            return (HEADER_BG, self.tr("header")) if r == 0 else (None, "")
        if layout is None:
            return None, ""
        t = self.transposed
        if t is not None:
            if r in t.header_rows:
                return HEADER_BG, self.tr("header row")
            if r in self.ignored:
                return IGNORED_BG, self.ignored[r]
            if r not in t.period_rows:
                return OUTSIDE_BG, self.tr("outside the data block")
            return None, ""
        if r in layout.header_rows:
            return HEADER_BG, self.tr("header row")
        if r in self.ignored:
            return IGNORED_BG, self.ignored[r]
        if r < layout.first_data or r >= layout.end:
            return OUTSIDE_BG, self.tr("outside the data block")
        return None, ""

    def _role(self, r: int, c: int) -> tuple[QColor | None, str]:
        color, tip = self._row_role(r)
        if (self.transposed is not None and c in self.ignored_cols and color is None
                and r in self.transposed.period_rows):
            return IGNORED_BG, self.ignored_cols[c]
        return color, tip

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        r, c = index.row(), index.column()
        row = self.rows[r]
        value = row[c] if c < len(row) else ""
        if role == Qt.ItemDataRole.DisplayRole:
            if isinstance(value, float):
                return format_value(value, "amount")
            return "" if value is None else str(value)
        if role == Qt.ItemDataRole.BackgroundRole:
            if (r, c) in self.bad:
                return PROBLEM_BG
            return self._role(r, c)[0]
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = self._role(r, c)[1]
            if self._hidden(r, c):
                tip = "\n".join(filter(None, [tip, self.tr("hidden in Excel")]))
            return tip or None
        if role == Qt.ItemDataRole.ForegroundRole and self._hidden(r, c):
            return HIDDEN_FG
        return None

    def _hidden(self, r: int, c: int) -> bool:
        return r in self.hidden_rows or c in self.hidden_cols

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 - Qt override
                   role: int = Qt.ItemDataRole.DisplayRole):
        hidden = self.hidden_cols if orientation == Qt.Orientation.Horizontal else self.hidden_rows
        if role == Qt.ItemDataRole.ToolTipRole and section in hidden:
            return self.tr("hidden in Excel")
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        text = column_letter(section) if orientation == Qt.Orientation.Horizontal else str(section + 1)
        return f"({text})" if section in hidden else text  # as Excel's hidden look: in brackets
