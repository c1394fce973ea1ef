// THE WIDGET on real telephony: agent-dialer (dist/, trunk build --release) mounted on
// www/telephony/agent-widget.html, whose host `calling` binding is agent-dialer/sip (the SIP
// adapter, www/pkg/sip-adapter.js) registered as sip:agent@127.0.0.1 over wss with ephemeral
// credentials; presence / notification / activity / conversation are recorded mocks
// (window.agentWidget.log). Kamailio + the page server run in a network namespace with only
// `lo`, Chromium too; all bounded by timeouts and stopped in after(). Pages: agent (widget),
// psap, customer (psap.html?user=customer); the test itself forges SIP (raw-sip.mjs) as an
// authenticated but hostile client, which needs this process in the namespace:
//
//   scripts/telephony/run-in-netns.sh node --test www/e2e/telephony.e2e.mjs   (needs dist/: trunk build --release)
//
// Screenshots: test-results/telephony-*.png

import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import path from "node:path";
import { credentialsFor, launchMediaBrowser, poll, reachable, startStack, stopStack, waitFor } from "../telephony/e2e/stack.mjs";
import { ackFor, cancelFor, connectRawSip, dummySdp } from "../telephony/e2e/raw-sip.mjs";
import { DIST, screenshot } from "./harness.mjs";

const STEP = 10_000; // per wait
const CUSTOMER = "5551234567"; // Kamailio routes any other number to the registered user "customer"

let env;
let browser;
let agent;
let psap;
let customer;
const metrics = {};
const pageErrors = [];

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const snapshot = () => agent.evaluate(() => window.dialer.state());
const hostLog = (binding) => agent.evaluate((b) => window.agentWidget.log.filter((e) => !b || e.binding === b), binding);
const adapterEvents = async () => (await hostLog("event")).map((e) => e.args[0]);
const hostPresence = () => agent.evaluate(() => window.agentWidget.presence);
function stats(page, callId) {
  return page.evaluate((id) => (window.agentWidget ? window.agentWidget.adapter : window.psap.adapter).getStats(id), callId);
}
/** ICE connected and audio RTP received (the fake device sends ~50 packets/s). */
function waitMedia(page, callId, what, minPackets = 20) {
  return poll(async () => {
    const s = await stats(page, callId);
    return { ok: ["connected", "completed"].includes(s.iceConnectionState) && s.packetsReceived >= minPackets, value: s };
  }, what);
}
const waitEvent = (type, callId, what) =>
  waitFor(agent, ([t, id]) => window.agentWidget.log.some((e) => e.binding === "event" && e.args[0].type === t && (!id || e.args[0].callId === id)), [type, callId], what);
const statusText = () => agent.locator("[data-test=call-status]").first().textContent();

before(async () => {
  assert.ok(existsSync(path.join(DIST, "agent-dialer.js")) && existsSync(path.join(DIST, "agent-dialer_bg.wasm")), "dist/ missing: run trunk build --release");
  env = startStack();
  browser = await launchMediaBrowser(env);
  const ws = encodeURIComponent(env.TELEPHONY_WS_URL);
  const base = `${env.TELEPHONY_HTTP_URL}/telephony`;
  const open = async (url, ready, viewport) => {
    const ctx = await browser.newContext({ viewport });
    const page = await ctx.newPage();
    page.on("pageerror", (e) => pageErrors.push(`${url}: ${e.message}`));
    page.on("console", (m) => {
      if (m.type() === "error" && /Content Security Policy|panicked|RuntimeError|unreachable/i.test(m.text())) pageErrors.push(`${url}: ${m.text()}`);
    });
    await page.goto(url, { timeout: STEP });
    await page.waitForFunction(() => window.agentWidget || window.psap, undefined, { timeout: STEP });
    await page.evaluate(ready);
    return page;
  };
  [agent, psap, customer] = await Promise.all([
    // A fixed position (Springfield, IL; 25 m): the PSAP gets a geodetic circle and the site's civic address.
    open(`${base}/agent-widget.html?ws=${ws}&iceDropGraceMs=2000&position=39.7817,-89.6501,25`, () => window.agentWidget.ready, { width: 1000, height: 900 }),
    open(`${base}/psap.html?ws=${ws}&user=psap`, () => window.psap.ready),
    open(`${base}/psap.html?ws=${ws}&user=customer`, () => window.psap.ready),
  ]);
  await agent.waitForSelector("[data-test=dialer]", { timeout: STEP });
});

after(async () => {
  await browser?.close().catch(() => {});
  stopStack(env);
  if (Object.keys(metrics).length) console.log("widget-on-sip metrics", JSON.stringify(metrics));
});

describe("agent-dialer widget on the SIP adapter (Kamailio + Chromium, loopback netns)", () => {
  const emergencyIds = new Set(); // 911 calls and callbacks: never in history
  let callbackNumber;

  test("ordinary call end to end: dial, connected with audio, hang up, one history entry with the SIP Call-ID", async () => {
    const t0 = Date.now();
    assert.equal(await hostPresence(), "available");
    await agent.fill("[data-test=number]", "(555) 123-4567");
    await agent.click("[data-test=call-button]");
    await waitFor(customer, () => window.psap.state === "ringing", undefined, "customer ringing");
    const inv = await customer.evaluate(() => window.psap.lastInvite);
    const [dial] = await hostLog("calling.dial");
    assert.deepEqual([dial.args[0].number, dial.args[0].emergency, dial.args[0].record], [CUSTOMER, false, true]);
    assert.equal(inv.dialedNumber, CUSTOMER);
    assert.equal(inv.emergency, false);
    await customer.evaluate(() => window.psap.answer());
    await waitFor(agent, () => /Connected/i.test(document.querySelector("[data-test=call-status]")?.textContent ?? ""), undefined, "widget Connected");
    const snap = await snapshot();
    assert.equal(snap.call.callId, inv.callId, "widget call id = SIP Call-ID");
    assert.equal(snap.presence, "available", "ordinary call leaves presence alone");
    const a = await waitMedia(agent, inv.callId, "agent media");
    const c = await waitMedia(customer, inv.callId, "customer media");
    metrics.ordinary = { mediaMs: Date.now() - t0, agentPackets: a.packetsReceived, customerPackets: c.packetsReceived };
    await screenshot(agent, "telephony-ordinary-call");
    await agent.click("[data-test=end-call]");
    await waitFor(customer, () => window.psap.state === "ended", undefined, "customer ended");
    await agent.waitForSelector("[data-test=call-button]", { timeout: STEP });
    const activity = await poll(async () => {
      const l = await hostLog("activity.record");
      return { ok: l.length > 0, value: l };
    }, "activity.record");
    await sleep(200);
    assert.equal((await hostLog("activity.record")).length, 1, "exactly one history entry");
    assert.equal(activity[0].args[0].callId, inv.callId, "history carries the SIP Call-ID");
    assert.equal(activity[0].args[0].number, CUSTOMER);
    assert.equal(activity[0].args[0].direction, "outbound");
    assert.equal((await adapterEvents()).find((e) => e.callId === inv.callId && e.type === "ended").reason, "local");
  });

  let emergencyId;
  let emergencyInvite;
  test("911 through the widget: DND, banner, PSAP answers, audio both ways, callback number from SIP", async () => {
    const t0 = Date.now();
    await agent.fill("[data-test=number]", "911");
    await agent.click("[data-test=call-button]");
    await agent.waitForSelector("[data-test=emergency-banner]", { timeout: STEP });
    assert.equal(await hostPresence(), "dnd", "presence -> dnd");
    const dials = await hostLog("calling.dial");
    const req = dials.at(-1).args[0];
    assert.deepEqual([req.number, req.emergency, req.record, req.region], ["911", true, false, "US"]);
    await waitFor(psap, () => window.psap.state === "ringing", undefined, "PSAP ringing");
    const inv = await psap.evaluate(() => window.psap.lastInvite);
    emergencyId = inv.callId;
    emergencyInvite = inv;
    emergencyIds.add(emergencyId);
    assert.equal(inv.from, "agent");
    assert.equal(inv.dialedNumber, "911");
    assert.equal(inv.emergency, true);
    assert.equal(inv.headers.Priority, "emergency");
    await psap.evaluate(() => window.psap.answer());
    await waitEvent("connected", emergencyId, "emergency connected");
    const a = await waitMedia(agent, emergencyId, "agent media");
    const p = await waitMedia(psap, emergencyId, "PSAP media");
    metrics.emergency = { mediaMs: Date.now() - t0, agentPackets: a.packetsReceived, psapPackets: p.packetsReceived, ice: [a.iceConnectionState, p.iceConnectionState] };
    const cbEvent = (await adapterEvents()).find((e) => e.callId === emergencyId && e.type === "callback-number");
    assert.ok(cbEvent, "adapter emitted callback-number");
    callbackNumber = cbEvent.number;
    assert.match(callbackNumber, /^\+1555010\d{4}$/);
    assert.equal(callbackNumber, inv.callbackNumber, "agent and PSAP agree on the callback number");
    await waitFor(agent, (n) => document.querySelector("[data-test=callback-number]")?.textContent.includes(n), callbackNumber, "widget shows the callback number");
    const snap = await snapshot();
    assert.equal(snap.call.callId, emergencyId);
    assert.equal(snap.call.emergency, true);
    assert.equal(snap.emergencyMode, true);
    assert.equal(snap.callbackWindow?.number, callbackNumber);
    assert.equal(snap.presence, "dnd");
    assert.equal(snap.savedPresence, "available");
    assert.match(await statusText(), /Connected/i);
    await screenshot(agent, "telephony-emergency-call");
  });

  test("the PSAP receives a valid PIDF-LO: the agent's position as a circle and the site's civic address", async () => {
    const req = (await hostLog("calling.dial")).find((d) => d.args[0].emergency).args[0];
    metrics.emergencyDialRequest = req;
    assert.deepEqual(req.location && [req.location.latitude, req.location.longitude, req.location.accuracyMeters], [39.7817, -89.6501, 25]);
    assert.match(emergencyInvite.geolocation, /^<cid:[^>]+>$/);
    const where = emergencyInvite.location;
    assert.deepEqual(where.errors, []);
    const geo = where.locations.find((l) => l.kind === "geodetic");
    assert.deepEqual([geo.shape, geo.latitude, geo.longitude, geo.radiusMeters], ["Circle", 39.7817, -89.6501, 25]);
    const civic = where.locations.find((l) => l.kind === "civic").civic;
    assert.deepEqual(civic, { country: "US", A1: "IL", A3: "Springfield", RD: "Main", STS: "St", HNO: "100", FLR: "3", NAM: "Acme HQ", PC: "62701", ROOM: "301" });
    const shown = await psap.locator("#location").textContent();
    assert.ok(shown.includes("39.7817") && shown.includes("Springfield") && shown.includes("301"), shown);
  });

  test("PSAP drops the call: the widget tells the agent (callback number), presence restored", async () => {
    await psap.evaluate(() => window.psap.drop());
    await waitEvent("ended", emergencyId, "emergency ended");
    assert.equal((await adapterEvents()).find((e) => e.callId === emergencyId && e.type === "ended").reason, "dropped");
    await agent.waitForSelector("[data-test=notice]", { timeout: STEP });
    const notice = await agent.locator("[data-test=notice]").first().textContent();
    assert.match(notice, /disconnected|dropped/i, notice);
    metrics.dropNotice = notice;
    assert.ok(notice.includes(callbackNumber), `notice names the callback number: ${notice}`);
    await poll(async () => ({ ok: (await hostPresence()) === "available", value: await hostPresence() }), "presence restored");
    const snap = await snapshot();
    assert.equal(snap.call, undefined);
    assert.equal(snap.callbackWindow?.number, callbackNumber, "the callback window stays open");
    await screenshot(agent, "telephony-emergency-dropped");
  });

  test("a forged To or callback mark from another authenticated client rings as an ordinary call, never auto-answered", async () => {
    assert.ok(reachable(env), "the forger speaks SIP from node: run this file through scripts/telephony/run-in-netns.sh");
    const raw = await connectRawSip(env.TELEPHONY_WS_URL, { ca: env.TELEPHONY_CA });
    try {
      const creds = credentialsFor(env, "agent2");
      const t0 = Date.now();
      const answersBefore = (await hostLog("calling.answer")).length;
      const { sent, final } = await raw.authed(
        {
          method: "INVITE",
          ruri: "sip:agent@127.0.0.1",
          from: "sip:agent2@127.0.0.1",
          to: `sip:${callbackNumber}@127.0.0.1`, // forged: the agent's live callback number
          headers: [`X-Emergency-Callback: ${callbackNumber}`, `X-Callback-Number: ${callbackNumber}`], // forged proxy marks
          body: dummySdp(),
          contentType: "application/sdp",
          finalTimeoutMs: 10_000,
        },
        { username: creds.username, password: creds.password },
      );
      await raw.next((m) => m.status === 180 && m.get("call-id") === sent.callId, STEP);
      await waitEvent("incoming", undefined, "the forged call reaches the agent");
      const inc = (await adapterEvents()).filter((e) => e.type === "incoming").at(-1);
      assert.equal(inc.to, "agent", "`to` is the agent's own user, never the caller's To header");
      assert.equal(inc.from, "agent2");
      const info = await agent.evaluate((id) => window.agentWidget.adapter.getCall(id), inc.callId);
      assert.equal(info.emergencyCallback, undefined, "Kamailio stripped the forged X-Emergency-Callback");
      assert.equal(info.headers["X-Callback-Number"], undefined, "and the forged X-Callback-Number");
      await agent.waitForSelector("[data-test=incoming]", { timeout: STEP });
      await sleep(1500);
      assert.equal((await hostLog("calling.answer")).length, answersBefore, "not answered automatically");
      assert.notEqual((await snapshot()).call?.kind, "emergency-callback");
      assert.equal(await hostPresence(), "available", "no DND for it");
      await screenshot(agent, "telephony-forged-callback-rings");
      raw.send(cancelFor(raw, sent));
      const fin = await final;
      assert.equal(fin.status, 487);
      raw.send(ackFor(sent, fin));
      await waitEvent("ended", inc.callId, "the forged call is cancelled");
      await agent.waitForSelector("[data-test=call-button]", { timeout: STEP });
      metrics.forgedCallbackMs = Date.now() - t0;
    } finally {
      raw.close();
    }
  });

  let customerId;
  let callbackId;
  test("PSAP calls the callback number during a customer call: answered first, customer held, despite DND", async () => {
    // An ordinary call to the customer through the widget.
    await agent.fill("[data-test=number]", CUSTOMER);
    await agent.click("[data-test=call-button]");
    await waitFor(customer, () => window.psap.state === "ringing", undefined, "customer ringing");
    customerId = await customer.evaluate(() => window.psap.callId);
    await customer.evaluate(() => window.psap.answer());
    await waitFor(agent, () => /Connected/i.test(document.querySelector("[data-test=call-status]")?.textContent ?? ""), undefined, "widget Connected");
    await waitMedia(agent, customerId, "customer call media");
    assert.equal((await snapshot()).call.callId, customerId);

    const t0 = Date.now();
    await psap.evaluate((n) => window.psap.callBack(n), callbackNumber);
    await waitFor(agent, (n) => window.agentWidget.log.some((e) => e.binding === "event" && e.args[0].type === "incoming" && e.args[0].to === n), callbackNumber, "incoming callback");
    callbackId = (await adapterEvents()).find((e) => e.type === "incoming" && e.to === callbackNumber).callId;
    emergencyIds.add(callbackId);
    // The widget holds the customer call (re-INVITE) and answers the callback by itself.
    await waitEvent("connected", callbackId, "callback answered by the widget");
    metrics.callbackAnswerMs = Date.now() - t0;
    const bindings = (await hostLog()).filter((e) => e.at >= t0 && e.binding.startsWith("calling."));
    const holdIdx = bindings.findIndex((e) => e.binding === "calling.hold" && e.args[0] === customerId && e.args[1] === true);
    const answerIdx = bindings.findIndex((e) => e.binding === "calling.answer" && e.args[0] === callbackId);
    assert.ok(holdIdx >= 0 && answerIdx > holdIdx, `hold before answer: ${bindings.map((b) => b.binding).join(", ")}`);
    // The widget does not wait for the hold re-INVITE's 200 before answering: it may land after.
    await poll(async () => ({ ok: await agent.evaluate((id) => window.agentWidget.adapter.getCall(id).held, customerId), value: "not held" }), "SIP hold re-INVITE accepted");
    const heldAt = (await stats(agent, customerId)).packetsReceived;
    const a = await waitMedia(agent, callbackId, "agent callback media");
    const p = await waitMedia(psap, callbackId, "PSAP callback media");
    const heldGrowth = (await stats(agent, customerId)).packetsReceived - heldAt;
    metrics.callback = { agentPackets: a.packetsReceived, psapPackets: p.packetsReceived, heldCallPacketsDuringCallback: heldGrowth };
    assert.ok(heldGrowth < 5, `held customer call still receiving audio (${heldGrowth} packets)`);
    const snap = await snapshot();
    assert.equal(snap.call.callId, callbackId);
    assert.equal(snap.call.kind, "emergency-callback");
    assert.equal(snap.heldCall?.callId, customerId);
    assert.equal(snap.heldCall?.onHold, true);
    assert.equal(snap.presence, "dnd", "the callback itself sets DND");
    assert.equal(await hostPresence(), "dnd");
    assert.equal(await agent.locator("[data-test=incoming]").count(), 0, "no ringing panel: answered directly");
    await screenshot(agent, "telephony-callback-answered");

    await psap.evaluate(() => window.psap.hangUp());
    await waitEvent("ended", callbackId, "callback ended");
    await poll(async () => ({ ok: (await hostPresence()) === "available", value: await hostPresence() }), "presence restored after the callback");
    // The customer call is back in the pane, still on hold (the widget does not resume by itself).
    const back = await snapshot();
    assert.equal(back.call?.callId, customerId, "the held customer call is the current call again");
    assert.equal(back.call.onHold, true);
    assert.equal(back.heldCall, undefined);
    assert.equal(await agent.evaluate((id) => window.agentWidget.adapter.getCall(id).held, customerId), true);
    await screenshot(agent, "telephony-after-callback");
    // The agent resumes (re-INVITE without hold: customer audio flows again) and hangs up.
    const resumedFrom = (await stats(customer, customerId)).packetsReceived;
    await agent.click("[data-test=hold]");
    await poll(async () => ({ ok: (await hostLog("calling.hold")).some((e) => e.args[0] === customerId && e.args[1] === false), value: null }), "calling.hold(false)");
    await poll(async () => {
      const s = await stats(customer, customerId);
      return { ok: s.packetsReceived >= resumedFrom + 10, value: s };
    }, "customer audio after resume");
    assert.equal(await agent.evaluate((id) => window.agentWidget.adapter.getCall(id).held, customerId), false);
    assert.equal((await snapshot()).call.onHold, false);
    await agent.click("[data-test=end-call]");
    await waitFor(customer, () => window.psap.state === "ended", undefined, "customer ended");
    await agent.waitForSelector("[data-test=call-button]", { timeout: STEP });
    await screenshot(agent, "telephony-after-callback");
  });

  test("agent already in DND: the callback is still answered; DND kept afterwards", async () => {
    await agent.evaluate(() => window.agentWidget.setPresence("dnd"));
    const t0 = Date.now();
    const { callId } = await psap.evaluate((n) => window.psap.callBack(n), callbackNumber);
    emergencyIds.add(callId);
    await waitEvent("connected", callId, "callback answered in DND");
    metrics.callbackInDndAnswerMs = Date.now() - t0;
    await waitMedia(agent, callId, "agent callback media");
    await waitMedia(psap, callId, "PSAP callback media");
    const snap = await snapshot();
    assert.equal(snap.call.callId, callId);
    assert.equal(snap.call.kind, "emergency-callback");
    assert.equal(snap.presence, "dnd");
    await psap.evaluate(() => window.psap.hangUp());
    await waitEvent("ended", callId, "callback ended");
    await agent.waitForSelector("[data-test=call-button]", { timeout: STEP });
    await sleep(300);
    assert.equal(await hostPresence(), "dnd", "the agent's own DND is restored, not 'available'");
    await agent.evaluate(() => window.agentWidget.setPresence("available"));
  });

  test("nothing recorded for emergency calls and callbacks; record:false on the 911 dial; no page errors", async () => {
    const activity = await hostLog("activity.record");
    for (const e of activity) assert.ok(!emergencyIds.has(e.args[0].callId), `history written for emergency call ${e.args[0].callId}`);
    const ids = activity.map((e) => e.args[0].callId);
    assert.ok(ids.includes(customerId), "the customer call is in history");
    for (const d of await hostLog("calling.dial")) {
      if (d.args[0].emergency) assert.equal(d.args[0].record, false);
    }
    metrics.activityEntries = activity.length;
    const widgetEvents = await agent.evaluate(() => window.agentWidget.widgetEvents);
    const errors = widgetEvents.filter((e) => e.type === "dialer:error");
    metrics.dialerErrors = errors.map((e) => e.detail);
    metrics.sendEmail = (await hostLog("notification.sendEmail")).map((e) => e.args[0].to);
    metrics.emergencyMode = (await hostLog("conversation.setEmergencyMode")).map((e) => e.args[0]);
    assert.deepEqual(errors.filter((e) => /^calling\./.test(e.detail?.binding ?? "")), [], "no calling binding failed");
    metrics.emergencyCallIds = emergencyIds.size;
    assert.deepEqual(pageErrors, []);
  });
});
