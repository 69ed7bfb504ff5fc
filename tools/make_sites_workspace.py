"""A workspace with N sites, through the real import path (template workbook → import), to look at the
charts, the dashboard and every export at 2, 10 and 50 sites, and to test names a spreadsheet could take
for formulas.

Usage: python tools/make_sites_workspace.py N OUT.greenledger [--names hostile] [--workbook OUT.xlsx]

Each site copies the demo's Zhangbei (wind) or Ulanqab (grid, wind, solar) rows month by month, scaled
from 0.3× to 1.7× (ILLUSTRATIVE values); deliveries, packaging and initiatives are the demo's. Some
names are long, to test wrapping. `--names hostile` names the sites and business units like formulas
(=HYPERLINK(…), +, -, @, a tab), each a text that must stay text in every export.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
for p in (ROOT, ROOT / "tools"):
    if str(p) not in sys.path:
        sys.path.insert(0, str(p))

from make_demo_workbook import NOTES, ULANQAB, ZHANGBEI, demo_rows  # noqa: E402

from greenledger.core.fields import Kind  # noqa: E402
from greenledger.core.template import build_workbook  # noqa: E402

PLACES = ("Hangzhou", "Zhangjiakou", "Ulanqab", "Shanghai Qingpu logistics park", "Wuhan", "Chengdu",
          "Guangzhou Baiyun", "Tianjin port warehouse", "Xi'an", "Hohhot")
HOSTILE_SITES = ('=HYPERLINK("http://example.com","click")', "+Plus DC", "-Minus DC", "@At DC", "\tTab DC")
HOSTILE_UNITS = {"Cainiao": '=HYPERLINK("http://example.com","unit")', "Ele.me": "@Ele.me"}


def site_names(n: int, hostile: bool = False) -> list[str]:
    if hostile:
        return [HOSTILE_SITES[i % len(HOSTILE_SITES)] + ("" if i < len(HOSTILE_SITES) else f" {i}")
                for i in range(n)]
    return [f"Site {i + 1:02d} {PLACES[i % len(PLACES)]}" for i in range(n)]


def rows_for(n: int, hostile: bool = False) -> dict[Kind, list[dict[str, object]]]:
    base = demo_rows()
    names = site_names(n, hostile)
    template = {ZHANGBEI: next(r for r in base[Kind.SITES] if r["site"] == ZHANGBEI),
                ULANQAB: next(r for r in base[Kind.SITES] if r["site"] == ULANQAB)}
    sites, energy = [], []
    for i, name in enumerate(names):
        like = ZHANGBEI if i % 2 == 0 else ULANQAB
        scale = 0.3 + 1.4 * ((i * 37) % 100) / 100  # 0.3× … 1.7×, spread
        green = 0.5 + ((i * 53) % 100) / 100  # renewables 0.5× … 1.5× of that: shares differ
        sites.append({**template[like], "site": name})
        for r in base[Kind.ENERGY]:
            if r["site"] == like:
                k = scale * (1.0 if r["source"] == "grid" else green)
                energy.append({**r, "site": name, "energy": round(r["energy"] * k, -3)})
    rows = {**base, Kind.SITES: sites, Kind.ENERGY: energy}
    if hostile:
        for kind in (Kind.DELIVERIES, Kind.PACKAGING, Kind.INITIATIVES):
            rows[kind] = [{**r, "business_unit": HOSTILE_UNITS.get(r["business_unit"], r["business_unit"])}
                          for r in base[kind]]
    return rows


def write_workbook(n: int, path: Path, hostile: bool = False) -> Path:
    wb = build_workbook(rows_for(n, hostile), notes=NOTES)
    wb.save(path)
    return path


def build(n: int, out: Path, hostile: bool = False, workbook: Path | None = None):
    from greenledger.core.importing.importer import import_file
    from greenledger.core.storage import Workspace

    book = write_workbook(n, workbook or out.with_suffix(".xlsx"), hostile)
    with Workspace.open(out, create=True) as ws:
        return import_file(ws, book)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("n", type=int)
    ap.add_argument("out", type=Path)
    ap.add_argument("--names", choices=("plain", "hostile"), default="plain")
    ap.add_argument("--workbook", type=Path)
    args = ap.parse_args(argv)
    if args.out.exists():
        args.out.unlink()
    result = build(args.n, args.out, args.names == "hostile", args.workbook)
    print(f"wrote {args.out} ({args.n} sites, {sum(c.rows for c in result.counts.values())} rows)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
