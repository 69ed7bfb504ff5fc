"""Build the built-in factor library (resources/data/factors.csv) from the domain reference table.

Usage (from the repository root):

    .venv/bin/python tools/build_factor_library.py [SOURCE_CSV] [--output PATH] [--check]

SOURCE_CSV defaults to ../shared/domain/factors.csv (relative to the repository root); the output
defaults to resources/data/factors.csv. `--check` writes nothing and exits 1 when the output file
differs from what the source produces.

Every library row is declared below (SPECS) and names the reference row it comes from, so the
choice of which published figure becomes which library factor is explicit and reviewable. Values
are converted to the stored unit of their key (see core.factors): per-kWh factors in kg/kWh,
vehicles in kg/km, packaging materials in kg/kg, equivalents in kg per unit. Conversions use
decimal arithmetic so the output is exact and deterministic.
"""

from __future__ import annotations

import argparse
import csv
import io
import sys
from dataclasses import dataclass
from decimal import ROUND_HALF_EVEN, Decimal
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

from greenledger.core.factors import REGION_ALIASES, canonical_region  # noqa: E402

DEFAULT_SOURCE = REPO_ROOT.parent / "shared" / "domain" / "factors.csv"
DEFAULT_OUTPUT = REPO_ROOT / "resources" / "data" / "factors.csv"
COLUMNS = ("key", "region", "year", "value", "unit", "gas_basis", "kind", "quality", "source",
           "url", "note")
QUALITIES = ("official", "secondary", "derived")
GAS_BASES = ("CO2", "CO2e")

# Multiplier from a reference-table unit to the stored unit: (multiplier, stored denominator).
KG_PER_LB = Decimal("0.45359237")
UNIT_CONVERSIONS: dict[str, tuple[Decimal, str]] = {
    "kgCO2/kWh": (Decimal(1), "kWh"),
    "kgCO2e/kWh": (Decimal(1), "kWh"),
    "tCO2/MWh": (Decimal(1), "kWh"),
    "tCO2e/MWh": (Decimal(1), "kWh"),
    "gCO2/kWh": (Decimal("0.001"), "kWh"),
    "lbCO2/MWh": (KG_PER_LB / 1000, "kWh"),
    "kgCO2e/km": (Decimal(1), "km"),
    "tCO2e/km": (Decimal(1000), "km"),
    "kgCO2e/tonne": (Decimal("0.001"), "kg"),
    "kWh/km": (Decimal(1), "kWh/km"),
    "kg energy/tree": (Decimal(1), "tree"),
    "tCO2/tree": (Decimal(1000), "tree"),
    "tCO2e/vehicle/yr": (Decimal(1000), "car-year"),
    "tCO2/home/yr": (Decimal(1000), "home-year"),
    "tCO2/charge": (Decimal(1000), "charge"),
    "tCO2/gallon": (Decimal(1000), "US gal"),
}

US_GALLON_L = Decimal("3.785411784")
DIESEL_GENERATOR_L_PER_KWH = Decimal("0.28")  # assumed specific fuel consumption (see note)

# --- sources and notes shared by several rows -----------------------------------------------

MEE_2021 = ("MEE/NBS Announcement 2024 No. 12, 2021 electricity CO2 emission factors "
            "(12 Apr 2024)")
MEE_2021_NATIONAL = MEE_2021 + "; national values as quoted by 新京报, 27 Dec 2024"
MEE_2021_SECONDARY = MEE_2021 + "; regional/provincial value from a secondary code copy"
MEE_2022 = ("MEE/NBS 关于发布2022年电力二氧化碳排放因子的公告 (20 Dec 2024); reported by "
            "新京报, 27 Dec 2024")
MEE_2023 = "MEE/NBS 关于发布2023年电力二氧化碳排放因子的公告; reported by 光明日报, Jan 2026"
MEE_BY_YEAR = {2021: MEE_2021_NATIONAL, 2022: MEE_2022, 2023: MEE_2023}
NOTE_MEE_AVG = ("MEE/NBS average electricity CO2 emission factor (location-based Scope 2); "
                "CO2 only.")
NOTE_MEE_2021_SECONDARY = (NOTE_MEE_AVG + " Secondary: the 2021 regional/provincial values come "
                           "from a public code file whose 2022 column matches the official 2022 "
                           "values; re-check against Announcement 2024 No. 12.")
DESNZ = "UK DESNZ GHG conversion factors for company reporting {year} (flat file, via carbonr " \
        "uk_gov_data)"
NOTE_DESNZ = "Values read from the DESNZ flat file as shipped in the R package carbonr."
EPA_EQ = ("US EPA Greenhouse Gas Equivalencies Calculator - Calculations and References "
          "(2024+ values, eGRID2022 vintage); page not read in full, value confirmed via "
          "secondary quotes/copies")
EPA_EQ_URL = ("https://www.epa.gov/energy/"
              "greenhouse-gas-equivalencies-calculator-calculations-and-references")


@dataclass(frozen=True, slots=True)
class Spec:
    """One library row: which reference row it comes from and how it is labelled."""

    ref: str                 # key of the row in the reference CSV
    key: str                 # library factor key
    year: int | None
    kind: str
    quality: str
    gas_basis: str
    source: str = ""         # "" = the reference row's source
    note: str = ""
    region: str | None = None  # None = the reference row's region (canonicalised); "" = blank


def _mee_grid_specs() -> list[Spec]:
    out: list[Spec] = []
    for year in (2021, 2022, 2023):
        out.append(Spec(f"cn_mee_national_{year}", "grid", year, "average", "official", "CO2",
                        MEE_BY_YEAR[year], NOTE_MEE_AVG))
        for region in ("north", "northeast", "east", "central", "northwest", "south",
                       "southwest"):
            secondary = year == 2021
            out.append(Spec(
                f"cn_mee_region_{region}_{year}", "grid", year, "average",
                "secondary" if secondary else "official", "CO2",
                MEE_2021_SECONDARY if secondary else MEE_BY_YEAR[year],
                NOTE_MEE_2021_SECONDARY if secondary else NOTE_MEE_AVG))
    for province in ("hebei", "inner_mongolia"):
        out.append(Spec(f"cn_mee_prov_{province}_2021", "grid", 2021, "average", "secondary",
                        "CO2", MEE_2021_SECONDARY, NOTE_MEE_2021_SECONDARY))
        out.append(Spec(f"cn_mee_prov_{province}_2022", "grid", 2022, "average", "official",
                        "CO2", MEE_2022, NOTE_MEE_AVG + " The 2023 value was not retrieved."))
    for province in ("shanxi", "tianjin", "anhui", "fujian", "guangxi", "qinghai", "sichuan",
                     "yunnan"):
        out.append(Spec(f"cn_mee_prov_{province}_2022", "grid", 2022, "average", "official",
                        "CO2", MEE_2022,
                        NOTE_MEE_AVG + " Provincial value from the 新京报 report."))
    return out


def _other_grid_specs() -> list[Spec]:
    note_uk = ("DESNZ 'electricity generated' (location-based Scope 2), excluding T&D losses; "
               "CO2e. " + NOTE_DESNZ)
    note_iea = ("IEA world average CO2 intensity of electricity generation (direct combustion "
                "CO2; renewables and nuclear count zero).")
    return [
        Spec("uk_desnz_elec_gen_2024", "grid", 2024, "average", "official", "CO2e",
             DESNZ.format(year=2024), note_uk),
        Spec("uk_desnz_elec_gen_2025", "grid", 2025, "average", "official", "CO2e",
             DESNZ.format(year=2025) + ", published 10 Jun 2025", note_uk),
        Spec("us_egrid_avg_co2_lb_2022", "grid", 2022, "average", "secondary", "CO2",
             "US EPA eGRID2022 (released 2024), national average CO2 total output emission "
             "rate; via a secondary copy of the summary table",
             "823.149 lb CO2/MWh x 0.45359237 kg/lb / 1000. eGRID is the usual US location-based "
             "Scope 2 factor, so it is chosen over EIA's 2022 utility-scale figure (0.39)."),
        Spec("us_eia_avg_co2_2023", "grid", 2023, "average", "official", "CO2",
             "US EIA FAQ 'How much carbon dioxide is produced per kWh of U.S. electricity "
             "generation?', 2023 edition",
             "EIA utility-scale generation average, 0.81 lb/kWh (1,532 Mt / 4,183,271 GWh). No "
             "eGRID value for 2023 in the reference data, so EIA is used; it is a different "
             "series from the 2022 eGRID row (EIA's own 2022 figure is 0.39), so part of the "
             "2022-2023 change is the change of source."),
        Spec("world_iea_avg_2024", "grid", 2024, "average", "official", "CO2",
             "IEA, Electricity 2025, Emissions chapter", note_iea + " 445 g CO2/kWh."),
        Spec("world_iea_avg_2025", "grid", 2025, "average", "secondary", "CO2",
             "IEA, Electricity 2026; as quoted in peterklingelhofer/carbon-aware-dispatcher "
             "docs/VERIFICATION.md (secondary)",
             note_iea + " 435 g CO2/kWh; re-check against the IEA report."),
    ]


def _comparison_specs() -> list[Spec]:
    """Electricity factors that are not grid averages, under their own keys."""
    out: list[Spec] = []
    for year in (2022, 2023):
        out.append(Spec(
            f"cn_mee_national_excl_market_nonfossil_{year}", "residual", year, "residual",
            "official", "CO2", MEE_BY_YEAR[year],
            "MEE/NBS national factor excluding market-traded non-fossil electricity "
            "(不包括市场化交易的非化石能源电量), used as China's residual mix for the "
            "market-based method. The 2021 value was not confirmed and is not included."))
    for year in (2021, 2022, 2023):
        out.append(Spec(
            f"cn_mee_fossil_{year}", "grid_fossil", year, "fossil", "official", "CO2",
            MEE_BY_YEAR[year],
            "MEE/NBS national factor for fossil-fuel power only. Not a grid average: for "
            "comparison (e.g. with a press release's implied factor), not for Scope 2."))
    out.append(Spec(
        "cn_mee_ets_grid_avg_2022", "grid_ets", 2022, "ets", "official", "CO2",
        "MEE 关于做好2023—2025年发电行业企业温室气体排放报告管理有关工作的通知 (7 Feb 2023); "
        "reported by tanpaifang.com",
        "National grid average factor for purchased electricity in national carbon-market (ETS) "
        "reporting (0.5703 t CO2/MWh). Not the MEE/NBS statistical average (0.5366 for 2022)."))
    for region in ("north", "northeast", "east", "central", "northwest", "south"):
        out.append(Spec(
            f"cn_om_{region}_2016ed", "grid_om", 2014, "om", "secondary", "CO2e",
            "2016年度减排项目中国区域电网基准线排放因子, Annex 2 (OM compilation note); "
            "secondary document copy",
            "data years 2012-2014, 2016 edition. Operating-margin baseline factor for "
            "emission-reduction projects (CCER/CDM), not for inventories."))
    out.append(Spec(
        "alibaba_618_wind_implied_factor", "grid_implied_press_release", None, "implied",
        "derived", "CO2",
        "Derived from Alibaba's 6.18 press release (18 Jun 2021): 400,000 t CO2 / 450 million "
        "kWh of Zhangbei wind",
        "Factor implied by the release's claim for wind bought since 2018 (2018-2021 "
        "cumulative, so no single year); above every official grid average. For comparison "
        "only."))
    return out


def _vehicle_specs() -> list[Spec]:
    out: list[Spec] = []
    names = (("van_diesel", "van diesel", "Van, average (up to 3.5 t), diesel, per vehicle-km."),
             ("van_petrol", "van petrol", "Van, average (up to 3.5 t), petrol, per vehicle-km."),
             ("hgv_diesel_avg_laden", "truck diesel",
              "HGV, all diesel, average laden, per vehicle-km."))
    for ref, key, note in names:
        for year in (2024, 2025):
            out.append(Spec(f"uk_desnz_{ref}_km_{year}", key, year, "average", "official",
                            "CO2e", DESNZ.format(year=year), f"{note} {NOTE_DESNZ}",
                            region=""))
    return out


MATERIALS = (
    ("board_primary", "board", "Paper & board: board, primary material production."),
    ("board_closed_loop", "board recycled", "Paper & board: board, closed-loop (recycled) source."),
    ("paper_primary", "paper", "Paper & board: paper, primary material production."),
    ("paper_mixed_primary", "mixed paper", "Paper & board: mixed, primary material production."),
    ("plastic_film_primary", "film",
     "Plastics: average plastic film, primary material production."),
    ("plastic_rigid_primary", "rigid plastic",
     "Plastics: average plastic rigid, primary material production."),
    ("plastic_avg_primary", "plastics", "Plastics: average plastics, primary material production."),
    ("ldpe_primary", "ldpe", "Plastics: LDPE and LLDPE (incl. forming), primary."),
    ("hdpe_primary", "hdpe", "Plastics: HDPE (incl. forming), primary."),
    ("pp_primary", "pp", "Plastics: PP (incl. forming), primary."),
    ("ps_primary", "ps", "Plastics: PS (incl. forming), primary."),
    ("pet_primary", "pet", "Plastics: PET (incl. forming), primary."),
)


def _material_specs() -> list[Spec]:
    return [Spec(f"uk_desnz_{ref}_{year}", key, year, "material_use", "official", "CO2e",
                 DESNZ.format(year=year),
                 f"{note} DESNZ kg CO2e/tonne / 1000. {NOTE_DESNZ}", region="")
            for ref, key, note in MATERIALS for year in (2024, 2025)]


def _equivalent_specs() -> list[Spec]:
    return [
        Spec("antforest_haloxylon_energy", "haloxylon_tree", None, "equivalent", "secondary",
             "CO2e",
             "Ant Forest (Alipay) in-app rule: 17.9 kg of green energy per Haloxylon; reported "
             "by 前瞻网 (2017) and trendyadventurer.com",
             "Ant Forest's convention: green energy needed to plant one Haloxylon (梭梭); an "
             "energy score, not a measured sequestration. Ant Group does not state that 1 g of "
             "energy = 1 g CO2 or a gas basis.", region=""),
        Spec("epa_tree_seedling_10yr", "tree_seedling_10yr", 2024, "equivalent", "secondary",
             "CO2", EPA_EQ,
             "Urban tree seedling grown for 10 years (0.060 t CO2 per tree); not appropriate "
             "for reforestation projects. EPA vintage 2024+.", region=""),
        Spec("epa_passenger_vehicle_year", "car_year", 2024, "equivalent", "secondary", "CO2e",
             EPA_EQ,
             "Gasoline passenger vehicle driven for one year: 4.29 t CO2e over 10,917 miles. "
             "EPA vintage 2024+.", region=""),
        Spec("epa_home_electricity_year", "home_electricity_year", 2024, "equivalent",
             "secondary", "CO2", EPA_EQ,
             "Homes' electricity use for one year (4.798 t CO2). EPA vintage 2024+.", region=""),
        Spec("epa_smartphone_charge", "smartphone_charge", 2024, "equivalent", "secondary",
             "CO2", EPA_EQ,
             "Smartphone charged, delivered electricity incl. T&D losses (1.24e-5 t CO2). "
             "EPA vintage 2024+.", region=""),
        Spec("epa_km_driven_derived", "km_driven", 2024, "equivalent", "derived", "CO2e",
             "Derived from " + EPA_EQ,
             "km driven by an average gasoline car: EPA 3.93e-4 t CO2e/mile / 1.609344 km/mile "
             "= 2.44e-4 t CO2e/km (EPA publishes no per-km figure; conversion is ours). "
             "EPA vintage 2024+.", region=""),
    ]


def specs() -> list[Spec]:
    return [*_mee_grid_specs(), *_other_grid_specs(), *_comparison_specs(), *_vehicle_specs(),
            *_material_specs(), *_equivalent_specs()]


# --- building ---------------------------------------------------------------------------------

def read_reference(path: Path) -> dict[str, dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        rows = {row["key"].strip(): row for row in csv.DictReader(fh) if row.get("key")}
    return rows


def fmt(value: Decimal) -> str:
    """Plain decimal notation, no exponent, no trailing zeros."""
    text = format(value.normalize(), "f")
    return text if text != "-0" else "0"


def _round(value: Decimal, places: int) -> Decimal:
    return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_EVEN)


def _unit(gas_basis: str, denominator: str) -> str:
    return f"kg {gas_basis}/{denominator}"


def _region(spec: Spec, ref_row: dict[str, str]) -> str:
    if spec.region is not None:
        return spec.region
    region = canonical_region(ref_row.get("region"))
    if region not in REGION_ALIASES:
        raise ValueError(f"{spec.ref}: region {ref_row.get('region')!r} has no canonical name")
    return region


def _check_year(spec: Spec, ref_row: dict[str, str]) -> None:
    """Where the reference gives a plain year, the library row must carry the same one."""
    text = (ref_row.get("year") or "").strip()
    if spec.year is not None and text.isdigit() and int(text) != spec.year:
        raise ValueError(f"{spec.ref}: year {spec.year} but the reference says {text}")


def _converted(spec: Spec, ref_row: dict[str, str]) -> tuple[Decimal, str]:
    unit = ref_row["unit"].strip()
    if unit not in UNIT_CONVERSIONS:
        raise ValueError(f"{spec.ref}: no conversion for unit {unit!r}")
    mult, denominator = UNIT_CONVERSIONS[unit]
    value = Decimal(ref_row["value"].strip()) * mult
    if unit == "lbCO2/MWh":
        value = _round(value, 6)
    return value, denominator


def _row(spec: Spec, ref: dict[str, dict[str, str]]) -> dict[str, str]:
    if spec.ref not in ref:
        raise KeyError(f"reference row {spec.ref!r} not found")
    ref_row = ref[spec.ref]
    _check_year(spec, ref_row)
    value, denominator = _converted(spec, ref_row)
    return {
        "key": spec.key, "region": _region(spec, ref_row),
        "year": "" if spec.year is None else str(spec.year),
        "value": fmt(value), "unit": _unit(spec.gas_basis, denominator),
        "gas_basis": spec.gas_basis, "kind": spec.kind, "quality": spec.quality,
        "source": spec.source or ref_row["source"].strip(),
        "url": (ref_row.get("url") or "").strip(), "note": spec.note,
    }


def _diesel_row(ref: dict[str, dict[str, str]]) -> dict[str, str]:
    gal = ref["epa_gallon_diesel"]
    assert gal["unit"].strip() == "tCO2/gallon"
    kg_per_gal = Decimal(gal["value"].strip()) * 1000
    kg_per_l = kg_per_gal / US_GALLON_L
    value = _round(kg_per_l * DIESEL_GENERATOR_L_PER_KWH, 6)
    return {
        "key": "diesel", "region": "", "year": "", "value": fmt(value),
        "unit": "kg CO2/kWh", "gas_basis": "CO2", "kind": "derived", "quality": "derived",
        "source": "Derived: US EPA 10.180 kg CO2 per US gallon of diesel (Federal Register 2010, "
                  "via the GHG Equivalencies Calculator page) x assumed generator fuel use",
        "url": gal["url"].strip(),
        "note": f"{kg_per_gal:.3f} kg CO2/US gal / {fmt(US_GALLON_L)} L/gal = "
                f"{fmt(_round(kg_per_l, 4))} kg CO2/L; x {fmt(DIESEL_GENERATOR_L_PER_KWH)} L/kWh "
                f"= {fmt(value)} kg CO2 per kWh of generator output. The 0.28 L/kWh specific "
                "fuel consumption is an assumption (typical diesel generator at about 75% load), "
                "not a published factor: use the generator's own fuel records where known. "
                "Combustion CO2 only (no CH4/N2O, no upstream).",
    }


def _van_electric_rows(ref: dict[str, dict[str, str]]) -> list[dict[str, str]]:
    kwh_row = ref["uk_desnz_van_bev_kwh_per_km_2024"]
    assert kwh_row["unit"].strip() == "kWh/km"
    kwh_per_km = Decimal(kwh_row["value"].strip())
    rows = []
    for year in (2021, 2022, 2023):
        grid_row = ref[f"cn_mee_national_{year}"]
        assert grid_row["unit"].strip() == "kgCO2/kWh"
        grid = Decimal(grid_row["value"].strip())
        value = kwh_per_km * grid
        rows.append({
            "key": "van electric", "region": "", "year": str(year), "value": fmt(value),
            "unit": "kg CO2/km", "gas_basis": "CO2", "kind": "derived", "quality": "derived",
            "source": f"Derived: DESNZ 2024 BEV van {fmt(kwh_per_km)} kWh/km x MEE/NBS China "
                      f"national grid {year} {fmt(grid)} kg CO2/kWh",
            "url": grid_row["url"].strip(),
            "note": f"{fmt(kwh_per_km)} kWh/km (DESNZ 2024 average battery-electric van, SECR "
                    f"kWh; the nearest year available for {year}) x {fmt(grid)} kg CO2/kWh = "
                    f"{fmt(value)} kg CO2/km. China grid, CO2 only, excluding T&D losses; "
                    "for another grid, enter a workspace factor.",
        })
    return rows


def build_rows(source: Path) -> list[dict[str, str]]:
    ref = read_reference(source)
    rows = [_row(s, ref) for s in specs()]
    rows.append(_diesel_row(ref))
    rows.extend(_van_electric_rows(ref))
    for r in rows:
        assert r["quality"] in QUALITIES, r
        assert r["gas_basis"] in GAS_BASES, r
        assert r["source"] and r["unit"], r
    seen: set[tuple[str, str, str]] = set()
    for r in rows:
        ident = (r["key"], r["region"], r["year"])
        if ident in seen:
            raise ValueError(f"duplicate factor {ident}")
        seen.add(ident)
    rows.sort(key=lambda r: (r["key"], r["region"], int(r["year"]) if r["year"] else -1))
    return rows


def render(rows: list[dict[str, str]]) -> str:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buf.getvalue()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", nargs="?", type=Path, default=DEFAULT_SOURCE,
                        help="reference factors.csv (default: ../shared/domain/factors.csv)")
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT,
                        help="library CSV to write (default: resources/data/factors.csv)")
    parser.add_argument("--check", action="store_true",
                        help="write nothing; exit 1 if the output file is out of date")
    args = parser.parse_args(argv)
    text = render(build_rows(args.source))
    if args.check:
        current = args.output.read_text(encoding="utf-8") if args.output.exists() else None
        if current != text:
            print(f"{args.output} is out of date; run tools/build_factor_library.py",
                  file=sys.stderr)
            return 1
        return 0
    args.output.parent.mkdir(parents=True, exist_ok=True)
    with args.output.open("w", encoding="utf-8", newline="") as fh:
        fh.write(text)
    print(f"wrote {args.output} ({text.count(chr(10)) - 1} factors)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
