"""Each accounting rule against hand-computed numbers, on a real workspace built by import."""

from datetime import date

import pytest

from greenledger.core.accounting import summarize
from greenledger.core.importing.importer import import_file

# Library factors used below (resources/data/factors.csv, from shared/domain/factors.md):
NORTH_CHINA_2021 = 0.712  # MEE/NBS 2021, kg CO2/kWh
CHINA_2022 = 0.5366
CHINA_RESIDUAL_2022 = 0.5856  # national, excluding market-traded non-fossil power
DIESEL = 10.180 / 3.785411784 * 0.28  # EPA kg CO2/gal ÷ L/gal × 0.28 L/kWh
VAN_DIESEL_2024 = 0.25023
BOARD_2024, BOARD_RECYCLED_2024, FILM_2024 = 1.19397, 1.092355, 2.91047
E = ["Site", "Period start", "Period end", "Source", "Energy (kWh)", "Instrument"]


def jan(y):
    return date(y, 1, 1), date(y, 1, 31)


@pytest.fixture
def book(workbook):
    return workbook({
        "Sites": [["Site", "Type", "Grid region", "Country"],
                  ["A", "data center", "North China", "China"],
                  ["C", "warehouse", "China", "China"]],
        "Campaigns": [["Campaign", "Start", "End", "Baseline"],
                      ["Base", date(2024, 6, 1), date(2024, 6, 18), None],
                      ["Sale", date(2021, 6, 1), date(2021, 6, 18), None],
                      ["Next", date(2024, 11, 1), date(2024, 11, 11), "Base"]],
        "Energy": [E,
                   ["A", *jan(2021), "grid", 1_000_000, None],
                   ["A", *jan(2021), "wind", 500_000, "PPA"],
                   ["A", *jan(2021), "solar", 200_000, "on-site"],
                   ["A", *jan(2021), "diesel", 100_000, None],
                   ["A", date(2021, 6, 1), date(2021, 6, 30), "wind", 3_000_000, "green power trade"],
                   ["C", *jan(2022), "grid", 1_000_000, None],
                   ["C", date(2022, 12, 16), date(2023, 1, 15), "solar", 31_000, "on-site"]],
        "Deliveries": [["Business unit", "Campaign", "Period start", "Period end", "Orders", "Vehicle",
                        "Distance (km)", "Emissions (t CO2e)"],
                       ["Tmall", "Base", None, None, 1000, None, None, 2.5],
                       ["Tmall", "Next", None, None, 1000, None, None, 1.5],
                       ["Cainiao", "Next", None, None, 0, "van diesel", 2000, None],
                       ["Tmall", None, date(2021, 6, 1), date(2021, 6, 30), 3000, None, None, 3]],
        "Packaging": [["Business unit", "Campaign", "Period start", "Period end", "Material", "Quantity",
                       "Unit", "Recycled content (%)"],
                      ["Cainiao", "Base", None, None, "board", 1, "t", 30],
                      ["Cainiao", "Next", None, None, "film", 100, "kg", 50]],
        "Initiatives": [["Initiative", "Business unit", "Campaign", "Activity", "Activity unit",
                         "Factor (kg CO2e per unit)", "Reduction (t CO2e)"],
                        ["No cutlery", "Ele.me", "Sale", 20_000_000, "order", 0.02, None],
                        ["Efficient DC", "Cainiao", "Sale", None, None, None, 13_000]],
    })


@pytest.fixture
def summary(ws, book):
    import_file(ws, book)
    return summarize(ws)


def year(summary, site, y):
    return next(r for r in summary["site_years"] if r["site"] == site and r["year"] == y)


def campaign(summary, name):
    return next(c for c in summary["campaigns"] if c["name"] == name)


def test_location_based_counts_grid_and_contracted_renewables(summary):
    a = year(summary, "A", 2021)
    # grid 1,000,000 + wind PPA 500,000 + June wind 3,000,000; on-site solar is not grid-delivered
    assert a["location_based_t"] == pytest.approx(4_500_000 * NORTH_CHINA_2021 / 1000)


def test_market_based_prices_grid_rows_only_at_grid_factor_without_residual(summary):
    # North China has no residual factor: no walking up to China's
    assert year(summary, "A", 2021)["market_based_t"] == pytest.approx(1_000_000 * NORTH_CHINA_2021 / 1000)


def test_market_based_uses_the_regions_residual_where_one_exists(summary):
    c = year(summary, "C", 2022)
    assert c["market_based_t"] == pytest.approx(1_000_000 * CHINA_RESIDUAL_2022 / 1000)
    assert c["location_based_t"] == pytest.approx(1_000_000 * CHINA_2022 / 1000)


def test_scope1_diesel_apart_and_counted_in_total(summary):
    a = year(summary, "A", 2021)
    assert a["scope1_t"] == pytest.approx(100_000 * DIESEL / 1000, rel=1e-5)
    assert a["total_kwh"] == pytest.approx(4_800_000)


def test_avoided_and_renewable_share(summary):
    a = year(summary, "A", 2021)
    assert a["renewable_kwh"] == pytest.approx(3_700_000)
    assert a["avoided_t"] == pytest.approx(3_700_000 * NORTH_CHINA_2021 / 1000)
    assert a["renewable_share_pct"] == pytest.approx(3_700_000 / 4_800_000 * 100)
    jan21 = next(m for m in summary["site_months"] if m["site"] == "A" and m["month"] == "2021-01")
    assert jan21["renewable_share_pct"] == pytest.approx(700_000 / 1_800_000 * 100)


def test_row_across_new_year_is_split_by_days(summary):
    # 16 Dec 2022 .. 15 Jan 2023 (31 days) of 31,000 kWh: 16,000 in 2022, 15,000 in 2023
    assert year(summary, "C", 2022)["renewable_kwh"] == pytest.approx(16_000)
    assert year(summary, "C", 2023)["total_kwh"] == pytest.approx(15_000)


def test_campaign_avoided_is_renewables_inside_the_window(summary):
    sale = campaign(summary, "Sale")
    # June 2021 wind 3,000,000 kWh over 30 days, 18 inside 1..18 June
    assert sale["avoided_t"] == pytest.approx(3_000_000 * 18 / 30 * NORTH_CHINA_2021 / 1000)
    assert sale["avoided_by_site_t"] == {"A": pytest.approx(sale["avoided_t"])}


def test_period_deliveries_count_pro_rata_toward_a_campaign(summary):
    sale = campaign(summary, "Sale")
    assert sale["orders"] == pytest.approx(3000 * 18 / 30)
    assert sale["emissions_t"] == pytest.approx(3 * 18 / 30)
    assert sale["intensity_kg_per_order"] == pytest.approx(1.0)
    assert sale["baseline"] is None and sale["intensity_change_pct"] is None


def test_intensity_change_against_baseline_with_distance_emissions(summary):
    nxt = campaign(summary, "Next")
    emissions = 1.5 + 2000 * VAN_DIESEL_2024 / 1000
    assert nxt["emissions_t"] == pytest.approx(emissions)
    assert nxt["intensity_kg_per_order"] == pytest.approx(emissions * 1000 / 1000)
    assert nxt["intensity_change_pct"] == pytest.approx((emissions - 2.5) / 2.5 * 100)


def test_packaging_with_and_without_a_recycled_factor(summary):
    base, nxt = campaign(summary, "Base"), campaign(summary, "Next")
    # 1 t board, 30 % recycled: 1000 kg × (0.7 × board + 0.3 × board recycled)
    assert base["packaging_t"] == pytest.approx(
        1000 * (0.7 * BOARD_2024 + 0.3 * BOARD_RECYCLED_2024) / 1000, rel=1e-5)
    # film has no recycled factor: the material factor stands for the recycled part too
    assert nxt["packaging_t"] == pytest.approx(100 * FILM_2024 / 1000, rel=1e-5)
    assert base["packaging_kg_per_order"] == pytest.approx(1000 / 1000)
    assert nxt["packaging_change_pct"] == pytest.approx((100 / 1000 - 1.0) / 1.0 * 100)


def test_initiatives_and_totals(summary):
    by_name = {i["name"]: i for i in summary["initiatives"]}
    assert by_name["No cutlery"]["reduction_t"] == pytest.approx(400.0)
    assert by_name["Efficient DC"]["reduction_t"] == 13_000
    t = summary["totals"]
    assert t["avoided_t"] == pytest.approx(sum(y["avoided_t"] for y in summary["site_years"]))
    assert t["initiatives_t"] == pytest.approx(13_400)
    assert "reduction_t" not in t  # schema 1 and 2 summed avoided + initiatives: never written now


def test_avoided_and_reductions_are_two_figures_with_their_own_equivalents(summary):
    """Issue 13: the headline summed avoided emissions and initiative reductions ("Avoided +
    reduced, as trees"); they are two figures, each with its own equivalents."""
    assert "equivalents" not in summary
    t = summary["totals"]
    halo_avoided = next(e for e in summary["avoided_equivalents"] if e["key"] == "haloxylon_tree")
    halo_init = next(e for e in summary["initiatives_equivalents"] if e["key"] == "haloxylon_tree")
    assert halo_avoided["value"] == pytest.approx(t["avoided_t"] * 1000 / 17.9)
    assert halo_init["value"] == pytest.approx(13_400 * 1000 / 17.9)  # 748,603 trees


def test_summary_json_schema_3_keeps_the_schema_1_keys_but_the_sum(summary):
    assert summary["schema"] == 3
    for key in ("site_years", "site_months", "campaigns", "initiatives", "totals", "factors_used",
                "workspace", "factor_library_version"):
        assert key in summary
    assert set(summary["site_years"][0]) >= {
        "site", "year", "total_kwh", "renewable_kwh", "renewable_share_pct", "location_based_t",
        "market_based_t", "scope1_t", "avoided_t", "grid_region", "kwh_by_source"}
    assert set(summary["campaigns"][0]) >= {
        "name", "start", "end", "orders", "emissions_t", "intensity_kg_per_order", "baseline",
        "intensity_change_pct", "avoided_t", "avoided_by_site_t", "packaging_t",
        "packaging_kg_per_order", "packaging_change_pct"}
    assert set(summary["initiatives"][0]) >= {"name", "business_unit", "campaign", "reduction_t",
                                              "method"}
    assert set(summary["totals"]) >= {"avoided_t", "initiatives_t"}
    assert "reduction_t" not in summary["totals"]  # the sum of the two: gone in schema 3
    assert set(summary["factors_used"][0]) >= {"key", "region", "year", "value", "unit", "source",
                                               "factor_year", "origin", "fallback"}


def test_summary_round_trips_through_json(ws, book):
    from greenledger.core.accounting import build_summary
    from greenledger.core.summary import Summary

    import_file(ws, book)
    s = build_summary(ws)
    again = Summary.from_json(s.to_json())
    assert again == s
    assert again.site_years[0].site == "A" and isinstance(again.totals.avoided_t, float)


def test_gas_basis_flows_to_the_figures(summary):
    """Issue 13: China's grid factors are CO2 only, yet results were labelled t CO2e."""
    a = year(summary, "A", 2021)
    assert a["location_based_gas"] == "CO2" and a["avoided_gas"] == "CO2"
    assert a["market_based_gas"] == "CO2" and a["scope1_gas"] == "CO2"  # diesel: EPA CO2 only
    assert summary["totals"]["avoided_gas"] == "CO2"
    used = {(f["key"], f["region"], f["year"]): f for f in summary["factors_used"]}
    assert used[("grid", "North China", 2021)]["gas_basis"] == "CO2"
    # Emissions column (t CO2e) and a DESNZ van (CO2e): CO2e; packaging (DESNZ): CO2e
    nxt = campaign(summary, "Next")
    assert nxt["emissions_gas"] == "CO2e" and nxt["packaging_gas"] == "CO2e"
    assert campaign(summary, "Sale")["avoided_gas"] == "CO2"


def test_basis_words():
    from greenledger.core.summary import basis_note, combine_gas, gas_of

    assert basis_note("CO2", "grid") == "t CO2; grid factors CO2 only"
    assert basis_note("CO2e", "grid") == ""
    assert combine_gas(["CO2", "CO2e"]) == "mixed" and combine_gas([]) == "CO2e"
    assert gas_of("kg CO2/kWh") == "CO2" and gas_of("kg CO2e/km") == "CO2e"


def test_a_uk_site_on_desnz_is_co2e(ws, workbook):
    import_file(ws, workbook({
        "Sites": [["Site", "Type", "Grid region", "Country"], ["L", "office", "UK", "United Kingdom"]],
        "Energy": [E, ["L", date(2024, 1, 1), date(2024, 1, 31), "grid", 1000, None]]}))
    y = year(summarize(ws), "L", 2024)
    assert y["location_based_gas"] == "CO2e"


def test_rooftop_pv_as_onsite_rows_and_as_an_initiative_is_warned(ws, book, workbook):
    """Issue 13: rooftop PV stored as on-site solar rows and again as an initiative was counted
    twice without a word."""
    import_file(ws, book)
    assert summarize(ws)["warnings"] == []  # the fixture's initiatives are not renewable kWh
    import_file(ws, workbook({"Initiatives": [
        ["Initiative", "Business unit", "Campaign", "Activity", "Activity unit",
         "Factor (kg CO2e per unit)", "Reduction (t CO2e)"],
        ["Rooftop PV at A", "Cainiao", None, 200_000, "kWh", 0.712, None],
        ["LED lighting", "Cainiao", None, 50_000, "kWh", 0.712, None],
        ["屋顶光伏", "Tmall", "Sale", 10_000, "kWh", 0.712, None]]}, name="pv.xlsx"))
    warnings = summarize(ws)["warnings"]
    assert [w["code"] for w in warnings] == ["double-count"]  # Sale has no on-site rows
    w = warnings[0]
    assert w["args"][0] == "Rooftop PV at A" and w["args"][3] == "A"
    assert w["args"][4] == "200,000"  # A's on-site solar, January 2021
    init, energy = w["rows"][0], w["rows"][1]
    assert (init["table"], init["file"], init["sheet"], init["row"]) == (
        "initiatives", "pv.xlsx", "Initiatives", 2)
    assert (energy["table"], energy["sheet"], energy["row"]) == ("energy", "Energy", 4)


def test_factors_used_disclose_fallbacks(summary):
    used = {(f["key"], f["region"], f["year"]): f for f in summary["factors_used"]}
    van = used[("van diesel", None, 2024)]
    assert van["value"] == pytest.approx(VAN_DIESEL_2024) and van["fallback"] is None
    # 2023 solar at C: China grid 2023 exists; the avoided factor for 2023 is exact
    assert used[("grid", "China", 2023)]["fallback"] is None


def test_workspace_factor_replaces_the_library_only_for_its_own_year(ws, book, workbook):
    import_file(ws, book)
    import_file(ws, workbook({"Factors": [["Factor", "Region", "Year", "Value", "Unit", "Source"],
                                          ["grid", "华北", 2021, 800, "g CO2/kWh", "own meter study"],
                                          ["grid", "China", 2019, 0.5, "kg CO2/kWh", "own 2019"]]},
                             name="factors.xlsx"))
    s = summarize(ws)
    # own North China 2021 replaces the library's 0.712 for 2021
    assert year(s, "A", 2021)["location_based_t"] == pytest.approx(4_500_000 * 0.8 / 1000)
    used = next(f for f in s["factors_used"] if f["key"] == "grid" and f["region"] == "North China")
    assert used["origin"] == "workspace" and used["fallback"] is None
    # own China 2019 does not hide the library's exact 2022 factor (it used to: own won for
    # every year of its key and region, here as "nearest earlier year")
    assert year(s, "C", 2022)["location_based_t"] == pytest.approx(1_000_000 * CHINA_2022 / 1000)
    china = next(f for f in s["factors_used"] if f["key"] == "grid" and f["region"] == "China"
                 and f["year"] == 2022)
    assert china["origin"] == "library" and china["fallback"] is None


UK_GRID_2024 = 0.20705  # DESNZ 2024, kg CO2e/kWh
VAN_KWH_PER_KM = 0.3528  # DESNZ 2024 battery-electric van


def test_an_electric_van_follows_the_grid_of_its_country(ws, workbook):
    """Issue 13: a UK electric van was computed with China's grid (the `van electric` factor has
    no region), about 2.6x too high."""
    import_file(ws, workbook({
        "Campaigns": [["Campaign", "Start", "End", "Baseline"],
                      ["UK Sale", date(2024, 11, 1), date(2024, 11, 11), None],
                      ["CN Sale", date(2023, 11, 1), date(2023, 11, 11), None]],
        "Deliveries": [["Business unit", "Campaign", "Period start", "Period end", "Orders", "Vehicle",
                        "Distance (km)", "Emissions (t CO2e)", "Country"],
                       ["UK Ops", "UK Sale", None, None, 1000, "van electric", 10_000, None, "UK"],
                       ["CN Ops", "CN Sale", None, None, 1000, "van electric", 10_000, None, None]]}))
    s = summarize(ws)
    uk = campaign(s, "UK Sale")
    # 10,000 km × 0.3528 kWh/km × 0.20705 kg CO2e/kWh ÷ 1000 = 0.7305 t (China's 2023 grid
    # gave 10,000 × 0.18719568 ÷ 1000 = 1.872 t: 2.56 times as much)
    assert uk["emissions_t"] == pytest.approx(10_000 * VAN_KWH_PER_KM * UK_GRID_2024 / 1000)
    assert uk["vehicle_regions"] == {"van electric": "United Kingdom"}
    assert uk["emissions_gas"] == "CO2e"  # DESNZ's grid factor is CO2e
    used = next(f for f in s["factors_used"] if f["key"] == "van electric"
                and f["region"] == "United Kingdom")
    assert used["origin"] == "derived" and "0.3528 kWh/km" in used["source"]
    assert "United Kingdom grid 2024 0.20705" in used["source"]
    # no Country: the library's factor (China's grid 2023), said as assumed and warned
    cn = campaign(s, "CN Sale")
    assert cn["emissions_t"] == pytest.approx(10_000 * 0.18719568 / 1000)
    assert cn["vehicle_regions"] == {"van electric": "China (assumed)"}
    assert cn["emissions_gas"] == "CO2"
    (w,) = [w for w in s["warnings"] if w["code"] == "vehicle-region"]
    assert w["args"][:2] == ["CN Ops", "van electric"]
    assert w["rows"][0]["table"] == "deliveries"
    # the Deliveries table's computed column says which grid each row used
    from greenledger.core.fields import Kind
    from greenledger.core.row_figures import table_rows

    rows = {r["business_unit"]: r for r in table_rows(ws, Kind.DELIVERIES, ws.factor_book(), s)}
    assert rows["UK Ops"]["country"] == "United Kingdom"
    assert rows["UK Ops"]["t_co2e"].value == pytest.approx(uk["emissions_t"])
    assert "van electric, United Kingdom grid, 2024" in rows["UK Ops"]["t_co2e"].how
    assert "China's grid assumed" in rows["CN Ops"]["t_co2e"].how


def test_a_workspace_from_before_the_country_column_is_migrated(tmp_path, workbook):
    import sqlite3

    from greenledger.core.storage import Workspace

    path = tmp_path / "old.greenledger"
    with Workspace.open(path) as ws:
        import_file(ws, workbook({
            "Campaigns": [["Campaign", "Start", "End", "Baseline"],
                          ["S", date(2023, 11, 1), date(2023, 11, 11), None]],
            "Deliveries": [["Business unit", "Campaign", "Orders", "Vehicle", "Distance (km)"],
                           ["B", "S", 10, "van electric", 100]]}))
    con = sqlite3.connect(path)  # as GreenLedger wrote it before m003
    con.execute("ALTER TABLE deliveries DROP COLUMN country")
    con.execute("DELETE FROM _sqlite_migrations WHERE name = 'm003_delivery_country'")
    con.commit()
    con.close()
    with Workspace.open(path) as ws:
        s = summarize(ws)
        assert campaign(s, "S")["emissions_t"] == pytest.approx(100 * 0.18719568 / 1000)
        assert [w["code"] for w in s["warnings"]] == ["vehicle-region"]


def test_the_summary_tables_say_which_columns_are_co2_only(ws, book):
    from greenledger.core.accounting import build_summary
    from greenledger.core.report import summary_text

    import_file(ws, book)
    text = summary_text(build_summary(ws))
    assert ("Gas basis of Location-based t, Market-based t, Avoided t*: t CO2; grid factors CO2 "
            "only") in text
    assert "Gas basis of Scope 1 t: t CO2; the diesel factor CO2 only" in text
    assert "Avoided emissions from renewables*:" in text and " t CO2\n" in text
    assert "Initiative reductions: 13,400.0 t CO2e" in text
    assert "Reductions in all" not in text  # avoided + reduced is never printed


def test_own_factors_keep_the_gas_basis_their_unit_states(ws, book, workbook):
    import_file(ws, book)
    import_file(ws, workbook({"Factors": [["Factor", "Region", "Year", "Value", "Unit", "Source"],
                                          ["grid", "North China", 2021, 0.6, "kg CO2e/kWh", "own"],
                                          ["van diesel", None, 2024, 250, "g CO2/km", "own"]]},
                             name="own.xlsx"))
    s = summarize(ws)
    assert year(s, "A", 2021)["location_based_gas"] == "CO2e"  # was labelled CO2 (stored so)
    assert campaign(s, "Next")["emissions_gas"] == "mixed"  # Emissions column CO2e + own CO2 van
    used = {(f["key"], f["region"]): f for f in s["factors_used"]}
    assert used[("van diesel", None)]["unit"] == "kg CO2/km"


def test_a_campaign_with_a_row_without_emissions_has_no_partial_intensity(ws, workbook):
    """The emissions of the rows that have them over the orders of all rows understated the
    intensity. The import refuses a row without Emissions or Distance and Vehicle; one stored
    before (or edited since) now leaves the campaign's emissions uncomputed, and `check` names
    it as an error."""
    from greenledger.core.checks import check_workspace

    import_file(ws, workbook({
        "Campaigns": [["Campaign", "Start", "End", "Baseline"],
                      ["S", date(2024, 11, 1), date(2024, 11, 11), None]],
        "Deliveries": [["Business unit", "Campaign", "Orders", "Emissions (t CO2e)"],
                       ["A", "S", 1000, 2.0]]}, name="d.xlsx"))
    ws.db["deliveries"].insert({"business_unit": "B", "campaign_id": ws.campaign_ids()["S"],
                                "orders": 1000})
    s = campaign(summarize(ws), "S")
    assert s["orders"] == 2000 and s["emissions_t"] is None  # was 2.0 t: 1 kg per order
    assert s["intensity_kg_per_order"] is None
    (f,) = [f for f in check_workspace(ws) if f.check == "missing-factor"]
    assert f.error and "1 deliveries row(s)" in f.render()
