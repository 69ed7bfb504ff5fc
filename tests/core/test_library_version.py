"""A newer built-in factor library changes a workspace's figures only when the analyst accepts it."""

import dataclasses
from datetime import date

import pytest

import greenledger.core.factors
from greenledger.core.accounting import summarize
from greenledger.core.factors import Library, builtin_library
from greenledger.core.importing.importer import import_file
from greenledger.core.report import factor_update_text
from tests.conftest import ENERGY_HEADER, SITES


def newer_library() -> Library:
    lib = builtin_library()
    factors = tuple(dataclasses.replace(f, value=0.5) if (f.key, f.region, f.year) ==
                    ("grid", "North China", 2021) else f for f in lib.factors)
    return Library(version="2099.1.0", factors=factors)


def test_workspace_keeps_its_library_until_the_update_is_accepted(ws, workbook, monkeypatch):
    import_file(ws, workbook({"Sites": SITES, "Energy": [ENERGY_HEADER,
                ["Zhangbei DC", date(2021, 1, 1), date(2021, 1, 31), "grid", 1_000_000, None]]}))
    before = summarize(ws)["site_years"][0]["location_based_t"]
    assert before == pytest.approx(712.0)
    pinned = ws.library_version
    monkeypatch.setattr(greenledger.core.factors, "builtin_library", newer_library)
    monkeypatch.setattr("greenledger.core.storage.builtin_library", newer_library)
    assert summarize(ws)["site_years"][0]["location_based_t"] == pytest.approx(712.0)
    preview = factor_update_text(ws, newer_library())
    assert "2099.1.0" in preview and "712.0" in preview and "500.0" in preview
    assert ws.library_version == pinned  # the preview wrote nothing
    assert summarize(ws)["site_years"][0]["location_based_t"] == pytest.approx(712.0)
    ws.accept_library(newer_library())
    assert ws.library_version == "2099.1.0"
    assert summarize(ws)["site_years"][0]["location_based_t"] == pytest.approx(500.0)
