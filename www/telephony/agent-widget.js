// The agent-dialer widget mounted on real telephony: `calling` is the reference SIP adapter
// (registered as sip:agent@127.0.0.1), the other bindings are recorded mocks.
// External module (no inline script): the page runs under a CSP with
// script-src 'self' 'wasm-unsafe-eval'.
//
// Query parameters:
//   ws=wss://127.0.0.1:PORT  SIP WebSocket server (default wss://127.0.0.1:5443); the SIP
//                            credentials come from the page server's /credentials (the stand-in
//                            for the host's backend)
//   presence=STATUS          the host's presence when the page opens (default "available")
//   iceDropGraceMs=N         passed to the adapter
//   position=LAT,LON,ACC     a fixed position instead of the region US
//   civic=text               no structured site address: the PSAP gets the widget's text as LOC
//
// window.agentWidget (for tests and the console):
//   ready        Promise: SIP registered and the widget mounted
//   adapter      the raw adapter (getStats, getCall, ...)
//   log          every host binding call and adapter event, in order: { at, binding, args }
//   calls(name)  the log entries of one binding, e.g. calls("activity.record")
//   widgetEvents every dialer:* DOM event: { type, detail }
//   presence     the host's current presence; setPresence(s) = the agent uses the host's menu
// window.dialer: the widget's DialerHandle.

import init, { mount } from "/agent-dialer.js";
import { createSipCalling } from "./dist/sip-adapter.js";
import { SITE_ADDRESS, backendCredentials, recordedCalling, sipServerUrl } from "./host-kit.js";

const params = new URLSearchParams(location.search);
const server = await sipServerUrl(params);
const grace = Number(params.get("iceDropGraceMs"));
const rawPresence = params.get("presence") || "available";
let presence = /^[a-z-]{1,20}$/.test(rawPresence) ? rawPresence : "available";

const $ = (id) => document.getElementById(id);
const log = [];
const widgetEvents = [];

function record(binding, args) {
  const entry = { at: Date.now(), binding, args: JSON.parse(JSON.stringify(args ?? [])) };
  log.push(entry);
  const li = document.createElement("li");
  li.textContent = `${new Date(entry.at).toISOString().slice(11, 23)} ${binding}(${entry.args.map((a) => JSON.stringify(a)).join(", ")})`;
  $("log").prepend(li);
  while ($("log").children.length > 200) $("log").lastElementChild.remove();
}

const adapter = createSipCalling({
  server: server.includes(",") ? server.split(",") : server, // ?ws=URL1,URL2: cluster nodes
  aor: "sip:agent@127.0.0.1",
  displayName: "Alex Agent",
  credentials: backendCredentials("agent"),
  civicAddress: params.get("civic") === "text" ? undefined : SITE_ADDRESS,
  iceDropGraceMs: Number.isFinite(grace) && grace > 0 ? grace : undefined,
});
adapter.subscribe((ev) => record("event", [ev]));

// The contract members, each call recorded, then passed to the adapter unchanged.
const calling = recordedCalling(adapter, record);

const presenceListeners = new Set();
function showPresence() {
  $("presence").textContent = presence;
}
function changePresence(status) {
  presence = status;
  showPresence();
  for (const l of [...presenceListeners]) l(status);
}
showPresence();

const host = {
  presence: {
    get() {
      record("presence.get", []);
      return presence;
    },
    set(status) {
      record("presence.set", [status]);
      changePresence(status);
    },
    subscribe(listener) {
      record("presence.subscribe", []);
      presenceListeners.add(listener);
      return () => presenceListeners.delete(listener);
    },
  },
  calling,
  notification: {
    sendEmail(message) {
      record("notification.sendEmail", [message]);
    },
  },
  conversation: {
    setEmergencyMode(active) {
      record("conversation.setEmergencyMode", [active]);
    },
  },
  activity: {
    record(entry) {
      record("activity.record", [entry]);
    },
  },
};

// ?position=LAT,LON,ACCURACY: a fixed position (the PSAP gets a geodetic circle); default: the
// region only (no coordinates: the PSAP gets the civic address alone).
const pos = (params.get("position") || "").split(",").map(Number);
const locationOverride =
  pos.length === 3 && pos.every(Number.isFinite) ? { latitude: pos[0], longitude: pos[1], accuracyMeters: pos[2] } : { region: "US" };

const config = {
  agent: { id: "agent", name: "Alex Agent" },
  locale: "en-US",
  emergency: {
    locationOverride,
    recipients: "safety@acme.example",
    civicAddress: "Acme HQ, 100 Main St, Floor 3, Room 301, Springfield",
  },
  readiness: { voiceOutboundProfile: true, mailboxEnabled: true, numberType: "calling-plan" },
};

const element = $("dialer");
for (const name of ["dialer:emergency-started", "dialer:emergency-connected", "dialer:emergency-ended",
  "dialer:callback-window", "dialer:notification", "dialer:readiness", "dialer:error"]) {
  element.addEventListener(name, (e) => {
    widgetEvents.push({ type: name, detail: JSON.parse(JSON.stringify(e.detail ?? null)) });
    record("widget", [name, e.detail]);
  });
}

const registered = adapter.ready.then(
  () => {
    $("sip").textContent = "registered as sip:agent@127.0.0.1";
  },
  (e) => {
    $("sip").textContent = `registration failed: ${e.message}`;
    throw e;
  },
);

const mounted = (async () => {
  await init({ module_or_path: "/agent-dialer_bg.wasm" });
  window.dialer = mount(element, host, config);
  document.documentElement.dataset.dialerReady = "true";
})();

window.agentWidget = {
  ready: Promise.all([registered, mounted]).then(() => undefined),
  adapter,
  host,
  log,
  widgetEvents,
  calls: (binding) => log.filter((e) => e.binding === binding),
  get presence() {
    return presence;
  },
  setPresence(status) {
    record("host.presence", [status]);
    changePresence(status);
  },
};
