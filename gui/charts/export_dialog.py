"""File › Export (Ctrl+E): one chart as PNG, SVG or PDF at a chosen size and DPI, to the clipboard,
its data as CSV/XLSX, or every chart as a PowerPoint deck; always with the dashboard's filters.
Choices are remembered in QSettings (gui.settings)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from greenledger.core.chart_data import Filters
from greenledger.core.charts import CHART_NAMES, build_chart, chart_title
from greenledger.gui.charts.render import PRESETS, ExportSize, resolve_size
from greenledger.gui.settings import settings

DECK = "deck"
FORMATS = ((QT_TRANSLATE_NOOP("ExportDialog", "PNG image"), "png"),
           (QT_TRANSLATE_NOOP("ExportDialog", "SVG vector image"), "svg"),
           (QT_TRANSLATE_NOOP("ExportDialog", "PDF document"), "pdf"),
           (QT_TRANSLATE_NOOP("ExportDialog", "Data as Excel workbook"), "xlsx"),
           (QT_TRANSLATE_NOOP("ExportDialog", "Data as CSV"), "csv"))
SIZES = ((QT_TRANSLATE_NOOP("ExportDialog", "16:9 slide (1920 × 1080)"), "16:9"),
         (QT_TRANSLATE_NOOP("ExportDialog", "4:3 slide (1440 × 1080)"), "4:3"),
         (QT_TRANSLATE_NOOP("ExportDialog", "A4 width at 300 dpi (2480 × 1748)"), "a4"),
         (QT_TRANSLATE_NOOP("ExportDialog", "Custom"), "custom"))


class ExportDialog(QDialog):
    """Pick what to export and how; `export_to(path)` writes it (also used by tests)."""

    def __init__(self, summary: dict, filters: Filters, current: str | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export"))
        self.summary, self.filters = summary, filters
        self.what = QComboBox(self)
        for name in CHART_NAMES:
            chart = build_chart(name, summary, filters)
            if not chart.empty:
                self.what.addItem(chart.title or chart_title(name), name)
        self.has_charts = self.what.count() > 0  # filters may leave no chart with data
        self.what.addItem(self.tr("Every chart as a PowerPoint deck (.pptx)"), DECK)
        self.format = QComboBox(self)
        for text, key in FORMATS:
            self.format.addItem(self.tr(text), key)
        self.size = QComboBox(self)
        for text, key in SIZES:
            self.size.addItem(self.tr(text), key)
        self.width = _spin(self, 200, 12000, 1920, " px")
        self.height = _spin(self, 200, 12000, 1080, " px")
        self.dpi = _spin(self, 72, 1200, 144, " dpi")
        self.transparent = QCheckBox(self.tr("&Transparent background"), self)
        self.cn_units = QCheckBox(self.tr("Large quantities in 万/亿 (4.5 亿千瓦时, 40 万吨)"), self)
        self.cn_units.setObjectName("cnUnits")
        self.pixels = QLabel(self)
        self.pixels.setObjectName("pixels")
        custom = QHBoxLayout()
        custom.addWidget(self.width)
        custom.addWidget(QLabel("×", self))
        custom.addWidget(self.height)
        custom.addWidget(self.dpi)
        form = QFormLayout()
        form.addRow(self.tr("&Chart:"), self.what)
        form.addRow(self.tr("&Format:"), self.format)
        form.addRow(self.tr("&Size:"), self.size)
        form.addRow(self.tr("Pixels:"), custom)
        form.addRow("", self.transparent)
        form.addRow("", self.cn_units)
        form.addRow("", self.pixels)
        self.filters_label = QLabel(self.tr("Filters: {0}").format(filters.describe()), self)
        if not self.has_charts:
            self.filters_label.setText(self.filters_label.text() + " — "
                                       + self.tr("no chart has data for these filters"))
        self.filters_label.setWordWrap(True)
        self.filters_label.setStyleSheet("color: #52606d;")
        buttons = QDialogButtonBox(self)
        self.copy_button = buttons.addButton(self.tr("Copy to c&lipboard"),
                                             QDialogButtonBox.ButtonRole.ActionRole)
        self.save_button = buttons.addButton(self.tr("&Export…"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        self.save_button.clicked.connect(self._on_save_clicked)
        self.copy_button.clicked.connect(self.copy)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.filters_label)
        layout.addWidget(buttons)
        self._restore(current)
        for box in (self.what, self.format, self.size):
            box.currentIndexChanged.connect(self._sync)
        for spin in (self.width, self.height, self.dpi):
            spin.valueChanged.connect(self._sync_pixels)
        self._sync()

    # --- state ---------------------------------------------------------------------------------

    def _restore(self, current: str | None) -> None:
        s = settings()
        for box, key in ((self.format, "export/format"), (self.size, "export/size")):
            i = box.findData(s.value(key))
            if i >= 0:
                box.setCurrentIndex(i)
        spins = ((self.width, "export/width"), (self.height, "export/height"), (self.dpi, "export/dpi"))
        for spin, key in spins:
            value = s.value(key)
            if value is not None:
                spin.setValue(int(value))
        self.transparent.setChecked(s.value("export/transparent", False, type=bool))
        self.cn_units.setChecked(s.value("export/cn_units", self.filters.cn_units, type=bool))
        i = self.what.findData(current)
        self.what.setCurrentIndex(max(i, 0))

    def _remember(self) -> None:
        s = settings()
        s.setValue("export/format", self.format.currentData())
        s.setValue("export/size", self.size.currentData())
        s.setValue("export/width", self.width.value())
        s.setValue("export/height", self.height.value())
        s.setValue("export/dpi", self.dpi.value())
        s.setValue("export/transparent", self.transparent.isChecked())
        s.setValue("export/cn_units", self.cn_units.isChecked())

    def _sync(self) -> None:
        deck = self.what.currentData() == DECK
        fmt = self.format.currentData()
        image = not deck and fmt in ("png", "svg", "pdf")
        self.format.setEnabled(not deck)
        self.size.setEnabled(image)
        preset = self.size.currentData()
        if preset in PRESETS:
            s = resolve_size(size=preset)
            for spin, v in ((self.width, s.width_px), (self.height, s.height_px), (self.dpi, int(s.dpi))):
                spin.blockSignals(True)
                spin.setValue(int(v))
                spin.blockSignals(False)
        for spin in (self.width, self.height, self.dpi):
            spin.setEnabled(image and preset == "custom")
        self.transparent.setEnabled(image and fmt in ("png", "svg"))
        self.copy_button.setEnabled(self.has_charts and image)
        self.save_button.setEnabled(self.has_charts)
        self._sync_pixels()

    def _sync_pixels(self) -> None:
        s = self.export_size()
        w_in, h_in = s.inches
        self.pixels.setText(self.tr("{0} × {1} px, {2:.1f} × {3:.1f} cm at {4} dpi").format(
            s.width_px, s.height_px, w_in * 2.54, h_in * 2.54, int(s.dpi)))

    def export_size(self) -> ExportSize:
        return ExportSize(self.width.value(), self.height.value(), float(self.dpi.value()))

    @property
    def export_filters(self) -> Filters:
        """The dashboard's filters with this dialog's choice of 万/亿."""
        return replace(self.filters, cn_units=self.cn_units.isChecked())

    @property
    def suffix(self) -> str:
        return "pptx" if self.what.currentData() == DECK else self.format.currentData()

    # --- actions -------------------------------------------------------------------------------

    def _on_save_clicked(self) -> None:
        name = self.what.currentData()
        start = Path(settings().value("export/dir", str(Path.home()))) / f"{name}.{self.suffix}"
        dialog = QFileDialog(self, self.tr("Export"), str(start), f"{self.suffix.upper()} (*.{self.suffix})")
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix(self.suffix)  # "Q3 v1.2" -> "Q3 v1.2.png", asked about if it exists
        if dialog.exec() and dialog.selectedFiles():
            self.export_to(Path(dialog.selectedFiles()[0]))

    def export_to(self, path: Path) -> Path | None:
        """Write the chosen export to `path` (its suffix forced to the chosen format)."""
        from greenledger.core.chart_files import write_chart_data
        from greenledger.gui.charts.deck import save_deck
        from greenledger.gui.charts.render import export_chart

        if path.suffix.lower() != f".{self.suffix}":
            path = path.with_name(f"{path.name}.{self.suffix}")
        self._remember()
        settings().setValue("export/dir", str(path.parent))
        name = self.what.currentData()
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            if name == DECK:
                out = save_deck(self.summary, path, self.export_filters)
            elif self.suffix in ("csv", "xlsx"):
                out = write_chart_data(build_chart(name, self.summary, self.export_filters), path)
            else:
                chart = build_chart(name, self.summary, self.export_filters)
                out = export_chart(chart, path, self.export_size(),
                                   self.transparent.isChecked() and self.transparent.isEnabled())
        except (OSError, ValueError) as exc:
            QApplication.restoreOverrideCursor()
            QMessageBox.warning(self, self.tr("Export"),
                                self.tr("Could not write {0}: {1}").format(path, exc))
            return None
        QApplication.restoreOverrideCursor()
        self.written = out
        self.accept()
        return out

    def copy(self) -> None:
        """The chosen chart on the clipboard (image, and PNG at 2× for Office)."""
        from greenledger.gui.charts.render import copy_to_clipboard

        name = self.what.currentData()
        if name != DECK and self.has_charts:
            self._remember()
            size = clipboard_size(self.export_size()) if self.size.isEnabled() else None
            copy_to_clipboard(build_chart(name, self.summary, self.export_filters), size)


CLIPBOARD_MAX_PX = 2048  # the clipboard also gets a PNG at 2x: 4096 px at most on the long side


def clipboard_size(size: ExportSize) -> ExportSize:
    """`size`, scaled down so that its long side is at most CLIPBOARD_MAX_PX (a 12,000 px
    custom size would make a multi-gigabyte image at 2x)."""
    long = max(size.width_px, size.height_px)
    if long <= CLIPBOARD_MAX_PX:
        return size
    k = CLIPBOARD_MAX_PX / long
    return ExportSize(round(size.width_px * k), round(size.height_px * k), size.dpi * k)


def _spin(parent: QWidget, lo: int, hi: int, value: int, suffix: str) -> QSpinBox:
    spin = QSpinBox(parent)
    spin.setRange(lo, hi)
    spin.setValue(value)
    spin.setSuffix(suffix)
    spin.setGroupSeparatorShown(True)
    return spin
