"""Write every chart of the demo workspace to screenshots/charts/ (PNG in English and in Chinese,
NAME.png and NAME.zh.png; the Chinese ones also with 万/亿 units, NAME.zh-cn-units.png), a
ChartView screenshot of each in both languages, and the deck in both (deck.pptx, deck.zh.pptx;
their PDF and page PNGs when LibreOffice and pdftoppm are installed), headless:

    .venv/bin/python tools/export_charts.py [OUT_DIR]
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from greenledger.core.chart_data import Filters  # noqa: E402
from greenledger.core.charts import CHART_NAMES, build_chart, load  # noqa: E402
from greenledger.core.demo import build_demo  # noqa: E402
from greenledger.core.storage import Workspace  # noqa: E402

# The story each chart tells best on the demo (see shared/domain/press-release.md).
STORY = {
    "energy-mix": Filters(site="Ulanqab DC"),
    "avoided-cumulative": Filters(site="Zhangbei DC", compare_factor=0.889),
    "equivalents": Filters(initiative="No plastic cutlery"),
}


def main() -> int:
    from greenledger.gui.charts.deck import save_deck
    from greenledger.gui.charts.render import ensure_app, export_chart, resolve_size

    out = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "screenshots" / "charts"
    out.mkdir(parents=True, exist_ok=True)
    app = ensure_app()
    with tempfile.TemporaryDirectory() as tmp:
        demo = Path(tmp) / "demo.greenledger"
        build_demo(demo)
        with Workspace.open(demo) as ws:
            summary = load(ws)
    from greenledger.gui.i18n import install

    try:
        for lang in ("en", "zh"):
            install(lang)
            suffix = "" if lang == "en" else ".zh"
            for name in CHART_NAMES:
                f = STORY.get(name, Filters())
                path = out / f"{name}{suffix}.png"
                print(export_chart(build_chart(name, summary, f), path, resolve_size(size="16:9")))
                if lang == "zh":
                    f = Filters(**{**f.as_dict(), "cn_units": True})
                    path = out / f"{name}.zh-cn-units.png"
                    print(export_chart(build_chart(name, summary, f), path, resolve_size(size="16:9")))
            _widgets(summary, out, app, suffix)
            t0 = time.perf_counter()
            deck = save_deck(summary, out / f"deck{suffix}.pptx")
            print(f"{deck} in {time.perf_counter() - t0:.2f} s")
            _convert(deck)
    finally:
        install("en")
    return 0


def _widgets(summary: dict, out: Path, app, suffix: str = "") -> None:
    """Each ChartView as the Dashboard would show it (900×560)."""
    from greenledger.gui.charts.chart_view import ChartView

    for name in CHART_NAMES:
        view = ChartView(name, summary=summary, filters=STORY.get(name))
        view.resize(900, 560)
        view.show()
        for _ in range(5):
            app.processEvents()
        path = out / f"widget-{name}{suffix}.png"
        view.grab().save(str(path))
        view.hide()
        print(path)


def _convert(deck: Path) -> None:
    soffice = shutil.which("soffice")
    if soffice is None:
        print("soffice not found: deck not converted to PDF")
        return
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            [
                soffice,
                "--headless",
                f"-env:UserInstallation=file://{profile}",
                "--convert-to",
                "pdf",
                "--outdir",
                str(deck.parent),
                str(deck),
            ],
            check=True,
            capture_output=True,
        )
    pdf = deck.with_suffix(".pdf")
    if not pdf.exists():  # e.g. LibreOffice without Impress (libreoffice-impress)
        print(f"soffice could not convert {deck.name}: deck not converted to PDF")
        return
    print(pdf)
    if shutil.which("pdftoppm"):
        subprocess.run(
            ["pdftoppm", "-png", "-r", "60", str(pdf), str(deck.parent / f"{deck.stem}-page")], check=True
        )


if __name__ == "__main__":
    os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")
    sys.exit(main())
