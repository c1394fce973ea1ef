// The JavaScript side of the UI's locale files (src/ui/i18n.rs): fetched from next to the
// widget's JS glue, like the country boundaries (src/host/location.js). This file is emitted
// by wasm-bindgen as <package>/snippets/<crate-hash>/src/ui/locale.js, so the package root is
// four levels up. The URLs are literal so that bundlers (Vite, webpack 5) emit the files.
const FILES = {
  "da-DK": () => new URL("../../../../locales/da-DK.json", import.meta.url),
  "fr-CA": () => new URL("../../../../locales/fr-CA.json", import.meta.url),
  "es-PR": () => new URL("../../../../locales/es-PR.json", import.meta.url),
  "de-DE": () => new URL("../../../../locales/de-DE.json", import.meta.url),
};

/** The parsed locale file of `tag`; rejects with a message on any failure. */
export async function fetchLocale(tag) {
  const file = FILES[tag];
  if (!file) throw new Error(`no locale file for ${tag}`);
  const url = file().href;
  const response = await fetch(url, { credentials: "same-origin" });
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response.json();
}

// Intl from here rather than through js-sys reflection in the wasm (issue 16: fewer bytes).

/** `code`'s region name in `tag` (`Intl.DisplayNames`), or undefined when it has none. */
export function regionName(tag, code) {
  try {
    const name = new Intl.DisplayNames([tag], { type: "region" }).of(code);
    return typeof name === "string" ? name : undefined;
  } catch {
    return undefined;
  }
}

/** The wall-clock time `ms` (`Date.now()` milliseconds) as `tag` writes it: 12 h or 24 h. */
export function clockTime(tag, ms) {
  try {
    return new Intl.DateTimeFormat([tag], { hour: "numeric", minute: "2-digit" }).format(new Date(ms));
  } catch {
    return "";
  }
}

/** The browser's languages, comma-separated ("" when the page made them unreadable). */
export function languages() {
  try {
    const list = navigator.languages;
    return Array.isArray(list) ? list.filter((t) => typeof t === "string").join(",") : "";
  } catch {
    return "";
  }
}

/**
 * The browser's microphones and speakers, flat: [input ("1" or ""), id, label, …]. Ids the
 * browser hides without permission (empty) and its "default"/"communications" aliases of a
 * device are left out; [] when the devices cannot be read.
 */
export async function audioDevices() {
  try {
    const out = [];
    for (const d of await navigator.mediaDevices.enumerateDevices()) {
      const input = d.kind === "audioinput";
      const id = typeof d.deviceId === "string" ? d.deviceId : "";
      if ((input || d.kind === "audiooutput") && id && id !== "default" && id !== "communications") {
        out.push(input ? "1" : "", id, typeof d.label === "string" ? d.label : "");
      }
    }
    return out;
  } catch {
    return [];
  }
}

/**
 * Calls `done(true, value)` once `value` (a promise, or anything) has resolved, or
 * `done(false, error)` once it rejected: exactly once, in a microtask at the earliest. The wasm
 * waits for promises through this instead of an async executor of its own (issue 16).
 */
export function settle(value, done) {
  Promise.resolve(value).then((v) => done(true, v), (e) => done(false, e));
}
