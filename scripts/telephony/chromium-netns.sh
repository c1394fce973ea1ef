#!/usr/bin/env bash
# Chromium inside the namespace start.sh --netns created (playwright's executablePath).
# Needs TELEPHONY_NETNS_PID in the environment; passes every argument to /usr/bin/chromium.
set -euo pipefail
pid="${TELEPHONY_NETNS_PID:-}"
[[ "$pid" =~ ^[0-9]+$ ]] || { echo "chromium-netns: TELEPHONY_NETNS_PID not set" >&2; exit 2; }
exec nsenter "--net=/proc/$pid/ns/net" -- "${CHROMIUM:-/usr/bin/chromium}" "$@"
