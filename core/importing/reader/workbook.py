"""The xlsx / xlsm / xls / ods reader: python-calamine, after the gate (core.importing.
reader.gate.check_file) passed the file. Cached values only: formulas are never evaluated."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from python_calamine import CalamineWorkbook, PasswordError

from greenledger.core.importing.reader.base import (
    CSV_SUFFIXES,
    EXCEL_MAX_ROWS,
    MAX_CELLS,
    PROTECTED,
    ReadError,
    SheetData,
    _short,
)
from greenledger.core.importing.reader.csv_file import read_csv_delimited
from greenledger.core.importing.reader.gate import check_file


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
        rows, delimiter = read_csv_delimited(path)
        yield SheetData(path.stem, rows, delimiter=delimiter)
        return
    wb, hidden_cells = _open_with_hidden(path, only)
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


def _open_with_hidden(path: Path, only: str | None = None
                      ) -> tuple[CalamineWorkbook, dict[str, tuple[frozenset, frozenset]]]:
    """The workbook, and each sheet's hidden rows and columns (xlsx; found by check_file; with
    `only`, the gate inflates that worksheet's part alone: the others are never read)."""
    hidden = check_file(path, only)
    try:
        return CalamineWorkbook.from_path(str(path)), hidden
    except PasswordError as exc:
        raise ReadError(f"{path.name}: {PROTECTED}") from exc
    except Exception as exc:
        raise ReadError(f"{path.name}: not a workbook, or the file is damaged "
                        f"({_short(exc)})") from exc


# --- the container: checks before any parser sees the file -----------------------------------
