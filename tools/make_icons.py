"""Render resources/icons/greenledger.svg to every icon the platforms need.

    QT_QPA_PLATFORM=offscreen .venv/bin/python tools/make_icons.py

Writes, next to the SVG:
- greenledger-<N>.png for N in 16, 24, 32, 48, 64, 128, 256, 512 (Linux hicolor theme, Qt window icon);
- greenledger.ico (Windows: 16..256, each entry a PNG, which Windows Vista and later read);
- greenledger.icns (macOS: PNG entries icp4/icp5/icp6/ic07/ic08/ic09 and the @2x ones ic11..ic14, ic10).

Only Qt (QSvgRenderer, QImage) is used; the .ico and .icns containers are simple enough to write by
hand (a directory of PNG blobs), so no Pillow.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt  # noqa: E402
from PySide6.QtGui import QGuiApplication, QImage, QPainter  # noqa: E402
from PySide6.QtSvg import QSvgRenderer  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
ICONS = ROOT / "resources" / "icons"
SVG = ICONS / "greenledger.svg"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# (OSType, pixel size) - PNG payloads; see Apple's "icns" type list.
ICNS_ENTRIES = (("icp4", 16), ("icp5", 32), ("icp6", 64), ("ic07", 128), ("ic08", 256),
                ("ic09", 512), ("ic11", 32), ("ic12", 64), ("ic13", 256), ("ic14", 512),
                ("ic10", 1024))


def render_png(renderer: QSvgRenderer, size: int) -> bytes:
    """The SVG drawn antialiased into a size x size ARGB image, as PNG bytes."""
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buf = QBuffer(data)
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buf, "PNG"):
        raise RuntimeError(f"cannot encode a {size} px PNG")
    buf.close()
    return bytes(data.data())


def ico_bytes(pngs: dict[int, bytes]) -> bytes:
    """An ICO file: ICONDIR, one ICONDIRENTRY per size, then the PNG payloads."""
    sizes = sorted(pngs)
    header = struct.pack("<HHH", 0, 1, len(sizes))
    offset = len(header) + 16 * len(sizes)
    entries, blobs = b"", b""
    for s in sizes:
        blob = pngs[s]
        dim = 0 if s >= 256 else s  # 0 means 256
        entries += struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(blob), offset)
        blobs += blob
        offset += len(blob)
    return header + entries + blobs


def icns_bytes(entries: list[tuple[str, bytes]]) -> bytes:
    """An ICNS file: 'icns' + total length, then (OSType, length incl. 8-byte header, data)."""
    body = b"".join(kind.encode("ascii") + struct.pack(">I", len(blob) + 8) + blob
                    for kind, blob in entries)
    return b"icns" + struct.pack(">I", len(body) + 8) + body


def main() -> int:
    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        print(f"make_icons: {SVG} is not a valid SVG", file=sys.stderr)
        return 1
    cache: dict[int, bytes] = {}

    def png(size: int) -> bytes:
        if size not in cache:
            cache[size] = render_png(renderer, size)
        return cache[size]

    for s in PNG_SIZES:
        (ICONS / f"greenledger-{s}.png").write_bytes(png(s))
    (ICONS / "greenledger.ico").write_bytes(ico_bytes({s: png(s) for s in ICO_SIZES}))
    (ICONS / "greenledger.icns").write_bytes(icns_bytes([(k, png(s)) for k, s in ICNS_ENTRIES]))
    print(f"wrote {len(PNG_SIZES)} PNGs, greenledger.ico and greenledger.icns in {ICONS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
