"""Importing a workbook of the template into a workspace: read, recognise, parse, check the
rows against each other and the workspace, then write everything in one transaction or nothing.

Re-importing is idempotent by a natural key per table (core.fields SheetSpec.natural_key):
a row whose key is already stored with the same values is left alone ("unchanged"); with other
values it is updated in place ("updated"); a new key is inserted.
"""

from __future__ import annotations

import gc
import hashlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from operator import itemgetter
from pathlib import Path

from greenledger.core.bounds import ORDER_UNITS, Level, check_value, field_for_factor
from greenledger.core.errors import ImportCancelled, ImportRefused, Problem
from greenledger.core.factors import Factor, FactorBook, canonical_region, stored_unit_for
from greenledger.core.fields import SHEETS, Kind, norm
from greenledger.core.i18n import QT_TRANSLATE_NOOP
from greenledger.core.importing.formulas import FormulaProbe
from greenledger.core.importing.reader import ReadError, SheetData, read_sheets
from greenledger.core.importing.sheets import ParsedRow, ParsedSheet, parse_sheet, recognise
from greenledger.core.storage import COLUMNS, Workspace, now_iso
from greenledger.core.units import UnitError, factor_multiplier

Progress = Callable[[int, int], None]
MASS_TO_KG = {"g": 1e-3, "kg": 1.0, "t": 1e3}
KIND_ORDER = list(Kind)  # factors, sites, campaigns, then rows that reference them


@dataclass(slots=True)
class KindCounts:
    rows: int = 0
    inserted: int = 0
    updated: int = 0
    unchanged: int = 0


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


def sha256_of(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


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


# --- writing ---------------------------------------------------------------------------------


@lru_cache(maxsize=65536)
def _iso(d: date) -> str:
    return d.isoformat()


def iso(d: object) -> str | None:
    return _iso(d) if isinstance(d, date) else None


def _stored(kind: Kind, v: dict, ids: dict[str, dict[str, int]]) -> tuple:
    """A parsed row's values as the stored columns of COLUMNS[kind], in that order."""

    if kind == Kind.SITES:
        return (v["site"], v.get("type"), canonical_region(v["grid_region"]), v.get("country"))
    if kind == Kind.CAMPAIGNS:
        return (v["campaign"], iso(v["start"]), iso(v["end"]), v.get("baseline"))
    if kind == Kind.ENERGY:
        return (ids["site"][v["site"]], iso(v["period_start"]), iso(v["period_end"]),
                v["source"], v["energy"], v.get("instrument"))
    camp = ids["campaign"].get(v["campaign"]) if v.get("campaign") else None
    if kind == Kind.DELIVERIES:
        return (v["business_unit"], camp, iso(v.get("period_start")), iso(v.get("period_end")),
                v["orders"], v.get("vehicle"), v.get("distance"), v.get("emissions"),
                canonical_region(v.get("country")) or None)
    if kind == Kind.PACKAGING:
        return (v["business_unit"], camp, iso(v.get("period_start")), iso(v.get("period_end")),
                v["material"], v["quantity"] * MASS_TO_KG[v["unit"]], v.get("recycled_content"))
    if kind == Kind.INITIATIVES:
        return (v["initiative"], v.get("business_unit"), camp, v.get("activity"),
                v.get("activity_unit"), v.get("factor"), v.get("reduction"))
    f, _ = _factor_from_row(v)
    return (f.key, f.region, f.year, f.value, f.unit, f.source)


def _stored_rows(ps: ParsedSheet, ids: dict[str, dict[str, int]]) -> list[tuple]:
    """Every row of a sheet as stored tuples (energy built column-wise, for speed)."""
    if ps.kind != Kind.ENERGY:
        return [_stored(ps.kind, pr.values, ids) for pr in ps.rows]
    c = ps.columns
    days = {d: iso(d) for d in {*c["period_start"], *c["period_end"]}}  # few distinct dates
    return list(zip(map(ids["site"].__getitem__, c["site"]), map(days.__getitem__, c["period_start"]),
                    map(days.__getitem__, c["period_end"]), c["source"], c["energy"], c["instrument"],
                    strict=True))


def _key_positions(kind: Kind) -> list[int]:
    names = list(COLUMNS[kind])
    return [names.index(k) for k in SHEETS[kind].natural_key]


def _existing(ws: Workspace, kind: Kind) -> dict[tuple, tuple[int, tuple]]:
    key = itemgetter(*_key_positions(kind))
    out: dict[tuple, tuple[int, tuple]] = {}
    for row in ws.stored_columns(kind, list(COLUMNS[kind].values())):
        values = tuple(row[1:])
        out[key(values)] = (row[0], values)
    return out


def _write(ws: Workspace, path: Path, parsed: list[ParsedSheet], result: ImportResult,
           cancelled: Callable[[], bool], progress: Progress | None) -> None:
    columns_of = {k: list(COLUMNS[k].values()) for k in COLUMNS}
    prov = ["batch_id", "source_sheet", "source_row"]
    class _Rollback(Exception):
        pass

    try:
        with ws.atomic():
            batch_id = ws.insert_batch({
                "file_name": path.name, "file_path": str(path.resolve()),
                "sha256": sha256_of(path), "sheets": ", ".join(p.sheet for p in parsed),
                "imported_at": now_iso(), "row_count": sum(len(p) for p in parsed)})
            for ps in parsed:
                ids = {"site": ws.site_names(), "campaign": ws.campaign_ids()}
                _write_sheet(ws, ps, batch_id, ids, columns_of[ps.kind], prov,
                             result.counts[ps.kind])
                if cancelled():
                    raise ImportCancelled()
            if result.inserted + result.updated == 0 or result.dry_run:
                raise _Rollback()
            ws.set_batch_counts(batch_id, result.inserted, result.updated, result.unchanged)
            result.batch_id = batch_id
    except _Rollback:
        pass


def _count(ws: Workspace, parsed: list[ParsedSheet], result: ImportResult) -> None:
    """A dry run's counts (new, updated, unchanged), read-only: no transaction, nothing
    written. Sites and campaigns of the file that are not stored yet get stand-in ids."""
    ids = {"site": ws.site_names(), "campaign": ws.campaign_ids()}
    for ps in parsed:
        for kind, name, fld in ((Kind.SITES, "site", "site"),
                                (Kind.CAMPAIGNS, "campaign", "campaign")):
            if ps.kind == kind:
                for v in ps.columns[fld]:
                    if v is not None and v not in ids[name]:
                        ids[name][v] = -1 - len(ids[name])
    for ps in parsed:
        _plan_sheet(ws, ps, 0, ids, result.counts[ps.kind])


def _plan_sheet(ws: Workspace, ps: ParsedSheet, batch_id: int, ids: dict, counts: KindCounts
                ) -> tuple[list[tuple], list[tuple]]:
    """The rows to insert and to update (with provenance), counted into `counts`."""
    kind = ps.kind
    existing = _existing(ws, kind)
    key_of = itemgetter(*_key_positions(kind))
    inserts, updates = [], []
    sheet = ps.sheet
    for values, row in zip(_stored_rows(ps, ids), ps.row_numbers, strict=True):
        old = existing.get(key_of(values))
        if old is None:
            inserts.append((*values, batch_id, sheet, row))
        elif old[1] != values:
            updates.append((*values, batch_id, sheet, row, old[0]))
        else:
            counts.unchanged += 1
    counts.rows = len(ps)
    counts.inserted, counts.updated = len(inserts), len(updates)
    return inserts, updates


def _write_sheet(ws: Workspace, ps: ParsedSheet, batch_id: int, ids: dict, columns: list[str],
                 prov: list[str], counts: KindCounts) -> None:
    inserts, updates = _plan_sheet(ws, ps, batch_id, ids, counts)
    ws.insert_rows(ps.kind, columns + prov, inserts)
    ws.update_rows(ps.kind, columns + prov, updates)
