"""Fonts of the charts: a family list with CJK fallbacks, so Chinese never shows boxes. The
platform's CJK font comes first (Microsoft YaHei on Windows, PingFang SC on macOS, Noto Sans CJK
SC elsewhere: the Linux package depends on fonts-noto-cjk); SVG names the whole list."""

from __future__ import annotations

import sys

from PySide6.QtGui import QFont

from greenledger.core.chart_data import FONT_FAMILIES

PLATFORM_CJK = {"win32": "Microsoft YaHei", "darwin": "PingFang SC"}


def families(platform: str | None = None) -> list[str]:
    """FONT_FAMILIES with the platform's CJK family first."""
    first = PLATFORM_CJK.get(platform or sys.platform, "Noto Sans CJK SC")
    return [first, *(f for f in FONT_FAMILIES if f != first)]


def chart_font(pixel_size: int = 12, bold: bool = False) -> QFont:
    """The chart font at `pixel_size` logical pixels. Pixel (not point) sizes, so that text scales
    with the painter's transform only and not with the device's DPI (a 1200 dpi PDF, a 300 dpi
    PNG): the image and the PDF look like the widget."""
    font = QFont()
    font.setFamilies(families())
    font.setPixelSize(pixel_size)
    font.setBold(bold)
    font.setStyleHint(QFont.StyleHint.SansSerif)
    return font


def css_families() -> str:
    """The family list for CSS / SVG font-family."""
    return ", ".join(f"'{f}'" if " " in f else f for f in families())
