"""Plausible values: one table of bounds per field and stored unit, each with its source.

A value outside its bound is refused (`Level.REFUSE`) with the value, the bound and the likely
slip (581 kg CO2/kWh looks like g CO2/kWh: write 0.581, or give the unit g CO2/kWh); a value
that is possible but rare is warned (`Level.WARN`). The import (core.importing) and the
workspace check (`greenledger check`) both use it:

    finding = check_value("factor.electricity", 581.0)   # -> Finding | None
    finding.level, finding.reason, finding.slip            # REFUSE, "...", (0.581, "g CO2/kWh")
    check_values("factor.electricity", [0.58, 581.0])      # -> [(1, Finding)], fast when all fine
    field_for_factor("grid", "kg CO2/kWh")                 # -> "factor.electricity"

Values are in the stored units of core.units / core.factors. MONTH_OUTLIER is the rule for a
site's month against its median month (`month_outliers`).
"""

from __future__ import annotations

import statistics
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from greenledger.core.errors import REASON_TEMPLATES
from greenledger.core.fields import norm
from greenledger.core.i18n import QT_TRANSLATE_NOOP, translate


class Level(StrEnum):
    REFUSE = "refuse"
    WARN = "warn"


@dataclass(frozen=True, slots=True)
class Bound:
    """The plausible range of one field in its stored unit.

    Below `low` or above `high` is refused; below `warn_below` or above `warn_above` is warned.
    `slips` are the usual mistakes, as (multiplier, unit): when `value × multiplier` is in range
    the value was probably written in `unit` (581 kg/kWh × 0.001 = 0.581: g/kWh)."""

    field: str
    what: str  # what the value is, for a message ("electricity factor")
    unit: str  # the stored unit the bounds are in
    low: float
    high: float
    source: str
    warn_below: float | None = None
    warn_above: float | None = None
    slips: tuple[tuple[float, str], ...] = ()


@dataclass(frozen=True, slots=True)
class Finding:
    """A value outside its bound: refused or warned, with the bound crossed and the slip it
    looks like (`slip`: the value corrected and the unit it was probably written in)."""

    field: str
    value: float
    level: Level
    bound: Bound
    limit: float  # the bound crossed
    above: bool  # above the bound (else below)
    slip: tuple[float, str] | None = None
    code: str = "out_of_bounds"
    params: dict = field(default_factory=dict, compare=False, hash=False)

    @property
    def reason(self) -> str:
        """The reason in English (REASON_TEMPLATES[code] with params)."""
        return REASON_TEMPLATES[self.code].format(**self.params)

    @property
    def text(self) -> str:
        """The reason in the current language."""
        return translate("Problems", REASON_TEMPLATES[self.code]).format(**self.params)


_GRID_SOURCE = ("IEA Electricity 2025: world average 0.445 kg CO2/kWh, coal-heavy national "
                "grids about 0.7–1.1; the highest factor in the library is the North China "
                "operating margin, 1.117 kg CO2e/kWh (NDRC 2016 OM); below 0.01 only for "
                "nearly all-hydro or nuclear grids (e.g. Norway, Iceland)")

BOUNDS: dict[str, Bound] = {b.field: b for b in (
    Bound("factor.electricity", QT_TRANSLATE_NOOP("Bounds", "electricity factors (grid, "
                                                  "residual, diesel generation)"),
          "kg CO2/kWh", 0.0, 1.5, _GRID_SOURCE, warn_below=0.01,
          slips=((1e-3, "g CO2/kWh"), (1e3, "t CO2/kWh"), (0.45359237e-3, "lb CO2/MWh"))),
    Bound("factor.vehicle_km", QT_TRANSLATE_NOOP("Bounds", "vehicle factors per km"),
          "kg CO2e/km", 0.0, 3.0,
          "UK DESNZ 2025 freighting goods: vans 0.07 (battery electric) to 0.26 (diesel), "
          "HGV average laden 0.89 kg CO2e/km; the heaviest articulated lorries stay under 1.5",
          warn_below=0.01, slips=((1e-3, "g CO2e/km"),)),
    Bound("factor.vehicle_tkm", QT_TRANSLATE_NOOP("Bounds", "vehicle factors per tonne-km"),
          "kg CO2e/tkm", 0.0, 2.0,
          "UK DESNZ 2025 freighting goods: HGV average laden 0.10, vans 0.63 kg CO2e per "
          "tonne-km", warn_below=0.005, slips=((1e-3, "g CO2e/tkm"),)),
    Bound("factor.material_kg", QT_TRANSLATE_NOOP("Bounds", "packaging factors per kg"),
          "kg CO2e/kg", 0.0, 30.0,
          "UK DESNZ 2025 material use: board 1.20, film 2.92, PS 4.38 kg CO2e/kg (the highest "
          "plastic); primary aluminium about 9–17; closed-loop recycling 0.005",
          warn_below=0.001, slips=((1e-3, "kg CO2e/t"), (1e-6, "g CO2e/t"))),
    Bound("factor.per_order", QT_TRANSLATE_NOOP("Bounds", "factors per order"),
          "kg CO2e/order", 0.0, 5.0,
          "Ele.me 6.18 2021: 20 g CO2 per no-cutlery order; Shenyang 2019: 11.8 g; a parcel "
          "delivery's whole footprint is well under 5 kg", slips=((1e-3, "g CO2e/order"),)),
    Bound("deliveries.kg_per_order", QT_TRANSLATE_NOOP("Bounds", "delivery emissions per order"),
          "kg CO2e/order", 0.0, 100.0,
          "a van at 0.26 kg CO2e/km (DESNZ 2025) drives about 1–5 km per parcel; 100 kg is a "
          "400 km van trip for one order", warn_above=10.0,
          slips=((1e-3, "kg CO2e (emissions in kg, not t)"),)),
)}
"""The bounds, by field. README "Plausible values" prints this table."""

MONTH_OUTLIER = 20.0
"""A site's month with more than this many times the site's median month is warned (a value
in Wh or 万kWh typed into a kWh column, a cumulative figure in a month cell)."""

MONTH_SLIP = 300.0
"""A site's month below 1/MONTH_SLIP of its median month is far too low for a site in use: a
month written in MWh (or 万kWh) in a kWh column (1,302 among 1,250,000s). A site's first
or last month may be partial, a standby site may use little: see month_slips."""
SLIP_UNITS = ((1000.0, "MWh"), (10000.0, "万kWh"))
SLIP_MONTHS = 6
"""Months a site needs before a month far below its median is refused as a slip (fewer: warned;
four months of which two are odd make a median that says little)."""

REASON_TEMPLATES.update({
    "out_of_bounds": QT_TRANSLATE_NOOP("Problems", "{value} {unit} is outside the plausible range for {what}, {low}–{high} {unit} ({source})"),  # noqa: E501
    "out_of_bounds_slip": QT_TRANSLATE_NOOP("Problems", "{value} {unit} is outside the plausible range for {what}, {low}–{high} {unit}: it looks like {slip_unit}: write {corrected}, or give the unit {slip_unit}"),  # noqa: E501
    "implausible_low": QT_TRANSLATE_NOOP("Problems", "{value} {unit} is below {limit} {unit}, unusually low for {what} ({source}); check it"),  # noqa: E501
    "implausible_low_slip": QT_TRANSLATE_NOOP("Problems", "{value} {unit} is below {limit} {unit}, unusually low for {what}: it looks like {slip_unit} (then write {corrected}, or give the unit {slip_unit}); check it"),  # noqa: E501
    "implausible_high": QT_TRANSLATE_NOOP("Problems", "{value} {unit} is above {limit} {unit}, unusually high for {what} ({source}); check it"),  # noqa: E501
    "month_slip": QT_TRANSLATE_NOOP("Problems", "{site} used {value} kWh in {month}, 1/{ratio} of its median month ({median} kWh): it reads as {unit}, {fixed} kWh, beside its other months; write {fixed}"),  # noqa: E501
    "month_low": QT_TRANSLATE_NOOP("Problems", "{site} used {value} kWh in {month}, 1/{ratio} of its median month ({median} kWh); check the unit, and that the month is complete"),  # noqa: E501
    "month_outlier": QT_TRANSLATE_NOOP("Problems", "{site} used {value} kWh in {month}, {ratio}× its median month ({median} kWh); check the unit and that the cell is not a total"),  # noqa: E501
})


def _num(x: float) -> str:
    """A value as a message shows it: 581, 0.581, 0.00044, 1,234,567."""
    if x == 0:
        return "0"
    if abs(x) >= 1000:
        return f"{x:,.0f}"
    return f"{x:.6g}"


def _in_range(v: float, b: Bound) -> bool:
    return b.low <= v <= b.high and (b.warn_below is None or v >= b.warn_below) \
        and (b.warn_above is None or v <= b.warn_above)


def _slip(value: float, b: Bound) -> tuple[float, str] | None:
    for mult, unit in b.slips:
        corrected = value * mult
        if _in_range(corrected, b):
            return corrected, unit
    return None


def check_value(field_name: str, value: float | None, *, hint: bool = True) -> Finding | None:
    """The finding for one value of `field_name` (a key of BOUNDS) in its stored unit, or None
    when it is plausible (or None, or the field has no bound).

    `hint`: name the likely slip ("write 0.581, or give the unit g CO2/kWh"); pass False when
    the value was not written in the stored unit, where that hint would not be literal."""
    b = BOUNDS.get(field_name)
    if b is None or value is None or value - value != 0:  # no bound, blank, nan or inf
        return None
    if b.low <= value <= b.high:
        if b.warn_below is not None and value < b.warn_below and value > 0:
            level, limit, above = Level.WARN, b.warn_below, False
        elif b.warn_above is not None and value > b.warn_above:
            level, limit, above = Level.WARN, b.warn_above, True
        else:
            return None
    else:
        level, above = Level.REFUSE, value > b.high
        limit = b.high if above else b.low
    slip = _slip(value, b) if hint else None
    params = {"value": _num(value), "unit": b.unit, "low": _num(b.low), "high": _num(b.high),
              "limit": _num(limit), "what": translate("Bounds", b.what), "source": b.source}
    if level == Level.REFUSE:
        code = "out_of_bounds_slip" if slip else "out_of_bounds"
    else:
        code = ("implausible_low_slip" if slip else "implausible_low") if not above \
            else "implausible_high"
    if slip:
        params.update(slip_unit=slip[1], corrected=_num(slip[0]))
    return Finding(field_name, value, level, b, limit, above, slip, code, params)


def check_values(field_name: str, values: Sequence[float | None]) -> list[tuple[int, Finding]]:
    """(index, finding) for each implausible value of a column; at C speed when all are fine."""
    b = BOUNDS.get(field_name)
    if b is None:
        return []
    numbers = [v for v in values if v is not None]
    if not numbers:
        return []
    lo, hi = min(numbers), max(numbers)
    if (b.warn_below if b.warn_below is not None else b.low) <= lo and \
            hi <= (b.warn_above if b.warn_above is not None else b.high):
        return []
    out = []
    for i, v in enumerate(values):
        f = check_value(field_name, v)
        if f is not None:
            out.append((i, f))
    return out


def field_for_factor(key: str, unit: str | None) -> str | None:
    """The BOUNDS field of a factor by its key and stored unit (`kg CO2/kWh`: electricity,
    `kg CO2e/km`: vehicle per km, `kg CO2e/kg`: a material, `… /order`), or None (trees, car
    years, … have no bound here)."""
    den = norm((unit or "").rsplit("/", 1)[-1]) if unit and "/" in unit else ""
    k = norm(key)
    if den == "kwh" or k.startswith(("grid", "residual")):
        return "factor.electricity"
    if den in ("km", "vehiclekm"):
        return "factor.vehicle_km"
    if den in ("tkm", "tonnekm"):
        return "factor.vehicle_tkm"
    if den == "kg":
        return "factor.material_kg"
    if den in ORDER_UNITS:
        return "factor.per_order"
    return None


ORDER_UNITS = frozenset({"order", "orders", "单", "订单", "笔"})
"""Activity units (normal form) that are orders: an initiative's factor per order is bounded."""


@dataclass(frozen=True, slots=True)
class MonthOutlier:
    site: object
    month: object  # the month's first day
    value: float
    median: float
    where: object
    factor: float | None = None  # a month far below: the slip that brings it to the others (×1000)
    unit: str = ""  # the unit that slip means (MWh)

    @property
    def ratio(self) -> float:
        return self.value / self.median


def _sites_months(rows, min_months: int):
    """(site, {month: [kWh, where]}, median month) of each site with `min_months` months and a
    median above 0: the sources of a month summed, a month's first `where` kept."""
    by_site: dict[object, dict[object, list]] = {}
    for site, month, kwh, where in rows:
        if kwh is None:
            continue
        cell = by_site.setdefault(site, {}).setdefault(month, [0.0, where])
        cell[0] += kwh
    for site, months in by_site.items():
        if len(months) < min_months:
            continue
        median = statistics.median(v for v, _ in months.values())
        if median > 0:
            yield site, months, median


def month_outliers(rows: Iterable[tuple[object, object, float, object]], *,
                   ratio: float = MONTH_OUTLIER, min_months: int = 4) -> list[MonthOutlier]:
    """Months of a site whose energy is more than `ratio` × the site's median month.

    `rows`: (site, month start, kWh of the month, where) — the site's sources summed per month
    by the caller, or one row per source (they are summed here). A site needs `min_months`
    months for its median to say anything."""
    out = []
    for site, months, median in _sites_months(rows, min_months):
        for month, (v, where) in sorted(months.items(), key=lambda kv: str(kv[0])):
            if v > ratio * median:
                out.append(MonthOutlier(site, month, v, median, where))
    return out


def month_slips(rows: Iterable[tuple[object, object, float, object]], *,
                min_months: int = 4) -> list[MonthOutlier]:
    """Months of a site far below its median month (under 1/MONTH_SLIP of it, above 0): with
    `factor`/`unit` where a unit slip brings the month among the others (×1,000 or ×10,000
    lands within half to twice the median), the month is neither the site's first nor its
    last (which may be partial), the site has SLIP_MONTHS months and its other months are
    steady (each within half to twice the median); else without (a warning: a standby month,
    a partial one, a site whose months vary anyway).

    `rows` as month_outliers (whole months only: a month of a few hourly rows is not one)."""
    out = []
    for site, months, median in _sites_months(rows, min_months):
        order = sorted(months, key=str)
        steady = all(0.5 * median <= v <= 2.0 * median for v, _ in months.values()
                     if v >= median / MONTH_SLIP)
        for month in order:
            v, where = months[month]
            if not 0 < v < median / MONTH_SLIP:
                continue
            inner = month not in (order[0], order[-1])
            slip = next(((f, u) for f, u in SLIP_UNITS if 0.5 <= v * f / median <= 2.0), None)
            if slip and inner and steady and len(months) >= SLIP_MONTHS:
                out.append(MonthOutlier(site, month, v, median, where, *slip))
            else:
                out.append(MonthOutlier(site, month, v, median, where))
    return out


def bounds_table() -> list[dict]:
    """The table as rows (field, what, unit, refused outside, warned, source) for the README
    and `greenledger check`."""
    rows = []
    for b in BOUNDS.values():
        warned = []
        if b.warn_below is not None:
            warned.append(f"< {_num(b.warn_below)}")
        if b.warn_above is not None:
            warned.append(f"> {_num(b.warn_above)}")
        rows.append({"field": b.field, "what": b.what, "unit": b.unit,
                     "refused_outside": f"{_num(b.low)}–{_num(b.high)}",
                     "warned": ", ".join(warned), "source": b.source})
    return rows


__all__ = ["Level", "Bound", "Finding", "BOUNDS", "MONTH_OUTLIER", "ORDER_UNITS", "check_value",
           "check_values", "field_for_factor", "month_outliers", "MonthOutlier", "bounds_table"]
