"""Carbon accounting: pure functions for each rule, and the workspace summary built from them.

Units: energy in kWh; emissions in t CO2e (t); factors in kg per kWh / km / kg / unit;
percentages 0–100. Methods follow the GHG Protocol Scope 2 Guidance: location-based uses grid
averages for all grid-delivered power; market-based counts contractual renewables at zero and
prices the rest at the region's residual mix (else its grid average); avoided emissions are
reported beside the inventory and never netted from it.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from greenledger.core import aggregates
from greenledger.core.equivalents import equivalents
from greenledger.core.factors import (
    FactorBook,
    FactorChoice,
    VehicleFactor,
    vehicle_factor,
)
from greenledger.core.fields import RENEWABLE_SOURCES
from greenledger.core.periods import overlap_share, parse_bound, spread_by_month, spread_by_year_within
from greenledger.core.storage import Workspace
from greenledger.core.story_rows import row_groups
from greenledger.core.summary import (
    CO2E,
    Campaign,
    Equivalent,
    FactorUsed,
    Initiative,
    SiteMonth,
    SiteYear,
    Summary,
    Totals,
    combine_gas,
    gas_of,
)
from greenledger.core.suspects import double_count_suspects, electric_without_country

# --- the rules, one pure function each -------------------------------------------------------


def location_based_t(grid_delivered_kwh: float, grid_factor_kg_per_kwh: float) -> float:
    """Scope 2 location-based, t: grid-delivered kWh (grid rows and renewables bought by
    contract) × the grid average factor. On-site renewables are not grid-delivered."""
    return grid_delivered_kwh * grid_factor_kg_per_kwh / 1000.0


def market_based_t(grid_kwh: float, residual_or_grid_kg_per_kwh: float) -> float:
    """Scope 2 market-based, t: grid rows × the region's residual factor (else its grid
    factor); contractual and on-site renewables count zero."""
    return grid_kwh * residual_or_grid_kg_per_kwh / 1000.0


def scope1_t(diesel_kwh: float, diesel_kg_per_kwh: float) -> float:
    """Scope 1, t: kWh from on-site diesel generators × the diesel factor per kWh."""
    return diesel_kwh * diesel_kg_per_kwh / 1000.0


def avoided_t(renewable_kwh: float, grid_factor_kg_per_kwh: float) -> float:
    """Avoided emissions, t: renewable kWh (every instrument) × the grid factor. Not an
    inventory deduction."""
    return renewable_kwh * grid_factor_kg_per_kwh / 1000.0


def renewable_share_pct(renewable_kwh: float, total_kwh: float) -> float | None:
    """Renewable kWh as a percentage of all kWh (diesel included); None without energy."""
    return None if total_kwh <= 0 else renewable_kwh / total_kwh * 100.0


def delivery_emissions_t(emissions_t: float | None, distance_km: float | None,
                         vehicle_kg_per_km: float | None) -> float | None:
    """A deliveries row's emissions, t: the Emissions column, else Distance × vehicle factor."""
    if emissions_t is not None:
        return emissions_t
    if distance_km is None or vehicle_kg_per_km is None:
        return None
    return distance_km * vehicle_kg_per_km / 1000.0


def packaging_t(quantity_kg: float, recycled_pct: float | None, material_kg_per_kg: float,
                recycled_kg_per_kg: float | None) -> float:
    """Packaging emissions, t = quantity × ((1 − r) × material factor + r × recycled factor),
    r the recycled share; the material factor stands in where there is no recycled one."""
    r = (recycled_pct or 0.0) / 100.0
    rec = material_kg_per_kg if recycled_kg_per_kg is None else recycled_kg_per_kg
    return quantity_kg * ((1.0 - r) * material_kg_per_kg + r * rec) / 1000.0


def intensity_kg_per_order(emissions_t: float | None, orders: float) -> float | None:
    """kg CO2e per order; None without orders or emissions."""
    if not orders or emissions_t is None:
        return None
    return emissions_t * 1000.0 / orders


def change_pct(value: float | None, baseline: float | None) -> float | None:
    """Change of `value` against `baseline` in percent (−18 means 18 % lower)."""
    if value is None or baseline is None or baseline == 0:
        return None
    return (value - baseline) / baseline * 100.0


def initiative_reduction_t(reduction_t: float | None, activity: float | None,
                           factor_kg_per_unit: float | None) -> float | None:
    """An initiative's reduction, t: the Reduction column, else Activity × Factor."""
    if reduction_t is not None:
        return reduction_t
    if activity is None or factor_kg_per_unit is None:
        return None
    return activity * factor_kg_per_unit / 1000.0


# --- energy aggregation ----------------------------------------------------------------------


@dataclass(slots=True)
class EnergyMix:
    """kWh of one site in one period, by how they count."""

    grid: float = 0.0
    diesel: float = 0.0
    renewable_contract: float = 0.0  # green power trade, PPA, certificate, or blank
    renewable_onsite: float = 0.0
    by_source: dict | None = None

    def add(self, source: str, instrument: str | None, kwh: float) -> None:
        if source == "grid":
            self.grid += kwh
        elif source == "diesel":
            self.diesel += kwh
        elif instrument == "on-site":
            self.renewable_onsite += kwh
        else:
            self.renewable_contract += kwh
        if self.by_source is None:
            self.by_source = {}
        self.by_source[source] = self.by_source.get(source, 0.0) + kwh

    @property
    def renewable(self) -> float:
        return self.renewable_contract + self.renewable_onsite

    @property
    def total(self) -> float:
        return self.grid + self.diesel + self.renewable

    @property
    def grid_delivered(self) -> float:
        return self.grid + self.renewable_contract


def energy_by_site_month(ws: Workspace, maintained: bool = True) -> dict[tuple[str, str], EnergyMix]:
    """EnergyMix per (site, "YYYY-MM"): from core.aggregates' agg_energy_month (kWh per site,
    month, source and instrument), or with `maintained` False (or a workspace that cannot be
    written) recomputed from every row: rows inside one month summed in SQL, rows that span
    months spread over them by days (by time for hourly rows)."""
    if maintained and aggregates.ensure(ws):
        return _maintained_months(ws)
    out: dict[tuple[str, str], EnergyMix] = defaultdict(EnergyMix)
    names = dict(ws.select("site_names_by_id"))
    # One pass: rows inside one month are grouped by that month; a row that spans months is
    # its own group (grouped by its id) and is spread over its months here.
    for site_id, source, instrument, start, end, kwh, one_month in ws.select("energy_month_groups"):
        site = names[site_id]
        if one_month:
            out[(site, start[:7])].add(source, instrument, kwh)
            continue
        for month, part in spread_by_month(parse_bound(start), parse_bound(end), kwh).items():
            out[(site, month)].add(source, instrument, part)
    return dict(out)


def _maintained_months(ws: Workspace) -> dict[tuple[str, str], EnergyMix]:
    """EnergyMix per (site, month) of agg_energy_month's rows, by the sites' names and months:
    EnergyMix.add inlined (a month's rows come in one run; the same sums in the same order)."""
    names = dict(ws.select("site_names_by_id"))
    by_site: dict[int, dict[str, EnergyMix]] = {}
    site_id = month = None
    mix = EnergyMix()
    for row_site, row_month, source, instrument, kwh in aggregates.energy_month_rows(ws):
        if row_month != month or row_site != site_id:
            site_id, month = row_site, row_month
            months = by_site.setdefault(site_id, {})
            mix = months.get(month)
            if mix is None:
                mix = months[month] = EnergyMix(by_source={})
            by_source = mix.by_source
        # EnergyMix.add's rule, inlined (a call per aggregate row cost a third of the summary at
        # 5M rows); tests/core/test_summary_speedpath.py holds the two to the same figures
        if source == "grid":
            mix.grid += kwh
        elif source == "diesel":
            mix.diesel += kwh
        elif instrument == "on-site":
            mix.renewable_onsite += kwh
        else:
            mix.renewable_contract += kwh
        by_source[source] = by_source.get(source, 0.0) + kwh
    return {(names[i], m): mix for i in sorted(by_site.keys() & names.keys(), key=names.__getitem__)
            for m, mix in by_site[i].items()}  # rows of a site not in sites: none (JOIN sites)


def by_year(months: dict[tuple[str, str], EnergyMix]) -> dict[tuple[str, int], EnergyMix]:
    out: dict[tuple[str, int], EnergyMix] = defaultdict(EnergyMix)
    for (site, month), mix in months.items():
        y = out[(site, int(month[:4]))]
        y.grid += mix.grid
        y.diesel += mix.diesel
        y.renewable_contract += mix.renewable_contract
        y.renewable_onsite += mix.renewable_onsite
        for source, kwh in (mix.by_source or {}).items():
            y.by_source = y.by_source or {}
            y.by_source[source] = y.by_source.get(source, 0.0) + kwh
    return dict(out)


# --- the summary -----------------------------------------------------------------------------


class FactorLog:
    """Looks factors up through a FactorBook and remembers every one used, for disclosure."""

    def __init__(self, book: FactorBook) -> None:
        self.book = book
        self.used: dict[tuple, FactorUsed] = {}

    def get(self, key: str, region: str, year: int | None) -> FactorChoice | None:
        choice = self.book.lookup(key, region, year)
        if choice is not None and (key, region, year) not in self.used:
            f = choice.factor
            self.used[(key, region, year)] = FactorUsed(
                key=key, region=region or None, year=year, value=f.value, unit=f.unit,
                source=f.source, factor_year=f.year, origin=f.origin, fallback=choice.fallback,
                gas_basis=gas_of(f.unit, f.gas_basis))
        return choice

    def value(self, key: str, region: str, year: int | None) -> float | None:
        choice = self.get(key, region, year)
        return None if choice is None else choice.value

    def gas(self, key: str, region: str, year: int | None) -> str:
        """The gas basis of the factor `get` gives ('' without one)."""
        choice = self.get(key, region, year)
        return "" if choice is None else gas_of(choice.factor.unit, choice.factor.gas_basis)

    def vehicle(self, vehicle: str, country: str | None, year: int | None) -> VehicleFactor | None:
        """core.factors.vehicle_factor, disclosed in `used` (an electric vehicle's derived factor
        with its region, and the grid factor it came from)."""
        vf = vehicle_factor(self.book, vehicle, country, year)
        if vf is None:
            return None
        if vf.derived:
            self.get("grid", vf.region, year)
        region = vf.region if (vf.derived or not vf.assumed and vf.region) else ""
        k = (vehicle, region, year)
        if k not in self.used:
            fallback = vf.fallback
            if vf.assumed:
                note = "no Country given: China's grid assumed"
                fallback = f"{fallback}; {note}" if fallback else note
            self.used[k] = FactorUsed(
                key=vehicle, region=region or None, year=year, value=vf.value, unit=vf.unit,
                source=vf.source, factor_year=vf.factor_year,
                origin="derived" if vf.derived else vf.origin, fallback=fallback,
                gas_basis=vf.gas_basis)
        return vf

    def market_key(self, region: str) -> str:
        """'residual' where the region has a residual factor (no walking up), else 'grid'."""
        return "residual" if self.book.has("residual", region) else "grid"

    def market_factor(self, region: str, year: int) -> float | None:
        """The region's residual factor where one exists (no walking up), else its grid."""
        return self.value(self.market_key(region), region, year)


def _times(a: float, f: float | None, fn) -> float | None:
    return None if f is None else fn(a, f)


def site_years(ws: Workspace, log: FactorLog, months: dict) -> list[SiteYear]:
    regions = dict(ws.select("site_regions"))
    out = []
    for (site, year), mix in sorted(by_year(months).items()):
        region = regions[site]
        grid_f = log.value("grid", region, year)
        grid_gas = log.gas("grid", region, year)
        diesel_f = log.value("diesel", "", year) if mix.diesel else None
        market_key = log.market_key(region) if mix.grid else "grid"
        out.append(SiteYear(
            site=site, year=year, total_kwh=mix.total, renewable_kwh=mix.renewable,
            renewable_share_pct=renewable_share_pct(mix.renewable, mix.total),
            location_based_t=_times(mix.grid_delivered, grid_f, location_based_t),
            market_based_t=_times(mix.grid, log.value(market_key, region, year),
                                  market_based_t),
            scope1_t=0.0 if not mix.diesel else _times(mix.diesel, diesel_f, scope1_t),
            avoided_t=_times(mix.renewable, grid_f, avoided_t),
            grid_region=region,
            kwh_by_source=dict(mix.by_source or {}),
            location_based_gas=combine_gas([grid_gas]),
            market_based_gas=combine_gas([log.gas(market_key, region, year)]),
            scope1_gas=combine_gas([log.gas("diesel", "", year)] if mix.diesel else []),
            avoided_gas=combine_gas([grid_gas]),
        ))
    return out


def site_months(months: dict) -> list[SiteMonth]:
    return [SiteMonth(site, month, t, r, renewable_share_pct(r, t), dict(mix.by_source or {}))
            for (site, month), mix in sorted(months.items())  # r, t: mix.renewable, mix.total
            for r in (mix.renewable,) for t in (mix.grid + mix.diesel + r,)]


@dataclass(slots=True)
class _Window:
    name: str
    start: date
    end: date
    baseline: str | None


def _campaign_part(row: dict, win: _Window, campaign_id: int) -> tuple[float, int]:
    """The share of a row that counts toward a campaign, and the activity year."""
    if row["campaign_id"] is not None:
        return (1.0, win.start.year) if row["campaign_id"] == campaign_id else (0.0, 0)
    if not row["period_start"] or not row["period_end"]:
        return 0.0, 0
    a, b = date.fromisoformat(row["period_start"]), date.fromisoformat(row["period_end"])
    return overlap_share(a, b, win.start, win.end), max(a, win.start).year


def campaigns(ws: Workspace, log: FactorLog, maintained: bool = False) -> list[Campaign]:
    wins = {r["id"]: _Window(r["name"], date.fromisoformat(r["start"]),
                             date.fromisoformat(r["end"]), r["baseline"])
            for r in ws.select_dicts("campaign_windows")}
    deliveries = list(ws.select_dicts("all_deliveries"))
    packaging = list(ws.select_dicts("all_packaging"))
    out: dict[str, dict] = {}
    for cid, win in sorted(wins.items(), key=lambda kv: (kv[1].start, kv[1].name)):
        orders, emissions, missing = 0.0, 0.0, False
        em_gas: list[str] = []
        regions: dict[str, set[str]] = defaultdict(set)
        for row in deliveries:
            share, year = _campaign_part(row, win, cid)
            if share <= 0:
                continue
            orders += row["orders"] * share
            vf = None
            if row["emissions_t_co2e"] is None and row["vehicle"]:
                v = log.vehicle(row["vehicle"], row["country"], year)
                if v is not None:
                    vf = v.value
                    em_gas.append(v.gas_basis)
                    if v.region:
                        regions[row["vehicle"]].add(v.region + (" (assumed)" if v.assumed else ""))
            elif row["emissions_t_co2e"] is not None:
                em_gas.append(CO2E)  # the Emissions column is t CO2e
            e = delivery_emissions_t(row["emissions_t_co2e"], row["distance_km"], vf)
            if e is None:
                missing = True
            else:
                emissions += e * share
        pack_t, pack_kg = 0.0, 0.0
        pack_rows = 0
        pack_gas: list[str] = []
        by_material: dict[str, float] = defaultdict(float)
        for row in packaging:
            share, year = _campaign_part(row, win, cid)
            if share <= 0:
                continue
            pack_rows += 1
            mf = log.value(row["material"], "", year)
            rec_key = f"{row['material']} recycled"
            rf = log.value(rec_key, "", year) \
                if log.book.has(rec_key) and row["recycled_content_pct"] else None
            pack_kg += row["quantity_kg"] * share
            by_material[row["material"]] += row["quantity_kg"] * share
            if mf is not None:
                pack_gas.append(log.gas(row["material"], "", year))
                if rf is not None:
                    pack_gas.append(log.gas(rec_key, "", year))
                pack_t += packaging_t(row["quantity_kg"] * share, row["recycled_content_pct"],
                                      mf, rf)
        avoided, by_site, av_gas = (_maintained_avoided(ws, log, cid) if maintained else
                                    _campaign_avoided(ws, log, win.start, win.end))
        em = None if missing else emissions  # a row without emissions: no partial sum
        out[win.name] = {
            "name": win.name, "start": win.start.isoformat(), "end": win.end.isoformat(),
            "orders": orders, "emissions_t": em if orders or em else None,
            "intensity_kg_per_order": intensity_kg_per_order(em, orders),
            "baseline": win.baseline, "intensity_change_pct": None,
            "avoided_t": avoided, "avoided_by_site_t": by_site,
            "packaging_t": pack_t if pack_rows else None,
            "packaging_kg_per_order": (pack_kg / orders) if pack_rows and orders else None,
            "packaging_change_pct": None,
            "emissions_gas": combine_gas(em_gas), "packaging_gas": combine_gas(pack_gas),
            "avoided_gas": av_gas, "packaging_kg_by_material": dict(by_material),
            "vehicle_regions": {v: ", ".join(sorted(r)) for v, r in sorted(regions.items())},
        }
    for c in out.values():
        base = out.get(c["baseline"]) if c["baseline"] else None
        if base is None:
            c["baseline"] = None
            continue
        c["intensity_change_pct"] = change_pct(c["intensity_kg_per_order"],
                                               base["intensity_kg_per_order"])
        c["packaging_change_pct"] = change_pct(c["packaging_kg_per_order"],
                                               base["packaging_kg_per_order"])
    return [Campaign(**c) for c in out.values()]


def campaign_avoided_t(ws: Workspace, log: FactorLog, start: date,
                       end: date) -> tuple[float, dict[str, float]]:
    """Avoided t of all sites' renewable kWh inside [start, end], total and per site."""
    total, by_site, _gas = _campaign_avoided(ws, log, start, end)
    return total, by_site


def _maintained_avoided(ws: Workspace, log: FactorLog,
                        campaign_id: int) -> tuple[float, dict[str, float], str]:
    """_campaign_avoided of a campaign's window from agg_campaign_avoided (its renewable kWh
    inside the window by site and year, kept by core.aggregates)."""
    by_site: dict[str, float] = defaultdict(float)
    gases: set[str] = set()
    for site, region, year, kwh in aggregates.campaign_avoided(ws, campaign_id):
        f = log.value("grid", region, year)
        if f is not None:
            by_site[site] += avoided_t(kwh, f)
            gases.add(log.gas("grid", region, year))
    return sum(by_site.values()), dict(by_site), combine_gas(gases)


def _campaign_avoided(ws: Workspace, log: FactorLog, start: date,
                      end: date) -> tuple[float, dict[str, float], str]:
    rows = ws.select("renewable_energy_in_window", sources=tuple(RENEWABLE_SOURCES),
                     start=start.isoformat(), end=end.isoformat())
    by_site: dict[str, float] = defaultdict(float)
    gases: set[str] = set()
    for site, region, a, b, kwh in rows:
        for year, part in spread_by_year_within(parse_bound(a), parse_bound(b),
                                                kwh, start, end).items():
            f = log.value("grid", region, year)
            if f is not None:
                by_site[site] += avoided_t(part, f)
                gases.add(log.gas("grid", region, year))
    return sum(by_site.values()), dict(by_site), combine_gas(gases)


def initiatives(ws: Workspace) -> list[Initiative]:
    rows = ws.select_dicts("initiatives_with_campaign")
    return [Initiative(name=r["name"], business_unit=r["business_unit"], campaign=r["campaign"],
                       reduction_t=initiative_reduction_t(r["reduction_t_co2e"], r["activity"],
                                                          r["factor_kg_per_unit"]),
                       method="given" if r["reduction_t_co2e"] is not None
                       else "activity × factor")
            for r in rows]


def _equivalents(t: float, book: FactorBook) -> tuple[Equivalent, ...]:
    return tuple(Equivalent(**e) for e in equivalents(t, book)) if t else ()


def build_summary(ws: Workspace, maintained: bool = True) -> Summary:
    """Every figure of the workspace as a typed Summary (numbers unrounded). Energy figures come
    from core.aggregates' maintained tables (refreshed first if a write left them behind);
    `maintained` False recomputes every figure from the rows instead (the same methods: tests
    compare the two)."""
    log = FactorLog(ws.factor_book())
    maintained = maintained and aggregates.ensure(ws)
    months = _maintained_months(ws) if maintained else energy_by_site_month(ws, False)
    years = site_years(ws, log, months)
    inits = initiatives(ws)
    avoided = sum(y.avoided_t or 0.0 for y in years)
    init_t = sum(i.reduction_t or 0.0 for i in inits)
    return Summary(
        workspace=ws.name,
        factor_library_version=ws.library_version,
        site_years=tuple(years),
        site_months=tuple(site_months(months)),
        campaigns=tuple(campaigns(ws, log, maintained)),
        initiatives=tuple(inits),
        totals=Totals(avoided_t=avoided, initiatives_t=init_t,
                      avoided_gas=combine_gas(y.avoided_gas for y in years
                                              if y.avoided_t is not None)),
        factors_used=tuple(sorted(log.used.values(),
                                  key=lambda f: (f.key, f.region or "", f.year or 0))),
        avoided_equivalents=_equivalents(avoided, log.book),
        initiatives_equivalents=_equivalents(init_t, log.book),
        warnings=(*double_count_suspects(ws), *electric_without_country(ws)),
        row_groups=row_groups(ws, maintained),
    )


def summarize(ws: Workspace, maintained: bool = True) -> dict:
    """Every figure of the workspace as one JSON-ready dict (schema 2, numbers unrounded):
    build_summary(ws).to_json()."""
    return build_summary(ws, maintained).to_json()
