"""The application object: the window registry, display settings shared through a signal, and the
QApplication's names matching the macOS bundle."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from greenledger.core.fields import Kind
from greenledger.gui import i18n
from greenledger.gui.app import WindowRegistry
from greenledger.gui.display_settings import DisplaySettings
from greenledger.gui.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[2]


def test_organization_domain_matches_the_macos_bundle_id(qapp) -> None:
    from greenledger.gui.qt_app import make_app

    make_app()
    spec = (ROOT / "installer/greenledger.spec").read_text(encoding="utf-8")
    bundle_id = re.search(r'bundle_identifier="([^"]+)"', spec).group(1)
    domain = QCoreApplication.organizationDomain()
    assert ".".join(reversed(domain.split("."))) + "." + QCoreApplication.applicationName() == bundle_id


def test_windows_share_display_settings_through_its_signal(qtbot, demo_path: Path, tmp_path: Path,
                                                           fresh_settings: Path) -> None:
    display = DisplaySettings()
    first = MainWindow(demo_path, display=display)
    qtbot.addWidget(first)
    second = MainWindow(tmp_path / "other.greenledger", display=display)
    qtbot.addWidget(second)
    model = first.models[Kind.ENERGY]
    col = model.field_column("energy")
    row = next(i for i, r in enumerate(model.rows()) if 1e4 <= r["energy"] < 1e8)
    assert "," in model.index(row, col).data()
    with qtbot.waitSignal(display.cn_units_changed) as blocker:
        second.cn_units_action.setChecked(True)  # switched in the other window
    assert blocker.args == [True]
    assert first.cn_units_action.isChecked() and model.cn_units
    assert model.index(row, col).data().endswith(" 万")
    assert first.dashboard.filters.cn_units
    assert DisplaySettings().cn_units  # remembered
    display.set_cn_units(False)
    assert not first.cn_units_action.isChecked() and not second.models[Kind.ENERGY].cn_units


def test_the_registry_follows_a_language_switch_and_a_close(qtbot, demo_path: Path) -> None:
    windows = WindowRegistry()
    assert windows.current() is None
    w = MainWindow(demo_path)
    qtbot.addWidget(w)
    windows.add(w)
    w.show()
    try:
        new = w.set_language("zh")
        qtbot.addWidget(new)
        assert windows.current() is new and new.display is w.display
        new.close()
        assert windows.current() is None
    finally:
        i18n.install("en")


def test_edit_menu_acts_on_the_current_page_table(qtbot, window) -> None:
    window.sidebar.setCurrentRow(1)  # Energy
    view = window.tables[Kind.ENERGY]
    view.table.selectRow(0)
    copy = next(a for a in window.menuBar().actions()[1].menu().actions() if a.text() == "&Copy")
    copy.trigger()
    assert QCoreApplication.instance().clipboard().text().startswith("Ulanqab DC\t2018-01-01")
    window.sidebar.setCurrentRow(0)  # the dashboard has no table: nothing happens, nothing fails
    copy.trigger()
    assert window.current_table() is None


def test_settings_of_the_old_macos_name_carry_over_once(tmp_path: Path) -> None:
    from PySide6.QtCore import QSettings

    from greenledger.gui.settings import carry_over

    old = QSettings(str(tmp_path / "com.greenledger.GreenLedger.ini"), QSettings.Format.IniFormat)
    old.setValue("language", "zh")
    old.setValue("recent", ["/a.greenledger", "/b.greenledger"])
    new = QSettings(str(tmp_path / "org.greenledger.GreenLedger.ini"), QSettings.Format.IniFormat)
    assert carry_over(old, new) == 2
    assert new.value("language") == "zh" and new.value("recent") == ["/a.greenledger", "/b.greenledger"]
    old.setValue("language", "en")
    assert carry_over(old, new) == 0 and new.value("language") == "zh"  # once: new settings stay


def test_the_application_registers_its_windows_and_routes_file_open_events(qtbot, qapp, demo_path: Path,
                                                                            tmp_path: Path) -> None:
    from PySide6.QtGui import QFileOpenEvent

    from greenledger.core.storage import Workspace
    from greenledger.gui.app import Application, FileOpenFilter

    app = Application(qapp)
    event_filter = app.findChild(FileOpenFilter)
    try:
        window = app.open_window(demo_path)
        qtbot.addWidget(window)
        assert app.windows.current() is window and window.display is app.display
        other = tmp_path / "other.greenledger"
        Workspace.open(other).close()
        QCoreApplication.sendEvent(qapp, QFileOpenEvent(str(other)))  # as macOS sends it
        assert window.workspace.path == other
        window.close()
        assert app.windows.current() is None
    finally:
        qapp.removeEventFilter(event_filter)
        app.deleteLater()
