"""The dashboard's charts as plain data, one builder per stable chart name, computed only from
core.accounting.summarize output (so the plotted numbers are the summary's numbers), plus the
per-material packaging kg the summary does not break down (`packaging_by_material`).

    summary = summarize(ws)
    chart = build_chart("energy-mix", summary, Filters(site="Ulanqab DC"))
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from datetime import date

from core.accounting import _campaign_part, _Window
from core.chart_data import (
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
    tr,
)
from core.fields import MATERIALS, SOURCES
from core.storage import Workspace

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
CHART_TITLES = {
    "energy-mix": "Energy mix by source",
    "renewable-share": "Renewable share by site",
    "intensity": "Delivery emissions per order",
    "packaging": "Packaging material per order",
    "reductions": "Reductions by initiative and business unit",
    "avoided-cumulative": "Cumulative avoided emissions from renewable electricity",
    "scope2": "Scope 2: location- vs market-based",
    "equivalents": "Equivalents",
}
EXTRA_KEY = "packaging_by_material"  # summary key added by with_chart_extras()


def packaging_by_material(ws: Workspace) -> dict[str, dict[str, float]]:
    """kg of packaging per campaign and material, counted exactly as core.accounting.campaigns
    counts a campaign's packaging kg (campaign column, else overlap of the period by days)."""
    wins = {
        r["id"]: _Window(
            r["name"], date.fromisoformat(r["start"]), date.fromisoformat(r["end"]), r["baseline"]
        )
        for r in ws.db.query('SELECT id, name, start, "end", baseline FROM campaigns')
    }
    rows = list(ws.db.query("SELECT * FROM packaging"))
    out: dict[str, dict[str, float]] = {}
    for cid, win in wins.items():
        kg: dict[str, float] = defaultdict(float)
        for row in rows:
            share, _ = _campaign_part(row, win, cid)
            if share > 0:
                kg[row["material"]] += row["quantity_kg"] * share
        if kg:
            out[win.name] = dict(kg)
    return out


def with_chart_extras(summary: dict, ws: Workspace) -> dict:
    """The summary plus what the charts need beyond it (existing keys unchanged)."""
    return {**summary, EXTRA_KEY: packaging_by_material(ws)}


def load(ws: Workspace) -> dict:
    """summarize(ws) with the charts' extras: the input of build_chart."""
    from core.accounting import summarize

    return with_chart_extras(summarize(ws), ws)


def build_chart(name: str, summary: dict, filters: Filters | None = None) -> ChartData:
    """The chart `name` (one of CHART_NAMES) from a summary and filters."""
    if name not in BUILDERS:
        raise KeyError(f"unknown chart {name!r}; charts: {', '.join(CHART_NAMES)}")
    f = filters or Filters()
    chart = BUILDERS[name](summary, f)
    chart.name = name
    chart.title = tr(chart.title, f.lang)
    chart.workspace = summary.get("workspace", "")
    chart.filters = f.as_dict()
    return chart


# --- helpers ---------------------------------------------------------------------------------


def _factors(summary: dict, keep: Callable[[dict], bool]) -> list[dict]:
    return [u for u in summary.get("factors_used", []) if keep(u)]


def _factor_sources(used: list[dict]) -> list[str]:
    out: list[str] = []
    for u in used:
        text = (
            f"{u['key']}{' ' + u['region'] if u['region'] else ''} {u['value']:g} {u['unit']}: {u['source']}"
        )
        if text not in out:
            out.append(text)
    return out


def _months(summary: dict, f: Filters) -> list[dict]:
    return [
        m
        for m in summary.get("site_months", [])
        if (f.site is None or m["site"] == f.site) and f.years_ok(int(m["month"][:4]))
    ]


def _years(summary: dict, f: Filters) -> list[dict]:
    return [
        y
        for y in summary.get("site_years", [])
        if (f.site is None or y["site"] == f.site) and f.years_ok(y["year"])
    ]


def _campaigns(summary: dict, f: Filters) -> list[dict]:
    cs = [c for c in summary.get("campaigns", []) if f.years_ok(int(c["start"][:4]))]
    if f.campaign:
        chosen = next((c for c in cs if c["name"] == f.campaign), None)
        base = chosen and chosen["baseline"]
        cs = [c for c in cs if c["name"] in (f.campaign, base)]
    return cs


def _use_months(n_months: int, limit: int, f: Filters) -> bool:
    return f.granularity == "month" or (f.granularity == "auto" and n_months <= limit)


def _period_rows(summary: dict, f: Filters, limit: int) -> tuple[bool, list[dict]]:
    """Rows with 'period', 'site', 'total_kwh', 'renewable_kwh', 'kwh_by_source'."""
    months = _months(summary, f)
    if _use_months(len({m["month"] for m in months}), limit, f):
        return True, [{**m, "period": m["month"]} for m in months]
    return False, [{**y, "period": str(y["year"])} for y in _years(summary, f)]


def _span(periods: list[str]) -> str:
    return "" if not periods else periods[0] if len(periods) == 1 else f"{periods[0]} – {periods[-1]}"


def _kwh_scale(max_kwh: float) -> tuple[float, str]:
    if max_kwh >= 1e6:
        return 1e6, "GWh"
    if max_kwh >= 1e3:
        return 1e3, "MWh"
    return 1.0, "kWh"


def _same_month_labels(periods: list[str], values: list[float | None]) -> list[str]:
    """Label the last point and the same month of earlier years (the year-on-year story)."""
    if not periods:
        return []
    last = periods[-1]
    same = (lambda p: p[5:] == last[5:]) if len(last) == 7 else (lambda p: True)
    return [fmt_pct(v) if v is not None and same(p) else "" for p, v in zip(periods, values, strict=True)]


# --- the charts ------------------------------------------------------------------------------


def energy_mix(summary: dict, f: Filters) -> ChartData:
    monthly, rows = _period_rows(summary, f, limit=24)
    periods = sorted({r["period"] for r in rows})
    idx = {p: i for i, p in enumerate(periods)}
    by_source: dict[str, list[float]] = {}
    renewable, total = [0.0] * len(periods), [0.0] * len(periods)
    for r in rows:
        i = idx[r["period"]]
        renewable[i] += r["renewable_kwh"]
        total[i] += r["total_kwh"]
        for source, kwh in r["kwh_by_source"].items():
            by_source.setdefault(source, [0.0] * len(periods))[i] += kwh
    scale, unit = _kwh_scale(max(total, default=0.0))
    order = sorted(by_source, key=lambda s: (SOURCES.index(s) if s in SOURCES else 99, s))
    series = [
        Series(tr(s, f.lang), [v / scale for v in by_source[s]], stacked=True, color=color_for(s, i))
        for i, s in enumerate(order)
    ]
    share = [r / t * 100.0 if t > 0 else None for r, t in zip(renewable, total, strict=True)]
    series.append(
        Series(
            tr("Renewable share", f.lang),
            share,
            kind="line",
            axis="right",
            color=SHARE_COLOR,
            labels=_same_month_labels(periods, share),
        )
    )
    where = f.site or "all sites"
    labelled = [(p, v) for p, v, lab in zip(periods, share, series[-1].labels or [], strict=True) if lab]
    keys = [f"Renewable share {p}: {fmt_pct(v)}" for p, v in labelled[-3:]]
    keys.append(
        f"{sum(total) / 1e6:,.1f} million kWh in {len(periods)} "
        f"{'months' if monthly else 'years'}, {sum(renewable) / max(sum(total), 1) * 100:.1f} % renewable"
    )
    return ChartData(
        name="energy-mix",
        title=CHART_TITLES["energy-mix"],
        subtitle=where,
        categories=periods,
        series=series,
        y_label=f"Electricity ({unit})",
        y2_label="Renewable share (%)",
        x_label=tr("Month" if monthly else "Year", f.lang),
        y_scale=scale,
        y2_range=(0.0, 100.0),
        period=_span(periods),
        key_figures=keys,
        method="kWh by source as reported, spread over calendar months by days; renewable share = "
        "wind, solar, hydro, biomass, geothermal kWh ÷ all kWh (diesel included)",
    )


def renewable_share(summary: dict, f: Filters) -> ChartData:
    monthly, rows = _period_rows(summary, f, limit=48)
    periods = sorted({r["period"] for r in rows})
    idx = {p: i for i, p in enumerate(periods)}
    sites = sorted({r["site"] for r in rows})
    series = []
    for i, site in enumerate(sites):
        values: list[float | None] = [None] * len(periods)
        for r in rows:
            if r["site"] == site:
                values[idx[r["period"]]] = r["renewable_share_pct"]
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
            keys.append(f"{s.name}: " + " → ".join(f"{fmt_pct(v)} ({p})" for p, v in pts[-2:]))
    return ChartData(
        name="renewable-share",
        title=CHART_TITLES["renewable-share"],
        categories=periods,
        series=series,
        y_label="Renewable share (%)",
        x_label=tr("Month" if monthly else "Year", f.lang),
        period=_span(periods),
        key_figures=keys,
        method="renewable kWh ÷ all kWh of each site (diesel included), per calendar "
        + ("month" if monthly else "year"),
    )


def intensity(summary: dict, f: Filters) -> ChartData:
    cs = _campaigns(summary, f)
    values = [c["intensity_kg_per_order"] for c in cs]
    labels, colors, keys = [], [], []
    for c in cs:
        text = fmt_num(c["intensity_kg_per_order"])
        if c["intensity_change_pct"] is not None:
            text += f"\n{fmt_pct(c['intensity_change_pct'], signed=True)} vs {c['baseline']}"
            keys.append(
                f"{c['name']}: {fmt_num(c['intensity_kg_per_order'])} kg CO2e per order, "
                f"{fmt_pct(c['intensity_change_pct'], signed=True)} vs {c['baseline']}"
            )
        labels.append(text)
        colors.append(BASELINE_COLOR if c["intensity_change_pct"] is None else INITIATIVE_COLOR)
    used = _factors(
        summary,
        lambda u: (
            u["key"] not in ("grid", "residual", "diesel")
            and u["key"] not in MATERIALS
            and not u["key"].endswith(" recycled")
        ),
    )
    return ChartData(
        name="intensity",
        title=CHART_TITLES["intensity"],
        categories=[c["name"] for c in cs],
        series=[
            Series("kg CO2e per order", values, color=INITIATIVE_COLOR, labels=labels, point_colors=colors)
        ],
        y_label="kg CO2e per order",
        x_label=tr("Campaign", f.lang),
        period="; ".join(f"{c['name']} {c['start']}–{c['end']}" for c in cs),
        key_figures=keys,
        factor_sources=_factor_sources(used),
        method="delivery emissions (reported, else distance × vehicle factor) ÷ orders; "
        "change against the campaign's baseline",
    )


def packaging(summary: dict, f: Filters) -> ChartData:
    cs = [c for c in _campaigns(summary, f) if c["packaging_kg_per_order"] is not None]
    kg = summary.get(EXTRA_KEY, {})
    materials = sorted(
        {m for c in cs for m in kg.get(c["name"], {})},
        key=lambda m: (MATERIALS.index(m) if m in MATERIALS else 99, m),
    )
    series = [
        Series(
            tr(m, f.lang),
            [kg.get(c["name"], {}).get(m, 0.0) / c["orders"] * 1000.0 for c in cs],
            stacked=True,
            color=color_for(m, i),
        )
        for i, m in enumerate(materials)
    ]
    labels, keys = [], []
    for c in cs:
        text = f"{fmt_num(c['packaging_kg_per_order'] * 1000.0)} g"
        if c["packaging_change_pct"] is not None:
            text += f" ({fmt_pct(c['packaging_change_pct'], signed=True)})"
        text += f"\n{fmt_num(c['packaging_t'] / f.t_scale)} {f.unit} CO2e"
        labels.append(text)
        keys.append(
            f"{c['name']}: {fmt_num(c['packaging_kg_per_order'] * 1000.0)} g per order"
            + (
                f", {fmt_pct(c['packaging_change_pct'], signed=True)} vs {c['baseline']}"
                if c["packaging_change_pct"] is not None
                else ""
            )
            + f"; packaging {fmt_num(c['packaging_t'] / f.t_scale)} {f.unit} CO2e"
        )
    if series:
        series[-1].labels = labels
    used = _factors(summary, lambda u: u["key"] in MATERIALS or u["key"].endswith(" recycled"))
    return ChartData(
        name="packaging",
        title=CHART_TITLES["packaging"],
        categories=[c["name"] for c in cs],
        series=series,
        y_label="g packaging per order",
        x_label=tr("Campaign", f.lang),
        y_scale=0.001,
        key_figures=keys,
        factor_sources=_factor_sources(used),
        period="; ".join(f"{c['name']} {c['start']}–{c['end']}" for c in cs),
        method="packaging kg ÷ orders, by material; t CO2e = kg × ((1 − recycled share) × material "
        "factor + recycled share × recycled factor)",
    )


def _reduction_scope(summary: dict, f: Filters) -> tuple[dict | None, list[dict]]:
    """The campaign the reductions chart is about (the filter, else the latest campaign with
    initiatives), and its initiatives."""
    inits = summary.get("initiatives", [])
    cs = _campaigns(summary, f)
    names = [c["name"] for c in cs]
    if f.campaign:
        camp = next((c for c in cs if c["name"] == f.campaign), None)
    else:
        with_inits = [c for c in cs if any(i["campaign"] == c["name"] for i in inits)]
        camp = with_inits[-1] if with_inits else None
    if camp is not None:
        return camp, [i for i in inits if i["campaign"] == camp["name"]]
    return None, [i for i in inits if i["campaign"] is None or i["campaign"] in names]


def _short(text: str, n: int = 34) -> str:
    return text if len(text) <= n else text[: n - 1].rstrip(" ,") + "…"


def reductions(summary: dict, f: Filters) -> ChartData:
    camp, inits = _reduction_scope(summary, f)
    cats: list[str] = []
    groups = []
    init_v, unit_v, avoided_v = [], [], []

    def group(label: str, items: list[tuple[str, float | None]], target: list) -> None:
        start = len(cats)
        for cat, v in items:
            cats.append(cat)
            for lst in (init_v, unit_v, avoided_v):
                lst.append(v / f.t_scale if lst is target and v is not None else None)
        if items:
            groups.append((label, start, len(cats) - 1))

    group(
        tr("Initiatives", f.lang),
        [(f"{i['business_unit']}: {_short(i['name'])}", i["reduction_t"]) for i in inits],
        init_v,
    )
    units: dict[str, float] = defaultdict(float)
    for i in inits:
        units[i["business_unit"]] += i["reduction_t"] or 0.0
    group(tr("Business units", f.lang), [(f"{u} (all initiatives)", t) for u, t in units.items()], unit_v)
    if camp is not None:
        avoided = {s: t for s, t in camp["avoided_by_site_t"].items() if f.site in (None, s)}
        period = f"{camp['name']} {camp['start']}–{camp['end']}"
    else:
        avoided = defaultdict(float)
        for y in _years(summary, f):
            avoided[y["site"]] += y["avoided_t"] or 0.0
        period = _span(sorted({str(y["year"]) for y in _years(summary, f)}))
    group(
        tr("Avoided (renewables, not in the inventory)", f.lang),
        [(f"{s} renewable electricity", t) for s, t in avoided.items()],
        avoided_v,
    )
    series = [
        Series(name, vals, color=color, labels=[fmt_num(v) for v in vals])
        for name, vals, color in (
            ("Initiative reductions", init_v, INITIATIVE_COLOR),
            ("Business unit total", unit_v, UNIT_COLOR),
            ("Avoided (beside the inventory)", avoided_v, AVOIDED_COLOR),
        )
    ]
    used = _factors(
        summary, lambda u: u["key"] == "grid" and (camp is None or u["year"] == int(camp["start"][:4]))
    )
    keys = [
        f"Initiatives: {fmt_num(sum(units.values()) / f.t_scale)} {f.unit} CO2e",
        f"Avoided by renewables (not netted): {fmt_num(sum(avoided.values()) / f.t_scale)} {f.unit} CO2e",
    ]
    return ChartData(
        name="reductions",
        title=CHART_TITLES["reductions"],
        categories=cats,
        series=series,
        y_label=f"{f.unit} CO2e",
        horizontal=True,
        groups=groups,
        key_figures=keys,
        period=period,
        subtitle=f"during {camp['name']}" if camp else "",
        factor_sources=_factor_sources(used),
        method="initiatives: reduction as reported, else activity × factor; avoided = renewable kWh × "
        "grid factor, shown apart and never summed into the inventory",
    )


def _grid_factor_name(summary: dict, region: str, years: list[int]) -> str:
    used = [
        u
        for u in summary.get("factors_used", [])
        if u["key"] == "grid" and u["region"] == region and u["year"] in years
    ]
    values = sorted({u["value"] for u in used})
    if not values:
        return f"{region} grid factor"
    v = f"{values[0]:g}" if len(values) == 1 else f"{values[0]:g}–{values[-1]:g}"
    years_of = sorted({u["factor_year"] for u in used if u["factor_year"]})
    return f"{region} grid {v} kg CO2/kWh" + (f", {'/'.join(map(str, years_of))} factor" if years_of else "")


def avoided_cumulative(summary: dict, f: Filters) -> ChartData:
    ys = _years(summary, f)
    years = sorted({y["year"] for y in ys})
    sites = sorted({y["site"] for y in ys})
    series, totals, kwh_cum = [], [0.0] * len(years), [0.0] * len(years)
    for n, site in enumerate(sites):
        rows = {y["year"]: y for y in ys if y["site"] == site}
        run, vals = 0.0, []
        for i, yr in enumerate(years):
            run += (rows[yr]["avoided_t"] or 0.0) if yr in rows else 0.0
            vals.append(run / f.t_scale)
            totals[i] += run
        region = next(iter(rows.values()))["grid_region"]
        series.append(
            Series(
                f"{site} ({_grid_factor_name(summary, region, years)})",
                vals,
                stacked=True,
                color=color_for(site, n),
            )
        )
    run_kwh = 0.0
    for i, yr in enumerate(years):
        run_kwh += sum(y["renewable_kwh"] for y in ys if y["year"] == yr)
        kwh_cum[i] = run_kwh
    if series:
        series[-1].labels = [fmt_num(t / f.t_scale) for t in totals]
    keys = (
        [
            f"{kwh_cum[-1] / 1e6:,.0f} million kWh renewable → {fmt_num(totals[-1] / f.t_scale)} "
            f"{f.unit} CO2 at the grid factor"
        ]
        if years
        else []
    )
    if f.compare_factor:
        label = f.compare_label or f"{f.compare_factor:g} kg CO2/kWh"
        alt = [k * f.compare_factor / 1000.0 / f.t_scale for k in kwh_cum]
        series.append(
            Series(
                f"Same kWh at {label}",
                alt,
                kind="line",
                color=COMPARE_COLOR,
                labels=[""] * (len(alt) - 1) + [fmt_num(alt[-1])] if alt else [],
            )
        )
        if alt:
            keys.append(f"at {label}: {fmt_num(alt[-1])} {f.unit} CO2")
    used = _factors(
        summary,
        lambda u: u["key"] == "grid" and u["year"] in years and u["region"] in {y["grid_region"] for y in ys},
    )
    return ChartData(
        name="avoided-cumulative",
        title=CHART_TITLES["avoided-cumulative"],
        categories=[str(y) for y in years],
        series=series,
        y_label=f"{f.unit} CO2 avoided, cumulative",
        x_label=tr("Year", f.lang),
        period=_span([str(y) for y in years]),
        key_figures=keys,
        factor_sources=_factor_sources(used),
        method="renewable kWh × the site's grid factor of the year, summed since the first year; "
        "beside the inventory, not deducted",
    )


def scope2(summary: dict, f: Filters) -> ChartData:
    ys = _years(summary, f)
    cats = [f"{y['site']} {y['year']}" for y in ys]
    loc = [None if y["location_based_t"] is None else y["location_based_t"] / f.t_scale for y in ys]
    mkt = [None if y["market_based_t"] is None else y["market_based_t"] / f.t_scale for y in ys]
    used = _factors(
        summary,
        lambda u: (
            u["key"] in ("grid", "residual")
            and u["region"] in {y["grid_region"] for y in ys}
            and u["year"] in {y["year"] for y in ys}
        ),
    )
    keys = [
        f"{sum(v or 0 for v in loc):,.0f} {f.unit} location-based vs "
        f"{sum(v or 0 for v in mkt):,.0f} {f.unit} market-based in all"
    ]
    return ChartData(
        name="scope2",
        title=CHART_TITLES["scope2"],
        categories=cats,
        series=[
            Series(tr("Location-based", f.lang), loc, color=LOCATION_COLOR, labels=[fmt_num(v) for v in loc]),
            Series(tr("Market-based", f.lang), mkt, color=MARKET_COLOR, labels=[fmt_num(v) for v in mkt]),
        ],
        y_label=f"{f.unit} CO2e",
        x_label=tr("Site and year", f.lang),
        key_figures=keys,
        period=_span(sorted({str(y["year"]) for y in ys})),
        factor_sources=_factor_sources(used),
        method="GHG Protocol Scope 2: location = grid-delivered kWh × grid average; market = grid kWh × "
        "residual mix (else grid average), contractual renewables at zero",
    )


def equivalents(summary: dict, f: Filters) -> ChartData:
    camp, inits = _reduction_scope(summary, f)
    chosen = [i for i in summary.get("initiatives", []) if f.initiative and i["name"] == f.initiative]
    if chosen:
        amount = sum(i["reduction_t"] or 0.0 for i in chosen)
        what = f"{chosen[0]['business_unit']}: {chosen[0]['name']}"
    elif camp is not None and f.campaign:
        amount = camp["avoided_t"] + sum(i["reduction_t"] or 0.0 for i in inits)
        what = f"avoided + reduced during {camp['name']}"
    elif f.site is None and f.year_from is None and f.year_to is None:
        amount = summary["totals"]["reduction_t"]
        what = "avoided + reduced, all years"
    else:
        amount = sum(y["avoided_t"] or 0.0 for y in _years(summary, f))
        what = "avoided by renewables in the selection"
    eqs = summary.get("equivalents", [])
    values = [amount * 1000.0 / e["factor_kg_per_unit"] for e in eqs]
    cats = [f"{e['unit']}: {e['label']}" for e in eqs]
    pict = None
    if eqs:
        e = eqs[0]
        pict = {
            "headline": f"≈ {values[0]:,.0f} {e['unit']}",
            "amount": f"{fmt_num(amount / f.t_scale)} {f.unit} CO2e ({what})",
            "label": e["label"],
            "unit": e["unit"],
            "count": values[0],
            "factor": f"{e['factor_kg_per_unit']:g} kg CO2e per {e['unit'].rstrip('s')}",
            "note": e.get("note", ""),
            "others": [f"≈ {v:,.0f} {x['label']}" for v, x in zip(values[1:4], eqs[1:4], strict=False)],
        }
    return ChartData(
        name="equivalents",
        title=CHART_TITLES["equivalents"],
        categories=cats,
        series=[
            Series("equivalent count", values, color=INITIATIVE_COLOR, labels=[fmt_num(v, 0) for v in values])
        ],
        y_label="count",
        subtitle=what,
        pictogram=pict,
        y_scale=1.0,
        key_figures=[pict["headline"] + f" ({pict['amount']})"] if pict else [],
        factor_sources=[
            f"{e['key']} {e['factor_kg_per_unit']:g} kg CO2e/{e['unit']}: {e['source']}" for e in eqs[:1]
        ]
        + [e["source"] for e in eqs[1:2]],
        method="amount (t CO2e) × 1000 ÷ kg CO2e per unit",
        period=what,
    )


BUILDERS: dict[str, Callable[[dict, Filters], ChartData]] = {
    "energy-mix": energy_mix,
    "renewable-share": renewable_share,
    "intensity": intensity,
    "packaging": packaging,
    "reductions": reductions,
    "avoided-cumulative": avoided_cumulative,
    "scope2": scope2,
    "equivalents": equivalents,
}
