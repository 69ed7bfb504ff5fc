"""Checks of a sheet's plan that can refuse it before any row is read against the workspace:
cumulative columns, quantities stated but not read, period columns of an unclear measure;
and the warnings about what is read (hidden rows and columns, numbers that read two ways).
The checks of rows against each other and the workspace are core.importing.checks_rows and
core.importing.checks."""

from __future__ import annotations

import functools
import re
from operator import itemgetter

from greenledger.core.errors import REASON_TEMPLATES, Problem, coded_reason
from greenledger.core.fields import SHEETS, FieldType
from greenledger.core.i18n import QT_TRANSLATE_NOOP
from greenledger.core.importing import mapping as mp
from greenledger.core.importing.codes import Aside, Measure
from greenledger.core.importing.column_words import qualified
from greenledger.core.importing.columns import CUMULATIVE, Mapped
from greenledger.core.importing.layout import (
    states_unit_of,
)
from greenledger.core.importing.plan import ColumnPlan, SheetPlan, numeric_fields, period_span
from greenledger.core.importing.reader import SheetData
from greenledger.core.importing.values import reads_two_ways, sheet_decimal_mark
from greenledger.core.units import UnitError, multiplier

REASON_TEMPLATES.setdefault("qualified_title", QT_TRANSLATE_NOOP("Problems", "row {title_row} says these figures are a saving, target, plan, forecast, last year's, average or other qualified figure ('{what}'), not the {field} itself; if they are the {field} itself, say what the period columns hold ({field}) and their unit"))  # noqa: E501
REASON_TEMPLATES.setdefault("qualified_quantity", QT_TRANSLATE_NOOP("Problems", "'{header}' is a saving, target, forecast, last year's, average, per-order, cancelled, returned or year-on-year figure (or a rate, reading or export), not the {field} itself, and no other column gives {field}: give the total in a column of its own (e.g. {field} ({unit})); a per-order figure times the orders is not computed"))  # noqa: E501


def _ranges(numbers: list[int], limit: int = 12) -> str:
    """`3–5, 9, 12–20` for sorted numbers (at most `limit` runs, then `…`)."""
    runs: list[list[int]] = []
    for n in numbers:
        if runs and n == runs[-1][1] + 1:
            runs[-1][1] = n
        else:
            runs.append([n, n])
    text = ", ".join(str(a) if a == b else f"{a}–{b}" for a, b in runs[:limit])
    return text + (", …" if len(runs) > limit else "")


def sheet_warnings(plan: SheetPlan, sheet: SheetData) -> list[Problem]:
    """What the import reads but the user should know: hidden rows and columns, and numbers
    that read two ways. (Rows of the table below a note that ends it, which the import would
    leave out, are refused: put on the parsed sheet's problems.)"""
    if plan.parsed is not None:
        plan.parsed.problems += _rows_after_note(plan, sheet)
    if plan.parsed is not None:
        plan.parsed.problems += _mixed_percent_scales(plan, sheet)
    return _hidden_warnings(plan, sheet) + _decimal_warnings(plan, sheet)


REASON_TEMPLATES.setdefault("percent_scale_mixed", QT_TRANSLATE_NOOP("Problems", "{value} could be a fraction ({as_fraction} %) or a percentage ({value} %): other cells of this column are written as percentages ({examples}) and its header does not say %: if it means {as_fraction} %, write {as_fraction}; if it means {value} %, add % to the column's header ({header} (%))"))  # noqa: E501


def _mixed_percent_scales(plan: SheetPlan, sheet: SheetData) -> list[Problem]:
    """A percent column that mixes scales: numbers of at most 1 (0.45: 45 % as a fraction, as
    the import reads a column of them alone) beside numbers above 1 or cells written with %
    (30, '50%': percentages). Each small number is refused by name (blind3
    recycled_mixed_scale.xlsx stored 0.45 as 0.45 % at exit 0). Under a % header every bare
    number is a percentage (0.5, 30, 45 under `再生料占比(%)`: 0.5 %, 30 %, 45 %) and is read."""
    col = next((c for c in plan.columns if c.field and c.period is None
                and (f := mp.kind_field(plan.kind, c.field)) is not None
                and f.dimension == "percent"), None)
    if col is None or plan.parsed is None:
        return []
    header = col.header if isinstance(col.header, str) else str(col.header or "")
    low = header.lower()
    if "%" in low or "％" in low or "percent" in low or "百分比" in low:
        return []
    small: list[tuple[int, float]] = []
    large: list[str] = []
    for n in sorted(set(plan.parsed.row_numbers)):
        cells = sheet.rows[n - 1] if 0 < n <= len(sheet.rows) else []
        v = _cell(cells, col)
        if isinstance(v, bool):
            continue
        if isinstance(v, int | float):
            if 0 < v <= 1:
                small.append((n, float(v)))
            elif v > 1:
                large.append(f"{v:g}")
        elif isinstance(v, str) and v.strip().rstrip("%％").strip() and \
                v.strip()[-1:] in "%％":
            large.append(v.strip())
    if not small or not large:
        return []
    examples = ", ".join(dict.fromkeys(large[:3]))
    out = []
    for n, v in small:
        params = {"value": f"{v:g}", "as_fraction": f"{v * 100:.10g}", "examples": examples,
                  "header": header}
        out.append(Problem(plan.file, coded_reason("percent_scale_mixed", **params), plan.sheet,
                           n, col.label, v, code="percent_scale_mixed", params=params))
    return out


REASON_TEMPLATES.setdefault("row_after_note", QT_TRANSLATE_NOOP("Problems", "this row looks like a row of the table (its {columns} are filled) but comes after the note in row {note_row}, which ends the table, so it would not be read: move the note below the table's last row, or delete it"))  # noqa: E501


def _cell(cells: list[object], c: ColumnPlan) -> object:
    return cells[c.index] if c.index < len(cells) else None


def _is_number(v: object, parse_number) -> bool:
    try:
        return parse_number(v) is not None
    except Exception:  # noqa: BLE001 - not a number: not a data row's measure
        return False


def _rows_after_note(plan: SheetPlan, sheet: SheetData) -> list[Problem]:
    """Rows after a footnote (the layout ends the table there) that are filled like the
    table's rows: every required field's column, and a number where the table has its
    measure. Left out, their figures would be lost with exit 0 (a note between two rows)."""
    lay = plan.layout
    after = [i for i in lay.ignored if i.code == "after_note"] if lay is not None else []
    if not after or plan.kind is None:
        return []
    from greenledger.core.importing.values import is_blank, parse_number

    note = next((i.row for i in lay.ignored if i.code == "note"), None)
    spec = SHEETS[plan.kind]
    required = [c for c in plan.columns if c.field and c.period is None
                and (f := mp.kind_field(plan.kind, c.field)) is not None and f.required]
    numeric = [c for c in plan.columns if c.field and (f := mp.kind_field(plan.kind, c.field))
               is not None and f.type in (FieldType.NUMBER, FieldType.INTEGER)]
    if not required or not numeric or spec is None:
        return []
    out = []
    for i in after:
        cells = sheet.rows[i.row - 1] if i.row - 1 < len(sheet.rows) else []
        if any(is_blank(_cell(cells, c)) for c in required):
            continue
        if not any(_is_number(_cell(cells, c), parse_number) for c in numeric):
            continue
        params = {"columns": ", ".join(c.label for c in required[:4]), "note_row": note or "?"}
        out.append(Problem(plan.file, coded_reason("row_after_note", **params), plan.sheet, i.row,
                           code="row_after_note", params=params))
    return out


def _qualified_title(kind, layout, dim) -> tuple[int, str] | None:
    """(Excel row, text) of a title line above a wide sheet that names one of the kind's quantities,
    or states a unit of the measure's dimension `dim`, as a saving, plan, target, last year's,
    average… figure (column_words.qualified: 2023年节能量（kWh）), or None."""
    numeric = numeric_fields(kind)
    for i in layout.ignored:
        if i.code == "title" and i.text and qualified(kind, i.text) and (
                (dim and states_unit_of(i.text, dim))
                or any(x.field in numeric for x in mp.match_header(i.text, kind))):
            return i.row, i.text
    return None


def _decimal_warnings(plan: SheetPlan, sheet: SheetData) -> list[Problem]:
    """Numeric columns (a wide sheet's period columns together) whose numbers written as text
    all read two ways (`1.234`: a decimal point, or a thousands point?)."""
    if plan.parsed is None or plan.layout is None:
        return []
    lay = plan.layout
    if lay.wide:  # the rows parse_wide reads (kept): not the totals, notes and rows without values
        numbers = sorted(set(plan.parsed.row_numbers))
        rows = [sheet.rows[n - 1] for n in numbers if 0 < n <= len(sheet.rows)]
    else:  # the rows parse_sheet reads: all of the table's, after the header
        numbers = list(range(lay.first_data + 1, lay.end + 1))
        rows = sheet.rows[lay.first_data:lay.end]
    groups: dict[str, list[ColumnPlan]] = {}
    for c in plan.columns:
        f = mp.kind_field(plan.kind, c.field) if c.field else None
        if f is not None and f.type in (FieldType.NUMBER, FieldType.INTEGER):
            groups.setdefault("periods" if c.period is not None else c.label, []).append(c)
    mark = functools.cache(lambda: sheet_decimal_mark(rows))  # the same rows as the parse's
    out = []
    for cols in groups.values():
        texts: list[str] = []
        row_of: dict[str, int] = {}  # a text's first row, to name the cell of the first example
        for c in cols:
            try:  # at C speed: most numeric columns hold no text at all
                values = list(map(itemgetter(c.index), rows))
            except IndexError:
                values = [r[c.index] if c.index < len(r) else None for r in rows]
            if str in set(map(type, values)):
                texts += [v for v in values if type(v) is str]
                for n, v in zip(numbers, values, strict=False):
                    if type(v) is str:
                        row_of[v] = min(row_of.get(v, n), n)
        if texts and (two := reads_two_ways(texts)):
            # read with the mark the rest of the sheet shows, if it shows one: said all the same
            code = {None: "reads_two_ways", "comma": "two_ways_sheet_comma",
                    "point": "two_ways_sheet_point"}[mark()]
            if code == "reads_two_ways" and sheet.delimiter != "," and \
                    any("." in t for t in two):
                # Nothing settles the mark of 45.210: 45.21, or 45,210 as Europe writes it, a
                # coin toss at 1000x (blind3 eu_dot_thousands.csv, a semicolon CSV, was stored
                # 1000x low at exit 0): refused. A comma-separated CSV settles it (its numbers
                # cannot use a decimal comma: Excel writes a semicolon CSV where the comma is the
                # decimal mark). `12,300` stays read as thousands, said: English and Chinese
                # exports write it so (blind2 packaging_en, the State Grid bills), and a decimal
                # comma with exactly three decimals and no other number to show it is rare.
                code = "decimal_mark_unclear"
            params = {"columns": period_span(cols), "examples": ", ".join(two[:3])}
            p = Problem(plan.file, coded_reason(code, **params), plan.sheet,
                        row_of.get(two[0], lay.header_row_numbers[-1]), params["columns"],
                        two[0], code=code, params=params)
            if code == "decimal_mark_unclear" and plan.parsed is not None:
                plan.parsed.problems.append(p)
            else:
                out.append(p)
    return out


REASON_TEMPLATES.setdefault("decimal_mark_unclear", QT_TRANSLATE_NOOP("Problems", "numbers written as text in {columns} read two ways ({examples}: a decimal mark, or a thousands separator?) and nothing else in the sheet shows which: write thousands without a separator (1.234 meaning one thousand two hundred and thirty-four as 1234) and decimals with other than three decimal places (1.234 meaning one point two three four as 1.2340), or write them as numbers"))  # noqa: E501


def _hidden_warnings(plan: SheetPlan, sheet: SheetData) -> list[Problem]:
    """Rows and columns hidden in Excel that were read: said, since hidden often means
    out of date or filtered out (Excel's own SUM still counts them)."""
    out = []
    if sheet.hidden_rows and plan.parsed is not None:
        rows = sorted({r for r in plan.parsed.row_numbers if r - 1 in sheet.hidden_rows})
        if rows:
            params = {"rows": _ranges(rows), "n": len(rows)}
            out.append(Problem(plan.file, coded_reason("hidden_rows", **params), plan.sheet,
                               rows[0], code="hidden_rows", params=params))
    cols = [c for c in plan.columns if c.field and c.index in sheet.hidden_cols]
    if cols:
        params = {"columns": ", ".join(c.label for c in cols[:12])
                  + (", …" if len(cols) > 12 else "")}
        out.append(Problem(plan.file, coded_reason("hidden_columns", **params), plan.sheet,
                           code="hidden_columns", params=params))
    return out


def refuse_if_named(plan: SheetPlan, named: bool) -> None:
    """A sheet the user named (or gave a kind or mapping for) that cannot be read is refused,
    not skipped: the reason is its skip, the hint its plan's (codes.Hint, in its params)."""
    if named:
        params = {**plan.skip_args, "skip": plan.skip}
        if plan.hint:
            params["hint"] = plan.hint
        plan.problems.append(Problem(plan.file, plan.skipped or "cannot be imported",
                                     plan.sheet, code="sheet_not_mapped", params=params))


OF_WHICH = re.compile(r"^\s*(?:其中|其内|内含|of\s+which|thereof|incl(?:uding|\.)?)\b|^\s*(?:其中|内含)",
                      re.IGNORECASE)

REASON_TEMPLATES.setdefault("part_of_total", QT_TRANSLATE_NOOP("Problems", "'{header}' is a part of the total in {total} (of which: green power, another source or site): importing the total alone would count the part as {total_field} of the total's kind; give the parts as rows of their own (with their source and instrument), or leave this column out if the total is right as it is (map '{header}' to ignore)"))  # noqa: E501


def check_part_of_total(plan: SheetPlan) -> None:
    """Refuse a column left out whose header says it is part of another column's figure
    (`其中：绿电交易电量(kWh)` beside `总用电量(kWh)`, `of which renewable (MWh)`): read alone,
    the total is stored as one source and the part (green power) silently lost. Leaving it
    out on purpose (mapped to ignore) is accepted."""
    read = [c for c in plan.columns if c.field and c.period is None
            and (f := mp.kind_field(plan.kind, c.field)) is not None and f.dimension]
    if not read:
        return
    row = plan.layout.header_row_numbers[0] if plan.layout else None
    for c in plan.columns:
        if c.field or c.aside not in (Aside.NOT_NEEDED, Aside.QUALIFIED) or not OF_WHICH.search(c.header):
            continue
        unit = mp.split_unit(c.header)[1]
        dim = mp.unit_dimension(unit) if unit else None
        total = next((t for t in read if mp.kind_field(plan.kind, t.field).dimension == dim), None)
        if total is None:
            continue
        params = {"header": c.header, "total": total.label, "total_field": total.field}
        plan.problems.append(Problem(plan.file, coded_reason("part_of_total", **params), plan.sheet,
                                     row, c.label, c.header, code="part_of_total", params=params))


def check_cumulative(plan: SheetPlan) -> None:
    """Refuse cumulative figures where period values are read: a quantity column headed 本年累计 /
    year to date, or month columns beside cumulative ones (1月, 1-2月, 1-3月 …): a sum since the
    year's start is not the period's own value, and stored as one it counts months again."""
    row = plan.layout.header_row_numbers[0] if plan.layout else None
    quantities = {f.name for f in SHEETS[plan.kind].fields if f.dimension in ("energy", "mass", "count",
                                                                              "distance")}
    periods = [c for c in plan.columns if c.period is not None and c.field]
    for c in plan.columns:
        said = CUMULATIVE.search(str(c.header))
        if not said:
            continue
        if (c.field in quantities and c.period is None) or (c.field is None and periods):
            params = {"header": c.header}
            plan.problems.append(Problem(plan.file, coded_reason("cumulative_column", **params), plan.sheet,
                                         row, c.label, c.header, code="cumulative_column", params=params))
            return


def check_unread_quantities(plan: SheetPlan) -> None:
    """Refuse a column left out as not needed whose header states a unit of a field of the kind
    that no column gives (`Carbon (tCO2e)` beside Distance, `CO2e saved (t)` beside Activity and
    Factor, `PCR content (%)`): the field would be computed from other columns or taken as none,
    silently, while the sheet gives it."""
    kind_fields = [f for f in SHEETS[plan.kind].fields if f.dimension in ("energy", "mass", "percent")]
    given = {c.field for c in plan.columns if c.field}
    open_fields = [f for f in kind_fields if f.name not in given]
    if not open_fields:
        return
    row = plan.layout.header_row_numbers[0] if plan.layout else None
    for c in plan.columns:
        if c.field or c.aside not in (Aside.NOT_NEEDED, Aside.QUALIFIED) or c.period is not None:
            continue
        _name, unit = mp.split_unit(c.header)
        if not unit:
            continue
        for f in open_fields:
            try:
                multiplier(f.dimension, unit)
            except (UnitError, KeyError, ValueError):
                continue
            params = {"header": c.header, "unit": unit, "field": f.name}
            code = "qualified_quantity" if c.aside == Aside.QUALIFIED else "unread_quantity"
            plan.problems.append(Problem(plan.file, coded_reason(code, **params), plan.sheet,
                                         row, c.label, c.header, code=code, params=params))
            break


def check_measure(plan: SheetPlan, m: Mapped) -> None:
    """Refuse a wide sheet whose period columns may not hold what they would be imported as:
    under several headers, holding money, or with nothing saying what they hold."""
    layout = plan.layout
    row = layout.header_row_numbers[0]
    periods = [c for c in plan.columns if c.period is not None and c.field]
    all_periods = [c for c in plan.columns if c.period is not None]
    where = period_span(periods or all_periods) if all_periods else None
    for code, params in m.refusals:
        plan.problems.append(Problem(plan.file, coded_reason(code, **params), plan.sheet, row, where,
                                     all_periods[0].header if all_periods else None,
                                     code=code, params=params))
    if not periods:
        return
    seen: dict[tuple, ColumnPlan] = {}
    for c in periods:
        key = (c.period.start, c.period.end)
        if key in seen:
            params = {"period": c.period.label, "other": seen[key].label}
            plan.problems.append(Problem(plan.file, coded_reason("duplicate_period", **params),
                                         plan.sheet, row, c.label, c.header,
                                         code="duplicate_period", params=params))
            c.field, c.aside, c.aside_args = None, Aside.SECOND_PERIOD, (c.period.label,)
        else:
            seen[key] = c
    yearless = [c for c in periods if c.field and c.period.grain == "month" and not c.period.year_given]
    for prev, c in zip(yearless, yearless[1:], strict=False):
        if c.period.start.month <= prev.period.start.month:  # Apr … Dec, Jan … Mar; 12月, 1月 … 11月
            params = {"first": yearless[0].header, "last": yearless[-1].header, "month": c.header,
                      "after": prev.header}
            plan.problems.append(Problem(plan.file, coded_reason("months_wrap_year", **params),
                                         plan.sheet, row, period_span(yearless), c.header,
                                         code="months_wrap_year", params=params))
            break
    measure = periods[0].field
    dim = SHEETS[plan.kind].field(measure).dimension
    said = _qualified_title(plan.kind, layout, dim) if m.measure_how in (
        Measure.TITLE, Measure.UNIT, Measure.GUESS) else None
    if said is not None:  # 2023年节能量（kWh）over the months: a saving stored as use, unless told
        params = {"what": said[1], "title_row": said[0], "field": measure}
        plan.problems.append(Problem(plan.file, coded_reason("qualified_title", **params), plan.sheet,
                                     row, where, periods[0].header, code="qualified_title",
                                     params=params))
        return
    money = [h for h in layout.money_hints  # a title that states a unit of the measure is not
             if not (dim and states_unit_of(h[2], dim))]  # about money: 元旦用电量（万千瓦时）
    if m.measure_how in (Measure.TITLE, Measure.UNIT, Measure.GUESS) and money:
        _, at, text = money[0]
        params = {"what": text, "where": at, "field": measure}
        plan.problems.append(Problem(plan.file, coded_reason("money_title", **params), plan.sheet,
                                     row, where, periods[0].header, code="money_title",
                                     params=params))
    elif m.measure_how == Measure.GUESS:
        params = {"field": measure}
        plan.problems.append(Problem(plan.file, coded_reason("measure_unstated", **params),
                                     plan.sheet, row, where, periods[0].header,
                                     code="measure_unstated", params=params))
