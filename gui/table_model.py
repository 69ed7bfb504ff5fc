"""A QAbstractTableModel over a list of dict rows, described by Column specs.

Numbers are right-aligned with thousands separators; computed columns (whose cells hold a
core.row_figures.Figure) are read-only, shaded, and explain themselves in a tooltip.
"""

from __future__ import annotations

import math
import textwrap
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor, QFont

from greenledger.core.editing import cell_text
from greenledger.core.i18n import fmt_cn
from greenledger.core.row_figures import Figure
from greenledger.gui.value_labels import value_label

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
_QUANTITY_FORMATS = ("number", "amount", "int")
COMPUTED_BACKGROUND = QColor("#eef2ee")
COMPUTED_FOREGROUND = QColor("#35523a")
READ_ONLY_FOREGROUND = QColor("#4b5563")
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter


@dataclass(frozen=True, slots=True)
class Column:
    """One column: `key` in the row dicts; `fmt` text|number|amount|int|percent|factor; `field` the
    template field an edit of this column changes (None: read-only)."""

    header: str
    key: str
    fmt: str = "text"
    field: str | None = None
    computed: bool = False
    tip: str = ""

    @property
    def numeric(self) -> bool:
        return self.fmt != "text"


def format_value(value: object, fmt: str) -> str:
    """Display text of a value: thousands separators, sensible decimals, blank for None."""
    if value is None or value == "":
        return ""
    if fmt == "text" or not isinstance(value, int | float):
        return str(value)
    v = float(value)
    if v == 0:
        return "0"
    if fmt == "amount":  # a value as entered: no rounding away of its decimals
        return f"{v:,.0f}" if v.is_integer() else f"{v:,.6f}".rstrip("0").rstrip(".")
    if fmt == "int":
        return f"{v:,.0f}"
    if fmt == "percent":
        return f"{v:,.1f}"
    if fmt == "factor" or (v != 0 and abs(v) < 1):
        return f"{v:,.4g}" if abs(v) < 1e4 else f"{v:,.0f}"
    if abs(v) >= 100:
        return f"{v:,.0f}"
    return f"{v:,.2f}"


class TableModel(QAbstractTableModel):
    """Rows of dicts under Column specs. Edits go through `edit_handler(row, column, text)`, which
    returns a refusal reason or None; without it the model is read-only."""

    def __init__(self, columns: Sequence[Column], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self._rows: list[dict] = []
        self.edit_handler: Callable[[dict, Column, str], str | None] | None = None
        self.read_only_rows = False
        self.cn_units = False  # quantities of 10,000 and more as 4.5 亿 (gui.display_settings)

    def set_cn_units(self, on: bool) -> None:
        """Show quantities in 万/亿 (True) or with thousands separators; the values stay."""
        if on == self.cn_units:
            return
        self.cn_units = on
        if self.rowCount():
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, len(self.columns) - 1),
                                  [Qt.ItemDataRole.DisplayRole])

    def set_rows(self, rows: Sequence[dict]) -> None:
        """Replace the rows; keeps selection and scroll when the same rows come back."""
        rows = list(rows)
        if self._rows and [r.get("id") for r in rows] == [r.get("id") for r in self._rows]:
            self._rows = rows
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(len(rows) - 1, len(self.columns) - 1))
            return
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def replace_rows(self, rows: Sequence[dict]) -> bool:
        """Put changed rows (matched by id) in place; False when one is not shown yet."""
        where = {r.get("id"): i for i, r in enumerate(self._rows)}
        if any(r.get("id") not in where for r in rows):
            return False
        last = len(self.columns) - 1
        for r in rows:
            i = where[r["id"]]
            self._rows[i] = r
            self.dataChanged.emit(self.index(i, 0), self.index(i, last))
        return True

    def row(self, i: int) -> dict:
        return self._rows[i]

    def rows(self) -> list[dict]:
        return list(self._rows)

    # --- Qt overrides ---------------------------------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        col = self.columns[index.column()]
        raw = self.row(index.row()).get(col.key)
        value = raw.value if isinstance(raw, Figure) else raw
        if role == Qt.ItemDataRole.DisplayRole:
            if col.field and isinstance(value, str):
                return value_label(col.field, value)  # 电网 for grid in Chinese; stored as grid
            if self.cn_units and col.fmt in _QUANTITY_FORMATS and isinstance(value, int | float) \
                    and abs(value) >= 1e4:
                return fmt_cn(value)
            return format_value(value, col.fmt)
        if role == Qt.ItemDataRole.EditRole:
            return cell_text(value)
        if role == SORT_ROLE:
            if col.numeric:
                return float(value) if isinstance(value, int | float) else -math.inf
            return "" if value is None else str(value).casefold()
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(_RIGHT if col.numeric else _LEFT)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(col, raw)
        if role == Qt.ItemDataRole.BackgroundRole and col.computed:
            return COMPUTED_BACKGROUND
        if role == Qt.ItemDataRole.ForegroundRole:
            if col.computed:
                return COMPUTED_FOREGROUND
            if self.read_only_rows:
                return READ_ONLY_FOREGROUND
        return None

    def _tooltip(self, col: Column, raw: object) -> str | None:
        if isinstance(raw, Figure):
            how = "\n".join(textwrap.wrap(raw.how, 90))
            return f"{col.header} — computed, read-only\n{how}" if raw.how else col.header
        if isinstance(raw, str) and len(raw) > 30:  # the whole text of a cell that may be clipped
            return "\n".join(textwrap.wrap(raw, 90))
        return col.tip or None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal:
            if role == Qt.ItemDataRole.DisplayRole:
                return str(section + 1)
            return None
        col = self.columns[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("Columns", col.header)
        if role == Qt.ItemDataRole.ToolTipRole:
            base = QCoreApplication.translate("Columns", col.tip or col.header)
            return base + "\n" + self.tr("Computed, read-only") if col.computed else base
        if role == Qt.ItemDataRole.FontRole and col.computed:
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(_RIGHT if col.numeric else _LEFT)
        return None

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.edit_handler is not None and self.columns[index.column()].field:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index, value, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if (role != Qt.ItemDataRole.EditRole or not index.isValid() or self.edit_handler is None
                or not self.columns[index.column()].field):
            return False
        reason = self.edit_handler(self.row(index.row()), self.columns[index.column()],
                             "" if value is None else str(value))
        self.last_refusal = reason
        return reason is None


PAGE_ROWS = 200  # rows read at a time by a LazyTableModel
CACHED_PAGES = 40  # pages kept (8,000 rows): a screen or two of scrolling back and forth
_GONE: dict = {}  # a row that went between the count and the read (shown blank)


class LazyTableModel(TableModel):
    """A TableModel whose rows are read a page at a time when a view asks for them:
    `_fetch_page(first, n)` returns the dicts of rows first .. first + n - 1, `_count` is the
    number of rows. Only the pages of recently shown rows are kept."""

    def __init__(self, columns: Sequence[Column], parent: QObject | None = None) -> None:
        super().__init__(columns, parent)
        self._count = 0
        self._pages: OrderedDict[int, list[dict]] = OrderedDict()

    def _fetch_page(self, first: int, n: int) -> list[dict]:  # pragma: no cover - abstract
        raise NotImplementedError

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._count

    def row(self, i: int) -> dict:
        page, at = divmod(i, PAGE_ROWS)
        rows = self._pages.get(page)
        if rows is None:
            first = page * PAGE_ROWS
            rows = self._pages[page] = self._fetch_page(first, min(PAGE_ROWS, self._count - first))
            if len(self._pages) > CACHED_PAGES:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(page)
        return rows[at] if 0 <= at < len(rows) else _GONE

    def rows(self) -> list[dict]:
        """Every row (reads them all: for small tables and tests)."""
        return [self.row(i) for i in range(self._count)]

    @property
    def pages_cached(self) -> int:
        return len(self._pages)

    def set_rows(self, rows: Sequence[dict]) -> None:
        raise TypeError("a lazy model reads its rows itself")

    def replace_rows(self, rows: Sequence[dict]) -> bool:
        raise TypeError("a lazy model reads its rows itself")

    def _recount(self, new: int) -> None:
        """Drop the pages read and show `new` rows: the rows past the old end inserted (or
        the last ones removed), every row shown again; the view keeps its scroll and current
        cell."""
        self._pages.clear()
        old = self._count
        if new > old:
            self.beginInsertRows(QModelIndex(), old, new - 1)
            self._count = new
            self.endInsertRows()
        elif new < old:
            self.beginRemoveRows(QModelIndex(), new, old - 1)
            self._count = new
            self.endRemoveRows()
        if self._count:
            self.dataChanged.emit(self.index(0, 0), self.index(self._count - 1, len(self.columns) - 1))

    def _reset(self, count: int) -> None:
        self.beginResetModel()
        self._pages.clear()
        self._count = count
        self.endResetModel()
