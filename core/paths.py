"""Where GreenLedger keeps its files by default (platformdirs): workspaces, logs."""

from __future__ import annotations

from pathlib import Path

from platformdirs import user_data_path, user_log_path

APP = "GreenLedger"


def data_dir() -> Path:
    return user_data_path(APP, appauthor=False)


def default_workspace() -> Path:
    """The workspace used when none is named: `<user data dir>/workspace.greenledger`."""
    return data_dir() / "workspace.greenledger"


def demo_workspace() -> Path:
    return data_dir() / "demo.greenledger"


def log_file() -> Path:
    d = user_log_path(APP, appauthor=False)
    d.mkdir(parents=True, exist_ok=True)
    return d / "greenledger.log"
