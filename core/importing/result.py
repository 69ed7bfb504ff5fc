"""What an import did (or, for a dry run, would do): the sheets read, each kind's counts of new,
updated and unchanged rows, the warnings, the sheets not imported and the batch written."""

from __future__ import annotations

from dataclasses import dataclass, field

from greenledger.core.errors import Problem
from greenledger.core.fields import Kind


@dataclass(slots=True)
class KindCounts:
    """One kind's rows of an import: read, new, updated, unchanged."""

    rows: int = 0
    inserted: int = 0
    updated: int = 0
    unchanged: int = 0


@dataclass(slots=True)
class ImportResult:
    file: str
    batch_id: int | None
    sheets: list[tuple[str, Kind, int]]
    counts: dict  # Kind -> KindCounts
    warnings: list[Problem] = field(default_factory=list)
    skipped_sheets: list[str] = field(default_factory=list)
    dry_run: bool = False
    # when the import memo answered (core.importing.memo): the time the file was last imported
    # or checked with these options, the workspace unchanged since; None when the file was read
    recalled: str | None = None

    @property
    def inserted(self) -> int:
        return sum(c.inserted for c in self.counts.values())

    @property
    def updated(self) -> int:
        return sum(c.updated for c in self.counts.values())

    @property
    def unchanged(self) -> int:
        return sum(c.unchanged for c in self.counts.values())
