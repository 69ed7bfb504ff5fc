"""Finding formula cells that have no saved value.

python-calamine returns cached values only, so a formula in a workbook written by a program
(openpyxl, a report generator) and never opened in Excel comes back blank. Blank required cells
are rare, so only then is the sheet's XML read again to tell a real blank from a formula, and
the formula is named in the refusal:

    formula =A1*2 has no saved value: open and save the file in Excel or LibreOffice

xlsx/xlsm: openpyxl (read-only, formulas kept as text; shared formulas translated per cell).
ods: content.xml scanned for `table:formula` cells without an `office:value-type`. xls: the
BIFF format always stores a formula's result, so there is nothing to find; csv has no formulas.
The file has passed reader.check_file (no entity declarations, bounded sizes) before this runs.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable
from html import unescape
from pathlib import Path

from greenledger.core.errors import REASON_PARSERS, REASON_TEMPLATES, coded_reason
from greenledger.core.i18n import QT_TRANSLATE_NOOP

FormulaAt = Callable[[int, int], "str | None"]


ERROR_MARK = "\x00"  # formula + ERROR_MARK + the error value the file saved for it (#N/A)


REASON_TEMPLATES.setdefault("formula_no_value", QT_TRANSLATE_NOOP("Problems", "formula {formula} has no saved value: open and save the file in Excel or LibreOffice"))  # noqa: E501
REASON_TEMPLATES.setdefault("formula_error_value", QT_TRANSLATE_NOOP("Problems", "formula {formula} gives the error {error} (so saved in the file), an error value, not a number: correct the formula or its inputs in the workbook"))  # noqa: E501
_NO_VALUE = re.compile(r"^formula (?P<formula>.+) has no saved value: open and save the file in Excel or "
                       r"LibreOffice$", re.DOTALL)
_ERROR = re.compile(r"^formula (?P<formula>.+) gives the error (?P<error>\S+) \(so saved in the file\)",
                    re.DOTALL)


def no_saved_value(formula: str) -> str:
    """The reason given for a required cell that is a formula without a saved value (or one
    whose saved value is an error, such as #N/A as LibreOffice saves it: saving the file again
    would change nothing, so that is said as the error value it is)."""
    if ERROR_MARK in formula:
        text, error = formula.split(ERROR_MARK, 1)
        return coded_reason("formula_error_value", formula=text, error=error)
    return coded_reason("formula_no_value", formula=formula)


def _formula_reason(reason: str, params: dict | None = None) -> tuple[str, dict] | None:
    """A formula problem's reason (made by no_saved_value, without params) read back."""
    if (m := _ERROR.match(reason)) is not None:
        return "formula_error_value", m.groupdict()
    if (m := _NO_VALUE.match(reason)) is not None:
        return "formula_no_value", m.groupdict()
    return None


REASON_PARSERS["formula_without_value"] = _formula_reason


class FormulaProbe:
    """Answers "which formula is the blank cell at (row, col), if any?" (0-based), lazily: a
    sheet is read the first time one of its blank required cells is asked about."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._formulas: dict[str, dict[tuple[int, int], str]] = {}
        suffix = path.suffix.lower()
        self._scan = {".xlsx": self._scan_xlsx, ".xlsm": self._scan_xlsx,
                      ".ods": self._scan_ods}.get(suffix)
        self.enabled = self._scan is not None

    def checker(self, sheet: str) -> FormulaAt | None:
        """For parse_sheet's `formula_at`: (row, col) -> the formula text (e.g. '=A1*2'), or
        None for a real blank. None when the format keeps no formulas without values.

        The checker also answers `percent_formatted(col, first_row)`: whether the numbers of a
        column are formatted as percentages (Excel shows 0.3 as 30 %), see SheetChecker."""
        if not self.enabled:
            return None
        return SheetChecker(self, sheet)

    def percent_formatted(self, sheet: str, col: int, first_row: int) -> bool | None:
        """True when a numeric cell of column `col` (0-based) from row `first_row` on is
        formatted as a percentage, False when none is, None when it cannot be told."""
        try:
            if self._scan == self._scan_xlsx:
                return _xlsx_percent_formatted(self.path, sheet, col, first_row)
            if self._scan == self._scan_ods:
                with zipfile.ZipFile(self.path) as zf:
                    content = zf.read("content.xml")
                return _ods_percent_formatted(content, sheet, col, first_row)
        except Exception:  # noqa: BLE001 - cannot be told: the caller keeps its own rule
            return None
        return None


    def formulas(self, sheet: str) -> dict[tuple[int, int], str]:
        if sheet not in self._formulas:
            try:
                self._formulas[sheet] = self._scan(sheet)  # type: ignore[misc]
            except Exception:  # noqa: BLE001 - unreadable here: the cell is reported as blank
                self._formulas[sheet] = {}
        return self._formulas[sheet]

    def _scan_xlsx(self, sheet: str) -> dict[tuple[int, int], str]:
        from openpyxl import load_workbook  # only needed on this rare path

        found: dict[tuple[int, int], str] = {}
        wb = load_workbook(self.path, read_only=True, data_only=False, keep_links=False)
        try:
            if sheet not in wb.sheetnames:
                return found
            for r, row in enumerate(wb[sheet].iter_rows(values_only=True)):
                for c, value in enumerate(row):
                    if isinstance(value, str) and value.startswith("="):
                        found[(r, c)] = value
                    elif value is not None and type(value).__name__ == "ArrayFormula":
                        found[(r, c)] = str(getattr(value, "text", "") or "")
        finally:
            wb.close()
        if found:  # a saved error value (LibreOffice writes #N/A, #DIV/0! with t="e")
            wb = load_workbook(self.path, read_only=True, data_only=True, keep_links=False)
            try:
                for r, row in enumerate(wb[sheet].iter_rows(values_only=True)):
                    for c, value in enumerate(row):
                        if (r, c) in found and isinstance(value, str) and value.startswith("#"):
                            found[(r, c)] += ERROR_MARK + value
            finally:
                wb.close()
        return found

    def _scan_ods(self, sheet: str) -> dict[tuple[int, int], str]:
        with zipfile.ZipFile(self.path) as zf:
            content = zf.read("content.xml")
        return ods_formulas_without_values(content).get(sheet, {})


class SheetChecker:
    """`formula_at` for one sheet (callable as (row, col) -> formula or None), which also tells
    whether a column's numbers are formatted as percentages."""

    def __init__(self, probe: FormulaProbe, sheet: str) -> None:
        self.probe, self.sheet = probe, sheet

    def __call__(self, row: int, col: int) -> str | None:
        return self.probe.formulas(self.sheet).get((row, col))

    def percent_formatted(self, col: int, first_row: int) -> bool | None:
        return self.probe.percent_formatted(self.sheet, col, first_row)


def _xlsx_percent_formatted(path: Path, sheet: str, col: int, first_row: int) -> bool | None:
    from openpyxl import load_workbook  # only for a percent column of at most 1s

    wb = load_workbook(path, read_only=True, data_only=True, keep_links=False)
    try:
        if sheet not in wb.sheetnames:
            return None
        for row in wb[sheet].iter_rows(min_row=first_row + 1, min_col=col + 1, max_col=col + 1):
            for cell in row:
                if isinstance(cell.value, int | float) and "%" in (cell.number_format or ""):
                    return True
        return False
    finally:
        wb.close()


def _ods_percent_formatted(content: bytes, sheet: str, col: int, first_row: int) -> bool:
    return any(name == sheet and row >= first_row and c <= col < c + repeat
               and attrs.get("office:value-type") == "percentage"
               for name, row, c, repeat, attrs in _ods_cells(content))


_ODS_TAG = re.compile(rb'<(/?)table:(table|table-row|table-cell|covered-table-cell)'
                      rb'(?=[\s/>])([^>]*)>')
_ATTR = re.compile(rb'([\w:.-]+)\s*=\s*(?:"([^"]*)"|\'([^\']*)\')')


def _ods_cells(content: bytes):
    """(sheet name, row, col, columns repeated, attributes) of every cell of an ODS content.xml,
    rows and columns 0-based with repeats counted."""
    name = ""
    row = col = 0
    row_repeat = 1
    for m in _ODS_TAG.finditer(content):
        closing, tag, raw = m.groups()
        if tag == b"table":
            if not closing:
                name = _attrs(raw).get("table:name", "")
                row = col = 0
            continue
        if tag == b"table-row":
            if closing:
                row += row_repeat
            else:
                row_repeat = int(_attrs(raw).get("table:number-rows-repeated", "1") or 1)
                col = 0
                if raw.rstrip().endswith(b"/"):
                    row += row_repeat
            continue
        if closing:
            continue
        attrs = _attrs(raw)
        repeat = int(attrs.get("table:number-columns-repeated", "1") or 1)
        yield name, row, col, repeat, attrs
        col += repeat


def ods_formulas_without_values(content: bytes) -> dict[str, dict[tuple[int, int], str]]:
    """Sheet name -> {(row, col): formula} of the formula cells of an ODS content.xml that
    have no value type (so no saved value), rows and columns 0-based with repeats counted."""
    out: dict[str, dict[tuple[int, int], str]] = {}
    for name, row, col, _repeat, attrs in _ods_cells(content):
        sheet = out.setdefault(name, {})
        formula = attrs.get("table:formula")
        if formula and "office:value-type" not in attrs:
            sheet[(row, col)] = ods_formula_text(formula)
    return out


def _attrs(raw: bytes) -> dict[str, str]:
    return {k.decode(): unescape((a if a is not None else b or b"").decode("utf-8", "replace"))
            for k, a, b in _ATTR.findall(raw)}


def ods_formula_text(formula: str) -> str:
    """An OpenFormula as Excel writes it: 'of:=[.A1]*2' -> '=A1*2',
    'of:=SUM([.A1:.A3])' -> '=SUM(A1:A3)', '[$Data.B2]' -> 'Data!B2'."""
    text = re.sub(r"^(?:of|oooc|msoxl):", "", formula)

    def ref(m: re.Match) -> str:
        parts = []
        for bit in m.group(1).split(":"):
            sheet, _, cell = bit.rpartition(".")
            sheet = sheet.lstrip("$").strip("'")
            parts.append(f"{sheet}!{cell}" if sheet else cell)
        return ":".join(parts)

    return re.sub(r"\[([^\]]+)\]", ref, text)
