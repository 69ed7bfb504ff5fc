"""Workbooks that used to import wrong figures with no warning (an adversarial review of the
import assistant): each is a real .xlsx written by openpyxl, and each test checks the figures
against a hand computation, or that the import is refused with the cell and reason and the
workspace left as it was."""

from pathlib import Path

import openpyxl
import pytest

from greenledger.core.errors import ImportRefused
from greenledger.core.fields import Kind
from greenledger.core.importing.codes import Hint, Skip
from greenledger.core.importing.describe import describe
from greenledger.core.importing.engine import analyse, import_file
from greenledger.core.importing.plan import ImportOptions
from greenledger.core.importing.profiles import Profile
from greenledger.core.importing.values import CellError, decimal_style, parse_date, parse_number
from greenledger.core.storage import Workspace
from greenledger.gui.cli_hints import cli_hint, render_cli
from tests.conftest import SITES, snapshot, write_workbook
from tests.core.test_cli import gl

M3 = [f"2023年{m}月" for m in range(1, 4)]
DATA = Path(__file__).resolve().parent.parent / "data"


def plan_of(path, sheet, options=None):
    return next(p for p in analyse(path, options) if p.sheet == sheet)


def energy_total(ws):
    return sum(r["energy"] for r in ws.rows(Kind.ENERGY))


def refused(ws, path, options=None):
    """The problems of a refused import, having checked that nothing was written."""
    before = snapshot(ws)
    with pytest.raises(ImportRefused) as exc:
        import_file(ws, path, options)
    assert snapshot(ws) == before
    return exc.value.problems


@pytest.fixture
def sites(ws, tmp_path):
    import_file(ws, write_workbook(tmp_path / "sites.xlsx", {"Sites": SITES}))
    return ws


# --- 1. a 单位 line above the header ---------------------------------------------------------


def test_a_unit_line_above_the_header_is_the_unit_even_with_a_trailing_note_column(sites, tmp_path):
    rows = [["2023年用电量"], ["单位：万千瓦时"], ["站点", "能源类型", *M3, "备注"],
            ["Zhangbei DC", "电网", 1, 2, 3, "账单"], ["Ulanqab DC", "电网", 1.5, 2, 3, None]]
    path = write_workbook(tmp_path / "u.xlsx", {"用电": rows})
    plan = plan_of(path, "用电")
    assert plan.layout.header_row_numbers == [3]  # not joined with the 单位 line
    assert {c.header: c.multiplier for c in plan.columns if c.field == "energy"} == \
        dict.fromkeys(M3, 1e4)
    import_file(sites, path)
    assert energy_total(sites) == pytest.approx((6 + 6.5) * 1e4)


def test_merged_upper_cells_cover_only_their_own_range(tmp_path):
    # 用电量 over B–D and 备注 over E only: the note column is not taken as a month
    rows = [["站点", "用电量（千瓦时）", None, None, "备注"], [None, *M3, None],
            ["Zhangbei DC", 1, 2, 3, "x"]]
    path = write_workbook(tmp_path / "m.xlsx", {"用电": rows},
                          merges={"用电": ["B1:D1", "A1:A2", "E1:E2"]})
    plan = plan_of(path, "用电", ImportOptions(values={"source": "grid"}))
    assert [c.header for c in plan.columns if c.field == "energy"] == \
        [f"用电量(千瓦时) {m}" for m in M3]  # headers are NFKC-normalised
    assert plan.totals()["energy"] == 6


# --- 2. what a wide sheet's period columns hold ----------------------------------------------


@pytest.mark.parametrize("sheet,title", [
    ("用电（MWh）", "2023年电费（万元）"), ("Sheet1", "Electricity cost (CNY)"),
    ("电费", "2023年各站点（单位：万千瓦时）")])
def test_a_wide_sheet_about_money_is_refused(sites, tmp_path, sheet, title):
    rows = [[title], ["站点", "能源类型", *M3], ["Zhangbei DC", "电网", 10, 20, 30]]
    path = write_workbook(tmp_path / "cost.xlsx", {sheet: rows})
    problems = refused(sites, path)
    assert [p.code for p in problems] == ["money_title"]
    p = problems[0]
    assert (p.sheet, p.row, p.column) == (sheet, 2, "2023年1月 … 2023年3月 [C–E]")
    assert "money" in p.reason and "--" not in p.reason and "--measure energy" in render_cli(p)


def test_a_wide_sheet_that_says_nothing_of_what_it_holds_is_refused_until_told(sites, tmp_path):
    rows = [["站点", "能源类型", *M3], ["Zhangbei DC", "电网", 10, 20, 30]]
    path = write_workbook(tmp_path / "bare.xlsx", {"用电": rows})
    problems = refused(sites, path)
    assert [(p.code, p.column) for p in problems] == \
        [("measure_unstated", "2023年1月 … 2023年3月 [C–E]")]
    # the user says: these are MWh of energy
    import_file(sites, path, ImportOptions(measure="energy", units={"energy": "MWh"}))
    assert energy_total(sites) == pytest.approx(60_000)


def test_a_quantity_without_a_unit_anywhere_is_refused(sites, tmp_path):
    rows = [["Site", "Month", "Source", "用电量"], ["Zhangbei DC", "2023-01", "grid", 10]]
    path = write_workbook(tmp_path / "long.xlsx", {"Energy": rows})
    problems = refused(sites, path)
    assert [(p.code, p.row, p.column, p.value) for p in problems] == \
        [("unit_unstated", 1, "用电量 [D]", "用电量")]
    assert "--" not in problems[0].reason  # the command line names no unit to copy (blind F39)
    assert "--unit energy=UNIT with the unit its figures are in" in render_cli(problems[0])
    import_file(sites, path, ImportOptions(units={"energy": "万千瓦时"}))
    assert energy_total(sites) == pytest.approx(10e4)


def test_a_header_that_is_a_unit_states_it(sites, tmp_path):
    rows = [["Site", "Month", "Source", "MWh"], ["Zhangbei DC", "2023-01", "grid", 10]]
    import_file(sites, write_workbook(tmp_path / "mwh.xlsx", {"Energy": rows}))
    assert energy_total(sites) == pytest.approx(10_000)


# --- 3. profiles ------------------------------------------------------------------------------


def test_a_workspace_profile_applies_by_itself_only_to_its_own_sheet(tmp_path):
    ws_path = tmp_path / "w.greenledger"
    header = ["Plant", "Kind of power", *M3]
    energy = [header, ["Zhangbei DC", "grid", 1, 2, 3]]
    with Workspace.open(ws_path) as w:
        import_file(w, write_workbook(tmp_path / "sites.xlsx", {"Sites": SITES}))
        opts = ImportOptions(kind=Kind.ENERGY, mapping={"Plant": "site",
                                                        "Kind of power": "source"},
                             units={"energy": "MWh"})
        plan = plan_of(write_workbook(tmp_path / "e.xlsx", {"用电": energy}), "用电", opts)
        w.save_profile(Profile.from_plan(plan, name="plants"))
    # a sheet of costs laid out alike: same headers, another sheet name
    costs = write_workbook(tmp_path / "c.xlsx", {"电费": [header, ["Zhangbei DC", "grid",
                                                                  900, 800, 700]]})
    proc = gl("--workspace", ws_path, "import", costs, check_rc=1)
    assert "'plants' fits these headers but was saved for sheet '用电'; not applied" in proc.stderr
    with Workspace.open(ws_path) as w:
        assert w.rows(Kind.ENERGY) == []
    # next month's workbook with the sheet of the same name: applied by itself
    nxt = write_workbook(tmp_path / "e2.xlsx", {"用电": [header, ["Zhangbei DC", "grid", 4, 5, 6]]})
    proc = gl("--workspace", ws_path, "import", nxt, check_rc=0)
    assert "using the workspace's import profile 'plants'" in proc.stderr
    with Workspace.open(ws_path) as w:
        assert energy_total(w) == pytest.approx(15_000)


# --- 4. month columns under different headers ------------------------------------------------


def test_months_under_a_cost_header_beside_the_energy_months_are_not_energy(sites, tmp_path):
    rows = [["站点", "能源类型", "用电量（千瓦时）", None, None, "电费", None, None],
            [None, None, *M3, *M3], ["Zhangbei DC", "电网", 1, 2, 3, 100, 200, 300]]
    path = write_workbook(tmp_path / "two.xlsx", {"用电": rows},
                          merges={"用电": ["C1:E1", "F1:H1", "A1:A2", "B1:B2"]})
    plan = plan_of(path, "用电")
    ignored = [c for c in plan.columns if c.period is not None and not c.field]
    assert [c.letter for c in ignored] == ["F", "G", "H"]
    assert all(c.note.startswith("money") for c in ignored)
    assert "F 电费 2023年1月 → ignored (money" in describe(plan)
    import_file(sites, path)
    assert energy_total(sites) == 6


def test_months_under_two_unnamed_headers_are_refused_until_one_is_named(sites, tmp_path):
    rows = [["单位：MWh"], ["站点", "能源类型", "实际", None, None, "计划", None, None],
            [None, None, *M3, *M3], ["Zhangbei DC", "电网", 1, 2, 3, 100, 200, 300]]
    path = write_workbook(tmp_path / "plan.xlsx", {"用电": rows},
                          merges={"用电": ["C2:E2", "F2:H2"]})
    problems = refused(sites, path)
    assert [p.code for p in problems] == ["several_measures"]
    assert "'实际', '计划'" in problems[0].reason
    import_file(sites, path, ImportOptions(mapping={"实际": "energy"}))
    assert energy_total(sites) == pytest.approx(6000)


# --- 5. quarters and years beside months -----------------------------------------------------


def test_a_quarter_is_a_total_only_when_it_covers_the_months_beside_it(sites, tmp_path):
    rows = [["单位：MWh"], ["站点", "能源类型", *M3, "2023Q1", "2022Q4", "2023Q2", "2023年"],
            ["Zhangbei DC", "电网", 1, 2, 3, 6, 50, 7, 100]]
    path = write_workbook(tmp_path / "q.xlsx", {"用电": rows})
    plan = plan_of(path, "用电")
    notes = {c.header: c.note for c in plan.columns if not c.field}
    assert notes == {"2023Q1": "a quarter over the month columns (their total)",
                     "2023年": "a year over the month columns (their total)"}
    import_file(sites, path)
    got = sorted((r["period_start"], r["period_end"], r["energy"])
                 for r in sites.rows(Kind.ENERGY))
    assert got == [("2022-10-01", "2022-12-31", 50_000), ("2023-01-01", "2023-01-31", 1000),
                   ("2023-02-01", "2023-02-28", 2000), ("2023-03-01", "2023-03-31", 3000),
                   ("2023-04-01", "2023-06-30", 7000)]


def test_two_columns_for_the_same_month_are_refused(sites, tmp_path):
    rows = [["单位：MWh"], ["站点", "能源类型", "2023年1月", "Jan 2023"],
            ["Zhangbei DC", "电网", 1, 2]]
    problems = refused(sites, write_workbook(tmp_path / "d.xlsx", {"用电": rows}))
    assert [(p.code, p.column) for p in problems] == [("duplicate_period", "Jan 2023 [D]")]
    assert "2023-01" in problems[0].reason and "2023年1月 [C]" in problems[0].reason


# --- 6. numbers and dates as text ------------------------------------------------------------


def test_the_decimal_mark_is_the_columns(sites, tmp_path):
    assert parse_number("2.500", style="comma") == 2500
    assert parse_number("2.500", style="point") == 2.5
    assert decimal_style(["1.234,5", "2.500", 7.0]) == ("comma", set())
    assert decimal_style(["1,234.5", "2.500"]) == ("point", set())
    rows = [["Site", "Month", "Source", "Energy (kWh)"],
            ["Zhangbei DC", "2023-01", "grid", "1.234,5"],
            ["Zhangbei DC", "2023-02", "grid", "2.500"]]
    import_file(sites, write_workbook(tmp_path / "eu.xlsx", {"Energy": rows}))
    assert energy_total(sites) == pytest.approx(1234.5 + 2500)


def test_a_column_writing_both_decimal_marks_refuses_every_cell_that_depends_on_it(sites, tmp_path):
    rows = [["Site", "Month", "Source", "Energy (kWh)"],
            ["Zhangbei DC", "2023-01", "grid", "1.234,5"],
            ["Zhangbei DC", "2023-02", "grid", "1,234.5"],
            ["Zhangbei DC", "2023-03", "grid", "2.500"],
            ["Zhangbei DC", "2023-04", "grid", "700"]]
    problems = refused(sites, write_workbook(tmp_path / "mixed.xlsx", {"Energy": rows}))
    assert [(p.row, p.value, p.code) for p in problems] == [
        (2, "1.234,5", "mixed_decimals"), (3, "1,234.5", "mixed_decimals"),
        (4, "2.500", "mixed_decimals")]


def test_a_percentage_is_refused_where_a_quantity_is_needed(sites, tmp_path):
    with pytest.raises(CellError, match="percentage"):
        parse_number("5%")
    assert parse_number("5%", percent=True) == 5
    rows = [["Site", "Month", "Source", "Energy (kWh)"], ["Zhangbei DC", "2023-01", "grid", "5%"]]
    problems = refused(sites, write_workbook(tmp_path / "pct.xlsx", {"Energy": rows}))
    assert [(p.row, p.column, p.value, p.code) for p in problems] == \
        [(2, "Energy (kWh) [D]", "5%", "percent_not_allowed")]


def test_a_bare_year_is_not_an_excel_date(sites, tmp_path):
    with pytest.raises(CellError, match="1990 to 2100"):
        parse_date(2023)  # was 1905-07-15
    assert parse_date(45000).isoformat() == "2023-03-15"
    rows = [["Site", "Period start", "Period end", "Source", "Energy (kWh)"],
            ["Zhangbei DC", 2023, 2023, "grid", 10]]
    problems = refused(sites, write_workbook(tmp_path / "y.xlsx", {"Energy": rows}))
    assert {(p.row, p.column, p.code) for p in problems} == \
        {(2, "Period start [B]", "not_date"), (2, "Period end [C]", "not_date")}


# --- 7. hidden rows and columns --------------------------------------------------------------


def test_hidden_rows_and_columns_are_said_and_a_visible_column_wins(sites, tmp_path):
    path = tmp_path / "hidden.xlsx"
    wb = openpyxl.Workbook()
    sheet = wb.active
    sheet.title = "Energy"
    sheet.append(["Site", "Month", "Source", "用电量（千瓦时）", "用电量（万千瓦时）"])
    for m in range(1, 7):
        sheet.append(["Zhangbei DC", f"2023-{m:02d}", "grid", 999, m])
    sheet.column_dimensions["D"].hidden = True  # an old column in the wrong unit, hidden
    sheet.row_dimensions[3].hidden = True
    sheet.row_dimensions[4].hidden = True
    wb.save(path)
    plan = plan_of(path, "Energy")
    assert {c.letter: c.field for c in plan.columns}["E"] == "energy"
    assert {c.letter: c.field for c in plan.columns}["D"] is None
    assert [(w.code, w.row) for w in plan.warnings] == [("hidden_rows", 3)]
    assert "2 row(s) hidden in Excel were read: 3–4" in describe(plan)
    result = import_file(sites, path)
    assert [w.code for w in result.warnings] == ["hidden_rows"]
    assert energy_total(sites) == pytest.approx(21e4)


def test_a_hidden_column_that_is_used_is_said(tmp_path):
    path = tmp_path / "hc.xlsx"
    wb = openpyxl.Workbook()
    sheet = wb.active
    sheet.append(["Site", "Month", "Source", "Energy (kWh)"])
    sheet.append(["Zhangbei DC", "2023-01", "grid", 5])
    sheet.column_dimensions["D"].hidden = True
    wb.save(path)
    plan = analyse(path)[0]
    assert [(w.code, w.params["columns"]) for w in plan.warnings] == \
        [("hidden_columns", "Energy (kWh) [D]")]


# --- 8. the command line ---------------------------------------------------------------------


def test_the_command_line_prints_the_first_200_problems_and_says_how_many_more(tmp_path):
    rows = [["Site", "Month", "Source", "Energy (kWh)"]]
    rows += [["Nowhere", "2023-01", "grid", f"x{i}"] for i in range(150)]
    path = write_workbook(tmp_path / "many.xlsx", {"Energy": rows})
    err = gl("--workspace", tmp_path / "w.greenledger", "import", path, check_rc=1).stderr
    lines = [ln for ln in err.splitlines() if ln.startswith("many.xlsx › Energy › row")]
    assert len(lines) == 200
    # 150 unknown sites, 150 bad numbers and 149 rows the same as row 2
    assert "… and 249 more problem(s): --errors OUT.xlsx marks every one" in err
    assert "import refused: 449 problem(s)" in err


def test_no_header_row_says_how_to_give_one(tmp_path):
    path = write_workbook(tmp_path / "x.xlsx", {"Data": [["foo", "bar"], [1, 2]]})
    err = gl("--workspace", tmp_path / "w.greenledger", "import", path, "--kind", "energy",
             check_rc=1).stderr
    assert "--header-row N" in err


@pytest.mark.parametrize("name", ["libreoffice-hidden.ods", "libreoffice-hidden.xlsx"])
def test_hidden_rows_and_columns_in_files_saved_by_libreoffice(sites, name):
    """tests/data/make_office_files.py: row 6 (an obsolete 电网（旧） row) and column C
    (2022年12月) are hidden; by default they are read and said, and the obsolete row's
    source is refused; --skip-hidden leaves both out."""
    path = DATA / name
    plan = plan_of(path, "用电")
    assert {w.code for w in plan.warnings} == {"hidden_rows", "hidden_columns"}
    assert [(p.row, p.value, p.code) for p in plan.problems] == \
        [(6, "电网（旧）", "unknown_choice")]
    skip = ImportOptions(skip_hidden=True)
    plan = plan_of(path, "用电", skip)
    assert not plan.problems and not plan.warnings and len(plan) == 6
    assert {c.letter: c.note for c in plan.columns if not c.field}["C"] == "hidden in Excel"
    assert [(i.row, i.code) for i in plan.layout.ignored if i.code == "hidden"] == [(6, "hidden")]
    import_file(sites, path, skip)
    assert energy_total(sites) == pytest.approx((100 + 110 + 120 + 50 + 60 + 70) * 1000)
    assert min(r["period_start"] for r in sites.rows(Kind.ENERGY)) == "2023-01-01"


def test_skip_hidden_on_the_command_line_and_in_a_profile(tmp_path):
    ws_path = tmp_path / "w.greenledger"
    src = DATA / "libreoffice-hidden.xlsx"
    gl("--workspace", ws_path, "import", src, check_rc=1)
    prof = tmp_path / "p.json"
    proc = gl("--workspace", ws_path, "import", src, "--sheet", "用电", "--skip-hidden",
              "--dry-run", "--save-profile", prof, check_rc=1)  # its sites are not there yet
    assert Profile.load(prof).skip_hidden
    gl("--workspace", ws_path, "import", src, "--sheet", "Sites", check_rc=0)
    proc = gl("--workspace", ws_path, "import", src, "--profile", prof, check_rc=0)
    assert "用电 (energy): 6 rows" in proc.stdout


# --- a second review ---------------------------------------------------------------------------


@pytest.mark.parametrize("sheet,rows,kwh", [
    # template-like headers without a unit in brackets: the units rules decide, not the template
    ("Energy", [["Site", "Period start", "Period end", "Source", "MWh"],
                ["Zhangbei DC", "2023-01-01", "2023-01-31", "grid", 12.5]], 12_500),
    ("Energy", [["2023年用电统计（单位：万千瓦时）"], ["站点", "开始日期", "结束日期", "能源类型", "用电量"],
                ["Zhangbei DC", "2023-01-01", "2023-01-31", "电网", 12.5]], 125_000),
    ("用电（MWh）", [["站点", "开始日期", "结束日期", "能源类型", "用电量"],
                  ["Zhangbei DC", "2023-01-01", "2023-01-31", "电网", 12.5]], 12_500),
    ("Energy", [["站点", "开始日期", "结束日期", "能源类型", "用电量"],
                ["单位", None, None, None, "万千瓦时"],
                ["Zhangbei DC", "2023-01-01", "2023-01-31", "电网", 12.5]], 125_000),
    ("Energy", [["站点", "开始日期", "结束日期", "能源类型", "万千瓦时"],
                ["Zhangbei DC", "2023-01-01", "2023-01-31", "电网", 12.5]], 125_000),
    ("Energy", [["站点", "月份", "能源类型", "度"], ["Zhangbei DC", "2023-01", "电网", 12.5]], 12.5),
    ("Energy", [["站点", "月份", "能源类型", "用电量（单位：kWh）"], ["Zhangbei DC", "2023-01", "电网", 3]],
     3),
    ("Energy", [["站点", "月份", "能源类型", "用电量（kW·h）"], ["Zhangbei DC", "2023-01", "电网", 3]], 3),
    ("Energy", [["站点", "月份", "能源类型", "用电量", "电费"], ["单位", None, None, "MWh", "元"],
                ["Zhangbei DC", "2023-01", "电网", 2, 900]], 2000),
    # a units row under month columns; a year column; months as the number 202301
    ("用电", [["站点", "能源类型", *M3], [None, None, "万千瓦时", "万千瓦时", "万千瓦时"],
              ["Zhangbei DC", "电网", 1, 2, 3]], 60_000),
    ("用电", [["站点", "年份", "能源类型", "用电量（MWh）"], ["Zhangbei DC", 2023, "电网", 100]], 100_000),
    ("用电", [["站点", "月份", "能源类型", "用电量（MWh）"], ["Zhangbei DC", 202301, "电网", 100]], 100_000),
    # the year of 1月 … from the title or the header above them
    ("用电", [["2023年各站点用电量（万千瓦时）"], ["站点", "能源类型", "1月", "2月", "3月"],
              ["Zhangbei DC", "电网", 1, 2, 3]], 60_000),
    # titles with 元 in words, or that state the measure's unit, are not about money
    ("用电", [["元旦及春节期间用电量（万千瓦时）"], ["站点", "能源类型", *M3],
              ["Zhangbei DC", "电网", 1, 2, 3]], 60_000),
    ("用电", [["三元里仓库用电量（kWh）"], ["站点", "能源类型", *M3], ["Zhangbei DC", "电网", 1, 2, 3]], 6),
    ("用电", [["2023年用电量（万千瓦时，不含电费）"], ["站点", "能源类型", *M3],
              ["Zhangbei DC", "电网", 1, 2, 3]], 60_000),
    ("用电", [["单位：kWh"], ["数据来源：国网电费账单"], ["站点", "能源类型", *M3],
              ["Zhangbei DC", "电网", 1, 2, 3]], 6),
])
def test_common_layouts_import_with_the_unit_they_state(sites, tmp_path, sheet, rows, kwh):
    path = write_workbook(tmp_path / "s.xlsx", {sheet: rows})
    import_file(sites, path)
    assert energy_total(sites) == pytest.approx(kwh)


def test_a_unit_note_over_the_last_month_column_does_not_drop_it(sites, tmp_path):
    rows = [["各站点月度用电量"], [None, None, "2023年", None, None, "单位：万千瓦时"],
            ["站点", "能源类型", "1月", "2月", "3月", "4月"], ["Zhangbei DC", "电网", 1, 2, 3, 4]]
    plan = plan_of(write_workbook(tmp_path / "n.xlsx", {"用电": rows}), "用电")
    assert [c.letter for c in plan.columns if c.field == "energy"] == ["C", "D", "E", "F"]
    assert plan.totals()["energy"] == pytest.approx(10e4)


def test_a_profile_does_not_carry_the_unit_a_sheet_stated(tmp_path):
    ws_path = tmp_path / "w.greenledger"
    header = ["站点", "统计月份", "能源类型", "本月用电"]
    jan = write_workbook(tmp_path / "jan.xlsx", {"Sheet1": [["单位：万千瓦时"], header,
                                                            ["Zhangbei DC", "2023-01", "电网", 1]]})
    feb = write_workbook(tmp_path / "feb.xlsx", {"Sheet1": [["单位：MWh"], header,
                                                            ["Zhangbei DC", "2023-02", "电网", 12.5]]})
    with Workspace.open(ws_path) as w:
        import_file(w, write_workbook(tmp_path / "sites.xlsx", {"Sites": SITES}))
        plan = plan_of(jan, "Sheet1", ImportOptions(mapping={"本月用电": "energy"}))
        profile = Profile.from_plan(plan, name="monthly")
        assert profile.units == {}
        w.save_profile(profile)
    gl("--workspace", ws_path, "import", feb, check_rc=0)
    with Workspace.open(ws_path) as w:
        assert energy_total(w) == pytest.approx(12_500)
    # a unit given by the user that contradicts the sheet is refused, not silently used
    with Workspace.open(ws_path) as w:
        problems = refused(w, feb, ImportOptions(mapping={"本月用电": "energy"},
                                                 units={"energy": "万千瓦时"}))
    assert [p.code for p in problems] == ["unit_conflict"]
    assert "万千瓦时" in problems[0].reason and "MWh" in problems[0].reason


def test_two_equally_likely_columns_are_refused(sites, tmp_path):
    rows = [["站点", "月份", "能源类型", "上月用电量（kWh）", "本月用电量（kWh）"],
            ["Zhangbei DC", "2023-02", "电网", 100, 120]]
    path = write_workbook(tmp_path / "tie.xlsx", {"用电": rows})
    problems = refused(sites, path)
    assert [p.code for p in problems] == ["ambiguous_columns"]
    assert "上月用电量(kWh) [D], 本月用电量(kWh) [E]" in problems[0].reason
    import_file(sites, path, ImportOptions(mapping={"本月用电量": "energy",
                                                    "上月用电量": "ignore"}))
    assert energy_total(sites) == 120


def test_numbers_that_read_two_ways_with_a_dot_are_refused_with_a_comma_said(tmp_path):
    rows = [["Site", "Month", "Source", "Energy (kWh)"], ["Zhangbei DC", "2023-01", "grid", "1.234"],
            ["Zhangbei DC", "2023-02", "grid", "12.345"]]
    plan = analyse(write_workbook(tmp_path / "two.xlsx", {"Energy": rows}))[0]
    assert [(p.code, p.column, p.value) for p in plan.all_problems] == \
        [("decimal_mark_unclear", "Energy (kWh) [D]", "1.234")]
    rows = [[*r[:3], r[3].replace(".", ",")] if i else r for i, r in enumerate(rows)]
    plan = analyse(write_workbook(tmp_path / "comma.xlsx", {"Energy": rows}))[0]
    assert [(w.code, w.value) for w in plan.warnings] == [("reads_two_ways", "1,234")]
    assert plan.totals()["energy"] == pytest.approx(13_579)


def test_refusals_and_warnings_print_in_chinese(tmp_path):
    ws_path = tmp_path / "w.greenledger"
    gl("--workspace", ws_path, "import", DATA / "libreoffice-hidden.xlsx", "--sheet", "Sites",
       check_rc=0)
    err = gl("--lang", "zh", "--workspace", ws_path, "import", DATA / "libreoffice-hidden.xlsx",
             "--sheet", "用电", check_rc=1).stderr
    assert "警告：libreoffice-hidden.xlsx › 用电 › 第 6 行 — 已读取 Excel 中隐藏的 1 行" in err
    assert "第 6 行 › 能源类型 [B]: '电网（旧）' — 不是以下之一：grid, wind" in err


# --- a third review: regressions of the rules above ------------------------------------------

M3_BARE = ["1月", "2月", "3月"]


@pytest.mark.parametrize("rows", [
    # a year in a data row (备注 2021年投产) or an update stamp is no year of the months
    [["各站点月度用电量（万千瓦时）"], ["站点", "能源类型", *M3_BARE, "备注"],
     ["Zhangbei DC", "电网", 1, 2, 3, "2021年投产"]],
    [["各站点用电量（万千瓦时）"], ["数据更新：2024-03-05"], ["站点", "能源类型", *M3_BARE],
     ["Zhangbei DC", "电网", 1, 2, 3]],
    [["各站点用电量（万千瓦时）"], ["Last updated 15 March 2024"], ["站点", "能源类型", *M3_BARE],
     ["Zhangbei DC", "电网", 1, 2, 3]],
])
def test_a_year_outside_the_titles_is_not_the_months_year(sites, tmp_path, rows):
    path = write_workbook(tmp_path / "y.xlsx", {"用电": rows})
    plan = plan_of(path, "用电")
    assert plan.parsed is None and plan.skip == Skip.NOT_A_TABLE_NO_YEAR
    assert plan.hint == Hint.PERIOD_YEAR and plan.skip_args["month"] == "1月"
    assert "--period YEAR" in describe(plan, cli_hint) and "--" not in describe(plan)
    with pytest.raises(ImportRefused):
        import_file(sites, path)
    import_file(sites, path, ImportOptions(period_year=2023))
    assert {r["period_start"][:4] for r in sites.rows(Kind.ENERGY)} == {"2023"}


def test_the_titles_year_is_used_beside_an_update_stamp(sites, tmp_path):
    rows = [["2023年各站点用电量（万千瓦时）"], ["更新于2024年3月"], ["站点", "能源类型", *M3_BARE],
            ["Zhangbei DC", "电网", 1, 2, 3]]
    import_file(sites, write_workbook(tmp_path / "t.xlsx", {"用电": rows}))
    assert sorted(r["period_start"] for r in sites.rows(Kind.ENERGY)) == \
        ["2023-01-01", "2023-02-01", "2023-03-01"]


def test_a_year_column_beside_a_month_column(sites, tmp_path):
    rows = [["Year", "Month", "Site", "Source", "Energy (MWh)"],
            [2023, "Jan", "Zhangbei DC", "grid", 3], [2022, 3, "Zhangbei DC", "grid", 4],
            [2023, "2023-02", "Zhangbei DC", "grid", 5]]
    import_file(sites, write_workbook(tmp_path / "ym.xlsx", {"Energy": rows}))
    got = sorted((r["period_start"], r["energy"]) for r in sites.rows(Kind.ENERGY))
    assert got == [("2022-03-01", 4000), ("2023-01-01", 3000), ("2023-02-01", 5000)]


@pytest.mark.parametrize("sheet,rows,field,total", [
    ("Deliveries", [["Business unit", "Campaign", "Orders", "Vehicle km", "Emissions (t CO2e)"],
                    ["Tmall", "6.18 2021", 100, 5000, 1.5]], "distance", 5000),
    ("Deliveries", [["业务单元", "活动", "订单量", "行驶公里数", "排放量（吨）"],
                    ["Tmall", "6.18 2021", 100, 4000, 1.5]], "distance", 4000),
    ("Deliveries", [["Business unit", "Campaign", "订单量（万单）", "Emissions (t CO2e)"],
                    ["Tmall", "6.18 2021", 12.5, 1]], "orders", 125_000),
    ("Energy", [["Site", "Location", "Month", "Source", "Energy (MWh)"],
                ["Zhangbei DC", "Zhangjiakou", "2023-01", "grid", 1.5]], "energy", 1500),
    ("Energy", [["站点", "月份", "能源类型", "用电量（万千瓦时）"], ["Zhangbei DC", "2023-01", "电网", 3]],
     "energy", 30_000),
    ("用电", [["站点", "能源类型", "2023年1月", "2023年2月", "万千瓦时"], ["Zhangbei DC", "电网", 1, 2, 3]],
     "energy", 30_000),
])
def test_layouts_that_imported_before_still_do(tmp_path, sheet, rows, field, total):
    book = {"Sites": SITES, "Campaigns": [["Campaign", "Start", "End"],
                                          ["6.18 2021", "2021-06-01", "2021-06-18"]], sheet: rows}
    plan = plan_of(write_workbook(tmp_path / "b.xlsx", book), sheet)
    assert not plan.problems
    assert plan.totals()[field] == pytest.approx(total)
    if plan.kind == Kind.ENERGY:
        assert all(r["period_start"] for r in plan.preview())
