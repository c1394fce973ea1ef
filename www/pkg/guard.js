//# allFunctionsCalledOnLoad
// (The line above asks V8 — Chrome 136+ — to compile every function of this file when it loads,
// not at its first call: a first mount() used to pay ~1 ms compiling the functions it calls.
// Other engines ignore it. BENCHMARKS.md, issue 16.)
// agent-dialer: the safety net every JavaScript entry point mounts through (issue 12).
//
// - initWasm(glue, input) loads the wasm and never rejects: when it cannot be fetched, compiled
//   or instantiated, it says why (and what to do) and loads the fallback dialer instead.
// - mountGuarded(glue, element, host, config) returns a DialerHandle: the wasm widget, or — when
//   the wasm did not load or traps (a `WebAssembly.RuntimeError` from any call into it, from a
//   listener it registered, or reported on window `error` / `unhandledrejection`) — the plain-JS
//   fallback dialer (fallback.js, imported only then), which takes over the call in progress.
// - The host bindings the wasm gets pass through a thin recording proxy that remembers the call
//   (id, emergency or not), the presence to restore and whether the host form was locked, so a
//   trap never strands an emergency call. It calls the host's binding first and synchronously,
//   records afterwards, and never throws on what the host hands back. After a trap it stops the
//   dead wasm from reaching the host at all.
// `glue` is the wasm-bindgen module (its default export `init` and `mount`).

export const FALLBACK_EVENT = "dialer:fallback";
const EVENTS = ["dialer:emergency-started", "dialer:emergency-connected", "dialer:emergency-ended",
  "dialer:callback-window", "dialer:notification", "dialer:readiness", "dialer:error"];
const GROUPS = ["presence", "calling", "notification", "conversation", "activity", "settings"];

const isObject = (v) => v !== null && typeof v === "object";
const callable = (v) => typeof v === "function";
/** Reads `obj[key]` without ever throwing (hostile getters, revoked Proxies). */
export function read(obj, key) {
  try { return isObject(obj) || callable(obj) ? obj[key] : undefined; } catch { return undefined; }
}
function describe(error) {
  try {
    if (error instanceof Error) return `${error.name}: ${error.message}`;
    return typeof error === "string" ? error : JSON.stringify(error) ?? String(error);
  } catch { return "unreadable error"; }
}
/** A WebAssembly trap (also from another realm, e.g. a frame). */
export function isTrap(error) {
  try {
    return (typeof WebAssembly === "object" && error instanceof WebAssembly.RuntimeError) || (isObject(error) && error.name === "RuntimeError" && typeof error.stack === "string" && error.stack.includes("wasm"));
  } catch { return false; }
}
/** Calls then(onValue) on a thenable without ever throwing; false when `value` is no thenable. */
function whenSettled(value, onValue, onError = () => {}) {
  if (!callable(read(value, "then"))) return false;
  try { Promise.resolve(value).then(onValue, onError); } catch (error) { onError(error); }
  return true;
}
const plain = (v) => isObject(v) && !Array.isArray(v);
/** Deep-merges a configuration patch like the wasm's setConfig (`undefined` removes a key). */
export function mergeConfig(current, patch) {
  const out = { ...(plain(current) ? current : {}) };
  if (plain(patch)) for (const [k, v] of Object.entries(patch)) out[k] = plain(v) && plain(out[k]) ? mergeConfig(out[k], v) : v;
  return out;
}

// ------------------------------------------------------------------ the fallback module

let fallbackModule = null;
let fallbackLoading = null;
/** Imports fallback.js once (a failed import may be retried). */
export function loadFallback() {
  if (fallbackModule) return Promise.resolve(fallbackModule);
  fallbackLoading ??= import("./fallback.js").then(
    (m) => (fallbackModule = m),
    (error) => { fallbackLoading = null; throw error; },
  );
  return fallbackLoading;
}

// ------------------------------------------------------------------ loading the wasm

const runtimes = new WeakMap();
function runtimeOf(glue) {
  let rt = runtimes.get(glue);
  if (!rt) {
    rt = { status: "idle", failure: null, loading: null, widgets: new Set(), signature: new Set(), signatureTries: 0, watching: false };
    rt.trap = (error) => trapped(rt, error);
    runtimes.set(glue, rt);
  }
  return rt;
}

/** "idle" | "loading" | "ready" | "failed" | "trapped": where the wasm of `glue` stands. */
export function runtimeStatus(glue) {
  return runtimeOf(glue).status;
}

/** What failed while loading, and what to do about it. */
export function loadFailure(error, cspViolated = false) {
  const text = describe(error);
  const name = read(error, "name");
  const then = (reason, what, todo) => ({ reason, message: `agent-dialer: ${what} (${text}). ${todo} The fallback dialer is running: emergency calls still work.` });
  if (typeof WebAssembly !== "object") {
    return then("unsupported", "this browser does not run WebAssembly", "Use a current browser with WebAssembly enabled (it can be turned off by policy, lockdown mode or a JIT-less setting).");
  }
  if (cspViolated || /Content Security Policy|unsafe-eval/i.test(text)) {
    return then("csp", "the page's Content-Security-Policy refused to compile the dialer's WebAssembly", "The page's Content-Security-Policy lacks 'wasm-unsafe-eval' in script-src: add it (script-src 'self' 'wasm-unsafe-eval').");
  }
  if (name === "CompileError") {
    return then("compile", "agent_dialer_bg.wasm is not valid WebAssembly (damaged, truncated, or an error page served in its place)", "Deploy the package's agent_dialer_bg.wasm unchanged, served as application/wasm.");
  }
  if (name === "LinkError") {
    return then("link", "agent_dialer_bg.wasm does not fit its JavaScript glue", "Deploy agent_dialer.js and agent_dialer_bg.wasm from the same build.");
  }
  if (name === "RangeError" || /memory/i.test(text)) {
    return then("memory", "there is not enough memory to start the dialer's WebAssembly", "Close other tabs or reload the page.");
  }
  if (name === "RuntimeError") return then("trap", "the dialer's WebAssembly trapped while starting", "This is a bug in agent-dialer; reload the page.");
  if (name === "TypeError" || /fetch|HTTP|network|import/i.test(text)) {
    return then("fetch", "the dialer's WebAssembly (agent_dialer_bg.wasm) or its JavaScript could not be fetched", "Check that the files are deployed next to the package's JavaScript and that no proxy, connect-src rule or network error blocks them.");
  }
  return then("instantiate", "the dialer's WebAssembly could not start", "Reload the page; if it persists, report this message.");
}

/**
 * Loads the wasm (`glue.default(input)`, wasm-bindgen's init). Never rejects: on failure it
 * resolves with undefined once the fallback dialer is ready, and a later call tries again.
 */
export function initWasm(glue, input) {
  const rt = runtimeOf(glue);
  if (rt.status === "ready") return Promise.resolve(rt.value);
  if (rt.loading) return rt.loading;
  if (rt.status === "trapped") return loadFallback().then(() => undefined, () => undefined);
  rt.status = "loading";
  let cspViolated = false;
  const onViolation = (event) => { if (/wasm|eval/i.test(`${event.blockedURI} ${event.violatedDirective}`)) cspViolated = true; };
  globalThis.addEventListener?.("securitypolicyviolation", onViolation);
  rt.loading = (async () => {
    try {
      if (typeof WebAssembly !== "object") throw new Error("WebAssembly is not available");
      const value = await glue.default(input);
      rt.status = "ready";
      rt.value = value;
      rt.failure = null;
      watchTraps(rt);
      warmUp(glue, rt);
      return value;
    } catch (error) {
      // Give the violation report (queued as a task) a chance to arrive.
      await new Promise((resolve) => setTimeout(resolve, 0));
      rt.status = "failed";
      rt.failure = loadFailure(error, cspViolated);
      console.error(rt.failure.message, error);
      // Bounded: a stalled download must not keep the host's `await init()` (and its mount) waiting.
      const loaded = loadFallback().catch((e) => console.error("agent-dialer: the fallback dialer could not be loaded either", e));
      await Promise.race([loaded, new Promise((resolve) => setTimeout(resolve, 10_000))]);
      return undefined;
    } finally {
      rt.loading = null;
      globalThis.removeEventListener?.("securitypolicyviolation", onViolation);
    }
  })();
  return rt.loading;
}

/** initSync's counterpart of initWasm: never throws; on failure the fallback starts loading. */
export function initWasmSync(glue, input) {
  const rt = runtimeOf(glue);
  if (rt.status === "ready") return rt.value;
  try {
    if (typeof WebAssembly !== "object") throw new Error("WebAssembly is not available");
    rt.value = glue.initSync(input);
    rt.status = "ready";
    rt.failure = null;
    watchTraps(rt);
    warmUp(glue, rt);
    return rt.value;
  } catch (error) {
    rt.status = "failed";
    rt.failure = loadFailure(error);
    console.error(rt.failure.message, error);
    loadFallback().catch(() => {});
    return undefined;
  }
}

// ------------------------------------------------------------------ warm-up

/** The configuration the warm-up reads (a host's shape; nothing in it reaches a host). */
const WARM_UP_CONFIG = {
  agent: { id: "warm-up", name: "Warm-up" }, locale: "en-US",
  emergency: { recipients: "warm-up@example.invalid", locationOverride: { region: "US" } },
  readiness: { voiceOutboundProfile: true, mailboxEnabled: true, numberType: "calling-plan" },
};

/** The warm-up's host: every binding answers at once and does nothing. It is never a page's. */
function inertHost() {
  const none = () => {};
  return {
    presence: { get: () => "available", set: none, subscribe: () => none },
    calling: { dial: () => ({ callId: "warm-up" }), hangUp: none, answer: none, subscribe: () => none },
  };
}

/**
 * The last step of init, before it resolves: the wasm's `warmUp` (src/warm.rs) rehearses a
 * whole mount and unmount with an inert host (through this file's recording proxy, as a real
 * mount) in a detached element (laid out once in a hidden box that leaves the document in the
 * same task: never painted), and runs the emergency-dial path once off-document. Browsers
 * compile wasm and JavaScript functions on their first call, and set up their first layout of
 * the widget's styles and fonts; this pays for both here, so the first `mount()` paints in the
 * next frame and the agent's first Call click is not slowed
 * (issue 16; BENCHMARKS.md). Touches no host of the page, storage key, dialer's channel or
 * position (it primes the browser's storage set-up, primeBrowser below; its channel is the
 * warm-up's own, which no dialer joins); the
 * wasm skips it once a widget has mounted. A trap in it is a trap like any other (the
 * fallback takes over). A performance measure, "agent-dialer:warm-up", shows it in profiles.
 */
function warmUp(glue, rt) {
  if (typeof glue.warmUp !== "function") return;
  const start = performance.now();
  try {
    if (!glue.warmUp(WARM_UP_CONFIG, createTracker(rt, inertHost()).host)) return;
  } catch (error) { if (isTrap(error)) rt.trap(error); return; }
  primeBrowser();
  performance.measure?.("agent-dialer:warm-up", { start });
}
/**
 * The browser's own one-time set-up for what only a real mount uses, paid here too: the
 * first read of `navigator.languages` (the rehearsal names its locale; a host's configuration
 * usually does not) asks the browser for the agent's languages, the
 * document's first `localStorage` access loads the origin's storage area (its length is
 * read: no key is read or written). (The document's first BroadcastChannel, which connects it
 * to the browser's channel service, is the rehearsal's own: "agent-dialer-warm-up", outside
 * the dialers' "agent-dialer:<agent id>" names, closed as soon as it is open, so that nothing
 * is sent on it; src/host/tabs.rs.)
 * Together about 1–3 ms of the first mount otherwise (bench/latency.mjs). Each may throw
 * (a sandboxed frame, storage disabled): the mount then reports it as it always does.
 */
function primeBrowser() {
  try { void globalThis.navigator?.languages; } catch {}
  try { void globalThis.localStorage?.length; } catch {}
}

// ------------------------------------------------------------------ traps

/** Where our wasm's functions live, from a stack taken inside a binding call (e.g. "http://x/agent_dialer_bg.wasm"). */
function learnSignature(rt) {
  if (rt.signature.size || rt.signatureTries++ > 8) return;
  // Only the first run of wasm frames: ours, called from its glue. Frames further down may be
  // a host's own wasm that called into the widget.
  let seen = false;
  for (const line of String(new Error().stack ?? "").split("\n")) {
    const m = line.match(/([a-z][\w+.-]*:[^\s()]*?):wasm-function\[/i);
    if (m) { seen = true; rt.signature.add(m[1]); } else if (seen) break;
  }
}
/** Whether a trap seen outside our own calls is our wasm's: judged by where it trapped (the
 *  topmost wasm frame), since the stack below may run through our wasm into a host's own. */
function isOurs(rt, error, filename = "") {
  if (!isTrap(error)) return false;
  let origin = "";
  try { origin = String(error.stack ?? "").match(/([a-z][\w+.-]*:[^\s()]*?):wasm-function\[/i)?.[1] ?? ""; } catch {}
  origin ||= String(filename ?? "");
  return rt.signature.size ? rt.signature.has(origin) : /agent[-_]dialer/i.test(origin);
}
/** A trap in a wasm-run DOM event handler, timer or task only shows on window. */
function watchTraps(rt) {
  if (rt.watching || !globalThis.addEventListener) return;
  rt.watching = true;
  addEventListener("error", (event) => { try { if (isOurs(rt, event.error, event.filename)) rt.trap(event.error); } catch {} });
  addEventListener("unhandledrejection", (event) => { try { if (isOurs(rt, event.reason)) rt.trap(event.reason); } catch {} });
}
function trapped(rt, error) {
  if (rt.status === "trapped") return;
  rt.status = "trapped";
  rt.failure = {
    reason: "trap",
    message: `agent-dialer: the dialer's WebAssembly trapped (${describe(error)}). This is a bug in agent-dialer: reload the page to get the full dialer back. The fallback dialer is running: emergency calls still work.`,
  };
  console.error(rt.failure.message);
  for (const widget of [...rt.widgets]) {
    try { widget.takeOver(rt.failure); } catch (e) { console.error("agent-dialer: fallback takeover failed", e); }
  }
}

// ------------------------------------------------------------------ the recording proxy

/**
 * Wraps `host` for the wasm. Returns { host, adoption(), dials }: `adoption()` is what the
 * fallback needs to take over (see fallback.js createFallback `adopt`).
 */
function createTracker(rt, realHost) {
  const seen = { presence: undefined, call: null, episode: null, callback: null, incoming: new Map(), dials: 0 };
  const dead = () => rt.status === "trapped";
  const cache = new WeakMap();
  const views = new WeakMap();

  const onCallEvent = (event) => {
    const type = read(event, "type");
    const callId = read(event, "callId");
    if (typeof callId !== "string") return;
    const call = seen.call;
    if (type === "callback-number") {
      const number = read(event, "number");
      const secs = Number(read(event, "validForSeconds"));
      if (typeof number === "string") seen.callback = { number, expiresAt: Date.now() + Math.min(Math.max(secs || 0, 0), 86_400) * 1000 };
    } else if (type === "incoming") {
      const to = read(event, "to");
      const from = read(event, "from");
      const cb = seen.callback;
      seen.incoming.set(callId, { from: typeof from === "string" ? from : "", callback: !!cb && to === cb.number && Date.now() < cb.expiresAt });
      if (seen.incoming.size > 16) seen.incoming.delete(seen.incoming.keys().next().value);
    } else if (call && call.callId === callId) {
      if (type === "ended") call.ended = true;
      else if (type === "ringing" || type === "connected") call.status = type;
    }
  };
  const startEpisode = () => { seen.episode ??= { saved: seen.presence, dnd: false, form: false }; };
  const liveEmergency = () => !!seen.call?.emergency && !seen.call.ended;

  /** Records a binding call the wasm made (after the host's binding ran). Never throws. */
  function record(name, args, result) {
    switch (name) {
      case "calling.dial": {
        const request = args[0];
        const emergency = read(request, "emergency") === true;
        const number = read(request, "number");
        const call = { number: typeof number === "string" ? number : "", emergency, direction: "outbound", status: "dialing", ended: false, locationUnknown: emergency && read(request, "region") === undefined };
        seen.call = call;
        if (emergency) {
          startEpisode();
          loadFallback().catch(() => {}); // warm: a trap mid-call must not wait for the network
        }
        const take = (value) => { const id = read(value, "callId"); if (typeof id === "string" && id) call.callId = id; return call.callId; };
        if (!take(result)) {
          call.pending = new Promise((resolve, reject) => {
            if (!whenSettled(result, (v) => (take(v) ? resolve(call.callId) : reject()), reject)) reject();
          });
          call.pending.catch(() => {});
        }
        break;
      }
      case "calling.answer": {
        const inc = seen.incoming.get(args[0]);
        if (inc) {
          seen.call = { callId: args[0], number: inc.from, emergency: inc.callback, direction: "inbound", status: "answering", ended: false };
          if (inc.callback) startEpisode();
        }
        break;
      }
      case "presence.set": {
        const status = args[0];
        if (typeof status !== "string") break;
        if (seen.episode && status === "dnd") seen.episode.dnd = true;
        else if (!liveEmergency()) seen.episode = null; // the wasm restoring presence: nothing owed
        seen.presence = status;
        break;
      }
      case "presence.get":
        if (typeof result === "string") seen.presence = result;
        else whenSettled(result, (v) => { if (typeof v === "string") seen.presence = v; });
        break;
      case "conversation.setEmergencyMode":
        if (seen.episode) seen.episode.form = args[0] === true;
        break;
    }
  }

  /** The host's listener for the wasm's listener: records, forwards, catches the wasm's traps. */
  function relay(name, listener) {
    if (!callable(listener)) return listener;
    return function relayed(...args) {
      try { if (name === "calling.subscribe") onCallEvent(args[0]); else if (typeof args[0] === "string") seen.presence = args[0]; } catch {}
      if (dead()) return undefined;
      try {
        return Reflect.apply(listener, this, args);
      } catch (error) {
        if (!isTrap(error)) throw error;
        rt.trap(error);
        return undefined;
      }
    };
  }

  function wrap(name, fn, owner) {
    let byName = cache.get(owner);
    if (!byName) cache.set(owner, (byName = new Map()));
    const hit = byName.get(name);
    if (hit && hit.fn === fn) return hit.wrapper;
    const subscribe = name.endsWith(".subscribe");
    const wrapper = function (...args) {
      if (dead()) return undefined; // a trapped wasm reaches the host no more
      if (subscribe) args[0] = relay(name, args[0]);
      if (name === "calling.dial") seen.dials++;
      let result;
      try {
        result = Reflect.apply(fn, owner, args); // first, synchronously; a throw passes through
      } catch (error) {
        if (isOurs(rt, error)) rt.trap(error); // the host re-entered our wasm, which trapped
        throw error;
      }
      try {
        if (name !== "calling.dial") learnSignature(rt);
        record(name, args, result);
      } catch {}
      return result;
    };
    byName.set(name, { fn, wrapper });
    return wrapper;
  }

  // Proxies over empty targets that read the real objects on every access (a host may swap
  // bindings), so the proxy invariants never clash with frozen or exotic host objects.
  function view(real, group) {
    const handler = {
      get(_, prop) {
        const value = Reflect.get(real, prop); // a throwing getter throws as it would without us
        if (typeof prop !== "string") return value;
        if (!group) return GROUPS.includes(prop) && isObject(value) ? groupView(value, prop) : value;
        return callable(value) ? wrap(`${group}.${prop}`, value, real) : value;
      },
      has: (_, prop) => Reflect.has(real, prop),
      ownKeys: () => Reflect.ownKeys(real),
      getOwnPropertyDescriptor(target, prop) {
        const d = Reflect.getOwnPropertyDescriptor(real, prop);
        if (!d) return undefined;
        if ("value" in d) d.value = handler.get(target, prop);
        d.configurable = true;
        return d;
      },
      getPrototypeOf: () => Reflect.getPrototypeOf(real),
      set: (_, prop, value) => Reflect.set(real, prop, value),
      deleteProperty: (_, prop) => Reflect.deleteProperty(real, prop),
    };
    return new Proxy({}, handler);
  }
  /** One view per real group object: the same binding reads the same every time. */
  function groupView(real, group) {
    let byGroup = views.get(real);
    if (!byGroup) views.set(real, (byGroup = new Map()));
    if (!byGroup.has(group)) byGroup.set(group, view(real, group));
    return byGroup.get(group);
  }

  return {
    host: isObject(realHost) ? view(realHost, null) : realHost,
    get dials() { return seen.dials; },
    adoption() {
      const c = seen.call && !seen.call.ended ? { ...seen.call } : null;
      const ep = seen.episode;
      return {
        call: c, savedPresence: ep?.saved, dndSet: !!ep?.dnd, emergencyMode: !!ep?.form, presence: seen.presence,
        callback: seen.callback && Date.now() < seen.callback.expiresAt ? seen.callback : null,
      };
    },
  };
}

// ------------------------------------------------------------------ the handle

/** Structural checks the fallback needs (the wasm checks the same); throws a clear Error. */
function checkMountArgs(element, host, config) {
  if (typeof Element === "undefined" || !(element instanceof Element)) throw new Error("mount: element must be a DOM Element");
  if (!isObject(host)) throw new Error("mount: host must be an object with presence and calling bindings");
  const required = { presence: ["get", "set"], calling: ["dial", "hangUp", "answer", "subscribe"] };
  for (const [group, methods] of Object.entries(required)) {
    for (const m of methods) if (!callable(read(read(host, group), m))) throw new Error(`mount: host.${group}.${m} must be a function`);
  }
  if (!plain(config)) throw new Error("mount: config must be an object with at least agent.id");
}

/** Last resort when neither the wasm nor the fallback could load: say so, never silently. */
function lastResort(element, failure, error) {
  const p = document.createElement("p");
  p.setAttribute("role", "alert");
  p.className = "agent-dialer adf-last-resort";
  p.textContent = "The phone could not load. For an emergency, use another phone.";
  element.replaceChildren(p);
  element.dispatchEvent(new CustomEvent("dialer:error", {
    detail: { binding: "wasm", reason: failure.reason, message: `${failure.message} The fallback dialer could not be loaded either (${describe(error)}).` }, bubbles: true, composed: true,
  }));
}

/** Runs `fn` while the dead widget's own `dialer:*` events (e.g. "emergency-ended" from its unmount) are kept from the host. */
function silenced(element, fn) {
  const stop = (event) => { try { if (element.contains(event.target)) event.stopImmediatePropagation(); } catch {} };
  for (const name of EVENTS) addEventListener(name, stop, true);
  try { fn(); } catch {} finally { for (const name of EVENTS) removeEventListener(name, stop, true); }
}

/**
 * Mounts the widget: the wasm one when it is loaded, else the fallback dialer. Throws an Error
 * (as the wasm's mount does) when element, host or config is structurally malformed.
 * `onHandle(handle)` is called before the wasm mounts, so that the handle can be used from
 * bindings and listeners the mount runs (calls made then are applied right after it).
 */
export function mountGuarded(glue, element, host, config, onHandle) {
  const rt = runtimeOf(glue);
  let mode = "mounting"; // -> "wasm" | "pending" (fallback loading) | "fallback" | "unmounted"
  let wasm = null;
  let fb = null;
  let current = config; // kept in step with setConfig, for a fallback that takes over
  const queue = [];
  const tracker = createTracker(rt, host);

  // The fallback reads what to adopt when it is created, not when the trap is seen: a trap can
  // come from inside a host binding (e.g. the host's dial calling back into the widget), before
  // the proxy has recorded that binding's answer.
  let failure = null;
  let prefill = "";
  function createFallback() {
    if (mode !== "pending" || !fallbackModule) return;
    fb = fallbackModule.createFallback({ element, host, config: current, failure, adopt: tracker.adoption(), prefill });
    mode = "fallback";
    const detail = { reason: failure.reason, message: failure.message };
    const adopted = fb.state().call?.callId;
    element.dispatchEvent(new CustomEvent("dialer:error", { detail: { binding: "wasm", ...detail }, bubbles: true, composed: true }));
    element.dispatchEvent(new CustomEvent(FALLBACK_EVENT, { detail: adopted ? { ...detail, callId: adopted } : detail, bubbles: true, composed: true }));
    for (const [op, arg] of queue.splice(0)) { try { handle[op](arg); } catch (e) { console.error(e); } }
  }
  /** Unmounted while the wasm is dead and an emergency episode may be live: a headless fallback
   *  still restores presence and the host form when the call ends (E8, E9). */
  function keepEpisode() {
    const adopt = tracker.adoption();
    if (!adopt.call?.emergency && !adopt.dndSet) return;
    loadFallback().then((m) => m.createFallback({ element: document.createElement("div"), host, config: current, adopt }).unmount(), () => {});
  }
  /** Switches to the fallback: at once when `now` and the module is loaded, else after the current call stack. */
  function startFallback(why, typed, now) {
    mode = "pending";
    failure = why;
    prefill = typed;
    if (now && fallbackModule) return createFallback();
    loadFallback().then(createFallback, (error) => { if (mode === "pending") lastResort(element, failure, error); });
  }

  const widget = {
    takeOver(why) {
      if (mode !== "wasm" && mode !== "mounting") return;
      const input = element.querySelector?.("input[data-test=number]");
      const typed = typeof input?.value === "string" ? input.value : "";
      const dying = wasm;
      wasm = null;
      element.replaceChildren();
      // Tear the dead widget down after the current call stack (it may still be on it); its
      // host calls are already cut off and its events are kept from the host.
      if (dying) {
        queueMicrotask(() => {
          silenced(element, () => { dying.unmount(); });
          for (const node of [...element.childNodes]) if (!node.classList?.contains("adf")) node.remove();
        });
      }
      startFallback(why, typed, false);
    },
  };
  rt.widgets.add(widget);

  const handle = {
    /** Same as typing `number` and pressing Call: host.calling.dial runs before this returns. */
    dial(number) {
      if (mode === "wasm") {
        const before = tracker.dials;
        try { return wasm.dial(number); } catch (error) {
          if (!isTrap(error)) throw error;
          rt.trap(error);
          // The trap came before the host's dial: the fallback places the call, now.
          if (tracker.dials === before) {
            createFallback();
            return handle.dial(number);
          }
          return undefined;
        }
      }
      if (mode === "fallback") return fb.dial(number);
      if (mode === "unmounted") throw new Error("agent-dialer: dial: the dialer is unmounted");
      queue.push(["dial", number]); // mounting, or the fallback still loading: placed the moment it is there
      return undefined;
    },
    /** Merges `partial` into the configuration; throws (changing nothing) when malformed. */
    setConfig(partial) {
      if (mode === "wasm") {
        try { wasm.setConfig(partial); } catch (error) {
          if (!isTrap(error)) throw error;
          rt.trap(error);
          return handle.setConfig(partial);
        }
        current = mergeConfig(current, partial);
        return undefined;
      }
      if (mode === "fallback") { fb.setConfig(partial); current = mergeConfig(current, partial); return undefined; }
      if (mode === "unmounted") throw new Error("agent-dialer: setConfig: the dialer is unmounted");
      if (!plain(partial)) throw new Error("agent-dialer: setConfig needs an object");
      current = mergeConfig(current, partial);
      if (mode === "mounting") queue.push(["setConfig", partial]);
      return undefined;
    },
    /** The DialerSnapshot (with `fallback: { reason, message }` while the fallback dialer runs). */
    state() {
      if (mode === "wasm") {
        try { return wasm.state(); } catch (error) {
          if (!isTrap(error)) throw error;
          rt.trap(error);
          return handle.state();
        }
      }
      if (mode === "fallback") return fb.state();
      const a = tracker.adoption();
      const snapshot = { presence: a.presence ?? null, emergencyMode: !!a.call?.emergency, locationStatus: "unknown" };
      if (a.call) snapshot.call = { callId: a.call.callId ?? null, number: a.call.number, emergency: a.call.emergency, status: a.call.status };
      if (mode === "pending") snapshot.fallback = { reason: failure?.reason ?? "unknown", message: failure?.message ?? "" };
      if (mode === "mounting") snapshot.mounting = true;
      return snapshot;
    },
    /** Removes the widget and releases its listeners. Idempotent. */
    unmount() {
      const was = mode;
      mode = "unmounted";
      rt.widgets.delete(widget);
      queue.length = 0;
      if (was === "wasm") {
        const w = wasm;
        wasm = null;
        try { w.unmount(); } catch (error) {
          if (!isTrap(error)) throw error;
          rt.trap(error);
          keepEpisode(); // it died while unmounting
          return undefined;
        }
        // Unmounted (e.g. from a dialer:emergency-ended listener) after the emergency call ended
        // but before the widget restored presence and the host form: restore them (E8, E9).
        // Checked once the current task's work is done; a call still live is the widget's own.
        queueMicrotask(() => { const a = tracker.adoption(); if (!a.call && (a.dndSet || a.emergencyMode)) keepEpisode(); });
      } else if (was === "fallback") fb.unmount();
      else if (was === "pending") keepEpisode();
      return undefined;
    },
    free() { try { wasm?.free?.(); } catch {} },
  };

  const early = { reason: "not-initialised", message: "agent-dialer: mount() was called before init() resolved: call `await init()` first. The fallback dialer is running: emergency calls still work." };
  if (rt.status === "ready" || rt.status === "idle") {
    // "idle": init() may have run without this wrapper (e.g. the glue's own init): try.
    try {
      onHandle?.(handle);
      const mounted = glue.mount(element, tracker.host, config);
      if (mode === "mounting") {
        wasm = mounted;
        mode = "wasm";
        if (rt.status === "idle") { rt.status = "ready"; watchTraps(rt); }
        for (const [op, arg] of queue.splice(0)) { try { handle[op](arg); } catch (e) { console.error(e); } }
      } else if (mode === "unmounted") {
        mounted.unmount(); // unmounted from a listener while mounting
      } else {
        // Trapped inside its own mount: let it go, silently.
        silenced(element, () => { mounted.unmount(); });
        for (const node of [...element.childNodes]) if (!node.classList?.contains("adf")) node.remove();
      }
      return handle;
    } catch (error) {
      if (isTrap(error)) { rt.trap(error); return handle; }
      if (!(rt.status === "idle" && error instanceof TypeError)) {
        mode = "unmounted";
        rt.widgets.delete(widget);
        throw error; // a clear Error: malformed element, host or config
      }
    }
  }
  try {
    checkMountArgs(element, host, config);
  } catch (error) {
    mode = "unmounted";
    rt.widgets.delete(widget);
    throw error;
  }
  onHandle?.(handle);
  startFallback(rt.status === "failed" || rt.status === "trapped" ? rt.failure : early, "", true);
  return handle;
}

/** For the package's own unit tests (www/test/guard.test.mjs); not part of the API. */
export const internals = { createTracker, runtimeOf, isOurs };
