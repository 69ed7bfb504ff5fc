"""The command-line harness of tests/core/test_read_blind3.py (beside the workbooks, so the test file
holds only the cases and their hand-worked figures). It reuses blind round 2's helpers (cli, stored,
check_figures) and imports each workbook into a copy of a workspace holding _base3.xlsx's 7 sites
and 4 campaigns: --dry-run first, then for real, and reads every stored figure back read-only.

A case gives the figures the workbook holds. When the tool refuses and the case gives the hint's
next step (hint_args / hint_edit: what its message says to do), that step is taken and must give
the same figures; a refusal with no such step fails the case (refused though readable), unless
or_refused says a refusal naming `refused` is as good. A case with only `refused` is a trap: it
must be refused, naming those words. No case may change a site the workspace held before, nor add
a site or campaign it does not name."""

from __future__ import annotations

import json
import shutil
import sys
from dataclasses import dataclass, field
from pathlib import Path

import openpyxl
import pytest

DATA = Path(__file__).resolve().parent
sys.path.insert(0, str(DATA.parent / "blind2"))
from harness import check_figures, cli, edit_xlsx, stored  # noqa: E402

FIGURES = ("energy", "rows", "periods", "deliveries", "packaging", "initiatives", "campaigns", "sites")
__all__ = ["Case", "add_factor", "edit_xlsx", "make_base", "months", "ok", "run", "xfail"]


@dataclass
class Case:
    file: str
    args: tuple = ()
    want: dict = field(default_factory=dict)  # figure kind (as harness.stored names it, or
    # "location_t": (site, year) -> the summary's location-based t CO2) -> expected
    refused: tuple = ()  # words the refusal names
    hint_args: tuple | None = None  # the hint's next step: import again with these args
    hint_edit: object = None  # ... and/or after this edit of the workbook
    or_refused: bool = False  # a refusal naming `refused` is also right
    never: tuple = ()  # words no output may hold (a hint that leads to wrong figures)
    before: tuple = ()  # (file, args) imported first


def add_factor(material: str, value: float, source: str):
    """The analyst following "add one on a Factors sheet"."""

    def edit(path: Path):
        wb = openpyxl.load_workbook(path)
        sh = wb.create_sheet("Factors")
        sh.append(["Factor", "Region", "Year", "Value", "Unit", "Source"])
        sh.append([material, None, 2023, value, "kg CO2e/kg", source])
        wb.save(path)

    return edit


def make_base(tmp_path_factory) -> Path:
    ws = tmp_path_factory.mktemp("base3") / "base.greenledger"
    rc, text = cli("-w", ws, "import", DATA / "_base3.xlsx")
    assert rc == 0, text
    return ws


def run(case: Case, tmp_path: Path, base_ws: Path):
    ws = tmp_path / "w.greenledger"
    for suffix in ("", "-wal", "-shm"):
        if Path(f"{base_ws}{suffix}").exists():
            shutil.copy(f"{base_ws}{suffix}", f"{ws}{suffix}")
    base_sites = stored(ws)["sites"]
    assert len(base_sites) == 7 and len(stored(ws)["campaigns"]) == 4
    for file, args in case.before:
        rc, text = cli("-w", ws, "import", DATA / file, *args)
        assert rc == 0, text
    before = stored(ws)
    src = tmp_path / case.file
    shutil.copy(DATA / case.file, src)
    drc, dry = cli("-w", ws, "import", src, "--dry-run", *case.args)
    assert stored(ws) == before, "--dry-run wrote to the workspace"
    rc, text = cli("-w", ws, "import", src, *case.args)
    assert (drc == 0) == (rc == 0), f"preflight != import: dry-run {drc}, import {rc}\n{dry}\n{text}"
    for word in case.never:
        assert word not in text, f"the output says {word!r}:\n{text}"
    if rc != 0:
        assert rc == 1, text
        assert stored(ws) == before, "a refused import wrote something"
        for word in case.refused:
            assert word in text, f"the refusal does not name {word!r}:\n{text}"
        if not case.want or case.or_refused:
            return
        assert case.hint_args is not None or case.hint_edit, f"refused though readable:\n{text}"
        if case.hint_edit:
            case.hint_edit(src)
        args = case.hint_args if case.hint_args is not None else case.args
        rc, text = cli("-w", ws, "import", src, *args)
        assert rc == 0, f"the hint followed is refused:\n{text}"
    else:
        assert case.want, f"a trap was imported (exit 0):\n{text}\nstored {stored(ws)}"
    got = stored(ws)
    if "location_t" in case.want:  # a computed figure: the summary's location-based t per site and year
        rc, text = cli("-w", ws, "summary", "--json")
        summary, _ = json.JSONDecoder().raw_decode(text[text.index("{"):])
        got["location_t"] = {(r["site"], r["year"]): r["location_based_t"] for r in summary["site_years"]}
    for name, value in base_sites.items():
        assert got["sites"].get(name) == value, f"site {name} changed: {value} -> {got['sites'].get(name)}"
    check_figures(got, {**dict.fromkeys(FIGURES), "sites": {}, "campaigns": {}, **case.want}, before)


def ok(case: Case):
    return pytest.param(case, id=case.file)


def xfail(case: Case, reason: str):
    return pytest.param(case, id=case.file, marks=pytest.mark.xfail(strict=True, reason=reason))


def months(site: str, year: int, first: int, last: int) -> set:
    ends = {1: 31, 2: 28, 3: 31, 4: 30, 5: 31, 6: 30, 7: 31, 8: 31, 9: 30, 10: 31, 11: 30, 12: 31}
    return {(site, f"{year}-{m:02d}-01", f"{year}-{m:02d}-{ends[m]}") for m in range(first, last + 1)}
