"""Help › About: GreenLedger's version, the factor library versions (built-in and the workspace's),
the versions of Python, Qt and the libraries, and the license of every bundled component."""

from __future__ import annotations

import platform
import sqlite3
import sys
from dataclasses import dataclass
from importlib import metadata

from PySide6.QtCore import Qt, qVersion
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from greenledger import resources
from greenledger.core import __version__


@dataclass(frozen=True)
class Component:
    name: str
    version: str
    license: str


# (shown name, distribution name, module with __version__ as a fallback, license). Licenses as the
# projects declare them (SPDX); the texts ship in the bundle with each package's metadata.
BUNDLED = (
    ("Qt", None, None, "LGPL-3.0-only"),
    ("PySide6 / Shiboken6", "PySide6_Essentials", "PySide6", "LGPL-3.0-only"),
    ("pyqtgraph", "pyqtgraph", "pyqtgraph", "MIT"),
    ("NumPy", "numpy", "numpy", "BSD-3-Clause"),
    ("openpyxl", "openpyxl", "openpyxl", "MIT"),
    ("python-calamine", "python-calamine", "python_calamine", "MIT"),
    ("sqlite-utils", "sqlite-utils", "sqlite_utils", "Apache-2.0"),
    ("python-pptx", "python-pptx", "pptx", "MIT"),
    ("XlsxWriter", "XlsxWriter", "xlsxwriter", "BSD-2-Clause"),
    ("lxml", "lxml", "lxml", "BSD-3-Clause"),
    ("Pillow", "pillow", "PIL", "MIT-CMU"),
    ("platformdirs", "platformdirs", "platformdirs", "MIT"),
    ("click", "click", "click", "BSD-3-Clause"),
    ("python-dateutil", "python-dateutil", "dateutil", "BSD-3-Clause"),
    ("tabulate", "tabulate", "tabulate", "MIT"),
    ("pluggy", "pluggy", "pluggy", "MIT"),
    ("Python", None, None, "PSF-2.0"),
    ("SQLite", None, None, "Public domain"),
)


def _version(dist: str | None, module: str | None) -> str:
    if dist:
        try:
            return metadata.version(dist)
        except metadata.PackageNotFoundError:
            pass
    mod = sys.modules.get(module or "")
    if mod is None and module:
        try:
            mod = __import__(module)
        except ImportError:
            return "—"
    return str(getattr(mod, "__version__", "—"))


def components() -> list[Component]:
    """Every bundled component with the version running now and its license."""
    special = {"Qt": qVersion(), "Python": platform.python_version(), "SQLite": sqlite3.sqlite_version}
    return [Component(name, special.get(name) or _version(dist, module), lic)
            for name, dist, module, lic in BUNDLED]


def builtin_library_version() -> tuple[str, str]:
    """(version, release date) of the factor library shipped in resources/data/library.json."""
    import json

    meta = json.loads(resources.path("data/library.json").read_text(encoding="utf-8"))
    return str(meta["version"]), str(meta.get("released", ""))


class AboutDialog(QDialog):
    """workspace_library: the factor library version the open workspace is pinned to (None: no
    workspace)."""

    def __init__(self, workspace_library: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About GreenLedger"))
        builtin, released = builtin_library_version()
        self.components = components()

        icon = QLabel(self)
        icon.setPixmap(QIcon(str(resources.path("icons/greenledger.svg"))).pixmap(64, 64))
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.title = QLabel(f"<h2>GreenLedger {__version__}</h2>", self)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        blurb = QLabel(self.tr("Carbon accounting for e-commerce and logistics analysts: energy mix, "
                               "deliveries, packaging, initiatives; location- and market-based Scope 2, "
                               "avoided emissions and equivalents."), self)
        blurb.setWordWrap(True)

        lines = [self.tr("Built-in factor library: {0} (released {1})").format(builtin, released)]
        if workspace_library is not None:
            lines.append(self.tr("This workspace's factor library: {0}").format(workspace_library or "—"))
            if workspace_library and workspace_library != builtin:
                lines.append(self.tr("A different library is built in: greenledger factors update "
                                     "previews the change."))
        lines.append(self.tr("Python {0} · Qt {1} · PySide6 {2} · pyqtgraph {3}").format(
            *(self._version_of(n) for n in ("Python", "Qt", "PySide6 / Shiboken6", "pyqtgraph"))))
        self.library = QLabel("<br>".join(lines), self)
        self.library.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        heading = QLabel(self.tr("GreenLedger is MIT-licensed. It bundles these components under "
                                 "their own licenses:"), self)
        heading.setWordWrap(True)
        self.table = QTableWidget(len(self.components), 3, self)
        self.table.setHorizontalHeaderLabels([self.tr("Component"), self.tr("Version"),
                                              self.tr("License")])
        for row, c in enumerate(self.components):
            for col, text in enumerate((c.name, c.version, c.license)):
                self.table.setItem(row, col, QTableWidgetItem(text))
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 6)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        note = QLabel(self.tr("Qt and PySide6 are used under the GNU LGPL v3 as shared libraries you may "
                              "replace; their sources are at qt.io and code.qt.io. License texts are in "
                              "the licenses folder that ships with the application."), self)
        note.setWordWrap(True)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)

        top = QHBoxLayout()
        top.addWidget(icon)
        text = QVBoxLayout()
        text.addWidget(self.title)
        text.addWidget(blurb)
        text.addWidget(self.library)
        top.addLayout(text, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(heading)
        layout.addWidget(self.table, 1)
        layout.addWidget(note)
        layout.addWidget(buttons)
        self.resize(560, 620)

    def _version_of(self, name: str) -> str:
        return next(c.version for c in self.components if c.name == name)
