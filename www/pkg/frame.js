// agent-dialer in an iframe (docs/HOST_CONTRACT.md "Iframe"): both ends of the postMessage bridge.
//
// Parent page (holds the real host bindings):
//   import { connectFrame } from "agent-dialer/frame";
//   const dialer = connectFrame(iframe, host, { origin: "https://dialer.example", config });
//   await dialer.ready; await dialer.dial("911"); await dialer.state(); dialer.disconnect();
//
// Framed page (served from its own origin, loads the wasm):
//   import { serveFrame } from "agent-dialer/frame";
//   serveFrame({ parentOrigin: "https://crm.example", element: document.querySelector("#dialer") });
//
// Every message is `{ protocol: "agent-dialer/1", type, ... }`:
//   frame -> parent  hello                               the framed page is loaded; asks for `mount`
//                    ready                               the widget is mounted
//                    request  { id, binding, args }      a host binding call, e.g. "calling.dial"
//                    response { id, ok, value | error }  answer to a command
//                    event    { name, detail }           a widget `dialer:*` event
//                    error    { id?, message }           the parent sent something malformed, or
//                                                        (no id, "mount: …") the widget could not mount
//   parent -> frame  connect                             (re)start the handshake
//                    mount    { config, bindings, presenceSubscribe }
//                    response { id, ok, value | error }  answer to a request
//                    call-event { event }                calling.subscribe listener feed
//                    presence-event { event }            presence.subscribe listener feed
//                    command  { id, command: "dial" | "setConfig" | "state" | "unmount", args }
//                    error    { id?, message }
// Each side accepts a message only when event.origin is the other side's exact origin AND
// event.source is the other side's window, and posts with that explicit origin (never "*").
// Unknown types are ignored; malformed messages get an `error` reply and change nothing; an
// `error` is never answered (no ping-pong). Only the contract's bindings can be called through
// the bridge. Request ids carry a per-page-load nonce, so an answer meant for an earlier load of
// the frame can never settle a request of the next one. When the wasm cannot run in the frame,
// the framed page runs the fallback dialer (guard.js) and forwards `dialer:fallback`.

import { FALLBACK_EVENT, initWasm, mountGuarded } from "./guard.js";

export const PROTOCOL = "agent-dialer/1";

/** The widget's events, forwarded from the frame and re-dispatched on the iframe element. */
export const EVENT_NAMES = Object.freeze([
  "dialer:emergency-started", "dialer:emergency-connected", "dialer:emergency-ended",
  "dialer:callback-window", "dialer:notification", "dialer:readiness", "dialer:error",
]);
/** Forwarded too: the embedding's own events (the guard's `dialer:fallback`). */
const FORWARDED = Object.freeze([...EVENT_NAMES, FALLBACK_EVENT]);

// "settings" (settings.save) serves the emergency settings surface (settings-frame.js) and a
// pane whose host grants permissions.editEmergencySettings.
const GROUPS = ["presence", "calling", "notification", "conversation", "activity", "settings"];
const METHODS = {
  presence: ["get", "set"],
  calling: ["dial", "hangUp", "answer", "hold", "mute", "sendDtmf", "activeCalls", "setAudioDevices"],
  notification: ["sendEmail"],
  conversation: ["setEmergencyMode"],
  activity: ["record"],
  settings: ["save"],
};
/** The bindings a frame may call: docs/HOST_CONTRACT.md's, plus the documented optional ones
 *  (`subscribe` is bridged separately). */
export const CONTRACT_BINDINGS = Object.freeze(GROUPS.flatMap((group) => METHODS[group].map((method) => `${group}.${method}`)));

const BINDING = /^(presence|calling|notification|conversation|activity|settings)\.[A-Za-z][A-Za-z0-9]{0,39}$/;
const COMMANDS = ["dial", "setConfig", "state", "unmount"];
const DEFAULT_TIMEOUT_MS = 10_000;
const DEFAULT_READY_TIMEOUT_MS = 30_000;

const isObject = (v) => v !== null && typeof v === "object" && !Array.isArray(v);
const validId = (id) => (typeof id === "string" && id.length > 0 && id.length <= 128) || Number.isSafeInteger(id);
function describe(error) {
  try {
    if (error instanceof Error) return error.message || error.name;
    if (typeof error === "string") return error;
    return JSON.stringify(error) ?? String(error);
  } catch {
    try { return String(error); } catch { return "unreadable error"; }
  }
}
/** Reads `obj[key]` without ever throwing (hostile getters, revoked Proxies). */
function read(obj, key) {
  try { return obj !== null && (typeof obj === "object" || typeof obj === "function") ? obj[key] : undefined; } catch { return undefined; }
}
/** A random tag for this page load (request ids, the frame's instance). */
function nonce() {
  try { const a = new Uint32Array(2); crypto.getRandomValues(a); return a[0].toString(36) + a[1].toString(36); } catch {
    return Math.random().toString(36).slice(2) + Date.now().toString(36);
  }
}

/** `origin` must be an exact origin such as "https://crm.example" ("*" and paths are refused). */
function exactOrigin(origin, what) {
  let parsed;
  try { parsed = new URL(origin); } catch { parsed = null; }
  if (typeof origin !== "string" || !parsed || parsed.origin === "null" || parsed.origin !== origin) {
    throw new Error(`${what} must be an exact origin like "https://crm.example", got ${JSON.stringify(origin)}`);
  }
  return origin;
}

/**
 * One end of the bridge: origin/source checks, envelope validation, error replies, and
 * request/response bookkeeping with timeouts. `handlers[type](msg)` returns an error message
 * string when the message is malformed (nothing changed), or undefined.
 */
function createEndpoint({ peer, origin, timeoutMs, handlers, label }) {
  const pending = new Map();
  const tag = `${label}-${nonce()}`;
  let nextId = 0;
  let closed = false;

  const post = (message) => {
    const target = peer();
    if (!target || closed) return false;
    target.postMessage({ protocol: PROTOCOL, ...message }, origin);
    return true;
  };
  const fail = (id, message) => post(validId(id) ? { type: "error", id, message } : { type: "error", message });

  /** Posts a message with a fresh id synchronously; resolves with the peer's response. */
  const request = (message) => {
    const id = `${tag}-${++nextId}`;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        pending.delete(id);
        reject(new Error(`no answer within ${timeoutMs} ms`));
      }, timeoutMs);
      pending.set(id, { resolve, reject, timer });
      try {
        if (!post({ ...message, id })) throw new Error("the other side of the frame is gone");
      } catch (error) {
        clearTimeout(timer);
        pending.delete(id);
        reject(error instanceof Error ? error : new Error(describe(error)));
      }
    });
  };
  const settle = (id, ok, value) => {
    const p = pending.get(id);
    if (!p) return;
    pending.delete(id);
    clearTimeout(p.timer);
    if (ok) p.resolve(value);
    else p.reject(new Error(typeof value === "string" ? value : describe(value)));
  };

  const onMessage = (event) => {
    if (closed) return;
    const source = peer();
    // Not from the other side (another origin, or another window of the same origin): ignored.
    if (!source || event.source !== source || event.origin !== origin) return;
    const msg = event.data;
    if (!isObject(msg)) return void fail(undefined, "malformed message: expected an object");
    if (msg.protocol !== PROTOCOL) return void fail(msg.id, `malformed message: protocol must be "${PROTOCOL}"`);
    if (typeof msg.type !== "string") return void fail(msg.id, "malformed message: type must be a string");
    if (msg.type === "error") {
      // Never answered. An error naming one of our requests fails that request.
      if (validId(msg.id) && pending.has(msg.id)) settle(msg.id, false, typeof msg.message === "string" ? msg.message : "error");
      handlers.error?.(msg);
      return;
    }
    if (msg.type === "response") {
      if (!validId(msg.id)) return void fail(msg.id, "malformed response: id must be a non-empty string or an integer");
      if (typeof msg.ok !== "boolean") return void fail(msg.id, "malformed response: ok must be true or false");
      if (!msg.ok && typeof msg.error !== "string") return void fail(msg.id, "malformed response: error must be a string");
      settle(msg.id, msg.ok, msg.ok ? msg.value : msg.error); // an unknown id (late, timed out) is dropped
      return;
    }
    const handler = Object.hasOwn(handlers, msg.type) ? handlers[msg.type] : undefined;
    if (!handler) return; // unknown type: ignored (additive protocol)
    let problem;
    try {
      problem = handler(msg);
    } catch (error) {
      problem = describe(error);
    }
    if (typeof problem === "string") fail(msg.id, problem);
  };

  window.addEventListener("message", onMessage);
  return {
    post,
    request,
    fail,
    close() {
      closed = true;
      window.removeEventListener("message", onMessage);
      for (const [id, p] of pending) { clearTimeout(p.timer); p.reject(new Error("disconnected")); pending.delete(id); }
    },
  };
}

/** Replies to request/command `id` with the outcome of `run()` (a value or a promise);
 *  `shape(value)` picks what crosses the frame (default: the value). */
function respond(endpoint, id, run, shape = (v) => v) {
  const reply = (ok, value) => {
    let message;
    if (ok) {
      try { message = { type: "response", id, ok: true, value: shape(value) }; } catch (error) {
        message = { type: "response", id, ok: false, error: `the answer cannot be read: ${describe(error)}` };
      }
    } else message = { type: "response", id, ok: false, error: describe(value) };
    try {
      endpoint.post(message);
    } catch (error) {
      // e.g. DataCloneError: the value cannot cross the frame boundary.
      endpoint.post({ type: "response", id, ok: false, error: `the answer cannot be sent across the frame: ${describe(error)}` });
    }
  };
  let result;
  try {
    result = run();
  } catch (error) {
    reply(false, error);
    return;
  }
  if (typeof read(result, "then") === "function") {
    try { Promise.resolve(result).then((v) => reply(true, v), (e) => reply(false, e)); } catch (error) { reply(false, error); }
  } else {
    reply(true, result);
  }
}

/** What of a binding's answer crosses the frame: what the contract says it returns (void
 *  bindings send nothing), read defensively, so a host's odd value (a function inside, a
 *  Proxy) never costs the call. */
function answerShape(binding) {
  switch (binding) {
    case "calling.dial": return (value) => {
      const callId = read(value, "callId");
      return typeof callId === "string" ? { callId } : value;
    };
    case "presence.get": return (value) => value;
    case "calling.activeCalls": return (value) => (Array.isArray(value) ? value.filter((id) => typeof id === "string") : value);
    default: return () => undefined;
  }
}

// ---------------------------------------------------------------------------------------------
// Parent side

/** The contract bindings the host provides, as "group.method" names (subscribe is bridged separately). */
function bindingNames(host) {
  return CONTRACT_BINDINGS.filter((name) => {
    const [group, method] = name.split(".");
    return typeof read(read(host, group), method) === "function";
  });
}

/**
 * Connects the parent page to the widget framed in `iframe` (served from `options.origin`).
 * Host binding calls from the frame run against `host`; widget events are re-dispatched on the
 * iframe element as bubbling `dialer:*` CustomEvents. Returns a handle like DialerHandle whose
 * methods return promises (the frame answers asynchronously).
 */
export function connectFrame(iframe, host, options = {}) {
  if (!iframe || typeof iframe !== "object" || !("contentWindow" in iframe)) throw new Error("connectFrame: iframe must be an <iframe> element");
  if (!isObject(host)) throw new Error("connectFrame: host must be an object with presence and calling bindings");
  const origin = exactOrigin(options.origin, "connectFrame: options.origin");
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const readyTimeoutMs = options.readyTimeoutMs ?? DEFAULT_READY_TIMEOUT_MS;
  let config = options.config;
  if (!isObject(config)) throw new Error("connectFrame: options.config must be the DialerConfig object");
  const bindings = bindingNames(host);
  const allowed = new Set(bindings);
  const presenceSubscribe = typeof host.presence?.subscribe === "function";

  let markReady;
  let failReady;
  let readyState = false;
  let mountedInstance;
  const ready = new Promise((resolve, reject) => { markReady = resolve; failReady = reject; });
  ready.catch(() => {}); // a host that never awaits it gets no unhandled rejection
  // `ready` rejects (clearly) when the frame never answers or cannot mount the widget.
  const readyTimer = setTimeout(() => failReady(new Error(
    `connectFrame: the framed dialer (${origin}) did not answer within ${readyTimeoutMs} ms: check that the iframe `
    + `loads a page of exactly that origin which calls serveFrame({ parentOrigin: "${globalThis.location?.origin}" })`,
  )), readyTimeoutMs);

  const endpoint = createEndpoint({
    peer: () => iframe.contentWindow,
    origin,
    timeoutMs,
    label: "p",
    handlers: {
      hello(msg) {
        if (msg.instance !== undefined && typeof msg.instance !== "string") return "malformed hello: instance must be a string";
        if (msg.instance !== undefined && msg.instance === mountedInstance) return undefined; // already asked
        mountedInstance = msg.instance;
        readyState = false;
        endpoint.post({ type: "mount", config, bindings, presenceSubscribe });
        return undefined;
      },
      ready() {
        readyState = true;
        clearTimeout(readyTimer);
        markReady(handle);
      },
      request(msg) {
        if (!validId(msg.id)) return "malformed request: id must be a non-empty string or an integer";
        if (typeof msg.binding !== "string" || !BINDING.test(msg.binding)) return "malformed request: binding must be a name like \"calling.dial\"";
        if (!Array.isArray(msg.args)) return "malformed request: args must be an array";
        if (!CONTRACT_BINDINGS.includes(msg.binding)) return `unknown binding ${msg.binding}: not a binding of the host contract`;
        if (!allowed.has(msg.binding)) return `unknown binding ${msg.binding}: the host does not provide it`;
        const [group, method] = msg.binding.split(".");
        // Invoked synchronously from the message: nothing is awaited before the host's dial.
        respond(endpoint, msg.id, () => { const g = host[group]; return Reflect.apply(g[method], g, msg.args); }, answerShape(msg.binding));
        return undefined;
      },
      event(msg) {
        if (typeof msg.name !== "string" || !msg.name.startsWith("dialer:") || msg.name.length > 64) return "malformed event: name must be a \"dialer:*\" event name";
        iframe.dispatchEvent(new CustomEvent(msg.name, { detail: msg.detail, bubbles: true, composed: true }));
        return undefined;
      },
      error(msg) {
        if (!readyState && msg.id === undefined && typeof msg.message === "string" && msg.message.startsWith("mount:")) {
          clearTimeout(readyTimer);
          failReady(new Error(`connectFrame: the framed dialer could not mount: ${msg.message.slice(6).trim()}`));
        }
        iframe.dispatchEvent(new CustomEvent("dialer:frame-error", {
          detail: { id: msg.id, message: typeof msg.message === "string" ? msg.message : "error" }, bubbles: true, composed: true,
        }));
      },
    },
  });

  // Host subscriptions, bridged into the frame's listeners.
  const unsubscribe = [];
  const forward = (type) => (event) => {
    try { endpoint.post({ type, event }); } catch (error) { console.error(`agent-dialer: cannot forward ${type}`, error); }
  };
  const off = host.calling?.subscribe?.(forward("call-event"));
  if (typeof off === "function") unsubscribe.push(off);
  if (presenceSubscribe) {
    const offPresence = host.presence.subscribe(forward("presence-event"));
    if (typeof offPresence === "function") unsubscribe.push(offPresence);
  }

  // The frame says `hello` when it loads; if it loaded before us, `connect` asks again.
  const reconnect = () => { try { endpoint.post({ type: "connect" }); } catch {} };
  iframe.addEventListener("load", reconnect);
  reconnect();

  const command = (name, args) => {
    const send = () => endpoint.request({ type: "command", command: name, args });
    return readyState ? send() : ready.then(send);
  };
  const handle = {
    /** Resolves with this handle once the framed widget is mounted. */
    ready,
    get isReady() { return readyState; },
    /** Dials in the frame; resolves once the frame has handed the call to host.calling.dial. */
    dial: (number) => command("dial", [String(number)]),
    setConfig: (partial) => command("setConfig", [partial]).then(() => { config = mergeShallowGroups(config, partial); }),
    /** The DialerSnapshot (asynchronous across the frame). */
    state: () => command("state", []),
    /** Unmounts the framed widget, then disconnects. */
    unmount: () => {
      const done = readyState ? endpoint.request({ type: "command", command: "unmount", args: [] }).catch(() => {}) : Promise.resolve();
      return done.then(() => handle.disconnect());
    },
    /** Stops bridging: removes every listener and host subscription. */
    disconnect() {
      clearTimeout(readyTimer);
      failReady(new Error("connectFrame: disconnected before the framed dialer was ready"));
      endpoint.close();
      iframe.removeEventListener("load", reconnect);
      for (const f of unsubscribe.splice(0)) { try { f(); } catch {} }
    },
  };
  return handle;
}

// Keeps the parent's copy of the config in step, so a reloaded frame mounts with the latest.
function mergeShallowGroups(current, partial) {
  if (!isObject(partial)) return current;
  const out = { ...current };
  for (const [k, v] of Object.entries(partial)) out[k] = isObject(v) && isObject(current[k]) ? mergeShallowGroups(current[k], v) : v;
  return out;
}

// ---------------------------------------------------------------------------------------------
// Framed side

let brokenGlue = null;
/** This package's wasm glue, loaded on first use; a glue that cannot be imported still mounts the fallback. */
async function packageGlue() {
  let glue;
  try { glue = await import("./agent_dialer.js"); } catch (error) {
    brokenGlue ??= { default: () => Promise.reject(error), mount() { throw error; } };
    glue = brokenGlue;
  }
  await initWasm(glue, { module_or_path: new URL("./agent_dialer_bg.wasm", import.meta.url) });
  return glue;
}

/**
 * Serves the widget inside an iframe: waits for the parent's `mount` (its config and the
 * list of bindings it provides), loads the wasm, mounts into `element` with a proxy host whose
 * binding calls are posted to the parent, and forwards the widget's events. When the wasm
 * cannot run, the fallback dialer mounts instead (guard.js).
 *
 * `load` / `mount` default to this package's init and mount; pass them to use another build.
 * Returns { ready: Promise<DialerHandle>, dialer (or null), close() }.
 */
export function serveFrame(options = {}) {
  const parentOrigin = exactOrigin(options.parentOrigin, "serveFrame: parentOrigin");
  const element = options.element ?? document.body;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  if (window.parent === window) throw new Error("serveFrame: this page is not framed");
  const parent = window.parent;
  // Another build (options.load / options.mount) goes through the same guard as ours.
  let loaded;
  const custom = options.load || options.mount ? {
    default: async () => { loaded = await (options.load ?? packageGlue)(); return loaded; },
    mount: (...args) => Reflect.apply(options.mount ?? loaded?.mount, undefined, args),
  } : null;
  const load = async () => { if (!custom) return packageGlue(); await initWasm(custom); return custom; };

  const callListeners = new Set();
  const presenceListeners = new Set();
  // Names this page load, so the parent mounts each load exactly once.
  const instance = nonce();
  let dialer = null;
  let mounting = false;
  let markReady;
  let failReady;
  const ready = new Promise((resolve, reject) => { markReady = resolve; failReady = reject; });
  ready.catch(() => {}); // reported to the parent as an `error`; callers may still await it

  const endpoint = createEndpoint({
    peer: () => parent,
    origin: parentOrigin,
    timeoutMs,
    label: "f",
    handlers: {
      connect() {
        if (dialer) endpoint.post({ type: "ready" });
        else if (!mounting) endpoint.post({ type: "hello", instance });
      },
      mount(msg) {
        if (dialer || mounting) return "mount: the widget is already mounted";
        const config = msg.config ?? options.config;
        if (!isObject(config)) return "malformed mount: config must be an object";
        if (!Array.isArray(msg.bindings) || !msg.bindings.every((b) => typeof b === "string" && BINDING.test(b))) {
          return "malformed mount: bindings must be an array of names like \"calling.dial\"";
        }
        if (msg.presenceSubscribe !== undefined && typeof msg.presenceSubscribe !== "boolean") return "malformed mount: presenceSubscribe must be true or false";
        mounting = true;
        const host = proxyHost(msg.bindings, msg.presenceSubscribe === true);
        Promise.resolve()
          .then(load)
          .then((glue) => {
            // Listening first: the widget reports readiness while it mounts.
            for (const name of FORWARDED) element.addEventListener(name, forwardEvent);
            try {
              dialer = mountGuarded(glue, element, host, config, (handle) => { dialer = handle; });
            } catch (error) {
              dialer = null;
              for (const name of FORWARDED) element.removeEventListener(name, forwardEvent);
              throw error;
            }
            mounting = false;
            endpoint.post({ type: "ready" });
            markReady(dialer);
          })
          .catch((error) => {
            mounting = false;
            endpoint.post({ type: "error", message: `mount: ${describe(error)}` });
            failReady(error);
          });
        return undefined;
      },
      "call-event"(msg) {
        if (!isObject(msg.event) || typeof msg.event.type !== "string") return "malformed call-event: event must be a CallEvent object";
        for (const l of [...callListeners]) l(msg.event);
        return undefined;
      },
      "presence-event"(msg) {
        if (typeof msg.event !== "string") return "malformed presence-event: event must be a status string";
        for (const l of [...presenceListeners]) l(msg.event);
        return undefined;
      },
      command(msg) {
        if (!validId(msg.id)) return "malformed command: id must be a non-empty string or an integer";
        if (!COMMANDS.includes(msg.command)) return `malformed command: command must be one of ${COMMANDS.join(", ")}`;
        const args = msg.args ?? [];
        if (!Array.isArray(args)) return "malformed command: args must be an array";
        if (msg.command === "dial" && typeof args[0] !== "string") return "malformed command: dial needs the number as a string";
        if (msg.command === "setConfig" && !isObject(args[0])) return "malformed command: setConfig needs an object";
        respond(endpoint, msg.id, () => {
          if (!dialer) throw new Error(`${msg.command}: the widget is not mounted`);
          switch (msg.command) {
            case "dial": return void dialer.dial(args[0]);
            case "setConfig": return void dialer.setConfig(args[0]);
            case "state": return dialer.state();
            case "unmount": { const d = dialer; dialer = null; d.unmount(); return undefined; }
          }
          return undefined;
        });
        return undefined;
      },
    },
  });

  function forwardEvent(event) {
    try {
      endpoint.post({ type: "event", name: event.type, detail: event.detail });
    } catch (error) {
      console.error("agent-dialer: cannot forward", event.type, error);
    }
  }

  // The proxy host: every binding the parent provides posts a request at once — synchronously
  // from the caller (the agent's click), so nothing is awaited before the parent's dial runs.
  function proxyHost(names, withPresenceSubscribe) {
    const host = { presence: {}, calling: {} };
    for (const name of names) {
      const [group, method] = name.split(".");
      if (method === "subscribe") continue;
      (host[group] ??= {})[method] = (...args) => endpoint.request({ type: "request", binding: name, args });
    }
    host.calling.subscribe = (listener) => { callListeners.add(listener); return () => callListeners.delete(listener); };
    if (withPresenceSubscribe) {
      host.presence.subscribe = (listener) => { presenceListeners.add(listener); return () => presenceListeners.delete(listener); };
    }
    return host;
  }

  endpoint.post({ type: "hello", instance });
  return {
    ready,
    get dialer() { return dialer; },
    close() {
      for (const name of FORWARDED) element.removeEventListener(name, forwardEvent);
      dialer?.unmount();
      dialer = null;
      endpoint.close();
    },
  };
}
