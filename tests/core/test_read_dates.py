"""Dates as analysts' systems write them (issue 12 §2): day-first or month-first decided from
the values when only one reading fits (refused naming the column when nothing settles it),
`2023.01`, `2023年1月`, serials and text in one column."""

from __future__ import annotations

from datetime import date

import pytest

from greenledger.core.errors import ImportRefused
from greenledger.core.importing.dates import order_of, readings
from greenledger.core.importing.engine import import_file
from tests.conftest import SITES, snapshot, write_workbook
from tests.core.test_read_blind import FEB, JAN, MAR, UL, ZB, approx, energy

HEAD = ["Site", "Period start", "Period end", "Source", "Energy (kWh)"]


def test_readings_and_order():
    assert readings("16/01/2023") == (True, False)
    assert readings("01/16/2023") == (False, True)
    assert readings("01/02/2023") == (True, True)
    assert readings("2023-01-02") is None
    assert order_of({"01/02/2023", "16/02/2023"})[0] == "dmy"
    assert order_of({"01/02/2023", "02/16/2023"})[0] == "mdy"
    assert order_of({"01/02/2023"})[0] is None


def test_all_dates_read_both_ways_are_refused_naming_the_column(ws, tmp_path):
    rows = [HEAD, [ZB, "01/02/2023", "02/03/2023", "grid", 1000]]
    path = write_workbook(tmp_path / "a.xlsx", {"Sites": SITES, "Energy": rows})
    before = snapshot(ws)
    with pytest.raises(ImportRefused) as exc:
        import_file(ws, path)
    assert snapshot(ws) == before
    got = [(p.column, p.code) for p in exc.value.problems]
    assert got == [("Period end [C]", "date_order_unclear"),
                   ("Period start [B]", "date_order_unclear")]
    assert "2023-01-16" in exc.value.problems[0].reason
    # the hint followed: written year first
    rows[1][1:3] = ["2023-02-01", "2023-03-02"]
    import_file(ws, write_workbook(tmp_path / "b.xlsx", {"Sites": SITES, "Energy": rows}))
    assert energy(ws) == approx({(ZB, "2023-02-01", "2023-03-02", "grid"): 1000})


def test_a_column_needing_both_readings_is_refused(ws, tmp_path):
    path = write_workbook(tmp_path / "m.xlsx", {"Sites": SITES, "Energy": [
        HEAD, [ZB, "16/01/2023", "2023-02-15", "grid", 1000],
        [ZB, "01/16/2023", "2023-02-15", "wind", 500]]})
    with pytest.raises(ImportRefused) as exc:
        import_file(ws, path)
    assert [(p.column, p.code) for p in exc.value.problems] == [
        ("Period start [B]", "date_order_mixed")]


def test_the_other_date_column_settles_an_ambiguous_one(ws, tmp_path):
    """A bill's start dates (1st of the month) all read both ways; its end dates do not."""
    path = write_workbook(tmp_path / "s.xlsx", {"Sites": SITES, "Energy": [
        HEAD, [ZB, "01/01/2023", "31/01/2023", "grid", 1000],
        [ZB, "01/02/2023", "28/02/2023", "grid", 2000],
        [UL, "01/03/2023", "31/03/2023", "grid", 3000]]})
    import_file(ws, path)
    assert energy(ws) == approx({(ZB, *JAN, "grid"): 1000, (ZB, *FEB, "grid"): 2000,
                                 (UL, *MAR, "grid"): 3000})


def test_dotted_and_hyphenated_day_first_dates_with_chinese_months(ws, tmp_path):
    path = write_workbook(tmp_path / "d.xlsx", {"站点": SITES, "用电": [
        ["站点", "开始日期", "结束日期", "能源类型", "用电量（kWh）"],
        [ZB, "16.01.2023", "15.02.2023", "电网", 100],
        [UL, "16-02-2023", "15-03-2023", "电网", 200],
        [UL, date(2023, 3, 16), "2023年4月15日", "电网", 300]]})
    import_file(ws, path)
    assert energy(ws) == approx({(ZB, "2023-01-16", "2023-02-15", "grid"): 100,
                                 (UL, "2023-02-16", "2023-03-15", "grid"): 200,
                                 (UL, "2023-03-16", "2023-04-15", "grid"): 300})


def test_month_columns_of_dotted_and_chinese_months_mixed(ws, tmp_path):
    path = write_workbook(tmp_path / "c.xlsx", {"Sites": SITES, "Energy": [
        ["Site", "Month", "Source", "Energy (kWh)"],
        [ZB, "2023.01", "grid", 1], [ZB, "2023年2月", "grid", 2],
        [ZB, date(2023, 3, 1), "grid", 3], [ZB, 202304, "grid", 4]]})
    import_file(ws, path)
    got = energy(ws)
    assert got[(ZB, *JAN, "grid")] == 1 and got[(ZB, *FEB, "grid")] == 2
    assert got[(ZB, *MAR, "grid")] == 3 and got[(ZB, "2023-04-01", "2023-04-30", "grid")] == 4


def test_an_impossible_day_month_date_is_not_a_date(ws, tmp_path):
    path = write_workbook(tmp_path / "x.xlsx", {"Sites": SITES, "Energy": [
        HEAD, [ZB, "16/01/2023", "31/02/2023", "grid", 1]]})
    with pytest.raises(ImportRefused) as exc:
        import_file(ws, path)
    assert [(p.column, p.code) for p in exc.value.problems] == [("Period end [C]", "not_date")]


def test_a_dotted_october_that_lost_its_zero_is_refused_not_read_as_january(ws, tmp_path):
    """A CSV saved from Excel writes a typed 2023.10 as 2023.1 (blind F36: 405,100 kWh stored as
    January, exit 0): `2023.1` beside `2023.11` with no `2023.10` is refused naming the cell;
    2023.1 … 2023.12 with 2023.10 written in full reads January as January."""
    import_file(ws, write_workbook(tmp_path / "s.xlsx", {"Sites": SITES}))
    lost = tmp_path / "lost.csv"
    months = ["2023.8", "2023.9", "2023.1", "2023.11"]
    lost.write_text("站点,月份,能源类型,用电量(kWh)\n" + "".join(
        f"{ZB},{m},grid,{1000 + i}\n" for i, m in enumerate(months)), encoding="utf-8")
    before = snapshot(ws)
    with pytest.raises(ImportRefused) as exc:
        import_file(ws, lost)
    [p] = [p for p in exc.value.problems if p.code == "october_as_january"]
    assert (p.row, p.value) == (4, "2023.1") and snapshot(ws) == before
    full = tmp_path / "full.csv"
    full.write_text("站点,月份,能源类型,用电量(kWh)\n" + "".join(
        f"{ZB},{m},grid,{1000 + i}\n" for i, m in enumerate(["2023.1", "2023.10", "2023.11"])),
        encoding="utf-8")
    import_file(ws, full)
    assert energy(ws)[(ZB, *JAN, "grid")] == 1000
