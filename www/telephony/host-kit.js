// Shared by the telephony pages (agent widget, demo CRM, PSAP and customer phones): where the SIP
// server is, where credentials come from, the site's address, and a `calling` binding that
// records every call before handing it to the adapter.

/** The site's confirmed address as the host's directory holds it (RFC 5139 civic elements). */
export const SITE_ADDRESS = Object.freeze({
  country: "US", A1: "IL", A3: "Springfield", RD: "Main", STS: "St", HNO: "100",
  NAM: "Acme HQ", FLR: "3", ROOM: "301", PC: "62701",
});

/** ?ws=… if given, else the page server's /config.json (the demo, the tests), else loopback wss. */
export async function sipServerUrl(params = new URLSearchParams(location.search)) {
  const given = params.get("ws");
  if (given) return given;
  try {
    const r = await fetch("/config.json", { cache: "no-store" });
    if (r.ok) {
      const { sipServer } = await r.json();
      if (typeof sipServer === "string") return sipServer;
    }
  } catch {
    /* no config: the default */
  }
  return "wss://127.0.0.1:5443";
}

/** credentials() for the adapter: the page server's /credentials stands in for the host's backend. */
export function backendCredentials(user, { ttl, onFetch } = {}) {
  return async () => {
    if (onFetch) onFetch();
    const r = await fetch(`/credentials?user=${encodeURIComponent(user)}${ttl ? `&ttl=${ttl}` : ""}`, { cache: "no-store" });
    if (!r.ok) throw new Error(`credentials: HTTP ${r.status}`);
    return r.json();
  };
}

const CALLING = ["dial", "hangUp", "answer", "hold", "mute", "sendDtmf", "setAudioDevices", "activeCalls", "subscribe"];

/** HOST_CONTRACT `calling` over `adapter`, calling record("calling.<name>", args) first. */
export function recordedCalling(adapter, record) {
  const calling = {};
  for (const name of CALLING) {
    calling[name] = (...args) => {
      record(`calling.${name}`, name === "subscribe" ? [] : args);
      return adapter[name](...args);
    };
  }
  return calling;
}
