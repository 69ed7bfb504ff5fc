"""Preflight equals import (issue 12 §3): over every workbook the test suite ships (tests/data/)
and a representative set of those it builds (the parametrised layouts of test_import_pitfalls and
the cases of issue 13), each against an empty workspace and one that already holds sites and
three months: the analysis shows no problem exactly when the import succeeds."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from greenledger.core.errors import ImportRefused
from greenledger.core.importing.engine import analyse, import_plans, preflight
from greenledger.core.storage import Workspace
from tests.conftest import CAMPAIGNS, ENERGY_HEADER, SITES, snapshot, write_workbook
from tests.core import test_import_pitfalls as pitfalls
from tests.core.test_cli import gl

DATA = Path(__file__).resolve().parent.parent / "data"
ZB = "Zhangbei DC"
JAN, FEB, MAR = ((date(2023, 1, 1), date(2023, 1, 31)), (date(2023, 2, 1), date(2023, 2, 28)),
                 (date(2023, 3, 1), date(2023, 3, 31)))
FACTORS = ["Factor", "Region", "Year", "Value", "Unit", "Source"]
DELIVERIES = ["Business unit", "Campaign", "Period start", "Period end", "Orders", "Vehicle",
              "Distance (km)", "Emissions (t CO2e)"]


def _marks(fn, name: str) -> list:
    mark = next(m for m in fn.pytestmark if m.name == "parametrize")
    return list(mark.args[1])


BUILT: dict[str, dict[str, list[list]]] = {
    "months and their quarter": {"Energy": [ENERGY_HEADER, *[[ZB, *p, "grid", 100.0, None]
                                                            for p in (JAN, FEB, MAR)],
                                            [ZB, JAN[0], MAR[1], "grid", 300.0, None]]},
    "a quarter that is not their sum": {"Energy": [ENERGY_HEADER, [ZB, JAN[0], MAR[1], "grid", 250.0,
                                                                   None]]},
    "a second january": {"Energy": [ENERGY_HEADER, [ZB, date(2023, 1, 15), date(2023, 2, 14),
                                                    "grid", 5.0, None]]},
    "unknown site": {"Energy": [ENERGY_HEADER, ["Nowhere DC", *JAN, "grid", 5, None]]},
    "sites and energy": {"Sites": SITES, "Energy": [ENERGY_HEADER,
                                                    ["Ulanqab DC", *JAN, "solar", 9, "on-site"]]},
    "region without a factor": {"Sites": [SITES[0], ["Lyon", "office", "Auvergne", "France"]]},
    "region on the factors sheet": {"Sites": [SITES[0], ["Lagos", "office", "Nigeria", "Nigeria"]],
                                    "Factors": [FACTORS, ["grid", "Nigeria", 2023, 0.41,
                                                          "kg CO2/kWh", "own"]]},
    "grid factor in grams": {"Factors": [FACTORS, ["grid", "North China", 2023, 581, "kg CO2/kWh",
                                                   "own"]]},
    "tiny grid factor": {"Factors": [FACTORS, ["grid", "North China", 2023, 0.00044,
                                               "kg CO2/kWh", "own"]]},
    "campaign with its dates": {"Campaigns": CAMPAIGNS, "Deliveries": [
        DELIVERIES, ["Tmall", "6.18 2021", date(2021, 6, 1), date(2021, 6, 18), 100, "van diesel",
                     50, None]]},
    "unknown campaign": {"Deliveries": [DELIVERIES, ["Tmall", "11.11", None, None, 100,
                                                     "van diesel", 50, None]]},
    "emissions in MT": {"Deliveries": [["Business unit", "Period start", "Period end", "Orders",
                                        "CO2e (MT)"], ["Tmall", *JAN, 100_000, 12.5]]},
    "kg per order out of bounds": {"Deliveries": [["Business unit", "Period start", "Period end",
                                                   "Orders", "Emissions (t CO2e)"],
                                                  ["Tmall", *JAN, 10, 50]]},
    "recycled content (%)": {"Packaging": [["Business unit", "Period start", "Period end",
                                            "Material", "Quantity", "Unit", "Recycled content (%)"],
                                           ["Tmall", *JAN, "board", 100, "kg", 0.8]]},
    "unknown material": {"Packaging": [["Business unit", "Period start", "Period end", "Material",
                                        "Quantity", "Unit"], ["Tmall", *JAN, "unobtainium", 1, "kg"]]},
    "instrument on grid": {"Energy": [ENERGY_HEADER, [ZB, *FEB, "grid", 5, "PPA"]]},
    "end before start": {"Energy": [ENERGY_HEADER, [ZB, FEB[1], FEB[0], "grid", 5, None]]},
    "two energy sheets": {"Monthly": [ENERGY_HEADER, [ZB, *JAN, "wind", 1, "PPA"]],
                          "Annual": [ENERGY_HEADER, [ZB, JAN[0], date(2023, 12, 31), "wind", 1,
                                                     "PPA"]]},
    "messy wide sheet with totals": {"用电": [["2023年各站点用电量（万千瓦时）"], [],
                                             ["站点", "能源类型", "2023年1月", "2023年2月"],
                                             [ZB, "电网", 1.5, 2], [ZB, "光伏", 0.3, 0.4],
                                             ["合计", None, 1.8, 2.4]]},
}
for i, (sheet, rows, _kwh) in enumerate(_marks(
        pitfalls.test_common_layouts_import_with_the_unit_they_state, "sheet,rows,kwh")):
    BUILT[f"pitfalls layout {i}"] = {sheet: rows}
for i, (sheet, title) in enumerate(_marks(pitfalls.test_a_wide_sheet_about_money_is_refused,
                                          "sheet,title")):
    BUILT[f"money title {i}"] = {sheet: [[title], ["站点", "能源类型", *pitfalls.M3],
                                         [ZB, "电网", 10, 20, 30]]}

SHIPPED = sorted(p.name for p in DATA.iterdir() if p.suffix in (".xlsx", ".xls", ".ods"))


def _workspace(tmp_path: Path, state: str) -> Workspace:
    ws = Workspace.open(tmp_path / f"{state}.greenledger")
    if state == "stored":
        book = write_workbook(tmp_path / "stored.xlsx", {"Sites": SITES, "Campaigns": CAMPAIGNS,
                                                         "Energy": [ENERGY_HEADER, *[
                                                             [ZB, *p, "grid", 100.0, None]
                                                             for p in (JAN, FEB, MAR)]]})
        import_plans(ws, book, analyse(book))
    return ws


def _agree(ws: Workspace, path: Path) -> None:
    try:
        plans = analyse(path)
    except ImportRefused:
        return  # unreadable: refused before any analysis, by both
    preflight(ws, path, plans)
    clean = not any(p.all_problems for p in plans)
    before = snapshot(ws)
    try:
        import_plans(ws, path, plans)
        imported = True
    except ImportRefused as exc:
        imported = False
        assert snapshot(ws) == before
        shown = {(p.sheet, p.row, p.reason) for plan in plans for p in plan.all_problems}
        missed = [p for p in exc.problems if (p.sheet, p.row, p.reason) not in shown
                  and p.code != "no_template_sheet"]
        assert not missed, f"import refused for problems the analysis did not show: {missed}"
    assert clean == imported, f"{path.name}: analysis clean={clean}, import succeeded={imported}"


@pytest.mark.parametrize("state", ["empty", "stored"])
@pytest.mark.parametrize("name", sorted(BUILT))
def test_built_workbooks_preflight_equals_import(tmp_path, state, name):
    ws = _workspace(tmp_path, state)
    try:
        _agree(ws, write_workbook(tmp_path / "book.xlsx", BUILT[name]))
    finally:
        ws.close()


@pytest.mark.parametrize("state", ["empty", "stored"])
@pytest.mark.parametrize("name", SHIPPED)
def test_shipped_workbooks_preflight_equals_import(tmp_path, state, name):
    ws = _workspace(tmp_path, state)
    try:
        _agree(ws, DATA / name)
    finally:
        ws.close()


@pytest.mark.parametrize("name", ["unknown site", "months and their quarter", "grid factor in grams",
                                  "sites and energy"])
def test_dry_run_exit_code_is_the_imports(tmp_path, name):
    book = write_workbook(tmp_path / "book.xlsx", BUILT[name])
    ws = tmp_path / "w.greenledger"
    dry = gl("--workspace", ws, "import", book, "--dry-run")
    assert not ws.exists()
    real = gl("--workspace", ws, "import", book)
    assert dry.returncode == real.returncode, (dry.stdout, dry.stderr, real.stderr)
    counts = [line for line in dry.stdout.splitlines() if line.strip().startswith("problems:")]
    assert counts and all("none" in line for line in counts) == (dry.returncode == 0)
