"""Layouts of issue 12 §2 saved by LibreOffice (tests/data/readings-*, made by
tests/data/make_readings_files.py): units per row and per cell, a pivot export, day-first
dates and a bill export, with the stored figures worked out by hand from the rows there."""

from __future__ import annotations

import zipfile
from pathlib import Path

from greenledger.core.importing.assistant import ImportOptions, import_file
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
