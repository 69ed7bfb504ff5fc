"""View › Check workspace: the findings of core.checks listed with their rows; a double click on a
row shows it on its table's page. The checks run in a worker; the dialog comes when they end."""

from __future__ import annotations

from greenledger.core.storage import Workspace


def _checked(qtbot, window):
    window.check_action.trigger()
    qtbot.waitUntil(lambda: getattr(window, "check_dialog", None) is not None, timeout=20000)
    return window.check_dialog


def test_check_workspace_lists_findings_and_goes_to_the_row(qtbot, demo_path):
    from greenledger.gui.main_window import MainWindow

    with Workspace.open(demo_path) as ws:  # a row as an older GreenLedger stored it
        site = ws.site_names()["Zhangbei DC"]
        batch = ws.db["import_batches"].insert({
            "file_name": "old.xlsx", "sha256": "0" * 64, "sheets": "[]",
            "imported_at": "2026-01-01", "row_count": 1}).last_pk
        q1 = ws.db["energy"].insert({
            "site_id": site, "period_start": "2021-01-01", "period_end": "2021-03-31",
            "source": "grid", "energy_kwh": 1.0, "batch_id": batch, "source_sheet": "Energy",
            "source_row": 9}).last_pk
    window = MainWindow(demo_path)
    qtbot.addWidget(window)
    window.show()
    assert window.check_action.text() == "&Check workspace…"
    assert window.check_action in window.view_menu.actions()
    dialog = _checked(qtbot, window)
    assert dialog.isVisible()
    assert dialog.tree.topLevelItemCount() == len(dialog.findings) >= 1
    top = dialog.tree.topLevelItem(0)
    assert top.text(0) == "error" and "Zhangbei DC, grid" in top.text(1)
    rows = [top.child(i).text(1) for i in range(top.childCount())]
    assert any(r.startswith("old.xlsx › Energy › row 9 (energy id") for r in rows)
    i = next(i for i, r in enumerate(rows) if r.startswith("old.xlsx"))
    dialog.tree.itemDoubleClicked.emit(top.child(i), 1)
    view = window.current_table()
    assert view is window.tables[next(k for k in window.tables if k.value == "energy")]
    selected = view.selected_source_rows()
    assert [view.model.row(r)["id"] for r in selected][:1] == [q1]
    dialog.close()


def test_a_clean_workspace_says_so(qtbot, window):
    _checked(qtbot, window)
    assert window.check_dialog.findings == []
    assert "every check passed" in window.check_dialog.summary_label.text()


def test_a_factor_finding_goes_to_the_own_factors_table(qtbot, demo_path):
    from greenledger.gui.check_dialog import go_to_row
    from greenledger.gui.main_window import MainWindow

    with Workspace.open(demo_path) as ws:
        fid = ws.db["factors"].insert({"key": "grid", "region": "North China", "year": 2021,
                                       "value": 581.0, "unit": "kg CO2/kWh",
                                       "source": "own"}).last_pk
    window = MainWindow(demo_path)
    qtbot.addWidget(window)
    window.show()
    _checked(qtbot, window)
    finding = next(f for f in window.check_dialog.findings if f.check == "bounds")
    assert finding.error and "g CO2/kWh" in finding.render()
    assert go_to_row(window, finding.rows[0])
    view = window.factors_view.workspace_view
    assert window.stack.currentWidget() is window.factors_view
    assert [view.model.row(r)["id"] for r in view.selected_source_rows()][:1] == [fid]


def test_cancel_drops_the_checks(qtbot, window, monkeypatch):
    import threading

    from greenledger.gui import check_dialog

    release = threading.Event()
    real = check_dialog.check_workspace

    def slow(ws, summary):
        release.wait(10)
        return real(ws, summary)

    monkeypatch.setattr(check_dialog, "check_workspace", slow)
    window.check_action.trigger()
    progress = window.check_progress
    assert window.models.background.busy("check")
    from PySide6.QtWidgets import QPushButton

    progress.findChild(QPushButton).click()  # Cancel: the result is dropped, no dialog comes
    assert not window.models.background.busy("check")
    release.set()
    qtbot.wait(300)
    assert getattr(window, "check_dialog", None) is None
