"""Parsing a planned sheet: long (a row per record) or wide (unpivoted: a row per record and
period column), every bad cell reported at its own row and column."""

from __future__ import annotations

import functools
import re
from contextlib import suppress
from dataclasses import replace

from greenledger.core.errors import REASON_TEMPLATES, Problem
from greenledger.core.fields import SHEETS, Kind, norm
from greenledger.core.importing import (
    cellunits,
    dates,
    timestamps,
)
from greenledger.core.importing import mapping as mp
from greenledger.core.importing.codes import Hint
from greenledger.core.importing.formulas import no_saved_value
from greenledger.core.importing.layout import (
    IgnoredRow,
    Layout,
    parse_period,
    row_kind,
)
from greenledger.core.importing.plan import ColumnPlan, SheetPlan
from greenledger.core.importing.reader import SheetData
from greenledger.core.importing.sheets import (
    Column,
    ParsedSheet,
    SheetLayout,
    parse_column,
    parse_sheet,
)
from greenledger.core.importing.values import (
    CellError,
    is_blank,
    parse_year,
    parser_for,
    sheet_decimal_mark,
)
from greenledger.core.importing.writer import Progress

EMPTY_MARKS = {"-", "--", "—", "–", "/", "n/a", "na", "无", "空", "—/—"}
"""Cells of a wide sheet's period columns that mean "no value" (skipped like blanks)."""


def without_hidden_rows(sheet: SheetData, layout: Layout) -> SheetData:
    """`sheet` with the data block's hidden rows blanked (listed as ignored rows)."""
    hidden = sorted(r for r in sheet.hidden_rows if layout.first_data <= r < layout.end)
    if not hidden:
        return sheet
    rows = list(sheet.rows)
    for r in hidden:
        layout.ignored.append(IgnoredRow(r + 1, "hidden", first_text(rows[r])))
        rows[r] = [""] * len(rows[r])
    layout.ignored.sort(key=lambda i: i.row)
    return replace(sheet, rows=rows, hidden_rows=frozenset())


def fill_merged_data(sheet: SheetData, layout: Layout) -> SheetData:
    """`sheet` with each cell merged down inside the data block given the merged cell's value
    (a site merged over its three source rows is that site on each row; Excel keeps the value
    in the top cell only). Merges in the header and title rows are left to the layout."""
    rows = None
    for (r0, c0), (r1, c1) in sheet.merged or ():
        if r1 <= r0 or r0 < layout.first_data or r0 >= layout.end:
            continue
        top = sheet.rows[r0]
        value = top[c0] if c0 < len(top) else None
        if value is None or value == "" or isinstance(value, int | float):
            continue  # a number merged over rows is one value, not one per row: not copied down
        if rows is None:
            rows = list(sheet.rows)
        for r in range(r0 + 1, min(r1, layout.end - 1) + 1):
            row = rows[r] = list(rows[r])
            for c in range(c0, min(c1, len(row) - 1) + 1):
                if row[c] is None or row[c] == "":
                    row[c] = value
    return sheet if rows is None else replace(sheet, rows=rows)


def read_pending_again(plan: SheetPlan, sheet: SheetData, layout: Layout,
                        parsed: ParsedSheet) -> SheetData | None:
    """The sheet with the cells that carry their own units or day/month dates rewritten for a
    second parse, or None when the first parse left none pending."""
    units, days = cellunits.pending(parsed), dates.pending(parsed)
    if not (units or days):
        return None
    if units:
        sheet = cellunits.apply_to_plan(plan, sheet, layout.first_data, layout.end)
    if days:
        sheet = dates.apply_to_plan(plan, sheet, layout.first_data, layout.end,
                                    layout.header_row_numbers[-1])
    return sheet


def row_progress(progress: Progress | None, total: int):
    if progress is None:
        return None
    return lambda r: progress(r, total)


def _sheet_columns(plan: SheetPlan) -> list[Column]:
    out = []
    for c in plan.columns:
        if c.field and c.field != mp.PERIOD and c.period is None:
            out.append(Column(c.index, SHEETS[plan.kind].field(c.field), c.header, c.multiplier))
    return out


def parse_long(plan: SheetPlan, sheet: SheetData, layout: Layout, constants: dict[str, str],
                formula_at, progress) -> ParsedSheet:
    kind = plan.kind
    columns = _sheet_columns(plan)
    sl = SheetLayout(kind, layout.first_data - 1, columns)
    rows = sheet.rows[:layout.end]
    view = SheetData(sheet.name, rows, sheet.hidden)
    parsed = parse_sheet(view, plan.file, sl, formula_at=formula_at,
                         progress=row_progress(progress, len(sheet.rows)))
    period_col = next((c for c in plan.columns if c.field == mp.PERIOD), None)
    if period_col is not None:
        year_col = next((c for c in plan.columns if not c.field and c.period is None
                         and norm(mp.split_unit(c.header)[0]) in mp.YEAR_KEYS), None)
        _fill_period(parsed, rows, period_col, (plan.options.period_year if plan.options
                                                 else None) or layout.year, kind, year_col)
    _with_day(plan, parsed, rows)
    _fill_constants(parsed, constants)
    return drop_non_data_rows(parsed, sheet.rows, layout)


def _with_day(plan: SheetPlan, parsed: ParsedSheet, rows: list[list[object]]) -> None:
    """`DATE | START TIME | END TIME` (a Green Button export): the times take the day of the
    row's Date column, a column the plan left aside (core.importing.timestamps.with_day)."""
    a, z = parsed.layout.column("period_start"), parsed.layout.column("period_end")
    if a is None or z is None or not parsed.row_numbers:
        return
    first = rows[parsed.row_numbers[0] - 1]
    if timestamps.time_of_day(first[a.index] if a.index < len(first) else None) is None:
        return  # at once: the start column holds dates, as nearly always
    day = next((c for c in plan.columns if not c.field and c.period is None
                and norm(mp.split_unit(c.header)[0]) in timestamps.DATE_HEADERS), None)
    if day is not None:
        timestamps.with_day(parsed, rows, day.index, a.index, z.index)


def _fill_period(parsed: ParsedSheet, rows: list[list[object]], col: ColumnPlan,
                 year: int | None, kind: Kind, year_col: ColumnPlan | None = None) -> None:
    """Period start and end from a column of months/quarters/years (a month without a year,
    `1月` or 3, takes the row's Year/年份 column, else `year`)."""
    starts, ends = parsed.columns["period_start"], parsed.columns["period_end"]
    required = SHEETS[kind].field("period_start").required
    if _fill_intervals(parsed, rows, col):
        parsed.layout.columns.append(Column(col.index, SHEETS[kind].field("period_start"),
                                            col.header))
        return
    for i, row in enumerate(parsed.row_numbers):
        cells = rows[row - 1]
        raw = cells[col.index] if col.index < len(cells) else ""
        row_year = year
        if year_col is not None and year_col.index < len(cells):
            with suppress(CellError):
                row_year = parse_year(cells[year_col.index]) or year
        if is_blank(raw):
            if required:
                parsed.problems.append(Problem(parsed.file, "required value missing",
                                               parsed.sheet, row, col.label, None,
                                               code="required"))
            continue
        p = parse_period(raw, row_year)
        if p is None:
            parsed.problems.append(Problem(
                parsed.file, "not a period (use a month such as 2023-01, 2023年1月 or Jan 2023, "
                "a quarter such as 2023Q1, or a year; the year of `1月` can be given for the sheet)",
                parsed.sheet, row, col.label, raw, code="not_period", params={"hint": Hint.PERIOD_YEAR}))
            continue
        starts[i], ends[i] = p.start, p.end
    _october_as_january(parsed, rows, col)
    parsed.layout.columns.append(Column(col.index, SHEETS[kind].field("period_start"),
                                        col.header))


def _fill_intervals(parsed: ParsedSheet, rows: list[list[object]], col: ColumnPlan) -> bool:
    """A period column of timestamps (`Timestamp | kWh`, 2023-01-01 13:00 …) as the intervals
    they begin (core.importing.timestamps.intervals): False when no cell has a time of day."""
    raw = [(cells[col.index] if col.index < len(cells) else None)
           for cells in (rows[r - 1] for r in parsed.row_numbers)]

    def where(name, row, value, code, params, reason):
        return Problem(parsed.file, reason or REASON_TEMPLATES[code].format(**params),
                       parsed.sheet, row, col.label, value, code=code, params=params)

    found = timestamps.intervals(raw, parsed.row_numbers, where)
    if found is None:
        return False
    starts, ends, offsets, problems, note = found
    parsed.columns["period_start"], parsed.columns["period_end"] = starts, ends
    parsed.problems.extend(problems)
    if note is not None:  # how the column was read: said, not refused
        parsed.warnings.append(replace(note, row=parsed.layout.header_row + 1))
    timestamps.merge(parsed, offsets)
    return True


_DOT_MONTH = re.compile(r"^\s*((?:19|20)\d{2})\.(\d{1,2})\s*$")


def _october_as_january(parsed: ParsedSheet, rows: list[list[object]], col: ColumnPlan) -> None:
    """Refuse `2023.1` in a column of `2023.8`, `2023.9`, `2023.1`, `2023.11`: Excel keeps a typed
    2023.10 as the number 2023.1, so it reads as January where October belongs. A year's `.1`
    is ambiguous when the column has that year's `.11` or `.12` but no `.10`."""
    seen: dict[str, set[str]] = {}
    where: dict[str, int] = {}
    for row in parsed.row_numbers:
        cells = rows[row - 1]
        raw = cells[col.index] if col.index < len(cells) else ""
        m = _DOT_MONTH.match(str(raw)) if isinstance(raw, str | float) else None
        if m:
            seen.setdefault(m[1], set()).add(m[2])
            if m[2] == "1":
                where.setdefault(m[1], row)
    for year, months in seen.items():
        if "1" in months and "10" not in months and months & {"11", "12"}:
            parsed.problems.append(Problem(
                parsed.file, f"{year}.1 reads as January, but this column has {year}.11 or {year}.12 "
                f"and no {year}.10: a typed {year}.10 kept as a number loses its 0; write the months "
                f"as {year}-10 or {year}年10月", parsed.sheet, where[year], col.label, f"{year}.1",
                code="october_as_january"))


def _fill_constants(parsed: ParsedSheet, constants: dict[str, str]) -> None:
    for name, value in constants.items():
        if name not in parsed.columns:
            continue
        f = SHEETS[parsed.kind].field(name)
        v = parser_for(f)(value)
        col = parsed.columns[name]
        for i, old in enumerate(col):
            if old is None:
                col[i] = v


def drop_non_data_rows(parsed: ParsedSheet, rows: list[list[object]],
                        layout: Layout) -> ParsedSheet:
    """Rows refused only because they are totals, subtotals or notes (`Zhangbei 小计`, a
    footnote in the middle) are ignored, not refused; totals rows parse_sheet skipped are
    listed too."""
    for w in parsed.warnings:
        if w.code == "totals_row_skipped" and w.row:
            layout.ignored.append(IgnoredRow(w.row, "total", first_text(rows[w.row - 1])))
    if not parsed.problems:
        return parsed
    bad_rows = {p.row for p in parsed.problems if p.row}
    drop = set()
    for r in bad_rows:
        if r - 1 < len(rows) and (k := row_kind(rows[r - 1])) in ("total", "note"):
            drop.add(r)
            layout.ignored.append(IgnoredRow(r, k, first_text(rows[r - 1])))
    if not drop:
        return parsed
    layout.ignored.sort(key=lambda i: i.row)
    keep = [i for i, r in enumerate(parsed.row_numbers) if r not in drop]
    columns = {k: [v[i] for i in keep] for k, v in parsed.columns.items()}
    return ParsedSheet(parsed.file, parsed.sheet, parsed.layout, columns,
                       [parsed.row_numbers[i] for i in keep],
                       [p for p in parsed.problems if p.row not in drop], parsed.warnings)


def first_text(cells: list[object]) -> str:
    for c in cells:
        if not is_blank(c):
            return str(c).strip()
    return ""


def parse_wide(plan: SheetPlan, sheet: SheetData, layout: Layout, constants: dict[str, str],
                formula_at) -> ParsedSheet:
    """Unpivot: one row per data row and period column with a value; the period from the
    column header; every bad cell reported at its own row and column."""
    kind, file = plan.kind, plan.file
    id_cols = _sheet_columns(plan)
    period_cols = [c for c in plan.columns if c.period is not None and c.field]
    measure = period_cols[0].field
    mfield = SHEETS[kind].field(measure)
    width = max(c.index for c in plan.columns) + 1
    problems: list[Problem] = []
    kept: list[int] = []  # 0-based sheet row indexes
    ids = {c.index for c in id_cols}
    rows = sheet.rows  # the caller's: short rows are padded in a copy, never in place
    for r in range(layout.first_data, layout.end):
        row = rows[r]
        if len(row) < width:
            if rows is sheet.rows:
                rows = list(sheet.rows)
            row = rows[r] = list(row) + [""] * (width - len(row))
        k = row_kind(row)
        if k == "blank":
            continue
        if k in ("total", "note"):
            layout.ignored.append(IgnoredRow(r + 1, k, first_text(row)))
            continue
        if all(_blank_value(row[c.index]) for c in period_cols):
            filled = [v for i, v in enumerate(row) if not is_blank(v)]
            if not any(not is_blank(row[i]) for i in ids) or len(filled) <= 1:
                layout.ignored.append(IgnoredRow(r + 1, "no values", first_text(row)))
            continue  # nothing to import on this row
        kept.append(r)
    layout.ignored.sort(key=lambda i: i.row)
    id_values: dict[str, list[object]] = {}
    for c in id_cols:
        raw = [rows[r][c.index] for r in kept]
        values, errors = parse_column(c, raw)
        id_values[c.field.name] = values
        for i, value, exc in errors:
            problems.append(Problem(file, exc.reason, sheet.name, kept[i] + 1, c.label, value,
                                    code=exc.code, params=exc.params))
        if c.field.required:
            for i, (v, x) in enumerate(zip(values, raw, strict=True)):
                if v is None and is_blank(x):
                    problems.append(_missing(file, sheet.name, kept[i], c, formula_at))
    out: dict[str, list[object]] = {f.name: [] for f in SHEETS[kind].fields}
    row_numbers: list[int] = []
    others = [f.name for f in SHEETS[kind].fields
              if f.name not in id_values and f.name not in ("period_start", "period_end", measure)]
    texts = [v for pc in period_cols for r in kept
             if type(v := rows[r][pc.index]) is str]  # one decimal mark for them all
    mark = functools.cache(lambda: sheet_decimal_mark(rows[r] for r in kept))
    for pc in period_cols:
        col = Column(pc.index, mfield, pc.header, pc.multiplier)
        raw = [rows[r][pc.index] for r in kept]
        raw = ["" if _blank_value(v) else v for v in raw]
        values, errors = parse_column(col, raw, texts, mark)
        for i, value, exc in errors:
            problems.append(Problem(file, exc.reason, sheet.name, kept[i] + 1, col.label, value,
                                    code=exc.code, params=exc.params))
        bad = {i for i, _, _ in errors}
        for i, r in enumerate(kept):
            if values[i] is None and i not in bad:
                if formula_at is not None and is_blank(raw[i]) and formula_at(r, pc.index):
                    problems.append(_missing(file, sheet.name, r, col, formula_at))
                continue  # an empty period cell (a formula without a saved value is refused)
            row_numbers.append(r + 1)
            for name, vals in id_values.items():
                out[name].append(vals[i])
            out["period_start"].append(pc.period.start)
            out["period_end"].append(pc.period.end)
            out[measure].append(values[i])
            for name in others:
                out[name].append(None)
    # rows back in sheet order (row, then period), as a reader expects them
    order = sorted(range(len(row_numbers)), key=lambda i: (row_numbers[i],
                                                            out["period_start"][i]))
    out = {k: [v[i] for i in order] for k, v in out.items()}
    row_numbers = [row_numbers[i] for i in order]
    first = period_cols[0]
    sl = SheetLayout(kind, layout.first_data - 1,
                     id_cols + [Column(first.index, mfield, first.header, first.multiplier)])
    problems.sort(key=lambda p: (p.row or 0, p.column or ""))
    parsed = ParsedSheet(file, sheet.name, sl, out, row_numbers, problems, [])
    _fill_constants(parsed, constants)
    return parsed


def _blank_value(v: object) -> bool:
    return is_blank(v) or (isinstance(v, str) and v.strip().lower() in EMPTY_MARKS)


def _missing(file: str, sheet: str, r: int, c: Column, formula_at) -> Problem:
    formula = formula_at(r, c.index) if formula_at is not None else None
    if formula:
        return Problem(file, no_saved_value(str(formula)), sheet, r + 1, c.label, None,
                       code="formula_without_value")
    return Problem(file, "required value missing", sheet, r + 1, c.label, None, code="required")
