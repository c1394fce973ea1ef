//# allFunctionsCalledOnLoad
// (Compile hint for V8, eager compilation at load: see www/pkg/guard.js.)
// agent-dialer: the ESM entry ("."). `init()` loads the .wasm (by default from next to this
// file); `mount(element, host, config)` returns a DialerHandle (docs/HOST_CONTRACT.md, version 1);
// `mountSettings` (the administrators' emergency settings) is in "agent-dialer/admin" (admin.js),
// over a second wasm, so that this one — every agent's download — leaves the settings out.
// Both go through guard.js: when the wasm cannot be fetched, compiled or instantiated, or traps,
// `init()` still resolves and `mount` / the handle run the plain-JS fallback dialer (emergency
// calls still work; the host gets `dialer:error` and `dialer:fallback`). README "When the wasm
// cannot run". The iframe bridge is re-exported (it loads no wasm unless serveFrame runs); the
// custom element lives in "agent-dialer/element" (importing it defines <agent-dialer>).
import * as glue from "./agent_dialer.js";
import { initWasm, initWasmSync, mountGuarded } from "./guard.js";

export { DialerHandle } from "./agent_dialer.js";
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

/** The administrators' emergency settings are in "agent-dialer/admin": this throws, saying so. */
export function mountSettings() {
  throw new Error('mountSettings is in "agent-dialer/admin" (import init, { mountSettings } from "agent-dialer/admin"): the agent\'s bundle leaves the emergency settings out');
}
