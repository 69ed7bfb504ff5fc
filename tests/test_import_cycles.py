"""No import cycles anywhere in greenledger (the last one, storage -> profiles -> assistant ->
storage, ended when the workspace stopped building Profiles: core.importing.profiles.kept reads
them): a module imported inside a function counts as imported (grimp, the graph import-linter
reads)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
import lint_imports  # noqa: E402

grimp = pytest.importorskip("grimp", reason="grimp comes with import-linter (pip install -e '.[test]')")



def cycles(source: Path, out: Path) -> list[set[str]]:
    """The strongly connected components (more than one module) of greenledger's import graph."""
    lint_imports.stage(source, out)
    sys.path.insert(0, str(out))
    try:  # grimp reads the files found on sys.path, not the modules already imported
        graph = grimp.build_graph("greenledger", cache_dir=None)
    finally:
        sys.path.remove(str(out))
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[set[str]] = []

    def visit(v: str) -> None:  # Tarjan
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in graph.find_modules_directly_imported_by(v):
            if not w.startswith("greenledger."):
                continue
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = set()
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.add(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(component)

    sys.setrecursionlimit(max(sys.getrecursionlimit(), 5000))
    for module in sorted(m for m in graph.modules if m.startswith("greenledger.")):
        if module not in index:
            visit(module)
    return found


def test_no_import_cycle(tmp_path: Path) -> None:
    found = cycles(ROOT, tmp_path / "layers")
    assert not found, [sorted(c) for c in found]


def test_a_cycle_put_back_is_found(tmp_path: Path) -> None:
    import shutil

    tree = tmp_path / "src"
    for name in lint_imports.PACKAGES:
        shutil.copytree(ROOT / name, tree / name, ignore=shutil.ignore_patterns("__pycache__"))
    render = tree / "gui/charts/render.py"
    text = render.read_text(encoding="utf-8")
    render.write_text(text.replace("from greenledger.gui.qt_app import make_app",
                                   "from greenledger.gui.app import make_app"), encoding="utf-8")
    found = cycles(tree, tmp_path / "layers")
    assert any({"greenledger.gui.charts.render", "greenledger.gui.app", "greenledger.gui.main_window"} <= c
               for c in found)
