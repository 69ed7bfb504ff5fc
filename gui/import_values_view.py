"""One value for every row, for a field the sheet has no column for (a meter export without a
source column, a transposed sheet of sites across without one): "Source, every row: [电网 ▾]".
Shown under the mapping for the fields a sheet lacks and the ones already given; the window's
form of the command line's `--value field=value`."""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QWidget

from greenledger.core.fields import SHEETS, FieldType, Kind
from greenledger.gui.import_texts import field_label
from greenledger.gui.value_labels import value_label

_LACKS = re.compile(r"it lacks (?P<m>[a-z_, ]+)")
CONSTANT_TYPES = (FieldType.TEXT, FieldType.CHOICE)


def missing_fields(plan) -> list[str]:
    """The fields a sheet is not imported for lacking (its skip's {missing})."""
    args = getattr(plan, "skip_args", None) or {}
    missing = args.get("missing") if isinstance(args, dict) else None
    if missing is None and plan is not None and plan.skipped:
        m = _LACKS.search(plan.skipped)
        missing = m["m"] if m else ""
    return [f.strip() for f in (missing or "").split(",") if f.strip()]


class ValuesView(QWidget):
    value_chosen = Signal(str, str)  # field, value ("" to stop giving one)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = QFormLayout(self)
        self.form.setContentsMargins(0, 4, 0, 0)
        self.boxes: dict[str, QComboBox] = {}
        self.note = QLabel(self)
        self.note.setWordWrap(True)

    def fields(self, plan, values: dict) -> list[str]:
        if plan is None or plan.kind is None or plan.template:
            return []
        spec = SHEETS[plan.kind]
        names = {f.name for f in spec.fields if f.type in CONSTANT_TYPES}
        wanted = [f for f in missing_fields(plan) if f in names]
        return wanted + [f for f in values if f in names and f not in wanted]

    def set_plan(self, plan, values: dict, sites: list[str] = (), sheet=None) -> None:
        """Show a dropdown per field `plan` lacks or `values` gives; `sites`: the site names
        to offer (the workspace's and the workbook's); `sheet`: its cells, to point at a
        column left out that may hold the field (one value would be wrong for its rows)."""
        while self.form.rowCount():
            self.form.removeRow(0)
        self.boxes = {}
        names = self.fields(plan, values)
        self.setVisible(bool(names))
        if not names:
            return
        self.note = QLabel(QCoreApplication.translate(
            "ImportAssistant", "Not in the sheet — one value for every row:"), self)
        self.note.setWordWrap(True)
        self.form.addRow(self.note)
        for name in names:
            f = SHEETS[plan.kind].field(name)
            box = QComboBox(self)
            box.setEditable(True)
            box.addItem(QCoreApplication.translate("ImportAssistant", "— choose —"), "")
            for choice in (f.choices if f.type == FieldType.CHOICE else
                           sites if name == "site" else ()):
                box.addItem(str(value_label(name, choice)), choice)
            given = values.get(name, "")
            i = box.findData(given)
            if i >= 0:
                box.setCurrentIndex(i)
            else:
                box.setEditText(given)
            box.activated.connect(lambda _i, n=name, b=box: self._chosen(n, b))
            box.lineEdit().editingFinished.connect(lambda n=name, b=box: self._chosen(n, b))
            self.boxes[name] = box
            label = field_label(plan.kind, name)
            self.form.addRow(QCoreApplication.translate("ImportAssistant", "{0}, every row:").format(
                label), box)
            if name not in values and f.type == FieldType.TEXT and (cols := several_names(plan, sheet)):
                warn = QLabel(QCoreApplication.translate(
                    "ImportAssistant", "Only if every row has it: {0} holds several names — if "
                    "they are each row's {1}, choose {1} for it in the Field column instead").format(
                    ", ".join(cols), label), self)
                warn.setWordWrap(True)
                warn.setStyleSheet("color: #8a5a00")
                self.form.addRow(warn)

    def _chosen(self, name: str, box: QComboBox) -> None:
        text = box.currentText().strip()
        i = box.findText(text)
        value = box.itemData(i) if i >= 0 else text  # 电网 chosen: grid given
        self.value_chosen.emit(name, value or "")


def several_names(plan, sheet) -> list[str]:
    """The columns left out whose cells hold two or more different names (text, not codes
    or numbers): one value for every row would be wrong if they are what the sheet lacks."""
    layout = plan.layout if plan is not None else None
    if sheet is None or layout is None or plan.wide:
        return []
    out = []
    skipped = {r.row - 1 for r in layout.ignored}
    rows = [row for i, row in enumerate(sheet.rows[layout.first_data:layout.end], layout.first_data)
            if i not in skipped]
    for col in plan.columns:
        if col.field or col.period is not None:
            continue
        names = {str(row[col.index]).strip() for row in rows if col.index < len(row)
                 and isinstance(row[col.index], str) and row[col.index].strip()
                 and not row[col.index].strip().replace(".", "").replace("-", "").isdigit()}
        if len(names) >= 2:
            out.append(col.label)
    return out


def site_names(ws, plans) -> list[str]:
    """The sites of the workspace and of the workbook's Sites sheets, in order, once each."""
    names = [r["site"] for r in ws.rows(Kind.SITES)]
    for plan in plans:
        if plan.kind == Kind.SITES and plan.parsed is not None:
            names += [s for s in plan.parsed.columns.get("site", []) if s]
    return list(dict.fromkeys(names))
