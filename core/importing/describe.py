"""A plan as text: what `greenledger import --dry-run` prints for a sheet, in the current
language (core.i18n); and NAME=VALUE pairs of the command line's flags."""

from __future__ import annotations

import re
from collections.abc import Callable

from greenledger.core.errors import Problem
from greenledger.core.fields import SHEETS
from greenledger.core.i18n import translate
from greenledger.core.importing import intervals
from greenledger.core.importing.codes import (
    ASIDE_TEXT,
    FOUND_TEXT,
    HINT_TEXT,
    SKIP_TEXT,
    UNIT_FROM_TEXT,
    Aside,
    Hint,
    text,
)
from greenledger.core.importing.layout import Layout
from greenledger.core.importing.plan import SheetPlan
from greenledger.core.importing.reader import column_letter


def _fmt(x: float) -> str:
    return f"{x:,.0f}" if abs(x) >= 100 else f"{x:,.4g}"


def _layout_text(lay: Layout) -> str:
    """Layout.describe() in the current language (the window's words: context ImportAssistant)."""
    rows = lay.header_row_numbers
    head = (translate("ImportAssistant", "header row {0}").format(rows[0]) if len(rows) == 1 else
            translate("ImportAssistant", "header rows {0}–{1} (joined)").format(rows[0], rows[-1]))
    first, last = lay.data_rows
    shape = translate("ImportAssistant", "wide: periods as columns") if lay.wide else \
        translate("ImportAssistant", "long: one row per record")
    return translate("ImportAssistant", "{0}; data rows {1}–{2}; {3}").format(head, first, last, shape)


def _column(plan: SheetPlan, c) -> str:
    """`E Energy`: a column as the sheet has it (for interval columns, where the user sees it)."""
    if plan.intervals is not None:
        return intervals.column_label(plan.intervals, c.index, c.header)
    return f"{c.letter} {c.header}"


def intervals_text(it) -> str:
    """A sheet of interval columns (core.importing.intervals) as the user sees it."""
    days = sorted({k for k, _ in it.cells.values()})
    return translate("ImportAssistant", "header row {0}; days down rows {1}–{2}, {3} intervals of "
                     "{4} minutes across columns {5}–{6}").format(
        it.header_row, days[0] + 1 if days else "?", days[-1] + 1 if days else "?", len(it.run),
        it.step, column_letter(it.run[0]), column_letter(it.run[-1]))


HintText = Callable[[Hint, dict], str]


def neutral_hint(hint: Hint, params: dict) -> str:
    """A hint in core's neutral words (no front end's flags or controls)."""
    return text(HINT_TEXT, hint, params)


def skip_text(plan: SheetPlan, hint_text: HintText = neutral_hint) -> str:
    """Why `plan`'s sheet is not imported, in the current language, with its hint as
    `hint_text` words it (the command line: its flags)."""
    words = text(SKIP_TEXT, plan.skip, plan.skip_args)
    return f"{words}; {hint_text(plan.hint, plan.skip_args)}" if plan.hint else words


def describe(plan: SheetPlan, hint_text: HintText = neutral_hint,
             render: Callable[[Problem], str] = Problem.render) -> str:
    """What a dry run prints for a sheet, in the current language (core.i18n): layout, mapping,
    rows, totals, reconciliations, warnings and problems. `hint_text` words a hint and
    `render` a problem (the command line passes its own, naming its flags)."""
    lines = []
    head = f"{plan.file} › {plan.sheet}"
    if plan.hidden:
        head = translate("DryRun", "{0} (hidden)").format(head)
    if plan.skip and plan.parsed is None:
        return translate("DryRun", "{0}: not imported: {1}").format(head, skip_text(plan, hint_text))
    kind = plan.kind.value if plan.kind else "?"
    how = translate("DryRun", "template") if plan.template else \
        translate("DryRun", "confidence {0}").format(f"{plan.kind_confidence:.2f}")
    lines.append(f"{head}: {kind} ({how})")
    lay = plan.layout
    if lay is not None:
        lines.append("  " + translate("DryRun", "layout: {0}").format(
            intervals_text(plan.intervals) if plan.intervals is not None else _layout_text(lay)))
        for ig in lay.ignored:
            shown = f" ({ig.text[:40]!r})" if ig.text else ""
            ignored = translate("DryRun", "ignored row {0}: {1}").format(ig.row, ig.reason_text)
            lines.append(f"  {ignored}{shown}")
        for unit, where, at in lay.unit_hints:
            place = text(UNIT_FROM_TEXT, where, (at,))
            lines.append("  " + translate("DryRun", "unit stated in {0}: {1}").format(place, unit))
        if lay.year_from:
            year = translate("DryRun", "year of the month headers from {0}: {1}")
            lines.append("  " + year.format(lay.year_from, lay.year))
    lines.append("  " + translate("DryRun", "columns:"))
    periods = [c for c in plan.columns if c.period is not None and c.field]
    for c in plan.columns:
        if c in periods[1:]:
            continue
        if c in periods[:1] and len(periods) > 1:
            last = periods[-1]
            grains = {p.period.grain for p in periods}
            grain = c.period.grain if len(grains) == 1 else "period"
            what = translate("DryRun",
                             "{0}–{1} {2} … {3} → {4} ({5} {6} columns, period from the header").format(
                c.letter, last.letter, c.header, last.header, c.field, len(periods), grain)
        elif c.field:
            what = f"{_column(plan, c)} → {c.field} ({text(FOUND_TEXT, c.found)}"
        else:
            note = text(ASIDE_TEXT, c.aside or Aside.NOT_NEEDED, c.aside_args)
            lines.append(f"    {_column(plan, c)} → " + translate("DryRun", "ignored ({0})").format(note))
            continue
        if c.unit:
            place = text(UNIT_FROM_TEXT, c.unit_source, (c.unit_at,))
            what += ", " + (translate("DryRun", "unit {0} from {1}").format(c.unit, place)
                            if c.unit_source
                            else translate("DryRun", "unit {0}").format(c.unit))
            if c.multiplier != 1.0:
                what += f" ×{c.multiplier:g}"
        conf = translate("DryRun", "confidence {0}").format(f"{c.confidence:.2f}")
        lines.append(f"    {what}, {conf})")
    if plan.options and plan.options.values:
        for k, v in plan.options.values.items():
            lines.append("    " + translate("DryRun", "(every row) {0} = {1}").format(k, v))
    if plan.parsed is not None:
        lines.append("  " + translate("DryRun", "rows: {0}").format(f"{len(plan):,}"))
        units = {f.name: f.stored_unit or "" for f in SHEETS[plan.parsed.kind].fields}
        for name, total in plan.totals().items():
            amount = f"{_fmt(total)} {units.get(name, '')}".rstrip()
            lines.append("  " + translate("DryRun", "total {0}: {1}").format(name, amount))
    for r in plan.reconciliations:
        lines.append("  " + translate("DryRun", "total: {0}").format(r.text()))
    for w in plan.all_warnings:
        lines.append("  " + translate("DryRun", "warning: {0}").format(render(w)))
    for p in plan.checks:  # the sheet's own problems are printed by the refusal
        lines.append("  " + translate("DryRun", "problem: {0}").format(render(p)))
    n = len(plan.all_problems)
    lines.append("  " + (translate("DryRun", "problems: {0}").format(n) if n
                         else translate("DryRun", "problems: none")))
    return "\n".join(lines)


_ASSIGN = re.compile(r"^\s*(?P<k>[^=]+?)\s*=\s*(?P<v>.*?)\s*$")


def parse_pairs(items: list[str] | None, what: str) -> dict[str, str]:
    """`["Plant=site", "Usage=energy"]` -> {"Plant": "site", ...}; ValueError on a bad item."""
    out: dict[str, str] = {}
    for item in items or []:
        m = _ASSIGN.match(item)
        if not m:
            raise ValueError(f"{what} '{item}' is not of the form NAME=VALUE")
        out[m["k"]] = m["v"]
    return out
