"""The import assistant's Problems tab: every problem (which stops the import), then every
warning (which does not: hidden rows read, totals rows left out), each a click away from its
cell, in the window's words (gui.import_hints); and "Save marked workbook…"."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QFileDialog,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from greenledger.gui.import_hints import problem_text

WARNING_FG = QColor("#8a5a00")


class ProblemsView(QWidget):
    problem_chosen = Signal(object)  # the Problem clicked
    marked_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.list = QListWidget(self)
        self.list.setWordWrap(True)  # a problem names file, sheet, row, column, value and why
        self.list.itemActivated.connect(self._on_item)
        self.list.itemClicked.connect(self._on_item)
        self.marked_button = QPushButton(self)
        self.retranslate()
        self.marked_button.clicked.connect(self.marked_requested)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.marked_button, 0, Qt.AlignmentFlag.AlignRight)
        self.counts = (0, 0)

    def retranslate(self) -> None:
        self.marked_button.setText(QCoreApplication.translate("ImportAssistant", "Save &marked workbook…"))
        self.marked_button.setToolTip(QCoreApplication.translate(
            "ImportAssistant", "A copy of the workbook with every bad cell filled and "
            "commented with the reason: fix it in Excel, import again"))

    def show_problems(self, problems, warnings=()) -> None:
        self.list.clear()
        warn_icon = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        for p in problems:
            item = QListWidgetItem(problem_text(p))
            item.setData(Qt.ItemDataRole.UserRole, p)
            self.list.addItem(item)
        for w in warnings:
            item = QListWidgetItem(warn_icon, QCoreApplication.translate(
                "ImportAssistant", "Warning: {0}").format(problem_text(w)))
            item.setData(Qt.ItemDataRole.UserRole, w)
            item.setForeground(WARNING_FG)
            self.list.addItem(item)
        self.counts = (len(problems), len(warnings))
        self.marked_button.setEnabled(bool(problems))

    def title(self) -> str:
        """The tab's title: `Problems (2)`, with the warnings when there are some."""
        problems, warnings = self.counts
        if not warnings:
            return QCoreApplication.translate("ImportAssistant", "Problems ({0})").format(problems)
        return QCoreApplication.translate("ImportAssistant", "Problems ({0}), warnings ({1})").format(
            problems, warnings)

    def texts(self) -> list[str]:
        return [self.list.item(i).text() for i in range(self.list.count())]

    def _on_item(self, item: QListWidgetItem) -> None:
        self.problem_chosen.emit(item.data(Qt.ItemDataRole.UserRole))

    @staticmethod
    def ask_and_save(parent: QWidget, source: Path, save) -> None:
        """Ask where, then `save(path)` the marked workbook; a failure is said, not raised."""
        title = QCoreApplication.translate("ImportAssistant", "Save marked workbook")
        start = source.with_name(source.stem + "-problems.xlsx")
        path, _ = QFileDialog.getSaveFileName(
            parent, title, str(start),
            QCoreApplication.translate("ImportAssistant", "Excel workbooks") + " (*.xlsx *.xlsm)")
        if path:
            try:
                save(Path(path))
            except (OSError, ValueError) as exc:
                QMessageBox.warning(parent, title, str(exc))
