"""ChartView: the widget shows the chart's title and source line, updates in place on new
filters (same PlotWidget), exports from its own methods."""

from __future__ import annotations

from pathlib import Path

from core.chart_data import Filters
from core.charts import CHART_NAMES
from gui.charts.chart_view import ChartView


def test_every_chart_view_builds(qtbot, demo_path: Path):
    for name in CHART_NAMES:
        view = ChartView(name, workspace_path=demo_path)
        qtbot.addWidget(view)
        view.resize(900, 560)
        view.show()
        assert view.title.text() == view.chart.title
        assert view.source.text().startswith("Data: demo")


def test_filters_update_the_same_plot(qtbot, demo_path: Path, tmp_path: Path):
    view = ChartView("energy-mix", workspace_path=demo_path)
    qtbot.addWidget(view)
    plot = view.plot
    view.set_filters(Filters(site="Ulanqab DC"))
    assert view.plot is plot and view.chart.categories[0] == "2020-01"
    assert view.subtitle.text() == "Ulanqab DC"
    out = view.export_image(str(tmp_path / "e.svg"))
    assert out.exists()
    with qtbot.waitSignal(view.exported):
        view.export_data(str(tmp_path / "e.csv"))
