"""ImportSession: one import of one file, Qt-free, that the window and the command line both
drive (as Electrum's wizard logic is UI-free), so the same workbook with the same options or
profile gives the same plans in both (issue 12 §3).

    session = ImportSession.open(path, options, profile=None, kept=profiles.kept(ws))
    session.plans                         # a SheetPlan per sheet, in the workbook's order
    session.set_sheet_option(sheet, kind=Kind.ENERGY, units={"energy": "MWh"})  # re-analysed
    session.map_column(sheet, "用电量", "energy"); session.give_unit(sheet, "energy", "kWh")
    session.apply_profile(sheet, profile); session.include(sheet, False)
    session.preflight(ws)                 # every check Import runs; [] means Import succeeds
    result = session.import_into(ws, dry_run=False, progress=..., cancelled=...)

It holds the file read once (core.importing.source), each sheet's options, whether the sheet
is included (a tick per sheet: a refused sheet can be left out and the others imported) and
the kept-profile policy: a sheet that is not the template's and has columns takes the kept
profile whose headers it has and that was saved for a sheet of its name (applied); one saved
for another sheet name is only offered (`offered(sheet)`), never applied by itself.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from greenledger.core.errors import ImportRefused, Problem
from greenledger.core.importing import engine, memo
from greenledger.core.importing.plan import ImportOptions, SheetPlan
from greenledger.core.importing.profiles import Profile, best_match, same_sheet
from greenledger.core.importing.result import ImportResult
from greenledger.core.importing.source import Source
from greenledger.core.importing.writer import Progress


class SessionPlans(list):
    """A list of plans that keeps the ImportSession they came from."""

    __slots__ = ("session",)

    def __init__(self, plans, session: ImportSession) -> None:
        super().__init__(plans)
        self.session = session


@dataclass(slots=True)
class SheetState:
    options: ImportOptions
    plan: SheetPlan
    included: bool = True
    profile: str | None = None  # the name of the profile applied, if any
    offered: Profile | None = None  # fits the headers but was saved for another sheet
    named: bool = False  # the user picked or configured this sheet (see engine.analyse_sheet)


@dataclass(slots=True)
class ImportSession:
    source: Source
    base: ImportOptions = field(default_factory=ImportOptions)
    states: dict[str, SheetState] = field(default_factory=dict)
    # what the import memo keys an untouched session by (core.importing.memo.options_request);
    # None once a sheet's options or tick changed (then keyed by every sheet's state)
    opened_request: str | None = None
    kept: list | None = None  # the kept profiles its policy could apply, as when it was opened
    recheck: bool = False  # its import reads and checks even what the memo knows (Read Again)

    # --- opening -------------------------------------------------------------------------------

    @classmethod
    def open(cls, path: str | Path, options: ImportOptions | None = None, *,
             profile: Profile | None = None, kept: list[Profile] | None = None,
             source: Source | None = None, progress: Progress | None = None) -> ImportSession:
        """Read `path` once and analyse every sheet (or `options.sheet`). `profile`: the
        options come from it (`options`, when given too, only names the sheet); `kept`: the
        workspace's profiles, applied by the policy above to the sheets the user gave no
        options for. Raises ImportRefused for a file that cannot be read."""
        options = options or ImportOptions()
        if profile is not None:
            options = profile.options(options.sheet)
        source = source or Source.read(path, options.sheet)
        session = cls(source, options)
        named = options.sheet is not None
        for sheet in session._sheets(options.sheet):
            plan = session._analyse(sheet.name, options, named, progress)
            session.states[sheet.name] = SheetState(options, plan, named=named)
        kept_applies = profile is None and not options.explicit and bool(kept)
        if kept_applies:
            session.apply_kept(kept)
        session.kept = list(kept) if kept_applies else None
        session.opened_request = memo.options_request(options, session.kept)
        return session

    def _sheets(self, only: str | None):
        data = self.source.sheets
        if only is None:
            return data
        return [s for s in data if s.name == only] or [s for s in data if s.name.lower() == only.lower()]

    def _analyse(self, name: str, options: ImportOptions, named: bool,
                 progress: Progress | None = None) -> SheetPlan:
        with engine._gc_paused():
            return engine.analyse_sheet(self.source.sheet(name), self.source.name, options,
                                        formula_at=self.source.probe.checker(name), named=named,
                                        progress=progress)

    def apply_kept(self, kept: list[Profile]) -> list[tuple[str, Profile]]:
        """Apply the kept profiles by the policy (module doc); the (sheet, profile) applied."""
        applied = []
        for name, st in self.states.items():
            if st.plan.template or not st.plan.columns or st.profile:
                continue
            profile = best_match(kept, st.plan.headers)
            if profile is not None and same_sheet(profile, name):
                self.apply_profile(name, profile)
                applied.append((name, profile))
            elif profile is not None:
                st.offered = profile
        return applied

    # --- what the front end reads ----------------------------------------------------------------

    @property
    def path(self) -> Path:
        return self.source.path

    @property
    def file(self) -> str:
        return self.source.name

    @property
    def sheets(self):
        return self.source.sheets

    @property
    def plans(self) -> list[SheetPlan]:
        return [st.plan for st in self.states.values()]

    def plan(self, sheet: str) -> SheetPlan:
        return self.states[sheet].plan

    def options(self, sheet: str) -> ImportOptions:
        return self.states[sheet].options

    def profile(self, sheet: str) -> str | None:
        return self.states[sheet].profile

    def offered(self, sheet: str) -> Profile | None:
        return self.states[sheet].offered

    def included(self, sheet: str) -> bool:
        return self.states[sheet].included

    @property
    def included_plans(self) -> SessionPlans:
        """The ticked sheets' plans; the list knows its session (`.session`), so a front end
        that hands these plans on (the window's import runner) imports through `import_into`."""
        return SessionPlans((st.plan for st in self.states.values() if st.included), self)

    @property
    def problems(self) -> list[Problem]:
        """Every problem of the included sheets (their own and the preflight's)."""
        return [p for plan in self.included_plans for p in plan.all_problems]

    # --- what the user changes -------------------------------------------------------------------

    def set_options(self, sheet: str, options: ImportOptions, *, profile: str | None = None
                    ) -> SheetPlan:
        """Sheet `sheet` analysed again with `options` (its checks against the workspace are
        cleared: run preflight again). Returns the new plan."""
        st = self.states[sheet]
        named = st.named or options.explicit
        plan = self._analyse(sheet, options, named)
        self.states[sheet] = replace(st, options=options, plan=plan, profile=profile,
                                     named=st.named)
        self.opened_request = None
        return plan

    def set_sheet_option(self, sheet: str, **changes) -> SheetPlan:
        """One or more options of `sheet` changed (kind=, mapping=, units=, values=,
        period_year=, header_rows=, measure=, skip_hidden=), the sheet analysed again."""
        return self.set_options(sheet, replace(self.states[sheet].options, **changes))

    def apply_profile(self, sheet: str, profile: Profile | None) -> SheetPlan:
        """`profile`'s options on `sheet` (None: the sheet's own analysis, no options)."""
        if profile is None:
            return self.set_options(sheet, ImportOptions())
        return self.set_options(sheet, profile.options(sheet), profile=profile.name)

    def _kind(self, sheet: str):
        st = self.states[sheet]
        return st.options.kind or st.plan.kind

    def map_column(self, sheet: str, header: str, field_name: str) -> SheetPlan:
        """Read the column under `header` (or every period column under it) as `field_name`
        (or "ignore")."""
        mapping = {**self.states[sheet].options.mapping, header: field_name}
        return self.set_sheet_option(sheet, mapping=mapping, kind=self._kind(sheet))

    def give_unit(self, sheet: str, field_name: str, unit: str) -> SheetPlan | None:
        """`field_name`'s figures are in `unit`; None when that changes nothing."""
        units, unit = dict(self.states[sheet].options.units), unit.strip()
        if not unit or units.get(field_name) == unit:
            return None
        units[field_name] = unit
        return self.set_sheet_option(sheet, units=units, kind=self._kind(sheet))

    def give_value(self, sheet: str, field_name: str, value: str) -> SheetPlan | None:
        """Every row's `field_name` is `value` ("" to stop giving one); None when that changes
        nothing."""
        values, value = dict(self.states[sheet].options.values), value.strip()
        if values.get(field_name, "") == value:
            return None
        if value:
            values[field_name] = value
        else:
            values.pop(field_name, None)
        return self.set_sheet_option(sheet, values=values, kind=self._kind(sheet))

    def include(self, sheet: str, included: bool = True) -> None:
        """Tick (or untick) a sheet: only included sheets are checked and imported."""
        st = self.states[sheet]
        if st.included != included:
            self.opened_request = None
        st.included = included
        if not included:
            st.plan.checks, st.plan.check_warnings = [], []

    # --- checking and importing ------------------------------------------------------------------

    def preflight(self, ws) -> list[Problem]:
        """Every check Import runs, read-only against `ws`, on the included sheets; their
        problems (none: `import_into` succeeds)."""
        engine.preflight(ws, self.path, self.included_plans)
        return self.problems

    def memo_request(self) -> str | None:
        """What the import memo keys this import by (core.importing.memo), or None when it is
        not to be remembered: a workspace's import profile applied or offered (its note is
        said each time)."""
        if any(st.profile or st.offered for st in self.states.values()):
            return None
        if self.opened_request is not None:
            return self.opened_request
        return memo.sheets_request([(name, st.options, st.included, st.profile)
                                    for name, st in self.states.items()], self.kept)

    def import_into(self, ws, *, dry_run: bool = False, progress: Progress | None = None,
                    cancelled: Callable[[], bool] = lambda: False,
                    recheck: bool = False) -> ImportResult:
        """Import the included sheets as planned, all or nothing (ImportRefused listing every
        problem, nothing written). A file changed on disk since it was read is refused.
        The same file imported or checked before with the same options, the workspace
        unchanged since, is not checked again (core.importing.memo; `recheck`: it is)."""
        if self.source.changed():
            raise ImportRefused([self.source.changed_problem()])
        plans = self.included_plans
        left_out = [st.plan.sheet for st in self.states.values() if not st.included]
        request = None if dry_run else self.memo_request()
        sha = self.source.sha256
        if request is not None and not (recheck or self.recheck) and \
                (known := memo.recall(ws, self.file, sha, request)) is not None:
            return known
        started = memo.started_state(ws) if request is not None else None
        # what the checks are made against (the trusted state, where there is one, is it)
        guard = started or (memo.fingerprint(ws) if not dry_run else None)

        def skipped_of(result: ImportResult) -> list[str]:
            return [*left_out, *(s for s in result.skipped_sheets if s not in left_out)]

        def remember(result: ImportResult) -> None:  # inside the import's transaction
            if request is not None:
                result.skipped_sheets = skipped_of(result)
                memo.remember(ws, self.file, sha, request, result)

        rows = sum(len(p.parsed) for p in plans if p.parsed is not None)
        if progress is not None:
            progress(0, rows)  # the rows were read and checked in the analysis: now the write
        result = engine.import_plans(ws, self.path, plans, dry_run=dry_run, progress=progress,
                                     cancelled=cancelled, remember=remember, started=guard,
                                     sha256=sha)
        if progress is not None:
            progress(rows, rows)
        result.skipped_sheets = skipped_of(result)
        if request is not None:
            memo.remember_unchanged(ws, self.file, sha, request, result, started)
        return result
