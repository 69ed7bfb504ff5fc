"""`make bench`: GreenLedger's speed against baselines measured in the same run.

- import of a 200,000-row Energy sheet vs python-calamine's raw read of the same file
  (target: at most 2x);
- the summary on that workspace (target: under 0.5 s).
Workbooks are generated once into benchmarks/.cache (openpyxl, write-only mode).
"""

from __future__ import annotations

import gc
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from python_calamine import CalamineWorkbook  # noqa: E402

from core.accounting import summarize  # noqa: E402
from core.importing.importer import import_file  # noqa: E402
from core.storage import Workspace  # noqa: E402

CACHE = ROOT / "benchmarks" / ".cache"
ROWS = 200_000
SOURCES = ("grid", "wind", "solar", "hydro")


def energy_workbook(rows: int = ROWS) -> Path:
    """Sites + Energy: 50 sites × 4 sources × daily rows, `rows` rows in all."""
    path = CACHE / f"energy_{rows}.xlsx"
    if path.exists():
        return path
    import openpyxl

    CACHE.mkdir(parents=True, exist_ok=True)
    wb = openpyxl.Workbook(write_only=True)
    sites = wb.create_sheet("Sites")
    sites.append(["Site", "Type", "Grid region", "Country"])
    regions = ["North China", "East China", "South China", "Central China", "Inner Mongolia"]
    for i in range(50):
        sites.append([f"Site {i:02d}", "warehouse", regions[i % len(regions)], "China"])
    energy = wb.create_sheet("Energy")
    energy.append(["Site", "Period start", "Period end", "Source", "Energy (kWh)", "Instrument"])
    start = date(2019, 1, 1)
    n = 0
    day = 0
    while n < rows:
        d = start + timedelta(days=day)
        for i in range(50):
            for s in SOURCES:
                if n >= rows:
                    break
                energy.append([f"Site {i:02d}", d, d, s, 1000.0 + (n % 997),
                               None if s == "grid" else "PPA"])
                n += 1
        day += 1
    wb.save(path)
    return path


def timed(fn, repeat: int = 3) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeat):
        gc.collect()
        t0 = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times), result


def raw_read_gc_paused(path: Path) -> int:
    gc.disable()
    try:
        return raw_read(path)
    finally:
        gc.enable()


def raw_read(path: Path) -> int:
    wb = CalamineWorkbook.from_path(str(path))
    return sum(len(wb.get_sheet_by_name(n).to_python()) for n in wb.sheet_names)


def bench_import(path: Path) -> tuple[float, float, Path]:
    raw_s, _ = timed(lambda: raw_read(path))
    tmp = Path(tempfile.mkdtemp())
    runs = []

    def one() -> Path:
        ws_path = tmp / f"bench{len(runs)}.greenledger"
        with Workspace.open(ws_path) as ws:
            t0 = time.perf_counter()
            import_file(ws, path)
            runs.append(time.perf_counter() - t0)
        return ws_path

    ws_path = None
    for _ in range(3):
        ws_path = one()
    return raw_s, statistics.median(runs), ws_path


def report(name: str, value_s: float, baseline_name: str, baseline_s: float, target: str) -> None:
    print(f"{name:<44} {value_s * 1000:9.0f} ms   {baseline_name:<34} {baseline_s * 1000:8.0f} ms   "
          f"ratio {value_s / baseline_s:5.2f}x   target {target}")


def main() -> None:
    print(f"GreenLedger benchmarks (python {sys.version.split()[0]})")
    path = energy_workbook()
    raw_s, imp_s, ws_path = bench_import(path)
    report(f"import {ROWS:,}-row Energy sheet", imp_s, "python-calamine raw read", raw_s, "<= 2x")
    paused_s, _ = timed(lambda: raw_read_gc_paused(path))
    report("  the same import", imp_s, "raw read, cyclic GC paused too", paused_s,
           "(the import pauses the cyclic GC)")
    with Workspace.open(ws_path) as ws:
        summ_s, s = timed(lambda: summarize(ws), repeat=5)
    print(f"{'summary of that workspace':<44} {summ_s * 1000:9.0f} ms   "
          f"({len(s['site_years'])} site-years, {len(s['site_months'])} site-months)   target < 500 ms")
    bench_deck()


def bench_deck() -> None:
    """The full PowerPoint deck (every chart, native charts, equivalents picture) of the demo."""
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from core.charts import load
    from core.demo import build_demo
    from gui.charts.deck import save_deck
    from gui.charts.render import ensure_app

    ensure_app()
    tmp = Path(tempfile.mkdtemp())
    build_demo(tmp / "demo.greenledger")
    with Workspace.open(tmp / "demo.greenledger") as ws:
        deck_s, _ = timed(lambda: save_deck(load(ws), tmp / "deck.pptx"))
    print(f"{'export the full deck (demo workspace)':<44} {deck_s * 1000:9.0f} ms   target < 3000 ms")


if __name__ == "__main__":
    main()
