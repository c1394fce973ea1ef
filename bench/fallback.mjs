// The fallback dialer and the guard in figures (issue 12; measured, never asserted):
//   1. size of www/pkg/fallback.js (loaded only when the wasm cannot run) and guard.js (loaded
//      with every entry point): raw, gzip -9, brotli q11, as shipped and minified by esbuild;
//   2. in headless Chromium, medians over N runs:
//      - Call click -> host calling.dial for 911: the wasm through the raw glue (no guard), the
//        wasm through the package entry (guard + recording proxy), and the fallback dialer (page
//        CSP without 'wasm-unsafe-eval');
//      - mount() -> fallback dialer in the DOM (fallback.js already loaded by init());
//      - trap (a wasm-run DOM listener, test build) -> the fallback's End call in the DOM.
//   node bench/fallback.mjs [runs=15]   (after trunk build --release and bash scripts/build-trap.sh)
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { transform } from "esbuild";
import { serve, launch, ROOT } from "../www/e2e/harness.mjs";
import { compressed } from "../scripts/size-report.mjs";

const N = Number(process.argv[2] ?? 15);
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const fmt = (xs) => `${median(xs).toFixed(2)} ms (min ${Math.min(...xs).toFixed(2)}, max ${Math.max(...xs).toFixed(2)}, n=${xs.length})`;

console.log("| file | raw | gzip | brotli | minified raw | minified gzip | minified brotli |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
for (const file of ["fallback.js", "guard.js"]) {
  const src = readFileSync(join(ROOT, "www/pkg", file));
  const min = Buffer.from((await transform(src.toString(), { minify: true, format: "esm" })).code);
  const a = compressed(src);
  const b = compressed(min);
  console.log(`| ${file} | ${a.raw} | ${a.gzip} | ${a.brotli} | ${b.raw} | ${b.gzip} | ${b.brotli} |`);
}

const CSP = (wasm) => `default-src 'self'; script-src 'self'${wasm ? " 'wasm-unsafe-eval'" : ""}; style-src 'self'; connect-src 'self'`;
const page = (csp) => `<!doctype html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${csp}">`
  + `<link rel="stylesheet" href="/agent-dialer.css"><script type="module" src="/__bench.js"></script></head><body></body></html>`;
const script = (entry) => `
import init, { mount } from "${entry}";
import { createMockHost } from "/demo/mock-host.js";
const config = { agent: { id: "bench", name: "Bench" }, emergency: { locationOverride: { region: "US" } },
  readiness: { voiceOutboundProfile: true, mailboxEnabled: true, numberType: "calling-plan" } };
await init(${entry === "/agent-dialer.js" ? '{ module_or_path: "/agent-dialer_bg.wasm" }' : ""});
window.mountOne = () => {
  const el = document.createElement("div"); document.body.append(el);
  const host = createMockHost();
  const dial = host.calling.dial;
  host.calling.dial = (req) => { window.dialAt = performance.now(); return dial(req); };
  const t0 = performance.now();
  window.dialer = mount(el, host, config);
  window.mountedIn = performance.now() - t0;
  window.host = host;
};
addEventListener("click", () => { window.clickAt = performance.now(); }, true);
document.documentElement.dataset.ready = "1";
`;

const server = await serve();
const browser = await launch();
async function open(name, entry, wasm) {
  server.files.set(`/__${name}.html`, page(CSP(wasm)));
  server.files.set("/__bench.js", script(entry));
  const context = await browser.newContext();
  const p = await context.newPage();
  await p.goto(`${server.url}/__${name}.html`);
  await p.waitForSelector("html[data-ready]");
  return p;
}

async function clickToDial(name, entry, wasm, call, number) {
  const out = [];
  for (let i = 0; i < N; i++) {
    const p = await open(name, entry, wasm);
    await p.evaluate(() => window.mountOne());
    await p.locator(number).waitFor();
    await p.locator(number).fill("911");
    await p.locator(call).click();
    await p.waitForFunction(() => window.dialAt !== undefined);
    out.push(await p.evaluate(() => window.dialAt - window.clickAt));
    await p.context().close();
  }
  return out;
}
const WASM_UI = ["[data-test=call-button]", "[data-test=number]"];
const FALLBACK_UI = ["[data-test=fallback-call]", "[data-test=fallback-number]"];
console.log(`\nCall click -> calling.dial, 911, wasm, raw glue (no guard): ${fmt(await clickToDial("raw", "/agent-dialer.js", true, ...WASM_UI))}`);
console.log(`Call click -> calling.dial, 911, wasm through the guard (/pkg/index.js): ${fmt(await clickToDial("guarded", "/pkg/index.js", true, ...WASM_UI))}`);
console.log(`Call click -> calling.dial, 911, fallback dialer (CSP blocks the wasm): ${fmt(await clickToDial("fallback", "/pkg/index.js", false, ...FALLBACK_UI))}`);

const mounts = [];
for (let i = 0; i < N; i++) {
  const p = await open("fallback", "/pkg/index.js", false);
  mounts.push(await p.evaluate(() => { window.mountOne(); return window.mountedIn; }));
  await p.context().close();
}
console.log(`mount() -> fallback dialer in the DOM (synchronous): ${fmt(mounts)}`);

// Trap -> takeover, on the test build.
const TRAP = join(ROOT, "target/trap-build");
const traps = [];
for (let i = 0; i < N; i++) {
  const p = await open("trap", "/pkg/index.js", true);
  await p.route(/\/(agent-dialer\.js|agent-dialer_bg\.wasm|snippets\/.+)$/, (route) => {
    const path = new URL(route.request().url()).pathname;
    route.fulfill({ status: 200, contentType: path.endsWith(".wasm") ? "application/wasm" : "text/javascript", body: readFileSync(join(TRAP, path)) });
  });
  await p.reload();
  await p.waitForSelector("html[data-ready]");
  await p.evaluate(() => window.mountOne());
  await p.locator("[data-test=number]").fill("911");
  await p.locator("[data-test=call-button]").click();
  await p.locator("[data-test=emergency-banner]").waitFor();
  traps.push(await p.evaluate(async () => {
    const glue = await import("/agent-dialer.js");
    glue.__trapOnEvent(document.body, "bench-trap");
    return new Promise((resolve) => {
      const t0 = performance.now();
      const seen = () => document.querySelector("[data-test=fallback-end]");
      new MutationObserver((_, o) => { if (seen()) { o.disconnect(); resolve(performance.now() - t0); } }).observe(document.body, { childList: true, subtree: true });
      document.body.dispatchEvent(new Event("bench-trap"));
    });
  }));
  await p.context().close();
}
console.log(`trap (wasm-run listener) -> the fallback's End call in the DOM: ${fmt(traps)}`);
await browser.close();
await server.close();
