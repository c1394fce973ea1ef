// The JavaScript side of browser location (src/host/location.rs): the Permissions API state
// with its `change` event, the Geolocation API's `watchPosition`, and fetching the country
// boundaries asset. Every listener and watch it starts is released by the `stop` it returns.

function describe(error) {
  if (error instanceof Error) return error.message || error.name;
  if (error && typeof error.message === "string") return error.message;
  return String(error);
}

/**
 * Watches the geolocation permission and position.
 *   onPermission("granted" | "denied" | "prompt")
 *   onPosition(latitude, longitude, accuracyMeters)
 *   onError(kind, message), kind: "denied" | "unavailable" | "timeout"
 * Returns stop(): removes the permission listener and clears the watch. Never throws.
 */
export function watchLocation(onPermission, onPosition, onError, timeoutMs, maximumAgeMs) {
  try {
    return startWatching(onPermission, onPosition, onError, timeoutMs, maximumAgeMs);
  } catch (e) {
    try { onError("unavailable", describe(e)); } catch {}
    return () => {};
  }
}

function startWatching(onPermission, onPosition, onError, timeoutMs, maximumAgeMs) {
  let stopped = false;
  let watchId = null;
  let status = null;
  const nav = globalThis.navigator;
  const geo = nav && nav.geolocation;

  const startWatch = () => {
    if (stopped || watchId !== null) return;
    if (!geo || typeof geo.watchPosition !== "function") {
      onError("unavailable", "this browser has no geolocation");
      return;
    }
    try {
      watchId = geo.watchPosition(
        (p) => {
          if (stopped) return;
          let c;
          try { c = [Number(p.coords.latitude), Number(p.coords.longitude), Number(p.coords.accuracy)]; } catch { return; }
          onPosition(c[0], c[1], c[2]);
        },
        (e) => {
          if (stopped) return;
          const kind = e && e.code === 1 ? "denied" : e && e.code === 3 ? "timeout" : "unavailable";
          if (kind === "denied" && watchId !== null) { try { geo.clearWatch(watchId); } catch {} watchId = null; }
          onError(kind, describe(e));
        },
        { enableHighAccuracy: false, timeout: timeoutMs, maximumAge: maximumAgeMs },
      );
    } catch (e) {
      watchId = null;
      onError("unavailable", describe(e));
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
    onPermission(state);
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
      onPermission(state);
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
export async function fetchBytes(url) {
  const response = await fetch(url, { credentials: "same-origin" });
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

/**
 * Where the boundaries asset is served by default: next to the widget's JS glue. This file is
 * emitted by wasm-bindgen as <package>/snippets/<crate-hash>/src/host/location.js, so the
 * package root is four levels up.
 */
export function defaultAssetUrl(file) {
  try { return new URL(`../../../../${file}`, import.meta.url).href; } catch { return file; }
}
