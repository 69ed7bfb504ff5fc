"""The Qt binding the app runs on keeps Python's reference counts: PySide6 6.12.0's
SignalInstance.emit() returned True without a reference, so each emit from Python took one
from True, and after some thousands (a long import's progress, a session's edits) CPython
aborted ("bool_dealloc: deallocating True"). pyproject.toml leaves that version out; this
test fails on any binding that does it."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal


class _Emitter(QObject):
    plain = Signal()
    counted = Signal(int, int)


def test_emitting_signals_keeps_the_reference_counts(qtbot):
    emitter = _Emitter()
    seen = []
    emitter.counted.connect(lambda a, b: seen.append(a + b))
    before = {name: sys.getrefcount(obj) for name, obj in (("True", True), ("False", False),
                                                           ("None", None))}
    for i in range(200):
        emitter.plain.emit()
        emitter.counted.emit(i, 1)
    after = {name: sys.getrefcount(obj) for name, obj in (("True", True), ("False", False),
                                                          ("None", None))}
    assert len(seen) == 200
    for name in before:  # other code may take a few meanwhile, never 200 or 400
        assert abs(after[name] - before[name]) < 50, (name, before[name], after[name])
