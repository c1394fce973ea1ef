// Latency in headless Chromium (medians over N runs; measured, never asserted):
//   1. mount -> first painted dialer: performance.now() before mount(), then requestAnimationFrame
//      until [data-test=call-button] exists, then the first task after that frame (after paint).
//      "cold" = the first mount in a fresh page (wasm already instantiated); "warm" = remounts.
//   2. Call click -> host calling.dial: performance.now() in a capturing click listener on window
//      vs in the host's dial (direct mount: same clock; iframe across origins: timeOrigin + now).
//   node bench/latency.mjs [runs=15]     (after trunk build --release)
import { serve, launch } from "../www/e2e/harness.mjs";

const N = Number(process.argv[2] ?? 15);
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const fmt = (xs) => `${median(xs).toFixed(2)} ms (min ${Math.min(...xs).toFixed(2)}, max ${Math.max(...xs).toFixed(2)}, n=${xs.length})`;

const PAGE = `<!doctype html><html><head><meta charset="utf-8"><link rel="stylesheet" href="/agent-dialer.css">
<script type="module" src="/__bench.js"></script></head><body></body></html>`;
const SCRIPT = `
import init, { mount } from "/agent-dialer.js";
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
window.mountMeasured = async () => { const r = await window.mountOnce(); return { sync: r.sync, dom: r.dom, painted: r.painted }; };
window.remount = async () => { const r = await window.mountOnce(); r.dialer.unmount(); r.el.remove(); r.host.sim.dispose(); return { sync: r.sync, dom: r.dom, painted: r.painted }; };
window.prepareDial = async () => {
  const r = await window.mountOnce();
  window.bench = r;
  const dial = r.host.calling.dial;
  r.host.calling.dial = (req) => { window.dialAt = performance.now(); return dial(req); };
  window.addEventListener("click", () => { window.clickAt = performance.now(); }, true);
};
await init({ module_or_path: "/agent-dialer_bg.wasm" });
await afterPaint();
document.documentElement.dataset.ready = "1";
`;

const server = await serve();
const browser = await launch();
async function benchPage() {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.route("**/__bench.html", (r) => r.fulfill({ body: PAGE, contentType: "text/html" }));
  await page.route("**/__bench.js", (r) => r.fulfill({ body: SCRIPT, contentType: "text/javascript" }));
  await page.goto(`${server.url}/__bench.html`);
  await page.waitForSelector("html[data-ready]");
  return page;
}

const cold = { sync: [], dom: [], painted: [] };
for (let i = 0; i < N; i++) {
  const page = await benchPage();
  const r = await page.evaluate(() => window.mountMeasured());
  for (const k of Object.keys(cold)) cold[k].push(r[k]);
  await page.context().close();
}
const warm = { sync: [], dom: [], painted: [] };
{
  const page = await benchPage();
  for (let i = 0; i < N * 2; i++) {
    const r = await page.evaluate(() => window.remount());
    for (const k of Object.keys(warm)) warm[k].push(r[k]);
  }
  await page.context().close();
}

const clickToDial = { ordinary: [], emergency: [] };
for (const [kind, number] of [["ordinary", "5551234567"], ["emergency", "911"]]) {
  for (let i = 0; i < N; i++) {
    const page = await benchPage();
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
for (let i = 0; i < N; i++) {
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

await browser.close();
await server.close();
await frameSite.close();
const out = {
  "mount -> dialer painted (cold: first mount in a fresh page)": fmt(cold.painted),
  "mount -> call button in the DOM (cold)": fmt(cold.dom),
  "mount() call itself (cold)": fmt(cold.sync),
  "mount -> dialer painted (warm remount)": fmt(warm.painted),
  "Call click -> host calling.dial, ordinary (direct mount)": fmt(clickToDial.ordinary),
  "Call click -> host calling.dial, emergency 911 (direct mount)": fmt(clickToDial.emergency),
  "Call click in frame -> parent's calling.dial, 911 (iframe, two origins)": fmt(iframeClickToDial),
};
if (process.argv.includes("--json")) console.log(JSON.stringify(out, null, 2));
else for (const [k, v] of Object.entries(out)) console.log(`| ${k} | ${v} |`);
