"""The import assistant's names where the window and older callers import them from: a thin
re-export of the staged engine (issue 12 §1). New code imports the stages themselves:

    core.importing.plan       ImportOptions, SheetPlan, ColumnPlan and the enums of their state
    core.importing.engine     read, analyse, analyse_sheet, preflight, import_file, import_plans
    core.importing.session    ImportSession: what the window and the command line drive
    core.importing.describe   describe (a plan as the dry run prints it), parse_pairs
"""

from __future__ import annotations

from greenledger.core.importing.describe import describe, parse_pairs
from greenledger.core.importing.engine import (
    analyse,
    analyse_sheet,
    import_file,
    import_plans,
    preflight,
    read,
)
from greenledger.core.importing.parse import fill_merged_data
from greenledger.core.importing.plan import ColumnPlan, ImportOptions, SheetPlan

__all__ = ["ImportOptions", "ColumnPlan", "SheetPlan", "read", "analyse", "analyse_sheet",
           "preflight", "import_file", "import_plans", "describe", "parse_pairs",
           "fill_merged_data"]
