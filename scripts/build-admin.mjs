// Builds the widget's second wasm: the crate with the cargo feature `admin` (the
// administrators' emergency settings surface `mountSettings` and the settings editor in the
// agent's pane), so that the agent's own wasm leaves them out (issue 16). Same steps as the
// agent's build (scripts/wasm-steps.mjs). Writes <out>/<name>.js, <out>/<name>_bg.wasm and the
// snippets (the same files as the agent's build: one crate).
//   Trunk post-build hook (Trunk.toml): into the staging dist/ as agent-dialer-admin.*, then
//     the reverse geocoder (scripts/build-geo.mjs: agent-dialer-geo.*), then (release)
//     bundles each glue with its snippets and minifies them and the CSS there
//     (scripts/minify-dist.mjs)
//   node scripts/build-admin.mjs <out> [--name agent_dialer_admin]   (scripts/build-pkg.sh)
import { buildGeo } from "./build-geo.mjs";
import { minify } from "./minify-dist.mjs";
import { buildWasm, release } from "./wasm-steps.mjs";

const argv = process.argv.slice(2);
const named = argv.indexOf("--name");
const name = named >= 0 ? argv[named + 1] : "agent-dialer-admin";
const out = process.env.TRUNK_STAGING_DIR ?? argv.find((a, i) => !a.startsWith("--") && argv[i - 1] !== "--name");
if (!out) throw new Error("usage: node scripts/build-admin.mjs <out> [--name <name>] (or as a Trunk hook)");

await buildWasm({
  cargoArgs: ["--lib", "--features", "admin"], file: "agent_dialer", name, out,
  check(glue) {
    if (!glue.includes("mountSettings")) throw new Error("build-admin: the wasm was built without the admin feature");
    if (glue.includes("__trap")) throw new Error("build-admin: the wasm was built with test-trap");
  },
});
// As the Trunk hook: the geocoder too (here, not as a hook of its own: Trunk runs a stage's
// hooks at the same time), then (release) the page's JS and CSS are minified, after every
// build's files are in.
if (process.env.TRUNK_STAGING_DIR) {
  await buildGeo(out);
  if (release) await minify(out);
}
