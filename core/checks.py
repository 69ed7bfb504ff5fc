"""The workspace checks its own figures (`greenledger check`, View › Check workspace): every
invariant the import enforces, run over the stored data, each finding linked to its rows.

    findings = check_workspace(ws)      # -> list[Finding], errors first
    any(f.error for f in findings)       # True: some row would have been refused at import

Checks (the import's own rules, core.overlaps and core.bounds):
- overlaps: stored rows of one key whose periods share a day (energy: site, source,
  instrument; deliveries: business unit, vehicle; packaging: business unit, material), and a
  stored coarse row that is the total of stored finer rows (both counted): errors;
- bounds: own factors, delivery kg CO2e per order and initiative factors per order outside
  core.bounds.BOUNDS: errors, or warnings where the import warns; a site's month more than
  MONTH_OUTLIER × its median month: a warning;
- missing factors: a packaging material without a factor (refused at import): an error; a site
  whose region has no grid factor for a year it has energy, a delivery with a distance and no
  factor for its vehicle: warnings (their figures show "—");
- double-count suspects (core.suspects, also the summary's warnings): warnings;
- electric vehicles of a business unit without a country (core.suspects): warnings.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta

from greenledger.core.bounds import (
    ORDER_UNITS,
    Level,
    check_value,
    field_for_factor,
    month_outliers,
    month_slips,
)
from greenledger.core.errors import REASON_TEMPLATES
from greenledger.core.factors import vehicle_factor
from greenledger.core.fields import Kind, norm
from greenledger.core.i18n import QT_TRANSLATE_NOOP, translate
from greenledger.core.overlaps import OVERLAP_KEYS, Span, find_overlaps, periods_overlap, valid
from greenledger.core.periods import bound_text, instants, parse_bound
from greenledger.core.storage import TABLES, Workspace
from greenledger.core.summary import RowRef, Summary

ERROR, WARNING = "error", "warning"


@dataclass(frozen=True, slots=True)
class Finding:
    """One finding: `level` error (the import would have refused it, or it is counted twice) or
    warning; `check` the rule (overlap, total, bounds, month, missing-factor, double-count,
    vehicle-region); the English `message` with its `args` (shown through
    translate("Checks", message)); the rows it concerns."""

    level: str
    check: str
    message: str
    args: tuple[str, ...]
    rows: tuple[RowRef, ...]
    context: str = "Checks"  # the translation context of `message`

    @property
    def error(self) -> bool:
        return self.level == ERROR

    def render(self) -> str:
        return translate(self.context, self.message).format(*self.args)

    def where(self) -> str:
        return "; ".join(r.where() for r in self.rows)

    def to_json(self) -> dict:
        return {"level": self.level, "check": self.check, "message": self.render(),
                "rows": [{"table": r.table, "id": r.id, "file": r.file, "sheet": r.sheet,
                          "row": r.row} for r in self.rows]}


MESSAGES = {
    "overlap": QT_TRANSLATE_NOOP("Checks", "{0}: {1} – {2} overlaps {3} – {4}, so the same "
                                           "quantity counts twice; delete one of them"),
    "total": QT_TRANSLATE_NOOP("Checks", "{0}: {1} – {2} is the total of {3} other stored rows "
                                         "and is counted as well as them; delete the total"),
    "bounds": QT_TRANSLATE_NOOP("Checks", "{0}: {1}"),
    "month": QT_TRANSLATE_NOOP("Checks", "{0}"),
    "no-grid": QT_TRANSLATE_NOOP("Checks", "{0} {1}: no grid factor for {2}, so its Scope 2 and "
                                           "avoided emissions are not computed; add one on a "
                                           "Factors sheet"),
    "no-material": QT_TRANSLATE_NOOP("Checks", "packaging material {0} has no factor, so its "
                                               "emissions are not computed; add one on a "
                                               "Factors sheet"),
    "no-emissions": QT_TRANSLATE_NOOP("Checks", "{0} deliveries row(s) give neither Emissions nor a "
                                                "Distance with a Vehicle, so the emissions and kg "
                                                "per order of their campaigns are not computed"),
    "no-vehicle": QT_TRANSLATE_NOOP("Checks", "deliveries of {0} with vehicle {1} have a distance "
                                              "but no Emissions and no factor for the vehicle (for "
                                              "an electric one: no grid factor for its Country), "
                                              "so their campaigns' emissions and kg per order "
                                              "are not computed"),
}


def _day(v: object) -> date | None:
    """A stored bound: a date, or an instant ('2023-01-01 13:00', core.periods.parse_bound:
    an hour's row is checked as that hour, not as its whole day)."""
    if isinstance(v, date):
        return v
    if isinstance(v, str) and len(v) >= 10:
        try:
            return parse_bound(v)
        except ValueError:
            return None
    return None


def _one_month(a: date, b: date) -> date | None:
    """The first day of the month a period lies in, or None when it spans months (an hour
    ending at 1 February 00:00 lies in January)."""
    start, end = instants(a, b)
    last = end - timedelta(microseconds=1) if end > start else end
    if (start.year, start.month) != (last.year, last.month):
        return None
    return date(start.year, start.month, 1)


class _Refs:
    """RowRefs of stored rows, with their import's file name (made only for the rows a finding
    names: a workspace can hold a million rows)."""

    def __init__(self, ws: Workspace, rows: dict[Kind, list[dict]]) -> None:
        self.files = {b["id"]: b["file_name"] for b in ws.batches()}
        self.rows = rows
        self._by_id: dict[Kind, dict[int, dict]] = {}

    def __call__(self, kind: Kind, row: dict) -> RowRef:
        return RowRef(TABLES[kind], row["id"], self.files.get(row.get("batch_id")),
                      row.get("source_sheet"), row.get("source_row"))

    def of(self, kind: Kind, row_id: int) -> RowRef:
        if kind not in self._by_id:
            self._by_id[kind] = {r["id"]: r for r in self.rows[kind]}
        return self(kind, self._by_id[kind][row_id])


class _Days(dict):
    """ISO text -> date, each distinct text parsed once."""

    def __missing__(self, key: object) -> date | None:
        value = self[key] = _day(key)
        return value


def _value(kind: Kind, r: dict) -> object:
    if kind == Kind.ENERGY:
        return r["energy"]
    if kind == Kind.DELIVERIES:
        return (r["orders"], r["distance"], r["emissions"])
    return r["quantity"]


def _overlap_findings(rows: dict[Kind, list[dict]], ref: _Refs, days: _Days) -> list[Finding]:
    out = []
    for kind, fields in OVERLAP_KEYS.items():
        dated = [(days[r.get("period_start")], days[r.get("period_end")], r) for r in rows[kind]]
        dated = [(a, b, r) for a, b, r in dated if valid(a, b)]
        hits = periods_overlap((a, b) for a, b, _ in dated)  # few distinct periods: cheap
        spans = [Span(tuple(r.get(k) for k in fields), a, b, _value(kind, r), r["id"])
                 for a, b, r in dated if (a, b) in hits]
        for o in find_overlaps(spans):
            key = ", ".join(str(k) for k in o.key if k not in (None, ""))
            if o.kind == "total":
                out.append(Finding(ERROR, "total", MESSAGES["total"],
                                   (key, bound_text(o.row.start), bound_text(o.row.end),
                                    str(len(o.covered))),
                                   tuple(ref.of(kind, s.where) for s in (o.row, *o.covered))))
            else:
                out.append(Finding(ERROR, "overlap", MESSAGES["overlap"],
                                   (key, bound_text(o.row.start), bound_text(o.row.end),
                                    bound_text(o.other.start), bound_text(o.other.end)),
                                   (ref.of(kind, o.row.where), ref.of(kind, o.other.where))))
    return out


def _bound(field: str | None, value: float | None, what: str, refs: tuple[RowRef, ...],
           out: list[Finding]) -> None:
    if field is None:
        return
    found = check_value(field, value)
    if found is not None:
        level = ERROR if found.level == Level.REFUSE else WARNING
        out.append(Finding(level, "bounds", MESSAGES["bounds"], (what, found.text), refs))


def _bounds_findings(rows: dict[Kind, list[dict]], ref: _Refs, days: _Days) -> list[Finding]:
    out: list[Finding] = []
    for r in rows[Kind.FACTORS]:
        what = " ".join(str(x) for x in (r["factor"], r["region"], r["year"]) if x)
        _bound(field_for_factor(r["factor"], r["unit"]), r["value"], what,
               (ref(Kind.FACTORS, r),), out)
    for r in rows[Kind.DELIVERIES]:
        if r["emissions"] is not None and r["orders"]:
            _bound("deliveries.kg_per_order", r["emissions"] * 1000.0 / r["orders"],
                   f"{r['business_unit']} {r['campaign'] or ''}".strip(),
                   (ref(Kind.DELIVERIES, r),), out)
    for r in rows[Kind.INITIATIVES]:
        if r["factor"] is not None and norm(r["activity_unit"] or "") in ORDER_UNITS:
            _bound("factor.per_order", r["factor"], r["initiative"],
                   (ref(Kind.INITIATIVES, r),), out)
    months = []
    timed = set()  # (site, month) holding hours: a month of them may be partial
    for r in rows[Kind.ENERGY]:
        a, b = days[r["period_start"]], days[r["period_end"]]
        if valid(a, b) and (month := _one_month(a, b)) is not None:
            months.append((r["site"], month, r["energy"], r["id"]))
            if type(a) is not date:
                timed.add((r["site"], month))
    for m in month_slips([x for x in months if (x[0], x[1]) not in timed]):
        code = "month_slip" if m.factor else "month_low"
        params = {"site": m.site, "value": f"{m.value:,.0f}", "month": m.month.strftime("%Y-%m"),
                  "ratio": f"{1 / m.ratio:,.0f}", "median": f"{m.median:,.0f}"}
        if m.factor:
            params.update(unit=m.unit, fixed=f"{m.value * m.factor:,.0f}")
        text = translate("Problems", REASON_TEMPLATES[code]).format(**params)
        out.append(Finding(ERROR if m.factor else WARNING, "month", MESSAGES["month"], (text,),
                           (ref.of(Kind.ENERGY, m.where),)))
    for m in month_outliers(months):
        text = translate("Problems", REASON_TEMPLATES["month_outlier"]).format(
            site=m.site, value=f"{m.value:,.0f}", month=m.month.strftime("%Y-%m"),
            ratio=f"{m.ratio:.0f}", median=f"{m.median:,.0f}")
        out.append(Finding(WARNING, "month", MESSAGES["month"], (text,),
                           (ref.of(Kind.ENERGY, m.where),)))
    return out


def _missing_factor_findings(ws: Workspace, rows: dict[Kind, list[dict]], ref: _Refs,
                             summary: Summary, days: _Days) -> list[Finding]:
    out: list[Finding] = []
    book = ws.factor_book()
    missing = {(y.site, y.year) for y in summary.site_years
               if y.location_based_t is None and y.total_kwh}
    energy_by_site: dict[tuple[str, int], list[RowRef]] = defaultdict(list)
    if missing:
        for r in rows[Kind.ENERGY]:
            a = days[r["period_start"]]
            if a and (r["site"], a.year) in missing:
                energy_by_site[(r["site"], a.year)].append(ref(Kind.ENERGY, r))
    for y in summary.site_years:
        if (y.site, y.year) in missing:
            refs = tuple(energy_by_site.get((y.site, y.year), ()))[:20]
            out.append(Finding(WARNING, "missing-factor", MESSAGES["no-grid"],
                               (y.site, str(y.year), y.grid_region), refs))
    seen: dict[str, list[RowRef]] = defaultdict(list)
    for r in rows[Kind.PACKAGING]:
        if not book.has(r["material"]):
            seen[r["material"]].append(ref(Kind.PACKAGING, r))
    for material, refs in seen.items():
        out.append(Finding(ERROR, "missing-factor", MESSAGES["no-material"], (material,),
                           tuple(refs)))
    by_vehicle: dict[tuple[str, str, str], list[RowRef]] = defaultdict(list)
    starts = {c.name: int(c.start[:4]) for c in summary.campaigns}
    for r in rows[Kind.DELIVERIES]:
        if r["emissions"] is None and r["distance"] is not None and r["vehicle"]:
            start = days[r["period_start"]]
            year = starts.get(r["campaign"]) or (start.year if start else None)
            if vehicle_factor(book, r["vehicle"], r.get("country"), year) is None:
                key = (r["business_unit"], r["vehicle"], r.get("country") or "")
                by_vehicle[key].append(ref(Kind.DELIVERIES, r))
    no_emissions = [ref(Kind.DELIVERIES, r) for r in rows[Kind.DELIVERIES]
                    if r["emissions"] is None and (r["distance"] is None or not r["vehicle"])]
    if no_emissions:
        out.append(Finding(ERROR, "missing-factor", MESSAGES["no-emissions"],  # refused at import
                           (str(len(no_emissions)),), tuple(no_emissions)))
    for (bu, vehicle, country), refs in by_vehicle.items():
        what = f"{vehicle} ({country})" if country else vehicle
        out.append(Finding(WARNING, "missing-factor", MESSAGES["no-vehicle"], (bu, what),
                           tuple(refs)))
    return out


def check_workspace(ws: Workspace, summary: Summary | None = None) -> list[Finding]:
    """Every finding over the stored data, errors first (each list in table order)."""
    from greenledger.core.accounting import build_summary

    summary = summary if summary is not None else build_summary(ws)
    rows = {k: ws.rows(k) for k in (Kind.ENERGY, Kind.DELIVERIES, Kind.PACKAGING,
                                    Kind.INITIATIVES, Kind.FACTORS)}
    ref, days = _Refs(ws, rows), _Days()
    found = [*_overlap_findings(rows, ref, days), *_bounds_findings(rows, ref, days),
             *_missing_factor_findings(ws, rows, ref, summary, days)]
    found += [Finding(WARNING, w.code, w.message, w.args, w.rows, "Summary")
              for w in summary.warnings]
    return sorted(found, key=lambda f: f.level != ERROR)


def check_text(findings: list[Finding]) -> str:
    """The findings as lines for the command line: level, message, the rows."""
    if not findings:
        return translate("Checks", "no findings: every check passed")
    lines = []
    for f in findings:
        label = translate("Checks", "error") if f.error else translate("Checks", "warning")
        lines.append(f"{label}: {f.render()}")
        if f.rows:
            lines.append("    " + translate("Checks", "rows: {0}").format(f.where()))
    errors = sum(f.error for f in findings)
    lines.append(translate("Checks", "{0} error(s), {1} warning(s)").format(
        errors, len(findings) - errors))
    return "\n".join(lines)


__all__ = ["Finding", "check_workspace", "check_text", "ERROR", "WARNING", "MESSAGES"]
