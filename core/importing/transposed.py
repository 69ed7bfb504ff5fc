"""Transposed tables (issue 12 §2): periods down the rows, sites or sources across the columns

    Month    | Zhangbei DC | Ulanqab DC          月份 | 电网 | 风电 | 光伏
    2023-01  | 1000        | 2000                2023年1月 | 10 | 5 | 1

(or sites over sources in two header rows). The table is read as the wide sheet it is the
transpose of (one row per site and source, the periods as columns), so every rule of wide
sheets holds (units from the title, blank cells skipped, totals); problems and the stored rows'
provenance are given back at the cells of the sheet as the user sees it.

A sheet is taken as transposed only when its header starts with a period header (`Month`,
`月份`, `Period`, …) over period cells, and no other header names a field: `Month | Site |
Source | Energy` is a plain long table."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from greenledger.core.errors import Problem
from greenledger.core.fields import SHEETS, Kind, norm
from greenledger.core.importing.layout import parse_period
from greenledger.core.importing.mapping import PERIOD_SYNONYMS, match_header
from greenledger.core.importing.reader import SheetData, column_letter
from greenledger.core.importing.values import choice_parser, is_blank

SCAN = 30
_PERIOD_KEYS = frozenset(norm(t) for t in PERIOD_SYNONYMS)
_LABEL = re.compile(r"^(?P<h>.*) \[(?P<l>[A-Z]+)\]$")
_source = choice_parser(SHEETS[Kind.ENERGY].field("source"))


@dataclass(slots=True)
class Transposed:
    sheet: SheetData  # the wide sheet it is the transpose of
    header_row: int  # its header row (Excel number)
    rows_of: dict[int, int]  # its row (0-based) -> the original column (0-based)
    cols_of: dict[int, int]  # its column (0-based) -> the original row (0-based)
    original: SheetData


def _is_source(text: str) -> bool:
    try:
        return _source(text) is not None
    except ValueError:
        return False


def _names_field(text: str) -> bool:
    return any(m.confidence >= 0.95 for m in match_header(text, Kind.ENERGY))


def detect(sheet: SheetData) -> Transposed | None:
    """The transposed reading of `sheet`, or None when it is not a transposed table."""
    rows = sheet.rows
    for r, row in enumerate(rows[:SCAN]):
        first = next((i for i, v in enumerate(row) if not is_blank(v)), None)
        if first is None:
            continue
        head = row[first]
        if not isinstance(head, str) or norm(head) not in _PERIOD_KEYS:
            continue
        two = r + 1 < len(rows) and is_blank(_at(rows[r + 1], first)) and any(
            not is_blank(v) for v in rows[r + 1][first + 1:])
        data0 = r + 2 if two else r + 1
        periods = []
        for k in range(data0, len(rows)):
            v = _at(rows[k], first)
            if is_blank(v):
                continue
            p = parse_period(v)
            if p is None:
                break  # a totals row or a note ends the periods
            periods.append((k, v))
        if len(periods) < 1:
            return None
        upper = [_text(_at(row, c)) for c in range(first + 1, max(map(len, rows[r:data0])))]
        lower = ([_text(_at(rows[r + 1], c)) for c in range(first + 1, first + 1 + len(upper))]
                 if two else [""] * len(upper))
        filled_upper = []
        last = ""
        for u in upper:  # a site merged (or written once) over its sources
            last = u or (last if two else "")
            filled_upper.append(last)
        columns = [(first + 1 + j, u, lo) for j, (u, lo) in enumerate(zip(filled_upper, lower,
                                                                        strict=True))
                   if u or lo]
        if not columns or any(_names_field(t) for _, u, lo in columns for t in (u, lo) if t):
            return None
        return _build(sheet, r, first, columns, periods, two)
    return None


def _at(row: list[object], c: int) -> object:
    return row[c] if c < len(row) else None


def _text(v: object) -> str:
    return "" if is_blank(v) else str(v).strip()


def _build(sheet, r, first, columns, periods, two) -> Transposed:
    sources_across = not two and all(_is_source(u) for _, u, _ in columns)
    if two:
        header = ["Site", "Source"]
    elif sources_across:
        header = ["Source"]
    else:
        header = ["Site"]
    rows_above = [list(x) for x in sheet.rows[:r]]
    width = len(header)
    new_header = header + [v for _, v in periods]
    out = rows_above + [new_header]
    rows_of: dict[int, int] = {}
    cols_of = {width + j: k for j, (k, _) in enumerate(periods)}
    for c, u, lo in columns:
        ids = [u, lo] if two else [u]
        rows_of[len(out)] = c
        out.append(ids + [_at(sheet.rows[k], c) for k, _ in periods])
    for c in range(width):
        cols_of[c] = r  # the names are in the header row(s)
    return Transposed(replace(sheet, rows=out, merged=None, hidden_rows=frozenset(),
                              hidden_cols=frozenset()), r + 1, rows_of, cols_of, sheet)


def remap(plan, t: Transposed):
    """`plan` (of the transposed reading) with its problems, warnings and rows' provenance at
    the original sheet's cells."""
    plan.problems = [_at_cell(p, t) for p in plan.problems]
    plan.warnings = [_at_cell(p, t) for p in plan.warnings]
    ps = plan.parsed
    if ps is not None:
        period_row = {}
        for k in t.cols_of.values():
            if k != t.header_row - 1:
                p = parse_period(t.original.rows[k][_first(t.original, t.header_row - 1)])
                if p is not None:
                    period_row[(p.start, p.end)] = k + 1
        ps.row_numbers = [period_row.get((s, e), n) for s, e, n in zip(
            ps.columns["period_start"], ps.columns["period_end"], ps.row_numbers, strict=True)]
        ps.problems = [_at_cell(p, t) for p in ps.problems]
        ps.warnings = [_at_cell(p, t) for p in ps.warnings]
        ps._rows = None
    return plan


def _first(sheet: SheetData, r: int) -> int:
    return next(i for i, v in enumerate(sheet.rows[r]) if not is_blank(v))


def _at_cell(p: Problem, t: Transposed) -> Problem:
    """A problem of the transposed reading at the original cell (row ↔ column)."""
    m = _LABEL.match(p.column or "")
    if p.row is None or m is None:
        return p
    col = _col_index(m["l"])
    orig_col = t.rows_of.get(p.row - 1)
    orig_row = t.cols_of.get(col)
    if orig_col is None or orig_row is None:
        return p
    header = _text(_at(t.original.rows[t.header_row - 1], orig_col)) or m["h"]
    return replace(p, row=orig_row + 1, column=f"{header} [{column_letter(orig_col)}]")


def _col_index(letters: str) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n - 1
