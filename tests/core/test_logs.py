"""The log file: rotated, and a hard crash's Python traceback (faulthandler) written into it."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from pathlib import Path

from greenledger.core.logs import start_logging, stop_logging


def test_the_log_rotates_and_keeps_three_old_files(tmp_path: Path) -> None:
    log = tmp_path / "greenledger.log"
    try:
        assert start_logging(log, max_bytes=2000, backups=3, crashes=False) == log
        assert start_logging() == log  # once per process: a later call gets the file in use
        logger = logging.getLogger("greenledger.test")
        for i in range(200):
            logger.error("record %03d %s", i, "x" * 40)
        logger.info("not logged: below WARNING")
    finally:
        stop_logging()
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == ["greenledger.log", "greenledger.log.1", "greenledger.log.2", "greenledger.log.3"]
    assert all(p.stat().st_size <= 2000 for p in tmp_path.iterdir())
    assert "record 199" in log.read_text(encoding="utf-8")  # the newest in the current file
    assert "record 000" not in "".join(p.read_text(encoding="utf-8") for p in tmp_path.iterdir())
    assert "not logged" not in log.read_text(encoding="utf-8")


def test_a_log_that_cannot_be_written_is_no_failure(tmp_path: Path) -> None:
    folder = tmp_path / "a file, not a folder"
    folder.write_text("")
    assert start_logging(folder / "greenledger.log", crashes=False) is None
    assert not [h for h in logging.getLogger("greenledger").handlers if hasattr(h, "crashes")]


CRASH = """
import sys
from greenledger.core.logs import start_logging
start_logging(max_bytes=600)
import logging, faulthandler
for i in range(40):  # rotations: faulthandler must follow into the new file
    logging.getLogger("greenledger.x").warning("filler %d %s", i, "y" * 30)
def inner_function_that_crashes():
    faulthandler._sigsegv()
inner_function_that_crashes()
"""


def test_a_hard_crash_writes_its_traceback_into_the_log(tmp_path: Path) -> None:
    env = {**os.environ, "XDG_STATE_HOME": str(tmp_path), "HOME": str(tmp_path)}
    proc = subprocess.run([sys.executable, "-c", CRASH], env=env, capture_output=True, text=True,
                          timeout=60)
    assert proc.returncode != 0
    log = next(tmp_path.rglob("greenledger.log"))  # platformdirs' user log folder under XDG_STATE_HOME
    text = log.read_text(encoding="utf-8")
    assert "Fatal Python error: Segmentation fault" in text
    assert "inner_function_that_crashes" in text
    assert (log.parent / "greenledger.log.1").exists()  # it was rotated before the crash
