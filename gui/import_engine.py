"""What the import assistant asks of the import engine, in one place: read the workbook, analyse
a sheet again with its options, run the checks Import runs (preflight) on the ticked sheets.
Plain Python (no Qt): the dialog calls it on a worker thread. The engine is
core.importing (the same as `greenledger import`)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from greenledger.core.importing import assistant as engine
from greenledger.core.importing.formulas import FormulaProbe


class EngineSession:
    """The sheets of `path`, each sheet's options (what the user chose) and plan."""

    def __init__(self, path: Path, ws) -> None:
        self.path = Path(path)
        self.ws = ws
        self.sheets: list = []
        self.plans: dict = {}
        self.options: dict = {}
        self._probe: FormulaProbe | None = None

    def read_all(self):
        """Read every sheet and analyse it (a worker thread; `loaded` takes the result)."""
        sheets = engine.read(self.path)
        return sheets, FormulaProbe(self.path), engine.analyse(self.path, sheets=sheets)

    def loaded(self, result) -> None:
        sheets, self._probe, plans = result
        self.sheets = sheets
        self.plans = {p.sheet: p for p in plans}
        self.options = {s.name: engine.ImportOptions() for s in sheets}

    def reanalyse(self, name: str):
        """Sheet `name` analysed again with its options (a worker thread; `analysed` takes
        it)."""
        sheet = next(s for s in self.sheets if s.name == name)
        opts = self.options[name]
        checker = self._probe.checker(name) if self._probe else None
        return engine.analyse_sheet(sheet, self.path.name, opts, formula_at=checker,
                                    named=opts.explicit)

    def analysed(self, plan) -> None:
        self.plans[plan.sheet] = plan

    def preflight(self, left_out: set[str] = frozenset()) -> None:
        """The checks Import runs, on the sheets not left out, against the workspace."""
        included = [p for n, p in self.plans.items() if n not in left_out]
        for n in left_out:
            if n in self.plans:
                self.plans[n].checks, self.plans[n].check_warnings = [], []
        engine.preflight(self.ws, self.path, included)

    # --- what the user changes ------------------------------------------------------------------

    def change(self, name: str, **changes) -> None:
        self.options[name] = replace(self.options[name], **changes)

    def set_options(self, name: str, options) -> None:
        self.options[name] = options

    def _kind(self, name: str):
        plan = self.plans.get(name)
        return self.options[name].kind or (plan.kind if plan is not None else None)

    def map_column(self, name: str, header: str, field: str) -> None:
        """Read the column under `header` (or every period column under it) as `field`."""
        mapping = dict(self.options[name].mapping)
        mapping[header] = field
        self.change(name, mapping=mapping, kind=self._kind(name))

    def give_unit(self, name: str, field: str, unit: str) -> bool:
        """`field`'s figures are in `unit`; False when that changes nothing."""
        units = dict(self.options[name].units)
        unit = unit.strip()
        if not unit or units.get(field) == unit:
            return False
        units[field] = unit
        self.change(name, units=units, kind=self._kind(name))
        return True

    def give_value(self, name: str, field: str, value: str) -> bool:
        """Every row's `field` is `value` ("" to stop giving one); False when that changes
        nothing."""
        values = dict(self.options[name].values)
        value = value.strip()
        if values.get(field, "") == value:
            return False
        if value:
            values[field] = value
        else:
            values.pop(field, None)
        self.change(name, values=values, kind=self._kind(name))
        return True


def skipped_text(plan) -> str:
    """Why a sheet is not imported, in the window's words."""
    from greenledger.gui.import_hints import skipped_text as text

    return text(plan)
