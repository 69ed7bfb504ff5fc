"""Import of the template: conversions, idempotent re-import, and every refusal (nothing written)."""

from datetime import date, datetime

import pytest

from greenledger.core.errors import ImportRefused
from greenledger.core.importing.importer import import_file
from tests.conftest import CAMPAIGNS, ENERGY_HEADER, SITES, snapshot


def energy_rows(ws):
    return ws.rows(__import__("greenledger.core.fields", fromlist=["Kind"]).Kind.ENERGY)


def refused(ws, path, **kw) -> list:
    before = snapshot(ws)
    with pytest.raises(ImportRefused) as info:
        import_file(ws, path, **kw)
    assert snapshot(ws) == before, "a refused import must change nothing"
    return info.value.problems


def test_units_in_headers_convert_and_provenance_is_kept(ws, workbook):
    path = workbook({"Sites": SITES, "Energy": [
        ["Site", "Period start", "Period end", "Source", "用电量（万千瓦时）", "Instrument"],
        ["Zhangbei DC", "2021/6/1", "2021年6月30日", "风电", "1,200", "绿电交易"],
        ["Zhangbei DC", datetime(2021, 6, 1), date(2021, 6, 30), "Grid", 3, None]]})
    result = import_file(ws, path)
    rows = energy_rows(ws)
    wind = next(r for r in rows if r["source"] == "wind")
    assert wind["energy"] == 12_000_000 and wind["instrument"] == "green power trade"
    assert wind["period_start"] == "2021-06-01" and wind["period_end"] == "2021-06-30"
    assert (wind["source_sheet"], wind["source_row"]) == ("Energy", 2)
    assert wind["batch_id"] == result.batch_id
    batch = ws.batches()[0]
    assert batch["file_name"] == "book.xlsx" and len(batch["sha256"]) == 64
    assert batch["row_count"] == 4


@pytest.mark.parametrize("unit,kwh", [("MWh", 2_000), ("GWh", 2_000_000), ("亿千瓦时", 200_000_000),
                                      ("kWh", 2)])
def test_energy_units(ws, workbook, unit, kwh):
    import_file(ws, workbook({"Sites": SITES, "Energy": [
        ["Site", "Period start", "Period end", "Source", f"Energy ({unit})"],
        ["Ulanqab DC", date(2021, 1, 1), date(2021, 1, 31), "grid", 2]]}))
    assert energy_rows(ws)[0]["energy"] == pytest.approx(kwh)


def test_reimport_does_not_duplicate_and_updates_changed_values(ws, workbook, tmp_path):
    sheets = {"Sites": SITES, "Energy": [ENERGY_HEADER,
              ["Zhangbei DC", date(2021, 1, 1), date(2021, 1, 31), "grid", 100, None],
              ["Zhangbei DC", date(2021, 1, 1), date(2021, 1, 31), "wind", 50, "PPA"]]}
    first = import_file(ws, workbook(sheets))
    assert first.inserted == 4
    again = import_file(ws, workbook(sheets, name="copy.xlsx"))
    assert (again.inserted, again.updated, again.unchanged) == (0, 0, 4)
    assert again.batch_id is None and len(ws.batches()) == 1
    sheets["Energy"][1][4] = 120
    fixed = import_file(ws, workbook(sheets, name="fixed.xlsx"))
    assert (fixed.inserted, fixed.updated, fixed.unchanged) == (0, 1, 3)
    rows = energy_rows(ws)
    assert len(rows) == 2
    assert next(r for r in rows if r["source"] == "grid")["energy"] == 120


def test_energy_only_workbook_imports_into_workspace_with_its_sites(ws, workbook):
    import_file(ws, workbook({"Sites": SITES}, name="sites.xlsx"))
    import_file(ws, workbook({"Energy": [ENERGY_HEADER,
                                         ["Ulanqab DC", date(2021, 5, 1), date(2021, 5, 31), "solar", 9,
                                          "on-site"]]}, name="energy.xlsx"))
    assert energy_rows(ws)[0]["site"] == "Ulanqab DC"


def test_only_the_named_sheet(ws, workbook):
    path = workbook({"Sites": SITES, "Campaigns": CAMPAIGNS})
    import_file(ws, path, sheet="Campaigns")
    assert ws.counts()["campaigns"] == 2 and ws.counts()["sites"] == 0


def test_csv_file_imports(ws, tmp_path):
    import_file(ws, _write(tmp_path / "sites.csv", "Site;Type;Grid region\nA;office;East China\n"))
    p = _write(tmp_path / "energy.csv", "Site,Period start,Period end,Source,Energy (MWh)\n"
               'A,2023-01-01,2023-01-31,grid,"1,234.5"\n', encoding="gb18030")
    import_file(ws, p)
    assert energy_rows(ws)[0]["energy"] == pytest.approx(1_234_500)


def _write(path, text, encoding="utf-8"):
    path.write_bytes(text.encode(encoding))
    return path


def test_every_bad_cell_is_reported_with_file_sheet_row_column_value(ws, workbook):
    path = workbook({"Sites": SITES, "Energy": [ENERGY_HEADER,
        ["Zhangbei DC", date(2021, 1, 1), date(2021, 1, 31), "grid", -5, None],
        ["Nowhere DC", date(2021, 1, 1), date(2021, 1, 31), "grid", 5, None],
        ["Zhangbei DC", date(2021, 2, 1), date(2021, 1, 31), "grid", 5, None],
        ["Zhangbei DC", date(2021, 3, 1), date(2021, 3, 31), "coal", 5, None],
        ["Zhangbei DC", date(2021, 3, 1), date(2021, 3, 31), "wind", 5, "barter"],
        ["Zhangbei DC", date(2021, 4, 1), date(2021, 4, 30), "grid", "lots", None],
        ["Zhangbei DC", date(2021, 5, 1), date(2021, 5, 31), "grid", "1e999", None],
        ["Zhangbei DC", date(2021, 6, 1), date(2021, 6, 30), "grid", 1e15, None],
        ["Zhangbei DC", date(2021, 7, 1), date(2021, 7, 31), "grid", 5, "PPA"],
        ["Zhangbei DC", "yesterday", date(2021, 7, 31), "wind", 5, None],
        ["Zhangbei DC", date(2021, 8, 1), date(2021, 8, 31), "grid", None, None]]})
    problems = refused(ws, path)
    text = [str(p) for p in problems]
    expect = [
        ("row 2", "Energy (kWh) [E]", "negative"),
        ("row 3", "Site [A]", "unknown site"),
        ("row 4", "Period end [C]", "ends before it starts"),
        ("row 5", "Source [D]", "not one of"),
        ("row 6", "Instrument [F]", "not one of"),
        ("row 7", "Energy (kWh) [E]", "not a number"),
        ("row 8", "Energy (kWh) [E]", "not a finite number"),
        ("row 9", "Energy (kWh) [E]", "absurdly large"),
        ("row 10", "Instrument [F]", "no instrument"),
        ("row 11", "Period start [B]", "not a date"),
        ("row 12", "Energy (kWh) [E]", "required value missing"),
    ]
    for row, column, reason in expect:
        assert any(f"book.xlsx › Energy › {row} › {column}:" in t and reason in t for t in text), \
            (row, column, reason, text)
    assert len(problems) == len(expect)


def test_a_grid_region_without_a_factor_yet_is_stored_with_a_warning_naming_it(ws, workbook):
    """Order does not matter (issue 12): the region's factor may come on a later import."""
    result = import_file(ws, workbook({"Sites": [SITES[0], ["X", "office", "Atlantis", "?"]]}))
    (w,) = result.warnings
    assert "Grid region [C]: 'Atlantis'" in str(w) and "no grid factor" in str(w)
    assert ws.counts()["sites"] == 1


def test_region_defined_on_the_workbooks_factors_sheet_is_accepted(ws, workbook):
    import_file(ws, workbook({
        "Sites": [SITES[0], ["Lagos office", "office", "Nigeria", "Nigeria"]],
        "Factors": [["Factor", "Region", "Year", "Value", "Unit", "Source"],
                    ["grid", "Nigeria", 2023, 0.41, "kg CO2/kWh", "own estimate"]]}))
    assert ws.counts()["sites"] == 1 and ws.counts()["factors"] == 1


def test_campaign_references_and_order(ws, workbook):
    path = workbook({"Campaigns": [CAMPAIGNS[0],
                                   ["A", date(2021, 6, 18), date(2021, 6, 1), None],
                                   ["B", date(2021, 6, 1), date(2021, 6, 18), "Nope"]],
                     "Deliveries": [["Business unit", "Campaign", "Period start", "Period end", "Orders",
                                     "Vehicle", "Distance (km)", "Emissions (t CO2e)"],
                                    ["Tmall", "Ghost", None, None, 10, None, None, 1],
                                    ["Tmall", None, None, None, 10, None, None, 1],
                                    ["Tmall", "A", None, None, 10, None, None, None]]})
    text = " | ".join(str(p) for p in refused(ws, path))
    assert "Campaigns › row 2 › End [C]" in text and "ends before it starts" in text
    assert "Campaigns › row 3 › Baseline [D]: 'Nope' — unknown baseline" in text
    assert "Deliveries › row 2 › Campaign [B]: 'Ghost' — unknown campaign" in text
    assert "Deliveries › row 3 › Period start [C]" in text
    assert "Deliveries › row 4 › Emissions (t CO2e) [H]" in text


def test_duplicate_rows_within_a_file_are_refused(ws, workbook):
    row = ["Zhangbei DC", date(2021, 1, 1), date(2021, 1, 31), "grid", 5, None]
    problems = refused(ws, workbook({"Sites": SITES, "Energy": [ENERGY_HEADER, row, list(row)]}))
    assert len(problems) == 1 and "as row 2" in str(problems[0])


def test_formula_without_saved_value_is_refused_by_name(ws, workbook):
    path = workbook({"Sites": SITES, "Energy": [ENERGY_HEADER,
                     ["Zhangbei DC", date(2021, 1, 1), date(2021, 1, 31), "grid", "=1+1", None]]})
    problems = refused(ws, path)
    assert "Energy (kWh) [E]" in str(problems[0]) and "formula =1+1 has no saved value" in str(problems[0])


def test_not_a_workbook_damaged_and_missing_files(ws, tmp_path, workbook):
    fake = tmp_path / "notes.xlsx"
    fake.write_text("this is not a workbook")
    assert "not a workbook" in str(refused(ws, fake)[0])
    good = workbook({"Sites": SITES})
    damaged = tmp_path / "damaged.xlsx"
    damaged.write_bytes(good.read_bytes()[: len(good.read_bytes()) // 2])
    assert "damaged" in str(refused(ws, damaged)[0])
    assert "no such file" in str(refused(ws, tmp_path / "missing.xlsx")[0])
    empty = tmp_path / "empty.xlsx"
    empty.write_bytes(b"")
    assert "empty" in str(refused(ws, empty)[0])


def test_encrypted_workbook_is_refused_with_advice(ws, tmp_path):
    enc = tmp_path / "secret.xlsx"
    enc.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 1024)
    assert "password-protected" in str(refused(ws, enc)[0])


def test_workbook_without_template_sheets(ws, workbook):
    problems = refused(ws, workbook({"Notes": [["hello"], ["world"]]}))
    assert "template's headers" in str(problems[0])


def test_unknown_unit_in_header(ws, workbook):
    problems = refused(ws, workbook({"Sites": SITES, "Energy": [
        ["Site", "Period start", "Period end", "Source", "Energy (barrels)"],
        ["Zhangbei DC", date(2021, 1, 1), date(2021, 1, 31), "grid", 5]]}))
    assert "Energy (barrels) [E]" in str(problems[0]) and "barrels" in str(problems[0])


def test_reduction_disagreeing_with_activity_times_factor_warns(ws, workbook):
    result = import_file(ws, workbook({"Initiatives": [
        ["Initiative", "Business unit", "Campaign", "Activity", "Activity unit",
         "Factor (kg CO2e per unit)", "Reduction (t CO2e)"],
        ["No cutlery", "Ele.me", None, 20_000_000, "order", 0.02, 500]]}))
    assert any("disagrees" in str(w) for w in result.warnings)


def test_dry_run_writes_nothing(ws, workbook):
    before = snapshot(ws)
    result = import_file(ws, workbook({"Sites": SITES}), dry_run=True)
    assert result.inserted == 2 and snapshot(ws) == before


def test_totals_row_and_percent_formatted_cells(ws, workbook, tmp_path):
    import openpyxl

    path = workbook({"Campaigns": CAMPAIGNS, "Packaging": [
        ["Business unit", "Campaign", "Period start", "Period end", "Material", "Quantity", "Unit",
         "Recycled content (%)"],
        ["Cainiao", "6.18 2021", None, None, "board", 850, "t", 0.3],
        ["Total", None, None, None, None, 850, None, None]]})
    wb = openpyxl.load_workbook(path)
    wb["Packaging"]["H2"].number_format = "0%"
    wb.save(path)
    result = import_file(ws, path)
    rows = ws.rows(__import__("greenledger.core.fields", fromlist=["Kind"]).Kind.PACKAGING)
    assert len(rows) == 1 and rows[0]["recycled_content"] == pytest.approx(30)
    assert rows[0]["quantity"] == 850_000
    assert any("totals row" in str(w) for w in result.warnings)


def test_a_crash_mid_import_leaves_the_workspace_as_it_was(ws, workbook, tmp_path):
    """The process dies after rows were inserted but before the commit: nothing remains."""
    import subprocess
    import sys

    import_file(ws, workbook({"Sites": SITES}, name="sites.xlsx"))
    before = snapshot(ws)
    ws.close()
    path = workbook({"Energy": [ENERGY_HEADER] + [
        ["Zhangbei DC", date(2021, 1, 1), date(2021, 1, 31), "grid", i + 1, None] for i in range(1)] + [
        ["Zhangbei DC", date(2021, m, 1), date(2021, m, 28), "wind", 5, None] for m in range(2, 13)]},
        name="energy.xlsx")
    code = f"""
import os
from greenledger.core.storage import Workspace
from greenledger.core.importing import importer
real = Workspace.upsert_rows
def crash(self, *a, **k):
    real(self, *a, **k)
    os._exit(9)   # die inside the transaction, after the sheet's rows are written
Workspace.upsert_rows = crash
ws = Workspace.open({str(tmp_path / 'test.greenledger')!r})
importer.import_file(ws, {str(path)!r})
"""
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert proc.returncode == 9, proc.stderr
    from greenledger.core.storage import Workspace

    with Workspace.open(tmp_path / "test.greenledger") as again:
        assert snapshot(again) == before
