"""Pivot exports (issue 12 §2): a label written only on its group's first row carries down
within the group, and subtotals (`<label> 汇总`, `<label> Total`, `小计`, `Grand Total`) are
totals, not data.

A label is carried only where the sheet shows it is a pivot (a subtotal row inside the data, or
a pivot header such as `Sum of Energy`, `求和项:用电量`), only into the blank cells before a
row's first filled label (the outline's indent), and never across a subtotal of its level:
a blank label anywhere else stays blank, and is refused as a missing value."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace
from operator import itemgetter

from greenledger.core.fields import FieldType
from greenledger.core.importing.layout import IgnoredRow, is_total_text, row_kind
from greenledger.core.importing.plan import numeric_fields
from greenledger.core.importing.values import is_blank

PIVOT_HEADER = re.compile(r"^\s*(?:sum|count|average|max|min)\s+of\b|^\s*(?:求和项|计数项|平均值项|"
                          r"最大值项|最小值项)\s*[:：]|^\s*(?:row\s+labels|行标签)\s*$",
                          re.IGNORECASE)


def is_pivot_header(text: object) -> bool:
    """`Sum of Energy (kWh)`, `求和项:用电量`, `Row Labels`, `行标签`."""
    return isinstance(text, str) and bool(PIVOT_HEADER.search(unicodedata.normalize("NFKC", text)))


def label_columns(plan) -> list[int]:
    """The columns a pivot's row labels can be in: mapped to a text, choice, date or period
    field, left of the first numeric column (the pivot's row fields come first)."""
    from greenledger.core.importing.mapping import PERIOD, kind_field

    out = []
    for c in sorted(plan.columns, key=lambda c: c.index):
        if not c.field or c.period is not None:
            if c.period is not None:
                break
            continue
        f = kind_field(plan.kind, c.field) if c.field != PERIOD else None
        if f is not None and f.type in (FieldType.NUMBER, FieldType.INTEGER):
            break
        out.append(c.index)
    return out


def carry_labels(rows: list[list[object]], first: int, end: int, labels: list[int],
                 pivot_header: bool) -> tuple[list[list[object]] | None, list[IgnoredRow]]:
    """(rows with the pivot's labels carried down, or None when nothing changed; no rows
    listed: the subtotal rows are left as they are, for the parse to skip and the totals
    check to read)."""
    if not labels or not _has_blank(rows, labels[0], first, end):
        return None, []  # an indented row leaves the first label blank; most sheets have none
    totals = [r for r in range(first, end) if row_kind(rows[r]) == "total"]
    if not (totals or pivot_header):
        return None, []
    out = list(rows)
    ignored: list[IgnoredRow] = []
    last: dict[int, object] = {}
    changed = False
    total_set = set(totals)
    for r in range(first, end):
        row = rows[r]
        if r in total_set:
            level = next((k for k, c in enumerate(labels) if c < len(row)
                          and is_total_text(row[c])), 0)
            for c in labels[level:]:  # the group of this level (and those inside it) ends
                last.pop(c, None)
            continue  # left as it is: the parse skips it, the totals check reads it
        if all(is_blank(v) for v in row):
            continue
        filled = [k for k, c in enumerate(labels) if c < len(row) and not is_blank(row[c])]
        if not filled:
            continue  # no label at all: not an indented row of an outline
        k0 = filled[0]
        if k0 and all(labels[k] in last for k in range(k0)):
            new = out[r] = list(row)
            for k in range(k0):
                new[labels[k]] = last[labels[k]]
            changed = True
        for k in range(k0, len(labels)):
            c = labels[k]
            if c < len(row) and not is_blank(row[c]):
                last[c] = row[c]
            else:
                last.pop(c, None)  # a deeper level left blank starts no group
    return (out if changed else None), ignored


def _has_blank(rows: list[list[object]], c: int, first: int, end: int) -> bool:
    try:
        values = set(map(itemgetter(c), rows[first:end]))
    except IndexError:
        return True
    return "" in values or None in values or any(type(v) is str and not v.strip()
                                                 for v in values)


def _level(row: list[object], labels: list[int]) -> int | None:
    """The level of a row's first filled label (None: no label)."""
    return next((k for k, c in enumerate(labels) if c < len(row) and not is_blank(row[c])), None)


def _number(v: object) -> float | None:
    return float(v) if isinstance(v, int | float) and not isinstance(v, bool) else None


def top_subtotals(rows: list[list[object]], first: int, end: int, labels: list[int],
                  values: list[int]) -> dict[int, str]:
    """Rows of an outline pivot that carry their group's subtotal at its top (`张北数据中心 | | |
    380` above `| 电网 | | 250` above `| | 2023-01 | 120` …): a row whose labels stop short of the
    last level, followed by rows of a deeper level, whose every figure equals the sum of its
    group's leaf rows. {row index: its label}. One that does not add up is left as it is (it is
    then refused as a row missing its deeper labels, or by the sheet's total): never dropped
    unchecked."""
    if len(labels) < 2 or not values:
        return {}
    levels = {r: _level(rows[r], labels) for r in range(first, end)}
    deepest = {r: max((k for k, c in enumerate(labels) if c < len(rows[r]) and not is_blank(rows[r][c])),
                      default=None) for r in range(first, end)}
    heads = [r for r in range(first, end - 1) if levels[r] is not None and deepest[r] < len(labels) - 1
             and row_kind(rows[r]) != "total" and levels.get(r + 1) is not None
             and levels[r + 1] > deepest[r]]
    found: dict[int, str] = {}
    head_set = set(heads)
    for r in heads:
        k = deepest[r]
        members = []
        for j in range(r + 1, end):
            if levels[j] is None or levels[j] <= k or row_kind(rows[j]) == "total":
                break
            if j not in head_set:
                members.append(j)
        ok = bool(members)
        for c in values:
            total = _number(rows[r][c]) if c < len(rows[r]) else None
            parts = [_number(rows[j][c]) if c < len(rows[j]) else None for j in members]
            parts = [x for x in parts if x is not None]
            if total is None and not parts:
                continue
            if total is None or abs(sum(parts) - total) > 1e-9 * max(1.0, abs(total)):
                ok = False
        if ok:
            found[r] = str(rows[r][labels[k]])
    return found


def apply_to_plan(plan, sheet, layout):
    """The sheet with a pivot's labels carried down; the sheet itself when it is no pivot.
    Subtotals an outline pivot writes at the top of each group (see top_subtotals) carry their
    labels down and are then left out, each checked here against its group (the sheet's grand
    total still checks every row read)."""
    labels = label_columns(plan)
    header_cells = [c.header for c in plan.columns] + [c.upper for c in layout.cells if c.upper]
    pivot_header = any(is_pivot_header(t) for t in header_cells)
    rows, ignored = carry_labels(sheet.rows, layout.first_data, layout.end, labels, pivot_header)
    if rows is None:
        return sheet
    values = [c.index for c in plan.columns if c.field and c.index not in labels and (
        c.period is not None or c.field in numeric_fields(plan.kind))]
    for r, label in top_subtotals(sheet.rows, layout.first_data, layout.end, labels, values).items():
        rows[r] = [""] * len(rows[r])
        ignored.append(IgnoredRow(r + 1, "top_subtotal", label))
    layout.ignored = sorted(layout.ignored + ignored, key=lambda i: i.row)
    return replace(sheet, rows=rows)
