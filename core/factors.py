"""Emission factors: the built-in library, the workspace's own factors, and their lookup.

Stored units: grid, residual and diesel factors in kg CO2 per kWh; vehicles in kg CO2e per km;
packaging materials in kg CO2e per kg of material; equivalents in kg CO2e per unit (tree, car
year, ...). The lookup follows `workbook-format.md` "Factors".
"""

from __future__ import annotations

import csv
import json
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path

from greenledger import resources
from greenledger.core.fields import CHOICE_SYNONYMS, MATERIALS, VEHICLES, norm

# Stored denominator per factor key family.
PER_KWH_KEYS = ("grid", "residual", "diesel")


@dataclass(frozen=True, slots=True)
class Factor:
    """One factor value. `value` is in `unit` (the stored unit of its key, see module doc)."""

    key: str
    region: str
    year: int | None
    value: float
    unit: str
    source: str
    gas_basis: str = ""
    kind: str = ""
    quality: str = ""
    url: str = ""
    note: str = ""
    origin: str = "library"  # "library" or "workspace"


@dataclass(frozen=True, slots=True)
class FactorChoice:
    """The factor used for an activity year, and how it was chosen."""

    factor: Factor
    year: int | None
    fallback: str | None  # None when the exact year was found

    @property
    def value(self) -> float:
        return self.factor.value


def stored_unit_for(key: str) -> str:
    """Stored unit of a factor key ("kg CO2/kWh", "kg CO2e/km", "kg CO2e/kg", ...)."""
    k = key.strip().lower()
    if k in PER_KWH_KEYS:
        return "kg CO2/kWh"
    if k.startswith(("van ", "truck ")):
        return "kg CO2e/km"
    return ""


# Factor keys in the words a Factors sheet writes them (English and Chinese), by their normal
# form (norm()): 电网 / Grid emission factor -> grid. Vehicles and packaging materials also take
# the spellings their sheets accept (core.fields.CHOICE_SYNONYMS), so a factor reaches the rows.
FACTOR_KEY_SYNONYMS: dict[str, tuple[str, ...]] = {
    "grid": ("电网", "电网排放因子", "电网因子", "电网平均排放因子", "区域电网", "区域电网排放因子",
             "区域电网平均排放因子", "全国电网平均排放因子", "电网二氧化碳排放因子", "电力", "电力排放因子",
             "外购电力", "外购电力排放因子", "购入电力", "购入电力排放因子", "grid factor",
             "grid emission factor", "grid emissions factor", "grid average", "grid electricity",
             "electricity", "electricity grid", "purchased electricity", "location based",
             "location-based"),
    "residual": ("剩余组合", "剩余组合排放因子", "余量", "余量电力", "剩余电力组合", "剩余电力", "残余组合",
                 "残余电力组合", "残余", "residual mix", "residual mix factor", "residual factor",
                 "residual emission factor", "residual mix emission factor"),
    "diesel": ("柴油", "柴油发电", "柴油发电机", "柴油排放因子", "diesel generator", "diesel genset",
               "generator diesel"),
    "board recycled": ("recycled board", "再生纸箱", "再生纸板", "再生瓦楞纸板", "回收纸板"),
}
_KEY_WORDS = re.compile(r"(?:排放因子|因子|emissions?factor|factor)$")


def _key_index() -> dict[str, str]:
    idx = {norm(k): k for k in (*PER_KWH_KEYS, *VEHICLES, *MATERIALS)}
    for field in ("vehicle", "material"):
        idx.update(CHOICE_SYNONYMS[field])
    for key, words in FACTOR_KEY_SYNONYMS.items():
        idx.update({norm(w): key for w in (key, *words)})
    return idx


@cache
def _keys() -> dict[str, str]:
    return _key_index()


def canonical_factor_key(text: object) -> str:
    """The key a factor is looked up by (`电网` -> `grid`, `剩余组合` -> `residual`, `柴油货车` ->
    `truck diesel`, `纸箱` -> `board`); a key of the library as it is; other text lower case,
    spaces collapsed (a workbook's own material or equivalent: 胶带)."""
    plain = " ".join(str(text).split()).lower()
    n = norm(plain)
    keys = _keys()
    if n in keys:
        return keys[n]
    if n in _library_keys():
        return _library_keys()[n]
    bare = _KEY_WORDS.sub("", n)
    if bare and bare != n and bare in keys:
        return keys[bare]
    return plain


def is_known_factor_key(key: str) -> bool:
    """Whether `key` (canonical) is a key GreenLedger looks up: grid, residual, diesel, a vehicle,
    a template material (and its recycled variant) or a key of the library."""
    n = norm(key)
    return n in _keys() or n in _library_keys() or (
        n.endswith("recycled") and n[:-len("recycled")] in _keys())


@cache
def _library_keys() -> dict[str, str]:
    return {norm(f.key): f.key for f in builtin_library().factors}


# Canonical region names and their aliases (English, Chinese, factors.csv codes).
REGION_ALIASES: dict[str, tuple[str, ...]] = {
    "China": ("CN", "PRC", "中国", "全国", "national", "China national", "中国大陆"),
    "North China": ("CN-north", "华北", "华北电网", "华北区域", "North China grid"),
    "Northeast China": ("CN-northeast", "Northeast", "东北", "东北电网", "东北区域"),
    "East China": ("CN-east", "East", "华东", "华东电网", "华东区域"),
    "Central China": ("CN-central", "Central", "华中", "华中电网", "华中区域"),
    "Northwest China": ("CN-northwest", "Northwest", "西北", "西北电网", "西北区域"),
    "South China": ("CN-south", "South", "南方", "南方电网", "华南", "南方区域"),
    "Southwest China": ("CN-southwest", "Southwest", "西南", "西南电网", "西南区域"),
    "Hebei": ("CN-hebei", "河北", "河北省"),
    "Inner Mongolia": ("CN-inner_mongolia", "Nei Mongol", "内蒙古", "内蒙古自治区"),
    "Shanxi": ("CN-shanxi", "山西", "山西省"),
    "Tianjin": ("CN-tianjin", "天津", "天津市"),
    "Anhui": ("CN-anhui", "安徽", "安徽省"),
    "Fujian": ("CN-fujian", "福建", "福建省"),
    "Guangxi": ("CN-guangxi", "广西", "广西壮族自治区"),
    "Qinghai": ("CN-qinghai", "青海", "青海省"),
    "Sichuan": ("CN-sichuan", "四川", "四川省"),
    "Yunnan": ("CN-yunnan", "云南", "云南省"),
    "United Kingdom": ("UK", "GB", "Great Britain", "英国"),
    "United States": ("US", "USA", "美国"),
    "World": ("Global", "世界", "全球"),
}
_REGION_INDEX = {norm(alias): name for name, aliases in REGION_ALIASES.items()
                 for alias in (name, *aliases)}


def canonical_region(text: str | None) -> str:
    """The library's name for a region alias (`华北` -> `North China`); other text as given."""
    if text is None:
        return ""
    s = str(text).strip()
    return _REGION_INDEX.get(norm(s), s) if s else ""


class FactorBook:
    """Looks factors up in the workspace's own factors and the library, year by year.

    Own factors replace the library only for the years they give. For activity year Y: own Y,
    library Y, own undated, library undated, then the nearest earlier year, then the nearest
    later year (own before library at the same year); a fallback is described in
    `FactorChoice.fallback`.
    """

    def __init__(self, library: Iterable[Factor], workspace: Iterable[Factor] = ()) -> None:
        self._library = _index(library)
        self._workspace = _index(workspace)
        self._cache: dict[tuple[str, str, int | None], FactorChoice | None] = {}

    def candidates(self, key: str, region: str = "") -> list[Factor]:
        """Own factors of `key` and `region`, then the library's (the order of precedence)."""
        k = (norm(key), norm(canonical_region(region)))
        return [*self._workspace.get(k, ()), *self._library.get(k, ())]

    def has(self, key: str, region: str = "") -> bool:
        k = (norm(key), norm(canonical_region(region)))
        return k in self._workspace or k in self._library

    def lookup(self, key: str, region: str = "", year: int | None = None) -> FactorChoice | None:
        """The factor for `key` in `region` for activity `year`, or None when there is none."""
        ck = (key, region, year)
        if ck not in self._cache:
            self._cache[ck] = _choose(self.candidates(key, region), year)
        return self._cache[ck]

    def all_factors(self) -> list[Factor]:
        """Every factor, library and workspace, for listing."""
        out = [f for fs in self._workspace.values() for f in fs]
        out += [f for fs in self._library.values() for f in fs]
        return out


def _index(factors: Iterable[Factor]) -> dict[tuple[str, str], list[Factor]]:
    idx: dict[tuple[str, str], list[Factor]] = defaultdict(list)
    for f in factors:
        idx[(norm(f.key), norm(canonical_region(f.region)))].append(f)
    return dict(idx)


def _choose(cands: list[Factor], year: int | None) -> FactorChoice | None:
    """The factor for `year` among `cands` (own factors first, then the library's): the exact
    year (own, then library), an undated one (own, then library), then the nearest earlier,
    then the nearest later year (own before library at the same year)."""
    if not cands:
        return None
    dated = [f for f in cands if f.year is not None]
    blank = [f for f in cands if f.year is None]
    if year is None:
        if blank:
            return FactorChoice(blank[0], None, None)
        latest = max(dated, key=lambda f: f.year)  # max keeps the first (own) of equals
        return FactorChoice(latest, None, f"latest year {latest.year} used (no activity year)")
    for f in dated:
        if f.year == year:
            return FactorChoice(f, year, None)
    if blank:
        return FactorChoice(blank[0], year, None)
    earlier = [f for f in dated if f.year < year]
    if earlier:
        f = max(earlier, key=lambda f: f.year)
        return FactorChoice(f, year, f"{f.year} factor used for {year} (nearest earlier year)")
    f = min(dated, key=lambda f: f.year)
    return FactorChoice(f, year, f"{f.year} factor used for {year} (nearest later year)")


# --- vehicles: an electric vehicle follows the grid of the country it drives in -----------------

# kWh per km of electric vehicles; the library's derived `van electric` rows are this × China's
# national grid factor of the year (tools/build_factor_library.py).
EV_KWH_PER_KM: dict[str, tuple[float, str]] = {
    "van electric": (0.3528, "DESNZ 2024 average battery-electric van, 0.3528 kWh/km (SECR kWh)"),
}


@dataclass(frozen=True, slots=True)
class VehicleFactor:
    """A vehicle's factor per km for an activity year, and the grid region it follows: for an
    electric vehicle the country's grid (`region`); `assumed` when the row gave no country and
    the library's factor (China's grid) was taken; `derived` when it is kWh/km × that grid."""

    value: float
    unit: str
    gas_basis: str
    region: str
    source: str
    factor_year: int | None
    origin: str
    fallback: str | None
    assumed: bool = False
    derived: bool = False


def is_electric(vehicle: str) -> bool:
    return norm(vehicle) in {norm(k) for k in EV_KWH_PER_KM} or norm(vehicle).endswith("electric")


def vehicle_factor(book: FactorBook, vehicle: str, country: str | None,
                   year: int | None) -> VehicleFactor | None:
    """The factor per km of `vehicle` for deliveries in `country` in `year`, or None.

    A fuel vehicle: its factor (no region). An electric vehicle in a country: a factor of that
    vehicle for that region when one is given (own or library), else its kWh/km × the country's
    grid factor of the year (own before library, as every lookup); without a country: the
    vehicle's own undated-region factor, else the library's (derived from China's grid), said
    as assumed."""
    def plain(choice: FactorChoice, region: str, assumed: bool) -> VehicleFactor:
        f = choice.factor
        return VehicleFactor(f.value, f.unit, f.gas_basis or _gas_of_unit(f.unit), region,
                             f.source, f.year, f.origin, choice.fallback, assumed)

    if not is_electric(vehicle):
        choice = book.lookup(vehicle, "", year)
        return None if choice is None else plain(choice, "", False)
    region = canonical_region(country)
    if region:
        own = book.lookup(vehicle, region, year)
        if own is not None:
            return plain(own, region, False)
        intensity = EV_KWH_PER_KM.get(norm_vehicle(vehicle))
        grid = book.lookup("grid", region, year)
        if intensity is None or grid is None:
            return None
        g = grid.factor
        gas = g.gas_basis or _gas_of_unit(g.unit)
        value = intensity[0] * g.value
        source = (f"Derived: {intensity[1]} x {region} grid "
                  f"{g.year or ''} {g.value:g} {g.unit} ({g.source})").replace("  ", " ")
        return VehicleFactor(value, f"kg {'CO2e' if gas == 'CO2e' else 'CO2'}/km", gas, region,
                             source, g.year, g.origin, grid.fallback, derived=True)
    choice = book.lookup(vehicle, "", year)
    if choice is None:
        return None
    return plain(choice, "" if choice.factor.origin == "workspace" else "China",
                 choice.factor.origin != "workspace")


def norm_vehicle(vehicle: str) -> str:
    """The EV_KWH_PER_KM key of `vehicle` ("Van Electric" -> "van electric"), else as given."""
    return next((k for k in EV_KWH_PER_KM if norm(k) == norm(vehicle)), vehicle)


def _gas_of_unit(unit: str) -> str:
    u = unit.replace(" ", "").lower()
    return "CO2e" if "co2e" in u else "CO2" if "co2" in u else ""


# --- the built-in library -------------------------------------------------------------------

LIBRARY_CSV = "data/factors.csv"
LIBRARY_META = "data/library.json"


@dataclass(frozen=True, slots=True)
class Library:
    version: str
    factors: tuple[Factor, ...]


def read_library_csv(path: Path, origin: str = "library") -> list[Factor]:
    """Read a factor table (the library's CSV format) into Factors."""
    with path.open(encoding="utf-8", newline="") as fh:
        return [
            Factor(
                key=row["key"].strip(),
                region=canonical_region(row.get("region")),
                year=int(row["year"]) if (row.get("year") or "").strip() else None,
                value=float(row["value"]),
                unit=row["unit"].strip(),
                source=row["source"].strip(),
                gas_basis=(row.get("gas_basis") or "").strip(),
                kind=(row.get("kind") or "").strip(),
                quality=(row.get("quality") or "").strip(),
                url=(row.get("url") or "").strip(),
                note=(row.get("note") or "").strip(),
                origin=origin,
            )
            for row in csv.DictReader(fh)
            if (row.get("key") or "").strip() and not row["key"].startswith("#")
        ]


@cache
def builtin_library() -> Library:
    """The factor library shipped in resources/ (read once per process)."""
    meta = json.loads(resources.path(LIBRARY_META).read_text(encoding="utf-8"))
    factors = read_library_csv(resources.path(LIBRARY_CSV))
    return Library(version=str(meta["version"]), factors=tuple(factors))


def as_workspace(f: Factor) -> Factor:
    return replace(f, origin="workspace")
