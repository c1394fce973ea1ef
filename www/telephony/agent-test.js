// Plain agent page for the telephony end-to-end test: the adapter only, no widget.
// Query: ws=wss://127.0.0.1:PORT, user=agent, iceDropGraceMs=N, credentials=0 (no credentials),
// connectWaitMs=N, ttl=N (lifetime of the credentials it fetches, s).
// window.agent = { calling, ready, events, statuses }
//   events: every CallEvent in order (with `at` ms); statuses: every connection status

import { createSipCalling } from "../pkg/sip-adapter.js";
import { backendCredentials, sipServerUrl } from "./host-kit.js";

const params = new URLSearchParams(location.search);
const server = await sipServerUrl(params);
const rawUser = params.get("user") || "agent";
const user = /^[a-z][a-z0-9._-]{0,31}$/.test(rawUser) ? rawUser : "agent";
const numberParam = (name) => {
  const n = Number(params.get(name));
  return Number.isFinite(n) && n > 0 ? n : undefined;
};
const ttl = numberParam("ttl");
const fetches = [];

const calling = createSipCalling({
  // ?ws=URL1,URL2: cluster nodes in order of preference.
  server: server.includes(",") ? server.split(",") : server,
  aor: `sip:${user}@127.0.0.1`,
  credentials:
    params.get("credentials") === "0"
      ? undefined
      : backendCredentials(user, { ttl, onFetch: () => fetches.push(Date.now()) }),
  iceDropGraceMs: numberParam("iceDropGraceMs"),
  connectWaitMs: numberParam("connectWaitMs"),
  reconnectMaxMs: numberParam("reconnectMaxMs"),
});
const events = [];
const statuses = [];
const log = document.getElementById("log");
calling.subscribe((ev) => {
  events.push({ ...ev, at: performance.now() });
  const li = document.createElement("li");
  li.textContent = JSON.stringify(ev);
  log.append(li);
});
calling.onStatus((s) => {
  statuses.push({ ...s, at: performance.now() });
  document.getElementById("state").textContent = s.state;
});
window.agent = { calling, ready: calling.ready, events, statuses, fetches };
