// The telephony test stack shared by the SIP end-to-end files: Kamailio + the page server
// (scripts/telephony/start.sh, in a loopback-only network namespace when possible) and a
// Chromium with fake media that joins that namespace. Every step is bounded in time.
import { execFileSync, spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
export const SCRIPTS = path.join(ROOT, "scripts/telephony");

/** `KEY=value` lines printed by start.sh → an object. */
function parseEnv(stdout) {
  return Object.fromEntries(stdout.trim().split("\n").map((l) => [l.slice(0, l.indexOf("=")), l.slice(l.indexOf("=") + 1)]));
}

/**
 * Builds the adapter bundles and starts the stack, unless run-in-netns.sh already started it
 * around us. Returns `{ env, startedHere }`; env has TELEPHONY_WS_URL, TELEPHONY_HTTP_URL and,
 * when this process started it, TELEPHONY_STATE (and TELEPHONY_NETNS_PID in a namespace).
 */
export function startStack() {
  execFileSync(path.join(SCRIPTS, "build.sh"), { stdio: "inherit", timeout: 60_000 });
  if (process.env.TELEPHONY_WS_URL && process.env.TELEPHONY_HTTP_URL) {
    return { env: { ...process.env }, startedHere: false };
  }
  const r = spawnSync(path.join(SCRIPTS, "start.sh"), ["--netns"], {
    encoding: "utf8",
    timeout: 30_000,
    env: { ...process.env, TELEPHONY_MAX_SECONDS: "120" },
  });
  if (r.status !== 0) throw new Error(`start.sh failed (${r.status}): ${r.stderr}`);
  if (r.stderr.trim()) console.error(r.stderr.trim());
  return { env: parseEnv(r.stdout), startedHere: true };
}

/** A second Kamailio + page server in the same network namespace as `env`'s. */
export function startSecondStack(env, extraEnv) {
  const script = path.join(SCRIPTS, "start.sh");
  const [cmd, args] = env.TELEPHONY_NETNS_PID
    ? ["nsenter", [`--net=/proc/${env.TELEPHONY_NETNS_PID}/ns/net`, "--", script]]
    : [script, []];
  const r = spawnSync(cmd, args, {
    encoding: "utf8",
    timeout: 30_000,
    env: { ...process.env, TELEPHONY_MAX_SECONDS: "60", ...extraEnv },
  });
  if (r.status !== 0) throw new Error(`start.sh failed (${r.status}): ${r.stderr}`);
  return parseEnv(r.stdout);
}

/** Stops a stack this process started (no-op without a state directory). */
export function stopStack(env) {
  if (env?.TELEPHONY_STATE) spawnSync(path.join(SCRIPTS, "stop.sh"), [env.TELEPHONY_STATE], { timeout: 15_000 });
}

/** Headless Chromium with fake audio devices, inside the stack's namespace when there is one. */
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
    ],
  });
}
