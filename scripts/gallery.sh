#!/usr/bin/env bash
# The gallery (issue 16): every kind of mail roundtable sends, rendered to PNG with headless
# Chromium at desktop (1200 px) and phone (390 px) width.
#
#   scripts/gallery.sh [OUT]          # default OUT = target/gallery
#
# `cargo run --example gallery` drives a community through one meeting cycle and writes each
# mail's HTML (standalone) and text to OUT; this script screenshots every HTML file to
# OUT/png/NAME-desktop.png, NAME-phone.png and NAME-phone-dark.png, and copies the
# announcement, agenda and digest (to a member) into docs/gallery/, the pictures the README
# shows. Chromium only opens the local files: it is started with networking features off, and
# the mails hold no remote resource.
#
# Needs Debian's `chromium` (installed with apt-get when missing and run as root) and, for
# smaller committed pictures, `optipng` when present.
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=${1:-target/gallery}
OUT=$(realpath -m "$OUT")

if ! command -v chromium >/dev/null; then
    if [ "$(id -u)" -ne 0 ]; then
        echo "gallery.sh: chromium is not installed; run as root to install it, or: apt-get install chromium" >&2
        exit 1
    fi
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium fonts-dejavu-core
fi

rm -rf "$OUT"
cargo run --quiet --example gallery -- "$OUT"
mkdir -p "$OUT/png"

profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT

# shot FILE WIDTH HEIGHT PNG [FLAG]   (--force-dark-mode: as a phone in dark mode shows it)
shot() {
    chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
        --disable-background-networking --disable-component-update --disable-sync \
        --disable-extensions --no-default-browser-check --mute-audio \
        --user-data-dir="$profile" --hide-scrollbars --force-device-scale-factor=1 \
        --window-size="$2,$3" --screenshot="$4" ${5:-} "file://$1" >/dev/null 2>&1
}

n=0
for html in "$OUT"/*.html; do
    name=$(basename "$html" .html)
    shot "$html" 1200 1400 "$OUT/png/$name-desktop.png"
    shot "$html" 390 1800 "$OUT/png/$name-phone.png"
    shot "$html" 390 1800 "$OUT/png/$name-phone-dark.png" --force-dark-mode
    n=$((n + 1))
done
cargo run --quiet --example gallery -- --trim "$OUT"/png/*.png
echo "gallery.sh: $n mails, $((n * 3)) pictures (desktop, phone, phone in dark mode) in $OUT/png"

# The README's pictures: the announcement, the agenda and the digest with its charts, as a
# member (Dev) gets them, each cropped to its content.
mkdir -p docs/gallery
for kind in announcement agenda digest; do
    name=$(basename "$(ls "$OUT"/*-"$kind"-dev.html | tail -1)" .html)
    for size in desktop phone; do
        cp "$OUT/png/$name-$size.png" "docs/gallery/$kind-$size.png"
    done
done
if command -v optipng >/dev/null; then
    optipng -quiet -o2 docs/gallery/*.png
fi
du -ch docs/gallery/*.png | tail -1
