// Real telephony end to end on loopback: Kamailio (www/telephony/kamailio.cfg: secure WebSocket,
// ephemeral credentials) + the agent-dialer/sip adapter in Chromium with fake audio. The agent
// page uses ONLY the adapter (www/telephony/agent-test.html).
//
//   node --test www/telephony/e2e/sip.e2e.mjs
//       builds the bundles, starts Kamailio + the page server in a private network namespace
//       (scripts/telephony/start.sh --netns) and runs Chromium inside it (chromium-netns.sh)
//   scripts/telephony/run-in-netns.sh node --test www/telephony/e2e/sip.e2e.mjs
//       the same, with the whole node process inside the namespace
//
// Scenario (one browser, three pages: agent, psap, customer):
//   1. agent dials 911 with a location -> the PSAP gets an RFC 6442 INVITE: Geolocation by cid,
//      a multipart body with the SDP and a valid PIDF-LO (circle + civic); answers; ICE
//      connected and RTP both ways; the agent saw ringing, callback-number, connected
//   2. PSAP drops the call -> agent: ended/dropped
//   3. agent calls a number with post-dial digits -> the customer HEARS them (DTMF detected in
//      the received audio), then sendDtmf digits too; mute
//   4. PSAP calls the callback number while the agent is on the customer call -> incoming with
//      to = callback number (the proxy's mark); hold, answer, media, hang-ups
//   5. an unassigned callback number fails (404 -> ended/failed)
//   6. a drop detected from media loss alone -> ended/dropped
//   7. a second Kamailio node (CALLBACK_TTL=2): callback rings while valid, 404 after expiry;
//      stopping it during a call -> ended/dropped on both sides
//   8. the adapter started while Kamailio is down reconnects (backoff) and places a 911 once
//      Kamailio comes up; a dial while it is down waits, then fails clearly

import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { launchMediaBrowser, nodeCtl, poll, startStack, stopStack, waitFor } from "./stack.mjs";

let env; // TELEPHONY_* of the stack
let browser;
let agent;
let psap;
let customer;
const metrics = {};

const agentEvents = (page = agent) => page.evaluate(() => window.agent.events.map(({ at, ...e }) => e));
const eventsOf = (evs, callId) => evs.filter((e) => e.callId === callId).map((e) => e.type);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// The stats of call `id` on a page: the agent page has window.agent.calling, the PSAP and
// customer pages window.psap.adapter.
function stats(page, id) {
  return page.evaluate((callId) => (window.agent ? window.agent.calling : window.psap.adapter).getStats(callId), id);
}

/** ICE connected/completed and audio RTP received (the fake device sends 50 packets/s). */
async function waitMedia(page, callId, what, minPackets = 20) {
  return poll(async () => {
    const s = await stats(page, callId);
    return { ok: ["connected", "completed"].includes(s.iceConnectionState) && s.packetsReceived >= minPackets, value: s };
  }, what);
}

/** One page per user (own browser context) on SIP server wsUrl; "agent" gets the adapter test page. */
async function openPages(wsUrl, users, { agentQuery = "", ready = true } = {}) {
  const ws = encodeURIComponent(wsUrl);
  const base = `${env.TELEPHONY_HTTP_URL}/telephony`;
  const open = async (user) => {
    const url = user.startsWith("agent")
      ? `${base}/agent-test.html?ws=${ws}&user=${user}&iceDropGraceMs=2000${agentQuery}`
      : `${base}/psap.html?ws=${ws}&user=${user}`;
    const ctx = await browser.newContext();
    const page = await ctx.newPage();
    page.on("pageerror", (e) => console.error(`[page error ${url}] ${e.message}`));
    await page.goto(url, { timeout: 10_000 });
    await page.waitForFunction(() => window.agent || window.psap, undefined, { timeout: 10_000 });
    if (ready) await poll(async () => ({ ok: await page.evaluate(() => (window.agent ? window.agent.calling : window.psap.adapter).registered), value: "" }), `${user} registered`);
    return page;
  };
  return Promise.all(users.map(open));
}

before(async () => {
  env = startStack();
  browser = await launchMediaBrowser(env);
  [agent, psap, customer] = await openPages(env.TELEPHONY_WS_URL, ["agent", "psap", "customer"]);
});

after(async () => {
  await browser?.close().catch(() => {});
  stopStack(env);
  if (Object.keys(metrics).length) console.log("telephony metrics", JSON.stringify(metrics));
});

describe("SIP over secure WebSocket on loopback (Kamailio + agent-dialer/sip + Chromium)", () => {
  let emergencyId;
  let callbackNumber;

  test("911 reaches the PSAP with an RFC 6442 location (PIDF-LO) and a callback number; media both ways", async () => {
    const t0 = Date.now();
    const { callId } = await agent.evaluate(() =>
      window.agent.calling.dial({
        number: "911",
        dialed: "9911",
        emergency: true,
        record: false,
        region: "US",
        location: { latitude: 40.7128, longitude: -74.006, accuracyMeters: 35, civicAddress: "1 Main St, Springfield\r\nX-Evil: 1" },
      }),
    );
    emergencyId = callId;
    assert.match(callId, /\S{8,}/);
    await waitFor(psap, () => window.psap.state === "ringing", undefined, "PSAP ringing");
    const inv = await psap.evaluate(() => window.psap.lastInvite);
    assert.equal(inv.callId, callId, "same SIP Call-ID end to end");
    assert.equal(inv.direction, "inbound");
    assert.equal(inv.from, "agent");
    assert.equal(inv.dialedNumber, "911", "X-Dialed-Number (set by Kamailio)");
    assert.equal(inv.emergency, true);
    assert.equal(inv.headers.Priority, "emergency");
    assert.equal(inv.headers["X-Evil"], undefined, "no header injection through the civic address");
    // RFC 6442: Geolocation references the PIDF-LO body part by Content-ID.
    assert.match(inv.geolocation, /^<cid:[a-z0-9]{16}@127\.0\.0\.1>$/);
    assert.equal(inv.headers["Geolocation-Routing"], "yes");
    assert.ok(inv.pidfLo, "a PIDF-LO body part arrived");
    assert.equal(inv.bodyError, undefined);
    // Parsed by the PSAP page (namespace-aware DOMParser).
    assert.deepEqual(inv.location.errors, []);
    assert.equal(inv.location.entity, "pres:agent@127.0.0.1");
    const geo = inv.location.locations.find((l) => l.kind === "geodetic");
    assert.deepEqual([geo.shape, geo.latitude, geo.longitude, geo.radiusMeters], ["Circle", 40.7128, -74.006, 35]);
    const civic = inv.location.locations.find((l) => l.kind === "civic");
    assert.deepEqual(civic.civic, { country: "US", LOC: "1 Main St, Springfield X-Evil: 1" }, "the text address as LOC (no structured one given)");
    assert.equal(civic.method, "Manual");
    assert.match(inv.callbackNumber, /^\+1555010\d{4}$/, "the PSAP learns the callback number");
    assert.match(inv.headers["P-Asserted-Identity"], /^<sip:\+1555010\d{4}@127\.0\.0\.1>$/);
    const shown = await psap.locator("#location").textContent();
    assert.ok(shown.includes("40.7128") && shown.includes("35") && shown.includes("1 Main St"), shown);

    // A callee cannot set the callback number: Kamailio replaces this spoofed one.
    await psap.evaluate(() => window.psap.answer({ extraHeaders: ["X-Callback-Number: +19995550000", "X-Callback-Valid-For: 99"] }));
    await waitFor(agent, (id) => window.agent.events.some((e) => e.callId === id && e.type === "connected"), callId, "agent connected");
    metrics.emergencySignallingMs = Date.now() - t0;
    const agentStats = await waitMedia(agent, callId, "agent media");
    const psapStats = await waitMedia(psap, callId, "PSAP media");
    metrics.emergencyMediaMs = Date.now() - t0;
    metrics.emergencyPackets = { agent: agentStats.packetsReceived, psap: psapStats.packetsReceived };

    const evs = await agentEvents();
    assert.deepEqual(eventsOf(evs, callId), ["ringing", "callback-number", "connected"]);
    const cb = evs.find((e) => e.type === "callback-number");
    assert.match(cb.number, /^\+1555010\d{4}$/);
    assert.ok(cb.validForSeconds > 3590 && cb.validForSeconds <= 3600, `validFor ${cb.validForSeconds}`);
    assert.equal(cb.number, inv.callbackNumber, "agent and PSAP agree on the callback number");
    callbackNumber = cb.number;
    const reply = (await agent.evaluate((id) => window.agent.calling.getCall(id), callId)).replyHeaders;
    assert.equal(reply["X-Callback-Number"], cb.number, "200 OK carries only Kamailio's callback number");
  });

  test("PSAP drops the call -> agent ended/dropped", async () => {
    await psap.evaluate(() => window.psap.drop());
    await waitFor(agent, (id) => window.agent.events.some((e) => e.callId === id && e.type === "ended"), emergencyId, "agent ended");
    const evs = await agentEvents();
    assert.deepEqual(evs.filter((e) => e.callId === emergencyId).at(-1), { type: "ended", callId: emergencyId, reason: "dropped" });
    const info = await agent.evaluate((id) => window.agent.calling.getCall(id), emergencyId);
    assert.match(info.byeReasonHeader, /Q\.850;cause=41/);
    assert.equal(await psap.evaluate(() => window.psap.state), "ended");
  });

  let customerId;
  test("ordinary call with post-dial digits: the customer hears them as DTMF, then keypad digits; mute", async () => {
    const t0 = Date.now();
    const { callId } = await agent.evaluate(() =>
      // "," is a pause (2 s), as dial::normalize writes "555 123 4567 p 12#".
      window.agent.calling.dial({ number: "+15551234567,12#", dialed: "5551234567p12#", emergency: false, record: true }),
    );
    customerId = callId;
    await waitFor(customer, () => window.psap.state === "ringing", undefined, "customer ringing");
    const inv = await customer.evaluate(() => window.psap.lastInvite);
    assert.equal(inv.dialedNumber, "+15551234567", "only the number is dialed; the digits follow as DTMF");
    assert.equal(inv.emergency, false);
    assert.equal(inv.headers["X-Callback-Number"], undefined, "no callback number on ordinary calls");
    assert.equal(inv.headers.Priority, undefined);
    assert.equal(inv.pidfLo, undefined, "no location on ordinary calls");
    assert.equal(inv.geolocation, undefined);
    await customer.evaluate(() =>
      window.psap.answer({ extraHeaders: ["X-Callback-Number: +15550100777", "X-Callback-Valid-For: 3600", "X-Answered-By: customer"] }),
    );
    await waitFor(agent, (id) => window.agent.events.some((e) => e.callId === id && e.type === "connected"), callId, "agent connected");
    metrics.ordinarySignallingMs = Date.now() - t0;
    const a = await waitMedia(agent, callId, "agent media");
    const c = await waitMedia(customer, callId, "customer media");
    metrics.ordinaryMediaMs = Date.now() - t0;
    metrics.ordinaryPackets = { agent: a.packetsReceived, customer: c.packetsReceived };
    assert.deepEqual(eventsOf(await agentEvents(), callId), ["ringing", "connected"], "no callback-number on ordinary calls");
    const reply = (await agent.evaluate((id) => window.agent.calling.getCall(id), callId)).replyHeaders;
    assert.equal(reply["X-Answered-By"], "customer", "callee headers pass through");
    assert.equal(reply["X-Callback-Number"], undefined, "Kamailio strips a callee's X-Callback-*");

    // Received side: the tones are decoded from the customer's incoming audio (RFC 4733 events
    // played out by Chromium), not read back from the sender.
    const connectedAt = Date.now();
    await poll(async () => {
      const heard = await customer.evaluate(() => window.psap.tonesHeard);
      return { ok: heard === "12#", value: heard };
    }, "the customer hears the post-dial digits 12#", 8000);
    metrics.postDialHeardAfterConnectMs = Date.now() - connectedAt;
    assert.ok(metrics.postDialHeardAfterConnectMs >= 1500, "the pause came first");
    await agent.evaluate((id) => window.agent.calling.sendDtmf(id, "*09"), callId);
    await poll(async () => {
      const heard = await customer.evaluate(() => window.psap.tonesHeard);
      return { ok: heard === "12#*09", value: heard };
    }, "the customer hears the keypad digits *09", 5000);
    assert.equal((await agent.evaluate((id) => window.agent.calling.getCall(id), callId)).dtmfSent, "12#*09");

    await agent.evaluate((id) => window.agent.calling.mute(id, true), callId);
    assert.equal(await agent.evaluate((id) => window.agent.calling.getCall(id).muted, callId), true);
    await agent.evaluate((id) => window.agent.calling.mute(id, false), callId);
    assert.deepEqual(await agent.evaluate(() => window.agent.calling.activeCalls()), [callId]);
  });

  let callbackId;
  test("PSAP calls the callback number during the customer call -> incoming, to = callback number (the proxy's mark)", async () => {
    const t0 = Date.now();
    await psap.evaluate(() => window.psap.callBack()); // default: X-Callback-Number of the last INVITE
    await waitFor(agent, () => window.agent.events.some((e) => e.type === "incoming"), undefined, "agent incoming");
    const incoming = (await agentEvents()).find((e) => e.type === "incoming");
    callbackId = incoming.callId;
    assert.equal(incoming.to, callbackNumber, "to equals the callback number");
    assert.equal(incoming.from, "psap");
    const info = await agent.evaluate((id) => window.agent.calling.getCall(id), callbackId);
    assert.equal(info.emergencyCallback, callbackNumber, "Kamailio marks the callback (X-Emergency-Callback)");
    await waitFor(psap, () => window.psap.events.some((e) => e.type === "ringing"), undefined, "PSAP hears ringing");

    // What the widget does for E4: hold the active call, answer the callback.
    await agent.evaluate((id) => window.agent.calling.hold(id, true), customerId);
    assert.equal(await agent.evaluate((id) => window.agent.calling.getCall(id).held, customerId), true);
    await sleep(300); // packets in flight
    const heldAt = (await stats(agent, customerId)).packetsReceived;
    await agent.evaluate((id) => window.agent.calling.answer(id), callbackId);
    await waitFor(agent, (id) => window.agent.events.some((e) => e.callId === id && e.type === "connected"), callbackId, "callback connected");
    metrics.callbackSignallingMs = Date.now() - t0;
    const a = await waitMedia(agent, callbackId, "agent callback media");
    const p = await waitMedia(psap, callbackId, "PSAP callback media");
    metrics.callbackPackets = { agent: a.packetsReceived, psap: p.packetsReceived };

    const heldGrowth = (await stats(agent, customerId)).packetsReceived - heldAt;
    metrics.heldCallPacketsDuringCallback = heldGrowth;
    assert.ok(heldGrowth < 5, `held call still receiving audio (${heldGrowth} packets)`);
    await psap.evaluate(() => window.psap.hangUp());
    await waitFor(agent, (id) => window.agent.events.some((e) => e.callId === id && e.type === "ended"), callbackId, "callback ended");
    assert.deepEqual(eventsOf(await agentEvents(), callbackId), ["incoming", "connected", "ended"]);
    assert.equal((await agentEvents()).find((e) => e.callId === callbackId && e.type === "ended").reason, "remote");

    // Resume the customer call (media flows again), then hang up locally.
    await agent.evaluate((id) => window.agent.calling.hold(id, false), customerId);
    const before = (await stats(customer, customerId)).packetsReceived;
    await poll(async () => {
      const s = await stats(customer, customerId);
      return { ok: s.packetsReceived >= before + 10, value: s };
    }, "customer media after resume");
    await agent.evaluate((id) => window.agent.calling.hangUp(id), customerId);
    await waitFor(customer, () => window.psap.state === "ended", undefined, "customer ended");
    const evs = await agentEvents();
    assert.deepEqual(evs.filter((e) => e.callId === customerId).at(-1), { type: "ended", callId: customerId, reason: "local" });
    const cEnd = await customer.evaluate((id) => window.psap.events.find((e) => e.callId === id && e.type === "ended"), customerId);
    assert.equal(cEnd.reason, "remote");
  });

  test("an unassigned callback number fails (404 -> ended/failed)", async () => {
    const other = callbackNumber.endsWith("99") ? callbackNumber.replace(/99$/, "98") : callbackNumber.replace(/\d\d$/, "99");
    const { callId } = await customer.evaluate((n) => window.psap.callBack(n), other);
    await waitFor(customer, (id) => window.psap.events.some((e) => e.callId === id && e.type === "ended"), callId, "ended");
    const info = await customer.evaluate((id) => window.psap.adapter.getCall(id), callId);
    assert.equal(info.endReason, "failed");
    assert.equal(info.failure.status, 404);
  });

  test("a call lost without any SIP (media stops) -> ended/dropped by ICE", async () => {
    const { callId } = await agent.evaluate(() =>
      window.agent.calling.dial({ number: "112", dialed: "112", emergency: true, record: false }),
    );
    await waitFor(psap, (id) => window.psap.callId === id && window.psap.state === "ringing", callId, "PSAP ringing");
    assert.equal((await psap.evaluate(() => window.psap.lastInvite)).pidfLo, undefined, "no location known: no PIDF-LO, the call still goes");
    await psap.evaluate(() => window.psap.answer());
    await waitMedia(agent, callId, "agent media");
    const evs0 = await agentEvents();
    const cb = evs0.find((e) => e.callId === callId && e.type === "callback-number");
    assert.equal(cb.number, callbackNumber, "a second emergency call keeps the same callback number");
    const t0 = Date.now();
    await psap.evaluate(() => window.psap.drop("media"));
    await waitFor(agent, (id) => window.agent.events.some((e) => e.callId === id && e.type === "ended"), callId, "agent ended");
    metrics.mediaLossDetectMs = Date.now() - t0;
    const end = (await agentEvents()).filter((e) => e.callId === callId).at(-1);
    assert.deepEqual(end, { type: "ended", callId, reason: "dropped" });
  });
});

describe("a second Kamailio node (CALLBACK_TTL=2): callback expiry, transport loss", () => {
  let port;
  let pages = [];
  after(async () => {
    await Promise.all(pages.map((p) => p.context().close().catch(() => {})));
    nodeCtl(env, "stop", "k2");
  });

  test("callback works while valid, 404 after expiry", async () => {
    port = nodeCtl(env, "start", "k2", "127.0.0.1", "0", "-A", "CALLBACK_TTL=2");
    pages = await openPages(`wss://127.0.0.1:${port}`, ["agent", "psap"]);
    const [agent2, psap2] = pages;
    const { callId } = await agent2.evaluate(() =>
      window.agent.calling.dial({ number: "999", dialed: "999", emergency: true, record: false, region: "GB" }),
    );
    await waitFor(psap2, () => window.psap.state === "ringing", undefined, "PSAP ringing");
    assert.equal((await psap2.evaluate(() => window.psap.lastInvite)).dialedNumber, "999");
    await psap2.evaluate(() => window.psap.answer());
    await waitFor(agent2, (id) => window.agent.events.some((e) => e.callId === id && e.type === "connected"), callId, "connected");
    const cb = (await agent2.evaluate(() => window.agent.events)).find((e) => e.type === "callback-number");
    assert.ok(cb.validForSeconds >= 1 && cb.validForSeconds <= 2, `validFor ${cb.validForSeconds}`);
    const assignedAt = Date.now();
    await agent2.evaluate((id) => window.agent.calling.hangUp(id), callId);
    // Still valid: the callback rings the agent.
    await psap2.evaluate((n) => window.psap.callBack(n), cb.number);
    await waitFor(agent2, () => window.agent.events.some((e) => e.type === "incoming"), undefined, "incoming");
    const inc = (await agent2.evaluate(() => window.agent.events)).find((e) => e.type === "incoming");
    assert.equal(inc.to, cb.number);
    await agent2.evaluate((id) => window.agent.calling.hangUp(id), inc.callId);
    // Expired: 404.
    await sleep(Math.max(0, assignedAt + 3200 - Date.now()));
    const { callId: late } = await psap2.evaluate((n) => window.psap.callBack(n), cb.number);
    await waitFor(psap2, (id) => window.psap.events.some((e) => e.callId === id && e.type === "ended"), late, "ended");
    const info = await psap2.evaluate((id) => window.psap.adapter.getCall(id), late);
    assert.equal(info.endReason, "failed");
    assert.equal(info.failure.status, 404);
    assert.equal((await agent2.evaluate(() => window.agent.events)).filter((e) => e.type === "incoming").length, 1);
  });

  test("losing the SIP transport during a call -> ended/dropped on both sides", async () => {
    const [agent2, psap2] = pages;
    const { callId } = await agent2.evaluate(() =>
      window.agent.calling.dial({ number: "911", dialed: "911", emergency: true, record: false }),
    );
    await waitFor(psap2, (id) => window.psap.callId === id && window.psap.state === "ringing", callId, "PSAP ringing");
    await psap2.evaluate(() => window.psap.answer());
    await waitMedia(agent2, callId, "agent media");
    const t0 = Date.now();
    nodeCtl(env, "stop", "k2"); // Kamailio goes away
    await waitFor(agent2, (id) => window.agent.events.some((e) => e.callId === id && e.type === "ended"), callId, "agent ended");
    await waitFor(psap2, (id) => window.psap.events.some((e) => e.callId === id && e.type === "ended"), callId, "PSAP ended");
    metrics.transportLossDetectMs = Date.now() - t0;
    assert.equal((await agent2.evaluate(() => window.agent.events)).at(-1).reason, "dropped");
    assert.equal((await psap2.evaluate((id) => window.psap.events.find((e) => e.callId === id && e.type === "ended"), callId)).reason, "dropped");
  });
});

describe("reconnection: the adapter outlives its SIP server", () => {
  let pages = [];
  after(async () => {
    await Promise.all(pages.map((p) => p.context().close().catch(() => {})));
    nodeCtl(env, "stop", "k3");
  });

  test("started while Kamailio is down: a dial waits, then fails clearly; once Kamailio is up a 911 goes through", async () => {
    // A node that is not running yet: pick its port, then stop it again.
    const port = nodeCtl(env, "start", "k3", "127.0.0.1", "0");
    nodeCtl(env, "stop", "k3");
    [pages[0]] = await openPages(`wss://127.0.0.1:${port}`, ["agent"], { agentQuery: "&connectWaitMs=1500&reconnectMaxMs=2000", ready: false });
    const [agent3] = pages;
    await sleep(1500);
    const statuses = await agent3.evaluate(() => window.agent.statuses.map((s) => s.state));
    assert.ok(statuses.filter((s) => s === "reconnecting").length >= 2, `it keeps trying: ${statuses}`);
    // A dial while the server is down: bounded wait, then a clear error (the widget shows it).
    const t0 = Date.now();
    const failed = await agent3.evaluate(() =>
      window.agent.calling.dial({ number: "911", dialed: "911", emergency: true, record: false }).then(
        () => "placed",
        (e) => e.message,
      ),
    );
    metrics.dialWhileDownFailsAfterMs = Date.now() - t0;
    assert.match(failed, /not connected to the SIP server wss:\/\/127\.0\.0\.1:\d+ \(waited 2 s/);
    assert.ok(metrics.dialWhileDownFailsAfterMs >= 1400 && metrics.dialWhileDownFailsAfterMs < 4000, `${metrics.dialWhileDownFailsAfterMs} ms`);

    // Kamailio comes up (same port); the PSAP registers there; the agent reconnects on its own.
    assert.equal(nodeCtl(env, "restart", "k3"), port);
    const upAt = Date.now();
    [pages[1]] = await openPages(`wss://127.0.0.1:${port}`, ["psap"]);
    const psap3 = pages[1];
    await poll(async () => ({ ok: await agent3.evaluate(() => window.agent.calling.registered), value: "" }), "agent registered again", 10_000);
    metrics.reregisteredAfterServerUpMs = Date.now() - upAt;
    const { callId } = await agent3.evaluate(() =>
      window.agent.calling.dial({ number: "911", dialed: "911", emergency: true, record: false, region: "US", location: { latitude: 51.5, longitude: -0.12, accuracyMeters: 20 } }),
    );
    await waitFor(psap3, (id) => window.psap.callId === id && window.psap.state === "ringing", callId, "PSAP ringing");
    await psap3.evaluate(() => window.psap.answer());
    await waitFor(agent3, (id) => window.agent.events.some((e) => e.callId === id && e.type === "connected"), callId, "911 connected");
    assert.deepEqual(eventsOf(await agentEvents(agent3), callId), ["ringing", "callback-number", "connected"]);
    assert.ok((await agent3.evaluate(() => window.agent.fetches.length)) >= 1, "credentials came from the backend");
  });
});
