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


def apply_to_plan(plan, sheet, layout):
    """The sheet with a pivot's labels carried down; the sheet itself when it is no pivot."""
    labels = label_columns(plan)
    header_cells = [c.header for c in plan.columns] + [c.upper for c in layout.cells if c.upper]
    pivot_header = any(is_pivot_header(t) for t in header_cells)
    rows, ignored = carry_labels(sheet.rows, layout.first_data, layout.end, labels, pivot_header)
    if rows is None:
        return sheet
    layout.ignored = sorted(layout.ignored + ignored, key=lambda i: i.row)
    return replace(sheet, rows=rows)
