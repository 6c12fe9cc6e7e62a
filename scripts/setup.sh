#!/bin/sh
# Install what cpr-stats needs to build and run, from Debian packages.
# Idempotent: does nothing when everything is present. Uses sudo when not
# root; when neither works it prints exactly what to install and fails.
set -eu
PKGS="make gcc libgsl-dev libcsv-dev libjansson-dev libcmocka-dev gnuplot-nox libreadstat-dev zlib1g-dev"
[ "${CPR_SETUP_EXTRA:-}" ] && PKGS="$PKGS $CPR_SETUP_EXTRA"

missing=""
for p in $PKGS; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
        missing="$missing $p"
    fi
done
[ -z "$missing" ] && exit 0

echo "setup: installing:$missing" >&2
if [ "$(id -u)" -eq 0 ]; then SUDO=""
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then SUDO="sudo"
else
    echo "setup: cannot install packages (not root, no sudo). Please run as root:" >&2
    echo "  apt-get update && apt-get install -y$missing" >&2
    exit 1
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq >&2
# shellcheck disable=SC2086
$SUDO apt-get install -y -qq --no-install-recommends $missing >&2
