"""A main meter and its sub-meters in one bill or meter export (core.importing.meters sums a
site's meters of a period): a main meter measures what its sub-meters measure (and a check
meter what its main measures), so summing them counts the same energy twice with exit 0.

Refused (`submeters_labelled`) where a site lists, for the same period, a meter its words call
the main one (`总表`, `Main meter`, `Main`, `总`) and meters they call its sub-meters (`分表1`,
`Sub-meter 2`, `分2`, `子表`, `考核表`), or a check meter (`Check meter`, `校核表`) beside others:
its name or a `Meter type` / `表计类型` column says so, or a `Parent meter` / `上级表` column
names another meter of the site as the row's parent. Refused too (`submeters_sum`) where one
meter's kWh is the sum of the site's other meters (at least two) within 0.5 % in at least two
periods and in three in four of the periods it has them beside it, or in one where they are
called sub-meters: the pattern of a main meter, not a coincidence. One such period of a bill of
one or two is said as a warning (`submeters_sum_once`) and summed: three meters of a site, one
of which equals the other two in one month, are three supplies (in one month of more, not said:
flat loads 2 : 1 : 1 do so a month in three).

The hint: delete the sub-meters' rows in the periods the main meter has too and import again
(the main meter's rows are the site's figures); where the sum is the only sign, or the meters
are separate supplies after all, write one row per period with their sum instead. Where the
meters called sub-meters measure more than their main in a period, not all of them are under it
and deleting them would lose energy: refused (`submeters_exceed`) asking which are (a `Parent
meter` column naming the main on its sub-meters' rows)."""

from __future__ import annotations

import re
from collections import Counter

from greenledger.core.errors import Problem, coded_reason
from greenledger.core.importing.values import is_blank, parse_text

MAIN = re.compile(
    r"(?<![a-z])(?:main|master)[\s_-]*(?:meters?|incomers?|supply)(?![a-z])"
    r"|^\W*(?:main|master)(?:[\s_#-]*\d+)?\W*$"
    r"|总表|总电表|主表|主电表|关口表|总计量|^\W*\d*\s*#?\s*总(?:[\s_#-]*\d+)?\W*$",
    re.IGNORECASE)
"""A meter's words that call it a site's main meter (`Main meter`, `Main`, `Master meter 1`,
`1#总表`, `总`, `关口表`); not `Main building`, `总部` (a building's meter, a supply of its own)."""
SUB = re.compile(
    r"(?<![a-z])sub[\s_-]*meters?(?![a-z])|(?<![a-z])submeters?(?![a-z])"
    r"|^\W*sub(?:[\s_#-]*\d+)?\W*$|(?<![a-z])sub[\s_#-]+\d+"
    r"|分[电户项路]?表|(?<!电)子表|考核表|^\W*\d*\s*#?\s*分(?:[\s_#-]*\d+)?\W*$",
    re.IGNORECASE)
"""Words that call a meter a sub-meter (`Sub-meter 1`, `Sub 2`, `分表1`, `分2`, `子表`, `分项表`,
`考核表`); not `Substation`, `电子表` (an electronic meter), `分拣中心`."""
CHECK = re.compile(r"(?<![a-z])check[\s_-]*meters?(?![a-z])|^\W*check(?:[\s_#-]*\d+)?\W*$"
                   r"|校核表|校验表|核对表|比对表", re.IGNORECASE)
"""Words of a check meter: it measures what another meter of the site measures."""

TOLERANCE = 0.005
"""How near a meter's kWh must be to the sum of the others to be taken as their main (0.5 %)."""
_ROWS_SHOWN = 24


def role_texts(rows: list[list], row_numbers: list[int], indexes: list[int]) -> list[str]:
    """The texts of the cells at `indexes` of each parsed row (Excel row numbers), joined."""
    out = []
    for row in row_numbers:
        cells = rows[row - 1] if row - 1 < len(rows) else []
        out.append(" | ".join(str(parse_text(cells[i])) for i in indexes
                              if i < len(cells) and not is_blank(cells[i])))
    return out


def role(text: str) -> str | None:
    """"check", "sub", "main" or None for a meter's words (each part between `|` alone)."""
    parts = [p.strip() for p in (text or "").split("|")]
    for name, words in (("check", CHECK), ("sub", SUB), ("main", MAIN)):
        if any(words.search(p) for p in parts if p):
            return name
    return None


def _rows(numbers: list[int]) -> str:
    shown = ", ".join(map(str, numbers[:_ROWS_SHOWN]))
    return shown + (f", … ({len(numbers)} rows)" if len(numbers) > _ROWS_SHOWN else "")


def _names(names) -> str:
    return ", ".join(sorted(names, key=_natural))


def _natural(name: str) -> tuple:
    """分表2 before 分表10."""
    return tuple(int(t) if t.isdigit() else t for t in re.split(r"(\d+)", name))


def check_levels(plan, ps, meters: list[str | None], texts: list[str], keys: list[tuple],
                 label: str, parents: list[str] | None = None) -> list[Problem]:
    """Refusals (and warnings, on `ps.warnings`) for main meters summed with their sub-meters.
    `meters`: each parsed row's meter; `texts`: its role words; `keys`: its energy natural key
    (site, period start, period end, source, instrument); `parents`: each row's parent meter,
    where a column names it."""
    energy = ps.columns["energy"]
    supplies: dict[tuple, dict[tuple, list[int]]] = {}
    for i, k in enumerate(keys):
        if meters[i] is not None and energy[i] is not None:
            supplies.setdefault((k[0], k[3], k[4]), {}).setdefault((k[1], k[2]), []).append(i)
    memo: dict[str, str | None] = {}
    roles = [memo[t] if t in memo else memo.setdefault(t, role(t)) for t in texts]
    out = []
    for supply, periods in supplies.items():
        if parents is not None:
            _by_parent(roles, meters, parents, [i for idx in periods.values() for i in idx])
        periods = {p: idx for p, idx in periods.items() if len({meters[i] for i in idx}) > 1}
        if not periods:
            continue
        found = _labelled(periods, meters, roles, energy) or _summed(periods, meters, roles, energy)
        if found is None:
            continue
        code, main, subs, extra = found
        if code == "submeters_sum_once":
            i = extra.pop("at")
            params = {"site": str(supply[0]), "main": _names(main), "subs": _names(subs), **extra}
            ps.warnings.append(Problem(plan.file, coded_reason(code, **params), plan.sheet,
                                       ps.row_numbers[i], label, meters[i], code=code, params=params))
            continue
        main_periods = [p for p, idx in periods.items() if any(meters[i] in main for i in idx)]
        if code == "submeters_exceed":  # the period whose sub-meters measure more
            main_periods = [extra.pop("period")]
        drop = sorted({ps.row_numbers[i] for p in main_periods for i in periods[p]
                       if meters[i] in subs})  # a wide sheet's row holds several periods
        if not drop:
            continue
        first = ps.row_numbers.index(drop[0])
        params = {"site": str(supply[0]), "main": _names(main), "subs": _names(subs),
                  "rows": _rows(drop), **extra}
        out.append(Problem(plan.file, coded_reason(code, **params), plan.sheet, drop[0], label,
                           meters[first], code=code, params=params))
    return out


def _by_parent(roles: list, meters, parents: list[str], rows: list[int]) -> None:
    """Where a column names each row's parent (`Parent meter`, `上级表`), it says which meters
    are under which, over their names: a row whose parent is another meter of its site is a
    sub-meter and that meter a main; a meter called a sub-meter whose parent is not on the
    sheet (or not given) is under none of them (another building's, summed with the mains)."""
    names = {meters[i] for i in rows}
    mains = {parents[i] for i in rows if parents[i] in names and parents[i] != meters[i]}
    for i in rows:
        if parents[i] in mains and parents[i] != meters[i]:
            roles[i] = "sub"
        elif meters[i] in mains:
            roles[i] = "main"
        elif roles[i] == "sub":
            roles[i] = None


def _labelled(periods: dict[tuple, list[int]], meters, roles, energy):
    """("submeters_labelled", main, subs, {}) where the meters' words say main and sub (or
    check) in a period; ("submeters_exceed", …, {start, end, subs_kwh, main_kwh}) where the
    sub-meters then measure more than their mains (not all of them can be under it); else None."""
    mains: list[str] = []
    subs: list[str] = []
    for (start, end), idx in periods.items():
        second = [meters[i] for i in idx if roles[i] in ("sub", "check")]
        kept = [meters[i] for i in idx if roles[i] not in ("sub", "check")]
        if not second or not kept:
            continue
        if any(roles[i] == "check" for i in idx) or any(roles[i] == "main" for i in idx):
            mains += kept
            subs += second
        main_kwh = sum(energy[i] for i in idx if roles[i] == "main")
        sub_kwh = sum(energy[i] for i in idx if roles[i] == "sub")
        if main_kwh and sub_kwh > main_kwh * (1 + TOLERANCE):
            return "submeters_exceed", {meters[i] for i in idx if roles[i] == "main"}, {
                meters[i] for i in idx if roles[i] == "sub"}, {
                "start": str(start), "end": str(end), "subs_kwh": f"{sub_kwh:,.0f}",
                "main_kwh": f"{main_kwh:,.0f}", "period": (start, end)}
    if not subs:
        return None
    return "submeters_labelled", set(mains) - set(subs), set(subs), {}


def _summed(periods: dict[tuple, list[int]], meters, roles, energy):
    """("submeters_sum", main, subs, {hits, periods}) where one meter is the sum of the others
    in enough periods, ("submeters_sum_once", …, {start, end, kwh, at}) in one, else None. One
    pass over the rows: each meter against its period's total less its own."""
    stats: dict[str, list] = {}  # meter -> [hits, periods with >= 2 others, subs, labelled, first]
    for (start, end), idx in periods.items():
        count = Counter(meters[i] for i in idx)
        if len(count) < 3:
            continue
        total = sum(energy[i] for i in idx)
        for i in idx:
            st = stats.setdefault(meters[i], [0, 0, [], False, None])
            if count[meters[i]] != 1:
                continue  # the same meter twice: a duplicate, refused elsewhere
            st[1] += 1
            mine, rest = energy[i], total - energy[i]
            if mine > 0 and rest > 0 and abs(mine - rest) <= TOLERANCE * max(mine, rest):
                others = [j for j in idx if j != i]
                st[0] += 1
                st[2] += [meters[j] for j in others]
                st[3] = st[3] or any(roles[j] == "sub" for j in others)
                st[4] = st[4] or (start, end, mine, i)
    hit = [(st[0], m, st) for m, st in stats.items() if st[0]]
    if not hit:
        return None
    hits, m, (_, cands, subs, labelled, first) = max(hit, key=lambda t: t[0])
    if (hits >= 2 and 4 * hits >= 3 * cands) or labelled:
        return "submeters_sum", {m}, set(subs), {"hits": str(hits), "periods": str(cands)}
    if hits == 1 and cands <= 2:  # one month of twelve is a coincidence: not said
        start, end, kwh, at = first
        return "submeters_sum_once", {m}, set(subs), {
            "start": str(start), "end": str(end), "kwh": f"{kwh:,.0f}", "at": at}
    return None
