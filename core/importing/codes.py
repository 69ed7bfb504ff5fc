"""The import engine's state as codes, not prose (issue 12 §1): how a column's field, unit or
measure was found, why a column or a sheet is not imported, and the hint that goes with a
problem. Each code has its English text here (marked for translation, context
ImportAssistant); a front end renders it in its own words where it has them (the command line
names its flags, the window its controls: see `hint_text` and gui/cli_hints.py).

    Found     how a column's field was found (ColumnPlan.found)
    UnitFrom  where a column's unit was stated (ColumnPlan.unit_source, .unit_at)
    Measure   how a wide sheet's period columns' field was found (columns.Mapped.measure_how)
    Aside     why a column is not imported (ColumnPlan.aside, .aside_args)
    Skip      why a sheet is not imported (SheetPlan.skip, .skip_args)
    Hint      what the user can do about a refusal (SheetPlan.hint; Problem.params["hint"])
"""

from __future__ import annotations

import re
from enum import StrEnum

from greenledger.core.errors import PARAM_LOCALISERS, REASON_PARSERS, REASON_TEMPLATES
from greenledger.core.i18n import QT_TRANSLATE_NOOP, translate

CONTEXT = "ImportAssistant"


class Found(StrEnum):
    """How a column's field was found."""

    TEMPLATE = "template"  # the template's own header
    SYNONYM = "synonym"  # a known header or synonym
    SYNONYM_UNIT = "synonym_unit"  # a synonym followed by a unit (`用电量kWh`)
    UNIT_HEADER = "unit_header"  # the header is a unit (`kWh`)
    PARTIAL = "partial"  # some of the header's words
    EXPLICIT = "explicit"  # the user's mapping (a flag, the window or a profile)
    PERIOD = "period"  # a period header (`2023-01`)
    PERIOD_YEAR_TITLE = "period_year_title"  # a month header; its year from the title
    PERIOD_YEAR_GIVEN = "period_year_given"  # a month header; its year given by the user


class UnitFrom(StrEnum):
    """Where a column's unit was stated (`unit_at` says which row, cell or column)."""

    HEADER = "header"
    UNITS_ROW = "units_row"
    OPTION = "option"  # given by the user
    ROW = "row"  # a title or 单位 line: unit_at is its row number
    HEADER_CELL = "header_cell"  # a header cell that is only the unit: unit_at is its text
    SHEET_NAME = "sheet_name"
    UNIT_COLUMN = "unit_column"  # each row's own unit, in a Unit column: unit_at is its label
    CELLS = "cells"  # each cell's own unit (`925,411 kWh`)


class Measure(StrEnum):
    """How the field of a wide sheet's period columns was found."""

    OPTION = "option"
    MAP = "map"  # a period header mapped by the user
    HEADER = "header"  # the header above them
    TITLE = "title"  # a title or 单位 line naming the measure
    UNIT = "unit"  # a unit stated for them
    GUESS = "guess"  # nothing says: the kind's usual measure


class Aside(StrEnum):
    """Why a column is not imported (`aside_args` fill the text's {0}, {1})."""

    NOT_NEEDED = "not_needed"
    IGNORED = "ignored"
    HIDDEN = "hidden"
    MONEY = "money"
    UNDER = "under"  # under a header not imported: (group,)
    UNDER_OTHER = "under_other"  # (group, the imported group)
    UNDER_NONE = "under_none"  # (the imported group,)
    UNCLEAR_MEASURE = "unclear_measure"
    QUARTER_TOTAL = "quarter_total"
    YEAR_TOTAL = "year_total"
    YEAR_OF_QUARTERS = "year_of_quarters"
    SECOND_PERIOD = "second_period"  # (period,)
    UNIT_COLUMN = "unit_column"  # the unit of each row's figure
    METER = "meter"  # each row's meter: a site's rows of one period summed over it
    CAMPAIGN_DATES = "campaign_dates"  # checked against the campaign
    QUALIFIED = "qualified"  # not the total: a saving, target, cancelled orders, 同比 …
    OTHER = "other"  # a text set by a stage that has no code yet: (text,)


class Skip(StrEnum):
    """Why a sheet is not imported (`skip_args` fill the text)."""

    HIDDEN = "hidden"
    NO_HEADER = "no_header"
    NOT_A_TABLE = "not_a_table"  # {kind}, {missing}
    NOT_A_TABLE_NO_YEAR = "not_a_table_no_year"  # {kind}, {missing}, {month}
    NOT_A_TABLE_QUALIFIED = "not_a_table_qualified"  # {kind}, {missing}, {header}


class Hint(StrEnum):
    """What the user can do about a refusal. The neutral text is core's; the command line
    names its flags, the window its controls (gui/cli_hints.py, the import dialog)."""

    NAME_SHEET = "name_sheet"  # a hidden sheet: name it to import it
    HEADER_ROW = "header_row"  # say the header's row and map the columns
    PERIOD_YEAR = "period_year"  # say the year of month headers: {}
    MAP_COLUMNS = "map_columns"  # say the kind and map the columns (or use the template)
    UNIT = "unit"  # say the unit of {field} (e.g. {unit})
    MEASURE = "measure"  # say what the period columns hold ({field}) and their unit
    MAP_ONE = "map_one"  # map the header meant to {field}, the others to ignore
    MAP_GROUP = "map_group"  # map the header over the period columns to import
    MAP_HEADER = "map_header"  # map {header} to {field} or to ignore
    IGNORE_HEADER = "ignore_header"  # leave {header} out
    OTHER_TABLE = "other_table"  # read the table whose header is in row {row}
    OTHER_KIND = "other_kind"  # read the table beside this one, of kind {kind}
    ONE_SHEET = "one_sheet"  # import the sheets one at a time
    UNIT_CONFLICT = "unit_conflict"  # told {given}, the sheet says {stated}: the sheet's wins


FOUND_TEXT = {
    Found.TEMPLATE: QT_TRANSLATE_NOOP("ImportAssistant", "template header"),
    Found.SYNONYM: QT_TRANSLATE_NOOP("ImportAssistant", "synonym"),
    Found.SYNONYM_UNIT: QT_TRANSLATE_NOOP("ImportAssistant", "synonym + unit"),
    Found.UNIT_HEADER: QT_TRANSLATE_NOOP("ImportAssistant", "unit header"),
    Found.PARTIAL: QT_TRANSLATE_NOOP("ImportAssistant", "partial"),
    Found.EXPLICIT: QT_TRANSLATE_NOOP("ImportAssistant", "explicit"),
    Found.PERIOD: QT_TRANSLATE_NOOP("ImportAssistant", "period header"),
    Found.PERIOD_YEAR_TITLE: QT_TRANSLATE_NOOP("ImportAssistant", "period header + year from the title"),
    Found.PERIOD_YEAR_GIVEN: QT_TRANSLATE_NOOP("ImportAssistant", "period header + the year given"),
}

UNIT_FROM_TEXT = {
    UnitFrom.HEADER: QT_TRANSLATE_NOOP("ImportAssistant", "header"),
    UnitFrom.UNITS_ROW: QT_TRANSLATE_NOOP("ImportAssistant", "units row"),
    UnitFrom.OPTION: QT_TRANSLATE_NOOP("ImportAssistant", "option"),
    UnitFrom.ROW: QT_TRANSLATE_NOOP("ImportAssistant", "row {0}"),
    UnitFrom.HEADER_CELL: QT_TRANSLATE_NOOP("ImportAssistant", "header cell '{0}'"),
    UnitFrom.SHEET_NAME: QT_TRANSLATE_NOOP("ImportAssistant", "the sheet name"),
    UnitFrom.UNIT_COLUMN: QT_TRANSLATE_NOOP("ImportAssistant", "the unit column {0}"),
    UnitFrom.CELLS: QT_TRANSLATE_NOOP("ImportAssistant", "its cells"),
}

ASIDE_TEXT = {
    Aside.NOT_NEEDED: QT_TRANSLATE_NOOP("ImportAssistant", "not needed"),
    Aside.IGNORED: QT_TRANSLATE_NOOP("ImportAssistant", "ignored as asked"),
    Aside.HIDDEN: QT_TRANSLATE_NOOP("ImportAssistant", "hidden in Excel"),
    Aside.MONEY: QT_TRANSLATE_NOOP("ImportAssistant", "money, not a quantity"),
    Aside.UNDER: QT_TRANSLATE_NOOP("ImportAssistant", "under '{0}'"),
    Aside.UNDER_OTHER: QT_TRANSLATE_NOOP("ImportAssistant", "under '{0}'; the imported columns are under '{1}'"),  # noqa: E501
    Aside.UNDER_NONE: QT_TRANSLATE_NOOP("ImportAssistant", "under no header; the imported columns are under '{0}'"),  # noqa: E501
    Aside.UNCLEAR_MEASURE: QT_TRANSLATE_NOOP("ImportAssistant", "period column of an unclear measure"),
    Aside.QUARTER_TOTAL: QT_TRANSLATE_NOOP("ImportAssistant", "a quarter over the month columns (their total)"),  # noqa: E501
    Aside.YEAR_TOTAL: QT_TRANSLATE_NOOP("ImportAssistant", "a year over the month columns (their total)"),
    Aside.YEAR_OF_QUARTERS: QT_TRANSLATE_NOOP("ImportAssistant", "a year over the quarter columns (their total)"),  # noqa: E501
    Aside.SECOND_PERIOD: QT_TRANSLATE_NOOP("ImportAssistant", "a second column for {0}"),
    Aside.UNIT_COLUMN: QT_TRANSLATE_NOOP("ImportAssistant", "the unit of each row's figure"),
    Aside.METER: QT_TRANSLATE_NOOP("ImportAssistant", "each row's meter: a site's rows of one period are summed over it"),  # noqa: E501
    Aside.CAMPAIGN_DATES: QT_TRANSLATE_NOOP("ImportAssistant", "the campaign's dates (checked against the campaign)"),  # noqa: E501
    Aside.QUALIFIED: QT_TRANSLATE_NOOP("ImportAssistant", "a saving, target, forecast, last year's, average, per-order, cancelled, returned or year-on-year figure (or a rate, reading or export), not the total itself"),  # noqa: E501
    Aside.OTHER: "{0}",
}

TOTAL_ASIDES = {("quarter", "month"): Aside.QUARTER_TOTAL, ("year", "month"): Aside.YEAR_TOTAL,
                ("year", "quarter"): Aside.YEAR_OF_QUARTERS}
"""A period column over finer ones beside it (their total), by (its grain, theirs)."""

SKIP_TEXT = {
    Skip.HIDDEN: QT_TRANSLATE_NOOP("ImportAssistant", "hidden sheet"),
    Skip.NO_HEADER: QT_TRANSLATE_NOOP("ImportAssistant", "no header row found (no known column headers in the first 30 rows)"),  # noqa: E501
    Skip.NOT_A_TABLE: QT_TRANSLATE_NOOP("ImportAssistant", "not a table GreenLedger knows; as {kind} it lacks {missing}"),  # noqa: E501
    Skip.NOT_A_TABLE_NO_YEAR: QT_TRANSLATE_NOOP("ImportAssistant", "not a table GreenLedger knows; as {kind} it lacks {missing} (its month headers {month} … give no year)"),  # noqa: E501
    Skip.NOT_A_TABLE_QUALIFIED: QT_TRANSLATE_NOOP("ImportAssistant", "not a table GreenLedger knows; as {kind} it lacks {missing} ('{header}' is a saving, target, forecast, last year's, average, per-order, cancelled, returned or year-on-year figure (or a rate, reading or export), not the total itself)"),  # noqa: E501
}

HINT_TEXT = {  # neutral: no front end's flags or controls
    Hint.NAME_SHEET: QT_TRANSLATE_NOOP("ImportAssistant", "name the sheet to import it"),
    Hint.HEADER_ROW: QT_TRANSLATE_NOOP("ImportAssistant", "give the header's row number and map the columns"),
    Hint.PERIOD_YEAR: QT_TRANSLATE_NOOP("ImportAssistant", "give the year of the month headers"),
    Hint.MAP_COLUMNS: QT_TRANSLATE_NOOP("ImportAssistant", "choose the kind of rows and map the columns, or write a template"),  # noqa: E501
    Hint.UNIT: QT_TRANSLATE_NOOP("ImportAssistant", "give the unit of {field} (e.g. {unit})"),
    Hint.MEASURE: QT_TRANSLATE_NOOP("ImportAssistant", "say what the period columns hold ({field}) and their unit"),  # noqa: E501
    Hint.MAP_ONE: QT_TRANSLATE_NOOP("ImportAssistant", "map the column meant to {field} and the others to ignore"),  # noqa: E501
    Hint.MAP_GROUP: QT_TRANSLATE_NOOP("ImportAssistant", "map the header over the period columns to import to its field"),  # noqa: E501
    Hint.MAP_HEADER: QT_TRANSLATE_NOOP("ImportAssistant", "map '{header}' to {field}, or to ignore"),
    Hint.IGNORE_HEADER: QT_TRANSLATE_NOOP("ImportAssistant", "leave '{header}' out (map it to ignore)"),
    Hint.OTHER_TABLE: QT_TRANSLATE_NOOP("ImportAssistant", "read the other table at its header row {row}"),
    Hint.OTHER_KIND: QT_TRANSLATE_NOOP("ImportAssistant", "import the sheet again as {kind} rows to read that table"),  # noqa: E501
    Hint.ONE_SHEET: QT_TRANSLATE_NOOP("ImportAssistant", "import the sheets one at a time"),
    # the tail of the unit_conflict reason (core.errors), so that a front end can put its own
    # words in its place: which one to drop is the front end's to say (the sheet's wins)
    Hint.UNIT_CONFLICT: QT_TRANSLATE_NOOP("ImportAssistant", "drop one"),
}

HINT_OF_PROBLEM: dict[str, Hint] = {
    "unit_unstated": Hint.UNIT,
    "measure_unstated": Hint.MEASURE,
    "money_title": Hint.MEASURE,
    "qualified_title": Hint.MEASURE,
    "several_measures": Hint.MAP_GROUP,
    "ambiguous_columns": Hint.MAP_ONE,
    "cumulative_column": Hint.IGNORE_HEADER,
    "unread_quantity": Hint.MAP_HEADER,
    "another_table": Hint.OTHER_TABLE,
    "another_table_beside": Hint.OTHER_KIND,
    "duplicate_kind": Hint.ONE_SHEET,
    "no_template_sheet": Hint.MAP_COLUMNS,
    "unit_conflict": Hint.UNIT_CONFLICT,
}
"""The hint of a problem by its code, where the problem's params fill the hint's own."""


def _fill(template: str, args: tuple | dict) -> str:
    if isinstance(args, dict):
        return template.format(**args) if args else template
    return template.format(*args) if args else template


def english(table: dict, code: StrEnum | None, args: tuple | dict = ()) -> str:
    """The English text of `code` from `table`, filled from `args` ("" for no code)."""
    return _fill(table[code], args) if code is not None else ""


def text(table: dict, code: StrEnum | None, args: tuple | dict = ()) -> str:
    """The text of `code` in the current language (core.i18n), filled from `args`."""
    return _fill(translate(CONTEXT, table[code]), args) if code is not None else ""


def hint_of(problem) -> tuple[Hint | None, dict]:
    """A problem's hint code and the params that fill it (None when it has none)."""
    hint = problem.params.get("hint") if problem.params else None
    hint = Hint(hint) if hint else HINT_OF_PROBLEM.get(problem.code)
    return hint, dict(problem.params or {})


def hint_text(problem) -> str:
    """A problem's hint in neutral words, in the current language ("" when it has none)."""
    hint, params = hint_of(problem)
    if hint is None:
        return ""
    from greenledger.core.errors import localised

    try:  # its fields and kinds as the reason says them (core.errors.reason_text)
        return text(HINT_TEXT, hint, localised(params))
    except (KeyError, IndexError):  # a problem without the hint's params
        return ""


# --- reasons some stages still give in words: read back, so they are translated too ---------

_ARG_RX = {"kind": r"\w+", "missing": r"[a-z_]+(?:, [a-z_]+)*"}


def _skip_rx(skip: Skip) -> str:
    parts = re.split(r"\{(\w+)\}", re.escape(SKIP_TEXT[skip]).replace(r"\{", "{").replace(r"\}", "}"))
    return "".join(p if i % 2 == 0 else f"(?P<{p}__{skip.value}>{_ARG_RX.get(p, '.+?')})"
                   for i, p in enumerate(parts))


_SKIPS_BY_LENGTH = sorted((s for s in Skip if "{" in SKIP_TEXT[s]), key=lambda s: -len(SKIP_TEXT[s]))
_SHEET_SKIP = re.compile(r"(?P<sheet>[^;]+?): (?:" + "|".join(
    f"(?P<s__{s.value}>{_skip_rx(s)})" for s in _SKIPS_BY_LENGTH) + r")(?=; |$)")
_NO_TABLE = re.compile(r"^no sheet has a table GreenLedger recognises(?: \((?P<reasons>.*)\))? or the "
                       r"template's headers; (?P<hint>.*)$", re.DOTALL)
REASON_TEMPLATES.setdefault("no_template_sheet", QT_TRANSLATE_NOOP("Problems", "no sheet has a table GreenLedger recognises ({reasons}) or the template's headers; {hint}"))  # noqa: E501
REASON_TEMPLATES.setdefault("no_template_sheet_bare", QT_TRANSLATE_NOOP("Problems", "no sheet has a table GreenLedger recognises or the template's headers; {hint}"))  # noqa: E501


_FIELD_PARAMS = ("field", "fields", "missing", "total_field")


def _localise_params(params: dict, out: dict) -> dict:
    """A problem's field names (电量 for energy) and kinds (能源) in the current language."""
    from greenledger.core.fields import SHEETS, Kind

    kinds = {k.value: k for k in Kind}
    kind = kinds.get(str(params.get("kind") or ""))
    for name, value in params.items():
        if not isinstance(value, str):
            continue
        if name in ("kind", "kinds"):
            out[name] = ", ".join(translate("Kinds", v) if v in kinds else v for v in value.split(", "))
        elif name in _FIELD_PARAMS:
            out[name] = ", ".join(_field_label(kind, v.strip(), SHEETS) for v in value.split(","))
    return out


def _field_label(kind, name: str, sheets) -> str:
    """A field's name as the tables head it in the current language (电量 for energy), or
    the name itself when no kind has it."""
    from greenledger.core.fields import HEADER_UNITS_BY_FIELD

    def header_text(f) -> str:  # as core.editing.header_text (not imported: a cycle)
        unit = HEADER_UNITS_BY_FIELD.get(f.name) if f.dimension else None
        return f"{f.header} ({unit})" if unit else f.header

    specs = [sheets[kind]] if kind in sheets else []
    for spec in [*specs, *sheets.values()]:
        f = next((f for f in spec.fields if f.name == name), None)
        if f is not None:
            label = translate("Columns", header_text(f))
            if label == header_text(f):
                label = translate("Columns", f.header)
            return re.sub(r"\s*[（(][^（()）]*[)）]\s*$", "", label) or name
    return name


def _skip_reason(reason: str, params: dict) -> str | None:
    """A sheet that cannot be read (sheet_not_mapped): why (Skip) and what to do (the neutral
    hint), in the current language."""
    from greenledger.core.errors import localised

    if not params.get("skip"):
        return None
    words = text(SKIP_TEXT, Skip(str(params["skip"])), localised(params))
    hint = params.get("hint")
    return f"{words}; {text(HINT_TEXT, Hint(str(hint)))}" if hint else words


def _no_template_sheet(reason: str, params: dict | None = None) -> tuple[str, dict] | None:
    """engine's "no sheet has a table …" refusal, its sheets' reasons and hint translated."""
    from greenledger.core.errors import localised

    m = _NO_TABLE.match(reason)
    if m is None:
        return None
    hint = next((text(HINT_TEXT, h) for h in Hint if HINT_TEXT[h] == m["hint"]), None)
    if hint is None:
        return None
    if not m["reasons"]:
        return "no_template_sheet_bare", {"hint": hint}
    pieces, pos, body = [], 0, m["reasons"]
    while pos < len(body):
        sm = _SHEET_SKIP.match(body, pos)
        if sm is None:
            return None
        skip = next(s for s in _SKIPS_BY_LENGTH if sm[f"s__{s.value}"] is not None)
        args = {k.split("__")[0]: v for k, v in sm.groupdict().items()
                if v is not None and k.endswith("__" + skip.value) and not k.startswith("s__")}
        pieces.append(f"{sm['sheet']}: {text(SKIP_TEXT, skip, localised(args))}")
        pos = sm.end() + 2
    return "no_template_sheet", {"reasons": "; ".join(pieces), "hint": hint}


REASON_PARSERS["no_template_sheet"] = _no_template_sheet
REASON_PARSERS["sheet_not_mapped"] = _skip_reason
PARAM_LOCALISERS.append(_localise_params)
