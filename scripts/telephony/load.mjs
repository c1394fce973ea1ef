// Load on the Kamailio cluster, loopback only and bounded: many agents (raw SIP over wss from
// node, digest auth) register across the nodes, place emergency and ordinary calls (answered,
// held, hung up), the emergency service calls every callback number back, and optionally one
// node crashes while calls are live. Prints the figures BENCHMARKS.md quotes.
//
//   scripts/telephony/run-in-netns.sh node scripts/telephony/load.mjs [options]
//     --agents N        agents (default 100, at most 400)
//     --nodes N         Kamailio nodes, 127.0.0.2… (default 2, at most 4)
//     --ordinary N      ordinary calls per agent (default 1)
//     --concurrency N   calls in flight (default 20)
//     --hold-ms N       how long an answered call stays up (default 300)
//     --dmq-ping N      seconds between DMQ pings (default: the config's 60; 15 shows the
//                       replication gaps a ping round causes, and the owner lookup covering them)
//     --kill            crash node a (SIGKILL) while every agent has a call up, then measure
//                       re-registration on the other nodes and callbacks
//     --max-seconds N   hard bound for the whole run (default 240)
//     --json            one JSON object instead of the table
//     --check           exit 1 unless every emergency call got a number, no number went to two
//                       agents, every call completed (before a crash) and every callback reached
//                       its agent (also after the crash, once its agents registered again)
// Needs a loopback-only network namespace of its own (run-in-netns.sh); media is not sent (the
// SDP is a stub): this measures the SIP tier, not WebRTC.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { credentialsFor, inLoopbackNamespace, nodeCtl, startCluster, startStack, stopStack } from "../../www/telephony/e2e/stack.mjs";
import { ackFor, autoRespond, cancelFor, connectRawSip, dummySdp, inDialog } from "../../www/telephony/e2e/raw-sip.mjs";

const arg = (name, dflt, max) => {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return dflt;
  const v = Number(process.argv[i + 1]);
  if (!Number.isInteger(v) || v < 0 || v > max) throw new Error(`--${name}: 0..${max}`);
  return v;
};
const AGENTS = arg("agents", 100, 400);
const NODES = Math.max(2, arg("nodes", 2, 4));
const ORDINARY = arg("ordinary", 1, 10);
const CONCURRENCY = Math.max(1, arg("concurrency", 20, 100));
const HOLD_MS = arg("hold-ms", 300, 10_000);
const MAX_SECONDS = arg("max-seconds", 240, 900);
const KILL = process.argv.includes("--kill");
const DMQ_PING = arg("dmq-ping", 0, 600);
const JSON_OUT = process.argv.includes("--json");
const CHECK = process.argv.includes("--check");

if (!inLoopbackNamespace()) {
  console.error("load.mjs: run it in a loopback-only namespace: scripts/telephony/run-in-netns.sh node scripts/telephony/load.mjs");
  process.exit(2);
}
const hardStop = setTimeout(() => {
  console.error(`load.mjs: stopped after ${MAX_SECONDS} s (--max-seconds)`);
  process.exit(3);
}, MAX_SECONDS * 1000);
hardStop.unref();

const pct = (xs, p) => {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
async function pool(items, n, fn) {
  const out = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(n, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await fn(items[i], i);
      }
    }),
  );
  return out;
}

const env = startStack({ TELEPHONY_START_KAMAILIO: "0" }, { maxSeconds: MAX_SECONDS + 30 });
const clients = new Set();
const results = { agents: AGENTS, nodes: NODES, ordinaryPerAgent: ORDINARY, concurrency: CONCURRENCY, holdMs: HOLD_MS };
try {
  const pool2 = Math.ceil((AGENTS * 2 + 20) / NODES) * NODES;
  const nodes = await startCluster(env, { nodes: NODES, pool: Math.min(pool2, 10_000), extra: DMQ_PING ? ["-A", `DMQ_PING=${DMQ_PING}`] : [] });
  if (DMQ_PING) results.dmqPing = DMQ_PING;
  results.pool = Math.min(pool2, 10_000);
  // DMQ membership, and past the nodes' start-up grace (a fresh node waits SYNC_GRACE_MS for its
  // peers' table before it hands out a number: measured separately in BENCHMARKS.md).
  await sleep(1500);
  const pass = (user) => {
    const c = credentialsFor(env, user, 3600);
    return { username: c.username, password: c.password };
  };

  /** A raw phone: connect to `node`, REGISTER, ring (and optionally answer) incoming calls. */
  async function phone(user, node, answerAfterMs) {
    const c = await connectRawSip(node.url, { ca: env.TELEPHONY_CA, timeoutMs: 10_000 });
    clients.add(c);
    const reg = await (await c.authed({ method: "REGISTER", ruri: "sip:127.0.0.1", from: `sip:${user}@127.0.0.1`, to: `sip:${user}@127.0.0.1`, headers: ["Expires: 600"], finalTimeoutMs: 10_000 }, pass(user))).final;
    if (reg.status !== 200) throw new Error(`${user}: REGISTER ${reg.status}`);
    autoRespond(c, user, { answerAfterMs });
    return { user, node, c };
  }

  // The emergency service and the customer answer after 20 ms; agents only ring.
  const psap = await phone("psap", nodes[0], 20);
  const customer = await phone("customer", nodes[1 % NODES], 20);
  const t0 = Date.now();
  const agents = await pool(Array.from({ length: AGENTS }, (_, i) => i), CONCURRENCY, (i) => phone(`ag${i}`, nodes[i % NODES], undefined));
  results.registerAllMs = Date.now() - t0;

  /** One call: INVITE (407, INVITE with credentials), 180, 200, ACK, hold, BYE. */
  async function call(a, number, { hold = HOLD_MS, onLive } = {}) {
    const t = Date.now();
    const r = { ok: false };
    try {
      const { sent, final } = await a.c.authed({ method: "INVITE", ruri: `sip:${number}@127.0.0.1`, from: `sip:${a.user}@127.0.0.1`, to: `sip:${number}@127.0.0.1`, body: dummySdp(), contentType: "application/sdp", finalTimeoutMs: 15_000 }, pass(a.user));
      const ringing = a.c.next((m) => m.status >= 180 && m.status < 200 && m.get("call-id") === sent.callId, 15_000).catch(() => undefined);
      const ok = await final;
      const ring = await ringing;
      r.ringMs = ring ? ring.receivedAt - t : undefined;
      if (ring) r.callbackNumber = ring.get("x-callback-number");
      r.assignMs = ring && r.callbackNumber ? ring.receivedAt - t : undefined;
      if (ok.status !== 200) {
        r.status = ok.status;
        a.c.send(ackFor(sent, ok));
        return r;
      }
      a.c.send(inDialog(a.c, sent, ok, "ACK"));
      r.answerMs = Date.now() - t;
      if (onLive) await onLive();
      else await sleep(hold);
      const bye = inDialog(a.c, sent, ok, "BYE", sent.cseq + 1);
      const mark = a.c.messages.length;
      a.c.send(bye);
      const byeOk = await a.c.next((m) => m.status >= 200 && m.get("call-id") === sent.callId && /BYE$/.test(m.get("cseq")), 8000, mark).catch(() => undefined);
      r.byeStatus = byeOk ? byeOk.status : "timeout";
      r.ok = byeOk?.status === 200;
    } catch (e) {
      r.error = String(e.message).slice(0, 80);
    }
    return r;
  }

  // Emergency calls (one per agent) and ordinary calls, interleaved.
  const jobs = [];
  for (const a of agents) {
    jobs.push([a, "911"]);
    for (let k = 0; k < ORDINARY; k++) jobs.push([a, "5551234567"]);
  }
  for (let i = jobs.length - 1; i > 0; i--) {
    const j = (i * 7919) % (i + 1); // deterministic shuffle
    [jobs[i], jobs[j]] = [jobs[j], jobs[i]];
  }
  const t1 = Date.now();
  const outcomes = await pool(jobs, CONCURRENCY, ([a, n]) => call(a, n).then((r) => ({ ...r, emergency: n === "911", agent: a })));
  results.callPhaseMs = Date.now() - t1;
  const em = outcomes.filter((o) => o.emergency);
  const ord = outcomes.filter((o) => !o.emergency);
  results.emergencyCalls = { placed: em.length, completed: em.filter((o) => o.ok).length, withNumber: em.filter((o) => o.callbackNumber).length };
  results.ordinaryCalls = { placed: ord.length, completed: ord.filter((o) => o.ok).length };
  const assign = em.map((o) => o.assignMs).filter(Number.isFinite);
  results.assignMs = { p50: pct(assign, 50), p95: pct(assign, 95), max: Math.max(...assign) };
  const ordRing = ord.map((o) => o.ringMs).filter(Number.isFinite);
  results.ordinaryRingMs = { p50: pct(ordRing, 50), p95: pct(ordRing, 95) };
  results.callsPerSecond = Number(((em.length + ord.length) / (results.callPhaseMs / 1000)).toFixed(1));

  // Distinct numbers, one per agent.
  const owners = new Map();
  let duplicates = 0;
  for (const o of em) {
    if (!o.callbackNumber) continue;
    if (owners.has(o.callbackNumber) && owners.get(o.callbackNumber) !== o.agent.user) duplicates += 1;
    owners.set(o.callbackNumber, o.agent.user);
  }
  results.numbers = { distinct: owners.size, handedToTwoAgents: duplicates };

  /** The emergency service calls every number back from `node`; counts those reaching their owner. */
  async function callbacks(node, byUser) {
    const dispatcher = await connectRawSip(node.url, { ca: env.TELEPHONY_CA });
    clients.add(dispatcher);
    let reached = 0;
    const failures = {};
    const times = [];
    await pool([...owners], CONCURRENCY, async ([number, user]) => {
      const owner = byUser.get(user);
      const mark = owner.c.messages.length;
      const t = Date.now();
      const { sent, final } = await dispatcher.authed({ method: "INVITE", ruri: `sip:${number}@127.0.0.1`, from: "sip:dispatch@127.0.0.1", to: `sip:${number}@127.0.0.1`, body: dummySdp(), contentType: "application/sdp", finalTimeoutMs: 10_000 }, pass("dispatch"));
      const got = await Promise.race([
        owner.c.next((m) => m.method === "INVITE" && m.get("call-id") === sent.callId && m.get("x-emergency-callback") === number, 8000, mark),
        final.then((f) => Promise.reject(new Error(String(f.status)))),
      ]).catch((e) => e);
      if (got instanceof Error) {
        failures[got.message] = (failures[got.message] || 0) + 1;
        (failures.sample ||= []).length < 40 && failures.sample.push(`${number}@${owner.node.name}`);
      }
      else {
        reached += 1;
        times.push(Date.now() - t);
      }
      dispatcher.send(cancelFor(dispatcher, sent));
      const f = await final.catch(() => undefined);
      if (f) dispatcher.send(ackFor(sent, f));
    });
    dispatcher.close();
    return { attempted: owners.size, reached, failures, ringMs: { p50: pct(times, 50), p95: pct(times, 95) } };
  }
  results.tableItems = Object.fromEntries(
    nodes.map((n) => [n.name, Number((/name: cbn [^}]*?(?:items|all): (\d+)/.exec(kamcmd(env, n.name, "htable.stats").replace(/\s+/g, " ")) || [])[1])]),
  );
  const byUser = new Map(agents.map((a) => [a.user, a]));
  results.callbacks = await callbacks(nodes[NODES - 1], byUser);

  if (KILL) {
    // Every agent holds a call (to the customer) while node a crashes.
    const victims = agents.filter((a) => a.node.name === "a").map((a) => a.user);
    let release;
    const released = new Promise((r) => (release = r));
    let live = 0;
    const liveCalls = pool(agents, AGENTS, (a) =>
      call(a, "5551234567", {
        onLive: async () => {
          live += 1;
          await released;
        },
      }),
    );
    const tWait = Date.now();
    while (live < agents.length && Date.now() - tWait < 30_000) await sleep(50);
    results.kill = { node: "a", liveCallsAtCrash: live, agentsOnNode: victims.length };
    const tKill = Date.now();
    nodeCtl(env, "kill", "a");
    // The agents of a reconnect to the next node and register again (what the adapter does).
    const others = nodes.filter((n) => n.name !== "a");
    const reReg = await pool(victims, CONCURRENCY, async (user, i) => {
      let a;
      for (let attempt = 0; attempt < 8 && !a; attempt++) {
        // The adapter retries with backoff (jittered, doubling); so does this, up to 8 times.
        a = await phone(user, others[(i + attempt) % others.length], undefined).catch((e) => {
          results.kill.reRegisterErrors = [...(results.kill.reRegisterErrors || []), String(e.message).slice(0, 60)];
          return sleep(Math.min(4000, 250 * 2 ** attempt) * (0.5 + Math.random() / 2)).then(() => undefined);
        });
      }
      if (a) byUser.set(user, a);
      return a ? Date.now() - tKill : undefined;
    });
    const rr = reReg.filter(Number.isFinite);
    results.kill.reRegistered = rr.length;
    results.kill.reRegisteredAfterCrashMs = { p50: pct(rr, 50), max: Math.max(...rr) };
    release();
    const ended = await liveCalls;
    results.kill.liveCallsEndedCleanly = ended.filter((r) => r.ok).length;
    results.kill.liveCallsCut = ended.length - results.kill.liveCallsEndedCleanly;
    // Through the last node: in a 3-node cluster the one whose copy of the table had gaps.
    results.kill.callbacksAfter = await callbacks(others[others.length - 1], byUser);
    const table = kamcmd(env, others[others.length - 1].name, "htable.stats");
    results.kill.survivorTable = (/name: cbn [^}]*?(?:items|all): (\d+)/.exec(table.replace(/\s+/g, " ")) || [])[1] ?? table.replace(/\s+/g, " ").slice(0, 200);
  }
  // How often a node lacked a number in its copy and asked the node that handed it out.
  results.askedPeers = nodes.reduce((sum, n) => sum + (readLog(n.name).match(/not in this node.s table: asking the other nodes|no registration here for [^:]*: asking the other nodes/g) || []).length, 0);
} finally {
  for (const c of clients) c.close();
  stopStack(env);
}

function readLog(name) {
  try {
    return readFileSync(`${env.TELEPHONY_STATE}/${name}.log`, "utf8");
  } catch {
    return "";
  }
}

function kamcmd(stackEnv, name, ...a) {
  try {
    return execFileSync("kamcmd", ["-s", `unix:${stackEnv.TELEPHONY_STATE}/${name}.ctl`, ...a], { encoding: "utf8", timeout: 5000 });
  } catch {
    return "";
  }
}

if (JSON_OUT) console.log(JSON.stringify(results, null, 2));
else {
  const r = results;
  console.log(`agents ${r.agents} on ${r.nodes} nodes, ${r.ordinaryPerAgent} ordinary call(s) each, ${r.concurrency} in flight, calls held ${r.holdMs} ms, pool ${r.pool}`);
  console.log(`| register all agents | ${r.registerAllMs} ms |`);
  console.log(`| emergency calls completed / placed (with a callback number) | ${r.emergencyCalls.completed} / ${r.emergencyCalls.placed} (${r.emergencyCalls.withNumber}) |`);
  console.log(`| ordinary calls completed / placed | ${r.ordinaryCalls.completed} / ${r.ordinaryCalls.placed} |`);
  console.log(`| INVITE → 180 carrying the callback number, p50 / p95 / max | ${r.assignMs.p50} / ${r.assignMs.p95} / ${r.assignMs.max} ms |`);
  console.log(`| ordinary INVITE → 180, p50 / p95 | ${r.ordinaryRingMs.p50} / ${r.ordinaryRingMs.p95} ms |`);
  console.log(`| calls per second (INVITE…BYE, ${r.concurrency} in flight) | ${r.callsPerSecond} |`);
  console.log(`| distinct numbers / handed to two agents | ${r.numbers.distinct} / ${r.numbers.handedToTwoAgents} |`);
  console.log(`| callback numbers in each node's table | ${Object.entries(r.tableItems).map(([k, v]) => `${k} ${v}`).join(", ")} |`);
  console.log(`| callbacks a node had to ask the other nodes about (replication gaps) | ${r.askedPeers} |`);
  console.log(`| callbacks reaching their agent | ${r.callbacks.reached} / ${r.callbacks.attempted} (p50 ${r.callbacks.ringMs.p50} ms) ${JSON.stringify(r.callbacks.failures)} |`);
  if (r.kill) {
    console.log(`| node a crashed with calls up: live calls / agents on it | ${r.kill.liveCallsAtCrash} / ${r.kill.agentsOnNode} |`);
    console.log(`| live calls ended cleanly / cut | ${r.kill.liveCallsEndedCleanly} / ${r.kill.liveCallsCut} |`);
    console.log(`| its agents registered again elsewhere, after the crash p50 / max | ${r.kill.reRegistered} (${r.kill.reRegisteredAfterCrashMs.p50} / ${r.kill.reRegisteredAfterCrashMs.max} ms) |`);
    if (r.kill.reRegisterErrors) console.log(`| re-registration attempts that failed first | ${r.kill.reRegisterErrors.length}: ${[...new Set(r.kill.reRegisterErrors)].join("; ")} |`);
    console.log(`| callbacks reaching their agent after that | ${r.kill.callbacksAfter.reached} / ${r.kill.callbacksAfter.attempted} ${JSON.stringify(r.kill.callbacksAfter.failures)} |`);
    console.log(`| callback numbers still in the survivor's table | ${r.kill.survivorTable} |`);
  }
}
if (CHECK) {
  const r = results;
  const problems = [];
  if (r.emergencyCalls.withNumber !== r.emergencyCalls.placed) problems.push("emergency calls without a callback number");
  if (r.emergencyCalls.completed !== r.emergencyCalls.placed || r.ordinaryCalls.completed !== r.ordinaryCalls.placed) problems.push("calls that did not complete");
  if (r.numbers.handedToTwoAgents !== 0) problems.push("a number handed to two agents");
  if (r.callbacks.reached !== r.callbacks.attempted) problems.push("callbacks that did not reach their agent");
  if (r.kill && r.kill.callbacksAfter.reached !== r.kill.callbacksAfter.attempted) problems.push("callbacks lost after the crash");
  if (problems.length) {
    console.error(`load.mjs --check: ${problems.join("; ")}`);
    process.exit(1);
  }
}
process.exit(0);
