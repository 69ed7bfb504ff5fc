"""Columns: which field each column of a table holds, and how sure (a wide sheet's period
columns: which measure they hold). Pure: returns a Mapped, changes nothing it is given."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from greenledger.core.fields import SHEETS, FieldType, Kind, norm
from greenledger.core.importing import mapping as mp
from greenledger.core.importing.codes import TOTAL_ASIDES, Aside, Found, Measure
from greenledger.core.importing.column_words import (  # noqa: F401 - CUMULATIVE: checks_sheet's
    CUMULATIVE,
    IDENTIFIER,
    qualified,
    title_values,
)
from greenledger.core.importing.layout import (
    HeaderCell,
    Layout,
    money_in_text,
    parse_period,
)
from greenledger.core.importing.plan import ColumnPlan, ImportOptions, numeric_fields
from greenledger.core.importing.reader import column_letter

TIE_MARGIN = 0.1
"""Two quantity columns matched only in part (本月用电量 0.71, 总用电量 0.76: the score follows
the header's length) are as likely as each other within this margin: asked, not guessed."""


def _explicit_for(cell: HeaderCell, options: ImportOptions) -> str | None:
    """The user's field for a column, matched by header text (either header row) or letter."""
    keys = {norm(cell.text), norm(cell.upper), norm(cell.lower), norm(mp.split_unit(cell.text)[0])}
    keys.discard("")
    for header, fld in options.mapping.items():
        if norm(header) in keys or header.strip() == column_letter(cell.index):
            return fld
    return None


@dataclass(slots=True)
class Mapped:
    columns: list[ColumnPlan]
    missing: list[str]
    constants: dict[str, str]
    score: float
    measure_how: Measure | None = None  # how the period columns' field was found
    refusals: list[tuple[str, dict]] = field(default_factory=list)  # (code, params)
    unknown: str = ""  # a field the user named that the kind lacks (why it is not this kind)
    qualified: list[tuple[str, str]] = field(default_factory=list)  # (header, field it names)


class Names:
    """The user's field names resolved for one kind; the first one the kind lacks is kept
    as the reason (`unknown`) and resolves to None."""

    __slots__ = ("kind", "unknown")

    def __init__(self, kind: Kind) -> None:
        self.kind, self.unknown = kind, ""

    def __call__(self, name: str) -> str | None:
        found = mp.field_name(self.kind, name)
        if found is None and not self.unknown:
            self.unknown = mp.not_a_field(self.kind, name)
        return found


def group_key(cell: HeaderCell) -> str:
    """The header a wide sheet's period column sits under (`用电量`, `电费（元）`), or "" when
    it sits under none or under a period (`2023年` over `1月` … `12月`)."""
    if not cell.upper or cell.upper == cell.text or parse_period(mp.split_unit(cell.upper)[0]):
        return ""
    return cell.upper


def _group_field(kind: Kind, upper: str, options: ImportOptions,
                 numeric: set[str], res: Names) -> str | None:
    """The numeric field a group header names (`用电量` energy, `(万千瓦时)` energy), "money"
    for costs (`电费（元）`), or None."""
    for header, fld in options.mapping.items():
        if norm(header) in (norm(upper), norm(mp.split_unit(upper)[0])):
            name = res(fld)
            return name if name in numeric or name == mp.IGNORE else None
    if money_in_text(upper):
        return "money"
    if qualified(kind, upper):  # 上年同期用电量 over the months: last year's, not these
        return None
    for m in mp.match_header(upper, kind):
        if m.field in numeric and m.confidence >= 0.5:  # 用电量, 实际用电 (partial)
            return m.field
    unit = mp.split_unit(upper)[1] or (upper.strip("()（）[]【】 ") if mp.is_unit(
        upper.strip("()（）[]【】 ")) else None)
    dim = mp.unit_dimension(unit) if unit else None
    return next((f.name for f in SHEETS[kind].fields if f.name in numeric and dim
                 and f.dimension == dim), None)


def _contains_finer(cell: HeaderCell, finer: list[HeaderCell]) -> bool:
    """Whether a quarter or year column covers some of the month (or quarter) columns beside
    it, so is their total; a quarter of another year is data of its own."""
    return any(cell.period.start <= f.period.start and f.period.end <= cell.period.end
               for f in finer)


def map_columns(kind: Kind, layout: Layout, options: ImportOptions, sheet_name: str) -> Mapped:
    """Columns of `layout` mapped as `kind`, the required fields it lacks, constant values
    and a score (see Mapped); `unknown` says why not, when the user named a field `kind` lacks."""
    res = Names(kind)
    cells = layout.cells
    periods = [c for c in cells if c.period is not None] if layout.wide else []
    period_idx = {c.index for c in periods}
    measure: str | None = None
    measure_conf = 0.0
    measure_how: Measure | None = None
    refusals: list[tuple[str, dict]] = []
    aside: dict[int, tuple[Aside, tuple]] = {}  # period columns not imported: (why, its values)
    if periods:
        numeric = numeric_fields(kind)
        for c in periods:  # a period column the user set aside (by its header or group)
            chosen = _explicit_for(c, options)
            if chosen is not None and res(chosen) == mp.IGNORE:
                aside[c.index] = (Aside.IGNORED, ())
            elif options.skip_hidden and c.index in layout.hidden_cols:
                aside[c.index] = (Aside.HIDDEN, ())
        periods = [c for c in periods if c.index not in aside]
        groups: dict[str, list[HeaderCell]] = {}
        for c in periods:
            groups.setdefault(group_key(c), []).append(c)
        if len(groups) > 1 or "" not in groups:
            fields = {g: _group_field(kind, g, options, numeric, res) for g in groups if g}
            live = [g for g in groups if fields.get(g) != mp.IGNORE]
            named = [g for g in live if g and fields.get(g) not in (None, "money")]
            only = live[0] if len(live) == 1 else None
            if options.measure:
                want = res(options.measure)
                use = [g for g in named if fields[g] == want] or \
                    ([""] if "" in groups else [only] if only is not None else [])
            elif named:
                use = named  # more than one: which is meant is the user's to say
            elif "" in groups:
                use = [""]
            else:
                use = [only] if only is not None and fields.get(only) != "money" else []
            if len(use) == 1:
                for g, cs in groups.items():
                    if g != use[0]:
                        if fields.get(g) == mp.IGNORE:
                            why = (Aside.IGNORED, ())
                        elif fields.get(g) == "money":
                            why = (Aside.MONEY, ())
                        elif not use[0]:
                            why = (Aside.UNDER, (g,))
                        elif g:
                            why = (Aside.UNDER_OTHER, (g, use[0]))
                        else:
                            why = (Aside.UNDER_NONE, (use[0],))
                        for c in cs:
                            aside[c.index] = why
                periods = groups[use[0]]
            elif not live:
                for c in periods:
                    aside[c.index] = (Aside.IGNORED, ())
                periods = []
            else:
                names = ", ".join(repr(g) for g in live if g)
                money = [g for g in live if fields.get(g) == "money"]
                if len(money) == len(live):
                    refusals.append(("money_not_measure", {"what": names}))
                else:
                    refusals.append(("several_measures", {"what": names}))
                for c in periods:
                    aside[c.index] = (Aside.UNCLEAR_MEASURE, ())
                periods = []
        finest = _finest_grain(periods)
        finer = [c for c in periods if c.period.grain == finest]
        for c in periods:
            if c.period.grain != finest and _contains_finer(c, finer):
                aside[c.index] = (TOTAL_ASIDES[c.period.grain, finest], ())
        periods = [c for c in periods if c.index not in aside]
        if periods:
            measure, measure_conf, measure_how = find_measure(kind, periods, layout, options, res)
    fixed: dict[int, mp.Match] = {}
    candidates: dict[int, list[mp.Match]] = {}
    notes: dict[int, Aside] = {}
    qualified_cols: list[tuple[str, str]] = []
    use_idx = {c.index for c in periods}
    for cell in cells:
        if cell.index in period_idx:
            continue
        if options.skip_hidden and cell.index in layout.hidden_cols:
            notes[cell.index] = Aside.HIDDEN
            continue
        chosen = _explicit_for(cell, options)
        if chosen is not None:
            name = res(chosen)
            if name is None:
                continue
            if name == mp.IGNORE:
                notes[cell.index] = Aside.IGNORED
                continue
            fixed[cell.index] = mp.Match(name, 1.0, Found.EXPLICIT, cell.unit)
            continue
        ms = mp.match_header(cell.text, kind)
        if not ms and cell.upper and cell.lower:
            ms = [replace(m, confidence=round(m.confidence * 0.9, 2))
                  for m in mp.match_header(cell.lower, kind) + mp.match_header(cell.upper, kind)]
        if cell.index in layout.hidden_cols:  # a visible column of the same field wins
            ms = [replace(m, confidence=round(m.confidence * 0.9, 2)) for m in ms]
        if money_in_text(cell.text):  # 电费（元）, Energy cost: not a quantity
            ms = [m for m in ms if m.field not in numeric_fields(kind)]
        if qualified(kind, cell.text) or qualified(kind, cell.upper):  # Energy saved, 单均碳排放
            named = [m.field for m in ms if m.field in numeric_fields(kind)]
            if named:
                notes[cell.index] = Aside.QUALIFIED
                qualified_cols.append((cell.text, named[0]))
            ms = [m for m in ms if m.field not in numeric_fields(kind)]
        if IDENTIFIER.search(cell.text):  # 用电户号, Account number: a name, not a quantity
            ms = [m for m in ms if m.field not in numeric_fields(kind)]
        if CUMULATIVE.search(cell.text):  # 本年累计 beside 本月: this month's is the value
            ms = [replace(m, confidence=round(m.confidence - 0.15, 2))
                  if m.field in numeric_fields(kind) else m for m in ms]
        if periods and measure:
            ms = [m for m in ms if m.field != measure]  # the period columns hold it
        if periods:
            ms = [m for m in ms if m.field not in ("period_start", "period_end", mp.PERIOD)]
        candidates[cell.index] = ms
    texts = [(c.index, c.text) for c in cells]
    mp.beside_unit_column(kind, texts, candidates, fixed)
    mp.name_over_code(kind, texts, candidates)
    mp.read_date_pair(texts, candidates)
    taken = {measure} if measure else set()
    chosen_cols = mp.assign(candidates, fixed, taken)
    labels = {c.index: f"{c.text} [{column_letter(c.index)}]" for c in cells}
    for col, m in chosen_cols.items():  # 上月用电量 beside 本月用电量: which is meant?
        f = mp.kind_field(kind, m.field)
        if col in fixed or f is None or f.type not in (FieldType.NUMBER, FieldType.INTEGER):
            continue  # a tie of text columns (Site, Location) keeps the leftmost, as before
        near = TIE_MARGIN if m.confidence < 0.9 else 0.0  # partial matches: scores by length
        rivals = [i for i, ms in candidates.items() if i != col and i not in chosen_cols
                  and any(x.field == m.field and x.confidence >= m.confidence - near for x in ms)]
        if rivals:
            refusals.append(("ambiguous_columns", {
                "field": m.field, "columns": ", ".join(labels[i] for i in [col, *rivals])}))
    constants = {k: v for k, v in options.values.items()}
    for k in list(constants):
        name = res(k)
        if name is not None and name != k:
            constants[name] = constants.pop(k)
    for name, value in title_values(kind, layout).items():  # 站点：张北数据中心 above the table
        if name not in constants and name not in {m.field for m in chosen_cols.values()}:
            constants[name] = value
    fields = {m.field for m in chosen_cols.values()} | set(constants)
    if periods and measure:
        fields |= {"period_start", "period_end", measure}
    if kind == Kind.PACKAGING and "unit" not in fields:
        q = next((m for m in chosen_cols.values() if m.field == "quantity"), None)
        unit = options.units.get("quantity") or (q.unit if q else None)
        if unit and mp.unit_dimension(unit) == "mass":
            constants["unit"] = unit
            fields.add("unit")
    if refusals:  # the period columns' problem is said; do not call the table unknown
        fields |= {"period_start", "period_end"} | numeric_fields(kind)
    missing = mp.missing_required(kind, fields)
    if period_idx and not measure and not refusals:
        missing.append("a field for the period columns")
        qualified_cols += [(g, missing[-1]) for g in dict.fromkeys(c.upper for c in cells
                                                                   if c.period and qualified(kind, c.upper))]
    cols: list[ColumnPlan] = []
    for cell in cells:
        if cell.index in period_idx:
            if cell.index not in use_idx:
                why, args = aside.get(cell.index, (Aside.NOT_NEEDED, ()))
                cols.append(ColumnPlan(cell.index, cell.text, None, period=cell.period,
                                       aside=why, aside_args=args, group=group_key(cell)))
                continue
            how = (Found.PERIOD if cell.period.year_given
                   else Found.PERIOD_YEAR_TITLE if layout.year_from
                   else Found.PERIOD_YEAR_GIVEN)
            cols.append(ColumnPlan(cell.index, cell.text, measure, round(
                min(measure_conf, 1.0 if cell.period.year_given else 0.9), 2), how,
                cell.unit, period=cell.period, group=group_key(cell)))
            continue
        m = chosen_cols.get(cell.index)
        if m is None:
            cols.append(ColumnPlan(cell.index, cell.text, None,
                                   aside=notes.get(cell.index, Aside.NOT_NEEDED)))
        else:
            cols.append(ColumnPlan(cell.index, cell.text, m.field, m.confidence, m.how, m.unit))
    score = sum(c.confidence for c in cols if c.field and c.period is None)
    if periods and measure:
        score += 1.0 + measure_conf
    if missing:
        score -= 100
    if norm(sheet_name) in {norm(n) for n in SHEETS[kind].sheet_names}:
        score += 0.75
    return Mapped(cols, missing, constants, score, measure_how, refusals, res.unknown,
                  _joined(qualified_cols))


def _joined(qualified_cols: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """(headers, field): the qualified headers of one field named together (`Avg kWh/Day`,
    `kWh Rate`), so a refusal names each of them, not the first only."""
    by: dict[str, list[str]] = {}
    for header, name in qualified_cols:
        by.setdefault(name, []).append(header)
    return [("', '".join(dict.fromkeys(hs)), name) for name, hs in by.items()]


def _finest_grain(periods: list[HeaderCell]) -> str | None:
    grains = {c.period.grain for c in periods}
    for g in ("month", "quarter", "year"):
        if g in grains:
            return g
    return None


def find_measure(kind: Kind, periods: list[HeaderCell], layout: Layout,
                 options: ImportOptions, res: Names | None = None
                 ) -> tuple[str | None, float, Measure | None]:
    """The field a wide sheet's period columns hold, how sure, and how it was found:
    a codes.Measure: the user's measure, a period header the user mapped, the header above
    them, a title or 单位 line naming it, a unit stated for them, or a guess (nothing says;
    the kind's usual measure)."""
    numeric = numeric_fields(kind)
    res = res or Names(kind)
    if options.measure:
        name = res(options.measure)
        return (name, 1.0, Measure.OPTION) if name in numeric else (None, 0.0, None)
    for cell in periods:  # an explicit --map of a period header
        chosen = _explicit_for(cell, options)
        if chosen:
            name = res(chosen)
            if name in numeric:
                return name, 1.0, Measure.MAP
    given = [res(k) for k in options.units]
    if len(stated := [n for n in given if n in numeric]) == 1:  # --unit energy=MWh
        return stated[0], 1.0, Measure.OPTION
    # a title naming a saving, a plan, last year's… (2023年节能量（kWh）) is not what the columns
    # hold: not taken as their measure (checks_sheet refuses the sheet unless told: qualified_title)
    titles = [i.text for i in layout.ignored if i.code == "title" and i.text
              and not qualified(kind, i.text)]
    if any(qualified(kind, c.upper) for c in periods):  # last year's, a target's: not a measure
        return None, 0.0, None
    for texts, how in (([c.upper for c in periods if c.upper], Measure.HEADER),
                       ([h[0] for h in layout.unit_hints] + titles, Measure.TITLE)):
        for text in texts:
            for m in mp.match_header(text, kind):
                if m.field in numeric:
                    return m.field, m.confidence, how
    for u in [c.unit for c in periods if c.unit] + [
            layout.units_row[c.index] for c in periods if c.index in layout.units_row] + [
            h[0] for h in layout.unit_hints]:
        dim = mp.unit_dimension(u)
        for f in SHEETS[kind].fields:
            if f.name in numeric and f.dimension == dim:
                return f.name, 0.9, Measure.UNIT
    if kind in mp.MEASURES:
        return mp.MEASURES[kind], 0.7, Measure.GUESS
    return None, 0.0, None
