"""Meter and billing exports (issue 12 §2): a row per meter and billing period. Several meters
of a site in one period are summed into one energy row per site, period, source and
instrument (the workspace keeps energy per site), and said as a warning; they are not
duplicates. Rows are summed only where a meter column tells them apart: the same meter twice
in one period (or no meter column) is still refused as a duplicate."""

from __future__ import annotations

import re

from greenledger.core.errors import Problem, coded_reason
from greenledger.core.fields import SHEETS, Kind
from greenledger.core.importing.values import is_blank, parse_text

METER_HEADER = re.compile(r"(?<![a-z])meters?(?![a-z])|电表|表号|表计|计量点|计量表", re.IGNORECASE)
"""Words of a header naming each row's meter (`Meter No.`, `Meter ID`, `电表编号`, `计量点`)."""


def meter_column(plan) -> tuple[int, str] | None:
    """The (index, label) of an unmapped column naming each row's meter, if any."""
    for c in plan.columns:
        if not c.field and c.period is None and METER_HEADER.search(c.header):
            return c.index, c.label
    return None


def sum_meters(plan, sheet) -> None:
    """Sum the rows of several meters of one site and period in `plan.parsed` (energy)."""
    ps = plan.parsed
    if plan.kind != Kind.ENERGY or ps is None or len(ps) < 2:
        return
    meter = meter_column(plan)
    if meter is None:
        return
    key_fields = SHEETS[Kind.ENERGY].natural_key
    cols = ps.columns
    keys = list(zip(*(cols[f] for f in key_fields), strict=True))
    groups: dict[tuple, list[int]] = {}
    for i, k in enumerate(keys):
        groups.setdefault(k, []).append(i)
    if len(groups) == len(keys):
        return  # one row per key: nothing to sum
    meters = []
    for row in ps.row_numbers:
        cells = sheet.rows[row - 1]
        v = cells[meter[0]] if meter[0] < len(cells) else None
        meters.append(None if is_blank(v) else parse_text(v))
    drop: set[int] = set()
    energy = cols["energy"]
    for k, idx in groups.items():
        if len(idx) < 2:
            continue
        names = [meters[i] for i in idx]
        if None in names or len(set(names)) < len(names) or any(energy[i] is None for i in idx):
            continue  # the same meter twice, or a meter not named: a duplicate, refused
        first = idx[0]
        energy[first] = sum(energy[i] for i in idx)
        drop |= set(idx[1:])
        rows = [ps.row_numbers[i] for i in idx]
        params = {"rows": ", ".join(map(str, rows)), "meters": ", ".join(names[:6]),
                  "site": str(k[0]), "start": str(k[1]), "end": str(k[2])}
        ps.warnings.append(Problem(plan.file, coded_reason("meters_summed", **params),
                                   plan.sheet, rows[0], meter[1], names[0],
                                   code="meters_summed", params=params))
    if not drop:
        return
    keep = [i for i in range(len(ps)) if i not in drop]
    for name in cols:
        cols[name] = [cols[name][i] for i in keep]
    ps.row_numbers = [ps.row_numbers[i] for i in keep]
    ps._rows = None
