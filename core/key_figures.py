"""The dashboard's cards of key figures, from the typed summary and the dashboard's filters (no
Qt: the window only lays the cards out). Avoided emissions and initiative reductions are two
cards, each with its own equivalent; a CO2-only figure says so in its unit and note.
"""

from __future__ import annotations

from typing import NamedTuple

from greenledger.core import i18n
from greenledger.core.chart_data import Filters
from greenledger.core.i18n import translate
from greenledger.core.summary import CO2, CO2E, Equivalent, Summary, basis_note, combine_gas


class KeyFigure(NamedTuple):
    """One card: a title, the value as text, its unit and how it was computed."""

    title: str
    value: str
    unit: str
    how: str


def number(value: float | None, kind: str = "number") -> str:
    """A card's number: thousands separators; `factor` 4 significant digits, `percent` one
    decimal, `int` none; '' for None."""
    if value is None:
        return ""
    v = float(value)
    if v == 0:
        return "0"
    if kind == "int":
        return f"{v:,.0f}"
    if kind == "percent":
        return f"{v:,.1f}"
    if kind == "factor" or abs(v) < 1:
        return f"{v:,.4g}" if abs(v) < 1e4 else f"{v:,.0f}"
    if abs(v) >= 100:
        return f"{v:,.0f}"
    return f"{v:,.2f}"


def _t_unit(f: Filters, gas: str) -> str:
    if gas == CO2:
        return translate("Dashboard", "kt CO2") if f.unit == "kt" else translate("Dashboard", "t CO2")
    return translate("Dashboard", "kt CO2e") if f.unit == "kt" else translate("Dashboard", "t CO2e")


def _amount(value: float, unit: str, cn_units: bool) -> tuple[str, str]:
    """(number, unit) of a card: 598,161 t CO2e, or with 万/亿 59.8 万吨二氧化碳当量."""
    if not cn_units:
        return number(value), unit
    scale, prefix = i18n.cn_scale(value)
    return i18n.fmt_plain(value / scale), i18n.cn_unit(prefix, unit)


def _span(years: list[int]) -> str:
    lo, hi = min(years), max(years)
    return str(lo) if lo == hi else f"{lo}–{hi}"


def _with_basis(how: str, gas: str, what: str) -> str:
    note = basis_note(gas, what)
    return translate("Dashboard", "{0}; {1}").format(how, note) if note else how


def _as_equivalent(title: str, t: float, eq: Equivalent) -> KeyFigure:
    return KeyFigure(
        title,
        number(t * 1000.0 / eq.factor_kg_per_unit, "int"),
        translate("Equivalents", eq.unit),
        translate("Dashboard", "{0}; {1} kg CO2e each ({2})").format(
            translate("Equivalents", eq.label), f"{eq.factor_kg_per_unit:g}", eq.source
        ),
    )


def key_figures(summary: Summary, filters: Filters | None = None,
                besides_story: bool = False) -> list[KeyFigure]:
    """The cards for `filters`: intensity against the baseline, renewable shares, avoided
    emissions, initiative reductions (and their sum as its first equivalent), and possible double
    counts. `besides_story`: the band of core.story shows the campaign's figures, so only the
    possible double counts are left. Avoided emissions as trees are no card (they read naturally
    only beside their tonnes: the band's tooltip, the equivalents chart)."""
    f = filters or Filters()
    cards: list[KeyFigure] = []
    if besides_story:
        return _double_counts(summary)
    for c in summary.campaigns:
        if c.intensity_change_pct is None or (f.campaign and f.campaign != c.name):
            continue
        base = summary.campaign(c.baseline)
        was = number(base.intensity_kg_per_order, "factor") if base else "—"
        per_order = (translate("Dashboard", "{0} kg CO2 per order, was {1}") if c.emissions_gas == CO2
                     else translate("Dashboard", "{0} kg CO2e per order, was {1}"))
        cards.append(KeyFigure(
            translate("Dashboard", "Delivery intensity, {0} vs {1}").format(c.name, c.baseline),
            f"{c.intensity_change_pct:+.1f}",
            "%",
            _with_basis(per_order.format(number(c.intensity_kg_per_order, "factor"), was),
                        c.emissions_gas, "vehicle"),
        ))
    years = [y for y in summary.site_years
             if (f.site is None or y.site == f.site) and f.years_ok(y.year)]
    latest = {}
    for y in years:
        if y.site not in latest or y.year > latest[y.site].year:
            latest[y.site] = y
    for site, y in sorted(latest.items())[:3]:
        if y.renewable_share_pct is not None:
            cards.append(KeyFigure(
                translate("Dashboard", "Renewable share, {0} {1}").format(site, y.year),
                number(y.renewable_share_pct, "percent"),
                "%",
                translate("Dashboard", "{0} of {1} kWh").format(
                    f"{y.renewable_kwh:,.0f}", f"{y.total_kwh:,.0f}"),
            ))
    avoided = sum(y.avoided_t or 0.0 for y in years)
    av_gas = combine_gas(y.avoided_gas for y in years if y.avoided_t is not None)
    if years:
        cards.append(KeyFigure(
            translate("Dashboard", "Avoided emissions, {0}").format(_span([y.year for y in years])),
            *_amount(avoided / f.t_scale, _t_unit(f, av_gas), f.cn_units),
            _with_basis(translate("Dashboard", "renewable kWh × grid factor; beside the inventory, "
                                               "not deducted"), av_gas, "grid"),
        ))
    inits = [i for i in summary.initiatives
             if not f.campaign or i.campaign in (None, "", f.campaign)]
    reduced = sum(i.reduction_t or 0.0 for i in inits)
    if inits:
        cards.append(KeyFigure(
            translate("Dashboard", "Initiative reductions"),
            *_amount(reduced / f.t_scale, _t_unit(f, CO2E), f.cn_units),
            translate("Dashboard", "{0} initiatives").format(len(inits)),
        ))
    eqs = summary.initiatives_equivalents or summary.avoided_equivalents
    if eqs and reduced:
        cards.append(_as_equivalent(
            translate("Dashboard", "Initiative reductions, as {0}").format(
                translate("Equivalents", eqs[0].unit)), reduced, eqs[0]))
    return cards + _double_counts(summary)


def _double_counts(summary: Summary) -> list[KeyFigure]:
    cards = []
    if summary.warnings:
        cards.append(KeyFigure(
            translate("Dashboard", "Possible double counts"),
            str(len(summary.warnings)),
            "",
            " ".join(w.render() for w in summary.warnings[:2])
            + translate("Dashboard", " (View › Check workspace lists them with their rows)"),
        ))
    return cards
