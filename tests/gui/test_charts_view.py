"""ChartView: the widget shows the chart's title and source line, updates in place on new
filters (same plot widget), exports from its own methods."""

from __future__ import annotations

from pathlib import Path

from greenledger.core.chart_data import Filters
from greenledger.core.charts import CHART_NAMES
from greenledger.gui.charts.chart_view import ChartView
from greenledger.gui.charts.plot_chart import ChartPlot


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
    view.set_filters(Filters(site="Ulanqab DC", year_from=2020))
    assert view.plot is plot and view.chart.categories[0] == "2020-01"  # 18 months: by month
    assert view.subtitle.text() == "Ulanqab DC"
    out = view.export_image(str(tmp_path / "e.svg"))
    assert out.exists()
    with qtbot.waitSignal(view.exported):
        view.export_data(str(tmp_path / "e.csv"))


def test_a_filter_change_replaces_lines_instead_of_piling_them_up(qtbot, demo_path: Path):
    """Each redraw shows the new filter's lines only (pyqtgraph's lines used to stay on screen with
    the previous filter's data)."""
    view = ChartView("renewable-share", workspace_path=demo_path)
    qtbot.addWidget(view)
    view.resize(900, 560)
    view.show()
    sites = sorted({s.name for s in view.chart.series})
    counts = []
    for site in (sites[0], None, sites[-1], None):
        view.set_filters(Filters(site=site))
        view.plot.grab()
        drawn = {h.text.split(" · ")[1].split(":")[0] for h in view.plot.layout_info.hits}
        counts.append(len(drawn))
        assert drawn == {s.name for s in view.chart.series}
    assert counts[0] == 1 and counts[1] == len(sites) >= 2


def test_chart_data_is_rebuilt_at_once_and_drawn_on_demand(qtbot, demo_path: Path):
    view = ChartView("energy-mix", workspace_path=demo_path)
    qtbot.addWidget(view)
    drawn = view.plot.chart
    view.set_filters(Filters(site="Zhangbei DC"), draw=False)
    assert view.pending and view.chart.filters.get("site") == "Zhangbei DC"
    assert view.plot.chart is drawn
    view.draw_pending()
    assert not view.pending and view.plot.chart is view.chart


def _wheel(widget, up: bool, ctrl: bool):
    from PySide6.QtCore import QPoint, QPointF, Qt
    from PySide6.QtGui import QWheelEvent
    from PySide6.QtWidgets import QApplication

    pos = QPointF(widget.width() * 0.8, widget.height() / 2)
    mods = Qt.KeyboardModifier.ControlModifier if ctrl else Qt.KeyboardModifier.NoModifier
    ev = QWheelEvent(pos, widget.mapToGlobal(pos), QPoint(0, 0), QPoint(0, 120 if up else -120),
                     Qt.MouseButton.NoButton, mods, Qt.ScrollPhase.NoScrollPhase, False)
    # a scroll area (the chart's pyqtgraph view) takes the mouse in its viewport
    QApplication.sendEvent(widget.viewport() if isinstance(widget, ChartPlot) else widget, ev)
    return ev


def test_the_wheel_scrolls_the_page_and_ctrl_wheel_zooms(qtbot, demo_path: Path):
    from PySide6.QtWidgets import QScrollArea, QVBoxLayout, QWidget

    host = QWidget()
    layout = QVBoxLayout(host)
    view = ChartView("energy-mix", workspace_path=demo_path, filters=Filters(year_from=2020))
    view.setMinimumHeight(500)
    layout.addWidget(view)
    filler = QWidget()
    filler.setMinimumHeight(2000)
    layout.addWidget(filler)
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setWidget(host)
    scroll.resize(900, 600)
    qtbot.addWidget(scroll)
    scroll.show()
    qtbot.waitExposed(scroll)
    view.plot.grab()
    n = len(view.chart.categories)
    assert n == 18  # months of 2020 and 2021's first half
    before = scroll.verticalScrollBar().value()
    assert not _wheel(view.plot, up=False, ctrl=False).isAccepted()  # left to the page
    _wheel(scroll.viewport(), up=False, ctrl=False)
    assert scroll.verticalScrollBar().value() > before
    assert view.plot.zoom is None
    assert _wheel(view.plot, up=True, ctrl=True).isAccepted()
    first, last = view.plot.zoom
    assert last - first + 1 == round(n * 0.7)  # 70 % of the categories, around the mouse
    assert len(view.plot.zoomed_categories()) == last - first + 1 < n
    _wheel(view.plot, up=False, ctrl=True)
    _wheel(view.plot, up=False, ctrl=True)
    assert view.plot.zoom is None and view.plot.zoomed_categories() == view.chart.categories


def test_charts_hold_at_50_sites(qtbot, tmp_path: Path):
    """50 sites through the real import: every chart in a dashboard-sized view keeps its legend to the
    top series and Other, labels every category it draws (or groups it), and no two data labels overlap."""
    import importlib.util

    tool = Path(__file__).resolve().parents[2] / "tools" / "make_sites_workspace.py"
    spec = importlib.util.spec_from_file_location("make_sites_workspace", tool)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    ws = tmp_path / "50.greenledger"
    mod.build(50, ws)
    from greenledger.core.chart_fit import MAX_SERIES
    from greenledger.gui.charts.plot_text import is_dates

    for name in CHART_NAMES:
        view = ChartView(name, workspace_path=ws)
        qtbot.addWidget(view)
        view.resize(640, 420)
        view.show()
        if view.chart.pictogram is not None or view.chart.empty:
            continue
        view.plot.grab()
        lay, shown = view.plot.layout_info, view.plot.shown
        assert len(lay.legend_drawn) <= MAX_SERIES, name
        if len(view.chart.series) > MAX_SERIES:
            assert any(n.startswith("Other") for n in lay.legend_drawn), name
        if not is_dates(shown.categories) and not shown.horizontal:
            assert lay.categories_drawn == shown.categories, name  # every category labelled
        rects = lay.label_rects
        for i, a in enumerate(rects):
            assert not any(a.intersects(b) for b in rects[i + 1:]), name
        if shown.notes:
            assert shown.notes[0] in view.source.text()  # the source line names what was grouped
