"""The dashboard's charts as plain data, one builder per stable chart name, computed only from
the typed summary (core.summary.Summary, from core.accounting.build_summary), so the plotted
numbers are the summary's numbers.

    summary = load_summary(ws)
    chart = build_chart("energy-mix", summary, Filters(site="Ulanqab DC"))
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from typing import Any

from greenledger.core.chart_data import (
    AVOIDED_COLOR,
    BASELINE_COLOR,
    COMPARE_COLOR,
    INITIATIVE_COLOR,
    LOCATION_COLOR,
    MARKET_COLOR,
    SHARE_COLOR,
    UNIT_COLOR,
    ChartData,
    Filters,
    Series,
    color_for,
    fmt_num,
    fmt_pct,
    region_name,
    t_unit,
    unit_word,
    value_word,
)
from greenledger.core.fields import MATERIALS, SOURCES
from greenledger.core.i18n import QT_TRANSLATE_NOOP, cn_scale, cn_unit, fmt_cn, language, translate
from greenledger.core.storage import Workspace
from greenledger.core.summary import (
    CO2,
    CO2E,
    Campaign,
    FactorUsed,
    Initiative,
    SiteMonth,
    SiteYear,
    Summary,
    basis_note,
    combine_gas,
)

CHART_NAMES = (
    "energy-mix",
    "renewable-share",
    "intensity",
    "packaging",
    "reductions",
    "avoided-cumulative",
    "scope2",
    "equivalents",
)
# English titles; translate("Charts", CHART_TITLES[name]) (or chart_title) shows them.
CHART_TITLES = {
    "energy-mix": QT_TRANSLATE_NOOP("Charts", "Energy mix by source"),
    "renewable-share": QT_TRANSLATE_NOOP("Charts", "Renewable share by site"),
    "intensity": QT_TRANSLATE_NOOP("Charts", "Delivery emissions per order"),
    "packaging": QT_TRANSLATE_NOOP("Charts", "Packaging material per order"),
    "reductions": QT_TRANSLATE_NOOP("Charts", "Reductions by initiative and business unit"),
    "avoided-cumulative": QT_TRANSLATE_NOOP(
        "Charts", "Cumulative avoided emissions from renewable electricity"
    ),
    "scope2": QT_TRANSLATE_NOOP("Charts", "Scope 2: location- vs market-based"),
    "equivalents": QT_TRANSLATE_NOOP("Charts", "Equivalents"),
}
EXTRA_KEY = "packaging_by_material"  # kept for scripts: load(ws)[EXTRA_KEY]


def packaging_by_material(ws: Workspace) -> dict[str, dict[str, float]]:
    """kg of packaging per campaign and material (Campaign.packaging_kg_by_material): counted
    exactly as core.accounting.campaigns counts a campaign's packaging kg."""
    from greenledger.core.accounting import build_summary

    return {c.name: c.packaging_kg_by_material for c in build_summary(ws).campaigns
            if c.packaging_kg_by_material}


def as_summary(summary: Summary | dict) -> Summary:
    """A Summary, from a Summary or its JSON (summarize(ws), load(ws))."""
    return summary if isinstance(summary, Summary) else Summary.from_json(summary)


def with_chart_extras(summary: Summary | dict, ws: Workspace) -> Summary:
    """The summary as the charts read it (a Summary: it holds everything the charts need)."""
    return as_summary(summary)


def load_summary(ws: Workspace) -> Summary:
    """The typed summary of `ws`: the input of build_chart."""
    from greenledger.core.accounting import build_summary

    return build_summary(ws)


def load(ws: Workspace) -> dict:
    """summarize(ws) (the JSON, schema 2) with `packaging_by_material`, for scripts;
    build_chart takes it as it takes a Summary."""
    s = load_summary(ws)
    return {**s.to_json(), EXTRA_KEY: {c.name: c.packaging_kg_by_material for c in s.campaigns
                                       if c.packaging_kg_by_material}}


def build_chart(name: str, summary: Summary | dict, filters: Filters | None = None) -> ChartData:
    """The chart `name` (one of CHART_NAMES) from a summary and filters."""
    if name not in BUILDERS:
        raise KeyError(f"unknown chart {name!r}; charts: {', '.join(CHART_NAMES)}")
    f = filters or Filters()
    summary = as_summary(summary)
    chart = BUILDERS[name](summary, f)
    chart.name = name
    chart.title = translate("Charts", chart.title)
    chart.workspace = summary.workspace
    chart.filters = {**f.as_dict(), "lang": f.language}
    return chart


def chart_title(name: str) -> str:
    """The chart's title in the current language."""
    return translate("Charts", CHART_TITLES[name])


# --- helpers ---------------------------------------------------------------------------------


def _factors(summary: Summary, keep: Callable[[FactorUsed], bool]) -> list[FactorUsed]:
    return [u for u in summary.factors_used if keep(u)]


def _factor_sources(used: list[FactorUsed]) -> list[str]:
    out: list[str] = []
    for u in used:
        what = value_word(u.key)
        if u.region:  # "Grid North China" / "华北电网"
            what = translate("Charts", "{0} {1}").format(what, region_name(u.region))
        text = translate("Charts", "{0} {1} {2}: {3}").format(
            what, f"{u.value:g}", unit_word(u.unit), u.source
        )
        if text not in out:
            out.append(text)
    return out


def _months(summary: Summary, f: Filters) -> list[SiteMonth]:
    return [
        m
        for m in summary.site_months
        if (f.site is None or m.site == f.site) and f.years_ok(int(m.month[:4]))
    ]


def _years(summary: Summary, f: Filters) -> list[SiteYear]:
    return [
        y
        for y in summary.site_years
        if (f.site is None or y.site == f.site) and f.years_ok(y.year)
    ]


def _campaigns(summary: Summary, f: Filters) -> list[Campaign]:
    cs = [c for c in summary.campaigns if f.years_ok(int(c.start[:4]))]
    if f.campaign:
        chosen = next((c for c in cs if c.name == f.campaign), None)
        base = chosen and chosen.baseline
        cs = [c for c in cs if c.name in (f.campaign, base)]
    return cs


def _use_months(n_months: int, limit: int, f: Filters) -> bool:
    return f.granularity == "month" or (f.granularity == "auto" and n_months <= limit)


def _period_rows(summary: Summary, f: Filters, limit: int) -> tuple[bool, list[tuple[str, Any]]]:
    """(period, SiteMonth or SiteYear) pairs: months when few enough, else years."""
    months = _months(summary, f)
    if _use_months(len({m.month for m in months}), limit, f):
        return True, [(m.month, m) for m in months]
    return False, [(str(y.year), y) for y in _years(summary, f)]


UNIT_WORDS = (
    QT_TRANSLATE_NOOP("Units", "kg CO2/kWh"),
    QT_TRANSLATE_NOOP("Units", "kg CO2e/kWh"),
    QT_TRANSLATE_NOOP("Units", "kg CO2e/kg"),
    QT_TRANSLATE_NOOP("Units", "kg CO2e/km"),
    QT_TRANSLATE_NOOP("Units", "kg CO2e/tkm"),
    QT_TRANSLATE_NOOP("Units", "kg CO2e/L"),
    QT_TRANSLATE_NOOP("Units", "kg CO2/L"),
)


def _t_axis(f: Filters, magnitude: float, gas: str = "CO2e") -> tuple[float, str]:
    """(divisor of t, unit label) of a chart's emissions axis: t or kt, or with f.cn_units
    吨 / 万吨 / 亿吨 by the largest value."""
    if f.cn_units:
        scale, prefix = cn_scale(magnitude)
        return scale, cn_unit(prefix, t_unit("t", gas))
    return f.t_scale, t_unit(f.unit, gas)


def _gas(basis: str) -> str:
    """The unit's gas of a figure of `basis`: CO2 for a CO2-only one, else CO2e."""
    return "CO2" if basis == CO2 else "CO2e"


def _fmt_t(f: Filters, t: float, gas: str = "CO2e") -> str:
    """An amount of t CO2e for a label or a key figure: '1,396 t CO2e', '40 万吨二氧化碳当量'."""
    if f.cn_units:
        return fmt_cn(t, t_unit("t", gas))
    return f"{fmt_num(t / f.t_scale)} {t_unit(f.unit, gas)}"


def _fmt_kwh(f: Filters, kwh: float) -> str:
    """A large amount of electricity: '615.0 million kWh'; in Chinese or with f.cn_units
    '6.2 亿千瓦时' (Chinese counts in 万 and 亿, not in millions)."""
    if f.cn_units or language() == "zh":
        return fmt_cn(kwh, translate("Units", "kWh"))
    return translate("Charts", "{0} million kWh").format(f"{kwh / 1e6:,.1f}")


def _span(periods: list[str]) -> str:
    return "" if not periods else periods[0] if len(periods) == 1 else f"{periods[0]} – {periods[-1]}"


def _kwh_scale(max_kwh: float, f: Filters | None = None) -> tuple[float, str]:
    if f is not None and f.cn_units:
        scale, prefix = cn_scale(max_kwh)
        return scale, cn_unit(prefix, translate("Units", "kWh"))
    if max_kwh >= 1e6:
        return 1e6, translate("Units", "GWh")
    if max_kwh >= 1e3:
        return 1e3, translate("Units", "MWh")
    return 1.0, translate("Units", "kWh")


def _same_month_labels(periods: list[str], values: list[float | None]) -> list[str]:
    """Label the last point and the same month of earlier years (the year-on-year story)."""
    if not periods:
        return []
    last = periods[-1]
    same = (lambda p: p[5:] == last[5:]) if len(last) == 7 else (lambda p: True)
    return [fmt_pct(v) if v is not None and same(p) else "" for p, v in zip(periods, values, strict=True)]


# --- the charts ------------------------------------------------------------------------------


def energy_mix(summary: Summary, f: Filters) -> ChartData:
    monthly, rows = _period_rows(summary, f, limit=24)
    periods = sorted({p for p, _ in rows})
    idx = {p: i for i, p in enumerate(periods)}
    by_source: dict[str, list[float]] = {}
    renewable, total = [0.0] * len(periods), [0.0] * len(periods)
    for p, r in rows:
        i = idx[p]
        renewable[i] += r.renewable_kwh
        total[i] += r.total_kwh
        for source, kwh in r.kwh_by_source.items():
            by_source.setdefault(source, [0.0] * len(periods))[i] += kwh
    scale, unit = _kwh_scale(max(total, default=0.0), f)
    order = sorted(by_source, key=lambda s: (SOURCES.index(s) if s in SOURCES else 99, s))
    series = [
        Series(value_word(s), [v / scale for v in by_source[s]], stacked=True, color=color_for(s, i))
        for i, s in enumerate(order)
    ]
    share = [r / t * 100.0 if t > 0 else None for r, t in zip(renewable, total, strict=True)]
    series.append(
        Series(
            translate("Charts", "Renewable share"),
            share,
            kind="line",
            axis="right",
            color=SHARE_COLOR,
            labels=_same_month_labels(periods, share),
        )
    )
    where = f.site or translate("Charts", "all sites")
    labelled = [(p, v) for p, v, lab in zip(periods, share, series[-1].labels or [], strict=True) if lab]
    keys = [translate("Charts", "Renewable share {0}: {1}").format(p, fmt_pct(v)) for p, v in labelled[-3:]]
    all_share = fmt_pct(sum(renewable) / max(sum(total), 1) * 100)
    keys.append(
        (
            translate("Charts", "{0} in {1} months, {2} renewable")
            if monthly
            else translate("Charts", "{0} in {1} years, {2} renewable")
        ).format(_fmt_kwh(f, sum(total)), len(periods), all_share)
    )
    return ChartData(
        name="energy-mix",
        title=CHART_TITLES["energy-mix"],
        subtitle=where,
        categories=periods,
        series=series,
        y_label=translate("Charts", "Electricity ({0})").format(unit),
        y2_label=translate("Charts", "Renewable share (%)"),
        x_label=translate("Charts", "Month") if monthly else translate("Charts", "Year"),
        y_scale=scale,
        y2_range=(0.0, 100.0),
        period=_span(periods),
        key_figures=keys,
        method=translate(
            "Charts",
            "kWh by source as reported, spread over calendar months by days; renewable share = "
            "wind, solar, hydro, biomass, geothermal kWh ÷ all kWh (diesel included)",
        ),
    )


def renewable_share(summary: Summary, f: Filters) -> ChartData:
    monthly, rows = _period_rows(summary, f, limit=48)
    periods = sorted({p for p, _ in rows})
    idx = {p: i for i, p in enumerate(periods)}
    sites = sorted({r.site for _, r in rows})
    series = []
    for i, site in enumerate(sites):
        values: list[float | None] = [None] * len(periods)
        for p, r in rows:
            if r.site == site:
                values[idx[p]] = r.renewable_share_pct
        series.append(
            Series(
                site,
                values,
                kind="line",
                color=color_for(site, i),
                labels=_same_month_labels(periods, values),
            )
        )
    keys = []
    for s in series:
        pts = [(p, v) for p, v, lab in zip(periods, s.values, s.labels or [], strict=True) if lab]
        if pts:
            keys.append(
                translate("Charts", "{0}: {1}").format(
                    s.name, " → ".join(f"{fmt_pct(v)} ({p})" for p, v in pts[-2:])
                )
            )
    return ChartData(
        name="renewable-share",
        title=CHART_TITLES["renewable-share"],
        categories=periods,
        series=series,
        y_label=translate("Charts", "Renewable share (%)"),
        x_label=translate("Charts", "Month") if monthly else translate("Charts", "Year"),
        period=_span(periods),
        key_figures=keys,
        method=translate(
            "Charts", "renewable kWh ÷ all kWh of each site (diesel included), per calendar month"
        )
        if monthly
        else translate("Charts", "renewable kWh ÷ all kWh of each site (diesel included), per calendar year"),
    )


def intensity(summary: Summary, f: Filters) -> ChartData:
    cs = _campaigns(summary, f)
    values = [c.intensity_kg_per_order for c in cs]
    labels, colors, keys = [], [], []
    for c in cs:
        text = fmt_num(c.intensity_kg_per_order)
        if c.intensity_change_pct is not None:
            change = fmt_pct(c.intensity_change_pct, signed=True)
            text += "\n" + translate("Charts", "{0} vs {1}").format(change, c.baseline)
            keys.append(
                translate("Charts", "{0}: {1} kg CO2e per order, {2} vs {3}").format(
                    c.name, fmt_num(c.intensity_kg_per_order), change, c.baseline
                )
            )
        labels.append(text)
        colors.append(BASELINE_COLOR if c.intensity_change_pct is None else INITIATIVE_COLOR)
    used = _factors(
        summary,
        lambda u: (
            u.key not in ("grid", "residual", "diesel")
            and u.key not in MATERIALS
            and not u.key.endswith(" recycled")
        ),
    )
    per_order = translate("Charts", "kg CO2e per order")
    gas = combine_gas(c.emissions_gas for c in cs if c.emissions_t is not None)
    if gas == CO2:
        per_order = translate("Charts", "kg CO2 per order")
    return ChartData(
        name="intensity",
        basis=basis_note(gas, "vehicle"),
        title=CHART_TITLES["intensity"],
        categories=[c.name for c in cs],
        series=[Series(per_order, values, color=INITIATIVE_COLOR, labels=labels, point_colors=colors)],
        y_label=per_order,
        x_label=translate("Charts", "Campaign"),
        period="; ".join(f"{c.name} {c.start}–{c.end}" for c in cs),
        key_figures=keys,
        factor_sources=_factor_sources(used),
        method=translate(
            "Charts",
            "delivery emissions (reported, else distance × vehicle factor) ÷ orders; "
            "change against the campaign's baseline",
        ),
    )


def packaging(summary: Summary, f: Filters) -> ChartData:
    cs = [c for c in _campaigns(summary, f) if c.packaging_kg_per_order is not None]
    kg = {c.name: c.packaging_kg_by_material for c in cs}
    materials = sorted(
        {m for c in cs for m in kg.get(c.name, {})},
        key=lambda m: (MATERIALS.index(m) if m in MATERIALS else 99, m),
    )
    series = [
        Series(
            value_word(m),
            [kg.get(c.name, {}).get(m, 0.0) / c.orders * 1000.0 for c in cs],
            stacked=True,
            color=color_for(m, i),
        )
        for i, m in enumerate(materials)
    ]
    labels, keys = [], []
    for c in cs:
        grams = fmt_num(c.packaging_kg_per_order * 1000.0)
        text = translate("Charts", "{0} g").format(grams)
        change = None
        if c.packaging_change_pct is not None:
            change = fmt_pct(c.packaging_change_pct, signed=True)
            text += f" ({change})"
        text += "\n" + _fmt_t(f, c.packaging_t)
        labels.append(text)
        if change is None:
            keys.append(
                translate("Charts", "{0}: {1} g per order; packaging {2}").format(
                    c.name, grams, _fmt_t(f, c.packaging_t)
                )
            )
        else:
            keys.append(
                translate("Charts", "{0}: {1} g per order, {2} vs {3}; packaging {4}").format(
                    c.name, grams, change, c.baseline, _fmt_t(f, c.packaging_t)
                )
            )
    if series:
        series[-1].labels = labels
    used = _factors(summary, lambda u: u.key in MATERIALS or u.key.endswith(" recycled"))
    return ChartData(
        name="packaging",
        basis=basis_note(combine_gas(c.packaging_gas for c in cs), "packaging"),
        title=CHART_TITLES["packaging"],
        categories=[c.name for c in cs],
        series=series,
        y_label=translate("Charts", "g packaging per order"),
        x_label=translate("Charts", "Campaign"),
        y_scale=0.001,
        key_figures=keys,
        factor_sources=_factor_sources(used),
        period="; ".join(f"{c.name} {c.start}–{c.end}" for c in cs),
        method=translate(
            "Charts",
            "packaging kg ÷ orders, by material; t CO2e = kg × ((1 − recycled share) × material "
            "factor + recycled share × recycled factor)",
        ),
    )


def _reduction_scope(summary: Summary, f: Filters) -> tuple[Campaign | None, list[Initiative]]:
    """The campaign the reductions chart is about (the filter, else the latest campaign with
    initiatives), and its initiatives."""
    inits = summary.initiatives
    cs = _campaigns(summary, f)
    names = [c.name for c in cs]
    if f.campaign:
        camp = next((c for c in cs if c.name == f.campaign), None)
    else:
        with_inits = [c for c in cs if any(i.campaign == c.name for i in inits)]
        camp = with_inits[-1] if with_inits else None
    if camp is not None:
        return camp, [i for i in inits if i.campaign == camp.name]
    return None, [i for i in inits if i.campaign is None or i.campaign in names]


def _short(text: str, n: int = 34) -> str:
    return text if len(text) <= n else text[: n - 1].rstrip(" ,") + "…"


def reductions(summary: Summary, f: Filters) -> ChartData:
    camp, inits = _reduction_scope(summary, f)
    units: dict[str, float] = defaultdict(float)
    for i in inits:
        units[i.business_unit] += i.reduction_t or 0.0
    if camp is not None:
        avoided = {s: t for s, t in camp.avoided_by_site_t.items() if f.site in (None, s)}
        period = f"{camp.name} {camp.start}–{camp.end}"
    else:
        avoided = defaultdict(float)
        for y in _years(summary, f):
            avoided[y.site] += y.avoided_t or 0.0
        period = _span(sorted({str(y.year) for y in _years(summary, f)}))
    everything = [i.reduction_t or 0.0 for i in inits] + list(units.values()) + list(avoided.values())
    scale, unit = _t_axis(f, max(everything, default=0.0))
    cats: list[str] = []
    groups = []
    init_v, unit_v, avoided_v = [], [], []

    def group(label: str, items: list[tuple[str, float | None]], target: list) -> None:
        start = len(cats)
        for cat, v in items:
            cats.append(cat)
            for lst in (init_v, unit_v, avoided_v):
                lst.append(v / scale if lst is target and v is not None else None)
        if items:
            groups.append((label, start, len(cats) - 1))

    group(
        translate("Charts", "Initiatives"),
        [(f"{i.business_unit}: {_short(i.name)}", i.reduction_t) for i in inits],
        init_v,
    )
    group(
        translate("Charts", "Business units"),
        [(translate("Charts", "{0} (all initiatives)").format(u), t) for u, t in units.items()],
        unit_v,
    )
    group(
        translate("Charts", "Avoided (renewables, not in the inventory)"),
        [(translate("Charts", "{0} renewable electricity").format(s), t) for s, t in avoided.items()],
        avoided_v,
    )
    series = [
        Series(name, vals, color=color, labels=[fmt_num(v) for v in vals])
        for name, vals, color in (
            (translate("Charts", "Initiative reductions"), init_v, INITIATIVE_COLOR),
            (translate("Charts", "Business unit total"), unit_v, UNIT_COLOR),
            (translate("Charts", "Avoided (beside the inventory)"), avoided_v, AVOIDED_COLOR),
        )
    ]
    used = _factors(
        summary, lambda u: u.key == "grid" and (camp is None or u.year == int(camp.start[:4]))
    )
    av_gas = (camp.avoided_gas if camp is not None
              else combine_gas(y.avoided_gas for y in _years(summary, f) if y.avoided_t is not None))
    keys = [
        translate("Charts", "Initiatives: {0}").format(_fmt_t(f, sum(units.values()))),
        translate("Charts", "Avoided by renewables (not netted): {0}").format(
            _fmt_t(f, sum(avoided.values()), _gas(av_gas))
        ),
    ]
    av_note = basis_note(av_gas, "grid") if avoided else ""
    return ChartData(
        name="reductions",
        basis=translate("Charts", "avoided: {0}").format(av_note) if av_note else "",
        title=CHART_TITLES["reductions"],
        categories=cats,
        series=series,
        y_label=unit,
        horizontal=True,
        groups=groups,
        key_figures=keys,
        period=period,
        subtitle=translate("Charts", "during {0}").format(camp.name) if camp else "",
        factor_sources=_factor_sources(used),
        method=translate(
            "Charts",
            "initiatives: reduction as reported, else activity × factor; avoided = renewable kWh × "
            "grid factor, shown apart and never summed into the inventory",
        ),
    )


def _grid_factor_name(summary: Summary, region: str, years: list[int]) -> str:
    used = [
        u
        for u in summary.factors_used
        if u.key == "grid" and u.region == region and u.year in years
    ]
    values = sorted({u.value for u in used})
    if not values:
        return translate("Charts", "{0} grid factor").format(region_name(region))
    v = f"{values[0]:g}" if len(values) == 1 else f"{values[0]:g}–{values[-1]:g}"
    years_of = sorted({u.factor_year for u in used if u.factor_year})
    if years_of:
        return translate("Charts", "{0} grid {1} kg CO2/kWh, {2} factor").format(
            region_name(region), v, "/".join(map(str, years_of))
        )
    return translate("Charts", "{0} grid {1} kg CO2/kWh").format(region_name(region), v)


def avoided_cumulative(summary: Summary, f: Filters) -> ChartData:
    ys = _years(summary, f)
    years = sorted({y.year for y in ys})
    sites = sorted({y.site for y in ys})
    avoided_all = sum(y.avoided_t or 0.0 for y in ys)
    kwh_cum = [0.0] * len(years)
    run_kwh = 0.0
    for i, yr in enumerate(years):
        run_kwh += sum(y.renewable_kwh for y in ys if y.year == yr)
        kwh_cum[i] = run_kwh
    alt_t = [k * f.compare_factor / 1000.0 for k in kwh_cum] if f.compare_factor else []
    av_gas = combine_gas(y.avoided_gas for y in ys if y.avoided_t is not None)
    gas = _gas(av_gas)
    scale, unit = _t_axis(f, max([avoided_all, *alt_t]), gas=gas)
    series, totals = [], [0.0] * len(years)
    for n, site in enumerate(sites):
        rows = {y.year: y for y in ys if y.site == site}
        run, vals = 0.0, []
        for i, yr in enumerate(years):
            run += (rows[yr].avoided_t or 0.0) if yr in rows else 0.0
            vals.append(run / scale)
            totals[i] += run
        region = next(iter(rows.values())).grid_region
        series.append(
            Series(
                translate("Charts", "{0} ({1})").format(site, _grid_factor_name(summary, region, years)),
                vals,
                stacked=True,
                color=color_for(site, n),
            )
        )
    if series:
        series[-1].labels = [fmt_num(t / scale) for t in totals]
    keys = (
        [
            translate("Charts", "{0} renewable → {1} at the grid factor").format(
                _fmt_kwh(f, kwh_cum[-1]), _fmt_t(f, totals[-1], gas=gas)
            )
        ]
        if years
        else []
    )
    if f.compare_factor:
        label = f.compare_label or translate("Charts", "{0} kg CO2/kWh").format(f"{f.compare_factor:g}")
        alt = [t / scale for t in alt_t]
        series.append(
            Series(
                translate("Charts", "Same kWh at {0}").format(label),
                alt,
                kind="line",
                color=COMPARE_COLOR,
                labels=[""] * (len(alt) - 1) + [fmt_num(alt[-1])] if alt else [],
            )
        )
        if alt:
            keys.append(translate("Charts", "at {0}: {1}").format(label, _fmt_t(f, alt_t[-1], gas="CO2")))
    used = _factors(
        summary,
        lambda u: u.key == "grid" and u.year in years and u.region in {y.grid_region for y in ys},
    )
    return ChartData(
        name="avoided-cumulative",
        basis=basis_note(av_gas, "grid"),
        title=CHART_TITLES["avoided-cumulative"],
        categories=[str(y) for y in years],
        series=series,
        y_label=translate("Charts", "{0} avoided, cumulative").format(unit),
        x_label=translate("Charts", "Year"),
        period=_span([str(y) for y in years]),
        key_figures=keys,
        factor_sources=_factor_sources(used),
        method=translate(
            "Charts",
            "renewable kWh × the site's grid factor of the year, summed since the first year; "
            "beside the inventory, not deducted",
        ),
    )


def scope2(summary: Summary, f: Filters) -> ChartData:
    ys = _years(summary, f)
    cats = [f"{y.site} {y.year}" for y in ys]
    biggest = max((v or 0.0 for y in ys for v in (y.location_based_t, y.market_based_t)), default=0.0)
    s2_gas = combine_gas([y.location_based_gas for y in ys if y.location_based_t is not None]
                         + [y.market_based_gas for y in ys if y.market_based_t is not None])
    scale, unit = _t_axis(f, biggest, gas=_gas(s2_gas))
    loc = [None if y.location_based_t is None else y.location_based_t / scale for y in ys]
    mkt = [None if y.market_based_t is None else y.market_based_t / scale for y in ys]
    used = _factors(
        summary,
        lambda u: (
            u.key in ("grid", "residual")
            and u.region in {y.grid_region for y in ys}
            and u.year in {y.year for y in ys}
        ),
    )
    loc_t = sum(y.location_based_t or 0.0 for y in ys)
    mkt_t = sum(y.market_based_t or 0.0 for y in ys)
    if f.cn_units:
        loc_text, mkt_text = (fmt_cn(v, t_unit("t", _gas(s2_gas))) for v in (loc_t, mkt_t))
    else:
        loc_text, mkt_text = (f"{v / scale:,.0f} {unit}" for v in (loc_t, mkt_t))
    keys = [translate("Charts", "{0} location-based vs {1} market-based in all").format(loc_text, mkt_text)]
    return ChartData(
        name="scope2",
        basis=basis_note(s2_gas, "grid"),
        title=CHART_TITLES["scope2"],
        categories=cats,
        series=[
            Series(
                translate("Charts", "Location-based"),
                loc,
                color=LOCATION_COLOR,
                labels=[fmt_num(v) for v in loc],
            ),
            Series(
                translate("Charts", "Market-based"), mkt, color=MARKET_COLOR, labels=[fmt_num(v) for v in mkt]
            ),
        ],
        y_label=unit,
        x_label=translate("Charts", "Site and year"),
        key_figures=keys,
        period=_span(sorted({str(y.year) for y in ys})),
        factor_sources=_factor_sources(used),
        method=translate(
            "Charts",
            "GHG Protocol Scope 2: location = grid-delivered kWh × grid average; market = grid kWh × "
            "residual mix (else grid average), contractual renewables at zero",
        ),
    )


def _count(f: Filters, value: float, unit: str) -> str:
    """'22,346 trees'; in Chinese (or with 万/亿) '2.2 万棵'."""
    word = translate("Equivalents", unit)
    if (f.cn_units or language() == "zh") and abs(value) >= 1e4:
        return fmt_cn(value, word)
    return f"{value:,.0f} {word}"


def equivalents(summary: Summary, f: Filters) -> ChartData:
    """One figure as trees, cars, homes: an initiative's reduction, the initiatives' reductions
    (of the campaign, or all), or, where there are none, the avoided emissions. Avoided
    emissions and reductions are never summed; the other figure is named beside."""
    camp, inits = _reduction_scope(summary, f)
    chosen = [i for i in summary.initiatives if f.initiative and i.name == f.initiative]
    av_gas = summary.totals.avoided_gas
    if f.site is None and f.year_from is None and f.year_to is None:
        avoided = camp.avoided_t if camp is not None and f.campaign else summary.totals.avoided_t
        if camp is not None and f.campaign:
            av_gas = camp.avoided_gas
    else:
        ys = _years(summary, f)
        avoided = sum(y.avoided_t or 0.0 for y in ys)
        av_gas = combine_gas(y.avoided_gas for y in ys if y.avoided_t is not None)
    gas = CO2E
    beside = None  # the avoided t, when the chart shows reductions
    if chosen:
        amount = sum(i.reduction_t or 0.0 for i in chosen)
        what = f"{chosen[0].business_unit}: {chosen[0].name}"
    elif (camp is not None and f.campaign) and any(i.reduction_t for i in inits):
        amount = sum(i.reduction_t or 0.0 for i in inits)
        what = translate("Charts", "initiative reductions during {0}").format(camp.name)
        beside = avoided
    elif (f.site is None and f.year_from is None and f.year_to is None and not f.campaign
          and summary.totals.initiatives_t):
        amount = summary.totals.initiatives_t
        what = translate("Charts", "initiative reductions, all years")
        beside = avoided
    else:
        amount, gas = avoided, av_gas
        what = (translate("Charts", "avoided by renewables during {0}").format(camp.name)
                if camp is not None and f.campaign
                else translate("Charts", "avoided by renewables in the selection"))
    # the factors are the same for any amount; values are computed here
    eqs = (summary.initiatives_equivalents or summary.avoided_equivalents) if amount else ()
    values = [amount * 1000.0 / e.factor_kg_per_unit for e in eqs]
    labels = [translate("Equivalents", e.label) for e in eqs]
    cats = [
        translate("Charts", "{0}: {1}").format(translate("Equivalents", e.unit), label)
        for e, label in zip(eqs, labels, strict=True)
    ]
    pict = None
    if eqs:
        e = eqs[0]
        singular = e.unit[:-1] if e.unit.endswith("s") else e.unit
        pict = {
            "headline": translate("Charts", "≈ {0}").format(_count(f, values[0], e.unit)),
            "amount": translate("Charts", "{0} ({1})").format(_fmt_t(f, amount, _gas(gas)), what),
            "label": labels[0],
            "unit": translate("Equivalents", e.unit),
            "count": values[0],
            "factor": translate("Charts", "{0} kg CO2e per {1}").format(
                f"{e.factor_kg_per_unit:g}", translate("Equivalents", singular)
            ),
            "note": translate("Equivalents", e.note),
            "others": [
                translate("Charts", "≈ {0}: {1}").format(_count(f, v, x.unit), label)
                for v, x, label in zip(values[1:4], eqs[1:4], labels[1:4], strict=False)
            ],
        }
        if beside:  # the other figure, named apart and never added
            pict["beside"] = translate(
                "Charts", "Avoided by renewables, a separate figure not added: {0} ≈ {1}"
            ).format(_fmt_t(f, beside, _gas(av_gas)),
                     _count(f, beside * 1000.0 / e.factor_kg_per_unit, e.unit))
    return ChartData(
        name="equivalents",
        title=CHART_TITLES["equivalents"],
        categories=cats,
        series=[
            Series(
                translate("Charts", "Equivalent count"),
                values,
                color=INITIATIVE_COLOR,
                labels=[fmt_num(v, 0) for v in values],
            )
        ],
        y_label=translate("Charts", "Count"),
        subtitle=what,
        pictogram=pict,
        y_scale=1.0,
        key_figures=(
            [translate("Charts", "{0} ({1})").format(pict["headline"], pict["amount"])]
            + ([pict["beside"]] if "beside" in pict else [])
        )
        if pict
        else [],
        factor_sources=(
            [translate("Charts", "{0}: {1}").format(pict["factor"], eqs[0].source)] if pict else []
        )
        + [e.source for e in eqs[1:2]],
        method=translate(
            "Charts",
            "amount (t CO2e) × 1000 ÷ kg CO2e per unit; avoided emissions and initiative "
            "reductions are shown apart, never summed",
        ),
        basis=basis_note(gas, "grid") if gas != CO2E else "",
        period=what,
    )


BUILDERS: dict[str, Callable[[Summary, Filters], ChartData]] = {
    "energy-mix": energy_mix,
    "renewable-share": renewable_share,
    "intensity": intensity,
    "packaging": packaging,
    "reductions": reductions,
    "avoided-cumulative": avoided_cumulative,
    "scope2": scope2,
    "equivalents": equivalents,
}
