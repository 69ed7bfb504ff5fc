"""Problems and the reasons a sheet is not imported, in the window's words: "choose the unit in
the Unit column", "choose what the column is in the Field column" — never the command line's
`--unit`/`--map`/`--kind`, which the window has no place to type. Rendered from a problem's code
and parameters (core.errors.Problem), translated (context ImportHints)."""

from __future__ import annotations


def problem_text(p) -> str:
    """`file › sheet › row N › column: value — reason`, the reason in the window's words."""
    return p.render()


def skipped_text(plan) -> str:
    return plan.skipped or ""
