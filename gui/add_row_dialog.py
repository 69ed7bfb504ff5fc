"""Adding one row: a form of the kind's fields, checked by the importer's rules on OK; the
problems are shown in the form and the dialog stays open until they are fixed."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from greenledger.core.editing import editable_fields
from greenledger.core.errors import Problem
from greenledger.core.fields import Kind
from greenledger.gui.record_model import field_header


class AddRowDialog(QDialog):
    """`submit(texts)` writes the row or returns its problems."""

    def __init__(
        self,
        kind: Kind,
        names: Callable[[str], list[str]],
        submit: Callable[[dict[str, str]], list[Problem]],
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Add a row: {0}").format(QCoreApplication.translate("Kinds", kind.value)))
        self._kind, self._submit = kind, submit
        self.editors: dict[str, QLineEdit | QComboBox] = {}
        form = QFormLayout()
        for f in editable_fields(kind):
            if f.choices or f.name in ("site", "campaign", "baseline"):
                box = QComboBox(self)
                box.setEditable(True)
                box.addItems([""] + (list(f.choices) or names(f.name)))
                editor: QLineEdit | QComboBox = box
            else:
                editor = QLineEdit(self)
                editor.setPlaceholderText("YYYY-MM-DD" if f.type == "date" else "")
            self.editors[f.name] = editor
            form.addRow(
                QCoreApplication.translate("Columns", field_header(kind, f)) + (" *" if f.required else ""),
                editor,
            )
        self.error_label = QLabel(self)
        self.error_label.setStyleSheet("color: #b71c1c;")
        self.error_label.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.try_accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)

    def values(self) -> dict[str, str]:
        out = {
            name: (e.currentText() if isinstance(e, QComboBox) else e.text()).strip()
            for name, e in self.editors.items()
        }
        if self._kind == Kind.PACKAGING:
            out["unit"] = "kg"
        return out

    def set_values(self, values: dict[str, str]) -> None:
        for name, text in values.items():
            e = self.editors[name]
            e.setCurrentText(text) if isinstance(e, QComboBox) else e.setText(text)

    def try_accept(self) -> list[Problem]:
        problems = self._submit(self.values())
        if problems:
            self.error_label.setText(
                "\n".join(f"{(p.column or '').split(' [')[0]}: {p.reason}".lstrip(": ") for p in problems)
            )
        else:
            self.accept()
        return problems
