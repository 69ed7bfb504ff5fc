"""The checks of parsed rows that need more than one cell: references to sites and campaigns
(the workspace's and the file's), the order of dates, duplicates by the natural key, plausible
values (core.bounds) and the factors a file brings. Read-only; core.importing.checks runs them
with the others before any write."""

from __future__ import annotations

from datetime import date, datetime

from greenledger.core.bounds import ORDER_UNITS, Level, check_value, field_for_factor
from greenledger.core.errors import REASON_TEMPLATES, Problem
from greenledger.core.factors import Factor, FactorBook, canonical_region
from greenledger.core.fields import SHEETS, Kind, norm
from greenledger.core.i18n import QT_TRANSLATE_NOOP
from greenledger.core.importing.file_factors import factor_from_row
from greenledger.core.importing.sheets import ParsedRow, ParsedSheet
from greenledger.core.storage import Workspace

PACKAGING_UNITS = ("g", "kg", "t")  # the units core.importing.writer.MASS_TO_KG converts

REASON_TEMPLATES.setdefault("duplicate_hour", QT_TRANSLATE_NOOP("Problems", "same {fields} as row {other_row}: the same time twice; if the file is in local time and this is the hour repeated when daylight saving ends, write each time with its UTC offset (01:00+02:00, then 01:00+01:00) and both are counted; otherwise combine the two rows"))  # noqa: E501
REASON_TEMPLATES.setdefault("duplicate_row_sheet", QT_TRANSLATE_NOOP("Problems", "same {fields} as {other_sheet} › row {other_row}: combine the two rows or tell them apart"))  # noqa: E501


def book_with_file_factors(ws: Workspace, parsed: list[ParsedSheet]) -> FactorBook:
    extra: list[Factor] = []
    for ps in parsed:
        if ps.kind == Kind.FACTORS:
            for pr in ps.rows:
                if pr.values.get("value") is not None and pr.values.get("unit"):
                    f, _ = factor_from_row(pr.values)
                    if f:
                        extra.append(f)
    return FactorBook(ws.library_factors(), ws.workspace_factors() + extra)


class RowChecker:
    """Checks that need more than one cell: references, order of dates, duplicates."""

    def __init__(self, ws: Workspace, parsed: list[ParsedSheet], book: FactorBook) -> None:
        self.sheets = list(parsed)  # several sheets may hold one kind (Energy 2022, Energy 2023)
        self.parsed = {ps.kind: ps for ps in parsed}  # the last of each kind (core.editing's use)
        self.book = book
        self.problems: list[Problem] = []
        self.warnings: list[Problem] = []
        self.sites = set(ws.site_names())
        self.campaigns = set(ws.campaign_ids())
        for kind, names, fld in ((Kind.SITES, self.sites, "site"),
                                 (Kind.CAMPAIGNS, self.campaigns, "campaign")):
            for ps in self.sheets:
                if ps.kind == kind:
                    names.update(str(v) for v in ps.columns[fld] if v)
        self._keys: dict[Kind, dict[tuple, tuple[str, int]]] = {}  # key -> (sheet, row) seen

    def bad(self, ps: ParsedSheet, pr: ParsedRow, name: str, reason: str, code: str,
            **params) -> None:
        self.problems.append(Problem(ps.file, reason, ps.sheet, pr.row, ps.label(name),
                                     pr.values.get(name), code=code, params=params))

    def check(self) -> list[Problem]:
        for ps in self.sheets:
            kind = ps.kind
            by_columns = getattr(self, f"_columns_{kind.value}", None)
            if by_columns is not None:
                by_columns(ps)
            else:
                check = getattr(self, f"_check_{kind.value}")
                for pr in ps.rows:
                    check(ps, pr)
            self._duplicates(ps)
        return self.problems

    def _period(self, ps: ParsedSheet, pr: ParsedRow, start: str, end: str) -> None:
        a, b = pr.values.get(start), pr.values.get(end)
        if isinstance(a, date) and isinstance(b, date) and b < a:
            self.bad(ps, pr, end, f"ends before it starts ({a.isoformat()})", "end_before_start",
                     start=a.isoformat())

    def _campaign_ref(self, ps: ParsedSheet, pr: ParsedRow, needs_period: bool) -> None:
        name = pr.values.get("campaign")
        if name is not None and name not in self.campaigns:
            self.bad(ps, pr, "campaign", "unknown campaign: not in the workspace or on a "
                     "Campaigns sheet", "unknown_campaign")
        if needs_period and name is None:
            a, b = pr.values.get("period_start"), pr.values.get("period_end")
            if a is None or b is None:
                missing = "period_start" if a is None else "period_end"
                self.bad(ps, pr, missing, "give a Campaign, or both Period start and Period end",
                         "campaign_or_period")
        if pr.values.get("campaign") is not None and (pr.values.get("period_start")
                                                      or pr.values.get("period_end")):
            self.bad(ps, pr, "period_start", "give either a Campaign or a period, not both",
                     "campaign_and_period")
        self._period(ps, pr, "period_start", "period_end")

    def warn(self, ps: ParsedSheet, pr: ParsedRow, name: str, reason: str, code: str,
             **params) -> None:
        self.warnings.append(Problem(ps.file, reason, ps.sheet, pr.row, ps.label(name),
                                     pr.values.get(name), code=code, params=params))

    def _check_sites(self, ps: ParsedSheet, pr: ParsedRow) -> None:
        region = pr.values.get("grid_region")
        if region and not self.book.has("grid", canonical_region(str(region))):
            # stored all the same (issue 12 "order does not matter"): figures that need the
            # factor say "no factor for …" until a Factors sheet or the library gives one
            self.warn(ps, pr, "grid_region", QT_TRANSLATE_NOOP("Problems", "no grid factor for this region yet: the site is stored, and its figures say there is no factor until one is added on a Factors sheet"),  # noqa: E501
                      "unknown_region", region=region)

    def _bound(self, ps: ParsedSheet, pr: ParsedRow, name: str, field: str | None,
               value: float | None, *, hint: bool = True) -> None:
        """Refuse or warn a value outside its plausible range (core.bounds)."""
        finding = check_value(field, value, hint=hint) if field else None
        if finding is None:
            return
        if finding.level == Level.REFUSE:
            self.bad(ps, pr, name, finding.reason, finding.code, **finding.params)
        else:
            self.warn(ps, pr, name, finding.reason, finding.code, **finding.params)

    def _check_campaigns(self, ps: ParsedSheet, pr: ParsedRow) -> None:
        self._period(ps, pr, "start", "end")
        base = pr.values.get("baseline")
        if base is not None:
            if base == pr.values.get("campaign"):
                self.bad(ps, pr, "baseline", "a campaign cannot be its own baseline",
                         "self_baseline")
            elif base not in self.campaigns:
                self.bad(ps, pr, "baseline", "unknown baseline campaign", "unknown_campaign")

    def _columns_energy(self, ps: ParsedSheet) -> None:
        """The energy checks, column-wise: energy sheets run to hundreds of thousands of rows."""
        c = ps.columns
        unknown = set(c["site"]) - self.sites - {None}
        no_instrument = ("grid", "diesel")
        for i, (site, a, b, source, instrument) in enumerate(zip(
                c["site"], c["period_start"], c["period_end"], c["source"], c["instrument"],
                strict=True)):
            if site in unknown:
                self.bad(ps, ps.row_at(i), "site", "unknown site: not in the workspace or on a "
                         "Sites sheet", "unknown_site")
            if a is not None and b is not None and b < a:
                self._period(ps, ps.row_at(i), "period_start", "period_end")
            if instrument is not None and source in no_instrument:
                self.bad(ps, ps.row_at(i), "instrument", f"{source} rows have no instrument (it "
                         "is for renewable rows only)", "instrument_not_allowed", source=source)

    def _check_deliveries(self, ps: ParsedSheet, pr: ParsedRow) -> None:
        v = pr.values
        self._campaign_ref(ps, pr, needs_period=True)
        if v.get("emissions") is None and (v.get("distance") is None or v.get("vehicle") is None):
            self.bad(ps, pr, "emissions", "give Emissions, or Distance and Vehicle",
                     "emissions_or_distance")
        orders, emissions = v.get("orders"), v.get("emissions")
        if emissions is not None and orders:
            # no slip to name: the hint would be about the header's unit, not the cell
            self._bound(ps, pr, "emissions", "deliveries.kg_per_order",
                        emissions * 1000.0 / orders, hint=False)

    def _check_packaging(self, ps: ParsedSheet, pr: ParsedRow) -> None:
        v = pr.values
        self._campaign_ref(ps, pr, needs_period=True)
        material = v.get("material")
        if material is not None and not self.book.has(str(material)):
            self.bad(ps, pr, "material", "no factor for this material in the library or the "
                     "workspace; add one on a Factors sheet", "unknown_material")
        unit = v.get("unit")
        if unit is not None and unit not in PACKAGING_UNITS:
            self.bad(ps, pr, "unit", "not g, kg or t", "unknown_unit")

    def _check_initiatives(self, ps: ParsedSheet, pr: ParsedRow) -> None:
        v = pr.values
        self._campaign_ref(ps, pr, needs_period=False)
        act, fac, red = v.get("activity"), v.get("factor"), v.get("reduction")
        if fac is not None and norm(v.get("activity_unit") or "") in ORDER_UNITS:
            col = ps.layout.column("factor")
            self._bound(ps, pr, "factor", "factor.per_order", fac,
                        hint=col is None or col.multiplier == 1.0)
        if red is None and (act is None or fac is None):
            self.bad(ps, pr, "reduction", "give Reduction, or Activity and Factor",
                     "reduction_or_activity")
        elif red is not None and act is not None and fac is not None:
            computed = act * fac / 1000.0
            if abs(computed - red) > 0.01 * max(abs(red), abs(computed)):
                self.warnings.append(Problem(
                    ps.file, f"Reduction {red:,.6g} t disagrees with Activity × Factor = "
                    f"{computed:,.6g} t by more than 1 %; the Reduction column is used",
                    ps.sheet, pr.row, ps.label("reduction"), red, code="reduction_mismatch"))

    def _check_factors(self, ps: ParsedSheet, pr: ParsedRow) -> None:
        v = pr.values
        if v.get("value") is None or not v.get("unit"):
            return
        f, err = factor_from_row(v)
        if err:
            self.bad(ps, pr, "unit", err, "unknown_unit")
            return
        if norm(v["factor"]) in ("grid", "residual") and not v.get("region"):
            self.bad(ps, pr, "region", "grid and residual factors need a region",
                     "region_required")
        if f is not None:
            written = float(v["value"])
            self._bound(ps, pr, "value", field_for_factor(f.key, f.unit), f.value,
                        hint=written == f.value)

    def _duplicates(self, ps: ParsedSheet) -> None:
        """Rows of one natural key twice: in the sheet, or in an earlier sheet of the same kind
        (both named: `Energy 2022 › row 14`)."""
        key_fields = SHEETS[ps.kind].natural_key
        keys = list(zip(*(ps.columns[k] for k in key_fields), strict=True))
        seen = self._keys.get(ps.kind)
        if seen is None:
            if sum(1 for s in self.sheets if s.kind == ps.kind) > 1:
                seen = self._keys[ps.kind] = {}
        elif not seen.keys().isdisjoint(keys):  # at C speed: most sheets share no key
            fields = ", ".join(key_fields)
            for i, key in enumerate(keys):
                if key in seen:
                    sheet, row = seen[key]
                    self.bad(ps, ps.row_at(i), key_fields[0], f"same {fields} as {sheet} › row "
                             f"{row}: combine the two rows or tell them apart",
                             "duplicate_row_sheet", other_row=row, other_sheet=sheet, fields=fields)
        if len(set(keys)) != len(keys):
            first: dict[tuple, int] = {}
            timed = ps.columns.get("period_start")
            for i, key in enumerate(keys):
                if key not in first:
                    first[key] = ps.row_numbers[i]
                    continue
                fields = ", ".join(key_fields)
                if timed is not None and isinstance(timed[i], datetime):  # an hour twice: DST?
                    params = {"other_row": first[key], "fields": fields}
                    self.bad(ps, ps.row_at(i), key_fields[0],
                             REASON_TEMPLATES["duplicate_hour"].format(**params), "duplicate_hour",
                             **params)
                    continue
                self.bad(ps, ps.row_at(i), key_fields[0], f"same {fields} as "
                         f"row {first[key]}: combine the two rows or tell them apart",
                         "duplicate_row", other_row=first[key], fields=fields)
        if seen is not None:
            for key, row in zip(keys, ps.row_numbers, strict=True):
                seen.setdefault(key, (ps.sheet, row))


_Checker = RowChecker  # the name core.editing uses
