#!/usr/bin/env bash
# Sets up (idempotently), builds and serves the demo: a mock CRM agent workspace with the
# widget, on http://127.0.0.1:8080 (PORT=… to change).
set -euo pipefail
cd "$(dirname "$0")/.."
SKIP_TELEPHONY=1 bash scripts/setup.sh
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
echo "Serving the demo on http://127.0.0.1:${PORT:-8080}/ (Ctrl-C to stop)"
exec trunk serve --release --address 127.0.0.1 --port "${PORT:-8080}"
