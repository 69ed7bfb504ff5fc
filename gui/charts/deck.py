"""The PowerPoint deck (python-pptx), 16:9: a title slide, then one slide per chart with a native,
editable chart (bar, stacked bar, line; the renewable share on a second axis is built as chart
XML), its title, the key figures in a text box, the source line, and the method, factors and
sources in the speaker notes. The equivalents slide is a picture rendered by render.py.
Core properties carry the provenance."""

from __future__ import annotations

import hashlib
import io
import json
from datetime import date
from pathlib import Path
from xml.sax.saxutils import escape

from lxml import etree
from pptx import Presentation
from pptx.chart.data import CategoryChartData
from pptx.dml.color import RGBColor
from pptx.enum.chart import XL_CHART_TYPE, XL_LABEL_POSITION, XL_LEGEND_POSITION
from pptx.oxml.ns import qn
from pptx.util import Emu, Inches, Pt

from greenledger.core import __version__
from greenledger.core.chart_data import ChartData, Filters
from greenledger.core.charts import CHART_NAMES, build_chart
from greenledger.core.i18n import translate

LATIN_FONT, EA_FONT = "Arial", "Microsoft YaHei"  # LibreOffice maps YaHei to Noto Sans CJK SC
TEXT, MUTED = RGBColor(0x1F, 0x29, 0x33), RGBColor(0x52, 0x60, 0x6D)
SLIDE_W, SLIDE_H = Emu(12192000), Emu(6858000)  # 13.333 × 7.5 in, exactly 16:9


def _rgb(hex_color: str) -> RGBColor:
    return RGBColor.from_string(hex_color.lstrip("#").upper())


def _font(font, size: float, color: RGBColor = TEXT, bold: bool = False) -> None:
    """Latin and East Asian typefaces, so Chinese text has a CJK font in PowerPoint and Keynote."""
    font.name = LATIN_FONT
    font.size = Pt(size)
    font.bold = bold
    font.color.rgb = color
    rpr = font._rPr
    for tag in ("a:ea", "a:cs"):
        el = rpr.find(qn(tag))
        if el is None:
            el = etree.SubElement(rpr, qn(tag))
        el.set("typeface", EA_FONT)


def _text(slide, x, y, w, h, text: str, size: float, color=TEXT, bold=False):
    box = slide.shapes.add_textbox(x, y, w, h)
    tf = box.text_frame
    tf.word_wrap = True
    for i, line in enumerate(text.split("\n")):
        para = tf.paragraphs[0] if i == 0 else tf.add_paragraph()
        run = para.add_run()
        run.text = line
        _font(run.font, size, color, bold)
    return box


def _chart_type(chart: ChartData) -> XL_CHART_TYPE:
    bars = [s for s in chart.series if s.kind == "bar"]
    if not bars:
        return XL_CHART_TYPE.LINE_MARKERS
    if chart.horizontal:
        return XL_CHART_TYPE.BAR_CLUSTERED
    if all(s.stacked for s in bars):
        return XL_CHART_TYPE.COLUMN_STACKED
    return XL_CHART_TYPE.COLUMN_CLUSTERED


def add_native_chart(slide, chart: ChartData, x, y, w, h):
    """A native PowerPoint chart of `chart`; returns the python-pptx Chart."""
    data = CategoryChartData(number_format="#,##0.0##")
    data.categories = chart.categories
    for s in chart.series:
        data.add_series(s.name, s.values)
    gframe = slide.shapes.add_chart(_chart_type(chart), x, y, w, h, data)
    pc = gframe.chart
    _font(pc.font, 12)
    pc.has_title = False  # the slide has the title
    pc.has_legend = len(chart.series) > 1
    if pc.has_legend:
        pc.legend.position = XL_LEGEND_POSITION.TOP
        pc.legend.include_in_layout = False
        _font(pc.legend.font, 12)
    plot = pc.plots[0]
    if chart.horizontal or (len(chart.series) > 1 and _chart_type(chart) != XL_CHART_TYPE.LINE_MARKERS):
        plot.gap_width = 60
        if chart.horizontal:
            plot.overlap = 100  # one bar per category: centred, not offset by empty series
    _style_series(pc, chart)
    _axes(pc, chart)
    if any(s.axis == "right" for s in chart.series):
        _move_to_secondary_axis(pc, chart)
    return pc


def _style_series(pc, chart: ChartData) -> None:
    stacked = _chart_type(chart) == XL_CHART_TYPE.COLUMN_STACKED
    for ser, s in zip(pc.plots[0].series, chart.series, strict=True):
        if s.kind == "line":
            ser.format.line.color.rgb = _rgb(s.color)
            ser.format.line.width = Pt(2.5)
            ser.smooth = False
        else:
            ser.format.fill.solid()
            ser.format.fill.fore_color.rgb = _rgb(s.color)
        for i, c in enumerate(s.point_colors or []):
            pt = ser.points[i]
            pt.format.fill.solid()
            pt.format.fill.fore_color.rgb = _rgb(c)
        for i, label in enumerate(s.labels or []):
            if not label or s.values[i] is None:
                continue
            dl = ser.points[i].data_label
            dl.text_frame.text = label.replace("\n", " · ") if stacked else label
            for para in dl.text_frame.paragraphs:
                for run in para.runs:
                    _font(run.font, 11, TEXT if s.kind == "bar" else _rgb(s.color), bold=True)
            if s.kind == "line":
                dl.position = XL_LABEL_POSITION.ABOVE
            elif stacked:
                dl.position = XL_LABEL_POSITION.INSIDE_END
            else:
                dl.position = XL_LABEL_POSITION.OUTSIDE_END


def _axes(pc, chart: ChartData) -> None:
    va, ca = pc.value_axis, pc.category_axis
    va.has_major_gridlines = True
    va.major_gridlines.format.line.color.rgb = RGBColor(0xE4, 0xE7, 0xEB)
    va.tick_labels.number_format = "#,##0" if max(_max(chart), 0) >= 100 else "#,##0.0#"
    va.tick_labels.number_format_is_linked = False
    _font(va.tick_labels.font, 11, MUTED)
    _font(ca.tick_labels.font, 11, MUTED)
    va.minimum_scale = 0
    va.has_title = True
    va.axis_title.text_frame.text = chart.y_label
    _font(va.axis_title.text_frame.paragraphs[0].runs[0].font, 12, MUTED)
    if chart.horizontal:
        ca.reverse_order = True  # the first category at the top, as on screen


def _max(chart: ChartData) -> float:
    return max((v for s in chart.series if s.axis == "left" for v in s.values if v is not None), default=0.0)


def _move_to_secondary_axis(pc, chart: ChartData) -> None:
    """Move the right-axis series of a bar chart into a line chart on a second value axis (the
    chart XML python-pptx has no API for)."""
    plot_area = pc._chartSpace.chart.plotArea
    bar = plot_area.find(qn("c:barChart"))
    sers = bar.findall(qn("c:ser"))
    line = etree.SubElement(plot_area, qn("c:lineChart"))
    bar.addnext(line)
    etree.SubElement(line, qn("c:grouping")).set("val", "standard")
    etree.SubElement(line, qn("c:varyColors")).set("val", "0")
    for ser, s in zip(sers, chart.series, strict=True):
        if s.axis != "right":
            continue
        bar.remove(ser)
        for tag in ("c:invertIfNegative", "c:shape"):
            for el in ser.findall(qn(tag)):
                ser.remove(el)
        marker = etree.fromstring(
            f'<c:marker xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" '
            f'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><c:symbol val="circle"/>'
            f'<c:size val="6"/><c:spPr><a:solidFill><a:srgbClr val="{s.color.lstrip("#")}"/></a:solidFill>'
            f"</c:spPr></c:marker>"
        )
        ser.find(qn("c:spPr")).addnext(marker)
        etree.SubElement(ser, qn("c:smooth")).set("val", "0")
        line.append(ser)
    etree.SubElement(line, qn("c:marker")).set("val", "1")
    cat_id, val_id = "50010", "50020"
    etree.SubElement(line, qn("c:axId")).set("val", cat_id)
    etree.SubElement(line, qn("c:axId")).set("val", val_id)
    last_ax = plot_area.findall(qn("c:valAx"))[-1]
    lo, hi = chart.y2_range or (0.0, 100.0)
    axes = etree.fromstring(
        '<r xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" '
        'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">'
        f'<c:catAx><c:axId val="{cat_id}"/><c:scaling><c:orientation val="minMax"/></c:scaling>'
        f'<c:delete val="1"/><c:axPos val="b"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/>'
        f'<c:tickLblPos val="nextTo"/><c:crossAx val="{val_id}"/><c:crosses val="autoZero"/>'
        f'<c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>'
        f'<c:valAx><c:axId val="{val_id}"/><c:scaling><c:orientation val="minMax"/>'
        f'<c:max val="{hi:g}"/><c:min val="{lo:g}"/></c:scaling><c:delete val="0"/><c:axPos val="r"/>'
        f'<c:title><c:tx><c:rich><a:bodyPr rot="-5400000"/><a:p><a:pPr><a:defRPr sz="1200"/></a:pPr>'
        f'<a:r><a:rPr sz="1200"><a:solidFill><a:srgbClr val="52606D"/></a:solidFill>'
        f'<a:latin typeface="{LATIN_FONT}"/><a:ea typeface="{EA_FONT}"/><a:cs typeface="{EA_FONT}"/>'
        f"</a:rPr><a:t>{escape(chart.y2_label or '')}</a:t></a:r></a:p></c:rich></c:tx>"
        f'<c:overlay val="0"/></c:title><c:numFmt formatCode="0&quot; %&quot;" sourceLinked="0"/>'
        f'<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>'
        f'<c:crossAx val="{cat_id}"/><c:crosses val="max"/><c:crossBetween val="between"/></c:valAx></r>'
    )
    for ax in reversed(list(axes)):
        last_ax.addnext(ax)


def add_chart_slide(prs, chart: ChartData, png_for_picture=None) -> None:
    slide = prs.slides.add_slide(prs.slide_layouts[6])
    _text(slide, Inches(0.5), Inches(0.3), Inches(12.3), Inches(0.7), chart.title, 28, bold=True)
    if chart.subtitle:
        _text(slide, Inches(0.5), Inches(0.95), Inches(12.3), Inches(0.4), chart.subtitle, 16, MUTED)
    x, y, w, h = Inches(0.4), Inches(1.35), Inches(9.1), Inches(5.15)
    if chart.pictogram is not None and png_for_picture is not None:
        slide.shapes.add_picture(io.BytesIO(png_for_picture(chart)), x, y, w, h)
    else:
        add_native_chart(slide, chart, x, y, w, h)
    if chart.key_figures:
        _text(
            slide,
            Inches(9.7),
            Inches(1.6),
            Inches(3.3),
            Inches(4.6),
            translate("Deck", "Key figures") + "\n" + "\n".join(f"• {k}" for k in chart.key_figures),
            14,
        )
        tf = slide.shapes[-1].text_frame
        tf.paragraphs[0].runs[0].font.bold = True
    _text(slide, Inches(0.5), Inches(6.6), Inches(12.3), Inches(0.8), chart.source_line, 9, MUTED)
    notes = slide.notes_slide.notes_text_frame
    notes.text = "\n".join(
        [
            translate("Deck", "Method: {0}").format(chart.method),
            translate("Deck", "Period: {0}").format(chart.period),
            translate("Deck", "Factors and sources:"),
            *(
                f"- {s}"
                for s in chart.factor_sources or [translate("Deck", "no emission factor (kWh as reported)")]
            ),
            translate("Deck", "Filters: {0}").format(json.dumps(chart.filters, ensure_ascii=False)),
            translate("Deck", "Data SHA-256: {0}").format(chart.data_hash()),
            f"GreenLedger {__version__}",
        ]
    )


def build_deck(
    summary: dict, filters: Filters | None = None, names=CHART_NAMES, png_for_picture=None
) -> Presentation:
    """The deck of `names` for `summary` and `filters`."""
    f = filters or Filters()
    prs = Presentation()
    prs.slide_width, prs.slide_height = SLIDE_W, SLIDE_H
    charts = [build_chart(n, summary, f) for n in names]
    charts = [c for c in charts if not c.empty]
    title = prs.slides.add_slide(prs.slide_layouts[0])
    title.shapes.title.text = deck_title(summary)
    periods = sorted({p for c in charts for p in _years_of(c)})
    period = f"{periods[0]}–{periods[-1]}" if len(periods) > 1 else (periods[0] if periods else "")
    title.placeholders[
        1
    ].text = f"{period} · {f.describe()}\n{date.today().isoformat()} · GreenLedger {__version__}"
    for shape in (title.shapes.title, title.placeholders[1]):
        for para in shape.text_frame.paragraphs:
            for run in para.runs:
                _font(run.font, 40 if shape is title.shapes.title else 20, TEXT, shape is title.shapes.title)
    for c in charts:
        add_chart_slide(prs, c, png_for_picture)
    _core_properties(prs, summary, f, charts)
    return prs


def deck_title(summary: dict) -> str:
    return translate("Deck", "{0}: carbon figures").format(summary.get("workspace", ""))


def _years_of(chart: ChartData) -> list[str]:
    import re

    return re.findall(r"\b(?:19|20)\d\d\b", chart.period)


def _core_properties(prs, summary: dict, f: Filters, charts: list[ChartData]) -> None:
    cp = prs.core_properties
    cp.title = deck_title(summary)
    cp.author = cp.last_modified_by = f"GreenLedger {__version__}"
    cp.subject = translate("Deck", "Workspace {0}; filters: {1}").format(
        summary.get("workspace", ""), f.describe()
    )[:255]
    sources = sorted({s for c in charts for s in c.factor_sources})
    hashes = {c.name: c.data_hash() for c in charts}
    deck_hash = hashlib.sha256(json.dumps(hashes, sort_keys=True).encode()).hexdigest()
    cp.keywords = f"GreenLedger; sha256:{deck_hash}"
    full = json.dumps(
        {
            "app": f"GreenLedger {__version__}",
            "workspace": summary.get("workspace", ""),
            "factor_library": summary.get("factor_library_version", ""),
            "filters": f.as_dict(),
            "factor_sources": sources,
            "data_sha256": hashes,
            "deck_sha256": deck_hash,
        },
        ensure_ascii=False,
    )
    # python-pptx caps core properties at 255 characters; OPC does not, and Office reads longer
    # descriptions, so the full provenance goes into dc:description directly.
    cp._element._get_or_add("description").text = full
    cp.category = "GreenLedger chart deck"
    cp.content_status = "generated"


def save_deck(summary: dict, path: Path, filters: Filters | None = None, with_pictures: bool = True) -> Path:
    """Write the deck to `path`; the equivalents slide as a PNG picture when `with_pictures`."""
    png = None
    if with_pictures:
        from greenledger.gui.charts.render import ExportSize, render_image

        def png(chart: ChartData) -> bytes:
            from PySide6.QtCore import QBuffer, QIODevice

            buf = QBuffer()
            buf.open(QIODevice.OpenModeFlag.WriteOnly)
            render_image(chart, ExportSize(1820, 1030, 192), bare=True).save(buf, "PNG")
            return bytes(buf.data())

    prs = build_deck(summary, filters, png_for_picture=png)
    prs.save(str(path))
    return path
