"""A table's header cells and its Layout (header rows, data block, ignored rows, units stated
around it). Plain data; core.importing.layout.detect_layout finds them."""

from __future__ import annotations

from dataclasses import dataclass, field

from greenledger.core.fields import Kind
from greenledger.core.importing.codes import UnitFrom
from greenledger.core.importing.layout_periods import Period
from greenledger.core.importing.layout_rows import IgnoredRow


@dataclass(slots=True)
class HeaderCell:
    """One column's header: `upper` and `lower` are the texts of a two-row header (the upper
    filled rightwards across merged cells), `text` what is matched; `period` set for a wide
    layout's period column, whose measure/unit come from `upper` or the title."""

    index: int
    text: str
    upper: str = ""
    lower: str = ""
    period: Period | None = None
    unit: str | None = None


@dataclass(slots=True)
class Layout:
    header_rows: list[int]  # 0-based indexes of the header row(s)
    first_data: int  # 0-based index of the first data row
    end: int  # 0-based index past the last data row
    cells: list[HeaderCell]
    ignored: list[IgnoredRow] = field(default_factory=list)
    unit_hints: list[tuple[str, UnitFrom, str]] = field(default_factory=list)  # (unit, where, at)
    units_row: dict[int, str] = field(default_factory=dict)  # column -> unit of a units row
    money_hints: list[tuple[str, str, str]] = field(default_factory=list)  # (word, where, text)
    hidden_cols: frozenset[int] = frozenset()  # 0-based columns hidden in Excel
    year: int | None = None  # the year of month headers without one, named in a title
    year_from: str | None = None  # where: "row 1"
    campaign_dates: list = field(default_factory=list)  # see core.importing.campaign_dates

    @property
    def wide(self) -> bool:
        """Periods as columns: two or more period headers, or one where no other column
        gives a period (a single month's sheet)."""
        n = sum(1 for c in self.cells if c.period is not None)
        if n != 1:
            return n >= 2
        return not any(gives_period(c.text) for c in self.cells if c.period is None)

    @property
    def header_row_numbers(self) -> list[int]:
        return [r + 1 for r in self.header_rows]

    @property
    def data_rows(self) -> tuple[int, int]:
        """First and last data row as Excel numbers."""
        return self.first_data + 1, self.end

    def describe(self) -> str:
        rows = self.header_row_numbers
        head = (f"header row {rows[0]}" if len(rows) == 1
                else f"header rows {rows[0]}–{rows[-1]} (joined)")
        first, last = self.data_rows
        return f"{head}; data rows {first}–{last}; {'wide' if self.wide else 'long'}"


def gives_period(text: str) -> bool:
    from greenledger.core.importing.mapping import PERIOD, match_header

    return any(m.field in ("period_start", "period_end", PERIOD) and m.confidence >= 0.95
               for m in match_header(text, Kind.ENERGY))
