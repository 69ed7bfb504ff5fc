"""The campaign charts of core.charts: delivery intensity, packaging per order, reductions by
initiative and business unit, and equivalents, from the typed summary."""

from __future__ import annotations

from collections import defaultdict

from greenledger.core.chart_common import (
    CHART_TITLES,
    campaigns_of,
    factor_sources,
    factors_of,
    fmt_t,
    gas_word,
    span,
    t_axis,
    years_of,
)
from greenledger.core.chart_data import (
    AVOIDED_COLOR,
    BASELINE_COLOR,
    INITIATIVE_COLOR,
    UNIT_COLOR,
    ChartData,
    Filters,
    Series,
    color_for,
    fmt_num,
    fmt_pct,
    value_word,
)
from greenledger.core.fields import MATERIALS
from greenledger.core.i18n import fmt_cn, language, translate
from greenledger.core.summary import (
    CO2,
    CO2E,
    Campaign,
    Initiative,
    Summary,
    basis_note,
    combine_gas,
)


def intensity(summary: Summary, f: Filters) -> ChartData:
    cs = campaigns_of(summary, f)
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
    used = factors_of(
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
        factor_sources=factor_sources(used),
        method=translate(
            "Charts",
            "delivery emissions (reported, else distance × vehicle factor) ÷ orders; "
            "change against the campaign's baseline",
        ),
    )


def packaging(summary: Summary, f: Filters) -> ChartData:
    cs = [c for c in campaigns_of(summary, f) if c.packaging_kg_per_order is not None]
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
        text += "\n" + fmt_t(f, c.packaging_t)
        labels.append(text)
        if change is None:
            keys.append(
                translate("Charts", "{0}: {1} g per order; packaging {2}").format(
                    c.name, grams, fmt_t(f, c.packaging_t)
                )
            )
        else:
            keys.append(
                translate("Charts", "{0}: {1} g per order, {2} vs {3}; packaging {4}").format(
                    c.name, grams, change, c.baseline, fmt_t(f, c.packaging_t)
                )
            )
    if series:
        series[-1].labels = labels
    used = factors_of(summary, lambda u: u.key in MATERIALS or u.key.endswith(" recycled"))
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
        factor_sources=factor_sources(used),
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
    cs = campaigns_of(summary, f)
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
        for y in years_of(summary, f):
            avoided[y.site] += y.avoided_t or 0.0
        period = span(sorted({str(y.year) for y in years_of(summary, f)}))
    everything = [i.reduction_t or 0.0 for i in inits] + list(units.values()) + list(avoided.values())
    scale, unit = t_axis(f, max(everything, default=0.0))
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
    used = factors_of(
        summary, lambda u: u.key == "grid" and (camp is None or u.year == int(camp.start[:4]))
    )
    av_gas = (camp.avoided_gas if camp is not None
              else combine_gas(y.avoided_gas for y in years_of(summary, f) if y.avoided_t is not None))
    keys = [
        translate("Charts", "Initiatives: {0}").format(fmt_t(f, sum(units.values()))),
        translate("Charts", "Avoided by renewables (not netted): {0}").format(
            fmt_t(f, sum(avoided.values()), gas_word(av_gas))
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
        factor_sources=factor_sources(used),
        method=translate(
            "Charts",
            "initiatives: reduction as reported, else activity × factor; avoided = renewable kWh × "
            "grid factor, shown apart and never summed into the inventory",
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
        ys = years_of(summary, f)
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
            "amount": translate("Charts", "{0} ({1})").format(fmt_t(f, amount, gas_word(gas)), what),
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
            ).format(fmt_t(f, beside, gas_word(av_gas)),
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


