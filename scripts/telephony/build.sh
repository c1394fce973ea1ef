#!/usr/bin/env bash
# Bundle the SIP adapter and the telephony pages for the browser (esbuild, sip.js inlined):
#   www/pkg/sip-adapter.js       -> www/telephony/dist/sip-adapter.js  (ESM)
#   www/telephony/psap.js        -> www/telephony/dist/psap.js
#   www/telephony/agent-test.js  -> www/telephony/dist/agent-test.js
set -euo pipefail
cd "$(dirname "$0")/../.."
ESBUILD=node_modules/.bin/esbuild
[ -x "$ESBUILD" ] || { echo "esbuild missing: run scripts/setup.sh (npm ci)" >&2; exit 1; }
timeout 60 "$ESBUILD" sip-adapter=www/pkg/sip-adapter.js psap=www/telephony/psap.js agent-test=www/telephony/agent-test.js \
  --bundle --format=esm --platform=browser --target=es2022 --sourcemap \
  --outdir=www/telephony/dist --log-level=warning "$@"
