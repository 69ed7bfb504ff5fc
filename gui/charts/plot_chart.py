"""ChartPlot: one pyqtgraph GraphicsLayoutWidget that draws any core.chart_data.ChartData (bars,
stacked bars, horizontal bars, lines, a line on a second axis), legend above the plot, data
labels, category ticks thinned to the width. Built once; set_chart() updates its items."""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFontMetrics, QTextOption
from PySide6.QtWidgets import QSizePolicy

from greenledger.core.chart_data import ChartData, Series
from greenledger.gui.charts import keep_singletons_alive
from greenledger.gui.charts.fonts import chart_font

TEXT_COLOR = "#1f2933"
AXIS_COLOR = "#52606d"
GRID_ALPHA = 0.18
MAX_MARKERS = 400  # dots on lines, all lines together
MAX_LABELS = 40  # more data labels than this are clutter (and slow): the axis tells the values
pg.setConfigOptions(background="w", foreground="k", antialias=True)


class ValueAxis(pg.AxisItem):
    """Tick numbers with thousands separators (12,000 not 12000) and no SI-prefix rescaling (a
    "(x0.001)" on the axis title would contradict the unit in it); categories come via setTicks."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.enableAutoSIPrefix(False)

    def tickStrings(self, values, scale, spacing):  # noqa: N802 - pyqtgraph override
        step = spacing * scale
        places = 0 if step >= 1 or step <= 0 else min(6, math.ceil(-math.log10(step) - 1e-9))
        return [f"{v * scale:,.{places}f}" for v in values]


def _nan(values: list[float | None]) -> np.ndarray:
    return np.array([np.nan if v is None else v for v in values], dtype=float)


class ChartPlot(pg.GraphicsLayoutWidget):
    """The plot area of a chart: legend row + PlotItem with an optional second (right) axis."""

    def __init__(self, parent=None, pen_scale: float = 1.0) -> None:
        keep_singletons_alive()
        super().__init__(parent)
        self._ps = pen_scale  # pens are cosmetic (device pixels): an export at 2x draws them 2x
        self.setBackground("w")
        self.ci.setContentsMargins(4, 4, 12, 4)
        self.legend = pg.LegendItem(
            colCount=4, labelTextColor=TEXT_COLOR, labelTextSize="15px", frame=False, horSpacing=16
        )
        self.addItem(self.legend, row=0, col=0)
        self.legend.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.ci.layout.setAlignment(self.legend, Qt.AlignmentFlag.AlignLeft)
        self.plot = self.addPlot(
            row=1, col=0, axisItems={k: ValueAxis(k) for k in ("left", "bottom", "right")}
        )
        self.plot.setMenuEnabled(False)
        self.plot.setMouseEnabled(x=False, y=False)
        self.plot.hideButtons()
        self.vb2 = pg.ViewBox(enableMenu=False)
        self.vb2.setZValue(1000)  # the share line above the bars (vb2 is a top-level scene item)
        self.vb2.setMouseEnabled(x=False, y=False)
        self.plot.scene().addItem(self.vb2)
        self.plot.getAxis("right").linkToView(self.vb2)
        self.vb2.setXLink(self.plot)
        self.plot.vb.sigResized.connect(self._sync_vb2)
        for name in ("left", "bottom", "right"):
            ax = self.plot.getAxis(name)
            ax.setTickFont(chart_font(12))
            ax.setPen(pg.mkPen(AXIS_COLOR, width=self._ps))
            ax.setTextPen(pg.mkPen(TEXT_COLOR))
            ax.setStyle(maxTickLevel=0, tickLength=5)
        self._items: list = []
        self._labels: list = []
        self.chart: ChartData | None = None

    def _bar_pen(self):
        return pg.mkPen("#ffffff", width=0.8 * self._ps)

    def _sync_vb2(self) -> None:
        self.vb2.setGeometry(self.plot.vb.sceneBoundingRect())
        self.vb2.linkedViewChanged(self.plot.vb, self.vb2.XAxis)

    # --- update ------------------------------------------------------------------------------

    def set_chart(self, chart: ChartData) -> None:
        """Show `chart`: replace the data items, keep the widget, axes and legend."""
        self.chart = chart
        for item in self._items:  # lines go straight into a ViewBox, bars through the PlotItem
            if item in self.plot.items:
                self.plot.removeItem(item)
            elif item.getViewBox() is not None:
                item.getViewBox().removeItem(item)
        for item in self._labels:
            if item.scene() is not None:
                item.getViewBox().removeItem(item)
        self._items, self._labels = [], []
        self.legend.clear()
        self._labels_on = sum(1 for s in chart.series for t in (s.labels or []) if t) <= MAX_LABELS
        has_right = any(s.axis == "right" for s in chart.series)
        self.plot.showAxis("right", has_right)
        self.plot.showGrid(x=chart.horizontal, y=not chart.horizontal, alpha=GRID_ALPHA)
        if chart.horizontal:
            self._draw_horizontal(chart)
        else:
            self._draw_vertical(chart)
        self._set_axis_labels(chart, has_right)
        self.legend.setVisible(len(chart.series) > 1)
        for _sample, label in self.legend.items:
            label.item.setFont(chart_font(12))
        self._fit_legend()
        self._update_ticks()

    def _fit_legend(self) -> None:
        """As many legend columns as fit the width (a legend wider than the widget would push
        the plot out of view); at least one."""
        items = self.legend.items
        if not items:
            return
        room = max(self.width() - 40.0, 120.0)
        widths = [sample.boundingRect().width() + label.boundingRect().width() + 26
                  for sample, label in items]
        cols = min(4, len(items))
        while cols > 1:
            col_w = [max(widths[c::cols]) for c in range(cols)]
            if sum(col_w) <= room:
                break
            cols -= 1
        if cols != self.legend.columnCount:
            self.legend.setColumnCount(cols)

    def _set_axis_labels(self, chart: ChartData, has_right: bool) -> None:
        style = {"color": TEXT_COLOR, "font-size": "13px"}
        value_axis, cat_axis = ("bottom", "left") if chart.horizontal else ("left", "bottom")
        self.plot.setLabel(value_axis, chart.y_label, **style)
        self.plot.setLabel(cat_axis, "" if chart.horizontal else chart.x_label, **style)
        if has_right:
            self.plot.setLabel("right", chart.y2_label or "", **style)
        for name in ("left", "bottom", "right"):
            self.plot.getAxis(name).label.setFont(chart_font(13))

    def _bar_layout(self, chart: ChartData) -> tuple[list[Series], list[float], float]:
        """Bar series, the x offset of each and the bar width (stacked: one bar per category;
        at most one value per category: centred; else side by side)."""
        bars = [s for s in chart.series if s.kind == "bar"]
        if not bars:
            return [], [], 0.6
        stacked = all(s.stacked for s in bars)
        single = all(sum(s.values[i] is not None for s in bars) <= 1 for i in range(len(chart.categories)))
        if stacked or single or len(bars) == 1:
            return bars, [0.0] * len(bars), 0.62
        w = 0.8 / len(bars)
        return bars, [(k - (len(bars) - 1) / 2) * w for k in range(len(bars))], w * 0.92

    def _draw_vertical(self, chart: ChartData) -> None:
        n = len(chart.categories)
        xs = np.arange(n, dtype=float)
        bars, offsets, width = self._bar_layout(chart)
        lines_left = any(s.kind == "line" and s.axis != "right" for s in chart.series)
        base = np.zeros(n)
        top = 0.0
        for s, off in zip(bars, offsets, strict=True):
            vals = np.nan_to_num(_nan(s.values))
            y0 = base.copy() if s.stacked else np.zeros(n)
            brushes = [pg.mkBrush(c) for c in s.point_colors] if s.point_colors else None
            item = pg.BarGraphItem(
                x=xs + off,
                height=vals,
                y0=y0,
                width=width,
                brush=pg.mkBrush(s.color),
                brushes=brushes,
                pen=self._bar_pen(),
                name=s.name,
            )
            self.plot.addItem(item)
            self._items.append(item)
            self.legend.addItem(item, s.name)
            if s.stacked:
                base = base + vals
            top = max(top, float(np.max(y0 + vals, initial=0.0)))
            if s.labels:
                tops = y0 + vals
                for i, text in enumerate(s.labels):
                    if text and s.values[i] is not None:
                        self._label(self.plot.vb, text, xs[i] + off, tops[i], (0.5, 1.0), halo=lines_left)
        for s in chart.series:
            if s.kind == "line":
                top = max(top, self._draw_line(chart, s, xs))
        lines_in_labels = max((t.count("\n") for s in bars for t in (s.labels or [])), default=0)
        y_max = (top or 1.0) * (1.14 + 0.08 * lines_in_labels)
        # a label on a line's last point is centred on it: leave it room on the right
        last_label = any(s.kind == "line" and s.labels and s.labels[-1] for s in chart.series)
        self.plot.vb.setXRange(-0.6, n - 0.4 + (max(0.4, n * 0.03) if last_label and n > 8 else 0), padding=0)
        self.plot.vb.setYRange(0, y_max, padding=0)
        tick = f"{y_max:,.0f}" if y_max >= 10 else f"{y_max:.2f}"  # ticks of 0.25 need 0.25's width
        widest = QFontMetrics(chart_font(12)).horizontalAdvance(tick)
        self.plot.getAxis("left").setWidth(widest + 34)  # ticks, and the axis title beside them
        if chart.y2_range:
            lo, hi = chart.y2_range
            self.vb2.setYRange(lo, hi * 1.12, padding=0)
            self.plot.getAxis("right").setTicks([[(v, f"{v:.0f}") for v in range(int(lo), int(hi) + 1, 20)]])

    def _draw_line(self, chart: ChartData, s: Series, xs: np.ndarray) -> float:
        vb = self.vb2 if s.axis == "right" else self.plot.vb
        ys = _nan(s.values)
        lines = sum(1 for x in chart.series if x.kind == "line")
        markers = lines * len(xs) <= MAX_MARKERS  # a dot per value where they can be told apart
        item = pg.PlotDataItem(
            xs,
            ys,
            pen=pg.mkPen(s.color, width=(2.5 if lines <= 8 else 1.5) * self._ps),
            symbol="o" if markers else None,
            symbolSize=7,
            symbolBrush=pg.mkBrush(s.color),
            symbolPen=pg.mkPen("w", width=self._ps),
            connect="finite",
            name=s.name,
        )
        vb.addItem(item)
        self._items.append(item)
        self.legend.addItem(item, s.name)
        for i, text in enumerate(s.labels or []):
            if text and s.values[i] is not None:
                self._label(vb, text, xs[i], s.values[i], (0.5, 1.25), color=s.color)
        return 0.0 if s.axis == "right" else float(np.nanmax(ys, initial=0.0))

    def _draw_horizontal(self, chart: ChartData) -> None:
        n = len(chart.categories)
        ys = np.arange(n, dtype=float)[::-1]  # the first category at the top
        top = 0.0
        for s in chart.series:
            keep = [i for i, v in enumerate(s.values) if v is not None]
            if not keep:
                continue
            vals = np.array([s.values[i] for i in keep], dtype=float)
            item = pg.BarGraphItem(
                x0=0,
                y=ys[keep],
                width=vals,
                height=0.62,
                brush=pg.mkBrush(s.color),
                pen=self._bar_pen(),
                name=s.name,
            )
            self.plot.addItem(item)
            self._items.append(item)
            self.legend.addItem(item, s.name)
            top = max(top, float(vals.max()))
            for k, i in enumerate(keep):
                if s.labels and s.labels[i]:
                    self._label(self.plot.vb, "  " + s.labels[i], vals[k], ys[i], (0.0, 0.5))
        for _label, first, _last in chart.groups[1:]:  # a dashed rule between groups
            y = ys[first] + 0.5
            line = pg.PlotCurveItem(
                [0.0, (top or 1.0) * 1.22],
                [y, y],
                pen=pg.mkPen("#9aa5b1", width=self._ps, style=Qt.PenStyle.DashLine),
            )
            self.plot.addItem(line)
            self._items.append(line)
        self.plot.vb.setYRange(-0.6, n - 0.4, padding=0)
        self.plot.vb.setXRange(0, (top or 1.0) * 1.22, padding=0)

    def _label(self, vb, text: str, x: float, y: float, anchor, color: str = TEXT_COLOR,
               halo: bool = False) -> None:
        """A data label; `halo`: on a translucent white box above the lines (a line crossing a
        bar's label must not strike it through)."""
        if not self._labels_on:
            return
        fill = pg.mkBrush(255, 255, 255, 215) if halo else None
        item = pg.TextItem(text, color=QColor(color), anchor=anchor, fill=fill)
        if halo:
            item.setZValue(2000)
        item.setFont(chart_font(12, bold=True))
        doc = item.textItem.document()
        doc.setDefaultTextOption(QTextOption(Qt.AlignmentFlag.AlignHCenter))
        item.setTextWidth(doc.idealWidth() + 2)  # TextItem's own: it also moves its fill box
        item.setPos(x, y)
        vb.addItem(item, ignoreBounds=True)
        self._labels.append(item)

    # --- category ticks ----------------------------------------------------------------------

    def _update_ticks(self) -> None:
        chart = getattr(self, "chart", None)  # resizeEvent comes during the base __init__
        if chart is None:
            return
        n = len(chart.categories)
        fm = QFontMetrics(chart_font(12))
        if chart.horizontal:
            ys = list(range(n))[::-1]
            self.plot.getAxis("left").setTicks([[(ys[i], c) for i, c in enumerate(chart.categories)]])
            self.plot.getAxis("left").setWidth(
                max((fm.horizontalAdvance(c) for c in chart.categories), default=40) + 16
            )
            self.plot.getAxis("bottom").setTicks(None)
            return
        widest = max((fm.horizontalAdvance(c) for c in chart.categories), default=30) + 14
        room = max(self.plot.vb.width(), 200.0)
        step = max(1, math.ceil(n * widest / room))
        if step > 1 and n and len(chart.categories[0]) == 7:  # months: whole quarters/halves/years
            step = next(s for s in (2, 3, 4, 6, 12, 24, 48, 10**6) if s >= step)
        ticks = [(i, c) for i, c in enumerate(chart.categories) if (n - 1 - i) % step == 0]
        self.plot.getAxis("bottom").setTicks([ticks, [(i, "") for i in range(n)]])
        self.plot.getAxis("left").setTicks(None)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        if getattr(self, "chart", None) is not None:
            self._fit_legend()
        self._update_ticks()

    def content_rect(self) -> QRectF:
        """The scene rectangle that holds the whole chart (for rendering)."""
        return self.ci.mapRectToScene(self.ci.boundingRect())
