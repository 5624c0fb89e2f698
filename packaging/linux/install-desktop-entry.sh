#!/bin/sh
# Put Rakor Desktop in this user's applications menu (no root needed), or take it out.
#
#   ./install-desktop-entry.sh            add the menu entry, the icon and the *.rakor file type
#   ./install-desktop-entry.sh --remove   take them out again (the app folder stays as it is)
#
# The app itself stays where it was unpacked; run this again after moving the folder.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
share=${XDG_DATA_HOME:-$HOME/.local/share}
apps=$share/applications
icons=$share/icons/hicolor
mime=$share/mime
sizes="16 24 32 48 64 128 256 512"

refresh() {
    command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q "$apps" || true
    command -v update-mime-database >/dev/null 2>&1 && update-mime-database "$mime" || true
    command -v gtk-update-icon-cache >/dev/null 2>&1 && gtk-update-icon-cache -q -t "$icons" || true
}

if [ "${1:-}" = "--remove" ]; then
    rm -f "$apps/rakor-desktop.desktop" "$mime/packages/rakor-desktop-mime.xml"
    for size in $sizes; do rm -f "$icons/${size}x${size}/apps/rakor-desktop.png"; done
    refresh
    echo "Rakor Desktop is no longer in the applications menu."
    exit 0
fi

mkdir -p "$apps" "$mime/packages"
for size in $sizes; do
    mkdir -p "$icons/${size}x${size}/apps"
    cp "$here/_internal/resources/icons/rakor-desktop-$size.png" "$icons/${size}x${size}/apps/rakor-desktop.png"
done
# Exec with the full path, in double quotes as the desktop entry specification asks
# (spaces are fine; the few characters that would need escaping are refused).
case "$here" in
    *[\"\`\$\\\|\&]*)
        echo "Move the folder to a path without \" \` \$ \\ | & in it: $here" >&2
        exit 1 ;;
esac
sed "s|^Exec=.*|Exec=\"$here/rakor-desktop\" %f|" "$here/rakor-desktop.desktop" > "$apps/rakor-desktop.desktop"
cp "$here/rakor-desktop-mime.xml" "$mime/packages/rakor-desktop-mime.xml"
refresh
echo "Rakor Desktop is in the applications menu (Office). Remove it with: $0 --remove"
