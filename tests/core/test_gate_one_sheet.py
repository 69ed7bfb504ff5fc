"""The gate and one sheet (`--sheet`): a workbook read for one sheet has only that worksheet's
part inflated and scanned (no parser reads the others), so a workbook of several big sheets
is not scanned whole once per sheet (5 million rows in 7 sheets were gated 7 times over). A
dangerous part in another sheet does not stop the sheet asked for, and still refuses the
workbook read whole or that sheet asked for."""

from __future__ import annotations

import zipfile
from datetime import date

import pytest

from greenledger.core.fields import Kind
from greenledger.core.importing.engine import import_file
from greenledger.core.importing.plan import ImportOptions
from greenledger.core.importing.reader import ReadError
from greenledger.core.importing.reader.gate import check_file
from tests.conftest import ENERGY_HEADER, SITES, write_workbook

ENTITIES = ('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">]>'
            '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
            '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&a;</t></is></c></row>'
            '</sheetData></worksheet>')


def poisoned(tmp_path):
    """Sites, Energy and a third sheet whose part declares XML entities (which the gate refuses)."""
    book = write_workbook(tmp_path / "book.xlsx", {
        "Sites": SITES,
        "Energy": [ENERGY_HEADER, ["Zhangbei DC", date(2023, 1, 1), date(2023, 1, 31), "grid", 900, None]],
        "Notes": [["note"]]})
    out = tmp_path / "poisoned.xlsx"
    with zipfile.ZipFile(book) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            dst.writestr(info, ENTITIES if info.filename == "xl/worksheets/sheet3.xml" else data)
    return out


def test_a_bad_part_of_another_sheet_refuses_the_book_but_not_the_sheet_asked_for(tmp_path, ws):
    path = poisoned(tmp_path)
    with pytest.raises(ReadError, match="Notes.*entities|entities"):
        check_file(path)
    with pytest.raises(ReadError):
        check_file(path, only="Notes")
    with pytest.raises(ReadError):
        check_file(path, only="notes")  # matched as the reader matches it
    check_file(path, only="Energy")
    check_file(path, only="energy")
    import_file(ws, path, ImportOptions(sheet="Sites"))
    import_file(ws, path, ImportOptions(sheet="Energy"))
    assert [r["energy"] for r in ws.rows(Kind.ENERGY)] == [900]


def test_a_sheet_name_that_is_none_of_them_scans_everything(tmp_path):
    with pytest.raises(ReadError):  # no sheet of that name: every part is scanned (and refused)
        check_file(poisoned(tmp_path), only="Nope")
