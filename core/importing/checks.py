"""Every check of parsed sheets that can refuse an import, in one place (issue 12 §1), read-only:
the same checks run for `--dry-run`, the window's problems list (preflight) and the import.

    parsed, problems, warnings = check_parsed(ws, parsed)   # all of them, in order

check_parsed runs each sheet's own cell problems (core.importing.sheets, parse), the row
checks of core.importing.checks_rows (references, dates, duplicates, plausible values,
factors) and those here: overlapping periods (core.importing.checks_overlaps, across the
sheets of a kind too) and months far above a site's median (core.bounds). A plan's own refusals
(units, measures, cumulative columns) are core.importing.checks_sheet's.

    problems, warnings, left_out = run_checks(ws, parsed)

`left_out` maps a sheet to the indexes of its rows that are the total of other rows (a quarter
over its months): the import leaves them out, with a warning naming them.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from greenledger.core.bounds import MONTH_OUTLIER, month_outliers, month_slips
from greenledger.core.errors import REASON_TEMPLATES, Problem
from greenledger.core.fields import Kind
from greenledger.core.importing import meters
from greenledger.core.importing.checks_overlaps import _day, overlaps
from greenledger.core.importing.checks_rows import RowChecker, book_with_file_factors
from greenledger.core.importing.read_to_read import read_to_read
from greenledger.core.importing.sheets import ParsedSheet
from greenledger.core.overlaps import OVERLAP_KEYS
from greenledger.core.storage import Workspace

KIND_ORDER = list(Kind)  # factors, sites, campaigns, then rows that reference them




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
    for ps in parsed:  # a bill's meter rows that would change a stored sum (the writer asks too)
        problems += meters.check_replaced(ws, ps)
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
    """Several sheets of one kind (Energy 2022 and Energy 2023, a sheet per site) are imported
    together, in one transaction: check_parsed checks them across sheets (a key in two sheets
    is a duplicate naming both sheet and row; periods overlap across sheets as within one).
    Nothing is refused here any more; kept for the callers that ask."""
    del file, parsed


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
            overlaps(ws, ps, parsed, problems, warnings, left_out)
        if ps.kind == Kind.ENERGY and len(ps):
            warned, refused = _month_outliers(ws, ps, left_out.get(ps.sheet, set()))
            warnings += warned
            problems += refused
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


# --- a month far above the site's median -----------------------------------------------------


def _is_month(a: object, b: object) -> bool:
    return type(a) is date and type(b) is date and a.day == 1 and a.year == b.year \
        and a.month == b.month and (b.month == 12 and b.day == 31
                                    or date.fromordinal(b.toordinal() + 1).day == 1)


def _month_of(a: object, b: object) -> date | None:
    """The month (its first day) a row stands for: a whole month of days, or a timed period
    (an hour) lying in one month (the hour ending at 1 February 00:00 is January's)."""
    if _is_month(a, b):
        return a
    if isinstance(a, datetime) and isinstance(b, datetime) and b > a:
        last = b - timedelta(microseconds=1)
        if (a.year, a.month) == (last.year, last.month):
            return date(a.year, a.month, 1)
    return None


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


def _month_outliers(ws: Workspace, ps: ParsedSheet, skip: set[int]
                    ) -> tuple[list[Problem], list[Problem]]:
    """A site's months far above its median month (warned) and far below it (core.bounds
    month_slips: refused where a unit slip is near-certain, else warned)."""
    c = ps.columns
    starts, ends = c["period_start"], c["period_end"]
    month_of = {p: _month_of(*p) for p in set(zip(starts, ends, strict=True))}
    month_of = {p: m for p, m in month_of.items() if m is not None}
    if not month_of:
        return [], []
    months = {(m, m) for m in month_of.values()}
    rows = [(site, month_of[(a, b)], kwh, ps.row_numbers[i])  # hours summed by month_outliers
            for i, (site, a, b, kwh) in enumerate(zip(c["site"], starts, ends, c["energy"],
                                                      strict=True))
            if (a, b) in month_of and i not in skip]
    sites = {r[0] for r in rows if r[0] is not None}
    if len(months) < 12 and sites and len(sites) < 500:  # a month's import: the stored year
        mine = {(r[0], r[1]) for r in rows}
        rows = [r for r in _stored_months(ws, sites, months) if (r[0], r[1]) not in mine] + rows
    out: list[Problem] = []
    refused: list[Problem] = []
    col = ps.label("energy")
    for m in month_outliers(rows, ratio=MONTH_OUTLIER):
        if m.where is None:
            continue  # a stored month: `greenledger check` says so
        params = {"site": m.site, "value": f"{m.value:,.0f}", "month": m.month.strftime("%Y-%m"),
                  "ratio": f"{m.ratio:,.0f}", "median": f"{m.median:,.0f}"}
        out.append(Problem(ps.file, REASON_TEMPLATES["month_outlier"].format(**params), ps.sheet,
                           m.where, col, m.value, code="month_outlier", params=params))
    whole = rows
    parts = {p for p in month_of if not _is_month(*p)}  # hours: a month of them may be partial
    if parts:
        timed = {(site, month_of[(a, b)]) for site, a, b in zip(c["site"], starts, ends, strict=True)
                 if (a, b) in parts}
        whole = [r for r in rows if (r[0], r[1]) not in timed]
    for m in month_slips(whole):
        if m.where is None:
            continue
        params = {"site": m.site, "value": f"{m.value:,.0f}", "month": m.month.strftime("%Y-%m"),
                  "ratio": f"{1 / m.ratio:,.0f}", "median": f"{m.median:,.0f}"}
        code = "month_low"
        if m.factor:
            code = "month_slip"
            params.update(unit=m.unit, fixed=f"{m.value * m.factor:,.0f}")
        p = Problem(ps.file, REASON_TEMPLATES[code].format(**params), ps.sheet, m.where, col,
                    m.value, code=code, params=params)
        (refused if m.factor else out).append(p)
    return out, refused
