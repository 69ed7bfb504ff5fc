"""Charts, summary tables and the deck in Chinese (core.i18n rendered through Qt's translator),
and large quantities in 万/亿."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from greenledger.core import i18n
from greenledger.core.chart_data import Filters
from greenledger.core.charts import CHART_NAMES, CHART_TITLES, build_chart, load
from greenledger.core.i18n import cn_scale, fmt_cn
from greenledger.core.storage import Workspace

CJK = re.compile(r"[\u4e00-\u9fff]")
ENGLISH_WORD = re.compile(r"\b[a-z]{4,}\b")  # a word of UI text (data such as "Ulanqab DC" aside)


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> tuple[Path, dict]:
    from greenledger.core.demo import build_demo

    path = tmp_path_factory.mktemp("demo") / "demo.greenledger"
    build_demo(path)
    with Workspace.open(path) as ws:
        return path, load(ws)


@pytest.fixture
def zh(qapp):
    from greenledger.gui import i18n as gui_i18n

    assert gui_i18n.install("zh") == "zh"
    yield
    gui_i18n.install("en")


def _data_names(summary: dict) -> set[str]:
    return {y["site"] for y in summary["site_years"]}


def _without_data(text: str, summary: dict) -> str:
    for name in [*_data_names(summary), *(i["name"] for i in summary["initiatives"])]:
        text = text.replace(name, "")
    return text


def test_every_chart_in_chinese(demo, zh):
    _, s = demo
    for name in CHART_NAMES:
        c = build_chart(name, s, Filters(initiative="No plastic cutlery" if name == "equivalents" else None))
        assert CJK.search(c.title) and c.title != CHART_TITLES[name], (name, c.title)
        for label in (c.y_label, c.x_label, c.y2_label, c.method):
            if label:
                assert CJK.search(label), (name, label)
        for s_ in c.series:
            if s_.name not in _data_names(s):
                assert CJK.search(s_.name), (name, s_.name)
        line = c.source_line
        assert line.startswith("数据：") and "方法：" in line and "Data:" not in line, (name, line)
        if c.factor_sources:
            assert "排放因子：" in line and "Factors:" not in line
        for k in c.key_figures:  # no English words besides data (sites, initiatives)
            assert not ENGLISH_WORD.search(_without_data(k, s)), (name, k)
        header, _rows = c.table()
        assert all(CJK.search(h) for h in header), (name, header)
        assert c.filters["lang"] == "zh"


def test_domain_words_as_chinese_analysts_write_them(demo, zh):
    _, s = demo
    scope2 = build_chart("scope2", s)
    assert [x.name for x in scope2.series] == ["基于位置", "基于市场"]
    assert scope2.y_label == "吨二氧化碳"  # the demo's grid factors (MEE/NBS) are CO2 only
    mix = build_chart("energy-mix", s, Filters(site="Ulanqab DC"))
    assert [x.name for x in mix.series] == ["电网", "风电", "光伏", "可再生能源占比"]
    assert mix.y2_label == "可再生能源占比（%）"
    red = build_chart("reductions", s)
    assert "避免排放（可再生能源，不计入清单）" in [g[0] for g in red.groups]
    assert build_chart("intensity", s).title == "每单配送碳排放强度"
    eq = build_chart("equivalents", s, Filters(initiative="No plastic cutlery"))
    assert eq.pictogram["headline"] == "约 2.23 万棵"
    assert eq.pictogram["label"] == "种植梭梭树（蚂蚁森林口径）"
    assert "每棵梭梭 17.9 千克二氧化碳当量" in eq.pictogram["factor"]
    pack = build_chart("packaging", s)
    assert [x.name for x in pack.series] == ["纸板", "塑料薄膜"]
    assert "全部站点" in Filters().describe()


def test_english_is_unchanged_without_the_translator(demo):
    _, s = demo
    assert i18n.language() == "en"
    c = build_chart("scope2", s)
    assert c.title == "Scope 2: location- vs market-based"
    assert [x.name for x in c.series] == ["Location-based", "Market-based"]
    assert c.source_line.startswith("Data: demo")
    assert not any(CJK.search(k) for k in c.key_figures)


def test_wan_yi_formatting():
    assert fmt_cn(450_000_000, "千瓦时") == "4.5 亿千瓦时"
    assert fmt_cn(400_000, "吨") == "40 万吨"
    assert fmt_cn(980, "吨") == "980 吨"
    assert fmt_cn(12_345_678, "吨") == "1,235 万吨"
    assert fmt_cn(-25_000, "吨") == "−2.5 万吨"
    assert fmt_cn(400_000, "t CO2e") == "40 万 t CO2e"
    assert fmt_cn(None, "吨") == ""
    assert cn_scale(9_999) == (1.0, "")
    assert cn_scale(10_000) == (1e4, "万")
    assert cn_scale(3e8) == (1e8, "亿")


def test_charts_in_wan_yi(demo, zh):
    _, s = demo
    f = Filters(cn_units=True)
    scope2 = build_chart("scope2", s, f)
    assert scope2.y_label == "万吨二氧化碳"  # China's grid factors are CO2 only
    loc = [y["location_based_t"] / 1e4 for y in s["site_years"]]
    assert scope2.series[0].values == pytest.approx(loc)
    total_wan_t = sum(y["location_based_t"] for y in s["site_years"]) / 1e4  # 253 with the demo
    assert f"{total_wan_t:,.0f} 万吨二氧化碳" in scope2.key_figures[0]
    mix = build_chart("energy-mix", s, f)
    assert mix.y_label == "用电量（亿千瓦时）"
    assert mix.y_scale == 1e8
    total_yi_kwh = sum(y["total_kwh"] for y in s["site_years"]) / 1e8  # 32.1 with the demo
    assert f"{total_yi_kwh:,.1f} 亿千瓦时" in mix.key_figures[-1]
    avoided = build_chart("avoided-cumulative", s, Filters(site="Zhangbei DC", cn_units=True))
    assert avoided.y_label == "累计避免排放（万吨二氧化碳）"
    assert avoided.series[0].values[-1] == pytest.approx(32.04)
    assert build_chart("scope2", s).filters.get("cn_units") is None  # the hash of t/kt charts holds
    assert scope2.filters["cn_units"] is True


def gl(*args):
    import os

    proc = subprocess.run([sys.executable, "-m", "greenledger.gui.cli", *map(str, args)], capture_output=True,
                          text=True, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert "Traceback" not in proc.stderr
    return proc


def test_summary_lang_zh_prints_chinese_tables(demo):
    path, _ = demo
    out = gl("--lang", "zh", "--workspace", path, "summary")
    assert out.returncode == 0, out.stderr
    text = out.stdout
    for header in ("站点", "年份", "可再生能源占比", "基于位置（吨）", "基于市场（吨）", "采用的排放因子",
                   "减排措施减排量等效换算", "种植梭梭树（蚂蚁森林口径）", "内蒙古"):
        assert header in text, header
    assert "Renewable share" not in text and "Campaigns" not in text
    assert "39.0%" in text
    english = gl("--workspace", path, "summary").stdout
    assert "Renewable share" in english and "39.0 %" in english


def test_deck_lang_zh_has_chinese_slide_titles_and_notes(demo, tmp_path):
    from pptx import Presentation

    path, _ = demo
    deck = tmp_path / "d.pptx"
    out = gl("--lang", "zh", "--workspace", path, "export-deck", "--out", deck)
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith("已写入")
    prs = Presentation(str(deck))
    slides = list(prs.slides)
    assert slides[0].shapes.title.text == "6.18 2021：demo 碳排放数据"
    assert "全部站点" in slides[0].placeholders[1].text
    for slide in slides[1:]:
        texts = [sh.text_frame.text for sh in slide.shapes if sh.has_text_frame]
        title = slide.shapes.title.text
        assert CJK.search(title) and not ENGLISH_WORD.search(title), title
        if title != "减排等效换算":  # the equivalents slide shows its figure large instead
            assert any(t.startswith("关键数据") for t in texts), texts
        notes = slide.notes_slide.notes_text_frame.text
        assert notes.startswith("计算方法：") and "期间：" in notes and "筛选条件：" in notes, notes
        assert "排放因子：" in notes or "未使用排放因子" in notes, notes
        assert "Method:" not in notes and "{" not in notes
    assert prs.core_properties.title == "6.18 2021：demo 碳排放数据"


def test_export_data_lang_zh_cn_units(demo, tmp_path):
    path, _ = demo
    csv = tmp_path / "s.csv"
    out = gl("--lang", "zh", "--workspace", path, "export-data", "scope2", "--cn-units", "--out", csv)
    assert out.returncode == 0, out.stderr
    header = csv.read_text(encoding="utf-8-sig").splitlines()[0]
    assert header == "站点与年份,基于位置 (万吨二氧化碳),基于市场 (万吨二氧化碳)"  # CO2-only grid
    bad = gl("--lang", "zh", "--workspace", path, "export-data", "scope2", "--site", "Nowhere", "--out", csv)
    assert bad.returncode == 1 and "没有站点" in bad.stderr
