from datetime import date

import pytest

from greenledger.core.periods import overlap_share, split_by_month, split_by_year, split_by_year_within
from greenledger.core.units import UnitError, factor_multiplier, multiplier, parse_amount, split_header


@pytest.mark.parametrize("header,name,unit", [
    ("Energy (MWh)", "Energy", "MWh"),
    ("用电量（万千瓦时）", "用电量", "万千瓦时"),
    ("Energy [GWh]", "Energy", "GWh"),
    ("Energy", "Energy", None),
    ("Emissions (t CO2e)", "Emissions", "t CO2e"),
])
def test_split_header(header, name, unit):
    assert split_header(header) == (name, unit)


@pytest.mark.parametrize("dim,unit,mult", [
    ("energy", "kWh", 1.0), ("energy", "MWh", 1e3), ("energy", "GWh", 1e6),
    ("energy", "万千瓦时", 1e4), ("energy", "亿千瓦时", 1e8), ("energy", "Wh", 1e-3),
    ("mass", "kg", 1e-3), ("mass", "t", 1.0), ("mass", "kt", 1e3), ("mass", "万吨", 1e4),
    ("mass", "t CO2e", 1.0), ("mass", "kg CO2e", 1e-3), ("distance", "m", 1e-3),
    ("distance", "km", 1.0), ("percent", "%", 1.0),
])
def test_multiplier(dim, unit, mult):
    assert multiplier(dim, unit) == pytest.approx(mult)


def test_unknown_unit_is_refused_with_the_units_understood():
    with pytest.raises(UnitError, match="not a unit of energy"):
        multiplier("energy", "litres")


@pytest.mark.parametrize("unit,per,mult,stored", [
    ("t CO2/MWh", "kWh", 1.0, "kg CO2/kWh"),
    ("kg CO2/kWh", "kWh", 1.0, "kg CO2/kWh"),
    ("g CO2/kWh", "kWh", 0.001, "kg CO2/kWh"),  # the stated gas is kept
    ("kg CO2e/kWh", "kWh", 1.0, "kg CO2e/kWh"),
    ("kg/kWh", "kWh", 1.0, "kg CO2/kWh"),
    ("kg CO2/km", "km", 1.0, "kg CO2/km"),
    ("kg CO2e/km", "km", 1.0, "kg CO2e/km"),
    ("t CO2e/t", None, 1.0, "kg CO2e/kg"),
    ("kg CO2e per unit", None, 1.0, "kg CO2e/unit"),
    ("g CO2e per order", None, 0.001, "kg CO2e/order"),
])
def test_factor_units(unit, per, mult, stored):
    assert factor_multiplier(unit, per) == (pytest.approx(mult), stored)


def test_factor_unit_with_wrong_denominator_is_refused():
    with pytest.raises(UnitError, match="per km"):
        factor_multiplier("kg CO2/km", "kWh")


@pytest.mark.parametrize("text,t", [("400t", 400.0), ("400000kg", 400.0), ("1.2 kt", 1200.0),
                                    ("40万吨", 400000.0), ("1,000 t", 1000.0)])
def test_parse_amount(text, t):
    assert parse_amount(text) == pytest.approx(t)


def test_year_split_of_a_row_across_new_year():
    # 16 Dec 2020 .. 15 Jan 2021 = 31 days: 16 in 2020, 15 in 2021
    parts = split_by_year(date(2020, 12, 16), date(2021, 1, 15), 3100.0)
    assert parts == {2020: pytest.approx(1600.0), 2021: pytest.approx(1500.0)}


def test_month_split_by_days():
    # 20 Jan .. 10 Feb 2021: 12 days in January, 10 in February (22 days)
    parts = split_by_month(date(2021, 1, 20), date(2021, 2, 10), 2200.0)
    assert parts == {"2021-01": pytest.approx(1200.0), "2021-02": pytest.approx(1000.0)}


def test_campaign_window_share():
    # June 2021 (30 days) against 1..18 June
    assert overlap_share(date(2021, 6, 1), date(2021, 6, 30), date(2021, 6, 1),
                         date(2021, 6, 18)) == pytest.approx(18 / 30)
    assert overlap_share(date(2021, 7, 1), date(2021, 7, 31), date(2021, 6, 1),
                         date(2021, 6, 18)) == 0


def test_window_split_across_years():
    # a year of 365 kWh/day rows, window 30 Dec 2020 .. 2 Jan 2021
    parts = split_by_year_within(date(2020, 12, 1), date(2021, 1, 31), 62.0,
                                 date(2020, 12, 30), date(2021, 1, 2))
    assert parts == {2020: pytest.approx(2.0), 2021: pytest.approx(2.0)}


@pytest.mark.parametrize("text,number", [
    ("1,234,567", 1_234_567.0), ("1,234.5", 1234.5), ("1 234", 1234.0), ("1234,5", 1234.5),
    ("1.234,5", 1234.5), ("0,3", 0.3), ("１２３", 123.0), ("-5", -5.0), ("2.5e3", 2500.0),
    (".5", 0.5), ("1'234", 1234.0),
])
def test_numbers_as_text(text, number):
    from greenledger.core.importing.values import parse_number

    assert parse_number(text) == pytest.approx(number)


@pytest.mark.parametrize("text,reason", [("12,34,5", "not a number"), ("1_000", "not a number"),
                                         ("lots", "not a number"), ("inf", "not a finite"),
                                         ("NaN", "not a finite"), ("1e999", "not a finite")])
def test_numbers_refused(text, reason):
    from greenledger.core.importing.values import CellError, parse_number

    with pytest.raises(CellError, match=reason):
        parse_number(text)
