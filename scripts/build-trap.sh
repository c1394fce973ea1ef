#!/usr/bin/env bash
# Test-only build: the widget's wasm with the cargo feature `test-trap` (src/host/fault.rs
# exports `__trap()` and `__trapOnEvent(target, type)`), named as the Trunk build names it
# (agent-dialer.js + agent-dialer_bg.wasm + snippets/) into target/trap-build/. Only
# www/e2e/fallback.e2e.mjs uses it, serving it in place of dist/'s files; it is never copied into
# dist/ or pkg/ (trunk-post-build.mjs and build-pkg.sh refuse a glue that exports `__trap`).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
TARGET_DIR="${CARGO_TARGET_DIR:-target}"
OUT="$TARGET_DIR/trap-build"
cargo build --locked --release --target wasm32-unknown-unknown --lib --features test-trap
rm -rf "$OUT" && mkdir -p "$OUT"
# No wasm-opt: the test needs the behaviour, not the size (and keeps function names in stacks).
wasm-bindgen --target web --out-dir "$OUT" --out-name agent-dialer "$TARGET_DIR/wasm32-unknown-unknown/release/agent_dialer.wasm"
