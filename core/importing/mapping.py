"""Mapping a sheet's columns onto the template's fields by their headers, with a confidence.

Headers match without regard to case, spaces or punctuation, in English or Chinese, by the
synonyms of core.fields; a unit in round, full-width or square brackets (`Energy (MWh)`,
`用电量（万千瓦时）`, `Energy [kWh]`), after a slash or colon (`Energy / MWh`, `电量：万千瓦时`) or
simply at the end (`Usage MWh`) is split off and converts the column.

Confidence: 1.0 an explicit choice (command line, profile) or an exact synonym; 0.95 an exact
synonym once a trailing unit is split off; 0.5-0.85 a header that contains a synonym (longer
synonyms in shorter headers score higher). Columns below MIN_CONFIDENCE stay unmapped.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from functools import cache

from greenledger.core.fields import SHEETS, Field, Kind, norm
from greenledger.core.importing.codes import Found
from greenledger.core.units import DIMENSIONS, split_header, unit_key

PERIOD = "period"
"""A pseudo-field of the assistant: a column of months, quarters or years (`2023-01`,
`2023年1月`, `Jan 2023`, `2023Q1`, `2023`) that fills both Period start and Period end."""
PERIOD_SYNONYMS = ("period", "month", "reporting period", "billing period", "quarter",
                   "月份", "月度", "期间", "统计期间", "统计月份", "年月", "报告期", "账期", "季度",
                   "billing cycle", "bill period", "service period", "read period", "计费周期",
                   "账单周期", "结算周期", "抄表周期", "计费期间", "电费周期", "结算期间", "计费月份",
                   # an hourly export's one timestamp column, each the start of its interval
                   # (core.importing.timestamps); not `Hour ending`, whose time is the end
                   "timestamp", "time stamp", "datetime", "date time", "date and time",
                   "interval start", "interval beginning", "hour beginning", "时间戳", "日期时间",
                   "起始时刻",
                   *("year", "年份", "年度", "统计年度", "fiscal year"))
YEAR_KEYS = frozenset(norm(t) for t in ("year", "年份", "年度", "统计年度", "fiscal year"))
"""Period headers of a year: a month column beside one is the finer, and takes its year."""
IGNORE = "ignore"
MIN_CONFIDENCE = 0.5
MEASURES: dict[Kind, str] = {Kind.ENERGY: "energy", Kind.DELIVERIES: "orders",
                             Kind.PACKAGING: "quantity"}
"""The numeric field a wide sheet's period columns hold when nothing else says (kinds with a
period only)."""


@dataclass(frozen=True, slots=True)
class Match:
    """A column's field (a field name of the kind, or PERIOD), how sure, how it was found and
    the unit its header gives (None when it gives none)."""

    field: str
    confidence: float
    how: Found
    unit: str | None = None


def field_names(kind: Kind) -> list[str]:
    """The names a column of `kind` may be mapped to (PERIOD where the kind has a period)."""
    names = [f.name for f in SHEETS[kind].fields]
    if "period_start" in names:
        names.append(PERIOD)
    return names


def kind_field(kind: Kind, name: str) -> Field | None:
    try:
        return SHEETS[kind].field(name)
    except KeyError:
        return None


@cache
def _index(kind: Kind) -> dict[str, str]:
    idx: dict[str, str] = {}
    for f in SHEETS[kind].fields:
        for text in (*f.synonyms, f.name, f.header):
            idx.setdefault(norm(text), f.name)
    if "period_start" in idx.values():
        for text in PERIOD_SYNONYMS:
            idx.setdefault(norm(text), PERIOD)
    return idx


@cache
def _unit_suffixes(kind: Kind) -> list[tuple[str, str]]:
    """(normal form of a unit, field) for the kind's fields that have a unit dimension,
    longest units first."""
    out = []
    for f in SHEETS[kind].fields:
        if f.dimension in DIMENSIONS:
            out += [(norm(u), f.name) for u in DIMENSIONS[f.dimension] if norm(u)]
    return sorted(set(out), key=lambda t: -len(t[0]))


_SEPARATED_UNIT = re.compile(r"^(?P<name>.*?)(?:\s*(?:/|,|，|:|：|单位[:：]?|unit[:：]?)\s*|\s+in\s+)"
                             r"(?P<unit>[^/,，:：]+)$", re.IGNORECASE)


QUALIFIER_PHRASE = re.compile(
    r"^\s*(?:excl(?:uding|udes|usive\s+of|\.)?|ex\.|incl(?:uding|udes|usive\s+of|\.)?|inc\.|"
    r"net\s+of|less|without|w/o|minus|after|not\s+incl(?:uding|\.)?|"
    r"不含|不包含|不包括|未含|含|包含|包括|剔除|扣除|除去|去除|减去|扣减|排除|已扣除|已剔除)(?![a-z])",
    re.IGNORECASE)
"""A bracket that says what the figure leaves out or takes in (`Orders (excl. cancelled)`,
`订单数（不含取消）`, `Orders (incl. pre-sale)`, `(net of returns)`): words about the figure, no
unit. Whether they qualify it away from the field is column_words.qualified's to say."""
_BRACKET_PARTS = re.compile(r"\s*[,，;；]\s*")
_LAST_BRACKET = re.compile(r"[(\[【]\s*(?P<q>[^()\[\]【】]+?)\s*[)\]】]$")


def _sum_of_words(text: str) -> bool:
    """`现货+预售`, `spot + pre-sale`: the parts a figure adds up, no unit (`kWh + kvarh` is)."""
    parts = [p.strip() for p in re.split(r"[+＋]", text)]
    return len(parts) > 1 and all(p and not is_unit(p) and not any(ch.isdigit() for ch in p)
                                  for p in parts)


def _no_qualifier(unit: str) -> str | None:
    """A bracket's unit without its qualifier phrases and sums of words (`kWh, excl. PV` ->
    `kWh`; `excl. cancelled`, `现货+预售` -> None); the bracket as it is when it has none."""
    parts = [p for p in _BRACKET_PARTS.split(unit) if p]
    kept = [p for p in parts if not QUALIFIER_PHRASE.match(p) and not _sum_of_words(p)]
    if len(kept) == len(parts):
        return unit
    return ", ".join(kept) or None


def split_unit(header: object) -> tuple[str, str | None]:
    """`Energy (MWh)` -> ("Energy", "MWh"); `电量：万千瓦时` -> ("电量", "万千瓦时");
    `Energy / MWh` -> ("Energy", "MWh"); `Orders (excl. cancelled)` -> ("Orders", None) (a
    qualifier phrase is no unit: QUALIFIER_PHRASE; `订单量(万单)(不含取消)` -> ("订单量", "万单"));
    otherwise (header, None)."""
    text = unicodedata.normalize("NFKC", str(header)).strip()
    while (q := _LAST_BRACKET.search(text)) and q.start() > 0 and _no_qualifier(q["q"]) is None:
        text = text[:q.start()].rstrip()  # a qualifier bracket after the unit's
    name, unit = split_header(text)
    if unit is not None:
        return name, _no_qualifier(unit)
    m = _SEPARATED_UNIT.match(text)
    if m and m.group("name").strip() and is_unit(m.group("unit")):
        return m.group("name").strip(), m.group("unit").strip()
    return text, None


def is_unit(text: str) -> bool:
    """True when `text` is a unit of energy, mass, distance or percent."""
    key = unit_key(text)
    return bool(key) and any(key in table for table in DIMENSIONS.values())


def unit_dimension(text: str) -> str | None:
    key = unit_key(text)
    for dim, table in DIMENSIONS.items():
        if key in table:
            return dim
    return None


def match_header(header: object, kind: Kind) -> list[Match]:
    """Candidate fields of `kind` for a header, best first."""
    if header is None or not str(header).strip():
        return []
    idx = _index(kind)
    name, unit = split_unit(header)
    key = norm(name)
    full = norm(header)
    found: dict[str, Match] = {}

    def add(m: Match) -> None:
        if m.field not in found or found[m.field].confidence < m.confidence:
            found[m.field] = m

    if key in idx:
        add(Match(idx[key], 0.9 if idx[key] == PERIOD and key in YEAR_KEYS else 1.0,
                  Found.SYNONYM, unit))
    if full in idx and full != key:
        add(Match(idx[full], 1.0, Found.SYNONYM, None))
    if not found and key:
        for u, fname in _unit_suffixes(kind):  # `Usage MWh`, `用电量万千瓦时`
            if key.endswith(u) and len(key) > len(u) and idx.get(key[:-len(u)]) == fname:
                suffix_unit = unicodedata.normalize("NFKC", str(name)).strip()[-len(u):]
                add(Match(fname, 0.95, Found.SYNONYM_UNIT, unit or suffix_unit))
                break
    bare = str(header).strip("()（）[]【】 ")
    if not found and (len(key) >= 2 or is_cjk(key)) and (dim := unit_dimension(bare)):
        # a header that is only a unit (万千瓦时, 度, 公里): the one field measured in it
        fields = [f.name for f in SHEETS[kind].fields if f.dimension == dim
                  and f.type.value == "number"]
        if len(fields) == 1:
            add(Match(fields[0], 0.9, Found.UNIT_HEADER, bare))
    if not found and key in NEUTRAL_KEYS and unit and (dim := unit_dimension(unit)):
        # `Actual (kWh)`, `Units (kWh)`, `Quantity (MWh)`: a word that names no field, with a
        # unit: the one numeric field measured in that unit
        fields = [f.name for f in SHEETS[kind].fields if f.dimension == dim
                  and f.type.value == "number"]
        if len(fields) == 1:
            add(Match(fields[0], 0.9, Found.UNIT_HEADER, unit))
    if not found and len(key) >= 2:
        for syn, fname in idx.items():
            if len(syn) < (2 if is_cjk(syn) else 3) or syn not in key:
                continue
            conf = 0.5 + 0.35 * len(syn) / len(key)
            if _PART.search(key.replace(syn, "")):  # 峰电量, peak kWh: one tariff band's part
                conf -= 0.2
            add(Match(fname, round(min(conf, 0.85), 2), Found.PARTIAL, unit))
    if unit and unit_dimension(unit) in ("energy", "mass", "distance"):
        # `电网购电(GWh)`, `Grid (MWh)`: a header stating a quantity's unit holds numbers, never a
        # text, a choice or a date (电网 in it is no grid region)
        for m in list(found.values()):
            f = kind_field(kind, m.field) if m.field != PERIOD else None
            if m.field == PERIOD or (f is not None and f.type.value in ("text", "choice", "date")):
                found.pop(m.field)
    if kind == Kind.PACKAGING and unit and unit_dimension(unit) != "mass":
        found.pop("quantity", None)  # 数量(个), Quantity (boxes): a count, not the material's mass
    if _CAMPAIGN_WORD.search(full) and "campaign" in {f.name for f in SHEETS[kind].fields}:
        # `Campaign start`, `活动开始日期`: the campaign's dates (checked against it), not a period
        for name in ("period_start", "period_end", PERIOD):
            found.pop(name, None)
    return sorted(found.values(), key=lambda m: -m.confidence)


NEUTRAL = ("quantity", "qty", "amount", "value", "actual", "actuals", "actual value", "units",
           "volume", "total quantity", "数量", "实际", "实际值", "实际数", "数值", "量", "发生量",
           "实际发生", "实际发生量")
"""Words that say a column holds a number but not of what (`Actual (kWh)`, UK bills' `Units
(kWh)`, SAP's `Quantity`): the unit beside them says which field (see match_header), or a Unit
column beside them (core.importing.columns). Not `Reading` (a meter's register, not the period's
use), `Total` (a wide sheet's total column) or `Variance`/`Budget` (not the quantity)."""
NEUTRAL_KEYS = frozenset(norm(t) for t in NEUTRAL)

_CAMPAIGN_WORD = re.compile(r"campaign|活动|大促")
# Words beside a synonym that make a header one tariff band's part (峰/平/谷/尖 电量, peak,
# off-peak, night): on a utility bill the total, not a band, is the quantity. (A "total" is not
# preferred for itself: 总用电量 beside 本月用电量 may be a meter's running total, so that pair
# stays a tie that is asked.)
_PART = re.compile(r"^[峰平谷尖]|峰段|平段|谷段|尖峰|peak|valley|shoulder|night")


def is_cjk(text: str) -> bool:
    """Whether `text` has a CJK character (Chinese headers and units)."""
    return any("\u3400" <= ch <= "\u9fff" for ch in text)


def best_any_kind(header: object) -> float:
    """The best confidence of a header over every kind (to tell header rows from others)."""
    best = 0.0
    for kind in SHEETS:
        ms = match_header(header, kind)
        if ms:
            best = max(best, ms[0].confidence)
    return best


def field_name(kind: Kind, name: str) -> str | None:
    """A field name given by a user (`site`, `Energy`, `用电量`, `period`) as the kind's field
    name (IGNORE for `ignore`), or None when the kind has no such field."""
    key = norm(name)
    if key in (IGNORE, "", "none", "skip", "忽略"):
        return IGNORE
    for n in field_names(kind):
        if norm(n) == key:
            return n
    ms = match_header(name, kind)
    if ms and ms[0].confidence >= 1.0:
        return ms[0].field
    return None


def not_a_field(kind: Kind, name: str) -> str:
    """Why `name` cannot be mapped as `kind` (the kind's fields named)."""
    return (f"'{name}' is not a field of {kind.value} sheets (fields: "
            f"{', '.join(field_names(kind))}, or ignore)")


def resolve_field(kind: Kind, name: str) -> str:
    """field_name, raising KeyError naming the choices for a name the kind does not have
    (a profile checked as it is read)."""
    found = field_name(kind, name)
    if found is None:
        raise KeyError(not_a_field(kind, name))
    return found


def assign(candidates: dict[int, list[Match]], fixed: dict[int, Match] | None = None,
           taken: set[str] | None = None) -> dict[int, Match]:
    """Give each field to at most one column: fixed choices first, then the most confident
    candidates (ties to the leftmost column)."""
    out: dict[int, Match] = dict(fixed or {})
    used = {m.field for m in out.values()} | set(taken or ())
    pool = sorted(((m.confidence, -col, col, m) for col, ms in candidates.items()
                   if col not in out for m in ms if m.confidence >= MIN_CONFIDENCE),
                  key=lambda t: (-t[0], -t[1]))
    for _, _, col, m in pool:
        if col in out or m.field in used:
            continue
        out[col] = m
        used.add(m.field)
    return out


def missing_required(kind: Kind, mapped: set[str]) -> list[str]:
    """Required fields of `kind` not among `mapped` (a PERIOD column covers both period ends)."""
    have = set(mapped)
    if PERIOD in have:
        have |= {"period_start", "period_end"}
    return [f.name for f in SHEETS[kind].fields if f.required and f.name not in have]


BESIDE_UNIT_CONFIDENCE = 0.8
UNIT_COLUMN_LABELS = frozenset(norm(t) for t in (
    "unit", "units", "uom", "unit of measure", "unit of measurement", "measurement unit",
    "单位", "计量单位", "单位名称", "计量单位名称"))
"""Headers of a column that gives each row's unit: the same as core.importing.cellunits' (a test
holds them equal; cellunits imports this module, so it cannot be imported from here)."""


def beside_unit_column(kind: Kind, cells: list[tuple[int, str]], candidates: dict[int, list[Match]],
                       fixed: dict[int, Match]) -> None:
    """A column named by a neutral word without a unit (`Quantity`, `数量`, `Amount`) beside a
    Unit column (`Unit`, `UoM`, `单位`) holds the kind's one quantity whose unit must be stated
    (energy): each row's unit is then read from the Unit column, and a row whose unit is not
    one of energy is refused there. Only where no other column is taken for it by its words."""
    wanted = [f.name for f in SHEETS[kind].fields
              if f.required and f.dimension in ("energy", "mass", "distance")]
    if len(wanted) != 1 or not any(norm(t) in UNIT_COLUMN_LABELS for _, t in cells):
        return
    name = wanted[0]
    if any(m.field == name for m in fixed.values()):
        return
    for index, header in cells:
        text, unit = split_unit(header)
        if index in candidates and unit is None and norm(text) in NEUTRAL_KEYS \
                and not candidates[index]:
            candidates[index] = [Match(name, BESIDE_UNIT_CONFIDENCE, Found.PARTIAL, None)]


_NAME_SUFFIXES = ("name", "名称", "名", "description", "desc", "描述")


def name_over_code(kind: Kind, cells: list[tuple[int, str]], candidates: dict[int, list[Match]]) -> None:
    """`Plant | Plant name` (SAP), `Site | Site name`, `业务单元 | 业务单元名称`: where a column's
    header is another's followed by `name`, the named one is the field's (its values are the
    names the workspace keeps: `Manchester DC`, not the plant code `1010`); the bare one is left
    out as a code."""
    by_key = {norm(t): i for i, t in cells if i in candidates and norm(t)}
    for key, index in by_key.items():
        for suffix in _NAME_SUFFIXES:
            named = by_key.get(key + suffix)
            if named is None:
                continue
            fields = {m.field for m in candidates[index]
                      if (f := kind_field(kind, m.field)) is not None and f.type.value == "text"}
            if not fields:
                continue
            best = max((m for m in candidates[index] if m.field in fields), key=lambda m: m.confidence)
            candidates[named] = [replace(best, how=Found.SYNONYM)] + [
                m for m in candidates[named] if m.field != best.field]
            candidates[index] = [m for m in candidates[index] if m.field not in fields]
            break


_READ_DATES = frozenset(norm(t) for t in ("read date", "reading date", "meter read date", "date of read",
                                          "抄表日", "抄表日期"))


def read_date_pair(cells: list[tuple[int, str]], candidates: dict[int, list[Match]]) -> None:
    """`Previous Read Date | Read Date` (UK bills): beside a column taken for the period's start
    by its read words, a plain `Read Date` is its end. Alone (a single read per row) it is
    neither, and a sheet with a Month column keeps its month."""
    starts = [i for i, t in cells if any(m.field == "period_start" and m.confidence >= 0.95
                                         for m in candidates.get(i, []))
              and ("read" in norm(t) or "抄表" in t)]
    if not starts or any(m.field in ("period_end", PERIOD) and m.confidence >= 0.95
                         for ms in candidates.values() for m in ms):
        return
    for i, t in cells:
        if i in candidates and not candidates[i] and norm(t) in _READ_DATES:
            candidates[i] = [Match("period_end", 0.95, Found.SYNONYM, None)]
            return
