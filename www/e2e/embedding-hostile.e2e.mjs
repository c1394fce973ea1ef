// The embedding layers against hosts that do odd things (issue 11, the JavaScript side):
// <agent-dialer> replaces its configuration on assignment, retries a failed load and survives
// its methods being called from inside bindings and `dialer:*` listeners; the iframe bridge's
// `ready` rejects when the frame never answers or cannot mount, request ids differ across frame
// loads, only contract bindings can be called through it, a dial answer that cannot be cloned
// still yields the call, and the parent's handle may be used from bindings and listeners.
//
// Host pages written here are served under /t/ (same CSP as the demos) next to dist/.
// Needs dist/ (trunk build --release).
import { test, before, after, describe } from "node:test";
import assert from "node:assert/strict";
import { serve, launch, newPage } from "./harness.mjs";

const PROTOCOL = "agent-dialer/1";
const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; connect-src 'self'; "
  + "frame-src 'self' http://127.0.0.1:*; object-src 'none'; base-uri 'none'";
const CONFIG = {
  agent: { id: "agent-7", name: "Alex Agent" },
  emergency: { recipients: "safety@acme.example", civicAddress: "Acme HQ, Floor 3", locationOverride: { region: "US" } },
  readiness: { voiceOutboundProfile: true, mailboxEnabled: true, numberType: "calling-plan" },
};
// The wasm side of re-entrancy is another change's (src/); until it lands a re-entrant call may
// trap the wasm, which the guard turns into the fallback dialer. These tests hold either way.
const RUST_TRAPS = /panicked|unreachable|RuntimeError|trapped|RefCell|recursive use/;

let site, frameSite, browser;
before(async () => { [site, frameSite] = await Promise.all([serve(), serve()]); browser = await launch(); });
after(async () => { await browser?.close(); await Promise.all([site, frameSite].map((s) => s?.close())); });

/** Opens a host page made of `script` (an ES module) and `body` HTML, served at /t/<name>.html. */
async function hostPage(name, script, body = "", options = {}) {
  // Served by the real server (a page fulfilled by the test itself may not frame 127.0.0.1:
  // Chromium's local network access checks).
  site.files.set(`/t/${name}.html`, `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${CSP}">`
    + `<title>${name}</title><link rel="stylesheet" href="/agent-dialer.css"><script type="module" src="/t/${name}.js"></script></head>`
    + `<body><main><h1>${name}</h1>${body}</main></body></html>`);
  site.files.set(`/t/${name}.js`, script);
  const page = await newPage(browser, options);
  await page.goto(`${site.url}/t/${name}.html`);
  return page;
}
const hostLog = (page) => page.evaluate(() => window.demoHost.sim.log.filter((e) => e.binding !== "event").map((e) => [e.binding, ...e.args]));
const dials = async (page) => (await hostLog(page)).filter(([b]) => b === "calling.dial").map(([, r]) => r);

describe("<agent-dialer>", () => {
  const ELEMENT = `
    import "/pkg/element.js";
    import { createMockHost } from "/demo/mock-host.js";
    window.demoHost = createMockHost();
    window.el = document.querySelector("agent-dialer");
    window.config = ${JSON.stringify(CONFIG)};
  `;

  test("assigning config replaces it: what the new object leaves out does not stay", { timeout: 90_000 }, async () => {
    const page = await hostPage("element-config", `${ELEMENT}
      el.host = demoHost; el.config = config;
      el.whenMounted().then(() => { document.documentElement.dataset.ready = "true"; });
    `, "<agent-dialer></agent-dialer>");
    await page.waitForSelector("html[data-ready=true]");
    await page.waitForFunction(() => window.el.state().region === "US");
    // Without the civic address (and without the location override).
    await page.evaluate(() => { el.config = { ...config, emergency: { recipients: "safety@acme.example" } }; });
    assert.equal(await page.evaluate(() => "civicAddress" in el.config.emergency), false);
    await page.waitForFunction(() => window.el.state().region === undefined);
    await page.evaluate(() => el.dial("911"));
    const [request] = await dials(page);
    assert.equal(request.emergency, true);
    assert.equal(request.civicAddress, undefined, "the left-out civic address was not sent");
    assert.equal(request.location?.civicAddress, undefined);
    await page.locator("[data-test=end-call]").click();
    await page.waitForFunction(() => window.demoHost.sim.presence === "available");
    // Put back: it is sent again. setConfig still merges.
    await page.evaluate(() => { el.config = config; el.setConfig({ emergency: { recipients: "other@acme.example" } }); });
    assert.equal(await page.evaluate(() => el.config.emergency.civicAddress), "Acme HQ, Floor 3");
    await page.locator("[data-test=call-button]").waitFor();
    await page.evaluate(() => el.dial("911"));
    assert.equal((await dials(page))[1].civicAddress, "Acme HQ, Floor 3");
    // A malformed replacement throws and changes nothing.
    const error = await page.evaluate(() => { try { el.config = { emergency: {} }; return null; } catch (e) { return e.message; } });
    assert.match(error, /agent/);
    assert.equal(await page.evaluate(() => el.config.agent.id), "agent-7");
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });

  test("a failed load is retried when the element is inserted again", { timeout: 90_000 }, async () => {
    const page = await newPage(browser);
    await page.route("**/agent-dialer_bg.wasm", (route) => route.abort("connectionreset"));
    await page.goto(`${site.url}/demo/element.html`);
    await page.locator("agent-dialer [data-test=fallback]").waitFor();
    await page.unroute("**/agent-dialer_bg.wasm");
    await page.evaluate(() => { const el = window.dialerElement; const parent = el.parentNode; el.remove(); parent.append(el); });
    await page.locator("agent-dialer [data-test=dialer]").waitFor();
    assert.equal((await page.evaluate(() => window.dialerElement.state())).fallback, undefined);
    await page.evaluate(() => window.dialerElement.dial("911"));
    await page.locator("[data-test=emergency-banner]").waitFor();
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });

  test("every method from inside bindings and dialer:* listeners, while mounting, dialing and ending", { timeout: 90_000 }, async (t) => {
    const page = await hostPage("element-reentry", `${ELEMENT}
      window.reentry = [];
      const attempt = (what, fn) => {
        try { fn(); reentry.push([what, "ok"]); } catch (e) { reentry.push([what, e instanceof Error && /^agent-dialer|^mount|config/.test(e.message) ? "clear error" : "threw " + e]); }
      };
      const h = demoHost;
      const wrap = (group, name, before) => { const f = h[group][name]; h[group][name] = (...a) => { before(...a); return f(...a); }; };
      wrap("presence", "get", () => { attempt("presence.get: state", () => el.state()); attempt("presence.get: setConfig", () => el.setConfig({ emergency: { recipients: "a@acme.example" } })); });
      wrap("calling", "dial", () => {
        attempt("calling.dial: state", () => el.state());
        attempt("calling.dial: dial", () => el.dial("911"));
        attempt("calling.dial: setConfig", () => el.setConfig({ emergency: { recipients: "b@acme.example" } }));
        attempt("calling.dial: config", () => { el.config = { ...el.config }; });
      });
      wrap("presence", "set", (s) => { attempt("presence.set: state", () => el.state()); attempt("presence.set: config", () => { el.config = { ...el.config }; }); });
      wrap("conversation", "setEmergencyMode", () => attempt("setEmergencyMode: state", () => el.state()));
      el.addEventListener("dialer:readiness", () => { attempt("readiness: state", () => el.state()); attempt("readiness: setConfig", () => el.setConfig({ emergency: { recipients: "c@acme.example" } })); });
      el.addEventListener("dialer:emergency-started", () => { attempt("started: state", () => el.state()); attempt("started: dial", () => el.dial("5551234567")); });
      el.addEventListener("dialer:emergency-ended", () => { attempt("ended: state", () => el.state()); attempt("ended: remove", () => el.remove()); });
      el.host = demoHost; el.config = config;
      el.whenMounted().then(() => { document.documentElement.dataset.ready = "true"; });
    `, "<div id=slot><agent-dialer></agent-dialer></div>");
    await page.waitForSelector("html[data-ready=true]");
    await page.evaluate(() => el.dial("911"));
    await page.waitForFunction(() => window.demoHost.sim.presence === "dnd");
    const placed = await dials(page);
    assert.equal(placed.length, 1, "one emergency call: no second 911, no ordinary call during it (E5)");
    assert.deepEqual([placed[0].number, placed[0].emergency, placed[0].record], ["911", true, false]);
    await page.evaluate(() => window.demoHost.sim.remoteHangUp());
    await page.waitForFunction(() => window.demoHost.sim.presence === "available");
    const modes = (await hostLog(page)).filter(([b]) => b === "conversation.setEmergencyMode").map(([, a]) => a);
    assert.deepEqual(modes, [true, false], "E9 once each way");
    // Removed from inside the ended listener: inserting it again mounts it again.
    await page.waitForFunction(() => !window.el.isConnected);
    await page.evaluate(() => { document.querySelector("#slot").append(el); return el.whenMounted(); });
    assert.equal((await page.evaluate(() => el.state())).call, undefined);
    const outcomes = await page.evaluate(() => window.reentry);
    const bad = outcomes.filter(([, r]) => r !== "ok" && r !== "clear error");
    assert.deepEqual(bad, [], "only clear errors, never a stray exception");
    for (const what of ["presence.get: state", "readiness: state", "calling.dial: state", "presence.set: state", "started: state", "ended: state", "ended: remove"]) {
      assert.ok(outcomes.some(([w, r]) => w === what && r === "ok"), `${what} answered`);
    }
    assert.equal((await hostLog(page)).filter(([b]) => b === "activity.record").length, 0, "E6");
    t.diagnostic(`fallback took over: ${page.errors.some((e) => /trapped/.test(e))}`);
    assert.deepEqual(page.errors.filter((e) => !RUST_TRAPS.test(e)), []);
    await page.context().close();
  });
});

describe("iframe bridge", () => {
  // The parent page: connectFrame(iframe, host, { origin, config, ...options }) on demand.
  const PARENT = `
    import { connectFrame } from "/pkg/frame.js";
    import { createMockHost } from "/demo/mock-host.js";
    window.connect = (src, config, options = {}) => {
      const iframe = document.createElement("iframe");
      iframe.title = "Phone";
      iframe.src = src;
      document.querySelector("main").append(iframe);
      window.demoHost ??= createMockHost();
      window.dialer = connectFrame(iframe, demoHost, { origin: new URL(src).origin, config, ...options });
      window.iframe = iframe;
      return window.dialer.ready.then(() => "ready", (e) => ({ error: e instanceof Error, message: e.message }));
    };
    document.documentElement.dataset.ready = "true";
  `;
  const frameSrc = () => `${frameSite.url}/demo/frame.html?parent=${encodeURIComponent(site.url)}`;
  async function parentPage(name, extra = "") {
    const page = await hostPage(name, PARENT + extra);
    await page.waitForSelector("html[data-ready=true]");
    return page;
  }
  const framed = (page) => page.frames().find((f) => f.url().startsWith(frameSite.url));

  test("ready rejects with a clear Error when the frame never answers or cannot mount", { timeout: 90_000 }, async () => {
    const page = await parentPage("frame-ready");
    const silent = await page.evaluate((src) => connect(src, {}, { readyTimeoutMs: 700 }), `${frameSite.url}/demo/demo.css`);
    assert.equal(silent.error, true);
    assert.match(silent.message, /did not answer within 700 ms/);
    const state = await page.evaluate(() => window.dialer.state().then(() => "answered", (e) => e.message));
    assert.match(state, /did not answer/, "commands fail the same way");
    await page.evaluate(() => { dialer.disconnect(); iframe.remove(); });
    const broken = await page.evaluate((src) => connect(src, { agent: { id: 7 } }), frameSrc());
    assert.equal(broken.error, true);
    assert.match(broken.message, /could not mount: .*agent\.id/);
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });

  test("request ids are unique across frame loads", { timeout: 90_000 }, async () => {
    const page = await newPage(browser);
    await page.context().addInitScript(() => {
      if (window !== top) return;
      window.requestIds = [];
      addEventListener("message", (e) => { if (e.data?.type === "request") window.requestIds.push(e.data.id); });
    });
    await page.goto(`${site.url}/demo/iframe.html?frame=${frameSite.url}`);
    await page.waitForSelector("html[data-dialer-ready=true]");
    await page.frameLocator("#dialer-frame").locator("[data-test=dialer]").waitFor();
    const first = await page.evaluate(() => window.requestIds.length);
    assert.ok(first > 0);
    // Reload the frame: a new page load, a new widget, new requests.
    await page.evaluate(() => { const f = document.querySelector("#dialer-frame"); f.src = f.src; });
    await page.waitForFunction((n) => window.requestIds.length > n, first);
    await page.frameLocator("#dialer-frame").locator("[data-test=dialer]").waitFor();
    await page.frameLocator("#dialer-frame").locator("[data-test=number]").fill("911");
    await page.frameLocator("#dialer-frame").locator("[data-test=call-button]").click();
    await page.waitForFunction(() => window.demoHost.sim.presence === "dnd");
    const ids = await page.evaluate(() => window.requestIds);
    assert.equal(new Set(ids).size, ids.length, `no id twice: ${ids.join(" ")}`);
    const loads = new Set(ids.map((id) => id.split("-").slice(0, 2).join("-")));
    assert.equal(loads.size, 2, "each frame load tags its ids");
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });

  test("only contract bindings can be called through the bridge", { timeout: 90_000 }, async () => {
    const page = await parentPage("frame-contract", `
      window.called = [];
      window.demoHost = createMockHost();
      demoHost.calling.transfer = () => { called.push("calling.transfer"); };
      demoHost.presence.secret = () => { called.push("presence.secret"); return "s3cret"; };
      demoHost.activity.exportAll = () => { called.push("activity.exportAll"); return []; };
    `);
    await page.context().addInitScript(() => {
      window.mounts = [];
      addEventListener("message", (e) => { if (e.data?.type === "mount") window.mounts.push(e.data.bindings); });
    });
    assert.equal(await page.evaluate(([src, config]) => connect(src, config), [frameSrc(), CONFIG]), "ready");
    const frame = framed(page);
    const [bindings] = await frame.evaluate(() => window.mounts);
    assert.ok(bindings.includes("calling.dial") && bindings.includes("conversation.setEmergencyMode"));
    for (const extra of ["calling.transfer", "presence.secret", "activity.exportAll"]) assert.ok(!bindings.includes(extra), `${extra} is not offered`);
    // The framed page (its own window, the right origin) asks for them anyway.
    const replies = await frame.evaluate(async ([PROTOCOL, parentOrigin]) => {
      const out = {};
      const onMessage = (e) => { if (e.source === parent && ["error", "response"].includes(e.data?.type)) out[e.data.id] = e.data; };
      addEventListener("message", onMessage);
      for (const [id, binding] of [["x1", "calling.transfer"], ["x2", "presence.secret"], ["x3", "activity.exportAll"], ["x4", "presence.get"]]) {
        parent.postMessage({ protocol: PROTOCOL, type: "request", id, binding, args: [] }, parentOrigin);
      }
      await new Promise((r) => setTimeout(r, 400));
      removeEventListener("message", onMessage);
      return out;
    }, [PROTOCOL, site.url]);
    for (const id of ["x1", "x2", "x3"]) {
      assert.equal(replies[id]?.type, "error", id);
      assert.match(replies[id].message, /not a binding of the host contract/);
    }
    assert.deepEqual([replies.x4?.type, replies.x4?.ok, replies.x4?.value], ["response", true, "available"]);
    assert.deepEqual(await page.evaluate(() => window.called), []);
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });

  test("a dial answer that cannot be cloned (a function inside, a Proxy, a promise of one) still yields the call", { timeout: 90_000 }, async () => {
    const page = await parentPage("frame-clone", `
      window.demoHost = createMockHost();
      const dial = demoHost.calling.dial;
      window.answerAs = "function";
      demoHost.calling.dial = (request) => {
        const { callId } = dial(request);
        if (answerAs === "function") return { callId, cancel() {} };
        if (answerAs === "proxy") return new Proxy({ callId }, {});
        return Promise.resolve(new Proxy({ callId, at: Symbol("now") }, {}));
      };
    `);
    assert.equal(await page.evaluate(([src, config]) => connect(src, config), [frameSrc(), CONFIG]), "ready");
    const frame = page.frameLocator("iframe");
    let n = 0;
    for (const kind of ["function", "proxy", "promise"]) {
      n++;
      await page.evaluate((k) => { window.answerAs = k; }, kind);
      await frame.locator("[data-test=number]").fill("911");
      await frame.locator("[data-test=call-button]").click();
      await page.waitForFunction(() => window.demoHost.sim.presence === "dnd");
      await page.waitForFunction((id) => window.dialer.state().then((s) => s.call?.callId === id), `call-${n}`);
      await frame.locator("[data-test=end-call]").click();
      await page.waitForFunction(() => window.demoHost.sim.presence === "available");
      const hangUps = (await hostLog(page)).filter(([b]) => b === "calling.hangUp").map(([, id]) => id);
      assert.equal(hangUps.at(-1), `call-${n}`, `${kind}: the call the host placed is the one ended`);
      await frame.locator("[data-test=call-button]").waitFor();
    }
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });

  test("the parent's handle from inside bindings and dialer:* listeners", { timeout: 90_000 }, async () => {
    const page = await parentPage("frame-reentry", `
      window.demoHost = createMockHost();
      window.outcomes = [];
      const track = (what, promise) => {
        let p;
        try { p = promise(); } catch (e) { outcomes.push([what, "threw " + e]); return; }
        p.then(() => outcomes.push([what, "ok"]), (e) => outcomes.push([what, e instanceof Error ? "rejected" : "rejected with a non-Error"]));
      };
      const h = demoHost;
      const wrap = (group, name, before) => { const f = h[group][name]; h[group][name] = (...a) => { before(...a); return f(...a); }; };
      wrap("presence", "get", () => { track("presence.get: state", () => dialer.state()); });
      wrap("calling", "dial", () => { track("calling.dial: state", () => dialer.state()); track("calling.dial: dial", () => dialer.dial("911")); track("calling.dial: setConfig", () => dialer.setConfig({ emergency: { recipients: "b@acme.example" } })); });
      wrap("presence", "set", () => { track("presence.set: state", () => dialer.state()); });
      window.listen = () => {
        iframe.addEventListener("dialer:readiness", () => track("readiness: state", () => dialer.state()));
        iframe.addEventListener("dialer:emergency-started", () => { track("started: state", () => dialer.state()); track("started: dial", () => dialer.dial("5551234567")); });
        iframe.addEventListener("dialer:emergency-ended", () => track("ended: unmount", () => dialer.unmount()));
      };
    `);
    const ready = page.evaluate(([src, config]) => { const p = connect(src, config); listen(); return p; }, [frameSrc(), CONFIG]);
    assert.equal(await ready, "ready");
    await page.evaluate(() => dialer.dial("911"));
    await page.waitForFunction(() => window.demoHost.sim.presence === "dnd");
    await page.frameLocator("iframe").locator("[data-test=emergency-banner], [data-test=fallback-end]").first().waitFor();
    const placed = await dials(page);
    assert.equal(placed.length, 1, "one emergency call: no second 911, no ordinary call during it (E5)");
    assert.deepEqual([placed[0].number, placed[0].emergency, placed[0].record], ["911", true, false]);
    await page.evaluate(() => window.demoHost.sim.remoteHangUp());
    await page.waitForFunction(() => window.demoHost.sim.presence === "available");
    await page.waitForFunction(() => window.outcomes.some(([w]) => w === "ended: unmount"));
    const outcomes = await page.evaluate(() => window.outcomes);
    assert.deepEqual(outcomes.filter(([, r]) => r !== "ok" && r !== "rejected"), [], "every call answered or rejected with an Error");
    for (const what of ["presence.get: state", "calling.dial: state", "presence.set: state", "started: state", "ended: unmount"]) {
      assert.ok(outcomes.some(([w, r]) => w === what && r === "ok"), `${what}: ${JSON.stringify(outcomes)}`);
    }
    assert.equal(await page.frameLocator("iframe").locator(".agent-dialer").count(), 0, "unmounted from the listener");
    const frameErrors = await framed(page).evaluate(() => 0).then(() => []);
    assert.deepEqual(page.errors.filter((e) => !RUST_TRAPS.test(e)).concat(frameErrors), []);
    await page.context().close();
  });
});
