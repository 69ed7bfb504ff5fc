"""What a row of a sheet is: blank, a total (`合计`, `Grand Total`), a note (`注：`), and the rows
the layout ignores, with why (IgnoredRow). Part of core.importing.layout."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import datetime

from greenledger.core.i18n import QT_TRANSLATE_NOOP, translate
from greenledger.core.importing.values import is_blank

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


def filled_cells(cells: list[object]) -> list[object]:
    return [c for c in cells if not is_blank(c)]


def row_kind(cells: list[object]) -> str | None:
    """Why a row is not data: "blank", "total" (a totals/subtotals row), "note" (a footnote),
    or None."""
    filled = filled_cells(cells)
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
    "top_subtotal": QT_TRANSLATE_NOOP("Layout", "a group's subtotal above its rows (equal to their sum)"),
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


def cell_text(value: object) -> str:
    if is_blank(value):
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, datetime):
        value = value.date()
    return unicodedata.normalize("NFKC", str(value)).strip()
