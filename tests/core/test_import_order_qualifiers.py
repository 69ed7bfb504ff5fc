"""A column of cancelled, returned or refunded orders, or of the orders' change (同比, 环比, YoY,
growth), is never the orders count (blind3 finding 9: 取消订单数, 退货单量, 订单量同比,
"Cancelled Orders", "Returned Orders" alone in a sheet were each stored as orders at exit 0).
What a header says it leaves out (`Orders excluding cancelled`, 有效订单数, 剔除退货) is the
count. Real workbooks by openpyxl, real workspace files; every figure by hand."""

from datetime import date

import openpyxl
import pytest

from greenledger.core.errors import ImportRefused
from greenledger.core.fields import Kind
from greenledger.core.importing.engine import import_file
from tests.conftest import snapshot, write_workbook

# Ele.me, January 12,000 orders 3.0 t, February 15,000 orders 3.5 t
ROWS = [(date(2023, 1, 1), date(2023, 1, 31), 12000, 3.0),
        (date(2023, 2, 1), date(2023, 2, 28), 15000, 3.5)]


def book(tmp_path, header, beside=None):
    """A deliveries sheet whose orders column is headed `header`; `beside` adds a column of
    other numbers (10 × the orders) before it under that header."""
    head = ["Business unit", "Period start", "Period end", header, "Emissions (t CO2e)"]
    rows = [["Ele.me", a, z, n, t] for a, z, n, t in ROWS]
    if beside:
        head.insert(3, beside)
        for r in rows:
            r.insert(3, r[3] * 10)
    return write_workbook(tmp_path / "d.xlsx", {"Deliveries": [head, *rows]})


def refused(ws, path):
    before = snapshot(ws)
    with pytest.raises(ImportRefused) as exc:
        import_file(ws, path)
    assert snapshot(ws) == before, "a refused import must change nothing"
    return exc.value.problems


def orders(ws):
    return sorted(r["orders"] for r in ws.rows(Kind.DELIVERIES))


@pytest.mark.parametrize("header", [
    "Cancelled Orders", "Returned Orders", "Refunded orders", "Orders YoY", "Orders growth (%)",
    "Canceled orders", "取消订单数", "退货单量", "退款订单数", "订单量同比", "订单量环比", "订单增长"])
def test_a_qualified_orders_column_alone_is_refused(ws, tmp_path, header):
    (p,) = refused(ws, book(tmp_path, header))
    assert header in p.reason and "orders" in p.reason
    assert "cancelled, returned or year-on-year" in p.reason


@pytest.mark.parametrize("header", ["Cancelled Orders", "退货单量", "订单量同比"])
def test_beside_the_plain_orders_column_the_plain_one_is_read(ws, tmp_path, header):
    path = book(tmp_path, "Orders" if header.isascii() else "订单量")
    wb = openpyxl.load_workbook(path)  # the plain column first, the qualified one (10 ×) after it
    s = wb.active
    s.insert_cols(5)
    s.cell(1, 5, header)
    for r in range(2, 4):
        s.cell(r, 5, s.cell(r, 4).value * 10)
    wb.save(path)
    import_file(ws, path)
    assert orders(ws) == [12000, 15000]


@pytest.mark.parametrize("header", [
    "Orders excluding cancelled", "Orders net of returns and cancellations", "有效订单数",
    "Orders", "订单量"])
def test_what_a_header_leaves_out_is_no_qualifier(ws, tmp_path, header):
    import_file(ws, book(tmp_path, header))
    assert orders(ws) == [12000, 15000]


def test_the_qualified_column_read_before_the_plain_one_is_not_taken(ws, tmp_path):
    import_file(ws, book(tmp_path, "订单量", beside="取消订单数"))
    assert orders(ws) == [12000, 15000]
