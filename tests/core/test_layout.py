"""The import assistant on analysts' own workbooks (real .xlsx written by openpyxl): title, blank,
total and footnote rows, two-row merged headers, months as columns, Chinese headers and values,
other units, numbers and dates as text, hidden sheets; figures compared with hand computations
through the workspace and the summary."""

from datetime import date

import pytest

from greenledger.core.accounting import summarize
from greenledger.core.errors import ImportRefused
from greenledger.core.fields import Kind
from greenledger.core.importing.describe import describe
from greenledger.core.importing.engine import analyse, import_file
from greenledger.core.importing.layout import parse_period
from greenledger.core.importing.plan import ImportOptions
from tests.conftest import CAMPAIGNS, SITES, snapshot, write_workbook


def book(path, sheets, merges=None, hidden=()):
    return write_workbook(path, sheets, merges, tuple(hidden))


def energy(ws):
    return ws.rows(Kind.ENERGY)


def site_year(summary, site, year):
    return next(r for r in summary["site_years"] if r["site"] == site and r["year"] == year)


MONTHS_CN = [f"2023年{m}月" for m in range(1, 13)]
WIDE_CN = [
    ["2023年各站点用电量（万千瓦时）"],
    [],
    ["站点", "能源类型", "采购方式", *MONTHS_CN, "备注"],
    ["Zhangbei DC", "电网", None, *[120] * 12, "账单"],
    ["Zhangbei DC", "风电", "绿电交易", *["80"] * 6, *[None] * 6, None],
    ["Ulanqab DC", "光伏", "屋顶", *[10.5] * 12, None],
    ["Ulanqab DC", "电网", None, *[200] * 11, "—", None],
    ["合计", None, None, *[410.5] * 6, *[330.5] * 5, 130.5],  # reconciled with the rows above
    ["注：数据来源于电费账单；风电为绿电交易。"],
]


def test_wide_chinese_sheet_with_title_total_and_footnote(ws, tmp_path):
    path = book(tmp_path / "wide.xlsx", {"站点": SITES, "用电": WIDE_CN})
    plans = analyse(path)
    plan = next(p for p in plans if p.sheet == "用电")
    assert plan.kind == Kind.ENERGY and plan.wide and not plan.template
    assert plan.layout.header_row_numbers == [3]
    ignored = {i.row: i.code for i in plan.layout.ignored}
    assert ignored == {1: "title", 2: "blank", 8: "total", 9: "note"}
    cols = {c.header: c for c in plan.columns}
    assert cols["站点"].field == "site" and cols["站点"].confidence == 1.0
    assert cols["2023年3月"].field == "energy" and cols["2023年3月"].multiplier == 1e4
    assert cols["2023年3月"].unit == "万千瓦时"
    assert cols["备注"].field is None
    # 12 + 6 + 12 + 11 rows: empty and "—" period cells are skipped
    assert len(plan) == 41
    want_kwh = (120 * 12 + 80 * 6 + 10.5 * 12 + 200 * 11) * 1e4
    assert plan.totals()["energy"] == pytest.approx(want_kwh)
    text = describe(plan)
    assert "row 8: totals or subtotals row" in text and "万千瓦时" in text

    import_file(ws, path)
    rows = energy(ws)
    assert len(rows) == 41
    wind = [r for r in rows if r["source"] == "wind"]
    assert {r["instrument"] for r in wind} == {"green power trade"}
    assert (wind[0]["period_start"], wind[0]["period_end"]) == ("2023-01-01", "2023-01-31")
    assert wind[0]["source_row"] == 5 and wind[0]["source_sheet"] == "用电"
    s = summarize(ws)
    zb = site_year(s, "Zhangbei DC", 2023)
    assert zb["total_kwh"] == pytest.approx((120 * 12 + 80 * 6) * 1e4)
    assert zb["renewable_kwh"] == pytest.approx(80 * 6 * 1e4)
    # location-based: grid + contractual wind at North China 2023, 0.6361 kg/kWh
    assert zb["location_based_t"] == pytest.approx((120 * 12 + 80 * 6) * 1e4 * 0.6361 / 1000)
    ul = site_year(s, "Ulanqab DC", 2023)
    assert ul["total_kwh"] == pytest.approx((10.5 * 12 + 200 * 11) * 1e4)


def test_two_row_merged_header_english_months_mwh(ws, tmp_path):
    rows = [
        ["Monthly electricity by plant"],
        ["Plant", "Source", "Energy (MWh)", None, None, "Comment"],
        [None, None, "Jan 2023", "Feb 2023", "Mar 2023", None],
        ["Zhangbei DC", "Grid", "1,000", 2000, 1500.5, "ok"],
        ["Zhangbei DC", "Wind", 300, None, 100, None],
        ["Total", None, 1300, 2000, 1600.5, None],
    ]
    path = book(tmp_path / "merged.xlsx", {"Sites": SITES, "Usage": rows},
                merges={"Usage": ["C2:E2", "A2:A3", "B2:B3", "F2:F3"]})
    plan = next(p for p in analyse(path) if p.sheet == "Usage")
    assert plan.layout.header_row_numbers == [2, 3]
    assert [c.field for c in plan.columns][:3] == ["site", "source", "energy"]
    months = [c.period.label for c in plan.columns if c.period]
    assert months == ["2023-01", "2023-02", "2023-03"]
    import_file(ws, path)
    s = summarize(ws)
    zb = site_year(s, "Zhangbei DC", 2023)
    assert zb["total_kwh"] == pytest.approx((1000 + 2000 + 1500.5 + 300 + 100) * 1000)
    assert zb["renewable_kwh"] == pytest.approx(400 * 1000)
    assert len(energy(ws)) == 5


def test_two_row_header_over_a_long_table_with_units_row_and_text_dates(ws, tmp_path):
    rows = [
        ["Site", "Period", None, "Source", "Usage"],
        [None, "Start", "End", None, "MWh"],
        ["Zhangbei DC", "2023/1/1", "2023年1月31日", "电网", "1,234.5"],
        ["Zhangbei DC", "2023/2/1", "2023年2月28日", "风电", "2,000"],
    ]
    path = book(tmp_path / "long2.xlsx", {"Sites": SITES, "Data": rows})
    plan = next(p for p in analyse(path) if p.sheet == "Data")
    assert plan.layout.header_row_numbers == [1, 2] and not plan.wide
    fields = {c.header: c.field for c in plan.columns}
    assert fields["Period Start"] == "period_start" and fields["Period End"] == "period_end"
    import_file(ws, path)
    got = {(r["period_start"], r["source"]): r["energy"] for r in energy(ws)}
    assert got == {("2023-01-01", "grid"): pytest.approx(1_234_500),
                   ("2023-02-01", "wind"): pytest.approx(2_000_000)}


def test_english_synonyms_mwh_and_kg_numbers_as_text(ws, tmp_path):
    path = book(tmp_path / "en.xlsx", {
        "Sites": SITES, "Campaigns": CAMPAIGNS,
        "Power": [["Facility", "From", "To", "Energy source", "Contract type",
                   "Electricity consumption [MWh]", "Cost centre"],
                  ["Ulanqab DC", "2021-05-01", "2021/5/31", "Solar PV", "Rooftop", "1,500",
                   "X1"],
                  ["Ulanqab DC", "2021-05-01", "2021/5/31", "Grid electricity", None, "2,500.5",
                   "X1"]],
        "Shipping": [["BU", "Campaign", "Order count", "CO2e (kg)"],
                     ["Tmall", "6.18 2021", "1,000,000", "1,800,000"],
                     ["Tmall", "6.18 2020", "800,000", "1,760,000"]],
        "Boxes": [["Business unit", "Campaign", "Packaging material", "Weight (kg)"],
                  ["Tmall", "6.18 2021", "瓦楞纸板", "850,000"]],
    })
    plans = {p.sheet: p for p in analyse(path)}
    assert plans["Power"].kind == Kind.ENERGY
    assert plans["Shipping"].kind == Kind.DELIVERIES
    assert plans["Boxes"].kind == Kind.PACKAGING
    ignored = [c.header for c in plans["Power"].ignored_columns]
    assert ignored == ["Cost centre"]
    import_file(ws, path)
    ul = site_year(summarize(ws), "Ulanqab DC", 2021)
    assert ul["total_kwh"] == pytest.approx(4_000_500)
    assert ul["renewable_kwh"] == pytest.approx(1_500_000)
    assert ul["renewable_share_pct"] == pytest.approx(1_500_000 / 4_000_500 * 100)
    camp = {c["name"]: c for c in summarize(ws)["campaigns"]}
    assert camp["6.18 2021"]["emissions_t"] == pytest.approx(1800)
    assert camp["6.18 2021"]["intensity_kg_per_order"] == pytest.approx(1.8)
    assert camp["6.18 2020"]["intensity_kg_per_order"] == pytest.approx(2.2)
    assert camp["6.18 2021"]["intensity_change_pct"] == pytest.approx((1.8 / 2.2 - 1) * 100)
    pack = ws.rows(Kind.PACKAGING)
    assert pack[0]["quantity"] == pytest.approx(850_000) and pack[0]["material"] == "board"


def test_every_bad_cell_is_refused_by_file_sheet_row_column_and_nothing_is_written(ws, tmp_path):
    rows = [r[:] for r in WIDE_CN]
    rows[3][5] = "lots"          # F4: 2023年3月
    rows[5][0] = "Nowhere DC"    # A6
    rows[4][1] = "核能"           # B5: not a source
    path = book(tmp_path / "bad.xlsx", {"站点": SITES, "用电": rows})
    before = snapshot(ws)
    with pytest.raises(ImportRefused) as info:
        import_file(ws, path)
    assert snapshot(ws) == before
    text = [str(p) for p in info.value.problems]
    assert "bad.xlsx › 用电 › row 4 › 2023年3月 [F]: 'lots' — not a number" in text
    assert any(t.startswith("bad.xlsx › 用电 › row 5 › 能源类型 [B]: '核能' — not one of")
               for t in text)
    assert sum("row 6 › 站点 [A]: 'Nowhere DC' — unknown site" in t for t in text) == 1


def test_month_headers_without_a_year_take_period(ws, tmp_path):
    rows = [["单位：千瓦时"], ["站点", "能源类型", *[f"{m}月" for m in range(1, 13)]],
            ["Zhangbei DC", "电网", *[1] * 12]]
    path = book(tmp_path / "m.xlsx", {"Sites": SITES, "E": rows})
    assert next(p for p in analyse(path) if p.sheet == "E").parsed is None
    with pytest.raises(ImportRefused):
        import_file(ws, path, ImportOptions(sheet="E"))
    import_file(ws, path, ImportOptions(sheet="Sites"))
    import_file(ws, path, ImportOptions(sheet="E", period_year=2022))
    rows = energy(ws)
    assert len(rows) == 12 and rows[0]["period_start"].startswith("2022-")
    assert sum(r["energy"] for r in rows) == 12


def test_month_column_subtotals_and_hidden_sheets(ws, tmp_path):
    data = [["Site", "Month", "Source", "kWh"],
            ["Zhangbei DC", "2023-01", "grid", 100],
            ["Zhangbei DC", "2023-02", "grid", 50],
            ["Zhangbei DC", "小计", None, 150],
            ["Ulanqab DC", "Jan 2023", "wind", 70],
            [None, None, None, None],
            ["Note: estimated"]]
    path = book(tmp_path / "h.xlsx", {"Sites": SITES, "Energy data": data,
                                      "Old": [r[:] for r in data]}, hidden=("Old",))
    plans = {p.sheet: p for p in analyse(path)}
    assert plans["Old"].skipped and plans["Old"].hidden
    plan = plans["Energy data"]
    assert {i.row: i.code for i in plan.layout.ignored} == {4: "total", 7: "note"}
    import_file(ws, path)
    got = sorted((r["site"], r["period_start"], r["period_end"], r["energy"]) for r in energy(ws))
    assert got == [("Ulanqab DC", "2023-01-01", "2023-01-31", 70),
                   ("Zhangbei DC", "2023-01-01", "2023-01-31", 100),
                   ("Zhangbei DC", "2023-02-01", "2023-02-28", 50)]
    # a hidden sheet named explicitly is read
    assert analyse(path, ImportOptions(sheet="Old"))[0].parsed is not None


def test_quarters_beside_a_year_total_use_the_quarters(tmp_path):
    rows = [["Site", "Source", "2023Q1 (kWh)", "2023Q2 (kWh)", "2023Q3 (kWh)", "2023Q4 (kWh)",
             "2023 (kWh)"],
            ["Zhangbei DC", "grid", 1, 2, 3, 4, 10]]
    path = book(tmp_path / "q.xlsx", {"E": rows})
    plan = analyse(path)[0]
    assert plan.totals()["energy"] == 10
    assert [c.note for c in plan.columns if c.header == "2023 (kWh)"][0] == \
        "a year over the quarter columns (their total)"


@pytest.mark.parametrize("text,year,want", [
    ("2023年1月", None, ("2023-01-01", "2023-01-31")),
    ("2023-02", None, ("2023-02-01", "2023-02-28")),
    ("Jan 2023", None, ("2023-01-01", "2023-01-31")),
    ("Sep-24", None, ("2024-09-01", "2024-09-30")),
    ("2024/2", None, ("2024-02-01", "2024-02-29")),
    ("2023 年 十二月", None, ("2023-12-01", "2023-12-31")),
    ("1月", 2023, ("2023-01-01", "2023-01-31")),
    ("三月", 2023, ("2023-03-01", "2023-03-31")),
    ("2023Q2", None, ("2023-04-01", "2023-06-30")),
    ("2023年第三季度", None, ("2023-07-01", "2023-09-30")),
    ("2023", None, ("2023-01-01", "2023-12-31")),
    (2023.0, None, ("2023-01-01", "2023-12-31")),
    (date(2023, 5, 31), None, ("2023-05-01", "2023-05-31")),
])
def test_period_headers(text, year, want):
    p = parse_period(text, year)
    assert (p.start.isoformat(), p.end.isoformat()) == want


@pytest.mark.parametrize("text", ["1月", "Jan", "Site", "2023年用电量", "13月", "2023-13", 12.5])
def test_not_period_headers(text):
    assert parse_period(text) is None


def test_a_site_merged_down_over_its_source_rows_is_that_site_on_each_row(ws, tmp_path):
    rows = [
        ["站点", "能源类型", "2023年1月", "2023年2月", "单位：kWh"],
        ["Zhangbei DC", "电网", 100, 110],
        [None, "风电", 40, 50],
        [None, "光伏", 5, 6],
        ["Ulanqab DC", "电网", 200, 210],
        [None, "风电", 70, None],
        ["合计", None, 415, 376],
    ]
    path = book(tmp_path / "merged.xlsx", {"站点": SITES, "用电": rows},
                merges={"用电": ["A2:A4", "A5:A6"]})
    plan = next(p for p in analyse(path) if p.sheet == "用电")
    assert not plan.problems and len(plan) == 9  # the empty February wind cell is skipped
    import_file(ws, path)
    by_site = {}
    for r in energy(ws):
        by_site[r["site"]] = by_site.get(r["site"], 0) + r["energy"]
    assert by_site == {"Zhangbei DC": pytest.approx(311), "Ulanqab DC": pytest.approx(480)}


def test_a_blank_site_that_is_not_merged_is_still_refused(ws, tmp_path):
    rows = [["站点", "能源类型", "2023年1月（千瓦时）"], ["Zhangbei DC", "电网", 100],
            [None, "风电", 40]]
    path = book(tmp_path / "blank.xlsx", {"站点": SITES, "用电": rows})
    plan = next(p for p in analyse(path) if p.sheet == "用电")
    assert [(p.row, p.code) for p in plan.problems] == [(3, "required")]
