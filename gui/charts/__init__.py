"""Charts of core.charts painted with plain QPainter calls (painter.py), the same drawing in the window
(ChartView, plot_chart.py) and in PNG/SVG/PDF (render.py); a PowerPoint deck with native charts
(deck.py), and the command line (commands.py)."""

from __future__ import annotations

import os
import sys

os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")

_RESERVE: list[list] = []


def keep_singletons_alive(min_refs: int = 300_000) -> None:
    """Work around PySide6 6.12 on Python < 3.12: each call of a void Qt method (setPos,
    setObjectName, ...) drops a reference to None (and bool returns to True/False) that it never
    took; None is only immortal from Python 3.12 (PEP 683). A chart export makes thousands of such
    calls, so without this the process dies with "deallocating None". We hold spare references
    and top them up when they run low."""
    if sys.version_info >= (3, 12):
        return
    import ctypes

    for obj in (None, True, False):
        if sys.getrefcount(obj) < min_refs:
            spare = [obj] * (2 * min_refs)
            ctypes.pythonapi.Py_IncRef(ctypes.py_object(spare))  # never freed, even at exit
            _RESERVE.append(spare)
