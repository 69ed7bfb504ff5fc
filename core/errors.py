"""Errors that reach users: each names what is wrong, where, and why; never a traceback."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Problem:
    """One bad cell (or file, or sheet): `file › sheet › row N › column: value — reason`.

    `row` is the row number Excel shows (1-based); `column` the header with its letter, e.g.
    `Energy (kWh) [E]`. `code` and `params` let a front end render the reason in any language.
    """

    file: str
    reason: str
    sheet: str | None = None
    row: int | None = None
    column: str | None = None
    value: object = None
    code: str = "invalid"
    params: dict = field(default_factory=dict, compare=False, hash=False)

    def __str__(self) -> str:
        parts = [self.file]
        if self.sheet is not None:
            parts.append(self.sheet)
        if self.row is not None:
            parts.append(f"row {self.row}")
        where = " › ".join(parts)
        if self.column is not None:
            where += f" › {self.column}"
        shown = _show(self.value)
        if self.column is not None or self.value is not None:
            return f"{where}: {shown} — {self.reason}" if shown else f"{where}: (blank) — {self.reason}"
        return f"{where} — {self.reason}"


def _show(value: object) -> str:
    """A cell value as the user typed it: text quoted, 1200.0 as 1200."""
    if value is None:
        return ""
    if isinstance(value, str):
        return repr(value)
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return str(value)


class GreenLedgerError(Exception):
    """Base of the errors shown to users as a message (no traceback)."""


class WorkspaceError(GreenLedgerError):
    """A workspace that cannot be opened or written (not a workspace, newer version, locked)."""


class ImportRefused(GreenLedgerError):
    """An import with problems: nothing was written. `problems` lists every bad cell."""

    def __init__(self, problems: list[Problem], warnings: list[Problem] | None = None) -> None:
        self.problems = problems
        self.warnings = warnings or []
        n = len(problems)
        super().__init__(f"import refused: {n} problem{'s' if n != 1 else ''}; nothing was written")


class ImportCancelled(GreenLedgerError):
    """The user cancelled an import: nothing was written."""

    def __init__(self) -> None:
        super().__init__("import cancelled; nothing was written")
