"""The import assistant (File › Import, Ctrl+I, a dropped workbook): any analyst's workbook.

It lists the workbook's sheets, each with a tick (a refused sheet can be left out and the others
imported); shows the chosen sheet as it is, with the detected header (blue), the data block and
the rows left out (grey, with why); the mapping of each column to a field with its unit and
confidence, to change; the first rows as they will be stored and the totals; every problem, a
click away from its cell. Mappings are saved as profiles in the workspace, and the profile whose
headers a sheet has is applied by itself. The dialog drives an ImportSession
(core.importing.session), as `greenledger import` does, reading and analysing on a worker
thread; Import hands the plans of the ticked sheets to the window's import runner, so the
window and the command line agree.

The parts: gui.import_sheet_model (the sheets), gui.import_cells_model (a sheet's cells),
gui.import_mapping_model (columns → field and unit), gui.import_preview_model (rows as stored).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QItemSelectionModel, QThreadPool, Signal
from PySide6.QtWidgets import QDialog, QTableView, QWidget

from greenledger.core.errors import GreenLedgerError, ImportRefused, error_text
from greenledger.core.importing import profiles
from greenledger.core.importing.describe import intervals_text
from greenledger.core.importing.session import ImportSession
from greenledger.core.storage import Workspace
from greenledger.gui.import_dialog_layout import build, fit_columns, retranslate
from greenledger.gui.import_hints import skipped_text
from greenledger.gui.import_mapping_model import FIELD, open_editors
from greenledger.gui.import_preview_model import totals_text
from greenledger.gui.import_profiles import ProfilesMixin
from greenledger.gui.import_texts import column_index, kind_name, layout_text, transposed_text
from greenledger.gui.import_transposed import transposition
from greenledger.gui.import_values_view import site_names
from greenledger.gui.workers import Worker


class ImportAssistant(ProfilesMixin, QDialog):
    """Non-modal. Import calls `start(path, plans)` (the window's import runner) with the plans
    of the ticked sheets, which says whether the import started; the dialog closes only then."""

    analysed = Signal()  # a new plan is shown (tests wait for it)

    def __init__(self, path: Path, workspace, parent: QWidget | None = None, start=None) -> None:
        super().__init__(parent)
        self.setModal(False)
        screen = self.screen().availableGeometry()  # a laptop's 1366×768 too
        self.resize(min(1400, int(screen.width() * 0.92)), min(860, int(screen.height() * 0.9)))
        self.path = Path(path)
        self.ws = workspace
        self.session: ImportSession | None = None  # the engine's state: sheets, options, ticks
        self._worker: Worker | None = None
        self._pending: list[tuple[str, object]] = []  # (sheet, change) to make, in order
        self.start = start  # callable(path, plans) -> bool
        self._filling = False
        self._saved: dict[str, str] = {}  # sheet -> the profile saved from it here
        self._check_error: str | None = None  # why the checks against the workspace failed
        self._reread = False  # read again because the file changed after it was read
        self._build()
        self._read()

    def _read(self) -> None:
        """Read the workbook and analyse it, on the worker thread."""
        self._set_busy(self.tr("Reading {0}…").format(self.path.name))
        kept = profiles.kept(self.ws)  # read here: the workspace's connection is this thread's
        self._run(lambda progress: self._check(ImportSession.open(self.path, kept=kept,
                                                                  progress=progress)), self._on_read)

    # the session's state, as the dialog and its tests read it
    sheets = property(lambda self: self.session.sheets if self.session else [])
    plans = property(lambda self: {p.sheet: p for p in self.session.plans} if self.session else {})
    options = property(lambda self: {n: self.session.options(n) for n in self.session.states}
                       if self.session else {})

    # --- layout ---------------------------------------------------------------------------------

    def _build(self) -> None:
        build(self)
        self.sheet_list.included_changed.connect(self._on_included_changed)
        self.mapping_model.field_chosen.connect(self._on_field_changed)
        self.mapping_model.unit_chosen.connect(self._on_unit_changed)
        self.values_view.value_chosen.connect(self._on_value_changed)
        self.problems_view.problem_chosen.connect(self.show_problem)
        self.problems_view.marked_requested.connect(self._on_marked_clicked)
        self.buttons.rejected.connect(self.reject)
        self.import_button.clicked.connect(self.start_import)
        self.header_box.valueChanged.connect(
            lambda row: self._change(header_rows=[row] if row else None))
        self.sheets_view.selectionModel().currentRowChanged.connect(lambda *_: self._show_current())
        self.kind_box.currentIndexChanged.connect(
            lambda: self._change(kind=self.kind_box.currentData()))
        self.year_box.valueChanged.connect(
            lambda year: self._change(period_year=None if year < 1900 else year))
        self.skip_hidden_box.toggled.connect(lambda on: self._change(skip_hidden=on))
        self.profile_box.currentIndexChanged.connect(self._on_profile_chosen)
        self.save_profile_button.clicked.connect(lambda: self.save_profile())

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt override
        """The app's language changed (View › Language): every text in the new one."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "top_labels"):
            retranslate(self)
            if self.session is not None and not self.busy and self.isVisible():
                self._show_current()

    # --- work off the GUI thread ----------------------------------------------------------------

    def _run(self, fn, done) -> None:
        """`fn(progress)` on a pool thread, then `done(result)` here; its rows done shown."""
        worker = Worker(lambda progress, cancelled: fn(progress))
        worker.signals.succeeded.connect(done)
        worker.signals.failed.connect(self._on_failed)
        worker.signals.progress.connect(self._on_progress)
        self._worker = worker
        QThreadPool.globalInstance().start(worker)

    def _set_busy(self, text: str) -> None:
        self.status.setText(text)
        self.import_button.setEnabled(False)
        self.progress.setRange(0, 0)  # busy until the first report
        self.progress.show()

    def _on_progress(self, done: int, total: int) -> None:
        if total > 0 and done <= total:
            self.progress.setRange(0, total)
            self.progress.setValue(done)

    def _on_failed(self, exc: object) -> None:
        self._worker = None
        self._pending.clear()  # the changes waiting were made on what failed
        self.progress.hide()
        if isinstance(exc, ImportRefused):
            self.problems_view.show_problems(exc.problems)
            self.tabs.setCurrentIndex(1)
            self.status.setText(self.tr("This file cannot be imported."))
        elif isinstance(exc, GreenLedgerError):
            self.status.setText(error_text(exc))
        else:
            raise exc  # the top-level hook logs it and shows the error dialog

    def _on_read(self, session: ImportSession) -> None:
        self._worker = None
        if not self.ws.is_open():  # the window closed, or opened another workspace, meanwhile
            self.close()
            return
        self.progress.hide()
        self.session = session
        session.recheck = getattr(self, "read_again", False)  # opened by Read Again…
        self._fill_profiles()
        self._filling = True
        self.sheet_list.set_session(session)
        first = next((s.name for s in self.sheets if self.plans[s.name].importable),
                     self.sheets[0].name if self.sheets else None)
        self._filling = False
        self.show_sheet(first)
        if self._reread:  # Import was pressed on what the file held before
            self._reread = False
            self.status.setText(self.tr(
                "The file changed on disk after it was read: it was read again — check it, "
                "then Import"))

    def _submit(self, name: str, change=None) -> None:
        """Make `change(session)` (a session call that analyses sheet `name` again; None: a
        tick changed) and the checks on the worker thread, after the changes waiting."""
        if self._worker is not None:
            self._pending.append((name, change))
            return
        self._set_busy(self.tr("Analysing {0}…").format(name))
        session = self.session
        self._run(lambda _progress: self._check(session, change and change(session)),
                  self._on_reanalysed)

    def _on_reanalysed(self, _session) -> None:
        if not self.ws.is_open():
            self.close()
            return
        self._worker = None
        if self._pending:
            self._submit(*self._pending.pop(0))
            return
        self.progress.hide()
        self.sheet_list.plans_changed()
        self._show_current()

    def _check(self, session: ImportSession, _changed=None) -> ImportSession:
        """Every check Import makes, on the ticked sheets, against the workspace (read-only,
        on the worker thread's own connection), so that "0 problems" means Import succeeds."""
        try:
            with Workspace.open(self.ws.path, create=False) as ws:
                session.preflight(ws)
            self._check_error = None
        except GreenLedgerError as exc:
            self._check_error = error_text(exc)
        return session

    def _on_included_changed(self) -> None:
        self._submit(self.current_sheet or "")

    # --- showing a plan -------------------------------------------------------------------------

    @property
    def current_sheet(self) -> str | None:
        index = self.sheets_view.currentIndex()
        return self.sheet_list.names[index.row()] if index.isValid() else None

    @property
    def plan(self):
        return self.plans.get(self.current_sheet) if self.current_sheet else None

    def show_sheet(self, name: str | None) -> None:
        """Select sheet `name` in the list and show it."""
        row = self.sheet_list.row_of(name) if name else -1
        if row < 0:
            return
        self.sheets_view.selectionModel().setCurrentIndex(
            self.sheet_list.index(row, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows)
        self._show_current()

    def mapping_editor(self, row: int, column: int = FIELD):
        """The dropdown of the mapping's `row` in Field (or Unit): None where it has none."""
        return self.mapping.indexWidget(self.mapping_model.index(row, column))

    def _show_current(self) -> None:
        if self._filling or self.current_sheet is None:
            return
        name, plan = self.current_sheet, self.plan
        sheet = next((s for s in self.sheets if s.name == name), None)
        opts = self.options[name]
        view = transposition(sheet, plan, opts)
        self.sheet_model.set_sheet(sheet, plan, view)
        fit_columns(self.sheet_view, 240)
        self._filling = True
        self.kind_box.setCurrentIndex(max(self.kind_box.findData(opts.kind), 0) if opts.kind else 0)
        self.year_box.setValue(opts.period_year or 1899)
        self.header_box.setValue(opts.header_rows[0] if opts.header_rows else 0)
        self.skip_hidden_box.setChecked(opts.skip_hidden)
        self.skip_hidden_box.setVisible(bool(sheet is not None and (sheet.hidden_rows
                                                                     or sheet.hidden_cols)))
        applied = self.applied_profile.get(name)
        self.profile_box.setCurrentIndex(max(self.profile_box.findData(applied), 0) if applied else 0)
        self._filling = False
        self._show_layout(plan, view)
        self._show_mapping(plan, view)
        self.values_view.set_plan(plan, opts.values, site_names(self.ws, self.plans.values()),
                                  None if view is not None else sheet)
        display = getattr(self.parent(), "display", None)
        self.preview_model.set_plan(plan, getattr(display, "cn_units", None))
        fit_columns(self.preview, 320)
        self.totals_label.setText(totals_text(plan))
        included = self.sheet_list.included_plans()
        problems = [p for pl in included for p in pl.all_problems]
        self.problems_view.show_problems(problems, [w for pl in included for w in pl.all_warnings])
        self.tabs.setTabText(1, self.problems_view.title())
        if problems:
            self.tabs.setCurrentIndex(1)
        importable = [p for p in included if p.importable]
        rows = sum(len(p) for p in importable)
        self.import_button.setEnabled(not self.busy and bool(importable) and not problems)
        self.import_button.setText(self.tr("&Import {0} rows").format(f"{rows:,}"))
        self.status.setText(self._check_error or self.tr(
            "{0} sheet(s) to import, {1} rows; {2} problem(s)").format(
            len(importable), f"{rows:,}", len(problems)))
        if self._check_error:  # not checked: not "0 problems"
            self.import_button.setEnabled(False)
        self.analysed.emit()

    def _show_layout(self, plan, view=None) -> None:
        if plan is None:
            self.layout_label.setText("")
            return
        if plan.skipped:
            text = self.tr("Not imported: {0}").format(skipped_text(plan))
        elif plan.template:
            text = self.tr("GreenLedger template sheet ({0}): {1} rows").format(
                kind_name(plan.kind), f"{len(plan):,}")
        else:
            shape = transposed_text(view) if view is not None else (
                intervals_text(plan.intervals) if getattr(plan, "intervals", None) is not None
                else layout_text(plan.layout) if plan.layout else "")
            text = self.tr("{0} sheet, {1:.0%} sure · {2} · {3} rows").format(
                kind_name(plan.kind, title=True) if plan.kind else "?", plan.kind_confidence, shape,
                f"{len(plan):,}")
        text += self._profile_note(plan.sheet)
        self.layout_label.setText(text)

    def _show_mapping(self, plan, view=None) -> None:
        self.mapping_model.set_plan(plan, view)
        self.mapping.setEnabled(plan is not None)
        open_editors(self.mapping)

    def show_problem(self, p) -> None:
        """Show the problem's cell in the sheet."""
        if p.sheet and p.sheet != self.current_sheet:
            self.show_sheet(p.sheet)
        col = column_index(p.column)
        if p.row is not None and p.row - 1 < self.sheet_model.rowCount():
            index = self.sheet_model.index(p.row - 1, col if col is not None else 0)
            self.sheet_view.setCurrentIndex(index)
            self.sheet_view.scrollTo(index, QTableView.ScrollHint.PositionAtCenter)

    def save_marked(self, out: Path) -> Path:
        """The workbook with every problem's cell filled and commented (the --errors workbook)."""
        from greenledger.core.importing.error_workbook import write_error_workbook

        return write_error_workbook(self.path, [p for pl in self.session.plans
                                                for p in pl.all_problems], out)

    def _on_marked_clicked(self) -> None:
        self.problems_view.ask_and_save(self, self.path, self.save_marked)

    # --- changes ------------------------------------------------------------------------------

    def _change(self, **changes) -> None:
        name = self.current_sheet
        if name is None or self._filling:
            return
        self._submit(name, lambda s: s.set_sheet_option(name, **changes))

    def _on_field_changed(self, header: str, field: str) -> None:
        name = self.current_sheet
        self._submit(name, lambda s: s.map_column(name, header, field))

    def _on_unit_changed(self, field: str, unit: str) -> None:
        name = self.current_sheet
        if unit.strip() and self.session.options(name).units.get(field) != unit.strip():
            self._submit(name, lambda s: s.give_unit(name, field, unit))

    def _on_value_changed(self, field: str, value: str) -> None:
        name = self.current_sheet
        if self.session.options(name).values.get(field, "") != value.strip():
            self._submit(name, lambda s: s.give_value(name, field, value))

    # --- import -------------------------------------------------------------------------------

    @property
    def busy(self) -> bool:
        """A read or an analysis is running or waiting: the plans shown may be about to change."""
        return self._worker is not None or bool(self._pending)

    def start_import(self) -> bool:
        """Import the ticked sheets (the window's runner); False when nothing starts."""
        if self.busy or self.session is None or self.start is None:
            return False
        plans = self.session.included_plans
        if not any(p.importable for p in plans) or self.session.problems:
            return False
        if self.session.source.changed():  # saved in Excel meanwhile: read it again
            self._reread = True
            self._read()
            return False
        if not self.start(self.path, plans):
            return False  # e.g. another import is running: keep the dialog and its mapping
        self.accept()
        return True
