"""core.chart_data.fit_chart: what a chart shows at a size. Grouping must never change a total, never sum
shares, never mix a year with another or avoided emissions with reductions, and must say what it grouped;
the chart's own data (exports, hashes) stays whole."""

from __future__ import annotations

import pytest

from greenledger.core.chart_data import ChartData, Series
from greenledger.core.chart_fit import MAX_SERIES, fit_chart


def _stacked(n_series: int) -> ChartData:
    return ChartData(
        name="avoided-cumulative", title="t", categories=["2019", "2020", "2021"], y_label="t CO2",
        series=[Series(f"Site {k:02d}", [k * 1.0, k * 2.0, k * 3.0], stacked=True)
                for k in range(1, n_series + 1)],
    )


def test_few_series_are_left_as_they_are():
    chart = _stacked(3)
    assert fit_chart(chart, 1280, 600) is chart


def test_stacked_series_beyond_the_limit_are_summed_into_other():
    chart = _stacked(20)
    chart.series[-1].labels = ["210", "420", "630"]  # the stack's totals
    shown = fit_chart(chart, 1280, 600)
    assert len(shown.series) == MAX_SERIES
    other = shown.series[-1]
    assert other.name == "Other (13)"
    kept = [s.name for s in shown.series[:-1]]
    assert kept == [f"Site {k:02d}" for k in range(14, 21)]  # the largest, in their order
    # every stack's total is unchanged: 1+…+20 = 210 per unit
    for i, unit in enumerate((1, 2, 3)):
        assert sum(s.values[i] for s in shown.series) == pytest.approx(210 * unit)
    assert other.values == pytest.approx([sum(range(1, 14)) * u for u in (1, 2, 3)])
    assert other.labels == ["210", "420", "630"]  # the totals stay on top
    assert "Other = 13 series summed: Site 01, Site 02" in shown.source_line
    header, rows = chart.table()  # the chart's own data (exports) stays whole
    assert len(header) == 21 and len(chart.series) == 20 and chart.notes == []
    assert len({s.color for s in shown.series[:-1]}) == MAX_SERIES - 1  # no colour twice


def test_lines_are_never_summed_the_rest_drawn_grey():
    chart = ChartData(name="renewable-share", title="t", categories=["2020-01", "2020-02"], y_label="%",
                      series=[Series(f"S{k:02d}", [float(k), float(k) + 1], kind="line") for k in range(12)])
    shown = fit_chart(chart, 1280, 600)
    assert len(shown.series) == 12  # every site is still drawn
    for s in shown.series:
        original = next(o for o in chart.series if o.values == s.values)
        assert s.values == original.values  # each its own share
    muted = [s for s in shown.series if s.muted]
    assert len(muted) == 5 and [s.name for s in muted if s.name] == ["Other sites (5)"]
    assert not any(s.labels for s in muted)
    assert "grey lines: 5 more series" in shown.source_line


def test_site_year_categories_keep_the_largest_sites_and_sum_the_rest_per_year():
    sites = [f"Site {k:02d}" for k in range(50)]
    cats = [f"{s} {y}" for s in sites for y in (2020, 2021)]
    loc = [float(k) for k in range(50) for _y in (2020, 2021)]
    mkt = [v / 2 for v in loc]
    chart = ChartData(name="scope2", title="t", categories=cats, y_label="t CO2", series=[
        Series("Location-based", loc, labels=[f"{v:g}" for v in loc]),
        Series("Market-based", mkt)])
    shown = fit_chart(chart, 1280, 600)
    others = [c for c in shown.categories if c.startswith("Other")]
    assert others == [f"Other ({50 - len(shown.categories) // 2 + 1}) 2020",
                      f"Other ({50 - len(shown.categories) // 2 + 1}) 2021"]
    for year in (2020, 2021):
        want = sum(v for c, v in zip(cats, loc, strict=True) if c.endswith(str(year)))
        got = sum(v for c, v in zip(shown.categories, shown.series[0].values, strict=True)
                  if c.endswith(str(year)))
        assert got == pytest.approx(want)  # a year's total unchanged, never mixed with another year
    assert "Site 49 2021" in shown.categories and "Site 00 2020" not in shown.categories
    assert "summed per year" in shown.source_line


def test_horizontal_groups_are_grouped_apart():
    inits = [("Init", 100.0)] * 2
    avoided = [(f"Site {k:02d} renewable electricity", float(k)) for k in range(60)]
    cats = [c for c, _v in inits + avoided]
    chart = ChartData(
        name="reductions", title="t", categories=cats, y_label="t", horizontal=True,
        groups=[("Initiatives", 0, 1), ("Avoided", 2, 61)],
        series=[Series("Initiative reductions", [v for _c, v in inits] + [None] * 60),
                Series("Avoided", [None] * 2 + [v for _c, v in avoided])])
    shown = fit_chart(chart, 1280, 600)
    assert len(shown.categories) < len(cats)
    assert shown.series[0].values[:2] == [100.0, 100.0]  # initiatives untouched
    assert all(v is None for v in shown.series[0].values[2:])  # avoided never summed with them
    assert sum(v for v in shown.series[1].values if v) == pytest.approx(sum(range(60)))
    label, first, last = shown.groups[1]
    assert label == "Avoided" and shown.categories[last].startswith("Other (")


def test_dates_are_never_grouped():
    cats = [f"{2000 + i // 12}-{i % 12 + 1:02d}" for i in range(240)]
    chart = ChartData(name="energy-mix", title="t", categories=cats, y_label="GWh",
                      series=[Series("Grid", [1.0] * 240, stacked=True)])
    assert fit_chart(chart, 600, 300).categories == cats
