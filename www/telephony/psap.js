// Emergency-service (PSAP) console — and, with ?user=customer, the customer's phone.
// Built on the same adapter as the agent side (agent-dialer/sip, www/pkg/sip-adapter.js).
//
// Query parameters:
//   ws=wss://127.0.0.1:PORT  SIP WebSocket server (default: the page server's /config.json)
//   user=psap|customer|...   user to register (default psap); its SIP credentials come from the
//                            page server's /credentials (the stand-in for a backend)
//   autoanswer=1             answer incoming calls automatically
//   iceDropGraceMs=N         passed to the adapter
//
// Everything shown from the network is set with textContent (never innerHTML).
//
// window.psap (for tests and the console):
//   ready                 Promise, resolves when registered
//   state                 "registering" | "idle" | "ringing" | "connected" | "ended" | "error"
//   callId                current (or last) call id
//   lastInvite            snapshot of the last incoming call: { callId, from, to, dialedNumber,
//                         emergency, headers, callbackNumber (X-Callback-Number), pidfLo (the
//                         XML), location (parsed PIDF-LO: { entity, locations, errors }) }
//   events                every CallEvent the adapter emitted, in order
//   tonesHeard            DTMF digits heard in the current call's audio
//   answer(options?)      answer the ringing call ({ extraHeaders } for tests)
//   drop(mode)            drop the current call: "bye" (BYE + Reason: Q.850;cause=41, default)
//                         or "media" (stop media without SIP)
//   hangUp()              ordinary hang-up (plain BYE / reject)
//   callBack(number?)     call the caller's callback number (default: from the last INVITE)
//   stats()               Promise of { iceConnectionState, packetsReceived, ... } for the call
//   call()                getCall(callId) snapshot

import { createSipCalling } from "../pkg/sip-adapter.js";
import { backendCredentials, sipServerUrl } from "./host-kit.js";
import { detectDtmf } from "./dtmf-detector.js";
import { parsePidfLo } from "./pidf-view.js";

const params = new URLSearchParams(location.search);
const server = await sipServerUrl(params);
const rawUser = params.get("user") || "psap";
const user = /^[a-z][a-z0-9._-]{0,31}$/.test(rawUser) ? rawUser : "psap";
const autoAnswer = params.get("autoanswer") === "1";
const grace = Number(params.get("iceDropGraceMs"));

const $ = (id) => document.getElementById(id);
const title = user === "psap" ? "Emergency service (PSAP) console" : user === "customer" ? "Customer phone" : `Phone: ${user}`;
document.title = title;
$("title").textContent = title;
$("user").textContent = `sip:${user}@127.0.0.1 via ${server}`;
document.body.dataset.role = user === "psap" ? "psap" : "phone";

const adapter = createSipCalling({
  server,
  aor: `sip:${user}@127.0.0.1`,
  displayName: user === "psap" ? "PSAP" : user,
  credentials: backendCredentials(user),
  iceDropGraceMs: Number.isFinite(grace) && grace > 0 ? grace : undefined,
  fallbackAudio: "tone", // no microphone: the other side hears a quiet tone
});
adapter.onStatus((s) => {
  $("sip").textContent = s.state + (s.lastError && !s.registered ? ` (${s.lastError})` : "");
});

let state = "registering";
let callId;
let lastInviteId;
const events = [];

function setState(s) {
  state = s;
  $("state").textContent = s;
}

function log(text) {
  const li = document.createElement("li");
  li.textContent = `${new Date().toISOString().slice(11, 23)} ${text}`;
  $("log").prepend(li);
}

function row(tbody, k, v) {
  const tr = document.createElement("tr");
  const th = document.createElement("th");
  const td = document.createElement("td");
  th.textContent = k;
  td.textContent = String(v);
  tr.append(th, td);
  tbody.append(tr);
}

/** RFC 5139 civic element names, for the dispatcher. */
const CIVIC_LABELS = {
  country: "Country", A1: "State / province", A2: "County", A3: "City", A4: "City division", A5: "Neighbourhood",
  A6: "Street group", PRD: "Street direction", POD: "Street post-direction", RD: "Road", STS: "Street suffix",
  HNO: "House number", HNS: "House number suffix", LMK: "Landmark", LOC: "Additional location", FLR: "Floor",
  NAM: "Name", PC: "Postal code", BLD: "Building", UNIT: "Unit", ROOM: "Room", SEAT: "Seat", PLC: "Place type",
};

/** The PIDF-LO of an INVITE, parsed (or { error }). */
function locationOf(info) {
  if (!info.pidfLo) return undefined;
  try {
    return parsePidfLo(info.pidfLo);
  } catch (e) {
    return { error: String(e.message), locations: [], errors: [] };
  }
}

function showInvite(info) {
  const where = locationOf(info);
  const loc = $("location");
  loc.replaceChildren();
  if (!where) row(loc, "Location", info.bodyError ? `unreadable body: ${info.bodyError}` : "none sent");
  else if (where.error) row(loc, "Location", `invalid PIDF-LO: ${where.error}`);
  else {
    for (const l of where.locations) {
      if (l.kind === "geodetic") {
        row(loc, "Position (WGS 84)", `${l.latitude}, ${l.longitude}`);
        if (l.radiusMeters !== undefined) row(loc, "Uncertainty radius (m)", l.radiusMeters);
      } else {
        for (const [k, v] of Object.entries(l.civic)) row(loc, CIVIC_LABELS[k] ? `${CIVIC_LABELS[k]} (${k})` : k, v);
      }
    }
    for (const e of where.errors) row(loc, "PIDF-LO problem", e);
  }
  const tbody = $("headers");
  tbody.replaceChildren();
  const rows = [
    ["From", info.from],
    ["To", info.to],
    ["Dialed number", info.dialedNumber ?? ""],
    ["Emergency", String(info.emergency)],
    ["Callback number", info.headers["X-Callback-Number"] ?? ""],
  ];
  for (const [k, v] of [...rows, ...Object.entries(info.headers).map(([k, v]) => [`header ${k}`, v])]) row(tbody, k, v);
  const cb = info.headers["X-Callback-Number"];
  if (cb) $("callback").value = cb;
}

let tonesHeard = "";
let stopDetector;
function listenForTones(id) {
  if (stopDetector) stopDetector();
  tonesHeard = "";
  $("tones").textContent = "";
  const stream = adapter.getRemoteStream(id);
  if (!stream || stream.getAudioTracks().length === 0) return;
  const stopping = detectDtmf(
    stream,
    (key) => {
      tonesHeard += key;
      $("tones").textContent = tonesHeard;
    },
    new URL("/telephony/dtmf-worklet.js", location.href),
  ).catch((e) => {
    log(`DTMF detector unavailable: ${e.message}`);
    return () => {};
  });
  stopDetector = () => stopping.then((stop) => stop());
}

adapter.subscribe((ev) => {
  events.push(ev);
  log(`${ev.type} ${JSON.stringify(ev)}`);
  switch (ev.type) {
    case "incoming":
      callId = ev.callId;
      lastInviteId = ev.callId;
      setState("ringing");
      showInvite(adapter.getCall(ev.callId));
      if (autoAnswer) api.answer().catch((e) => log(`answer failed: ${e.message}`));
      break;
    case "ringing":
      setState("ringing");
      break;
    case "connected":
      if (ev.callId === callId) {
        setState("connected");
        listenForTones(ev.callId);
      }
      break;
    case "ended":
      if (ev.callId === callId) {
        setState("ended");
        if (stopDetector) stopDetector();
        stopDetector = undefined;
      }
      break;
    default:
      break;
  }
});

const api = {
  adapter,
  ready: adapter.ready.then(
    () => {
      setState("idle");
      log("registered");
    },
    (e) => {
      setState("error");
      log(`registration failed: ${e.message}`);
      throw e;
    },
  ),
  get state() {
    return state;
  },
  get callId() {
    return callId;
  },
  get lastInvite() {
    if (!lastInviteId) return undefined;
    const info = adapter.getCall(lastInviteId);
    return info && { ...info, callbackNumber: info.headers["X-Callback-Number"], location: locationOf(info) };
  },
  events,
  get tonesHeard() {
    return tonesHeard;
  },
  async answer(options) {
    if (!callId) throw new Error("no call");
    await adapter.answer(callId, options);
  },
  async drop(mode = "bye") {
    if (!callId) throw new Error("no call");
    await adapter.drop(callId, { mode });
  },
  async hangUp() {
    if (!callId) throw new Error("no call");
    await adapter.hangUp(callId);
  },
  async callBack(number) {
    const target = number || $("callback").value.trim() || api.lastInvite?.callbackNumber;
    if (!target) throw new Error("no callback number");
    const { callId: id } = await adapter.dial({ number: target, dialed: target, emergency: false, record: false });
    callId = id;
    setState("calling");
    log(`calling back ${target}`);
    return { callId: id };
  },
  stats() {
    return callId ? adapter.getStats(callId) : Promise.resolve(undefined);
  },
  call() {
    return callId ? adapter.getCall(callId) : undefined;
  },
};
window.psap = api;

$("answer").addEventListener("click", () => api.answer().catch((e) => log(e.message)));
$("drop").addEventListener("click", () => api.drop().catch((e) => log(e.message)));
$("hangup").addEventListener("click", () => api.hangUp().catch((e) => log(e.message)));
$("callbackBtn").addEventListener("click", () => api.callBack().catch((e) => log(e.message)));
