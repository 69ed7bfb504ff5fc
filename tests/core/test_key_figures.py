"""core.key_figures: the dashboard's cards from the typed summary, without Qt (demo workspace)."""

from __future__ import annotations

import pytest

from greenledger.core.accounting import build_summary
from greenledger.core.chart_data import Filters
from greenledger.core.demo import build_demo
from greenledger.core.key_figures import key_figures
from greenledger.core.storage import Workspace


@pytest.fixture(scope="module")
def summary(tmp_path_factory):
    path = tmp_path_factory.mktemp("cards") / "demo.greenledger"
    build_demo(path)
    with Workspace.open(path) as ws:
        return build_summary(ws)


def test_cards_of_the_demo(summary):
    cards = {c.title: c for c in key_figures(summary)}
    intensity = cards["Delivery intensity, 6.18 2021 vs 6.18 2020"]
    assert (intensity.value, intensity.unit) == ("-18.0", "%")
    assert intensity.how == "0.41 kg CO2e per order, was 0.5"
    avoided = cards["Avoided emissions, 2018–2021"]
    assert avoided.unit == "t CO2" and avoided.how.endswith("grid factors CO2 only")
    assert avoided.value == f"{summary.totals.avoided_t:,.0f}"
    reduced = cards["Initiative reductions"]
    assert (reduced.value, reduced.unit) == ("13,400", "t CO2e")
    assert cards["Initiative reductions, as trees"].value == "748,603"
    assert not any("+" in t for t in cards)
    assert "Possible double counts" not in cards


def test_cards_follow_the_filters(summary):
    kt = {c.title: c for c in key_figures(summary, Filters(unit="kt", site="Zhangbei DC",
                                                           year_from=2021, year_to=2021))}
    avoided = kt["Avoided emissions, 2021"]
    zb = next(y for y in summary.site_years if y.site == "Zhangbei DC" and y.year == 2021)
    assert avoided.unit == "kt CO2" and avoided.value == f"{zb.avoided_t / 1000:.2f}"
    assert "Renewable share, Zhangbei DC 2021" in kt and "Renewable share, Ulanqab DC 2021" not in kt
    wan = {c.title: c for c in key_figures(summary, Filters(cn_units=True))}
    assert wan["Avoided emissions, 2018–2021"].unit == "万 t CO2"
