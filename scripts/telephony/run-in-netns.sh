#!/usr/bin/env bash
# Run a command inside a network namespace whose only interface is lo (unshare -n).
#
#   scripts/telephony/run-in-netns.sh node --test www/telephony/e2e/security.e2e.mjs
#       the test files start their own stacks inside it (and can speak SIP to them from node)
#   TELEPHONY_STACK=1 scripts/telephony/run-in-netns.sh CMD
#       also starts one stack first (start.sh): CMD sees its TELEPHONY_* variables
#
# Everything is bounded by TELEPHONY_MAX_SECONDS (default 300). Without permission for
# unshare -n it says so and uses the host loopback instead.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
MAX="${TELEPHONY_MAX_SECONDS:-300}"
[ $# -gt 0 ] || { echo "usage: $0 CMD [ARGS...]" >&2; exit 2; }

if [ -z "${TELEPHONY_IN_NETNS:-}" ]; then
  if unshare -n true 2>/dev/null; then
    export TELEPHONY_IN_NETNS=1
    exec timeout -k 5 "$((MAX + 10))" unshare -n -- "$0" "$@"
  fi
  echo "run-in-netns: unshare -n is not permitted here; using the host loopback" >&2
  export TELEPHONY_IN_NETNS=0
fi
if [ "$TELEPHONY_IN_NETNS" = 1 ]; then ip link set lo up; fi
if [ "${TELEPHONY_STACK:-0}" != 1 ]; then exec timeout -k 5 "$MAX" "$@"; fi

env_lines="$("$HERE/start.sh")"
while IFS='=' read -r k v; do
  case "$k" in TELEPHONY_*) export "$k=$v" ;; esac
done <<<"$env_lines"
trap '"$HERE/stop.sh" "$TELEPHONY_STATE" ${TELEPHONY_KEEP_LOGS:+--keep-logs}' EXIT
trap 'exit 143' TERM
trap 'exit 130' INT
set +e
timeout -k 5 "$MAX" "$@"
rc=$?
exit $rc
