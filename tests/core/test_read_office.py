"""Layouts of issue 12 §2 saved by LibreOffice (tests/data/readings-*, made by
tests/data/make_readings_files.py): units per row and per cell, a pivot export, day-first
dates and a bill export, with the stored figures worked out by hand from the rows there."""

from __future__ import annotations

import zipfile
from pathlib import Path

from greenledger.core.importing.engine import import_file
from greenledger.core.importing.plan import ImportOptions
from tests.core.test_read_blind import FEB, JAN, MAR, UL, ZB, approx, energy

DATA = Path(__file__).resolve().parents[1] / "data"


def test_the_files_are_what_libreoffice_wrote():
    for name in ("readings-units.xlsx", "readings-dates.xlsx"):
        with zipfile.ZipFile(DATA / name) as z:
            assert "LibreOffice" in z.read("docProps/app.xml").decode()
    for name in ("readings-bills.ods", "readings-pivot.ods"):
        with zipfile.ZipFile(DATA / name) as z:
            assert "LibreOffice" in z.read("meta.xml").decode()


def test_units_per_row_and_per_cell(ws):
    for sheet in ("Sites", "Energy", "用电"):  # two energy sheets: one at a time
        import_file(ws, DATA / "readings-units.xlsx", ImportOptions(sheet=sheet))
    assert energy(ws) == approx({
        (ZB, *JAN, "grid"): 925_411, (ZB, *FEB, "grid"): 1479,
        (UL, *JAN, "grid"): 912_800, (UL, *FEB, "grid"): 1_200_000,
        (ZB, *MAR, "grid"): 925_411, (ZB, "2023-04-01", "2023-04-30", "grid"): 125_000,
        (UL, *MAR, "wind"): 1_479_000})


def test_pivot_export(ws):
    import_file(ws, DATA / "readings-pivot.ods")
    assert energy(ws) == approx({(ZB, *JAN, "grid"): 1500, (ZB, *FEB, "grid"): 2500,
                                 (ZB, *JAN, "wind"): 750, (UL, *JAN, "grid"): 3000})


def test_day_first_dates(ws):
    import_file(ws, DATA / "readings-dates.xlsx")
    assert energy(ws) == approx({(ZB, "2023-01-16", "2023-02-15", "grid"): 1000,
                                 (ZB, "2023-02-16", "2023-03-15", "grid"): 2000,
                                 (UL, *MAR, "wind"): 500})


def test_bill_export(ws):
    import_file(ws, DATA / "readings-bills.ods", ImportOptions(values={"source": "grid"}))
    assert energy(ws) == approx({(ZB, "2023-01-16", "2023-02-15", "grid"): 10_000,
                                 (UL, "2023-01-16", "2023-02-15", "grid"): 5000,
                                 (UL, "2023-02-16", "2023-03-15", "grid"): 6000})


def _wide_refusal(ws, path):
    import pytest

    from greenledger.core.errors import ImportRefused
    from tests.conftest import snapshot

    before = snapshot(ws)
    with pytest.raises(ImportRefused) as exc:
        import_file(ws, path)
    assert snapshot(ws) == before
    return [p for p in exc.value.problems if p.code == "formula_without_value"]


def test_a_formula_cell_of_a_wide_sheet_is_refused_not_skipped(ws, tmp_path):
    """A month cell holding a formula without a saved value (openpyxl writes none) was skipped
    as blank, the month silently absent (blind F41); it is refused naming the cell and formula."""
    from tests.conftest import write_workbook

    path = write_workbook(tmp_path / "f.xlsx", {"Wide": [
        ["Site", "Source", "Jan 2023", "Feb 2023"], [ZB, "grid", 100, "=NA()"], [UL, "grid", 1, 2]]})
    [p] = _wide_refusal(ws, path)
    assert (p.row, p.column) == (2, "Feb 2023 [D]") and "=NA() has no saved value" in p.reason


def test_an_error_value_libreoffice_saved_is_named_as_the_error(ws):
    """LibreOffice saves =NA() and =1/0 with their values #N/A and #DIV/0!: saving again
    changes nothing, so the reason names the error (was: 'open and save the file')."""
    problems = _wide_refusal(ws, DATA / "blind2" / "lo_errors_wide.xlsx")
    assert [(p.row, p.column) for p in problems] == [(3, "Feb 2023 [D]"), (4, "Mar 2023 [E]")]
    assert "gives the error #N/A" in problems[0].reason
    assert "gives the error #DIV/0!" in problems[1].reason
