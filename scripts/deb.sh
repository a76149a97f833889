#!/usr/bin/env bash
# Builds roundtable's Debian package with cargo-deb (installed with cargo when missing):
# /usr/bin/roundtable, the sandboxed systemd unit roundtable.service (installed, not enabled),
# /usr/share/doc/roundtable/{README.md,roundtable.toml.example}, and a postinst that makes the
# system user `roundtable` and /etc/roundtable. Prints the path of the .deb.
#
#   ./scripts/deb.sh            # target/debian/roundtable_VERSION_ARCH.deb
#   dpkg -i target/debian/roundtable_*.deb
#   roundtable --config /etc/roundtable/roundtable.toml init --force   # or edit the example
#   systemctl enable --now roundtable
set -euo pipefail
cd "$(dirname "$0")/.."
if ! cargo deb --version >/dev/null 2>&1; then
    echo "deb.sh: installing cargo-deb (cargo install cargo-deb --locked)" >&2
    cargo install cargo-deb --locked
fi
cargo deb -p roundtable "$@" | tail -n 1
