"""Every check of parsed sheets that can refuse an import, in one place (issue 12 §1), read-only:
the same checks run for `--dry-run`, the window's problems list (preflight) and the import.

    parsed, problems, warnings = check_parsed(ws, parsed)   # all of them, in order

check_parsed runs each sheet's own cell problems (core.importing.sheets, parse), the row
checks of core.importing.checks_rows (references, dates, duplicates, plausible values,
factors) and those here: overlapping periods (core.overlaps) and months far above a site's
median (core.bounds); check_kinds refuses two sheets of one kind. A plan's own refusals
(units, measures, cumulative columns) are core.importing.checks_sheet's.

    problems, warnings, left_out = run_checks(ws, parsed)

`left_out` maps a sheet to the indexes of its rows that are the total of other rows (a quarter
over its months): the import leaves them out, with a warning naming them.
"""

from __future__ import annotations

from datetime import date

from greenledger.core.bounds import MONTH_OUTLIER, month_outliers
from greenledger.core.errors import REASON_TEMPLATES, ImportRefused, Problem
from greenledger.core.fields import Kind
from greenledger.core.i18n import QT_TRANSLATE_NOOP, translate
from greenledger.core.importing.checks_rows import RowChecker, book_with_file_factors
from greenledger.core.importing.codes import HINT_TEXT, Hint, english
from greenledger.core.importing.read_to_read import read_to_read, shared_day
from greenledger.core.importing.sheets import ParsedSheet
from greenledger.core.overlaps import (
    OVERLAP_KEYS,
    Span,
    Where,
    find_overlaps,
    periods_overlap,
    valid,
)
from greenledger.core.periods import bound_text, instants, parse_bound
from greenledger.core.storage import Workspace

MASS_TO_KG = {"g": 1e-3, "kg": 1.0, "t": 1e3}
KIND_ORDER = list(Kind)  # factors, sites, campaigns, then rows that reference them
VALUE_UNITS = {Kind.ENERGY: "kWh", Kind.DELIVERIES: "orders", Kind.PACKAGING: "kg"}

REASON_TEMPLATES.update({
    "period_overlap": QT_TRANSLATE_NOOP("Problems", "{key}: {start} – {end} overlaps {other_start} – {other_end} at {other}{more}, so the same quantity would count twice; delete one of them, or, if this row is the total of the others, make it equal their sum"),  # noqa: E501
    "period_overlap_stored_total": QT_TRANSLATE_NOOP("Problems", "{key}: {start} – {end} lies inside {other_start} – {other_end}, stored from {other}, which is the total of this import's rows; delete that stored row first, or do not import these"),  # noqa: E501
    "period_shares_first_day": QT_TRANSLATE_NOOP("Problems", "{key}: {start} – {end} starts on {day}, the day {other_start} – {other_end} at {other} ends, so that day would count twice; if the periods run from read to read (the read day ends one period and starts the next), write {fix} as this row's start"),  # noqa: E501
    "period_shares_last_day": QT_TRANSLATE_NOOP("Problems", "{key}: {start} – {end} ends on {day}, the day {other_start} – {other_end} at {other} starts, so that day would count twice; if the periods run from read to read (the read day ends one period and starts the next), write {fix} as this row's end"),  # noqa: E501
    "period_total": QT_TRANSLATE_NOOP("Problems", "{key}: {start} – {end} ({value}) is the total of the {n} rows from {first} on: left out, so it is not counted twice"),  # noqa: E501
})

_TABLE = {Kind.ENERGY: "energy", Kind.DELIVERIES: "deliveries", Kind.PACKAGING: "packaging"}
_KEY_WIDTH = {Kind.ENERGY: 3, Kind.DELIVERIES: 2, Kind.PACKAGING: 2}


def check_parsed(ws: Workspace, parsed: list[ParsedSheet], problems: list[Problem] | None = None,
                 warnings: list[Problem] | None = None
                 ) -> tuple[list[ParsedSheet], list[Problem], list[Problem]]:
    """Every check the import makes, read-only: each sheet's own problems, references, dates,
    duplicates, plausible values (core.bounds), overlapping periods against each other and the
    workspace (core.overlaps) and months far above a site's median.

    Returns the sheets as they would be written (rows that are the total of other rows left
    out), the problems (any one refuses the import; sorted, without repeats) and the warnings.
    `problems`/`warnings` found earlier (e.g. by the import assistant) come first."""
    parsed = sorted(parsed, key=lambda p: KIND_ORDER.index(p.kind))
    problems = list(problems or []) + [p for ps in parsed for p in ps.problems]
    warnings = list(warnings or []) + [w for ps in parsed for w in ps.warnings]
    read = [read_to_read(ps) for ps in parsed]  # 16th to 16th: the read day excluded
    parsed = [ps for ps, _ in read]
    warnings += [w for _, ws_ in read for w in ws_]
    book = book_with_file_factors(ws, parsed)
    checker = RowChecker(ws, parsed, book)
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
                                     f"({', '.join(names)}); " + english(HINT_TEXT, Hint.ONE_SHEET),
                                     code="duplicate_kind",
                                     params={"kind": sorted(dup)[0].value, "sheets": ", ".join(names),
                                             "hint": Hint.ONE_SHEET})])


def run_checks(ws: Workspace, parsed: list[ParsedSheet]
               ) -> tuple[list[Problem], list[Problem], dict[str, set[int]]]:
    """Problems (refusing), warnings and the rows left out as totals (sheet -> row indexes)."""
    problems: list[Problem] = []
    warnings: list[Problem] = []
    left_out: dict[str, set[int]] = {}
    for ps in parsed:
        if ps.kind in OVERLAP_KEYS and len(ps):
            problems += _exclusive_ends(ps)
        if ps.kind in OVERLAP_KEYS and len(ps):
            _overlaps(ws, ps, parsed, problems, warnings, left_out)
        if ps.kind == Kind.ENERGY and len(ps):
            warnings += _month_outliers(ws, ps, left_out.get(ps.sheet, set()))
    return problems, warnings, left_out


def _exclusive_ends(ps: ParsedSheet) -> list[Problem]:
    """A period from the 1st of a month to the 1st of a later month (2023-01-01 – 2023-02-01, as
    a meter read at midnight writes it) ends on the day after the month: stored so, it holds one
    day too many (1/32 of January lands in February) and overlaps the next row. Refused, naming
    the cell, with the end to write."""
    if "period_start" not in ps.columns or "period_end" not in ps.columns:
        return []
    starts, ends = ps.columns["period_start"], ps.columns["period_end"]
    bad = {(a, b) for a, b in set(zip(starts, ends, strict=True))  # distinct periods: few
           if type(a) is date and type(b) is date and a.day == 1 and b.day == 1 and b > a}
    if not bad:
        return []
    out = []
    col = ps.label("period_end")
    for i, (a, b) in enumerate(zip(starts, ends, strict=True)):
        if (a, b) in bad:
            last = date.fromordinal(b.toordinal() - 1)
            params = {"end": b.isoformat(), "last": last.isoformat()}
            out.append(Problem(ps.file, REASON_TEMPLATES["exclusive_end"].format(**params), ps.sheet,
                               ps.row_numbers[i], col, b.isoformat(), code="exclusive_end", params=params))
    return out


def leave_out(ps: ParsedSheet, indexes: set[int]) -> ParsedSheet:
    """`ps` without the rows at `indexes` (a new ParsedSheet; `ps` is not changed)."""
    if not indexes:
        return ps
    keep = [i for i in range(len(ps)) if i not in indexes]
    return ParsedSheet(ps.file, ps.sheet, ps.layout, {k: [v[i] for i in keep] for k, v in
                                                     ps.columns.items()},
                       [ps.row_numbers[i] for i in keep], ps.problems, ps.warnings)


# --- overlaps --------------------------------------------------------------------------------


def _day(v: object) -> date | None:
    """A stored or parsed bound: a date, or an instant (core.periods.parse_bound)."""
    if isinstance(v, date):
        return v
    if isinstance(v, str) and v:
        try:
            return parse_bound(v)
        except ValueError:
            return None
    return None


def _stored_periods(ws: Workspace, kind: Kind) -> set[tuple[date, date]]:
    rows = ws.select(f"stored_periods.{_TABLE[kind]}")  # a row given by campaign: its dates
    return {(a, b) for a, b in ((_day(x), _day(y)) for x, y in rows) if valid(a, b)}


def _campaign_dates(ws: Workspace, parsed: list[ParsedSheet]) -> dict[str, tuple[date, date]]:
    """Each campaign's first and last day: the workspace's, and the import's Campaigns sheet."""
    out = {name: (_day(a), _day(b)) for name, a, b in
           ws.select("campaign_dates")}
    for ps in parsed:
        if ps.kind == Kind.CAMPAIGNS:
            c = ps.columns
            for name, a, b in zip(c["campaign"], c["start"], c["end"], strict=True):
                if name is not None:
                    out[name] = (a, b)
    return {k: v for k, v in out.items() if isinstance(v[0], date) and isinstance(v[1], date)}


def _values(ps: ParsedSheet, i: int) -> object:
    c = ps.columns
    if ps.kind == Kind.ENERGY:
        return c["energy"][i]
    if ps.kind == Kind.DELIVERIES:
        return (c["orders"][i], c["distance"][i], c["emissions"][i])
    q, unit = c["quantity"][i], c["unit"][i]
    return q * MASS_TO_KG[unit] if q is not None and unit in MASS_TO_KG else None


def _stored_spans(ws: Workspace, kind: Kind, lo: date, hi: date,
                  periods: set[tuple[date, date]]) -> list[Span]:
    width = _KEY_WIDTH[kind]
    out = []
    # stored bounds are text (core.periods.bound_text), compared as text: a day sorts before its
    # hours ('2023-01-31' < '2023-01-31 13:00'), so the end is given as the instant after it
    for row in ws.select(f"stored_spans.{_TABLE[kind]}", hi=bound_text(hi), lo=bound_text(lo)):
        a, b = _day(row[width]), _day(row[width + 1])
        if (a, b) not in periods:
            continue
        vals = row[width + 2:-4]
        value = vals[0] if len(vals) == 1 else tuple(vals)
        out.append(Span(tuple(row[:width]), a, b, value,
                        Where(row[-3], row[-2], row[-1], stored=True), row[-4]))
    return out


def _key_text(kind: Kind, key: tuple) -> str:
    return ", ".join(str(k) for k in key if k not in (None, ""))


def _fmt(v: object, unit: str) -> str:
    first = v[0] if isinstance(v, tuple) else v
    if first is None:
        return ""
    return f"{first:,.0f} {unit}" if abs(first) >= 100 else f"{first:,.4g} {unit}"


def _overlaps(ws: Workspace, ps: ParsedSheet, parsed: list[ParsedSheet], problems: list[Problem],
              warnings: list[Problem], left_out: dict[str, set[int]]) -> None:
    kind = ps.kind
    c = ps.columns
    starts, ends = c["period_start"], c["period_end"]
    bys: list = [None] * len(ps)
    if kind != Kind.ENERGY and any(c["campaign"]):  # rows given by campaign: its dates
        dates = _campaign_dates(ws, parsed)
        bys = [b if a is None and e is None and b in dates else None
               for a, e, b in zip(starts, ends, c["campaign"], strict=True)]
        starts = [dates[b][0] if b is not None else a for a, b in zip(starts, bys, strict=True)]
        ends = [dates[b][1] if b is not None else e for e, b in zip(ends, bys, strict=True)]
    file_periods = {p for p in set(zip(starts, ends, strict=True)) if valid(*p)}
    if not file_periods:
        return
    stored_periods = _stored_periods(ws, kind)
    hits = periods_overlap(file_periods | stored_periods)  # few distinct periods: cheap
    file_hits = hits & file_periods
    if kind != Kind.ENERGY:  # a campaign row and a row of the campaign's own dates
        file_hits = file_periods
    if not file_hits:
        return  # no two periods of the sheet or the workspace share a day: nothing overlaps
    hit_spans = [instants(*p) for p in file_hits]
    near = {q for q in stored_periods
            if any(c < z and a < d for (a, z) in hit_spans for c, d in [instants(*q)])}
    key_fields = OVERLAP_KEYS[kind]
    keycols = [c[k] for k in key_fields]
    w = len(key_fields)
    stored: list[Span] = []
    if near:
        lo = min(instants(*q)[0] for q in near)
        hi = max(instants(*q)[1] for q in near)
        stored = _stored_spans(ws, kind, lo, hi, near)
    # the periods overlap somewhere: now per key, over the distinct (key, period) (C speed)
    triples = {t for t in set(zip(*keycols, starts, ends, bys, strict=True))
               if t[w:w + 2] in file_hits}
    periods_of: dict[tuple, set] = {}
    for t in triples:
        periods_of.setdefault(t[:w], set()).add(t[w:])
    for sp in stored:
        if sp.key in periods_of:
            periods_of[sp.key].add((sp.start, sp.end, sp.by))
    conflict = set()
    for k, found in periods_of.items():
        if len(found) < 2:
            continue
        periods = {(a, b) for a, b, _ in found}
        twice = {(a, b) for a, b, by in found if len({x for p, q, x in found if (p, q) == (a, b)}) > 1}
        conflict |= {(*k, *p) for p in periods_overlap(periods) | twice}
    if not conflict:
        return  # periods overlap only across different sites, sources or units
    idx = [i for i, t in enumerate(zip(*keycols, starts, ends, strict=True)) if t in conflict]
    spans = []
    for i in idx:
        spans.append(Span(tuple(col_[i] for col_ in keycols), starts[i], ends[i], _values(ps, i),
                          Where(ps.file, ps.sheet, ps.row_numbers[i]), bys[i]))
    by_where = {id(s.where): i for s, i in zip(spans, idx, strict=True)}
    replaced = {(s.key, s.start, s.end, s.by) for s in spans}  # the natural-key upsert
    stored = [s for s in stored if (*s.key, s.start, s.end) in conflict
              and (s.key, s.start, s.end, s.by) not in replaced]
    reported: dict[int, int] = {}  # sheet row index -> index of its problem (one per row)
    unit = VALUE_UNITS[kind]
    col = ps.label("period_start")
    for o in find_overlaps([*stored, *spans]):
        row_stored = getattr(o.row.where, "stored", False)
        other_stored = getattr(o.other.where, "stored", False)
        if row_stored and other_stored:
            continue  # already in the workspace: `greenledger check` says so
        if o.kind == "total" and not row_stored:
            i = by_where[id(o.row.where)]
            left_out.setdefault(ps.sheet, set()).add(i)
            params = {"key": _key_text(kind, o.row.key), "start": bound_text(o.row.start),
                      "end": bound_text(o.row.end), "value": _fmt(o.row.value, unit),
                      "n": len(o.covered), "first": str(o.covered[0].where)}
            warnings.append(Problem(ps.file, REASON_TEMPLATES["period_total"].format(**params),
                                    ps.sheet, o.row.where.row, col, bound_text(o.row.start),
                                    code="period_total", params=params))
            continue
        if o.kind == "total":  # a stored coarse row over this import's finer rows
            pairs = [(f, o.row, "period_overlap_stored_total") for f in o.covered
                     if not getattr(f.where, "stored", False)]
        else:
            new, other = (o.row, o.other) if not row_stored else (o.other, o.row)
            pairs = [(new, other, "period_overlap")]
        for new, other, code in pairs:
            i = by_where[id(new.where)]
            if i in reported:
                p = problems[reported[i]]
                p.params["n_more"] = p.params.get("n_more", 0) + 1
                continue
            params = {"key": _key_text(kind, new.key), "start": bound_text(new.start),
                      "end": bound_text(new.end), "other_start": bound_text(other.start),
                      "other_end": bound_text(other.end), "other": str(other.where), "more": ""}
            if code == "period_overlap" and (shared := shared_day(new, other)) is not None:
                code, day, fix = shared  # read to read: this row's bound to write, not "delete"
                params.update(day=day.isoformat(), fix=fix.isoformat())
            reported[i] = len(problems)
            problems.append(Problem(ps.file, "", ps.sheet, new.where.row, col,
                                    bound_text(new.start), code=code, params=params))
    for j in reported.values():  # the reason, once the number of other rows is known
        p = problems[j]
        n = p.params.pop("n_more", 0)
        if n:
            p.params["more"] = " " + translate("Problems", "(and {0} more row(s))").format(n)
        problems[j] = Problem(p.file, REASON_TEMPLATES[p.code].format(**p.params), p.sheet, p.row,
                              p.column, p.value, code=p.code, params=p.params)


# --- a month far above the site's median -----------------------------------------------------


def _is_month(a: object, b: object) -> bool:
    return type(a) is date and type(b) is date and a.day == 1 and a.year == b.year \
        and a.month == b.month and (b.month == 12 and b.day == 31
                                    or date.fromordinal(b.toordinal() + 1).day == 1)


def _stored_months(ws: Workspace, sites: set, months: set[tuple[date, date]]
                   ) -> list[tuple[object, date, float, None]]:
    """The workspace's monthly energy of `sites`, a year either side of `months`, summed per
    site and month: the median a month of the import is held against."""
    lo = min(a for a, _ in months)
    hi = max(b for _, b in months)
    lo, hi = date(lo.year - 1, lo.month, 1), date(hi.year + 1, hi.month, 28)
    rows = ws.select("site_months_of", sites=tuple(sites), lo=lo.isoformat(), hi=hi.isoformat())
    out = []
    for site, a, b, kwh in rows:
        a, b = _day(a), _day(b)
        if _is_month(a, b) and kwh is not None:
            out.append((site, a, float(kwh), None))
    return out


def _month_outliers(ws: Workspace, ps: ParsedSheet, skip: set[int]) -> list[Problem]:
    c = ps.columns
    starts, ends = c["period_start"], c["period_end"]
    months = {p for p in set(zip(starts, ends, strict=True)) if _is_month(*p)}
    if not months:
        return []
    rows = [(site, a, kwh, ps.row_numbers[i])
            for i, (site, a, b, kwh) in enumerate(zip(c["site"], starts, ends, c["energy"],
                                                      strict=True))
            if (a, b) in months and i not in skip]
    sites = {r[0] for r in rows if r[0] is not None}
    if len(months) < 12 and sites and len(sites) < 500:  # a month's import: the stored year
        mine = {(r[0], r[1]) for r in rows}
        rows = [r for r in _stored_months(ws, sites, months) if (r[0], r[1]) not in mine] + rows
    out = []
    col = ps.label("energy")
    for m in month_outliers(rows, ratio=MONTH_OUTLIER):
        if m.where is None:
            continue  # a stored month: `greenledger check` says so
        params = {"site": m.site, "value": f"{m.value:,.0f}", "month": m.month.strftime("%Y-%m"),
                  "ratio": f"{m.ratio:,.0f}", "median": f"{m.median:,.0f}"}
        out.append(Problem(ps.file, REASON_TEMPLATES["month_outlier"].format(**params), ps.sheet,
                           m.where, col, m.value, code="month_outlier", params=params))
    return out
