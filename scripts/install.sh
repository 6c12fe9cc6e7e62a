#!/bin/sh
# install.sh install|uninstall - the work of `make install` / `make uninstall`
# (mk/install.mk passes PREFIX, DESTDIR, BIN and MAN in the environment).
#
# install copies the binary, the bundled data (datasets/*.csv, *.manifest,
# *.md and datasets/verbatim/; not datasets/sources), the man page and the
# bash completion under DESTDIR/PREFIX, and writes
# PREFIX/share/cpr-stats/install-manifest: one line per file ("f PATH") and per
# directory it had to create ("d PATH", at or below PREFIX), paths without
# DESTDIR. uninstall removes exactly the files listed, then each listed
# directory that is empty again, deepest first; nothing else.
set -eu
mode=${1:-}
PREFIX=${PREFIX:-/usr/local}
DESTDIR=${DESTDIR:-}
case $PREFIX in /*) ;; *) echo "install: PREFIX must be an absolute path, not '$PREFIX'" >&2; exit 2 ;; esac
PREFIX=$(printf '%s\n' "$PREFIX" | sed 's://*:/:g; s:/$::')
[ -n "$PREFIX" ] || { echo "install: PREFIX=/ is not supported (use /usr)" >&2; exit 2; }
share=$PREFIX/share/cpr-stats
manifest=$share/install-manifest

case $mode in
install)
    BIN=${BIN:-build/cpr-stats}; MAN=${MAN:-build/cpr-stats.1}
    for f in "$BIN" "$MAN" completions/cpr-stats.bash datasets/catalogue.csv datasets/lac_panel.csv; do
        [ -f "$f" ] || { echo "install: $f missing (run make first)" >&2; exit 1; }
    done
    list=$(mktemp); trap 'rm -f "$list"' EXIT
    # directories recorded by an earlier install stay ours
    [ -f "$DESTDIR$manifest" ] && grep '^d ' "$DESTDIR$manifest" > "$list" || :
    mkd() { # create DIR (without DESTDIR) and its missing parents; record those at or below PREFIX
        [ -d "$DESTDIR$1" ] && return 0
        case $1 in /) mkdir -p "$DESTDIR/"; return 0 ;; esac
        mkd "$(dirname "$1")"
        mkdir -m 755 "$DESTDIR$1"
        case $1 in "$PREFIX" | "$PREFIX"/*) echo "d $1" >> "$list" ;; esac
    }
    put() { # put MODE SRC DEST
        mkd "$(dirname "$3")"
        install -m "$1" "$2" "$DESTDIR$3"
        echo "f $3" >> "$list"
        echo "  $3"
    }
    echo "install: into $DESTDIR$PREFIX"
    put 755 "$BIN" "$PREFIX/bin/cpr-stats"
    for f in datasets/*.csv datasets/*.manifest datasets/*.md; do
        [ -f "$f" ] && put 644 "$f" "$share/${f#datasets/}"
    done
    for f in datasets/verbatim/*; do
        [ -f "$f" ] && put 644 "$f" "$share/verbatim/${f##*/}"
    done
    put 644 "$MAN" "$PREFIX/share/man/man1/cpr-stats.1"
    put 644 completions/cpr-stats.bash "$PREFIX/share/bash-completion/completions/cpr-stats"
    echo "f $manifest" >> "$list"
    # files first, in install order; then directories, parents first
    { grep '^f ' "$list"; grep '^d ' "$list" | awk '!seen[$0]++'; } > "$DESTDIR$manifest.tmp"
    chmod 644 "$DESTDIR$manifest.tmp"
    mv "$DESTDIR$manifest.tmp" "$DESTDIR$manifest"
    echo "install: done; 'make uninstall PREFIX=$PREFIX${DESTDIR:+ DESTDIR=$DESTDIR}' removes it (list: $manifest)"
    ;;
uninstall)
    [ -f "$DESTDIR$manifest" ] || { echo "uninstall: no $DESTDIR$manifest: cpr-stats is not installed under $DESTDIR$PREFIX" >&2; exit 1; }
    # refuse a manifest naming anything outside PREFIX
    if grep -v -e "^[fd] $PREFIX/" -e "^d $PREFIX\$" "$DESTDIR$manifest" | grep -q .; then
        echo "uninstall: $DESTDIR$manifest names paths outside $PREFIX; nothing removed" >&2; exit 1
    fi
    dirs=$(sed -n 's/^d //p' "$DESTDIR$manifest" | awk '{ print length($0) "\t" $0 }' | sort -rn | cut -f2-)
    sed -n 's/^f //p' "$DESTDIR$manifest" | while IFS= read -r f; do
        rm -f "$DESTDIR$f" && echo "  removed $f"
    done
    printf '%s\n' "$dirs" | while IFS= read -r d; do
        [ -n "$d" ] || continue
        if rmdir "$DESTDIR$d" 2>/dev/null; then echo "  removed $d/"
        elif [ -d "$DESTDIR$d" ]; then echo "  kept $d/ (not empty)"; fi
    done
    echo "uninstall: done"
    ;;
*) echo "usage: PREFIX=... [DESTDIR=...] $0 install|uninstall" >&2; exit 2 ;;
esac
