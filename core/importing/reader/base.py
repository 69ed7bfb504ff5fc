"""What every reader shares: the file kinds, the limits past which a sheet is refused, the
error a reader raises and the sheet it yields."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from greenledger.core.errors import GreenLedgerError

WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".ods", ".xlsb")
ZIP_SUFFIXES = (".xlsx", ".xlsm", ".xlsb", ".ods")
CSV_SUFFIXES = (".csv", ".txt", ".tsv")
EXCEL_MAX_ROWS = 1_048_576
EXCEL_MAX_COLUMNS = 16_384
MAX_CELLS = 30_000_000  # rows × columns of a sheet's used range (about 1 GB in calamine)
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
    delimiter: str | None = None  # a CSV's field delimiter (None: not a CSV)



def column_letter(index: int) -> str:
    """0-based column index -> Excel letters (0 -> A, 27 -> AB)."""
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


COLUMN_LABEL = re.compile(r"^(?P<h>.*) \[(?P<l>[A-Z]+)\]$")  # a problem's column: `Energy (kWh) [E]`


def column_index(letters: str) -> int:
    """Excel letters -> 0-based column index (A -> 0, AB -> 27): column_letter's inverse."""
    n = 0
    for ch in letters.upper():
        n = n * 26 + ord(ch) - 64
    return n - 1


def _short(exc: Exception) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return text[:160]
