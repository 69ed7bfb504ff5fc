"""Named SQL of the maintained aggregates (core.aggregates): the agg_* tables, the triggers that
log every changed energy or campaign row into agg_dirty, and the reads and refreshes of each
group. SQL text only (registered with core.queries.register on import).

Period texts are ISO: a date (2024-01-31, a whole day) or a timestamp (2024-01-31 05:00). A
bound `:before` is the day after a window's last day, so `period_start < :before` holds for a
timestamp on the window's last day too.
"""

from __future__ import annotations

from greenledger.core.queries import register

_NAMES = ("agg_energy_delete", "agg_energy_update",
          "agg_campaigns_insert", "agg_campaigns_delete", "agg_campaigns_update")

# one line of the story's trail: energy rows of a site, renewable or not, batch and sheet in a
# window [:a, :b] (dates), kWh inside it prorated by time (julianday; a date starts at 00:00 and
# ends at 24:00, a timestamp is the instant it names)
_START = "julianday(e.period_start)"
_END = ("(CASE WHEN length(e.period_end) = 10 THEN julianday(e.period_end) + 1 "
        "ELSE julianday(e.period_end) END)")
_INSIDE = (f"(max(0.0, min({_END}, julianday(:b) + 1) - max({_START}, julianday(:a))) "
           f"/ ({_END} - {_START}))")

_SPAN_OF = "julianday(period_end) - julianday(period_start)"
_ONE_MONTH = "substr(period_start, 1, 7) = substr(period_end, 1, 7)"
_OF_SITE = "WHERE site_id = :site AND period_start >= :lo AND period_start < :before"
_FILL_MONTH = """
    INSERT INTO agg_energy_month (site_id, month, source, instrument, kwh, rows)
    SELECT site_id, substr(period_start, 1, 7) AS m, source, coalesce(instrument, '') AS i,
           sum(energy_kwh), count(*)
    FROM energy {where} GROUP BY site_id, m, source, i"""
_SPANNING = ("SELECT site_id, source, coalesce(instrument, ''), period_start, period_end, energy_kwh "
             "FROM energy {where}")
_FILL_RENEWABLE = (
    "INSERT INTO agg_renewable_month (site_id, month, batch_id, source_sheet, rows, first, last, kwh) "
    "SELECT site_id, substr(period_start, 1, 7) AS m, batch_id, source_sheet, count(*), "
    "min(period_start), max(period_end), sum(energy_kwh) FROM energy {where} "
    "GROUP BY site_id, m, batch_id, source_sheet")

QUERIES = {
    # --- tables, triggers -----------------------------------------------------------------------
    "agg.create_energy_month": (
        "CREATE TABLE IF NOT EXISTS agg_energy_month (site_id INTEGER NOT NULL, month TEXT NOT NULL, "
        "source TEXT NOT NULL, instrument TEXT NOT NULL, kwh REAL NOT NULL, "
        "rows INTEGER NOT NULL DEFAULT 0, "
        "PRIMARY KEY (site_id, month, source, instrument)) WITHOUT ROWID"),
    "agg.create_renewable_month": (
        "CREATE TABLE IF NOT EXISTS agg_renewable_month (site_id INTEGER NOT NULL, "
        "month TEXT NOT NULL, batch_id INTEGER, source_sheet TEXT, rows INTEGER NOT NULL, "
        "first TEXT NOT NULL, last TEXT NOT NULL, kwh REAL NOT NULL)"),
    "agg.index_renewable_month": (
        "CREATE INDEX IF NOT EXISTS agg_renewable_month_site ON agg_renewable_month (site_id, month)"),
    "agg.create_campaign_avoided": (
        "CREATE TABLE IF NOT EXISTS agg_campaign_avoided (campaign_id INTEGER NOT NULL, "
        "site_id INTEGER NOT NULL, year INTEGER NOT NULL, kwh REAL NOT NULL, "
        "PRIMARY KEY (campaign_id, site_id, year)) WITHOUT ROWID"),
    "agg.create_campaign_story": (
        "CREATE TABLE IF NOT EXISTS agg_campaign_story (campaign_id INTEGER NOT NULL, "
        "scope TEXT NOT NULL, site_id INTEGER NOT NULL, renewable INTEGER NOT NULL, "
        "batch_id INTEGER, source_sheet TEXT, rows INTEGER NOT NULL, first TEXT NOT NULL, "
        "last TEXT NOT NULL, kwh REAL NOT NULL)"),
    "agg.index_campaign_story": (
        "CREATE INDEX IF NOT EXISTS agg_campaign_story_campaign ON agg_campaign_story (campaign_id)"),
    # an updated or deleted energy row: its site and period, old and new (an inserted row is
    # found by its id above the last one aggregated, or by its batch: no trigger a row on the
    # import's path); a changed campaign: site_id NULL
    "agg.create_dirty": ("CREATE TABLE IF NOT EXISTS agg_dirty (site_id INTEGER, lo TEXT, hi TEXT, "
                         "span_days REAL)"),
    "agg.trigger_energy_delete": (
        "CREATE TRIGGER IF NOT EXISTS agg_energy_delete AFTER DELETE ON energy BEGIN "
        "INSERT INTO agg_dirty VALUES (OLD.site_id, OLD.period_start, OLD.period_end, NULL); END"),
    "agg.trigger_energy_update": (
        "CREATE TRIGGER IF NOT EXISTS agg_energy_update AFTER UPDATE ON energy BEGIN "
        "INSERT INTO agg_dirty VALUES (OLD.site_id, OLD.period_start, OLD.period_end, NULL); "
        "INSERT INTO agg_dirty VALUES (NEW.site_id, NEW.period_start, NEW.period_end, "
        "julianday(NEW.period_end) - julianday(NEW.period_start)); END"),
    "agg.trigger_campaigns_insert": (
        "CREATE TRIGGER IF NOT EXISTS agg_campaigns_insert AFTER INSERT ON campaigns BEGIN "
        "INSERT INTO agg_dirty VALUES (NULL, NULL, NULL, NULL); END"),
    "agg.trigger_campaigns_delete": (
        "CREATE TRIGGER IF NOT EXISTS agg_campaigns_delete AFTER DELETE ON campaigns BEGIN "
        "INSERT INTO agg_dirty VALUES (NULL, NULL, NULL, NULL); END"),
    "agg.trigger_campaigns_update": (
        "CREATE TRIGGER IF NOT EXISTS agg_campaigns_update AFTER UPDATE ON campaigns BEGIN "
        "INSERT INTO agg_dirty VALUES (NULL, NULL, NULL, NULL); END"),
    "agg.triggers_present": (
        "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name IN (:names)"),
    "agg.tables_present": (
        "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN (:names)"),
    "agg.drop_energy_month": "DROP TABLE IF EXISTS agg_energy_month",
    "agg.drop_renewable_month": "DROP TABLE IF EXISTS agg_renewable_month",
    "agg.drop_campaign_avoided": "DROP TABLE IF EXISTS agg_campaign_avoided",
    "agg.drop_campaign_story": "DROP TABLE IF EXISTS agg_campaign_story",
    "agg.drop_dirty": "DROP TABLE IF EXISTS agg_dirty",
    "agg.drop_trigger_energy_insert": "DROP TRIGGER IF EXISTS agg_energy_insert",  # version 1's
    # --- what changed ---------------------------------------------------------------------------
    "agg.any_dirty": "SELECT EXISTS (SELECT 1 FROM agg_dirty)",
    "agg.dirty_sites": ("SELECT site_id, min(lo), max(hi), max(span_days) FROM agg_dirty "
                        "WHERE site_id IS NOT NULL GROUP BY site_id ORDER BY site_id"),
    "agg.campaigns_changed": "SELECT EXISTS (SELECT 1 FROM agg_dirty WHERE site_id IS NULL)",
    "agg.clear_dirty": "DELETE FROM agg_dirty",
    "agg.energy_count": "SELECT count(*) FROM energy",
    "agg.energy_max_id": "SELECT max(id) FROM energy",
    "agg.rows_aggregated": "SELECT total(rows) FROM agg_energy_month",
    # rows inserted since the last refresh: above its last id, or of the batches named
    "agg.log_new_rows": ("INSERT INTO agg_dirty SELECT site_id, min(period_start), max(period_end), "
                         f"max({_SPAN_OF}) FROM energy WHERE id > :max_id GROUP BY site_id"),
    "agg.log_rows": ("INSERT INTO agg_dirty SELECT site_id, period_start, period_end, "
                     f"{_SPAN_OF} FROM energy WHERE id IN (:ids)"),
    "agg.log_batch_rows": ("INSERT INTO agg_dirty SELECT site_id, min(period_start), max(period_end), "
                           f"max({_SPAN_OF}) FROM energy WHERE batch_id = :batch GROUP BY site_id"),
    "agg.group_count": "SELECT count(*) FROM agg_energy_month",
    # --- energy by site, month, source and instrument ------------------------------------------
    "agg.clear_energy_month": "DELETE FROM agg_energy_month",
    "agg.clear_energy_month_of": ("DELETE FROM agg_energy_month WHERE site_id = :site "
                                  "AND month BETWEEN :m_lo AND :m_hi"),
    # rows of one month, summed by site, month, source and instrument: of every row, or of
    # site :site in the months [:lo, :before)
    # the rebuild reads every row once, into groups fine enough for both tables below
    "agg.fine_groups": (
        "CREATE TEMP TABLE agg_fine AS SELECT site_id, substr(period_start, 1, 7) AS month, source, "
        "coalesce(instrument, '') AS instrument, batch_id, source_sheet, "
        f"{_ONE_MONTH} AS one_month, count(*) AS n, min(period_start) AS first, "
        "max(period_end) AS last, sum(energy_kwh) AS kwh FROM energy NOT INDEXED "
        "GROUP BY site_id, month, source, instrument, batch_id, source_sheet, one_month"),
    "agg.drop_fine_groups": "DROP TABLE IF EXISTS temp.agg_fine",
    "agg.fill_energy_month": (
        "INSERT INTO agg_energy_month (site_id, month, source, instrument, kwh, rows) "
        "SELECT site_id, month, source, instrument, sum(kwh), sum(n) FROM temp.agg_fine "
        "WHERE one_month GROUP BY site_id, month, source, instrument"),
    "agg.fill_energy_month_of": _FILL_MONTH.format(where=_OF_SITE + " AND " + _ONE_MONTH),
    # rows that span months, spread over them by core.periods: every one, or those of site
    # :site that may touch [:lo, :before) (they start at most the longest row's span before it)
    "agg.spanning_rows": _SPANNING.format(where="WHERE NOT " + _ONE_MONTH),
    "agg.spanning_rows_of": _SPANNING.format(
        where="WHERE site_id = :site AND period_start >= :start_lo AND period_start < :before "
              "AND period_end >= :lo AND NOT " + _ONE_MONTH),
    "agg.add_energy_month": (
        "INSERT INTO agg_energy_month (site_id, month, source, instrument, kwh, rows) "
        "VALUES (:site, :month, :source, :instrument, :kwh, :rows) ON CONFLICT DO UPDATE SET "
        "kwh = kwh + excluded.kwh, rows = rows + excluded.rows"),
    "agg.energy_months": ("SELECT s.name, a.month, a.source, a.instrument, a.kwh FROM agg_energy_month a "
                          "JOIN sites s ON s.id = a.site_id ORDER BY a.site_id, a.month, a.source, "
                          "a.instrument"),
    # --- renewable rows by the month they start in, batch and sheet (the story's to-date trail) -
    "agg.clear_renewable_month": "DELETE FROM agg_renewable_month",
    "agg.clear_renewable_month_of": ("DELETE FROM agg_renewable_month WHERE site_id = :site "
                                     "AND month BETWEEN :m_lo AND :m_hi"),
    "agg.fill_renewable_month": (
        "INSERT INTO agg_renewable_month (site_id, month, batch_id, source_sheet, rows, first, last, "
        "kwh) SELECT site_id, month, batch_id, source_sheet, sum(n), min(first), max(last), sum(kwh) "
        "FROM temp.agg_fine WHERE source IN (:renewable) "
        "GROUP BY site_id, month, batch_id, source_sheet"),
    "agg.fill_renewable_month_of": _FILL_RENEWABLE.format(
        where=_OF_SITE + " AND source IN (:renewable)"),
    # renewable rows from a site's first month through :through (YYYY-MM), by site, file and sheet
    "agg.renewable_to_date": (
        "SELECT s.name, b.file_name, a.source_sheet, sum(a.rows), min(a.first), max(a.last), "
        "sum(a.kwh) FROM agg_renewable_month a JOIN sites s ON s.id = a.site_id "
        "LEFT JOIN import_batches b ON b.id = a.batch_id WHERE a.month <= :through "
        "GROUP BY s.name, b.file_name, a.source_sheet"),
    # --- campaign windows ----------------------------------------------------------------------
    "agg.campaigns": 'SELECT id, start, "end" FROM campaigns ORDER BY id',
    "agg.clear_campaigns": "DELETE FROM agg_campaign_avoided",
    "agg.clear_campaign_stories": "DELETE FROM agg_campaign_story",
    "agg.clear_campaign_avoided_of": "DELETE FROM agg_campaign_avoided WHERE campaign_id = :cid",
    "agg.clear_campaign_story_of": "DELETE FROM agg_campaign_story WHERE campaign_id = :cid",
    # renewable rows sharing a day with [:a, :b]: bounded on both sides (period_end from :a to
    # :end_hi, the last day plus the longest stored row) for the index energy_window
    "agg.renewable_in_window": (
        "SELECT e.site_id, e.period_start, e.period_end, e.energy_kwh FROM energy e "
        "WHERE e.source IN (:sources) AND e.period_end >= :a AND e.period_end < :end_hi "
        "AND e.period_start < :before"),
    "agg.insert_campaign_avoided": (
        "INSERT INTO agg_campaign_avoided (campaign_id, site_id, year, kwh) "
        "VALUES (:cid, :site, :year, :kwh)"),
    "agg.campaign_avoided": (
        "SELECT s.name, s.grid_region, a.year, a.kwh FROM agg_campaign_avoided a "
        "JOIN sites s ON s.id = a.site_id WHERE a.campaign_id = :cid ORDER BY s.name, a.year"),
    "agg.fill_campaign_story": (
        "INSERT INTO agg_campaign_story (campaign_id, scope, site_id, renewable, batch_id, "
        "source_sheet, rows, first, last, kwh) "
        "SELECT :cid, :scope, e.site_id, e.source IN (:renewable) AS ren, e.batch_id, "
        f"e.source_sheet, count(*), min(e.period_start), max(e.period_end), sum(e.energy_kwh * {_INSIDE}) "
        "FROM energy e WHERE e.source IN (:sources) AND e.period_end >= :a AND e.period_end < :end_hi "
        f"AND e.period_start < :before AND {_INSIDE} > 0 "
        "GROUP BY e.site_id, ren, e.batch_id, e.source_sheet"),
    "agg.campaign_story": (
        "SELECT s.name, a.renewable, b.file_name, a.source_sheet, sum(a.rows), min(a.first), "
        "max(a.last), sum(a.kwh) FROM agg_campaign_story a JOIN sites s ON s.id = a.site_id "
        "LEFT JOIN import_batches b ON b.id = a.batch_id WHERE a.campaign_id = :cid "
        "AND a.scope = :scope GROUP BY s.name, a.renewable, b.file_name, a.source_sheet "
        "ORDER BY s.name, a.renewable, b.file_name, a.source_sheet"),
}

register(QUERIES)

TRIGGERS = _NAMES
TABLES = ("agg_energy_month", "agg_renewable_month", "agg_campaign_avoided", "agg_campaign_story",
          "agg_dirty")
