"""Make the office-suite test files in tests/data/ (run: `.venv/bin/python tests/data/make_office_files.py`).

Writes `office_source.xlsx` with openpyxl (the template's headers; the Energy sheet with a title
and a blank row above its header, real dates, MWh and Chinese categorical values), then has
LibreOffice (`soffice --headless --convert-to`) save it as `libreoffice.ods`,
`libreoffice.xlsx` and `libreoffice.xls`, so each file is one a real office suite wrote; and
`hidden_source.xlsx` (a wide sheet with a hidden row and a hidden column) as
`libreoffice-hidden.ods` and `libreoffice-hidden.xlsx`.
The expected figures are in tests/core/test_office_files.py, worked out by hand from ROWS below.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

import openpyxl
from openpyxl.styles import Font

HERE = Path(__file__).resolve().parent

SITES = [["Site", "Type", "Grid region", "Country"],
         ["Zhangbei DC", "data center", "North China", "China"],
         ["Ulanqab DC", "data center", "Inner Mongolia", "China"]]
FACTORS = [["Factor", "Region", "Year", "Value", "Unit", "Source"],
           ["grid", "North China", 2021, 0.7, "t CO2/MWh", "test factor"],
           ["grid", "Inner Mongolia", 2021, 0.8, "t CO2/MWh", "test factor"]]
ENERGY_TITLE = "Energy use 2021 (illustrative figures for tests)"
ENERGY = [["Site", "Period start", "Period end", "Source", "Energy (MWh)", "Instrument"],
          ["Zhangbei DC", date(2021, 1, 1), date(2021, 1, 31), "电网", 1000, None],
          ["Zhangbei DC", date(2021, 1, 1), date(2021, 1, 31), "风电", 500, "购电协议"],
          ["Ulanqab DC", date(2021, 2, 1), date(2021, 2, 28), "grid", 250.5, None],
          ["Ulanqab DC", date(2021, 2, 1), date(2021, 2, 28), "solar", 49.5, "on-site"]]


def _with_sites() -> openpyxl.Workbook:
    wb = openpyxl.Workbook()
    sites = wb.active
    sites.title = "Sites"
    for row in SITES:
        sites.append(row)
    return wb


def write_source(path: Path) -> Path:
    wb = _with_sites()
    energy = wb.create_sheet("Energy")
    energy.append([ENERGY_TITLE])
    energy["A1"].font = Font(bold=True, size=14)
    energy.append([])
    for row in ENERGY:
        energy.append(row)
    for row in energy.iter_rows(min_row=4, min_col=2, max_col=3):
        for cell in row:
            cell.number_format = "yyyy-mm-dd"
    factors = wb.create_sheet("Factors")
    for row in FACTORS:
        factors.append(row)
    wb.save(path)
    return path


def convert(source: Path, fmt: str, out: Path) -> Path:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        sys.exit("LibreOffice (soffice) is needed: apt-get install libreoffice-calc-nogui")
    with tempfile.TemporaryDirectory() as tmp:
        profile = Path(tmp) / "profile"
        outdir = Path(tmp) / "out"
        subprocess.run([soffice, f"-env:UserInstallation=file://{profile}", "--headless",
                        "--convert-to", fmt, "--outdir", str(outdir), str(source)],
                       check=True, capture_output=True, timeout=180)
        made = next(outdir.iterdir())
        shutil.move(made, out)
    return out


# A wide sheet as analysts keep them: a title, a 单位 line, 用电量 merged over the months, an
# older row hidden (row 6) and a hidden column of last year's December (C), a note column.
HIDDEN_ROWS = [["2023年一季度用电量"], ["单位：MWh"],
               ["站点", "能源类型", "用电量", None, None, None, "备注"],
               [None, None, "2022年12月", "2023年1月", "2023年2月", "2023年3月", None],
               ["Zhangbei DC", "电网", 90, 100, 110, 120, "账单"],
               ["Zhangbei DC", "电网（旧）", 1, 1, 1, 1, "作废"],
               ["Ulanqab DC", "风电", 40, 50, 60, 70, None]]


def write_hidden_source(path: Path) -> Path:
    wb = _with_sites()
    sheet = wb.create_sheet("用电")
    for row in HIDDEN_ROWS:
        sheet.append(row)
    sheet.merge_cells("C3:F3")
    sheet.row_dimensions[6].hidden = True
    sheet.column_dimensions["C"].hidden = True
    wb.save(path)
    return path


def make_hidden() -> None:
    source = write_hidden_source(HERE / "hidden_source.xlsx")
    for fmt, name in (("ods", "libreoffice-hidden.ods"),
                      ("xlsx:Calc MS Excel 2007 XML", "libreoffice-hidden.xlsx")):
        out = convert(source, fmt, HERE / name)
        print(f"{out.relative_to(HERE.parent.parent)}: {out.stat().st_size:,} bytes")


def main() -> None:
    make_hidden()
    source = write_source(HERE / "office_source.xlsx")
    # filter names as LibreOffice knows them, so the .xls is BIFF8 and the xlsx is OOXML
    for fmt, name in (("ods", "libreoffice.ods"), ("xlsx:Calc MS Excel 2007 XML", "libreoffice.xlsx"),
                      ("xls:MS Excel 97", "libreoffice.xls")):
        out = convert(source, fmt, HERE / name)
        print(f"{out.relative_to(HERE.parent.parent)}: {out.stat().st_size:,} bytes")


if __name__ == "__main__":
    main()
