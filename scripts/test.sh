#!/usr/bin/env bash
# Sets up (idempotently) and runs every test layer:
#   1. native `cargo test` (the pure core, scenario and property tests),
#   2. browser component tests (wasm-bindgen-test in headless Chromium),
#   3. end-to-end tests (playwright-core + Chromium against the built pages; real SIP on loopback,
#      inside a network namespace whose only interface is lo).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
export CHROMEDRIVER=/usr/bin/chromedriver
start=$SECONDS
section() { printf '\n\033[1m== %s (%ss)\033[0m\n' "$*" "$((SECONDS - start))"; }

section "0/3 static checks"
cargo fmt --all -- --check
# The fuzz targets (fuzz/, a crate of its own): formatted, and still building against the core.
# Fuzzing itself is `bash scripts/fuzz.sh` (nightly, minutes): too slow for CI (RELIABILITY.md).
cargo fmt --manifest-path fuzz/Cargo.toml -- --check
cargo check -q --locked --manifest-path fuzz/Cargo.toml --bins
# The npm package's .d.ts against a typed host app and the JavaScript's exports (tsc --noEmit).
node scripts/check-types.mjs

section "1/3 native tests (cargo test: the widget and geo/, the reverse geocoder) and JS unit tests (node --test)"
cargo test --locked --workspace
# The fallback dialer's number recognition against the engine's vectors and tables (www/test/).
node --test www/test/

section "2/3 browser component tests (wasm-bindgen-test, headless Chromium)"
browser_tests=()
for f in tests/browser_*.rs; do browser_tests+=(--test "$(basename "$f" .rs)"); done
# With the cargo feature `admin`: the emergency settings surface is tested too (browser_settings.rs).
WASM_BINDGEN_TEST_TIMEOUT=120 cargo test --locked --target wasm32-unknown-unknown --features admin "${browser_tests[@]}"

section "3/3 end-to-end tests (Chromium: demo, UI, runtime, embedding)"
trunk build --release
# The size budget: the agent's initial download (wasm + glue + snippets + CSS, brotli) must not
# grow past scripts/size-budget.json (bytes are deterministic for a toolchain; BENCHMARKS.md).
node scripts/size-report.mjs --check | tail -n 1
# The npm package (pkg/agent-dialer-0.1.0.tgz) and the sample Vite host app that installs it
# (www/e2e/embedding.e2e.mjs). `npm ci` installs the freshly packed tarball: the sample's lockfile
# carries no integrity for it, since it changes with every build.
bash scripts/build-pkg.sh
# The test-only trap build (cargo feature test-trap) for www/e2e/fallback.e2e.mjs; never shipped.
bash scripts/build-trap.sh
(cd www/sample-vite && npm ci --no-audit --no-fund --loglevel=error && npx --no-install vite build --logLevel warn)
ui_e2e=()
for f in www/e2e/*.e2e.mjs; do
  case "$f" in www/e2e/telephony*.e2e.mjs | www/e2e/demo-sip.e2e.mjs) ;; *) ui_e2e+=("$f") ;; esac
done
node --test --test-concurrency=1 "${ui_e2e[@]}" ${EXTRA_E2E:-}

section "3b/3 telephony end to end (Kamailio, wss, agent-dialer/sip, Chromium; loopback-only netns)"
# One network namespace with only lo for all of them (run-in-netns.sh, bounded); each file
# starts its own Kamailio + page server inside it, so node-side SIP clients reach them too.
node --test www/telephony/test/*.test.mjs
TELEPHONY_MAX_SECONDS=600 scripts/telephony/run-in-netns.sh node --test --test-concurrency=1 \
  www/e2e/telephony.e2e.mjs www/e2e/demo-sip.e2e.mjs www/telephony/e2e/*.e2e.mjs
# A small, bounded run of the cluster load script (figures: BENCHMARKS.md), failing on any lost
# callback, number handed out twice or call not completed, also across a node crash.
TELEPHONY_MAX_SECONDS=120 scripts/telephony/run-in-netns.sh \
  node scripts/telephony/load.mjs --agents 12 --ordinary 1 --kill --check --max-seconds 90
section "all layers passed"
