"""Meter and billing exports (issue 12 §2): a row per meter and billing period. Several meters
of a site in one period are summed into one energy row per site, period, source and
instrument (the workspace keeps energy per site), and said as a warning; they are not
duplicates. Rows are summed only where a meter column tells them apart: the same meter twice
in one period (or no meter column) is still refused as a duplicate.

The workspace keeps no meter identity: a stored row is one figure per site and period, the
sum of whatever meters it was imported from. So a bill with a meter column that would change
a stored figure (a re-issued bill for one of two meters) is refused naming the row, its meters
and the stored figure (`check_replaced`): replacing a two-meter sum by one meter's figure
would lose the other meter with exit 0. The parsed sheet carries each row's meters in
`columns[METERS]` ("1301, 1302") for that check."""

from __future__ import annotations

import re
from datetime import date

from greenledger.core.errors import REASON_TEMPLATES, Problem, coded_reason
from greenledger.core.fields import SHEETS, Kind
from greenledger.core.i18n import QT_TRANSLATE_NOOP
from greenledger.core.importing.codes import Aside
from greenledger.core.importing.submeters import check_levels, role_texts
from greenledger.core.importing.values import is_blank, parse_text

REASON_TEMPLATES.setdefault("meter_replaces_sum", QT_TRANSLATE_NOOP("Problems", "this row (meters {meters}: {new} kWh) would replace the {old} kWh stored for {site}, {start} to {end} (from {where}); the workspace does not keep which meters a stored figure sums, so that figure may hold other meters of {site} too: delete the stored row in the Energy table, then import the rows of every meter of {site} for this period together (add the missing meters' rows to this sheet)"))  # noqa: E501

METERS = "meter"
"""The parsed sheet's column (ParsedSheet.columns) of each row's meters, "1301, 1302", on an
energy sheet with a meter column."""

METER_HEADER = re.compile(
    r"(?<![a-z])meters?(?![a-z])|(?<![a-z])(?:mpan|mprn|nmi|esi\s*id)(?![a-z])|metering\s*point|"
    r"service\s*point|z[äa]hlpunkt|电表|表号|表计|计量点|计量表", re.IGNORECASE)
"""Words of a header naming each row's meter (`Meter No.`, `Meter ID`, `电表编号`, `计量点`; the
UK's MPAN and MPRN, Australia's NMI, Texas's ESI ID, a `Service point`, Germany's `Zählpunkt`)."""
SUPPLY_HEADER = re.compile(r"户号")
"""A State Grid bill's supply account (`户号`, `用电户号`), one per supply: each row's meter where the
bill names no meter (a site with two accounts sums them; one account twice is refused); where it
also has a meter column (an account with two meters), that column is the meter. Not `Account`:
an ERP's G/L account is no supply."""


def meter_column(plan) -> tuple[int, str] | None:
    """The (index, label) of an unmapped column naming each row's meter, if any (`Meter No.`
    before a `Meter type` or `Parent meter` beside it)."""
    for words in (METER_HEADER, SUPPLY_HEADER):
        found = [c for c in plan.columns if not c.field and c.period is None and words.search(c.header)]
        plain = [c for c in found if not ROLE_HEADER.search(c.header)
                 and not PARENT_HEADER.search(c.header)]
        if found:
            return (plain or found)[0].index, (plain or found)[0].label
    return None


def sum_meters(plan, sheet) -> None:
    """Sum the rows of several meters of one site and period in `plan.parsed` (energy)."""
    ps = plan.parsed
    if plan.kind != Kind.ENERGY or ps is None or not len(ps):
        return
    meter = meter_column(plan)
    if meter is None:
        return
    col = next(c for c in plan.columns if c.index == meter[0])
    if col.aside in (None, Aside.NOT_NEEDED):  # said as what it is, not as "not needed"
        col.aside, col.aside_args = Aside.METER, ()
    meters = []
    for row in ps.row_numbers:
        cells = sheet.rows[row - 1] if row - 1 < len(sheet.rows) else []
        v = cells[meter[0]] if meter[0] < len(cells) else None
        meters.append(None if is_blank(v) else str(parse_text(v)))
    cols = ps.columns
    cols[METERS] = list(meters)
    key_fields = SHEETS[Kind.ENERGY].natural_key
    keys = list(zip(*(cols[f] for f in key_fields), strict=True))
    texts, parents = _roles(plan, sheet, meter[0])
    ps.problems += check_levels(plan, ps, meters, texts, keys, meter[1], parents)
    groups: dict[tuple, list[int]] = {}
    for i, k in enumerate(keys):
        groups.setdefault(k, []).append(i)
    if len(groups) == len(keys):
        return  # one row per key: nothing to sum
    drop: set[int] = set()
    energy = cols["energy"]
    for k, idx in groups.items():
        if len(idx) < 2:
            continue
        names = [meters[i] for i in idx]
        if None in names or len(set(names)) < len(names) or any(energy[i] is None for i in idx):
            continue  # the same meter twice, or a meter not named: a duplicate, refused
        first = idx[0]
        energy[first] = sum(energy[i] for i in idx)
        cols[METERS][first] = ", ".join(names)
        drop |= set(idx[1:])
        rows = [ps.row_numbers[i] for i in idx]
        params = {"rows": ", ".join(map(str, rows)), "meters": ", ".join(names[:6]),
                  "site": str(k[0]), "start": str(k[1]), "end": str(k[2])}
        ps.warnings.append(Problem(plan.file, coded_reason("meters_summed", **params),
                                   plan.sheet, rows[0], meter[1], names[0],
                                   code="meters_summed", params=params))
    if not drop:
        return
    keep = [i for i in range(len(ps)) if i not in drop]
    for name in cols:
        cols[name] = [cols[name][i] for i in keep]
    ps.row_numbers = [ps.row_numbers[i] for i in keep]
    ps._rows = None


def _roles(plan, sheet, meter_index: int) -> tuple[list[str], list[str] | None]:
    """Each parsed row's words about its meter's role (the meter's name and the text of any
    other column about meters, `Meter type`, `表计类型`, or a row's type or level), and its
    parent meter where a column names it (`Parent meter`, `上级表`), else None."""
    free = [c for c in plan.columns if c.index != meter_index and not c.field and c.period is None]
    parent = next((c.index for c in free if PARENT_HEADER.search(c.header)), None)
    others = [c.index for c in free if c.index != parent
              and (METER_HEADER.search(c.header) or ROLE_HEADER.search(c.header))]
    rows = plan.parsed.row_numbers
    texts = role_texts(sheet.rows, rows, [meter_index, *others])
    return texts, (None if parent is None else role_texts(sheet.rows, rows, [parent]))


ROLE_HEADER = re.compile(r"\btype\b|\brole\b|\blevel\b|\bhierarchy\b|类型|类别|级别|层级|性质",
                         re.IGNORECASE)
PARENT_HEADER = re.compile(r"\bparent\b|\bupstream\b|\bfed\s+from\b|\bmain\s+meter\s+(?:no|id|number)"
                           r"|上级|父表|父级|所属总表|总表(?:编号|号|名称)|主表(?:编号|号)", re.IGNORECASE)
"""Headers of a column naming each row's parent meter: a row whose parent is another meter of
its site is that one's sub-meter."""


def _kwh(v: float) -> str:
    return f"{v:,.0f}" if abs(v - round(v)) < 1e-9 else f"{v:,.3f}".rstrip("0").rstrip(".")


def check_replaced(ws, ps) -> list[Problem]:
    """The rows of an energy sheet with a meter column that would change a stored figure.
    Without meter identity in storage, which meters the stored figure sums is not known:
    refused, naming the row, its meters and the stored figure with where it came from. Read
    only (the checks before an import and the writer both call it)."""
    if ps.kind != Kind.ENERGY or METERS not in ps.columns or not len(ps):
        return []
    from greenledger.core.periods import bound_text
    from greenledger.core.storage import COLUMNS

    def iso(d):
        return bound_text(d) if isinstance(d, date) else None

    names = COLUMNS[Kind.ENERGY]
    sites = ws.site_names()
    c = ps.columns
    out = []
    for i, meters in enumerate(c[METERS]):
        site = c["site"][i]
        if meters is None or site not in sites or c["energy"][i] is None:
            continue  # a row without its meter (refused elsewhere), or a site not stored yet
        values = {"site": sites[site], "period_start": iso(c["period_start"][i]),
                  "period_end": iso(c["period_end"][i]), "source": c["source"][i],
                  "instrument": c["instrument"][i]}
        ids = ws.ids_with(Kind.ENERGY, {names[k]: values[k] for k in SHEETS[Kind.ENERGY].natural_key})
        for rec in ws.records(Kind.ENERGY, ids).values():
            old, new = rec["energy_kwh"], c["energy"][i]
            if abs(old - new) <= 1e-9 * max(abs(old), abs(new), 1.0):
                continue
            batch = ws.batch(rec["batch_id"]) if rec.get("batch_id") else None
            where = (f"{batch.get('file_name') or '?'} › {rec.get('source_sheet') or '?'} › "
                     f"row {rec.get('source_row') or '?'}") if batch else "an edit in the table"
            params = {"meters": meters, "new": _kwh(new), "old": _kwh(old), "site": str(site),
                      "start": values["period_start"], "end": values["period_end"], "where": where}
            out.append(Problem(ps.file, coded_reason("meter_replaces_sum", **params), ps.sheet,
                               ps.row_numbers[i], ps.label("energy"), new,
                               code="meter_replaces_sum", params=params))
    return out
