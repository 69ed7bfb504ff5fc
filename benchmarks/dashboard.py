"""The Dashboard's refresh after a filter change, on 50 sites × 4 sources × 5 years of daily energy
rows (365,000 rows): the window holds core.charts.load(ws) (aggregated in SQL once per change of
data), and a filter change re-slices it and redraws every chart. Target: under 100 ms.

Printed beside it, as the baseline measured in the same run: the SQL aggregation the summary
starts from (`load`), which a filter change does not repeat.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/dashboard.py
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from benchmarks.run import energy_workbook  # noqa: E402
from greenledger.core.charts import load_summary  # noqa: E402
from greenledger.core.fields import Kind  # noqa: E402
from greenledger.core.importing.importer import import_file  # noqa: E402
from greenledger.core.storage import Workspace  # noqa: E402

ROWS = 365_000


def filter_redraws(ws: Workspace, changes: int | None = None) -> tuple[list[float], object, float]:
    """Open the Dashboard on `ws` as the window does (its typed summary and row count), then time
    each filter change (every site, then every start year) until what is on screen is redrawn;
    returns (seconds per change, the summary, seconds its SQL aggregation took)."""
    from greenledger.gui.app import make_app
    from greenledger.gui.dashboard_view import DashboardView

    app = make_app(["bench"])
    t0 = time.perf_counter()
    summary = load_summary(ws)
    load_s = time.perf_counter() - t0
    view = DashboardView()
    view.resize(1600, 1000)
    view.show()
    view.set_summary(summary, ws.count(Kind.ENERGY))  # 0 rows would show the empty page
    view.build_charts()
    app.processEvents()
    bar = view.filter_bar
    choices = [(bar.site, i) for i in range(bar.site.count())] + \
              [(bar.year_from, i) for i in range(bar.year_from.count())]
    times = []
    for box, i in (choices[1:] + choices[:1])[:changes]:
        t0 = time.perf_counter()
        box.setCurrentIndex(i)
        app.processEvents()  # the redraw of what is on screen
        times.append(time.perf_counter() - t0)
    view.close()
    return times, summary, load_s


def main() -> None:
    book = energy_workbook(ROWS)
    with tempfile.TemporaryDirectory() as tmp:
        ws = Workspace.open(Path(tmp) / "bench.greenledger")
        import_file(ws, book)
        times, summary, load_s = filter_redraws(ws)
        ws.close()
    med, worst = statistics.median(times), max(times)
    print(f"{'dashboard refresh after a filter change':<44} {med * 1000:9.0f} ms   "
          f"(median of {len(times)}, worst {worst * 1000:.0f} ms; {ROWS:,} energy rows, "
          f"{len(summary.site_months):,} site-months)   target < 100 ms")
    print(f"{'  vs the SQL aggregation it does not repeat':<44} {load_s * 1000:9.0f} ms   "
          f"ratio {med / load_s:5.2f}x")


if __name__ == "__main__":
    main()
