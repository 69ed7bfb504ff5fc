"""The `greenledger` command: the window without a subcommand, headless with one.

Exit codes: 0 done, 1 input refused (or a workspace that cannot be opened or written: a full
disk, a read-only folder), 2 wrong usage, 3 an unexpected internal error (logged; never a
traceback on the terminal).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
from pathlib import Path

from greenledger.core import __version__
from greenledger.core.errors import GreenLedgerError, ImportRefused
from greenledger.core.paths import default_workspace, demo_workspace

SUBCOMMANDS = ("import", "template", "demo", "summary", "equivalents", "factors", "check",
               "rebuild-aggregates",
               "charts", "export-chart", "export-deck", "export-data")
EXIT_OK, EXIT_REFUSED, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3


def build_parser(charts: bool = True) -> argparse.ArgumentParser:
    """The command line's parser; `charts` False leaves out the chart subcommands (main, for
    another command: their arguments import every chart module)."""
    p = argparse.ArgumentParser(
        prog="greenledger",
        description="GreenLedger: carbon accounting for e-commerce and logistics analysts. "
                    "Without a command, opens the window.")
    p.add_argument("--version", action="version", version=f"greenledger {__version__}")
    p.add_argument("--workspace", "-w", metavar="FILE", type=Path,
                   help="workspace file (*.greenledger); default: %(default)s",
                   default=None)
    p.add_argument("--lang", choices=("en", "zh"), default=None,
                   help="language of messages, tables and exports")
    p.add_argument("--quit-after", type=float, metavar="SECONDS", default=None,
                   help=argparse.SUPPRESS)
    p.add_argument("--open-demo", action="store_true", help=argparse.SUPPRESS)
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    imp = sub.add_parser("import", help="import a workbook (xlsx, xlsm, xls, ods, csv)")
    imp.add_argument("file", type=Path)
    imp.add_argument("--sheet", help="import only this sheet (also a hidden one)")
    imp.add_argument("--dry-run", action="store_true",
                     help="show the detected layout, mapping, rows, totals and problems; "
                          "write nothing")
    imp.add_argument("--recheck", action="store_true",
                     help="read and check the file even when it was imported with these "
                          "options and neither it nor the workspace has changed since")
    imp.add_argument("--kind", choices=[k.value for k in _kinds()],
                     help="what the sheet holds, when the headers do not say")
    imp.add_argument("--map", action="append", metavar="HEADER=FIELD",
                     help="map a column (header text or letter) to a field, e.g. "
                          "\"Plant=site\"; FIELD 'ignore' drops the column (repeatable)")
    imp.add_argument("--unit", action="append", metavar="FIELD=UNIT",
                     help="unit of a field's column, e.g. energy=MWh (repeatable)")
    imp.add_argument("--value", action="append", metavar="FIELD=VALUE",
                     help="one value for every row, e.g. source=grid (repeatable)")
    imp.add_argument("--measure", metavar="FIELD",
                     help="what the month (quarter, year) columns of a wide sheet hold, e.g. "
                          "energy, when no header or title says")
    imp.add_argument("--skip-hidden", action="store_true",
                     help="leave out rows and columns hidden in Excel (by default they are "
                          "read, as Excel's SUM reads them, and listed as warnings)")
    imp.add_argument("--period", type=int, metavar="YEAR",
                     help="the year of month headers without one (1月, Jan)")
    imp.add_argument("--header-row", type=int, action="append", metavar="N",
                     help="the header's row number (twice for a two-row header)")
    imp.add_argument("--profile", metavar="P.json",
                     help="use a saved mapping (a JSON file, or a profile kept in the workspace)")
    imp.add_argument("--save-profile", metavar="P.json", type=Path,
                     help="save the mapping used as a JSON profile")
    imp.add_argument("--errors", metavar="OUT.xlsx", type=Path,
                     help="when the import is refused, write the workbook with every bad cell "
                          "highlighted and commented with the reason, to fix and import again")

    tpl = sub.add_parser("template", help="write the import template workbook")
    tpl.add_argument("--out", type=Path, required=True, metavar="FILE.xlsx")

    sub.add_parser("demo", help="build the demo workspace (Alibaba 6.18, 2021)")

    summ = sub.add_parser("summary", help="every figure of the workspace")
    summ.add_argument("--json", action="store_true", help="one JSON object, numbers unrounded")

    eq = sub.add_parser("equivalents", help="equivalents of an amount of CO2e, e.g. 400t")
    eq.add_argument("amount", help="e.g. 400t, 400000kg, 1.2kt, 40万吨")
    eq.add_argument("--json", action="store_true")

    fac = sub.add_parser("factors", help="list factors; `factors update` adopts a newer library")
    fac.add_argument("action", nargs="?", choices=("list", "update"), default="list")
    fac.add_argument("--key", help="only this factor key (e.g. grid)")
    fac.add_argument("--yes", action="store_true", help="with update: apply without asking")

    chk = sub.add_parser("check", help="check the stored data: overlaps, plausible values, missing "
                                       "factors, double counts (exit 1 when any would have been "
                                       "refused at import)")
    chk.add_argument("--json", action="store_true", help="the findings as JSON")

    sub.add_parser("rebuild-aggregates", help="recompute the maintained totals (agg_* tables) from "
                   "the stored rows")
    if charts:
        from greenledger.gui.charts.commands import add_parsers

        add_parsers(sub)  # charts, export-chart, export-deck, export-data
    return p


def _kinds():
    from greenledger.core.fields import Kind

    return list(Kind)


_TAKES_VALUE = ("--workspace", "-w", "--lang", "--quit-after")


def _takes_value(a: str) -> bool:
    """An option given its value in the next argument (argparse takes --work for --workspace)."""
    return a in _TAKES_VALUE or (a.startswith("--") and len(a) > 2 and "=" not in a
                                 and any(t.startswith(a) for t in _TAKES_VALUE))


def command_of(argv: list[str]) -> str | None:
    """The subcommand `argv` names (its first positional, if a command), else None."""
    i = 0
    while i < len(argv):
        a = argv[i]
        if a == "--":
            return argv[i + 1] if argv[i + 1:i + 2] and argv[i + 1] in SUBCOMMANDS else None
        if a.startswith("-"):
            i += 2 if _takes_value(a) else 1
            continue
        return a if a in SUBCOMMANDS else None
    return None


def split_path_argument(argv: list[str]) -> tuple[list[str], Path | None]:
    """`greenledger PATH` opens a workspace: pull a first positional that is not a command."""
    i = 0
    while i < len(argv):
        a = argv[i]
        if _takes_value(a):  # also abbreviated (--work FILE): its value is no PATH
            i += 2
            continue
        if a.startswith("-"):
            i += 1
            continue
        if a in SUBCOMMANDS:
            return argv, None
        return argv[:i] + argv[i + 1:], Path(a)
    return argv, None


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    argv, path = split_path_argument(argv)
    command = command_of(argv)  # a command other than a chart command imports no chart module
    parser = build_parser(charts=command is None or command in SUBCOMMANDS[8:])
    args = parser.parse_args(argv)  # exits 2 on wrong usage
    if path is not None:
        args.workspace = path
    from greenledger.gui.i18n import install_for_command

    lang_before = install_for_command(args.command, args.lang)
    try:
        if args.command is None:
            return _open_window(args)
        return COMMANDS[args.command](args)
    except ImportRefused as exc:
        _print_problems(exc)
        return EXIT_REFUSED
    except GreenLedgerError as exc:
        from greenledger.core.errors import error_text

        print(f"greenledger: {error_text(exc)}", file=sys.stderr)
        return EXIT_REFUSED
    except KeyboardInterrupt:
        print("greenledger: interrupted; nothing was written", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_OK
    except Exception as exc:  # noqa: BLE001 - the top of the program: never a traceback
        from greenledger.core.errors import error_text
        from greenledger.core.storage import not_writable

        refusal = not_writable(exc, getattr(exc, "filename", None) or args.workspace or default_workspace())
        if refusal is not None:  # a full disk, a read-only folder: where, and what to do
            print(f"greenledger: {error_text(refusal)}", file=sys.stderr)
            return EXIT_REFUSED
        import logging

        from greenledger.core.logs import start_logging

        log = start_logging(crashes=False)
        logging.getLogger("greenledger").exception("unexpected error")
        print(f"greenledger: unexpected error: {exc.__class__.__name__}: {exc}\n"
              + (f"Details were written to {log}" if log else "No log file could be written"),
              file=sys.stderr)
        return EXIT_INTERNAL
    finally:
        if lang_before is not None:  # in-process callers (tests) get their language back
            from greenledger.gui.i18n import install

            install(lang_before)


def main_gui() -> int:
    """Entry point of the windowed executable (file associations, shortcuts)."""
    return main()


def _open_window(args: argparse.Namespace) -> int:
    from greenledger.gui.app import run_window  # Qt is imported only when a window is wanted

    ws_path = args.workspace
    if args.open_demo:
        ws_path = demo_workspace()
        if not ws_path.exists():
            _build_demo(ws_path)
    return run_window(ws_path or default_workspace(), quit_after=args.quit_after,
                      lang=args.lang)


def _workspace(args: argparse.Namespace):
    from greenledger.core.storage import Workspace

    return Workspace.open(args.workspace or default_workspace())


def _cmd_import(args: argparse.Namespace) -> int:
    """`greenledger import`: gui/cli_import.py drives core.importing.session.ImportSession."""
    from greenledger.gui import cli_import

    return cli_import.run(args, cli_import.dry_run_workspace(args))


def _cmd_template(args: argparse.Namespace) -> int:
    from greenledger.core.template import write_template

    out: Path = args.out
    if out.suffix.lower() != ".xlsx":
        print("greenledger: the template is an .xlsx workbook: give --out FILE.xlsx",
              file=sys.stderr)
        return EXIT_USAGE
    try:
        write_template(out)
    except OSError as exc:
        raise GreenLedgerError(f"{out}: cannot be written ({exc.strerror})") from exc
    print(f"wrote {out}")
    return EXIT_OK


def _build_demo(path: Path):
    from greenledger.core.demo import build_demo

    return build_demo(path)


def _cmd_demo(args: argparse.Namespace) -> int:
    path = args.workspace or default_workspace()
    result = _build_demo(path)
    print(f"demo workspace {path}: {result.inserted} rows imported from {result.file}")
    return EXIT_OK


@contextlib.contextmanager
def _without_numpy():
    """A block in which `import numpy` fails, if nothing imported numpy or sqlite-utils yet.

    sqlite-utils imports numpy (and pandas) when it is first imported, about 50 ms of the
    summary's 200 ms of imports, only to add numpy's number types to the column types it gives
    tables it creates from Python values. The summary creates none and holds no numpy value, so
    its command keeps numpy out of that import; numpy imports as usual afterwards."""
    if "numpy" in sys.modules or "sqlite_utils" in sys.modules:
        yield
        return
    sys.modules["numpy"] = None  # type: ignore[assignment]  # import numpy: ModuleNotFoundError
    try:
        yield
    finally:
        if "numpy" in sys.modules and sys.modules["numpy"] is None:
            del sys.modules["numpy"]


@contextlib.contextmanager
def _no_cycle_collection():
    """A block without Python's cyclic garbage collector: the summary makes some 10^5 records
    and texts, none in a cycle, that the collector would walk again and again as they pile up
    (5M rows: a fifth of the summary's time). As it was after the block."""
    import gc

    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def _cmd_summary(args: argparse.Namespace) -> int:
    with _without_numpy():
        from greenledger.core.accounting import build_summary
    from greenledger.core.i18n import translate

    with _no_cycle_collection():
        with _workspace(args) as ws:
            summary = build_summary(ws)
        if args.json:  # json.dumps(summary.to_json(), ensure_ascii=False, indent=1), a third of the time
            print(summary.to_json_text())
        else:
            from greenledger.core.report import summary_text

            print(summary_text(summary))
    for w in summary.warnings:  # possible double counts: on stderr too, as import warnings are
        print(translate("Problems", "warning: {0}").format(w.render()), file=sys.stderr)
    return EXIT_OK


def _cmd_equivalents(args: argparse.Namespace) -> int:
    from greenledger.core.equivalents import equivalents
    from greenledger.core.factors import FactorBook, builtin_library
    from greenledger.core.report import equivalents_text
    from greenledger.core.units import UnitError, parse_amount

    try:
        t = parse_amount(args.amount)
    except UnitError as exc:
        print(f"greenledger: {exc}", file=sys.stderr)
        return EXIT_USAGE
    if args.workspace:
        with _workspace(args) as ws:
            book = ws.factor_book()
    else:
        book = FactorBook(builtin_library().factors)
    eqs = equivalents(t, book)
    if args.json:
        print(json.dumps({"t_co2e": t, "equivalents": eqs}, ensure_ascii=False, indent=1))
    else:
        print(equivalents_text(t, eqs))
    return EXIT_OK


def _cmd_factors(args: argparse.Namespace) -> int:
    from greenledger.core.factors import builtin_library
    from greenledger.core.report import factor_update_text, factors_text

    with _workspace(args) as ws:
        lib = builtin_library()
        if args.action == "list":
            print(factors_text(ws, key=args.key, builtin_version=lib.version))
            return EXIT_OK
        if ws.library_version == lib.version:
            print(f"the workspace already uses factor library {lib.version}")
            return EXIT_OK
        print(factor_update_text(ws, lib))
        if not args.yes:
            print("run again with --yes to apply")
            return EXIT_OK
        ws.accept_library(lib)
        print(f"the workspace now uses factor library {lib.version}")
    return EXIT_OK


def _cmd_check(args: argparse.Namespace) -> int:
    from greenledger.core.checks import check_text, check_workspace

    with _workspace(args) as ws:
        findings = check_workspace(ws)
    if args.json:
        print(json.dumps({"findings": [f.to_json() for f in findings]}, ensure_ascii=False,
                         indent=1))
    else:
        print(check_text(findings))
    return EXIT_REFUSED if any(f.error for f in findings) else EXIT_OK


def _cmd_rebuild_aggregates(args: argparse.Namespace) -> int:
    from greenledger.core.aggregates import rebuild
    from greenledger.core.i18n import translate

    with _workspace(args) as ws:
        done = rebuild(ws)
    print(translate("Cli", "Aggregates rebuilt: {groups} groups from {energy_rows} energy rows in "
                    "{seconds:.2f} s").format(**done))
    return EXIT_OK


COMMANDS = {"import": _cmd_import, "template": _cmd_template, "demo": _cmd_demo,
            "summary": _cmd_summary, "equivalents": _cmd_equivalents, "factors": _cmd_factors,
            "check": _cmd_check, "rebuild-aggregates": _cmd_rebuild_aggregates}


def _chart_command(name: str):
    def run(args: argparse.Namespace) -> int:
        from greenledger.gui.charts.commands import COMMANDS as CHART_COMMANDS

        return CHART_COMMANDS[name](args)
    return run


COMMANDS.update({name: _chart_command(name) for name in SUBCOMMANDS[8:]})


MAX_PRINTED = 200  # problems printed; --errors OUT.xlsx marks them all


def _print_problems(exc: ImportRefused) -> None:
    from greenledger.core.errors import error_text
    from greenledger.core.i18n import translate
    from greenledger.gui.cli_hints import render_cli

    for w in exc.warnings:
        print(translate("Problems", "warning: {0}").format(w.render()), file=sys.stderr)
    for p in exc.problems[:MAX_PRINTED]:
        print(render_cli(p), file=sys.stderr)  # in the --lang language, hints with our flags
    if len(exc.problems) > MAX_PRINTED:
        more = len(exc.problems) - MAX_PRINTED
        print(translate("Problems", "… and {0} more problem(s): --errors OUT.xlsx marks every "
                        "one in the workbook").format(f"{more:,}"), file=sys.stderr)
    print(f"greenledger: {error_text(exc)}", file=sys.stderr)


if __name__ == "__main__":
    sys.exit(main())
