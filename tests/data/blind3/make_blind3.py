"""Rebuild the openpyxl-written workbooks and the CSV files of blind round 3 (energy sources as
utilities, finance analysts and pivots write them). The rest is in make_blind3_more.py; the
LibreOffice-saved files (lo_*) are committed as files, rebuilt with `--lo` (needs soffice).

    python tests/data/blind3/make_blind3.py [--lo]
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

import openpyxl

HERE = Path(__file__).resolve().parent
D = dt.date


def book(
    name: str, sheets: dict, merges: dict | None = None, fmt: dict | None = None, out: Path = HERE
) -> Path:
    """sheets: sheet name -> rows (lists; None is a blank cell). merges: sheet -> ['A1:F1'].
    fmt: sheet -> {cell: number_format}."""
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for title, rows in sheets.items():
        sh = wb.create_sheet(title)
        for row in rows:
            sh.append(list(row))
        for rng in (merges or {}).get(title, []):
            sh.merge_cells(rng)
        for ref, f in (fmt or {}).get(title, {}).items():
            sh[ref].number_format = f
    path = out / name
    wb.save(path)
    return path


def csv(name: str, lines: list[str], encoding: str = "utf-8", out: Path = HERE) -> Path:
    path = out / name
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode(encoding))
    return path


def base():
    book(
        "_base3.xlsx",
        {
            "Sites": [
                ["Site", "Type", "Grid region", "Country"],
                ["张北数据中心", "data center", "North China", "China"],
                ["乌兰察布数据中心", "data center", "Inner Mongolia", "China"],
                ["杭州仓", "warehouse", "East China", "China"],
                ["深圳仓", "warehouse", "South China", "China"],
                ["成都仓", "warehouse", "Southwest China", "China"],
                ["London DC", "data center", "United Kingdom", "United Kingdom"],
                ["Dallas DC", "data center", "United States", "United States"],
            ],
            "Campaigns": [
                ["Campaign", "Start", "End", "Baseline"],
                ["618 2022", D(2022, 6, 1), D(2022, 6, 18), None],
                ["618 2023", D(2023, 6, 1), D(2023, 6, 18), "618 2022"],
                ["双11 2022", D(2022, 10, 31), D(2022, 11, 11), None],
                ["双11 2023", D(2023, 10, 31), D(2023, 11, 11), "双11 2022"],
            ],
        },
    )


SGCC = [  # 户号, 户名, 电费年月, 抄表日期, 上次示数, 本次示数, 倍率, 结算电量
    ["0401000001", "张北数据中心", "2023-01", D(2023, 1, 25), 52010.4, 54094.4, 600, 1250400],
    ["0401000002", "张北数据中心", "2023-01", D(2023, 1, 25), 8100.0, 8720.0, 500, 310000],
    ["1501000003", "乌兰察布数据中心", "2023-01", D(2023, 1, 26), 120400.0, 122404.0, 1000, 2004000],
    ["0401000001", "张北数据中心", "2023-02", D(2023, 2, 25), 54094.4, 56061.4, 600, 1180200],
    ["0401000002", "张北数据中心", "2023-02", D(2023, 2, 25), 8720.0, 9311.0, 500, 295500],
    ["1501000003", "乌兰察布数据中心", "2023-02", D(2023, 2, 26), 122404.0, 124280.5, 1000, 1876500],
    ["0401000001", "张北数据中心", "2023-03", D(2023, 3, 25), 56061.4, 58232.65, 600, 1302750],
    ["0401000002", "张北数据中心", "2023-03", D(2023, 3, 25), 9311.0, 9955.2, 500, 322100],
    ["1501000003", "乌兰察布数据中心", "2023-03", D(2023, 3, 26), 124280.5, 126390.75, 1000, 2110250],
]
SGCC_HEAD = [
    "户号",
    "户名",
    "电费年月",
    "抄表日期",
    "上次示数",
    "本次示数",
    "倍率",
    "结算电量(kWh)",
    "电费(元)",
]


def sgcc_rows():
    return [[*r, round(r[7] * 0.52, 2)] for r in SGCC]


def energy():
    # 国家电网 export per 户号: a title, an export line, meter readings beside the billed kWh
    book(
        "sgcc_huhao.xlsx",
        {
            "电费明细": [
                ["国网河北省电力有限公司 电费清单"],
                ["导出时间：2024-01-05 09:12"],
                SGCC_HEAD,
                *sgcc_rows(),
            ]
        },
        merges={"电费明细": ["A1:I1"]},
    )
    # 南方电网 export: a 计费周期 range cell, reactive energy beside active
    book(
        "csg_reactive.xlsx",
        {
            "Sheet1": [
                [
                    "用电户号",
                    "用户名称",
                    "计费周期",
                    "有功总电量(kWh)",
                    "无功总电量(kvarh)",
                    "力调电费(元)",
                    "应收电费(元)",
                ],
                ["0300123456789", "深圳仓", "2023-04-01至2023-04-30", 412300, 120400, -812.5, 276241.0],
                ["0300123456789", "深圳仓", "2023-05-01至2023-05-31", 398760, 118200, -790.1, 267169.2],
                ["0300123456789", "深圳仓", "2023-06-01至2023-06-30", 455120, 130050, -901.3, 304930.4],
            ]
        },
    )
    # UK half-hourly: 48 columns of kWh per day
    hh = [f"{h:02d}:{m:02d}" for h in range(0, 24) for m in (0, 30)][1:] + ["24:00"]
    lines = ["MPAN,Site Name,Date,Units," + ",".join(hh)]
    for day, (lo, hi) in ((13, (100, 150)), (14, (110, 165)), (15, (100, 150))):
        vals = [lo] * 14 + [hi] * 26 + [lo] * 8
        lines.append(f"1200012345678,London DC,{day}/03/2023,kWh," + ",".join(str(v) for v in vals))
    csv("uk_halfhourly.csv", lines)
    # a register export: the cumulative meter reading, not the month's use
    csv("kwh_meter_reading.csv", ["Site,Month,Source,kWh Meter Reading",
                                  "Dallas DC,2023-01,grid,122404", "Dallas DC,2023-02,grid,124280"])
    # reads and the meter's multiplier: (122,404 − 120,400) × 40 and (124,280 − 122,404) × 40
    csv("us_reads_multiplier.csv", [
        "Site,Month,Source,Previous kWh Reading,Current kWh Reading,Multiplier",
        "Dallas DC,2023-01,grid,120400,122404,40", "Dallas DC,2023-02,grid,122404,124280,40"])
    # US Green Button-like download: an account header block, then daily usage
    csv(
        "us_green_button.csv",
        [
            "Name,ACME LOGISTICS LLC",
            'Address,"1200 Commerce St, Dallas TX 75202"',
            "Account Number,4410022871",
            "Service,Service 1",
            "",
            "TYPE,DATE,START TIME,END TIME,USAGE,UNITS,COST,NOTES",
            "Electric usage,2023-01-01,00:00,23:59,1234.5,kWh,$150.12,",
            "Electric usage,2023-01-02,00:00,23:59,1198.0,kWh,$145.70,",
            "Electric usage,2023-01-03,00:00,23:59,1305.25,kWh,$158.72,",
            "Electric usage,2023-01-04,00:00,23:59,1276.75,kWh,$155.26,",
            "Electric usage,2023-01-05,00:00,23:59,1250.0,kWh,$152.01,",
        ],
    )
    # finance: months as columns, a 合计 column, a 备注 column and a note row
    months = [f"{m}月" for m in range(1, 7)]
    fin = [
        ["2023年上半年各站点用电量（MWh）"],
        [],
        ["站点", "能源类型", *months, "合计", "备注"],
        ["张北数据中心", "电网", 1200, 1150, 1230, 1180, 1210, 1260, 7230, None],
        ["张北数据中心", "风电", 800, 760, 820, 900, 950, 1000, 5230, "6月为预估"],
        ["乌兰察布数据中心", "电网", 2000, 1900, 2050, 2100, 2150, 2200, 12400, None],
        [],
        ["注：数据来源为财务系统月结，单位MWh。"],
    ]
    book("finance_months_total.xlsx", {"用电": fin})
    bad = [list(r) for r in fin]
    bad[5][8] = 12500
    book("finance_total_mismatch.xlsx", {"用电": bad})
    # next month's export under a profile saved for MWh: the supplier now states kWh
    book("profile_unit_changed.xlsx", {"Sheet1": [["Plant", "Period", "Kind", "Usage (kWh)"],
                                                  ["Dallas DC", "2023-02", "grid", 395000]]})
    (HERE / "profile_mwh.json").write_text(json.dumps({
        "format": "greenledger-import-profile", "version": 1, "name": "plant-usage", "kind": "energy",
        "sheet": "Sheet1", "header_rows": [1],
        "map": {"Plant": "site", "Period": "period", "Kind": "source", "Usage": "energy"},
        "units": {"energy": "MWh"}, "headers": ["Plant", "Period", "Kind", "Usage"]}, indent=2) + "\n")
    # renewable contracts beside grid
    book(
        "ppa_green_cert.xlsx",
        {
            "绿电": [
                ["站点", "开始日期", "结束日期", "电力来源", "交易方式", "电量(MWh)"],
                ["张北数据中心", D(2023, 1, 1), D(2023, 3, 31), "风电", "绿电交易", 3000],
                ["张北数据中心", D(2023, 1, 1), D(2023, 3, 31), "电网", None, 5500],
                ["乌兰察布数据中心", D(2023, 1, 1), D(2023, 3, 31), "光伏", "PPA", 1200],
                ["乌兰察布数据中心", D(2023, 1, 1), D(2023, 3, 31), "风电", "绿证", 800],
                ["乌兰察布数据中心", D(2023, 1, 1), D(2023, 3, 31), "电网", None, 4100],
            ]
        },
    )
    # a pivot in tabular form with 汇总 rows
    book(
        "pivot_tabular_huizong.xlsx",
        {
            "透视": [
                ["站点", "能源类型", "月份", "求和项:用电量(kWh)"],
                ["张北数据中心", "电网", "2023-01", 100000],
                [None, None, "2023-02", 110000],
                [None, "电网 汇总", None, 210000],
                [None, "风电", "2023-01", 50000],
                [None, None, "2023-02", 55000],
                [None, "风电 汇总", None, 105000],
                ["张北数据中心 汇总", None, None, 315000],
                ["乌兰察布数据中心", "电网", "2023-01", 200000],
                [None, None, "2023-02", 190000],
                [None, "电网 汇总", None, 390000],
                ["乌兰察布数据中心 汇总", None, None, 390000],
                ["总计", None, None, 705000],
            ]
        },
    )
    # a pivot in outline form, subtotals at the top of each group
    book(
        "pivot_outline_top.xlsx",
        {
            "透视": [
                ["站点", "能源类型", "月份", "求和项:用电量(MWh)"],
                ["张北数据中心", None, None, 380],
                [None, "电网", None, 250],
                [None, None, "2023-01", 120],
                [None, None, "2023-02", 130],
                [None, "风电", None, 130],
                [None, None, "2023-01", 60],
                [None, None, "2023-02", 70],
                ["乌兰察布数据中心", None, None, 415],
                [None, "电网", None, 415],
                [None, None, "2023-01", 210],
                [None, None, "2023-02", 205],
                ["总计", None, None, 795],
            ]
        },
    )
    # one sheet, one block per site, the site in the block's title
    blk = [
        ["站点：张北数据中心"],
        ["月份", "能源类型", "用电量(kWh)"],
        ["2023-01", "电网", 100000],
        ["2023-01", "风电", 40000],
        ["2023-02", "电网", 98000],
        ["2023-02", "风电", 42000],
        [],
        [],
        ["站点：乌兰察布数据中心"],
        ["月份", "能源类型", "用电量(kWh)"],
        ["2023-01", "电网", 150000],
        ["2023-02", "电网", 155000],
    ]
    book("blocks_site_in_title.xlsx", {"用电": blk})
    # two tables side by side, another unit and an instrument in the right one
    book(
        "side_tables_units.xlsx",
        {
            "杭州仓": [
                [
                    "站点",
                    "月份",
                    "能源类型",
                    "用电量(kWh)",
                    None,
                    "站点",
                    "月份",
                    "能源类型",
                    "用电量(MWh)",
                    "采购方式",
                ],
                ["杭州仓", "2023-01", "电网", 50000, None, "杭州仓", "2023-01", "光伏", 12.5, "自发自用"],
                ["杭州仓", "2023-02", "电网", 48000, None, "杭州仓", "2023-02", "光伏", 13.25, "自发自用"],
            ]
        },
    )
    # a transposed sheet: months down, sites across, a units row
    book(
        "transposed_units_row.xlsx",
        {
            "月度": [
                ["月份", "张北数据中心", "乌兰察布数据中心"],
                [None, "MWh", "MWh"],
                ["2023年4月", 1050.5, 1800],
                ["2023年5月", 1102.25, 1750.75],
                ["2023年6月", 1200, 1900.5],
            ]
        },
    )
    # fully transposed: site and source as rows, months down
    book(
        "transposed_two_header_rows.xlsx",
        {
            "Sheet1": [
                ["用电量（kWh）"],
                ["站点", "张北数据中心", "张北数据中心", "乌兰察布数据中心"],
                ["能源类型", "电网", "风电", "电网"],
                ["2023-07", 500000, 200000, 800000],
                ["2023-08", 510000, 210000, 820000],
            ]
        },
    )
    # GBK CSV with 度 and thousands separators
    csv(
        "gbk_du.csv",
        [
            "站点,日期,类型,电量（度）",
            '成都仓,2023-05,电网,"88,200"',
            '成都仓,2023-06,电网,"91,450"',
            '成都仓,2023-05,水电,"12,000"',
            '成都仓,2023-06,水电,"13,500"',
        ],
        encoding="gbk",
    )
    csv(
        "eu_semicolon_dotdates.csv",
        [
            "Site;From;To;Energy source;Consumption kWh",
            "London DC;01.01.2023;31.01.2023;grid;45.210,5",
            "London DC;01.02.2023;28.02.2023;grid;41.987,25",
            "London DC;01.01.2023;31.01.2023;wind;12.000,0",
        ],
    )
    # semicolons and dd.mm.yyyy dates, the kWh with a dot grouping thousands and no decimals
    csv("eu_dot_thousands.csv", [
        "Site;From;To;Source;Consumption kWh",
        "London DC;01.01.2023;31.01.2023;grid;45.210",
        "London DC;01.02.2023;28.02.2023;grid;41.987"])
    # Excel's delimiter line above the header
    csv("excel_sep_line.csv", [
        "sep=;", "Site;From;To;Source;Consumption kWh",
        "London DC;01.01.2023;31.01.2023;grid;45210,5",
        "London DC;01.02.2023;28.02.2023;grid;41987,25"])
    # Excel's pivot falls back to 计数项 (count) when a source cell is text: days counted, not kWh
    book("pivot_count_of.xlsx", {"透视": [
        ["站点", "月份", "能源类型", "计数项:用电量(kWh)"],
        ["杭州仓", "2023-01", "电网", 31], [None, "2023-02", "电网", 28], ["杭州仓 汇总", None, None, 59],
        ["深圳仓", "2023-01", "电网", 31], [None, "2023-02", "电网", 28], ["深圳仓 汇总", None, None, 59],
        ["总计", None, None, 118]]})
    book(
        "quarters_fy_en.xlsx",
        {
            "FY23": [
                ["Electricity consumption (MWh)"],
                ["Site", "Source", "Q1 2023", "Q2 2023", "Q3 2023", "Q4 2023", "FY2023"],
                ["Dallas DC", "Grid", 1200.4, 1150.6, 1400.0, 1300.0, 5051.0],
            ]
        },
    )
    # a US bill: the billing period as one 'MM/DD/YYYY - MM/DD/YYYY' cell, 'kWh Used', two meters
    csv("us_bill_range.csv", [
        "Account,Service Address,Meter Number,Billing Period,kWh Used,Amount Due",
        "88001234,Dallas DC,M-1001,01/15/2023 - 02/13/2023,52300,$5230.00",
        "88001234,Dallas DC,M-1002,01/15/2023 - 02/13/2023,18400,$1840.00",
        "88001234,Dallas DC,M-1001,02/14/2023 - 03/15/2023,49800,$4980.00",
        "88001234,Dallas DC,M-1002,02/14/2023 - 03/15/2023,17900,$1790.00"])
    # a UK supplier's reads: previous and current read dates, the unit in its own column
    csv("uk_read_dates.csv", [
        "MPAN,Site,Previous Read Date,Read Date,Units,Consumption",
        "1200012345678,London DC,31/12/2022,31/01/2023,kWh,60000",
        "1200012345678,London DC,31/01/2023,28/02/2023,kWh,56000",
        "1200012345678,London DC,28/02/2023,31/03/2023,kWh,59500"])
    # a solar site's export meter: kWh sent to the grid, not used
    csv("solar_exported.csv", ["Site,Month,Source,Exported kWh",
                               "London DC,2023-06,solar,4200", "London DC,2023-07,solar,4650"])
    book(
        "qiandu.xlsx",
        {
            "Sheet1": [
                ["站点", "月份", "能源类型", "用电量（千度）"],
                ["成都仓", "2023-01", "电网", 85.2],
                ["成都仓", "2023-02", "电网", 80.4],
                ["成都仓", "2023-03", "电网", 90.1],
            ]
        },
    )
    book(
        "annual_gwh_by_source.xlsx",
        {"年度": [["站点", "年份", "电网购电(GWh)", "风电(GWh)"], ["张北数据中心", 2022, 45.6, 30.2]]},
    )
    # a US bill history giving the average per day and the rate, no total kWh
    csv("us_bill_rate.csv", [
        "Account,Service Address,Billing Period,Days,Avg kWh/Day,kWh Rate,Amount Due",
        "88001234,Dallas DC,01/15/2023 - 02/13/2023,30,2356.67,0.1000,$7070.00",
        "88001234,Dallas DC,02/14/2023 - 03/15/2023,30,2256.67,0.1000,$6770.00"])
    # the workbook's own grid factor, its key written in Chinese (电网, region 华北)
    book("factors_cn_key.xlsx", {
        "排放因子": [["因子", "区域", "年份", "数值", "单位", "来源"],
                 ["电网", "华北", 2023, 0.5, "kgCO2/kWh", "企业自测 2023"]],
        "用电": [["站点", "月份", "能源类型", "用电量(kWh)"], ["张北数据中心", "2023-01", "电网", 1000000]]})


if __name__ == "__main__":
    base()
    energy()
    import make_blind3_more

    make_blind3_more.build(lo="--lo" in sys.argv)
