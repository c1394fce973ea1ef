// The demo as a new user tries it: place an ordinary call and an emergency call.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { serve, launch, openDemo, screenshot, hostLog } from "./harness.mjs";

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

test("an ordinary call: typed with formatting, dialed, connected, ended, written to history", async () => {
  const page = await openDemo(browser, server.url);
  await page.fill("[data-test=number]", "(555) 123-4567");
  await page.click("[data-test=call-button]");
  await page.waitForSelector("[data-test=call-status]:has-text('Connected')");
  const [dial] = await hostLog(page, "calling.dial");
  assert.equal(dial.args[0].number, "5551234567");
  assert.equal(dial.args[0].emergency, false);
  assert.equal(dial.args[0].record, true);
  await screenshot(page, "demo-ordinary-call");
  await page.click("[data-test=end-call]");
  await page.waitForSelector("[data-test=call-button]");
  const activity = await hostLog(page, "activity.record");
  assert.equal(activity.length, 1);
  assert.equal(activity[0].args[0].number, "5551234567");
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test("an emergency call: dial first, DND, banner, no history, presence restored", async () => {
  const page = await openDemo(browser, server.url);
  await page.fill("[data-test=number]", "911");
  await page.click("[data-test=call-button]");
  await page.waitForSelector("[data-test=emergency-banner]");
  const log = await hostLog(page);
  const bindings = log.map((e) => e.binding).filter((b) => b !== "event" && !b.endsWith("subscribe") && b !== "presence.get");
  assert.equal(bindings[0], "calling.dial", `dial must come first, got ${bindings.join(", ")}`);
  const dial = log.find((e) => e.binding === "calling.dial").args[0];
  assert.deepEqual([dial.number, dial.emergency, dial.record, dial.region], ["911", true, false, "US"]);
  assert.equal(await page.evaluate(() => window.demoHost.sim.presence), "dnd");
  // E5: only End call in the pane; no keypad.
  assert.equal(await page.locator("[data-test=call-button]").count(), 0);
  await page.waitForSelector("[data-test=call-status]:has-text('Connected')");
  await page.waitForSelector("[data-test=callback-number]");
  await screenshot(page, "demo-emergency-call");
  await page.click("[data-test=end-call]");
  await page.waitForSelector("[data-test=call-button]");
  assert.equal(await page.evaluate(() => window.demoHost.sim.presence), "available");
  assert.equal((await hostLog(page, "activity.record")).length, 0, "E6: no history for an emergency call");
  assert.deepEqual(page.errors, []);
  await page.context().close();
});
