"""Writing parsed sheets into a workspace: the stored tuples of each row, the plan (insert,
update, unchanged by the natural key of core.fields SheetSpec.natural_key) and the one
transaction that writes a whole import or nothing. The checks before it are core.importing.importer's.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from operator import itemgetter
from pathlib import Path
from typing import TYPE_CHECKING

from greenledger.core.errors import ImportCancelled
from greenledger.core.factors import canonical_region
from greenledger.core.fields import SHEETS, Kind
from greenledger.core.storage import COLUMNS, Workspace, now_iso

if TYPE_CHECKING:
    from greenledger.core.importing.importer import ImportResult
    from greenledger.core.importing.sheets import ParsedSheet

Progress = Callable[[int, int], None]
MASS_TO_KG = {"g": 1e-3, "kg": 1.0, "t": 1e3}


@dataclass(slots=True)
class KindCounts:
    rows: int = 0
    inserted: int = 0
    updated: int = 0
    unchanged: int = 0


def sha256_of(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


@lru_cache(maxsize=65536)
def _iso(d: date) -> str:
    return d.isoformat()


def iso(d: object) -> str | None:
    return _iso(d) if isinstance(d, date) else None


def _stored(kind: Kind, v: dict, ids: dict[str, dict[str, int]]) -> tuple:
    """A parsed row's values as the stored columns of COLUMNS[kind], in that order."""

    if kind == Kind.SITES:
        return (v["site"], v.get("type"), canonical_region(v["grid_region"]), v.get("country"))
    if kind == Kind.CAMPAIGNS:
        return (v["campaign"], iso(v["start"]), iso(v["end"]), v.get("baseline"))
    if kind == Kind.ENERGY:
        return (ids["site"][v["site"]], iso(v["period_start"]), iso(v["period_end"]),
                v["source"], v["energy"], v.get("instrument"))
    camp = ids["campaign"].get(v["campaign"]) if v.get("campaign") else None
    if kind == Kind.DELIVERIES:
        return (v["business_unit"], camp, iso(v.get("period_start")), iso(v.get("period_end")),
                v["orders"], v.get("vehicle"), v.get("distance"), v.get("emissions"),
                canonical_region(v.get("country")) or None)
    if kind == Kind.PACKAGING:
        return (v["business_unit"], camp, iso(v.get("period_start")), iso(v.get("period_end")),
                v["material"], v["quantity"] * MASS_TO_KG[v["unit"]], v.get("recycled_content"))
    if kind == Kind.INITIATIVES:
        return (v["initiative"], v.get("business_unit"), camp, v.get("activity"),
                v.get("activity_unit"), v.get("factor"), v.get("reduction"))
    from greenledger.core.importing.importer import _factor_from_row  # the checks' parser too

    f, _ = _factor_from_row(v)
    return (f.key, f.region, f.year, f.value, f.unit, f.source)


def _stored_rows(ps: ParsedSheet, ids: dict[str, dict[str, int]]) -> list[tuple]:
    """Every row of a sheet as stored tuples (energy built column-wise, for speed)."""
    if ps.kind != Kind.ENERGY:
        return [_stored(ps.kind, pr.values, ids) for pr in ps.rows]
    c = ps.columns
    days = {d: iso(d) for d in {*c["period_start"], *c["period_end"]}}  # few distinct dates
    return list(zip(map(ids["site"].__getitem__, c["site"]), map(days.__getitem__, c["period_start"]),
                    map(days.__getitem__, c["period_end"]), c["source"], c["energy"], c["instrument"],
                    strict=True))


def _key_positions(kind: Kind) -> list[int]:
    names = list(COLUMNS[kind])
    return [names.index(k) for k in SHEETS[kind].natural_key]


def _existing(ws: Workspace, kind: Kind) -> dict[tuple, tuple[int, tuple]]:
    key = itemgetter(*_key_positions(kind))
    out: dict[tuple, tuple[int, tuple]] = {}
    for row in ws.stored_columns(kind, list(COLUMNS[kind].values())):
        values = tuple(row[1:])
        out[key(values)] = (row[0], values)
    return out


def _write(ws: Workspace, path: Path, parsed: list[ParsedSheet], result: ImportResult,
           cancelled: Callable[[], bool], progress: Progress | None) -> None:
    columns_of = {k: list(COLUMNS[k].values()) for k in COLUMNS}
    prov = ["batch_id", "source_sheet", "source_row"]
    class _Rollback(Exception):
        pass

    try:
        with ws.atomic():
            batch_id = ws.insert_batch({
                "file_name": path.name, "file_path": str(path.resolve()),
                "sha256": sha256_of(path), "sheets": ", ".join(p.sheet for p in parsed),
                "imported_at": now_iso(), "row_count": sum(len(p) for p in parsed)})
            for ps in parsed:
                ids = {"site": ws.site_names(), "campaign": ws.campaign_ids()}
                _write_sheet(ws, ps, batch_id, ids, columns_of[ps.kind], prov,
                             result.counts[ps.kind])
                if cancelled():
                    raise ImportCancelled()
            if result.inserted + result.updated == 0 or result.dry_run:
                raise _Rollback()
            ws.set_batch_counts(batch_id, result.inserted, result.updated, result.unchanged)
            result.batch_id = batch_id
    except _Rollback:
        pass


def _count(ws: Workspace, parsed: list[ParsedSheet], result: ImportResult) -> None:
    """A dry run's counts (new, updated, unchanged), read-only: no transaction, nothing
    written. Sites and campaigns of the file that are not stored yet get stand-in ids."""
    ids = {"site": ws.site_names(), "campaign": ws.campaign_ids()}
    for ps in parsed:
        for kind, name, fld in ((Kind.SITES, "site", "site"),
                                (Kind.CAMPAIGNS, "campaign", "campaign")):
            if ps.kind == kind:
                for v in ps.columns[fld]:
                    if v is not None and v not in ids[name]:
                        ids[name][v] = -1 - len(ids[name])
    for ps in parsed:
        _plan_sheet(ws, ps, 0, ids, result.counts[ps.kind])


def _plan_sheet(ws: Workspace, ps: ParsedSheet, batch_id: int, ids: dict, counts: KindCounts
                ) -> tuple[list[tuple], list[tuple]]:
    """The rows to insert and to update (with provenance), counted into `counts`."""
    kind = ps.kind
    existing = _existing(ws, kind)
    key_of = itemgetter(*_key_positions(kind))
    inserts, updates = [], []
    sheet = ps.sheet
    for values, row in zip(_stored_rows(ps, ids), ps.row_numbers, strict=True):
        old = existing.get(key_of(values))
        if old is None:
            inserts.append((*values, batch_id, sheet, row))
        elif old[1] != values:
            updates.append((*values, batch_id, sheet, row, old[0]))
        else:
            counts.unchanged += 1
    counts.rows = len(ps)
    counts.inserted, counts.updated = len(inserts), len(updates)
    return inserts, updates


def _write_sheet(ws: Workspace, ps: ParsedSheet, batch_id: int, ids: dict, columns: list[str],
                 prov: list[str], counts: KindCounts) -> None:
    inserts, updates = _plan_sheet(ws, ps, batch_id, ids, counts)
    ws.insert_rows(ps.kind, columns + prov, inserts)
    ws.update_rows(ps.kind, columns + prov, updates)
