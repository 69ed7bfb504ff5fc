"""Importing a workbook of the template into a workspace: read, recognise, parse, check the
rows against each other and the workspace (core.importing.checks), then write everything in one
transaction or nothing (core.importing.writer).

Re-importing is idempotent by a natural key per table (core.fields SheetSpec.natural_key):
a row whose key is already stored with the same values is left alone ("unchanged"); with other
values it is updated in place ("updated"); a new key is inserted.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from greenledger.core.errors import ImportCancelled, ImportRefused, Problem
from greenledger.core.importing.checks import (  # noqa: F401 - callers import them from here
    KIND_ORDER,
    check_kinds,
    check_parsed,
    distinct_problems,
)
from greenledger.core.importing.checks_rows import (  # noqa: F401 - core.editing uses them
    RowChecker as _Checker,
)
from greenledger.core.importing.checks_rows import (  # noqa: F401
    book_with_file_factors as _book_with_file_factors,
)
from greenledger.core.importing.file_factors import (  # noqa: F401 - core.importing.writer
    factor_from_row as _factor_from_row,
)
from greenledger.core.importing.file_factors import factor_per  # noqa: F401
from greenledger.core.importing.formulas import FormulaProbe
from greenledger.core.importing.reader import ReadError, SheetData, read_sheets
from greenledger.core.importing.result import ImportResult
from greenledger.core.importing.sheets import ParsedSheet, parse_sheet, recognise
from greenledger.core.importing.writer import (  # noqa: F401 - core.editing uses _stored, _existing, _key_positions
    MASS_TO_KG,
    KindCounts,
    Progress,
    _count,
    _existing,
    _key_positions,
    _stored,
    _write,
    sha256_of,
)
from greenledger.core.storage import Workspace


def import_file(ws: Workspace, path: str | Path, *, sheet: str | None = None,
                dry_run: bool = False, progress: Progress | None = None,
                cancelled: Callable[[], bool] = lambda: False) -> ImportResult:
    """Import every template sheet of `path` (or only `sheet`) into `ws`, all or nothing.

    Raises ImportRefused listing every problem (nothing written), ImportCancelled when
    `cancelled()` turns true before the commit (nothing written).
    """
    with _gc_paused():
        return _import(ws, Path(path), sheet, dry_run, progress, cancelled)


@contextmanager
def _gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector: an import allocates millions of cells and rows but
    no reference cycles, and repeated full collections over them cost a third of its time."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _import(ws: Workspace, path: Path, sheet: str | None, dry_run: bool,
            progress: Progress | None, cancelled: Callable[[], bool]) -> ImportResult:
    parsed, skipped = _read_and_parse(path, sheet, progress, cancelled)
    return check_and_write(ws, path, parsed, skipped, dry_run=dry_run, progress=progress,
                           cancelled=cancelled)


def check_and_write(ws: Workspace, path: Path, parsed: list[ParsedSheet], skipped: list[str],
                    *, dry_run: bool = False, progress: Progress | None = None,
                    cancelled: Callable[[], bool] = lambda: False,
                    problems: list[Problem] | None = None,
                    warnings: list[Problem] | None = None) -> ImportResult:
    """Check parsed sheets against each other and the workspace, then write them all in one
    transaction (or, with `dry_run`, roll it back). `problems`/`warnings` found earlier (e.g.
    by the import assistant) join those of the sheets; any problem refuses the whole import."""
    file = path.name
    check_kinds(file, parsed)
    parsed, problems, warnings = check_parsed(ws, parsed, problems, warnings)
    if problems:
        raise ImportRefused(problems, warnings)
    if cancelled():
        raise ImportCancelled()
    counts = {ps.kind: KindCounts() for ps in parsed}
    result = ImportResult(file, None, [(ps.sheet, ps.kind, len(ps)) for ps in parsed],
                          counts, warnings, skipped, dry_run)
    if dry_run:
        _count(ws, parsed, result)
    else:
        _write(ws, path, parsed, result, cancelled, progress)
    return result


def _read_and_parse(path: Path, only: str | None, progress: Progress | None,
                    cancelled: Callable[[], bool]) -> tuple[list[ParsedSheet], list[str]]:
    file = path.name
    try:
        sheets: list[SheetData] = list(read_sheets(path, only))
    except ReadError as exc:
        raise ImportRefused([Problem(file, str(exc).split(": ", 1)[-1], code="unreadable")]) \
            from exc
    probe = FormulaProbe(path)
    parsed: list[ParsedSheet] = []
    skipped: list[str] = []
    total = sum(len(s.rows) for s in sheets)
    done = 0
    for s in sheets:
        if cancelled():
            raise ImportCancelled()
        layout = recognise(s, file)
        if layout is None:
            skipped.append(s.name)
            continue

        def sheet_progress(r: int, base: int = done) -> None:
            if progress:
                progress(base + r, total)
            if cancelled():
                raise ImportCancelled()

        parsed.append(parse_sheet(s, file, layout, formula_at=probe.checker(s.name),
                                  progress=sheet_progress))
        done += len(s.rows)
    if not parsed:
        what = f"sheet '{only}' does not" if only else "no sheet"
        raise ImportRefused([Problem(
            file, f"{what} have the template's headers (e.g. Site, Period start, Period end, "
                  "Source, Energy (kWh)); write a template with `greenledger template`",
            code="no_template_sheet")])
    check_kinds(file, parsed)
    parsed.sort(key=lambda p: KIND_ORDER.index(p.kind))
    return parsed, skipped
