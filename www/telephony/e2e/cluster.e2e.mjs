// The SIP tier scaled out, end to end: two Kamailio nodes (127.0.0.2 = A, 127.0.0.3 = B; one SIP
// domain) sharing callback numbers (htable + DMQ) and registrations (dmq_usrloc), routing a call
// that enters the "wrong" node along the agent's Path to the node holding its WebSocket. The
// widget on agent-dialer/sip (A first, B as its second server), the PSAP on B, a customer on A,
// raw SIP agents from node. Needs this process in the stack's namespace:
//
//   scripts/telephony/run-in-netns.sh node --test www/telephony/e2e/cluster.e2e.mjs
//
//   1. the agent on A dials 911 (PSAP on B); the number is A's and B has it; the PSAP's
//      callback enters B and rings the widget on A, which holds its customer call and answers
//   2. A restarts during the callback window: the widget re-registers through B, the callback
//      through B reaches it, and A has the table (and the registration) back from B
//   3. numbers are never handed to two agents at once across the nodes, also right after a
//      node restarts; every callback reaches the agent holding the number

import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { credentialsFor, launchMediaBrowser, nodeCtl, poll, reachable, startCluster, startStack, stopStack, waitFor } from "./stack.mjs";
import { autoRespond, ackFor, cancelFor, connectRawSip, dummySdp } from "./raw-sip.mjs";

const POOL = 20; // 10 numbers per node
let env;
let nodes;
let browser;
let agent;
let psap;
let customer;
const clients = [];
const metrics = {};
/** Call-IDs of CANCELled test INVITEs whose final response has not come yet. */
const unsettled = new Set();
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
/** `promise`, its failure named after the step that waited. */
const step = (what, promise) => promise.catch((e) => Promise.reject(new Error(`${what}: ${e.message}`)));
/** Runs a test's body; when it fails, prints the end of each node's log (CI keeps no files). */
const withLogs = (body) => async () => {
  try {
    await body();
  } catch (e) {
    for (const { name } of nodes ?? []) {
      try {
        const log = readFileSync(`${env.TELEPHONY_STATE}/${name}.log`, "utf8").split("\n").slice(-60).join("\n");
        console.error(`--- the last lines of node ${name}'s log ---\n${log}`);
      } catch {}
    }
    throw e;
  }
};

/** kamcmd on node `name` (its control socket in the stack's state directory). */
function kamcmd(name, ...args) {
  return execFileSync("kamcmd", ["-s", `unix:${env.TELEPHONY_STATE}/${name}.ctl`, ...args], { encoding: "utf8", timeout: 5000 }).trim();
}
const owner = (name, number) => {
  try {
    return kamcmd(name, "htable.get", "cbn", `s:${number}`).match(/value:\s*(\S+)/)?.[1];
  } catch {
    return undefined; // not in the table
  }
};
const poolIndex = (number) => Number(number.slice(-4));
const hostLog = (binding) => agent.evaluate((b) => window.agentWidget.log.filter((e) => !b || e.binding === b), binding);
const adapterEvents = async () => (await hostLog("event")).map((e) => e.args[0]);
const snapshot = () => agent.evaluate(() => window.dialer.state());
const statusText = () => agent.locator("[data-test=call-status]").first().textContent();
function stats(page, callId) {
  return page.evaluate((id) => (window.agentWidget ? window.agentWidget.adapter : window.psap.adapter).getStats(id), callId);
}
function waitMedia(page, callId, what) {
  return poll(async () => {
    const s = await stats(page, callId);
    return { ok: ["connected", "completed"].includes(s.iceConnectionState) && s.packetsReceived >= 20, value: s };
  }, what);
}
const waitEvent = (type, pred, what) =>
  poll(async () => {
    const ev = (await adapterEvents()).filter((e) => e.type === type && pred(e)).at(-1);
    return { ok: Boolean(ev), value: ev };
  }, what);

async function open(url, ready) {
  const ctx = await browser.newContext({ viewport: { width: 1000, height: 900 } });
  const page = await ctx.newPage();
  page.on("pageerror", (e) => console.error(`[page error ${url}] ${e.message}`));
  await page.goto(url, { timeout: 10_000 });
  await page.waitForFunction(() => window.agentWidget || window.psap, undefined, { timeout: 10_000 });
  await Promise.race([page.evaluate(ready), sleep(15_000).then(() => Promise.reject(new Error(`not ready within 15 s: ${url}`)))]);
  return page;
}

before(async () => {
  env = startStack({ TELEPHONY_START_KAMAILIO: "0" });
  assert.ok(reachable(env), "the cluster and the raw agents need this process in the namespace: run it through scripts/telephony/run-in-netns.sh");
  nodes = await startCluster(env, { nodes: 2, pool: POOL });
  const [a, b] = nodes;
  browser = await launchMediaBrowser(env);
  const base = `${env.TELEPHONY_HTTP_URL}/telephony`;
  const both = encodeURIComponent(`${a.url},${b.url}`);
  [agent, psap, customer] = await Promise.all([
    open(`${base}/agent-widget.html?ws=${both}&iceDropGraceMs=2000`, () => window.agentWidget.ready),
    open(`${base}/psap.html?ws=${encodeURIComponent(b.url)}&user=psap`, () => window.psap.ready),
    open(`${base}/psap.html?ws=${encodeURIComponent(a.url)}&user=customer`, () => window.psap.ready),
  ]);
  await agent.waitForSelector("[data-test=dialer]", { timeout: 10_000 });
});

after(async () => {
  // (The last CANCELled INVITEs' finals are usually a few ms away.)
  for (let i = 0; i < 40 && unsettled.size; i++) await sleep(50);
  for (const c of clients) c.close();
  await browser?.close().catch(() => {});
  stopStack(env);
  metrics.cancelledWithoutFinalAtEnd = unsettled.size;
  if (Object.keys(metrics).length) console.log("cluster metrics", JSON.stringify(metrics));
});

describe("two Kamailio nodes: shared callback numbers and registrations, Path routing, restart", () => {
  let callbackNumber;

  test("agent on A dials 911 (PSAP on B); the callback enters B and the widget on A answers it ahead of a customer call", withLogs(async () => {
    assert.equal(await agent.evaluate(() => window.agentWidget.adapter.status.server), nodes[0].url, "the widget registered at A");
    await agent.fill("[data-test=number]", "911");
    await agent.click("[data-test=call-button]");
    await waitFor(psap, () => window.psap.state === "ringing", undefined, "PSAP (on B) rings");
    const inv = await psap.evaluate(() => window.psap.lastInvite);
    assert.match(inv.headers["Record-Route"], /127\.0\.0\.3.*127\.0\.0\.2|127\.0\.0\.2.*127\.0\.0\.3/, "the 911 crossed A and B");
    await psap.evaluate(() => window.psap.answer());
    await waitMedia(agent, inv.callId, "911 audio at the agent");
    await waitMedia(psap, inv.callId, "911 audio at the PSAP");
    callbackNumber = inv.callbackNumber;
    assert.match(callbackNumber, /^\+1555010\d{4}$/);
    assert.equal(poolIndex(callbackNumber) % 2, 0, "A hands out its own share (even indexes)");
    await poll(async () => ({ ok: owner("b", callbackNumber) === "agent", value: owner("b", callbackNumber) }), "B has the number (DMQ)");
    assert.equal(owner("a", callbackNumber), "agent");
    await psap.evaluate(() => window.psap.drop());
    await agent.waitForSelector("[data-test=notice]", { timeout: 10_000 });

    // A customer call (customer on A), then the PSAP's callback enters B.
    await agent.fill("[data-test=number]", "5551234567");
    await agent.click("[data-test=call-button]");
    await waitFor(customer, () => window.psap.state === "ringing", undefined, "customer rings");
    const customerId = await customer.evaluate(() => window.psap.callId);
    await customer.evaluate(() => window.psap.answer());
    await waitMedia(agent, customerId, "customer call audio");
    const t0 = Date.now();
    const { callId: cbId } = await psap.evaluate((n) => window.psap.callBack(n), callbackNumber);
    const connected = await waitEvent("connected", (e) => e.callId === cbId, "the widget answered the callback");
    metrics.callbackViaBAnsweredMs = Date.now() - t0;
    assert.ok(connected);
    const info = await agent.evaluate((id) => window.agentWidget.adapter.getCall(id), cbId);
    assert.equal(info.emergencyCallback, callbackNumber, "marked by the proxy");
    assert.match(info.headers["Record-Route"], /127\.0\.0\.2/, "delivered by A, which holds the WebSocket");
    assert.match(info.headers["Record-Route"], /127\.0\.0\.3/, "after entering B");
    const binds = (await hostLog()).filter((e) => e.at >= t0 && /^calling\.(hold|answer)$/.test(e.binding)).map((e) => e.binding);
    assert.deepEqual(binds.slice(0, 2), ["calling.hold", "calling.answer"], "customer held first, then the callback answered");
    const snap = await snapshot();
    assert.equal(snap.call.kind, "emergency-callback");
    assert.equal(snap.heldCall?.callId, customerId);
    await waitMedia(agent, cbId, "callback audio at the agent");
    await psap.evaluate(() => window.psap.hangUp());
    await waitEvent("ended", (e) => e.callId === cbId, "callback ended");
    await agent.evaluate((id) => window.agentWidget.adapter.hangUp(id), customerId);
    await agent.waitForSelector("[data-test=call-button]", { timeout: 10_000 });
  }));

  test("A restarts during the callback window: the widget re-registers through B, the callback through B reaches it, A has the table back", withLogs(async () => {
    const t0 = Date.now();
    nodeCtl(env, "stop", "a");
    await poll(async () => {
      const s = await agent.evaluate(() => window.agentWidget.adapter.status);
      return { ok: s.registered && s.server === nodes[1].url, value: s };
    }, "the widget registered at B", 15_000);
    metrics.reregisteredAtBAfterAStopMs = Date.now() - t0;
    const restartAt = Date.now();
    nodeCtl(env, "restart", "a");
    await poll(async () => ({ ok: owner("a", callbackNumber) === "agent", value: owner("a", callbackNumber) }), "A has the number back from B", 5000);
    metrics.tableBackOnRestartedNodeMs = Date.now() - restartAt;

    // The callback through B reaches the widget (now on B).
    const { callId: cb1 } = await psap.evaluate((n) => window.psap.callBack(n), callbackNumber);
    await waitEvent("connected", (e) => e.callId === cb1, "callback through B answered");
    assert.equal((await snapshot()).call.kind, "emergency-callback");
    await psap.evaluate(() => window.psap.hangUp());
    await waitEvent("ended", (e) => e.callId === cb1, "callback ended");
    await agent.waitForSelector("[data-test=call-button]", { timeout: 10_000 });

    // A call to the number entering the restarted A: its table and the registration came back,
    // and it routes along the Path to B.
    await poll(async () => ({ ok: await customer.evaluate(() => window.psap.adapter.registered), value: "" }), "customer re-registered at A", 15_000);
    const { callId: cb2 } = await customer.evaluate((n) => window.psap.callBack(n), callbackNumber);
    await waitEvent("connected", (e) => e.callId === cb2, "call to the number via the restarted A answered");
    const info = await agent.evaluate((id) => window.agentWidget.adapter.getCall(id), cb2);
    assert.equal(info.emergencyCallback, callbackNumber);
    assert.match(info.headers["Record-Route"], /127\.0\.0\.2.*127\.0\.0\.3|127\.0\.0\.3.*127\.0\.0\.2/, "A -> B");
    await customer.evaluate(() => window.psap.hangUp());
    await waitEvent("ended", (e) => e.callId === cb2, "ended");
  }));

  // The final response to a test INVITE that was CANCELled (487) is the cleanup after each
  // check, not what is checked: it may come only when the proxy's own timer ends a branch (tm
  // fr_timer, 10 s in kamailio.cfg), and twice in ~20 full runs one did not come within 15 s
  // right after node B's restart (RELIABILITY.md). So it is acknowledged when it comes, never
  // waited for; the ones still missing at the end are counted in the metrics.
  const FINAL_MS = 15_000;
  const settle = (client, sent, final) => {
    unsettled.add(sent.callId);
    final.then((res) => {
      unsettled.delete(sent.callId);
      client.send(ackFor(sent, res));
    }, () => {});
  };
  test("a number is never handed to two agents at once across nodes, even right after a restart; every callback reaches its agent", withLogs(async () => {
    const numbers = new Map([[callbackNumber, "agent"]]); // number -> owner
    const agents = new Map(); // user -> raw client registered as that user
    const login = async (user, node) => {
      const c = await connectRawSip(node.url, { ca: env.TELEPHONY_CA });
      clients.push(c);
      const creds = credentialsFor(env, user);
      const pass = { username: creds.username, password: creds.password };
      const reg = await step(`${user}'s REGISTER at ${node.name}`, (await c.authed({ method: "REGISTER", ruri: "sip:127.0.0.1", from: `sip:${user}@127.0.0.1`, to: `sip:${user}@127.0.0.1`, headers: ["Expires: 120"] }, pass)).final);
      assert.equal(reg.status, 200, `${user} registered at ${node.name}`);
      autoRespond(c, user);
      agents.set(user, c);
      return { c, pass };
    };
    // The emergency service for this test: a raw phone registered as "psap" on A, the node
    // that stays up (it replaces the console's registration: one contact per user).
    await login("psap", nodes[0]);
    const sent911 = async (user, node) => {
      const { c, pass } = await login(user, node);
      const t = Date.now();
      const { sent, final } = await step(`${user}'s 911 through ${node.name}, the proxy's challenge`, c.authed({ method: "INVITE", ruri: "sip:911@127.0.0.1", from: `sip:${user}@127.0.0.1`, to: "sip:911@127.0.0.1", body: dummySdp(), contentType: "application/sdp", finalTimeoutMs: FINAL_MS }, pass));
      const ringing = await step(`${user}'s 911 through ${node.name}, 180 Ringing`, c.next((m) => m.status === 180 && m.get("call-id") === sent.callId, 10_000));
      const assignMs = Date.now() - t;
      c.send(cancelFor(c, sent));
      settle(c, sent, final);
      const n = ringing.get("x-callback-number");
      assert.match(n, /^\+1555010\d{4}$/, `${user} got a number`);
      assert.ok(!numbers.has(n), `${n} handed to ${user} while ${numbers.get(n)} holds it`);
      numbers.set(n, user);
      return { n, assignMs };
    };
    for (let i = 1; i <= 8; i++) {
      const node = nodes[i % 2];
      const { n } = await sent911(`u${i}`, node);
      assert.equal(poolIndex(n) % 2, i % 2, `u${i} got a number of ${node.name}'s share`);
    }
    // B restarts; agents dial 911 through it at once (its cursor starts over: without the
    // peers' table it would hand out u1's number again). One after the other: three TLS
    // connections at once to a node that just started can crash it (Kamailio 5.6.3 with
    // OpenSSL 3, upstream kamailio#3791; RELIABILITY.md), which is not what this checks.
    nodeCtl(env, "restart", "b");
    const after = [];
    for (let i = 9; i <= 11; i++) after.push(await sent911(`u${i}`, nodes[1]));
    metrics.assignRightAfterRestartMs = after.map((a) => a.assignMs);
    for (const { n } of after) assert.equal(poolIndex(n) % 2, 1);
    // The agents that were on B lost their connections with it: they log in again (on A), as
    // the adapter does with its second server.
    for (let i = 1; i <= 7; i += 2) await login(`u${i}`, nodes[0]);

    // Every number reaches its owner: a caller on A dials each one.
    const caller = await connectRawSip(nodes[0].url, { ca: env.TELEPHONY_CA });
    clients.push(caller);
    const cc = credentialsFor(env, "tester");
    let reached = 0;
    for (const [n, user] of numbers) {
      if (user === "agent") continue; // the widget: tested above
      const mark = agents.get(user).messages.length;
      const { sent, final } = await step(`the call to ${n} (${user}), the proxy's challenge`, caller.authed({ method: "INVITE", ruri: `sip:${n}@127.0.0.1`, from: "sip:tester@127.0.0.1", to: `sip:${n}@127.0.0.1`, body: dummySdp(), contentType: "application/sdp", finalTimeoutMs: FINAL_MS }, { username: cc.username, password: cc.password }));
      const got = await step(`the call to ${n} reaching ${user}`, agents.get(user).next((m) => m.method === "INVITE" && m.get("call-id") === sent.callId, 5000, mark));
      assert.equal(got.get("x-emergency-callback"), n, `${n} reached ${user}, marked`);
      caller.send(cancelFor(caller, sent));
      settle(caller, sent, final);
      reached += 1;
    }
    assert.equal(reached, numbers.size - 1);
    metrics.callbacksReached = `${reached}/${numbers.size - 1}`;
  }));
});
