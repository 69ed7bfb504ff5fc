"""Maintained aggregates (issue 15): the sums the summary and the dashboard read, kept in SQL
tables so that a summary of millions of energy rows reads thousands.

- agg_energy_month: kWh per site, month, source and instrument (blank instrument as ''), rows
  that span months spread over them by time exactly as core.accounting spreads them
  (core.periods);
- agg_renewable_month: renewable rows by the month they start in, site, batch and sheet (count,
  first and last day, kWh): the story's trail from a site's first renewable month;
- agg_campaign_avoided: per campaign, the renewable kWh inside its window by site and year;
- agg_campaign_story: per campaign, the energy rows in its window and in the month before it by
  site, renewable or not, batch and sheet, kWh inside prorated by time.

Correctness never depends on a caller: triggers on energy and campaigns (created here) log every
inserted, updated or deleted row, in the writing transaction itself, into agg_dirty. `refresh`
recomputes the groups those rows touch (the import writer and core.editing call it inside their
transaction so that the next summary has nothing to do); every reader calls `ensure` first, which
refreshes what is logged and rebuilds everything when the tables, the triggers or the stamp
`meta.aggregates` are missing or of another version (a workspace from before, a migration that
rebuilt the energy table). A workspace that cannot be written is read through the full
recompute instead (`ensure` returns False).
"""

from __future__ import annotations

import math
import sqlite3
import time
from collections import defaultdict
from datetime import date, timedelta

from greenledger.core import queries_aggregates as q
from greenledger.core.errors import WorkspaceNotWritable
from greenledger.core.fields import RENEWABLE_SOURCES, SOURCES
from greenledger.core.periods import instants, parse_bound, spread_by_month, spread_by_year_within
from greenledger.core.queries_energy import day_number

# of the tables' definitions (3: read from energy_rows, m006): another value in meta.aggregates
# rebuilds them
VERSION = "3"
_STAMP, _SPAN, _MAX_ID = "aggregates", "aggregates_max_span_days", "aggregates_max_energy_id"
_FAR = "9999-12-31"

_CREATE = ("agg.create_energy_month", "agg.create_renewable_month", "agg.index_renewable_month",
           "agg.create_campaign_avoided", "agg.create_campaign_story", "agg.index_campaign_story",
           "agg.create_dirty", "agg.trigger_energy_delete",
           "agg.trigger_energy_update", "agg.trigger_campaigns_insert",
           "agg.trigger_campaigns_delete", "agg.trigger_campaigns_update")
_DROP = ("agg.drop_energy_month", "agg.drop_renewable_month", "agg.drop_campaign_avoided",
         "agg.drop_campaign_story", "agg.drop_dirty", "agg.drop_trigger_energy_insert")


# --- state --------------------------------------------------------------------------------------


def current(ws) -> bool:
    """The tables and triggers are there and of this VERSION (what is logged may still wait)."""
    if ws.meta(_STAMP) != VERSION:
        return False
    tables = ws.select("agg.tables_present", names=q.TABLES).fetchone()[0]
    triggers = ws.select("agg.triggers_present", names=q.TRIGGERS).fetchone()[0]
    return tables == len(q.TABLES) and triggers == len(q.TRIGGERS)


def up_to_date(ws) -> bool:
    """current(ws), nothing logged since the last refresh, no row above the last id aggregated,
    and as many rows aggregated as stored (a row inserted under an old id, as an undo's restore
    does, changes the count).

    The count needs no scan of the energy rows when the rows aggregated fill every id from the
    lowest stored to the last aggregated: no delete was logged since, so each of those ids is
    still taken and a row inserted since would have an id below the lowest or above the last
    (it would have changed either); a count of them is then the count of the ids."""
    if not current(ws) or ws.select("agg.any_dirty").fetchone()[0]:
        return False
    top = _max_id(ws)
    if top != _stored_max_id(ws):
        return False
    aggregated = _rows_aggregated(ws)
    return aggregated == top - _min_id(ws) + 1 or aggregated == _stored_count(ws)


def _max_id(ws) -> int:
    return ws.select("agg.energy_max_id").fetchone()[0] or 0


def _min_id(ws) -> int:
    return ws.select("agg.energy_min_id").fetchone()[0] or 0


def _rows_aggregated(ws) -> int:
    return int(ws.select("agg.rows_aggregated").fetchone()[0])


def _stored_count(ws) -> int:
    return ws.select("agg.energy_count").fetchone()[0]


def _stored_max_id(ws) -> int:
    try:
        return int(ws.meta(_MAX_ID) or -1)
    except ValueError:
        return -1


def _counts_match(ws) -> bool:
    return _rows_aggregated(ws) == _stored_count(ws)


def _span(ws) -> float:
    """Days the longest stored energy row spans (end − start; a bound never too small: it only
    grows with refreshes, and a rebuild measures it)."""
    try:
        return float(ws.meta(_SPAN) or 0.0)
    except ValueError:
        return 0.0


def _bound_days(span: float) -> int:
    return math.ceil(span) + 2


# --- writing ------------------------------------------------------------------------------------


def rebuild(ws) -> dict:
    """Every aggregate from the stored rows, in one transaction: {"energy_rows", "groups",
    "seconds"}. What `greenledger rebuild-aggregates` runs."""
    t0 = time.perf_counter()
    with ws.writing(), ws.atomic():
        _rebuild(ws)
        rows = ws.select("agg.energy_count").fetchone()[0]
        groups = ws.select("agg.group_count").fetchone()[0]
    return {"energy_rows": rows, "groups": groups, "seconds": time.perf_counter() - t0}


def _rebuild(ws) -> None:
    for name in _DROP:
        ws.execute(name)
    for name in _CREATE:
        ws.execute(name)
    spanning = list(ws.select("agg.spanning_rows"))
    # a bound on every row's span: one-month rows span under 31 days, the others as measured
    span = max([31.0, *(_span_days(a, z) for _s, _src, _i, a, z, _k in spanning)])
    ws.set_meta(_SPAN, repr(float(span)))
    ws.execute("agg.drop_fine_groups")
    ws.execute("agg.fine_groups")
    _fill_energy(ws, None, "", _FAR, span, spanning)
    ws.execute("agg.fill_renewable_month", renewable=RENEWABLE_SOURCES)
    ws.execute("agg.drop_fine_groups")
    for cid, start, end in list(ws.select("agg.campaigns")):
        _fill_campaign(ws, cid, start, end, span)
    ws.execute("agg.clear_dirty")
    ws.set_meta(_MAX_ID, str(_max_id(ws)))
    ws.set_meta(_STAMP, VERSION)


def refresh(ws, batches=(), ids=()) -> None:
    """Bring the aggregates up to date inside the current transaction (or one of its own): the
    groups of every row updated or deleted (logged by the triggers), inserted (above the last
    id aggregated), of the import `batches` or with the energy `ids` named (rows put back under
    their old ids: an undo); and
    everything when they are not `current` or the rows aggregated do not add up to the rows
    stored. The import writer and core.editing call it where they write; readers go through
    `ensure`."""
    with ws.atomic():
        if not current(ws):
            _rebuild(ws)
            return
        top, seen = _max_id(ws), _stored_max_id(ws)
        if top > seen:
            ws.execute("agg.log_new_rows", max_id=seen)
        for batch in batches:  # rows inserted above `seen` are logged above; updated ones by trigger
            ws.execute("agg.log_batch_rows", batch=batch, max_id=seen)
        ids = list(ids)
        for i in range(0, len(ids), 500):
            ws.execute("agg.log_rows", ids=ids[i:i + 500])
        if ws.select("agg.any_dirty").fetchone()[0]:
            _refresh_logged(ws)
        if top != seen:
            ws.set_meta(_MAX_ID, str(top))
        if not _counts_match(ws):  # rows inserted under old ids by a path that named no batch
            _rebuild(ws)


def _refresh_logged(ws) -> None:
    """Recompute the groups of the logged rows: their sites' months, and the campaigns whose
    window or month before shares a day with them (every campaign when one changed)."""
    sites = list(ws.select("agg.dirty_sites"))
    span = max([_span(ws), *(s or 0.0 for *_, s in sites)])
    ws.set_meta(_SPAN, repr(float(span)))
    every_campaign = ws.select("agg.campaigns_changed").fetchone()[0]
    windows = list(ws.select("agg.campaigns"))
    # campaigns whose window or the month before it shares a day with a site's changed span
    campaigns = None if every_campaign else {
        cid for cid, start, end in windows
        if any(lo < _day_after(end) and hi >= month_before(date.fromisoformat(start))[0].isoformat()
               for _site, lo, hi, _s in sites)}
    for site, lo, hi, _s in sites:
        m_lo, m_hi = lo[:7], hi[:7]
        lo_day, before = f"{m_lo}-01", _next_month(m_hi)
        ws.execute("agg.clear_energy_month_of", site=site, m_lo=m_lo, m_hi=m_hi)
        _fill_energy(ws, site, lo_day, before, span)
        ws.execute("agg.clear_renewable_month_of", site=site, m_lo=m_lo, m_hi=m_hi)
        ws.execute("agg.fill_renewable_month_of", renewable=RENEWABLE_SOURCES, site=site,
                   lo_day=_day(lo_day), before_day=_day(before))
    if campaigns is None:
        ws.execute("agg.clear_campaigns")
        ws.execute("agg.clear_campaign_stories")
    for cid, start, end in windows:
        if campaigns is None or cid in campaigns:
            ws.execute("agg.clear_campaign_avoided_of", cid=cid)
            ws.execute("agg.clear_campaign_story_of", cid=cid)
            _fill_campaign(ws, cid, start, end, span)
    ws.execute("agg.clear_dirty")


def ensure(ws) -> bool:
    """Refresh before reading; False (nothing written) when the workspace cannot be written or
    is locked by another writer: the caller then computes from the rows."""
    try:
        if up_to_date(ws):
            return True
        with ws.writing():
            refresh(ws)
        return True
    except WorkspaceNotWritable:
        return False
    except sqlite3.OperationalError as exc:  # locked past the timeout, or read-only
        if "locked" in str(exc) or "readonly" in str(exc):
            return False
        raise


def _day_after(day: str) -> str:
    return (date.fromisoformat(day) + timedelta(days=1)).isoformat()


def _next_month(month: str) -> str:
    y, m = int(month[:4]), int(month[5:7])
    return f"{y + (m == 12):04d}-{m % 12 + 1:02d}-01"


def _day(text: str) -> int:
    """The day number of a date text (core.queries_energy)."""
    return day_number(date.fromisoformat(text[:10]))


def _span_days(a: str, z: str) -> float:
    x, y = instants(parse_bound(a), parse_bound(z))
    return (y - x).total_seconds() / 86400.0


def _fill_energy(ws, site: int | None, lo: str, before: str, span: float,
                 spanning: list | None = None) -> None:
    """agg_energy_month of every site (`site` None) or of one, in the months from `lo` (a 1st,
    or '') to `before` (a 1st, or far): rows of one month summed in SQL, rows that span months
    spread by time (core.periods), only their parts in those months."""
    if site is None:  # the rebuild: agg_fine is there, the spanning rows read
        ws.execute("agg.fill_energy_month")
    else:
        ws.execute("agg.fill_energy_month_of", site=site, lo_day=_day(lo), before_day=_day(before))
        spanning = ws.select("agg.spanning_rows_of", site=site, lo_day=_day(lo), before_day=_day(before),
                             start_lo_day=_day(lo) - _bound_days(span))
    m_lo, m_before = lo[:7], before[:7]
    parts: dict[tuple, list] = defaultdict(lambda: [0.0, 0])
    for row_site, source, instrument, a, z, kwh in list(spanning):
        for month, part in spread_by_month(parse_bound(a), parse_bound(z), kwh).items():
            if m_lo <= month < m_before:
                parts[(row_site, month, source, instrument)][0] += part
        if m_lo <= a[:7] < m_before:  # a row is counted in the month it starts in
            parts[(row_site, a[:7], source, instrument)][1] += 1
    for (row_site, month, source, instrument), (kwh, rows) in parts.items():
        ws.execute("agg.add_energy_month", site=row_site, month=month, source=source,
                   instrument=instrument, kwh=kwh, rows=rows)


def _window_bounds(a: date, b: date, span: float) -> dict[str, object]:
    """The SQL bounds of rows sharing time with the days [a, b], as day numbers: start from a
    less the longest row's span to before the day after b, end from a."""
    return {"a": a.isoformat(), "a_day": day_number(a), "before_day": day_number(b) + 1,
            "start_lo_day": day_number(a) - _bound_days(span)}


def month_before(start: date) -> tuple[date, date]:
    """The last full month before a window starting on `start` (core.story_rows')."""
    last = start.replace(day=1) - timedelta(days=1)
    return last.replace(day=1), last


def _fill_campaign(ws, cid: int, start: str, end: str, span: float) -> None:
    a, b = date.fromisoformat(start), date.fromisoformat(end)
    kwh: dict[tuple[int, int], float] = defaultdict(float)
    for site, ra, rz, amount in ws.select("agg.renewable_in_window", sources=RENEWABLE_SOURCES,
                                          **_window_bounds(a, b, span)):
        for year, part in spread_by_year_within(parse_bound(ra), parse_bound(rz), amount,
                                                a, b).items():
            kwh[(site, year)] += part
    for (site, year), v in kwh.items():
        ws.execute("agg.insert_campaign_avoided", cid=cid, site=site, year=year, kwh=v)
    for scope, (wa, wb) in (("window", (a, b)), ("month_before", month_before(a))):
        bounds = _window_bounds(wa, wb, span)
        ws.execute("agg.fill_campaign_story", cid=cid, scope=scope, renewable=RENEWABLE_SOURCES,
                   sources=SOURCES, b=wb.isoformat(), **bounds)


# --- reading (call ensure first) ----------------------------------------------------------------


def energy_month_rows(ws):
    """(site id, month, source, instrument, kWh) of agg_energy_month in its key's order (site
    id, month, source, instrument)."""
    return ws.select("agg.energy_month_rows")


def renewable_to_date(ws, through: str):
    """(site, file, sheet, rows, first, last, kWh) of renewable rows starting in any month up to
    `through` (YYYY-MM), from agg_renewable_month."""
    return ws.select("agg.renewable_to_date", through=through)


def campaign_avoided(ws, campaign_id: int):
    """(site, grid region, year, renewable kWh inside the campaign's window)."""
    return ws.select("agg.campaign_avoided", cid=campaign_id)


def campaign_story(ws, campaign_id: int, scope: str):
    """(site, renewable, file, sheet, rows, first, last, kWh inside) as core.queries'
    story_energy_in gives them, for scope 'window' or 'month_before'."""
    return ws.select("agg.campaign_story", cid=campaign_id, scope=scope)
