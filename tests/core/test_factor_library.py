"""The built-in factor library (resources/data/factors.csv) and lookups through FactorBook.

Expected values are written out by hand from /work/shared/domain/factors.md, not read back
from the library.
"""

from __future__ import annotations

import csv
import importlib.util
import json
import sys
from pathlib import Path

import pytest

from greenledger import resources
from greenledger.core.factors import (
    Factor,
    FactorBook,
    as_workspace,
    builtin_library,
    canonical_region,
    stored_unit_for,
)
from greenledger.core.units import factor_multiplier

REPO_ROOT = Path(__file__).resolve().parents[2]
BUILD_SCRIPT = REPO_ROOT / "tools" / "build_factor_library.py"
SHARED_CSV = REPO_ROOT.parent / "shared" / "domain" / "factors.csv"
COLUMNS = ["key", "region", "year", "value", "unit", "gas_basis", "kind", "quality", "source",
           "url", "note"]


@pytest.fixture(scope="module")
def library():
    return builtin_library()


@pytest.fixture(scope="module")
def book(library):
    return FactorBook(library.factors)


def _one(library, key, region="", year=None) -> Factor:
    found = [f for f in library.factors
             if f.key == key and f.region == region and f.year == year]
    assert len(found) == 1, (key, region, year, found)
    return found[0]


# --- the file itself ------------------------------------------------------------------------

def test_metadata():
    meta = json.loads(resources.path("data/library.json").read_text(encoding="utf-8"))
    assert meta == {"version": "2026.11.1", "name": "GreenLedger built-in factor library",
                    "released": "2026-11-28"}
    assert builtin_library().version == "2026.11.1"


def test_columns_and_order():
    with resources.path("data/factors.csv").open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        assert reader.fieldnames == COLUMNS
        rows = list(reader)
    idents = [(r["key"], r["region"], int(r["year"]) if r["year"] else -1) for r in rows]
    assert idents == sorted(idents)
    assert len(set(idents)) == len(idents)


def test_every_row_is_documented(library):
    assert len(library.factors) == 95
    for f in library.factors:
        assert f.source, f
        assert f.unit, f
        assert f.quality in ("official", "secondary", "derived"), f
        assert f.gas_basis in ("CO2", "CO2e"), f
        assert f.kind, f
        assert f.origin == "library"
        # The unit's numerator says the gas basis: "kg CO2/..." or "kg CO2e/...".
        assert f.unit.split("/")[0] == f"kg {f.gas_basis}", f


def test_values_are_in_the_stored_unit(library):
    """Each row's unit converts to its key's stored unit with multiplier 1."""
    for f in library.factors:
        denominator = f.unit.split("/", 1)[1]
        per = denominator if denominator in ("kWh", "km", "kg") else None
        mult, _ = factor_multiplier(f.unit, per)
        assert mult == 1.0, f
        stored = stored_unit_for(f.key)
        if stored:  # grid, residual, diesel, van ..., truck ...
            assert f.unit.split("/")[1] == stored.split("/")[1], f


def test_regions_are_canonical(library):
    regions = {f.region for f in library.factors}
    assert regions == {
        "", "China", "North China", "Northeast China", "East China", "Central China",
        "Northwest China", "South China", "Southwest China", "Hebei", "Inner Mongolia",
        "Shanxi", "Tianjin", "Anhui", "Fujian", "Guangxi", "Qinghai", "Sichuan", "Yunnan",
        "United Kingdom", "United States", "World"}
    for f in library.factors:
        assert canonical_region(f.region) == f.region


def test_row_counts_per_key(library):
    counts: dict[str, int] = {}
    for f in library.factors:
        counts[f.key] = counts.get(f.key, 0) + 1
    # China: 3 national + 7 regions x 3 years + Hebei/Inner Mongolia x 2 + 8 provinces (2022)
    # = 3 + 21 + 4 + 8 = 36; UK 2, US 2, World 2.
    assert counts["grid"] == 42
    assert counts["residual"] == 2
    assert counts["grid_fossil"] == 3
    assert counts["grid_ets"] == 1
    assert counts["grid_om"] == 6
    assert counts["grid_implied_press_release"] == 1
    assert counts["diesel"] == 1
    assert counts["van electric"] == 3
    for key in ("van diesel", "van petrol", "truck diesel", "board", "board recycled", "paper",
                "mixed paper", "film", "rigid plastic", "plastics", "ldpe", "hdpe", "pp", "ps",
                "pet"):
        assert counts[key] == 2, key
    for key in ("haloxylon_tree", "tree_seedling_10yr", "car_year", "home_electricity_year",
                "smartphone_charge", "km_driven"):
        assert counts[key] == 1, key


# --- grid and residual ----------------------------------------------------------------------

@pytest.mark.parametrize(("region", "year", "value", "quality"), [
    ("China", 2021, 0.5568, "official"),
    ("China", 2022, 0.5366, "official"),
    ("China", 2023, 0.5306, "official"),
    ("North China", 2021, 0.712, "secondary"),
    ("North China", 2022, 0.6776, "official"),
    ("North China", 2023, 0.6361, "official"),
    ("Southwest China", 2021, 0.2113, "secondary"),
    ("Hebei", 2021, 0.7901, "secondary"),
    ("Hebei", 2022, 0.7252, "official"),
    ("Inner Mongolia", 2022, 0.6849, "official"),
    ("Yunnan", 2022, 0.1073, "official"),
    ("United Kingdom", 2024, 0.20705, "official"),
    ("United Kingdom", 2025, 0.177, "official"),
    ("United States", 2022, 0.373374, "secondary"),  # 823.149 lb/MWh x 0.45359237 / 1000
    ("United States", 2023, 0.366, "official"),
    ("World", 2024, 0.445, "official"),              # 445 g/kWh
    ("World", 2025, 0.435, "secondary"),             # 435 g/kWh
])
def test_grid_values(library, region, year, value, quality):
    f = _one(library, "grid", region, year)
    assert f.value == pytest.approx(value, abs=1e-9)
    assert f.quality == quality
    assert f.kind == "average"
    assert f.unit == ("kg CO2e/kWh" if region == "United Kingdom" else "kg CO2/kWh")


def test_grid_holds_only_averages(library):
    grid = [f for f in library.factors if f.key == "grid"]
    assert {f.kind for f in grid} == {"average"}
    values = {f.value for f in grid}
    # ETS 0.5703, fossil-only 0.8426/0.8325/0.8273, footprint 0.6205, OM 1.0, implied 0.889,
    # Ember 0.458 and EIA 2022 0.39 are not grid averages of this library.
    for other in (0.5703, 0.8426, 0.8325, 0.8273, 0.6205, 1.0, 1.1171, 0.889, 0.458, 0.39):
        assert other not in values
    assert not any(f.year == 2023 and f.region == "Hebei" for f in grid)  # not retrieved


def test_comparison_keys(library):
    assert _one(library, "grid_ets", "China", 2022).value == pytest.approx(0.5703)
    assert _one(library, "grid_fossil", "China", 2021).value == pytest.approx(0.8426)
    assert _one(library, "grid_fossil", "China", 2023).value == pytest.approx(0.8273)
    om = _one(library, "grid_om", "North China", 2014)
    assert om.value == pytest.approx(1.0)
    assert om.kind == "om"
    assert "data years 2012-2014, 2016 edition" in om.note
    assert _one(library, "grid_om", "Northeast China", 2014).value == pytest.approx(1.1171)
    implied = _one(library, "grid_implied_press_release", "Hebei", None)
    assert implied.value == pytest.approx(0.889)  # 400,000 t / 450,000,000 kWh = 0.8889
    assert (implied.kind, implied.quality) == ("implied", "derived")


def test_residual(library, book):
    assert _one(library, "residual", "China", 2022).value == pytest.approx(0.5856)
    r2023 = _one(library, "residual", "China", 2023)
    assert r2023.value == pytest.approx(0.6096)
    assert r2023.kind == "residual"
    assert not any(f.key == "residual" and f.year == 2021 for f in library.factors)
    assert {f.region for f in library.factors if f.key == "residual"} == {"China"}
    # No walking up from a region to its country.
    assert book.lookup("residual", "North China", 2023) is None
    assert not book.has("residual", "Hebei")


# --- derived, vehicles, materials, equivalents ------------------------------------------------

def test_diesel_generator(library):
    f = _one(library, "diesel")
    # 10.180 kg CO2/US gal / 3.785411784 L/gal = 2.68927 kg/L; x 0.28 L/kWh = 0.75300
    assert f.value == pytest.approx(10.180 / 3.785411784 * 0.28, abs=1e-4)
    assert f.value == pytest.approx(0.7530, abs=1e-4)
    assert (f.unit, f.gas_basis, f.kind, f.quality) == ("kg CO2/kWh", "CO2", "derived", "derived")
    assert "0.28" in f.note and "assumption" in f.note


@pytest.mark.parametrize(("year", "value", "grid"), [
    (2021, 0.19643904, "0.5568"),  # 0.3528 x 0.5568
    (2022, 0.18931248, "0.5366"),  # 0.3528 x 0.5366
    (2023, 0.18719568, "0.5306"),  # 0.3528 x 0.5306
])
def test_van_electric(library, year, value, grid):
    f = _one(library, "van electric", "", year)
    assert f.value == pytest.approx(value, abs=1e-12)
    assert f.quality == "derived"
    assert "0.3528 kWh/km" in f.source and grid in f.source


@pytest.mark.parametrize(("key", "year", "value"), [
    ("van diesel", 2024, 0.25023), ("van diesel", 2025, 0.25561),
    ("van petrol", 2024, 0.22095), ("van petrol", 2025, 0.21335),
    ("truck diesel", 2024, 0.87296), ("truck diesel", 2025, 0.89121),
])
def test_vehicles(library, key, year, value):
    f = _one(library, key, "", year)
    assert f.value == pytest.approx(value, abs=1e-12)
    assert (f.unit, f.gas_basis) == ("kg CO2e/km", "CO2e")


@pytest.mark.parametrize(("key", "year", "value"), [
    ("board", 2024, 1.193966), ("board", 2025, 1.199725),       # 1,199.725 kg/t / 1000
    ("board recycled", 2025, 1.098114), ("paper", 2025, 1.345078),
    ("mixed paper", 2024, 1.282744), ("film", 2025, 2.916505),
    ("rigid plastic", 2024, 3.345308), ("plastics", 2025, 3.172499),
    ("ldpe", 2025, 2.965078), ("hdpe", 2024, 3.08639), ("pp", 2025, 2.577572),
    ("ps", 2024, 4.36744), ("pet", 2025, 3.863901),
])
def test_materials(library, key, year, value):
    f = _one(library, key, "", year)
    assert f.value == pytest.approx(value, abs=1e-9)
    assert f.unit == "kg CO2e/kg"


def test_board_2025_is_about_1_2(library):
    assert _one(library, "board", "", 2025).value == pytest.approx(1.19973, abs=1e-5)


@pytest.mark.parametrize(("key", "year", "value", "unit"), [
    ("haloxylon_tree", None, 17.9, "kg CO2e/tree"),
    ("tree_seedling_10yr", 2024, 60.0, "kg CO2/tree"),          # 0.060 t
    ("car_year", 2024, 4290.0, "kg CO2e/car-year"),             # 4.29 t
    ("home_electricity_year", 2024, 4798.0, "kg CO2/home-year"),  # 4.798 t
    ("smartphone_charge", 2024, 0.0124, "kg CO2/charge"),       # 1.24e-5 t
    ("km_driven", 2024, 0.244, "kg CO2e/km"),                   # 3.93e-4 t / 1.609344
])
def test_equivalents(library, key, year, value, unit):
    f = _one(library, key, "", year)
    assert f.value == pytest.approx(value, rel=1e-12)
    assert f.unit == unit
    assert f.kind == "equivalent"


def test_haloxylon_is_labelled_as_a_convention(library):
    f = _one(library, "haloxylon_tree")
    assert "Ant Forest" in f.note and "not a measured sequestration" in f.note
    # 400 t / 17.9 kg = 22,346 trees: the press release's "22,000 Haloxylon".
    assert round(400_000 / f.value) == 22346


def test_epa_equivalents_say_secondary(library):
    for key in ("tree_seedling_10yr", "car_year", "home_electricity_year", "smartphone_charge"):
        f = _one(library, key, "", 2024)
        assert f.quality == "secondary"
        assert "Greenhouse Gas Equivalencies Calculator" in f.source
        assert "secondary" in f.source


# --- lookups through FactorBook ---------------------------------------------------------------

def test_lookup_exact_year(book):
    choice = book.lookup("grid", "North China", 2022)
    assert choice.value == pytest.approx(0.6776)
    assert choice.fallback is None


def test_lookup_blank_year_holds_for_every_year(book):
    for year in (2019, 2023, 2030):
        choice = book.lookup("diesel", "", year)
        assert choice.value == pytest.approx(0.752996)
        assert choice.factor.year is None
        assert choice.fallback is None


def test_lookup_nearest_earlier_year(book):
    choice = book.lookup("grid", "North China", 2025)
    assert choice.factor.year == 2023
    assert choice.value == pytest.approx(0.6361)
    assert choice.fallback == "2023 factor used for 2025 (nearest earlier year)"
    hebei = book.lookup("grid", "Hebei", 2023)
    assert hebei.value == pytest.approx(0.7252)
    assert hebei.fallback == "2022 factor used for 2023 (nearest earlier year)"


def test_lookup_nearest_later_year(book):
    choice = book.lookup("grid", "North China", 2018)
    assert choice.factor.year == 2021
    assert choice.value == pytest.approx(0.712)
    assert choice.fallback == "2021 factor used for 2018 (nearest later year)"


def test_lookup_region_aliases(book):
    for alias in ("华北", "CN-north", "north china", "华北电网"):
        assert book.lookup("grid", alias, 2021).value == pytest.approx(0.712), alias
    assert book.lookup("grid", "河北", 2022).value == pytest.approx(0.7252)
    assert book.lookup("grid", "UK", 2025).value == pytest.approx(0.177)
    assert book.lookup("residual", "中国", 2022).value == pytest.approx(0.5856)


def test_unknown_region_has_no_factor(book):
    assert book.lookup("grid", "Atlantis", 2022) is None


def test_workspace_factor_replaces_the_library_only_for_the_years_it_gives(library):
    own = as_workspace(Factor(key="grid", region="华北", year=2020, value=0.9,
                              unit="kg CO2/kWh", source="own estimate"))
    book = FactorBook(library.factors, [own])
    # Own 2020 only; the library has North China 2021-2023. For year Y: own Y, library Y, own
    # undated, library undated, then the nearest earlier, then later year, own before library.
    for year, value, origin, fallback in (
            (2020, 0.9, "workspace", None),
            (2021, 0.712, "library", None),
            (2022, 0.6776, "library", None),
            (2023, 0.6361, "library", None),
            (2025, 0.6361, "library", "2023 factor used for 2025 (nearest earlier year)"),
            (2018, 0.9, "workspace", "2020 factor used for 2018 (nearest later year)")):
        choice = book.lookup("grid", "North China", year)
        assert choice.value == pytest.approx(value), year
        assert choice.factor.origin == origin, year
        assert choice.fallback == fallback, year
    # Other regions and keys still come from the library.
    assert book.lookup("grid", "Hebei", 2022).value == pytest.approx(0.7252)
    assert book.lookup("grid_om", "North China", 2014).value == pytest.approx(1.0)


def test_own_factor_for_2023_leaves_2022_on_the_library(library):
    """Issue 13: an own North China factor for 2023 alone changed 2022's figures (the library's
    exact 2022 factor was hidden by the own 2023 one, "nearest later year")."""
    own = as_workspace(Factor(key="grid", region="North China", year=2023, value=0.6,
                              unit="kg CO2/kWh", source="own 2023"))
    book = FactorBook(library.factors, [own])
    assert book.lookup("grid", "North China", 2022).value == pytest.approx(0.6776)
    assert book.lookup("grid", "North China", 2022).fallback is None
    assert book.lookup("grid", "North China", 2023).value == pytest.approx(0.6)
    # 2024: own 2023 and library 2023 are equally near; own before library
    later = book.lookup("grid", "North China", 2024)
    assert (later.value, later.factor.origin) == (pytest.approx(0.6), "workspace")
    assert later.fallback == "2023 factor used for 2024 (nearest earlier year)"


def test_undated_factors_rank_below_dated_ones_of_the_year(library):
    own_blank = as_workspace(Factor(key="grid", region="North China", year=None, value=0.5,
                                    unit="kg CO2/kWh", source="own, any year"))
    book = FactorBook(library.factors, [own_blank])
    assert book.lookup("grid", "North China", 2022).value == pytest.approx(0.6776)  # library 2022
    assert book.lookup("grid", "North China", 2019).value == pytest.approx(0.5)  # own undated
    assert book.lookup("grid", "North China", 2019).factor.origin == "workspace"
    lib_blank = Factor(key="k", region="", year=None, value=2.0, unit="kg CO2e/kg", source="lib")
    lib_2020 = Factor(key="k", region="", year=2020, value=3.0, unit="kg CO2e/kg", source="lib")
    own_2018 = as_workspace(Factor(key="k", region="", year=2018, value=4.0, unit="kg CO2e/kg",
                                   source="own"))
    book = FactorBook([lib_blank, lib_2020], [own_2018])
    assert book.lookup("k", "", 2020).value == 3.0
    assert book.lookup("k", "", 2018).value == 4.0
    assert book.lookup("k", "", 2019).value == 2.0  # library undated before the nearest year
    assert book.has("k") and not book.has("k", "Mars")


# --- the committed CSV is what the build script produces ------------------------------------

def _load_build_script():
    spec = importlib.util.spec_from_file_location("build_factor_library", BUILD_SCRIPT)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while it executes
    try:
        spec.loader.exec_module(module)
    finally:
        del sys.modules[spec.name]
    return module


def test_committed_library_matches_build_script():
    if not SHARED_CSV.exists():
        pytest.skip(f"{SHARED_CSV} is not available")
    build = _load_build_script()
    expected = build.render(build.build_rows(SHARED_CSV))
    committed = resources.path("data/factors.csv").read_text(encoding="utf-8")
    assert committed == expected, "resources/data/factors.csv is stale: run " \
                                  "tools/build_factor_library.py"


def test_vehicle_factor_follows_the_country(library):
    from greenledger.core.factors import vehicle_factor

    book = FactorBook(library.factors)
    uk = vehicle_factor(book, "van electric", "英国", 2025)  # an alias of United Kingdom
    assert uk.value == pytest.approx(0.3528 * 0.177) and uk.region == "United Kingdom"
    assert (uk.unit, uk.gas_basis, uk.derived, uk.assumed) == ("kg CO2e/km", "CO2e", True, False)
    cn = vehicle_factor(book, "van electric", "China", 2022)
    assert cn.value == pytest.approx(0.18931248) and cn.unit == "kg CO2/km"  # = the library row
    none = vehicle_factor(book, "van electric", None, 2022)
    assert (none.value, none.region, none.assumed) == (pytest.approx(0.18931248), "China", True)
    assert vehicle_factor(book, "van electric", "Atlantis", 2022) is None
    diesel = vehicle_factor(book, "van diesel", "United Kingdom", 2024)
    assert (diesel.value, diesel.region) == (pytest.approx(0.25023), "")
    own = as_workspace(Factor(key="van electric", region="United Kingdom", year=2024, value=0.05,
                              unit="kg CO2e/km", source="own fleet meters"))
    mine = vehicle_factor(FactorBook(library.factors, [own]), "van electric", "UK", 2024)
    assert (mine.value, mine.origin, mine.derived) == (0.05, "workspace", False)
