"""The dashboard's charts as plain data, one builder per stable chart name, computed only from
the typed summary (core.summary.Summary, from core.accounting.build_summary), so the plotted
numbers are the summary's numbers. The builders live in core/chart_energy.py (energy mix,
renewable share, cumulative avoided, Scope 2) and core/chart_campaigns.py (intensity, packaging,
reductions, equivalents); core/chart_common.py holds what they share.

    summary = load_summary(ws)
    chart = build_chart("energy-mix", summary, Filters(site="Ulanqab DC"))
"""

from __future__ import annotations

from collections.abc import Callable

from greenledger.core.chart_campaigns import equivalents, intensity, packaging, reductions
from greenledger.core.chart_common import CHART_NAMES, CHART_TITLES
from greenledger.core.chart_data import ChartData, Filters
from greenledger.core.chart_energy import avoided_cumulative, energy_mix, renewable_share, scope2
from greenledger.core.i18n import translate
from greenledger.core.storage import Workspace
from greenledger.core.summary import Summary

__all__ = ["CHART_NAMES", "CHART_TITLES", "EXTRA_KEY", "BUILDERS", "as_summary", "build_chart",
           "chart_title", "load", "load_summary", "packaging_by_material", "with_chart_extras"]

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

