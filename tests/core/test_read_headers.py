"""Headers matched by their words (issue 12 §2): `Campaign name`, `Name of campaign`,
`Logistics emissions (kg CO2e)`, `Total CO2e, t` with the unit parsed from them; a campaign
given with its dates is accepted when they agree with the campaign's, refused naming both when
not."""

from __future__ import annotations

import unicodedata
from datetime import date

import pytest

from greenledger.core.errors import ImportRefused
from greenledger.core.fields import Kind
from greenledger.core.importing.codes import Aside, Skip
from greenledger.core.importing.engine import analyse, import_file
from greenledger.core.importing.plan import ImportOptions
from tests.conftest import CAMPAIGNS, SITES, snapshot, write_workbook
from tests.core.test_read_blind import deliveries


def test_campaign_name_beside_template_headers_is_not_dropped(tmp_path):
    """`Business unit` and `Orders` are the template's: the other headers still count."""
    path = write_workbook(tmp_path / "h.xlsx", {"Campaigns": CAMPAIGNS, "Sheet1": [
        ["Business unit", "Campaign name", "Orders", "Delivery emissions (kg CO2e)"],
        ["Tmall", "6.18 2021", 10, 5000]]})
    plan = next(p for p in analyse(path) if p.sheet == "Sheet1")
    cols = {c.header: (c.field, c.unit) for c in plan.columns}
    assert cols["Campaign name"] == ("campaign", None)
    assert cols["Delivery emissions (kg CO2e)"] == ("emissions", "kg CO2e")
    assert plan.totals()["emissions"] == pytest.approx(5)


def test_chinese_headers_by_their_words(ws, tmp_path):
    path = write_workbook(tmp_path / "c.xlsx", {"活动": [
        ["活动名称", "开始日期", "结束日期"],
        ["双11 2023", date(2023, 11, 1), date(2023, 11, 11)]], "物流": [
        ["业务单元", "活动名称", "订单数量", "物流碳排放（吨）"],
        ["菜鸟", "双11 2023", 2_000_000, 3500.5]]})
    import_file(ws, path)
    assert deliveries(ws) == {("菜鸟", "双11 2023"): (2_000_000, pytest.approx(3500.5))}


def test_total_co2e_comma_kg_and_packaging_campaign_name(ws, tmp_path):
    path = write_workbook(tmp_path / "t.xlsx", {"Campaigns": CAMPAIGNS, "Shipping": [
        ["Name of campaign", "Business unit", "Number of orders", "Total CO2e, kg"],
        ["6.18 2021", "Cainiao", 300_000, 450_000]]})
    import_file(ws, path)
    assert deliveries(ws) == {("Cainiao", "6.18 2021"): (300_000, pytest.approx(450))}


def test_campaign_dates_that_disagree_are_refused_naming_both(ws, tmp_path):
    rows = [["Campaign", "Campaign start", "Campaign end", "Business unit", "Orders",
             "Emissions (t CO2e)"],
            ["6.18 2021", date(2021, 6, 1), date(2021, 6, 20), "Tmall", 1_000_000, 2000]]
    path = write_workbook(tmp_path / "d.xlsx", {"Campaigns": CAMPAIGNS, "Deliveries": rows})
    before = snapshot(ws)
    with pytest.raises(ImportRefused) as exc:
        import_file(ws, path)
    assert snapshot(ws) == before
    [p] = exc.value.problems
    assert (p.sheet, p.row, p.column, p.code) == ("Deliveries", 2, "Campaign end [C]",
                                                  "campaign_dates_differ")
    assert "2021-06-01 – 2021-06-18" in p.reason and "2021-06-20" in p.reason
    assert "Campaigns row 3" in p.reason
    # the hint followed: the row's dates corrected
    rows[1][2] = date(2021, 6, 18)
    import_file(ws, write_workbook(tmp_path / "d2.xlsx", {"Campaigns": CAMPAIGNS,
                                                          "Deliveries": rows}))
    assert deliveries(ws) == {("Tmall", "6.18 2021"): (1_000_000, pytest.approx(2000))}


def test_campaign_dates_checked_against_the_workspace(ws, tmp_path):
    import_file(ws, write_workbook(tmp_path / "c.xlsx", {"Campaigns": CAMPAIGNS}))
    path = write_workbook(tmp_path / "p.xlsx", {"Packaging": [
        ["Business unit", "活动", "活动开始日期", "活动结束日期", "Material", "Quantity", "Unit"],
        ["Cainiao", "6.18 2020", "2020-06-01", "2020-06-18", "board", 850, "t"],
        ["Cainiao", "6.18 2021", "2021-05-25", "2021-06-18", "board", 900, "t"]]})
    with pytest.raises(ImportRefused) as exc:
        import_file(ws, path, ImportOptions(kind=Kind.PACKAGING))
    assert [(p.row, p.column, p.code) for p in exc.value.problems] == [
        (3, "活动开始日期 [C]", "campaign_dates_differ")]
    assert "the workspace" in exc.value.problems[0].reason


def test_preflight_finds_campaign_dates_that_disagree(ws, tmp_path):
    """Preflight equals import: the window's check shows the refusal before Import."""
    from greenledger.core.importing.engine import preflight
    import_file(ws, write_workbook(tmp_path / "c.xlsx", {"Campaigns": CAMPAIGNS}))
    path = write_workbook(tmp_path / "p.xlsx", {"Deliveries": [
        ["Campaign", "Campaign start", "Campaign end", "Business unit", "Orders",
         "Emissions (t CO2e)"],
        ["6.18 2021", date(2021, 6, 1), date(2021, 6, 19), "Tmall", 10, 1]]})
    plans = analyse(path)
    assert not plans[0].problems
    preflight(ws, path, plans)
    assert [p.code for p in plans[0].checks] == ["campaign_dates_differ"]


# --- words that make a number something else: a saving, a target, last year's, per order ----

ENERGY_ROWS = [["Zhangbei DC", "2023-01", "grid"], ["Ulanqab DC", "2023-01", "grid"]]


@pytest.fixture
def base(ws, tmp_path):
    import_file(ws, write_workbook(tmp_path / "base.xlsx", {"Sites": SITES, "Campaigns": CAMPAIGNS}))
    return ws


@pytest.fixture
def sites(base):
    return base


def nfkc(text: str) -> str:
    return unicodedata.normalize("NFKC", text)  # as the layout reads headers: （ as (


def refusal(ws, path, options=None) -> list:
    before = snapshot(ws)
    with pytest.raises(ImportRefused) as exc:
        import_file(ws, path, options)
    assert snapshot(ws) == before
    return exc.value.problems


@pytest.mark.parametrize("header", ["Energy saved (kWh)", "Target energy (kWh)",
                                    "Energy use per day (kWh)", "月均用电量（kWh）",
                                    "上年同期用电量（kWh）", "Budget energy (kWh)"])
def test_a_saving_target_average_or_last_years_figure_is_not_consumption(sites, tmp_path, header):
    """Alone, such a column is not read as energy (the sheet is refused naming it); beside a
    plain energy column, the plain one is read and this one left out, said so."""
    alone = write_workbook(tmp_path / "a.xlsx", {"Energy": [
        ["Site", "Month", "Source", header], *[[*r, 1000] for r in ENERGY_ROWS]]})
    [p] = refusal(sites, alone)
    assert p.code == "no_template_sheet" and f"'{nfkc(header)}' is a saving, target" in p.reason
    beside = write_workbook(tmp_path / "b.xlsx", {"Energy": [
        ["Site", "Month", "Source", "Energy (kWh)", header],
        *[[*r, 5000 + i, 1000] for i, r in enumerate(ENERGY_ROWS)]]})
    plan = analyse(beside)[0]
    col = next(c for c in plan.columns if c.header == nfkc(header))
    assert col.field is None and col.aside == Aside.QUALIFIED and plan.problems == []
    import_file(sites, beside)
    assert sorted(r["energy"] for r in sites.rows(Kind.ENERGY)) == [5000, 5001]
    mapped = write_workbook(tmp_path / "c.xlsx", {"Energy": [  # the user says it is: read
        ["Site", "Month", "Source", header], *[[*r, 7000] for r in ENERGY_ROWS]]})
    import_file(sites, mapped, ImportOptions(mapping={header: "energy"}))
    assert sorted(r["energy"] for r in sites.rows(Kind.ENERGY)) == [7000, 7000]


def test_last_years_months_over_this_years_headers_are_not_this_years(sites, tmp_path):
    path = write_workbook(tmp_path / "w.xlsx", {"用电": [
        ["站点", "能源类型", "上年同期用电量（kWh）", None],
        [None, None, "2023年10月", "2023年11月"],
        ["Zhangbei DC", "电网", 1000, 1100]]})
    [p] = refusal(sites, path)
    assert "'上年同期用电量(kWh)' is a saving, target" in p.reason


@pytest.mark.parametrize("header, orders", [("Emissions per order (g CO2e)", 86_400),
                                            ("单均碳排放（g）", 12_505_000),
                                            ("Avoided emissions (t CO2e)", 500)])
def test_a_per_order_or_avoided_emission_is_not_the_deliveries_total(base, tmp_path, header, orders):
    """A figure per order is tiny beside the total (109 g of 9.4 t), within every bound: refused
    naming the column, never stored as the total; avoided emissions are never netted in."""
    path = write_workbook(tmp_path / "d.xlsx", {"Deliveries": [
        ["Business unit", "Campaign", "Orders", header], ["Tmall", "6.18 2021", orders, 109]]})
    problems = refusal(base, path)
    assert [p.code for p in problems] == ["qualified_quantity"]
    assert problems[0].column.startswith(nfkc(header)) and "per-order figure times" in problems[0].reason


def test_a_weight_per_order_is_not_the_packagings_quantity(base, tmp_path):
    path = write_workbook(tmp_path / "p.xlsx", {"Packaging": [
        ["Business unit", "Campaign", "Material", "Orders", "Weight per order (g)"],
        ["Tmall", "6.18 2021", "corrugated board", 1_200_000, 180]]})
    [p] = refusal(base, path)
    assert "'Weight per order (g)' is a saving, target" in p.reason
    plan = analyse(path)[0]
    assert plan.skip == Skip.NOT_A_TABLE_QUALIFIED and plan.skip_args["header"] == "Weight per order (g)"


def test_initiatives_keep_their_reductions_and_factors_per_order(base, tmp_path):
    path = write_workbook(tmp_path / "i.xlsx", {"Initiatives": [
        ["Initiative", "Business unit", "Campaign", "Activity", "Activity unit",
         "Factor (kg CO2e per order)", "Reduction saved (t CO2e)"],
        ["Slim boxes", "Tmall", "6.18 2021", 1000, "order", 0.5, 0.5]]})
    cols = {c.header: c.field for c in analyse(path)[0].columns}
    assert cols["Factor (kg CO2e per order)"] == "factor" and cols["Reduction saved (t CO2e)"] == "reduction"


@pytest.mark.parametrize("part", ["其中：绿电交易电量（kWh）", "of which renewable (kWh)"])
def test_a_part_of_the_total_is_refused_unless_left_out_on_purpose(sites, tmp_path, part):
    """`其中：绿电交易电量` beside `总用电量`: the total alone would be stored as grid and the
    green power inside it lost (blind F21, exit 0); refused naming both, and imported as the
    total when the user says the part is to be left out."""
    path = write_workbook(tmp_path / "o.xlsx", {"Energy": [
        ["Site", "Month", "Source", "总用电量（kWh）", part],
        ["Zhangbei DC", "2023-01", "grid", 6_365_000, 1_725_000]]})
    [p] = [p for p in refusal(sites, path) if p.code == "part_of_total"]
    assert p.params["header"] == nfkc(part) and p.params["total"].startswith("总用电量")
    import_file(sites, path, ImportOptions(mapping={nfkc(part): "ignore"}))
    assert [r["energy"] for r in sites.rows(Kind.ENERGY)] == [6_365_000]
