"""The workspace's named queries: every SELECT that accounting, the checks, the suspects and the
import run, by name, so that only core/storage.py talks to the database (`Workspace.select(name,
**params)` and `Workspace.select_dicts`). Parameters are named (`:start`); a list or tuple value
expands to as many parameters (`source IN (:sources)`). No Qt, no I/O here: SQL text only.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from greenledger.core import queries_energy as qe
from greenledger.core.fields import Kind

# Energy read from energy_rows by its own columns where an import runs the query (the day
# numbers bound the rows, the texts then compare exactly as before); the summary's full
# recompute and the suspects read the view `energy` (today's columns, core.queries_energy).
_D = qe.decoded("e")
_ENERGY_SPANS = (f"SELECT s.name, {_D['source']}, {_D['instrument']}, {_D['period_start']}, "
                 f"{_D['period_end']}, e.energy_kwh, NULL, b.file_name, {_D['source_sheet']}, "
                 f"e.source_row FROM {qe.TABLE} e "
                 "JOIN sites s ON s.id = e.site_id LEFT JOIN import_batches b ON b.id = e.batch_id "
                 f"WHERE e.start_day <= {qe.day_of(':hi')} "
                 f"AND e.start_day + e.end_span >= {qe.day_of(':lo')} "
                 f"AND {_D['period_start']} <= :hi AND {_D['period_end']} >= :lo")
_DATED = ("SELECT {key}, coalesce(t.period_start, c.start) AS a, coalesce(t.period_end, c.\"end\") AS z, "
          "{values}, c.name, b.file_name, t.source_sheet, t.source_row FROM {table} t "
          "LEFT JOIN campaigns c ON c.id = t.campaign_id LEFT JOIN import_batches b ON b.id = t.batch_id "
          "WHERE a IS NOT NULL AND a <= :hi AND z >= :lo")

QUERIES: dict[str, str] = {
    # --- accounting ---------------------------------------------------------------------------
    "site_names_by_id": "SELECT id, name FROM sites",
    "site_regions": "SELECT name AS site, grid_region FROM sites",
    # rows inside one month grouped by that month; a row that spans months is its own group
    "energy_month_groups": """
        SELECT site_id, source, instrument, min(period_start), max(period_end), sum(energy_kwh),
               substr(period_start, 1, 7) = substr(period_end, 1, 7) AS one_month
        FROM energy
        GROUP BY site_id, source, instrument,
                 CASE WHEN substr(period_start, 1, 7) = substr(period_end, 1, 7)
                      THEN substr(period_start, 1, 7) ELSE id END""",
    "campaign_windows": 'SELECT id, name, start, "end", baseline FROM campaigns',
    "campaign_dates": 'SELECT name, start, "end" FROM campaigns',
    "all_deliveries": "SELECT * FROM deliveries",
    "all_packaging": "SELECT * FROM packaging",
    "renewable_energy_in_window": (
        "SELECT s.name, s.grid_region, e.period_start, e.period_end, e.energy_kwh "
        "FROM energy e JOIN sites s ON s.id = e.site_id WHERE e.source IN (:sources) "
        "AND e.period_start <= :end AND e.period_end >= :start"),
    "initiatives_with_campaign": (
        "SELECT i.*, c.name AS campaign FROM initiatives i "
        "LEFT JOIN campaigns c ON c.id = i.campaign_id ORDER BY i.id"),
    # --- suspects (possible double counts, electric vehicles without a country) ---------------
    "initiatives_with_provenance": (
        "SELECT i.id, i.name, i.business_unit, i.activity, i.activity_unit, i.source_sheet, "
        "i.source_row, b.file_name, c.start, c.\"end\" FROM initiatives i "
        "LEFT JOIN campaigns c ON c.id = i.campaign_id "
        "LEFT JOIN import_batches b ON b.id = i.batch_id"),
    "onsite_renewable_energy": (
        "SELECT e.id, s.name AS site, e.period_start, e.period_end, e.energy_kwh, "
        "e.source_sheet, e.source_row, b.file_name FROM energy e "
        "JOIN sites s ON s.id = e.site_id LEFT JOIN import_batches b ON b.id = e.batch_id "
        "WHERE e.instrument = 'on-site' AND e.source IN (:sources) ORDER BY e.id"),
    "distance_deliveries_without_country": (
        "SELECT d.id, d.business_unit, d.vehicle, d.source_sheet, d.source_row, b.file_name "
        "FROM deliveries d LEFT JOIN import_batches b ON b.id = d.batch_id "
        "WHERE d.emissions_t_co2e IS NULL AND d.distance_km IS NOT NULL "
        "AND (d.country IS NULL OR trim(d.country) = '') ORDER BY d.id"),
    # --- the import's checks against the workspace --------------------------------------------
    "stored_periods.energy": (f"SELECT {_D['period_start']}, {_D['period_end']} FROM (SELECT DISTINCT "
                              f"start_day, start_time, end_span, end_time FROM {qe.TABLE}) e"),
    "stored_periods.deliveries": ('SELECT DISTINCT coalesce(t.period_start, c.start), '
                                  'coalesce(t.period_end, c."end") FROM deliveries t '
                                  "LEFT JOIN campaigns c ON c.id = t.campaign_id"),
    "stored_periods.packaging": ('SELECT DISTINCT coalesce(t.period_start, c.start), '
                                 'coalesce(t.period_end, c."end") FROM packaging t '
                                 "LEFT JOIN campaigns c ON c.id = t.campaign_id"),
    # stored rows of a kind with a period overlapping [lo, hi] (a row given by campaign: the
    # campaign's): the overlap key, period, value(s), the campaign's name and provenance
    "stored_spans.energy": _ENERGY_SPANS,
    "stored_spans.deliveries": _DATED.format(key="t.business_unit, t.vehicle",
                                             values="t.orders, t.distance_km, t.emissions_t_co2e",
                                             table="deliveries"),
    "stored_spans.packaging": _DATED.format(key="t.business_unit, t.material", values="t.quantity_kg",
                                            table="packaging"),
    "site_months_of": (
        f"SELECT s.name, {_D['period_start']}, {_D['period_end']}, sum(e.energy_kwh) FROM sites s "
        f"JOIN {qe.TABLE} e ON e.site_id = s.id WHERE s.name IN (:sites) "
        f"AND e.start_day >= {qe.day_of(':lo')} AND e.start_day + e.end_span <= {qe.day_of(':hi')} "
        f"AND {_D['period_start']} >= :lo AND {_D['period_end']} <= :hi "
        "GROUP BY s.name, e.start_day, e.start_time, e.end_span, e.end_time"),
    # --- the story's trail (core.story_rows.row_groups) ---------------------------------------
    "story_campaigns": 'SELECT id, name, start, "end", baseline FROM campaigns ORDER BY start, name',
    # energy rows overlapping [:a, :b] by site, renewable or not, file and sheet; kWh inside it
    # prorated by days
    "story_energy_in": (
        "SELECT s.name, e.source IN (:renewable) AS renewable, b.file_name, e.source_sheet, count(*), "
        "min(e.period_start), max(e.period_end), "
        "sum(e.energy_kwh * (julianday(min(e.period_end, :b)) - julianday(max(e.period_start, :a)) + 1) "
        "/ (julianday(e.period_end) - julianday(e.period_start) + 1)) "
        "FROM energy e JOIN sites s ON s.id = e.site_id LEFT JOIN import_batches b ON b.id = e.batch_id "
        "WHERE e.source IN (:sources) AND e.period_start <= :b AND e.period_end >= :a "
        "GROUP BY s.name, renewable, b.file_name, e.source_sheet"),
    "story_renewable_by_month": (
        "SELECT s.name, b.file_name, e.source_sheet, substr(e.period_start, 1, 7) AS m, count(*), "
        "min(e.period_start), max(e.period_end), sum(e.energy_kwh) "
        "FROM energy e JOIN sites s ON s.id = e.site_id LEFT JOIN import_batches b ON b.id = e.batch_id "
        "WHERE e.source IN (:renewable) GROUP BY s.name, b.file_name, e.source_sheet, m"),
    "story_deliveries": (
        "SELECT b.file_name, d.source_sheet, count(*), group_concat(DISTINCT d.vehicle) FROM deliveries d "
        "LEFT JOIN import_batches b ON b.id = d.batch_id WHERE d.campaign_id = :cid "
        "OR (d.campaign_id IS NULL AND d.period_start <= :end AND d.period_end >= :start) "
        "GROUP BY b.file_name, d.source_sheet"),
    "story_initiatives": (
        "SELECT i.name, c.name, b.file_name, i.source_sheet, i.source_row, i.activity, i.activity_unit, "
        "i.factor_kg_per_unit FROM initiatives i LEFT JOIN campaigns c ON c.id = i.campaign_id "
        "LEFT JOIN import_batches b ON b.id = i.batch_id ORDER BY i.id"),
}

# Workspace.rows(kind): every row of a kind with field names (site and campaign as names)
ROWS_OF: dict[Kind, str] = {
    Kind.SITES: "SELECT id, name AS site, type, grid_region, country, batch_id, source_sheet, "
                "source_row FROM sites ORDER BY name",
    Kind.CAMPAIGNS: 'SELECT id, name AS campaign, start, "end", baseline, batch_id, '
                    "source_sheet, source_row FROM campaigns ORDER BY start, name",
    # in the unique key's order (codes sort as their texts: core.queries_energy)
    Kind.ENERGY: f"SELECT e.id, s.name AS site, {_D['period_start']} AS period_start, "
                 f"{_D['period_end']} AS period_end, {_D['source']} AS source, "
                 f"e.energy_kwh AS energy, {_D['instrument']} AS instrument, e.batch_id, "
                 f"{_D['source_sheet']} AS source_sheet, e.source_row "
                 f"FROM sites s CROSS JOIN {qe.TABLE} e ON e.site_id = s.id "
                 f"ORDER BY s.name, {', '.join('e.' + c for c in qe.KEY[1:])}",
    Kind.DELIVERIES: "SELECT d.id, d.business_unit, c.name AS campaign, d.period_start, "
                     "d.period_end, d.orders, d.vehicle, d.distance_km AS distance, "
                     "d.emissions_t_co2e AS emissions, d.country, d.batch_id, d.source_sheet, "
                     "d.source_row FROM deliveries d LEFT JOIN campaigns c "
                     "ON c.id = d.campaign_id ORDER BY d.id",
    Kind.PACKAGING: "SELECT p.id, p.business_unit, c.name AS campaign, p.period_start, "
                    "p.period_end, p.material, p.quantity_kg AS quantity, "
                    "p.recycled_content_pct AS recycled_content, p.batch_id, p.source_sheet, "
                    "p.source_row FROM packaging p LEFT JOIN campaigns c "
                    "ON c.id = p.campaign_id ORDER BY p.id",
    Kind.INITIATIVES: "SELECT i.id, i.name AS initiative, i.business_unit, c.name AS campaign,"
                      " i.activity, i.activity_unit, i.factor_kg_per_unit AS factor, "
                      "i.reduction_t_co2e AS reduction, i.batch_id, i.source_sheet, "
                      "i.source_row FROM initiatives i LEFT JOIN campaigns c "
                      "ON c.id = i.campaign_id ORDER BY i.id",
    Kind.FACTORS: "SELECT id, key AS factor, region, year, value, unit, source, batch_id, "
                  "source_sheet, source_row FROM factors ORDER BY key, region, year",
}

_PARAM = re.compile(r":(\w+)\b")


def register(queries: Mapping[str, str]) -> None:
    """Add named queries kept in another module (core/queries_*.py: SQL text only), by name;
    a name already taken is an error, so two modules never shadow each other's SQL."""
    taken = set(queries) & set(QUERIES)
    if taken:
        raise ValueError(f"queries already named: {sorted(taken)}")
    QUERIES.update(queries)


def prepare(name: str, params: Mapping[str, object]) -> tuple[str, dict[str, object]]:
    """The SQL of query `name` and its parameters, list values expanded (`:sources` with three
    values becomes `:sources_0, :sources_1, :sources_2`)."""
    sql = QUERIES[name]
    out: dict[str, object] = {}
    for key, value in params.items():
        if isinstance(value, list | tuple | set | frozenset):
            names = [f"{key}_{i}" for i in range(len(value))] or [f"{key}_none"]
            values = list(value) or [None]  # IN (NULL): matches nothing
            sql = re.sub(rf":{key}\b", ", ".join(f":{n}" for n in names), sql)
            out.update(zip(names, values, strict=True))
        else:
            out[key] = value
    missing = set(_PARAM.findall(sql)) - set(out)
    if missing:
        raise KeyError(f"query {name!r} needs {sorted(missing)}")
    return sql, out
