"""The user log file (core.paths.log_file): warnings and errors of `greenledger.*`, rotated so it
never grows without bound, and the Python traceback of every thread when the process crashes
hard (a segfault in Qt, an abort: faulthandler), written into the same file."""

from __future__ import annotations

import faulthandler
import logging
from logging.handlers import RotatingFileHandler
from pathlib import Path

from greenledger.core.paths import log_file

MAX_BYTES = 1_000_000  # then greenledger.log becomes greenledger.log.1 (… .3), a new one begins
BACKUPS = 3
_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


class _LogFile(RotatingFileHandler):
    """A rotating log file that faulthandler writes into too: after each rotation it points
    faulthandler at the new file, so a crash's traceback lands in greenledger.log."""

    def __init__(self, path: Path, max_bytes: int, backups: int, crashes: bool) -> None:
        super().__init__(path, maxBytes=max_bytes, backupCount=backups, encoding="utf-8")
        self.crashes = crashes
        self.setFormatter(logging.Formatter(_FORMAT))
        self._follow()

    def doRollover(self) -> None:  # noqa: N802 - logging's name
        super().doRollover()
        self._follow()

    def _follow(self) -> None:
        if self.crashes and self.stream is not None:
            faulthandler.enable(file=self.stream, all_threads=True)


def start_logging(path: Path | None = None, *, max_bytes: int = MAX_BYTES, backups: int = BACKUPS,
                  crashes: bool = True) -> Path | None:
    """Log `greenledger.*` warnings and errors to `path` (default: the user log file), rotated at
    `max_bytes` with `backups` old files kept; with `crashes`, faulthandler too. Once per
    process: a later call returns the file in use, unless it names another `path`, which then
    takes over. None when the file cannot be written (a read-only home): the program then runs
    without a log rather than failing."""
    logger = logging.getLogger("greenledger")
    for handler in logger.handlers:
        if isinstance(handler, _LogFile):
            if path is None or Path(handler.baseFilename) == Path(path).absolute():
                return Path(handler.baseFilename)
            stop_logging()
    try:
        handler = _LogFile(path or log_file(), max_bytes, backups, crashes)
    except OSError:
        return None
    logger.addHandler(handler)
    if logger.level == logging.NOTSET or logger.level > logging.WARNING:
        logger.setLevel(logging.WARNING)
    return Path(handler.baseFilename)


def stop_logging() -> None:
    """Close the log file (and faulthandler's use of it): tests, and a process that hands over."""
    logger = logging.getLogger("greenledger")
    for handler in list(logger.handlers):
        if isinstance(handler, _LogFile):
            if handler.crashes:
                faulthandler.disable()
            logger.removeHandler(handler)
            handler.close()
