"""Recognising a sheet of the template (its kind, header row and columns) and parsing its rows
into field values in stored units, collecting a Problem for every bad cell."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from core.errors import Problem
from core.fields import SHEETS, Field, FieldType, Kind, SheetSpec, norm
from core.importing.reader import SheetData, column_letter
from core.importing.values import CellError, is_blank, is_total_label, parser_for
from core.units import UnitError, multiplier, split_header

HEADER_SCAN_ROWS = 15


@dataclass(frozen=True, slots=True)
class Column:
    index: int
    field: Field
    header: str
    multiplier: float = 1.0

    @property
    def label(self) -> str:
        """The column as a user reads it: its header and letter, e.g. `Energy (kWh) [E]`."""
        return f"{self.header} [{column_letter(self.index)}]"


@dataclass(slots=True)
class SheetLayout:
    kind: Kind
    header_row: int  # 0-based index into SheetData.rows
    columns: list[Column]
    problems: list[Problem] = field(default_factory=list)

    def column(self, name: str) -> Column | None:
        for c in self.columns:
            if c.field.name == name:
                return c
        return None


@dataclass(slots=True)
class ParsedRow:
    row: int  # the row number Excel shows
    values: dict[str, object]


@dataclass(slots=True)
class ParsedSheet:
    file: str
    sheet: str
    layout: SheetLayout
    rows: list[ParsedRow]
    problems: list[Problem]
    warnings: list[Problem]

    @property
    def kind(self) -> Kind:
        return self.layout.kind

    def label(self, name: str) -> str:
        col = self.layout.column(name)
        return col.label if col else name


def _header_index(spec: SheetSpec) -> dict[str, Field]:
    idx: dict[str, Field] = {}
    for f in spec.fields:
        for text in (*f.synonyms, f.name, f.header):
            idx[norm(text)] = f
    return idx


_INDEX = {kind: _header_index(spec) for kind, spec in SHEETS.items()}
_SHEET_NAMES = {norm(n): kind for kind, spec in SHEETS.items() for n in spec.sheet_names}


def _match_row(cells: list[object], kind: Kind) -> list[tuple[int, Field, str, str | None]]:
    idx = _INDEX[kind]
    found: list[tuple[int, Field, str, str | None]] = []
    seen: set[str] = set()
    for i, cell in enumerate(cells):
        if not isinstance(cell, str) or not cell.strip():
            continue
        name, unit = split_header(cell)
        f = idx.get(norm(name)) or idx.get(norm(cell))
        if f is not None and f.name not in seen:
            seen.add(f.name)
            found.append((i, f, cell.strip(), unit if idx.get(norm(name)) else None))
    return found


def recognise(sheet: SheetData, file: str, kind: Kind | None = None) -> SheetLayout | None:
    """Find the header row and kind of a template sheet, or None when it is not one.

    The kind comes from `kind`, else the sheet's name, else the headers (the kind whose
    required fields are all present and that matches most columns).
    """
    hint = kind or _SHEET_NAMES.get(norm(sheet.name))
    best: tuple[int, int, Kind, int, list] | None = None
    for r, cells in enumerate(sheet.rows[:HEADER_SCAN_ROWS]):
        for k in ([hint] if hint else SHEETS):
            matched = _match_row(cells, k)
            names = {f.name for _, f, _, _ in matched}
            required = [f.name for f in SHEETS[k].fields if f.required]
            if not all(n in names for n in required) or len(matched) < 2:
                continue
            score = (len(matched), 1 if k == hint else 0)
            if best is None or score > best[:2]:
                best = (score[0], score[1], k, r, matched)
    if best is None:
        return None
    _, _, k, r, matched = best
    layout = SheetLayout(k, r, [])
    for i, f, header, unit in matched:
        mult = 1.0
        if f.dimension and unit:
            try:
                mult = multiplier(f.dimension, unit)
            except UnitError as exc:
                layout.problems.append(Problem(file, str(exc), sheet.name, r + 1,
                                               f"{header} [{column_letter(i)}]", header,
                                               code="unknown_unit", params={"unit": unit}))
        layout.columns.append(Column(i, f, header, mult))
    return layout


def parse_sheet(sheet: SheetData, file: str, layout: SheetLayout, *,
                formula_at: Callable[[int, int], bool] | None = None,
                progress: Callable[[int], None] | None = None) -> ParsedSheet:
    """Parse every data row of a recognised sheet; every bad cell becomes a Problem.

    `formula_at(row, col)` (0-based) tells whether a blank cell holds a formula with no saved
    value; it is asked only for blank required cells.
    """
    problems = list(layout.problems)
    warnings: list[Problem] = []
    out: list[ParsedRow] = []
    cols = [(c, parser_for(c.field), c.multiplier) for c in layout.columns]
    required = [c for c in layout.columns if c.field.required]
    width = max(c.index for c in layout.columns) + 1
    rows = sheet.rows
    fractions = _percent_fractions(rows, layout)
    for r in range(layout.header_row + 1, len(rows)):
        cells = rows[r]
        if len(cells) < width:
            cells = list(cells) + [""] * (width - len(cells))
        if all(is_blank(cells[c.index]) for c in layout.columns):
            continue
        first = next((v for v in cells if not is_blank(v)), None)
        if is_total_label(first):
            warnings.append(Problem(file, "a totals row, not imported", sheet.name, r + 1,
                                    code="totals_row_skipped"))
            continue
        values: dict[str, object] = {}
        for c, parse, mult in cols:
            raw = cells[c.index]
            try:
                v = parse(raw)
            except CellError as exc:
                problems.append(Problem(file, exc.reason, sheet.name, r + 1, c.label, raw,
                                        code=exc.code))
                continue
            if v is not None and c.field.type == FieldType.NUMBER:
                v = _check_number(v * mult, c, fractions, problems, file, sheet.name, r, raw)
            values[c.field.name] = v
        for c in required:
            if values.get(c.field.name) is None and is_blank(cells[c.index]):
                if formula_at is not None and formula_at(r, c.index):
                    reason, code = ("a formula with no saved value (open and save the "
                                    "workbook in Excel or LibreOffice, then import again)",
                                    "formula_without_value")
                else:
                    reason, code = "required value missing", "required"
                problems.append(Problem(file, reason, sheet.name, r + 1, c.label, None,
                                        code=code))
        out.append(ParsedRow(r + 1, values))
        if progress is not None and r % 5000 == 0:
            progress(r)
    if fractions:
        col = layout.column("recycled_content")
        warnings.append(Problem(file, "values between 0 and 1 read as fractions (0.3 = 30 %)",
                                sheet.name, layout.header_row + 1, col.label if col else None,
                                code="percent_as_fraction"))
    return ParsedSheet(file, sheet.name, layout, out, problems, warnings)


def _check_number(v: float, c: Column, fractions: bool, problems: list[Problem], file: str,
                  sheet: str, r: int, raw: object) -> float | None:
    f = c.field
    if f.dimension == "percent":
        if fractions:
            v *= 100.0
        if not 0 <= v <= 100:
            problems.append(Problem(file, "a percentage must be between 0 and 100", sheet,
                                    r + 1, c.label, raw, code="out_of_range"))
            return None
    if v < 0:
        problems.append(Problem(file, "negative quantities are not allowed", sheet, r + 1,
                                c.label, raw, code="negative"))
        return None
    if f.maximum is not None and v > f.maximum:
        problems.append(Problem(file, f"absurdly large (over {f.maximum:,.0f} "
                                f"{f.stored_unit or ''})".replace(" )", ")"), sheet, r + 1,
                                c.label, raw, code="absurd"))
        return None
    return v


def _percent_fractions(rows: list[list[object]], layout: SheetLayout) -> bool:
    """True when a percent column holds only numeric cells within [0, 1], some above 0:
    cells formatted as percentages arrive as fractions (30 % is stored as 0.3)."""
    col = layout.column("recycled_content")
    if col is None:
        return False
    numbers = [row[col.index] for row in rows[layout.header_row + 1:]
               if col.index < len(row) and isinstance(row[col.index], int | float)
               and not isinstance(row[col.index], bool)]
    texts = [row[col.index] for row in rows[layout.header_row + 1:]
             if col.index < len(row) and isinstance(row[col.index], str)
             and row[col.index].strip()]
    return bool(numbers) and not texts and all(0 <= n <= 1 for n in numbers) \
        and any(n > 0 for n in numbers)
