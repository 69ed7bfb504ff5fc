"""The deck a presenter would make (issue 14 §4): 16:9 layouts, a title placeholder on every slide, a
title slide with the campaign, period and headline, notes in plain sentences, sections without a figure
left out, 万/亿 only where they read naturally, data labels limited to what fits and written as chart
XML (one <c:dLbl> per label kept)."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import pytest
from pptx import Presentation

from greenledger.core.chart_data import ChartData, Filters, Series
from greenledger.core.charts import build_chart, load
from greenledger.core.fields import Kind
from greenledger.core.storage import Workspace
from greenledger.gui import i18n
from greenledger.gui.charts.deck import build_deck, save_deck, shown_key_figures
from greenledger.gui.charts.deck_chart import _label_width_px, fitting_labels

TOOL = Path(__file__).resolve().parents[2] / "tools" / "make_sites_workspace.py"


@pytest.fixture
def summary(demo_path: Path) -> dict:
    with Workspace.open(demo_path) as ws:
        return load(ws)


def _tool():
    spec = importlib.util.spec_from_file_location("make_sites_workspace", TOOL)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_every_slide_has_a_title_and_plain_notes(qapp, tmp_path, summary):
    prs = Presentation(str(save_deck(summary, tmp_path / "d.pptx")))
    assert prs.slide_width * 9 == prs.slide_height * 16
    for slide in prs.slides:
        assert slide.shapes.title is not None and slide.shapes.title.text.strip()
        notes = slide.notes_slide.notes_text_frame.text
        assert notes and not re.search(r"[{}\[\]]", notes), notes  # no JSON
        assert "page not read in full" not in notes and "confirmed via" not in notes
        for line in notes.splitlines():
            assert line.endswith((".", "。")), line  # sentences
    title = prs.slides[0]
    assert title.shapes.title.text == "6.18 2021: carbon figures for demo"
    body = title.placeholders[1].text_frame.text
    assert "−18.0 %" in body and "2021-06-01" in body  # the headline and the campaign's period
    # the 4:3 template's placeholders are widened: the title is centred on the 16:9 slide
    t = title.shapes.title
    assert abs((t.left + t.width / 2) - prs.slide_width / 2) < prs.slide_width * 0.02
    notes = prs.slides[1].notes_slide.notes_text_frame.text
    assert "Filters: all sites, unit t CO2e." in notes and "Period: " in notes


def test_the_equivalents_slide_is_native_and_large(qapp, tmp_path, summary):
    prs = Presentation(str(save_deck(summary, tmp_path / "d.pptx")))
    slide = prs.slides[-1]
    assert slide.shapes.title.text == "Equivalents"
    headline = build_chart("equivalents", summary).pictogram["headline"]
    big = [sh for sh in slide.shapes if sh.has_text_frame and sh.text_frame.text == headline]
    assert big and big[0].text_frame.paragraphs[0].runs[0].font.size.pt >= 54
    assert not any(sh.shape_type == 13 for sh in slide.shapes)  # no picture
    assert sum(1 for sh in slide.shapes if sh.shape_type == 1) >= 8  # the trees, as shapes


def test_a_section_without_a_figure_is_left_out(qapp, tmp_path):
    tool = _tool()
    rows = tool.rows_for(2)
    rows[Kind.INITIATIVES] = []
    from greenledger.core.importing.importer import import_file
    from greenledger.core.template import build_workbook

    book = tmp_path / "no-initiatives.xlsx"
    build_workbook(rows).save(book)
    with Workspace.open(tmp_path / "w.greenledger") as ws:
        import_file(ws, book)
        summary = load(ws)
    chart = build_chart("reductions", summary, Filters())
    assert any(re.search(r":\s*0 t", k) for k in chart.key_figures)  # what the chart says
    assert not any(re.search(r":\s*0 t", k) for k in shown_key_figures(chart))
    i18n.install("zh")
    try:
        prs = build_deck(summary, Filters(cn_units=True))
    finally:
        i18n.install("en")
    text = "\n".join(sh.text_frame.text for s in prs.slides for sh in s.shapes if sh.has_text_frame)
    assert not re.search(r"[:：]\s*0 吨", text) and "0.0400" not in text


def test_cn_units_write_small_amounts_in_tonnes(qapp, tmp_path, summary):
    i18n.install("zh")
    try:
        prs = Presentation(str(save_deck(summary, tmp_path / "d.pptx", Filters(cn_units=True))))
    finally:
        i18n.install("en")
    xml = "".join(sh.chart._chartSpace.xml for s in prs.slides for sh in s.shapes if sh.has_chart)
    assert "400 吨二氧化碳当量" in xml and "0.0400" not in xml  # Ele.me's 400 t, not 0.0400 万吨
    assert "亿千瓦时" in xml


def _many(n: int) -> ChartData:
    values = [1000.0 + i for i in range(n)]
    return ChartData(name="t", title="t", categories=[f"{2000 + i // 12}-{i % 12 + 1:02d}" for i in range(n)],
                     series=[Series("a", values, labels=[f"{v:,.0f}" for v in values])], y_label="t")


def test_data_labels_are_limited_to_what_fits(qapp):
    few, many = _many(6), _many(1200)
    assert fitting_labels(few, few.series[0], 870, 490) == list(range(6))
    kept = fitting_labels(many, many.series[0], 870, 490)
    assert 0 < len(kept) < 120 and kept[-1] == 1199  # the last value keeps its label
    gaps = {b - a for a, b in zip(kept, kept[1:], strict=False)}
    assert len(gaps) == 1 and gaps.pop() * 870 * 0.85 / 1200 >= _label_width_px("2,199")  # apart


def test_labels_are_written_as_chart_xml(qapp, tmp_path):
    from pptx.util import Inches

    from greenledger.gui.charts.deck import SLIDE_H, SLIDE_W
    from greenledger.gui.charts.deck_chart import add_native_chart

    chart = _many(1200)
    prs = Presentation()
    prs.slide_width, prs.slide_height = SLIDE_W, SLIDE_H
    slide = prs.slides.add_slide(prs.slide_layouts[6])
    pc = add_native_chart(slide, chart, Inches(0.4), Inches(1.35), Inches(9.1), Inches(5.15))
    xml = pc._chartSpace.xml
    kept = fitting_labels(chart, chart.series[0], 9.1 * 96, 5.15 * 96)
    assert xml.count("<c:dLbl>") == len(kept)
    assert "<a:t>2,199</a:t>" in xml  # the last one
    prs.save(str(tmp_path / "labels.pptx"))
    again = Presentation(str(tmp_path / "labels.pptx"))
    assert again.slides[0].shapes[0].chart.plots[0].series[0].points[1199].data_label.has_text_frame


def test_many_sites_fit_the_slide(qapp, tmp_path):
    """At 12 sites the share slide draws 7 coloured lines and 5 grey ones under one legend entry; the
    slide's key figures are the coloured lines' (the others in the notes); line labels never stack."""
    out = tmp_path / "w.greenledger"
    _tool().build(12, out)
    with Workspace.open(out) as ws:
        summary = load(ws)
    prs = build_deck(summary)
    slide = next(s for s in prs.slides if s.shapes.title.text == "Renewable share by site")
    pc = next(sh for sh in slide.shapes if sh.has_chart).chart
    series = list(pc.plots[0].series)
    assert len(series) == 12
    xml = pc._chartSpace.xml
    assert xml.count("<c:legendEntry>") == 4  # the grey lines but the first ("Other sites (5)")
    assert "Other sites (5)" in [s.name for s in series]
    keys = next(sh.text_frame.text for sh in slide.shapes if sh.has_text_frame
                and sh.text_frame.text.startswith("Key figures"))
    coloured = [s.name for s in series if s.name.startswith("Site")]
    grey = sorted({f"Site {i:02d}" for i in range(1, 13)} - {n[:7] for n in coloured})
    assert len(grey) == 5 and not any(g in keys for g in grey)
    notes = slide.notes_slide.notes_text_frame.text
    assert "More key figures:" in notes and all(g in notes for g in grey)
    labels = re.findall(r'<c:dLbl>\s*<c:idx val="(\d+)"/>.*?<a:t>([\d.]+) ?%</a:t>', xml, re.S)
    assert labels
    by_idx: dict[str, list[float]] = {}
    for idx, v in labels:
        by_idx.setdefault(idx, []).append(float(v))
    for vals in by_idx.values():
        vals.sort()
        assert all(b - a >= 1.0 for a, b in zip(vals, vals[1:], strict=False)), vals  # apart


def test_the_first_content_slide_tells_the_campaigns_story(qapp, tmp_path, summary):
    """Issue 14 §3: after the title, the campaign against its baseline in large native text, the
    trail of every figure in the notes, in plain sentences."""
    prs = Presentation(str(save_deck(summary, tmp_path / "d.pptx")))
    slide = prs.slides[1]
    assert slide.shapes.title.text == "6.18 2021 against its baseline 6.18 2020"
    assert not any(sh.has_chart or sh.shape_type == 13 for sh in slide.shapes)  # text, no picture
    boxes = [sh.text_frame for sh in slide.shapes if sh.has_text_frame and sh != slide.shapes.title]
    texts = [tf.text for tf in boxes]
    assert texts[0].startswith("Key figures of the latest campaign with a baseline")
    intensity = next(tf for tf in boxes if tf.text.startswith("Carbon per order"))
    value = intensity.paragraphs[1]
    assert value.text == "−18.0 %" and value.runs[0].font.size.pt >= 32
    assert "0.50 → 0.41 kg CO2e per order" in intensity.text
    by_title = {tf.text.split("\n")[0]: tf.text.split("\n")[1:] for tf in boxes[1:]}
    assert "Ulanqab DC: 38.6 % → 45.6 %" in by_title["Renewable share, then → now"]
    assert "May 2020 → May 2021: 38.0 % → 45.0 %" in by_title["Renewable share, then → now"]
    assert by_title["Avoided emissions in the campaign"][0] == "21,933 t CO2"
    assert "Zhangbei DC: 10,253 t CO2" in by_title["Avoided emissions in the campaign"]
    assert "450,000,000 kWh × 0.712 kg CO2/kWh" in by_title["Avoided since 2018"]
    ele = by_title["Initiative of Ele.me: No plastic cutlery"]
    assert ele[0] == "400 t CO2e" and "≈ 22,346 trees" in ele
    notes = slide.notes_slide.notes_text_frame.text
    assert not re.search(r"[{}\[\]]", notes)
    assert all(line.endswith(".") for line in notes.splitlines())
    for said in ("Period: 6.18 2021 (1–18 Jun 2021) against 6.18 2020 (1–18 Jun 2020).",
                 "Filters: all sites, unit t CO2e.",
                 "No campaign was chosen: this is the latest campaign that has a baseline.",
                 "rows: demo_618.xlsx › Deliveries: 2 rows, 1–18 Jun 2021",
                 "grid factor, North China 2021: 0.712 kg CO2/kWh (MEE/NBS Announcement 2024 No. 12",
                 "20,000,000 order × 0.02 kg CO2e per order = 400 t CO2e",
                 "÷ 17.9 kg per tree = 22,346"):
        assert said in notes, said


def test_no_story_slide_without_a_campaign_that_has_a_baseline(qapp, tmp_path, summary):
    prs = Presentation(str(save_deck(summary, tmp_path / "d.pptx", Filters(campaign="6.18 2020"))))
    assert "against its baseline" not in prs.slides[1].shapes.title.text
    i18n.install("zh")
    try:
        prs = Presentation(str(save_deck(summary, tmp_path / "z.pptx", Filters(cn_units=True))))
    finally:
        i18n.install("en")
    slide = prs.slides[1]
    assert slide.shapes.title.text == "6.18 2021 对比基线 6.18 2020"
    texts = "\n".join(sh.text_frame.text for sh in slide.shapes if sh.has_text_frame)
    assert "单均碳排放" in texts and "Zhangbei DC：32 万吨二氧化碳" in texts
    notes = slide.notes_slide.notes_text_frame.text
    assert notes.startswith("计算方法：") and "筛选条件：" in notes and "数据行：" in notes
