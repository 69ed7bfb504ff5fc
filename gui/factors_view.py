"""The Factors page: the workspace's own factors (editable; they win over the library) above the
built-in library pinned in the workspace (read-only; override one by adding a workspace factor)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import QLabel, QSplitter, QVBoxLayout, QWidget

from greenledger.core.factors import Factor
from greenledger.core.fields import Kind
from greenledger.gui.edit_controller import EditController
from greenledger.gui.record_model import RecordModel
from greenledger.gui.table_model import Column, TableModel
from greenledger.gui.table_view import TableView

LIBRARY_COLUMNS = (
    Column(QT_TRANSLATE_NOOP("Columns", "Key"), "key"),
    Column(QT_TRANSLATE_NOOP("Columns", "Region"), "region"),
    Column(QT_TRANSLATE_NOOP("Columns", "Year"), "year"),
    Column(QT_TRANSLATE_NOOP("Columns", "Value"), "value", "factor"),
    Column(QT_TRANSLATE_NOOP("Columns", "Unit"), "unit"),
    Column(QT_TRANSLATE_NOOP("Columns", "Gas basis"), "gas_basis"),
    Column(QT_TRANSLATE_NOOP("Columns", "Source"), "source"),
    Column(QT_TRANSLATE_NOOP("Columns", "Quality"), "quality"),
    Column(QT_TRANSLATE_NOOP("Columns", "Note"), "note"),
)


def library_rows(factors: list[Factor]) -> list[dict]:
    return [
        {
            "id": i,
            "key": f.key,
            "region": f.region,
            "year": f.year,
            "value": f.value,
            "unit": f.unit,
            "gas_basis": f.gas_basis,
            "source": f.source,
            "quality": f.quality,
            "note": f.note,
        }
        for i, f in enumerate(factors)
    ]


class FactorsView(QWidget):
    def __init__(self, controller: EditController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace_model = RecordModel(Kind.FACTORS, self)
        self.library_model = TableModel(LIBRARY_COLUMNS, self)
        self.library_model.read_only_rows = True
        self.workspace_view = TableView(
            self.workspace_model,
            kind=Kind.FACTORS,
            controller=controller,
            empty_text=self.tr(
                "No workspace factors: every figure uses the built-in library below. "
                "Add one to override a library factor."
            ),
            parent=self,
        )
        self.library_view = TableView(self.library_model, parent=self)
        self.library_title = QLabel(self)
        split = QSplitter(Qt.Orientation.Vertical, self)
        top = QWidget(split)
        tl = QVBoxLayout(top)
        tl.setContentsMargins(0, 0, 0, 0)
        tl.addWidget(QLabel(self.tr("<b>Workspace factors</b> (editable; they win over the library)"), top))
        tl.addWidget(self.workspace_view)
        bottom = QWidget(split)
        bl = QVBoxLayout(bottom)
        bl.setContentsMargins(0, 0, 0, 0)
        bl.addWidget(self.library_title)
        bl.addWidget(self.library_view)
        split.addWidget(top)
        split.addWidget(bottom)
        split.setSizes([300, 600])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(split)

    def set_library(self, factors: list[Factor], version: str) -> None:
        self.library_title.setText(
            self.tr("<b>Built-in library {0}</b> (read-only, {1} factors)").format(
                version, f"{len(factors):,}"
            )
        )
        self.library_model.set_rows(library_rows(factors))
