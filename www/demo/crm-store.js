// The demo CRM's "backend" for emergency settings (E7): each agent's recipients and the
// tenant's template, kept in localStorage the way a CRM server keeps them in its database.
// The admin page (admin.html) writes it through the host's settings.save; the agent pages read
// it into the dialer's configuration and follow changes with dialer.setConfig.
const KEY = "acme-crm:emergency-settings";

export const AGENTS = Object.freeze([
  { id: "agent-7", name: "Alex Agent" },
  { id: "agent-8", name: "Blair Baker" },
  { id: "agent-9", name: "Casey Chen" },
]);

const INITIAL_RECIPIENTS = "safety@acme.example; facilities@acme.example";

function read() {
  try {
    const data = JSON.parse(localStorage.getItem(KEY) ?? "{}");
    return data && typeof data === "object" ? data : {};
  } catch {
    return {};
  }
}

/** The saved settings of `agentId`: `{ recipients, template? }` (no template: the built-in one). */
export function savedSettings(agentId) {
  const data = read();
  const recipients = data.recipients?.[agentId];
  return {
    recipients: typeof recipients === "string" ? recipients : INITIAL_RECIPIENTS,
    ...(data.template ? { template: data.template } : {}),
  };
}

/** Saves what `settings.save` received; throws when the browser cannot store it. */
export function saveSettings({ agentId, recipients, template }) {
  const data = read();
  data.recipients = { ...(data.recipients ?? {}), [agentId]: recipients };
  data.template = template; // the tenant's template: one for every agent
  localStorage.setItem(KEY, JSON.stringify(data));
}

/** Calls `listener(savedSettings(agentId))` whenever another page of this CRM saved settings. */
export function onSettingsChanged(agentId, listener) {
  const onStorage = (event) => { if (event.key === KEY || event.key === null) listener(savedSettings(agentId)); };
  window.addEventListener("storage", onStorage);
  return () => window.removeEventListener("storage", onStorage);
}
