"""The layers contract of pyproject.toml (import-linter, run by tools/lint_imports.py in `make test`):
core never imports Qt, pyqtgraph or gui. The check holds on the tree as it is, and fails on a copy of
core with one Qt import injected deep in the import engine."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
import lint_imports  # noqa: E402

pytest.importorskip("importlinter", reason="import-linter is not installed (pip install -e '.[test]')")


def test_layers_are_kept(tmp_path: Path) -> None:
    proc = lint_imports.run(ROOT, out=tmp_path / "layers")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "2 kept, 0 broken" in proc.stdout


@pytest.mark.parametrize("module, line", [
    ("core/importing/values.py", "import PySide6.QtCore  # injected\n"),
    ("core/units.py", "from greenledger.gui import settings  # injected\n"),
    ("core/accounting.py", "import pyqtgraph  # injected\n"),
])
def test_an_injected_import_breaks_the_contract(tmp_path: Path, module: str, line: str) -> None:
    tree = tmp_path / "src"
    for name in lint_imports.PACKAGES:
        shutil.copytree(ROOT / name, tree / name, ignore=shutil.ignore_patterns("__pycache__"))
    target = tree / module
    text = target.read_text(encoding="utf-8")
    head, sep, rest = text.partition("from __future__ import annotations\n")
    target.write_text(head + sep + line + rest if sep else line + text, encoding="utf-8")
    proc = lint_imports.run(tree, config=ROOT / "pyproject.toml", out=tmp_path / "layers")
    assert proc.returncode != 0
    assert "BROKEN" in proc.stdout
    dotted = "greenledger." + module.removesuffix(".py").replace("/", ".")
    assert dotted in proc.stdout


def test_only_storage_talks_to_the_database() -> None:
    """SQL behind the workspace: outside core/storage.py (and its migrations and named queries)
    no module reaches the sqlite-utils Database (`ws.db`) or opens a connection itself."""
    import ast

    allowed = {"core/storage.py", "core/migrations.py", "core/queries.py"}
    offenders = []
    for path in sorted(p for d in ("core", "gui") for p in (ROOT / d).rglob("*.py")):
        rel = path.relative_to(ROOT).as_posix()
        if rel in allowed:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Attribute) and node.attr in ("db", "conn"):
                offenders.append(f"{rel}:{node.lineno} .{node.attr}")
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) \
                    and node.func.attr == "connect" and getattr(node.func.value, "id", "") == "sqlite3":
                offenders.append(f"{rel}:{node.lineno} sqlite3.connect")
    assert not offenders, offenders
