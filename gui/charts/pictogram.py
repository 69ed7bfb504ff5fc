"""The equivalents chart: a headline ("≈ 22,346 trees"), a row of simple tree pictograms, the
other equivalents, and the factor with its source; painted with QPainter so the widget, the PNG,
the SVG and the PDF share one drawing."""

from __future__ import annotations

import math

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from greenledger.core.chart_data import INITIATIVE_COLOR, ChartData
from greenledger.gui.charts.fonts import chart_font

TEXT, MUTED, TRUNK = QColor("#1f2933"), QColor("#52606d"), QColor("#8d6e4a")
ICONS = 10


def nice_per_icon(count: float, icons: int = ICONS) -> float:
    """A round number of units per icon: 1, 2, 5 × 10^k, so that about `icons` icons show."""
    if count <= icons:
        return 1.0
    raw = count / icons
    mag = 10 ** math.floor(math.log10(raw))
    return next(m * mag for m in (1, 2, 5, 10) if m * mag >= raw)


def _tree(p: QPainter, x: float, y: float, h: float, fraction: float = 1.0) -> None:
    """A stylised tree whose box is (x, y, 0.7h, h); `fraction` < 1 draws its left part only, cut as
    geometry (not a clip, which librsvg ignores in an SVG and so drew a whole tree)."""
    w = 0.7 * h
    trunk = QPainterPath()
    trunk.addRect(QRectF(x + w * 0.42, y + h * 0.62, w * 0.16, h * 0.38))
    crown = QPainterPath()
    crown.moveTo(QPointF(x + w / 2, y))
    crown.lineTo(QPointF(x + w, y + h * 0.72))
    crown.lineTo(QPointF(x, y + h * 0.72))
    crown.closeSubpath()
    if fraction < 1.0:
        keep = QPainterPath()
        keep.addRect(QRectF(x, y, w * fraction, h))
        trunk, crown = trunk.intersected(keep), crown.intersected(keep)
    p.save()
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(TRUNK)
    p.drawPath(trunk)
    p.setBrush(QColor(INITIATIVE_COLOR))
    p.drawPath(crown)
    p.restore()


def paint_pictogram(p: QPainter, rect: QRectF, chart: ChartData) -> None:
    """Draw the equivalents chart inside `rect` (logical pixels)."""
    pict = chart.pictogram
    if not pict:
        p.setFont(chart_font(16))
        p.setPen(MUTED)
        p.drawText(
            rect,
            Qt.AlignmentFlag.AlignCenter,
            QCoreApplication.translate("Pictogram", "No figure to show as equivalents"),
        )
        return
    x, y, w = rect.left() + 8, rect.top() + 8, rect.width() - 16
    p.setPen(TEXT)
    p.setFont(chart_font(40, bold=True))
    p.drawText(
        QRectF(x, y, w, 56), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, pict["headline"]
    )
    y += 60
    p.setFont(chart_font(16))
    p.setPen(MUTED)
    label = QCoreApplication.translate("Pictogram", "{0} — from {1}").format(pict["label"], pict["amount"])
    flags = Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap
    used = p.boundingRect(QRectF(x, y, w, 60), flags, label).height()
    p.drawText(QRectF(x, y, w, 60), flags, label)
    y += min(used, 60) + 12
    per = nice_per_icon(pict["count"])
    icons = pict["count"] / per
    n = max(1, min(ICONS, math.ceil(icons)))
    h = min(130.0, max(28.0, rect.height() * 0.3), (w - 10 * (n - 1)) / n / 0.7)
    for i in range(n):
        _tree(p, x + i * (0.7 * h + 10), y, h, min(1.0, icons - i))
    y += h + 10
    p.setFont(chart_font(13))
    p.setPen(MUTED)
    p.drawText(
        QRectF(x, y, w, 20),
        Qt.AlignmentFlag.AlignLeft,
        QCoreApplication.translate("Pictogram", "each icon = {0} {1}; factor {2}").format(
            f"{per:,.0f}", pict["unit"], pict["factor"]
        ),
    )
    y += 34
    p.setPen(TEXT)
    p.setFont(chart_font(15))
    for line in pict["others"]:
        if y + 22 > rect.bottom():
            break
        p.drawText(QRectF(x, y, w, 22), Qt.AlignmentFlag.AlignLeft, line)
        y += 24
    if pict.get("note") and y + 20 <= rect.bottom():
        p.setFont(chart_font(12))
        p.setPen(MUTED)
        p.drawText(
            QRectF(x, y + 6, w, 40),
            Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap,
            QCoreApplication.translate("Pictogram", "Note: {0}").format(pict["note"]),
        )


class PictogramWidget(QWidget):
    """The equivalents chart on screen."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chart: ChartData | None = None
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumHeight(260)

    def set_chart(self, chart: ChartData) -> None:
        self.chart = chart
        self.update()

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt override
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(self.rect(), QColor("white"))
        if self.chart is not None:
            paint_pictogram(p, QRectF(self.rect()), self.chart)
        p.setPen(QPen(Qt.PenStyle.NoPen))
        p.end()
