"""The deck's native charts (python-pptx): one editable bar, stacked bar or line chart per slide,
styled like the images, the share on a secondary axis, and data labels limited to those that fit,
written as <c:dLbls> XML in one go rather than through python-pptx's per-point path."""

from __future__ import annotations

import math
from xml.sax.saxutils import escape

from lxml import etree
from pptx.chart.data import CategoryChartData
from pptx.dml.color import RGBColor
from pptx.enum.chart import XL_CHART_TYPE, XL_LEGEND_POSITION, XL_MARKER_STYLE
from pptx.oxml.ns import qn
from pptx.util import Inches, Pt

from greenledger.core.chart_data import ChartData, Series
from greenledger.gui.charts.deck_text import (
    EA_FONT,
    LATIN_FONT,
    MUTED,
    _font,
)


def _rgb(hex_color: str) -> RGBColor:
    return RGBColor.from_string(hex_color.lstrip("#").upper())


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
        data.add_series(s.name or " ", s.values)
    gframe = slide.shapes.add_chart(_chart_type(chart), x, y, w, h, data)
    pc = gframe.chart
    _font(pc.font, 12)
    pc.has_title = False  # the slide has the title
    pc.has_legend = len([s for s in chart.series if s.name]) > 1
    if pc.has_legend:
        pc.legend.position = XL_LEGEND_POSITION.RIGHT if len(chart.series) > 3 else XL_LEGEND_POSITION.TOP
        pc.legend.include_in_layout = False
        _font(pc.legend.font, 12)
    plot = pc.plots[0]
    if chart.horizontal or (len(chart.series) > 1 and _chart_type(chart) != XL_CHART_TYPE.LINE_MARKERS):
        plot.gap_width = 60
        if chart.horizontal:
            plot.overlap = 100  # one bar per category: centred, not offset by empty series
    _style_series(pc, chart, w, h)
    if pc.has_legend:
        _hide_legend_entries(pc, [i for i, s in enumerate(chart.series) if not s.name])
    _axes(pc, chart)
    if any(s.axis == "right" for s in chart.series):
        _move_to_secondary_axis(pc, chart)
    return pc


def _line_labels_apart(chart: ChartData, width_px: float, height_px: float) -> set[tuple[int, int]]:
    """(series id, index) of the line labels kept so that labels at one category never stack: the
    highest value first, another only a label's height (18 px) away from those kept."""
    lines = [s for s in chart.series if s.kind == "line" and not s.muted]
    by_cat: dict[int, list[tuple[float, int]]] = {}
    for s in lines:
        for i in fitting_labels(chart, s, width_px, height_px):
            by_cat.setdefault(i, []).append((s.values[i], id(s)))
    kept: set[tuple[int, int]] = set()
    for axis in ("left", "right"):
        vals = [v for s in lines if s.axis == axis for v in s.values if v is not None]
        if not vals:
            continue
        span = (chart.y2_range[1] if axis == "right" and chart.y2_range else max(vals)) * 1.1 or 1.0
        gap = span * 18.0 / max(height_px * 0.8, 1.0)
        ids = {id(s) for s in lines if s.axis == axis}
        for i, points in by_cat.items():
            taken: list[float] = []
            for v, sid in sorted((p for p in points if p[1] in ids), reverse=True):
                if all(abs(v - t) >= gap for t in taken):
                    taken.append(v)
                    kept.add((sid, i))
    return kept


def _hide_legend_entries(pc, indices: list[int]) -> None:
    """No legend entry for these series (the thin grey lines under one "Other sites (n)" entry)."""
    if not indices:
        return
    legend = pc._chartSpace.chart.find(qn("c:legend"))
    pos = legend.find(qn("c:legendPos"))
    for i in reversed(indices):
        entry = etree.fromstring(f'<c:legendEntry xmlns:c="{_C}"><c:idx val="{i}"/><c:delete val="1"/>'
                                 f"</c:legendEntry>")
        pos.addnext(entry)


def _label_width_px(text: str) -> float:
    """About how wide an 11 pt bold label is at 96 dpi (CJK characters twice a Latin one)."""
    return max(sum(14.0 if ord(ch) > 0x2E7F else 7.5 for ch in line) for line in text.split("\n")) + 6


def fitting_labels(chart: ChartData, s: Series, width_px: float, height_px: float) -> list[int]:
    """The indices of `s`'s labels that fit beside each other on a chart of that size: all of them
    when a category's room holds the widest label, else every k-th counted from the last (the
    latest or the total matters most)."""
    idx = [i for i, t in enumerate(s.labels or []) if t and i < len(s.values) and s.values[i] is not None]
    if not idx:
        return []
    n = max(len(chart.categories), 1)
    if chart.horizontal:
        room, need = height_px * 0.8 / n, 16.0
    else:
        side = 1 if _chart_type(chart) != XL_CHART_TYPE.COLUMN_CLUSTERED else max(
            1, len([x for x in chart.series if x.kind == "bar"]))
        room = width_px * 0.85 / n / (side if s.kind == "bar" else 1)
        need = max(_label_width_px(s.labels[i]) for i in idx)
        if s.kind == "line":  # labels of a line sit on sparse points: measure the gaps between them
            gaps = [b - a for a, b in zip(idx, idx[1:], strict=False)] or [n]
            room *= min(gaps)
    step = max(1, math.ceil(need / max(room, 1e-6)))
    last = idx[-1]
    return [i for i in idx if (last - i) % step == 0]


_C = "http://schemas.openxmlformats.org/drawingml/2006/chart"
_A = "http://schemas.openxmlformats.org/drawingml/2006/main"


def _dlbls_xml(labels: list[tuple[int, str]], color: str, position: str) -> str:
    """<c:dLbls> with one <c:dLbl> per (index, text), the other points unlabelled."""
    parts = [f'<c:dLbls xmlns:c="{_C}" xmlns:a="{_A}">']
    for i, text in labels:
        paras = "".join(
            f'<a:p><a:pPr><a:defRPr sz="1100" b="1"/></a:pPr><a:r><a:rPr lang="en-US" sz="1100" b="1">'
            f'<a:solidFill><a:srgbClr val="{color}"/></a:solidFill><a:latin typeface="{LATIN_FONT}"/>'
            f'<a:ea typeface="{EA_FONT}"/><a:cs typeface="{EA_FONT}"/></a:rPr><a:t>{escape(line)}</a:t>'
            f"</a:r></a:p>"
            for line in text.split("\n")
        )
        parts.append(
            f'<c:dLbl><c:idx val="{i}"/><c:tx><c:rich><a:bodyPr/><a:lstStyle/>{paras}</c:rich></c:tx>'
            f'<c:dLblPos val="{position}"/><c:showLegendKey val="0"/><c:showVal val="1"/>'
            f'<c:showCatName val="0"/><c:showSerName val="0"/><c:showPercent val="0"/>'
            f'<c:showBubbleSize val="0"/></c:dLbl>'
        )
    parts.append(
        '<c:showLegendKey val="0"/><c:showVal val="0"/><c:showCatName val="0"/><c:showSerName val="0"/>'
        '<c:showPercent val="0"/><c:showBubbleSize val="0"/></c:dLbls>'
    )
    return "".join(parts)


def _style_series(pc, chart: ChartData, w=None, h=None) -> None:
    stacked = _chart_type(chart) == XL_CHART_TYPE.COLUMN_STACKED
    width_px = (w or Inches(9.1)) / 914400 * 96
    height_px = (h or Inches(5.15)) / 914400 * 96
    line_ok = _line_labels_apart(chart, width_px, height_px)
    for ser, s in zip(pc.plots[0].series, chart.series, strict=True):
        if s.kind == "line":
            ser.format.line.color.rgb = _rgb(s.color)
            ser.format.line.width = Pt(1.0 if s.muted else 2.5)
            ser.smooth = False
            if s.muted or len(chart.series) * len(chart.categories) > 400:
                ser.marker.style = XL_MARKER_STYLE.NONE
        else:
            ser.format.fill.solid()
            ser.format.fill.fore_color.rgb = _rgb(s.color)
        for i, c in enumerate(s.point_colors or []):
            pt = ser.points[i]
            pt.format.fill.solid()
            pt.format.fill.fore_color.rgb = _rgb(c)
        keep = [] if s.muted else fitting_labels(chart, s, width_px, height_px)
        if s.kind == "line":
            keep = [i for i in keep if (id(s), i) in line_ok]
        if not keep:
            continue
        texts = [(i, s.labels[i].replace("\n", " · ") if stacked else s.labels[i]) for i in keep]
        color = (s.color if s.kind == "line" else "#1F2933").lstrip("#").upper()
        position = "t" if s.kind == "line" else "inEnd" if stacked else "outEnd"
        dlbls = etree.fromstring(_dlbls_xml(texts, color, position))
        ser_el = ser._element
        old = ser_el.find(qn("c:dLbls"))
        if old is not None:
            ser_el.remove(old)
        anchor = ser_el.find(qn("c:cat"))
        if anchor is None:
            anchor = ser_el.find(qn("c:val"))
        anchor.addprevious(dlbls)


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
