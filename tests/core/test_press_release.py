"""The demo workspace reproduces each figure of Alibaba's 6.18 (2021) release."""

import pytest

from greenledger.core.accounting import summarize
from greenledger.core.demo import build_demo
from greenledger.core.equivalents import equivalents
from greenledger.core.storage import Workspace

NORTH_CHINA_2021 = 0.712


@pytest.fixture(scope="module")
def summary(tmp_path_factory):
    path = tmp_path_factory.mktemp("demo") / "demo.greenledger"
    build_demo(path)
    with Workspace.open(path) as ws:
        yield summarize(ws), ws.factor_book()


def test_intensity_per_order_down_18_percent(summary):
    s, _ = summary
    c = next(c for c in s["campaigns"] if c["name"] == "6.18 2021")
    assert c["baseline"] == "6.18 2020"
    assert c["intensity_change_pct"] == pytest.approx(-18.0)


def test_zhangbei_avoided_during_618_above_8000_t(summary):
    s, _ = summary
    c = next(c for c in s["campaigns"] if c["name"] == "6.18 2021")
    assert c["avoided_by_site_t"]["Zhangbei DC"] > 8000


def test_450_million_kwh_of_wind_since_2018(summary):
    s, _ = summary
    zb = [y for y in s["site_years"] if y["site"] == "Zhangbei DC" and y["year"] >= 2018]
    assert sum(y["renewable_kwh"] for y in zb) == pytest.approx(450_000_000)
    # at the official North China 2021 factor: 320,400 t, not the release's ~400,000 t
    assert sum(y["avoided_t"] for y in zb) == pytest.approx(450_000_000 * NORTH_CHINA_2021 / 1000)


def test_inner_mongolia_share_38_to_45_percent(summary):
    s, _ = summary
    months = {(m["site"], m["month"]): m for m in s["site_months"]}
    assert months[("Ulanqab DC", "2020-05")]["renewable_share_pct"] == pytest.approx(38.0)
    assert months[("Ulanqab DC", "2021-05")]["renewable_share_pct"] == pytest.approx(45.0)


def test_cainiao_13000_t_and_eleme_400_t_as_22000_haloxylon(summary):
    s, book = summary
    by = {i["business_unit"]: i for i in s["initiatives"]}
    assert by["Cainiao"]["reduction_t"] >= 13_000
    assert by["Ele.me"]["reduction_t"] == pytest.approx(400.0)
    halo = next(e for e in equivalents(by["Ele.me"]["reduction_t"], book) if e["key"] == "haloxylon_tree")
    assert round(halo["value"], -3) == 22_000


def test_demo_is_idempotent(tmp_path):
    path = tmp_path / "d.greenledger"
    first = build_demo(path)
    again = build_demo(path)
    assert first.inserted > 0 and again.inserted == 0 and again.updated == 0


def test_every_site_has_grid_and_renewable_rows_in_every_year_and_its_share_rises(summary):
    """An honest demo: the charts show 2018-2021, and both sites have grid and renewable kWh in
    each of those years, so the shares move as the release says (no 100 % before 2020 from a
    site that had only its wind rows)."""
    s, _ = summary
    for site in ("Zhangbei DC", "Ulanqab DC"):
        years = sorted((y for y in s["site_years"] if y["site"] == site), key=lambda y: y["year"])
        assert [y["year"] for y in years] == [2018, 2019, 2020, 2021]
        for y in years:
            assert 0 < y["renewable_kwh"] < y["total_kwh"], (site, y["year"])
        shares = [y["renewable_kwh"] / y["total_kwh"] for y in years]
        assert shares == sorted(shares) and len(set(shares)) == 4, (site, shares)
    zb_2018 = next(y for y in s["site_years"] if y["site"] == "Zhangbei DC" and y["year"] == 2018)
    # 60 GWh of wind and 12 x 30 GWh from the grid: 60 / 420 = 14.3 %
    assert zb_2018["renewable_kwh"] / zb_2018["total_kwh"] == pytest.approx(60 / 420)
