"""Units per column: the user's, else the header's, a units row's, a title's or the sheet
name's; the multiplier to the stored unit; a quantity whose unit nothing states is refused."""

from __future__ import annotations

import re

from greenledger.core.errors import REASON_TEMPLATES, Problem, coded_reason
from greenledger.core.i18n import QT_TRANSLATE_NOOP
from greenledger.core.importing import mapping as mp
from greenledger.core.importing.codes import UNIT_FROM_TEXT, UnitFrom, english
from greenledger.core.importing.layout import (
    Layout,
)
from greenledger.core.importing.plan import ColumnPlan, ImportOptions, SheetPlan, period_span
from greenledger.core.importing.values import CellError, parser_for
from greenledger.core.units import DIMENSIONS, UnitError, multiplier

UNIT_REQUIRED = ("energy", "mass", "distance")
"""Dimensions whose unit must be stated (a 10,000× slip between kWh and 万千瓦时 is silent)."""


REASON_TEMPLATES.setdefault("units_disagree", QT_TRANSLATE_NOOP("Problems", "'{header}' says {unit} but {where} says {other}: one of them is wrong, and which cannot be told; correct the one that is wrong (the header or the line above the table)"))  # noqa: E501


def _stated_unit(c: ColumnPlan, dimension: str, layout: Layout
                 ) -> tuple[str | None, UnitFrom | None, str]:
    """The unit the sheet states for a column, where (a codes.UnitFrom and which row or cell):
    its header, a header that is the unit (`kWh`, `万千瓦时`), a units row, or a title, 单位
    line or the sheet's name."""
    if c.unit:
        return c.unit, UnitFrom.HEADER, ""
    if mp.unit_dimension(bare := c.header.strip("()（）[]【】 ")) == dimension:
        return bare, UnitFrom.HEADER, ""
    if unit := _unit_in_name(mp.split_unit(c.header)[0], dimension):
        return unit, UnitFrom.HEADER, ""  # Vehicle km, 行驶公里数, 车公里
    if c.index in layout.units_row:
        return layout.units_row[c.index], UnitFrom.UNITS_ROW, ""
    for hint, where, at in layout.unit_hints:
        if mp.unit_dimension(hint) == dimension:
            return hint, where, at
    return None, None, ""


def _unit_in_name(name: str, dimension: str) -> str | None:
    """A unit of `dimension` a header's words end with (`Vehicle km`, `Usage-kWh`) or, written
    with its capitals, begin with (`kWh Used`), or, in a
    Chinese header, the longest one it contains (`行驶公里数`: 公里)."""
    words = [w for w in re.split(r"[\s\-_/]+", name) if w]
    if len(words) > 1 and mp.unit_dimension(words[-1]) == dimension:
        return words[-1]
    if len(words) > 1 and mp.unit_dimension(words[0]) == dimension and words[0] != words[0].lower():
        return words[0]  # `kWh Used`, `MWh Delivered` (a unit's capital: not the word `t`)
    if mp.is_cjk(name):
        units = [u for u in DIMENSIONS.get(dimension, {}) if len(u) >= 2 and mp.is_cjk(u)
                 and u in name]
        if units:
            return max(units, key=len)
    return None


def _differ(dimension: str, a: str, b: str) -> bool:
    try:
        return multiplier(dimension, a) != multiplier(dimension, b)
    except UnitError:
        return False  # an unknown unit is said by itself


def plan_units(plan: SheetPlan, layout: Layout, options: ImportOptions,
               constants: dict[str, str]) -> None:
    """Each numeric column's unit and multiplier: --unit, else its header, else a row of
    units, else a unit stated above or beside the header (title, `单位：…`)."""
    kind = plan.kind
    header_row = layout.header_row_numbers[-1]
    unstated: list[ColumnPlan] = []
    for c in plan.columns:
        f = mp.kind_field(kind, c.field) if c.field else None
        if f is None or not f.dimension:
            continue
        unit, source, at = _stated_unit(c, f.dimension, layout)
        if source in (UnitFrom.HEADER, UnitFrom.UNITS_ROW) and c.field not in options.units:
            other = next(((u, w, a) for u, w, a in layout.unit_hints
                          if w in (UnitFrom.ROW, UnitFrom.SHEET_NAME)
                          and mp.unit_dimension(u) == f.dimension
                          and _differ(f.dimension, unit, u)), None)
            if other is not None:  # 单位：万千瓦时 above 用电量（kWh）: one of them is wrong
                params = {"header": c.header, "unit": unit, "other": other[0],
                          "where": english(UNIT_FROM_TEXT, other[1], (other[2],))}
                plan.problems.append(Problem(
                    plan.file, coded_reason("units_disagree", **params), plan.sheet, header_row,
                    c.label, c.header, code="units_disagree", params=params))
        if c.field in options.units:
            given = options.units[c.field]
            if unit and _differ(f.dimension, unit, given):
                params = {"given": given, "stated": unit,
                          "where": english(UNIT_FROM_TEXT, source, (at,))}
                plan.problems.append(Problem(
                    plan.file, coded_reason("unit_conflict", **params), plan.sheet, header_row,
                    c.label, c.header, code="unit_conflict", params=params))
            unit, source, at = given, UnitFrom.OPTION, ""
        c.unit, c.unit_source, c.unit_at = unit, source, at
        if unit is None and f.dimension in UNIT_REQUIRED:
            unstated.append(c)
        if unit:
            try:
                c.multiplier = multiplier(f.dimension, unit)
            except UnitError as exc:
                plan.problems.append(Problem(plan.file, str(exc), plan.sheet, header_row,
                                             c.label, unit, code=exc.code,
                                             params={"unit": unit, **exc.params}))
    periods = [c for c in unstated if c.period is not None]
    if any(p.code in ("measure_unstated", "money_title", "qualified_title") for p in plan.problems):
        periods = []  # already said: nothing says what (or in which unit) they hold
    for cols in [[c] for c in unstated if c.period is None] + ([periods] if periods else []):
        f = mp.kind_field(kind, cols[0].field)
        params = {"field": f.name, "unit": f.stored_unit or ""}
        plan.problems.append(Problem(plan.file, coded_reason("unit_unstated", **params),
                                     plan.sheet, header_row, period_span(cols), cols[0].header,
                                     code="unit_unstated", params=params))
    for name, value in constants.items():
        f = mp.kind_field(kind, name)
        if f is None:
            continue
        try:
            parser_for(f)(value)
        except CellError as exc:
            plan.problems.append(Problem(plan.file, f"given value for {name}: {exc.reason}",
                                         plan.sheet, value=value, code=exc.code, params=exc.params))
