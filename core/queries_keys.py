"""The natural keys as the workspace's UNIQUE indexes hold them (migration m005) and the SQL
text built from them: the importer's upsert, the dry run's match, a key lookup. SQL text only
(core/storage.py runs it); no Qt, no I/O.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from itertools import chain

from greenledger.core import queries_energy as qe
from greenledger.core.fields import INSTRUMENTS, SOURCES, Kind

# Table and stored columns of each kind, in the order of core.fields (name -> column).
TABLES: dict[Kind, str] = {
    Kind.SITES: "sites", Kind.CAMPAIGNS: "campaigns", Kind.ENERGY: "energy",
    Kind.DELIVERIES: "deliveries", Kind.PACKAGING: "packaging",
    Kind.INITIATIVES: "initiatives", Kind.FACTORS: "factors",
}
# the table each kind is stored in: energy's rows in energy_rows (`energy` is the view of them
# with these columns, core.queries_energy); and the table of the texts energy_rows codes
STORED: dict[Kind | str, str] = {**TABLES, Kind.ENERGY: qe.TABLE, "labels": qe.LABELS}
COLUMNS: dict[Kind, dict[str, str]] = {
    Kind.SITES: {"site": "name", "type": "type", "grid_region": "grid_region",
                 "country": "country"},
    Kind.CAMPAIGNS: {"campaign": "name", "start": "start", "end": "end",
                     "baseline": "baseline"},
    Kind.ENERGY: {"site": "site_id", "period_start": "period_start",
                  "period_end": "period_end", "source": "source", "energy": "energy_kwh",
                  "instrument": "instrument"},
    Kind.DELIVERIES: {"business_unit": "business_unit", "campaign": "campaign_id",
                      "period_start": "period_start", "period_end": "period_end",
                      "orders": "orders", "vehicle": "vehicle", "distance": "distance_km",
                      "emissions": "emissions_t_co2e", "country": "country"},
    Kind.PACKAGING: {"business_unit": "business_unit", "campaign": "campaign_id",
                     "period_start": "period_start", "period_end": "period_end",
                     "material": "material", "quantity": "quantity_kg",
                     "recycled_content": "recycled_content_pct"},
    Kind.INITIATIVES: {"initiative": "name", "business_unit": "business_unit",
                       "campaign": "campaign_id", "activity": "activity",
                       "activity_unit": "activity_unit", "factor": "factor_kg_per_unit",
                       "reduction": "reduction_t_co2e"},
    Kind.FACTORS: {"factor": "key", "region": "region", "year": "year", "value": "value",
                   "unit": "unit", "source": "source"},
}
PROVENANCE = ("batch_id", "source_sheet", "source_row")

# Each kind's natural key (core.fields SheetSpec.natural_key) as its UNIQUE index holds it
# (migration m005), in the index's order: a column that may be NULL as coalesce(column, x'') (NULL
# equal to NULL, unequal to any text or number), then key_copy (0 but for the second, third … row
# of one key that an older version let in). An upsert's ON CONFLICT names exactly these terms.
KEY_INDEX: dict[Kind, tuple[str, ...]] = {
    Kind.SITES: ("name",),
    Kind.CAMPAIGNS: ("name",),
    Kind.ENERGY: ("site_id", "period_start", "source", "period_end", "coalesce(instrument, x'')",
                  "key_copy"),
    Kind.DELIVERIES: ("business_unit", "coalesce(campaign_id, x'')", "coalesce(period_start, x'')",
                      "coalesce(period_end, x'')", "coalesce(vehicle, x'')", "key_copy"),
    Kind.PACKAGING: ("business_unit", "coalesce(campaign_id, x'')", "coalesce(period_start, x'')",
                     "coalesce(period_end, x'')", "material", "key_copy"),
    Kind.INITIATIVES: ("name", "coalesce(business_unit, x'')", "coalesce(campaign_id, x'')", "key_copy"),
    Kind.FACTORS: ("key", "region", "coalesce(year, x'')", "key_copy"),
}
KEY_COPY_KINDS = {k for k, terms in KEY_INDEX.items() if "key_copy" in terms}


def key_columns(kind: Kind) -> list[str]:
    """The stored columns of the natural key (without key_copy)."""
    return [t.removeprefix("coalesce(").split(",", 1)[0] for t in KEY_INDEX[kind] if t != "key_copy"]


def nullable_terms(kind: Kind) -> dict[str, str]:
    """column -> its coalesce(column, x'') term, for the key columns that may be NULL."""
    return {t.removeprefix("coalesce(").split(",", 1)[0]: t for t in KEY_INDEX[kind]
            if t.startswith("coalesce(")}


def value_columns(kind: Kind) -> list[str]:
    """The stored columns outside the natural key: what an upsert compares and updates."""
    keys = set(key_columns(kind))
    return [c for c in COLUMNS[kind].values() if c not in keys]


def key_terms(kind: Kind, a: str, b: str) -> list[str]:
    """`a`'s natural key equal to `b`'s, term by term as the unique index holds it (key_copy
    left out: a key held by several rows is refused before any count or write)."""
    out = []
    for t in KEY_INDEX[kind]:
        if t == "key_copy":
            continue
        if t.startswith("coalesce("):
            c = t.removeprefix("coalesce(").split(",", 1)[0]
            out.append(f"coalesce({a}.\"{c}\", x'') = coalesce({b}.\"{c}\", x'')")
        else:
            out.append(f'{a}."{t}" = {b}."{t}"')
    return out


def upsert_labels(kind: Kind, columns: Sequence[str], rows: Iterable[Sequence]
                  ) -> tuple[Iterator[Sequence], list[str]]:
    """(the rows, the texts energy_labels must hold before they are written): the sources and
    instruments of core.fields and the first row's sheet (one sheet a statement, as the
    importer writes; a text without its label is refused by the table's CHECKs, never lost)."""
    rows = iter(rows)
    if kind != Kind.ENERGY:
        return rows, []
    first = next(rows, None)
    if first is None:
        return iter(()), []
    sheet = first[list(columns).index("source_sheet")] if "source_sheet" in columns else None
    return chain((first,), rows), [*SOURCES, *INSTRUMENTS, *([sheet] if sheet else [])]


def _energy_upsert_sql(columns: Sequence[str]) -> str:
    cols = qe.encoded_columns(columns)  # the rows as core.queries_energy.row_encoder makes them
    sets = ", ".join(f"{c} = excluded.{c}" for c in cols if c not in qe.KEY)
    return (f"INSERT INTO {qe.TABLE} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))}) "
            f"ON CONFLICT ({', '.join(qe.KEY)}) DO UPDATE SET {sets} "
            "WHERE energy_kwh IS NOT excluded.energy_kwh")


def upsert_sql(kind: Kind, columns: Sequence[str]) -> str:
    """INSERT of `columns` that, on a stored natural key, updates the row only where a stored
    value differs (an unchanged row is not written: no UPDATE, no trigger, no new provenance).
    Energy: into energy_rows, of the rows core.queries_energy.row_encoder(columns) makes."""
    if kind == Kind.ENERGY:
        return _energy_upsert_sql(columns)
    table, keys = TABLES[kind], set(key_columns(kind))
    names = ", ".join(f'"{c}"' for c in columns)
    sets = ", ".join(f'"{c}" = excluded."{c}"' for c in columns if c not in keys)
    differs = " OR ".join(f'"{c}" IS NOT excluded."{c}"' for c in value_columns(kind))
    return (f"INSERT INTO {table} ({names}) VALUES ({', '.join('?' * len(columns))}) "
            f"ON CONFLICT ({', '.join(KEY_INDEX[kind])}) DO UPDATE SET {sets} WHERE {differs}")


def dry_run_sql(kind: Kind) -> tuple[str, str, str]:
    """A dry run's statements: the temporary table of the file's rows (CREATE … AS SELECT: the
    stored columns' affinities, so values convert as on insert), its INSERT, and the count of
    (rows, rows matching a stored key, those of them with a value that differs)."""
    table, cols = TABLES[kind], list(COLUMNS[kind].values())
    if kind == Kind.ENERGY:  # the rows as core.queries_energy.row_encoder(cols) makes them
        phys = qe.encoded_columns(cols)
        on = " AND ".join(f"e.{c} = t.{c}" for c in qe.KEY if c != "key_copy")
        return (f"CREATE TEMP TABLE dry_rows AS SELECT {', '.join(phys)} FROM main.{qe.TABLE} LIMIT 0",
                f"INSERT INTO temp.dry_rows VALUES ({', '.join('?' * len(phys))})",
                "SELECT count(*), count(e.id), coalesce(sum(e.id IS NOT NULL AND "
                f"e.energy_kwh IS NOT t.energy_kwh), 0) FROM temp.dry_rows t "
                f"LEFT JOIN main.{qe.TABLE} e ON {on}")
    names = ", ".join(f'"{c}"' for c in cols)
    on = " AND ".join(key_terms(kind, "e", "t"))
    differs = " OR ".join(f'e."{c}" IS NOT t."{c}"' for c in value_columns(kind)) or "0"
    return (f"CREATE TEMP TABLE dry_rows AS SELECT {names} FROM main.{table} LIMIT 0",
            f"INSERT INTO temp.dry_rows VALUES ({', '.join('?' * len(cols))})",
            f"SELECT count(*), count(e.id), coalesce(sum(e.id IS NOT NULL AND ({differs})), 0) "
            f"FROM temp.dry_rows t LEFT JOIN main.{table} e ON {on}")


def dangling_sql(kind: Kind, column: str, parent: str, to: str | None) -> str:
    """How many rows of batch `?1` of `kind` name in `column` no row of `parent` (a foreign key
    checked for the rows one statement wrote). Energy: the rows above id `?2` (inserted: an
    updated row keeps its site, a key column, and takes this batch), read by the rowid, not by
    a scan for the batch (energy_rows has no batch index)."""
    rows = "id > ?2 AND ?1 IS NOT NULL" if kind == Kind.ENERGY else "batch_id = ?1 AND ?2 IS NOT NULL"
    return (f'SELECT count(*) FROM {STORED[kind]} WHERE {rows} AND "{column}" IS NOT NULL '
            f'AND "{column}" NOT IN (SELECT "{to or "id"}" FROM {parent})')


def ids_with_sql(kind: Kind, values: dict[str, object]) -> tuple[str, list]:
    """SELECT of the ids of rows of `kind` whose stored columns hold `values` (NULL equals NULL, as
    the natural keys compare), in the terms of the unique index so that it answers: a nullable
    key column as coalesce(column, x''); energy's columns as energy_rows stores them."""
    if kind != Kind.ENERGY:
        terms = nullable_terms(kind)
        where = " AND ".join(f"{terms[c]} = coalesce(?, x'')" if c in terms else f'"{c}" IS ?'
                             for c in values)
        return f"SELECT id FROM {TABLES[kind]} WHERE {where}", list(values.values())
    parts, args = [], []
    bounds = {}
    for c in ("period_start", "period_end"):
        if c in values:
            try:
                bounds[c] = qe.bound_numbers(str(values[c])) if values[c] is not None else None
            except ValueError:
                bounds[c] = None
            if bounds[c] is None:
                return f"SELECT id FROM {qe.TABLE} WHERE 0", []  # no stored row holds it
    for c, v in values.items():
        if c == "period_start":
            parts += ["start_day = ?", "start_time = ?"]
            args += bounds[c]
        elif c == "period_end":
            day, time = bounds[c]
            if "period_start" in bounds:
                parts += ["end_span = ?", "end_time = ?"]
                args += [day - bounds["period_start"][0], time]
            else:
                parts += ["start_day + end_span = ?", "end_time = ?"]
                args += [day, time]
        elif c in ("source", "instrument", "source_sheet"):
            code = {"source": "source", "instrument": "instrument", "source_sheet": "sheet"}[c]
            none = {"instrument": "0", "source_sheet": "NULL"}.get(c, "NULL")
            parts.append(f"{code} IS coalesce((SELECT l.id FROM {qe.LABELS} l WHERE l.text = ?), "
                         f"CASE WHEN ? IS NULL THEN {none} ELSE -1 END)")
            args += [v, v]
        else:
            parts.append(f'"{c}" IS ?')
            args.append(v)
    return f"SELECT id FROM {qe.TABLE} WHERE {' AND '.join(parts) or '1'}", args
