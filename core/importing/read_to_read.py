"""Periods that run from meter read to meter read (issue 12 §3, blind F14).

A US utility export writes `Previous Read Date | Current Read Date`: 01/16/2023 – 02/16/2023,
02/16/2023 – 03/16/2023, … The read day ends one period and starts the next, so the periods
share only their boundary day. Stored as written (both days included) each boundary day would
count twice and the rows are refused as overlaps; the analyst means each period up to its read,
the read day excluded. A sheet is read so when its rows say it by themselves:

- every two consecutive rows of one key (site, source, instrument) that meet share exactly the
  boundary day (the next starts on the day the one before ends), at least one pair does, and no
  two rows of a key overlap otherwise or meet the inclusive way (a start the day after an end);
- every row is a period of whole days longer than one day.

Then every row of the sheet ends the day before its written end (02/16 → 02/15), the same
reading for all its rows, with a warning saying so; where the reads fall at the months' ends
(31/12 → 31/01 → 28/02, a UK bill "period 1–31 Jan") the read day is left out at the start
instead (each period starts the day after the read before), which puts every bill in its month:
the reading that makes more periods calendar months is taken, the end's when neither does.
Periods from the 1st to the 1st of the next month are left to their own refusal
(core.importing.checks exclusive_end). Anything else that shares a day is an overlap, refused
with a hint that names the shared day (core.importing.checks).
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from operator import eq

from greenledger.core.errors import REASON_TEMPLATES, Problem
from greenledger.core.fields import Kind
from greenledger.core.i18n import QT_TRANSLATE_NOOP
from greenledger.core.importing.sheets import ParsedSheet
from greenledger.core.overlaps import OVERLAP_KEYS

REASON_TEMPLATES.update({
    "read_to_read_start": QT_TRANSLATE_NOOP("Problems", "the periods run from read to read (each starts on the day the one before ends, as {start} – {end} and the next from {end}), read at the month's end: each read closes its period, which starts the day after the read before, {first} – {end}, so no day counts twice and each period lies in its month"),  # noqa: E501
    "read_to_read": QT_TRANSLATE_NOOP("Problems", "the periods run from read to read (each starts on the day the one before ends, as {start} – {end} and the next from {end}): read with the read day excluded, {start} – {last}, so no day counts twice"),  # noqa: E501
})


def _one_day(d: date) -> date:
    return d - timedelta(days=1)


def _months(periods, shift_start: bool) -> int:
    """How many of the periods are a calendar month once read with the read day excluded at
    the start (`shift_start`) or at the end."""
    n = 0
    for a, b in periods:
        if a is None:
            continue
        a, b = (a + timedelta(days=1), b) if shift_start else (a, _one_day(b))
        n += a.day == 1 and a.year == b.year and a.month == b.month \
            and (b + timedelta(days=1)).day == 1
    return n


def read_to_read(ps: ParsedSheet) -> tuple[ParsedSheet, list[Problem]]:
    """`ps` with its ends read as excluded when its rows run from read to read (see the module
    doc), and the warning saying so; else `ps` as it is and no warning."""
    if ps.kind not in OVERLAP_KEYS or len(ps) < 2 or "period_start" not in ps.columns:
        return ps, []
    c = ps.columns
    starts, ends = c["period_start"], c["period_end"]
    first_days = set(starts)
    if first_days.isdisjoint(ends):
        return ps, []  # no period starts on a day another ends: nearly every sheet, at C speed
    if any(map(eq, starts, ends)) or any(type(a) is datetime for a in first_days):
        return ps, []  # a period of one day (a daily sheet), or timed periods: not read to read
    periods = set(zip(starts, ends, strict=True))
    for a, b in periods:
        if a is None and b is None and ps.kind != Kind.ENERGY:
            continue  # a row given by its campaign
        if type(a) is not date or type(b) is not date or b <= a:
            return ps, []
        if a.day == 1 and b.day == 1:
            return ps, []  # 1st to 1st: refused with the end to write (exclusive_end)
    keys = list(zip(*(c[k] for k in OVERLAP_KEYS[ps.kind]), strict=True))
    by_key: dict[tuple, set[tuple[date, date]]] = {}
    for k, a, b in zip(keys, starts, ends, strict=True):
        if a is not None:
            by_key.setdefault(k, set()).add((a, b))
    touch = None
    for rows in by_key.values():
        rows = sorted(rows)
        last = rows[0]
        for x, y in rows[1:]:
            a, b = last
            if x == b:
                touch = touch or (a, b)
            elif x <= b or x == b + timedelta(days=1):
                return ps, []  # an overlap of its own, or periods that meet the inclusive way
            last = (x, y) if y > b else last
    if touch is None:
        return ps, []
    new = dict(c)
    a, b = touch
    if _months(periods, True) > _months(periods, False):
        # reads at the month's end (31 Dec, 31 Jan, 28 Feb): each read closes its period, which
        # starts the day after the read before (1-31 Jan), so every bill lies in its month
        starts_of = {x: x + timedelta(days=1) for x in set(starts) if x is not None}
        new["period_start"] = [None if x is None else starts_of[x] for x in starts]
        code, params = "read_to_read_start", {"start": a.isoformat(), "end": b.isoformat(),
                                              "first": (a + timedelta(days=1)).isoformat()}
    else:
        ends_of = {y: _one_day(y) for y in set(ends) if y is not None}
        new["period_end"] = [None if y is None else ends_of[y] for y in ends]
        code, params = "read_to_read", {"start": a.isoformat(), "end": b.isoformat(),
                                        "last": _one_day(b).isoformat()}
    warning = Problem(ps.file, REASON_TEMPLATES[code].format(**params), ps.sheet,
                      ps.layout.header_row + 1, ps.label("period_end"), b.isoformat(),
                      code=code, params=params)
    out = ParsedSheet(ps.file, ps.sheet, ps.layout, new, ps.row_numbers, ps.problems,
                      ps.warnings)
    return out, [warning]


def shared_day(new, other) -> tuple[str, date, date] | None:
    """When `new` (a row of the file, a core.overlaps Span) shares only one boundary day with
    `other` (it starts on the day `other` ends, or ends on the day it starts: read to read), the
    refusal's code, that day, and the bound to write on `new` so each day counts once (the day
    after as its start, the day before as its end); else None. Followed, the kWh stay whole and
    no day counts twice, where "delete one of them" would lose a month."""
    if not all(type(v) is date for v in (new.start, new.end, other.start, other.end)):
        return None
    if new.start == other.end and new.end > new.start and other.start < other.end:
        return "period_shares_first_day", new.start, new.start + timedelta(days=1)
    if other.start == new.end and other.end > other.start and new.start < new.end:
        return "period_shares_last_day", new.end, _one_day(new.end)
    return None
