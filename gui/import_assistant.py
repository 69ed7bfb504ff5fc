"""The import assistant's names where other code imports them from (File › Import opens
ImportAssistant). The dialog is split as the engine is (issue 12 §1):

    gui.import_dialog          ImportAssistant, the dialog
    gui.import_sheet_model     SheetListModel: the sheets, a tick each
    gui.import_cells_model     SheetModel: a sheet's cells, shaded by what the plan makes of them
    gui.import_mapping_model   MappingModel: columns → field and unit, edited in place
    gui.import_preview_model   PreviewModel: the first rows as they will be stored
    gui.import_engine          what the dialog asks of the engine (read, analyse, preflight)
    gui.import_hints           problems in the window's words
"""

from __future__ import annotations

from greenledger.gui.import_cells_model import (
    HEADER_BG,
    HIDDEN_FG,
    IGNORED_BG,
    OUTSIDE_BG,
    PREVIEW_ROWS,
    PROBLEM_BG,
    SheetModel,
)
from greenledger.gui.import_dialog import ImportAssistant
from greenledger.gui.import_mapping_model import UNITS
from greenledger.gui.import_texts import HOW, column_index, field_label, how_text, layout_text

__all__ = ["ImportAssistant", "SheetModel", "HEADER_BG", "IGNORED_BG", "OUTSIDE_BG", "HIDDEN_FG",
           "PROBLEM_BG", "PREVIEW_ROWS", "UNITS", "HOW", "column_index", "field_label", "how_text",
           "layout_text"]
