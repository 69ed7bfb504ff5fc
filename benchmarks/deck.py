"""The PowerPoint deck's speed (issue 14 §4): the full deck of the demo and of an 876,000-row workspace
(50 sites × 4 sources × 12 years of daily rows), each against a baseline measured in the same run: a
bare python-pptx deck of the same slides (the same fitted chart data, one native chart per slide) without
labels, styling, notes or the equivalents shapes. Target: the deck under 1 s at 876,000 rows.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/deck.py      (make bench runs it)
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from benchmarks.run import CACHE, energy_workbook, timed  # noqa: E402
from greenledger.core.storage import Workspace  # noqa: E402

BIG_ROWS = 876_000


def bare_deck(summary, path: Path) -> Path:
    """The baseline: the same slides with python-pptx's defaults, no labels."""
    from pptx import Presentation
    from pptx.chart.data import CategoryChartData
    from pptx.util import Inches

    from greenledger.core.chart_data import Filters
    from greenledger.core.chart_fit import fit_chart
    from greenledger.core.charts import CHART_NAMES, build_chart
    from greenledger.gui.charts.deck import SLIDE_H, SLIDE_W, TITLE_ONLY
    from greenledger.gui.charts.deck_chart import _chart_type

    prs = Presentation()
    prs.slide_width, prs.slide_height = SLIDE_W, SLIDE_H
    prs.slides.add_slide(prs.slide_layouts[0]).shapes.title.text = "deck"
    for name in CHART_NAMES:
        chart = build_chart(name, summary, Filters())
        slide = prs.slides.add_slide(prs.slide_layouts[TITLE_ONLY])
        slide.shapes.title.text = chart.title
        if chart.empty or chart.pictogram is not None:
            continue
        chart = fit_chart(chart, 9.1 * 96, 5.15 * 96)
        data = CategoryChartData()
        data.categories = chart.categories
        for s in chart.series:
            data.add_series(s.name or " ", s.values)
        slide.shapes.add_chart(_chart_type(chart), Inches(0.4), Inches(1.35), Inches(9.1), Inches(5.15), data)
    prs.save(str(path))
    return path


def big_workspace() -> Path:
    path = CACHE / f"deck_{BIG_ROWS}.greenledger"
    if not path.exists():
        from greenledger.core.importing.importer import import_file

        book = energy_workbook(BIG_ROWS)
        tmp = path.with_suffix(".part")
        tmp.unlink(missing_ok=True)
        with Workspace.open(tmp) as ws:
            import_file(ws, book)
        tmp.rename(path)
    return path


def bench(label: str, ws_path: Path, target: str) -> None:
    from greenledger.core import charts
    from greenledger.gui.charts.deck import save_deck

    with Workspace.open(ws_path) as ws:  # the typed summary, as the window and export-deck pass it
        summary = getattr(charts, "load_summary", charts.load)(ws)
    tmp = Path(tempfile.mkdtemp())
    deck_s, _ = timed(lambda: save_deck(summary, tmp / "deck.pptx"))
    bare_s, _ = timed(lambda: bare_deck(summary, tmp / "bare.pptx"))
    print(f"{'deck, ' + label:<44} {deck_s * 1000:9.0f} ms   {'bare python-pptx, same slides':<34} "
          f"{bare_s * 1000:8.0f} ms   ratio {deck_s / bare_s:5.2f}x   target {target}")


def main() -> None:
    from greenledger.core.demo import build_demo
    from greenledger.gui.charts.render import ensure_app

    ensure_app()
    demo = Path(tempfile.mkdtemp()) / "demo.greenledger"
    build_demo(demo)
    bench("demo workspace", demo, "< 3000 ms")
    bench(f"{BIG_ROWS:,} energy rows", big_workspace(), "< 1000 ms")


if __name__ == "__main__":
    main()
