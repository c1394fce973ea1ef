#!/usr/bin/env bash
# Builds the npm package `agent-dialer` into pkg/ (git-ignored) and packs it into
# pkg/agent-dialer-<version>.tgz, the way it would be published:
#   cargo (release, wasm32) -> wasm-bindgen --target web -> wasm-opt -Os --low-memory-unused (npm binaryen; index.html's flags)
#   + the same for the admin wasm (cargo feature `admin`: the emergency settings; scripts/build-admin.mjs)
#   + the reverse geocoder's small wasm (geo/: agent-dialer-geo.js + _bg.wasm; scripts/build-geo.mjs)
#   + the package's own JS from www/pkg/ (custom element, iframe bridge, the guard and fallback
#     dialer for when the wasm cannot run, the admin entry, .d.ts, package.json)
#   + agent-dialer/sip (www/pkg/sip-entry.js: the adapter, bundled with sip.js by esbuild)
#   + agent-dialer.css + the locale files + the country boundaries asset (ODbL) -> npm pack.
# Idempotent: cargo and wasm-opt skip work when nothing changed.
set -euo pipefail
cd "$(dirname "$0")/.."
# npm's binaryen first: Debian's wasm-opt (108) cannot read today's wasm (docs/TOOLCHAIN.md).
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"

OUT=pkg
TARGET_DIR="${CARGO_TARGET_DIR:-target}"
STAGE="$TARGET_DIR/pkg-stage"
WASM="$TARGET_DIR/wasm32-unknown-unknown/release/agent_dialer.wasm"

cargo build --locked --release --target wasm32-unknown-unknown --lib

rm -rf "$STAGE" && mkdir -p "$STAGE"
wasm-bindgen --target web --out-dir "$STAGE" --out-name agent_dialer "$WASM"
# wasm-opt reads the features from the wasm's target_features section (kept: no `strip` in
# Cargo.toml), so it neither rejects bulk memory nor emits features the build did not enable;
# minify-names.mjs, the last wasm-opt step, drops that section and `producers` from what ships.
# The Trunk build's flags (index.html's data-wasm-opt and data-wasm-opt-params).
read -r -a WASM_OPT_ARGS <<<"$(node scripts/wasm-steps.mjs --wasm-opt-args)"
wasm-opt "${WASM_OPT_ARGS[@]}" "$STAGE/agent_dialer_bg.wasm" -o "$STAGE/agent_dialer_bg.wasm"
# Short import/export names in the wasm and its glue (the hashed names wasm-bindgen gives them
# do not compress; bundlers cannot rename them): scripts/minify-names.mjs, which also checks
# that the renamed pair still links.
node scripts/minify-names.mjs "$STAGE" agent_dialer
# Strings from the wasm: empty and short ASCII ones without TextDecoder (issue 16).
node scripts/glue-strings.mjs "$STAGE/agent_dialer.js"
# V8's compile hint on the glue (scripts/minify-dist.mjs withCompileHint; the package's own
# .js files and the snippets carry it in their sources): −1 ms on a first mount (issue 16).
node --input-type=module -e 'import { readFileSync, writeFileSync } from "node:fs"; import { withCompileHint } from "./scripts/minify-dist.mjs"; const f = process.argv[1]; writeFileSync(f, withCompileHint(readFileSync(f, "utf8")));' "$STAGE/agent_dialer.js"
# The second wasm, with the administrators' emergency settings (cargo feature `admin`), for
# agent-dialer/admin and the settings element/frame: agent_dialer_admin.js + _bg.wasm.
node scripts/build-admin.mjs "$STAGE" --name agent_dialer_admin
# The reverse geocoder (geo/), imported by location.js only when a position is looked up:
# agent-dialer-geo.js + agent-dialer-geo_bg.wasm (the same names as in dist/: location.js
# imports "../../../../agent-dialer-geo.js" literally, which bundlers split into a chunk).
node scripts/build-geo.mjs "$STAGE"
# Bundlers (Vite, webpack 5) emit `new URL("<literal>", import.meta.url)` as an asset, but turn a
# template literal into a glob over the whole package folder. The boundaries file is the only
# asset location.js resolves: give bundlers its literal URL; keep the general form for others.
LOCATION_JS=$(find "$STAGE/snippets" -path '*/src/host/location.js')
node - "$LOCATION_JS" <<'JS'
const fs = require("node:fs");
const file = process.argv[2];
const from = "new URL(`../../../../${file}`, import.meta.url)";
const to = 'file === "country-boundaries-60x30.ser" ? new URL("../../../../country-boundaries-60x30.ser", import.meta.url).href'
  + " : new URL(/* @vite-ignore */ `../../../../${file}`, import.meta.url)";
const src = fs.readFileSync(file, "utf8");
if (!src.includes(from)) { console.warn(`build-pkg: ${file} changed; bundlers may glob the package folder`); process.exit(0); }
fs.writeFileSync(file, src.replace(from, to));
JS
# wasm-bindgen's own .d.ts types mount's parameters as `any`: the package ships index.d.ts.
rm -f "$STAGE/agent_dialer.d.ts" "$STAGE/agent_dialer_bg.wasm.d.ts"

# The shipped bundle never carries the test build's trap hooks (cargo feature `test-trap`).
if grep -q "__trap" "$STAGE/agent_dialer.js"; then echo "build-pkg: the wasm was built with test-trap" >&2; exit 1; fi
# The agent's wasm leaves the emergency settings out (they are in agent_dialer_admin).
if grep -q "mountSettings" "$STAGE/agent_dialer.js"; then echo "build-pkg: the agent's wasm was built with the admin feature" >&2; exit 1; fi

cp www/pkg/index.js www/pkg/element.js www/pkg/frame.js www/pkg/guard.js www/pkg/fallback.js \
   www/pkg/index.d.ts www/pkg/element.d.ts www/pkg/frame.d.ts www/pkg/admin.js www/pkg/admin.d.ts \
   www/pkg/settings-element.js www/pkg/settings-element.d.ts \
   www/pkg/settings-frame.js www/pkg/settings-frame.d.ts \
   www/pkg/package.json www/pkg/README.md "$STAGE/"
# agent-dialer/sip: the SIP adapter with sip.js (MIT) bundled in, so it works with or without a
# bundler and always with the sip.js version it was tested with; the licence ships beside it.
node_modules/.bin/esbuild www/pkg/sip-entry.js --bundle --minify --format=esm --platform=browser --target=es2020 \
  --legal-comments=none --log-level=warning --outfile="$STAGE/sip.js"
cp www/pkg/sip.d.ts "$STAGE/"
{
  echo "agent-dialer/sip (sip.js in this package) includes sip.js $(node -p 'require("./node_modules/sip.js/package.json").version')"
  echo "(https://github.com/onsip/SIP.js), under the MIT License:"
  echo
  cat node_modules/sip.js/LICENSE.md
} >"$STAGE/THIRD_PARTY_LICENSES.txt"
cp www/agent-dialer.css "$STAGE/agent-dialer.css"
# The UI's locale files, fetched by the widget next to its glue only when a page needs one.
cp -r www/locales "$STAGE/locales"
node scripts/copy-boundaries.mjs "$STAGE"
cp LICENSE* "$STAGE/" 2>/dev/null || true

rm -rf "$OUT" && mv "$STAGE" "$OUT"
(cd "$OUT" && npm pack --silent >/dev/null)
ls -l "$OUT"/*.tgz
