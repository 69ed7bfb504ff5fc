"""A month far below the site's median (blind3 magnitude_slip.xlsx): refused only where a unit slip
is near-certain (×1,000 or ×10,000 brings it among the other months, and it is neither the site's
first nor its last month, which may be partial); warned otherwise (a standby month). What the rule
gets wrong is asked of each: a partial first month, a standby site, a month of a few hours."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from greenledger.core.bounds import month_slips
from greenledger.core.errors import ImportRefused
from greenledger.core.fields import Kind
from greenledger.core.importing import engine
from tests.conftest import SITES, write_workbook

ZB = "Zhangbei DC"
H = ["Site", "Period start", "Period end", "Source", "Energy (kWh)"]
MONTHS = [(date(2023, m, 1), date(2023, m + 1, 1) - timedelta(days=1)) for m in range(1, 7)]


def _book(tmp_path, values):
    rows = [[ZB, a, b, "grid", v] for (a, b), v in zip(MONTHS, values, strict=True)]
    return write_workbook(tmp_path / "m.xlsx", {"Sites": SITES, "Energy": [H, *rows]})


def test_an_mwh_month_is_refused_and_the_hint_gives_the_figure(ws, tmp_path):
    values = [1_250_000, 1_180_000, 1_302, 1_290_000, 1_275_000, 1_260_000]
    with pytest.raises(ImportRefused) as refused:
        engine.import_file(ws, _book(tmp_path, values))
    [p] = refused.value.problems
    assert (p.code, p.row, p.column, p.params["unit"]) == ("month_slip", 4, "Energy (kWh) [E]", "MWh")
    values[2] = float(p.params["fixed"].replace(",", ""))  # the hint, followed
    engine.import_file(ws, _book(tmp_path, values))
    assert sum(r["energy"] for r in ws.rows(Kind.ENERGY)) == 1_250_000 + 1_180_000 + 1_302_000 + \
        1_290_000 + 1_275_000 + 1_260_000


@pytest.mark.parametrize("values, why", [
    ([1_302, 1_180_000, 1_250_000, 1_290_000, 1_275_000, 1_260_000], "the first month may be partial"),
    ([1_250_000, 1_180_000, 1_250_000, 1_290_000, 1_275_000, 1_302], "the last month may be partial"),
    ([1_250_000, 1_180_000, 3_000, 1_290_000, 1_275_000, 1_260_000], "standby: x1000 is 2.4x the median"),
])
def test_a_low_month_that_may_be_real_is_warned_not_refused(ws, tmp_path, values, why):
    result = engine.import_file(ws, _book(tmp_path, values))
    assert [w.code for w in result.warnings if w.code.startswith("month_")] == ["month_low"], why


def test_a_month_of_a_few_hours_is_not_held_to_the_rule(ws, tmp_path):
    """A file starting at 31 January 23:00 has one hour of January (1,700 kWh): a partial month,
    not a slip, though ×1,000 would bring it among the others."""
    rows = [[ZB, datetime(2023, 1, 31, 23), datetime(2023, 2, 1), "grid", 1_700.0]]
    rows += [[ZB, a, b, "grid", 1_250_000.0] for a, b in MONTHS[1:]]
    path = write_workbook(tmp_path / "h.xlsx", {"Sites": SITES, "Energy": [H, *rows]})
    result = engine.import_file(ws, path)
    assert not [w for w in result.warnings if w.code in ("month_slip", "month_low")]
    assert len(ws.rows(Kind.ENERGY)) == 6


def test_month_slips_names_the_slip_only_inside_the_months():
    rows = [(ZB, date(2023, m, 1), 1_250_000.0, m) for m in range(1, 7) if m != 3]
    [m] = month_slips([*rows, (ZB, date(2023, 3, 1), 125.0, 3)])  # ×10,000: 万kWh
    assert (m.where, m.factor, m.unit) == (3, 10_000.0, "万kWh")
    [m] = month_slips([*rows[1:], (ZB, date(2023, 1, 1), 1_250.0, 1)])
    assert m.factor is None  # the first month: warned, never refused
    assert month_slips([*rows, (ZB, date(2023, 3, 1), 0.0, 3)]) == []  # a closed month: nothing
    [m] = month_slips([*rows[:3], (ZB, date(2023, 3, 1), 1_250.0, 3)])  # four months: a median
    assert m.factor is None  # that says little: warned, not refused


def test_the_workspace_check_finds_a_stored_slip(ws, tmp_path):
    """`greenledger check` over rows stored before the rule (or entered by hand)."""
    from greenledger.core.checks import check_workspace

    engine.import_file(ws, _book(tmp_path, [1_250_000, 1_180_000, 1_250_000, 1_290_000, 1_275_000,
                                            1_260_000]))
    [row] = [r for r in ws.rows(Kind.ENERGY) if r["period_start"] == "2023-03-01"]
    from greenledger.core import editing

    texts = {**editing.row_texts(Kind.ENERGY, row), "energy": "1302"}  # typed in the table
    editing.apply_state(ws, Kind.ENERGY, editing.check_rows(ws, Kind.ENERGY, [(row["id"], texts)]).state)
    [f] = [f for f in check_workspace(ws) if f.check == "month"]
    assert f.error and "write 1,302,000" in f.render() and f.rows[0].id == row["id"]
