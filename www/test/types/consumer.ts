// A typed host app, as a customer writes it against the published package: every entry point
// (index.d.ts, admin.d.ts, element.d.ts, frame.d.ts, settings-*.d.ts, sip.d.ts) used the way
// README.md shows, resolved through package.json `exports`. `tsc --noEmit` over this file
// (scripts/check-types.mjs, CI's static checks) fails when a .d.ts drifts from what hosts write;
// the `@ts-expect-error` lines fail when a type loosens (e.g. to `any`) so that misuse passes.
import init, {
  initSync,
  mount,
  mountSettings as agentMountSettings,
  connectFrame,
  serveFrame,
  PROTOCOL,
  EVENT_NAMES,
  CONTRACT_BINDINGS,
} from "agent-dialer";
import type {
  CallEvent,
  DialerConfig,
  DialerConfigPatch,
  DialerEventMap,
  DialerHandle,
  DialerHost,
  DialerSnapshot,
  DialRequest,
  FallbackDetail,
  FrameToParentMessage,
  ParentToFrameMessage,
  SettingsSnapshot,
} from "agent-dialer";
import adminInit, { mountSettings, mount as adminMount } from "agent-dialer/admin";
import { AgentDialerElement, load } from "agent-dialer/element";
import { connectFrame as connectFrameToo } from "agent-dialer/frame";
import { AgentDialerSettingsElement } from "agent-dialer/settings-element";
import { connectSettingsFrame, serveSettingsFrame } from "agent-dialer/settings-frame";
import { createSipCalling, CALLBACK_MARK_HEADER, DROP_Q850_CAUSES, DROP_REASON_HEADER } from "agent-dialer/sip";
import type { SipCalling, SipStatus } from "agent-dialer/sip";

// ------------------------------------------------------------- the host's bindings

const listeners = new Set<(event: CallEvent) => void>();
const host: DialerHost = {
  presence: {
    get: () => "available",
    set: async (status: string) => void status,
    subscribe: (listener) => { listener("busy"); return () => {}; },
  },
  calling: {
    dial: async (request: DialRequest) => {
      const kind: boolean = request.emergency && !request.record;
      const lat: number | undefined = request.location?.latitude;
      void kind, lat, request.region?.toUpperCase();
      return { callId: "c1" };
    },
    hangUp: (callId) => void callId,
    answer: async () => {},
    hold: (callId, onHold) => void [callId, onHold],
    activeCalls: () => ["c1"],
    setAudioDevices: ({ inputId, outputId }) => void [inputId, outputId],
    subscribe: (listener) => { listeners.add(listener); return () => listeners.delete(listener); },
  },
  notification: { sendEmail: async ({ to, subject, text, html }) => void [to.join(";"), subject, text, html] },
  conversation: { setEmergencyMode: (active) => void active },
  activity: { record: (entry) => void entry.startedAt },
  settings: { save: async (request) => void request.template.body },
};
for (const listener of listeners) {
  listener({ type: "callback-number", callId: "c1", number: "+15550100", validForSeconds: 3600 });
  listener({ type: "ended", callId: "c1", reason: "dropped" });
  // @ts-expect-error: "hungup" is not a CallEndReason
  listener({ type: "ended", callId: "c1", reason: "hungup" });
}

// ------------------------------------------------------------- configuration, mount, handle

const config: DialerConfig = {
  agent: { id: "agent-7", name: "Alex Agent" },
  locale: "da-DK",
  emergency: {
    recipients: "safety@acme.example",
    template: { subject: "Emergency call by {agent}", body: "{agent} called {number}." },
    outsideLinePrefix: "9",
    supportedRegions: ["US", "CA", "PR", "GB", "DK"],
    unsupportedRegionPolicy: "block",
    locationOverride: { region: "US" },
    boundariesUrl: "/assets/country-boundaries-60x30.ser",
    geocoderUrl: "/assets/agent-dialer-geo.js",
  },
  readiness: { voiceOutboundProfile: true, mailboxEnabled: true, numberType: "direct-routing", directRoutingEmergencyRule: true },
  permissions: { editEmergencySettings: false },
};
// @ts-expect-error: the agent is required
const noAgent: DialerConfig = { emergency: {} };
// @ts-expect-error: a policy is "block" or "attempt"
const badPolicy: DialerConfig = { agent: { id: "a", name: "A" }, emergency: { unsupportedRegionPolicy: "ask" } };
void noAgent, badPolicy;

await init();
await init({ module_or_path: new URL("agent_dialer_bg.wasm", import.meta.url) });
await init(fetch("/agent_dialer_bg.wasm"));
initSync({ module: new Uint8Array(8) });

const element = document.createElement("div");
const dialer: DialerHandle = mount(element, host, config);
dialer.dial("911");
const patch: DialerConfigPatch = { emergency: { recipients: "new@acme.example" }, locale: "en-GB" };
dialer.setConfig(patch);
dialer.setConfig({ emergency: { locationOverride: null } });
// @ts-expect-error: dial takes the number as typed, a string
dialer.dial(911);
const snapshot: DialerSnapshot = dialer.state();
const emergency: boolean = snapshot.emergencyMode && (snapshot.call?.emergency ?? false);
const status: "dialing" | "ringing" | "answering" | "connected" | undefined = snapshot.call?.status;
void emergency, status, snapshot.callbackWindow?.expiresAt, snapshot.fallback?.reason;
dialer.unmount();
// @ts-expect-error: mount needs a host
mount(element, undefined, config);
// The agent's entry has no settings surface: its mountSettings only throws.
const never: never = agentMountSettings();
void never;

element.addEventListener("dialer:emergency-started", ((e: DialerEventMap["dialer:emergency-started"]) => {
  const region: string | null = e.detail.region;
  void region, e.detail.location?.accuracyMeters, e.detail.direction;
}) as EventListener);

// ------------------------------------------------------------- the custom elements

const el: AgentDialerElement = document.createElement("agent-dialer");
el.host = host;
el.config = config;
el.addEventListener("dialer:fallback", (e) => {
  const detail: FallbackDetail = e.detail;
  void detail.reason, detail.callId;
});
el.addEventListener("dialer:notification", (e) => void e.detail.recipients.length);
el.addEventListener("dialer:mount-error", (e) => void e.detail.message.length);
void (await el.whenMounted()).state().presence, el.handle?.state(), load();
void el.retry();

const settingsEl: AgentDialerSettingsElement = document.createElement("agent-dialer-settings");
settingsEl.host = { settings: { save: () => {} } };
settingsEl.config = config;
settingsEl.discard();

// ------------------------------------------------------------- administrators (agent-dialer/admin)

await adminInit();
const settings = mountSettings(element, { settings: { save: async ({ agentId }) => void agentId } }, config);
const s: SettingsSnapshot = settings.state();
const saved: "idle" | "invalid" | "unchanged" | "saving" | "saved" | "failed" | "timed-out" = s.status;
void saved, s.draft.template.subject;
settings.setConfig({ emergency: { recipients: "a@b.example" } });
settings.discard();
settings.unmount();
adminMount(element, host, config).unmount();
// @ts-expect-error: the settings surface needs settings.save
mountSettings(element, { settings: {} }, config);

// ------------------------------------------------------------- iframes

const iframe = document.createElement("iframe");
const framed = connectFrame(iframe, host, { origin: "https://dialer.example", config, timeoutMs: 5000, readyTimeoutMs: 20000 });
await framed.ready;
await framed.dial("911");
const framedState: DialerSnapshot = await framed.state();
void framedState, framed.isReady, connectFrameToo;
framed.disconnect();
const served = serveFrame({ parentOrigin: "https://crm.example", element, load: () => init() });
void (await served.ready).state();
served.close();
const settingsFrame = connectSettingsFrame(iframe, { settings: { save: () => {} } }, { origin: "https://admin.example", config });
void (await settingsFrame.state()).dirty;
serveSettingsFrame({ parentOrigin: "https://crm.example", mount: mountSettings }).close();
const protocol: "agent-dialer/1" = PROTOCOL;
const events: readonly (keyof DialerEventMap)[] = EVENT_NAMES;
void protocol, events, CONTRACT_BINDINGS.includes("calling.dial");
const hello: FrameToParentMessage = { protocol: "agent-dialer/1", type: "hello" };
const command: ParentToFrameMessage = { protocol: "agent-dialer/1", type: "command", id: 1, command: "dial", args: ["911"] };
// @ts-expect-error: "reload" is no command of the bridge
const unknown: ParentToFrameMessage = { protocol: "agent-dialer/1", type: "command", id: 1, command: "reload" };
void hello, command, unknown;

// ------------------------------------------------------------- real telephony (agent-dialer/sip)

const sip: SipCalling = createSipCalling({
  server: ["wss://sip1.example/ws", "wss://sip2.example/ws"],
  aor: "sip:agent-7@sip.example",
  credentials: async () => ({ username: "1764160000:agent-7", password: "secret" }),
  civicAddress: (request) => (request.emergency ? { country: "US", A1: "IL", HNO: "100" } : undefined),
  dtmf: "rfc4733",
  fallbackAudio: "tone",
});
const sipHost: DialerHost = { ...host, calling: sip };
mount(element, sipHost, config).unmount();
sip.onStatus((st: SipStatus) => void st.registered);
const headers: string = `${CALLBACK_MARK_HEADER} ${DROP_REASON_HEADER} ${DROP_Q850_CAUSES.join(",")}`;
void headers, sip.getCall("c1")?.emergencyCallback, sip.stop();
// @ts-expect-error: dtmf is "rfc4733" or "info"
createSipCalling({ server: "wss://sip.example/ws", aor: "sip:a@sip.example", dtmf: "inband" });

export {};
