"""Periods with a time of day (hourly meter rows, issue 15), read from the cells as written.

What an analyst's meter export means, and how it is stored (core.periods):
- **Start and end columns** (`Start | End | kWh`): a row whose start or end has a time of day
  other than 00:00 is timed; both its bounds become instants (core.importing.dates.as_bounds)
  and the period runs from the start up to the end, the end excluded: the hour 13:00–14:00 is
  stored as `2023-01-01 13:00` – `2023-01-01 14:00`, and the next hour starts where it ends
  (never an overlap). An end written as the last minute or second (13:59, 13:59:59) is read as
  the instant after it (14:00). Rows without a time of day stay periods of whole days.
- **One timestamp column** (`Timestamp | kWh`, mapped to the period): each row is the interval
  that begins at its timestamp (13:00 means 13:00–14:00); the interval is the smallest step
  between the column's distinct timestamps (an hour, 30 or 15 minutes), and every timestamp
  must sit a whole number of steps from the first. A column that writes `24:00` labels each
  interval by its end (01:00 … 24:00), and is read so. Timestamps a day or more apart are not an
  interval reading: refused (give a start and an end column).
- **Time zones and daylight saving.** Times are the meter's local wall clock, as nearly every
  export writes them, and are stored so (naive). A text with a UTC offset (`2023-10-29 01:00+02:00`,
  `…Z`) is read at its wall clock too; where the offsets show the autumn change (the local hour
  01:00 written twice, at +02:00 and +01:00) both hours are real data, and the import counts
  both, summed into the one local hour, with a warning naming both rows. The same hour written
  twice without offsets cannot be told from a duplicate: refused, naming both rows. A column
  that gives offsets on some rows and not others is refused.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta

from greenledger.core.errors import REASON_TEMPLATES, Problem
from greenledger.core.fields import SHEETS, Kind
from greenledger.core.i18n import QT_TRANSLATE_NOOP
from greenledger.core.importing.dates import as_bounds, has_time
from greenledger.core.importing.values import CellError, parse_timestamp

REASON_TEMPLATES.update({
    "timed_empty": QT_TRANSLATE_NOOP("Problems", "the period ends when it starts ({start}): a row of one hour runs from its start to the next hour (13:00 to 14:00)"),  # noqa: E501
    "timestamp_step_long": QT_TRANSLATE_NOOP("Problems", "the timestamps of this column are {step} apart, not an interval of a day or less: give a start and an end column"),  # noqa: E501
    "timestamp_step_uneven": QT_TRANSLATE_NOOP("Problems", "this timestamp is not a whole number of intervals ({step}) after {first}: the rows do not read as one interval each"),  # noqa: E501
    "timestamp_alone": QT_TRANSLATE_NOOP("Problems", "one timestamp alone says no interval: give a start and an end column"),  # noqa: E501
    "offset_mixed": QT_TRANSLATE_NOOP("Problems", "this column gives a UTC offset on some rows ({example}) and none on others, so its times cannot all be read the same way; write the offset on every row or on none"),  # noqa: E501
    "offset_bad": QT_TRANSLATE_NOOP("Problems", "not a UTC offset that a meter's local time can have"),
    "timed_rows": QT_TRANSLATE_NOOP("Problems", "{n} row(s) are periods with a time of day (as {start} – {end}): each runs from its start up to its end, the end excluded, in the meter's local time"),  # noqa: E501
    "timestamps_begin": QT_TRANSLATE_NOOP("Problems", "each timestamp is read as the {step} it begins ({start} is {start} – {end}), in the meter's local time"),  # noqa: E501
    "timestamps_end": QT_TRANSLATE_NOOP("Problems", "this column writes 24:00, so each timestamp is read as the {step} it ends ({end} is {start} – {end}), in the meter's local time"),  # noqa: E501
    "dst_repeat": QT_TRANSLATE_NOOP("Problems", "{key}: the local hour {start} is written twice, at {offset} here and {other_offset} on row {other_row} (daylight saving ended): both are counted, stored as that one local hour"),  # noqa: E501
})

_OFFSET = re.compile(r"^(.*\d)\s*(?:(Z)|(?:UTC|GMT)?\s*([+-])(\d{1,2}):?(\d{2})?)\s*$", re.IGNORECASE)
_TIME_MARK = re.compile(r"\d[:：时]\d|T\d")
_24 = re.compile(r"[ T]24\s*[:：时]\s*00")
PERIOD_FIELDS = ("period_start", "period_end")


def maybe_timed(value: object) -> bool:
    """Whether a raw cell could hold a time of day (cheap: decides whether to read again)."""
    if type(value) is datetime:
        return has_time(value)
    if type(value) is float:
        return not value.is_integer()
    return type(value) is str and bool(_TIME_MARK.search(value))


def split_offset(value: object) -> tuple[object, timedelta | None]:
    """(the cell without its UTC offset, the offset) for text such as `2023-10-29 01:00+02:00`
    or `2023-10-29T01:00:00Z`; other cells come back as they are, with None."""
    if type(value) is not str or not _TIME_MARK.search(value):
        return value, None
    m = _OFFSET.match(value.strip())
    if not m or not _TIME_MARK.search(m[1]):
        return value, None
    if m[2]:
        return m[1], timedelta(0)
    hours, minutes = int(m[4]), int(m[5] or 0)
    if hours > 14 or minutes >= 60:
        raise CellError("not a UTC offset that a meter's local time can have", "offset_bad")
    sign = -1 if m[3] == "-" else 1
    return m[1], sign * timedelta(hours=hours, minutes=minutes)


def read_cells(raw: list[object]) -> tuple[list[object], list[timedelta | None],
                                           list[tuple[int, CellError]]]:
    """Each cell as parse_timestamp reads it (each distinct cell once), its UTC offset, and the
    cells that do not read."""
    cache: dict[object, tuple[object, timedelta | None, CellError | None]] = {}
    values, offsets, errors = [], [], []
    for i, v in enumerate(raw):
        hit = cache.get(v) if type(v) is not list else None
        if hit is None:
            try:
                text, off = split_offset(v)
                hit = (None if text is None or text == "" else parse_timestamp(text), off, None)
            except CellError as exc:
                hit = (None, None, exc)
            cache[v] = hit
        values.append(hit[0])
        offsets.append(hit[1])
        if hit[2] is not None:
            errors.append((i, hit[2]))
    return values, offsets, errors


def _last_minute(a: object, b: object) -> object:
    """An end written as the last second or minute of its interval (13:59:59, 13:59 after a
    start at 13:00) as the instant after it (14:00)."""
    if not isinstance(b, datetime) or not isinstance(a, datetime) or b <= a:
        return b
    if b.second == 59:
        return b + timedelta(seconds=1)
    if b.second == 0 and b.minute % 15 == 14 and a.minute % 15 == 0:
        return b + timedelta(minutes=1)
    return b


def apply(parsed, raw_start, raw_end, kept: list[int] | range) -> None:
    """Read a parsed sheet's period columns again keeping their times of day, when any cell
    has one (else nothing is done): timed rows get instants (see the module doc), the cells
    parse_date refused but parse_timestamp reads lose their problem, and the autumn change's
    repeated hour is summed (merge_repeats). `raw_start`/`raw_end`: the columns' cells of every
    data row; `kept`: the indexes of the parsed rows among them."""
    if not any(map(maybe_timed, set(raw_start) | set(raw_end))):
        return
    if len(kept) != len(raw_start):
        raw_start, raw_end = [raw_start[i] for i in kept], [raw_end[i] for i in kept]
    rows, c = parsed.row_numbers, parsed.columns

    def where(name, row, value, code, params, reason):
        return Problem(parsed.file, reason or REASON_TEMPLATES[code].format(**params),
                       parsed.sheet, row, parsed.label(name), value, code=code, params=params)

    starts, off_a, bad_a = read_cells(list(raw_start))
    ends, off_b, bad_b = read_cells(list(raw_end))
    problems = [where(name, rows[i], raw[i], exc.code, exc.params, exc.reason)
                for name, raw, bad in (("period_start", raw_start, bad_a),
                                       ("period_end", raw_end, bad_b)) for i, exc in bad]
    offsets = [p or q for p, q in zip(off_a, off_b, strict=True)]
    problems += _offsets_agree(off_a + off_b, list(raw_start) + list(raw_end), rows + rows, where)
    a, b = as_bounds(starts, ends)
    b = [_last_minute(x, y) for x, y in zip(a, b, strict=True)]
    for i, (x, y) in enumerate(zip(a, b, strict=True)):
        if isinstance(x, datetime) and isinstance(y, datetime) and y == x:
            problems.append(where("period_end", rows[i], raw_end[i], "timed_empty",
                                  {"start": _text(x)}, None))
    read = {(rows[i], parsed.label(n)) for n, vals in (("period_start", a), ("period_end", b))
            for i, v in enumerate(vals) if v is not None}
    parsed.problems[:] = [p for p in parsed.problems
                          if not (p.code == "not_date" and (p.row, p.column) in read)]
    bad_rows_a, bad_rows_b = {i for i, _ in bad_a}, {i for i, _ in bad_b}
    c["period_start"] = [None if i in bad_rows_a else x for i, x in enumerate(a)]
    c["period_end"] = [None if i in bad_rows_b else y for i, y in enumerate(b)]
    parsed.problems.extend(problems)
    timed = [i for i, x in enumerate(a) if isinstance(x, datetime)]
    if timed:
        i = timed[0]
        params = {"n": len(timed), "start": _text(a[i]), "end": _text(b[i])}
        parsed.warnings.append(Problem(parsed.file, REASON_TEMPLATES["timed_rows"].format(**params),
                                       parsed.sheet, parsed.layout.header_row + 1,
                                       parsed.label("period_start"), code="timed_rows", params=params))
    merge(parsed, offsets)


def merge(parsed, offsets: list) -> None:
    """The autumn change's repeated local hour (offsets differ) summed into its first row, with
    a warning naming both (energy only; other kinds keep the duplicate refusal)."""
    if parsed.kind != Kind.ENERGY or not any(offsets):
        return
    key_fields = SHEETS[parsed.kind].natural_key
    drop, warnings = merge_repeats(parsed.columns, offsets, parsed.row_numbers, key_fields,
                                   "energy", parsed.file, parsed.sheet, parsed.label)
    parsed.warnings.extend(warnings)
    if drop:
        gone = set(drop)
        keep = [i for i in range(len(parsed.row_numbers)) if i not in gone]
        for k, v in parsed.columns.items():
            parsed.columns[k] = [v[i] for i in keep]
        parsed.row_numbers[:] = [parsed.row_numbers[i] for i in keep]
        parsed._rows = None


def _flags(n: int, bad: list[tuple[int, CellError]]) -> list[bool]:
    out = [False] * n
    for i, _ in bad:
        out[i] = True
    return out


def _offsets_agree(offsets: list, raw: list, rows: list[int], where) -> list[Problem]:
    given = [i for i, o in enumerate(offsets) if o is not None]
    if not given:
        return []
    example = str(raw[given[0]])
    return [where("period_start", rows[i], raw[i], "offset_mixed", {"example": example}, None)
            for i, (o, v) in enumerate(zip(offsets, raw, strict=True))
            if o is None and maybe_timed(v)][:1000]


def _text(v: object) -> str:
    from greenledger.core.periods import bound_text
    return bound_text(v) if isinstance(v, date) else str(v)


def _step_text(step: timedelta) -> str:
    minutes = int(step.total_seconds() // 60)
    if minutes % 1440 == 0:
        return f"{minutes // 1440} d"
    if minutes % 60 == 0:
        return f"{minutes // 60} h"
    return f"{minutes} min" if minutes else f"{int(step.total_seconds())} s"


def intervals(raw: list[object], rows: list[int], where
              ) -> tuple[list[object], list[object], list[timedelta | None], list[Problem],
                         Problem | None] | None:
    """A column of timestamps (mapped to the period) as intervals, or None when no cell has a
    time of day (then it is a column of months, quarters or years). Returns the starts, the
    ends, each row's UTC offset, the problems, and the note saying how the column was read
    (code timestamps_begin / timestamps_end: a warning, not a refusal; None when refused)."""
    if not any(map(maybe_timed, set(raw))):
        return None
    values, offsets, bad = read_cells(raw)
    problems = [where("period_start", rows[i], raw[i], exc.code, exc.params, exc.reason)
                for i, exc in bad]
    problems += _offsets_agree(offsets, raw, rows, where)
    stamps = [v if isinstance(v, datetime) else datetime(v.year, v.month, v.day)
              if isinstance(v, date) else None for v in values]
    distinct = sorted({s for s in stamps if s is not None})
    if len(distinct) < 2:
        i = next((i for i, s in enumerate(stamps) if s is not None), 0)
        problems.append(where("period_start", rows[i], raw[i], "timestamp_alone", {}, None))
        return [None] * len(raw), [None] * len(raw), offsets, problems, None
    step = min(b - a for a, b in zip(distinct, distinct[1:], strict=False))
    if step >= timedelta(days=1):
        i = next(i for i, s in enumerate(stamps) if s is not None)
        problems.append(where("period_start", rows[i], raw[i], "timestamp_step_long",
                              {"step": _step_text(step)}, None))
        return [None] * len(raw), [None] * len(raw), offsets, problems, None
    first = distinct[0]
    ending = any(type(v) is str and _24.search(v) for v in set(raw))  # 24:00: hours by their end
    starts, ends = [], []
    for i, s in enumerate(stamps):
        if s is None:
            starts.append(None)
            ends.append(None)
            continue
        if (s - first) % step:
            problems.append(where("period_start", rows[i], raw[i], "timestamp_step_uneven",
                                  {"step": _step_text(step), "first": _text(first)}, None))
        a, z = (s - step, s) if ending else (s, s + step)
        starts.append(a)
        ends.append(z)
    i = next(i for i, x in enumerate(starts) if x is not None)
    code = "timestamps_end" if ending else "timestamps_begin"
    params = {"step": _step_text(step), "start": _text(starts[i]), "end": _text(ends[i])}
    return starts, ends, offsets, problems, where("period_start", None, None, code, params, None)


def merge_repeats(columns: dict[str, list[object]], offsets: list, row_numbers: list[int],
                  key_fields, measure, file: str, sheet: str, label
                  ) -> tuple[list[int], list[Problem]]:
    """Rows of one key and local hour whose UTC offsets differ (the autumn change's repeated
    01:00) summed into the first: returns the indexes of the rows merged away and a warning for
    each."""
    keys = list(zip(*(columns[k] for k in key_fields), strict=True))
    first: dict[tuple, int] = {}
    drop: list[int] = []
    warnings: list[Problem] = []
    values = columns[measure]
    for i, (k, off) in enumerate(zip(keys, offsets, strict=True)):
        j = first.setdefault(k, i)
        if j == i or off is None or offsets[j] is None or off == offsets[j]:
            continue
        if values[i] is not None and values[j] is not None:
            values[j] = values[j] + values[i]
        drop.append(i)
        params = {"key": ", ".join(str(x) for f, x in zip(key_fields, k, strict=True)
                                   if f not in PERIOD_FIELDS and x not in (None, "")),
                  "start": _text(columns["period_start"][i]), "offset": _offset_text(off),
                  "other_offset": _offset_text(offsets[j]), "other_row": row_numbers[j]}
        warnings.append(Problem(file, REASON_TEMPLATES["dst_repeat"].format(**params), sheet,
                                row_numbers[i], label("period_start"), params["start"],
                                code="dst_repeat", params=params))
    return drop, warnings


def _offset_text(off: timedelta) -> str:
    minutes = int(off.total_seconds() // 60)
    sign = "-" if minutes < 0 else "+"
    minutes = abs(minutes)
    return f"{sign}{minutes // 60:02d}:{minutes % 60:02d}"


# --- a Date column beside Start time / End time columns (Green Button exports) -------------------

_TIME_ONLY = re.compile(r"^\s*(\d{1,2})\s*[:：]\s*(\d{2})(?:\s*[:：]\s*(\d{2}))?\s*$")
DATE_HEADERS = frozenset(("date", "day", "日期", "usagedate", "readdate", "readingdate",
                          "meterdate", "intervaldate", "用电日期", "抄表日期"))
"""Headers (normal form, core.fields.norm) of a column giving the day of a row's times."""


def time_of_day(value: object) -> time | None:
    """A cell holding only a time of day (`00:00`, `23:59:59`, a time cell), else None."""
    if isinstance(value, time):
        return value
    if type(value) is str and (m := _TIME_ONLY.match(value)):
        h, mi, sec = int(m[1]), int(m[2]), int(m[3] or 0)
        if h == 24 and mi == sec == 0:
            return time(0)  # the day's end: the caller adds the day
        if h < 24 and mi < 60 and sec < 60:
            return time(h, mi, sec)
    return None


def with_day(parsed, rows: list[list[object]], day_col: int, start_col: int, end_col: int) -> bool:
    """Period start and end from a day column and two time-of-day columns (`DATE | START TIME |
    END TIME`: 2023-01-01, 00:00, 23:59): each row runs from its day at the start time up to
    its day at the end time (an end at or before the start is the next day's; 23:59 and
    23:59:59 are the day's end). A row covering whole days is stored as those days. False, and
    nothing changed, unless every filled start and end cell is a time of day and every day
    cell a date."""
    from greenledger.core.importing.values import parse_date

    def cell(r: int, i: int) -> object:
        cells = rows[r - 1]
        return cells[i] if i < len(cells) else None

    triples = [(cell(r, day_col), cell(r, start_col), cell(r, end_col)) for r in parsed.row_numbers]
    try:
        days = [parse_date(d) for d, _, _ in triples]
    except CellError:
        return False
    times = [(time_of_day(a), time_of_day(b)) for _, a, b in triples]
    if not triples or any(d is None or a is None or b is None
                          for d, (a, b) in zip(days, times, strict=True)):
        return False
    starts, ends = [], []
    for d, (ta, tb) in zip(days, times, strict=True):
        a, z = datetime.combine(d, ta), datetime.combine(d, tb)
        if z <= a:  # 24:00, or a period past midnight: the next day's
            z += timedelta(days=1)
        z = _last_minute(a, z)
        if a.time() == time(0) and z.time() == time(0):  # whole days: stored as days
            a, z = a.date(), (z - timedelta(days=1)).date()
        starts.append(a)
        ends.append(z)
    c = parsed.columns
    c["period_start"], c["period_end"] = starts, ends
    labels = {parsed.label("period_start"), parsed.label("period_end")}
    parsed.problems[:] = [p for p in parsed.problems
                          if not (p.code == "not_date" and p.column in labels)]
    return True
