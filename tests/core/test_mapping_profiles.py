"""Explicit mapping on the command line (--kind/--map/--unit/--period), profiles saved and reused
(JSON file and workspace), dry runs that write nothing; header matching with confidence."""

import json

import pytest

from greenledger.core.fields import Kind
from greenledger.core.importing import mapping as mp
from greenledger.core.importing import profiles
from greenledger.core.importing.engine import analyse, import_file
from greenledger.core.importing.plan import ImportOptions
from greenledger.core.importing.profiles import Profile, ProfileError
from greenledger.core.storage import Workspace
from tests.conftest import SITES, snapshot, write_workbook
from tests.core.test_cli import gl

# Headers no synonym knows: only an explicit mapping makes sense of them.
ODD = [["Plant", "Kind of power", "Usage", "Remarks", *[f"{m}月" for m in range(1, 4)]],
       ["Zhangbei DC", "grid", None, "x", 1, "2", 3.5],
       ["Ulanqab DC", "wind", None, None, 10, None, 20]]
LONG_ODD = [["Plant", "Month", "Usage", "Remarks"],
            ["Zhangbei DC", "1月", "1.5", "estimate"],
            ["Zhangbei DC", "2月", "2,000", None]]


@pytest.fixture
def sites_ws(tmp_path):
    path = tmp_path / "w.greenledger"
    with Workspace.open(path) as w:
        import_file(w, write_workbook(tmp_path / "sites.xlsx", {"Sites": SITES}))
    return path


def energy_kwh(path):
    with Workspace.open(path) as w:
        return sorted((r["site"], r["period_start"], r["source"], r["energy"])
                      for r in w.rows(Kind.ENERGY))


def test_cli_explicit_map_unit_period_and_dry_run_writes_nothing(tmp_path, sites_ws):
    book = write_workbook(tmp_path / "odd.xlsx", {"Data": LONG_ODD})
    args = ["--workspace", sites_ws, "import", book, "--kind", "energy", "--map", "Plant=site",
            "--map", "Usage=energy", "--map", "Month=period", "--unit", "energy=MWh",
            "--period", "2023", "--value", "source=grid"]
    with Workspace.open(sites_ws) as w:
        before = snapshot(w)
    dry = gl(*args, "--dry-run", check_rc=0)
    assert "A Plant → site (explicit" in dry.stdout
    assert "unit MWh from option ×1000" in dry.stdout
    assert "D Remarks → ignored" in dry.stdout
    assert "total energy: 2,001,500 kWh" in dry.stdout
    with Workspace.open(sites_ws) as w:
        assert snapshot(w) == before
    gl(*args, check_rc=0)
    assert energy_kwh(sites_ws) == [("Zhangbei DC", "2023-01-01", "grid", 1500.0),
                                    ("Zhangbei DC", "2023-02-01", "grid", 2_000_000.0)]


def test_cli_refuses_without_the_mapping_and_on_bad_flags(tmp_path, sites_ws):
    book = write_workbook(tmp_path / "odd.xlsx", {"Data": LONG_ODD})
    err = gl("--workspace", sites_ws, "import", book, check_rc=1).stderr
    assert "no sheet has a table GreenLedger recognises" in err
    err = gl("--workspace", sites_ws, "import", book, "--kind", "energy", "--map",
             "Plant=nonsense", check_rc=1).stderr
    assert "'nonsense' is not a field of energy sheets" in err
    assert gl("--workspace", sites_ws, "import", book, "--map", "Plant", check_rc=2).stderr
    # a dry run that is refused exits 1 and writes nothing
    bad = write_workbook(tmp_path / "bad.xlsx", {"Data": [*LONG_ODD, ["Nowhere", "3月", 1]]})
    proc = gl("--workspace", sites_ws, "import", bad, "--kind", "energy", "--map", "Plant=site",
              "--map", "Usage=energy", "--map", "Month=period", "--period", "2023", "--value",
              "source=grid", "--dry-run", check_rc=1)
    assert "bad.xlsx › Data › row 4 › Plant [A]: 'Nowhere' — unknown site" in proc.stderr
    assert energy_kwh(sites_ws) == []


def test_profile_file_saved_then_reused(tmp_path, sites_ws):
    book = write_workbook(tmp_path / "odd.xlsx", {"Sheet1": ODD})
    prof = tmp_path / "plant.json"
    gl("--workspace", sites_ws, "import", book, "--kind", "energy", "--map", "Plant=site",
       "--map", "Kind of power=source", "--unit", "energy=MWh", "--period", "2024",
       "--save-profile", prof, "--dry-run", check_rc=0)
    data = json.loads(prof.read_text())
    assert data["format"] == "greenledger-import-profile" and data["kind"] == "energy"
    assert data["map"]["Plant"] == "site" and data["map"]["Remarks"] == "ignore"
    assert data["units"] == {"energy": "MWh"} and data["period"] == 2024
    assert data["measure"] == "energy"
    assert energy_kwh(sites_ws) == []  # the dry run wrote nothing
    # next month's workbook, same layout, other numbers: the profile alone maps it
    nxt = write_workbook(tmp_path / "odd2.xlsx", {"Sheet1": [ODD[0], ODD[1]]})
    gl("--workspace", sites_ws, "import", nxt, "--profile", prof, check_rc=0)
    assert energy_kwh(sites_ws) == [("Zhangbei DC", "2024-01-01", "grid", 1000.0),
                                    ("Zhangbei DC", "2024-02-01", "grid", 2000.0),
                                    ("Zhangbei DC", "2024-03-01", "grid", 3500.0)]
    broken = tmp_path / "broken.json"
    broken.write_text('{"format": "greenledger-import-profile", "kind": "energy", '
                      '"map": {"Plant": "sight"}}')
    err = gl("--workspace", sites_ws, "import", nxt, "--profile", broken, check_rc=1).stderr
    assert "'sight' is not a field of energy sheets" in err


def test_profile_kept_in_the_workspace_is_offered_by_headers(tmp_path, sites_ws):
    book = write_workbook(tmp_path / "odd.xlsx", {"Sheet1": ODD})
    opts = ImportOptions(kind=Kind.ENERGY, mapping={"Plant": "site", "Kind of power": "source"},
                         period_year=2024, units={"energy": "kWh"})
    plan = analyse(book, opts)[0]
    with Workspace.open(sites_ws) as w:
        w.save_profile(Profile.from_plan(plan, name="plants"))
        assert [p.name for p in profiles.kept(w)] == ["plants"]
        assert profiles.matching(w, ["Plant", "Kind of power", "Usage", "Remarks", "1月", "2月",
                                   "3月"]).name == "plants"
        assert profiles.matching(w, ["Site", "Source", "Energy"]) is None
    # headers in another order still match; the command line picks the profile up by itself
    cols = [0, 3, 1, 2, 4, 5, 6]
    shuffled = write_workbook(tmp_path / "shuffled.xlsx",
                              {"Sheet1": [[r[i] for i in cols] for r in ODD]})
    proc = gl("--workspace", sites_ws, "import", shuffled, check_rc=0)
    assert "using the workspace's import profile 'plants'" in proc.stderr
    got = energy_kwh(sites_ws)
    assert len(got) == 5 and sum(r[3] for r in got) == pytest.approx(1 + 2 + 3.5 + 10 + 20)
    # by name, too
    gl("--workspace", sites_ws, "import", shuffled, "--profile", "plants", check_rc=0)


def test_profile_format_is_checked(tmp_path):
    with pytest.raises(ProfileError, match="not a GreenLedger import profile"):
        Profile.from_dict({"kind": "energy"})
    with pytest.raises(ProfileError, match="unknown kind"):
        Profile.from_dict({"format": "greenledger-import-profile", "kind": "emissions"})
    with pytest.raises(ProfileError, match="period"):
        Profile.from_dict({"format": "greenledger-import-profile", "period": "last year"})
    p = Profile(name="x", kind="energy", map={"Plant": "site"}, units={"energy": "MWh"},
                headers=["Plant"])
    p.save(tmp_path / "x.json")
    assert Profile.load(tmp_path / "x.json") == p


@pytest.mark.parametrize("header,field,conf", [
    ("站点", "site", 1.0), ("Site Name", "site", 1.0), ("用电量（万千瓦时）", "energy", 1.0),
    ("Energy [MWh]", "energy", 1.0), ("ENERGY SOURCE", "source", 1.0), ("能源来源", "source", 1.0),
    ("电量：万千瓦时", "energy", 1.0), ("Usage MWh", "energy", 0.95), ("所属站点", "site", None),
])
def test_header_matching_and_confidence(header, field, conf):
    m = mp.match_header(header, Kind.ENERGY)[0]
    assert m.field == field
    if conf is None:
        assert mp.MIN_CONFIDENCE <= m.confidence < 1.0 and m.how == "partial"
    else:
        assert m.confidence == conf


def test_units_in_brackets_and_separators():
    assert mp.split_unit("用电量（万千瓦时）") == ("用电量", "万千瓦时")
    assert mp.split_unit("Energy [kWh]") == ("Energy", "kWh")
    assert mp.split_unit("Energy / MWh") == ("Energy", "MWh")
    assert mp.split_unit("Energy in GWh") == ("Energy", "GWh")
    assert mp.split_unit("Origin") == ("Origin", None)
