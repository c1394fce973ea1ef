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

/**
 * Structural check of a host object; returns a message naming what is wrong, or "".
 * `bindings` is the contract's list from the core (src/core/names.rs), one
 * `[group, method, required]` per binding, required ones first: no binding name is written here.
 */
export function checkHost(host, bindings) {
  if (host === null || typeof host !== "object") return "host must be an object with presence and calling bindings";
  for (const [group, method, required] of bindings) {
    const g = host[group];
    if (required) {
      if (g === null || typeof g !== "object") return `host.${group} is missing`;
      if (typeof g[method] !== "function") return `host.${group}.${method} must be a function`;
    } else if (g !== undefined) {
      if (g === null || typeof g !== "object") return `host.${group} must be an object when given`;
      if (g[method] !== undefined && typeof g[method] !== "function") return `host.${group}.${method} must be a function when given`;
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

/** Structural check of the configuration's shape, naming the path; "" when fine. */
export function checkConfigShape(config) {
  const isObj = (v) => v !== null && typeof v === "object" && !Array.isArray(v);
  if (!isObj(config)) return "config must be an object with at least agent.id";
  if (!isObj(config.agent)) return "config.agent must be an object { id, name }";
  if (typeof config.agent.id !== "string") return "config.agent.id must be a non-empty string";
  if (config.agent.name !== undefined && typeof config.agent.name !== "string") return "config.agent.name must be a string";
  for (const key of ["emergency", "readiness"]) {
    if (config[key] != null && !isObj(config[key])) return `config.${key} must be an object when given`;
  }
  if (config.locale != null && typeof config.locale !== "string") return "config.locale must be a string";
  const e = config.emergency ?? {};
  for (const key of ["recipients", "outsideLinePrefix", "civicAddress"]) {
    if (e[key] != null && typeof e[key] !== "string") return `config.emergency.${key} must be a string`;
  }
  if (e.supportedRegions != null && !(Array.isArray(e.supportedRegions) && e.supportedRegions.every((r) => typeof r === "string"))) {
    return "config.emergency.supportedRegions must be an array of region codes";
  }
  if (e.unsupportedRegionPolicy != null && !["block", "attempt"].includes(e.unsupportedRegionPolicy)) {
    return 'config.emergency.unsupportedRegionPolicy must be "block" or "attempt"';
  }
  if (e.template != null && !(isObj(e.template) && typeof e.template.subject === "string" && typeof e.template.body === "string")) {
    return "config.emergency.template must be { subject: string, body: string }";
  }
  const r = config.readiness;
  if (r != null) {
    for (const key of ["voiceOutboundProfile", "mailboxEnabled"]) {
      if (typeof r[key] !== "boolean") return `config.readiness.${key} must be true or false`;
    }
    if (!["calling-plan", "direct-routing"].includes(r.numberType)) return 'config.readiness.numberType must be "calling-plan" or "direct-routing"';
  }
  return "";
}
