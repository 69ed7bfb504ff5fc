"""Units per row or per cell (issue 12 §2): a Unit column whose unit changes by row (kWh, MWh,
万千瓦时; kg, t, 吨), and units or magnitudes written inside cells (`925,411 kWh`, `1,479 MWh`,
`12.5万`, `1.2亿`, `91.28万千瓦时`). Each cell is converted by its own unit.

The cells are rewritten as numbers in their column's unit before the rows are parsed, so the
parse keeps its fast path; columns holding only numbers are not touched (one type scan each).
A cell's unit that differs from the unit its header (units row, title, --unit) states is
refused naming the cell; in a column whose other cells or rows state units, a cell without one
is refused too (there is no one unit to give for the column)."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from operator import itemgetter

from greenledger.core.errors import Problem, coded_reason
from greenledger.core.fields import FieldType, norm
from greenledger.core.importing.codes import Aside, UnitFrom
from greenledger.core.importing.values import (
    MIXED_DECIMALS,
    CellError,
    decimal_style,
    is_blank,
    parse_number,
    reads_two_ways,
)
from greenledger.core.units import DIMENSIONS, UnitError, multiplier

UNIT_REQUIRED = ("energy", "mass", "distance")
"""Dimensions whose unit must be stated (core.importing.column_units and layout take it from
here): a bare magnitude (`12.5万`) in a column of another dimension (orders) scales its stored
unit."""
MAGNITUDES = {"千万": 1e7, "百万": 1e6, "万": 1e4, "亿": 1e8, "千": 1e3}
"""Chinese magnitudes written after a figure (`12.5万`, `1.2亿`), alone or before a unit."""
UNIT_COLUMN_LABELS = frozenset(norm(t) for t in (
    "unit", "units", "uom", "unit of measure", "unit of measurement", "measurement unit",
    "单位", "计量单位", "单位名称", "计量单位名称"))
"""Headers of a column that gives the unit of each row's figure."""
_CELL = re.compile(r"^(?P<num>[+-]?(?:\d[\d,.\s']*)?\d)\s*(?P<rest>[^\d\s,.'+-][^\d]*)?$")


def _dimension_units(dimension: str) -> dict[str, float]:
    return DIMENSIONS.get(dimension, {})


def cell_unit(rest: str, dimension: str) -> tuple[float, str | None] | None:
    """The multiplier to the stored unit of what follows a figure (`MWh`, `万千瓦时`, `万`,
    `万kWh`) and the unit named (None for a bare magnitude, which scales the column's unit),
    or None when it is not a unit of `dimension`."""
    text = unicodedata.normalize("NFKC", rest).strip()
    if not text:
        return None
    try:
        return multiplier(dimension, text), text
    except (UnitError, KeyError):
        pass
    for mag in sorted(MAGNITUDES, key=len, reverse=True):
        if text.startswith(mag):
            remainder = text[len(mag):].strip()
            if not remainder:
                return MAGNITUDES[mag], None
            try:
                return MAGNITUDES[mag] * multiplier(dimension, remainder), remainder
            except (UnitError, KeyError):
                return None
    return None


def split_figure(text: str) -> tuple[str, str] | None:
    """(`925,411`, `kWh`) for `925,411 kWh`; None when the text is not a figure followed by
    words (a plain number gives ("1,234", ""))."""
    m = _CELL.match(unicodedata.normalize("NFKC", text).strip())
    if not m:
        return None
    return m["num"].strip(), (m["rest"] or "").strip()


@dataclass(slots=True)
class Target:
    """A numeric column (or a wide sheet's period columns together) to read cell by cell.

    `unit`/`where`: the unit its header, units row, title or --unit states (None if none),
    `mult` its multiplier; `stored`: the stored unit; `unit_col`: (index, label) of a Unit
    column giving each row's unit."""

    columns: list[tuple[int, str]]  # (index, label)
    dimension: str
    stored: str
    unit: str | None
    where: str | None
    mult: float
    unit_col: tuple[int, str] | None = None


@dataclass(slots=True)
class Outcome:
    rows: list[list[object]] | None = None  # the rewritten rows (None: nothing changed)
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    resolved: set[int] = field(default_factory=set)  # columns whose cells/rows give the unit
    units_seen: dict[int, list[str]] = field(default_factory=dict)


def _column(rows: list[list[object]], index: int, first: int, end: int) -> list[object]:
    try:  # at C speed
        return list(map(itemgetter(index), rows[first:end]))
    except IndexError:
        return [r[index] if index < len(r) else None for r in rows[first:end]]


def _has_text(rows: list[list[object]], index: int, first: int, end: int) -> bool:
    try:  # at C speed
        return str in set(map(type, map(itemgetter(index), rows[first:end])))
    except IndexError:
        return True


def read_cell_units(file: str, sheet: str, rows: list[list[object]], first: int, end: int,
                    targets: list[Target]) -> Outcome:
    """Rewrite the cells of `targets` that carry a unit or magnitude (or whose row's Unit
    column gives one) as numbers in the column's unit: the stored unit where the column states
    none but its cells or rows do (then `resolved` holds its columns and the caller sets its
    multiplier to 1)."""
    out = Outcome()
    new_rows: dict[int, list[object]] = {}
    for t in targets:
        if t.unit_col is None and not any(_has_text(rows, i, first, end) for i, _ in t.columns):
            continue  # numbers only: the common case, left to the parse's fast path
        cols = {i: _column(rows, i, first, end) for i, _ in t.columns}
        row_units = _column(rows, t.unit_col[0], first, end) if t.unit_col else None
        _read_target(file, sheet, first, t, cols, row_units, out, new_rows, rows)
    if new_rows:
        out.rows = list(rows)
        for r, row in new_rows.items():
            out.rows[r] = row
    return out


def _read_target(file, sheet, first, t: Target, cols, row_units, out: Outcome, new_rows,
                 rows) -> None:
    # 1. each cell: (figure text or number, multiplier to stored or None, magnitude, unit)
    parsed: dict[tuple[int, int], tuple[object, float | None, float, str | None]] = {}
    stated_any = False
    figure_texts: list[str] = []
    for ci, values in cols.items():
        for i, v in enumerate(values):
            if is_blank(v) or isinstance(v, bool):
                continue
            if type(v) is str:
                split = split_figure(v)
                if split is None:
                    continue  # not a figure: the parse says why
                num, rest = split
                if rest:
                    got = cell_unit(rest, t.dimension)
                    if got is None:
                        continue  # `12 apples`: the parse refuses it as not a number
                    mult, unit = got
                    if unit is not None:
                        parsed[ci, i] = (num, mult, 1.0, unit)
                        stated_any = True
                    else:
                        parsed[ci, i] = (num, None, mult, None)
                else:
                    parsed[ci, i] = (num, None, 1.0, None)
                figure_texts.append(num)
            elif isinstance(v, int | float):
                parsed[ci, i] = (v, None, 1.0, None)
    # 2. the rows' units (a Unit column)
    row_mult: dict[int, tuple[float, str]] = {}
    unit_label = t.unit_col[1] if t.unit_col else ""
    if row_units is not None:
        for i, u in enumerate(row_units):
            if is_blank(u):
                continue
            try:
                row_mult[i] = (multiplier(t.dimension, str(u).strip()), str(u).strip())
            except (UnitError, KeyError):
                if any((ci, i) in parsed for ci in cols):
                    examples = ", ".join(list(_dimension_units(t.dimension))[:6])
                    params = {"unit": str(u).strip(), "examples": examples}
                    out.problems.append(Problem(file, coded_reason("row_unit_unknown", **params),
                                                sheet, first + i + 1, unit_label, u,
                                                code="row_unit_unknown", params=params))
        stated_any = stated_any or bool(row_mult)
    if not parsed and not row_mult:
        return
    implicit = t.unit is None and t.dimension not in UNIT_REQUIRED  # orders: its stored unit
    if not stated_any and ((t.unit is None and not implicit)
                           or all(mag == 1.0 for _, _, mag, _ in parsed.values())):
        return  # no cell or row states a unit: the column's own unit (or its refusal) holds
    # 3. the column's unit: stated, or the stored unit when only cells and rows state theirs
    resolved = t.unit is None and stated_any
    col_mult = 1.0 if resolved else t.mult
    style, mixed = decimal_style(figure_texts)
    two_ways = reads_two_ways(figure_texts)
    seen: list[str] = []
    for (ci, i), (v, mult, mag, unit) in parsed.items():
        label = dict(t.columns)[ci]
        raw = cols[ci][i]
        if type(v) is str:
            if v in mixed:
                out.problems.append(Problem(file, MIXED_DECIMALS, sheet, first + i + 1, label, raw,
                                            code="mixed_decimals"))
                continue
            try:
                number = parse_number(v, style=style)
            except CellError:
                continue  # the parse says why
        else:
            number = float(v)
        row_unit = row_mult.get(i)
        if unit is not None:
            if t.unit is not None and _differ(t.dimension, unit, t.unit):
                params = {"cell_unit": unit, "unit": t.unit, "where": t.where or ""}
                out.problems.append(Problem(file, coded_reason("cell_unit_conflict", **params),
                                            sheet, first + i + 1, label, raw,
                                            code="cell_unit_conflict", params=params))
                continue
            if row_unit is not None and _differ(t.dimension, unit, row_unit[1]):
                params = {"cell_unit": unit, "unit": row_unit[1], "where": unit_label}
                out.problems.append(Problem(file, coded_reason("cell_unit_conflict", **params),
                                            sheet, first + i + 1, label, raw,
                                            code="cell_unit_conflict", params=params))
                continue
            stored = number * mult
            seen.append(unit)
        elif row_unit is not None:
            if t.unit is not None and _differ(t.dimension, row_unit[1], t.unit):
                params = {"row_unit": row_unit[1], "unit_column": unit_label, "unit": t.unit,
                          "where": t.where or ""}
                out.problems.append(Problem(file, coded_reason("row_unit_conflict", **params),
                                            sheet, first + i + 1, label, raw,
                                            code="row_unit_conflict", params=params))
                continue
            stored = number * mag * row_unit[0]
            seen.append(row_unit[1])
        elif t.unit is not None or implicit:  # `120万` orders: 1,200,000
            stored = number * mag * t.mult
        else:  # neither the column, the cell nor its row states a unit, while others do
            params = {"units": "", "example": ""}
            out.problems.append(Problem(file, "", sheet, first + i + 1, label, raw,
                                        code="cell_unit_missing", params=params))
            continue
        row = new_rows.get(first + i)
        if row is None:
            row = new_rows[first + i] = list(rows[first + i])
        row[ci] = stored / col_mult
    units = sorted(set(seen), key=seen.index)
    for p in list(out.problems):  # the units the other cells state, for the missing ones
        if p.code == "cell_unit_missing" and not p.params["units"]:
            shown = ", ".join(units[:4]) or t.stored
            params = {"units": shown, "example": units[0] if units else t.stored}
            i = out.problems.index(p)
            out.problems[i] = Problem(p.file, coded_reason("cell_unit_missing", **params), p.sheet,
                                      p.row, p.column, p.value, code=p.code, params=params)
    if resolved:
        out.resolved |= {ci for ci, _ in t.columns}
    for ci, _ in t.columns:
        out.units_seen[ci] = units
    if two_ways:
        span = t.columns[0][1] if len(t.columns) == 1 else \
            f"{t.columns[0][1]} … {t.columns[-1][1]}"
        params = {"columns": span, "examples": ", ".join(two_ways[:3])}
        out.warnings.append(Problem(file, coded_reason("reads_two_ways", **params), sheet,
                                    first, span, two_ways[0], code="reads_two_ways",
                                    params=params))


def _differ(dimension: str, a: str, b: str) -> bool:
    try:
        return multiplier(dimension, a) != multiplier(dimension, b)
    except (UnitError, KeyError):
        return False


def unit_column(headers: list[tuple[int, str]], rows: list[list[object]], first: int,
                end: int) -> tuple[int, str, str] | None:
    """A column headed `Unit`/`单位` whose cells are units of one dimension: (index, label,
    dimension), else None."""
    for index, header in headers:
        if norm(header) not in UNIT_COLUMN_LABELS:
            continue
        dims = set()
        for v in set(_column(rows, index, first, end)):
            if is_blank(v):
                continue
            key = str(v).strip()
            dims |= {d for d, table in DIMENSIONS.items() if d != "percent"
                     and _is_unit_of(key, d, table)}
        if len(dims) == 1:
            return index, header, dims.pop()
    return None


def _is_unit_of(text: str, dimension: str, table: dict) -> bool:
    try:
        multiplier(dimension, text)
        return True
    except (UnitError, KeyError):
        return False


def pending(parsed) -> bool:
    """Whether the parse refused a figure that carries a unit or magnitude (`1,479 MWh`,
    `12.5万`): then the sheet's cells are read by their units and parsed again (most sheets
    have none, and cost nothing here)."""
    if parsed is None:
        return False
    for p in parsed.problems:
        if p.code == "not_number" and type(p.value) is str and (s := split_figure(p.value)) \
                and s[1] and any(cell_unit(s[1], d) for d in DIMENSIONS if d != "percent"):
            return True
    return False


def apply_to_plan(plan, sheet, first: int, end: int, lazy: bool = False):
    """Read the units of `plan`'s numeric columns per cell and per row (an import assistant's
    SheetPlan, its SheetData and data block): returns the sheet with those cells as numbers in
    their column's unit, adds problems and warnings to the plan, and replaces a column's "no
    unit stated" refusal where its cells or rows state their units."""
    from dataclasses import replace

    from greenledger.core.importing.mapping import kind_field

    kind = plan.kind
    numeric = []
    for c in plan.columns:
        f = kind_field(kind, c.field) if c.field else None
        if f is None or f.dimension == "percent":
            continue
        if f.dimension in DIMENSIONS or (f.dimension is None and f.type is FieldType.NUMBER):
            numeric.append((c, f))  # activity: bare magnitudes only (`2,000万`, not `2万kWh`)
    if not numeric:
        return sheet
    free = [(c.index, c.header) for c in plan.columns if not c.field and c.period is None]
    ucol = unit_column(free, sheet.rows, first, end) if free else None
    if lazy and ucol is None:
        return sheet  # units inside cells are read once the parse finds them (`pending`)
    targets: list[tuple[Target, list]] = []
    periods = [(c, f) for c, f in numeric if c.period is not None]
    groups = [[cf] for cf in numeric if cf[0].period is None] + ([periods] if periods else [])
    dims_with_unit_col = [g for g in groups if ucol and g[0][1].dimension == ucol[2]]
    for g in groups:
        c, f = g[0]
        unit_col = None
        if ucol and len(dims_with_unit_col) == 1 and g is dims_with_unit_col[0]:
            unit_col = (ucol[0], f"{ucol[1]} [{_letter(ucol[0])}]")
        targets.append((Target([(x.index, x.label) for x, _ in g], f.dimension or "",
                               f.stored_unit or "", c.unit, c.unit_from, c.multiplier,
                               unit_col), [x for x, _ in g]))
    out = read_cell_units(plan.file, plan.sheet, sheet.rows, first, end, [t for t, _ in targets])
    plan.problems += out.problems
    plan.warnings += out.warnings
    resolved_labels = set()
    for t, cols in targets:
        if not out.resolved & {i for i, _ in t.columns}:
            continue
        for c in cols:
            c.unit, c.multiplier = t.stored, 1.0
            c.unit_source, c.unit_at = ((UnitFrom.UNIT_COLUMN, t.unit_col[1]) if t.unit_col
                                        else (UnitFrom.CELLS, ""))
        resolved_labels |= {lbl for _, lbl in t.columns}
        if len(cols) > 1:
            resolved_labels.add(f"{cols[0].header} … {cols[-1].header} "
                                f"[{cols[0].letter}–{cols[-1].letter}]")
    if resolved_labels:  # the cells' units say what the period columns hold, too
        plan.problems = [p for p in plan.problems if not (
            p.code in ("unit_unstated", "measure_unstated") and p.column in resolved_labels)]
    if ucol is not None and any(t.unit_col for t, _ in targets):
        for c in plan.columns:
            if c.index == ucol[0]:
                c.aside, c.aside_args = Aside.UNIT_COLUMN, ()
    return sheet if out.rows is None else replace(sheet, rows=out.rows)


def _letter(index: int) -> str:
    from greenledger.core.importing.reader import column_letter

    return column_letter(index)


CELL_CODES = frozenset({"cell_unit_conflict", "cell_unit_missing", "row_unit_conflict",
                        "row_unit_unknown", "mixed_decimals"})
"""Problems of single cells found here: the other cells are still parsed and checked."""
COLUMN_CODES = frozenset({"date_order_unclear", "date_order_mixed", "date_year_unclear"})
"""Problems of a whole column (core/importing/dates.py): its cells' own are not repeated."""


def drop_repeated(plan) -> None:
    """Leave out the parse's own problem for a cell already refused here (its text with a
    unit is "not a number" to the parse)."""
    mine = {(p.row, p.column) for p in plan.problems if p.code in CELL_CODES}
    columns = {p.column for p in plan.problems if p.code in COLUMN_CODES}
    if (mine or columns) and plan.parsed is not None:
        plan.parsed.problems[:] = [p for p in plan.parsed.problems
                                   if (p.row, p.column) not in mine and p.column not in columns]
