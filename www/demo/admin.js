// The demo CRM's admin page: an administrator chooses an agent and edits the emergency
// settings (recipients per agent, the tenant's template) with the <agent-dialer-settings>
// element; the mock host's settings.save writes the CRM's store (crm-store.js), from which the
// agent pages take them up (demo.js: dialer.setConfig). `?frame=<origin>` serves the surface
// from another origin through the iframe bridge instead (connectSettingsFrame).
import "/pkg/settings-element.js";
import { connectSettingsFrame } from "/pkg/settings-frame.js";
import { $, addLog, createDemoHost } from "./embed-common.js";
import { AGENTS, savedSettings } from "./crm-store.js";

const params = new URLSearchParams(location.search);
const host = createDemoHost();
window.demoHost = host; // for the end-to-end tests and the console

const agentSelect = $("#agent");
for (const agent of AGENTS) agentSelect.append(new Option(`${agent.name} (${agent.id})`, agent.id));
agentSelect.value = AGENTS.some((a) => a.id === params.get("agent")) ? params.get("agent") : AGENTS[0].id;
$("#crm-mode").addEventListener("change", (e) => host.sim.setFault("settings.save", e.target.value));

/** The surface's configuration for `agentId`, from what the CRM has saved. */
function configFor(agentId) {
  const agent = AGENTS.find((a) => a.id === agentId);
  return {
    agent: { id: agent.id, name: agent.name },
    ...(params.get("locale") ? { locale: params.get("locale") } : {}),
    emergency: savedSettings(agent.id),
  };
}

const ready = () => { document.documentElement.dataset.settingsReady = "true"; };

if (params.has("frame")) {
  const origin = new URL(params.get("frame")).origin;
  const iframe = $("#settings-frame");
  $("#settings").hidden = true;
  iframe.hidden = false;
  const src = new URL("/demo/frame.html", origin);
  src.searchParams.set("surface", "settings");
  src.searchParams.set("parent", location.origin);
  iframe.src = src.href;
  const settings = connectSettingsFrame(iframe, host, { origin, config: configFor(agentSelect.value) });
  window.settings = settings;
  settings.ready.then(ready);
  // Another agent: the framed surface is mounted anew for them.
  agentSelect.addEventListener("change", () => {
    params.set("agent", agentSelect.value);
    location.search = params.toString();
  });
} else {
  const el = $("#settings");
  el.addEventListener("dialer:mount-error", (e) => addLog("error", e.detail.message));
  el.host = host;
  el.config = configFor(agentSelect.value);
  window.settings = el;
  el.whenMounted().then(ready, () => {});
  // Another agent: the element mounts the form for them (unsaved edits stay kept per agent).
  agentSelect.addEventListener("change", () => {
    params.set("agent", agentSelect.value);
    history.replaceState(null, "", `?${params}`);
    el.config = configFor(agentSelect.value);
  });
}
