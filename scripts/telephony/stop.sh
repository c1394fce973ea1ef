#!/usr/bin/env bash
# Stop what scripts/telephony/start.sh started (by the pids it recorded, newest first), then
# remove its state directory.   scripts/telephony/stop.sh "$TELEPHONY_STATE" [--keep-logs]
set -uo pipefail
STATE="${1:?usage: stop.sh STATE_DIR [--keep-logs]}"
case "$STATE" in /tmp/agent-dialer-telephony.*) ;; *) echo "stop.sh: not a telephony state dir: $STATE" >&2; exit 2 ;; esac
[ -f "$STATE/pids" ] || exit 0
mapfile -t lines < <(tac "$STATE/pids")
for line in "${lines[@]}"; do
  pid="${line##* }"
  [[ "$pid" =~ ^[0-9]+$ ]] && kill -TERM "$pid" 2>/dev/null
done
for line in "${lines[@]}"; do
  pid="${line##* }"
  [[ "$pid" =~ ^[0-9]+$ ]] || continue
  for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.05; done
  kill -KILL "$pid" 2>/dev/null
done
if [ "${2:-}" != "--keep-logs" ]; then rm -rf -- "$STATE"; fi
exit 0
