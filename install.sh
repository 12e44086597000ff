#!/usr/bin/env bash
# Install plangen and everything it needs on Debian/Ubuntu: LibreOffice (for PDF), fonts
# metric-compatible with Times New Roman that cover Vietnamese (fonts-liberation2: the older
# fonts-liberation 1.07 lacks letters such as ứ ớ ậ, which then come out in another typeface),
# poppler (PDF pages to images), pandoc (tests read documents as other tools do), then the
# package itself with its test tools. Safe to run again: it installs only what is missing.
# `plangen doctor` checks the result.
set -euo pipefail
cd "$(dirname "$0")"

export DEBIAN_FRONTEND=noninteractive
need_apt=()
command -v soffice >/dev/null 2>&1 || need_apt+=(libreoffice-writer-nogui)
# Calc: locality tables and filled workbooks saved by LibreOffice (soffice --convert-to xlsx)
[ -e /usr/lib/libreoffice/program/libsclo.so ] || need_apt+=(libreoffice-calc-nogui)
command -v pdftoppm >/dev/null 2>&1 || need_apt+=(poppler-utils)
command -v pandoc >/dev/null 2>&1 || need_apt+=(pandoc)
# Liberation Serif with the Vietnamese letters (U+1EA0–U+1EF9) is the one in fonts-liberation2
fc-list ':family=Liberation Serif:charset=1ea0-1ef9' 2>/dev/null | grep -q . \
    || need_apt+=(fonts-liberation2 fontconfig)
if [ ${#need_apt[@]} -gt 0 ]; then
    SUDO=""
    [ "$(id -u)" -eq 0 ] || SUDO="sudo"
    echo "Cài đặt / installing: ${need_apt[*]}"
    $SUDO apt-get update -qq
    $SUDO apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
fi

python3 -m pip install -q --disable-pip-version-check -e '.[test]'
