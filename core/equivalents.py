"""Equivalents of an amount of CO2e (trees, cars, homes, ...), each with its factor and source."""

from __future__ import annotations

from dataclasses import dataclass

from greenledger.core.factors import FactorBook
from greenledger.core.i18n import QT_TRANSLATE_NOOP, translate


@dataclass(frozen=True, slots=True)
class EquivalentKind:
    key: str
    label: str
    unit: str
    note: str = ""


# Label, unit and note stay English in the data (summary JSON); they are marked here and shown
# through translate("Equivalents", text).
EQUIVALENTS: tuple[EquivalentKind, ...] = (
    EquivalentKind(
        "haloxylon_tree",
        QT_TRANSLATE_NOOP("Equivalents", "Haloxylon (梭梭) trees planted, Ant Forest convention"),
        QT_TRANSLATE_NOOP("Equivalents", "trees"),
        QT_TRANSLATE_NOOP(
            "Equivalents",
            "Ant Forest asks 17.9 kg of 'green energy' per tree: an energy score, not a "
            "measured sequestration",
        ),
    ),
    EquivalentKind(
        "tree_seedling_10yr",
        QT_TRANSLATE_NOOP("Equivalents", "urban tree seedlings grown for 10 years (US EPA)"),
        QT_TRANSLATE_NOOP("Equivalents", "seedlings"),
    ),
    EquivalentKind(
        "car_year",
        QT_TRANSLATE_NOOP("Equivalents", "gasoline passenger cars driven for one year (US EPA)"),
        QT_TRANSLATE_NOOP("Equivalents", "cars"),
    ),
    EquivalentKind(
        "home_electricity_year",
        QT_TRANSLATE_NOOP("Equivalents", "homes' electricity use for one year (US EPA)"),
        QT_TRANSLATE_NOOP("Equivalents", "homes"),
    ),
    EquivalentKind(
        "smartphone_charge",
        QT_TRANSLATE_NOOP("Equivalents", "smartphones charged (US EPA)"),
        QT_TRANSLATE_NOOP("Equivalents", "charges"),
    ),
    EquivalentKind(
        "km_driven",
        QT_TRANSLATE_NOOP("Equivalents", "km driven by an average gasoline car (US EPA)"),
        "km",
        QT_TRANSLATE_NOOP("Equivalents", "EPA publishes a per-mile figure; per km = per mile ÷ 1.609344"),
    ),
)
# One of each unit ("17.9 kg CO2e per tree").
UNIT_SINGULAR = (
    QT_TRANSLATE_NOOP("Equivalents", "tree"),
    QT_TRANSLATE_NOOP("Equivalents", "seedling"),
    QT_TRANSLATE_NOOP("Equivalents", "car"),
    QT_TRANSLATE_NOOP("Equivalents", "home"),
    QT_TRANSLATE_NOOP("Equivalents", "charge"),
    QT_TRANSLATE_NOOP("Equivalents", "km"),
)


def shown(e: dict) -> dict:
    """An equivalents() entry with label, unit and note in the current language."""
    return {**e, **{k: translate("Equivalents", e.get(k) or "") for k in ("label", "unit", "note")}}


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
