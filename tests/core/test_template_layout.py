"""The template is a layout the stages recognise with full confidence (layout.recognise_template),
its fast column parse the parse step of that layout: one pipeline (engine), not two importers.
A sheet of the template gets the stages' niceties (units and magnitudes in cells); a sheet the
template's fast path would not read fully (no unit, another field's header) is read by the
stages, and synonyms (站点, 用电量（万千瓦时）) give the template's figures."""

from __future__ import annotations

from datetime import date

import pytest

from greenledger.core.fields import Kind
from greenledger.core.importing import engine, importer
from greenledger.core.importing.codes import Found
from greenledger.core.importing.layout import recognise_template
from greenledger.core.importing.reader import read_sheets
from tests.conftest import CAMPAIGNS, ENERGY_HEADER, SITES, write_workbook

ZB = "Zhangbei DC"
DELIVERIES_HEADER = ["Business unit", "Campaign", "Period start", "Period end", "Orders",
                     "Vehicle", "Distance (km)", "Emissions (t CO2e)"]


def _energy_book(tmp_path, header, rows, name="e.xlsx"):
    return write_workbook(tmp_path / name, {"Sites": SITES, "Energy": [header, *rows]})


def _sheet(path, name):
    return next(s for s in read_sheets(path) if s.name == name)


def test_a_template_sheet_is_a_layout_of_full_confidence(tmp_path):
    path = _energy_book(tmp_path, ENERGY_HEADER, [
        [ZB, date(2023, 1, 1), date(2023, 1, 31), "grid", 1200, None]])
    template, layout = recognise_template(_sheet(path, "Energy"), path.name)
    assert template.kind == Kind.ENERGY and layout.first_data == 1
    plan = next(p for p in engine.analyse(path) if p.sheet == "Energy")
    assert plan.template and plan.kind_confidence == 1.0
    assert {c.found for c in plan.columns if c.field} == {Found.TEMPLATE}
    assert plan.parsed.columns["energy"] == [1200.0]


@pytest.mark.parametrize("header", [
    [*ENERGY_HEADER[:4], "Energy", ENERGY_HEADER[5]],  # no unit: the units rules decide
    [*ENERGY_HEADER, "月份"],  # another header naming a field, which the fast path would drop
])
def test_other_headers_are_not_the_template(tmp_path, header):
    path = _energy_book(tmp_path, header, [
        [ZB, date(2023, 1, 1), date(2023, 1, 31), "grid", 1200, None, None][:len(header)]])
    assert recognise_template(_sheet(path, "Energy"), path.name) is None
    plan = next(p for p in engine.analyse(path) if p.sheet == "Energy")
    assert not plan.template


def test_the_templates_listed_synonyms_are_the_template_too(tmp_path):
    path = _energy_book(tmp_path, ["站点", "开始日期", "结束日期", "能源类型", "用电量（kWh）",
                                   "采购方式"],
                        [[ZB, date(2023, 1, 1), date(2023, 1, 31), "grid", 1200, None]])
    plan = next(p for p in engine.analyse(path) if p.sheet == "Energy")
    assert plan.template and {c.found for c in plan.columns if c.field} == {Found.SYNONYM}
    assert plan.parsed.columns["energy"] == [1200.0]


def test_synonym_headers_give_the_templates_figures(tmp_path, ws):
    rows = [[ZB, date(2023, 1, 1), date(2023, 1, 31), "grid", 1200.5, None],
            [ZB, date(2023, 2, 1), date(2023, 2, 28), "wind", 300, "PPA"]]
    template = _energy_book(tmp_path, ENERGY_HEADER, rows, "t.xlsx")
    synonyms = _energy_book(tmp_path, ["站点", "开始日期", "结束日期", "能源类型",
                                       "用电量（万千瓦时）", "采购方式"],
                            [[*r[:4], r[4] / 1e4, r[5]] for r in rows], "s.xlsx")
    engine.import_file(ws, template)
    stored = sorted((r["period_start"], r["energy"]) for r in ws.rows(Kind.ENERGY))
    result = engine.import_file(ws, synonyms)
    assert result.inserted == 0  # the same rows: nothing new
    again = sorted((r["period_start"], r["energy"]) for r in ws.rows(Kind.ENERGY))
    assert [d for d, _ in again] == [d for d, _ in stored] == ["2023-01-01", "2023-02-01"]
    assert [k for _, k in again] == pytest.approx([k for _, k in stored])
    assert [k for _, k in stored] == [1200.5, 300.0]


def test_orders_with_a_magnitude_in_a_template_deliveries_sheet_are_read(tmp_path, ws):
    """README: units and magnitudes inside cells are read (`120万` orders); the template's
    Deliveries sheet refused them as 'not a number' (blind finding F2)."""
    path = write_workbook(tmp_path / "d.xlsx", {"Campaigns": CAMPAIGNS, "Deliveries": [
        DELIVERIES_HEADER,
        ["Tmall", "6.18 2021", None, None, "120万", None, None, 2350.6],
        ["Cainiao", "6.18 2021", None, None, "35.6万", None, None, 410.25],
        ["Ele.me", "6.18 2021", None, None, 5000, None, None, 12.5]]})
    plan = next(p for p in engine.analyse(path) if p.sheet == "Deliveries")
    assert plan.template and not plan.all_problems
    importer.import_file(ws, path)
    orders = {r["business_unit"]: r["orders"] for r in ws.rows(Kind.DELIVERIES)}
    assert orders == {"Tmall": 1_200_000, "Cainiao": 356_000, "Ele.me": 5000}


def test_a_magnitude_in_an_energy_column_without_a_unit_is_still_refused(tmp_path):
    """`12.5万` kWh needs the column's unit; 万 of a unit nobody stated is not guessed."""
    path = _energy_book(tmp_path, [*ENERGY_HEADER[:4], "Energy", ENERGY_HEADER[5]], [
        [ZB, date(2023, 1, 1), date(2023, 1, 31), "grid", "12.5万", None]])
    plan = next(p for p in engine.analyse(path) if p.sheet == "Energy")
    assert "unit_unstated" in {p.code for p in plan.all_problems}
    assert plan.parsed is None or plan.parsed.columns["energy"] == [None]


def test_magnitudes_and_units_in_template_cells(tmp_path, ws):
    """`1.2万` in `Energy (kWh)` is 12,000 kWh; `925,411 kWh` its own unit; `1,479 MWh` under
    a kWh header is refused naming both units (a figure in a unit its column is not in)."""
    rows = [[ZB, date(2023, 1, 1), date(2023, 1, 31), "grid", "1.2万", None],
            [ZB, date(2023, 2, 1), date(2023, 2, 28), "grid", "925,411 kWh", None],
            [ZB, date(2023, 3, 1), date(2023, 3, 31), "grid", 1000, None]]
    path = _energy_book(tmp_path, ENERGY_HEADER, rows)
    plan = next(p for p in engine.analyse(path) if p.sheet == "Energy")
    assert plan.template and not plan.all_problems
    importer.import_file(ws, path)
    kwh = sorted(r["energy"] for r in ws.rows(Kind.ENERGY))
    assert kwh == [1000.0, 12_000.0, 925_411.0]
    bad = _energy_book(tmp_path, ENERGY_HEADER, [rows[0][:4] + ["1,479 MWh", None]], "bad.xlsx")
    plan = next(p for p in engine.analyse(bad) if p.sheet == "Energy")
    assert {p.code for p in plan.all_problems} == {"cell_unit_conflict"}


def test_the_template_importer_is_the_engine():
    assert importer.import_file is engine.import_file
