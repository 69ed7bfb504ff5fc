"""The import never stores wrong figures (issue 13 §1–4, issue 12 §3): overlapping periods,
totals, plausible values, `%` headers and the units logistics writes. Real workbooks written by
openpyxl, real workspace files; every figure computed by hand."""

from datetime import date

import pytest

from greenledger.core.bounds import Level, check_value, month_outliers
from greenledger.core.errors import ImportRefused
from greenledger.core.fields import Kind
from greenledger.core.importing.engine import import_file
from greenledger.core.importing.plan import ImportOptions
from greenledger.core.overlaps import Span, find_overlaps
from greenledger.core.units import UnitError, multiplier, parse_amount
from tests.conftest import CAMPAIGNS, ENERGY_HEADER, SITES, snapshot, write_workbook
from tests.core.test_cli import gl

ZB = "Zhangbei DC"


def month(m: int, year: int = 2023) -> tuple[date, date]:
    nxt = date(year + (m == 12), m % 12 + 1, 1)
    return date(year, m, 1), date.fromordinal(nxt.toordinal() - 1)


def energy_rows(months, kwh, site=ZB, source="grid"):
    return [[site, *month(m), source, kwh, None] for m in months]


def energy_total(ws) -> float:
    return sum(r["energy"] for r in ws.rows(Kind.ENERGY))


def refused(ws, path, options=None):
    before = snapshot(ws)
    with pytest.raises(ImportRefused) as exc:
        import_file(ws, path, options)
    assert snapshot(ws) == before, "a refused import must change nothing"
    return exc.value.problems


@pytest.fixture
def sites(ws, tmp_path):
    import_file(ws, write_workbook(tmp_path / "sites.xlsx", {"Sites": SITES}))
    return ws


# --- 1. overlaps -----------------------------------------------------------------------------


def test_a_quarter_row_over_its_months_is_left_out_as_their_total(sites, tmp_path):
    path = write_workbook(tmp_path / "q1.xlsx", {"Energy": [
        ENERGY_HEADER, *energy_rows([1, 2, 3], 100_000),
        [ZB, date(2023, 1, 1), date(2023, 3, 31), "grid", 300_000, None]]})
    result = import_file(sites, path)
    assert energy_total(sites) == 300_000  # was 600,000
    assert len(sites.rows(Kind.ENERGY)) == 3
    total = [w for w in result.warnings if w.code == "period_total"]
    assert len(total) == 1 and total[0].row == 5 and total[0].sheet == "Energy"
    assert "row 2" in total[0].reason and "300,000" in total[0].reason


def test_a_quarter_row_that_is_not_the_sum_of_its_months_is_refused_naming_both(sites, tmp_path):
    path = write_workbook(tmp_path / "q1.xlsx", {"Energy": [
        ENERGY_HEADER, *energy_rows([1, 2, 3], 100_000),
        [ZB, date(2023, 1, 1), date(2023, 3, 31), "grid", 250_000, None]]})
    problems = [p for p in refused(sites, path) if p.code == "period_overlap"]
    assert problems and all(p.row == 5 for p in problems)
    assert "q1.xlsx › Energy › row 2" in problems[0].reason


def test_other_keys_and_other_sources_do_not_overlap(sites, tmp_path):
    path = write_workbook(tmp_path / "mix.xlsx", {"Energy": [
        ENERGY_HEADER, *energy_rows([1, 2, 3], 100_000),
        [ZB, date(2023, 1, 1), date(2023, 3, 31), "wind", 5_000, "PPA"],
        ["Ulanqab DC", date(2023, 1, 1), date(2023, 3, 31), "grid", 7_000, None]]})
    import_file(sites, path)
    assert energy_total(sites) == 312_000


def test_a_monthly_sheet_then_the_annual_sheet_of_the_same_book_does_not_double_the_year(
        sites, tmp_path):
    path = write_workbook(tmp_path / "book.xlsx", {
        "Monthly": [ENERGY_HEADER, *energy_rows(range(1, 13), 50_000)],
        "Annual": [ENERGY_HEADER, [ZB, date(2023, 1, 1), date(2023, 12, 31), "grid", 600_000, None]]})
    result = import_file(sites, path)  # both at once: the year is the total of the months
    assert energy_total(sites) == 600_000  # was 1,200,000
    [w] = [w for w in result.warnings if w.code == "period_total"]
    assert (w.sheet, w.row) == ("Annual", 2) and "Monthly › row 2" in w.reason
    import_file(sites, path, ImportOptions(sheet="Monthly", kind=Kind.ENERGY))  # one at a time
    result = import_file(sites, path, ImportOptions(sheet="Annual", kind=Kind.ENERGY))
    assert energy_total(sites) == 600_000
    assert [w.code for w in result.warnings if w.code == "period_total"] == ["period_total"]
    assert result.inserted == 0


def test_a_row_overlapping_a_stored_row_is_refused_naming_the_stored_rows_place(sites, tmp_path):
    import_file(sites, write_workbook(tmp_path / "jan-mar.xlsx", {
        "Energy": [ENERGY_HEADER, *energy_rows([1, 2, 3], 100_000)]}))
    later = write_workbook(tmp_path / "q1.xlsx", {"Energy": [
        ENERGY_HEADER, [ZB, date(2023, 1, 1), date(2023, 3, 31), "grid", 280_000, None]]})
    problems = [p for p in refused(sites, later) if p.code == "period_overlap"]
    assert problems and problems[0].row == 2
    assert "jan-mar.xlsx › Energy › row 2" in problems[0].reason


def test_reimporting_the_same_file_is_an_update_not_an_overlap(sites, tmp_path):
    rows = [ENERGY_HEADER, *energy_rows([1, 2, 3], 100_000)]
    import_file(sites, write_workbook(tmp_path / "a.xlsx", {"Energy": rows}))
    again = import_file(sites, write_workbook(tmp_path / "a.xlsx", {"Energy": rows}))
    assert (again.inserted, again.updated, again.unchanged) == (0, 0, 3)
    rows[1][4] = 120_000
    fixed = import_file(sites, write_workbook(tmp_path / "a.xlsx", {"Energy": rows}))
    assert (fixed.updated, energy_total(sites)) == (1, 320_000)


def test_overlapping_delivery_and_packaging_periods_are_refused(ws, tmp_path):
    path = write_workbook(tmp_path / "d.xlsx", {"Deliveries": [
        ["Business unit", "Period start", "Period end", "Orders", "Vehicle", "Distance (km)"],
        ["Ele.me", date(2023, 1, 1), date(2023, 1, 31), 1000, "van diesel", 500],
        ["Ele.me", date(2023, 1, 15), date(2023, 2, 14), 1000, "van diesel", 500],
        ["Ele.me", date(2023, 1, 15), date(2023, 2, 14), 1000, "van electric", 500]]})
    problems = [p for p in refused(ws, path) if p.code == "period_overlap"]
    assert [p.row for p in problems] == [3]


def test_find_overlaps_recognises_a_year_over_quarters_over_months():
    k = ("A",)
    months = [Span(k, *month(m), 10.0, f"m{m}") for m in range(1, 13)]
    quarters = [Span(k, month(3 * q + 1)[0], month(3 * q + 3)[1], 30.0, f"q{q + 1}")
                for q in range(4)]
    year = Span(k, date(2023, 1, 1), date(2023, 12, 31), 120.0, "y")
    found = find_overlaps([*months, *quarters, year])
    assert {o.row.where for o in found} == {"q1", "q2", "q3", "q4", "y"}
    assert all(o.kind == "total" for o in found)
    wrong = find_overlaps([*months, Span(k, date(2023, 1, 1), date(2023, 12, 31), 100.0, "y")])
    assert {o.kind for o in wrong} == {"overlap"} and len(wrong) == 12


# --- 3. plausible values ---------------------------------------------------------------------

FACTOR_HEADER = ["Factor", "Region", "Year", "Value", "Unit", "Source"]


def test_an_own_grid_factor_in_grams_typed_as_kilograms_is_refused_with_the_slip(ws, tmp_path):
    path = write_workbook(tmp_path / "f.xlsx", {"Factors": [
        FACTOR_HEADER, ["grid", "North China", 2023, 581, "kg CO2/kWh", "own"]]})
    problems = refused(ws, path)
    assert len(problems) == 1 and problems[0].row == 2
    reason = problems[0].reason
    assert "581 kg CO2/kWh" in reason and "1.5" in reason
    assert "looks like g CO2/kWh: write 0.581, or give the unit g CO2/kWh" in reason
    # followed literally, the hint imports 0.581
    fixed = write_workbook(tmp_path / "f2.xlsx", {"Factors": [
        FACTOR_HEADER, ["grid", "North China", 2023, 581, "g CO2/kWh", "own"]]})
    import_file(ws, fixed)
    assert ws.rows(Kind.FACTORS)[0]["value"] == pytest.approx(0.581)


def test_a_tiny_own_grid_factor_is_warned(ws, tmp_path):
    path = write_workbook(tmp_path / "f.xlsx", {"Factors": [
        FACTOR_HEADER, ["grid", "North China", 2023, 0.00044, "kg CO2/kWh", "own"]]})
    result = import_file(ws, path)
    warned = [w for w in result.warnings if w.code.startswith("implausible_low")]
    assert len(warned) == 1 and "0.00044" in warned[0].reason and "0.01" in warned[0].reason


@pytest.mark.parametrize("field,value,level", [
    ("factor.electricity", 1.2, None), ("factor.electricity", -0.1, Level.REFUSE),
    ("factor.vehicle_km", 250.0, Level.REFUSE), ("factor.vehicle_km", 0.25, None),
    ("factor.material_kg", 1199.73, Level.REFUSE), ("factor.material_kg", 1.2, None),
    ("factor.per_order", 20.0, Level.REFUSE), ("deliveries.kg_per_order", 12.0, Level.WARN)])
def test_the_bounds_table(field, value, level):
    f = check_value(field, value)
    assert (f.level if f else None) == level
    if f is not None:
        assert f.bound.source


def test_a_vehicle_factor_in_grams_per_km_is_refused(ws, tmp_path):
    path = write_workbook(tmp_path / "f.xlsx", {"Factors": [
        FACTOR_HEADER, ["van diesel", None, 2024, 255.61, "kg CO2e/km", "own"]]})
    (p,) = refused(ws, path)
    assert "write 0.25561, or give the unit g CO2e/km" in p.reason


def test_delivery_emissions_per_order_out_of_bounds_are_refused(ws, tmp_path):
    path = write_workbook(tmp_path / "d.xlsx", {"Deliveries": [
        ["Business unit", "Period start", "Period end", "Orders", "Emissions (t CO2e)"],
        ["Ele.me", date(2023, 1, 1), date(2023, 1, 31), 10_000, 5_000]]})
    (p,) = refused(ws, path)
    assert p.row == 2 and "500 kg CO2e/order" in p.reason and "0–100" in p.reason


def test_a_month_twenty_times_the_sites_median_is_warned(sites, tmp_path):
    rows = [ENERGY_HEADER, *energy_rows(range(1, 12), 100_000), *energy_rows([12], 3_000_000)]
    result = import_file(sites, write_workbook(tmp_path / "m.xlsx", {"Energy": rows}))
    (w,) = [w for w in result.warnings if w.code == "month_outlier"]
    assert w.row == 13 and "30×" in w.reason
    assert month_outliers([("A", m, 1.0, m) for m in range(6)]) == []


# --- 4. % in a header ------------------------------------------------------------------------

PACKAGING_HEADER = ["Business unit", "Period start", "Period end", "Material", "Quantity", "Unit"]


def test_a_percent_header_means_percent(ws, tmp_path):
    path = write_workbook(tmp_path / "p.xlsx", {"Packaging": [
        [*PACKAGING_HEADER, "Recycled content (%)"],
        ["Ele.me", *month(1), "board", 100, "kg", 1],
        ["Ele.me", *month(2), "board", 100, "kg", 0.8],
        ["Ele.me", *month(3), "board", 100, "kg", 0.5]]})
    result = import_file(ws, path)
    assert [r["recycled_content"] for r in ws.rows(Kind.PACKAGING)] == [1.0, 0.8, 0.5]
    assert not [w for w in result.warnings if w.code == "percent_as_fraction"]


def test_fractions_without_a_percent_header_stay_fractions_with_a_warning(ws, tmp_path):
    path = write_workbook(tmp_path / "p.xlsx", {"Packaging": [
        [*PACKAGING_HEADER, "Recycled content"],
        ["Ele.me", *month(1), "board", 100, "kg", 0.3]]})
    result = import_file(ws, path)
    assert ws.rows(Kind.PACKAGING)[0]["recycled_content"] == pytest.approx(30.0)
    assert [w.code for w in result.warnings if w.code == "percent_as_fraction"]


# --- 5. units logistics writes ---------------------------------------------------------------


def test_co2e_in_mt_is_metric_tonnes(ws, tmp_path):
    path = write_workbook(tmp_path / "d.xlsx", {"Deliveries": [
        ["Business unit", "Period start", "Period end", "Orders", "CO2e (MT)"],
        ["Ele.me", date(2023, 1, 1), date(2023, 1, 31), 100_000, 12.5]]})
    import_file(ws, path)
    assert ws.rows(Kind.DELIVERIES)[0]["emissions"] == pytest.approx(12.5)  # was 12,500,000


@pytest.mark.parametrize("unit,t", [("MT", 1.0), ("mt", 1.0), ("metric tons", 1.0),
                                    ("metric tonnes", 1.0), ("tonnes", 1.0), ("MT CO2e", 1.0),
                                    ("Mt", 1e6), ("Mt CO2e", 1e6), ("MMT", 1e6), ("kt", 1e3),
                                    ("short tons", 0.90718474), ("lbs", 0.45359237e-3)])
def test_mass_units_logistics_write(unit, t):
    assert multiplier("mass", unit) == pytest.approx(t)


@pytest.mark.parametrize("unit", ["ton", "tons", "mT"])
def test_an_ambiguous_mass_unit_is_refused_and_asked(unit):
    with pytest.raises(UnitError, match="ambiguous"):
        multiplier("mass", unit)


@pytest.mark.parametrize("dim,unit,mult", [("energy", "度", 1.0), ("energy", "千度", 1e3),
                                           ("energy", "GJ", 1e3 / 3.6), ("energy", "MJ", 1 / 3.6),
                                           ("distance", "miles", 1.609344),
                                           ("distance", "mi", 1.609344)])
def test_utility_and_distance_units(dim, unit, mult):
    assert multiplier(dim, unit) == pytest.approx(mult)


def test_amounts_keep_mt_as_megatonnes():
    assert parse_amount("1.2 Mt") == pytest.approx(1.2e6)
    assert parse_amount("400 MT") == pytest.approx(400)


# --- 6. preflight equals import --------------------------------------------------------------


def test_dry_run_writes_no_workspace_file(tmp_path):
    book = write_workbook(tmp_path / "s.xlsx", {"Sites": SITES})
    ws = tmp_path / "new.greenledger"
    gl("--workspace", ws, "import", book, "--dry-run", check_rc=0)
    assert not ws.exists()
    assert not list(tmp_path.glob("new.greenledger*"))


def test_dry_run_refuses_what_import_refuses_unknown_site(tmp_path):
    book = write_workbook(tmp_path / "e.xlsx", {"Energy": [
        ENERGY_HEADER, ["Nowhere DC", *month(1), "grid", 5, None]]})
    ws = tmp_path / "w.greenledger"
    dry = gl("--workspace", ws, "import", book, "--dry-run")
    assert dry.returncode == 1 and "unknown site" in dry.stderr
    assert "problems: 1" in dry.stdout or "problems: none" not in dry.stdout


def test_a_site_whose_region_has_no_factor_yet_is_stored_with_a_warning(ws, tmp_path):
    path = write_workbook(tmp_path / "s.xlsx", {"Sites": [
        ["Site", "Grid region"], ["Lyon DC", "Auvergne-Rhône-Alpes"]]})
    result = import_file(ws, path)
    assert [s["site"] for s in ws.rows(Kind.SITES)] == ["Lyon DC"]
    assert [w.code for w in result.warnings] == ["unknown_region"]


# --- 2. reconciliation with the sheet's own totals -------------------------------------------


def _plan(path, sheet):
    from greenledger.core.importing.engine import analyse

    return next(p for p in analyse(path) if p.sheet == sheet)


def test_a_totals_row_that_adds_up_is_shown_reconciled(sites, tmp_path):
    rows = [["2023年各站点用电量（万千瓦时）"], ["站点", "能源类型", "2023年1月", "2023年2月"],
            [ZB, "电网", 10_000.5, 20], ["Ulanqab DC", "电网", 353.18, 1.5],
            ["合计", None, 10_353.68, 21.5]]
    path = write_workbook(tmp_path / "t.xlsx", {"用电": rows})
    plan = _plan(path, "用电")
    texts = [r.text() for r in plan.reconciliations]
    assert "row 5 合计 · 2023年1月 10,353.68 万千瓦时 = 103,536,800 kWh imported ✓" in texts
    assert all(r.ok for r in plan.reconciliations) and len(texts) == 2
    import_file(sites, path)
    assert energy_total(sites) == pytest.approx(103_536_800 + 215_000)
    out = gl("--workspace", tmp_path / "w.greenledger", "import", path, "--dry-run")
    assert "total: row 5 合计 · 2023年1月 10,353.68 万千瓦时 = 103,536,800 kWh imported ✓" in out.stdout


def test_a_totals_row_that_does_not_add_up_refuses_naming_its_cell(sites, tmp_path):
    path = write_workbook(tmp_path / "t.xlsx", {"Energy": [
        ENERGY_HEADER, *energy_rows([1, 2], 100_000), ["Total", None, None, None, 210_000, None]]})
    problems = [p for p in refused(sites, path) if p.code == "total_mismatch"]
    assert len(problems) == 1 and problems[0].row == 4
    reason = problems[0].reason
    assert "E4" in reason and "200,000 kWh" in reason and "-10,000" in reason


def test_subtotals_and_a_grand_total_each_reconcile(sites, tmp_path):
    path = write_workbook(tmp_path / "t.xlsx", {"Energy": [
        ENERGY_HEADER, *energy_rows([1, 2], 100), ["Zhangbei DC 小计", None, None, None, 200, None],
        *energy_rows([1, 2], 50, site="Ulanqab DC"), ["Ulanqab DC 小计", None, None, None, 100, None],
        ["总计", None, None, None, 300, None]]})
    plan = _plan(path, "Energy")
    assert [(r.where, r.ok) for r in plan.reconciliations] == [("row 4", True), ("row 7", True),
                                                                ("row 8", True)]
    import_file(sites, path)
    assert energy_total(sites) == 300


def test_a_totals_column_beside_the_months_is_checked_row_by_row(sites, tmp_path):
    rows = [["用电量（MWh）"], ["站点", "能源类型", "2023年1月", "2023年2月", "全年合计"],
            [ZB, "电网", 1, 2, 3], ["Ulanqab DC", "电网", 4, 5, 9]]
    plan = _plan(write_workbook(tmp_path / "ok.xlsx", {"用电": rows}), "用电")
    assert [r.text() for r in plan.reconciliations] == \
        ["column E 全年合计: 2 rows = the sum of their period cells ✓"]
    rows[3][4] = 10
    path = write_workbook(tmp_path / "bad.xlsx", {"用电": rows})
    (p,) = [p for p in refused(sites, path) if p.code == "total_mismatch"]
    assert p.row == 4 and "E4" in p.reason


def test_a_total_over_rows_left_out_as_hidden_is_not_held_against_the_import(sites, tmp_path):
    import openpyxl

    path = write_workbook(tmp_path / "h.xlsx", {"Energy": [
        ENERGY_HEADER, *energy_rows([1, 2, 3], 100), ["Total", None, None, None, 300, None]]})
    wb = openpyxl.load_workbook(path)
    wb["Energy"].row_dimensions[3].hidden = True  # February, left out with --skip-hidden
    wb.save(path)
    import_file(sites, path, ImportOptions(skip_hidden=True))
    assert energy_total(sites) == 200


def test_a_quantity_headed_total_is_no_totals_column():
    from greenledger.core.importing.reconcile import is_total_header

    assert is_total_header("全年合计") and is_total_header("Year total")
    assert not is_total_header("Total CO2e, t") and not is_total_header("Total energy (kWh)")


def test_a_months_import_is_held_against_the_stored_months_of_its_site(sites, tmp_path):
    import_file(sites, write_workbook(tmp_path / "jan-nov.xlsx", {
        "Energy": [ENERGY_HEADER, *energy_rows(range(1, 12), 100_000)]}))
    result = import_file(sites, write_workbook(tmp_path / "dec.xlsx", {
        "Energy": [ENERGY_HEADER, *energy_rows([12], 2_500_000)]}))
    (w,) = [w for w in result.warnings if w.code == "month_outlier"]
    assert w.row == 2 and "25×" in w.reason and "2023-12" in w.reason
    fine = import_file(sites, write_workbook(tmp_path / "dec2.xlsx", {
        "Energy": [ENERGY_HEADER, *energy_rows([12], 120_000)]}))
    assert not [w for w in fine.warnings if w.code == "month_outlier"]


def test_a_packaging_unit_of_tons_is_asked_not_guessed(ws, tmp_path):
    path = write_workbook(tmp_path / "p.xlsx", {"Packaging": [
        PACKAGING_HEADER, ["Ele.me", *month(1), "board", 2, "tons"],
        ["Ele.me", *month(2), "board", 2, "MT"]]})
    (p,) = refused(ws, path)
    assert p.row == 2 and "not one of: g, kg, t" in p.reason


DELIVERY_HEADER = ["Business unit", "Campaign", "Period start", "Period end", "Orders", "Vehicle",
                   "Distance (km)"]


def test_a_row_given_by_campaign_overlaps_rows_given_by_dates(ws, tmp_path):
    """Both count toward the campaign (its rows, and the share of dated rows in its days)."""
    camp = ["Tmall", "6.18 2021", None, None, 1000, "van diesel", 500]
    path = write_workbook(tmp_path / "d.xlsx", {"Campaigns": CAMPAIGNS, "Deliveries": [
        DELIVERY_HEADER, camp,
        ["Tmall", None, date(2021, 6, 1), date(2021, 6, 30), 3000, "van diesel", 1500],
        ["Tmall", None, date(2021, 6, 1), date(2021, 6, 18), 900, "van electric", 450],
        ["Cainiao", None, date(2021, 6, 1), date(2021, 6, 18), 900, "van diesel", 450]]})
    problems = [p for p in refused(ws, path) if p.code == "period_overlap"]
    assert [p.row for p in problems] == [3] and "d.xlsx › Deliveries › row 2" in problems[0].reason
    same_days = write_workbook(tmp_path / "e.xlsx", {"Campaigns": CAMPAIGNS, "Deliveries": [
        DELIVERY_HEADER, camp, ["Tmall", None, date(2021, 6, 1), date(2021, 6, 18), 900,
                                "van diesel", 450]]})
    assert [p.row for p in refused(ws, same_days) if p.code == "period_overlap"] == [3]
    ok = write_workbook(tmp_path / "f.xlsx", {"Campaigns": CAMPAIGNS,
                                              "Deliveries": [DELIVERY_HEADER, camp]})
    import_file(ws, ok)
    again = import_file(ws, ok)
    assert again.unchanged == 3
    later = write_workbook(tmp_path / "g.xlsx", {"Deliveries": [
        DELIVERY_HEADER, ["Tmall", None, date(2021, 6, 10), date(2021, 6, 20), 500, "van diesel", 90]]})
    (p,) = [p for p in refused(ws, later) if p.code == "period_overlap"]
    assert "f.xlsx › Deliveries › row 2" in p.reason


def test_months_under_a_stored_year_that_is_their_total_are_refused_naming_it(sites, tmp_path):
    import_file(sites, write_workbook(tmp_path / "annual.xlsx", {"Energy": [
        ENERGY_HEADER, [ZB, date(2023, 1, 1), date(2023, 12, 31), "grid", 600_000, None]]}))
    monthly = write_workbook(tmp_path / "monthly.xlsx", {
        "Energy": [ENERGY_HEADER, *energy_rows(range(1, 13), 50_000)]})
    problems = refused(sites, monthly)
    assert len(problems) == 12 and {p.code for p in problems} == {"period_overlap_stored_total"}
    assert "annual.xlsx › Energy › row 2" in problems[0].reason


def test_a_total_over_rows_in_their_own_units_is_not_reconciled(sites, tmp_path):
    rows = [["站点", "月份", "能源类型", "用电量", "单位"],
            [ZB, "2023-01", "电网", 100, "kWh"], [ZB, "2023-02", "电网", 2, "MWh"],
            ["合计", None, None, 102, None]]
    import_file(sites, write_workbook(tmp_path / "u.xlsx", {"用电": rows}))
    assert energy_total(sites) == 2_100


def test_a_pivots_nested_subtotals_each_reconcile(sites, tmp_path):
    def sub(label, kwh):
        return [label, None, None, None, kwh, None]

    uq = "Ulanqab DC"
    path = write_workbook(tmp_path / "pivot.xlsx", {"Energy": [
        ENERGY_HEADER, *energy_rows([1, 2], 10), sub("电网 小计", 20),
        *energy_rows([1], 5, source="wind"), sub("风电 小计", 5), sub("Zhangbei DC 小计", 25),
        *energy_rows([1], 7, site=uq), sub("电网 小计", 7),
        *energy_rows([1], 3, site=uq, source="solar"), sub("光伏 小计", 3), sub("Ulanqab DC 小计", 10),
        sub("总计", 35)]})
    plan = _plan(path, "Energy")
    assert len(plan.reconciliations) == 7 and all(r.ok for r in plan.reconciliations)
    import_file(sites, path)
    assert energy_total(sites) == 35


def test_the_window_sees_a_one_meter_correction_before_import(ws, tmp_path):
    """Preflight equals import: the meter check the writer makes is one of check_parsed's, so
    the dialog's problems list (ImportSession.preflight) names it before Import is pressed."""
    from greenledger.core.importing.session import ImportSession
    from tests.core import test_meter_replacement as m

    import_file(ws, m._bill(tmp_path, "bill.xlsx", m.BILL), m.GRID)
    fix = m._bill(tmp_path, "fix.xlsx", [m.HEAD, [m.ZB, "M2", *m.JAN, 66100]], sites=False)
    session = ImportSession.open(fix, m.GRID)
    [p] = session.preflight(ws)
    assert (p.code, p.sheet, p.row) == ("meter_replaces_sum", "Bills", 2)
