// Size of agent-dialer/sip: the package's sip.js (the adapter with sip.js bundled, minified) and
// where its bytes go (esbuild metafile), next to @twilio/voice-sdk's browser bundle.
//   bash scripts/build-pkg.sh && node bench/sip-size.mjs
import { readFileSync } from "node:fs";
import { build } from "esbuild";
import { compressed } from "../scripts/size-report.mjs";

const ROOT = new URL("..", import.meta.url).pathname;
const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;
const row = (what, c) => console.log(`| ${what} | ${kib(c.raw)} | ${kib(c.gzip)} | ${kib(c.brotli)} |`);

console.log("| what | raw | gzip | brotli |\n| --- | ---: | ---: | ---: |");
row("`pkg/sip.js` (agent-dialer/sip: adapter + PIDF-LO + sip.js 0.21, minified)", compressed(readFileSync(`${ROOT}pkg/sip.js`)));
// The adapter's own code: the same bundle with sip.js left out (external).
const own = await build({
  entryPoints: [`${ROOT}www/pkg/sip-entry.js`], bundle: true, minify: true, format: "esm", write: false,
  platform: "browser", target: "es2020", external: ["sip.js"], legalComments: "none", logLevel: "silent",
});
row("of which our adapter + PIDF-LO (sip.js external)", compressed(Buffer.from(own.outputFiles[0].contents)));
row("@twilio/voice-sdk 2.x `twilio.min.js` (for comparison)", compressed(readFileSync(`${ROOT}node_modules/@twilio/voice-sdk/dist/twilio.min.js`)));
