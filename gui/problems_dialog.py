"""A non-modal report of every problem of a refused import, paste or edit: sheet, row, column,
value and reason (in the window's words: gui.import_hints, never the command line's flags), with
Copy and Save buttons."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from greenledger.core.errors import Problem
from greenledger.gui.import_hints import problem_text, reason
from greenledger.gui.table_model import Column, TableModel

PROBLEM_COLUMNS = (
    Column(QT_TRANSLATE_NOOP("Columns", "File"), "file"),
    Column(QT_TRANSLATE_NOOP("Columns", "Sheet"), "sheet"),
    Column(QT_TRANSLATE_NOOP("Columns", "Row"), "row", "int"),
    Column(QT_TRANSLATE_NOOP("Columns", "Column"), "column"),
    Column(QT_TRANSLATE_NOOP("Columns", "Value"), "value"),
    Column(QT_TRANSLATE_NOOP("Columns", "Reason"), "reason"),
)


def problem_rows(problems: Sequence[Problem]) -> list[dict]:
    return [
        {
            "id": i,
            "file": p.file,
            "sheet": p.sheet,
            "row": p.row,
            "column": p.column,
            "value": "" if p.value is None else str(p.value),
            "reason": reason(p),
        }
        for i, p in enumerate(problems)
    ]


def problems_text(title: str, problems: Sequence[Problem], warnings: Sequence[Problem] = ()) -> str:
    lines = [title, ""] + [problem_text(p) for p in problems]
    if warnings:
        lines += ["", QCoreApplication.translate("ProblemsDialog", "Warnings:")] + [
            problem_text(w) for w in warnings
        ]
    return "\n".join(lines) + "\n"


class ProblemsDialog(QDialog):
    def __init__(
        self,
        title: str,
        problems: Sequence[Problem],
        warnings: Sequence[Problem] = (),
        parent: QWidget | None = None,
        source: Path | None = None,
    ) -> None:
        super().__init__(parent)
        self.source = source  # the refused workbook: "Save marked copy" writes it with the bad cells marked
        self.setWindowTitle(title)
        self.setModal(False)
        self.problems, self.warnings = list(problems), list(warnings)
        self._title = title
        n = len(self.problems)
        head = QLabel(
            f"<b>{title}</b><br>" + self.tr("{0} problem(s). Correct them and try again.").format(f"{n:,}"),
            self,
        )
        self.model = TableModel(PROBLEM_COLUMNS, self)
        self.model.set_rows(problem_rows(self.problems))
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setWordWrap(True)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        copy = QPushButton(self.tr("&Copy"), self)
        save = QPushButton(self.tr("&Save…"), self)
        buttons.addButton(copy, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(save, QDialogButtonBox.ButtonRole.ActionRole)
        copy.clicked.connect(self.copy)
        save.clicked.connect(self._on_save_clicked)
        self.marked_button = None
        if source is not None:
            self.marked_button = QPushButton(self.tr("Save &marked workbook…"), self)
            self.marked_button.setToolTip(self.tr("A copy of the workbook with every bad cell filled and "
                                                  "commented with the reason: fix it in Excel, import again"))
            buttons.addButton(self.marked_button, QDialogButtonBox.ButtonRole.ActionRole)
            self.marked_button.clicked.connect(self._on_marked_clicked)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(head)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(980, 420)

    def text(self) -> str:
        return problems_text(self._title, self.problems, self.warnings)

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.text())

    def save_marked(self, path: Path) -> Path:
        """The source workbook with every bad cell marked (core.importing.error_workbook)."""
        from greenledger.core.importing.error_workbook import write_error_workbook

        return write_error_workbook(self.source, self.problems, path)

    def _on_marked_clicked(self) -> None:
        start = self.source.with_name(self.source.stem + "-problems.xlsx")
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save marked workbook"), str(start),
                                              self.tr("Excel workbooks") + " (*.xlsx *.xlsm)")
        if not path:
            return
        try:
            self.save_marked(Path(path))
        except (OSError, ValueError) as exc:
            QMessageBox.warning(self, self.tr("Save marked workbook"), str(exc))

    def save(self, path: Path) -> None:
        Path(path).write_text(self.text(), encoding="utf-8")

    def _on_save_clicked(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save problems"), "problems.txt", self.tr("Text files") + " (*.txt)"
        )
        if path:
            self.save(Path(path))
