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
