// Development stand-in for the wasm-bindgen glue, used only in dist/ (the Trunk build of the
// demo pages; Trunk.toml copies it to dist/pkg/). The published package has the real
// agent_dialer.js here. It re-exports the Trunk-built glue at the site root and points the
// default init at the Trunk-built wasm, so dist/pkg/{element,frame}.js run unchanged.
import init from "../agent-dialer.js";

export * from "../agent-dialer.js";
export default function initFromTrunkBuild() {
  return init({ module_or_path: new URL("../agent-dialer_bg.wasm", import.meta.url) });
}
