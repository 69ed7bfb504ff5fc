"""Text that a spreadsheet must show as text, never run: a site or business unit named
`=HYPERLINK("http://…","click")` (any text starting with =, +, -, @, a tab or a carriage return) is a
formula to Excel and LibreOffice when written as it is (CSV injection, OWASP). Every file GreenLedger
writes for a spreadsheet goes through these helpers:

- XLSX (openpyxl): `set_text(cell, value)` / `append_row(ws, row)` write strings as string cells
  (openpyxl takes a str starting with "=" for a formula unless the cell's type is set back to "s");
  the text read back is the name itself;
- CSV: `csv_field(value)` prefixes such a text with a single quote, as OWASP advises, so that a
  spreadsheet opening the file shows it as text (the quote is the only change).

Numbers are never touched (−18 is a number, not a text starting with "-")."""

from __future__ import annotations

from collections.abc import Iterable

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def formula_like(value: object) -> bool:
    """A str that a spreadsheet would read as a formula (or its start)."""
    return isinstance(value, str) and value.startswith(FORMULA_START)


def csv_field(value: object) -> object:
    """`value` for a CSV file: formula-like texts get a leading single quote."""
    return "'" + value if formula_like(value) else value


def csv_row(row: Iterable[object]) -> list[object]:
    return [csv_field(v) for v in row]


def keep_text(cell) -> None:
    """An openpyxl cell holding a str: a string cell, even when it starts with '='."""
    if isinstance(cell.value, str):
        cell.data_type = "s"


def set_text(cell, value: object) -> None:
    """cell.value = value, a formula-like str kept as text."""
    cell.value = value
    keep_text(cell)


def append_row(ws, row: Iterable[object]) -> None:
    """ws.append(row) with every str of it kept as text."""
    ws.append(list(row))
    for cell in ws[ws.max_row]:
        keep_text(cell)
