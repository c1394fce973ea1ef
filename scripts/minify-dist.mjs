// Release builds (run by scripts/build-admin.mjs, the last Trunk post-build hook, since Trunk
// runs a stage's hooks at the same time): minifies what a page downloads to show the widget —
// the wasm-bindgen glue, its snippets and the widget's CSS — with esbuild (npm devDependency;
// terser then compresses each bundle further), as a bundler would for a host using the npm
// package: each glue is bundled with the snippets it imports into one file (one request
// instead of four, and one brotli stream: −0.7 KB), and the snippets/ folder, then imported by
// nothing, is removed. The demo's own pages and dist/pkg/
// (the package's unminified sources the demo pages import) are left as they are. wasm-opt
// already shrank the wasm. Size figures: `node scripts/size-report.mjs` (BENCHMARKS.md).
import { createHash } from "node:crypto";
import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { build, transformSync } from "esbuild";
import { minify as terser } from "terser";
import { fastStrings } from "./glue-strings.mjs";
import { minifyNames, verify } from "./minify-names.mjs";

/**
 * Minifies the glue (every wasm's), the snippets and the widget's CSS in `dir`, in place. The
 * agent's wasm (built by Trunk, not by scripts/wasm-steps.mjs) first gets its short import and
 * export names (scripts/minify-names.mjs), while its glue is still wasm-bindgen's own text.
 */
export async function minify(dir) {
  if (existsSync(join(dir, "agent-dialer_bg.wasm"))) await minifyNames(dir, "agent-dialer");
  const names = readdirSync(dir).filter((n) => /^agent-dialer[\w-]*\.(js|css)$/.test(n));
  for (const file of names.map((n) => join(dir, n))) {
    if (file.endsWith(".js")) {
      await bundle(file);
      continue;
    }
    const { code } = transformSync(readFileSync(file, "utf8"), {
      loader: "css", minify: true, target: "chrome100", legalComments: "none", logLevel: "warning",
    });
    writeFileSync(file, code);
  }
  // Every glue now carries its snippets (the admin glue its own copy: they keep no state).
  const snippets = join(dir, "snippets");
  if (existsSync(snippets)) {
    const left = names.filter((n) => n.endsWith(".js") && readFileSync(join(dir, n), "utf8").includes("snippets/"));
    if (left.length) throw new Error(`minify-dist: ${left.join(", ")} still import from snippets/`);
    rmSync(snippets, { recursive: true });
  }
  refreshIntegrity(dir);
  // The bundled glue still links against its wasm (as minify-names.mjs checked before).
  for (const n of names.filter((n) => n.endsWith(".js"))) {
    const wasm = join(dir, n.replace(/\.js$/, "_bg.wasm"));
    if (existsSync(wasm)) await verify(dir, n.slice(0, -3), new WebAssembly.Module(readFileSync(wasm)));
  }
}

/**
 * Bundles the glue `file` with the snippets it imports, minified, in place. A snippet is
 * written as wasm-bindgen places it, <dir>/snippets/<crate-hash>/src/…/x.js, and reaches the
 * files next to the glue (the locale files, the boundaries data, the geocoder's module) four
 * levels up (`../../../../`); bundled into the glue at <dir>, they are next to it (`./`). The
 * geocoder's module stays a file of its own, imported only when a position is looked up.
 */
async function bundle(file) {
  const up = "../../../../";
  const { outputFiles } = await build({
    entryPoints: [file], bundle: true, write: false, outfile: file, format: "esm", minify: true,
    target: "es2020", platform: "browser", legalComments: "none", logLevel: "warning",
    plugins: [{
      name: "snippets",
      setup(b) {
        b.onResolve({ filter: /agent-dialer-geo\.js$/ }, (args) => (args.kind === "entry-point" ? undefined : { path: args.path, external: true }));
        b.onLoad({ filter: /\.js$/ }, (args) => (resolve(args.path) === resolve(file) ? { contents: trimGlue(readFileSync(file, "utf8"), file), loader: "js" } : undefined));
        b.onLoad({ filter: /[\\/]snippets[\\/].*\.js$/ }, (args) => {
          const source = readFileSync(args.path, "utf8");
          if (!source.includes(up) && /import\.meta|import\(/.test(source)) {
            throw new Error(`minify-dist: ${args.path} resolves a file without ${up}: check its paths after bundling`);
          }
          return { contents: source.replaceAll(up, "./"), loader: "js" };
        });
      },
    }],
  });
  // terser after esbuild: its compressor and its frequency-ordered short names take a further
  // −116 B brotli off the agent's glue (issue 16); property names are never touched.
  const { code } = await terser(outputFiles[0].text, { module: true, compress: { passes: 3 } });
  writeFileSync(file, /agent-dialer-geo\.js$/.test(file) ? code : withCompileHint(code));
}

/** The magic comment that makes V8 (Chrome 136+) compile every function of a file when it
 *  loads rather than at its first call (minifiers drop it, so it goes on after them). The glue's
 *  functions run at init() and mount(): lazily compiled, they cost a first mount() ~1 ms
 *  (BENCHMARKS.md, issue 16). Not on the geocoder's glue, loaded only to look a position up. */
export const COMPILE_HINT = "//# allFunctionsCalledOnLoad\n";
export function withCompileHint(code) {
  return code.startsWith(COMPILE_HINT) ? code : COMPILE_HINT + code;
}

/**
 * wasm-bindgen's glue, less three fallbacks no browser that runs the wasm can reach: every
 * browser that compiles it (reference types and multi-value: Chrome 96, Firefox 79, Safari 15)
 * has `FinalizationRegistry` (Chrome 84, Firefox 79, Safari 14.1) and `TextEncoder.encodeInto`
 * (Chrome 74, Firefox 66, Safari 14.1), and the glue always hands `passStringToWasm0` the wasm's
 * `realloc`. −95 B brotli (issue 16). Each removal is of wasm-bindgen's exact text: a glue that
 * has the code in another form (another wasm-bindgen) stops the build instead of shipping it.
 */
export function trimGlue(glue, file) {
  const dead = [
    // `passStringToWasm0(arg, malloc, realloc)` without `realloc`: never called so.
    ["realloc === undefined", `    if (realloc === undefined) {
        const buf = cachedTextEncoder.encode(arg);
        const ptr = malloc(buf.length, 1) >>> 0;
        getUint8ArrayMemory0().subarray(ptr, ptr + buf.length).set(buf);
        WASM_VECTOR_LEN = buf.length;
        return ptr;
    }
`, ""],
    ["'encodeInto' in", `if (!('encodeInto' in cachedTextEncoder)) {
    cachedTextEncoder.encodeInto = function (arg, view) {
        const buf = cachedTextEncoder.encode(arg);
        view.set(buf);
        return {
            read: arg.length,
            written: buf.length
        };
    };
}`, ""],
  ];
  for (const [sign, from, to] of dead) {
    if (!glue.includes(sign)) continue;
    if (!glue.includes(from)) throw new Error(`minify-dist: ${file}: wasm-bindgen's code around ${sign} is not the one trimGlue knows`);
    glue = glue.replace(from, to);
  }
  if (/passStringToWasm0\([^,()]*(,[^,()]*)?\)/.test(glue)) throw new Error(`minify-dist: ${file}: passStringToWasm0 is called without realloc`);
  // `typeof FinalizationRegistry === 'undefined' ? { register() {}, … } : new FinalizationRegistry(…)`
  const registry = /\(typeof FinalizationRegistry === 'undefined'\)\n\s*\? \{ register: \(\) => \{\}, unregister: \(\) => \{\} \}\n\s*: (new FinalizationRegistry)/g;
  glue = glue.replace(registry, "$1");
  if (glue.includes("typeof FinalizationRegistry")) throw new Error(`minify-dist: ${file}: a FinalizationRegistry fallback trimGlue does not know`);
  // Strings from the wasm: empty and short ASCII ones without TextDecoder (scripts/glue-strings.mjs).
  return fastStrings(glue, file);
}

/**
 * Trunk wrote Subresource Integrity hashes of the files as it built them into the pages'
 * `<link … integrity>` tags; minifying changed those files, and a browser blocks a resource
 * whose hash differs (the widget's CSS, unstyled, and the glue's preloads). Recomputes the
 * hash of every tag that names a file in `dir`, in the algorithm the tag already uses, and drops
 * the module preloads of snippets that were bundled into their glue.
 */
export function refreshIntegrity(dir) {
  for (const page of readdirSync(dir).filter((n) => n.endsWith(".html"))) {
    const path = join(dir, page);
    const html = readFileSync(path, "utf8");
    const out = html.replace(/<link\b[^>]*>/g, (tag) => {
      const href = /\bhref="\/?([^"?#]+)"/.exec(tag)?.[1];
      // A preload of a snippet now bundled into its glue (removed above) would only 404.
      if (href?.startsWith("snippets/") && /\brel="modulepreload"/.test(tag) && !existsSync(join(dir, href))) return "";
      const integrity = /\bintegrity="(sha256|sha384|sha512)-[^"]*"/.exec(tag);
      if (!href || !integrity || !existsSync(join(dir, href))) return tag;
      const digest = createHash(integrity[1]).update(readFileSync(join(dir, href))).digest("base64");
      return tag.replace(integrity[0], `integrity="${integrity[1]}-${digest}"`);
    });
    if (out !== html) writeFileSync(path, out);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (!process.argv[2]) throw new Error("usage: node scripts/minify-dist.mjs <dir>");
  await minify(process.argv[2]);
}
