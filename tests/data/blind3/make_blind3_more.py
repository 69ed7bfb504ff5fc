"""Blind round 3, the rest: deliveries, packaging, initiatives, sites, campaigns, the traps an
analyst expects to be refused, and the sources of the LibreOffice-saved files (lo_*), converted
with `soffice --headless --convert-to` when built with `--lo`."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import tempfile
from pathlib import Path

import openpyxl
from make_blind3 import HERE, SGCC_HEAD, book, csv, sgcc_rows

D = dt.date


def deliveries():
    book(
        "wms_cn.xlsx",
        {
            "运单汇总": [
                ["2023年618大促 运输数据（WMS导出）"],
                ["货主", "活动", "车型", "运单数", "里程(公里)", "碳排放(kgCO2e)"],
                ["菜鸟", "618 2023", "柴油货车", 120000, 85000, 75650],
                ["菜鸟", "618 2023", "电动面包车", 300000, 150000, 10500],
                ["天猫超市", "618 2023", "电动面包车", 80000, 40500, 2835],
            ]
        },
    )
    book(
        "wms_period_wan.xlsx",
        {
            "Sheet1": [
                ["网点", "开始日期", "结束日期", "车型", "运单数（万单）", "里程（万公里）"],
                ["菜鸟", D(2023, 10, 31), D(2023, 11, 11), "van electric", 45.6, 12.3],
                ["菜鸟", D(2023, 10, 31), D(2023, 11, 11), "van diesel", 20.4, 8.75],
            ]
        },
    )
    book(
        "wms_truck_cn.xlsx",
        {
            "Sheet1": [
                ["业务单元", "活动", "车型", "订单量", "里程(公里)"],
                ["菜鸟", "双11 2023", "柴油货车", 60000, 42000],
                ["菜鸟", "双11 2023", "van electric", 90000, 51000],
            ]
        },
    )
    csv(
        "us_carrier_miles.csv",
        [
            "Business Unit,Ship Month,Equipment,Shipments,Miles,CO2e (MT)",
            "US Retail,2023-06,truck diesel,5400,125000,168.5",
            "US Retail,2023-07,truck diesel,5100,118000,159.2",
        ],
    )
    # a 合计 row above the rows it totals, 4,000 kWh off in February
    book(
        "total_on_top_wrong.xlsx",
        {
            "Sheet1": [
                ["用电量（kWh）"],
                ["站点", "能源类型", "2023年1月", "2023年2月"],
                ["合计", None, 80000, 75000],
                ["杭州仓", "电网", 30000, 31000],
                ["深圳仓", "电网", 50000, 48000],
            ]
        },
    )


def packaging():
    book(
        "packaging_tons_cn.xlsx",
        {
            "包材": [
                ["业务单元", "活动", "物料", "用量(吨)", "再生料占比"],
                ["菜鸟", "618 2023", "纸箱", 850.5, "30%"],
                ["菜鸟", "618 2023", "缠绕膜", 12.25, "0%"],
                ["天猫", "双11 2023", "纸箱", 1200, "45%"],
            ]
        },
    )
    book(
        "packaging_tape_factor.xlsx",
        {
            "包材": [
                ["业务单元", "活动", "物料", "用量(吨)"],
                ["菜鸟", "双11 2023", "纸箱", 600],
                ["菜鸟", "双11 2023", "胶带", 3.6],
            ],
            "Factors": [
                ["Factor", "Region", "Year", "Value", "Unit", "Source"],
                ["胶带", None, 2023, 2.8, "kg CO2e/kg", "供应商LCA报告 2023"],
            ],
        },
    )
    # box counts and unit weights beside the total weight in kg
    book(
        "packaging_counts_weights.xlsx",
        {
            "包材": [
                ["业务单元", "活动", "包装材料", "规格", "数量(个)", "单重(g)", "总重(kg)"],
                ["菜鸟", "618 2023", "纸箱", "3号箱", 100000, 180, 18000],
                ["菜鸟", "618 2023", "塑料膜", "气泡袋", 50000, 12, 600],
            ]
        },
    )
    book(
        "erp_item_codes.xlsx",
        {
            "Export": [
                ["Business Unit", "Campaign", "Item Code", "Item Description", "Category", "Quantity", "UOM"],
                [
                    "Cainiao",
                    "618 2023",
                    "PKG-BX-0001",
                    "5-ply corrugated carton 60x40x40",
                    "board",
                    125000,
                    "KG",
                ],
                ["Cainiao", "618 2023", "PKG-FM-0002", "LDPE stretch film 23um", "film", 4500, "KG"],
                ["Cainiao", "618 2023", "PKG-PP-0003", "Kraft paper void fill", "paper", 2.5, "T"],
            ]
        },
    )
    book(
        "sap_fiscal_period.xlsx",
        {
            "Sheet1": [
                [
                    "Business Area",
                    "Material",
                    "Material Description",
                    "Material Group",
                    "Fiscal Period",
                    "Quantity",
                    "BUn",
                ],
                ["Cainiao", "100234", "Carton box B-flute", "board", "006/2023", 42000, "KG"],
                ["Cainiao", "100588", "Stretch film", "film", "006/2023", 1850, "KG"],
                ["Cainiao", "100234", "Carton box B-flute", "board", "007/2023", 39500, "KG"],
            ]
        },
    )


def others():
    book(
        "initiatives_wan_yi.xlsx",
        {
            "减排举措": [
                [
                    "举措",
                    "业务单元",
                    "活动",
                    "活动量",
                    "活动量单位",
                    "减排因子(kg CO2e/单位)",
                    "减排量(吨CO2e)",
                ],
                ["无需餐具", "饿了么", "618 2023", "2,000万", "单", 0.02, None],
                ["智能装箱", "菜鸟", "双11 2023", "1.5亿", "单", 0.0012, 180],
            ]
        },
    )
    # recycled shares typed three ways in one column without a % header: 30, 0.45, '50%'
    book("recycled_mixed_scale.xlsx", {"包材": [
        ["业务单元", "活动", "包装材料", "用量(吨)", "再生料占比"],
        ["菜鸟", "618 2023", "纸箱", 100, 30], ["菜鸟", "618 2023", "塑料膜", 5, 0.45],
        ["天猫", "618 2023", "纸箱", 50, "50%"]]})
    book(
        "campaigns_cn_dates.xlsx",
        {
            "大促": [
                ["活动名称", "开始日期", "结束日期", "对比基准"],
                ["618 2024", "2024年5月20日", "2024年6月18日", "618 2023"],
                ["双11 2024", "2024年10月14日", "2024年11月11日", "双11 2023"],
                ["年货节 2024", "2024.1.5", "2024.1.20", None],
            ]
        },
    )


def traps():
    book(
        "negative_energy.xlsx",
        {
            "Sheet1": [
                ["站点", "月份", "能源类型", "用电量(kWh)"],
                ["杭州仓", "2023-04", "电网", 40000],
                ["杭州仓", "2023-05", "电网", -5000],
            ]
        },
    )
    book(
        "text_in_number.xlsx",
        {
            "Sheet1": [
                ["站点", "月份", "能源类型", "用电量(kWh)"],
                ["深圳仓", "2023-04", "电网", 52000],
                ["深圳仓", "2023-05", "电网", "待确认"],
            ]
        },
    )
    book(
        "magnitude_slip.xlsx",
        {
            "Sheet1": [
                ["站点", "月份", "能源类型", "用电量(kWh)"],
                *[
                    ["张北数据中心", f"2023-{m:02d}", "电网", v]
                    for m, v in enumerate([1250000, 1180000, 1302, 1290000, 1275000, 1260000], start=1)
                ],
            ]
        },
    )
    book(
        "overlap_periods.xlsx",
        {
            "Sheet1": [
                ["站点", "开始日期", "结束日期", "能源类型", "用电量(kWh)"],
                ["张北数据中心", D(2023, 1, 1), D(2023, 1, 31), "电网", 100000],
                ["张北数据中心", D(2023, 1, 15), D(2023, 2, 14), "电网", 95000],
            ]
        },
    )
    book(
        "total_row_wrong.xlsx",
        {
            "Sheet1": [
                ["Site", "Month", "Source", "Energy (kWh)"],
                ["Dallas DC", "2023-04", "grid", 400000],
                ["Dallas DC", "2023-05", "grid", 410000],
                ["Dallas DC", "2023-06", "grid", 420000],
                ["Total", None, None, 1240000],
            ]
        },
    )
    wb = openpyxl.Workbook()
    sh = wb.active
    sh.title = "Sheet1"
    sh.append(["Site", "Month", "Source", "Day (kWh)", "Night (kWh)", "Energy (kWh)"])
    sh.append(["London DC", "2023-04", "grid", 30000, 12000, "=D2+E2"])
    sh.append(["London DC", "2023-05", "grid", 31000, 12500, "=D3+E3"])
    wb.save(HERE / "formula_no_cache.xlsx")
    book(
        "units_cells_and_bare.xlsx",
        {
            "Sheet1": [
                ["Site", "Month", "Source", "Consumption"],
                ["张北数据中心", "2023-02", "grid", "1,250,000 kWh"],
                ["乌兰察布数据中心", "2023-02", "grid", "1,310 MWh"],
                ["杭州仓", "2023-02", "grid", 980000],
            ]
        },
    )


def more():
    # a note row inside the block, rows after it, then the 合计 row
    book(
        "note_row_middle.xlsx",
        {
            "Sheet1": [
                ["站点", "能源类型", "2023年1月", "2023年2月", "合计"],
                ["杭州仓", "电网", 30000, 31000, 61000],
                ["注：深圳仓2月为预估值"],
                ["深圳仓", "电网", 52000, 50500, 102500],
                ["合计", None, 82000, 81500, 163500],
            ]
        },
    )
    # a rooftop PV report: 上网电量 is what the panels sent to the grid, not what the site used
    book("pv_grid_export.xlsx", {"光伏": [
        ["站点", "月份", "能源类型", "上网电量(kWh)"],
        ["杭州仓", "2023-06", "光伏", 4200], ["杭州仓", "2023-07", "光伏", 4650]]})
    book(
        "quarter_vs_stored.xlsx",
        {"Sheet1": [["站点", "季度", "能源类型", "用电量（千度）"], ["成都仓", "2023Q1", "电网", 255.7]]},
    )


def lo_sources(tmp: Path) -> dict[str, str]:
    """Source workbooks (written by openpyxl into tmp) -> the LibreOffice file name to save."""
    book("sgcc.xlsx", {"电费明细": [["国网河北省电力有限公司 电费清单"], SGCC_HEAD, *sgcc_rows()]}, out=tmp)
    book(
        "finance.xlsx",
        {
            "用电": [
                ["2023年各站点用电量（万千瓦时）"],
                ["站点", "能源类型", "1月", "2月", "3月", "合计"],
                ["杭州仓", "电网", 3.1, 2.95, 3.2, 9.25],
                ["深圳仓", "电网", 5.5, 5.25, 5.75, 16.5],
                ["合计", None, 8.6, 8.2, 8.95, 25.75],
            ]
        },
        out=tmp,
    )
    book(
        "pivot.xlsx",
        {
            "透视": [
                ["站点", "月份", "求和项:用电量(kWh)"],
                ["成都仓", "2023-04", 61000],
                [None, "2023-05", 63500],
                ["成都仓 汇总", None, 124500],
                ["深圳仓", "2023-04", 70000],
                [None, "2023-05", 72250],
                ["深圳仓 汇总", None, 142250],
                ["总计", None, 266750],
            ]
        },
        out=tmp,
    )
    book(
        "pct.xlsx",
        {
            "Packaging": [
                ["Business unit", "Campaign", "Material", "Weight (kg)", "Recycled share"],
                ["Cainiao", "618 2023", "board", 52000, 0.3],
                ["Cainiao", "618 2023", "paper", 8000, 0.6],
            ]
        },
        fmt={"Packaging": {"E2": "0%", "E3": "0%"}},
        out=tmp,
    )
    book(
        "wms.xlsx",
        {
            "WMS": [
                ["货主", "活动", "车型", "运单数", "里程(km)"],
                ["菜鸟", "双11 2023", "van electric", 250000, 98000],
                ["菜鸟", "双11 2023", "truck diesel", 40000, 61000],
            ]
        },
        out=tmp,
    )
    book(
        "transposed.xlsx",
        {
            "Sheet1": [
                ["Month", "London DC", "Dallas DC"],
                ["Jan 2023", 60000, 410000],
                ["Feb 2023", 56000, 395000],
                ["Mar 2023", 59500, 402500],
            ]
        },
        out=tmp,
    )
    wb = openpyxl.Workbook()
    sh = wb.active
    sh.title = "Energy"
    sh.append(["Site", "Month", "Source", "Day (kWh)", "Night (kWh)", "Energy (kWh)"])
    sh.append(["London DC", "2023-04", "grid", 30000, 12000, "=D2+E2"])
    sh.append(["London DC", "2023-05", "grid", 31000, 12500, "=D3+E3"])
    wb.save(tmp / "formulas.xlsx")
    book(
        "wan.xlsx",
        {
            "用电": [
                ["成渝区域用电"],
                ["单位：万千瓦时"],
                ["站点", "能源类型", "2023年10月", "2023年11月"],
                ["成都仓", "电网", 6.2, 6.45],
                ["成都仓", "水电", 1.8, 1.75],
            ]
        },
        merges={"用电": ["A1:D1", "A2:D2"]},
        out=tmp,
    )
    return {
        "sgcc.xlsx": "lo_sgcc.xls",
        "finance.xlsx": "lo_finance_wan.ods",
        "pivot.xlsx": "lo_pivot.xls",
        "pct.xlsx": "lo_packaging_pct.ods",
        "wms.xlsx": "lo_wms.xls",
        "transposed.xlsx": "lo_transposed.ods",
        "formulas.xlsx": "lo_formulas_cached.xlsx",
        "wan.xlsx": "lo_wan_line.ods",
    }


def build_lo():
    with tempfile.TemporaryDirectory() as t:
        tmp = Path(t)
        for src, dst in lo_sources(tmp).items():
            ext = dst.rsplit(".", 1)[1]
            # convert into its own folder, so an xlsx source never meets its xlsx output
            outdir = tmp / f"out_{dst}"
            outdir.mkdir()
            subprocess.run(
                ["soffice", "--headless", "--convert-to", ext, "--outdir", str(outdir), str(tmp / src)],
                check=True,
                capture_output=True,
                timeout=120,
            )
            shutil.copy(outdir / (Path(src).stem + "." + ext), HERE / dst)


def build(lo: bool = False):
    deliveries()
    packaging()
    others()
    traps()
    more()
    if lo:
        build_lo()
