// The telephony test stack shared by the SIP end-to-end files: Kamailio + the page server
// (scripts/telephony/start.sh; a loopback-only network namespace of its own unless this process
// already runs in one) and a Chromium with fake media in the same namespace that trusts the
// stack's test certificate (that one key). Every step is bounded in time.
import { execFileSync, spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { issueCredentials } from "../../../scripts/telephony/credentials.mjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
export const SCRIPTS = path.join(ROOT, "scripts/telephony");

/** `KEY=value` lines printed by start.sh → an object. */
function parseEnv(stdout) {
  return Object.fromEntries(stdout.trim().split("\n").map((l) => [l.slice(0, l.indexOf("=")), l.slice(l.indexOf("=") + 1)]));
}

/** True when this process runs in a network namespace whose only interface is lo. */
export function inLoopbackNamespace() {
  const r = spawnSync("ip", ["-o", "link"], { encoding: "utf8", timeout: 5000 });
  return r.status === 0 && r.stdout.trim().split("\n").length === 1 && /: lo:/.test(r.stdout);
}

/** Builds the page bundles once per process. */
let built = false;
export function buildBundles() {
  if (built) return;
  execFileSync(path.join(SCRIPTS, "build.sh"), { stdio: "inherit", timeout: 60_000 });
  built = true;
}

/**
 * Builds the bundles and starts a stack (start.sh) with `extraEnv` (CALLBACK_TTL, CALLBACK_POOL,
 * TELEPHONY_START_KAMAILIO, ...). In a lo-only namespace already (scripts/telephony/run-in-netns.sh)
 * it starts there, so this process can also speak SIP to it; otherwise in a namespace of its own.
 * Returns the TELEPHONY_* env of the stack.
 */
export function startStack(extraEnv = {}, { maxSeconds = 150 } = {}) {
  buildBundles();
  const r = spawnSync(path.join(SCRIPTS, "start.sh"), inLoopbackNamespace() ? [] : ["--netns"], {
    encoding: "utf8",
    timeout: 30_000,
    env: { ...process.env, TELEPHONY_MAX_SECONDS: String(maxSeconds), ...extraEnv },
  });
  if (r.status !== 0) throw new Error(`start.sh failed (${r.status}): ${r.stderr}`);
  if (r.stderr.trim()) console.error(r.stderr.trim());
  return parseEnv(r.stdout);
}

/** Whether this process shares the stack's network (node-side SIP clients can reach it). */
export function reachable(env) {
  return !env.TELEPHONY_NETNS_PID;
}

/** Stops a stack (no-op without a state directory). */
export function stopStack(env) {
  if (!env?.TELEPHONY_STATE) return;
  const keep = process.env.TELEPHONY_KEEP_LOGS ? ["--keep-logs"] : [];
  spawnSync(path.join(SCRIPTS, "stop.sh"), [env.TELEPHONY_STATE, ...keep], { timeout: 15_000 });
  if (keep.length) console.error(`telephony logs kept in ${env.TELEPHONY_STATE}`);
}

/**
 * scripts/telephony/node.sh CMD STATE NAME ... (start / stop / restart a Kamailio node).
 * Returns what it printed (start, restart: the node's port).
 */
export function nodeCtl(env, cmd, name, ...args) {
  const r = spawnSync(path.join(SCRIPTS, "node.sh"), [cmd, env.TELEPHONY_STATE, name, ...args], { encoding: "utf8", timeout: 20_000 });
  if (r.status !== 0) throw new Error(`node.sh ${cmd} ${name} failed (${r.status}): ${r.stderr}`);
  return r.stdout.trim();
}

/** A free TCP port on `host` (in this process's network namespace). */
export function freePort(host = "127.0.0.1") {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once("error", reject);
    s.listen(0, host, () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

/**
 * A cluster of `nodes` Kamailio nodes in the stack (WITH_CLUSTER): node i on 127.0.0.(2+i), all
 * on the same wss port, node-to-node SIP/DMQ on one internal port, each with its share of the
 * callback pool. Needs this process in the stack's namespace. Returns
 * [{ name, addr, url (wss://addr:port) }] (names a, b, c, ...).
 */
export async function startCluster(env, { nodes = 2, pool = 100, ttl = 3600, extra = [] } = {}) {
  const addrs = Array.from({ length: nodes }, (_, i) => `127.0.0.${2 + i}`);
  const internal = await freePort(addrs[0]);
  const peersRe = `^127\\.0\\.0\\.(${addrs.map((a) => a.split(".")[3]).join("|")})$`;
  let port = 0;
  const out = [];
  for (const [i, addr] of addrs.entries()) {
    const name = String.fromCharCode(97 + i);
    const peers = addrs.filter((a) => a !== addr);
    const args = [
      "-A", "WITH_CLUSTER", "-A", `INTERNAL_PORT=${internal}`, "-A", `CLUSTER_RE="${peersRe}"`,
      "-A", `DMQ_SERVER="sip:${addr}:${internal};transport=tcp"`,
      "-A", `DMQ_NOTIFY="sip:${peers[0]}:${internal};transport=tcp"`,
      ...(peers[1] ? ["-A", `DMQ_NOTIFY2="sip:${peers[1]}:${internal};transport=tcp"`] : []),
      "-A", `NODE_INDEX=${i}`, "-A", `NODE_COUNT=${nodes}`, "-A", `CALLBACK_POOL=${pool}`, "-A", `CALLBACK_TTL=${ttl}`,
      ...addrs.flatMap((a, j) => ["-A", `NODE_ADDR_${j}="sip:${a}:${internal};transport=tcp"`]),
      ...extra,
    ];
    port = Number(nodeCtl(env, "start", name, addr, String(port), ...args));
    out.push({ name, addr, url: `wss://${addr}:${port}` });
  }
  return out;
}

/** Credentials as the host's backend issues them, signed with the stack's secret. */
export function credentialsFor(env, user, ttlSeconds = 3600, now = Date.now()) {
  return issueCredentials(readFileSync(env.TELEPHONY_SECRET_FILE, "utf8").trim(), user, ttlSeconds, now);
}

/**
 * Headless Chromium with fake audio devices, inside the stack's namespace. It trusts the stack's
 * server key and nothing else (--ignore-certificate-errors-spki-list: that one key's SPKI hash).
 */
export function launchMediaBrowser(env) {
  const inNs = Boolean(env.TELEPHONY_NETNS_PID);
  return chromium.launch({
    executablePath: inNs ? path.join(SCRIPTS, "chromium-netns.sh") : process.env.CHROMIUM ?? "/usr/bin/chromium",
    env: { ...process.env, TELEPHONY_NETNS_PID: env.TELEPHONY_NETNS_PID || "" },
    headless: true,
    timeout: 20_000,
    args: [
      "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
      "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
      "--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream",
      // Without this WebRTC gathers no loopback candidates and media never connects.
      "--allow-loopback-in-peer-connection", "--autoplay-policy=no-user-gesture-required",
      ...(env.TELEPHONY_SPKI ? [`--ignore-certificate-errors-spki-list=${env.TELEPHONY_SPKI}`] : []),
    ],
  });
}

/** Polls `fn` (→ { ok, value }) every 50 ms until ok, or throws after `timeout` ms. */
export async function poll(fn, what, timeout = 10_000) {
  const deadline = Date.now() + timeout;
  let last;
  for (;;) {
    last = await fn();
    if (last.ok) return last.value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(last.value)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** page.waitForFunction with a clear message. */
export function waitFor(page, fn, arg, what, timeout = 10_000) {
  return page.waitForFunction(fn, arg, { timeout, polling: 50 }).catch((e) => {
    throw new Error(`timed out waiting for ${what}: ${e.message.split("\n")[0]}`);
  });
}
