"""Words of headers and titles that change what a column holds (core.importing.columns): a
qualifier (a saving, a target, a rate, a reading, an export: not the quantity), an identifier
(户号, Account number: a name, not a figure), cumulative figures (本年累计, 1-2月), and the
values a title line gives every row (`站点：张北数据中心`)."""

from __future__ import annotations

import re

from greenledger.core.fields import FieldType, Kind
from greenledger.core.importing import mapping as mp
from greenledger.core.importing.layout import Layout

QUALIFIED = re.compile(
    r"\b(?:saved|savings?|avoided|offsets?|reduc(?:ed|tions?)|targets?|budget(?:ed)?|plan(?:ned)?|"
    r"forecasts?|estimated?|projected|expected|baseline|average|avg|mean|daily|monthly average|"
    r"(?:last|prior|previous) year|per\s+(?:order|unit|parcel|package|box|item|shipment|day|week|"
    r"month|year|head|employee|vehicle|trip|km))\b|/\s*(?:order|unit|parcel|box|item|day)\b|"
    r"预计|预测|计划|目标|预算|上年|去年|同期|每单|单均|每件|件均|每箱|日均|月均|平均|节约|节省|节能量|避免|减排"
    r"|节电|省电|减少用电|少用电|降低用电|\b(?:energy|electricity|power|kwh)\s+(?:cut|decrease)"
    r"|无功|\breactive\b|kvarh?\b|\brates?\b|\bprices?\b|\btariffs?\b|单价|电价|费率|单重|单件重|\bunit\s+weight\b"
    r"|/\s*(?:k|m|g)?wh\b|\bper\s+(?:k|m|g)?wh\b"
    r"|\breadings?\b|\bregister\b|示数|读数|表底|表码|止码|起码"
    r"|上网|售电|\bexport(?:ed|s)?\b|feed[\s-]?in|\bsold\b"
    r"|^\s*(?:count|max|min|average|product|stddev|var)\s+of\b|计数项|最大值项|最小值项|乘积项|标准偏差项|方差项"
    r"|\bcancel(?:l?ed|l?ations?|s)?\b|\breturn(?:s|ed)?\b|\brefund(?:s|ed)?\b|取消|退货|退款|退单|撤单|拒收"
    r"|同比|环比|增长|增幅|增速|\byoy\b|\bmom\b|\bqoq\b|year[\s-]*on[\s-]*year|month[\s-]*on[\s-]*month"
    r"|\bgrowth\b"
    r"|\bpre[\s-]?sales?\b|\bpre[\s-]?orders?\b|\bpresell(?:ing)?\b|预售|预定订单|预订单",
    re.IGNORECASE)
ORDER_PARTS = re.compile(r"现货|定金|尾款|\bdeposit(?:[\s-]+paid)?\s+orders?\b|\bin[\s-]?stock\s+orders?\b"
                         r"|\bspot\s+orders?\b|\bbalance[\s-]+(?:paid|payment)\s+orders?\b",
                         re.IGNORECASE)
"""A campaign's orders of one kind: in stock (现货, the others of pre-sale), paid by deposit (定金)
or by their balance (尾款, pre-sale orders again). A part, not the count (deliveries only: 现货
electricity is a power market's spot purchase, another matter)."""
"""Words that make a header's number something other than the field its other words name: a
saving, a target or forecast, last year's, a figure per order or per day, an average (`Energy
saved (kWh)`, `上年同期用电量`, `Weight per order (g)`, `单均碳排放`). Such a column is never
taken for the field by its words (only when the user maps it), so a per-order weight is not
stored as the total and a target not as consumption (the sheet then lacks the field, or its
other column is read). Pre-sale orders (预售订单量, `Pre-sale orders`) are a part of a campaign's
orders, not its count. Not applied to initiatives, whose reductions and factors these are."""


IDENTIFIER = re.compile(r"户号|账号|编号|表号|代码|单号|\baccount\b|\bid\b|\bcode\b|\bref(?:erence)?\b"
                        r"|\bmpan\b|\bmprn\b", re.IGNORECASE)
"""Words of an identifier's header (用电户号, Account number, Meter ID, Plant code): its numbers
name something, they are never a quantity (用电 in 用电户号 is no energy)."""


_LEFT_OUT = (r"(?:cancell?ed|cancell?ations?|returns?|returned|refunds?|refunded)"
             r"(?:\s+orders?)?")
EXCLUDED = re.compile(
    r"\b(?:excl(?:uding|udes|\.)?|ex\.|net\s+of|less|without|after|minus|not\s+incl(?:uding|\.)?)\s*"
    + _LEFT_OUT + r"(?:\s*(?:,|and|&|/|or)\s*" + _LEFT_OUT + r")*"
    r"|(?:不含|不包含|不包括|剔除|扣除|除去|去除|减去|扣减|排除)\s*(?:取消|退货|退款|退单)"
    r"(?:\s*[和及、/与]?\s*(?:取消|退货|退款|退单))*",
    re.IGNORECASE)
"""What a header says it leaves out (`Orders (excl. cancelled)`, `Orders net of returns`,
`订单数(剔除退货)`): the count without them IS the count, so these words do not qualify it."""


_PRESALE = r"(?:pre[\s-]?sales?|presales?|pre[\s-]?orders?)(?:\s+orders?)?"
INCLUDED = re.compile(
    r"\b(?:incl(?:uding|udes|usive\s+of|\.)?|inc\.|plus)\s*" + _PRESALE +
    r"|(?<![不未])(?:包含|包括|加上?)\s*预售(?:订单)?|(?<![不未包])含\s*预售(?:订单)?"
    r"|(?:现货|常规|spot|regular)\s*[+＋&和与及]\s*(?:预售|" + _PRESALE + ")"
    r"|(?:预售|" + _PRESALE + r")\s*[+＋&和与及]\s*(?:现货|常规|spot|regular)",
    re.IGNORECASE)
"""What a header says it takes in that is a part of the count (`Orders (incl. pre-sale)`,
`订单量（含预售）`, `订单量（现货+预售）`): the count with them IS the count, so these words do not
qualify it (`不含预售`, `excl. pre-sale` do: the count without a part is no count)."""


def qualified(kind: Kind, text: str) -> bool:
    """Whether `text` (a header) qualifies its number away from `kind`'s quantity fields
    (what it says it leaves out, EXCLUDED, or takes in, INCLUDED, is no qualifier)."""
    if kind == Kind.INITIATIVES:
        return False
    text = INCLUDED.sub(" ", EXCLUDED.sub(" ", text or ""))
    return bool(QUALIFIED.search(text) or (kind == Kind.DELIVERIES and ORDER_PARTS.search(text)))


_TITLE_VALUE = re.compile(r"^\s*(?P<h>[^:：]{1,20}?)\s*[:：]\s*(?P<v>\S.{0,60}?)\s*$")


def title_values(kind: Kind, layout: Layout) -> dict[str, str]:
    """Values a title line above the table gives every row (`站点：张北数据中心`, `Site: Leeds
    Store`, `能源类型：电网`): its words before the colon name a text or choice field of the kind
    exactly (a synonym, not a part), and no column gives that field. Only a line above the
    header, and only where no other line of the sheet names the field again (`站点：乌兰察布…`
    further down: blocks, each with its own site, are not one table of the first one's). A
    value that is not one (`站点：全部`) is refused by the field's check like any cell."""
    said: dict[str, set[str]] = {}
    out: dict[str, str] = {}
    top = layout.header_rows[0] + 1  # Excel row of the header
    for i in layout.ignored:
        if not i.text or not (m := _TITLE_VALUE.match(i.text)):
            continue
        ms = [x for x in mp.match_header(m["h"], kind) if x.confidence >= 0.95 and x.unit is None]
        f = mp.kind_field(kind, ms[0].field) if ms else None
        if f is None or f.type not in (FieldType.TEXT, FieldType.CHOICE):
            continue
        said.setdefault(f.name, set()).add(m["v"])
        if i.code == "title" and i.row < top:
            out.setdefault(f.name, m["v"])
    return {k: v for k, v in out.items() if len(said[k]) == 1}


_TO = r"\s*[-–~至到]\s*"
CUMULATIVE = re.compile(r"累计|累積|累加|cumulative|\bytd\b|year[\s-]*to[\s-]*date"
                        r"|(?<!\d)(?!(?:1" + _TO + "3|4" + _TO + "6|7" + _TO + "9|10" + _TO + r"12)\s*月)"
                        r"\d{1,2}" + _TO + r"\d{1,2}\s*月", re.IGNORECASE)
"""Headers of figures summed since the year's start: 本年累计, YTD, `1-2月` … A whole quarter
(`2023年1-3月`, `4-6月`) is not one: beside its months it is their total (not read), alone the
quarter's own figure; in a sheet of cumulative columns its neighbours (`1-2月`, `1-4月`) are."""
