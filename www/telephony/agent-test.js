// Plain agent page for the telephony end-to-end test: the reference adapter only, no widget.
// Query: ws=ws://127.0.0.1:PORT, user=agent, iceDropGraceMs=N.
// window.agent = { calling, ready, events }  (events: every CallEvent in order, with `at` ms)

import { createSipCalling } from "./sip-adapter.js";

const params = new URLSearchParams(location.search);
const server = params.get("ws") || "ws://127.0.0.1:5080";
const rawUser = params.get("user") || "agent";
const user = /^[a-z][a-z0-9._-]{0,31}$/.test(rawUser) ? rawUser : "agent";
const grace = Number(params.get("iceDropGraceMs"));

const calling = createSipCalling({
  server,
  aor: `sip:${user}@127.0.0.1`,
  iceDropGraceMs: Number.isFinite(grace) && grace > 0 ? grace : undefined,
});
const events = [];
const log = document.getElementById("log");
calling.subscribe((ev) => {
  events.push({ ...ev, at: performance.now() });
  const li = document.createElement("li");
  li.textContent = JSON.stringify(ev);
  log.append(li);
});
const ready = calling.ready.then(() => {
  document.getElementById("state").textContent = "registered";
});
window.agent = { calling, ready, events };
