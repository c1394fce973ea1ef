// agent-dialer/sip — the HOST_CONTRACT `calling` binding over SIP on secure WebSocket (RFC 7118,
// sip.js 0.21) with WebRTC audio. Source of the package's `sip.js` (scripts/build-pkg.sh bundles
// it with sip.js inlined); the telephony pages bundle it with scripts/telephony/build.sh.
//
//   import { createSipCalling } from "agent-dialer/sip";
//   const calling = createSipCalling({
//     server: "wss://sip.example.com:5443",
//     aor: "sip:agent-7@sip.example.com",
//     credentials: () => fetch("/sip-credentials").then((r) => r.json()),   // your backend
//   });
//   mount(element, { presence, calling, ... }, config);
//
// Contract members: dial, hangUp, answer, hold, mute, sendDtmf, subscribe, setAudioDevices,
// activeCalls. Extras (not in HOST_CONTRACT v1): ready, status, onStatus, registered, getStats,
// getCall, getRemoteStream, drop, stop. Signalling conventions: www/telephony/README.md.

import { Inviter, Registerer, RegistererState, SessionState, UserAgent, Web } from "sip.js";
import { buildMultipart, buildPidfLo, locationFromRequest, parseMultipart, randomToken, checkCivicAddress } from "./pidf-lo.js";

export const DROP_Q850_CAUSES = Object.freeze([27, 38, 41, 102]);
export const DROP_REASON_HEADER = 'Q.850;cause=41;text="Call dropped"';
/** The header by which the proxy (and only the proxy) marks the emergency service's callback. */
export const CALLBACK_MARK_HEADER = "X-Emergency-Callback";

const NUMBER_RE = /^\+?[0-9*#]{1,32}$/;
const NAME_RE = /^[a-z][a-z0-9._-]{0,31}$/;
const DTMF_RE = /^[0-9A-D#*,;]{1,64}$/i;
const CALLBACK_NUMBER_RE = /^\+?[0-9]{3,20}$/;
const HEADER_LINE_RE = /^[A-Za-z0-9-]{1,64}: [^\r\n]{0,1024}$/;
const CREDENTIAL_RE = /^[^\s"\\\u0000-\u001f]{1,256}$/;
const DEFAULTS = Object.freeze({
  connectWaitMs: 8000, // < the widget's 10 s binding timeout: a dial fails with our message, not a timeout
  reconnectInitialMs: 500,
  reconnectMaxMs: 30000,
  registerExpires: 300,
  pauseMs: 2000,
  dtmfDurationMs: 160,
  dtmfGapMs: 80,
  iceDropGraceMs: 8000,
  iceGatheringTimeoutMs: 1000,
  credentialsTimeoutMs: 10000,
});

/** Headers (besides every X-*) that getCall() reports for a call's initial INVITE. */
const REPORTED_HEADERS = ["From", "To", "Call-ID", "Priority", "P-Asserted-Identity", "Geolocation", "Geolocation-Routing", "Reason", "Content-Type", "Record-Route"];

// ---------------------------------------------------------------------------------------------
// Pure helpers (importable in node, unit-tested).

/**
 * Splits a DialRequest number into what is dialed and what follows it as DTMF once connected:
 * `,` is a pause, `;` a wait (HOST_CONTRACT numbers as `dial::normalize` writes them). Throws a
 * TypeError for anything that is neither a number nor a user name.
 */
export function parseDialString(number) {
  if (typeof number !== "string") throw new TypeError("calling.dial: number must be a string");
  const cut = number.search(/[,;]/);
  const target = cut < 0 ? number : number.slice(0, cut);
  const postDial = cut < 0 ? "" : number.slice(cut);
  if (!(NUMBER_RE.test(target) || NAME_RE.test(target)) || (postDial && !/^[,;0-9*#]{1,64}$/.test(postDial))) {
    throw new TypeError(`calling.dial: invalid number ${JSON.stringify(number).slice(0, 40)}`);
  }
  return { target, postDial };
}

/** The number (or user name) a dial request targets; throws on anything else. */
export function validateTarget(number) {
  return parseDialString(number).target;
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

/**
 * Checks what `credentials()` resolved to: `{ username, password, expiresAt? }`. The expiry
 * (ms since the epoch) is `expiresAt`, else the `<unix seconds>:` prefix of an ephemeral
 * (TURN-REST style) username, else unknown.
 */
export function checkCredentials(value) {
  if (!value || typeof value !== "object") throw new TypeError("credentials() must resolve to { username, password }");
  const { username, password } = value;
  if (typeof username !== "string" || !CREDENTIAL_RE.test(username)) throw new TypeError("credentials(): invalid username");
  if (typeof password !== "string" || !CREDENTIAL_RE.test(password)) throw new TypeError("credentials(): invalid password");
  let expiresAt = Number.isFinite(value.expiresAt) ? value.expiresAt : undefined;
  const m = /^(\d{9,11}):/.exec(username);
  if (expiresAt === undefined && m) expiresAt = Number(m[1]) * 1000;
  return { username, password, expiresAt };
}

/** Reconnection delay for attempt n (0-based): exponential, capped, with jitter in [50 %, 100 %]. */
export function backoffDelay(attempt, initialMs, maxMs, random = Math.random) {
  const base = Math.min(maxMs, initialMs * 2 ** Math.min(attempt, 20));
  return Math.round(base * (0.5 + 0.5 * random()));
}

function userOf(uri) {
  try {
    return uri && typeof uri.user === "string" ? decodeURIComponent(uri.user) : "";
  } catch {
    return String(uri.user || "");
  }
}

function checkServer(server) {
  let url;
  try {
    url = new URL(server);
  } catch {
    url = undefined;
  }
  const loopback = url && /^(127\.\d+\.\d+\.\d+|localhost|\[::1\])$/.test(url.hostname);
  if (!url || !(url.protocol === "wss:" || (url.protocol === "ws:" && loopback))) {
    throw new TypeError("createSipCalling: options.server must be a wss:// URL (ws:// only on loopback)");
  }
  return server;
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// ---------------------------------------------------------------------------------------------

/**
 * @param {import("./sip").SipCallingOptions} options  (see sip.d.ts for every option)
 */
export function createSipCalling(options) {
  const opts = options || {};
  // One URL, or several (cluster nodes): a failed connection attempt moves on to the next one.
  const servers = (Array.isArray(opts.server) ? opts.server : [opts.server]).map(checkServer);
  if (servers.length === 0 || servers.length > 16) throw new TypeError("createSipCalling: options.server: 1 to 16 URLs");
  let serverIndex = 0;
  const aorUri = typeof opts.aor === "string" ? UserAgent.makeURI(opts.aor) : undefined;
  if (!aorUri || !aorUri.user) {
    throw new TypeError("createSipCalling: options.aor must be a SIP URI with a user, e.g. sip:agent@example.com");
  }
  if (opts.credentials !== undefined && typeof opts.credentials !== "function") {
    throw new TypeError("createSipCalling: options.credentials must be a function returning a Promise of { username, password }");
  }
  if (opts.credentials && (opts.authorizationUsername || opts.authorizationPassword)) {
    throw new TypeError("createSipCalling: give either credentials() or authorizationUsername/authorizationPassword");
  }
  if (opts.civicAddress !== undefined && typeof opts.civicAddress !== "function") {
    const checked = checkCivicAddress(opts.civicAddress);
    if (checked.error) throw new TypeError(`createSipCalling: options.civicAddress: ${checked.error}`);
  }
  const num = (name) => (Number.isFinite(opts[name]) && opts[name] >= 0 ? opts[name] : DEFAULTS[name]);
  const domain = typeof opts.domain === "string" && opts.domain ? opts.domain : aorUri.host;
  const dtmfMode = opts.dtmf === "info" ? "info" : "rfc4733";
  const playRemoteAudio = opts.playRemoteAudio !== false;
  const fallbackAudio = opts.fallbackAudio === false ? false : opts.fallbackAudio === "tone" ? "tone" : "silence";
  const mediaConstraints = { audio: true, video: false };

  const listeners = new Set();
  const statusListeners = new Set();
  /** @type {Map<string, any>} */
  const calls = new Map();
  let stopped = false;
  const devices = { inputId: null, outputId: null };

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

  // --- media ----------------------------------------------------------------------------------

  /** The microphone (the chosen one, else the default); without one, a synthetic track. */
  async function localStream(constraints) {
    if (!constraints || (!constraints.audio && !constraints.video)) return new MediaStream();
    const md = globalThis.navigator && navigator.mediaDevices;
    let error;
    if (md && md.getUserMedia) {
      if (devices.inputId) {
        try {
          return await md.getUserMedia({ audio: { deviceId: { exact: devices.inputId } }, video: false });
        } catch (e) {
          error = e; // the chosen microphone is gone: fall back to the default one
        }
      }
      try {
        return await md.getUserMedia({ audio: true, video: false });
      } catch (e) {
        error = e;
      }
    }
    // No microphone (or permission denied): a call — above all an emergency call — still goes
    // through and the agent still hears the other side.
    if (fallbackAudio === false || typeof AudioContext !== "function") throw error || new Error("no microphone");
    status.mediaFallback = `${fallbackAudio} (${(error && error.name) || "no getUserMedia"})`;
    const ctx = new AudioContext();
    const dest = ctx.createMediaStreamDestination();
    const gain = ctx.createGain();
    gain.gain.value = fallbackAudio === "tone" ? 0.05 : 0;
    const osc = ctx.createOscillator();
    osc.frequency.value = 440;
    osc.connect(gain).connect(dest);
    osc.start();
    ctx.resume().catch(() => {});
    const stream = dest.stream;
    for (const track of stream.getTracks()) track.addEventListener("ended", () => ctx.close().catch(() => {}));
    return stream;
  }

  const baseFactory = Web.defaultSessionDescriptionHandlerFactory((constraints) => localStream(constraints));
  // The initial emergency INVITE carries the PIDF-LO beside the SDP (multipart/mixed, RFC 6442).
  function sdhFactory(session, factoryOptions) {
    const sdh = baseFactory(session, factoryOptions);
    const getDescription = sdh.getDescription.bind(sdh);
    sdh.getDescription = (o, m) =>
      getDescription(o, m).then((d) => {
        const extra = o && o.agentDialerBodyParts;
        if (!extra || d.contentType !== "application/sdp") return d;
        const boundary = randomToken(20);
        const parts = [{ headers: { "Content-Type": "application/sdp" }, content: d.body }, ...extra];
        return { body: buildMultipart(parts, boundary), contentType: `multipart/mixed;boundary=${boundary}` };
      });
    return sdh;
  }

  // --- user agent, credentials, connection -----------------------------------------------------

  const userAgent = new UserAgent({
    uri: aorUri,
    displayName: opts.displayName,
    authorizationUsername: opts.authorizationUsername,
    authorizationPassword: opts.authorizationPassword,
    transportOptions: { server: servers[0], connectionTimeout: 5, keepAliveInterval: Number.isFinite(opts.keepAliveSeconds) ? opts.keepAliveSeconds : 0 },
    logLevel: opts.logLevel || "warn",
    userAgentString: "agent-dialer-sip",
    // onIncoming sends the 180 itself, after it has taken a PIDF-LO body apart.
    sendInitialProvisionalResponse: false,
    sessionDescriptionHandlerFactory: sdhFactory,
    sessionDescriptionHandlerFactoryOptions: {
      peerConnectionConfiguration: { iceServers: Array.isArray(opts.iceServers) ? opts.iceServers : [] },
      iceGatheringTimeout: num("iceGatheringTimeoutMs"),
    },
    delegate: {
      onInvite: (invitation) => onIncoming(invitation),
      onConnect: () => setStatus({ connected: true }),
      onDisconnect: (error) => {
        needsRegister = true;
        setStatus({ connected: false, registered: false });
        if (!error || stopped) return; // orderly stop()
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
        status.lastError = String((error && error.message) || error);
        kick();
      },
    },
  });

  /** What the host can observe of the connection (`status`, `onStatus`). */
  const status = { state: "connecting", server: servers[0], connected: false, registered: false, attempts: 0, lastError: undefined, mediaFallback: undefined };
  function setStatus(patch) {
    Object.assign(status, patch);
    status.state = stopped ? "stopped" : status.registered ? "registered" : status.connected ? "connected" : status.attempts > 0 ? "reconnecting" : "connecting";
    const snapshot = Object.freeze({ ...status });
    for (const l of [...statusListeners]) {
      try {
        l(snapshot);
      } catch {
        /* a host listener's problem */
      }
    }
    for (const w of [...connectedWaiters]) if (status.connected || stopped) w();
  }

  // Credentials: fetched before the first connection, refreshed at half their remaining life
  // and whenever they are about to expire; a failed fetch is retried by the connection loop.
  let creds;
  let credsPending;
  let credsTimer;
  function applyCredentials(c) {
    creds = c;
    userAgent.configuration.authorizationUsername = c.username;
    userAgent.configuration.authorizationPassword = c.password;
    clearTimeout(credsTimer);
    if (c.expiresAt !== undefined && !stopped) {
      const inMs = Math.max(5000, (c.expiresAt - Date.now()) / 2);
      credsTimer = setTimeout(() => refreshCredentials(true).catch(() => {}), Math.min(inMs, 2 ** 31 - 1));
    }
  }
  function credentialsFresh() {
    return !opts.credentials || (creds && (creds.expiresAt === undefined || creds.expiresAt - Date.now() > 5000));
  }
  function refreshCredentials(force = false) {
    if (!opts.credentials || (!force && credentialsFresh())) return Promise.resolve();
    if (credsPending) return credsPending;
    let timer;
    credsPending = Promise.race([
      Promise.resolve().then(() => opts.credentials()),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error("credentials() did not settle")), num("credentialsTimeoutMs"));
      }),
    ])
      .then((value) => applyCredentials(checkCredentials(value)))
      .catch((e) => {
        status.lastError = `credentials: ${e && e.message}`;
        throw e;
      })
      .finally(() => {
        clearTimeout(timer);
        credsPending = undefined;
      });
    return credsPending;
  }

  // One Registerer for the adapter's life (a second one's unREGISTER could remove the first
  // one's fresh binding: same Contact); after a reconnect it registers again.
  let registerer;
  let needsRegister = true;
  async function register() {
    if (!registerer) {
      const r = new Registerer(userAgent, { expires: num("registerExpires") });
      registerer = r;
      r.stateChange.addListener((s) => {
        const now = s === RegistererState.Registered;
        if (status.registered !== now) setStatus({ registered: now });
        // A refresh that failed (e.g. credentials expired) -> register again with fresh ones.
        if (!now && s !== RegistererState.Initial && !stopped && status.connected) {
          needsRegister = true;
          kick();
        }
      });
    }
    const r = registerer;
    if (r.waiting) {
      // RFC 3261 10.2: no new REGISTER before the previous one's final response (or timeout).
      await new Promise((resolve) => {
        const t = setTimeout(resolve, 40000);
        r.waitingChange.addListener(() => {
          clearTimeout(t);
          resolve();
        }, { once: true });
      });
    }
    await new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error("SIP registration timed out")), 10000);
      r.register({
        requestDelegate: {
          onAccept: () => {
            clearTimeout(timer);
            resolve();
          },
          onReject: (res) => {
            clearTimeout(timer);
            reject(new Error(`SIP registration rejected: ${res.message.statusCode} ${res.message.reasonPhrase}`));
          },
        },
      }).catch((e) => {
        clearTimeout(timer);
        reject(e);
      });
    });
    needsRegister = false;
    setStatus({ registered: true });
  }

  // The connection loop: connect (with fresh credentials), register; on any failure wait with
  // backoff and try again, for as long as the adapter lives. kick() restarts it at once.
  let loopRunning = false;
  let wakeSleep;
  let attempt = 0;
  const connectedWaiters = new Set();
  function kick() {
    if (stopped) return;
    if (wakeSleep) wakeSleep();
    if (!loopRunning) loop();
  }
  async function loop() {
    loopRunning = true;
    try {
      while (!stopped) {
        try {
          await refreshCredentials();
          if (!userAgent.isConnected()) {
            needsRegister = true;
            await (userAgent.state === "Started" ? userAgent.reconnect() : userAgent.start());
          }
          setStatus({ connected: true });
          if (opts.register !== false && (needsRegister || registerer.state !== RegistererState.Registered)) {
            await register();
          }
          attempt = 0;
          setStatus({ attempts: 0, lastError: undefined });
          return;
        } catch (e) {
          status.lastError = String((e && e.message) || e);
          if (/registration rejected: 40[137]/.test(status.lastError)) refreshCredentials(true).catch(() => {});
          if (!userAgent.isConnected() && servers.length > 1) {
            serverIndex = (serverIndex + 1) % servers.length;
            userAgent.transport.configuration.server = servers[serverIndex];
            status.server = servers[serverIndex];
          }
          setStatus({ attempts: status.attempts + 1, connected: userAgent.isConnected() });
          const delay = backoffDelay(attempt++, num("reconnectInitialMs"), num("reconnectMaxMs"));
          await new Promise((resolve) => {
            const t = setTimeout(resolve, delay);
            wakeSleep = () => {
              clearTimeout(t);
              resolve();
            };
          });
          wakeSleep = undefined;
        }
      }
    } finally {
      loopRunning = false;
    }
  }

  /** Resolves true once the transport is connected, false after `ms`. */
  function waitConnected(ms) {
    if (userAgent.isConnected()) return Promise.resolve(true);
    kick();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        connectedWaiters.delete(done);
        resolve(userAgent.isConnected());
      };
      const timer = setTimeout(done, ms);
      connectedWaiters.add(done);
    });
  }

  let firstRegistration;
  const ready = new Promise((resolve) => {
    firstRegistration = resolve;
  });
  statusListeners.add((s) => {
    if (s.registered || (opts.register === false && s.connected)) firstRegistration();
  });
  kick();

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
      dtmfQueue: Promise.resolve(),
      dtmfSent: "",
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
        const body = info.request.body || "";
        const m = /Signal\s*=\s*([0-9A-D#*])/i.exec(body);
        if (m) call.dtmfReceived = (call.dtmfReceived || "") + m[1].toUpperCase();
        info.accept().catch(() => {});
      },
    };
    session.stateChange.addListener((state) => {
      if (state === SessionState.Established && !call.ended && !call.connectedAt) {
        call.connectedAt = Date.now();
        call.state = "connected";
        attachMedia(call);
        emit({ type: "connected", callId });
        if (call.postDial) sendDtmf(callId, call.postDial).catch((e) => (call.postDialError = String(e.message)));
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
    if (call.wakeDtmf) call.wakeDtmf();
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
        call.iceTimer = setTimeout(() => dropForMedia(call), num("iceDropGraceMs"));
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
      if (devices.outputId && typeof audio.setSinkId === "function") audio.setSinkId(devices.outputId).catch(() => {});
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
    // The proxy strips X-Callback-* from every callee's reply and sets its own.
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
        out[name] = /^record-route$/i.test(name) && message.getHeaders ? message.getHeaders(name).join(", ") : message.getHeader(name);
      }
    }
    for (const line of message.extraHeaders || []) {
      const colon = line.indexOf(":");
      const name = line.slice(0, colon);
      if (/^x-/i.test(name) || REPORTED_HEADERS.some((h) => h.toLowerCase() === name.toLowerCase())) out[name] = line.slice(colon + 1).trim();
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
    const extra = { headers: collectHeaders(req) };
    // A multipart body (SDP + PIDF-LO, RFC 6442): keep the location, hand sip.js only the SDP.
    const contentType = req.getHeader("Content-Type") || "";
    if (/^\s*multipart\//i.test(contentType) && req.body) {
      try {
        const parts = parseMultipart(req.body, contentType);
        const sdp = parts.find((p) => p.type === "application/sdp");
        const pidf = parts.find((p) => p.type === "application/pidf+xml");
        if (pidf) extra.pidfLo = pidf.content;
        if (sdp) {
          req.body = sdp.content;
          req.setHeader("Content-Type", "application/sdp");
        }
      } catch (e) {
        extra.bodyError = String(e.message);
      }
    }
    const from = userOf(invitation.remoteIdentity.uri);
    // Only the proxy's mark can make an incoming call the emergency callback: `to` is the
    // callback number it names, else this agent's own user — never the caller's To header.
    const mark = (req.getHeader(CALLBACK_MARK_HEADER) || "").trim();
    const to = CALLBACK_NUMBER_RE.test(mark) ? mark : aorUri.user;
    newCall(callId, invitation, "inbound", { from, to, ...extra });
    // 180 Ringing so the caller's adapter can report "ringing".
    invitation.progress().catch(() => {});
    emit({ type: "incoming", callId, from, to });
  }

  // --- the contract ---------------------------------------------------------------------------

  /** Extra INVITE headers and body parts of a DialRequest. */
  function dialExtras(request) {
    const headers = [];
    let bodyParts;
    if (request.emergency !== true) return { headers, bodyParts };
    headers.push("Priority: emergency");
    let structured;
    try {
      structured = typeof opts.civicAddress === "function" ? opts.civicAddress(request) : opts.civicAddress;
    } catch {
      structured = undefined; // a host callback's problem never blocks the emergency call
    }
    const where = locationFromRequest(request, structured);
    const pidf = buildPidfLo({ entity: `pres:${aorUri.user}@${aorUri.host}`, geodetic: where.geodetic, civic: where.civic });
    if (pidf) {
      const cid = `${randomToken(16)}@${domain}`;
      headers.push(`Geolocation: <cid:${cid}>`, "Geolocation-Routing: yes");
      bodyParts = [{ headers: { "Content-Type": "application/pidf+xml", "Content-ID": `<${cid}>` }, content: pidf }];
    }
    return { headers, bodyParts };
  }

  async function dial(request) {
    if (stopped) throw new Error("calling.dial: adapter stopped");
    if (!request || typeof request !== "object") throw new TypeError("calling.dial: request must be an object");
    const { target, postDial } = parseDialString(request.number);
    const { headers, bodyParts } = dialExtras(request);
    const waitMs = num("connectWaitMs");
    const t0 = Date.now();
    if (!(await waitConnected(waitMs))) {
      throw new Error(
        `calling.dial: not connected to the SIP server ${servers.join(" or ")} (waited ${Math.round(waitMs / 1000)} s` +
          `${status.lastError ? `; ${status.lastError}` : ""}); the call was not placed`,
      );
    }
    if (!credentialsFresh()) {
      // Expired credentials: try for fresh ones within what is left of the wait, then dial anyway.
      const left = Math.max(0, waitMs - (Date.now() - t0));
      await Promise.race([refreshCredentials().catch(() => {}), sleep(left)]);
    }
    const user = target.replace(/#/g, "%23");
    const uri = UserAgent.makeURI(`sip:${user}@${domain}`);
    if (!uri) throw new TypeError("calling.dial: cannot build the target URI");
    const inviter = new Inviter(userAgent, uri, {
      extraHeaders: headers,
      sessionDescriptionHandlerOptions: { constraints: mediaConstraints, ...(bodyParts ? { agentDialerBodyParts: bodyParts } : {}) },
      earlyMedia: false,
    });
    if (bodyParts) {
      // sip.js infers the disposition "render" for a multipart body and would then take the
      // SDP answer in the 2xx for an offer: tell its dialog bookkeeping the INVITE carries our
      // session offer (nothing extra goes on the wire).
      const msg = inviter.request;
      const getHeader = msg.getHeader.bind(msg);
      msg.getHeader = (name) =>
        /^content-disposition$/i.test(name) && msg.body && /^multipart\//i.test(msg.body.contentType || "") ? "session" : getHeader(name);
    }
    const callId = inviter.request.callId;
    const call = newCall(callId, inviter, "outbound", {
      from: aorUri.user,
      to: target,
      postDial,
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

  /** Plays tones through RFC 4733 (RTCDTMFSender); resolves when they have been sent. */
  function playTones(call, tones) {
    const sender = call.pc && call.pc.getSenders().find((s) => s.dtmf);
    if (!sender || !sender.dtmf.canInsertDTMF) return false;
    const duration = num("dtmfDurationMs");
    const gap = num("dtmfGapMs");
    sender.dtmf.insertDTMF(tones, duration, gap);
    return sleep(tones.length * (duration + gap) + 20).then(() => undefined);
  }

  async function sendTones(call, tones) {
    if (dtmfMode === "rfc4733") {
      const played = playTones(call, tones);
      if (played) return played;
    }
    for (const tone of tones) {
      await call.session.info({
        requestOptions: {
          body: { contentDisposition: "render", contentType: "application/dtmf-relay", content: `Signal=${tone}\r\nDuration=${num("dtmfDurationMs")}` },
        },
      });
    }
  }

  /** Digits as DTMF in order; `,` pauses pauseMs, `;` waits for options.onWait (else pauses). */
  async function sendDtmf(callId, digits) {
    const call = getLive(callId, "sendDtmf");
    if (typeof digits !== "string" || !DTMF_RE.test(digits)) throw new TypeError("calling.sendDtmf: invalid digits");
    if (call.ended || call.session.state !== SessionState.Established) throw new Error("calling.sendDtmf: call not connected");
    const run = async () => {
      for (const chunk of digits.toUpperCase().match(/[,;]|[^,;]+/g)) {
        if (call.ended) throw new Error("calling.sendDtmf: call ended");
        if (chunk === ",") {
          await new Promise((resolve) => {
            const t = setTimeout(resolve, num("pauseMs"));
            call.wakeDtmf = () => {
              clearTimeout(t);
              resolve();
            };
          });
        } else if (chunk === ";") {
          if (typeof opts.onWait === "function") {
            await Promise.race([
              Promise.resolve().then(() => opts.onWait({ callId, remaining: digits })),
              new Promise((resolve) => (call.wakeDtmf = resolve)),
            ]);
          } else {
            await sleep(num("pauseMs"));
          }
        } else {
          await sendTones(call, chunk);
          call.dtmfSent += chunk;
        }
      }
    };
    const next = call.dtmfQueue.then(run, run);
    call.dtmfQueue = next.catch(() => {});
    return next;
  }

  function subscribe(listener) {
    if (typeof listener !== "function") throw new TypeError("calling.subscribe: listener must be a function");
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  }

  /** HOST_CONTRACT optional: the agent chose devices ({ inputId, outputId }, null = default). */
  async function setAudioDevices(choice) {
    const c = choice && typeof choice === "object" ? choice : {};
    const id = (v) => (typeof v === "string" && v !== "" && v.length <= 256 ? v : null);
    devices.inputId = id(c.inputId);
    devices.outputId = id(c.outputId);
    for (const call of calls.values()) {
      if (call.ended) continue;
      if (call.audio && typeof call.audio.setSinkId === "function") await call.audio.setSinkId(devices.outputId || "").catch(() => {});
      const sender = call.pc && call.pc.getSenders().find((s) => s.track && s.track.kind === "audio");
      if (sender) {
        const stream = await localStream(mediaConstraints);
        const [track] = stream.getAudioTracks();
        if (track) {
          const old = sender.track;
          await sender.replaceTrack(track);
          if (old) old.stop();
          applyTrackState(call);
        }
      }
    }
  }

  /** HOST_CONTRACT optional: the calls this adapter still has (after a reload: none). */
  function activeCalls() {
    return [...calls.values()].filter((c) => !c.ended).map((c) => c.callId);
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

  /** The remote audio of a call (e.g. for a DTMF detector or a recorder), or undefined. */
  function getRemoteStream(callId) {
    const call = calls.get(callId);
    const sdh = call && call.session.sessionDescriptionHandler;
    return sdh ? sdh.remoteMediaStream : undefined;
  }

  /** Plain snapshot of a call (headers of its initial INVITE, location body, timings). */
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
      emergency: call.direction === "outbound" ? call.emergency : get("Priority") === "emergency",
      emergencyCallback: get(CALLBACK_MARK_HEADER),
      geolocation: get("Geolocation"),
      pidfLo: call.pidfLo,
      bodyError: call.bodyError,
      headers: { ...call.headers },
      replyHeaders: call.replyHeaders ? { ...call.replyHeaders } : undefined,
      callbackNumber: call.callbackNumber,
      callbackValidFor: call.callbackValidFor,
      muted: call.muted,
      held: call.held,
      dtmfSent: call.dtmfSent,
      dtmfReceived: call.dtmfReceived,
      postDial: call.postDial,
      postDialError: call.postDialError,
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
    for (const call of calls.values()) {
      if (!call.ended) await hangUp(call.callId).catch(() => {});
    }
    stopped = true;
    clearTimeout(credsTimer);
    if (wakeSleep) wakeSleep();
    try {
      if (registerer && registerer.state === RegistererState.Registered) await registerer.unregister();
    } catch {
      /* best effort */
    }
    await userAgent.stop().catch(() => {});
    setStatus({ connected: false, registered: false });
    listeners.clear();
    statusListeners.clear();
  }

  function onStatus(listener) {
    if (typeof listener !== "function") throw new TypeError("onStatus: listener must be a function");
    statusListeners.add(listener);
    return () => statusListeners.delete(listener);
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
    setAudioDevices,
    activeCalls,
    // extras
    ready,
    get status() {
      return Object.freeze({ ...status });
    },
    onStatus,
    get registered() {
      return status.registered;
    },
    getStats,
    getCall,
    getRemoteStream,
    drop,
    stop,
  };
}
