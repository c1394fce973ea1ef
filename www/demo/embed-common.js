// Shared by the embedding demo pages (element.html, iframe.html): the binding/event log, the
// demo configuration and the host's own UI (presence menu, conversation form E9). Same
// pattern as demo.js; no inline script or style (strict CSP).
import { createMockHost } from "./mock-host.js";
import { savedSettings, saveSettings } from "./crm-store.js";

export const $ = (sel) => document.querySelector(sel);

export const EVENT_NAMES = ["dialer:emergency-started", "dialer:emergency-connected", "dialer:emergency-ended",
  "dialer:callback-window", "dialer:notification", "dialer:readiness", "dialer:error", "dialer:fallback", "dialer:frame-error", "dialer:mount-error"];

export function addLog(kind, text) {
  const list = $("#log");
  if (!list) return;
  const li = document.createElement("li");
  li.className = `log-${kind}`;
  const time = document.createElement("time");
  time.textContent = new Date().toLocaleTimeString();
  const body = document.createElement("code");
  body.textContent = text; // never innerHTML: numbers and names come from outside
  li.append(time, " ", body);
  list.prepend(li);
  while (list.children.length > 200) list.lastElementChild.remove();
}

/** The mock host with the page's presence menu and conversation form wired to it. */
export function createDemoHost() {
  const host = createMockHost({
    saveSettings,
    onLog: (e) => addLog(e.binding === "event" ? "event" : "binding", `${e.binding}(${e.args.map((a) => JSON.stringify(a)).join(", ")})`),
  });
  const presenceSelect = $("#presence");
  if (presenceSelect) {
    presenceSelect.value = host.sim.presence;
    host.presence.subscribe((status) => { presenceSelect.value = status; });
    presenceSelect.addEventListener("change", () => host.sim.changePresence(presenceSelect.value));
  }
  const setMode = host.conversation.setEmergencyMode;
  host.conversation.setEmergencyMode = (active) => {
    const actions = $("[data-test=form-actions]");
    const notice = $("[data-test=form-emergency]");
    if (actions) actions.hidden = active;
    if (notice) notice.hidden = !active;
    return setMode(active);
  };
  for (const button of document.querySelectorAll("[data-sim]")) {
    button.addEventListener("click", () => host.sim[button.dataset.sim]());
  }
  return host;
}

/** The demo configuration; `?region=GB` / `?locale=da` as on the main demo page; the emergency
 *  recipients and template as the CRM's admin page saved them (crm-store.js); `?edit=1` lets
 *  this agent edit them in the pane (config.permissions). */
export function demoConfig(params = new URLSearchParams(location.search)) {
  const region = params.get("region") ?? "US";
  const agentId = params.get("agent") ?? "agent-7";
  return {
    agent: { id: agentId, name: "Alex Agent" },
    ...(params.get("locale") ? { locale: params.get("locale") } : {}),
    ...(params.get("edit") === "1" ? { permissions: { editEmergencySettings: true } } : {}),
    emergency: {
      ...savedSettings(agentId),
      outsideLinePrefix: "9",
      civicAddress: "Acme HQ, 100 Main St, Floor 3, Room 301, Springfield",
      ...(region ? { locationOverride: { region } } : {}),
    },
    readiness: { voiceOutboundProfile: true, mailboxEnabled: true, numberType: "calling-plan" },
  };
}

export function logEvents(target) {
  for (const name of EVENT_NAMES) {
    target.addEventListener(name, (e) => addLog("widget", `${name} ${JSON.stringify(e.detail)}`));
  }
}
