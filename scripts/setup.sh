#!/usr/bin/env bash
# Idempotent setup for agent-dialer: installs each tool only when it is missing or not at
# the pinned version, so a second run costs seconds. Used by both README commands and CI.
set -euo pipefail
cd "$(dirname "$0")/.."

WASM_BINDGEN_VERSION=0.2.130   # must equal the `wasm-bindgen = "=…"` pin in Cargo.toml
TRUNK_VERSION=0.21.14          # 0.22 needs a newer rustc than this machine has
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"

log() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }
SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"

# --- Debian packages: Chromium + driver for browser tests, Kamailio (+ TLS, auth_ephemeral) and
#     openssl (the test CA) for real telephony.
want_apt=()
command -v chromium >/dev/null || want_apt+=(chromium)
command -v chromedriver >/dev/null || want_apt+=(chromium-driver)
if [ "${SKIP_TELEPHONY:-0}" != 1 ]; then
  dpkg -s kamailio >/dev/null 2>&1 || want_apt+=(kamailio)
  dpkg -s kamailio-websocket-modules >/dev/null 2>&1 || want_apt+=(kamailio-websocket-modules)
  dpkg -s kamailio-extra-modules >/dev/null 2>&1 || want_apt+=(kamailio-extra-modules)
  # wss (tls.so) and ephemeral HMAC credentials (auth_ephemeral.so): www/telephony/kamailio.cfg
  dpkg -s kamailio-tls-modules >/dev/null 2>&1 || want_apt+=(kamailio-tls-modules)
  dpkg -s kamailio-autheph-modules >/dev/null 2>&1 || want_apt+=(kamailio-autheph-modules)
  command -v openssl >/dev/null || want_apt+=(openssl)
fi
if [ ${#want_apt[@]} -gt 0 ]; then
  log "apt-get install ${want_apt[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${want_apt[@]}" >/dev/null
  # The Debian package starts the stock Kamailio service; our tests start their own.
  if command -v systemctl >/dev/null 2>&1; then $SUDO systemctl stop kamailio 2>/dev/null || true; fi
  $SUDO pkill -x kamailio 2>/dev/null || true
fi

# --- Rust: the wasm target, the pinned wasm-bindgen CLI (and its test runner), Trunk.
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  log "rustup target add wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi
if [ "$(wasm-bindgen --version 2>/dev/null || true)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
  log "cargo install wasm-bindgen-cli $WASM_BINDGEN_VERSION (a few minutes, once)"
  # Not --locked: its lockfile pins a crate version the registry here lacks (docs/TOOLCHAIN.md).
  cargo install -q wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi
if [ "$(trunk --version 2>/dev/null || true)" != "trunk $TRUNK_VERSION" ]; then
  log "cargo install trunk $TRUNK_VERSION (several minutes, once)"
  cargo install -q --locked trunk --version "$TRUNK_VERSION"
fi

# --- Crates for every target (Trunk builds with --offline, so they must be here first).
cargo fetch --locked -q

# --- npm packages from the committed lockfile (playwright-core, binaryen's wasm-opt, sip.js, …).
if [ ! -f node_modules/.package-lock.json ] || ! cmp -s package-lock.json node_modules/.setup-lock; then
  log "npm ci"
  npm ci --no-audit --no-fund --loglevel=error
  cp package-lock.json node_modules/.setup-lock
fi
log "ready: $(wasm-bindgen --version), $(trunk --version), $(chromium --version 2>/dev/null | head -1)"
