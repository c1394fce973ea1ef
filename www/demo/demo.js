// The demo host page: a mock CRM agent workspace that mounts agent-dialer with the mock host.
// External module (no inline script): the page runs under a strict Content-Security-Policy.
// The log, the host's own UI (presence menu, conversation form E9) and the configuration are
// shared with the other embedding demos (embed-common.js). It loads the widget through the
// package's entry (/pkg/index.js over the Trunk-built wasm), so that when the wasm cannot run
// the page gets the fallback dialer (README "When the wasm cannot run").
import { $, addLog, createDemoHost, demoConfig, logEvents } from "./embed-common.js";
import { onSettingsChanged } from "./crm-store.js";

const params = new URLSearchParams(location.search);
// An agent allowed to edit the emergency settings in the pane (?edit=1) gets the admin build
// (agent-dialer/admin, with the settings editor); every other agent the smaller agent build.
const { default: init, mount } = await import(params.get("edit") === "1" ? "/pkg/admin.js" : "/pkg/index.js");
const host = createDemoHost();
window.demoHost = host; // for the end-to-end tests and for trying things in the console
// ?telephony=sip (bash scripts/demo.sh): the calling binding is agent-dialer/sip on the local
// Kamailio instead of the simulation (www/telephony/README.md, "The demo").
if (params.get("telephony") === "sip") await useSip(host);

const region = params.get("region") ?? $("#location").value;
$("#location").value = region;
params.set("region", region);

await init();
const element = $("#dialer");
logEvents(element);
const config = demoConfig(params);
const dialer = mount(element, host, config);
window.dialer = dialer;
// An administrator saved this agent's emergency settings (admin.html): the CRM hands them to
// the dialer, which uses them for the next emergency call.
onSettingsChanged(config.agent.id, (saved) => {
  addLog("widget", `CRM: new emergency settings for ${config.agent.id} -> dialer.setConfig`);
  dialer.setConfig({ emergency: saved });
});
$("#location").addEventListener("change", (e) => {
  const value = e.target.value;
  try {
    dialer.setConfig({ emergency: { locationOverride: value ? { region: value } : null } });
  } catch (err) {
    addLog("error", String(err.message));
  }
});
document.documentElement.dataset.dialerReady = "true";

async function useSip(demoHost) {
  const { createSipCalling } = await import("/telephony/dist/sip-adapter.js");
  const { SITE_ADDRESS, backendCredentials, recordedCalling, sipServerUrl } = await import("/telephony/host-kit.js");
  const adapter = createSipCalling({
    server: await sipServerUrl(params),
    aor: "sip:agent@127.0.0.1",
    displayName: "Alex Agent",
    credentials: backendCredentials("agent"),
    civicAddress: SITE_ADDRESS,
    fallbackAudio: "tone", // no microphone: the other side hears a quiet tone instead of nothing
  });
  adapter.onStatus((s) => {
    $("#sip").textContent = s.registered ? "registered (sip:agent@127.0.0.1)" : s.state + (s.lastError ? ` — ${s.lastError}` : "");
  });
  adapter.subscribe((ev) => addLog("event", `event ${JSON.stringify(ev)}`));
  demoHost.calling = recordedCalling(adapter, (binding, args) =>
    addLog("binding", `${binding}(${args.map((a) => JSON.stringify(a)).join(", ")})`),
  );
  window.sipAdapter = adapter;
  for (const sel of ["[data-test=sip-section]", "[data-test=sip-status-wrap]"]) $(sel).hidden = false;
  $("[data-test=sim-section]").hidden = true;
}
