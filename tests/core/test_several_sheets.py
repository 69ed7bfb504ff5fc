"""Several sheets holding rows of one kind, imported together in one transaction (issue 12):
Energy 2022 / Energy 2023, or a sheet per site. The checks hold across sheets: a key in two
sheets is a duplicate naming both sheet and row, periods overlap across sheets as within one,
an annual sheet that totals the monthly sheet is left out with a warning. Through the engine,
ImportSession (the window's and the command line's) and the command line itself. Figures by hand."""

from __future__ import annotations

import calendar
from datetime import date
from pathlib import Path

import pytest

from greenledger.core.accounting import summarize
from greenledger.core.errors import ImportRefused
from greenledger.core.fields import Kind
from greenledger.core.importing import engine
from greenledger.core.importing.session import ImportSession
from greenledger.core.storage import Workspace
from tests.conftest import snapshot, write_workbook
from tests.data.blind2.harness import cli

ZB, UL = "Zhangbei DC", "Ulanqab DC"
H = ["Site", "Period start", "Period end", "Source", "Energy (kWh)"]
SITES = {"Sites": [["Site", "Grid region"], [ZB, "North China"], [UL, "Inner Mongolia"]]}


def month(site: str, y: int, m: int, kwh: float, source: str = "grid") -> list:
    return [site, date(y, m, 1), date(y, m, calendar.monthrange(y, m)[1]), source, kwh]


def years_book(path: Path) -> Path:
    """Energy 2022: 1,000 + m kWh a month at Zhangbei; Energy 2023: 2,000 + m, both sites."""
    return write_workbook(path, {**SITES,
                                 "Energy 2022": [H, *[month(ZB, 2022, m, 1000 + m) for m in range(1, 13)]],
                                 "Energy 2023": [H, *[month(s, 2023, m, 2000 + m) for s in (ZB, UL)
                                                      for m in range(1, 13)]]})


def _years(ws) -> dict:
    return {(y["site"], y["year"]): y["total_kwh"] for y in summarize(ws)["site_years"]}


def test_a_sheet_per_year_imports_together(ws, tmp_path):
    engine.import_file(ws, years_book(tmp_path / "years.xlsx"))
    assert len(ws.rows(Kind.ENERGY)) == 12 + 24
    # 12 × 1,000 + (1 + … + 12) = 12,078; 12 × 2,000 + 78 = 24,078
    assert _years(ws) == {(ZB, 2022): pytest.approx(12_078), (ZB, 2023): pytest.approx(24_078),
                          (UL, 2023): pytest.approx(24_078)}
    sheets = {r["source_sheet"] for r in ws.rows(Kind.ENERGY)}
    assert sheets == {"Energy 2022", "Energy 2023"}  # each row keeps its own sheet


def test_a_sheet_per_site_imports_together(ws, tmp_path):
    path = write_workbook(tmp_path / "sites.xlsx", {
        **SITES, ZB: [H, *[month(ZB, 2023, m, 100.0 * m) for m in (1, 2, 3)]],
        UL: [H, *[month(UL, 2023, m, 10.0 * m) for m in (1, 2, 3)], month(UL, 2023, 1, 7.0, "solar")]})
    engine.import_file(ws, path)
    assert _years(ws) == {(ZB, 2023): pytest.approx(600.0), (UL, 2023): pytest.approx(67.0)}


def test_a_key_in_two_sheets_is_refused_naming_both(ws, tmp_path):
    path = write_workbook(tmp_path / "dup.xlsx", {
        **SITES, "Energy 2023": [H, month(ZB, 2023, 1, 1.0), month(ZB, 2023, 2, 2.0)],
        "Energy (copy)": [H, month(ZB, 2023, 3, 3.0), month(ZB, 2023, 2, 2.0)]})
    before = snapshot(ws)
    with pytest.raises(ImportRefused) as refused:
        engine.import_file(ws, path)
    [p] = refused.value.problems
    assert (p.code, p.sheet, p.row) == ("duplicate_row_sheet", "Energy (copy)", 3)
    assert "Energy 2023 › row 3" in p.reason and p.params["other_row"] == 3
    assert snapshot(ws) == before  # nothing written, not even the sites


def test_periods_overlapping_across_sheets_are_refused_naming_the_other_sheet(ws, tmp_path):
    path = write_workbook(tmp_path / "ov.xlsx", {
        **SITES, "Bills": [H, month(ZB, 2023, 1, 31.0)],
        "Meter": [H, [ZB, date(2023, 1, 16), date(2023, 2, 15), "grid", 31.0]]})
    with pytest.raises(ImportRefused) as refused:
        engine.import_file(ws, path)
    [p] = refused.value.problems
    assert (p.code, p.sheet, p.row) == ("period_overlap", "Meter", 2)
    assert "ov.xlsx › Bills › row 2" in p.reason


@pytest.mark.parametrize("order", [("Monthly", "Annual"), ("Annual", "Monthly")])
def test_an_annual_sheet_that_totals_the_monthly_sheet_is_left_out(ws, tmp_path, order):
    sheets = {"Monthly": [H, *[month(ZB, 2023, m, 50_000) for m in range(1, 13)]],
              "Annual": [H, [ZB, date(2023, 1, 1), date(2023, 12, 31), "grid", 600_000]]}
    path = write_workbook(tmp_path / "book.xlsx", {**SITES, **{k: sheets[k] for k in order}})
    result = engine.import_file(ws, path)
    assert _years(ws) == {(ZB, 2023): pytest.approx(600_000)}  # not 1,200,000
    [w] = [w for w in result.warnings if w.code == "period_total"]
    assert (w.sheet, w.row) == ("Annual", 2)
    assert len(ws.rows(Kind.ENERGY)) == 12


def test_the_window_and_the_command_line_import_both_sheets(tmp_path):
    path = years_book(tmp_path / "years.xlsx")
    with Workspace.open(tmp_path / "s.greenledger") as ws:
        session = ImportSession.open(path)
        assert session.preflight(ws) == []  # preflight equals import
        session.import_into(ws)
        assert _years(ws)[(UL, 2023)] == pytest.approx(24_078) and len(ws.rows(Kind.ENERGY)) == 36
    rc, text = cli("-w", tmp_path / "c.greenledger", "import", path)
    assert rc == 0, text
    assert "Energy 2022 (energy)" in text and "Energy 2023 (energy)" in text
    with Workspace.open(tmp_path / "c.greenledger", create=False) as ws:
        assert len(ws.rows(Kind.ENERGY)) == 36 and _years(ws)[(ZB, 2022)] == pytest.approx(12_078)


def test_a_new_sheet_beside_an_unchanged_one_is_written_and_counted(ws, tmp_path):
    """Energy 2023 imported first; then the book with Energy 2022 added: 12 new rows, 24
    unchanged. The counts are the kind's over both sheets, and the new rows are stored."""
    path = years_book(tmp_path / "years.xlsx")
    engine.import_file(ws, write_workbook(tmp_path / "first.xlsx", {
        **SITES, "Energy 2023": [H, *[month(s, 2023, m, 2000 + m) for s in (ZB, UL)
                                      for m in range(1, 13)]]}))
    result = engine.import_file(ws, path)
    assert len(ws.rows(Kind.ENERGY)) == 36
    c = result.counts[Kind.ENERGY]
    assert (c.rows, c.inserted, c.unchanged) == (36, 12, 24)
