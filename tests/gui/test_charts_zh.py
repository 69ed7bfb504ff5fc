"""Chart exports in Chinese: the chart font has a glyph for every character drawn (no boxes in
PNG/PDF), SVG and PPTX name the CJK families, the ChartView menu and the export dialog's 万/亿
option."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtGui import QFontDatabase, QFontInfo, QImage, QRawFont

from greenledger.core.chart_data import Filters
from greenledger.core.charts import CHART_NAMES, build_chart, load
from greenledger.core.storage import Workspace
from greenledger.gui import i18n
from greenledger.gui.charts.fonts import chart_font, families
from greenledger.gui.charts.render import ExportSize, export_chart

CJK = re.compile(r"[\u4e00-\u9fff]")
CJK_FAMILIES = ("Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", "Source Han Sans SC")


@pytest.fixture
def zh(qapp):
    yield i18n.install("zh")
    i18n.install("en")


@pytest.fixture
def summary(demo_path: Path) -> dict:
    with Workspace.open(demo_path) as ws:
        return load(ws)


def _texts(chart) -> str:
    parts = [chart.title, chart.subtitle, chart.y_label, chart.x_label, chart.y2_label or "",
             chart.source_line, *chart.categories, *(s.name for s in chart.series),
             *(t for s in chart.series for t in (s.labels or []))]
    if chart.pictogram:
        p = chart.pictogram
        parts += [p["headline"], p["amount"], p["label"], p["factor"], p["note"], *p["others"]]
    return "".join(parts)


def test_platform_cjk_family_comes_first():
    assert families("win32")[0] == "Microsoft YaHei"
    assert families("darwin")[0] == "PingFang SC"
    assert families("linux")[0] == "Noto Sans CJK SC"
    assert set(CJK_FAMILIES) <= set(families())


@pytest.mark.parametrize("bold", [False, True])
def test_chart_font_draws_every_chinese_character(qapp, zh, summary, bold):
    """The font Qt resolves for the charts is a CJK font with a glyph for each character of every
    chart's text in Chinese: nothing can come out as a box in a PNG or a PDF."""
    if not any(f in QFontDatabase.families() for f in CJK_FAMILIES):
        pytest.skip("no CJK font installed (fonts-noto-cjk)")
    font = chart_font(26, bold=bold)
    assert QFontInfo(font).family() in CJK_FAMILIES
    family = QFontInfo(font).family()
    assert QFontDatabase.WritingSystem.SimplifiedChinese in QFontDatabase.writingSystems(family)
    raw = QRawFont.fromFont(font, QFontDatabase.WritingSystem.SimplifiedChinese)
    assert raw.isValid()
    chars = set()
    for name in CHART_NAMES:
        text = _texts(build_chart(name, summary, Filters(initiative="No plastic cutlery")))
        text += _texts(build_chart(name, summary, Filters(cn_units=True)))
        chars |= {ch for ch in text if not ch.isspace()}
    assert len([c for c in chars if CJK.match(c)]) > 150
    # ord(): PySide's supportsCharacter(str) overload misreads many characters; ucs4 is exact
    missing = sorted(ch for ch in chars if not raw.supportsCharacter(ord(ch)))
    assert not missing, missing


def test_png_and_pdf_in_chinese(qapp, zh, tmp_path, summary):
    chart = build_chart("scope2", summary, Filters(cn_units=True))
    png = QImage(str(export_chart(chart, tmp_path / "s.png", ExportSize(1280, 720))))
    assert png.text("Title") == "范围二排放：基于位置与基于市场"
    assert "数据：demo" in png.text("Source")
    pdf = export_chart(chart, tmp_path / "s.pdf", ExportSize(1280, 720)).read_bytes()
    fonts = set(re.findall(rb"/BaseFont\s*/([A-Za-z0-9+_-]+)", pdf))
    assert any(b"CJK" in f or b"YaHei" in f or b"PingFang" in f for f in fonts), fonts  # embedded


def test_svg_and_pptx_name_the_cjk_families(qapp, zh, tmp_path, summary):
    from pptx import Presentation

    from greenledger.gui.charts.deck import save_deck

    svg = export_chart(build_chart("energy-mix", summary), tmp_path / "e.svg", ExportSize(1280, 720))
    text = svg.read_text(encoding="utf-8")
    assert "按来源划分的能源结构" in text
    for family in CJK_FAMILIES[:3]:
        assert family in text
    deck = save_deck(summary, tmp_path / "d.pptx", Filters(cn_units=True), with_pictures=False)
    prs = Presentation(str(deck))
    xml = prs.slides[2].shapes[0]._element.xml  # the first chart slide, after the story slide
    assert 'typeface="Microsoft YaHei"' in xml and "按来源划分的能源结构" in xml
    chart_xml = next(sh for sh in prs.slides[2].shapes if sh.has_chart).chart._chartSpace.xml
    assert 'ea typeface="Microsoft YaHei"' in chart_xml
    assert "可再生能源占比（%）" in chart_xml and "亿千瓦时" in chart_xml


def test_chart_view_menu_and_export_dialog_in_chinese(qtbot, zh, summary, tmp_path):
    from greenledger.gui.charts.chart_view import ChartView
    from greenledger.gui.charts.export_dialog import ExportDialog

    view = ChartView("scope2", summary=summary)
    qtbot.addWidget(view)
    assert view.title.text() == "范围二排放：基于位置与基于市场"
    d = ExportDialog(summary, Filters(), "scope2")
    qtbot.addWidget(d)
    assert d.what.currentText() == "范围二排放：基于位置与基于市场"
    assert "万/亿" in d.cn_units.text() and CJK.search(d.filters_label.text())
    d.format.setCurrentIndex(d.format.findData("csv"))
    d.cn_units.setChecked(True)
    out = d.export_to(tmp_path / "scope2.csv")
    # Scope 2 in t CO2 (grid factors are CO2 only) since the gas basis is named
    assert out.read_text(encoding="utf-8-sig").splitlines()[0].endswith("(万吨二氧化碳)")
