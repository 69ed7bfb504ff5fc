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


# --- large quantities in 万 / 亿 (Chinese units of 10^4 and 10^8) ------------------------------

WAN, YI = 1e4, 1e8


def cn_scale(magnitude: float | None) -> tuple[float, str]:
    """(divisor, prefix) that shows quantities up to `magnitude` in 万/亿: ≥ 1 亿 → (1e8, '亿'),
    ≥ 1 万 → (1e4, '万'), else (1, '')."""
    a = abs(magnitude or 0.0)
    if a >= YI:
        return YI, "亿"
    if a >= WAN:
        return WAN, "万"
    return 1.0, ""


def cn_unit(prefix: str, unit: str) -> str:
    """'万' + '吨' → '万吨'; '万' + 't CO2e' → '万 t CO2e' (a space before a Latin unit)."""
    if not prefix or not unit:
        return prefix or unit
    return prefix + unit if unit[:1] > "\u2e7f" else f"{prefix} {unit}"


def fmt_plain(value: float, digits: int | None = None) -> str:
    """1,234 / 12.3 / 4.5 / 0.41: fewer decimals for bigger numbers, no trailing zeros."""
    if value == 0:
        return "0"
    if digits is None:
        a = abs(value)
        digits = 0 if a >= 100 else 1 if a >= 10 else 2 if a >= 0.1 else 4
    text = f"{value:,.{digits}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text.replace("-", "−")


def fmt_cn(value: float | None, unit: str = "", digits: int | None = None) -> str:
    """A quantity in 万/亿 with its unit: fmt_cn(450_000_000, '千瓦时') → '4.5 亿千瓦时',
    fmt_cn(400_000, '吨') → '40 万吨', fmt_cn(980, '吨') → '980 吨'; '' for None."""
    if value is None:
        return ""
    scale, prefix = cn_scale(value)
    number = fmt_plain(value / scale, digits)
    u = cn_unit(prefix, unit)
    return f"{number} {u}" if u else number
