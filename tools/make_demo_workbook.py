"""Build resources/demo/demo_618.xlsx: Alibaba's 6.18 2021 press release as a GreenLedger workbook.

The release (18 June 2021, "Alibaba Achieves Green Efficiency during 6.18 Mid-Year Sales") gives
headline figures only. The order counts, per-campaign emissions, packaging tonnes and monthly kWh
below are ILLUSTRATIVE, chosen so that the app reproduces the release's figures exactly; the
workbook's Read me says so, sheet by sheet.

Usage: python tools/make_demo_workbook.py [OUTPUT.xlsx]   (default: resources/demo/demo_618.xlsx)

The output is deterministic: fixed workbook dates and fixed zip entry times, so a rerun gives the
same bytes with the same openpyxl and zlib.
"""

from __future__ import annotations

import argparse
import calendar
import io
import re
import sys
import zipfile
from datetime import date, datetime
from fractions import Fraction
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # run as a script from a source tree
    sys.path.insert(0, str(ROOT))

import openpyxl  # noqa: E402

from greenledger.core.fields import Kind  # noqa: E402
from greenledger.core.template import build_workbook  # noqa: E402

OUTPUT = ROOT / "resources" / "demo" / "demo_618.xlsx"
FIXED_TIME = datetime(2021, 6, 18, 0, 0, 0)

ZHANGBEI = "Zhangbei DC"
ULANQAB = "Ulanqab DC"
C2020 = "6.18 2020"
C2021 = "6.18 2021"
WIND_TRADE = "green power trade"

# Zhangbei wind bought through the green power trade, kWh per year (2021: January to June).
ZHANGBEI_WIND_BY_YEAR = {2018: 60_000_000, 2019: 100_000_000, 2020: 150_000_000}
ZHANGBEI_WIND_2021_JAN_MAY = 116_000_000
ZHANGBEI_WIND_2021_JUN = 24_000_000
ZHANGBEI_GRID_PER_MONTH = 30_000_000
# Wind seasonality in North China (windy spring, calm summer), in percent of an average month.
WIND_SEASON = (110, 105, 115, 115, 105, 90, 80, 80, 90, 100, 105, 105)
# Solar seasonality in Inner Mongolia, in percent of May.
SOLAR_SEASON = (55, 65, 80, 90, 100, 105, 100, 95, 85, 70, 55, 50)


def month_span(year: int, month: int) -> tuple[date, date]:
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def months(first: tuple[int, int], last: tuple[int, int]) -> list[tuple[int, int]]:
    out, (y, m) = [], first
    while (y, m) <= last:
        out.append((y, m))
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def apportion(total: int, weights: list[int], step: int = 1_000) -> list[int]:
    """Split `total` in proportion to `weights` into multiples of `step` that sum to `total`
    exactly (largest remainder; ties go to the earlier item)."""
    assert total % step == 0
    units = total // step
    quotas = [Fraction(units * w, sum(weights)) for w in weights]
    parts = [int(q) for q in quotas]
    by_remainder = sorted(range(len(weights)), key=lambda i: (-(quotas[i] - parts[i]), i))
    for i in by_remainder[: units - sum(parts)]:
        parts[i] += 1
    return [p * step for p in parts]


def round_to(x: Fraction, step: int) -> int:
    return round(x / step) * step


def energy_row(site: str, year: int, month: int, source: str, kwh: int,
               instrument: str | None = None) -> dict[str, object]:
    start, end = month_span(year, month)
    row: dict[str, object] = {"site": site, "period_start": start, "period_end": end,
                              "source": source, "energy": kwh}
    if instrument:
        row["instrument"] = instrument
    return row


def zhangbei_wind() -> dict[tuple[int, int], int]:
    kwh: dict[tuple[int, int], int] = {}
    for year, total in ZHANGBEI_WIND_BY_YEAR.items():
        for month, v in enumerate(apportion(total, list(WIND_SEASON)), start=1):
            kwh[(year, month)] = v
    for month, v in enumerate(apportion(ZHANGBEI_WIND_2021_JAN_MAY, list(WIND_SEASON[:5])),
                              start=1):
        kwh[(2021, month)] = v
    kwh[(2021, 6)] = ZHANGBEI_WIND_2021_JUN
    return kwh


def ulanqab_mix() -> dict[tuple[int, int], tuple[int, int, int]]:
    """(grid, wind, solar) kWh per month, Jan 2018..Jun 2021.

    Anchored on May 2020 (50 GWh, 38 % renewable) and May 2021 (60 GWh, 45 %): from January 2020
    the total, the solar capacity and the renewable share move linearly between them. Before
    that (2018, 2019) each moves linearly from January 2018 (38 GWh, 26 % renewable, 1.5 GWh of
    solar in May terms) to January 2020's values, so the site's share rises steadily through
    every year the charts show. Solar follows the seasons.
    """
    def anchored(i: int) -> tuple[Fraction, Fraction, Fraction]:
        k = Fraction(i - 4, 12)  # 0 in May 2020, 1 in May 2021
        return (50_000_000 + k * 10_000_000, 4_000_000 + k * 3_000_000,
                Fraction(38, 100) + k * Fraction(7, 100))

    start = (Fraction(38_000_000), Fraction(1_500_000), Fraction(26, 100))
    jan_2020 = anchored(0)
    mix = {}
    for i, (year, month) in enumerate(months((2018, 1), (2021, 6)), start=-24):
        if i >= 0:
            total, solar_may, share = anchored(i)
        else:
            t = Fraction(i + 24, 24)  # 0 in January 2018, 1 in January 2020
            total, solar_may, share = (a + (b - a) * t for a, b in zip(start, jan_2020, strict=True))
        total = round_to(total, 100_000)
        solar = round_to(solar_may * Fraction(SOLAR_SEASON[month - 1], 100), 10_000)
        renewable = round_to(total * share, 10_000)
        mix[(year, month)] = (total - renewable, renewable - solar, solar)
    return mix


def energy_rows() -> list[dict[str, object]]:
    rows = []
    wind = zhangbei_wind()
    for year, month in months((2018, 1), (2021, 6)):
        rows.append(energy_row(ZHANGBEI, year, month, "grid", ZHANGBEI_GRID_PER_MONTH))
        rows.append(energy_row(ZHANGBEI, year, month, "wind", wind[(year, month)], WIND_TRADE))
    for (year, month), (grid, w, solar) in ulanqab_mix().items():
        rows.append(energy_row(ULANQAB, year, month, "grid", grid))
        rows.append(energy_row(ULANQAB, year, month, "wind", w, WIND_TRADE))
        rows.append(energy_row(ULANQAB, year, month, "solar", solar, "on-site"))
    return rows


def demo_rows() -> dict[Kind, list[dict[str, object]]]:
    return {
        Kind.SITES: [
            {"site": ZHANGBEI, "type": "data center", "grid_region": "North China",
             "country": "China"},
            {"site": ULANQAB, "type": "data center", "grid_region": "Inner Mongolia",
             "country": "China"},
        ],
        Kind.CAMPAIGNS: [
            {"campaign": C2020, "start": date(2020, 6, 1), "end": date(2020, 6, 18)},
            {"campaign": C2021, "start": date(2021, 6, 1), "end": date(2021, 6, 18),
             "baseline": C2020},
        ],
        Kind.ENERGY: energy_rows(),
        Kind.DELIVERIES: [
            {"business_unit": "Tmall", "campaign": C2020, "orders": 70_000_000,
             "emissions": 35_000},
            {"business_unit": "Cainiao", "campaign": C2020, "orders": 30_000_000,
             "emissions": 15_000},
            {"business_unit": "Tmall", "campaign": C2021, "orders": 84_000_000,
             "emissions": 34_440},
            {"business_unit": "Cainiao", "campaign": C2021, "orders": 36_000_000,
             "emissions": 14_760},
        ],
        Kind.PACKAGING: [
            {"business_unit": "Cainiao", "campaign": C2020, "material": "board",
             "quantity": 900, "unit": "t", "recycled_content": 30},
            {"business_unit": "Cainiao", "campaign": C2020, "material": "film",
             "quantity": 120, "unit": "t", "recycled_content": 0},
            {"business_unit": "Cainiao", "campaign": C2021, "material": "board",
             "quantity": 850, "unit": "t", "recycled_content": 40},
            {"business_unit": "Cainiao", "campaign": C2021, "material": "film",
             "quantity": 90, "unit": "t", "recycled_content": 0},
        ],
        Kind.INITIATIVES: [
            {"initiative": "Energy-efficient DC, smart packaging algorithm and rooftop PV",
             "business_unit": "Cainiao", "campaign": C2021, "reduction": 13_000},
            {"initiative": "No plastic cutlery", "business_unit": "Ele.me", "campaign": C2021,
             "activity": 20_000_000, "activity_unit": "order", "factor": 0.02},
        ],
        Kind.FACTORS: [],
    }


NOTES: dict[Kind, str] = {
    Kind.SITES: (
        "Demo workspace reproducing Alibaba's press release of 18 June 2021, \"Alibaba Achieves "
        "Green Efficiency during 6.18 Mid-Year Sales\". Figures the release does not give are "
        "ILLUSTRATIVE and labelled so below. Sites: the two data centers the release names; "
        "Zhangbei (Hebei) on the North China grid, Ulanqab on the Inner Mongolia grid."),
    Kind.CAMPAIGNS: (
        "6.18 2021 is compared with 6.18 2020, its baseline (release: per-order emissions -18 %). "
        "The windows 1-18 June are ASSUMED; the release only says \"during 6.18\"."),
    Kind.ENERGY: (
        "ILLUSTRATIVE monthly kWh, built to reproduce three release figures. (1) Zhangbei DC "
        "wind bought through the green power trade, January 2018 to June 2021, totals exactly "
        "450,000,000 kWh (release: 450 million kWh since 2018, \"nearly 400,000 t\" CO2; that "
        "implies 0.889 kg CO2/kWh, while North China's 2021 grid average 0.712 gives about "
        "320,400 t). Yearly totals: 2018 60 GWh, 2019 100 GWh, 2020 150 GWh, 2021 January-June "
        "140 GWh. (2) June 2021 wind is 24,000,000 kWh, so the 6.18 2021 window (18 of 30 days) "
        "holds 14,400,000 kWh: about 10,253 t avoided at 0.712 (release: more than 8,000 t "
        "during 6.18). (3) Ulanqab DC, wind + solar: exactly 38 % of its electricity in May 2020 "
        "(50 GWh: grid 31, wind 15, solar 4) and 45 % in May 2021 (60 GWh: grid 33, wind 20, "
        "solar 7) (release: Inner Mongolia data center 38 % -> 45 %). Zhangbei grid kWh (a flat "
        "30 GWh a month, every month from January 2018) and all other months are invented; both "
        "sites have grid and renewable rows for every month from January 2018 to June 2021, so "
        "the renewable shares the charts show move as the release says (Ulanqab's share rises "
        "from 26 % in January 2018 to 45 % in May 2021). Cainiao's rooftop PV is not an Energy "
        "row: it is counted inside the 13,000 t initiative (see Initiatives)."),
    Kind.DELIVERIES: (
        "ILLUSTRATIVE orders and emissions; the release gives only the change. 6.18 2020: "
        "100,000,000 orders, 50,000 t = 0.50 kg CO2e per order. 6.18 2021: 120,000,000 orders, "
        "49,200 t = 0.41 kg per order, exactly -18 % (release: carbon emission per order cut by "
        "18 %). Emissions are given, not computed from distances, so the -18 % is exact."),
    Kind.PACKAGING: (
        "ILLUSTRATIVE tonnes and recycled shares of Cainiao's packaging, for the smart packaging "
        "story (less board, more recycled content, less film). The release gives no packaging "
        "quantities."),
    Kind.INITIATIVES: (
        "From the release. Cainiao: energy-efficient distribution center, smart packaging "
        "algorithm and rooftop PV saved \"more than 13,000 t\" in its value chain during 6.18; "
        "entered as a given reduction of 13,000 t. Cainiao's rooftop PV is part of this figure, "
        "so it is not an Energy row (it would be counted twice). Ele.me: 20,000,000 takeaway "
        "orders without plastic cutlery × 0.02 kg CO2e per order = 400 t (release: about 400 t, "
        "like planting 22,000 Haloxylon trees; Ant Forest's 17.9 kg per tree gives 22,346)."),
    Kind.FACTORS: (
        "Empty: the built-in factor library is used (e.g. North China grid 2021: "
        "0.712 kg CO2/kWh)."),
}


def check(rows: dict[Kind, list[dict[str, object]]]) -> None:
    """The release's figures, recomputed from the rows (a guard against editing mistakes)."""
    energy = rows[Kind.ENERGY]
    wind = [r for r in energy if r["site"] == ZHANGBEI and r["source"] == "wind"]
    assert sum(r["energy"] for r in wind) == 450_000_000
    june = [r for r in wind if r["period_start"] == date(2021, 6, 1)]
    assert [r["energy"] for r in june] == [24_000_000]
    for may, share in ((date(2020, 5, 1), Fraction(38, 100)),
                       (date(2021, 5, 1), Fraction(45, 100))):
        mix = {r["source"]: r["energy"] for r in energy
               if r["site"] == ULANQAB and r["period_start"] == may}
        assert Fraction(mix["wind"] + mix["solar"], sum(mix.values())) == share
    for r in energy:
        assert r["energy"] > 0
    per_order = {}
    for c in (C2020, C2021):
        ds = [r for r in rows[Kind.DELIVERIES] if r["campaign"] == c]
        kg = sum(r["emissions"] for r in ds) * 1000
        per_order[c] = Fraction(kg, sum(r["orders"] for r in ds))
    assert per_order == {C2020: Fraction(1, 2), C2021: Fraction(41, 100)}
    assert per_order[C2021] / per_order[C2020] == Fraction(82, 100)


def build_demo() -> openpyxl.Workbook:
    rows = demo_rows()
    check(rows)
    wb = build_workbook(rows, notes=NOTES)
    wb.properties.title = "GreenLedger demo: Alibaba 6.18 2021"
    wb.properties.created = FIXED_TIME
    wb.properties.modified = FIXED_TIME
    return wb


def save_reproducibly(wb: openpyxl.Workbook, path: Path) -> None:
    """Save with fixed zip entry times and a fixed modification date (openpyxl stamps "now")."""
    buf = io.BytesIO()
    wb.save(buf)
    stamp = FIXED_TIME.strftime("%Y-%m-%dT%H:%M:%SZ")
    out = io.BytesIO()
    with zipfile.ZipFile(buf) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                data = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)",
                              rb"\g<1>" + stamp.encode() + rb"\g<2>", data)
            entry = zipfile.ZipInfo(info.filename, date_time=FIXED_TIME.timetuple()[:6])
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            dst.writestr(entry, data)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(out.getvalue())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("output", nargs="?", type=Path, default=OUTPUT)
    args = parser.parse_args(argv)
    save_reproducibly(build_demo(), args.output)
    print(f"wrote {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
