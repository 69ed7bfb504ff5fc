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

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from greenledger.core.errors import ImportRefused, Problem
from greenledger.core.fields import SHEETS, Kind, norm
from greenledger.core.importing import (
    campaign_dates,
    cellunits,
    dates,
    intervals,
    meters,
    pivot,
    pivot_compact,
    tables,
    transposed,
)
from greenledger.core.importing import mapping as mp
from greenledger.core.importing.checks import check_kinds, check_parsed, distinct_problems
from greenledger.core.importing.checks_sheet import (
    check_cumulative,
    check_measure,
    check_part_of_total,
    check_unread_quantities,
    refuse_if_named,
    sheet_warnings,
)
from greenledger.core.importing.codes import (
    HINT_TEXT,
    SKIP_TEXT,
    Aside,
    Found,
    Hint,
    Skip,
    UnitFrom,
    english,
)
from greenledger.core.importing.column_units import plan_units
from greenledger.core.importing.columns import Mapped, map_columns
from greenledger.core.importing.formulas import FormulaProbe
from greenledger.core.importing.layout import (
    detect_layout,
    money_in_text,
    parse_period,
    recognise_template,
    unit_in_text,
)
from greenledger.core.importing.parse import (
    drop_non_data_rows,
    fill_merged_data,
    parse_long,
    parse_wide,
    read_pending_again,
    row_progress,
    without_hidden_rows,
)
from greenledger.core.importing.plan import ColumnPlan, ImportOptions, SheetPlan
from greenledger.core.importing.reader import ReadError, SheetData, read_sheets
from greenledger.core.importing.reconcile import apply_to_plan as reconcile_totals
from greenledger.core.importing.result import ImportResult
from greenledger.core.importing.sheets import SheetLayout, parse_sheet
from greenledger.core.importing.transaction import _gc_paused, check_and_write
from greenledger.core.importing.writer import Progress
from greenledger.core.storage import Workspace

PARSE_ANYWAY = {"measure_unstated", "money_title", "qualified_title", "unit_unstated", "unknown_unit",
                "unit_conflict",
                "duplicate_period", "date_order_unclear", "date_order_mixed", "months_wrap_year",
                "unread_quantity", "cumulative_column", "units_disagree",
                *cellunits.CELL_CODES}
"""Sheet problems that still let the cells be read, so their own problems are listed too."""


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
        plan.transposed = t
        return transposed.remap(plan, t)
    if not (options and options.header_rows) and (
            iv := intervals.detect(sheet, options.kind if options else None,
                                   options.measure if options else None)) is not None:
        inner = replace(options or ImportOptions(), header_rows=[iv.header_row])
        plan = _analyse_sheet(iv.sheet, file, inner, named=named, progress=progress)
        return intervals.remap(plan, iv)  # a day a row, its hours across: read as the long table
    if (plan := pivot_compact.analyse(sheet, file, options, _analyse_sheet, reconcile_totals,
                                      named=named, progress=progress)) is not None:
        return plan  # Excel's compact pivot (Row Labels): read as its tabular form
    plan = _analyse_sheet(sheet, file, options, formula_at=formula_at, named=named,
                          progress=progress)
    reconcile_totals(plan, sheet)  # the cells as the file has them
    return plan


def _analyse_sheet(sheet: SheetData, file: str, options: ImportOptions | None = None, *,
                   formula_at: Callable[[int, int], bool] | None = None, named: bool = False,
                   progress: Progress | None = None) -> SheetPlan:
    """One sequence for every layout: table, columns, checks, units, parse. A sheet of the
    template (layout.recognise_template) is a layout known with full confidence: its columns
    are the template's and its parse is the template's fast column read."""
    options = options or ImportOptions()
    plan = SheetPlan(file, sheet.name, sheet.hidden, options=options)
    if sheet.hidden and not named:
        plan.skip, plan.hint = Skip.HIDDEN, Hint.NAME_SHEET
        return plan
    found = None
    if not options.explicit or _only_values(options):
        found = recognise_template(sheet, file)
        if found is not None and options.explicit and _values_apply(found[0].kind, options):
            found = None  # a --value for this kind: read by the stages, which take it
    template, m, constants = None, None, {}
    if found is not None:
        template, layout = found
        plan.layout = layout
    else:
        extra = frozenset(norm(k) for k in options.mapping)
        header_rows = [r - 1 for r in options.header_rows] if options.header_rows else None
        layout = detect_layout(sheet.rows, year=options.period_year, header_rows=header_rows,
                               extra_headers=extra, merged=sheet.merged)
        if layout is None:
            plan.skip, plan.hint = Skip.NO_HEADER, Hint.HEADER_ROW
            refuse_if_named(plan, named or bool(options.kind))
            return plan
        plan.layout = layout
        if unit := unit_in_text(sheet.name):  # a sheet named 用电（MWh）
            layout.unit_hints.append((unit, UnitFrom.SHEET_NAME, ""))
        if money := money_in_text(sheet.name):
            layout.money_hints.append((money, "the sheet name", sheet.name))
        layout.hidden_cols = sheet.hidden_cols
    if options.skip_hidden:
        sheet = without_hidden_rows(sheet, layout)
    if template is not None:
        _template_columns(plan, template)
    else:
        sheet = fill_merged_data(sheet, layout)
        m = _map(plan, layout, options, sheet.name, named)
        if m is None:
            return plan
        constants = m.constants
        check_measure(plan, m)
    check_unread_quantities(plan)
    check_cumulative(plan)
    check_part_of_total(plan)
    if m is not None:
        if m.refusals:
            return plan
        plan_units(plan, layout, options, constants)
    sheet = pivot.apply_to_plan(plan, sheet, layout)
    sheet = cellunits.apply_to_plan(plan, sheet, layout.first_data, layout.end, lazy=True)
    if m is not None and any(p.code not in PARSE_ANYWAY for p in plan.problems):
        return plan
    for _ in range(2):  # again where cells carry units or day/month dates (most sheets: once)
        plan.parsed = _parse(plan, sheet, layout, template, constants, formula_at, progress)
        again = read_pending_again(plan, sheet, layout, plan.parsed)
        if again is None:
            break
        sheet = again
        if template is None:
            layout.ignored = dates.distinct_rows(layout.ignored)
    if template is not None:
        plan.parsed = drop_non_data_rows(plan.parsed, sheet.rows, layout)
        _said_totals(plan.parsed, layout)
    plan.parsed.warnings += sheet_warnings(plan, sheet)
    cellunits.drop_repeated(plan)
    meters.sum_meters(plan, sheet)
    plan.problems += plan.parsed.problems
    plan.warnings += plan.parsed.warnings
    layout.campaign_dates = campaign_dates.collect(plan, sheet)
    return plan


def _parse(plan: SheetPlan, sheet: SheetData, layout, template: SheetLayout | None,
           constants: dict[str, str], formula_at, progress):
    """The parse step of the sheet's layout: the template's fast column read, a long table's
    rows or a wide table's period columns."""
    if template is not None:
        view = sheet if layout.end >= len(sheet.rows) else \
            SheetData(sheet.name, sheet.rows[:layout.end], sheet.hidden)
        return parse_sheet(view, plan.file, template, formula_at=formula_at,
                           progress=row_progress(progress, len(sheet.rows)))
    if layout.wide:
        return parse_wide(plan, sheet, layout, constants, formula_at)
    return parse_long(plan, sheet, layout, constants, formula_at, progress)


def _said_totals(parsed, layout) -> None:
    """A template sheet says each totals row it leaves out (the table ends above a last one)."""
    said = {w.row for w in parsed.warnings if w.code == "totals_row_skipped"}
    for ig in layout.ignored:
        if ig.code == "total" and ig.row > layout.first_data and ig.row not in said:
            parsed.warnings.append(Problem(parsed.file, "a totals row, not imported",
                                           parsed.sheet, ig.row, code="totals_row_skipped"))


def _map(plan: SheetPlan, layout, options: ImportOptions, sheet_name: str,
         named: bool) -> Mapped | None:
    """The columns of the kind that maps them best (on `plan`), or None when the sheet is
    not a table of any kind (the plan says why)."""
    kinds = [Kind(options.kind)] if options.kind else list(SHEETS)
    best: tuple[Kind, Mapped] | None = None
    unknown: list[str] = []  # a field the user named that a kind does not have
    for kind in kinds:
        mapped_as = map_columns(kind, layout, options, sheet_name)
        if mapped_as.unknown:  # not this kind: its fields do not include the user's
            unknown.append(mapped_as.unknown)
            continue
        if best is None or _rank(mapped_as) > _rank(best[1]):
            best = (kind, mapped_as)
    if best is None:
        plan.problems.append(Problem(plan.file, unknown[0], sheet_name, code="bad_mapping"))
        return None
    kind, m = best
    cols, missing = m.columns, m.missing
    plan.kind, plan.columns = kind, cols
    mapped = [c for c in cols if c.field]
    plan.kind_confidence = round(sum(c.confidence for c in mapped) / len(mapped), 2) \
        if mapped and not missing else 0.0
    if missing:
        plan.skip, plan.skip_args = Skip.NOT_A_TABLE, {"kind": kind.value,
                                                       "missing": ", ".join(missing)}
        yearless = [c.text for c in layout.cells if c.period is None
                    and parse_period(mp.split_unit(c.lower or c.text)[0], 2000) is not None]
        lacking = [h for h, f in m.qualified if f in missing]
        if lacking:  # Energy saved (kWh) alone, 上年同期用电量 over the months: named, not read
            plan.skip, plan.hint = Skip.NOT_A_TABLE_QUALIFIED, None
            plan.skip_args["header"] = lacking[0]
        if yearless and "period_start" in missing and not lacking:
            plan.skip, plan.hint = Skip.NOT_A_TABLE_NO_YEAR, Hint.PERIOD_YEAR
            plan.skip_args["month"] = yearless[0]
        refuse_if_named(plan, named or bool(options.kind or options.mapping))
        return None
    return m


def _template_columns(plan: SheetPlan, template: SheetLayout) -> None:
    """The template's columns, with full confidence (the others are not needed)."""
    plan.kind, plan.template, plan.kind_confidence = template.kind, True, 1.0
    by_index = {c.index: c for c in template.columns}
    for cell in plan.layout.cells:
        c = by_index.get(cell.index)
        if c is None:
            plan.columns.append(ColumnPlan(cell.index, cell.text, None, aside=Aside.NOT_NEEDED))
            continue
        unit = mp.split_unit(c.header)[1] if c.field.dimension else None
        how = (Found.TEMPLATE if norm(mp.split_unit(c.header)[0]) == norm(c.field.header)
               else Found.SYNONYM)
        plan.columns.append(ColumnPlan(c.index, c.header, c.field.name, 1.0, how, unit,
                                       UnitFrom.HEADER if unit else None, c.multiplier))


def _rank(m: Mapped) -> float:
    """A kind's score, where the fields it lacks are only those that columns qualified away
    (`Weight per order (g)` on a Packaging sheet) counted as if present: the sheet is then
    said to be that kind's, naming the column, rather than read as another kind."""
    covered = {q for _, q in m.qualified}
    if "quantity" in covered:
        covered.add("unit")  # packaging's unit comes from its quantity column's
    if m.qualified and all(f in covered for f in m.missing):
        return m.score + 100
    return m.score


def _only_values(options: ImportOptions) -> bool:
    """Whether the user gave only --value (e.g. source=grid for a bill export)."""
    return bool(options.values) and not replace(options, values={}).explicit


def _values_apply(kind: Kind, options: ImportOptions) -> bool:
    """Whether a --value names a field of `kind` (a Sites sheet beside a bill export given
    `--value source=grid` is still read as the template's)."""
    names = {f.name for f in SHEETS[kind].fields}
    return any(mp.field_name(kind, k) in names for k in options.values)


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


def import_file(ws: Workspace, path: str | Path, options: ImportOptions | None = None, *,
                sheet: str | None = None, plans: list[SheetPlan] | None = None,
                dry_run: bool = False, progress: Progress | None = None,
                cancelled: Callable[[], bool] = lambda: False) -> ImportResult:
    """Import `path` as analysed (or as `plans`, e.g. edited in a dialog): every importable
    sheet (or only `sheet`), all or nothing. Raises ImportRefused listing every problem
    (nothing written), ImportCancelled when `cancelled()` turns true before the commit."""
    path = Path(path)
    if sheet is not None:
        options = replace(options or ImportOptions(), sheet=sheet)
    with _gc_paused():
        if plans is None:
            plans = analyse(path, options, progress=progress)
        return import_plans(ws, path, plans, dry_run=dry_run, progress=progress,
                            cancelled=cancelled)


def import_plans(ws: Workspace, path: Path, plans: list[SheetPlan], *, dry_run: bool = False,
                 progress: Progress | None = None,
                 cancelled: Callable[[], bool] = lambda: False,
                 remember: Callable[[ImportResult], None] | None = None,
                 started: str | None = None, sha256: str | None = None) -> ImportResult:
    file = path.name
    problems = [p for plan in plans for p in plan.problems] + campaign_dates.problems(ws, plans)
    parsed = [plan.parsed for plan in plans if plan.parsed is not None]
    skipped = [plan.sheet for plan in plans if plan.parsed is None]
    if not parsed and not problems:
        reasons = "; ".join(f"{p.sheet}: {english(SKIP_TEXT, p.skip, p.skip_args)}"
                            for p in plans if p.skip)
        raise ImportRefused([Problem(
            file, "no sheet has a table GreenLedger recognises"
            + (f" ({reasons})" if reasons else "") + " or the template's headers; "
            + english(HINT_TEXT, Hint.MAP_COLUMNS),
            code="no_template_sheet", params={"hint": Hint.MAP_COLUMNS})])
    if problems:
        problems = distinct_problems(problems)
        parsed_problems = {id(p) for ps in parsed for p in ps.problems}
        extra = [p for p in problems if id(p) not in parsed_problems]
    else:
        extra = []
    with _gc_paused():
        return check_and_write(ws, path, parsed, skipped, dry_run=dry_run, progress=progress,
                               cancelled=cancelled, problems=extra, remember=remember,
                               started=started, sha256=sha256)
