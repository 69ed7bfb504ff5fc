"""The import assistant's preview: the first rows of a sheet as they will be stored — each field
under its table header with the stored unit (`Energy (kWh)`), categories as the app's tables
show them (电网 for grid in Chinese), large quantities in 万/亿 when View › Large numbers in 万/亿
is on — with the Excel row each comes from; and the totals line under it."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, Qt

from greenledger.core.i18n import fmt_cn
from greenledger.gui.import_texts import field_label
from greenledger.gui.table_model import format_value
from greenledger.gui.value_labels import value_label

PREVIEW = 20  # rows shown


def cell_text(key: str, value: object, cn_units: bool = False) -> str:
    """A stored value as the tables show it."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int | float):
        if cn_units and key != "row" and abs(value) >= 1e4:
            return fmt_cn(value)
        return format_value(value, "amount") if isinstance(value, float) else str(value)
    return str(value_label(key, value))


class PreviewModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.kind = None
        self.rows: list[dict] = []
        self.keys: list[str] = []
        self.cn_units = False

    def set_plan(self, plan, cn_units: bool | None = None) -> None:
        self.beginResetModel()
        if cn_units is not None:
            self.cn_units = cn_units
        self.kind = plan.kind if plan is not None else None
        self.rows = plan.preview(PREVIEW) if plan is not None else []
        self.keys = list(self.rows[0]) if self.rows else []
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | None = None) -> int:  # noqa: N802 - Qt override
        return 0 if parent is not None and parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | None = None) -> int:  # noqa: N802 - Qt override
        return 0 if parent is not None and parent.isValid() else len(self.keys)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        key = self.keys[index.column()]
        value = self.rows[index.row()][key]
        if role == Qt.ItemDataRole.DisplayRole:
            return cell_text(key, value, self.cn_units)
        if role == Qt.ItemDataRole.TextAlignmentRole and isinstance(value, int | float):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and isinstance(value, float) and self.cn_units:
            return format_value(value, "amount")
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 - Qt override
                   role: int = Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        key = self.keys[section]
        if key == "row":
            return QCoreApplication.translate("ImportAssistant", "Row")
        return field_label(self.kind, key, units=True)


def totals_text(plan) -> str:
    """`Totals as stored: Energy (kWh) 59,000`, and the sheet's own totals, each checked."""
    totals = plan.totals() if plan is not None else {}
    text = QCoreApplication.translate("ImportAssistant", "Totals as stored: {0}").format(
        "; ".join(f"{field_label(plan.kind, k, units=True)} {format_value(v, 'number')}"
                  for k, v in totals.items())) if totals else ""
    if plan is not None and plan.reconciliations:
        text += "\n" + QCoreApplication.translate("ImportAssistant", "The sheet's totals: {0}").format(
            "; ".join(r.text() for r in plan.reconciliations))
    return text
