// <agent-dialer-settings>: the administrator's emergency settings (docs/HOST_CONTRACT.md
// "Emergency settings"), for the host's admin pages — not the agent's pane.
//
//   import "agent-dialer/settings-element";
//   const el = document.querySelector("agent-dialer-settings");
//   el.host = { settings: { save: (request) => crm.saveEmergencySettings(request) } };
//   el.config = { agent: { id: "agent-7", name: "Alex Agent" }, emergency: { recipients, template } };
//   el.state();   // { agentId, dirty, status, error?, saved, draft }
//   el.config = { ...config, emergency: { recipients: "saved@elsewhere.example" } };   // -> setConfig
//   el.config = otherAgentsConfig;   // another agent.id: the form is mounted for that agent
//
// Mounts once host and config are both set and the element is in the document; loads the wasm
// itself (the admin wasm, next to this file). Unsaved edits are kept per agent in localStorage by the widget,
// so removing the element (or switching agents) loses nothing; `dialer:mount-error` reports a
// mount that threw.
import init, { mountSettings } from "./agent_dialer_admin.js";

let wasm;
/** Loads the admin wasm (the one with the settings) once per page; resolves when
 *  `mountSettings` can be called. */
export function load() {
  wasm ??= init({ module_or_path: new URL("./agent_dialer_admin_bg.wasm", import.meta.url) });
  return wasm;
}

const Base = globalThis.HTMLElement ?? class {};

export class AgentDialerSettingsElement extends Base {
  #host = undefined;
  #config = undefined;
  #handle = null;
  #agent = null;
  #attempt = 0;
  #pending = [];

  /** The bindings: `{ settings: { save(request) } }`. Setting another host remounts. */
  get host() { return this.#host; }
  set host(value) {
    if (value === this.#host) return;
    this.#host = value;
    this.#remount();
  }

  /** The configuration (DialerConfig shape). The same agent: `setConfig`; another: remount. */
  get config() { return this.#config; }
  set config(value) {
    if (this.#handle && value?.agent?.id === this.#agent) {
      this.#handle.setConfig(value); // throws (and changes nothing) when malformed
      this.#config = value;
      return;
    }
    this.#config = value;
    this.#remount();
  }

  /** The SettingsHandle while mounted, else null. */
  get handle() { return this.#handle; }

  /** Resolves with the SettingsHandle once mounted; rejects with mountSettings' Error. */
  whenMounted() {
    if (this.#handle) return Promise.resolve(this.#handle);
    return new Promise((resolve, reject) => this.#pending.push([resolve, reject]));
  }

  /** The SettingsSnapshot. */
  state() { return this.#require("state").state(); }
  /** Discards the unsaved changes. */
  discard() { this.#require("discard").discard(); }

  connectedCallback() { this.#tryMount(); }
  disconnectedCallback() { this.#attempt++; this.#drop(); }

  #require(what) {
    if (this.#handle) return this.#handle;
    throw new Error(`agent-dialer-settings: ${what}: not mounted (set host and config, and insert the element)`);
  }

  #remount() {
    this.#drop();
    this.#tryMount();
  }

  #tryMount() {
    if (this.#handle || !this.isConnected || this.#host == null || this.#config == null) return;
    const attempt = ++this.#attempt;
    const failed = (error, message) => {
      this.#finish(1, error);
      this.dispatchEvent(new CustomEvent("dialer:mount-error", { detail: { message } }));
    };
    load().then(() => {
      // Host, config or the element's place changed meanwhile: that change mounts.
      if (attempt !== this.#attempt || this.#handle || !this.isConnected) return;
      try {
        this.#handle = mountSettings(this, this.#host, this.#config);
        this.#agent = this.#config.agent?.id ?? null;
      } catch (error) {
        failed(error, error?.message ?? String(error));
        return;
      }
      this.#finish(0, this.#handle);
    }, (error) => failed(error, `cannot load the wasm: ${error?.message ?? error}`));
  }

  #finish(outcome, value) {
    for (const callbacks of this.#pending.splice(0)) callbacks[outcome](value);
  }

  #drop() {
    const handle = this.#handle;
    this.#handle = null;
    this.#agent = null;
    handle?.unmount();
  }
}

if (globalThis.customElements && !customElements.get("agent-dialer-settings")) {
  customElements.define("agent-dialer-settings", AgentDialerSettingsElement);
}
