"""Several tables in one sheet (issue 12 §2): side by side (separated by an empty column) or
stacked (separated by blank rows, the next one starting with its own title or header). Each is
read as its own table, at its own cells (rows and columns keep their numbers); tables of one
kind are imported together as the sheet's rows, so a second table with the same headers is
never dropped as "not needed". Tables of different kinds in one sheet (Sites above Energy)
import one at a time: the sheet reads its first table and says how to read the others
(`--header-row N`), as a sheet can hold only one kind of rows.

Only single-row headers are split this way; a sheet with one table is left as it is, and
finding that costs a look at the first rows and one column (at C speed)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from operator import itemgetter

from greenledger.core.errors import REASON_TEMPLATES
from greenledger.core.i18n import QT_TRANSLATE_NOOP
from greenledger.core.importing.layout import HEADER_SCAN_ROWS, detect_layout
from greenledger.core.importing.mapping import best_any_kind
from greenledger.core.importing.values import is_blank

REASON_TEMPLATES.setdefault("another_table_beside", QT_TRANSLATE_NOOP("Problems", "the sheet holds another table beside this one ({kinds}, columns {columns}), not imported with it (one kind of rows per import of a sheet); import the sheet again as {kind} rows to read that table"))  # noqa: E501

KNOWN = 0.9  # a header cell at least this sure of some field counts as a known header


@dataclass(frozen=True, slots=True)
class Region:
    header_row: int  # 0-based
    first_col: int
    last_col: int
    start: int  # first row (0-based) that belongs to it (titles above its header included)
    end: int  # past its last row


def _known(cells: list[object]) -> int:
    return sum(1 for v in cells if isinstance(v, str) and v.strip() and best_any_kind(v) >= KNOWN)


def complete(headers: list[object]) -> bool:
    """Whether `headers` alone make a table of some kind (every required field named, months
    as columns standing for the period and the measure)."""
    from greenledger.core.fields import SHEETS
    from greenledger.core.importing.layout import parse_period
    from greenledger.core.importing.mapping import MEASURES, PERIOD, match_header, missing_required
    from greenledger.core.importing.mapping import split_unit as split

    texts = [h for h in headers if isinstance(h, str) and h.strip()]
    periods = sum(1 for h in headers if not is_blank(h) and parse_period(
        split(h)[0] if isinstance(h, str) else h) is not None)
    for kind in SHEETS:
        fields = set()
        for t in texts:
            ms = match_header(t, kind)
            if ms and ms[0].confidence >= 0.5:
                fields.add(ms[0].field)
        if periods and kind in MEASURES:
            fields |= {PERIOD, MEASURES[kind]}
        if not missing_required(kind, fields):
            return True
    return False


def _col(rows: list[list[object]], c: int, a: int, b: int) -> list[object]:
    try:
        return list(map(itemgetter(c), rows[a:b]))
    except IndexError:
        return [r[c] if c < len(r) else "" for r in rows[a:b]]


def _empty_col(rows, c, a, b) -> bool:
    return all(is_blank(v) for v in set(_col(rows, c, a, b)))


def find(rows: list[list[object]]) -> list[Region] | None:
    """The tables of a sheet when it holds more than one, else None."""
    head = detect_layout(rows[:HEADER_SCAN_ROWS + 5], title_year=False)
    if head is None or len(head.header_rows) != 1:
        return None
    hr = head.header_rows[0]
    idx = sorted(c.index for c in head.cells)
    # side by side: runs of header cells separated by columns empty from the header down
    groups: list[list[int]] = [[idx[0]]]
    for a, b in zip(idx, idx[1:], strict=False):
        gap = range(a + 1, b)
        if gap and all(_empty_col(rows, c, hr, len(rows)) for c in gap):
            groups.append([b])
        else:
            groups[-1].append(b)
    header = rows[hr]
    groups = [g for g in groups if _known([header[c] for c in g]) >= 2]
    if len(groups) > 1 and not all(complete([header[c] for c in g]) for g in groups):
        groups = [[c for g in groups for c in g]]  # a spacer column inside one table
    if not groups:
        return None
    out: list[Region] = []
    for g in groups:  # a table above the best header (Sites above Energy) comes first
        top = next((r for r in range(hr) if _known(rows[r][g[0]:g[-1] + 1]) >= 2), hr)
        out += _stacked(rows, top, g[0], g[-1], 0)
    return out if len(out) > 1 else None


def _stacked(rows, hr, c0, c1, start) -> list[Region]:
    """The tables in columns c0..c1 from header row `hr` down: a run of blank rows followed
    (within 3 rows) by a row of known headers starts the next one."""
    try:  # at C speed: most sheets have no blank in their first column
        distinct = set(map(itemgetter(c0), rows[hr + 1:]))
    except IndexError:
        distinct = {""}
    if not any(is_blank(v) for v in distinct):
        return [Region(hr, c0, c1, start, len(rows))]
    lead = _col(rows, c0, hr + 1, len(rows))
    out = []
    r = hr + 1
    n = len(rows)

    def blank(i: int) -> bool:
        return all(is_blank(v) for v in rows[i][c0:c1 + 1])

    while r < n:
        if not is_blank(lead[r - hr - 1]) or not blank(r):
            r += 1
            continue
        gap_start = r
        while r < n and blank(r):
            r += 1
        nxt = next((k for k in range(r, min(r + 3, n)) if _known(rows[k][c0:c1 + 1]) >= 2), None)
        if nxt is None:
            continue
        out.append(Region(hr, c0, c1, start, gap_start))
        return out + _stacked(rows, nxt, c0, c1, gap_start)
    return [Region(hr, c0, c1, start, n)]


def sub_sheet(sheet, region: Region):
    """`sheet` with every cell outside `region` blank (row and column numbers kept); a title
    or 单位 line alone on its row above the header is the whole sheet's, so kept."""
    c0, c1 = region.first_col, region.last_col
    rows = []
    for i, row in enumerate(sheet.rows):
        if region.start <= i < region.header_row and sum(not is_blank(v) for v in row) == 1:
            rows.append(list(row))
        elif region.start <= i < region.end:
            rows.append([v if c0 <= j <= c1 else "" for j, v in enumerate(row)])
        else:
            rows.append([""] * len(row))
    return replace(sheet, rows=rows, merged=None)


def merge(plans: list, regions: list[Region]):
    """One plan for tables of one kind: their rows, columns and problems together."""
    base = plans[0]
    lay = base.layout
    lay.end = max(p.layout.end for p in plans if p.layout is not None)
    starts = {r.start for r in regions[1:]}
    ignored = [i for p, r in zip(plans, regions, strict=True) if p.layout is not None
               for i in p.layout.ignored if r.start < i.row <= r.end and i.code != "blank"]
    ignored += [i for i in lay.ignored if i.code == "blank" and i.row - 1 not in starts
                and regions[0].start < i.row <= regions[0].end]
    lay.ignored = sorted({(i.row, i.code): i for i in ignored}.values(), key=lambda i: i.row)
    seen = {c.index for c in base.columns}
    for p in plans[1:]:
        base.columns += [c for c in p.columns if c.index not in seen]
        seen |= {c.index for c in p.columns}
        base.problems += p.problems
        base.warnings += p.warnings
    parsed = [p.parsed for p in plans]
    if all(ps is not None for ps in parsed):
        first = parsed[0]
        for ps in parsed[1:]:
            n, m = len(first), len(ps)
            for name in {**first.columns, **ps.columns}:  # a column one table lacks (its meters)
                first.columns[name] = (list(first.columns.get(name) or [None] * n)
                                       + list(ps.columns.get(name) or [None] * m))
            first.row_numbers = list(first.row_numbers) + list(ps.row_numbers)
            first.problems += ps.problems
            first.warnings += ps.warnings
        first._rows = None
    else:
        base.parsed = None
    base.columns.sort(key=lambda c: c.index)
    return base


def _own_kind(plan, sheet, file: str, region: Region, analyse_sheet, kw):
    """With a kind given, a table of the sheet that is not of that kind (as that kind it lacks
    required fields) read as what it is: another table beside, not a problem of this one."""
    from greenledger.core.importing.codes import Skip
    from greenledger.core.importing.plan import ImportOptions

    if plan.parsed is not None or plan.skip not in (Skip.NOT_A_TABLE, Skip.NOT_A_TABLE_NO_YEAR):
        return plan
    own = analyse_sheet(sub_sheet(sheet, region), file,
                        ImportOptions(header_rows=[region.header_row + 1]), **kw)
    return own if own.kind is not None and own.kind != plan.kind and own.parsed is not None else plan


def analyse(sheet, file: str, options, regions: list[Region], analyse_sheet, **kw):
    """The plan of a sheet of several tables: each analysed at its own header row, those of
    the first table's kind merged; the others said (a warning naming their header rows)."""
    from greenledger.core.errors import Problem, coded_reason

    plans = [analyse_sheet(sub_sheet(sheet, r), file,
                           replace(options, header_rows=[r.header_row + 1]), **kw)
             for r in regions]
    if options.kind and any(p.parsed is not None for p in plans):
        plans = [_own_kind(p, sheet, file, r, analyse_sheet, kw) for p, r in zip(plans, regions, strict=True)]
    kind = options.kind or next((p.kind for p in plans if p.kind is not None and p.parsed is not None),
                                None)
    same = [(p, r) for p, r in zip(plans, regions, strict=True) if p.kind == kind]
    others = [(p, r) for p, r in zip(plans, regions, strict=True) if p.kind != kind]
    for p, r in same:
        if p.parsed is None and not p.problems:
            p.problems.append(Problem(file, f"the table with its header in row {r.header_row + 1} "
                                      f"cannot be read: {p.skipped}", sheet.name,
                                      r.header_row + 1, code="sheet_not_mapped"))
    plan = merge([p for p, _ in same], [r for _, r in same]) if same else plans[0]
    taken = {r.header_row for _, r in same}
    beside = [(p, r) for p, r in others if r.header_row in taken]  # --header-row reads ours again
    others = [(p, r) for p, r in others if r.header_row not in taken]
    if beside:
        from greenledger.core.importing.reader import column_letter

        cols = ", ".join(f"{column_letter(r.first_col)}–{column_letter(r.last_col)}" for _, r in beside)
        what = ", ".join(sorted({p.kind.value for p, _ in beside if p.kind} or {"?"}))
        first = next((p.kind.value for p, _ in beside if p.kind), "?")
        params = {"kinds": what, "columns": cols, "kind": first}
        said = Problem(file, coded_reason("another_table_beside", **params), sheet.name,
                       beside[0][1].header_row + 1, code="another_table_beside", params=params)
        plan.warnings.append(said)
        if plan.parsed is not None:  # said by the import too, not by the dry run alone
            plan.parsed.warnings.append(said)
    if others:
        rows = ", ".join(str(r.header_row + 1) for _, r in others)
        what = ", ".join(sorted({p.kind.value for p, _ in others if p.kind} or {"?"}))
        params = {"rows": rows, "kinds": what, "row": str(others[0][1].header_row + 1)}
        plan.warnings.append(Problem(file, coded_reason("another_table", **params), sheet.name,
                                     others[0][1].header_row + 1, code="another_table",
                                     params=params))
    return plan
