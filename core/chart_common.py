"""What every chart builder of core.charts shares: the chart names and titles, the summary's
rows for a chart's filters, its factors and number formats (no Qt)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from greenledger.core.chart_data import (
    Filters,
    fmt_num,
    fmt_pct,
    region_name,
    t_unit,
    unit_word,
    value_word,
)
from greenledger.core.i18n import QT_TRANSLATE_NOOP, cn_scale, cn_unit, fmt_cn, language, translate
from greenledger.core.summary import (
    CO2,
    Campaign,
    FactorUsed,
    SiteMonth,
    SiteYear,
    Summary,
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



def factors_of(summary: Summary, keep: Callable[[FactorUsed], bool]) -> list[FactorUsed]:
    return [u for u in summary.factors_used if keep(u)]


def factor_sources(used: list[FactorUsed]) -> list[str]:
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


def months_of(summary: Summary, f: Filters) -> list[SiteMonth]:
    return [
        m
        for m in summary.site_months
        if (f.site is None or m.site == f.site) and f.years_ok(int(m.month[:4]))
    ]


def years_of(summary: Summary, f: Filters) -> list[SiteYear]:
    return [
        y
        for y in summary.site_years
        if (f.site is None or y.site == f.site) and f.years_ok(y.year)
    ]


def campaigns_of(summary: Summary, f: Filters) -> list[Campaign]:
    cs = [c for c in summary.campaigns if f.years_ok(int(c.start[:4]))]
    if f.campaign:
        chosen = next((c for c in cs if c.name == f.campaign), None)
        base = chosen and chosen.baseline
        cs = [c for c in cs if c.name in (f.campaign, base)]
    return cs


def use_months(n_months: int, limit: int, f: Filters) -> bool:
    return f.granularity == "month" or (f.granularity == "auto" and n_months <= limit)


def period_rows(summary: Summary, f: Filters, limit: int) -> tuple[bool, list[tuple[str, Any]]]:
    """(period, SiteMonth or SiteYear) pairs: months when few enough, else years."""
    months = months_of(summary, f)
    if use_months(len({m.month for m in months}), limit, f):
        return True, [(m.month, m) for m in months]
    return False, [(str(y.year), y) for y in years_of(summary, f)]


UNIT_WORDS = (
    QT_TRANSLATE_NOOP("Units", "kg CO2/kWh"),
    QT_TRANSLATE_NOOP("Units", "kg CO2e/kWh"),
    QT_TRANSLATE_NOOP("Units", "kg CO2e/kg"),
    QT_TRANSLATE_NOOP("Units", "kg CO2e/km"),
    QT_TRANSLATE_NOOP("Units", "kg CO2e/tkm"),
    QT_TRANSLATE_NOOP("Units", "kg CO2e/L"),
    QT_TRANSLATE_NOOP("Units", "kg CO2/L"),
)


def t_axis(f: Filters, magnitude: float, gas: str = "CO2e") -> tuple[float, str]:
    """(divisor of t, unit label) of a chart's emissions axis: t or kt, or with f.cn_units
    吨 / 万吨 / 亿吨 by the largest value."""
    if f.cn_units:
        scale, prefix = cn_scale(magnitude)
        return scale, cn_unit(prefix, t_unit("t", gas))
    return f.t_scale, t_unit(f.unit, gas)


def gas_word(basis: str) -> str:
    """The unit's gas of a figure of `basis`: CO2 for a CO2-only one, else CO2e."""
    return "CO2" if basis == CO2 else "CO2e"


def fmt_t(f: Filters, t: float, gas: str = "CO2e") -> str:
    """An amount of t CO2e for a label or a key figure: '1,396 t CO2e', '40 万吨二氧化碳当量'."""
    if f.cn_units:
        return fmt_cn(t, t_unit("t", gas))
    return f"{fmt_num(t / f.t_scale)} {t_unit(f.unit, gas)}"


def fmt_kwh(f: Filters, kwh: float) -> str:
    """A large amount of electricity: '615.0 million kWh'; in Chinese or with f.cn_units
    '6.2 亿千瓦时' (Chinese counts in 万 and 亿, not in millions)."""
    if f.cn_units or language() == "zh":
        return fmt_cn(kwh, translate("Units", "kWh"))
    return translate("Charts", "{0} million kWh").format(f"{kwh / 1e6:,.1f}")


def span(periods: list[str]) -> str:
    return "" if not periods else periods[0] if len(periods) == 1 else f"{periods[0]} – {periods[-1]}"


def kwh_scale(max_kwh: float, f: Filters | None = None) -> tuple[float, str]:
    if f is not None and f.cn_units:
        scale, prefix = cn_scale(max_kwh)
        return scale, cn_unit(prefix, translate("Units", "kWh"))
    if max_kwh >= 1e6:
        return 1e6, translate("Units", "GWh")
    if max_kwh >= 1e3:
        return 1e3, translate("Units", "MWh")
    return 1.0, translate("Units", "kWh")


def same_month_labels(periods: list[str], values: list[float | None]) -> list[str]:
    """Label the last point and the same month of earlier years (the year-on-year story)."""
    if not periods:
        return []
    last = periods[-1]
    same = (lambda p: p[5:] == last[5:]) if len(last) == 7 else (lambda p: True)
    return [fmt_pct(v) if v is not None and same(p) else "" for p, v in zip(periods, values, strict=True)]


