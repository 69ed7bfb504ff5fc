"""The untrusted-file gate: before any parser sees a workbook, `check_file` refuses it, naming
the file (and the sheet where there is one): empty and truncated files, text or random bytes
named as a workbook, password-protected (encrypted) workbooks (core.importing.reader.cfb), zip
packages whose parts would inflate past a sane bound (by the zip directory, and by actually
inflating each XML part with a budget, so a directory that lies about sizes is caught too), and
XML parts with a DOCTYPE or ENTITY declaration or a cell grid too large to hold
(core.importing.reader.scan)."""

from __future__ import annotations

import re
import struct
import zipfile
import zlib
from collections.abc import Generator
from pathlib import Path, PurePosixPath

from greenledger.core.importing.reader.base import CFB_MAGIC, ZIP_SUFFIXES, ReadError, _short
from greenledger.core.importing.reader.cfb import check_cfb
from greenledger.core.importing.reader.scan import (
    _declares_entities,
    _NeedsExact,
    _PartScan,
    _unescape,
)

MAX_UNCOMPRESSED_BYTES = 2 * 1024**3  # 2 GiB inflated in all: far past any real workbook
MAX_PART_BYTES = 1024**3  # one XML part (a sheet) inflated
MAX_COMPRESSION_RATIO = 200  # real sheets inflate 5-30×; checked for parts past RATIO_FLOOR
RATIO_FLOOR = 16 * 1024**2
MAX_PARTS = 10_000


def check_file(path: Path, only: str | None = None) -> dict[str, tuple[frozenset[int], frozenset[int]]]:
    """Refuse (ReadError) a workbook that is not safe or not possible to parse; see the module
    docstring. Cheap: reads the zip directory and streams each XML part once. Returns, for
    an xlsx, each sheet's hidden rows and columns (0-based) seen on the way. With `only` (the
    one sheet that will be read, as read_sheets matches it), the other worksheets' parts are
    not inflated: no parser reads them (their zip entries are still checked)."""
    suffix = path.suffix.lower()
    try:
        with path.open("rb") as fh:
            head = fh.read(512)
    except OSError as exc:
        raise ReadError(f"{path.name}: cannot be read ({exc.strerror})") from exc
    if not head:
        raise ReadError(f"{path.name}: the file is empty")
    if head.startswith(CFB_MAGIC) or head.startswith(CFB_MAGIC[:4]):
        check_cfb(path, suffix)
    elif head.startswith(b"PK"):
        return _check_zip(path, suffix, only)
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



def _check_zip(path: Path, suffix: str, only: str | None = None
               ) -> dict[str, tuple[frozenset[int], frozenset[int]]]:
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
        skipped = _other_sheets(sheets, only)
        inflated = 0
        hidden: dict[str, tuple[frozenset[int], frozenset[int]]] = {}
        for info in infos:
            if not _is_xml(info.filename) or info.filename in skipped:
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


def _other_sheets(sheets: dict[str, str], only: str | None) -> set[str]:
    """The parts of the worksheets other than `only` (matched as read_sheets matches it: exact,
    else ignoring case); none when `only` is None or names no sheet (then every part is
    scanned, and the reader says there is no such sheet)."""
    if only is None:
        return set()
    match = [p for p, n in sheets.items() if n == only] or \
        [p for p, n in sheets.items() if n.lower() == only.lower()]
    return set(sheets) - set(match[:1]) if match else set()


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

