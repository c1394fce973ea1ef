// Where a cold mount() spends its time: a sampling CPU profile (Chrome DevTools Protocol,
// 50 µs interval) of the first mount in a fresh page, self time summed by function, over N pages.
// \`--package\`: through the package's entry (dist/pkg/index.js), mounted right after
// \`await init()\`, whose warm-up (src/warm.rs) has run. Measured, never asserted (BENCHMARKS.md, "Issue 16").
//   node bench/profile-mount.mjs [pages=5] [--package]   (after trunk build --release)
import { serve, launch } from "/work/wt-score/www/e2e/harness.mjs";

const N = Number(process.argv.slice(2).find((a) => /^\d+$/.test(a)) ?? 5);
const viaPackage = process.argv.includes("--package");
const PAGE = `<!doctype html><html><head><meta charset="utf-8"><link rel="stylesheet" href="/agent-dialer.css">
<script type="module" src="/__p.js"></script></head><body><p style="font-family: system-ui, sans-serif">Acme CRM</p></body></html>`;
const SCRIPT = `
import { createMockHost } from "/demo/mock-host.js";
const viaPackage = new URLSearchParams(location.search).has("package");
const glue = await import(viaPackage ? "/pkg/index.js" : "/agent-dialer.js");
const { mount } = glue;
if (viaPackage) await glue.default();
else await glue.default({ module_or_path: "/agent-dialer_bg.wasm" });
await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 50)));
window.mountCold = () => {
  const el = document.createElement("div"); document.body.append(el);
  const t0 = performance.now();
  mount(el, createMockHost(), { agent: { id: "bench", name: "Bench" },
    emergency: { recipients: "a@b.example", locationOverride: { region: "US" } },
    readiness: { voiceOutboundProfile: true, mailboxEnabled: true, numberType: "calling-plan" } });
  return performance.now() - t0;
};
document.documentElement.dataset.ready = "1";
`;
const server = await serve();
const browser = await launch(process.env.CHROMIUM_EXTRA ? process.env.CHROMIUM_EXTRA.split(" ") : []);
const self = new Map();
let total = 0;
const sync = [];
for (let i = 0; i < N; i++) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.route(/\/__p\.html(\?.*)?$/, (r) => r.fulfill({ body: PAGE, contentType: "text/html" }));
  await page.route("**/__p.js", (r) => r.fulfill({ body: SCRIPT, contentType: "text/javascript" }));
  await page.goto(`${server.url}/__p.html${viaPackage ? "?package" : ""}`);
  await page.waitForSelector("html[data-ready]");
  const cdp = await context.newCDPSession(page);
  await cdp.send("Profiler.enable");
  await cdp.send("Profiler.setSamplingInterval", { interval: 50 });
  await cdp.send("Profiler.start");
  sync.push(await page.evaluate(() => window.mountCold()));
  const { profile } = await cdp.send("Profiler.stop");
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const dt = profile.timeDeltas;
  profile.samples.forEach((id, k) => {
    const f = byId.get(id).callFrame;
    const key = `${f.functionName || "(anonymous)"} ${f.url.split("/").pop()}:${f.lineNumber}:${f.columnNumber}`;
    const ms = (dt[k + 1] ?? 0) / 1000;
    self.set(key, (self.get(key) ?? 0) + ms);
    total += ms;
  });
  await context.close();
}
await browser.close();
server.close?.();
console.log(`mount() call, cold: ${sync.map((x) => x.toFixed(1)).join(", ")} ms; profiled ${(total / N).toFixed(1)} ms per page`);
for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log(`${(v / N).toFixed(2).padStart(7)} ms  ${k}`);
process.exit(0);
