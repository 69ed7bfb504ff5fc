"""Upsert by the database (issue 15): each natural key is a UNIQUE index (migration m005), the
importer writes with one INSERT … ON CONFLICT … DO UPDATE … WHERE <a value changed>, and counts
new, updated and unchanged rows without reading the table into memory. Keys with blank parts
(a grid row's Instrument, a delivery given by dates, a factor without a year) are the cases a
plain UNIQUE index gets wrong: NULLs would be distinct and a re-import would add every such row
again."""

from __future__ import annotations

import sqlite3
from datetime import date

import pytest

from greenledger.core.fields import Kind
from greenledger.core.importing.importer import import_file
from tests.conftest import CAMPAIGNS, ENERGY_HEADER, SITES, snapshot

DELIVERIES = ["Business unit", "Campaign", "Period start", "Period end", "Orders", "Vehicle",
              "Distance (km)", "Emissions (t CO2e)"]
PACKAGING = ["Business unit", "Campaign", "Period start", "Period end", "Material", "Quantity", "Unit",
             "Recycled content (%)"]
INITIATIVES = ["Initiative", "Business unit", "Campaign", "Activity", "Activity unit",
               "Factor (kg CO2e per unit)", "Reduction (t CO2e)"]
FACTORS = ["Factor", "Region", "Year", "Value", "Unit", "Source"]
KINDS = ("sites", "campaigns", "energy", "deliveries", "packaging", "initiatives", "factors")


def sheets(kwh: float = 3.0, orders: float = 10_000, extra: bool = False) -> dict[str, list[list]]:
    """Every kind, with blank key parts; `kwh`/`orders` change one value each, `extra` adds a key."""
    jun = (date(2021, 6, 1), date(2021, 6, 30))
    energy = [ENERGY_HEADER,
              ["Zhangbei DC", *jun, "grid", kwh, None],           # Instrument blank
              ["Zhangbei DC", *jun, "wind", 5, "green power trade"],
              ["Ulanqab DC", *jun, "grid", 7, None]]
    if extra:
        energy.append(["Ulanqab DC", date(2021, 7, 1), date(2021, 7, 31), "grid", 8, None])
    return {
        "Sites": SITES, "Campaigns": CAMPAIGNS, "Energy": energy,
        "Deliveries": [DELIVERIES,
                       ["Tmall", "6.18 2021", None, None, orders, None, None, 1.5],  # no period, vehicle
                       ["Ele.me", None, *jun, 20_000, None, None, 2.5]],         # no campaign
        "Packaging": [PACKAGING, ["Cainiao", None, *jun, "board", 1, "t", 30]],
        "Initiatives": [INITIATIVES, ["Efficient DC", None, "6.18 2021", None, None, None, 13]],
        "Factors": [FACTORS, ["bamboo box", "", None, 0.5, "kg CO2e/kg", "own study"]],  # no year
    }


def counts(result) -> dict[str, tuple[int, int, int]]:
    return {k.value: (c.inserted, c.updated, c.unchanged) for k, c in result.counts.items()}


def test_a_reimport_with_nothing_changed_writes_nothing_also_for_blank_key_parts(ws, workbook):
    first = import_file(ws, workbook(sheets()))
    assert counts(first) == {"sites": (2, 0, 0), "campaigns": (2, 0, 0), "energy": (3, 0, 0),
                             "deliveries": (2, 0, 0), "packaging": (1, 0, 0), "initiatives": (1, 0, 0),
                             "factors": (1, 0, 0)}
    before = snapshot(ws)
    changes = ws.db.conn.total_changes
    again = import_file(ws, workbook(sheets(), name="again.xlsx"))
    n = {k: len(before[k]) for k in KINDS}
    assert counts(again) == {k: (0, 0, n[k]) for k in KINDS}
    assert again.batch_id is None  # nothing changed: no batch recorded
    assert snapshot(ws) == before  # no row added, no provenance moved to the new file
    assert ws.db.conn.total_changes - changes == 1  # only the batch row, rolled back with it


def test_changed_values_update_in_place_and_new_keys_insert_counted_as_the_dry_run_said(ws, workbook):
    first = import_file(ws, workbook(sheets()))
    ids = {(r["site"], r["source"], r["period_start"]): r["id"] for r in ws.rows(Kind.ENERGY)}
    path = workbook(sheets(kwh=4.0, orders=11_000, extra=True), name="next.xlsx")
    before = snapshot(ws)
    dry = import_file(ws, path, dry_run=True)
    assert snapshot(ws) == before
    result = import_file(ws, path)
    assert counts(dry) == counts(result)
    assert counts(result)["energy"] == (1, 1, 2) and counts(result)["deliveries"] == (0, 1, 1)
    assert result.inserted == 1 and result.updated == 2
    rows = {(r["site"], r["source"], r["period_start"]): r for r in ws.rows(Kind.ENERGY)}
    grid = rows[("Zhangbei DC", "grid", "2021-06-01")]
    assert grid["id"] == ids[("Zhangbei DC", "grid", "2021-06-01")] and grid["energy"] == 4.0
    assert (grid["batch_id"], grid["source_sheet"], grid["source_row"]) == (result.batch_id, "Energy", 2)
    wind = rows[("Zhangbei DC", "wind", "2021-06-01")]
    assert wind["batch_id"] == first.batch_id  # unchanged: keeps the file it came from
    assert rows[("Ulanqab DC", "grid", "2021-07-01")]["batch_id"] == result.batch_id
    assert len(rows) == 4
    batch = ws.batch(result.batch_id)
    assert (batch["inserted"], batch["updated"], batch["unchanged"]) == (1, 2, result.unchanged)


def test_a_dry_run_counts_rows_of_sites_not_stored_yet_as_new(ws, workbook):
    dry = import_file(ws, workbook(sheets()), dry_run=True)
    assert counts(dry)["energy"] == (3, 0, 0) and counts(dry)["sites"] == (2, 0, 0)
    assert ws.count(Kind.ENERGY) == 0 and ws.batches() == []


@pytest.mark.parametrize("table, columns, values", [
    ("energy", "site_id, period_start, period_end, source, instrument, energy_kwh",
     "1, '2021-06-01', '2021-06-30', 'grid', NULL, 9"),
    ("deliveries", "business_unit, campaign_id, period_start, period_end, orders, vehicle, emissions_t_co2e",
     "'Ele.me', NULL, '2021-06-01', '2021-06-30', 1, NULL, 1"),
    ("factors", "key, region, year, value, unit", "'bamboo box', '', NULL, 9, 'kg CO2e/kg'"),
])
def test_the_database_itself_refuses_a_second_row_of_a_key_with_blank_parts(ws, workbook, table, columns,
                                                                             values):
    import_file(ws, workbook(sheets()))
    with pytest.raises(sqlite3.IntegrityError, match="UNIQUE"):
        ws.db.execute(f"INSERT INTO {table} ({columns}) VALUES ({values})")


def test_a_blank_key_part_is_not_the_same_key_as_an_empty_text(ws, workbook):
    """coalesce(x, x''): NULL equals NULL only, never '' (an empty blob equals no text)."""
    import_file(ws, workbook(sheets()))
    ws.db.execute("INSERT INTO energy (site_id, period_start, period_end, source, instrument, energy_kwh) "
                  "VALUES (1, '2021-06-01', '2021-06-30', 'grid', '', 9)")
    assert ws.count(Kind.ENERGY) == 4


def test_a_bulk_write_still_refuses_a_row_naming_no_site_and_turns_the_checks_back_on(ws, workbook):
    """bulk_write checks foreign keys per statement, not per row: a dangling reference is refused
    all the same (IntegrityError, nothing written), and the per-row checks are on again after."""
    import_file(ws, workbook(sheets()))
    before = snapshot(ws)
    columns = ["site_id", "period_start", "period_end", "source", "energy_kwh", "instrument",
               "batch_id", "source_sheet", "source_row"]
    with pytest.raises(sqlite3.IntegrityError, match="FOREIGN KEY"), ws.bulk_write():
        batch = ws.insert_batch({"file_name": "x.xlsx", "sha256": "0", "sheets": "Energy",
                                 "imported_at": "now", "row_count": 2})
        ws.upsert_rows(Kind.ENERGY, columns, [
            (1, "2022-01-01", "2022-01-31", "grid", 1.0, None, batch, "Energy", 2),
            (999, "2022-01-01", "2022-01-31", "grid", 1.0, None, batch, "Energy", 3)], batch)
    assert snapshot(ws) == before
    assert ws.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert ws.db.execute("PRAGMA foreign_key_check").fetchall() == []
    with pytest.raises(sqlite3.IntegrityError, match="FOREIGN KEY"):
        ws.db.execute("INSERT INTO energy (site_id, period_start, period_end, source, energy_kwh) "
                      "VALUES (999, '2022-01-01', '2022-01-31', 'grid', 1)")


def test_an_import_after_a_dry_run_on_the_same_workspace_is_committed(ws, workbook, tmp_path):
    """The dry run's temporary table must not leave a transaction open: the import after it
    would nest in it and never be committed (another connection would not see it)."""
    path = workbook(sheets())
    import_file(ws, path, dry_run=True)
    assert not ws.db.conn.in_transaction
    result = import_file(ws, path)
    assert not ws.db.conn.in_transaction
    other = sqlite3.connect(tmp_path / "test.greenledger")
    stored = other.execute("SELECT count(*) FROM energy").fetchone()[0]
    assert stored == result.counts[Kind.ENERGY].inserted == 3
    other.close()
