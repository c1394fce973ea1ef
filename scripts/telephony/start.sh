#!/usr/bin/env bash
# Start the loopback telephony stack for agent-dialer: Kamailio (SIP over WebSocket, config
# www/telephony/kamailio.cfg) in the foreground mode `kamailio -DD -E`, plus a static file
# server for www/, both on free ports of 127.0.0.1, both under `timeout`.
#
#   scripts/telephony/start.sh [--netns]
#
# The static server serves www/ and, for paths not under www/, the built widget in dist/.
#
#   --netns  first create a network namespace whose only interface is lo (unshare -n, held by a
#            bounded `sleep`), and start everything inside it. Join it with
#            `nsenter --net=/proc/$TELEPHONY_NETNS_PID/ns/net CMD` (scripts/telephony/chromium-netns.sh
#            does that for Chromium). Falls back to the host loopback when unshare -n is not
#            permitted (TELEPHONY_NETNS=0 in the output, and a warning on stderr).
#   Without --netns: start in the current network namespace (run-in-netns.sh uses this).
#
# Prints KEY=VALUE lines (also saved in $TELEPHONY_STATE/env), for `eval`:
#   TELEPHONY_STATE  TELEPHONY_NETNS  TELEPHONY_NETNS_PID  TELEPHONY_WS_URL  TELEPHONY_HTTP_URL
# Stop with: scripts/telephony/stop.sh "$TELEPHONY_STATE"   (logs are in that directory)
#
# Environment: TELEPHONY_MAX_SECONDS (lifetime bound of every process, default 300),
#   CALLBACK_TTL (seconds, default 3600), KAMAILIO_DEBUG (log level, default 1).
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
MAX="${TELEPHONY_MAX_SECONDS:-300}"
TTL="${CALLBACK_TTL:-3600}"
KDEBUG="${KAMAILIO_DEBUG:-1}"
CFG="$ROOT/www/telephony/kamailio.cfg"
for v in "$MAX" "$TTL" "$KDEBUG"; do [[ "$v" =~ ^[0-9]+$ ]] || { echo "start.sh: numeric settings only" >&2; exit 2; }; done
command -v kamailio >/dev/null || { echo "start.sh: kamailio not installed (scripts/setup.sh)" >&2; exit 1; }

STATE="$(mktemp -d /tmp/agent-dialer-telephony.XXXXXX)"
: >"$STATE/pids"
fail() {
  echo "start.sh: $*" >&2
  for f in "$STATE"/*.log; do [ -s "$f" ] && { echo "--- $f" >&2; tail -n 30 "$f" >&2; }; done
  "$HERE/stop.sh" "$STATE" >/dev/null 2>&1 || true
  exit 1
}
record() { echo "$1 $2" >>"$STATE/pids"; }

NSX=()          # command prefix that enters the namespace (empty: current one)
NETNS=0
NETNS_PID=""
if [ "${1:-}" = "--netns" ]; then
  if unshare -n true 2>/dev/null; then
    # The holder: a bounded sleep in a fresh network namespace with lo up.
    unshare -n -- timeout -k 2 "$MAX" sh -c 'ip link set lo up && exec sleep '"$MAX" \
      </dev/null >"$STATE/netns.log" 2>&1 &
    NETNS_PID=$!
    record netns "$NETNS_PID"
    self_ns="$(readlink /proc/$$/ns/net)"
    for _ in $(seq 1 100); do
      ns="$(readlink "/proc/$NETNS_PID/ns/net" 2>/dev/null || true)"
      if [ -n "$ns" ] && [ "$ns" != "$self_ns" ] &&
        nsenter --net="/proc/$NETNS_PID/ns/net" ip -o link show lo 2>/dev/null | grep -q '[<,]UP[,>]'; then
        break
      fi
      kill -0 "$NETNS_PID" 2>/dev/null || fail "network namespace holder exited"
      sleep 0.05
    done
    nsenter --net="/proc/$NETNS_PID/ns/net" ip -o link show lo | grep -q '[<,]UP[,>]' || fail "lo not up in namespace"
    NSX=(nsenter "--net=/proc/$NETNS_PID/ns/net" --)
    NETNS=1
  else
    echo "start.sh: unshare -n is not permitted here; using the host loopback (127.0.0.1)" >&2
  fi
elif [ "$(ip -o link 2>/dev/null | wc -l)" = 1 ]; then
  NETNS=1 # already in a lo-only namespace (run-in-netns.sh)
fi

free_port() {
  "${NSX[@]}" node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'
}
WS_PORT="$(free_port)"
HTTP_PORT="$(free_port)"
while [ "$HTTP_PORT" = "$WS_PORT" ]; do HTTP_PORT="$(free_port)"; done

"${NSX[@]}" timeout -k 3 "$MAX" kamailio -DD -E -f "$CFG" -m 64 -M 8 \
  -A "WS_PORT=$WS_PORT" -A "CALLBACK_TTL=$TTL" -A "DEBUG_LEVEL=$KDEBUG" \
  </dev/null >"$STATE/kamailio.log" 2>&1 &
record kamailio $!
"${NSX[@]}" timeout -k 3 "$MAX" node "$HERE/static-server.mjs" "$ROOT/www" "$HTTP_PORT" "$ROOT/dist" \
  </dev/null >"$STATE/http.log" 2>&1 &
record http $!

listening() { "${NSX[@]}" bash -c "exec 3<>/dev/tcp/127.0.0.1/$1" 2>/dev/null; }
for _ in $(seq 1 200); do
  while read -r name pid; do kill -0 "$pid" 2>/dev/null || fail "$name exited during start-up"; done <"$STATE/pids"
  if listening "$WS_PORT" && listening "$HTTP_PORT"; then
    {
      echo "TELEPHONY_STATE=$STATE"
      echo "TELEPHONY_NETNS=$NETNS"
      echo "TELEPHONY_NETNS_PID=$NETNS_PID"
      echo "TELEPHONY_WS_URL=ws://127.0.0.1:$WS_PORT"
      echo "TELEPHONY_HTTP_URL=http://127.0.0.1:$HTTP_PORT"
    } | tee "$STATE/env"
    exit 0
  fi
  sleep 0.05
done
fail "servers did not start listening within 10 s"
