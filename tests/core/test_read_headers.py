"""Headers matched by their words (issue 12 §2): `Campaign name`, `Name of campaign`,
`Logistics emissions (kg CO2e)`, `Total CO2e, t` with the unit parsed from them; a campaign
given with its dates is accepted when they agree with the campaign's, refused naming both when
not."""

from __future__ import annotations

from datetime import date

import pytest

from greenledger.core.errors import ImportRefused
from greenledger.core.fields import Kind
from greenledger.core.importing.assistant import ImportOptions, analyse, import_file
from tests.conftest import CAMPAIGNS, snapshot, write_workbook
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
    from greenledger.core.importing.assistant import preflight
    import_file(ws, write_workbook(tmp_path / "c.xlsx", {"Campaigns": CAMPAIGNS}))
    path = write_workbook(tmp_path / "p.xlsx", {"Deliveries": [
        ["Campaign", "Campaign start", "Campaign end", "Business unit", "Orders",
         "Emissions (t CO2e)"],
        ["6.18 2021", date(2021, 6, 1), date(2021, 6, 19), "Tmall", 10, 1]]})
    plans = analyse(path)
    assert not plans[0].problems
    preflight(ws, path, plans)
    assert [p.code for p in plans[0].checks] == ["campaign_dates_differ"]
