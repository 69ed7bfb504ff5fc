"""A data page: filter box (and site / campaign / year filters), a sortable QTableView over a
QSortFilterProxyModel, copy as tab-separated text, and, for editable kinds, paste, add and delete
through the EditController."""

from __future__ import annotations

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QIdentityProxyModel,
    QModelIndex,
    QSortFilterProxyModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from greenledger.core import editing
from greenledger.core.errors import Problem
from greenledger.core.fields import Kind
from greenledger.core.safe_text import csv_field
from greenledger.gui.add_row_dialog import AddRowDialog
from greenledger.gui.cell_delegate import CellDelegate
from greenledger.gui.edit_controller import EditController
from greenledger.gui.record_model import SYNC_ROWS, LazyRecordModel
from greenledger.gui.table_edits import PasteDelete, parse_tsv
from greenledger.gui.table_model import SORT_ROLE, TableModel

__all__ = ["TableView", "parse_tsv"]

ALL = "All"  # the facet box's first item (shown translated, matched by index 0)
# Facet filters: (label, key of the row dict); "year" is the year of period_start / start.
FACETS: dict[Kind, tuple[tuple[str, str], ...]] = {
    Kind.ENERGY: (
        (QT_TRANSLATE_NOOP("TableView", "Site"), "site"),
        (QT_TRANSLATE_NOOP("TableView", "Year"), "year"),
    ),
    Kind.DELIVERIES: ((QT_TRANSLATE_NOOP("TableView", "Campaign"), "campaign"),),
    Kind.PACKAGING: ((QT_TRANSLATE_NOOP("TableView", "Campaign"), "campaign"),),
    Kind.INITIATIVES: ((QT_TRANSLATE_NOOP("TableView", "Campaign"), "campaign"),),
}


def _facet_value(row: dict, key: str) -> str:
    if key == "year":
        d = row.get("period_start") or row.get("start") or ""
        return str(d)[:4]
    return str(row.get(key) or "")


class FilterProxy(QSortFilterProxyModel):
    """Text filter over every column, plus exact-match facets on the source rows."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.facets: dict[str, str] = {}
        self.setSortRole(SORT_ROLE)
        self.setFilterKeyColumn(-1)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

        self._active: dict[str, str] = {}  # facets other than ALL
        self._text = ""

    def set_facet(self, key: str, value: str) -> None:
        if self.facets.get(key, ALL) == value:
            return  # filtering 200,000 rows again for nothing costs a second
        self.beginFilterChange()
        self.facets = {**self.facets, key: value}
        self._active = {k: v for k, v in self.facets.items() if v != ALL}
        self.endFilterChange()

    def set_text(self, text: str) -> None:
        self._text = text
        self.setFilterFixedString(text)

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex) -> bool:
        # called for every row at each reset: the common case (no filter) must cost nothing
        if self._active:
            row = self.sourceModel().row(source_row)
            for key, value in self._active.items():
                if _facet_value(row, key) != value:
                    return False
        if not self._text:
            return True
        return super().filterAcceptsRow(source_row, source_parent)


class LazyProxy(QIdentityProxyModel):
    """The view's model over a LazyRecordModel: rows as they are (the model sorts and filters
    in SQL: a header click reaches its sort); the filter calls of FilterProxy passed on."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.facets: dict[str, str] = {}

    def set_facet(self, key: str, value: str) -> None:
        if self.facets.get(key, ALL) == value:
            return
        self.facets = {**self.facets, key: value}
        self.sourceModel().set_filter(facets={k: v for k, v in self.facets.items() if v != ALL})

    def set_text(self, text: str) -> None:
        self.sourceModel().set_filter(text=text)


class TableView(PasteDelete, QWidget):
    """One page of rows. With a controller and a kind, the rows can be edited in place."""

    problems_found = Signal(str, list)  # title, list[Problem]
    message = Signal(str)  # a short status-bar message

    def __init__(
        self,
        model: TableModel,
        *,
        kind: Kind | None = None,
        controller: EditController | None = None,
        empty_text: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.model, self.kind, self.controller = model, kind, controller
        self.lazy = isinstance(model, LazyRecordModel)
        self.proxy = LazyProxy(self) if self.lazy else FilterProxy(self)
        self.proxy.setSourceModel(model)
        self.table = QTableView(self)
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setDefaultSectionSize(26)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setResizeContentsPrecision(40)  # fit to 40 rows, not all
        # stretch a last text column (notes, sources); a number stays beside its neighbours
        self.table.horizontalHeader().setStretchLastSection(not model.columns[-1].numeric)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setPlaceholderText(self.tr("Filter rows…"))
        self.filter_edit.setClearButtonEnabled(True)
        # a big table is filtered in SQL once typing pauses, not at each key
        self._filter_timer = QTimer(self, singleShot=True, interval=300)
        self._filter_timer.timeout.connect(lambda: self.proxy.set_text(self.filter_edit.text()))
        self.filter_edit.textChanged.connect(self._on_filter_text)
        self.empty_label = QLabel(empty_text, self)
        self.empty_label.setWordWrap(True)
        self.empty_label.setObjectName("emptyState")
        self.count_label = QLabel(self)
        self._facet_boxes: dict[str, QComboBox] = {}
        self._build(kind)
        if controller is not None and kind is not None:
            self._make_editable(kind, controller)
        model.modelReset.connect(self._on_model_changed)
        model.dataChanged.connect(self._on_model_changed)
        self.proxy.rowsInserted.connect(self._update_count)
        self.proxy.rowsRemoved.connect(self._update_count)
        self.proxy.modelReset.connect(self._update_count)
        self.proxy.layoutChanged.connect(self._update_count)
        if self.lazy:
            model.modelReset.connect(self.table.scrollToTop)  # a new sort or filter starts at the top
            model.busy_changed.connect(self._update_count)
            model.refused.connect(self._on_sort_refused)
        self._on_model_changed()

    def _on_filter_text(self, text: str) -> None:
        if self.lazy and self.model.total > SYNC_ROWS:
            self._filter_timer.start()
        else:
            self.proxy.set_text(text)

    def _on_sort_refused(self, reason: str) -> None:
        self.message.emit(reason)
        header = self.table.horizontalHeader()
        header.blockSignals(True)
        header.setSortIndicator(self.model.sort_column, self.model.sort_order)
        header.blockSignals(False)

    def _build(self, kind: Kind | None) -> None:
        bar = QHBoxLayout()
        label = QLabel(self.tr("&Filter:"), self)
        label.setBuddy(self.filter_edit)
        bar.addWidget(label)
        bar.addWidget(self.filter_edit, 2)
        for title, key in FACETS.get(kind, ()) if kind else ():
            box = QComboBox(self)
            box.setMinimumContentsLength(12)
            box.currentIndexChanged.connect(
                lambda i, k=key, b=box: self.proxy.set_facet(k, b.itemText(i) if i > 0 else ALL)
            )
            self._facet_boxes[key] = box
            bar.addWidget(QLabel(QCoreApplication.translate("TableView", title) + ":", self))
            bar.addWidget(box, 1)
        bar.addStretch(1)
        bar.addWidget(self.count_label)
        self.buttons = QHBoxLayout()
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.table, 1)
        layout.addLayout(self.buttons)

    def _make_editable(self, kind: Kind, controller: EditController) -> None:
        self.model.edit_handler = self._submit_cell
        self.delegate = CellDelegate(kind, self._check_cell, self._names, self)
        self.delegate.refused.connect(self.message)
        self.table.setItemDelegate(self.delegate)
        self.add_button = QPushButton(self.tr("&Add row…"), self)
        self.add_button.clicked.connect(self.add_row)
        self.delete_button = QPushButton(self.tr("&Delete rows"), self)
        self.delete_button.clicked.connect(self.delete_selected)
        self._read_only = False
        controller.busy_changed.connect(self._update_editable)  # no edit while many rows are written
        self.buttons.addWidget(self.add_button)
        self.buttons.addWidget(self.delete_button)
        self.buttons.addStretch(1)
        hint = QLabel(
            self.tr(
                "Double-click a cell to edit · Ctrl+V pastes rows from Excel · shaded columns are computed"
            ),
            self,
        )
        hint.setObjectName("hint")
        self.buttons.addWidget(hint)

    def set_read_only(self, read_only: bool) -> None:
        """No editors, paste, add or delete (the workspace is open in another window)."""
        if self.controller is None:
            return
        self._read_only = read_only
        self._update_editable()

    def _update_editable(self, *args) -> None:
        """Editable unless read-only, or while an edit of many rows is written (EditController.busy)."""
        editable = not self._read_only and not self.controller.busy
        self.model.edit_handler = self._submit_cell if editable else None
        self.add_button.setEnabled(editable)
        self.delete_button.setEnabled(editable)

    # --- state -----------------------------------------------------------------------------

    def _on_model_changed(self, *args) -> None:
        empty = (self.model.total if self.lazy else self.model.rowCount()) == 0
        self.empty_label.setVisible(empty and bool(self.empty_label.text()))
        for key, box in self._facet_boxes.items():
            all_text = self.tr("All")
            current = box.currentText() if box.currentIndex() > 0 else all_text
            if self.lazy:  # from SQL: the sites, campaigns, years that have rows
                values = self.model.facet_values(key)
            else:
                values = sorted({_facet_value(r, key) for r in self.model.rows()} - {""})
            if [box.itemText(i) for i in range(box.count())] != [all_text, *values]:
                box.blockSignals(True)
                box.clear()
                box.addItems([all_text, *values])
                box.setCurrentText(current if current in values else all_text)
                box.blockSignals(False)
                self.proxy.set_facet(key, box.currentText() if box.currentIndex() > 0 else ALL)
        self._update_count()

    def _update_count(self, *args) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        if self.lazy:
            total = self.model.total
            if self.model.busy:
                self.count_label.setText(self.tr("Sorting and filtering {0} row(s)…").format(f"{total:,}"))
                return
        self.count_label.setText(
            self.tr("{0} row(s)").format(f"{total:,}")
            if shown == total
            else self.tr("{0} of {1} row(s)").format(f"{shown:,}", f"{total:,}")
        )

    def fit_columns(self) -> None:
        """Fit the columns to their contents now if the page is visible, else when first shown
        (keeps the window's start-up to the page it opens on)."""
        self._fitted = False
        if self.isVisible():
            self._fit()

    def showEvent(self, event) -> None:
        if not getattr(self, "_fitted", True):
            self._fit()
        super().showEvent(event)

    def _fit(self) -> None:
        self._fitted = True
        self.table.resizeColumnsToContents()
        header = self.table.horizontalHeader()
        n = self.model.columnCount()
        for i in range(n):
            header.resizeSection(i, min(max(header.sectionSize(i) + 12, 80), 420))
        # Too wide for the page: narrow the widest text columns (their tooltips hold the whole
        # text) so the numbers, and the computed columns at the right, stay in view.
        excess = sum(header.sectionSize(i) for i in range(n)) - self.table.viewport().width()
        texts = sorted(
            (i for i in range(n) if not self.model.columns[i].numeric), key=header.sectionSize, reverse=True
        )
        for i in texts:
            if excess <= 0:
                break
            cut = min(excess, header.sectionSize(i) - 160)
            if cut > 0:
                header.resizeSection(i, header.sectionSize(i) - cut)
                excess -= cut

    # --- editing -----------------------------------------------------------------------------

    def _names(self, field: str) -> list[str]:
        ws = self.controller.ws
        return sorted(ws.site_names() if field == "site" else ws.campaign_ids())

    def _texts(self, source_row: int) -> tuple[int, dict[str, str]]:
        row = self.model.row(source_row)
        return row["id"], editing.row_texts(self.kind, row)

    def _check_cell(self, index: QModelIndex, text: str) -> str | None:
        src = self.proxy.mapToSource(index)
        row_id, texts = self._texts(src.row())
        texts[self.model.columns[src.column()].field] = text
        problems = self.controller.check(self.kind, [(row_id, texts)])
        return _cell_reason(problems)

    def _submit_cell(self, row: dict, column, text: str) -> str | None:
        texts = editing.row_texts(self.kind, row)
        texts[column.field] = text
        problems = self.controller.submit(self.kind, [(row["id"], texts)], f"Edit {column.header}")
        return _cell_reason(problems)

    def add_row(self) -> AddRowDialog | None:
        """A form for one new row, checked like a pasted row when OK is pressed."""
        if self.controller is None or self.controller.read_only:
            return None
        kind = self.kind
        dialog = AddRowDialog(
            kind,
            self._names,
            lambda texts: self.controller.submit(kind, [(None, texts)], f"Add {kind.value} row"),
            self,
        )
        dialog.open()
        return dialog

    def selected_source_rows(self) -> list[int]:
        """The source rows of the selection, from its ranges (800,000 rows selected are a range,
        not 800,000 × 6 indexes)."""
        rows: set[int] = set()
        for rng in self.table.selectionModel().selection():
            rows.update(range(rng.top(), rng.bottom() + 1))
        if not rows and self.table.currentIndex().isValid():
            rows = {self.table.currentIndex().row()}
        if self.lazy:  # an identity proxy
            return sorted(rows)
        return sorted({self.proxy.mapToSource(self.proxy.index(r, 0)).row() for r in rows})

    # --- clipboard -----------------------------------------------------------------------------

    def copy_text(self) -> str:
        """The selection as tab-separated text (rows and columns in view order)."""
        indexes = self.table.selectionModel().selectedIndexes()
        if not indexes:
            return ""
        rows = sorted({i.row() for i in indexes})
        header = self.table.horizontalHeader()
        cols = sorted({i.column() for i in indexes}, key=header.visualIndex)
        chosen = {(i.row(), i.column()) for i in indexes}
        lines = ["\t".join(self._copy_cell(r, c) if (r, c) in chosen else "" for c in cols) for r in rows]
        return "\n".join(lines) + "\n"

    def _copy_cell(self, r: int, c: int) -> str:
        """The cell as typed; a text that a spreadsheet would run (=, +, -, @ first) starts with
        a quote, as core.safe_text writes it to a CSV file (numbers are left as they are)."""
        index = self.proxy.index(r, c)
        text = str(index.data(Qt.ItemDataRole.EditRole) or "")
        src = self.proxy.mapToSource(index)
        raw = self.model.row(src.row()).get(self.model.columns[src.column()].key)
        return csv_field(text) if isinstance(raw, str) else text

    def copy(self) -> None:
        text = self.copy_text()
        if text:
            QGuiApplication.clipboard().setText(text)
            self.message.emit(self.tr("Copied {0} row(s)").format(text.count(chr(10))))

    def paste(self) -> None:
        self.paste_text(QGuiApplication.clipboard().text())

def _cell_reason(problems: list[Problem]) -> str | None:
    if not problems:
        return None
    return "; ".join(f"{p.column.split(' [')[0]}: {p.reason}" if p.column else p.reason for p in problems)
