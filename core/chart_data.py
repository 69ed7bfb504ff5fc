"""The plain data of a chart (no Qt): what core.charts builds and what the GUI, the image
exports, the PowerPoint deck and the CSV/XLSX exports draw from, so they all show one set of
numbers. Also the palette, the filters and number formatting shared by every chart.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field

from greenledger.core import i18n
from greenledger.core.i18n import QT_TRANSLATE_NOOP, translate

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
    avoided-cumulative. `cn_units` shows large quantities in 万/亿 (4.5 亿千瓦时, 40 万吨) and
    then overrides t/kt. The words come from core.i18n (the installed language); `lang` only
    records it (None: core.i18n.language())."""

    site: str | None = None
    campaign: str | None = None
    year_from: int | None = None
    year_to: int | None = None
    unit: str = "t"
    granularity: str = "auto"
    compare_factor: float | None = None
    compare_label: str | None = None
    initiative: str | None = None  # equivalents of this initiative's reduction
    lang: str | None = None
    cn_units: bool = False

    def years_ok(self, year: int) -> bool:
        return (self.year_from is None or year >= self.year_from) and (
            self.year_to is None or year <= self.year_to
        )

    @property
    def language(self) -> str:
        return self.lang or i18n.language()

    @property
    def t_scale(self) -> float:
        """Divide t by this to get the chosen unit (t or kt; 万/亿 are chosen per chart)."""
        return 1000.0 if self.unit == "kt" else 1.0

    def describe(self) -> str:
        parts = [
            translate("Charts", "site {0}").format(self.site)
            if self.site
            else translate("Charts", "all sites")
        ]
        if self.campaign:
            parts.append(translate("Charts", "campaign {0}").format(self.campaign))
        if self.year_from is not None or self.year_to is not None:
            a, b = self.year_from or "…", self.year_to or "…"
            parts.append(
                translate("Charts", "year {0}").format(a)
                if a == b
                else translate("Charts", "years {0}–{1}").format(a, b)
            )
        if self.initiative:
            parts.append(translate("Charts", "initiative {0}").format(self.initiative))
        if self.cn_units:
            parts.append(translate("Charts", "large quantities in 万/亿"))
        else:
            parts.append(translate("Charts", "unit {0}").format(t_unit(self.unit)))
        return translate("Charts", ", ").join(parts)

    def as_dict(self) -> dict:
        d = {k: v for k, v in asdict(self).items() if v is not None}
        if not self.cn_units:
            del d["cn_units"]  # as before the option: the data hashes of existing exports hold
        return d


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
    muted: bool = False  # drawn thin and grey, without labels (the lines fit_chart puts in "Other")


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
    # The gas basis of the chart's emissions when they are not all CO2e, as a sentence for the
    # source line and the deck notes ("t CO2; grid factors CO2 only"); "" for CO2e figures.
    basis: str = ""
    notes: list[str] = field(default_factory=list)  # what fit_chart grouped, for the source line

    @property
    def source_line(self) -> str:
        """The line printed under the chart: period, method, factor sources."""
        parts = [
            translate("Charts", "Data: {0}, {1}").format(self.workspace, self.period)
            if self.period
            else translate("Charts", "Data: {0}").format(self.workspace)
        ]
        if self.method:
            parts.append(translate("Charts", "Method: {0}").format(self.method))
        if self.basis:
            parts.append(self.basis)
        parts.extend(self.notes)
        if self.factor_sources:
            parts.append(
                translate("Charts", "Factors: {0}").format(
                    "; ".join(short_source(s) for s in self.factor_sources)
                )
            )
        parts.append("GreenLedger")
        return " · ".join(parts)

    @property
    def empty(self) -> bool:
        return not self.categories or all(v is None for s in self.series for v in s.values)

    def table(self) -> tuple[list[str], list[list]]:
        """Header and rows of the data behind the chart (one row per category)."""
        header = [
            self.x_label or translate("Charts", "Category"),
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
            "Gas basis": self.basis or "CO2e",
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
    text = f"{value:+.1f}" if signed else f"{value:.1f}"
    sep = "" if i18n.language() == "zh" else " "  # 39.0 % / 39.0%
    return (text + sep + "%").replace("-", "−")


def t_unit(unit: str = "t", gas: str = "CO2e") -> str:
    """'t CO2e' / 'kt CO2e' (or CO2) in the current language."""
    if gas == "CO2":
        return translate("Units", "kt CO2") if unit == "kt" else translate("Units", "t CO2")
    return translate("Units", "kt CO2e") if unit == "kt" else translate("Units", "t CO2e")


# Words that are data values (energy sources, materials), shown through
# translate("ChartValues", name.capitalize()): "Grid", "Rigid plastic".
VALUE_WORDS = (
    QT_TRANSLATE_NOOP("ChartValues", "Grid"),
    QT_TRANSLATE_NOOP("ChartValues", "Wind"),
    QT_TRANSLATE_NOOP("ChartValues", "Solar"),
    QT_TRANSLATE_NOOP("ChartValues", "Hydro"),
    QT_TRANSLATE_NOOP("ChartValues", "Biomass"),
    QT_TRANSLATE_NOOP("ChartValues", "Geothermal"),
    QT_TRANSLATE_NOOP("ChartValues", "Diesel"),
    QT_TRANSLATE_NOOP("ChartValues", "Board"),
    QT_TRANSLATE_NOOP("ChartValues", "Paper"),
    QT_TRANSLATE_NOOP("ChartValues", "Film"),
    QT_TRANSLATE_NOOP("ChartValues", "Rigid plastic"),
    QT_TRANSLATE_NOOP("ChartValues", "Board recycled"),
    QT_TRANSLATE_NOOP("ChartValues", "Paper recycled"),
    QT_TRANSLATE_NOOP("ChartValues", "Film recycled"),
    QT_TRANSLATE_NOOP("ChartValues", "Rigid plastic recycled"),
    QT_TRANSLATE_NOOP("ChartValues", "Green power trade"),
    QT_TRANSLATE_NOOP("ChartValues", "PPA"),
    QT_TRANSLATE_NOOP("ChartValues", "Certificate"),
    QT_TRANSLATE_NOOP("ChartValues", "On-site"),
    QT_TRANSLATE_NOOP("ChartValues", "Residual"),
)
# Grid regions of the factor library (MEE/NBS regional and provincial grids).
REGIONS = (
    QT_TRANSLATE_NOOP("Regions", "China"),
    QT_TRANSLATE_NOOP("Regions", "North China"),
    QT_TRANSLATE_NOOP("Regions", "Northeast China"),
    QT_TRANSLATE_NOOP("Regions", "East China"),
    QT_TRANSLATE_NOOP("Regions", "Central China"),
    QT_TRANSLATE_NOOP("Regions", "Northwest China"),
    QT_TRANSLATE_NOOP("Regions", "Southwest China"),
    QT_TRANSLATE_NOOP("Regions", "South China"),
    QT_TRANSLATE_NOOP("Regions", "Inner Mongolia"),
    QT_TRANSLATE_NOOP("Regions", "Hebei"),
    QT_TRANSLATE_NOOP("Regions", "Shanxi"),
    QT_TRANSLATE_NOOP("Regions", "Anhui"),
    QT_TRANSLATE_NOOP("Regions", "Fujian"),
    QT_TRANSLATE_NOOP("Regions", "Guangxi"),
    QT_TRANSLATE_NOOP("Regions", "Qinghai"),
    QT_TRANSLATE_NOOP("Regions", "Sichuan"),
)


def value_word(name: str) -> str:
    """A source's or material's name for a chart: 'Wind' / '风电' (unknown names as they are)."""
    if not name or not name[:1].islower():
        return name
    return translate("ChartValues", name[:1].upper() + name[1:])


def unit_word(unit: str) -> str:
    """A unit in the current language (kg CO2/kWh → 千克二氧化碳/千瓦时; unknown ones as they are)."""
    return translate("Units", unit)


def region_name(region: str) -> str:
    return translate("Regions", region) if region else region
