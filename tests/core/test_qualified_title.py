"""A wide sheet (periods across) whose title names a saving, a plan, last year's, a part of the
orders… (2023年节能量（kWh）) is refused unless told what the columns hold: its figures were
stored as the energy used, or as the campaign's orders, at exit 0 (found by H-R). A title that
names the quantity itself, or a report's name, is read as before; the hint, followed, stores."""

from __future__ import annotations

from pathlib import Path

import pytest

from greenledger.core.errors import ImportRefused
from greenledger.core.fields import Kind
from greenledger.core.importing.plan import ImportOptions
from greenledger.core.importing.session import ImportSession
from greenledger.core.storage import Workspace
from tests.conftest import SITES, write_workbook

ENERGY = [["站点", "能源类型", "2023-01", "2023-02"], ["Zhangbei DC", "电网", 1000, 1200]]
ORDERS = [["业务单元", "2023-10", "2023-11"], ["天猫", 42000, 300]]


def energy_book(tmp_path: Path, title: str) -> Path:
    return write_workbook(tmp_path / "e.xlsx", {"Sites": SITES, "Energy": [[title], *ENERGY]})


def stored_kwh(ws) -> float:
    return sum(r["energy"] for r in ws.rows(Kind.ENERGY))


def problems(path: Path, ws) -> list:
    session = ImportSession.open(path)
    found = session.preflight(ws)
    with pytest.raises(ImportRefused) as exc:
        session.import_into(ws)
    assert {p.code for p in found} == {p.code for p in exc.value.problems}  # preflight = import
    return exc.value.problems


@pytest.mark.parametrize("title", ["2023年节能量（kWh）", "2023 energy saved (kWh)",
                                   "2023年计划用电量（kWh）", "Energy use target 2023 (kWh)",
                                   "上年同期用电量（kWh）", "Energy saving programme: electricity use (kWh)"])
def test_a_qualified_title_over_the_months_is_refused_and_the_hint_stores(tmp_path, title):
    path = energy_book(tmp_path, title)
    with Workspace.open(tmp_path / "w.greenledger") as ws:
        found = problems(path, ws)
        said = [p for p in found if p.code == "qualified_title"]
        assert said and said[0].params["title_row"] == 1 and stored_kwh(ws) == 0
        assert "if they are the energy itself" in str(said[0])
        # followed (when the columns are the energy used): --measure energy --unit energy=kWh
        session = ImportSession.open(path, ImportOptions(measure="energy", units={"energy": "kWh"}))
        session.import_into(ws)
        assert stored_kwh(ws) == 2200


@pytest.mark.parametrize("title", ["2023年双11预售订单量（单）", "2023年取消订单量（单）"])
def test_a_title_naming_a_part_of_the_orders_is_refused(tmp_path, title):
    path = write_workbook(tmp_path / "d.xlsx", {"Deliveries": [[title], *ORDERS]})
    with Workspace.open(tmp_path / "w.greenledger") as ws:
        assert "qualified_title" in {p.code for p in problems(path, ws)}
        assert ws.rows(Kind.DELIVERIES) == []


@pytest.mark.parametrize("title", ["2023年用电量（kWh）", "2023年节能减排报表", "能源管理月报",
                                   "Energy Management Report 2023", "绿色节能数据中心用电（kWh）"])
def test_a_title_that_is_the_quantity_or_a_report_name_is_read(tmp_path, title):
    path = energy_book(tmp_path, title)
    with Workspace.open(tmp_path / "w.greenledger") as ws:
        session = ImportSession.open(path)  # no option: the rule sees the title
        codes = {p.code for p in session.preflight(ws)}
        assert "qualified_title" not in codes
        if not codes:  # the title names the energy and its unit: read as it is
            session.import_into(ws)
        else:  # a report's name says nothing of the columns: told, as the refusal asks
            assert codes <= {"measure_unstated", "unit_unstated"}
            ImportSession.open(path, ImportOptions(measure="energy", units={"energy": "kWh"})).import_into(ws)
        assert stored_kwh(ws) == 2200


@pytest.mark.parametrize("header", ["节电量（kWh）", "省电量（kWh）", "减少用电量（kWh）",
                                    "Energy cut (kWh)"])
def test_a_column_of_electricity_saved_is_not_the_use(tmp_path, header):
    """节电量 (electricity saved) was read as the energy used: 500 kWh stored at exit 0. Now the
    sheet is left out (its Sites import), and named it is refused, saying why."""
    path = write_workbook(tmp_path / "s.xlsx", {"Sites": SITES, "节电": [
        ["站点", "月份", "能源类型", header], ["Zhangbei DC", "2023-01", "电网", 500]]})
    with Workspace.open(tmp_path / "w.greenledger") as ws:
        result = ImportSession.open(path).import_into(ws)
        assert result.skipped_sheets == ["节电"] and stored_kwh(ws) == 0
        with pytest.raises(ImportRefused) as exc:
            ImportSession.open(path, ImportOptions(sheet="节电")).import_into(ws)
        assert "is a saving" in str(exc.value.problems[0]) and stored_kwh(ws) == 0
