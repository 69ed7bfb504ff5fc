"""Fonts of the charts: a family list with CJK fallbacks, so Chinese never shows boxes."""

from __future__ import annotations

from PySide6.QtGui import QFont

from core.chart_data import FONT_FAMILIES


def chart_font(pixel_size: int = 12, bold: bool = False) -> QFont:
    """The chart font at `pixel_size` logical pixels. Pixel (not point) sizes, so that text scales
    with the painter's transform only and not with the device's DPI (a 1200 dpi PDF, a 300 dpi
    PNG): the image and the PDF look like the widget."""
    font = QFont()
    font.setFamilies(list(FONT_FAMILIES))
    font.setPixelSize(pixel_size)
    font.setBold(bold)
    font.setStyleHint(QFont.StyleHint.SansSerif)
    return font


def css_families() -> str:
    """The family list for CSS / SVG font-family."""
    return ", ".join(f"'{f}'" if " " in f else f for f in FONT_FAMILIES)
