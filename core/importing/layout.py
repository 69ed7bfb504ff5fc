"""Finding where a sheet's table is: its header row(s), data block and the rows to ignore, and
whether it is wide (periods as columns).

Analysts' sheets put a title, a unit and blank rows above the header, split the header over two
rows with merged cells, end the data with totals and footnotes, and often give months as
columns (`2023年1月` … `2023年12月`, `Jan 2023`, `2023-01`, `1月`). Everything here works on the
plain cell values of core.importing.reader.SheetData; row and column indexes are 0-based.
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import lru_cache
from operator import itemgetter

from greenledger.core.fields import Kind, norm
from greenledger.core.i18n import QT_TRANSLATE_NOOP, translate
from greenledger.core.importing.codes import UnitFrom
from greenledger.core.importing.mapping import best_any_kind, is_unit, split_unit
from greenledger.core.importing.values import is_blank

HEADER_SCAN_ROWS = 30

# --- periods in headers ----------------------------------------------------------------------

MONTH_NAMES = {m.lower(): i for i, m in enumerate(calendar.month_abbr) if m}
MONTH_NAMES.update({m.lower(): i for i, m in enumerate(calendar.month_name) if m})
MONTH_NAMES["sept"] = 9
CN_DIGITS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
             "十": 10, "十一": 11, "十二": 12, "正": 1, "冬": 11, "腊": 12}
_Y = r"(?P<y>(?:19|20)\d{2})"
_YM = re.compile(_Y + r"\s*(?:年|[-/.])\s*(?P<m>\d{1,2})\s*月?(?:份)?$")
_YM_COMPACT = re.compile(_Y + r"(?P<m>0[1-9]|1[0-2])$")
_M_CN = re.compile(r"^(?P<m>\d{1,2}|[一二三四五六七八九十]{1,2}|正|冬|腊)\s*月(?:份)?$")
_Y_CN_M = re.compile(_Y + r"\s*年?\s*(?P<m>[一二三四五六七八九十]{1,2}|正|冬|腊)\s*月(?:份)?$")
_NAME_Y = re.compile(r"^(?P<name>[a-z]{3,9})\.?[\s\-'/,]*(?P<y>(?:19|20)?\d{2})$")
_Y_NAME = re.compile(_Y + r"[\s\-/,]*(?P<name>[a-z]{3,9})\.?$")
_NAME = re.compile(r"^(?P<name>[a-z]{3,9})\.?$")
_YEAR = re.compile(_Y + r"\s*(?:年|年度|fy)?$")
_FY = re.compile(r"^fy\s*(?P<y>(?:19|20)\d{2})$")
_Q_CN = "一二三四"
_YQ = re.compile(_Y + r"\s*(?:年|[-/\s])?\s*(?:q(?P<q1>[1-4])|第?(?P<q2>[1-4一二三四])\s*季度?)$")
_QY = re.compile(r"^q(?P<q>[1-4])[\s\-/,']*(?P<y>(?:19|20)?\d{2})$")
_Q = re.compile(r"^(?:q(?P<q1>[1-4])|第?(?P<q2>[1-4一二三四])\s*季度)$")


@dataclass(frozen=True, slots=True)
class Period:
    start: date
    end: date
    grain: str  # "month", "quarter" or "year"
    year_given: bool = True  # False when the year came from --period

    @property
    def label(self) -> str:
        if self.grain == "month":
            return f"{self.start.year:04d}-{self.start.month:02d}"
        if self.grain == "quarter":
            return f"{self.start.year:04d}Q{(self.start.month - 1) // 3 + 1}"
        return f"{self.start.year:04d}"


def _month(y: int, m: int, given: bool = True) -> Period | None:
    if not 1 <= m <= 12:
        return None
    return Period(date(y, m, 1), date(y, m, calendar.monthrange(y, m)[1]), "month", given)


def _quarter(y: int, q: int, given: bool = True) -> Period:
    start = date(y, 3 * q - 2, 1)
    end_m = 3 * q
    return Period(start, date(y, end_m, calendar.monthrange(y, end_m)[1]), "quarter", given)


def _year2(text: str) -> int:
    y = int(text)
    return y if y >= 1900 else 2000 + y


def parse_period(value: object, year: int | None = None) -> Period | None:
    """The period a header (or a cell of a month column) names, or None.

    Months: `2023年1月`, `2023-01`, `2023/1`, `2023.01`, `202301`, `Jan 2023`, `January 2023`,
    `Jan-23`, `2023 Jan`, a date cell (its month); quarters: `2023Q1`, `Q1 2023`, `2023年第一季度`;
    years: `2023`, `2023年`, `FY2023`. Without a year (`1月`, `一月`, `Jan`, `Q1`, `第一季度`)
    only when `year` is given."""
    if isinstance(value, bool) or is_blank(value):
        return None
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return _month(value.year, value.month)
    if isinstance(value, int | float):
        if float(value).is_integer() and 1900 <= value <= 2100:
            y = int(value)
            return Period(date(y, 1, 1), date(y, 12, 31), "year")
        if float(value).is_integer() and 190001 <= value <= 210012:  # 202301, as numbers
            return _month(int(value) // 100, int(value) % 100)
        if year is not None and float(value).is_integer() and 1 <= value <= 12:  # month 3
            return _month(year, int(value), given=False)
        return None
    return _parse_period_text(unicodedata.normalize("NFKC", str(value)).strip().lower(), year)


@lru_cache(maxsize=4096)
def _parse_period_text(text: str, year: int | None) -> Period | None:
    text = " ".join(text.split())
    if not text or len(text) > 24:
        return None
    if m := _YM.match(text):
        return _month(int(m["y"]), int(m["m"]))
    if m := _YM_COMPACT.match(text):
        return _month(int(m["y"]), int(m["m"]))
    if m := _Y_CN_M.match(text):
        return _month(int(m["y"]), CN_DIGITS[m["m"]])
    if (m := _NAME_Y.match(text)) and m["name"] in MONTH_NAMES:
        return _month(_year2(m["y"]), MONTH_NAMES[m["name"]])
    if (m := _Y_NAME.match(text)) and m["name"] in MONTH_NAMES:
        return _month(int(m["y"]), MONTH_NAMES[m["name"]])
    if m := _YQ.match(text):
        q = m["q1"] or m["q2"]
        return _quarter(int(m["y"]), int(q) if q.isdigit() else _Q_CN.index(q) + 1)
    if m := _QY.match(text):
        return _quarter(_year2(m["y"]), int(m["q"]))
    if m := (_YEAR.match(text) or _FY.match(text)):
        y = int(m["y"])
        return Period(date(y, 1, 1), date(y, 12, 31), "year")
    if year is None:
        return None
    if m := _M_CN.match(text):
        month = int(m["m"]) if m["m"].isdigit() else CN_DIGITS.get(m["m"], 0)
        return _month(year, month, given=False)
    if (m := _NAME.match(text)) and m["name"] in MONTH_NAMES:
        return _month(year, MONTH_NAMES[m["name"]], given=False)
    if m := _Q.match(text):
        q = m["q1"] or m["q2"]
        return _quarter(year, int(q) if q.isdigit() else _Q_CN.index(q) + 1, given=False)
    return None


# --- rows to ignore --------------------------------------------------------------------------

TOTAL_PREFIX = re.compile(r"^\s*(?:grand\s*|sub\s*-?\s*)?totals?\b|^\s*(?:合计|合計|总计|總計|"
                          r"小计|小計|总和|汇总|累计)|(?:合计|合計|总计|總計|小计|小計|汇总|彙總)\s*[:：]?\s*$|"
                          r"\s(?:grand\s*|sub\s*-?\s*)?totals?\s*[:：]?\s*$",
                          re.IGNORECASE)
NOTE_PREFIX = re.compile(r"^\s*(?:[*※#†]|\(?注\s*\d*\s*[:：.、)）]?|备注\s*[:：]|说明\s*[:：]|"
                         r"数据来源|资料来源|来源\s*[:：]|notes?\s*\d*\s*[:：.]|sources?\s*[:：]|"
                         r"remarks?\s*[:：]|n\.?b\.?\s*[:：])", re.IGNORECASE)


def is_total_text(value: object) -> bool:
    """`合计`, `小计`, `总计`, `Total`, `Subtotal`, `Grand total`, `合计：`, `Zhangbei 小计` ..."""
    return isinstance(value, str) and bool(TOTAL_PREFIX.search(unicodedata.normalize(
        "NFKC", value)))


def is_note_text(value: object) -> bool:
    """`注：…`, `注1.`, `Note: …`, `Source: …`, `数据来源…`, `* …`."""
    return isinstance(value, str) and bool(NOTE_PREFIX.match(unicodedata.normalize(
        "NFKC", value)))


def _filled(cells: list[object]) -> list[object]:
    return [c for c in cells if not is_blank(c)]


def row_kind(cells: list[object]) -> str | None:
    """Why a row is not data: "blank", "total" (a totals/subtotals row), "note" (a footnote),
    or None."""
    filled = _filled(cells)
    if not filled:
        return "blank"
    texts = [c for c in filled[:4] if isinstance(c, str)]
    if any(is_total_text(t) for t in texts):
        return "total"
    if len(filled) <= 2 and isinstance(filled[0], str) and is_note_text(filled[0]):
        return "note"
    return None


IGNORED_REASONS = {
    "title": QT_TRANSLATE_NOOP("Layout", "title above the header"),
    "blank": QT_TRANSLATE_NOOP("Layout", "blank row"),
    "note": QT_TRANSLATE_NOOP("Layout", "footnote or note"),
    "total": QT_TRANSLATE_NOOP("Layout", "totals or subtotals row"),
    "units": QT_TRANSLATE_NOOP("Layout", "row of units under the header"),
    "above": QT_TRANSLATE_NOOP("Layout", "above the header"),
    "after_note": QT_TRANSLATE_NOOP("Layout", "after a footnote (end of the table)"),
    "no values": QT_TRANSLATE_NOOP("Layout", "no values in the period columns"),
    "hidden": QT_TRANSLATE_NOOP("Layout", "hidden in Excel (skipped as asked)"),
    "next_table": QT_TRANSLATE_NOOP("Layout", "another table of the sheet (below this one)"),
}


@dataclass(frozen=True, slots=True)
class IgnoredRow:
    row: int  # the row number Excel shows
    code: str
    text: str = ""

    @property
    def reason(self) -> str:
        return IGNORED_REASONS.get(self.code, self.code)

    @property
    def reason_text(self) -> str:
        """The reason in the app's language (core.i18n)."""
        return translate("Layout", self.reason)

    def __str__(self) -> str:
        shown = f" ({self.text[:40]!r})" if self.text else ""
        return f"row {self.row}: {self.reason}{shown}"


# --- header cells ----------------------------------------------------------------------------


@dataclass(slots=True)
class HeaderCell:
    """One column's header: `upper` and `lower` are the texts of a two-row header (the upper
    filled rightwards across merged cells), `text` what is matched; `period` set for a wide
    layout's period column, whose measure/unit come from `upper` or the title."""

    index: int
    text: str
    upper: str = ""
    lower: str = ""
    period: Period | None = None
    unit: str | None = None


@dataclass(slots=True)
class Layout:
    header_rows: list[int]  # 0-based indexes of the header row(s)
    first_data: int  # 0-based index of the first data row
    end: int  # 0-based index past the last data row
    cells: list[HeaderCell]
    ignored: list[IgnoredRow] = field(default_factory=list)
    unit_hints: list[tuple[str, UnitFrom, str]] = field(default_factory=list)  # (unit, where, at)
    units_row: dict[int, str] = field(default_factory=dict)  # column -> unit of a units row
    money_hints: list[tuple[str, str, str]] = field(default_factory=list)  # (word, where, text)
    hidden_cols: frozenset[int] = frozenset()  # 0-based columns hidden in Excel
    year: int | None = None  # the year of month headers without one, named in a title
    year_from: str | None = None  # where: "row 1"
    campaign_dates: list = field(default_factory=list)  # see core.importing.campaign_dates

    @property
    def wide(self) -> bool:
        """Periods as columns: two or more period headers, or one where no other column
        gives a period (a single month's sheet)."""
        n = sum(1 for c in self.cells if c.period is not None)
        if n != 1:
            return n >= 2
        return not any(_gives_period(c.text) for c in self.cells if c.period is None)

    @property
    def header_row_numbers(self) -> list[int]:
        return [r + 1 for r in self.header_rows]

    @property
    def data_rows(self) -> tuple[int, int]:
        """First and last data row as Excel numbers."""
        return self.first_data + 1, self.end

    def describe(self) -> str:
        rows = self.header_row_numbers
        head = (f"header row {rows[0]}" if len(rows) == 1
                else f"header rows {rows[0]}–{rows[-1]} (joined)")
        first, last = self.data_rows
        return f"{head}; data rows {first}–{last}; {'wide' if self.wide else 'long'}"


def _gives_period(text: str) -> bool:
    from greenledger.core.importing.mapping import PERIOD, match_header

    return any(m.field in ("period_start", "period_end", PERIOD) and m.confidence >= 0.95
               for m in match_header(text, Kind.ENERGY))


def _text(value: object) -> str:
    if is_blank(value):
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, datetime):
        value = value.date()
    return unicodedata.normalize("NFKC", str(value)).strip()


@lru_cache(maxsize=8192)
def _header_conf(text: str, extra: frozenset[str]) -> float:
    if norm(text) in extra:
        return 1.0
    return best_any_kind(text)


def _cell_period(value: object, year: int | None) -> Period | None:
    if isinstance(value, str):
        name, _ = split_unit(value)
        return parse_period(name, year)
    return parse_period(value, year)


def _is_year_cell(value: object) -> bool:
    return (isinstance(value, int | float) and not isinstance(value, bool)
            and float(value).is_integer() and 1900 <= value <= 2100)


def _single_cells(cells: list[object], year: int | None) -> list[HeaderCell]:
    out = []
    for i, c in enumerate(cells):
        text = _text(c)
        if not text:
            continue
        p = _cell_period(c, year)
        out.append(HeaderCell(i, text, period=p, unit=split_unit(text)[1]))
    return out


def _joined_cells(upper: list[object], lower: list[object], year: int | None,
                  spans: list[tuple[int, int]] | None = None) -> list[HeaderCell]:
    """Header cells of a two-row header. An upper cell covers the sub-headers under it: the
    columns of its merged range where the upper row has merged cells (`spans`, first and last
    column), else the blank upper cells to its right over filled lower cells (a sheet saved as
    CSV or without merges)."""
    width = max(len(upper), len(lower))
    up = [_text(upper[i]) if i < len(upper) else "" for i in range(width)]
    up = ["" if _UNIT_NOTE.search(t) else t for t in up]  # 单位：万千瓦时 is a hint (see below)
    low = [_text(lower[i]) if i < len(lower) else "" for i in range(width)]
    filled = list(up)
    if spans:
        for c0, c1 in spans:
            for j in range(c0 + 1, min(c1, width - 1) + 1):
                if c0 < width and not filled[j]:
                    filled[j] = up[c0]
    else:
        for j in range(1, width):
            if not filled[j] and low[j] and filled[j - 1] and low[j - 1] \
                    and not _UNIT_NOTE.search(filled[j - 1]):
                filled[j] = filled[j - 1]
    out = []
    for i in range(width):
        u, lo = filled[i], low[i]
        if not u and not lo:
            continue
        if u and lo:
            p = _cell_period(lower[i], year) if i < len(lower) else None
            if p is None or not p.year_given:
                p = parse_period(f"{split_unit(u)[0]} {split_unit(lo)[0]}", year) or p
            if p is not None:
                out.append(HeaderCell(i, f"{u} {lo}", u, lo, p,
                                      split_unit(lo)[1] or split_unit(u)[1]))
            elif is_unit(lo) or is_unit(lo.strip("()（）[]【】")):
                out.append(HeaderCell(i, f"{u} ({lo.strip('()（）[]【】')})", u, lo,
                                      unit=lo.strip("()（）[]【】")))
            else:
                unit = split_unit(lo)[1] or split_unit(u)[1]
                out.append(HeaderCell(i, f"{split_unit(u)[0]} {lo}" if split_unit(lo)[1]
                                      else f"{u} {lo}", u, lo, unit=unit))
        else:
            text = u or lo
            src = upper[i] if u else lower[i]
            out.append(HeaderCell(i, text, u, lo, _cell_period(src, year), split_unit(text)[1]))
    return out


def _score(cells: list[HeaderCell], raw: list[object], extra: frozenset[str]) -> float:
    score = 0.0
    periods = [c for c in cells if c.period is not None]
    measures: set[str] = set()
    for c in cells:
        if c.period is None:
            score += _header_conf(c.text, extra)
        elif c.upper and c.upper != c.text:
            measures.add(c.upper)
    if len(periods) >= 2:
        score += 1.5 + max((_header_conf(m, extra) for m in measures), default=0.0)
    numbers = sum(1 for v in raw if isinstance(v, int | float) and not isinstance(v, bool)
                  and not _is_year_cell(v))
    numbers += sum(1 for v in raw if isinstance(v, str) and _looks_numeric(v))
    return score - 0.5 * numbers


_NUMERIC_TEXT = re.compile(r"^[+-]?[\d,. ]*\d%?$")


def _looks_numeric(text: str) -> bool:
    t = text.strip()
    return bool(_NUMERIC_TEXT.match(t)) and not (len(t) == 4 and t.isdigit()
                                                 and 1900 <= int(t) <= 2100)


_STAMP = re.compile(r"更新|截至|截止|制表|填报|填表|打印|导出|编制|as of|updated|printed|"
                    r"generated|prepared|exported", re.IGNORECASE)
_FULL_DATE = re.compile(r"(?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?")
_TITLE_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)\s*(?:年|年度)?")


def _title_year(rows: list[list[object]]) -> tuple[int, str] | None:
    """The one year that titles and headers name without being a period of their own
    (`2023年各站点用电量`, `2023年` over `1月` … `12月`, `Energy use 2023`): the year of month
    headers that give none. None when none, or several, are named."""
    years: dict[int, str] = {}
    for r, row in enumerate(rows):
        if sum(1 for v in row if isinstance(v, int | float) and not isinstance(v, bool)
               and not _is_year_cell(v)) >= 2:
            break  # the data has begun (its `6.18 2021` is no title)
        for v in row:
            if not isinstance(v, str) or not v.strip() or is_note_text(v) \
                    or _STAMP.search(v):
                continue  # 注：…, 更新于2024年3月, Last updated 15 March 2024
            text = _FULL_DATE.sub(" ", unicodedata.normalize("NFKC", v))
            if (p := parse_period(text)) is not None and p.grain != "year":
                continue  # a month or quarter of its own (2023年1月)
            for m in _TITLE_YEAR.finditer(text):
                years.setdefault(int(m.group(1)), f"row {r + 1}")
    return next(iter(years.items())) if len(years) == 1 else None


def _row_spans(merged: list | None, r: int) -> list[tuple[int, int]] | None:
    """Column spans of the cells merged across row `r` (None when the format does not say)."""
    if merged is None:
        return None
    return [(c0, c1) for (r0, c0), (r1, c1) in merged if r0 <= r <= r1 and c1 > c0]


def _upper_header(upper: list[object], lower: list[object]) -> bool:
    """Whether `upper` can be the upper row of a two-row header over `lower`: not a title
    (one cell at or left of the table's first column) nor a line of units or notes
    (`单位：万千瓦时`), which state a unit for the whole table."""
    cells = [(i, _text(v)) for i, v in enumerate(upper) if not is_blank(v)]
    if not cells:
        return False
    first_lower = next((i for i, v in enumerate(lower) if not is_blank(v)), 0)
    if len(cells) == 1 and cells[0][0] <= first_lower:
        return False
    return not all(_UNIT_NOTE.search(t) or is_note_text(t) for _, t in cells)


def detect_layout(rows: list[list[object]], *, year: int | None = None,
                  header_rows: list[int] | None = None,
                  extra_headers: frozenset[str] = frozenset(),
                  merged: list | None = None, title_year: bool = True) -> Layout | None:
    """The layout of a sheet's rows, or None when no row looks like a header.

    `header_rows` (0-based) forces the header; `extra_headers` (normal forms) are headers the
    user mapped explicitly, which count as known headers; `year` completes month headers that
    have none (`1月`, `Jan`), else the one year the titles above the header (or the header's
    upper row) name (`title_year`); `merged` is the sheet's merged ranges (SheetData.merged)."""
    scan = rows[:HEADER_SCAN_ROWS]
    year_from = None
    if year is None and title_year and (found := _title_year(scan)):  # a first guess, to
        year, year_from = found  # find the header; checked against its titles only below
    if header_rows:
        hr = sorted(header_rows)
        if hr[-1] >= len(rows):
            return None
        cells = (_single_cells(rows[hr[0]], year) if len(hr) == 1
                 else _joined_cells(rows[hr[0]], rows[hr[-1]], year, _row_spans(merged, hr[0])))
    else:
        best: tuple[float, list[int], list[HeaderCell]] | None = None
        for r, raw in enumerate(scan):
            if not _filled(raw):
                continue
            cells = _single_cells(raw, year)
            s = _score(cells, raw, extra_headers)
            if best is None or s > best[0]:
                best = (s, [r], cells)
        if best is None or best[0] < 1.5:
            return None
        score, hr, cells = best
        r = hr[0]
        for pair in ((r, r + 1), (r - 1, r)):
            if pair[0] < 0 or pair[1] >= len(rows) or not _filled(rows[pair[1]]) \
                    or not _upper_header(rows[pair[0]], rows[pair[1]]):
                continue
            joined = _joined_cells(rows[pair[0]], rows[pair[1]], year,
                                   _row_spans(merged, pair[0]))
            s = _score(joined, rows[pair[0]] + rows[pair[1]], extra_headers)
            if s > score + 0.25:
                score, hr, cells = s, list(pair), joined
    if year_from is not None:  # only titles above the header, and its upper row, say a year
        strict = _title_year(rows[:hr[0]] + ([rows[hr[0]]] if len(hr) > 1 else []))
        if strict != (year, year_from):
            again = detect_layout(rows, year=strict[0] if strict else None, header_rows=hr,
                                  extra_headers=extra_headers, merged=merged, title_year=False)
            if again is not None and strict and any(
                    c.period is not None and not c.period.year_given for c in again.cells):
                again.year, again.year_from = strict
            return again
    layout = Layout(hr, hr[-1] + 1, len(rows), [])
    if year_from is not None and any(c.period is not None and not c.period.year_given
                                     for c in cells):
        layout.year, layout.year_from = year, year_from
    _above(rows, layout)
    if len(hr) > 1:  # a 单位 note in the upper header row states the table's unit
        for v in rows[hr[0]]:
            if isinstance(v, str) and _UNIT_NOTE.search(v) and (unit := unit_in_text(v)):
                layout.unit_hints.append((unit, UnitFrom.ROW, str(hr[0] + 1)))
    _header_units(layout, cells, rows)
    _units_row(rows, layout)
    _block_end(rows, layout)
    return layout


_UNIT_NOTE = re.compile(r"(?:单位|unit|units)\s*[:：]\s*(?P<unit>[^\s,，;；)）]+)", re.IGNORECASE)


_TOKENS = re.compile(r"[\s,，;；:：()（）\[\]【】/、]+")


def states_unit_of(text: str, dimension: str) -> bool:
    """Whether `text` (a title) states a unit of `dimension` anywhere: `元旦用电量（万千瓦时）`."""
    from greenledger.core.importing.mapping import unit_dimension

    return any(unit_dimension(t) == dimension for t in _TOKENS.split(
        unicodedata.normalize("NFKC", text)) if t)


def unit_in_text(text: str) -> str | None:
    """A unit stated in a title or note: `…用电量（万千瓦时）`, `单位：MWh`, `(Unit: kWh)`, `MWh`."""
    text = unicodedata.normalize("NFKC", text).strip()
    if (m := _UNIT_NOTE.search(text)) and is_unit(m["unit"]):
        return m["unit"]
    _, unit = split_unit(text)
    if unit and is_unit(unit):
        return unit
    bare = text.strip("()[]【】 ")
    if is_unit(bare):
        return bare
    # a unit among other words: `（万千瓦时，不含电费）`, `Energy 2023, MWh, by site`
    return next((t for t in _TOKENS.split(text) if len(t) >= 2 and is_unit(t)), None)


# 元 as a unit (万元, （元）, 单位：元, 元/kWh), not inside a word (元旦, 三元里, 元器件, 多元化)
_MONEY = re.compile(r"[万千亿百]元|(?<![\u4e00-\u9fff])元(?![\u4e00-\u9fff])|人民币|美元|欧元|英镑|"
                    r"电费|费用|金额|价格|单价|[$¥€£]|\b(?:cny|rmb|usd|eur|gbp|costs?|prices?|"
                    r"spend(?:ing)?|expenses?|tariffs?)\b", re.IGNORECASE)


def money_in_text(text: object) -> str | None:
    """The word or currency that makes a header or title about money, not a quantity
    (`电费（万元）`, `Electricity cost (CNY)`, `金额`), or None."""
    if not isinstance(text, str) or not text:
        return None
    m = _MONEY.search(unicodedata.normalize("NFKC", text))
    return m.group(0) if m else None


def _above(rows: list[list[object]], layout: Layout) -> None:
    """Classify the rows above the header; collect units stated in titles."""
    for r in range(layout.header_rows[0]):
        filled = _filled(rows[r])
        if not filled:
            layout.ignored.append(IgnoredRow(r + 1, "blank"))
            continue
        first = _text(filled[0])
        code = "note" if is_note_text(first) else "title" if len(filled) <= 2 else "above"
        layout.ignored.append(IgnoredRow(r + 1, code, first))
        for c in filled:
            if isinstance(c, str) and (unit := unit_in_text(c)):
                layout.unit_hints.append((unit, UnitFrom.ROW, str(r + 1)))
            if code != "note" and (money := money_in_text(c)):  # not 数据来源：国网电费账单
                layout.money_hints.append((money, f"row {r + 1}", _text(c)))


def _header_units(layout: Layout, cells: list[HeaderCell], rows: list[list[object]]) -> None:
    """Header cells that only state a unit (`单位：万千瓦时`, `(MWh)`) over an empty column are
    hints, not columns; over a column of values (`万千瓦时`, `度`) they are that column's
    header, naming its unit."""
    keep = []
    below = rows[layout.first_data:layout.first_data + 30]
    wide = sum(1 for c in cells if c.period is not None) >= 2  # beside months: the months' unit
    for c in cells:
        bare = c.text.strip("()[]【】（） ")
        over_values = not wide and not _UNIT_NOTE.fullmatch(c.text.strip()) and any(
            c.index < len(r) and not is_blank(r[c.index]) for r in below)
        if c.period is None and (_UNIT_NOTE.fullmatch(c.text.strip()) or is_unit(bare)) \
                and not best_any_kind(c.text) >= 1.0 and not over_values:
            unit = unit_in_text(c.text)
            if unit:
                layout.unit_hints.append((unit, UnitFrom.HEADER_CELL, c.text))
                continue
        keep.append(c)
    layout.cells = keep


UNIT_LABELS = {"单位", "计量单位", "unit", "units", "uom"}


def _money_unit(text: str) -> bool:
    """`元`, `万元`, `(CNY)`: a currency standing as a unit."""
    bare = unicodedata.normalize("NFKC", text).strip("()（）[]【】 ").lower()
    return bool(re.fullmatch(r"[万千亿百]?元|cny|rmb|usd|eur|gbp|[$¥€£]|人民币|美元|欧元", bare))


def _units_row(rows: list[list[object]], layout: Layout) -> None:
    """A row right under the header holding only units (`kWh`, `MWh`, `t`) gives per-column
    units."""
    r = layout.first_data
    if r >= len(rows):
        return
    filled = [(i, _text(v)) for i, v in enumerate(rows[r]) if not is_blank(v)]
    units = {i: t.strip("()（）[]") for i, t in filled if isinstance(rows[r][i], str)
             and is_unit(t.strip("()（）[]"))}
    # beside the units: the row's label (单位, Unit) and currencies under cost columns
    others = [t for i, t in filled if i not in units]
    if units and all(isinstance(t, str) and (norm(t) in UNIT_LABELS or _money_unit(t))
                     for t in others):
        layout.units_row = units
        layout.ignored.append(IgnoredRow(r + 1, "units"))
        layout.first_data = r + 1


def _block_end(rows: list[list[object]], layout: Layout) -> None:
    """End the data block before trailing blank/total/note rows and at the first footnote."""
    first = layout.first_data
    cols = [c.index for c in layout.cells]
    lead = min(cols) if cols else 0
    # the first footnote in the table's leftmost column ends the block
    try:  # at C speed
        col = list(map(itemgetter(lead), rows[first:]))
    except IndexError:
        col = [r[lead] if lead < len(r) else "" for r in rows[first:]]
    distinct = set(col)
    notes = {v for v in distinct if isinstance(v, str) and v.strip() and is_note_text(v)}
    end = len(rows)
    if notes:
        for i, v in enumerate(col):
            if v in notes and len(_filled(rows[first + i])) <= 2:
                end = first + i
                layout.ignored.append(IgnoredRow(end + 1, "note", _text(v)))
                for r in range(end + 1, len(rows)):
                    if _filled(rows[r]):
                        layout.ignored.append(IgnoredRow(r + 1, "after_note",
                                                         _text(_filled(rows[r])[0])))
                break
    if any(is_blank(v) for v in distinct):  # a blank row may end the table before another
        end = _next_table(rows, first, end, col, layout)
    tail = []
    while end > first:
        kind = row_kind(rows[end - 1])
        if kind is None:
            break
        end -= 1
        if kind != "blank":
            tail.append(IgnoredRow(end + 1, kind, _text(_filled(rows[end])[0])))
    layout.ignored += reversed(tail)
    layout.end = end


def _known_headers(cells: list[object]) -> int:
    return sum(1 for v in cells if isinstance(v, str) and v.strip() and best_any_kind(v) >= 0.9)


def _next_table(rows: list[list[object]], first: int, end: int, col: list[object],
                layout: Layout) -> int:
    """End the block at blank rows followed (within 3 rows) by another table's header: a sheet
    holding Sites above Energy, or two tables stacked (see core.importing.tables)."""
    cols = [c.index for c in layout.cells]
    c0, c1 = min(cols), max(cols)
    for i in range(first, end):
        if not is_blank(col[i - first]) or _filled(rows[i][c0:c1 + 1]):
            continue
        k = i
        while k < end and not _filled(rows[k][c0:c1 + 1]):
            k += 1
        nxt = next((j for j in range(k, min(k + 3, end)) if _known_headers(rows[j][c0:c1 + 1]) >= 2),
                   None)
        if nxt is not None:
            for j in range(k, len(rows)):
                if _filled(rows[j]):
                    layout.ignored.append(IgnoredRow(j + 1, "next_table", _text(_filled(rows[j])[0])))
            return i
    return end

