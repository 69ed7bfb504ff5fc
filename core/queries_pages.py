"""SQL of the window's lazy tables (core.pages builds the page queries from these pieces): for each
kind the tables it reads, the SQL expression of each column a user can sort or filter by (the
whitelist: nothing else reaches an ORDER BY or a WHERE), its default order, and the named queries
that read rows by id and the values of the facet filters. SQL text only; no Qt, no I/O.

Energy reads `sites s CROSS JOIN energy_rows e` (the compact layout, core.queries_energy):
SQLite keeps the sites as the outer loop, so the default order (site name, then energy_key:
period start, source, period end, instrument, key copy, as day numbers and codes) and the site
and year filters come from the unique index energy_key without sorting the table; the texts
shown, filtered and sorted by are the view's expressions.
"""

from __future__ import annotations

from greenledger.core import queries
from greenledger.core import queries_energy as qe

# kind value -> FROM clause; the row id expression; the columns of a row (as Workspace.rows)
FROM: dict[str, str] = {
    "energy": f"sites s CROSS JOIN {qe.TABLE} e ON e.site_id = s.id",
    "deliveries": "deliveries d LEFT JOIN campaigns c ON c.id = d.campaign_id",
    "packaging": "packaging p LEFT JOIN campaigns c ON c.id = p.campaign_id",
    "initiatives": "initiatives i LEFT JOIN campaigns c ON c.id = i.campaign_id",
    "sites": "sites t",
    "campaigns": "campaigns t",
}
# the rows by id: energy joined the plain way (by the id, then its site)
ROWS_FROM = {**FROM, "energy": f"{qe.TABLE} e JOIN sites s ON s.id = e.site_id"}
_E = qe.decoded("e")
ID: dict[str, str] = {"energy": "e.id", "deliveries": "d.id", "packaging": "p.id",
                      "initiatives": "i.id", "sites": "t.id", "campaigns": "t.id"}
# column key (as the rows' dicts and the table's Column.key) -> SQL expression
COLUMNS: dict[str, dict[str, str]] = {
    "energy": {"site": "s.name", "period_start": _E["period_start"], "period_end": _E["period_end"],
               "source": _E["source"], "energy": "e.energy_kwh", "instrument": _E["instrument"]},
    "deliveries": {"business_unit": "d.business_unit", "campaign": "c.name",
                   "period_start": "d.period_start", "period_end": "d.period_end",
                   "orders": "d.orders", "vehicle": "d.vehicle", "distance": "d.distance_km",
                   "emissions": "d.emissions_t_co2e", "country": "d.country"},
    "packaging": {"business_unit": "p.business_unit", "campaign": "c.name",
                  "period_start": "p.period_start", "period_end": "p.period_end",
                  "material": "p.material", "quantity": "p.quantity_kg",
                  "recycled_content": "p.recycled_content_pct"},
    "initiatives": {"initiative": "i.name", "business_unit": "i.business_unit", "campaign": "c.name",
                    "activity": "i.activity", "activity_unit": "i.activity_unit",
                    "factor": "i.factor_kg_per_unit", "reduction": "i.reduction_t_co2e"},
    "sites": {"site": "t.name", "type": "t.type", "grid_region": "t.grid_region",
              "country": "t.country"},
    "campaigns": {"campaign": "t.name", "start": "t.start", "end": 't."end"',
                  "baseline": "t.baseline"},
}
NUMBERS = frozenset({"energy", "orders", "distance", "emissions", "quantity", "recycled_content",
                     "activity", "factor", "reduction"})
_PROVENANCE = "{t}.batch_id, {t}.source_sheet, {t}.source_row"
# columns sorted by their stored numbers (in the texts' order), not by the text: the terms
SORT: dict[str, dict[str, tuple[str, ...]]] = {
    "energy": {"period_start": ("e.start_day", "e.start_time"),
               "period_end": ("e.start_day + e.end_span", "e.end_time")}}
# the order of Workspace.rows(kind) (storage._SELECT), made total: energy's ends on the rest of
# its unique key (m005's energy_key, in the index's own terms, so the index gives the order)
DEFAULT_ORDER: dict[str, str] = {
    "energy": "s.name, " + ", ".join(f"e.{c}" for c in qe.KEY[1:]),
    "deliveries": "d.id", "packaging": "p.id", "initiatives": "i.id",
    "sites": "t.name, t.id", "campaigns": "t.start, t.name, t.id",
}
# facet key -> SQL condition with its parameters (`year`: a range of period starts, which the
# energy index answers; :y0 is the day number of 1 January, :y1 of the next year's)
FACETS: dict[str, dict[str, str]] = {
    "energy": {"site": "s.name = :f_site",
               "year": "e.start_day >= :y0 AND e.start_day < :y1"},
    "deliveries": {"campaign": "c.name = :f_campaign"},
    "packaging": {"campaign": "c.name = :f_campaign"},
    "initiatives": {"campaign": "c.name = :f_campaign"},
}


def _row_select(kind: str) -> str:
    cols = COLUMNS[kind]
    alias = ID[kind].split(".")[0]
    parts = [f"{ID[kind]} AS id"] + [f"{expr} AS {key}" if expr.split(".")[-1].strip('"') != key
                                     else expr for key, expr in cols.items()]
    prov = _PROVENANCE.format(t=alias)
    if kind == "energy":
        prov = prov.replace("e.source_sheet", f"{_E['source_sheet']} AS source_sheet")
    return (f"SELECT {', '.join(parts)}, {prov} FROM {ROWS_FROM[kind]} "
            f"WHERE {ID[kind]} IN (:ids)")


QUERIES: dict[str, str] = {f"pages.rows.{k}": _row_select(k) for k in FROM}
QUERIES.update({
    # the facet boxes: sites and campaigns that have rows (answered from the indexes)
    "pages.facet.energy.site": (
        f"SELECT s.name FROM sites s WHERE EXISTS (SELECT 1 FROM {qe.TABLE} e WHERE e.site_id = s.id) "
        "ORDER BY s.name"),
    # each site's first and last period start, day numbers (two index look-ups a site, not a scan)
    "pages.facet.energy.year": (
        f"SELECT (SELECT min(e.start_day) FROM {qe.TABLE} e WHERE e.site_id = s.id), "
        f"(SELECT max(e.start_day) FROM {qe.TABLE} e WHERE e.site_id = s.id) FROM sites s"),
    **{f"pages.facet.{k}.campaign": (
        f"SELECT c.name FROM campaigns c WHERE EXISTS (SELECT 1 FROM {k} x "
        "WHERE x.campaign_id = c.id) ORDER BY c.name") for k in ("deliveries", "packaging", "initiatives")},
    "pages.grid_regions": "SELECT DISTINCT grid_region FROM sites WHERE grid_region IS NOT NULL",
})

queries.register(QUERIES)
