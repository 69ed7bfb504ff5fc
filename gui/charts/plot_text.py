"""The pieces the chart painter (painter.py) lays text out with: colours and sizes, value ticks,
the Layout it reports (for hover and tests), text measuring and wrapping, and the placing of data
labels so that none overlaps another or a bar (one that would is dropped). No drawing of series."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter

from greenledger.gui.charts.fonts import chart_font

TEXT, MUTED, AXIS, GRID = QColor("#1f2933"), QColor("#52606d"), QColor("#52606d"), QColor("#e3e8e4")
TICK_PX, AXIS_TITLE_PX, LEGEND_PX, LABEL_PX = 12, 13, 13, 12
MAX_MARKERS = 400  # dots on lines, all lines together
MIN_ROTATED_SLOT = 17.0  # px per category below which even 45° labels would touch
_DATE = re.compile(r"^\d{4}(-\d{2})?$")


def nice_ticks(lo: float, hi: float, target: int = 5) -> tuple[list[float], int]:
    """Ticks covering [lo, hi] at 1, 2, 2.5 or 5 × 10^k and the decimal places they need."""
    if not math.isfinite(hi) or hi <= lo:
        hi = lo + 1.0
    raw = (hi - lo) / target
    mag = 10 ** math.floor(math.log10(raw))
    step = next(m * mag for m in (1, 2, 2.5, 5, 10) if m * mag >= raw * 0.999)
    first = math.floor(lo / step + 1e-9) * step
    last = math.ceil(hi / step - 1e-9) * step
    count = int(round((last - first) / step))
    ticks = [first + i * step for i in range(count + 1)]
    places = 0
    while places < 6 and any(abs(round(t, places) - t) > step * 1e-6 for t in ticks):
        places += 1
    return ticks, places


def fmt_tick(value: float, places: int) -> str:
    text = f"{value:,.{places}f}"
    return "0" if text.strip("-0.,") == "" else text.replace("-", "−")


def is_dates(categories: list[str]) -> bool:
    return bool(categories) and all(_DATE.match(c) for c in categories)


@dataclass(slots=True)
class Hit:
    """Something drawn that the window can explain on hover: its rectangle and its text."""

    rect: QRectF
    text: str


@dataclass(slots=True)
class Label:
    text: str
    rect: QRectF
    color: QColor
    halo: bool = False
    weight: float = 0.0  # bigger first when labels compete


@dataclass(slots=True)
class Layout:
    """Where the plot was drawn (for hover and tests): plot rectangle, the labels kept and dropped."""

    plot: QRectF = field(default_factory=QRectF)
    labels_drawn: list[str] = field(default_factory=list)
    label_rects: list[QRectF] = field(default_factory=list)
    labels_dropped: int = 0
    categories_drawn: list[str] = field(default_factory=list)
    category_mode: str = "straight"  # straight | wrapped | rotated
    legend_drawn: list[str] = field(default_factory=list)
    legend_beside: bool = True
    hits: list[Hit] = field(default_factory=list)


def metrics(px: int, bold: bool = False) -> QFontMetricsF:
    return QFontMetricsF(chart_font(px, bold))


def text_size(font: QFont, text: str, width: float | None = None) -> tuple[float, float]:
    fm = QFontMetricsF(font)
    if width is None:
        lines = text.split("\n")
        return max(fm.horizontalAdvance(t) for t in lines), fm.height() * len(lines)
    r = fm.boundingRect(QRectF(0, 0, width, 10_000), int(Qt.TextFlag.TextWordWrap), text)
    return r.width(), r.height()


def fits_wrapped(fm: QFontMetricsF, text: str, width: float, lines: int) -> bool:
    """`text` wraps at word boundaries into at most `lines` lines of `width`, no word cut."""
    if any(fm.horizontalAdvance(w) > width for w in text.split()):
        return False
    r = fm.boundingRect(QRectF(0, 0, width, 10_000), int(Qt.TextFlag.TextWordWrap), text)
    return r.height() <= fm.height() * lines + 0.5


def decimal_places(v: float) -> int:
    a = abs(v)
    return 0 if a >= 100 else 1 if a >= 10 else 2 if a >= 0.1 or a == 0 else 4


def rotated_text(p: QPainter, text: str, at: QPointF, angle: float, room: float, font: QFont) -> None:
    """`text` centred on `at`, turned by `angle` degrees, elided to `room` px."""
    fm = QFontMetricsF(font)
    text = fm.elidedText(text, Qt.TextElideMode.ElideRight, room)
    w = fm.horizontalAdvance(text)
    p.save()
    p.translate(at)
    p.rotate(angle)
    p.drawText(QPointF(-w / 2, 0), text)
    p.restore()


def place_labels(p: QPainter, labels: list[Label], plot: QRectF, body: QRectF, font: QFont,
                  lay: Layout, bars: list[QRectF] | None = None) -> None:
    """Draw each label that stays inside the plot and overlaps none drawn before it (nor a bar,
    unless it has a halo); drop the rest."""
    placed: list[QRectF] = []
    p.setFont(font)
    bounds = QRectF(plot.left(), body.top(), plot.width() + 6, plot.bottom() - body.top())
    for lab in labels:
        r = QRectF(lab.rect)
        if r.right() > bounds.right():  # a label on a last point moves left rather than out
            r.moveRight(bounds.right())
        if r.left() < bounds.left():
            r.moveLeft(bounds.left())
        if not bounds.contains(r) or any(r.adjusted(-2, -1, 2, 1).intersects(q) for q in placed) or (
            not lab.halo and bars and any(r.intersects(b.adjusted(0.5, 0.5, -0.5, 0))
                                          for b in bars if b.height() > 0)
        ):
            lay.labels_dropped += 1
            continue
        placed.append(r)
        if lab.halo:
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(QColor(255, 255, 255, 215))
            p.drawRect(r.adjusted(-2, 0, 2, 0))
            p.setBrush(Qt.BrushStyle.NoBrush)
        p.setPen(lab.color)
        p.drawText(r.adjusted(-2, 0, 2, 0),
                   int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter), lab.text)
        lay.labels_drawn.append(lab.text)
        lay.label_rects.append(r)
