"""Translatable text in core, without Qt.

Core marks each user-visible string with `translate(context, text)` (pyside6-lupdate finds these
calls, so they land in resources/translations/*.ts with the GUI's strings), and formats it with
str.format afterwards. The window and the command line install Qt's translator as the function
that renders them (`set_translator`); without one, core speaks English. Strings that are only
known at run time (source names, materials) are listed once with `QT_TRANSLATE_NOOP` so that
lupdate sees them too.
"""

from __future__ import annotations

from collections.abc import Callable

_translator: Callable[[str, str], str] | None = None
_language = "en"


def set_translator(fn: Callable[[str, str], str] | None, language: str = "en") -> None:
    """Render core's strings through `fn(context, text)` (None: English), in `language`."""
    global _translator, _language
    _translator, _language = fn, language


def language() -> str:
    """'en' or 'zh': the language strings are rendered in (numbers and units follow it)."""
    return _language


def translate(context: str, text: str) -> str:
    """`text` in the current language (`context` groups strings, as in Qt)."""
    if _translator is None or not text:
        return text
    return _translator(context, text) or text


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate looks for
    """Mark `text` for translation without translating it (translate it where it is shown)."""
    return text
