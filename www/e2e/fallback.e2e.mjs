// When the wasm cannot run, emergency calls still work (issue 12): each JavaScript entry point
// (the package's `mount` on the demo page, <agent-dialer>, the framed page) switches to the
// plain-JS fallback dialer when the wasm cannot be compiled (CSP without 'wasm-unsafe-eval'),
// fetched (404) or is damaged (truncated), and when it traps mid-call (the test build's
// `__trapOnEvent` / `__trap`, cargo feature `test-trap`); the host is told (`dialer:error`,
// `dialer:fallback`), the 911 goes through the same host bindings with the right flags, and a
// live emergency call is taken over (End call works, presence restored, host form unlocked).
//
// Needs dist/ (trunk build --release) and target/trap-build/ (bash scripts/build-trap.sh);
// scripts/test.sh builds both first.
import { test, before, after, describe } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { copyFile, mkdir } from "node:fs/promises";
import { join } from "node:path";
import { serve, launch, newPage, screenshot, ROOT, DIST, ARTIFACTS } from "./harness.mjs";

// Where scripts/build-trap.sh writes it (it honours CARGO_TARGET_DIR, as cargo does).
const TRAP_BUILD = join(process.env.CARGO_TARGET_DIR ?? join(ROOT, "target"), "trap-build");
const AXE = join(ROOT, "node_modules/axe-core/axe.min.js");
const BANNER = "The full dialer is unavailable. Emergency calls still work.";
let site, frameSite, browser;
before(async () => { [site, frameSite] = await Promise.all([serve(), serve()]); browser = await launch(); });
after(async () => { await browser?.close(); await Promise.all([site, frameSite].map((s) => s?.close())); });

/** A page that records every `dialer:*` event (in every frame) from the start. */
async function open(options = {}) {
  const page = await newPage(browser, options);
  await page.context().addInitScript(() => {
    window.__events = [];
    for (const name of ["dialer:error", "dialer:fallback", "dialer:emergency-started", "dialer:emergency-connected", "dialer:emergency-ended", "dialer:mount-error"]) {
      addEventListener(name, (e) => window.__events.push({ name, detail: e.detail }), true);
    }
  });
  return page;
}
const events = (target, name) => target.evaluate((n) => window.__events.filter((e) => e.name === n).map((e) => e.detail), name);
const hostLog = (page) => page.evaluate(() => window.demoHost.sim.log.filter((e) => e.binding !== "event").map((e) => [e.binding, ...e.args]));
/** Page errors other than the ones this test causes on purpose (`expected`). */
const unexpected = (page, expected) => page.errors.filter((e) => !expected.test(e));

/** Serves `html` for the page's own URL (the rest of the site as built). */
async function routeHtml(page, url, transform) {
  const path = new URL(url).pathname.replace(/\/$/, "/index.html");
  const html = transform(readFileSync(join(DIST, path), "utf8"));
  await page.route(url, (route) => route.fulfill({ status: 200, contentType: "text/html", body: html }));
}

/** In `ui` (a page or frame): 911 by keyboard in the fallback; the host (`page`) gets it with E6 flags; E2, E9; End call restores. */
async function emergencyThroughFallback(page, ui, { region = "US", expectCallback = true } = {}) {
  const before = (await hostLog(page)).length;
  const endedBefore = (await events(ui, "dialer:emergency-ended")).length;
  // An ordinary number is not placed: the fallback only places emergency calls.
  await ui.locator("[data-test=fallback-number]").fill("555 123 4567");
  await ui.locator("[data-test=fallback-number]").press("Enter");
  await ui.locator("[data-test=fallback-message]:has-text('Only emergency numbers')").waitFor();
  assert.equal((await hostLog(page)).slice(before).filter(([b]) => b === "calling.dial").length, 0);

  await ui.locator("[data-test=fallback-number]").fill("9-1-1");
  await ui.locator("[data-test=fallback-call]").click();
  await ui.locator("[data-test=fallback-end]").waitFor();
  // In a frame the requests reach the parent's host in messages, possibly after the frame shows
  // End call: wait until the host form was told (E9), the last of the three checked below.
  await page.waitForFunction((n) => window.demoHost.sim.log.filter((e) => e.binding !== "event").slice(n)
    .some((e) => e.binding === "conversation.setEmergencyMode"), before);
  const log = (await hostLog(page)).slice(before);
  const dials = log.filter(([b]) => b === "calling.dial").map(([, r]) => r);
  assert.equal(dials.length, 1);
  assert.deepEqual({ number: dials[0].number, dialed: dials[0].dialed, emergency: dials[0].emergency, record: dials[0].record, region: dials[0].region },
    { number: "911", dialed: "9-1-1", emergency: true, record: false, region });
  assert.equal(dials[0].civicAddress, "Acme HQ, 100 Main St, Floor 3, Room 301, Springfield", "B3: the confirmed address goes with the call");
  // The dial came first, then DND (E2) and the host form (E9).
  const afterDial = log.slice(log.findIndex(([b]) => b === "calling.dial")).map(([b, a]) => `${b}(${a ?? ""})`);
  assert.deepEqual(afterDial.slice(0, 3), ["calling.dial([object Object])", "presence.set(dnd)", "conversation.setEmergencyMode(true)"]);
  await page.waitForFunction(() => window.demoHost.sim.presence === "dnd");
  await ui.locator("[data-test=fallback-status]:has-text('Connected: 911')").waitFor();
  if (expectCallback) await ui.locator("[data-test=fallback-callback]:has-text('+15550100042')").waitFor();
  assert.equal(await ui.locator("[data-test=fallback-live]").textContent(), "Emergency call in progress. Connected: 911", "announced");
  const started = (await events(ui, "dialer:emergency-started")).at(-1);
  assert.equal(started.number, "911");
  await ui.locator("[data-test=fallback-end]").click();
  await page.waitForFunction(() => window.demoHost.sim.presence === "available");
  const end = (await hostLog(page)).slice(before);
  assert.deepEqual(end.filter(([b]) => b === "calling.hangUp").map(([, id]) => id), [started.callId]);
  assert.ok(end.some(([b, a]) => b === "conversation.setEmergencyMode" && a === false), "E9: the host form is unlocked");
  assert.equal(end.filter(([b]) => b === "activity.record").length, 0, "E6: never in the call history");
  await ui.locator("[data-test=fallback-number]").waitFor();
  assert.deepEqual((await events(ui, "dialer:emergency-ended")).slice(endedBefore).map((e) => e.callId), [started.callId]);
  return started;
}

describe("the wasm cannot load: every entry point runs the fallback dialer", () => {
  test("direct mount, the page's CSP lacks 'wasm-unsafe-eval': the host is told what to add, and 911 works", { timeout: 90_000 }, async () => {
    const page = await open();
    await routeHtml(page, `${site.url}/`, (html) => html.replace(" 'wasm-unsafe-eval'", ""));
    await page.goto(`${site.url}/`);
    await page.waitForSelector("html[data-dialer-ready=true]");
    await page.locator(`[data-test=fallback-banner]:has-text("${BANNER}")`).waitFor();
    const [error] = await events(page, "dialer:error");
    assert.equal(error.binding, "wasm");
    assert.equal(error.reason, "csp");
    assert.match(error.message, /lacks 'wasm-unsafe-eval' in script-src/);
    assert.deepEqual((await events(page, "dialer:fallback")).map((e) => e.reason), ["csp"]);
    const state = await page.evaluate(() => window.dialer.state());
    assert.equal(state.fallback.reason, "csp");
    assert.equal(state.presence, "available");
    assert.equal(state.emergencyMode, false);
    await emergencyThroughFallback(page, page);
    // DialerHandle.dial: the host's dial has run when it returns.
    const dialedSync = await page.evaluate(() => {
      window.dialer.dial("112");
      return window.demoHost.sim.log.some((e) => e.binding === "calling.dial" && e.args[0].number === "112" && e.args[0].emergency);
    });
    assert.equal(dialedSync, true);
    assert.equal((await page.evaluate(() => window.dialer.state())).call.number, "112");
    await page.evaluate(() => window.demoHost.sim.remoteHangUp());
    await page.waitForFunction(() => window.demoHost.sim.presence === "available");
    assert.deepEqual(unexpected(page, /Content.Security.Policy/), []);
    await page.context().close();
  });

  test("the fallback's handle from inside bindings and dialer:* listeners", { timeout: 90_000 }, async () => {
    const page = await open();
    await routeHtml(page, `${site.url}/`, (html) => html.replace(" 'wasm-unsafe-eval'", ""));
    await page.goto(`${site.url}/`);
    await page.locator("[data-test=fallback]").waitFor();
    await page.evaluate(() => {
      window.outcomes = [];
      const attempt = (what, fn) => { try { fn(); outcomes.push([what, "ok"]); } catch (e) { outcomes.push([what, String(e)]); } };
      const h = window.demoHost;
      const wrap = (group, name, before) => { const f = h[group][name]; h[group][name] = (...a) => { before(...a); return f(...a); }; };
      wrap("presence", "set", () => { attempt("presence.set: state", () => dialer.state()); attempt("presence.set: setConfig", () => dialer.setConfig({ locale: "en-GB" })); });
      wrap("calling", "dial", () => { attempt("calling.dial: dial", () => dialer.dial("911")); attempt("calling.dial: unmount", () => dialer.unmount()); });
      const el = document.querySelector("#dialer");
      el.addEventListener("dialer:emergency-started", () => attempt("started: state", () => dialer.state()));
      el.addEventListener("dialer:emergency-ended", () => attempt("ended: state", () => dialer.state()));
    });
    await page.locator("[data-test=fallback-number]").fill("911");
    await page.locator("[data-test=fallback-call]").click();
    await page.waitForFunction(() => window.demoHost.sim.presence === "dnd");
    assert.equal(await page.locator("[data-test=fallback]").count(), 0, "unmounted from inside the host's dial");
    assert.equal((await hostLog(page)).filter(([b]) => b === "calling.dial").length, 1, "one call: the nested 911 was not placed again");
    // Unmounted mid-call: presence and the host form are still restored when the host ends it.
    await page.evaluate(() => window.demoHost.sim.remoteHangUp());
    await page.waitForFunction(() => window.demoHost.sim.presence === "available");
    assert.deepEqual((await hostLog(page)).filter(([b]) => b === "conversation.setEmergencyMode").map(([, a]) => a), [true, false]);
    const outcomes = await page.evaluate(() => window.outcomes);
    assert.deepEqual(outcomes.filter(([, r]) => r !== "ok" && !/^Error: agent-dialer: \w+: the dialer is unmounted$/.test(r)), [], "answers, or a clear Error once unmounted");
    assert.deepEqual(outcomes.map(([w]) => w).sort(), ["calling.dial: dial", "calling.dial: unmount", "ended: state", "presence.set: setConfig", "presence.set: setConfig", "presence.set: state", "presence.set: state", "started: state"].sort());
    assert.deepEqual(unexpected(page, /Content.Security.Policy/), []);
    await page.context().close();
  });

  test("custom element, the .wasm is missing (404): fallback, axe-clean, localised; a retry loads the full dialer", { timeout: 90_000 }, async () => {
    // bypassCSP only so that axe-core can be injected; the element's CSP does allow the wasm.
    const page = await open({ bypassCSP: true });
    await page.route("**/agent-dialer_bg.wasm", (route) => route.fulfill({ status: 404, body: "not found" }));
    await page.goto(`${site.url}/demo/element.html`);
    await page.waitForSelector("html[data-dialer-ready=true]");
    await page.locator("agent-dialer [data-test=fallback]").waitFor();
    const [error] = await events(page, "dialer:error");
    assert.equal(error.reason, "fetch");
    assert.match(error.message, /could not be fetched/);
    assert.deepEqual((await events(page, "dialer:fallback")).map((e) => e.reason), ["fetch"]);
    assert.equal((await events(page, "dialer:mount-error")).length, 1, "the element's own event too");
    await page.addScriptTag({ path: AXE });
    const axe = async (state) => {
      const result = await page.evaluate(() => window.axe.run(document.querySelector("agent-dialer"), { resultTypes: ["violations"] }));
      assert.deepEqual(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`), [], `axe: ${state}`);
    };
    await axe("fallback idle");
    // Keyboard only: Tab into the number field, type, Enter; focus moves to End call.
    await page.locator("[data-test=fallback-number]").focus();
    await page.keyboard.type("911");
    await page.keyboard.press("Enter");
    await page.locator("[data-test=fallback-end]").waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.dataset.test), "fallback-end");
    await page.locator("[data-test=fallback-status]:has-text('Connected')").waitFor();
    await axe("fallback emergency call");
    await screenshot(page, "fallback-element-emergency");
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => window.demoHost.sim.presence === "available");
    assert.equal(await page.evaluate(() => document.activeElement?.dataset.test), "fallback-number");
    await axe("fallback after the call");
    await emergencyThroughFallback(page, page);
    // Localised from config.locale.
    await page.evaluate(() => { const el = window.dialerElement; el.config = { ...el.config, locale: "da-DK" }; });
    await page.locator("[data-test=fallback-banner]:has-text('Nødopkald virker stadig')").waitFor();
    assert.equal(await page.locator("agent-dialer [data-test=fallback]").getAttribute("lang"), "da-DK");
    await axe("fallback in Danish");
    // The network is back: retry() loads the wasm and mounts the full dialer.
    await page.unroute("**/agent-dialer_bg.wasm");
    await page.evaluate(() => window.dialerElement.retry());
    await page.locator("agent-dialer [data-test=dialer]").waitFor();
    assert.equal(await page.locator("[data-test=fallback]").count(), 0);
    assert.equal((await page.evaluate(() => window.dialerElement.state())).fallback, undefined);
    assert.deepEqual(unexpected(page, /$^/), []);
    await page.context().close();
  });

  test("iframe, the .wasm is truncated: the framed page runs the fallback; the parent's host places the 911", { timeout: 90_000 }, async () => {
    const page = await open();
    const wasm = readFileSync(join(DIST, "agent-dialer_bg.wasm"));
    await page.route(`${frameSite.url}/agent-dialer_bg.wasm`, (route) => route.fulfill({ status: 200, contentType: "application/wasm", body: wasm.subarray(0, 4096) }));
    await page.goto(`${site.url}/demo/iframe.html?frame=${frameSite.url}`);
    await page.waitForSelector("html[data-dialer-ready=true]");
    const frame = page.frameLocator("#dialer-frame");
    await frame.locator("[data-test=fallback-banner]").waitFor();
    // Told on the iframe element, in the parent.
    const [fallback] = await events(page, "dialer:fallback");
    assert.equal(fallback.reason, "compile");
    assert.match(fallback.message, /not valid WebAssembly/);
    assert.equal((await page.evaluate(() => window.dialer.state())).fallback.reason, "compile", "state() answers across the frame");
    const framed = page.frames().find((f) => f.url().startsWith(frameSite.url));
    await emergencyThroughFallback(page, framed);
    assert.deepEqual(unexpected(page, /$^/), []);
    await page.context().close();
  });

  test("Vite app (the npm package bundled), the .wasm is blocked: the fallback chunk loads and 911 works", { timeout: 90_000 }, async () => {
    const SAMPLE_DIST = join(ROOT, "www/sample-vite/dist");
    assert.ok(existsSync(SAMPLE_DIST), "www/sample-vite/dist is missing: run bash scripts/build-pkg.sh and the sample's vite build (scripts/test.sh does)");
    const sample = await serve(SAMPLE_DIST);
    const page = await open();
    await page.route("**/*.wasm", (route) => route.abort("blockedbyclient"));
    await page.goto(`${sample.url}/`);
    await page.waitForSelector("html[data-dialer-ready=true]");
    await page.locator(`[data-test=fallback-banner]:has-text("${BANNER}")`).waitFor();
    assert.equal((await events(page, "dialer:fallback"))[0].reason, "fetch");
    await page.locator("[data-test=fallback-number]").fill("911");
    await page.locator("[data-test=fallback-call]").click();
    await page.waitForFunction(() => window.sampleHost.currentPresence === "dnd");
    const [request] = await page.evaluate(() => window.sampleHost.log.filter(([b]) => b === "calling.dial").map(([, r]) => r));
    assert.deepEqual([request.number, request.emergency, request.record, request.region], ["911", true, false, "US"]);
    await page.locator("[data-test=fallback-end]").click();
    await page.waitForFunction(() => window.sampleHost.currentPresence === "available");
    assert.deepEqual(unexpected(page, /$^/), []);
    await page.context().close();
    await sample.close();
  });
});

describe("the wasm traps while an emergency call is live: the fallback takes the call over", () => {
  /** The demo page on the test build (cargo feature test-trap), with a 911 in progress. */
  async function demoOnTrapBuild() {
    assert.ok(existsSync(join(TRAP_BUILD, "agent-dialer_bg.wasm")), "target/trap-build is missing: run bash scripts/build-trap.sh (scripts/test.sh does)");
    const page = await open();
    await page.route(/\/(agent-dialer\.js|agent-dialer_bg\.wasm|snippets\/.+)$/, (route) => {
      const path = new URL(route.request().url()).pathname;
      route.fulfill({ status: 200, contentType: path.endsWith(".wasm") ? "application/wasm" : "text/javascript", body: readFileSync(join(TRAP_BUILD, path)) });
    });
    // Trunk's integrity hashes are of the shipped glue, not the test build's.
    await routeHtml(page, `${site.url}/`, (html) => html.replace(/ integrity="[^"]*"/g, ""));
    await page.goto(`${site.url}/`);
    await page.waitForSelector("[data-test=dialer]");
    return page;
  }

  test("a trap in a wasm-run event handler: End call works, presence and the host form are restored once", { timeout: 90_000 }, async () => {
    const page = await demoOnTrapBuild();
    await page.locator("[data-test=number]").fill("911");
    await page.locator("[data-test=call-button]").click();
    await page.locator("[data-test=emergency-banner]").waitFor();
    await page.locator("[data-test=callback-number]").waitFor();
    await page.waitForFunction(() => window.demoHost.sim.presence === "dnd");
    const callId = (await events(page, "dialer:emergency-started"))[0].callId;
    const before = (await hostLog(page)).length;
    // The trap: a wasm closure registered as a DOM listener, as a Yew handler is.
    await page.evaluate(async () => {
      const glue = await import("/agent-dialer.js");
      glue.__trapOnEvent(document.body, "test-trap");
      document.body.dispatchEvent(new Event("test-trap"));
    });
    await page.locator(`[data-test=fallback-banner]:has-text("${BANNER}")`).waitFor();
    await page.locator("[data-test=fallback-status]:has-text('Connected: 911')").waitFor();
    await page.locator("[data-test=fallback-callback]:has-text('+15550100042')").waitFor();
    assert.equal(await page.locator("[data-test=dialer]").count(), 0, "the dead widget is gone");
    assert.equal(await page.evaluate(() => document.activeElement?.dataset.test), "fallback-end");
    const [fallback] = await events(page, "dialer:fallback");
    assert.deepEqual([fallback.reason, fallback.callId], ["trap", callId]);
    assert.equal((await events(page, "dialer:error")).at(-1).reason, "trap");
    assert.deepEqual(await events(page, "dialer:emergency-ended"), [], "the episode is not over: the dying widget's events are kept from the host");
    const state = await page.evaluate(() => window.dialer.state());
    assert.deepEqual([state.call.callId, state.call.emergency, state.emergencyMode, state.presence, state.savedPresence], [callId, true, true, "dnd", "available"]);
    // Nothing touched the host since the trap: the call, DND and the host form are as they were.
    await page.waitForTimeout(300);
    assert.deepEqual((await hostLog(page)).slice(before).filter(([b]) => !b.endsWith("subscribe")), []);
    assert.equal(await page.locator("[data-test=form-actions]").isHidden(), true, "E9: the host form stays locked");
    await screenshot(page, "fallback-after-trap");
    // The widget alone for the README (copied only with UPDATE_SCREENSHOTS=1, as ui.e2e.mjs does).
    await mkdir(ARTIFACTS, { recursive: true });
    await page.locator("[data-test=dialer-mount]").screenshot({ path: join(ARTIFACTS, "ui-fallback.png") });
    if (process.env.UPDATE_SCREENSHOTS === "1") await copyFile(join(ARTIFACTS, "ui-fallback.png"), join(ROOT, "docs/screenshots/fallback.png"));

    await page.locator("[data-test=fallback-end]").click();
    await page.waitForFunction(() => window.demoHost.sim.presence === "available");
    const after = (await hostLog(page)).slice(before).filter(([b]) => !b.endsWith("subscribe"));
    assert.deepEqual(after, [["calling.hangUp", callId], ["presence.set", "available"], ["conversation.setEmergencyMode", false]]);
    await page.locator("[data-test=form-actions]").waitFor();
    assert.deepEqual((await events(page, "dialer:emergency-ended")).map((e) => e.callId), [callId]);
    // The next 911 goes through the fallback at once (dial() runs the host's dial before returning),
    // and the host's own `ended` (the far end hangs up) restores presence too.
    const dialedSync = await page.evaluate(() => {
      window.dialer.dial("911");
      return window.demoHost.sim.log.filter((e) => e.binding === "calling.dial").length;
    });
    assert.equal(dialedSync, 2);
    await page.waitForFunction(() => window.demoHost.sim.presence === "dnd");
    await page.evaluate(() => window.demoHost.sim.remoteHangUp());
    await page.waitForFunction(() => window.demoHost.sim.presence === "available");
    assert.equal((await hostLog(page)).filter(([b]) => b === "activity.record").length, 0, "E6");
    assert.deepEqual(unexpected(page, /unreachable|RuntimeError/), []);
    await page.context().close();
  });

  test("a panic is reported on the console with its location and message before the wasm traps", { timeout: 90_000 }, async () => {
    const page = await demoOnTrapBuild();
    const thrown = await page.evaluate(async () => {
      const glue = await import("/agent-dialer.js");
      try { glue.__panic("test panic: déjà vu"); } catch (e) { return e.name; }
      return "nothing";
    });
    assert.equal(thrown, "RuntimeError", "panic = abort traps");
    const reports = page.errors.filter((e) => /panicked at/.test(e));
    assert.equal(reports.length, 1, reports.join("\n"));
    assert.match(reports[0], /^console: panicked at src\/host\/fault\.rs:\d+:\d+:\ntest panic: déjà vu$/);
    await page.context().close();
  });

  test("a trap in another wasm module of the page (the host's own) leaves the widget alone", { timeout: 90_000 }, async () => {
    const page = await open();
    await page.goto(`${site.url}/`);
    await page.waitForSelector("[data-test=dialer]");
    await page.evaluate(async () => {
      // (module (func (export "boom") unreachable)), instantiated from bytes by "the host".
      const bytes = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 1, 4, 1, 96, 0, 0, 3, 2, 1, 0, 7, 8, 1, 4, 98, 111, 111, 109, 0, 0, 10, 5, 1, 3, 0, 0, 11]);
      const { instance } = await WebAssembly.instantiate(bytes);
      window.boom = instance.exports.boom;
      // Uncaught in a timer (window "error"), and thrown through a binding the widget calls.
      setTimeout(() => window.boom(), 0);
      const set = window.demoHost.presence.set;
      window.demoHost.presence.set = (status) => { if (status === "dnd") { try { window.boom(); } finally { set(status); } } return set(status); };
    });
    await page.waitForTimeout(200);
    await page.locator("[data-test=number]").fill("911");
    await page.locator("[data-test=call-button]").click();
    await page.locator("[data-test=emergency-banner]").waitFor();
    await page.waitForTimeout(300);
    assert.equal(await page.locator("[data-test=fallback]").count(), 0, "still the full dialer");
    assert.deepEqual(await events(page, "dialer:fallback"), []);
    assert.equal((await page.evaluate(() => window.dialer.state())).fallback, undefined);
    await page.locator("[data-test=end-call]").click();
    await page.waitForFunction(() => window.demoHost.sim.presence === "available");
    assert.equal(page.errors.filter((e) => !/unreachable|RuntimeError/.test(e)).length, 0);
    assert.ok(page.errors.some((e) => /unreachable/.test(e)), "the host's trap did happen");
    await page.context().close();
  });

  test("a trap while the wasm sets DND right after the dial: the fallback finishes E2/E9 and ends the call", { timeout: 90_000 }, async () => {
    const page = await demoOnTrapBuild();
    // A host binding that re-enters the wasm, which traps there (the first time only).
    await page.evaluate(async () => {
      const glue = await import("/agent-dialer.js");
      const set = window.demoHost.presence.set;
      let armed = true;
      window.demoHost.presence.set = (status) => {
        if (status === "dnd" && armed) { armed = false; glue.__trap(); }
        return set(status);
      };
    });
    await page.locator("[data-test=number]").fill("911");
    await page.locator("[data-test=call-button]").click();
    await page.locator("[data-test=fallback-end]").waitFor();
    await page.waitForFunction(() => window.demoHost.sim.presence === "dnd");
    const log = await hostLog(page);
    assert.equal(log.filter(([b]) => b === "calling.dial").length, 1, "the 911 was placed once");
    assert.deepEqual(log.filter(([b, a]) => b === "conversation.setEmergencyMode").map(([, a]) => a), [true], "E9 by the fallback, once");
    const callId = (await page.evaluate(() => window.dialer.state())).call.callId;
    assert.equal(callId, "call-1");
    await page.locator("[data-test=fallback-end]").click();
    await page.waitForFunction(() => window.demoHost.sim.presence === "available");
    assert.deepEqual((await hostLog(page)).filter(([b]) => b === "calling.hangUp").map(([, id]) => id), ["call-1"]);
    assert.deepEqual(unexpected(page, /unreachable|RuntimeError/), []);
    await page.context().close();
  });
});
