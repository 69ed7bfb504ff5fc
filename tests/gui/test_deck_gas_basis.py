"""Issue 13: a figure computed with CO2-only factors says so in the deck's notes too."""

from __future__ import annotations


def test_deck_notes_say_t_co2_for_the_demos_grid_figures(qapp, tmp_path, demo_path):
    from pptx import Presentation

    from greenledger.core.charts import load_summary
    from greenledger.core.storage import Workspace
    from greenledger.gui.charts.deck import save_deck

    with Workspace.open(demo_path) as ws:
        summary = load_summary(ws)
    prs = Presentation(str(save_deck(summary, tmp_path / "deck.pptx")))
    notes = {}
    for slide in list(prs.slides)[1:]:
        text = slide.notes_slide.notes_text_frame.text
        notes[slide.shapes.title.text if slide.shapes.title else ""] = text
    scope2 = next(t for title, t in notes.items() if "Scope 2" in title)
    assert "t CO2; grid factors CO2 only." in scope2
    intensity = next(t for title, t in notes.items() if "per order" in title)
    assert "CO2 only" not in intensity  # the demo's delivery emissions are t CO2e
