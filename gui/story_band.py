"""The key-figures band at the top of the dashboard: the campaign's story against its baseline
(core.story), one card per figure, each with its trail (rows and factors) as its tooltip."""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QVBoxLayout, QWidget

from greenledger.core.story import Story, StoryFigure

BAND_STYLE = """
QFrame#storyBand { background: #f3f8f4; border: 1px solid #cfe0d3; border-radius: 10px; }
QLabel#storyHeading { color: #1f2933; font-size: 14pt; font-weight: 600; }
QFrame#storyCard { background: white; border: 1px solid #d7dfd8; border-radius: 8px; }
QLabel#storyTitle { color: #4b5563; font-weight: 600; }
QLabel#storyValue { color: #1f5130; font-size: 22pt; font-weight: 600; }
QLabel#storyNote { color: #4b5563; }
QLabel#storyLines { color: #1f2933; font-size: 11pt; }
"""
COLUMNS = 3


MAX_TIP = 12  # sentences in a tooltip; the deck's notes give every one


def trail_html(fig: StoryFigure) -> str:
    """The figure's trail as a tooltip: one paragraph per sentence (Qt wraps rich-text tooltips), at
    most MAX_TIP, then how many more the deck's notes give."""
    shown = list(fig.trail[:MAX_TIP])
    if len(fig.trail) > MAX_TIP:
        shown.append(QCoreApplication.translate(
            "StoryBand", "… and {0} more sentences (every site): the deck's notes give them all.").format(
            len(fig.trail) - MAX_TIP))
    paras = "".join(f"<p style='margin:0 0 4px 0'>{html.escape(t, quote=False)}</p>" for t in shown)
    return f"<qt>{paras}</qt>"


def lines_html(fig: StoryFigure) -> str:
    """The figure's lines, each with its detail under it, smaller and grey."""
    parts = []
    for i, line in enumerate(fig.lines):
        detail = fig.details[i] if i < len(fig.details) else ""
        text = html.escape(line)
        if detail:
            text += f"<br><span style='color:#6b7280; font-size:9pt'>{html.escape(detail)}</span>"
        parts.append(f"<div style='margin-bottom:3px'>{text}</div>")
    return "".join(parts)


class StoryCard(QFrame):
    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("storyCard")
        self.title = QLabel(self)
        self.title.setObjectName("storyTitle")
        self.title.setWordWrap(True)
        self.value = QLabel(self)
        self.value.setObjectName("storyValue")
        self.value.setTextFormat(Qt.TextFormat.RichText)
        self.note = QLabel(self)
        self.note.setObjectName("storyNote")
        self.note.setWordWrap(True)
        self.lines = QLabel(self)
        self.lines.setObjectName("storyLines")
        self.lines.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setSpacing(4)
        for w in (self.title, self.value, self.note, self.lines):
            layout.addWidget(w)
        layout.addStretch(1)
        self.figure: StoryFigure | None = None

    def show_figure(self, fig: StoryFigure) -> None:
        self.figure = fig
        self.title.setText(fig.title)
        unit = (f" <span style='font-size:12pt; color:#4b5563'>{html.escape(fig.unit)}</span>"
                if fig.unit else "")
        self.value.setText(html.escape(fig.value) + unit)
        self.value.setVisible(bool(fig.value))
        self.note.setText(fig.note)
        self.lines.setTextFormat(Qt.TextFormat.RichText)
        self.lines.setText(lines_html(fig))
        self.lines.setVisible(bool(fig.lines))
        tip = trail_html(fig)
        for w in (self, self.title, self.value, self.note, self.lines):
            w.setToolTip(tip)


class StoryBand(QFrame):
    """set_story(story) shows the figures (hidden for None)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("storyBand")
        self.setStyleSheet(BAND_STYLE)
        self.heading = QLabel(self)
        self.heading.setObjectName("storyHeading")
        self.heading.setWordWrap(True)
        self.hint = QLabel(self.tr("Hover a figure for the rows and factors it comes from."), self)
        self.hint.setObjectName("storyNote")
        self.grid = QGridLayout()
        self.grid.setSpacing(10)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.hint)
        layout.addLayout(self.grid)
        self.cards: list[StoryCard] = []
        self.story: Story | None = None
        self.hide()

    def set_story(self, story: Story | None) -> None:
        self.story = story
        figures = story.figures if story else ()
        if len(self.cards) != len(figures):
            for w in self.cards:
                self.grid.removeWidget(w)
                w.deleteLater()
            self.cards = [StoryCard(self) for _ in figures]
            for i, w in enumerate(self.cards):
                self.grid.addWidget(w, i // COLUMNS, i % COLUMNS)
            for c in range(COLUMNS):
                self.grid.setColumnStretch(c, 1)
        for w, fig in zip(self.cards, figures, strict=True):
            w.show_figure(fig)
        self.heading.setText(story.heading if story else "")
        self.setVisible(bool(figures))

    def card(self, key: str) -> StoryCard | None:
        """The card of a figure by its key (intensity, share, avoided_window, …) or title."""
        return next((c for c in self.cards if c.figure and key in (c.figure.key, c.figure.title)), None)
