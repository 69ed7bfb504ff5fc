"""The table model of one kind of workspace row (energy, sites, ...): its columns and edits.

Data columns come from core.editing.editable_fields (the template's fields, units in the
header); computed columns follow, read-only, from core.row_figures.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject

from greenledger.core.accounting import build_summary
from greenledger.core.editing import editable_fields, header_text, rows_by_id
from greenledger.core.fields import Field, FieldType, Kind
from greenledger.core.row_figures import table_rows
from greenledger.core.storage import Workspace
from greenledger.core.summary import EMPTY, Summary
from greenledger.gui.table_model import Column, TableModel

_FMT = {FieldType.NUMBER: "amount", FieldType.INTEGER: "int", FieldType.YEAR: "text"}
_FIELD_FMT = {"orders": "int", "recycled_content": "percent", "factor": "factor", "value": "factor"}

COMPUTED: dict[Kind, tuple[Column, ...]] = {
    Kind.ENERGY: (
        Column(
            QT_TRANSLATE_NOOP("Columns", "Grid factor (kg CO2/kWh)"),
            "factor_kg_per_kwh",
            "factor",
            computed=True,
        ),
        Column(
            QT_TRANSLATE_NOOP("Columns", "Emissions (t CO2e)"),
            "t_co2e",
            "number",
            computed=True,
            tip=QT_TRANSLATE_NOOP(
                "Columns", "Location-based Scope 2 (grid-delivered kWh × grid factor); Scope 1 for diesel"
            ),
        ),
        Column(
            QT_TRANSLATE_NOOP("Columns", "Avoided (t CO2e)"),
            "avoided_t",
            "number",
            computed=True,
            tip=QT_TRANSLATE_NOOP(
                "Columns", "Renewable kWh × grid factor: reported beside the inventory, never netted"
            ),
        ),
    ),
    Kind.DELIVERIES: (
        Column(QT_TRANSLATE_NOOP("Columns", "Emissions used (t CO2e)"), "t_co2e", "number", computed=True),
        Column(
            QT_TRANSLATE_NOOP("Columns", "Intensity (kg CO2e/order)"),
            "intensity_kg_per_order",
            "factor",
            computed=True,
        ),
    ),
    Kind.PACKAGING: (
        Column(QT_TRANSLATE_NOOP("Columns", "Emissions (t CO2e)"), "t_co2e", "number", computed=True),
    ),
    Kind.INITIATIVES: (
        Column(
            QT_TRANSLATE_NOOP("Columns", "Reduction used (t CO2e)"), "reduction_t", "number", computed=True
        ),
    ),
    Kind.SITES: (
        Column(QT_TRANSLATE_NOOP("Columns", "Energy, all years (kWh)"), "total_kwh", "number", computed=True),
        Column(
            QT_TRANSLATE_NOOP("Columns", "Renewable share (%)"),
            "renewable_share_pct",
            "percent",
            computed=True,
        ),
        Column(QT_TRANSLATE_NOOP("Columns", "Avoided (t CO2e)"), "avoided_t", "number", computed=True),
    ),
    Kind.CAMPAIGNS: (
        Column(QT_TRANSLATE_NOOP("Columns", "Orders"), "orders", "int", computed=True),
        Column(
            QT_TRANSLATE_NOOP("Columns", "Delivery emissions (t CO2e)"),
            "emissions_t",
            "number",
            computed=True,
        ),
        Column(
            QT_TRANSLATE_NOOP("Columns", "Intensity (kg CO2e/order)"),
            "intensity_kg_per_order",
            "factor",
            computed=True,
        ),
        Column(
            QT_TRANSLATE_NOOP("Columns", "Change vs baseline (%)"),
            "intensity_change_pct",
            "percent",
            computed=True,
        ),
        Column(QT_TRANSLATE_NOOP("Columns", "Avoided (t CO2e)"), "avoided_t", "number", computed=True),
    ),
    Kind.FACTORS: (),
}


def field_header(kind: Kind, f: Field) -> str:
    if kind == Kind.PACKAGING and f.name == "quantity":
        return "Quantity (kg)"
    if kind == Kind.FACTORS and f.name == "factor":
        return "Key"
    return header_text(f)


def field_column(kind: Kind, f: Field) -> Column:
    fmt = _FIELD_FMT.get(f.name, _FMT.get(f.type, "text")) if f.type in _FMT else "text"
    if kind == Kind.FACTORS and f.name == "factor":
        fmt = "text"
    tip = f.note or ("Required" if f.required else "")
    if f.choices:
        tip = (tip + "\n" if tip else "") + "One of: " + ", ".join(f.choices)
    return Column(field_header(kind, f), f.name, fmt, field=f.name, tip=tip)


def columns_for(kind: Kind) -> list[Column]:
    return [field_column(kind, f) for f in editable_fields(kind)] + list(COMPUTED[kind])


class RecordModel(TableModel):
    """Rows of one Kind (as core.row_figures.table_rows gives them)."""

    def __init__(self, kind: Kind, parent: QObject | None = None) -> None:
        super().__init__(columns_for(kind), parent)
        self.kind = kind

    def row_id(self, i: int) -> int:
        return self.row(i)["id"]

    def field_column(self, name: str) -> int:
        return next(i for i, c in enumerate(self.columns) if c.field == name)


# What to read again after an edit of each kind, beyond its own rows (sites and campaigns carry
# summary figures); a kind not listed (factors) means everything.
_SUMMARY = (Kind.SITES, Kind.CAMPAIGNS)
REFRESH = {
    Kind.ENERGY: _SUMMARY,
    Kind.DELIVERIES: _SUMMARY,
    Kind.PACKAGING: _SUMMARY,
    Kind.INITIATIVES: _SUMMARY,
    Kind.SITES: (Kind.ENERGY, Kind.CAMPAIGNS),
    Kind.CAMPAIGNS: (Kind.DELIVERIES, Kind.PACKAGING, Kind.INITIATIVES, Kind.SITES),
}


class RecordModels(dict):
    """The RecordModel of each data kind, loaded together; keeps the last summary and book."""

    def __init__(self, kinds: Sequence[Kind], parent: QObject) -> None:
        super().__init__({k: RecordModel(k, parent) for k in kinds})
        self.summary: Summary = EMPTY
        self.book = None

    def _figures(self, ws: Workspace) -> None:
        self.summary, self.book = build_summary(ws), ws.factor_book()

    def reload(self, ws: Workspace) -> None:
        self._figures(ws)
        for kind, model in self.items():
            model.set_rows(table_rows(ws, kind, self.book, self.summary))

    def refresh(self, ws: Workspace, kind: Kind, ids: Sequence[int]) -> bool:
        """After rows `ids` of `kind` changed: those rows in place (the whole kind when rows came
        or went), the kinds that show figures of them. False: reload everything instead."""
        if kind not in REFRESH:
            return False
        self._figures(ws)
        model = self[kind]
        rows = table_rows(ws, kind, self.book, self.summary, rows_by_id(ws, kind, ids))
        # a renamed campaign renames the baseline of others too: campaigns are read whole
        if len(rows) != len(ids) or kind == Kind.CAMPAIGNS or not model.replace_rows(rows):
            model.set_rows(table_rows(ws, kind, self.book, self.summary))
        for other in REFRESH[kind]:
            self[other].set_rows(table_rows(ws, other, self.book, self.summary))
        return True
