"""Time until a window is visible (first paint) and its resident memory then, in fresh processes:
GreenLedger's main window vs a bare pyqtgraph PlotWidget, measured the same way; prints the ratio
(issue 3 and 15 targets: at most 1.5x, 500 MB at 876,000 rows; 2x and 800 MB at 5 million).
The window paints before it has its figures: the time until the dashboard's charts are drawn
(and, on the Energy page, until the table shows its first rows) is printed beside it.

On the demo workspace, and on the 876,000-row workspace of benchmarks/big.py (generated once
into benchmarks/.cache/; 5,000,000 too with BENCH_BIG=1). Run under a display, e.g.

    xvfb-run -a .venv/bin/python benchmarks/window_startup.py
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RUNS = 5

_CHILD = r"""
import time; t0 = time.perf_counter()
import os, resource, sys
sys.path.insert(0, {root!r})
os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication
which = {which!r}
if which == "bare":
    app = QApplication([])
else:
    from greenledger.gui.app import make_app  # as `greenledger` starts: names, pyqtgraph options
    app = make_app(["greenledger"])
def peak_kib():
    # /proc's VmHWM is this process's own peak; ru_maxrss on Linux keeps the peak of the process
    # that forked it across exec (big.py, holding a 600 MB import, made every window read 608 MB)
    try:
        with open("/proc/self/status") as f:
            return next(int(l.split()[1]) for l in f if l.startswith("VmHWM:"))
    except (OSError, StopIteration):
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # macOS: bytes; not compared here
def report():
    print(time.perf_counter() - t0, peak_kib(), flush=True)
    os._exit(0)
class Painted(QObject):
    def eventFilter(self, obj, ev):
        if ev.type() == QEvent.Type.Paint and which in ("bare", "window", "energy"):
            if which != "energy" or w.tables_filled():
                report()
        return False
if which == "bare":
    import pyqtgraph as pg
    w = pg.PlotWidget()
else:
    from greenledger.gui import settings
    settings.SETTINGS_FILE = {ini!r} + (".energy.ini" if which == "energy" else "")
    if which == "energy":
        settings.set_value("last_page", "Energy")
    from greenledger.gui.main_window import MainWindow
    from greenledger.core.fields import Kind
    w = MainWindow({ws!r})
    table = w.tables[Kind.ENERGY]
    w.tables_filled = lambda: table.model.rowCount() > 0 and table.table.indexAt(
        table.table.viewport().rect().topLeft()).data() not in (None, "")
    def charts_drawn():
        app.processEvents()  # their first paint
        report()
    w.dashboard.charts_ready.connect(lambda: QTimer.singleShot(0, charts_drawn))
w.resize(1600, 1000)
filt = Painted()
app.installEventFilter(filt)
w.show()
QTimer.singleShot(120000, lambda: os._exit(1))
app.exec()
"""


def measure(which: str, ws: Path, ini: Path) -> tuple[float, float]:
    """(seconds, resident MB) of a fresh process at `which`: bare, window (first paint), charts
    (the dashboard's charts drawn), energy (the Energy page painted with its rows)."""
    code = _CHILD.format(root=str(ROOT), which=which, ws=str(ws), ini=str(ini))
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    secs, kib = out.stdout.strip().splitlines()[-1].split()
    return float(secs), int(kib) / 1024.0


def _pairs(which: str, ws: Path, ini: Path, runs: int) -> tuple[float, float, float, float]:
    """`runs` pairs of a bare window then `which`, one after the other (a busy machine slows
    both alike): (median bare s, median s, median of the pairs' ratios, median MB)."""
    bare, mine, ratios, mb = [], [], [], []
    for _ in range(runs):
        b, _b_mb = measure("bare", ws, ini)
        m, m_mb = measure(which, ws, ini)
        bare.append(b)
        mine.append(m)
        ratios.append(m / b)
        mb.append(m_mb)
    med = statistics.median
    return med(bare), med(mine), med(ratios), med(mb)


def report(label: str, ws: Path, ini: Path, runs: int, target: tuple[float, int]) -> None:
    measure("window", ws, ini)  # warm the file cache and the .pyc files
    bare_mb = measure("bare", ws, ini)[1]
    print(f"-- {label} (medians of {runs} runs, each beside a bare window run just before it)")
    for which, text in (("window", "GreenLedger window visible"),
                        ("charts", "  ... its dashboard charts drawn"),
                        ("energy", "  ... opened on Energy, first rows shown")):
        bare, secs, ratio, mb = _pairs(which, ws, ini, runs)
        goal = f"   target <= {target[0]}x, <= {target[1]} MB" if which == "window" else ""
        print(f"{text:<44} {secs * 1000:9,.0f} ms   {mb:7,.0f} MB   ratio {ratio:5.2f}x   "
              f"(bare {bare * 1000:,.0f} ms, {bare_mb:,.0f} MB){goal}")


def main() -> int:
    sys.path.insert(0, str(ROOT))
    from greenledger.core.demo import build_demo

    with tempfile.TemporaryDirectory() as tmp:
        ws, ini = Path(tmp) / "demo.greenledger", Path(tmp) / "settings.ini"
        build_demo(ws)
        report("demo workspace", ws, ini, RUNS, (1.5, 500))
        if os.environ.get("BENCH_SMALL") != "1":
            platform = os.environ.get("QT_QPA_PLATFORM")
            from benchmarks.big import big_workspace  # it sets QT_QPA_PLATFORM=offscreen

            if platform is None:
                os.environ.pop("QT_QPA_PLATFORM", None)
            else:
                os.environ["QT_QPA_PLATFORM"] = platform

            sizes = [876_000] + ([5_000_000] if os.environ.get("BENCH_BIG") == "1" else [])
            for rows in sizes:
                path = big_workspace(rows)[0]
                target = (1.5, 500) if rows < 1_000_000 else (2, 800)
                report(f"{rows:,} energy rows", path, ini, RUNS, target)
    return 0


if __name__ == "__main__":
    sys.exit(main())
