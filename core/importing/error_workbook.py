"""The error workbook: the user's own sheets with every bad cell filled and commented with why,
so they fix it in Excel and import again (`greenledger import FILE --errors OUT.xlsx`, and the
window's import dialog).

- xlsx/xlsm: a copy of their workbook (openpyxl load, edit, save), so formatting, formulas,
  widths and other sheets stay; an .xlsm written as .xlsm keeps its macros (as .xlsx it cannot);
- xls, ods, csv: the same values in a new xlsx, one sheet per sheet (a CSV's sheet is the file);
- every problem, with or without a cell, is listed on a first sheet "Problems" (sheet, row,
  column, value, reason, and a link to the cell).

The source passes reader.check_file first; a file refused there (a zip bomb, an encrypted or
damaged file) gets the Problems sheet only, its contents never loaded.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from datetime import date, datetime, time
from pathlib import Path

from openpyxl import Workbook, load_workbook
from openpyxl.cell.cell import MergedCell
from openpyxl.comments import Comment
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import column_index_from_string, get_column_letter, quote_sheetname
from openpyxl.worksheet.hyperlink import Hyperlink

from greenledger.core.errors import Problem, reason_text
from greenledger.core.i18n import QT_TRANSLATE_NOOP, translate
from greenledger.core.importing.reader import CSV_SUFFIXES, ReadError, check_file, read_sheets
from greenledger.core.safe_text import keep_text

BAD_FILL = PatternFill(fill_type="solid", start_color="FFFFC7CE", end_color="FFFFC7CE")
AUTHOR = "GreenLedger"
PROBLEMS_SHEET = "Problems"  # in the current language on the sheet's tab (problems_title())
_HEADERS = (QT_TRANSLATE_NOOP("ErrorWorkbook", "Sheet"), QT_TRANSLATE_NOOP("ErrorWorkbook", "Row"),
            QT_TRANSLATE_NOOP("ErrorWorkbook", "Column"), QT_TRANSLATE_NOOP("ErrorWorkbook", "Value"),
            QT_TRANSLATE_NOOP("ErrorWorkbook", "Problem"), QT_TRANSLATE_NOOP("ErrorWorkbook", "Full message"))
_LETTER = re.compile(r"\[([A-Z]{1,3})\]\s*$")
_BAD_TITLE = re.compile(r"[\[\]:*?/\\]")


def cell_of(problem: Problem) -> tuple[int, int] | None:
    """(row, column) of a problem's cell, both 1-based, from its row and the column letter in
    its column label (`Energy (kWh) [E]`); None for a problem of a file, sheet or whole row."""
    if problem.row is None or not problem.column:
        return None
    m = _LETTER.search(problem.column)
    if not m:
        return None
    return problem.row, column_index_from_string(m.group(1))


def write_error_workbook(source_path: str | Path, problems: Iterable[Problem],
                         out_path: str | Path) -> Path:
    """Write `out_path` (.xlsx, or .xlsm for an .xlsm source): the sheets of `source_path` with
    each problem's cell filled and commented, and a first sheet listing every problem."""
    source, out = Path(source_path), Path(out_path)
    problems = list(problems)
    if out.resolve() == source.resolve():
        raise ValueError(f"{out.name}: the error workbook cannot replace the file it reports on")
    suffix = source.suffix.lower()
    readable = True
    if suffix not in CSV_SUFFIXES:
        try:
            check_file(source)
        except ReadError:
            readable = False
    titles: dict[str, str] = {}
    if readable and suffix in (".xlsx", ".xlsm"):
        keep_vba = suffix == ".xlsm" and out.suffix.lower() == ".xlsm"
        wb = load_workbook(source, keep_vba=keep_vba, keep_links=True)
        titles = {ws.title: ws.title for ws in wb.worksheets}
    elif readable:
        wb, titles = _values_workbook(source)
    else:
        wb = Workbook()
        wb.remove(wb.active)
    by_cell: dict[tuple[str, int, int], list[Problem]] = defaultdict(list)
    for p in problems:
        where = cell_of(p)
        if where is not None and p.sheet in titles:
            by_cell[(titles[p.sheet], *where)].append(p)
    for (title, row, col), ps in by_cell.items():
        _mark(wb[title], row, col, ps)
    _problems_sheet(wb, problems, titles)
    out.parent.mkdir(parents=True, exist_ok=True)
    wb.save(out)
    return out


def _mark(ws, row: int, col: int, problems: list[Problem]) -> None:
    cell = ws.cell(row=row, column=col)
    if isinstance(cell, MergedCell):  # a merged area's comment and fill go on its first cell
        for rng in ws.merged_cells.ranges:
            if cell.coordinate in rng:
                cell = ws.cell(row=rng.min_row, column=rng.min_col)
                break
    cell.fill = BAD_FILL
    text = "\n".join(f"{AUTHOR}: {_reason(p)}" for p in problems)
    if cell.comment is not None and cell.comment.text:
        text += "\n\n" + cell.comment.text
    comment = Comment(text, AUTHOR)
    comment.width = 300
    comment.height = min(400, 60 + 40 * len(problems))
    cell.comment = comment


def problems_title() -> str:
    """The Problems sheet's name in the current language (core.i18n)."""
    return translate("ErrorWorkbook", "Problems")


def _reason(p: Problem) -> str:
    shown = _shown(p.value)
    reason = reason_text(p)
    return translate("ErrorWorkbook", "{0} (was {1})").format(reason, shown) if shown else reason


def _shown(value: object) -> str:
    if value is None or value == "":
        return ""
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return repr(value) if isinstance(value, str) else str(value)


def _title(name: str, taken: set[str]) -> str:
    """A sheet title Excel accepts (31 characters, none of []:*?/\\), unique in `taken`."""
    base = _BAD_TITLE.sub("_", name).strip("'")[:31] or "Sheet"
    title, n = base, 2
    while title.lower() in {t.lower() for t in taken}:
        suffix = f" ({n})"
        title, n = base[: 31 - len(suffix)] + suffix, n + 1
    taken.add(title)
    return title


def _values_workbook(source: Path) -> tuple[Workbook, dict[str, str]]:
    """A new workbook with the values of every sheet of `source` (xls, ods, csv)."""
    wb = Workbook()
    wb.remove(wb.active)
    titles: dict[str, str] = {}
    taken: set[str] = {problems_title()}
    for sheet in read_sheets(source):
        title = _title(sheet.name, taken)
        titles[sheet.name] = title
        ws = wb.create_sheet(title)
        if sheet.hidden:
            ws.sheet_state = "hidden"
        for r, row in enumerate(sheet.rows, start=1):
            for c, value in enumerate(row, start=1):
                if value is None or value == "":
                    continue
                cell = ws.cell(row=r, column=c, value=value)
                if isinstance(value, str):
                    keep_text(cell)  # text as the user typed it, not a formula
                elif isinstance(value, datetime):
                    cell.number_format = "yyyy-mm-dd hh:mm" if value.time() != time() \
                        else "yyyy-mm-dd"
                elif isinstance(value, date):
                    cell.number_format = "yyyy-mm-dd"
        for c in range(1, min(ws.max_column, 60) + 1):
            ws.column_dimensions[get_column_letter(c)].width = 16
    return wb, titles


def _problems_sheet(wb: Workbook, problems: list[Problem], titles: dict[str, str]) -> None:
    title = _title(problems_title(), {ws.title for ws in wb.worksheets})
    ws = wb.create_sheet(title, 0)
    ws.append([translate("ErrorWorkbook", h) for h in _HEADERS])
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for row, p in enumerate(problems, start=2):  # not ws.max_row: recounted each time (quadratic)
        where = cell_of(p)
        ws.append([p.sheet or "", p.row, p.column or "", _shown(p.value), reason_text(p), p.render()])
        for cell in ws[row]:  # a header or sheet named =HYPERLINK(…) stays text (core.safe_text)
            keep_text(cell)
        if where is not None and p.sheet in titles:
            link = ws.cell(row=row, column=3)
            link.hyperlink = Hyperlink(ref=link.coordinate, location=(
                f"{quote_sheetname(titles[p.sheet])}!{get_column_letter(where[1])}{where[0]}"))
            link.font = Font(color="FF0563C1", underline="single")
    for letter, width in zip("ABCDEF", (18, 8, 24, 18, 60, 100), strict=True):
        ws.column_dimensions[letter].width = width
    ws.freeze_panes = "A2"
    wb.active = 0
    for other in wb.worksheets[1:]:
        other.sheet_view.tabSelected = False
