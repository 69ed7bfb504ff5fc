"""The workspace summary as typed, frozen records (what core.accounting.build_summary returns and
what the charts, the report and the dashboard read), and its JSON form (`to_json`, schema 2).

Units are in the names: kWh, t (tonnes of the figure's gas basis), kg per order, percent 0–100.
Every emissions figure has a gas basis beside it (`*_gas`): "CO2e" when every factor behind it
is CO2e, "CO2" when every one is CO2 only (China's and the US's grid factors, the diesel
factor), "mixed" when some are (a figure that then counts some gases only in part).

Schema 2 keeps every key of schema 1 (`site_years`, `site_months`, `campaigns`, `initiatives`,
`totals`, `factors_used` and their fields) and adds fields beside them; the one key it drops is
the top-level `equivalents` of schema 1 (the equivalents of avoided + reduced, two different
things summed): `avoided_equivalents` and `initiatives_equivalents` replace it.
"""

from __future__ import annotations

import dataclasses
import functools
import json
import operator
import types
import typing
from collections.abc import Callable
from dataclasses import dataclass, field
from json.encoder import encode_basestring as _encode_str

from greenledger.core.i18n import QT_TRANSLATE_NOOP, translate

SCHEMA = 3  # 3: totals.reduction_t (avoided + initiatives) is gone

CO2E, CO2, MIXED = "CO2e", "CO2", "mixed"


def gas_of(unit: str, gas_basis: str = "") -> str:
    """The gas basis of a factor: its own, else read from its unit ('kg CO2/kWh' → CO2)."""
    if gas_basis in (CO2E, CO2):
        return gas_basis
    u = unit.replace(" ", "").lower()
    if "co2e" in u:
        return CO2E
    if "co2" in u:
        return CO2
    return ""


def combine_gas(bases) -> str:
    """The basis of a figure computed from factors of `bases` (unknown ones ignored): CO2e, CO2
    or mixed; CO2e when there is none."""
    seen = {b for b in bases if b in (CO2E, CO2)}
    if seen == {CO2}:
        return CO2
    if seen == {CO2, CO2E}:
        return MIXED
    return CO2E


@dataclass(frozen=True, slots=True)
class RowRef:
    """A stored row: its table and id, and where it was imported from (file, sheet, row)."""

    table: str
    id: int
    file: str | None = None
    sheet: str | None = None
    row: int | None = None

    def where(self) -> str:
        """'demo.xlsx › Energy › row 7 (energy id 12)'; without provenance only the id."""
        parts = [p for p in (self.file, self.sheet) if p]
        if self.row:
            parts.append(translate("Summary", "row {0}").format(self.row))
        ident = translate("Summary", "{0} id {1}").format(self.table, self.id)
        return f"{' › '.join(parts)} ({ident})" if parts else ident


@dataclass(frozen=True, slots=True)
class SummaryWarning:
    """Something the figures may get wrong (a possible double count): a code, an English
    message (shown through translate("Summary", …) with its `args`) and the rows concerned."""

    code: str
    message: str
    args: tuple[str, ...] = ()
    rows: tuple[RowRef, ...] = ()

    def render(self) -> str:
        return translate("Summary", self.message).format(*self.args)


@dataclass(frozen=True, slots=True)
class FactorUsed:
    key: str
    region: str | None
    year: int | None
    value: float
    unit: str
    source: str
    factor_year: int | None
    origin: str
    fallback: str | None
    gas_basis: str = ""


@dataclass(frozen=True, slots=True)
class SiteYear:
    site: str
    year: int
    total_kwh: float
    renewable_kwh: float
    renewable_share_pct: float | None
    location_based_t: float | None
    market_based_t: float | None
    scope1_t: float | None
    avoided_t: float | None
    grid_region: str
    kwh_by_source: dict[str, float]
    location_based_gas: str = CO2E
    market_based_gas: str = CO2E
    scope1_gas: str = CO2E
    avoided_gas: str = CO2E


@dataclass(frozen=True, slots=True)
class SiteMonth:
    site: str
    month: str  # YYYY-MM
    total_kwh: float
    renewable_kwh: float
    renewable_share_pct: float | None
    kwh_by_source: dict[str, float]


@dataclass(frozen=True, slots=True)
class Campaign:
    name: str
    start: str  # ISO date
    end: str
    orders: float
    emissions_t: float | None
    intensity_kg_per_order: float | None
    baseline: str | None
    intensity_change_pct: float | None
    avoided_t: float
    avoided_by_site_t: dict[str, float]
    packaging_t: float | None
    packaging_kg_per_order: float | None
    packaging_change_pct: float | None
    emissions_gas: str = CO2E
    packaging_gas: str = CO2E
    avoided_gas: str = CO2E
    packaging_kg_by_material: dict[str, float] = field(default_factory=dict)
    # vehicle -> the grid region its electric factor followed ("United Kingdom"), for
    # electric vehicles only
    vehicle_regions: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Initiative:
    name: str
    business_unit: str | None
    campaign: str | None
    reduction_t: float | None
    method: str
    reduction_gas: str = CO2E


@dataclass(frozen=True, slots=True)
class Equivalent:
    key: str
    label: str
    unit: str
    factor_kg_per_unit: float
    value: float
    source: str
    note: str = ""


@dataclass(frozen=True, slots=True)
class RowGroup:
    """Stored rows behind a figure of a campaign's story (core.story), counted by where they were
    imported from: `table` energy (`scope` "window": rows overlapping the campaign's window, kWh
    inside it prorated by days; "month_before": the last full month before the window; "to_date":
    renewable rows from the first through the campaign's month), deliveries ("window": the
    campaign's rows) or initiatives (`scope` the initiative's name, with its activity and factor)."""

    table: str
    campaign: str
    scope: str
    site: str = ""
    renewable: bool = False
    file: str | None = None
    sheet: str | None = None
    rows: int = 0
    first: str = ""  # ISO dates the rows span
    last: str = ""
    kwh: float = 0.0
    row_numbers: tuple[int, ...] = ()
    activity: float | None = None
    activity_unit: str | None = None
    factor_kg_per_unit: float | None = None
    vehicles: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Totals:
    """Avoided emissions and initiative reductions: two figures, never summed by GreenLedger.
    (Schemas 1 and 2 also wrote their sum, `reduction_t`, for old scripts; a figure a script
    would put on a slide as one total, so schema 3 no longer writes it.)"""

    avoided_t: float
    initiatives_t: float
    avoided_gas: str = CO2E
    initiatives_gas: str = CO2E


@dataclass(frozen=True, slots=True)
class Summary:
    workspace: str
    factor_library_version: str
    site_years: tuple[SiteYear, ...]
    site_months: tuple[SiteMonth, ...]
    campaigns: tuple[Campaign, ...]
    initiatives: tuple[Initiative, ...]
    totals: Totals
    factors_used: tuple[FactorUsed, ...]
    avoided_equivalents: tuple[Equivalent, ...] = ()
    initiatives_equivalents: tuple[Equivalent, ...] = ()
    warnings: tuple[SummaryWarning, ...] = ()
    row_groups: tuple[RowGroup, ...] = ()  # the story's trail (core.story)
    schema: int = SCHEMA

    def to_json(self) -> dict:
        """The summary as JSON-ready data (numbers unrounded), schema 2: see the README."""
        return _plain(self)

    def to_json_text(self) -> str:
        """json.dumps(self.to_json(), ensure_ascii=False, indent=1), the same text, written
        straight from the records (what `summary --json` prints: a third of the time)."""
        return _text(self, 0)

    @classmethod
    def from_json(cls, data: dict) -> Summary:
        """A Summary from `to_json` output (or a schema-1 dict: new fields take defaults)."""
        return _build(cls, data)

    # --- lookups the readers share ----------------------------------------------------------

    def campaign(self, name: str | None) -> Campaign | None:
        return next((c for c in self.campaigns if c.name == name), None)


EMPTY = Summary(workspace="", factor_library_version="", site_years=(), site_months=(),
                campaigns=(), initiatives=(), totals=Totals(0.0, 0.0), factors_used=())


_SCALARS = (str, int, float, bool, type(None))


@functools.cache
def _names(tp) -> tuple[str, ...] | None:
    """The field names of a dataclass type, None for any other type."""
    return tuple(f.name for f in dataclasses.fields(tp)) if dataclasses.is_dataclass(tp) else None


def _plain(obj):
    if isinstance(obj, _SCALARS):
        return obj
    names = _names(type(obj))
    if names is not None:
        out = {name: _plain(getattr(obj, name)) for name in names}
        if isinstance(obj, Summary):  # the schema first, as scripts look for it
            out = {"schema": out.pop("schema"), **out}
        return out
    if isinstance(obj, tuple | list):
        return [_plain(v) for v in obj]
    if isinstance(obj, dict):
        return {k: _plain(v) for k, v in obj.items()}
    return obj


# --- to_json_text: json.dumps(_plain(obj), ensure_ascii=False, indent=1) in one pass -------------


def _float_text(o: float) -> str:
    """json's floatstr (allow_nan): repr, with NaN, Infinity and -Infinity."""
    r = float.__repr__(o)
    return _NOT_FINITE.get(r, r)


_NOT_FINITE = {"nan": "NaN", "inf": "Infinity", "-inf": "-Infinity"}
_ENCODE = {str: _encode_str, float: _float_text, int: int.__repr__,
           bool: {True: "true", False: "false"}.__getitem__, type(None): lambda _: "null"}


def _key_text(k) -> str:
    """A dict key as json writes it: a string, or a number, true, false or null as a string."""
    if isinstance(k, str):
        return _encode_str(k)
    if isinstance(k, float):
        return _encode_str(_float_text(k))
    if k is True or k is False or k is None:
        return _encode_str(json.dumps(k))
    if isinstance(k, int):
        return _encode_str(int.__repr__(k))
    raise TypeError(f"keys must be str, int, float, bool or None, not {k.__class__.__name__}")


@functools.cache
def _fields_text(tp, level: int) -> tuple[tuple[str, ...], Callable, str, str, str]:
    """Of a dataclass at nesting `level`: '"name": ' of each field (the schema first in a
    Summary), a getter of their values (a tuple), and how its object opens, separates and
    closes."""
    names = _names(tp)
    if issubclass(tp, Summary):
        names = ("schema", *(n for n in names if n != "schema"))
    if not names:  # json's {}
        return (), lambda obj: (), "{}", "", ""
    getter = operator.attrgetter(*names)
    values = getter if len(names) > 1 else lambda obj: (getter(obj),)
    inner = "\n" + " " * (level + 1)
    return (tuple(_encode_str(n) + ": " for n in names), values, "{" + inner, "," + inner,
            "\n" + " " * level + "}")


def _text(obj, level: int) -> str:
    """`obj` as json.dumps writes _plain(obj) with indent=1 at nesting `level`."""
    get = _ENCODE.get
    enc = get(type(obj))
    if enc is not None:
        return enc(obj)
    parts = []
    if _names(type(obj)) is not None:
        keys, values, start, sep, end = _fields_text(type(obj), level)
        for key, v in zip(keys, values(obj), strict=True):
            enc = get(type(v))
            parts.append(key + (enc(v) if enc is not None else _text(v, level + 1)))
        return start + sep.join(parts) + end
    inner = "\n" + " " * (level + 1)
    if isinstance(obj, tuple | list):
        if not obj:
            return "[]"
        for v in obj:
            enc = get(type(v))
            parts.append(enc(v) if enc is not None else _text(v, level + 1))
        return "[" + inner + ("," + inner).join(parts) + "\n" + " " * level + "]"
    if isinstance(obj, dict):
        if not obj:
            return "{}"
        for k, v in obj.items():
            enc = get(type(v))
            parts.append((_encode_str(k) if type(k) is str else _key_text(k)) + ": "
                         + (enc(v) if enc is not None else _text(v, level + 1)))
        return "{" + inner + ("," + inner).join(parts) + "\n" + " " * level + "}"
    if isinstance(obj, str):  # subclasses (a str enum), in json's order
        return _encode_str(obj)
    if obj is True or obj is False or obj is None:
        return json.dumps(obj)
    if isinstance(obj, int):
        return int.__repr__(obj)
    if isinstance(obj, float):
        return _float_text(obj)
    raise TypeError(f"Object of type {obj.__class__.__name__} is not JSON serializable")


@functools.cache
def _hints(tp) -> tuple[tuple[str, object], ...]:
    hints = typing.get_type_hints(tp)
    return tuple((f.name, hints[f.name]) for f in dataclasses.fields(tp))


def _build(tp, data):
    """`data` (JSON) as an instance of the annotated type `tp`."""
    if dataclasses.is_dataclass(tp):
        kw = {name: _build(hint, data[name]) for name, hint in _hints(tp) if name in data}
        return tp(**kw)
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        if data is None:
            return None
        inner = [a for a in typing.get_args(tp) if a is not type(None)]
        return _build(inner[0], data)
    if origin is tuple:
        (item, *_rest) = typing.get_args(tp)
        return tuple(_build(item, v) for v in data)
    if origin is dict:
        return dict(data)
    return data


# --- the basis of a figure, in words -----------------------------------------------------------

BASIS_WORDS = {
    # what: the factors a figure uses ("grid factors", "the diesel factor", "vehicle factors")
    CO2: QT_TRANSLATE_NOOP("Summary", "t CO2; {0} CO2 only"),
    MIXED: QT_TRANSLATE_NOOP("Summary", "t CO2e, in part CO2 only ({0} CO2 only)"),
}
FACTOR_WORDS = {
    "grid": QT_TRANSLATE_NOOP("Summary", "grid factors"),
    "diesel": QT_TRANSLATE_NOOP("Summary", "the diesel factor"),
    "vehicle": QT_TRANSLATE_NOOP("Summary", "some vehicle factors"),
    "packaging": QT_TRANSLATE_NOOP("Summary", "some material factors"),
    "initiative": QT_TRANSLATE_NOOP("Summary", "initiative factors"),
}


def basis_note(gas: str, what: str) -> str:
    """'t CO2; grid factors CO2 only' for a CO2-only figure, '' for a CO2e one; `what` is a key
    of FACTOR_WORDS."""
    if gas not in BASIS_WORDS:
        return ""
    return translate("Summary", BASIS_WORDS[gas]).format(translate("Summary", FACTOR_WORDS[what]))


def t_label(gas: str) -> str:
    """'t CO2e' or 't CO2' (a mixed figure is labelled t CO2e, with basis_note beside it)."""
    return translate("Units", "t CO2") if gas == CO2 else translate("Units", "t CO2e")
