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
    QRect,
    QRectF,
    QSize,
    QSizeF,
    Qt,
)
from PySide6.QtGui import QColor, QFontMetrics, QGuiApplication, QImage, QPageSize, QPainter, QPdfWriter

from greenledger.core import __version__
from greenledger.core.chart_data import ChartData
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
        from greenledger.gui.app import make_app

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


def _offscreen_plot(chart: ChartData, w: int, h: int, pen_scale: float):
    from greenledger.gui.charts.plot_chart import ChartPlot

    ensure_app()
    keep_singletons_alive()
    plot = ChartPlot(pen_scale=pen_scale)
    plot.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)
    plot.resize(w, h)
    plot.show()
    plot.set_chart(chart)
    for _ in range(3):
        QGuiApplication.processEvents()
    plot._update_ticks()
    QGuiApplication.processEvents()
    return plot


def paint_chart(
    p: QPainter, chart: ChartData, lw: float, lh: float, *, pen_scale: float = 1.0, background: bool = True
) -> None:
    """Paint title, subtitle, plot and source line into (0, 0, lw, lh) logical px of `p`."""
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    if background:
        p.fillRect(QRectF(0, 0, lw, lh), QColor("white"))
    inner = lw - 2 * MARGIN
    p.setPen(TEXT)
    p.setFont(chart_font(26, bold=True))
    p.drawText(
        QRectF(MARGIN, MARGIN - 6, inner, 38),
        Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
        chart.title,
    )
    top = MARGIN + 36
    if chart.subtitle:
        p.setFont(chart_font(15))
        p.setPen(MUTED)
        p.drawText(QRectF(MARGIN, top, inner, 22), Qt.AlignmentFlag.AlignLeft, chart.subtitle)
        top += 24
    top += 6
    source_font = chart_font(12)
    flags = Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap
    src_h = (
        QFontMetrics(source_font)
        .boundingRect(QRect(0, 0, int(inner), 2000), flags, chart.source_line)
        .height()
    )
    plot_rect = QRectF(MARGIN - 8, top, inner + 16, lh - top - src_h - MARGIN - 12)
    _paint_body(p, chart, plot_rect, pen_scale)
    y = lh - MARGIN - src_h
    p.setPen(RULE)
    p.drawLine(QRectF(MARGIN, y - 6, inner, 0).topLeft(), QRectF(MARGIN, y - 6, inner, 0).topRight())
    p.setPen(MUTED)
    p.setFont(source_font)
    p.drawText(QRectF(MARGIN, y, inner, src_h + 4), flags, chart.source_line)


def _paint_body(p: QPainter, chart: ChartData, rect: QRectF, pen_scale: float) -> None:
    if chart.pictogram is not None or chart.name == "equivalents":
        from greenledger.gui.charts.pictogram import paint_pictogram

        paint_pictogram(p, rect, chart)
    else:
        _paint_plot(p, chart, rect, pen_scale)


def _paint_plot(p: QPainter, chart: ChartData, rect: QRectF, pen_scale: float) -> None:
    plot = _offscreen_plot(chart, int(rect.width()), int(rect.height()), pen_scale)
    scene = plot.scene()
    scene.prepareForPaint()
    items = [i for i in scene.items() if hasattr(i, "setExportMode")]
    for item in items:
        item.setExportMode(True, {"painter": p, "resolutionScale": pen_scale, "antialias": True})
    try:
        scene.render(p, rect, plot.content_rect())
    finally:
        keep_singletons_alive()
        for item in items:
            item.setExportMode(False)
        plot.hide()  # not close(): pyqtgraph's GraphicsView.close() clears the scene under us
        plot.deleteLater()


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
        _paint_body(p, chart, QRectF(0, 0, lw, lh), scale)
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
