//# allFunctionsCalledOnLoad
// (Compile hint for V8, eager compilation at load: see www/pkg/guard.js.)
// The JavaScript side of browser location (src/host/location.rs): the Permissions API state
// with its `change` event, the Geolocation API's `watchPosition`, and loading the reverse
// geocoder module with the country boundaries data. Every listener and watch it starts is
// released by the `stop` it returns.

function describe(error) {
  if (error instanceof Error) return error.message || error.name;
  if (error && typeof error.message === "string") return error.message;
  return String(error);
}

/** What `watchLocation`'s listener is told, mirrored by `location.rs`. */
const PERMISSION = 0; // value: "granted" | "denied" | "prompt"
const POSITION = 1; // value: [latitude, longitude, accuracyMeters]
const ERROR = 2; // value: "denied" | "unavailable" | "timeout"

/**
 * Watches the geolocation permission and position, telling `on(what, value)` (one listener:
 * one closure type in the wasm, issue 16; the codes above). Returns stop(): removes the
 * permission listener and clears the watch. Never throws.
 */
export function watchLocation(on, timeoutMs, maximumAgeMs) {
  try {
    return startWatching(on, timeoutMs, maximumAgeMs);
  } catch {
    try { on(ERROR, "unavailable"); } catch {}
    return () => {};
  }
}

function startWatching(on, timeoutMs, maximumAgeMs) {
  let stopped = false;
  let watchId = null;
  let status = null;
  const nav = globalThis.navigator;
  const geo = nav && nav.geolocation;

  const startWatch = () => {
    if (stopped || watchId !== null) return;
    if (!geo || typeof geo.watchPosition !== "function") {
      on(ERROR, "unavailable");
      return;
    }
    try {
      watchId = geo.watchPosition(
        (p) => {
          if (stopped) return;
          let c;
          try { c = [Number(p.coords.latitude), Number(p.coords.longitude), Number(p.coords.accuracy)]; } catch { return; }
          on(POSITION, c);
        },
        (e) => {
          if (stopped) return;
          const kind = e && e.code === 1 ? "denied" : e && e.code === 3 ? "timeout" : "unavailable";
          if (kind === "denied" && watchId !== null) { try { geo.clearWatch(watchId); } catch {} watchId = null; }
          on(ERROR, kind);
        },
        { enableHighAccuracy: false, timeout: timeoutMs, maximumAge: maximumAgeMs },
      );
    } catch {
      watchId = null;
      on(ERROR, "unavailable");
    }
  };
  const stopWatch = () => {
    if (watchId !== null && geo) { try { geo.clearWatch(watchId); } catch {} }
    watchId = null;
  };
  const onChange = () => {
    if (stopped || !status) return;
    let state;
    try { state = String(status.state); } catch { return; }
    on(PERMISSION, state);
    if (state === "denied") stopWatch();
    else startWatch();
  };

  const perms = nav && nav.permissions;
  if (perms && typeof perms.query === "function") {
    let query;
    try { query = Promise.resolve(perms.query({ name: "geolocation" })); } catch (e) { query = Promise.reject(e); }
    query.then((s) => {
      if (stopped || !s) return;
      let state;
      try { state = String(s.state); s.addEventListener("change", onChange); status = s; } catch { startWatch(); return; }
      on(PERMISSION, state);
      if (state !== "denied") startWatch();
    }, () => { if (!stopped) startWatch(); });
  } else {
    startWatch();
  }

  return () => {
    stopped = true;
    stopWatch();
    try { if (status) status.removeEventListener("change", onChange); } catch {}
    status = null;
  };
}

/** Fetches `url` as bytes; rejects with a message on any failure. */
async function fetchBytes(url) {
  const response = await fetch(url, { credentials: "same-origin" });
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

/**
 * The reverse geocoder module (geo/ in the repository: agent-dialer-geo.js and its wasm, built
 * by scripts/build-geo.mjs), from `url`, or by default next to the widget's JS glue: this file
 * is emitted as <package>/snippets/<crate-hash>/src/host/location.js, so the package root is
 * four levels up. The literal import lets bundlers split the module (and its wasm) out as a
 * chunk of its own, loaded only when a position is looked up.
 */
async function importGeocoder(url) {
  const geo = url ? await import(/* @vite-ignore */ url) : await import("../../../../agent-dialer-geo.js");
  await geo.default();
  return geo;
}

/**
 * Loads the reverse geocoder and the boundaries data at `dataUrl`, both at once. Resolves to
 * lookup(latitude, longitude, accuracyMeters) -> [region | "", ...regions near]; rejects with
 * an Error saying which of the two could not be loaded or read.
 */
export async function loadGeocoder(moduleUrl, dataUrl) {
  const [geo, bytes] = await Promise.all([
    importGeocoder(moduleUrl).catch((e) => {
      throw new Error(`the location lookup module could not be loaded: ${describe(e)}`);
    }),
    fetchBytes(dataUrl).catch((e) => {
      throw new Error(`country data could not be loaded: ${describe(e)}`);
    }),
  ]);
  try {
    geo.load(bytes);
  } catch (e) {
    throw new Error(describe(e));
  }
  return (latitude, longitude, accuracy) => geo.lookup(latitude, longitude, accuracy);
}

/**
 * Where the boundaries asset is served by default: next to the widget's JS glue. This file is
 * emitted by wasm-bindgen as <package>/snippets/<crate-hash>/src/host/location.js, so the
 * package root is four levels up.
 */
export function defaultAssetUrl(file) {
  try { return new URL(`../../../../${file}`, import.meta.url).href; } catch { return file; }
}
