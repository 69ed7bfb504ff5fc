"""The window's pages: the sidebar's order, their titles as shown, and each table's empty state."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from greenledger.core.fields import Kind

DATA_PAGES = (
    ("Energy", Kind.ENERGY),
    ("Deliveries", Kind.DELIVERIES),
    ("Packaging", Kind.PACKAGING),
    ("Initiatives", Kind.INITIATIVES),
    ("Sites", Kind.SITES),
    ("Campaigns", Kind.CAMPAIGNS),
)
PAGES = ("Dashboard", *(t for t, _ in DATA_PAGES), "Factors", "Imports")
# Page names as shown (PAGES stay English: they are the keys kept in QSettings).
PAGE_TITLES = (
    QT_TRANSLATE_NOOP("MainWindow", "Dashboard"),
    QT_TRANSLATE_NOOP("MainWindow", "Energy"),
    QT_TRANSLATE_NOOP("MainWindow", "Deliveries"),
    QT_TRANSLATE_NOOP("MainWindow", "Packaging"),
    QT_TRANSLATE_NOOP("MainWindow", "Initiatives"),
    QT_TRANSLATE_NOOP("MainWindow", "Sites"),
    QT_TRANSLATE_NOOP("MainWindow", "Campaigns"),
    QT_TRANSLATE_NOOP("MainWindow", "Factors"),
    QT_TRANSLATE_NOOP("MainWindow", "Imports"),
)
EMPTY_TEXT = {
    Kind.ENERGY: QT_TRANSLATE_NOOP(
        "MainWindow",
        "No energy rows yet: import a workbook (Ctrl+I), paste rows from Excel (Ctrl+V) or add one.",
    ),
    Kind.DELIVERIES: QT_TRANSLATE_NOOP(
        "MainWindow",
        "No deliveries rows yet: import a workbook (Ctrl+I), paste rows from Excel (Ctrl+V) or add one.",
    ),
    Kind.PACKAGING: QT_TRANSLATE_NOOP(
        "MainWindow",
        "No packaging rows yet: import a workbook (Ctrl+I), paste rows from Excel (Ctrl+V) or add one.",
    ),
    Kind.INITIATIVES: QT_TRANSLATE_NOOP(
        "MainWindow",
        "No initiatives yet: import a workbook (Ctrl+I), paste rows from Excel (Ctrl+V) or add one.",
    ),
    Kind.SITES: QT_TRANSLATE_NOOP(
        "MainWindow", "No sites yet: import a workbook (Ctrl+I), paste rows from Excel (Ctrl+V) or add one."
    ),
    Kind.CAMPAIGNS: QT_TRANSLATE_NOOP(
        "MainWindow",
        "No campaigns yet: import a workbook (Ctrl+I), paste rows from Excel (Ctrl+V) or add one.",
    ),
}
