"""core.editing: edits validated by the importer's own checks, written as states, batches undone."""

from __future__ import annotations

import pytest

from greenledger.core import editing
from greenledger.core.demo import build_demo
from greenledger.core.errors import ImportRefused, WorkspaceError
from greenledger.core.fields import Kind
from greenledger.core.storage import Workspace


@pytest.fixture
def demo(tmp_path):
    build_demo(tmp_path / "demo.greenledger")
    w = Workspace.open(tmp_path / "demo.greenledger")
    yield w
    w.close()


def test_every_stored_row_passes_the_checks_unchanged(demo):
    for kind in Kind:
        rows = demo.rows(kind)
        checked = editing.check_rows(demo, kind, [(r["id"], editing.row_texts(kind, r))
                                                  for r in rows])
        assert checked.state == editing.state_of(demo, kind, [r["id"] for r in rows])


def test_refusals_carry_the_importers_reasons_and_rows(demo):
    r = demo.rows(Kind.ENERGY)[0]
    good = editing.row_texts(Kind.ENERGY, r)
    with pytest.raises(ImportRefused) as info:
        editing.check_rows(demo, Kind.ENERGY, [(r["id"], good),
                                               (None, {**good, "energy": "x", "site": "Nope"})])
    assert sorted((p.row, p.reason.split(":")[0]) for p in info.value.problems) == [
        (3, "not a number"), (3, "unknown site")]


def test_apply_state_and_back(demo):
    r = demo.rows(Kind.ENERGY)[0]
    checked = editing.check_rows(demo, Kind.ENERGY,
                                 [(r["id"], {**editing.row_texts(Kind.ENERGY, r), "energy": "7"})])
    before = editing.state_of(demo, Kind.ENERGY, checked.state)
    editing.apply_state(demo, Kind.ENERGY, checked.state)
    assert demo.db.execute("SELECT energy_kwh FROM energy WHERE id = ?", [r["id"]]).fetchone()[0] == 7
    editing.apply_state(demo, Kind.ENERGY, before)
    assert demo.db.execute("SELECT energy_kwh FROM energy WHERE id = ?",
                           [r["id"]]).fetchone()[0] == r["energy"]


def test_packaging_quantity_stays_in_kg(demo):
    r = demo.rows(Kind.PACKAGING)[0]
    state = editing.check_rows(demo, Kind.PACKAGING,
                               [(r["id"], editing.row_texts(Kind.PACKAGING, r))]).state
    assert state[r["id"]]["quantity_kg"] == r["quantity"]


def test_delete_refused_while_rows_refer(demo):
    ids = list(demo.site_names().values())
    with pytest.raises(WorkspaceError, match="energy rows refer to it"):
        editing.deletion(demo, Kind.SITES, ids)


def test_delete_batch_and_restore(demo):
    counts = demo.counts()
    snap = editing.delete_batch(demo, 1)
    assert snap.row_count == sum(counts.values())
    assert sum(demo.counts().values()) == 0 and demo.batches() == []
    editing.restore_batch(demo, snap)
    assert demo.counts() == counts and len(demo.batches()) == 1


def test_header_text_matches_the_template():
    from greenledger.core.fields import SHEETS
    from greenledger.core.template import header_text

    for spec in SHEETS.values():
        for f in spec.fields:
            assert editing.header_text(f) == header_text(f)


@pytest.mark.parametrize("copies", [1, 25])
def test_duplicate_of_a_stored_row_is_refused(demo, copies):
    """Both ways of finding key collisions (a query per row, one scan for many rows)."""
    rows = demo.rows(Kind.ENERGY)
    clash = editing.row_texts(Kind.ENERGY, rows[1])
    new = [(None, {**editing.row_texts(Kind.ENERGY, r), "period_start": f"2030-01-{i + 1:02d}",
                   "period_end": f"2030-01-{i + 1:02d}"}) for i, r in enumerate(rows[:copies - 1])]
    with pytest.raises(ImportRefused) as info:
        editing.check_rows(demo, Kind.ENERGY, [*new, (rows[0]["id"], clash)])
    assert [p.code for p in info.value.problems] == ["duplicate_row"]
    assert info.value.problems[0].row == copies + 1


def test_renaming_a_baseline_campaign_keeps_the_campaigns_that_compare_to_it(demo):
    from greenledger.core.accounting import summarize

    rows = {r["campaign"]: r for r in demo.rows(Kind.CAMPAIGNS)}
    base = rows["6.18 2020"]
    change_before = next(c for c in summarize(demo)["campaigns"] if c["name"] == "6.18 2021")
    texts = {**editing.row_texts(Kind.CAMPAIGNS, base), "campaign": "618 (2020)"}
    checked = editing.check_rows(demo, Kind.CAMPAIGNS, [(base["id"], texts)])
    before = editing.state_of(demo, Kind.CAMPAIGNS, checked.state)
    editing.apply_state(demo, Kind.CAMPAIGNS, checked.state)
    baselines = dict(demo.db.execute("SELECT name, baseline FROM campaigns").fetchall())
    assert baselines["6.18 2021"] == "618 (2020)"
    after = next(c for c in summarize(demo)["campaigns"] if c["name"] == "6.18 2021")
    assert after["baseline"] == "618 (2020)"
    assert after["intensity_change_pct"] == pytest.approx(change_before["intensity_change_pct"])
    editing.apply_state(demo, Kind.CAMPAIGNS, before)  # undo renames it back, baseline too
    baselines = dict(demo.db.execute("SELECT name, baseline FROM campaigns").fetchall())
    assert baselines["6.18 2021"] == "6.18 2020"
