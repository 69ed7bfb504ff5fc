"""Problems and the reasons a sheet is not imported, in the window's words: "choose the unit in
the Unit column", "choose what the column is in the Field column" — never the command line's
`--unit`/`--map`/`--kind`, which the window has no place to type. Rendered from a problem's code
and parameters (core.errors.Problem; the hint's code core.importing.codes.Hint, in
`params["hint"]` or implied by the problem's code), translated (context ImportHints). Each hint,
followed in the window, is a choice the dialog offers: Kind, Header row, Year, the Field and Unit
columns, one value for every row, the sheet's tick."""

from __future__ import annotations

import re
from dataclasses import replace

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from greenledger.core.errors import reason_text
from greenledger.core.fields import Kind
from greenledger.gui.import_texts import kind_name

CONTEXT = "ImportHints"

# the reason of a problem whose core text names command-line flags, without its hint
REASONS = {
    "unit_unstated": QT_TRANSLATE_NOOP("ImportHints", "no unit stated for {field}"),
    "measure_unstated": QT_TRANSLATE_NOOP("ImportHints", "nothing says what these period columns hold (no header above them, title or 单位 line names {field} or a unit)"),  # noqa: E501
    "money_title": QT_TRANSLATE_NOOP("ImportHints", "{where} says these figures are money ('{what}'), not {field}"),  # noqa: E501
    "qualified_title": QT_TRANSLATE_NOOP("ImportHints", "row {title_row} says these figures are a saving, target, plan, forecast, last year's, average or other qualified figure ('{what}'), not the {field} itself; if they are the {field} itself"),  # noqa: E501
    "several_measures": QT_TRANSLATE_NOOP("ImportHints", "the period columns sit under several headers ({what})"),  # noqa: E501
    "cumulative_column": QT_TRANSLATE_NOOP("ImportHints", "'{header}' holds cumulative figures (a sum since the start of the year), not each period's own"),  # noqa: E501
    "unread_quantity": QT_TRANSLATE_NOOP("ImportHints", "'{header}' states {unit}, as the {field} field, which no other column gives, but it is not read"),  # noqa: E501
    "unit_conflict": QT_TRANSLATE_NOOP("ImportHints", "the Unit column or a profile says {given} but the sheet says {stated} ({where})"),  # noqa: E501
    "ambiguous_columns": QT_TRANSLATE_NOOP("ImportHints", "{columns} could each be {field}"),
    "another_table": QT_TRANSLATE_NOOP("ImportHints", "the sheet holds other tables ({kinds}, header in row {rows}), not imported with this one"),  # noqa: E501
    "duplicate_kind": QT_TRANSLATE_NOOP("ImportHints", "several sheets hold {kind} rows ({sheets})"),
    "another_table_beside": QT_TRANSLATE_NOOP("ImportHints", "the sheet holds another table beside this one ({kinds}, columns {columns}), not imported with it"),  # noqa: E501
}

HINTS = {  # core.importing.codes.Hint -> what to do in the window
    "name_sheet": QT_TRANSLATE_NOOP("ImportHints", "a hidden sheet: choose its Kind above to import it"),
    "header_row": QT_TRANSLATE_NOOP("ImportHints", "give the header's row number in Header row above, then choose what each column is in the Field column"),  # noqa: E501
    "period_year": QT_TRANSLATE_NOOP("ImportHints", "choose the year of the month headers in Year above"),
    "map_columns": QT_TRANSLATE_NOOP("ImportHints", "choose the Kind above and what each column is in the Field column, or copy the rows into a GreenLedger template"),  # noqa: E501
    "unit": QT_TRANSLATE_NOOP("ImportHints", "choose the unit of {field} in the Unit column (e.g. {unit}), or write it in the header"),  # noqa: E501
    "measure": QT_TRANSLATE_NOOP("ImportHints", "choose what the period columns hold ({field}) in the Field column and their unit in the Unit column"),  # noqa: E501
    "map_one": QT_TRANSLATE_NOOP("ImportHints", "choose {field} in the Field column for the column meant and — ignore — for the others"),  # noqa: E501
    "map_group": QT_TRANSLATE_NOOP("ImportHints", "choose the field of the header to import in the Field column (its period columns follow it)"),  # noqa: E501
    "map_header": QT_TRANSLATE_NOOP("ImportHints", "choose {field} or — ignore — for '{header}' in the Field column"),  # noqa: E501
    "ignore_header": QT_TRANSLATE_NOOP("ImportHints", "import the monthly values (本月, this month) instead, or choose — ignore — for '{header}' in the Field column when the sheet has them"),  # noqa: E501
    "other_table": QT_TRANSLATE_NOOP("ImportHints", "to import the other table, set Header row to {row}"),
    "other_kind": QT_TRANSLATE_NOOP("ImportHints", "to import that table, choose {kind} in Kind above and import the sheet again"),  # noqa: E501
    "one_sheet": QT_TRANSLATE_NOOP("ImportHints", "untick all but one of these sheets in the sheet list, and import the others afterwards"),  # noqa: E501
    "unit_conflict": QT_TRANSLATE_NOOP("ImportHints", "choose {stated} in the Unit column, or correct the sheet"),  # noqa: E501
}

HINT_OF_PROBLEM = {  # as core.importing.codes.HINT_OF_PROBLEM, for problems that carry no hint
    "unit_unstated": "unit", "measure_unstated": "measure", "money_title": "measure",
    "qualified_title": "measure",
    "several_measures": "map_group", "ambiguous_columns": "map_one", "cumulative_column": "ignore_header",
    "unread_quantity": "map_header", "another_table": "other_table", "duplicate_kind": "one_sheet",
    "no_template_sheet": "map_columns", "sheet_not_mapped": "header_row", "unit_conflict": "unit_conflict",
    "another_table_beside": "other_kind",
}

SKIPS = {  # core.importing.codes.Skip -> why a sheet is not imported, and what to do
    "hidden": QT_TRANSLATE_NOOP("ImportHints", "a hidden sheet: choose its Kind above to import it"),
    "no_header": QT_TRANSLATE_NOOP("ImportHints", "no header row found (no known column headers in the first 30 rows): give its row number in Header row above"),  # noqa: E501
    "not_a_table": QT_TRANSLATE_NOOP("ImportHints", "not a table GreenLedger knows; as {kind} it lacks {missing}: choose what the columns are in the Field column, or one value for every row below the mapping"),  # noqa: E501
    "not_a_table_no_year": QT_TRANSLATE_NOOP("ImportHints", "not a table GreenLedger knows; as {kind} it lacks {missing} (its month headers {month} … give no year): choose the year in Year above"),  # noqa: E501
}
_FLAGS = (re.compile(r"\s*[;,]\s*[^;,()]*--[a-z][^;,()]*"),  # a clause naming a command-line flag
          re.compile(r"\s*\([^()]*--[a-z][^()]*\)"),  # (a bracket naming one)
          re.compile(r"[^;:()]*--[a-z][^;()]*"))  # what is left of one
_LACKS = re.compile(r"as (?P<kind>\w+) it lacks (?P<missing>[a-z_, ]+?)"
                    r"(?: \(its month headers (?P<month>.+?) …|$)")


def choices_text(allowed: str) -> str:
    """`grid, wind, solar` as the app's tables show them (电网, 风电, 光伏 in Chinese): the
    values the importer reads in either language."""
    from greenledger.gui.value_labels import CONTEXTS, value_label

    values = [v.strip() for v in allowed.split(",") if v.strip()]
    for field in CONTEXTS:  # the field whose labels these are: the first that knows them all
        shown = [str(value_label(field, v)) for v in values]
        if all(s != v for s, v in zip(shown, values, strict=True)):
            return ", ".join(shown)
    return allowed


def without_flags(text: str) -> str:
    """`text` without its clauses that name a command-line flag (an engine's text that still
    names one; the window says what to do in its own words)."""
    for pattern in _FLAGS:
        if "--" not in text:
            break
        text = pattern.sub("", text)
    return text.strip(" ;,:")


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def _fill(template: str, params: dict) -> str | None:
    try:
        return _tr(template).format(**params)
    except (KeyError, IndexError, ValueError):
        return None


def hint_text(p) -> str:
    """What to do about problem `p` in the window ("" when nothing is to be done here)."""
    params = dict(p.params or {})
    hint = str(params.get("hint") or HINT_OF_PROBLEM.get(p.code) or "")
    template = HINTS.get(hint)
    return (_fill(template, params) or "") if template else ""


_DUPLICATE = re.compile(r"several sheets hold (?P<kind>\w+) rows \((?P<sheets>[^)]*)\)")


def reason(p) -> str:
    """The reason of `p` in the window's words, with what to do about it."""
    params = dict(p.params or {})
    if p.code == "duplicate_kind" and not params and (m := _DUPLICATE.search(p.reason)):
        params = m.groupdict()  # an engine that gives it in words only
    if isinstance(params.get("kind"), str) and params["kind"] in {k.value for k in Kind}:
        params["kind"] = kind_name(Kind(params["kind"]))
    if p.code == "unknown_choice" and isinstance(params.get("allowed"), str):
        params["allowed"] = choices_text(params["allowed"])
        p = replace(p, params=params)
    template = REASONS.get(p.code)
    text = _fill(template, params) if template else None
    if text is None:
        text = reason_text(p)
    hint = hint_text(p)
    if "--" in text:  # a text of the engine's that still names a flag: keep its reason only
        text = without_flags(text)
    return f"{text}: {hint}" if hint else text


def problem_text(p) -> str:
    """`file › sheet › row N › column: value — reason`, the reason in the window's words."""
    from greenledger.core.errors import _show

    parts = [p.file] + ([p.sheet] if p.sheet is not None else [])
    if p.row is not None:
        parts.append(QCoreApplication.translate("Problems", "row {0}").format(p.row))
    where = " › ".join(parts)
    if p.column is not None:
        where += f" › {p.column}"
    if p.column is not None or p.value is not None:
        shown = _show(p.value) or QCoreApplication.translate("Problems", "(blank)")
        return f"{where}: {shown} — {reason(p)}"
    return f"{where} — {reason(p)}"


def skipped_text(plan) -> str:
    """Why a sheet is not imported, with what to do in the window."""
    skip = str(getattr(plan, "skip", None) or "")
    args = dict(getattr(plan, "skip_args", None) or {})
    words = plan.skipped or ""
    if not skip:  # an engine that says it in words only
        if words.startswith("hidden sheet"):
            skip = "hidden"
        elif words.startswith("no header row found"):
            skip = "no_header"
        elif (m := _LACKS.search(words)) is not None:
            skip = "not_a_table_no_year" if m["month"] else "not_a_table"
            args = {k: v for k, v in m.groupdict().items() if v}
    if plan.kind is not None and "missing" in args:  # the fields as the tables name them
        from greenledger.gui.import_texts import field_label

        args["kind"] = kind_name(plan.kind)
        args["missing"] = ", ".join(field_label(plan.kind, n.strip())
                                    for n in str(args["missing"]).split(","))
    template = SKIPS.get(skip)
    text = _fill(template, args) if template else None
    if text is None and skip:  # a skip the window has no words of its own for: core's, and
        text = _skip_words(plan, args)  # what to do in the window's
    if text is None:
        text = without_flags(words)
    return text


def _skip_words(plan, args: dict) -> str | None:
    from greenledger.core.importing import codes

    try:
        text = codes.text(codes.SKIP_TEXT, codes.Skip(str(plan.skip)), args)
    except (KeyError, IndexError, ValueError):
        return None
    hint = HINTS.get(str(getattr(plan, "hint", None) or ""))
    filled = _fill(hint, args) if hint else None
    return f"{text}: {filled}" if filled else text
