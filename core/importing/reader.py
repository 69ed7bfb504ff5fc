"""Reading workbooks into plain rows of cell values: python-calamine for xlsx/xlsm/xls/ods,
the csv module for CSV (UTF-8 or GB18030, comma/semicolon/tab). Cached values only: formulas
are never evaluated.

Workbooks are untrusted input. Before any parser sees a file, `check_file` refuses, naming the
file (and the sheet where there is one): empty and truncated files, text or random bytes named
as a workbook, password-protected (encrypted) workbooks, zip packages whose parts would
inflate past a sane bound (by the zip directory, and by actually inflating each XML part with a
budget, so a directory that lies about sizes is caught too), XML parts with a DOCTYPE or ENTITY
declaration (billion laughs, external entities) and sheets whose cells would span more than
MAX_CELLS cells or pass Excel's row limit (a two-cell xlsx at A1 and ZZ1048576 would make
calamine allocate a 17 GB grid).
"""

from __future__ import annotations

import csv
import io
import re
import struct
import zipfile
import zlib
from collections.abc import Generator, Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from python_calamine import CalamineWorkbook, PasswordError

from greenledger.core.errors import GreenLedgerError

WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".ods", ".xlsb")
ZIP_SUFFIXES = (".xlsx", ".xlsm", ".xlsb", ".ods")
CSV_SUFFIXES = (".csv", ".txt", ".tsv")
EXCEL_MAX_ROWS = 1_048_576
EXCEL_MAX_COLUMNS = 16_384
MAX_UNCOMPRESSED_BYTES = 2 * 1024**3  # 2 GiB inflated in all: far past any real workbook
MAX_PART_BYTES = 1024**3  # one XML part (a sheet) inflated
MAX_COMPRESSION_RATIO = 200  # real sheets inflate 5-30×; checked for parts past RATIO_FLOOR
RATIO_FLOOR = 16 * 1024**2
MAX_PARTS = 10_000
MAX_CELLS = 30_000_000  # rows × columns of a sheet's used range (about 1 GB in calamine)
MAX_CSV_BYTES = 1024**3
CFB_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
PROTECTED = "password-protected: save an unprotected copy and import that"


class ReadError(GreenLedgerError):
    """A file that cannot be read as a workbook; the message names it and says why."""


@dataclass(slots=True)
class SheetData:
    """A sheet's cells as Python values (str, float, int, bool, date, datetime, time or '')."""

    name: str
    rows: list[list[object]]
    hidden: bool = False
    # ((row0, col0), (row1, col1)), 0-based; None where the format does not say (csv, ods)
    merged: list | None = field(default=None, repr=False)
    hidden_rows: frozenset[int] = frozenset()  # 0-based rows hidden in Excel (xlsx, ods)
    hidden_cols: frozenset[int] = frozenset()  # 0-based columns hidden (xlsx, ods)


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
    wb, hidden_cells = _open_with_hidden(path)
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
            _check_extent(path, name, sheet)
            rows = _pad_to_origin(sheet.to_python(skip_empty_area=False), sheet)
        except ReadError:
            raise
        except PasswordError as exc:
            raise ReadError(f"{path.name}: {PROTECTED}") from exc
        except Exception as exc:  # calamine raises its own error types for damaged parts
            raise ReadError(f"{path.name}: sheet '{name}' is damaged and cannot be read "
                            f"({_short(exc)})") from exc
        visible = getattr(meta.get(name), "visible", None)
        hidden = visible is not None and "visible" not in str(visible).lower().split(".")[-1]
        h_rows, h_cols = hidden_cells.get(name, (frozenset(), frozenset()))
        yield SheetData(name, rows, hidden=hidden, merged=_merged_ranges(sheet),
                        hidden_rows=h_rows, hidden_cols=h_cols)


def _merged_ranges(sheet) -> list | None:
    """The sheet's merged cells (xlsx, xls), or None where calamine does not give them (ods)."""
    try:
        ranges = sheet.merged_cell_ranges
    except Exception:  # noqa: BLE001 - formats without merge information
        return None
    return None if ranges is None else list(ranges)


def _check_extent(path: Path, name: str, sheet) -> None:
    """Refuse a loaded sheet past Excel's row limit, or whose grid from A1 to its last cell
    would be too large to hold (before it becomes Python lists)."""
    end = sheet.end or (0, 0)
    rows, cols = end[0] + 1, end[1] + 1
    if rows > EXCEL_MAX_ROWS:
        raise ReadError(f"{path.name}: sheet '{name}' has {rows:,} rows, past Excel's limit "
                        f"of {EXCEL_MAX_ROWS:,}")
    if rows * cols > MAX_CELLS:
        raise ReadError(f"{path.name}: sheet '{name}' spans {rows:,} rows × {cols:,} columns, "
                        f"more than {MAX_CELLS:,} cells; import the data in smaller sheets")


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
    return _open_with_hidden(path)[0]


def _open_with_hidden(path: Path) -> tuple[CalamineWorkbook, dict[str, tuple[frozenset, frozenset]]]:
    """The workbook, and each sheet's hidden rows and columns (xlsx; found by check_file)."""
    hidden = check_file(path)
    try:
        return CalamineWorkbook.from_path(str(path)), hidden
    except PasswordError as exc:
        raise ReadError(f"{path.name}: {PROTECTED}") from exc
    except Exception as exc:
        raise ReadError(f"{path.name}: not a workbook, or the file is damaged "
                        f"({_short(exc)})") from exc


# --- the container: checks before any parser sees the file -----------------------------------


def check_file(path: Path) -> dict[str, tuple[frozenset[int], frozenset[int]]]:
    """Refuse (ReadError) a workbook that is not safe or not possible to parse; see the module
    docstring. Cheap: reads the zip directory and streams each XML part once. Returns, for
    an xlsx, each sheet's hidden rows and columns (0-based) seen on the way."""
    suffix = path.suffix.lower()
    try:
        with path.open("rb") as fh:
            head = fh.read(512)
    except OSError as exc:
        raise ReadError(f"{path.name}: cannot be read ({exc.strerror})") from exc
    if not head:
        raise ReadError(f"{path.name}: the file is empty")
    if head.startswith(CFB_MAGIC) or head.startswith(CFB_MAGIC[:4]):
        _check_cfb(path, suffix)
    elif head.startswith(b"PK"):
        return _check_zip(path, suffix)
    elif suffix in ZIP_SUFFIXES:
        raise ReadError(f"{path.name}: not a workbook (the file is not a zip package"
                        f"{_looks_like(head)})")
    elif suffix == ".xls":
        raise ReadError(f"{path.name}: not an Excel 97-2003 workbook{_looks_like(head)}: open "
                        "it in Excel or LibreOffice and save it as .xlsx")
    return {}


def _looks_like(head: bytes) -> str:
    """' (it is text ...)' for a head that is plain text, HTML or XML; else ''."""
    sample = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if sample.startswith((b"<html", b"<!doctype html", b"<table")):
        return "; it is a web page (HTML) named as a workbook"
    if sample.startswith(b"<?xml"):
        return "; it is an XML file named as a workbook"
    try:
        text = head.decode("utf-8")
    except UnicodeDecodeError:
        try:
            text = head.decode("gb18030")
        except UnicodeDecodeError:
            return ""
    if text and all(c.isprintable() or c in "\r\n\t" for c in text[:200]):
        return "; it is text (perhaps CSV: rename it to .csv)"
    return ""


def _check_cfb(path: Path, suffix: str) -> None:
    """An OLE2 compound file: an Excel 97-2003 workbook, or an encrypted xlsx/xlsm (Excel puts
    a password-protected workbook in a CFB with EncryptionInfo and EncryptedPackage streams)."""
    names = cfb_stream_names(path)
    if names & {"encryptioninfo", "encryptedpackage"}:
        raise ReadError(f"{path.name}: {PROTECTED}")
    if suffix in ZIP_SUFFIXES:
        if names & {"workbook", "book"}:
            raise ReadError(f"{path.name}: an Excel 97-2003 workbook named {suffix}: rename it "
                            "to .xls, or save it as .xlsx in Excel")
        # Excel writes nothing else as an OLE2 file named .xlsx: a directory we cannot follow
        # is taken for an encrypted package, which is what it almost always is
        raise ReadError(f"{path.name}: {PROTECTED}")
    if suffix == ".xls" and names and not names & {"workbook", "book"}:
        raise ReadError(f"{path.name}: not an Excel 97-2003 workbook (an OLE2 file without a "
                        "Workbook stream)")


def cfb_stream_names(path: Path) -> set[str]:
    """Lower-case names of the entries of a CFB (OLE2) file's directory, read by following the
    directory sector chain through the FAT; falls back to looking for the encryption stream
    names anywhere in the file when the structure cannot be followed (damaged or odd files)."""
    try:
        return _cfb_names(path)
    except (ValueError, struct.error, IndexError, OSError):
        data = path.read_bytes()[: 64 * 1024**2]
        found = set()
        for name in ("EncryptionInfo", "EncryptedPackage", "Workbook", "Book"):
            if name.encode("utf-16-le") + b"\0\0" in data:
                found.add(name.lower())
        return found


def _cfb_names(path: Path) -> set[str]:
    with path.open("rb") as fh:
        header = fh.read(512)
        if len(header) < 512 or not header.startswith(CFB_MAGIC):
            raise ValueError("not a CFB header")
        shift = struct.unpack_from("<H", header, 0x1E)[0]
        if shift not in (9, 12):
            raise ValueError("bad sector size")
        size = 1 << shift
        n_fat = struct.unpack_from("<I", header, 0x2C)[0]
        dir_start = struct.unpack_from("<I", header, 0x30)[0]
        difat = [s for s in struct.unpack_from("<109I", header, 0x4C) if s < 0xFFFFFFFA]
        difat = difat[:n_fat]

        def sector(n: int) -> bytes:
            fh.seek((n + 1) * size)
            data = fh.read(size)
            if len(data) < size:
                raise ValueError("truncated sector")
            return data

        fat: list[int] = []
        for s in difat:
            fat.extend(struct.unpack(f"<{size // 4}I", sector(s)))
        names: set[str] = set()
        s, seen = dir_start, 0
        while s < 0xFFFFFFFA and seen < 10_000:
            block = sector(s)
            for off in range(0, size, 128):
                entry = block[off:off + 128]
                n = struct.unpack_from("<H", entry, 0x40)[0]
                if 2 <= n <= 64 and entry[0x42] in (1, 2, 5):
                    names.add(entry[: n - 2].decode("utf-16-le", "replace").lower())
            s = fat[s] if s < len(fat) else 0xFFFFFFFE
            seen += 1
        if not names:
            raise ValueError("empty directory")
        return names


def _check_zip(path: Path, suffix: str) -> dict[str, tuple[frozenset[int], frozenset[int]]]:
    try:
        zf = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise ReadError(f"{path.name}: the workbook is damaged or truncated "
                        f"({_short(exc)})") from exc
    with zf, path.open("rb") as fh:
        infos = zf.infolist()
        if len(infos) > MAX_PARTS:
            raise ReadError(f"{path.name}: refused: a zip package of {len(infos):,} parts is "
                            "not a real workbook")
        total = sum(i.file_size for i in infos)
        packed = max(1, sum(i.compress_size for i in infos))
        if total > MAX_UNCOMPRESSED_BYTES or (total > 50 * 1024**2
                                              and total / packed > MAX_COMPRESSION_RATIO):
            raise _bomb(path, total)
        for info in infos:
            _check_declared(path, info)
        sheets = _worksheet_names(zf, path) if suffix in (".xlsx", ".xlsm") else {}
        inflated = 0
        hidden: dict[str, tuple[frozenset[int], frozenset[int]]] = {}
        for info in infos:
            if not _is_xml(info.filename):
                continue
            kind = "xml"
            if suffix == ".ods" and info.filename == "content.xml":
                kind = "ods"
            elif info.filename in sheets or info.filename.startswith("xl/worksheets/"):
                kind = "sheet"
            try:
                size, scan = _scan_part(fh, path, info, sheets.get(info.filename), kind,
                                        MAX_UNCOMPRESSED_BYTES - inflated)
                inflated += size
            except _NeedsExact:
                _, scan = _scan_part(fh, path, info, sheets.get(info.filename), "exact",
                                     MAX_UNCOMPRESSED_BYTES)
            if (scan.hidden_rows or scan.hidden_cols) and info.filename in sheets:
                hidden[sheets[info.filename]] = (frozenset(scan.hidden_rows),
                                                 frozenset(scan.hidden_cols))
            for name, (rows, cols) in scan.ods_hidden.items():
                if rows or cols:
                    hidden[name] = (frozenset(rows), frozenset(cols))
    return hidden


def _scan_part(fh, path: Path, info: zipfile.ZipInfo, sheet: str | None, kind: str,
               budget: int) -> tuple[int, _PartScan]:
    scan = _PartScan(path, info, sheet, kind)
    size = 0
    for chunk in _inflate(fh, path, info):
        size += len(chunk)
        if size > budget:
            raise _bomb(path, MAX_UNCOMPRESSED_BYTES - budget + size)
        scan.feed(chunk)
    scan.feed(b"")
    scan.close()
    return size, scan


def _bomb(path: Path, size: int) -> ReadError:
    return ReadError(f"{path.name}: refused: its parts would inflate to {size / 1024**2:,.0f} MB "
                     "(a zip bomb, or not a real workbook)")


def _check_declared(path: Path, info: zipfile.ZipInfo) -> None:
    if info.file_size > MAX_PART_BYTES or (
            info.file_size > RATIO_FLOOR
            and info.file_size / max(1, info.compress_size) > MAX_COMPRESSION_RATIO):
        raise ReadError(f"{path.name}: refused: part {info.filename} would inflate to "
                        f"{info.file_size / 1024**2:,.0f} MB from "
                        f"{info.compress_size / 1024:,.0f} KB (a zip bomb, or not a real "
                        "workbook)")


def _is_xml(name: str) -> bool:
    return name.lower().endswith((".xml", ".rels", ".vml"))


def _inflate(fh, path: Path, info: zipfile.ZipInfo,
             chunk: int = 1 << 20) -> Generator[bytes, None, None]:
    """The part's bytes, inflated from its raw data (not trusting the directory's sizes: more
    output than declared is refused as a tampered package)."""
    fh.seek(info.header_offset)
    local = fh.read(30)
    if len(local) < 30 or local[:4] != b"PK\x03\x04":
        raise ReadError(f"{path.name}: the workbook is damaged or truncated (part "
                        f"{info.filename})")
    name_len, extra_len = struct.unpack_from("<HH", local, 26)
    fh.seek(info.header_offset + 30 + name_len + extra_len)
    left = info.compress_size
    if info.compress_type == zipfile.ZIP_STORED:
        inflater = None
    elif info.compress_type == zipfile.ZIP_DEFLATED:
        inflater = zlib.decompressobj(-15)
    else:
        raise ReadError(f"{path.name}: part {info.filename} uses a compression Excel does not "
                        "write; save the workbook again in Excel or LibreOffice")
    out = 0
    limit = info.file_size
    while left > 0:
        raw = fh.read(min(chunk, left))
        if not raw:
            raise ReadError(f"{path.name}: the workbook is damaged or truncated (part "
                            f"{info.filename} ends early)")
        left -= len(raw)
        if inflater is None:
            data = raw
        else:
            try:
                data = inflater.decompress(raw, max(1, limit - out + 1))
                pieces = [data]
                while inflater.unconsumed_tail and out + sum(map(len, pieces)) <= limit:
                    pieces.append(inflater.decompress(inflater.unconsumed_tail,
                                                      max(1, limit - out + 1)))
                data = b"".join(pieces) if len(pieces) > 1 else data
            except zlib.error as exc:
                raise ReadError(f"{path.name}: the workbook is damaged (part {info.filename}: "
                                f"{exc})") from exc
        out += len(data)
        if out > limit:
            raise ReadError(f"{path.name}: refused: part {info.filename} inflates past the "
                            "size its zip directory gives (a tampered package or zip bomb)")
        if data:
            yield data
        if inflater is not None and inflater.eof:
            break


def _worksheet_names(zf: zipfile.ZipFile, path: Path) -> dict[str, str]:
    """Zip part name of each worksheet -> its sheet name (for messages), from workbook.xml and
    its relationships; {} when they cannot be read (calamine will say why)."""
    try:
        wb = zf.read("xl/workbook.xml") if "xl/workbook.xml" in zf.NameToInfo else b""
        rels = zf.read("xl/_rels/workbook.xml.rels") \
            if "xl/_rels/workbook.xml.rels" in zf.NameToInfo else b""
    except (zipfile.BadZipFile, OSError, zlib.error):
        return {}
    if len(wb) > 16 * 1024**2 or len(rels) > 16 * 1024**2 or _declares_entities(wb + rels):
        return {}
    targets = {}
    for m in re.finditer(rb"<(?:\w+:)?Relationship\b([^>]*)>", rels):
        attrs = dict(re.findall(rb'(\w+)\s*=\s*["\']([^"\']*)["\']', m.group(1)))
        if b"Id" in attrs and b"Target" in attrs:
            target = attrs[b"Target"].decode("utf-8", "replace")
            part = target.lstrip("/") if target.startswith("/") else \
                str(PurePosixPath("xl") / target)
            targets[attrs[b"Id"].decode()] = _normpath(part)
    out = {}
    for m in re.finditer(rb"<(?:\w+:)?sheet\b([^>]*)>", wb):
        attrs = dict(re.findall(rb'([\w:]+)\s*=\s*["\']([^"\']*)["\']', m.group(1)))
        rid = next((v for k, v in attrs.items() if k.endswith(b":id")), None)
        name = attrs.get(b"name")
        if rid and name and rid.decode() in targets:
            out[targets[rid.decode()]] = _unescape(name.decode("utf-8", "replace"))
    return out


def _normpath(part: str) -> str:
    out: list[str] = []
    for bit in part.split("/"):
        if bit == "..":
            if out:
                out.pop()
        elif bit and bit != ".":
            out.append(bit)
    return "/".join(out)


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
        data = self.tail + chunk
        cut = data.rfind(b"<")  # whole tags only; the rest goes with the next chunk
        if cut <= 0:
            cut = len(data) if len(data) > 1 << 20 else 0
        block, self.tail = data[:cut], data[cut:]
        if self.kind in ("sheet", "exact") and b"hidden" in block:
            self._hidden(block)
        if self.kind == "sheet":
            if _PLAIN_CELL.search(block) or _PREFIXED_CELL.search(block):
                raise _NeedsExact()
        elif self.kind == "exact":
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
                        self.col = _column_number(letters.decode())
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


def _column_number(letters: str) -> int:
    n = 0
    for ch in letters.upper():
        n = n * 26 + ord(ch) - 64
    return n


# --- CSV ------------------------------------------------------------------------------------


def read_csv(path: Path) -> list[list[object]]:
    """Rows of a CSV file as text: UTF-8 (with or without BOM) else GB18030 (GBK is a subset);
    the delimiter (comma, semicolon or tab) is the one that splits the first lines alike."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise ReadError(f"{path.name}: cannot be read ({exc.strerror})") from exc
    if size > MAX_CSV_BYTES:
        raise ReadError(f"{path.name}: refused: {size / 1024**2:,.0f} MB is more than a CSV "
                        f"GreenLedger reads ({MAX_CSV_BYTES / 1024**2:,.0f} MB)")
    raw = path.read_bytes()
    if not raw:
        raise ReadError(f"{path.name}: the file is empty")
    if raw.startswith((b"PK\x03\x04", CFB_MAGIC)):
        raise ReadError(f"{path.name}: a workbook named as a CSV file: rename it to .xlsx or "
                        ".xls")
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = raw.decode("utf-16")  # Excel's "Unicode text"
    else:
        for encoding in ("utf-8-sig", "gb18030"):
            try:
                text = raw.decode(encoding)
                break
            except UnicodeDecodeError:
                continue
        else:
            raise ReadError(f"{path.name}: not UTF-8 or GB18030 text; save it as CSV UTF-8")
    if "\x00" in text[:4096]:
        raise ReadError(f"{path.name}: not a text (CSV) file")
    delimiter = _delimiter(text[:65536])
    rows = [list(r) for r in csv.reader(io.StringIO(text), delimiter=delimiter)]
    if len(rows) > EXCEL_MAX_ROWS:
        raise ReadError(f"{path.name}: {len(rows):,} rows, past Excel's limit of "
                        f"{EXCEL_MAX_ROWS:,}")
    return rows


def _delimiter(sample: str) -> str:
    """Comma, semicolon or tab: the one found the same number of times (and most often) on the
    first lines, outside quotes."""
    lines = [line for line in sample.splitlines()[:20] if line.strip()]
    if len(lines) > 1 and len(sample) == 65536:
        lines = lines[:-1]  # the last may be cut off
    best, best_score = ",", (-1, -1)
    for d in (",", ";", "\t"):
        try:
            counts = [len(r) - 1 for r in csv.reader(io.StringIO("\n".join(lines)),
                                                     delimiter=d)]
        except csv.Error:
            continue
        if not counts or max(counts) == 0:
            continue
        score = (sum(c == counts[0] for c in counts), counts[0])
        if score > best_score:
            best, best_score = d, score
    return best


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
