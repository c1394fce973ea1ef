// agent-dialer/sip: what the package exports (sip.d.ts). scripts/build-pkg.sh bundles this
// entry with sip.js into the package's sip.js; sip-adapter.js's other exports are its own
// helpers for the unit tests (www/telephony/test/), not part of the package.
export { createSipCalling, DROP_Q850_CAUSES, DROP_REASON_HEADER, CALLBACK_MARK_HEADER } from "./sip-adapter.js";
