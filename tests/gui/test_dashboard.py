"""The Dashboard: charts built after the first paint, filters re-slice them and the cards, and
File › Export (Ctrl+E) writes what the dialog says at the size it says."""

from __future__ import annotations

import struct
from pathlib import Path

import pytest
from pptx import Presentation
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from greenledger.core.charts import CHART_NAMES
from greenledger.gui.charts.export_dialog import DECK, ExportDialog


def _charts(qtbot, window):
    qtbot.waitUntil(lambda: len(window.dashboard.charts) == len(CHART_NAMES), timeout=10_000)
    return window.dashboard.charts


def _png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


def test_every_chart_is_on_the_dashboard_with_the_summarys_figures(qtbot, window):
    charts = _charts(qtbot, window)
    summary = window.models.summary
    mix = charts["energy-mix"].chart
    assert mix.title and not mix.empty
    intensity = charts["intensity"].chart
    plotted = dict(zip(intensity.categories, intensity.series[0].values, strict=False))
    for c in summary.campaigns:
        if c.intensity_kg_per_order is not None and c.name in plotted:
            assert abs(plotted[c.name] - c.intensity_kg_per_order) < 1e-9
    shown = [n for n, f in window.dashboard.frames.items() if not f.isHidden()]
    assert "energy-mix" in shown and "equivalents" in shown


def test_site_and_year_filters_reslice_charts_and_cards(qtbot, window):
    charts = _charts(qtbot, window)
    bar = window.dashboard.filter_bar
    sites = [bar.site.itemData(i) for i in range(1, bar.site.count())]
    assert len(sites) >= 2
    before = sum(v or 0 for s in charts["energy-mix"].chart.series if s.axis == "left" for v in s.values)
    bar.site.setCurrentIndex(bar.site.findData(sites[0]))
    f = window.dashboard.filters
    assert f.site == sites[0] and charts["energy-mix"].filters.site == sites[0]
    one_site = [y for y in window.models.summary.site_years if y.site == sites[0]]
    after = sum(v or 0 for s in charts["energy-mix"].chart.series if s.axis == "left" for v in s.values)
    assert 0 < after < before
    titles = [c[0] for c in window.dashboard.cards]
    assert not any(t.startswith("Renewable share, " + s) for s in sites[1:] for t in titles)
    year = max(y.year for y in one_site)
    bar.year_from.setCurrentIndex(bar.year_from.findData(year))
    bar.year_to.setCurrentIndex(bar.year_to.findData(year))
    avoided = next(c for c in window.dashboard.cards if c[0].startswith("Avoided emissions"))
    expected = sum(y.avoided_t for y in one_site if y.year == year)
    assert avoided[1] == f"{expected:,.0f}"
    bar.unit.setCurrentIndex(bar.unit.findData("kt"))
    avoided = next(c for c in window.dashboard.cards if c[0].startswith("Avoided emissions"))
    assert avoided[2] == "kt CO2"  # the demo's Chinese grid factors are CO2 only
    assert "grid factors CO2 only" in avoided[3]
    assert abs(float(avoided[1].replace(",", "")) - expected / 1000) <= 0.005 * expected / 1000 + 0.005
    bar.reset.click()
    assert window.dashboard.filters.site is None and window.dashboard.filters.unit == "t"


def test_avoided_and_reduced_are_two_cards_never_summed(qtbot, window):
    """Issue 13: one card said "Avoided + reduced, as trees" (34,165,446 on the demo then), the
    trees of two different figures summed."""
    cards = {c.title: c for c in window.dashboard.cards}
    assert not any("+" in t for t in cards)
    s = window.models.summary
    trees_avoided = cards["Avoided emissions, as trees"]
    trees_reduced = cards["Initiative reductions, as trees"]
    assert trees_avoided.value == f"{s.totals.avoided_t * 1000 / 17.9:,.0f}"
    assert trees_reduced.value == f"{13_400 * 1000 / 17.9:,.0f}" == "748,603"  # 13,000 t + 400 t


def test_key_figures_live_in_core():
    from greenledger.core import key_figures as core_cards
    from greenledger.gui import dashboard_view

    assert dashboard_view.key_figures is core_cards.key_figures


def test_a_filter_with_no_data_hides_the_charts_and_says_so(qtbot, window):
    _charts(qtbot, window)
    bar = window.dashboard.filter_bar
    first = bar.year_from.itemData(1)
    bar.year_from.setCurrentIndex(1)
    bar.year_to.setCurrentIndex(1)
    assert window.dashboard.filters.year_from == first
    visible = [n for n, f in window.dashboard.frames.items() if not f.isHidden()]
    hidden = [n for n, f in window.dashboard.frames.items() if f.isHidden()]
    for name in hidden:
        assert window.dashboard.charts[name].chart.empty
    assert visible  # the first year still has energy


def test_clicking_a_chart_makes_it_the_one_ctrl_e_exports(qtbot, window, tmp_path):
    charts = _charts(qtbot, window)
    qtbot.mouseClick(charts["scope2"].plot.viewport(), Qt.MouseButton.LeftButton)
    assert window.dashboard.current_chart_name == "scope2"
    window.export_action.trigger()
    dialog = window.export_dialog
    assert isinstance(dialog, ExportDialog) and dialog.what.currentData() == "scope2"
    dialog.format.setCurrentIndex(dialog.format.findData("png"))
    dialog.size.setCurrentIndex(dialog.size.findData("custom"))
    dialog.width.setValue(1000)
    dialog.height.setValue(600)
    out = dialog.export_to(tmp_path / "scope2")
    assert out == tmp_path / "scope2.png" and _png_size(out) == (1000, 600)
    assert "Exported" in window.statusBar().currentMessage()


def test_export_dialog_presets_and_remembered_choices(qtbot, window, tmp_path):
    _charts(qtbot, window)
    d = ExportDialog(window.dashboard.summary, window.dashboard.filters, "energy-mix", window)
    qtbot.addWidget(d)
    d.size.setCurrentIndex(d.size.findData("a4"))
    assert (d.width.value(), d.height.value(), d.dpi.value()) == (2480, 1748, 300)
    assert not d.width.isEnabled()
    d.format.setCurrentIndex(d.format.findData("pdf"))
    assert not d.transparent.isEnabled()
    out = d.export_to(tmp_path / "mix.pdf")
    assert out.read_bytes().startswith(b"%PDF")
    again = ExportDialog(window.dashboard.summary, window.dashboard.filters, None, window)
    qtbot.addWidget(again)
    assert again.format.currentData() == "pdf" and again.size.currentData() == "a4"


def test_deck_from_the_window_uses_the_dashboard_filters(qtbot, window, tmp_path):
    _charts(qtbot, window)
    bar = window.dashboard.filter_bar
    site = bar.site.itemData(1)
    bar.site.setCurrentIndex(1)
    window.deck_action.trigger()
    dialog = window.export_dialog
    assert dialog.what.currentData() == DECK and not dialog.format.isEnabled()
    out = dialog.export_to(tmp_path / "deck.pptx")
    prs = Presentation(str(out))
    assert len(prs.slides) >= 2
    assert site in prs.slides[0].placeholders[1].text_frame.text


def test_copy_puts_png_on_the_clipboard(qtbot, window):
    _charts(qtbot, window)
    d = ExportDialog(window.dashboard.summary, window.dashboard.filters, "intensity", window)
    qtbot.addWidget(d)
    d.size.setCurrentIndex(d.size.findData("custom"))
    d.width.setValue(800)
    d.height.setValue(450)
    d.copy()
    mime = QApplication.clipboard().mimeData()
    assert mime.hasImage()
    image = QApplication.clipboard().image()
    assert (image.width(), image.height()) == (800, 450)


def test_export_keeps_dotted_names_and_copies_at_a_bounded_size(qtbot, window, tmp_path):
    from greenledger.gui.charts.export_dialog import clipboard_size
    from greenledger.gui.charts.render import ExportSize

    _charts(qtbot, window)
    d = ExportDialog(window.dashboard.summary, window.dashboard.filters, "intensity", window)
    qtbot.addWidget(d)
    d.format.setCurrentIndex(d.format.findData("png"))
    out = d.export_to(tmp_path / "Q3 v1.2")
    assert out.name == "Q3 v1.2.png" and out.exists()
    big = clipboard_size(ExportSize(12000, 6000, 600))
    assert (big.width_px, big.height_px) == (2048, 1024) and big.dpi == pytest.approx(102.4)
    assert clipboard_size(ExportSize(800, 450, 96)) == ExportSize(800, 450, 96)


def test_no_export_when_no_chart_has_data(qtbot, window, tmp_path):
    from greenledger.core.chart_data import Filters
    from greenledger.core.charts import load
    from greenledger.core.storage import Workspace

    with Workspace.open(tmp_path / "empty.greenledger") as ws:
        summary = load(ws)
    d = ExportDialog(summary, Filters(), None, window)
    qtbot.addWidget(d)
    assert not d.has_charts and not d.save_button.isEnabled() and not d.copy_button.isEnabled()
    assert d.what.count() == 1


def test_large_numbers_in_wan_and_yi_everywhere_and_remembered(qtbot, window, demo_path):
    from PySide6.QtCore import Qt

    from greenledger.core.editing import cell_text
    from greenledger.core.fields import Kind
    from greenledger.gui.main_window import MainWindow

    _charts(qtbot, window)
    energy = window.tables[Kind.ENERGY].model
    col = energy.field_column("energy")
    big = next(i for i, r in enumerate(energy.rows()) if 1e4 <= r["energy"] < 1e8)
    kwh = energy.rows()[big]["energy"]
    assert "," in energy.index(big, col).data(Qt.ItemDataRole.DisplayRole)
    window.cn_units_action.setChecked(True)
    shown = energy.index(big, col).data(Qt.ItemDataRole.DisplayRole)
    assert shown.endswith(" 万")
    assert float(shown.split()[0].replace(",", "")) == pytest.approx(kwh / 1e4, rel=0.01)
    assert energy.index(big, col).data(Qt.ItemDataRole.EditRole) == cell_text(kwh)  # edits: stored value
    assert window.dashboard.filters.cn_units
    avoided = next(c for c in window.dashboard.cards if c[0].startswith("Avoided emissions"))
    assert avoided[2].startswith("万") and float(avoided[1]) < 100
    window.close()
    again = MainWindow(demo_path)
    qtbot.addWidget(again)
    assert again.cn_units_action.isChecked() and again.dashboard.filters.cn_units
    again.cn_units_action.setChecked(False)
