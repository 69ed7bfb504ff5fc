"""Meter and billing exports (issue 12 §2): a row per meter and billing period (16th to 15th),
no source column (one value given once), several meters of a site in one period summed per
site (said as a warning), never refused as duplicates; the same meter twice still is."""

from __future__ import annotations

from datetime import date

import pytest

from greenledger.core.errors import ImportRefused
from greenledger.core.importing.codes import Aside
from greenledger.core.importing.engine import analyse, import_file
from greenledger.core.importing.meters import METER_HEADER
from greenledger.core.importing.plan import ImportOptions
from tests.conftest import SITES, write_workbook
from tests.core.test_read_blind import UL, ZB, approx, energy

GRID = ImportOptions(values={"source": "grid"})


@pytest.mark.parametrize("header", ["Meter", "Meter No.", "Meter ID", "meter number", "电表编号",
                                    "表号", "计量点编号", "MPAN", "MPRN", "Zählpunkt", "ESI ID"])
def test_meter_headers(header):
    assert METER_HEADER.search(header)


@pytest.mark.parametrize("header", ["Account", "户号", "Site", "Parameter", "Diameter (mm)", "Company"])
def test_not_meter_headers(header):
    assert not METER_HEADER.search(header)


def test_meters_summed_and_said(tmp_path):
    path = write_workbook(tmp_path / "b.xlsx", {"Sites": SITES, "Bills": [
        ["Site", "Meter", "From", "To", "kWh"],
        [ZB, "M1", date(2023, 1, 16), date(2023, 2, 15), 100],
        [ZB, "M2", date(2023, 1, 16), date(2023, 2, 15), 50.5],
        [ZB, "M3", date(2023, 1, 16), date(2023, 2, 15), 0.5]]})
    plan = next(p for p in analyse(path, GRID) if p.sheet == "Bills")
    assert len(plan) == 1 and plan.totals()["energy"] == pytest.approx(151)
    [w] = [w for w in plan.warnings if w.code == "meters_summed"]
    assert w.params["rows"] == "2, 3, 4" and w.params["meters"] == "M1, M2, M3"
    meter = next(c for c in plan.columns if c.header == "Meter")
    assert meter.aside == Aside.METER  # said as the meter it is, not as "not needed"


def test_the_same_meter_twice_in_a_period_is_still_a_duplicate(ws, tmp_path):
    path = write_workbook(tmp_path / "d.xlsx", {"Sites": SITES, "Bills": [
        ["Site", "Meter", "From", "To", "kWh"],
        [ZB, "M1", date(2023, 1, 16), date(2023, 2, 15), 100],
        [ZB, "M1", date(2023, 1, 16), date(2023, 2, 15), 100]]})
    with pytest.raises(ImportRefused) as exc:
        import_file(ws, path, GRID)
    assert [p.code for p in exc.value.problems] == ["duplicate_row"]


def test_rows_without_a_meter_column_are_still_duplicates(ws, tmp_path):
    path = write_workbook(tmp_path / "n.xlsx", {"Sites": SITES, "Bills": [
        ["Site", "From", "To", "kWh"],
        [ZB, date(2023, 1, 16), date(2023, 2, 15), 100],
        [ZB, date(2023, 1, 16), date(2023, 2, 15), 50]]})
    with pytest.raises(ImportRefused) as exc:
        import_file(ws, path, GRID)
    assert [p.code for p in exc.value.problems] == ["duplicate_row"]


def test_meters_with_a_source_column_sum_per_source(ws, tmp_path):
    """A site's grid meters sum together; its PV meter stays its own row."""
    path = write_workbook(tmp_path / "s.xlsx", {"Sites": SITES, "Meters": [
        ["Site", "Meter ID", "Energy source", "Billing period from", "Billing period to",
         "Usage (MWh)", "Instrument"],
        [UL, "G-1", "grid", "2023-03-16", "2023-04-15", 1.25, None],
        [UL, "G-2", "grid", "2023-03-16", "2023-04-15", 0.75, None],
        [UL, "PV-1", "solar", "2023-03-16", "2023-04-15", 0.4, "on-site"],
        [ZB, "G-9", "grid", "2023-03-16", "2023-04-15", 3, None]]})
    import_file(ws, path)
    assert energy(ws) == approx({(UL, "2023-03-16", "2023-04-15", "grid"): 2000,
                                 (UL, "2023-03-16", "2023-04-15", "solar"): 400,
                                 (ZB, "2023-03-16", "2023-04-15", "grid"): 3000})

