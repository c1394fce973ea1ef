// agent-dialer/admin: the same API as "agent-dialer" (init, mount, the frame bridge), over the
// wasm that also carries the administrators' emergency settings: mountSettings and the pane's
// settings editor (config.permissions.editEmergencySettings).
import type { DialerConfig, SettingsHandle, SettingsHost } from "./index.js";

export { default } from "./index.js";
export * from "./index.js";

/** The administrator's emergency settings for `config.agent` (uses agent, locale and
 *  emergency.recipients/template of the DialerConfig shape). Throws an Error naming the
 *  problem when the element, `host.settings.save` or the configuration is malformed. */
export function mountSettings(element: Element, host: SettingsHost, config: DialerConfig): SettingsHandle;
