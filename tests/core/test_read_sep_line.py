"""Excel's `sep=;` first line (written by Excel's "CSV" in locales with a decimal comma, and by
tools that want Excel to split their columns): it names the delimiter and is no row. Excel does
not show it, so row 1 is the line after it, as refusals name rows. Real CSV text in tmp_path,
real workspace files; every figure by hand."""

from __future__ import annotations

import pytest

from greenledger.core.errors import ImportRefused
from greenledger.core.importing.engine import import_file
from greenledger.core.importing.reader import read_csv
from greenledger.core.importing.reader.csv_file import sep_line
from tests.conftest import SITES, snapshot, write_workbook
from tests.core.test_read_blind import ZB, approx, energy

JAN = (ZB, "2023-01-01", "2023-01-31", "grid")
FEB = (ZB, "2023-02-01", "2023-02-28", "grid")


def csv_file(tmp_path, text: str, name="bill.csv", encoding="utf-8"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


@pytest.fixture
def sited(ws, tmp_path):
    import_file(ws, write_workbook(tmp_path / "sites.xlsx", {"Sites": SITES}))
    return ws


@pytest.mark.parametrize(("line", "d"), [
    ("sep=;", ";"), ("sep=,", ","), ("sep=\t", "\t"), ("sep=\\t", "\t"), ("sep=|", "|"),
    ('"sep=;"', ";"), ("SEP=;", ";"), ("sep=;;;;", ";")])
def test_the_line_names_the_delimiter(line, d):
    body = "Site;From\r\nA;1\r\n"
    assert sep_line(f"{line}\r\n{body}") == (d, body)


@pytest.mark.parametrize("text", ["Site;sep=;\nA;1\n", "separator;x\n", "sep=;x\nA\n", "Site,Energy\n"])
def test_a_line_that_is_not_one_is_data(text):
    assert sep_line(text) == (None, text)


# 45,210.5 + 41,987.25 = 87,197.75 kWh (decimal commas: the named semicolon splits them apart)
SEMICOLON = ("sep=;\r\nSite;Period start;Period end;Source;Energy (kWh)\r\n"
             f"{ZB};2023-01-01;2023-01-31;grid;45210,5\r\n"
             f"{ZB};2023-02-01;2023-02-28;grid;41987,25\r\n")


def test_semicolon_with_decimal_commas(sited, tmp_path):
    import_file(sited, csv_file(tmp_path, SEMICOLON))
    assert energy(sited) == approx({JAN: 45210.5, FEB: 41987.25})


def test_gb18030_with_bom_free_sep_line(sited, tmp_path):
    text = ("sep=,\n站点,期间开始,期间结束,能源类型,用电量(kWh)\n"
            f"{ZB},2023-01-01,2023-01-31,grid,\"1,250,000\"\n"
            f"{ZB},2023-02-01,2023-02-28,grid,\"1,180,500\"\n")
    import_file(sited, csv_file(tmp_path, text, encoding="gb18030"))
    assert energy(sited) == approx({JAN: 1250000, FEB: 1180500})


def test_tab_named_and_utf8_bom(sited, tmp_path):
    text = ("\ufeffsep=\t\nSite\tPeriod start\tPeriod end\tSource\tEnergy (MWh)\n"
            f"{ZB}\t2023-01-01\t2023-01-31\tgrid\t1.25\n")
    import_file(sited, csv_file(tmp_path, text))
    assert energy(sited) == approx({JAN: 1250})


def test_the_named_delimiter_wins_over_the_guess(tmp_path):
    """Every line has one comma and one semicolon: the guess would take the comma; the line
    says semicolon, so `45210,5` is one cell."""
    path = csv_file(tmp_path, "sep=;\nSite;Energy (kWh)\nA;45210,5\nB;1,25\n")
    assert read_csv(path) == [["Site", "Energy (kWh)"], ["A", "45210,5"], ["B", "1,25"]]


def test_rows_are_named_as_excel_shows_them(sited, tmp_path):
    """The sep line is no row: the bad cell on the file's 4th line is Excel's row 3."""
    text = SEMICOLON.replace("41987,25", "n/a")
    before = snapshot(sited)
    with pytest.raises(ImportRefused) as exc:
        import_file(sited, csv_file(tmp_path, text))
    assert snapshot(sited) == before
    (p,) = exc.value.problems
    assert p.row == 3 and p.value == "n/a"


def test_without_the_line_the_same_figures(sited, tmp_path):
    import_file(sited, csv_file(tmp_path, SEMICOLON.split("\r\n", 1)[1]))
    assert energy(sited) == approx({JAN: 45210.5, FEB: 41987.25})
