"""The frozen app (installer/greenledger.spec): built once into tmp by PyInstaller, as `make dist` does,
then run: its two executables, the bundled factor library and demo workbook, SVG/PDF/PPTX exports,
the window offscreen. Slow (a PyInstaller build: ~40 s on 2 cores); CI runs it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT / "installer" / "greenledger.spec"
VERSION = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
# The size a bare pyqtgraph window reaches frozen by PyInstaller with its defaults (measured:
# 228.7 MB); the issue asks for GreenLedger within 10 % of it.
SIZE_LIMIT = 253e6

if not sys.platform.startswith("linux"):
    pytest.skip("the bundle test builds the Linux bundle; Windows and macOS builds are documented in "
                "installer/README.md", allow_module_level=True)
pytest.importorskip("PyInstaller", reason="PyInstaller is not installed (pip install -e '.[test]')")


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    work = tmp_path_factory.mktemp("pyinstaller")
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYI")}
    proc = subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
         "--distpath", str(work / "dist"), "--workpath", str(work / "build"), str(SPEC)],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=1800)
    assert proc.returncode == 0, proc.stderr[-4000:]
    path = work / "dist" / "GreenLedger"
    assert (path / "GreenLedger").is_file() and (path / "greenledger").is_file()
    return path


def run(bundle: Path, exe: str, *args: str, timeout: float = 120, **env: str) -> subprocess.CompletedProcess:
    # Only the system's environment: no PYTHONPATH or venv leaking the source tree into the frozen app.
    base = {k: v for k, v in os.environ.items()
            if k not in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV") and not k.startswith("PYI")}
    return subprocess.run([str(bundle / exe), *args], capture_output=True, text=True, timeout=timeout,
                          env={**base, "QT_QPA_PLATFORM": "offscreen", **env}, cwd=bundle.parent)


def test_version(bundle: Path) -> None:
    out = run(bundle, "greenledger", "--version")
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == f"greenledger {VERSION}"
    # read from the bundled metadata, not core's fallback for an uninstalled source tree
    assert list((bundle / "_internal").glob("greenledger*-info"))


def test_demo_and_summary_from_the_bundled_resources(bundle: Path, tmp_path: Path) -> None:
    ws = tmp_path / "T.greenledger"
    out = run(bundle, "greenledger", "--workspace", str(ws), "demo")
    assert out.returncode == 0, out.stderr
    assert "demo_618.xlsx" in out.stdout  # the bundled demo workbook
    out = run(bundle, "greenledger", "--workspace", str(ws), "summary", "--json")
    assert out.returncode == 0, out.stderr
    frozen = json.loads(out.stdout)
    library = json.loads((ROOT / "resources" / "data" / "library.json").read_text(encoding="utf-8"))
    assert frozen["factor_library_version"] == library["version"]  # the bundled factor library
    campaigns = {c["name"]: c for c in frozen["campaigns"]}
    assert campaigns["6.18 2021"]["intensity_change_pct"] == pytest.approx(-18.0)
    assert campaigns["6.18 2021"]["avoided_by_site_t"]["Zhangbei DC"] == pytest.approx(10252.8)

    # and every figure equals the source tree's
    from greenledger.core.accounting import summarize
    from greenledger.core.demo import build_demo
    from greenledger.core.storage import Workspace

    source_ws = tmp_path / "source" / "T.greenledger"
    source_ws.parent.mkdir()
    build_demo(source_ws)
    with Workspace.open(source_ws) as w:
        expected = json.loads(json.dumps(summarize(w), ensure_ascii=False))
    assert frozen == expected


def test_exports_svg_pdf_and_deck(bundle: Path, tmp_path: Path) -> None:
    ws = tmp_path / "T.greenledger"
    assert run(bundle, "greenledger", "--workspace", str(ws), "demo").returncode == 0
    for name in ("energy-mix.svg", "scope2.pdf", "intensity.png"):
        out = run(bundle, "greenledger", "--workspace", str(ws), "export-chart", name.split(".")[0],
                  "--out", str(tmp_path / name))
        assert out.returncode == 0, out.stderr
        assert (tmp_path / name).stat().st_size > 1000
    assert (tmp_path / "energy-mix.svg").read_text(encoding="utf-8").lstrip().startswith("<?xml")
    assert (tmp_path / "scope2.pdf").read_bytes()[:5] == b"%PDF-"
    out = run(bundle, "greenledger", "--workspace", str(ws), "export-deck", "--out", str(tmp_path / "d.pptx"),
              timeout=300)
    assert out.returncode == 0, out.stderr
    assert (tmp_path / "d.pptx").read_bytes()[:2] == b"PK"


def test_window_opens_and_quits(bundle: Path, tmp_path: Path) -> None:
    ws = tmp_path / "T.greenledger"
    assert run(bundle, "greenledger", "--workspace", str(ws), "demo").returncode == 0
    # `GreenLedger PATH`, as a file association starts it
    out = run(bundle, "GreenLedger", "--quit-after", "3", str(ws))
    assert out.returncode == 0, out.stderr
    assert "Traceback" not in out.stderr and "unexpected error" not in out.stderr
    out = run(bundle, "GreenLedger", "--quit-after", "3", "--lang", "zh", "--workspace", str(ws))
    assert out.returncode == 0, out.stderr


def test_contents_and_size(bundle: Path) -> None:
    internal = bundle / "_internal"
    for rel in ("greenledger/resources/data/factors.csv", "greenledger/resources/data/library.json",
                "greenledger/resources/demo/demo_618.xlsx", "greenledger/resources/icons/greenledger-16.png",
                "greenledger/resources/icons/greenledger.svg",
                "licenses/LGPL-3.0.txt", "licenses/LICENSE",
                "PySide6/Qt/plugins/platforms/libqxcb.so", "PySide6/Qt/plugins/platforms/libqoffscreen.so",
                "PySide6/Qt/plugins/imageformats/libqsvg.so", "PySide6/Qt/plugins/iconengines/libqsvgicon.so",
                "PySide6/Qt/translations/qtbase_zh_CN.qm"):
        assert (internal / rel).is_file(), rel
    translations = ROOT / "resources" / "translations"
    for qm in translations.glob("*.qm"):
        assert (internal / "greenledger" / "resources" / "translations" / qm.name).is_file(), qm.name
    assert not (internal / "resources").exists()  # one package, greenledger, as pip installs it
    names = {p.name for p in internal.rglob("*")}
    for unwanted in ("libQt6Qml.so.6", "libQt6Quick.so.6", "libQt6Network.so.6", "libqgtk3.so",
                     "libgtk-3.so.0", "QtQml.abi3.so", "tkinter", "pytest", "qtbase_de.qm"):
        assert unwanted not in names, unwanted
    size = sum(p.lstat().st_size for p in bundle.rglob("*") if p.is_file() and not p.is_symlink())
    print(f"frozen bundle: {size / 1e6:.1f} MB unpacked")
    assert size < SIZE_LIMIT, f"{size / 1e6:.1f} MB"
