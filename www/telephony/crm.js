// The demo CRM on real telephony: the mock CRM of the simulated demo (presence menu, form lock
// E9, notification and history recorded in the log) with the widget's `calling` binding on
// agent-dialer/sip, registered as sip:agent@127.0.0.1 with credentials from the page server.
// External module (no inline script): strict CSP.
import init, { mount } from "/agent-dialer.js";
import { addLog, createDemoHost, demoConfig, logEvents } from "../demo/embed-common.js";
import { createSipCalling } from "./dist/sip-adapter.js";
import { SITE_ADDRESS, backendCredentials, recordedCalling, sipServerUrl } from "./host-kit.js";

const params = new URLSearchParams(location.search);
const server = await sipServerUrl(params);
for (const [id, user] of [["psap-link", "psap"], ["customer-link", "customer"]]) {
  document.getElementById(id).href = `psap.html?user=${user}`;
}

const adapter = createSipCalling({
  server,
  aor: "sip:agent@127.0.0.1",
  displayName: "Alex Agent",
  credentials: backendCredentials("agent"),
  civicAddress: SITE_ADDRESS,
  fallbackAudio: "tone", // no microphone: the other side hears a quiet tone instead of nothing
});
const status = document.getElementById("sip");
adapter.onStatus((s) => {
  status.textContent = s.registered ? "registered (sip:agent@127.0.0.1)" : s.state + (s.lastError ? ` — ${s.lastError}` : "");
});
adapter.subscribe((ev) => addLog("event", `event ${JSON.stringify(ev)}`));

const host = createDemoHost();
host.calling = recordedCalling(adapter, (binding, args) =>
  addLog("binding", `${binding}(${args.map((a) => JSON.stringify(a)).join(", ")})`),
);
window.demoHost = host;
window.sipAdapter = adapter;

await init({ module_or_path: "/agent-dialer_bg.wasm" });
const element = document.getElementById("dialer");
logEvents(element);
window.dialer = mount(element, host, demoConfig(params));
document.documentElement.dataset.dialerReady = "true";
