"""The import assistant's words: how a column was read, a sheet's layout, a field's label, where a
problem's cell is, in the app's language (context ImportAssistant, shared by the dialog and its
models, so a string moved between them keeps its translation)."""

from __future__ import annotations

import re

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from greenledger.core.fields import Kind
from greenledger.core.importing import mapping as mp

_LETTER = re.compile(r"\[([A-Z]{1,3})\]\s*$")

HOW = (  # ColumnPlan.how / note of the engine, shown in the app's language
    QT_TRANSLATE_NOOP("ImportAssistant", "synonym"),
    QT_TRANSLATE_NOOP("ImportAssistant", "synonym + unit"),
    QT_TRANSLATE_NOOP("ImportAssistant", "partial"),
    QT_TRANSLATE_NOOP("ImportAssistant", "explicit"),
    QT_TRANSLATE_NOOP("ImportAssistant", "template header"),
    QT_TRANSLATE_NOOP("ImportAssistant", "period header"),
    QT_TRANSLATE_NOOP("ImportAssistant", "period header + --period year"),
    QT_TRANSLATE_NOOP("ImportAssistant", "period header + year from the title"),
    QT_TRANSLATE_NOOP("ImportAssistant", "unit header"),
    QT_TRANSLATE_NOOP("ImportAssistant", "not needed"),
    QT_TRANSLATE_NOOP("ImportAssistant", "ignored as asked"),
    QT_TRANSLATE_NOOP("ImportAssistant", "money, not a quantity"),
    QT_TRANSLATE_NOOP("ImportAssistant", "under '{0}'"),
    QT_TRANSLATE_NOOP("ImportAssistant", "under '{0}'; the imported columns are under '{1}'"),
    QT_TRANSLATE_NOOP("ImportAssistant", "under no header; the imported columns are under '{0}'"),
    QT_TRANSLATE_NOOP("ImportAssistant", "period column of an unclear measure"),
    QT_TRANSLATE_NOOP("ImportAssistant", "a quarter over the month columns (their total)"),
    QT_TRANSLATE_NOOP("ImportAssistant", "a year over the month columns (their total)"),
    QT_TRANSLATE_NOOP("ImportAssistant", "a year over the quarter columns (their total)"),
    QT_TRANSLATE_NOOP("ImportAssistant", "a second column for {0}"),
    QT_TRANSLATE_NOOP("ImportAssistant", "hidden in Excel"),
    QT_TRANSLATE_NOOP("ImportAssistant", "period header + the year chosen above"),
)
WINDOW_HOW = {  # the command line's words in a how, as the window says them
    "period header + --period year": "period header + the year chosen above",
    "period header + the year given": "period header + the year chosen above",
    "explicit": "chosen here or in a profile",
}


def column_index(label: str | None) -> int | None:
    """0-based column of a problem's column label `Header [E]`."""
    m = _LETTER.search(label or "")
    if not m:
        return None
    n = 0
    for ch in m.group(1):
        n = n * 26 + ord(ch) - 64
    return n - 1


def how_text(how: str, args: tuple = ()) -> str:
    """A ColumnPlan's how or note in the app's language, its {0}, {1} filled from `args`."""
    how = WINDOW_HOW.get(how, how)
    text = QCoreApplication.translate("ImportAssistant", how) if how else ""
    return text.format(*args) if args else text


def layout_text(layout) -> str:
    """Layout.describe() in the app's language."""
    rows = layout.header_row_numbers
    if len(rows) == 1:
        head = QCoreApplication.translate("ImportAssistant", "header row {0}").format(rows[0])
    else:
        head = QCoreApplication.translate("ImportAssistant", "header rows {0}–{1} (joined)").format(
            rows[0], rows[-1])
    first, last = layout.data_rows
    shape = (QCoreApplication.translate("ImportAssistant", "wide: periods as columns")
             if layout.wide else
             QCoreApplication.translate("ImportAssistant", "long: one row per record"))
    return QCoreApplication.translate("ImportAssistant", "{0}; data rows {1}–{2}; {3}").format(
        head, first, last, shape)


def transposed_text(view) -> str:
    """A transposed sheet's layout (gui.import_transposed.TransposedView) as the user sees it."""
    rows = view.header_rows
    head = (QCoreApplication.translate("ImportAssistant", "header row {0}").format(rows[0] + 1)
            if len(rows) == 1 else
            QCoreApplication.translate("ImportAssistant", "header rows {0}–{1} (joined)").format(
                rows[0] + 1, rows[-1] + 1))
    periods = sorted(view.period_rows)
    return QCoreApplication.translate(
        "ImportAssistant", "{0}; transposed: periods down rows {1}–{2}, columns {3}–{4} across").format(
        head, periods[0] + 1 if periods else "?", periods[-1] + 1 if periods else "?",
        view.first_letter, view.last_letter)


def unit_from_text(col) -> str:
    """Where a column's unit was stated, in the window's words (`header`, `row 2`, …)."""
    from greenledger.core.importing.codes import UNIT_FROM_TEXT, UnitFrom, text

    source = getattr(col, "unit_source", None)
    if source is None:
        return QCoreApplication.translate("ImportAssistant", "default")
    if source == UnitFrom.OPTION:
        return QCoreApplication.translate("ImportAssistant", "chosen here or in a profile")
    return text(UNIT_FROM_TEXT, source, (col.unit_at,))


def field_label(kind: Kind | None, name: str, units: bool = False) -> str:
    """A field as the tables show it (`Energy (kWh)` with units, else `Energy`), translated."""
    from greenledger.core.editing import header_text

    if name == mp.PERIOD:
        return QCoreApplication.translate("ImportAssistant", "Period (month, quarter or year)")
    if name == "meter":  # core.importing.meters.METERS: the meters an energy row sums
        return QCoreApplication.translate("ImportAssistant", "Meters summed")
    f = mp.kind_field(kind, name) if kind is not None else None
    if f is None:
        return name
    return QCoreApplication.translate("Columns", header_text(f) if units else f.header)


def kind_name(kind: Kind, title: bool = False) -> str:
    """A kind as the app names it (`energy`, 能源); `title`: as a list item or at the start of
    a line (`Energy`)."""
    text = QCoreApplication.translate("Kinds", kind.value)
    return text[:1].upper() + text[1:] if title else text
