"""The import assistant's sheets: one row per sheet of the workbook with a tick (imported or left
out), what it holds, its rows and its problems. A refused sheet can be left out (untick it) and
the others imported; a sheet that is not a table GreenLedger knows has no tick until a mapping
makes it one."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QColor

from greenledger.gui.import_texts import kind_name

NAME, KIND, ROWS, STATE = range(4)
REFUSED_FG, LEFT_OUT_FG = QColor("#b3261e"), QColor("#9e9e9e")


class SheetListModel(QAbstractTableModel):
    """The sheets of an ImportSession (core.importing.session), in the workbook's order, and
    its ticks. `included_changed` after a tick changes."""

    included_changed = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.session = None
        self.names: list[str] = []

    # --- state ----------------------------------------------------------------------------------

    def set_session(self, session) -> None:
        self.beginResetModel()
        self.session = session
        self.names = list(session.states) if session is not None else []
        self.endResetModel()

    @property
    def plans(self) -> dict:
        return {n: self.session.plan(n) for n in self.names} if self.session is not None else {}

    @property
    def left_out(self) -> set[str]:
        return {n for n in self.names if not self.session.included(n)}

    def plans_changed(self) -> None:
        """The plans were analysed again (their problems, rows or kind changed)."""
        if self.names:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.names) - 1, STATE))

    def can_import(self, name: str) -> bool:
        """Whether the sheet is something to import or to refuse (has rows or problems)."""
        plan = self.session.plan(name) if self.session is not None and name in self.names else None
        return plan is not None and (plan.importable or bool(plan.all_problems))

    def included(self, name: str) -> bool:
        return self.can_import(name) and self.session.included(name)

    def included_plans(self) -> list:
        return self.session.included_plans if self.session is not None else []

    def set_included(self, name: str, on: bool) -> None:
        if on == self.session.included(name):
            return
        self.session.include(name, on)
        row = self.names.index(name)
        self.dataChanged.emit(self.index(row, 0), self.index(row, STATE))
        self.included_changed.emit()

    def problems(self, name: str) -> int:
        """The sheet's own problems (a file's, such as two sheets of one kind: the tab lists it)."""
        plan = self.session.plan(name) if self.session is not None else None
        return sum(1 for p in plan.all_problems if p.sheet == name) if plan is not None else 0

    def row_of(self, name: str) -> int:
        return self.names.index(name) if name in self.names else -1

    # --- Qt overrides ---------------------------------------------------------------------------

    def rowCount(self, parent: QModelIndex | None = None) -> int:  # noqa: N802 - Qt override
        return 0 if parent is not None and parent.isValid() else len(self.names)

    def columnCount(self, parent: QModelIndex | None = None) -> int:  # noqa: N802 - Qt override
        return 0 if parent is not None and parent.isValid() else 4

    def flags(self, index: QModelIndex):
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.isValid() and index.column() == NAME and self.can_import(self.names[index.row()]):
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        name = self.names[index.row()]
        plan = self.session.plan(name)
        col = index.column()
        if role == Qt.ItemDataRole.UserRole:
            return name
        if role == Qt.ItemDataRole.CheckStateRole and col == NAME:
            return Qt.CheckState.Checked if self.included(name) else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(name, plan, col)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tip(name, plan)
        if role == Qt.ItemDataRole.TextAlignmentRole and col == ROWS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole:
            if not self.included(name):
                return LEFT_OUT_FG
            if col == STATE and plan is not None and self.problems(name):
                return REFUSED_FG
        return None

    def _text(self, name: str, plan, col: int) -> str:
        if col == NAME:
            return name
        if plan is None:
            return ""
        if col == KIND:
            return kind_name(plan.kind, title=True) if plan.kind is not None and not plan.skipped else ""
        if col == ROWS:
            return f"{len(plan):,}" if plan.importable else ""
        n = self.problems(name)
        if not self.can_import(name):
            return self.tr("not imported")
        if name in self.left_out:
            return self.tr("left out")
        if n:
            return self.tr("{0} problem(s)").format(f"{n:,}")
        return self.tr("ready")

    def _tip(self, name: str, plan) -> str | None:
        if plan is None:
            return None
        if not self.can_import(name):
            return self.tr("Nothing to import from this sheet: see the line above the mapping")
        if self.problems(name):
            return self.tr("Refused until its problems are put right; untick it to import the "
                           "other sheets without it")
        return self.tr("Untick to leave this sheet out of the import")

    def setData(self, index: QModelIndex, value, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if (role != Qt.ItemDataRole.CheckStateRole or index.column() != NAME
                or not self.can_import(self.names[index.row()])):
            return False
        on = Qt.CheckState(value) == Qt.CheckState.Checked if not isinstance(value, bool) else value
        self.set_included(self.names[index.row()], on)
        return True

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 - Qt override
                   role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (self.tr("Sheet"), self.tr("Kind"), self.tr("Rows"), self.tr("State"))[section]
