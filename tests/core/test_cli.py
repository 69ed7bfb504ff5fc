"""The greenledger command, run as users run it: a subprocess, exit codes, stdout/stderr."""

import json
import subprocess
import sys
from datetime import date

import pytest

from tests.conftest import ENERGY_HEADER, SITES


def gl(*args, check_rc=None):
    proc = subprocess.run([sys.executable, "-m", "greenledger.gui.cli", *map(str, args)], capture_output=True,
                          text=True, env={"QT_QPA_PLATFORM": "offscreen", **__import__("os").environ})
    if check_rc is not None:
        assert proc.returncode == check_rc, proc.stderr
    assert "Traceback" not in proc.stderr
    return proc


def test_version_comes_from_pyproject():
    import tomllib
    from pathlib import Path

    version = tomllib.loads(Path("pyproject.toml").read_text())["project"]["version"]
    assert gl("--version", check_rc=0).stdout.strip() == f"greenledger {version}"


def test_import_summary_json_and_refusal(tmp_path, workbook):
    ws = tmp_path / "w.greenledger"
    good = workbook({"Sites": SITES, "Energy": [ENERGY_HEADER,
                     ["Zhangbei DC", date(2021, 1, 1), date(2021, 1, 31), "grid", 1000, None]]})
    out = gl("--workspace", ws, "import", good, check_rc=0)
    assert "3 new" in out.stdout
    s = json.loads(gl("--workspace", ws, "summary", "--json", check_rc=0).stdout)
    assert s["schema"] == 3
    assert set(s) >= {"site_years", "site_months", "campaigns", "initiatives", "totals",
                      "avoided_equivalents", "initiatives_equivalents", "factors_used"}
    year = s["site_years"][0]
    assert set(year) >= {"site", "year", "total_kwh", "renewable_kwh", "renewable_share_pct",
                         "location_based_t", "market_based_t", "scope1_t", "avoided_t"}
    assert year["location_based_t"] == pytest.approx(1000 * 0.712 / 1000)
    bad = workbook({"Energy": [ENERGY_HEADER,
                    ["Nowhere", date(2021, 1, 1), date(2021, 1, 31), "grid", -1, None]]}, name="bad.xlsx")
    err = gl("--workspace", ws, "import", bad, check_rc=1).stderr
    assert "bad.xlsx › Energy › row 2 › Site [A]: 'Nowhere' — unknown site" in err
    assert "bad.xlsx › Energy › row 2 › Energy (kWh) [E]: -1 — negative" in err
    assert "nothing was written" in err
    assert json.loads(gl("--workspace", ws, "summary", "--json").stdout)["site_years"] == s["site_years"]


def test_wrong_usage_exits_2(tmp_path):
    assert gl("--workspace", tmp_path / "w.greenledger", "import", check_rc=2).stderr
    assert gl("equivalents", "400 furlongs", check_rc=2).stderr.startswith("greenledger:")


def test_not_a_workspace_exits_1_with_a_message(tmp_path):
    bad = tmp_path / "x.greenledger"
    bad.write_text("no")
    err = gl("--workspace", bad, "summary", check_rc=1).stderr
    assert "not a GreenLedger workspace" in err


def test_equivalents_of_400_t():
    s = json.loads(gl("equivalents", "400t", "--json", check_rc=0).stdout)
    halo = next(e for e in s["equivalents"] if e["key"] == "haloxylon_tree")
    assert round(halo["value"]) == 22346
    same = json.loads(gl("equivalents", "400000kg", "--json", check_rc=0).stdout)
    assert same["equivalents"] == s["equivalents"]
    text = gl("equivalents", "400t", check_rc=0).stdout
    assert "22,346" in text and "Haloxylon" in text


def test_template_command_writes_a_workbook_the_importer_reads(tmp_path):
    out = tmp_path / "template.xlsx"
    gl("template", "--out", out, check_rc=0)
    ws = tmp_path / "w.greenledger"
    proc = gl("--workspace", ws, "import", out, check_rc=0)
    assert "nothing new" in proc.stdout
    assert gl("template", "--out", tmp_path / "t.csv", check_rc=2).stderr


def test_rebuild_aggregates_counts_the_stored_rows_and_keeps_the_summary(tmp_path, workbook):
    ws = tmp_path / "w.greenledger"
    book = workbook({"Sites": SITES, "Energy": [ENERGY_HEADER, *(
        [site, date(2021, m, 1), date(2021, m, 28), "grid", 1000 * m, None]
        for site in ("Zhangbei DC", "Ulanqab DC") for m in (1, 2, 3))]})
    gl("--workspace", ws, "import", book, check_rc=0)
    before = json.loads(gl("--workspace", ws, "summary", "--json", check_rc=0).stdout)
    out = gl("--workspace", ws, "rebuild-aggregates", check_rc=0).stdout
    assert out.startswith("Aggregates rebuilt: ") and " from 6 energy rows in " in out
    assert json.loads(gl("--workspace", ws, "summary", "--json").stdout) == before
    zh = gl("--workspace", ws, "--lang", "zh", "rebuild-aggregates", check_rc=0).stdout
    assert zh.startswith("汇总已重建：6 条能源记录")
    not_a_workspace = tmp_path / "notes.greenledger"
    not_a_workspace.write_text("not a workspace")
    assert "greenledger: " in gl("--workspace", not_a_workspace, "rebuild-aggregates", check_rc=1).stderr
