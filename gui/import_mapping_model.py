"""The import assistant's mapping: one row per column of the sheet — the column (at the user's
cells, also in a transposed sheet), the field it is read as, its unit, how sure and how it was
found. Field and Unit are edited in place (a dropdown each, MappingDelegate); a choice is
emitted as `field_chosen(header, field)` or `unit_chosen(field, unit)` for the dialog to analyse
the sheet again."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QComboBox, QHeaderView, QStyledItemDelegate, QTableView

from greenledger.core.fields import FieldType
from greenledger.core.importing import intervals
from greenledger.core.importing import mapping as mp
from greenledger.core.units import DIMENSIONS
from greenledger.gui.import_texts import field_label, how_text, unit_from_text

COLUMN, FIELD, UNIT, CONFIDENCE, HOW = range(5)
UNSURE_BG = QColor("#fff4e5")
UNITS = {
    "energy": ["kWh", "MWh", "GWh", "万千瓦时", "亿千瓦时"],
    "mass": ["kg", "t", "kt", "万吨", "g"],
    "distance": ["km", "m", "万公里"],
    "percent": ["%"],
}


class MappingModel(QAbstractTableModel):
    field_chosen = Signal(str, str)  # header (or the group a period column sits under), field
    unit_chosen = Signal(str, str)  # field, unit

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.plan = None
        self.columns: list = []
        self.transposed = None

    def set_plan(self, plan, transposed=None) -> None:
        self.beginResetModel()
        self.plan, self.transposed = plan, transposed
        shown = plan is not None and plan.kind is not None  # a template's too: a choice reads
        self.columns = list(plan.columns) if shown else []  # it as any sheet
        self.endResetModel()

    # --- what a row offers ----------------------------------------------------------------------

    def label(self, row: int) -> str:
        col = self.columns[row]
        if self.transposed is not None:
            return self.transposed.column_label(col.index, col.header)
        if getattr(self.plan, "intervals", None) is not None:  # a day a row, its hours across
            return intervals.column_label(self.plan.intervals, col.index, col.header)
        return col.label

    def key(self, row: int) -> str:
        """What a field chosen for this row is given for (the mapping's header)."""
        col = self.columns[row]
        return (col.group or col.header) if col.period is not None else col.header

    def field_choices(self, row: int) -> list[tuple[str, str]]:
        kind, col = self.plan.kind, self.columns[row]
        out = [(QCoreApplication.translate("ImportAssistant", "— ignore —"), mp.IGNORE)]
        for n in mp.field_names(kind):
            if col.period is None:
                out.append((field_label(kind, n, units=True), n))
                continue
            f = mp.kind_field(kind, n)  # a period column: which quantity it holds, or none
            if f is not None and f.type == FieldType.NUMBER:
                out.append((QCoreApplication.translate("ImportAssistant", "{0} of {1}").format(
                    field_label(kind, n, units=True), col.period.label), n))
        return out

    def dimension(self, row: int) -> str | None:
        col = self.columns[row]
        if not col.field or col.field == mp.PERIOD:
            return None
        f = mp.kind_field(self.plan.kind, col.field)
        return f.dimension if f is not None else None

    def own_units(self, row: int) -> str | None:
        """Where a column's figures carry their own units (a Unit column, units in the
        cells), said instead of a unit to choose: choosing one would override every row's."""
        col = self.columns[row]
        source = str(getattr(col, "unit_source", "") or "")
        at = str(getattr(col, "unit_at", "") or "")
        where = col.unit_from or ""
        if source == "unit_column" or where.startswith("the unit column "):
            return QCoreApplication.translate("ImportAssistant", "each row's own ({0})").format(
                at or where.removeprefix("the unit column "))
        if source == "cells" or where == "its cells":
            return QCoreApplication.translate("ImportAssistant", "each cell's own")
        return None

    def editable_unit(self, row: int) -> bool:
        return bool(self.dimension(row)) and self.own_units(row) is None

    def unit_choices(self, row: int) -> list[str]:
        dim = self.dimension(row)
        return UNITS.get(dim, sorted(DIMENSIONS.get(dim, {}))) if dim else []

    # --- Qt overrides ---------------------------------------------------------------------------

    def rowCount(self, parent: QModelIndex | None = None) -> int:  # noqa: N802 - Qt override
        return 0 if parent is not None and parent.isValid() else len(self.columns)

    def columnCount(self, parent: QModelIndex | None = None) -> int:  # noqa: N802 - Qt override
        return 0 if parent is not None and parent.isValid() else 5

    def flags(self, index: QModelIndex):
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        c = index.column()
        if c == FIELD or (c == UNIT and self.editable_unit(index.row())):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        r, c = index.row(), index.column()
        col = self.columns[r]
        if role == Qt.ItemDataRole.EditRole:
            if c == FIELD:
                return col.field or mp.IGNORE
            if c == UNIT:
                return col.unit or ""
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(r, c)
        if role == Qt.ItemDataRole.ToolTipRole:
            if c == FIELD and col.period is not None and col.group:
                return QCoreApplication.translate(
                    "ImportAssistant", "Sets every column under “{0}”").format(col.group)
            if c == UNIT and self.dimension(r):
                return QCoreApplication.translate("ImportAssistant", "unit from: {0}").format(
                    unit_from_text(col))
            if c in (COLUMN, HOW):
                return self._text(r, c) or None
        if role == Qt.ItemDataRole.TextAlignmentRole and c == CONFIDENCE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.BackgroundRole and c == CONFIDENCE:
            return UNSURE_BG if col.field and col.confidence < 0.8 else None
        return None

    def _text(self, r: int, c: int) -> str:
        col = self.columns[r]
        if c == COLUMN:
            return self.label(r)
        if c == FIELD:
            value = col.field or mp.IGNORE
            return next((t for t, v in self.field_choices(r) if v == value), value)
        if c == UNIT:
            return (self.own_units(r) or col.unit or "") if self.dimension(r) else ""
        if c == CONFIDENCE:
            return f"{col.confidence:.0%}" if col.field else ""
        return how_text(col.how, ()) if col.how else how_text(col.note, col.note_args)

    def setData(self, index: QModelIndex, value, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        r, c = index.row(), index.column()
        col = self.columns[r]
        if c == FIELD and value and value != (col.field or mp.IGNORE):
            self.field_chosen.emit(self.key(r), str(value))
            return True
        if c == UNIT and self.editable_unit(r):
            unit = str(value or "").strip()
            if unit and unit != (col.unit or ""):
                self.unit_chosen.emit(col.field, unit)
                return True
        return False

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 - Qt override
                   role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (QCoreApplication.translate("ImportAssistant", "Column"),
                QCoreApplication.translate("ImportAssistant", "Field"),
                QCoreApplication.translate("ImportAssistant", "Unit"),
                QCoreApplication.translate("ImportAssistant", "Confidence"),
                QCoreApplication.translate("ImportAssistant", "How"))[section]


class MappingDelegate(QStyledItemDelegate):
    """A dropdown of the fields (or of the units, which can also be typed) for Field and Unit;
    opened as persistent editors, a choice is committed at once."""

    def createEditor(self, parent, option, index):  # noqa: N802 - Qt override
        model: MappingModel = index.model()
        box = QComboBox(parent)
        box.setProperty("filling", True)
        if index.column() == FIELD:
            for text, value in model.field_choices(index.row()):
                box.addItem(text, value)
            box.currentIndexChanged.connect(lambda _i, b=box: self._commit(b))
        else:
            box.setEditable(True)
            box.addItems(model.unit_choices(index.row()))
            box.activated.connect(lambda _i, b=box: self._commit(b))
            box.lineEdit().editingFinished.connect(lambda b=box: self._commit(b))
        box.setToolTip(index.data(Qt.ItemDataRole.ToolTipRole) or "")
        return box

    def _commit(self, box: QComboBox) -> None:
        if not box.property("filling"):
            self.commitData.emit(box)

    def setEditorData(self, editor: QComboBox, index) -> None:  # noqa: N802 - Qt override
        editor.setProperty("filling", True)
        value = index.data(Qt.ItemDataRole.EditRole)
        if index.column() == FIELD:
            editor.setCurrentIndex(max(editor.findData(value), 0))
        else:
            editor.setCurrentText(value or "")
        editor.setProperty("filling", False)

    def setModelData(self, editor: QComboBox, model, index) -> None:  # noqa: N802 - Qt override
        if index.column() == FIELD:
            model.setData(index, editor.currentData())
        else:
            model.setData(index, editor.currentText())


def open_editors(view: QTableView) -> None:
    """The Field and Unit dropdowns of every row shown (as persistent editors), and the
    columns sized to their contents within bounds, How taking the rest."""
    model: MappingModel = view.model()
    for r in range(model.rowCount()):
        view.openPersistentEditor(model.index(r, FIELD))
        if model.editable_unit(r):
            view.openPersistentEditor(model.index(r, UNIT))
    view.resizeColumnsToContents()
    view.setColumnWidth(COLUMN, min(view.columnWidth(COLUMN), 200))
    view.setColumnWidth(FIELD, max(min(view.columnWidth(FIELD), 220), 160))
    view.setColumnWidth(UNIT, max(min(view.columnWidth(UNIT), 200), 100))
    view.horizontalHeader().setSectionResizeMode(HOW, QHeaderView.ResizeMode.Stretch)
