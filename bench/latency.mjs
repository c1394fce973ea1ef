// Latency in headless Chromium (medians over N runs; measured, never asserted):
//   1. mount -> first painted dialer: performance.now() before mount(), then requestAnimationFrame
//      until [data-test=call-button] exists, then the first task after that frame (after paint).
//      "cold" = the first mount in a fresh page (wasm already instantiated, nothing rendered);
//      "warm" = remounts. The headline is the package entry as hosts load it (init() includes
//      the warm-up, src/warm.rs); the bare wasm-bindgen glue rows show the cost without it.
//   2. Call click -> host calling.dial: performance.now() in a capturing click listener on window
//      vs in the host's dial (direct mount: same clock; iframe across origins: timeOrigin + now).
//   3. page load -> dialer painted, fresh page (fetch + compile + instantiate + mount + paint), from
//      the navigation's start (performance.now() = 0): what a host page pays, with the loader as
//      the package ships it (wasm-bindgen's glue: WebAssembly.instantiateStreaming when the .wasm
//      is served as application/wasm; the bench counts the streaming calls), once as a plain page
//      and once with the recipe README.md gives hosts, each through the bare glue and the package (<link rel="modulepreload"> for the glue,
//      <link rel="preload" as="fetch" type="application/wasm" crossorigin> for the wasm).
//   node bench/latency.mjs [runs=15] [--only paint|load|dial] [--json]   (after trunk build --release)
import { serve, launch } from "../www/e2e/harness.mjs";

const N = Number(process.argv.slice(2).find((a) => /^\d+$/.test(a)) ?? 15);
const only = process.argv.includes("--only") ? process.argv[process.argv.indexOf("--only") + 1] : null;
const want = (part) => !only || only === part;
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const fmt = (xs) => `${median(xs).toFixed(2)} ms (min ${Math.min(...xs).toFixed(2)}, max ${Math.max(...xs).toFixed(2)}, n=${xs.length})`;

// `hostText`: the host page has painted its own text (a CRM always has) in the system font the
// widget uses, so the renderer's one-time font set-up (~12 ms here) is not counted as the widget's.
const HOST_TEXT = `<div style="font-family: system-ui, sans-serif"><h1>Acme CRM</h1><p>Case 00042 <b>Jane Customer</b> <button>Save</button> <input value="notes"></p></div>`;
const PAGE = (hostText) => `<!doctype html><html><head><meta charset="utf-8"><link rel="stylesheet" href="/agent-dialer.css">
<script type="module" src="/__bench.js"></script></head><body>${hostText ? HOST_TEXT : ""}</body></html>`;
// \`?package\`: through the package's entry, as hosts load it (dist/pkg/index.js: guard.js, and
// the warm-up its init() runs before resolving, src/warm.rs), mounting right after
// \`await init()\`; else the bare wasm-bindgen glue (no warm-up: what a first mount costs
// without it).
const SCRIPT = `
const viaPackage = new URLSearchParams(location.search).has("package");
const glue = await import(viaPackage ? "/pkg/index.js" : "/agent-dialer.js");
const { mount } = glue;
import { createMockHost } from "/demo/mock-host.js";
const config = { agent: { id: "bench", name: "Bench" },
  emergency: { recipients: "a@b.example", locationOverride: { region: "US" } },
  readiness: { voiceOutboundProfile: true, mailboxEnabled: true, numberType: "calling-plan" } };
const afterPaint = () => new Promise((r) => requestAnimationFrame(() => { const c = new MessageChannel(); c.port1.onmessage = () => r(); c.port2.postMessage(0); }));
window.mountOnce = () => new Promise((resolve) => {
  const el = document.createElement("div"); document.body.append(el);
  const host = createMockHost();
  const t0 = performance.now();
  const dialer = mount(el, host, config);
  const sync = performance.now() - t0;
  const check = () => {
    if (!el.querySelector("[data-test=call-button]")) return requestAnimationFrame(check);
    const dom = performance.now() - t0;
    const c = new MessageChannel();
    c.port1.onmessage = () => resolve({ sync, dom, painted: performance.now() - t0, dialer, host, el });
    c.port2.postMessage(0);
  };
  requestAnimationFrame(check);
});
// The floor: the same DOM as static HTML (no wasm runs) inserted into a fresh page -> painted.
window.insertMeasured = (html) => new Promise((resolve) => {
  const el = document.createElement("div");
  const t0 = performance.now();
  el.innerHTML = html;
  document.body.append(el);
  requestAnimationFrame(() => { const c = new MessageChannel(); c.port1.onmessage = () => resolve(performance.now() - t0); c.port2.postMessage(0); });
});
window.mountMeasured = async () => { const r = await window.mountOnce(); return { sync: r.sync, dom: r.dom, painted: r.painted,
  warmUp: performance.getEntriesByName("agent-dialer:warm-up")[0]?.duration ?? NaN }; };
window.remount = async () => { const r = await window.mountOnce(); r.dialer.unmount(); r.el.remove(); r.host.sim.dispose(); return { sync: r.sync, dom: r.dom, painted: r.painted }; };
window.prepareDial = async () => {
  const r = await window.mountOnce();
  window.bench = r;
  const dial = r.host.calling.dial;
  r.host.calling.dial = (req) => { window.dialAt = performance.now(); return dial(req); };
  window.addEventListener("click", () => { window.clickAt = performance.now(); }, true);
};
if (viaPackage) {
  await glue.default();
} else {
  await glue.default({ module_or_path: "/agent-dialer_bg.wasm" });
}
await afterPaint();
document.documentElement.dataset.ready = "1";
`;

const server = await serve();
// CHROMIUM_EXTRA: more Chromium switches for an experiment, e.g. "--js-flags=--no-wasm-lazy-compilation".
const browser = await launch(process.env.CHROMIUM_EXTRA ? process.env.CHROMIUM_EXTRA.split(" ") : []);
async function benchPage(hostText = false, viaPackage = false) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.route(/\/__bench\.html(\?.*)?$/, (r) => r.fulfill({ body: PAGE(hostText), contentType: "text/html" }));
  await page.route("**/__bench.js", (r) => r.fulfill({ body: SCRIPT, contentType: "text/javascript" }));
  await page.goto(`${server.url}/__bench.html${viaPackage ? "?package" : ""}`);
  await page.waitForSelector("html[data-ready]");
  return page;
}

// A fresh page that loads the widget the way a host does: the glue imported by a module script,
// init(), mount(), then the first paint. `preload`: the README's recipe in the head.
const loadPage = (preload, viaPackage) => `<!doctype html><html><head><meta charset="utf-8">
${preload ? `<link rel="modulepreload" href="${viaPackage ? "/pkg/index.js" : "/agent-dialer.js"}">
<link rel="preload" href="/agent-dialer_bg.wasm" as="fetch" type="application/wasm" crossorigin>` : ""}
<link rel="stylesheet" href="/agent-dialer.css">
<script type="module" src="/__load.js"></script></head><body><div id="dialer"></div></body></html>`;
const LOAD_SCRIPT = `
const streaming = WebAssembly.instantiateStreaming;
window.streamingCalls = 0;
WebAssembly.instantiateStreaming = (...args) => { window.streamingCalls++; return streaming(...args); };
const t = { start: performance.now() };
const glue = await import(new URLSearchParams(location.search).has("package") ? "/pkg/index.js" : "/agent-dialer.js");
t.glue = performance.now();
const { createMockHost } = await import("/demo/mock-host.js");
await glue.default();
t.init = performance.now();
const el = document.getElementById("dialer");
glue.mount(el, createMockHost(), { agent: { id: "bench", name: "Bench" },
  emergency: { recipients: "a@b.example", locationOverride: { region: "US" } },
  readiness: { voiceOutboundProfile: true, mailboxEnabled: true, numberType: "calling-plan" } });
t.mount = performance.now();
const painted = () => {
  if (!el.querySelector("[data-test=call-button]")) return requestAnimationFrame(painted);
  const c = new MessageChannel();
  c.port1.onmessage = () => { t.painted = performance.now(); window.loadTimes = t; };
  c.port2.postMessage(0);
};
requestAnimationFrame(painted);
`;
async function pageLoad(preload, viaPackage = false) {
  const rows = { script: [], glue: [], init: [], mount: [], painted: [], streaming: [] };
  for (let i = 0; i < N; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.route(/\/__load\.html(\?.*)?$/, (r) => r.fulfill({ body: loadPage(preload, viaPackage), contentType: "text/html" }));
    await page.route("**/__load.js", (r) => r.fulfill({ body: LOAD_SCRIPT, contentType: "text/javascript" }));
    let wasmRequests = 0;
    page.on("request", (r) => { if (r.url().endsWith("_bg.wasm")) wasmRequests++; });
    await page.goto(`${server.url}/__load.html${viaPackage ? "?package" : ""}`);
    await page.waitForFunction(() => window.loadTimes);
    // The preload must be the fetch the glue uses (same URL, mode and credentials), not a second download.
    if (wasmRequests !== 1) throw new Error(`page load (preload ${preload}): the wasm was requested ${wasmRequests} times`);
    const t = await page.evaluate(() => ({ ...window.loadTimes, streaming: window.streamingCalls }));
    rows.script.push(t.start); rows.glue.push(t.glue); rows.init.push(t.init); rows.mount.push(t.mount - t.init);
    rows.painted.push(t.painted); rows.streaming.push(t.streaming);
    await context.close();
  }
  return rows;
}

const cold = { sync: [], dom: [], painted: [] };
for (let i = 0; i < (want("paint") ? N : 0); i++) {
  const page = await benchPage();
  const r = await page.evaluate(() => window.mountMeasured());
  for (const k of Object.keys(cold)) cold[k].push(r[k]);
  await page.context().close();
}
// Cold through the package's entry, mounted a moment after init (its warm-up has run), on the
// host page that has painted its own text (compare with coldHost and the floor below).
const coldPackage = { sync: [], dom: [], painted: [], warmUp: [] };
for (let i = 0; i < (want("paint") ? N : 0); i++) {
  const page = await benchPage(true, true);
  const r = await page.evaluate(() => window.mountMeasured());
  for (const k of Object.keys(coldPackage)) coldPackage[k].push(r[k]);
  await page.context().close();
}
// Cold again on a host page that has painted its own text, and the floor for that page: the
// widget's DOM (taken from a settled mount) as static HTML, so no wasm runs at all.
const coldHost = { sync: [], dom: [], painted: [] };
const floor = [];
if (want("paint")) {
  const page = await benchPage(true);
  const r = await page.evaluate(() => window.mountOnce().then((m) => new Promise((ok) => setTimeout(() => ok(m.el.innerHTML), 500))));
  await page.context().close();
  for (let i = 0; i < N; i++) {
    const a = await benchPage(true);
    const m = await a.evaluate(() => window.mountMeasured());
    for (const k of Object.keys(coldHost)) coldHost[k].push(m[k]);
    await a.context().close();
    const b = await benchPage(true);
    floor.push(await b.evaluate((html) => window.insertMeasured(html), r));
    await b.context().close();
  }
}
const warm = { sync: [], dom: [], painted: [] };
if (want("paint")) {
  const page = await benchPage();
  for (let i = 0; i < N * 2; i++) {
    const r = await page.evaluate(() => window.remount());
    for (const k of Object.keys(warm)) warm[k].push(r[k]);
  }
  await page.context().close();
}

// The first Call click in the page; \`emergencyPackage\`: through the package's entry, whose
// init() warm-up has compiled the emergency dial path before the click.
const clickToDial = { ordinary: [], emergency: [], emergencyPackage: [] };
for (const [kind, number, viaPackage] of [["ordinary", "5551234567"], ["emergency", "911"], ["emergencyPackage", "911", true]]) {
  for (let i = 0; i < (want("dial") ? N : 0); i++) {
    const page = await benchPage(false, viaPackage);
    await page.evaluate(() => window.prepareDial());
    await page.fill("[data-test=number]", number);
    await page.click("[data-test=call-button]");
    await page.waitForFunction(() => window.dialAt !== undefined);
    clickToDial[kind].push(await page.evaluate(() => window.dialAt - window.clickAt));
    await page.context().close();
  }
}

// Across origins: the agent's click in the frame -> the parent's host.calling.dial.
const [frameSite] = [await serve()];
const iframeClickToDial = [];
for (let i = 0; i < (want("dial") ? N : 0); i++) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${server.url}/demo/iframe.html?frame=${frameSite.url}`);
  await page.waitForSelector("html[data-dialer-ready=true]");
  const framed = page.frames().find((f) => f.url().startsWith(frameSite.url));
  await framed.waitForSelector("[data-test=call-button]");
  await page.evaluate(() => {
    const dial = window.demoHost.calling.dial;
    window.demoHost.calling.dial = (req) => { window.dialAt = performance.timeOrigin + performance.now(); return dial(req); };
  });
  await framed.evaluate(() => window.addEventListener("click", () => { window.clickAt = performance.timeOrigin + performance.now(); }, true));
  await framed.fill("[data-test=number]", "911");
  await framed.click("[data-test=call-button]");
  await page.waitForFunction(() => window.dialAt !== undefined);
  iframeClickToDial.push((await page.evaluate(() => window.dialAt)) - (await framed.evaluate(() => window.clickAt)));
  await context.close();
}

const loads = want("load") ? { plain: await pageLoad(false), preload: await pageLoad(true),
  packagePlain: await pageLoad(false, true), packagePreload: await pageLoad(true, true) } : null;

await browser.close();
await server.close();
await frameSite.close();
const out = {};
if (want("paint")) Object.assign(out, {
  "mount -> dialer painted (cold: first mount in a fresh page, package entry, right after await init(); host page with its text)": fmt(coldPackage.painted),
  "mount() call itself (cold, package entry)": fmt(coldPackage.sync),
  "mount -> call button in the DOM (cold, package entry)": fmt(coldPackage.dom),
  "init()'s warm-up itself (the agent-dialer:warm-up measure, package entry)": fmt(coldPackage.warmUp),
  "bare glue, no warm-up: mount -> dialer painted (cold, empty host page)": fmt(cold.painted),
  "bare glue, no warm-up: mount -> call button in the DOM (cold)": fmt(cold.dom),
  "bare glue, no warm-up: mount() call itself (cold)": fmt(cold.sync),
  "mount -> dialer painted (warm remount)": fmt(warm.painted),
  "bare glue, no warm-up: mount -> dialer painted (cold, host page with its own text painted)": fmt(coldHost.painted),
  "bare glue, no warm-up: mount() call itself (cold, host page with its text)": fmt(coldHost.sync),
  "floor: the widget's DOM as static HTML -> painted (same host page, no wasm)": fmt(floor),
});
if (want("dial")) Object.assign(out, {
  "Call click -> host calling.dial, ordinary (direct mount)": fmt(clickToDial.ordinary),
  "Call click -> host calling.dial, emergency 911 (direct mount)": fmt(clickToDial.emergency),
  "Call click -> host calling.dial, emergency 911 (package entry: init's warm-up ran)": fmt(clickToDial.emergencyPackage),
  "Call click in frame -> parent's calling.dial, 911 (iframe, two origins)": fmt(iframeClickToDial),
});
for (const [name, rows] of Object.entries(loads ?? {})) {
  const how = `${/package/.test(name) ? "package entry (init includes the warm-up)" : "bare glue"}, ${/reload/.test(name) ? "with modulepreload + preload" : "plain page"}`;
  if (rows.streaming.some((n) => n !== 1)) throw new Error(`page load (${how}): instantiateStreaming was not used once per page (${rows.streaming})`);
  Object.assign(out, {
    [`page load -> dialer painted, ${how} (from navigation start)`]: fmt(rows.painted),
    [`page load: module script starts (${how})`]: fmt(rows.script),
    [`page load: glue imported (${how})`]: fmt(rows.glue),
    [`page load: init() resolved = wasm fetched, compiled (streaming), instantiated (${how})`]: fmt(rows.init),
    [`page load: mount() call (${how})`]: fmt(rows.mount),
  });
}
if (process.argv.includes("--json")) console.log(JSON.stringify(out, null, 2));
else for (const [k, v] of Object.entries(out)) console.log(`| ${k} | ${v} |`);
