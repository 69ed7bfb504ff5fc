"""Blind workbooks, second round (helper H6): written as utilities, ERPs, carriers and analysts
write them, without reading the import engine. Run: `.venv/bin/python tests/data/blind2/make_blind2.py`
(add `--libreoffice` to also re-save the lo_* files through `soffice --headless`).

Deterministic: fixed document properties and zip timestamps, so a re-run rewrites the same bytes.
The expected stored figures are NOT here: tests/core/test_read_blind2.py works them out by hand.
`_base.xlsx` is the analyst's workspace before the blind file: sites and campaigns in the template.
"""

from __future__ import annotations

import csv
import io
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from datetime import date, datetime
from pathlib import Path

import openpyxl
from openpyxl.styles import Font

HERE = Path(__file__).resolve().parent
FIXED = datetime(2024, 1, 2, 3, 4, 5)
ZB, UL, HZ, SZ, MAN, LDS, RNO = ("Zhangbei DC", "Ulanqab DC", "杭州仓", "深圳办公室",
                                 "Manchester DC", "Leeds Store", "Reno FC")


def xlsx(name, sheets, merges=None, hidden_rows=None, formats=None, bold=(), hidden_cols=None):
    """sheets: sheet -> rows (None = empty cell); merges: sheet -> ranges; hidden_rows: sheet -> row
    numbers; formats: sheet -> {cell: number format}."""
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for title, rows in sheets.items():
        sh = wb.create_sheet(title)
        for row in rows:
            sh.append(row)
        for rng in (merges or {}).get(title, []):
            sh.merge_cells(rng)
        for r in (hidden_rows or {}).get(title, []):
            sh.row_dimensions[r].hidden = True
        for col in (hidden_cols or {}).get(title, []):
            sh.column_dimensions[col].hidden = True
        for ref, fmt in (formats or {}).get(title, {}).items():
            sh[ref].number_format = fmt
        for ref in bold:
            if ref.startswith(title + "!"):
                sh[ref.split("!")[1]].font = Font(bold=True)
    wb.properties.created = wb.properties.modified = FIXED
    wb.properties.creator = "blind2"
    buf = io.BytesIO()
    wb.save(buf)
    _fixed_zip(buf.getvalue(), HERE / name)


def _fixed_zip(data: bytes, out: Path) -> None:
    src = zipfile.ZipFile(io.BytesIO(data))
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            body = src.read(info.filename)
            if info.filename == "docProps/core.xml":  # openpyxl stamps 'modified' at save
                body = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)",
                              rb"\g<1>2024-01-02T03:04:05Z\g<2>", body)
            dst.writestr(zipfile.ZipInfo(info.filename, date_time=(2024, 1, 2, 3, 4, 6)), body,
                         zipfile.ZIP_DEFLATED)


def write_csv(name, rows, encoding="utf-8"):
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\r\n").writerows(rows)
    (HERE / name).write_bytes(buf.getvalue().encode(encoding))


def base():
    xlsx("_base.xlsx", {
        "Sites": [["Site", "Type", "Grid region", "Country"],
                  [ZB, "data center", "North China", "China"],
                  [UL, "data center", "Inner Mongolia", "China"],
                  [HZ, "warehouse", "East China", "China"],
                  [SZ, "office", "South China", "China"],
                  [MAN, "distribution center", "United Kingdom", "United Kingdom"],
                  [LDS, "store", "United Kingdom", "United Kingdom"],
                  [RNO, "warehouse", "United States", "United States"]],
        "Campaigns": [["Campaign", "Start", "End", "Baseline"],
                      ["6.18 2023", date(2023, 6, 1), date(2023, 6, 18), None],
                      ["Double 11 2023", date(2023, 10, 20), date(2023, 11, 11), None],
                      ["Black Friday 2023", date(2023, 11, 24), date(2023, 11, 27), None]]})


# --- energy: bills and meters --------------------------------------------------------------------

BILL = {(HZ, "1301"): [125400, 118200, 121900], (HZ, "1302"): [64300, 60150, 62800],
        (SZ, "2201"): [38420, 35110, 37290], (SZ, "2202"): [12050, 11870, 12400]}
BILL_PERIODS = [("2023/01/16", "2023/02/15"), ("2023/02/16", "2023/03/15"),
                ("2023/03/16", "2023/04/15")]


def cn_bill_meters():
    rows = [["国网浙江省电力有限公司 电费账单明细"], ["导出时间：2023-05-02 09:14　　户数：2"], [],
            ["户号", "户名", "电表编号", "抄表起日", "抄表止日", "本期电量(千瓦时)", "电价(元/千瓦时)",
             "电费(元)"]]
    kwh = fee = 0
    for (site, meter), values in BILL.items():
        for (a, b), v in zip(BILL_PERIODS, values, strict=True):
            rows.append(["33010" + meter, site, meter, a, b, f"{v:,}", 0.6523, round(v * 0.6523, 2)])
            kwh, fee = kwh + v, fee + round(v * 0.6523, 2)
    rows += [["合计", None, None, None, None, f"{kwh:,}", None, round(fee, 2)],
             ["注：电量为有功总电量，不含力调电费。"]]
    xlsx("cn_bill_meters.xlsx", {"电费账单": rows})


def cn_bill_wan():
    data = [(ZB, "2023年1月", "电网", None, 812.35), (ZB, "2023年1月", "风电", "绿电交易", 230.5),
            (ZB, "2023年2月", "电网", None, 760.1), (ZB, "2023年2月", "风电", "绿电交易", 245.25),
            (UL, "2023年1月", "电网", None, 1020.4), (UL, "2023年1月", "光伏", "分布式自发自用", 88.6),
            (UL, "2023年2月", "电网", None, 980.05), (UL, "2023年2月", "光伏", "分布式自发自用", 95.15)]
    total = round(sum(r[4] for r in data), 2)
    xlsx("cn_bill_wan.xlsx", {"用电统计": [["2023年1-2月各站点用电量"], ["单位：万千瓦时"],
                                        ["站点名称", "月份", "能源类型", "采购方式", "用电量"],
                                        *[list(r) for r in data], ["合计", None, None, None, total],
                                        ["注：数据来源：国网结算单、绿电交易结算单。"]]})


def cn_du_wide():
    vals = {HZ: [1204500, 1187300, 1250800, 1302150], SZ: [86420, 80115, 91200, 88730]}
    rows = [["2023年1-4月用电量（度）"], ["站点", "2023.01", "2023.02", "2023.03", "2023.04"]]
    rows += [[s, *[f"{v:,}" for v in vs]] for s, vs in vals.items()]
    xlsx("cn_du_wide.xlsx", {"用电": rows})


def uk_bill_csv():
    rows = [["MPAN", "Site name", "Read start", "Read end", "Units (kWh)", "Cost (GBP)"]]
    data = [("1012345678901", MAN, "16/01/2023", "15/02/2023", 48210), ("1012345678902", MAN,
            "16/01/2023", "15/02/2023", 12300), ("1012345678901", MAN, "16/02/2023", "15/03/2023",
            45120), ("1012345678902", MAN, "16/02/2023", "15/03/2023", 11980),
            ("1098765432100", LDS, "16/01/2023", "15/02/2023", 6110), ("1098765432100", LDS,
            "16/02/2023", "15/03/2023", 5870)]
    rows += [[m, s, a, b, f"{v:,}", f"{v * 0.34:.2f}"] for m, s, a, b, v in data]
    write_csv("uk_bill.csv", rows)


def us_bill():
    xlsx("us_bill.xlsx", {"Bills": [
        ["Account Number", "Service Address", "Site", "Bill Start Date", "Bill End Date",
         "Usage (MWh)", "Amount Due ($)"],
        ["4410-22871", "1200 Logistics Way, Reno NV", RNO, "01/17/2023", "02/15/2023", 412.8, 45408.0],
        ["4410-22871", "1200 Logistics Way, Reno NV", RNO, "02/16/2023", "03/16/2023", 398.1, 43791.0],
        ["4410-22871", "1200 Logistics Way, Reno NV", RNO, "03/17/2023", "04/17/2023", 420.6, 46266.0]]})


def uk_ambiguous_csv(name="uk_ambiguous.csv", months=("01/01/2023", "01/02/2023", "01/03/2023")):
    write_csv(name, [["Site", "Month", "Consumption kWh"], *[
        [MAN, m, v] for m, v in zip(months, (51200, 47800, 50100), strict=True)]])


def erp_sap():
    data = [("1010", MAN, "01.2023", 412500.0), ("1010", MAN, "02.2023", 398750.5),
            ("1010", MAN, "03.2023", 405120.0), ("1020", LDS, "01.2023", 61250.25),
            ("1020", LDS, "02.2023", 58900.0), ("1020", LDS, "03.2023", 60410.75)]
    rows = [["Energy consumption report ZEN_CONS"], ["Company Code 1000  GreenLedger Logistics Ltd"],
            ["Selection: Fiscal year 2023, Posting period 001 to 003"], [],
            ["Plant", "Plant name", "Period", "Quantity", "Unit of measure"]]
    rows += [[p, s, m, f"{v:,.3f}", "KWH"] for p, s, m, v in data]
    rows.append(["Total", None, None, f"{sum(d[3] for d in data):,.3f}", "KWH"])
    xlsx("erp_sap.xlsx", {"Export": rows})


def pivot_en():
    rows = [["Year", "2023"], [], ["Site", "Source", "Month", "Sum of Energy (kWh)"]]
    for site, groups in ((ZB, {"grid": [2350000, 2180000], "wind": [610000, 655000]}),
                         (UL, {"grid": [1820000, 1760000], "solar": [240000, 265000]})):
        first = True
        for src, vals in groups.items():
            for i, (m, v) in enumerate(zip(("Jan 2023", "Feb 2023"), vals, strict=True)):
                rows.append([site if first else None, src if i == 0 else None, m, v])
                first = False
        rows.append([f"{site} Total", None, None, sum(sum(v) for v in groups.values())])
    rows.append(["Grand Total", None, None, 2350000 + 2180000 + 610000 + 655000 + 1820000 + 1760000
                 + 240000 + 265000])
    xlsx("pivot_en.xlsx", {"Pivot": rows})


PIVOT_CN = {HZ: {"电网": [352000, 338500, 361200], "光伏": [41200, 45800, 52300]},
            SZ: {"电网": [28400, 26900, 29150]}}


def pivot_cn(name="pivot_cn.xlsx"):
    rows = [["站点", "能源类型", "月份", "求和项:用电量(千瓦时)"]]
    grand = 0
    for site, groups in PIVOT_CN.items():
        first = True
        for src, vals in groups.items():
            for i, v in enumerate(vals):
                rows.append([site if first else None, src if i == 0 else None, f"2023年{i + 1}月", v])
                first = False
            rows.append([None, f"{src} 汇总", None, sum(vals)])
        rows.append([f"{site} 汇总", None, None, sum(sum(v) for v in groups.values())])
        grand += sum(sum(v) for v in groups.values())
    rows.append(["总计", None, None, grand])
    xlsx(name, {"数据透视": rows})


def transposed_sites():
    months = [date(2023, m, 1) for m in range(1, 7)]
    man = [402100, 388700, 410250, 395600, 401800, 420300]
    lds = [61200, 58750, 60400, 57900, 59300, 62100]
    rows = [["Electricity consumption (kWh) by site, 2023"], ["Month", MAN, LDS, "Total"]]
    rows += [[m, a, b, a + b] for m, a, b in zip(months, man, lds, strict=True)]
    rows.append(["Total", sum(man), sum(lds), sum(man) + sum(lds)])
    fmts = {f"A{r}": "mmm-yy" for r in range(3, 9)}
    xlsx("transposed_sites.xlsx", {"By site": rows}, formats={"By site": fmts})


def transposed_sources():
    rows = [["张北数据中心 2023年用电量（MWh）"], ["月份", "电网", "风电", "光伏"],
            ["2023年1月", 2410.5, 620.25, 80.1], ["2023年2月", 2205.75, 655.5, 92.4],
            ["2023年3月", 2380.0, 702.3, 110.65], ["2023年4月", 2290.2, 690.0, 121.3]]
    xlsx("transposed_sources.xlsx", {"Zhangbei": rows})


def side_by_side():
    h = ["Site", "Month", "Source", "Energy (kWh)"]
    left = [[ZB, f"2023-0{m}", "grid", v] for m, v in ((1, 2301000), (2, 2150400), (3, 2288900))]
    right = [[UL, f"2023-0{m}", "grid", v] for m, v in ((1, 1790200), (2, 1702300), (3, 1815600))]
    rows = [["Zhangbei", None, None, None, None, "Ulanqab"], [*h, None, *h]]
    rows += [[*a, None, *b] for a, b in zip(left, right, strict=True)]
    xlsx("side_by_side.xlsx", {"Q1 2023": rows})


def stacked():
    h = ["Site", "Period start", "Period end", "Source", "Energy (kWh)"]
    rows = [["Hangzhou warehouse"], h,
            [HZ, date(2023, 7, 1), date(2023, 7, 31), "grid", 398200],
            [HZ, date(2023, 8, 1), date(2023, 8, 31), "grid", 412750],
            [HZ, date(2023, 7, 1), date(2023, 7, 31), "solar", 55300], [], [],
            ["Shenzhen office"], h,
            [SZ, date(2023, 7, 1), date(2023, 7, 31), "grid", 31450],
            [SZ, date(2023, 8, 1), date(2023, 8, 31), "grid", 33020], [],
            ["Source: landlord sub-meter readings, exported 2023-09-05."]]
    fmts = {f"{c}{r}": "yyyy-mm-dd" for c in "BC" for r in (3, 4, 5, 10, 11)}
    xlsx("stacked.xlsx", {"Energy by site": rows}, formats={"Energy by site": fmts})


def units_in_cells_en():
    xlsx("units_in_cells_en.xlsx", {"Usage": [
        ["Site", "Period", "Source", "Consumption"],
        [MAN, "Jan 2023", "grid", "925,411 kWh"], [MAN, "Feb 2023", "grid", "1,479 MWh"],
        [MAN, "Mar 2023", "grid", "0.95 GWh"], [LDS, "Jan 2023", "grid", "61,250.5 kWh"]]})


def cn_magnitudes():
    xlsx("cn_magnitudes.xlsx", {"年度用电": [
        ["站点", "年份", "能源类型", "用电量（千瓦时）"],
        [ZB, "2022", "电网", "1.2亿"], [UL, "2022", "电网", "9,850万"], [SZ, "2022", "电网", "12.5万"]]})


def unit_column(name="unit_column.xlsx"):
    xlsx(name, {"Energy": [
        ["Site", "Month", "Source", "Quantity", "Unit"],
        [SZ, "2023-04", "grid", 31250, "kWh"], [SZ, "2023-05", "grid", 33.4, "MWh"],
        [SZ, "2023-06", "grid", 3.51, "万千瓦时"], [HZ, "2023-04", "grid", 402300, "度"],
        [HZ, "2023-05", "grid", 398.5, "千度"], [HZ, "2023-06", "grid", 1440, "GJ"]]})


WIDE_CN = [(ZB, "电网", [812.35, 760.1, 798.42, 770.0, 801.15, 846.3]),
           (ZB, "风电", [230.5, 245.25, 260.0, 251.75, 240.4, 238.6]),
           (UL, "电网", [1020.4, 980.05, 1011.2, 995.5, 1002.3, 1040.0])]


def wide_cn_months():
    rows = [["2023年各站点用电量（万千瓦时）"],
            ["站点", "能源类型", *[f"2023年{m}月" for m in range(1, 7)], "合计"]]
    rows += [[s, src, *v, round(sum(v), 2)] for s, src, v in WIDE_CN]
    cols = [round(sum(r[2][i] for r in WIDE_CN), 2) for i in range(6)]
    rows.append(["合计", None, *cols, round(sum(cols), 2)])
    xlsx("wide_cn_months.xlsx", {"用电量": rows})


def wide_dot_merged():
    rows = [["2023年1-4月 各站点用电"], [], ["站点", "能源类型", "用电量（MWh）", None, None, None],
            [None, None, "2023.01", "2023.02", "2023.03", "2023.04"],
            [HZ, "电网", 352.0, 338.5, 361.2, 349.9], [HZ, "光伏", 41.2, 45.8, 52.3, 58.05],
            [SZ, "电网", 28.4, 26.9, 29.15, 27.6]]
    xlsx("wide_dot_merged.xlsx", {"Sheet1": rows}, merges={"Sheet1": ["A3:A4", "B3:B4", "C3:F3"]})


def wide_jan23_hidden(name="wide_jan23_hidden.xlsx"):
    months = ["Jan-23", "Feb-23", "Mar-23", "Apr-23", "May-23", "Jun-23"]
    rows = [["Electricity consumption, kWh"], ["Site", "Source", "Instrument", *months],
            [MAN, "grid", None, 402100, 388700, 410250, 395600, 401800, 420300],
            [MAN, "solar", "on-site", 8200, 11350, 15900, 19800, 22400, 24100],
            [LDS, "grid", None, 61200, 58750, 60400, 57900, 59300, 62100],
            [LDS, "solar", "on-site", 900, 1250, 1710, 2050, 2380, 2510],
            ["Note: Leeds solar row hidden by the filter on Source; figures from the inverter."]]
    xlsx(name, {"Monthly": rows}, hidden_rows={"Monthly": [6]})


def running_total():
    cum = [100200, 205350, 312900, 418100, 521700, 629450]
    xlsx("running_total.xlsx", {"累计": [
        ["站点", "月份", "能源类型", "本年累计用电量（kWh）"],
        *[[SZ, f"2023年{m}月", "电网", v] for m, v in zip(range(1, 7), cum, strict=True)]]})


def overlap():
    xlsx("overlap.xlsx", {"Energy": [
        ["Site", "Period start", "Period end", "Source", "Energy (kWh)"],
        [ZB, "2023-01-01", "2023-01-31", "grid", 2301000],
        [ZB, "2023-01-15", "2023-02-14", "grid", 2240000],
        [ZB, "2023-02-15", "2023-03-14", "grid", 2198000]]})


def no_unit(name="no_unit.xlsx"):
    xlsx(name, {"Usage": [["Site", "Month", "Source", "Consumption"],
                          [ZB, "2023-01", "grid", 2301.5], [ZB, "2023-02", "grid", 2150.25],
                          [UL, "2023-01", "grid", 1790.2]]})


def reactive_unit():
    xlsx("reactive_unit.xlsx", {"Meter": [
        ["Site", "Month", "Source", "Reading", "Unit"],
        [MAN, "2023-01", "grid", 402100, "kWh"], [MAN, "2023-01", "grid", 48200, "kVArh"],
        [MAN, "2023-02", "grid", 388700, "kWh"]]})


def template_plus():
    months = [(date(2023, 9, 1), date(2023, 9, 30)), (date(2023, 10, 1), date(2023, 10, 31)),
              (date(2023, 11, 1), date(2023, 11, 30))]
    zb, ul = [2250000, 2310500, 2402000], [1750200, 1802400, 1855000]
    energy = [["Site", "Period start", "Period end", "Source", "Energy (kWh)", "Instrument"]]
    energy += [[ZB, a, b, "grid", v, None] for (a, b), v in zip(months, zb, strict=True)]
    energy += [[UL, a, b, "grid", v, None] for (a, b), v in zip(months, ul, strict=True)]
    xlsx("template_plus.xlsx", {
        "Read me": [["GreenLedger import template, version 1"], ["Fill in the sheets below."]],
        "Energy": energy,
        "Summary": [["Site", "Total Sep-Nov 2023 (kWh)", "Share of total"],
                    [ZB, sum(zb), round(sum(zb) / (sum(zb) + sum(ul)), 3)],
                    [UL, sum(ul), round(sum(ul) / (sum(zb) + sum(ul)), 3)]],
        "Notes": [["Checked against the meter portal on 2023-12-04 by J. Smith."]]})


def totals_mismatch():
    xlsx("totals_mismatch.xlsx", {"Energy": [
        ["Site", "Month", "Source", "Energy (kWh)"],
        [HZ, "2023-09", "grid", 398200], [HZ, "2023-10", "grid", 412750],
        [HZ, "2023-11", "grid", 405100], ["Total", None, None, 1261050]]})


# --- deliveries, packaging, campaigns, initiatives -------------------------------------------------

def logistics_en():
    data = [("Cainiao", "Double 11 2023", 1250000, "truck diesel", 84500, 3120.5, 71230.4),
            ("Cainiao", "Double 11 2023", 430000, "van electric", 112300, 410.2, 9880.0),
            ("Tmall", "Black Friday 2023", 86400, "van diesel", 21950, 95.3, 9420.7)]
    rows = [["Carrier emissions report - Q4 2023"], ["Prepared by: carrier EU operations"], [],
            ["Business unit", "Campaign name", "Number of orders", "Vehicle",
             "Distance travelled (miles)", "Payload (MT)", "Logistics emissions (kg CO2e)"]]
    rows += [[b, c, f"{o:,}", v, f"{d:,}", w, f"{e:,.1f}"] for b, c, o, v, d, w, e in data]
    rows.append(["Total", None, f"{sum(d[2] for d in data):,}", None, f"{sum(d[4] for d in data):,}",
                 round(sum(d[5] for d in data), 1), f"{sum(d[6] for d in data):,.1f}"])
    xlsx("logistics_en.xlsx", {"Carrier report": rows})


def logistics_cn():
    xlsx("logistics_cn.xlsx", {"物流排放": [
        ["业务单元", "活动名称", "订单量", "碳排放（吨CO2e）"],
        ["天猫", "6.18 2023", "120万", 2350.6], ["饿了么", "6.18 2023", "35.6万", 410.25],
        ["菜鸟", "6.18 2023", "86.2万", 1122.0], ["合计", None, "241.8万", 3882.85]]})


def logistics_periods_csv():
    write_csv("logistics_periods.csv", [
        ["Business unit", "Shipment period from", "Shipment period to", "Orders", "CO2e (tonnes)"],
        ["Tmall UK", "01/10/2023", "31/10/2023", "52,300", "61.25"],
        ["Tmall UK", "01/11/2023", "30/11/2023", "88,150", "97.4"],
        ["Tmall UK", "01/12/2023", "31/12/2023", "70,020", "80.05"]])


def logistics_tons():
    xlsx("logistics_tons.xlsx", {"Shipments": [
        ["Business unit", "Campaign", "Orders", "Emissions (tons)"],
        ["Cainiao", "Black Friday 2023", 64000, 18.6], ["Tmall", "Black Friday 2023", 21000, 7.35]]})


def logistics_campaign_dates(name, end618):
    xlsx(name, {"Deliveries": [
        ["Business unit", "Campaign name", "Campaign start", "Campaign end", "Orders",
         "Emissions (t CO2e)"],
        ["Ele.me", "6.18 2023", date(2023, 6, 1), end618, 2400000, 1680.5],
        ["Ele.me", "Double 11 2023", date(2023, 10, 20), date(2023, 11, 11), 3100000, 2015.0]]},
        formats={"Deliveries": {f"{c}{r}": "yyyy-mm-dd" for c in "CD" for r in (2, 3)}})


def packaging_en():
    xlsx("packaging_en.xlsx", {"Packaging": [
        ["Business unit", "Campaign name", "Material", "Weight (kg)", "Recycled content (%)"],
        ["Cainiao", "Double 11 2023", "Corrugated board", "850,000", 30],
        ["Cainiao", "Double 11 2023", "Plastic film", "42,500", 0],
        ["Tmall", "Black Friday 2023", "Paper", "12,300", 100]]})


def packaging_cn():
    xlsx("packaging_cn.xlsx", {"包装": [
        ["业务单元", "活动", "包装材料", "用量", "单位", "再生料占比"],
        ["菜鸟", "6.18 2023", "瓦楞纸板", 850, "吨", 0.3], ["菜鸟", "6.18 2023", "塑料膜", 42.5, "t", 0],
        ["天猫", "6.18 2023", "纸", 12300, "kg", 1]]},
        formats={"包装": {f"F{r}": "0%" for r in (2, 3, 4)}})


def campaigns_en():
    xlsx("campaigns_en.xlsx", {"Campaigns": [
        ["Campaign name", "Start date", "End date", "Compared with"],
        ["11.11 2022", "20/10/2022", "11/11/2022", None],
        ["11.11 2024", "14/10/2024", "11/11/2024", "11.11 2022"]]})


def initiatives_cn():
    xlsx("initiatives_cn.xlsx", {"减排举措": [
        ["举措名称", "业务单元", "活动名称", "活动量", "单位", "排放因子（kg CO2e/单）", "减排量（吨CO2e）"],
        ["无需餐具", "饿了么", "6.18 2023", "2,000万", "单", 0.02, None],
        ["智能装箱", "菜鸟", "Double 11 2023", "150万", "单", 0.05, None],
        ["绿色回收箱", "菜鸟", "Double 11 2023", None, None, None, 120.5]]})


LIBREOFFICE = [("pivot_cn.xlsx", "ods", "lo_pivot_cn.ods"), ("cn_bill_meters.xlsx", "ods", "lo_bill.ods"),
               ("wide_jan23_hidden.xlsx", "xlsx", "lo_wide_jan23_hidden.xlsx"),
               ("unit_column.xlsx", "xlsx", "lo_unit_column.xlsx"), ("stacked.xlsx", "xls", "lo_stacked.xls"),
               ("formulas_source.xlsx", "xlsx", "lo_formulas.xlsx"),
               ("packaging_cn.xlsx", "ods", "lo_packaging_cn.ods"),
               ("formulas_wide.xlsx", "xlsx", "lo_errors_wide.xlsx")]


def libreoffice():
    """Re-save some books through LibreOffice, so their cached values and styles are its own."""
    with tempfile.TemporaryDirectory() as tmp:
        for src, fmt, out in LIBREOFFICE:
            subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp}/u",
                            "--convert-to", fmt, "--outdir", tmp, str(HERE / src)], check=True,
                           capture_output=True, timeout=120)
            shutil.copy(Path(tmp) / (Path(src).stem + "." + fmt), HERE / out)


def main() -> None:
    sys.path.insert(0, str(HERE))
    import make_blind2_traps as traps

    base()
    for make in (cn_bill_meters, cn_bill_wan, cn_du_wide, uk_bill_csv, us_bill, uk_ambiguous_csv,
                 erp_sap, pivot_en, pivot_cn, transposed_sites, transposed_sources, side_by_side,
                 stacked, units_in_cells_en, cn_magnitudes, unit_column, wide_cn_months,
                 wide_dot_merged, wide_jan23_hidden, running_total, overlap, no_unit, reactive_unit,
                 template_plus, totals_mismatch, logistics_en, logistics_cn, logistics_periods_csv,
                 logistics_tons, packaging_en, packaging_cn, campaigns_en, initiatives_cn,
                 *traps.ALL):
        make()
    logistics_campaign_dates("campaign_dates_ok.xlsx", date(2023, 6, 18))
    logistics_campaign_dates("campaign_dates_bad.xlsx", date(2023, 6, 20))
    if "--libreoffice" in sys.argv:
        libreoffice()


if __name__ == "__main__":
    main()
