"""Importing a workbook of the template into a workspace: read, recognise, parse, check the
rows against each other and the workspace, then write everything in one transaction or nothing.

Re-importing is idempotent by a natural key per table (core.fields SheetSpec.natural_key):
a row whose key is already stored with the same values is left alone ("unchanged"); with other
values it is updated in place ("updated"); a new key is inserted.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from greenledger.core.bounds import ORDER_UNITS, Level, check_value, field_for_factor
from greenledger.core.errors import ImportCancelled, ImportRefused, Problem
from greenledger.core.factors import Factor, FactorBook, canonical_region, stored_unit_for
from greenledger.core.fields import SHEETS, Kind, norm
from greenledger.core.i18n import QT_TRANSLATE_NOOP
from greenledger.core.importing.formulas import FormulaProbe
from greenledger.core.importing.reader import ReadError, SheetData, read_sheets
from greenledger.core.importing.sheets import ParsedRow, ParsedSheet, parse_sheet, recognise
from greenledger.core.importing.writer import (  # noqa: F401 - editing.py uses _stored, _existing, _key_positions
    MASS_TO_KG,
    KindCounts,
    Progress,
    _count,
    _existing,
    _key_positions,
    _stored,
    _write,
    sha256_of,
)
from greenledger.core.storage import Workspace
from greenledger.core.units import UnitError, factor_multiplier

KIND_ORDER = list(Kind)  # factors, sites, campaigns, then rows that reference them


@dataclass(slots=True)
class ImportResult:
    file: str
    batch_id: int | None
    sheets: list[tuple[str, Kind, int]]
    counts: dict[Kind, KindCounts]
    warnings: list[Problem] = field(default_factory=list)
    skipped_sheets: list[str] = field(default_factory=list)
    dry_run: bool = False

    @property
    def inserted(self) -> int:
        return sum(c.inserted for c in self.counts.values())

    @property
    def updated(self) -> int:
        return sum(c.updated for c in self.counts.values())

    @property
    def unchanged(self) -> int:
        return sum(c.unchanged for c in self.counts.values())


def import_file(ws: Workspace, path: str | Path, *, sheet: str | None = None,
                dry_run: bool = False, progress: Progress | None = None,
                cancelled: Callable[[], bool] = lambda: False) -> ImportResult:
    """Import every template sheet of `path` (or only `sheet`) into `ws`, all or nothing.

    Raises ImportRefused listing every problem (nothing written), ImportCancelled when
    `cancelled()` turns true before the commit (nothing written).
    """
    with _gc_paused():
        return _import(ws, Path(path), sheet, dry_run, progress, cancelled)


@contextmanager
def _gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector: an import allocates millions of cells and rows but
    no reference cycles, and repeated full collections over them cost a third of its time."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _import(ws: Workspace, path: Path, sheet: str | None, dry_run: bool,
            progress: Progress | None, cancelled: Callable[[], bool]) -> ImportResult:
    parsed, skipped = _read_and_parse(path, sheet, progress, cancelled)
    return check_and_write(ws, path, parsed, skipped, dry_run=dry_run, progress=progress,
                           cancelled=cancelled)


def check_and_write(ws: Workspace, path: Path, parsed: list[ParsedSheet], skipped: list[str],
                    *, dry_run: bool = False, progress: Progress | None = None,
                    cancelled: Callable[[], bool] = lambda: False,
                    problems: list[Problem] | None = None,
                    warnings: list[Problem] | None = None) -> ImportResult:
    """Check parsed sheets against each other and the workspace, then write them all in one
    transaction (or, with `dry_run`, roll it back). `problems`/`warnings` found earlier (e.g.
    by the import assistant) join those of the sheets; any problem refuses the whole import."""
    file = path.name
    check_kinds(file, parsed)
    parsed, problems, warnings = check_parsed(ws, parsed, problems, warnings)
    if problems:
        raise ImportRefused(problems, warnings)
    if cancelled():
        raise ImportCancelled()
    counts = {ps.kind: KindCounts() for ps in parsed}
    result = ImportResult(file, None, [(ps.sheet, ps.kind, len(ps)) for ps in parsed],
                          counts, warnings, skipped, dry_run)
    if dry_run:
        _count(ws, parsed, result)
    else:
        _write(ws, path, parsed, result, cancelled, progress)
    return result


def check_parsed(ws: Workspace, parsed: list[ParsedSheet], problems: list[Problem] | None = None,
                 warnings: list[Problem] | None = None
                 ) -> tuple[list[ParsedSheet], list[Problem], list[Problem]]:
    """Every check the import makes, read-only: each sheet's own problems, references, dates,
    duplicates, plausible values (core.bounds), overlapping periods against each other and the
    workspace (core.overlaps) and months far above a site's median.

    Returns the sheets as they would be written (rows that are the total of other rows left
    out), the problems (any one refuses the import; sorted, without repeats) and the warnings.
    `problems`/`warnings` found earlier (e.g. by the import assistant) come first."""
    from greenledger.core.importing.checks import leave_out, run_checks

    parsed = sorted(parsed, key=lambda p: KIND_ORDER.index(p.kind))
    problems = list(problems or []) + [p for ps in parsed for p in ps.problems]
    warnings = list(warnings or []) + [w for ps in parsed for w in ps.warnings]
    book = _book_with_file_factors(ws, parsed)
    checker = _Checker(ws, parsed, book)
    problems += checker.check()
    warnings += checker.warnings
    more, notes, left_out = run_checks(ws, parsed)
    problems += more
    warnings += notes
    if problems:
        problems = distinct_problems(problems)  # a wide sheet's row is several parsed rows
        order = {ps.sheet: i for i, ps in enumerate(parsed)}
        problems.sort(key=lambda p: (order.get(p.sheet, -1), p.row or 0, p.column or ""))
    parsed = [leave_out(ps, left_out.get(ps.sheet, set())) for ps in parsed]
    return parsed, problems, warnings


def _read_and_parse(path: Path, only: str | None, progress: Progress | None,
                    cancelled: Callable[[], bool]) -> tuple[list[ParsedSheet], list[str]]:
    file = path.name
    try:
        sheets: list[SheetData] = list(read_sheets(path, only))
    except ReadError as exc:
        raise ImportRefused([Problem(file, str(exc).split(": ", 1)[-1], code="unreadable")]) \
            from exc
    probe = FormulaProbe(path)
    parsed: list[ParsedSheet] = []
    skipped: list[str] = []
    total = sum(len(s.rows) for s in sheets)
    done = 0
    for s in sheets:
        if cancelled():
            raise ImportCancelled()
        layout = recognise(s, file)
        if layout is None:
            skipped.append(s.name)
            continue

        def sheet_progress(r: int, base: int = done) -> None:
            if progress:
                progress(base + r, total)
            if cancelled():
                raise ImportCancelled()

        parsed.append(parse_sheet(s, file, layout, formula_at=probe.checker(s.name),
                                  progress=sheet_progress))
        done += len(s.rows)
    if not parsed:
        what = f"sheet '{only}' does not" if only else "no sheet"
        raise ImportRefused([Problem(
            file, f"{what} have the template's headers (e.g. Site, Period start, Period end, "
                  "Source, Energy (kWh)); write a template with `greenledger template`",
            code="no_template_sheet")])
    check_kinds(file, parsed)
    parsed.sort(key=lambda p: KIND_ORDER.index(p.kind))
    return parsed, skipped


def distinct_problems(problems: list[Problem]) -> list[Problem]:
    """`problems` without repeats (same sheet, row, column and reason), in order."""
    seen: set[tuple] = set()
    out = []
    for p in problems:
        key = (p.sheet, p.row, p.column, p.reason)
        if key not in seen:
            seen.add(key)
            out.append(p)
    return out


def check_kinds(file: str, parsed: list[ParsedSheet]) -> None:
    """Refuse two sheets holding rows of the same kind."""
    kinds = [p.kind for p in parsed]
    dup = {k for k in kinds if kinds.count(k) > 1}
    if dup:
        names = [p.sheet for p in parsed if p.kind in dup]
        raise ImportRefused([Problem(file, f"several sheets hold {sorted(dup)[0]} rows "
                                     f"({', '.join(names)}); import them one at a time with "
                                     "--sheet", code="duplicate_kind")])


# --- factors ---------------------------------------------------------------------------------


def factor_per(key: str) -> str | None:
    """The stored denominator a factor key expects: kWh for grid/residual/diesel, km for
    vehicles, None (any: per kg, per tree, per order ...) otherwise."""
    unit = stored_unit_for(key)
    return unit.rsplit("/", 1)[-1] if unit else ("kWh" if norm(key).startswith("grid") else None)


def _factor_from_row(values: dict) -> tuple[Factor | None, str | None]:
    key = " ".join(str(values["factor"]).split()).lower()
    try:
        mult, unit = factor_multiplier(str(values["unit"]), factor_per(key))
    except UnitError as exc:
        return None, str(exc)
    return Factor(key=key, region=canonical_region(values.get("region")),
                  year=values.get("year"), value=float(values["value"]) * mult, unit=unit,
                  source=values.get("source") or "workbook factor", origin="workspace"), None


def _book_with_file_factors(ws: Workspace, parsed: list[ParsedSheet]) -> FactorBook:
    extra: list[Factor] = []
    for ps in parsed:
        if ps.kind == Kind.FACTORS:
            for pr in ps.rows:
                if pr.values.get("value") is not None and pr.values.get("unit"):
                    f, _ = _factor_from_row(pr.values)
                    if f:
                        extra.append(f)
    return FactorBook(ws.library_factors(), ws.workspace_factors() + extra)


# --- checks across rows ----------------------------------------------------------------------


class _Checker:
    """Checks that need more than one cell: references, order of dates, duplicates."""

    def __init__(self, ws: Workspace, parsed: list[ParsedSheet], book: FactorBook) -> None:
        self.parsed = {ps.kind: ps for ps in parsed}
        self.book = book
        self.problems: list[Problem] = []
        self.warnings: list[Problem] = []
        self.sites = set(ws.site_names())
        self.campaigns = set(ws.campaign_ids())
        for kind, names, fld in ((Kind.SITES, self.sites, "site"),
                                 (Kind.CAMPAIGNS, self.campaigns, "campaign")):
            if kind in self.parsed:
                names.update(str(v) for v in self.parsed[kind].columns[fld] if v)

    def bad(self, ps: ParsedSheet, pr: ParsedRow, name: str, reason: str, code: str,
            **params) -> None:
        self.problems.append(Problem(ps.file, reason, ps.sheet, pr.row, ps.label(name),
                                     pr.values.get(name), code=code, params=params))

    def check(self) -> list[Problem]:
        for kind, ps in self.parsed.items():
            by_columns = getattr(self, f"_columns_{kind.value}", None)
            if by_columns is not None:
                by_columns(ps)
            else:
                check = getattr(self, f"_check_{kind.value}")
                for pr in ps.rows:
                    check(ps, pr)
            self._duplicates(ps)
        return self.problems

    def _period(self, ps: ParsedSheet, pr: ParsedRow, start: str, end: str) -> None:
        a, b = pr.values.get(start), pr.values.get(end)
        if isinstance(a, date) and isinstance(b, date) and b < a:
            self.bad(ps, pr, end, f"ends before it starts ({a.isoformat()})", "end_before_start",
                     start=a.isoformat())

    def _campaign_ref(self, ps: ParsedSheet, pr: ParsedRow, needs_period: bool) -> None:
        name = pr.values.get("campaign")
        if name is not None and name not in self.campaigns:
            self.bad(ps, pr, "campaign", "unknown campaign: not in the workspace or on a "
                     "Campaigns sheet", "unknown_campaign")
        if needs_period and name is None:
            a, b = pr.values.get("period_start"), pr.values.get("period_end")
            if a is None or b is None:
                missing = "period_start" if a is None else "period_end"
                self.bad(ps, pr, missing, "give a Campaign, or both Period start and Period end",
                         "campaign_or_period")
        if pr.values.get("campaign") is not None and (pr.values.get("period_start")
                                                      or pr.values.get("period_end")):
            self.bad(ps, pr, "period_start", "give either a Campaign or a period, not both",
                     "campaign_and_period")
        self._period(ps, pr, "period_start", "period_end")

    def warn(self, ps: ParsedSheet, pr: ParsedRow, name: str, reason: str, code: str,
             **params) -> None:
        self.warnings.append(Problem(ps.file, reason, ps.sheet, pr.row, ps.label(name),
                                     pr.values.get(name), code=code, params=params))

    def _check_sites(self, ps: ParsedSheet, pr: ParsedRow) -> None:
        region = pr.values.get("grid_region")
        if region and not self.book.has("grid", canonical_region(str(region))):
            # stored all the same (issue 12 "order does not matter"): figures that need the
            # factor say "no factor for …" until a Factors sheet or the library gives one
            self.warn(ps, pr, "grid_region", QT_TRANSLATE_NOOP("Problems", "no grid factor for this region yet: the site is stored, and its figures say there is no factor until one is added on a Factors sheet"),  # noqa: E501
                      "unknown_region", region=region)

    def _bound(self, ps: ParsedSheet, pr: ParsedRow, name: str, field: str | None,
               value: float | None, *, hint: bool = True) -> None:
        """Refuse or warn a value outside its plausible range (core.bounds)."""
        finding = check_value(field, value, hint=hint) if field else None
        if finding is None:
            return
        if finding.level == Level.REFUSE:
            self.bad(ps, pr, name, finding.reason, finding.code, **finding.params)
        else:
            self.warn(ps, pr, name, finding.reason, finding.code, **finding.params)

    def _check_campaigns(self, ps: ParsedSheet, pr: ParsedRow) -> None:
        self._period(ps, pr, "start", "end")
        base = pr.values.get("baseline")
        if base is not None:
            if base == pr.values.get("campaign"):
                self.bad(ps, pr, "baseline", "a campaign cannot be its own baseline",
                         "self_baseline")
            elif base not in self.campaigns:
                self.bad(ps, pr, "baseline", "unknown baseline campaign", "unknown_campaign")

    def _columns_energy(self, ps: ParsedSheet) -> None:
        """The energy checks, column-wise: energy sheets run to hundreds of thousands of rows."""
        c = ps.columns
        unknown = set(c["site"]) - self.sites - {None}
        no_instrument = ("grid", "diesel")
        for i, (site, a, b, source, instrument) in enumerate(zip(
                c["site"], c["period_start"], c["period_end"], c["source"], c["instrument"],
                strict=True)):
            if site in unknown:
                self.bad(ps, ps.row_at(i), "site", "unknown site: not in the workspace or on a "
                         "Sites sheet", "unknown_site")
            if a is not None and b is not None and b < a:
                self._period(ps, ps.row_at(i), "period_start", "period_end")
            if instrument is not None and source in no_instrument:
                self.bad(ps, ps.row_at(i), "instrument", f"{source} rows have no instrument (it "
                         "is for renewable rows only)", "instrument_not_allowed", source=source)

    def _check_deliveries(self, ps: ParsedSheet, pr: ParsedRow) -> None:
        v = pr.values
        self._campaign_ref(ps, pr, needs_period=True)
        if v.get("emissions") is None and (v.get("distance") is None or v.get("vehicle") is None):
            self.bad(ps, pr, "emissions", "give Emissions, or Distance and Vehicle",
                     "emissions_or_distance")
        orders, emissions = v.get("orders"), v.get("emissions")
        if emissions is not None and orders:
            # no slip to name: the hint would be about the header's unit, not the cell
            self._bound(ps, pr, "emissions", "deliveries.kg_per_order",
                        emissions * 1000.0 / orders, hint=False)

    def _check_packaging(self, ps: ParsedSheet, pr: ParsedRow) -> None:
        v = pr.values
        self._campaign_ref(ps, pr, needs_period=True)
        material = v.get("material")
        if material is not None and not self.book.has(str(material)):
            self.bad(ps, pr, "material", "no factor for this material in the library or the "
                     "workspace; add one on a Factors sheet", "unknown_material")
        unit = v.get("unit")
        if unit is not None and unit not in MASS_TO_KG:
            self.bad(ps, pr, "unit", "not g, kg or t", "unknown_unit")

    def _check_initiatives(self, ps: ParsedSheet, pr: ParsedRow) -> None:
        v = pr.values
        self._campaign_ref(ps, pr, needs_period=False)
        act, fac, red = v.get("activity"), v.get("factor"), v.get("reduction")
        if fac is not None and norm(v.get("activity_unit") or "") in ORDER_UNITS:
            col = ps.layout.column("factor")
            self._bound(ps, pr, "factor", "factor.per_order", fac,
                        hint=col is None or col.multiplier == 1.0)
        if red is None and (act is None or fac is None):
            self.bad(ps, pr, "reduction", "give Reduction, or Activity and Factor",
                     "reduction_or_activity")
        elif red is not None and act is not None and fac is not None:
            computed = act * fac / 1000.0
            if abs(computed - red) > 0.01 * max(abs(red), abs(computed)):
                self.warnings.append(Problem(
                    ps.file, f"Reduction {red:,.6g} t disagrees with Activity × Factor = "
                    f"{computed:,.6g} t by more than 1 %; the Reduction column is used",
                    ps.sheet, pr.row, ps.label("reduction"), red, code="reduction_mismatch"))

    def _check_factors(self, ps: ParsedSheet, pr: ParsedRow) -> None:
        v = pr.values
        if v.get("value") is None or not v.get("unit"):
            return
        f, err = _factor_from_row(v)
        if err:
            self.bad(ps, pr, "unit", err, "unknown_unit")
            return
        if norm(v["factor"]) in ("grid", "residual") and not v.get("region"):
            self.bad(ps, pr, "region", "grid and residual factors need a region",
                     "region_required")
        if f is not None:
            written = float(v["value"])
            self._bound(ps, pr, "value", field_for_factor(f.key, f.unit), f.value,
                        hint=written == f.value)

    def _duplicates(self, ps: ParsedSheet) -> None:
        key_fields = SHEETS[ps.kind].natural_key
        keys = list(zip(*(ps.columns[k] for k in key_fields), strict=True))
        if len(set(keys)) == len(keys):
            return
        first: dict[tuple, int] = {}
        for i, key in enumerate(keys):
            if key in first:
                self.bad(ps, ps.row_at(i), key_fields[0], f"same {', '.join(key_fields)} as row "
                         f"{first[key]}: combine the two rows or tell them apart",
                         "duplicate_row", other_row=first[key], fields=", ".join(key_fields))
            else:
                first[key] = ps.row_numbers[i]
