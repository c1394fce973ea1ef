// The runtime in a real browser: geolocation granted and denied at positions in every
// supported region and outside them, a reload in the middle of an emergency call, and two
// tabs of the same agent. Build first (`trunk build --release`); DIST=… serves another build.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { serve, launch, openDemo, newPage, hostLog, DIST } from "./harness.mjs";

let server, browser;
before(async () => { server = await serve(process.env.DIST ?? DIST); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const state = (page) => page.evaluate(() => window.dialer.state());
const waitState = (page, fn, arg) => page.waitForFunction(fn, arg, { timeout: 15_000 });
const GEOCODER_FILES = ["agent-dialer-geo.js", "agent-dialer-geo_bg.wasm", "country-boundaries-60x30.ser"];
/** The reverse geocoder's files (and the boundaries data) this page has fetched, by name. */
const fetchedGeocoder = async (page) => {
  // The browser adds resource timing entries a little after the responses are used.
  await page.waitForFunction((n) => performance.getEntriesByType("resource")
    .filter((e) => e.name.includes("agent-dialer-geo") || e.name.endsWith(".ser")).length >= n, 3, { timeout: 5_000 }).catch(() => {});
  return (await geocoderFiles(page)).sort();
};
const geocoderFiles = (page) => page.evaluate(() => performance.getEntriesByType("resource")
  .map((e) => new URL(e.name).pathname.split("/").pop())
  .filter((n) => n.startsWith("agent-dialer-geo") || n.endsWith(".ser")));

const PLACES = [
  ["US", 30.2672, -97.7431],   // Austin (US-TX)
  ["CA", 43.6532, -79.3832],   // Toronto (CA-ON)
  ["PR", 18.4655, -66.1057],   // San Juan: the data says ["PR", "US"]
  ["GB", 51.5074, -0.1278],    // London (GB-ENG)
  ["DK", 55.6761, 12.5683],    // Copenhagen
  ["DE", 52.52, 13.405],       // Berlin: unsupported
];

for (const [region, latitude, longitude] of PLACES) {
  test(`browser location granted in ${region}: region from the position, in the dial request`, async () => {
    const page = await openDemo(browser, server.url, "?region=", {
      permissions: ["geolocation"], geolocation: { latitude, longitude, accuracy: 20 },
    });
    await waitState(page, (r) => window.dialer.state().region === r, region);
    const s = await state(page);
    assert.equal(s.locationStatus, "granted");
    const loaded = await page.evaluate(() => performance.getEntriesByType("resource").map((e) => e.name).filter((n) => n.endsWith(".ser")));
    assert.equal(loaded.length, 1, `boundaries fetched once as a separate asset: ${loaded}`);
    // The lookup itself is the reverse geocoder's own small wasm, fetched once with the data.
    assert.deepEqual(await fetchedGeocoder(page), GEOCODER_FILES);
    const number = { GB: "999", DK: "112" }[region] ?? "911";
    await page.fill("[data-test=number]", number);
    await page.click("[data-test=call-button]");
    const dials = await hostLog(page, "calling.dial");
    if (region === "DE") {
      assert.equal(dials.length, 0, "E12 block: known to be outside");
    } else {
      assert.equal(dials.length, 1);
      const request = dials[0].args[0];
      assert.equal(request.region, region);
      assert.equal(request.emergency, true);
      assert.ok(Math.abs(request.location.latitude - latitude) < 1e-6);
      assert.ok(request.location.civicAddress.includes("Acme HQ"));
      await page.waitForSelector("[data-test=emergency-banner]");
    }
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });
}

test("browser location denied: status denied, 911 still attempted at once with a warning", async () => {
  const page = await newPage(browser, {});
  await page.context().clearPermissions();
  await page.goto(`${server.url}/?region=`);
  await page.waitForSelector("html[data-dialer-ready=true]");
  await waitState(page, () => ["denied", "prompt", "unavailable"].includes(window.dialer.state().locationStatus));
  const s = await state(page);
  assert.equal(s.region, undefined);
  await page.fill("[data-test=number]", "911");
  await page.click("[data-test=call-button]");
  const [dial] = await hostLog(page, "calling.dial");
  assert.equal(dial.args[0].emergency, true);
  assert.equal(dial.args[0].region, undefined);
  await page.waitForSelector("[data-test=emergency-banner]");
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test("switching from an override to the browser location follows the browser", async () => {
  const page = await openDemo(browser, server.url, "?region=GB", {
    permissions: ["geolocation"], geolocation: { latitude: 55.6761, longitude: 12.5683 },
  });
  assert.equal((await state(page)).region, "GB");
  // A region override needs no lookup: neither the geocoder nor its data is fetched.
  assert.deepEqual(await geocoderFiles(page), []);
  await page.selectOption("[data-test=host-location]", "");
  await waitState(page, () => window.dialer.state().region === "DK");
  assert.deepEqual(await fetchedGeocoder(page), GEOCODER_FILES);
  await page.context().close();
});

test("a reload in the middle of an emergency call: the agent is asked, then presence restored, callback window kept", async () => {
  const page = await openDemo(browser, server.url, "?region=US");
  await page.selectOption("[data-test=host-presence]", "busy");
  await page.fill("[data-test=number]", "911");
  await page.click("[data-test=call-button]");
  await page.waitForSelector("[data-test=callback-number]");
  assert.equal(await page.evaluate(() => window.demoHost.sim.presence), "dnd");
  await page.reload();
  await page.waitForSelector("html[data-dialer-ready=true]");
  // The mock host has no calling.activeCalls: nobody can say whether the call survived, so
  // the episode is kept (DND) and the agent is asked (E11). "No, it has ended": E8 and E9.
  await page.waitForSelector("[data-test=emergency-still-on]");
  assert.equal(await page.evaluate(() => window.demoHost.sim.log.some((e) => e.binding === "presence.set" && e.args[0] === "busy")), false);
  await page.click("[data-test=still-on-no]");
  await page.waitForFunction(() => window.demoHost.sim.log.some((e) => e.binding === "presence.set" && e.args[0] === "busy"));
  await page.waitForSelector("[data-test=callback-window]");
  const s = await state(page);
  assert.equal(s.emergencyMode, false);
  assert.equal(s.callbackWindow.number, "+15550100042");
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test("two tabs: both show the emergency, the callback is answered in exactly one", async () => {
  const context = await browser.newContext({ viewport: { width: 1100, height: 800 } });
  const open = async () => {
    const p = await context.newPage();
    p.errors = [];
    p.on("pageerror", (e) => p.errors.push(e.message));
    await p.goto(`${server.url}/?region=US`);
    await p.waitForSelector("html[data-dialer-ready=true]");
    return p;
  };
  const a = await open();
  const b = await open();
  await b.fill("[data-test=number]", "911");
  await b.click("[data-test=call-button]");
  await b.waitForSelector("[data-test=emergency-banner]");
  await a.waitForSelector("[data-test=peer-emergency]", { timeout: 5_000 });
  assert.match(await a.textContent("[data-test=peer-emergency]"), /another tab/);
  await b.waitForSelector("[data-test=callback-number]");
  await b.evaluate(() => window.demoHost.sim.drop());
  await a.waitForSelector("[data-test=peer-emergency]", { state: "detached", timeout: 5_000 });
  await a.waitForSelector("[data-test=callback-window]", { timeout: 5_000 });
  // The call ended in b, which gives presence back: a takes up only the callback window (it
  // once took up the ended call from a saved episode b's write had not reached yet).
  await a.waitForTimeout(600);
  assert.equal((await state(a)).emergencyMode, false);
  assert.deepEqual(await hostLog(a, "presence.set"), []);
  assert.deepEqual(await hostLog(a, "conversation.setEmergencyMode"), []);
  // The emergency service calls back: both hosts see the incoming call, one tab answers.
  await a.evaluate(() => window.demoHost.sim.emergencyCallback());
  await b.evaluate(() => window.demoHost.sim.emergencyCallback());
  await b.waitForTimeout(500);
  const answered = (await hostLog(a, "calling.answer")).length + (await hostLog(b, "calling.answer")).length;
  assert.equal(answered, 1);
  assert.equal((await hostLog(b, "calling.answer")).length, 1, "the tab that made the call answers");
  assert.deepEqual([...a.errors, ...b.errors], []);
  await context.close();
});

// The warm-up the package's init() runs before it resolves (src/warm.rs, www/pkg/guard.js): a
// whole mount and unmount with an inert host in a detached element, and the emergency-dial path
// off-document, so that the first mount and Call click do not pay the browser's lazy
// compilation (issue 16). It must be invisible: nothing left in the document (its pane is laid
// out once in a hidden box that leaves the document in the same task, so no frame shows it),
// no storage key read or written, no dialer's tab channel, nothing posted, no page listener,
// no position, no call to the page's host; once a widget mounted it does not run. (It primes
// the browser's storage area and channel service for the first mount: reads
// localStorage.length, and opens one channel no dialer uses and closes it at once; the
// rehearsal's posts on it go nowhere.)
test("init's warm-up runs off-document and touches nothing; the widget then mounts and dials as before", async () => {
  const page = await newPage(browser, { url: `${server.url}/demo/mock-host.js` });
  const seen = await page.evaluate(async () => {
    const touched = [];
    for (const [name, proto, method] of [["localStorage.getItem", Storage.prototype, "getItem"],
      ["localStorage.setItem", Storage.prototype, "setItem"],
      ["localStorage.removeItem", Storage.prototype, "removeItem"], ["localStorage.key", Storage.prototype, "key"],
      ["BroadcastChannel", window, "BroadcastChannel"], ["postMessage", BroadcastChannel.prototype, "postMessage"],
      ["fetch", window, "fetch"], ["geolocation", Geolocation.prototype, "watchPosition"],
      ["geolocation", Geolocation.prototype, "getCurrentPosition"],
      ["permissions", Permissions.prototype, "query"], ["addEventListener", window, "addEventListener"],
      ["enumerateDevices", MediaDevices.prototype, "enumerateDevices"]]) {
      const real = proto[method];
      proto[method] = function (...args) {
        // init's own download of the wasm is the only fetch expected.
        // (A channel's postMessage is named by its channel.)
        const what = name === "postMessage" ? this.name : String(args[0]).slice(0, 60);
        if (!(name === "fetch" && /agent[-_]dialer_bg\.wasm/.test(String(args[0]?.url ?? args[0])))) touched.push(`${name} ${what}`);
        return name === "BroadcastChannel" ? new real(...args) : real.apply(this, args);
      };
    }
    // Nodes the page's own elements were given (not those inside such a node, which the
    // observer keeps reporting until it has run): name, whether still in the document when
    // observed (after the task that added them), and how they were hidden.
    const added = [];
    const pageNodes = [document, document.documentElement, document.head, document.body];
    new MutationObserver((records) => {
      for (const r of records) {
        if (!pageNodes.includes(r.target)) continue;
        for (const n of r.addedNodes) {
          added.push(`${n.nodeName} ${n.isConnected ? "connected" : "gone"} aria-hidden=${n.getAttribute?.("aria-hidden")} inert=${n.inert} `
            + `${n.style?.visibility} ${n.style?.position} ${n.style?.left}`);
        }
      }
    }).observe(document, { childList: true, subtree: true });
    const events = [];
    for (const name of ["dialer:readiness", "dialer:error", "dialer:notification", "dialer:emergency-started"]) {
      document.addEventListener(name, () => events.push(name), true);
    }
    // (The spies are in place before init: the guard's own listeners for traps and CSP
    // reports are not the warm-up's.) A page script listening on the warm-up's channel name
    // hears nothing: the rehearsal's channel is closed before it posts.
    const heard = [];
    const eavesdropper = new BroadcastChannel("agent-dialer-warm-up");
    eavesdropper.onmessage = (e) => heard.push(e.data);
    touched.length = 0;
    const glue = await import("/pkg/index.js");
    await glue.default();
    const warmed = performance.getEntriesByName("agent-dialer:warm-up").length;
    await new Promise((r) => setTimeout(r, 50));
    const rest = touched.filter((t) => !/^addEventListener (error|unhandledrejection|securitypolicyviolation)$/.test(t));
    const before = { touched: rest.filter((t) => t !== "postMessage agent-dialer-warm-up"),
      posts: rest.length - rest.filter((t) => t !== "postMessage agent-dialer-warm-up").length,
      heard: [...heard], added: [...added], storage: localStorage.length, events: [...events] };
    eavesdropper.close();
    // Then a real mount and an emergency dial behave as always.
    const { createMockHost } = await import("/demo/mock-host.js");
    const host = createMockHost();
    const el = document.createElement("div");
    document.body.append(el);
    const dialer = glue.mount(el, host, { agent: { id: "a1", name: "Ann" },
      emergency: { recipients: "sec@example.com", locationOverride: { region: "US" } },
      readiness: { voiceOutboundProfile: true, mailboxEnabled: true, numberType: "calling-plan" } });
    dialer.dial("911");
    await new Promise((r) => setTimeout(r, 200));
    const raw = await import("/agent-dialer.js");
    return { warmed, before, state: dialer.state(), dials: host.sim.callsTo("calling.dial").length,
      presence: host.sim.callsTo("presence.get").length,
      ids: [...el.querySelectorAll("[id]")].map((e) => e.id), again: raw.warmUp({ agent: { id: "x" } }) };
  });
  assert.equal(seen.warmed, 1, "the warm-up ran once, before init resolved");
  assert.ok(seen.before.posts >= 1, "the rehearsal ran the tab channel's posting code (its hello)");
  delete seen.before.posts;
  assert.deepEqual(seen.before, { touched: ["BroadcastChannel agent-dialer-warm-up"], heard: [],
    added: ["DIV gone aria-hidden=true inert=true hidden fixed -10000px"], storage: 0, events: [] },
    "the warm-up left no trace: its pane was laid out once in a hidden box that left the document in the same task "
    + "(never painted), its one channel is not a dialer's, and what it posted there reached no one (the channel was closed)");
  assert.equal(seen.presence, 1, "the page's host was first asked by the real mount");
  assert.equal(seen.dials, 1, "the emergency call was placed");
  assert.equal(seen.state.call?.emergency, true);
  assert.equal(seen.state.emergencyMode, true);
  assert.ok(seen.ids.length > 0 && seen.ids.every((id) => !id.includes(String(2 ** 32 - 1))), `the widget's ids are its own: ${seen.ids}`);
  assert.equal(seen.again, false, "no warm-up once a widget has mounted");
  assert.deepEqual(page.errors, []);
});
