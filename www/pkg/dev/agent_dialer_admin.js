// Development stand-in for the admin wasm's glue, used only in dist/ (the Trunk build of the
// demo pages; Trunk.toml builds it, index.html copies this file to dist/pkg/). The published
// package has the real agent_dialer_admin.js here.
import init from "../agent-dialer-admin.js";

export * from "../agent-dialer-admin.js";
export default function initFromTrunkBuild() {
  return init({ module_or_path: new URL("../agent-dialer-admin_bg.wasm", import.meta.url) });
}
