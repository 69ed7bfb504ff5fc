"""Chart exports: PNG size and text chunks, SVG text and <metadata>, one PDF page of the right
size, the PPTX deck's native charts equal the summary, notes and core properties; CLI."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from greenledger.core.chart_data import Filters
from greenledger.core.charts import CHART_NAMES, build_chart, load
from greenledger.core.storage import Workspace
from greenledger.gui.charts.render import ExportSize, export_chart, resolve_size

SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture
def summary(demo_path: Path) -> dict:
    with Workspace.open(demo_path) as ws:
        return load(ws)


def test_presets():
    assert (resolve_size(size="16:9").width_px, resolve_size(size="16:9").height_px) == (1920, 1080)
    assert resolve_size(size="4:3").width_px == 1440
    assert resolve_size(size="a4").width_px == 2480 and resolve_size(size="a4").dpi == 300
    assert resolve_size(800, 600).inches == pytest.approx((800 / 96, 600 / 96))


@pytest.mark.parametrize("name", CHART_NAMES)
def test_png_size_and_provenance(qapp, tmp_path, summary, name):
    chart = build_chart(name, summary)
    out = export_chart(chart, tmp_path / f"{name}.png", ExportSize(1600, 900, 144))
    img = QImage(str(out))
    assert (img.width(), img.height()) == (1600, 900)
    assert img.text("Data SHA-256") == chart.data_hash()
    assert img.text("Software").startswith("GreenLedger")
    assert img.text("Workspace") == "demo"
    assert round(img.dotsPerMeterX() * 0.0254) == 144
    raw = out.read_bytes()
    assert b"tEXt" in raw or b"iTXt" in raw or b"zTXt" in raw


def test_png_transparent_and_white(qapp, tmp_path, summary):
    chart = build_chart("intensity", summary)
    clear = QImage(str(export_chart(chart, tmp_path / "t.png", ExportSize(960, 540), transparent=True)))
    white = QImage(str(export_chart(chart, tmp_path / "w.png", ExportSize(960, 540))))
    assert clear.pixelColor(2, 2).alpha() == 0
    assert white.pixelColor(2, 2).name() == "#ffffff"


def test_svg_keeps_text_and_metadata(qapp, tmp_path, summary):
    chart = build_chart("scope2", summary)
    out = export_chart(chart, tmp_path / "c.svg", resolve_size(size="16:9"))
    root = ET.parse(out).getroot()
    texts = [t.text for t in root.iter(f"{SVG}text") if t.text]
    assert chart.title in texts and "Location-based" in texts
    meta = root.find(f"{SVG}metadata")
    assert meta is not None and chart.data_hash() in ET.tostring(meta, encoding="unicode")
    first = [e for e in root if e.tag != f"{SVG}metadata"][0]
    assert first.tag == f"{SVG}rect" and first.get("fill") == "#ffffff"
    assert (root.get("width"), root.get("height")) == ("1920", "1080")
    assert "Noto Sans CJK SC" in out.read_text(encoding="utf-8")


def test_pdf_one_page_of_the_right_size(qapp, tmp_path, summary):
    chart = build_chart("energy-mix", summary, Filters(site="Ulanqab DC"))
    out = export_chart(chart, tmp_path / "c.pdf", resolve_size(size="16:9"))
    raw = out.read_bytes()
    boxes = re.findall(rb"/MediaBox \[\s*([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s*\]", raw)
    assert len(boxes) == 1
    w, h = float(boxes[0][2]), float(boxes[0][3])
    assert (w, h) == pytest.approx((960, 540), abs=1)  # 13.333 × 7.5 in
    assert len(re.findall(rb"/Type\s*/Page\b", raw)) == 1
    assert b"GreenLedger" in raw and chart.data_hash().encode() in raw  # info + XMP


def test_clipboard_has_image_and_png_at_2x(qapp, summary):
    from greenledger.gui.charts.render import copy_to_clipboard

    mime = copy_to_clipboard(build_chart("intensity", summary), ExportSize(640, 360))
    img = QImage.fromData(bytes(mime.data("image/png")), "PNG")
    assert (img.width(), img.height()) == (1280, 720) and mime.hasImage()


def _chart_shapes(prs):
    return [[sh for sh in slide.shapes if sh.has_chart] for slide in prs.slides]


def test_deck_native_charts_equal_the_summary(qapp, tmp_path, summary):
    from pptx import Presentation

    from greenledger.gui.charts.deck import save_deck

    out = save_deck(summary, tmp_path / "deck.pptx")
    prs = Presentation(str(out))
    assert prs.slide_width * 9 == prs.slide_height * 16
    slides = list(prs.slides)
    assert len(slides) == 2 + len(CHART_NAMES)  # the title, the campaign's story, one per chart
    for slide, name in zip(slides[2:], CHART_NAMES, strict=True):
        chart = build_chart(name, summary)
        notes = slide.notes_slide.notes_text_frame.text
        assert "Method:" in notes and chart.data_hash() in notes
        for src in chart.factor_sources:
            assert src.split("; ")[0] in notes  # the source, without the library's own remarks
        shapes = [sh for sh in slide.shapes if sh.has_chart]
        if name == "equivalents":
            assert not shapes and not any(sh.shape_type == 13 for sh in slide.shapes)  # native, no picture
            assert any(sh.has_text_frame and sh.text_frame.text == chart.pictogram["headline"]
                       for sh in slide.shapes)
            continue
        assert len(shapes) == 1
        plotted = {s.name: list(s.values) for plot in shapes[0].chart.plots for s in plot.series}
        for s in chart.series:
            want = [v for v in s.values]
            got = plotted[s.name]
            assert [g for g, w in zip(got, want, strict=True) if w is not None] == pytest.approx(
                [w for w in want if w is not None]
            )
    props = prs.core_properties
    assert props.title == "6.18 2021: carbon figures for demo" and "GreenLedger" in props.author
    about = json.loads(props.comments)
    assert about["workspace"] == "demo" and set(about["data_sha256"]) == set(CHART_NAMES)
    assert any("MEE/NBS" in s for s in about["factor_sources"])


def test_deck_energy_mix_share_on_a_second_axis(qapp, tmp_path, summary):
    from pptx import Presentation

    from greenledger.gui.charts.deck import save_deck

    deck = save_deck(summary, tmp_path / "d.pptx", Filters(site="Ulanqab DC", year_from=2020))
    prs = Presentation(str(deck))
    chart = _chart_shapes(prs)[2][0].chart  # slide 3: the first chart, after the story slide
    xml = chart._chartSpace.xml
    assert "<c:lineChart>" in xml and xml.count("<c:valAx>") == 2 and '<c:axPos val="r"/>' in xml
    share = [s for p in chart.plots for s in p.series if s.name == "Renewable share"][0]
    months = [m for m in summary["site_months"] if m["site"] == "Ulanqab DC" and m["month"] >= "2020"]
    assert list(share.values) == pytest.approx([m["renewable_share_pct"] for m in months])


def _impress_installed() -> bool:
    """soffice opens .pptx only with Impress (libsdlo); libreoffice-calc-nogui alone has no Impress."""
    soffice = shutil.which("soffice")
    return soffice is not None and any(Path(soffice).resolve().parent.glob("libsdlo.*"))


@pytest.mark.skipif(not _impress_installed(), reason="LibreOffice Impress (soffice) is not installed")
def test_deck_converts_with_libreoffice(qapp, tmp_path, summary):
    from greenledger.gui.charts.deck import save_deck

    deck = save_deck(summary, tmp_path / "deck.pptx")
    subprocess.run(
        [
            "soffice",
            "--headless",
            f"-env:UserInstallation=file://{tmp_path}/lo",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(deck),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    raw = (tmp_path / "deck.pdf").read_bytes()
    assert len(re.findall(rb"/Type\s*/Page\b", raw)) == 2 + len(CHART_NAMES)


def test_cli_exports_without_a_display(tmp_path, demo_path):
    from greenledger.gui.cli import main

    assert main(["--workspace", str(demo_path), "charts"]) == 0
    png = tmp_path / "e.png"
    assert (
        main(
            [
                "--workspace",
                str(demo_path),
                "export-chart",
                "energy-mix",
                "--site",
                "Ulanqab DC",
                "--width",
                "1200",
                "--height",
                "800",
                "--out",
                str(png),
            ]
        )
        == 0
    )
    assert QImage(str(png)).size().toTuple() == (1200, 800)
    assert (
        main(
            [
                "--lang",
                "zh",
                "--workspace",
                str(demo_path),
                "export-chart",
                "scope2",
                "--years",
                "2020-2021",
                "--out",
                str(tmp_path / "s.svg"),
            ]
        )
        == 0
    )
    assert "范围二" in (tmp_path / "s.svg").read_text(encoding="utf-8")
    assert main(["--workspace", str(demo_path), "export-deck", "--out", str(tmp_path / "d.pptx")]) == 0
    assert (
        main(["--workspace", str(demo_path), "export-data", "packaging", "--out", str(tmp_path / "p.csv")])
        == 0
    )
    assert (tmp_path / "p.csv").read_text(encoding="utf-8-sig").startswith("Campaign,Board")
    assert (
        main(["--workspace", str(demo_path), "export-data", "scope2", "--out", str(tmp_path / "s.xlsx")]) == 0
    )
    assert (
        main(["--workspace", str(demo_path), "export-chart", "scope2", "--out", str(tmp_path / "x.gif")]) == 2
    )
    assert (
        main(
            [
                "--workspace",
                str(demo_path),
                "export-chart",
                "scope2",
                "--site",
                "Nowhere",
                "--out",
                str(tmp_path / "x.png"),
            ]
        )
        == 1
    )
