"""Which errors mean the disk or the folder refused a workspace's write, and whether a file is an
SQLite file at all (core.storage)."""

from __future__ import annotations

import errno
import sqlite3
from pathlib import Path

from greenledger.core.errors import WorkspaceError, WorkspaceNotWritable

_SQLITE_MAGIC = b"SQLite format 3\x00"

# sqlite3 errors (their extended result codes) and OS errors that mean the disk or the folder
# refused a write, by WorkspaceNotWritable.reason.
_SQLITE_FULL, _SQLITE_READONLY, _SQLITE_CANTOPEN = 13, 8, 14
_SQLITE_WRITE_IOERR = {10, 778, 1034, 1290, 1546}  # IOERR, _WRITE, _FSYNC, _DIR_FSYNC, _TRUNCATE
_OS_NOT_WRITABLE = {errno.ENOSPC: "full", errno.EDQUOT: "full", errno.EROFS: "read_only",
                    errno.EACCES: "read_only", errno.EPERM: "read_only"}


def not_writable(exc: BaseException, path: Path) -> WorkspaceNotWritable | None:
    """The WorkspaceNotWritable that `exc`, raised while writing workspace `path`, stands for: a
    full disk (SQLITE_FULL, ENOSPC), a read-only folder or file (SQLITE_READONLY, SQLITE_CANTOPEN
    once the file was read, EROFS, EACCES), a failing write (SQLITE_IOERR_WRITE, ...); else None."""
    reason = None
    if isinstance(exc, sqlite3.Error):
        code = getattr(exc, "sqlite_errorcode", None) or 0
        if code & 0xFF == _SQLITE_FULL:
            reason = "full"
        elif code & 0xFF in (_SQLITE_READONLY, _SQLITE_CANTOPEN):
            reason = "read_only"
        elif code in _SQLITE_WRITE_IOERR:
            reason = "io"
    elif isinstance(exc, OSError):
        reason = _OS_NOT_WRITABLE.get(exc.errno)
    return WorkspaceNotWritable(path, reason) if reason else None


def check_is_sqlite(path: Path) -> None:
    try:
        with path.open("rb") as fh:
            head = fh.read(16)
    except OSError as exc:
        raise WorkspaceError(f"{path}: cannot be read ({exc.strerror})") from exc
    if head != _SQLITE_MAGIC:
        raise WorkspaceError(f"{path}: not a GreenLedger workspace (not an SQLite file)")
