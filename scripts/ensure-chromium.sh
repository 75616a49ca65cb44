#!/usr/bin/env bash
# Run before `npm test` (npm's pretest): the dashboard's browser test drives Debian's Chromium, never a
# downloaded browser. Installs it with apt-get when it is missing; quiet and idempotent.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then
  exit 0
fi
echo "installing chromium with apt-get (for the dashboard's browser test)"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
    echo "Chromium is missing and this user cannot run apt-get: install the Debian package 'chromium' (apt-get install chromium)." >&2
    exit 1
  fi
fi
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >/dev/null
/usr/bin/chromium --version
