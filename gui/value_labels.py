"""Stored category values (`grid`, `green power trade`, `North China`, `warehouse`) as the app's
language shows them. The workspace keeps the canonical English value; tables, dropdowns and
filters show the translation, and the importer's synonyms read either back."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

# field -> translation context (ChartValues and Regions are shared with the charts)
CONTEXTS = {"source": "ChartValues", "instrument": "ChartValues", "material": "ChartValues",
            "grid_region": "Regions", "region": "Regions", "type": "Values", "vehicle": "Values"}
VALUES = (
    QT_TRANSLATE_NOOP("Values", "Data center"), QT_TRANSLATE_NOOP("Values", "Distribution center"),
    QT_TRANSLATE_NOOP("Values", "Warehouse"), QT_TRANSLATE_NOOP("Values", "Office"),
    QT_TRANSLATE_NOOP("Values", "Store"), QT_TRANSLATE_NOOP("Values", "Other"),
    QT_TRANSLATE_NOOP("Values", "Van diesel"), QT_TRANSLATE_NOOP("Values", "Van petrol"),
    QT_TRANSLATE_NOOP("Values", "Van electric"), QT_TRANSLATE_NOOP("Values", "Truck diesel"),
)


def value_label(field: str | None, value: object) -> object:
    """`value` of `field` in the current language; the stored value itself where there is no
    translation (English, names, codes)."""
    context = CONTEXTS.get(field or "")
    if context is None or not isinstance(value, str) or not value:
        return value
    key = value if context == "Regions" or value.isupper() else value[:1].upper() + value[1:]
    shown = QCoreApplication.translate(context, key)
    return value if shown == key else shown
