"""Text on the deck's slides (python-pptx): Latin and East Asian typefaces, text boxes, the layout's
title placeholder, a factor's source as a reader wants it. Shared by gui.charts.deck and
gui.charts.deck_story."""

from __future__ import annotations

from lxml import etree
from pptx.dml.color import RGBColor
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.oxml.ns import qn
from pptx.util import Inches, Pt

LATIN_FONT, EA_FONT = "Arial", "Microsoft YaHei"  # LibreOffice maps YaHei to Noto Sans CJK SC
TEXT, MUTED = RGBColor(0x1F, 0x29, 0x33), RGBColor(0x52, 0x60, 0x6D)
TITLE_ONLY = 5  # the default template's "Title Only" layout


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


def _plain_source(source: str) -> str:
    """A factor's source as a reader wants it: its first clause (the rest of the library's text is
    our own remark on how the value was checked)."""
    return source.split("; ")[0].strip()


def _title(slide, text: str, size: float = 28) -> None:
    """The layout's title placeholder, at the top left of a 16:9 slide."""
    t = slide.shapes.title
    t.left, t.top, t.width, t.height = Inches(0.5), Inches(0.25), Inches(12.3), Inches(0.75)
    tf = t.text_frame
    tf.word_wrap = True
    tf.text = text
    para = tf.paragraphs[0]
    para.alignment = PP_ALIGN.LEFT
    for run in para.runs:
        _font(run.font, size, TEXT, True)
    tf.vertical_anchor = MSO_ANCHOR.TOP
