"""Every chart's PDF and SVG, drawn by other programs (poppler's pdftoppm, Ghostscript, librsvg), looks
like its PNG: the same check as shared/tools/compare-vector-exports.sh, in both languages. Before the
charts were painted with plain QPainter calls, 28 of these 32 differed (tick labels at 30 pt over a
PDF's plot, an SVG without its bars). Text stays text: the PDF's text layer and the SVG's <text>
elements hold the title and the tick labels."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage

from greenledger.core.chart_data import Filters
from greenledger.core.charts import CHART_NAMES, build_chart, load
from greenledger.core.storage import Workspace
from greenledger.gui import i18n
from greenledger.gui.charts.render import ExportSize, export_chart

SIZE = ExportSize(1920, 1080, 144)  # --size 16:9, as compare-vector-exports.sh
COMPARE_W, COMPARE_H = 480, 270
LIMIT = 0.03  # RMSE 0..1 at 480×270, as compare-vector-exports.sh; right renders sit near 0.01


def _gray(path: Path) -> np.ndarray:
    img = QImage(str(path))
    assert not img.isNull(), f"{path} did not load"
    flat = QImage(img.size(), QImage.Format.Format_RGB32)
    flat.fill(Qt.GlobalColor.white)
    from PySide6.QtGui import QPainter

    p = QPainter(flat)
    p.drawImage(0, 0, img)
    p.end()
    small = flat.scaled(COMPARE_W, COMPARE_H, Qt.AspectRatioMode.IgnoreAspectRatio,
                        Qt.TransformationMode.SmoothTransformation).convertToFormat(QImage.Format.Format_RGB32)
    arr = np.frombuffer(small.constBits(), dtype=np.uint8).reshape(COMPARE_H, small.bytesPerLine() // 4, 4)
    return arr[:, :COMPARE_W, :3].astype(float) / 255.0


def rmse(a: Path, b: Path) -> float:
    return float(np.sqrt(np.mean((_gray(a) - _gray(b)) ** 2)))


@pytest.fixture(scope="module")
def summary(tmp_path_factory) -> dict:
    from greenledger.core.demo import build_demo

    path = tmp_path_factory.mktemp("vector") / "demo.greenledger"
    build_demo(path)
    with Workspace.open(path) as ws:
        return load(ws)


PACKAGES = {"pdftoppm": "poppler-utils", "rsvg-convert": "librsvg2-bin", "gs": "ghostscript"}


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize(("fmt", "tool"), [("pdf", "pdftoppm"), ("pdf", "gs"), ("svg", "rsvg-convert")])
def test_vector_exports_look_like_the_png(qapp, summary, tmp_path, lang, fmt, tool):
    if shutil.which(tool) is None:
        pytest.skip(f"{tool} is not installed ({PACKAGES[tool]}): cannot draw the export as another "
                    "viewer does")
    i18n.install(lang)
    try:
        far = {}
        for name in CHART_NAMES:
            chart = build_chart(name, summary, Filters(lang=lang))
            png = export_chart(chart, tmp_path / f"{name}.png", SIZE)
            vec = export_chart(chart, tmp_path / f"{name}.{fmt}", SIZE)
            out = tmp_path / f"{name}-{fmt}.png"
            if tool == "pdftoppm":
                subprocess.run([tool, "-png", "-singlefile", "-scale-to-x", "1920", "-scale-to-y", "1080",
                                str(vec), str(out.with_suffix(""))], check=True, timeout=60)
            elif tool == "gs":
                subprocess.run([tool, "-q", "-dNOPAUSE", "-dBATCH", "-dSAFER", "-sDEVICE=png16m", "-r144",
                                "-dTextAlphaBits=4", "-dGraphicsAlphaBits=4", f"-sOutputFile={out}",
                                str(vec)], check=True, timeout=60)
            else:
                subprocess.run([tool, "-w", "1920", "-h", "1080", "-b", "white", str(vec), "-o", str(out)],
                               check=True, timeout=60)
            d = rmse(png, out)
            if d > LIMIT:
                far[name] = round(d, 4)
            _assert_text_is_text(chart, vec, fmt)
        assert not far, f"{fmt} ({lang}, {tool}) drawn unlike the PNG (RMSE over {LIMIT}): {far}"
    finally:
        i18n.install("en")


def _assert_text_is_text(chart, path: Path, fmt: str) -> None:
    first_word = chart.title.split()[0]
    if fmt == "svg":
        text = path.read_text(encoding="utf-8")
        assert "<text" in text and first_word in text
        assert "<image" not in text  # nothing drawn as a picture
    elif shutil.which("pdftotext"):
        out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, check=True, timeout=60)
        # poppler maps some CJK code points to their compatibility forms (⼆ for 二): compare Latin only
        words = out.stdout.decode("utf-8")
        assert chart.source_line.split()[-1] in words  # "GreenLedger", the source line's last word
        if first_word.isascii():
            assert first_word in words


def test_the_comparison_sees_a_wrong_render(qapp, summary, tmp_path):
    """The measure can fail: a chart against another chart is far over the limit."""
    a = export_chart(build_chart("scope2", summary, Filters()), tmp_path / "a.png", SIZE)
    b = export_chart(build_chart("intensity", summary, Filters()), tmp_path / "b.png", SIZE)
    assert rmse(a, b) > LIMIT
    assert rmse(a, a) == 0.0
