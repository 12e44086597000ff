#!/usr/bin/env bash
# Install plangen and everything it needs on Debian/Ubuntu: LibreOffice (for PDF), fonts
# metric-compatible with Times New Roman, poppler (PDF pages to images), then the package itself
# with its test tools. Safe to run again: it installs only what is missing.
set -euo pipefail
cd "$(dirname "$0")"

export DEBIAN_FRONTEND=noninteractive
need_apt=()
command -v soffice >/dev/null 2>&1 || need_apt+=(libreoffice-writer-nogui)
command -v pdftoppm >/dev/null 2>&1 || need_apt+=(poppler-utils)
fc-list 2>/dev/null | grep -qi "Liberation Serif" || need_apt+=(fonts-liberation fontconfig)
if [ ${#need_apt[@]} -gt 0 ]; then
    SUDO=""
    [ "$(id -u)" -eq 0 ] || SUDO="sudo"
    echo "Cài đặt / installing: ${need_apt[*]}"
    $SUDO apt-get update -qq
    $SUDO apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
fi

python3 -m pip install -q --disable-pip-version-check -e '.[test]'
