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
