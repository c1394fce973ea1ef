// Where the wasm's bytes go: builds the release wasm the way Trunk does (cargo release for
// wasm32 -> wasm-bindgen --target web -> wasm-opt with index.html's flags), once more with names
// kept (`wasm-opt -g`) for twiggy, and prints the brotli size, twiggy's top items and the bytes
// per crate / module of ours. The build uses v0 symbol mangling (its own target folder,
// target/size-twiggy/cargo) so that generic code is named with what it was instantiated for
// (`CompStateInner<agent_dialer::ui::app::App>` counts for `ui::app`, not for yew); its bytes
// agree with the shipped build's within a few hundred (the shipped figures are
// `node scripts/size-report.mjs` over `trunk build --release`; the glue here is not minified).
// Needs `cargo install twiggy`
// (not part of CI: scripts/setup.sh does not install it; this is a benchmark tool).
//   node bench/size-twiggy.mjs [--features a,b] [--no-default-features] [--no-build] [--top N] [--json]
// Output folder: target/size-twiggy/<features or "default">/ (agent_dialer_bg.wasm = shipped
// bytes, named.wasm = the same with a name section, top.csv = twiggy's full listing).
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { minifyNames } from "../scripts/minify-names.mjs";
import { compressed } from "../scripts/size-report.mjs";

const ROOT = new URL("..", import.meta.url).pathname;
const argv = process.argv.slice(2);
const arg = (name) => { const i = argv.indexOf(name); return i >= 0 ? argv[i + 1] : undefined; };
const features = arg("--features");
const noDefault = argv.includes("--no-default-features");
const top = Number(arg("--top") ?? 40);
const env = { ...process.env, PATH: `${ROOT}node_modules/.bin:${process.env.HOME}/.cargo/bin:${process.env.PATH}` };
const run = (cmd, args, opts = {}) => execFileSync(cmd, args, { cwd: ROOT, env, stdio: ["ignore", "pipe", "inherit"], maxBuffer: 256 << 20, ...opts });

const label = `${noDefault ? "no-default" : "default"}${features ? `+${features.replace(/,/g, "+")}` : ""}`;
const out = join(ROOT, "target", "size-twiggy", label);
mkdirSync(out, { recursive: true });
const targetDir = join(ROOT, "target", "size-twiggy", "cargo");
const cargoArgs = ["build", "--locked", "--release", "--target", "wasm32-unknown-unknown", "--lib"];
if (noDefault) cargoArgs.push("--no-default-features");
if (features) cargoArgs.push("--features", features);
const cargoEnv = { ...env, CARGO_TARGET_DIR: targetDir, RUSTFLAGS: "-Csymbol-mangling-version=v0" };
if (!argv.includes("--no-build")) run("cargo", cargoArgs, { stdio: ["ignore", "inherit", "inherit"], env: cargoEnv });

// The same wasm-opt flags as the Trunk build (index.html's data-wasm-opt / data-wasm-opt-params).
const html = readFileSync(join(ROOT, "index.html"), "utf8");
const link = html.match(/<link data-trunk rel="rust"[^>]*>/)[0];
const level = `-O${link.match(/data-wasm-opt="(\w+)"/)?.[1] ?? "z"}`;
const params = (link.match(/data-wasm-opt-params="([^"]*)"/)?.[1] ?? "").split(/\s+/).filter(Boolean);

run("wasm-bindgen", ["--target", "web", "--out-dir", out, "--out-name", "agent_dialer",
  join(targetDir, "wasm32-unknown-unknown", "release", "agent_dialer.wasm")]);
const bg = join(out, "agent_dialer_bg.wasm");
run("wasm-opt", [level, ...params, "-g", bg, "-o", join(out, "named.wasm")]);
// The shipped build's second pass (scripts/minify-names.mjs runs `-Os` with the short names).
run("wasm-opt", ["-Os", ...params, "-g", join(out, "named.wasm"), "-o", join(out, "named.wasm")]);
run("wasm-opt", [level, ...params, bg, "-o", bg]);
// As shipped: short import/export names and the second pass (scripts/minify-names.mjs);
// twiggy reads named.wasm.
await minifyNames(out, "agent_dialer");

const wasm = compressed(readFileSync(bg));
const glue = compressed(readFileSync(join(out, "agent_dialer.js")));
const csv = run("twiggy", ["top", "-n", "1000000", "--format", "csv", join(out, "named.wasm")]).toString();
writeFileSync(join(out, "top.csv"), csv);

/** twiggy's rows: [name, shallow bytes]. */
const rows = csv.trim().split("\n").slice(1).map((line) => {
  const m = line.match(/^"((?:[^"]|"")*)",(\d+),/) ?? line.match(/^([^,]*),(\d+),/);
  return [m[1].replace(/""/g, '"'), Number(m[2])];
}).filter(([name]) => !/"(function|data|local) names" subsection|^name$/.test(name));

/** Which crate (or module of ours) an item belongs to: generic code by the first module of
 *  ours in its name (what it was instantiated for), else by its outermost crate. */
function owner(name) {
  if (name.startsWith("data segment")) return "(data: strings, tables)";
  if (/shim|^import |^export |^elem\[|^table\[|^type\[/.test(name)) return "(wasm-bindgen shims, imports, exports)";
  const ours = name.match(/agent_dialer(?:\[[0-9a-f]+\])?::(\w+)(?:::(\w+))?/);
  if (ours) return ["core", "host", "ui"].includes(ours[1]) && ours[2] ? `agent_dialer::${ours[1]}::${ours[2]}` : `agent_dialer::${ours[1]}`;
  const path = name.replace(/^[<&*\s]+|^(mut|dyn) /g, "").replace(/\[[0-9a-f]+\]/g, "");
  const crate = path.match(/^(\w+)/)?.[1] ?? path.slice(0, 40);
  return ["core", "alloc", "std", "str", "char", "f64", "f32", "u8", "u32", "u64", "u128", "usize", "i32", "i64", "dlmalloc", "compiler_builtins"].includes(crate) ? "core/alloc/std" : crate;
}
const byOwner = new Map();
for (const [name, bytes] of rows) byOwner.set(owner(name), (byOwner.get(owner(name)) ?? 0) + bytes);
const total = rows.reduce((t, [, b]) => t + b, 0);
const owners = [...byOwner].sort((a, b) => b[1] - a[1]);

/** Code by what it is for, across crates (an item counts for the first topic its name matches):
 *  what each of the issue's candidate cuts could save at most. */
const TOPICS = [
  ["serde-wasm-bindgen (Rust <-> JS values)", /serde_wasm_bindgen/],
  ["serde (derived Serialize/Deserialize, visitors)", /serde(_core)?\[|serde(_core)?::|Serialize|Deserialize|Visitor/],
  ["float formatting and parsing (f64 Display/Debug, flt2dec, dec2flt)", /flt2dec|dec2flt|<f(32|64) as core[^>]*::fmt|f64>::|float_to_/],
  ["core::fmt machinery (Formatter, write, pad, Debug for str/char)", /core(\[[0-9a-f]+\])?::fmt|escape_debug|<str as core[^>]*Debug|<char as core[^>]*Debug|fmt::Write|alloc[^>]*::fmt::format/],
  ["panics (Location, panic_fmt, unwrap/expect failures, bounds checks)", /panic|Location|unwrap_failed|expect_failed|slice_error_fail|slice_(start|end)_index|index_out_of_bounds|assert_failed|bounds/],
  ["Unicode case mapping (to_lowercase / to_uppercase)", /to_lowercase|to_uppercase|conversions/],
  ["allocator (dlmalloc)", /dlmalloc/],
  ["hash maps (hashbrown, indexmap, implicit_clone)", /hashbrown|indexmap|implicit_clone/],
  ["yew instantiated for our components (lifecycles, hooks, html! output)", /yew(\[[0-9a-f]+\])?::.*agent_dialer|agent_dialer.*yew(\[[0-9a-f]+\])?::/],
  ["yew (framework code)", /yew(\[[0-9a-f]+\])?::/],
  ["wasm-bindgen, js-sys, web-sys glue (shims, conversions, closures)", /wasm_bindgen|js_sys|web_sys|shim|^import |^export |externref|closure_invoke|__wbg/],
  ["country-boundaries (reverse geocoding code)", /country_boundaries/],
];
const byTopic = new Map(TOPICS.map(([t]) => [t, 0]));
for (const [name, bytes] of rows) {
  const hit = TOPICS.find(([, re]) => re.test(name));
  if (hit) byTopic.set(hit[0], byTopic.get(hit[0]) + bytes);
}

/** Data (strings and tables) attributed to the source files of ours whose string literals it
 *  holds: every literal of 6+ bytes found in the shipped wasm's data counts for its file
 *  (a literal found in several files counts once, for the first). The rest of the data is
 *  std's and the crates' (panic messages, Unicode tables, number metadata, vtables). */
function dataSegments(bytes) {
  let p = 8;
  const leb = () => { let r = 0, sh = 0, b; do { b = bytes[p++]; r |= (b & 0x7f) << sh; sh += 7; } while (b & 0x80); return r >>> 0; };
  const out = [];
  while (p < bytes.length) {
    const id = bytes[p++]; const size = leb(); const end = p + size;
    if (id === 11) {
      for (let i = 0, n = leb(); i < n; i++) {
        const flag = leb();
        if (flag === 2) leb();
        if (flag !== 1) { while (bytes[p] !== 0x0b) p++; p++; }
        const len = leb(); out.push(bytes.subarray(p, p + len)); p += len;
      }
    }
    p = end;
  }
  return Buffer.concat(out);
}
function sourceFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => e.isDirectory() ? sourceFiles(join(dir, e.name)) : e.name.endsWith(".rs") ? [join(dir, e.name)] : []);
}
const data = dataSegments(readFileSync(bg));
const seen = new Set();
const dataByFile = new Map();
for (const file of sourceFiles(join(ROOT, "src"))) {
  const text = readFileSync(file, "utf8").replace(/#\[cfg\(test\)\][\s\S]*$/, "");
  for (const m of text.matchAll(/"((?:[^"\\]|\\.)*)"/g)) {
    let lit;
    try { lit = JSON.parse(`"${m[1].replace(/\\u\{([0-9a-fA-F]+)\}/g, (_, h) => String.fromCodePoint(parseInt(h, 16))).replace(/\\'/g, "'").replace(/\\\n\s*/g, "")}"`); } catch { continue; }
    const buf = Buffer.from(lit);
    if (buf.length < 6 || seen.has(lit) || data.indexOf(buf) < 0) continue;
    seen.add(lit);
    const key = relative(ROOT, file);
    dataByFile.set(key, (dataByFile.get(key) ?? 0) + buf.length);
  }
}
const dataTotal = rows.filter(([n]) => n.startsWith("data segment")).reduce((t, [, b]) => t + b, 0);

const kb = (n) => `${(n / 1024).toFixed(1)} KiB`;
if (argv.includes("--json")) {
  console.log(JSON.stringify({ label, wasm, glue, owners: Object.fromEntries(owners), topics: Object.fromEntries(byTopic), data: { total: dataTotal, ours: Object.fromEntries(dataByFile) }, top: rows.slice(0, top) }, null, 2));
} else {
  console.log(`\n${label}: wasm ${wasm.raw} B raw, ${wasm.gzip} gzip, ${wasm.brotli} brotli (${kb(wasm.brotli)}); glue ${glue.raw} raw / ${glue.brotli} brotli`);
  console.log(`wasm-opt ${level} ${params.join(" ")}; twiggy over ${join("target", "size-twiggy", label, "named.wasm")} (names excluded from the sums)\n`);
  console.log("| owner | bytes (after wasm-opt) | share |\n| --- | ---: | ---: |");
  for (const [o, b] of owners.slice(0, 40)) console.log(`| ${o} | ${b} | ${(100 * b / total).toFixed(1)} % |`);
  console.log("\n| topic (code, across crates) | bytes |\n| --- | ---: |");
  for (const [t, b] of [...byTopic].sort((a, b) => b[1] - a[1])) console.log(`| ${t} | ${b} |`);
  const ours = [...dataByFile].sort((a, b) => b[1] - a[1]);
  const oursTotal = ours.reduce((t, [, b]) => t + b, 0);
  console.log(`\n| data: string literals of ours found in the wasm, by file (of ${dataTotal} B data) | bytes |\n| --- | ---: |`);
  for (const [f, b] of ours.slice(0, 25)) console.log(`| ${f} | ${b} |`);
  console.log(`| **all of ours** | ${oursTotal} |\n| the rest (std, crates: panic/fmt strings, Unicode and number tables, vtables, our non-string tables) | ${dataTotal - oursTotal} |`);
  console.log(`\n| top items | bytes |\n| --- | ---: |`);
  for (const [name, bytes] of rows.slice(0, top)) console.log(`| ${name.slice(0, 120).replace(/\|/g, "\\|")} | ${bytes} |`);
}
