"""View › Check workspace: every finding of core.checks over the stored data, each with the rows
it concerns (file › sheet › row); double-clicking a row shows it on its table's page. The checks
read every row (about 12 s a million rows): a worker runs them, behind a progress dialog whose
Cancel drops them."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QProgressDialog,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from greenledger.core.checks import Finding, check_workspace
from greenledger.core.errors import GreenLedgerError, error_text
from greenledger.core.fields import Kind
from greenledger.core.storage import TABLES, Workspace
from greenledger.core.summary import RowRef
from greenledger.gui.pages import DATA_PAGES, PAGES
from greenledger.gui.record_model import LazyRecordModel

ROW_REF = Qt.ItemDataRole.UserRole + 1


class CheckDialog(QDialog):
    """The findings (errors first), each expandable to its rows; a row's double click calls
    `go_to(RowRef)` (the window's page and row)."""

    def __init__(self, findings: Sequence[Finding], go_to=None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Check workspace"))
        self.resize(900, 480)
        self.findings = list(findings)
        self.go_to = go_to
        errors = sum(f.error for f in self.findings)
        if not self.findings:
            text = self.tr("No findings: every check passed.")
        else:
            text = self.tr("{0} error(s), {1} warning(s). Errors would have been refused at import "
                           "or count twice. Double-click a row to show it.").format(
                errors, len(self.findings) - errors)
        self.summary_label = QLabel(text, self)
        self.summary_label.setWordWrap(True)
        self.tree = QTreeWidget(self)
        self.tree.setHeaderLabels([self.tr("Level"), self.tr("Finding")])
        self.tree.setWordWrap(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        for f in self.findings:
            level = self.tr("error") if f.error else self.tr("warning")
            top = QTreeWidgetItem([level, f.render()])
            top.setToolTip(1, f.render())
            if f.rows:
                top.setData(0, ROW_REF, f.rows[0])
            for ref in f.rows:
                child = QTreeWidgetItem(["", ref.where()])
                child.setData(0, ROW_REF, ref)
                top.addChild(child)
            self.tree.addTopLevelItem(top)
        self.tree.setColumnWidth(0, 90)
        self.tree.itemDoubleClicked.connect(self._activated)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.tree, 1)
        layout.addWidget(buttons)

    def _activated(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        ref = item.data(0, ROW_REF)
        if ref is not None and self.go_to is not None:
            self.go_to(ref)


def go_to_row(window, ref: RowRef) -> bool:
    """Show `ref` in `window`: its table's page, the row selected and scrolled to (the Factors
    page for a factor). False when the row is not on a page (deleted since)."""
    kind = next((k for k, t in TABLES.items() if t == ref.table), None)
    pages = [k for _t, k in DATA_PAGES]
    if kind == Kind.FACTORS:
        window.sidebar.setCurrentRow(PAGES.index("Factors"))
        view = window.factors_view.workspace_view  # the workspace's own factors
    elif kind in pages:
        window.sidebar.setCurrentRow(1 + pages.index(kind))
        view = window.tables[kind]
    else:
        return False
    view.filter_edit.clear()
    if isinstance(view.model, LazyRecordModel):
        view.proxy.set_text("")  # at once, not when the filter box's pause ends
        i = view.model.position(ref.id)
        if i is None:
            return False
        index = view.proxy.mapFromSource(view.model.index(i, 0))
        view.table.selectRow(index.row())
        view.table.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)
        return True
    for i, row in enumerate(view.model.rows()):
        if row.get("id") == ref.id:
            index = view.proxy.mapFromSource(view.model.index(i, 0))
            view.table.selectRow(index.row())
            view.table.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)
            return True
    return False


def _checks(*, workspace: Path, summary, progress, cancelled) -> list[Finding]:
    with Workspace.open(workspace, create=False) as ws:
        return check_workspace(ws, summary)


def show_check_dialog(window) -> QProgressDialog:
    """Run the checks on the window's workspace in a worker, then show the findings (non-modal)
    as `window.check_dialog`; meanwhile a progress dialog whose Cancel drops the checks."""
    progress = QProgressDialog(
        QCoreApplication.translate("CheckDialog", "Checking every row of the workspace…"),
        QCoreApplication.translate("CheckDialog", "Cancel"), 0, 0, window)
    progress.setWindowTitle(QCoreApplication.translate("CheckDialog", "Check workspace"))
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.setMinimumDuration(400)
    progress.setAutoClose(False)
    background = window.models.background
    window.check_progress = progress

    def done(findings: list[Finding]) -> None:
        progress.close()
        dialog = CheckDialog(findings, lambda ref: go_to_row(window, ref), window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        window.check_dialog = dialog

    def failed(exc: Exception) -> None:
        progress.close()
        text = error_text(exc) if isinstance(exc, GreenLedgerError) else str(exc)
        QMessageBox.warning(window, QCoreApplication.translate("CheckDialog", "Check workspace"), text)

    progress.canceled.connect(lambda: background.cancel("check"))
    background.start("check", _checks, done, failed, workspace=window.workspace.path,
                     summary=window.models.summary)
    return progress
