// The deployable SIP configuration under attack, end to end: Kamailio (www/telephony/kamailio.cfg)
// with a pool of only 3 callback numbers, the PSAP and agent pages in Chromium, and a raw SIP
// client in node (raw-sip.mjs) that plays the attacker. Needs this process in the stack's
// network namespace:
//
//   scripts/telephony/run-in-netns.sh node --test www/telephony/e2e/security.e2e.mjs
//
//   1. registration fails without credentials, with a wrong password, with expired ones and
//      for another user's address; succeeds with valid ones; the adapter reports the failure
//   2. calls need credentials and the caller's own identity (no forged From)
//   3. secure WebSocket only: no plain ws, no TLS without the right certificate, no foreign Origin
//   4. one client cannot drain the callback pool (INVITE+CANCEL floods, forged callers) while a
//      real 911 still gets a number
//   5. short-lived credentials are refreshed by the adapter before they expire

import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import WebSocket from "ws";
import { credentialsFor, launchMediaBrowser, poll, reachable, startStack, stopStack, waitFor } from "./stack.mjs";
import { ackFor, cancelFor, connectRawSip, dummySdp } from "./raw-sip.mjs";

let env;
let browser;
let psap;
const metrics = {};
const clients = [];

async function raw() {
  const c = await connectRawSip(env.TELEPHONY_WS_URL, { ca: env.TELEPHONY_CA });
  clients.push(c);
  return c;
}
async function openPage(path) {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await page.goto(`${env.TELEPHONY_HTTP_URL}/telephony/${path}`, { timeout: 10_000 });
  await page.waitForFunction(() => window.agent || window.psap, undefined, { timeout: 10_000 });
  return page;
}
const ws = () => encodeURIComponent(env.TELEPHONY_WS_URL);
const register = (c, user, headers = []) => ({
  method: "REGISTER",
  ruri: "sip:127.0.0.1",
  from: `sip:${user}@127.0.0.1`,
  to: `sip:${user}@127.0.0.1`,
  headers: ["Expires: 60", ...headers],
});
const invite = (from, number, extra = {}) => ({
  method: "INVITE",
  ruri: `sip:${number}@127.0.0.1`,
  from: `sip:${from}@127.0.0.1`,
  to: `sip:${number}@127.0.0.1`,
  body: dummySdp(),
  contentType: "application/sdp",
  ...extra,
});
const pass = (c) => ({ username: c.username, password: c.password });

before(async () => {
  env = startStack({ CALLBACK_POOL: "3" });
  assert.ok(reachable(env), "the attacker speaks SIP from node: run this file through scripts/telephony/run-in-netns.sh");
  browser = await launchMediaBrowser(env);
  psap = await openPage(`psap.html?ws=${ws()}&user=psap`);
  await psap.evaluate(() => window.psap.ready);
});

after(async () => {
  for (const c of clients) c.close();
  await browser?.close().catch(() => {});
  stopStack(env);
  if (Object.keys(metrics).length) console.log("security metrics", JSON.stringify(metrics));
});

describe("authentication, wss only and the callback pool under attack", () => {
  test("REGISTER: no credentials, wrong password, expired, another user's address -> refused; valid -> 200", async () => {
    const c = await raw();
    const none = await (await c.authed(register(c, "agent"))).final;
    assert.equal(none.status, 401);
    assert.match(none.get("www-authenticate"), /^Digest realm="127\.0\.0\.1", nonce="[^"]+", qop="auth"/);
    const good = credentialsFor(env, "agent");
    const wrong = await (await c.authed(register(c, "agent"), { username: good.username, password: "AAAA" + good.password.slice(4) })).final;
    assert.equal(wrong.status, 401, "wrong password");
    const old = credentialsFor(env, "agent", -60);
    const expired = await (await c.authed(register(c, "agent"), pass(old))).final;
    assert.equal(expired.status, 401, "expired credentials");
    const theirs = credentialsFor(env, "agent2");
    const other = await (await c.authed(register(c, "agent"), pass(theirs))).final;
    assert.equal(other.status, 403, "agent2's credentials cannot register agent");
    const psapTakeover = await (await c.authed(register(c, "psap"), pass(theirs))).final;
    assert.equal(psapTakeover.status, 403, "nobody registers as the PSAP without the PSAP's credentials");
    const ok = await (await c.authed(register(c, "agent3"), pass(credentialsFor(env, "agent3")))).final;
    assert.equal(ok.status, 200);
    assert.match(ok.get("contact"), /expires=60/);

    // The adapter without credentials: challenged, rejected, reported, never registered.
    const page = await openPage(`agent-test.html?ws=${ws()}&credentials=0`);
    await poll(async () => {
      const s = await page.evaluate(() => window.agent.calling.status);
      return { ok: /registration rejected: 401/.test(s.lastError || ""), value: s };
    }, "the adapter reports the rejected registration");
    assert.equal(await page.evaluate(() => window.agent.calling.registered), false);
    await page.context().close();
  });

  test("INVITE: no credentials -> 407; someone else's identity in From -> 403", async () => {
    const c = await raw();
    const first = await c.authed(invite("agent", "911"));
    const none = await first.final;
    assert.equal(none.status, 407);
    assert.match(none.get("proxy-authenticate"), /^Digest realm="127\.0\.0\.1"/);
    c.send(ackFor(first.sent, none));
    const second = await c.authed(invite("agent", "911"), pass(credentialsFor(env, "agent2")));
    const forged = await second.final;
    assert.equal(forged.status, 403, "agent2 cannot call as agent");
    c.send(ackFor(second.sent, forged));
    assert.equal(await psap.evaluate(() => window.psap.events.filter((e) => e.type === "incoming").length), 0, "nothing reached the PSAP");
  });

  test("secure WebSocket only: plain ws, an untrusted certificate and a foreign Origin are refused", async () => {
    const attempt = (url, options) =>
      new Promise((resolve) => {
        const s = new WebSocket(url, "sip", { handshakeTimeout: 3000, ...options });
        s.once("open", () => {
          s.close();
          resolve("open");
        });
        s.once("unexpected-response", (_q, res) => resolve(`HTTP ${res.statusCode}`));
        s.once("error", (e) => resolve(`error: ${e.code || e.message}`));
      });
    const port = env.TELEPHONY_WSS_PORT;
    assert.match(await attempt(`ws://127.0.0.1:${port}`, { origin: "http://127.0.0.1" }), /^error/, "no plain WebSocket on the SIP port");
    assert.match(await attempt(`wss://127.0.0.1:${port}`, { origin: "http://127.0.0.1" }), /error: (SELF_SIGNED|UNABLE_TO_VERIFY|DEPTH_ZERO)/, "the client checks the certificate");
    const ca = (await import("node:fs")).readFileSync(env.TELEPHONY_CA);
    assert.equal(await attempt(`wss://127.0.0.1:${port}`, { ca, origin: "https://evil.example" }), "HTTP 403", "foreign Origin");
    assert.equal(await attempt(`wss://127.0.0.1:${port}`, { ca, origin: "http://127.0.0.1:8080" }), "open");
    // Kamailio listens on the TLS port only (no UDP, no plain TCP).
    const ss = spawnSync("ss", ["-Hltunp"], { encoding: "utf8" });
    if (ss.status === 0) {
      const kamailio = ss.stdout.split("\n").filter((l) => l.includes("kamailio"));
      assert.ok(kamailio.length >= 1, ss.stdout);
      for (const line of kamailio) assert.match(line, new RegExp(`^tcp\\s+LISTEN.*127\\.0\\.0\\.1:${port}\\s`), line);
    }
  });

  test("one client cannot drain the callback pool (3 numbers): floods and forged callers; a real 911 still gets a number", async () => {
    const c = await raw();
    const mine = pass(credentialsFor(env, "agent2"));
    const t0 = Date.now();
    const numbers = new Set();
    const statuses = [];
    // 20 emergency INVITE + CANCEL pairs as itself: always the same number.
    for (let i = 0; i < 20; i++) {
      const { sent, final } = await c.authed(invite("agent2", "911"), mine);
      const ringing = await c.next((m) => m.status === 180 && m.get("call-id") === sent.callId, 5000);
      numbers.add(ringing.get("x-callback-number"));
      c.send(cancelFor(c, sent));
      const fin = await final;
      c.send(ackFor(sent, fin));
      statuses.push(fin.status);
    }
    assert.deepEqual([...new Set(statuses)], [487]);
    assert.equal(numbers.size, 1, `one number per agent: ${[...numbers]}`);
    const [agent2Number] = numbers;
    assert.match(agent2Number, /^\+1555010000[0-2]$/);
    // 20 with made-up callers: refused before any number is assigned.
    for (let i = 0; i < 20; i++) {
      const r = await c.authed(invite(`victim${i}`, "911"), mine);
      const res = await r.final;
      assert.equal(res.status, 403, `forged caller victim${i}`);
      c.send(ackFor(r.sent, res));
    }
    metrics.floodOf40Ms = Date.now() - t0;
    // The PSAP saw 20 calls, all from agent2 with the same callback number.
    const invites = await psap.evaluate(() => window.psap.events.filter((e) => e.type === "incoming").map((e) => ({ from: e.from, id: e.callId })));
    assert.equal(invites.length, 20);
    assert.ok(invites.every((i) => i.from === "agent2"));

    // A real agent's 911 (the adapter in Chromium) still gets its own callback number.
    const agent = await openPage(`agent-test.html?ws=${ws()}`);
    await agent.evaluate(() => window.agent.ready);
    const { callId } = await agent.evaluate(() => window.agent.calling.dial({ number: "911", dialed: "911", emergency: true, record: false }));
    await waitFor(psap, (id) => window.psap.callId === id && window.psap.state === "ringing", callId, "PSAP rings");
    await psap.evaluate(() => window.psap.answer());
    await waitFor(agent, (id) => window.agent.events.some((e) => e.callId === id && e.type === "callback-number"), callId, "callback number");
    const cb = await agent.evaluate((id) => window.agent.events.find((e) => e.callId === id && e.type === "callback-number"), callId);
    assert.match(cb.number, /^\+1555010000[0-2]$/);
    assert.notEqual(cb.number, agent2Number);
    await agent.evaluate((id) => window.agent.calling.hangUp(id), callId);
    // And the callback to agent2's number reaches agent2 only (its owner): it is not registered,
    // so 480 — never the real agent.
    const back = await psap.evaluate((n) => window.psap.callBack(n), agent2Number);
    await waitFor(psap, (id) => window.psap.events.some((e) => e.callId === id && e.type === "ended"), back.callId, "callback ended");
    assert.equal((await psap.evaluate((id) => window.psap.adapter.getCall(id), back.callId)).failure.status, 480);
    assert.equal(await agent.evaluate(() => window.agent.events.filter((e) => e.type === "incoming").length), 0);
    await agent.context().close();
  });

  test("short-lived credentials: the adapter fetches fresh ones before they expire and keeps calling", async () => {
    const agent = await openPage(`agent-test.html?ws=${ws()}&user=customer&ttl=6`);
    await agent.evaluate(() => window.agent.ready);
    const firstFetch = await agent.evaluate(() => window.agent.fetches[0]);
    await poll(async () => ({ ok: (await agent.evaluate(() => window.agent.fetches.length)) >= 2, value: "" }), "a second credentials() call", 8000);
    metrics.credentialsRefreshAfterMs = (await agent.evaluate(() => window.agent.fetches[1])) - firstFetch;
    // Past the first credentials' expiry: a call still authenticates (with the fresh ones).
    await new Promise((r) => setTimeout(r, Math.max(0, firstFetch + 6500 - Date.now())));
    const { callId } = await agent.evaluate(() => window.agent.calling.dial({ number: "psap", dialed: "psap", emergency: false, record: false }));
    await waitFor(psap, (id) => window.psap.callId === id && window.psap.state === "ringing", callId, "PSAP rings");
    await agent.evaluate((id) => window.agent.calling.hangUp(id), callId);
    await agent.context().close();
  });
});
