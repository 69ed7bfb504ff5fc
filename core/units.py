"""Units understood in headers and factor tables, and their conversion to the stored units.

Stored units: energy kWh, mass of CO2e t, distance km, recycled content %, packaging mass kg,
per-kWh factors kg CO2/kWh, per-km factors kg CO2e/km, per-kg factors kg CO2e/kg, other
factors kg CO2e per unit.
"""

from __future__ import annotations

import re
import unicodedata

from greenledger.core.errors import REASON_TEMPLATES
from greenledger.core.fields import norm
from greenledger.core.i18n import QT_TRANSLATE_NOOP, translate

# Multipliers to the stored unit of each dimension, keyed by the unit's normal form.
ENERGY_TO_KWH = {
    "wh": 1e-3, "kwh": 1.0, "mwh": 1e3, "gwh": 1e6, "twh": 1e9,
    "万千瓦时": 1e4, "万kwh": 1e4, "亿千瓦时": 1e8, "亿kwh": 1e8, "千瓦时": 1.0, "度": 1.0,
    "万度": 1e4, "兆瓦时": 1e3, "吉瓦时": 1e6, "千度": 1e3,
    # heat and fuel statements: 1 kWh = 3.6 MJ
    "mj": 1 / 3.6, "gj": 1e3 / 3.6, "tj": 1e6 / 3.6, "兆焦": 1 / 3.6, "吉焦": 1e3 / 3.6,
}
MASS_TO_T = {
    "g": 1e-6, "kg": 1e-3, "t": 1.0, "tonne": 1.0, "tonnes": 1.0, "kt": 1e3,
    # MT / mt / metric tons: metric tonnes as logistics writes them; `Mt` written so is a
    # megatonne (see mass_case); MMT a million metric tons
    "mt": 1.0, "metrict": 1.0, "metricton": 1.0, "metrictons": 1.0, "mmt": 1e6,
    "shortton": 0.90718474, "shorttons": 0.90718474, "longton": 1.0160469088,
    "longtons": 1.0160469088, "lb": 0.45359237e-3, "lbs": 0.45359237e-3,
    "万吨": 1e4, "吨": 1.0, "千克": 1e-3, "公斤": 1e-3, "克": 1e-6, "千吨": 1e3, "百万吨": 1e6,
}
MEGATONNE = "Mt"
"""The one spelling of megatonnes (SI: M for mega, t for tonne); `MT` and `mt` are tonnes."""
AMBIGUOUS_MASS = {
    "ton": QT_TRANSLATE_NOOP("Units", "a metric tonne (t) or a US short ton (0.907 t)"),
    "tons": QT_TRANSLATE_NOOP("Units", "metric tonnes (t) or US short tons (0.907 t)"),
    "mT": QT_TRANSLATE_NOOP("Units", "MT (metric tonnes) or Mt (megatonnes)")}
"""Mass spellings that are refused and asked: each could be two units."""
DISTANCE_TO_KM = {"m": 1e-3, "km": 1.0, "米": 1e-3, "公里": 1.0, "千米": 1.0, "万公里": 1e4,
                  "mile": 1.609344, "miles": 1.609344, "mi": 1.609344, "英里": 1.609344}
PERCENT = {"%": 1.0, "percent": 1.0, "pct": 1.0, "百分比": 1.0}
# counts (orders): 订单量（万单） is tens of thousands of orders
COUNT = {"单": 1.0, "件": 1.0, "笔": 1.0, "万单": 1e4, "万件": 1e4, "万笔": 1e4, "千单": 1e3,
         "亿单": 1e8, "亿件": 1e8, "orders": 1.0}
DIMENSIONS: dict[str, dict[str, float]] = {
    "energy": ENERGY_TO_KWH,
    "mass": MASS_TO_T,
    "distance": DISTANCE_TO_KM,
    "percent": PERCENT,
    "count": COUNT,
}

_BRACKETS = re.compile(r"^(?P<name>.*?)\s*[\(\[（【](?P<unit>[^\)\]）】]*)[\)\]）】]\s*$")


def split_header(header: object) -> tuple[str, str | None]:
    """Split `Energy (MWh)` / `用电量（万千瓦时）` / `Energy [kWh]` into name and unit text."""
    text = unicodedata.normalize("NFKC", str(header)).strip()
    m = _BRACKETS.match(text)
    if not m:
        return text, None
    unit = _UNIT_PREFIX.sub("", m.group("unit")).strip()  # （单位：kWh）, (unit: MWh)
    return m.group("name").strip(), unit


_UNIT_PREFIX = re.compile(r"^\s*(?:单位|计量单位|units?)\s*[:：]\s*", re.IGNORECASE)
_PRODUCT_DOT = re.compile(r"(?<=[w瓦])[·⋅•∙.\-](?=[h时])")


def unit_key(unit: str) -> str:
    """Normal form of a unit text: NFKC, lower case, no spaces; keeps % and CJK. The dot of
    a product unit goes (`kW·h`, `kW.h`, `千瓦·时` are kWh and 千瓦时, as GB 3100 writes them)."""
    text = unicodedata.normalize("NFKC", unit).lower().replace(" ", "")
    text = _PRODUCT_DOT.sub("", text)
    text = text.replace("co₂", "co2").replace("co2e", "").replace("co2", "")
    return text.replace("tonnes", "t").replace("tonne", "t")


class UnitError(ValueError):
    """A unit that is not understood for a field; `code` and `params` render it in any language
    (core.errors.REASON_TEMPLATES)."""

    def __init__(self, message: str, code: str = "unknown_unit", **params) -> None:
        super().__init__(message)
        self.code = code
        self.params = params


REASON_TEMPLATES.update({
    "ambiguous_unit": QT_TRANSLATE_NOOP("Problems", "unit '{unit}' is ambiguous: {meaning}; write t, tonnes or MT for metric tonnes, short tons for US tons"),  # noqa: E501
})


def mass_case(unit: str) -> str | None:
    """The mass unit of a text whose letter case decides it: "Mt" (megatonnes) or an ambiguous
    spelling (a key of AMBIGUOUS_MASS); None when case does not matter (`MT`, `mt`, `t`)."""
    text = unicodedata.normalize("NFKC", unit).replace(" ", "")
    text = re.sub(r"(?i)co[2₂]e?$", "", text)
    if text == MEGATONNE:
        return MEGATONNE
    if text in AMBIGUOUS_MASS or text.lower() in ("ton", "tons"):
        return text if text in AMBIGUOUS_MASS else text.lower()
    return None


def multiplier(dimension: str, unit: str) -> float:
    """Factor that converts a value in `unit` to the stored unit of `dimension`."""
    if dimension == "factor_per_unit":
        return factor_multiplier(unit, per=None)[0]
    table = DIMENSIONS[dimension]
    if dimension == "mass" and (case := mass_case(unit)) is not None:
        if case == MEGATONNE:
            return 1e6
        raise UnitError(f"unit '{unit}' is ambiguous: {AMBIGUOUS_MASS[case]}; write t, "
                        "tonnes or MT for metric tonnes, short tons for US tons",
                        "ambiguous_unit", unit=unit, meaning=translate("Units", AMBIGUOUS_MASS[case]))
    key = unit_key(unit)
    if key in table:
        return table[key]
    raise UnitError(f"unit '{unit}' is not a unit of {dimension} "
                    f"(understood: {', '.join(sorted(table))})")


# Factor units: numerator (mass of CO2/CO2e) per denominator (kWh, km, kg, unit).
_PER = re.compile(r"^(?P<num>[^/]+?)(?:/|per)(?P<den>.+)$")
DENOMINATOR_TO_STORED = {
    # energy denominators convert to per kWh
    "kwh": ("kWh", 1.0), "mwh": ("kWh", 1e-3), "gwh": ("kWh", 1e-6), "wh": ("kWh", 1e3),
    # distance to per km
    "km": ("km", 1.0), "m": ("km", 1e3), "mile": ("km", 1 / 1.609344), "mi": ("km", 1 / 1.609344),
    "vehiclekm": ("km", 1.0),
    # mass of material to per kg
    "kg": ("kg", 1.0), "t": ("kg", 1e-3), "g": ("kg", 1e3),
}
NUMERATOR_TO_KG = {"g": 1e-3, "kg": 1.0, "t": 1e3, "kt": 1e6, "lb": 0.45359237, "mt": 1e3,
                   "metrict": 1e3, "metricton": 1e3}


def factor_multiplier(unit: str, per: str | None) -> tuple[float, str]:
    """Multiplier and stored unit for a factor given in `unit`, e.g. `t CO2/MWh` -> (1.0, kg/kWh).

    `per` is the stored denominator the key expects ("kWh", "km", "kg") or None for any
    denominator (per unit, per order, per tree): then the numerator alone converts to kg.
    """
    key = unit_key(unit)
    m = _PER.match(key)
    if not m:
        raise UnitError(f"factor unit '{unit}' is not of the form 'mass/denominator', "
                        "e.g. 't CO2/MWh' or 'kg CO2e per unit'")
    num, den = m.group("num"), m.group("den")
    if num not in NUMERATOR_TO_KG:
        raise UnitError(f"factor unit '{unit}': '{num}' is not a mass (g, kg, t)")
    to_kg = NUMERATOR_TO_KG[num]
    if num == "mt" and mass_case(re.split(r"/|per", unit, maxsplit=1)[0]) == MEGATONNE:
        to_kg = 1e9  # Mt CO2 per ...: megatonnes, written so
    gas = _gas_of(unit)  # the stored unit keeps the gas basis the unit states
    if den in DENOMINATOR_TO_STORED:
        stored_den, den_mult = DENOMINATOR_TO_STORED[den]
        if per is not None and stored_den != per:
            raise UnitError(f"factor unit '{unit}' is per {den}, but this factor is per {per}")
        # per kWh without a gas: CO2, as grid factors are published; else CO2e
        default = "CO2" if stored_den == "kWh" else "CO2e"
        return to_kg * den_mult, f"kg {gas or default}/{stored_den}"
    if per is not None:
        raise UnitError(f"factor unit '{unit}' is per {den}, but this factor is per {per}")
    return to_kg, f"kg {gas or 'CO2e'}/{den or 'unit'}"


def _gas_of(unit: str) -> str | None:
    """'CO2e' or 'CO2' as a unit text states it ('t CO2/MWh', 'kg CO₂e per unit'), else None."""
    text = unicodedata.normalize("NFKC", unit).lower().replace(" ", "").replace("co₂", "co2")
    if "co2e" in text or "co2eq" in text or "二氧化碳当量" in text:
        return "CO2e"
    if "co2" in text or "二氧化碳" in text:
        return "CO2"
    return None


def parse_amount(text: str) -> float:
    """An amount of CO2e such as `400t`, `400000kg`, `40万吨`, `1.2 kt` -> tonnes."""
    s = unicodedata.normalize("NFKC", text).strip().lower().replace(",", "").replace(" ", "")
    m = re.match(r"^([0-9]*\.?[0-9]+(?:e[+-]?[0-9]+)?)(.*)$", s)
    if not m:
        raise UnitError(f"'{text}' is not an amount such as 400t or 400000kg")
    value = float(m.group(1))
    tail = re.search(r"[A-Za-z]+(?:\s*CO2e?)?\s*$", unicodedata.normalize("NFKC", text))
    if tail and mass_case(tail.group(0)) == MEGATONNE:
        return value * 1e6
    unit = unit_key(m.group(2) or "t")
    if unit not in MASS_TO_T:
        raise UnitError(f"'{text}': unit '{m.group(2)}' is not a mass (g, kg, t, MT, kt, Mt, 万吨)")
    return value * MASS_TO_T[unit]


def is_known_unit_text(text: str) -> bool:
    """True when `text` is a unit of some dimension (used to tell unit cells from data)."""
    key = unit_key(text)
    return any(key in table for table in DIMENSIONS.values()) or bool(_PER.match(key))


__all__ = ["UnitError", "split_header", "multiplier", "factor_multiplier", "parse_amount",
           "is_known_unit_text", "norm"]
