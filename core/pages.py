"""The window's lazy tables in SQL: which rows a table shows, in which order, a page at a time.

A PageSpec says what a table shows: the kind, the column it is sorted by (one of the whitelist of
core.queries_pages; None: the table's own order), a filter text (matched with LIKE against every
column, and against the stored values whose translated label matches, which the window passes
as `labels`) and the facet filters (site, year, campaign). The SQL is built from whitelisted
pieces only; every value a user typed is a parameter. Each shape of query is registered once
as a named query (core.queries) and run through Workspace.select.

- `count` and `ids(limit, offset)`: a windowed read, for a spec in the table's own order (the
  indexes answer it without sorting: `spec.windowed`);
- `ids` without a limit: the row ids in the spec's order, for any sort or filter (a worker runs it
  on a big table; 8 bytes a row);
- `rows(ids)`: those rows as dicts, in that order, as Workspace.rows gives them.
"""

from __future__ import annotations

import threading
from array import array
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from greenledger.core import queries
from greenledger.core import queries_pages as q
from greenledger.core.queries_energy import day_iso, day_number
from greenledger.core.storage import Workspace

_REGISTER = threading.Lock()  # workers build queries too


def kind_name(kind) -> str:
    return getattr(kind, "value", kind)


@dataclass(frozen=True, slots=True)
class PageSpec:
    kind: str
    sort: str | None = None  # a column key of queries_pages.COLUMNS[kind]
    desc: bool = False
    text: str = ""
    facets: tuple[tuple[str, str], ...] = ()  # (facet key, value)
    labels: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (column key, stored values)

    def __post_init__(self) -> None:
        kind = kind_name(self.kind)
        object.__setattr__(self, "kind", kind)
        if kind not in q.FROM:
            raise ValueError(f"no lazy table of {kind!r}")
        cols = q.COLUMNS[kind]
        if self.sort is not None and self.sort not in cols:
            raise ValueError(f"{kind} rows cannot be sorted by {self.sort!r}")
        bad = [k for k, _ in self.facets if k not in q.FACETS.get(kind, {})]
        bad += [k for k, _ in self.labels if k not in cols]
        if bad:
            raise ValueError(f"{kind} rows cannot be filtered by {bad}")

    @property
    def windowed(self) -> bool:
        """In the table's own order without a text filter: pages by OFFSET from the indexes."""
        return self.sort is None and not self.text

    def with_(self, **changes) -> PageSpec:
        fields = {k: getattr(self, k) for k in ("kind", "sort", "desc", "text", "facets", "labels")}
        return PageSpec(**{**fields, **changes})

    # --- SQL -------------------------------------------------------------------------------

    def _where(self) -> tuple[str, dict[str, object]]:
        parts, params = [], {}
        for key, value in sorted(self.facets):
            parts.append(q.FACETS[self.kind][key])
            if key == "year":
                year = int(value)
                params.update(y0=f"{year:04d}-01-01", y1=f"{year + 1:04d}-01-01")
                if self.kind == "energy":  # energy_rows: day numbers
                    params.update(y0=day_number(date(year, 1, 1)), y1=day_number(date(year + 1, 1, 1)))
            else:
                params[f"f_{key}"] = value
        if self.text:
            ors = [f"printf('%.15g', {expr}) LIKE :pat ESCAPE '\\'" if key in q.NUMBERS
                   else f"{expr} LIKE :pat ESCAPE '\\'" for key, expr in q.COLUMNS[self.kind].items()]
            for key, values in sorted(self.labels):
                ors.append(f"{q.COLUMNS[self.kind][key]} IN (:l_{key})")
                params[f"l_{key}"] = list(values)
            parts.append("(" + " OR ".join(ors) + ")")
            params["pat"] = "%" + like_escape(self.text) + "%"
        return (" WHERE " + " AND ".join(parts)) if parts else "", params

    def _order(self) -> str:
        default = q.DEFAULT_ORDER[self.kind]
        if self.sort is None:
            return default
        expr = q.COLUMNS[self.kind][self.sort]
        if self.sort not in q.NUMBERS:
            expr += " COLLATE NOCASE"
        terms = q.SORT.get(self.kind, {}).get(self.sort, (expr,))
        return ", ".join(f"{t}{' DESC' if self.desc else ''}" for t in terms) + f", {default}"

    def _shape(self, what: str) -> str:
        facets = "+".join(sorted(k for k, _ in self.facets)) or "-"
        labels = "+".join(sorted(k for k, _ in self.labels)) if self.text else "-"
        return (f"pages.q.{self.kind}.{what}.{self.sort or '-'}.{'d' if self.desc else 'a'}."
                f"{'t' if self.text else '-'}.{facets}.{labels}")

    def query(self, what: str) -> tuple[str, dict[str, object]]:
        """(registered query name, its parameters) of `what`: count, ids or window."""
        where, params = self._where()
        name = self._shape(what)
        with _REGISTER:
            if name in queries.QUERIES:
                return name, params
            base = f"FROM {q.FROM[self.kind]}{where}"
            if what == "count" and not where:
                # every row counts: the table alone (each join keeps one row per row: energy's
                # site is NOT NULL and a foreign key, the others are LEFT JOINs), which SQLite
                # counts on its smallest index: 9 ms for 2,000,000 energy rows, 100 ms joined
                sql = f"SELECT count(*) FROM {q.ROWS_FROM[self.kind].split(' ')[0]}"
            elif what == "count":
                sql = f"SELECT count(*) {base}"
            else:
                sql = f"SELECT {q.ID[self.kind]} {base} ORDER BY {self._order()}"
                if what == "window":
                    sql += " LIMIT :limit OFFSET :offset"
            queries.register({name: sql})
        return name, params


def like_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def count(ws: Workspace, spec: PageSpec) -> int:
    name, params = spec.query("count")
    return ws.select(name, **params).fetchone()[0]


def ids(ws: Workspace, spec: PageSpec, limit: int | None = None, offset: int = 0,
        cancelled=None) -> array:
    """Row ids in the spec's order (`limit` of them from `offset`: a windowed read). With
    `cancelled` (a callable), stops early and returns what it has when it says True."""
    if limit is None:
        name, params = spec.query("ids")
    else:
        name, params = spec.query("window")
        params.update(limit=limit, offset=offset)
    cur = ws.select(name, **params)
    out = array("q")
    while True:
        chunk = cur.fetchmany(50_000)
        if not chunk:
            return out
        out.extend(r[0] for r in chunk)
        if cancelled is not None and cancelled():
            return out


def rows(ws: Workspace, kind, row_ids: Sequence[int]) -> list[dict]:
    """The rows `row_ids` of `kind` as Workspace.rows gives them, in that order (ids with no row
    left out)."""
    if not row_ids:
        return []
    found = {r["id"]: r for r in ws.select_dicts(f"pages.rows.{kind_name(kind)}", ids=list(row_ids))}
    return [found[i] for i in row_ids if i in found]


def facet_values(ws: Workspace, kind, key: str) -> list[str]:
    """The values a facet box lists: sites or campaigns with rows; the years from each site's
    first to its last period start."""
    kind = kind_name(kind)
    cur = ws.select(f"pages.facet.{kind}.{key}")
    if key != "year":
        return [r[0] for r in cur if r[0]]
    years: set[int] = set()
    for lo, hi in cur:
        if isinstance(lo, int) and isinstance(hi, int):  # energy_rows' day numbers
            lo, hi = day_iso(lo), day_iso(hi)
        if lo and hi:
            years.update(range(int(lo[:4]), int(hi[:4]) + 1))
    return [str(y) for y in sorted(years)]


def grid_regions(ws: Workspace) -> list[str]:
    return [r[0] for r in ws.select("pages.grid_regions")]


def matching(values: Iterable[str], label, text: str) -> tuple[str, ...]:
    """The stored `values` whose shown `label(value)` contains `text` (case-insensitive) and
    that do not contain it themselves (LIKE finds those)."""
    t = text.casefold()
    return tuple(v for v in values if t in str(label(v)).casefold() and t not in v.casefold())
