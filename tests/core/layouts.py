"""Workspaces of an older layout, made from one of this version as that version left it (the
migration tests start from them): `as_before_m006` puts the energy table of m005 back (texts
for dates, source, instrument and sheet; the indexes energy_key, energy_batch, energy_window)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

M006 = "m006_compact_energy"
M005_ENERGY = """CREATE TABLE energy (
    id INTEGER PRIMARY KEY,
    site_id INTEGER NOT NULL REFERENCES sites(id),
    period_start TEXT NOT NULL,
    period_end TEXT NOT NULL,
    source TEXT NOT NULL,
    instrument TEXT,
    energy_kwh REAL NOT NULL CHECK (energy_kwh >= 0),
    batch_id INTEGER REFERENCES import_batches(id), source_sheet TEXT, source_row INTEGER,
    key_copy INTEGER NOT NULL DEFAULT 0,
    CHECK (period_end >= period_start))"""
M005_INDEXES = (
    "CREATE UNIQUE INDEX energy_key ON energy (site_id, period_start, source, period_end, "
    "coalesce(instrument, x''), key_copy)",
    "CREATE INDEX energy_key_copies ON energy (key_copy) WHERE key_copy > 0",
    "CREATE INDEX energy_batch ON energy (batch_id)",
    "CREATE INDEX energy_window ON energy (source, period_end)",
)


def as_before_m006(path: Path) -> None:
    con = sqlite3.connect(path)
    con.execute(M005_ENERGY.replace("TABLE energy", "TABLE energy_m005"))
    con.execute("INSERT INTO energy_m005 SELECT id, site_id, period_start, period_end, source, instrument, "
                "energy_kwh, batch_id, source_sheet, source_row, key_copy FROM energy ORDER BY id")
    con.execute("DROP VIEW energy")
    con.execute("DROP TABLE energy_rows")
    con.execute("DROP TABLE energy_labels")
    con.execute("ALTER TABLE energy_m005 RENAME TO energy")
    for sql in M005_INDEXES:
        con.execute(sql)
    con.execute("DELETE FROM _sqlite_migrations WHERE name = ?", [M006])
    con.commit()
    con.close()
