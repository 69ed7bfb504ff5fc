"""`greenledger check` (core.checks): the import's invariants over stored data, each finding naming
its rows. Stored data that breaks them comes from workspaces written before the import checked
them (issue 13): the tests write such rows into a real workspace file with SQL, as an older
GreenLedger stored them."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date

import pytest

from greenledger.core.checks import check_text, check_workspace
from greenledger.core.importing.importer import import_file
from greenledger.core.storage import Workspace

E = ["Site", "Period start", "Period end", "Source", "Energy (kWh)", "Instrument"]
SITES = [["Site", "Type", "Grid region", "Country"], ["A", "data center", "North China", "China"]]


def _months(ws, workbook):
    import_file(ws, workbook({"Sites": SITES, "Energy": [
        E,
        ["A", date(2023, 1, 1), date(2023, 1, 31), "grid", 100_000, None],
        ["A", date(2023, 2, 1), date(2023, 2, 28), "grid", 100_000, None],
        ["A", date(2023, 3, 1), date(2023, 3, 31), "grid", 100_000, None],
        ["A", date(2023, 1, 1), date(2023, 1, 31), "solar", 20_000, "on-site"]]}, name="m.xlsx"))


def _old_row(ws, kind_sql: str, values: dict) -> int:
    """A row as an older GreenLedger stored it (before the import checked it): with provenance."""
    batch = ws.db["import_batches"].insert({
        "file_name": "old.xlsx", "sha256": "0" * 64, "sheets": "[]", "imported_at": "2026-01-01",
        "row_count": 1}).last_pk
    return ws.db[kind_sql].insert({**values, "batch_id": batch, "source_sheet": "Energy",
                                   "source_row": 7}).last_pk


def test_a_stored_quarter_over_its_months_is_an_error_naming_both_places(ws, workbook):
    """Issue 13: monthly rows and a Q1 row of the same site and source: 600,000 kWh stored where
    the sheet used 300,000."""
    _months(ws, workbook)
    site = ws.site_names()["A"]
    q1 = _old_row(ws, "energy", {"site_id": site, "period_start": "2023-01-01",
                                 "period_end": "2023-03-31", "source": "grid",
                                 "energy_kwh": 350_000})
    found = check_workspace(ws)
    overlaps = [f for f in found if f.check == "overlap"]
    assert overlaps and all(f.error for f in overlaps)
    f = overlaps[0]
    assert f.render().startswith("A, grid: ")
    assert {r.id for r in f.rows} >= {q1}
    assert "old.xlsx › Energy › row 7 (energy id" in f.where()
    assert "m.xlsx › Energy › row " in f.where()


def test_a_stored_total_equal_to_its_months_counts_twice(ws, workbook):
    _months(ws, workbook)
    site = ws.site_names()["A"]
    _old_row(ws, "energy", {"site_id": site, "period_start": "2023-01-01",
                            "period_end": "2023-03-31", "source": "grid", "energy_kwh": 300_000})
    (f,) = [f for f in check_workspace(ws) if f.check == "total"]
    assert f.error and "is the total of 3 other stored rows" in f.render()
    assert len(f.rows) == 4  # the quarter and its three months


def test_an_own_grid_factor_in_grams_is_an_error_with_the_slip(ws, workbook):
    """Issue 13: an own grid factor of 581 kg CO2/kWh (grams typed as kilograms) was accepted."""
    _months(ws, workbook)
    _old_row(ws, "factors", {"key": "grid", "region": "North China", "year": 2023, "value": 581.0,
                             "unit": "kg CO2e/kWh", "source": "own"})
    (f,) = [f for f in check_workspace(ws) if f.check == "bounds"]
    assert f.error and "grid North China 2023" in f.render()
    assert "g CO2/kWh" in f.render() and "0.581" in f.render()
    assert f.rows[0].table == "factors"


def test_a_tiny_own_factor_is_a_warning(ws, workbook):
    _months(ws, workbook)
    _old_row(ws, "factors", {"key": "grid", "region": "North China", "year": 2023,
                             "value": 0.00044, "unit": "kg CO2e/kWh", "source": "own"})
    (f,) = [f for f in check_workspace(ws) if f.check == "bounds"]
    assert not f.error


def test_double_counts_and_missing_factors_are_findings(ws, workbook):
    _months(ws, workbook)
    import_file(ws, workbook({"Initiatives": [
        ["Initiative", "Business unit", "Campaign", "Activity", "Activity unit",
         "Factor (kg CO2e per unit)", "Reduction (t CO2e)"],
        ["Rooftop solar", "Cainiao", None, 20_000, "kWh", 0.6, None]]}, name="i.xlsx"))
    ws.db.execute("UPDATE sites SET grid_region = 'Atlantis'")
    found = check_workspace(ws)
    checks = {f.check: f for f in found}
    assert not checks["double-count"].error
    assert checks["double-count"].rows[0].file == "i.xlsx"
    assert "no grid factor for Atlantis" in checks["missing-factor"].render()
    assert not any(f.error for f in found)


def test_the_demo_has_no_findings(tmp_path):
    from greenledger.core.demo import build_demo

    path = tmp_path / "demo.greenledger"
    build_demo(path)
    with Workspace.open(path) as ws:
        assert check_workspace(ws) == []
        assert check_text([]) == "no findings: every check passed"


def _gl(*args):
    return subprocess.run([sys.executable, "-m", "greenledger.gui.cli", *map(str, args)],
                          capture_output=True, text=True)


@pytest.mark.parametrize("error", [True, False])
def test_check_command_exits_1_only_for_what_the_import_would_refuse(tmp_path, workbook, error):
    path = tmp_path / "w.greenledger"
    with Workspace.open(path) as ws:
        _months(ws, workbook)
        _old_row(ws, "factors", {"key": "grid", "region": "North China", "year": 2023,
                                 "value": 581.0 if error else 0.00044, "unit": "kg CO2e/kWh",
                                 "source": "own"})
    out = _gl("--workspace", path, "check")
    assert out.returncode == (1 if error else 0), out.stderr
    assert ("error: " if error else "warning: ") in out.stdout
    assert "old.xlsx › Energy › row 7 (factors id" in out.stdout
    js = json.loads(_gl("--workspace", path, "check", "--json").stdout)
    assert js["findings"][0]["rows"][0]["table"] == "factors"
    assert js["findings"][0]["level"] == ("error" if error else "warning")


def test_summary_prints_possible_double_counts_on_stderr(tmp_path, workbook):
    path = tmp_path / "w.greenledger"
    with Workspace.open(path) as ws:
        _months(ws, workbook)
        import_file(ws, workbook({"Initiatives": [
            ["Initiative", "Business unit", "Campaign", "Activity", "Activity unit",
             "Factor (kg CO2e per unit)", "Reduction (t CO2e)"],
            ["Rooftop PV at A", "Cainiao", None, 20_000, "kWh", 0.6, None]]}, name="i.xlsx"))
    out = _gl("--workspace", path, "summary")
    assert out.returncode == 0
    assert "warning: possible double count: initiative 'Rooftop PV at A'" in out.stderr
    assert "Warnings" in out.stdout
    js = json.loads(_gl("--workspace", path, "summary", "--json").stdout)
    assert js["schema"] == 3 and js["warnings"][0]["code"] == "double-count"
    assert _gl("--workspace", path, "check").returncode == 0  # a warning, not a refusal


def test_an_electric_van_in_a_country_without_a_grid_factor_is_named(ws, workbook):
    import_file(ws, workbook({
        "Campaigns": [["Campaign", "Start", "End", "Baseline"],
                      ["S", date(2024, 11, 1), date(2024, 11, 11), None]],
        "Deliveries": [["Business unit", "Campaign", "Orders", "Vehicle", "Distance (km)", "Country"],
                       ["B", "S", 10, "van electric", 100, "Atlantis"],
                       ["B", "S", 10, "van diesel", 100, "Atlantis"]]}, name="d.xlsx"))
    (f,) = [f for f in check_workspace(ws) if f.check == "missing-factor"]
    assert "van electric (Atlantis)" in f.render() and "not computed" in f.render()
    assert [r.row for r in f.rows] == [2]
