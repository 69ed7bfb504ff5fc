"""Spreading an amount given for a period evenly over its days (pro rata by days).

A row from 16 Dec to 15 Jan puts 16/31 of its amount in December's year and 15/31 in the next.
Periods are inclusive of both days.
"""

from __future__ import annotations

from datetime import date, timedelta


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
