// agent-dialer's fallback dialer (issue 12): plain JavaScript, no wasm. guard.js imports it
// (dynamically, so it costs nothing until needed) when the wasm cannot be fetched, compiled or
// instantiated, or traps. It places emergency calls through the same host bindings: a number
// field, Call / End call, the emergency numbers of the supported regions (SPEC E1, with the
// outside-line prefix of B2), DND and its restore (E2, E8), the host form (E9), never a recording
// or history entry (E6), the callback number (E3) and the emergency service's callback (E4).
// Ordinary numbers are not placed: the banner says the full dialer is unavailable.
// CSP-safe: DOM built with createElement/textContent only, styles in agent-dialer.css.

import { mergeConfig, read } from "./guard.js";

// ------------------------------------------------------------------ recognition (E1, B2)
// A port of src/core/emergency.rs for the regions the fallback knows; tables and answers are
// checked against the Rust sources and tests/data/emergency_vectors.tsv (www/test/).

/** Emergency numbers per region, most used first (libphonenumber metadata, as in the wasm). */
export const REGION_NUMBERS = { US: ["911", "112"], CA: ["911", "112"], PR: ["911"], GB: ["999", "112"], DK: ["112", "114"] };
export const DEFAULT_REGIONS = ["US", "CA", "PR", "GB", "DK"];
/** First code point of every run of ten Unicode decimal digits (Nd). */
export const ND_ZEROS = [
  0x30, 0x660, 0x6F0, 0x7C0, 0x966, 0x9E6, 0xA66, 0xAE6, 0xB66, 0xBE6, 0xC66, 0xCE6, 0xD66, 0xDE6, 0xE50,
  0xED0, 0xF20, 0x1040, 0x1090, 0x17E0, 0x1810, 0x1946, 0x19D0, 0x1A80, 0x1A90, 0x1B50, 0x1BB0, 0x1C40,
  0x1C50, 0xA620, 0xA8D0, 0xA900, 0xA9D0, 0xA9F0, 0xAA50, 0xABF0, 0xFF10, 0x104A0, 0x10D30, 0x11066,
  0x110F0, 0x11136, 0x111D0, 0x112F0, 0x11450, 0x114D0, 0x11650, 0x116C0, 0x11730, 0x118E0, 0x11950,
  0x11C50, 0x11D50, 0x11DA0, 0x16A60, 0x16AC0, 0x16B50, 0x1D7CE, 0x1D7D8, 0x1D7E2, 0x1D7EC, 0x1D7F6,
  0x1E140, 0x1E2F0, 0x1E950, 0x1FBF0,
];
/** Other characters with a digit value (superscripts, circled …): [first code point, value, count]. */
export const OTHER_DIGITS = [
  [0xB2, 2, 2], [0xB9, 1, 1], [0x1369, 1, 9], [0x19DA, 1, 1], [0x2070, 0, 1], [0x2074, 4, 6],
  [0x2080, 0, 10], [0x2460, 1, 9], [0x2474, 1, 9], [0x2488, 1, 9], [0x24EA, 0, 1], [0x24F5, 1, 9],
  [0x24FF, 0, 1], [0x2776, 1, 9], [0x2780, 1, 9], [0x278A, 1, 9], [0x10A40, 1, 4], [0x10E60, 1, 9],
  [0x11052, 1, 9], [0x1F100, 0, 1], [0x1F101, 0, 10],
];

const lastAtOrBelow = (list, cp, key) => {
  let lo = 0, hi = list.length;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (key(list[mid]) <= cp) lo = mid + 1; else hi = mid; }
  return lo - 1;
};
/** Value of a Unicode decimal digit (any script), else -1. */
function decimalDigit(cp) {
  if (cp < 0x80) return cp >= 0x30 && cp <= 0x39 ? cp - 0x30 : -1;
  const i = lastAtOrBelow(ND_ZEROS, cp, (z) => z);
  return i >= 0 && cp - ND_ZEROS[i] < 10 ? cp - ND_ZEROS[i] : -1;
}
/** Digit value as libphonenumber's normalize_digits_only keeps it, else -1. */
function digitValue(cp) {
  const d = decimalDigit(cp);
  if (d >= 0 || cp < 0x80) return d;
  const i = lastAtOrBelow(OTHER_DIGITS, cp, (r) => r[0]);
  return i >= 0 && cp - OTHER_DIGITS[i][0] < OTHER_DIGITS[i][2] ? OTHER_DIGITS[i][1] + cp - OTHER_DIGITS[i][0] : -1;
}
const isPlus = (ch) => ch === "+" || ch === "\uFF0B";

/** The digits libphonenumber reads from a dial string (ASCII), or null (leading plus, no digit). */
export function readDigits(dialed) {
  const chars = [...String(dialed)];
  const start = chars.findIndex((ch) => isPlus(ch) || decimalDigit(ch.codePointAt(0)) >= 0);
  if (start < 0 || isPlus(chars[start])) return null;
  let out = "";
  for (let i = start; i < chars.length; i++) {
    const ch = chars[i];
    if (ch === "/" || ch === "\\") {
      let j = i + 1;
      while (chars[j] === " ") j++;
      if (chars[j] === "x") break; // `911/x12`: a second number starts
    } else {
      const d = digitValue(ch.codePointAt(0));
      if (d >= 0) out += d;
    }
  }
  return out;
}

const numbersOf = (region) => REGION_NUMBERS[String(region).toUpperCase()] ?? [];
const exactIn = (digits, region) => numbersOf(region).find((n) => digits === n);
/** The exact number, else the longest emergency number the digits start with ("connects"). */
const connectsIn = (digits, region) => exactIn(digits, region)
  ?? numbersOf(region).filter((n) => digits.startsWith(n)).sort((a, b) => b.length - a.length)[0];

export const isEmergencyNumber = (dialed, region) => { const d = readDigits(dialed); return d !== null && !!exactIn(d, region); };
export const connectsToEmergencyNumber = (dialed, region) => { const d = readDigits(dialed); return d !== null && !!connectsIn(d, region); };

/** The emergency number `dialed` reaches in `region` (exact first, then without the prefix, then "connects"), or undefined. */
export function emergencyIn(dialed, region, outsideLinePrefix) {
  const digits = readDigits(dialed);
  if (digits === null) return undefined;
  let prefix = "";
  for (const ch of String(outsideLinePrefix ?? "")) { const d = decimalDigit(ch.codePointAt(0)); if (d >= 0) prefix += d; }
  const stripped = prefix && prefix.length <= 16 && digits.length > prefix.length && digits.startsWith(prefix) ? digits.slice(prefix.length) : null;
  return exactIn(digits, region) ?? (stripped !== null ? exactIn(stripped, region) : undefined)
    ?? connectsIn(digits, region) ?? (stripped !== null ? connectsIn(stripped, region) : undefined);
}

/** The configured supported regions (upper case), the defaults when none is usable. */
function configuredRegions(config) {
  const list = read(read(config, "emergency"), "supportedRegions");
  const codes = Array.isArray(list) ? list.filter((r) => typeof r === "string").map((r) => r.toUpperCase()) : [];
  return codes.some((r) => REGION_NUMBERS[r]) ? codes : DEFAULT_REGIONS;
}
/** The configured supported regions whose numbers the fallback knows; the defaults when none. */
export function supportedRegions(config) {
  return [...new Set(configuredRegions(config).filter((r) => REGION_NUMBERS[r]))];
}

/**
 * What dialing `dialed` means (like the wasm's flow: src/core/flow.rs `decide`):
 * { emergency: true, number, region? , locationUnknown? } | { blocked: true } | { emergency: false }.
 * The region is known only from `locationOverride.region` (the fallback has no geolocation).
 */
export function decide(dialed, config) {
  const e = read(config, "emergency");
  const prefix = read(e, "outsideLinePrefix");
  const override = read(read(e, "locationOverride"), "region");
  const region = typeof override === "string" && override ? override.toUpperCase() : undefined;
  const anySupported = () => supportedRegions(config).map((r) => emergencyIn(dialed, r, prefix)).find(Boolean);
  if (region && configuredRegions(config).includes(region)) {
    // A supported region: its own numbers; one whose table the fallback lacks (the wasm knows
    // ~240), the known regions' numbers — rather too many than an emergency call refused.
    const number = REGION_NUMBERS[region] ? emergencyIn(dialed, region, prefix) : anySupported();
    return number ? { emergency: true, number, region } : { emergency: false };
  }
  const number = anySupported();
  if (!number) return { emergency: false };
  if (!region) return { emergency: true, number, locationUnknown: true };
  return read(e, "unsupportedRegionPolicy") === "attempt" ? { emergency: true, number, region, outside: true } : { blocked: true };
}

// ------------------------------------------------------------------ localisation (B7)

const KEYS = ["banner", "title", "number", "call", "end", "inProgress", "dialing", "ringing", "connected", "answering",
  "ended", "failed", "notEmergency", "empty", "blocked", "locationUnknown", "callback", "incomingCallback"];
const EN = ["The full dialer is unavailable. Emergency calls still work.", "Phone: emergency calls only", "Number", "Call", "End call",
  "Emergency call in progress", "Calling {0}…", "Ringing {0}…", "Connected: {0}", "Answering the emergency service's callback…",
  "Emergency call ended.", "The emergency call could not be placed. Use another phone and dial {0}.",
  "Only emergency numbers can be dialed here right now: {0}.", "Enter an emergency number: {0}.",
  "Emergency calls can't be placed from this dialer where you are. Use another phone and dial the local emergency number.",
  "Location unknown — tell the dispatcher where you are.", "Callback number: {0}", "The emergency service is calling back."];
const STRINGS = {
  "en-US": EN,
  "en-GB": EN.map((s, i) => (i === 12 ? "Only emergency numbers can be dialled here right now: {0}." : i === 15 ? "Location unknown — tell the call handler where you are." : s)),
  "da-DK": ["Den fulde telefon er ikke tilgængelig. Nødopkald virker stadig.", "Telefon: kun nødopkald", "Nummer", "Ring op", "Afslut opkald",
    "Nødopkald i gang", "Ringer op til {0}…", "Ringer hos {0}…", "Forbundet: {0}", "Besvarer alarmcentralens tilbagekald…",
    "Nødopkaldet er afsluttet.", "Nødopkaldet kunne ikke foretages. Brug en anden telefon, og ring {0}.",
    "Lige nu kan der kun ringes til nødnumre her: {0}.", "Indtast et nødnummer: {0}.",
    "Nødopkald kan ikke foretages fra denne telefon, hvor du er. Brug en anden telefon, og ring til det lokale nødnummer.",
    "Placering ukendt — fortæl alarmoperatøren, hvor du er.", "Tilbagekaldsnummer: {0}", "Alarmcentralen ringer tilbage."],
  "fr-CA": ["Le composeur complet n'est pas disponible. Les appels d'urgence fonctionnent toujours.", "Téléphone : appels d'urgence seulement",
    "Numéro", "Appeler", "Raccrocher", "Appel d'urgence en cours", "Appel vers le {0}…", "Sonnerie au {0}…", "Connecté : {0}",
    "Réponse au rappel des services d'urgence…", "Appel d'urgence terminé.",
    "L'appel d'urgence n'a pas pu être passé. Utilisez un autre téléphone et composez le {0}.",
    "Pour l'instant, seuls les numéros d'urgence peuvent être composés ici : {0}.", "Entrez un numéro d'urgence : {0}.",
    "Ce composeur ne peut pas faire d'appels d'urgence là où vous êtes. Utilisez un autre téléphone et composez le numéro d'urgence local.",
    "Position inconnue — dites au répartiteur où vous êtes.", "Numéro de rappel : {0}", "Les services d'urgence vous rappellent."],
  "es-PR": ["El marcador completo no está disponible. Las llamadas de emergencia siguen funcionando.", "Teléfono: solo llamadas de emergencia",
    "Número", "Llamar", "Colgar", "Llamada de emergencia en curso", "Llamando al {0}…", "Timbrando {0}…", "Conectado: {0}",
    "Contestando la llamada del servicio de emergencias…", "La llamada de emergencia terminó.",
    "No se pudo hacer la llamada de emergencia. Use otro teléfono y marque {0}.",
    "Por ahora aquí solo se pueden marcar números de emergencia: {0}.", "Escriba un número de emergencia: {0}.",
    "No se pueden hacer llamadas de emergencia desde este marcador donde usted está. Use otro teléfono y marque el número de emergencia local.",
    "Ubicación desconocida: dígale al operador dónde se encuentra.", "Número de devolución de llamada: {0}",
    "El servicio de emergencias le devuelve la llamada."],
  "de-DE": ["Das vollständige Telefon ist nicht verfügbar. Notrufe funktionieren weiterhin.", "Telefon: nur Notrufe", "Nummer", "Anrufen",
    "Auflegen", "Notruf läuft", "Anruf an {0}…", "Klingelt bei {0}…", "Verbunden: {0}", "Rückruf der Notrufzentrale wird angenommen…",
    "Notruf beendet.", "Der Notruf konnte nicht aufgebaut werden. Nutzen Sie ein anderes Telefon und wählen Sie {0}.",
    "Hier können gerade nur Notrufnummern gewählt werden: {0}.", "Geben Sie eine Notrufnummer ein: {0}.",
    "Notrufe sind mit diesem Telefon an Ihrem Standort nicht möglich. Nutzen Sie ein anderes Telefon und wählen Sie die örtliche Notrufnummer.",
    "Standort unbekannt — sagen Sie der Leitstelle, wo Sie sind.", "Rückrufnummer: {0}", "Die Notrufzentrale ruft zurück."],
};

/** The supported locale for a BCP 47 tag (as the wasm's i18n: en-AU reads as en-GB, fr-FR as fr-CA …), or undefined. */
export function localeFor(tag) {
  const t = String(tag ?? "").trim().toLowerCase().replace(/_/g, "-");
  const lang = t.split("-")[0];
  if (lang === "en") return ["gb", "ie", "au", "nz", "za", "in"].includes(t.slice(3, 5)) ? "en-GB" : "en-US";
  return { da: "da-DK", fr: "fr-CA", es: "es-PR", de: "de-DE" }[lang];
}
/** config.locale, else the browser's languages, else en-US. */
export function resolveLocale(configured) {
  const browser = globalThis.navigator?.languages ?? [];
  return [configured, ...browser].map(localeFor).find(Boolean) ?? "en-US";
}
export function messages(locale) {
  const list = STRINGS[locale] ?? EN;
  return Object.fromEntries(KEYS.map((k, i) => [k, (...args) => list[i].replace(/\{(\d)\}/g, (_, n) => args[n] ?? "")]));
}

// ------------------------------------------------------------------ the dialer

let instances = 0;
const isObject = (v) => v !== null && typeof v === "object";
function describe(error) {
  try {
    if (error instanceof Error) return error.message || error.name;
    return typeof error === "string" ? error : JSON.stringify(error) ?? String(error);
  } catch { return "unreadable error"; }
}

/**
 * Mounts the fallback dialer into `element` and returns a DialerHandle.
 * `adopt` (from guard.js's recording proxy) is the call and episode the wasm left behind:
 * { call?: { callId?, number, emergency, direction, status, ended }, savedPresence?, dndSet,
 *   emergencyMode, presence?, callback?: { number, expiresAt } , pending?: Promise<callId> }.
 */
export function createFallback({ element, host, config, failure, adopt = {}, prefill = "" }) {
  const id = `adf-${++instances}`;
  let cfg = isObject(config) ? config : {};
  let locale = resolveLocale(read(cfg, "locale"));
  let t = messages(locale);
  let presence = adopt.presence;
  let call = null; // { key, callId?, number, emergency, direction, status, hangUp? }
  let episode = null; // { saved?, restored } while an emergency may be live
  let callback = adopt.callback ?? null;
  let message = "";
  let unmounted = false;
  let keys = 0;
  const offs = [];
  const release = () => { for (const off of offs.splice(0)) { try { off(); } catch {} } };

  // Host bindings, called so that nothing they do can throw into the dialer.
  const fire = (name, detail) => {
    try { element.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true })); } catch (e) { console.error(e); }
  };
  const failed = (binding, error) => fire("dialer:error", { binding, message: describe(error) });
  function invoke(group, method, args, onValue) {
    const g = read(host, group);
    const fn = read(g, method);
    if (typeof fn !== "function") return false;
    let result;
    try { result = Reflect.apply(fn, g, args); } catch (error) { failed(`${group}.${method}`, error); onValue?.(undefined, error ?? "failed"); return true; }
    const then = read(result, "then");
    if (typeof then !== "function") { onValue?.(result); return true; }
    try {
      Promise.resolve(result).then((v) => onValue?.(v), (error) => { failed(`${group}.${method}`, error); onValue?.(undefined, error ?? "rejected"); });
    } catch (error) { failed(`${group}.${method}`, error); }
    return true;
  }
  const setPresence = (status) => { presence = status; invoke("presence", "set", [status]); };

  // E2/E9: DND and the host form, after the dial; the presence before is remembered.
  function startEpisode(saved, { dnd = true, form = true } = {}) {
    if (episode) return;
    episode = { saved };
    if (dnd) setPresence("dnd");
    if (form) invoke("conversation", "setEmergencyMode", [true]);
  }
  // E8/E9: restore once; a presence the agent chose meanwhile (not "dnd") wins.
  function endEpisode() {
    const ep = episode;
    episode = null;
    if (!ep) return;
    if (ep.saved !== undefined && ep.saved !== "dnd" && (presence === undefined || presence === "dnd")) setPresence(ep.saved);
    invoke("conversation", "setEmergencyMode", [false]);
  }

  function finish(reason, text = t.ended()) {
    const c = call;
    if (!c) return;
    call = null;
    message = text;
    if (c.emergency) endEpisode();
    render(true);
    if (c.emergency) fire("dialer:emergency-ended", { callId: c.callId ?? null, reason });
  }

  function gotCallId(c, value, error) {
    if (c !== call) { // ended or cancelled meanwhile: a call the host placed late is still hung up
      const late = typeof read(value, "callId") === "string" ? read(value, "callId") : undefined;
      if (late && c.cancelled) invoke("calling", "hangUp", [late]);
      return;
    }
    const callId = read(value, "callId");
    if (typeof callId !== "string" || !callId) {
      finish("failed", t.failed(c.number));
      if (!error) failed("calling.dial", `answered ${describe(value)} instead of { callId }`);
      return;
    }
    c.callId = callId;
    if (c.emergency) fire("dialer:emergency-started", { callId, number: c.number, region: c.region ?? null, direction: "outbound" });
    render();
  }

  /** DialerHandle.dial: host.calling.dial runs before this returns. */
  function dial(dialed) {
    if (unmounted) throw new Error("agent-dialer: dial: the dialer is unmounted");
    let text;
    try { text = String(dialed ?? ""); } catch { throw new Error("agent-dialer: dial needs the number as a string"); }
    if (call) return; // E5: no new call while one is live
    const listed = [...new Set(supportedRegions(cfg).flatMap((r) => REGION_NUMBERS[r]))].join(", ");
    const d = text.trim() ? decide(text, cfg) : { empty: true };
    if (!d.emergency) {
      message = d.empty ? t.empty(listed) : d.blocked ? t.blocked() : t.notEmergency(listed);
      return render(true);
    }
    const e = read(cfg, "emergency");
    const request = { number: d.number, dialed: text, emergency: true, record: false };
    if (d.region) request.region = d.region;
    const o = read(e, "locationOverride");
    const civic = read(e, "civicAddress");
    const coords = ["latitude", "longitude", "accuracyMeters"].map((k) => read(o, k));
    if (coords.every(Number.isFinite)) {
      const [latitude, longitude, accuracyMeters] = coords;
      request.location = { latitude, longitude, accuracyMeters, ...(typeof civic === "string" && civic ? { civicAddress: civic } : {}) };
    } else if (typeof civic === "string" && civic) request.civicAddress = civic;
    const c = { key: ++keys, number: d.number, region: d.region, emergency: true, direction: "outbound", status: "dialing", locationUnknown: d.locationUnknown };
    const g = read(host, "calling");
    const fn = read(g, "dial");
    let result;
    let threw = typeof fn !== "function";
    // The call is ours before the host hears of it: a host that unmounts us from inside its
    // dial still gets presence restored when the call ends.
    call = c;
    const saved = presence;
    // The dial first, synchronously (E11); everything else after it.
    try { result = threw ? "the host provides no calling.dial" : Reflect.apply(fn, g, [request]); } catch (error) { threw = true; result = error; }
    if (threw) {
      if (call === c) call = null;
      failed("calling.dial", result);
      message = t.failed(d.number);
      return render(true);
    }
    message = "";
    if (call === c) startEpisode(saved);
    const then = read(result, "then");
    if (typeof then !== "function") gotCallId(c, result);
    else {
      try {
        Promise.resolve(result).then((v) => gotCallId(c, v), (error) => { failed("calling.dial", error); gotCallId(c, undefined, error); });
      } catch (error) { failed("calling.dial", error); gotCallId(c, undefined, error); }
    }
    render(true);
  }

  function hangUp() {
    const c = call;
    if (!c) return;
    if (c.callId) invoke("calling", "hangUp", [c.callId]);
    else c.cancelled = true; // hung up as soon as the host says which call it is
    finish("local");
  }

  function onCallEvent(event) {
    const type = read(event, "type");
    const callId = read(event, "callId");
    if (typeof type !== "string" || typeof callId !== "string") return;
    if (type === "callback-number") {
      const number = read(event, "number");
      const secs = Number(read(event, "validForSeconds"));
      if (typeof number === "string" && number) {
        callback = { number, expiresAt: Date.now() + Math.min(Math.max(Number.isFinite(secs) ? secs : 0, 0), 86_400) * 1000 };
        render();
      }
      return;
    }
    if (type === "incoming") {
      // E4: the emergency service's callback is answered at once, whatever the presence.
      if (!call && callback && read(event, "to") === callback.number && Date.now() < callback.expiresAt) {
        const from = read(event, "from");
        call = { key: ++keys, callId, number: typeof from === "string" ? from : "", emergency: true, direction: "inbound", status: "answering" };
        message = t.incomingCallback();
        invoke("calling", "answer", [callId]);
        startEpisode(presence);
        render(true);
        fire("dialer:emergency-started", { callId, number: call.number, region: null, direction: "inbound" });
      }
      return;
    }
    if (!call || call.callId !== callId) return;
    if (type === "ended") {
      const reason = read(event, "reason");
      finish(["local", "remote", "dropped", "failed"].includes(reason) ? reason : "remote", reason === "failed" && call.status === "dialing" ? t.failed(call.number) : t.ended());
    } else if (type === "ringing" || type === "connected") {
      call.status = type;
      render(true);
      if (type === "connected" && call.emergency) fire("dialer:emergency-connected", { callId });
    }
  }

  // ---------------------------------------------------------------- view (built once, updated)
  const el = (tag, attrs = {}, ...children) => {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
    node.append(...children);
    return node;
  };
  const root = el("section", { class: "agent-dialer adf", "data-test": "fallback", "aria-labelledby": `${id}-title` });
  const title = el("h2", { class: "adf-title", id: `${id}-title` });
  const banner = el("p", { class: "adf-banner", role: "alert", "data-test": "fallback-banner" });
  const form = el("form", { class: "adf-form", "data-test": "fallback-form" });
  const label = el("label", { for: `${id}-number`, class: "ad-label" });
  const input = el("input", { id: `${id}-number`, type: "tel", inputmode: "tel", autocomplete: "off", "data-test": "fallback-number", "aria-describedby": `${id}-message` });
  const callButton = el("button", { type: "submit", class: "ad-button ad-call-button", "data-test": "fallback-call" });
  const pane = el("div", { class: "adf-call", "data-test": "fallback-call-pane" });
  pane.hidden = true;
  const paneTitle = el("p", { class: "adf-call-title" });
  const status = el("p", { "data-test": "fallback-status" });
  const warning = el("p", { class: "adf-warning", "data-test": "fallback-location" });
  const callbackLine = el("p", { "data-test": "fallback-callback" });
  const endButton = el("button", { type: "button", class: "ad-button ad-end", "data-test": "fallback-end" });
  const note = el("p", { class: "adf-message", id: `${id}-message`, "data-test": "fallback-message" });
  const live = el("p", { class: "ad-visually-hidden", role: "status", "aria-live": "polite", "data-test": "fallback-live" });
  form.append(label, el("div", { class: "adf-row" }, input, callButton));
  pane.append(paneTitle, status, warning, callbackLine, endButton);
  root.append(title, banner, form, pane, note, live);
  input.value = String(prefill ?? "");
  form.addEventListener("submit", (event) => { event.preventDefault(); dial(input.value); });
  endButton.addEventListener("click", () => hangUp());

  let announced = "";
  function render(announce = false) {
    const hadPane = !pane.hidden;
    if (unmounted) return;
    root.lang = locale;
    title.textContent = t.title();
    banner.textContent = t.banner();
    label.textContent = t.number();
    callButton.textContent = t.call();
    endButton.textContent = t.end();
    paneTitle.textContent = call?.emergency ? t.inProgress() : "";
    pane.hidden = !call;
    form.hidden = !!call;
    if (call) {
      const n = call.number;
      status.textContent = call.status === "answering" ? t.answering() : call.status === "connected" ? t.connected(n) : call.status === "ringing" ? t.ringing(n) : t.dialing(n);
      warning.textContent = call.locationUnknown ? t.locationUnknown() : "";
      warning.hidden = !call.locationUnknown;
    }
    callbackLine.textContent = callback && Date.now() < callback.expiresAt ? t.callback(callback.number) : "";
    callbackLine.hidden = !callbackLine.textContent;
    note.textContent = message;
    note.hidden = !message;
    const say = call ? `${paneTitle.textContent}. ${status.textContent}` : message;
    if (announce && say && say !== announced) { announced = say; live.textContent = say; }
    // Focus follows the call (End call while one is live, the number field after), only when
    // the agent is in the dialer: a host's dial() does not steal the page's focus.
    const active = document.activeElement;
    if (hadPane !== !pane.hidden && (root.contains(active) || active === document.body || !active)) (call ? endButton : input).focus();
  }

  // ---------------------------------------------------------------- mount
  element.replaceChildren(root);
  const subscribe = (group, listener) => {
    const g = read(host, group);
    const fn = read(g, "subscribe");
    if (typeof fn !== "function") return;
    try { const off = Reflect.apply(fn, g, [listener]); if (typeof off === "function") offs.push(off); } catch (error) { failed(`${group}.subscribe`, error); }
  };
  subscribe("calling", (event) => {
    if (!unmounted) return onCallEvent(event);
    // Unmounted during an emergency call: still restore when the host ends it (E8, E9).
    if (call && read(event, "type") === "ended" && read(event, "callId") === call.callId) { onCallEvent(event); release(); }
  });
  subscribe("presence", (status) => { if (typeof status === "string") presence = status; });
  if (presence === undefined) invoke("presence", "get", [], (value) => { if (typeof value === "string" && presence === undefined) presence = value; });

  // The call the wasm left behind (trap mid-call): End call works and the episode is restored.
  const a = adopt.call;
  if (a && !a.ended) {
    call = { key: ++keys, callId: a.callId, number: a.number ?? "", emergency: !!a.emergency, direction: a.direction ?? "outbound", status: a.status ?? "dialing", locationUnknown: a.locationUnknown };
    const c = call;
    if (!a.callId && a.pending) a.pending.then((callId) => gotCallId(c, { callId }), () => {});
    if (c.emergency) startEpisode(adopt.savedPresence, { dnd: !adopt.dndSet, form: !adopt.emergencyMode });
  } else if (adopt.dndSet || adopt.emergencyMode) {
    // The call ended but the wasm had not restored yet.
    episode = { saved: adopt.savedPresence };
    endEpisode();
  }
  render(false);

  return {
    dial,
    /** Merges a patch (undefined removes a key: the element's replacement semantics). */
    setConfig(patch) {
      if (!isObject(patch) || Array.isArray(patch)) throw new Error("agent-dialer: setConfig needs an object");
      cfg = mergeConfig(cfg, patch);
      locale = resolveLocale(read(cfg, "locale"));
      t = messages(locale);
      render();
    },
    state() {
      const snapshot = { presence: presence ?? null, emergencyMode: !!call?.emergency, locationStatus: "unknown", fallback: { reason: failure?.reason ?? "unknown", message: failure?.message ?? "" } };
      if (episode?.saved !== undefined) snapshot.savedPresence = episode.saved;
      if (call) snapshot.call = { callId: call.callId ?? null, number: call.number, emergency: call.emergency, status: call.status, kind: call.direction === "inbound" ? "emergency-callback" : call.emergency ? "emergency" : "ordinary", direction: call.direction };
      if (callback && Date.now() < callback.expiresAt) snapshot.callbackWindow = { number: callback.number, expiresAt: new Date(callback.expiresAt).toISOString() };
      const region = read(read(read(cfg, "emergency"), "locationOverride"), "region");
      if (typeof region === "string") snapshot.region = region.toUpperCase();
      return snapshot;
    },
    /** Removes the dialer. A live emergency call keeps its episode: presence is restored when the host ends it. */
    unmount() {
      if (unmounted) return;
      unmounted = true;
      root.remove();
      if (!call?.emergency) release();
    },
    free() {},
  };
}
