"""Turning cell values into field values: numbers, dates, years, choices, text.

Each parser returns the value (None for a blank cell) or raises CellError with the reason.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from datetime import date, datetime, timedelta

from greenledger.core.fields import CHOICE_SYNONYMS, Field, FieldType, norm
from greenledger.core.i18n import QT_TRANSLATE_NOOP


class CellError(ValueError):
    """A cell value that does not fit its field; `code` names the reason for translation."""

    def __init__(self, reason: str, code: str = "invalid", **params) -> None:
        super().__init__(reason)
        self.reason = reason
        self.code = code
        self.params = params  # the values of core.errors.REASON_TEMPLATES[code], if it has one


_EXCEL_EPOCH = date(1899, 12, 30)
SERIAL_FIRST, SERIAL_LAST = 32874, 73415
"""Excel date serials read as dates: 1990-01-01 to 2100-12-31 (a bare 2023 is a year, not
1905-07-15)."""
_NUMBER_CLEAN = str.maketrans("", "", "  '")
_NUMBER = re.compile(r"^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$")
_GROUPED = re.compile(r"^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$")
_DECIMAL_COMMA = re.compile(r"^[+-]?(\d{1,3}(\.\d{3})+|\d+),\d+$")
_DOT_GROUPED = re.compile(r"^[+-]?\d{1,3}(\.\d{3})+$")
_PLAIN_COMMA = re.compile(r"^[+-]?\d*,\d+$")
_YEAR_PART = re.compile(r"^(19|20)\d\d$")
_DATE_TEXT = re.compile(r"^\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?\s*$")
_DATE_TIME_TEXT = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})[T ][\d:.]+\s*$")
TOTAL_WORDS = {"total", "totals", "grandtotal", "subtotal", "sum", "合计", "总计", "小计", "总和",
               "合計", "總計"}


def is_blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def parse_text(value: object) -> str | None:
    if is_blank(value):
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, datetime | date):
        return value.isoformat()
    return unicodedata.normalize("NFKC", str(value)).strip()


def parse_number(value: object, *, percent: bool = False, style: str | None = None) -> float | None:
    """A number from a numeric cell or text such as `1,234.5`, `1 234`, `1.234,5`, `0,3`, and
    `30%` in a percent field (`percent`; elsewhere a percentage is refused).

    `style` is the decimal mark of the cell's column ("point" or "comma", see decimal_style):
    it settles cells that read either way (`2.500`, `1,234`). Without it a comma is a
    thousands separator where it groups digits in threes (`1,234,567`), else a decimal comma
    (`1234,5`, `1.234,5`); anything else is refused rather than guessed."""
    if is_blank(value):
        return None
    if isinstance(value, bool):
        raise CellError("a true/false value where a number is needed", "not_number")
    if isinstance(value, int | float):
        number = float(value)
    elif isinstance(value, datetime | date):
        raise CellError("a date where a number is needed", "not_number")
    else:
        text = unicodedata.normalize("NFKC", str(value)).strip()
        if text.startswith("#"):
            raise CellError(f"an Excel error value ({text}) where a number is needed",
                            "excel_error", value=text)
        if text.endswith("%") and not percent:
            raise CellError("a percentage where a quantity is needed", "percent_not_allowed")
        number = _number_text(text.rstrip("%").translate(_NUMBER_CLEAN), style)
    if math.isnan(number) or math.isinf(number):
        raise CellError("not a finite number", "not_finite")
    return number


def _number_text(text: str, style: str | None = None) -> float:
    if style == "comma" and ("," in text or "." in text):
        if _DECIMAL_COMMA.match(text) or _DOT_GROUPED.match(text) or _PLAIN_COMMA.match(text):
            text = text.replace(".", "").replace(",", ".")
    elif style == "point" and "," in text:
        if _GROUPED.match(text):
            text = text.replace(",", "")
    elif _GROUPED.match(text):
        text = text.replace(",", "")
    elif _DECIMAL_COMMA.match(text):
        text = text.replace(".", "").replace(",", ".")
    if not _NUMBER.match(text):
        if text.lower().lstrip("+-") in ("inf", "infinity", "nan"):
            raise CellError("not a finite number", "not_finite")
        raise CellError("not a number", "not_number")
    return float(text)


def _style_of(text: str) -> str | None:
    """The decimal mark a number written as text shows: "point" (`1,234.5`, `2.5`,
    `1,234,567`), "comma" (`1.234,5`, `2,5`, `1.234.567`), "either" where it reads both ways
    (`2.500`, `1,234`), or None (no mark, or not a number)."""
    t = unicodedata.normalize("NFKC", text).strip().rstrip("%").translate(_NUMBER_CLEAN)
    t = t.lstrip("+-")
    if not t or not (t[0].isdigit() or t[0] in ",."):
        return None
    dot, comma = t.rfind("."), t.rfind(",")
    if dot >= 0 and comma >= 0:
        return "point" if dot > comma else "comma"
    mark = "." if dot >= 0 else "," if comma >= 0 else None
    if mark is None:
        return None
    parts = t.split(mark)
    if not all(p.isdigit() for p in parts[1:]) or not parts[0].isdigit():
        return None
    if len(parts) > 2:  # 1,234,567 or 1.234.567: a thousands separator
        if not (len(parts[0]) <= 3 and all(len(p) == 3 for p in parts[1:])):
            return None  # 16.01.2023, 1.2.3: not a number
        return "point" if mark == "," else "comma"
    if _YEAR_PART.match(parts[0]) and len(parts[1]) <= 2 or \
            _YEAR_PART.match(parts[1]) and len(parts[0]) <= 2:
        return None  # 2023.01, 01.2023: a month, not a number
    if len(parts[1]) == 3 and len(parts[0]) <= 3 and parts[0] != "0":
        return "either"
    return "point" if mark == "." else "comma"


def sheet_decimal_mark(rows: Iterable[Sequence[object]]) -> str | None:
    """The decimal mark that a sheet's numbers written as text show in all its columns, where
    they agree: "comma" for a bill whose amounts read `16.391,40` (so its `48.210` kWh are
    48,210), "point" for `1,234.5` or `2.5`; None where no text shows a mark or the sheet writes
    both. Dates and months (`16.01.2023`, `2023.01`) are not numbers and say nothing."""
    seen: set[str] = set()
    marks: set[str] = set()
    for row in rows:
        for v in row:
            if type(v) is str and v not in seen and ("," in v or "." in v):
                seen.add(v)
                s = _style_of(v)
                if s in ("point", "comma"):
                    marks.add(s)
                    if len(marks) > 1:
                        return None
    return marks.pop() if marks else None


def decimal_style(values: list[object], sheet_mark: str | None = None
                  ) -> tuple[str | None, set[str]]:
    """The decimal mark of a column of numbers written as text, and the texts that cannot be
    read because the column uses both marks.

    A column that writes `1.234,5` reads its `2.500` as 2500; one that writes `1,234.5` or
    `2.5` reads it as 2.5; a column that writes both refuses every text whose reading depends
    on the mark rather than guessing. A column whose texts all read both ways (`2.500`,
    `1,234`) takes `sheet_mark`, the mark the rest of its sheet shows (sheet_decimal_mark)."""
    styles: dict[str, str] = {}
    for v in values:
        if type(v) is str and v not in styles and ("," in v or "." in v):
            s = _style_of(v)
            if s is not None:
                styles[v] = s
    marks = set(styles.values()) - {"either"}
    if len(marks) <= 1:
        return (marks.pop() if marks else sheet_mark), set()
    return None, set(styles)


def reads_two_ways(values: list[object], sheet_mark: str | None = None) -> list[str]:
    """The texts of a column that read two ways when nothing else in it or its sheet settles
    the decimal mark (`1.234` and `5.678` only: 1.234 or 1234?). They are read with a decimal
    point (and `1,234` as 1234); the caller says so."""
    style, mixed = decimal_style(values, sheet_mark)
    if style is not None or mixed:
        return []
    return sorted({v for v in values if type(v) is str and ("," in v or "." in v)
                   and _style_of(v) == "either"})


MIXED_DECIMALS = ("this column writes numbers both with a decimal point (1,234.5) and with a "
                  "decimal comma (1.234,5); write them one way")  # core.errors.FIXED_REASONS


def parse_date(value: object) -> date | None:
    """A date from a date cell, an Excel serial number, or text: 2021-06-18, 2021/6/18,
    2021.6.18, 2021年6月18日."""
    if is_blank(value):
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, bool):
        raise CellError("a true/false value where a date is needed", "not_date")
    if isinstance(value, int | float):
        if SERIAL_FIRST <= value <= SERIAL_LAST and float(value).is_integer():
            return _EXCEL_EPOCH + timedelta(days=int(value))
        raise CellError("a number that is not a date (dates are 1990 to 2100)", "not_date")
    text = unicodedata.normalize("NFKC", str(value)).strip()
    m = _DATE_TEXT.match(text) or _DATE_TIME_TEXT.match(text)
    if not m:
        raise CellError("not a date (use 2021-06-18, 2021/6/18 or 2021年6月18日)", "not_date")
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        raise CellError("not a valid calendar date", "not_date") from None


_TIMESTAMP_TEXT = re.compile(
    r"^\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?\s*[T ]\s*"
    r"(\d{1,2})\s*[:：时]\s*(\d{2})\s*分?(?:\s*[:：]?\s*(\d{2})(?:\.\d+)?\s*秒?)?\s*$")


def parse_timestamp(value: object) -> date | datetime | None:
    """parse_date keeping a time of day (hourly meter rows, issue 15): a datetime cell, an Excel
    serial with a fraction of a day, or text such as 2023-01-01 13:00, 2023/1/1 13:00:00 or
    2023年1月1日 13时00分 give a datetime (to the second; a time at 00:00 included); a date
    without a time gives a date, as parse_date. Which rows are timed is decided from both bounds
    (core.importing.dates.as_bounds), not here."""
    if isinstance(value, datetime):
        return value.replace(microsecond=0)
    if isinstance(value, int | float) and not isinstance(value, bool) \
            and SERIAL_FIRST <= value <= SERIAL_LAST and not float(value).is_integer():
        seconds = round((float(value) - int(value)) * 86400)
        return datetime.combine(_EXCEL_EPOCH + timedelta(days=int(value)), datetime.min.time()) \
            + timedelta(seconds=seconds)
    if isinstance(value, str):
        m = _TIMESTAMP_TEXT.match(unicodedata.normalize("NFKC", value))
        if m:
            y, mo, d, h, mi, sec = (int(g) if g else 0 for g in m.groups())
            try:
                if (h, mi, sec) == (24, 0, 0):  # 24:00, the end of a day
                    return datetime(y, mo, d) + timedelta(days=1)
                return datetime(y, mo, d, h, mi, sec)
            except ValueError:
                raise CellError("not a valid date and time", "not_date") from None
    return parse_date(value)


def parse_year(value: object) -> int | None:
    if is_blank(value):
        return None
    number = parse_number(value)
    if number is None or not number.is_integer() or not 1900 <= number <= 2100:
        raise CellError("not a year between 1900 and 2100", "not_year")
    return int(number)


def choice_parser(field: Field) -> Callable[[object], str | None]:
    """A parser that maps English or Chinese spellings of `field`'s values onto its choices."""
    table = {norm(c): c for c in field.choices}
    table.update(CHOICE_SYNONYMS.get(field.name, {}))
    allowed = ", ".join(field.choices)

    def parse(value: object) -> str | None:
        if is_blank(value):
            return None
        found = table.get(norm(value))
        if found is None:
            raise CellError(f"not one of: {allowed}", "unknown_choice", allowed=allowed)
        return found

    return parse


def parser_for(field: Field) -> Callable[[object], object]:
    """The parser of a field's cells (text, number, date, year or choice)."""
    if field.type in (FieldType.NUMBER, FieldType.INTEGER):
        pct = field.dimension == "percent"
        return lambda v: parse_number(v, percent=pct)
    if field.type == FieldType.DATE:
        return parse_date
    if field.type == FieldType.YEAR:
        return parse_year
    if field.type == FieldType.CHOICE:
        return choice_parser(field)
    if field.name == "grid_region":  # 45.6 from a misread column is no region
        return region_text
    if field.name == "material":  # an open vocabulary: known spellings mapped, others kept
        known = CHOICE_SYNONYMS["material"]

        def text_or_known(value: object) -> str | None:
            text = parse_text(value)
            return known.get(norm(text), text) if text is not None else None

        return text_or_known
    return parse_text


REGION_NUMBER = QT_TRANSLATE_NOOP(
    "Problems", "a number where a grid region's name is needed: is this column the grid region?")


def region_text(value: object) -> str | None:
    """A grid region's name: text, never a number (`45.6`, `500000`: a figure read as a region
    would store a site no factor can ever match)."""
    if isinstance(value, bool | int | float) or (
            isinstance(value, str) and _NUMBER.match(value.strip().replace(",", ""))):
        raise CellError(REGION_NUMBER, "region_number")
    return parse_text(value)


_TOTAL_SUFFIX = re.compile(r"\S\s*(?:汇总|彙總|合计|合計|小计|小計|总计|總計)\s*[:：]?\s*$|"
                           r"\S\s+(?:grand\s*|sub\s*-?\s*)?totals?\s*[:：]?\s*$", re.IGNORECASE)


def is_total_label(value: object) -> bool:
    """True for labels of totals rows: Total, Sum, 合计, 总计, 小计 ..., and a pivot's
    subtotals: `Zhangbei DC Total`, `电网 汇总`, `Zhangbei 小计`."""
    return isinstance(value, str) and (norm(value) in TOTAL_WORDS or bool(
        _TOTAL_SUFFIX.search(unicodedata.normalize("NFKC", value))))
