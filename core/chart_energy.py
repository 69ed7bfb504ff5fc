"""The energy charts of core.charts: energy mix, renewable share, cumulative avoided emissions and
Scope 2 location- vs market-based, from the typed summary."""

from __future__ import annotations

from greenledger.core.chart_common import (
    CHART_TITLES,
    factor_sources,
    factors_of,
    fmt_kwh,
    fmt_t,
    gas_word,
    kwh_scale,
    period_rows,
    same_month_labels,
    span,
    t_axis,
    years_of,
)
from greenledger.core.chart_data import (
    COMPARE_COLOR,
    LOCATION_COLOR,
    MARKET_COLOR,
    SHARE_COLOR,
    ChartData,
    Filters,
    Series,
    color_for,
    fmt_num,
    fmt_pct,
    region_name,
    t_unit,
    value_word,
)
from greenledger.core.fields import SOURCES
from greenledger.core.i18n import fmt_cn, translate
from greenledger.core.summary import (
    Summary,
    basis_note,
    combine_gas,
)


def energy_mix(summary: Summary, f: Filters) -> ChartData:
    monthly, rows = period_rows(summary, f, limit=24)
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
    scale, unit = kwh_scale(max(total, default=0.0), f)
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
            labels=same_month_labels(periods, share),
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
        ).format(fmt_kwh(f, sum(total)), len(periods), all_share)
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
        period=span(periods),
        key_figures=keys,
        method=translate(
            "Charts",
            "kWh by source as reported, spread over calendar months by days; renewable share = "
            "wind, solar, hydro, biomass, geothermal kWh ÷ all kWh (diesel included)",
        ),
    )


def renewable_share(summary: Summary, f: Filters) -> ChartData:
    monthly, rows = period_rows(summary, f, limit=48)
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
                labels=same_month_labels(periods, values),
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
        period=span(periods),
        key_figures=keys,
        method=translate(
            "Charts", "renewable kWh ÷ all kWh of each site (diesel included), per calendar month"
        )
        if monthly
        else translate("Charts", "renewable kWh ÷ all kWh of each site (diesel included), per calendar year"),
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
    ys = years_of(summary, f)
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
    gas = gas_word(av_gas)
    scale, unit = t_axis(f, max([avoided_all, *alt_t]), gas=gas)
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
                fmt_kwh(f, kwh_cum[-1]), fmt_t(f, totals[-1], gas=gas)
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
            keys.append(translate("Charts", "at {0}: {1}").format(label, fmt_t(f, alt_t[-1], gas="CO2")))
    used = factors_of(
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
        period=span([str(y) for y in years]),
        key_figures=keys,
        factor_sources=factor_sources(used),
        method=translate(
            "Charts",
            "renewable kWh × the site's grid factor of the year, summed since the first year; "
            "beside the inventory, not deducted",
        ),
    )


def scope2(summary: Summary, f: Filters) -> ChartData:
    ys = years_of(summary, f)
    cats = [f"{y.site} {y.year}" for y in ys]
    biggest = max((v or 0.0 for y in ys for v in (y.location_based_t, y.market_based_t)), default=0.0)
    s2_gas = combine_gas([y.location_based_gas for y in ys if y.location_based_t is not None]
                         + [y.market_based_gas for y in ys if y.market_based_t is not None])
    scale, unit = t_axis(f, biggest, gas=gas_word(s2_gas))
    loc = [None if y.location_based_t is None else y.location_based_t / scale for y in ys]
    mkt = [None if y.market_based_t is None else y.market_based_t / scale for y in ys]
    used = factors_of(
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
        loc_text, mkt_text = (fmt_cn(v, t_unit("t", gas_word(s2_gas))) for v in (loc_t, mkt_t))
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
        period=span(sorted({str(y.year) for y in ys})),
        factor_sources=factor_sources(used),
        method=translate(
            "Charts",
            "GHG Protocol Scope 2: location = grid-delivered kWh × grid average; market = grid kWh × "
            "residual mix (else grid average), contractual renewables at zero",
        ),
    )


