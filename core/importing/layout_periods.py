"""Periods in headers and titles: `2023年1月`, `Jan 2023`, `2023-01`, `2023Q1`, `1月` (a year given
elsewhere), and the year a title or an update stamp states. Part of core.importing.layout."""

from __future__ import annotations

import calendar
import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache

from greenledger.core.importing.layout_rows import is_note_text
from greenledger.core.importing.mapping import split_unit
from greenledger.core.importing.values import is_blank

MONTH_NAMES = {m.lower(): i for i, m in enumerate(calendar.month_abbr) if m}
MONTH_NAMES.update({m.lower(): i for i, m in enumerate(calendar.month_name) if m})


CN_DIGITS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
             "十": 10, "十一": 11, "十二": 12, "正": 1, "冬": 11, "腊": 12}


_Y = r"(?P<y>(?:19|20)\d{2})"


_YM = re.compile(_Y + r"\s*(?:年|[-/.])\s*(?P<m>\d{1,2})\s*月?(?:份)?$")


_MY = re.compile(r"^(?P<m>0?[1-9]|1[0-2])\s*[./]\s*" + _Y + r"$")
"""`01.2023`, `1/2023`: month then year, as SAP's calendar month (SPMON) and European reports
write it. Not `001.2023` (SAP's fiscal period, whose month depends on the fiscal year) and not
`01-2023` (a range's end)."""


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


_DAY = r"(?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?"
_RANGE = re.compile(r"^(?P<a>" + _DAY + r")\s*(?:-|–|—|~|～|至|到|to)\s*(?P<b>" + _DAY + r")$")
_DAY_PARTS = re.compile(r"((?:19|20)\d{2})\D+(\d{1,2})\D+(\d{1,2})")
"""A billing period written in one cell, year first on both sides (`2023.01.16-2023.02.15`,
`2023-01-16 ~ 2023-02-15`, `2023年1月16日至2023年2月15日`): its first and last day; with the
day and month in either order (`01/15/2023 - 02/13/2023`) only where one order alone fits."""


_DM = r"\d{1,2}\s*[/.]\s*\d{1,2}\s*[/.]\s*(?:19|20)\d{2}"
_DM_RANGE = re.compile(r"^(?P<a>" + _DM + r")\s*(?:-|–|—|~|～|to)\s*(?P<b>" + _DM + r")$")


def _dm_range(text: str) -> Period | None:
    """`01/15/2023 - 02/13/2023`: read only where one order (month first or day first) fits
    both its dates and the other does not (15 is no month); else None, refused as no period."""
    from greenledger.core.importing.dates import readings, to_date

    m = _DM_RANGE.match(text)
    if not m:
        return None
    a, b = (re.sub(r"\s+", "", m[k]) for k in ("a", "b"))
    ra, rb = readings(a), readings(b)
    if ra is None or rb is None:
        return None
    fits = [o for o, k in (("dmy", 0), ("mdy", 1)) if ra[k] and rb[k]]
    if len(fits) != 1:
        return None
    start, end = to_date(a, fits[0]), to_date(b, fits[0])
    return Period(start, end, "days") if start and end and start <= end else None


def _range(text: str) -> Period | None:
    m = _RANGE.match(text)
    if not m:
        return _dm_range(text)
    try:
        a, b = (date(*map(int, _DAY_PARTS.match(m[k]).groups())) for k in ("a", "b"))
    except (ValueError, AttributeError):
        return None
    return Period(a, b, "days") if a <= b else None


@dataclass(frozen=True, slots=True)
class Period:
    start: date
    end: date
    grain: str  # "month", "quarter", "year", or "days" (a range written in one cell)
    year_given: bool = True  # False when the year came from --period

    @property
    def label(self) -> str:
        if self.grain == "month":
            return f"{self.start.year:04d}-{self.start.month:02d}"
        if self.grain == "quarter":
            return f"{self.start.year:04d}Q{(self.start.month - 1) // 3 + 1}"
        if self.grain == "days":
            return f"{self.start.isoformat()} – {self.end.isoformat()}"
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

    Months: `2023年1月`, `2023-01`, `2023/1`, `2023.01`, `202301`, `01.2023`, `1/2023`,
    `Jan 2023`, `January 2023`, `Jan-23`, `2023 Jan`, a date cell (its month); quarters: `2023Q1`,
    `Q1 2023`, `2023年第一季度`;
    years: `2023`, `2023年`, `FY2023`; a range of days in one cell (`2023.01.16-2023.02.15`).
    Without a year (`1月`, `一月`, `Jan`, `Q1`, `第一季度`)
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
    if not text or len(text) > 40:
        return None
    if len(text) >= 16 and (p := _range(text)) is not None:
        return p
    if len(text) > 24:
        return None
    if m := _YM.match(text):
        return _month(int(m["y"]), int(m["m"]))
    if m := _YM_COMPACT.match(text):
        return _month(int(m["y"]), int(m["m"]))
    if m := _MY.match(text):
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


def cell_period(value: object, year: int | None) -> Period | None:
    """The period a header names (a range of days in one cell is a long sheet's value, not a
    period column's header)."""
    if isinstance(value, str):
        name, _ = split_unit(value)
        p = parse_period(name, year)
    else:
        p = parse_period(value, year)
    return None if p is not None and p.grain == "days" else p


def is_year_cell(value: object) -> bool:
    return (isinstance(value, int | float) and not isinstance(value, bool)
            and float(value).is_integer() and 1900 <= value <= 2100)


_STAMP = re.compile(r"更新|截至|截止|制表|填报|填表|打印|导出|编制|as of|updated|printed|"
                    r"generated|prepared|exported", re.IGNORECASE)


_FULL_DATE = re.compile(r"(?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?")


_TITLE_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)\s*(?:年|年度)?")


def year_in_titles(rows: list[list[object]]) -> tuple[int, str] | None:
    """The one year that titles and headers name without being a period of their own
    (`2023年各站点用电量`, `2023年` over `1月` … `12月`, `Energy use 2023`): the year of month
    headers that give none. None when none, or several, are named."""
    years: dict[int, str] = {}
    for r, row in enumerate(rows):
        if sum(1 for v in row if isinstance(v, int | float) and not isinstance(v, bool)
               and not is_year_cell(v)) >= 2:
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
