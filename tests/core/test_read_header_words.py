"""Headers and periods analysts' exports write that the engine did not read (blind round 2,
F3/F4/F7/F8/F17/F24/F25/F26): a neutral word with a unit (`Actual (kWh)`, UK bills' `Units
(kWh)`, `数量（千瓦时）`), `Quantity` beside a Unit column, SAP's `Plant | Plant name`, months
written `01.2023`, US dates `1/17/23`, a billing period in one cell. Each rule is tested on
layouts written here with openpyxl, with figures worked out by hand, and on the workbook it
could get wrong, which must be refused (nothing stored) or read right."""

from __future__ import annotations

import pytest

from greenledger.core.errors import ImportRefused
from greenledger.core.fields import Kind
from greenledger.core.importing.engine import import_file
from tests.conftest import SITES, write_workbook
from tests.core.test_read_blind import JAN, UL, ZB, approx, energy

FEB = ("2023-02-01", "2023-02-28")
MAR = ("2023-03-01", "2023-03-31")


def _import(ws, tmp_path, rows, title="Energy", name="book.xlsx"):
    path = write_workbook(tmp_path / name, {"Sites": SITES, title: rows})
    import_file(ws, path)
    return energy(ws)


def _refused(ws, tmp_path, rows, title="Energy", sites=True) -> list:
    path = write_workbook(tmp_path / "book.xlsx", {"Sites": SITES, title: rows} if sites else {title: rows})
    with pytest.raises(ImportRefused) as refused:
        import_file(ws, path)
    assert ws.rows(Kind.ENERGY) == [] and ws.rows(Kind.SITES) == []
    return refused.value.problems


# --- a neutral word with a unit ------------------------------------------------------------------

@pytest.mark.parametrize("header, unit_factor", [
    ("Actual (kWh)", 1), ("Units (kWh)", 1), ("Quantity (MWh)", 1000), ("数量（万千瓦时）", 1e4),
    ("实际（千瓦时）", 1), ("Amount [kWh]", 1)])
def test_a_neutral_word_with_an_energy_unit_is_energy(ws, tmp_path, header, unit_factor):
    got = _import(ws, tmp_path, [["Site", "Month", "Source", header],
                                 [ZB, "2023-01", "grid", 1200.5], [UL, "2023-02", "grid", 300]])
    assert got == approx({(ZB, *JAN, "grid"): 1200.5 * unit_factor, (UL, *FEB, "grid"): 300 * unit_factor})


def test_actual_beside_budget_and_variance_is_the_actual(ws, tmp_path):
    header = ["Site", "Month", "Source", "Budget (kWh)", "Actual (kWh)", "Variance (kWh)"]
    got = _import(ws, tmp_path, [header,
                                 [ZB, "2023-01", "grid", 395000, 401200, 6200],
                                 [UL, "2023-01", "grid", 62000, 60150, -1850]])
    assert got == approx({(ZB, *JAN, "grid"): 401200, (UL, *JAN, "grid"): 60150})


def test_two_neutral_columns_with_units_are_asked_not_guessed(ws, tmp_path):
    """`Actual (kWh)` beside `Units (MWh)`: either could be the use; neither is taken."""
    problems = _refused(ws, tmp_path, [["Site", "Month", "Source", "Actual (kWh)", "Units (MWh)"],
                                       [ZB, "2023-01", "grid", 401200, 401.2]])
    assert any(p.code == "ambiguous_columns" for p in problems)


def test_a_neutral_word_with_a_unit_of_another_field_is_not_energy(ws, tmp_path):
    """`Amount (GBP)` and `Units (kg)` on an energy sheet name no energy: not read as it."""
    problems = _refused(ws, tmp_path, [["Site", "Month", "Source", "Amount (GBP)", "Units (kg)"],
                                       [ZB, "2023-01", "grid", 16391.4, 12]], sites=False)
    assert "lacks energy" in " ".join(p.reason for p in problems)


# --- Quantity beside a Unit column ---------------------------------------------------------------

@pytest.mark.parametrize("qty, unit", [("Quantity", "Unit"), ("Qty", "UoM"), ("数量", "单位"),
                                       ("Amount", "Unit of measure")])
def test_a_neutral_column_beside_a_unit_column_is_read_by_each_rows_unit(ws, tmp_path, qty, unit):
    got = _import(ws, tmp_path, [["Site", "Month", "Source", qty, unit],
                                 [ZB, "2023-01", "grid", 31250, "kWh"],
                                 [ZB, "2023-02", "grid", 33.4, "MWh"],
                                 [ZB, "2023-03", "grid", 3.51, "万千瓦时"],
                                 [UL, "2023-01", "grid", 1440, "GJ"]])
    assert got == approx({(ZB, *JAN, "grid"): 31250, (ZB, *FEB, "grid"): 33400,
                          (ZB, *MAR, "grid"): 35100, (UL, *JAN, "grid"): 1440 / 3.6 * 1000})


def test_a_quantity_whose_unit_column_holds_no_energy_unit_is_refused(ws, tmp_path):
    """The workbook the rule could get wrong: `Quantity | Unit` in kg on a sheet of sites and
    months. It is not stored as kWh."""
    problems = _refused(ws, tmp_path, [["Site", "Month", "Source", "Quantity", "Unit"],
                                       [ZB, "2023-01", "grid", 850, "kg"],
                                       [UL, "2023-01", "grid", 42.5, "kg"]])
    assert problems


# --- a code column and its name ------------------------------------------------------------------

@pytest.mark.parametrize("code, name", [("Plant", "Plant name"), ("Site", "Site name"),
                                        ("工厂", "工厂名称"), ("Facility", "Facility description")])
def test_the_name_beside_a_code_is_the_site(ws, tmp_path, code, name):
    got = _import(ws, tmp_path, [[code, name, "Period", "Source", "Energy (kWh)"],
                                 ["1010", ZB, "2023-01", "grid", 412500],
                                 ["1020", UL, "2023-01", "grid", 61250]])
    assert got == approx({(ZB, *JAN, "grid"): 412500, (UL, *JAN, "grid"): 61250})


def test_a_name_column_not_holding_the_sites_is_refused_by_name(ws, tmp_path):
    """What the rule gets wrong: `Site` holds the workspace's names and `Site name` a longer
    description. The description is taken, and refused as unknown sites: nothing stored."""
    problems = _refused(ws, tmp_path, [["Site", "Site name", "Month", "Source", "Energy (kWh)"],
                                       [ZB, "Zhangbei data centre, Hebei", "2023-01", "grid", 412500]])
    assert any("unknown site" in p.reason and p.value == "Zhangbei data centre, Hebei" for p in problems)


# --- months written month first ------------------------------------------------------------------

@pytest.mark.parametrize("jan, feb", [("01.2023", "02.2023"), ("1/2023", "2/2023"), ("1.2023", "2.2023")])
def test_a_month_written_month_first_is_read(ws, tmp_path, jan, feb):
    got = _import(ws, tmp_path, [["Site", "Period", "Source", "Energy (kWh)"],
                                 [ZB, jan, "grid", 412500], [ZB, feb, "grid", 398750]])
    assert got == approx({(ZB, *JAN, "grid"): 412500, (ZB, *FEB, "grid"): 398750})


def test_a_fiscal_period_is_not_read_as_a_month(ws, tmp_path):
    """SAP's fiscal period `001.2023` is month 1 of the company's fiscal year, which may begin
    in April: refused, not read as January."""
    problems = _refused(ws, tmp_path, [["Site", "Period", "Source", "Energy (kWh)"],
                                       [ZB, "001.2023", "grid", 412500]])
    assert any(p.code == "not_period" and p.value == "001.2023" for p in problems)


# --- two-digit years ------------------------------------------------------------------------------

def test_us_dates_with_two_digit_years_are_read(ws, tmp_path):
    got = _import(ws, tmp_path, [["Site", "Start Date", "End Date", "Source", "kWh"],
                                 [ZB, "1/17/23", "2/15/23", "grid", 412800],
                                 [ZB, "2/16/23", "3/16/23", "grid", 398100]])
    assert got == approx({(ZB, "2023-01-17", "2023-02-15", "grid"): 412800,
                          (ZB, "2023-02-16", "2023-03-16", "grid"): 398100})


@pytest.mark.parametrize("first, second, four", [
    (("16/01/23", "15/02/23"), ("16/02/23", "15/03/23"),
     ("16/01/2023", "15/02/2023", "16/02/2023", "15/03/2023")),
    (("23/01/16", "23/02/15"), ("23/02/16", "23/03/15"),
     ("2023/01/16", "2023/02/15", "2023/02/16", "2023/03/15"))])
def test_two_digit_years_that_also_read_year_first_are_refused(ws, tmp_path, first, second, four):
    """`16/01/23` is 16 Jan 2023 day first, or 2016-01-23 year first (as `23/01/16` would be
    written year first); nothing in the column tells them apart: refused naming the column,
    with a hint (four-digit years) that, followed, reads right."""
    rows = [["Site", "Start Date", "End Date", "Source", "kWh"],
            [ZB, *first, "grid", 100], [ZB, *second, "grid", 200]]
    problems = _refused(ws, tmp_path, rows)
    unclear = [p for p in problems if p.code == "date_year_unclear"]
    assert {p.column for p in unclear} == {"Start Date [B]", "End Date [C]"}
    assert "four digits" in unclear[0].reason
    fixed = [rows[0], [ZB, four[0], four[1], "grid", 100], [ZB, four[2], four[3], "grid", 200]]
    assert _import(ws, tmp_path, fixed, name="fixed.xlsx") == approx({
        (ZB, "2023-01-16", "2023-02-15", "grid"): 100, (ZB, "2023-02-16", "2023-03-15", "grid"): 200})


# --- a billing period in one cell ----------------------------------------------------------------

@pytest.mark.parametrize("header, a, b", [
    ("计费周期", "2023.01.16-2023.02.15", "2023.02.16-2023.03.15"),
    ("Billing period", "2023-01-16 ~ 2023-02-15", "2023-02-16 ~ 2023-03-15"),
    ("账单周期", "2023年1月16日至2023年2月15日", "2023年2月16日至2023年3月15日"),
    ("Service period", "2023/01/16 - 2023/02/15", "2023/02/16 - 2023/03/15")])
def test_a_billing_period_in_one_cell_is_its_first_and_last_day(ws, tmp_path, header, a, b):
    got = _import(ws, tmp_path, [["Site", header, "Source", "Energy (kWh)"],
                                 [ZB, a, "grid", 189700], [ZB, b, "grid", 178350]])
    assert got == approx({(ZB, "2023-01-16", "2023-02-15", "grid"): 189700,
                          (ZB, "2023-02-16", "2023-03-15", "grid"): 178350})


@pytest.mark.parametrize("bad", ["2023.02.15-2023.01.16", "15/02/2023 - 16/01/2023"])
def test_a_range_that_ends_before_it_starts_is_refused(ws, tmp_path, bad):
    problems = _refused(ws, tmp_path, [["Site", "计费周期", "Source", "Energy (kWh)"],
                                       [ZB, bad, "grid", 189700]])
    assert any(p.code == "not_period" and p.value == bad for p in problems)


# --- header words of sites and initiatives -------------------------------------------------------

@pytest.mark.parametrize("header", ["所属电网", "所属区域电网", "Power grid", "Grid area"])
def test_the_grid_a_site_belongs_to_is_its_region(ws, tmp_path, header):
    path = write_workbook(tmp_path / "s.xlsx", {"站点": [["站点名称", "类型", header],
                                                       ["廊坊仓", "仓库", "华北电网"]]})
    import_file(ws, path)
    assert [(r["site"], r["type"], r["grid_region"]) for r in ws.rows(Kind.SITES)] == [
        ("廊坊仓", "warehouse", "North China")]


@pytest.mark.parametrize("header", ["举措名称", "Initiative name", "措施名称"])
def test_an_initiatives_name_header(ws, tmp_path, header):
    path = write_workbook(tmp_path / "i.xlsx", {"Initiatives": [
        [header, "Business unit", "Reduction (t CO2e)"], ["绿色回收箱", "菜鸟", 120.5]]})
    import_file(ws, path)
    assert [(r["initiative"], r["reduction"]) for r in ws.rows(Kind.INITIATIVES)] == [("绿色回收箱", 120.5)]


# --- a whole quarter's range beside its months ---------------------------------------------------

@pytest.mark.parametrize("months, total", [(("2023年1月", "2023年2月", "2023年3月"), "2023年1-3月"),
                                           (("2023年4月", "2023年5月", "2023年6月"), "2023年4~6月")])
def test_a_quarters_range_beside_its_months_is_not_cumulative(ws, tmp_path, months, total):
    """`2023年1-3月` beside 1月 … 3月 is the quarter's total, and last year's `2022年1-3月` a
    comparison: the months are read, neither range is."""
    got = _import(ws, tmp_path, [["站点", "能源类型", *months, total, "2022" + total[4:]],
                                 [ZB, "电网", 352000, 338500, 361200, 1051700, 1001300]],
                  title="用电量（kWh）")
    assert sum(got.values()) == pytest.approx(352000 + 338500 + 361200) and len(got) == 3


def test_cumulative_month_ranges_are_still_refused(ws, tmp_path):
    """The workbook the quarter rule could get wrong: 1月 | 1-2月 | 1-3月, each a sum since
    January. `1-3月` is a whole quarter, but `1-2月` beside it says the sheet is cumulative."""
    problems = _refused(ws, tmp_path, [["站点", "能源类型", "2023年1月", "2023年1-2月", "2023年1-3月"],
                                       [ZB, "电网", 352000, 690500, 1051700]], title="用电量（kWh）")
    assert any(p.code == "cumulative_column" for p in problems)


@pytest.mark.parametrize("header", ["Timestamp", "时间戳", "Interval start", "Date and time"])
def test_an_hourly_exports_timestamp_column_is_its_period(ws, tmp_path, header):
    """One timestamp per row, each the start of its hour (core.importing.timestamps), under the
    headers meter exports write. (`Hour ending` is not taken: its time is the hour's end.)"""
    from datetime import datetime, timedelta

    rows = [["Site", header, "Source", "Energy (kWh)"]] + [
        [ZB, datetime(2023, 1, 1) + timedelta(hours=h), "grid", 10.0 + h] for h in range(48)]
    got = _import(ws, tmp_path, rows)
    assert len(got) == 48 and sum(got.values()) == pytest.approx(sum(10.0 + h for h in range(48)))


# --- a quantity's column is never a text field; a number never a grid region ---------------------

@pytest.mark.parametrize("grid, wind", [("电网购电(GWh)", "风电(GWh)"), ("Grid (MWh)", "Wind (MWh)")])
def test_a_header_stating_an_energy_unit_is_never_the_grid_region(ws, tmp_path, grid, wind):
    """`站点 | 年份 | 电网购电(GWh) | 风电(GWh)` (blind3 annual_gwh_by_source): its 45.6 was stored
    as a site's grid region. Now no column is the region and the sheet is not read as Sites."""
    path = write_workbook(tmp_path / "y.xlsx", {"年度": [["站点", "年份", grid, wind],
                                                       [ZB, 2022, 45.6, 30.2]]})
    import_file(ws, write_workbook(tmp_path / "s.xlsx", {"Sites": SITES}))
    before = ws.rows(Kind.SITES)
    with pytest.raises(ImportRefused):
        import_file(ws, path)
    assert ws.rows(Kind.SITES) == before


def test_a_number_as_a_grid_region_is_refused_at_its_cell(ws, tmp_path):
    """What the rule could get wrong: a Sites sheet that writes regions as codes (110000). It is
    refused naming the cell, not stored as a region no factor matches."""
    problems = _refused(ws, tmp_path, [["Site", "Type", "Grid region"], ["Glasgow DC", "warehouse", 110000]],
                        title="New sites", sites=False)
    assert [(p.row, p.column, p.code) for p in problems] == [(2, "Grid region [C]", "region_number")]


# --- vehicles and materials in Chinese WMS exports ------------------------------------------------

DELIVERY_HEADER = ["业务单元", "开始日期", "结束日期", "车型", "订单量", "里程(公里)"]
NOV = ("2023-11-01", "2023-11-11")


def _deliveries(ws):
    return {(r["vehicle"], r["distance"]) for r in ws.rows(Kind.DELIVERIES)}


@pytest.mark.parametrize("word, vehicle", [
    ("柴油货车", "truck diesel"), ("柴油重卡", "truck diesel"), ("柴油面包车", "van diesel"),
    ("电动面包车", "van electric"), ("纯电动厢式车", "van electric")])
def test_chinese_vehicle_words(ws, tmp_path, word, vehicle):
    rows = [DELIVERY_HEADER, ["菜鸟", *NOV, word, 60000, 42000]]
    path = write_workbook(tmp_path / "d.xlsx", {"配送": rows})
    import_file(ws, path)
    assert _deliveries(ws) == {(vehicle, 42000)}


@pytest.mark.parametrize("word", ["电动货车", "新能源货车", "电动车", "轻卡"])
def test_a_vehicle_word_that_could_be_a_van_or_a_truck_is_asked(ws, tmp_path, word):
    """The workbook a vehicle rule could get wrong: 电动货车 (an electric goods vehicle: a van or
    a truck?), 电动车 (often an e-bike). Refused naming the cell, never stored as a van."""
    rows = [DELIVERY_HEADER, ["菜鸟", *NOV, word, 60000, 42000]]
    path = write_workbook(tmp_path / "d.xlsx", {"配送": rows})
    with pytest.raises(ImportRefused) as refused:
        import_file(ws, path)
    assert any(p.value == word and p.code == "unknown_choice" for p in refused.value.problems)
    assert ws.rows(Kind.DELIVERIES) == []


@pytest.mark.parametrize("header", ["物料", "包材", "物料名称"])
def test_a_packaging_sheets_material_header(ws, tmp_path, header):
    rows = [["业务单元", "开始日期", "结束日期", header, "用量(吨)"], ["菜鸟", *NOV, "纸箱", 600]]
    path = write_workbook(tmp_path / "p.xlsx", {"包材": rows})
    import_file(ws, path)
    assert [(r["material"], r["quantity"]) for r in ws.rows(Kind.PACKAGING)] == [("board", 600000)]


# --- a bill's account number and reactive energy are not its use ----------------------------------

@pytest.mark.parametrize("account, reactive", [("用电户号", "无功总电量(kvarh)"),
                                               ("Account number", "Reactive energy (kVArh)")])
def test_a_bills_account_and_reactive_columns_are_not_its_energy(ws, tmp_path, account, reactive):
    """南方电网's bill (blind3 csg_reactive): 用电户号 and 无功总电量(kvarh) were offered as energy beside
    有功总电量(kWh), and 计费周期 '2023-04-01至2023-04-30' was not a period."""
    got = _import(ws, tmp_path, [[account, "Site", "计费周期", "Source", "有功总电量(kWh)", reactive],
                                 [1000123456, ZB, "2023-04-01至2023-04-30", "grid", 412800, 98000]])
    assert got == approx({(ZB, "2023-04-01", "2023-04-30", "grid"): 412800})


def test_reactive_energy_alone_is_not_read_as_use(ws, tmp_path):
    """The workbook the rule could get wrong: a meter export with only kvarh. Not stored as kWh."""
    problems = _refused(ws, tmp_path, [["Site", "Month", "Source", "无功电量(kvarh)"],
                                       [ZB, "2023-04", "grid", 98000]], sites=False)
    assert problems and ws.rows(Kind.ENERGY) == []


def test_the_unit_column_headers_are_the_ones_cellunits_reads():
    from greenledger.core.importing import cellunits, mapping

    assert mapping.UNIT_COLUMN_LABELS == cellunits.UNIT_COLUMN_LABELS


# --- a title line that gives every row a value -----------------------------------------------------

@pytest.mark.parametrize("title, site", [("站点：张北数据中心", "张北数据中心"), ("Site: Zhangbei DC", ZB)])
def test_a_title_line_names_the_site_of_every_row(ws, tmp_path, title, site):
    sites = [*SITES, ["张北数据中心", "data center", "North China"]]
    rows = [[title], ["月份", "能源类型", "用电量(kWh)"], ["2023-01", "电网", 100000],
            ["2023-02", "风电", 42000]]
    path = write_workbook(tmp_path / "t.xlsx", {"Sites": sites, "用电": rows})
    import_file(ws, path)
    assert energy(ws) == approx({(site, *JAN, "grid"): 100000, (site, *FEB, "wind"): 42000})


def test_blocks_each_under_its_own_site_line(ws, tmp_path):
    """Two blocks, each with its site in its title line, a blank row between (blind3
    blocks_site_in_title): each block's rows are its own site's."""
    rows = [["Site: Zhangbei DC"], ["Month", "Source", "Energy (kWh)"], ["2023-01", "grid", 100000],
            [None], [None], ["Site: Ulanqab DC"], ["Month", "Source", "Energy (kWh)"],
            ["2023-01", "grid", 150000]]
    assert _import(ws, tmp_path, rows) == approx({(ZB, *JAN, "grid"): 100000, (UL, *JAN, "grid"): 150000})


def test_a_second_site_line_inside_one_table_gives_no_site_to_any_row(ws, tmp_path):
    """The workbook the rule could get wrong: one table whose second site's line sits among its
    rows, with no header again. The first line's site is not given to the second site's rows:
    refused, nothing stored."""
    _refused(ws, tmp_path, [["Site: Zhangbei DC"], ["Month", "Source", "Energy (kWh)"],
                            ["2023-01", "grid", 100000], ["Site: Ulanqab DC"], ["2023-01", "grid", 150000]])


def test_a_sites_own_column_wins_over_a_title_line(ws, tmp_path):
    got = _import(ws, tmp_path, [["Site: Zhangbei DC"], ["Site", "Month", "Source", "Energy (kWh)"],
                                 [UL, "2023-01", "grid", 150000]])
    assert got == approx({(UL, *JAN, "grid"): 150000})


# --- a pivot's count is not a quantity; read dates; a unit first; a day/month range ----------------

@pytest.mark.parametrize("header", ["计数项:用电量(kWh)", "Count of Energy (kWh)", "Max of Energy (kWh)",
                                    "最大值项:用电量(kWh)"])
def test_a_pivots_count_or_max_is_not_the_energy(ws, tmp_path, header):
    """blind3 pivot_count_of: Excel's 计数项 (31 and 28: the days counted) was stored as kWh."""
    problems = _refused(ws, tmp_path, [["站点", "月份", "能源类型", header], [ZB, "2023-01", "电网", 31]],
                        sites=False)
    assert header.split(":")[0].split(" of")[0] in " ".join(p.reason for p in problems)


def test_previous_read_date_and_read_date_are_the_period(ws, tmp_path):
    header = ["Site", "Previous Read Date", "Read Date", "Source", "Units", "Consumption"]
    got = _import(ws, tmp_path, [header,
                                 [ZB, "2023-01-16", "2023-02-15", "grid", "kWh", 60000],
                                 [ZB, "2023-02-16", "2023-03-15", "grid", "MWh", 56]])
    assert got == approx({(ZB, "2023-01-16", "2023-02-15", "grid"): 60000,
                          (ZB, "2023-02-16", "2023-03-15", "grid"): 56000})


def test_a_read_date_alone_is_no_period(ws, tmp_path):
    """What the pair rule could get wrong: one read date per row (no start): not taken as an end."""
    problems = _refused(ws, tmp_path, [["Site", "Read Date", "Source", "Energy (kWh)"],
                                       [ZB, "2023-01-31", "grid", 60000]], sites=False)
    assert "lacks period_start, period_end" in " ".join(p.reason for p in problems)


@pytest.mark.parametrize("header, factor", [("kWh Used", 1), ("MWh Delivered", 1000)])
def test_a_unit_before_the_words_is_the_columns_unit(ws, tmp_path, header, factor):
    got = _import(ws, tmp_path, [["Site", "Month", "Source", header], [ZB, "2023-01", "grid", 52.3]])
    assert got == approx({(ZB, *JAN, "grid"): 52.3 * factor})


@pytest.mark.parametrize("a, b", [("01/15/2023 - 02/13/2023", "02/14/2023 - 03/15/2023"),
                                  ("15/01/2023 - 13/02/2023", "14.02.2023 - 15.03.2023")])
def test_a_billing_range_with_day_and_month_in_one_cell(ws, tmp_path, a, b):
    got = _import(ws, tmp_path, [["Site", "Billing Period", "Source", "Energy (kWh)"],
                                 [ZB, a, "grid", 52300], [ZB, b, "grid", 49800]])
    assert got == approx({(ZB, "2023-01-15", "2023-02-13", "grid"): 52300,
                          (ZB, "2023-02-14", "2023-03-15", "grid"): 49800})


def test_a_range_whose_day_and_month_read_both_ways_is_refused(ws, tmp_path):
    """What the day/month range could get wrong: `01/05/2023 - 02/04/2023` is January or May
    alike: refused at the cell, never guessed."""
    problems = _refused(ws, tmp_path, [["Site", "Billing Period", "Source", "Energy (kWh)"],
                                       [ZB, "01/05/2023 - 02/04/2023", "grid", 52300]])
    assert any(p.code == "not_period" and p.value == "01/05/2023 - 02/04/2023" for p in problems)


@pytest.mark.parametrize("header", ["kWh Rate", "Price per kWh", "电价(元/kWh)", "Tariff (kWh)"])
def test_a_price_per_kwh_is_never_the_energy(ws, tmp_path, header):
    """blind3 us_bill_rate: `kWh Rate` (0.1000 $/kWh) was stored as 0.2 kWh, exit 0."""
    problems = _refused(ws, tmp_path, [["Site", "Month", "Source", header], [ZB, "2023-01", "grid", 0.1]],
                        sites=False)
    assert "lacks energy" in " ".join(p.reason for p in problems)


def test_a_packaging_sheets_total_weight_beside_counts_and_unit_weights(ws, tmp_path):
    """blind3 packaging_counts_weights: 数量(个) is a count of boxes and 单重(g) each box's weight;
    总重(kg) is the material's mass."""
    path = write_workbook(tmp_path / "p.xlsx", {"包材": [
        ["业务单元", "开始日期", "结束日期", "包装材料", "规格", "数量(个)", "单重(g)", "总重(kg)"],
        ["菜鸟", *NOV, "纸箱", "3号箱", 100000, 180, 18000],
        ["菜鸟", *NOV, "塑料膜", "气泡袋", 50000, 12, 600]]})
    import_file(ws, path)
    assert sorted((r["material"], r["quantity"]) for r in ws.rows(Kind.PACKAGING)) == [
        ("board", 18000), ("film", 600)]


def test_a_packaging_count_alone_is_not_its_mass(ws, tmp_path):
    """What the rules could get wrong: only 数量(个) and 单重(g): no column is the mass; refused."""
    path = write_workbook(tmp_path / "p.xlsx", {"包材": [
        ["业务单元", "开始日期", "结束日期", "包装材料", "数量(个)", "单重(g)"],
        ["菜鸟", *NOV, "纸箱", 100000, 180]]})
    with pytest.raises(ImportRefused):
        import_file(ws, path)
    assert ws.rows(Kind.PACKAGING) == []


@pytest.mark.parametrize("header", ["kWh Meter Reading", "本次示数(kWh)", "Exported kWh", "上网电量(kWh)",
                                    "余电上网电量(kWh)", "Feed-in (kWh)"])
def test_a_register_reading_or_an_export_is_not_the_sites_use(ws, tmp_path, header):
    """blind3 kwh_meter_reading, pv_grid_export, solar_exported: a meter's register (122,404 then
    124,280) and solar sent to the grid were stored as the months' use, exit 0."""
    problems = _refused(ws, tmp_path, [["Site", "Month", "Source", header], [ZB, "2023-06", "solar", 4200]],
                        sites=False)
    assert "lacks energy" in " ".join(p.reason for p in problems) and ws.rows(Kind.ENERGY) == []


def test_every_qualified_column_is_named(ws, tmp_path):
    """`Avg kWh/Day` and `kWh Rate` both qualify energy away: the refusal names both."""
    problems = _refused(ws, tmp_path, [["Site", "Month", "Source", "Avg kWh/Day", "kWh Rate"],
                                       [ZB, "2023-01", "grid", 2356.67, 0.1]], sites=False)
    text = " ".join(p.reason for p in problems)
    assert "Avg kWh/Day" in text and "kWh Rate" in text


def test_a_bills_use_beside_its_readings_is_read(ws, tmp_path):
    """What the reading rule could get wrong: a bill with readings and its use (结算电量): the use
    is read, the readings are not."""
    got = _import(ws, tmp_path, [["Site", "Month", "Source", "上次示数", "本次示数", "倍率", "结算电量(kWh)"],
                                 [ZB, "2023-01", "grid", 52010.4, 54094.4, 600, 1250400]])
    assert got == approx({(ZB, *JAN, "grid"): 1250400})
