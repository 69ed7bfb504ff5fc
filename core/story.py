"""The campaign's story (issue 14 §3): the key figures of a campaign against its baseline, each with
a trail to the rows and factors it came from, for the dashboard's band and the deck's first content
slide (plain dataclasses, no Qt).

The figures: carbon per order and its change; each site's renewable share in the baseline's window
and in the campaign's (and in the last full month before each window, the comparison a release
makes "in May"); avoided emissions in the campaign's window and from the site's first renewable
month through the campaign's month; each initiative's reduction with its own equivalent. Avoided
emissions and reductions are never summed. core.story_rows.row_groups(ws) counts the rows behind
them (stored in the summary, so that a filter change never reads the workspace).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from greenledger.core.chart_data import Filters, fmt_num, fmt_pct, t_unit, unit_word
from greenledger.core.i18n import translate
from greenledger.core.story_rows import _month_end, month_before
from greenledger.core.story_text import (
    _amount_t,
    _d,
    _factor_texts,
    _factors,
    _kwh,
    _merge,
    _rows_text,
    _sentence,
    span,
)
from greenledger.core.summary import CO2, Campaign, FactorUsed, Summary, combine_gas

MAX_SITES = 4  # sites named on the band; the others are in the trail

# --- the story ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class StoryFigure:
    """One figure of the band: a title, the value with its unit, a note (what and which period),
    lines (per site or the baseline's value) and its trail (sentences naming rows and factors)."""

    key: str  # intensity, share, avoided_window, avoided_to_date, initiative
    title: str
    value: str
    unit: str
    note: str
    lines: tuple[str, ...]
    trail: tuple[str, ...]
    details: tuple[str, ...] = ()  # under each line, smaller ('' for none)


@dataclass(frozen=True, slots=True)
class Story:
    campaign: str
    baseline: str
    chosen: bool  # the campaign filter chose it (False: the latest campaign with a baseline)
    heading: str
    figures: tuple[StoryFigure, ...]




def choose_campaign(summary: Summary, f: Filters) -> tuple[Campaign, bool] | None:
    """The filter's campaign (with a baseline), else the latest one that has a baseline."""
    if f.campaign:
        c = summary.campaign(f.campaign)
        return (c, True) if c is not None and c.baseline else None
    with_base = [c for c in summary.campaigns if c.baseline and f.years_ok(int(c.start[:4]))]
    if not with_base:
        return None
    return max(with_base, key=lambda c: (c.start, c.name)), False


def story(summary: Summary, filters: Filters | None = None) -> Story | None:
    """The story of the filter's campaign against its baseline; None without such a campaign."""
    f = filters or Filters()
    picked = choose_campaign(summary, f)
    if picked is None:
        return None
    c, chosen = picked
    base = summary.campaign(c.baseline)
    if base is None:
        return None
    groups = [g for g in summary.row_groups if f.site is None or g.table != "energy" or g.site == f.site]
    heading = (translate("Story", "{0} against its baseline {1}") if chosen else
               translate("Story", "{0} against its baseline {1} (all campaigns: the latest with a baseline)"))
    figures = [fig for fig in (
        _intensity(summary, c, base, groups),
        _shares(summary, c, base, groups, f),
        _avoided_window(summary, c, groups, f),
        _avoided_to_date(summary, c, groups, f),
    ) if fig is not None]
    figures += _initiatives(summary, c, groups, f)
    return Story(c.name, base.name, chosen, heading.format(c.name, base.name), tuple(figures))


def _per_order(v: float | None) -> str:
    return "—" if v is None else f"{v:,.2f}" if abs(v) < 100 else fmt_num(v)


def _intensity(summary: Summary, c: Campaign, base: Campaign, groups) -> StoryFigure | None:
    if c.intensity_change_pct is None:
        return None
    gas = combine_gas([c.emissions_gas, base.emissions_gas])
    unit = translate("Story", "kg CO2 per order") if gas == CO2 else translate("Story", "kg CO2e per order")
    trail = []
    for camp in (base, c):
        rows = [g for g in groups if g.table == "deliveries" and g.campaign == camp.name]
        trail.append(_sentence(translate(
            "Story", "{0} ({1}): {2} orders, {3} {4} = {5} {6}; rows: {7}").format(
            camp.name, span(_d(camp.start), _d(camp.end)), fmt_num(camp.orders), fmt_num(camp.emissions_t),
            t_unit("t", camp.emissions_gas), _per_order(camp.intensity_kg_per_order), unit,
            _rows_text(rows) or translate("Story", "none"))))
        vehicles = {v for g in rows for v in g.vehicles}
        used = [fu for fu in summary.factors_used if fu.key in vehicles and fu.year == int(camp.start[:4])]
        if used:
            trail.append(_sentence(translate("Story", "Vehicle factors: {0}").format(
                _factor_texts(used))))
    trail.append(_sentence(translate("Story", "Emissions as given in the rows where given, else distance × "
                                              "the vehicle factor; change = {0} ÷ {1} − 1").format(
        _per_order(c.intensity_kg_per_order), _per_order(base.intensity_kg_per_order))))
    return StoryFigure(
        "intensity", translate("Story", "Carbon per order"), fmt_pct(c.intensity_change_pct, signed=True), "",
        translate("Story", "{0} → {1} {2}").format(_per_order(base.intensity_kg_per_order),
                                                    _per_order(c.intensity_kg_per_order), unit),
        (), tuple(trail))


def _window_share(groups, camp: str, scope: str, site: str) -> tuple[float | None, float, float, list]:
    gs = [g for g in groups
          if g.table == "energy" and g.campaign == camp and g.scope == scope and g.site == site]
    total = sum(g.kwh for g in gs)
    ren = sum(g.kwh for g in gs if g.renewable)
    return (ren / total * 100.0 if total else None), ren, total, _merge(gs)


def _shares(summary: Summary, c: Campaign, base: Campaign, groups, f: Filters) -> StoryFigure | None:
    # the largest sites first (all kWh in the campaign's window)
    size: dict[str, float] = defaultdict(float)
    for g in groups:
        if g.table == "energy" and g.scope == "window" and g.campaign in (c.name, base.name):
            size[g.site] += g.kwh if g.campaign == c.name else 0.0
    sites = sorted(size, key=lambda site: (-size[site], site))
    lines, details, trail = [], [], []
    months = {(m.site, m.month): m for m in summary.site_months}
    for site in sites:
        was, ren0, tot0, g0 = _window_share(groups, base.name, "window", site)
        now, ren1, tot1, g1 = _window_share(groups, c.name, "window", site)
        if was is None or now is None:  # a site without rows in one of the windows: said, not compared
            if now is not None or was is not None:
                missing = base if was is None else c
                lines.append(translate("Story", "{0}: {1} (no rows in {2})").format(
                    site, fmt_pct(now if was is None else was), span(_d(missing.start), _d(missing.end))))
                details.append("")
                trail.append(_sentence(translate("Story", "{0}: rows: {1}").format(
                    site, _rows_text(g1 if was is None else g0))))
            continue
        text = translate("Story", "{0}: {1} → {2}").format(site, fmt_pct(was), fmt_pct(now))
        detail = ""
        trail.append(_sentence(translate("Story", "{0}, renewable share in the windows: {1} of {2} in {3} → "
                                                  "{4} of {5} in {6} (rows overlapping a window prorated by "
                                                  "days); rows: {7}; then {8}").format(
            site, _kwh(ren0, f), _kwh(tot0, f), span(_d(base.start), _d(base.end)), _kwh(ren1, f),
            _kwh(tot1, f), span(_d(c.start), _d(c.end)), _rows_text(g0), _rows_text(g1))))
        m0, m1 = month_before(_d(base.start)), month_before(_d(c.start))
        sm0, sm1 = months.get((site, m0[0].isoformat()[:7])), months.get((site, m1[0].isoformat()[:7]))
        if sm0 and sm1 and sm0.renewable_share_pct is not None and sm1.renewable_share_pct is not None:
            detail = translate("Story", "{0} → {1}: {2} → {3}").format(
                span(*m0), span(*m1), fmt_pct(sm0.renewable_share_pct), fmt_pct(sm1.renewable_share_pct))
            b0 = _merge([g for g in groups if g.table == "energy" and g.campaign == base.name
                         and g.scope == "month_before" and g.site == site])
            b1 = _merge([g for g in groups if g.table == "energy" and g.campaign == c.name
                         and g.scope == "month_before" and g.site == site])
            trail.append(_sentence(translate(
                "Story", "{0}, the last full month before each window: {1} of {2} "
                         "in {3} → {4} of {5} in {6}; rows: {7}; then {8}").format(
                site, _kwh(sm0.renewable_kwh, f), _kwh(sm0.total_kwh, f), span(*m0),
                _kwh(sm1.renewable_kwh, f), _kwh(sm1.total_kwh, f), span(*m1), _rows_text(b0),
                _rows_text(b1))))
        lines.append(text)
        details.append(detail)
    if not lines:
        return None
    trail.append(_sentence(translate(
        "Story", "Renewable share = wind, solar, hydro, biomass and geothermal kWh ÷ all kWh; "
                 "no emission factor is used")))
    return StoryFigure(
        "share", translate("Story", "Renewable share, then → now"), "", "",
        translate("Story", "{0} → {1} (the campaigns' windows)").format(
            span(_d(base.start), _d(base.end)), span(_d(c.start), _d(c.end))),
        *_capped(lines, details, trail))


def _capped(lines: list[str], details: list[str], trail: list[str]) -> tuple[tuple, tuple, tuple]:
    """(lines, trail, details) with at most MAX_SITES sites named, then 'and n more sites'."""
    more = len(lines) - MAX_SITES
    if more > 0:
        lines = [*lines[:MAX_SITES], translate("Story", "and {0} more sites (see the tooltip)").format(more)]
        details = [*details[:MAX_SITES], ""]
    return tuple(lines), tuple(trail), tuple(details)


def _times_factor(kwh: float, factors: list[FactorUsed], f: Filters) -> str:
    """'14,400,000 kWh × 0.712 kg CO2/kWh' (one value), else '× each year's grid factor'."""
    values = {(x.value, x.unit) for x in factors}
    if len(values) == 1:
        value, unit = values.pop()
        return translate("Story", "{0} × {1} {2}").format(_kwh(kwh, f), f"{value:g}", unit_word(unit))
    return translate("Story", "{0} × each year's grid factor").format(_kwh(kwh, f))


def _regions(summary: Summary) -> dict[str, str]:
    return {y.site: y.grid_region for y in summary.site_years}


def _avoided_window(summary: Summary, c: Campaign, groups, f: Filters) -> StoryFigure | None:
    by_site = {s: t for s, t in c.avoided_by_site_t.items() if f.site is None or s == f.site}
    if not by_site:
        return None
    regions = _regions(summary)
    lines, details, trail = [], [], []
    a, b = _d(c.start), _d(c.end)
    years = set(range(a.year, b.year + 1))
    # a site with renewable kWh in the window but no grid factor has no avoided figure: said so
    unpriced = sorted({g.site for g in groups if g.table == "energy" and g.campaign == c.name
                       and g.scope == "window" and g.renewable and g.kwh and g.site not in by_site
                       and (f.site is None or g.site == f.site)})
    for site, t in sorted(by_site.items(), key=lambda kv: -kv[1]):
        gs = [g for g in groups if g.table == "energy" and g.campaign == c.name and g.scope == "window"
              and g.site == site and g.renewable]
        kwh = sum(g.kwh for g in gs)
        value, unit = _amount_t(t, c.avoided_gas, f)
        lines.append(translate("Story", "{0}: {1} {2}").format(site, value, unit))
        factors = _factors(summary, "grid", regions.get(site, ""), years)
        details.append(_times_factor(kwh, factors, f))
        trail.append(_sentence(translate(
            "Story", "{0}: {1} of renewable electricity in {2} × the grid factor "
                     "= {3} {4}; rows: {5}; factor: {6}").format(
            site, _kwh(kwh, f), span(a, b), value, unit, _rows_text(gs) or translate("Story", "none"),
            _factor_texts(factors) or translate("Story", "none"))))
    trail.append(_sentence(translate(
        "Story", "Avoided emissions are reported beside the inventory, never deducted from it, "
                 "and not added to the initiatives' reductions")))
    eq = next(iter(summary.avoided_equivalents), None)
    total = sum(by_site.values())
    if eq is not None and total:
        trail.append(_sentence(translate("Story", "As {0}: {1} ({2} kg each, {3})").format(
            translate("Equivalents", eq.label), fmt_num(total * 1000.0 / eq.factor_kg_per_unit, 0),
            f"{eq.factor_kg_per_unit:g}", eq.source.split(";")[0])))
    for site in unpriced:
        lines.append(translate("Story", "{0}: no grid factor").format(site))
        details.append("")
    value, unit = _amount_t(total, c.avoided_gas, f) if not unpriced else ("", "")
    return StoryFigure("avoided_window", translate("Story", "Avoided emissions in the campaign"), value, unit,
                       translate("Story", "{0}, renewable kWh × grid factor").format(span(a, b)),
                       *_capped(lines, details, trail))


def _avoided_to_date(summary: Summary, c: Campaign, groups, f: Filters) -> StoryFigure | None:
    through = c.end[:7]
    regions = _regions(summary)
    factors = {(fu.region or "", fu.year): fu for fu in summary.factors_used if fu.key == "grid"}
    per_site: dict[str, list] = defaultdict(list)
    for m in summary.site_months:
        if m.month <= through and m.renewable_kwh and (f.site is None or m.site == f.site):
            per_site[m.site].append(m)
    if not per_site:
        return None
    lines, details, trail, total, gases, first_all = [], [], [], 0.0, set(), None
    unpriced = False
    ranked = sorted(per_site.items(), key=lambda kv: (-sum(m.renewable_kwh for m in kv[1]), kv[0]))
    for site, ms in ranked:
        region = regions.get(site, "")
        kwh, t, missing, used = 0.0, 0.0, [], {}
        for m in ms:
            fu = factors.get((region, int(m.month[:4])))
            kwh += m.renewable_kwh
            if fu is None:
                missing.append(m.month[:4])
                continue
            t += m.renewable_kwh * fu.value / 1000.0
            used[fu.year] = fu
            gases.add(fu.gas_basis)
        first = min(m.month for m in ms)
        first_all = min(first_all or first, first)
        a, b = _d(first + "-01"), _month_end(_d(through + "-01"))
        gs = [g for g in groups if g.table == "energy" and g.campaign == c.name and g.scope == "to_date"
              and g.site == site]
        if missing:  # a figure without a factor for some years is not given: refused, named
            lines.append(translate("Story", "{0}: no grid factor for {1}").format(
                site, ", ".join(sorted(set(missing)))))
            details.append("")
            unpriced = True
            continue
        total += t
        value, unit = _amount_t(t, combine_gas(x.gas_basis for x in used.values()), f)
        lines.append(translate("Story", "{0}: {1} {2}").format(site, value, unit))
        details.append(_times_factor(kwh, list(used.values()), f))
        trail.append(_sentence(translate(
            "Story", "{0}: {1} of renewable electricity in {2} × each year's grid "
                     "factor = {3} {4}; rows: {5}; factors: {6}").format(
            site, _kwh(kwh, f), span(a, b), value, unit, _rows_text(gs),
            _factor_texts(sorted(used.values(), key=lambda x: x.year or 0)))))
    trail.append(_sentence(translate("Story", "From each site's first month with renewable rows through the "
                                              "campaign's month; beside the inventory, never deducted")))
    gas = combine_gas(gases)
    value, unit = _amount_t(total, gas, f) if not unpriced else ("", "")
    a = _d(first_all + "-01")
    return StoryFigure("avoided_to_date", translate("Story", "Avoided since {0}").format(a.year), value, unit,
                       translate("Story", "{0}, renewable kWh × grid factor").format(
                           span(a, _month_end(_d(through + "-01")))),
                       *_capped(lines, details, trail))


def _singular(unit: str) -> str:
    from greenledger.core.equivalents import EQUIVALENTS, UNIT_SINGULAR

    return dict(zip((e.unit for e in EQUIVALENTS), UNIT_SINGULAR, strict=True)).get(unit, unit)


def _initiatives(summary: Summary, c: Campaign, groups, f: Filters) -> list[StoryFigure]:
    eq = next(iter(summary.initiatives_equivalents), None) or next(iter(summary.avoided_equivalents), None)
    out = []
    for i in summary.initiatives:
        if i.campaign != c.name or i.reduction_t is None:
            continue
        value, unit = _amount_t(i.reduction_t, i.reduction_gas, f)
        rows = [g for g in groups if g.table == "initiatives" and g.scope == i.name and g.campaign == c.name]
        trail = [_sentence(translate("Story", "{0} ({1}), {2}: rows: {3}").format(
            i.name, i.business_unit or "—", c.name, _rows_text(rows) or translate("Story", "none")))]
        g = rows[0] if rows else None
        if i.method == "given":
            trail.append(_sentence(translate("Story", "The reduction is given in the row: {0} {1}").format(
                value, unit)))
        elif g is not None and g.activity is not None and g.factor_kg_per_unit is not None:
            trail.append(_sentence(translate(
                "Story", "Activity × factor: {0} {1} × {2} kg CO2e per {1} = {3} {4}").format(
                fmt_num(g.activity), g.activity_unit or "", f"{g.factor_kg_per_unit:g}", value, unit)))
        lines = []
        if eq is not None and i.reduction_t:
            n = i.reduction_t * 1000.0 / eq.factor_kg_per_unit
            lines.append(translate("Story", "≈ {0} {1}").format(
                fmt_num(n, 0), translate("Equivalents", eq.unit)))
            trail.append(_sentence(translate(
                "Story", "Equivalent: {0} t × 1,000 ÷ {1} kg per {2} = {3} ({4}: {5})")
                                   .format(fmt_num(i.reduction_t), f"{eq.factor_kg_per_unit:g}",
                                           translate("Equivalents", _singular(eq.unit)), fmt_num(n, 0),
                                           translate("Equivalents", eq.label), eq.source.split(";")[0])))
        who = i.business_unit or i.name
        out.append(StoryFigure("initiative", translate("Story", "Initiative of {0}: {1}").format(who, i.name),
                               value, unit,
                               translate("Story", "reduction in {0}").format(c.name), tuple(lines),
                               tuple(trail)))
    return out
