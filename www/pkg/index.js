// agent-dialer: the ESM entry ("."). `init()` loads the .wasm (by default from next to this
// file); `mount(element, host, config)` returns a DialerHandle (HOST_CONTRACT.md, version 1);
// `mountSettings(element, host, config)` the administrator's emergency settings (a SettingsHandle).
// Both go through guard.js: when the wasm cannot be fetched, compiled or instantiated, or traps,
// `init()` still resolves and `mount` / the handle run the plain-JS fallback dialer (emergency
// calls still work; the host gets `dialer:error` and `dialer:fallback`). README "When the wasm
// cannot run". The iframe bridge is re-exported (it loads no wasm unless serveFrame runs); the
// custom element lives in "agent-dialer/element" (importing it defines <agent-dialer>).
import * as glue from "./agent_dialer.js";
import { initWasm, initWasmSync, mountGuarded, runtimeStatus } from "./guard.js";

export { DialerHandle, SettingsHandle } from "./agent_dialer.js";
export { connectFrame, serveFrame, PROTOCOL, EVENT_NAMES, CONTRACT_BINDINGS } from "./frame.js";

/** Loads the wasm. Never rejects: if the wasm cannot run, resolves once the fallback dialer is ready; calling it again retries. */
export default function init(input) {
  return initWasm(glue, input);
}

/** Synchronous init (from bytes or a compiled module). Never throws (see init). */
export function initSync(input) {
  return initWasmSync(glue, input);
}

/** Mounts the dialer into `element`; throws an Error naming the problem when element, host or config is malformed. */
export function mount(element, host, config) {
  return mountGuarded(glue, element, host, config);
}

/** Mounts the administrators' emergency settings surface (no fallback: it places no calls). */
export function mountSettings(element, host, config) {
  if (runtimeStatus(glue) !== "ready") {
    throw new Error("mountSettings: the dialer's WebAssembly is not running (await init() first; see dialer:error for why it failed)");
  }
  return glue.mountSettings(element, host, config);
}
