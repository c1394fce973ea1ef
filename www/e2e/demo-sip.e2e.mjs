// The README's first command as a new user tries it: `bash scripts/demo.sh` starts the real stack
// on 127.0.0.1 (here inside the test's loopback-only network namespace), prints three URLs; in
// Chromium (fake audio devices) the user dials 911 in the CRM, answers in the PSAP console,
// talks, drops the call there, calls back — the widget answers at once — and hangs up. Ctrl-C
// stops everything.
//
//   scripts/telephony/run-in-netns.sh node --test www/e2e/demo-sip.e2e.mjs   (after trunk build --release)
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { buildBundles, inLoopbackNamespace, launchMediaBrowser, poll, waitFor } from "../telephony/e2e/stack.mjs";
import { DIST, ROOT, screenshot } from "./harness.mjs";

let demo;
let output = "";
let browser;
const metrics = {};

before(async () => {
  assert.ok(existsSync(path.join(DIST, "agent-dialer.js")), "dist/ missing: run trunk build --release");
  assert.ok(inLoopbackNamespace(), "the demo binds the host loopback: run this file through scripts/telephony/run-in-netns.sh");
  buildBundles();
  const t0 = Date.now();
  demo = spawn("bash", ["scripts/demo.sh"], {
    cwd: ROOT,
    env: { ...process.env, DEMO_PREBUILT: "1", PORT: "0", SIP_WS_PORT: "0", SIP_WSS_PORT: "0", DEMO_MAX_SECONDS: "120" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  demo.stdout.on("data", (d) => (output += d));
  demo.stderr.on("data", (d) => (output += d));
  await poll(async () => ({ ok: output.includes("Ctrl-C stops everything."), value: output.slice(-300) }), "the demo's instructions", 30_000);
  metrics.demoStartMs = Date.now() - t0;
  browser = await launchMediaBrowser({});
});

after(async () => {
  await browser?.close().catch(() => {});
  if (demo && demo.exitCode === null) demo.kill("SIGKILL");
  if (Object.keys(metrics).length) console.log("demo-sip metrics", JSON.stringify(metrics));
});

const url = (label) => {
  const m = new RegExp(`${label}\\s+(http://127\\.0\\.0\\.1:\\d+/\\S+)`).exec(output);
  assert.ok(m, `the demo prints the ${label} URL:\n${output}`);
  return m[1];
};

test("bash scripts/demo.sh: dial 911 in the CRM, answer at the PSAP, talk, drop, get called back; Ctrl-C stops it", async () => {
  const errors = [];
  const open = async (u, viewport) => {
    const ctx = await browser.newContext({ viewport });
    const page = await ctx.newPage();
    page.on("pageerror", (e) => errors.push(`${u}: ${e.message}`));
    await page.goto(u, { timeout: 10_000 });
    return page;
  };
  const crm = await open(url("CRM with the dialer"), { width: 1200, height: 950 });
  const psap = await open(url("Emergency service \\(PSAP\\)"));
  const phone = await open(url("Customer's phone"));
  await crm.waitForSelector("[data-test=dialer]", { timeout: 10_000 });
  await waitFor(crm, () => /registered/.test(document.querySelector("[data-test=sip-status]").textContent), undefined, "CRM registered");
  await waitFor(psap, () => window.psap?.state === "idle", undefined, "PSAP registered");
  await waitFor(phone, () => window.psap?.state === "idle", undefined, "customer phone registered");
  assert.match(await psap.title(), /PSAP/);
  assert.match(await phone.title(), /Customer/);

  // 911 as a new user would: type, Call.
  const t0 = Date.now();
  await crm.fill("[data-test=number]", "911");
  await crm.click("[data-test=call-button]");
  await crm.waitForSelector("[data-test=emergency-banner]", { timeout: 5000 });
  await waitFor(psap, () => window.psap.state === "ringing", undefined, "PSAP rings");
  const where = await psap.locator("#location").textContent();
  assert.ok(where.includes("Springfield") && where.includes("301"), `the PSAP sees the civic address: ${where}`);
  await psap.click("#answer");
  await waitFor(crm, () => /Connected/i.test(document.querySelector("[data-test=call-status]")?.textContent ?? ""), undefined, "CRM connected");
  const callId = await crm.evaluate(() => window.dialer.state().call.callId);
  await poll(async () => {
    const a = await crm.evaluate((id) => window.sipAdapter.getStats(id), callId);
    const p = await psap.evaluate(() => window.psap.stats());
    return { ok: a.packetsReceived > 20 && p.packetsReceived > 20, value: { a, p } };
  }, "audio both ways");
  metrics.dialToAudioMs = Date.now() - t0;
  assert.equal(await crm.locator("[data-test=form-actions]").isHidden(), true, "the CRM form is locked (E9)");
  await screenshot(crm, "demo-sip-911-connected");
  await screenshot(psap, "demo-sip-psap-console");

  // The PSAP drops the call; the widget shows the callback number; presence comes back.
  await psap.click("#drop");
  await crm.waitForSelector("[data-test=notice]", { timeout: 10_000 });
  const cbNumber = await crm.evaluate(() => window.dialer.state().callbackWindow?.number);
  assert.match(cbNumber, /^\+1555010\d{4}$/);
  assert.ok((await crm.locator("[data-test=notice]").first().textContent()).includes(cbNumber));
  await poll(async () => ({ ok: (await crm.locator("#presence").inputValue()) === "available", value: "" }), "presence restored");

  // Call back from the console: the widget answers by itself.
  await psap.click("#callbackBtn");
  await waitFor(crm, () => window.dialer.state().call?.kind === "emergency-callback" && /Connected/i.test(document.querySelector("[data-test=call-status]")?.textContent ?? ""), undefined, "callback answered by the widget");
  await waitFor(psap, () => window.psap.state === "connected", undefined, "PSAP connected on the callback");
  await screenshot(crm, "demo-sip-callback-answered");
  await psap.click("#hangup");
  await crm.waitForSelector("[data-test=call-button]", { timeout: 10_000 });
  assert.deepEqual(errors, []);

  // Ctrl-C: everything stops, the ports close.
  const httpUrl = new URL(url("CRM with the dialer")).origin;
  demo.kill("SIGINT");
  const code = await new Promise((resolve) => demo.once("exit", (c, sig) => resolve(c ?? sig)));
  assert.equal(code, 130);
  await assert.rejects(fetch(`${httpUrl}/config.json`), "the page server is gone");
});
