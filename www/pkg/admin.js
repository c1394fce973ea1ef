// agent-dialer/admin: the entry for pages where the emergency settings are edited — the CRM's
// admin pages (`mountSettings`) and agents whose host grants
// `config.permissions.editEmergencySettings` (the pane's settings editor). The same API as
// "agent-dialer" (index.js) over the widget's second wasm (agent_dialer_admin_bg.wasm: the
// dialer plus the settings surface, cargo feature `admin`), so that the agent's own download
// leaves the settings out (issue 16). Guarded like index.js: when the wasm cannot run, `mount`
// runs the fallback dialer.
import * as glue from "./agent_dialer_admin.js";
import { initWasm, initWasmSync, mountGuarded, runtimeStatus } from "./guard.js";

export { DialerHandle, SettingsHandle } from "./agent_dialer_admin.js";
export { connectFrame, serveFrame, PROTOCOL, EVENT_NAMES, CONTRACT_BINDINGS } from "./frame.js";

/** Loads the admin wasm. Never rejects: if it cannot run, resolves once the fallback dialer is ready; calling it again retries. */
export default function init(input) {
  return initWasm(glue, input);
}

/** Synchronous init (from bytes or a compiled module). Never throws (see init). */
export function initSync(input) {
  return initWasmSync(glue, input);
}

/** Mounts the dialer (with the pane's settings editor when the host grants it). */
export function mount(element, host, config) {
  return mountGuarded(glue, element, host, config);
}

/** Mounts the administrators' emergency settings surface (no fallback: it places no calls). */
export function mountSettings(element, host, config) {
  if (runtimeStatus(glue) !== "ready") {
    throw new Error("mountSettings: the WebAssembly is not running (await init() first; see dialer:error for why it failed)");
  }
  return glue.mountSettings(element, host, config);
}
