"""The import template (core.template) and the 6.18 demo workbook (tools/make_demo_workbook.py).

Expected headers, dropdown values and the demo's figures are written out by hand here, from
workbook-format.md and the press release, not derived from the code under test.
"""

from __future__ import annotations

import calendar
import subprocess
import sys
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest
from openpyxl.utils import column_index_from_string, get_column_letter

from greenledger.core.fields import TEMPLATE_VERSION, Kind
from greenledger.core.template import build_workbook, write_template

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "resources" / "demo" / "demo_618.xlsx"
SCRIPT = ROOT / "tools" / "make_demo_workbook.py"

EXPECTED_HEADERS = {
    "Sites": ["Site", "Type", "Grid region", "Country"],
    "Campaigns": ["Campaign", "Start", "End", "Baseline"],
    "Energy": ["Site", "Period start", "Period end", "Source", "Energy (kWh)", "Instrument"],
    "Deliveries": ["Business unit", "Campaign", "Period start", "Period end", "Orders", "Vehicle",
                   "Distance (km)", "Emissions (t CO2e)", "Country"],
    "Packaging": ["Business unit", "Campaign", "Period start", "Period end", "Material",
                  "Quantity", "Unit", "Recycled content (%)"],
    "Initiatives": ["Initiative", "Business unit", "Campaign", "Activity", "Activity unit",
                    "Factor (kg CO2e per unit)", "Reduction (t CO2e)"],
    "Factors": ["Factor", "Region", "Year", "Value", "Unit", "Source"],
}
DATA_SHEETS = list(EXPECTED_HEADERS)

# (sheet, header) -> the dropdown's values
EXPECTED_DROPDOWNS = {
    ("Sites", "Type"): ["data center", "distribution center", "warehouse", "office", "store",
                        "other"],
    ("Sites", "Grid region"): [
        "China", "North China", "Northeast China", "East China", "Central China",
        "Northwest China", "South China", "Southwest China", "Hebei", "Inner Mongolia", "Shanxi",
        "Tianjin", "Anhui", "Fujian", "Guangxi", "Qinghai", "Sichuan", "Yunnan",
        "United Kingdom", "United States", "World"],
    ("Energy", "Source"): ["grid", "wind", "solar", "hydro", "biomass", "geothermal", "diesel"],
    ("Energy", "Instrument"): ["green power trade", "PPA", "certificate", "on-site"],
    ("Deliveries", "Vehicle"): ["van diesel", "van petrol", "van electric", "truck diesel"],
    ("Packaging", "Unit"): ["g", "kg", "t"],
}


@pytest.fixture(scope="module")
def template(tmp_path_factory) -> openpyxl.Workbook:
    path = tmp_path_factory.mktemp("template") / "template.xlsx"
    write_template(path)
    return openpyxl.load_workbook(path)


@pytest.fixture(scope="module")
def demo() -> openpyxl.Workbook:
    return openpyxl.load_workbook(DEMO)


def header_row(ws) -> list:
    return [c.value for c in ws[1]]


def records(ws) -> list[dict]:
    """The data rows of a sheet as dicts keyed by header."""
    rows = list(ws.iter_rows(values_only=True))
    return [dict(zip(rows[0], r, strict=True)) for r in rows[1:]]


def dropdown_values(wb: openpyxl.Workbook, ws, header: str) -> list[str]:
    """The list a column's data validation offers, checking that it covers rows 2..5000."""
    letter = get_column_letter(header_row(ws).index(header) + 1)
    found = [dv for dv in ws.data_validations.dataValidation
             if f"{letter}2:{letter}5000" in str(dv.sqref).split()]
    assert len(found) == 1, f"{ws.title}!{header}: {len(found)} validations"
    dv = found[0]
    assert dv.type == "list"
    assert dv.allow_blank
    formula = dv.formula1
    if formula.startswith('"'):
        return formula.strip('"').split(",")
    sheet, ref = formula.split("!")
    first, last = ref.replace("$", "").split(":")
    col = first.rstrip("0123456789")
    lo, hi = int(first[len(col):]), int(last[len(col):])
    lists = wb[sheet]
    return [lists.cell(row=r, column=column_index_from_string(col)).value
            for r in range(lo, hi + 1)]


# --- the empty template ----------------------------------------------------------------------

def test_template_sheets_in_order(template):
    assert template.sheetnames == ["Read me", *DATA_SHEETS, "Lists"]
    assert template["Lists"].sheet_state == "hidden"
    assert all(template[name].sheet_state == "visible" for name in ["Read me", *DATA_SHEETS])


@pytest.mark.parametrize("sheet", DATA_SHEETS)
def test_template_headers(template, sheet):
    ws = template[sheet]
    assert header_row(ws) == EXPECTED_HEADERS[sheet]
    assert ws.max_row == 1  # no data rows, no notes
    assert all(c.font.bold for c in ws[1])
    assert all(c.fill.fill_type == "solid" for c in ws[1])
    assert ws.freeze_panes == "A2"


@pytest.mark.parametrize(("sheet", "header"), list(EXPECTED_DROPDOWNS))
def test_template_dropdowns(template, sheet, header):
    assert dropdown_values(template, template[sheet], header) == EXPECTED_DROPDOWNS[(sheet, header)]


def test_template_has_no_other_dropdowns(template):
    for sheet in DATA_SHEETS:
        ws = template[sheet]
        expected = sorted(get_column_letter(header_row(ws).index(h) + 1)
                          for (s, h) in EXPECTED_DROPDOWNS if s == sheet)
        covered = sorted(str(dv.sqref)[0] for dv in ws.data_validations.dataValidation)
        assert covered == expected, sheet


def test_template_column_formats(template):
    energy = template["Energy"]
    assert energy.column_dimensions["B"].number_format == "yyyy-mm-dd"
    assert energy.column_dimensions["C"].number_format == "yyyy-mm-dd"
    assert energy.column_dimensions["E"].number_format == "#,##0.##"
    assert template["Campaigns"].column_dimensions["B"].number_format == "yyyy-mm-dd"
    assert template["Factors"].column_dimensions["C"].number_format == "0"  # years: no 2,021


def test_readme_mentions_version_and_every_column(template):
    texts = [str(c.value) for row in template["Read me"].iter_rows() for c in row if c.value]
    blob = "\n".join(texts)
    assert f"version {TEMPLATE_VERSION}" in blob.lower()
    for sheet, headers in EXPECTED_HEADERS.items():
        assert sheet in texts
        for h in headers:
            assert h in texts, h
    assert "About this workbook" not in blob  # no notes given
    assert "yyyy-mm-dd" in blob


# --- rows and notes --------------------------------------------------------------------------

def test_rows_are_written_under_the_headers(tmp_path):
    wb = build_workbook({
        Kind.CAMPAIGNS: [{"campaign": "6.18 2021", "start": date(2021, 6, 1),
                          "end": date(2021, 6, 18), "baseline": "6.18 2020"}],
        Kind.ENERGY: [{"site": "Zhangbei DC", "period_start": date(2021, 6, 1),
                       "period_end": date(2021, 6, 30), "source": "wind", "energy": 12_000_000,
                       "instrument": "green power trade"}],
    })
    wb.save(tmp_path / "rows.xlsx")
    wb = openpyxl.load_workbook(tmp_path / "rows.xlsx")
    campaigns = wb["Campaigns"]
    assert [c.value for c in campaigns[2]] == [
        "6.18 2021", datetime(2021, 6, 1), datetime(2021, 6, 18), "6.18 2020"]
    assert campaigns["B2"].is_date and campaigns["B2"].number_format == "yyyy-mm-dd"
    energy = wb["Energy"]
    assert [c.value for c in energy[2]] == [
        "Zhangbei DC", datetime(2021, 6, 1), datetime(2021, 6, 30), "wind", 12_000_000,
        "green power trade"]
    assert energy.max_row == 2


def test_unknown_field_is_refused():
    with pytest.raises(ValueError, match="colour"):
        build_workbook({Kind.SITES: [{"site": "A", "grid_region": "China", "colour": "red"}]})


def test_notes_go_to_the_readme_only():
    wb = build_workbook({Kind.SITES: [{"site": "A", "grid_region": "China"}]},
                        notes={Kind.ENERGY: "Monthly kWh are illustrative."})
    readme = [c.value for row in wb["Read me"].iter_rows() for c in row if c.value]
    assert "About this workbook" in readme
    assert "Monthly kWh are illustrative." in readme
    assert wb["Energy"].max_row == 1
    assert wb["Sites"].max_row == 2
    for name in DATA_SHEETS:
        values = [c.value for row in wb[name].iter_rows() for c in row]
        assert "Monthly kWh are illustrative." not in values


# --- the demo workbook -----------------------------------------------------------------------

def test_demo_in_resources_is_what_the_script_builds(tmp_path, demo):
    out = tmp_path / "demo.xlsx"
    subprocess.run([sys.executable, str(SCRIPT), str(out)], check=True, capture_output=True)
    fresh = openpyxl.load_workbook(out)
    assert fresh.sheetnames == demo.sheetnames
    for name in demo.sheetnames:
        assert list(fresh[name].iter_rows(values_only=True)) == \
            list(demo[name].iter_rows(values_only=True)), name
        assert fresh[name].sheet_state == demo[name].sheet_state


def test_demo_has_the_template_layout(demo):
    assert demo.sheetnames == ["Read me", *DATA_SHEETS, "Lists"]
    for sheet in DATA_SHEETS:
        assert header_row(demo[sheet]) == EXPECTED_HEADERS[sheet]
    assert demo["Factors"].max_row == 1  # the built-in library is used


def test_demo_sites_and_campaigns(demo):
    assert records(demo["Sites"]) == [
        {"Site": "Zhangbei DC", "Type": "data center", "Grid region": "North China",
         "Country": "China"},
        {"Site": "Ulanqab DC", "Type": "data center", "Grid region": "Inner Mongolia",
         "Country": "China"},
    ]
    assert records(demo["Campaigns"]) == [
        {"Campaign": "6.18 2020", "Start": datetime(2020, 6, 1), "End": datetime(2020, 6, 18),
         "Baseline": None},
        {"Campaign": "6.18 2021", "Start": datetime(2021, 6, 1), "End": datetime(2021, 6, 18),
         "Baseline": "6.18 2020"},
    ]


def test_demo_energy_rows_are_calendar_months(demo):
    rows = records(demo["Energy"])
    seen = set()
    for r in rows:
        start, end = r["Period start"], r["Period end"]
        assert start.day == 1
        assert (end.year, end.month) == (start.year, start.month)
        assert end.day == calendar.monthrange(start.year, start.month)[1]
        assert r["Energy (kWh)"] > 0
        if r["Source"] == "grid":
            assert r["Instrument"] is None
        key = (r["Site"], start, r["Source"])
        assert key not in seen
        seen.add(key)


def test_demo_zhangbei_wind(demo):
    wind = [r for r in records(demo["Energy"])
            if r["Site"] == "Zhangbei DC" and r["Source"] == "wind"]
    assert len(wind) == 42  # Jan 2018 .. Jun 2021
    assert {r["Instrument"] for r in wind} == {"green power trade"}
    assert sum(r["Energy (kWh)"] for r in wind) == 450_000_000  # "450 million kWh since 2018"
    by_year: dict[int, int] = {}
    for r in wind:
        by_year[r["Period start"].year] = by_year.get(r["Period start"].year, 0) + r["Energy (kWh)"]
    assert by_year == {2018: 60_000_000, 2019: 100_000_000, 2020: 150_000_000,
                       2021: 140_000_000}
    june = [r["Energy (kWh)"] for r in wind if r["Period start"] == datetime(2021, 6, 1)]
    assert june == [24_000_000]
    # 6.18 2021 window: 18 of June's 30 days -> 14,400,000 kWh; x 0.712 kg/kWh = 10,252.8 t
    in_window = 24_000_000 * 18 / 30
    assert in_window == 14_400_000
    assert in_window * 0.712 / 1000 == pytest.approx(10_252.8)
    assert in_window * 0.712 / 1000 > 8_000
    # 450,000,000 kWh x 0.712 kg/kWh = 320,400 t (the release's "nearly 400,000 t" implies 0.889)
    total_t = 450_000_000 * 0.712 / 1000
    assert total_t == pytest.approx(320_400)


def test_demo_zhangbei_grid(demo):
    grid = [r for r in records(demo["Energy"])
            if r["Site"] == "Zhangbei DC" and r["Source"] == "grid"]
    assert len(grid) == 42  # Jan 2018 .. Jun 2021: grid rows in every year the charts show
    assert {r["Energy (kWh)"] for r in grid} == {30_000_000}


def test_demo_ulanqab_renewable_share(demo):
    rows = [r for r in records(demo["Energy"]) if r["Site"] == "Ulanqab DC"]
    assert len(rows) == 42 * 3  # Jan 2018 .. Jun 2021, grid + wind + solar
    instruments = {(r["Source"], r["Instrument"]) for r in rows}
    assert instruments == {("grid", None), ("wind", "green power trade"), ("solar", "on-site")}

    def mix(year, month):
        return {r["Source"]: r["Energy (kWh)"] for r in rows
                if r["Period start"] == datetime(year, month, 1)}

    may_2020, may_2021 = mix(2020, 5), mix(2021, 5)
    assert may_2020 == {"grid": 31_000_000, "wind": 15_000_000, "solar": 4_000_000}
    assert may_2021 == {"grid": 33_000_000, "wind": 20_000_000, "solar": 7_000_000}
    # (15 + 4) / 50 = 38 %; (20 + 7) / 60 = 45 %
    assert (may_2020["wind"] + may_2020["solar"]) * 100 == 38 * sum(may_2020.values())
    assert (may_2021["wind"] + may_2021["solar"]) * 100 == 45 * sum(may_2021.values())
    for year, month in [(2020, m) for m in range(1, 13)] + [(2021, m) for m in range(1, 7)]:
        m = mix(year, month)
        share = (m["wind"] + m["solar"]) / sum(m.values())
        assert 0.30 < share < 0.50
        assert 45_000_000 < sum(m.values()) < 65_000_000


def test_demo_deliveries_intensity(demo):
    rows = records(demo["Deliveries"])
    assert all(r["Period start"] is None and r["Period end"] is None for r in rows)

    def per_order_kg(campaign):
        ds = [r for r in rows if r["Campaign"] == campaign]
        return (sum(r["Emissions (t CO2e)"] for r in ds) * 1000
                / sum(r["Orders"] for r in ds))

    # 50,000 t / 100,000,000 orders = 0.5 kg; 49,200 t / 120,000,000 = 0.41 kg; 0.41/0.5 = 0.82
    assert per_order_kg("6.18 2020") == pytest.approx(0.5)
    assert per_order_kg("6.18 2021") == pytest.approx(0.41)
    assert per_order_kg("6.18 2021") / per_order_kg("6.18 2020") - 1 == pytest.approx(-0.18)


def test_demo_packaging(demo):
    assert [(r["Campaign"], r["Material"], r["Quantity"], r["Unit"], r["Recycled content (%)"])
            for r in records(demo["Packaging"])] == [
        ("6.18 2020", "board", 900, "t", 30), ("6.18 2020", "film", 120, "t", 0),
        ("6.18 2021", "board", 850, "t", 40), ("6.18 2021", "film", 90, "t", 0)]


def test_demo_initiatives(demo):
    cainiao, elem = records(demo["Initiatives"])
    assert cainiao["Business unit"] == "Cainiao"
    assert cainiao["Reduction (t CO2e)"] == 13_000
    assert cainiao["Activity"] is None
    assert elem["Initiative"] == "No plastic cutlery"
    assert elem["Business unit"] == "Ele.me"
    assert elem["Reduction (t CO2e)"] is None
    # 20,000,000 orders x 0.02 kg = 400,000 kg = 400 t; / 17.9 kg per Haloxylon = 22,346 trees
    t = elem["Activity"] * elem["Factor (kg CO2e per unit)"] / 1000
    assert t == pytest.approx(400)
    assert round(t * 1000 / 17.9) == 22_346


def test_demo_readme_labels_illustrative_figures(demo):
    cells = list(demo["Read me"].iter_rows(values_only=True))
    notes = {}
    start = next(i for i, r in enumerate(cells) if r[0] == "About this workbook")
    for a, b in cells[start + 1:]:
        if a is None:
            break
        notes[a] = b
    assert set(notes) == set(DATA_SHEETS)
    for sheet in ("Energy", "Deliveries", "Packaging"):
        assert "ILLUSTRATIVE" in notes[sheet]
    assert "450,000,000" in notes["Energy"] and "38 %" in notes["Energy"]
    assert "18 %" in notes["Deliveries"]
    assert "rooftop PV" in notes["Initiatives"] and "not an Energy row" in notes["Initiatives"]
