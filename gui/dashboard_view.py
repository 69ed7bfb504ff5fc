"""The Dashboard page: cards of the key figures of core.accounting.summarize (placeholders until
the charts land), or an empty state that says how to begin."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from gui.table_model import format_value

CARD_STYLE = """
QFrame#card { background: white; border: 1px solid #d7dfd8; border-radius: 8px; }
QLabel#cardTitle { color: #4b5563; font-weight: 600; }
QLabel#cardValue { color: #1f5130; font-size: 22pt; font-weight: 600; }
QLabel#cardNote { color: #6b7280; }
"""


def key_figures(summary: dict) -> list[tuple[str, str, str, str]]:
    """(title, value, unit, how) of each card, from core.accounting.summarize."""
    cards = []
    for c in summary.get("campaigns", []):
        if c.get("intensity_change_pct") is not None:
            base = next(b for b in summary["campaigns"] if b["name"] == c["baseline"])
            cards.append((f"Delivery intensity, {c['name']} vs {c['baseline']}",
                          f"{c['intensity_change_pct']:+.1f}", "%",
                          f"{format_value(c['intensity_kg_per_order'], 'factor')} kg CO2e per order, "
                          f"was {format_value(base['intensity_kg_per_order'], 'factor')}"))
    latest: dict[str, dict] = {}
    for y in summary.get("site_years", []):
        if y["site"] not in latest or y["year"] > latest[y["site"]]["year"]:
            latest[y["site"]] = y
    for site, y in sorted(latest.items()):
        if y["renewable_share_pct"] is not None:
            cards.append((f"Renewable share, {site} {y['year']}",
                          format_value(y["renewable_share_pct"], "percent"), "%",
                          f"{y['renewable_kwh']:,.0f} of {y['total_kwh']:,.0f} kWh"))
    totals = summary.get("totals", {})
    if summary.get("site_years"):
        cards.append(("Avoided emissions (all years)", format_value(totals.get("avoided_t"), "number"),
                      "t CO2e", "renewable kWh × grid factor; beside the inventory, not deducted"))
    if summary.get("initiatives"):
        cards.append(("Initiative reductions", format_value(totals.get("initiatives_t"), "number"),
                      "t CO2e", f"{len(summary['initiatives'])} initiatives"))
    for eq in summary.get("equivalents", [])[:1]:
        if totals.get("reduction_t"):
            cards.append((f"Avoided + reduced, as {eq['unit']}", format_value(eq["value"], "int"),
                          eq["unit"], f"{eq['label']}; {eq['factor_kg_per_unit']:g} kg CO2e each "
                          f"({eq['source']})"))
    return cards


class _Card(QFrame):
    def __init__(self, title: str, value: str, unit: str, how: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        self.setMinimumHeight(130)
        t = QLabel(title, self)
        t.setObjectName("cardTitle")
        t.setWordWrap(True)
        v = QLabel(f"{value} <span style='font-size:12pt; color:#4b5563'>{unit}</span>", self)
        v.setObjectName("cardValue")
        v.setTextFormat(Qt.TextFormat.RichText)
        note = QLabel(how, self)
        note.setObjectName("cardNote")
        note.setWordWrap(True)
        self.setToolTip(how)
        layout = QVBoxLayout(self)
        layout.addWidget(t)
        layout.addWidget(v)
        layout.addWidget(note)
        layout.addStretch(1)


class DashboardView(QWidget):
    import_requested = Signal()
    template_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setStyleSheet(CARD_STYLE)
        self.stack = QStackedWidget(self)
        self.cards_host = QWidget()
        self.grid = QGridLayout(self.cards_host)
        self.grid.setSpacing(16)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.cards_host)
        self.stack.addWidget(scroll)
        self.stack.addWidget(self._empty_state())
        layout = QVBoxLayout(self)
        layout.addWidget(self.stack)
        self.cards: list[tuple[str, str, str, str]] = []

    def _empty_state(self) -> QWidget:
        w = QWidget(self)
        text = QLabel("<h2>This workspace is empty</h2><p>Import a workbook of your energy, "
                      "deliveries, packaging and initiatives (File › Import workbook, Ctrl+I, or "
                      "drop the file on this window).<br>No workbook yet? Download the template, "
                      "fill it in, and import it.</p>", w)
        text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        text.setWordWrap(True)
        imp = QPushButton("&Import workbook…", w)
        tpl = QPushButton("Download &template…", w)
        imp.clicked.connect(self.import_requested)
        tpl.clicked.connect(self.template_requested)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(imp)
        buttons.addWidget(tpl)
        buttons.addStretch(1)
        layout = QVBoxLayout(w)
        layout.addStretch(1)
        layout.addWidget(text)
        layout.addLayout(buttons)
        layout.addStretch(2)
        return w

    @property
    def is_empty_state(self) -> bool:
        return self.stack.currentIndex() == 1

    def set_summary(self, summary: dict, row_count: int) -> None:
        while self.grid.count():
            item = self.grid.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        self.cards = key_figures(summary) if row_count else []
        self.stack.setCurrentIndex(0 if row_count else 1)
        for i, card in enumerate(self.cards):
            self.grid.addWidget(_Card(*card, parent=self.cards_host), i // 3, i % 3)
        self.grid.setRowStretch(len(self.cards) // 3 + 1, 1)
