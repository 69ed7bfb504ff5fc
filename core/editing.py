"""Editing a workspace in place: cell edits, pasted blocks, new rows, deletes and undoing an import.

Every edit is validated by the importer's own code: the edited rows are laid out as an in-memory
template sheet (the template's header row, then one row per edited row, as text), recognised,
parsed and cross-checked exactly as an imported sheet would be, so a refusal gives the importer's
reasons. Writes are one transaction each. A change is described as a *state*: for each row id
the full stored record after the change, or None for "no such row"; undo applies the state
captured before the change.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from greenledger.core import aggregates
from greenledger.core.errors import GreenLedgerError, ImportRefused, Problem, WorkspaceError
from greenledger.core.fields import HEADER_UNITS_BY_FIELD, SHEETS, Field, Kind
from greenledger.core.storage import COLUMNS, Workspace

EDIT_FILE = "edit"
PROVENANCE = ("batch_id", "source_sheet", "source_row")
State = dict[int, dict | None]
Cancelled = Callable[[], bool] | None  # says True once the user asked to stop (a worker's Cancel)
Progress = Callable[[int, int], None] | None  # (rows done, rows in all)
WRITE_CHUNK = 2_000  # rows written between two looks at `cancelled` (one transaction still)
LOOK_EVERY = 1_000  # rows checked between two looks at `cancelled`


class EditCancelled(GreenLedgerError):
    """The user cancelled an edit being checked or written: the transaction was rolled back,
    nothing was changed."""

    def __init__(self) -> None:
        super().__init__("cancelled; nothing was changed")


def _stop_if(cancelled: Cancelled) -> None:
    if cancelled is not None and cancelled():
        raise EditCancelled


def header_text(field: Field) -> str:
    """The template's header of a field (as core.template.header_text, which is not imported
    here because it pulls in openpyxl, a quarter of a second of the window's start-up)."""
    unit = HEADER_UNITS_BY_FIELD.get(field.name) if field.dimension else None
    return f"{field.header} ({unit})" if unit else field.header


def editable_fields(kind: Kind) -> tuple[Field, ...]:
    """The fields shown and edited in a table of `kind`; packaging quantities are kept in kg,
    so their Unit column is implied (kg) rather than shown."""
    return tuple(f for f in SHEETS[kind].fields
                 if not (kind == Kind.PACKAGING and f.name == "unit"))


def cell_text(value: object) -> str:
    """A stored value as the text a user would type for it (numbers unrounded)."""
    if value is None:
        return ""
    if isinstance(value, float):
        return format(value, ".15g")
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def row_texts(kind: Kind, row: Mapping[str, object]) -> dict[str, str]:
    """A row of Workspace.rows(kind) as field texts (packaging quantity in kg)."""
    out = {f.name: cell_text(row.get(f.name)) for f in editable_fields(kind)}
    if kind == Kind.PACKAGING:
        out["unit"] = "kg"
    return out


@dataclass(slots=True)
class Checked:
    """Rows that passed the importer's checks, as full stored records keyed by id."""

    kind: Kind
    state: State
    warnings: list[Problem] = field(default_factory=list)


def check_rows(ws: Workspace, kind: Kind, rows: Sequence[tuple[int | None, Mapping[str, str]]],
               *, cancelled: Cancelled = None, progress: Progress = None) -> Checked:
    """Validate rows given as (id or None for a new row, field texts) like an import would.

    Raises ImportRefused with every problem; a problem's `row` is the index in `rows` + 2
    (the sheet row under a header), so `problem.row - 2` finds the offending row. With
    `cancelled`, stops (EditCancelled) soon after it says True; `progress(done, len(rows))` says
    how far the check is (in rows' worth of work).
    """
    return _check_rows(ws, kind, rows, cancelled, progress or (lambda done, total: None))


def _check_rows(ws: Workspace, kind: Kind, rows, cancelled: Cancelled, progress) -> Checked:
    from greenledger.core.importing import checks_rows  # here: the window imports this module at start-up
    from greenledger.core.importing.reader import SheetData
    from greenledger.core.importing.sheets import parse_sheet, recognise

    fields = SHEETS[kind].fields
    title = SHEETS[kind].title
    table = [[header_text(f) for f in fields]]
    table += [[texts.get(f.name, "") for f in fields] for _, texts in rows]
    sheet = SheetData(title, table)
    layout = recognise(sheet, EDIT_FILE, kind)
    if layout is None:  # pragma: no cover - the template's own headers always match
        raise ImportRefused([Problem(EDIT_FILE, "internal: template headers not recognised")])
    n = len(rows)
    ps = parse_sheet(sheet, EDIT_FILE, layout)
    _stop_if(cancelled)
    progress(n * 3 // 10, n)
    problems = list(ps.problems)
    seen = {pr.row for pr in ps.rows}
    for i in range(len(rows)):
        if i + 2 not in seen:
            problems.append(Problem(EDIT_FILE, "a blank row, or a row starting with a totals "
                                    "label (Total, Sum, 合计)", title, i + 2, code="blank_row"))
    book = checks_rows.book_with_file_factors(ws, [ps])
    checker = checks_rows.RowChecker(ws, [ps], book)
    problems += checker.check()
    if problems:
        raise ImportRefused(sorted(problems, key=lambda p: (p.row or 0)), ps.warnings)
    _stop_if(cancelled)
    progress(n // 2, n)
    ids = {"site": ws.site_names(), "campaign": ws.campaign_ids()}
    state = _stored_state(ws, kind, rows, ps, ids)
    _stop_if(cancelled)
    progress(n * 6 // 10, n)
    problems = _key_collisions(ws, kind, rows, state, ps, cancelled,
                               lambda i: progress(n * 6 // 10 + i * 4 // 10, n))
    if problems:
        raise ImportRefused(problems, ps.warnings)
    return Checked(kind, state, ps.warnings + checker.warnings)


def _stored_state(ws: Workspace, kind: Kind, rows, ps, ids) -> State:
    from greenledger.core.importing import writer

    columns = list(COLUMNS[kind].values())
    old = ws.records(kind, [i for i, _ in rows if i is not None])
    next_id = ws.next_id(kind)
    state: State = {}
    for (row_id, _), pr in zip(rows, ps.rows, strict=True):
        values = writer._stored(kind, pr.values, ids)
        if row_id is None:
            row_id, next_id = next_id, next_id + 1
            prov = dict.fromkeys(PROVENANCE)
        else:
            prov = {k: old.get(row_id, {}).get(k) for k in PROVENANCE}
        state[row_id] = {"id": row_id, **dict(zip(columns, values, strict=True)), **prov}
    return state


def _key_collisions(ws: Workspace, kind: Kind, rows, state: State, ps, cancelled: Cancelled = None,
                    progress=None) -> list[Problem]:
    """Rows whose natural key another stored row already holds (the importer would merge them;
    an edit must not)."""
    from greenledger.core.importing import writer

    key_fields = SHEETS[kind].natural_key
    columns = list(COLUMNS[kind].values())
    # The importer's key (writer._existing): the stored values of the natural-key columns, as
    # they are. Asked row by row with `IS` (NULL-safe equality), not by reading the table.
    key_cols = [columns[p] for p in writer._key_positions(kind)]
    # One query a row (the natural-key indexes of migration m004 answer each from the index);
    # one read of the whole table only when the rows are a good part of it (a paste of a tenth
    # of a big table), where the dict costs less than the queries.
    existing = writer._existing(ws, kind) if len(state) > max(20, ws.count(kind) // 10) else None
    problems, own = [], set(state)  # once: a set per row made a 100,000-row paste take 10 minutes
    for i, rec in enumerate(state.values()):
        if i % LOOK_EVERY == 0 and i:
            _stop_if(cancelled)
            if progress is not None:
                progress(i)
        key = [rec[c] for c in key_cols]
        if existing is not None:
            hit = existing.get(key[0] if len(key) == 1 else tuple(key))
            hits = {hit[0]} if hit else set()
        else:
            hits = ws.ids_with(kind, dict(zip(key_cols, key, strict=True)))
        if hits - own:
            problems.append(Problem(EDIT_FILE, f"same {', '.join(key_fields)} as another row of "
                                    "the workspace: change one of them", ps.sheet, i + 2,
                                    ps.label(key_fields[0]), rows[i][1].get(key_fields[0]),
                                    code="duplicate_row"))
    return problems


def rows_by_id(ws: Workspace, kind: Kind, ids: Iterable[int]) -> list[dict]:
    """Rows as Workspace.rows(kind) gives them, only those with these ids (gui.record_model)."""
    return ws.rows_by_id(kind, ids)


def state_of(ws: Workspace, kind: Kind, ids: Iterable[int], *, cancelled: Cancelled = None) -> State:
    """The current state of rows `ids` (None for an id with no row): what undo restores. Read
    WRITE_CHUNK rows at a time (one query naming 100,000 ids takes longer than 50 that name
    2,000), looking at `cancelled` between them."""
    ids = list(ids)
    found: dict[int, dict] = {}
    for at in range(0, len(ids), WRITE_CHUNK):
        _stop_if(cancelled)
        found.update(ws.records(kind, ids[at:at + WRITE_CHUNK]))
    return {i: found.get(i) for i in ids}


def change_counts(before: State, after: State) -> tuple[int, int, int]:
    """(rows changed, rows added, rows left as they were) going from `before` to `after`."""
    added = sum(1 for i in after if before.get(i) is None and after[i] is not None)
    changed = sum(1 for i in after if before.get(i) is not None and before[i] != after[i])
    return changed, added, len(after) - added - changed


def apply_state(ws: Workspace, kind: Kind, state: State, *, cancelled: Cancelled = None,
                progress: Progress = None) -> None:
    """Make rows match `state` (insert, update or delete by id) in one transaction. A campaign
    renamed takes the campaigns that name it as their baseline along (so does its undo).

    Written WRITE_CHUNK rows at a time, the deletes first (a row put back may take the key of
    one deleted), inside the one transaction: `cancelled()` saying True between two chunks rolls
    it back (EditCancelled, nothing written); `progress(rows written, rows in all)`."""
    renames = _campaign_renames(ws, state) if kind == Kind.CAMPAIGNS else []
    order = [i for i, rec in state.items() if rec is None]
    order += [i for i, rec in state.items() if rec is not None]
    try:
        with ws.writing(), ws.atomic():  # the rows and the aggregates they touch, one transaction
            for at in range(0, len(order), WRITE_CHUNK):
                _stop_if(cancelled)
                ws.write_records(kind, {i: state[i] for i in order[at:at + WRITE_CHUNK]},
                                 renames if at == 0 else ())
                if progress is not None:
                    progress(min(at + WRITE_CHUNK, len(order)), len(order))
            _stop_if(cancelled)
            # rows written under ids they had before (an undo of a delete) are named
            aggregates.refresh(ws, ids=[i for i, r in state.items() if r is not None]
                               if kind == Kind.ENERGY else ())
    except sqlite3.IntegrityError as exc:
        raise WorkspaceError(f"the change conflicts with other rows of the workspace ({exc}); "
                             "nothing was written") from exc


def _campaign_renames(ws: Workspace, state: State) -> list[tuple[int, str, str]]:
    """(id, old name, new name) of the campaigns `state` renames."""
    old = ws.records(Kind.CAMPAIGNS, [i for i, rec in state.items() if rec is not None])
    return [(row_id, old[row_id]["name"], rec["name"]) for row_id, rec in state.items()
            if rec is not None and row_id in old and old[row_id]["name"] != rec["name"]]


# --- deleting rows ---------------------------------------------------------------------------

_DEPENDENTS = {Kind.SITES: ((Kind.ENERGY, "site_id"),),
               Kind.CAMPAIGNS: ((Kind.DELIVERIES, "campaign_id"), (Kind.PACKAGING, "campaign_id"),
                                (Kind.INITIATIVES, "campaign_id"))}


def delete_problems(ws: Workspace, kind: Kind, ids: Sequence[int]) -> list[str]:
    """Reasons the rows `ids` cannot be deleted (rows of other tables refer to them)."""
    out = []
    for rec in ws.records(kind, ids).values():
        for dep_kind, col in _DEPENDENTS.get(kind, ()):
            n = ws.count_where(dep_kind, col, rec["id"])
            if n:
                out.append(f"{rec['name']}: {n:,} {dep_kind.value} row{'s' if n != 1 else ''} "
                           "refer to it; delete or change them first")
        if kind == Kind.CAMPAIGNS:
            n = ws.count_where(Kind.CAMPAIGNS, "baseline", rec["name"])
            if n:
                out.append(f"{rec['name']}: the baseline of {n} campaign{'s' if n != 1 else ''}")
    return out


def deletion(ws: Workspace, kind: Kind, ids: Sequence[int]) -> State:
    """The state that deletes rows `ids`; raises WorkspaceError when others depend on them."""
    problems = delete_problems(ws, kind, ids)
    if problems:
        raise WorkspaceError("cannot delete: " + "; ".join(problems))
    return dict.fromkeys(ids)


# --- undoing a whole import ------------------------------------------------------------------


@dataclass(slots=True)
class BatchSnapshot:
    """An import batch and every row it wrote, as removed by delete_batch (for restore_batch)."""

    batch: dict
    rows: dict[Kind, dict[int, dict]]

    @property
    def row_count(self) -> int:
        return sum(len(r) for r in self.rows.values())


def undo_import_problems(ws: Workspace, batch_id: int) -> list[str]:
    """Reasons batch `batch_id` cannot be removed whole; empty when it can."""
    batch = ws.batch(batch_id)
    if batch is None:
        return [f"no import batch {batch_id}"]
    out = []
    if batch["updated"]:
        out.append(f"the import updated {batch['updated']:,} rows that existed before it; their earlier "
                   "values were not kept, so it cannot be undone as a whole")
    for kind, deps in _DEPENDENTS.items():
        for dep_kind, col in deps:
            n = ws.outside_references(batch_id, kind, dep_kind, col)
            if n:
                out.append(f"{n:,} {dep_kind.value} row{'s' if n != 1 else ''} from elsewhere "
                           f"refer to {kind.value} this import created")
    return out


def delete_batch(ws: Workspace, batch_id: int) -> BatchSnapshot:
    """Remove every row import batch `batch_id` wrote, and the batch, in one transaction.

    Raises WorkspaceError (nothing removed) when undo_import_problems finds a reason not to.
    """
    problems = undo_import_problems(ws, batch_id)
    if problems:
        raise WorkspaceError("cannot undo this import: " + "; ".join(problems))
    snapshot = BatchSnapshot(ws.batch(batch_id), ws.batch_records(batch_id))
    with ws.writing(), ws.atomic():
        ws.delete_batch(batch_id)
        aggregates.refresh(ws)
    return snapshot


def restore_batch(ws: Workspace, snap: BatchSnapshot) -> None:
    """Put back what delete_batch removed, in one transaction."""
    try:
        with ws.writing(), ws.atomic():
            ws.restore_batch(snap.batch, snap.rows)
            aggregates.refresh(ws, batches=(snap.batch["id"],))  # its rows' old ids come back
    except sqlite3.IntegrityError as exc:
        raise WorkspaceError(f"the import cannot be put back: rows added since conflict with it "
                             f"({exc}); nothing was written") from exc
