"""A Factors sheet's key in the words a sheet writes it (电网, Grid emission factor, 剩余组合 ...)
is the key the lookup uses; a key that would be stored and never used is refused naming its cell.
Real workbooks written by openpyxl, real workspace files; every figure computed by hand."""

from datetime import date

import pytest

from greenledger.core.accounting import summarize
from greenledger.core.errors import ImportRefused
from greenledger.core.factors import canonical_factor_key
from greenledger.core.fields import Kind
from greenledger.core.importing.engine import import_file
from tests.conftest import ENERGY_HEADER, SITES, snapshot, write_workbook

FACTOR_HEADER = ["Factor", "Region", "Year", "Value", "Unit", "Source"]
CN_HEADER = ["因子", "区域", "年份", "数值", "单位", "来源"]


@pytest.fixture
def sites(ws, tmp_path):
    import_file(ws, write_workbook(tmp_path / "sites.xlsx", {"Sites": SITES}))
    return ws


def energy(kwh=1_000_000):
    return [ENERGY_HEADER, ["Zhangbei DC", date(2023, 1, 1), date(2023, 1, 31), "grid", kwh, None]]


def zb_2023(ws):
    return next(r for r in summarize(ws)["site_years"]
                if r["site"] == "Zhangbei DC" and r["year"] == 2023)


@pytest.mark.parametrize("header,key,region", [
    (CN_HEADER, "电网", "华北"), (FACTOR_HEADER, "Grid emission factor", "North China"),
    (CN_HEADER, "电网排放因子", "华北电网"), (FACTOR_HEADER, "GRID", "North China")])
def test_a_grid_factor_written_in_other_words_is_the_one_used(sites, tmp_path, header, key, region):
    path = write_workbook(tmp_path / "f.xlsx", {
        "排放因子": [header, [key, region, 2023, 0.5, "kgCO2/kWh", "企业自测 2023"]],
        "Energy": energy()})
    import_file(sites, path)
    (f,) = sites.rows(Kind.FACTORS)
    assert f["factor"] == "grid" and f["region"] == "North China"
    # 1,000,000 kWh × 0.5 kg CO2/kWh = 500 t (not the library's North China factor)
    assert zb_2023(sites)["location_based_t"] == pytest.approx(500.0)


def test_a_residual_mix_in_chinese_prices_the_market_based_method(sites, tmp_path):
    path = write_workbook(tmp_path / "f.xlsx", {
        "Factors": [CN_HEADER, ["电网", "华北", 2023, 0.5, "kgCO2/kWh", "own"],
                    ["剩余组合", "华北", 2023, 0.6, "t CO2/MWh", "own"]],
        "Energy": energy()})
    import_file(sites, path)
    assert sorted(r["factor"] for r in sites.rows(Kind.FACTORS)) == ["grid", "residual"]
    y = zb_2023(sites)
    assert y["location_based_t"] == pytest.approx(500.0)
    assert y["market_based_t"] == pytest.approx(600.0)  # 1,000,000 × 0.6 / 1000


@pytest.mark.parametrize("text,key", [
    ("余量", "residual"), ("Residual mix", "residual"), ("柴油", "diesel"),
    ("柴油货车", "truck diesel"), ("纸箱", "board"), ("再生纸箱", "board recycled"),
    ("grid_om", "grid_om"), ("胶带", "胶带")])
def test_factor_key_synonyms(text, key):
    assert canonical_factor_key(text) == key


def refused(ws, path):
    before = snapshot(ws)
    with pytest.raises(ImportRefused) as exc:
        import_file(ws, path)
    assert snapshot(ws) == before, "a refused import must change nothing"
    return exc.value.problems


def test_an_unknown_key_with_a_region_is_refused_naming_its_cell(sites, tmp_path):
    path = write_workbook(tmp_path / "f.xlsx", {
        "Factors": [FACTOR_HEADER, ["grid", "North China", 2023, 0.5, "kg CO2/kWh", "own"],
                    ["电网平均值", "North China", 2022, 0.55, "kg CO2/kWh", "own"]],
        "Energy": energy()})
    (p,) = refused(sites, path)
    assert (p.file, p.sheet, p.row, p.value) == (path.name, "Factors", 3, "电网平均值")
    assert p.column is not None and p.column.startswith("Factor")
    assert p.code == "factor_key_region" and "never be used" in p.reason


def test_an_unknown_key_per_kwh_or_per_km_is_refused(sites, tmp_path):
    path = write_workbook(tmp_path / "f.xlsx", {"Factors": [
        FACTOR_HEADER, ["electric power", None, 2023, 0.5, "kg CO2/kWh", "own"],
        ["lorry", None, 2023, 0.9, "kg CO2e/km", "own"]]})
    problems = refused(sites, path)
    assert [(p.row, p.value, p.code) for p in problems] == [
        (2, "electric power", "factor_key_unknown"), (3, "lorry", "factor_key_unknown")]
    assert "grid, residual, diesel" in problems[0].reason
    assert "truck diesel" in problems[1].reason


def test_a_workbooks_own_material_per_kg_is_kept(sites, tmp_path):
    path = write_workbook(tmp_path / "f.xlsx", {"Factors": [
        FACTOR_HEADER, ["胶带", None, None, 2.8, "kg CO2e/kg", "own"]]})
    import_file(sites, path)
    (f,) = sites.rows(Kind.FACTORS)
    assert f["factor"] == "胶带" and f["value"] == pytest.approx(2.8)


def test_the_refusal_reads_in_chinese(tmp_path):
    import subprocess
    import sys
    path = write_workbook(tmp_path / "f.xlsx", {"Factors": [
        FACTOR_HEADER, ["电网平均值", "North China", 2023, 0.5, "kg CO2/kWh", "own"],
        ["lorry", None, 2023, 0.9, "kg CO2e/km", "own"]]})
    proc = subprocess.run([sys.executable, "-m", "greenledger.gui.cli", "--lang", "zh", "--workspace",
                           str(tmp_path / "w.greenledger"), "import", str(path)],
                          capture_output=True, text=True)
    assert proc.returncode == 1
    out = proc.stdout + proc.stderr
    assert "第 2 行" in out and "不是随电网区域（North China）而定的因子键" in out
    assert "第 3 行" in out and "不是按 km 计的因子键" in out and "truck diesel" in out


def test_one_factor_written_twice_in_other_words_is_refused(sites, tmp_path):
    # grid | North China and 电网 | 华北 for 2023: one factor, two values — which one is meant?
    path = write_workbook(tmp_path / "f.xlsx", {"Factors": [
        FACTOR_HEADER, ["grid", "North China", 2023, 0.5, "kg CO2/kWh", "own"],
        ["电网", "华北", 2023, 0.6, "kg CO2/kWh", "own"],
        ["电网", "华北", 2022, 0.6, "kg CO2/kWh", "own"]]})
    (p,) = refused(sites, path)
    assert (p.row, p.value, p.code) == (3, "电网", "duplicate_row") and "row 2" in p.reason


@pytest.mark.parametrize("key", ["diesel", "柴油", "board", "van diesel"])
def test_a_factor_looked_up_without_a_region_is_refused_with_one(sites, tmp_path, key):
    # diesel, materials and fuel vehicles are looked up with no region: 华北 would leave it unused
    path = write_workbook(tmp_path / "f.xlsx", {"Factors": [
        FACTOR_HEADER, [key, "华北", 2023, 0.7, "kg CO2e/kg" if key == "board" else
                        "kg CO2e/km" if key == "van diesel" else "kg CO2/kWh", "own"]]})
    (p,) = refused(sites, path)
    assert (p.row, p.value, p.code) == (2, key, "factor_key_region")


def test_an_electric_van_factor_may_name_its_grid_region(sites, tmp_path):
    path = write_workbook(tmp_path / "f.xlsx", {"Factors": [
        FACTOR_HEADER, ["电动面包车", "华北", 2023, 0.2, "kg CO2e/km", "own"]]})
    import_file(sites, path)
    (f,) = sites.rows(Kind.FACTORS)
    assert (f["factor"], f["region"]) == ("van electric", "North China")
