//# allFunctionsCalledOnLoad
// (Compile hint for V8, eager compilation at load: see www/pkg/guard.js.)
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

/** `file[group][key]` when it is a string (a locale file's translation), else undefined. */
export function pick(file, group, key) {
  try {
    const isObject = (v) => typeof v === "object" && v !== null;
    const members = isObject(file) ? file[group] : undefined;
    const value = isObject(members) ? members[key] : undefined;
    return typeof value === "string" ? value : undefined;
  } catch {
    return undefined;
  }
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

/** `languages`'s answer until the current task's microtasks run (`null`: none yet). */
let languagesNow = null;

/**
 * The browser's languages, comma-separated ("" when the page made them unreadable). Read
 * once per task: every render of a pane whose configuration names no locale asks, four times
 * in a first mount, and each read of `navigator.languages` builds a new array (~0.08 ms cold;
 * issue 16). A change of the browser's languages is seen from the next task on.
 */
export function languages() {
  if (languagesNow !== null) return languagesNow;
  try {
    const list = navigator.languages;
    languagesNow = Array.isArray(list) ? list.filter((t) => typeof t === "string").join(",") : "";
  } catch {
    languagesNow = "";
  }
  queueMicrotask(() => { languagesNow = null; });
  return languagesNow;
}

/**
 * The browser's microphones and speakers, flat: [input ("1" or ""), id, label, …]. Ids the
 * browser hides without permission (empty) and its "default"/"communications" aliases of a
 * device are left out; [] when the devices cannot be read. Asked once the page is idle after
 * the mount that wants them (at most 500 ms later; 50 ms where there is no
 * `requestIdleCallback`): a document's first `enumerateDevices()` costs 0.3–4.5 ms of
 * synchronous work, which would otherwise run between the pane's first frame and whatever
 * the page does next (a task of its own ran right after that frame; issue 16). The list is
 * needed only when the agent opens the audio devices.
 */
export function audioDevices() {
  // Only the wait happens in the mount; the reading (compiled when first run) comes later.
  return new Promise((resolve) => (typeof requestIdleCallback === "function"
    ? requestIdleCallback(() => resolve(readDevices()), { timeout: 500 })
    : setTimeout(() => resolve(readDevices()), 50)));
}

async function readDevices() {
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

/** A keypad's keys and their letters, in the order shown (3 × 4). */
const KEYS = [["1", ""], ["2", "ABC"], ["3", "DEF"], ["4", "GHI"], ["5", "JKL"], ["6", "MNO"],
  ["7", "PQRS"], ["8", "TUV"], ["9", "WXYZ"], ["*", ""], ["0", "+"], ["#", ""]];

/**
 * The pane's DOM operations through one import (src/ui/dom.rs; issue 16: every web-sys method
 * is an import, a glue function and a shim of its own). `op` says which; `node` is what it
 * works on (a node, or an event), `other` a second node, `a` and `b` names or texts, `n` a widget's
 * instance number (its element ids). Only text and attributes are
 * ever set: nothing is parsed as markup (strict CSP). Never throws (a failed operation
 * changes nothing and gives null), like the `.ok()` the wasm used to end every call with.
 */
export function dom(op, node, other, a, b, n) {
  try {
    switch (op) {
      case 0: { // a new `a` element of the document `node`, of class `b` when not empty
        let e;
        try {
          e = node.createElement(a);
        } catch {
          e = node.createElement("div");
        }
        if (b) e.className = b;
        return e;
      }
      case 1: // a new SVG `a` element of the document `node`
        return node.createElementNS("http://www.w3.org/2000/svg", a);
      case 2: // the text `a` + `b`, when it differs
        if (node.textContent !== a + b) node.textContent = a + b;
        return null;
      case 3: // the attribute `a` set to `b`, when it differs
        if (node.getAttribute(a) !== b) node.setAttribute(a, b);
        return null;
      case 4: // the attribute `a` removed
        node.removeAttribute(a);
        return null;
      case 5: // the class list `a`, when it differs
        if (node.className !== a) node.className = a;
        return null;
      case 6: // `other` appended
        node.appendChild(other);
        return null;
      case 7: // a text node `a` appended
        return node.appendChild(node.ownerDocument.createTextNode(a));
      case 8: // an empty comment appended
        return node.appendChild(node.ownerDocument.createComment(""));
      case 9: // `other` put before `node`
        node.parentNode?.insertBefore(other, node);
        return null;
      case 10: // `node` replaced by `other`
        node.replaceWith(other);
        return null;
      case 11: // `node` taken out of the document
        node.remove();
        return null;
      case 12: // everything in `node` removed
        node.textContent = "";
        return null;
      case 14: // the value of the field `node`
        return String(node.value);
      case 15: // the value of the field `node` set to `a`
        node.value = a;
        return null;
      case 16: // the focus moved to `node`
        node.focus();
        return null;
      case 17: // the key of the keydown `node` when it has no modifier (null otherwise)
        return node instanceof KeyboardEvent && !node.ctrlKey && !node.metaKey && !node.altKey
          ? node.key
          : null;
      case 18: // the browser's media devices (null when it has none)
        return navigator.mediaDevices ?? null;
      case 19: // the event `node`'s default prevented
        node.preventDefault();
        return null;
      case 20: // the event `node`'s target
        return node.target;
      case 22: // the attribute `a` set to the id `b` of the widget `n` (`ad<n>-<b>`), when it differs
        return dom(3, node, other, a, `ad${n}-${b}`);
      case 23: { // `a` with its first character (a code point) upper-cased as the language `b` writes it
        const first = String.fromCodePoint(a.codePointAt(0) ?? 0).slice(0, a.length);
        return first.toLocaleUpperCase(b) + a.slice(first.length);
      }
      case 24: // the document of the element `node`
        return node.ownerDocument ?? document;
      case 25: { // the twelve keys of a keypad appended to the group `node`: `a` names their data-test (`a-5`)
        const doc = node.ownerDocument;
        for (const [k, letters] of KEYS) {
          const b = doc.createElement("button");
          b.className = "ad-key";
          b.type = "button";
          b.setAttribute("data-test", `${a}-${k}`);
          b.setAttribute("data-key", k);
          const digit = doc.createElement("span");
          digit.className = "ad-key-digit";
          digit.textContent = k;
          const under = doc.createElement("span");
          under.className = "ad-key-letters";
          under.textContent = letters;
          b.append(digit, " ", under);
          node.append(b);
        }
        return null;
      }
      case 26: { // the key of the keypad button (in the listener's group) the click `node` landed in
        const b = node.target?.closest?.("[data-key]");
        return b && node.currentTarget?.contains?.(b) ? b.getAttribute("data-key") : null;
      }
      case 21: // why `node` (a rejection) failed, in words
        return node instanceof Error ? String(node.message) : typeof node === "string" ? node : "unknown error";
      default: // the text (null when there is none)
        return node.textContent;
    }
  } catch {
    return null;
  }
}
