"""Files real office suites wrote (tests/data/, made by tests/data/make_office_files.py with
LibreOffice), and CSV as Excel and WPS save it (GBK, semicolons, BOM, tabs), imported into a
workspace and compared with figures worked out by hand."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from greenledger.core.accounting import summarize
from greenledger.core.fields import Kind
from greenledger.core.importing import engine
from greenledger.core.importing.importer import import_file
from greenledger.core.importing.reader import read_csv
from tests.conftest import write_workbook

DATA = Path(__file__).resolve().parents[1] / "data"
ENGINES = {"template": import_file, "assistant": engine.import_file}

# By hand, from tests/data/make_office_files.py (the workbook's own 2021 grid factors:
# North China 0.7, Inner Mongolia 0.8 t CO2/MWh; no residual factor for either region):
#   Zhangbei DC: grid 1000 MWh, wind (PPA) 500 MWh
#     location-based = (1000 + 500) × 0.7 = 1050 t   (contract renewables are grid-delivered)
#     market-based   = 1000 × 0.7 = 700 t            (the PPA counts 0)
#     avoided        = 500 × 0.7 = 350 t; renewable share 500 / 1500 = 33.33 %
#   Ulanqab DC: grid 250.5 MWh, solar (on-site) 49.5 MWh
#     location = market = 250.5 × 0.8 = 200.4 t; avoided = 49.5 × 0.8 = 39.6 t; share 16.5 %
EXPECTED = {
    "Zhangbei DC": dict(total_kwh=1_500_000, renewable_kwh=500_000, location_based_t=1050,
                        market_based_t=700, avoided_t=350, renewable_share_pct=100 / 3),
    "Ulanqab DC": dict(total_kwh=300_000, renewable_kwh=49_500, location_based_t=200.4,
                       market_based_t=200.4, avoided_t=39.6, renewable_share_pct=16.5),
}


def check_figures(ws) -> None:
    years = {y["site"]: y for y in summarize(ws)["site_years"]}
    assert set(years) == set(EXPECTED)
    for site, figures in EXPECTED.items():
        assert years[site]["year"] == 2021
        for key, value in figures.items():
            assert years[site][key] == pytest.approx(value, rel=1e-9), (site, key)


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("name", ["libreoffice.ods", "libreoffice.xlsx", "libreoffice.xls"])
def test_libreoffice_files_import_with_hand_computed_figures(ws, name, engine):
    path = DATA / name
    result = ENGINES[engine](ws, path)
    assert result.inserted == 2 + 4 + 2  # sites, energy rows, factors
    check_figures(ws)
    rows = ws.rows(Kind.ENERGY)
    wind = next(r for r in rows if r["source"] == "wind")
    assert wind["instrument"] == "PPA" and wind["period_end"] == "2021-01-31"
    # the Energy sheet has a title and a blank row above its header: data starts at row 4
    assert sorted(r["source_row"] for r in rows) == [4, 5, 6, 7]
    assert {r["source_sheet"] for r in rows} == {"Energy"}
    assert ws.batches()[0]["file_name"] == name


def test_the_files_are_what_libreoffice_wrote():
    """Guards against the generator silently falling back to copies of openpyxl's file."""
    import zipfile

    with zipfile.ZipFile(DATA / "libreoffice.xlsx") as z:
        assert b"LibreOffice" in z.read("docProps/app.xml")
    with zipfile.ZipFile(DATA / "libreoffice.ods") as z:
        assert z.read("mimetype") == b"application/vnd.oasis.opendocument.spreadsheet"
        assert b"LibreOffice" in z.read("meta.xml")
    assert (DATA / "libreoffice.xls").read_bytes()[:8] == bytes.fromhex("D0CF11E0A1B11AE1")


def _energy_csv(path: Path, text: str, encoding: str) -> Path:
    path.write_bytes(text.encode(encoding))
    return path


CSV_ENERGY = [
    ["站点", "开始日期", "结束日期", "能源类型", "用电量（万千瓦时）", "采购方式"],
    ["Zhangbei DC", "2021/1/1", "2021年1月31日", "电网", "100", ""],
    ["Zhangbei DC", "2021/1/1", "2021年1月31日", "风电", "50", "购电协议"],
    ["Ulanqab DC", "2021-02-01", "2021-02-28", "电网", "25.05", ""],
    ["Ulanqab DC", "2021-02-01", "2021-02-28", "光伏", "4.95", "自发自用"],
]


def _with_sites_and_factors(ws, tmp_path: Path) -> None:
    import sys

    sys.path.insert(0, str(DATA))
    try:
        from make_office_files import FACTORS, SITES
    finally:
        sys.path.remove(str(DATA))
    import_file(ws, write_workbook(tmp_path / "ref.xlsx", {"Sites": SITES, "Factors": FACTORS}))


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("encoding,delimiter,bom", [
    ("gbk", ",", False), ("gbk", ";", False), ("gb18030", "\t", False),
    ("utf-8", ";", True), ("utf-8", ",", False)])
def test_csv_with_chinese_headers_in_any_encoding_and_delimiter(ws, tmp_path, engine, encoding,
                                                                delimiter, bom):
    _with_sites_and_factors(ws, tmp_path)
    text = "\r\n".join(delimiter.join(row) for row in CSV_ENERGY) + "\r\n"
    if bom:
        text = "\ufeff" + text
    path = _energy_csv(tmp_path / "用电.csv", text, encoding)
    assert read_csv(path)[0] == CSV_ENERGY[0]
    ENGINES[engine](ws, path)  # 万千瓦时 = 10 MWh: the same energy as the office files
    check_figures(ws)
    rows = ws.rows(Kind.ENERGY)
    assert {r["source_sheet"] for r in rows} == {"用电"}
    assert sorted(r["source_row"] for r in rows) == [2, 3, 4, 5]


def test_csv_delimiter_is_the_one_that_splits_lines_alike(tmp_path):
    # a semicolon CSV whose numbers use decimal commas: commas appear, but not evenly
    path = tmp_path / "eu.csv"
    path.write_text("Site;Energy (kWh)\nA;1,5\nB;2\nC;3,25\n", encoding="utf-8")
    assert read_csv(path) == [["Site", "Energy (kWh)"], ["A", "1,5"], ["B", "2"], ["C", "3,25"]]
    one_column = tmp_path / "one.csv"
    one_column.write_text("Site\nA\nB\n", encoding="utf-8")
    assert read_csv(one_column) == [["Site"], ["A"], ["B"]]


def test_csv_written_by_excel_as_unicode_text_is_read(tmp_path):
    path = tmp_path / "unicode.txt"
    path.write_bytes("Site\tEnergy (kWh)\r\n站点一\t5\r\n".encode("utf-16"))
    assert read_csv(path) == [["Site", "Energy (kWh)"], ["站点一", "5"]]


def test_xlsx_from_openpyxl_and_libreoffice_agree(ws, tmp_path):
    """The openpyxl source and LibreOffice's re-save hold the same cells (dates stay dates)."""
    from greenledger.core.importing.reader import read_sheets

    for name in ("libreoffice.xlsx", "libreoffice.ods", "libreoffice.xls"):
        sheets = {s.name: s.rows for s in read_sheets(DATA / name)}
        source = {s.name: s.rows for s in read_sheets(DATA / "office_source.xlsx")}
        assert sheets.keys() == source.keys()
        energy = sheets["Energy"]
        assert energy[3][1] == date(2021, 1, 1) and energy[3][4] == 1000
        for sheet in source:
            assert [[c for c in r if c != ""] for r in sheets[sheet] if any(c != "" for c in r)] \
                == [[c for c in r if c != ""] for r in source[sheet] if any(c != "" for c in r)]
