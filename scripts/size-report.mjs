// Size report: raw, gzip (-9) and brotli (q 11) bytes of the widget's wasm, JS and CSS in
// dist/ (the Trunk build) and pkg/ (the npm package), measured with node's zlib.
//   node scripts/size-report.mjs [--json] [--check]
// The headline is the **initial download**: what a page downloads to show the dialer (the
// agent's wasm, its wasm-bindgen glue and snippets, the widget's CSS), as the release build
// ships them (scripts/minify-dist.mjs). `--check` fails (exit 1) when it is larger than the
// budget in scripts/size-budget.json: bytes are deterministic for a given toolchain (Rust,
// wasm-bindgen, wasm-opt, esbuild pinned by Cargo.lock / package-lock.json), so a change that
// grows the download has to raise the budget on purpose. Times are benchmarks, never checked.
import { readdirSync, readFileSync, statSync, existsSync } from "node:fs";
import { join, relative, extname } from "node:path";
import { gzipSync, brotliCompressSync, constants } from "node:zlib";

const ROOT = new URL("..", import.meta.url).pathname;
const KINDS = { ".wasm": "wasm", ".js": "js", ".css": "css", ".json": "json" };

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

const sum = (rows) => rows.reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli }), { raw: 0, gzip: 0, brotli: 0 });

/** The widget's files in `dir` (demo pages and dev stand-ins excluded). */
export function measure(dir, skip) {
  const rows = [];
  for (const file of walk(dir, skip)) {
    const kind = KINDS[extname(file)];
    if (!kind) continue;
    rows.push({ file: relative(dir, file), kind, ...compressed(readFileSync(file)) });
  }
  return { rows, total: sum(rows), byKind: Object.fromEntries(["wasm", "js", "css", "json"].map((k) => [k, sum(rows.filter((r) => r.kind === k))])) };
}

/** What a page loads for one build of the widget (`name`: "agent-dialer" or "agent-dialer-admin"). */
export function pageLoad(report, name) {
  const files = report.rows.filter((r) => r.file === `${name}.js` || r.file === `${name}_bg.wasm`
    || r.file === "agent-dialer.css" || (r.file.startsWith("snippets/") && r.kind === "js"));
  return { files: files.map((r) => r.file), ...sum(files) };
}

export const BUDGET_FILE = join(ROOT, "scripts", "size-budget.json");

const kb = (n) => `${(n / 1024).toFixed(1)} KiB`;
function print(title, report) {
  console.log(`\n${title}`);
  console.log(`| file | raw | gzip | brotli |\n| --- | ---: | ---: | ---: |`);
  for (const r of report.rows) console.log(`| ${r.file} | ${kb(r.raw)} | ${kb(r.gzip)} | ${kb(r.brotli)} |`);
  for (const [k, t] of Object.entries(report.byKind)) if (t.raw) console.log(`| **all ${k}** | ${kb(t.raw)} | ${kb(t.gzip)} | ${kb(t.brotli)} |`);
  console.log(`| **total** | ${kb(report.total.raw)} | ${kb(report.total.gzip)} | ${kb(report.total.brotli)} |`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const json = process.argv.includes("--json");
  const reports = {};
  const dist = join(ROOT, "dist");
  if (existsSync(dist)) {
    // The widget as the demo loads it: glue, snippets, wasm, widget CSS, locale files (not the
    // demo pages, nor dist/pkg/: the package's sources the demo pages import).
    reports.dist = measure(dist, (p) => /\/(demo|pkg)$/.test(p) || p.endsWith("demo.css"));
    reports.initial = pageLoad(reports.dist, "agent-dialer");
    reports.admin = pageLoad(reports.dist, "agent-dialer-admin");
    // Loaded only when a position is looked up: the reverse geocoder (geo/) and its data.
    const geo = reports.dist.rows.filter((r) => r.file.startsWith("agent-dialer-geo"));
    const data = join(dist, "country-boundaries-60x30.ser");
    reports.geocoder = { files: geo.map((r) => r.file), ...sum(geo), data: existsSync(data) ? compressed(readFileSync(data)) : null };
    if (!json) {
      print("dist/ (trunk build --release)", reports.dist);
      const i = reports.initial;
      const a = reports.admin;
      console.log(`\n**Initial download** (what a page downloads to show the dialer: ${i.files.join(", ")}):`);
      console.log(`${i.raw} B raw, ${i.gzip} B gzip, **${i.brotli} B brotli** (${kb(i.brotli)}; ${(i.brotli / 1000).toFixed(1)} kB)`);
      console.log(`Admin pages and agents who may edit the emergency settings (agent-dialer/admin): ${a.brotli} B brotli (${kb(a.brotli)})`);
      const g = reports.geocoder;
      console.log(`When a position is looked up (the reverse geocoder, ${g.files.join(" + ")}): ${g.brotli} B brotli (${kb(g.brotli)})`
        + (g.data ? `, with the boundaries data ${g.data.brotli} B brotli (${kb(g.data.brotli)})` : ""));
    }
  }
  const pkg = join(ROOT, "pkg");
  if (existsSync(pkg)) {
    reports.pkg = measure(pkg);
    if (!json) print("pkg/ (npm package, wasm-opt -Os)", reports.pkg);
  }
  if (json) console.log(JSON.stringify(reports, null, 2));
  if (process.argv.includes("--check")) {
    if (!reports.initial) throw new Error("size-report --check: dist/ is missing (trunk build --release first)");
    const { initialDownloadBrotli: budget } = JSON.parse(readFileSync(BUDGET_FILE, "utf8"));
    const size = reports.initial.brotli;
    if (!reports.initial.files.includes("agent-dialer_bg.wasm")) throw new Error("size-report --check: dist/agent-dialer_bg.wasm is missing");
    if (size > budget) {
      console.error(`size budget exceeded: the initial download is ${size} B brotli, over the budget of ${budget} B (scripts/size-budget.json) by ${size - budget} B.`);
      console.error("Find what grew with `node bench/size-twiggy.mjs` (BENCHMARKS.md); raise the budget only on purpose.");
      process.exit(1);
    }
    console.log(`size budget: the initial download is ${size} B brotli, ${budget - size} B under the budget of ${budget} B.`);
  }
}
