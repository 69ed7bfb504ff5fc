"""ChartPlot: the plot of a chart in the window, a pyqtgraph view (pg.GraphicsView) whose one item
(ChartItem) is painted by gui/charts/painter.py, the same drawing as the PNG, SVG and PDF exports (so
what the analyst sees is what the file shows; pyqtgraph's own plot items cannot be drawn onto the
vector devices, see painter.py). The chart is fitted to the view's size (core.chart_fit.fit_chart:
top series plus "Other"). Hovering a bar or a point shows its value. The wheel scrolls the page the
chart sits in; Ctrl+wheel zooms into the categories under the mouse (Ctrl+wheel back, or a double
click, shows them all again)."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from greenledger.core.chart_data import ChartData, Series
from greenledger.core.chart_fit import fit_chart
from greenledger.gui.charts.painter import paint_plot
from greenledger.gui.charts.plot_text import Layout, is_dates

MIN_ZOOM_CATEGORIES = 3


def slice_chart(chart: ChartData, first: int, last: int) -> ChartData:
    """The categories first..last (inclusive) of a vertical chart, with their values and labels."""
    def cut(values):
        return None if values is None else values[first : last + 1]

    series = [
        Series(s.name, cut(s.values), s.kind, s.axis, s.stacked, s.color, cut(s.labels), cut(s.point_colors),
               s.muted)
        for s in chart.series
    ]
    fields = {k: getattr(chart, k) for k in ChartData.__dataclass_fields__}
    fields.update(categories=chart.categories[first : last + 1], series=series, groups=[])
    return ChartData(**fields)


class ChartItem(pg.GraphicsWidget):
    """The one item of a ChartPlot's scene: it fills the view and paints the chart into its rect."""

    def __init__(self, plot: ChartPlot) -> None:
        super().__init__()
        self._plot = plot

    def paint(self, p, *_args) -> None:
        self._plot.paint_chart(p, self.rect())


class ChartPlot(pg.GraphicsView):
    """The plot area of a ChartView: legend, axes, bars, lines and labels of one ChartData."""

    fitted = Signal(object)  # the ChartData drawn (after fit_chart), when its notes change

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, background="w")
        self.chart: ChartData | None = None
        self.shown: ChartData | None = None
        self.layout_info = Layout()
        self.zoom: tuple[int, int] | None = None  # categories shown, first..last, or all
        self._notes: list[str] = []
        self.item = ChartItem(self)
        self.setCentralItem(self.item)
        self.setMouseTracking(True)
        self.viewport().setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(240, 160)

    def set_chart(self, chart: ChartData) -> None:
        self.chart = chart
        if self.zoom and self.zoom[1] >= len(chart.categories):
            self.zoom = None
        self.item.update()

    def update(self) -> None:  # repaint the chart (QWidget.update would not reach the scene's item)
        self.item.update()
        super().update()

    def _view(self) -> ChartData | None:
        if self.chart is None:
            return None
        chart = self.chart
        if self.zoom and not chart.horizontal:
            chart = slice_chart(chart, *self.zoom)
        return fit_chart(chart, self.viewport().width(), self.viewport().height())

    def paint_chart(self, p, rect: QRectF) -> None:
        p.fillRect(rect, Qt.GlobalColor.white)
        shown = self._view()
        if shown is not None:
            self.shown = shown
            self.layout_info = paint_plot(p, shown, rect.adjusted(4, 4, -4, -4))
            if shown.notes != self._notes:
                self._notes = list(shown.notes)
                self.fitted.emit(shown)

    # --- mouse --------------------------------------------------------------------------------

    def mouseMoveEvent(self, event) -> None:  # noqa: N802 - Qt override
        pos = QPointF(event.position())
        hits = self.layout_info.hits
        pos = self.item.mapFromScene(self.mapToScene(pos.toPoint()))
        hit = next((h for h in reversed(hits) if h.rect.adjusted(-2, -2, 2, 2).contains(pos)), None)
        if hit is not None:
            QToolTip.showText(event.globalPosition().toPoint(), hit.text, self)
        else:
            QToolTip.hideText()
        event.accept()

    def wheelEvent(self, event) -> None:  # noqa: N802 - Qt override
        """Ctrl+wheel zooms the categories; a plain wheel goes to the page (it scrolls)."""
        if not event.modifiers() & Qt.KeyboardModifier.ControlModifier or self.chart is None \
                or self.chart.horizontal or len(self.chart.categories) <= MIN_ZOOM_CATEGORIES:
            event.ignore()
            return
        event.accept()
        n = len(self.chart.categories)
        first, last = self.zoom or (0, n - 1)
        plot = self.layout_info.plot
        frac = 0.5
        if plot.width() > 0:
            frac = min(max((event.position().x() - plot.left()) / plot.width(), 0.0), 1.0)
        span = last - first + 1
        if event.angleDelta().y() > 0:
            new_span = max(MIN_ZOOM_CATEGORIES, round(span * 0.7))
        else:
            new_span = min(n, round(span / 0.7) + 1)
        centre = first + frac * (span - 1)
        first = int(round(centre - frac * (new_span - 1)))
        first = min(max(first, 0), n - new_span)
        self.zoom = None if new_span >= n else (first, first + new_span - 1)
        self.update()

    def mouseDoubleClickEvent(self, event) -> None:  # noqa: N802 - Qt override
        if self.zoom is not None:
            self.zoom = None
            self.update()
        event.accept()

    def zoomed_categories(self) -> list[str]:
        view = self._view()
        return [] if view is None else view.categories

    @property
    def dated(self) -> bool:
        return self.chart is not None and is_dates(self.chart.categories)
