"""Writing parsed sheets into a workspace: the stored tuples of each row, the plan (insert,
update, unchanged by the natural key of core.fields SheetSpec.natural_key) and the one
transaction that writes a whole import or nothing. The checks before it are core.importing.importer's.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from functools import lru_cache
from itertools import repeat
from operator import itemgetter
from pathlib import Path
from typing import TYPE_CHECKING

from greenledger.core import aggregates
from greenledger.core.errors import REASON_TEMPLATES, ImportCancelled, ImportRefused, Problem
from greenledger.core.factors import canonical_region
from greenledger.core.fields import SHEETS, Kind
from greenledger.core.importing import memo
from greenledger.core.importing.file_factors import factor_from_row
from greenledger.core.importing.meters import check_replaced
from greenledger.core.importing.result import KindCounts  # noqa: F401 - imported from here too
from greenledger.core.importing.source import sha256_file
from greenledger.core.periods import bound_text
from greenledger.core.queries_keys import PROVENANCE
from greenledger.core.storage import COLUMNS, Workspace, now_iso

if TYPE_CHECKING:
    from greenledger.core.importing.result import ImportResult
    from greenledger.core.importing.sheets import ParsedSheet

Progress = Callable[[int, int], None]
MASS_TO_KG = {"g": 1e-3, "kg": 1.0, "t": 1e3}



_iso = lru_cache(maxsize=65536)(bound_text)  # few distinct dates, many rows


def iso(d: object) -> str | None:
    """A period bound as stored: '2023-01-31', or '2023-01-31 23:00' for a time (core.periods)."""
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
    f, _ = factor_from_row(v)
    return (f.key, f.region, f.year, f.value, f.unit, f.source)


def _stored_rows(ps: ParsedSheet, ids: dict[str, dict[str, int]], *prov: object) -> Iterator[tuple]:
    """Every row of a sheet as a stored tuple, then `prov` (batch id, sheet) and its row number
    when `prov` is given, made one at a time as the statement takes them (energy column-wise
    from the sheet's columns: no list of rows, no dict per row)."""
    rows: Iterator[tuple]
    if ps.kind != Kind.ENERGY:
        rows = (_stored(ps.kind, pr.values, ids) for pr in ps.rows)
        if prov:
            rows = ((*v, *prov, r) for v, r in zip(rows, ps.row_numbers, strict=True))
        return rows
    c = ps.columns
    days = {d: iso(d) for d in {*c["period_start"], *c["period_end"]}}  # few distinct dates
    cols = [map(ids["site"].__getitem__, c["site"]), map(days.__getitem__, c["period_start"]),
            map(days.__getitem__, c["period_end"]), c["source"], c["energy"], c["instrument"]]
    if prov:
        cols += [*map(repeat, prov), ps.row_numbers]
    return zip(*cols, strict=False)  # repeat() never ends; _check_lengths compared the columns


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
           cancelled: Callable[[], bool], progress: Progress | None,
           remember: Callable[[ImportResult], None] | None = None,
           started: str | None = None, sha256: str | None = None) -> None:
    class _Rollback(Exception):
        pass

    try:
        with ws.bulk_write():
            if memo.changed_since(ws, started):  # another window or process wrote meanwhile:
                raise ImportRefused([Problem(  # what was checked may no longer hold
                    path.name, REASON_TEMPLATES["workspace_changed"], code="workspace_changed")])
            batch_id = ws.insert_batch({
                "file_name": path.name, "file_path": str(path.resolve()),
                "sha256": sha256 or sha256_file(path), "sheets": ", ".join(p.sheet for p in parsed),
                "imported_at": now_iso(), "row_count": sum(len(p) for p in parsed)})
            with memo.bulk_inserts(ws):
                for ps in parsed:
                    ids = {"site": ws.site_names(), "campaign": ws.campaign_ids()}
                    _write_sheet(ws, ps, batch_id, ids, result)
                    if cancelled():
                        raise ImportCancelled()
            if result.inserted + result.updated == 0 or result.dry_run:
                raise _Rollback()
            ws.set_batch_counts(batch_id, result.inserted, result.updated, result.unchanged)
            aggregates.refresh(ws, batches=(batch_id,))  # the maintained figures, same transaction
            result.batch_id = batch_id
            if remember is not None:
                remember(result)
    except _Rollback:
        pass


def _write_sheet(ws: Workspace, ps: ParsedSheet, batch_id: int, ids: dict, result: ImportResult) -> None:
    """Upsert a sheet's rows by the natural key (Workspace.upsert_rows), counted."""
    _check_key_copies(ws, ps, ids, result, write=True)
    _check_meters(ws, ps, ids, result)
    _check_lengths(ps)
    columns = [*COLUMNS[ps.kind].values(), *PROVENANCE]
    inserted, updated = ws.upsert_rows(ps.kind, columns, _stored_rows(ps, ids, batch_id, ps.sheet),
                                       batch_id)
    counts = result.counts[ps.kind]  # added up: an import may write several sheets of one kind
    counts.rows, counts.inserted, counts.updated = counts.rows + len(ps), counts.inserted + inserted, \
        counts.updated + updated
    counts.unchanged += len(ps) - inserted - updated


def _count(ws: Workspace, parsed: list[ParsedSheet], result: ImportResult) -> None:
    """A dry run's counts (new, updated, unchanged), as the import would count them, without
    writing the workspace (Workspace.upsert_counts). Sites and campaigns of the file that are
    not stored yet get stand-in ids (negative: they match no stored row)."""
    ids = {"site": ws.site_names(), "campaign": ws.campaign_ids()}
    for ps in parsed:
        for kind, name, fld in ((Kind.SITES, "site", "site"),
                                (Kind.CAMPAIGNS, "campaign", "campaign")):
            if ps.kind == kind:
                for v in ps.columns[fld]:
                    if v is not None and v not in ids[name]:
                        ids[name][v] = -1 - len(ids[name])
    for ps in parsed:
        _check_key_copies(ws, ps, ids, result, write=False)
        _check_meters(ws, ps, ids, result)
        _check_lengths(ps)
        counts = result.counts[ps.kind]
        inserted, updated, unchanged = ws.upsert_counts(ps.kind, _stored_rows(ps, ids))
        counts.inserted, counts.updated, counts.unchanged = (counts.inserted + inserted,
                                                             counts.updated + updated,
                                                             counts.unchanged + unchanged)
        counts.rows += len(ps)


def _check_lengths(ps: ParsedSheet) -> None:
    if ps.kind == Kind.ENERGY and len({len(v) for v in ps.columns.values()} | {len(ps.row_numbers)}) > 1:
        raise ValueError(f"internal: the columns of sheet {ps.sheet!r} differ in length")


def _check_meters(ws: Workspace, ps: ParsedSheet, ids: dict, result: ImportResult) -> None:
    """Refuse a bill's rows that would change a stored figure of which the workspace cannot say
    which meters it sums (core.importing.meters.check_replaced)."""
    if problems := check_replaced(ws, ps):
        raise ImportRefused(problems, result.warnings)


def _check_key_copies(ws: Workspace, ps: ParsedSheet, ids: dict, result: ImportResult, *,
                      write: bool) -> None:
    """Refuse the rows of a natural key that several stored rows hold (an older version let
    them in; migration m005 kept them all and numbered them by key_copy): which one would the
    row replace? The refusal names the stored rows, so one can be deleted. A key one row holds
    again (the others deleted) is that row's: with `write`, its key_copy becomes 0, so the upsert
    finds it. Nearly always there are none, and this is one lookup of an empty index."""
    groups = ws.key_copy_groups(ps.kind)
    if not groups:
        return
    cols = [COLUMNS[ps.kind][k] for k in SHEETS[ps.kind].natural_key]
    held = {tuple(g[0][c] for c in cols): g for g in groups}
    problems = []
    key_of = itemgetter(*_key_positions(ps.kind))
    fields = ", ".join(SHEETS[ps.kind].natural_key)
    for i, values in enumerate(_stored_rows(ps, ids)):
        key = key_of(values) if len(cols) > 1 else (key_of(values),)
        group = held.get(key)
        if group is None or len(group) < 2:
            continue
        where = "; ".join(f"{(ws.batch(r['batch_id']) or {}).get('file_name') or 'an edit'} › "
                          f"{r['source_sheet'] or '?'} › row {r['source_row'] or '?'}" for r in group)
        pr = ps.row_at(i)
        problems.append(Problem(
            ps.file, f"{len(group)} rows of the workspace already have this {fields} ({where}), stored "
            "before duplicate rows were refused: delete all but one of them in the table, then import "
            "again", ps.sheet, pr.row, ps.label(SHEETS[ps.kind].natural_key[0]),
            pr.values.get(SHEETS[ps.kind].natural_key[0]), code="stored_duplicate",
            params={"n": len(group), "fields": fields, "rows": where}))
    if problems:
        raise ImportRefused(problems, result.warnings)
    if write:
        for group in groups:
            if len(group) == 1 and group[0]["key_copy"]:
                ws.set_key_copy(ps.kind, group[0]["id"], 0)
