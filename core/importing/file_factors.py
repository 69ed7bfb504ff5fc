"""A Factors sheet's row as a Factor: its key, region, year and value in the stored unit. Used
by the checks (a factor row that cannot be read is refused) and by the writer (the stored row)."""

from __future__ import annotations

from greenledger.core.factors import Factor, canonical_region, stored_unit_for
from greenledger.core.fields import norm
from greenledger.core.units import UnitError, factor_multiplier


def factor_per(key: str) -> str | None:
    """The stored denominator a factor key expects: kWh for grid/residual/diesel, km for
    vehicles, None (any: per kg, per tree, per order ...) otherwise."""
    unit = stored_unit_for(key)
    return unit.rsplit("/", 1)[-1] if unit else ("kWh" if norm(key).startswith("grid") else None)


def factor_from_row(values: dict) -> tuple[Factor | None, str | None]:
    key = " ".join(str(values["factor"]).split()).lower()
    try:
        mult, unit = factor_multiplier(str(values["unit"]), factor_per(key))
    except UnitError as exc:
        return None, str(exc)
    return Factor(key=key, region=canonical_region(values.get("region")),
                  year=values.get("year"), value=float(values["value"]) * mult, unit=unit,
                  source=values.get("source") or "workbook factor", origin="workspace"), None


_factor_from_row = factor_from_row  # the name core.importing.writer imports
