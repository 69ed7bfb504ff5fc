"""Bundled data files (factor library, demo workbook, icons, translations). No Qt here."""

from __future__ import annotations

import importlib.resources
from pathlib import Path


def path(name: str) -> Path:
    """Absolute path of a bundled file, e.g. path("data/factors.csv"), in source and frozen runs."""
    return Path(str(importlib.resources.files(__name__) / name))
