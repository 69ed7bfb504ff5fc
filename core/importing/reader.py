"""Reading workbooks into plain rows of cell values: python-calamine for xlsx/xlsm/xls/ods,
the csv module for CSV (UTF-8 or GB18030, comma/semicolon/tab). Cached values only: formulas
are never evaluated."""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from python_calamine import CalamineWorkbook

from core.errors import GreenLedgerError

WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".ods", ".xlsb")
CSV_SUFFIXES = (".csv", ".txt", ".tsv")
EXCEL_MAX_ROWS = 1_048_576
MAX_UNCOMPRESSED_BYTES = 2 * 1024**3  # 2 GiB inflated: far past any real workbook
MAX_COMPRESSION_RATIO = 200


class ReadError(GreenLedgerError):
    """A file that cannot be read as a workbook; the message says why."""


@dataclass(slots=True)
class SheetData:
    """A sheet's cells as Python values (str, float, int, bool, date, datetime, time or '')."""

    name: str
    rows: list[list[object]]
    hidden: bool = False
    formula_check: object = field(default=None, repr=False)  # callable(row, col) -> bool


def sheet_names(path: Path) -> list[str]:
    """Names of the sheets of a workbook (a CSV has one sheet named after the file)."""
    if path.suffix.lower() in CSV_SUFFIXES:
        return [path.stem]
    return _open(path).sheet_names


def read_sheets(path: Path, only: str | None = None) -> Iterator[SheetData]:
    """Yield each sheet (or only the sheet named `only`) of the workbook at `path`."""
    if not path.exists():
        raise ReadError(f"{path.name}: no such file")
    if path.suffix.lower() in CSV_SUFFIXES:
        yield SheetData(path.stem, read_csv(path))
        return
    wb = _open(path)
    meta = {m.name: m for m in wb.sheets_metadata}
    names = wb.sheet_names
    if only is not None:
        match = [n for n in names if n == only] or [n for n in names if n.lower() == only.lower()]
        if not match:
            raise ReadError(f"{path.name}: no sheet named '{only}' (sheets: {', '.join(names)})")
        names = match[:1]
    for name in names:
        try:
            sheet = wb.get_sheet_by_name(name)
            if sheet.total_height > EXCEL_MAX_ROWS:
                raise ReadError(f"{path.name} › {name}: {sheet.total_height:,} rows, past "
                                f"Excel's limit of {EXCEL_MAX_ROWS:,}")
            rows = _pad_to_origin(sheet.to_python(skip_empty_area=False), sheet)
        except ReadError:
            raise
        except Exception as exc:  # calamine raises its own error types for damaged parts
            raise ReadError(f"{path.name} › {name}: the sheet is damaged and cannot be read "
                            f"({_short(exc)})") from exc
        visible = getattr(meta.get(name), "visible", None)
        hidden = visible is not None and "visible" not in str(visible).lower().split(".")[-1]
        yield SheetData(name, rows, hidden=hidden)


def _pad_to_origin(rows: list[list[object]], sheet) -> list[list[object]]:
    """calamine's to_python starts at the used range; make row/column indexes Excel's own."""
    start = sheet.start or (0, 0)
    r0, c0 = start
    if c0:
        rows = [[""] * c0 + list(r) for r in rows]
    if r0:
        width = len(rows[0]) if rows else 0
        rows = [[""] * width for _ in range(r0)] + rows
    return rows


def _open(path: Path) -> CalamineWorkbook:
    suffix = path.suffix.lower()
    _check_container(path, suffix)
    try:
        return CalamineWorkbook.from_path(str(path))
    except Exception as exc:
        raise ReadError(f"{path.name}: not a workbook, or the file is damaged "
                        f"({_short(exc)})") from exc


def _check_container(path: Path, suffix: str) -> None:
    """Refuse encrypted workbooks and zip bombs before any parser inflates them."""
    try:
        with path.open("rb") as fh:
            head = fh.read(8)
    except OSError as exc:
        raise ReadError(f"{path.name}: cannot be read ({exc.strerror})") from exc
    if not head:
        raise ReadError(f"{path.name}: the file is empty")
    if head.startswith(b"\xd0\xcf\x11\xe0") and suffix in (".xlsx", ".xlsm", ".xlsb"):
        raise ReadError(f"{path.name}: password-protected (encrypted) workbook: save an "
                        "unprotected copy and import that")
    if head.startswith(b"PK"):
        try:
            with zipfile.ZipFile(path) as zf:
                infos = zf.infolist()
        except zipfile.BadZipFile as exc:
            raise ReadError(f"{path.name}: the workbook is damaged or truncated "
                            f"({_short(exc)})") from exc
        total = sum(i.file_size for i in infos)
        packed = max(1, sum(i.compress_size for i in infos))
        if total > MAX_UNCOMPRESSED_BYTES or (total > 50 * 1024**2
                                              and total / packed > MAX_COMPRESSION_RATIO):
            raise ReadError(f"{path.name}: refused: its parts would inflate to "
                            f"{total / 1024**2:,.0f} MB (a zip bomb, or not a real workbook)")
    elif suffix in (".xlsx", ".xlsm", ".ods"):
        raise ReadError(f"{path.name}: not a workbook (the file is not a zip package)")


def read_csv(path: Path) -> list[list[object]]:
    """Rows of a CSV file as text; encoding UTF-8 (with or without BOM) else GB18030."""
    raw = path.read_bytes()
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:  # pragma: no cover - gb18030 decodes any byte string
        raise ReadError(f"{path.name}: not UTF-8 or GB18030 text")
    if "\x00" in text[:4096]:
        raise ReadError(f"{path.name}: not a text (CSV) file")
    sample = text[:65536]
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=",;\t")
        delimiter = dialect.delimiter
    except csv.Error:
        delimiter = "\t" if sample.count("\t") > sample.count(",") else ","
    return [list(r) for r in csv.reader(io.StringIO(text), delimiter=delimiter)]


def column_letter(index: int) -> str:
    """0-based column index -> Excel letters (0 -> A, 27 -> AB)."""
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def _short(exc: Exception) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return text[:160]
