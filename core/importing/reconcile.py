"""Reconciling what is imported with the sheet's own totals (issue 13 §2).

A totals row (`合计`, `总计`, `小计`, `Total`, `Zhangbei 小计`, …) is not imported, but it is a
check: in each imported numeric column (each period column of a wide sheet) the rows imported
above it must add up to it within the sheet's rounding. A subtotal covers the rows since the
previous totals row; one that does not match them may cover the rows since an earlier totals
row (an outer subtotal of a pivot over its inner ones) or every row above it (a grand total).
A totals column (`合计`, `全年合计`, `Total` beside the months; a year or quarter column over
its months) must equal the sum of its row's period cells. A difference
refuses the import, naming the total's cell, the sum imported and the difference; `--dry-run`
and the import assistant window show each reconciliation:

    row 15 合计 10,353.68 万kWh = 103,536,800 kWh imported ✓

Rounding: a total matches when it differs by at most half a unit of its own last decimal place
(or, when the parts are written with fewer decimals than the total, half a unit of theirs times
their number), in the sheet's unit, plus 1e-9 of the total for binary fractions.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from datetime import date

from greenledger.core.errors import REASON_TEMPLATES, Problem
from greenledger.core.fields import SHEETS, norm
from greenledger.core.i18n import QT_TRANSLATE_NOOP, translate
from greenledger.core.importing.codes import TOTAL_ASIDES, Aside
from greenledger.core.importing.mapping import split_unit
from greenledger.core.importing.reader import SheetData, column_letter
from greenledger.core.importing.values import CellError, is_blank, parse_number

SUMMED = ("energy", "orders", "distance", "emissions", "quantity", "activity", "reduction")
"""Fields whose column a totals row sums (percentages and factors are not sums)."""

REASON_TEMPLATES.update({
    "total_mismatch": QT_TRANSLATE_NOOP("Problems", "the sheet's total {label} in {cell} is {written} = {total} {unit}, but the rows imported ({rows}) add up to {imported} {unit}, a difference of {diff} {unit}; correct the rows or the total"),  # noqa: E501
})


@dataclass(frozen=True, slots=True)
class Reconciliation:
    """One total of the sheet against what is imported (stored units)."""

    where: str  # "row 15" or "column P"
    cell: str  # "C15" (a totals column: its letter and the number of rows checked)
    label: str  # 合计, Zhangbei 小计, 全年合计
    field: str
    written: str  # the total as the sheet writes it, with its unit (10,353.68 万kWh)
    total: float
    imported: float
    unit: str  # the stored unit
    count: int  # imported values (rows) it covers
    ok: bool
    summary: bool = False  # a totals column: every row of it matched (`count` rows)
    across: bool = False  # the summary of a totals row of a transposed sheet (`count` columns)

    @property
    def diff(self) -> float:
        return self.imported - self.total

    def text(self) -> str:
        """`row 15 合计 10,353.68 万kWh = 103,536,800 kWh imported ✓` (in the current language)."""
        what, _, n = self.where.partition(" ")
        where = (translate("Problems", "row {0}") if what == "row"
                 else translate("Reconcile", "column {0}")).format(n)
        if self.summary and self.across:
            return translate("Reconcile", "{0} {1}: {2} columns = the sum of their period cells ✓").format(
                where, self.label, self.count)
        if self.summary:
            return translate("Reconcile", "{0} {1}: {2} rows = the sum of their period cells ✓").format(
                where, self.label, self.count)
        if self.ok:
            return translate("Reconcile", "{0} {1} {2} = {3} {4} imported ✓").format(
                where, self.label, self.written, _fmt(self.imported), self.unit)
        return translate("Reconcile", "{0} {1} {2}: {3} {4} imported ✗ (differs by {5} {4})").format(
            where, self.label, self.written, _fmt(self.imported), self.unit, _fmt(self.diff))


def _fmt(x: float) -> str:
    if abs(x) >= 100 or x == int(x):
        return f"{x:,.0f}"
    return f"{x:,.6g}"


def _decimals(x: float) -> int:
    text = f"{abs(x):.12g}"
    if "e" in text:
        mant, exp = text.split("e")
        return max(0, len(mant.split(".")[1]) if "." in mant else 0) - int(exp)
    return len(text.split(".")[1]) if "." in text else 0


def _written(raw: object, value: float, unit: str | None) -> str:
    if isinstance(raw, str):
        text = raw.strip()
    else:
        d = min(_decimals(value), 6)
        text = f"{value:,.{d}f}"
    return f"{text} {unit}".strip() if unit else text


def _matches(total: float, parts: list[float], mult: float, written: float) -> bool:
    d_parts = max((_decimals(p / mult) for p in parts), default=0) if mult else 0
    return _within(total, sum(parts), len(parts), d_parts, mult, written)


def _within(total: float, imported: float, n: int, d_parts: int, mult: float,
            written: float) -> bool:
    d_total = _decimals(written)
    tol = 0.5 * 10.0 ** -d_total  # the total rounded to its own last place
    if d_parts < d_total:  # parts rounded more coarsely than the total: their rounding adds up
        tol = max(tol, n * 0.5 * 10.0 ** -d_parts)
    tol *= abs(mult)
    return abs(imported - total) <= tol + 1e-9 * abs(total)


_TOTAL_WORDS = {"合计", "总计", "小计", "合計", "總計", "汇总", "total", "totals", "sum", "grandtotal"}
_TOTAL_LEAD = re.compile(r"^(?:\d{4}年?|全年度?|年度|全年|year|annual|yearly|grand|fy\d{2,4})+")


def is_total_header(header: str) -> bool:
    """A column header that is only a total: `合计`, `全年合计`, `2023年合计`, `Total`, `Year
    total`, `合计（万千瓦时）`; not `Total CO2e, t` (a quantity that says total)."""
    name = norm(split_unit(header)[0])
    return _TOTAL_LEAD.sub("", name) in _TOTAL_WORDS


def _units_in_cells(sheet: SheetData, col: int, lo: int, hi: int) -> bool:
    """Whether a cell of column `col` in Excel rows lo..hi is text with a unit or magnitude in
    it (`925,411 kWh`, `12.5万`): its column's multiplier is no guide to a bare total."""
    for row in sheet.rows[lo - 1:hi]:
        v = row[col] if col < len(row) else None
        if type(v) is str and any(ch.isalpha() for ch in v):
            return True
    return False


def _number(raw: object) -> float | None:
    if is_blank(raw) or isinstance(raw, bool):
        return None
    try:
        return parse_number(raw)
    except CellError:
        return None  # a total we cannot read stores nothing: no check (e.g. `见附表`)


def apply_to_plan(plan, sheet: SheetData) -> None:
    """Reconcile a plan's parsed rows with its sheet's totals: `plan.reconciliations` lists
    them all, and each difference joins `plan.problems` and `plan.parsed.problems` (so it
    refuses the import)."""
    recs, problems = reconcile(plan, sheet)
    plan.reconciliations = recs
    if plan.parsed is not None and problems:
        plan.parsed.problems += problems
        plan.problems += problems


def reconcile(plan, sheet: SheetData) -> tuple[list[Reconciliation], list[Problem]]:
    """Every total of `plan`'s sheet (rows and columns) against the rows it imports."""
    parsed, layout = plan.parsed, plan.layout
    if parsed is None or layout is None or not len(parsed):
        return [], []
    if any(c.aside == Aside.UNIT_COLUMN for c in plan.columns):
        return [], []  # each row in its own unit (a Unit column): the sheet's sum mixes them
    out: list[Reconciliation] = []
    problems: list[Problem] = []
    _total_rows(plan, sheet, out, problems)
    if layout.wide:
        _total_columns(plan, sheet, out, problems)
    return out, problems


def _series(plan) -> list[tuple[object, str, list[int], list[float | None]]]:
    """(column plan, field, Excel rows, values) per imported numeric column, rows sorted."""
    parsed = plan.parsed
    cols = parsed.columns
    out = []
    if plan.layout.wide:
        for c in plan.columns:
            if c.period is None or not c.field or c.field not in SUMMED:
                continue
            rows, vals = [], []
            for r, a, b, v in zip(parsed.row_numbers, cols["period_start"], cols["period_end"],
                                  cols[c.field], strict=True):
                if a == c.period.start and b == c.period.end and v is not None:
                    rows.append(r)
                    vals.append(v)
            out.append((c, c.field, rows, vals))
        return out
    rows = parsed.row_numbers
    if any(b < a for a, b in zip(rows, rows[1:], strict=False)):
        return []  # not in sheet order: no range to speak of
    for c in plan.columns:
        if c.field in SUMMED and c.period is None and c.field in cols:
            if c.field == "quantity" and len({u for u in cols.get("unit", []) if u}) > 1:
                continue  # kg and t in one column: a sheet's total of it is no sum of ours
            out.append((c, c.field, rows, cols[c.field]))
    return out


def _total_rows(plan, sheet: SheetData, out: list, problems: list) -> None:
    totals = sorted({i.row for i in plan.layout.ignored if i.code == "total"})
    if not totals:
        return
    labels = {i.row: i.text for i in plan.layout.ignored if i.code == "total"}
    first = plan.layout.first_data + 1  # Excel row of the first data row
    units = {f.name: f.stored_unit or "" for f in SHEETS[plan.kind].fields}
    series = _series(plan)
    bad: dict[str, list[int]] = {}  # a column's rows with a bad cell: its total waits for them
    for p in (*plan.problems, *plan.parsed.problems):
        if p.row and p.column:
            bad.setdefault(p.column, []).append(p.row)
    hidden = [i.row for i in plan.layout.ignored if i.code == "hidden"]  # --skip-hidden
    sums = []  # per column: running sums and counts of its values, and their decimals
    for c, field_name, rows, vals in series:
        cum, cnt = [0.0], [0]
        for v in vals:
            cum.append(cum[-1] + (v if v is not None else 0.0))
            cnt.append(cnt[-1] + (v is not None))
        mult = c.multiplier or 1.0
        d_parts = max((_decimals(v / mult) for v in vals[:5000] if v is not None), default=0)
        sums.append((c, field_name, rows, cum, cnt, d_parts))
    for k, t in enumerate(totals):
        cells = sheet.rows[t - 1] if t - 1 < len(sheet.rows) else []
        # the rows since the previous totals row (a subtotal), else since an earlier one (an
        # outer subtotal of a pivot, over its inner ones), else all above (a grand total)
        starts = [totals[j] + 1 for j in range(k - 1, max(-1, k - 51), -1)] + [first]
        for c, field_name, rows, cum, cnt, d_parts in sums:
            raw = cells[c.index] if c.index < len(cells) else None
            written = _number(raw)
            if written is None:
                continue
            mult = c.multiplier or 1.0
            total = written * mult
            lo0, hi0 = starts[0], t - 1
            if any(lo0 <= r <= hi0 for r in (*bad.get(c.label, ()), *hidden)):
                continue  # a bad cell is refused by itself; hidden rows were left out as asked
            if not isinstance(raw, str) and _units_in_cells(sheet, c.index, lo0, hi0):
                continue  # cells that state their own units (1,479 MWh) over a bare total
            tried = []
            j = bisect_right(rows, t - 1)
            for lo in starts:
                i = bisect_left(rows, lo)
                n = cnt[j] - cnt[i]
                if n:
                    imported = cum[j] - cum[i]
                    tried.append((imported, n, _within(total, imported, n, d_parts, mult,
                                                       written)))
            if not tried:
                continue
            imported, n, ok = next((x for x in tried if x[2]), tried[0])
            label = labels.get(t, "")
            if plan.layout.wide:
                label = f"{label} · {c.header}"
            rec = Reconciliation(f"row {t}", f"{column_letter(c.index)}{t}", label, field_name,
                                 _written(raw, written, c.unit), total, imported,
                                 units.get(field_name, ""), n, ok)
            out.append(rec)
            if not ok:
                problems.append(_problem(plan, t, c, raw, rec))


def _total_columns(plan, sheet: SheetData, out: list, problems: list) -> None:
    period_cols = [c for c in plan.columns if c.period is not None and c.field in SUMMED]
    if not period_cols:
        return
    series = {id(c): (rows, vals) for c, _, rows, vals in _series(plan)}
    per_row: dict[int, list[tuple[object, float]]] = {}
    for c in period_cols:
        rows, vals = series.get(id(c), ([], []))
        for r, v in zip(rows, vals, strict=True):
            per_row.setdefault(r, []).append((c, v))
    field_name = period_cols[0].field
    unit = next((f.stored_unit or "" for f in SHEETS[plan.kind].fields if f.name == field_name), "")
    for tc in plan.columns:
        if tc.field:
            continue
        if tc.period is not None:  # a quarter or year column set aside as its months' total
            if tc.aside not in TOTAL_ASIDES.values():
                continue  # money, a second column for a month, another measure: no total
            covered = sorted((c for c in period_cols if tc.period.start <= c.period.start
                              and c.period.end <= tc.period.end), key=lambda c: c.period.start)
            if not _tile(tc.period, [c.period for c in covered]):
                continue  # 2023年 beside January to March only: the sheet lacks the other months
        elif is_total_header(tc.header):
            covered = period_cols
        else:
            continue
        mults = {c.multiplier for c in covered}
        if not covered or len(mults) != 1:
            continue
        mult = mults.pop() or 1.0
        checked = 0
        bad = 0
        for r, items in sorted(per_row.items()):
            cells = sheet.rows[r - 1]
            raw = cells[tc.index] if tc.index < len(cells) else None
            written = _number(raw)
            if written is None:
                continue
            parts = [v for c, v in items if c in covered]
            if not parts:
                continue
            checked += 1
            total = written * mult
            if not _matches(total, parts, mult, written):
                bad += 1
                rec = Reconciliation(f"row {r}", f"{column_letter(tc.index)}{r}", tc.header,
                                     field_name, _written(raw, written, covered[0].unit), total,
                                     sum(parts), unit, len(parts), False)
                out.append(rec)
                problems.append(_problem(plan, r, tc, raw, rec))
        if checked and not bad:
            out.append(Reconciliation(f"column {tc.letter}", tc.letter, tc.header, field_name, "",
                                      0.0, 0.0, unit, checked, True, summary=True))




def _tile(period, parts) -> bool:
    """Whether `parts` (sorted) cover every day of `period` exactly once."""
    day = period.start
    for p in parts:
        if p.start != day:
            return False
        day = date.fromordinal(p.end.toordinal() + 1)
    return day == date.fromordinal(period.end.toordinal() + 1)


def _problem(plan, row: int, col, raw: object, rec: Reconciliation) -> Problem:
    params = {"label": rec.label, "cell": rec.cell, "written": rec.written, "total": _fmt(rec.total),
              "unit": rec.unit, "rows": rec.count, "imported": _fmt(rec.imported),
              "diff": _fmt(rec.diff)}
    return Problem(plan.file, REASON_TEMPLATES["total_mismatch"].format(**params), plan.sheet, row,
                   col.label, raw, code="total_mismatch", params=params)
