"""Interval columns (issue 15, hourly data): a day a row, its hours or half-hours across

    MPAN          | Site Name | Date       | Units | 00:30 | 01:00 | … | 24:00
    1200012345678 | London DC | 13/03/2023 | kWh   | 100   | 100   | … | 100

as UK half-hourly (HH) data, US interval exports and Chinese 24-point load sheets write them.
The headers of the run are times of day at one step (15, 30 or 60 minutes) covering the day,
labelled by each interval's end (00:30 … 24:00, 01:00 … 24:00) or start (00:00 … 23:30), or
numbered (HH1 … HH48, HE1 … HE24, Hour 1 … Hour 24: interval k ends at k steps). A column of
dates to the left gives each row its day. The table is read as the long table it stands for
(one row per cell: the interval's start and end, its figure), so every rule of long tables
holds (sites, meters, units from a Unit column or the title, hours that are consecutive are
no overlap, the read's own checks); problems and the stored rows' provenance are given back
at the cells of the sheet as the user sees it (the row of the day, the column of the hour).

Blank cells are intervals without a figure: not stored, and said (a warning with their count
and first cell). A totals column after the run (Total, 合计) is checked against the sum of the
row's intervals, and a row that disagrees refuses the import, naming both. Times are the
meter's local clock (core.importing.timestamps). Day-first or month-first dates that nothing
in the column settles are not read this way (the sheet is refused as before, naming why)."""

from __future__ import annotations

import contextlib
import re
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta

from greenledger.core.errors import REASON_TEMPLATES, Problem, coded_reason
from greenledger.core.fields import Kind
from greenledger.core.i18n import QT_TRANSLATE_NOOP
from greenledger.core.importing.column_words import qualified
from greenledger.core.importing.dates import DAY_MONTH, order_of, to_date
from greenledger.core.importing.reader import COLUMN_LABEL, SheetData, column_index, column_letter
from greenledger.core.importing.reconcile import is_total_header
from greenledger.core.importing.values import CellError, is_blank, is_total_label, parse_number

SCAN = 30
MAX_ROWS = 5_000_000  # intervals read from one sheet (a year of half-hours for 285 meters)
_TIME = re.compile(r"^\s*(\d{1,2})\s*[:：.]\s*(\d{2})(?:\s*[:：.]\s*00)?\s*$")
_NUMBERED = re.compile(r"^\s*(?:(?:hh|he|hr|hour|h|p|period|sp|时段|第)\s*(\d{1,3})\s*(?:点|时)?"
                       r"|(\d{1,2})\s*(?:点|时))\s*$", re.IGNORECASE)  # HH1, HE 24, 第1时段, 24点
_ISO = re.compile(r"^\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?\s*$")
STEPS = (15, 30, 60)

REASON_TEMPLATES.update({
    "intervals_read": QT_TRANSLATE_NOOP("Problems", "columns {first} … {last} are read as the {n} intervals of each row's day ({step} minutes each: {first} is {start} – {end}), in the meter's local time"),  # noqa: E501
    "intervals_blank": QT_TRANSLATE_NOOP("Problems", "{n} interval cell(s) are blank (the first at {cell}): intervals without a figure, not stored"),  # noqa: E501
    "intervals_total": QT_TRANSLATE_NOOP("Problems", "the row's total {total} at {cell} is not the sum of its intervals ({computed}): correct the total or the intervals"),  # noqa: E501
    "intervals_date_order": QT_TRANSLATE_NOOP("Problems", "every date in {column} reads both day-first and month-first ({example}), and nothing in the column says which: write the dates with the year first (2023-03-01)"),  # noqa: E501
    "intervals_register": QT_TRANSLATE_NOOP("Problems", "the intervals of row {row} never fall and change far less than they are ({first} … {last}): a meter's register read at each time, not each interval's use; import the differences between reads"),  # noqa: E501
    "intervals_too_many": QT_TRANSLATE_NOOP("Problems", "{n} intervals in one sheet, more than {limit}: import the data in smaller sheets"),  # noqa: E501
})


@dataclass(slots=True)
class Intervals:
    sheet: SheetData  # the long table it stands for
    header_row: int  # its header row (Excel number; the original's too)
    original: SheetData
    cells: dict[int, tuple[int, int]]  # its row (0-based) -> the original (row, column), 0-based
    columns: dict[int, int]  # its column (0-based) -> the original column (period: the dates')
    measure_col: int  # its column of the figures
    run: list[int]  # the original columns of the intervals
    step: int
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)


def column_label(it: Intervals, index: int, header: str) -> str:
    """A column of the long reading named where the user sees it in the sheet: the hours'
    columns for the figures, the dates' column for the period, the column itself for others."""
    head = it.original.rows[it.header_row - 1]
    if index == it.measure_col and it.run:
        return (f"{_shown(head[it.run[0]])} … {_shown(head[it.run[-1]])} "
                f"[{column_letter(it.run[0])}–{column_letter(it.run[-1])}]")
    c = it.columns.get(index)
    if c is None:
        return header
    return f"{_shown(head[c]) if c < len(head) and not is_blank(head[c]) else header} [{column_letter(c)}]"


def _minutes(v: object) -> int | None:
    """Minutes after midnight of a time-of-day header (`00:30`, `24:00`, a time cell)."""
    if isinstance(v, time):
        return v.hour * 60 + v.minute if not v.second else None
    if isinstance(v, datetime) and v.date() == date(1899, 12, 30):  # Excel's time-only cell
        return v.hour * 60 + v.minute
    if isinstance(v, str) and (m := _TIME.match(v)):
        h, mi = int(m[1]), int(m[2])
        if (h < 24 and mi < 60) or (h == 24 and mi == 0):
            return h * 60 + mi
    return None


def _number(v: object) -> int | None:
    if isinstance(v, str) and (m := _NUMBERED.match(v)):
        return int(m[1] or m[2])
    return None


def _run(cells: list[object]) -> tuple[int, int, list[int]] | None:
    """(first column, step in minutes, start minute of each interval) of the run of interval
    headers in a header row, or None."""
    n = len(cells)
    for c in range(n):
        mins = []
        j = c
        while j < n and (m := _minutes(cells[j])) is not None:
            mins.append(m)
            j += 1
        if len(mins) >= 24:
            if len(mins) >= 2 and mins[-1] == 0 and mins[0] != 0:
                mins[-1] = 1440  # 24:00 written as a time cell: midnight at the end
            step = mins[1] - mins[0]
            count = len(mins)
            if step in STEPS and count * step == 1440 and all(
                    b - a == step for a, b in zip(mins, mins[1:], strict=False)):
                if mins[0] == step and mins[-1] == 1440:  # labelled by their ends
                    return c, step, [m - step for m in mins]
                if mins[0] == 0:  # by their starts
                    return c, step, mins
        nums = []
        j = c
        while j < n and (k := _number(cells[j])) is not None:
            nums.append(k)
            j += 1
        if len(nums) in (24, 48, 96) and nums == list(range(1, len(nums) + 1)):
            step = 1440 // len(nums)
            return c, step, [(k - 1) * step for k in nums]
    return None


def _as_date(v: object, order: str | None) -> date | None:
    if isinstance(v, datetime):
        return v.date() if not (v.hour or v.minute or v.second) else None
    if isinstance(v, date):
        return v
    if not isinstance(v, str):
        return None
    if m := _ISO.match(v):
        try:
            return date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            return None
    return to_date(v, order) if order and DAY_MONTH.match(v) else None


def _date_column(rows: list[list[object]], r: int, before: int) -> tuple[int, str | None] | None:
    """(column, day/month order) of the dates left of the run: the column whose filled cells
    below the header are dates (at least 80 %, a total row aside)."""
    for c in range(before - 1, -1, -1):
        values = [row[c] for row in rows[r + 1:] if c < len(row) and not is_blank(row[c])]
        if not values:
            continue
        texts = {v.strip() for v in values if isinstance(v, str) and DAY_MONTH.match(v)}
        order, _, _ = order_of(texts) if texts else (None, [], [])
        if texts and order is None:
            return c, None  # 01/03/2023: day or month first? nothing says: refused, named
        dated = sum(1 for v in values if _as_date(v, order) is not None)
        if dated >= 0.8 * len([v for v in values if not is_total_label(v)]) and dated:
            return c, order
    return None


def detect(sheet: SheetData, kind: Kind | None = None, measure: str | None = None
           ) -> Intervals | None:
    """The long table a sheet of interval columns stands for, or None (not such a sheet).
    `measure`: what the user said the columns hold (--measure): a title is then not asked."""
    if kind not in (None, Kind.ENERGY):
        return None
    rows = sheet.rows
    for r, cells in enumerate(rows[:SCAN]):
        found = _run(cells)
        if found is None:
            continue
        c0, step, starts = found
        dates = _date_column(rows, r, c0)
        if dates is None:
            return None
        c, order = dates
        texts = sorted({v.strip() for row in rows[r + 1:] if c < len(row)
                        and isinstance(v := row[c], str) and DAY_MONTH.match(v)})
        if texts and order is None:
            return _unclear(sheet, r, c0, step, starts, c, texts)
        return _build(sheet, r, c0, step, starts, c, order, told=measure is not None)
    return None


def _unclear(sheet: SheetData, r: int, c0: int, step: int, starts: list[int], dc: int,
             texts: list[str]) -> Intervals:
    """The reading refused: every date of the column reads day-first and month-first."""
    head = sheet.rows[r]
    label = f"{_shown(head[dc]) or column_letter(dc)} [{column_letter(dc)}]"
    params = {"column": label, "example": texts[0]}
    run = range(c0, c0 + len(starts))
    keep = [c for c in range(len(head)) if c != dc and c not in run]
    rows = [list(x) for x in sheet.rows[:r]] + [[head[c] for c in keep] + [
        "Period start", "Period end", "Energy"]]  # the long table's header, no rows
    it = Intervals(replace(sheet, rows=rows), r + 1, sheet, {}, dict(enumerate(keep)), len(keep) + 2,
                   list(run), step)
    it.problems.append(Problem("", coded_reason("intervals_date_order", **params), sheet.name, r + 2,
                               label, texts[0], code="intervals_date_order", params=params))
    return it


def _build(sheet: SheetData, r: int, c0: int, step: int, starts: list[int], dc: int,
           order: str | None, told: bool = False) -> Intervals:
    rows, header = sheet.rows, sheet.rows[r]
    run = list(range(c0, c0 + len(starts)))
    after = c0 + len(starts)
    total_col = after if after < len(header) and isinstance(header[after], str) \
        and is_total_header(header[after]) else None
    keep = [c for c in range(len(header)) if c != dc and c not in run and c != total_col]
    out: list[list[object]] = [list(x) for x in rows[:r]]
    out.append([header[c] for c in keep] + ["Period start", "Period end", "Energy"])
    width = len(keep)
    cols = {j: c for j, c in enumerate(keep)} | {width: dc, width + 1: dc}
    cells: dict[int, tuple[int, int]] = {}
    it = Intervals(sheet, r + 1, sheet, cells, cols, width + 2, run, step)
    blank, first_blank = 0, None
    name = sheet.name
    read_as_register = False
    titles = [] if told else [(i + 1, v) for i, row in enumerate(rows[:r]) for v in row
                              if isinstance(v, str)]
    for t, text in titles:
        if qualified(Kind.ENERGY, text):  # Half-hourly meter readings, 计划用电, 节能量: not the use
            params = {"title_row": t, "what": text.strip(), "field": "energy"}
            it.problems.append(Problem("", coded_reason("qualified_title", **params), name, t,
                                       code="qualified_title", params=params))
            break
    for k in range(r + 1, len(rows)):
        row = rows[k]

        def at(c: int, row: list = row) -> object:
            return row[c] if c < len(row) else ""
        if all(is_blank(v) for v in row):
            continue
        if is_total_label(at(dc)) or (is_blank(at(dc)) and any(is_total_label(at(c)) for c in keep)):
            continue  # a totals row under the days (the pipeline's totals check is per column)
        day = _as_date(at(dc), order)
        sums, figures = 0.0, []
        for c, start in zip(run, starts, strict=True):
            v = at(c)
            if is_blank(v):
                blank += 1
                first_blank = first_blank or f"{column_letter(c)}{k + 1}"
                continue
            if day is not None:
                a = datetime.combine(day, time()) + timedelta(minutes=start)
                z = a + timedelta(minutes=step)
            else:
                a = z = at(dc)  # not a date: the long table's check names it (at the date cell)
            cells[len(out)] = (k, c)
            out.append([at(x) for x in keep] + [a, z, v])
            with contextlib.suppress(CellError, TypeError, ValueError):  # the long table's
                figures.append(parse_number(v) or 0.0)  # check names the cell
                sums += figures[-1]
            if len(cells) > MAX_ROWS:
                params = {"n": f"{len(cells):,}+", "limit": f"{MAX_ROWS:,}"}
                it.problems.append(Problem("", coded_reason("intervals_too_many", **params), name,
                                           code="intervals_too_many", params=params))
                it.sheet = replace(sheet, rows=out[:r + 1])
                return it
        if not read_as_register and _register(figures):
            read_as_register = True
            params = {"row": str(k + 1), "first": f"{figures[0]:,.6g}", "last": f"{figures[-1]:,.6g}"}
            it.problems.append(Problem("", coded_reason("intervals_register", **params), name, k + 1,
                                       f"{_shown(header[run[0]])} … {_shown(header[run[-1]])} "
                                       f"[{column_letter(run[0])}–{column_letter(run[-1])}]",
                                       at(run[0]), code="intervals_register", params=params))
        if total_col is not None and (total := parse_number(at(total_col))) is not None \
                and abs(total - sums) > max(0.005 * abs(total), 0.5):
            cell = f"{column_letter(total_col)}{k + 1}"
            params = {"total": f"{total:,.6g}", "cell": cell, "computed": f"{sums:,.6g}"}
            it.problems.append(Problem("", coded_reason("intervals_total", **params), name, k + 1,
                                       f"{header[total_col]} [{column_letter(total_col)}]",
                                       at(total_col), code="intervals_total", params=params))
    first, last = header[run[0]], header[run[-1]]
    a0 = datetime.combine(date(2000, 1, 1), time()) + timedelta(minutes=starts[0])
    params = {"first": _shown(first), "last": _shown(last), "n": str(len(run)), "step": str(step),
              "start": a0.strftime("%H:%M"), "end": (a0 + timedelta(minutes=step)).strftime("%H:%M")}
    it.warnings.append(Problem("", coded_reason("intervals_read", **params), name, r + 1,
                               code="intervals_read", params=params))
    if blank:
        params = {"n": f"{blank:,}", "cell": first_blank}
        it.warnings.append(Problem("", coded_reason("intervals_blank", **params), name,
                                   code="intervals_blank", params=params))
    it.sheet = replace(sheet, rows=out, merged=None, hidden_rows=frozenset(), hidden_cols=frozenset())
    return it


def _register(figures: list[float]) -> bool:
    """A day's intervals that never fall, nearly all rise, and differ by far less than they are
    (120,000 … 120,235): a meter's register read each half-hour, not each interval's use. A flat
    load goes up and down; a rising one starts near what it adds."""
    if len(figures) < 24:
        return False
    steps = [b - a for a, b in zip(figures, figures[1:], strict=False)]
    lo, hi = figures[0], figures[-1]
    return (min(steps) >= 0 and sum(1 for d in steps if d > 0) >= 0.9 * len(steps)
            and lo > 20 * (hi - lo))


def _shown(v: object) -> str:
    if isinstance(v, time | datetime):
        return v.strftime("%H:%M")
    return str(v).strip()




def remap(plan, it: Intervals):
    """`plan` (of the long reading) with its problems, warnings and rows' provenance at the
    original sheet's cells, and the reading's own problems and notes added."""
    own = [replace(p, file=plan.file) for p in it.problems]
    notes = [replace(p, file=plan.file) for p in it.warnings]
    plan.problems = [_at_cell(p, it) for p in plan.problems] + own
    said = [p for p in plan.warnings if p.code != "timed_rows"]  # the note below says it
    plan.warnings = [_at_cell(p, it) for p in said] + notes
    plan.intervals = it
    for c in plan.columns:  # a unit stated by another column (Units [C]): named as in the sheet
        if c.unit_at and (m := COLUMN_LABEL.match(c.unit_at)):
            c.unit_at = column_label(it, column_index(m["l"]), m["h"])
    ps = plan.parsed
    if ps is not None:
        ps.row_numbers = [it.cells.get(n - 1, (n - 1, 0))[0] + 1 for n in ps.row_numbers]
        ps.problems = [_at_cell(p, it) for p in ps.problems] + own
        ps.warnings = [_at_cell(p, it) for p in ps.warnings if p.code != "timed_rows"] + notes
        ps._rows = None
    return plan


def _at_cell(p: Problem, it: Intervals) -> Problem:
    """A problem of the long reading at the original cell: the day's row; the hour's column
    for a figure, the dates' column for a period, the column itself for the others."""
    if p.row is None:
        return p
    cell = it.cells.get(p.row - 1)
    row = cell[0] + 1 if cell else p.row
    m = COLUMN_LABEL.match(p.column or "")
    if m is None:
        return replace(p, row=row)
    j = column_index(m["l"])
    c = cell[1] if (cell and j == it.measure_col) else it.columns.get(j)
    if c is None:
        return replace(p, row=row)
    head = it.original.rows[it.header_row - 1]
    text = _shown(head[c]) if c < len(head) and not is_blank(head[c]) else m["h"]
    return replace(p, row=row, column=f"{text} [{column_letter(c)}]")

