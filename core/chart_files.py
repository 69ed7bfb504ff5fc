"""The data behind a chart as CSV (UTF-8 with BOM, so Excel reads Chinese) or XLSX (a Data
sheet and a Provenance sheet). Texts that a spreadsheet would take for a formula stay text
(core.safe_text). No Qt."""

from __future__ import annotations

import csv
from pathlib import Path

from greenledger.core import __version__
from greenledger.core.chart_data import ChartData
from greenledger.core.i18n import QT_TRANSLATE_NOOP, translate
from greenledger.core.safe_text import append_row, csv_row

# The provenance keys, shown translated on the XLSX's provenance sheet (the files' metadata keeps
# them in English).
PROVENANCE_KEYS = (
    QT_TRANSLATE_NOOP("ChartFiles", "Title"),
    QT_TRANSLATE_NOOP("ChartFiles", "Software"),
    QT_TRANSLATE_NOOP("ChartFiles", "Workspace"),
    QT_TRANSLATE_NOOP("ChartFiles", "Chart"),
    QT_TRANSLATE_NOOP("ChartFiles", "Filters"),
    QT_TRANSLATE_NOOP("ChartFiles", "Period"),
    QT_TRANSLATE_NOOP("ChartFiles", "Method"),
    QT_TRANSLATE_NOOP("ChartFiles", "Factor sources"),
    QT_TRANSLATE_NOOP("ChartFiles", "Data SHA-256"),
    QT_TRANSLATE_NOOP("ChartFiles", "Source"),
)


def write_chart_data(chart: ChartData, path: Path) -> Path:
    """Write the chart's categories × series to `path` (.csv or .xlsx), values as plotted."""
    header, rows = chart.table()
    suffix = path.suffix.lower()
    if suffix == ".csv":
        with path.open("w", newline="", encoding="utf-8-sig") as fh:
            w = csv.writer(fh)
            w.writerow(csv_row(header))
            w.writerows(csv_row("" if v is None else v for v in row) for row in rows)
        return path
    if suffix == ".xlsx":
        import openpyxl

        wb = openpyxl.Workbook()
        data = wb.active
        data.title = translate("ChartFiles", "Data")
        append_row(data, header)  # a site named =HYPERLINK(…) stays a name, not a formula
        for row in rows:
            append_row(data, row)
        data.column_dimensions["A"].width = max(12, *(len(str(r[0])) + 2 for r in rows)) if rows else 12
        about = wb.create_sheet(translate("ChartFiles", "Provenance"))
        for key, value in chart.provenance(__version__).items():
            append_row(about, [translate("ChartFiles", key), value])
        about.column_dimensions["A"].width = 16
        about.column_dimensions["B"].width = 120
        wb.properties.title = chart.title
        wb.properties.creator = f"GreenLedger {__version__}"
        wb.save(path)
        return path
    raise ValueError(translate("ChartFiles", "{0}: export the data as .csv or .xlsx").format(path.name))
