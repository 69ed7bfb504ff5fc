"""A unit the import is told (a kept profile, --unit) that the sheet contradicts is refused,
and the command line's hint, followed literally, stores the sheet's figures: the sheet's stated
unit wins (blind3 profile_unit_changed.xlsx: a profile kept MWh, the new export says kWh; the
old words "drop one", followed by dropping the sheet's kWh, stored 1000x the figure at exit 0).
Real workbooks by openpyxl, a real profile file, the real command line."""

from __future__ import annotations

import json
import re

from tests.conftest import SITES, write_workbook
from tests.core.test_cli import gl
from tests.core.test_read_blind import ZB


def _profile(tmp_path, unit):
    path = tmp_path / "p.json"
    path.write_text(json.dumps({
        "format": "greenledger-import-profile", "version": 1, "name": "usage", "kind": "energy",
        "sheet": "Energy", "header_rows": [1],
        "map": {"Plant": "site", "Period": "period", "Kind": "source", "Usage": "energy"},
        "units": {"energy": unit}, "headers": ["Plant", "Period", "Kind", "Usage"]}))
    return path


def _total_kwh(ws):
    s = json.loads(gl("-w", ws, "summary", "--json", check_rc=0).stdout)
    return sum(r["total_kwh"] for r in s["site_years"])


def _follow(tmp_path, header, told):
    """Refused with the profile; the hint's --unit followed literally; the kWh stored."""
    ws = tmp_path / "w.greenledger"
    gl("-w", ws, "import", write_workbook(tmp_path / "s.xlsx", {"Sites": SITES}), check_rc=0)
    book = write_workbook(tmp_path / "e.xlsx", {"Energy": [
        ["Plant", "Period", "Kind", header], [ZB, "2023-01", "grid", 395000]]})
    profile = _profile(tmp_path, told)
    out = gl("-w", ws, "import", book, "--profile", profile, check_rc=1)
    assert "drop one" not in out.stderr
    flags = re.findall(r"give (--unit \S+=\S+)", out.stderr)
    assert len(flags) == 1, out.stderr
    gl("-w", ws, "import", book, "--profile", profile, *flags[0].split(" ", 1), check_rc=0)
    return _total_kwh(ws)


def test_the_sheets_kwh_wins_over_the_profiles_mwh(tmp_path):
    assert _follow(tmp_path, "Usage (kWh)", "MWh") == 395000


def test_the_sheets_mwh_wins_over_the_profiles_kwh(tmp_path):
    assert _follow(tmp_path, "Usage (MWh)", "kWh") == 395000000
