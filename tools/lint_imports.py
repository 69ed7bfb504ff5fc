"""Check the layers (core never imports Qt, pyqtgraph or gui; gui -> core -> resources) with
import-linter, as `make test` and `make lint` do.

The repository keeps core/, gui/ and resources/ at its top and installs them as greenledger.core,
greenledger.gui and greenledger.resources (pyproject.toml's package-dir). import-linter reads
packages from directories on sys.path, which an editable install does not provide, so this script
lays out build/layers/greenledger/ with a link to each folder and runs lint-imports on it.

    python tools/lint_imports.py [--source DIR]   # DIR: a tree with core/, gui/, resources/
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("core", "gui", "resources")


def stage(source: Path, out: Path) -> Path:
    """out/greenledger/{core,gui,resources} pointing at source's folders; returns out."""
    pkg = out / "greenledger"
    if pkg.exists():
        shutil.rmtree(pkg)
    pkg.mkdir(parents=True)
    for name in PACKAGES:
        target = (source / name).resolve()
        try:
            (pkg / name).symlink_to(target, target_is_directory=True)
        except OSError:  # no symlinks (Windows without developer mode): a copy of the sources
            shutil.copytree(target, pkg / name, ignore=shutil.ignore_patterns("__pycache__"))
    return out


def run(source: Path = ROOT, config: Path = ROOT / "pyproject.toml",
        out: Path | None = None) -> subprocess.CompletedProcess[str]:
    out = stage(source, out or source / "build" / "layers")
    exe = Path(sys.executable).with_name("lint-imports")
    cmd = [str(exe)] if exe.exists() else [sys.executable, "-m", "importlinter.cli"]
    env = {**os.environ, "PYTHONPATH": str(out)}
    return subprocess.run([*cmd, str(config), "--no-cache"], env=env, capture_output=True,
                          text=True)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--source", type=Path, default=ROOT)
    args = ap.parse_args()
    proc = run(args.source)
    sys.stdout.write(proc.stdout[proc.stdout.find("Analyzed"):] if "Analyzed" in proc.stdout else proc.stdout)
    sys.stderr.write(proc.stderr)
    return proc.returncode


if __name__ == "__main__":
    sys.exit(main())
