"""QSettings in one place: recent workspaces, window geometry, last page.

Everything reads settings through `settings()`, so tests can point it at a file in tmp_path
(`SETTINGS_FILE`), as napari's `_fresh_settings` fixture does.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

SETTINGS_FILE: Path | None = None  # tests set this; None means the platform's own store
MAX_RECENT = 8


def settings() -> QSettings:
    if SETTINGS_FILE is not None:
        return QSettings(str(SETTINGS_FILE), QSettings.Format.IniFormat)
    return QSettings()


def recent_workspaces() -> list[Path]:
    value = settings().value("recent", [])
    if isinstance(value, str):  # QSettings returns a lone string for a one-item list
        value = [value]
    return [Path(p) for p in value or []]


def add_recent_workspace(path: Path) -> list[Path]:
    paths = [str(Path(path).resolve())]
    paths += [str(p) for p in recent_workspaces() if str(p) != paths[0]]
    settings().setValue("recent", paths[:MAX_RECENT])
    return [Path(p) for p in paths[:MAX_RECENT]]


def value(key: str, default=None):
    return settings().value(key, default)


def set_value(key: str, val) -> None:
    settings().setValue(key, val)


def carry_over(old: QSettings, new: QSettings) -> int:
    """Copy every setting of `old` into `new` when `new` has none yet; how many were copied."""
    if new.allKeys():
        return 0
    keys = old.allKeys()
    for key in keys:
        new.setValue(key, old.value(key))
    new.sync()
    return len(keys)


def carry_over_macos_settings() -> int:
    """Before the organization domain was set, macOS kept the settings in
    com.greenledger.GreenLedger.plist; now they are in org.greenledger.GreenLedger.plist (the
    bundle id). The first start after the change copies them over, once."""
    import sys

    if sys.platform != "darwin" or SETTINGS_FILE is not None:
        return 0
    return carry_over(QSettings("GreenLedger", "GreenLedger"), settings())
