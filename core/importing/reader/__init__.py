"""Reading workbooks into plain rows of cell values: python-calamine for xlsx/xlsm/xls/ods
(`workbook`), the csv module for CSV (`csv_file`: UTF-8 or GB18030, comma/semicolon/tab).
Cached values only: formulas are never evaluated.

Workbooks are untrusted input. Before any parser sees a file, `check_file` (`gate`) refuses, naming the
file (and the sheet where there is one): empty and truncated files, text or random bytes named
as a workbook, password-protected (encrypted) workbooks, zip packages whose parts would
inflate past a sane bound (by the zip directory, and by actually inflating each XML part with a
budget, so a directory that lies about sizes is caught too), XML parts with a DOCTYPE or ENTITY
declaration (billion laughs, external entities) and sheets whose cells would span more than
MAX_CELLS cells or pass Excel's row limit (a two-cell xlsx at A1 and ZZ1048576 would make
calamine allocate a 17 GB grid).

The gate is `gate` (with `cfb` for OLE2 files and `scan` for each XML part); `base` holds the
limits, `ReadError` and `SheetData`. Everything is imported from here as before.
"""

from greenledger.core.importing.reader.base import (  # noqa: F401 - the package's names
    CFB_MAGIC,
    COLUMN_LABEL,
    CSV_SUFFIXES,
    EXCEL_MAX_COLUMNS,
    EXCEL_MAX_ROWS,
    MAX_CELLS,
    PROTECTED,
    WORKBOOK_SUFFIXES,
    ZIP_SUFFIXES,
    ReadError,
    SheetData,
    column_index,
    column_letter,
)
from greenledger.core.importing.reader.cfb import cfb_stream_names  # noqa: F401
from greenledger.core.importing.reader.csv_file import MAX_CSV_BYTES, read_csv  # noqa: F401
from greenledger.core.importing.reader.gate import (  # noqa: F401
    MAX_COMPRESSION_RATIO,
    MAX_PART_BYTES,
    MAX_PARTS,
    MAX_UNCOMPRESSED_BYTES,
    RATIO_FLOOR,
    check_file,
)
from greenledger.core.importing.reader.scan import _PLAIN_CELL, MAX_HIDDEN  # noqa: F401
from greenledger.core.importing.reader.workbook import read_sheets, sheet_names  # noqa: F401
