"""Named SQL of the maintained aggregates (core.aggregates): the agg_* tables, the triggers that
log every changed energy or campaign row into agg_dirty, and the reads and refreshes of each
group. SQL text only (registered with core.queries.register on import).

Energy is read from energy_rows (core.queries_energy: bounds as day numbers and times, texts
as codes), so the unique key answers a site's days. Parameters ending in _day are day numbers;
`:before_day` is the day after a window's last day, so `start_day < :before_day` holds for a
timestamp on the window's last day too. What the tables keep is text, as before: months
'YYYY-MM', first and last bounds as stored texts, source, instrument and sheet names.
"""

from __future__ import annotations

from greenledger.core import queries_energy as qe
from greenledger.core.queries import register

_NAMES = ("agg_energy_delete", "agg_energy_update",
          "agg_campaigns_insert", "agg_campaigns_delete", "agg_campaigns_update")

# one line of the story's trail: energy rows of a site, renewable or not, batch and sheet in a
# window [:a, :b] (dates), kWh inside it prorated by time (julianday; a date starts at 00:00 and
# ends at 24:00, a timestamp is the instant it names)
_START = ("(2440587.5 + e.start_day + (CASE WHEN e.start_time > 0 THEN e.start_time - 1 ELSE 0 END) "
          "/ 86400.0)")
_END = ("(2440587.5 + e.start_day + e.end_span + (CASE WHEN e.end_time = 0 THEN 86400 "
        "ELSE e.end_time - 1 END) / 86400.0)")
_INSIDE = (f"(max(0.0, min({_END}, julianday(:b) + 1) - max({_START}, julianday(:a))) "
           f"/ ({_END} - {_START}))")

_E = f"FROM {qe.TABLE} e"
_SOURCE, _INSTRUMENT, _SHEET = (qe.label_text(f"e.{c}") for c in ("source", "instrument", "sheet"))
_CODES = "(SELECT l.id FROM energy_labels l WHERE l.text IN ({}))"  # the codes of texts :x
_FIRST, _LAST = qe.start_key("e"), qe.end_key("e")
_LO, _HI = qe.day_text("min(e.start_day)"), qe.day_text("max(e.start_day + e.end_span)")
_ONE_MONTH = (f"(e.end_span = 0 OR (e.end_span < 31 AND {qe.month_of('e.start_day')} = "
              f"{qe.month_of('e.start_day + e.end_span')}))")
_OF_SITE = "WHERE e.site_id = :site AND e.start_day >= :lo_day AND e.start_day < :before_day"
_FILL_MONTH = f"""
    INSERT INTO agg_energy_month (site_id, month, source, instrument, kwh, rows)
    SELECT e.site_id, {qe.month_of('e.start_day')} AS m, {_SOURCE}, coalesce({_INSTRUMENT}, ''),
           sum(e.energy_kwh), count(*)
    {_E} {{where}} GROUP BY e.site_id, m, e.source, e.instrument"""
_SPANNING = (f"SELECT e.site_id, {_SOURCE}, coalesce({_INSTRUMENT}, ''), {qe.start_text('e')}, "
             f"{qe.end_text('e')}, e.energy_kwh {_E} {{where}}")
_FILL_RENEWABLE = (
    "INSERT INTO agg_renewable_month (site_id, month, batch_id, source_sheet, rows, first, last, kwh) "
    f"SELECT e.site_id, {qe.month_of('e.start_day')} AS m, e.batch_id, {_SHEET}, count(*), "
    f"{qe.key_text(f'min({_FIRST})')}, {qe.key_text(f'max({_LAST})')}, sum(e.energy_kwh) {_E} {{where}} "
    "GROUP BY e.site_id, m, e.batch_id, e.sheet")
# an energy row as logged: its site, first and last day, a bound on its span in days
_LOGGED = ("OLD.site_id, date(OLD.start_day * 86400, 'unixepoch'), "
           "date((OLD.start_day + OLD.end_span) * 86400, 'unixepoch')")

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
        f"CREATE TRIGGER IF NOT EXISTS agg_energy_delete AFTER DELETE ON {qe.TABLE} BEGIN "
        f"INSERT INTO agg_dirty VALUES ({_LOGGED}, NULL); END"),
    "agg.trigger_energy_update": (
        f"CREATE TRIGGER IF NOT EXISTS agg_energy_update AFTER UPDATE ON {qe.TABLE} BEGIN "
        f"INSERT INTO agg_dirty VALUES ({_LOGGED}, NULL); "
        f"INSERT INTO agg_dirty VALUES ({_LOGGED.replace('OLD.', 'NEW.')}, NEW.end_span + 1); END"),
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
    "agg.energy_count": f"SELECT count(*) FROM {qe.TABLE}",
    "agg.energy_max_id": f"SELECT max(id) FROM {qe.TABLE}",
    "agg.energy_min_id": f"SELECT min(id) FROM {qe.TABLE}",
    "agg.rows_aggregated": "SELECT total(rows) FROM agg_energy_month",
    # rows inserted since the last refresh: above its last id, or of the batches named
    "agg.log_new_rows": (f"INSERT INTO agg_dirty SELECT e.site_id, {_LO}, {_HI}, max(e.end_span) + 1 "
                         f"{_E} WHERE id > :max_id GROUP BY e.site_id"),
    "agg.log_rows": (f"INSERT INTO agg_dirty SELECT e.site_id, {_LO}, {_HI}, max(e.end_span) + 1 "
                     f"{_E} WHERE e.id IN (:ids) GROUP BY e.site_id"),
    # a batch put back under its old ids (an undo): one scan (energy_rows has no batch index)
    "agg.log_batch_rows": (f"INSERT INTO agg_dirty SELECT e.site_id, {_LO}, {_HI}, max(e.end_span) + 1 "
                           f"{_E} WHERE e.batch_id = :batch AND e.id <= :max_id GROUP BY e.site_id"),
    "agg.group_count": "SELECT count(*) FROM agg_energy_month",
    # --- energy by site, month, source and instrument ------------------------------------------
    "agg.clear_energy_month": "DELETE FROM agg_energy_month",
    "agg.clear_energy_month_of": ("DELETE FROM agg_energy_month WHERE site_id = :site "
                                  "AND month BETWEEN :m_lo AND :m_hi"),
    # rows of one month, summed by site, month, source and instrument: of every row, or of
    # site :site in the months [:lo, :before)
    # the rebuild reads every row once, into groups fine enough for both tables below
    "agg.fine_groups": (
        f"CREATE TEMP TABLE agg_fine AS SELECT e.site_id, {qe.month_of('e.start_day')} AS month, "
        "e.source, e.instrument, e.batch_id, e.sheet, "
        f"{_ONE_MONTH} AS one_month, count(*) AS n, min({_FIRST}) AS first, "
        f"max({_LAST}) AS last, sum(e.energy_kwh) AS kwh {_E} NOT INDEXED "
        "GROUP BY e.site_id, month, e.source, e.instrument, e.batch_id, e.sheet, one_month"),
    "agg.drop_fine_groups": "DROP TABLE IF EXISTS temp.agg_fine",
    "agg.fill_energy_month": (
        "INSERT INTO agg_energy_month (site_id, month, source, instrument, kwh, rows) "
        f"SELECT f.site_id, f.month, {qe.label_text('f.source')}, "
        f"coalesce({qe.label_text('f.instrument')}, ''), "
        "sum(f.kwh), sum(f.n) FROM temp.agg_fine f "
        "WHERE f.one_month GROUP BY f.site_id, f.month, f.source, f.instrument"),
    "agg.fill_energy_month_of": _FILL_MONTH.format(where=_OF_SITE + " AND " + _ONE_MONTH),
    # rows that span months, spread over them by core.periods: every one, or those of site
    # :site that may touch [:lo, :before) (they start at most the longest row's span before it)
    "agg.spanning_rows": _SPANNING.format(where="WHERE NOT " + _ONE_MONTH),
    "agg.spanning_rows_of": _SPANNING.format(
        where="WHERE e.site_id = :site AND e.start_day >= :start_lo_day AND e.start_day < :before_day "
              "AND e.start_day + e.end_span >= :lo_day AND NOT " + _ONE_MONTH),
    "agg.add_energy_month": (
        "INSERT INTO agg_energy_month (site_id, month, source, instrument, kwh, rows) "
        "VALUES (:site, :month, :source, :instrument, :kwh, :rows) ON CONFLICT DO UPDATE SET "
        "kwh = kwh + excluded.kwh, rows = rows + excluded.rows"),
    "agg.energy_month_rows": ("SELECT site_id, month, source, instrument, kwh FROM agg_energy_month "
                              "ORDER BY site_id, month, source, instrument"),
    # --- renewable rows by the month they start in, batch and sheet (the story's to-date trail) -
    "agg.clear_renewable_month": "DELETE FROM agg_renewable_month",
    "agg.clear_renewable_month_of": ("DELETE FROM agg_renewable_month WHERE site_id = :site "
                                     "AND month BETWEEN :m_lo AND :m_hi"),
    "agg.fill_renewable_month": (
        "INSERT INTO agg_renewable_month (site_id, month, batch_id, source_sheet, rows, first, last, "
        f"kwh) SELECT f.site_id, f.month, f.batch_id, {qe.label_text('f.sheet')}, sum(f.n), "
        f"{qe.key_text('min(f.first)')}, {qe.key_text('max(f.last)')}, sum(f.kwh) "
        f"FROM temp.agg_fine f WHERE f.source IN {_CODES.format(':renewable')} "
        "GROUP BY f.site_id, f.month, f.batch_id, f.sheet"),
    "agg.fill_renewable_month_of": _FILL_RENEWABLE.format(
        where=_OF_SITE + f" AND e.source IN {_CODES.format(':renewable')}"),
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
    # renewable rows sharing a day with [:a, :b]: each site's rows starting from :start_lo_day
    # (the first day less the longest stored row's span) to the last, by the unique key
    "agg.renewable_in_window": (
        f"SELECT e.site_id, {qe.start_text('e')}, {qe.end_text('e')}, e.energy_kwh "
        f"FROM sites s CROSS JOIN {qe.TABLE} e ON e.site_id = s.id "
        "WHERE e.start_day >= :start_lo_day AND e.start_day < :before_day "
        f"AND e.source IN {_CODES.format(':sources')} AND e.start_day + e.end_span >= :a_day"),
    "agg.insert_campaign_avoided": (
        "INSERT INTO agg_campaign_avoided (campaign_id, site_id, year, kwh) "
        "VALUES (:cid, :site, :year, :kwh)"),
    "agg.campaign_avoided": (
        "SELECT s.name, s.grid_region, a.year, a.kwh FROM agg_campaign_avoided a "
        "JOIN sites s ON s.id = a.site_id WHERE a.campaign_id = :cid ORDER BY s.name, a.year"),
    "agg.fill_campaign_story": (
        "INSERT INTO agg_campaign_story (campaign_id, scope, site_id, renewable, batch_id, "
        "source_sheet, rows, first, last, kwh) "
        f"SELECT :cid, :scope, e.site_id, e.source IN {_CODES.format(':renewable')} AS ren, e.batch_id, "
        f"{_SHEET}, count(*), {qe.key_text(f'min({_FIRST})')}, {qe.key_text(f'max({_LAST})')}, "
        f"sum(e.energy_kwh * {_INSIDE}) FROM sites s CROSS JOIN {qe.TABLE} e ON e.site_id = s.id "
        "WHERE e.start_day >= :start_lo_day AND e.start_day < :before_day "
        f"AND e.source IN {_CODES.format(':sources')} AND e.start_day + e.end_span >= :a_day "
        f"AND {_INSIDE} > 0 GROUP BY e.site_id, ren, e.batch_id, e.sheet"),
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
