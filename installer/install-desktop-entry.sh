#!/bin/sh
# Adds GreenLedger to the desktop menu of the current user (no root): the menu entry, the icon, and
# the .greenledger file type. Run it from the unpacked folder:  ./install-desktop-entry.sh
# Remove again with:  ./install-desktop-entry.sh --uninstall
set -eu
here=$(cd "$(dirname "$0")" && pwd)
data=${XDG_DATA_HOME:-$HOME/.local/share}
if [ "${1:-}" = "--uninstall" ]; then
  rm -f "$data/applications/greenledger.desktop" "$data/mime/packages/greenledger.xml"
  for s in 16 24 32 48 64 128 256 512; do rm -f "$data/icons/hicolor/${s}x${s}/apps/greenledger.png"; done
  rm -f "$data/icons/hicolor/scalable/apps/greenledger.svg"
else
  mkdir -p "$data/applications" "$data/mime/packages" "$data/icons/hicolor/scalable/apps"
  for s in 16 24 32 48 64 128 256 512; do
    mkdir -p "$data/icons/hicolor/${s}x${s}/apps"
    cp "$here/icons/greenledger-$s.png" "$data/icons/hicolor/${s}x${s}/apps/greenledger.png"
  done
  cp "$here/icons/greenledger.svg" "$data/icons/hicolor/scalable/apps/greenledger.svg"
  sed -e "s|^Exec=.*|Exec=\"$here/GreenLedger\" %f|" -e "s|^TryExec=.*|TryExec=$here/GreenLedger|" \
    "$here/greenledger.desktop" > "$data/applications/greenledger.desktop"
  cp "$here/greenledger-mime.xml" "$data/mime/packages/greenledger.xml"
fi
command -v update-mime-database >/dev/null 2>&1 && update-mime-database "$data/mime" || true
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database "$data/applications" || true
command -v gtk-update-icon-cache >/dev/null 2>&1 && gtk-update-icon-cache -q -t "$data/icons/hicolor" || true
echo "GreenLedger ${1:+un}installed in the menu of $(id -un)"
