"""Excel's default pivot layout, the compact form (issue 12 §2): every row field in one `Row
Labels` / `行标签` column, each group's label on a row of its own that carries the group's
subtotals, its members below it, `Grand Total` last:

    Row Labels  | Jan 2023 | Feb 2023 | Grand Total          Row Labels | Jan 2023 | …
    Zhangbei DC | 2960000  | 2835000  | 5795000              grid       | 4170000  |
      grid      | 2350000  | 2180000  | 4530000                Zhangbei | 2350000  |
      wind      |  610000  |  655000  | 1265000                Ulanqab  | 1820000  |

The sheet is read as the tabular pivot it is the compact form of (`Site | Source | …`, each
group's subtotal row `Zhangbei DC Total` after its members), so every rule of pivots holds:
the subtotals and the grand total are reconciled, not imported. Which level is the site and
which the source is told by the labels themselves (a source is one of the sources' names, in
English or Chinese); a one-level pivot's labels are its sites (or its sources). Problems, totals
and the stored rows' provenance are given back at the cells of the sheet as the user sees it:
a site's problem at its group row's label.

Read only where the labels settle it: every group row followed by members, every group label of
one level and every member of the other; anything else is not taken as a compact pivot."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace

from greenledger.core.errors import Problem
from greenledger.core.fields import SHEETS, Kind
from greenledger.core.importing.layout import is_total_text
from greenledger.core.importing.reader import COLUMN_LABEL, SheetData, column_index, column_letter
from greenledger.core.importing.values import choice_parser, is_blank

ROW_LABELS = re.compile(r"^\s*(?:row\s+labels|行标签)\s*$", re.IGNORECASE)
SCAN = 30
_CELL = re.compile(r"^(?P<l>[A-Z]+)(?P<r>\d*)$")
_source = choice_parser(SHEETS[Kind.ENERGY].field("source"))
NAMES = {"site": "Site", "source": "Source"}


@dataclass(slots=True)
class Compact:
    sheet: SheetData  # the tabular pivot it is the compact form of
    original: SheetData
    header_row: int  # Excel number (the same in both)
    label_col: int  # 0-based: the Row Labels column
    rows_of: dict[int, int]  # tabular row (0-based) -> the sheet's row its values are on
    group_of: dict[int, int]  # tabular row (0-based) -> the sheet's row of its group's label
    two_levels: bool


def _is_source(text: str) -> bool:
    try:
        return _source(text) is not None
    except ValueError:
        return False


def _label(v: object) -> str:
    return "" if is_blank(v) else unicodedata.normalize("NFKC", str(v)).strip()


def detect(sheet: SheetData) -> Compact | None:
    """The tabular reading of a compact pivot, or None when `sheet` is not one."""
    rows = sheet.rows
    for r, row in enumerate(rows[:SCAN]):
        c = next((i for i, v in enumerate(row) if not is_blank(v)), None)
        if c is not None and isinstance(row[c], str) and ROW_LABELS.match(row[c]):
            return _read(sheet, r, c)
    return None


def _read(sheet: SheetData, r: int, c: int) -> Compact | None:
    rows = sheet.rows
    data: list[tuple[int, str, bool]] = []  # (row, label, is a total)
    for k in range(r + 1, len(rows)):
        row = rows[k]
        if all(is_blank(v) for v in row):
            if data:
                break
            continue
        label = _label(row[c]) if c < len(row) else ""
        if not label:
            return None  # a compact pivot labels every row
        data.append((k, label, is_total_text(label)))
    labels = [(k, t) for k, t, total in data if not total]
    if not labels:
        return None
    kinds = [_is_source(t) for _, t in labels]
    width = max(len(x) for x in rows)
    if len(set(kinds)) == 1:  # one level: the labels are the sites (or the sources)
        name = NAMES["source" if kinds[0] else "site"]
        out = [list(x) + [""] * (width - len(x)) for x in rows]
        out[r][c] = name
        for k, t, _ in data:
            out[k][c] = t
        same = {k: k for k in range(len(rows))}
        return Compact(replace(sheet, rows=out, merged=None), sheet, r + 1, c, same, same, False)
    outer = kinds[0]
    groups: list[tuple[int, str, list[tuple[int, str]]]] = []
    for (k, t), is_src in zip(labels, kinds, strict=True):
        if is_src == outer:
            groups.append((k, t, []))
        else:
            groups[-1][2].append((k, t))
    if any(not members for _, _, members in groups):
        return None  # a group row without members: the levels are not told apart
    outer_name, inner_name = (NAMES["source"], NAMES["site"]) if outer else (NAMES["site"], NAMES["source"])

    def widen(row: list[object]) -> list[object]:
        row = list(row) + [""] * (width - len(row))
        return row[:c + 1] + [""] + row[c + 1:]

    out = [widen(x) for x in rows[:r + 1]]
    out[r][c], out[r][c + 1] = outer_name, inner_name
    rows_of = {k: k for k in range(r + 1)}
    group_of = dict(rows_of)
    firsts = {g: (t, members) for g, t, members in groups}
    members_of = {m for _, _, members in groups for m, _ in members}
    for k in range(r + 1, len(rows)):  # each group: its members, then its subtotal
        if k in members_of:
            continue  # written with its group
        row = widen(rows[k])
        if k not in firsts:  # Grand Total, blank rows, notes below
            rows_of[len(out)] = group_of[len(out)] = k
            out.append(row)
            continue
        t, members = firsts[k]
        for m, inner in members:
            member = widen(rows[m])
            member[c], member[c + 1] = t, inner
            rows_of[len(out)], group_of[len(out)] = m, k
            out.append(member)
        row[c], row[c + 1] = f"{t} Total", ""
        rows_of[len(out)] = group_of[len(out)] = k
        out.append(row)
    return Compact(replace(sheet, rows=out, merged=None, hidden_rows=frozenset(), hidden_cols=frozenset()),
                   sheet, r + 1, c, rows_of, group_of, True)


def analyse(sheet: SheetData, file: str, options, analyse_sheet, reconcile, **kw):
    """The plan of a compact pivot (`analyse_sheet`, the engine's plan of one sheet, run on its
    tabular reading; `reconcile` its totals check), at the sheet's cells; None when `sheet` is
    not one."""
    from greenledger.core.importing.plan import ImportOptions

    t = detect(sheet)
    if t is None:
        return None
    options = options or ImportOptions()
    if options.header_rows and options.header_rows != [t.header_row]:
        return None
    plan = analyse_sheet(t.sheet, file, replace(options, header_rows=[t.header_row]), **kw)
    reconcile(plan, t.sheet)
    return remap(plan, t)


def _orig_col(t: Compact, col: int) -> int:
    if not t.two_levels or col <= t.label_col:
        return col
    return t.label_col if col == t.label_col + 1 else col - 1


def _at_cell(p: Problem, t: Compact) -> Problem:
    """A problem of the tabular reading at the sheet's cell: a group's label (the site of a
    site-over-source pivot) at its group row."""
    if p.row is None:
        return p
    m = COLUMN_LABEL.match(p.column or "")
    col = column_index(m["l"]) if m else None
    rows = t.group_of if t.two_levels and col == t.label_col else t.rows_of
    row = rows.get(p.row - 1)
    if row is None:
        return p
    if col is None:
        return replace(p, row=row + 1)
    oc = _orig_col(t, col)
    header_cells = t.original.rows[t.header_row - 1]
    header = _label(header_cells[oc]) if oc < len(header_cells) else m["h"]
    return replace(p, row=row + 1, column=f"{header or m['h']} [{column_letter(oc)}]")


def _rec_at_cell(rec, t: Compact):
    what, _, n = rec.where.partition(" ")
    m = _CELL.match(rec.cell)
    if what == "row" and n.isdigit() and (row := t.rows_of.get(int(n) - 1)) is not None:
        cell = rec.cell
        if m is not None and m["r"]:
            cell = f"{column_letter(_orig_col(t, column_index(m['l'])))}{row + 1}"
        return replace(rec, where=f"row {row + 1}", cell=cell)
    if what == "column" and m is not None:
        letter = column_letter(_orig_col(t, column_index(m["l"])))
        return replace(rec, where=f"column {letter}", cell=letter + m["r"])
    return rec


def remap(plan, t: Compact):
    """`plan` (of the tabular reading) with its problems, warnings, totals and rows'
    provenance at the sheet's cells."""
    plan.problems = [_at_cell(p, t) for p in plan.problems]
    plan.warnings = [_at_cell(p, t) for p in plan.warnings]
    plan.reconciliations = [_rec_at_cell(r, t) for r in plan.reconciliations]
    if plan.layout is not None:  # its rows at the sheet's (columns stay the reading's, as transposed)
        plan.layout.ignored = sorted((replace(i, row=t.rows_of.get(i.row - 1, i.row - 1) + 1)
                                      for i in plan.layout.ignored), key=lambda i: i.row)
        lay = plan.layout
        if lay.end > lay.first_data:
            lay.end = max(t.rows_of.get(k, k) for k in range(lay.first_data, lay.end)) + 1
    ps = plan.parsed
    if ps is not None:
        ps.row_numbers = [t.rows_of.get(n - 1, n - 1) + 1 for n in ps.row_numbers]
        ps.problems = [_at_cell(p, t) for p in ps.problems]
        ps.warnings = [_at_cell(p, t) for p in ps.warnings]
        ps._rows = None
    return plan

