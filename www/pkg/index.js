// agent-dialer: the ESM entry ("."). `init()` loads the .wasm (by default from next to this
// file); `mount(element, host, config)` returns a DialerHandle (HOST_CONTRACT.md, version 1);
// `mountSettings(element, host, config)` the administrator's emergency settings (a SettingsHandle).
// The iframe bridge is re-exported for convenience (it loads no wasm unless serveFrame runs);
// the custom element lives in "agent-dialer/element" (importing it defines <agent-dialer>).
export { default, initSync, mount, DialerHandle, mountSettings, SettingsHandle } from "./agent_dialer.js";
export { connectFrame, serveFrame, PROTOCOL, EVENT_NAMES } from "./frame.js";
