"""The system language read without Qt (gui/i18n.system_language) is the one Qt reads: each
environment below runs in a child process that asks both."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

CHILD = ("import sys; from greenledger.gui import i18n; ours = i18n.system_language(); "
         "assert 'PySide6.QtCore' not in sys.modules or sys.platform == 'darwin'; "
         "print(ours, i18n._qt_system_language())")

ENVS = [
    {"LANG": "zh_CN.UTF-8"},
    {"LANG": "en_US.UTF-8"},
    {"LANG": "en_GB.UTF-8", "LC_ALL": "zh_CN.UTF-8"},
    {"LANG": "zh_CN.UTF-8", "LC_ALL": "en_US.UTF-8"},
    {"LANG": "en_US.UTF-8", "LC_MESSAGES": "zh_TW.UTF-8"},
    {"LANG": "en_US.UTF-8", "LANGUAGE": "zh_CN:en"},
    {"LANG": "zh_CN.UTF-8", "LANGUAGE": "en_US"},
    {"LANG": "zh_CN.UTF-8", "LANGUAGE": "zh"},
    {"LANG": "C", "LANGUAGE": "zh_CN"},
    {"LANG": "C.UTF-8"},
    {},
]


@pytest.mark.skipif(sys.platform in ("darwin", "win32"), reason="the environment decides on Unix only")
@pytest.mark.parametrize("env", ENVS, ids=lambda e: " ".join(f"{k}={v}" for k, v in e.items()) or "none")
def test_system_language_without_qt_matches_qt(env):
    base = {k: v for k, v in os.environ.items()
            if k not in ("LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LC_NUMERIC")}
    out = subprocess.run([sys.executable, "-c", CHILD], env={**base, **env}, capture_output=True,
                         text=True, check=True).stdout.split()
    assert out[0] == out[1], f"ours {out[0]}, Qt {out[1]} for {env}"


def test_summary_json_loads_no_qt(tmp_path):
    """An English headless command does not import Qt at all (a third of `summary --json`)."""
    from greenledger.core.demo import build_demo

    ws = tmp_path / "demo.greenledger"
    build_demo(ws)
    code = ("import sys; from greenledger.gui.cli import main; rc = main(['--workspace', sys.argv[1], "
            "'summary', '--json']); assert rc == 0; print('QT', 'PySide6.QtCore' in sys.modules)")
    env = {**os.environ, "LANG": "en_US.UTF-8"}
    env.pop("LC_ALL", None)
    env.pop("LANGUAGE", None)
    out = subprocess.run([sys.executable, "-c", code, str(ws)], env=env, capture_output=True,
                         text=True, check=True).stdout
    assert out.strip().endswith("QT False"), out[-300:]
