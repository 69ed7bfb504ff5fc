"""ChartView: one named chart as a reusable widget (title, subtitle, plot or pictogram, source
line) with a context menu: Export image…, Copy, Export data…. Give it a summary from
core.charts.load(ws) (or a workspace path) and filters; it rebuilds its data, never its plot.

    view = ChartView("energy-mix", summary=load(ws), filters=Filters(site="Ulanqab DC"))
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QMenu,
    QMessageBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from greenledger.core.chart_data import ChartData, Filters
from greenledger.core.charts import build_chart
from greenledger.core.summary import Summary
from greenledger.gui.charts import keep_singletons_alive
from greenledger.gui.charts.pictogram import PictogramWidget
from greenledger.gui.charts.plot_chart import ChartPlot

TITLE_STYLE = "font-size: 15pt; font-weight: 600; color: #1f2933;"
SUB_STYLE = "color: #52606d;"
SOURCE_STYLE = "color: #52606d; font-size: 8pt; border-top: 1px solid #d7dfd8; padding-top: 4px;"


class ChartView(QWidget):
    """A chart of core.charts by name, ready to embed (the Dashboard) or to show on its own."""

    exported = Signal(str)  # path of a file written from the context menu

    def __init__(
        self,
        name: str,
        summary: Summary | dict | None = None,
        filters: Filters | None = None,
        workspace_path: Path | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.name = name
        self.filters = filters or Filters()
        self.summary: Summary | dict | None = None
        self.chart: ChartData | None = None
        self._pending = False
        self.title = QLabel(self)
        self.title.setStyleSheet(TITLE_STYLE)
        self.title.setWordWrap(True)  # a long title wraps rather than being cut ("…business uni")
        self.subtitle = QLabel(self)
        self.subtitle.setStyleSheet(SUB_STYLE)
        self.subtitle.setWordWrap(True)
        self.plot = ChartPlot(self)
        self.plot.fitted.connect(self._fitted)
        self.pictogram = PictogramWidget(self)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.plot)
        self.stack.addWidget(self.pictogram)
        self.source = QLabel(self)
        self.source.setWordWrap(True)
        self.source.setStyleSheet(SOURCE_STYLE)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        for w in (self.title, self.subtitle):
            layout.addWidget(w)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.source)
        self.setMinimumSize(420, 300)
        if summary is None and workspace_path is not None:
            summary = _load(workspace_path)
        if summary is not None:
            self.set_summary(summary)

    # --- data ---------------------------------------------------------------------------------

    def set_summary(self, summary: Summary | dict, filters: Filters | None = None, draw: bool = True) -> None:
        """New figures (after an import or an edit), optionally with new filters."""
        self.summary = summary
        if filters is not None:
            self.filters = filters
        self._refresh(draw)

    def set_filters(self, filters: Filters, draw: bool = True) -> None:
        """New filters; with draw=False only the chart's data is rebuilt (cheap) and the drawing
        waits for draw_pending() (the Dashboard draws charts scrolled out of view when they come in)."""
        self.filters = filters
        self._refresh(draw)

    @property
    def pending(self) -> bool:
        """Data newer than the drawing."""
        return self._pending

    def draw_pending(self) -> None:
        if self._pending and self.chart is not None:
            self._draw(self.chart)

    def _refresh(self, draw: bool = True) -> None:
        if self.summary is None:
            return
        chart = build_chart(self.name, self.summary, self.filters)
        self.chart = chart
        self._pending = True
        if draw:
            self._draw(chart)

    def _draw(self, chart: ChartData) -> None:
        keep_singletons_alive()
        self._pending = False
        self.title.setText(chart.title)
        self.subtitle.setText(chart.subtitle)
        self.subtitle.setVisible(bool(chart.subtitle))
        self.source.setText(chart.source_line)
        self.source.setToolTip("\n".join(chart.factor_sources) or chart.method)
        if chart.pictogram is not None or chart.name == "equivalents":
            self.pictogram.set_chart(chart)
            self.stack.setCurrentWidget(self.pictogram)
        else:
            self.plot.set_chart(chart)
            self.stack.setCurrentWidget(self.plot)

    def _fitted(self, shown: ChartData) -> None:
        """The plot grouped series or categories into "Other" at its size: the source line says which."""
        if self.chart is not None and shown.name == self.chart.name:
            self.source.setText(shown.source_line)

    # --- export -------------------------------------------------------------------------------

    def contextMenuEvent(self, event) -> None:  # noqa: N802 - Qt override
        menu = QMenu(self)
        menu.addAction(self.tr("Export image…"), self.export_image)
        menu.addAction(self.tr("Copy image"), self.copy_image)
        menu.addAction(self.tr("Export data…"), self.export_data)
        menu.exec(event.globalPos())

    def export_image(self, path: str | None = None, size: str = "16:9") -> Path | None:
        """Ask for a file (PNG, SVG or PDF) unless `path` is given, and write the chart there."""
        from greenledger.gui.charts.render import export_chart, resolve_size

        if self.chart is None:
            return None
        if path is None:
            image_filter = self.tr("PNG image (*.png);;SVG vector image (*.svg);;PDF document (*.pdf)")
            path, _ = QFileDialog.getSaveFileName(
                self, self.tr("Export chart"), f"{self.name}.png", image_filter
            )
            if not path:
                return None
        return self._write(lambda p: export_chart(self.chart, p, resolve_size(size=size)), path)

    def export_data(self, path: str | None = None) -> Path | None:
        from greenledger.core.chart_files import write_chart_data

        if self.chart is None:
            return None
        if path is None:
            path, _ = QFileDialog.getSaveFileName(
                self,
                self.tr("Export chart data"),
                f"{self.name}.xlsx",
                self.tr("Excel workbook (*.xlsx);;CSV (*.csv)"),
            )
            if not path:
                return None
        return self._write(lambda p: write_chart_data(self.chart, p), path)

    def copy_image(self) -> None:
        from greenledger.gui.charts.render import copy_to_clipboard

        if self.chart is not None:
            copy_to_clipboard(self.chart)

    def _write(self, fn, path: str) -> Path | None:
        try:
            out = fn(Path(path))
        except (OSError, ValueError) as exc:
            QMessageBox.warning(self, self.tr("Export"), str(exc))
            return None
        self.exported.emit(str(out))
        return out


def _load(path: Path) -> Summary:
    """The typed summary, read once: each build reads it as it is (the JSON of core.charts.load
    was converted back to a Summary at every build)."""
    from greenledger.core.charts import load_summary
    from greenledger.core.storage import Workspace

    with Workspace.open(path, create=False) as ws:
        return load_summary(ws)
