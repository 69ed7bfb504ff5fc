"""Property: shuffling columns, renaming headers among their synonyms (English or Chinese),
writing categorical values in either language, adding columns nobody needs and changing the
energy unit (kWh, MWh, 万千瓦时, values scaled to match) never changes what is imported, in a long
or a wide (months as columns) layout."""

import calendar
from datetime import date

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from greenledger.core.accounting import summarize
from greenledger.core.bounds import month_slips
from greenledger.core.fields import Kind
from greenledger.core.importing.engine import import_file
from greenledger.core.storage import Workspace
from tests.conftest import SITES, write_workbook

SYN = {
    "site": ["Site", "站点", "Plant", "Facility", "站点名称"],
    "period_start": ["Period start", "From", "开始日期", "Start date"],
    "period_end": ["Period end", "To", "结束日期", "End date"],
    "source": ["Source", "能源类型", "Energy source", "能源来源"],
    "energy": ["Energy", "用电量", "Electricity consumption", "Usage", "电量"],
    "instrument": ["Instrument", "采购方式", "Contract type"],
}
UNITS = {"kWh": 1.0, "MWh": 1e3, "万千瓦时": 1e4}
UNIT_FORMS = ["{} ({})", "{}（{}）", "{} [{}]"]
SOURCE_WORDS = {"grid": ["grid", "电网", "Grid"], "wind": ["wind", "风电"],
                "solar": ["solar", "光伏", "太阳能"]}
INSTRUMENT_WORDS = {"grid": [None], "wind": ["PPA", "购电协议"],
                    "solar": ["green power trade", "绿电交易"]}
MONTH_FORMS = ["2023年{m}月", "2023-{m:02d}", "{name} 2023"]
SITE_NAMES = [r[0] for r in SITES[1:]]

records = st.dictionaries(
    st.tuples(st.sampled_from(SITE_NAMES), st.sampled_from(sorted(SOURCE_WORDS))),
    st.dictionaries(st.integers(1, 12), st.integers(0, 10**6).map(lambda n: n * 10.0),
                    min_size=1, max_size=4),
    min_size=1, max_size=4)


def expected_rows(data):
    out = []
    for (site, source), months in data.items():
        instrument = {"grid": None, "wind": "PPA", "solar": "green power trade"}[source]
        for m, kwh in months.items():
            end = date(2023, m, calendar.monthrange(2023, m)[1])
            out.append((site, f"2023-{m:02d}-01", end.isoformat(), source, instrument, kwh))
    return sorted(out)


@settings(max_examples=12, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(data=records, wide=st.booleans(), choices=st.data())
def test_imported_figures_do_not_depend_on_headers_order_units_or_language(tmp_path_factory,
                                                                           data, wide, choices):
    tmp = tmp_path_factory.mktemp("prop")
    draw = choices.draw
    unit = draw(st.sampled_from(sorted(UNITS)))
    scale = UNITS[unit]
    names = {f: draw(st.sampled_from(s)) for f, s in SYN.items()}
    words = {k: draw(st.sampled_from(v)) for k, v in SOURCE_WORDS.items()}
    inst = {k: draw(st.sampled_from(v)) for k, v in INSTRUMENT_WORDS.items()}
    extra = draw(st.sampled_from([[], ["Remarks"], ["备注", "Cost centre"]]))
    if wide:
        form = draw(st.sampled_from(MONTH_FORMS))
        months = sorted({m for ms in data.values() for m in ms})
        month_headers = [form.format(m=m, name=calendar.month_abbr[m]) for m in months]
        fields = ["site", "source", "instrument", *month_headers, *extra]
        order = draw(st.permutations(fields))
        header = [names.get(f, f) for f in order]
        rows = [[f"{names['energy']}（{unit}）"], [], header]
        for (site, source), values in data.items():
            cells = {"site": site, "source": words[source], "instrument": inst[source]}
            cells.update({h: values[m] / scale if m in values else None
                          for h, m in zip(month_headers, months, strict=True)})
            rows.append([cells.get(f, "x") for f in order])
    else:
        fields = [*SYN, *extra]
        order = draw(st.permutations(fields))
        form = draw(st.sampled_from(UNIT_FORMS))
        header = [form.format(names[f], unit) if f == "energy" else names.get(f, f)
                  for f in order]
        rows = [header]
        for (site, source), values in data.items():
            for m, kwh in values.items():
                cells = {"site": site, "period_start": date(2023, m, 1),
                         "period_end": f"2023/{m}/{calendar.monthrange(2023, m)[1]}",
                         "source": words[source], "energy": kwh / scale,
                         "instrument": inst[source]}
                rows.append([cells.get(f, "note") for f in order])
    by_month: dict[tuple, float] = {}  # a month that reads as an MWh slip is refused (core.bounds)
    for (site, _), values in data.items():
        for m, kwh in values.items():
            by_month[(site, m)] = by_month.get((site, m), 0.0) + kwh
    assume(not any(s.factor for s in month_slips(
        (site, date(2023, m, 1), kwh, m) for (site, m), kwh in by_month.items())))
    path = write_workbook(tmp / "energy.xlsx", {"Sites": SITES, "Data": rows})
    with Workspace.open(tmp / "w.greenledger") as ws:
        import_file(ws, path)
        got = sorted((r["site"], r["period_start"], r["period_end"], r["source"],
                      r["instrument"], r["energy"]) for r in ws.rows(Kind.ENERGY))
        want = expected_rows(data)
        assert [g[:5] for g in got] == [w[:5] for w in want]
        for g, w in zip(got, want, strict=True):
            assert g[5] == pytest.approx(w[5], rel=1e-9, abs=1e-6)
        totals = {r["site"]: r["total_kwh"] for r in summarize(ws)["site_years"]}
        for site in {s for s, _ in data}:
            assert totals[site] == pytest.approx(
                sum(k for (s, _), ms in data.items() if s == site for k in ms.values()))
