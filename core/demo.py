"""The demo workspace: Alibaba's 6.18 (2021) story, imported from the workbook in resources/
through the same path as any import."""

from __future__ import annotations

from pathlib import Path

from greenledger import resources
from greenledger.core.importing.importer import ImportResult, import_file
from greenledger.core.storage import Workspace

DEMO_WORKBOOK = "demo/demo_618.xlsx"


def demo_workbook() -> Path:
    return resources.path(DEMO_WORKBOOK)


def build_demo(path: Path) -> ImportResult:
    """Create (or bring up to date) the demo workspace at `path`."""
    with Workspace.open(path) as ws:
        return import_file(ws, demo_workbook())
