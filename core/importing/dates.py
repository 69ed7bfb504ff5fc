"""Day-first or month-first dates (issue 12 §2): `16/01/2023` or `01/16/2023`, decided from the
values themselves when only one reading fits every one of them. Two-digit years (`1/17/23`, as
US portals write them) are read as Excel reads them (00-29: 20xx), unless every such date of the
column also reads with its year first (`16/01/23`: 2016-01-23?), which is refused, named.

A column's own values decide (a day above 12 settles it); where they all read both ways, the
other date columns of the same table decide (one system wrote them all); where nothing does,
the column is refused, named, rather than guessed. A column whose values need both readings
is refused too. Cells are rewritten as dates before the parse, which keeps its fast path;
columns without such text are not touched."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, datetime
from operator import itemgetter

from greenledger.core.errors import REASON_TEMPLATES, Problem, coded_reason
from greenledger.core.fields import FieldType
from greenledger.core.i18n import QT_TRANSLATE_NOOP

DAY_MONTH = re.compile(r"^\s*(\d{1,2})\s*([/.\-])\s*(\d{1,2})\s*\2\s*(\d{4}|\d{2})\s*$")

REASON_TEMPLATES.setdefault("date_year_unclear", QT_TRANSLATE_NOOP("Problems", "every date in {column} has a two-digit year that could also be read first ({examples}: {first} or {other}); write the year in four digits (2023-01-16)"))  # noqa: E501


def _year(text: str) -> int:
    """A date's year: four digits as written; two as Excel reads them (00-29: 2000s, else 1900s)."""
    y = int(text)
    return y if len(text) == 4 else (2000 + y if y < 30 else 1900 + y)


def readings(text: str) -> tuple[bool, bool] | None:
    """(reads day-first, reads month-first) for `16/01/2023`-like text, else None."""
    m = DAY_MONTH.match(text)
    if not m:
        return None
    a, b, y = int(m[1]), int(m[3]), _year(m[4])
    return _valid(y, b, a), _valid(y, a, b)


def year_first(text: str) -> date | None:
    """The date `16/01/23` reads as when its two-digit year is written first (yy/mm/dd:
    2016-01-23), or None (a four-digit year, or no such date)."""
    m = DAY_MONTH.match(text)
    if not m or len(m[4]) != 2:
        return None
    y, mo, d = _year(f"{int(m[1]):02d}"), int(m[3]), int(m[4])
    return date(y, mo, d) if _valid(y, mo, d) else None


def _valid(y: int, m: int, d: int) -> bool:
    try:
        date(y, m, d)
        return True
    except ValueError:
        return False


def order_of(texts: set[str]) -> tuple[str | None, list[str], list[str]]:
    """("dmy", "mdy" or None, the texts only day-first reads, those only month-first reads)."""
    dmy, mdy = [], []
    for t in sorted(texts):
        r = readings(t)
        if r is None:
            continue
        if r == (True, False):
            dmy.append(t)
        elif r == (False, True):
            mdy.append(t)
    if dmy and not mdy:
        return "dmy", dmy, mdy
    if mdy and not dmy:
        return "mdy", dmy, mdy
    return None, dmy, mdy


def to_date(text: str, order: str) -> date | None:
    m = DAY_MONTH.match(text)
    if not m:
        return None
    a, b, y = int(m[1]), int(m[3]), _year(m[4])
    d, mo = (a, b) if order == "dmy" else (b, a)
    return date(y, mo, d) if _valid(y, mo, d) else None


def apply_to_plan(plan, sheet, first: int, end: int, header_row: int):
    """The sheet with its day/month dates as date cells; problems added to `plan` for columns
    whose order nothing settles."""
    from greenledger.core.importing.mapping import kind_field

    cols = []
    for c in plan.columns:
        f = kind_field(plan.kind, c.field) if c.field else None
        if f is not None and f.type == FieldType.DATE:
            try:  # at C speed: most date columns hold date cells only
                if str not in set(map(type, map(itemgetter(c.index), sheet.rows[first:end]))):
                    continue
            except IndexError:
                pass
            values = [r[c.index] if c.index < len(r) else None for r in sheet.rows[first:end]]
            texts = {v for v in values if type(v) is str and any(readings(v) or ())}
            if texts:
                cols.append((c, values, texts))
    if not cols:
        return sheet
    decided = {id(c): order_of(texts) for c, _, texts in cols}
    sheet_orders = {o for o, _, _ in decided.values() if o}
    fallback = sheet_orders.pop() if len(sheet_orders) == 1 else None
    rows = list(sheet.rows)
    for c, values, texts in cols:
        order, dmy, mdy = decided[id(c)]
        if dmy and mdy:
            params = {"column": c.label, "dmy": ", ".join(dmy[:2]), "mdy": ", ".join(mdy[:2])}
            plan.problems.append(Problem(plan.file, coded_reason("date_order_mixed", **params),
                                         plan.sheet, header_row, c.label, mdy[0],
                                         code="date_order_mixed", params=params))
            continue
        order = order or fallback
        if order is not None and _year_first_fits(texts):
            examples = sorted(texts)[:3]
            first, other = to_date(examples[0], order), year_first(examples[0])
            params = {"column": c.label, "examples": ", ".join(examples),
                      "first": first.isoformat() if first else "", "other": other.isoformat()}
            plan.problems.append(Problem(plan.file, coded_reason("date_year_unclear", **params),
                                         plan.sheet, header_row, c.label, examples[0],
                                         code="date_year_unclear", params=params))
            continue
        if order is None:
            examples = ", ".join(sorted(texts)[:3])
            params = {"column": c.label, "examples": examples}
            plan.problems.append(Problem(plan.file, coded_reason("date_order_unclear", **params),
                                         plan.sheet, header_row, c.label, sorted(texts)[0],
                                         code="date_order_unclear", params=params))
            continue
        for i, v in enumerate(values):
            if v in texts and (d := to_date(v, order)) is not None:
                r = first + i
                row = rows[r] = list(rows[r]) if rows[r] is sheet.rows[r] else rows[r]
                row[c.index] = d
    return replace(sheet, rows=rows)


def _year_first_fits(texts: set[str]) -> bool:
    """Whether every two-digit-year date of a column also reads year first (`16/01/23`: 16 Jan
    2023 or 2016-01-23): then which is meant cannot be told. US `1/17/23` cannot (no month 17),
    so it is read; four-digit years never are in doubt."""
    return any(len(DAY_MONTH.match(t)[4]) == 2 for t in texts) and all(
        year_first(t) is not None for t in texts if len(DAY_MONTH.match(t)[4]) == 2)


def pending(parsed) -> bool:
    """Whether the parse refused a day/month date (`16/01/2023`): then the sheet is read again
    with its columns' order (most sheets have none, and cost nothing here)."""
    return parsed is not None and any(
        p.code == "not_date" and type(p.value) is str and DAY_MONTH.match(p.value)
        for p in parsed.problems)


def distinct_rows(ignored: list) -> list:
    """Ignored rows listed once (a sheet parsed twice lists its totals twice)."""
    return sorted({(i.row, i.code): i for i in ignored}.values(), key=lambda i: i.row)


# --- hourly periods (issue 15) ------------------------------------------------------------------


def has_time(value: object) -> bool:
    """A bound with a time of day other than 00:00 (a datetime cell at midnight is how a
    spreadsheet holds a plain date)."""
    return isinstance(value, datetime) and (value.hour, value.minute, value.second) != (0, 0, 0)


def timed_periods(starts, ends) -> bool:
    """Whether any row of the period columns is timed (see as_bounds)."""
    return any(has_time(a) or has_time(b) for a, b in zip(starts, ends, strict=True))


def as_bounds(starts, ends) -> tuple[list, list]:
    """The period columns (parse_timestamp's values) as stored bounds (core.periods), row by row:
    a row with a time of day other than 00:00 in its start or its end is timed, both its bounds
    datetimes (a midnight is that instant: the hour 23:00–00:00 ends at midnight, a plain date
    as its start is its 00:00); any other row is a period of whole days, both bounds dates, as
    parse_date gives them (a datetime cell at midnight is how a spreadsheet holds a date)."""
    out_a, out_b = [], []
    for a, b in zip(starts, ends, strict=True):
        if has_time(a) or has_time(b):
            a, b = _instant(a), _instant(b)
        else:
            a, b = _day(a), _day(b)
        out_a.append(a)
        out_b.append(b)
    return out_a, out_b


def _instant(v):
    if isinstance(v, datetime) or not isinstance(v, date):
        return v
    return datetime(v.year, v.month, v.day)


def _day(v):
    return v.date() if isinstance(v, datetime) else v
