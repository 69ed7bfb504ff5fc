"""The command-line harness of tests/core/test_read_blind2.py (kept here, beside the blind workbooks,
so the test file holds only the cases and their hand-worked figures): import into a copy of the
sites-and-campaigns workspace, --dry-run first, and read every stored figure back read-only."""

from __future__ import annotations

import io
import shutil
import sqlite3
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass, field
from pathlib import Path

import openpyxl
import pytest

from greenledger.gui.cli import main

DATA = Path(__file__).resolve().parent


def cli(*args) -> tuple[int, str]:
    out = io.StringIO()
    with redirect_stdout(out), redirect_stderr(out):
        rc = main([str(a) for a in args])
    text = out.getvalue()
    assert "Traceback" not in text
    return rc, text


def stored(ws: Path) -> dict:
    """Every figure the workspace holds, in stored units, keyed as an analyst would check them."""
    if not ws.exists():
        return {}
    con = sqlite3.connect(f"file:{ws}?mode=ro", uri=True)
    q = lambda sql: con.execute(sql).fetchall()  # noqa: E731
    energy: dict = {}
    for site, src, ins, kwh in q("SELECT s.name, e.source, coalesce(e.instrument, ''), e.energy_kwh "
                                 "FROM energy e JOIN sites s ON s.id = e.site_id"):
        energy[(site, src, ins)] = energy.get((site, src, ins), 0) + kwh
    out = {
        "energy": energy,
        "rows": q("SELECT count(*) FROM energy")[0][0],
        "periods": set(q("SELECT s.name, e.period_start, e.period_end FROM energy e "
                         "JOIN sites s ON s.id = e.site_id")),
        "deliveries": {(bu, c, a, b, v): (o, d, e) for bu, c, a, b, v, o, d, e in q(
            "SELECT business_unit, c.name, period_start, period_end, coalesce(vehicle, ''), orders, "
            "distance_km, emissions_t_co2e FROM deliveries d LEFT JOIN campaigns c ON c.id = campaign_id")},
        "packaging": {(bu, c, m): (kg, pct) for bu, c, m, kg, pct in q(
            "SELECT business_unit, c.name, material, quantity_kg, recycled_content_pct FROM packaging p "
            "LEFT JOIN campaigns c ON c.id = campaign_id")},
        "initiatives": {(n, bu, c): (a, f, r) for n, bu, c, a, f, r in q(
            "SELECT i.name, business_unit, c.name, activity, factor_kg_per_unit, reduction_t_co2e "
            "FROM initiatives i "
            "LEFT JOIN campaigns c ON c.id = campaign_id")},
        "campaigns": {n: (a, b, base) for n, a, b, base in q(
            "SELECT name, start, \"end\", baseline FROM campaigns")},
        "sites": {n: (t, r) for n, t, r in q("SELECT name, type, grid_region FROM sites")},
    }
    con.close()
    return out


@dataclass
class Case:
    file: str
    args: tuple = ()
    energy: dict | None = None           # (site, source, instrument) -> kWh
    rows: int | None = None              # energy rows stored
    periods: set | None = None           # (site, start, end)
    deliveries: dict | None = None       # (bu, campaign, start, end, vehicle) -> (orders, km, t)
    packaging: dict | None = None        # (bu, campaign, material) -> (kg, recycled %)
    initiatives: dict | None = None      # (name, bu, campaign) -> (activity, kg per unit, t CO2e)
    campaigns: dict | None = None        # new campaigns: name -> (start, end, baseline)
    sites: dict | None = None            # new sites: name -> (type, grid region)
    refused: tuple = ()                  # words the refusal must name (exit 1)
    hint_args: tuple | None = None       # the hint followed: import again with these args ...
    hint_file: dict | None = None        # ... or with these text replacements in the (csv) file
    hint_edit: object = None             # ... or after this edit of the workbook (path -> None)
    hint_runs: tuple = ()                # ... or several imports, each with its args (refusals allowed)
    before: tuple = ()                   # (file, args) imported first, as earlier months' books
    hint: dict = field(default_factory=dict)  # expected figures once the hint is followed


def approx_eq(got, want):
    if isinstance(want, dict):
        assert set(got) == set(want), f"keys: stored {sorted(got, key=str)} expected {sorted(want, key=str)}"
        for k in want:
            approx_eq(got[k], want[k])
    elif isinstance(want, tuple):
        assert len(got) == len(want)
        for g, w in zip(got, want, strict=True):
            approx_eq(g, w)
    elif isinstance(want, float | int) and not isinstance(want, bool):
        assert got == pytest.approx(want, rel=1e-9, abs=1e-9), (got, want)
    else:
        assert got == want


def check_figures(got: dict, want: dict, base: dict):
    for key, value in want.items():
        if value is None:
            continue
        if key in ("campaigns", "sites"):
            approx_eq({k: v for k, v in got[key].items() if k not in base[key]}, value)
        else:
            approx_eq(got[key], value)


def make_base(tmp_path_factory) -> Path:
    """The analyst's workspace before the blind file: _base.xlsx's sites and campaigns, imported once."""
    ws = tmp_path_factory.mktemp("base") / "base.greenledger"
    rc, text = cli("-w", ws, "import", DATA / "_base.xlsx")
    assert rc == 0, text
    return ws


def run(case: Case, tmp_path: Path, base_ws: Path):
    ws = tmp_path / "w.greenledger"
    for suffix in ("", "-wal", "-shm"):
        if Path(f"{base_ws}{suffix}").exists():
            shutil.copy(f"{base_ws}{suffix}", f"{ws}{suffix}")
    assert len(stored(ws)["sites"]) == 7 and len(stored(ws)["campaigns"]) == 3
    for file, args in case.before:
        rc, text = cli("-w", ws, "import", DATA / file, *args)
        assert rc == 0, text
    base = stored(ws)
    src = tmp_path / case.file
    shutil.copy(DATA / case.file, src)
    drc, dry = cli("-w", ws, "import", src, "--dry-run", *case.args)
    assert stored(ws) == base, "--dry-run wrote to the workspace"
    rc, text = cli("-w", ws, "import", src, *case.args)
    assert (drc == 0) == (rc == 0), f"preflight != import: dry-run {drc}, import {rc}\n{dry}\n{text}"
    want = {k: getattr(case, k) for k in ("energy", "rows", "periods", "deliveries", "packaging",
                                          "initiatives", "campaigns", "sites")}
    if case.refused:
        assert rc == 1, f"expected a refusal, got exit {rc}:\n{text}\nstored {stored(ws)}"
        for word in case.refused:
            assert word in text, f"the refusal does not name {word!r}:\n{text}"
        assert stored(ws) == base, "a refused import wrote something"
        if case.hint_runs:
            for args in case.hint_runs:
                cli("-w", ws, "import", src, *args)
            check_figures(stored(ws), {**dict.fromkeys(want), **case.hint}, base)
            return
        if case.hint_args is None and case.hint_file is None and case.hint_edit is None:
            return
        args = case.hint_args if case.hint_args is not None else case.args
        if case.hint_file:
            body = src.read_text(encoding="utf-8")
            for old, new in case.hint_file.items():
                body = body.replace(old, new)
            src.write_text(body, encoding="utf-8")
        if case.hint_edit:
            case.hint_edit(src)
        rc, text = cli("-w", ws, "import", src, *args)
        want = {**dict.fromkeys(want), **case.hint}
    assert rc == 0, text
    if case.hint_runs:  # what the import's warnings say to run next
        for args in case.hint_runs:
            cli("-w", ws, "import", src, *args)
        want = {**dict.fromkeys(want), **case.hint}
    check_figures(stored(ws), want, base)


def edit_xlsx(cells: dict | None = None, delete_row: int | None = None):
    """The analyst following a hint in Excel: set `cells` of the first sheet, or delete a row."""
    def edit(path: Path):
        wb = openpyxl.load_workbook(path)
        sh = wb.worksheets[0]
        for ref, value in (cells or {}).items():
            sh[ref] = value
        if delete_row:
            sh.delete_rows(delete_row)
        wb.save(path)
    return edit


def xfail(case: Case, reason: str):
    return pytest.param(case, id=case.file, marks=pytest.mark.xfail(strict=True, reason=reason))


def ok(case: Case):
    return pytest.param(case, id=case.file)
