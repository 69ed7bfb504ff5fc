"""The template's sheets and fields (`workbook-format.md`, version 1), and their vocabularies.

This module is the one place that says which sheets exist, which columns each has, what a
column holds and in which unit it is stored. The importer, the template writer, the window's
tables and the import assistant all read it.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from enum import StrEnum

TEMPLATE_VERSION = 1


class Kind(StrEnum):
    """The kinds of sheet, in the order an import writes them (referenced ones first)."""

    FACTORS = "factors"
    SITES = "sites"
    CAMPAIGNS = "campaigns"
    ENERGY = "energy"
    DELIVERIES = "deliveries"
    PACKAGING = "packaging"
    INITIATIVES = "initiatives"


class FieldType(StrEnum):
    TEXT = "text"
    DATE = "date"
    NUMBER = "number"
    INTEGER = "integer"
    CHOICE = "choice"
    YEAR = "year"


@dataclass(frozen=True, slots=True)
class Field:
    """One column of a template sheet.

    `dimension` names the unit family a bracketed header unit converts from (see core.units);
    `stored_unit` is the unit the workspace keeps the value in.
    """

    name: str
    header: str
    type: FieldType
    required: bool = False
    dimension: str | None = None
    stored_unit: str | None = None
    choices: tuple[str, ...] = ()
    synonyms: tuple[str, ...] = ()
    maximum: float | None = None
    note: str = ""


@dataclass(frozen=True, slots=True)
class SheetSpec:
    kind: Kind
    title: str
    fields: tuple[Field, ...]
    sheet_names: tuple[str, ...]
    natural_key: tuple[str, ...]
    description: str

    def field(self, name: str) -> Field:
        for f in self.fields:
            if f.name == name:
                return f
        raise KeyError(name)


SITE_TYPES = ("data center", "distribution center", "warehouse", "office", "store", "other")
RENEWABLE_SOURCES = ("wind", "solar", "hydro", "biomass", "geothermal")
SOURCES = ("grid", *RENEWABLE_SOURCES, "diesel")
CONTRACT_INSTRUMENTS = ("green power trade", "PPA", "certificate")
INSTRUMENTS = (*CONTRACT_INSTRUMENTS, "on-site")
VEHICLES = ("van diesel", "van petrol", "van electric", "truck diesel")
MATERIALS = ("board", "paper", "film", "rigid plastic")
MASS_UNITS = ("g", "kg", "t")

# Values of categorical fields in English or Chinese, keyed by their normal form (see norm()).
CHOICE_SYNONYMS: dict[str, dict[str, str]] = {
    "type": {
        "datacenter": "data center", "datacentre": "data center", "idc": "data center",
        "数据中心": "data center", "机房": "data center",
        "distributioncenter": "distribution center", "distributioncentre": "distribution center",
        "dc": "distribution center", "配送中心": "distribution center", "分拨中心": "distribution center",
        "物流中心": "distribution center", "物流园区": "distribution center",
        "warehouse": "warehouse", "仓库": "warehouse", "仓储": "warehouse",
        "office": "office", "办公室": "office", "办公楼": "office", "办公": "office",
        "store": "store", "shop": "store", "门店": "store", "商店": "store",
        "other": "other", "其他": "other", "其它": "other",
    },
    "source": {
        "grid": "grid", "gridelectricity": "grid", "gridpower": "grid", "purchasedelectricity": "grid",
        "外购电": "grid", "外购电力": "grid", "国网": "grid", "网电": "grid", "电网购电": "grid",
        "电网": "grid", "电网电力": "grid", "市电": "grid",
        "wind": "wind", "windpower": "wind", "风电": "wind", "风能": "wind", "风力发电": "wind",
        "风力": "wind",
        "solar": "solar", "pv": "solar", "solarpv": "solar", "photovoltaic": "solar",
        "光伏": "solar", "太阳能": "solar", "光伏发电": "solar", "太阳能光伏": "solar",
        "太阳能发电": "solar",
        "hydro": "hydro", "hydropower": "hydro", "hydroelectric": "hydro", "水电": "hydro",
        "水力发电": "hydro", "水力": "hydro",
        "biomass": "biomass", "生物质": "biomass", "生物质能": "biomass", "生物质发电": "biomass",
        "geothermal": "geothermal", "地热": "geothermal", "地热能": "geothermal",
        "diesel": "diesel", "dieselgenerator": "diesel", "柴油": "diesel", "柴油发电": "diesel",
        "柴油发电机": "diesel",
    },
    "instrument": {
        "greenpowertrade": "green power trade", "greenpowertrading": "green power trade",
        "greenelectricitytrade": "green power trade", "绿电交易": "green power trade",
        "绿色电力交易": "green power trade",
        "ppa": "PPA", "powerpurchaseagreement": "PPA", "购电协议": "PPA", "长期购电协议": "PPA",
        "电力购买协议": "PPA", "购电合同": "PPA",
        "certificate": "certificate", "certificates": "certificate", "rec": "certificate",
        "gec": "certificate", "eac": "certificate", "irec": "certificate", "recs": "certificate",
        "绿证": "certificate", "绿色电力证书": "certificate", "绿证交易": "certificate",
        "onsite": "on-site", "selfgenerated": "on-site", "rooftop": "on-site",
        "自发自用": "on-site", "屋顶": "on-site", "屋顶光伏": "on-site", "分布式": "on-site",
        "分布式光伏": "on-site", "自建": "on-site", "自发电": "on-site", "behindthemeter": "on-site",
        # distributed PV, self-consumed (the grid company's wording for behind-the-meter solar)
        "分布式自发自用": "on-site", "分布式光伏自发自用": "on-site", "自发自用光伏": "on-site",
        "屋顶光伏自发自用": "on-site", "光伏自发自用": "on-site",
    },
    "vehicle": {
        # 货车/卡车/重卡/挂车 are trucks; 面包车/厢式车 vans. A word that could be either (电动货车,
        # 新能源货车, 物流车, 轻卡, 小货车) or no vehicle at all (电动车: often an e-bike) is not
        # listed: refused and asked, never defaulted to a van
        "vandiesel": "van diesel", "dieselvan": "van diesel", "柴油面包车": "van diesel",
        "柴油厢式车": "van diesel",
        "vanpetrol": "van petrol", "petrolvan": "van petrol", "vangasoline": "van petrol",
        "汽油面包车": "van petrol", "汽油厢式车": "van petrol",
        "vanelectric": "van electric", "electricvan": "van electric", "vanbev": "van electric",
        "电动面包车": "van electric", "纯电动面包车": "van electric", "新能源面包车": "van electric",
        "电动厢式车": "van electric", "纯电动厢式车": "van electric",
        "truckdiesel": "truck diesel", "dieseltruck": "truck diesel", "hgvdiesel": "truck diesel",
        "dieselhgv": "truck diesel", "diesellorry": "truck diesel",
        "柴油卡车": "truck diesel", "重型货车": "truck diesel", "柴油货车": "truck diesel",
        "柴油重卡": "truck diesel", "柴油重型货车": "truck diesel", "柴油牵引车": "truck diesel",
        "柴油半挂车": "truck diesel", "柴油挂车": "truck diesel",
    },
    "material": {
        "board": "board", "corrugatedboard": "board", "cardboard": "board", "瓦楞纸板": "board",
        "纸箱": "board", "纸板": "board",
        "paper": "paper", "纸": "paper", "纸张": "paper",
        "film": "film", "plasticfilm": "film", "塑料膜": "film", "塑料薄膜": "film",
        "rigidplastic": "rigid plastic", "硬质塑料": "rigid plastic",
    },
    "unit": {"g": "g", "克": "g", "kg": "kg", "千克": "kg", "公斤": "kg", "t": "t",
             "tonne": "t", "tonnes": "t", "mt": "t", "metricton": "t", "metrictons": "t",
             "metrictonne": "t", "metrictonnes": "t", "吨": "t"},  # not ton/tons: short or metric?
}

# A period's first and last day, in every kind that has one (energy bills, shipments, packaging
# reports write the same words).
START_SYNONYMS = ("from", "start", "start date", "period from", "date from", "from date", "valid from",
                  "shipment period from", "开始", "开始日期", "起始日期", "开始时间", "起始时间", "起始",
                  "期初",
                  "billing period from", "billing start", "bill start", "bill from", "service from",
                  "read from", "抄表起日", "起始抄表日", "计费开始日期", "计费起始日期", "账期开始", "起始日",
                  "计费起日", "previous read date", "previous reading date", "prev read date",
                  "last read date", "start read date", "from read date", "上次抄表日期", "上次抄表日")
END_SYNONYMS = ("to", "end", "end date", "period to", "date to", "valid to", "until",  # not "to date": YTD
                "shipment period to", "结束", "结束日期", "截止日期", "结束时间", "截止时间", "截止", "期末",
                "billing period to", "billing end", "bill end", "bill to", "service to", "read to",
                "抄表止日", "截止抄表日", "计费结束日期", "计费截止日期", "账期结束", "截止日", "计费止日",
                "current read date", "present read date", "this read date", "end read date",
                "to read date", "本次抄表日期", "本次抄表日")
# On a shipment or packaging sheet a bare From/To (Start/End) is often a place, not a date.
SHIPMENT_START_SYNONYMS = tuple(x for x in START_SYNONYMS if x not in ("from", "start", "开始", "起始"))
SHIPMENT_END_SYNONYMS = tuple(x for x in END_SYNONYMS if x not in ("to", "end", "until", "结束", "截止"))
CAMPAIGN_SYNONYMS = ("campaign name", "name of campaign", "sales campaign", "promotion",
                     "活动", "活动名称", "促销活动", "大促", "大促活动")
"""Headers of a Campaign column on Deliveries, Packaging and Initiatives sheets."""

_PUNCT = re.compile(r"[\s\W_]+", re.UNICODE)


def norm(text: object) -> str:
    """Normal form for matching headers and values: NFKC, lower case, no spaces or punctuation."""
    return _PUNCT.sub("", unicodedata.normalize("NFKC", str(text)).lower())


def _f(name, header, type_, **kw) -> Field:
    return Field(name, header, type_, **kw)


T, D, N, C, Y = (FieldType.TEXT, FieldType.DATE, FieldType.NUMBER, FieldType.CHOICE, FieldType.YEAR)

SHEETS: dict[Kind, SheetSpec] = {
    Kind.SITES: SheetSpec(
        Kind.SITES, "Sites",
        (
            _f("site", "Site", T, required=True,
               synonyms=("site name", "plant", "facility", "location", "站点", "站点名称", "场站",
                         "工厂", "厂区", "园区", "基地", "设施")),
            _f("type", "Type", C, choices=SITE_TYPES, synonyms=("site type", "类型", "站点类型")),
            _f("grid_region", "Grid region", T, required=True,
               synonyms=("region", "grid", "电网区域", "区域电网", "所在电网", "地区", "所属电网",
                         "所属区域电网", "所属电网区域", "电网", "电网名称", "所属区域", "grid area",
                         "electricity grid", "power grid", "grid zone")),
            _f("country", "Country", T, synonyms=("国家",)),
        ),
        ("sites", "site", "站点", "场站"), ("site",),
        "One row per site: a data center, distribution center, warehouse, office or store.",
    ),
    Kind.CAMPAIGNS: SheetSpec(
        Kind.CAMPAIGNS, "Campaigns",
        (
            _f("campaign", "Campaign", T, required=True, synonyms=("campaign name", "活动", "活动名称")),
            _f("start", "Start", D, required=True, synonyms=("start date", "开始", "开始日期")),
            _f("end", "End", D, required=True, synonyms=("end date", "结束", "结束日期")),
            _f("baseline", "Baseline", T, synonyms=("baseline campaign", "compared with", "compared to",
                                                  "comparison campaign", "compare with", "基准",
                                                  "基准活动", "对比活动", "对比", "对照活动")),
        ),
        ("campaigns", "campaign", "活动"), ("campaign",),
        "Sales campaigns (e.g. 6.18), each optionally compared with a baseline campaign.",
    ),
    Kind.ENERGY: SheetSpec(
        Kind.ENERGY, "Energy",
        (
            _f("site", "Site", T, required=True,
               synonyms=("site name", "plant", "facility", "location", "站点", "站点名称", "场站",
                         "工厂", "厂区", "园区", "基地", "数据中心", "设施", "地点")),
            _f("period_start", "Period start", D, required=True,
               synonyms=START_SYNONYMS),
            _f("period_end", "Period end", D, required=True,
               synonyms=END_SYNONYMS),
            _f("source", "Source", C, required=True, choices=SOURCES,
               synonyms=("energy source", "power source", "energy type", "electricity source",
                         "fuel", "能源类型", "能源来源", "电力来源", "来源", "能源种类", "能源品种",
                         "电力类型", "电源类型", "电源")),
            _f("energy", "Energy", N, required=True, dimension="energy", stored_unit="kWh",
               maximum=1e11, synonyms=("electricity", "consumption", "usage", "kwh", "mwh",
                                        "energy use", "energy consumption", "electricity use",
                                        "electricity consumption", "power consumption",
                                        "electricity usage", "用电量", "电量", "能耗", "耗电量",
                                        "用电", "电力消耗", "消耗量", "用能量", "电力使用量",
                                        "billed consumption", "metered consumption",
                                        "本期电量", "抄见电量", "结算电量", "计费电量",
                                        "实际用电量", "总电量")),
            _f("instrument", "Instrument", C, choices=INSTRUMENTS,
               synonyms=("contract", "contract type", "procurement", "procurement method",
                         "交易方式", "采购方式", "方式", "购电方式", "绿电类型", "采购类型",
                         "绿电采购方式")),
        ),
        ("energy", "energy mix", "electricity", "能源", "用电", "能源结构"),
        ("site", "period_start", "period_end", "source", "instrument"),
        "Electricity used by a site: one row per site, period and source.",
    ),
    Kind.DELIVERIES: SheetSpec(
        Kind.DELIVERIES, "Deliveries",
        (
            _f("business_unit", "Business unit", T, required=True,
               synonyms=("bu", "业务单元", "业务", "事业部")),
            _f("campaign", "Campaign", T, synonyms=CAMPAIGN_SYNONYMS),
            _f("period_start", "Period start", D, synonyms=SHIPMENT_START_SYNONYMS),
            _f("period_end", "Period end", D, synonyms=SHIPMENT_END_SYNONYMS),
            _f("orders", "Orders", N, required=True, maximum=1e11, dimension="count",
               synonyms=("order count", "number of orders", "orders count", "order volume",
                         "订单", "订单数", "订单量", "订单数量", "单量")),
            _f("vehicle", "Vehicle", C, choices=VEHICLES, synonyms=("车辆", "车型")),
            _f("distance", "Distance", N, dimension="distance", stored_unit="km", maximum=1e12,
               synonyms=("vehicle km", "vehicle-km", "vehicle kilometres", "vehicle kilometers",
                         "行驶里程", "里程", "距离", "车公里", "车辆公里", "行驶公里数")),
            _f("emissions", "Emissions", N, dimension="mass", stored_unit="t", maximum=1e9,
               synonyms=("co2e", "total co2e", "co2e emissions", "co2 emissions", "carbon", "ghg",
                         "total ghg", "ghg emissions", "carbon emissions", "logistics emissions",
                         "delivery emissions", "shipping emissions", "transport emissions",
                         "emissions total", "total emissions", "排放", "排放量", "碳排放",
                         "碳排放量", "物流排放", "物流碳排放", "运输排放", "配送排放",
                         "排放总量", "温室气体排放")),
            _f("country", "Country", T,
               synonyms=("operating country", "country of operation", "国家", "国家/地区",
                         "所在国家", "运营国家"),
               note="The country the business unit delivers in (e.g. United Kingdom, China): "
                    "an electric vehicle's factor follows its grid."),
        ),
        ("deliveries", "delivery", "logistics", "配送", "物流"),
        ("business_unit", "campaign", "period_start", "period_end", "vehicle"),
        "Orders shipped and the emissions of shipping them, per campaign or period.",
    ),
    Kind.PACKAGING: SheetSpec(
        Kind.PACKAGING, "Packaging",
        (
            _f("business_unit", "Business unit", T, required=True, synonyms=("bu", "业务单元", "业务")),
            _f("campaign", "Campaign", T, synonyms=CAMPAIGN_SYNONYMS),
            _f("period_start", "Period start", D, synonyms=SHIPMENT_START_SYNONYMS),
            _f("period_end", "Period end", D, synonyms=SHIPMENT_END_SYNONYMS),
            _f("material", "Material", T, required=True,
               synonyms=("packaging material", "材料", "包装材料", "材质", "物料", "物料名称", "包材",
                         "包材名称", "包装物料", "材料名称", "material name", "material type")),
            _f("quantity", "Quantity", N, required=True, maximum=1e12,
               synonyms=("amount", "weight", "mass", "数量", "用量", "重量", "使用量", "总重", "总重量",
                         "total weight")),
            _f("unit", "Unit", C, required=True, choices=MASS_UNITS, synonyms=("单位",)),
            _f("recycled_content", "Recycled content", N, dimension="percent", stored_unit="%",
               synonyms=("recycled", "recycled share", "recycled content share", "pcr content",
                         "post-consumer recycled content", "post consumer recycled", "pcr share",
                         "再生料比例", "再生料占比", "回收含量", "再生比例", "回收料比例", "回收料占比",
                         "再生纸比例", "再生含量", "再生材料占比", "再生材料比例")),
        ),
        ("packaging", "包装"),
        ("business_unit", "campaign", "period_start", "period_end", "material"),
        "Material used to pack the orders.",
    ),
    Kind.INITIATIVES: SheetSpec(
        Kind.INITIATIVES, "Initiatives",
        (
            _f("initiative", "Initiative", T, required=True,
               synonyms=("measure", "措施", "减排措施", "项目", "initiative name", "name of initiative",
                         "measure name", "举措", "举措名称", "减排举措", "措施名称", "项目名称",
                         "减排项目", "减排措施名称", "举措名")),
            _f("business_unit", "Business unit", T, synonyms=("bu", "业务单元", "业务")),
            _f("campaign", "Campaign", T, synonyms=CAMPAIGN_SYNONYMS),
            _f("activity", "Activity", N, maximum=1e13, synonyms=("活动量", "数量")),
            _f("activity_unit", "Activity unit", T, synonyms=("活动单位", "单位")),
            _f("factor", "Factor", N, dimension="factor_per_unit", stored_unit="kg CO2e per unit",
               synonyms=("因子", "减排因子")),
            _f("reduction", "Reduction", N, dimension="mass", stored_unit="t", maximum=1e9,
               synonyms=("减排量", "减少排放", "减碳量", "减碳", "碳减排量", "co2e saved", "co2 saved",
                         "carbon saved", "emissions saved", "emissions avoided", "avoided emissions",
                         "emission reduction", "emissions reduction", "ghg reduction", "co2e reduction")),
        ),
        ("initiatives", "initiative", "measures", "减排措施", "措施"),
        ("initiative", "business_unit", "campaign"),
        "Reductions from measures such as smart packaging or cutlery-free orders.",
    ),
    Kind.FACTORS: SheetSpec(
        Kind.FACTORS, "Factors",
        (
            _f("factor", "Factor", T, required=True, synonyms=("key", "因子", "因子名称")),
            _f("region", "Region", T, synonyms=("地区", "区域")),
            _f("year", "Year", Y, synonyms=("年份", "年度")),
            _f("value", "Value", N, required=True, synonyms=("数值", "因子值")),
            _f("unit", "Unit", T, required=True, synonyms=("单位",)),
            _f("source", "Source", T, synonyms=("来源", "出处")),
        ),
        ("factors", "emission factors", "排放因子", "因子"),
        ("factor", "region", "year"),
        "The workbook's own factors; they win over the built-in library.",
    ),
}

HEADER_UNITS_BY_FIELD = {"energy": "kWh", "distance": "km", "emissions": "t CO2e",
                         "recycled_content": "%", "factor": "kg CO2e per unit",
                         "reduction": "t CO2e"}
