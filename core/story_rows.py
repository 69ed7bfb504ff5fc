"""The rows behind the story's figures (core.story), counted once per change of data by
core.accounting into Summary.row_groups: per campaign, energy rows overlapping its window and the
month before it, renewable rows through its month, its deliveries; every initiative's row."""

from __future__ import annotations

import calendar
from datetime import date

from greenledger.core import aggregates
from greenledger.core.aggregates import month_before
from greenledger.core.fields import RENEWABLE_SOURCES, SOURCES
from greenledger.core.summary import RowGroup

__all__ = ["month_before", "row_groups"]


def _month_end(d: date) -> date:
    return d.replace(day=calendar.monthrange(d.year, d.month)[1])


def _energy_in(ws, campaign: str, scope: str, a: date, b: date,
               cid: int | None = None) -> list[RowGroup]:
    """Energy rows of [a, b] by site, renewable or not, file and sheet: kept by core.aggregates
    for campaign `cid`, else read from every row (core.queries' story_energy_in)."""
    if cid is not None:
        rows = aggregates.campaign_story(ws, cid, scope)
    else:
        rows = ws.select("story_energy_in", renewable=RENEWABLE_SOURCES, sources=SOURCES,
                         a=a.isoformat(), b=b.isoformat())
    return [RowGroup("energy", campaign, scope, site=site, renewable=bool(ren), file=file, sheet=sheet,
                     rows=n, first=first, last=last, kwh=kwh or 0.0)
            for site, ren, file, sheet, n, first, last, kwh in rows]


def row_groups(ws, maintained: bool = False) -> tuple[RowGroup, ...]:
    """The rows behind every campaign's story, grouped by file and sheet (see RowGroup): from
    core.aggregates' tables when `maintained` (the caller ran aggregates.ensure), else read
    from every row (core/queries.py's story_* queries)."""
    campaigns = list(ws.select("story_campaigns"))
    if not campaigns:
        return ()
    out: list[RowGroup] = []
    # the renewable rows by month (a scan of them) only when a story is told: a campaign with a baseline
    told = any(baseline for *_, baseline in campaigns)
    by_month = list(ws.select("story_renewable_by_month", renewable=RENEWABLE_SOURCES)) \
        if told and not maintained else []
    for cid, name, start, end, baseline in campaigns:
        a, b = date.fromisoformat(start), date.fromisoformat(end)
        kept = cid if maintained else None
        out += _energy_in(ws, name, "window", a, b, kept)
        out += _energy_in(ws, name, "month_before", *month_before(a), kept)
        through = b.isoformat()[:7]
        acc: dict[tuple, list] = {}
        if baseline and maintained:
            acc = {(site, file, sheet): [n, first, last, kwh] for site, file, sheet, n, first, last, kwh
                   in aggregates.renewable_to_date(ws, through)}
        for site, file, sheet, m, n, first, last, kwh in by_month if baseline else ():
            if m > through:
                continue
            g = acc.setdefault((site, file, sheet), [0, first, last, 0.0])
            g[0] += n
            g[1], g[2], g[3] = min(g[1], first), max(g[2], last), g[3] + kwh
        out += [RowGroup("energy", name, "to_date", site=site, renewable=True, file=file, sheet=sheet,
                         rows=n, first=first, last=last, kwh=kwh)
                for (site, file, sheet), (n, first, last, kwh) in sorted(acc.items(), key=str)]
        for file, sheet, n, vehicles in ws.select("story_deliveries", cid=cid, start=start, end=end):
            out.append(RowGroup("deliveries", name, "window", file=file, sheet=sheet, rows=n,
                                first=start, last=end,
                                vehicles=tuple(sorted(vehicles.split(",") if vehicles else ()))))
    for iname, campaign, file, sheet, row, activity, unit, factor in ws.select("story_initiatives"):
        out.append(RowGroup("initiatives", campaign or "", iname, file=file, sheet=sheet, rows=1,
                            row_numbers=(row,) if row else (), activity=activity, activity_unit=unit,
                            factor_kg_per_unit=factor))
    return tuple(out)


