// The emergency settings surface in an iframe: the same bridge as the dialer (frame.js,
// protocol "agent-dialer/1", exact origins and windows checked both ways); the framed page
// mounts `mountSettings` instead of `mount`, and its `settings.save` calls cross to the parent.
//
// Parent (the CRM's admin page, holds the real binding):
//   import { connectSettingsFrame } from "agent-dialer/settings-frame";
//   const settings = connectSettingsFrame(iframe, { settings: { save } }, { origin: "https://dialer.example", config });
//   await settings.ready; await settings.state(); await settings.setConfig(partial); await settings.unmount();
// Framed page (its own origin):
//   import { serveSettingsFrame } from "agent-dialer/settings-frame";
//   serveSettingsFrame({ parentOrigin: "https://crm.example", element: document.querySelector("#settings") });
import { connectFrame, serveFrame } from "./frame.js";

/**
 * Connects the parent page to the settings surface framed in `iframe`. Returns a handle whose
 * methods answer asynchronously: ready, isReady, setConfig, state, unmount, disconnect.
 */
export function connectSettingsFrame(iframe, host, options = {}) {
  if (typeof host?.settings?.save !== "function") {
    throw new Error("connectSettingsFrame: host.settings.save must be a function");
  }
  const bridge = connectFrame(iframe, host, options);
  const settings = {
    ready: bridge.ready.then(() => settings),
    get isReady() { return bridge.isReady; },
    setConfig: (partial) => bridge.setConfig(partial),
    /** The SettingsSnapshot. */
    state: () => bridge.state(),
    unmount: () => bridge.unmount(),
    disconnect: () => bridge.disconnect(),
  };
  return settings;
}

/** Serves the settings surface inside an iframe (options as serveFrame's). */
export function serveSettingsFrame(options = {}) {
  let module;
  const load = options.load ?? (() => import("./agent_dialer_admin.js").then((m) => m.default({
    module_or_path: new URL("./agent_dialer_admin_bg.wasm", import.meta.url),
  }).then(() => m)));
  return serveFrame({
    ...options,
    load: () => Promise.resolve(load()).then((m) => { module = m; return m; }),
    mount: options.mount ?? ((element, host, config) => module.mountSettings(element, host, config)),
  });
}
