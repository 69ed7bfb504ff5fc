"""Streaming one XML part of a workbook's package (the gate's second look): refuse entity
declarations, and for a worksheet (or an ODS content.xml) check the grid its cells span, and
collect its hidden rows and columns, before calamine allocates that grid."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from greenledger.core.importing.reader.base import (
    EXCEL_MAX_COLUMNS,
    EXCEL_MAX_ROWS,
    MAX_CELLS,
    ReadError,
    column_index,
)


def _unescape(text: str) -> str:
    for a, b in (("&lt;", "<"), ("&gt;", ">"), ("&quot;", '"'), ("&apos;", "'"), ("&amp;", "&")):
        text = text.replace(a, b)
    return text


_ENTITY_MARKS = tuple(m.encode(enc) for m in ("<!DOCTYPE", "<!ENTITY")
                      for enc in ("utf-8", "utf-16-le", "utf-16-be"))


def _declares_entities(data: bytes) -> bool:
    return any(m in data for m in _ENTITY_MARKS)


def _prolog_ends(text: bytes) -> bool:
    """Whether the root element starts in `text` after only an XML declaration, comments,
    processing instructions and white space (no DOCTYPE)."""
    i, n = 0, len(text)
    if text.startswith(b"\xef\xbb\xbf"):
        i = 3
    while i < n:
        if text[i] in b" \t\r\n":
            i += 1
        elif text.startswith(b"<?", i):
            i = text.find(b"?>", i)
            if i < 0:
                return False
            i += 2
        elif text.startswith(b"<!--", i):
            i = text.find(b"-->", i)
            if i < 0:
                return False
            i += 3
        elif text.startswith(b"<!", i):
            return False  # DOCTYPE (or junk) before the root
        else:
            return text.startswith(b"<", i)
    return False


# A cell written as Excel, LibreOffice and openpyxl write them: `<c r="X123456"` with one
# column letter and a row up to 1,049,999, past Excel's last row 1,048,576 (any sheet of such
# cells spans at most 26 columns × 1,049,999 rows = 27.3 million cells, under MAX_CELLS).
# Anything else (wider columns, other attribute order, quotes, cells without a reference,
# prefixed elements) sends the sheet to the exact count below.
_PLAIN_CELL = re.compile(rb'<c(?! r="[A-Z](?:\d{1,6}|10[0-4]\d{4})")(?![\w.-])')
_PREFIXED_CELL = re.compile(rb':c[\s>/]')
_XLSX_TAG = re.compile(rb'<(?:[\w.-]+:)?(row|c)(?=[\s/>])([^>]*)>')
_ODS_TAG = re.compile(rb'<(/?)table:(table|table-row|table-cell|covered-table-cell|'
                      rb'table-column)(?=[\s/>])([^>]*)>')
_ODS_NAME = re.compile(rb'table:name\s*=\s*["\']([^"\']*)["\']')
_ODS_HIDDEN = re.compile(rb'table:visibility\s*=\s*["\'](?:collapse|filter)["\']')
_R_ATTR = re.compile(rb'(?:^|\s)r\s*=\s*["\']([^"\']*)["\']')
_REF = re.compile(rb'\s*([A-Za-z]{0,3})(\d{0,9})\s*$')
_REPEAT = re.compile(rb'number-(rows|columns)-repeated\s*=\s*["\'](\d{1,12})["\']')
_HAS_VALUE = re.compile(rb'(?:value-type|formula)\s*=')


_HIDDEN_TAG = re.compile(rb'<(?:[\w.-]+:)?(row|col)(?=[\s/>])([^>]*)>')
_HIDDEN_ATTR = re.compile(rb'(?:^|\s)hidden\s*=\s*["\'](?:1|true)["\']')
_MIN_ATTR = re.compile(rb'(?:^|\s)min\s*=\s*["\'](\d{1,5})["\']')
_MAX_ATTR = re.compile(rb'(?:^|\s)max\s*=\s*["\'](\d{1,5})["\']')
MAX_HIDDEN = 1_100_000


class _NeedsExact(Exception):
    pass


class _PartScan:
    """Streams one XML part: refuses entity declarations, and for a worksheet (or an ODS
    content.xml) checks the grid its cells span before calamine allocates that grid."""

    def __init__(self, path: Path, info: zipfile.ZipInfo, sheet: str | None, kind: str) -> None:
        self.path, self.info, self.sheet, self.kind = path, info, sheet, kind
        self.tail = b""
        self.rows = self.cols = 0  # extent seen (1-based), for the exact kinds
        self.row = self.col = 0
        self.ods_rows_repeat = 1
        self.prolog = True
        self.hidden_rows: set[int] = set()  # 0-based, for a worksheet
        self.hidden_cols: set[int] = set()
        self.ods_hidden: dict[str, tuple[set[int], set[int]]] = {}  # sheet -> rows, columns
        self.ods_sheet: tuple[set[int], set[int]] | None = None
        self.ods_col = 0

    def _check_prolog(self, chunk: bytes) -> None:
        """Refuse a DOCTYPE (so any ENTITY) in the part's prolog, the only place XML allows
        one; the prolog (declaration, comments, processing instructions) must end within the
        first chunk. Parsers refuse a DOCTYPE after the root element as malformed."""
        self.prolog = False
        if not chunk:
            return
        text = chunk
        if chunk.startswith((b"\xff\xfe", b"\xfe\xff")) or chunk[:2].count(0):
            text = chunk.decode("utf-16", "replace").encode("utf-8", "replace")
        if _declares_entities(text[:4096]) or not _prolog_ends(text):
            raise ReadError(f"{self.path.name}: refused: {self.where()} declares XML entities "
                            "(<!DOCTYPE or <!ENTITY), which workbooks never need")

    def where(self) -> str:
        if self.sheet:
            return f"sheet '{self.sheet}'"
        return f"part {self.info.filename}"

    def feed(self, chunk: bytes) -> None:
        if self.prolog:
            self._check_prolog(chunk)
        if self.kind == "xml":
            return
        data = self.tail + chunk if self.tail else chunk
        cut = data.rfind(b"<")  # whole tags only; the rest goes with the next chunk
        if cut <= 0:
            cut = len(data) if len(data) > 1 << 20 else 0
        self.tail = data[cut:]
        if self.kind == "sheet":  # the common case: searched in place, the block not copied
            if data.find(b"hidden", 0, cut) >= 0:
                self._hidden(data[:cut])
            if _PLAIN_CELL.search(data, 0, cut) or _PREFIXED_CELL.search(data, 0, cut):
                raise _NeedsExact()
            return
        block = data[:cut]
        if self.kind == "exact" and b"hidden" in block:
            self._hidden(block)
        if self.kind == "exact":
            self._xlsx_tags(block)
        elif self.kind == "ods":
            self._ods_tags(block)

    def close(self) -> None:
        if self.kind in ("exact", "ods"):
            self.check(self.rows, self.cols)

    def check(self, rows: int, cols: int) -> None:
        if rows > EXCEL_MAX_ROWS:
            raise ReadError(f"{self.path.name}: {self.where()} has {rows:,} rows, past Excel's "
                            f"limit of {EXCEL_MAX_ROWS:,}")
        if cols > EXCEL_MAX_COLUMNS or rows * cols > MAX_CELLS:
            raise ReadError(f"{self.path.name}: {self.where()} spans {rows:,} rows × {cols:,} "
                            f"columns, more than {MAX_CELLS:,} cells; import the data in "
                            "smaller sheets")

    def _hidden(self, block: bytes) -> None:
        """Rows (`<row r="12" hidden="1">`) and columns (`<col min="3" max="5" hidden="1"/>`)
        hidden in Excel, filtered rows included."""
        for m in _HIDDEN_TAG.finditer(block):
            attrs = m.group(2)
            if not _HIDDEN_ATTR.search(attrs):
                continue
            if m.group(1) == b"row":
                ref = _R_ATTR.search(attrs)
                if ref and ref.group(1).isdigit() and len(self.hidden_rows) < MAX_HIDDEN:
                    self.hidden_rows.add(int(ref.group(1)) - 1)
            else:
                lo, hi = _MIN_ATTR.search(attrs), _MAX_ATTR.search(attrs)
                if lo and hi:
                    first, last = int(lo.group(1)), min(int(hi.group(1)), EXCEL_MAX_COLUMNS)
                    # "every column to the sheet's edge": only the first thousand matter
                    self.hidden_cols.update(range(first - 1, min(last, first + 999)))

    def _xlsx_tags(self, block: bytes) -> None:
        """Row and column of every cell as calamine places them: by its reference, else the
        next column of the row (rows: by reference, else the next row)."""
        for m in _XLSX_TAG.finditer(block):
            ref = _R_ATTR.search(m.group(2))
            if m.group(1) == b"row":
                self.row = self.row + 1
                if ref:
                    digits = _REF.match(ref.group(1))
                    if digits and digits.group(2):
                        self.row = int(digits.group(2))
                self.col = 0
                continue
            self.col += 1
            if ref:
                parts = _REF.match(ref.group(1))
                if parts:
                    letters, digits = parts.groups()
                    if letters:
                        self.col = column_index(letters.decode()) + 1
                    if digits:
                        self.row = max(1, int(digits))
            self.rows = max(self.rows, self.row)
            self.cols = max(self.cols, self.col)
            if self.rows > EXCEL_MAX_ROWS or self.cols > EXCEL_MAX_COLUMNS:
                self.check(self.rows, self.cols)

    def _ods_tags(self, block: bytes) -> None:
        """ODS rows and cells with their repeat counts; only cells with a value or formula
        count towards the extent (LibreOffice writes runs of empty repeated cells)."""
        for m in _ODS_TAG.finditer(block):
            closing, tag, attrs = m.groups()
            if tag == b"table":
                if not closing:
                    self.check(self.rows, self.cols)
                    self.rows = self.cols = self.row = self.ods_col = 0
                    name = _ODS_NAME.search(attrs)
                    self.ods_sheet = self.ods_hidden.setdefault(
                        _unescape(name.group(1).decode("utf-8", "replace")) if name else "",
                        (set(), set()))
                continue
            if tag == b"table-column":  # hidden columns, in order, with their repeats
                if not closing:
                    rep = _repeat(attrs, b"columns")
                    if self.ods_sheet is not None and _ODS_HIDDEN.search(attrs):
                        self.ods_sheet[1].update(range(self.ods_col,
                                                       self.ods_col + min(rep, 1000)))
                    self.ods_col += rep
                continue
            if tag == b"table-row":
                if closing:
                    self.row += self.ods_rows_repeat
                    continue
                rep = _repeat(attrs, b"rows")
                if self.ods_sheet is not None and _ODS_HIDDEN.search(attrs) \
                        and len(self.ods_sheet[0]) < MAX_HIDDEN:
                    self.ods_sheet[0].update(range(self.row, self.row + min(rep, MAX_HIDDEN)))
                self.col = 0
                self.ods_rows_repeat = rep
                if attrs.rstrip().endswith(b"/"):
                    self.row += rep
                continue
            if closing:
                continue
            rep = _repeat(attrs, b"columns")
            if _HAS_VALUE.search(attrs) or not attrs.rstrip().endswith(b"/"):
                self.rows = max(self.rows, self.row + self.ods_rows_repeat)
                self.cols = max(self.cols, self.col + rep)
                if self.rows * self.cols > MAX_CELLS or self.rows > EXCEL_MAX_ROWS:
                    self.check(self.rows, self.cols)
            self.col += rep


def _repeat(attrs: bytes, what: bytes) -> int:
    for m in _REPEAT.finditer(attrs):
        if m.group(1) == what:
            return max(1, int(m.group(2)))
    return 1



