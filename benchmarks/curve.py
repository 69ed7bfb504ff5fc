"""The curve of each issue-15 figure from 50,000 to 5,000,000 daily energy rows: the measurements
of benchmarks/big.py (and the window pairs of benchmarks/window_startup.py) at several sizes,
each as a ratio to its baseline measured in the same run, the absolute figure beside it, in one
table: sizes down, figures across, the issue's targets in the last row.

    BENCH_SIZES   comma-separated row counts (default 50000,200000,876000)
    BENCH_BIG=1   adds 2000000 and 5000000
    BENCH_RUNS    runs per median (default 3; 1 from 2,000,000 rows on, where one run takes minutes)

Workbooks and workspaces come from big.py's generators, cached in benchmarks/.cache/ (one
workspace per schema version). The first import is the one that generated the cached workspace
(its seconds kept beside it in big_N.SCHEMA.first.json) from BENCH_FIRST_NOW rows on (default
1,000,000); below that, or when it is not known, it is timed now, into a temporary workspace.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/curve.py
"""

from __future__ import annotations

import gc
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from benchmarks.big import (  # noqa: E402
    big_workspace,
    command,
    dashboard_redraws,
    energy_sheets,
    sql_aggregate,
)
from greenledger.core.importing.importer import import_file  # noqa: E402
from greenledger.core.storage import Workspace  # noqa: E402

FIRST_NOW = int(os.environ.get("BENCH_FIRST_NOW", "1000000"))  # below it the first import is timed now
COLUMNS = (  # key, heading, unit of the absolute figure, baseline
    ("window", "window visible", "ms", "x bare pyqtgraph"),
    ("memory", "window memory", "MB", "x bare window"),
    ("summary", "summary --json", "ms", "x python -c pass"),
    ("inproc", "summary in process", "ms", "x SQL aggregate"),
    ("redraw", "redraw worst of 50", "ms", "x SQL aggregate"),
    ("reimport", "re-import unchanged", "s", "x calamine raw read"),
    ("recheck", "re-import --recheck", "s", "x calamine raw read"),
    ("first", "first import", "s", "x calamine raw read"),
    ("file", "file MB / M rows", "MB", "x the xlsx"),
)
TARGETS = {  # (below 1 million, at 5 million), as the issue states them
    "window": ("<= 1.5x", "<= 2x"), "memory": ("<= 500 MB", "<= 800 MB"),
    "summary": ("< 0.5 s", "< 2 s"), "inproc": ("", ""), "redraw": ("< 100 ms", ""),
    "reimport": ("<= 1.2x", ""), "recheck": ("", ""), "first": ("", ""), "file": ("<= 30 MB", ""),
}


def sizes() -> list[int]:
    text = os.environ.get("BENCH_SIZES", "50000,200000,876000")
    rows = [int(s.replace("_", "")) for s in text.split(",") if s.strip()]
    if os.environ.get("BENCH_BIG") == "1":
        rows += [2_000_000, 5_000_000]
    return sorted(set(rows))


def median(fn, runs: int):
    return statistics.median(fn() for _ in range(runs))


def workspace(rows: int) -> tuple[Path, Path, float | None]:
    """big.py's cached workspace of `rows` rows: (workspace, workbook, seconds of its first import,
    None when it was generated earlier without a record of it)."""
    ws_path, book, first = big_workspace(rows)  # a book of several Energy sheets: one at a time
    note = ws_path.with_suffix(".first.json")
    if first:
        note.write_text(json.dumps({"rows": rows, "seconds": first, "commit": head()[0],
                                    "when": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())}))
        return ws_path, book, first
    if note.exists():
        return ws_path, book, json.loads(note.read_text())["seconds"]
    return ws_path, book, None


def windows(ws_path: Path, ini: Path, runs: int) -> list[float]:
    """window_startup's pairs (bare, then the window) and the bare window's MB, run from a small
    process of their own: a child's ru_maxrss starts at its parent's resident size (Linux keeps the
    high-water mark across fork and exec), and this process grows with each size it measures."""
    code = (f"import json, statistics, sys; sys.path.insert(0, {str(ROOT)!r}); from pathlib import Path; "
            f"from benchmarks import window_startup as w; "
            f"ws, ini = Path({str(ws_path)!r}), Path({str(ini)!r}); "
            f"w.measure('window', ws, ini); r = w._pairs('window', ws, ini, {runs}); "
            f"b = statistics.median(w.measure('bare', ws, ini)[1] for _ in range({runs})); "
            f"print(json.dumps([*r, b]))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def first_import_now(book: Path, tmp: Path) -> float:
    with Workspace.open(tmp / "first.greenledger") as ws:
        gc.collect()
        t0 = time.perf_counter()
        import_file(ws, book)
        return time.perf_counter() - t0


def reimport(gl: str, copy: Path, book: Path, rows: int, *flags: str) -> float:
    """The re-import command(s): one, or one per sheet (summed) for a book of several Energy
    sheets. With --recheck the file is read and every row checked against the workspace; without,
    after one import of the file, the import memo answers (core.importing.memo)."""
    return sum(command(gl, "--workspace", str(copy), "import", str(book), *flags,
                       *(("--sheet", sheet) if sheet else ()))
               for sheet in energy_sheets(book))


def measure(rows: int, runs: int) -> dict[str, tuple[float | None, float | None, str]]:
    """{column: (ratio, absolute, note)} at `rows` rows."""
    out: dict[str, tuple[float | None, float | None, str]] = {}
    ws_path, book, first = workspace(rows)
    tmp = Path(tempfile.mkdtemp(prefix="curve-"))
    ini = tmp / "settings.ini"
    try:
        bare_s, win_s, ratio, win_mb, bare_mb = windows(ws_path, ini, runs)
        out["window"] = (ratio, win_s * 1000, f"bare {bare_s * 1000:,.0f} ms")
        out["memory"] = (win_mb / bare_mb, win_mb, f"bare {bare_mb:,.0f} MB")

        gl = str(Path(sys.executable).with_name("greenledger"))
        py_s = median(lambda: command(sys.executable, "-c", "pass"), runs)
        summ_s = median(lambda: command(gl, "--workspace", str(ws_path), "summary", "--json"), runs)
        out["summary"] = (summ_s / py_s, summ_s * 1000, f"python {py_s * 1000:,.0f} ms")

        agg_s = median(lambda: sql_aggregate(ws_path), runs)
        from greenledger.core.accounting import summarize

        def in_process() -> float:
            with Workspace.open(ws_path) as ws:
                gc.collect()
                t0 = time.perf_counter()
                summarize(ws)
                return time.perf_counter() - t0
        inproc_s = median(in_process, runs)
        out["inproc"] = (inproc_s / agg_s, inproc_s * 1000, f"SQL {agg_s * 1000:,.0f} ms")
        try:
            worst = max(dashboard_redraws(ws_path))
            out["redraw"] = (worst / agg_s, worst * 1000, f"SQL {agg_s * 1000:,.0f} ms")
        except Exception as exc:  # noqa: BLE001 - the figure is missing, the others still print
            out["redraw"] = (None, None, f"failed: {type(exc).__name__}")

        raw_code = (f"import sys; sys.path.insert(0, {str(ROOT)!r}); "
                    f"from benchmarks.run import raw_read; raw_read({str(book)!r})")
        raw_s = median(lambda: command(sys.executable, "-c", raw_code), runs)
        copy = tmp / "reimport.greenledger"
        shutil.copy2(ws_path, copy)
        gc.collect()
        for key, flags in (("recheck", ("--recheck",)), ("reimport", ())):  # the first remembers
            try:
                re_s = reimport(gl, copy, book, rows, *flags)
                out[key] = (re_s / raw_s, re_s, f"raw {raw_s:,.1f} s")
            except subprocess.CalledProcessError as exc:
                out[key] = (None, None, f"failed: exit {exc.returncode}")
        copy.unlink(missing_ok=True)
        when = "at generation"
        if first is None or rows < FIRST_NOW:
            first, when = first_import_now(book, tmp), "now"
        out["first"] = (first / raw_s, first, f"{when}; raw {raw_s:,.1f} s")

        mb = ws_path.stat().st_size / 1e6
        xlsx_mb = book.stat().st_size / 1e6
        out["file"] = (mb / xlsx_mb, mb / rows * 1e6, f"xlsx {xlsx_mb / rows * 1e6:,.1f} MB")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return out


def cell(ratio: float | None, value: float | None, unit: str) -> str:
    if ratio is None or value is None:
        return "failed"
    shown = f"{value:,.1f}" if unit in ("s",) or (unit == "MB" and value < 100) else f"{value:,.0f}"
    return f"{ratio:.2f}x {shown} {unit}"


def head() -> tuple[str, list[str]]:
    def git(*args: str) -> str:
        return subprocess.run(["git", "-C", str(ROOT), *args], capture_output=True, text=True).stdout

    dirty = git("status", "--short", "--untracked-files=no").split("\n")
    return git("rev-parse", "--short", "HEAD").strip(), dirty


def table(results: dict[int, dict], width: int = 22) -> list[str]:
    lines = ["rows".rjust(10) + "".join(f"  {c[1]:<{width}}" for c in COLUMNS),
             " " * 10 + "".join(f"  {c[3]:<{width}}" for c in COLUMNS)]
    for rows, res in results.items():
        lines.append(f"{rows:>10,}" + "".join(f"  {cell(*res[c[0]][:2], c[2]):<{width}}" for c in COLUMNS))
    lines.append("target".rjust(10) + "".join(
        f"  {' / '.join(t for t in TARGETS[c[0]] if t) or '-':<{width}}" for c in COLUMNS))
    lines.append(" " * 10 + "  (a / b: the target at 876,000 rows / at 5,000,000)")
    return [line.rstrip() for line in lines]


def main() -> int:
    rows_list = sizes()
    commit, dirty = head()
    dirty = [d.strip() for d in dirty if d.strip()]
    started = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    print(f"GreenLedger issue-15 curve: each figure as a ratio to its same-run baseline, the absolute "
          f"figure beside it (python {sys.version.split()[0]}; commit {commit}, started {started})",
          flush=True)
    if dirty:
        print(f"   working tree not clean: {', '.join(dirty)}", flush=True)
    results: dict[int, dict] = {}
    for rows in rows_list:
        runs = int(os.environ.get("BENCH_RUNS", "3" if rows < 2_000_000 else "1"))
        t0 = time.perf_counter()
        results[rows] = measure(rows, runs)
        notes = "; ".join(f"{c[1]}: {results[rows][c[0]][2]}" for c in COLUMNS)
        print(f"-- {rows:,} rows measured in {time.perf_counter() - t0:,.0f} s (medians of {runs}): {notes}",
              flush=True)
    print()
    for line in table(results):
        print(line)
    now, _ = head()
    print(f"finished {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}; HEAD {now}"
          + ("" if now == commit else f" (was {commit} at the start: commits landed during the run)"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
