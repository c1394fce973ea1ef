#!/usr/bin/env bash
# The demo. By default the real stack on this computer's loopback (127.0.0.1 only): Kamailio
# (SIP over WebSocket, authenticated), the page server (which also issues the SIP credentials, as
# a CRM's backend would) and three pages — the CRM with the widget on agent-dialer/sip, the
# emergency service's (PSAP) console and a customer's phone. Dial 911, answer, talk, drop, get
# called back. Ctrl-C stops everything.
#
#   bash scripts/demo.sh          real telephony (plain ws:// on 127.0.0.1: no certificate to trust)
#   bash scripts/demo.sh --tls    the deployable transport: wss:// with a throw-away test CA
#   bash scripts/demo.sh --sim    the simulated host instead (no SIP; DEMO=sim does the same)
#
# Ports (127.0.0.1): PORT (pages, default 8080), SIP_WS_PORT (8088), SIP_WSS_PORT (8443); 0 = any
# free port. DEMO_PREBUILT=1 skips setup and builds (the end-to-end test of this script).
set -euo pipefail
cd "$(dirname "$0")/.."
mode="${DEMO:-sip}"
tls=0
for arg in "$@"; do
  case "$arg" in
    --sim) mode=sim ;;
    --tls) tls=1 ;;
    *) echo "demo.sh: unknown option $arg (--sim, --tls)" >&2; exit 2 ;;
  esac
done
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"

if [ "$mode" = sim ]; then
  SKIP_TELEPHONY=1 bash scripts/setup.sh
  echo "Serving the simulated demo on http://127.0.0.1:${PORT:-8080}/ (Ctrl-C to stop)"
  exec trunk serve --release --address 127.0.0.1 --port "${PORT:-8080}"
fi

if [ "${DEMO_PREBUILT:-0}" != 1 ]; then
  bash scripts/setup.sh
  trunk build --release
  scripts/telephony/build.sh
fi

plain=1
[ "$tls" = 1 ] && plain=0
env_lines="$(TELEPHONY_PLAIN_WS=$plain HTTP_PORT="${PORT:-8080}" WS_PORT="${SIP_WS_PORT:-8088}" \
  WSS_PORT="${SIP_WSS_PORT:-8443}" TELEPHONY_MAX_SECONDS="${DEMO_MAX_SECONDS:-28800}" \
  ROOT_REDIRECT="/index.html?telephony=sip" scripts/telephony/start.sh)" || {
  echo "demo.sh: the stack did not start (ports in use? set PORT, SIP_WS_PORT, SIP_WSS_PORT)" >&2
  exit 1
}
declare -A T
while IFS='=' read -r k v; do T[$k]="$v"; done <<<"$env_lines"
cleanup() { scripts/telephony/stop.sh "${T[TELEPHONY_STATE]}"; }
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

base="${T[TELEPHONY_HTTP_URL]}/telephony"
cat <<EOF

agent-dialer demo — real telephony on 127.0.0.1 (Kamailio + WebRTC). Open each page in its own
tab or window of your browser:

  1. CRM with the dialer            ${T[TELEPHONY_HTTP_URL]}/index.html?telephony=sip
  2. Emergency service (PSAP)       $base/psap.html?user=psap
  3. Customer's phone               $base/psap.html?user=customer

Try: type 911 in the CRM and press Call; Answer in the PSAP console (its location table shows
the PIDF-LO the call carried); talk; press "Drop call"; then "Call back" — the dialer answers
at once, even in Do Not Disturb. Allow the microphone when asked (no microphone: each side
hears a quiet tone instead). Any other number rings the customer's phone.

EOF
if [ "$tls" = 1 ]; then
  cat <<EOF
SIP runs over wss://127.0.0.1:${T[TELEPHONY_WSS_PORT]} with a throw-away test CA
(${T[TELEPHONY_CA]}). Trust that one key only, e.g. with a separate Chromium profile:
  chromium --user-data-dir="\$(mktemp -d)" --ignore-certificate-errors-spki-list=${T[TELEPHONY_SPKI]} ${T[TELEPHONY_HTTP_URL]}/

EOF
else
  echo "SIP runs over plain ws://127.0.0.1 (never leaves this computer); bash scripts/demo.sh --tls for wss."
  echo
fi
echo "Logs: ${T[TELEPHONY_STATE]}/k1.log. Ctrl-C stops everything."
# Runs until Ctrl-C (or the stack's time limit).
while kill -0 "$(awk '$1 == "http" { print $2 }' "${T[TELEPHONY_STATE]}/pids")" 2>/dev/null; do sleep 1; done
