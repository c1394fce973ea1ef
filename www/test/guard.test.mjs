// Unit tests (node --test) of the guard's recording proxy and failure reports (www/pkg/guard.js):
// the host's binding runs first and synchronously, the proxy never throws on what a host hands
// back, it stays transparent to frozen, exotic and swapped host objects, it records what a
// fallback needs to take a call over, and a dead wasm reaches the host no more.
import { test } from "node:test";
import assert from "node:assert/strict";
import { internals, loadFailure, mergeConfig } from "../pkg/guard.js";

const { createTracker, runtimeOf, isOurs } = internals;
const fresh = () => runtimeOf({});

function recordingHost(log = []) {
  const listeners = new Set();
  return {
    log,
    listeners,
    presence: { get: () => "busy", set: (s) => { log.push(["presence.set", s]); } },
    calling: {
      dial: (request) => { log.push(["calling.dial", request.number]); return { callId: "c1" }; },
      hangUp: () => {},
      answer: () => {},
      subscribe: (l) => { listeners.add(l); return () => listeners.delete(l); },
    },
    conversation: { setEmergencyMode: (on) => { log.push(["setEmergencyMode", on]); } },
  };
}

test("the host's dial runs first, synchronously, and its answer comes back unchanged", () => {
  const order = [];
  const answer = { callId: "c1" };
  const host = recordingHost();
  host.calling.dial = function (request) { order.push(["dial", this === host.calling, request.number]); return answer; };
  const { host: proxied, adoption } = createTracker(fresh(), host);
  assert.equal(proxied.calling.dial({ number: "911", emergency: true }), answer);
  assert.deepEqual(order, [["dial", true, "911"]], "called once, with the host's own `this`");
  assert.equal(adoption().call.callId, "c1");
  assert.equal(adoption().call.emergency, true);
});

test("transparent: frozen objects, class instances, swapped bindings, stable identity, throwing getters", () => {
  class Calling {
    #id = "k9";
    dial() { return { callId: this.#id }; }
    hangUp() {}
    answer() {}
    subscribe() { return () => {}; }
  }
  const frozen = Object.freeze({ presence: Object.freeze({ get: () => "away", set() {} }), calling: new Calling() });
  const { host } = createTracker(fresh(), frozen);
  assert.equal(typeof host.calling.dial, "function");
  assert.equal(host.calling.dial, host.calling.dial, "the same wrapper every read");
  assert.equal(host.calling, host.calling, "the same group view every read");
  assert.deepEqual(host.calling.dial({ number: "1" }), { callId: "k9" }, "private fields: called on the real object");
  assert.ok("presence" in host && Object.keys(host).includes("calling"));
  assert.equal(Object.getOwnPropertyDescriptor(host.presence, "get").value(), "away");
  const swappable = recordingHost();
  const tracked = createTracker(fresh(), swappable).host;
  swappable.calling.dial = () => ({ callId: "new" });
  assert.deepEqual(tracked.calling.dial({ number: "2" }), { callId: "new" }, "a swapped binding is the one called");
  const hostile = recordingHost();
  Object.defineProperty(hostile, "calling", { get() { throw new Error("no calling today"); } });
  assert.throws(() => createTracker(fresh(), hostile).host.calling, /no calling today/, "the host's own throw, as without the proxy");
  assert.equal(createTracker(fresh(), null).host, null, "not an object: passed as is (mount reports it)");
});

test("never throws on what the host hands back", async () => {
  const { proxy: revoked, revoke } = Proxy.revocable({}, {});
  revoke();
  const answers = [
    revoked,
    { get callId() { throw new Error("getter"); } },
    { get then() { throw new Error("then getter"); } },
    { then(ok) { ok({ callId: "twice-1" }); ok({ callId: "twice-2" }); } },
    Promise.reject(new Error("rejected")),
    new Proxy({}, { get() { throw new Error("trap"); } }),
    42, "c", null, undefined,
  ];
  for (const answer of answers) {
    const host = recordingHost();
    host.calling.dial = () => answer;
    let presenceAnswer = answer;
    host.presence.get = () => presenceAnswer;
    const tracker = createTracker(fresh(), host);
    assert.equal(tracker.host.calling.dial({ number: "911", emergency: true }), answer);
    tracker.host.presence.get();
    presenceAnswer = undefined;
    assert.doesNotThrow(() => tracker.adoption());
  }
  answers[4].catch(() => {});
  await new Promise((r) => setTimeout(r, 10));
  // The thenable that settles twice: the first callId is the call's.
  const host = recordingHost();
  host.calling.dial = () => answers[3];
  const tracker = createTracker(fresh(), host);
  tracker.host.calling.dial({ number: "911", emergency: true });
  await new Promise((r) => setTimeout(r, 10));
  assert.equal(tracker.adoption().call.callId, "twice-1");
  // Hostile events and requests.
  const events = [revoked, { get type() { throw new Error("x"); } }, null, "ended", { type: "ended", callId: 7 }];
  const h2 = recordingHost();
  const t2 = createTracker(fresh(), h2);
  t2.host.calling.subscribe(() => {});
  for (const e of events) for (const l of h2.listeners) assert.doesNotThrow(() => l(e));
  h2.calling.dial = () => ({ callId: "c2" });
  assert.deepEqual(t2.host.calling.dial(revoked), { callId: "c2" }, "a hostile request is the host's business");
});

test("records what a takeover needs: the call, the presence to restore, DND, the host form", async () => {
  const host = recordingHost();
  let resolveDial;
  host.calling.dial = () => new Promise((r) => { resolveDial = r; });
  const { host: p, adoption } = createTracker(fresh(), host);
  p.presence.get();
  p.calling.subscribe(() => {});
  p.calling.dial({ number: "911", emergency: true });
  let a = adoption();
  assert.deepEqual([a.call.number, a.call.emergency, a.call.callId, a.savedPresence, a.dndSet, a.emergencyMode], ["911", true, undefined, "busy", false, false]);
  p.presence.set("dnd");
  p.conversation.setEmergencyMode(true);
  resolveDial({ callId: "late-1" });
  assert.equal(await adoption().call.pending, "late-1");
  for (const l of host.listeners) l({ type: "callback-number", callId: "late-1", number: "+1555", validForSeconds: 1e12 });
  for (const l of host.listeners) l({ type: "connected", callId: "late-1" });
  a = adoption();
  assert.deepEqual([a.call.callId, a.call.status, a.dndSet, a.emergencyMode, a.callback.number], ["late-1", "connected", true, true, "+1555"]);
  assert.ok(a.callback.expiresAt <= Date.now() + 86_400_000, "a far-future window is clamped");
  for (const l of host.listeners) l({ type: "ended", callId: "late-1", reason: "remote" });
  a = adoption();
  assert.equal(a.call, null, "the call is over");
  assert.equal(a.dndSet, true, "but presence is still owed");
  p.presence.set("busy");
  assert.equal(adoption().dndSet, false, "the wasm restored it: nothing owed");
});

test("after a trap the dead wasm reaches the host no more; its listener's trap is caught", () => {
  const rt = fresh();
  const trapped = [];
  rt.trap = (e) => { trapped.push(e); rt.status = "trapped"; };
  const host = recordingHost();
  const { host: p } = createTracker(rt, host);
  p.calling.subscribe(() => { throw new WebAssembly.RuntimeError("unreachable"); });
  const [relay] = host.listeners;
  assert.doesNotThrow(() => relay({ type: "ringing", callId: "c1" }));
  assert.equal(trapped.length, 1);
  assert.equal(p.calling.dial({ number: "911", emergency: true }), undefined);
  assert.equal(p.presence.set("available"), undefined);
  assert.deepEqual(host.log, [], "nothing reached the host");
  // Anything else a listener throws reaches the host as before.
  const otherHost = recordingHost();
  createTracker(fresh(), otherHost).host.calling.subscribe(() => { throw new TypeError("a bug the host should see"); });
  const [otherRelay] = otherHost.listeners;
  assert.throws(() => otherRelay({ type: "ringing", callId: "c1" }), TypeError);
});

test("a trap is ours by where it trapped", () => {
  const rt = fresh();
  rt.signature.add("http://x.example/agent_dialer_bg.wasm");
  const trap = (stack) => Object.assign(new WebAssembly.RuntimeError("unreachable"), { stack });
  const ours = "RuntimeError: unreachable\n    at http://x.example/agent_dialer_bg.wasm:wasm-function[7]:0x1\n    at real (http://x.example/agent_dialer.js:1:1)";
  const theirs = "RuntimeError: unreachable\n    at wasm://wasm/9ce30032:wasm-function[0]:0x21\n    at set (http://x.example/host.js:3:3)\n    at http://x.example/agent_dialer_bg.wasm:wasm-function[9]:0x2";
  assert.equal(isOurs(rt, trap(ours)), true);
  assert.equal(isOurs(rt, trap(theirs)), false, "a host's wasm trapping below our frames is not ours");
  assert.equal(isOurs(rt, new Error("plain")), false);
  assert.equal(isOurs(fresh(), trap(ours)), true, "no signature yet: by the file name");
  assert.equal(isOurs(fresh(), trap(theirs)), false);
});

test("load failures say what failed and what to do", () => {
  const named = (name, message) => Object.assign(new Error(message), { name });
  const csp = loadFailure(named("CompileError", "WebAssembly.instantiateStreaming(): Compiling or instantiating WebAssembly module violates the following Content Security policy directive because 'unsafe-eval' is not an allowed source"));
  assert.equal(csp.reason, "csp");
  assert.match(csp.message, /lacks 'wasm-unsafe-eval' in script-src: add it/);
  assert.equal(loadFailure(named("CompileError", "section extends past end"), true).reason, "csp", "a CSP violation report wins");
  assert.equal(loadFailure(named("CompileError", "section extends past end")).reason, "compile");
  assert.equal(loadFailure(new TypeError("WebAssembly.instantiateStreaming(): HTTP status code is not ok")).reason, "fetch");
  assert.equal(loadFailure(new TypeError("Failed to fetch dynamically imported module")).reason, "fetch");
  assert.equal(loadFailure(named("LinkError", "import object field")).reason, "link");
  assert.equal(loadFailure(new RangeError("WebAssembly.Memory(): could not allocate memory")).reason, "memory");
  assert.equal(loadFailure(new WebAssembly.RuntimeError("unreachable")).reason, "trap");
  assert.equal(loadFailure("weird").reason, "instantiate");
  for (const r of [csp, loadFailure(new TypeError("x"))]) assert.match(r.message, /emergency calls still work/);
});

test("mergeConfig merges nested groups and removes keys set to undefined", () => {
  const base = { agent: { id: "a" }, emergency: { civicAddress: "HQ", locationOverride: { region: "US" } } };
  assert.deepEqual(mergeConfig(base, { emergency: { civicAddress: undefined } }), { agent: { id: "a" }, emergency: { civicAddress: undefined, locationOverride: { region: "US" } } });
  assert.deepEqual(mergeConfig(base, { emergency: { locationOverride: { region: undefined, latitude: 1 } } }).emergency.locationOverride, { region: undefined, latitude: 1 });
  assert.deepEqual(mergeConfig(null, "x"), {});
});
