#!/usr/bin/env bash
# Stop what scripts/telephony/start.sh (and node.sh) started — only processes whose command line
# names this state directory — newest first, then remove the directory.
#   scripts/telephony/stop.sh "$TELEPHONY_STATE" [--keep-logs]
set -uo pipefail
STATE="${1:?usage: stop.sh STATE_DIR [--keep-logs]}"
case "$STATE" in /tmp/agent-dialer-telephony.*) ;; *) echo "stop.sh: not a telephony state dir: $STATE" >&2; exit 2 ;; esac
[ -d "$STATE" ] || exit 0
pids=()
for f in "$STATE"/node-*.pid; do [ -f "$f" ] && pids+=("$(cat "$f")"); done
if [ -f "$STATE/pids" ]; then
  while read -r _ pid; do pids+=("$pid"); done < <(tac "$STATE/pids")
fi
ours() { [[ "$1" =~ ^[0-9]+$ ]] && tr '\0' ' ' 2>/dev/null <"/proc/$1/cmdline" | grep -qF -- "$STATE"; }
live=()
for pid in "${pids[@]}"; do
  if ours "$pid"; then kill -TERM "$pid" 2>/dev/null && live+=("$pid"); fi
done
for pid in "${live[@]}"; do
  for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.05; done
  ours "$pid" && kill -KILL "$pid" 2>/dev/null
done
if [ "${2:-}" != "--keep-logs" ]; then rm -rf -- "$STATE"; fi
exit 0
