// Release builds: gives the wasm's imports, exports and import module short names, and writes
// the same names into its wasm-bindgen glue (issue 16). wasm-bindgen names every import after
// the JS function plus a 16-hex-digit hash (`__wbg_createElement_de4a31ed2fb252be`) and every
// closure export after a symbol hash; ~170 such names appear twice in what a page downloads —
// once in the wasm and once in the glue — and hashes do not compress. binaryen's pass
// `--minify-imports-and-exports-and-modules` renames them (`a`, `b`, … `$b`) and prints the
// mapping; this script applies that mapping to the glue and then proves the pair still fits:
// it instantiates the renamed wasm with the rewritten glue's own import object (Node, no
// browser needed) and refuses the build when any import or export is left unmatched.
// Figures: BENCHMARKS.md, "Issue 16".
//   node scripts/minify-names.mjs <dir> <name>   (e.g. dist agent-dialer: <dir>/<name>.js + <dir>/<name>_bg.wasm)
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const ROOT = new URL("..", import.meta.url).pathname;
const env = { ...process.env, PATH: `${ROOT}node_modules/.bin:${process.env.PATH}` };
const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Renames in place; returns { imports, exports } counts. Idempotent: a renamed pair is left as it is. */
export async function minifyNames(dir, name) {
  const wasmPath = join(dir, `${name}_bg.wasm`);
  const gluePath = join(dir, `${name}.js`);
  const before = new WebAssembly.Module(readFileSync(wasmPath));
  const oldModules = [...new Set(WebAssembly.Module.imports(before).map((i) => i.module))];
  if (oldModules.length === 1 && oldModules[0].length <= 2) return { imports: 0, exports: 0 }; // already done
  // The same run first optimizes once more (a second pass finds what the first one's inlining
  // and merging left: after a first `-Oz`, −391 B brotli of the agent's initial download with
  // `-Os` here, −288 B with `-Oz`, −16 B with `-Oz -Oz` in one run; after index.html's `-Os`,
  // −489 B in all; issue 16; `--low-memory-unused` as in index.html), then drops the `producers` and `target_features` custom sections (~230 B
  // raw): no browser reads them, and this is each wasm's last wasm-opt step (the features were
  // read from the section when this run loaded the wasm, so nothing is emitted differently).
  const out = execFileSync("wasm-opt", [wasmPath, "-Os", "--low-memory-unused", "--minify-imports-and-exports-and-modules",
    "--strip-producers", "--strip-target-features", "-o", wasmPath],
    { cwd: ROOT, env, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });
  const map = JSON.parse(out.slice(out.indexOf("{")));
  const after = new WebAssembly.Module(readFileSync(wasmPath));
  // The pass puts every import into one module with a short name. wasm-bindgen's glue gives the
  // wasm its own functions as one object (`"./<name>_bg.js": import0`) and may import a few
  // functions of a snippet directly (`"./snippets/…/locale.js": import1`, a module namespace):
  // those join the first object under their new names, read from their namespace.
  const main = `./${name}_bg.js`;
  const newModules = [...new Set(WebAssembly.Module.imports(after).map((i) => i.module))];
  if (newModules.length !== 1 || !oldModules.includes(main)) {
    throw new Error(`minify-names: ${name}: expected the imports of ${main} (and snippets) in one module, got ${newModules}`);
  }

  let glue = readFileSync(gluePath, "utf8");
  const replace = (pattern, to, what) => {
    const next = glue.replace(pattern, to);
    if (next === glue) throw new Error(`minify-names: ${name}: ${what} not found in ${name}.js`);
    glue = next;
  };
  const moduleKey = (module) => new RegExp(`${escape(JSON.stringify(module))}\\s*:\\s*(\\w+)\\s*,?`);
  const namespaces = new Map(oldModules.filter((m) => m !== main).map((m) => {
    const found = moduleKey(m).exec(glue);
    if (!found) throw new Error(`minify-names: ${name}: module ${m} not found in ${name}.js`);
    // wasm-bindgen may key the same snippet twice (one namespace import per imported function).
    replace(new RegExp(moduleKey(m).source, "g"), "", `module ${m}`);
    return [m, found[1]];
  }));
  // Import object keys: `__wbg_foo_<hash>: function(` inside __wbg_get_imports.
  const joined = [];
  for (const [module, from, to] of map.imports) {
    if (module === main) replace(new RegExp(`(^|[\\s,{])${escape(from)}(?=\\s*:)`, "gm"), `$1${JSON.stringify(to)}`, `import ${from}`);
    else joined.push(`${JSON.stringify(to)}: ${namespaces.get(module)}[${JSON.stringify(from)}]`);
  }
  const [, first] = moduleKey(main).exec(glue) ?? [];
  if (!first) throw new Error(`minify-names: ${name}: module ${main} not found in ${name}.js`);
  replace(moduleKey(main), `${JSON.stringify(newModules[0])}: ${joined.length ? `Object.assign(${first}, { ${joined.join(", ")} })` : first},`, `module ${main}`);
  // Exports are only read as `wasm.<name>` (the instance's exports).
  for (const [from, to] of map.exports) {
    const uses = new RegExp(`\\bwasm\\.${escape(from)}\\b`, "g");
    if (uses.test(glue)) glue = glue.replace(uses, `wasm[${JSON.stringify(to)}]`);
  }
  writeFileSync(gluePath, glue);
  await verify(dir, name, after);
  return { imports: map.imports.length, exports: map.exports.length };
}

/**
 * Proves the pair fits: the glue keys no import by an old name, every `wasm.x` / `wasm["x"]` it reads is
 * exported, and the wasm links against the glue's own import object (`initSync` in Node: a
 * LinkError names the first import left unmatched; what the widget's start does after linking
 * may need a browser and is not run here).
 */
export async function verify(dir, name, module) {
  const glue = readFileSync(join(dir, `${name}.js`), "utf8");
  const left = /\b__wbg_\w+_[0-9a-f]{16}(?=\s*:)/.exec(glue);
  if (left) throw new Error(`minify-names: ${name}.js still names ${left[0]}`);
  for (const section of ["producers", "target_features"]) {
    if (WebAssembly.Module.customSections(module, section).length) throw new Error(`minify-names: ${name}_bg.wasm still has its ${section} section`);
  }
  const exported = new Set(WebAssembly.Module.exports(module).map((e) => e.name));
  for (const [, quoted, plain] of glue.matchAll(/\bwasm(?:\[("[^"]+")\]|\.(\w+))/g)) {
    const used = quoted ? JSON.parse(quoted) : plain;
    if (!exported.has(used)) throw new Error(`minify-names: ${name}.js reads wasm export ${used}, which the wasm does not have`);
  }
  const { initSync } = await import(`${pathToFileURL(join(dir, `${name}.js`)).href}?verify=${Date.now()}`);
  try {
    initSync({ module });
  } catch (error) {
    if (error instanceof WebAssembly.LinkError || /import/i.test(String(error?.message))) {
      throw new Error(`minify-names: ${name}_bg.wasm does not link against ${name}.js: ${error.message}`);
    }
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [dir, name] = process.argv.slice(2);
  if (!dir || !name) throw new Error("usage: node scripts/minify-names.mjs <dir> <name>");
  console.log(await minifyNames(dir, name));
}
