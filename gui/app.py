"""The application: the QApplication (gui.qt_app), the log, and an application object that owns
the windows open (an explicit registry) and the display settings they share."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from greenledger.core.errors import GreenLedgerError, error_text
from greenledger.gui.display_settings import DisplaySettings
from greenledger.gui.qt_app import make_app

__all__ = ["Application", "FileOpenFilter", "WindowRegistry", "make_app", "run_window"]


class WindowRegistry(QObject):
    """The main windows open, newest last. A window leaves when it closes; one replaced by a
    language switch hands its place to the new one."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._windows: list = []

    def add(self, window) -> None:
        self._windows.append(window)
        window.replaced.connect(self.add)
        window.closed.connect(lambda: self.remove(window))

    def remove(self, window) -> None:
        if window in self._windows:
            self._windows.remove(window)

    def current(self):
        """The window opened last (a macOS file-open event goes there), or None."""
        return self._windows[-1] if self._windows else None


class Application(QObject):
    """GreenLedger running with windows: `windows` (WindowRegistry) and `display`
    (DisplaySettings, shared by every window), children of the QApplication."""

    def __init__(self, qapp: QApplication) -> None:
        super().__init__(qapp)
        self.windows = WindowRegistry(self)
        self.display = DisplaySettings(self)
        qapp.installEventFilter(FileOpenFilter(self.windows, self))

    def open_window(self, workspace: Path):
        """A main window on `workspace`, shown and registered (WorkspaceError when it cannot open)."""
        from greenledger.gui.main_window import MainWindow

        window = MainWindow(workspace, display=self.display)
        self.windows.add(window)
        window.show()
        return window


def run_window(workspace: Path, *, quit_after: float | None = None,
               lang: str | None = None) -> int:
    """Open the main window on `workspace` and run the event loop."""
    from greenledger.core.logs import start_logging

    start_logging()  # warnings, errors and a crash's traceback (faulthandler) in the log file
    qapp = make_app()
    from greenledger.gui import i18n, settings
    from greenledger.gui.error_dialog import install_excepthook

    i18n.install(lang or settings.value("language", "system"))
    install_excepthook()
    app = Application(qapp)
    try:
        app.open_window(workspace)
    except GreenLedgerError as exc:
        QMessageBox.critical(None, "GreenLedger", error_text(exc))
        return 1
    if quit_after is not None:
        QTimer.singleShot(int(quit_after * 1000), qapp.quit)
    return qapp.exec()


class FileOpenFilter(QObject):
    """macOS opens documents by an event, not argv (a .greenledger double-clicked while the app
    runs, or a workbook dropped on the Dock icon): open the workspace, or import the workbook,
    in the window opened last."""

    def __init__(self, windows: WindowRegistry, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.windows = windows

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt override
        if event.type() != QEvent.Type.FileOpen:
            return False
        from greenledger.core.storage import SUFFIX
        from greenledger.gui.import_controller import importable

        path = Path(event.file())
        window = self.windows.current()
        if window is None or not path.name:
            return False
        if path.suffix.lower() == SUFFIX:
            window.open_workspace(path)
        elif importable(path):
            window.open_import_assistant(path)
        else:
            return False
        window.raise_()
        window.activateWindow()
        return True
