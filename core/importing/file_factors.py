"""A Factors sheet's row as a Factor: its key, region, year and value in the stored unit. Used
by the checks (a factor row that cannot be read is refused) and by the writer (the stored row).

A key is read in the words a sheet writes it (电网, Grid emission factor -> grid; 剩余组合 ->
residual; 柴油 -> diesel; 柴油货车 -> truck diesel; 纸箱 -> board). A factor that could only be
stored unused is refused naming its key: one with a region whose key is not looked up by region
(only grid, residual and electric vehicle factors are: a diesel, material or unknown key with a
region is not), and an unknown key per kWh (grid, residual or diesel) or per km (a vehicle).
Other keys (per kg, per unit, no region) are the workbook's own materials and equivalents (胶带,
缠绕膜)."""

from __future__ import annotations

from greenledger.core.errors import REASON_TEMPLATES
from greenledger.core.factors import (
    PER_KWH_KEYS,
    Factor,
    canonical_factor_key,
    canonical_region,
    is_electric,
    is_known_factor_key,
    stored_unit_for,
)
from greenledger.core.fields import VEHICLES, norm
from greenledger.core.i18n import QT_TRANSLATE_NOOP
from greenledger.core.units import UnitError, factor_multiplier

REASON_TEMPLATES.setdefault("factor_key_region", QT_TRANSLATE_NOOP("Problems", "'{key}' is not a factor key that depends on a grid region ({region}), so it would never be used: write grid (电网) for the grid's average factor or residual (剩余组合) for its residual mix, or leave the region blank for another factor"))  # noqa: E501
REASON_TEMPLATES.setdefault("factor_key_unknown", QT_TRANSLATE_NOOP("Problems", "'{key}' is not a key of a factor per {per}, so it would never be used: write one of {keys}"))  # noqa: E501

_KEYS_PER = {"kWh": ", ".join(PER_KWH_KEYS), "km": ", ".join(VEHICLES)}


def factor_per(key: str) -> str | None:
    """The stored denominator a factor key expects: kWh for grid/residual/diesel, km for
    vehicles, None (any: per kg, per tree, per order ...) otherwise."""
    unit = stored_unit_for(key)
    return unit.rsplit("/", 1)[-1] if unit else ("kWh" if norm(key).startswith("grid") else None)


def _by_region(key: str) -> bool:
    """Whether factors of `key` are looked up by grid region: grid (and the library's grid_om,
    grid_fossil ...), residual, an electric vehicle (its country's grid)."""
    return norm(key).startswith("grid") or key == "residual" or is_electric(key)


def factor_key(values: dict) -> str:
    return canonical_factor_key(values["factor"])


def key_problem(values: dict) -> tuple[str, dict] | None:
    """(code, params) of a factor row whose key would be stored and never used, else None."""
    key = factor_key(values)
    shown = " ".join(str(values["factor"]).split())
    region = values.get("region")
    if region not in (None, "") and not _by_region(key):  # looked up without a region
        return "factor_key_region", {"key": shown, "region": str(region)}
    if is_known_factor_key(key):
        return None
    try:
        _mult, unit = factor_multiplier(str(values.get("unit") or ""), None)
    except UnitError:
        return None  # the unit is refused on its own
    per = unit.rsplit("/", 1)[-1]
    if per in _KEYS_PER:
        return "factor_key_unknown", {"key": shown, "per": per, "keys": _KEYS_PER[per]}
    return None


def factor_from_row(values: dict) -> tuple[Factor | None, str | None]:
    key = factor_key(values)
    try:
        mult, unit = factor_multiplier(str(values["unit"]), factor_per(key))
    except UnitError as exc:
        return None, str(exc)
    return Factor(key=key, region=canonical_region(values.get("region")),
                  year=values.get("year"), value=float(values["value"]) * mult, unit=unit,
                  source=values.get("source") or "workbook factor", origin="workspace"), None


_factor_from_row = factor_from_row  # the name core.importing.writer imports
