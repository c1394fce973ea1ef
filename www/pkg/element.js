//# allFunctionsCalledOnLoad
// (Compile hint for V8, eager compilation at load: see www/pkg/guard.js.)
// <agent-dialer>: the custom element (docs/HOST_CONTRACT.md "Mounting").
//
//   import "agent-dialer/element";
//   const el = document.querySelector("agent-dialer");
//   el.host = host;          // the bindings
//   el.config = config;      // mounts once both are set (and the wasm has loaded)
//   el.config = { ...config, emergency: { recipients: "x@acme.example" } };   // replaces the configuration
//   el.dial("911"); el.state();
//
// The element loads the wasm itself (next to this file, via import.meta.url). The widget
// dispatches its bubbling `dialer:*` events on the element; nothing is re-dispatched here.
// Removing the element from the document unmounts the widget; inserting it again remounts
// (and tries a failed wasm load again, as `retry()` does). When the wasm cannot run, the element
// runs the fallback dialer (guard.js; README "When the wasm cannot run").
// Every method may be called from inside a binding or a `dialer:*` listener, also while the
// widget mounts (calls made then apply right after the mount).
import * as glue from "./agent_dialer.js";
import { initWasm, mergeConfig, mountGuarded } from "./guard.js";

/** Loads the wasm once per page; never rejects (a failed load is tried again on the next call). */
export function load() {
  return initWasm(glue, { module_or_path: new URL("./agent_dialer_bg.wasm", import.meta.url) });
}

const Base = globalThis.HTMLElement ?? class {};
const plain = (v) => v !== null && typeof v === "object" && !Array.isArray(v);
const message = (error) => { try { return error?.message ?? String(error); } catch { return "error"; } };

/** The patch that turns configuration `from` into `to` through setConfig's merge: keys `to` leaves out become undefined. */
function replacement(from, to) {
  if (!plain(from) || !plain(to)) return to;
  const out = { ...to };
  for (const key of Object.keys(from)) {
    if (!Object.hasOwn(to, key)) out[key] = undefined;
    else if (plain(from[key]) && plain(to[key])) out[key] = replacement(from[key], to[key]);
  }
  return out;
}

export class AgentDialerElement extends Base {
  #host = undefined;
  #config = undefined;
  #handle = null;
  #generation = 0;
  #waiters = [];

  /** The host bindings (DialerHost). Setting another host remounts the widget. */
  get host() { return this.#host; }
  set host(value) {
    if (value === this.#host) return;
    this.#host = value;
    this.#generation++;
    if (this.#handle) this.#unmount();
    this.#tryMount();
  }

  /** The configuration (DialerConfig). Assigning it after mount replaces the configuration
   *  (what the new object leaves out is unset); a malformed one throws and changes nothing. */
  get config() { return this.#config; }
  set config(value) {
    const handle = this.#handle;
    if (!handle) {
      this.#config = value;
      this.#tryMount();
      return;
    }
    const previous = this.#config;
    this.#config = value; // first: an assignment made from inside setConfig's listeners wins
    try {
      handle.setConfig(replacement(previous, value));
    } catch (error) {
      if (this.#config === value) this.#config = previous;
      throw error;
    }
  }

  /** The DialerHandle while mounted (or mounting), else null. */
  get handle() { return this.#handle; }

  /** Resolves with the DialerHandle once mounted; rejects with mount's Error. */
  whenMounted() {
    if (this.#handle) return Promise.resolve(this.#handle);
    return new Promise((resolve, reject) => this.#waiters.push({ resolve, reject }));
  }

  /** If the fallback dialer runs because the wasm failed to load (not a trap) and no call is
   *  live, loads the wasm again and remounts. Resolves with the (new) handle. */
  retry() {
    const handle = this.#handle;
    let snapshot = null;
    try { snapshot = handle?.state(); } catch {}
    if (!handle || (snapshot?.fallback && snapshot.fallback.reason !== "trap" && !snapshot.call)) {
      if (handle) this.#unmount();
      this.#tryMount();
    }
    return this.whenMounted();
  }

  /** Same as typing `number` and pressing Call; host.calling.dial runs before this returns. */
  dial(number) { return this.#mounted("dial").dial(number); }
  /** Merges `partial` into the configuration (like DialerHandle.setConfig). */
  setConfig(partial) {
    const handle = this.#mounted("setConfig");
    handle.setConfig(partial);
    if (this.#handle === handle && plain(partial)) this.#config = mergeConfig(this.#config, partial);
  }
  /** The DialerSnapshot. */
  state() { return this.#mounted("state").state(); }

  connectedCallback() { this.#tryMount(); }
  disconnectedCallback() { this.#generation++; this.#unmount(); }

  #mounted(what) {
    if (!this.#handle) throw new Error(`agent-dialer: ${what}: not mounted (set host and config, and insert the element)`);
    return this.#handle;
  }

  #tryMount() {
    if (this.#handle || !this.isConnected || this.#host == null || this.#config == null) return;
    const generation = ++this.#generation;
    load().then(() => {
      // Something changed while the wasm loaded: that change's own attempt mounts.
      if (generation !== this.#generation || this.#handle || !this.isConnected) return;
      if (this.#host == null || this.#config == null) return;
      let handle;
      try {
        handle = mountGuarded(glue, this, this.#host, this.#config, (h) => { this.#handle = h; });
      } catch (error) {
        this.#handle = null;
        this.#settle(false, error);
        this.#fire("dialer:mount-error", { message: message(error) });
        return;
      }
      // Unmounted or remounted from a listener while mounting: that change settles the waiters.
      if (this.#handle !== handle) return;
      this.#settle(true, handle);
      let snapshot = null;
      try { snapshot = handle.state(); } catch {}
      if (snapshot?.fallback) this.#fire("dialer:mount-error", { message: `cannot load the wasm: ${snapshot.fallback.message}` });
    });
  }

  #fire(name, detail) {
    this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
  }

  #settle(ok, value) {
    const waiters = this.#waiters;
    this.#waiters = [];
    for (const w of waiters) (ok ? w.resolve : w.reject)(value);
  }

  #unmount() {
    const handle = this.#handle;
    this.#handle = null;
    handle?.unmount();
  }
}

if (globalThis.customElements && !customElements.get("agent-dialer")) {
  customElements.define("agent-dialer", AgentDialerElement);
}
