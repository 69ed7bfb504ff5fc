"""The CSV reader: UTF-8 or GB18030 text, comma, semicolon or tab (or the delimiter a first
`sep=;` line names, as Excel writes and reads it)."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

from greenledger.core.importing.reader.base import CFB_MAGIC, EXCEL_MAX_ROWS, ReadError

MAX_CSV_BYTES = 1024**3

def read_csv(path: Path) -> list[list[object]]:
    return read_csv_delimited(path)[0]


def read_csv_delimited(path: Path) -> tuple[list[list[object]], str]:
    """Rows of a CSV file as text: UTF-8 (with or without BOM) else GB18030 (GBK is a subset);
    the delimiter is the one a first `sep=` line names (that line is no row: Excel does not
    show it, so row 1 is the line after it, as in Excel), else comma, semicolon or tab, the one
    that splits the first lines alike."""
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
    named, text = sep_line(text)
    delimiter = named or _delimiter(text[:65536])
    rows = [list(r) for r in csv.reader(io.StringIO(text), delimiter=delimiter)]
    if len(rows) > EXCEL_MAX_ROWS:
        raise ReadError(f"{path.name}: {len(rows):,} rows, past Excel's limit of "
                        f"{EXCEL_MAX_ROWS:,}")
    return rows, delimiter


_SEP_LINE = re.compile(r'^[ \t]*"?sep=(?P<d>\\t|[^\w\s"\'\r\n]|\t)"?(?P=d)*[ \t]*(?:\r\n|\r|\n|$)',
                       re.IGNORECASE)


def sep_line(text: str) -> tuple[str | None, str]:
    """(the delimiter, the text after the line) for a text whose first line is Excel's
    `sep=;` (`sep=,`, `sep=|`, `sep=` and a tab, or `sep=\\t` written out), else (None, text).
    A line `sep=;;;` (padded with its delimiter by a tool that saved it again) is one too."""
    m = _SEP_LINE.match(text)
    if m is None:
        return None, text
    d = m["d"]
    return ("\t" if d in ("\\t", "\t") else d), text[m.end():]


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
