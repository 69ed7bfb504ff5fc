"""Attacks on the import memo (core.importing.memo, H-M): after each sequence of real actions,
when the memo answers "nothing new … not read again", a full read (--recheck) of the same file
with the same options must find exactly that (0 new, 0 updated, the same counts, no warning or
refusal) and change nothing. A passing test is an attack the memo survives; a strict xfail one
that breaks it (its reason says the wrong result)."""

from __future__ import annotations

import os
import random
import shutil
import sqlite3
import subprocess
import sys
from contextlib import closing, suppress
from datetime import date
from pathlib import Path

import pytest

from greenledger.core import editing
from greenledger.core.errors import ImportCancelled, ImportRefused, WorkspaceError
from greenledger.core.fields import Kind
from greenledger.core.importing import memo, transaction
from greenledger.core.importing.profiles import Profile
from greenledger.core.importing.session import ImportSession
from greenledger.core.storage import Workspace
from greenledger.gui import cli_import
from greenledger.gui.cli import build_parser
from tests.conftest import ENERGY_HEADER, SITES, snapshot, write_workbook


def energy_book(path, kwh=(1001, 1002, 1003), site="Zhangbei DC", source="grid"):
    rows = [[site, date(2023, m, 1), date(2023, m, 28), source, k, None]
            for m, k in enumerate(kwh, start=1)]
    return write_workbook(path, {"Sites": SITES, "Energy": [ENERGY_HEADER, *rows]})


def plant_book(path, kwh=(1001, 1002, 1003)):
    """A sheet that is not the template (Plant, Month): kept profiles apply to it."""
    rows = [["Zhangbei DC", date(2023, m, 1), "grid", k] for m, k in enumerate(kwh, start=1)]
    return write_workbook(path, {"Sites": SITES, "电表": [
        ["Plant", "Month", "Source", "Electricity (kWh)"], *rows]})


def plant_profile(name="plant", sheet="电表", source=None):
    """A kept profile for plant_book's sheet (`source`: every row's, the Source column ignored)."""
    headers = ["Plant", "Month", "Source", "Electricity (kWh)"]
    return Profile(name=name, kind="energy", sheet=sheet, headers=headers, map=dict(zip(
        headers, ["site", "period", "ignore" if source else "source", "energy"], strict=True)),
        values={"source": source} if source else {})


def another_tool(ws, *statements):
    """SQL run by another program on the workspace file, committed."""
    with closing(sqlite3.connect(ws.path)) as con, con:
        for sql in statements:
            con.execute(sql)


def session(ws, path, *flags):
    """The session `greenledger import PATH FLAGS` opens (cli_import.open_session)."""
    return cli_import.open_session(build_parser().parse_args(["import", str(path), *flags]), ws)


def cli_recall(ws, path, *flags):
    """What `greenledger import PATH FLAGS` answers before reading the file (None: it reads)."""
    return cli_import.recalled(build_parser().parse_args(["import", str(path), *flags]), ws)


def recheck(ws, path, *flags):
    return session(ws, path, *flags).import_into(ws, recheck=True)


def counts(result):  # (new, updated, unchanged)
    return (result.inserted, result.updated, result.unchanged)


def energy(ws) -> list[float]:
    return sorted(r["energy"] for r in ws.rows(Kind.ENERGY))


def assert_memo_tells_the_truth(ws, path, *flags):
    """The guarantee: if the memo answers, a full read and check says the same, and changes
    nothing (the workspace already holds what the file says)."""
    known = cli_recall(ws, path, *flags)
    if known is None:
        return None
    before = snapshot(ws)
    try:
        checked = recheck(ws, path, *flags)
    except ImportRefused as exc:
        pytest.fail(f"memo said nothing new, a recheck refused: {exc}")
    assert (checked.inserted, checked.updated) == (0, 0), "a recheck changed rows"
    assert checked.unchanged == known.unchanged
    assert not checked.warnings
    assert [(s, k, n) for s, k, n in checked.sheets] == [(s, k, n) for s, k, n in known.sheets]
    assert snapshot(ws) == before
    return known


@pytest.fixture
def imported(ws, tmp_path):
    book = energy_book(tmp_path / "energy.xlsx")
    assert counts(session(ws, book).import_into(ws)) == (5, 0, 0)
    assert cli_recall(ws, book) is not None
    return ws, book


# --- another tool's SQL ----------------------------------------------------------------------

def test_replace_from_another_tool_is_seen(imported):
    ws, book = imported
    another_tool(ws, "INSERT OR REPLACE INTO energy_rows SELECT id, site_id, start_day, start_time, "
                 "end_span, end_time, source, instrument, 5.0, batch_id, sheet, source_row, key_copy "
                 "FROM energy_rows WHERE id = (SELECT min(id) FROM energy_rows)",
                 "REPLACE INTO sites (id, name, type, grid_region, country, batch_id, source_sheet, "
                 "source_row) SELECT id, name, type, 'East China', country, batch_id, source_sheet, "
                 "source_row FROM sites WHERE name = 'Zhangbei DC'")
    assert energy(ws) == [5.0, 1002.0, 1003.0]
    assert_memo_tells_the_truth(ws, book)  # the memo answers: a recheck must agree
    session(ws, book).import_into(ws)
    assert energy(ws) == [1001.0, 1002.0, 1003.0]
    assert ws.db.execute("SELECT grid_region FROM sites WHERE name = 'Zhangbei DC'").fetchone()[0] \
        == "North China"


def test_a_dropped_and_remade_table_is_not_trusted(imported):
    ws, book = imported  # rebuilt as ALTER TABLE tools do (copy, drop, rename): no triggers
    another_tool(ws, "CREATE TABLE s2 AS SELECT * FROM sites", "UPDATE s2 SET grid_region = 'East China'",
                 "DROP TABLE sites", "ALTER TABLE s2 RENAME TO sites")
    assert cli_recall(ws, book) is None


# --- two processes at once -------------------------------------------------------------------

def test_a_profile_saved_while_a_session_is_open(ws, tmp_path):
    ws.save_profile(Profile(name="gas", kind="energy", sheet="Gas", map={"Boiler": "site"},
                            headers=["Boiler", "Month", "Gas (m3)"]))  # fits no sheet of the book
    book = plant_book(tmp_path / "plant.xlsx")
    opened = session(ws, book)  # the kept profiles read now: none fits
    with Workspace.open(ws.path) as window:  # the other window keeps a profile for this sheet
        window.save_profile(plant_profile("solar", source="solar"))
    assert counts(opened.import_into(ws)) == (5, 0, 0)
    assert session(ws, book).profile("电表") == "solar"  # what a read applies now
    assert assert_memo_tells_the_truth(ws, book) is None


def quarter_book(path, kwh=3000):
    return write_workbook(path, {"Energy": [ENERGY_HEADER, [
        "Zhangbei DC", date(2023, 1, 1), date(2023, 3, 31), "grid", kwh, None]]})


RACE = ("another process's import committed between an import's checks (outside its write "
        "transaction) and its write is not seen: both are written, the quarter's 3000 kWh and the "
        "months' 3006 kWh of the same site and source (the same energy twice, exit 0 for both), "
        "and a recheck refuses the overlap")


@pytest.mark.parametrize("how", [  # fixed in 6d75bec (workspace_changed); beside a table of
    "plain", "kept profile applied", "a table of another tool",  # another tool: memo.fingerprint
])
def test_another_process_imports_between_the_checks_and_the_write(ws, tmp_path, monkeypatch, how):
    book, quarter = energy_book(tmp_path / "energy.xlsx"), quarter_book(tmp_path / "q.xlsx")
    if how == "kept profile applied":  # no memo is kept: only the import's own checks
        book = plant_book(tmp_path / "plant.xlsx")
        ws.save_profile(plant_profile())
    if how == "a table of another tool":  # the memo answers nothing there
        ws.db.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)")
    with Workspace.open(ws.path) as other:
        session(other, write_workbook(tmp_path / "s.xlsx", {"Sites": SITES})).import_into(other)
    real = transaction.check_parsed

    def then_another_process(*args, **kwargs):
        checked = real(*args, **kwargs)  # against the workspace without the quarter
        monkeypatch.setattr(transaction, "check_parsed", real)
        with Workspace.open(ws.path) as other:  # its own checks see no months yet
            assert session(other, quarter).import_into(other).inserted == 1
        return checked
    monkeypatch.setattr(transaction, "check_parsed", then_another_process)
    with pytest.raises(ImportRefused) as exc:  # refused, naming why (was: both written, exit 0)
        session(ws, book).import_into(ws)
    assert [p.code for p in exc.value.problems] == ["workspace_changed"], RACE
    assert energy(ws) == [3000.0]


# --- the request: what the options say ---------------------------------------------------------

def test_the_order_of_the_map_flags(ws, tmp_path):
    rows = [["Zhangbei DC", date(2023, m, 1), date(2023, m, 28), "grid", 1000 + m, 2000 + m]
            for m in (1, 2, 3)]
    book = write_workbook(tmp_path / "two.xlsx", {"Sites": SITES, "Energy": [
        ["Site", "Period start", "Period end", "Source", "Electricity (kWh)", "Usage (kWh)"], *rows]})
    by_letter = ["--map", "E=energy", "--map", "F=ignore"]
    by_header = ["--map", "Electricity (kWh)=ignore", "--map", "Usage (kWh)=energy"]
    assert counts(session(ws, book, *by_letter, *by_header).import_into(ws)) == (5, 0, 0)
    assert energy(ws) == [1001.0, 1002.0, 1003.0]
    read = session(ws, book, *by_header, *by_letter)
    assert [c.field for c in read.plan("Energy").columns][4:] == [None, "energy"]  # Usage is read
    assert_memo_tells_the_truth(ws, book, *by_header, *by_letter)


@pytest.mark.parametrize("flags", [["--sheet", "Energy"], ["--sheet", "energy"], ["--skip-hidden"],
                                   ["--unit", "energy=kWh"], ["--kind", "energy", "--sheet", "Energy"]])
def test_other_flags_are_other_requests(imported, flags):
    ws, book = imported
    assert cli_recall(ws, book, *flags) is None  # never imported with these: read
    recheck(ws, book, *flags)
    assert assert_memo_tells_the_truth(ws, book, *flags) is not None
    assert assert_memo_tells_the_truth(ws, book) is not None


def test_a_kept_profile_named_on_the_command_line(ws, tmp_path):
    book = plant_book(tmp_path / "plant.xlsx")
    ws.save_profile(plant_profile("solar", "other sheet", source="solar"))
    plain = session(ws, book)
    assert plain.offered("电表") is not None and plain.memo_request() is None  # said each time
    plain.import_into(ws)
    assert cli_recall(ws, book) is None
    assert counts(session(ws, book, "--profile", "solar", "--sheet", "电表").import_into(ws)) == (3, 0, 0)
    assert assert_memo_tells_the_truth(ws, book, "--profile", "solar", "--sheet", "电表") is not None
    ws.save_profile(plant_profile("solar", "other sheet", source="wind"))  # edited: wind
    assert cli_recall(ws, book, "--profile", "solar", "--sheet", "电表") is None
    ws.db.execute("DELETE FROM profiles")
    assert cli_recall(ws, book) is None  # no profile offered now: read and remembered
    session(ws, book).import_into(ws)
    assert assert_memo_tells_the_truth(ws, book) is not None


def test_a_schema_change_from_another_tool(imported):
    ws, book = imported
    another_tool(ws, "DROP INDEX energy_key")
    assert_memo_tells_the_truth(ws, book)


# --- layouts: the first import and a recheck of it agree -----------------------------------------

def _long(unit, *kwh):
    return [["站点", "月份", "能源类型", f"用电量（{unit}）"],
            *(["Zhangbei DC", date(2023, m, 1), "grid", k] for m, k in enumerate(kwh, start=1))]


LAYOUTS = {
    "long, MWh with decimals": {"Sites": SITES, "电表": _long("MWh", 1.1, 0.3)},
    "totals row": {"Sites": SITES, "电表": [*_long("kWh", 1, 2), ["合计", None, None, 3]]},
    "wide, year in the title": {"Sites": SITES, "2023年用电量（kWh）": [
        ["站点", "能源类型", "1月", "2月", "3月"], ["Zhangbei DC", "grid", 1001, 1002, 1003]]},
}


@pytest.mark.parametrize("layout", sorted(LAYOUTS))
def test_a_layout_imported_then_recalled(ws, tmp_path, layout):
    book = write_workbook(tmp_path / "book.xlsx", LAYOUTS[layout])
    first = session(ws, book).import_into(ws)
    assert first.inserted > 0 and not first.warnings
    assert assert_memo_tells_the_truth(ws, book).unchanged == first.inserted


def test_the_demo_workbook_and_a_csv(ws, tmp_path):
    demo = shutil.copy(Path(__file__).parents[2] / "resources" / "demo" / "demo_618.xlsx",
                       tmp_path / "demo.xlsx")
    assert session(ws, demo).import_into(ws).inserted > 200
    known = assert_memo_tells_the_truth(ws, demo)
    assert known.skipped_sheets == recheck(ws, demo).skipped_sheets == ["Read me", "Lists"]
    csv = tmp_path / "energy.csv"
    csv.write_text("Site,Period start,Period end,Source,Energy (kWh)\n"
                   "Zhangbei DC,2023-05-01,2023-05-31,grid,1234.5\n", encoding="utf-8")
    result = session(ws, csv).import_into(ws)
    assert result.inserted == 1 and not result.warnings
    assert assert_memo_tells_the_truth(ws, csv) is not None
    csv.write_text(csv.read_text() + "Zhangbei DC,2023-06-01,2023-06-30,grid,\"1,234\"\n")
    assert cli_recall(ws, csv) is None
    assert counts(session(ws, csv).import_into(ws)) == (1, 0, 1)  # a row added: read
    assert assert_memo_tells_the_truth(ws, csv).unchanged == 2
    assert assert_memo_tells_the_truth(ws, demo) is None  # the CSV's row changed the workspace


# --- the file: touched, copied, renamed, saved again --------------------------------------------

def test_a_file_touched_copied_renamed_or_saved_again(imported, tmp_path):
    ws, book = imported
    os.utime(book, ns=(1, 1))  # touched: the same bytes
    assert assert_memo_tells_the_truth(ws, book) is not None
    (tmp_path / "elsewhere").mkdir()
    copy = shutil.copy(book, tmp_path / "elsewhere" / book.name)  # the same name and bytes
    assert assert_memo_tells_the_truth(ws, copy) is not None
    renamed = book.rename(tmp_path / "energy 2023.xlsx")
    assert cli_recall(ws, renamed) is None
    energy_book(copy, kwh=(1001, 1002, 1004))
    assert cli_recall(ws, copy) is None
    assert counts(session(ws, copy).import_into(ws)) == (0, 1, 4)


# --- the workspace: undo and redo, library, aggregates, a copy, a cancel, a kill -----------------

def test_undo_and_redo_of_the_import(imported):
    ws, book = imported
    snap = editing.delete_batch(ws, ws.batches()[-1]["id"])
    assert energy(ws) == [] and cli_recall(ws, book) is None
    editing.restore_batch(ws, snap)  # redo: every row back under its id
    assert energy(ws) == [1001.0, 1002.0, 1003.0]
    assert cli_recall(ws, book) is None  # the generation moved: read once more
    assert counts(session(ws, book).import_into(ws)) == (0, 0, 5)
    assert assert_memo_tells_the_truth(ws, book) is not None


def test_the_library_accepted_and_aggregates_rebuilt(imported):
    from greenledger.core.aggregates import rebuild

    ws, book = imported
    rebuild(ws)  # derived figures only: the memo stands
    assert assert_memo_tells_the_truth(ws, book) is not None
    ws.accept_library()
    assert cli_recall(ws, book) is None


def test_a_copy_of_the_workspace_changed_apart(imported, tmp_path):
    ws, book = imported
    ws.close()
    with Workspace.open(shutil.copy(ws.path, tmp_path / "copy.greenledger")) as other, \
            Workspace.open(ws.path) as original:
        assert assert_memo_tells_the_truth(other, book) is not None  # the copy is the same
        another_tool(other, "UPDATE energy SET energy_kwh = 5 WHERE id = 1")
        assert cli_recall(other, book) is None
        assert assert_memo_tells_the_truth(original, book) is not None


def test_a_cancelled_or_killed_import_keeps_no_memo(ws, tmp_path):
    book = energy_book(tmp_path / "energy.xlsx")
    with pytest.raises(ImportCancelled):
        session(ws, book).import_into(ws, cancelled=lambda: True)
    assert cli_recall(ws, book) is None and energy(ws) == []
    killed = subprocess.run([sys.executable, "-c", (  # killed after the memo is kept, before the commit
        "import os, sys; from greenledger.core.importing import memo; from greenledger.gui.cli import main; "
        "memo.remember = lambda *a, r=memo.remember, **k: (r(*a, **k), os._exit(9)); "
        "main(['--workspace', sys.argv[1], 'import', sys.argv[2]])"), str(ws.path), str(book)],
        capture_output=True, text=True, cwd=Path(__file__).parents[2])
    assert killed.returncode == 9, killed.stderr
    assert cli_recall(ws, book) is None and energy(ws) == []
    assert counts(session(ws, book).import_into(ws)) == (5, 0, 0)
    assert assert_memo_tells_the_truth(ws, book) is not None


def test_the_command_line_says_the_same_as_a_recheck(tmp_path):
    work, book = tmp_path / "w.greenledger", energy_book(tmp_path / "energy.xlsx")

    def gl(*args):
        proc = subprocess.run([sys.executable, "-m", "greenledger.gui.cli", "--workspace", work, *args],
                              capture_output=True, text=True, cwd=Path(__file__).parents[2])
        assert proc.returncode == 0 and "Traceback" not in proc.stderr, proc.stderr
        return proc.stdout.splitlines()

    gl("import", book)
    known, checked = gl("import", book), gl("import", book, "--recheck")
    assert "not read again" in known[-1] and "not read again" not in checked[-1]
    assert known[:-1] == checked[:-1] == ["Sites (sites): 2 rows: 0 new, 0 updated, 2 unchanged",
                                          "Energy (energy): 3 rows: 0 new, 0 updated, 3 unchanged"]
    # the language changed: the same answer (and the same figures on a recheck), in Chinese
    known, checked = gl("--lang", "zh", "import", book), gl("--lang", "zh", "import", book, "--recheck")
    assert known[:-1] == checked[:-1] and "--recheck" in known[-1] and known[-1] != checked[-1]


@pytest.mark.parametrize("seed", range(4))
def test_random_sequences_of_actions(ws, tmp_path, seed):
    """Imports (several files, flags, rechecks), edits from two connections, deletes and their
    undo, undone imports, another tool's UPDATE, INSERT and REPLACE, kept profiles saved and
    deleted, in a random order: after each, the memo's answer for every file is the truth.
    (40 seeds of 40 steps were run so while attacking; 4 are kept.)"""
    rnd, undo = random.Random(seed), []
    books = [energy_book(tmp_path / "a.xlsx"), energy_book(tmp_path / "b.xlsx", kwh=(1, 2, 3)),
             plant_book(tmp_path / "p.xlsx")]
    asks = [(b, f) for b in books for f in ([], ["--sheet", "Energy"]) if not (f and "p" in b.stem)]
    for _ in range(25):
        act = rnd.choice(["import", "import", "recheck", "edit", "delete", "undo", "tool", "profile",
                          "undo import"])
        rows = [r["id"] for r in ws.rows(Kind.ENERGY)]
        with suppress(ImportRefused, WorkspaceError, sqlite3.IntegrityError):
            if act in ("import", "recheck"):
                session(ws, *(lambda b, f: (b, *f))(*rnd.choice(asks))).import_into(
                    ws, recheck=act == "recheck")
            elif act in ("edit", "delete") and rows:
                rec = ws.records(Kind.ENERGY, [rnd.choice(rows)])
                undo.append(rec)
                with Workspace.open(ws.path) as other:  # another window
                    editing.apply_state(other, Kind.ENERGY, {
                        i: None if act == "delete" else {**r, "energy_kwh": 5.0} for i, r in rec.items()})
            elif act == "undo" and undo:
                editing.apply_state(ws, Kind.ENERGY, undo.pop())
            elif act == "tool" and rows:
                another_tool(ws, rnd.choice([
                    f"UPDATE energy_rows SET energy_kwh = 7 WHERE id = {rnd.choice(rows)}",
                    "INSERT OR REPLACE INTO energy_rows SELECT id, site_id, start_day, start_time, end_span, "
                    "end_time, source, instrument, 9, batch_id, sheet, source_row, key_copy FROM energy_rows "
                    f"WHERE id = {rnd.choice(rows)}", "DELETE FROM profiles"]))
            elif act == "profile":
                ws.save_profile(plant_profile(rnd.choice("xy"), rnd.choice(["电表", "other"]),
                                              source=rnd.choice([None, "solar"])))
            elif act == "undo import" and ws.batches():
                editing.delete_batch(ws, rnd.choice(ws.batches())["id"])
        for book, flags in asks:
            assert_memo_tells_the_truth(ws, book, *flags)


# --- the window ------------------------------------------------------------------------------

def assistant_import(ws, book, change=None):
    """The window's assistant: a session with the kept profiles, the user's change, Import."""
    from greenledger.core.importing import profiles
    from greenledger.gui.workers import import_workbook

    opened = ImportSession.open(book, kept=profiles.kept(ws))
    if change is not None:
        change(opened)
    opened.preflight(ws)
    return import_workbook(workspace=ws.path, file=book, plans=opened.included_plans,
                           progress=lambda *a: None, cancelled=lambda: False)


def test_the_window_recalls_only_what_its_assistant_would_import(imported):
    from greenledger.gui.import_controller import recalled

    ws, book = imported
    assert recalled(ws, book) is not None  # the command line's import: the window's first options
    untick = assistant_import(ws, book, lambda s: s.include("Sites", False))
    assert (untick.recalled, counts(untick)) == (None, (0, 0, 3))  # another request: read
    again = assistant_import(ws, book, lambda s: s.include("Sites", False))
    assert again.recalled is not None and counts(again) == (0, 0, 3)
    changed = assistant_import(ws, book, lambda s: s.give_unit("Energy", "energy", "kWh"))
    assert changed.recalled is None
    assert recalled(ws, book) is not None and assert_memo_tells_the_truth(ws, book) is not None


def test_read_again_in_the_window_reads_and_checks(qtbot, tmp_path):
    """Imported, dropped again (the memo's message), Read Again…, Import: read and checked, a row
    changed under a memo fooled by hand (as a hole not yet found would) is put back."""
    from PySide6.QtWidgets import QMessageBox

    from greenledger.gui.main_window import MainWindow

    w = MainWindow(tmp_path / "w.greenledger")
    qtbot.addWidget(w)
    w.show()
    book = energy_book(tmp_path / "energy.xlsx")
    with qtbot.waitSignal(w.import_finished, timeout=10000):
        w.start_import(book)
    another_tool(w.workspace, "UPDATE energy_rows SET energy_kwh = 5 WHERE energy_kwh = 1001")
    with Workspace.open(w.workspace.path) as other:  # the hole: the memo still answers
        another_tool(other, f"UPDATE import_memo SET state = '{memo.state(other)}'")
    assert w.open_import_assistant(book) is None  # the memo answers: its message
    box = w.imports.message_box
    assert isinstance(box, QMessageBox) and "not read again" in box.informativeText()
    next(b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.ActionRole).click()
    dialog = w.import_assistant
    qtbot.waitUntil(lambda: dialog.import_button.isEnabled(), timeout=10000)
    with qtbot.waitSignal(w.import_finished, timeout=10000) as done:
        dialog.import_button.click()
    assert done.args[0].recalled is None and counts(done.args[0]) == (0, 1, 4)
    with Workspace.open(w.workspace.path) as ws:
        assert energy(ws) == [1001.0, 1002.0, 1003.0]


# --- the memo's own tables, cleared by another tool -------------------------------------------

def test_the_memo_tables_emptied_by_another_tool(imported):
    ws, book = imported
    another_tool(ws, "DELETE FROM import_memo_state", "DELETE FROM import_memo")
    assert cli_recall(ws, book) is None
    assert session(ws, book).import_into(ws).unchanged == 5  # read, and remembered
    eid = min(r["id"] for r in ws.rows(Kind.ENERGY))
    rec = ws.records(Kind.ENERGY, [eid])[eid]
    editing.apply_state(ws, Kind.ENERGY, {eid: {**rec, "energy_kwh": 5.0}})  # an edit in the window
    assert_memo_tells_the_truth(ws, book)


def test_the_memo_made_again_after_another_tool_dropped_it(ws, tmp_path):
    warned = write_workbook(tmp_path / "warned.xlsx", {"Sites": SITES, "Energy": [ENERGY_HEADER, [
        "Ulanqab DC", date(2023, 1, 1), date(2023, 1, 31), "grid", "12,300", None]]})
    assert session(ws, warned).import_into(ws).warnings  # said each time: never remembered
    book = energy_book(tmp_path / "energy.xlsx")
    assert session(ws, book).import_into(ws).inserted == 3
    (old,) = ws.db.execute("SELECT generation FROM import_memo_state").fetchone()  # as remembered
    triggers = ws.db.execute("SELECT name FROM sqlite_master WHERE name LIKE 'memo_%'").fetchall()
    another_tool(ws, *(f"DROP TRIGGER {name}" for (name,) in triggers), "DROP TABLE import_memo_state",
                 "UPDATE energy_rows SET energy_kwh = 5 WHERE energy_kwh = 1001")
    assert session(ws, warned).import_into(ws).warnings  # the memo's tables made again
    rec = ws.records(Kind.ENERGY, [next(r["id"] for r in ws.rows(Kind.ENERGY) if r["site"] == "Ulanqab DC")])
    for _ in range(100):  # edits that change no figure (an edit and its undo)
        (gen,) = ws.db.execute("SELECT generation FROM import_memo_state").fetchone()
        if gen >= old:
            break
        editing.apply_state(ws, Kind.ENERGY, rec)
    assert 5.0 in energy(ws)
    assert_memo_tells_the_truth(ws, book)
