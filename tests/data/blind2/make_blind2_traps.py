"""Blind workbooks, second round: the traps (layouts where a plausible misreading gives wrong
figures). Written by make_blind2.py; expected figures are worked out by hand in
tests/core/test_read_blind2.py."""

from __future__ import annotations

from datetime import date

from make_blind2 import HERE, HZ, LDS, MAN, RNO, SZ, UL, ZB, write_csv, xlsx


def pivot_compact():
    """Excel's compact pivot: sites and sources in one Row Labels column, subtotals at the top."""
    rows = [["Sum of Energy (kWh)", "Column Labels"], ["Row Labels", "Jan 2023", "Feb 2023", "Grand Total"]]
    for site, groups in ((ZB, {"grid": [2350000, 2180000], "wind": [610000, 655000]}),
                         (UL, {"grid": [1820000, 1760000], "solar": [240000, 265000]})):
        jan, feb = sum(v[0] for v in groups.values()), sum(v[1] for v in groups.values())
        rows.append([site, jan, feb, jan + feb])
        rows += [[f"    {src}", a, b, a + b] for src, (a, b) in groups.items()]
    rows.append(["Grand Total", 2350000 + 610000 + 1820000 + 240000, 2180000 + 655000 + 1760000 + 265000,
                 2350000 + 610000 + 1820000 + 240000 + 2180000 + 655000 + 1760000 + 265000])
    xlsx("pivot_compact.xlsx", {"Pivot": rows}, bold=("Pivot!A3", "Pivot!A6"))


def eu_bill_csv():
    """A continental portal: semicolons, dd.mm.yyyy, whole kWh with a dot grouping thousands."""
    body = ["Meter point;Site;Period from;Period to;Consumption (kWh);Amount (EUR)",
            "DE0001;Manchester DC;16.01.2023;15.02.2023;48.210;16.391,40",
            "DE0001;Manchester DC;16.02.2023;15.03.2023;45.120;15.340,80",
            "DE0002;Leeds Store;16.01.2023;15.02.2023;6.110;2.077,40",
            "DE0002;Leeds Store;16.02.2023;15.03.2023;5.870;1.995,80"]
    (HERE / "eu_bill.csv").write_text("\r\n".join(body) + "\r\n", encoding="utf-8")


def cn_register_bill():
    """Meter register readings beside the billed kWh: 结算电量 = (本次示数 - 上次示数) x 倍率."""
    xlsx("cn_register_bill.xlsx", {"抄表": [
        ["站点", "抄表月份", "上次示数", "本次示数", "倍率", "结算电量(千瓦时)"],
        [HZ, "2023年5月", 12345.6, 12467.8, 200, 24440], [HZ, "2023年6月", 12467.8, 12590.35, 200, 24510],
        [SZ, "2023年5月", 8810.25, 8841.5, 100, 3125], [SZ, "2023年6月", 8841.5, 8873.9, 100, 3240]]})


def us_demand():
    xlsx("us_demand.xlsx", {"Usage": [
        ["Site", "Service From", "Service To", "Usage (kWh)", "Peak Demand (kW)", "Charges ($)"],
        [RNO, "05/01/2023", "05/31/2023", 401250, 1480, 44137.5],
        [RNO, "06/01/2023", "06/30/2023", 428900, 1525, 47179.0]]})


def side_by_side_units():
    rows = [["Manchester (kWh)", None, None, None, None, "Reno (MWh)"],
            ["Site", "Month", "Source", "Energy (kWh)", None, "Site", "Month", "Source", "Energy (MWh)"],
            [MAN, "2023-07", "grid", 398100, None, RNO, "2023-07", "grid", 431.2],
            [MAN, "2023-08", "grid", 405300, None, RNO, "2023-08", "grid", 446.75]]
    xlsx("side_by_side_units.xlsx", {"Jul-Aug": rows})


def stacked_units():
    h = ["站点", "月份", "能源类型", "用电量"]
    xlsx("stacked_units.xlsx", {"用电": [
        ["深圳办公室"], ["单位：千瓦时"], h, [SZ, "2023年9月", "电网", 30120],
        [SZ, "2023年10月", "电网", 31980],
        [], [], ["张北数据中心"], ["单位：万千瓦时"], h, [ZB, "2023年9月", "电网", 228.6],
        [ZB, "2023年10月", "电网", 234.15]]})


def wide_half_year():
    jan_jun = [[ZB, "grid", 2301000, 2150400, 2288900, 2240100, 2295300, 2402000],
               [UL, "grid", 1790200, 1702300, 1815600, 1760900, 1802400, 1855000]]
    rows = [["Electricity (kWh)"], ["Site", "Source", "Jan 2023", "Feb 2023", "Mar 2023", "Apr 2023",
                                    "May 2023", "Jun 2023", "H1 2023"]]
    rows += [[*r, sum(r[2:])] for r in jan_jun]
    xlsx("wide_half_year.xlsx", {"H1": rows})


def cn_gb18030_csv():
    write_csv("cn_gb18030.csv", [["站点", "月份", "能源类型", "用电量（kWh）"],
                                 [HZ, "2023年7月", "电网", "398,200"], [HZ, "2023年8月", "电网", "412,750"],
                                 [HZ, "2023年7月", "光伏", "55,300"]], encoding="gb18030")


def hidden_estimate_column():
    xlsx("hidden_estimate_column.xlsx", {"Energy": [
        ["Site", "Month", "Source", "Estimated (kWh)", "Actual (kWh)"],
        [LDS, "2023-09", "grid", 60000, 58210], [LDS, "2023-10", "grid", 60000, 61475],
        [LDS, "2023-11", "grid", 62000, 63980]]}, hidden_cols={"Energy": ["D"]})


def uk_financial_year():
    """A UK fiscal-year sheet: April to March, months without their year, the year in the title."""
    months = ["Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec", "Jan", "Feb", "Mar"]
    rows = [["Electricity consumption FY2023/24 (kWh)"], ["Site", "Source", *months],
            [LDS, "grid", 57900, 59300, 62100, 64050, 63720, 60110, 59840, 61500, 66230, 67010, 63300, 61980]]
    xlsx("uk_financial_year.xlsx", {"FY23-24": rows})


def two_years_merged():
    """Two years side by side: 2022年 and 2023年 merged over their 1月-3月."""
    rows = [["各站点用电量（万千瓦时）"], ["站点", "能源类型", "2022年", None, None, "2023年", None, None],
            [None, None, "1月", "2月", "3月", "1月", "2月", "3月"],
            [ZB, "电网", 701.2, 655.8, 690.4, 812.35, 760.1, 798.42],
            [UL, "电网", 955.0, 901.3, 940.75, 1020.4, 980.05, 1011.2]]
    xlsx("two_years_merged.xlsx", {"用电": rows}, merges={"用电": ["A2:A3", "B2:B3", "C2:E2", "F2:H2"]})


def us_read_dates():
    """Meter read dates: each period runs from one read to the next, so the read day is in both."""
    xlsx("us_read_dates.xlsx", {"Reads": [
        ["Site", "Previous Read Date", "Current Read Date", "Usage (kWh)"],
        [RNO, "01/16/2023", "02/16/2023", 412800], [RNO, "02/16/2023", "03/16/2023", 398100],
        [RNO, "03/16/2023", "04/17/2023", 420600]]})


def eu_decimal_comma_csv():
    """Decimal commas: 412,5 says the comma is the decimal mark, so 405,125 is 405.125 MWh."""
    (HERE / "eu_decimal_comma.csv").write_text(
        "Site;Month;Source;Consumption (MWh)\r\n" + "".join(
            f"{s};{m};grid;{v}\r\n" for s, m, v in (
                (MAN, "2023-04", "412,5"), (MAN, "2023-05", "398,75"), (MAN, "2023-06", "405,125"),
                (LDS, "2023-04", "61,2"), (LDS, "2023-05", "59,875"))), encoding="utf-8")


def solar_export_negative():
    """A site meter's net reading: negative when the roof exported more than the site drew."""
    xlsx("solar_export_negative.xlsx", {"Net": [
        ["Site", "Month", "Source", "Net import (kWh)"],
        [LDS, "2023-05", "grid", 1250], [LDS, "2023-06", "grid", -1480], [LDS, "2023-07", "grid", 980]]})


def logistics_tkm():
    """A carrier sheet with tonne-km beside distance and emissions given as Total CO2e, t."""
    xlsx("logistics_tkm.xlsx", {"Lanes": [
        ["Business unit", "Campaign", "Orders", "Vehicle", "Distance (km)", "Weight (tonnes)",
         "Tonne-km", "Total CO2e, t"],
        ["Cainiao", "Double 11 2023", 880000, "truck diesel", 152400, 2210.5, 3368802.0, 139.8],
        ["Cainiao", "Double 11 2023", 210000, "van diesel", 48700, 96.4, 4694.68, 12.65]]})


def eu_mwh_three_decimals_csv():
    """Decimal commas with three decimals: 412,500 MWh is 412.5 MWh (the dates and amounts say so)."""
    body = ["Meter point;Site;Period from;Period to;Consumption (MWh);Amount (EUR)",
            "DE0001;Manchester DC;01.04.2023;30.04.2023;412,500;140.250,00",
            "DE0001;Manchester DC;01.05.2023;31.05.2023;398,750;135.575,00",
            "DE0002;Leeds Store;01.04.2023;30.04.2023;61,200;20.808,00"]
    (HERE / "eu_mwh_three_decimals.csv").write_text("\r\n".join(body) + "\r\n", encoding="utf-8")


def cn_sites_regions():
    """The analyst's own sites sheet: grid regions written as the grid companies are named."""
    xlsx("cn_sites_regions.xlsx", {"站点信息": [
        ["站点名称", "类型", "所属电网", "国家"],
        ["廊坊仓", "仓库", "华北电网", "中国"], ["武汉仓", "仓库", "华中电网", "中国"],
        ["成都办公室", "办公室", "西南电网", "中国"]]})


def transposed_site_units():
    """Sites across, each header with its unit."""
    rows = [["Month", f"{ZB} (MWh)", f"{UL} (MWh)"],
            ["2023-07", 2305.4, 1810.25], ["2023-08", 2410.0, 1862.5], ["2023-09", 2288.75, 1799.0]]
    xlsx("transposed_site_units.xlsx", {"Grid": rows})


def wide_prior_year():
    """A management report: this year's months, their total, and last year's same months to compare."""
    months = [[HZ, "电网", 352000, 338500, 361200], [SZ, "电网", 28400, 26900, 29150]]
    prior = {HZ: 1001300, SZ: 80120}
    rows = [["2023年一季度用电量（kWh）"],
            ["站点", "能源类型", "2023年1月", "2023年2月", "2023年3月", "2023年1-3月", "2022年1-3月"]]
    rows += [[*r, sum(r[2:]), prior[r[0]]] for r in months]
    xlsx("wide_prior_year.xlsx", {"一季度": rows})


def of_which_green():
    """A total column and an 'of which green power' column: the green kWh are inside the total."""
    xlsx("of_which_green.xlsx", {"用电": [
        ["站点", "月份", "能源类型", "总用电量（kWh）", "其中：绿电交易电量（kWh）"],
        [ZB, "2023年7月", "电网", 3120000, 820000], [ZB, "2023年8月", "电网", 3245000, 905000]]})


def packaging_boxes():
    """Packaging counted in boxes: not a mass."""
    xlsx("packaging_boxes.xlsx", {"Packaging": [
        ["Business unit", "Campaign", "Material", "Quantity", "Unit"],
        ["Cainiao", "Double 11 2023", "board", 1200000, "boxes"],
        ["Cainiao", "Double 11 2023", "film", 42500, "kg"]]})


def blank_site_row():
    """A plain table (not a pivot) with one row whose site is blank: a shared meter not yet allocated."""
    xlsx("blank_site_row.xlsx", {"Energy": [
        ["Site", "Month", "Source", "Energy (kWh)"],
        [MAN, "2023-10", "grid", 401200], [None, "2023-10", "grid", 15300], [LDS, "2023-10", "grid", 60150],
        ["Total", None, None, 476650]]})


def cn_period_range_cell():
    """A bill's billing period in one cell: 2023.01.16-2023.02.15."""
    xlsx("cn_period_range_cell.xlsx", {"电费": [
        ["站点", "计费周期", "能源类型", "结算电量（千瓦时）"],
        [HZ, "2023.01.16-2023.02.15", "电网", 189700], [HZ, "2023.02.16-2023.03.15", "电网", 178350],
        [HZ, "2023.03.16-2023.04.15", "电网", 184700]]})


def us_two_digit_years():
    xlsx("us_two_digit_years.xlsx", {"Bills": [
        ["Site", "Start Date", "End Date", "kWh"],
        [RNO, "1/17/23", "2/15/23", 412800], [RNO, "2/16/23", "3/16/23", 398100],
        [RNO, "3/17/23", "4/17/23", 420600]]})


def thousands_kwh():
    """Figures in thousands of kWh, said in the header."""
    xlsx("thousands_kwh.xlsx", {"Energy": [
        ["Site", "Month", "Source", "Consumption ('000 kWh)"],
        [MAN, "2023-10", "grid", 401.2], [MAN, "2023-11", "grid", 415.75], [LDS, "2023-10", "grid", 60.15]]})


def cn_wan_du():
    """万度 is 10^4 kWh (度 = kWh)."""
    xlsx("cn_wan_du.xlsx", {"用电": [
        ["站点", "月份", "能源类型", "用电量（万度）"],
        [ZB, "2023年10月", "电网", 231.05], [ZB, "2023年11月", "电网", 240.5],
        [UL, "2023年10月", "电网", 180.2]]})


def cn_wan_orders():
    """订单量（万单）: orders in ten thousands."""
    xlsx("cn_wan_orders.xlsx", {"配送": [
        ["业务单元", "活动名称", "订单量（万单）", "碳排放（吨CO2e）"],
        ["天猫", "Double 11 2023", 1250.5, 4210.3], ["饿了么", "Double 11 2023", 320.25, 655.0]]})


def unit_spellings():
    """A Unit column written as people write it: kW·h, KWH, MW·h, 万kWh, 千瓦·时."""
    xlsx("unit_spellings.xlsx", {"Energy": [
        ["Site", "Month", "Source", "Energy", "Unit"],
        [SZ, "2023-07", "grid", 30120, "kW·h"], [SZ, "2023-08", "grid", 31980, "KWH"],
        [SZ, "2023-09", "grid", 29.75, "MW·h"], [HZ, "2023-07", "grid", 39.82, "万kWh"],
        [HZ, "2023-08", "grid", 41275, "千瓦·时"]]})


def month_end_date_headers():
    """Month columns headed by Excel month-end dates (EOMONTH), shown as mmm-yy."""
    ends = [date(2023, 1, 31), date(2023, 2, 28), date(2023, 3, 31)]
    rows = [["Electricity (kWh)"], ["Site", "Source", *ends],
            [MAN, "grid", 402100, 388700, 410250], [LDS, "grid", 61200, 58750, 60400]]
    xlsx("month_end_date_headers.xlsx", {"Q1": rows},
         formats={"Q1": {f"{c}2": "mmm-yy" for c in "CDE"}})


def budget_actual_variance():
    """A controller's sheet: budget, actual and variance, all in kWh."""
    xlsx("budget_actual_variance.xlsx", {"Energy": [
        ["Site", "Month", "Source", "Budget (kWh)", "Actual (kWh)", "Variance (kWh)"],
        [MAN, "2023-10", "grid", 395000, 401200, 6200], [MAN, "2023-11", "grid", 410000, 415750, 5750],
        [LDS, "2023-10", "grid", 62000, 60150, -1850]]})


def site_name_spaces():
    """Site names as exports leave them: a trailing space, a non-breaking space, a full-width space."""
    xlsx("site_name_spaces.xlsx", {"Energy": [
        ["Site", "Month", "Source", "Energy (kWh)"],
        ["Manchester DC ", "2023-12", "grid", 420300], ["Leeds\u00a0Store", "2023-12", "grid", 64100],
        ["深圳办公室\u3000", "2023-12", "电网", 33800]]})


def merged_site_cells():
    """A Chinese report: each site's name merged down over its rows."""
    rows = [["站点", "月份", "能源类型", "用电量（kWh）"],
            [HZ, "2023年10月", "电网", 405100], [None, "2023年11月", "电网", 398700],
            [None, "2023年10月", "光伏", 41200],
            [SZ, "2023年10月", "电网", 31200], [None, "2023年11月", "电网", 30450]]
    xlsx("merged_site_cells.xlsx", {"用电": rows}, merges={"用电": ["A2:A4", "A5:A6"]})


def csv_with_bom():
    """Excel's 'CSV UTF-8': a byte-order mark before the first header."""
    write_csv("csv_with_bom.csv", [["Site", "Month", "Source", "Energy (kWh)"],
                                   [MAN, "2023-12", "grid", 420300], [LDS, "2023-12", "grid", 64100]],
              encoding="utf-8-sig")


def csv_utf16_tabs():
    """Excel's 'Unicode Text': UTF-16 with tabs."""
    text = "Site\tMonth\tSource\tEnergy (kWh)\r\n" + f"{MAN}\t2023-12\tgrid\t420300\r\n"
    (HERE / "csv_utf16_tabs.csv").write_bytes(text.encode("utf-16"))


def accounting_negative():
    """An accounting format: a net export written (1,480)."""
    xlsx("accounting_negative.xlsx", {"Energy": [
        ["Site", "Month", "Source", "Energy (kWh)"],
        [LDS, "2023-05", "grid", "1,250"], [LDS, "2023-06", "grid", "(1,480)"],
        [LDS, "2023-07", "grid", "980"]]})


def french_spaces_csv():
    """French thousands: a (narrow) no-break space; comma decimals."""
    body = ["Site;Mois;Source;Consommation (kWh)", f"{MAN};2023-10;grid;401\u202f200",
            f"{MAN};2023-11;grid;415\u00a0750,5", f"{LDS};2023-10;grid;60 150"]
    (HERE / "french_spaces.csv").write_text("\r\n".join(body) + "\r\n", encoding="utf-8")


def packaging_per_order():
    """Packaging given per order: grams of board per order, and the orders."""
    xlsx("packaging_per_order.xlsx", {"Packaging": [
        ["Business unit", "Campaign", "Material", "Orders", "Weight per order (g)"],
        ["Tmall", "Double 11 2023", "board", 1200000, 180],
        ["Tmall", "Double 11 2023", "film", 1200000, 12.5]]})


def initiatives_units():
    """A factor in grams per order and a reduction in kg."""
    xlsx("initiatives_units.xlsx", {"Initiatives": [
        ["Initiative", "Business unit", "Campaign", "Activity", "Activity unit", "Factor (g CO2e per order)",
         "Reduction (kg CO2e)"],
        ["No cutlery", "Ele.me", "Double 11 2023", 15000000, "order", 20, None],
        ["Slim boxes", "Cainiao", "Double 11 2023", None, None, None, 86500]]})


def deliveries_per_order():
    """A carrier quoting grams of CO2e per parcel."""
    xlsx("deliveries_per_order.xlsx", {"Deliveries": [
        ["Business unit", "Campaign", "Orders", "Emissions per order (g CO2e)"],
        ["Tmall", "Black Friday 2023", 86400, 109.0], ["Cainiao", "Black Friday 2023", 64000, 290.6]]})


def us_daily_average():
    """A bill summary that gives the days and the average daily use, not the total."""
    xlsx("us_daily_average.xlsx", {"Bills": [
        ["Site", "Bill Start", "Bill End", "Days", "Avg. Daily Usage (kWh/day)"],
        [RNO, "05/01/2023", "05/31/2023", 31, 12943.5], [RNO, "06/01/2023", "06/30/2023", 30, 14296.7]]})


def deliveries_computed_miles():
    """Emissions left blank: distance in miles and the vehicle, for the factor."""
    xlsx("deliveries_computed_miles.xlsx", {"Deliveries": [
        ["Business unit", "Campaign", "Orders", "Vehicle", "Distance (miles)", "Emissions (t CO2e)"],
        ["Cainiao", "Black Friday 2023", 64000, "van diesel", 10000, None]]})


# --- headers whose qualifier changes the meaning: saved, last year, target, per day, avoided, per order --


def energy_saved():
    """An energy-savings tracker: kWh saved by the LED retrofit, per month."""
    xlsx("energy_saved.xlsx", {"LED retrofit": [
        ["Site", "Month", "Source", "Energy saved (kWh)"],
        [MAN, "2023-10", "grid", 18200], [MAN, "2023-11", "grid", 19450], [LDS, "2023-10", "grid", 2300]]})


def cn_prior_year_only():
    """A year-on-year sheet that kept only last year's column: 上年同期 = the same month of 2022."""
    xlsx("cn_prior_year_only.xlsx", {"同比": [
        ["站点", "月份", "能源类型", "上年同期用电量（kWh）"],
        [HZ, "2023年10月", "电网", 371500], [HZ, "2023年11月", "电网", 365200]]})


def actual_and_targets():
    """Actual months on one sheet, the year's targets on another."""
    h = ["Site", "Month", "Source"]
    xlsx("actual_and_targets.xlsx", {
        "Actual": [[*h, "Energy (kWh)"], [MAN, "2023-01", "grid", 402100], [MAN, "2023-02", "grid", 388700]],
        "Targets": [[*h, "Target energy (kWh)"],
                    *[[MAN, f"2023-{m:02d}", "grid", 380000] for m in range(3, 13)]]})


def energy_per_day():
    xlsx("energy_per_day.xlsx", {"Energy": [
        ["Site", "Month", "Source", "Energy use per day (kWh)"],
        [MAN, "2023-10", "grid", 12942], [MAN, "2023-11", "grid", 13858]]})


def avoided_deliveries():
    """A green-logistics report: orders delivered by electric vans and the emissions they avoided."""
    xlsx("avoided_deliveries.xlsx", {"EV vans": [
        ["Business unit", "Campaign", "Orders", "Avoided emissions (t CO2e)"],
        ["Cainiao", "Double 11 2023", 430000, 52.4], ["Tmall", "Double 11 2023", 125000, 14.9]]})


def cn_per_parcel():
    xlsx("cn_per_parcel.xlsx", {"配送": [
        ["业务单元", "活动名称", "订单量", "单均碳排放（g）"],
        ["天猫", "Double 11 2023", 12505000, 336.7], ["饿了么", "Double 11 2023", 3202500, 204.5]]})


def csv_month_as_number():
    """Months typed as 2023.10 in Excel become the number 2023.1; its CSV says 2023.1."""
    write_csv("csv_month_as_number.csv", [["站点", "月份", "能源类型", "用电量（kWh）"], *[
        [HZ, m, "电网", v] for m, v in (("2023.8", 412750), ("2023.9", 401300), ("2023.1", 405100),
                                        ("2023.11", 398700), ("2023.12", 421050))]])


# --- two statements that disagree, and a second file that corrects part of a summed row ------------


def unit_conflict_cn():
    """A 单位 line says 万千瓦时, the header says kWh."""
    xlsx("unit_conflict_cn.xlsx", {"用电": [
        ["单位：万千瓦时"], ["站点", "月份", "能源类型", "用电量（kWh）"],
        [ZB, "2023年12月", "电网", 240.12], [UL, "2023年12月", "电网", 185.6]]})


def unit_conflict_en():
    """The title says MWh, the header says kWh."""
    xlsx("unit_conflict_en.xlsx", {"Energy": [
        ["Electricity use (MWh)"], ["Site", "Month", "Source", "Energy (kWh)"],
        [MAN, "2023-12", "grid", 420.3], [LDS, "2023-12", "grid", 64.1]]})


def cn_bill_correction():
    """The utility re-issues meter 1302's bill for 16 Jan - 15 Feb (after cn_bill_meters.xlsx)."""
    xlsx("cn_bill_correction.xlsx", {"更正账单": [
        ["户号", "户名", "电表编号", "抄表起日", "抄表止日", "本期电量(千瓦时)"],
        ["330101302", HZ, "1302", "2023/01/16", "2023/02/15", "66,100"]]})


# --- formulas (cached by LibreOffice), and a site whose region has no factor yet --------------------


def formulas_source():
    """Billed kWh as formulas of the register readings; openpyxl saves no cached values (LibreOffice does)."""
    rows = [["站点", "抄表月份", "能源类型", "上次示数", "本次示数", "倍率", "结算电量(千瓦时)"]]
    for r, (site, month, a, b, k) in enumerate(((HZ, "2023年5月", 12345.6, 12467.8, 200),
                                                 (HZ, "2023年6月", 12467.8, 12590.35, 200),
                                                 (SZ, "2023年5月", 8810.25, 8841.5, 100)), start=2):
        rows.append([site, month, "电网", a, b, k, f"=ROUND((E{r}-D{r})*F{r},0)"])
    rows.append(["合计", None, None, None, None, None, "=SUM(G2:G4)"])
    xlsx("formulas_source.xlsx", {"抄表": rows})


def new_site_unknown_region():
    """A new site in a region no factor covers yet, with its first months."""
    xlsx("new_site_unknown_region.xlsx", {
        "Sites": [["Site", "Type", "Grid region", "Country"],
                  ["Glasgow DC", "distribution center", "Scotland", "United Kingdom"]],
        "Energy": [["Site", "Month", "Source", "Energy (kWh)"], ["Glasgow DC", "2023-11", "grid", 210400],
                   ["Glasgow DC", "2023-12", "grid", 225900]]})


def no_unit_literal():
    """A distribution centre's months in MWh, the unit written nowhere (as no_unit.xlsx)."""
    xlsx("no_unit_literal.xlsx", {"Usage": [
        ["Site", "Month", "Source", "Consumption"], [MAN, "2023-07", "grid", 398.1],
        [MAN, "2023-08", "grid", 405.3]]})


def formulas_wide():
    """A wide sheet with a month left as a formula: =NA() (not read yet), =1/0 (a broken ratio)."""
    xlsx("formulas_wide.xlsx", {"Wide": [
        ["Electricity (kWh)"], ["Site", "Source", "Jan 2023", "Feb 2023", "Mar 2023"],
        [MAN, "grid", 402100, "=NA()", 410250], [LDS, "grid", 61200, 58750, "=1/0"]]})


# --- tables of two kinds in one sheet ------------------------------------------------------------------

GLASGOW = ["Glasgow DC", "distribution center", "United Kingdom", "United Kingdom"]


def sites_beside_energy():
    """A new site's details on the left, its first months on the right, one sheet."""
    xlsx("sites_beside_energy.xlsx", {"New site": [
        ["Site", "Type", "Grid region", "Country", None, "Site", "Month", "Source", "Energy (kWh)"],
        [*GLASGOW, None, "Glasgow DC", "2023-11", "grid", 210400],
        [None, None, None, None, None, "Glasgow DC", "2023-12", "grid", 225900]]})


def sites_above_energy():
    xlsx("sites_above_energy.xlsx", {"New site": [
        ["Sites"], ["Site", "Type", "Grid region", "Country"], GLASGOW, [], [],
        ["Energy"], ["Site", "Month", "Source", "Energy (kWh)"], ["Glasgow DC", "2023-11", "grid", 210400],
        ["Glasgow DC", "2023-12", "grid", 225900]]})


ALL = (pivot_compact, eu_bill_csv, cn_register_bill, us_demand, side_by_side_units, stacked_units,
       wide_half_year, cn_gb18030_csv, hidden_estimate_column,
       uk_financial_year, two_years_merged, us_read_dates, eu_decimal_comma_csv, solar_export_negative,
       logistics_tkm, eu_mwh_three_decimals_csv, cn_sites_regions, transposed_site_units,
       wide_prior_year, of_which_green, packaging_boxes, blank_site_row, cn_period_range_cell,
       us_two_digit_years, thousands_kwh, cn_wan_du, cn_wan_orders, unit_spellings, month_end_date_headers,
       budget_actual_variance, site_name_spaces, merged_site_cells, csv_with_bom, csv_utf16_tabs,
       accounting_negative, french_spaces_csv, packaging_per_order, initiatives_units,
       deliveries_per_order, us_daily_average, deliveries_computed_miles, energy_saved, cn_prior_year_only,
       actual_and_targets, energy_per_day, avoided_deliveries, cn_per_parcel, csv_month_as_number,
       unit_conflict_cn, unit_conflict_en, cn_bill_correction, formulas_source, new_site_unknown_region,
       no_unit_literal, formulas_wide, sites_beside_energy, sites_above_energy)
