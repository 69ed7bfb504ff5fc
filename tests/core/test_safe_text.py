"""Exported data stays data (issue 14 §7): sites and business units named like formulas
(=HYPERLINK(…), +…, -…, @…, a tab) go through the template and the real import, and every export
(each chart's XLSX and CSV, the error workbook from an xlsx and from a csv source) is read back: no
formula anywhere, the names as they were in XLSX, and a leading single quote in CSV (OWASP)."""

from __future__ import annotations

import csv
import importlib.util
import re
import zipfile
from pathlib import Path

import openpyxl
import pytest

from greenledger.core.chart_data import Filters
from greenledger.core.chart_files import write_chart_data
from greenledger.core.charts import CHART_NAMES, build_chart, load
from greenledger.core.errors import ImportRefused
from greenledger.core.importing.error_workbook import write_error_workbook
from greenledger.core.importing.importer import import_file
from greenledger.core.safe_text import FORMULA_START, csv_field, formula_like
from greenledger.core.storage import Workspace
from tests.conftest import ENERGY_HEADER

TOOL = Path(__file__).resolve().parents[2] / "tools" / "make_sites_workspace.py"
LINK = '=HYPERLINK("http://example.com","click")'


def _tool():
    spec = importlib.util.spec_from_file_location("make_sites_workspace", TOOL)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _no_formulas(path: Path) -> None:
    """No <f> element (a formula) in any sheet of the xlsx at `path`."""
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            if name.startswith("xl/worksheets/") and name.endswith(".xml"):
                assert not re.search(rb"<f[ >]", z.read(name)), f"{path.name} {name} holds a formula"


@pytest.fixture(scope="module")
def hostile(tmp_path_factory) -> tuple[Path, dict]:
    tool = _tool()
    out = tmp_path_factory.mktemp("hostile") / "hostile.greenledger"
    tool.build(5, out, hostile=True)  # the template workbook must keep them as text to import at all
    _no_formulas(out.with_suffix(".xlsx"))
    with Workspace.open(out) as ws:
        return out, load(ws)


def test_the_helpers():
    for start in FORMULA_START:
        assert formula_like(start + "x") and csv_field(start + "x") == "'" + start + "x"
    assert csv_field("Zhangbei DC") == "Zhangbei DC" and csv_field(-18.0) == -18.0
    assert not formula_like("−18 %")  # U+2212, what the charts write for a minus


def test_formula_like_names_import_as_names(hostile):
    _path, summary = hostile
    names = {s.name for s in build_chart("renewable-share", summary, Filters()).series}
    units = " ".join(build_chart("reductions", summary, Filters()).categories)
    assert '=HYPERLINK("http://example.com","unit")' in units and "@Ele.me" in units
    assert LINK in names and "+Plus DC" in names and "-Minus DC" in names and "@At DC" in names


@pytest.mark.parametrize("name", CHART_NAMES)
def test_every_chart_export_reads_back_as_text(hostile, tmp_path, name):
    _path, summary = hostile
    chart = build_chart(name, summary, Filters())
    header, rows = chart.table()
    texts = [v for v in [*header, *(c for r in rows for c in r)] if isinstance(v, str)]
    xlsx = write_chart_data(chart, tmp_path / f"{name}.xlsx")
    _no_formulas(xlsx)
    got = openpyxl.load_workbook(xlsx).worksheets[0]
    read = [c.value for row in got.iter_rows() for c in row if isinstance(c.value, str)]
    assert read == texts  # the same texts, = and all, as strings
    out = write_chart_data(chart, tmp_path / f"{name}.csv")
    with out.open(encoding="utf-8-sig", newline="") as fh:
        fields = [f for row in csv.reader(fh) for f in row]
    assert not any(f.startswith(FORMULA_START) for f in fields)
    for t in texts:
        assert (("'" + t) if formula_like(t) else t) in fields
    if any(LINK in t for t in texts):
        assert any(f.startswith("'" + LINK) for f in fields)


def _refused(ws: Workspace, path: Path):
    with pytest.raises(ImportRefused) as info:
        import_file(ws, path)
    return info.value.problems


def test_error_workbook_keeps_formula_like_values_as_text(tmp_path, ws):
    rows = [ENERGY_HEADER, [LINK, "2021-01-01", "2021-01-31", "grid", 100, None],
            ["@SUM(A1)", "2021-01-01", "2021-01-31", "grid", "=1+1", None]]
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Energy"
    for r in rows:
        sheet.append(r)
    for row in sheet.iter_rows():
        for c in row:
            if isinstance(c.value, str):
                c.data_type = "s"  # the user's texts, not formulas
    src = tmp_path / "bad.xlsx"
    book.save(src)
    problems = _refused(ws, src)
    assert any(p.value == LINK for p in problems)
    out = write_error_workbook(src, problems, tmp_path / "errors.xlsx")
    _no_formulas(out)
    wb = openpyxl.load_workbook(out)
    assert wb["Energy"]["A2"].value == LINK and wb["Energy"]["E3"].value == "=1+1"
    problems_sheet = [c.value for row in wb.worksheets[0].iter_rows() for c in row]
    assert any(isinstance(v, str) and LINK in v for v in problems_sheet)

    csv_src = tmp_path / "bad.csv"
    with csv_src.open("w", newline="", encoding="utf-8") as fh:
        csv.writer(fh).writerows(rows)
    out = write_error_workbook(csv_src, _refused(ws, csv_src), tmp_path / "errors-csv.xlsx")
    _no_formulas(out)
    got = openpyxl.load_workbook(out)
    values = [c.value for sh in got.worksheets for row in sh.iter_rows() for c in row]
    assert LINK in values and "@SUM(A1)" in values
