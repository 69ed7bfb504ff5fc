"""Readable text for the command line: the summary as tables, equivalents, factors."""

from __future__ import annotations

import dataclasses
import unicodedata
from collections.abc import Sequence

from greenledger.core.chart_data import region_name, unit_word
from greenledger.core.equivalents import shown
from greenledger.core.factors import Library
from greenledger.core.i18n import language, translate
from greenledger.core.storage import Workspace
from greenledger.core.summary import Summary, basis_note, combine_gas, t_label


def fmt(value: object, digits: int = 1) -> str:
    """A number with thousands separators; '—' for a figure with no meaning."""
    if value is None:
        return "—"
    if isinstance(value, float | int) and not isinstance(value, bool):
        return f"{value:,.{digits}f}"
    return str(value)


def pct(value: float | None) -> str:
    if value is None:
        return "—"
    sep = "" if language() == "zh" else " "
    return f"{value:+.1f}{sep}%" if value < 0 else f"{value:.1f}{sep}%"


def width(text: str) -> int:
    """Columns a text takes in a terminal: CJK characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, w: int, right: bool) -> str:
    fill = " " * max(0, w - width(text))
    return fill + text if right else text + fill


def table(headers: Sequence[str], rows: Sequence[Sequence[str]], right: set[int] | None = None,
          ) -> str:
    """A plain text table; columns in `right` are right-aligned (numbers)."""
    right = right if right is not None else set(range(1, len(headers)))
    widths = [max(width(str(h)), *(width(str(r[i])) for r in rows)) if rows else width(str(h))
              for i, h in enumerate(headers)]

    def line(cells: Sequence[str]) -> str:
        return "  ".join(_pad(str(c), w, i in right)
                         for i, (c, w) in enumerate(zip(cells, widths, strict=True))).rstrip()

    return "\n".join([line(headers), line(["-" * w for w in widths]), *map(line, rows)])


def _basis_lines(notes: list[tuple[str, str]]) -> list[str]:
    """'Gas basis of Location-based t, Avoided t*: t CO2; grid factors CO2 only' per note."""
    by_note: dict[str, list[str]] = {}
    for column, note in notes:
        if note:
            by_note.setdefault(note, []).append(column)
    sep = "、" if language() == "zh" else ", "
    return [translate("Report", "Gas basis of {0}: {1}").format(sep.join(cols), note)
            for note, cols in by_note.items()]


def summary_text(s: Summary | dict) -> str:
    """The summary as plain text tables (the command line's `summary`)."""
    s = s if isinstance(s, Summary) else Summary.from_json(s)
    ys, cs = s.site_years, s.campaigns
    loc_g = combine_gas(y.location_based_gas for y in ys if y.location_based_t is not None)
    mkt_g = combine_gas(y.market_based_gas for y in ys if y.market_based_t is not None)
    s1_g = combine_gas(y.scope1_gas for y in ys if y.scope1_t)
    av_g = combine_gas(y.avoided_gas for y in ys if y.avoided_t is not None)
    out = [
        translate("Report", "Workspace {0} (factor library {1})").format(
            s.workspace, s.factor_library_version
        ),
        "",
    ]
    out += [translate("Report", "Energy and Scope 1/2 by site and year"),
            table([translate("Report", "Site"), translate("Report", "Year"),
                   translate("Report", "Total kWh"), translate("Report", "Renewable kWh"),
                   translate("Report", "Renewable share"),
                   translate("Report", "Location-based t"),
                   translate("Report", "Market-based t"),
                   translate("Report", "Scope 1 t"),
                   translate("Report", "Avoided t*")],
                  [[y.site, str(y.year), fmt(y.total_kwh, 0),
                    fmt(y.renewable_kwh, 0), pct(y.renewable_share_pct),
                    fmt(y.location_based_t), fmt(y.market_based_t), fmt(y.scope1_t),
                    fmt(y.avoided_t)] for y in ys])]
    out += _basis_lines([
        (translate("Report", "Location-based t"), basis_note(loc_g, "grid")),
        (translate("Report", "Market-based t"), basis_note(mkt_g, "grid")),
        (translate("Report", "Scope 1 t"), basis_note(s1_g, "diesel")),
        (translate("Report", "Avoided t*"), basis_note(av_g, "grid"))]) + [""]
    em_g = combine_gas(c.emissions_gas for c in cs if c.emissions_t is not None)
    pk_g = combine_gas(c.packaging_gas for c in cs if c.packaging_t is not None)
    cav_g = combine_gas(c.avoided_gas for c in cs if c.avoided_t)
    out += [translate("Report", "Campaigns"),
            table([translate("Report", "Campaign"), translate("Report", "Start"),
                   translate("Report", "End"), translate("Report", "Orders"),
                   translate("Report", "Emissions t"),
                   translate("Report", "kg/order"),
                   translate("Report", "vs baseline"),
                   translate("Report", "Packaging t"),
                   translate("Report", "Packaging kg/order"), translate("Report", "vs baseline"),
                   translate("Report", "Avoided t*")],
                  [[c.name, c.start, c.end, fmt(c.orders, 0),
                    fmt(c.emissions_t), fmt(c.intensity_kg_per_order, 3),
                    pct(c.intensity_change_pct) + (f" ({c.baseline})" if c.baseline else ""),
                    fmt(c.packaging_t), fmt(c.packaging_kg_per_order, 4),
                    pct(c.packaging_change_pct), fmt(c.avoided_t)]
                   for c in cs])]
    out += _basis_lines([
        (translate("Report", "Emissions t"), basis_note(em_g, "vehicle")),
        (translate("Report", "Packaging t"), basis_note(pk_g, "packaging")),
        (translate("Report", "Avoided t*"), basis_note(cav_g, "grid"))]) + [""]
    out += [translate("Report", "Initiatives"),
            table([translate("Report", "Initiative"), translate("Report", "Business unit"),
                   translate("Report", "Campaign"), translate("Report", "Reduction t")],
                  [[i.name, i.business_unit or "", i.campaign or "",
                    fmt(i.reduction_t)] for i in s.initiatives], right={3}), ""]
    t = s.totals
    out += [translate("Report", "Avoided emissions from renewables*: {0} {1}").format(
                fmt(t.avoided_t), t_label(t.avoided_gas)),
            translate("Report", "Initiative reductions: {0} {1}").format(
                fmt(t.initiatives_t), t_label(t.initiatives_gas)),
            translate("Report", "* avoided emissions are reported beside the inventory, never "
                                "subtracted from it nor added to the reductions"), ""]
    if s.avoided_equivalents:
        out += [translate("Report", "Equivalents of the avoided emissions"),
                equivalents_rows(s.avoided_equivalents), ""]
    if s.initiatives_equivalents:
        out += [translate("Report", "Equivalents of the initiative reductions"),
                equivalents_rows(s.initiatives_equivalents), ""]
    if s.warnings:
        out += [translate("Report", "Warnings"),
                *(f"- {w.render()}" for w in s.warnings), ""]
    out += [translate("Report", "Factors used"),
            table([translate("Report", "Factor"), translate("Report", "Region"),
                   translate("Report", "Year"), translate("Report", "Value"),
                   translate("Report", "Unit"), translate("Report", "Source"),
                   translate("Report", "Fallback")],
                  [[f.key, region_name(f.region or ""), str(f.year or ""),
                    f"{f.value:.6g}", unit_word(f.unit), f.source[:70],
                    f.fallback or ""]
                   for f in s.factors_used], right={3})]
    return "\n".join(out)


def equivalents_rows(eqs) -> str:
    """Equivalents (dicts of core.equivalents.equivalents, or Equivalent records) as a table."""
    eqs = [shown(e if isinstance(e, dict) else dataclasses.asdict(e)) for e in eqs]
    rows = table([translate("Report", "Equivalent"), translate("Report", "Value"),
                  translate("Report", "kg CO2e per unit"), translate("Report", "Source")],
                 [[e["label"], fmt(e["value"], 0), f"{e['factor_kg_per_unit']:.6g}",
                   e["source"][:70]] for e in eqs], right={1, 2})
    notes = [translate("Report", "- {0}: {1}").format(e["label"], e["note"])
             for e in eqs if e.get("note")]
    return "\n".join([rows, *notes])


def equivalents_text(t: float, eqs: list[dict]) -> str:
    return translate("Report", "{0} t CO2e is about:").format(fmt(t, 3)) + "\n" + equivalents_rows(eqs)


def factors_text(ws: Workspace, key: str | None, builtin_version: str) -> str:
    book = ws.factor_book()
    rows = [f for f in book.all_factors() if key is None or f.key == key]
    lines = [translate("Report", "Workspace factor library: {0}; built in: {1}").format(
        ws.library_version, builtin_version)]
    if ws.library_version != builtin_version:
        lines.append(translate("Report", "A newer built-in library is available: `greenledger factors "
                                         "update` shows how it changes the figures."))
    lines.append(table([translate("Report", "Factor"), translate("Report", "Region"),
                        translate("Report", "Year"), translate("Report", "Value"),
                        translate("Report", "Unit"), translate("Report", "Origin"),
                        translate("Report", "Source")],
                       [[f.key, f.region, str(f.year or ""), f"{f.value:.6g}", f.unit,
                         f.origin, f.source[:70]] for f in rows], right={3}))
    return "\n".join(lines)


def factor_update_text(ws: Workspace, lib: Library) -> str:
    """How adopting `lib` would move each site-year's figures (computed, nothing written)."""
    from greenledger.core.accounting import build_summary

    before = build_summary(ws)
    after = before

    class _Preview(Exception):
        """Raised to roll the trial adoption back."""

    try:
        with ws.atomic():
            ws.accept_library(lib)
            after = build_summary(ws)
            raise _Preview
    except _Preview:
        pass
    rows = []
    for b, a in zip(before.site_years, after.site_years, strict=True):
        rows.append([b.site, str(b.year), fmt(b.location_based_t),
                     fmt(a.location_based_t), fmt(b.market_based_t),
                     fmt(a.market_based_t)])
    return (translate("Report", "Factor library {0} → {1}").format(ws.library_version, lib.version)
            + "\n"
            + table([translate("Report", "Site"), translate("Report", "Year"),
                     translate("Report", "Location t now"), translate("Report", "after"),
                     translate("Report", "Market t now"), translate("Report", "after")], rows))
