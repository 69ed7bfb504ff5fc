"""What the import engine makes of a workbook: the options a user gave (ImportOptions), each
sheet's plan (SheetPlan) and each column's (ColumnPlan). Plain data; the stages that fill
them are core.importing.columns, column_units, parse, checks_sheet and engine."""

from __future__ import annotations

from dataclasses import dataclass, field

from greenledger.core.errors import Problem
from greenledger.core.fields import SHEETS, FieldType, Kind
from greenledger.core.importing.codes import (
    ASIDE_TEXT,
    FOUND_TEXT,
    HINT_TEXT,
    SKIP_TEXT,
    UNIT_FROM_TEXT,
    Aside,
    Found,
    Hint,
    Skip,
    UnitFrom,
    english,
)
from greenledger.core.importing.layout import Layout, Period
from greenledger.core.importing.reader import column_letter
from greenledger.core.importing.sheets import ParsedSheet


@dataclass(slots=True)
class ImportOptions:
    """What the user told the assistant (command line flags, a profile, the dialog).

    `mapping`: header text (or column letter) -> field name, or "ignore"; `units`: field ->
    unit; `period_year`: the year of month headers that have none (`1月`, `Jan`); `values`:
    field -> one value for every row (e.g. source=grid); `header_rows`: Excel row numbers of
    the header; `measure`: the field a wide sheet's period columns hold."""

    sheet: str | None = None
    kind: Kind | None = None
    mapping: dict[str, str] = field(default_factory=dict)
    units: dict[str, str] = field(default_factory=dict)
    period_year: int | None = None
    values: dict[str, str] = field(default_factory=dict)
    header_rows: list[int] | None = None
    measure: str | None = None
    skip_hidden: bool = False  # leave out rows and columns hidden in Excel

    @property
    def explicit(self) -> bool:
        return bool(self.kind or self.mapping or self.units or self.period_year
                    or self.values or self.header_rows or self.measure)


@dataclass(slots=True)
class ColumnPlan:
    """One column of the sheet and what the engine makes of it. Its state is codes
    (core.importing.codes): `found` (how its field was found), `unit_source`/`unit_at` (where
    its unit was stated), `aside`/`aside_args` (why it is not imported). `how`, `unit_from`,
    `note` and `note_text` are their English words, read-only, for callers that show words."""

    index: int
    header: str
    field: str | None  # a field name, mapping.PERIOD, or None (ignored)
    confidence: float = 0.0
    found: Found | None = None
    unit: str | None = None
    unit_source: UnitFrom | None = None
    multiplier: float = 1.0
    period: Period | None = None
    aside: Aside | None = None
    group: str = ""  # the header a period column sits under (`用电量`), if any
    aside_args: tuple = ()  # values of the aside text's {0}, {1}
    unit_at: str = ""  # which row, cell or column stated the unit (UnitFrom.ROW, …)

    @property
    def how(self) -> str:
        return english(FOUND_TEXT, self.found)

    @property
    def unit_from(self) -> str | None:
        return english(UNIT_FROM_TEXT, self.unit_source, (self.unit_at,)) if self.unit_source else None

    @property
    def note(self) -> str:
        """The aside's English template (its {0} unfilled: see note_text)."""
        if self.aside is None:
            return ""
        return ASIDE_TEXT[self.aside] if self.aside != Aside.OTHER else str(self.aside_args[0])

    @property
    def note_args(self) -> tuple:
        return self.aside_args if self.aside != Aside.OTHER else ()

    @property
    def note_text(self) -> str:
        return english(ASIDE_TEXT, self.aside, self.aside_args)

    @property
    def letter(self) -> str:
        return column_letter(self.index)

    @property
    def label(self) -> str:
        return f"{self.header} [{self.letter}]"


@dataclass(slots=True)
class SheetPlan:
    """What the engine makes of one sheet (or of one table's kind of rows in it). `skip` and
    `skip_args` say why it is not imported, `hint` what the user can do (codes; `skipped` is
    the English words)."""

    file: str
    sheet: str
    hidden: bool = False
    kind: Kind | None = None
    kind_confidence: float = 0.0
    layout: Layout | None = None
    columns: list[ColumnPlan] = field(default_factory=list)
    parsed: ParsedSheet | None = None
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    skip: Skip | None = None  # why the sheet is not imported
    template: bool = False  # the template's own headers (fast path)
    options: ImportOptions | None = None
    checks: list[Problem] = field(default_factory=list)  # found by preflight (the workspace)
    check_warnings: list[Problem] = field(default_factory=list)
    reconciliations: list = field(default_factory=list)  # reconcile.Reconciliation, each total
    skip_args: dict = field(default_factory=dict)
    hint: Hint | None = None  # what to do about `skip`
    intervals: object = None  # intervals.Intervals: a day a row, its hours across, read long
    transposed: object = None  # transposed.Transposed: periods down the rows, read transposed;
    # columns and layout are then at the transposed reading's cells, problems at the sheet's

    @property
    def skipped(self) -> str | None:
        """Why the sheet is not imported, in English with the neutral hint (None: imported)."""
        if self.skip is None:
            return None
        words = english(SKIP_TEXT, self.skip, self.skip_args)
        return f"{words}; {english(HINT_TEXT, self.hint)}" if self.hint else words

    @property
    def all_problems(self) -> list[Problem]:
        """The sheet's problems and those the checks against the workspace found (preflight):
        none means Import succeeds."""
        return self.problems + self.checks

    @property
    def all_warnings(self) -> list[Problem]:
        return self.warnings + self.check_warnings

    def __len__(self) -> int:
        return len(self.parsed) if self.parsed is not None else 0

    @property
    def importable(self) -> bool:
        return self.parsed is not None

    @property
    def wide(self) -> bool:
        return self.layout is not None and self.layout.wide

    @property
    def headers(self) -> list[str]:
        """The sheet's header texts (what a profile is matched on)."""
        return [c.header for c in self.columns]

    @property
    def mapped(self) -> list[ColumnPlan]:
        return [c for c in self.columns if c.field]

    @property
    def ignored_columns(self) -> list[ColumnPlan]:
        return [c for c in self.columns if not c.field]

    def totals(self) -> dict[str, float]:
        """Sum of each numeric field over the rows to import, in stored units."""
        if self.parsed is None:
            return {}
        out = {}
        for f in SHEETS[self.parsed.kind].fields:
            if f.type in (FieldType.NUMBER, FieldType.INTEGER):
                vals = [v for v in self.parsed.columns[f.name] if v is not None]
                if vals:
                    out[f.name] = float(sum(vals))
        return out

    def preview(self, n: int = 20) -> list[dict]:
        """The first `n` rows as they will be stored (field values in stored units, with the
        Excel `row` they come from)."""
        if self.parsed is None:
            return []
        cols = self.parsed.columns
        return [{"row": self.parsed.row_numbers[i], **{k: v[i] for k, v in cols.items()}}
                for i in range(min(n, len(self.parsed)))]


def numeric_fields(kind: Kind) -> set[str]:
    """The kind's number fields: what a wide sheet's period columns can hold."""
    return {f.name for f in SHEETS[kind].fields if f.type == FieldType.NUMBER}


def period_span(cols: list[ColumnPlan]) -> str:
    """`C–N 2023年1月 … 2023年12月`: the period columns named for a message."""
    if len(cols) == 1:
        return cols[0].label
    return f"{cols[0].header} … {cols[-1].header} [{cols[0].letter}–{cols[-1].letter}]"
