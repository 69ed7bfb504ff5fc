"""Parsed sheets: the columns read (Column, SheetLayout) and the rows as they will be stored,
kept column-wise (ParsedSheet; ParsedRow is one row's view). Plain data."""

from __future__ import annotations

from dataclasses import dataclass, field

from greenledger.core.errors import Problem
from greenledger.core.fields import Field, Kind
from greenledger.core.importing.reader import column_letter


@dataclass(frozen=True, slots=True)
class Column:
    index: int
    field: Field
    header: str
    multiplier: float = 1.0

    @property
    def label(self) -> str:
        """The column as a user reads it: its header and letter, e.g. `Energy (kWh) [E]`."""
        return f"{self.header} [{column_letter(self.index)}]"


@dataclass(slots=True)
class SheetLayout:
    kind: Kind
    header_row: int  # 0-based index into SheetData.rows
    columns: list[Column]
    problems: list[Problem] = field(default_factory=list)

    def column(self, name: str) -> Column | None:
        for c in self.columns:
            if c.field.name == name:
                return c
        return None


@dataclass(slots=True)
class ParsedRow:
    row: int  # the row number Excel shows
    values: dict[str, object]


@dataclass(slots=True)
class ParsedSheet:
    """A sheet's data rows, kept by column: `columns[field]` holds the parsed value (in the
    stored unit, None when blank) of every data row, `row_numbers` their Excel row numbers."""

    file: str
    sheet: str
    layout: SheetLayout
    columns: dict[str, list[object]]
    row_numbers: list[int]
    problems: list[Problem]
    warnings: list[Problem]
    _rows: list[ParsedRow] | None = None

    @property
    def kind(self) -> Kind:
        return self.layout.kind

    def __len__(self) -> int:
        return len(self.row_numbers)

    @property
    def rows(self) -> list[ParsedRow]:
        """The same rows as one dict of field values each (built on first use)."""
        if self._rows is None:
            names = list(self.columns)
            self._rows = [ParsedRow(n, dict(zip(names, values, strict=True)))
                          for n, values in zip(self.row_numbers, zip(*self.columns.values(),
                                                                     strict=True), strict=True)]
        return self._rows

    def row_at(self, i: int) -> ParsedRow:
        return ParsedRow(self.row_numbers[i], {k: col[i] for k, col in self.columns.items()})

    def label(self, name: str) -> str:
        col = self.layout.column(name)
        return col.label if col else name
