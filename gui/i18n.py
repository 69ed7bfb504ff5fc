"""The app's language: English or 简体中文, following the system locale unless the analyst picks
one (View › Language, `--lang`). Loads our translation (resources/translations/*.qm) and Qt's own
(standard buttons and dialogs), and renders core's strings through the same translator."""

from __future__ import annotations

import os
import sys

from greenledger import resources
from greenledger.core import i18n

LANGUAGES = {"en": "English", "zh": "简体中文"}
_installed: list = []  # the QTranslators installed


def system_language() -> str:
    """'zh' where the system locale is Chinese, else 'en'.

    Qt's own reading of the locale, without importing Qt where that is possible: a headless
    command (`greenledger summary --json`) would otherwise spend a third of its time loading
    QtCore only to learn that it speaks English. On Linux and other Unixes Qt takes the locale
    from LC_ALL, else LC_MESSAGES, else LANG, and LANGUAGE's first entry when that says more
    (qlocale_unix.cpp); on Windows from the user's default locale. macOS keeps its preferences
    outside the environment, so there Qt is asked (tests/gui/test_system_language.py compares
    both readings)."""
    if sys.platform == "darwin":
        return _qt_system_language()
    if sys.platform == "win32":
        name = _windows_locale_name()
        return "zh" if name.lower().startswith("zh") else "en" if name else _qt_system_language()
    return "zh" if _unix_locale_name().lower().startswith("zh") else "en"


def _unix_locale_name() -> str:
    """The locale name Qt's Unix system locale starts from (QSystemLocale::fallbackLocale)."""
    name = ""
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        name = os.environ.get(var, "")
        if name:
            break
    if not name or name in ("C", "POSIX"):
        return name
    first = os.environ.get("LANGUAGE", "").split(":")[0]
    if first and (first.split("_")[0] != name.split("_")[0].split(".")[0]
                  or len(first) > len(name.split(".")[0])):
        return first
    return name


def _windows_locale_name() -> str:
    """The user's default locale name (GetUserDefaultLocaleName), or '' if it cannot be read."""
    try:
        import ctypes

        buf = ctypes.create_unicode_buffer(85)
        if ctypes.windll.kernel32.GetUserDefaultLocaleName(buf, 85):
            return buf.value
    except (AttributeError, OSError):
        pass
    return ""


def _qt_system_language() -> str:
    from PySide6.QtCore import QLocale

    return "zh" if QLocale.system().name().lower().startswith("zh") else "en"


def resolve(choice: str | None) -> str:
    """'en' or 'zh' for a setting of 'en', 'zh', 'system' or None."""
    return choice if choice in LANGUAGES else system_language()


def install(choice: str | None) -> str:
    """Make `choice` ('en', 'zh', 'system'/None) the language of the running app (a
    QCoreApplication must exist); returns the language installed. Widgets get a LanguageChange
    event."""
    from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

    app = QCoreApplication.instance()
    lang = resolve(choice)
    for t in _installed:
        app.removeTranslator(t)
    _installed.clear()
    if lang == "zh":
        ours = QTranslator(app)
        if ours.load(str(resources.path("translations/greenledger_zh_CN.qm"))):
            app.installTranslator(ours)
            _installed.append(ours)
        qt = QTranslator(app)
        if qt.load("qtbase_zh_CN", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            app.installTranslator(qt)
            _installed.append(qt)
        QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    else:
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    i18n.set_translator(QCoreApplication.translate if lang == "zh" else None, lang)
    return lang


_HEADLESS_APP: list = []  # the QCoreApplication a headless command translates with, kept alive


def install_for_command(command: str | None, lang: str | None) -> str | None:
    """--lang (else the system locale) for a headless `greenledger` command: Qt's translator on a
    QCoreApplication, or on the QApplication that chart images and decks draw with, so that
    messages, tables and exports come out in that language. Returns the language to restore
    afterwards (None: nothing done, as for the window, which installs its language itself)."""
    if command is None:
        return None
    lang = lang or system_language()
    if lang == i18n.language():
        return None
    if command in ("export-chart", "export-deck"):
        from greenledger.gui.charts.render import ensure_app

        ensure_app()
    else:
        from PySide6.QtCore import QCoreApplication

        if QCoreApplication.instance() is None:
            _HEADLESS_APP.append(QCoreApplication(sys.argv[:1]))
    before = i18n.language()
    install(lang)
    return before
