"""Save a PNG of every page of the main window on the demo workspace (and of the empty state)
into screenshots/, at 1600×1000, under the current display:

    xvfb-run -a -s "-screen 0 1600x1000x24" .venv/bin/python tools/screenshots.py

At 200 %: QT_SCALE_FACTOR=2 SCREENSHOTS_DIR=/tmp/shots2x with a 3200x2000 screen.
Each language into its own folder (screenshots/en, screenshots/zh); SCREENSHOTS_LANG=zh for one.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from greenledger.core.demo import build_demo  # noqa: E402
from greenledger.gui import settings  # noqa: E402
from greenledger.gui.app import make_app  # noqa: E402

OUT = Path(os.environ.get("SCREENSHOTS_DIR", ROOT / "screenshots"))  # e.g. for a 200 % run
SIZE = (1600, 1000)


def shoot(widget, path: Path, app) -> Path:
    for _ in range(5):
        app.processEvents()
    widget.grab().save(str(path))
    return path


def main() -> int:
    app = make_app()
    from greenledger.gui import i18n

    for lang in os.environ.get("SCREENSHOTS_LANG", "en zh").split():
        i18n.install(lang)
        shoot_all(app, OUT / lang)
    return 0


def shoot_all(app, out: Path) -> None:
    from greenledger.gui.main_window import PAGES, MainWindow

    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        settings.SETTINGS_FILE = Path(tmp) / "settings.ini"
        demo = Path(tmp) / "demo.greenledger"
        build_demo(demo)
        window = MainWindow(demo)
        window.resize(*SIZE)
        window.show()
        for i, page in enumerate(PAGES):
            window.sidebar.setCurrentRow(i)
            print(shoot(window, out / f"{i + 1:02d}-{page.lower()}.png", app))
        window.sidebar.setCurrentRow(0)
        for _ in range(5):
            app.processEvents()
        window.dashboard.draw_all()
        print(shoot(window.dashboard.cards_host, out / "00-dashboard-all-charts.png", app))
        window.close()
        empty = MainWindow(Path(tmp) / "empty.greenledger")
        empty.resize(*SIZE)
        empty.show()
        empty.sidebar.setCurrentRow(0)
        print(shoot(empty, out / "10-empty-dashboard.png", app))
        empty.sidebar.setCurrentRow(1)
        print(shoot(empty, out / "11-empty-energy.png", app))
        empty.close()


if __name__ == "__main__":
    sys.exit(main())
