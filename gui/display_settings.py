"""How figures are shown: one object that the application shares with its windows (instead of a
module global), remembered in QSettings, with a signal for whatever shows figures."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from greenledger.gui import settings


class DisplaySettings(QObject):
    """View › Large numbers in 万/亿: quantities of 10,000 and more as 4.5 亿 in tables, cards and
    charts (stored values are not changed). `cn_units_changed(on)` after every change."""

    cn_units_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._cn_units = str(settings.value("cn_units", False)).lower() == "true"

    @property
    def cn_units(self) -> bool:
        return self._cn_units

    def set_cn_units(self, on: bool) -> None:
        """Remember `on` and tell the windows; nothing happens when it is already so."""
        on = bool(on)
        if on == self._cn_units:
            return
        self._cn_units = on
        settings.set_value("cn_units", on)
        self.cn_units_changed.emit(on)
