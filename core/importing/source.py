"""The file an import reads, read once: its path, name, the SHA-256 of its bytes as they were
when read, its sheets and the formula probe (blank cells that are formulas without a saved
value). The plans, the preflight and the import all use this one reading; a file changed on
disk after it was read is refused at import time rather than imported from a stale analysis."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from greenledger.core.errors import REASON_TEMPLATES, ImportRefused, Problem
from greenledger.core.i18n import QT_TRANSLATE_NOOP
from greenledger.core.importing.formulas import FormulaProbe
from greenledger.core.importing.reader import ReadError, SheetData, read_sheets


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


REASON_TEMPLATES.setdefault("file_changed", QT_TRANSLATE_NOOP("Problems", "the file changed on disk after it was read; open it again to import what it holds now"))  # noqa: E501
REASON_TEMPLATES.setdefault("file_changed_while_read", QT_TRANSLATE_NOOP("Problems", "the file changed on disk while it was being read (still being saved or synced?); import it again once it is saved"))  # noqa: E501


@dataclass(slots=True)
class Source:
    path: Path
    sheets: list[SheetData]
    sha256: str
    probe: FormulaProbe = field(repr=False)

    @property
    def name(self) -> str:
        return self.path.name

    @classmethod
    def read(cls, path: str | Path, sheet: str | None = None) -> Source:
        """Every sheet of `path` (or only `sheet`); a file that cannot be read is refused
        (ImportRefused naming the file and why)."""
        path = Path(path)
        try:  # the digest of the bytes read: the same before and after the read
            digest = sha256_file(path)
            sheets = list(read_sheets(path, sheet))
            if sha256_file(path) != digest:
                raise ImportRefused([Problem(path.name, REASON_TEMPLATES["file_changed_while_read"],
                                             code="file_changed_while_read")])
        except ReadError as exc:
            raise ImportRefused([Problem(path.name, str(exc).split(": ", 1)[-1],
                                         code="unreadable")]) from exc
        except OSError as exc:
            raise ImportRefused([Problem(path.name, f"cannot be read ({exc.strerror})",
                                         code="unreadable")]) from exc
        return cls(path, sheets, digest, FormulaProbe(path))

    def sheet(self, name: str) -> SheetData:
        return next(s for s in self.sheets if s.name == name)

    def changed(self) -> bool:
        """Whether the file on disk is no longer the one read (or is gone)."""
        try:
            return sha256_file(self.path) != self.sha256
        except OSError:
            return True

    def changed_problem(self) -> Problem:
        return Problem(self.name, REASON_TEMPLATES["file_changed"], code="file_changed")
