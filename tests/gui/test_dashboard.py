"""The Dashboard: charts built after the first paint, filters re-slice them and the cards, and
File › Export (Ctrl+E) writes what the dialog says at the size it says."""

from __future__ import annotations

import re
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


def _plain(rich: str) -> str:
    """A label's rich text as read: a line break per <br> or block, tags dropped, entities read."""
    import html

    text = re.sub(r"<br>|</div>", "\n", rich)
    return html.unescape(re.sub(r"<[^>]+>", "", text)).strip()


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


def test_site_and_year_filters_reslice_charts_the_band_and_cards(qtbot, window):
    charts = _charts(qtbot, window)
    band = window.dashboard.band
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
    share = band.card("share").figure.lines
    assert [line.split(":")[0] for line in share] == [sites[0]]
    assert band.card("share").lines.text().count(sites[0]) == 1
    assert sites[1] not in band.card("share").lines.text()
    bar.unit.setCurrentIndex(bar.unit.findData("kt"))
    campaign = window.models.summary.campaign("6.18 2021")
    window_t = campaign.avoided_by_site_t[sites[0]]
    assert band.card("avoided_window").value.text().startswith(f"{window_t / 1000:,.1f} ")
    assert "kt CO2" in band.card("avoided_window").value.text()  # the demo's grid factors are CO2 only
    # a year without a campaign that has a baseline: no band, the cards of that year instead
    year = 2019
    bar.year_from.setCurrentIndex(bar.year_from.findData(year))
    bar.year_to.setCurrentIndex(bar.year_to.findData(year))
    assert band.isHidden() and window.dashboard.story is None
    avoided = next(c for c in window.dashboard.cards if c[0].startswith("Avoided emissions"))
    expected = sum(y.avoided_t for y in one_site if y.year == year)
    assert avoided[2] == "kt CO2" and "grid factors CO2 only" in avoided[3]
    assert abs(float(avoided[1].replace(",", "")) - expected / 1000) <= 0.005 * expected / 1000 + 0.005
    bar.reset.click()
    assert window.dashboard.filters.site is None and window.dashboard.filters.unit == "t"
    assert not band.isHidden()


def test_the_band_tells_the_618_story_with_its_trail(qtbot, window):
    """Issue 14 §3: the first screen shows the campaign against its baseline, each figure with a
    tooltip naming its rows and factors."""
    band = window.dashboard.band
    assert not band.isHidden()
    assert band.heading.text() == ("6.18 2021 against its baseline 6.18 2020 "
                                   "(all campaigns: the latest with a baseline)")
    intensity = band.card("intensity")
    assert intensity.value.text() == "−18.0 %"
    assert intensity.note.text() == "0.50 → 0.41 kg CO2e per order"
    share = _plain(band.card("share").lines.text())
    assert "Ulanqab DC: 38.6 % → 45.6 %\nMay 2020 → May 2021: 38.0 % → 45.0 %" in share
    window_card = band.card("avoided_window")
    assert "Zhangbei DC: 10,253 t CO2\n14,400,000 kWh × 0.712 kg CO2/kWh" in _plain(window_card.lines.text())
    to_date = band.card("avoided_to_date")
    assert to_date.title.text() == "Avoided since 2018"
    assert "Zhangbei DC: 320,400 t CO2\n450,000,000 kWh × 0.712 kg CO2/kWh" in _plain(to_date.lines.text())
    ele = band.card("Initiative of Ele.me: No plastic cutlery")
    assert _plain(ele.value.text()) == "400 t CO2e" and _plain(ele.lines.text()) == "≈ 22,346 trees"
    tip = window_card.toolTip()
    assert tip == window_card.value.toolTip()  # the whole card shows the trail
    assert "demo_618.xlsx › Energy: 1 row, Jun 2021" in tip
    assert "grid factor, North China 2021: 0.712 kg CO2/kWh (MEE/NBS Announcement 2024 No. 12" in tip
    assert "CO2 only" in tip
    assert "Initiatives: 1 row, row 3" in ele.toolTip()
    # the cards the band makes redundant are gone; avoided emissions as trees are not on this screen
    assert window.dashboard.cards == []
    texts = [w.text() for w in window.dashboard.cards_host.findChildren(type(band.heading))]
    assert not any("45,643,874" in t or "748,603" in t for t in texts)


def test_avoided_and_reduced_are_never_summed(qtbot, window):
    """Issue 13: one card said "Avoided + reduced, as trees" (34,165,446 on the demo then), the
    trees of two different figures summed; issue 14: each initiative has its own equivalent."""
    band = window.dashboard.band
    titles = [c.title.text() for c in band.cards]
    assert not any("+" in t for t in titles)
    values = [c.value.text().split()[0] for c in band.cards if c.value.text()]
    assert "35,333" not in values and "13,400" not in values  # 21,933 + 13,400; 13,000 + 400
    cainiao = next(c for c in band.cards if c.title.text().startswith("Initiative of Cainiao"))
    assert _plain(cainiao.lines.text()) == f"≈ {13_000 * 1000 / 17.9:,.0f} trees" == "≈ 726,257 trees"


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
    avoided = re.sub("<[^>]+>", "", window.dashboard.band.card("avoided_to_date").value.text())  # 81.7 万 t
    assert avoided.split()[1] == "万" and float(avoided.split()[0]) < 100
    window.close()
    again = MainWindow(demo_path)
    qtbot.addWidget(again)
    assert again.cn_units_action.isChecked() and again.dashboard.filters.cn_units
    again.cn_units_action.setChecked(False)


def test_a_long_trail_is_cut_in_the_tooltip(qtbot):
    from greenledger.core.story import Story, StoryFigure
    from greenledger.gui.story_band import MAX_TIP, StoryBand

    trail = tuple(f"Site {i}: a sentence." for i in range(30))
    band = StoryBand()
    qtbot.addWidget(band)
    fig = StoryFigure("share", "Renewable share", "", "", "note", ("S: 1 % → 2 %",), trail)
    band.set_story(Story("B", "A", True, "B against its baseline A", (fig,)))
    tip = band.card("share").toolTip()
    assert tip.count("<p ") == MAX_TIP + 1 and "Site 11:" in tip and "Site 12:" not in tip
    assert "and 18 more sentences (every site): the deck's notes give them all." in tip
    assert not band.isHidden() and band.heading.text() == "B against its baseline A"
    band.set_story(None)
    assert band.isHidden()
