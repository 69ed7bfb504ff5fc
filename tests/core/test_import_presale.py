"""Pre-sale orders (预售订单量, `Pre-sale orders`) are a part of a campaign's orders: a column of
them is never the orders count (alone it is refused naming it; beside the plain orders column it
is set aside), as cancelled and returned orders are (test_import_order_qualifiers.py). What a
header says it takes in (`Orders (incl. pre-sale)`, 订单量（含预售）) is the count; what it says
it leaves out of them (`excl. pre-sale`, 不含预售) is not.

A bracket that is a qualifier phrase (`Orders (excl. cancelled)`, 订单数（不含取消）, `net of
returns`, `incl. pre-sale`) is no unit: it was refused as "unit 'excl. cancelled' is not a unit
of count". Real workbooks by openpyxl, real workspace files; every figure by hand."""

from __future__ import annotations

import pytest

from greenledger.core.errors import ImportRefused
from greenledger.core.fields import Kind
from greenledger.core.importing.engine import analyse, import_file
from greenledger.core.importing.mapping import split_unit
from tests.conftest import SITES, snapshot, write_workbook
from tests.core.test_read_blind import ZB, approx, energy

# 天猫 双11 2023: October 52,000 orders (of them 18,000 pre-sale) 9.1 t; November 61,500
# (24,300 pre-sale) 10.4 t
PLAIN = [52000, 61500]
PRESALE = [18000, 24300]


def book(tmp_path, *columns: tuple[str, list]):
    """A campaign sheet as an e-commerce analyst keeps it (业务单元 | 月份 | … | 碳排放(t CO2e)),
    with `columns` (header, values per month) in the middle."""
    head = ["业务单元", "月份", *(h for h, _ in columns), "碳排放(t CO2e)"]
    rows = [["天猫", month, *(v[i] for _, v in columns), t]
            for i, (month, t) in enumerate((("2023-10", 9.1), ("2023-11", 10.4)))]
    return write_workbook(tmp_path / "campaign.xlsx", {"双11": [head, *rows]})


def refused(ws, path):
    before = snapshot(ws)
    with pytest.raises(ImportRefused) as exc:
        import_file(ws, path)
    assert snapshot(ws) == before, "a refused import must change nothing"
    return exc.value.problems


def orders(ws):
    return sorted(r["orders"] for r in ws.rows(Kind.DELIVERIES))


@pytest.mark.parametrize("header", ["预售订单量", "预售订单数", "Pre-sale orders", "Presale Orders",
                                    "Pre-orders", "预售期订单量", "Orders (excl. pre-sale)",
                                    "订单量（不含预售）"])
def test_a_presale_column_alone_is_refused(ws, tmp_path, header):
    path = book(tmp_path, (header, PRESALE))
    (p,) = refused(ws, path)
    assert header.replace("（", "(").replace("）", ")") in p.reason.replace("（", "(").replace("）", ")")
    assert "orders" in p.reason
    # preflight says the same: nothing the assistant or --dry-run would call clean
    assert not any(pl.kind == Kind.DELIVERIES and not pl.problems and not pl.skip
                   for pl in analyse(path))


@pytest.mark.parametrize("header", ["现货订单量", "定金订单数", "尾款订单数", "Deposit orders",
                                    "In-stock orders"])
def test_another_part_of_the_orders_alone_is_refused(ws, tmp_path, header):
    """In-stock (现货) orders are the others of pre-sale; deposit (定金) and balance (尾款) orders
    are pre-sale ones: each a part, not the count."""
    (p,) = refused(ws, book(tmp_path, (header, PRESALE)))
    assert header in p.reason


def test_spot_and_presale_without_their_total_are_refused_not_one_taken(ws, tmp_path):
    """现货 34,000 + 预售 18,000 = 52,000: neither alone is the count (was: 现货 stored, 34,000)."""
    problems = refused(ws, book(tmp_path, ("现货订单量", [34000, 37200]), ("预售订单量", PRESALE)))
    assert problems and "现货订单量" in problems[0].reason


def test_beside_its_parts_the_total_is_read(ws, tmp_path):
    import_file(ws, book(tmp_path, ("现货订单量", [34000, 37200]), ("预售订单量", PRESALE),
                         ("总订单量", PLAIN)))
    assert orders(ws) == PLAIN


@pytest.mark.parametrize("order", ["plain first", "presale first"])
@pytest.mark.parametrize(("plain", "presale"), [("订单量", "预售订单量"), ("Orders", "Pre-sale orders")])
def test_beside_the_plain_orders_the_plain_ones_are_read(ws, tmp_path, order, plain, presale):
    cols = [(plain, PLAIN), (presale, PRESALE)]
    import_file(ws, book(tmp_path, *(cols if order == "plain first" else cols[::-1])))
    assert orders(ws) == PLAIN


@pytest.mark.parametrize("header", ["Orders (incl. pre-sale)", "订单量（含预售）", "订单量(包含预售)",
                                    "订单量（现货+预售）", "Orders including pre-sale orders"])
def test_a_count_that_says_it_takes_them_in_is_the_count(ws, tmp_path, header):
    import_file(ws, book(tmp_path, (header, PLAIN)))
    assert orders(ws) == PLAIN


@pytest.mark.parametrize("header", [
    "Orders (excl. cancelled)", "Orders (excluding cancelled)", "订单数（不含取消）",
    "Orders (net of returns)", "Orders [excl. cancelled]", "订单量（剔除退货）", "Orders (ex. returns)",
    "Orders (after returns)"])
def test_a_qualifier_bracket_is_no_unit(ws, tmp_path, header):
    import_file(ws, book(tmp_path, (header, PLAIN)))
    assert orders(ws) == PLAIN


@pytest.mark.parametrize("header", ["Orders (万单, excl. cancelled)", "订单量（不含取消，万单）",
                                    "订单量(万单)(不含取消)", "Orders (excl. cancelled) (万单)"])
def test_a_unit_beside_the_qualifier_is_the_unit(ws, tmp_path, header):
    import_file(ws, book(tmp_path, (header, [5.2, 6.15])))
    assert orders(ws) == pytest.approx(PLAIN)


@pytest.mark.parametrize("header", ["Orders (incl. cancelled)", "订单量（含取消）"])
def test_a_count_that_says_it_takes_in_cancelled_ones_is_refused(ws, tmp_path, header):
    """Gross orders (with cancelled) are no order count: still refused, the bracket no unit."""
    (p,) = refused(ws, book(tmp_path, (header, PLAIN)))
    assert "unit" not in p.reason.split("'")[0]


@pytest.mark.parametrize(("header", "want"), [
    ("Orders (excl. cancelled)", ("Orders", None)), ("订单数（不含取消）", ("订单数", None)),
    ("Energy (kWh, excl. PV)", ("Energy", "kWh")), ("Energy (MWh)", ("Energy", "MWh")),
    ("Orders (万单, 不含取消)", ("Orders", "万单")), ("Weight (kg)", ("Weight", "kg")),
    ("订单量（万单）（不含取消）", ("订单量", "万单")),
    ("用电量(万千瓦时)", ("用电量", "万千瓦时"))])
def test_split_unit(header, want):
    assert split_unit(header) == want


@pytest.fixture
def sited(ws, tmp_path):
    import_file(ws, write_workbook(tmp_path / "sites.xlsx", {"Sites": SITES}))
    return ws


def test_energy_with_its_unit_beside_a_qualifier(sited, tmp_path):
    # 1.25 + 1.18 MWh = 1,250 + 1,180 kWh
    path = write_workbook(tmp_path / "e.xlsx", {"用电": [
        ["站点", "月份", "能源类型", "Energy (MWh, excl. on-site PV)"],
        [ZB, "2023-01", "grid", 1.25], [ZB, "2023-02", "grid", 1.18]]})
    import_file(sited, path)
    assert energy(sited) == approx({(ZB, "2023-01-01", "2023-01-31", "grid"): 1250,
                                    (ZB, "2023-02-01", "2023-02-28", "grid"): 1180})


def test_energy_whose_bracket_is_only_a_qualifier_states_no_unit(sited, tmp_path):
    """`Energy (incl. PV)` says no unit: refused for the unit, never read as kWh by a guess."""
    path = write_workbook(tmp_path / "e.xlsx", {"用电": [
        ["站点", "月份", "能源类型", "Energy (incl. PV)"], [ZB, "2023-01", "grid", 1.25]]})
    problems = refused(sited, path)
    assert problems and all("incl. PV' is not a unit" not in p.reason for p in problems)


@pytest.mark.parametrize("header", ["Orders (excl. cancelled)", "订单数（不含取消）"])
def test_a_qualifier_bracket_on_a_template_sheet(ws, tmp_path, header):
    head = ["Business unit", "Period start", "Period end", header, "Emissions (t CO2e)"]
    path = write_workbook(tmp_path / "t.xlsx", {"Deliveries": [
        head, ["天猫", "2023-10-01", "2023-10-31", 52000, 9.1],
        ["天猫", "2023-11-01", "2023-11-30", 61500, 10.4]]})
    import_file(ws, path)
    assert orders(ws) == PLAIN
