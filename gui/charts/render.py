"""Charts rendered by us through Qt, not pyqtgraph's exporters (no PDF there, legends that do not
scale, blurry high-DPI images, black SVG backgrounds): a chart is laid out at a logical width of
960–1280 px and painted through a scaled QPainter into a QImage (PNG, clipboard), a QSvgGenerator
(SVG, text kept as text) or a QPdfWriter (one vector page). Every file carries provenance
(core.chart_data.ChartData.provenance) in its metadata; the source line is on the image too.
"""

from __future__ import annotations

import json
import os
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QCoreApplication,
    QIODevice,
    QMarginsF,
    QMimeData,
    QPointF,
    QRectF,
    QSize,
    QSizeF,
    Qt,
)
from PySide6.QtGui import QColor, QFontMetricsF, QGuiApplication, QImage, QPageSize, QPainter, QPdfWriter

from greenledger.core import __version__
from greenledger.core.chart_data import ChartData
from greenledger.core.chart_fit import fit_chart
from greenledger.gui.charts import keep_singletons_alive
from greenledger.gui.charts.fonts import chart_font, css_families

MIN_LOGICAL_W, MAX_LOGICAL_W = 960, 1280
MARGIN = 28
TEXT, MUTED, RULE = QColor("#1f2933"), QColor("#52606d"), QColor("#d7dfd8")
# name -> (width in, height in, default dpi): 16:9 slide 1920×1080 at 144 dpi, 4:3 1440×1080,
# A4 width (210 mm) at 300 dpi, 148 mm high (half a page, for a report).
PRESETS = {"16:9": (13.333, 7.5, 144), "4:3": (10.0, 7.5, 144), "a4": (210 / 25.4, 148 / 25.4, 300)}


def ensure_app():
    """A QApplication for headless use: the offscreen platform when there is no display."""
    from PySide6.QtWidgets import QApplication

    keep_singletons_alive()
    app = QApplication.instance()
    if app is None:
        if sys.platform.startswith("linux") and not (
            os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
        ):
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        from greenledger.gui.qt_app import make_app

        app = make_app()
    return app


@dataclass(frozen=True, slots=True)
class ExportSize:
    """Pixels of the image (PNG) and, with the dpi, the page size (PDF) in inches."""

    width_px: int
    height_px: int
    dpi: float = 96.0

    @property
    def inches(self) -> tuple[float, float]:
        return self.width_px / self.dpi, self.height_px / self.dpi

    @property
    def logical(self) -> tuple[float, float, float]:
        """(width, height, scale): the layout size in logical px and device px per logical px."""
        lw = float(min(max(self.width_px, MIN_LOGICAL_W), MAX_LOGICAL_W))
        scale = self.width_px / lw
        return lw, self.height_px / scale, scale


def resolve_size(
    width: int | None = None, height: int | None = None, size: str | None = None, dpi: float | None = None
) -> ExportSize:
    """--width/--height (px, 96 dpi unless --dpi), or a preset (--size) at its dpi or --dpi."""
    if size:
        if size.lower() not in PRESETS:
            raise ValueError(
                QCoreApplication.translate("Render", "unknown size {0}; use one of {1}").format(
                    repr(size), ", ".join(PRESETS)
                )
            )
        w_in, h_in, default_dpi = PRESETS[size.lower()]
        d = dpi or default_dpi
        return ExportSize(round(w_in * d), round(h_in * d), d)
    if width and not height:
        height = round(width * 9 / 16)
    if height and not width:
        width = round(height * 16 / 9)
    return ExportSize(width or 1920, height or 1080, dpi or (96.0 if width else 144.0))


# --- painting --------------------------------------------------------------------------------


def _wrapped(font, text: str, width: float, max_lines: int) -> tuple[str, float]:
    """`text` wrapped at words into at most `max_lines` lines of `width` (the last one elided):
    the text to draw (with line breaks) and its height."""
    fm = QFontMetricsF(font)
    lines: list[str] = []
    words = text.split(" ")
    while words and len(lines) < max_lines:
        line = words.pop(0)
        while words and fm.horizontalAdvance(line + " " + words[0]) <= width:
            line += " " + words.pop(0)
        if len(lines) == max_lines - 1 and words:
            line = fm.elidedText(line + " " + " ".join(words), Qt.TextElideMode.ElideRight, width)
            words = []
        elif fm.horizontalAdvance(line) > width:  # one long word (Chinese has no spaces)
            cut = len(line)
            while cut > 1 and fm.horizontalAdvance(line[:cut]) > width:
                cut -= 1
            words.insert(0, line[cut:])
            line = line[:cut]
        lines.append(line)
    return "\n".join(lines), fm.height() * len(lines)


def paint_chart(
    p: QPainter, chart: ChartData, lw: float, lh: float, *, pen_scale: float = 1.0, background: bool = True
) -> None:
    """Paint title (wrapped, never cut), subtitle, plot and source line into (0, 0, lw, lh) logical
    px of `p`. The plot shows core.chart_fit.fit_chart of `chart` (top series and "Other", named in
    the source line)."""
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    if background:
        p.fillRect(QRectF(0, 0, lw, lh), QColor("white"))
    inner = lw - 2 * MARGIN
    title_font = chart_font(26 if lw >= 720 else 20, bold=True)
    title, title_h = _wrapped(title_font, chart.title, inner, 2)
    p.setPen(TEXT)
    p.setFont(title_font)
    p.drawText(QRectF(MARGIN, MARGIN - 4, inner, title_h + 2), Qt.AlignmentFlag.AlignLeft, title)
    top = MARGIN - 4 + title_h + 2
    if chart.subtitle:
        sub_font = chart_font(15)
        sub, sub_h = _wrapped(sub_font, chart.subtitle, inner, 2)
        p.setFont(sub_font)
        p.setPen(MUTED)
        p.drawText(QRectF(MARGIN, top, inner, sub_h + 2), Qt.AlignmentFlag.AlignLeft, sub)
        top += sub_h + 2
    top += 8
    source_font = chart_font(12)
    flags = Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap
    fm = QFontMetricsF(source_font)

    def source_height(text: str) -> float:
        return fm.boundingRect(QRectF(0, 0, inner, 4000), int(flags), text).height()

    src_h = source_height(chart.source_line)
    plot_rect = QRectF(MARGIN - 8, top, inner + 16, lh - top - src_h - MARGIN - 12)
    shown = chart
    if chart.pictogram is None and chart.name != "equivalents":
        shown = fit_chart(chart, plot_rect.width(), plot_rect.height())
        if shown.notes:
            src_h = source_height(shown.source_line)
            plot_rect.setBottom(lh - src_h - MARGIN - 12)
    _paint_body(p, shown, plot_rect, pen_scale)
    y = lh - MARGIN - src_h
    p.setPen(RULE)
    p.drawLine(QPointF(MARGIN, y - 6), QPointF(MARGIN + inner, y - 6))
    p.setPen(MUTED)
    p.setFont(source_font)
    p.drawText(QRectF(MARGIN, y, inner, src_h + 4), flags, shown.source_line)


def _paint_body(p: QPainter, chart: ChartData, rect: QRectF, pen_scale: float = 1.0) -> None:
    if chart.pictogram is not None or chart.name == "equivalents":
        from greenledger.gui.charts.pictogram import paint_pictogram

        paint_pictogram(p, rect, chart)
    else:
        from greenledger.gui.charts.painter import paint_plot

        paint_plot(p, chart, rect)


# --- files -----------------------------------------------------------------------------------


def render_image(chart: ChartData, size: ExportSize, transparent: bool = False, bare: bool = False) -> QImage:
    """The chart as a QImage of size.width_px × size.height_px, with provenance text; `bare`:
    the plot only, without title and source line (for a slide that has its own)."""
    ensure_app()
    lw, lh, scale = size.logical
    img = QImage(size.width_px, size.height_px, QImage.Format.Format_ARGB32_Premultiplied)
    img.fill(Qt.GlobalColor.transparent if transparent else Qt.GlobalColor.white)
    p = QPainter(img)
    p.scale(scale, scale)
    if bare:
        shown = chart if chart.pictogram is not None else fit_chart(chart, lw, lh)
        _paint_body(p, shown, QRectF(0, 0, lw, lh), scale)
    else:
        paint_chart(p, chart, lw, lh, pen_scale=scale, background=not transparent)
    p.end()
    dpm = round(size.dpi / 0.0254)
    img.setDotsPerMeterX(dpm)
    img.setDotsPerMeterY(dpm)
    for key, value in chart.provenance(__version__).items():
        img.setText(key, value)
    return img


def save_png(chart: ChartData, path: Path, size: ExportSize, transparent: bool = False) -> Path:
    img = render_image(chart, size, transparent)
    if not img.save(str(path), "PNG"):
        raise OSError(QCoreApplication.translate("Render", "{0}: cannot be written").format(path))
    return path


def save_svg(chart: ChartData, path: Path, size: ExportSize, transparent: bool = False) -> Path:
    """SVG with text as <text> (font-family with CJK fallbacks), a white background rect and
    a <metadata> element; sized in px, drawn in a logical viewBox."""
    from PySide6.QtSvg import QSvgGenerator

    ensure_app()
    lw, lh, _ = size.logical
    buf = QBuffer()
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    gen = QSvgGenerator()
    gen.setOutputDevice(buf)
    gen.setSize(QSize(size.width_px, size.height_px))
    gen.setViewBox(QRectF(0, 0, lw, lh))
    gen.setResolution(96)
    gen.setTitle(chart.title)
    gen.setDescription(chart.source_line)
    p = QPainter(gen)
    paint_chart(p, chart, lw, lh, background=False)
    p.end()
    text = bytes(buf.data()).decode("utf-8")
    path.write_text(_finish_svg(text, chart, size, transparent), encoding="utf-8")
    return path


def _finish_svg(text: str, chart: ChartData, size: ExportSize, transparent: bool) -> str:
    lw, lh, scale = size.logical
    fams = css_families().replace('"', "'")
    text = re.sub(r'font-family="[^"]*"', f'font-family="{fams}"', text)
    prov = chart.provenance(__version__)
    meta = (
        '<metadata id="greenledger-provenance">'
        '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:gl="https://greenledger.app/ns/provenance#">'
        f"<rdf:Description><dc:title>{escape(chart.title)}</dc:title>"
        f"<dc:creator>{escape(prov['Software'])}</dc:creator>"
        f"<dc:source>{escape(chart.source_line)}</dc:source>"
        + "".join(f"<gl:{_xml_key(k)}>{escape(v)}</gl:{_xml_key(k)}>" for k, v in prov.items())
        + "</rdf:Description></rdf:RDF>"
        f"<gl:json>{escape(json.dumps(prov, ensure_ascii=False))}</gl:json></metadata>"
    )
    bg = "" if transparent else f'<rect x="0" y="0" width="{lw:g}" height="{lh:g}" fill="#ffffff"/>'
    m = re.search(r"<svg\b[^>]*>", text)
    assert m is not None, "QSvgGenerator wrote no <svg> element"
    head = re.sub(r'\swidth="[^"]*"', f' width="{round(lw * scale)}"', m.group(0), count=1)
    head = re.sub(r'\sheight="[^"]*"', f' height="{round(lh * scale)}"', head, count=1)
    if "xmlns:gl" not in head:
        head = head[:-1] + ' xmlns:gl="https://greenledger.app/ns/provenance#">'
    return text[: m.start()] + head + meta + bg + text[m.end() :]


def _xml_key(key: str) -> str:
    return re.sub(r"[^A-Za-z0-9]+", "_", key).strip("_")


def save_pdf(chart: ChartData, path: Path, size: ExportSize) -> Path:
    """One vector page of size.inches, with title/creator info and XMP provenance."""
    ensure_app()
    lw, lh, _ = size.logical
    w_in, h_in = size.inches
    writer = QPdfWriter(str(path))
    writer.setResolution(int(max(size.dpi, 300)))
    writer.setPageSize(
        QPageSize(
            QSizeF(w_in * 72, h_in * 72),
            QPageSize.Unit.Point,
            "GreenLedger chart",
            QPageSize.SizeMatchPolicy.ExactMatch,
        )
    )
    writer.setPageMargins(QMarginsF(0, 0, 0, 0))
    prov = chart.provenance(__version__)
    writer.setTitle(chart.title)
    writer.setCreator(prov["Software"])
    if hasattr(writer, "setDocumentXmpMetadata"):
        writer.setDocumentXmpMetadata(QByteArray(_xmp(chart, prov).encode("utf-8")))
    p = QPainter(writer)
    scale = p.device().width() / lw
    p.scale(scale, scale)
    paint_chart(p, chart, lw, lh, pen_scale=scale)
    p.end()
    return path


def _xmp(chart: ChartData, prov: dict[str, str]) -> str:
    fields = "".join(f"<gl:{_xml_key(k)}>{escape(v)}</gl:{_xml_key(k)}>" for k, v in prov.items())
    return (
        '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>'
        '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
        '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmlns:pdf="http://ns.adobe.com/pdf/1.3/" '
        'xmlns:gl="https://greenledger.app/ns/provenance#">'
        f'<dc:title><rdf:Alt><rdf:li xml:lang="x-default">{escape(chart.title)}</rdf:li></rdf:Alt></dc:title>'
        f'<dc:description><rdf:Alt><rdf:li xml:lang="x-default">{escape(chart.source_line)}</rdf:li>'
        f"</rdf:Alt></dc:description><xmp:CreatorTool>{escape(prov['Software'])}</xmp:CreatorTool>"
        f"<pdf:Producer>{escape(prov['Software'])}</pdf:Producer>"
        f"<pdf:Keywords>{escape('sha256:' + prov['Data SHA-256'])}</pdf:Keywords>{fields}"
        '</rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>'
    )


def export_chart(chart: ChartData, path: Path, size: ExportSize, transparent: bool = False) -> Path:
    """Write `chart` to `path` as .png, .svg or .pdf (by suffix)."""
    suffix = path.suffix.lower()
    if suffix == ".png":
        return save_png(chart, path, size, transparent)
    if suffix == ".svg":
        return save_svg(chart, path, size, transparent)
    if suffix == ".pdf":
        return save_pdf(chart, path, size)
    raise ValueError(
        QCoreApplication.translate("Render", "{0}: export as .png, .svg or .pdf").format(path.name)
    )


def copy_to_clipboard(chart: ChartData, size: ExportSize | None = None) -> QMimeData:
    """Put the chart on the clipboard: an image, and PNG bytes at 2× for Office."""
    size = size or ExportSize(1280, 720, 96)
    img = render_image(chart, size)
    img2 = render_image(chart, ExportSize(size.width_px * 2, size.height_px * 2, size.dpi * 2))
    buf = QBuffer()
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    img2.save(buf, "PNG")
    mime = QMimeData()
    mime.setImageData(img)
    mime.setData("image/png", buf.data())
    QGuiApplication.clipboard().setMimeData(mime)
    return mime
