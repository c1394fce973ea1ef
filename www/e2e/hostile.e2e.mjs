// Hostile-host property test (issue 11, SPEC E11): fast-check generates sequences of agent
// actions, host events in any order (duplicated, early, unknown ids, malformed), binding
// behaviours (throw, reject, never, late past the timeout, revoked Proxy, throwing `then`,
// settle twice, odd values) and re-entrant calls from bindings and `dialer:*` listeners; the
// page (www/e2e/hostile-runner.js) runs each one against the widget mounted directly and
// reports the invariants it saw broken:
//   no trap and no uncaught error; every emergency dial reaches calling.dial before dial()
//   returns; presence is never given back while an emergency call may be live, and is at
//   quiescence; no history or recording for emergency calls; no call left "dialing" after the
//   host ended it.
// Seeded and shrinkable: a failure prints the seed and the shrunk sequence. Sizes:
//   HOSTILE_RUNS (default 400 in CI), HOSTILE_SEED; `bash scripts/hostile.sh` runs 100,000.
import { test, after, before } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import fc from "fast-check";
import { DIST, launch, newPage, serve } from "./harness.mjs";

const RUNS = Number(process.env.HOSTILE_RUNS ?? 400);
const SEED = process.env.HOSTILE_SEED === undefined ? undefined : Number(process.env.HOSTILE_SEED);
// Widget timers run 200× faster (binding timeout, presence retry, heartbeats); `Date.now()`
// does not, so timers that fire early are re-armed by the core as in real life.
const PAGE = `<!doctype html><meta charset="utf-8"><title>hostile</title><body><script type="module">
const real = globalThis.setTimeout;
globalThis.__realSetTimeout = real;
globalThis.setTimeout = function (f, ms, ...rest) { return real.call(this, f, (Number(ms) || 0) / 200, ...rest); };
const widget = await import("/agent-dialer.js");
await widget.default({ module_or_path: "/agent-dialer_bg.wasm" });
const { runSequence } = await import("/hostile-runner.js");
window.run = (seq, agent) => runSequence(widget.mount, seq, agent);
document.documentElement.dataset.ready = "true";
</script>`;

const BINDINGS = ["presence.set", "calling.dial", "calling.hangUp", "calling.answer", "notification.sendEmail",
  "conversation.setEmergencyMode", "activity.record"];
const how = fc.constantFrom("ok", "ok", "throw", "reject", "never", "late", "revoked", "then-throws", "twice", "odd");
const number = fc.constantFrom("911", "911", "112", "999", "5551234567", "933", "x");
const call = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant("dial"), number }) },
  fc.record({ kind: fc.constant("state") }),
  fc.record({ kind: fc.constant("setConfig"), bad: fc.boolean(), recipients: fc.constantFrom("", "ops@acme.example") }),
  fc.record({ kind: fc.constant("unmount") }),
);
const action = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant("dial"), number }) },
  { weight: 6, arbitrary: fc.record({
    kind: fc.constant("event"),
    type: fc.constantFrom("ringing", "connected", "ended", "ended", "callback-number", "callback", "incoming", "garbage"),
    id: fc.constantFrom("last", "last", "first", "zz"),
    reason: fc.constantFrom("local", "remote", "dropped", "failed", "weird"),
    twice: fc.boolean(),
  }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("wait"), ms: fc.integer({ min: 0, max: 20 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("end-call") }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("behave"), binding: fc.constantFrom(...BINDINGS), how }) },
  { weight: 3, arbitrary: fc.record({
    kind: fc.constant("hook"),
    where: fc.constantFrom(...BINDINGS, "dialer:emergency-started", "dialer:emergency-ended", "dialer:readiness",
      "dialer:error", "dialer:notification"),
    call,
  }) },
  { weight: 1, arbitrary: call },
);
const sequence = fc.record({
  // The agent's own presence before it all: DND too (an agent in DND gets DND back, once).
  presence: fc.constantFrom("available", "available", "away", "dnd"),
  behave: fc.array(fc.tuple(fc.constantFrom(...BINDINGS), how), { maxLength: 4 }).map((e) => Object.fromEntries(e)),
  actions: fc.array(action, { minLength: 1, maxLength: 25 }),
});

let server, browser, page;
const runner = await readFile(new URL("./hostile-runner.js", import.meta.url), "utf8");

async function openPage() {
  if (page) await page.context().close();
  page = await newPage(browser);
  await page.route(`${server.url}/hostile.html`, (r) => r.fulfill({ contentType: "text/html", body: PAGE }));
  await page.route(`${server.url}/hostile-runner.js`, (r) => r.fulfill({ contentType: "text/javascript", body: runner }));
  await page.goto(`${server.url}/hostile.html`);
  await page.waitForSelector("html[data-ready=true]");
}

before(async () => {
  server = await serve(DIST);
  browser = await launch();
  await openPage();
});
after(async () => { await browser?.close(); await server?.close(); });

test(`the widget survives a hostile host (${RUNS} generated sequences)`, { timeout: Infinity }, async () => {
  let n = 0;
  let dirty = false;
  const started = Date.now();
  const result = await fc.check(fc.asyncProperty(sequence, async (seq) => {
    if (dirty) { await openPage(); dirty = false; }  // A failed run may have broken the page.
    page.errors.length = 0;
    const violations = await page.evaluate(([s, agent]) => window.run(s, agent), [seq, `hostile-${n++}`]);
    const all = [...violations, ...page.errors];
    if (all.length) { dirty = true; throw new Error(all.join("\n")); }
  }), { numRuns: RUNS, seed: SEED, endOnFailure: false });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`hostile host: ${result.numRuns} sequences, seed ${result.seed}, ${seconds} s${result.failed ? "" : ", no violation"}`);
  if (result.failed) {
    assert.fail(`seed ${result.seed}, path "${result.counterexamplePath}", after ${result.numShrinks} shrinks:\n`
      + `${JSON.stringify(result.counterexample, null, 1)}\n${result.errorInstance?.message ?? result.error}`);
  }
});
