"""Refusals said in 简体中文 (blind finding F40): with `--lang zh`, every refusal of these blind
workbooks is Chinese except what it quotes from the file (its names, headers and values), the
command line's flags and a few names (GreenLedger, Excel, units). A test walks their refusals
and fails on any other English word."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from python_calamine import CalamineWorkbook

from greenledger.core import i18n
from tests.data.blind2.harness import cli, make_base

DATA = Path(__file__).resolve().parents[1] / "data" / "blind2"
GRID = ("--value", "source=grid")
CASES = [
    ("us_read_dates.xlsx", ()),  # not a table GreenLedger knows (no_template_sheet)
    ("energy_saved.xlsx", ()),
    ("cn_prior_year_only.xlsx", ()),
    ("overlap.xlsx", ()),  # the other row's place, `row 2`
    ("no_unit.xlsx", ()),  # a field's name (energy)
    ("formulas_source.xlsx", ()),  # a formula without a saved value
    ("lo_errors_wide.xlsx", ()),  # an error value LibreOffice saved (#N/A)
    ("accounting_negative.xlsx", ()),
    ("blank_site_row.xlsx", ()),
    ("thousands_kwh.xlsx", ()),
    ("cn_bill_meters.xlsx", GRID),  # lacks site
]
ALLOWED = {"GreenLedger", "Excel", "LibreOffice", "greenledger", "template", "UNIT", "HEADER",
           "FIELD", "kWh", "MWh", "GWh", "Wh", "kVArh", "YEAR", "csv", "xlsx", "Sites", "ignore"}
FLAG = re.compile(r"--[a-z][a-z-]*(?:[ =](?:\"[^\"]*\"|\S+))?")
FORMULA = re.compile(r"=[A-Z(][^\s，：；]*|#[A-Z][A-Z/0-9]*[!?]?")  # the file's formula, its error value
QUOTED = re.compile(r"'[^']*'|\"[^\"]*\"|“[^”]*”|‘[^’]*’|`[^`]*`")


def _file_texts(path: Path) -> list[str]:
    """Every text the workbook holds (the names, headers and values a refusal may quote)."""
    texts = {path.name}
    wb = CalamineWorkbook.from_path(str(path))
    for name in wb.sheet_names:
        texts.add(name)
        for row in wb.get_sheet_by_name(name).to_python():
            texts.update(str(v).strip() for v in row if isinstance(v, str) and v.strip())
    return sorted(texts, key=len, reverse=True)


def english_words(line: str, quoted_from_file: list[str]) -> set[str]:
    """The English words of a refusal line that are not the file's own texts, flags or names."""
    reason = line.split(" — ", 1)[1] if " — " in line else line
    reason = FORMULA.sub(" ", FLAG.sub(" ", QUOTED.sub(" ", reason)))
    for t in quoted_from_file:
        reason = reason.replace(t, " ")
    return {w for w in re.findall(r"[A-Za-z]{3,}", reason) if w not in ALLOWED}


@pytest.fixture(scope="module")
def base_ws(tmp_path_factory) -> Path:
    return make_base(tmp_path_factory)


@pytest.mark.parametrize(("file", "args"), CASES, ids=[c[0] for c in CASES])
def test_refusals_in_chinese_have_no_english_but_the_files(file, args, tmp_path, base_ws, qapp):
    """(`qapp`: the command translates on the test run's QApplication, not a headless one that
    would outlive it and break the window tests after it.)"""
    ws = tmp_path / "w.greenledger"
    shutil.copy(base_ws, ws)
    try:
        rc, text = cli("--lang", "zh", "-w", ws, "import", DATA / file, *args)
    finally:
        i18n.set_translator(None)  # as the other tests expect: English
    assert rc == 1, text
    refusals = [ln for ln in text.splitlines() if " — " in ln and not ln.startswith(("warning", "警告"))]
    assert refusals, text
    quoted = _file_texts(DATA / file)
    english = {ln: words for ln in refusals if (words := english_words(ln, quoted))}
    assert not english, english


def test_the_filter_finds_english():
    """The check itself: an English reason is found, the file's own words are not."""
    line = "a.xlsx › E › 第 3 行 › Site [A]: 'X' — not a table GreenLedger knows; 用 --kind energy"
    assert english_words(line, ["Site"]) == {"not", "table", "knows"}
    assert not english_words("a.xlsx › E — 缺少 Zhangbei DC 的数据（--unit energy=UNIT）", ["Zhangbei DC"])
    assert not english_words("a.xlsx › E — 公式 =ROUND(E2*2,0) 的结果是错误值 #DIV/0!", [])
