// The demo host page: a mock CRM agent workspace that mounts agent-dialer with the mock host.
// External module (no inline script): the page runs under a strict Content-Security-Policy.
import init, { mount } from "/agent-dialer.js";
import { createMockHost } from "./mock-host.js";

const $ = (sel) => document.querySelector(sel);
const logList = $("#log");

function addLog(kind, text) {
  const li = document.createElement("li");
  li.className = `log-${kind}`;
  const time = document.createElement("time");
  time.textContent = new Date().toLocaleTimeString();
  const body = document.createElement("code");
  body.textContent = text; // never innerHTML: numbers and names come from outside
  li.append(time, " ", body);
  logList.prepend(li);
  while (logList.children.length > 200) logList.lastElementChild.remove();
}

const params = new URLSearchParams(location.search);
const host = createMockHost({
  onLog: (e) => addLog(e.binding === "event" ? "event" : "binding", `${e.binding}(${e.args.map((a) => JSON.stringify(a)).join(", ")})`),
});
window.demoHost = host; // for the end-to-end tests and for trying things in the console

// The host's own UI reacts to the widget: presence menu, conversation form (E9).
const presenceSelect = $("#presence");
presenceSelect.value = host.sim.presence;
host.presence.subscribe((status) => { presenceSelect.value = status; });
presenceSelect.addEventListener("change", () => host.sim.changePresence(presenceSelect.value));
const origSetMode = host.conversation.setEmergencyMode;
host.conversation.setEmergencyMode = (active) => {
  $("[data-test=form-actions]").hidden = active;
  $("[data-test=form-emergency]").hidden = !active;
  return origSetMode(active);
};
for (const button of document.querySelectorAll("[data-sim]")) {
  button.addEventListener("click", () => host.sim[button.dataset.sim]());
}

const region = params.get("region") ?? $("#location").value;
$("#location").value = region;
const config = {
  agent: { id: "agent-7", name: "Alex Agent" },
  locale: params.get("locale") ?? undefined,
  emergency: {
    recipients: "safety@acme.example; facilities@acme.example",
    outsideLinePrefix: "9",
    civicAddress: "Acme HQ, 100 Main St, Floor 3, Room 301, Springfield",
    ...(region ? { locationOverride: { region } } : {}),
  },
  readiness: { voiceOutboundProfile: true, mailboxEnabled: true, numberType: "calling-plan" },
};

await init({ module_or_path: "/agent-dialer_bg.wasm" });
const element = $("#dialer");
for (const name of ["dialer:emergency-started", "dialer:emergency-connected", "dialer:emergency-ended",
  "dialer:callback-window", "dialer:notification", "dialer:readiness", "dialer:error"]) {
  element.addEventListener(name, (e) => addLog("widget", `${name} ${JSON.stringify(e.detail)}`));
}
const dialer = mount(element, host, config);
window.dialer = dialer;
$("#location").addEventListener("change", (e) => {
  const value = e.target.value;
  try {
    dialer.setConfig({ emergency: { locationOverride: value ? { region: value } : null } });
  } catch (err) {
    addLog("error", String(err.message));
  }
});
document.documentElement.dataset.dialerReady = "true";
