//# allFunctionsCalledOnLoad
// (Compile hint for V8, eager compilation at load: see www/pkg/guard.js.)
// The JavaScript side of the host boundary (src/host/bindings.rs). Small on purpose: it
// calls one host binding and reports how it went exactly once through `done(code, value)`;
// nothing a host does (a throw, a rejection, a promise that never settles, a `then` getter
// that throws, a revoked Proxy, a thenable that settles twice) escapes from here into Rust.
// Every function exported here returns normally, whatever it is given: the wasm imports them
// without `catch`, so an exception would unwind through Rust frames (E11).

/** Outcome codes of `done(code, value)`, mirrored by `Outcome` in bindings.rs. */
const OK = 0; // value: what the binding answered (a plain value, or what its promise resolved to)
const FAILED = 1; // value: message. It threw or rejected.
const UNREADABLE = 2; // value: message. It answered with something that cannot be read.
const TIMEOUT = 3; // value: message. No answer within the timeout; `late` may follow.

/** A readable message for anything thrown; never throws itself. */
export function describe(error) {
  try {
    if (error instanceof Error) return String(error.message || error.name);
    if (typeof error === "string") return error;
    const json = JSON.stringify(error);
    return json === undefined ? String(error) : json;
  } catch {
    try { return String(error); } catch { return "an unreadable error"; }
  }
}

function isObject(v) {
  return v !== null && (typeof v === "object" || typeof v === "function");
}

/** Reads `obj[key]`: [true, value], or [false, message] when reading throws. */
function read(obj, key) {
  try { return [true, isObject(obj) ? obj[key] : undefined]; } catch (error) { return [false, describe(error)]; }
}

/**
 * Follows a thenable to its value, reading each `then` once: `settle(code, value)` runs at
 * most once, whatever the thenable does (settle twice, throw, resolve with another thenable).
 */
function follow(value, depth, settle) {
  const [readable, then] = read(value, "then");
  if (!readable) return settle(UNREADABLE, `the answer cannot be read: ${then}`);
  if (typeof then !== "function") return settle(OK, value);
  if (depth > 8) return settle(UNREADABLE, "the answer is a chain of more than 8 thenables");
  let called = false;
  const once = (f) => (v) => { if (!called) { called = true; f(v); } };
  try {
    then.call(value, once((v) => follow(v, depth + 1, settle)), once((e) => settle(FAILED, describe(e))));
  } catch (error) {
    once((e) => settle(FAILED, describe(e)))(error);
  }
}

/**
 * `done(code, value)` once `value` has settled: OK with a plain value (at once) or what its
 * promise resolved to, FAILED with the message of a rejection. How the shell waits for its own
 * promises (the geocoder's loading) without an async executor in the wasm (issue 16).
 */
export function settleValue(value, done) {
  follow(value, 0, done);
}

/**
 * Calls host[group][method](...args) now. Returns false (and calls nothing) when the host has
 * no such function. Otherwise `done(code, value)` runs exactly once — at once for a plain
 * answer or a throw, later for a promise (or TIMEOUT after `timeoutMs`) — and, after a
 * TIMEOUT, `late(code, value)` (when given) runs once if the promise settles after all.
 */
export function invokeBinding(host, group, method, args, timeoutMs, done, late) {
  const [groupOk, target] = read(host, group);
  const [fnOk, fn] = groupOk ? read(target, method) : [false, target];
  if (!fnOk) {
    done(FAILED, `host.${group}.${method} cannot be read: ${fn}`);
    return true;
  }
  if (typeof fn !== "function") return false;
  let result;
  try {
    result = fn.apply(target, args);
  } catch (error) {
    done(FAILED, describe(error));
    return true;
  }
  let state = "pending";
  let timer;
  const settle = (code, value) => {
    if (state === "settled") return;
    const wasLate = state === "timed-out";
    state = "settled";
    if (timer !== undefined) clearTimeout(timer);
    if (!wasLate) done(code, value);
    else if (typeof late === "function") late(code, value);
  };
  const [readable, then] = read(result, "then");
  if (!readable || typeof then !== "function") {
    settle(readable ? OK : UNREADABLE, readable ? result : `the answer cannot be read: ${then}`);
    return true;
  }
  try {
    timer = setTimeout(() => {
      if (state !== "pending") return;
      state = "timed-out";
      done(TIMEOUT, `no answer within ${timeoutMs} ms`);
    }, timeoutMs);
  } catch {
    timer = undefined;
  }
  follow(result, 0, settle);
  return true;
}

/**
 * Calls host[group].subscribe(listener) with a wrapper that forwards to `listener` only until
 * the returned `off()` runs; `off()` also calls the host's unsubscribe function (if any) and
 * never throws. Returns [off, null] or [null, message] when subscribing threw.
 */
export function subscribeBinding(host, group, listener) {
  let live = true;
  const forward = (event) => { if (live) listener(event); };
  const [ok, target] = read(host, group);
  if (!ok) return [null, target];
  let unsubscribe;
  try {
    unsubscribe = target.subscribe(forward);
  } catch (error) {
    live = false;
    return [null, describe(error)];
  }
  const off = () => {
    if (!live) return;
    live = false;
    try { if (typeof unsubscribe === "function") unsubscribe(); } catch {}
  };
  return [off, null];
}

/**
 * Structural check of a host object; returns a message naming what is wrong, or "".
 * `bindings` is the contract's list from the core (src/core/names.rs), one
 * `[group, method, required]` per binding, required ones first: no binding name is written here.
 */
export function checkHost(host, bindings) {
  if (host === null || typeof host !== "object") return "host must be an object with presence and calling bindings";
  for (const [group, method, required] of bindings) {
    const [groupOk, g] = read(host, group);
    if (!groupOk) return `host.${group} cannot be read: ${g}`;
    const [fnOk, fn] = isObject(g) ? read(g, method) : [true, undefined];
    if (!fnOk) return `host.${group}.${method} cannot be read: ${fn}`;
    if (required) {
      if (!isObject(g)) return `host.${group} is missing`;
      if (typeof fn !== "function") return `host.${group}.${method} must be a function`;
    } else if (g !== undefined) {
      if (!isObject(g)) return `host.${group} must be an object when given`;
      if (fn !== undefined && typeof fn !== "function") return `host.${group}.${method} must be a function when given`;
    }
  }
  return "";
}

/** Dispatches a bubbling CustomEvent on the mount element; never throws (listeners' own
 *  exceptions are reported by the browser, not thrown by dispatchEvent). */
export function dispatchDialerEvent(element, name, detail) {
  try {
    element.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
  } catch {}
}

/** "array" | "object" | "function" | typeof v, or "unreadable" (a revoked Proxy); never throws. */
export function kindOf(v) {
  try {
    if (Array.isArray(v)) return "array";
    return v === null ? "null" : typeof v;
  } catch {
    return "unreadable";
  }
}

/**
 * Listens to `type` on the window (`beforeunload`, `pagehide`); returns the function that
 * stops listening. Never throws. `beforeunload` asks the agent first when `listener` says so.
 */
export function listenWindow(type, listener) {
  let live = true;
  const forward = (event) => {
    if (!live) return;
    if (listener(event) === true && type === "beforeunload") {
      try { event.preventDefault(); event.returnValue = ""; } catch {}
    }
  };
  try { globalThis.addEventListener(type, forward); } catch { return () => {}; }
  return () => {
    live = false;
    try { globalThis.removeEventListener(type, forward); } catch {}
  };
}

/** A Rust panic, as std prints it (src/host/panic.rs). */
export function reportPanic(file, line, column, message) {
  console.error(`panicked at ${file}:${line}:${column}:\n${message}`);
}

/** The widget's root `<div class="agent-dialer">` appended to `element` (src/mount.rs), or why it cannot be. */
export function attachRoot(element) {
  let root;
  try {
    const doc = element.ownerDocument;
    if (!doc) return "mount: element has no document";
    root = doc.createElement("div");
    root.className = "agent-dialer";
  } catch {
    return "mount: cannot create the root element";
  }
  try {
    element.appendChild(root);
    return root;
  } catch {
    return "mount: cannot attach to element";
  }
}

/** The local time's offset from UTC now, in minutes (src/mount.rs). */
export function utcOffsetMinutes() {
  return -new Date().getTimezoneOffset();
}

/**
 * The warm-up's pane laid out once, never painted (src/mount.rs `rehearse`, issue 16): the
 * document's first layout of the widget pays a one-time set-up (style rules first matched, the
 * widget's fonts and text shaping, form controls), several ms that the first mount's frame
 * would pay otherwise. The element goes into a hidden box out of view (`aria-hidden`, inert;
 * styled through the CSSOM, which a strict CSP allows), the layout is forced, and box and
 * element leave the document again in the same task: no frame can show them. Nothing happens
 * when the document has no body yet or the element is already in a document.
 */
export function layOutOnce(element) {
  try {
    const doc = element.ownerDocument;
    if (!doc?.body || element.isConnected) return;
    const box = doc.createElement("div");
    box.setAttribute("aria-hidden", "true");
    box.inert = true;
    Object.assign(box.style, { position: "fixed", top: "0", left: "-10000px", width: "360px", visibility: "hidden", pointerEvents: "none" });
    box.append(element);
    doc.body.append(box);
    try { box.getBoundingClientRect(); } finally { box.remove(); element.remove(); }
  } catch {}
}

/** A new `<div>` of the page's document, not in it (src/warm.rs), or null when there is none. */
export function detachedElement() {
  try {
    return document.createElement("div");
  } catch {
    return null;
  }
}
