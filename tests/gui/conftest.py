"""GUI fixtures: QSettings in tmp_path (autouse), a demo workspace, and the window on it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from greenledger.core.demo import build_demo
from greenledger.gui import settings


@pytest.fixture(autouse=True)
def fresh_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test reads and writes QSettings in its own file (napari's _fresh_settings)."""
    path = tmp_path / "settings.ini"
    monkeypatch.setattr(settings, "SETTINGS_FILE", path)
    return path


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.greenledger"
    build_demo(path)
    return path


@pytest.fixture
def demo_path(tmp_path: Path, demo_template: Path) -> Path:
    """A fresh copy of the demo workspace (the 6.18 workbook imported) in tmp_path."""
    path = tmp_path / "demo.greenledger"
    shutil.copy2(demo_template, path)
    return path


@pytest.fixture
def window(qtbot, demo_path: Path):
    from greenledger.gui.main_window import MainWindow

    w = MainWindow(demo_path)
    qtbot.addWidget(w)
    w.show()
    return w

