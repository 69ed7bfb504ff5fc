"""Several tables in one sheet (issue 12 §2): side by side or stacked, each read as its own
table at its own cells; a second table with the same headers is imported too; tables of another
kind are said, with the --header-row (stacked) or --kind (beside) that reads them, and that hint
followed imports them."""

from __future__ import annotations

from datetime import date

import pytest

from greenledger.core.errors import ImportRefused
from greenledger.core.fields import Kind
from greenledger.core.importing.engine import analyse, import_file
from greenledger.core.importing.plan import ImportOptions
from greenledger.gui.cli_hints import render_cli
from tests.conftest import SITES, write_workbook
from tests.core.test_cli import gl
from tests.core.test_read_blind import FEB, JAN, UL, ZB, approx, energy


def test_three_tables_side_by_side_with_their_own_headers(ws, tmp_path):
    path = write_workbook(tmp_path / "s.xlsx", {"Sites": SITES, "Energy": [
        ["Site", "Month", "Source", "Energy (kWh)", None, "站点", "月份", "能源类型", "用电量（MWh）",
         None, "Site", "Month", "Source", "Usage (kWh)"],
        [ZB, "2023-01", "grid", 100, None, UL, "2023-01", "电网", 1.5, None, ZB, "2023-02",
         "wind", 7],
        [UL, "2023-02", "grid", 200, None, None, None, None, None, None, None, None, None, None]]})
    plan = next(p for p in analyse(path) if p.sheet == "Energy")
    assert sorted(plan.parsed.row_numbers) == [2, 2, 2, 3]
    import_file(ws, path)
    assert energy(ws) == approx({(ZB, *JAN, "grid"): 100, (UL, *FEB, "grid"): 200,
                                 (UL, *JAN, "grid"): 1500, (ZB, *FEB, "wind"): 7})


def test_stacked_tables_keep_their_rows_and_provenance(ws, tmp_path):
    h = ["Site", "Month", "Source", "Energy (kWh)"]
    path = write_workbook(tmp_path / "t.xlsx", {"Sites": SITES, "Energy": [
        ["2022"], h, [ZB, "2022-01", "grid", 1], [],
        ["2023"], h, [ZB, "2023-01", "grid", 2], [UL, "2023-02", "grid", 3]]})
    import_file(ws, path)
    got = {(r["site"], r["period_start"]): (r["energy"], r["source_row"])
           for r in ws.rows(Kind.ENERGY)}
    assert got == {(ZB, "2022-01-01"): (1, 3), (ZB, "2023-01-01"): (2, 7),
                   (UL, "2023-02-01"): (3, 8)}


def test_a_blank_row_inside_one_table_is_not_a_second_table(ws, tmp_path):
    path = write_workbook(tmp_path / "b.xlsx", {"Sites": SITES, "Energy": [
        ["Site", "Month", "Source", "Energy (kWh)"], [ZB, "2023-01", "grid", 1], [],
        [ZB, "2023-02", "grid", 2]]})
    import_file(ws, path)
    assert energy(ws) == approx({(ZB, *JAN, "grid"): 1, (ZB, *FEB, "grid"): 2})


def test_sites_above_energy_the_hint_followed_imports_both(ws, tmp_path):
    path = write_workbook(tmp_path / "d.xlsx", {"Data": [
        ["Sites"], *SITES, [], ["Electricity"],
        ["Site", "Period start", "Period end", "Source", "Energy (kWh)"],
        [ZB, date(2023, 1, 1), date(2023, 1, 31), "grid", 1000]]})
    plan = analyse(path)[0]
    [w] = [w for w in plan.warnings if w.code == "another_table"]
    assert w.params["row"] == "7" and "--" not in w.reason and "--header-row 7" in render_cli(w)
    dry = gl("--workspace", tmp_path / "dry.greenledger", "import", path, "--dry-run", check_rc=0)
    assert "warning: " in dry.stdout and "import it with --header-row 7" in dry.stdout  # its flag
    import_file(ws, path)
    assert {r["site"] for r in ws.rows(Kind.SITES)} == {ZB, UL} and not energy(ws)
    import_file(ws, path, ImportOptions(header_rows=[7]))
    assert energy(ws) == approx({(ZB, *JAN, "grid"): 1000})


def test_a_second_table_that_cannot_be_read_is_refused_naming_its_header(ws, tmp_path):
    path = write_workbook(tmp_path / "r.xlsx", {"Sites": SITES, "Energy": [
        ["Site", "Month", "Source", "Energy (kWh)"], [ZB, "2023-01", "grid", 1], [],
        ["Site", "Source", "Energy (kWh)"], [ZB, "grid", 5]]})
    with pytest.raises(ImportRefused) as exc:
        import_file(ws, path)
    assert [(p.row, p.code) for p in exc.value.problems] == [(4, "sheet_not_mapped")]
    assert "row 4" in exc.value.problems[0].reason


def test_a_spacer_column_inside_one_table_does_not_split_it(ws, tmp_path):
    path = write_workbook(tmp_path / "g.xlsx", {"Sites": SITES, "Energy": [
        ["Site", "Month", None, "Source", "Energy (kWh)"], [ZB, "2023-01", None, "grid", 5],
        [UL, "2023-01", None, "wind", 6]]})
    import_file(ws, path)
    assert energy(ws) == approx({(ZB, *JAN, "grid"): 5, (UL, *JAN, "wind"): 6})


def test_wide_tables_side_by_side(ws, tmp_path):
    path = write_workbook(tmp_path / "w.xlsx", {"站点": SITES, "用电": [
        ["单位：kWh"],
        ["站点", "能源类型", "2023年1月", "2023年2月", None, "站点", "能源类型", "2023年1月"],
        [ZB, "电网", 1, 2, None, UL, "风电", 3]]})
    import_file(ws, path)
    assert energy(ws) == approx({(ZB, *JAN, "grid"): 1, (ZB, *FEB, "grid"): 2,
                                 (UL, *JAN, "wind"): 3})


def test_a_table_of_another_kind_beside_this_one_is_said_by_its_columns(ws, tmp_path):
    """Sites in A–D and energy in F–I under one header row: the other table is said by its
    columns, by the import too (not only the dry run), with a hint that works: the sheet again
    with its kind (`--kind energy`); `--header-row 1` would read the Sites again and store no
    energy (blind F42)."""
    path = write_workbook(tmp_path / "b.xlsx", {"Data": [
        [*SITES[0], None, "Site", "Month", "Source", "Energy (kWh)"],
        [*SITES[1], None, ZB, "2023-11", "grid", 210_400],
        [None] * 5 + [ZB, "2023-12", "grid", 225_900]]})
    plan = analyse(path)[0]
    [w] = [w for w in plan.warnings if w.code.startswith("another_table")]
    assert w.code == "another_table_beside" and w.params["columns"] == "F–I"
    assert render_cli(w).endswith("import it with --kind energy")
    result = import_file(ws, path)  # the Sites table, saying the energy beside it
    assert [w.params["kind"] for w in result.warnings if w.code == "another_table_beside"] == ["energy"]
    assert not ws.rows(Kind.ENERGY)
    result = import_file(ws, path, ImportOptions(kind=Kind.ENERGY))  # the hint followed
    assert energy(ws) == approx({(ZB, "2023-11-01", "2023-11-30", "grid"): 210_400,
                                 (ZB, "2023-12-01", "2023-12-31", "grid"): 225_900})
    [w] = [w for w in result.warnings if w.code == "another_table_beside"]
    assert w.params == {"kinds": "sites", "columns": "A–D", "kind": "sites"}


def test_the_kind_given_reads_the_table_of_that_kind_beside_others(ws, tmp_path):
    """Energy left of Sites: `--kind sites` reads the Sites (at E–H), and energy stays said."""
    path = write_workbook(tmp_path / "r.xlsx", {"Data": [
        ["Site", "Month", "Source", "Energy (kWh)", None, *SITES[0]],
        ["Glasgow DC", "2023-11", "grid", 5, None, "Glasgow DC", "distribution center", "United Kingdom",
         "United Kingdom"]]})
    import_file(ws, path, ImportOptions(kind=Kind.SITES))
    assert "Glasgow DC" in {r["site"] for r in ws.rows(Kind.SITES)} and not ws.rows(Kind.ENERGY)
    import_file(ws, path)
    assert energy(ws) == approx({("Glasgow DC", "2023-11-01", "2023-11-30", "grid"): 5})
