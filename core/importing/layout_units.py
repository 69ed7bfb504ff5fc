"""Units and money stated around a table: in a title or `单位：` line, in header cells, in a
units row below the header; and whether a text states money (`元`, `CNY`). Part of
core.importing.layout."""

from __future__ import annotations

import re
import unicodedata

from greenledger.core.fields import norm
from greenledger.core.importing.codes import UnitFrom
from greenledger.core.importing.layout_cells import HeaderCell, Layout
from greenledger.core.importing.layout_rows import IgnoredRow, cell_text
from greenledger.core.importing.mapping import best_any_kind, is_unit, split_unit
from greenledger.core.importing.values import is_blank

UNIT_NOTE = re.compile(r"(?:单位|unit|units)\s*[:：]\s*(?P<unit>[^\s,，;；)）]+)", re.IGNORECASE)


_TOKENS = re.compile(r"[\s,，;；:：()（）\[\]【】/、]+")


def states_unit_of(text: str, dimension: str) -> bool:
    """Whether `text` (a title) states a unit of `dimension` anywhere: `元旦用电量（万千瓦时）`."""
    from greenledger.core.importing.mapping import unit_dimension

    return any(unit_dimension(t) == dimension for t in _TOKENS.split(
        unicodedata.normalize("NFKC", text)) if t)


def unit_in_text(text: str) -> str | None:
    """A unit stated in a title or note: `…用电量（万千瓦时）`, `单位：MWh`, `(Unit: kWh)`, `MWh`."""
    text = unicodedata.normalize("NFKC", text).strip()
    if (m := UNIT_NOTE.search(text)) and is_unit(m["unit"]):
        return m["unit"]
    _, unit = split_unit(text)
    if unit and is_unit(unit):
        return unit
    bare = text.strip("()[]【】 ")
    if is_unit(bare):
        return bare
    # a unit among other words: `（万千瓦时，不含电费）`, `Energy 2023, MWh, by site`
    return next((t for t in _TOKENS.split(text) if len(t) >= 2 and is_unit(t)), None)


_MONEY = re.compile(r"[万千亿百]元|(?<![\u4e00-\u9fff])元(?![\u4e00-\u9fff])|人民币|美元|欧元|英镑|"
                    r"电费|费用|金额|价格|单价|[$¥€£]|\b(?:cny|rmb|usd|eur|gbp|costs?|prices?|"
                    r"spend(?:ing)?|expenses?|tariffs?)\b", re.IGNORECASE)


def money_in_text(text: object) -> str | None:
    """The word or currency that makes a header or title about money, not a quantity
    (`电费（万元）`, `Electricity cost (CNY)`, `金额`), or None."""
    if not isinstance(text, str) or not text:
        return None
    m = _MONEY.search(unicodedata.normalize("NFKC", text))
    return m.group(0) if m else None


def header_units(layout: Layout, cells: list[HeaderCell], rows: list[list[object]]) -> None:
    """Header cells that only state a unit (`单位：万千瓦时`, `(MWh)`) over an empty column are
    hints, not columns; over a column of values (`万千瓦时`, `度`) they are that column's
    header, naming its unit."""
    keep = []
    below = rows[layout.first_data:layout.first_data + 30]
    wide = sum(1 for c in cells if c.period is not None) >= 2  # beside months: the months' unit
    for c in cells:
        bare = c.text.strip("()[]【】（） ")
        over_values = not wide and not UNIT_NOTE.fullmatch(c.text.strip()) and any(
            c.index < len(r) and not is_blank(r[c.index]) for r in below)
        if c.period is None and (UNIT_NOTE.fullmatch(c.text.strip()) or is_unit(bare)) \
                and not best_any_kind(c.text) >= 1.0 and not over_values:
            unit = unit_in_text(c.text)
            if unit:
                layout.unit_hints.append((unit, UnitFrom.HEADER_CELL, c.text))
                continue
        keep.append(c)
    layout.cells = keep


UNIT_LABELS = {"单位", "计量单位", "unit", "units", "uom"}


def _money_unit(text: str) -> bool:
    """`元`, `万元`, `(CNY)`: a currency standing as a unit."""
    bare = unicodedata.normalize("NFKC", text).strip("()（）[]【】 ").lower()
    return bool(re.fullmatch(r"[万千亿百]?元|cny|rmb|usd|eur|gbp|[$¥€£]|人民币|美元|欧元", bare))


def read_units_row(rows: list[list[object]], layout: Layout) -> None:
    """A row right under the header holding only units (`kWh`, `MWh`, `t`) gives per-column
    units."""
    r = layout.first_data
    if r >= len(rows):
        return
    filled = [(i, cell_text(v)) for i, v in enumerate(rows[r]) if not is_blank(v)]
    units = {i: t.strip("()（）[]") for i, t in filled if isinstance(rows[r][i], str)
             and is_unit(t.strip("()（）[]"))}
    # beside the units: the row's label (单位, Unit) and currencies under cost columns
    others = [t for i, t in filled if i not in units]
    if units and all(isinstance(t, str) and (norm(t) in UNIT_LABELS or _money_unit(t))
                     for t in others):
        layout.units_row = units
        layout.ignored.append(IgnoredRow(r + 1, "units"))
        layout.first_data = r + 1
