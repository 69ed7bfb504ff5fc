# Overrides PyInstaller's hook of the same name: the same collection, less the Qt plugins and
# translations GreenLedger leaves out (installer/qt_policy.py), so their dependencies are never resolved.
from PyInstaller.utils.hooks.qt import add_qt6_dependencies
from qt_policy import filter_hook_binaries, filter_hook_datas

hiddenimports, binaries, datas = add_qt6_dependencies(__file__)
binaries = filter_hook_binaries(binaries)
datas = filter_hook_datas(datas)
