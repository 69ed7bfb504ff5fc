"""The PowerPoint deck (python-pptx), 16:9 throughout (the default template's layouts are widened
to the slide): a title slide with the campaign, its period and the headline figure, the campaign's
key figures against its baseline with their trail in the notes (gui.charts.deck_story), then one slide
per chart with its title in the layout's title placeholder (PowerPoint's outline and accessibility
checker read it), a native, editable chart (bar, stacked bar, line; the renewable share on a second
axis is built as chart XML), the key figures, the source line, and notes in plain sentences
(method, period, filters, factors with source and year). The equivalents slide is native too: the
figure large, a row of tree shapes, the other equivalents. Charts are fitted like the images
(core.chart_fit.fit_chart: top series plus "Other"); data labels are limited to those that fit and
written as chart XML in one go (python-pptx's per-point path is quadratic). Sections without a
figure are left out. Core properties carry the provenance."""

from __future__ import annotations

import hashlib
import json
import math
import re
from datetime import date
from pathlib import Path
from xml.sax.saxutils import escape

from lxml import etree
from pptx import Presentation
from pptx.chart.data import CategoryChartData
from pptx.dml.color import RGBColor
from pptx.enum.chart import XL_CHART_TYPE, XL_LEGEND_POSITION, XL_MARKER_STYLE
from pptx.oxml.ns import qn
from pptx.util import Emu, Inches, Pt

from greenledger.core import __version__
from greenledger.core.chart_data import ChartData, Filters, Series
from greenledger.core.chart_fit import fit_chart
from greenledger.core.charts import CHART_NAMES, build_chart
from greenledger.core.i18n import language, translate
from greenledger.gui.charts.deck_text import (  # noqa: F401 - TITLE_ONLY and the fonts for callers
    EA_FONT,
    LATIN_FONT,
    MUTED,
    TEXT,
    TITLE_ONLY,
    _font,
    _plain_source,
    _text,
    _title,
)

SLIDE_W, SLIDE_H = Emu(12192000), Emu(6858000)  # 13.333 × 7.5 in, exactly 16:9
MAX_KEY_FIGURES = 6  # more do not fit beside the chart; the rest go to the notes


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


_ZERO_FIGURE = re.compile(r"[:：]\s*[−-]?0(?:[.,]0+)?(?:\s|$)")


def shown_key_figures(chart: ChartData) -> list[str]:
    """The key figures worth a line: "Initiatives: 0 t CO2e" (a section with nothing in it) is left out."""
    return [k for k in chart.key_figures if not _ZERO_FIGURE.search(k)]


def notes_text(chart: ChartData, f: Filters) -> str:
    """The speaker notes: plain sentences, no JSON."""
    def sentence(text: str) -> str:
        text = text.strip()
        return text if text.endswith((".", "。")) else text + ("。" if zh else ".")

    zh = language() == "zh"

    lines = []
    if chart.method:
        lines.append(sentence(translate("Deck", "Method: {0}").format(chart.method)))
    if chart.basis:  # "t CO2; grid factors CO2 only" (core.summary.basis_note)
        lines.append(sentence(chart.basis))
    if chart.period:
        lines.append(sentence(translate("Deck", "Period: {0}").format(chart.period)))
    lines.append(sentence(translate("Deck", "Filters: {0}").format(f.describe())))
    if chart.factor_sources:
        lines.append(sentence(translate("Deck", "Factors: {0}").format(
            translate("Deck", "; ").join(_plain_source(x) for x in chart.factor_sources))))
    else:
        lines.append(sentence(translate("Deck", "No emission factor is used: kWh as reported")))
    lines.extend(sentence(n) for n in chart.notes)
    made = translate("Deck", "Made with GreenLedger {0}; data fingerprint (SHA-256) {1}")
    lines.append(sentence(made.format(__version__, chart.data_hash())))
    return "\n".join(lines)


def add_chart_slide(prs, chart: ChartData, png_for_picture=None, f: Filters | None = None) -> None:
    slide = prs.slides.add_slide(prs.slide_layouts[TITLE_ONLY])
    _title(slide, chart.title)
    if chart.subtitle:
        _text(slide, Inches(0.5), Inches(0.95), Inches(12.3), Inches(0.4), chart.subtitle, 16, MUTED)
    keys = shown_key_figures(chart)
    if chart.pictogram is not None:
        shown = chart
        _equivalents(slide, chart)
    else:
        w_in = 9.1 if keys else 12.4
        x, y, w, h = Inches(0.4), Inches(1.35), Inches(w_in), Inches(5.15)
        shown = fit_chart(chart, w_in * 96, 5.15 * 96)
        add_native_chart(slide, shown, x, y, w, h)
        # the key figures of series drawn grey or summed into Other go to the notes
        drawn = {s.name for s in shown.series if s.name and not s.muted}
        hidden = {s.name for s in chart.series if s.name} - drawn
        def of_hidden(k: str) -> bool:
            return any(k.startswith(n) and k[len(n): len(n) + 1] in (":", "：", " ", "（") for n in hidden)

        keys = [k for k in keys if not of_hidden(k)] + [k for k in keys if of_hidden(k)]
        on_slide = sum(1 for k in keys if not of_hidden(k))
        keys, more = keys[: min(on_slide, MAX_KEY_FIGURES)], keys[min(on_slide, MAX_KEY_FIGURES):]
    if chart.pictogram is not None:
        keys, more = keys[:MAX_KEY_FIGURES], keys[MAX_KEY_FIGURES:]
    if keys and chart.pictogram is None:
        _text(
            slide,
            Inches(9.7),
            Inches(1.6),
            Inches(3.3),
            Inches(4.6),
            translate("Deck", "Key figures") + "\n" + "\n".join(f"• {k}" for k in keys),
            14,
        )
        tf = slide.shapes[-1].text_frame
        tf.paragraphs[0].runs[0].font.bold = True
    _text(slide, Inches(0.5), Inches(6.6), Inches(12.3), Inches(0.8), shown.source_line, 9, MUTED)
    notes = notes_text(shown, f or Filters())
    if more:  # the key figures that did not fit on the slide
        notes += "\n" + translate("Deck", "More key figures: {0}.").format(translate("Deck", "; ").join(more))
    slide.notes_slide.notes_text_frame.text = notes


def _equivalents(slide, chart: ChartData) -> None:
    """The equivalents as native shapes: the figure large, what it is, a row of trees, the others."""
    from pptx.enum.shapes import MSO_SHAPE

    pict = chart.pictogram
    _text(slide, Inches(0.5), Inches(1.4), Inches(12.3), Inches(1.2), pict["headline"], 60, TEXT, True)
    _text(slide, Inches(0.5), Inches(2.55), Inches(12.3), Inches(0.9),
          translate("Deck", "{0}, from {1}").format(pict["label"], pict["amount"]), 20, MUTED)
    per = _nice_per_icon(pict["count"])
    icons = pict["count"] / per
    n = max(1, min(10, math.ceil(icons)))
    size = Inches(0.95)
    for i in range(n):
        frac = min(1.0, icons - i)
        left = Inches(0.5) + i * Inches(1.2)
        crown = slide.shapes.add_shape(MSO_SHAPE.ISOSCELES_TRIANGLE, left, Inches(3.45),
                                       int(size * frac) if frac < 1 else size, Inches(1.05))
        parts = [(crown, "009E73")]
        if frac >= 0.58:  # a part tree has its trunk only once the cut is past it
            trunk = slide.shapes.add_shape(MSO_SHAPE.RECTANGLE, left + int(size * 0.42), Inches(4.45),
                                           int(size * 0.16), Inches(0.35))
            parts.append((trunk, "8D6E4A"))
        for shape, color in parts:
            shape.fill.solid()
            shape.fill.fore_color.rgb = RGBColor.from_string(color)
            shape.line.fill.background()
            shape.shadow.inherit = False
    _text(slide, Inches(0.5), Inches(4.9), Inches(12.3), Inches(0.4),
          translate("Deck", "each tree = {0} {1}; factor {2}").format(
              f"{per:,.0f}", pict["unit"], pict["factor"]), 13, MUTED)
    _text(slide, Inches(0.5), Inches(5.35), Inches(12.3), Inches(1.2), "\n".join(pict["others"]), 18)


def _nice_per_icon(count: float, icons: int = 10) -> float:
    if count <= icons:
        return 1.0
    raw = count / icons
    mag = 10 ** math.floor(math.log10(raw))
    return next(m * mag for m in (1, 2, 5, 10) if m * mag >= raw)


def _widen_layouts(prs) -> None:
    """The default template is 4:3 (10 in wide): stretch its master's and layouts' shapes to the
    16:9 slide, so that titles and placeholders sit where PowerPoint's own 16:9 template puts them."""
    k = SLIDE_W / Inches(10)
    for holder in (prs.slide_master, *prs.slide_layouts):
        for shape in holder.shapes:
            if shape.left is not None and shape.width is not None:
                shape.left, shape.width = int(shape.left * k), int(shape.width * k)


def _campaign_and_headline(charts: list[ChartData], f: Filters) -> tuple[str, str, str]:
    """(campaign, its period, the headline figure) for the title slide."""
    intensity = next((c for c in charts if c.name == "intensity"), None)
    campaign = f.campaign or (intensity.categories[-1] if intensity and intensity.categories else "")
    period = ""
    headline = ""
    if intensity is not None:
        for part in intensity.period.split("; "):
            if campaign and part.startswith(campaign + " "):
                period = part[len(campaign) + 1:]
        headline = next((k for k in intensity.key_figures if k.startswith(campaign)), "")
    if not headline:
        headline = next((k for c in charts for k in shown_key_figures(c)), "")
    return campaign, period, headline


def build_deck(
    summary, filters: Filters | None = None, names=CHART_NAMES, png_for_picture=None
) -> Presentation:
    """The deck of `names` for `summary` and `filters` (`png_for_picture` is no longer needed: the
    equivalents slide is drawn with native shapes)."""
    f = filters or Filters()
    summary = _typed(summary)  # once, not once per chart
    prs = Presentation()
    prs.slide_width, prs.slide_height = SLIDE_W, SLIDE_H
    _widen_layouts(prs)
    charts = [build_chart(n, summary, f) for n in names]
    charts = [c for c in charts if not c.empty and not _all_zero(c)]
    workspace = charts[0].workspace if charts else _get(summary, "workspace")
    campaign, campaign_period, headline = _campaign_and_headline(charts, f)
    title = prs.slides.add_slide(prs.slide_layouts[0])
    title.shapes.title.text = deck_title(workspace, campaign)
    periods = sorted({p for c in charts for p in _years_of(c)})
    period = f"{periods[0]}–{periods[-1]}" if len(periods) > 1 else (periods[0] if periods else "")
    lines = [headline] if headline else []
    if campaign_period:
        lines.append(translate("Deck", "{0}: {1}").format(campaign, campaign_period))
    lines.append(translate("Deck", "Data {0} · {1}").format(period, f.describe()) if period else f.describe())
    lines.append(f"{date.today().isoformat()} · GreenLedger {__version__}")
    body = title.placeholders[1]
    body.text_frame.text = "\n".join(lines)
    for shape in (title.shapes.title, body):
        big = shape is title.shapes.title
        for i, para in enumerate(shape.text_frame.paragraphs):
            for run in para.runs:
                _font(run.font, 40 if big else (24 if i == 0 and headline else 16), TEXT if big or i == 0
                      else MUTED, big or (i == 0 and bool(headline)))
    title.notes_slide.notes_text_frame.text = translate(
        "Deck",
        "Figures from workspace {0}, {1}. Each slide's notes give its method, period, filters and factors.",
    ).format(workspace, f.describe())
    from greenledger.core.story import story
    from greenledger.gui.charts.deck_story import add_story_slide

    told = story(summary, f)  # the first content slide: the campaign against its baseline
    if told is not None and told.figures:
        add_story_slide(prs, told, summary, f)
    for c in charts:
        add_chart_slide(prs, c, None, f)
    _core_properties(prs, summary, f, charts, workspace, campaign)
    return prs


def _typed(summary):
    """The typed summary core.charts reads (converted from the JSON dict once for all charts)."""
    from greenledger.core import charts

    convert = getattr(charts, "as_summary", None)
    return convert(summary) if convert is not None else summary


def _all_zero(chart: ChartData) -> bool:
    return chart.pictogram is None and all(not v for s in chart.series for v in s.values)


def _get(summary, key: str, default=""):
    """A field of the summary, a dict or a typed summary."""
    if isinstance(summary, dict):
        return summary.get(key, default)
    return getattr(summary, key, default)


def deck_title(workspace, campaign: str = "") -> str:
    if not isinstance(workspace, str):
        workspace = _get(workspace, "workspace")
    if campaign:
        return translate("Deck", "{0}: carbon figures for {1}").format(campaign, workspace)
    return translate("Deck", "{0}: carbon figures").format(workspace)


def _years_of(chart: ChartData) -> list[str]:
    return re.findall(r"\b(?:19|20)\d\d\b", chart.period)


def _core_properties(
    prs, summary, f: Filters, charts: list[ChartData], workspace: str, campaign: str
) -> None:
    cp = prs.core_properties
    cp.title = deck_title(workspace, campaign)
    cp.author = cp.last_modified_by = f"GreenLedger {__version__}"
    cp.subject = translate("Deck", "Workspace {0}; filters: {1}").format(
        workspace, f.describe()
    )[:255]
    sources = sorted({s for c in charts for s in c.factor_sources})
    hashes = {c.name: c.data_hash() for c in charts}
    deck_hash = hashlib.sha256(json.dumps(hashes, sort_keys=True).encode()).hexdigest()
    cp.keywords = f"GreenLedger; sha256:{deck_hash}"
    full = json.dumps(
        {
            "app": f"GreenLedger {__version__}",
            "workspace": workspace,
            "factor_library": _get(summary, "factor_library_version"),
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


def save_deck(summary, path: Path, filters: Filters | None = None, with_pictures: bool = True) -> Path:
    """Write the deck to `path` (every slide native; `with_pictures` is kept for callers)."""
    prs = build_deck(summary, filters)
    prs.save(str(path))
    return path
