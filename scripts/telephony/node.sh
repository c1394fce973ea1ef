#!/usr/bin/env bash
# Start, stop or restart one Kamailio node of a telephony stack that start.sh created (its state
# directory holds the namespace, the test CA, the shared secret and the logs).
#
#   scripts/telephony/node.sh start   STATE NAME ADDR WSS_PORT [-A NAME=VALUE ...]
#   scripts/telephony/node.sh stop    STATE NAME
#   scripts/telephony/node.sh kill    STATE NAME          (SIGKILL: a crash, for the load script)
#   scripts/telephony/node.sh restart STATE NAME          (same address, port and defines)
#
# The node runs `kamailio -DD -E -f www/telephony/kamailio.cfg` under `timeout` (the stack's
# TELEPHONY_MAX_SECONDS), inside the stack's network namespace when it has one; its log is
# STATE/NAME.log (appended across restarts), its kamcmd socket STATE/NAME.ctl
# (`kamcmd -s unix:STATE/NAME.ctl dmq.list_nodes`). `start` returns once the node accepts TCP on
# ADDR:WSS_PORT (10 s at most) and prints the port (WSS_PORT 0 = pick a free one).
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
cmd="${1:?usage: node.sh start|stop|restart STATE NAME ...}"
STATE="${2:?state dir}"
NAME="${3:?node name}"
case "$STATE" in /tmp/agent-dialer-telephony.*) ;; *) echo "node.sh: not a telephony state dir: $STATE" >&2; exit 2 ;; esac
[[ "$NAME" =~ ^[a-z0-9-]{1,20}$ ]] || { echo "node.sh: bad node name" >&2; exit 2; }
# shellcheck disable=SC1091
. "$STATE/stack.env"
NSX=()
[ -n "${NETNS_PID:-}" ] && NSX=(nsenter "--net=/proc/$NETNS_PID/ns/net" --)

stop_node() {
  local f="$STATE/node-$NAME.pid" pid
  [ -f "$f" ] || return 0
  pid="$(cat "$f")"
  if [[ "$pid" =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.05; done
    kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f "$f"
}

start_node() {
  local addr="$1" port="$2"; shift 2
  [[ "$addr" =~ ^127\.[0-9]+\.[0-9]+\.[0-9]+$ ]] || { echo "node.sh: loopback addresses only ($addr)" >&2; exit 2; }
  [[ "$port" =~ ^[0-9]+$ ]] || { echo "node.sh: bad port" >&2; exit 2; }
  if [ "$port" = 0 ]; then
    port="$("${NSX[@]}" node -e 'const s=require("net").createServer();s.listen(0,process.argv[1],()=>{console.log(s.address().port);s.close()})' "$addr")"
  fi
  printf '%q ' "$addr" "$port" "$@" >"$STATE/node-$NAME.args"
  local secret; secret="$(cat "$STATE/secret")"
  "${NSX[@]}" timeout -k 3 "$MAX_SECONDS" kamailio -DD -E -f "$ROOT/www/telephony/kamailio.cfg" -m 64 -M 8 \
    -A "LISTEN_ADDR=$addr" -A "WSS_PORT=$port" -A "AUTH_SECRET=\"$secret\"" \
    -A "TLS_CERT=\"$STATE/tls/server.pem\"" -A "TLS_KEY=\"$STATE/tls/server.key\"" \
    -A "CTL_SOCKET=\"unix:$STATE/$NAME.ctl\"" "$@" </dev/null >>"$STATE/$NAME.log" 2>&1 &
  local pid=$!
  echo "$pid" >"$STATE/node-$NAME.pid"
  for _ in $(seq 1 200); do
    kill -0 "$pid" 2>/dev/null || { echo "node.sh: kamailio $NAME exited during start-up" >&2; tail -n 30 "$STATE/$NAME.log" >&2; exit 1; }
    if "${NSX[@]}" bash -c "exec 3<>/dev/tcp/$addr/$port" 2>/dev/null; then echo "$port"; return 0; fi
    sleep 0.05
  done
  echo "node.sh: kamailio $NAME not listening on $addr:$port within 10 s" >&2
  stop_node
  exit 1
}

# A crash, not a shutdown: SIGKILL to the node's kamailio processes (its own tree, by pid).
kill_node() {
  local f="$STATE/node-$NAME.pid" pid main
  [ -f "$f" ] || return 0
  pid="$(cat "$f")"
  [[ "$pid" =~ ^[0-9]+$ ]] || return 0
  main="$(pgrep -P "$pid" -x kamailio | head -1)"
  if [ -n "$main" ]; then
    kill -STOP "$main" 2>/dev/null || true
    for child in $(pgrep -P "$main"); do kill -KILL "$child" 2>/dev/null || true; done
    kill -KILL "$main" 2>/dev/null || true
  fi
  kill -KILL "$pid" 2>/dev/null || true
  rm -f "$f"
}

case "$cmd" in
  start) shift 3; start_node "$@" ;;
  stop) stop_node ;;
  kill) kill_node ;;
  restart)
    [ -f "$STATE/node-$NAME.args" ] || { echo "node.sh: $NAME was never started" >&2; exit 2; }
    eval "set -- $(cat "$STATE/node-$NAME.args")"
    stop_node
    start_node "$@"
    ;;
  *) echo "node.sh: unknown command $cmd" >&2; exit 2 ;;
esac
