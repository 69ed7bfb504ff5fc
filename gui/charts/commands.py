"""The chart subcommands of `greenledger` (charts, export-chart, export-deck, export-data): their
arguments and what they run. gui/cli.py only registers them. They run without a display."""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from greenledger.core.chart_data import Filters
from greenledger.core.charts import CHART_NAMES, chart_title
from greenledger.core.i18n import translate

CHART_COMMANDS = ("charts", "export-chart", "export-deck", "export-data")
EXIT_OK, EXIT_USAGE = 0, 2


def _filters(p: argparse.ArgumentParser) -> None:
    p.add_argument("--site", help="one site (default: all)")
    p.add_argument("--campaign", help="one campaign and its baseline (default: all)")
    years = p.add_mutually_exclusive_group()
    years.add_argument("--year", type=int, help="one year")
    years.add_argument("--years", metavar="Y1-Y2", help="a range of years, e.g. 2020-2021")
    p.add_argument("--unit", choices=("t", "kt"), default="t", help="t or kt CO2e")
    p.add_argument(
        "--cn-units",
        action="store_true",
        help="large quantities in 万/亿 (4.5 亿千瓦时, 40 万吨) in titles, labels, axes and data",
    )
    p.add_argument(
        "--by",
        choices=("auto", "month", "year"),
        default="auto",
        dest="granularity",
        help="month or year bars for energy charts",
    )
    p.add_argument(
        "--compare-factor",
        type=float,
        metavar="KG_PER_KWH",
        help="avoided-cumulative: also show the same kWh at this factor (e.g. 0.889)",
    )
    p.add_argument("--initiative", help="equivalents: of this initiative's reduction")


def add_parsers(sub) -> None:
    """Add the chart subcommands to gui.cli's subparsers."""
    sub.add_parser("charts", help="list the chart names")
    ec = sub.add_parser("export-chart", help="export a chart as PNG, SVG or PDF")
    ec.add_argument("name", choices=CHART_NAMES, metavar="NAME")
    ec.add_argument("--out", type=Path, required=True, metavar="FILE.png|.svg|.pdf")
    ec.add_argument("--width", type=int, metavar="PX")
    ec.add_argument("--height", type=int, metavar="PX")
    ec.add_argument("--size", choices=("16:9", "4:3", "a4"), help="1920×1080, 1440×1080, A4 width at 300 dpi")
    ec.add_argument("--dpi", type=float, help="dots per inch (PNG metadata, PDF page size)")
    ec.add_argument("--transparent", action="store_true", help="PNG/SVG without the white background")
    _filters(ec)
    deck = sub.add_parser("export-deck", help="export every chart as a PowerPoint deck (.pptx)")
    deck.add_argument("--out", type=Path, required=True, metavar="FILE.pptx")
    _filters(deck)
    data = sub.add_parser("export-data", help="export the data behind a chart as CSV or XLSX")
    data.add_argument("name", choices=CHART_NAMES, metavar="NAME")
    data.add_argument("--out", type=Path, required=True, metavar="FILE.csv|.xlsx")
    _filters(data)


def filters_from(args: argparse.Namespace) -> Filters:
    y1 = y2 = getattr(args, "year", None)
    if getattr(args, "years", None):
        m = re.fullmatch(r"\s*(\d{4})\s*[-–]\s*(\d{4})\s*", args.years)
        if not m:
            raise ValueError(
                translate("ChartCommands", "--years {0}: give two years, e.g. 2020-2021").format(
                    repr(args.years)
                )
            )
        y1, y2 = sorted((int(m.group(1)), int(m.group(2))))
    cf = getattr(args, "compare_factor", None)
    return Filters(
        site=args.site,
        campaign=args.campaign,
        year_from=y1,
        year_to=y2,
        unit=args.unit,
        granularity=args.granularity,
        compare_factor=cf,
        initiative=args.initiative,
        cn_units=getattr(args, "cn_units", False),
    )


def _summary(args: argparse.Namespace):
    from greenledger.core.charts import load_summary
    from greenledger.core.paths import default_workspace
    from greenledger.core.storage import Workspace

    with Workspace.open(args.workspace or default_workspace(), create=False) as ws:
        summary = load_summary(ws)  # typed: the charts read it without converting JSON
    _check_names(summary, args)
    return summary


def _check_names(summary, args: argparse.Namespace) -> None:
    from greenledger.core.errors import GreenLedgerError

    sites = {y.site for y in summary.site_years}
    if getattr(args, "site", None) and args.site not in sites:
        raise GreenLedgerError(
            translate("ChartCommands", "no site {0}; sites: {1}").format(
                repr(args.site), ", ".join(sorted(sites)) or translate("ChartCommands", "none")
            )
        )
    camps = {c.name for c in summary.campaigns}
    if getattr(args, "campaign", None) and args.campaign not in camps:
        raise GreenLedgerError(
            translate("ChartCommands", "no campaign {0}; campaigns: {1}").format(
                repr(args.campaign), ", ".join(sorted(camps)) or translate("ChartCommands", "none")
            )
        )


def cmd_charts(args: argparse.Namespace) -> int:
    for name in CHART_NAMES:
        print(f"{name:<20} {chart_title(name)}")
    return EXIT_OK


def cmd_export_chart(args: argparse.Namespace) -> int:
    from greenledger.core.charts import build_chart
    from greenledger.gui.charts.render import ensure_app, export_chart, resolve_size

    if args.out.suffix.lower() not in (".png", ".svg", ".pdf"):
        _usage(translate("ChartCommands", "export a chart as .png, .svg or .pdf"))
        return EXIT_USAGE
    if args.size and (args.width or args.height):
        _usage(translate("ChartCommands", "give --size or --width/--height, not both"))
        return EXIT_USAGE
    try:
        f = filters_from(args)
        size = resolve_size(args.width, args.height, args.size, args.dpi)
    except ValueError as exc:
        print(f"greenledger: {exc}", file=sys.stderr)
        return EXIT_USAGE
    chart = build_chart(args.name, _summary(args), f)
    ensure_app()
    out = export_chart(chart, args.out, size, transparent=args.transparent)
    print(
        translate("ChartCommands", "wrote {0} ({1}×{2} px at {3} dpi)").format(
            out, size.width_px, size.height_px, f"{size.dpi:g}"
        )
    )
    return EXIT_OK


def cmd_export_deck(args: argparse.Namespace) -> int:
    from greenledger.gui.charts.deck import save_deck
    from greenledger.gui.charts.render import ensure_app

    if args.out.suffix.lower() != ".pptx":
        _usage(translate("ChartCommands", "the deck is a .pptx file: give --out FILE.pptx"))
        return EXIT_USAGE
    try:
        f = filters_from(args)
    except ValueError as exc:
        print(f"greenledger: {exc}", file=sys.stderr)
        return EXIT_USAGE
    summary = _summary(args)
    ensure_app()
    print(translate("ChartCommands", "wrote {0}").format(save_deck(summary, args.out, f)))
    return EXIT_OK


def cmd_export_data(args: argparse.Namespace) -> int:
    from greenledger.core.chart_files import write_chart_data
    from greenledger.core.charts import build_chart

    if args.out.suffix.lower() not in (".csv", ".xlsx"):
        _usage(translate("ChartCommands", "export the data as .csv or .xlsx"))
        return EXIT_USAGE
    try:
        f = filters_from(args)
    except ValueError as exc:
        print(f"greenledger: {exc}", file=sys.stderr)
        return EXIT_USAGE
    out = write_chart_data(build_chart(args.name, _summary(args), f), args.out)
    print(translate("ChartCommands", "wrote {0}").format(out))
    return EXIT_OK


def _usage(message: str) -> None:
    print(f"greenledger: {message}", file=sys.stderr)


COMMANDS = {
    "charts": cmd_charts,
    "export-chart": cmd_export_chart,
    "export-deck": cmd_export_deck,
    "export-data": cmd_export_data,
}
