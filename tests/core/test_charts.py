"""core.charts: every chart's plotted numbers are the summary's numbers (demo workspace)."""

from __future__ import annotations

import pytest

from greenledger.core.accounting import summarize
from greenledger.core.chart_data import Filters
from greenledger.core.charts import CHART_NAMES, build_chart, load, packaging_by_material
from greenledger.core.demo import build_demo
from greenledger.core.storage import Workspace


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    path = tmp_path_factory.mktemp("charts") / "demo.greenledger"
    build_demo(path)
    with Workspace.open(path) as ws:
        yield ws, load(ws)


def _values(chart, name):
    return next(s for s in chart.series if s.name == name).values


def test_every_chart_builds_with_a_source_line_and_hash(demo):
    _, s = demo
    for name in CHART_NAMES:
        c = build_chart(name, s)
        assert c.name == name and c.title and c.categories and not c.empty
        assert c.source_line.startswith("Data: demo")
        assert len(c.data_hash()) == 64
        header, rows = c.table()
        assert len(rows) == len(c.categories) and len(header) == 1 + len(c.series)


def test_extras_do_not_change_summary_keys(demo):
    ws, s = demo
    plain = summarize(ws)
    assert {k: s[k] for k in plain} == plain


def test_energy_mix_is_the_summary_kwh_and_share(demo):
    _, s = demo
    c = build_chart("energy-mix", s, Filters(site="Ulanqab DC", granularity="month"))
    months = [m for m in s["site_months"] if m["site"] == "Ulanqab DC"]
    assert c.categories == [m["month"] for m in months]
    for source in ("grid", "wind", "solar"):
        got = [v * c.y_scale for v in _values(c, source.capitalize())]
        assert got == pytest.approx([m["kwh_by_source"].get(source, 0.0) for m in months])
    assert _values(c, "Renewable share") == pytest.approx([m["renewable_share_pct"] for m in months])
    may = dict(zip(c.categories, _values(c, "Renewable share"), strict=True))
    assert round(may["2020-05"]) == 38 and round(may["2021-05"]) == 45


def test_energy_mix_by_year_for_all_sites(demo):
    _, s = demo
    c = build_chart("energy-mix", s, Filters(granularity="year"))
    for i, year in enumerate(c.categories):
        rows = [y for y in s["site_years"] if str(y["year"]) == year]
        assert _values(c, "Wind")[i] * c.y_scale == pytest.approx(
            sum(r["kwh_by_source"].get("wind", 0) for r in rows)
        )


def test_renewable_share_per_site(demo):
    _, s = demo
    c = build_chart("renewable-share", s, Filters(granularity="year"))
    for y in s["site_years"]:
        assert _values(c, y["site"])[c.categories.index(str(y["year"]))] == pytest.approx(
            y["renewable_share_pct"]
        )


def test_intensity_and_change(demo):
    _, s = demo
    c = build_chart("intensity", s)
    assert c.series[0].values == [x["intensity_kg_per_order"] for x in s["campaigns"]]
    assert "−18.0 %" in c.series[0].labels[1]


def test_packaging_by_material_sums_to_the_summary(demo):
    ws, s = demo
    c = build_chart("packaging", s)
    assert packaging_by_material(ws)["6.18 2021"] == {"board": 850000.0, "film": 90000.0}
    for i, camp in enumerate(s["campaigns"]):
        total = sum(ser.values[i] for ser in c.series) * c.y_scale
        assert total == pytest.approx(camp["packaging_kg_per_order"])
    assert "−23.2 %" in c.series[-1].labels[1] and "1,242 t CO2e" in c.series[-1].labels[1]


def test_reductions_keep_avoided_apart(demo):
    _, s = demo
    c = build_chart("reductions", s)
    inits = _values(c, "Initiative reductions")
    avoided = _values(c, "Avoided (beside the inventory)")
    assert sorted(v for v in inits if v is not None) == [400.0, 13000.0]
    camp = next(x for x in s["campaigns"] if x["name"] == "6.18 2021")
    assert sum(v for v in avoided if v is not None) == pytest.approx(camp["avoided_t"])
    assert all(a is None or i is None for a, i in zip(avoided, inits, strict=True))
    assert [g[0] for g in c.groups][-1].startswith("Avoided")


def test_avoided_cumulative_names_the_factor_and_compares(demo):
    _, s = demo
    c = build_chart("avoided-cumulative", s, Filters(site="Zhangbei DC", compare_factor=0.889))
    assert c.series[0].values[-1] == pytest.approx(320_400)
    assert "0.712 kg CO2/kWh" in c.series[0].name
    assert c.series[1].values[-1] == pytest.approx(400_050)
    kt = build_chart("avoided-cumulative", s, Filters(site="Zhangbei DC", unit="kt"))
    assert kt.series[0].values[-1] == pytest.approx(320.4) and kt.y_label.startswith("kt")


def test_scope2_location_and_market(demo):
    _, s = demo
    c = build_chart("scope2", s, Filters(year_from=2021, year_to=2021))
    rows = [y for y in s["site_years"] if y["year"] == 2021]
    assert _values(c, "Location-based") == [y["location_based_t"] for y in rows]
    assert _values(c, "Market-based") == [y["market_based_t"] for y in rows]


def test_equivalents_of_the_cutlery_initiative(demo):
    _, s = demo
    c = build_chart("equivalents", s, Filters(initiative="No plastic cutlery"))
    assert round(c.series[0].values[0]) == 22_346
    assert c.pictogram["headline"] == "≈ 22,346 trees"
    assert any("Ant Forest" in f for f in c.factor_sources)


def test_unknown_chart():
    with pytest.raises(KeyError):
        build_chart("pie", {})


def test_equivalents_never_sum_avoided_and_reduced(demo):
    """Issue 13: the headline "avoided + reduced, as trees" summed two different figures."""
    _, s = demo
    c = build_chart("equivalents", s)
    # 13,000 t + 400 t of initiative reductions; 13,400,000 kg ÷ 17.9 kg per tree = 748,603
    assert round(c.series[0].values[0]) == 748_603
    assert c.subtitle == "initiative reductions, all years"
    avoided = s["totals"]["avoided_t"]
    assert f"{round(avoided):,} t CO2" in c.pictogram["beside"]
    assert f"{avoided * 1000 / 17.9:,.0f} trees" in c.pictogram["beside"]
    assert "+" not in c.subtitle and len(c.key_figures) == 2
    camp = build_chart("equivalents", s, Filters(campaign="6.18 2021"))
    assert round(camp.series[0].values[0]) == 748_603  # both initiatives are 6.18 2021's
    site = build_chart("equivalents", s, Filters(site="Zhangbei DC"))
    zb = sum(y["avoided_t"] for y in s["site_years"] if y["site"] == "Zhangbei DC")
    assert site.series[0].values[0] == pytest.approx(zb * 1000 / 17.9)
    assert site.basis == "t CO2; grid factors CO2 only"


def test_co2_only_figures_say_so(demo):
    """Issue 13: China's grid factors are CO2 only; results were labelled t CO2e."""
    _, s = demo
    scope2 = build_chart("scope2", s)
    assert scope2.y_label == "t CO2"
    assert scope2.basis == "t CO2; grid factors CO2 only"
    assert "t CO2; grid factors CO2 only" in scope2.source_line
    assert scope2.provenance("0")["Gas basis"] == "t CO2; grid factors CO2 only"
    assert build_chart("avoided-cumulative", s).basis == "t CO2; grid factors CO2 only"
    assert build_chart("reductions", s).basis == "avoided: t CO2; grid factors CO2 only"
    # the demo's deliveries and packaging are CO2e (Emissions column, DESNZ materials)
    assert build_chart("intensity", s).basis == "" and build_chart("packaging", s).basis == ""


def test_charts_read_the_typed_summary_as_its_json(demo):
    from greenledger.core.charts import load_summary

    ws, s = demo
    typed = load_summary(ws)
    for name in CHART_NAMES:
        assert build_chart(name, typed).data_hash() == build_chart(name, s).data_hash(), name
