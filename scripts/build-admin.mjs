// Builds the widget's second wasm: the crate with the cargo feature `admin` (the
// administrators' emergency settings surface `mountSettings` and the settings editor in the
// agent's pane), so that the agent's own wasm leaves them out (issue 16). Same steps as the
// agent's build: cargo (wasm32) -> wasm-bindgen --target web -> wasm-opt with index.html's
// flags (release only). Writes <out>/<name>.js, <out>/<name>_bg.wasm and the snippets (the
// same files as the agent's build: one crate).
//   Trunk post-build hook (Trunk.toml): into the staging dist/ as agent-dialer-admin.*, then
//     (release) minifies the glue, snippets and CSS there (scripts/minify-dist.mjs)
//   node scripts/build-admin.mjs <out> [--name agent_dialer_admin]   (scripts/build-pkg.sh)
import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { minify } from "./minify-dist.mjs";

const ROOT = new URL("..", import.meta.url).pathname;
const argv = process.argv.slice(2);
const named = argv.indexOf("--name");
const name = named >= 0 ? argv[named + 1] : "agent-dialer-admin";
const out = process.env.TRUNK_STAGING_DIR ?? argv.find((a, i) => !a.startsWith("--") && argv[i - 1] !== "--name");
if (!out) throw new Error("usage: node scripts/build-admin.mjs <out> [--name <name>] (or as a Trunk hook)");
const release = (process.env.TRUNK_PROFILE ?? "release") === "release";
const env = { ...process.env, PATH: `${ROOT}node_modules/.bin:${process.env.HOME}/.cargo/bin:${process.env.PATH}` };
const run = (cmd, args) => execFileSync(cmd, args, { cwd: ROOT, env, stdio: ["ignore", "inherit", "inherit"] });

run("cargo", ["build", "--locked", ...(release ? ["--release"] : []), "--target", "wasm32-unknown-unknown", "--lib", "--features", "admin"]);
const targetDir = process.env.CARGO_TARGET_DIR ?? join(ROOT, "target");
const wasm = join(targetDir, "wasm32-unknown-unknown", release ? "release" : "debug", "agent_dialer.wasm");
const stage = mkdtempSync(join(tmpdir(), "agent-dialer-admin-"));
try {
  run("wasm-bindgen", ["--target", "web", "--no-typescript", "--out-dir", stage, "--out-name", name, wasm]);
  const glue = readFileSync(join(stage, `${name}.js`), "utf8");
  if (!glue.includes("mountSettings")) throw new Error("build-admin: the wasm was built without the admin feature");
  if (glue.includes("__trap")) throw new Error("build-admin: the wasm was built with test-trap");
  if (release) {
    const html = readFileSync(join(ROOT, "index.html"), "utf8");
    const link = html.match(/<link data-trunk rel="rust"[^>]*>/)[0];
    const level = `-O${link.match(/data-wasm-opt="(\w+)"/)?.[1] ?? "z"}`;
    const params = (link.match(/data-wasm-opt-params="([^"]*)"/)?.[1] ?? "").split(/\s+/).filter(Boolean);
    run("wasm-opt", [level, ...params, join(stage, `${name}_bg.wasm`), "-o", join(stage, `${name}_bg.wasm`)]);
  }
  cpSync(stage, out, { recursive: true });
} finally {
  rmSync(stage, { recursive: true, force: true });
}
// As the Trunk hook of a release build: then the page's JS and CSS are minified (here, after
// this build's files are in: Trunk runs the hooks of a stage at the same time).
if (process.env.TRUNK_STAGING_DIR && release) minify(out);
