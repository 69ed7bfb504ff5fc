"""Workbooks a blind review (written without reading the engine) found imported with wrong figures
and exit 0: month headers that cross a year end without saying their years, and columns whose
header states a quantity's unit with words the mapping did not know. Each is now read right or
refused with a hint that, followed, gives the right figures. Figures computed by hand."""

from datetime import date

import pytest

from greenledger.core.errors import ImportRefused
from greenledger.core.fields import Kind
from greenledger.core.importing.engine import import_file
from greenledger.core.importing.plan import ImportOptions
from greenledger.gui.cli_hints import render_cli
from tests.conftest import CAMPAIGNS, SITES, snapshot, write_workbook

ZB = "Zhangbei DC"
FY = ["Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec", "Jan", "Feb", "Mar"]


@pytest.fixture
def base(ws, tmp_path):
    import_file(ws, write_workbook(tmp_path / "base.xlsx", {"Sites": SITES, "Campaigns": CAMPAIGNS}))
    return ws


def refused(ws, path, options=None):
    before = snapshot(ws)
    with pytest.raises(ImportRefused) as exc:
        import_file(ws, path, options)
    assert snapshot(ws) == before
    return exc.value.problems


@pytest.mark.parametrize("title, headers", [
    ("FY2023/24 electricity consumption (MWh)", FY),  # a fiscal year, April to March
    ("2023年用电量（MWh）（统计口径：上年12月至本年11月）", ["12月", *[f"{m}月" for m in range(1, 12)]]),
])
def test_month_headers_that_cross_a_year_end_without_years_are_refused(base, tmp_path, title, headers):
    path = write_workbook(tmp_path / "fy.xlsx", {"用电": [
        [title], [], ["站点", "能源类型", *headers], [ZB, "电网", *range(100, 1300, 100)]]})
    problems = refused(base, path)
    wrap = [p for p in problems if p.code == "months_wrap_year"]
    assert len(wrap) == 1 and wrap[0].row == 3
    assert "write the year in each header" in wrap[0].reason


def test_the_hint_followed_gives_the_right_figures(base, tmp_path):
    """Headers with their years (2023-04 … 2024-03), as the refusal says: 2023 holds April to
    December (100 + … + 900 = 4,500 MWh), 2024 January to March (1,000 + 1,100 + 1,200)."""
    headers = [f"{2023 + (i >= 9)}-{(i + 3) % 12 + 1:02d}" for i in range(12)]
    assert headers[0] == "2023-04" and headers[9] == "2024-01"
    path = write_workbook(tmp_path / "fy.xlsx", {"用电": [
        ["FY2023/24 electricity consumption (MWh)"], [], ["站点", "能源类型", *headers],
        [ZB, "电网", *range(100, 1300, 100)]]})
    import_file(base, path)
    by_year: dict[int, float] = {}
    for r in base.rows(Kind.ENERGY):
        y = date.fromisoformat(str(r["period_start"])[:10]).year
        by_year[y] = by_year.get(y, 0) + r["energy"]
    assert by_year == {2023: 4_500_000, 2024: 3_300_000}


def test_months_in_calendar_order_with_a_title_year_still_import(base, tmp_path):
    path = write_workbook(tmp_path / "cal.xlsx", {"用电": [
        ["2023年用电量（MWh）"], [], ["站点", "能源类型", *[f"{m}月" for m in range(1, 13)]],
        [ZB, "电网", *[10] * 12]]})
    import_file(base, path)
    assert sum(r["energy"] for r in base.rows(Kind.ENERGY)) == 120_000


@pytest.mark.parametrize("header", ["Carbon (tCO2e)", "Total GHG, tonnes CO2e", "CO2e (t)"])
def test_a_providers_emissions_column_is_read_not_replaced_by_distance_times_factor(base, tmp_path, header):
    path = write_workbook(tmp_path / "d.xlsx", {"Deliveries": [
        ["Business unit", "Campaign", "Orders", "Vehicle", "Distance (km)", header],
        ["Cainiao", "6.18 2021", 800_000, "van diesel", 200_000, 61.5]]})
    import_file(base, path)
    [row] = base.rows(Kind.DELIVERIES)
    assert row["emissions"] == pytest.approx(61.5)  # not 200,000 km × the van's factor


@pytest.mark.parametrize("header", ["CO2e saved (t)", "减碳量（吨）", "Avoided emissions (t CO2e)"])
def test_an_initiatives_given_reduction_is_read(base, tmp_path, header):
    path = write_workbook(tmp_path / "i.xlsx", {"Initiatives": [
        ["Initiative", "Business unit", "Campaign", "Activity", "Activity unit",
         "Factor (kg CO2e per unit)", header],
        ["Green box", "Cainiao", "6.18 2021", 1_000_000, "box", 0.5, 650]]})
    import_file(base, path)
    [row] = base.rows(Kind.INITIATIVES)
    assert row["reduction"] == pytest.approx(650)  # given; activity × factor would be 500 t


@pytest.mark.parametrize("header", ["PCR content (%)", "回收料比例", "再生纸比例（%）", "再生料占比"])
def test_recycled_content_headers_are_read(base, tmp_path, header):
    path = write_workbook(tmp_path / "p.xlsx", {"Packaging": [
        ["Business unit", "Campaign", "Material", "Quantity", "Unit", header],
        ["Cainiao", "6.18 2021", "board", 850, "t", 30]]})
    import_file(base, path)
    [row] = base.rows(Kind.PACKAGING)
    assert row["recycled_content"] == pytest.approx(30)


def test_an_unknown_header_stating_the_unit_of_a_field_no_column_gives_is_refused(base, tmp_path):
    """`Scope 3 logistics footprint (tCO2e)` is no synonym: left out, the emissions would be
    computed from the distance. Refused, naming the column; either answer the hint offers is
    then taken literally."""
    header = "Scope 3 logistics footprint (tCO2e)"
    path = write_workbook(tmp_path / "d.xlsx", {"Deliveries": [
        ["Business unit", "Campaign", "Orders", "Vehicle", "Distance (km)", header],
        ["Cainiao", "6.18 2021", 800_000, "van diesel", 200_000, 61.5]]})
    [p] = [p for p in refused(base, path) if p.code == "unread_quantity"]
    assert p.column.startswith(header) and "emissions" in p.reason and "--" not in p.reason
    assert f'--map "{header}=emissions"' in render_cli(p)
    import_file(base, path, ImportOptions(mapping={header: "emissions"}))
    [row] = base.rows(Kind.DELIVERIES)
    assert row["emissions"] == pytest.approx(61.5)


def test_a_comparison_column_beside_the_mapped_quantity_is_not_refused(base, tmp_path):
    """上年同期 (kWh) beside 本月用电量 (kWh): energy is given, so last year's column is simply
    not needed (the rule only asks when the field it would fill is missing)."""
    path = write_workbook(tmp_path / "e.xlsx", {"月报": [
        ["站点", "能源类型", "开始日期", "结束日期", "本月用电量（kWh）", "上年同期（kWh）"],
        [ZB, "电网", date(2023, 1, 1), date(2023, 1, 31), 1000, 900]]})
    import_file(base, path)
    assert [r["energy"] for r in base.rows(Kind.ENERGY)] == [1000]


def test_cumulative_columns_are_never_read_as_periods(base, tmp_path):
    """Statistics-style 1月, 1-2月, 1-3月 (万千瓦时): only 1月 used to be imported, the rest left
    out as not needed (400,000 kWh of 2,450,000); a 本年累计 quantity was stored as monthly."""
    path = write_workbook(tmp_path / "c.xlsx", {"累计用电": [
        ["2023年累计用电量（万千瓦时）"], ["站点", "能源类型", "1月", "1-2月", "1-3月"],
        [ZB, "电网", 40, 85, 130]]})
    [p] = [p for p in refused(base, path) if p.code == "cumulative_column"]
    assert p.column.startswith("1-2月")
    path = write_workbook(tmp_path / "ytd.xlsx", {"月报": [
        ["站点", "能源类型", "开始日期", "结束日期", "本年累计用电量(kWh)"],
        [ZB, "电网", date(2023, 2, 1), date(2023, 2, 28), 238_700],
        [ZB, "电网", date(2023, 3, 1), date(2023, 3, 31), 364_600]]})
    [p] = [p for p in refused(base, path) if p.code == "cumulative_column"]
    assert "本年累计" in p.column


def test_this_months_column_beside_the_cumulative_one_is_read(base, tmp_path):
    path = write_workbook(tmp_path / "m.xlsx", {"月报": [
        ["站点", "能源类型", "开始日期", "结束日期", "本月用电量(kWh)", "本年累计用电量(kWh)"],
        [ZB, "电网", date(2023, 2, 1), date(2023, 2, 28), 120_000, 238_700]]})
    import_file(base, path)
    assert [r["energy"] for r in base.rows(Kind.ENERGY)] == [120_000]


def test_a_meter_export_with_midnight_ends_is_refused_with_the_end_to_write(base, tmp_path):
    """Readings at midnight: 2023-01-01 00:00 – 2023-02-01 00:00. Stored as written, January would
    hold 32 days (1/32 of it in February) and overlap February's row; the refusal says to write
    the last day, which then imports January's 31,000 kWh in January."""
    from datetime import datetime

    rows = [[ZB, datetime(2023, m, 1), datetime(2023, m + 1, 1), "grid", 31_000 if m == 1 else 28_000]
            for m in (1, 2)]
    path = write_workbook(tmp_path / "meter.xlsx", {"Energy": [
        ["Site", "Period start", "Period end", "Source", "Energy (kWh)"], *rows]})
    problems = [p for p in refused(base, path) if p.code == "exclusive_end"]
    assert [p.row for p in problems] == [2, 3]
    assert "2023-01-31" in problems[0].reason
    fixed = [[ZB, date(2023, 1, 1), date(2023, 1, 31), "grid", 31_000],
             [ZB, date(2023, 2, 1), date(2023, 2, 28), "grid", 28_000]]
    import_file(base, write_workbook(tmp_path / "fixed.xlsx", {"Energy": [
        ["Site", "Period start", "Period end", "Source", "Energy (kWh)"], *fixed]}))
    assert sorted(r["energy"] for r in base.rows(Kind.ENERGY)) == [28_000, 31_000]


def test_a_utility_bill_imports_its_total_not_one_tariff_band(base, tmp_path):
    """A State Grid bill: 峰/平/谷电量 (peak, flat, valley) beside 有功总电量(千瓦时). The peak band
    used to win (and the hint offered only the bands); the total is the site's use."""
    path = write_workbook(tmp_path / "bill.xlsx", {"电费账单": [
        ["户号", "户名", "抄表起日", "抄表止日", "峰电量", "平电量", "谷电量", "有功总电量(千瓦时)",
         "电费(元)"],
        ["0101", ZB, date(2023, 1, 1), date(2023, 1, 31), 400, 350, 250, 1000, 800],
        ["0101", ZB, date(2023, 2, 1), date(2023, 2, 28), 380, 340, 230, 950, 760]]})
    import_file(base, path, ImportOptions(kind=Kind.ENERGY, mapping={"户名": "site"},
                                          values={"source": "grid"}))
    assert sorted(r["energy"] for r in base.rows(Kind.ENERGY)) == [950, 1000]


def test_a_shipments_period_from_and_to_are_its_dates_and_from_to_places_stay_places(base, tmp_path):
    """`Shipment period from/to` on a logistics export were read as month columns, and the
    refusal's hint would have turned exact dates into months; they are the period's first and
    last day. A bare From/To (origin, destination) is not a date there."""
    path = write_workbook(tmp_path / "ship.xlsx", {"Deliveries": [
        ["Business unit", "From", "To", "Shipment period from", "Shipment period to", "Orders",
         "Emissions (t)"],
        ["Cainiao", "Hangzhou", "Shanghai", date(2021, 6, 1), date(2021, 6, 10), 1000, 2.5]]})
    import_file(base, path)
    [row] = base.rows(Kind.DELIVERIES)
    assert (str(row["period_start"])[:10], str(row["period_end"])[:10]) == ("2021-06-01", "2021-06-10")
    assert row["emissions"] == pytest.approx(2.5)


def test_this_months_use_beside_a_running_total_is_asked_not_guessed(base, tmp_path):
    """本月用电量 beside 总用电量 (a meter's running total?): both match energy only in part, and
    the longer header scored higher, so the total was imported silently (50,000 kWh for a
    1,000 kWh month). Within TIE_MARGIN they are refused as equally likely; naming one imports it."""
    path = write_workbook(tmp_path / "amb.xlsx", {"月报": [
        ["站点", "能源类型", "开始日期", "结束日期", "本月用电量(kWh)", "总用电量(kWh)"],
        [ZB, "电网", date(2023, 2, 1), date(2023, 2, 28), 1000, 50_000]]})
    [p] = [p for p in refused(base, path) if p.code == "ambiguous_columns"]
    assert "本月用电量" in p.reason and "总用电量" in p.reason
    import_file(base, path, ImportOptions(mapping={"本月用电量(kWh)": "energy", "总用电量(kWh)": "ignore"}))
    assert [r["energy"] for r in base.rows(Kind.ENERGY)] == [1000]
