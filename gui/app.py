"""The application: QApplication set-up and the main window."""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer  # noqa: E402
from PySide6.QtGui import QGuiApplication, QIcon  # noqa: E402
from PySide6.QtWidgets import QApplication, QMessageBox  # noqa: E402

from greenledger.core.errors import GreenLedgerError  # noqa: E402


def make_app(argv: list[str] | None = None) -> QApplication:
    """The QApplication with GreenLedger's names (QSettings uses them) and pyqtgraph options."""
    QCoreApplication.setOrganizationName("GreenLedger")
    QCoreApplication.setApplicationName("GreenLedger")
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    QGuiApplication.setDesktopFileName("greenledger")  # Wayland app id = installer/greenledger.desktop
    app.setWindowIcon(app_icon())
    _guard_singletons(app)
    return app


def app_icon() -> QIcon:
    """The app icon from its rendered PNG sizes (resources/icons, made by tools/make_icons.py)."""
    from greenledger import resources
    icon = QIcon()
    for size in (16, 24, 32, 48, 64, 128, 256, 512):
        icon.addFile(str(resources.path(f"icons/greenledger-{size}.png")))
    return icon


def _guard_singletons(app: QApplication) -> None:
    """PySide6 6.12 on Python 3.11 drops references to None/True/False it never took (see
    gui.charts.keep_singletons_alive); top the reserve up now and every few seconds."""
    from greenledger.gui.charts import keep_singletons_alive

    keep_singletons_alive()
    if sys.version_info < (3, 12) and not hasattr(app, "_singleton_timer"):
        timer = QTimer(app)
        timer.setInterval(2000)
        timer.timeout.connect(keep_singletons_alive)
        timer.start()
        app._singleton_timer = timer


def run_window(workspace: Path, *, quit_after: float | None = None,
               lang: str | None = None) -> int:
    """Open the main window on `workspace` and run the event loop."""
    app = make_app()
    from greenledger.gui import i18n, settings
    from greenledger.gui.error_dialog import install_excepthook

    i18n.install(lang or settings.value("language", "system"))
    from greenledger.gui.main_window import MainWindow

    install_excepthook()
    try:
        window = MainWindow(workspace)
    except GreenLedgerError as exc:
        QMessageBox.critical(None, "GreenLedger", str(exc))
        return 1
    window.show()
    app.installEventFilter(FileOpenFilter(app))
    if quit_after is not None:
        QTimer.singleShot(int(quit_after * 1000), app.quit)
    return app.exec()


class FileOpenFilter(QObject):
    """macOS opens documents by an event, not argv (a .greenledger double-clicked while the app
    runs, or a workbook dropped on the Dock icon): open the workspace, or import the workbook."""

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt override
        if event.type() != QEvent.Type.FileOpen:
            return False
        from greenledger.core.storage import SUFFIX
        from greenledger.gui.main_window import IMPORTABLE, MainWindow

        path = Path(event.file())
        window = MainWindow.open_windows[-1] if MainWindow.open_windows else None
        if window is None or not path.name:
            return False
        if path.suffix.lower() == SUFFIX:
            window.open_workspace(path)
        elif path.suffix.lower() in IMPORTABLE:
            window.open_import_assistant(path)
        else:
            return False
        window.raise_()
        window.activateWindow()
        return True
