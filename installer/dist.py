"""Build the Linux bundle and its archives (`make dist` runs this with the venv's Python).

    .venv/bin/python installer/dist.py [--no-deb] [--skip-build]

1. PyInstaller with installer/greenledger.spec -> dist/GreenLedger/ (GreenLedger + greenledger);
2. the .desktop file, the MIME type, the icons and install-desktop-entry.sh added to that folder;
3. a smoke run of the frozen `greenledger --version`;
4. dist/GreenLedger-<version>-linux-x86_64.tar.gz (one top folder GreenLedger-<version>/);
5. dist/greenledger_<version>_amd64.deb with dpkg-deb, where dpkg-deb exists (/opt/greenledger,
   /usr/bin/greenledger, menu entry, icons, MIME type);
6. the sizes: unpacked bundle, .tar.gz, .deb.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import subprocess
import sys
import tarfile
import time
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
INSTALLER = ROOT / "installer"
DIST = ROOT / "dist"
BUNDLE = DIST / "GreenLedger"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
DEB_DEPENDS = ("libxcb-cursor0, libxcb-icccm4, libxcb-keysyms1, libxkbcommon-x11-0, libegl1, "
               "libfontconfig1, libdbus-1-3, fonts-noto-cjk")


def version() -> str:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]


def arch() -> str:
    return {"x86_64": "x86_64", "amd64": "x86_64", "aarch64": "aarch64", "arm64": "aarch64"}.get(
        platform.machine().lower(), platform.machine().lower())


def build_bundle() -> float:
    start = time.monotonic()
    subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
                    "--distpath", str(DIST), "--workpath", str(ROOT / "build" / "pyinstaller"),
                    str(INSTALLER / "greenledger.spec")], check=True, cwd=ROOT)
    return time.monotonic() - start


def add_desktop_files(bundle: Path) -> None:
    """Beside the executables: what a desktop needs to show and start GreenLedger."""
    icons = bundle / "icons"
    icons.mkdir(exist_ok=True)
    src = ROOT / "resources" / "icons"
    for s in ICON_SIZES:
        shutil.copy2(src / f"greenledger-{s}.png", icons / f"greenledger-{s}.png")
    shutil.copy2(src / "greenledger.svg", icons / "greenledger.svg")
    for name in ("greenledger.desktop", "greenledger-mime.xml", "install-desktop-entry.sh"):
        shutil.copy2(INSTALLER / name, bundle / name)
    (bundle / "install-desktop-entry.sh").chmod(0o755)


def smoke(bundle: Path) -> str:
    out = subprocess.run([str(bundle / "greenledger"), "--version"], capture_output=True, text=True,
                         check=True, timeout=120)
    return out.stdout.strip()


def tree_size(path: Path) -> int:
    """Bytes of the regular files under path (symlinks not followed), as unpacked on disk."""
    return sum(p.lstat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def make_tarball(bundle: Path, ver: str) -> Path:
    out = DIST / f"GreenLedger-{ver}-linux-{arch()}.tar.gz"
    top = f"GreenLedger-{ver}"

    def norm(info: tarfile.TarInfo) -> tarfile.TarInfo:
        info.uid = info.gid = 0
        info.uname = info.gname = "root"
        return info

    with tarfile.open(out, "w:gz", compresslevel=6) as tar:
        tar.add(bundle, arcname=top, filter=norm)
    return out


def make_deb(bundle: Path, ver: str) -> Path | None:
    if shutil.which("dpkg-deb") is None:
        print("dist: dpkg-deb not found; no .deb built", file=sys.stderr)
        return None
    deb_arch = {"x86_64": "amd64", "aarch64": "arm64"}.get(arch(), arch())
    stage = ROOT / "build" / "deb" / "greenledger"
    if stage.exists():
        shutil.rmtree(stage)
    opt = stage / "opt" / "greenledger"
    shutil.copytree(bundle, opt, symlinks=True)
    share = stage / "usr" / "share"
    (stage / "usr" / "bin").mkdir(parents=True)
    os.symlink("/opt/greenledger/greenledger", stage / "usr" / "bin" / "greenledger")
    apps = share / "applications"
    apps.mkdir(parents=True)
    desktop = (INSTALLER / "greenledger.desktop").read_text(encoding="utf-8")
    desktop = desktop.replace("Exec=GreenLedger %f", "Exec=/opt/greenledger/GreenLedger %f")
    desktop = desktop.replace("TryExec=GreenLedger", "TryExec=/opt/greenledger/GreenLedger")
    (apps / "greenledger.desktop").write_text(desktop, encoding="utf-8")
    for s in ICON_SIZES:
        d = share / "icons" / "hicolor" / f"{s}x{s}" / "apps"
        d.mkdir(parents=True)
        shutil.copy2(ROOT / "resources" / "icons" / f"greenledger-{s}.png", d / "greenledger.png")
    d = share / "icons" / "hicolor" / "scalable" / "apps"
    d.mkdir(parents=True)
    shutil.copy2(ROOT / "resources" / "icons" / "greenledger.svg", d / "greenledger.svg")
    (share / "mime" / "packages").mkdir(parents=True)
    shutil.copy2(INSTALLER / "greenledger-mime.xml", share / "mime" / "packages" / "greenledger.xml")
    doc = share / "doc" / "greenledger"
    doc.mkdir(parents=True)
    shutil.copy2(ROOT / "LICENSE", doc / "copyright")
    installed_kb = tree_size(stage) // 1024
    (stage / "DEBIAN").mkdir()
    (stage / "DEBIAN" / "control").write_text(
        f"Package: greenledger\nVersion: {ver}\nArchitecture: {deb_arch}\n"
        "Maintainer: GreenLedger team <packaging@greenledger.invalid>\n"
        f"Installed-Size: {installed_kb}\nDepends: {DEB_DEPENDS}\nSection: misc\nPriority: optional\n"
        "Description: carbon accounting for e-commerce and logistics analysts\n"
        " Imports energy, delivery, packaging and initiative data from Excel into a local\n"
        " workspace and computes location- and market-based Scope 2, Scope 1, renewable\n"
        " shares, avoided emissions, per-order intensity and equivalents, each naming its\n"
        " factor and source. Installs under /opt/greenledger.\n", encoding="utf-8")
    out = DIST / f"greenledger_{ver}_{deb_arch}.deb"
    subprocess.run(["dpkg-deb", "--root-owner-group", "-Zxz", "--build", str(stage), str(out)], check=True,
                   stdout=subprocess.DEVNULL)
    return out


def mb(n: int) -> str:
    return f"{n / 1e6:.1f} MB"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--skip-build", action="store_true", help="reuse dist/GreenLedger")
    ap.add_argument("--no-deb", action="store_true", help="do not build the .deb")
    args = ap.parse_args()
    if not sys.platform.startswith("linux"):
        print("dist: installer/dist.py builds the Linux archives; on Windows and macOS follow "
              "installer/README.md", file=sys.stderr)
        return 2
    ver = version()
    if not args.skip_build:
        seconds = build_bundle()
        print(f"dist: PyInstaller build took {seconds:.0f} s")
    add_desktop_files(BUNDLE)
    print(f"dist: frozen `greenledger --version` says: {smoke(BUNDLE)}")
    unpacked = tree_size(BUNDLE)
    start = time.monotonic()
    tarball = make_tarball(BUNDLE, ver)
    print(f"dist: {tarball.relative_to(ROOT)} written in {time.monotonic() - start:.0f} s")
    deb = None if args.no_deb else make_deb(BUNDLE, ver)
    print(f"dist: bundle dist/GreenLedger unpacked: {mb(unpacked)}")
    print(f"dist: {tarball.name}: {mb(tarball.stat().st_size)}")
    if deb is not None:
        print(f"dist: {deb.name}: {mb(deb.stat().st_size)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
