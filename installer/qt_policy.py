"""Which Qt plugins and translations the frozen GreenLedger keeps (used by greenledger.spec and
installer/hooks/). Plugins are filtered in the hooks, before PyInstaller resolves their shared-library
dependencies, so a dropped plugin does not drag its libraries in (the GTK3 theme would bring pango,
cairo, gdk-pixbuf and atk from the build machine)."""

from __future__ import annotations

from pathlib import PurePath

# Plugin folders under Qt/plugins -> plugin base names kept (None: the whole folder); others dropped.
# platforms: xcb (X11, XWayland), wayland, offscreen (headless runs, tests), minimal; windows and cocoa
#   on those systems;
# imageformats: PNG is built into QtGui; SVG, JPEG, ICO, GIF, ICNS cover what the app reads or writes;
# platformthemes: the XDG portal (native file dialogs under Flatpak/Snap/GNOME), not GTK3.
QT_PLUGINS: dict[str, set[str] | None] = {
    "platforms": {"qxcb", "qwayland", "qoffscreen", "qminimal", "qwindows", "qcocoa"},
    "platformthemes": {"qxdgdesktopportal"},
    "platforminputcontexts": {"composeplatforminputcontextplugin", "ibusplatforminputcontextplugin"},
    "imageformats": {"qsvg", "qjpeg", "qico", "qgif", "qicns"},
    "iconengines": {"qsvgicon"},
    "xcbglintegrations": None,
    "styles": None,  # qmodernwindowsstyle on Windows
    "wayland-decoration-client": None,
    "wayland-graphics-integration-client": None,
    "wayland-shell-integration": None,
}
# Qt's own translations (file dialogs, context menus): only the languages GreenLedger speaks.
QT_TRANSLATION_LANGS = ("en", "zh_CN", "zh_TW")
QT_TRANSLATION_BASES = ("qtbase", "qt")


def plugin_kept(dest: str) -> bool:
    """dest: a path inside the bundle: PySide6/Qt/plugins/platforms/libqxcb.so (Linux, macOS) or
    PySide6/plugins/platforms/qwindows.dll (Windows)."""
    parts = PurePath(dest.replace("\\", "/")).parts
    if "plugins" not in parts or "PySide6" not in parts:
        return True
    i = parts.index("plugins")
    if parts[i - 1] not in ("Qt", "PySide6") or len(parts) < i + 2:
        return True
    folder = parts[i + 1]
    if folder not in QT_PLUGINS:
        return False
    wanted = QT_PLUGINS[folder]
    if wanted is None or len(parts) == i + 2:
        return True
    stem = PurePath(parts[-1]).name.split(".")[0].removeprefix("lib")
    return stem in wanted


def translation_kept(dest: str) -> bool:
    p = PurePath(dest.replace("\\", "/"))
    if p.suffix != ".qm" or "translations" not in p.parts or "PySide6" not in p.parts:
        return True
    base, _, lang = p.stem.partition("_")
    return base in QT_TRANSLATION_BASES and lang in QT_TRANSLATION_LANGS


def filter_hook_binaries(entries):
    """(source, dest folder) pairs from a Qt hook -> those whose plugin is kept."""
    return [(src, dest) for src, dest in entries if plugin_kept(str(PurePath(dest) / PurePath(src).name))]


def filter_hook_datas(entries):
    return [(src, dest) for src, dest in entries
            if translation_kept(str(PurePath(dest) / PurePath(src).name))]
