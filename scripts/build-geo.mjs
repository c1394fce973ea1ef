// Builds the reverse geocoder (geo/, the crate agent-dialer-geo with its feature `module`):
// agent-dialer-geo.js + agent-dialer-geo_bg.wasm, which the widget imports only when a browser
// position (or a position override) has to be looked up (src/host/location.js, issue 16).
// Same steps as the agent's build (scripts/wasm-steps.mjs).
//   node scripts/build-geo.mjs <out>     (scripts/build-pkg.sh; the Trunk build runs it from
//                                         scripts/build-admin.mjs)
import { buildWasm } from "./wasm-steps.mjs";

export const GEO_NAME = "agent-dialer-geo";

/** Writes <out>/agent-dialer-geo.js and <out>/agent-dialer-geo_bg.wasm. */
export async function buildGeo(out) {
  await buildWasm({
    cargoArgs: ["-p", "agent-dialer-geo", "--lib", "--features", "module"], file: "agent_dialer_geo", name: GEO_NAME, out,
    check(glue) {
      if (!/export function lookup\b/.test(glue) || !/export function load\b/.test(glue)) {
        throw new Error("build-geo: the wasm was built without the feature `module`");
      }
    },
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (!process.argv[2]) throw new Error("usage: node scripts/build-geo.mjs <out>");
  await buildGeo(process.argv[2]);
}
