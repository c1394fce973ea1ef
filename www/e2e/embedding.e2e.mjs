// Embedding end to end: an ordinary and an emergency call through each way of embedding the
// widget — the <agent-dialer> custom element, a cross-origin iframe (connectFrame/serveFrame)
// and a Vite app that installed the packed npm tarball (the direct mount is demo.e2e.mjs) —
// plus the iframe bridge's security: other origins are ignored, malformed messages get an
// error reply and change nothing.
//
// Needs: `trunk build --release` (dist/), `bash scripts/build-pkg.sh` and the sample's
// `vite build` (www/sample-vite/dist/) — scripts/test.sh runs all three first.
import { test, before, after, describe } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { serve, launch, newPage, screenshot, ROOT } from "./harness.mjs";

const PROTOCOL = "agent-dialer/1";
const SAMPLE_DIST = join(ROOT, "www/sample-vite/dist");

let parentSite, frameSite, thirdSite, sampleSite, browser;
before(async () => {
  // Three origins for the iframe tests (same files, different ports), one for the Vite app.
  [parentSite, frameSite, thirdSite] = await Promise.all([serve(), serve(), serve()]);
  if (existsSync(SAMPLE_DIST)) sampleSite = await serve(SAMPLE_DIST);
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await Promise.all([parentSite, frameSite, thirdSite, sampleSite].map((s) => s?.close()));
});

const dialsOf = (page) => page.evaluate(() => window.demoHost.sim.log.filter((e) => e.binding === "calling.dial").map((e) => e.args[0]));
const presenceOf = (page) => page.evaluate(() => window.demoHost.sim.presence);

/** Copenhagen as a position override: looked up by the reverse geocoder (agent-dialer-geo). */
const COPENHAGEN = { locationOverride: { latitude: 55.6761, longitude: 12.5683, accuracyMeters: 20 } };
/** The geocoder's module, wasm and data as `frame` (a page or frame) fetched them, by name. */
const geocoderFiles = (frame) => frame.evaluate(() => performance.getEntriesByType("resource")
  .map((e) => new URL(e.name).pathname.split("/").pop())
  .filter((n) => n.startsWith("agent-dialer-geo") || n.includes("country-boundaries")));
/** Asserts the three geocoder files were each fetched once (bundlers add a hash to the name);
 *  waits up to 5 s for the browser to add their resource timing entries. */
async function assertGeocoderFetched(frame) {
  let files = await geocoderFiles(frame);
  for (let i = 0; i < 50 && files.length < 3; i++) {
    await new Promise((ok) => setTimeout(ok, 100));
    files = await geocoderFiles(frame);
  }
  const kinds = files.map((n) => n.endsWith(".wasm") ? "wasm" : n.endsWith(".js") ? "js" : "data").sort();
  assert.deepEqual(kinds, ["data", "js", "wasm"], `geocoder files: ${files}`);
}

/** Types `number` into the widget (in `ui`: a page or a frame) and presses Call. */
async function dial(ui, number) {
  await ui.locator("[data-test=number]").fill(number);
  await ui.locator("[data-test=call-button]").click();
}

/** The ordinary call, then the emergency call, through the widget in `ui`; the host is `page`'s mock host. */
async function ordinaryThenEmergency(page, ui, name) {
  await dial(ui, "(555) 123-4567");
  await ui.locator("[data-test=call-status]:has-text('Connected')").waitFor();
  let dials = await dialsOf(page);
  assert.equal(dials.length, 1);
  assert.deepEqual([dials[0].number, dials[0].emergency, dials[0].record], ["5551234567", false, true]);
  await ui.locator("[data-test=end-call]").click();
  await ui.locator("[data-test=call-button]").waitFor();

  await dial(ui, "911");
  await ui.locator("[data-test=emergency-banner]").waitFor();
  dials = await dialsOf(page);
  assert.equal(dials.length, 2);
  assert.deepEqual([dials[1].number, dials[1].emergency, dials[1].record, dials[1].region], ["911", true, false, "US"]);
  // The dial came first; then DND (E2), the host form (E9) and the email (E7).
  const log = await page.evaluate(() => window.demoHost.sim.log.map((e) => e.binding));
  const afterOrdinary = log.slice(log.lastIndexOf("calling.dial"));
  assert.equal(afterOrdinary[0], "calling.dial");
  await page.waitForFunction(() => window.demoHost.sim.presence === "dnd");
  await page.locator("[data-test=form-actions]").waitFor({ state: "hidden" });
  await page.waitForFunction(() => window.demoHost.sim.log.some((e) => e.binding === "notification.sendEmail"));
  assert.equal(await ui.locator("[data-test=call-button]").count(), 0, "E5: no keypad during the emergency call");
  await ui.locator("[data-test=callback-number]").waitFor();
  await screenshot(page, `embedding-${name}-emergency`);
  await ui.locator("[data-test=end-call]").click();
  await ui.locator("[data-test=call-button]").waitFor();
  await page.waitForFunction(() => window.demoHost.sim.presence === "available");
  const history = await page.evaluate(() => window.demoHost.sim.log.filter((e) => e.binding === "activity.record").map((e) => e.args[0].number));
  assert.deepEqual(history, ["5551234567"], "E6: only the ordinary call is in the history");
}

describe("custom element <agent-dialer>", () => {
  test("ordinary and emergency calls", async () => {
    const page = await newPage(browser, { url: `${parentSite.url}/demo/element.html` });
    await page.waitForSelector("html[data-dialer-ready=true]");
    await page.waitForSelector("agent-dialer [data-test=dialer]");
    const events = page.evaluate(() => new Promise((resolve) => {
      document.querySelector("agent-dialer").addEventListener("dialer:emergency-started", (e) => resolve(e.detail), { once: true });
    }));
    await ordinaryThenEmergency(page, page, "element");
    const started = await events;
    assert.equal(started.number, "911");
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });

  test("config reassignment calls setConfig; dial/state; removal unmounts", async () => {
    const page = await newPage(browser, { url: `${parentSite.url}/demo/element.html` });
    await page.waitForSelector("html[data-dialer-ready=true]");
    await page.waitForFunction(() => window.dialerElement.state().region === "US");
    await page.evaluate(() => {
      const el = window.dialerElement;
      el.config = { ...el.config, emergency: { ...el.config.emergency, locationOverride: { region: "GB" } } };
    });
    await page.waitForFunction(() => window.dialerElement.state().region === "GB");
    // A malformed config throws and changes nothing.
    const error = await page.evaluate(() => {
      try { window.dialerElement.config = { agent: { id: 7 } }; return null; } catch (e) { return e.message; }
    });
    assert.match(error, /agent\.id/);
    assert.equal(await page.evaluate(() => window.dialerElement.config.emergency.locationOverride.region), "GB");
    // el.dial: the host's dial has run when it returns.
    const dialedSync = await page.evaluate(() => {
      window.dialerElement.dial("999");
      return window.demoHost.sim.log.some((e) => e.binding === "calling.dial" && e.args[0].number === "999" && e.args[0].emergency);
    });
    assert.equal(dialedSync, true);
    await page.locator("[data-test=emergency-banner]").waitFor();
    await page.locator("[data-test=end-call]").click();
    await page.waitForFunction(() => window.demoHost.sim.presence === "available");
    await page.evaluate(() => window.dialerElement.remove());
    assert.equal(await page.locator("[data-test=dialer]").count(), 0);
    assert.equal(await page.evaluate(() => window.dialerElement.handle), null);
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });
});

describe("reverse geocoder from every entry point", () => {
  test("custom element: a position is looked up by agent-dialer-geo under the strict CSP", async () => {
    const page = await newPage(browser, { url: `${parentSite.url}/demo/element.html` });
    await page.waitForSelector("html[data-dialer-ready=true]");
    await page.waitForFunction(() => window.dialerElement.state().region === "US");
    assert.deepEqual(await geocoderFiles(page), [], "a region override loads no geocoder");
    await page.evaluate((o) => {
      const el = window.dialerElement;
      el.config = { ...el.config, emergency: { ...el.config.emergency, ...o } };
    }, COPENHAGEN);
    await page.waitForFunction(() => window.dialerElement.state().region === "DK");
    await assertGeocoderFetched(page);
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });

  test("cross-origin iframe: the frame loads the geocoder from its own origin", async () => {
    const page = await newPage(browser, { url: `${parentSite.url}/demo/iframe.html?frame=${frameSite.url}` });
    await page.waitForSelector("html[data-dialer-ready=true]");
    const framed = page.frames().find((f) => f.url().startsWith(`${frameSite.url}/demo/frame.html`));
    await page.evaluate((o) => window.dialer.setConfig({ emergency: o }), COPENHAGEN);
    await page.waitForFunction(() => window.dialer.state().then((s) => s.region === "DK"), null, { timeout: 15_000 });
    await assertGeocoderFetched(framed);
    const origins = await framed.evaluate(() => performance.getEntriesByType("resource")
      .filter((e) => e.name.includes("agent-dialer-geo")).map((e) => new URL(e.name).origin));
    assert.deepEqual(origins, [frameSite.url, frameSite.url].map((u) => new URL(u).origin), "the frame's origin");
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });

  test("Vite app: the geocoder is a chunk of its own, loaded only for a position", async () => {
    assert.ok(sampleSite, "www/sample-vite/dist is missing: run bash scripts/build-pkg.sh and the sample's vite build (scripts/test.sh does)");
    const page = await newPage(browser, { url: `${sampleSite.url}/` });
    await page.waitForSelector("html[data-dialer-ready=true]");
    assert.equal((await page.evaluate(() => window.dialer.state())).region, "US");
    assert.deepEqual(await geocoderFiles(page), [], "not in the initial load");
    await page.evaluate((o) => window.dialer.setConfig({ emergency: o }), COPENHAGEN);
    await page.waitForFunction(() => window.dialer.state().region === "DK", null, { timeout: 15_000 });
    await assertGeocoderFetched(page);
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });
});

describe("cross-origin iframe (connectFrame / serveFrame)", () => {
  async function openIframeDemo() {
    const page = await newPage(browser, { url: `${parentSite.url}/demo/iframe.html?frame=${frameSite.url}` });
    await page.waitForSelector("html[data-dialer-ready=true]");
    const frame = page.frameLocator("#dialer-frame");
    await frame.locator("[data-test=dialer]").waitFor();
    const framed = page.frames().find((f) => f.url().startsWith(`${frameSite.url}/demo/frame.html`));
    assert.ok(framed, "the widget frame is served from the other origin");
    return { page, frame, framed };
  }

  test("ordinary and emergency calls across origins; events re-dispatched on the iframe", async () => {
    const { page, frame, framed } = await openIframeDemo();
    assert.notEqual(new URL(page.url()).origin, new URL(framed.url()).origin);
    const started = page.evaluate(() => new Promise((resolve) => {
      document.querySelector("#dialer-frame").addEventListener("dialer:emergency-started", (e) => resolve(e.detail), { once: true });
    }));
    await ordinaryThenEmergency(page, frame, "iframe");
    assert.equal((await started).number, "911");
    // The parent's handle: dial/state cross the frame.
    await page.evaluate(() => window.dialer.dial("5550001111"));
    await page.waitForFunction(() => window.demoHost.sim.log.filter((e) => e.binding === "calling.dial").length === 3);
    const snapshot = await page.evaluate(() => window.dialer.state());
    assert.equal(snapshot.call.number, "5550001111");
    assert.equal(snapshot.emergencyMode, false);
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });

  test("the agent's click reaches the parent's calling.dial without waiting for anything", async () => {
    const { page, framed } = await openIframeDemo();
    // Parent: time of the dial; frame: time of the click (both on the shared timeOrigin clock).
    await page.evaluate(() => {
      const dialFn = window.demoHost.calling.dial;
      window.demoHost.calling.dial = (req) => { window.dialAt = performance.timeOrigin + performance.now(); return dialFn(req); };
    });
    await framed.evaluate(() => {
      document.addEventListener("click", () => { window.clickAt = performance.timeOrigin + performance.now(); }, true);
    });
    await framed.locator("[data-test=number]").fill("911");
    await framed.locator("[data-test=call-button]").click();
    await page.waitForFunction(() => window.dialAt !== undefined);
    const clickAt = await framed.evaluate(() => window.clickAt);
    const dialAt = await page.evaluate(() => window.dialAt);
    assert.ok(dialAt >= clickAt, "dial after click");
    assert.ok(dialAt - clickAt < 1000, `dial reached the parent ${dialAt - clickAt} ms after the click`);
    await page.context().close();
  });

  test("messages from a third origin, or another window of the frame's origin, are ignored", async () => {
    const { page, frame } = await openIframeDemo();
    // A third-origin frame and a second frame of the widget's origin, both holding references
    // to the parent and (via parent.frames[0]) the widget frame.
    await page.evaluate(([third, sameOrigin]) => {
      for (const [id, src] of [["third", third], ["impostor", sameOrigin]]) {
        const f = document.createElement("iframe");
        f.id = id;
        f.src = src;
        document.body.append(f);
      }
    }, [`${thirdSite.url}/blank-third`, `${frameSite.url}/blank-impostor`]);
    const frames = () => page.frames();
    const waitFrame = async (prefix) => {
      for (let i = 0; i < 50; i++) {
        const f = frames().find((x) => x.url().startsWith(prefix));
        if (f) { await f.waitForLoadState(); return f; }
        await page.waitForTimeout(50);
      }
      throw new Error(`no frame ${prefix}`);
    };
    const third = await waitFrame(`${thirdSite.url}/blank-third`);
    const impostor = await waitFrame(`${frameSite.url}/blank-impostor`);
    const before = await page.evaluate(() => window.demoHost.sim.log.length);
    const stateBefore = await page.evaluate(() => window.dialer.state());
    const frameErrors = page.evaluate(() => {
      window.frameErrors = [];
      document.querySelector("#dialer-frame").addEventListener("dialer:frame-error", (e) => window.frameErrors.push(e.detail));
    });
    await frameErrors;
    for (const attacker of [third, impostor]) {
      await attacker.evaluate((PROTOCOL) => {
        window.replies = [];
        window.addEventListener("message", (e) => window.replies.push(e.data));
        const dialRequest = { number: "911", dialed: "911", emergency: true, record: false };
        // To the parent: a binding call as if from the widget, and garbage.
        parent.postMessage({ protocol: PROTOCOL, type: "request", id: "evil-1", binding: "calling.dial", args: [dialRequest] }, "*");
        parent.postMessage({ protocol: PROTOCOL, type: "event", name: "dialer:emergency-started", detail: { callId: "x", number: "911" } }, "*");
        parent.postMessage("garbage", "*");
        // To the widget frame: a command, a fake incoming call and a presence change.
        const widget = parent.frames[0];
        widget.postMessage({ protocol: PROTOCOL, type: "command", id: "evil-2", command: "dial", args: ["911"] }, "*");
        widget.postMessage({ protocol: PROTOCOL, type: "call-event", event: { type: "incoming", callId: "evil", from: "+15550000000", to: "+15550009999" } }, "*");
        widget.postMessage({ protocol: PROTOCOL, type: "presence-event", event: "dnd" }, "*");
        widget.postMessage({ protocol: PROTOCOL, type: "mount", config: { agent: { id: "evil" } }, bindings: [] }, "*");
        widget.postMessage({ bad: true }, "*");
      }, PROTOCOL);
    }
    // The parent page itself (not the frame's origin) posting to itself is ignored too.
    await page.evaluate((PROTOCOL) => {
      window.postMessage({ protocol: PROTOCOL, type: "request", id: "self-1", binding: "calling.dial", args: [{ number: "911" }] }, location.origin);
    }, PROTOCOL);
    // Give every message time to arrive, then check nothing changed and nobody was answered.
    await page.waitForTimeout(600);
    assert.equal(await page.evaluate(() => window.demoHost.sim.log.length), before, "no binding was called");
    assert.deepEqual(await page.evaluate(() => window.frameErrors), [], "the frame got nothing to complain about");
    assert.equal(await frame.locator("[data-test=incoming]").count(), 0, "no fake incoming call");
    assert.deepEqual(await page.evaluate(() => window.dialer.state()), stateBefore);
    for (const attacker of [third, impostor]) assert.deepEqual(await attacker.evaluate(() => window.replies), [], "no replies to strangers");
    // The bridge still works afterwards.
    await dial(frame, "5551234567");
    await page.waitForFunction(() => window.demoHost.sim.log.some((e) => e.binding === "calling.dial"));
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });

  test("malformed messages from the right window get an error reply and change nothing", async () => {
    const { page, frame, framed } = await openIframeDemo();
    const before = await page.evaluate(() => window.demoHost.sim.log.length);
    const stateBefore = await page.evaluate(() => window.dialer.state());

    // Frame -> parent (the widget's own window, right origin): malformed requests.
    const parentReplies = await framed.evaluate(async ([PROTOCOL, parentOrigin]) => {
      const replies = [];
      const onMessage = (e) => { if (e.source === parent && e.data?.type === "error") replies.push(e.data); };
      window.addEventListener("message", onMessage);
      const dialRequest = { number: "911", dialed: "911", emergency: true, record: false };
      parent.postMessage({ protocol: PROTOCOL, type: "request", binding: "calling.dial", args: [dialRequest] }, parentOrigin); // no id
      parent.postMessage({ protocol: "agent-dialer/0", type: "request", id: "m2", binding: "calling.dial", args: [dialRequest] }, parentOrigin);
      parent.postMessage({ protocol: PROTOCOL, type: "request", id: "m3", binding: "calling.dial", args: "911" }, parentOrigin);
      parent.postMessage({ protocol: PROTOCOL, type: "request", id: "m4", binding: "calling.__proto__", args: [] }, parentOrigin);
      parent.postMessage({ protocol: PROTOCOL, type: "request", id: "m5", binding: "calling.record", args: [] }, parentOrigin);
      parent.postMessage({ protocol: PROTOCOL, type: 7, id: "m6" }, parentOrigin);
      parent.postMessage({ protocol: PROTOCOL, type: "event", name: "click" }, parentOrigin);
      parent.postMessage({ protocol: PROTOCOL, type: "some-future-type", id: "m8" }, parentOrigin); // ignored
      await new Promise((r) => setTimeout(r, 500));
      window.removeEventListener("message", onMessage);
      return replies;
    }, [PROTOCOL, parentSite.url]);
    assert.deepEqual(parentReplies.map((r) => r.id), [undefined, "m2", "m3", "m4", "m5", "m6", undefined]);
    assert.ok(parentReplies.every((r) => r.protocol === PROTOCOL && typeof r.message === "string"));
    assert.match(parentReplies[1].message, /protocol/);
    assert.match(parentReplies[4].message, /not a binding of the host contract/);

    // Parent -> frame (right window, right origin): malformed commands and feeds.
    const frameErrors = await page.evaluate(async ([PROTOCOL, frameOrigin]) => {
      const errors = [];
      const iframe = document.querySelector("#dialer-frame");
      const onError = (e) => errors.push(e.detail);
      iframe.addEventListener("dialer:frame-error", onError);
      const w = iframe.contentWindow;
      w.postMessage({ protocol: PROTOCOL, type: "command", command: "dial", args: ["911"] }, frameOrigin); // no id
      w.postMessage({ protocol: PROTOCOL, type: "command", id: "c2", command: "dial", args: [911] }, frameOrigin);
      w.postMessage({ protocol: PROTOCOL, type: "command", id: "c3", command: "format-disk", args: [] }, frameOrigin);
      w.postMessage({ protocol: PROTOCOL, type: "call-event", event: "incoming" }, frameOrigin);
      w.postMessage({ protocol: PROTOCOL, type: "presence-event", event: { status: "dnd" } }, frameOrigin);
      w.postMessage({ protocol: PROTOCOL, type: "mount", config: { agent: { id: "again", name: "x" } }, bindings: [] }, frameOrigin);
      w.postMessage({ protocol: PROTOCOL, type: "response", id: "f-999", ok: "yes" }, frameOrigin);
      w.postMessage([1, 2, 3], frameOrigin);
      w.postMessage({ protocol: PROTOCOL, type: "some-future-type", id: "c9" }, frameOrigin); // ignored
      await new Promise((r) => setTimeout(r, 500));
      iframe.removeEventListener("dialer:frame-error", onError);
      return errors;
    }, [PROTOCOL, frameSite.url]);
    assert.deepEqual(frameErrors.map((e) => e.id), [undefined, "c2", "c3", undefined, undefined, undefined, "f-999", undefined]);
    assert.match(frameErrors[5].message, /already mounted/);

    assert.equal(await page.evaluate(() => window.demoHost.sim.log.length), before, "no binding was called");
    assert.deepEqual(await page.evaluate(() => window.dialer.state()), stateBefore, "the widget did not change");
    assert.equal(await frame.locator("[data-test=emergency-banner]").count(), 0);
    await dial(frame, "911");
    await frame.locator("[data-test=emergency-banner]").waitFor();
    await page.waitForFunction(() => window.demoHost.sim.presence === "dnd");
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });
});

describe("Vite app with the packed npm tarball", () => {
  test("ordinary and emergency calls", async (t) => {
    assert.ok(sampleSite, "www/sample-vite/dist is missing: run bash scripts/build-pkg.sh and the sample's vite build (scripts/test.sh does)");
    const page = await newPage(browser, { url: `${sampleSite.url}/` });
    await page.waitForSelector("html[data-dialer-ready=true]");
    await page.waitForSelector("[data-test=dialer]");
    const dials = () => page.evaluate(() => window.sampleHost.log.filter(([b]) => b === "calling.dial").map(([, r]) => r));
    await dial(page, "555-123-4567");
    await page.locator("[data-test=call-status]:has-text('Connected')").waitFor();
    assert.deepEqual((await dials()).map((r) => [r.number, r.emergency, r.record]), [["5551234567", false, true]]);
    await page.locator("[data-test=end-call]").click();
    await page.locator("[data-test=call-button]").waitFor();
    await dial(page, "911");
    await page.locator("[data-test=emergency-banner]").waitFor();
    assert.deepEqual((await dials())[1], { ...(await dials())[1], number: "911", emergency: true, record: false, region: "US" });
    await page.waitForFunction(() => window.sampleHost.currentPresence === "dnd");
    assert.equal(await page.locator("[data-test=host-presence]").textContent(), "dnd");
    await screenshot(page, "embedding-vite-emergency");
    await page.locator("[data-test=end-call]").click();
    await page.waitForFunction(() => window.sampleHost.currentPresence === "available");
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });
});

describe("V8's compile hint (issue 16)", () => {
  // `//# allFunctionsCalledOnLoad` first: Chrome compiles the file's functions when it loads, not
  // on the first mount() (BENCHMARKS.md). Minifiers drop comments, so the build puts it back.
  const HINT = "//# allFunctionsCalledOnLoad\n";
  const head = (...parts) => readFileSync(join(ROOT, ...parts), "utf8").slice(0, HINT.length);
  test("heads every file a first mount runs, in dist/ and in the package, and not the geocoder", () => {
    const snippets = (dir) => readdirSync(join(ROOT, dir, "snippets"), { recursive: true }).filter((f) => f.endsWith(".js")).map((f) => join(dir, "snippets", f));
    const withHint = ["dist/agent-dialer.js", "dist/pkg/guard.js", "dist/pkg/index.js", "dist/pkg/element.js",
      "pkg/agent_dialer.js", "pkg/guard.js", "pkg/index.js", "pkg/element.js", ...snippets("pkg")];
    assert.ok(withHint.length >= 11, `the package's snippets were found: ${withHint}`);
    for (const f of withHint) assert.equal(head(f), HINT, `${f} starts with the compile hint`);
    for (const f of ["dist/agent-dialer-geo.js", "pkg/agent-dialer-geo.js", "pkg/fallback.js"]) assert.notEqual(head(f), HINT, `${f} is compiled lazily`);
  });
});
