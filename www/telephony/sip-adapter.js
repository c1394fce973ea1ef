// agent-dialer reference host adapter: the HOST_CONTRACT `calling` binding over SIP on
// WebSocket (sip.js 0.21) with WebRTC audio.
//
//   import { createSipCalling } from "./sip-adapter.js";   // or dist/sip-adapter.js (bundled)
//   const calling = createSipCalling({ server: "ws://127.0.0.1:5080", aor: "sip:agent@127.0.0.1" });
//   mount(element, { presence, calling, ... }, config);
//
// Contract members: dial, hangUp, answer, hold, mute, sendDtmf, subscribe.
// Optional extras (not in HOST_CONTRACT v1): ready, registered, getStats, getCall, drop, stop.
//
// Signalling conventions (documented in www/telephony/README.md):
//  * dial(request) sends INVITE sip:<number>@<domain> with
//      X-Dialed-Number: <number>          X-Emergency: true|false
//      X-Location: geo:<lat>,<lon>;u=<accuracy m>   (RFC 5870 geo URI, when location known)
//      X-Civic-Address: <percent-encoded UTF-8>      (when civicAddress known)
//      X-Region: <ISO 3166-1 alpha-2>                (when known)
//      Priority: emergency                           (emergency calls, RFC 3261 20.26)
//  * The server announces the temporary callback number of an emergency call in
//    X-Callback-Number / X-Callback-Valid-For on the 18x/2xx replies to its INVITE -> the
//    adapter emits { type: "callback-number", callId, number, validForSeconds } once per call.
//  * A remote BYE ends the call with reason "remote", except a "drop": a BYE carrying
//    `Reason: Q.850;cause=N` with N in DROP_Q850_CAUSES (27, 38, 41, 102) or an
//    `X-Call-Dropped` header -> reason "dropped". Losing our own WebSocket during a call, or
//    ICE going "failed" / staying "disconnected" for iceDropGraceMs, is also "dropped".
//  * Failure responses (4xx/5xx/6xx, transport errors before answer) -> "failed".

import { Inviter, Registerer, RegistererState, SessionState, UserAgent } from "sip.js";

export const DROP_Q850_CAUSES = Object.freeze([27, 38, 41, 102]);
export const DROP_REASON_HEADER = 'Q.850;cause=41;text="Call dropped"';

const NUMBER_RE = /^\+?[0-9*#]{1,32}$/;
const NAME_RE = /^[a-z][a-z0-9._-]{0,31}$/;
const DTMF_RE = /^[0-9A-D#*,]{1,64}$/i;
const REGION_RE = /^[A-Z]{2}$/;
const CALLBACK_NUMBER_RE = /^\+?[0-9]{3,20}$/;
const MAX_CIVIC_LENGTH = 512;
const HEADER_LINE_RE = /^[A-Za-z0-9-]{1,64}: [^\r\n]{0,1024}$/;

/** Headers (besides every X-*) that getCall() reports for a call's initial INVITE. */
const REPORTED_HEADERS = ["From", "To", "Call-ID", "Priority", "P-Asserted-Identity", "Geolocation", "Reason"];

// ---------------------------------------------------------------------------------------------
// Pure helpers (importable in node, unit-testable).

/** The number (or user name) a dial request targets; throws on anything else. */
export function validateTarget(number) {
  if (typeof number !== "string" || !(NUMBER_RE.test(number) || NAME_RE.test(number))) {
    throw new TypeError(`calling.dial: invalid number ${JSON.stringify(String(number)).slice(0, 40)}`);
  }
  return number;
}

function finite(x, lo, hi) {
  return typeof x === "number" && Number.isFinite(x) && x >= lo && x <= hi;
}

/**
 * Header lines for a DialRequest. Location problems never block a call: an invalid location is
 * left out (the call, possibly an emergency call, still goes through).
 */
export function dialHeaders(request) {
  const headers = [
    `X-Dialed-Number: ${request.number}`,
    `X-Emergency: ${request.emergency === true ? "true" : "false"}`,
  ];
  if (request.emergency === true) headers.push("Priority: emergency");
  if (typeof request.region === "string" && REGION_RE.test(request.region)) {
    headers.push(`X-Region: ${request.region}`);
  }
  const loc = request.location;
  // Without coordinates the widget sends the confirmed civic address on its own (B3).
  const civic = loc && typeof loc === "object" && typeof loc.civicAddress === "string" ? loc.civicAddress : request.civicAddress;
  if (loc && typeof loc === "object") {
    if (finite(loc.latitude, -90, 90) && finite(loc.longitude, -180, 180)) {
      const lat = Number(loc.latitude.toFixed(7));
      const lon = Number(loc.longitude.toFixed(7));
      let geo = `geo:${lat},${lon}`;
      if (finite(loc.accuracyMeters, 0, 1e7)) geo += `;u=${Number(loc.accuracyMeters.toFixed(1))}`;
      headers.push(`X-Location: ${geo}`);
    }
  }
  if (typeof civic === "string" && civic.trim() !== "") {
    // Percent-encoding keeps CR/LF and any non-ASCII out of the SIP header.
    headers.push(`X-Civic-Address: ${encodeURIComponent(civic.trim().slice(0, MAX_CIVIC_LENGTH))}`);
  }
  return headers;
}

/** Inverse of dialHeaders' location part: `get(name)` returns a header value or undefined. */
export function parseLocationHeaders(get) {
  const out = {};
  const geo = get("X-Location");
  const m = typeof geo === "string" && /^geo:(-?\d+(?:\.\d+)?),(-?\d+(?:\.\d+)?)(?:;u=(\d+(?:\.\d+)?))?/.exec(geo.trim());
  if (m) {
    out.latitude = Number(m[1]);
    out.longitude = Number(m[2]);
    if (m[3] !== undefined) out.accuracyMeters = Number(m[3]);
  }
  const civic = get("X-Civic-Address");
  if (typeof civic === "string" && civic !== "") {
    try {
      out.civicAddress = decodeURIComponent(civic.trim());
    } catch {
      out.civicAddress = civic.trim();
    }
  }
  return Object.keys(out).length ? out : undefined;
}

/** "dropped" or "remote" for a BYE, from its Reason / X-Call-Dropped headers. */
export function byeReason(get) {
  if (get("X-Call-Dropped") !== undefined) return "dropped";
  const reason = get("Reason");
  if (typeof reason === "string") {
    for (const part of reason.split(",")) {
      const m = /^\s*Q\.850\s*;(?:.*;)?\s*cause\s*=\s*(\d+)/i.exec(part);
      if (m && DROP_Q850_CAUSES.includes(Number(m[1]))) return "dropped";
    }
  }
  return "remote";
}

/** { number, validForSeconds } from a reply's X-Callback-* headers, or undefined. */
export function callbackFromHeaders(get) {
  const number = (get("X-Callback-Number") || "").trim();
  const valid = Number((get("X-Callback-Valid-For") || "").trim());
  if (!CALLBACK_NUMBER_RE.test(number) || !Number.isInteger(valid) || valid <= 0 || valid > 86400) {
    return undefined;
  }
  return { number, validForSeconds: valid };
}

function userOf(uri) {
  try {
    return uri && typeof uri.user === "string" ? decodeURIComponent(uri.user) : "";
  } catch {
    return String(uri.user || "");
  }
}

// ---------------------------------------------------------------------------------------------

/**
 * @param {object} options
 * @param {string} options.server            ws:// or wss:// URL of the SIP WebSocket server
 * @param {string} options.aor               this agent's address of record, e.g. "sip:agent@127.0.0.1"
 * @param {string} [options.displayName]
 * @param {string} [options.domain]          domain for dialed numbers (default: the AOR's host)
 * @param {RTCIceServer[]} [options.iceServers]  default [] (loopback / host candidates only)
 * @param {boolean} [options.register]       register for incoming calls (default true)
 * @param {number} [options.registerExpires] seconds (default 300)
 * @param {number} [options.iceDropGraceMs]  ICE "disconnected" this long => dropped (default 8000)
 * @param {number} [options.iceGatheringTimeoutMs] default 1000
 * @param {"rfc4733"|"info"} [options.dtmf]  default "rfc4733" (falls back to INFO)
 * @param {boolean} [options.playRemoteAudio] default true (an <audio> element per call)
 * @param {"error"|"warn"|"log"|"debug"} [options.logLevel] sip.js log level (default "warn")
 */
export function createSipCalling(options) {
  const opts = options || {};
  if (typeof opts.server !== "string" || !/^wss?:\/\/[^\s/]+(\/\S*)?$/.test(opts.server)) {
    throw new TypeError("createSipCalling: options.server must be a ws:// or wss:// URL");
  }
  const aorUri = typeof opts.aor === "string" ? UserAgent.makeURI(opts.aor) : undefined;
  if (!aorUri || !aorUri.user) {
    throw new TypeError("createSipCalling: options.aor must be a SIP URI with a user, e.g. sip:agent@127.0.0.1");
  }
  const domain = typeof opts.domain === "string" && opts.domain ? opts.domain : aorUri.host;
  const iceDropGraceMs = Number.isFinite(opts.iceDropGraceMs) ? opts.iceDropGraceMs : 8000;
  const dtmfMode = opts.dtmf === "info" ? "info" : "rfc4733";
  const playRemoteAudio = opts.playRemoteAudio !== false;
  const mediaConstraints = { audio: true, video: false };

  const listeners = new Set();
  /** @type {Map<string, any>} */
  const calls = new Map();
  let stopped = false;

  function emit(event) {
    const frozen = Object.freeze({ ...event });
    for (const listener of [...listeners]) {
      try {
        listener(frozen);
      } catch (e) {
        // A host listener's exception must not break signalling or other listeners.
        setTimeout(() => {
          throw e;
        });
      }
    }
  }

  const userAgent = new UserAgent({
    uri: aorUri,
    displayName: opts.displayName,
    transportOptions: { server: opts.server, connectionTimeout: 5, keepAliveInterval: 0 },
    logLevel: opts.logLevel || "warn",
    userAgentString: "agent-dialer-sip-adapter",
    sessionDescriptionHandlerFactoryOptions: {
      peerConnectionConfiguration: { iceServers: Array.isArray(opts.iceServers) ? opts.iceServers : [] },
      iceGatheringTimeout: Number.isFinite(opts.iceGatheringTimeoutMs) ? opts.iceGatheringTimeoutMs : 1000,
    },
    delegate: {
      onInvite: (invitation) => onIncoming(invitation),
      onDisconnect: (error) => {
        if (!error) return; // orderly stop()
        // Our transport is gone: every live call is dropped (its media may linger; end it).
        for (const call of calls.values()) {
          if (!call.ended) {
            setReason(call, "dropped");
            finish(call);
            try {
              call.session.dispose();
            } catch {
              /* already gone */
            }
          }
        }
        scheduleReconnect();
      },
    },
  });

  const registerer = new Registerer(userAgent, {
    expires: Number.isFinite(opts.registerExpires) ? opts.registerExpires : 300,
  });
  let registered = false;
  registerer.stateChange.addListener((s) => {
    registered = s === RegistererState.Registered;
  });

  const started = userAgent.start();
  const ready = started.then(async () => {
    if (opts.register === false) return;
    await new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error("SIP registration timed out")), 10000);
      registerer
        .register({
          requestDelegate: {
            onAccept: () => {
              clearTimeout(timer);
              resolve();
            },
            onReject: (r) => {
              clearTimeout(timer);
              reject(new Error(`SIP registration rejected: ${r.message.statusCode} ${r.message.reasonPhrase}`));
            },
          },
        })
        .catch((e) => {
          clearTimeout(timer);
          reject(e);
        });
    });
  });
  ready.catch(() => {}); // callers observe it through dial() or adapter.ready

  let reconnectAttempts = 0;
  function scheduleReconnect() {
    if (stopped || reconnectAttempts >= 5) return;
    reconnectAttempts += 1;
    setTimeout(async () => {
      if (stopped) return;
      try {
        await userAgent.reconnect();
        reconnectAttempts = 0;
        if (opts.register !== false) await registerer.register();
      } catch {
        scheduleReconnect();
      }
    }, 1000 * reconnectAttempts);
  }

  // --- call bookkeeping -----------------------------------------------------------------------

  function newCall(callId, session, direction, extra) {
    const call = {
      callId,
      session,
      direction,
      state: direction === "outbound" ? "calling" : "incoming",
      ended: false,
      reason: undefined,
      muted: false,
      held: false,
      ringing: false,
      callbackNumber: undefined,
      headers: {},
      startedAt: Date.now(),
      connectedAt: undefined,
      iceConnectedAt: undefined,
      endedAt: undefined,
      audio: undefined,
      iceTimer: undefined,
      pc: undefined,
      ...extra,
    };
    calls.set(callId, call);
    session.delegate = {
      onBye: (bye) => {
        const get = (n) => bye.request.getHeader(n);
        setReason(call, byeReason(get));
        call.byeReasonHeader = get("Reason");
        bye.accept().catch(() => {});
      },
      onSessionDescriptionHandler: (sdh) => watchPeerConnection(call, sdh),
      onInfo: (info) => {
        info.accept().catch(() => {});
      },
    };
    session.stateChange.addListener((state) => {
      if (state === SessionState.Established && !call.ended && !call.connectedAt) {
        call.connectedAt = Date.now();
        call.state = "connected";
        attachMedia(call);
        emit({ type: "connected", callId });
      } else if (state === SessionState.Terminated) {
        if (!call.reason) {
          setReason(call, call.connectedAt ? "remote" : direction === "outbound" ? "failed" : "remote");
        }
        finish(call);
      }
    });
    return call;
  }

  function setReason(call, reason) {
    if (!call.reason) call.reason = reason;
  }

  function finish(call) {
    if (call.ended) return;
    call.ended = true;
    call.state = "ended";
    call.endedAt = Date.now();
    clearTimeout(call.iceTimer);
    if (call.audio) {
      call.audio.srcObject = null;
      call.audio = undefined;
    }
    emit({ type: "ended", callId: call.callId, reason: call.reason || "failed" });
  }

  function watchPeerConnection(call, sdh) {
    const pc = sdh && sdh.peerConnection;
    if (!pc || call.pc === pc) return;
    call.pc = pc;
    pc.addEventListener("iceconnectionstatechange", () => {
      const s = pc.iceConnectionState;
      if ((s === "connected" || s === "completed") && !call.iceConnectedAt) call.iceConnectedAt = Date.now();
      if (s === "connected" || s === "completed") {
        clearTimeout(call.iceTimer);
        call.iceTimer = undefined;
      } else if (s === "failed" && call.connectedAt) {
        dropForMedia(call);
      } else if (s === "disconnected" && call.connectedAt && !call.iceTimer) {
        call.iceTimer = setTimeout(() => dropForMedia(call), iceDropGraceMs);
      }
    });
  }

  function dropForMedia(call) {
    if (call.ended) return;
    setReason(call, "dropped");
    const session = call.session;
    if (session.state === SessionState.Established) {
      session.bye({ requestOptions: { extraHeaders: [`Reason: ${DROP_REASON_HEADER}`] } }).catch(() => {});
    }
    finish(call);
  }

  function attachMedia(call) {
    const sdh = call.session.sessionDescriptionHandler;
    if (!sdh) return;
    watchPeerConnection(call, sdh);
    if (playRemoteAudio && typeof Audio === "function" && sdh.remoteMediaStream) {
      const audio = new Audio();
      audio.autoplay = true;
      audio.srcObject = sdh.remoteMediaStream;
      audio.play().catch(() => {}); // autoplay policy: media still flows, only playback waits
      call.audio = audio;
    }
    applyTrackState(call);
  }

  function applyTrackState(call) {
    const pc = call.pc;
    if (!pc) return;
    for (const sender of pc.getSenders()) {
      if (sender.track) sender.track.enabled = !call.muted && !call.held;
    }
    for (const receiver of pc.getReceivers()) {
      if (receiver.track) receiver.track.enabled = !call.held;
    }
  }

  function noteCallback(call, message) {
    // Only for calls the host dialed as emergency calls: a callback number makes the widget
    // answer calls to it ahead of everything (E4), so it is never taken from any other reply.
    if (call.callbackNumber || call.emergency !== true) return;
    const cb = callbackFromHeaders((n) => message.getHeader(n));
    if (!cb) return;
    call.callbackNumber = cb.number;
    call.callbackValidFor = cb.validForSeconds;
    emit({ type: "callback-number", callId: call.callId, number: cb.number, validForSeconds: cb.validForSeconds });
  }

  function collectHeaders(message) {
    const out = {};
    for (const name of Object.keys(message.headers || {})) {
      if (/^x-/i.test(name) || REPORTED_HEADERS.some((h) => h.toLowerCase() === name.toLowerCase())) {
        out[name] = message.getHeader(name);
      }
    }
    return out;
  }

  function getLive(callId, what) {
    const call = typeof callId === "string" ? calls.get(callId) : undefined;
    if (!call) throw new Error(`calling.${what}: unknown call ${String(callId).slice(0, 80)}`);
    return call;
  }

  // --- incoming -------------------------------------------------------------------------------

  function onIncoming(invitation) {
    const req = invitation.request;
    const callId = req.callId;
    if (calls.has(callId)) {
      invitation.reject({ statusCode: 482 }).catch(() => {});
      return;
    }
    const from = userOf(invitation.remoteIdentity.uri);
    const to = userOf(req.to.uri);
    newCall(callId, invitation, "inbound", { from, to, headers: collectHeaders(req) });
    // 180 Ringing so the caller's adapter can report "ringing".
    invitation.progress().catch(() => {});
    emit({ type: "incoming", callId, from, to });
  }

  // --- the contract ---------------------------------------------------------------------------

  async function dial(request) {
    if (stopped) throw new Error("calling.dial: adapter stopped");
    if (!request || typeof request !== "object") throw new TypeError("calling.dial: request must be an object");
    const number = validateTarget(request.number);
    await started;
    const user = number.replace(/#/g, "%23");
    const target = UserAgent.makeURI(`sip:${user}@${domain}`);
    if (!target) throw new TypeError("calling.dial: cannot build the target URI");
    const inviter = new Inviter(userAgent, target, {
      extraHeaders: dialHeaders(request),
      sessionDescriptionHandlerOptions: { constraints: mediaConstraints },
      earlyMedia: false,
    });
    const callId = inviter.request.callId;
    const call = newCall(callId, inviter, "outbound", {
      from: aorUri.user,
      to: number,
      emergency: request.emergency === true,
    });
    call.headers = collectHeaders(inviter.request);
    inviter
      .invite({
        requestDelegate: {
          onProgress: (response) => {
            const code = response.message.statusCode;
            if (code >= 180 && code <= 183 && !call.ringing && !call.ended) {
              call.ringing = true;
              if (call.state === "calling") call.state = "ringing";
              emit({ type: "ringing", callId });
            }
            noteCallback(call, response.message);
          },
          onAccept: (response) => {
            call.replyHeaders = collectHeaders(response.message);
            noteCallback(call, response.message);
          },
          onReject: (response) => {
            call.failure = { status: response.message.statusCode, reason: response.message.reasonPhrase };
            setReason(call, "failed");
          },
        },
      })
      .catch((e) => {
        call.failure = { status: 0, reason: String(e && e.message) };
        setReason(call, "failed");
        finish(call);
      });
    return { callId };
  }

  async function hangUp(callId) {
    const call = getLive(callId, "hangUp");
    if (call.ended) return;
    setReason(call, "local");
    const s = call.session;
    switch (s.state) {
      case SessionState.Initial:
      case SessionState.Establishing:
        if (call.direction === "outbound") await s.cancel();
        else await s.reject({ statusCode: 486 });
        break;
      case SessionState.Established:
        await s.bye();
        break;
      default:
        break;
    }
    // Terminated may only come with the final response: report "ended" now.
    finish(call);
  }

  /** answer(callId[, { extraHeaders: ["Name: value", ...] }]) — the options are an extra. */
  async function answer(callId, answerOptions) {
    const call = getLive(callId, "answer");
    const extraHeaders = answerOptions && Array.isArray(answerOptions.extraHeaders) ? answerOptions.extraHeaders : [];
    for (const h of extraHeaders) {
      if (typeof h !== "string" || !HEADER_LINE_RE.test(h)) throw new TypeError("calling.answer: invalid extra header");
    }
    if (call.direction !== "inbound") throw new Error("calling.answer: not an incoming call");
    if (call.ended) throw new Error("calling.answer: call has ended");
    if (call.session.state !== SessionState.Initial) return; // already answering/answered
    call.state = "answering";
    await call.session.accept({ extraHeaders, sessionDescriptionHandlerOptions: { constraints: mediaConstraints } });
  }

  async function hold(callId, onHold) {
    const call = getLive(callId, "hold");
    const want = onHold === true;
    if (call.ended || call.session.state !== SessionState.Established) throw new Error("calling.hold: call not connected");
    if (call.held === want) return;
    await new Promise((resolve, reject) => {
      call.session
        .invite({
          sessionDescriptionHandlerOptions: { constraints: mediaConstraints, hold: want },
          requestDelegate: {
            onAccept: () => {
              call.held = want;
              call.state = want ? "held" : "connected";
              applyTrackState(call);
              resolve();
            },
            onReject: (r) => reject(new Error(`calling.hold: re-INVITE rejected (${r.message.statusCode})`)),
          },
        })
        .catch(reject);
    });
  }

  async function mute(callId, muted) {
    const call = getLive(callId, "mute");
    call.muted = muted === true;
    applyTrackState(call);
  }

  async function sendDtmf(callId, digits) {
    const call = getLive(callId, "sendDtmf");
    if (typeof digits !== "string" || !DTMF_RE.test(digits)) throw new TypeError("calling.sendDtmf: invalid digits");
    if (call.ended || call.session.state !== SessionState.Established) throw new Error("calling.sendDtmf: call not connected");
    const sdh = call.session.sessionDescriptionHandler;
    if (dtmfMode === "rfc4733" && sdh && sdh.sendDtmf(digits)) return;
    for (const tone of digits.replace(/,/g, "")) {
      await call.session.info({
        requestOptions: {
          body: { contentDisposition: "render", contentType: "application/dtmf-relay", content: `Signal=${tone}\r\nDuration=160` },
        },
      });
    }
  }

  function subscribe(listener) {
    if (typeof listener !== "function") throw new TypeError("calling.subscribe: listener must be a function");
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  }

  // --- extras ---------------------------------------------------------------------------------

  async function getStats(callId) {
    const call = getLive(callId, "getStats");
    const pc = call.pc || (call.session.sessionDescriptionHandler && call.session.sessionDescriptionHandler.peerConnection);
    const out = {
      iceConnectionState: pc ? pc.iceConnectionState : "new",
      connectionState: pc ? pc.connectionState : "new",
      packetsReceived: 0,
      packetsSent: 0,
      bytesReceived: 0,
    };
    if (!pc || pc.signalingState === "closed") return out;
    const report = await pc.getStats();
    report.forEach((s) => {
      if (s.type === "inbound-rtp" && (s.kind || s.mediaType) === "audio") {
        out.packetsReceived += s.packetsReceived || 0;
        out.bytesReceived += s.bytesReceived || 0;
      } else if (s.type === "outbound-rtp" && (s.kind || s.mediaType) === "audio") {
        out.packetsSent += s.packetsSent || 0;
      }
    });
    return out;
  }

  /** Plain snapshot of a call (headers of its initial INVITE, parsed location, timings). */
  function getCall(callId) {
    const call = calls.get(callId);
    if (!call) return undefined;
    const get = (n) => {
      const k = Object.keys(call.headers).find((h) => h.toLowerCase() === n.toLowerCase());
      return k === undefined ? undefined : call.headers[k];
    };
    return {
      callId: call.callId,
      direction: call.direction,
      state: call.state,
      from: call.from,
      to: call.to,
      dialedNumber: get("X-Dialed-Number"),
      emergency: get("X-Emergency") === "true",
      emergencyCallback: get("X-Emergency-Callback"),
      location: parseLocationHeaders(get),
      headers: { ...call.headers },
      replyHeaders: call.replyHeaders ? { ...call.replyHeaders } : undefined,
      callbackNumber: call.callbackNumber,
      callbackValidFor: call.callbackValidFor,
      muted: call.muted,
      held: call.held,
      startedAt: call.startedAt,
      connectedAt: call.connectedAt,
      iceConnectedAt: call.iceConnectedAt,
      endedAt: call.endedAt,
      endReason: call.ended ? call.reason : undefined,
      byeReasonHeader: call.byeReasonHeader,
      failure: call.failure,
    };
  }

  /**
   * End a call as a "drop" (the emergency-service side uses this):
   *  mode "bye" (default): BYE with `Reason: Q.850;cause=41` -> the far end reports "dropped";
   *  mode "media": stop our media without any SIP (the far end detects it by ICE, after its
   *                iceDropGraceMs) — simulates a lost call.
   */
  async function drop(callId, { mode = "bye" } = {}) {
    const call = getLive(callId, "drop");
    if (call.ended) return;
    setReason(call, "local");
    if (mode === "media") {
      if (call.pc) call.pc.close();
      finish(call);
      return;
    }
    if (call.session.state === SessionState.Established) {
      await call.session.bye({ requestOptions: { extraHeaders: [`Reason: ${DROP_REASON_HEADER}`, "X-Call-Dropped: true"] } });
      finish(call);
    } else {
      await hangUp(callId);
    }
  }

  async function stop() {
    if (stopped) return;
    stopped = true;
    for (const call of calls.values()) {
      if (!call.ended) await hangUp(call.callId).catch(() => {});
    }
    try {
      if (registered) await registerer.unregister();
    } catch {
      /* best effort */
    }
    await userAgent.stop().catch(() => {});
    listeners.clear();
  }

  return {
    // HOST_CONTRACT `calling`
    dial,
    hangUp,
    answer,
    hold,
    mute,
    sendDtmf,
    subscribe,
    // extras
    ready,
    get registered() {
      return registered;
    },
    getStats,
    getCall,
    drop,
    stop,
  };
}
