"""The command line drives the same engine: the readings of issue 12 §2 from `greenledger
import` (a bill export with --value source=grid; a cell unit refused, named on stderr)."""

from __future__ import annotations

import json

from tests.conftest import SITES, write_workbook
from tests.core.test_cli import gl
from tests.core.test_read_blind import ZB
from tests.core.test_read_office import DATA


def test_bill_export_dry_run_then_import(tmp_path):
    ws = tmp_path / "w.greenledger"
    dry = gl("-w", ws, "import", DATA / "readings-bills.ods", "--value", "source=grid",
             "--dry-run", check_rc=0)
    assert "rows 2, 3 (meters 0001, 0002) are summed" in dry.stdout + dry.stderr
    assert "total energy: 21,000 kWh" in dry.stdout
    gl("-w", ws, "import", DATA / "readings-bills.ods", "--value", "source=grid", check_rc=0)
    s = json.loads(gl("-w", ws, "summary", "--json", check_rc=0).stdout)
    assert sum(r["total_kwh"] for r in s["site_years"]) == 21_000


def test_a_cell_unit_conflict_is_named_on_stderr(tmp_path):
    path = write_workbook(tmp_path / "c.xlsx", {"Sites": SITES, "Energy": [
        ["Site", "Month", "Source", "Energy (kWh)"], [ZB, "2023-01", "grid", "1,479 MWh"]]})
    out = gl("-w", tmp_path / "w.greenledger", "import", path, check_rc=1)
    assert "c.xlsx › Energy › row 2 › Energy (kWh) [D]: '1,479 MWh' — this cell says MWh" \
        in out.stderr
