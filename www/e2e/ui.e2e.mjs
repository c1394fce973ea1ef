// The agent's UI end to end: keyboard-only calls, axe-core in every state, locales, and
// screenshots of every state (test-results/ui-*.png; with UPDATE_SCREENSHOTS=1 also copied to
// docs/screenshots/, which the README shows).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { copyFile, mkdir } from "node:fs/promises";
import { join } from "node:path";
import { serve, launch, newPage, openDemo, hostLog, ROOT, ARTIFACTS } from "./harness.mjs";

const AXE = join(ROOT, "node_modules/axe-core/axe.min.js");
const DOCS = join(ROOT, "docs/screenshots");
let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

// bypassCSP only so the test can inject axe-core; the widget itself never needs it.
const open = (query = "") => openDemo(browser, server.url, query, { bypassCSP: true, viewport: { width: 1100, height: 900 } });

/** axe-core on the widget: no violations. */
async function axe(page, state) {
  if (!(await page.evaluate(() => typeof window.axe !== "undefined"))) await page.addScriptTag({ path: AXE });
  const result = await page.evaluate(() => window.axe.run(document.querySelector(".agent-dialer"), { resultTypes: ["violations"] }));
  const summary = result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  assert.deepEqual(summary, [], `axe violations in the ${state} state`);
}

/** Screenshot of the widget alone (what the CRM sidebar shows). */
async function shot(page, name) {
  await mkdir(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, `ui-${name}.png`);
  await page.locator("[data-test=dialer-mount]").screenshot({ path });
  if (process.env.UPDATE_SCREENSHOTS === "1") {
    await mkdir(DOCS, { recursive: true });
    await copyFile(path, join(DOCS, `${name}.png`));
  }
}

/** Presses Tab until `data-test=test` has focus (keyboard only). */
async function tabTo(page, testId, max = 60) {
  for (let i = 0; i < max; i++) {
    if (await page.evaluate((t) => document.activeElement?.dataset?.test === t, testId)) return;
    await page.keyboard.press("Tab");
  }
  assert.fail(`could not reach [data-test=${testId}] with Tab`);
}

const focused = (page) => page.evaluate(() => document.activeElement?.dataset?.test ?? null);

test("an ordinary call by keyboard only: type, Enter, mute, DTMF, end", async () => {
  const page = await open();
  await axe(page, "idle");
  await shot(page, "idle");
  await tabTo(page, "number");
  await page.keyboard.type("555 123 4567");
  await page.keyboard.press("Enter");
  await page.waitForSelector("[data-test=announcer]:has-text('Calling')");
  await page.waitForSelector("[data-test=call-status]:has-text('Connected')");
  await page.waitForSelector("[data-test=announcer]:has-text('Connected')");
  await tabTo(page, "mute");
  await page.keyboard.press("Space");
  await page.waitForSelector("[data-test=mute][aria-pressed=true]");
  await tabTo(page, "dtmf-toggle");
  await page.keyboard.press("Enter");
  await page.waitForSelector("[data-test=dtmf]");
  await tabTo(page, "dtmf-1");
  await page.keyboard.press("4");
  await page.keyboard.press("#");
  await page.waitForSelector("[data-test=dtmf-sent]:has-text('4#')");
  const dtmf = await hostLog(page, "calling.sendDtmf");
  assert.deepEqual(dtmf.map((e) => e.args[1]), ["4", "#"]);
  await axe(page, "in-call");
  await shot(page, "in-call");
  await tabTo(page, "end-call");
  await page.keyboard.press("Enter");
  await page.waitForSelector("[data-test=call-button]");
  await page.waitForSelector("[data-test=announcer]:has-text('Call ended')");
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test("an incoming call is answered from the keyboard", async () => {
  const page = await open();
  await page.click("[data-test=sim-incoming]"); // the CRM's simulator, not the widget
  await page.waitForSelector("[data-test=incoming]");
  await axe(page, "incoming");
  await shot(page, "incoming");
  await tabTo(page, "answer");
  await page.keyboard.press("Enter");
  await page.waitForSelector("[data-test=call-status]:has-text('Connected')");
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test("an emergency call by keyboard only: End call has focus, nothing else is reachable", async () => {
  const page = await open();
  await tabTo(page, "number");
  await page.keyboard.type("911");
  await page.keyboard.press("Enter");
  await page.waitForSelector("[data-test=emergency-banner]");
  assert.equal(await focused(page), "end-call", "focus moves to End call");
  await page.waitForSelector("[data-test=callback-number]");
  await page.waitForSelector("[data-test=notification-status]:has-text('Email sent')");
  const controls = await page.$$eval(".agent-dialer button, .agent-dialer input, .agent-dialer select, .agent-dialer textarea",
    (els) => els.map((e) => e.dataset.test));
  assert.deepEqual(controls, ["end-call", "devices-toggle"]);
  assert.match(await page.textContent("[data-test=emergency-location]"), /Acme HQ/);
  assert.match(await page.textContent("[data-test=callback-remaining]"), /Valid for \d+:\d\d/);
  await axe(page, "emergency");
  await shot(page, "emergency");
  await page.keyboard.press("Enter"); // End call has focus
  await page.waitForSelector("[data-test=call-button]");
  await page.waitForSelector("[data-test=callback-window]");
  await axe(page, "callback window");
  await shot(page, "callback-window");
  assert.equal(await page.evaluate(() => window.demoHost.sim.presence), "available");
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test("E12: an emergency number where the dialer cannot place it is a clear alert", async () => {
  const page = await open();
  // The host says the agent is in the UK and supports emergency calling only elsewhere.
  await page.evaluate(() => window.dialer.setConfig({
    emergency: { supportedRegions: ["US", "CA", "PR", "DK"], locationOverride: { region: "GB" } },
  }));
  await tabTo(page, "number");
  await page.keyboard.type("999");
  await page.keyboard.press("Enter");
  await page.waitForSelector("[data-test=notice]");
  assert.match(await page.textContent("[data-test=notice]"), /can't be placed from this dialer in the United Kingdom\. Use another phone and dial 999\./);
  assert.equal((await hostLog(page, "calling.dial")).length, 0);
  await axe(page, "unsupported region");
  await shot(page, "unsupported-region");
  await tabTo(page, "dismiss");
  await page.keyboard.press("Enter");
  await page.waitForSelector("[data-test=notice]", { state: "detached" });
  await page.context().close();
});

test("readiness: each check and who is emailed, read-only, by keyboard, no axe violations", async () => {
  const page = await open();
  await tabTo(page, "readiness-toggle");
  await page.keyboard.press("Enter");
  await page.waitForSelector("[data-test=readiness-list]");
  assert.equal(await page.textContent("[data-test=contacts-readonly]"),
    "Emailed about your emergency calls: safety@acme.example, facilities@acme.example");
  await axe(page, "readiness");
  await shot(page, "readiness");
  assert.equal(await page.locator("[data-test=settings-toggle]").count(), 0, "no settings in the agent's pane (admin.e2e.mjs)");
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test("locales: ?locale=da-DK and the others translate the pane", async () => {
  for (const [locale, call] of [["da-DK", "Ring op"], ["fr-CA", "Appeler"], ["es-PR", "Llamar"], ["de-DE", "Anrufen"], ["en-GB", "Call"]]) {
    const page = await open(`?locale=${locale}`);
    // The locale file (dist/locales/<tag>.json) is fetched after the pane is shown in English;
    // `lang=` names the language actually shown.
    await page.waitForSelector(`[data-test=dialer][lang=${locale}]`);
    assert.equal((await page.textContent("[data-test=call-button]")).trim(), call, locale);
    if (locale === "da-DK") {
      await axe(page, "idle da-DK");
      await shot(page, "idle-da-DK");
      await page.fill("[data-test=number]", "112");
      await page.press("[data-test=number]", "Enter");
      await page.waitForSelector("[data-test=emergency-banner]:has-text('Nødopkald i gang')");
      await shot(page, "emergency-da-DK");
    }
    assert.deepEqual(page.errors, []);
    await page.context().close();
  }
});

test("a locale file that cannot be fetched: English, reported as dialer:error, and 911 is placed", async () => {
  const page = await newPage(browser, { bypassCSP: true, viewport: { width: 1100, height: 900 } });
  let asked = 0;
  await page.route("**/locales/de-DE.json", (route) => { asked++; return route.abort("failed"); });
  await page.goto(`${server.url}/?locale=de-DE`);
  await page.waitForSelector("html[data-dialer-ready=true]");
  await page.waitForSelector("[data-test=log] li:has-text('\"binding\":\"translations\"')");
  assert.equal(asked, 1, "fetched once");
  assert.equal(await page.getAttribute("[data-test=dialer]", "lang"), "en-US", "shown, and marked, as English");
  assert.equal((await page.textContent("[data-test=call-button]")).trim(), "Call");
  assert.match(await page.textContent("[data-test=problem]"), /translations could not be loaded/);
  await page.fill("[data-test=number]", "911");
  await page.press("[data-test=number]", "Enter");
  await page.waitForSelector("[data-test=emergency-banner]");
  const dials = await hostLog(page, "calling.dial");
  assert.equal(dials.length, 1);
  assert.equal(dials[0].args[0].number, "911");
  await axe(page, "idle, locale file missing");
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test("the built page loads the widget's stylesheet and modules past their integrity checks", async () => {
  // Trunk writes Subresource Integrity hashes; the release build minifies those files after
  // it, so the hashes are written again (scripts/minify-dist.mjs). A stale hash made the
  // browser block the CSS: an unstyled widget that every functional test still passed.
  const page = await newPage(browser);
  const blocked = [];
  page.on("console", (m) => { if (m.type() === "error" && /integrity/i.test(m.text())) blocked.push(m.text()); });
  await page.goto(`${server.url}/`);
  await page.waitForSelector("html[data-dialer-ready=true]");
  await page.waitForSelector("[data-test=dialer]");
  assert.deepEqual(blocked, []);
  const accent = await page.$eval(".agent-dialer", (el) => getComputedStyle(el).getPropertyValue("--ad-accent").trim());
  assert.equal(accent, "#0b5cad", "agent-dialer.css applies");
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test("fits a 320 px sidebar", async () => {
  const page = await openDemo(browser, server.url, "", { viewport: { width: 320, height: 800 } });
  const width = await page.$eval(".agent-dialer", (el) => el.scrollWidth <= el.clientWidth + 1);
  assert.ok(width, "no horizontal overflow at 320 px");
  await page.context().close();
});
