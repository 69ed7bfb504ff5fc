"""The import memo (core.importing.memo): a file imported with some options is not read again
while neither it nor the workspace has changed since; any change to either (an edit, a delete,
an undo, another import, a factor, raw SQL from another tool, one byte of the file, another
option) makes the next import read and check the file as before, and store what it holds."""

from __future__ import annotations

import sqlite3
from datetime import date

import pytest

from greenledger.core import editing
from greenledger.core.errors import ImportRefused
from greenledger.core.fields import Kind
from greenledger.core.importing import memo, source
from greenledger.core.importing.session import ImportSession
from greenledger.core.queries_memo import OWN, TRACKED
from greenledger.core.storage import Workspace
from greenledger.gui import cli_import
from greenledger.gui.cli import build_parser
from tests.conftest import ENERGY_HEADER, SITES, write_workbook


def energy_book(path, kwh=(1000, 1100, 1200)):
    rows = [["Zhangbei DC", date(2023, m, 1), date(2023, m, 28), "grid", k, None]
            for m, k in enumerate(kwh, start=1)]
    return write_workbook(path, {"Sites": SITES, "Energy": [ENERGY_HEADER, *rows]})


def again(ws, path, **options):
    """Import `path` as the window and the command line do (a fresh session)."""
    return ImportSession.open(path).import_into(ws, **options)


def stored(ws) -> dict[str, float]:
    return {r["period_start"].isoformat() if hasattr(r["period_start"], "isoformat")
            else str(r["period_start"]): r["energy"] for r in ws.rows(Kind.ENERGY)}


@pytest.fixture
def imported(ws, tmp_path):
    book = energy_book(tmp_path / "energy.xlsx")
    first = again(ws, book)
    assert (first.inserted, first.recalled) == (5, None)
    return ws, book


def test_the_same_file_into_an_unchanged_workspace_is_not_read_again(imported, monkeypatch):
    ws, book = imported
    known = again(ws, book)
    assert known.recalled is not None
    assert (known.inserted, known.updated, known.unchanged) == (0, 0, 5)
    assert [(s, k, n) for s, k, n in known.sheets] == [("Sites", Kind.SITES, 2), ("Energy", Kind.ENERGY, 3)]
    checked = again(ws, book, recheck=True)  # what reading it again finds: the same counts
    assert checked.recalled is None
    assert (checked.inserted, checked.updated, checked.unchanged) == (0, 0, 5)
    # the command line answers before reading the file: the reader is never called
    monkeypatch.setattr(source, "read_sheets", lambda *a, **k: pytest.fail("read"))
    args = build_parser().parse_args(["import", str(book)])
    assert cli_import.recalled(args, ws).unchanged == 5
    for flag in ("--recheck", "--dry-run"):
        assert cli_import.recalled(build_parser().parse_args(["import", str(book), flag]), ws) is None


@pytest.mark.parametrize("change", ["edit", "delete", "undo", "other_import", "raw_sql_view",
                                    "raw_sql_insert", "raw_sql_replace", "drop_index", "library",
                                    "profile"])
def test_any_change_to_the_workspace_makes_the_file_read_again(imported, tmp_path, change):
    ws, book = imported
    eid = min(r["id"] for r in ws.rows(Kind.ENERGY))
    if change == "edit":
        rec = ws.records(Kind.ENERGY, [eid])[eid]
        editing.apply_state(ws, Kind.ENERGY, {eid: {**rec, "energy_kwh": 5.0}})
    elif change == "delete":
        editing.apply_state(ws, Kind.ENERGY, editing.deletion(ws, Kind.ENERGY, [eid]))
    elif change == "undo":
        batch = ws.batches()[-1]["id"]
        editing.restore_batch(ws, editing.delete_batch(ws, batch))
    elif change == "other_import":
        again(ws, write_workbook(tmp_path / "more.xlsx", {"Energy": [ENERGY_HEADER, [
            "Ulanqab DC", date(2023, 1, 1), date(2023, 1, 31), "wind", 7, "PPA"]]}))
    elif change in ("raw_sql_view", "raw_sql_insert"):  # another tool, on the file itself
        con = sqlite3.connect(ws.path)
        con.execute("UPDATE energy SET energy_kwh = 5 WHERE id = ?", [eid]) if change == "raw_sql_view" \
            else con.execute("INSERT INTO energy (site_id, period_start, period_end, source, energy_kwh) "
                             "VALUES (1, '2024-01-01', '2024-01-31', 'grid', 5)")
        con.commit()
        con.close()
    elif change in ("raw_sql_replace", "drop_index"):  # REPLACE under the row's own id fires no
        con = sqlite3.connect(ws.path)                  # delete trigger; an index dropped
        con.execute("INSERT OR REPLACE INTO energy_rows SELECT id, site_id, start_day, start_time, "
                    "end_span, end_time, source, instrument, 5.0, batch_id, sheet, source_row, "
                    "key_copy FROM energy_rows WHERE id = ?", [eid]) if change == "raw_sql_replace" \
            else con.execute("DROP INDEX energy_key_copies")
        con.commit()
        con.close()
    elif change == "library":
        con = sqlite3.connect(ws.path)
        con.execute("UPDATE library_factors SET value = value * 2 WHERE rowid = 1")
        con.commit()
        con.close()
    elif change == "profile":
        from greenledger.core.importing.profiles import Profile
        plan = ImportSession.open(book).plans[1]
        ws.save_profile(Profile.from_plan(plan, name="mine"))
    result = again(ws, book)
    assert result.recalled is None
    if change in ("edit", "delete", "raw_sql_view", "raw_sql_replace"):  # the file's figure is back
        assert result.updated + result.inserted == 1
        assert sorted(stored(ws).values()) == [1000, 1100, 1200]
    assert again(ws, book).recalled is not None or change == "profile"  # remembered again


def test_a_changed_file_or_other_options_are_read(imported, tmp_path):
    ws, book = imported
    energy_book(book, kwh=(1000, 1100, 1250))  # one figure changed: same name, other bytes
    result = again(ws, book)
    assert (result.recalled, result.updated) == (None, 1)
    assert sorted(stored(ws).values()) == [1000, 1100, 1250]
    # another request is another import: a sheet left out is read (and remembered apart)
    for _ in range(2):
        session = ImportSession.open(book)
        session.include("Sites", False)
        result = session.import_into(ws)
        assert (result.inserted, result.updated, result.unchanged) == (0, 0, 3)
    assert result.recalled is not None
    assert again(ws, book).recalled is not None  # both requests answer: nothing changed between


def test_an_import_with_warnings_is_never_recalled(ws, tmp_path):
    book = write_workbook(tmp_path / "hidden.xlsx", {"Sites": SITES, "Energy": [ENERGY_HEADER, [
        "Zhangbei DC", date(2023, 1, 1), date(2023, 1, 31), "grid", "12,300", None]]})
    first = again(ws, book)
    assert first.warnings  # 12,300 read as thousands, said each time
    second = again(ws, book)
    assert second.recalled is None and second.warnings


def test_the_summary_and_aggregates_do_not_forget_the_memo(imported):
    from greenledger.core.accounting import summarize

    ws, book = imported
    summarize(ws)
    assert again(ws, book).recalled is not None


def test_every_table_of_data_is_watched(tmp_path):
    """A table a migration adds must be in queries_memo.TRACKED (with its triggers), else the
    memo would not see its changes; the memo refuses to answer for a workspace with another."""
    with Workspace.open(tmp_path / "w.greenledger") as ws:
        book = energy_book(tmp_path / "e.xlsx")
        again(ws, book)
        names = {r[0] for r in ws.db.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "AND name NOT LIKE 'agg_%'")}
        assert names - set(OWN) == set(TRACKED)
        assert again(ws, book).recalled is not None
        ws.db.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)")
        assert again(ws, book).recalled is None


def test_a_file_changed_while_being_read_is_refused(ws, tmp_path, monkeypatch):
    book = energy_book(tmp_path / "e.xlsx")
    real = source.read_sheets

    def read_then_save(path, sheet=None):
        sheets = list(real(path, sheet))
        energy_book(book, kwh=(1, 2, 3))  # saved again while it was read
        return sheets
    monkeypatch.setattr(source, "read_sheets", read_then_save)
    with pytest.raises(ImportRefused) as exc:
        ImportSession.open(book)
    assert exc.value.problems[0].code == "file_changed_while_read"
    assert "e.xlsx" in str(exc.value.problems[0])


def test_without_its_triggers_the_memo_answers_nothing_until_they_are_made_again(imported):
    ws, book = imported
    assert memo.state(ws) is not None
    ws.db.execute("DROP TRIGGER memo_energy_rows_update")  # as another tool might
    assert memo.state(ws) is None
    result = again(ws, book)
    assert result.recalled is None and result.unchanged == 5
    assert memo.state(ws) is not None and again(ws, book).recalled is not None


def test_a_workspace_opened_read_only_still_recalls_and_one_without_the_tables_keeps_none(imported):
    ws, book = imported
    checked = again(ws, book, recheck=True)
    ws.db.execute("PRAGMA query_only = ON")  # every write refused, as on a locked share
    assert again(ws, book).recalled is not None  # the answer needs no write
    ws.db.execute("PRAGMA query_only = OFF")
    ws.db.execute("DROP TABLE import_memo_state")
    ws.db.execute("PRAGMA query_only = ON")
    assert memo.state(ws) is None and memo.started_state(ws) is None  # cannot be made: no error
    memo.remember_unchanged(ws, book.name, "sha", "{}", checked, None)
    assert memo.state(ws) is None


def test_another_build_or_factor_library_is_another_program(tmp_path, monkeypatch):
    """A memo kept by one build is not trusted by another: the key holds every source file of
    core and the shipped data (the factor library), by name, size and time written."""
    import os

    (tmp_path / "core" / "importing").mkdir(parents=True)
    (tmp_path / "resources" / "data").mkdir(parents=True)
    code, lib = tmp_path / "core" / "importing" / "engine.py", tmp_path / "resources" / "data" / "factors.csv"
    code.write_text("x = 1\n")
    lib.write_text("grid,0.5\n")
    monkeypatch.setattr(memo, "_PACKAGE", tmp_path)
    first = memo.program()
    assert memo.program() == first
    lib.write_text("grid,0.6\n")
    second = memo.program()
    assert second != first
    os.utime(code, ns=(1, 1))  # the same size, written at another time
    assert memo.program() not in (first, second)
    assert memo.key("a.xlsx", "sha", "{}") != memo.key("b.xlsx", "sha", "{}")


def test_the_order_of_map_flags_is_part_of_the_request():
    """The first --map of a column wins (columns._explicit_for): the same flags in another
    order may read another column, so they are another request."""
    from greenledger.core.importing.plan import ImportOptions

    a = ImportOptions(mapping={"E": "energy", "Usage (kWh)": "ignore"})
    b = ImportOptions(mapping={"Usage (kWh)": "ignore", "E": "energy"})
    assert memo.options_request(a, None) != memo.options_request(b, None)
    assert memo.options_request(a, None) == memo.options_request(
        ImportOptions(mapping={"E": "energy", "Usage (kWh)": "ignore"}), None)


def test_a_write_between_the_checks_and_the_write_refuses_the_import(ws, tmp_path, monkeypatch):
    """Another window or process writing after an import's checks and before its write: what
    was checked may no longer hold (an overlap), so the import is refused and writes nothing."""
    from greenledger.core.importing import transaction

    again(ws, write_workbook(tmp_path / "s.xlsx", {"Sites": SITES}))
    book = energy_book(tmp_path / "energy.xlsx")
    quarter = write_workbook(tmp_path / "q.xlsx", {"Energy": [ENERGY_HEADER, [
        "Zhangbei DC", date(2023, 1, 1), date(2023, 3, 31), "grid", 3000, None]]})
    real = transaction._write

    def other_first(*args, **kwargs):
        monkeypatch.setattr(transaction, "_write", real)
        with Workspace.open(ws.path) as other:  # its checks see no months yet: it writes
            assert again(other, quarter).inserted == 1
        return real(*args, **kwargs)
    monkeypatch.setattr(transaction, "_write", other_first)
    with pytest.raises(ImportRefused) as exc:
        again(ws, book)
    assert exc.value.problems[0].code == "workspace_changed"
    assert sorted(stored(ws).values()) == [3000]  # the months were not written beside it
    with pytest.raises(ImportRefused) as exc:  # imported again, as the refusal says: checked
        again(ws, book)
    assert any(p.code == "period_overlap" for p in exc.value.problems)


def test_a_rebuild_of_the_aggregates_keeps_the_memo(imported):
    from greenledger.core.aggregates import rebuild

    ws, book = imported
    rebuild(ws)  # derived figures only, made again
    assert again(ws, book).recalled is not None


@pytest.mark.parametrize("tamper", ["empty_state", "drop_triggers"])
def test_a_memo_whose_machinery_was_broken_forgets_everything(imported, tamper):
    """Another tool empties the generation or drops the triggers, and a row is edited meanwhile
    (not counted): the memo is made again from scratch, remembering nothing from before."""
    ws, book = imported
    con = sqlite3.connect(ws.path)
    if tamper == "empty_state":
        con.execute("DELETE FROM import_memo_state")
    else:
        for (name,) in con.execute("SELECT name FROM sqlite_master WHERE type = 'trigger' "
                                   "AND name LIKE 'memo!_%' ESCAPE '!'").fetchall():
            con.execute(f"DROP TRIGGER {name}")
    con.execute("UPDATE energy_rows SET energy_kwh = 5 WHERE id = (SELECT min(id) FROM energy_rows)")
    con.commit()
    con.close()
    assert memo.state(ws) is None
    result = again(ws, write_workbook(ws.path.parent / "other.xlsx", {"Sites": SITES}))
    assert result.recalled is None  # another file: makes the memo again
    assert memo.state(ws) is not None
    result = again(ws, book)
    assert result.recalled is None and result.updated == 1  # read: the edit is undone
    assert sorted(stored(ws).values()) == [1000, 1100, 1200]


def test_the_readers_versions_are_part_of_the_program(monkeypatch):
    """Another python-calamine, openpyxl, sqlite-utils, SQLite or Python may read a cell or a
    header otherwise: a memo of one is not trusted by another (H-M)."""
    first = memo.program()
    monkeypatch.setattr(memo.sqlite3, "sqlite_version", "0.0.1")
    memo._readers.cache_clear()
    try:
        assert memo.program() != first
    finally:
        monkeypatch.undo()
        memo._readers.cache_clear()
    assert memo.program() == first
