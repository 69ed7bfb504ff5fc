"""Schema of a workspace file, one function per change (sqlite-utils Migrations).

Column names carry their units. Every imported row keeps its batch and source sheet and row.
Dates are ISO text (YYYY-MM-DD).
"""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

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
