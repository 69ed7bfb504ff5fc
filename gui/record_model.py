"""The table models of the workspace's rows (energy, sites, ...): their columns and edits.

Data columns come from core.editing.editable_fields (the template's fields, units in the
header); computed columns follow, read-only, from core.row_figures, computed for the rows read.
The data pages are LazyRecordModels: rows read a page at a time from SQL (core.pages), the count,
sort and filter in SQL; a sort or filter of a big table, and the summary of a big workspace, are
read by a worker (gui.workers.Background) while the window stays responsive.
"""

from __future__ import annotations

from array import array
from collections.abc import Callable, Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Qt, Signal

from greenledger.core import pages
from greenledger.core.accounting import build_summary
from greenledger.core.editing import editable_fields, header_text
from greenledger.core.fields import Field, FieldType, Kind
from greenledger.core.row_figures import Figure, table_rows
from greenledger.core.storage import Workspace
from greenledger.core.summary import EMPTY, Summary
from greenledger.gui import workers
from greenledger.gui.table_model import Column, LazyTableModel, TableModel
from greenledger.gui.value_labels import CONTEXTS, value_label

# A sort, filter or summary of up to this many rows is read at once on the GUI thread (tens of
# milliseconds); a bigger one by a worker while the table shows what it showed.
SYNC_ROWS = 20_000
PENDING = QT_TRANSLATE_NOOP(
    "RecordModel", "being computed: the workspace's figures are read in the background")
COMPUTED_SORT = QT_TRANSLATE_NOOP(
    "RecordModel", "A computed column sorts tables of up to {0} rows: filter the rows first (shown: {1})")

_FMT = {FieldType.NUMBER: "amount", FieldType.INTEGER: "int", FieldType.YEAR: "text"}
_FIELD_FMT = {"orders": "int", "recycled_content": "percent", "factor": "factor", "value": "factor"}

COMPUTED: dict[Kind, tuple[Column, ...]] = {
    Kind.ENERGY: (
        Column(
            QT_TRANSLATE_NOOP("Columns", "Grid factor (kg CO2/kWh)"),
            "factor_kg_per_kwh",
            "factor",
            computed=True,
        ),
        Column(
            QT_TRANSLATE_NOOP("Columns", "Emissions (t CO2e)"),
            "t_co2e",
            "number",
            computed=True,
            tip=QT_TRANSLATE_NOOP(
                "Columns", "Location-based Scope 2 (grid-delivered kWh × grid factor); Scope 1 for diesel"
            ),
        ),
        Column(
            QT_TRANSLATE_NOOP("Columns", "Avoided (t CO2e)"),
            "avoided_t",
            "number",
            computed=True,
            tip=QT_TRANSLATE_NOOP(
                "Columns", "Renewable kWh × grid factor: reported beside the inventory, never netted"
            ),
        ),
    ),
    Kind.DELIVERIES: (
        Column(QT_TRANSLATE_NOOP("Columns", "Emissions used (t CO2e)"), "t_co2e", "number", computed=True),
        Column(
            QT_TRANSLATE_NOOP("Columns", "Intensity (kg CO2e/order)"),
            "intensity_kg_per_order",
            "factor",
            computed=True,
        ),
    ),
    Kind.PACKAGING: (
        Column(QT_TRANSLATE_NOOP("Columns", "Emissions (t CO2e)"), "t_co2e", "number", computed=True),
    ),
    Kind.INITIATIVES: (
        Column(
            QT_TRANSLATE_NOOP("Columns", "Reduction used (t CO2e)"), "reduction_t", "number", computed=True
        ),
    ),
    Kind.SITES: (
        Column(QT_TRANSLATE_NOOP("Columns", "Energy, all years (kWh)"), "total_kwh", "number", computed=True),
        Column(
            QT_TRANSLATE_NOOP("Columns", "Renewable share (%)"),
            "renewable_share_pct",
            "percent",
            computed=True,
        ),
        Column(QT_TRANSLATE_NOOP("Columns", "Avoided (t CO2e)"), "avoided_t", "number", computed=True),
    ),
    Kind.CAMPAIGNS: (
        Column(QT_TRANSLATE_NOOP("Columns", "Orders"), "orders", "int", computed=True),
        Column(
            QT_TRANSLATE_NOOP("Columns", "Delivery emissions (t CO2e)"),
            "emissions_t",
            "number",
            computed=True,
        ),
        Column(
            QT_TRANSLATE_NOOP("Columns", "Intensity (kg CO2e/order)"),
            "intensity_kg_per_order",
            "factor",
            computed=True,
        ),
        Column(
            QT_TRANSLATE_NOOP("Columns", "Change vs baseline (%)"),
            "intensity_change_pct",
            "percent",
            computed=True,
        ),
        Column(QT_TRANSLATE_NOOP("Columns", "Avoided (t CO2e)"), "avoided_t", "number", computed=True),
    ),
    Kind.FACTORS: (),
}


def field_header(kind: Kind, f: Field) -> str:
    if kind == Kind.PACKAGING and f.name == "quantity":
        return "Quantity (kg)"
    if kind == Kind.FACTORS and f.name == "factor":
        return "Key"
    return header_text(f)


def field_column(kind: Kind, f: Field) -> Column:
    fmt = _FIELD_FMT.get(f.name, _FMT.get(f.type, "text")) if f.type in _FMT else "text"
    if kind == Kind.FACTORS and f.name == "factor":
        fmt = "text"
    tip = f.note or ("Required" if f.required else "")
    if f.choices:
        tip = (tip + "\n" if tip else "") + "One of: " + ", ".join(f.choices)
    return Column(field_header(kind, f), f.name, fmt, field=f.name, tip=tip)


def columns_for(kind: Kind) -> list[Column]:
    return [field_column(kind, f) for f in editable_fields(kind)] + list(COMPUTED[kind])


class RecordModel(TableModel):
    """Rows of one Kind held in memory (the workspace's factors), as core.row_figures.table_rows
    gives them."""

    def __init__(self, kind: Kind, parent: QObject | None = None) -> None:
        super().__init__(columns_for(kind), parent)
        self.kind = kind

    def row_id(self, i: int) -> int:
        return self.row(i)["id"]

    def field_column(self, name: str) -> int:
        return next(i for i, c in enumerate(self.columns) if c.field == name)




class LazyRecordModel(LazyTableModel):
    """The rows of one Kind, read from the workspace a page at a time in the order and filter of
    `spec` (core.pages.PageSpec); `figures(kind, rows)` adds the computed columns to the rows
    read. `busy_changed(bool)` while a worker reads a big sort or filter; `refused(text)` when a
    sort cannot be done."""

    busy_changed = Signal(bool)
    refused = Signal(str)

    def __init__(self, kind: Kind, figures: Callable[[Kind, list[dict]], list[dict]],
                 background: workers.Background | None = None, parent: QObject | None = None) -> None:
        super().__init__(columns_for(kind), parent)
        self.kind, self._figures, self.background = kind, figures, background
        self.ws: Workspace | None = None
        self.spec = pages.PageSpec(kind)
        self.total = 0  # rows of the kind, whatever the filter
        self.busy = False
        self._order: array | None = None  # the ids shown, in order (None: windowed reads)
        self._computed_sort: tuple[str, bool] | None = None
        self._max_id = 0  # ids above it are rows added since the order was read
        self._removed: set[int] = set()  # ids taken out of the order (a delete undone returns)
        self._request = 0
        self.sort_column, self.sort_order = -1, Qt.SortOrder.AscendingOrder  # the last sort done

    def row_id(self, i: int) -> int:
        return self.row(i)["id"]

    def field_column(self, name: str) -> int:
        return next(i for i, c in enumerate(self.columns) if c.field == name)

    # --- reading ---------------------------------------------------------------------------------

    def bind(self, ws: Workspace) -> None:
        """Show the rows of `ws` (a workspace opened, or read again after an import)."""
        self.ws = ws
        self.load()

    def load(self) -> None:
        """Count the rows and read the order again (the rows shown are read when asked)."""
        self.total = pages.count(self.ws, pages.PageSpec(self.kind))
        self._max_id = self.ws.next_id(self.kind) - 1
        self._removed.clear()
        self._apply(self.spec)

    def refetch(self) -> None:
        """Read the rows shown again (their figures changed; the rows did not come or go)."""
        self._recount(self._count)

    def _fetch_page(self, first: int, n: int) -> list[dict]:
        if self.ws is None or n <= 0:
            return []
        if self._order is not None:
            ids = self._order[first:first + n].tolist()
        else:
            ids = list(pages.ids(self.ws, self.spec, n, first))
        return self._figures(self.kind, pages.rows(self.ws, self.kind, ids))

    def _apply(self, spec: pages.PageSpec, small: bool = False) -> None:
        """Show `spec`: windowed at once; else its ids ordered at once when they are few (`small`:
        a new sort of the rows shown), by a worker when they may be many."""
        self._request += 1
        if self._computed_sort is None and spec.windowed:
            unfiltered = not spec.facets  # windowed: no text either; the count is the total
            self._install(spec, None, self.total if unfiltered else pages.count(self.ws, spec))
        elif (small or self._computed_sort is not None or self.total <= SYNC_ROWS
              or self.background is None):
            order = self._ordered(spec)
            self._install(spec, order, len(order))
        else:
            request = self._request
            self._set_busy(True)
            self.background.start(
                f"order-{self.kind.value}", workers.page_order,
                lambda order: self._on_order(request, spec, order),
                lambda exc: self._on_order(request, spec, None, exc),
                workspace=self.ws.path, spec=spec)

    def _on_order(self, request: int, spec: pages.PageSpec, order, exc=None) -> None:
        if request != self._request or self.ws is None:
            return  # a newer sort or filter was asked for
        self._set_busy(False)
        if exc is not None:
            self.refused.emit(str(exc))
            return
        self._install(spec, order, len(order))

    def _ordered(self, spec: pages.PageSpec) -> array:
        ids = pages.ids(self.ws, spec)
        if self._computed_sort is None:
            return ids
        key, desc = self._computed_sort
        rows = self._figures(self.kind, pages.rows(self.ws, self.kind, ids.tolist()))

        def value(r: dict) -> float:
            v = r.get(key)
            v = v.value if isinstance(v, Figure) else v
            return float(v) if isinstance(v, int | float) else float("-inf")
        rows.sort(key=value, reverse=desc)  # stable: ties keep the table's order
        return array("q", (r["id"] for r in rows))

    def _install(self, spec: pages.PageSpec, order: array | None, count: int) -> None:
        self.spec, self._order = spec, order
        self._reset(count)

    def _set_busy(self, busy: bool) -> None:
        if busy != self.busy:
            self.busy = busy
            self.busy_changed.emit(busy)

    # --- sort and filter (in SQL) -------------------------------------------------------------

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        desc = order == Qt.SortOrder.DescendingOrder
        col = self.columns[column] if 0 <= column < len(self.columns) else None
        before = self._computed_sort
        if col is not None and col.computed:
            if self._count > SYNC_ROWS:
                self.refused.emit(QCoreApplication.translate("RecordModel", COMPUTED_SORT).format(
                    f"{SYNC_ROWS:,}", f"{self._count:,}"))
                return
            self._computed_sort = (col.key, desc)
            spec = self.spec.with_(sort=None, desc=False)
        else:
            self._computed_sort = None
            spec = self.spec.with_(sort=col.key if col else None, desc=desc and col is not None)
        self.sort_column, self.sort_order = (column if col else -1), order
        if self.ws is None:
            self.spec = spec
        elif spec != self.spec or self._computed_sort != before:
            self._apply(spec, small=self._count <= SYNC_ROWS)  # the same rows, in another order

    def set_filter(self, text: str | None = None, facets: dict[str, str] | None = None) -> None:
        """Rows containing `text` in a column (or in the shown label of a stored value: 电网 finds
        grid), and matching each facet (key -> value); None leaves that part as it is."""
        spec = self.spec
        if text is not None:
            text = text.strip()
            spec = spec.with_(text=text, labels=self._labels(text) if text else ())
        if facets is not None:
            spec = spec.with_(facets=tuple(sorted(facets.items())))
        if spec != self.spec:
            self._apply(spec) if self.ws is not None else setattr(self, "spec", spec)

    def _labels(self, text: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
        out = []
        for f in editable_fields(self.kind):
            if f.name not in CONTEXTS or f.name not in pages.q.COLUMNS[self.kind.value]:
                continue
            values = f.choices or (pages.grid_regions(self.ws) if f.name == "grid_region" else ())
            found = pages.matching(values, lambda v, n=f.name: value_label(n, v), text)
            if found:
                out.append((f.name, found))
        return tuple(out)

    def position(self, row_id: int) -> int | None:
        """Where row `row_id` is shown (None: not shown)."""
        order = self._order if self._order is not None else pages.ids(self.ws, self.spec)
        try:
            return order.index(row_id)
        except ValueError:
            return None

    def facet_values(self, key: str) -> list[str]:
        return pages.facet_values(self.ws, self.kind, key) if self.ws is not None else []

    # --- after an edit ---------------------------------------------------------------------------

    def refresh(self, ids: Sequence[int]) -> None:
        """Rows `ids` were written (changed, added or deleted): added rows come at the end of a
        sorted or filtered table (as Excel leaves them), deleted ones leave it; every row shown is
        read again."""
        existing = set(self.ws.records(self.kind, ids))
        self.total = pages.count(self.ws, pages.PageSpec(self.kind))
        if self._order is None:
            self._recount(pages.count(self.ws, self.spec))
        else:
            dead = [i for i in ids if i not in existing]
            back = [i for i in ids if i in existing and (i > self._max_id or i in self._removed)]
            if dead:
                gone = set(dead)
                self._order = array("q", (i for i in self._order if i not in gone))
                self._removed |= gone
            self._order.extend(back)
            self._removed -= set(back)
            self._recount(len(self._order))
        self._max_id = max([self._max_id, *existing])


# What to read again after an edit of each kind, beyond its own rows (sites and campaigns carry
# summary figures); a kind not listed (factors) means everything.
_SUMMARY = (Kind.SITES, Kind.CAMPAIGNS)
REFRESH = {
    Kind.ENERGY: _SUMMARY,
    Kind.DELIVERIES: _SUMMARY,
    Kind.PACKAGING: _SUMMARY,
    Kind.INITIATIVES: _SUMMARY,
    Kind.SITES: (Kind.ENERGY, Kind.CAMPAIGNS),
    Kind.CAMPAIGNS: (Kind.DELIVERIES, Kind.PACKAGING, Kind.INITIATIVES, Kind.SITES),
}


class ModelSignals(QObject):
    summary_ready = Signal()  # RecordModels.summary is in
    summary_failed = Signal(object)  # the exception that stopped the summary's worker


class RecordModels(dict):
    """The LazyRecordModel of each data kind; keeps the factor book and the last summary (None
    while a worker reads it); `signals.summary_ready` once a summary is in."""

    def __init__(self, kinds: Sequence[Kind], parent: QObject) -> None:
        self.background = workers.Background(parent)
        self.signals = ModelSignals(parent)
        super().__init__({k: LazyRecordModel(k, self.figures, self.background, parent) for k in kinds})
        self.summary: Summary | None = None
        self.book = None
        self.ws: Workspace | None = None
        self._summary_request = 0

    def figures(self, kind: Kind, rows: list[dict]) -> list[dict]:
        """The rows with their computed columns (those from the summary pending while it is read)."""
        if self.summary is None and kind in _SUMMARY:
            pending = Figure(None, QCoreApplication.translate("RecordModel", PENDING))
            for r in rows:
                r.update((c.key, pending) for c in COMPUTED[kind])
            return rows
        return table_rows(self.ws, kind, self.book, self.summary or EMPTY, rows)

    def reload(self, ws: Workspace) -> None:
        """Everything again (a workspace opened, an import, an undo of one, factors changed):
        the counts and the rows shown at once, the summary at once for a small workspace and from
        a worker for a big one."""
        self.ws, self.book = ws, ws.factor_book()
        self.summary = None
        for model in self.values():
            model.bind(ws)
        self._read_summary()

    def row_count(self) -> int:
        return sum(m.total for m in self.values())

    def _read_summary(self) -> None:
        self._summary_request += 1
        request = self._summary_request
        if sum(self.ws.count(k) for k in self) <= SYNC_ROWS:
            self._summary_in(request, build_summary(self.ws))
            return
        if self.summary is not None:  # the figures shown are out of date until it is in
            self.summary = None
            for kind in _SUMMARY:
                if kind in self:
                    self[kind].refetch()
        self.background.start("summary", workers.workspace_summary,
                              lambda s: self._summary_in(request, s),
                              lambda exc: self._summary_in(request, None, exc), workspace=self.ws.path)

    def _summary_in(self, request: int, summary: Summary | None, exc: Exception | None = None) -> None:
        if request != self._summary_request:
            return
        if exc is not None:
            self.signals.summary_failed.emit(exc)
            return
        self.summary = summary
        for kind in _SUMMARY:
            if kind in self:
                self[kind].refetch()
        self.signals.summary_ready.emit()

    def refresh(self, ws: Workspace, kind: Kind, ids: Sequence[int]) -> bool:
        """After rows `ids` of `kind` changed: those rows, the kinds that show figures of them,
        the summary. False: reload everything instead (factors changed)."""
        if kind not in REFRESH:
            return False
        self.ws = ws
        self[kind].refresh(ids)
        for other in REFRESH[kind]:
            if other not in _SUMMARY:
                self[other].refetch()  # their figures follow a site's region, a campaign's dates
        self._read_summary()
        return True
