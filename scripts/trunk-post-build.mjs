// Trunk post-build hook: removes Trunk's inline loader <script> from the built HTML, because
// a strict Content-Security-Policy refuses inline scripts (trunk-rs/trunk#288). The pages
// load the widget with an external module (www/demo.js etc.) instead.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error("TRUNK_STAGING_DIR is not set: run this as a Trunk hook");
const file = join(dir, "index.html");
const html = readFileSync(file, "utf8");
const inline = /<script type="module"(?![^>]*\bsrc=)[^>]*>[\s\S]*?<\/script>/g;
const out = html.replace(inline, "");
if (/<script(?![^>]*\bsrc=)[^>]*>/.test(out)) throw new Error("an inline script is left in index.html");
writeFileSync(file, out);
// Trunk also adds a modulepreload/preload for the glue; keep those (they are not scripts).
// The demo never ships the test build's trap hooks (cargo feature `test-trap`, test builds only).
if (readFileSync(join(dir, "agent-dialer.js"), "utf8").includes("__trap")) throw new Error("the wasm was built with the test-trap feature");
