"""The import assistant in 简体中文: its controls, the sheet list, the mapping, the rows as they
will be stored (categories as the tables show them, 电网 for grid; 万/亿 when asked), the reason
a sheet is not imported and its hint — no English left where a Chinese analyst reads."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from greenledger.core.importing import engine
from greenledger.core.storage import Workspace
from greenledger.gui import i18n
from greenledger.gui.import_assistant import ImportAssistant
from tests.conftest import SITES, write_workbook

ZB = "Zhangbei DC"
LATIN = re.compile(r"[A-Za-z]{3,}")  # a word of English


@pytest.fixture
def zh():
    yield i18n.install("zh")
    i18n.install("en")


@pytest.fixture
def ws(tmp_path):
    w = Workspace.open(tmp_path / "ws.greenledger")
    yield w
    w.close()


def _open(qtbot, ws, path: Path) -> ImportAssistant:
    dialog = ImportAssistant(path, ws, start=lambda p, plans: bool(engine.import_plans(ws, p, plans)))
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: bool(dialog.plans) and not dialog.busy, timeout=10_000)
    return dialog


def _english(text: str, allowed: tuple[str, ...]) -> list[str]:
    for word in allowed:  # names from the workbook, units, the product's name
        text = text.replace(word, "")
    return LATIN.findall(text)


def test_the_assistant_speaks_chinese(qtbot, zh, ws, tmp_path):
    path = write_workbook(tmp_path / "用电.xlsx", {"Sites": SITES, "用电": [
        ["2023年用电量（万千瓦时）"], ["站点", "能源类型", "2023年1月", "2023年2月"],
        [ZB, "电网", 1.5, 2]], "抄表": [["站点", "月份", "用电量(千瓦时)"], [ZB, "2023-03", 100]]})
    dialog = _open(qtbot, ws, path)
    assert dialog.import_button.text().startswith("导入")
    model = dialog.sheet_list
    heads = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(4)]
    assert heads == ["工作表", "类型", "行数", "状态"]
    dialog.show_sheet("用电")
    allowed = (ZB, "Sites", "kWh", "MWh", "GWh", "GreenLedger")
    assert not _english(dialog.layout_label.text(), allowed)
    mapping = dialog.mapping_model
    for r in range(mapping.rowCount()):
        for c in (1, 4):
            assert not _english(str(mapping.data(mapping.index(r, c)) or ""), allowed), (r, c)
    preview = dialog.preview_model
    headers = [preview.headerData(c, Qt.Orientation.Horizontal) for c in range(preview.columnCount())]
    assert "电量（千瓦时）" in headers and "来源" in headers
    sources = {preview.data(preview.index(r, headers.index("来源"))) for r in range(preview.rowCount())}
    assert sources == {"电网"}  # stored as grid, shown as the tables show it
    energy = [preview.data(preview.index(r, headers.index("电量（千瓦时）"))) for r in range(2)]
    assert energy == ["15,000", "20,000"]
    preview.set_plan(dialog.plan, cn_units=True)  # View › Large numbers in 万/亿
    assert preview.data(preview.index(0, headers.index("电量（千瓦时）"))) == "1.5 万"
    dialog.show_sheet("抄表")  # no source: not imported, and what to do in the window's words
    text = dialog.layout_label.text()
    assert text.startswith("不导入") and "来源" in text and "“字段”列" in text
    assert not _english(text, allowed)
    assert not _english(dialog.sheet_list.data(dialog.sheet_list.index(2, 3)), allowed)
    assert list(dialog.values_view.boxes) == ["source"]
    box = dialog.values_view.boxes["source"]
    assert box.itemText(box.findData("grid")) == "电网"


def test_a_value_not_among_the_choices_lists_them_as_the_tables_show_them(qtbot, zh, ws, tmp_path):
    path = write_workbook(tmp_path / "坏.xlsx", {"Sites": SITES, "用电": [
        ["站点", "能源类型", "月份", "用电量(千瓦时)"], [ZB, "电网（旧）", "2023-01", 5]]})
    dialog = _open(qtbot, ws, path)
    text = next(t for t in dialog.problems_view.texts() if "电网（旧）" in t)
    assert "不是以下之一" in text and "电网, 风电, 光伏" in text and "grid" not in text


def test_an_open_assistant_follows_a_change_of_language(qtbot, ws, tmp_path):
    path = write_workbook(tmp_path / "e.xlsx", {"Sites": SITES, "用电": [
        ["站点", "能源类型", "月份", "用电量(千瓦时)"], [ZB, "电网", "2023-01", 5]]})
    dialog = _open(qtbot, ws, path)
    dialog.show()
    dialog.show_sheet("用电")
    assert dialog.import_button.text() == "&Import 3 rows" and dialog.tabs.tabText(0).startswith("Rows")
    try:
        with qtbot.waitSignal(dialog.analysed, timeout=10_000):
            i18n.install("zh")
        assert dialog.import_button.text() == "导入 3 行(&I)"
        assert dialog.tabs.tabText(0) == "将要保存的行" and dialog.windowTitle().startswith("导入")
        assert dialog.sheet_list.headerData(0, Qt.Orientation.Horizontal) == "工作表"
        assert dialog.layout_label.text().startswith("能源工作表")
        assert dialog.top_labels[0].text() == "类型(&K)："
    finally:
        i18n.install("en")
    qtbot.waitUntil(lambda: dialog.top_labels[0].text() == "&Kind:", timeout=5_000)


def test_the_preview_names_the_meters_an_energy_row_sums(zh):
    """A bill's meter column (core.importing.meters.METERS) is shown in the preview under a
    translated header, not as the internal name 'meter'."""
    from greenledger.core.fields import Kind
    from greenledger.core.importing.meters import METERS
    from greenledger.gui.import_texts import field_label

    assert field_label(Kind.ENERGY, METERS) == "合计的电表"
