"""The Imports page: every import batch (file, time, rows) and "Undo import" of a whole batch."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal
from PySide6.QtWidgets import QPushButton, QWidget

from greenledger.gui.table_model import Column, TableModel
from greenledger.gui.table_view import TableView

BATCH_COLUMNS = (
    Column(QT_TRANSLATE_NOOP("Columns", "Batch"), "id", "int"),
    Column(QT_TRANSLATE_NOOP("Columns", "File"), "file_name"),
    Column(QT_TRANSLATE_NOOP("Columns", "Imported at (UTC)"), "imported_at"),
    Column(QT_TRANSLATE_NOOP("Columns", "Sheets"), "sheets"),
    Column(QT_TRANSLATE_NOOP("Columns", "Rows read"), "row_count", "int"),
    Column(QT_TRANSLATE_NOOP("Columns", "New"), "inserted", "int"),
    Column(QT_TRANSLATE_NOOP("Columns", "Updated"), "updated", "int"),
    Column(QT_TRANSLATE_NOOP("Columns", "Unchanged"), "unchanged", "int"),
    Column(QT_TRANSLATE_NOOP("Columns", "SHA-256"), "sha256"),
)


def batch_rows(batches: list[dict]) -> list[dict]:
    return [
        {
            **b,
            "imported_at": (b.get("imported_at") or "").replace("T", " ").split("+")[0],
            "sha256": (b.get("sha256") or "")[:12],
        }
        for b in reversed(batches)
    ]


class ImportsView(TableView):
    undo_import_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            TableModel(BATCH_COLUMNS),
            empty_text=QCoreApplication.translate(
                "ImportsView",
                "No imports yet. Import a workbook with File › Import workbook (Ctrl+I) "
                "or drop it on the window.",
            ),
            parent=parent,
        )
        self.model.setParent(self)
        self.undo_button = QPushButton(self.tr("&Undo import"), self)
        self.undo_button.setToolTip(
            self.tr("Remove every row the selected import wrote (Ctrl+Z restores it)")
        )
        self.undo_button.clicked.connect(self._on_undo_clicked)
        self.buttons.addWidget(self.undo_button)
        self.buttons.addStretch(1)

    def set_batches(self, batches: list[dict]) -> None:
        self.model.set_rows(batch_rows(batches))

    def _on_undo_clicked(self) -> None:
        rows = self.selected_source_rows()
        if not rows:
            self.message.emit(self.tr("Select an import first"))
            return
        self.undo_import_requested.emit(self.model.row(rows[0])["id"])
