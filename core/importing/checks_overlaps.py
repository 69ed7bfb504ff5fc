"""Overlapping periods, checked before an import writes (core.importing.checks runs it per sheet):
rows of one key (core.overlaps.OVERLAP_KEYS) whose periods share some time, within a sheet,
against the rows of earlier sheets of the same kind in the file (Energy 2022 and Energy 2023
are imported together) and against the workspace. A coarse row that is the total of finer rows
is left out with a warning; any other overlap is refused naming both places, and a period that
shares only its boundary day with another gets the bound to write (read to read)."""

from __future__ import annotations

from datetime import date

from greenledger.core.errors import REASON_TEMPLATES, Problem
from greenledger.core.fields import Kind
from greenledger.core.i18n import QT_TRANSLATE_NOOP, translate
from greenledger.core.importing.read_to_read import shared_day
from greenledger.core.importing.sheets import ParsedSheet
from greenledger.core.overlaps import (
    OVERLAP_KEYS,
    Span,
    Where,
    find_overlaps,
    periods_overlap,
    valid,
)
from greenledger.core.periods import bound_text, instants, parse_bound
from greenledger.core.storage import Workspace

MASS_TO_KG = {"g": 1e-3, "kg": 1.0, "t": 1e3}
VALUE_UNITS = {Kind.ENERGY: "kWh", Kind.DELIVERIES: "orders", Kind.PACKAGING: "kg"}

REASON_TEMPLATES.update({
    "period_overlap": QT_TRANSLATE_NOOP("Problems", "{key}: {start} – {end} overlaps {other_start} – {other_end} at {other}{more}, so the same quantity would count twice; delete one of them, or, if this row is the total of the others, make it equal their sum"),  # noqa: E501
    "period_overlap_stored_total": QT_TRANSLATE_NOOP("Problems", "{key}: {start} – {end} lies inside {other_start} – {other_end}, stored from {other}, which is the total of this import's rows; delete that stored row first, or do not import these"),  # noqa: E501
    "period_shares_first_day": QT_TRANSLATE_NOOP("Problems", "{key}: {start} – {end} starts on {day}, the day {other_start} – {other_end} at {other} ends, so that day would count twice; if the periods run from read to read (the read day ends one period and starts the next), write {fix} as this row's start"),  # noqa: E501
    "period_shares_last_day": QT_TRANSLATE_NOOP("Problems", "{key}: {start} – {end} ends on {day}, the day {other_start} – {other_end} at {other} starts, so that day would count twice; if the periods run from read to read (the read day ends one period and starts the next), write {fix} as this row's end"),  # noqa: E501
    "period_total": QT_TRANSLATE_NOOP("Problems", "{key}: {start} – {end} ({value}) is the total of the {n} rows from {first} on: left out, so it is not counted twice"),  # noqa: E501
})

_TABLE = {Kind.ENERGY: "energy", Kind.DELIVERIES: "deliveries", Kind.PACKAGING: "packaging"}
_KEY_WIDTH = {Kind.ENERGY: 3, Kind.DELIVERIES: 2, Kind.PACKAGING: 2}


def _day(v: object) -> date | None:
    """A stored or parsed bound: a date, or an instant (core.periods.parse_bound)."""
    if isinstance(v, date):
        return v
    if isinstance(v, str) and v:
        try:
            return parse_bound(v)
        except ValueError:
            return None
    return None


def _stored_periods(ws: Workspace, kind: Kind) -> set[tuple[date, date]]:
    rows = ws.select(f"stored_periods.{_TABLE[kind]}")  # a row given by campaign: its dates
    return {(a, b) for a, b in ((_day(x), _day(y)) for x, y in rows) if valid(a, b)}


def _campaign_dates(ws: Workspace, parsed: list[ParsedSheet]) -> dict[str, tuple[date, date]]:
    """Each campaign's first and last day: the workspace's, and the import's Campaigns sheet."""
    out = {name: (_day(a), _day(b)) for name, a, b in
           ws.select("campaign_dates")}
    for ps in parsed:
        if ps.kind == Kind.CAMPAIGNS:
            c = ps.columns
            for name, a, b in zip(c["campaign"], c["start"], c["end"], strict=True):
                if name is not None:
                    out[name] = (a, b)
    return {k: v for k, v in out.items() if isinstance(v[0], date) and isinstance(v[1], date)}


def _values(ps: ParsedSheet, i: int) -> object:
    c = ps.columns
    if ps.kind == Kind.ENERGY:
        return c["energy"][i]
    if ps.kind == Kind.DELIVERIES:
        return (c["orders"][i], c["distance"][i], c["emissions"][i])
    q, unit = c["quantity"][i], c["unit"][i]
    return q * MASS_TO_KG[unit] if q is not None and unit in MASS_TO_KG else None


def _stored_spans(ws: Workspace, kind: Kind, lo: date, hi: date,
                  periods: set[tuple[date, date]]) -> list[Span]:
    width = _KEY_WIDTH[kind]
    out = []
    # stored bounds are text (core.periods.bound_text), compared as text: a day sorts before its
    # hours ('2023-01-31' < '2023-01-31 13:00'), so the end is given as the instant after it
    for row in ws.select(f"stored_spans.{_TABLE[kind]}", hi=bound_text(hi), lo=bound_text(lo)):
        a, b = _day(row[width]), _day(row[width + 1])
        if (a, b) not in periods:
            continue
        vals = row[width + 2:-4]
        value = vals[0] if len(vals) == 1 else tuple(vals)
        out.append(Span(tuple(row[:width]), a, b, value,
                        Where(row[-3], row[-2], row[-1], stored=True), row[-4]))
    return out


def _key_text(kind: Kind, key: tuple) -> str:
    return ", ".join(str(k) for k in key if k not in (None, ""))


def _fmt(v: object, unit: str) -> str:
    first = v[0] if isinstance(v, tuple) else v
    if first is None:
        return ""
    return f"{first:,.0f} {unit}" if abs(first) >= 100 else f"{first:,.4g} {unit}"


def _periods(ws: Workspace, ps: ParsedSheet, parsed: list[ParsedSheet]) -> tuple[list, list, list]:
    """The sheet's starts, ends and `by` (a row given by campaign: the campaign's dates, by its
    name), row by row."""
    c = ps.columns
    starts, ends = c["period_start"], c["period_end"]
    bys: list = [None] * len(ps)
    if ps.kind != Kind.ENERGY and any(c["campaign"]):  # rows given by campaign: its dates
        dates = _campaign_dates(ws, parsed)
        bys = [b if a is None and e is None and b in dates else None
               for a, e, b in zip(starts, ends, c["campaign"], strict=True)]
        starts = [dates[b][0] if b is not None else a for a, b in zip(starts, bys, strict=True)]
        ends = [dates[b][1] if b is not None else e for e, b in zip(ends, bys, strict=True)]
    return starts, ends, bys


def overlaps(ws: Workspace, ps: ParsedSheet, parsed: list[ParsedSheet], problems: list[Problem],
             warnings: list[Problem], left_out: dict[str, set[int]]) -> None:
    """The overlaps of `ps`'s rows with each other, with the rows of the sheets of its kind
    before it in `parsed` (each pair said once, on the later sheet's row) and with the
    workspace's, added to `problems` / `warnings` / `left_out` (sheet -> row indexes)."""
    kind = ps.kind
    c = ps.columns
    starts, ends, bys = _periods(ws, ps, parsed)
    file_periods = {p for p in set(zip(starts, ends, strict=True)) if valid(*p)}
    if not file_periods:
        return
    earlier = []  # the sheets of this kind before this one: (sheet, starts, ends, bys)
    for q in parsed:
        if q is ps:
            break
        if q.kind == kind and len(q):
            earlier.append((q, *_periods(ws, q, parsed)))
    earlier_periods = {p for _, a, b, _ in earlier for p in set(zip(a, b, strict=True)) if valid(*p)}
    stored_periods = _stored_periods(ws, kind)
    hits = periods_overlap(file_periods | stored_periods | earlier_periods)  # few distinct: cheap
    file_hits = hits & file_periods
    if kind != Kind.ENERGY:  # a campaign row and a row of the campaign's own dates
        file_hits = file_periods
    if not file_hits:
        return  # no two periods of the sheet or the workspace share a day: nothing overlaps
    hit_spans = [instants(*p) for p in file_hits]
    near = {q for q in stored_periods
            if any(c < z and a < d for (a, z) in hit_spans for c, d in [instants(*q)])}
    key_fields = OVERLAP_KEYS[kind]
    keycols = [c[k] for k in key_fields]
    w = len(key_fields)
    stored: list[Span] = []
    if near:
        lo = min(instants(*q)[0] for q in near)
        hi = max(instants(*q)[1] for q in near)
        stored = _stored_spans(ws, kind, lo, hi, near)
    # the periods overlap somewhere: now per key, over the distinct (key, period) (C speed)
    triples = {t for t in set(zip(*keycols, starts, ends, bys, strict=True))
               if t[w:w + 2] in file_hits}
    periods_of: dict[tuple, set] = {}
    for t in triples:
        periods_of.setdefault(t[:w], set()).add(t[w:])
    mine = {t[:w] + t[w:w + 3] for t in triples}  # the same key, period and by: a duplicate
    at: dict[int, tuple[ParsedSheet, int]] = {}  # an earlier sheet's span -> its sheet and row index
    for q, qa, qb, qby in earlier:
        qkeys = [q.columns[k] for k in key_fields]
        for i, t in enumerate(zip(*qkeys, qa, qb, qby, strict=True)):
            if t[:w] in periods_of and t[w:w + 2] in hits and t not in mine:
                sp = Span(t[:w], t[w], t[w + 1], _values(q, i), Where(q.file, q.sheet, q.row_numbers[i]),
                          t[w + 2])
                at[id(sp.where)] = (q, i)
                stored.append(sp)
    for sp in stored:
        if sp.key in periods_of:
            periods_of[sp.key].add((sp.start, sp.end, sp.by))
    conflict = set()
    for k, found in periods_of.items():
        if len(found) < 2:
            continue
        periods = {(a, b) for a, b, _ in found}
        twice = {(a, b) for a, b, by in found if len({x for p, q, x in found if (p, q) == (a, b)}) > 1}
        conflict |= {(*k, *p) for p in periods_overlap(periods) | twice}
    if not conflict:
        return  # periods overlap only across different sites, sources or units
    idx = [i for i, t in enumerate(zip(*keycols, starts, ends, strict=True)) if t in conflict]
    spans = []
    for i in idx:
        spans.append(Span(tuple(col_[i] for col_ in keycols), starts[i], ends[i], _values(ps, i),
                          Where(ps.file, ps.sheet, ps.row_numbers[i]), bys[i]))
    by_where = {id(s.where): i for s, i in zip(spans, idx, strict=True)}
    replaced = {(s.key, s.start, s.end, s.by) for s in spans}  # the natural-key upsert
    stored = [s for s in stored if (*s.key, s.start, s.end) in conflict
              and (s.key, s.start, s.end, s.by) not in replaced]
    reported: dict[int, int] = {}  # sheet row index -> index of its problem (one per row)
    unit = VALUE_UNITS[kind]
    col = ps.label("period_start")
    def new_(s: Span) -> bool:
        return id(s.where) in by_where

    for o in find_overlaps([*stored, *spans]):
        if not new_(o.row) and not new_(o.other):
            continue  # already in the workspace (`greenledger check` says so), or an earlier sheet's
        if o.kind == "total" and (new_(o.row) or id(o.row.where) in at):  # a coarse row of the file
            sheet, i = (ps, by_where[id(o.row.where)]) if new_(o.row) else at[id(o.row.where)]
            if i in left_out.get(sheet.sheet, set()):
                continue
            left_out.setdefault(sheet.sheet, set()).add(i)
            params = {"key": _key_text(kind, o.row.key), "start": bound_text(o.row.start),
                      "end": bound_text(o.row.end), "value": _fmt(o.row.value, unit),
                      "n": len(o.covered), "first": str(o.covered[0].where)}
            warnings.append(Problem(sheet.file, REASON_TEMPLATES["period_total"].format(**params),
                                    sheet.sheet, o.row.where.row, sheet.label("period_start"),
                                    bound_text(o.row.start), code="period_total", params=params))
            continue
        if o.kind == "total":  # a stored coarse row over this import's finer rows
            pairs = [(f, o.row, "period_overlap_stored_total") for f in o.covered if new_(f)]
        else:
            new, other = (o.row, o.other) if new_(o.row) else (o.other, o.row)
            pairs = [(new, other, "period_overlap")]
        for new, other, code in pairs:
            i = by_where[id(new.where)]
            if i in reported:
                p = problems[reported[i]]
                p.params["n_more"] = p.params.get("n_more", 0) + 1
                continue
            params = {"key": _key_text(kind, new.key), "start": bound_text(new.start),
                      "end": bound_text(new.end), "other_start": bound_text(other.start),
                      "other_end": bound_text(other.end), "other": str(other.where), "more": ""}
            if code == "period_overlap" and (shared := shared_day(new, other)) is not None:
                code, day, fix = shared  # read to read: this row's bound to write, not "delete"
                params.update(day=day.isoformat(), fix=fix.isoformat())
            reported[i] = len(problems)
            problems.append(Problem(ps.file, "", ps.sheet, new.where.row, col,
                                    bound_text(new.start), code=code, params=params))
    for j in reported.values():  # the reason, once the number of other rows is known
        p = problems[j]
        n = p.params.pop("n_more", 0)
        if n:
            p.params["more"] = " " + translate("Problems", "(and {0} more row(s))").format(n)
        problems[j] = Problem(p.file, REASON_TEMPLATES[p.code].format(**p.params), p.sheet, p.row,
                              p.column, p.value, code=p.code, params=p.params)


