"""A bill or meter export that lists a site's main meter and its sub-meters (总表 / 分表1 / 分表2,
Main / Sub-meter, a check meter), or one meter whose kWh is the sum of the site's others, period
after period: summing them per site counted the same energy twice at exit 0. Now refused, naming
the sub-meters' rows; the hint, followed literally (delete those rows), stores the main meter's
figures. Honest bills that look alike are summed as before: three meters one of which equals the
other two in one month, `Main building` beside `Warehouse`, twin meters, sub-meters without their
main. Real workbooks by openpyxl, real workspace files; every figure by hand."""

from __future__ import annotations

import math
import random
import re
from datetime import date

import openpyxl
import pytest

from greenledger.core.errors import ImportRefused
from greenledger.core.fields import Kind
from greenledger.core.importing.engine import analyse, import_file, preflight
from greenledger.core.importing.plan import ImportOptions
from greenledger.core.importing.submeters import role
from tests.conftest import SITES, snapshot, write_workbook
from tests.core.test_cli import gl
from tests.core.test_read_blind import UL, ZB

GRID = ImportOptions(values={"source": "grid"})
PERIODS = [(date(2023, 1, 16), date(2023, 2, 15)), (date(2023, 2, 16), date(2023, 3, 15)),
           (date(2023, 3, 16), date(2023, 4, 15))]


def bill(tmp_path, meters: dict[str, list[float]], site=ZB, head=("站点", "电表名称", "计费起始日",
         "计费截止日", "电量(kWh)"), extra=None, name="bill.xlsx"):
    """A State Grid style bill: a row per meter and billing period, meter by meter per period.
    `extra`: more (site, meters) blocks below."""
    rows = [list(head)]
    for s, ms in [(site, meters), *(extra or [])]:
        for p, (a, z) in enumerate(PERIODS):
            for m, kwh in ms.items():
                if p < len(kwh) and kwh[p] is not None:
                    rows.append([s, m, a, z, kwh[p]])
    return write_workbook(tmp_path / name, {"Sites": SITES, "电费": rows})


def stored(ws) -> dict[tuple, float]:
    """(site, period start) -> kWh."""
    return {(r["site"], r["period_start"]): r["energy"] for r in ws.rows(Kind.ENERGY)}


def refused(ws, path, options=GRID):
    before = snapshot(ws)
    with pytest.raises(ImportRefused) as exc:
        import_file(ws, path, options)
    assert snapshot(ws) == before, "a refused import must change nothing"
    plans = analyse(path, options)
    preflight(ws, path, plans)  # what --dry-run and the window's assistant run
    [plan] = [p for p in plans if p.sheet == "电费"]
    assert sorted(q.code for q in plan.problems + plan.checks) == sorted(
        q.code for q in exc.value.problems if q.sheet == "电费"), "preflight = import"
    return [p for p in exc.value.problems if p.sheet == "电费"]


def follow(path, problem) -> None:
    """Do what the refusal says, literally: delete the rows it names from the sheet."""
    rows = [int(n) for n in re.search(r"\(rows ([\d, ]+)\)", problem.reason)[1].split(", ")]
    wb = openpyxl.load_workbook(path)
    for r in sorted(rows, reverse=True):
        wb["电费"].delete_rows(r)
    wb.save(path)


def sub_rows(path, subs) -> list[int]:
    sheet = openpyxl.load_workbook(path)["电费"]
    return [r for r in range(2, sheet.max_row + 1) if sheet.cell(r, 2).value in subs]


MONTHS = [str(a) for a, _ in PERIODS]
# 总表 120,000 / 131,500 / 118,200 kWh; 分表1 70,000 / 76,000 / 69,000; 分表2 48,500 / 53,900 / 47,600
# (the main meter measures the losses and the unmetered load too: no exact sum)
CN = {"总表": [120000, 131500, 118200], "分表1": [70000, 76000, 69000], "分表2": [48500, 53900, 47600]}


@pytest.mark.parametrize(("names", "subs"), [
    (("总表", "分表1", "分表2"), {"分表1", "分表2"}),
    (("Main meter", "Sub-meter 1", "Sub-meter 2"), {"Sub-meter 1", "Sub-meter 2"}),
    (("Main", "Sub 1", "Sub 2"), {"Sub 1", "Sub 2"}),
    (("总", "分1", "分2"), {"分1", "分2"}),
    (("1#总表", "1#分表A", "1#分项表B"), {"1#分表A", "1#分项表B"}),
    (("Main meter", "Check meter", "Sub-meter 2"), {"Check meter", "Sub-meter 2"})])
def test_main_and_sub_meters_are_refused_and_the_hint_gives_the_main_figures(ws, tmp_path, names, subs):
    path = bill(tmp_path, dict(zip(names, CN.values(), strict=True)))
    (p,) = refused(ws, path)
    assert p.code == "submeters_labelled" and p.row == 3 and p.value in subs
    assert f"{names[0]}" in p.reason and all(s in p.reason for s in subs) and ZB in p.reason
    assert p.params["rows"] == ", ".join(map(str, sub_rows(path, subs)))
    follow(path, p)
    import_file(ws, path, GRID)
    assert stored(ws) == {(ZB, m): kwh for m, kwh in zip(MONTHS, CN["总表"], strict=True)}


def test_a_check_meter_beside_the_main_is_refused(ws, tmp_path):
    # the check meter reads the same supply: 120,310 beside 120,000 …
    path = bill(tmp_path, {"M-1301": CN["总表"], "Check meter": [120310, 131400, 118260]})
    (p,) = refused(ws, path)
    assert p.code == "submeters_labelled" and p.value == "Check meter"
    follow(path, p)
    import_file(ws, path, GRID)
    assert stored(ws) == {(ZB, m): kwh for m, kwh in zip(MONTHS, CN["总表"], strict=True)}


def test_a_meter_type_column_says_which_is_the_main(ws, tmp_path):
    rows = [["站点", "表号", "表计类型", "计费起始日", "计费截止日", "本期电量(kWh)"]]
    for a, z in PERIODS[:2]:
        rows += [[ZB, "1301", "总表", a, z, 120000], [ZB, "1302", "分表", a, z, 70000],
                 [ZB, "1303", "分表", a, z, 48500]]
    path = write_workbook(tmp_path / "t.xlsx", {"Sites": SITES, "电费": rows})
    (p,) = refused(ws, path)
    assert p.code == "submeters_labelled" and p.params["rows"] == "3, 4, 6, 7"
    follow(path, p)
    import_file(ws, path, GRID)
    assert stored(ws) == {(ZB, MONTHS[0]): 120000, (ZB, MONTHS[1]): 120000}


def test_the_type_column_before_the_meter_column(ws, tmp_path):
    """表计类型 | 表号: the meter is 表号, its type says main or sub."""
    rows = [["站点", "表计类型", "表号", "计费起始日", "计费截止日", "本期电量(kWh)"]]
    for a, z in PERIODS[:2]:
        rows += [[ZB, "总表", "1301", a, z, 120000], [ZB, "分表", "1302", a, z, 70000],
                 [ZB, "分表", "1303", a, z, 48500]]
    path = write_workbook(tmp_path / "t.xlsx", {"Sites": SITES, "电费": rows})
    (p,) = refused(ws, path)
    assert p.params["main"] == "1301" and p.params["subs"] == "1302, 1303"


# An energy management system's export: each sub-meter names its parent (HVAC and LIGHTING under
# MAIN-01: 120,000 = 70,000 + 48,500 + 1,500 unmetered)
EMS_HEAD = ["Site", "Meter", "Parent meter", "Period start", "Period end", "Consumption (kWh)"]


def _ems(tmp_path, parent_of_main=None):
    rows = [EMS_HEAD]
    for a, z in PERIODS[:2]:
        rows += [[ZB, "MAIN-01", parent_of_main, a, z, 120000], [ZB, "HVAC", "MAIN-01", a, z, 70000],
                 [ZB, "LIGHTING", "MAIN-01", a, z, 48500]]
    return write_workbook(tmp_path / "ems.xlsx", {"Sites": SITES, "电费": rows})


def test_a_parent_meter_column_says_which_are_sub_meters(ws, tmp_path):
    path = _ems(tmp_path)
    (p,) = refused(ws, path)
    assert p.code == "submeters_labelled" and p.params["main"] == "MAIN-01"
    assert p.params["subs"] == "HVAC, LIGHTING" and p.params["rows"] == "3, 4, 6, 7"
    follow(path, p)
    import_file(ws, path, GRID)
    assert stored(ws) == {(ZB, MONTHS[0]): 120000, (ZB, MONTHS[1]): 120000}


def test_a_parent_not_on_the_sheet_is_no_main_of_these(ws, tmp_path):
    """Three supplies fed from the utility's transformer T-9, which the sheet does not list."""
    rows = [EMS_HEAD]
    for a, z in PERIODS[:2]:
        rows += [[ZB, m, "T-9", a, z, kwh] for m, kwh in (("A", 50000), ("B", 30000), ("C", 1000))]
    path = write_workbook(tmp_path / "ems.xlsx", {"Sites": SITES, "电费": rows})
    assert imported(ws, path) == {(ZB, MONTHS[0]): 81000, (ZB, MONTHS[1]): 81000}


def test_two_mains_each_with_subs_keep_both_mains(ws, tmp_path):
    """Two supplies, each with its sub-meter: after the hint, the two mains are summed."""
    path = bill(tmp_path, {"1#总表": [80000, 82000], "1#分表1": [50000, 51000],
                           "2#总表": [40000, 41000], "2#分表1": [22000, 23500]})
    (p,) = refused(ws, path)
    assert set(p.params["subs"].split(", ")) == {"1#分表1", "2#分表1"}
    follow(path, p)
    import_file(ws, path, GRID)
    assert stored(ws) == {(ZB, MONTHS[0]): 120000, (ZB, MONTHS[1]): 123000}


def test_only_the_site_with_sub_meters_is_named(ws, tmp_path):
    # 乌兰察布 (Ulanqab) has two supplies of its own: 300,000 + 210,000; 305,000 + 199,000
    path = bill(tmp_path, CN, extra=[(UL, {"A": [300000, 305000], "B": [210000, 199000]})])
    (p,) = refused(ws, path)
    assert p.params["site"] == ZB
    follow(path, p)
    import_file(ws, path, GRID)
    got = stored(ws)
    assert got[(UL, MONTHS[0])] == 510000 and got[(UL, MONTHS[1])] == 504000
    assert got[(ZB, MONTHS[2])] == 118200


def test_a_wide_sheet_of_meters_by_month(ws, tmp_path):
    """Months across, a row per meter: the sub-meters' rows named once each."""
    rows = [["站点", "电表名称", "2023-01", "2023-02", "2023-03"],
            *([ZB, m, *kwh] for m, kwh in CN.items())]
    import_file(ws, write_workbook(tmp_path / "s.xlsx", {"Sites": SITES}))
    path = write_workbook(tmp_path / "w.xlsx", {"电费": rows})
    kwh = ImportOptions(values={"source": "grid"}, units={"energy": "kWh"})
    (p,) = refused(ws, path, kwh)
    assert p.code == "submeters_labelled" and p.params["rows"] == "3, 4"
    follow(path, p)
    import_file(ws, path, kwh)
    assert stored(ws) == {(ZB, m): kwh for m, kwh in zip(
        ("2023-01-01", "2023-02-01", "2023-03-01"), CN["总表"], strict=True)}


# A-01 is the sum of A-02 + A-03 every period (an export that lists the main meter too):
# 50,000 + 30,000; 52,500 + 31,200; 49,000 + 29,640 (= 78,640 within 0.5 % of 78,700)
SUMMED = {"A-01": [80000, 83700, 78700], "A-02": [50000, 52500, 49000], "A-03": [30000, 31200, 29640]}


def test_a_meter_that_is_the_sum_of_the_others_is_refused(ws, tmp_path):
    path = bill(tmp_path, SUMMED)
    (p,) = refused(ws, path)
    assert p.code == "submeters_sum" and p.params["main"] == "A-01"
    assert p.params["hits"] == "3" and p.params["periods"] == "3"
    assert p.params["rows"] == ", ".join(map(str, sub_rows(path, {"A-02", "A-03"})))
    follow(path, p)
    import_file(ws, path, GRID)
    assert stored(ws) == {(ZB, m): kwh for m, kwh in zip(MONTHS, SUMMED["A-01"], strict=True)}


def test_the_other_way_out_of_the_sum_refusal(ws, tmp_path):
    """'only if every meter is a supply of its own, write one row per period with their sum':
    followed, the sum of the three is stored (80,000 + 50,000 + 30,000 = 160,000 …)."""
    path = bill(tmp_path, SUMMED)
    (p,) = refused(ws, path)
    assert "write one row per period with their sum" in p.reason
    sums = [sum(v[i] for v in SUMMED.values()) for i in range(3)]
    rows = [["站点", "计费起始日", "计费截止日", "电量(kWh)"],
            *([ZB, a, z, kwh] for (a, z), kwh in zip(PERIODS, sums, strict=True))]
    import_file(ws, write_workbook(tmp_path / "sum.xlsx", {"Sites": SITES, "电费": rows}), GRID)
    assert stored(ws) == {(ZB, m): kwh for m, kwh in zip(MONTHS, [160000, 167400, 157340], strict=True)}


def test_tariff_bands_beside_their_total_are_one_level(ws, tmp_path):
    """A time-of-use bill whose meter column lists 总 with its bands 峰 / 平 / 谷 (总 = their sum):
    refused, and keeping 总 stores each month once (was 2 × 总)."""
    bands = {"总": [120000, 131500], "峰": [50000, 56000], "平": [40000, 43500], "谷": [30000, 32000]}
    path = bill(tmp_path, bands, head=("站点", "电表", "计费起始日", "计费截止日", "电量(kWh)"))
    (p,) = refused(ws, path)
    assert p.params["main"] == "总" and p.params["subs"] == "峰, 平, 谷"
    follow(path, p)
    import_file(ws, path, GRID)
    assert stored(ws) == {(ZB, MONTHS[0]): 120000, (ZB, MONTHS[1]): 131500}


def test_bands_of_one_meter_in_a_band_column_are_duplicates_not_summed(ws, tmp_path):
    rows = [["站点", "电表编号", "时段", "计费起始日", "计费截止日", "电量(kWh)"]]
    a, z = PERIODS[0]
    rows += [[ZB, "3301", band, a, z, kwh] for band, kwh in (("总", 120000), ("峰", 50000))]
    path = write_workbook(tmp_path / "b.xlsx", {"Sites": SITES, "电费": rows})
    assert {p.code for p in refused(ws, path)} == {"duplicate_row"}


def test_labelled_sub_meters_and_their_sum_once(ws, tmp_path):
    """One bill period, 分表 named, their sum on an unnamed meter: its main."""
    path = bill(tmp_path, {"0081": [118500], "分表1": [70000], "分表2": [48500]})
    (p,) = refused(ws, path)
    assert p.code == "submeters_sum" and p.params["main"] == "0081"


# --- honest bills this rule must not refuse ------------------------------------------------------

def imported(ws, path):
    import_file(ws, path, GRID)
    return stored(ws)


def test_three_supplies_one_equal_to_the_other_two_once_are_summed(ws, tmp_path):
    """M1 = M2 + M3 in January (a coincidence), not after: three supplies, summed; in one
    period of three, not even said."""
    ms = {"M1": [90000, 95000, 88000], "M2": [60000, 41000, 52000], "M3": [30000, 35000, 47000]}
    path = bill(tmp_path, ms)
    [plan] = [p for p in analyse(path, GRID) if p.sheet == "电费"]
    assert not [w for w in plan.warnings if w.code.startswith("submeters")]
    assert imported(ws, path) == {(ZB, MONTHS[0]): 180000, (ZB, MONTHS[1]): 171000,
                                  (ZB, MONTHS[2]): 187000}


def test_the_warnings_if_followed_gives_the_main_meters_figures(ws, tmp_path):
    """Where M1 is their main after all: delete M2's and M3's rows in M1's periods."""
    ms = {"M1": [90000, 95000], "M2": [60000, 41000], "M3": [30000, 35000]}
    path = bill(tmp_path, ms)
    [plan] = [p for p in analyse(path, GRID) if p.sheet == "电费"]
    [w] = [w for w in plan.warnings if w.code == "submeters_sum_once"]
    assert w.params["main"] == "M1" and w.row == 2
    assert "delete the rows of M2, M3 in the periods M1 has too" in w.reason
    wb = openpyxl.load_workbook(path)
    for r in sorted(sub_rows(path, {"M2", "M3"}), reverse=True):
        wb["电费"].delete_rows(r)
    wb.save(path)
    assert imported(ws, path) == {(ZB, MONTHS[0]): 90000, (ZB, MONTHS[1]): 95000}


@pytest.mark.parametrize("names", [("Main building", "Warehouse", "Substation 2"),
                                   ("总部大楼", "分拣中心", "电子表3"), ("分表1", "分表2", "分表3")])
def test_names_that_are_no_main_and_sub_are_summed(ws, tmp_path, names):
    ms = dict(zip(names, ([100000, 101000], [40000, 42000], [25000, 26000]), strict=True))
    assert imported(ws, bill(tmp_path, ms)) == {(ZB, MONTHS[0]): 165000, (ZB, MONTHS[1]): 169000}


def test_twin_meters_that_read_alike_are_summed(ws, tmp_path):
    """Two halls on one load: 10,000 and 10,020 every month (one 'other' is no sum)."""
    ms = {"Hall A": [10000, 10100, 9900], "Hall B": [10020, 10080, 9910]}
    assert imported(ws, bill(tmp_path, ms)) == {(ZB, MONTHS[0]): 20020, (ZB, MONTHS[1]): 20180,
                                                (ZB, MONTHS[2]): 19810}


def test_a_main_meter_alone_per_period_is_imported(ws, tmp_path):
    assert imported(ws, bill(tmp_path, {"总表": CN["总表"]})) == {
        (ZB, m): kwh for m, kwh in zip(MONTHS, CN["总表"], strict=True)}


@pytest.mark.parametrize(("text", "want"), [
    ("总表", "main"), ("Main meter", "main"), ("MAIN", "main"), ("Master meter 2", "main"),
    ("2#总", "main"), ("关口表", "main"), ("分表1", "sub"), ("Sub-meter 3", "sub"), ("sub 2", "sub"),
    ("Submeter HVAC", "sub"), ("考核表", "sub"), ("Check meter", "check"), ("校核表", "check"),
    ("1301 | 分表", "sub"), ("Main building", None), ("Substation", None), ("总部", None),
    ("电子表", None), ("分拣中心", None), ("M-1301", None), ("Domain", None)])
def test_role_words(text, want):
    assert role(text) == want


def test_the_command_line_refuses_in_dry_run_and_names_the_rows(tmp_path):
    ws = tmp_path / "w.greenledger"
    path = bill(tmp_path, CN)
    out = gl("-w", ws, "import", path, "--value", "source=grid", "--dry-run", check_rc=1)
    assert "分表1, 分表2" in out.stderr and "rows 3, 4, 6, 7, 9, 10" in out.stderr
    assert not ws.exists(), "--dry-run writes nothing"


def test_the_refusal_in_simplified_chinese(tmp_path):
    out = gl("--lang", "zh", "-w", tmp_path / "w.greenledger", "import", bill(tmp_path, CN),
             "--value", "source=grid", "--dry-run", check_rc=1)
    assert "重复计算" in out.stderr and "第 3, 4, 6, 7, 9, 10 行" in out.stderr


# --- measured over many bills (seeded): how often the sum rule refuses an honest one ----------

def _bills(seed, n, shape, fewest=2):
    rng = random.Random(seed)
    for _ in range(n):
        months = rng.randint(fewest, 12)
        yield months, shape(rng, months)


def _codes(tmp_path, months, meters):
    rows = [["站点", "电表编号", "账期", "电量(kWh)"]]
    for p in range(months):
        rows += [[ZB, m, f"2023-{p + 1:02d}", kwh[p]] for m, kwh in meters.items()]
    path = write_workbook(tmp_path / "r.xlsx", {"电费": rows})
    [plan] = analyse(path, GRID)
    return {q.code for q in plan.problems}


def test_independent_meters_are_never_taken_for_a_main(tmp_path):
    """40 bills of 3 to 5 meters, each month's kWh drawn on its own (1,000 to 500,000)."""
    def shape(rng, months):
        return {f"{1300 + k}": [round(math.exp(rng.uniform(math.log(1e3), math.log(5e5))))
                                for _ in range(months)] for k in range(rng.randint(3, 5))}
    refused_ = [m for months, m in _bills(7, 40, shape) if "submeters_sum" in _codes(tmp_path, months, m)]
    assert refused_ == []


def test_flat_loads_in_proportion_are_not_taken_for_a_main(tmp_path):
    """Three flat loads 2 : 1 : 1 (±3 % a month each), over 6 to 12 months: 2,000 ≈ 1,000 + 1,000
    now and then, not three months in four."""
    def shape(rng, months):
        return {m: [round(base * rng.uniform(0.97, 1.03)) for _ in range(months)]
                for m, base in (("A", 200000), ("B", 100000), ("C", 100000))}
    bills = _bills(11, 20, shape, fewest=6)
    assert [m for months, m in bills if "submeters_sum" in _codes(tmp_path, months, m)] == []


def test_a_main_within_rounding_of_its_subs_is_always_found(tmp_path):
    """20 exports listing the main too: main = subs' sum × (1 ± 0.4 %), 2 to 12 months."""
    def shape(rng, months):
        subs = {f"{1300 + k}": [rng.randint(5000, 90000) for _ in range(months)]
                for k in range(rng.randint(2, 4))}
        main = [round(sum(v[p] for v in subs.values()) * rng.uniform(0.996, 1.004)) for p in range(months)]
        return {"1299": main, **subs}
    assert all("submeters_sum" in _codes(tmp_path, months, m) for months, m in _bills(5, 20, shape))


# 总表 100,000 / 102,000; 分表1 70,000 / 71,000 is under it; 分表2 48,500 / 49,000 is the
# warehouse's own supply, called a sub-meter by the utility: together they measure more than 总表
OVER = {"总表": [100000, 102000], "分表1": [70000, 71000], "分表2": [48500, 49000]}


def test_sub_meters_measuring_more_than_their_main_are_refused_not_deleted(ws, tmp_path):
    path = bill(tmp_path, OVER)
    (p,) = refused(ws, path)
    assert p.code == "submeters_exceed" and p.params["subs_kwh"] == "118,500"
    assert p.params["main_kwh"] == "100,000" and p.params["main"] == "总表"
    assert "Parent meter" in p.reason and "delete" not in p.reason.split("deleting")[0]


@pytest.mark.parametrize("header", ["Parent meter", "上级表"])
def test_the_exceed_hint_followed_gives_the_main_and_the_other_supply(ws, tmp_path, header):
    """Say which is under 总表 (a Parent meter column: 分表1 under 总表), then the refusal says
    delete 分表1's rows; done, 总表 + 分表2 are stored: 148,500 / 151,000 kWh."""
    path = bill(tmp_path, OVER)
    refused(ws, path)
    wb = openpyxl.load_workbook(path)
    sheet = wb["电费"]
    sheet.insert_cols(3)
    sheet.cell(1, 3, header)
    for r in range(2, sheet.max_row + 1):
        if sheet.cell(r, 2).value == "分表1":
            sheet.cell(r, 3, "总表")
    wb.save(path)
    (p,) = refused(ws, path)
    assert p.code == "submeters_labelled" and p.params["subs"] == "分表1"
    follow(path, p)
    import_file(ws, path, GRID)
    assert stored(ws) == {(ZB, MONTHS[0]): 148500, (ZB, MONTHS[1]): 151000}
