"""The app icon files (sizes, .ico and .icns containers) and Help › About."""

from __future__ import annotations

import json
import struct

import pytest
from PySide6.QtGui import QImage

from greenledger import resources
from greenledger.core import __version__

PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


@pytest.mark.parametrize("size", PNG_SIZES)
def test_png_icon_sizes(qapp, size: int) -> None:
    image = QImage(str(resources.path(f"icons/greenledger-{size}.png")))
    assert not image.isNull()
    assert (image.width(), image.height()) == (size, size)
    assert image.hasAlphaChannel()


def test_svg_source_exists() -> None:
    assert resources.path("icons/greenledger.svg").read_text(encoding="utf-8").lstrip().startswith("<?xml")


def test_ico_holds_16_to_256(qapp) -> None:
    data = resources.path("icons/greenledger.ico").read_bytes()
    reserved, kind, count = struct.unpack_from("<HHH", data)
    assert (reserved, kind) == (0, 1)
    sizes = []
    for i in range(count):
        w, h, _, _, _, _, length, offset = struct.unpack_from("<BBBBHHII", data, 6 + 16 * i)
        image = QImage.fromData(data[offset:offset + length])
        assert image.width() == (w or 256) and image.height() == (h or 256)
        sizes.append(image.width())
    assert sizes == [16, 24, 32, 48, 64, 128, 256]


def test_icns_entries(qapp) -> None:
    data = resources.path("icons/greenledger.icns").read_bytes()
    assert data[:4] == b"icns" and struct.unpack(">I", data[4:8])[0] == len(data)
    pos, found = 8, {}
    while pos < len(data):
        kind, length = data[pos:pos + 4].decode(), struct.unpack(">I", data[pos + 4:pos + 8])[0]
        found[kind] = QImage.fromData(data[pos + 8:pos + length]).width()
        pos += length
    assert found == {"icp4": 16, "icp5": 32, "icp6": 64, "ic07": 128, "ic08": 256, "ic09": 512,
                     "ic11": 32, "ic12": 64, "ic13": 256, "ic14": 512, "ic10": 1024}


def test_about_shows_versions_and_licenses(qtbot) -> None:
    from greenledger.gui.about import AboutDialog

    builtin = json.loads(resources.path("data/library.json").read_text(encoding="utf-8"))["version"]
    dialog = AboutDialog("2020.1.0")
    qtbot.addWidget(dialog)
    dialog.show()
    assert __version__ in dialog.title.text()
    text = dialog.library.text()
    assert builtin in text and "2020.1.0" in text and "factors update" in text
    rows = {dialog.table.item(r, 0).text(): (dialog.table.item(r, 1).text(), dialog.table.item(r, 2).text())
            for r in range(dialog.table.rowCount())}
    assert rows["PySide6 / Shiboken6"][1] == "LGPL-3.0-only"
    assert rows["Qt"][1] == "LGPL-3.0-only"
    assert rows["pyqtgraph"][1] == "MIT" and rows["sqlite-utils"][1] == "Apache-2.0"
    assert rows["NumPy"][1].startswith("BSD")
    assert all(version not in ("", "—") for version, _ in rows.values())


def test_about_without_a_newer_library(qtbot) -> None:
    from greenledger.gui.about import AboutDialog, builtin_library_version

    dialog = AboutDialog(builtin_library_version()[0])
    qtbot.addWidget(dialog)
    assert "factors update" not in dialog.library.text()


def test_help_menu_opens_about(window, qtbot, monkeypatch) -> None:
    from greenledger.gui import about

    shown = []
    monkeypatch.setattr(about.AboutDialog, "exec", lambda self: shown.append(self.library.text()) or 0)
    actions = [a for m in window.menuBar().actions() if m.menu() for a in m.menu().actions()]
    about_action = next(a for a in actions if a.menuRole() == a.MenuRole.AboutRole)
    about_action.trigger()
    assert shown and window.workspace.library_version in shown[0]


def test_make_app_sets_the_window_icon(qapp) -> None:
    from greenledger.gui.app import make_app

    app = make_app()
    assert app is qapp
    sizes = {s.width() for s in app.windowIcon().availableSizes()}
    assert {16, 32, 48, 256, 512} <= sizes
