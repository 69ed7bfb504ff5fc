"""Spreading an amount given for a period evenly over its days (pro rata by days).

A row from 16 Dec to 15 Jan puts 16/31 of its amount in December's year and 15/31 in the next.
Periods are inclusive of both days.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta


def days(start: date, end: date) -> int:
    """Number of days from `start` to `end`, both included."""
    return (end - start).days + 1


def overlap_days(start: date, end: date, win_start: date, win_end: date) -> int:
    """Days that [start, end] shares with [win_start, win_end] (0 when apart)."""
    return max(0, (min(end, win_end) - max(start, win_start)).days + 1)


def overlap_share(start: date, end: date, win_start: date, win_end: date) -> float:
    """Fraction of the period [start, end] that falls inside the window."""
    return overlap_days(start, end, win_start, win_end) / days(start, end)


def split_by_year(start: date, end: date, amount: float) -> dict[int, float]:
    """`amount` spread over the calendar years the period touches, by days."""
    total = days(start, end)
    out: dict[int, float] = {}
    for year in range(start.year, end.year + 1):
        n = overlap_days(start, end, date(year, 1, 1), date(year, 12, 31))
        out[year] = amount * n / total
    return out


def _month_end(d: date) -> date:
    nxt = date(d.year + (d.month == 12), d.month % 12 + 1, 1)
    return nxt - timedelta(days=1)


def split_by_month(start: date, end: date, amount: float) -> dict[str, float]:
    """`amount` spread over the calendar months ("YYYY-MM") the period touches, by days."""
    total = days(start, end)
    out: dict[str, float] = {}
    cursor = date(start.year, start.month, 1)
    while cursor <= end:
        m_end = _month_end(cursor)
        n = overlap_days(start, end, cursor, m_end)
        out[f"{cursor.year:04d}-{cursor.month:02d}"] = amount * n / total
        cursor = m_end + timedelta(days=1)
    return out


def split_by_year_within(start: date, end: date, amount: float, win_start: date,
                         win_end: date) -> dict[int, float]:
    """The part of `amount` that falls inside the window, spread over calendar years."""
    lo, hi = max(start, win_start), min(end, win_end)
    if hi < lo:
        return {}
    inside = amount * days(lo, hi) / days(start, end)
    return split_by_year(lo, hi, inside)


# --- periods with a time of day (hourly meter rows) ---------------------------------------------
#
# A stored period bound is ISO text: a date (2024-01-31: the whole day, from 00:00 to 24:00) or a
# timestamp (2024-01-31 05:00: that instant). A period [start, end] of dates includes both days;
# one of timestamps runs from its start to its end (an hour 00:00–01:00 is one hour, and the hour
# 23:00–00:00 of 31 January belongs to January only). Amounts spread by time, which for dates is
# exactly by days (the day functions above are used whenever both bounds are dates).

Bound = date | datetime


def parse_bound(text: str) -> Bound:
    """A stored bound: '2024-01-31' as a date, '2024-01-31 05:00' (or with T, seconds) as a
    datetime (naive: the meter's local time)."""
    if len(text) == 10:
        return date.fromisoformat(text)
    return datetime.fromisoformat(text)


def bound_text(value: Bound) -> str:
    """The stored text of a bound: '2024-01-31' or '2024-01-31 05:00' (seconds only if any)."""
    if isinstance(value, datetime):
        return value.isoformat(sep=" ", timespec="seconds" if value.second else "minutes")
    return value.isoformat()


def instants(start: Bound, end: Bound) -> tuple[datetime, datetime]:
    """[start, end) as instants: a date starts at its 00:00; a date as end ends at 24:00."""
    a = start if isinstance(start, datetime) else datetime(start.year, start.month, start.day)
    if isinstance(end, datetime):
        z = end
    else:
        z = datetime(end.year, end.month, end.day) + timedelta(days=1)
    return a, z


def timed(start: Bound, end: Bound) -> bool:
    return isinstance(start, datetime) or isinstance(end, datetime)


def _seconds(a: datetime, z: datetime) -> float:
    return max(0.0, (z - a).total_seconds())


def spread_by_month(start: Bound, end: Bound, amount: float) -> dict[str, float]:
    """split_by_month for dates or timestamps: `amount` over the months the period has time in
    (a month it only touches at an instant, as an hour ending at 1 February 00:00, gets nothing)."""
    if not timed(start, end):
        return split_by_month(start, end, amount)  # type: ignore[arg-type]
    a, z = instants(start, end)
    total = _seconds(a, z)
    if total <= 0:
        return {f"{a.year:04d}-{a.month:02d}": amount}
    out: dict[str, float] = {}
    cursor = datetime(a.year, a.month, 1)
    while cursor < z:
        nxt = datetime(cursor.year + (cursor.month == 12), cursor.month % 12 + 1, 1)
        part = _seconds(max(a, cursor), min(z, nxt))
        if part > 0:
            out[f"{cursor.year:04d}-{cursor.month:02d}"] = amount * part / total
        cursor = nxt
    return out


def share_within(start: Bound, end: Bound, win_start: date, win_end: date) -> float:
    """overlap_share for dates or timestamps: the fraction of the period inside the window of
    whole days [win_start, win_end]."""
    if not timed(start, end):
        return overlap_share(start, end, win_start, win_end)  # type: ignore[arg-type]
    a, z = instants(start, end)
    wa, wz = instants(win_start, win_end)
    total = _seconds(a, z)
    if total <= 0:
        return 1.0 if wa <= a < wz else 0.0
    return _seconds(max(a, wa), min(z, wz)) / total


def spread_by_year_within(start: Bound, end: Bound, amount: float, win_start: date,
                          win_end: date) -> dict[int, float]:
    """split_by_year_within for dates or timestamps: the part of `amount` inside the window of
    whole days, over calendar years."""
    if not timed(start, end):
        return split_by_year_within(start, end, amount, win_start, win_end)  # type: ignore[arg-type]
    a, z = instants(start, end)
    wa, wz = instants(win_start, win_end)
    total = _seconds(a, z)
    lo, hi = max(a, wa), min(z, wz)
    if total <= 0:
        return {a.year: amount} if wa <= a < wz else {}
    if hi <= lo:
        return {}
    out: dict[int, float] = {}
    for year in range(lo.year, hi.year + 1):
        part = _seconds(max(lo, datetime(year, 1, 1)), min(hi, datetime(year + 1, 1, 1)))
        if part > 0:
            out[year] = amount * part / total
    return out
