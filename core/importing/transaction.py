"""An import's last step, for every layout: check the parsed sheets against each other and
the workspace (core.importing.checks), then write them all in one transaction, or nothing
(core.importing.writer)."""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from greenledger.core.errors import ImportCancelled, ImportRefused, Problem
from greenledger.core.importing.checks import check_kinds, check_parsed
from greenledger.core.importing.parsed import ParsedSheet
from greenledger.core.importing.result import ImportResult
from greenledger.core.importing.writer import KindCounts, Progress, _count, _write
from greenledger.core.storage import Workspace


def check_and_write(ws: Workspace, path: Path, parsed: list[ParsedSheet], skipped: list[str],
                    *, dry_run: bool = False, progress: Progress | None = None,
                    cancelled: Callable[[], bool] = lambda: False,
                    problems: list[Problem] | None = None,
                    warnings: list[Problem] | None = None,
                    remember: Callable[[ImportResult], None] | None = None,
                    started: str | None = None, sha256: str | None = None) -> ImportResult:
    """Check parsed sheets against each other and the workspace, then write them all in one
    transaction (or, with `dry_run`, roll it back). `problems`/`warnings` found earlier join
    those of the sheets; any problem refuses the whole import. `remember(result)` runs in the
    writing transaction, after the writes (core.importing.memo); `started`: the workspace's state
    the checks were made against, which the write refuses to go on from if it changed meanwhile;
    `sha256`: the digest of the bytes read (else the file's is taken again)."""
    check_kinds(path.name, parsed)
    parsed, problems, warnings = check_parsed(ws, parsed, problems, warnings)
    if problems:
        raise ImportRefused(problems, warnings)
    if cancelled():
        raise ImportCancelled()
    counts = {ps.kind: KindCounts() for ps in parsed}
    result = ImportResult(path.name, None, [(ps.sheet, ps.kind, len(ps)) for ps in parsed],
                          counts, warnings, skipped, dry_run)
    if dry_run:
        _count(ws, parsed, result)
    else:
        _write(ws, path, parsed, result, cancelled, progress, remember, started, sha256)
    return result


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
