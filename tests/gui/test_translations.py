"""简体中文: every string lupdate finds has a Chinese translation, the committed .qm is the
compiled .ts, the running window in Chinese shows no English text, and switching the language
live keeps the workspace, its undo history, the page and the filters."""

from __future__ import annotations

import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractButton, QLabel, QMenu

from greenledger import resources
from greenledger.core.errors import Problem
from greenledger.core.fields import Kind
from greenledger.gui import i18n

ROOT = Path(__file__).resolve().parents[2]
TS = Path(resources.path("translations/greenledger_zh_CN.ts"))
QM = TS.with_suffix(".qm")
BIN = Path(shutil.which("pyside6-lupdate") or Path(__file__).parents[2] / ".venv/bin/pyside6-lupdate").parent
CJK = re.compile(r"[\u4e00-\u9fff]")
# Texts that are the same in both languages: names, units, numbers, symbols.
NAMES = {"Python", "PySide", "pyqtgraph", "GreenLedger", "SHA", "kWh", "CO2e", "dpi", "UTC"}
SAME = {"GreenLedger", "English", "简体中文", "SHA-256", "–", "×", "%", ""}


def _messages(path: Path) -> dict[tuple[str, str], str | None]:
    out = {}
    for ctx in ET.parse(path).getroot().iter("context"):
        name = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            tr = msg.find("translation")
            done = tr is not None and tr.get("type") not in ("unfinished", "vanished", "obsolete")
            out[(name, msg.findtext("source"))] = (tr.text or None) if done else None
    return out


@pytest.fixture
def zh():
    yield i18n.install("zh")
    i18n.install("en")


def test_every_string_in_the_sources_has_a_chinese_translation(tmp_path: Path):
    fresh = tmp_path / "fresh.ts"
    sources = sorted(str(p) for d in ("core", "gui") for p in (ROOT / d).rglob("*.py"))
    subprocess.run([str(BIN / "pyside6-lupdate"), *sources, "-ts", str(fresh)], check=True,
                   capture_output=True)
    committed = _messages(TS)
    wanted = _messages(fresh)
    assert len(wanted) > 200
    missing = [k for k in wanted if not committed.get(k)]
    assert not missing, f"{len(missing)} strings lack a translation (run `make translations`): {missing[:10]}"


def test_translations_keep_placeholders_and_are_chinese():
    for (ctx, source), text in _messages(TS).items():
        if text is None:
            continue
        assert sorted(re.findall(r"\{\w*\}", source)) == sorted(re.findall(r"\{\w*\}", text)), (ctx, source)
        words = set(re.findall(r"[A-Za-z]{3,}", re.sub(r"<[^>]+>|&", "", source)))
        if words - NAMES:  # English words, not only names and units: the translation is Chinese
            assert CJK.search(text), (ctx, source, text)


def test_committed_qm_is_the_compiled_ts(tmp_path: Path):
    out = tmp_path / "x.qm"
    subprocess.run([str(BIN / "pyside6-lrelease"), str(TS), "-qm", str(out)], check=True, capture_output=True)
    assert out.read_bytes() == QM.read_bytes(), "the .qm is older than the .ts: run `make translations`"


def test_generated_field_labels_are_up_to_date():
    import importlib.util

    spec = importlib.util.spec_from_file_location("mfl", ROOT / "tools/make_field_labels.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    assert (ROOT / "gui/field_labels.py").read_text(encoding="utf-8") == mod.render()


def _visible_texts(window) -> list[tuple[str, str]]:
    texts = []
    for action in window.findChildren(QAction):
        if action.text() and not action.isSeparator() and action.parent() is not window.recent_menu:
            texts.append(("action", action.text()))
    for menu in window.findChildren(QMenu):
        texts.append(("menu", menu.title()))
    for label in window.findChildren(QLabel):
        if label.text() and label.objectName() not in ("cardValue",):
            texts.append(("label", label.text()))
    for button in window.findChildren(QAbstractButton):
        if button.text():
            texts.append(("button", button.text()))
    for i in range(window.sidebar.count()):
        texts.append(("page", window.sidebar.item(i).text()))
    for kind, view in window.tables.items():
        model = view.model
        for c in range(model.columnCount()):
            texts.append((f"header {kind.value}", model.headerData(c, _horizontal())))
    return texts


def _horizontal():
    from PySide6.QtCore import Qt

    return Qt.Orientation.Horizontal


def _english_only(text: str) -> bool:
    plain = re.sub(r"<[^>]+>|&(?=\w)", "", text)
    if plain.strip() in SAME or CJK.search(plain):
        return False
    # data shown as it is (site names, paths, numbers, units such as kWh) is not UI text
    return bool(re.search(r"\b[a-z]{4,}\b", plain)) and not re.search(r"[/\\]|\.greenledger", plain)


def test_running_window_in_chinese_shows_no_english_ui_text(qtbot, demo_path: Path, zh):
    from greenledger.gui.main_window import MainWindow

    w = MainWindow(demo_path)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitUntil(lambda: bool(w.dashboard.charts), timeout=10_000)
    english = [(where, t) for where, t in _visible_texts(w) if _english_only(t)]
    assert not english, english[:15]
    assert w.menuBar().actions()[0].text() == "文件(&F)"
    assert w.tables[Kind.ENERGY].model.headerData(0, _horizontal()) == "站点"


def test_problems_render_in_chinese(zh):
    p = Problem("a.xlsx", "not a number", "Energy", 5, "Energy (kWh) [E]", "abc", code="not_number")
    assert p.render() == "a.xlsx › Energy › 第 5 行 › Energy (kWh) [E]: 'abc' — 不是数字"
    i18n.install("en")
    assert p.render() == str(p)


def test_language_switch_is_live_and_keeps_state(qtbot, demo_path: Path):
    from greenledger.gui.main_window import MainWindow

    w = MainWindow(demo_path)
    qtbot.addWidget(w)
    w.show()
    energy = w.tables[Kind.ENERGY]
    row = energy.model.rows()[0]
    col = energy.model.field_column("energy")
    source_index = energy.model.index(0, col)
    assert energy.model.setData(source_index, str(row["energy"] + 1))
    assert w.controller.undo_stack.count() == 1
    w.sidebar.setCurrentRow(1)
    bar = w.dashboard.filter_bar
    bar.site.setCurrentIndex(1)
    site = bar.site.currentData()
    try:
        new = w.set_language("zh")
        qtbot.addWidget(new)
        assert new is not w and not new.controller.closed and new.controller is w.controller
        assert new.controller.undo_stack.count() == 1 and new.controller.undo_stack.canUndo()
        assert new.sidebar.currentRow() == 1
        assert new.dashboard.filter_bar.site.currentData() == site
        assert new.menuBar().actions()[0].text() == "文件(&F)"
        assert new.windowTitle().startswith("GreenLedger — ")
        new.controller.undo_stack.undo()  # the edit made in English is undone in Chinese
        qtbot.waitUntil(lambda: new.tables[Kind.ENERGY].model.rows()[0]["energy"] == row["energy"])
        back = new.set_language("en")
        qtbot.addWidget(back)
        assert back.menuBar().actions()[0].text() == "&File"
    finally:
        i18n.install("en")


def test_stored_values_show_translated_and_commit_as_stored(qtbot, demo_path: Path, zh):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QComboBox, QStyleOptionViewItem

    from greenledger.gui.cell_delegate import editor_text
    from greenledger.gui.main_window import MainWindow

    w = MainWindow(demo_path)
    qtbot.addWidget(w)
    view = w.tables[Kind.ENERGY]
    model = view.model
    col = model.field_column("source")
    row = next(i for i, r in enumerate(model.rows()) if r["source"] == "grid")
    index = model.index(row, col)
    assert index.data(Qt.ItemDataRole.DisplayRole) == "电网"
    assert index.data(Qt.ItemDataRole.EditRole) == "grid"
    proxy_index = view.proxy.mapFromSource(index)
    editor = view.delegate.createEditor(view.table.viewport(), QStyleOptionViewItem(), proxy_index)
    assert isinstance(editor, QComboBox)
    view.delegate.setEditorData(editor, proxy_index)
    assert editor.currentText() == "电网"
    editor.setCurrentIndex(editor.findData("wind"))
    assert editor.currentText() == "风电" and editor_text(editor) == "wind"
    view.delegate.setModelData(editor, view.proxy, proxy_index)
    assert w.workspace.db.execute("SELECT source FROM energy WHERE id = ?",
                                  [model.rows()[row]["id"]]).fetchone()[0] == "wind"
