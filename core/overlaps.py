"""Rows whose periods overlap for the same key: the same kWh, orders or kg counted twice.

Pure functions over plain tuples, shared by the import (core.importing) and the workspace
check (`greenledger check`). A row is a `Span`: its key (energy: site, source, instrument;
deliveries: business unit, vehicle; packaging: business unit, material, see OVERLAP_KEYS), its
period, its value(s) in stored units and where it comes from. A period is two dates (the first
and last day, both included) or two instants (an hour 13:00–14:00: from the start up to the
end, the end excluded, core.periods): two periods overlap when they share some time, so the
hours 13:00–14:00 and 14:00–15:00 do not, and a day 2023-01-01 overlaps its hours.

    found = find_overlaps(spans)          # -> list[Overlap], each naming both rows
    for o in found:
        o.kind        # "overlap" (refused) or "total" (o.row is the total of o.covered)

Two rows of one key with exactly the same period are not an overlap here: that is the natural
key (within a file a duplicate, refused by the importer; against the workspace an update of the
stored row), unless their `by` differs (a row given by campaign, whose period is the campaign's,
beside a row given by its dates: both count toward the campaign). A coarse row (a quarter, a
year) whose period is exactly tiled by finer rows of the same key (its months, its quarters)
and whose value equals their sum within ROUNDING is their total ("total"): the import leaves
it out with a warning. Any other overlap is refused.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Literal

from greenledger.core.fields import Kind
from greenledger.core.periods import bound_text, instants

OVERLAP_KEYS: dict[Kind, tuple[str, ...]] = {
    Kind.ENERGY: ("site", "source", "instrument"),
    Kind.DELIVERIES: ("business_unit", "vehicle"),
    Kind.PACKAGING: ("business_unit", "material"),
}
"""The fields (core.fields names) whose rows must not overlap in time, per kind."""

OVERLAP_VALUES: dict[Kind, tuple[str, ...]] = {
    Kind.ENERGY: ("energy",),
    Kind.DELIVERIES: ("orders", "distance", "emissions"),
    Kind.PACKAGING: ("quantity",),
}
"""The values compared when deciding whether a coarse row is the total of finer rows."""

ROUNDING = 1e-3
"""A coarse row is the total of its finer rows when they differ by at most this share of the
total (0.1 %: a total and its parts each rounded to four significant figures still match)."""

Value = float | tuple[float | None, ...] | None


@dataclass(frozen=True, slots=True)
class Where:
    """Where a row comes from: `file › sheet › row N` (a stored row: its import's provenance)."""

    file: str | None
    sheet: str | None = None
    row: int | None = None
    stored: bool = False  # a row already in the workspace

    def __str__(self) -> str:
        parts = [p for p in (self.file, self.sheet) if p]
        if self.row is not None:
            parts.append(f"row {self.row}")
        return " › ".join(parts) or "(entered by hand)"


@dataclass(frozen=True, slots=True)
class Span:
    """One row: key, period (first and last day inclusive, or instants with the end
    excluded), value(s) and where it is."""

    key: tuple
    start: date
    end: date
    value: Value
    where: object  # a Where, or anything with a str() (a stored row id, ...)
    by: object = None  # what else tells the row apart in its natural key (a campaign's name)

    @property
    def days(self) -> float:
        """Its length in days (an hour is 1/24)."""
        a, z = instants(self.start, self.end)
        return (z - a).total_seconds() / 86400

    @property
    def span(self) -> tuple[datetime, datetime]:
        """[start, end) as instants (core.periods.instants)."""
        return instants(self.start, self.end)


@dataclass(frozen=True, slots=True)
class Overlap:
    """`row` overlaps `other` (same key, periods sharing at least one day).

    kind "total": `row` is a coarse row equal to the sum of `covered` (the finer rows that tile
    its period exactly); `other` is the first of them. kind "overlap": refused."""

    key: tuple
    row: Span
    other: Span
    kind: Literal["overlap", "total"] = "overlap"
    covered: tuple[Span, ...] = field(default=())

    @property
    def total(self) -> float | None:
        """The summed value of the covered rows (the first value when there are several)."""
        if not self.covered:
            return None
        return sum(_first(s.value) or 0.0 for s in self.covered)


def _first(v: Value) -> float | None:
    return v[0] if isinstance(v, tuple) else v


def spans_of(keys: Sequence[tuple], starts: Sequence[object], ends: Sequence[object],
             values: Sequence[Value], wheres: Sequence[object]) -> list[Span]:
    """Spans from parallel columns; rows without both dates are left out (a row given by
    campaign has no period of its own)."""
    return [Span(k, a, b, v, w) for k, a, b, v, w in zip(keys, starts, ends, values, wheres,
                                                         strict=True)
            if valid(a, b)]


def valid(a: object, b: object) -> bool:
    """Whether (a, b) is a period: two dates, the end not before the start, or two instants,
    the end after the start."""
    if type(a) is date and type(b) is date:
        return a <= b
    return isinstance(a, datetime) and isinstance(b, datetime) and a < b


def periods_overlap(periods: Iterable[tuple[date, date]]) -> set[tuple[date, date]]:
    """The distinct periods that share some time with another, different, period (days
    included, an instant end excluded: consecutive hours do not overlap).

    Sheets hold few distinct periods (months) over many rows: checking these first lets a caller
    skip the per-row work when no two periods overlap at all, whatever the keys."""
    distinct = sorted((instants(a, b), (a, b)) for a, b in set(periods) if valid(a, b))
    hit: set[tuple[date, date]] = set()
    # sweep: each period against the later-starting ones that begin before it ends
    for i, ((_, z), p) in enumerate(distinct):
        for (c, _), q in distinct[i + 1:]:
            if c >= z:
                break
            hit.add(p)
            hit.add(q)
    return hit


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= max(ROUNDING * max(abs(a), abs(b)), 1e-9)


def _same_total(coarse: Value, finer: list[Value]) -> bool:
    """Whether `coarse` equals the sum of `finer`, value by value (None in the coarse row is
    not compared; a None among the finer rows where the coarse row has a value is not a sum)."""
    cs = coarse if isinstance(coarse, tuple) else (coarse,)
    compared = 0
    for i, c in enumerate(cs):
        if c is None:
            continue
        parts = [(f if isinstance(f, tuple) else (f,))[i] for f in finer]
        if any(p is None for p in parts):
            return False
        if not _close(c, sum(parts)):
            return False
        compared += 1
    return compared > 0


def _tiles(coarse: Span, finer: list[Span]) -> bool:
    """Whether `finer` (inside `coarse`, sorted by start) cover all its time exactly once."""
    cursor, end = coarse.span
    for s in finer:
        a, z = s.span
        if a != cursor:
            return False
        cursor = z
    return cursor == end


def _inside(f: Span, s: Span) -> bool:
    (a, z), (c, d) = f.span, s.span
    return a >= c and z <= d


def find_overlaps(rows: Iterable[Span | tuple]) -> list[Overlap]:
    """Every pair of rows of the same key whose periods share a day (identical periods aside,
    see the module doc), a coarse row that is the total of the finer rows tiling it reported
    once as kind "total" instead.

    `rows`: Spans, or (key, start, end, value, where) tuples. Each overlapping pair is reported
    once, `row` being the later one in the input (the new row when stored rows come first),
    except that a total's `row` is always the coarse row. Sorted by the input order of `row`."""
    spans = [r if isinstance(r, Span) else Span(*r) for r in rows]
    order = {id(s): i for i, s in enumerate(spans)}
    by_key: dict[tuple, list[Span]] = {}
    for s in spans:
        if valid(s.start, s.end):
            by_key.setdefault(s.key, []).append(s)
    out: list[Overlap] = []
    for key, group in by_key.items():
        if len(group) < 2:
            continue
        group.sort(key=lambda s: (s.span[0], -s.days))
        pairs: list[tuple[Span, Span]] = []
        for i, a in enumerate(group):
            a_end = a.span[1]
            for b in group[i + 1:]:
                if b.span[0] >= a_end:
                    break
                if (a.start, a.end) != (b.start, b.end) or a.by != b.by:
                    pairs.append((a, b))
        if not pairs:
            continue
        totals: dict[int, tuple[Span, list[Span]]] = {}
        involved = {id(x) for p in pairs for x in p}
        for s in group:
            if id(s) not in involved:
                continue
            inside = [f for f in group if f is not s and _inside(f, s) and f.days < s.days]
            inside = _finest_distinct(inside)
            if inside and _tiles(s, inside) and _same_total(s.value, [f.value for f in inside]):
                totals[id(s)] = (s, inside)
        reported_total: set[int] = set()
        for a, b in pairs:
            coarse = a if a.days >= b.days else b
            finer = b if coarse is a else a
            t = totals.get(id(coarse))
            if t is not None and any(f is finer for f in t[1]):
                if id(coarse) not in reported_total:
                    reported_total.add(id(coarse))
                    out.append(Overlap(key, coarse, t[1][0], "total", tuple(t[1])))
                continue
            later, earlier = (a, b) if order[id(a)] > order[id(b)] else (b, a)
            out.append(Overlap(key, later, earlier, "overlap"))
    # a quarter that is the total of its months, inside a year that is the total of the
    # quarters: the year over the quarter is not a conflict once both are totals
    totals_ids = {id(o.row) for o in out if o.kind == "total"}
    out = [o for o in out if o.kind == "total"
           or not (id(o.row) in totals_ids and id(o.other) in totals_ids)]
    out.sort(key=lambda o: (order[id(o.row)], order[id(o.other)]))
    return out


def _finest_distinct(inside: list[Span]) -> list[Span]:
    """The rows inside a coarse row that are not themselves inside another of them (the months
    of a year rather than its quarters when both are given), sorted by start."""
    inside = sorted(inside, key=lambda s: (s.span[0], -s.days))
    finest = [f for f in inside
              if not any(g is not f and _inside(g, f) and g.days < f.days for g in inside)]
    return sorted(finest, key=lambda s: s.span[0])


def describe(o: Overlap, unit: str = "") -> str:
    """The overlap in English, naming both places (for logs and tests; front ends translate
    from the code and parameters the importer attaches)."""
    if o.kind == "total":
        return (f"{o.row.where}: {bound_text(o.row.start)}–{bound_text(o.row.end)} is the total "
                f"of {len(o.covered)} rows ({o.covered[0].where} …): left out")
    return (f"{o.row.where}: {bound_text(o.row.start)}–{bound_text(o.row.end)} overlaps "
            f"{bound_text(o.other.start)}–{bound_text(o.other.end)} at {o.other.where}")


__all__ = ["OVERLAP_KEYS", "OVERLAP_VALUES", "ROUNDING", "Where", "Span", "Overlap",
           "find_overlaps", "periods_overlap", "spans_of", "describe", "valid"]
