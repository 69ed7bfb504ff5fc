"""Transposed tables (issue 12 §2): periods down the rows, sites or sources across the
columns; problems named at the cell the user sees, and each stored row's provenance the
period's own row."""

from __future__ import annotations

import pytest

from greenledger.core.errors import ImportRefused
from greenledger.core.fields import Kind
from greenledger.core.importing.engine import analyse, import_file
from greenledger.core.importing.plan import ImportOptions
from greenledger.core.importing.reader import read_sheets
from greenledger.core.importing.transposed import detect
from tests.conftest import SITES, write_workbook
from tests.core.test_read_blind import FEB, JAN, MAR, UL, ZB, approx, energy


def test_a_plain_long_table_is_not_transposed(tmp_path):
    path = write_workbook(tmp_path / "l.xlsx", {"Energy": [
        ["Month", "Site", "Source", "Energy (kWh)"], ["2023-01", ZB, "grid", 1]]})
    assert detect(next(iter(read_sheets(path)))) is None


def test_sites_across_with_a_total_row_and_provenance(ws, tmp_path):
    path = write_workbook(tmp_path / "t.xlsx", {"站点": SITES, "用电": [
        ["单位：万千瓦时"],
        ["月份", ZB, UL],
        ["2023年1月", 1, 2],
        ["2023年2月", 1.5, None],
        ["2023年3月", "-", 3],
        ["合计", 2.5, 5]]})
    import_file(ws, path, ImportOptions(values={"source": "电网"}))
    assert energy(ws) == approx({(ZB, *JAN, "grid"): 10_000, (ZB, *FEB, "grid"): 15_000,
                                 (UL, *JAN, "grid"): 20_000, (UL, *MAR, "grid"): 30_000})
    rows = {(r["site"], r["period_start"]): r["source_row"] for r in ws.rows(Kind.ENERGY)}
    assert rows[(ZB, FEB[0])] == 4 and rows[(UL, MAR[0])] == 5


def test_a_bad_cell_is_named_where_the_user_sees_it(ws, tmp_path):
    path = write_workbook(tmp_path / "b.xlsx", {"Sites": SITES, "Energy": [
        ["Energy (MWh)"],
        ["Month", ZB, UL],
        ["2023-01", 1, 2],
        ["2023-02", "lots", 2]]})
    with pytest.raises(ImportRefused) as exc:
        import_file(ws, path, ImportOptions(values={"source": "grid"}))
    assert [(p.row, p.column, p.value) for p in exc.value.problems] == [
        (4, f"{ZB} [B]", "lots")]


def test_sources_across_need_the_site(tmp_path):
    """Without the site the sheet is not imported, and says what it lacks."""
    path = write_workbook(tmp_path / "s.xlsx", {"Sites": SITES, "Mix": [
        ["Energy (kWh)"], ["Period", "grid", "wind"], ["2023Q1", 10, 5]]})
    plan = next(p for p in analyse(path) if p.sheet == "Mix")
    assert plan.parsed is None and "site" in (plan.skipped or "")
    plan = next(p for p in analyse(path, ImportOptions(values={"site": UL}))
                if p.sheet == "Mix")
    assert plan.totals()["energy"] == pytest.approx(15)
    assert sorted((str(r["period_start"]), str(r["period_end"]), r["source"], r["energy"])
                  for r in plan.preview()) == [("2023-01-01", "2023-03-31", "grid", 10),
                                                ("2023-01-01", "2023-03-31", "wind", 5)]


def test_its_header_row_given_reads_it_the_same(ws, tmp_path):
    """A profile saved from the window keeps the header row: the sheet is still transposed."""
    path = write_workbook(tmp_path / "h.xlsx", {"Sites": SITES, "Energy": [
        ["Energy (kWh)"], ["Month", ZB, UL], ["2023-01", 1, 2]]})
    for opts in (ImportOptions(values={"source": "grid"}),
                 ImportOptions(values={"source": "grid"}, header_rows=[2])):
        plan = next(p for p in analyse(path, opts) if p.sheet == "Energy")
        assert plan.totals()["energy"] == pytest.approx(3)
