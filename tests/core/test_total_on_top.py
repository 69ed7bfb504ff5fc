"""A totals row above the rows it totals (合计 first, as Chinese statistical tables write it) is
reconciled with the rows below it, to the next totals row or the table's end: refused naming its
cell when it disagrees beyond rounding, imported when it agrees. Real workbooks by openpyxl."""

from datetime import date

import pytest

from greenledger.core.errors import ImportRefused
from greenledger.core.fields import Kind
from greenledger.core.importing.engine import import_file
from tests.conftest import SITES, snapshot, write_workbook

ZB, UQ = "Zhangbei DC", "Ulanqab DC"
WIDE_HEADER = ["站点", "能源类型", "2023年1月", "2023年2月"]


@pytest.fixture
def sites(ws, tmp_path):
    import_file(ws, write_workbook(tmp_path / "sites.xlsx", {"Sites": SITES}))
    return ws


def wide(tmp_path, rows, name="w.xlsx"):
    return write_workbook(tmp_path / name, {"用电": [["用电量（kWh）"], WIDE_HEADER, *rows]})


def long(tmp_path, rows, name="l.xlsx"):
    return write_workbook(tmp_path / name, {"用电": [
        ["站点", "开始日期", "结束日期", "能源类型", "用电量(kWh)"], *rows]})


def jan(site, kwh, source="grid"):
    return [site, date(2023, 1, 1), date(2023, 1, 31), source, kwh]


def by_site(ws):
    out: dict[str, float] = {}
    for r in ws.rows(Kind.ENERGY):
        out[r["site"]] = out.get(r["site"], 0.0) + r["energy"]
    return out


def refused(ws, path):
    before = snapshot(ws)
    with pytest.raises(ImportRefused) as exc:
        import_file(ws, path)
    assert snapshot(ws) == before, "a refused import must change nothing"
    return exc.value.problems


def test_a_wide_total_on_top_that_disagrees_is_refused_naming_its_cell(sites, tmp_path):
    # January 30,000 + 50,000 = 80,000 ✓; February 31,000 + 48,000 = 79,000, written 75,000
    path = wide(tmp_path, [["合计", None, 80000, 75000], [ZB, "电网", 30000, 31000],
                           [UQ, "电网", 50000, 48000]])
    (p,) = refused(sites, path)
    assert (p.file, p.sheet, p.row, p.value, p.code) == (path.name, "用电", 3, 75000,
                                                          "total_mismatch")
    assert p.column.startswith("2023年2月") and "D3" in p.reason
    assert "75,000" in p.reason and "79,000" in p.reason and "-4,000" not in p.reason


def test_a_wide_total_on_top_that_agrees_imports_its_rows(sites, tmp_path):
    path = wide(tmp_path, [["合计", None, 80000, 79000], [ZB, "电网", 30000, 31000],
                           [UQ, "电网", 50000, 48000]])
    result = import_file(sites, path)
    assert by_site(sites) == {ZB: 61000, UQ: 98000}
    assert not [w for w in result.warnings if w.code == "total_mismatch"]


def test_a_long_total_on_top_is_reconciled_both_ways(sites, tmp_path):
    rows = [["合计", None, None, None, 130000], jan(ZB, 30000), jan(UQ, 100000)]
    import_file(sites, long(tmp_path, rows))
    assert by_site(sites) == {ZB: 30000, UQ: 100000}
    rows[0][4] = 120000  # 30,000 + 100,000 = 130,000
    (p,) = refused(sites, long(tmp_path, rows, "l2.xlsx"))
    assert p.row == 2 and p.value == 120000 and "E2" in p.reason and "130,000" in p.reason


def test_blocks_with_their_totals_on_top_each_cover_their_own_rows(sites, tmp_path):
    # 华北 block: 30,000 + 20,000 = 50,000; 内蒙古 block: 100,000; grand total 150,000 on top
    rows = [["总计", None, None, None, 150000], ["华北合计", None, None, None, 50000],
            jan(ZB, 30000), jan(ZB, 20000, "wind"), ["内蒙古合计", None, None, None, 100000],
            jan(UQ, 100000)]
    import_file(sites, long(tmp_path, rows))
    assert by_site(sites) == {ZB: 50000, UQ: 100000}
    rows[4][4] = 90000  # the second block's total, one row off its rows
    (p,) = refused(sites, long(tmp_path, rows, "l2.xlsx"))
    assert p.row == 6 and p.value == 90000 and "100,000" in p.reason


def test_a_total_on_top_within_rounding_passes(sites, tmp_path):
    # 万千瓦时 written to 2 decimals: 3.1 + 5.55 = 8.65 written 8.65 ✓ (30,000 kWh units)
    path = write_workbook(tmp_path / "r.xlsx", {"用电": [
        ["用电量（万千瓦时）"], WIDE_HEADER, ["合计", None, 8.65, 8.2],
        [ZB, "电网", 3.1, 3.0], [UQ, "电网", 5.55, 5.2]]})
    import_file(sites, path)
    assert by_site(sites) == pytest.approx({ZB: 61000, UQ: 107500})
