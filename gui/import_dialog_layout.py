"""The import assistant's widgets and their places (gui.import_dialog connects them):

    Kind ▾  Header row ◇  Year ◇  Profile ▾  [Save as profile…]  ☐ Skip hidden rows and columns
    what the sheet was read as (layout, rows, profile)
    ┌ sheets, a tick each ┬ the sheet's cells ┬ mapping: column → field, unit ┐
    │                     │                   │ one value for every row      │
    ├ Rows as they will be stored | Problems ─────────────────────────────────┤
    status                                               [Import N rows] [Cancel]
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from greenledger.core.fields import SHEETS
from greenledger.gui.import_cells_model import SheetModel
from greenledger.gui.import_mapping_model import MappingDelegate, MappingModel
from greenledger.gui.import_preview_model import PreviewModel
from greenledger.gui.import_problems_view import ProblemsView
from greenledger.gui.import_sheet_model import SheetListModel
from greenledger.gui.import_texts import kind_name
from greenledger.gui.import_values_view import ValuesView


def _table(parent: QWidget, model, rows: int = 22) -> QTableView:
    view = QTableView(parent)
    view.setModel(model)
    view.verticalHeader().setDefaultSectionSize(rows)
    return view


def fit_columns(view: QTableView, widest: int) -> None:
    """Columns as wide as their cells (a long title cell no wider than `widest` pixels)."""
    view.resizeColumnsToContents()
    header = view.horizontalHeader()
    for c in range(header.count()):
        if header.sectionSize(c) > widest:
            header.resizeSection(c, widest)


def _top_bar(d) -> QHBoxLayout:
    d.kind_box = QComboBox(d)
    d.kind_box.addItem("", None)
    for kind in SHEETS:
        d.kind_box.addItem("", kind)
    d.header_box = QSpinBox(d)
    d.header_box.setRange(0, 1000)
    d.year_box = QSpinBox(d)
    d.year_box.setRange(1899, 2100)
    d.year_box.setValue(1899)
    d.profile_box = QComboBox(d)
    d.profile_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
    d.save_profile_button = QPushButton(d)
    d.skip_hidden_box = QCheckBox(d)
    d.skip_hidden_box.setVisible(False)
    top = QHBoxLayout()
    d.top_labels = []
    for w in (d.kind_box, d.header_box, d.year_box, d.profile_box):
        label = QLabel(d)
        label.setBuddy(w)
        d.top_labels.append(label)
        top.addWidget(label)
        top.addWidget(w)
    top.addWidget(d.save_profile_button)
    top.addWidget(d.skip_hidden_box)
    top.addStretch(1)
    return top


def retranslate(d) -> None:
    """Every fixed text of `d` in the app's language (at build, and when it changes: the
    texts that follow the plan are the dialog's to show again)."""
    d.setWindowTitle(QCoreApplication.translate("ImportAssistant", "Import {0}").format(d.path.name))
    d.kind_box.setItemText(0, QCoreApplication.translate("ImportAssistant", "Detect"))
    for i, kind in enumerate(SHEETS, 1):
        d.kind_box.setItemText(i, kind_name(kind, title=True))
    d.header_box.setSpecialValueText(QCoreApplication.translate("ImportAssistant", "detect"))
    d.header_box.setToolTip(QCoreApplication.translate(
        "ImportAssistant", "The row number of the sheet's header, where it is not found by itself"))
    d.year_box.setSpecialValueText(QCoreApplication.translate("ImportAssistant", "from headers"))
    d.year_box.setToolTip(QCoreApplication.translate(
        "ImportAssistant", "The year of month headers that give none (1月, Jan)"))
    d.save_profile_button.setText(QCoreApplication.translate("ImportAssistant", "&Save as profile…"))
    d.skip_hidden_box.setText(QCoreApplication.translate("ImportAssistant", "Skip &hidden rows and columns"))
    d.skip_hidden_box.setToolTip(QCoreApplication.translate(
        "ImportAssistant",
        "Leave out the rows and columns hidden in Excel (filtered out, or kept for "
        "reference). By default they are read, as Excel's SUM reads them, and listed "
        "as warnings."))
    for label, text in zip(d.top_labels, (
            QCoreApplication.translate("ImportAssistant", "&Kind:"),
            QCoreApplication.translate("ImportAssistant", "Header &row:"),
            QCoreApplication.translate("ImportAssistant", "&Year:"),
            QCoreApplication.translate("ImportAssistant", "&Profile:")), strict=True):
        label.setText(text)
    for box in (d.header_box, d.year_box):  # room for "from headers", 取自表头, and 2100
        fm = box.fontMetrics()
        box.setMinimumWidth(max(fm.horizontalAdvance(box.specialValueText()),
                                fm.horizontalAdvance("2100")) + 44)
    d.tabs.setTabText(0, QCoreApplication.translate("ImportAssistant", "Rows as they will be stored"))
    d.tabs.setTabText(1, QCoreApplication.translate("ImportAssistant", "Problems"))
    d.import_button.setText(QCoreApplication.translate("ImportAssistant", "&Import"))
    d.problems_view.retranslate()
    if d.profile_box.count():
        d.profile_box.setItemText(0, QCoreApplication.translate("ImportAssistant", "None"))
    d.sheet_list.plans_changed()  # its states' words
    for model in (d.sheet_list, d.mapping_model, d.preview_model):
        n = model.columnCount()
        if n:
            model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, n - 1)


def build(d) -> None:
    """Make `d`'s widgets (attributes of the dialog) and lay them out."""
    top = _top_bar(d)
    d.layout_label = QLabel(d)
    d.layout_label.setWordWrap(True)
    d.sheet_list = SheetListModel(d)
    d.sheets_view = _table(d, d.sheet_list)
    d.sheets_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    d.sheets_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    d.sheets_view.verticalHeader().hide()
    heads = d.sheets_view.horizontalHeader()  # the name takes what the others leave
    heads.setMinimumSectionSize(24)
    heads.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    heads.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    d.sheets_view.setWordWrap(False)
    d.sheet_model = SheetModel(d)
    d.sheet_view = _table(d, d.sheet_model)
    d.sheet_view.horizontalHeader().setDefaultSectionSize(110)
    d.mapping_model = MappingModel(d)
    d.mapping = _table(d, d.mapping_model, 28)
    d.mapping.setItemDelegate(MappingDelegate(d.mapping))
    d.mapping.verticalHeader().hide()
    d.mapping.horizontalHeader().setStretchLastSection(True)
    d.values_view = ValuesView(d)
    d.values_view.setVisible(False)
    right = QWidget(d)
    rl = QVBoxLayout(right)
    rl.setContentsMargins(0, 0, 0, 0)
    rl.addWidget(d.mapping, 1)
    rl.addWidget(d.values_view)
    d.preview_model = PreviewModel(d)
    d.preview = _table(d, d.preview_model)
    d.preview.verticalHeader().hide()
    d.preview.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    d.totals_label = QLabel(d)
    d.totals_label.setWordWrap(True)
    d.totals_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    preview_page = QWidget(d)
    pl = QVBoxLayout(preview_page)
    pl.setContentsMargins(0, 0, 0, 0)
    pl.addWidget(d.preview, 1)
    pl.addWidget(d.totals_label)
    d.problems_view = ProblemsView(d)
    d.problems = d.problems_view.list
    d.marked_button = d.problems_view.marked_button
    d.tabs = QTabWidget(d)
    d.tabs.addTab(preview_page, "")
    d.tabs.addTab(d.problems_view, "")
    upper = QSplitter(Qt.Orientation.Horizontal, d)
    for w in (d.sheets_view, d.sheet_view, right):
        upper.addWidget(w)
    upper.setSizes([230, 430, 740])
    split = QSplitter(Qt.Orientation.Vertical, d)
    split.addWidget(upper)
    split.addWidget(d.tabs)
    split.setSizes([500, 300])
    d.buttons = QDialogButtonBox(d)
    d.import_button = d.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
    d.import_button.setDefault(True)
    d.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
    d.status = QLabel(d)
    d.status.setWordWrap(True)
    d.progress = QProgressBar(d)  # reading or analysing (Cancel closes the dialog)
    d.progress.setFixedWidth(200)
    d.progress.hide()
    bottom = QHBoxLayout()
    bottom.addWidget(d.status, 1)
    bottom.addWidget(d.progress)
    bottom.addWidget(d.buttons)
    layout = QVBoxLayout(d)
    layout.addLayout(top)
    layout.addWidget(d.layout_label)
    layout.addWidget(split, 1)
    layout.addLayout(bottom)
    retranslate(d)
