"""Equivalents of an amount of CO2e (trees, cars, homes, ...), each with its factor and source."""

from __future__ import annotations

from dataclasses import dataclass

from core.factors import FactorBook


@dataclass(frozen=True, slots=True)
class EquivalentKind:
    key: str
    label: str
    unit: str
    note: str = ""


EQUIVALENTS: tuple[EquivalentKind, ...] = (
    EquivalentKind("haloxylon_tree", "Haloxylon (梭梭) trees planted, Ant Forest convention", "trees",
                   "Ant Forest asks 17.9 kg of 'green energy' per tree: an energy score, not a "
                   "measured sequestration"),
    EquivalentKind("tree_seedling_10yr", "urban tree seedlings grown for 10 years (US EPA)",
                   "seedlings"),
    EquivalentKind("car_year", "gasoline passenger cars driven for one year (US EPA)", "cars"),
    EquivalentKind("home_electricity_year", "homes' electricity use for one year (US EPA)",
                   "homes"),
    EquivalentKind("smartphone_charge", "smartphones charged (US EPA)", "charges"),
    EquivalentKind("km_driven", "km driven by an average gasoline car (US EPA)", "km",
                   "EPA publishes a per-mile figure; per km = per mile ÷ 1.609344"),
)


def equivalents(t_co2e: float, book: FactorBook, year: int | None = None) -> list[dict]:
    """`t_co2e` (tonnes CO2e) expressed in each equivalent: value = t × 1000 / kg per unit."""
    out = []
    for eq in EQUIVALENTS:
        choice = book.lookup(eq.key, "", year)
        if choice is None or choice.value <= 0:
            continue
        f = choice.factor
        out.append({
            "key": eq.key,
            "label": eq.label,
            "unit": eq.unit,
            "factor_kg_per_unit": f.value,
            "value": t_co2e * 1000.0 / f.value,
            "source": f.source + (f" ({f.year})" if f.year else ""),
            "note": eq.note,
        })
    return out
