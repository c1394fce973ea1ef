// The steps that make a second wasm of the widget (scripts/build-admin.mjs: the admin
// settings; scripts/build-geo.mjs: the reverse geocoder), the same as the agent's build:
// cargo (wasm32) -> wasm-bindgen --target web -> wasm-opt with index.html's flags and short
// import/export names (release).
import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { minifyNames } from "./minify-names.mjs";

export const ROOT = new URL("..", import.meta.url).pathname;
const env = { ...process.env, PATH: `${ROOT}node_modules/.bin:${process.env.HOME}/.cargo/bin:${process.env.PATH}` };
export const run = (cmd, args) => execFileSync(cmd, args, { cwd: ROOT, env, stdio: ["ignore", "inherit", "inherit"] });

/** Release unless Trunk says otherwise (as a Trunk hook). */
export const release = (process.env.TRUNK_PROFILE ?? "release") === "release";

/** wasm-opt's flags as the Trunk build uses them: index.html's `data-wasm-opt` level and
 *  `data-wasm-opt-params` (`node scripts/wasm-steps.mjs --wasm-opt-args` prints them). */
export function wasmOptArgs() {
  const html = readFileSync(join(ROOT, "index.html"), "utf8");
  const link = html.match(/<link data-trunk rel="rust"[^>]*>/)[0];
  const level = `-O${link.match(/data-wasm-opt="(\w+)"/)?.[1] ?? "z"}`;
  const params = (link.match(/data-wasm-opt-params="([^"]*)"/)?.[1] ?? "").split(/\s+/).filter(Boolean);
  return [level, ...params];
}

/**
 * Builds `crate` (the cargo lib target `file`, e.g. "agent_dialer") for wasm32 with `cargoArgs`
 * and writes <out>/<name>.js, <out>/<name>_bg.wasm (and snippets, if any). `check(glue)` may
 * throw to refuse a wrong build before anything is written. Release builds get short import and
 * export names (scripts/minify-names.mjs).
 */
export async function buildWasm({ cargoArgs, file, name, out, check = () => {} }) {
  run("cargo", ["build", "--locked", ...(release ? ["--release"] : []), "--target", "wasm32-unknown-unknown", ...cargoArgs]);
  const targetDir = process.env.CARGO_TARGET_DIR ?? join(ROOT, "target");
  const wasm = join(targetDir, "wasm32-unknown-unknown", release ? "release" : "debug", `${file}.wasm`);
  const stage = mkdtempSync(join(tmpdir(), `${name}-`));
  try {
    run("wasm-bindgen", ["--target", "web", "--no-typescript", "--out-dir", stage, "--out-name", name, wasm]);
    check(readFileSync(join(stage, `${name}.js`), "utf8"));
    if (release) {
      run("wasm-opt", [...wasmOptArgs(), join(stage, `${name}_bg.wasm`), "-o", join(stage, `${name}_bg.wasm`)]);
      await minifyNames(stage, name);
    }
    cpSync(stage, out, { recursive: true });
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}` && process.argv[2] === "--wasm-opt-args") {
  console.log(wasmOptArgs().join(" "));
}
