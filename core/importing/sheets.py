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
    cols = [_ColumnParser(c) for c in layout.columns]
    required = [c for c in layout.columns if c.field.required]
    width = max(c.index for c in layout.columns) + 1
    rows = sheet.rows
    fractions = _percent_fractions(rows, layout)
    totals: dict[str, bool] = {}
    all_fields = [f.name for f in SHEETS[layout.kind].fields]
    for r in range(layout.header_row + 1, len(rows)):
        cells = rows[r]
        if len(cells) < width:
            cells = list(cells) + [""] * (width - len(cells))
        values = dict.fromkeys(all_fields)
        bad: list[tuple[Column, object, CellError]] = []
        filled = False
        for cp in cols:
            raw = cells[cp.index]
            if raw == "" or raw is None:
                continue
            filled = True
            try:
                values[cp.name] = cp.parse(raw)
            except CellError as exc:
                bad.append((cp.column, raw, exc))
        if not filled:
            continue
        first = cells[0]
        if first == "" or first is None:
            first = next((v for v in cells if not is_blank(v)), None)
        if type(first) is str and _is_total(first, totals):
            warnings.append(Problem(file, "a totals row, not imported", sheet.name, r + 1,
                                    code="totals_row_skipped"))
            continue
        for c, raw, exc in bad:
            problems.append(Problem(file, exc.reason, sheet.name, r + 1, c.label, raw, code=exc.code))
        if fractions:
            _percent_row(values, layout)
        for c in required:
            if values[c.field.name] is None and is_blank(cells[c.index]):
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


class _ColumnParser:
    """Parses one column's cells: numbers on a fast path, other values through a cache (a
    column of sites, sources or dates repeats a few values many times)."""

    __slots__ = ("column", "index", "name", "parse")

    def __init__(self, column: Column) -> None:
        self.column = column
        self.index = column.index
        self.name = column.field.name
        base = parser_for(column.field)
        f = column.field
        if f.type in (FieldType.NUMBER, FieldType.INTEGER):
            self.parse = _number_parser(base, column.multiplier, f.maximum, f.stored_unit or "",
                                        percent=f.dimension == "percent")
        else:
            self.parse = _cached(base)


def _cached(parse: Callable[[object], object]) -> Callable[[object], object]:
    cache: dict[object, object] = {}

    def cached(raw: object) -> object:
        key = (type(raw), raw)
        try:
            hit = cache[key]
        except KeyError:
            try:
                hit = parse(raw)
            except CellError as exc:
                hit = exc
            cache[key] = hit
        if isinstance(hit, CellError):
            raise hit
        return hit

    return cached


def _number_parser(parse: Callable[[object], object], mult: float, maximum: float | None,
                   unit: str, *, percent: bool) -> Callable[[object], float]:
    top = float("inf") if maximum is None else maximum

    def number(raw: object) -> float:
        v = raw * mult if type(raw) is float else parse(raw) * mult
        if v - v != 0:  # nan or inf
            raise CellError("not a finite number", "not_finite")
        if v < 0:
            raise CellError("negative quantities are not allowed", "negative")
        if percent:
            if v > 100 + 1e-9:
                raise CellError("a percentage must be between 0 and 100", "out_of_range")
        elif v > top:
            raise CellError(f"absurdly large (over {top:,.0f} {unit})".replace(" )", ")"), "absurd")
        return v

    return number


def _is_total(text: str, cache: dict[str, bool]) -> bool:
    hit = cache.get(text)
    if hit is None:
        hit = cache[text] = is_total_label(text)
    return hit


def _percent_row(values: dict[str, object], layout: SheetLayout) -> None:
    v = values.get("recycled_content")
    if isinstance(v, float):
        values["recycled_content"] = v * 100.0


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
