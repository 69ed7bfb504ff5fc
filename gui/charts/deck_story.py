"""The deck's first content slide (issue 14 §3): the campaign against its baseline (core.story), each
figure large in native text under the layout's title placeholder, and the trail of every figure (rows
and factors) in the notes, in plain sentences."""

from __future__ import annotations

import math
from datetime import date

from pptx.dml.color import RGBColor
from pptx.util import Inches

from greenledger.core.chart_data import Filters
from greenledger.core.i18n import language, translate
from greenledger.core.story import Story, span
from greenledger.gui.charts.deck_text import MUTED, TEXT, TITLE_ONLY, _font, _plain_source, _text, _title

GREEN = RGBColor(0x1F, 0x51, 0x30)


def _runs(box, parts: list[tuple]) -> None:
    """Paragraphs of (text, size, colour, bold[, (more text, its size)]) in a text box."""
    tf = box.text_frame
    tf.word_wrap = True
    for i, (text, size, color, bold, *more) in enumerate(parts):
        para = tf.paragraphs[0] if i == 0 else tf.add_paragraph()
        run = para.add_run()
        run.text = text
        _font(run.font, size, color, bold)
        for extra, extra_size in more:
            run = para.add_run()
            run.text = extra
            _font(run.font, extra_size, color, bold)


def add_story_slide(prs, told: Story, summary, f: Filters) -> None:
    """The first content slide: the campaign against its baseline (core.story), each figure large in
    native text, its trail in the notes."""
    slide = prs.slides.add_slide(prs.slide_layouts[TITLE_ONLY])
    _title(slide, translate("Deck", "{0} against its baseline {1}").format(told.campaign, told.baseline))
    sub = translate("Deck", "Key figures; the notes give the rows and factors of each")
    if not told.chosen:
        sub = translate("Deck", "Key figures of the latest campaign with a baseline; the notes give the rows "
                                "and factors of each")
    _text(slide, Inches(0.5), Inches(0.95), Inches(12.3), Inches(0.4), sub, 14, MUTED)
    figs = told.figures
    cols = 3 if len(figs) <= 6 else 4
    rows = math.ceil(len(figs) / cols)
    top, gap = Inches(1.45), Inches(0.15)
    w = int((Inches(12.33) - gap * (cols - 1)) / cols)
    h = int((Inches(7.2) - top - gap * (rows - 1)) / rows)
    small = rows > 2
    for i, fig in enumerate(figs):
        x = Inches(0.5) + (i % cols) * (w + gap)
        y = top + (i // cols) * (h + gap)
        box = slide.shapes.add_textbox(x, y, w, h)
        parts = [(fig.title, 13 if small else 14, MUTED, True)]
        if fig.value:
            unit = (f" {fig.unit}", 16 if small else 20) if fig.unit else ("", 12)
            parts.append((fig.value, 24 if small else 36, GREEN, True, unit))
        parts.append((fig.note, 11 if small else 12, MUTED, False))
        for j, line in enumerate(fig.lines):
            parts.append((line, 12 if small else 15 if not fig.value else 14, TEXT, not fig.value))
            detail = fig.details[j] if j < len(fig.details) else ""
            if detail:
                parts.append((detail, 10 if small else 11, MUTED, False))
        _runs(box, parts)
    slide.notes_slide.notes_text_frame.text = story_notes(told, summary, f)


def story_notes(told: Story, summary, f: Filters) -> str:
    """The story slide's notes in plain sentences: method, period, filters, factors, then each figure
    with its trail (rows and factors)."""
    zh = language() == "zh"

    def sentence(text: str) -> str:
        text = text.strip()
        return text if text.endswith((".", "。")) else text + ("。" if zh else ".")

    c, base = summary.campaign(told.campaign), summary.campaign(told.baseline)
    lines = [
        sentence(translate("Deck", "Method: {0}").format(translate(
            "Deck", "carbon per order is delivery emissions ÷ orders, against the baseline campaign; "
                    "renewable share is renewable kWh ÷ all kWh; avoided emissions are renewable kWh × the "
                    "grid factor, beside the inventory and never deducted; each initiative's reduction is "
                    "given or activity × factor, with its own equivalent"))),
        sentence(translate("Deck", "Period: {0}").format(translate(
            "Deck", "{0} ({1}) against {2} ({3})").format(
            c.name, span(date.fromisoformat(c.start), date.fromisoformat(c.end)), base.name,
            span(date.fromisoformat(base.start), date.fromisoformat(base.end))))),
        sentence(translate("Deck", "Filters: {0}").format(f.describe())),
    ]
    regions = {y.grid_region for y in summary.site_years if f.site is None or y.site == f.site}
    sources = sorted({_plain_source(x.source) for x in summary.factors_used
                      if x.key == "grid" and (x.region or "") in regions})
    eqs = [*summary.initiatives_equivalents[:1], *summary.avoided_equivalents[:1]]
    sources += sorted({_plain_source(e.source) for e in eqs} - set(sources))
    if sources:
        joined = translate("Deck", "; ").join(sources)
        lines.append(sentence(translate("Deck", "Factors: {0}").format(joined)))
    else:
        lines.append(sentence(translate("Deck", "No emission factor is used: kWh as reported")))
    if not told.chosen:
        lines.append(sentence(translate(
            "Deck", "No campaign was chosen: this is the latest campaign that has a baseline")))
    for fig in told.figures:
        shown = translate("Deck", "{0}: {1}").format(fig.title, f"{fig.value} {fig.unit}".strip() or fig.note)
        if fig.value and fig.note:
            shown += translate("Deck", " ({0})").format(fig.note)
        extra = [ln + (translate("Deck", " ({0})").format(fig.details[j])
                       if j < len(fig.details) and fig.details[j] else "") for j, ln in enumerate(fig.lines)]
        if extra:
            shown += translate("Deck", "; ") + translate("Deck", "; ").join(extra)
        lines.append(sentence(shown))
        lines.extend(sentence(t) for t in fig.trail)
    return "\n".join(lines)
