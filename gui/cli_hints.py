"""The command line's words for the import engine's hints (core.importing.codes.Hint): core
words a hint neutrally ("give the year of the month headers"); here it names the flag that
does it (`--period YEAR`). The window words the same codes by its own controls."""

from __future__ import annotations

from greenledger.core.i18n import QT_TRANSLATE_NOOP, translate
from greenledger.core.importing.codes import Hint, hint_of, hint_text

CLI_HINTS = {
    Hint.NAME_SHEET: QT_TRANSLATE_NOOP("Cli", "name it with --sheet to import it"),
    Hint.HEADER_ROW: QT_TRANSLATE_NOOP("Cli", "give its row number with --header-row N and map the columns with --map"),  # noqa: E501
    Hint.PERIOD_YEAR: QT_TRANSLATE_NOOP("Cli", "say it with --period YEAR"),
    Hint.MAP_COLUMNS: QT_TRANSLATE_NOOP("Cli", "map the columns with --kind and --map, or write a template with `greenledger template`"),  # noqa: E501
    Hint.UNIT: QT_TRANSLATE_NOOP("Cli", "give --unit {field}=UNIT with the unit its figures are in (kWh, MWh, 万千瓦时 …: the sheet's, not an example)"),  # noqa: E501
    Hint.MEASURE: QT_TRANSLATE_NOOP("Cli", "give --measure {field} and --unit"),
    Hint.MAP_ONE: QT_TRANSLATE_NOOP("Cli", "map the one meant with --map \"HEADER={field}\" and the others to ignore"),  # noqa: E501
    Hint.MAP_GROUP: QT_TRANSLATE_NOOP("Cli", "name the one to import with --map \"HEADER=FIELD\""),
    Hint.MAP_HEADER: QT_TRANSLATE_NOOP("Cli", "say it is {field} (--map \"{header}={field}\") or something else (--map \"{header}=ignore\")"),  # noqa: E501
    Hint.IGNORE_HEADER: QT_TRANSLATE_NOOP("Cli", "leave it out with --map \"{header}=ignore\""),
    Hint.OTHER_TABLE: QT_TRANSLATE_NOOP("Cli", "import it with --header-row {row}"),
    Hint.OTHER_KIND: QT_TRANSLATE_NOOP("Cli", "import it with --kind {kind}"),
    Hint.ONE_SHEET: QT_TRANSLATE_NOOP("Cli", "import them one at a time with --sheet"),
}


def cli_hint(hint: Hint | None, params: dict) -> str:
    """A hint as the command line says it, in the current language ("" for none)."""
    if hint is None:
        return ""
    words = translate("Cli", CLI_HINTS[hint])
    try:
        return words.format(**params)
    except (KeyError, IndexError):  # a problem without the hint's params: say the flag bare
        return words


def hint_text_cli(problem) -> str:
    """A problem's hint as the command line says it ("" when it has none)."""
    hint, params = hint_of(problem)
    return cli_hint(hint, params)


def render_cli(problem) -> str:
    """A problem as the command line prints it: its words (Problem.render) with its neutral
    hint, where it ends with one, replaced by the command line's (which names the flag)."""
    text = problem.render()
    hint, _ = hint_of(problem)
    if hint is None:
        return text
    try:
        neutral = hint_text(problem)
    except (KeyError, IndexError):
        neutral = ""
    if neutral and text.endswith(neutral):
        return text[:-len(neutral)] + hint_text_cli(problem)
    return text
