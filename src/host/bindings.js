// The JavaScript side of the host boundary (src/host/bindings.rs). Small on purpose: it
// calls one host binding, turns a throw, a rejection or a timeout into a failure of that
// binding only, and reports exactly once through `done(ok, valueOrMessage)`.

function describe(error) {
  if (error instanceof Error) return error.message || error.name;
  if (typeof error === "string") return error;
  try { return JSON.stringify(error) ?? String(error); } catch { return String(error); }
}

/** Calls host[group][method](...args). Returns false when the binding does not exist. */
export function invokeBinding(host, group, method, args, timeoutMs, done) {
  const target = host == null ? undefined : host[group];
  const fn = target == null ? undefined : target[method];
  if (typeof fn !== "function") return false;
  let result;
  try {
    result = fn.apply(target, args);
  } catch (error) {
    done(false, describe(error));
    return true;
  }
  if (result === null || typeof result !== "object" && typeof result !== "function" || typeof result.then !== "function") {
    done(true, result);
    return true;
  }
  let settled = false;
  const timer = setTimeout(() => {
    if (!settled) { settled = true; done(false, `no answer within ${timeoutMs} ms`); }
  }, timeoutMs);
  const settle = (ok, value) => {
    if (settled) return;
    settled = true;
    clearTimeout(timer);
    done(ok, ok ? value : describe(value));
  };
  try {
    Promise.resolve(result).then((v) => settle(true, v), (e) => settle(false, e));
  } catch (error) {
    settle(false, error);
  }
  return true;
}

/** Calls host[group].subscribe(listener); returns the unsubscribe function or undefined. */
export function subscribeBinding(host, group, listener) {
  const target = host == null ? undefined : host[group];
  if (target == null || typeof target.subscribe !== "function") return undefined;
  const off = target.subscribe(listener);
  return typeof off === "function" ? off : undefined;
}

/** Structural check of a host object; returns a message naming what is wrong, or "". */
export function checkHost(host) {
  if (host === null || typeof host !== "object") return "host must be an object with presence and calling bindings";
  const required = { presence: ["get", "set"], calling: ["dial", "hangUp", "answer", "subscribe"] };
  for (const [group, methods] of Object.entries(required)) {
    if (host[group] === null || typeof host[group] !== "object") return `host.${group} is missing`;
    for (const m of methods) {
      if (typeof host[group][m] !== "function") return `host.${group}.${m} must be a function`;
    }
  }
  const optional = { presence: ["subscribe"], calling: ["hold", "mute", "sendDtmf", "setAudioDevices"],
    notification: ["sendEmail"], conversation: ["setEmergencyMode"], activity: ["record"] };
  for (const [group, methods] of Object.entries(optional)) {
    const g = host[group];
    if (g === undefined) continue;
    if (g === null || typeof g !== "object") return `host.${group} must be an object when given`;
    for (const m of methods) {
      if (g[m] !== undefined && typeof g[m] !== "function") return `host.${group}.${m} must be a function when given`;
    }
  }
  return "";
}

/** Deep-merges a partial configuration into a copy of the current one (setConfig). */
export function mergeConfig(current, partial) {
  const isPlain = (v) => v !== null && typeof v === "object" && !Array.isArray(v);
  const merge = (a, b) => {
    const out = { ...a };
    for (const [k, v] of Object.entries(b)) out[k] = isPlain(v) && isPlain(a[k]) ? merge(a[k], v) : v;
    return out;
  };
  return merge(isPlain(current) ? current : {}, isPlain(partial) ? partial : {});
}

/** Dispatches a bubbling CustomEvent on the mount element. */
export function dispatchDialerEvent(element, name, detail) {
  element.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
}
