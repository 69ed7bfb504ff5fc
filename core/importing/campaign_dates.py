"""A campaign given with its dates (issue 12 §2): `Campaign | Campaign start | Campaign end` on a
Deliveries, Packaging or Initiatives sheet. The dates are accepted when they agree with the
campaign's (stored in the workspace or on a Campaigns sheet of the same import), and refused,
naming both, when they do not: a row's figures must not count toward a campaign whose window
the sheet's author had otherwise."""

from __future__ import annotations

import re
from datetime import date

from greenledger.core.errors import Problem, coded_reason
from greenledger.core.fields import Kind, norm
from greenledger.core.i18n import QT_TRANSLATE_NOOP
from greenledger.core.importing.codes import Aside
from greenledger.core.importing.values import CellError, is_blank, parse_date, parse_text

_CAMPAIGN = re.compile(r"campaign|活动|大促")
_START = re.compile(r"start|begin|from|开始|起")
_END = re.compile(r"end|until|to$|结束|截止|止")
DATES_NOTE = QT_TRANSLATE_NOOP("ImportAssistant", "the campaign's dates (checked against the campaign)")
KINDS = (Kind.DELIVERIES, Kind.PACKAGING, Kind.INITIATIVES)


def date_columns(headers: list[tuple[int, str]]) -> tuple[tuple[int, str] | None,
                                                          tuple[int, str] | None]:
    """The (index, label) of the columns giving the campaign's start and end, if any."""
    start = end = None
    for i, h in headers:
        key = norm(h)
        if not _CAMPAIGN.search(key):
            continue
        if _START.search(key) and start is None:
            start = (i, h)
        elif _END.search(key) and end is None:
            end = (i, h)
    return start, end


def collect(plan, sheet) -> list[tuple]:
    """(row, campaign, start, end, start label, end label) of each kept row of `plan` whose
    sheet gives the campaign's dates; bad dates become problems of the plan."""
    if plan.kind not in KINDS or plan.parsed is None or "campaign" not in plan.parsed.columns:
        return []
    free = [(c.index, c.label) for c in plan.columns if not c.field and c.period is None]
    start, end = date_columns(free)
    if start is None and end is None:
        return []
    for c in plan.columns:
        if start and c.index == start[0] or end and c.index == end[0]:
            c.aside, c.aside_args = Aside.CAMPAIGN_DATES, ()
    out = []
    names = plan.parsed.columns["campaign"]
    for name, row in zip(names, plan.parsed.row_numbers, strict=True):
        cells = sheet.rows[row - 1]
        got = []
        for col in (start, end):
            raw = cells[col[0]] if col and col[0] < len(cells) else None
            try:
                got.append(None if is_blank(raw) else parse_date(raw))
            except CellError as exc:
                plan.problems.append(Problem(plan.file, exc.reason, plan.sheet, row, col[1], raw,
                                             code=exc.code, params=exc.params))
                got.append(None)
        if name is not None and any(got):
            out.append((row, parse_text(name), got[0], got[1], start and start[1],
                        end and end[1]))
    return out


def problems(ws, plans) -> list[Problem]:
    """Rows whose campaign dates differ from the campaign's own (workspace, or a Campaigns
    sheet of this import, which wins as it is what the import stores)."""
    known: dict[str, tuple[date, date, str]] = {}
    for r in ws.rows(Kind.CAMPAIGNS):
        known[r["campaign"]] = (date.fromisoformat(r["start"]), date.fromisoformat(r["end"]),
                                "the workspace")
    for plan in plans:
        if plan.kind == Kind.CAMPAIGNS and plan.parsed is not None:
            cols = plan.parsed.columns
            for name, s, e, row in zip(cols["campaign"], cols["start"], cols["end"],
                                       plan.parsed.row_numbers, strict=True):
                if name and s and e:
                    known[name] = (s, e, f"{plan.sheet} row {row}")
    out = []
    for plan in plans:
        lay = plan.layout
        for row, name, start, end, slabel, elabel in (getattr(lay, "campaign_dates", None)
                                                      or []):
            if name not in known:
                continue  # an unknown campaign is refused as such by the import's checks
            ks, ke, where = known[name]
            if (start is None or start == ks) and (end is None or end == ke):
                continue
            params = {"campaign": name, "start": ks.isoformat(), "end": ke.isoformat(),
                      "where": where, "given": f"{start or '…'} – {end or '…'}"}
            out.append(Problem(plan.file, coded_reason("campaign_dates_differ", **params),
                               plan.sheet, row, slabel if start not in (None, ks) else elabel,
                               str(start if start not in (None, ks) else end),
                               code="campaign_dates_differ", params=params))
    return out
