"""Helpers of the GUI tests."""

from __future__ import annotations

import sqlite3
from pathlib import Path


def query(path: Path, sql: str, params=()) -> list[tuple]:
    """Read the workspace file through a connection of its own: what is really on disk."""
    conn = sqlite3.connect(str(path))
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()
