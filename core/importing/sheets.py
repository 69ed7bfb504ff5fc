"""Recognising a sheet of the template (its kind, header row and columns) and parsing its rows
into field values in stored units, collecting a Problem for every bad cell."""

from __future__ import annotations

import functools
from collections.abc import Callable
from operator import itemgetter

from greenledger.core.errors import Problem
from greenledger.core.fields import SHEETS, Field, FieldType, Kind, SheetSpec, norm
from greenledger.core.i18n import QT_TRANSLATE_NOOP
from greenledger.core.importing import timestamps
from greenledger.core.importing.formulas import no_saved_value
from greenledger.core.importing.mapping import split_unit
from greenledger.core.importing.parsed import Column, ParsedRow, ParsedSheet, SheetLayout  # noqa: F401 - imported from here
from greenledger.core.importing.reader import SheetData, column_letter
from greenledger.core.importing.values import (
    MIXED_DECIMALS,
    CellError,
    decimal_style,
    is_blank,
    is_total_label,
    parse_number,
    parser_for,
    sheet_decimal_mark,
)
from greenledger.core.units import UnitError, multiplier

HEADER_SCAN_ROWS = 15


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
        name, unit = split_unit(cell)  # a qualifier bracket (excl. cancelled, 不含取消) is no unit
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
                                               code=exc.code, params={"unit": unit, **exc.params}))
        layout.columns.append(Column(i, f, header, mult))
    return layout


def parse_sheet(sheet: SheetData, file: str, layout: SheetLayout, *,
                formula_at: Callable[[int, int], str | None] | None = None,
                progress: Callable[[int], None] | None = None) -> ParsedSheet:
    """Parse every data row of a recognised sheet; every bad cell becomes a Problem.

    `formula_at(row, col)` (0-based) gives the formula of a blank cell that holds one without
    a saved value, else None; it is asked only for blank required cells.
    """
    problems = list(layout.problems)
    warnings: list[Problem] = []
    width = max(c.index for c in layout.columns) + 1
    first_row = layout.header_row + 1
    data = sheet.rows[first_row:]
    if data and min(map(len, data)) < width:  # at C speed
        data = [r if len(r) >= width else list(r) + [""] * (width - len(r)) for r in data]
    fractions = _percent_fractions(sheet.rows, layout)
    small_percents = fractions and _percent_header(layout)
    if small_percents:  # `Recycled content (%)` holding 1, 0.8, 0.5: 1 %, 0.8 %, 0.5 %,
        col = layout.column("recycled_content")  # unless the cells show 30 % (0.3, formatted)
        probe = getattr(formula_at, "percent_formatted", None)
        if probe is not None and col is not None and probe(col.index, first_row):
            small_percents = False
        else:
            fractions = False
    # Parse column by column: a column repeats few distinct values (sites, sources, dates),
    # and numbers take a fast path; bad cells are collected per row.
    names: list[str] = []
    columns: list[list[object]] = []
    bad: dict[int, list[tuple[Column, object, CellError]]] = {}
    wanted = [c.index for c in layout.columns]
    if len(wanted) > 1 and data:  # only the mapped columns, transposed at C speed
        picked = dict(zip(wanted, zip(*map(itemgetter(*wanted), data), strict=True), strict=True))
    else:
        picked = {i: [r[i] for r in data] for i in wanted}
    mark = functools.cache(lambda: sheet_decimal_mark(data))
    for c in layout.columns:
        raw = list(picked[c.index])
        values, errors = _parse_column(c, raw, sheet_mark=mark)
        if fractions and c.field.name == "recycled_content":
            values = [None if v is None else v * 100.0 for v in values]
        names.append(c.field.name)
        columns.append(values)
        for i, value, exc in errors:
            bad.setdefault(i, []).append((c, value, exc))
    totals: dict[str, bool] = {}
    kept: list[int] = []
    # Blank rows have None in every column, so only the first column's Nones are candidates;
    # totals rows show in the first cell. Most sheets have neither: all rows are kept at once.
    blank = {i for i, v in enumerate(columns[0]) if v is None
             and i not in bad and all(col[i] is None for col in columns)}
    special = any(v == "" or v is None or (type(v) is str and _is_total(v, totals))
                  for v in set(map(itemgetter(0), data)))
    filled = [i for i in range(len(data)) if i not in blank] if blank else range(len(data))
    if not special:
        kept, filled = list(filled), []
    for i in filled:
        cells = data[i]
        first = cells[0]
        if first == "" or first is None:
            first = next((v for v in cells if not is_blank(v)), None)
        if type(first) is str and _is_total(first, totals):
            warnings.append(Problem(file, "a totals row, not imported", sheet.name,
                                    first_row + i + 1, code="totals_row_skipped"))
            continue
        kept.append(i)
        if progress is not None and not i % 20000:
            progress(first_row + i)
    if len(kept) < len(data):
        columns = [[col[i] for i in kept] for col in columns]
    by_name = dict(zip(names, columns, strict=True))
    out_columns = {f.name: by_name.get(f.name) or [None] * len(kept)
                   for f in SHEETS[layout.kind].fields}
    row_numbers = [first_row + i + 1 for i in kept]
    kept_set = set(kept) if bad else set()
    for i in sorted(bad):
        if i in kept_set:
            for c, value, exc in bad[i]:
                problems.append(Problem(file, exc.reason, sheet.name, first_row + i + 1, c.label,
                                        value, code=exc.code, params=exc.params))
    parsed = ParsedSheet(file, sheet.name, layout, out_columns, row_numbers, problems, warnings)
    a, z = layout.column("period_start"), layout.column("period_end")
    if a is not None and z is not None:  # hourly rows: times of day kept (core.importing.timestamps)
        timestamps.apply(parsed, picked[a.index], picked[z.index], kept)
    problems += _missing_required(parsed, data, first_row, formula_at)
    if fractions:
        col = layout.column("recycled_content")
        warnings.append(Problem(file, QT_TRANSLATE_NOOP("Problems", "values between 0 and 1 read as fractions (0.3 = 30 %)"),  # noqa: E501
                                sheet.name, layout.header_row + 1, col.label if col else None,
                                code="percent_as_fraction"))
    elif small_percents:
        col = layout.column("recycled_content")
        warnings.append(Problem(
            file, QT_TRANSLATE_NOOP("Problems", "values of at most 1 under a % header read as percent (0.8 = 0.8 %); if the cells show percentages (80 %), take the % out of the header"),  # noqa: E501
            sheet.name,
            layout.header_row + 1, col.label if col else None, code="percent_header_small"))
    return parsed


def _percent_header(layout: SheetLayout) -> bool:
    """True when the percent column's header says `%` (`Recycled content (%)`, `再生比例%`,
    `Recycled (percent)`): its numbers are percentages, 1 is 1 %."""
    col = layout.column("recycled_content")
    if col is None:
        return False
    text = col.header.lower()
    return "%" in text or "％" in text or "percent" in text or "百分比" in text


def _missing_required(ps: ParsedSheet, data: list[list[object]], first_row: int,
                      formula_at: Callable[[int, int], str | None] | None) -> list[Problem]:
    """A problem for each blank required cell (a formula without a saved value named so)."""
    problems = []
    for c in ps.layout.columns:
        if not c.field.required or None not in ps.columns[c.field.name]:
            continue
        for row, value in zip(ps.row_numbers, ps.columns[c.field.name], strict=True):
            i = row - first_row - 1
            if value is not None or not is_blank(data[i][c.index]):
                continue  # filled, or a bad value already reported
            formula = formula_at(first_row + i, c.index) if formula_at is not None else None
            if formula:
                reason, code = no_saved_value(str(formula)), "formula_without_value"
            else:
                reason, code = "required value missing", "required"
            problems.append(Problem(ps.file, reason, ps.sheet, row, c.label, None, code=code))
    return problems


_SLOW = object()


def _parse_column(c: Column, raw: list[object], texts: list[object] | None = None,
                  sheet_mark: Callable[[], str | None] | None = None
                  ) -> tuple[list[object], list[tuple[int, object, CellError]]]:
    """Parsed values of one column (None for blanks and bad cells) and its bad cells.

    Numbers written as text are read with the decimal mark of the column (or of `texts`, the
    cells of every column holding the same measure, as a wide sheet's months), else with the
    mark the rest of the sheet shows (`sheet_mark()`, asked only then: 48.210 kWh on a bill
    whose amounts read 16.391,40 is 48,210 kWh)."""
    f = c.field
    parse = parser_for(f)
    mixed: set[str] = set()
    if f.type in (FieldType.NUMBER, FieldType.INTEGER):
        mult = c.multiplier

        def fast(x: object) -> object:
            if type(x) is float:
                return x * mult
            if x == "" or x is None:
                return None
            return _SLOW

        values = list(map(fast, raw))
        numbers = [v for v in values if type(v) is float]
        if len(numbers) == len(values) - values.count(None) and _all_fine(
                numbers, f.maximum, f.dimension == "percent"):
            return values, []
        pct = f.dimension == "percent"
        style, mixed = decimal_style(raw if texts is None else texts)
        if style is None and not mixed and sheet_mark is not None:
            style = sheet_mark()
        parse_one = _number_parser(lambda v: parse_number(v, percent=pct, style=style), mult,
                                   f.maximum, f.stored_unit or "", percent=pct)
    else:
        parse_one = parse
        distinct = set(raw)
        if not any(type(v) is bool for v in distinct):  # True == 1 would share a key
            lookup: dict[object, object] = {}
            failed: dict[object, CellError] = {}
            for v in distinct:
                try:
                    lookup[v] = None if is_blank(v) else parse(v)
                except CellError as exc:
                    failed[v] = exc
                    lookup[v] = None
            values = list(map(lookup.__getitem__, raw))
            errors = [(i, v, failed[v]) for i, v in enumerate(raw) if v in failed] if failed else []
            return values, errors
    values, errors = [], []
    for i, v in enumerate(raw):
        if is_blank(v):
            values.append(None)
            continue
        if mixed and v in mixed:
            values.append(None)
            errors.append((i, v, CellError(MIXED_DECIMALS, "mixed_decimals")))
            continue
        try:
            values.append(parse_one(v))
        except CellError as exc:
            values.append(None)
            errors.append((i, v, exc))
    return values, errors


def _all_fine(numbers: list[float], maximum: float | None, percent: bool) -> bool:
    """True when every number is finite, not negative and within the field's bound."""
    if not numbers:
        return True
    total = sum(numbers)
    if total - total != 0:  # an inf or nan among them
        return False
    top = 100.0 if percent else (float("inf") if maximum is None else maximum)
    return min(numbers) >= 0 and max(numbers) <= top


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
            limit = f"{top:,.0f} {unit}".strip()
            raise CellError(f"absurdly large (over {limit})", "absurd", limit=limit)
        return v

    return number


def _is_total(text: str, cache: dict[str, bool]) -> bool:
    hit = cache.get(text)
    if hit is None:
        hit = cache[text] = is_total_label(text)
    return hit


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


parse_column = _parse_column
"""Parsed values of one column and its bad cells: `parse_column(Column, raw) -> (values,
[(index, raw value, CellError)])` (shared with the import assistant's wide layouts)."""
