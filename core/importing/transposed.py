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
from dataclasses import dataclass, field, replace

from greenledger.core.errors import REASON_TEMPLATES, Problem, coded_reason
from greenledger.core.fields import SHEETS, Kind, norm
from greenledger.core.i18n import QT_TRANSLATE_NOOP
from greenledger.core.importing.layout import parse_period
from greenledger.core.importing.mapping import PERIOD_SYNONYMS, match_header
from greenledger.core.importing.reader import COLUMN_LABEL, SheetData, column_index, column_letter
from greenledger.core.importing.reconcile import is_total_header
from greenledger.core.importing.values import choice_parser, is_blank

SCAN = 30
_PERIOD_KEYS = frozenset(norm(t) for t in PERIOD_SYNONYMS)
_source = choice_parser(SHEETS[Kind.ENERGY].field("source"))


@dataclass(slots=True)
class Transposed:
    sheet: SheetData  # the wide sheet it is the transpose of
    header_row: int  # its header row (Excel number)
    rows_of: dict[int, int]  # its row (0-based) -> the original column (0-based)
    cols_of: dict[int, int]  # its column (0-based) -> the original row (0-based)
    original: SheetData
    unread: list = field(default_factory=list)  # (row, label): figures between the periods, not read
    total_row: int | None = None  # the totals row under the periods (0-based), read as a check
    total_col: int | None = None  # its column in the reading (not in cols_of: not a period)

    def row_of_column(self, col: int) -> int | None:
        """The original row (0-based) of a column of the reading: a period's, or the totals'."""
        return self.total_row if col == self.total_col and col is not None else self.cols_of.get(col)


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
        periods, others = [], []
        for k in range(data0, len(rows)):
            v = _at(rows[k], first)
            if is_blank(v):
                continue
            if parse_period(v) is None:  # a totals row, a subtotal or a note
                others.append((k, v))
            else:
                periods.append((k, v))
        if len(periods) < 1:
            return None
        last = periods[-1][0]
        after = [(k, v) for k, v in others if k > last]
        total = (after[0][0], after[0][1].strip()) if after and isinstance(after[0][1], str) \
            and is_total_header(after[0][1]) else None  # the grand total under the periods
        between = [(k, v) for k, v in others if k < last]
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
        t = _build(sheet, r, first, columns, periods, two, total)
        t.unread = [(k, v) for k, v in between if not _is_subtotal(v) and any(
            _number(_at(rows[k], c)) for c, _, _ in columns)]
        return t
    return None


def _is_subtotal(label: object) -> bool:
    """`Q1 小计`, `上半年合计`, `Subtotal`: a total of the periods above it, not a period."""
    words = norm(str(label))
    return any(w in words for w in ("小计", "合计", "小計", "合計", "汇总", "subtotal", "total"))


def _number(v: object) -> bool:
    return isinstance(v, int | float) and not isinstance(v, bool) or (
        isinstance(v, str) and any(ch.isdigit() for ch in v))


REASON_TEMPLATES.setdefault("transposed_unread_row", QT_TRANSLATE_NOOP("Problems", "this row ('{label}') sits among the periods of a table with periods down the rows, holds figures and is not a period or a total: it would not be read; write its period (e.g. 2023-04) in {cell}, or delete the row if it is not data"))  # noqa: E501


def _unread_problems(plan, t: Transposed) -> list[Problem]:
    first = _first(t.original, t.header_row - 1)
    out = []
    for k, label in t.unread:
        params = {"label": str(label).strip(), "cell": f"{column_letter(first)}{k + 1}"}
        out.append(Problem(plan.file, coded_reason("transposed_unread_row", **params), plan.sheet,
                           k + 1, None, label, code="transposed_unread_row", params=params))
    return out


def _at(row: list[object], c: int) -> object:
    return row[c] if c < len(row) else None


def _text(v: object) -> str:
    return "" if is_blank(v) else str(v).strip()


def _build(sheet, r, first, columns, periods, two, total=None) -> Transposed:
    """The wide sheet `sheet` is the transpose of; its totals row (`合计`, `Total` under the
    periods) becomes a totals column, reconciled as a wide sheet's (core.importing.reconcile)."""
    sources_across = not two and all(_is_source(u) for _, u, _ in columns)
    if two:
        header = ["Site", "Source"]
    elif sources_across:
        header = ["Source"]
    else:
        header = ["Site"]
    rows_above = [list(x) for x in sheet.rows[:r]]
    width = len(header)
    across = periods + ([total] if total else [])
    new_header = header + [v for _, v in across]
    out = rows_above + [new_header]
    rows_of: dict[int, int] = {}
    cols_of = {width + j: k for j, (k, _) in enumerate(periods)}
    for c, u, lo in columns:
        ids = [u, lo] if two else [u]
        rows_of[len(out)] = c
        out.append(ids + [_at(sheet.rows[k], c) for k, _ in across])
    for c in range(width):
        cols_of[c] = r  # the names are in the header row(s)
    return Transposed(replace(sheet, rows=out, merged=None, hidden_rows=frozenset(),
                              hidden_cols=frozenset()), r + 1, rows_of, cols_of, sheet,
                      total_row=total[0] if total else None,
                      total_col=width + len(periods) if total else None)


def remap(plan, t: Transposed):
    """`plan` (of the transposed reading) with its problems, warnings and rows' provenance at
    the original sheet's cells."""
    plan.problems = [_at_cell(p, t) for p in plan.problems]
    plan.warnings = [_at_cell(p, t) for p in plan.warnings]
    plan.reconciliations = [_rec_at_cell(r, t) for r in plan.reconciliations]
    if unread := _unread_problems(plan, t):  # refused: figures the reading would leave out
        plan.problems += unread
        if plan.parsed is not None:
            plan.parsed.problems += unread
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
    m = COLUMN_LABEL.match(p.column or "")
    if p.row is None or m is None:
        return p
    col = column_index(m["l"])
    orig_col = t.rows_of.get(p.row - 1)
    orig_row = t.row_of_column(col)
    if orig_col is None or orig_row is None:
        return p
    header = _text(_at(t.original.rows[t.header_row - 1], orig_col)) or m["h"]
    if p.code in REASON_TEMPLATES and "cell" in p.params:  # a total's cell, as the sheet has it
        params = {**p.params, "cell": f"{column_letter(orig_col)}{orig_row + 1}"}
        p = replace(p, reason=coded_reason(p.code, **params), params=params)
    return replace(p, row=orig_row + 1, column=f"{header} [{column_letter(orig_col)}]")


def _rec_at_cell(rec, t: Transposed):
    """A reconciliation of the transposed reading at the original sheet's cells: its totals
    column is the sheet's totals row, its totals row the sheet's totals column."""
    what, _, n = rec.where.partition(" ")
    m = re.match(r"^(?P<l>[A-Z]+)(?P<r>\d*)$", rec.cell)
    if m is None:
        return rec
    col = t.row_of_column(column_index(m["l"]))  # an original row
    if what == "column" and col is not None:  # the totals row, checked across the columns
        return replace(rec, where=f"row {col + 1}", cell=str(col + 1), across=True)
    if what == "row" and n.isdigit() and (orig := t.rows_of.get(int(n) - 1)) is not None:
        letter = column_letter(orig)
        return replace(rec, where=f"column {letter}",
                       cell=f"{letter}{col + 1}" if col is not None else letter)
    return rec

