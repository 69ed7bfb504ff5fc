"""Computed figures of single rows (the read-only columns of the window's tables), each with a
sentence saying how it was computed: the rows, the factor, its source. Uses core.accounting's
rules; units are in the keys (`_t`, `_kg_per_order`, `_kg_per_kwh`)."""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

from greenledger.core.accounting import (
    avoided_t,
    delivery_emissions_t,
    initiative_reduction_t,
    intensity_kg_per_order,
    location_based_t,
    packaging_t,
    scope1_t,
)
from greenledger.core.factors import FactorBook, FactorChoice, VehicleFactor, vehicle_factor
from greenledger.core.fields import RENEWABLE_SOURCES, Kind
from greenledger.core.storage import Workspace
from greenledger.core.summary import EMPTY, Summary, basis_note, combine_gas


class Figure:
    """A computed value (None when it cannot be computed) and how it was computed: a text, or
    a function making it when asked (a tooltip), so 200,000 rows do not format 600,000 texts.
    A plain slotted class: built once per computed cell, so construction must be cheap."""

    __slots__ = ("value", "explain", "arg")

    def __init__(self, value: float | None, explain: str | Callable[..., str] = "",
                 arg: object = None) -> None:
        self.value = value
        self.explain = explain
        self.arg = arg  # passed to a callable `explain` (e.g. the row's kWh)

    @property
    def how(self) -> str:
        if not callable(self.explain):
            return self.explain
        return self.explain(self.arg) if self.arg is not None else self.explain()

    def __repr__(self) -> str:
        return f"Figure({self.value!r}, {self.how!r})"


def _year(row: dict, *names: str) -> int | None:
    for n in names:
        v = row.get(n)
        if v:
            return int(v[:4]) if isinstance(v, str) else v.year
    return None


@lru_cache(maxsize=4096)
def describe(choice: FactorChoice, key: str, region: str = "") -> str:
    f = choice.factor
    where = ", ".join(x for x in (key, region, str(f.year) if f.year else "") if x)
    note = f"; {choice.fallback}" if choice.fallback else ""
    return f"{f.value:,.6g} {f.unit} ({where}; {f.origin}: {f.source}{note})"


_NONE = Figure(None, "")


def _energy_apply(rule: tuple, kwh: float) -> dict[str, Figure]:
    factor, t_mult, t_how, av_mult, av_how = rule
    return {"factor_kg_per_kwh": factor,
            "t_co2e": _NONE if t_mult is None else Figure(kwh * t_mult, t_how, kwh),
            "avoided_t": _NONE if av_mult is None else Figure(kwh * av_mult, av_how, kwh)}


@lru_cache(maxsize=65536)
def _energy_rule(source: str, instrument: str | None, region: str, year: int | None,
                 book: FactorBook) -> tuple:
    """How rows of one source, instrument, region and year compute: (factor Figure,
    t per kWh, its explanation, avoided t per kWh, its explanation). Shared by all such rows."""
    if source == "diesel":
        ch = book.lookup("diesel", "", year)
        if ch is None:
            return (Figure(None, "no diesel factor"), None, "", None, "")
        text = describe(ch, "diesel")
        return (Figure(ch.value, text), scope1_t(1.0, ch.value),
                lambda kwh: f"Scope 1: {kwh:,.0f} kWh × {text} ÷ 1000", None, "")
    grid = book.lookup("grid", region, year)
    if grid is None:
        return (Figure(None, f"no grid factor for {region or 'this region'}"), None, "", None, "")
    text = describe(grid, "grid", region)
    renewable = source in RENEWABLE_SOURCES
    if renewable and instrument == "on-site":
        t_mult, t_how = 0.0, "on-site renewable: not grid-delivered, 0 t location-based"
    else:
        label = "grid" if source == "grid" else f"{source} bought by contract (grid-delivered)"
        t_mult = location_based_t(1.0, grid.value)

        def t_how(kwh: float) -> str:
            return f"location-based, {label}: {kwh:,.0f} kWh × {text} ÷ 1000"
    if not renewable:
        return (Figure(grid.value, text), t_mult, t_how, None, "")
    return (Figure(grid.value, text), t_mult, t_how, avoided_t(1.0, grid.value),
            lambda kwh: f"avoided (not deducted): {kwh:,.0f} kWh × {text} ÷ 1000")


def delivery_figures(row: dict, book: FactorBook, campaign_year: int | None) -> dict[str, Figure]:
    """`t_co2e` (the Emissions column, else Distance × vehicle factor) and
    `intensity_kg_per_order`."""
    year = campaign_year or _year(row, "period_start")
    given, km, vehicle = row.get("emissions"), row.get("distance"), row.get("vehicle")
    if given is not None:
        t = Figure(given, "the Emissions column, as given")
    else:
        vf = vehicle_factor(book, vehicle, row.get("country"), year) if vehicle else None
        value = delivery_emissions_t(None, km, vf.value if vf else None)
        how = (f"{km:,.0f} km × {_describe_vehicle(vf, vehicle)} ÷ 1000"
               if value is not None and vf
               else "no Emissions, and no Distance with a vehicle factor")
        t = Figure(value, how)
    per = intensity_kg_per_order(t.value, row.get("orders") or 0)
    how = f"{t.value:,.6g} t × 1000 ÷ {row['orders']:,.0f} orders" if per is not None else ""
    return {"t_co2e": t, "intensity_kg_per_order": Figure(per, how)}


def _describe_vehicle(vf: VehicleFactor, vehicle: str) -> str:
    """'0.07305 kg CO2e/km (van electric, United Kingdom grid; derived: …)'."""
    where = ", ".join(x for x in (vehicle, f"{vf.region} grid" if vf.region else "",
                                  str(vf.factor_year) if vf.factor_year else "") if x)
    note = "; no Country given: China's grid assumed" if vf.assumed else ""
    note += f"; {vf.fallback}" if vf.fallback else ""
    return f"{vf.value:,.6g} {vf.unit} ({where}; {vf.origin}: {vf.source}{note})"


def packaging_figures(row: dict, book: FactorBook, campaign_year: int | None) -> dict[str, Figure]:
    """`t_co2e` = quantity × ((1 − r) × material factor + r × recycled factor) ÷ 1000."""
    year = campaign_year or _year(row, "period_start")
    material, kg, pct = row["material"], row["quantity"], row.get("recycled_content")
    ch = book.lookup(material, "", year)
    if ch is None:
        return {"t_co2e": Figure(None, f"no factor for {material}")}
    rec = book.lookup(f"{material} recycled", "", year) if pct else None
    t = packaging_t(kg, pct, ch.value, rec.value if rec else None)
    how = f"{kg:,.0f} kg × {describe(ch, material)}"
    if pct:
        how += f", {pct:g} % recycled at " + (describe(rec, f"{material} recycled") if rec
                                                else "the material factor (no recycled factor)")
    return {"t_co2e": Figure(t, how + " ÷ 1000")}


def initiative_figures(row: dict) -> dict[str, Figure]:
    """`reduction_t`: the Reduction column, else Activity × Factor ÷ 1000."""
    red, act, fac = row.get("reduction"), row.get("activity"), row.get("factor")
    value = initiative_reduction_t(red, act, fac)
    if red is not None:
        how = "the Reduction column, as given"
    elif value is not None:
        how = f"{act:,.6g} {row.get('activity_unit') or 'units'} × {fac:,.6g} kg CO2e per unit ÷ 1000"
    else:
        how = "no Reduction, and no Activity with a Factor"
    return {"reduction_t": Figure(value, how)}


def table_rows(ws: Workspace, kind: Kind, book: FactorBook, summary: Summary | dict,
               rows: list[dict] | None = None) -> list[dict]:
    """Workspace.rows(kind) (or the given `rows` of it) with computed Figures added (keys as in
    the *_figures functions; sites get `total_kwh`, `renewable_share_pct`, `avoided_t`;
    campaigns their summary)."""
    rows = ws.rows(kind) if rows is None else rows
    if isinstance(summary, dict):  # its JSON (summarize); a Summary is read as it is
        summary = EMPTY if not summary else Summary.from_json(summary)
    if kind == Kind.ENERGY:
        regions = {r["site"]: r["grid_region"] for r in ws.rows(Kind.SITES)}
        years: dict[object, int | None] = {}  # period_start -> year (rows share few dates)
        for r in rows:
            start = r["period_start"]
            year = years.get(start)
            if year is None and start:
                year = years[start] = _year(r, "period_start")
            rule = _energy_rule(r["source"], r["instrument"], regions.get(r["site"], ""), year, book)
            r.update(_energy_apply(rule, r["energy"]))
        _energy_rule.cache_clear()  # the rules hold this book; don't keep it alive
    elif kind in (Kind.DELIVERIES, Kind.PACKAGING):
        years = {r["campaign"]: int(r["start"][:4]) for r in ws.rows(Kind.CAMPAIGNS)}
        fn = delivery_figures if kind == Kind.DELIVERIES else packaging_figures
        for r in rows:
            r.update(fn(r, book, years.get(r.get("campaign"))))
    elif kind == Kind.INITIATIVES:
        for r in rows:
            r.update(initiative_figures(r))
    elif kind == Kind.SITES:
        _site_figures(rows, summary)
    elif kind == Kind.CAMPAIGNS:
        _campaign_figures(rows, summary)
    return rows


def _site_figures(rows: list[dict], summary: Summary) -> None:
    for r in rows:
        years = [y for y in summary.site_years if y.site == r["site"]]
        total = sum(y.total_kwh for y in years)
        ren = sum(y.renewable_kwh for y in years)
        per_year = "; ".join(f"{y.year}: {y.renewable_share_pct or 0:.1f} %" for y in years)
        r["total_kwh"] = Figure(total if years else None,
                                f"sum of the site's {len(years)} year(s) of energy rows")
        r["renewable_share_pct"] = Figure(
            ren / total * 100 if total else None,
            f"{ren:,.0f} renewable kWh ÷ {total:,.0f} kWh (all years; {per_year})")
        av = sum(y.avoided_t or 0.0 for y in years)
        gas = combine_gas(y.avoided_gas for y in years if y.avoided_t is not None)
        r["avoided_t"] = Figure(av if years else None,
                                "renewable kWh × the grid factor of its region and year ÷ 1000"
                                + (f"; {basis_note(gas, 'grid')}" if basis_note(gas, "grid") else ""))


def _campaign_figures(rows: list[dict], summary: Summary) -> None:
    for r in rows:
        c = summary.campaign(r["campaign"])
        orders = c.orders if c else None
        em = c.emissions_t if c else None
        r["orders"] = Figure(orders, "deliveries rows of the campaign (or overlapping its "
                             "dates, pro rata by days)")
        r["emissions_t"] = Figure(em, "delivery emissions of those rows"
                                  + (f"; {basis_note(c.emissions_gas, 'vehicle')}"
                                     if c and basis_note(c.emissions_gas, "vehicle") else ""))
        per = c.intensity_kg_per_order if c else None
        r["intensity_kg_per_order"] = Figure(
            per, f"{em:,.6g} t × 1000 ÷ {orders:,.0f} orders" if per is not None else "")
        chg = c.intensity_change_pct if c else None
        base_c = summary.campaign(c.baseline) if c else None
        base = base_c.intensity_kg_per_order if base_c else None
        r["intensity_change_pct"] = Figure(
            chg, f"({per:.4g} − {base:.4g}) ÷ {base:.4g} kg per order, against "
                 f"{c.baseline}" if chg is not None else "no baseline campaign")
        r["avoided_t"] = Figure(c.avoided_t if c else None,
                                "renewable kWh of all sites inside the campaign's dates × grid "
                                "factor ÷ 1000"
                                + (f"; {basis_note(c.avoided_gas, 'grid')}"
                                   if c and basis_note(c.avoided_gas, "grid") else ""))
