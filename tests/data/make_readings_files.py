"""Make the LibreOffice-saved workbooks of tests/core/test_read_office.py (issue 12 §2: layouts
analysts keep, saved by a real office suite). Run: `.venv/bin/python tests/data/make_readings_files.py`.

Each source is written with openpyxl to a temporary folder, then LibreOffice
(`soffice --headless --convert-to`) saves it into tests/data/ as the file named below; the
expected figures are worked out by hand in tests/core/test_read_office.py from the rows here.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import openpyxl

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from make_office_files import SITES, convert  # noqa: E402

ZB, UL = "Zhangbei DC", "Ulanqab DC"

BILLS = [["户号", "电表编号", "站点", "抄表起日", "抄表止日", "本期电量(千瓦时)", "电费(元)"],
         ["3301", "0001", ZB, "2023/01/16", "2023/02/15", 8000, 5000],
         ["3301", "0002", ZB, "2023/01/16", "2023/02/15", 2000, 1200],
         ["3302", "0003", UL, "2023/01/16", "2023/02/15", 4000, 2500],
         ["3302", "0004", UL, "2023/01/16", "2023/02/15", 1000, 600],
         ["3302", "0003", UL, "2023/02/16", "2023/03/15", 6000, 3700]]

UNITS = [["Site", "Month", "Source", "Usage", "Unit", "Remarks"],
         [ZB, "2023-01", "grid", 925411, "kWh", None],
         [ZB, "2023-02", "grid", 1.479, "MWh", None],
         [UL, "2023-01", "grid", 91.28, "万千瓦时", "from the bill"],
         [UL, "2023-02", "grid", 1.2, "GWh", None]]
CELLS = [["站点", "月份", "能源类型", "用电量"],
         [ZB, "2023年3月", "电网", "925,411 kWh"],
         [ZB, "2023年4月", "电网", "12.5万千瓦时"],
         [UL, "2023年3月", "风电", "1,479 MWh"]]

PIVOT = [["站点", "能源类型", "月份", "求和项:用电量(MWh)"],
         [ZB, "电网", "2023年1月", 1.5],
         [None, None, "2023年2月", 2.5],
         [None, "电网 汇总", None, 4],
         [None, "风电", "2023年1月", 0.75],
         [None, "风电 汇总", None, 0.75],
         ["Zhangbei DC 汇总", None, None, 4.75],
         [UL, "电网", "2023年1月", 3],
         ["Ulanqab DC 汇总", None, None, 3],
         ["总计", None, None, 7.75]]

DATES = [["Site", "Period start", "Period end", "Source", "Energy (kWh)"],
         [ZB, "16/01/2023", "15/02/2023", "grid", 1000],
         [ZB, "16/02/2023", "15/03/2023", "grid", 2000],
         [UL, "01/03/2023", "31/03/2023", "wind", 500]]


def _book(sheets: dict[str, list[list]]) -> openpyxl.Workbook:
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for name, rows in sheets.items():
        ws = wb.create_sheet(name)
        for row in rows:
            ws.append(row)
    return wb


FILES = {
    "readings-bills.ods": {"站点": SITES, "电费清单": BILLS},
    "readings-units.xlsx": {"Sites": SITES, "Energy": UNITS, "用电": CELLS},
    "readings-pivot.ods": {"站点": SITES, "数据透视": PIVOT},
    "readings-dates.xlsx": {"Sites": SITES, "Energy": DATES},
}


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        for name, sheets in FILES.items():
            source = Path(tmp) / (Path(name).stem + "-source.xlsx")
            _book(sheets).save(source)
            fmt = {"ods": "ods", "xlsx": "xlsx:Calc MS Excel 2007 XML"}[Path(name).suffix[1:]]
            out = convert(source, fmt, HERE / name)
            print("wrote", out)


if __name__ == "__main__":
    main()
