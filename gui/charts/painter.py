"""The plot of a chart painted with plain QPainter calls (rectangles, polylines, ellipses, text), so that
one drawing gives the same picture on every device: the window (ChartCanvas), a QImage (PNG, clipboard,
the deck's pictures), a QSvgGenerator (SVG) and a QPdfWriter (PDF). pyqtgraph's scene could not be
drawn onto the vector devices: fonts took the PDF writer's DPI (tick labels at ~30 pt), its bars are
QPictures replayed at the wrong scale (PDF) or not at all (librsvg), and its curves came out as filled
paths (SVG). Here every size is in logical pixels and every pen a real (non-cosmetic) width, so the
painter's transform alone scales the drawing; text stays text.

Layout, so that a chart holds at any size and with any number of sites:
- the legend sits beside the plot (above it when the chart is narrow) and wraps long names;
- value ticks are 1/2/2.5/5 × 10^k; room is left above bars (or beside horizontal bars) for labels;
- category labels go straight, wrapped on two lines, or at 45°; dates are thinned to whole quarters/
  years; other categories are never thinned (core.chart_fit.fit_chart groups the smallest into
  "Other" beforehand);
- data labels are placed in order of importance and one that would overlap another, or leave the
  plot, is dropped.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPen, QPolygonF

from greenledger.core.chart_data import ChartData, Series
from greenledger.gui.charts.fonts import chart_font
from greenledger.gui.charts.plot_text import (
    AXIS,
    AXIS_TITLE_PX,
    GRID,
    LABEL_PX,
    LEGEND_PX,
    MAX_MARKERS,
    MIN_ROTATED_SLOT,
    MUTED,
    TEXT,
    TICK_PX,
    Hit,
    Label,
    Layout,
    decimal_places,
    fits_wrapped,
    fmt_tick,
    is_dates,
    metrics,
    nice_ticks,
    place_labels,
    rotated_text,
    text_size,
)


def _legend_entries(chart: ChartData) -> list[Series]:
    if len([s for s in chart.series if s.name]) <= 1:
        return []
    return [s for s in chart.series if s.name]


def _swatch(p: QPainter, s: Series, x: float, y: float) -> None:
    color = QColor(s.color)
    if s.kind == "line":
        p.setPen(QPen(color, 2.5, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
        p.drawLine(QPointF(x, y + 6), QPointF(x + 16, y + 6))
    else:
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(color)
        p.drawRect(QRectF(x + 2, y, 12, 12))
        p.setBrush(Qt.BrushStyle.NoBrush)


def _paint_legend(p: QPainter, chart: ChartData, rect: QRectF, lay: Layout) -> float:
    """Draw the legend in `rect`; returns the width (beside) or height (above) it took."""
    entries = _legend_entries(chart)
    if not entries:
        return 0.0
    font = chart_font(LEGEND_PX)
    fm = QFontMetricsF(font)
    p.setFont(font)
    flags = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap)
    if lay.legend_beside:
        widest = max(fm.horizontalAdvance(s.name) for s in entries)
        text_w = min(widest + 2, max(rect.width() * 0.24, 120.0))
        heights = [max(fm.boundingRect(QRectF(0, 0, text_w, 10_000), flags, s.name).height(), 14.0)
                   for s in entries]
        wrap = sum(h + 8 for h in heights) <= rect.height() - 4  # else one line each, elided
        y = rect.top() + 4
        for s, h in zip(entries, heights, strict=True):
            name = s.name
            if not wrap:
                h, name = fm.height(), fm.elidedText(s.name, Qt.TextElideMode.ElideRight, text_w)
            if y + h > rect.bottom():
                break
            _swatch(p, s, rect.right() - text_w - 22, y + 2)
            p.setPen(TEXT)
            p.drawText(QRectF(rect.right() - text_w, y, text_w, h + 2), flags if wrap else 0, name)
            lay.legend_drawn.append(s.name)
            y += h + (8 if wrap else 5)
        return text_w + 34
    x, y, row_h = rect.left() + 4, rect.top(), fm.height()
    for s in entries:
        w = min(fm.horizontalAdvance(s.name), rect.width() - 30)
        if x + w + 22 > rect.right() and x > rect.left() + 4:
            x, y = rect.left() + 4, y + row_h + 4
        _swatch(p, s, x, y + (row_h - 12) / 2)
        p.setPen(TEXT)
        p.drawText(QRectF(x + 20, y, w + 2, row_h), int(Qt.AlignmentFlag.AlignLeft),
                   fm.elidedText(s.name, Qt.TextElideMode.ElideRight, w + 1))
        lay.legend_drawn.append(s.name)
        x += w + 40
    return y + row_h + 8 - rect.top()


def paint_plot(p: QPainter, chart: ChartData, rect: QRectF) -> Layout:
    """Draw `chart`'s plot (legend, axes, bars, lines, labels) inside `rect` (logical px)."""
    lay = Layout(legend_beside=rect.width() >= 640)
    p.save()
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    if chart.empty:
        p.setFont(chart_font(16))
        p.setPen(MUTED)
        p.drawText(rect, Qt.AlignmentFlag.AlignCenter, chart.y_label and "—")
        p.restore()
        return lay
    body = QRectF(rect)
    taken = _paint_legend(p, chart, rect, lay)
    if lay.legend_beside:
        body.setRight(rect.right() - taken)
    else:
        body.setTop(rect.top() + taken)
    if chart.horizontal:
        _paint_horizontal(p, chart, body, lay)
    else:
        _paint_vertical(p, chart, body, lay)
    p.restore()
    return lay


# --- vertical charts (bars by category, lines) -------------------------------------------------


def _value_extent(chart: ChartData, axis: str) -> tuple[float, float]:
    n = len(chart.categories)
    bars = [s for s in chart.series if s.kind == "bar" and s.axis == axis]
    pos, neg = [0.0] * n, [0.0] * n
    lo = hi = 0.0
    for s in bars:
        for i, v in enumerate(s.values):
            if v is None:
                continue
            if s.stacked:
                if v >= 0:
                    pos[i] += v
                else:
                    neg[i] += v
            else:
                hi, lo = max(hi, v), min(lo, v)
    hi, lo = max([hi, *pos]), min([lo, *neg])
    for s in chart.series:
        if s.kind == "line" and s.axis == axis:
            vals = [v for v in s.values if v is not None]
            if vals:
                hi, lo = max(hi, max(vals)), min(lo, min(vals))
    return lo, hi


def _bar_slots(chart: ChartData) -> tuple[list[Series], list[float], float]:
    """Bar series, each one's offset from the category centre and the bar width (in slots)."""
    bars = [s for s in chart.series if s.kind == "bar"]
    if not bars:
        return [], [], 0.0
    stacked = all(s.stacked for s in bars)
    single = all(sum(s.values[i] is not None for s in bars) <= 1 for i in range(len(chart.categories)))
    if stacked or single or len(bars) == 1:
        return bars, [0.0] * len(bars), 0.62
    w = 0.8 / len(bars)
    return bars, [(k - (len(bars) - 1) / 2) * w for k in range(len(bars))], w * 0.92


def _category_layout(
    chart: ChartData, plot_w: float
) -> tuple[str, int, float]:
    """(mode, step, height) of the category labels under a plot `plot_w` wide."""
    cats = chart.categories
    n = max(len(cats), 1)
    fm = metrics(TICK_PX)
    slot = plot_w / n
    widest = max((fm.horizontalAdvance(c) for c in cats), default=0.0)
    if is_dates(cats):
        step = max(1, math.ceil(n * (widest + 14) / max(plot_w, 1)))
        if step > 1 and len(cats[0]) == 7:  # months: whole quarters, halves, years
            step = next(s for s in (2, 3, 4, 6, 12, 24, 48, 10**6) if s >= step)
        return "straight", step, fm.height() + 6
    if widest <= slot - 6:
        return "straight", 1, fm.height() + 6
    if all(fits_wrapped(fm, c, slot - 6, 2) for c in cats):
        return "wrapped", 1, fm.height() * 2 + 6
    longest = min(widest, 190.0)
    step = 1 if slot >= MIN_ROTATED_SLOT else math.ceil(MIN_ROTATED_SLOT / slot)
    return "rotated", step, longest * 0.71 + fm.height() * 0.71 + 8


def _paint_vertical(p: QPainter, chart: ChartData, body: QRectF, lay: Layout) -> None:
    n = len(chart.categories)
    tick_fm, title_fm = metrics(TICK_PX), metrics(AXIS_TITLE_PX)
    has_right = any(s.axis == "right" for s in chart.series)
    lo, hi = _value_extent(chart, "left")
    label_lines = max((t.count("\n") + 1 for s in chart.series for t in (s.labels or []) if t), default=0)
    label_h = metrics(LABEL_PX, True).height() * label_lines + 6 if label_lines else 0.0
    # first guess of the ticks for the axis width, then the exact ones once the height is known
    ticks, places = nice_ticks(lo, hi * 1.15 if hi > 0 else hi)
    left_w = max(tick_fm.horizontalAdvance(fmt_tick(t, places)) for t in ticks) + 10 + title_fm.height() + 6
    if has_right:
        r_lo, r_hi = chart.y2_range or _value_extent(chart, "right")
        r_ticks, r_places = nice_ticks(r_lo, r_hi)
        right_w = max(tick_fm.horizontalAdvance(fmt_tick(t, r_places)) for t in r_ticks) + 10
        right_w += title_fm.height() + 6
    else:
        right_w = 8.0
    plot_w = body.width() - left_w - right_w
    mode, step, cat_h = _category_layout(chart, plot_w)
    x_title_h = title_fm.height() + 4 if chart.x_label else 0.0
    plot = QRectF(body.left() + left_w, body.top() + 6, plot_w, body.height() - 6 - cat_h - x_title_h)
    lay.plot, lay.category_mode = plot, mode
    # headroom: the highest bar's label must fit under the top of the plot
    room = max(plot.height() - label_h - 4, plot.height() * 0.5)
    ticks, places = nice_ticks(lo, hi * plot.height() / room if hi > 0 else hi)
    y_lo, y_hi = ticks[0], ticks[-1]

    def y_of(v: float) -> float:
        return plot.bottom() - (v - y_lo) / (y_hi - y_lo) * plot.height()

    if has_right:
        r_lo, r_hi = chart.y2_range or _value_extent(chart, "right")
        r_ticks, r_places = nice_ticks(r_lo, r_hi)
        if chart.y2_range:  # percent: 0, 20, … 100 and room for the line's labels above 100
            r_ticks, r_places = nice_ticks(r_lo, r_hi, target=5)
        r_top = r_ticks[-1] * plot.height() / max(plot.height() - label_h - 4, plot.height() * 0.5)

        def y2_of(v: float) -> float:
            return plot.bottom() - (v - r_ticks[0]) / (r_top - r_ticks[0]) * plot.height()

    slot = plot.width() / max(n, 1)

    def x_of(i: float) -> float:
        return plot.left() + (i + 0.5) * slot

    # grid and value axis
    p.setFont(chart_font(TICK_PX))
    for t in ticks:
        y = y_of(t)
        p.setPen(QPen(GRID, 1.0))
        p.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
        p.setPen(TEXT)
        p.drawText(QRectF(body.left(), y - 10, left_w - 8, 20),
                   int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), fmt_tick(t, places))
    if has_right:
        for t in r_ticks:
            y = y2_of(t)
            p.setPen(TEXT)
            p.drawText(QRectF(plot.right() + 8, y - 10, right_w, 20),
                       int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), fmt_tick(t, r_places))
    p.setPen(QPen(AXIS, 1.0))
    p.drawLine(QPointF(plot.left(), plot.top()), QPointF(plot.left(), plot.bottom()))
    p.drawLine(QPointF(plot.left(), y_of(0.0) if y_lo < 0 else plot.bottom()),
               QPointF(plot.right(), y_of(0.0) if y_lo < 0 else plot.bottom()))
    if has_right:
        p.drawLine(QPointF(plot.right(), plot.top()), QPointF(plot.right(), plot.bottom()))
    _axis_titles(p, chart, body, plot, left_w, right_w, has_right, cat_h)
    _category_labels(p, chart, plot, slot, mode, step, lay)

    labels: list[Label] = []
    label_font = chart_font(LABEL_PX, True)
    label_fm = QFontMetricsF(label_font)
    lines_left = any(s.kind == "line" and s.axis != "right" for s in chart.series)
    bars, offsets, width = _bar_slots(chart)
    pos, neg = [0.0] * n, [0.0] * n
    bar_rects: list[QRectF] = []
    p.setPen(QPen(QColor("#ffffff"), 0.8) if any(s.stacked for s in bars) else Qt.PenStyle.NoPen)
    for s, off in zip(bars, offsets, strict=True):
        color = QColor(s.color)
        for i, v in enumerate(s.values):
            if v is None:
                continue
            base = (pos[i] if v >= 0 else neg[i]) if s.stacked else 0.0
            top = base + v
            if s.stacked:
                if v >= 0:
                    pos[i] = top
                else:
                    neg[i] = top
            x0 = x_of(i + off) - width * slot / 2
            r = QRectF(x0, min(y_of(base), y_of(top)), width * slot, abs(y_of(top) - y_of(base)))
            p.setBrush(QColor(s.point_colors[i]) if s.point_colors else color)
            p.drawRect(r)
            bar_rects.append(r)
            lay.hits.append(Hit(r, f"{chart.categories[i]} · {s.name}: {fmt_tick(v, decimal_places(v))}"))
            if s.labels and i < len(s.labels) and s.labels[i]:
                w, h = text_size(label_font, s.labels[i])
                cx = x_of(i + off)
                y_top = r.top() if v >= 0 else r.bottom() + h + 4
                labels.append(Label(s.labels[i], QRectF(cx - w / 2 - 1, y_top - h - 3, w + 2, h),
                                     TEXT, halo=lines_left, weight=abs(top)))
    p.setBrush(Qt.BrushStyle.NoBrush)
    n_lines = sum(1 for s in chart.series if s.kind == "line")
    markers = n_lines * n <= MAX_MARKERS
    line_labels: list[Label] = []
    for s in chart.series:
        if s.kind != "line":
            continue
        to_y = y2_of if s.axis == "right" and has_right else y_of
        color = QColor(s.color)
        thin = s.muted  # the "other" lines of core.chart_fit.fit_chart: thin, no labels
        pen = QPen(color, 1.0 if thin else (2.5 if n_lines <= 8 else 1.5), Qt.PenStyle.SolidLine,
                   Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin)
        p.setPen(pen)
        run: list[QPointF] = []
        points: list[tuple[int, QPointF]] = []
        for i, v in enumerate(s.values):
            if v is None:
                if len(run) > 1:
                    p.drawPolyline(QPolygonF(run))
                run = []
                continue
            pt = QPointF(x_of(i), to_y(v))
            run.append(pt)
            points.append((i, pt))
        if len(run) > 1:
            p.drawPolyline(QPolygonF(run))
        if markers and not thin:
            p.setPen(QPen(QColor("#ffffff"), 1.0))
            p.setBrush(color)
            for _i, pt in points:
                p.drawEllipse(pt, 3.5, 3.5)
            p.setBrush(Qt.BrushStyle.NoBrush)
        for i, pt in points:
            v = s.values[i]
            lay.hits.append(Hit(QRectF(pt.x() - 5, pt.y() - 5, 10, 10),
                                f"{chart.categories[i]} · {s.name}: {fmt_tick(v, decimal_places(v))}"))
        for i, pt in reversed(points):  # the latest values first: they matter most
            text = s.labels[i] if s.labels and i < len(s.labels) else ""
            if text and not thin:
                w, h = label_fm.horizontalAdvance(text), label_fm.height()
                line_labels.append(Label(text, QRectF(pt.x() - w / 2 - 1, pt.y() - h - 7, w + 2, h),
                                          color, halo=True))
    labels.sort(key=lambda lab: -lab.weight)  # the tallest bars' labels first
    place_labels(p, labels + line_labels, plot, body, label_font, lay, bar_rects)


def _axis_titles(p, chart, body, plot, left_w, right_w, has_right, cat_h) -> None:
    font = chart_font(AXIS_TITLE_PX)
    fm = QFontMetricsF(font)
    p.setFont(font)
    p.setPen(TEXT)
    if chart.y_label:
        rotated_text(p, chart.y_label, QPointF(body.left() + fm.ascent(), plot.center().y()), -90,
                      plot.height(), font)
    if has_right and chart.y2_label:
        rotated_text(p, chart.y2_label, QPointF(body.right() - fm.descent() - 2, plot.center().y()),
                      90, plot.height(), font)
    if chart.x_label and not chart.horizontal:
        p.drawText(QRectF(plot.left(), plot.bottom() + cat_h, plot.width(), fm.height() + 4),
                   int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop), chart.x_label)


def _category_labels(p, chart, plot, slot, mode, step, lay: Layout) -> None:
    font = chart_font(TICK_PX)
    fm = QFontMetricsF(font)
    p.setFont(font)
    n = len(chart.categories)
    for i, c in enumerate(chart.categories):
        x = plot.left() + (i + 0.5) * slot
        p.setPen(QPen(AXIS, 1.0))
        tick = 5 if (n - 1 - i) % step == 0 else 2
        p.drawLine(QPointF(x, plot.bottom()), QPointF(x, plot.bottom() + tick))
        if (n - 1 - i) % step:
            continue
        p.setPen(TEXT)
        if mode == "rotated":
            text = fm.elidedText(c, Qt.TextElideMode.ElideRight, 190)
            w = fm.horizontalAdvance(text)
            p.save()
            p.translate(QPointF(x + fm.ascent() * 0.35, plot.bottom() + 8))
            p.rotate(-45)
            p.drawText(QPointF(-w, fm.ascent() * 0.5), text)
            p.restore()
        elif mode == "wrapped":
            p.drawText(QRectF(x - slot / 2 + 2, plot.bottom() + 6, slot - 4, fm.height() * 2 + 2),
                       int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop
                           | Qt.TextFlag.TextWordWrap), c)
        else:
            w = fm.horizontalAdvance(c)
            p.drawText(QRectF(x - w / 2 - 2, plot.bottom() + 6, w + 4, fm.height()),
                       int(Qt.AlignmentFlag.AlignHCenter), c)
        lay.categories_drawn.append(c)


# --- horizontal bars (reductions) --------------------------------------------------------------


def _paint_horizontal(p: QPainter, chart: ChartData, body: QRectF, lay: Layout) -> None:
    n = len(chart.categories)
    tick_font, label_font = chart_font(TICK_PX), chart_font(LABEL_PX, True)
    tick_fm, label_fm, title_fm = QFontMetricsF(tick_font), QFontMetricsF(label_font), metrics(AXIS_TITLE_PX)
    axis_h = tick_fm.height() + 8 + (title_fm.height() + 4 if chart.y_label else 0)
    plot_h = body.height() - 6 - axis_h
    row = plot_h / max(n, 1)
    lines = max(1, min(3, int((row - 2) // tick_fm.height())))  # a category's label: up to 3 lines
    cat_w = min(max((tick_fm.horizontalAdvance(c) for c in chart.categories), default=40.0) + 4,
                body.width() * 0.34)
    plot = QRectF(body.left() + cat_w + 10, body.top() + 6, body.width() - cat_w - 22, plot_h)
    lay.plot = plot
    hi = max((v for s in chart.series for v in s.values if v is not None), default=0.0)
    lo = min([0.0, *(v for s in chart.series for v in s.values if v is not None)])
    # room beside the longest bars for their labels: value v at x must leave its label's width
    need = hi
    for s in chart.series:
        for i, v in enumerate(s.values):
            if v is not None and v > 0 and s.labels and s.labels[i]:
                frac = 1 - (label_fm.horizontalAdvance(s.labels[i]) + 12) / plot.width()
                need = max(need, v / max(frac, 0.4))
    ticks, places = nice_ticks(lo, need)
    x_lo, x_hi = ticks[0], ticks[-1]

    def x_of(v: float) -> float:
        return plot.left() + (v - x_lo) / (x_hi - x_lo) * plot.width()

    p.setFont(tick_font)
    for t in ticks:
        x = x_of(t)
        p.setPen(QPen(GRID, 1.0))
        p.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()))
        p.setPen(TEXT)
        text = fmt_tick(t, places)
        w = tick_fm.horizontalAdvance(text)
        p.drawText(QRectF(x - w / 2 - 2, plot.bottom() + 6, w + 4, tick_fm.height()),
                   int(Qt.AlignmentFlag.AlignHCenter), text)
    if chart.y_label:
        p.setFont(chart_font(AXIS_TITLE_PX))
        below = plot.bottom() + tick_fm.height() + 8
        p.drawText(QRectF(plot.left(), below, plot.width(), title_fm.height() + 4),
                   int(Qt.AlignmentFlag.AlignHCenter), chart.y_label)
    p.setPen(QPen(AXIS, 1.0))
    p.drawLine(QPointF(x_of(0.0), plot.top()), QPointF(x_of(0.0), plot.bottom()))
    p.drawLine(QPointF(plot.left(), plot.bottom()), QPointF(plot.right(), plot.bottom()))
    p.setFont(tick_font)
    wrap = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextWordWrap)
    label_step = max(1, math.ceil(tick_fm.height() / max(row, 1e-6)))  # rows thinner than a line
    for i, c in enumerate(chart.categories):
        y = plot.top() + i * row
        if (n - 1 - i) % label_step:
            continue
        p.setPen(TEXT)
        if lines > 1 and not fits_wrapped(tick_fm, c, cat_w, 1) and fits_wrapped(tick_fm, c, cat_w, lines):
            p.drawText(QRectF(body.left(), y, cat_w, row), wrap, c)
        else:
            p.drawText(QRectF(body.left(), y, cat_w, row),
                       int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                       tick_fm.elidedText(c, Qt.TextElideMode.ElideMiddle, cat_w))
        lay.categories_drawn.append(c)
    p.setPen(QPen(QColor("#9aa5b1"), 1.0, Qt.PenStyle.DashLine))
    for _label, first, _last in chart.groups[1:]:
        y = plot.top() + first * row
        p.drawLine(QPointF(body.left(), y), QPointF(plot.right(), y))
    labels: list[Label] = []
    bar_h = min(row * 0.62, 40.0)
    p.setPen(Qt.PenStyle.NoPen)
    for s in chart.series:
        for i, v in enumerate(s.values):
            if v is None:
                continue
            yc = plot.top() + (i + 0.5) * row
            r = QRectF(min(x_of(0.0), x_of(v)), yc - bar_h / 2, abs(x_of(v) - x_of(0.0)), bar_h)
            p.setBrush(QColor(s.color))
            p.drawRect(r)
            tip = f"{chart.categories[i]}: {fmt_tick(v, decimal_places(v))} {chart.y_label}"
            lay.hits.append(Hit(r, tip))
            if s.labels and s.labels[i]:
                w, h = label_fm.horizontalAdvance(s.labels[i]), label_fm.height()
                labels.append(Label(s.labels[i], QRectF(r.right() + 6, yc - h / 2, w + 2, h), TEXT))
    p.setBrush(Qt.BrushStyle.NoBrush)
    place_labels(p, labels, plot.adjusted(0, -2, 0, 2), plot.adjusted(0, -2, 0, 2), label_font, lay)
