"""Fitting a chart to the size it is drawn at (no Qt): the window, the image exports and the deck
all draw `fit_chart(chart, width_px, height_px)` — the top series plus "Other" (the rest summed,
named in the source line), lines beyond the legend's room thin and grey (shares are never summed),
categories too many for a readable bar grouped. The data exports keep every row."""

from __future__ import annotations

import re

from greenledger.core import i18n
from greenledger.core.chart_data import (
    SERIES_COLORS,
    ChartData,
    Series,
    fmt_num,
)
from greenledger.core.i18n import translate

OTHER_COLOR = "#B8C1CC"
MAX_SERIES = 8  # legend entries beside a plot before the smallest are grouped
MIN_SLOT_PX = 18.0  # a category (a bar, or bars side by side) narrower than this is not readable
MIN_ROW_PX = 21.0  # a horizontal bar's row (a line of CJK text with room)


def _named(names: list[str], limit: int = 6) -> str:
    shown = ", ".join(names[:limit])
    return shown + (", …" if len(names) > limit else "")


def _is_date(text: str) -> bool:
    return len(text) in (4, 7) and text[:4].isdigit() and (len(text) == 4 or text[4] == "-")


def fit_chart(chart: ChartData, width_px: float, height_px: float, max_series: int = MAX_SERIES) -> ChartData:
    """`chart` as it can be drawn in `width_px` × `height_px` logical pixels: beyond `max_series`
    stacked bar series the smallest are summed into one "Other (n)" series; beyond `max_series` lines
    the lowest are drawn thin and grey under one legend entry (shares are never summed); categories
    too many for a readable bar (not dates: those are thinned on the axis) keep the largest and sum
    the rest into "Other (n)", within each group of a horizontal chart. What was grouped is named in
    the source line. The data (ChartData.table, exports, hashes) stays the chart's own."""
    max_series = min(max_series, max(3, int(height_px / 26)))  # legend entries one line each at least
    out = _natural_cn_labels(chart)
    bars = [s for s in chart.series if s.kind == "bar"]
    lines = [s for s in chart.series if s.kind == "line" and s.axis == "left"]
    if len(bars) > max_series and all(s.stacked for s in bars):
        out = _other_series(out, bars, max_series)
    if len(lines) > max_series:
        out = _muted_lines(out, lines, max_series)
    if chart.horizontal:
        rows = max(int(height_px * 0.85 / MIN_ROW_PX), 4)
        if len(out.categories) > rows and all(s.kind == "bar" for s in out.series):
            out = _other_rows(out, rows)
    elif not all(_is_date(c) for c in out.categories):
        side_by_side = len([s for s in out.series if s.kind == "bar" and not s.stacked]) or 1
        slot = max(MIN_SLOT_PX, 10.0 * side_by_side + 6.0)
        slots = max(int(width_px * 0.65 / slot), 3)  # the plot: the width less axes and legend
        if len(out.categories) > slots and all(s.kind == "bar" for s in out.series):
            named = _name_year(out.categories)
            out = _other_names(out, named, slots) if named else _other_categories(out, slots)
    return out


def _name_year(categories: list[str]) -> list[tuple[str, str]] | None:
    """("Ulanqab DC", "2021") for each "Ulanqab DC 2021", if every category is a name and a year."""
    out = []
    for c in categories:
        name, _, year = c.rpartition(" ")
        if not name or not (len(year) == 4 and year.isdigit()):
            return None
        out.append((name, year))
    return out


def _other_names(chart: ChartData, named: list[tuple[str, str]], slots: int) -> ChartData:
    """Categories "<name> <year>": the largest names keep their years, the others are summed per year
    ("Other (43) 2021"), so that a year is never mixed with another."""
    years = sorted({y for _n, y in named})
    names = list(dict.fromkeys(n for n, _y in named))
    size = dict.fromkeys(names, 0.0)
    for i, (n, _y) in enumerate(named):
        size[n] += sum(abs(s.values[i] or 0.0) for s in chart.series)
    room = max(1, min(MAX_SERIES - 1, slots // max(len(years), 1) - 1))
    if room >= len(names):
        return chart
    keep = set(sorted(names, key=lambda n: -size[n])[:room])
    rest = [n for n in names if n not in keep]
    picks: list[list[int]] = []
    cats: list[str] = []
    for i, (n, _y) in enumerate(named):
        if n in keep:
            picks.append([i])
            cats.append(chart.categories[i])
    other = translate("Charts", "Other ({0})").format(len(rest))
    for y in years:
        pick = [i for i, (n, yy) in enumerate(named) if yy == y and n not in keep]
        if pick:
            picks.append(pick)
            cats.append(f"{other} {y}")
    note = translate("Charts", "Other = {0} summed per year: {1}").format(len(rest), _named(rest))
    return _pick(chart, cats, picks, [], [note])


def _distinct(colors: list[str]) -> list[str]:
    """The colours with repeats (a palette cycled past its end) replaced by unused palette colours."""
    seen: set[str] = set()
    spare = [c for c in SERIES_COLORS if c not in colors]
    out = []
    for c in colors:
        if c in seen and spare:
            c = spare.pop(0)
        seen.add(c)
        out.append(c)
    return out


_CN_AXIS = re.compile(r"(万|亿)(吨[^）)]*|千瓦时)")


def _natural_cn_labels(chart: ChartData) -> ChartData:
    """With 万/亿 (Filters.cn_units), a bar label under 1 万 of the base unit reads in that unit
    ("400 吨二氧化碳当量", not "0.0400" on a 万吨 axis)."""
    m = _CN_AXIS.search(chart.y_label or "")
    if not chart.filters.get("cn_units") or m is None:
        return chart
    mult = i18n.YI if m.group(1) == "亿" else i18n.WAN
    series, changed = [], False
    for s in chart.series:
        labels = s.labels
        if s.kind == "bar" and s.labels:
            labels = list(s.labels)
            for i, (v, t) in enumerate(zip(s.values, s.labels, strict=False)):
                if v is not None and t and t == fmt_num(v) and abs(v * mult) < i18n.WAN:
                    labels[i] = i18n.fmt_cn(v * mult, m.group(2))
                    changed = True
        series.append(Series(s.name, s.values, s.kind, s.axis, s.stacked, s.color, labels, s.point_colors,
                             s.muted))
    return _copy(chart, series=series) if changed else chart


def _copy(chart: ChartData, **changes) -> ChartData:
    fields = {k: getattr(chart, k) for k in ChartData.__dataclass_fields__}
    fields.update(changes)
    fields["notes"] = [*chart.notes, *changes.get("notes", [])]
    return ChartData(**fields)


def _other_series(chart: ChartData, bars: list[Series], max_series: int) -> ChartData:
    total = {id(s): sum(v or 0.0 for v in s.values) for s in bars}
    keep = sorted(bars, key=lambda s: -total[id(s)])[: max_series - 1]
    rest = [s for s in bars if s not in keep]
    n = len(chart.categories)
    summed = [sum(s.values[i] or 0.0 for s in rest) for i in range(n)]
    other = Series(
        translate("Charts", "Other ({0})").format(len(rest)), summed, stacked=True, color=OTHER_COLOR
    )
    labels = next((s.labels for s in reversed(bars) if s.labels), None)
    colors = _distinct([s.color for s in bars if s in keep])
    kept = [Series(s.name, s.values, s.kind, s.axis, s.stacked, c, None, s.point_colors)
            for s, c in zip([s for s in bars if s in keep], colors, strict=True)]
    other.labels = labels  # the stack's totals stay on its top
    series = kept + [other] + [s for s in chart.series if s.kind != "bar"]
    note = translate("Charts", "Other = {0} series summed: {1}").format(
        len(rest), _named([s.name for s in rest])
    )
    return _copy(chart, series=series, notes=[note])


def _muted_lines(chart: ChartData, lines: list[Series], max_series: int) -> ChartData:
    def mean(s: Series) -> float:
        vals = [v for v in s.values if v is not None]
        return sum(vals) / len(vals) if vals else float("-inf")

    keep = sorted(lines, key=lambda s: -mean(s))[: max_series - 1]
    rest = [s for s in lines if s not in keep]
    colors = dict(zip(map(id, keep), _distinct([s.color for s in keep]), strict=True))
    series = []
    for s in chart.series:
        if s in keep:
            s = Series(s.name, s.values, s.kind, s.axis, s.stacked, colors[id(s)], s.labels, s.point_colors)
            series.append(s)
        elif s in rest:
            first = s is rest[0]
            name = translate("Charts", "Other sites ({0})").format(len(rest)) if first else ""
            series.append(Series(name, s.values, "line", s.axis, False, OTHER_COLOR, None, None, muted=True))
        else:
            series.append(s)
    series.sort(key=lambda s: s.muted, reverse=True)  # grey lines under the coloured ones
    note = translate("Charts", "grey lines: {0} more series, each its own ({1})").format(
        len(rest), _named([s.name for s in rest])
    )
    return _copy(chart, series=series, notes=[note])


def _regroup(chart: ChartData, ranges: list[tuple[int, int]], budget: list[int]) -> ChartData:
    """Keep the largest `budget[k] - 1` categories of each index range, the rest summed."""
    def size(i: int) -> float:
        return sum(abs(s.values[i] or 0.0) for s in chart.series)

    cats: list[str] = []
    picks: list[list[int]] = []
    groups, notes = [], []
    for (first, last), room in zip(ranges, budget, strict=True):
        idx = list(range(first, last + 1))
        start = len(cats)
        if len(idx) > room:
            keep = sorted(sorted(idx, key=lambda i: -size(i))[: max(room - 1, 1)])
            rest = [i for i in idx if i not in keep]
            for i in keep:
                cats.append(chart.categories[i])
                picks.append([i])
            cats.append(translate("Charts", "Other ({0})").format(len(rest)))
            picks.append(rest)
            notes.append(
                translate("Charts", "Other = {0} summed: {1}").format(
                    len(rest), _named([chart.categories[i] for i in rest])
                )
            )
        else:
            for i in idx:
                cats.append(chart.categories[i])
                picks.append([i])
        label = next((g[0] for g in chart.groups if g[1] == first), None)
        if label is not None:
            groups.append((label, start, len(cats) - 1))
    return _pick(chart, cats, picks, groups, notes)


def _pick(
    chart: ChartData, cats: list[str], picks: list[list[int]], groups: list, notes: list[str]
) -> ChartData:
    """A chart whose k-th category sums the original categories picks[k]."""
    series = []
    for s in chart.series:
        vals, labels, colors = [], [], []
        for pick in picks:
            got = [s.values[i] for i in pick if s.values[i] is not None]
            v = sum(got) if got else None
            vals.append(v)
            if s.labels:
                labels.append(s.labels[pick[0]] if len(pick) == 1 else fmt_num(v))
            if s.point_colors:
                colors.append(s.point_colors[pick[0]] if len(pick) == 1 else OTHER_COLOR)
        series.append(
            Series(s.name, vals, s.kind, s.axis, s.stacked, s.color, labels or None, colors or None)
        )
    return _copy(chart, categories=cats, series=series, groups=groups, notes=notes)


def _other_categories(chart: ChartData, slots: int) -> ChartData:
    return _regroup(chart, [(0, len(chart.categories) - 1)], [slots])


def _other_rows(chart: ChartData, rows: int) -> ChartData:
    groups = chart.groups or [("", 0, len(chart.categories) - 1)]
    n = len(chart.categories)
    budget = [max(2, rows * (last - first + 1) // n) for _l, first, last in groups]
    return _regroup(chart, [(first, last) for _l, first, last in groups], budget)
