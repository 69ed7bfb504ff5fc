"""Finding where a sheet's table is: its header row(s), data block and the rows to ignore, and
whether it is wide (periods as columns).

Analysts' sheets put a title, a unit and blank rows above the header, split the header over two
rows with merged cells, end the data with totals and footnotes, and often give months as
columns (`2023年1月` … `2023年12月`, `Jan 2023`, `2023-01`, `1月`). Everything here works on the
plain cell values of core.importing.reader.SheetData; row and column indexes are 0-based.
"""

from __future__ import annotations

import re
from functools import lru_cache
from operator import itemgetter

from greenledger.core.fields import norm
from greenledger.core.importing.codes import UnitFrom
from greenledger.core.importing.layout_cells import HeaderCell, Layout
from greenledger.core.importing.layout_periods import (
    MONTH_NAMES,
    Period,
    cell_period,
    is_year_cell,
    parse_period,
    year_in_titles,
)
from greenledger.core.importing.layout_rows import (
    IGNORED_REASONS,
    TOTAL_PREFIX,
    IgnoredRow,
    cell_text,
    filled_cells,
    is_note_text,
    is_total_text,
    row_kind,
)
from greenledger.core.importing.layout_units import (
    UNIT_NOTE,
    header_units,
    money_in_text,
    read_units_row,
    states_unit_of,
    unit_in_text,
)
from greenledger.core.importing.mapping import best_any_kind, is_unit, split_unit
from greenledger.core.importing.values import is_blank

__all__ = ["HEADER_SCAN_ROWS", "HeaderCell", "IgnoredRow", "Layout", "Period", "detect_layout",
           "is_note_text", "is_total_text", "money_in_text", "parse_period", "row_kind",
           "states_unit_of", "unit_in_text", "IGNORED_REASONS", "TOTAL_PREFIX", "cell_text",
           "filled_cells"]

HEADER_SCAN_ROWS = 30


MONTH_NAMES["sept"] = 9


@lru_cache(maxsize=8192)
def _header_conf(text: str, extra: frozenset[str]) -> float:
    if norm(text) in extra:
        return 1.0
    return best_any_kind(text)


def _single_cells(cells: list[object], year: int | None) -> list[HeaderCell]:
    out = []
    for i, c in enumerate(cells):
        text = cell_text(c)
        if not text:
            continue
        p = cell_period(c, year)
        out.append(HeaderCell(i, text, period=p, unit=split_unit(text)[1]))
    return out


def _joined_cells(upper: list[object], lower: list[object], year: int | None,
                  spans: list[tuple[int, int]] | None = None) -> list[HeaderCell]:
    """Header cells of a two-row header. An upper cell covers the sub-headers under it: the
    columns of its merged range where the upper row has merged cells (`spans`, first and last
    column), else the blank upper cells to its right over filled lower cells (a sheet saved as
    CSV or without merges)."""
    width = max(len(upper), len(lower))
    up = [cell_text(upper[i]) if i < len(upper) else "" for i in range(width)]
    up = ["" if UNIT_NOTE.search(t) else t for t in up]  # 单位：万千瓦时 is a hint (see below)
    low = [cell_text(lower[i]) if i < len(lower) else "" for i in range(width)]
    filled = list(up)
    if spans:
        for c0, c1 in spans:
            for j in range(c0 + 1, min(c1, width - 1) + 1):
                if c0 < width and not filled[j]:
                    filled[j] = up[c0]
    else:
        for j in range(1, width):
            if not filled[j] and low[j] and filled[j - 1] and low[j - 1] \
                    and not UNIT_NOTE.search(filled[j - 1]):
                filled[j] = filled[j - 1]
    out = []
    for i in range(width):
        u, lo = filled[i], low[i]
        if not u and not lo:
            continue
        if u and lo:
            p = cell_period(lower[i], year) if i < len(lower) else None
            if p is None or not p.year_given:
                p = parse_period(f"{split_unit(u)[0]} {split_unit(lo)[0]}", year) or p
            if p is not None:
                out.append(HeaderCell(i, f"{u} {lo}", u, lo, p,
                                      split_unit(lo)[1] or split_unit(u)[1]))
            elif is_unit(lo) or is_unit(lo.strip("()（）[]【】")):
                out.append(HeaderCell(i, f"{u} ({lo.strip('()（）[]【】')})", u, lo,
                                      unit=lo.strip("()（）[]【】")))
            else:
                unit = split_unit(lo)[1] or split_unit(u)[1]
                out.append(HeaderCell(i, f"{split_unit(u)[0]} {lo}" if split_unit(lo)[1]
                                      else f"{u} {lo}", u, lo, unit=unit))
        else:
            text = u or lo
            src = upper[i] if u else lower[i]
            out.append(HeaderCell(i, text, u, lo, cell_period(src, year), split_unit(text)[1]))
    return out


def _score(cells: list[HeaderCell], raw: list[object], extra: frozenset[str]) -> float:
    score = 0.0
    periods = [c for c in cells if c.period is not None]
    measures: set[str] = set()
    for c in cells:
        if c.period is None:
            score += _header_conf(c.text, extra)
        elif c.upper and c.upper != c.text:
            measures.add(c.upper)
    if len(periods) >= 2:
        score += 1.5 + max((_header_conf(m, extra) for m in measures), default=0.0)
    numbers = sum(1 for v in raw if isinstance(v, int | float) and not isinstance(v, bool)
                  and not is_year_cell(v))
    # a text naming a month with its year (2023.01, 202301) is a header, not a figure
    numbers += sum(1 for v in raw if isinstance(v, str) and _looks_numeric(v)
                   and parse_period(v) is None)
    if any(c.period and c.period.grain == "month" and c.upper and c.upper != c.text
           and (p := parse_period(split_unit(c.upper)[0])) and p.grain == "year"
           for c in cells):
        score += 0.5  # years merged over their months: the finer, joined reading wins
    return score - 0.5 * numbers


_NUMERIC_TEXT = re.compile(r"^[+-]?[\d,. ]*\d%?$")


def _looks_numeric(text: str) -> bool:
    t = text.strip()
    return bool(_NUMERIC_TEXT.match(t)) and not (len(t) == 4 and t.isdigit()
                                                 and 1900 <= int(t) <= 2100)


def _row_spans(merged: list | None, r: int) -> list[tuple[int, int]] | None:
    """Column spans of the cells merged across row `r` (None when the format does not say)."""
    if merged is None:
        return None
    return [(c0, c1) for (r0, c0), (r1, c1) in merged if r0 <= r <= r1 and c1 > c0]


def _upper_header(upper: list[object], lower: list[object]) -> bool:
    """Whether `upper` can be the upper row of a two-row header over `lower`: not a title
    (one cell at or left of the table's first column) nor a line of units or notes
    (`单位：万千瓦时`), which state a unit for the whole table."""
    cells = [(i, cell_text(v)) for i, v in enumerate(upper) if not is_blank(v)]
    if not cells:
        return False
    first_lower = next((i for i, v in enumerate(lower) if not is_blank(v)), 0)
    if len(cells) == 1 and cells[0][0] <= first_lower:
        return False
    return not all(UNIT_NOTE.search(t) or is_note_text(t) for _, t in cells)


def detect_layout(rows: list[list[object]], *, year: int | None = None,
                  header_rows: list[int] | None = None,
                  extra_headers: frozenset[str] = frozenset(),
                  merged: list | None = None, title_year: bool = True) -> Layout | None:
    """The layout of a sheet's rows, or None when no row looks like a header.

    `header_rows` (0-based) forces the header; `extra_headers` (normal forms) are headers the
    user mapped explicitly, which count as known headers; `year` completes month headers that
    have none (`1月`, `Jan`), else the one year the titles above the header (or the header's
    upper row) name (`title_year`); `merged` is the sheet's merged ranges (SheetData.merged)."""
    scan = rows[:HEADER_SCAN_ROWS]
    year_from = None
    if year is None and title_year and (found := year_in_titles(scan)):  # a first guess, to
        year, year_from = found  # find the header; checked against its titles only below
    if header_rows:
        hr = sorted(header_rows)
        if hr[-1] >= len(rows):
            return None
        cells = (_single_cells(rows[hr[0]], year) if len(hr) == 1
                 else _joined_cells(rows[hr[0]], rows[hr[-1]], year, _row_spans(merged, hr[0])))
    else:
        best: tuple[float, list[int], list[HeaderCell]] | None = None
        for r, raw in enumerate(scan):
            if not filled_cells(raw):
                continue
            cells = _single_cells(raw, year)
            s = _score(cells, raw, extra_headers)
            if best is None or s > best[0]:
                best = (s, [r], cells)
        if best is None or best[0] < 1.5:
            return None
        score, hr, cells = best
        r = hr[0]
        for pair in ((r, r + 1), (r - 1, r)):
            if pair[0] < 0 or pair[1] >= len(rows) or not filled_cells(rows[pair[1]]) \
                    or not _upper_header(rows[pair[0]], rows[pair[1]]):
                continue
            joined = _joined_cells(rows[pair[0]], rows[pair[1]], year,
                                   _row_spans(merged, pair[0]))
            s = _score(joined, rows[pair[0]] + rows[pair[1]], extra_headers)
            if s > score + 0.25:
                score, hr, cells = s, list(pair), joined
    if year_from is not None:  # only titles above the header, and its upper row, say a year
        strict = year_in_titles(rows[:hr[0]] + ([rows[hr[0]]] if len(hr) > 1 else []))
        if strict != (year, year_from):
            again = detect_layout(rows, year=strict[0] if strict else None, header_rows=hr,
                                  extra_headers=extra_headers, merged=merged, title_year=False)
            if again is not None and strict and any(
                    c.period is not None and not c.period.year_given for c in again.cells):
                again.year, again.year_from = strict
            return again
    layout = Layout(hr, hr[-1] + 1, len(rows), [])
    if year_from is not None and any(c.period is not None and not c.period.year_given
                                     for c in cells):
        layout.year, layout.year_from = year, year_from
    _above(rows, layout)
    if len(hr) > 1:  # a 单位 note in the upper header row states the table's unit
        for v in rows[hr[0]]:
            if isinstance(v, str) and UNIT_NOTE.search(v) and (unit := unit_in_text(v)):
                layout.unit_hints.append((unit, UnitFrom.ROW, str(hr[0] + 1)))
    header_units(layout, cells, rows)
    read_units_row(rows, layout)
    _block_end(rows, layout)
    return layout


def _above(rows: list[list[object]], layout: Layout) -> None:
    """Classify the rows above the header; collect units stated in titles."""
    for r in range(layout.header_rows[0]):
        filled = filled_cells(rows[r])
        if not filled:
            layout.ignored.append(IgnoredRow(r + 1, "blank"))
            continue
        first = cell_text(filled[0])
        code = "note" if is_note_text(first) else "title" if len(filled) <= 2 else "above"
        layout.ignored.append(IgnoredRow(r + 1, code, first))
        for c in filled:
            if isinstance(c, str) and (unit := unit_in_text(c)):
                layout.unit_hints.append((unit, UnitFrom.ROW, str(r + 1)))
            if code != "note" and (money := money_in_text(c)):  # not 数据来源：国网电费账单
                layout.money_hints.append((money, f"row {r + 1}", cell_text(c)))


def _block_end(rows: list[list[object]], layout: Layout) -> None:
    """End the data block before trailing blank/total/note rows and at the first footnote."""
    first = layout.first_data
    cols = [c.index for c in layout.cells]
    lead = min(cols) if cols else 0
    # the first footnote in the table's leftmost column ends the block
    try:  # at C speed
        col = list(map(itemgetter(lead), rows[first:]))
    except IndexError:
        col = [r[lead] if lead < len(r) else "" for r in rows[first:]]
    distinct = set(col)
    notes = {v for v in distinct if isinstance(v, str) and v.strip() and is_note_text(v)}
    end = len(rows)
    if notes:
        c0, c1 = (min(cols), max(cols)) if cols else (0, 0)
        for i, v in enumerate(col):
            if v in notes and len(filled_cells(rows[first + i])) <= 2:
                if _table_goes_on(rows, first + i + 1, c0, c1):
                    continue  # a 注 row inside the table: the parse leaves it out as a note
                end = first + i
                layout.ignored.append(IgnoredRow(end + 1, "note", cell_text(v)))
                for r in range(end + 1, len(rows)):
                    if filled_cells(rows[r]):
                        layout.ignored.append(IgnoredRow(r + 1, "after_note",
                                                         cell_text(filled_cells(rows[r])[0])))
                break
    if any(is_blank(v) for v in distinct):  # a blank row may end the table before another
        end = _next_table(rows, first, end, col, layout)
    tail = []
    while end > first:
        kind = row_kind(rows[end - 1])
        if kind is None:
            break
        end -= 1
        if kind != "blank":
            tail.append(IgnoredRow(end + 1, kind, cell_text(filled_cells(rows[end])[0])))
    layout.ignored += reversed(tail)
    layout.end = end


def _table_goes_on(rows: list[list[object]], r: int, c0: int, c1: int) -> bool:
    """Whether the first filled row from `r` on continues the table: more than two cells in
    its columns, and not a note (data, or a 合计 row to reconcile)."""
    nxt = next((j for j in range(r, len(rows)) if filled_cells(rows[j])), None)
    if nxt is None or len(filled_cells(rows[nxt][c0:c1 + 1])) <= 2:
        return False
    return not is_note_text(cell_text(filled_cells(rows[nxt])[0]))


def _known_headers(cells: list[object]) -> int:
    return sum(1 for v in cells if isinstance(v, str) and v.strip() and best_any_kind(v) >= 0.9)


def _next_table(rows: list[list[object]], first: int, end: int, col: list[object],
                layout: Layout) -> int:
    """End the block at blank rows followed (within 3 rows) by another table's header: a sheet
    holding Sites above Energy, or two tables stacked (see core.importing.tables)."""
    cols = [c.index for c in layout.cells]
    c0, c1 = min(cols), max(cols)
    for i in range(first, end):
        if not is_blank(col[i - first]) or filled_cells(rows[i][c0:c1 + 1]):
            continue
        k = i
        while k < end and not filled_cells(rows[k][c0:c1 + 1]):
            k += 1
        nxt = next((j for j in range(k, min(k + 3, end)) if _known_headers(rows[j][c0:c1 + 1]) >= 2),
                   None)
        if nxt is not None:
            for j in range(k, len(rows)):
                if filled_cells(rows[j]):
                    first_cell = cell_text(filled_cells(rows[j])[0])
                    layout.ignored.append(IgnoredRow(j + 1, "next_table", first_cell))
            return i
    return end


# --- the template: a layout recognised with full confidence ------------------------------------


def recognise_template(sheet, file: str):
    """(the template's columns, the table's Layout) for a sheet of the template
    (workbook-format.md), else None. Its header row holds one kind's template headers or their
    listed synonyms (core.fields; matched without regard to case, spaces or punctuation; a
    unit in brackets states the column's unit), each required one; every energy, mass or
    distance column states its unit; and no other header names a field (`月份` or
    `Campaign name` beside them). Such a sheet is read
    with full confidence by the template's fast column parse (core.importing.sheets), through
    the same plan, checks and writer as every other layout."""
    from greenledger.core.importing.cellunits import UNIT_REQUIRED
    from greenledger.core.importing.mapping import MIN_CONFIDENCE, match_header
    from greenledger.core.importing.sheets import recognise
    from greenledger.core.units import split_header

    template = recognise(sheet, file)
    if template is None:
        return None
    names = {c.field.name for c in template.columns}
    for c in template.columns:
        if c.field.dimension in UNIT_REQUIRED and not split_header(c.header)[1]:
            return None  # `Energy` alone: the units rules decide
    taken = {c.index for c in template.columns}
    for i, v in enumerate(sheet.rows[template.header_row]):
        if i in taken or not isinstance(v, str) or not v.strip():
            continue
        ms = match_header(v, template.kind)
        if ms and ms[0].confidence >= MIN_CONFIDENCE and ms[0].field not in names:
            return None
    layout = detect_layout(sheet.rows, header_rows=[template.header_row], merged=sheet.merged)
    if layout is None:
        return None
    layout.units_row = {}  # the template states units in its headers only
    layout.first_data = template.header_row + 1
    layout.ignored = [i for i in layout.ignored if i.code != "units"]
    return template, layout
