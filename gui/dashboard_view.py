"""The Dashboard page: a filter bar (site, campaign, years, t/kt), the band of the campaign's story
against its baseline (gui.story_band, core.story), cards of the other key figures and every chart
of core.charts as a ChartView; or an empty state that says how to begin.

Filters only re-slice the summary the window already holds (core.accounting.build_summary aggregates
the rows in SQL once per change of data), so a filter change redraws charts without touching the
workspace. Charts are built after the window's first paint, so start-up does not wait for them.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
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

from greenledger.core import i18n
from greenledger.core.chart_data import Filters
from greenledger.core.charts import CHART_NAMES, as_summary
from greenledger.core.key_figures import KeyFigure, key_figures
from greenledger.core.story import Story, story
from greenledger.core.summary import EMPTY, Summary
from greenledger.gui.story_band import StoryBand

CARD_STYLE = """
QFrame#card { background: white; border: 1px solid #d7dfd8; border-radius: 8px; }
QLabel#cardTitle { color: #4b5563; font-weight: 600; }
QLabel#cardValue { color: #1f5130; font-size: 20pt; font-weight: 600; }
QLabel#cardNote { color: #6b7280; }
QFrame#chartFrame { background: white; border: 1px solid #d7dfd8; border-radius: 8px; }
QFrame#chartFrame[current="true"] { border: 2px solid #2f7d4a; }
"""
CHART_HEIGHT = 440
__all__ = ["DashboardView", "FilterBar", "key_figures"]  # key_figures: core.key_figures


class _Card(QFrame):
    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        self.setMinimumHeight(118)
        self.title = QLabel(self)
        self.title.setObjectName("cardTitle")
        self.title.setWordWrap(True)
        self.value = QLabel(self)
        self.value.setObjectName("cardValue")
        self.value.setTextFormat(Qt.TextFormat.RichText)
        self.note = QLabel(self)
        self.note.setObjectName("cardNote")
        self.note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.value)
        layout.addWidget(self.note)
        layout.addStretch(1)

    def show_figure(self, title: str, value: str, unit: str, how: str) -> None:
        self.title.setText(title)
        self.value.setText(f"{value} <span style='font-size:11pt; color:#4b5563'>{unit}</span>")
        self.note.setText(how)
        self.setToolTip(how)


class FilterBar(QWidget):
    """Site, campaign, year range and t/kt; `changed` carries the new Filters."""

    changed = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.site = QComboBox(self)
        self.campaign = QComboBox(self)
        self.year_from = QComboBox(self)
        self.year_to = QComboBox(self)
        self.unit = QComboBox(self)
        self.unit.addItem(self.tr("t CO2e"), "t")
        self.unit.addItem(self.tr("kt CO2e"), "kt")
        self.cn_units = False  # View › Large numbers in 万/亿
        self._filling = False
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for text, box in (
            (self.tr("&Site:"), self.site),
            (self.tr("&Campaign:"), self.campaign),
            (self.tr("&Years:"), self.year_from),
            ("–", self.year_to),
            (self.tr("&Unit:"), self.unit),
        ):
            label = QLabel(text, self)
            label.setBuddy(box)
            layout.addWidget(label)
            layout.addWidget(box)
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            box.currentIndexChanged.connect(self._emit)
        self.reset = QPushButton(self.tr("&Reset filters"), self)
        self.reset.clicked.connect(self.clear)
        layout.addWidget(self.reset)
        layout.addStretch(1)

    def set_options(self, summary: Summary) -> None:
        """Fill the lists from the summary, keeping the current choices where they still exist."""
        sites = sorted({y.site for y in summary.site_years})
        campaigns = [c.name for c in summary.campaigns]
        years = sorted({y.year for y in summary.site_years}
                       | {int(c.start[:4]) for c in summary.campaigns if c.start})
        self._filling = True
        try:
            _fill(self.site, self.tr("All sites"), sites)
            _fill(self.campaign, self.tr("All campaigns"), campaigns)
            _fill(self.year_from, self.tr("first"), years)
            _fill(self.year_to, self.tr("last"), years)
        finally:
            self._filling = False

    def filters(self) -> Filters:
        y0, y1 = self.year_from.currentData(), self.year_to.currentData()
        if y0 is not None and y1 is not None and y0 > y1:
            y0, y1 = y1, y0
        return Filters(
            site=self.site.currentData(),
            campaign=self.campaign.currentData(),
            year_from=y0,
            year_to=y1,
            unit=self.unit.currentData() or "t",
            lang=i18n.language(),
            cn_units=self.cn_units,
        )

    def clear(self) -> None:
        self._filling = True
        for box in (self.site, self.campaign, self.year_from, self.year_to, self.unit):
            box.setCurrentIndex(0)
        self._filling = False
        self._emit()

    def _emit(self) -> None:
        if not self._filling:
            self.changed.emit(self.filters())


def _fill(box: QComboBox, all_text: str, values: list) -> None:
    current = box.currentData()
    box.clear()
    box.addItem(all_text, None)
    for v in values:
        box.addItem(str(v), v)
    i = box.findData(current) if current is not None else 0
    box.setCurrentIndex(max(i, 0))


class DashboardView(QWidget):
    import_requested = Signal()
    template_requested = Signal()
    charts_ready = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setStyleSheet(CARD_STYLE)
        self.summary: Summary = EMPTY
        self.row_count = 0
        self.loading = False
        self.cards: list[KeyFigure] = []
        self.story: Story | None = None
        self._card_widgets: list[_Card] = []
        self._card_columns = 0
        self.charts: dict = {}  # name -> ChartView, once built
        self.frames: dict[str, QFrame] = {}
        self.current_chart_name = CHART_NAMES[0]
        self.filter_bar = FilterBar(self)
        self.filter_bar.changed.connect(self._on_filters_changed)
        self.stack = QStackedWidget(self)
        host = QWidget()
        self.cards_grid = QGridLayout()
        self.cards_grid.setSpacing(12)
        self.charts_grid = QGridLayout()
        self.charts_grid.setSpacing(12)
        self.charts_note = QLabel(self.tr("Drawing charts…"), host)
        self.charts_note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.band = StoryBand(host)
        body = QVBoxLayout(host)
        body.addWidget(self.band)
        body.addLayout(self.cards_grid)
        body.addWidget(self.charts_note)
        body.addLayout(self.charts_grid)
        body.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(host)
        scroll.verticalScrollBar().valueChanged.connect(self._draw_visible)
        self.cards_host = host
        page = QWidget(self)
        page_layout = QVBoxLayout(page)
        page_layout.setContentsMargins(0, 0, 0, 0)
        page_layout.addWidget(self.filter_bar)
        page_layout.addWidget(scroll, 1)
        self.stack.addWidget(page)
        self.stack.addWidget(self._empty_state())
        layout = QVBoxLayout(self)
        layout.addWidget(self.stack)
        self._build_pending = False
        self._painted = False
        self._picker = _ClickPicker(self)  # marks the chart a click lands on as the current one

    def _empty_state(self) -> QWidget:
        w = QWidget(self)
        text = QLabel(
            self.tr(
                "<h2>This workspace is empty</h2><p>Import a workbook of your energy, "
                "deliveries, packaging and initiatives (File › Import workbook, Ctrl+I, or "
                "drop the file on this window).<br>No workbook yet? Download the template, "
                "fill it in, and import it.</p>"
            ),
            w,
        )
        text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        text.setWordWrap(True)
        imp = QPushButton(self.tr("&Import workbook…"), w)
        tpl = QPushButton(self.tr("Download &template…"), w)
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

    @property
    def filters(self) -> Filters:
        return self.filter_bar.filters()

    def set_loading(self, row_count: int) -> None:
        """The workspace's figures are being read (a big workspace: by a worker): the page says
        so instead of showing figures that are no longer (or not yet) those of the workspace."""
        self.row_count, self.loading = row_count, True
        self.stack.setCurrentIndex(0 if row_count else 1)
        self.band.hide()
        for w in (*self._card_widgets, *self.frames.values()):
            w.hide()
        self.charts_note.setText(self.tr("Reading the workspace's figures…"))
        self.charts_note.show()

    def set_failed(self, reason: str) -> None:
        """The figures could not be read: say why (nothing else is shown)."""
        self.charts_note.setText(self.tr("The workspace's figures could not be read: {0}").format(reason))
        self.charts_note.show()

    def set_summary(self, summary: Summary | dict, row_count: int) -> None:
        """New figures (core.accounting.build_summary of the workspace) after an open, import or
        edit."""
        self.summary, self.row_count = as_summary(summary), row_count
        self.loading = False
        self.stack.setCurrentIndex(0 if row_count else 1)
        for w in self._card_widgets:
            w.show()
        if not self.charts:
            self.charts_note.setText(self.tr("Drawing charts…"))
        self.filter_bar.set_options(summary)
        self._show_cards()
        if self.charts:
            f = self.filters
            for view in self.charts.values():
                view.set_summary(self.summary, f, draw=False)
            self._place_charts()
            self._draw_visible()
        elif row_count:
            self._schedule_build()

    # --- cards and charts ----------------------------------------------------------------------

    def _show_cards(self) -> None:
        """The story band and the cards of the other key figures, reusing the card widgets (a
        filter change only changes their text)."""
        f = self.filters
        self.story = story(self.summary, f) if self.row_count else None
        self.band.set_story(self.story)
        self.cards = key_figures(self.summary, f, besides_story=self.story is not None) \
            if self.row_count else []
        columns = 3 if len(self.cards) <= 6 else 4
        if len(self._card_widgets) != len(self.cards) or self._card_columns != columns:
            for w in self._card_widgets:
                self.cards_grid.removeWidget(w)
                w.deleteLater()
            self._card_widgets = [_Card(self.cards_host) for _ in self.cards]
            self._card_columns = columns
            for i, w in enumerate(self._card_widgets):
                self.cards_grid.addWidget(w, i // columns, i % columns)
        for w, card in zip(self._card_widgets, self.cards, strict=True):
            w.show_figure(*card)

    def _schedule_build(self) -> None:
        """Build the charts once the page has been painted (the window shows at once, the
        charts follow); a page never shown builds none."""
        if self._build_pending:
            return
        self._build_pending = True
        if self._painted:
            QTimer.singleShot(0, self, self.build_charts)

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            if self._build_pending:
                QTimer.singleShot(0, self, self.build_charts)

    def build_charts(self) -> None:
        """Create every ChartView (once); called after the first paint."""
        self._build_pending = False
        if self.charts or not self.row_count:
            return
        from greenledger.gui.charts.chart_view import ChartView

        f = self.filters
        for name in CHART_NAMES:
            frame = QFrame(self.cards_host)
            frame.setObjectName("chartFrame")
            frame.setMinimumHeight(CHART_HEIGHT)
            view = ChartView(name, filters=f, parent=frame)
            view.set_summary(self.summary, draw=False)
            for w in (view, *view.findChildren(QWidget)):
                w.installEventFilter(self._picker)
            inner = QVBoxLayout(frame)
            inner.setContentsMargins(2, 2, 2, 2)
            inner.addWidget(view)
            self.charts[name] = view
            self.frames[name] = frame
        self.charts_note.hide()
        self._place_charts()
        self._draw_visible()
        self.select_chart(self.current_chart_name)
        self.charts_ready.emit()

    def _place_charts(self) -> None:
        """Non-empty charts two per row, in CHART_NAMES order; empty ones hidden."""
        for frame in self.frames.values():
            self.charts_grid.removeWidget(frame)
        i = 0
        for name, frame in self.frames.items():
            view = self.charts[name]
            shown = view.chart is not None and not view.chart.empty
            frame.setVisible(shown)
            if shown:
                self.charts_grid.addWidget(frame, i // 2, i % 2)
                i += 1
        if not i and self.row_count:
            self.charts_note.setText(self.tr("No chart has data for these filters."))
            self.charts_note.show()
        elif self.charts:
            self.charts_note.hide()

    def select_chart(self, name: str) -> None:
        """The chart File › Export starts with (the last one clicked)."""
        self.current_chart_name = name
        for n, frame in self.frames.items():
            frame.setProperty("current", n == name)
            frame.style().unpolish(frame)
            frame.style().polish(frame)

    def refresh(self) -> None:
        """Cards and charts again with the current filters (after a display option changed)."""
        self._on_filters_changed(self.filters)

    def _on_filters_changed(self, f: Filters) -> None:
        if self.loading:  # the figures follow the filters once they are in
            return
        self._show_cards()
        for view in self.charts.values():
            view.set_filters(f, draw=False)
        self._place_charts()
        self._draw_visible()

    def _draw_visible(self) -> None:
        """Draw the charts on screen whose data changed; the others when they scroll into view
        (a filter change costs the charts one sees, not all eight). Once more after the layout
        has settled, as placing charts may have moved them."""
        self._draw_now()
        QTimer.singleShot(0, self, self._draw_now)

    def _draw_now(self) -> None:
        for view in self.charts.values():
            if view.pending and not view.visibleRegion().isEmpty():
                view.draw_pending()

    def draw_all(self) -> None:
        """Draw every chart now (screenshots, tests)."""
        for view in self.charts.values():
            view.draw_pending()

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._draw_visible()


class _ClickPicker(QObject):
    """Marks the chart a mouse press lands on as the current one."""

    def __init__(self, dashboard: DashboardView) -> None:
        super().__init__(dashboard)
        self.dashboard = dashboard

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt override
        if event.type() in (QEvent.Type.MouseButtonPress, QEvent.Type.ContextMenu):
            charts = {id(v): n for n, v in self.dashboard.charts.items()}
            while obj is not None and id(obj) not in charts:
                obj = obj.parent()
            if obj is not None:
                self.dashboard.select_chart(charts[id(obj)])
        return False
