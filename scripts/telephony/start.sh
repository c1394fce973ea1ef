#!/usr/bin/env bash
# Start the loopback telephony stack for agent-dialer: Kamailio (www/telephony/kamailio.cfg:
# SIP over secure WebSocket, ephemeral credentials) in the foreground mode `kamailio -DD -E`,
# plus the page server (static files + the credential service), on free ports of 127.0.0.1,
# every process under `timeout`.
#
#   scripts/telephony/start.sh [--netns]
#
# Made here, at start: a throw-away test CA and server certificate (make-certs.sh) and a random
# shared secret (Kamailio's auth_ephemeral and the page server's /credentials both use it).
#
#   --netns  first create a network namespace whose only interface is lo (unshare -n, held by a
#            bounded `sleep`), and start everything inside it. Join it with
#            `nsenter --net=/proc/$TELEPHONY_NETNS_PID/ns/net CMD` (scripts/telephony/chromium-netns.sh
#            does that for Chromium). Falls back to the host loopback when unshare -n is not
#            permitted (TELEPHONY_NETNS=0 in the output, and a warning on stderr).
#   Without --netns: start in the current network namespace (run-in-netns.sh, demo.sh).
#
# Prints KEY=VALUE lines (also saved in $TELEPHONY_STATE/env), for `eval`:
#   TELEPHONY_STATE  TELEPHONY_NETNS  TELEPHONY_NETNS_PID  TELEPHONY_HTTP_URL
#   TELEPHONY_WS_URL (wss://127.0.0.1:PORT)  TELEPHONY_WSS_PORT  TELEPHONY_CA  TELEPHONY_SPKI
#   TELEPHONY_SECRET_FILE  TELEPHONY_PLAIN_WS_URL (only with TELEPHONY_PLAIN_WS=1)
# Stop with: scripts/telephony/stop.sh "$TELEPHONY_STATE"   (logs are in that directory)
#
# Environment: TELEPHONY_MAX_SECONDS (lifetime bound of every process, default 300),
#   CALLBACK_TTL (seconds, default 3600), CALLBACK_POOL (pool size, default 100),
#   KAMAILIO_DEBUG (log level, default 1), TELEPHONY_START_KAMAILIO=0 (no node yet: start it
#   later with node.sh start "$TELEPHONY_STATE" k1 127.0.0.1 "$TELEPHONY_WSS_PORT"),
#   TELEPHONY_PLAIN_WS=1 (the local demo: also plain ws:// on 127.0.0.1, see the README),
#   HTTP_PORT / WSS_PORT / WS_PORT (fixed ports instead of free ones), CREDENTIAL_USERS,
#   ROOT_REDIRECT (where the page server sends "/"). The page server's /config.json names the
#   SIP server pages use by default (the plain ws URL with TELEPHONY_PLAIN_WS=1, else wss).
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
MAX="${TELEPHONY_MAX_SECONDS:-300}"
TTL="${CALLBACK_TTL:-3600}"
POOL="${CALLBACK_POOL:-100}"
KDEBUG="${KAMAILIO_DEBUG:-1}"
for v in "$MAX" "$TTL" "$POOL" "$KDEBUG" "${HTTP_PORT:-0}" "${WSS_PORT:-0}" "${WS_PORT:-0}"; do
  [[ "$v" =~ ^[0-9]+$ ]] || { echo "start.sh: numeric settings only" >&2; exit 2; }
done
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
    # ($STATE is the holder's $0: stop.sh checks a pid's command line names the state dir.)
    unshare -n -- timeout -k 2 "$MAX" sh -c 'ip link set lo up && exec sleep '"$MAX" "$STATE" \
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
pick() { if [ "${1:-0}" != 0 ]; then echo "$1"; else free_port; fi; }
WSS_PORT="$(pick "${WSS_PORT:-0}")"
HTTP_PORT="$(pick "${HTTP_PORT:-0}")"
while [ "$HTTP_PORT" = "$WSS_PORT" ]; do HTTP_PORT="$(free_port)"; done
PLAIN=()
if [ "${TELEPHONY_PLAIN_WS:-0}" = 1 ]; then
  WS_PORT="$(pick "${WS_PORT:-0}")"
  PLAIN=(-A WITH_LOOPBACK_WS -A "WS_PORT=$WS_PORT")
fi

# Test CA + server certificate, and the shared secret (never on disk outside STATE).
"$HERE/make-certs.sh" "$STATE/tls" || fail "could not make the test certificates"
(umask 077 && head -c 32 /dev/urandom | base64 | tr -d '\n' >"$STATE/secret")
{
  echo "NETNS_PID=$NETNS_PID"
  echo "MAX_SECONDS=$MAX"
} >"$STATE/stack.env"

SIP_SERVER_URL="wss://127.0.0.1:$WSS_PORT"
[ ${#PLAIN[@]} -gt 0 ] && SIP_SERVER_URL="ws://127.0.0.1:$WS_PORT"
"${NSX[@]}" env CREDENTIALS_SECRET_FILE="$STATE/secret" CREDENTIAL_USERS="${CREDENTIAL_USERS:-}" \
  SIP_SERVER_URL="$SIP_SERVER_URL" ROOT_REDIRECT="${ROOT_REDIRECT:-}" \
  timeout -k 3 "$MAX" node "$HERE/static-server.mjs" "$ROOT/www" "$HTTP_PORT" "$ROOT/dist" "--state=$STATE" \
  </dev/null >"$STATE/http.log" 2>&1 &
record http $!

if [ "${TELEPHONY_START_KAMAILIO:-1}" = 1 ]; then
  "$HERE/node.sh" start "$STATE" k1 127.0.0.1 "$WSS_PORT" \
    -A "CALLBACK_TTL=$TTL" -A "CALLBACK_POOL=$POOL" -A "DEBUG_LEVEL=$KDEBUG" ${PLAIN[@]+"${PLAIN[@]}"} >/dev/null ||
    fail "kamailio did not start"
fi

listening() { "${NSX[@]}" bash -c "exec 3<>/dev/tcp/127.0.0.1/$1" 2>/dev/null; }
for _ in $(seq 1 200); do
  while read -r name pid; do
    case "$name" in kamailio-*) continue ;; esac # node.sh watches its nodes
    kill -0 "$pid" 2>/dev/null || fail "$name exited during start-up"
  done <"$STATE/pids"
  if listening "$HTTP_PORT"; then
    {
      echo "TELEPHONY_STATE=$STATE"
      echo "TELEPHONY_NETNS=$NETNS"
      echo "TELEPHONY_NETNS_PID=$NETNS_PID"
      echo "TELEPHONY_WS_URL=wss://127.0.0.1:$WSS_PORT"
      echo "TELEPHONY_WSS_PORT=$WSS_PORT"
      echo "TELEPHONY_HTTP_URL=http://127.0.0.1:$HTTP_PORT"
      echo "TELEPHONY_CA=$STATE/tls/ca.pem"
      echo "TELEPHONY_SPKI=$(cat "$STATE/tls/spki")"
      echo "TELEPHONY_SECRET_FILE=$STATE/secret"
      if [ ${#PLAIN[@]} -gt 0 ]; then echo "TELEPHONY_PLAIN_WS_URL=ws://127.0.0.1:$WS_PORT"; fi
    } | tee "$STATE/env"
    exit 0
  fi
  sleep 0.05
done
fail "the page server did not start listening within 10 s"
