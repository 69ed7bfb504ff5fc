"""`Consumption ('000 kWh)`, thousands of kWh as UK accounts write it (blind F27): refused, saying
what the header means and the unit to give (MWh); each way the refusal offers, followed, stores
the right figures."""

from __future__ import annotations

import pytest

from greenledger.core import i18n
from greenledger.core.errors import ImportRefused
from greenledger.core.importing.engine import import_file
from greenledger.core.importing.plan import ImportOptions
from tests.conftest import SITES, write_workbook
from tests.core.test_read_blind import JAN, UL, ZB, approx, energy
from tests.data.blind2.harness import cli

FEB = ("2023-02-01", "2023-02-28")


def _book(tmp_path, header: str):
    return write_workbook(tmp_path / "k.xlsx", {"Sites": SITES, "Energy": [
        ["Site", "Month", "Source", header],
        [ZB, "2023-01", "grid", 401.2], [ZB, "2023-02", "grid", 415.75], [UL, "2023-01", "grid", 60.15]]})


WANT = {(ZB, *JAN, "grid"): 401_200, (ZB, *FEB, "grid"): 415_750, (UL, *JAN, "grid"): 60_150}


@pytest.mark.parametrize("header", ["Consumption ('000 kWh)", "Consumption (’000 kWh)",
                                    "Consumption (000s kWh)", "Consumption (thousand kWh)"])
def test_thousands_of_kwh_is_refused_saying_what_it_means(ws, tmp_path, header):
    with pytest.raises(ImportRefused) as exc:
        import_file(ws, _book(tmp_path, header))
    [p] = exc.value.problems
    assert p.code == "unknown_unit" and p.row == 1
    assert "means thousands of kWh" in p.render() and "write the unit as MWh in the header" in p.render()
    assert not energy(ws)


def test_the_header_written_as_the_refusal_says_stores_the_figures(ws, tmp_path):
    import_file(ws, _book(tmp_path, "Consumption (MWh)"))
    assert energy(ws) == approx(WANT)


def test_the_unit_given_as_the_refusal_says_stores_the_figures(ws, tmp_path):
    import_file(ws, _book(tmp_path, "Consumption ('000 kWh)"), ImportOptions(units={"energy": "MWh"}))
    assert energy(ws) == approx(WANT)


def test_said_in_chinese_too(tmp_path, qapp):  # qapp: no headless app outliving the test
    ws = tmp_path / "w.greenledger"
    try:
        rc, text = cli("--lang", "zh", "-w", ws, "import", _book(tmp_path, "Consumption ('000 kWh)"))
    finally:
        i18n.set_translator(None)
    assert rc == 1 and "千 kWh" in text and "MWh" in text, text
