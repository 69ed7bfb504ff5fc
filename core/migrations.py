"""Schema of a workspace file, one function per change (sqlite-utils Migrations).

Column names carry their units. Every imported row keeps its batch and source sheet and row.
Dates are ISO text (YYYY-MM-DD), but for energy since m006: energy_rows stores day numbers and
codes (core.queries_energy), and the view `energy` shows them as the texts they were.
"""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from greenledger.core import queries_energy as qe

migrations = Migrations("greenledger")

_PROVENANCE = "batch_id INTEGER REFERENCES import_batches(id), source_sheet TEXT, source_row INTEGER"


@migrations()
def m001_initial(db: Database) -> None:
    db.executescript(f"""
    CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
    CREATE TABLE import_batches (
        id INTEGER PRIMARY KEY,
        file_name TEXT NOT NULL,
        file_path TEXT,
        sha256 TEXT NOT NULL,
        sheets TEXT NOT NULL,
        imported_at TEXT NOT NULL,
        row_count INTEGER NOT NULL,
        inserted INTEGER NOT NULL DEFAULT 0,
        updated INTEGER NOT NULL DEFAULT 0,
        unchanged INTEGER NOT NULL DEFAULT 0
    );
    CREATE TABLE sites (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        type TEXT,
        grid_region TEXT NOT NULL,
        country TEXT,
        {_PROVENANCE}
    );
    CREATE TABLE campaigns (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        start TEXT NOT NULL,
        "end" TEXT NOT NULL,
        baseline TEXT,
        {_PROVENANCE},
        CHECK ("end" >= start)
    );
    CREATE TABLE energy (
        id INTEGER PRIMARY KEY,
        site_id INTEGER NOT NULL REFERENCES sites(id),
        period_start TEXT NOT NULL,
        period_end TEXT NOT NULL,
        source TEXT NOT NULL,
        instrument TEXT,
        energy_kwh REAL NOT NULL CHECK (energy_kwh >= 0),
        {_PROVENANCE},
        CHECK (period_end >= period_start)
    );
    CREATE TABLE deliveries (
        id INTEGER PRIMARY KEY,
        business_unit TEXT NOT NULL,
        campaign_id INTEGER REFERENCES campaigns(id),
        period_start TEXT,
        period_end TEXT,
        orders REAL NOT NULL CHECK (orders >= 0),
        vehicle TEXT,
        distance_km REAL CHECK (distance_km >= 0),
        emissions_t_co2e REAL CHECK (emissions_t_co2e >= 0),
        {_PROVENANCE}
    );
    CREATE TABLE packaging (
        id INTEGER PRIMARY KEY,
        business_unit TEXT NOT NULL,
        campaign_id INTEGER REFERENCES campaigns(id),
        period_start TEXT,
        period_end TEXT,
        material TEXT NOT NULL,
        quantity_kg REAL NOT NULL CHECK (quantity_kg >= 0),
        recycled_content_pct REAL CHECK (recycled_content_pct BETWEEN 0 AND 100),
        {_PROVENANCE}
    );
    CREATE TABLE initiatives (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        business_unit TEXT,
        campaign_id INTEGER REFERENCES campaigns(id),
        activity REAL,
        activity_unit TEXT,
        factor_kg_per_unit REAL,
        reduction_t_co2e REAL,
        {_PROVENANCE}
    );
    CREATE TABLE factors (
        id INTEGER PRIMARY KEY,
        key TEXT NOT NULL,
        region TEXT NOT NULL DEFAULT '',
        year INTEGER,
        value REAL NOT NULL,
        unit TEXT NOT NULL,
        source TEXT,
        {_PROVENANCE}
    );
    CREATE TABLE library_factors (
        key TEXT NOT NULL,
        region TEXT NOT NULL DEFAULT '',
        year INTEGER,
        value REAL NOT NULL,
        unit TEXT NOT NULL,
        gas_basis TEXT,
        kind TEXT,
        quality TEXT,
        source TEXT,
        url TEXT,
        note TEXT
    );
    """)


@migrations()
def m002_import_profiles(db: Database) -> None:
    """Import profiles saved from the import assistant (JSON as in core.importing.profiles)."""
    db.executescript("""
    CREATE TABLE profiles (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        kind TEXT,
        headers TEXT NOT NULL,
        profile TEXT NOT NULL,
        saved_at TEXT NOT NULL
    );
    """)


@migrations()
def m003_delivery_country(db: Database) -> None:
    """The country a business unit delivers in (deliveries.country): an electric vehicle's
    factor follows that country's grid (issue 13)."""
    db.execute("ALTER TABLE deliveries ADD COLUMN country TEXT")


@migrations()
def m004_indexes(db: Database) -> None:
    """Indexes for the queries that run (issue 15; tests/core/test_indexes.py checks each plan):

    - each natural key (the importer's and the edit's key checks, Workspace.ids_with); for
      energy its site, period start and source (the table's own order, so it reads in order),
      which leave a row or two (one per instrument) to compare: the whole five-column key made
      the file 131 MB per million rows and a 200,000-row import's inserts 0.85 s (0.32 s bare);
    - energy (source, period_end): a campaign window's renewable rows (avoided t, the story);
    - batch_id: undoing an import looks up, deletes and restores its rows by batch;
    - campaign_id: deleting a campaign counts the rows that name it;

    Plain indexes, not UNIQUE: SQLite's UNIQUE treats NULLs as distinct, while the natural keys
    compare NULL equal (a grid row's Instrument, a row given by dates has no campaign), so UNIQUE
    would not hold the key; and a stored workspace can hold two rows of one key (edits checked a
    different key before d8fd91d; an undo in the window after `greenledger import` of the same
    rows, which does not take the window's lock), which would make this migration fail and the
    workspace not open."""
    db.executescript("""
    CREATE INDEX sites_batch ON sites (batch_id);
    CREATE INDEX campaigns_batch ON campaigns (batch_id);
    CREATE INDEX energy_natural_key ON energy (site_id, period_start, source);
    CREATE INDEX energy_batch ON energy (batch_id);
    CREATE INDEX energy_window ON energy (source, period_end);
    CREATE INDEX deliveries_natural_key
        ON deliveries (business_unit, campaign_id, period_start, period_end, vehicle);
    CREATE INDEX deliveries_campaign ON deliveries (campaign_id);
    CREATE INDEX deliveries_batch ON deliveries (batch_id);
    CREATE INDEX packaging_natural_key
        ON packaging (business_unit, campaign_id, period_start, period_end, material);
    CREATE INDEX packaging_campaign ON packaging (campaign_id);
    CREATE INDEX packaging_batch ON packaging (batch_id);
    CREATE INDEX initiatives_campaign ON initiatives (campaign_id);
    CREATE INDEX initiatives_batch ON initiatives (batch_id);
    """)


# m005: the natural key of each big table as a UNIQUE index, the statement the importer's upsert
# (INSERT … ON CONFLICT) names; core.storage.KEY_INDEX spells each index's terms the same way.
_M005_KEYS = {
    "energy": "site_id, period_start, source, period_end, coalesce(instrument, x'')",
    "deliveries": "business_unit, coalesce(campaign_id, x''), coalesce(period_start, x''), "
                  "coalesce(period_end, x''), coalesce(vehicle, x'')",
    "packaging": "business_unit, coalesce(campaign_id, x''), coalesce(period_start, x''), "
                 "coalesce(period_end, x''), material",
    "initiatives": "name, coalesce(business_unit, x''), coalesce(campaign_id, x'')",
    "factors": "key, region, coalesce(year, x'')",
}
_M005_PLAIN = {"energy": "site_id, period_start, source, period_end, instrument",
               "deliveries": "business_unit, campaign_id, period_start, period_end, vehicle",
               "packaging": "business_unit, campaign_id, period_start, period_end, material",
               "initiatives": "name, business_unit, campaign_id", "factors": "key, region, year"}


@migrations()
def m005_unique_natural_keys(db: Database) -> None:
    """A UNIQUE index on each natural key (issue 15: upsert by the database, no whole-table map).

    A key column that may be NULL is indexed as coalesce(column, x''): NULL then equals NULL, as
    the natural keys have always compared (a grid row's Instrument, a row given by dates has no
    campaign) — a plain UNIQUE would treat NULLs as distinct and let a re-import add the row
    again — and an empty blob equals no text or number a column holds, so NULL stays apart from
    '' and 0. (The other way, NOT NULL with '' for "none", would change what every reader sees.)

    A workspace may already hold two rows of one key (edits checked a different key before
    d8fd91d; an undo in the window after `greenledger import` of the same rows): no row is
    dropped or merged — that would change figures already reported. Each keeps its place and is
    counted as before; key_copy numbers the second, third … row of a key 1, 2 … (0 for all others)
    and is part of the unique index. The importer refuses rows of such a key until one of the
    stored rows is deleted, naming them (core.importing.writer).

    m004's plain natural-key indexes go: the unique ones begin with the same columns (energy) or
    answer the same lookups through their coalesce terms (Workspace.ids_with)."""
    for table, key in _M005_KEYS.items():
        db.execute(f"ALTER TABLE {table} ADD COLUMN key_copy INTEGER NOT NULL DEFAULT 0")
        db.execute(f"""
            UPDATE {table} SET key_copy = c.n FROM (
                SELECT id, row_number() OVER (PARTITION BY {_M005_PLAIN[table]} ORDER BY id) - 1 AS n
                FROM {table}) AS c
            WHERE {table}.id = c.id AND c.n > 0""")
        db.execute(f"CREATE UNIQUE INDEX {table}_key ON {table} ({key}, key_copy)")
        db.execute(f"CREATE INDEX {table}_key_copies ON {table} (key_copy) WHERE key_copy > 0")
    for table in ("energy", "deliveries", "packaging"):  # one transaction: no executescript (it commits)
        db.execute(f"DROP INDEX {table}_natural_key")


# m006: the compact energy layout (core.queries_energy). The vocabulary as it was when m006 was
# written, sorted (binary), so that the codes of a source or an instrument sort as its text does.
_M006_SOURCES = ("biomass", "diesel", "geothermal", "grid", "hydro", "solar", "wind")
_M006_INSTRUMENTS = ("PPA", "certificate", "green power trade", "on-site")


def _m006_energy_sql() -> list[str]:
    """The statements that make energy_labels, energy_rows with its indexes, and the view
    `energy` with its INSTEAD OF triggers (also what a new workspace gets)."""
    bad = "'{}: not a date (YYYY-MM-DD) or a time (YYYY-MM-DD HH:MM[:SS]) that reads back the same'"
    new = {c: f"NEW.{c}" for c in qe.VIEW_COLUMNS}
    enc = qe.encoded(new)
    enc["key_copy"] = "coalesce(NEW.key_copy, 0)"
    checks = "".join(f"SELECT RAISE(ABORT, {bad.format('energy.' + c)}) "
                     f"WHERE {qe.round_trip_fails('NEW.' + c)}; " for c in ("period_start", "period_end"))
    labels = ("INSERT OR IGNORE INTO energy_labels (text) SELECT x FROM (SELECT NEW.source AS x "
              "UNION ALL SELECT NEW.instrument UNION ALL SELECT NEW.source_sheet) WHERE x IS NOT NULL; ")
    cols = [c for c in qe.PHYSICAL if c in enc]
    view = ", ".join(f"{expr} AS {col}" for col, expr in qe.decoded("e").items())
    return [
        """CREATE TABLE energy_rows (
            id INTEGER PRIMARY KEY,
            site_id INTEGER NOT NULL REFERENCES sites(id),
            start_day INTEGER NOT NULL,
            start_time INTEGER NOT NULL DEFAULT 0 CHECK (start_time BETWEEN 0 AND 86400),
            end_span INTEGER NOT NULL CHECK (end_span >= 0),
            end_time INTEGER NOT NULL DEFAULT 0 CHECK (end_time BETWEEN 0 AND 86400),
            source INTEGER NOT NULL CHECK (source >= 1),
            instrument INTEGER NOT NULL DEFAULT 0 CHECK (instrument >= 0),
            energy_kwh REAL NOT NULL CHECK (energy_kwh >= 0),
            batch_id INTEGER REFERENCES import_batches(id),
            sheet INTEGER CHECK (sheet >= 1),
            source_row INTEGER,
            key_copy INTEGER NOT NULL DEFAULT 0,
            CHECK (end_span > 0 OR end_time >= start_time))""",
        f"CREATE VIEW energy AS SELECT {view} FROM energy_rows e",
        f"""CREATE TRIGGER energy_insert INSTEAD OF INSERT ON energy BEGIN {checks}{labels}
            INSERT INTO energy_rows ({', '.join(cols)}) VALUES ({', '.join(enc[c] for c in cols)}); END""",
        f"""CREATE TRIGGER energy_update INSTEAD OF UPDATE ON energy BEGIN {checks}{labels}
            UPDATE energy_rows SET {', '.join(f'{c} = {enc[c]}' for c in cols)} WHERE id = OLD.id; END""",
        "CREATE TRIGGER energy_delete INSTEAD OF DELETE ON energy BEGIN "
        "DELETE FROM energy_rows WHERE id = OLD.id; END",
        f"CREATE UNIQUE INDEX energy_key ON energy_rows ({', '.join(qe.KEY)})",
        "CREATE INDEX energy_key_copies ON energy_rows (key_copy) WHERE key_copy > 0",
    ]


@migrations()
def m006_compact_energy(db: Database) -> None:
    """The compact energy layout (issue 15: the file from 143 toward 30 MB per million rows):
    energy_rows with bounds as day numbers and times, source, instrument and sheet as codes of
    energy_labels (core.queries_energy says how each is stored); the view `energy` keeps today's
    columns for every reader. Every row keeps its id, values and provenance; a bound whose text
    would not read back the same refuses the migration (nothing changed; the backup is kept).

    energy_window and energy_batch go (37 of 141 bytes a row): a campaign window's rows are read
    through the unique key (each site's rows from the window's first day less the longest row's
    span), and an import's rows by their ids (new rows) and the update trigger; only undoing an
    import looks for its rows by batch, in one scan."""
    bad = list(db.execute(
        "SELECT id, period_start, period_end FROM energy o "
        f"WHERE {qe.round_trip_fails('o.period_start')} OR {qe.round_trip_fails('o.period_end')} "
        "ORDER BY id LIMIT 3"))
    if bad:
        raise ValueError("energy rows whose period this version cannot store in its compact layout "
                         "(not a date YYYY-MM-DD or a time YYYY-MM-DD HH:MM): "
                         + "; ".join(f"id {i}: {a!r} to {z!r}" for i, a, z in bad))
    db.execute("CREATE TABLE energy_labels (id INTEGER PRIMARY KEY, text TEXT NOT NULL UNIQUE)")
    for text in (*_M006_SOURCES, *_M006_INSTRUMENTS):
        db.execute("INSERT OR IGNORE INTO energy_labels (text) VALUES (?)", [text])
    db.execute("INSERT OR IGNORE INTO energy_labels (text) SELECT x FROM ("
               "SELECT source AS x FROM energy UNION SELECT instrument FROM energy "
               "UNION SELECT source_sheet FROM energy) WHERE x IS NOT NULL ORDER BY x")
    statements = _m006_energy_sql()
    db.execute(statements[0])
    enc = qe.encoded({c: f"o.{c}" for c in qe.VIEW_COLUMNS})
    cols = [c for c in qe.PHYSICAL if c in enc]
    db.execute(f"INSERT INTO energy_rows ({', '.join(cols)}) "
               f"SELECT {', '.join(enc[c] for c in cols)} FROM energy o ORDER BY o.id")
    db.execute("DROP TABLE energy")  # with its indexes and the aggregates' triggers
    for sql in statements[1:]:
        db.execute(sql)
    db.execute("DELETE FROM meta WHERE key = 'aggregates'")  # core.aggregates rebuilds them
