"""The plain data of a chart (no Qt): what core.charts builds and what the GUI, the image
exports, the PowerPoint deck and the CSV/XLSX exports draw from, so they all show one set of
numbers. Also the palette, the filters and number formatting shared by every chart.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field

# Okabe & Ito (2008), safe for the common colour-vision deficiencies. One colour per energy
# source everywhere (GUI, images, deck); grid is a neutral grey so renewables stand out.
OKABE_ITO = {
    "orange": "#E69F00",
    "sky": "#56B4E9",
    "green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "purple": "#CC79A7",
    "black": "#000000",
}
SOURCE_COLORS = {
    "grid": "#8C8C8C",
    "wind": OKABE_ITO["sky"],
    "solar": OKABE_ITO["orange"],
    "hydro": OKABE_ITO["blue"],
    "biomass": OKABE_ITO["green"],
    "geothermal": OKABE_ITO["purple"],
    "diesel": OKABE_ITO["vermillion"],
}
MATERIAL_COLORS = {
    "board": "#B07C3B",
    "paper": OKABE_ITO["yellow"],
    "film": OKABE_ITO["purple"],
    "rigid plastic": OKABE_ITO["vermillion"],
}
SERIES_COLORS = [
    OKABE_ITO[k] for k in ("blue", "orange", "green", "vermillion", "sky", "purple", "yellow", "black")
]
SHARE_COLOR = OKABE_ITO["green"]
BASELINE_COLOR = "#9AA5B1"
LOCATION_COLOR, MARKET_COLOR = OKABE_ITO["blue"], OKABE_ITO["orange"]
INITIATIVE_COLOR, UNIT_COLOR, AVOIDED_COLOR = OKABE_ITO["green"], OKABE_ITO["blue"], OKABE_ITO["sky"]
COMPARE_COLOR = OKABE_ITO["vermillion"]

# Named in SVG and PPTX so that Chinese text never shows boxes; PNG/PDF embed what they draw.
FONT_FAMILIES = (
    "Noto Sans CJK SC",
    "Microsoft YaHei",
    "PingFang SC",
    "Source Han Sans SC",
    "DejaVu Sans",
    "Arial",
    "sans-serif",
)


def color_for(name: str, i: int) -> str:
    """A source's or material's fixed colour, else the i-th palette colour."""
    return SOURCE_COLORS.get(name) or MATERIAL_COLORS.get(name) or SERIES_COLORS[i % len(SERIES_COLORS)]


@dataclass(frozen=True, slots=True)
class Filters:
    """What a chart shows: one site or all, one campaign (and its baseline) or all, a year range,
    t or kt, month or year bars ("auto" picks), and an optional second factor (kg CO2/kWh) for
    avoided-cumulative."""

    site: str | None = None
    campaign: str | None = None
    year_from: int | None = None
    year_to: int | None = None
    unit: str = "t"
    granularity: str = "auto"
    compare_factor: float | None = None
    compare_label: str | None = None
    initiative: str | None = None  # equivalents of this initiative's reduction
    lang: str = "en"

    def years_ok(self, year: int) -> bool:
        return (self.year_from is None or year >= self.year_from) and (
            self.year_to is None or year <= self.year_to
        )

    @property
    def t_scale(self) -> float:
        """Divide t by this to get the chosen unit."""
        return 1000.0 if self.unit == "kt" else 1.0

    def describe(self) -> str:
        parts = [f"site {self.site}" if self.site else "all sites"]
        if self.campaign:
            parts.append(f"campaign {self.campaign}")
        if self.year_from is not None or self.year_to is not None:
            a, b = self.year_from or "…", self.year_to or "…"
            parts.append(f"year {a}" if a == b else f"years {a}–{b}")
        if self.initiative:
            parts.append(f"initiative {self.initiative}")
        parts.append(f"unit {self.unit}")
        return ", ".join(parts)

    def as_dict(self) -> dict:
        return {k: v for k, v in asdict(self).items() if v is not None}


@dataclass(slots=True)
class Series:
    """One series: values in the chart's display unit, aligned with the chart's categories."""

    name: str
    values: list[float | None]
    kind: str = "bar"  # bar | line
    axis: str = "left"  # left | right (line on the second axis)
    stacked: bool = False  # stacked bars: every stacked series of a chart in one stack
    color: str = SERIES_COLORS[0]
    labels: list[str] | None = None  # data label per point ("" for none)
    point_colors: list[str] | None = None  # per-bar colour (e.g. the baseline in grey)


@dataclass(slots=True)
class ChartData:
    """Everything needed to draw, export and explain one chart."""

    name: str
    title: str
    categories: list[str]
    series: list[Series]
    y_label: str
    x_label: str = ""
    y2_label: str | None = None
    horizontal: bool = False
    subtitle: str = ""
    period: str = ""
    method: str = ""
    factor_sources: list[str] = field(default_factory=list)
    key_figures: list[str] = field(default_factory=list)
    filters: dict = field(default_factory=dict)
    workspace: str = ""
    y_scale: float = 1.0  # summary value = plotted value × y_scale
    groups: list[tuple[str, int, int]] = field(default_factory=list)  # (label, first, last) index
    pictogram: dict | None = None  # equivalents: headline, count, unit, per_icon
    y2_range: tuple[float, float] | None = None

    @property
    def source_line(self) -> str:
        """The line printed under the chart: period, method, factor sources."""
        parts = [f"Data: {self.workspace}, {self.period}" if self.period else f"Data: {self.workspace}"]
        if self.method:
            parts.append(f"Method: {self.method}")
        if self.factor_sources:
            parts.append("Factors: " + "; ".join(short_source(s) for s in self.factor_sources))
        parts.append("GreenLedger")
        return " · ".join(parts)

    @property
    def empty(self) -> bool:
        return not self.categories or all(v is None for s in self.series for v in s.values)

    def table(self) -> tuple[list[str], list[list]]:
        """Header and rows of the data behind the chart (one row per category)."""
        header = [
            self.x_label or "Category",
            *(f"{s.name} ({self.y2_label if s.axis == 'right' else self.y_label})" for s in self.series),
        ]
        rows = [[c, *(s.values[i] for s in self.series)] for i, c in enumerate(self.categories)]
        return header, rows

    def data_hash(self) -> str:
        """sha256 of the data behind the chart (categories, series, filters), hex."""
        payload = {
            "name": self.name,
            "categories": self.categories,
            "filters": self.filters,
            "series": [(s.name, s.values) for s in self.series],
            "y_scale": self.y_scale,
        }
        text = json.dumps(payload, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
        return hashlib.sha256(text.encode("utf-8")).hexdigest()

    def provenance(self, app_version: str) -> dict[str, str]:
        """Metadata written into every exported file."""
        return {
            "Title": self.title,
            "Software": f"GreenLedger {app_version}",
            "Workspace": self.workspace,
            "Chart": self.name,
            "Filters": json.dumps(self.filters, ensure_ascii=False, sort_keys=True),
            "Period": self.period,
            "Method": self.method,
            "Factor sources": " | ".join(self.factor_sources) or "none",
            "Data SHA-256": self.data_hash(),
            "Source": self.source_line,
        }


def short_source(source: str, limit: int = 80) -> str:
    """A factor source cut to its first clause and about `limit` characters at a word boundary,
    for the line under a chart (the full text is in the metadata and the speaker notes)."""
    s = source.split(";")[0].strip()
    if len(s) <= limit:
        return s
    cut = s[:limit].rsplit(" ", 1)[0].rstrip(" ,(")
    return cut + " …"


def fmt_num(value: float | None, digits: int | None = None) -> str:
    """1,234 / 12.3 / 0.41: fewer decimals for bigger numbers; '' for None."""
    if value is None:
        return ""
    if value == 0:
        return "0"
    if digits is None:
        a = abs(value)
        digits = 0 if a >= 100 else 1 if a >= 10 else 2 if a >= 0.1 or a == 0 else 4
    return f"{value:,.{digits}f}"


def fmt_pct(value: float | None, signed: bool = False) -> str:
    if value is None:
        return ""
    text = f"{value:+.1f} %" if signed else f"{value:.1f} %"
    return text.replace("-", "−")


# Chart titles and axis words in Chinese (the full UI translation is another issue).
ZH = {
    "Energy mix by source": "按来源划分的能源结构",
    "Renewable share by site": "各站点可再生能源占比",
    "Delivery emissions per order": "每单配送碳排放",
    "Packaging material per order": "每单包装材料",
    "Reductions by initiative and business unit": "按举措和业务单元划分的减排量",
    "Cumulative avoided emissions from renewable electricity": "可再生电力累计避免排放",
    "Scope 2: location- vs market-based": "范围二：基于位置与基于市场",
    "Equivalents": "等效换算",
    "Renewable share": "可再生能源占比",
    "Month": "月份",
    "Year": "年份",
    "Campaign": "活动",
    "Site and year": "站点与年份",
    "Location-based": "基于位置",
    "Market-based": "基于市场",
    "Initiatives": "减排举措",
    "Business units": "业务单元",
    "Avoided (renewables, not in the inventory)": "避免排放（可再生能源，不计入清单）",
    "grid": "电网",
    "wind": "风电",
    "solar": "光伏",
    "hydro": "水电",
    "biomass": "生物质",
    "geothermal": "地热",
    "diesel": "柴油",
    "board": "纸板",
    "paper": "纸",
    "film": "薄膜",
    "rigid plastic": "硬塑料",
}


def tr(text: str, lang: str) -> str:
    """`text` in the chart language; English source and material names capitalised."""
    if lang == "zh":
        return ZH.get(text, text)
    return text.capitalize() if text.islower() else text
