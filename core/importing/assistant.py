"""The import assistant's engine: any analyst's workbook, not just the template.

One engine for the command line and the window:

    plans = analyse(path, ImportOptions(...))       # no workspace, nothing written
    plan.layout        # header rows, data rows, ignored rows (with why), wide or long
    plan.columns       # each column: field, unit, multiplier, confidence, how it was found
    plan.preview(20), plan.totals(), plan.problems, len(plan)
    result = import_file(ws, path, plans=plans)     # all or nothing, as the template import

A dialog reads the sheets once (`read(path)`), calls `analyse_sheet(sheet, file, options)`
whenever the user changes the mapping, and imports the plans it shows, so the command line and
the window give identical results. Template sheets take the template's own fast path.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass, field, replace
from operator import itemgetter
from pathlib import Path

from greenledger.core.errors import ImportRefused, Problem, coded_reason
from greenledger.core.fields import SHEETS, FieldType, Kind, norm
from greenledger.core.i18n import translate
from greenledger.core.importing import (
    campaign_dates,
    cellunits,
    dates,
    meters,
    pivot,
    tables,
    transposed,
)
from greenledger.core.importing import mapping as mp
from greenledger.core.importing.formulas import FormulaProbe, no_saved_value
from greenledger.core.importing.importer import (
    ImportResult,
    Progress,
    _gc_paused,
    check_and_write,
    check_kinds,
    check_parsed,
    distinct_problems,
)
from greenledger.core.importing.layout import (
    HeaderCell,
    IgnoredRow,
    Layout,
    Period,
    detect_layout,
    money_in_text,
    parse_period,
    row_kind,
    states_unit_of,
    unit_in_text,
)
from greenledger.core.importing.reader import ReadError, SheetData, column_letter, read_sheets
from greenledger.core.importing.reconcile import apply_to_plan as reconcile_totals
from greenledger.core.importing.sheets import (
    Column,
    ParsedSheet,
    SheetLayout,
    parse_column,
    parse_sheet,
    recognise,
)
from greenledger.core.importing.values import CellError, is_blank, parse_year, parser_for, reads_two_ways
from greenledger.core.storage import Workspace
from greenledger.core.units import DIMENSIONS, UnitError, multiplier, split_header

TOTAL_NOTES = {("quarter", "month"): "a quarter over the month columns (their total)",
               ("year", "month"): "a year over the month columns (their total)",
               ("year", "quarter"): "a year over the quarter columns (their total)"}

PARSE_ANYWAY = {"measure_unstated", "money_title", "unit_unstated", "unknown_unit", "unit_conflict",
                "duplicate_period", "date_order_unclear", "date_order_mixed", "months_wrap_year",
                "unread_quantity", "cumulative_column",
                *cellunits.CELL_CODES}
"""Sheet problems that still let the cells be read, so their own problems are listed too."""

TIE_MARGIN = 0.1
"""Two quantity columns matched only in part (本月用电量 0.71, 总用电量 0.76: the score follows
the header's length) are as likely as each other within this margin: asked, not guessed."""

UNIT_REQUIRED = ("energy", "mass", "distance")
"""Dimensions whose unit must be stated (a 10,000× slip between kWh and 万千瓦时 is silent)."""

EMPTY_MARKS = {"-", "--", "—", "–", "/", "n/a", "na", "无", "空", "—/—"}
"""Cells of a wide sheet's period columns that mean "no value" (skipped like blanks)."""


@dataclass(slots=True)
class ImportOptions:
    """What the user told the assistant (command line flags, a profile, the dialog).

    `mapping`: header text (or column letter) -> field name, or "ignore"; `units`: field ->
    unit; `period_year`: the year of month headers that have none (`1月`, `Jan`); `values`:
    field -> one value for every row (e.g. source=grid); `header_rows`: Excel row numbers of
    the header; `measure`: the field a wide sheet's period columns hold."""

    sheet: str | None = None
    kind: Kind | None = None
    mapping: dict[str, str] = field(default_factory=dict)
    units: dict[str, str] = field(default_factory=dict)
    period_year: int | None = None
    values: dict[str, str] = field(default_factory=dict)
    header_rows: list[int] | None = None
    measure: str | None = None
    skip_hidden: bool = False  # leave out rows and columns hidden in Excel

    @property
    def explicit(self) -> bool:
        return bool(self.kind or self.mapping or self.units or self.period_year
                    or self.values or self.header_rows or self.measure)


@dataclass(slots=True)
class ColumnPlan:
    """One column of the sheet and what the assistant makes of it."""

    index: int
    header: str
    field: str | None  # a field name, mapping.PERIOD, or None (ignored)
    confidence: float = 0.0
    how: str = ""
    unit: str | None = None
    unit_from: str | None = None
    multiplier: float = 1.0
    period: Period | None = None
    note: str = ""
    group: str = ""  # the header a period column sits under (`用电量`), if any
    note_args: tuple = ()  # values of `note`'s {0}, {1} (the note is a fixed, translated text)

    @property
    def note_text(self) -> str:
        return self.note.format(*self.note_args) if self.note_args else self.note

    @property
    def letter(self) -> str:
        return column_letter(self.index)

    @property
    def label(self) -> str:
        return f"{self.header} [{self.letter}]"


@dataclass(slots=True)
class SheetPlan:
    file: str
    sheet: str
    hidden: bool = False
    kind: Kind | None = None
    kind_confidence: float = 0.0
    layout: Layout | None = None
    columns: list[ColumnPlan] = field(default_factory=list)
    parsed: ParsedSheet | None = None
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    skipped: str | None = None  # why the sheet is not imported
    template: bool = False  # the template's own headers (fast path)
    options: ImportOptions | None = None
    checks: list[Problem] = field(default_factory=list)  # found by preflight (the workspace)
    check_warnings: list[Problem] = field(default_factory=list)
    reconciliations: list = field(default_factory=list)  # reconcile.Reconciliation, each total

    @property
    def all_problems(self) -> list[Problem]:
        """The sheet's problems and those the checks against the workspace found (preflight):
        none means Import succeeds."""
        return self.problems + self.checks

    @property
    def all_warnings(self) -> list[Problem]:
        return self.warnings + self.check_warnings

    def __len__(self) -> int:
        return len(self.parsed) if self.parsed is not None else 0

    @property
    def importable(self) -> bool:
        return self.parsed is not None

    @property
    def wide(self) -> bool:
        return self.layout is not None and self.layout.wide

    @property
    def headers(self) -> list[str]:
        """The sheet's header texts (what a profile is matched on)."""
        return [c.header for c in self.columns]

    @property
    def mapped(self) -> list[ColumnPlan]:
        return [c for c in self.columns if c.field]

    @property
    def ignored_columns(self) -> list[ColumnPlan]:
        return [c for c in self.columns if not c.field]

    def totals(self) -> dict[str, float]:
        """Sum of each numeric field over the rows to import, in stored units."""
        if self.parsed is None:
            return {}
        out = {}
        for f in SHEETS[self.parsed.kind].fields:
            if f.type in (FieldType.NUMBER, FieldType.INTEGER):
                vals = [v for v in self.parsed.columns[f.name] if v is not None]
                if vals:
                    out[f.name] = float(sum(vals))
        return out

    def preview(self, n: int = 20) -> list[dict]:
        """The first `n` rows as they will be stored (field values in stored units, with the
        Excel `row` they come from)."""
        if self.parsed is None:
            return []
        cols = self.parsed.columns
        return [{"row": self.parsed.row_numbers[i], **{k: v[i] for k, v in cols.items()}}
                for i in range(min(n, len(self.parsed)))]


# --- reading ---------------------------------------------------------------------------------


def read(path: str | Path, sheet: str | None = None) -> list[SheetData]:
    """Every sheet (or only `sheet`) of a workbook; a file that cannot be read is refused."""
    path = Path(path)
    try:
        return list(read_sheets(path, sheet))
    except ReadError as exc:
        raise ImportRefused([Problem(path.name, str(exc).split(": ", 1)[-1],
                                     code="unreadable")]) from exc


def analyse(path: str | Path, options: ImportOptions | None = None, *,
            sheets: list[SheetData] | None = None,
            progress: Progress | None = None) -> list[SheetPlan]:
    """Plans for every sheet of `path` (or `options.sheet`): layout, mapping, parsed rows and
    problems. Reads the file unless `sheets` is given; writes nothing."""
    path = Path(path)
    options = options or ImportOptions()
    data = sheets if sheets is not None else read(path, options.sheet)
    if options.sheet is not None and sheets is not None:
        data = [s for s in data if s.name == options.sheet] or \
            [s for s in data if s.name.lower() == options.sheet.lower()]
    probe = FormulaProbe(path)
    named = options.sheet is not None
    with _gc_paused():
        return [analyse_sheet(s, path.name, options, formula_at=probe.checker(s.name),
                              named=named, progress=progress) for s in data]


def analyse_sheet(sheet: SheetData, file: str, options: ImportOptions | None = None, *,
                  formula_at: Callable[[int, int], bool] | None = None, named: bool = False,
                  progress: Progress | None = None) -> SheetPlan:
    """The plan of one sheet. `named`: the user picked this sheet (a hidden sheet is then
    read, and a sheet that cannot be mapped is a problem rather than skipped). What is
    imported is reconciled with the sheet's own totals (core.importing.reconcile)."""
    if not (options and options.header_rows) and (regions := tables.find(sheet.rows)):
        return tables.analyse(sheet, file, options or ImportOptions(), regions, analyse_sheet,
                              named=named, progress=progress)  # several tables in one sheet
    if (t := transposed.detect(sheet)) is not None and (
            not (options and options.header_rows) or options.header_rows == [t.header_row]):
        inner = replace(options or ImportOptions(), header_rows=[t.header_row])
        plan = _analyse_sheet(t.sheet, file, inner, named=named, progress=progress)
        reconcile_totals(plan, t.sheet)  # periods down the rows: read as their transpose
        return transposed.remap(plan, t)
    plan = _analyse_sheet(sheet, file, options, formula_at=formula_at, named=named,
                          progress=progress)
    reconcile_totals(plan, sheet)  # the cells as the file has them
    return plan


def _analyse_sheet(sheet: SheetData, file: str, options: ImportOptions | None = None, *,
                   formula_at: Callable[[int, int], bool] | None = None, named: bool = False,
                   progress: Progress | None = None) -> SheetPlan:
    options = options or ImportOptions()
    plan = SheetPlan(file, sheet.name, sheet.hidden, options=options)
    if sheet.hidden and not named:
        plan.skipped = "hidden sheet (name it with --sheet to import it)"
        return plan
    if not options.explicit or _only_values(options):
        template = recognise(sheet, file)
        if template is not None and _template_enough(template, sheet) and not (
                options.explicit and _values_apply(template.kind, options)):
            return _template_plan(plan, sheet, template, formula_at, progress,
                                  options.skip_hidden)
    extra = frozenset(norm(k) for k in options.mapping)
    header_rows = [r - 1 for r in options.header_rows] if options.header_rows else None
    layout = detect_layout(sheet.rows, year=options.period_year, header_rows=header_rows,
                           extra_headers=extra, merged=sheet.merged)
    if layout is None:
        plan.skipped = ("no header row found (no known column headers in the first 30 rows); "
                        "give its row number with --header-row N and map the columns with --map")
        _refuse_if_named(plan, named or bool(options.kind))
        return plan
    plan.layout = layout
    if unit := unit_in_text(sheet.name):  # a sheet named 用电（MWh）
        layout.unit_hints.append((unit, "the sheet name"))
    if money := money_in_text(sheet.name):
        layout.money_hints.append((money, "the sheet name", sheet.name))
    layout.hidden_cols = sheet.hidden_cols
    if options.skip_hidden:
        sheet = _without_hidden_rows(sheet, layout)
    sheet = fill_merged_data(sheet, layout)
    kinds = [Kind(options.kind)] if options.kind else list(SHEETS)
    best: tuple[Kind, _Mapped] | None = None
    unknown: list[str] = []  # a field the user named that a kind does not have
    for kind in kinds:
        try:
            mapped_as = _map(kind, layout, options, sheet.name)
        except KeyError as exc:  # not this kind: its fields do not include the user's
            unknown.append(str(exc.args[0]))
            continue
        if best is None or mapped_as.score > best[1].score:
            best = (kind, mapped_as)
    if best is None:
        plan.problems.append(Problem(file, unknown[0], sheet.name, code="bad_mapping"))
        return plan
    kind, m = best
    cols, missing, constants = m.columns, m.missing, m.constants
    plan.kind, plan.columns = kind, cols
    mapped = [c for c in cols if c.field]
    plan.kind_confidence = round(sum(c.confidence for c in mapped) / len(mapped), 2) \
        if mapped and not missing else 0.0
    if missing:
        plan.skipped = (f"not a table GreenLedger knows; as {kind.value} it lacks "
                        f"{', '.join(missing)}")
        yearless = [c.text for c in layout.cells if c.period is None
                    and parse_period(mp.split_unit(c.lower or c.text)[0], 2000) is not None]
        if yearless and "period_start" in missing:
            plan.skipped += (f" (its month headers {yearless[0]} … give no year: say it with "
                             "--period YEAR)")
        _refuse_if_named(plan, named or bool(options.kind or options.mapping))
        return plan
    _measure_problems(plan, m)
    _unread_quantities(plan)
    _cumulative(plan)
    if m.refusals:
        return plan
    _units(plan, layout, options, constants)
    sheet = pivot.apply_to_plan(plan, sheet, layout)
    sheet = cellunits.apply_to_plan(plan, sheet, layout.first_data, layout.end, lazy=True)
    if any(p.code not in PARSE_ANYWAY for p in plan.problems):
        return plan
    for _ in range(2):  # again where cells carry units or day/month dates (most sheets: once)
        if layout.wide:
            plan.parsed = _parse_wide(plan, sheet, layout, constants, formula_at)
        else:
            plan.parsed = _parse_long(plan, sheet, layout, constants, formula_at, progress)
        again = _read_pending_again(plan, sheet, layout, plan.parsed)
        if again is None:
            break
        sheet = again
        layout.ignored = dates.distinct_rows(layout.ignored)
    plan.parsed.warnings += _sheet_warnings(plan, sheet)
    cellunits.drop_repeated(plan)
    meters.sum_meters(plan, sheet)
    plan.problems += plan.parsed.problems
    plan.warnings += plan.parsed.warnings
    layout.campaign_dates = campaign_dates.collect(plan, sheet)
    return plan


def _without_hidden_rows(sheet: SheetData, layout: Layout) -> SheetData:
    """`sheet` with the data block's hidden rows blanked (listed as ignored rows)."""
    hidden = sorted(r for r in sheet.hidden_rows if layout.first_data <= r < layout.end)
    if not hidden:
        return sheet
    rows = list(sheet.rows)
    for r in hidden:
        layout.ignored.append(IgnoredRow(r + 1, "hidden", _first_text(rows[r])))
        rows[r] = [""] * len(rows[r])
    layout.ignored.sort(key=lambda i: i.row)
    return replace(sheet, rows=rows, hidden_rows=frozenset())


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


def _sheet_warnings(plan: SheetPlan, sheet: SheetData) -> list[Problem]:
    """What the import reads but the user should know: hidden rows and columns, and numbers
    that read two ways."""
    return _hidden_warnings(plan, sheet) + _decimal_warnings(plan, sheet)


def _numeric(kind: Kind) -> set[str]:
    """The kind's number fields: what a wide sheet's period columns can hold."""
    return {f.name for f in SHEETS[kind].fields if f.type == FieldType.NUMBER}


def _decimal_warnings(plan: SheetPlan, sheet: SheetData) -> list[Problem]:
    """Numeric columns (a wide sheet's period columns together) whose numbers written as text
    all read two ways (`1.234`: a decimal point, or a thousands point?)."""
    if plan.parsed is None or plan.layout is None:
        return []
    lay = plan.layout
    rows = sheet.rows[lay.first_data:lay.end]
    groups: dict[str, list[ColumnPlan]] = {}
    for c in plan.columns:
        f = mp.kind_field(plan.kind, c.field) if c.field else None
        if f is not None and f.type in (FieldType.NUMBER, FieldType.INTEGER):
            groups.setdefault("periods" if c.period is not None else c.label, []).append(c)
    out = []
    for cols in groups.values():
        texts: list[str] = []
        for c in cols:
            try:  # at C speed: most numeric columns hold no text at all
                values = list(map(itemgetter(c.index), rows))
            except IndexError:
                values = [r[c.index] if c.index < len(r) else None for r in rows]
            if str in set(map(type, values)):
                texts += [v for v in values if type(v) is str]
        if texts and (two := reads_two_ways(texts)):
            params = {"columns": _period_span(cols), "examples": ", ".join(two[:3])}
            out.append(Problem(plan.file, coded_reason("reads_two_ways", **params), plan.sheet,
                               lay.header_row_numbers[-1], params["columns"], two[0],
                               code="reads_two_ways", params=params))
    return out


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


def _only_values(options: ImportOptions) -> bool:
    """Whether the user gave only --value (e.g. source=grid for a bill export)."""
    return bool(options.values) and not replace(options, values={}).explicit


def _values_apply(kind: Kind, options: ImportOptions) -> bool:
    """Whether a --value names a field of `kind` (a Sites sheet beside a bill export given
    `--value source=grid` is still read as the template's)."""
    names = {f.name for f in SHEETS[kind].fields}
    for k in options.values:
        try:
            if mp.resolve_field(kind, k) in names:
                return True
        except KeyError:
            continue
    return False


def _template_enough(template: SheetLayout, sheet: SheetData) -> bool:
    """Whether the template's fast path reads the sheet fully: every energy, mass or distance
    column states its unit in brackets (else the units rules decide), and no other header
    names a field (`月份` beside the template's own headers, which the fast path would drop)."""
    if not all(split_header(c.header)[1] for c in template.columns
               if c.field.dimension in UNIT_REQUIRED):
        return False
    taken = {c.index for c in template.columns}
    names = {c.field.name for c in template.columns}
    for i, v in enumerate(sheet.rows[template.header_row]):
        if i in taken or not isinstance(v, str) or not v.strip():
            continue
        ms = mp.match_header(v, template.kind)  # `Campaign name`, `Logistics emissions (kg)`
        if ms and ms[0].confidence >= mp.MIN_CONFIDENCE and ms[0].field not in names:
            return False
    return True


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


def _refuse_if_named(plan: SheetPlan, named: bool) -> None:
    if named:
        plan.problems.append(Problem(plan.file, plan.skipped or "cannot be imported",
                                     plan.sheet, code="sheet_not_mapped"))


# --- the template's fast path ----------------------------------------------------------------


def _template_plan(plan: SheetPlan, sheet: SheetData, template: SheetLayout,
                   formula_at, progress, skip_hidden: bool = False) -> SheetPlan:
    layout = detect_layout(sheet.rows, header_rows=[template.header_row], merged=sheet.merged)
    assert layout is not None
    layout.units_row = {}
    layout.first_data = template.header_row + 1
    layout.ignored = [i for i in layout.ignored if i.code != "units"]
    plan.layout, plan.kind, plan.template = layout, template.kind, True
    if skip_hidden:
        sheet = _without_hidden_rows(sheet, layout)
    plan.kind_confidence = 1.0
    by_index = {c.index: c for c in template.columns}
    for cell in layout.cells:
        c = by_index.get(cell.index)
        if c is None:
            plan.columns.append(ColumnPlan(cell.index, cell.text, None, note="not needed"))
            continue
        unit = mp.split_unit(c.header)[1] if c.field.dimension else None
        how = ("template header" if norm(mp.split_unit(c.header)[0]) == norm(c.field.header)
               else "synonym")
        plan.columns.append(ColumnPlan(c.index, c.header, c.field.name, 1.0, how,
                                       unit, "header" if unit else None, c.multiplier))
    _unread_quantities(plan)
    _cumulative(plan)
    sheet = pivot.apply_to_plan(plan, sheet, layout)
    sheet = cellunits.apply_to_plan(plan, sheet, layout.first_data, layout.end, lazy=True)
    for _ in range(2):  # again where cells carry units or day/month dates (most sheets: once)
        view = sheet if layout.end >= len(sheet.rows) else \
            SheetData(sheet.name, sheet.rows[:layout.end], sheet.hidden)
        parsed = parse_sheet(view, plan.file, template, formula_at=formula_at,
                             progress=_row_progress(progress, len(sheet.rows)))
        again = _read_pending_again(plan, sheet, layout, parsed)
        if again is None:
            break
        sheet = again
    plan.parsed = _drop_non_data_rows(parsed, sheet.rows, plan.layout)
    plan.parsed.warnings += _sheet_warnings(plan, sheet)
    cellunits.drop_repeated(plan)
    meters.sum_meters(plan, sheet)
    plan.problems += plan.parsed.problems
    layout.campaign_dates = campaign_dates.collect(plan, sheet)
    plan.warnings += plan.parsed.warnings
    return plan


def _read_pending_again(plan: SheetPlan, sheet: SheetData, layout: Layout,
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


def _row_progress(progress: Progress | None, total: int):
    if progress is None:
        return None
    return lambda r: progress(r, total)


# --- mapping ---------------------------------------------------------------------------------


def _explicit_for(cell: HeaderCell, options: ImportOptions) -> str | None:
    """The user's field for a column, matched by header text (either header row) or letter."""
    keys = {norm(cell.text), norm(cell.upper), norm(cell.lower), norm(mp.split_unit(cell.text)[0])}
    keys.discard("")
    for header, fld in options.mapping.items():
        if norm(header) in keys or header.strip() == column_letter(cell.index):
            return fld
    return None


@dataclass(slots=True)
class _Mapped:
    columns: list[ColumnPlan]
    missing: list[str]
    constants: dict[str, str]
    score: float
    measure_how: str = ""  # how the period columns' field was found (see _measure)
    refusals: list[tuple[str, dict]] = field(default_factory=list)  # (code, params)


def _group_key(cell: HeaderCell) -> str:
    """The header a wide sheet's period column sits under (`用电量`, `电费（元）`), or "" when
    it sits under none or under a period (`2023年` over `1月` … `12月`)."""
    if not cell.upper or cell.upper == cell.text or parse_period(mp.split_unit(cell.upper)[0]):
        return ""
    return cell.upper


def _group_field(kind: Kind, upper: str, options: ImportOptions,
                 numeric: set[str]) -> str | None:
    """The numeric field a group header names (`用电量` energy, `(万千瓦时)` energy), "money"
    for costs (`电费（元）`), or None."""
    for header, fld in options.mapping.items():
        if norm(header) in (norm(upper), norm(mp.split_unit(upper)[0])):
            name = mp.resolve_field(kind, fld)
            return name if name in numeric or name == mp.IGNORE else None
    if money_in_text(upper):
        return "money"
    for m in mp.match_header(upper, kind):
        if m.field in numeric and m.confidence >= 0.5:  # 用电量, 实际用电 (partial)
            return m.field
    unit = mp.split_unit(upper)[1] or (upper.strip("()（）[]【】 ") if mp.is_unit(
        upper.strip("()（）[]【】 ")) else None)
    dim = mp.unit_dimension(unit) if unit else None
    return next((f.name for f in SHEETS[kind].fields if f.name in numeric and dim
                 and f.dimension == dim), None)


def _contains_finer(cell: HeaderCell, finer: list[HeaderCell]) -> bool:
    """Whether a quarter or year column covers some of the month (or quarter) columns beside
    it, so is their total; a quarter of another year is data of its own."""
    return any(cell.period.start <= f.period.start and f.period.end <= cell.period.end
               for f in finer)


def _map(kind: Kind, layout: Layout, options: ImportOptions, sheet_name: str) -> _Mapped:
    """Columns of `layout` mapped as `kind`, the required fields it lacks, constant values
    and a score (see _Mapped)."""
    cells = layout.cells
    periods = [c for c in cells if c.period is not None] if layout.wide else []
    period_idx = {c.index for c in periods}
    measure: str | None = None
    measure_conf = 0.0
    measure_how = ""
    refusals: list[tuple[str, dict]] = []
    aside: dict[int, tuple[str, tuple]] = {}  # period columns not imported: (why, its values)
    if periods:
        numeric = _numeric(kind)
        for c in periods:  # a period column the user set aside (by its header or group)
            chosen = _explicit_for(c, options)
            if chosen is not None and mp.resolve_field(kind, chosen) == mp.IGNORE:
                aside[c.index] = ("ignored as asked", ())
            elif options.skip_hidden and c.index in layout.hidden_cols:
                aside[c.index] = ("hidden in Excel", ())
        periods = [c for c in periods if c.index not in aside]
        groups: dict[str, list[HeaderCell]] = {}
        for c in periods:
            groups.setdefault(_group_key(c), []).append(c)
        if len(groups) > 1 or "" not in groups:
            fields = {g: _group_field(kind, g, options, numeric) for g in groups if g}
            live = [g for g in groups if fields.get(g) != mp.IGNORE]
            named = [g for g in live if g and fields.get(g) not in (None, "money")]
            only = live[0] if len(live) == 1 else None
            if options.measure:
                want = mp.resolve_field(kind, options.measure)
                use = [g for g in named if fields[g] == want] or \
                    ([""] if "" in groups else [only] if only is not None else [])
            elif named:
                use = named  # more than one: which is meant is the user's to say
            elif "" in groups:
                use = [""]
            else:
                use = [only] if only is not None and fields.get(only) != "money" else []
            if len(use) == 1:
                for g, cs in groups.items():
                    if g != use[0]:
                        if fields.get(g) == mp.IGNORE:
                            why = ("ignored as asked", ())
                        elif fields.get(g) == "money":
                            why = ("money, not a quantity", ())
                        elif not use[0]:
                            why = ("under '{0}'", (g,))
                        elif g:
                            why = ("under '{0}'; the imported columns are under '{1}'", (g, use[0]))
                        else:
                            why = ("under no header; the imported columns are under '{0}'",
                                   (use[0],))
                        for c in cs:
                            aside[c.index] = why
                periods = groups[use[0]]
            elif not live:
                for c in periods:
                    aside[c.index] = ("ignored as asked", ())
                periods = []
            else:
                names = ", ".join(repr(g) for g in live if g)
                money = [g for g in live if fields.get(g) == "money"]
                if len(money) == len(live):
                    refusals.append(("money_not_measure", {"what": names}))
                else:
                    refusals.append(("several_measures", {"what": names}))
                for c in periods:
                    aside[c.index] = ("period column of an unclear measure", ())
                periods = []
        finest = _finest_grain(periods)
        finer = [c for c in periods if c.period.grain == finest]
        for c in periods:
            if c.period.grain != finest and _contains_finer(c, finer):
                aside[c.index] = (TOTAL_NOTES[c.period.grain, finest], ())
        periods = [c for c in periods if c.index not in aside]
        if periods:
            measure, measure_conf, measure_how = _measure(kind, periods, layout, options)
    fixed: dict[int, mp.Match] = {}
    candidates: dict[int, list[mp.Match]] = {}
    notes: dict[int, str] = {}
    use_idx = {c.index for c in periods}
    for cell in cells:
        if cell.index in period_idx:
            continue
        if options.skip_hidden and cell.index in layout.hidden_cols:
            notes[cell.index] = "hidden in Excel"
            continue
        chosen = _explicit_for(cell, options)
        if chosen is not None:
            name = mp.resolve_field(kind, chosen)
            if name == mp.IGNORE:
                notes[cell.index] = "ignored as asked"
                continue
            fixed[cell.index] = mp.Match(name, 1.0, "explicit", cell.unit)
            continue
        ms = mp.match_header(cell.text, kind)
        if not ms and cell.upper and cell.lower:
            ms = [replace(m, confidence=round(m.confidence * 0.9, 2))
                  for m in mp.match_header(cell.lower, kind) + mp.match_header(cell.upper, kind)]
        if cell.index in layout.hidden_cols:  # a visible column of the same field wins
            ms = [replace(m, confidence=round(m.confidence * 0.9, 2)) for m in ms]
        if money_in_text(cell.text):  # 电费（元）, Energy cost: not a quantity
            ms = [m for m in ms if m.field not in _numeric(kind)]
        if _CUMULATIVE.search(cell.text):  # 本年累计 beside 本月: this month's is the value
            ms = [replace(m, confidence=round(m.confidence - 0.15, 2)) if m.field in _numeric(kind) else m
                  for m in ms]
        if periods and measure:
            ms = [m for m in ms if m.field != measure]  # the period columns hold it
        if periods:
            ms = [m for m in ms if m.field not in ("period_start", "period_end", mp.PERIOD)]
        candidates[cell.index] = ms
    taken = {measure} if measure else set()
    chosen_cols = mp.assign(candidates, fixed, taken)
    labels = {c.index: f"{c.text} [{column_letter(c.index)}]" for c in cells}
    for col, m in chosen_cols.items():  # 上月用电量 beside 本月用电量: which is meant?
        f = mp.kind_field(kind, m.field)
        if col in fixed or f is None or f.type not in (FieldType.NUMBER, FieldType.INTEGER):
            continue  # a tie of text columns (Site, Location) keeps the leftmost, as before
        near = TIE_MARGIN if m.confidence < 0.9 else 0.0  # partial matches: scores by length
        rivals = [i for i, ms in candidates.items() if i != col and i not in chosen_cols
                  and any(x.field == m.field and x.confidence >= m.confidence - near for x in ms)]
        if rivals:
            refusals.append(("ambiguous_columns", {
                "field": m.field, "columns": ", ".join(labels[i] for i in [col, *rivals])}))
    constants = {k: v for k, v in options.values.items()}
    for k in list(constants):
        name = mp.resolve_field(kind, k)
        if name != k:
            constants[name] = constants.pop(k)
    fields = {m.field for m in chosen_cols.values()} | set(constants)
    if periods and measure:
        fields |= {"period_start", "period_end", measure}
    if kind == Kind.PACKAGING and "unit" not in fields:
        q = next((m for m in chosen_cols.values() if m.field == "quantity"), None)
        unit = options.units.get("quantity") or (q.unit if q else None)
        if unit and mp.unit_dimension(unit) == "mass":
            constants["unit"] = unit
            fields.add("unit")
    if refusals:  # the period columns' problem is said; do not call the table unknown
        fields |= {"period_start", "period_end"} | _numeric(kind)
    missing = mp.missing_required(kind, fields)
    if period_idx and not measure and not refusals:
        missing.append("a field for the period columns")
    cols: list[ColumnPlan] = []
    for cell in cells:
        if cell.index in period_idx:
            if cell.index not in use_idx:
                note, args = aside.get(cell.index, ("not needed", ()))
                cols.append(ColumnPlan(cell.index, cell.text, None, period=cell.period,
                                       note=note, note_args=args, group=_group_key(cell)))
                continue
            how = ("period header" if cell.period.year_given
                   else "period header + year from the title" if layout.year_from
                   else "period header + --period year")
            cols.append(ColumnPlan(cell.index, cell.text, measure, round(
                min(measure_conf, 1.0 if cell.period.year_given else 0.9), 2), how,
                cell.unit, period=cell.period, group=_group_key(cell)))
            continue
        m = chosen_cols.get(cell.index)
        if m is None:
            cols.append(ColumnPlan(cell.index, cell.text, None,
                                   note=notes.get(cell.index, "not needed")))
        else:
            cols.append(ColumnPlan(cell.index, cell.text, m.field, m.confidence, m.how, m.unit))
    score = sum(c.confidence for c in cols if c.field and c.period is None)
    if periods and measure:
        score += 1.0 + measure_conf
    if missing:
        score -= 100
    if norm(sheet_name) in {norm(n) for n in SHEETS[kind].sheet_names}:
        score += 0.75
    return _Mapped(cols, missing, constants, score, measure_how, refusals)


def _finest_grain(periods: list[HeaderCell]) -> str | None:
    grains = {c.period.grain for c in periods}
    for g in ("month", "quarter", "year"):
        if g in grains:
            return g
    return None


def _measure(kind: Kind, periods: list[HeaderCell], layout: Layout,
             options: ImportOptions) -> tuple[str | None, float, str]:
    """The field a wide sheet's period columns hold, how sure, and how it was found:
    "option" (--measure), "map" (a period header mapped), "header" (the header above them),
    "title" (a title or 单位 line naming the measure), "unit" (a unit stated for them or the
    table) or "guess" (nothing says; the kind's usual measure)."""
    numeric = _numeric(kind)
    if options.measure:
        name = mp.resolve_field(kind, options.measure)
        return (name, 1.0, "option") if name in numeric else (None, 0.0, "")
    for cell in periods:  # an explicit --map of a period header
        chosen = _explicit_for(cell, options)
        if chosen:
            name = mp.resolve_field(kind, chosen)
            if name in numeric:
                return name, 1.0, "map"
    given = [mp.resolve_field(kind, k) for k in options.units]
    if len(stated := [n for n in given if n in numeric]) == 1:  # --unit energy=MWh
        return stated[0], 1.0, "option"
    titles = [i.text for i in layout.ignored if i.code == "title" and i.text]
    for texts, how in (([c.upper for c in periods if c.upper], "header"),
                       ([t for t, _ in layout.unit_hints] + titles, "title")):
        for text in texts:
            for m in mp.match_header(text, kind):
                if m.field in numeric:
                    return m.field, m.confidence, how
    for u in [c.unit for c in periods if c.unit] + [
            layout.units_row[c.index] for c in periods if c.index in layout.units_row] + [
            t for t, _ in layout.unit_hints]:
        dim = mp.unit_dimension(u)
        for f in SHEETS[kind].fields:
            if f.name in numeric and f.dimension == dim:
                return f.name, 0.9, "unit"
    if kind in mp.MEASURES:
        return mp.MEASURES[kind], 0.7, "guess"
    return None, 0.0, ""


def _period_span(cols: list[ColumnPlan]) -> str:
    """`C–N 2023年1月 … 2023年12月`: the period columns named for a message."""
    if len(cols) == 1:
        return cols[0].label
    return f"{cols[0].header} … {cols[-1].header} [{cols[0].letter}–{cols[-1].letter}]"


_CUMULATIVE = re.compile(r"累计|累積|累加|cumulative|\bytd\b|year[\s-]*to[\s-]*date"
                         r"|\d{1,2}\s*[-–~至到]\s*\d{1,2}\s*月", re.IGNORECASE)


def _cumulative(plan: SheetPlan) -> None:
    """Refuse cumulative figures where period values are read: a quantity column headed 本年累计 /
    year to date, or month columns beside cumulative ones (1月, 1-2月, 1-3月 …): a sum since the
    year's start is not the period's own value, and stored as one it counts months again."""
    row = plan.layout.header_row_numbers[0] if plan.layout else None
    quantities = {f.name for f in SHEETS[plan.kind].fields if f.dimension in ("energy", "mass", "count",
                                                                              "distance")}
    periods = [c for c in plan.columns if c.period is not None and c.field]
    for c in plan.columns:
        said = _CUMULATIVE.search(str(c.header))
        if not said:
            continue
        if (c.field in quantities and c.period is None) or (c.field is None and periods):
            params = {"header": c.header}
            plan.problems.append(Problem(plan.file, coded_reason("cumulative_column", **params), plan.sheet,
                                         row, c.label, c.header, code="cumulative_column", params=params))
            return


def _unread_quantities(plan: SheetPlan) -> None:
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
        if c.field or c.note != "not needed" or c.period is not None:
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
            plan.problems.append(Problem(plan.file, coded_reason("unread_quantity", **params), plan.sheet,
                                         row, c.label, c.header, code="unread_quantity", params=params))
            break


def _measure_problems(plan: SheetPlan, m: _Mapped) -> None:
    """Refuse a wide sheet whose period columns may not hold what they would be imported as:
    under several headers, holding money, or with nothing saying what they hold."""
    layout = plan.layout
    row = layout.header_row_numbers[0]
    periods = [c for c in plan.columns if c.period is not None and c.field]
    all_periods = [c for c in plan.columns if c.period is not None]
    where = _period_span(periods or all_periods) if all_periods else None
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
            c.field, c.note, c.note_args = None, "a second column for {0}", (c.period.label,)
        else:
            seen[key] = c
    yearless = [c for c in periods if c.field and c.period.grain == "month" and not c.period.year_given]
    for prev, c in zip(yearless, yearless[1:], strict=False):
        if c.period.start.month <= prev.period.start.month:  # Apr … Dec, Jan … Mar; 12月, 1月 … 11月
            params = {"first": yearless[0].header, "last": yearless[-1].header, "month": c.header,
                      "after": prev.header}
            plan.problems.append(Problem(plan.file, coded_reason("months_wrap_year", **params),
                                         plan.sheet, row, _period_span(yearless), c.header,
                                         code="months_wrap_year", params=params))
            break
    measure = periods[0].field
    dim = SHEETS[plan.kind].field(measure).dimension
    money = [h for h in layout.money_hints  # a title that states a unit of the measure is not
             if not (dim and states_unit_of(h[2], dim))]  # about money: 元旦用电量（万千瓦时）
    if m.measure_how in ("title", "unit", "guess") and money:
        _, at, text = money[0]
        params = {"what": text, "where": at, "field": measure}
        plan.problems.append(Problem(plan.file, coded_reason("money_title", **params), plan.sheet,
                                     row, where, periods[0].header, code="money_title",
                                     params=params))
    elif m.measure_how == "guess":
        params = {"field": measure}
        plan.problems.append(Problem(plan.file, coded_reason("measure_unstated", **params),
                                     plan.sheet, row, where, periods[0].header,
                                     code="measure_unstated", params=params))


def _stated_unit(c: ColumnPlan, dimension: str, layout: Layout) -> tuple[str | None, str | None]:
    """The unit the sheet states for a column, and where: its header, a header that is the
    unit (`kWh`, `万千瓦时`), a units row, or a title, 单位 line or the sheet's name."""
    if c.unit:
        return c.unit, "header"
    if mp.unit_dimension(bare := c.header.strip("()（）[]【】 ")) == dimension:
        return bare, "header"
    if unit := _unit_in_name(mp.split_unit(c.header)[0], dimension):
        return unit, "header"  # Vehicle km, 行驶公里数, 车公里
    if c.index in layout.units_row:
        return layout.units_row[c.index], "units row"
    for hint, where in layout.unit_hints:
        if mp.unit_dimension(hint) == dimension:
            return hint, where
    return None, None


def _unit_in_name(name: str, dimension: str) -> str | None:
    """A unit of `dimension` a header's words end with (`Vehicle km`, `Usage-kWh`), or, in a
    Chinese header, the longest one it contains (`行驶公里数`: 公里)."""
    words = [w for w in re.split(r"[\s\-_/]+", name) if w]
    if len(words) > 1 and mp.unit_dimension(words[-1]) == dimension:
        return words[-1]
    if mp.is_cjk(name):
        units = [u for u in DIMENSIONS.get(dimension, {}) if len(u) >= 2 and mp.is_cjk(u)
                 and u in name]
        if units:
            return max(units, key=len)
    return None


def _differ(dimension: str, a: str, b: str) -> bool:
    try:
        return multiplier(dimension, a) != multiplier(dimension, b)
    except UnitError:
        return False  # an unknown unit is said by itself


def _units(plan: SheetPlan, layout: Layout, options: ImportOptions,
           constants: dict[str, str]) -> None:
    """Each numeric column's unit and multiplier: --unit, else its header, else a row of
    units, else a unit stated above or beside the header (title, `单位：…`)."""
    kind = plan.kind
    header_row = layout.header_row_numbers[-1]
    unstated: list[ColumnPlan] = []
    for c in plan.columns:
        f = mp.kind_field(kind, c.field) if c.field else None
        if f is None or not f.dimension:
            continue
        unit, source = _stated_unit(c, f.dimension, layout)
        if c.field in options.units:
            given = options.units[c.field]
            if unit and _differ(f.dimension, unit, given):
                params = {"given": given, "stated": unit, "where": source}
                plan.problems.append(Problem(
                    plan.file, coded_reason("unit_conflict", **params), plan.sheet, header_row,
                    c.label, c.header, code="unit_conflict", params=params))
            unit, source = given, "option"
        c.unit, c.unit_from = unit, source
        if unit is None and f.dimension in UNIT_REQUIRED:
            unstated.append(c)
        if unit:
            try:
                c.multiplier = multiplier(f.dimension, unit)
            except UnitError as exc:
                plan.problems.append(Problem(plan.file, str(exc), plan.sheet, header_row,
                                             c.label, unit, code=exc.code,
                                             params={"unit": unit, **exc.params}))
    periods = [c for c in unstated if c.period is not None]
    if any(p.code in ("measure_unstated", "money_title") for p in plan.problems):
        periods = []  # already said: nothing says what (or in which unit) they hold
    for cols in [[c] for c in unstated if c.period is None] + ([periods] if periods else []):
        f = mp.kind_field(kind, cols[0].field)
        params = {"field": f.name, "unit": f.stored_unit or ""}
        plan.problems.append(Problem(plan.file, coded_reason("unit_unstated", **params),
                                     plan.sheet, header_row, _period_span(cols), cols[0].header,
                                     code="unit_unstated", params=params))
    for name, value in constants.items():
        f = mp.kind_field(kind, name)
        if f is None:
            continue
        try:
            parser_for(f)(value)
        except CellError as exc:
            plan.problems.append(Problem(plan.file, f"given value for {name}: {exc.reason}",
                                         plan.sheet, value=value, code=exc.code, params=exc.params))


# --- parsing ---------------------------------------------------------------------------------


def _sheet_columns(plan: SheetPlan) -> list[Column]:
    out = []
    for c in plan.columns:
        if c.field and c.field != mp.PERIOD and c.period is None:
            out.append(Column(c.index, SHEETS[plan.kind].field(c.field), c.header, c.multiplier))
    return out


def _parse_long(plan: SheetPlan, sheet: SheetData, layout: Layout, constants: dict[str, str],
                formula_at, progress) -> ParsedSheet:
    kind = plan.kind
    columns = _sheet_columns(plan)
    sl = SheetLayout(kind, layout.first_data - 1, columns)
    rows = sheet.rows[:layout.end]
    view = SheetData(sheet.name, rows, sheet.hidden)
    parsed = parse_sheet(view, plan.file, sl, formula_at=formula_at,
                         progress=_row_progress(progress, len(sheet.rows)))
    period_col = next((c for c in plan.columns if c.field == mp.PERIOD), None)
    if period_col is not None:
        year_col = next((c for c in plan.columns if not c.field and c.period is None
                         and norm(mp.split_unit(c.header)[0]) in mp.YEAR_KEYS), None)
        _fill_period(parsed, rows, period_col, (plan.options.period_year if plan.options
                                                 else None) or layout.year, kind, year_col)
    _fill_constants(parsed, constants)
    return _drop_non_data_rows(parsed, sheet.rows, layout)


def _fill_period(parsed: ParsedSheet, rows: list[list[object]], col: ColumnPlan,
                 year: int | None, kind: Kind, year_col: ColumnPlan | None = None) -> None:
    """Period start and end from a column of months/quarters/years (a month without a year,
    `1月` or 3, takes the row's Year/年份 column, else `year`)."""
    starts, ends = parsed.columns["period_start"], parsed.columns["period_end"]
    required = SHEETS[kind].field("period_start").required
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
                "a quarter such as 2023Q1, or a year; --period gives the year of `1月`)",
                parsed.sheet, row, col.label, raw, code="not_period"))
            continue
        starts[i], ends[i] = p.start, p.end
    parsed.layout.columns.append(Column(col.index, SHEETS[kind].field("period_start"),
                                        col.header))


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


def _drop_non_data_rows(parsed: ParsedSheet, rows: list[list[object]],
                        layout: Layout) -> ParsedSheet:
    """Rows refused only because they are totals, subtotals or notes (`Zhangbei 小计`, a
    footnote in the middle) are ignored, not refused; totals rows parse_sheet skipped are
    listed too."""
    for w in parsed.warnings:
        if w.code == "totals_row_skipped" and w.row:
            layout.ignored.append(IgnoredRow(w.row, "total", _first_text(rows[w.row - 1])))
    if not parsed.problems:
        return parsed
    bad_rows = {p.row for p in parsed.problems if p.row}
    drop = set()
    for r in bad_rows:
        if r - 1 < len(rows) and (k := row_kind(rows[r - 1])) in ("total", "note"):
            drop.add(r)
            layout.ignored.append(IgnoredRow(r, k, _first_text(rows[r - 1])))
    if not drop:
        return parsed
    layout.ignored.sort(key=lambda i: i.row)
    keep = [i for i, r in enumerate(parsed.row_numbers) if r not in drop]
    columns = {k: [v[i] for i in keep] for k, v in parsed.columns.items()}
    return ParsedSheet(parsed.file, parsed.sheet, parsed.layout, columns,
                       [parsed.row_numbers[i] for i in keep],
                       [p for p in parsed.problems if p.row not in drop], parsed.warnings)


def _first_text(cells: list[object]) -> str:
    for c in cells:
        if not is_blank(c):
            return str(c).strip()
    return ""


def _parse_wide(plan: SheetPlan, sheet: SheetData, layout: Layout, constants: dict[str, str],
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
    for r in range(layout.first_data, layout.end):
        row = sheet.rows[r]
        if len(row) < width:
            row = sheet.rows[r] = list(row) + [""] * (width - len(row))
        k = row_kind(row)
        if k == "blank":
            continue
        if k in ("total", "note"):
            layout.ignored.append(IgnoredRow(r + 1, k, _first_text(row)))
            continue
        if all(_blank_value(row[c.index]) for c in period_cols):
            filled = [v for i, v in enumerate(row) if not is_blank(v)]
            if not any(not is_blank(row[i]) for i in ids) or len(filled) <= 1:
                layout.ignored.append(IgnoredRow(r + 1, "no values", _first_text(row)))
            continue  # nothing to import on this row
        kept.append(r)
    layout.ignored.sort(key=lambda i: i.row)
    id_values: dict[str, list[object]] = {}
    for c in id_cols:
        raw = [sheet.rows[r][c.index] for r in kept]
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
             if type(v := sheet.rows[r][pc.index]) is str]  # one decimal mark for them all
    for pc in period_cols:
        col = Column(pc.index, mfield, pc.header, pc.multiplier)
        raw = [sheet.rows[r][pc.index] for r in kept]
        raw = ["" if _blank_value(v) else v for v in raw]
        values, errors = parse_column(col, raw, texts)
        for i, value, exc in errors:
            problems.append(Problem(file, exc.reason, sheet.name, kept[i] + 1, col.label, value,
                                    code=exc.code, params=exc.params))
        bad = {i for i, _, _ in errors}
        for i, r in enumerate(kept):
            if values[i] is None and i not in bad:
                continue  # an empty period cell
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


# --- preflight -------------------------------------------------------------------------------


def preflight(ws: Workspace, path: str | Path, plans: list[SheetPlan]) -> None:
    """Run every check Import runs, against `ws` and read-only, and put what they find on the
    plans (`plan.checks`, `plan.check_warnings`, replacing earlier ones): references to sites
    and campaigns, overlaps with stored rows, plausible values, totals left out. No problem
    here and none in `plan.problems` means `import_plans` succeeds (issue 12 §3)."""
    for plan in plans:
        plan.checks, plan.check_warnings = [], []
    with_rows = [p for p in plans if p.parsed is not None]
    if not with_rows:
        return
    parsed = [p.parsed for p in with_rows]
    by_sheet = {p.sheet: p for p in with_rows}
    try:
        check_kinds(Path(path).name, parsed)
    except ImportRefused as exc:
        with_rows[0].checks += exc.problems
        return
    _, problems, warnings = check_parsed(ws, parsed)
    problems = list(problems) + campaign_dates.problems(ws, plans)  # as import_plans checks
    own = {id(x) for ps in parsed for x in (*ps.problems, *ps.warnings)}
    for found, attr in ((problems, "checks"), (warnings, "check_warnings")):
        for p in found:
            if id(p) not in own:
                getattr(by_sheet.get(p.sheet, with_rows[0]), attr).append(p)


# --- importing -------------------------------------------------------------------------------


def import_file(ws: Workspace, path: str | Path, options: ImportOptions | None = None, *,
                plans: list[SheetPlan] | None = None, dry_run: bool = False,
                progress: Progress | None = None,
                cancelled: Callable[[], bool] = lambda: False) -> ImportResult:
    """Import `path` as analysed (or as `plans`, e.g. edited in a dialog): every importable
    sheet, all or nothing. Raises ImportRefused listing every problem (nothing written)."""
    path = Path(path)
    with _gc_paused():
        if plans is None:
            plans = analyse(path, options, progress=progress)
        return import_plans(ws, path, plans, dry_run=dry_run, progress=progress,
                            cancelled=cancelled)


def import_plans(ws: Workspace, path: Path, plans: list[SheetPlan], *, dry_run: bool = False,
                 progress: Progress | None = None,
                 cancelled: Callable[[], bool] = lambda: False) -> ImportResult:
    file = path.name
    problems = [p for plan in plans for p in plan.problems] + campaign_dates.problems(ws, plans)
    parsed = [plan.parsed for plan in plans if plan.parsed is not None]
    skipped = [plan.sheet for plan in plans if plan.parsed is None]
    if not parsed and not problems:
        reasons = "; ".join(f"{p.sheet}: {p.skipped}" for p in plans if p.skipped)
        raise ImportRefused([Problem(
            file, "no sheet has a table GreenLedger recognises"
            + (f" ({reasons})" if reasons else "")
            + "; map the columns with --kind and --map, or write a template with "
              "`greenledger template`", code="no_template_sheet")])
    if problems:
        problems = distinct_problems(problems)
        parsed_problems = {id(p) for ps in parsed for p in ps.problems}
        extra = [p for p in problems if id(p) not in parsed_problems]
    else:
        extra = []
    with _gc_paused():
        return check_and_write(ws, path, parsed, skipped, dry_run=dry_run, progress=progress,
                               cancelled=cancelled, problems=extra)


# --- text for the command line ---------------------------------------------------------------


def _fmt(x: float) -> str:
    return f"{x:,.0f}" if abs(x) >= 100 else f"{x:,.4g}"


def _layout_text(lay: Layout) -> str:
    """Layout.describe() in the current language (the window's words: context ImportAssistant)."""
    rows = lay.header_row_numbers
    head = (translate("ImportAssistant", "header row {0}").format(rows[0]) if len(rows) == 1 else
            translate("ImportAssistant", "header rows {0}–{1} (joined)").format(rows[0], rows[-1]))
    first, last = lay.data_rows
    shape = translate("ImportAssistant", "wide: periods as columns") if lay.wide else \
        translate("ImportAssistant", "long: one row per record")
    return translate("ImportAssistant", "{0}; data rows {1}–{2}; {3}").format(head, first, last, shape)


def _how(how: str, args: tuple = ()) -> str:
    text = translate("ImportAssistant", how) if how else ""
    return text.format(*args) if args else text


def describe(plan: SheetPlan) -> str:
    """What a dry run prints for a sheet, in the current language (core.i18n): layout, mapping,
    rows, totals, reconciliations, warnings and problems."""
    lines = []
    head = f"{plan.file} › {plan.sheet}"
    if plan.hidden:
        head = translate("DryRun", "{0} (hidden)").format(head)
    if plan.skipped and plan.parsed is None:
        return translate("DryRun", "{0}: not imported: {1}").format(head, plan.skipped)
    kind = plan.kind.value if plan.kind else "?"
    how = translate("DryRun", "template") if plan.template else \
        translate("DryRun", "confidence {0}").format(f"{plan.kind_confidence:.2f}")
    lines.append(f"{head}: {kind} ({how})")
    lay = plan.layout
    if lay is not None:
        lines.append("  " + translate("DryRun", "layout: {0}").format(_layout_text(lay)))
        for ig in lay.ignored:
            shown = f" ({ig.text[:40]!r})" if ig.text else ""
            ignored = translate("DryRun", "ignored row {0}: {1}").format(ig.row, ig.reason_text)
            lines.append(f"  {ignored}{shown}")
        for unit, where in lay.unit_hints:
            lines.append("  " + translate("DryRun", "unit stated in {0}: {1}").format(where, unit))
        if lay.year_from:
            year = translate("DryRun", "year of the month headers from {0}: {1}")
            lines.append("  " + year.format(lay.year_from, lay.year))
    lines.append("  " + translate("DryRun", "columns:"))
    periods = [c for c in plan.columns if c.period is not None and c.field]
    for c in plan.columns:
        if c in periods[1:]:
            continue
        if c in periods[:1] and len(periods) > 1:
            last = periods[-1]
            grains = {p.period.grain for p in periods}
            grain = c.period.grain if len(grains) == 1 else "period"
            what = translate("DryRun",
                             "{0}–{1} {2} … {3} → {4} ({5} {6} columns, period from the header").format(
                c.letter, last.letter, c.header, last.header, c.field, len(periods), grain)
        elif c.field:
            what = f"{c.letter} {c.header} → {c.field} ({_how(c.how)}"
        else:
            note = _how(c.note, c.note_args) if c.note else _how("not needed")
            lines.append(f"    {c.letter} {c.header} → " + translate("DryRun", "ignored ({0})").format(note))
            continue
        if c.unit:
            what += ", " + (translate("DryRun", "unit {0} from {1}").format(c.unit, c.unit_from)
                            if c.unit_from
                            else translate("DryRun", "unit {0}").format(c.unit))
            if c.multiplier != 1.0:
                what += f" ×{c.multiplier:g}"
        conf = translate("DryRun", "confidence {0}").format(f"{c.confidence:.2f}")
        lines.append(f"    {what}, {conf})")
    if plan.options and plan.options.values:
        for k, v in plan.options.values.items():
            lines.append("    " + translate("DryRun", "(every row) {0} = {1}").format(k, v))
    if plan.parsed is not None:
        lines.append("  " + translate("DryRun", "rows: {0}").format(f"{len(plan):,}"))
        units = {f.name: f.stored_unit or "" for f in SHEETS[plan.parsed.kind].fields}
        for name, total in plan.totals().items():
            amount = f"{_fmt(total)} {units.get(name, '')}".rstrip()
            lines.append("  " + translate("DryRun", "total {0}: {1}").format(name, amount))
    for r in plan.reconciliations:
        lines.append("  " + translate("DryRun", "total: {0}").format(r.text()))
    for w in plan.all_warnings:
        lines.append("  " + translate("DryRun", "warning: {0}").format(w.render()))
    for p in plan.checks:  # the sheet's own problems are printed by the refusal
        lines.append("  " + translate("DryRun", "problem: {0}").format(p.render()))
    n = len(plan.all_problems)
    lines.append("  " + (translate("DryRun", "problems: {0}").format(n) if n
                         else translate("DryRun", "problems: none")))
    return "\n".join(lines)


_ASSIGN = re.compile(r"^\s*(?P<k>[^=]+?)\s*=\s*(?P<v>.*?)\s*$")


def parse_pairs(items: list[str] | None, what: str) -> dict[str, str]:
    """`["Plant=site", "Usage=energy"]` -> {"Plant": "site", ...}; ValueError on a bad item."""
    out: dict[str, str] = {}
    for item in items or []:
        m = _ASSIGN.match(item)
        if not m:
            raise ValueError(f"{what} '{item}' is not of the form NAME=VALUE")
        out[m["k"]] = m["v"]
    return out


__all__ = ["ImportOptions", "ColumnPlan", "SheetPlan", "read", "analyse", "analyse_sheet",
           "preflight", "import_file", "import_plans", "describe", "parse_pairs"]
