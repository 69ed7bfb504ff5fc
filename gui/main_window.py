"""The main window: an assembler of menus, pages and status bar."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMainWindow

from core.storage import Workspace


class MainWindow(QMainWindow):
    def __init__(self, workspace_path: Path) -> None:
        super().__init__()
        self.workspace = Workspace.open(workspace_path)
        self.setWindowTitle(f"GreenLedger — {self.workspace.name}")
        counts = self.workspace.counts()
        text = "\n".join(f"{k}: {n} rows" for k, n in counts.items())
        label = QLabel(f"Workspace {self.workspace.path}\n\n{text}")
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setCentralWidget(label)
        self.statusBar().showMessage(str(self.workspace.path))
        self.resize(1200, 800)

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt override
        self.workspace.close()
        super().closeEvent(event)
