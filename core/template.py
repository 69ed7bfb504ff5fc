"""The import template (`workbook-format.md`): an openpyxl workbook with a Read me, one sheet per
kind, dropdowns for the categorical columns and, optionally, rows.

`core.fields.SHEETS` says which sheets and columns exist; this module only lays them out.
The "Read me" sheet and the hidden "Lists" sheet (which holds the grid regions for the Grid region
dropdown) are not data sheets: an import skips them. Notes about a workbook go in the Read me only,
never into the data sheets, so that every data sheet stays importable.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from pathlib import Path

import openpyxl
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from greenledger.core.factors import REGION_ALIASES
from greenledger.core.fields import (
    HEADER_UNITS_BY_FIELD,
    SHEETS,
    TEMPLATE_VERSION,
    Field,
    FieldType,
    Kind,
)
from greenledger.core.safe_text import keep_text

SHEET_ORDER: tuple[Kind, ...] = (
    Kind.SITES, Kind.CAMPAIGNS, Kind.ENERGY, Kind.DELIVERIES, Kind.PACKAGING, Kind.INITIATIVES,
    Kind.FACTORS,
)
"""The data sheets in the order the template shows them (after the Read me)."""

README_SHEET = "Read me"
LISTS_SHEET = "Lists"
LAST_VALIDATED_ROW = 5000
"""Dropdowns cover the rows 2..LAST_VALIDATED_ROW of each data sheet (more if rows are given)."""

DATE_FORMAT = "yyyy-mm-dd"
NUMBER_FORMAT = "#,##0.##"
WHOLE_NUMBER_FORMAT = "#,##0"  # for written whole numbers: "#,##0.##" would show "1,000."
FACTOR_FORMAT = "#,##0.######"  # factor values need more than two decimals (0.7120)
YEAR_FORMAT = "0"

HEADER_FONT = Font(bold=True)
HEADER_FILL = PatternFill("solid", start_color="E2EFDA", end_color="E2EFDA")
TITLE_FONT = Font(bold=True, size=14)
SECTION_FONT = Font(bold=True, size=12)

_FACTOR_FIELDS = frozenset({(Kind.INITIATIVES, "factor"), (Kind.FACTORS, "value")})

# What each column holds, beyond its type, unit and allowed values (which come from core.fields).
_HINTS: dict[tuple[Kind, str], str] = {
    (Kind.SITES, "site"): "Name of the site; the Energy sheet refers to it.",
    (Kind.SITES, "grid_region"): (
        "The grid the site draws from; it picks the grid factor. Dropdown: the regions of the "
        "built-in factor library (regional grids, China, provinces, United Kingdom, United States, "
        "World); a region your Factors sheet defines is also accepted."),
    (Kind.SITES, "country"): "Country of the site.",
    (Kind.CAMPAIGNS, "campaign"): "Name of the campaign, e.g. 6.18 2021.",
    (Kind.CAMPAIGNS, "start"): "First day of the campaign.",
    (Kind.CAMPAIGNS, "end"): "Last day of the campaign (included).",
    (Kind.CAMPAIGNS, "baseline"): "Name of the campaign to compare with, e.g. 6.18 2020.",
    (Kind.ENERGY, "site"): "A site of the Sites sheet.",
    (Kind.ENERGY, "period_start"): "First day of the period, e.g. the first day of a month.",
    (Kind.ENERGY, "period_end"): (
        "Last day of the period (included). The kWh are spread evenly over the period's days."),
    (Kind.ENERGY, "source"): (
        "wind, solar, hydro, biomass and geothermal are renewable; diesel means on-site "
        "generators (Scope 1)."),
    (Kind.ENERGY, "energy"): "Electricity used.",
    (Kind.ENERGY, "instrument"): (
        "Renewable rows only: green power trade, PPA or certificate for power bought through the "
        "grid (blank means the same); on-site for power generated behind the meter. Blank on grid "
        "and diesel rows."),
    (Kind.DELIVERIES, "business_unit"): "e.g. Tmall, Cainiao.",
    (Kind.DELIVERIES, "campaign"): (
        "A campaign of the Campaigns sheet. Give a campaign or a period."),
    (Kind.DELIVERIES, "period_start"): (
        "Instead of a campaign: the period the row covers; it counts toward each campaign by the "
        "days it overlaps."),
    (Kind.DELIVERIES, "period_end"): "Last day of the period (included).",
    (Kind.DELIVERIES, "orders"): "Orders shipped.",
    (Kind.DELIVERIES, "vehicle"): "Needed only when Emissions is blank.",
    (Kind.DELIVERIES, "distance"): "Distance driven; used only when Emissions is blank.",
    (Kind.DELIVERIES, "emissions"): (
        "Emissions of shipping these orders, taken as given. Where blank: Distance × the "
        "vehicle's factor."),
    (Kind.PACKAGING, "business_unit"): "e.g. Cainiao.",
    (Kind.PACKAGING, "campaign"): "A campaign of the Campaigns sheet. Give a campaign or a period.",
    (Kind.PACKAGING, "period_start"): "Instead of a campaign: the period the row covers.",
    (Kind.PACKAGING, "period_end"): "Last day of the period (included).",
    (Kind.PACKAGING, "material"): (
        "board (corrugated board), paper, film (plastic film), rigid plastic, or a material your "
        "Factors sheet defines."),
    (Kind.PACKAGING, "quantity"): "Amount of material, in the unit of the Unit column.",
    (Kind.PACKAGING, "recycled_content"): "Share of recycled material: 30 means 30 %.",
    (Kind.INITIATIVES, "initiative"): "Name of the measure, e.g. No plastic cutlery.",
    (Kind.INITIATIVES, "business_unit"): "e.g. Ele.me.",
    (Kind.INITIATIVES, "campaign"): (
        "A campaign of the Campaigns sheet, if the measure belongs to one."),
    (Kind.INITIATIVES, "activity"): "How much was done, e.g. 20000000 orders without cutlery.",
    (Kind.INITIATIVES, "activity_unit"): "Unit of the activity, e.g. order.",
    (Kind.INITIATIVES, "factor"): "Reduction per unit of activity.",
    (Kind.INITIATIVES, "reduction"): (
        "Taken as given; where blank it is Activity × Factor. If both are given and differ by "
        "more than 1 %, the import warns."),
    (Kind.FACTORS, "factor"): (
        "Factor key: grid, residual, diesel, a vehicle (van diesel, van petrol, van electric, "
        "truck diesel), a packaging material (board, board recycled, paper, film, rigid plastic) "
        "or an equivalent's key (e.g. haloxylon_tree)."),
    (Kind.FACTORS, "region"): (
        "Grid region, for grid and residual factors; blank for factors that do not depend on a "
        "grid."),
    (Kind.FACTORS, "year"): "Year the factor holds for; blank means every year.",
    (Kind.FACTORS, "value"): "The factor, in the unit of the Unit column.",
    (Kind.FACTORS, "unit"): "e.g. t CO2/MWh, kg CO2/kWh, kg CO2e/km, kg CO2e/kg, kg CO2e per unit.",
    (Kind.FACTORS, "source"): "Where the factor comes from: publication and year.",
}

_HOW_TO = (
    "Fill in one row per item under the header row of a sheet. Keep the header row; sheets and "
    "columns you do not need may stay empty.",
    "A unit in brackets after a header, e.g. Energy (kWh), is the unit of the whole column. You "
    "may change it to another unit GreenLedger knows, e.g. Energy (MWh) or 用电量（万千瓦时）: the "
    "column is converted on import.",
    "Dates are real Excel dates shown as yyyy-mm-dd; text such as 2021-06-18 or 2021/6/18 also "
    "works. A period includes its first and its last day.",
    "Columns with a dropdown take one of its values; English or Chinese both work (wind or 风电).",
    "Numbers go without their unit in the cell. Recycled content 30 means 30 %.",
    "This Read me and the hidden Lists sheet (the grid regions for the dropdown) are not imported.",
)


def header_text(field: Field) -> str:
    """The column's header: the field's header plus its stored unit in brackets, if it has one.

    Only fields with a unit dimension get a unit: the Factors sheet's `factor` column is the
    factor's key, not a value, so its header is plain "Factor".
    """
    unit = HEADER_UNITS_BY_FIELD.get(field.name) if field.dimension else None
    return f"{field.header} ({unit})" if unit else field.header


def headers(kind: Kind) -> list[str]:
    """The header row of a data sheet, in column order."""
    return [header_text(f) for f in SHEETS[kind].fields]


def region_names() -> list[str]:
    """The canonical grid region names offered by the Grid region dropdown."""
    return list(REGION_ALIASES)


def build_workbook(
    rows: Mapping[Kind, Sequence[Mapping[str, object]]] | None = None,
    *,
    notes: Mapping[Kind, str] | None = None,
) -> openpyxl.Workbook:
    """The template workbook, with `rows[kind]` (dicts keyed by field name) under the headers.

    Dates are written as date cells. `notes[kind]` goes into the Read me's "About this workbook"
    section, never into the data sheet. Raises ValueError for a field name a sheet does not have.
    """
    rows = rows or {}
    notes = {Kind(k): v for k, v in (notes or {}).items() if v and str(v).strip()}
    wb = openpyxl.Workbook()
    wb.properties.creator = "GreenLedger"
    wb.properties.title = f"GreenLedger workbook (template version {TEMPLATE_VERSION})"
    _write_readme(wb.active, notes)
    for kind in SHEET_ORDER:
        _write_data_sheet(wb.create_sheet(SHEETS[kind].title), kind, rows.get(kind, ()))
    lists = wb.create_sheet(LISTS_SHEET)
    _write_lists(lists)
    lists.sheet_state = "hidden"
    wb.active = 0
    return wb


def write_template(path: Path) -> None:
    """Write the empty template to `path` (.xlsx)."""
    build_workbook().save(path)


# --- data sheets -----------------------------------------------------------------------------

def _write_data_sheet(ws: Worksheet, kind: Kind, rows: Sequence[Mapping[str, object]]) -> None:
    spec = SHEETS[kind]
    fields = spec.fields
    names = {f.name for f in fields}
    for i, row in enumerate(rows, start=2):
        unknown = sorted(set(row) - names)
        if unknown:
            raise ValueError(f"{spec.title} row {i}: no column for {', '.join(unknown)}")

    for col, field in enumerate(fields, start=1):
        cell = ws.cell(row=1, column=col, value=header_text(field))
        cell.font = HEADER_FONT
        cell.fill = HEADER_FILL
        cell.alignment = Alignment(vertical="center")
        letter = get_column_letter(col)
        dim = ws.column_dimensions[letter]
        dim.width = _column_width(field, [r.get(field.name) for r in rows])
        fmt = _number_format(kind, field)
        if fmt:
            dim.number_format = fmt  # applies to cells typed in later, in Excel and Calc
        for r, row in enumerate(rows, start=2):
            value = row.get(field.name)
            if value is None or value == "":
                continue
            c = ws.cell(row=r, column=col, value=value)
            keep_text(c)  # a site named =HYPERLINK(…) is a name, not a formula (core.safe_text)
            if isinstance(value, dt.date):
                c.number_format = DATE_FORMAT
            elif isinstance(value, int | float) and not isinstance(value, bool):
                c.number_format = _value_format(kind, field, value)
    ws.freeze_panes = "A2"
    last = max(LAST_VALIDATED_ROW, len(rows) + 1)
    for col, field in enumerate(fields, start=1):
        dv = _validation(field)
        if dv is not None:
            letter = get_column_letter(col)
            dv.add(f"{letter}2:{letter}{last}")
            ws.add_data_validation(dv)


def _number_format(kind: Kind, field: Field) -> str | None:
    if field.type is FieldType.DATE:
        return DATE_FORMAT
    if field.type is FieldType.YEAR:
        return YEAR_FORMAT
    if field.type in (FieldType.NUMBER, FieldType.INTEGER):
        return FACTOR_FORMAT if (kind, field.name) in _FACTOR_FIELDS else NUMBER_FORMAT
    return None


def _value_format(kind: Kind, field: Field, value: float) -> str:
    if field.type is FieldType.YEAR:
        return YEAR_FORMAT
    if (kind, field.name) in _FACTOR_FIELDS:
        return FACTOR_FORMAT
    return WHOLE_NUMBER_FORMAT if float(value).is_integer() else NUMBER_FORMAT


def _column_width(field: Field, values: Sequence[object]) -> float:
    width = len(header_text(field)) + 4
    if field.type is FieldType.DATE:
        width = max(width, 13)
    elif field.type in (FieldType.NUMBER, FieldType.INTEGER):
        width = max(width, 14)
    elif field.type is FieldType.CHOICE:
        width = max(width, max(len(c) for c in field.choices) + 5)
    elif field.name == "grid_region":
        width = max(width, max(len(r) for r in region_names()) + 5)
    else:
        width = max(width, 16)
    for v in values:
        if v is None or isinstance(v, dt.date):
            continue
        text = f"{v:,}" if isinstance(v, int | float) and not isinstance(v, bool) else str(v)
        width = max(width, len(text) + 3)
    return float(min(width, 60))


def _validation(field: Field) -> DataValidation | None:
    if field.type is FieldType.CHOICE and field.choices:
        formula = '"' + ",".join(field.choices) + '"'
        dv = DataValidation(type="list", formula1=formula, allow_blank=True,
                            showErrorMessage=True)
        dv.errorStyle = "warning"  # Chinese values (风电) are valid too: warn, don't refuse
        dv.errorTitle = f"Unknown {field.header.lower()}"
        dv.error = _clip(f"Expected one of: {', '.join(field.choices)} (or its Chinese name).", 225)
        return dv
    if field.name == "grid_region":
        n = len(region_names())
        dv = DataValidation(type="list", formula1=f"{LISTS_SHEET}!$A$2:$A${n + 1}",
                            allow_blank=True, showErrorMessage=True)
        dv.errorStyle = "warning"  # a region defined on the Factors sheet is valid too
        dv.errorTitle = "Region not in the library"
        dv.error = ("Not a region of the built-in factor library. Keep it only if the Factors "
                    "sheet gives its grid factor.")
        return dv
    return None


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _write_lists(ws: Worksheet) -> None:
    ws["A1"] = "Grid regions for the Sites dropdown"
    ws["A1"].font = HEADER_FONT
    for i, name in enumerate(region_names(), start=2):
        ws.cell(row=i, column=1, value=name)
    ws.column_dimensions["A"].width = 36


# --- Read me ---------------------------------------------------------------------------------

def _write_readme(ws: Worksheet, notes: Mapping[Kind, str]) -> None:
    ws.title = README_SHEET
    ws.column_dimensions["A"].width = 30
    ws.column_dimensions["B"].width = 100
    wrap = Alignment(wrap_text=True, vertical="top")
    row = 1

    def put(a: object = None, b: object = None, font: Font | None = None) -> None:
        nonlocal row
        for col, value in ((1, a), (2, b)):
            if value is not None:
                c = ws.cell(row=row, column=col, value=value)
                keep_text(c)
                c.alignment = wrap
                if font is not None:
                    c.font = font
        row += 1

    put("GreenLedger workbook", font=TITLE_FONT)
    put(f"Template version {TEMPLATE_VERSION}",
        "The import format GreenLedger reads without any column mapping.")
    row += 1
    put("How to fill it in", font=SECTION_FONT)
    for line in _HOW_TO:
        put(None, line)
    if notes:
        row += 1
        put("About this workbook", font=SECTION_FONT)
        for kind in SHEET_ORDER:
            if kind in notes:
                put(SHEETS[kind].title, str(notes[kind]).strip())
    row += 1
    put("The sheets", font=SECTION_FONT)
    for kind in SHEET_ORDER:
        spec = SHEETS[kind]
        row += 1
        put(spec.title, spec.description, font=HEADER_FONT)
        for field in spec.fields:
            put(header_text(field), _describe(kind, field))


def _describe(kind: Kind, field: Field) -> str:
    parts = ["Required." if field.required else "Optional."]
    unit = HEADER_UNITS_BY_FIELD.get(field.name) if field.dimension else None
    if field.type is FieldType.DATE:
        parts.append("Date.")
    elif field.type is FieldType.YEAR:
        parts.append("Year, e.g. 2021.")
    elif field.type in (FieldType.NUMBER, FieldType.INTEGER):
        parts.append(f"Number, in {unit}." if unit else "Number.")
    elif field.type is FieldType.CHOICE:
        parts.append("One of: " + ", ".join(field.choices) + ".")
    hint = _HINTS.get((kind, field.name))
    if hint:
        parts.append(hint)
    if field.note:
        parts.append(field.note)
    return " ".join(parts)
