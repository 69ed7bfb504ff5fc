"""Numbers written as text whose every value reads two ways (`48.210`, `412,500`): the rest of
the sheet settles the decimal mark when it shows one (a bill's amounts `16.391,40`), and the
import still says how it read them (an export may localise amounts but not quantities), dates and
months say nothing (`16.01.2023` is written so in Switzerland too, with decimal points), and
without evidence a dot that reads two ways is refused (a comma grouping thousands is read and
said, and a comma-separated CSV settles a decimal point)."""

from __future__ import annotations

import pytest

from greenledger.core.errors import ImportRefused
from greenledger.core.importing.engine import analyse, import_file
from greenledger.core.importing.values import _style_of, sheet_decimal_mark
from tests.conftest import SITES, write_workbook
from tests.core.test_read_blind import JAN, UL, ZB, approx, energy

FEB = ("2023-02-01", "2023-02-28")
HEADER = ["Site", "Period start", "Period end", "Source", "Energy (kWh)", "Amount"]


def _book(tmp_path, rows, amounts):
    energy_rows = [[site, start, end, "grid", kwh, amount]
                   for (site, start, end, kwh), amount in zip(rows, amounts, strict=True)]
    return write_workbook(tmp_path / "bill.xlsx", {"Sites": SITES, "Energy": [HEADER, *energy_rows]})


ROWS = [(ZB, "2023-01-01", "2023-01-31", "48.210"), (ZB, "2023-02-01", "2023-02-28", "45.120"),
        (UL, "2023-01-01", "2023-01-31", "6.110")]


def test_amounts_with_a_decimal_comma_settle_the_kwh(ws, tmp_path):
    path = _book(tmp_path, ROWS, ["16.391,40", "15.340,80", "2.077,40"])
    import_file(ws, path)
    assert energy(ws) == approx({(ZB, *JAN, "grid"): 48_210, (ZB, *FEB, "grid"): 45_120,
                                 (UL, *JAN, "grid"): 6_110})
    plans = analyse(path)
    assert not [w for p in plans for w in p.all_warnings if w.code == "reads_two_ways"]
    said = [w for p in plans for w in p.all_warnings if w.code == "two_ways_sheet_comma"]
    assert len(said) == 1 and "48.210" in said[0].reason and "decimal comma" in said[0].reason


def test_amounts_with_a_decimal_point_settle_them_the_other_way(ws, tmp_path):
    rows = [(s, a, z, k.replace(".", ",")) for s, a, z, k in ROWS]  # 48,210 kWh in a US bill
    path = _book(tmp_path, rows, ["1,391.40", "1,340.80", "207.40"])
    said = [w for p in analyse(path) for w in p.all_warnings if w.code == "two_ways_sheet_point"]
    assert len(said) == 1 and "48,210" in said[0].reason
    import_file(ws, path)
    assert energy(ws) == approx({(ZB, *JAN, "grid"): 48_210, (ZB, *FEB, "grid"): 45_120,
                                 (UL, *JAN, "grid"): 6_110})


def test_without_evidence_a_dot_is_refused_and_the_hint_followed_reads_right(ws, tmp_path):
    """Amounts that are plain numbers show no mark: 48.210 is 48.21 or 48,210 (1000x apart), so
    the column is refused naming it (it was read 48.21 with only a warning: blind3
    eu_dot_thousands.csv stored its 45.210 kWh 1000x low at exit 0). Following the hint either
    way stores what was meant."""
    path = _book(tmp_path, ROWS, [16391.4, 15340.8, 2077.4])
    refused = [pr for p in analyse(path) for pr in p.all_problems if pr.code == "decimal_mark_unclear"]
    assert len(refused) == 1 and "48.210" in refused[0].reason
    assert (refused[0].row, refused[0].value) == (3, "45.120")  # its first example, at its row
    with pytest.raises(ImportRefused) as exc:
        import_file(ws, path)
    assert [p.code for p in exc.value.problems] == ["decimal_mark_unclear"]
    assert energy(ws) == {}
    # "thousands without a separator": 48210
    thousands = [(s, a, z, k.replace(".", "")) for s, a, z, k in ROWS]
    import_file(ws, _book(tmp_path, thousands, [16391.4, 15340.8, 2077.4]))
    assert energy(ws)[(ZB, *JAN, "grid")] == pytest.approx(48_210)
    # "decimals with other than three decimal places": 48.2100
    decimals = [(s, a, z, k + "0") for s, a, z, k in ROWS]
    import_file(ws, _book(tmp_path, decimals, [16391.4, 15340.8, 2077.4]))
    assert energy(ws)[(ZB, *JAN, "grid")] == pytest.approx(48.21)


def test_a_comma_grouping_thousands_is_read_and_said(ws, tmp_path):
    """12,300 without other evidence is read as thousands, as English and Chinese exports write
    it (a decimal comma with exactly three decimals and nothing else to show it is rare): said."""
    rows = [(s, a, z, k.replace(".", ",")) for s, a, z, k in ROWS]
    path = _book(tmp_path, rows, [16391.4, 15340.8, 2077.4])
    warned = [w for p in analyse(path) for w in p.all_warnings if w.code == "reads_two_ways"]
    assert len(warned) == 1 and "48,210" in warned[0].reason
    import_file(ws, path)
    assert energy(ws)[(ZB, *JAN, "grid")] == pytest.approx(48_210)


def _csv(tmp_path, delimiter: str, kwh: str):
    path = tmp_path / f"bill{ord(delimiter)}.csv"
    lines = [["Site", "Period start", "Period end", "Source", "Energy (kWh)"],
             [ZB, "2023-01-01", "2023-01-31", "grid", kwh]]
    path.write_text("\n".join(delimiter.join(f'"{c}"' for c in line) for line in lines) + "\n",
                    encoding="utf-8")
    return path


def test_a_comma_separated_csv_settles_a_decimal_point(ws, tmp_path):
    """A comma CSV cannot write decimal commas (Excel writes a semicolon CSV where the comma is
    the decimal mark): its 48.210 is 48.21, said; the same in a semicolon CSV is refused."""
    import_file(ws, write_workbook(tmp_path / "sites.xlsx", {"Sites": SITES}))
    path = _csv(tmp_path, ",", "48.210")
    assert [w.code for p in analyse(path) for w in p.all_warnings] == ["reads_two_ways"]
    import_file(ws, path)
    assert energy(ws)[(ZB, *JAN, "grid")] == pytest.approx(48.21)
    with pytest.raises(ImportRefused) as exc:
        import_file(ws, _csv(tmp_path, ";", "48.210"))
    assert [p.code for p in exc.value.problems] == ["decimal_mark_unclear"]


def test_a_sheet_writing_both_marks_settles_nothing(ws, tmp_path):
    path = _book(tmp_path, ROWS, ["16.391,40", "1,340.80", "2.077,40"])
    assert [pr for p in analyse(path) for pr in p.all_problems if pr.code == "decimal_mark_unclear"]


@pytest.mark.parametrize(("text", "style"), [
    ("16.01.2023", None), ("2023.01", None), ("01.2023", None), ("1.2.3", None),
    ("1.234.567", "comma"), ("1,234,567", "point"), ("16.391,40", "comma"), ("1,391.40", "point"),
    ("2,5", "comma"), ("2.5", "point"), ("48.210", "either"), ("412,500", "either"),
])
def test_what_a_text_says_of_its_decimal_mark(text, style):
    assert _style_of(text) == style


def test_dates_are_no_evidence():
    assert sheet_decimal_mark([["16.01.2023", "48.210"], ["2023.01", "45.120"]]) is None
    assert sheet_decimal_mark([["16.01.2023", "48.210", "16.391,40"]]) == "comma"
