"""The QApplication with GreenLedger's names, icon and pyqtgraph options: what the window
(gui.app) and headless chart rendering (gui.charts.render) both start from. It imports nothing
of the window, so rendering a chart never pulls in the main window."""

from __future__ import annotations

import os
import sys

os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")

from PySide6.QtCore import QCoreApplication, QTimer  # noqa: E402
from PySide6.QtGui import QGuiApplication, QIcon  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

# The macOS bundle id is org.greenledger.GreenLedger (installer/greenledger.spec): Qt names the
# settings file (~/Library/Preferences/org.greenledger.GreenLedger.plist) after the organization
# domain reversed and the application name, so the two agree.
ORGANIZATION_DOMAIN = "greenledger.org"


def make_app(argv: list[str] | None = None) -> QApplication:
    """The QApplication with GreenLedger's names (QSettings uses them) and pyqtgraph options."""
    QCoreApplication.setOrganizationName("GreenLedger")
    QCoreApplication.setOrganizationDomain(ORGANIZATION_DOMAIN)
    QCoreApplication.setApplicationName("GreenLedger")
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    from greenledger.gui.settings import carry_over_macos_settings

    carry_over_macos_settings()
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
