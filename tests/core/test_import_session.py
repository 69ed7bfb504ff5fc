"""ImportSession (core/importing/session.py), the one import the window and the command line
both drive (issue 12 §1, §3): the same workbook with the same options or kept profile gives the
same plans whether the options come as flags (`greenledger import`, gui/cli_import.py) or as
the window's steps (choose the kind, give a unit, map a column, tick a sheet); preflight equals
import; a sheet left out is neither checked nor imported; a file changed after it was read is
refused. Real .xlsx files written by openpyxl, real workspaces."""

from __future__ import annotations

from datetime import date

import pytest

from greenledger.core.errors import ImportRefused
from greenledger.core.fields import Kind
from greenledger.core.importing import profiles
from greenledger.core.importing.codes import Hint, Skip
from greenledger.core.importing.importer import import_file as import_template
from greenledger.core.importing.profiles import Profile
from greenledger.core.importing.reader import SheetData
from greenledger.core.importing.session import ImportSession
from greenledger.core.importing.source import Source
from greenledger.gui import cli_import
from greenledger.gui.cli import build_parser
from tests.conftest import SITES, snapshot, write_workbook

MONTHS = ["1月", "2月", "3月"]
WIDE = [["各站点月度用电量"], ["站点", "能源类型", *MONTHS],
        ["Zhangbei DC", "电网", 120, 130, 140], ["Ulanqab DC", "电网", 200, 210, 220]]


@pytest.fixture
def sites(ws, tmp_path):
    import_template(ws, write_workbook(tmp_path / "sites.xlsx", {"Sites": SITES}))
    return ws


def summary(plan) -> tuple:
    """Everything a front end shows of a plan: kind, each column's field, unit, multiplier and
    how it was found or why not read, the rows as stored, totals and problems."""
    cols = [(c.header, c.field, c.unit, c.multiplier, c.found, c.aside, c.aside_args)
            for c in plan.columns]
    return (plan.sheet, plan.kind, plan.skip, plan.hint, cols, plan.preview(1000), plan.totals(),
            sorted((p.code, p.row or 0, p.column or "") for p in plan.all_problems))


def cli_session(ws, *argv):
    args = build_parser().parse_args(["import", *map(str, argv)])
    return cli_import.open_session(args, ws)


def energy_kwh(ws) -> float:
    return sum(r["energy"] for r in ws.rows(Kind.ENERGY))


def test_flags_and_the_windows_steps_give_the_same_plans(sites, tmp_path):
    path = write_workbook(tmp_path / "wide.xlsx", {"用电": WIDE})
    cli = cli_session(sites, path, "--kind", "energy", "--period", "2023", "--unit", "energy=MWh",
                      "--map", "能源类型=source")
    window = ImportSession.open(path, kept=profiles.kept(sites))
    first = window.plan("用电")
    assert first.skip == Skip.NOT_A_TABLE_NO_YEAR and first.hint == Hint.PERIOD_YEAR
    window.set_sheet_option("用电", kind=Kind.ENERGY, period_year=2023)  # the window's boxes
    assert window.plan("用电").parsed is not None
    assert [p.code for p in window.plan("用电").problems] == ["unit_unstated"]
    assert window.give_unit("用电", "energy", "MWh") is not None  # the Unit column
    window.map_column("用电", "能源类型", "source")  # a Field dropdown, already so: same plan
    assert window.give_unit("用电", "energy", "MWh") is None  # nothing changes
    assert summary(window.plan("用电")) == summary(cli.plan("用电"))
    plan = cli.plan("用电")
    assert len(plan) == 6 and plan.totals()["energy"] == pytest.approx(1_020_000)  # MWh -> kWh
    assert cli.preflight(sites) == [] and window.preflight(sites) == []
    cli.import_into(sites)
    assert energy_kwh(sites) == pytest.approx(1_020_000)


def test_a_kept_profile_is_applied_alike_and_one_for_another_sheet_only_offered(sites, tmp_path):
    path = write_workbook(tmp_path / "wide.xlsx", {"用电": WIDE, "其他": WIDE})
    cli = cli_session(sites, path, "--sheet", "用电", "--kind", "energy", "--period", "2023",
                      "--unit", "energy=kWh")
    profile = Profile.from_plan(cli.plan("用电"), name="plants")
    sites.save_profile(profile)
    by_flags = cli_session(sites, path)  # no flags: the kept profile, by the session's policy
    window = ImportSession.open(path, kept=profiles.kept(sites))
    for s in (by_flags, window):
        assert s.profile("用电") == "plants" and s.profile("其他") is None
        assert s.offered("其他").name == "plants"  # saved for 用电: offered, not applied
        assert s.plan("其他").parsed is None
    assert [summary(p) for p in by_flags.plans] == [summary(p) for p in window.plans]
    assert window.plan("用电").totals()["energy"] == pytest.approx(1_020)


def test_preflight_equals_import_and_an_unticked_sheet_is_left_out(ws, tmp_path):
    """A Sites sheet beside an energy sheet: together they import; with Sites unticked the
    unknown site is a problem before Import, as Import refuses it; Energy unticked, Sites alone
    import."""
    path = write_workbook(tmp_path / "book.xlsx", {"Sites": SITES, "Energy": [
        ["Site", "Period start", "Period end", "Source", "Energy (kWh)"],
        ["Zhangbei DC", date(2023, 1, 1), date(2023, 1, 31), "grid", 1000]]})
    session = ImportSession.open(path)
    session.include("Sites", False)
    problems = session.preflight(ws)
    assert [p.code for p in problems] == ["unknown_site"] and problems[0].sheet == "Energy"
    before = snapshot(ws)
    with pytest.raises(ImportRefused) as exc:
        session.import_into(ws)
    assert [p.code for p in exc.value.problems] == ["unknown_site"] and snapshot(ws) == before
    session.include("Sites", True)
    session.include("Energy", False)
    assert session.preflight(ws) == [] and session.plan("Energy").checks == []
    result = session.import_into(ws)
    assert result.skipped_sheets == ["Energy"] and len(ws.rows(Kind.SITES)) == 2
    assert energy_kwh(ws) == 0
    session.include("Energy", True)
    assert session.preflight(ws) == []
    session.import_into(ws)
    assert energy_kwh(ws) == 1000


def test_a_dry_run_writes_nothing_and_a_file_changed_after_reading_is_refused(sites, tmp_path):
    path = write_workbook(tmp_path / "e.xlsx", {"Energy": [
        ["Site", "Period start", "Period end", "Source", "Energy (kWh)"],
        ["Zhangbei DC", date(2023, 1, 1), date(2023, 1, 31), "grid", 1000]]})
    session = ImportSession.open(path)
    before = snapshot(sites)
    result = session.import_into(sites, dry_run=True)
    assert result.dry_run and result.inserted == 1 and snapshot(sites) == before
    write_workbook(path, {"Energy": [
        ["Site", "Period start", "Period end", "Source", "Energy (kWh)"],
        ["Zhangbei DC", date(2023, 1, 1), date(2023, 1, 31), "grid", 9999]]})
    with pytest.raises(ImportRefused) as exc:
        session.import_into(sites)
    assert [p.code for p in exc.value.problems] == ["file_changed"] and snapshot(sites) == before
    ImportSession.open(path).import_into(sites)  # opened again: what it holds now
    assert energy_kwh(sites) == 9999


def test_the_session_does_not_change_the_sheets_it_was_given(tmp_path):
    """Pure stages: analysing a wide sheet (short rows padded, merged cells filled down) leaves
    the file's reading as it was, so re-analysis with other options starts from the same cells.
    A reader may give ragged rows (a CSV, a sheet whose last cells are empty)."""
    path = write_workbook(tmp_path / "wide.xlsx", {"用电": WIDE})
    source = Source.read(path)
    ragged = [*WIDE[:3], ["Ulanqab DC", "电网", 200]]  # the last two months blank
    source.sheets = [SheetData("用电", [list(r) for r in ragged], False)]
    session = ImportSession.open(path, source=source)
    session.set_sheet_option("用电", kind=Kind.ENERGY, period_year=2023, units={"energy": "kWh"})
    assert len(session.plan("用电")) == 4 and session.plan("用电").totals()["energy"] == 590
    assert session.sheets[0].rows == ragged
    session.set_sheet_option("用电", units={"energy": "MWh"})
    assert session.plan("用电").totals()["energy"] == 590_000
