"""`greenledger import`: the command line's front end to core.importing.session.ImportSession,
the same session the window drives, so a workbook with the same options or profile gives the
same plans in both. Flags become ImportOptions; the session applies a kept profile by its
policy; `--dry-run` runs the preflight (every check Import runs) and prints each plan; hints
are worded with this command's flags (gui/cli_hints.py)."""

from __future__ import annotations

import sys
from pathlib import Path

from greenledger.core.errors import GreenLedgerError, ImportRefused
from greenledger.core.paths import default_workspace
from greenledger.gui.cli_hints import cli_hint, render_cli

EXIT_OK, EXIT_USAGE = 0, 2


class Usage(Exception):
    pass


def import_options(args, ws):
    """(ImportOptions from the flags, the profile they name or None). A profile's options
    are the base; flags given beside it win."""
    from greenledger.core.fields import Kind
    from greenledger.core.importing import profiles
    from greenledger.core.importing.describe import parse_pairs
    from greenledger.core.importing.plan import ImportOptions
    from greenledger.core.importing.profiles import Profile

    try:
        mapping = parse_pairs(args.map, "--map")
        units = parse_pairs(args.unit, "--unit")
        values = parse_pairs(args.value, "--value")
    except ValueError as exc:
        raise Usage(str(exc)) from None
    if args.period is not None and not 1900 <= args.period <= 2100:
        raise Usage("--period takes a year such as 2023")
    options, profile = ImportOptions(sheet=args.sheet), None
    if args.profile:
        path = Path(args.profile)
        if path.exists() or path.suffix.lower() == ".json":
            profile = Profile.load(path)
        else:
            profile = profiles.kept_named(ws, args.profile)
            if profile is None:
                raise GreenLedgerError(f"no profile file or workspace profile named "
                                       f"'{args.profile}'")
        options = profile.options(args.sheet)
    options.mapping.update(mapping)
    options.units.update(units)
    options.values.update(values)
    if args.kind:
        options.kind = Kind(args.kind)
    if args.period is not None:
        options.period_year = args.period
    if args.measure:
        options.measure = args.measure
    if args.skip_hidden:
        options.skip_hidden = True
    if args.header_row:
        options.header_rows = sorted(args.header_row)
    return options, profile


def open_session(args, ws):
    """The ImportSession the flags describe (kept profiles applied when no option is given)."""
    from greenledger.core.importing import profiles
    from greenledger.core.importing.session import ImportSession

    options, profile = import_options(args, ws)
    kept = profiles.kept(ws) if not options.explicit and profile is None else None
    session = ImportSession.open(args.file, options, kept=kept)
    for plan in session.plans:
        name = session.profile(plan.sheet)
        offered = session.offered(plan.sheet)
        if name:
            print(f"{plan.sheet}: using the workspace's import profile '{name}'", file=sys.stderr)
        elif offered is not None:
            print(f"{plan.sheet}: the workspace's import profile '{offered.name}' fits these "
                  f"headers but was saved for sheet '{offered.sheet}'; not applied (use it "
                  f"with --profile \"{offered.name}\" if the sheet holds the same figures)",
                  file=sys.stderr)
    return session


def run(args, opened) -> int:
    from greenledger.core.i18n import translate
    from greenledger.core.importing.describe import describe
    from greenledger.core.importing.memo import shown_time
    from greenledger.core.importing.profiles import Profile

    with opened as ws:
        try:
            result = recalled(args, ws)
            session = open_session(args, ws) if result is None else None
        except Usage as exc:
            print(f"greenledger: {exc}", file=sys.stderr)
            return EXIT_USAGE
        if args.errors and args.errors.resolve() == Path(args.file).resolve():
            print("greenledger: --errors must name a new file, not the one imported",
                  file=sys.stderr)
            return EXIT_USAGE
        try:
            if session is not None:  # else the memo's answer: nothing to read, check or write
                if args.dry_run:  # every check the import makes, so "problems: none" means it succeeds
                    session.preflight(ws)
                    for plan in session.plans:
                        print(describe(plan, cli_hint, render_cli))
                if args.save_profile:
                    _save_profile(args, session.plans, Profile)
                result = session.import_into(ws, dry_run=args.dry_run, recheck=args.recheck)
        except ImportRefused as exc:
            if args.errors:
                write_errors(args, exc)
            raise
    for w in result.warnings:
        print(translate("Problems", "warning: {0}").format(render_cli(w)), file=sys.stderr)
    verb = "would import" if result.dry_run else "imported"
    for sheet, kind, n in result.sheets:
        c = result.counts[kind]
        print(f"{sheet} ({kind.value}): {n} rows: {c.inserted} new, {c.updated} updated, "
              f"{c.unchanged} unchanged")
    if result.skipped_sheets:
        print(f"sheets not imported: {', '.join(result.skipped_sheets)}")
    if result.recalled:
        print(translate("Cli", "{0}: nothing new; every row is already in the workspace (this "
                        "file, byte for byte, was imported or checked with these options at {1} "
                        "and the workspace has not changed since, so it was not read again; "
                        "--recheck reads and checks it again)").format(
                            result.file, shown_time(result.recalled)))
    elif result.inserted + result.updated == 0:
        print(f"{result.file}: nothing new; every row is already in the workspace")
    else:
        print(f"{result.file}: {verb} {result.inserted} new and {result.updated} updated rows"
              + (f" (batch {result.batch_id})" if result.batch_id else ""))
    return EXIT_OK


def recalled(args, ws):
    """The import memo's answer (core.importing.memo) for this file and these flags: the file
    was imported or checked with them and neither it nor the workspace has changed since; None
    when the file is to be read (also for --dry-run, --save-profile and --recheck, which read it)."""
    if args.dry_run or args.save_profile or args.recheck:
        return None
    from greenledger.core.importing import memo, profiles

    options, profile = import_options(args, ws)
    kept = profiles.kept(ws) if not options.explicit and profile is None else None
    return memo.recall_file(ws, Path(args.file), options, kept or None)


def dry_run_workspace(args):
    """The workspace to import into: a dry run into a workspace that does not exist yet uses
    an in-memory one (writes nothing, not even a new file)."""
    from greenledger.core.storage import Workspace

    if args.dry_run and not Path(args.workspace or default_workspace()).exists():
        return Workspace.open(":memory:")
    return Workspace.open(args.workspace or default_workspace())


def write_errors(args, exc: ImportRefused) -> None:
    from greenledger.core.i18n import translate
    from greenledger.core.importing.error_workbook import cell_of, write_error_workbook

    try:
        write_error_workbook(args.file, exc.problems, args.errors)
    except Exception as err:  # noqa: BLE001 - the refusal is what matters; say why not written
        print("greenledger: " + translate("Cli", "could not write {0}: {1}").format(args.errors, err),
              file=sys.stderr)
        return
    marked = sum(1 for p in exc.problems if cell_of(p) is not None)
    print("greenledger: " + translate("Cli", "wrote {0}: {1} bad cell(s) highlighted and commented, "
                                      "every problem on its Problems sheet").format(args.errors, marked),
          file=sys.stderr)


def _save_profile(args, plans, Profile) -> None:  # noqa: N803 - the class, imported late
    ok = [p for p in plans if p.parsed is not None and not p.template] or \
        [p for p in plans if p.parsed is not None]
    if not ok:
        raise GreenLedgerError("--save-profile: no sheet could be mapped, so there is no "
                               "profile to save")
    if len(ok) > 1:
        raise GreenLedgerError(f"--save-profile: several sheets were mapped "
                               f"({', '.join(p.sheet for p in ok)}); name one with --sheet")
    profile = Profile.from_plan(ok[0], name=args.save_profile.stem)
    profile.save(args.save_profile)
    print(f"saved import profile {args.save_profile}", file=sys.stderr)
