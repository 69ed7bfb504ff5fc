"""Time until a window is visible (first paint), in fresh processes: GreenLedger's main window on
the demo workspace vs a bare pyqtgraph PlotWidget, measured the same way; prints the ratio
(issue 3 target: at most 1.5x). The Dashboard builds its charts after that first paint, so the
time until they are drawn too is printed beside it. Run under a display, e.g.

    xvfb-run -a .venv/bin/python benchmarks/window_startup.py
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RUNS = 5

_CHILD = r"""
import time; t0 = time.perf_counter()
import os, sys
sys.path.insert(0, {root!r})
os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication
if {which!r} == "bare":
    app = QApplication([])
else:
    from greenledger.gui.app import make_app  # as `greenledger` starts: names, pyqtgraph options
    app = make_app(["greenledger"])
class Painted(QObject):
    def eventFilter(self, obj, ev):
        if ev.type() == QEvent.Type.Paint and {which!r} != "charts":
            print(time.perf_counter() - t0, flush=True)
            os._exit(0)
        return False
if {which!r} == "bare":
    import pyqtgraph as pg
    w = pg.PlotWidget()
else:
    from greenledger.gui import settings
    settings.SETTINGS_FILE = {ini!r}
    from greenledger.gui.main_window import MainWindow
    w = MainWindow({ws!r})
    def charts_drawn():
        app.processEvents()  # their first paint
        print(time.perf_counter() - t0, flush=True)
        os._exit(0)
    w.dashboard.charts_ready.connect(lambda: QTimer.singleShot(0, charts_drawn))
w.resize(1600, 1000)
filt = Painted()
app.installEventFilter(filt)
w.show()
QTimer.singleShot(30000, lambda: os._exit(1))
app.exec()
"""


def measure(which: str, ws: Path, ini: Path) -> float:
    code = _CHILD.format(root=str(ROOT), which=which, ws=str(ws), ini=str(ini))
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return float(out.stdout.strip().splitlines()[-1])


def main() -> int:
    sys.path.insert(0, str(ROOT))
    from greenledger.core.demo import build_demo

    with tempfile.TemporaryDirectory() as tmp:
        ws, ini = Path(tmp) / "demo.greenledger", Path(tmp) / "settings.ini"
        build_demo(ws)
        measure("window", ws, ini)  # warm the file cache and the .pyc files
        bare = statistics.median(measure("bare", ws, ini) for _ in range(RUNS))
        window = statistics.median(measure("window", ws, ini) for _ in range(RUNS))
        charts = statistics.median(measure("charts", ws, ini) for _ in range(RUNS))
    print(f"{'bare pyqtgraph window visible':<44} {bare * 1000:9.0f} ms")
    print(f"{'GreenLedger window (demo) visible':<44} {window * 1000:9.0f} ms   ratio {window / bare:5.2f}x"
          "   target <= 1.5x")
    print(f"{'  ... and its 8 dashboard charts drawn':<44} {charts * 1000:9.0f} ms   "
          f"ratio {charts / bare:5.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
