// <agent-dialer>: the custom element (HOST_CONTRACT.md "Mounting").
//
//   import "agent-dialer/element";
//   const el = document.querySelector("agent-dialer");
//   el.host = host;          // the bindings
//   el.config = config;      // mounts once both are set (and the wasm has loaded)
//   el.config = { ...config, emergency: { recipients: "x@acme.example" } };   // -> setConfig
//   el.dial("911"); el.state();
//
// The element loads the wasm itself (next to this file, via import.meta.url). The widget
// dispatches its bubbling `dialer:*` events on the element; nothing is re-dispatched here.
// Removing the element from the document unmounts the widget; inserting it again remounts.
import init, { mount } from "./agent_dialer.js";

let wasm;
/** Loads the wasm once per page; resolves when `mount` can be called. */
export function load() {
  wasm ??= init({ module_or_path: new URL("./agent_dialer_bg.wasm", import.meta.url) });
  return wasm;
}

const Base = globalThis.HTMLElement ?? class {};

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
    if (this.#handle) this.#unmount();
    this.#tryMount();
  }

  /** The configuration (DialerConfig). Reassigning it after mount calls `setConfig` with it. */
  get config() { return this.#config; }
  set config(value) {
    if (this.#handle) {
      this.#handle.setConfig(value); // throws (and changes nothing) when malformed
      this.#config = value;
      return;
    }
    this.#config = value;
    this.#tryMount();
  }

  /** The DialerHandle while mounted, else null. */
  get handle() { return this.#handle; }

  /** Resolves with the DialerHandle once mounted; rejects with mount's Error. */
  whenMounted() {
    if (this.#handle) return Promise.resolve(this.#handle);
    return new Promise((resolve, reject) => this.#waiters.push({ resolve, reject }));
  }

  /** Same as typing `number` and pressing Call; host.calling.dial runs before this returns. */
  dial(number) { return this.#mounted("dial").dial(number); }
  /** Merges `partial` into the configuration (like DialerHandle.setConfig). */
  setConfig(partial) {
    this.#mounted("setConfig").setConfig(partial);
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
      try {
        this.#handle = mount(this, this.#host, this.#config);
      } catch (error) {
        this.#settle(false, error);
        this.dispatchEvent(new CustomEvent("dialer:mount-error", { detail: { message: error?.message ?? String(error) } }));
        return;
      }
      this.#settle(true, this.#handle);
    }, (error) => {
      this.#settle(false, error);
      this.dispatchEvent(new CustomEvent("dialer:mount-error", { detail: { message: `cannot load the wasm: ${error?.message ?? error}` } }));
    });
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
