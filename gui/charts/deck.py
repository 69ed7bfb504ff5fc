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

from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.util import Emu, Inches

from greenledger.core import __version__
from greenledger.core.chart_data import ChartData, Filters
from greenledger.core.chart_fit import fit_chart
from greenledger.core.charts import CHART_NAMES, build_chart
from greenledger.core.i18n import language, translate
from greenledger.gui.charts.deck_chart import add_native_chart
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
