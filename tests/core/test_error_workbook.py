"""The error workbook: the user's sheets with exactly the bad cells filled and commented, their
formatting kept (xlsx/xlsm), values copied for xls/ods/csv, every problem on a Problems sheet."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from openpyxl.comments import Comment
from openpyxl.styles import Font

from greenledger.core.errors import ImportRefused, Problem
from greenledger.core.importing import engine
from greenledger.core.importing.error_workbook import BAD_FILL, cell_of, write_error_workbook
from greenledger.core.importing.importer import import_file
from tests.conftest import ENERGY_HEADER, SITES, snapshot

BAD = BAD_FILL.start_color.rgb


def refusal(ws, path: Path, engine=import_file) -> list[Problem]:
    before = snapshot(ws)
    with pytest.raises(ImportRefused) as info:
        engine(ws, path)
    assert snapshot(ws) == before
    return info.value.problems


def marked(ws) -> dict[str, str]:
    """Coordinate -> comment text of every cell with the error fill."""
    out = {}
    for row in ws.iter_rows():
        for cell in row:
            if cell.fill is not None and cell.fill.fill_type == "solid" and \
                    cell.fill.start_color.rgb == BAD:
                out[cell.coordinate] = cell.comment.text if cell.comment else ""
    return out


def problems_sheet(wb) -> list[tuple]:
    ws = wb["Problems"]
    assert wb.sheetnames[0] == "Problems"
    rows = list(ws.iter_rows(values_only=True))
    assert rows[0][:5] == ("Sheet", "Row", "Column", "Value", "Problem")
    return rows[1:]


def test_xlsx_copy_keeps_formatting_and_marks_exactly_the_bad_cells(ws, tmp_path):
    src = tmp_path / "energy.xlsx"
    wb = openpyxl.Workbook()
    sites = wb.active
    sites.title = "Sites"
    for r in SITES:
        sites.append(r)
    energy = wb.create_sheet("Energy")
    energy.append(ENERGY_HEADER)
    energy.append(["Zhangbei DC", date(2021, 1, 1), date(2021, 1, 31), "grid", 1000, None])
    energy.append(["Zhangbei DC", date(2021, 2, 1), date(2021, 2, 28), "grid", "lots", None])
    energy.append(["Nowhere DC", date(2021, 3, 1), date(2021, 3, 31), "grid", -5, None])
    for cell in energy[1]:
        cell.font = Font(bold=True)
    energy.column_dimensions["A"].width = 31
    energy["E2"].number_format = "#,##0"
    energy["E3"].comment = Comment("meter broken in February", "Li Wei")
    wb.save(src)

    problems = refusal(ws, src)
    out = write_error_workbook(src, problems, tmp_path / "errors.xlsx")
    got = openpyxl.load_workbook(out)
    e = got["Energy"]
    marks = marked(e)
    assert set(marks) == {"E3", "A4", "E4"}
    assert marks["E3"].startswith("GreenLedger: not a number (was 'lots')")
    assert "meter broken in February" in marks["E3"]  # their own comment kept
    assert "unknown site" in marks["A4"] and "(was 'Nowhere DC')" in marks["A4"]
    assert "negative" in marks["E4"] and "(was -5)" in marks["E4"]
    assert marked(got["Sites"]) == {}
    # their formatting and values are as they were
    assert e["A1"].font.bold and e.column_dimensions["A"].width == 31
    assert e["E2"].number_format == "#,##0" and e["E3"].value == "lots"
    listed = problems_sheet(got)
    assert len(listed) == len(problems) == 3
    assert {(r[0], r[1], r[2]) for r in listed} == {
        ("Energy", 3, "Energy (kWh) [E]"), ("Energy", 4, "Site [A]"),
        ("Energy", 4, "Energy (kWh) [E]")}
    link = got["Problems"].cell(row=2, column=3).hyperlink
    assert link is not None and link.location == "'Energy'!E3"  # problems in sheet order


def test_sheet_level_problems_go_to_the_problems_sheet_only(tmp_path, workbook):
    src = workbook({"Energy": [ENERGY_HEADER,
                               ["Zhangbei DC", date(2021, 1, 1), date(2021, 1, 31), "grid", 1, None]]})
    problems = [Problem("book.xlsx", "several sheets hold energy rows", code="duplicate_kind"),
                Problem("book.xlsx", "a totals row", "Energy", 2),
                Problem("book.xlsx", "not a number", "Energy", 2, "Energy (kWh) [E]", "x")]
    got = openpyxl.load_workbook(write_error_workbook(src, problems, tmp_path / "out.xlsx"))
    assert set(marked(got["Energy"])) == {"E2"}
    assert [r[4] for r in problems_sheet(got)] == [p.reason for p in problems]


def test_a_wide_sheets_period_column_is_marked(ws, tmp_path, workbook):
    src = workbook({"Sites": SITES, "用电": [
        ["单位：千瓦时"],
        ["站点", "能源类型", "2023年1月", "2023年2月", "2023年3月"],
        ["Zhangbei DC", "电网", 10, 12, "lots"],
        ["Ulanqab DC", "风电", 5, "abc", 7]]}, name="wide.xlsx")
    problems = refusal(ws, src, engine.import_file)
    assert {cell_of(p) for p in problems} == {(3, 5), (4, 4)}
    got = openpyxl.load_workbook(write_error_workbook(src, problems, tmp_path / "out.xlsx"))
    assert set(marked(got["用电"])) == {"E3", "D4"}


def test_csv_in_gbk_with_semicolons_becomes_an_xlsx_of_its_values(ws, tmp_path):
    src = tmp_path / "能耗.csv"
    src.write_bytes("站点;开始日期;结束日期;能源类型;用电量（千瓦时）\n"
                    "Zhangbei DC;2021-01-01;2021-01-31;电网;1,000\n"
                    "Zhangbei DC;2021-02-01;2021-02-28;电网;很多\n".encode("gbk"))
    import_file(ws, _sites(tmp_path))
    problems = refusal(ws, src, engine.import_file)
    assert [str(p) for p in problems] == [
        "能耗.csv › 能耗 › row 3 › 用电量（千瓦时） [E]: '很多' — not a number"]
    got = openpyxl.load_workbook(write_error_workbook(src, problems, tmp_path / "errors.xlsx"))
    sheet = got["能耗"]
    assert marked(sheet) == {"E3": "GreenLedger: not a number (was '很多')"}
    assert sheet["A1"].value == "站点" and sheet["E2"].value == "1,000"
    assert len(problems_sheet(got)) == 1


def _sites(tmp_path: Path) -> Path:
    from tests.conftest import write_workbook

    return write_workbook(tmp_path / "sites.xlsx", {"Sites": SITES})


def test_ods_and_csv_text_that_looks_like_a_formula_stays_text(tmp_path):
    from tests.core.test_reader_safety import _ods, _ods_row

    src = _ods(tmp_path / "sites.ods", _ods_row("Site", "Grid region") +
               _ods_row("=cmd|' /C calc'!A0", "North China") + _ods_row("Ulanqab DC", 7),
               name="Sites")
    problems = [Problem("sites.ods", "not a region", "Sites", 3, "Grid region [B]", 7.0)]
    got = openpyxl.load_workbook(write_error_workbook(src, problems, tmp_path / "out.xlsx"))
    sheet = got["Sites"]
    assert sheet["A2"].value == "=cmd|' /C calc'!A0" and sheet["A2"].data_type == "s"
    assert sheet["B3"].value == 7 and marked(sheet) == {"B3": "GreenLedger: not a region (was 7)"}


def _xlsm(src_xlsx: Path, dst: Path) -> Path:
    """An .xlsm: the xlsx's parts plus a vbaProject.bin and its content type."""
    with zipfile.ZipFile(src_xlsx) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "[Content_Types].xml":
                data = data.replace(
                    b"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
                    b"application/vnd.ms-excel.sheet.macroEnabled.main+xml").replace(
                    b"</Types>", b'<Default Extension="bin" ContentType="application/vnd.ms-'
                    b'office.vbaProject"/></Types>')
            if item.filename == "xl/_rels/workbook.xml.rels":
                data = data.replace(b"</Relationships>", b'<Relationship Id="rIdVba" Type="http'
                                    b'://schemas.microsoft.com/office/2006/relationships/'
                                    b'vbaProject" Target="vbaProject.bin"/></Relationships>')
            zout.writestr(item, data)
        zout.writestr("xl/vbaProject.bin", b"VBA macros " * 10)
    return dst


def test_xlsm_keeps_its_macros_when_written_as_xlsm(tmp_path, workbook):
    src = _xlsm(workbook({"Sites": SITES}), tmp_path / "sites.xlsm")
    problems = [Problem("sites.xlsm", "no grid factor", "Sites", 2, "Grid region [C]", "X")]
    as_xlsm = write_error_workbook(src, problems, tmp_path / "errors.xlsm")
    with zipfile.ZipFile(as_xlsm) as z:
        assert z.read("xl/vbaProject.bin") == b"VBA macros " * 10
    as_xlsx = write_error_workbook(src, problems, tmp_path / "errors.xlsx")
    with zipfile.ZipFile(as_xlsx) as z:
        assert "xl/vbaProject.bin" not in z.namelist()  # Excel refuses macros in an .xlsx
    for out in (as_xlsm, as_xlsx):
        assert set(marked(openpyxl.load_workbook(out)["Sites"])) == {"C2"}


def test_an_unreadable_source_gets_the_problems_sheet_only(ws, tmp_path):
    from tests.core.test_reader_safety import cells, cfb, package

    for src in (package(tmp_path / "sparse.xlsx", cells("A1", "ZZ1048576")),
                cfb(tmp_path / "secret.xlsx", ["EncryptionInfo", "EncryptedPackage"])):
        problems = refusal(ws, src)
        got = openpyxl.load_workbook(write_error_workbook(src, problems, tmp_path / "out.xlsx"))
        assert got.sheetnames == ["Problems"]
        assert [r[5] for r in problems_sheet(got)] == [str(p) for p in problems]


def test_the_error_workbook_never_replaces_its_source(tmp_path, workbook):
    src = workbook({"Sites": SITES})
    with pytest.raises(ValueError):
        write_error_workbook(src, [], src)


def test_command_line_errors_flag(tmp_path, workbook):
    w = tmp_path / "w.greenledger"
    bad = workbook({"Sites": SITES, "Energy": [
        ENERGY_HEADER, ["Zhangbei DC", date(2021, 1, 1), date(2021, 1, 31), "grid", "lots", None]]},
        name="bad.xlsx")
    out = tmp_path / "fix me.xlsx"

    def run(*args):
        return subprocess.run([sys.executable, "-m", "greenledger.gui.cli", "--workspace", w, "import",
                               *args], capture_output=True, text=True)

    proc = run(bad, "--errors", out)
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    assert "bad.xlsx › Energy › row 2 › Energy (kWh) [E]: 'lots' — not a number" in proc.stderr
    assert f"wrote {out}: 1 bad cell(s) highlighted" in proc.stderr
    assert set(marked(openpyxl.load_workbook(out)["Energy"])) == {"E2"}
    same = run(bad, "--errors", bad)
    assert same.returncode == 2 and "not the one imported" in same.stderr
    good = workbook({"Sites": SITES}, name="good.xlsx")
    out.unlink()
    assert run(good, "--errors", out).returncode == 0 and not out.exists()


def test_the_error_workbook_and_the_dry_run_speak_chinese(tmp_path):
    """--lang zh: the Problems sheet (its name, headers, reasons and full messages), the cells'
    comments and the --dry-run report are in Chinese (issue 14 §6)."""
    import subprocess
    import sys

    import openpyxl

    src = tmp_path / "bad.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Energy"
    ws.append(["Site", "Period start", "Period end", "Source", "Energy (kWh)"])
    ws.append(["Nowhere DC", "2023-01-01", "2023-01-31", "grid", "lots"])
    wb.save(src)
    out, w = tmp_path / "marked.xlsx", tmp_path / "w.greenledger"

    def run(*args):
        return subprocess.run([sys.executable, "-m", "greenledger.gui.cli", "--lang", "zh", "--workspace",
                               str(w), "import", str(src), *args], capture_output=True, text=True)

    dry = run("--dry-run")
    assert dry.returncode == 1
    assert "布局：表头在第 1 行" in dry.stdout and "问题数：2" in dry.stdout and "columns:" not in dry.stdout
    assert not w.exists()  # a dry run writes nothing, not even the workspace file
    proc = run("--errors", str(out))
    assert proc.returncode == 1 and "已写入" in proc.stderr
    got = openpyxl.load_workbook(out)
    assert got.sheetnames[0] == "问题"
    sheet = got["问题"]
    assert [c.value for c in sheet[1]] == ["工作表", "行", "列", "值", "问题", "完整信息"]
    reasons = {sheet.cell(row=r, column=5).value for r in (2, 3)}
    assert reasons == {"不是数字", "未知站点：工作区和 Sites 工作表中都没有"}
    assert all("第 2 行" in sheet.cell(row=r, column=6).value for r in (2, 3))
    assert got["Energy"]["E2"].comment.text == "GreenLedger: 不是数字（原值 'lots'）"
