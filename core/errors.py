"""Errors that reach users: each names what is wrong, where, and why; never a traceback."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from greenledger.core.i18n import QT_TRANSLATE_NOOP, language, translate


@dataclass(frozen=True, slots=True)
class Problem:
    """One bad cell (or file, or sheet): `file › sheet › row N › column: value — reason`.

    `row` is the row number Excel shows (1-based); `column` the header with its letter, e.g.
    `Energy (kWh) [E]`. `code` and `params` let a front end render the reason in any language.
    """

    file: str
    reason: str
    sheet: str | None = None
    row: int | None = None
    column: str | None = None
    value: object = None
    code: str = "invalid"
    params: dict = field(default_factory=dict, compare=False, hash=False)

    def __str__(self) -> str:
        parts = [self.file]
        if self.sheet is not None:
            parts.append(self.sheet)
        if self.row is not None:
            parts.append(f"row {self.row}")
        where = " › ".join(parts)
        if self.column is not None:
            where += f" › {self.column}"
        shown = _show(self.value)
        if self.column is not None or self.value is not None:
            return f"{where}: {shown} — {self.reason}" if shown else f"{where}: (blank) — {self.reason}"
        return f"{where} — {self.reason}"


    def render(self) -> str:
        """The problem in the current language (core.i18n): as str() in English."""
        parts = [self.file]
        if self.sheet is not None:
            parts.append(self.sheet)
        if self.row is not None:
            parts.append(translate("Problems", "row {0}").format(self.row))
        where = " › ".join(parts)
        if self.column is not None:
            where += f" › {self.column}"
        reason = reason_text(self)
        shown = _show(self.value)
        if self.column is not None or self.value is not None:
            return f"{where}: {shown or translate('Problems', '(blank)')} — {reason}"
        return f"{where} — {reason}"


# Reasons by code, with their parameters, for problems that carry them; other reasons are
# translated when they are one of the fixed texts below, else shown as they are (English).
REASON_TEMPLATES = {
    "unknown_unit": QT_TRANSLATE_NOOP("Problems", "unknown unit {unit}"),
    "thousands_unit": QT_TRANSLATE_NOOP("Problems", "{unit} means thousands of {base}, a way of writing the unit that is not read: write the unit as {scaled} in the header (the figures stay as they are), or give the unit of these figures as {scaled}"),  # noqa: E501
    "unit_unstated": QT_TRANSLATE_NOOP("Problems", "no unit stated for {field}: put it in the header ({field} ({unit})) or in a 单位 line above the table, or give the unit of {field} (e.g. {unit})"),  # noqa: E501
    "measure_unstated": QT_TRANSLATE_NOOP("Problems", "nothing says what these period columns hold (no header above them, title or 单位 line names {field} or a unit); say what the period columns hold ({field}) and their unit"),  # noqa: E501
    "money_title": QT_TRANSLATE_NOOP("Problems", "{where} says these figures are money ('{what}'), not {field}; if they are {field}, say what the period columns hold ({field}) and their unit"),  # noqa: E501
    "several_measures": QT_TRANSLATE_NOOP("Problems", "the period columns sit under several headers ({what}); map the header over the period columns to import to its field"),  # noqa: E501
    "money_not_measure": QT_TRANSLATE_NOOP("Problems", "the period columns hold money ({what}), not a quantity GreenLedger imports"),  # noqa: E501
    "hidden_rows": QT_TRANSLATE_NOOP("Problems", "{n} row(s) hidden in Excel were read: {rows}; unhide them to check, or delete them if they should not count"),  # noqa: E501
    "hidden_columns": QT_TRANSLATE_NOOP("Problems", "columns hidden in Excel were read: {columns}; unhide them to check, or map them to ignore"),  # noqa: E501
    "exclusive_end": QT_TRANSLATE_NOOP("Problems", "the period ends on {end}, the first day of the next month, so it would count one day too many: write its last day, {last}, as the end"),  # noqa: E501
    "cumulative_column": QT_TRANSLATE_NOOP("Problems", "'{header}' holds cumulative figures (a sum since the start of the year), not each period's own: import the monthly values (本月, this month) instead, or leave '{header}' out (map it to ignore)"),  # noqa: E501
    "months_wrap_year": QT_TRANSLATE_NOOP("Problems", "the month headers {first} … {last} cross a year end ({month} follows {after}) but do not say their years: write the year in each header (e.g. 2023-04 … 2024-03), or split the sheet at the year end"),  # noqa: E501
    "unread_quantity": QT_TRANSLATE_NOOP("Problems", "'{header}' states {unit}, as the {field} field, which no other column gives, but it is not read: map '{header}' to {field}, or to ignore"),  # noqa: E501
    "duplicate_period": QT_TRANSLATE_NOOP("Problems", "a second column for {period} (the first is {other}); delete or rename one"),  # noqa: E501
    "unit_conflict": QT_TRANSLATE_NOOP("Problems", "the import is told {given} (an option or a profile) but the sheet says {stated} ({where}); drop one"),  # noqa: E501
    "ambiguous_columns": QT_TRANSLATE_NOOP("Problems", "{columns} could each be {field}; map the column meant to {field} and the others to ignore"),  # noqa: E501
    "reads_two_ways": QT_TRANSLATE_NOOP("Problems", "numbers written as text in {columns} read two ways ({examples}): they were read with a decimal point; if the dot groups thousands, write them as numbers or as 1.234,5"),  # noqa: E501
    "two_ways_sheet_comma": QT_TRANSLATE_NOOP("Problems", "numbers written as text in {columns} read two ways ({examples}): they were read with a decimal comma, as the sheet's other numbers are written (1.234,5); if they have a decimal point, write them as numbers"),  # noqa: E501
    "two_ways_sheet_point": QT_TRANSLATE_NOOP("Problems", "numbers written as text in {columns} read two ways ({examples}): they were read with a decimal point, as the sheet's other numbers are written (1,234.5); if they have a decimal comma, write them as numbers"),  # noqa: E501
    "unknown_choice": QT_TRANSLATE_NOOP("Problems", "not one of: {allowed}"),
    "absurd": QT_TRANSLATE_NOOP("Problems", "absurdly large (over {limit})"),
    "end_before_start": QT_TRANSLATE_NOOP("Problems", "ends before it starts ({start})"),
    "instrument_not_allowed": QT_TRANSLATE_NOOP("Problems", "{source} rows have no instrument (it is for renewable rows only)"),  # noqa: E501
    "duplicate_row": QT_TRANSLATE_NOOP("Problems", "same {fields} as row {other_row}: combine the two rows or tell them apart"),  # noqa: E501
    "excel_error": QT_TRANSLATE_NOOP("Problems", "an Excel error value ({value}) where a number is needed"),  # noqa: E501
    # units per cell or per row (core/importing/cellunits.py)
    "cell_unit_conflict": QT_TRANSLATE_NOOP("Problems", "this cell says {cell_unit} but its column is in {unit} ({where}); write the figure in {unit}, or drop the unit from the header and write each cell's unit"),  # noqa: E501
    "cell_unit_missing": QT_TRANSLATE_NOOP("Problems", "no unit: other cells of this column state theirs ({units}); write this one's unit too (e.g. 1,234 {example})"),  # noqa: E501
    "row_unit_conflict": QT_TRANSLATE_NOOP("Problems", "this row's unit {row_unit} ({unit_column}) differs from the column's {unit} ({where}); drop the unit from the header or correct the row"),  # noqa: E501
    "row_unit_unknown": QT_TRANSLATE_NOOP("Problems", "unit {unit} is not understood here (use e.g. {examples})"),  # noqa: E501
    # day-first or month-first dates (core/importing/dates.py)
    "date_order_unclear": QT_TRANSLATE_NOOP("Problems", "every date in {column} reads both day-first and month-first ({examples}); write them year first (2023-01-16) so the day and the month are plain"),  # noqa: E501
    "date_order_mixed": QT_TRANSLATE_NOOP("Problems", "{column} has dates only day-first can read ({dmy}) and dates only month-first can read ({mdy}); write them year first (2023-01-16)"),  # noqa: E501
    "campaign_dates_differ": QT_TRANSLATE_NOOP("Problems", "campaign {campaign} runs {start} – {end} ({where}) but this row gives it {given}; correct the row's dates or the campaign's"),  # noqa: E501
    "meters_summed": QT_TRANSLATE_NOOP("Problems", "rows {rows} (meters {meters}) are summed into one energy row for {site}, {start} to {end}"),  # noqa: E501
    # a main meter and its sub-meters in one bill (core/importing/submeters.py)
    "submeters_labelled": QT_TRANSLATE_NOOP("Problems", "{site} lists meter {main} and, for the same periods, {subs}, which by their names are its sub-meters or check meters (they measure a part of it, or the same energy): summed, that energy would be counted twice. Import one level only: delete the rows of {subs} in the periods {main} has too (rows {rows}) and import again; {main}'s rows are then {site}'s figures"),  # noqa: E501
    "submeters_sum": QT_TRANSLATE_NOOP("Problems", "meter {main}'s kWh is the sum of {site}'s meters {subs} (within 0.5 %) in {hits} of the {periods} periods it has them beside it: it looks like their main meter, and summed, their energy would be counted twice. Import one level only: delete the rows of {subs} in the periods {main} has too (rows {rows}) and import again; only if every meter is a supply of its own, write one row per period with their sum instead"),  # noqa: E501
    "submeters_exceed": QT_TRANSLATE_NOOP("Problems", "{site} lists meter {main} and, for the same periods, {subs}, which by their names are its sub-meters; but in {start} to {end} they measure {subs_kwh} kWh, more than {main}'s {main_kwh} kWh, so not all of them are under {main}: summed, some energy would be counted twice, and deleting them all would lose some. Say which are under {main} (a column headed Parent meter naming {main} on their rows) and import again, or write one row per period with {site}'s figure"),  # noqa: E501
    "submeters_sum_once": QT_TRANSLATE_NOOP("Problems", "meter {main}'s {kwh} kWh equals the sum of {site}'s meters {subs} (within 0.5 %) in {start} to {end}, in no other period: summed with them as supplies of their own. If {main} is their main meter, delete the rows of {subs} in the periods {main} has too and import again"),  # noqa: E501
    "stored_duplicate": QT_TRANSLATE_NOOP("Problems", "{n} rows of the workspace already have this {fields} ({rows}), stored before duplicate rows were refused: delete all but one of them in the table, then import again"),  # noqa: E501
    "another_table": QT_TRANSLATE_NOOP("Problems", "the sheet holds other tables ({kinds}, header in row {rows}), not imported with this one (one kind of rows per import of a sheet); read the other table at its header row {row}"),  # noqa: E501
}


def coded_reason(code: str, **params) -> str:
    """The English reason of a problem whose text is REASON_TEMPLATES[code] with `params`."""
    return REASON_TEMPLATES[code].format(**params)
FIXED_REASONS = (
    QT_TRANSLATE_NOOP("Problems", "a true/false value where a number is needed"),
    QT_TRANSLATE_NOOP("Problems", "a date where a number is needed"),
    QT_TRANSLATE_NOOP("Problems", "not a finite number"),
    QT_TRANSLATE_NOOP("Problems", "not a number"),
    QT_TRANSLATE_NOOP("Problems", "not a period (use a month such as 2023-01, 2023年1月 or Jan 2023, a quarter such as 2023Q1, or a year; the year of `1月` can be given for the sheet)"),  # noqa: E501
    QT_TRANSLATE_NOOP("Problems", "a true/false value where a date is needed"),
    QT_TRANSLATE_NOOP("Problems", "a number that is not a date (dates are 1990 to 2100)"),
    QT_TRANSLATE_NOOP("Problems", "a percentage where a quantity is needed"),
    QT_TRANSLATE_NOOP("Problems", "this column writes numbers both with a decimal point (1,234.5) and with a decimal comma (1.234,5); write them one way"),  # noqa: E501
    QT_TRANSLATE_NOOP("Problems", "not a date (use 2021-06-18, 2021/6/18 or 2021年6月18日)"),
    QT_TRANSLATE_NOOP("Problems", "not a valid calendar date"),
    QT_TRANSLATE_NOOP("Problems", "not a year between 1900 and 2100"),
    QT_TRANSLATE_NOOP("Problems", "required value missing"),
    QT_TRANSLATE_NOOP("Problems", "negative quantities are not allowed"),
    QT_TRANSLATE_NOOP("Problems", "a percentage must be between 0 and 100"),
    QT_TRANSLATE_NOOP("Problems", "unknown baseline campaign"),
    QT_TRANSLATE_NOOP("Problems", "not g, kg or t"),
    QT_TRANSLATE_NOOP("Problems", "unknown site"),
    QT_TRANSLATE_NOOP("Problems", "unknown campaign"),
    QT_TRANSLATE_NOOP("Problems", "unknown site: not in the workspace or on a Sites sheet"),
    QT_TRANSLATE_NOOP("Problems", "unknown campaign: not in the workspace or on a Campaigns sheet"),
    QT_TRANSLATE_NOOP("Problems", "a campaign cannot be its own baseline"),
    QT_TRANSLATE_NOOP("Problems", "give Emissions, or Distance and Vehicle"),
    QT_TRANSLATE_NOOP("Problems", "give Reduction, or Activity and Factor"),
    QT_TRANSLATE_NOOP("Problems", "give a Campaign, or both Period start and Period end"),
    QT_TRANSLATE_NOOP("Problems", "give either a Campaign or a period, not both"),
    QT_TRANSLATE_NOOP("Problems", "grid and residual factors need a region"),
    QT_TRANSLATE_NOOP("Problems", "absurdly large"),
    QT_TRANSLATE_NOOP("Problems", "no grid factor for this region in the factor library or the workspace; add one on a Factors sheet"),  # noqa: E501
    QT_TRANSLATE_NOOP("Problems", "no factor for this material in the library or the workspace; add one on a Factors sheet"),  # noqa: E501
)


REASON_PARSERS: dict[str, Callable[[str, dict], tuple[str, dict] | str | None]] = {}
"""For a code whose problems a stage still makes with words only (no params), or whose text is
made from codes: (reason, params) -> (the code of its REASON_TEMPLATES text, params), or the
text itself, in a language other than English. Registered by the modules that own the words
(core.importing.codes, core.importing.formulas), so this module imports none of them."""

PARAM_LOCALISERS: list[Callable[[dict, dict], dict]] = []
"""(params, out) -> out with a problem's fields and kinds in the current language (registered
by core.importing.codes, which knows the fields)."""


def reason_text(p: Problem) -> str:
    """The reason of `p` in the current language, from its code and parameters where it can.
    In a language other than English, the fields, kinds and `row N` inside the parameters are
    said in that language too (the values quoted from the file stay as they are)."""
    code, params = p.code, p.params
    if code in REASON_PARSERS and language() != "en":
        try:
            parsed = REASON_PARSERS[code](p.reason, params)
        except (KeyError, IndexError, ValueError):
            parsed = None
        if isinstance(parsed, str):
            return parsed
        if parsed:
            code, params = parsed
    if code == "unknown_unit" and (thousands := _thousands(params.get("unit"))) is not None:
        code, params = "thousands_unit", {**params, **thousands}
    template = REASON_TEMPLATES.get(code)
    if template is not None:
        try:
            return translate("Problems", template).format(**localised(params))
        except (KeyError, IndexError):
            pass
    return translate("Problems", p.reason)


_THOUSANDS_UNIT = re.compile(r"^\s*(?:['’‘`]000'?s?|000'?s|thousands?(?:\s+of)?)\s*(?P<base>[A-Za-z]+)\s*$",
                             re.IGNORECASE)
_THOUSAND_OF = {"wh": "kWh", "kwh": "MWh", "mwh": "GWh", "gwh": "TWh", "g": "kg", "kg": "t",
                "t": "kt"}


def _thousands(unit: object) -> dict | None:
    """`'000 kWh` (thousands of kWh, as UK accounts write it) as {base, scaled: MWh}, or None."""
    m = _THOUSANDS_UNIT.match(str(unit or ""))
    if m is None or m["base"].lower() not in _THOUSAND_OF:
        return None
    return {"base": m["base"], "scaled": _THOUSAND_OF[m["base"].lower()]}


_ROW_IN_PLACE = re.compile(r"(?<=› )row (\d+)")


def localised(params: dict) -> dict:
    """`params` with field names, kinds and places (`… › row 5`) in the current language."""
    if language() == "en" or not params:
        return params
    out = dict(params)
    for name, value in params.items():
        if isinstance(value, str) and "› row " in value:
            out[name] = _ROW_IN_PLACE.sub(lambda m: translate("Problems", "row {0}").format(m[1]), value)
    for localise in PARAM_LOCALISERS:
        out = localise(params, out)
    return out


def error_text(exc: BaseException) -> str:
    """A GreenLedgerError's message in the current language where it has a fixed form."""
    if isinstance(exc, ImportRefused):
        return translate("Problems", "import refused: {0} problem(s); nothing was written").format(
            len(exc.problems))
    if isinstance(exc, ImportCancelled):
        return translate("Problems", "import cancelled; nothing was written")
    if isinstance(exc, WorkspaceNotWritable):
        return translate("Problems", NOT_WRITABLE[exc.reason]).format(path=exc.path, folder=exc.folder)
    return translate("Problems", str(exc))


def _show(value: object) -> str:
    """A cell value as the user typed it: text quoted, 1200.0 as 1200."""
    if value is None:
        return ""
    if isinstance(value, str):
        return repr(value)
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return str(value)


class GreenLedgerError(Exception):
    """Base of the errors shown to users as a message (no traceback)."""


class WorkspaceError(GreenLedgerError):
    """A workspace that cannot be opened or written (not a workspace, newer version, locked)."""


# Why a workspace could not be written, and what to do (WorkspaceNotWritable.reason).
NOT_WRITABLE = {
    "full": QT_TRANSLATE_NOOP("Problems", "{path}: the disk is full, so nothing was written and the workspace is as it was. Free some space on the disk that holds {folder} (or move the workspace to another disk) and try again."),  # noqa: E501
    "read_only": QT_TRANSLATE_NOOP("Problems", "{path}: the folder {folder} or the workspace file is read-only, so nothing was written and the workspace is as it was. Copy the workspace to a folder you can write to (or make this one writable) and open it from there."),  # noqa: E501
    "io": QT_TRANSLATE_NOOP("Problems", "{path}: the disk that holds {folder} refused the write (a disk I/O error), so nothing was written and the workspace is as it was. Check that the disk is connected and has free space, then try again."),  # noqa: E501
}


class WorkspaceNotWritable(WorkspaceError):
    """A write the disk or the folder refused: `reason` "full", "read_only" or "io" (see
    NOT_WRITABLE). SQLite rolled the transaction back: nothing was written, nothing was lost."""

    def __init__(self, path: object, reason: str) -> None:
        self.path = Path(path)
        self.folder = self.path.absolute().parent
        self.reason = reason
        super().__init__(NOT_WRITABLE[reason].format(path=self.path, folder=self.folder))


class ImportRefused(GreenLedgerError):
    """An import with problems: nothing was written. `problems` lists every bad cell."""

    def __init__(self, problems: list[Problem], warnings: list[Problem] | None = None) -> None:
        self.problems = problems
        self.warnings = warnings or []
        n = len(problems)
        super().__init__(f"import refused: {n} problem{'s' if n != 1 else ''}; nothing was written")


class ImportCancelled(GreenLedgerError):
    """The user cancelled an import: nothing was written."""

    def __init__(self) -> None:
        super().__init__("import cancelled; nothing was written")
