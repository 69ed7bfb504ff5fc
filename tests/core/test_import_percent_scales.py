"""A percent column that mixes scales is refused naming every cell whose scale is unclear
(blind3 recycled_mixed_scale.xlsx: 0.45 beside 30 and '50%' was stored as 0.45 % at exit 0);
the refusal's words, followed literally, give the right figures. Real workbooks by openpyxl,
real workspace files; every figure by hand."""

from datetime import date

import pytest

from greenledger.core.errors import ImportRefused
from greenledger.core.fields import Kind
from greenledger.core.importing.engine import import_file
from tests.conftest import snapshot, write_workbook

HEADER = ["Business unit", "Period start", "Period end", "Material", "Quantity", "Unit"]
JAN = (date(2023, 1, 1), date(2023, 1, 31))
FEB = (date(2023, 2, 1), date(2023, 2, 28))
MAR = (date(2023, 3, 1), date(2023, 3, 31))


def book(tmp_path, header, values, name="p.xlsx"):
    rows = [[*HEADER, header]]
    for span, v in zip((JAN, FEB, MAR), values, strict=False):
        rows.append(["Ele.me", *span, "board", 100, "kg", v])
    return write_workbook(tmp_path / name, {"Packaging": rows})


def refused(ws, path):
    before = snapshot(ws)
    with pytest.raises(ImportRefused) as exc:
        import_file(ws, path)
    assert snapshot(ws) == before, "a refused import must change nothing"
    return [p for p in exc.value.problems if p.code == "percent_scale_mixed"]


def shares(ws):
    return [r["recycled_content"] for r in ws.rows(Kind.PACKAGING)]


def test_a_fraction_beside_percents_is_refused_by_cell(ws, tmp_path):
    problems = refused(ws, book(tmp_path, "再生料占比", [30, 0.45, "50%"]))
    (p,) = problems
    assert p.row == 3 and p.value == 0.45 and "再生料占比" in p.column
    assert "45 %" in p.reason and "write 45" in p.reason and "再生料占比 (%)" in p.reason


def test_every_unclear_cell_is_named(ws, tmp_path):
    problems = refused(ws, book(tmp_path, "Recycled content", [0.3, 45, 1]))
    assert [(p.row, p.value) for p in problems] == [(2, 0.3), (4, 1.0)]


def test_bare_fractions_beside_percent_text_are_refused(ws, tmp_path):
    (p,) = refused(ws, book(tmp_path, "Recycled content", ["50%", 0.45]))
    assert p.row == 3 and "50%" in p.reason


def test_the_hint_followed_as_a_fraction_gives_45_percent(ws, tmp_path):
    refused(ws, book(tmp_path, "再生料占比", [30, 0.45, "50%"]))
    import_file(ws, book(tmp_path, "再生料占比", [30, 45, "50%"], "fixed.xlsx"))
    assert shares(ws) == [30, 45, 50]


def test_the_hint_followed_as_a_small_percent_gives_0_45_percent(ws, tmp_path):
    refused(ws, book(tmp_path, "再生料占比", [30, 0.45, "50%"]))
    import_file(ws, book(tmp_path, "再生料占比 (%)", [30, 0.45, "50%"], "fixed.xlsx"))
    assert shares(ws) == [30, 0.45, 50]


def test_genuine_percentages_under_a_percent_header_read(ws, tmp_path):
    import_file(ws, book(tmp_path, "Recycled content (%)", [0.5, 30, 45]))
    assert shares(ws) == [0.5, 30, 45]


def test_one_scale_reads_as_before(ws, tmp_path):
    import_file(ws, book(tmp_path, "Recycled content", [0.3, 0.45, 0]))
    assert shares(ws) == pytest.approx([30, 45, 0])


def test_percents_bare_and_written_with_a_sign_agree(ws, tmp_path):
    import_file(ws, book(tmp_path, "Recycled content", [30, "45%", 0]))
    assert shares(ws) == [30, 45, 0]
