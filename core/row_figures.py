"""Computed figures of single rows (the read-only columns of the window's tables), each with a
sentence saying how it was computed: the rows, the factor, its source. Uses core.accounting's
rules; units are in the keys (`_t`, `_kg_per_order`, `_kg_per_kwh`)."""

from __future__ import annotations

from dataclasses import dataclass

from core.accounting import (
    avoided_t,
    delivery_emissions_t,
    initiative_reduction_t,
    intensity_kg_per_order,
    location_based_t,
    packaging_t,
    scope1_t,
)
from core.factors import FactorBook, FactorChoice
from core.fields import RENEWABLE_SOURCES, Kind
from core.storage import Workspace


@dataclass(frozen=True, slots=True)
class Figure:
    """A computed value (None when it cannot be computed) and how it was computed."""

    value: float | None
    how: str

    def __str__(self) -> str:  # pragma: no cover - debugging aid
        return f"{self.value} ({self.how})"


def _year(row: dict, *names: str) -> int | None:
    for n in names:
        if row.get(n):
            return int(str(row[n])[:4])
    return None


def describe(choice: FactorChoice, key: str, region: str = "") -> str:
    f = choice.factor
    where = ", ".join(x for x in (key, region, str(f.year) if f.year else "") if x)
    note = f"; {choice.fallback}" if choice.fallback else ""
    return f"{f.value:,.6g} {f.unit} ({where}; {f.origin}: {f.source}{note})"


def energy_figures(row: dict, region: str, book: FactorBook) -> dict[str, Figure]:
    """`factor_kg_per_kwh`, `t_co2e` (location-based, or Scope 1 for diesel) and `avoided_t`."""
    kwh, source = row["energy"], row["source"]
    year = _year(row, "period_start")
    grid = book.lookup("grid", region, year)
    none = Figure(None, "")
    if source == "diesel":
        ch = book.lookup("diesel", "", year)
        if ch is None:
            return {"factor_kg_per_kwh": Figure(None, "no diesel factor"), "t_co2e": none,
                    "avoided_t": none}
        how = f"Scope 1: {kwh:,.0f} kWh × {describe(ch, 'diesel')} ÷ 1000"
        return {"factor_kg_per_kwh": Figure(ch.value, describe(ch, "diesel")),
                "t_co2e": Figure(scope1_t(kwh, ch.value), how), "avoided_t": none}
    if grid is None:
        miss = Figure(None, f"no grid factor for {region or 'this region'}")
        return {"factor_kg_per_kwh": miss, "t_co2e": miss, "avoided_t": miss}
    factor = Figure(grid.value, describe(grid, "grid", region))
    onsite = source in RENEWABLE_SOURCES and row.get("instrument") == "on-site"
    if onsite:
        t = Figure(0.0, "on-site renewable: not grid-delivered, 0 t location-based")
    else:
        label = "grid" if source == "grid" else f"{source} bought by contract (grid-delivered)"
        t = Figure(location_based_t(kwh, grid.value), f"location-based, {label}: {kwh:,.0f} kWh"
                   f" × {describe(grid, 'grid', region)} ÷ 1000")
    if source in RENEWABLE_SOURCES:
        av = Figure(avoided_t(kwh, grid.value), f"avoided (not deducted): {kwh:,.0f} kWh × "
                    f"{describe(grid, 'grid', region)} ÷ 1000")
    else:
        av = none
    return {"factor_kg_per_kwh": factor, "t_co2e": t, "avoided_t": av}


def delivery_figures(row: dict, book: FactorBook, campaign_year: int | None) -> dict[str, Figure]:
    """`t_co2e` (the Emissions column, else Distance × vehicle factor) and
    `intensity_kg_per_order`."""
    year = campaign_year or _year(row, "period_start")
    given, km, vehicle = row.get("emissions"), row.get("distance"), row.get("vehicle")
    if given is not None:
        t = Figure(given, "the Emissions column, as given")
    else:
        ch = book.lookup(vehicle, "", year) if vehicle else None
        value = delivery_emissions_t(None, km, ch.value if ch else None)
        how = (f"{km:,.0f} km × {describe(ch, vehicle)} ÷ 1000" if value is not None and ch
               else "no Emissions, and no Distance with a vehicle factor")
        t = Figure(value, how)
    per = intensity_kg_per_order(t.value, row.get("orders") or 0)
    how = f"{t.value:,.6g} t × 1000 ÷ {row['orders']:,.0f} orders" if per is not None else ""
    return {"t_co2e": t, "intensity_kg_per_order": Figure(per, how)}


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


def table_rows(ws: Workspace, kind: Kind, book: FactorBook, summary: dict) -> list[dict]:
    """Workspace.rows(kind) with computed Figures added (keys as in the *_figures functions;
    sites get `total_kwh`, `renewable_share_pct`, `avoided_t`; campaigns their summary)."""
    rows = ws.rows(kind)
    if kind == Kind.ENERGY:
        regions = {r["site"]: r["grid_region"] for r in ws.rows(Kind.SITES)}
        for r in rows:
            r.update(energy_figures(r, regions.get(r["site"], ""), book))
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


def _site_figures(rows: list[dict], summary: dict) -> None:
    for r in rows:
        years = [y for y in summary.get("site_years", []) if y["site"] == r["site"]]
        total = sum(y["total_kwh"] for y in years)
        ren = sum(y["renewable_kwh"] for y in years)
        per_year = "; ".join(f"{y['year']}: {y['renewable_share_pct'] or 0:.1f} %" for y in years)
        r["total_kwh"] = Figure(total if years else None,
                                f"sum of the site's {len(years)} year(s) of energy rows")
        r["renewable_share_pct"] = Figure(
            ren / total * 100 if total else None,
            f"{ren:,.0f} renewable kWh ÷ {total:,.0f} kWh (all years; {per_year})")
        av = sum(y["avoided_t"] or 0.0 for y in years)
        r["avoided_t"] = Figure(av if years else None,
                                "renewable kWh × the grid factor of its region and year ÷ 1000")


def _campaign_figures(rows: list[dict], summary: dict) -> None:
    by_name = {c["name"]: c for c in summary.get("campaigns", [])}
    for r in rows:
        c = by_name.get(r["campaign"], {})
        orders, em = c.get("orders"), c.get("emissions_t")
        r["orders"] = Figure(orders, "deliveries rows of the campaign (or overlapping its "
                             "dates, pro rata by days)")
        r["emissions_t"] = Figure(em, "delivery emissions of those rows")
        per = c.get("intensity_kg_per_order")
        r["intensity_kg_per_order"] = Figure(
            per, f"{em:,.6g} t × 1000 ÷ {orders:,.0f} orders" if per is not None else "")
        chg = c.get("intensity_change_pct")
        base = by_name.get(c.get("baseline") or "", {}).get("intensity_kg_per_order")
        r["intensity_change_pct"] = Figure(
            chg, f"({per:.4g} − {base:.4g}) ÷ {base:.4g} kg per order, against "
                 f"{c['baseline']}" if chg is not None else "no baseline campaign")
        r["avoided_t"] = Figure(c.get("avoided_t"), "renewable kWh of all sites inside the "
                                "campaign's dates × grid factor ÷ 1000")
