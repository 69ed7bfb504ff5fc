"""The import assistant (File › Import, Ctrl+I, a dropped workbook): any analyst's workbook.

It shows each sheet as it is, with the detected header (blue), the data block and the rows left
out (grey, with why); the mapping of each column to a field with its unit and confidence, to
change; the first rows as they will be stored and the totals; every problem, a click away from
its cell. Mappings are saved as profiles in the workspace, and the profile whose headers a sheet
has is applied by itself. Reading and analysing run on a worker thread (the engine is
core.importing.assistant, the same as `greenledger import`), and Import hands the plans to the
window's import runner, so the window and the command line give identical results.
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QSplitter,
    QStyle,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from greenledger.core.errors import GreenLedgerError, ImportRefused, Problem
from greenledger.core.fields import SHEETS, FieldType, Kind
from greenledger.core.importing import assistant as engine
from greenledger.core.importing import mapping as mp
from greenledger.core.importing import profiles
from greenledger.core.importing.formulas import FormulaProbe
from greenledger.core.importing.profiles import Profile, same_sheet
from greenledger.core.importing.reader import SheetData
from greenledger.core.units import DIMENSIONS
from greenledger.gui.table_model import format_value
from greenledger.gui.value_labels import value_label
from greenledger.gui.workers import Worker

PREVIEW_ROWS = 500
HEADER_BG, IGNORED_BG, OUTSIDE_BG = QColor("#dbeafe"), QColor("#eceff1"), QColor("#f5f5f5")
HIDDEN_FG = QColor("#9e9e9e")  # cells of rows and columns hidden in Excel
PROBLEM_BG = QColor("#fdecea")
UNITS = {
    "energy": ["kWh", "MWh", "GWh", "万千瓦时", "亿千瓦时"],
    "mass": ["kg", "t", "kt", "万吨", "g"],
    "distance": ["km", "m", "万公里"],
    "percent": ["%"],
}
_LETTER = re.compile(r"\[([A-Z]{1,3})\]\s*$")


def column_index(label: str | None) -> int | None:
    """0-based column of a problem's column label `Header [E]`."""
    m = _LETTER.search(label or "")
    if not m:
        return None
    n = 0
    for ch in m.group(1):
        n = n * 26 + ord(ch) - 64
    return n - 1


class SheetModel(QAbstractTableModel):
    """A sheet's cells as they are (first PREVIEW_ROWS rows), shaded by what the plan makes of
    each row: header, data, left out (with why), outside the data block."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.rows: list[list[object]] = []
        self.plan: engine.SheetPlan | None = None
        self.width = 0
        self.ignored: dict[int, str] = {}
        self.bad: set[tuple[int, int]] = set()
        self.hidden_rows: frozenset[int] = frozenset()
        self.hidden_cols: frozenset[int] = frozenset()

    def set_sheet(self, sheet: SheetData | None, plan: engine.SheetPlan | None) -> None:
        self.beginResetModel()
        self.rows = sheet.rows[:PREVIEW_ROWS] if sheet else []
        self.width = max((len(r) for r in self.rows), default=0)
        self.plan = plan
        self.hidden_rows = sheet.hidden_rows if sheet else frozenset()
        self.hidden_cols = sheet.hidden_cols if sheet else frozenset()
        layout = plan.layout if plan is not None else None
        self.ignored = {r.row - 1: r.reason_text for r in layout.ignored} if layout else {}
        self.bad = {
            (p.row - 1, c)
            for p in (plan.all_problems if plan is not None else [])
            if p.row is not None and (c := column_index(p.column)) is not None
        }
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | None = None) -> int:  # noqa: N802 - Qt override
        return 0 if parent is not None and parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | None = None) -> int:  # noqa: N802 - Qt override
        return 0 if parent is not None and parent.isValid() else self.width

    def _row_role(self, r: int) -> tuple[QColor | None, str]:
        layout = self.plan.layout if self.plan else None
        if self.plan is not None and self.plan.template and self.plan.parsed is not None:
            return (HEADER_BG, self.tr("header")) if r == 0 else (None, "")
        if layout is None:
            return None, ""
        if r in layout.header_rows:
            return HEADER_BG, self.tr("header row")
        if r in self.ignored:
            return IGNORED_BG, self.ignored[r]
        if r < layout.first_data or r >= layout.end:
            return OUTSIDE_BG, self.tr("outside the data block")
        return None, ""

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        r, c = index.row(), index.column()
        row = self.rows[r]
        value = row[c] if c < len(row) else ""
        if role == Qt.ItemDataRole.DisplayRole:
            if isinstance(value, float):
                return format_value(value, "amount")
            return "" if value is None else str(value)
        if role == Qt.ItemDataRole.BackgroundRole:
            if (r, c) in self.bad:
                return PROBLEM_BG
            return self._row_role(r)[0]
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = self._row_role(r)[1]
            if self._hidden(r, c):
                tip = "\n".join(filter(None, [tip, self.tr("hidden in Excel")]))
            return tip or None
        if role == Qt.ItemDataRole.ForegroundRole and self._hidden(r, c):
            return HIDDEN_FG
        return None

    def _hidden(self, r: int, c: int) -> bool:
        return r in self.hidden_rows or c in self.hidden_cols

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        hidden = (self.hidden_cols if orientation == Qt.Orientation.Horizontal
                  else self.hidden_rows)
        if role == Qt.ItemDataRole.ToolTipRole and section in hidden:
            return self.tr("hidden in Excel")
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            from greenledger.core.importing.reader import column_letter

            text = column_letter(section)
        else:
            text = str(section + 1)
        return f"({text})" if section in hidden else text  # as Excel's hidden look: in brackets


class ImportAssistant(QDialog):
    """Non-modal. Import calls `start(path, plans)` (the window's import runner), which says
    whether the import started; the dialog closes only then."""

    analysed = Signal()  # a new plan is shown (tests wait for it)

    def __init__(self, path: Path, workspace, parent: QWidget | None = None, start=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import {0}").format(path.name))
        self.setModal(False)
        self.resize(1280, 820)
        self.path = Path(path)
        self.ws = workspace
        self.sheets: list[SheetData] = []
        self.plans: dict[str, engine.SheetPlan] = {}
        self.options: dict[str, engine.ImportOptions] = {}
        self.applied_profile: dict[str, str] = {}
        self.offered_profile: dict[str, Profile] = {}  # fits the headers, saved for another sheet
        self._worker: Worker | None = None
        self._pending: list[str] = []  # sheets to analyse again, in order
        self.start = start  # callable(path, plans) -> bool
        self._probe: FormulaProbe | None = None
        self._filling = False
        self._build()
        self._set_busy(self.tr("Reading {0}…").format(self.path.name))
        self._run(self._read_all, self._on_read)

    # --- layout ---------------------------------------------------------------------------------

    def _build(self) -> None:
        self.sheet_box = QComboBox(self)
        self.sheet_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.kind_box = QComboBox(self)
        self.kind_box.addItem(self.tr("Detect"), None)
        for kind in SHEETS:
            from PySide6.QtCore import QCoreApplication

            self.kind_box.addItem(QCoreApplication.translate("Kinds", kind.value), kind)
        self.year_box = QSpinBox(self)
        self.year_box.setRange(1899, 2100)
        self.year_box.setSpecialValueText(self.tr("from headers"))
        self.year_box.setValue(1899)
        self.year_box.setToolTip(self.tr("The year of month headers that give none (1月, Jan)"))
        self.profile_box = QComboBox(self)
        self.save_profile_button = QPushButton(self.tr("&Save as profile…"), self)
        self.skip_hidden_box = QCheckBox(self.tr("Skip &hidden rows and columns"), self)
        self.skip_hidden_box.setToolTip(self.tr(
            "Leave out the rows and columns hidden in Excel (filtered out, or kept for "
            "reference). By default they are read, as Excel's SUM reads them, and listed "
            "as warnings."))
        self.skip_hidden_box.setVisible(False)
        top = QHBoxLayout()
        for text, w in (
            (self.tr("S&heet:"), self.sheet_box),
            (self.tr("&Kind:"), self.kind_box),
            (self.tr("&Year:"), self.year_box),
            (self.tr("&Profile:"), self.profile_box),
        ):
            label = QLabel(text, self)
            label.setBuddy(w)
            top.addWidget(label)
            top.addWidget(w)
        top.addWidget(self.save_profile_button)
        top.addWidget(self.skip_hidden_box)
        top.addStretch(1)
        self.layout_label = QLabel(self)
        self.layout_label.setWordWrap(True)
        self.sheet_model = SheetModel(self)
        self.sheet_view = QTableView(self)
        self.sheet_view.setModel(self.sheet_model)
        self.sheet_view.verticalHeader().setDefaultSectionSize(22)
        self.sheet_view.horizontalHeader().setDefaultSectionSize(110)
        self.mapping = QTableWidget(0, 5, self)
        self.mapping.setHorizontalHeaderLabels(
            [self.tr("Column"), self.tr("Field"), self.tr("Unit"), self.tr("Confidence"), self.tr("How")]
        )
        self.mapping.verticalHeader().hide()
        self.mapping.horizontalHeader().setStretchLastSection(True)
        self.preview = QTableWidget(0, 0, self)
        self.preview.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.totals_label = QLabel(self)
        self.totals_label.setWordWrap(True)
        self.problems = QListWidget(self)
        self.problems.setWordWrap(True)  # a problem names file, sheet, row, column, value and why
        self.problems.itemActivated.connect(self._on_problem_clicked)
        self.problems.itemClicked.connect(self._on_problem_clicked)
        preview_page = QWidget(self)
        pl = QVBoxLayout(preview_page)
        pl.setContentsMargins(0, 0, 0, 0)
        pl.addWidget(self.preview, 1)
        pl.addWidget(self.totals_label)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(preview_page, self.tr("Rows as they will be stored"))
        problems_page = QWidget(self)
        ql = QVBoxLayout(problems_page)
        ql.setContentsMargins(0, 0, 0, 0)
        ql.addWidget(self.problems, 1)
        self.marked_button = QPushButton(self.tr("Save &marked workbook…"), problems_page)
        self.marked_button.setToolTip(
            self.tr(
                "A copy of the workbook with every bad cell filled and commented "
                "with the reason: fix it in Excel, import again"
            )
        )
        self.marked_button.clicked.connect(self._on_marked_clicked)
        ql.addWidget(self.marked_button, 0, Qt.AlignmentFlag.AlignRight)
        self.tabs.addTab(problems_page, self.tr("Problems"))
        upper = QSplitter(Qt.Orientation.Horizontal, self)
        upper.addWidget(self.sheet_view)
        upper.addWidget(self.mapping)
        upper.setSizes([700, 560])
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(upper)
        split.addWidget(self.tabs)
        split.setSizes([480, 300])
        self.buttons = QDialogButtonBox(self)
        self.import_button = self.buttons.addButton(
            self.tr("&Import"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.import_button.setDefault(True)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.rejected.connect(self.reject)
        self.import_button.clicked.connect(self.start_import)
        self.status = QLabel(self)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.buttons)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.layout_label)
        layout.addWidget(split, 1)
        layout.addLayout(bottom)
        self.sheet_box.currentIndexChanged.connect(self._show_current)
        self.kind_box.currentIndexChanged.connect(self._on_kind_changed)
        self.year_box.valueChanged.connect(self._on_year_changed)
        self.skip_hidden_box.toggled.connect(lambda on: self._change(skip_hidden=on))
        self.profile_box.currentIndexChanged.connect(self._on_profile_chosen)
        self.save_profile_button.clicked.connect(self.save_profile)

    # --- work off the GUI thread ----------------------------------------------------------------

    def _run(self, fn, done) -> None:
        worker = Worker(lambda progress, cancelled: fn())
        worker.signals.succeeded.connect(done)
        worker.signals.failed.connect(self._on_failed)
        self._worker = worker
        from PySide6.QtCore import QThreadPool

        QThreadPool.globalInstance().start(worker)

    def _set_busy(self, text: str) -> None:
        self.status.setText(text)
        self.import_button.setEnabled(False)

    def _on_failed(self, exc: object) -> None:
        self._worker = None
        if isinstance(exc, ImportRefused):
            self._show_problems(exc.problems)
            self.status.setText(self.tr("This file cannot be imported."))
        elif isinstance(exc, GreenLedgerError):
            self.status.setText(str(exc))
        else:
            raise exc  # the top-level hook logs it and shows the error dialog

    def _read_all(self):
        sheets = engine.read(self.path)
        probe = FormulaProbe(self.path)
        plans = engine.analyse(self.path, sheets=sheets)
        return sheets, probe, plans

    def _on_read(self, result) -> None:
        self._worker = None
        self.sheets, self._probe, plans = result
        self.plans = {p.sheet: p for p in plans}
        self._preflight()
        self.options = {s.name: engine.ImportOptions() for s in self.sheets}
        self._fill_profiles()
        self._filling = True
        self.sheet_box.clear()
        for s in self.sheets:
            plan = self.plans.get(s.name)
            note = "" if plan is None or plan.importable else self.tr(" (not imported)")
            self.sheet_box.addItem(s.name + note, s.name)
        first = next((i for i, s in enumerate(self.sheets) if self.plans[s.name].importable), 0)
        self.sheet_box.setCurrentIndex(first)
        self._filling = False
        self._offer_profiles()
        self._show_current()

    def _reanalyse(self, name: str) -> None:
        """Analyse sheet `name` again with its options (after a change of mapping)."""
        if self._worker is not None:
            if name not in self._pending:
                self._pending.append(name)
            return
        sheet = next(s for s in self.sheets if s.name == name)
        opts = self.options[name]
        checker = self._probe.checker(name) if self._probe else None
        self._set_busy(self.tr("Analysing {0}…").format(name))

        def work():
            return engine.analyse_sheet(sheet, self.path.name, opts, formula_at=checker, named=opts.explicit)

        self._run(work, self._on_reanalysed)

    def _on_reanalysed(self, plan: engine.SheetPlan) -> None:
        self._worker = None
        self.plans[plan.sheet] = plan
        i = self.sheet_box.findData(plan.sheet)
        if i >= 0:
            self.sheet_box.setItemText(
                i, plan.sheet + ("" if plan.importable else self.tr(" (not imported)"))
            )
        if self._pending:
            self._reanalyse(self._pending.pop(0))
            return
        self._preflight()
        self._show_current()

    # --- showing a plan -------------------------------------------------------------------------

    @property
    def current_sheet(self) -> str | None:
        return self.sheet_box.currentData()

    @property
    def plan(self) -> engine.SheetPlan | None:
        return self.plans.get(self.current_sheet) if self.current_sheet else None

    def _show_current(self) -> None:
        if self._filling or self.current_sheet is None:
            return
        plan = self.plan
        sheet = next((s for s in self.sheets if s.name == self.current_sheet), None)
        self.sheet_model.set_sheet(sheet, plan)
        self._filling = True
        opts = self.options[self.current_sheet]
        self.kind_box.setCurrentIndex(max(self.kind_box.findData(opts.kind), 0) if opts.kind else 0)
        self.year_box.setValue(opts.period_year or 1899)
        self.skip_hidden_box.setChecked(opts.skip_hidden)
        self.skip_hidden_box.setVisible(bool(sheet is not None and (sheet.hidden_rows
                                                                     or sheet.hidden_cols)))
        applied = self.applied_profile.get(self.current_sheet)
        self.profile_box.setCurrentIndex(max(self.profile_box.findData(applied), 0) if applied else 0)
        self._filling = False
        self._show_layout(plan)
        self._show_mapping(plan)
        self._show_preview(plan)
        self._show_problems(self._all_problems(), self._all_warnings())
        importable = [p for p in self.plans.values() if p.importable]
        rows = sum(len(p) for p in importable)
        problems = len(self._all_problems())
        self.import_button.setEnabled(not self.busy and bool(importable) and not problems)
        self.import_button.setText(self.tr("&Import {0} rows").format(f"{rows:,}"))
        self.status.setText(
            self.tr("{0} sheet(s) to import, {1} rows; {2} problem(s)").format(
                len(importable), f"{rows:,}", problems
            )
        )
        self.analysed.emit()

    def _show_layout(self, plan: engine.SheetPlan | None) -> None:
        if plan is None:
            self.layout_label.setText("")
            return
        if plan.skipped:
            text = self.tr("Not imported: {0}").format(plan.skipped)
        elif plan.template:
            text = self.tr("GreenLedger template sheet ({0}): {1} rows").format(
                _kind_name(plan.kind), f"{len(plan):,}"
            )
        else:
            text = self.tr("{0} sheet, {1:.0%} sure · {2} · {3} rows").format(
                _kind_name(plan.kind) if plan.kind else "?",
                plan.kind_confidence,
                layout_text(plan.layout) if plan.layout else "",
                f"{len(plan):,}",
            )
        profile = self.applied_profile.get(plan.sheet)
        offered = self.offered_profile.get(plan.sheet)
        if profile:
            text += " · " + self.tr("profile “{0}” applied").format(profile)
        elif offered is not None:
            text += " · " + self.tr(
                "profile “{0}” fits these headers but was saved for sheet “{1}”: choose it "
                "under Profile if this sheet holds the same figures").format(offered.name,
                                                                             offered.sheet)
        self.layout_label.setText(text)

    def _show_mapping(self, plan: engine.SheetPlan | None) -> None:
        self._filling = True
        self.mapping.setRowCount(0)
        if plan is None or plan.kind is None or plan.template:
            self.mapping.setEnabled(plan is not None and not plan.template)
            self._filling = False
            return
        self.mapping.setEnabled(True)
        names = mp.field_names(plan.kind)
        self.mapping.setRowCount(len(plan.columns))
        for r, col in enumerate(plan.columns):
            self.mapping.setItem(r, 0, _item(col.label))
            field_box = QComboBox(self.mapping)
            field_box.addItem(self.tr("— ignore —"), mp.IGNORE)
            for n in names:
                field_box.addItem(field_label(plan.kind, n, units=True), n)
            if col.period is not None:  # a period column: which quantity it holds, or none
                field_box.clear()
                field_box.addItem(self.tr("— ignore —"), mp.IGNORE)
                for n in names:
                    f = mp.kind_field(plan.kind, n)
                    if f is not None and f.type == FieldType.NUMBER:
                        field_box.addItem(
                            self.tr("{0} of {1}").format(field_label(plan.kind, n, units=True),
                                                         col.period.label), n)
                field_box.setCurrentIndex(max(field_box.findData(col.field or mp.IGNORE), 0))
                if col.group:
                    field_box.setToolTip(self.tr("Sets every column under “{0}”").format(col.group))
                field_box.currentIndexChanged.connect(
                    lambda _i, header=col.group or col.header, box=field_box: self._on_field_changed(
                        header, box.currentData()
                    )
                )
            else:
                field_box.setCurrentIndex(max(field_box.findData(col.field or mp.IGNORE), 0))
                field_box.currentIndexChanged.connect(
                    lambda _i, header=col.header, box=field_box: self._on_field_changed(
                        header, box.currentData()
                    )
                )
            self.mapping.setCellWidget(r, 1, field_box)
            f = mp.kind_field(plan.kind, col.field) if col.field and col.field != mp.PERIOD else None
            if f is not None and f.dimension:
                unit_box = QComboBox(self.mapping)
                unit_box.setEditable(True)
                unit_box.addItems(UNITS.get(f.dimension, sorted(DIMENSIONS.get(f.dimension, {}))))
                unit_box.setCurrentText(col.unit or "")
                unit_box.setToolTip(self.tr("unit from: {0}").format(col.unit_from or self.tr("default")))
                unit_box.activated.connect(
                    lambda _i, field=col.field, box=unit_box: self._on_unit_changed(field, box.currentText())
                )
                unit_box.lineEdit().editingFinished.connect(
                    lambda field=col.field, box=unit_box: self._on_unit_changed(field, box.currentText())
                )
                self.mapping.setCellWidget(r, 2, unit_box)
            else:
                self.mapping.setItem(r, 2, _item(""))
            conf = _item(f"{col.confidence:.0%}" if col.field else "")
            conf.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if col.field and col.confidence < 0.8:
                conf.setBackground(QColor("#fff4e5"))
            self.mapping.setItem(r, 3, conf)
            how = _item(how_text(col.how, ()) if col.how else how_text(col.note, col.note_args))
            how.setToolTip(how.text())
            self.mapping.setItem(r, 4, how)
        self.mapping.resizeColumnsToContents()
        self.mapping.setColumnWidth(1, min(self.mapping.columnWidth(1), 220))
        self.mapping.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self._filling = False

    def _show_preview(self, plan: engine.SheetPlan | None) -> None:
        rows = plan.preview(20) if plan is not None else []
        keys = list(rows[0]) if rows else []
        self.preview.clear()
        self.preview.setColumnCount(len(keys))
        self.preview.setRowCount(len(rows))
        self.preview.setHorizontalHeaderLabels(
            [self.tr("Row") if k == "row" else field_label(plan.kind, k, units=True) for k in keys]
        )
        for r, row in enumerate(rows):
            for c, k in enumerate(keys):
                v = row[k]
                item = _item(
                    format_value(v, "amount")
                    if isinstance(v, float)
                    else ""
                    if v is None
                    else str(value_label(k, v))
                )
                if isinstance(v, int | float):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.preview.setItem(r, c, item)
        self.preview.resizeColumnsToContents()
        totals = plan.totals() if plan is not None else {}
        self.totals_label.setText(
            self.tr("Totals as stored: {0}").format(
                "; ".join(
                    f"{field_label(plan.kind, k, units=True)} {format_value(v, 'number')}"
                    for k, v in totals.items()
                )
            )
            if totals
            else ""
        )
        if plan is not None and plan.reconciliations:  # the sheet's own totals, each checked
            self.totals_label.setText(self.totals_label.text() + "\n" + self.tr(
                "The sheet's totals: {0}").format("; ".join(r.text() for r in plan.reconciliations)))

    def _all_problems(self) -> list[Problem]:
        return [p for plan in self.plans.values() for p in plan.all_problems]

    def _all_warnings(self) -> list[Problem]:
        return [w for plan in self.plans.values() for w in plan.all_warnings]

    def _preflight(self) -> None:
        """Every check Import makes, against the workspace (read-only), so that "0 problems"
        means Import succeeds: unknown sites, overlaps with stored rows, implausible values."""
        try:
            engine.preflight(self.ws, self.path, list(self.plans.values()))
        except GreenLedgerError as exc:
            self.status.setText(str(exc))

    def _show_problems(self, problems: list[Problem], warnings: list[Problem] = ()) -> None:
        """Problems (which stop the import), then warnings (which do not: hidden rows read,
        totals rows skipped), each a click away from its cell."""
        self.problems.clear()
        warn_icon = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        for p in problems:
            item = QListWidgetItem(p.render())
            item.setData(Qt.ItemDataRole.UserRole, p)
            self.problems.addItem(item)
        for w in warnings:
            item = QListWidgetItem(warn_icon, self.tr("Warning: {0}").format(w.render()))
            item.setData(Qt.ItemDataRole.UserRole, w)
            item.setForeground(QColor("#8a5a00"))
            self.problems.addItem(item)
        self.tabs.setTabText(
            1,
            self.tr("Problems ({0})").format(len(problems))
            if not warnings
            else self.tr("Problems ({0}), warnings ({1})").format(len(problems), len(warnings)),
        )
        self.marked_button.setEnabled(bool(problems))
        if problems:
            self.tabs.setCurrentIndex(1)

    def _on_problem_clicked(self, item: QListWidgetItem) -> None:
        """Show the problem's cell in the sheet."""
        p: Problem = item.data(Qt.ItemDataRole.UserRole)
        if p.sheet and p.sheet != self.current_sheet:
            i = self.sheet_box.findData(p.sheet)
            if i >= 0:
                self.sheet_box.setCurrentIndex(i)
        col = column_index(p.column)
        if p.row is not None and p.row - 1 < self.sheet_model.rowCount():
            index = self.sheet_model.index(p.row - 1, col if col is not None else 0)
            self.sheet_view.setCurrentIndex(index)
            self.sheet_view.scrollTo(index, QTableView.ScrollHint.PositionAtCenter)

    def save_marked(self, out: Path) -> Path:
        """The workbook with every problem's cell filled and commented (the --errors workbook)."""
        from greenledger.core.importing.error_workbook import write_error_workbook

        return write_error_workbook(self.path, self._all_problems(), out)

    def _on_marked_clicked(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        start = self.path.with_name(self.path.stem + "-problems.xlsx")
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save marked workbook"), str(start), self.tr("Excel workbooks") + " (*.xlsx *.xlsm)"
        )
        if path:
            try:
                self.save_marked(Path(path))
            except (OSError, ValueError) as exc:
                QMessageBox.warning(self, self.tr("Save marked workbook"), str(exc))

    # --- changes ------------------------------------------------------------------------------

    def _change(self, **changes) -> None:
        name = self.current_sheet
        if name is None or self._filling:
            return
        self.options[name] = replace(self.options[name], **changes)
        self._reanalyse(name)

    def _on_field_changed(self, header: str, field: str) -> None:
        plan = self.plan
        mapping = dict(self.options[self.current_sheet].mapping)
        mapping[header] = field
        kind = self.options[self.current_sheet].kind or (plan.kind if plan is not None else None)
        self._change(mapping=mapping, kind=kind)

    def _on_unit_changed(self, field: str, unit: str) -> None:
        units = dict(self.options[self.current_sheet].units)
        if unit.strip() and units.get(field) != unit.strip():
            units[field] = unit.strip()
            plan = self.plan
            kind = self.options[self.current_sheet].kind or (plan.kind if plan is not None else None)
            self._change(units=units, kind=kind)

    def _on_kind_changed(self) -> None:
        self._change(kind=self.kind_box.currentData())

    def _on_year_changed(self, year: int) -> None:
        self._change(period_year=None if year < 1900 else year)

    # --- profiles -----------------------------------------------------------------------------

    def _fill_profiles(self) -> None:
        self._filling = True
        self.profile_box.clear()
        self.profile_box.addItem(self.tr("None"), None)
        for p in profiles.kept(self.ws):
            self.profile_box.addItem(p.name, p.name)
        self._filling = False

    def _offer_profiles(self) -> None:
        """Apply, to each sheet that is not a template sheet, the kept profile its headers fit
        when it was saved for a sheet of that name; otherwise only offer it (said above the
        mapping), since a sheet of costs can have the same headers as a sheet of kWh."""
        self.offered_profile.clear()
        for name, plan in list(self.plans.items()):
            if plan.template or not plan.columns:
                continue
            profile = profiles.matching(self.ws, plan.headers)
            if profile is not None and same_sheet(profile, name):
                self._apply_profile(name, profile)
            elif profile is not None:
                self.offered_profile[name] = profile

    def _apply_profile(self, sheet: str, profile: Profile) -> None:
        self.options[sheet] = profile.options(sheet)
        self.applied_profile[sheet] = profile.name
        if sheet == self.current_sheet:
            self._filling = True
            self.profile_box.setCurrentIndex(max(self.profile_box.findData(profile.name), 0))
            self._filling = False
        self._reanalyse(sheet)

    def _on_profile_chosen(self) -> None:
        if self._filling or self.current_sheet is None:
            return
        name = self.profile_box.currentData()
        if name is None:
            self.applied_profile.pop(self.current_sheet, None)
            self.options[self.current_sheet] = engine.ImportOptions()
            self._reanalyse(self.current_sheet)
            return
        profile = profiles.kept_named(self.ws, name)
        if profile is not None:
            self._apply_profile(self.current_sheet, profile)

    def save_profile(self, name: str | None = None) -> Profile | None:
        """Keep the current sheet's mapping as a profile in the workspace (asks for a name)."""
        plan = self.plan
        if plan is None or plan.kind is None:
            return None
        if name is None:
            name, ok = QInputDialog.getText(
                self,
                self.tr("Save profile"),
                self.tr("Profile name:"),
                text=self.applied_profile.get(plan.sheet) or plan.sheet,
            )
            if not ok or not name.strip():
                return None
        profile = Profile.from_plan(plan, name.strip())
        try:
            self.ws.save_profile(profile)
        except GreenLedgerError as exc:
            QMessageBox.warning(self, self.tr("Save profile"), str(exc))
            return None
        self.applied_profile[plan.sheet] = profile.name
        self._fill_profiles()
        self._filling = True
        self.profile_box.setCurrentIndex(max(self.profile_box.findData(profile.name), 0))
        self._filling = False
        self._show_layout(plan)
        self.status.setText(self.tr("Profile “{0}” saved in this workspace").format(profile.name))
        return profile

    # --- import -------------------------------------------------------------------------------

    @property
    def busy(self) -> bool:
        """A read or an analysis is running or waiting: the plans shown may be about to change."""
        return self._worker is not None or bool(self._pending)

    def start_import(self) -> bool:
        plans = [p for p in self.plans.values() if p.importable]
        if self.busy or not plans or self.start is None:
            return False
        if not self.start(self.path, list(self.plans.values())):
            return False  # e.g. another import is running: keep the dialog and its mapping
        self.accept()
        return True


HOW = (  # ColumnPlan.how / note of the engine, shown in the app's language
    QT_TRANSLATE_NOOP("ImportAssistant", "synonym"),
    QT_TRANSLATE_NOOP("ImportAssistant", "synonym + unit"),
    QT_TRANSLATE_NOOP("ImportAssistant", "partial"),
    QT_TRANSLATE_NOOP("ImportAssistant", "explicit"),
    QT_TRANSLATE_NOOP("ImportAssistant", "template header"),
    QT_TRANSLATE_NOOP("ImportAssistant", "period header"),
    QT_TRANSLATE_NOOP("ImportAssistant", "period header + --period year"),
    QT_TRANSLATE_NOOP("ImportAssistant", "period header + year from the title"),
    QT_TRANSLATE_NOOP("ImportAssistant", "unit header"),
    QT_TRANSLATE_NOOP("ImportAssistant", "not needed"),
    QT_TRANSLATE_NOOP("ImportAssistant", "ignored as asked"),
    QT_TRANSLATE_NOOP("ImportAssistant", "money, not a quantity"),
    QT_TRANSLATE_NOOP("ImportAssistant", "under '{0}'"),
    QT_TRANSLATE_NOOP("ImportAssistant", "under '{0}'; the imported columns are under '{1}'"),
    QT_TRANSLATE_NOOP("ImportAssistant", "under no header; the imported columns are under '{0}'"),
    QT_TRANSLATE_NOOP("ImportAssistant", "period column of an unclear measure"),
    QT_TRANSLATE_NOOP("ImportAssistant", "a quarter over the month columns (their total)"),
    QT_TRANSLATE_NOOP("ImportAssistant", "a year over the month columns (their total)"),
    QT_TRANSLATE_NOOP("ImportAssistant", "a year over the quarter columns (their total)"),
    QT_TRANSLATE_NOOP("ImportAssistant", "a second column for {0}"),
    QT_TRANSLATE_NOOP("ImportAssistant", "hidden in Excel"),
)


def how_text(how: str, args: tuple = ()) -> str:
    """A ColumnPlan's how or note in the app's language, its {0}, {1} filled from `args`."""
    from PySide6.QtCore import QCoreApplication

    text = QCoreApplication.translate("ImportAssistant", how) if how else ""
    return text.format(*args) if args else text


def layout_text(layout) -> str:
    """Layout.describe() in the app's language."""
    from PySide6.QtCore import QCoreApplication

    rows = layout.header_row_numbers
    if len(rows) == 1:
        head = QCoreApplication.translate("ImportAssistant", "header row {0}").format(rows[0])
    else:
        head = QCoreApplication.translate("ImportAssistant", "header rows {0}–{1} (joined)").format(
            rows[0], rows[-1]
        )
    first, last = layout.data_rows
    shape = (
        QCoreApplication.translate("ImportAssistant", "wide: periods as columns")
        if layout.wide
        else QCoreApplication.translate("ImportAssistant", "long: one row per record")
    )
    return QCoreApplication.translate("ImportAssistant", "{0}; data rows {1}–{2}; {3}").format(
        head, first, last, shape
    )


def field_label(kind: Kind | None, name: str, units: bool = False) -> str:
    """A field as the tables show it (`Energy (kWh)` with units, else `Energy`), translated."""
    from PySide6.QtCore import QCoreApplication

    from greenledger.core.editing import header_text

    if name == mp.PERIOD:
        return QCoreApplication.translate("ImportAssistant", "Period (month, quarter or year)")
    f = mp.kind_field(kind, name) if kind is not None else None
    if f is None:
        return name
    return QCoreApplication.translate("Columns", header_text(f) if units else f.header)


def _item(text: str) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
    return item


def _kind_name(kind: Kind) -> str:
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate("Kinds", kind.value)
