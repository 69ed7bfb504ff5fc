"""Editors that fit the field (dropdowns, date pickers, numbers as typed), refusing an invalid
value at the cell with the importer's reason instead of silently reverting it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QDate, QEvent, QModelIndex, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QLineEdit,
    QStyledItemDelegate,
    QToolTip,
    QWidget,
)

from greenledger.core.fields import SHEETS, FieldType, Kind
from greenledger.gui.value_labels import value_label

_COMMIT_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab, Qt.Key.Key_Backtab)
_REFUSED_STYLE = "background: #fdecea; border: 1px solid #c62828;"


def editor_text(editor: QWidget) -> str:
    if isinstance(editor, QComboBox):
        text = editor.currentText().strip()
        i = editor.findText(text)  # a translated choice commits its stored value
        return editor.itemData(i) if i >= 0 and editor.itemData(i) else text
    if isinstance(editor, QDateEdit):
        return editor.date().toString(Qt.DateFormat.ISODate)
    if isinstance(editor, QLineEdit):
        return editor.text()
    return ""


class CellDelegate(QStyledItemDelegate):
    """`check(index, text)` returns the reason a value is refused, or None; `names(field)`
    lists sites or campaigns for their dropdowns."""

    refused = Signal(str)

    def __init__(self, kind: Kind, check: Callable[[QModelIndex, str], str | None],
                 names: Callable[[str], list[str]], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._kind, self._check, self._names = kind, check, names
        self._index_of: dict[int, QModelIndex] = {}

    def _field(self, index: QModelIndex):
        model = index.model()
        source = getattr(model, "sourceModel", lambda: model)()
        name = source.columns[index.column()].field
        return SHEETS[self._kind].field(name) if name else None

    def createEditor(self, parent: QWidget, option, index: QModelIndex) -> QWidget:
        f = self._field(index)
        if f is not None and (f.choices or f.name in ("site", "campaign", "baseline")):
            box = QComboBox(parent)
            box.setEditable(True)
            if not f.required:
                box.addItem("", "")
            for item in list(f.choices) or self._names(f.name):
                box.addItem(str(value_label(f.name, item)), item)
            editor: QWidget = box
        elif f is not None and f.type == FieldType.DATE and f.required:
            date = QDateEdit(parent)
            date.setCalendarPopup(True)
            date.setDisplayFormat("yyyy-MM-dd")
            editor = date
        else:
            editor = QLineEdit(parent)
        key = id(editor)
        self._index_of[key] = index
        editor.destroyed.connect(lambda *_: self._index_of.pop(key, None))
        return editor

    def setEditorData(self, editor: QWidget, index: QModelIndex) -> None:
        text = index.data(Qt.ItemDataRole.EditRole) or ""
        if isinstance(editor, QComboBox):
            i = editor.findData(text)
            editor.setCurrentText(editor.itemText(i) if text and i >= 0 else text)
        elif isinstance(editor, QDateEdit):
            d = QDate.fromString(text, Qt.DateFormat.ISODate)
            editor.setDate(d if d.isValid() else QDate.currentDate())
        elif isinstance(editor, QLineEdit):
            editor.setText(text)

    def setModelData(self, editor: QWidget, model, index: QModelIndex) -> None:
        text = editor_text(editor)
        if text == (index.data(Qt.ItemDataRole.EditRole) or ""):
            return
        if not model.setData(index, text, Qt.ItemDataRole.EditRole):
            source = getattr(model, "sourceModel", lambda: model)()
            self.refused.emit(getattr(source, "last_refusal", None) or "refused")

    def eventFilter(self, editor: QObject, event: QEvent) -> bool:
        """Keep the editor open, showing the reason, when Enter or Tab would commit a bad value."""
        if (event.type() == QEvent.Type.KeyPress and event.key() in _COMMIT_KEYS
                and isinstance(editor, QWidget) and id(editor) in self._index_of):
            index = self._index_of[id(editor)]
            text = editor_text(editor)
            reason = None if text == (index.data(Qt.ItemDataRole.EditRole) or "") \
                else self._check(index, text)
            if reason:
                editor.setStyleSheet(_REFUSED_STYLE)
                editor.setToolTip(reason)
                QToolTip.showText(editor.mapToGlobal(editor.rect().bottomLeft()), reason, editor)
                self.refused.emit(reason)
                return True
        return super().eventFilter(editor, event)
