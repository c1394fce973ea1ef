// Size report: raw, gzip (-9) and brotli (q 11) bytes of the widget's wasm, JS and CSS in
// dist/ (the Trunk build) and pkg/ (the npm package), measured with node's zlib.
//   node scripts/size-report.mjs [--json]
import { readdirSync, readFileSync, statSync, existsSync } from "node:fs";
import { join, relative, extname } from "node:path";
import { gzipSync, brotliCompressSync, constants } from "node:zlib";

const ROOT = new URL("..", import.meta.url).pathname;
const KINDS = { ".wasm": "wasm", ".js": "js", ".css": "css" };

export function compressed(bytes) {
  return {
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
    }).length,
  };
}

function walk(dir, skip = () => false) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (skip(path)) continue;
    if (statSync(path).isDirectory()) out.push(...walk(path, skip));
    else out.push(path);
  }
  return out;
}

/** The widget's files in `dir` (demo pages and dev stand-ins excluded). */
export function measure(dir, skip) {
  const rows = [];
  for (const file of walk(dir, skip)) {
    const kind = KINDS[extname(file)];
    if (!kind) continue;
    rows.push({ file: relative(dir, file), kind, ...compressed(readFileSync(file)) });
  }
  const total = (filter) => rows.filter(filter).reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli }), { raw: 0, gzip: 0, brotli: 0 });
  return { rows, total: total(() => true), byKind: Object.fromEntries(["wasm", "js", "css"].map((k) => [k, total((r) => r.kind === k)])) };
}

const kb = (n) => `${(n / 1024).toFixed(1)} KiB`;
function print(title, report) {
  console.log(`\n${title}`);
  console.log(`| file | raw | gzip | brotli |\n| --- | ---: | ---: | ---: |`);
  for (const r of report.rows) console.log(`| ${r.file} | ${kb(r.raw)} | ${kb(r.gzip)} | ${kb(r.brotli)} |`);
  for (const [k, t] of Object.entries(report.byKind)) if (t.raw) console.log(`| **all ${k}** | ${kb(t.raw)} | ${kb(t.gzip)} | ${kb(t.brotli)} |`);
  console.log(`| **total** | ${kb(report.total.raw)} | ${kb(report.total.gzip)} | ${kb(report.total.brotli)} |`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const reports = {};
  const dist = join(ROOT, "dist");
  if (existsSync(dist)) {
    // The widget as the demo loads it: glue, snippets, wasm, widget CSS (not the demo pages).
    reports.dist = measure(dist, (p) => /\/(demo|pkg)$/.test(p) || p.endsWith("demo.css"));
    if (!process.argv.includes("--json")) print("dist/ (trunk build --release)", reports.dist);
  }
  const pkg = join(ROOT, "pkg");
  if (existsSync(pkg)) {
    reports.pkg = measure(pkg);
    if (!process.argv.includes("--json")) print("pkg/ (npm package, wasm-opt -Oz)", reports.pkg);
  }
  if (process.argv.includes("--json")) console.log(JSON.stringify(reports, null, 2));
}
