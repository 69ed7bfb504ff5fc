"""What the summary warns of (core.accounting.build_summary's `warnings`, listed again by
`greenledger check`): figures that may count something twice, or on an assumed grid."""

from __future__ import annotations

import re
from collections import defaultdict

from greenledger.core.factors import is_electric
from greenledger.core.fields import RENEWABLE_SOURCES
from greenledger.core.i18n import QT_TRANSLATE_NOOP
from greenledger.core.storage import Workspace
from greenledger.core.summary import RowRef, SummaryWarning

# Words that say an initiative is about renewable power (its name or activity unit).
_RENEWABLE_WORDS = ("solar", "photovoltaic", "pv", "wind", "hydro", "renewable", "green power",
                    "green electricity", "光伏", "太阳能", "风电", "风能", "绿电", "可再生", "水电")
_ENERGY_UNITS = ("kwh", "mwh", "gwh", "千瓦时", "度", "万千瓦时", "兆瓦时", "kw·h", "kw h")


def _says_renewable(text: str) -> bool:
    t = f" {text.lower()} "
    return any((f" {w} " in t or f" {w}," in t) if w == "pv" else w in t for w in _RENEWABLE_WORDS)


def _names(text: str, site: str) -> bool:
    """Whether `text` names `site` (a whole word; Chinese names anywhere)."""
    s = site.lower()
    if any(ord(ch) > 0x2E7F for ch in s):
        return s in text
    return re.search(rf"(?<!\w){re.escape(s)}(?!\w)", text) is not None


def double_count_suspects(ws: Workspace) -> list[SummaryWarning]:
    """Initiatives whose activity is renewable kWh (an energy activity unit and a name about
    renewable power) while a site has on-site renewable energy rows: rooftop PV counted as
    on-site rows and again as an initiative. The site is the one the initiative names, else
    any; within the initiative's campaign dates when it has a campaign."""
    inits = [r for r in ws.select_dicts("initiatives_with_provenance")
        if r["activity"] is not None
        and (r["activity_unit"] or "").strip().lower() in _ENERGY_UNITS
        and _says_renewable(f"{r['name']} {r['business_unit'] or ''}")]
    if not inits:
        return []
    onsite = list(ws.select_dicts("onsite_renewable_energy", sources=tuple(RENEWABLE_SOURCES)))
    out = []
    for i in inits:
        text = f"{i['name']} {i['business_unit'] or ''}".lower()
        named = {r["site"] for r in onsite if _names(text, r["site"])}
        rows = [r for r in onsite
                if (not named or r["site"] in named)
                and (i["start"] is None
                     or (r["period_start"] <= i["end"] and r["period_end"] >= i["start"]))]
        if not rows:
            continue
        sites = sorted({r["site"] for r in rows})
        kwh = sum(r["energy_kwh"] for r in rows)
        refs = (RowRef("initiatives", i["id"], i["file_name"], i["source_sheet"], i["source_row"]),
                *(RowRef("energy", r["id"], r["file_name"], r["source_sheet"], r["source_row"])
                  for r in rows))
        out.append(SummaryWarning(
            "double-count",
            QT_TRANSLATE_NOOP("Summary", "possible double count: initiative '{0}' counts {1} {2} "
                                         "of renewable power, and {3} has {4} kWh of on-site "
                                         "renewable energy rows in the same period; count "
                                         "rooftop power once (as energy rows or as the "
                                         "initiative)"),
            (i["name"], f"{i['activity']:,.0f}", i["activity_unit"], ", ".join(sites),
             f"{kwh:,.0f}"),
            refs))
    return out


def electric_without_country(ws: Workspace) -> list[SummaryWarning]:
    """Electric-vehicle deliveries computed from their distance whose row names no Country: the
    library's factor (China's grid) is assumed, one warning per business unit and vehicle."""
    rows = [r for r in ws.select_dicts("distance_deliveries_without_country")
        if r["vehicle"] and is_electric(r["vehicle"])]
    groups: dict[tuple[str, str], list[RowRef]] = defaultdict(list)
    for r in rows:
        groups[(r["business_unit"], r["vehicle"])].append(
            RowRef("deliveries", r["id"], r["file_name"], r["source_sheet"], r["source_row"]))
    return [SummaryWarning(
        "vehicle-region",
        QT_TRANSLATE_NOOP("Summary", "{0}: {1} rows ({2}) name no Country, so China's grid is "
                                     "assumed for the vehicle's electricity; give the business "
                                     "unit's Country (e.g. United Kingdom) in the Country column"),
        (bu, vehicle, str(len(refs))), tuple(refs)) for (bu, vehicle), refs in groups.items()]
