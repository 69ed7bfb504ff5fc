"""The words of the story (core.story): periods, rows and factors as sentences, amounts in t/kt or
万/亿 with their gas, kWh, the trail's row groups merged. No Qt."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from greenledger.core import i18n
from greenledger.core.chart_data import Filters, fmt_num, region_name, t_unit, unit_word
from greenledger.core.i18n import translate
from greenledger.core.periods import parse_bound
from greenledger.core.story_rows import _month_end
from greenledger.core.summary import CO2, CO2E, FactorUsed, RowGroup, Summary

MAX_SITES = 4  # sites named on the band; the others are in the trail

# --- the story ---------------------------------------------------------------------------------

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def _d(text: str) -> date:
    """The day of a stored bound ('2021-06-18', or an hourly row's '2021-06-18 13:00')."""
    return date.fromisoformat(text[:10])


def _last_day(text: str) -> date:
    """The last day a stored end covers: a date itself; a timestamp at midnight (an hour
    23:00–00:00) the day before it."""
    b = parse_bound(text)
    if isinstance(b, datetime):
        return (b - timedelta(microseconds=1)).date() if b.time() == time() else b.date()
    return b


def span(a: date, b: date) -> str:
    """'1–18 Jun 2021', 'May 2021', 'Jan 2018 – Jun 2021' (zh: 2021年6月1日至18日, 2021年5月, …)."""
    zh = i18n.language() == "zh"
    whole_a, whole_b = a.day == 1, b == _month_end(b)
    if whole_a and whole_b:
        if (a.year, a.month) == (b.year, b.month):
            return f"{a.year}年{a.month}月" if zh else f"{_MONTHS[a.month - 1]} {a.year}"
        if zh:
            return f"{a.year}年{a.month}月至{b.year}年{b.month}月"
        return f"{_MONTHS[a.month - 1]} {a.year} – {_MONTHS[b.month - 1]} {b.year}"
    if zh:
        if (a.year, a.month) == (b.year, b.month):
            if a == b:
                return f"{a.year}年{a.month}月{a.day}日"
            return f"{a.year}年{a.month}月{a.day}日至{b.day}日"
        return f"{a.year}年{a.month}月{a.day}日至{b.year}年{b.month}月{b.day}日"
    if (a.year, a.month) == (b.year, b.month):
        return f"{a.day}–{b.day} {_MONTHS[a.month - 1]} {a.year}" if a != b else \
            f"{a.day} {_MONTHS[a.month - 1]} {a.year}"
    if a.year == b.year:
        return f"{a.day} {_MONTHS[a.month - 1]} – {b.day} {_MONTHS[b.month - 1]} {b.year}"
    return f"{a.day} {_MONTHS[a.month - 1]} {a.year} – {b.day} {_MONTHS[b.month - 1]} {b.year}"


def _sep() -> str:
    return translate("Story", "; ")


def _sentence(text: str) -> str:
    text = text.strip()
    return text if text.endswith((".", "。")) else text + ("。" if i18n.language() == "zh" else ".")


def _rows_text(groups: list[RowGroup]) -> str:
    """'demo_618.xlsx › Energy: 4 rows, 1 Jun – 30 Jun 2020'; several sheets joined."""
    parts = []
    for g in groups:
        where = " › ".join(p for p in (g.file, g.sheet) if p) or translate("Story", "entered in the window")
        text = (translate("Story", "{0}: 1 row") if g.rows == 1 else
                translate("Story", "{0}: {1} rows")).format(where, f"{g.rows:,}")
        if g.first and g.last:
            text += translate("Story", ", {0}").format(span(_d(g.first), _last_day(g.last)))
        if g.row_numbers:
            text += translate("Story", ", row {0}").format(", ".join(str(r) for r in g.row_numbers))
        parts.append(text)
    return _sep().join(parts)


def _merge(groups: list[RowGroup]) -> list[RowGroup]:
    """Groups of one file and sheet merged (renewable and other rows of a window together)."""
    acc: dict[tuple, RowGroup] = {}
    for g in groups:
        k = (g.file, g.sheet)
        if k in acc:
            o = acc[k]
            acc[k] = RowGroup(g.table, g.campaign, g.scope, g.site, g.renewable, g.file, g.sheet,
                              o.rows + g.rows, min(o.first, g.first), max(o.last, g.last), o.kwh + g.kwh)
        else:
            acc[k] = g
    return list(acc.values())


def _years(years: list[int]) -> str:
    ys = sorted(set(years))
    if len(ys) > 1 and ys[-1] - ys[0] == len(ys) - 1:
        return f"{ys[0]}–{ys[-1]}"
    return ", ".join(str(y) for y in ys)


def _factor_texts(used: list[FactorUsed]) -> str:
    """'grid factor, North China 2018–2021: 0.712 kg CO2/kWh (MEE/NBS …, 2021; CO2 only; the 2021
    value used for 2018–2020)': the years of one value of one source together."""
    same: dict[tuple, list[FactorUsed]] = {}
    for f in used:
        k = (f.key, f.region, f.value, f.unit, f.source, f.factor_year, f.gas_basis)
        same.setdefault(k, []).append(f)
    parts = []
    for (key, region, value, unit, source, factor_year, gas_basis), fs in same.items():
        gas = translate("Story", "CO2 only") if gas_basis == CO2 else translate("Story", "CO2e")
        name = translate("Story", "grid") if key == "grid" else key
        label = translate("Story", "{0} factor, {1}").format(name, region_name(region)) if region else \
            translate("Story", "{0} factor").format(name)
        text = translate("Story", "{0} {1}: {2} {3} ({4}, {5}; {6})").format(
            label, _years([f.year for f in fs if f.year]), f"{value:g}", unit_word(unit),
            source.split(";")[0].strip(), factor_year or "—", gas)
        other = [f.year for f in fs if f.fallback and f.year and f.year != factor_year]
        if other:
            text += translate("Story", "; the {0} value is used for {1}").format(factor_year, _years(other))
        parts.append(text)
    return _sep().join(parts)


def _factors(summary: Summary, key: str, region: str, years: set[int]) -> list[FactorUsed]:
    return [f for f in summary.factors_used
            if f.key == key and (f.region or "") == region and f.year in years]


def _amount_t(t: float, gas: str, f: Filters) -> tuple[str, str]:
    unit = t_unit("kt" if f.unit == "kt" else "t", CO2 if gas == CO2 else CO2E)
    if f.cn_units:
        scale, prefix = i18n.cn_scale(t)
        return i18n.fmt_plain(t / scale), i18n.cn_unit(prefix, t_unit("t", CO2 if gas == CO2 else CO2E))
    return fmt_num(t / f.t_scale), unit


def _kwh(kwh: float, f: Filters) -> str:
    if f.cn_units:
        return i18n.fmt_cn(kwh, unit_word("kWh"))
    return f"{kwh:,.0f} {unit_word('kWh')}"
