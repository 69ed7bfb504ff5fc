"""core.story: the campaign's key figures against its baseline with their trails, on the demo (the
figures of tools/make_demo_workbook.py's notes, by hand) and on a small workspace built through the
real import (two campaigns, one site, one initiative)."""

from __future__ import annotations

from datetime import date

import pytest

from greenledger.core.accounting import build_summary
from greenledger.core.chart_data import Filters
from greenledger.core.demo import build_demo
from greenledger.core.importing.importer import import_file
from greenledger.core.key_figures import key_figures
from greenledger.core.storage import Workspace
from greenledger.core.story import span, story
from greenledger.core.summary import Summary


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    path = tmp_path_factory.mktemp("story") / "demo.greenledger"
    build_demo(path)
    with Workspace.open(path) as ws:
        return build_summary(ws)


def figs(s):
    return {f.key if f.key != "initiative" else f.title: f for f in s.figures}


def test_the_demo_tells_the_618_story(demo):
    s = story(demo)
    assert (s.campaign, s.baseline, s.chosen) == ("6.18 2021", "6.18 2020", False)
    assert "latest with a baseline" in s.heading  # "All campaigns": said so
    f = figs(s)
    # 6.18 2020: 50,000 t / 100,000,000 orders = 0.50 kg; 6.18 2021: 49,200 t / 120,000,000 = 0.41 kg
    assert (f["intensity"].value, f["intensity"].note) == ("−18.0 %", "0.50 → 0.41 kg CO2e per order")
    # Ulanqab June 2020: 19,600,000 of 50,800,000 kWh = 38.6 %; June 2021: 27,710,000 of 60,800,000
    # = 45.6 %; May 2020: 19 of 50 GWh = 38 %, May 2021: 27 of 60 GWh = 45 % (the release's figures)
    share = f["share"]
    assert share.note == "1–18 Jun 2020 → 1–18 Jun 2021 (the campaigns' windows)"
    ulanqab = share.lines.index("Ulanqab DC: 38.6 % → 45.6 %")
    assert share.details[ulanqab] == "May 2020 → May 2021: 38.0 % → 45.0 %"
    # Zhangbei: June 2020 wind 11,250,000 of 41,250,000 kWh = 27.3 %; June 2021 24 of 54 GWh = 44.4 %
    assert "Zhangbei DC: 27.3 % → 44.4 %" in share.lines
    # Zhangbei's wind in 1–18 Jun 2021: 24,000,000 × 18/30 = 14,400,000 kWh × 0.712 = 10,252.8 t CO2;
    # Ulanqab: 27,710,000 × 18/30 = 16,626,000 kWh × 0.7025 = 11,679.765 t
    window = f["avoided_window"]
    assert (window.value, window.unit) == ("21,933", "t CO2")
    zb = window.lines.index("Zhangbei DC: 10,253 t CO2")
    assert window.details[zb] == "14,400,000 kWh × 0.712 kg CO2/kWh"
    assert window.note.startswith("1–18 Jun 2021")
    # since 2018: 450,000,000 kWh × 0.712 = 320,400 t (the 2021 factor for every year)
    to_date = f["avoided_to_date"]
    assert to_date.title == "Avoided since 2018" and to_date.note.startswith("Jan 2018 – Jun 2021")
    zb = to_date.lines.index("Zhangbei DC: 320,400 t CO2")
    assert to_date.details[zb] == "450,000,000 kWh × 0.712 kg CO2/kWh"
    # each initiative with its own equivalent: 400 t × 1,000 ÷ 17.9 = 22,346; 13,000 t → 726,257
    ele = f["Initiative of Ele.me: No plastic cutlery"]
    assert (ele.value, ele.unit, ele.lines) == ("400", "t CO2e", ("≈ 22,346 trees",))
    cai = next(v for k, v in f.items() if k.startswith("Initiative of Cainiao: "))
    assert (cai.value, cai.lines) == ("13,000", ("≈ 726,257 trees",))
    # never a sum of avoided and reduced (21,933 + 13,400), nor of the two initiatives (13,400)
    values = {x.value for x in s.figures}
    assert not values & {"35,333", "13,400", "34,165,446", "45,643,874"}


def test_every_figure_has_its_trail(demo):
    f = figs(story(demo))
    intensity = " ".join(f["intensity"].trail)
    assert "demo_618.xlsx › Deliveries: 2 rows, 1–18 Jun 2021" in intensity
    assert "100,000,000 orders, 50,000 t CO2e" in intensity
    window = " ".join(f["avoided_window"].trail)
    assert "demo_618.xlsx › Energy: 1 row, Jun 2021" in window  # Zhangbei's June wind row
    assert "grid factor, North China 2021: 0.712 kg CO2/kWh (MEE/NBS Announcement 2024 No. 12" in window
    assert "2021; CO2 only" in window and "never deducted" in window
    to_date = " ".join(f["avoided_to_date"].trail)
    assert "Energy: 42 rows, Jan 2018 – Jun 2021" in to_date  # Zhangbei's wind months
    assert "North China 2018–2021: 0.712" in to_date and "the 2021 value is used for 2018–2020" in to_date
    share = " ".join(f["share"].trail)
    assert "27,000,000 kWh of 60,000,000 kWh in May 2021" in share
    assert "no emission factor is used" in share
    ele = " ".join(f["Initiative of Ele.me: No plastic cutlery"].trail)
    assert "Initiatives: 1 row, row 3" in ele
    assert "20,000,000 order × 0.02 kg CO2e per order = 400 t CO2e" in ele
    assert "÷ 17.9 kg per tree = 22,346" in ele and "Ant Forest" in ele


def test_the_filters_choose_and_slice(demo):
    assert story(demo, Filters(campaign="6.18 2020")) is None  # no baseline: no story, no guess
    s = story(demo, Filters(campaign="6.18 2021", site="Zhangbei DC", unit="kt"))
    assert s.chosen and "latest" not in s.heading
    f = figs(s)
    assert [line.split(":")[0] for line in f["share"].lines] == ["Zhangbei DC"]
    assert (f["avoided_window"].value, f["avoided_window"].unit) == ("10.3", "kt CO2")
    assert f["avoided_to_date"].value == "320"
    wan = figs(story(demo, Filters(cn_units=True)))
    zb = wan["avoided_to_date"].lines.index("Zhangbei DC: 32 万 t CO2")
    assert wan["avoided_to_date"].details[zb] == "4.5 亿 kWh × 0.712 kg CO2/kWh"


def test_the_cards_beside_the_band(demo):
    assert key_figures(demo, besides_story=True) == []  # no double counts in the demo
    titles = [c.title for c in key_figures(demo)]
    assert not any(t.startswith("Avoided emissions, as") for t in titles)


def test_the_trail_survives_json(demo):
    again = Summary.from_json(demo.to_json())
    assert again.row_groups == demo.row_groups and story(again) == story(demo)


def test_span():
    assert span(date(2021, 6, 1), date(2021, 6, 18)) == "1–18 Jun 2021"
    assert span(date(2021, 5, 1), date(2021, 5, 31)) == "May 2021"
    assert span(date(2018, 1, 1), date(2021, 6, 30)) == "Jan 2018 – Jun 2021"
    assert span(date(2020, 12, 20), date(2021, 1, 5)) == "20 Dec 2020 – 5 Jan 2021"


E = ["Site", "Period start", "Period end", "Source", "Energy (kWh)", "Instrument"]


def month(y, m):
    end = {10: 31, 11: 30, 12: 31}[m]
    return date(y, m, 1), date(y, m, end)


def test_a_small_workspace_through_the_import(ws, workbook):
    import_file(ws, workbook({
        "Sites": [["Site", "Type", "Grid region", "Country"], ["S", "warehouse", "North China", "China"],
                  ["T", "warehouse", "North China", "China"]],
        "Campaigns": [["Campaign", "Start", "End", "Baseline"],
                      ["Base", date(2022, 11, 1), date(2022, 11, 10), None],
                      ["Sale", date(2023, 11, 1), date(2023, 11, 10), "Base"]],
        "Energy": [E,
                   ["S", *month(2022, 10), "grid", 900_000, None],
                   ["S", *month(2022, 10), "wind", 100_000, "PPA"],
                   ["S", *month(2022, 11), "grid", 600_000, None],
                   ["S", *month(2022, 11), "wind", 300_000, "PPA"],
                   ["S", *month(2023, 10), "grid", 700_000, None],
                   ["S", *month(2023, 10), "solar", 300_000, "on-site"],
                   ["S", *month(2023, 11), "grid", 300_000, None],
                   ["S", *month(2023, 11), "wind", 600_000, "PPA"],
                   ["S", *month(2023, 12), "wind", 999_000, "PPA"],
                   ["T", *month(2023, 11), "grid", 300_000, None]],  # a new site: no baseline rows
        "Deliveries": [["Business unit", "Campaign", "Orders", "Emissions (t CO2e)"],
                       ["Tmall", "Base", 1_000_000, 500],
                       ["Tmall", "Sale", 1_250_000, 500]],
        "Initiatives": [["Initiative", "Business unit", "Campaign", "Reduction (t CO2e)"],
                        ["Reusable boxes", "Cainiao", "Sale", 179]],
        "Factors": [["Factor", "Region", "Year", "Value", "Unit", "Source"],
                    ["grid", "North China", 2022, 0.6, "kg CO2/kWh", "Test grid 2022"],
                    ["grid", "North China", 2023, 0.5, "kg CO2/kWh", "Test grid 2023"]],
    }, name="small.xlsx"))
    s = story(build_summary(ws))
    assert (s.campaign, s.baseline) == ("Sale", "Base")
    f = figs(s)
    # 500 t / 1,000,000 = 0.50 kg; 500 t / 1,250,000 = 0.40 kg: −20 %
    assert (f["intensity"].value, f["intensity"].note) == ("−20.0 %", "0.50 → 0.40 kg CO2e per order")
    # windows (10 of 30 November days): 100,000 of 300,000 kWh = 33.3 % → 200,000 of 300,000 = 66.7 %;
    # October: 100,000 of 1,000,000 = 10 % → 300,000 of 1,000,000 = 30 %
    assert f["share"].lines == ("S: 33.3 % → 66.7 %", "T: 0.0 % (no rows in 1–10 Nov 2022)")
    assert f["share"].details == ("Oct 2022 → Oct 2023: 10.0 % → 30.0 %", "")
    assert "small.xlsx › Energy: 2 rows, Nov 2023" in " ".join(f["share"].trail)
    # in the window: 600,000 × 10/30 = 200,000 kWh × 0.5 = 100 t CO2
    assert (f["avoided_window"].value, f["avoided_window"].lines) == ("100", ("S: 100 t CO2",))
    assert f["avoided_window"].details == ("200,000 kWh × 0.5 kg CO2/kWh",)
    assert "Test grid 2023, 2023; CO2 only" in " ".join(f["avoided_window"].trail)
    # Oct 2022 – Nov 2023 (December is after the campaign's month): 400,000 × 0.6 + 900,000 × 0.5
    # = 240 + 450 = 690 t
    to_date = f["avoided_to_date"]
    assert (to_date.title, to_date.value) == ("Avoided since 2022", "690")
    assert to_date.note.startswith("Oct 2022 – Nov 2023")
    assert to_date.lines == ("S: 690 t CO2",)
    assert to_date.details == ("1,300,000 kWh × each year's grid factor",)
    assert "small.xlsx › Energy: 4 rows, Oct 2022 – Nov 2023" in " ".join(to_date.trail)
    # 179 t × 1,000 ÷ 17.9 kg = 10,000 trees
    boxes = f["Initiative of Cainiao: Reusable boxes"]
    assert (boxes.value, boxes.lines) == ("179", ("≈ 10,000 trees",))
    assert "small.xlsx › Initiatives: 1 row, row 2" in " ".join(boxes.trail)


def test_many_sites_name_the_largest_and_count_the_rest(tmp_path):
    import importlib.util
    from pathlib import Path

    tool_path = Path(__file__).resolve().parents[2] / "tools" / "make_sites_workspace.py"
    spec = importlib.util.spec_from_file_location("make_sites_workspace", tool_path)
    tool = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tool)
    tool.build(6, tmp_path / "six.greenledger")
    with Workspace.open(tmp_path / "six.greenledger") as ws:
        summary = build_summary(ws)
    f = figs(story(summary))
    share = f["share"]
    assert len(share.lines) == 5 and share.lines[-1] == "and 2 more sites (see the tooltip)"
    c = summary.campaign("6.18 2021")
    window_kwh = {}
    for g in summary.row_groups:
        if g.table == "energy" and g.scope == "window" and g.campaign == c.name:
            window_kwh[g.site] = window_kwh.get(g.site, 0.0) + g.kwh
    largest = sorted(window_kwh, key=lambda s: -window_kwh[s])[:4]
    assert [line.split(":")[0] for line in share.lines[:4]] == largest
    assert sum(1 for t in share.trail if "renewable share in the windows" in t) == 6  # every site
    window = f["avoided_window"]
    assert window.lines[-1] == "and 2 more sites (see the tooltip)"
    assert window.value == f"{c.avoided_t:,.0f}"  # the total of all six, not of the four named
