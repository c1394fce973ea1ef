// Bytes a browser downloads (brotli q 11, node zlib) for agent-dialer versus the browser
// bundles of other embeddable telephony/number libraries from npm (root devDependencies).
// Each is measured the same way: the file(s) a page loads, compressed as a CDN would serve them.
//   node bench/size-compare.mjs            (after trunk build --release)
import { readFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { createRequire } from "node:module";
import { compressed, measure, pageLoad } from "../scripts/size-report.mjs";

const ROOT = new URL("..", import.meta.url).pathname;
const require = createRequire(join(ROOT, "package.json"));
const version = (name) => JSON.parse(readFileSync(join(ROOT, "node_modules", name, "package.json"), "utf8")).version;

const dist = join(ROOT, "dist");
if (!existsSync(join(dist, "agent-dialer_bg.wasm"))) throw new Error("dist/ is missing: run trunk build --release first");
// The widget's row is the size report's "initial download" (the files the CI budget holds).
const initial = pageLoad(measure(dist, (p) => /\/(demo|pkg)$/.test(p) || p.endsWith("demo.css")), "agent-dialer");
const subjects = [
  {
    name: "agent-dialer (this widget: wasm + JS glue + snippets + CSS = the initial download)",
    files: initial.files.map((f) => join(dist, f)),
    note: "the reverse geocoder and the country boundaries (ODbL) fetched later, only when a position is looked up",
    later: ["agent-dialer-geo.js", "agent-dialer-geo_bg.wasm", "country-boundaries-60x30.ser"].map((f) => join(dist, f)),
  },
  { name: `amazon-connect-streams ${version("amazon-connect-streams")} (release/connect-streams-min.js)`,
    files: [join(ROOT, "node_modules/amazon-connect-streams/release/connect-streams-min.js")],
    note: "CCP bridge only: the softphone UI itself is Amazon's iframe, downloaded on top" },
  { name: `@twilio/voice-sdk ${version("@twilio/voice-sdk")} (dist/twilio.min.js)`,
    files: [join(ROOT, "node_modules/@twilio/voice-sdk/dist/twilio.min.js")],
    note: "calling SDK only, no dialer UI" },
  { name: `google-libphonenumber ${version("google-libphonenumber")} (dist/libphonenumber.js)`,
    files: [require.resolve("google-libphonenumber")],
    note: "number parsing/short numbers only (what the widget's recognition replaces)" },
];

const kb = (n) => `${(n / 1024).toFixed(1)} KiB`;
const results = subjects.map((s) => {
  const t = s.files.map((f) => compressed(readFileSync(f))).reduce((a, b) => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip, brotli: a.brotli + b.brotli }));
  const later = s.later?.filter(existsSync).map((f) => compressed(readFileSync(f)).brotli).reduce((a, b) => a + b, 0);
  return { ...s, ...t, later };
});
if (process.argv.includes("--json")) {
  console.log(JSON.stringify(results.map(({ name, raw, gzip, brotli, later }) => ({ name, raw, gzip, brotli, later })), null, 2));
} else {
  console.log("| what a page downloads | raw | gzip | brotli | note |\n| --- | ---: | ---: | ---: | --- |");
  for (const r of results) {
    const later = r.later ? ` (+${kb(r.later)} brotli later)` : "";
    console.log(`| ${r.name} | ${kb(r.raw)} | ${kb(r.gzip)} | **${kb(r.brotli)}** | ${r.note}${later} |`);
  }
}
