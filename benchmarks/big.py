"""Big workspaces (issue 15): the figures of its table at 876,000 daily energy rows (50 sites ×
4 sources × 12 years), and with BENCH_BIG=1 at 5,000,000 as well. Each is printed as a ratio to
a baseline measured in the same run, with the absolute time as context:

- window visible (first paint) vs a bare pyqtgraph window, and the window's resident memory;
- `summary --json` (the command, start to exit) vs a bare `python -c` of the same interpreter,
  and the summary in process vs the plain SQL aggregate it could start from;
- the dashboard's redraw after a filter change, worst of 50, vs that SQL aggregate;
- a re-import that changes nothing vs python-calamine's raw read of the same file: with
  --recheck (the file read and every row checked against the workspace), then without (the
  import memo answers: the file and the workspace unchanged since it was imported);
- a paste over 20,000 rows (checked and written as the window's paste is) vs the bare SQL
  UPDATE of the same values;
- the workspace file's size per million rows, vs the xlsx it came from.

Workbooks and workspaces are generated once into benchmarks/.cache/ (openpyxl write-only; a
sheet holds at most 1,000,000 rows, so 5 million rows take several Energy sheets).

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/big.py      (make bench runs it)
"""

from __future__ import annotations

import gc
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from benchmarks.run import sites_sheet  # noqa: E402
from benchmarks.window_startup import measure as window  # noqa: E402  (first paint, MB)
from greenledger.core.importing.importer import import_file  # noqa: E402
from greenledger.core.storage import Workspace  # noqa: E402

CACHE = ROOT / "benchmarks" / ".cache"
SITES, SOURCES = 50, ("grid", "wind", "solar", "hydro")
SHEET_ROWS = 1_000_000


def big_workbook(rows: int) -> Path:
    """Sites + Energy sheets of daily rows, 50 sites × 4 sources a day, `rows` rows in all."""
    path = CACHE / f"big_{rows}.xlsx"
    if path.exists():
        return path
    import openpyxl

    CACHE.mkdir(parents=True, exist_ok=True)
    wb = openpyxl.Workbook(write_only=True)
    sites_sheet(wb, SITES)
    start, n, day, sheet, in_sheet = date(2012, 1, 1), 0, 0, None, SHEET_ROWS
    header = ["Site", "Period start", "Period end", "Source", "Energy (kWh)", "Instrument"]
    while n < rows:
        d = start + timedelta(days=day)
        for i in range(SITES):
            for s in SOURCES:
                if n >= rows:
                    break
                if in_sheet >= SHEET_ROWS - 1:
                    sheet = wb.create_sheet("Energy" if sheet is None else f"Energy {n // SHEET_ROWS + 1}")
                    sheet.append(header)
                    in_sheet = 0
                sheet.append([f"Site {i:02d}", d, d, s, 1000.0 + (n % 997), None if s == "grid" else "PPA"])
                n += 1
                in_sheet += 1
        day += 1
    part = path.with_suffix(".part.xlsx")
    wb.save(part)
    part.rename(path)
    return path


def energy_sheets(book: Path) -> list[str | None]:
    """[None] (the whole book in one import) for a book of one Energy sheet; else Sites, then
    each Energy sheet: one import refuses several sheets of one kind (duplicate_kind), and a
    sheet holds at most 1,048,576 rows, so 5 million rows take several imports."""
    from python_calamine import CalamineWorkbook

    names = CalamineWorkbook.from_path(str(book)).sheet_names
    return [None] if len(names) <= 2 else names


def big_workspace(rows: int) -> tuple[Path, Path, float]:
    """The workspace imported from big_workbook(rows), cached per schema version; returns
    (workspace, workbook, seconds of the first import, 0 when cached)."""
    book = big_workbook(rows)
    # one cached workspace per schema: the file size is then that of the current layout, written
    # by a fresh import (a migrated copy keeps the old layout's free pages)
    from greenledger.core.migrations import migrations

    schema = migrations._migrations[-1].name.split("_", 1)[0]
    ws_path = CACHE / f"big_{rows}.{schema}.greenledger"
    if ws_path.exists():
        return ws_path, book, 0.0
    part = ws_path.with_suffix(".part")
    for p in (part, Path(f"{part}-wal"), Path(f"{part}-shm")):
        p.unlink(missing_ok=True)
    with Workspace.open(part) as ws:
        t0 = time.perf_counter()
        for sheet in energy_sheets(book):  # a book of several Energy sheets: one at a time
            import_file(ws, book, sheet=sheet)
        first = time.perf_counter() - t0
    part.rename(ws_path)
    return ws_path, book, first


def median_of(fn, runs: int = 3):
    results = [fn() for _ in range(runs)]
    return tuple(statistics.median(x) for x in zip(*results, strict=True)) if isinstance(results[0], tuple) \
        else statistics.median(results)


def sql_aggregate(ws_path: Path) -> float:
    """The plain SQL a summary could start from: kWh per site, source, instrument and month."""
    import sqlite3

    con = sqlite3.connect(ws_path)
    cols = {r[1] for r in con.execute("PRAGMA table_info(energy)")}
    kwh = "energy_kwh" if "energy_kwh" in cols else "kwh"
    t0 = time.perf_counter()
    con.execute(f"SELECT site_id, source, instrument, substr(period_start, 1, 7), sum({kwh}) FROM energy "
                "GROUP BY 1, 2, 3, 4").fetchall()
    secs = time.perf_counter() - t0
    con.close()
    return secs


def command(*args: str) -> float:
    t0 = time.perf_counter()
    subprocess.run([*args], capture_output=True, check=True)
    return time.perf_counter() - t0


def dashboard_redraws(ws_path: Path, changes: int = 50) -> list[float]:
    from benchmarks.dashboard import filter_redraws

    with Workspace.open(ws_path) as ws:
        return filter_redraws(ws, changes)[0]


PASTE_ROWS = 20_000


def paste(ws_path: Path, copy: Path, n: int) -> tuple[float, float]:
    """(seconds, baseline seconds): `n` energy rows changed as the window's paste changes them
    (core.editing: checked as an import checks, then written in one transaction with the
    aggregates), and the bare SQL UPDATE of the same values, each on a fresh copy."""
    from greenledger.core import editing, pages
    from greenledger.core.fields import Kind

    shutil.copy2(ws_path, copy)
    with Workspace.open(copy, create=False) as ws:
        ids = list(pages.ids(ws, pages.PageSpec("energy"), n, 5000))
        rows = pages.rows(ws, Kind.ENERGY, ids)
        texts = [(r["id"], {**editing.row_texts(Kind.ENERGY, r), "energy": str(float(r["energy"]) + 1)})
                 for r in rows]
        t0 = time.perf_counter()
        editing.apply_state(ws, Kind.ENERGY, editing.check_rows(ws, Kind.ENERGY, texts).state)
        took = time.perf_counter() - t0
    import sqlite3

    shutil.copy2(ws_path, copy)
    con = sqlite3.connect(copy)
    t0 = time.perf_counter()
    with con:
        con.executemany("UPDATE energy_rows SET energy_kwh = ? WHERE id = ?",
                        [(float(r["energy"]) + 1, r["id"]) for r in rows])
    bare = time.perf_counter() - t0
    con.close()
    copy.unlink()
    return took, bare


def line(name: str, value: str, baseline: str, ratio: float | None, target: str) -> None:
    r = f"ratio {ratio:6.2f}x" if ratio is not None else " " * 12
    print(f"{name:<46} {value:>12}   {baseline:<44} {r}   target {target}")


def bench(rows: int, big: bool) -> None:
    print(f"-- {rows:,} energy rows (50 sites × 4 sources, daily)")
    ws_path, book, first = big_workspace(rows)
    if first:
        print(f"   (generated: first import {first:.1f} s)")
    tmp = Path(tempfile.mkdtemp())
    ini = tmp / "settings.ini"
    try:
        window("window", ws_path, ini)  # warm the file cache and .pyc files
        bare_s, bare_mb = median_of(lambda: window("bare", ws_path, ini))
        win_s, win_mb = median_of(lambda: window("window", ws_path, ini))
        line("window visible (first paint)", f"{win_s * 1000:,.0f} ms",
             f"bare pyqtgraph window {bare_s * 1000:,.0f} ms",
             win_s / bare_s, "<= 2x" if big else "<= 1.5x")
        line("  window resident memory", f"{win_mb:,.0f} MB", f"bare pyqtgraph window {bare_mb:,.0f} MB",
             win_mb / bare_mb, "<= 800 MB" if big else "<= 500 MB")

        gl = str(Path(sys.executable).with_name("greenledger"))
        py_s = median_of(lambda: command(sys.executable, "-c", "pass"))
        summ_s = median_of(lambda: command(gl, "--workspace", str(ws_path), "summary", "--json"))
        line("summary --json (command, start to exit)", f"{summ_s * 1000:,.0f} ms",
             f"python -c pass {py_s * 1000:,.0f} ms", summ_s / py_s, "< 2 s" if big else "< 0.5 s")
        agg_s = median_of(lambda: sql_aggregate(ws_path))
        from greenledger.core.accounting import summarize

        def in_process() -> float:
            with Workspace.open(ws_path) as ws:
                gc.collect()
                t0 = time.perf_counter()
                summarize(ws)
                return time.perf_counter() - t0
        inproc_s = median_of(in_process)
        line("  summary in process", f"{inproc_s * 1000:,.0f} ms", f"SQL aggregate by site/source/month "
             f"{agg_s * 1000:,.0f} ms", inproc_s / agg_s, "")

        if not big:
            times = dashboard_redraws(ws_path)
            line(f"dashboard redraw after a filter change, worst of {len(times)}",
                 f"{max(times) * 1000:,.0f} ms", f"SQL aggregate {agg_s * 1000:,.0f} ms",
                 max(times) / agg_s, "< 100 ms")
            paste_s, sql_s = paste(ws_path, tmp / "paste.greenledger", PASTE_ROWS)
            line(f"paste over {PASTE_ROWS:,} rows (checked, written)", f"{paste_s * 1000:,.0f} ms",
                 f"the same rows' UPDATE in SQL {sql_s * 1000:,.0f} ms", paste_s / sql_s, "-")

        copy = tmp / "reimport.greenledger"
        shutil.copy2(ws_path, copy)
        gc.collect()
        raw_code = (f"import sys; sys.path.insert(0, {str(ROOT)!r}); "
                    f"from benchmarks.run import raw_read; raw_read({str(book)!r})")
        raw_s = median_of(lambda: command(sys.executable, "-c", raw_code))
        def reimport(*flags: str) -> float:  # one command, or one per Energy sheet (summed)
            return sum(command(gl, "--workspace", str(copy), "import", str(book), *flags,
                               *(("--sheet", sheet) if sheet else ()))
                       for sheet in energy_sheets(book))
        for name, flags in (("re-import --recheck (read, every row checked)", ("--recheck",)),
                            ("re-import with nothing changed (command)", ())):  # the first remembers
            try:
                re_s = reimport(*flags)
                line(name, f"{re_s * 1000:,.0f} ms", f"python-calamine raw read (a process) "
                     f"{raw_s * 1000:,.0f} ms", re_s / raw_s, "<= 1.2x" if not flags else "-")
            except subprocess.CalledProcessError as exc:  # the figure is missing, the others still print
                said = (exc.stderr or b"").decode(errors="replace").strip().splitlines()[-1:] \
                    or ["no message"]
                line(name, "failed", f"exit {exc.returncode}: {said[0]}", None, "<= 1.2x")

        mb = ws_path.stat().st_size / 1e6
        xlsx_mb = book.stat().st_size / 1e6
        line("workspace file per million rows", f"{mb / rows * 1e6:,.1f} MB",
             f"the xlsx it came from {xlsx_mb / rows * 1e6:,.1f} MB", mb / xlsx_mb, "<= 30 MB")
        with Workspace.open(ws_path) as ws:  # bytes a row of each energy table and index (dbstat)
            parts = ws.db.execute("SELECT name, sum(pgsize) FROM dbstat WHERE name LIKE 'energy%' "
                                  "GROUP BY name HAVING sum(pgsize) > 8192 ORDER BY 2 DESC").fetchall()
        print("   " + ", ".join(f"{name} {size / rows:.1f} B/row" for name, size in parts))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def main() -> int:
    big = os.environ.get("BENCH_BIG") == "1"
    print(f"GreenLedger big-workspace benchmarks (issue 15; python {sys.version.split()[0]})")
    bench(876_000, big=False)
    if big:
        bench(5_000_000, big=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
