// Type definitions for agent-dialer (docs/HOST_CONTRACT.md, version 1).
// "." exports init/mount; "./element" the <agent-dialer> custom element; "./frame" the iframe bridge.

// ---------------------------------------------------------------- bindings the host provides

type MaybePromise<T> = T | Promise<T>;

/** The JavaScript bindings a host hands to the widget. Each may return a value or a Promise;
 *  a throw, a rejection or a timeout is a failure of that binding only (`dialer:error`). */
export interface DialerHost {
  presence: {
    /** Current status id, e.g. "available". */
    get(): MaybePromise<string>;
    /** "dnd" is Do Not Disturb. */
    set(status: string): MaybePromise<void>;
    subscribe?(listener: (status: string) => void): () => void;
  };
  calling: {
    dial(request: DialRequest): MaybePromise<{ callId: string }>;
    hangUp(callId: string): MaybePromise<void>;
    answer(callId: string): MaybePromise<void>;
    hold?(callId: string, onHold: boolean): MaybePromise<void>;
    mute?(callId: string, muted: boolean): MaybePromise<void>;
    sendDtmf?(callId: string, digits: string): MaybePromise<void>;
    /** Optional: ids of the calls still alive (used to restore an emergency episode after a reload). */
    activeCalls?(): MaybePromise<string[]>;
    /** Optional: the agent chose audio devices (browser deviceIds; null = system default). */
    setAudioDevices?(devices: { inputId: string | null; outputId: string | null }): MaybePromise<void>;
    subscribe(listener: (event: CallEvent) => void): () => void;
  };
  notification?: {
    sendEmail(message: EmailMessage): MaybePromise<void>;
  };
  conversation?: {
    /** Hide the host form's Save/Refresh while an outbound emergency call is active (E9). */
    setEmergencyMode(active: boolean): MaybePromise<void>;
  };
  activity?: {
    /** Call history; never called for emergency calls (E6). */
    record(entry: ActivityEntry): MaybePromise<void>;
  };
  settings?: {
    /** Optional (added member): saves an agent's emergency recipients and the tenant's
     *  template (E7). Required by mountSettings; the pane uses it only with
     *  `config.permissions.editEmergencySettings`. Resolve when saved; reject (or throw) with
     *  the reason, which the form shows while keeping the edits. */
    save?(request: SettingsSaveRequest): MaybePromise<void>;
  };
}

/** What `settings.save` receives (every entry valid: the form never sends invalid input). */
export interface SettingsSaveRequest {
  agentId: string;
  /** "a@example.com; b@example.com", as typed. */
  recipients: string;
  template: { subject: string; body: string };
}

export interface DialRequest {
  /** Digits to dial, normalised ("911", "+15551234567"). */
  number: string;
  /** What the agent typed. */
  dialed: string;
  /** True for an emergency number of the agent's region. */
  emergency: boolean;
  /** False for every emergency call (E6). */
  record: boolean;
  /** ISO 3166-1 alpha-2 of the agent's location, when known. */
  region?: string;
  /** Dispatchable location (B3), when known. */
  location?: {
    latitude: number;
    longitude: number;
    accuracyMeters: number;
    civicAddress?: string;
  };
}

export type CallEndReason = "local" | "remote" | "dropped" | "failed";

export type CallEvent =
  | { type: "ringing"; callId: string }
  | { type: "connected"; callId: string }
  | { type: "ended"; callId: string; reason: CallEndReason }
  | { type: "incoming"; callId: string; from: string; to: string }
  /** The temporary callback number assigned for emergency call callId (E3). */
  | { type: "callback-number"; callId: string; number: string; validForSeconds: number };

export interface EmailMessage {
  to: string[];
  subject: string;
  text: string;
  html?: string;
}

export interface ActivityEntry {
  callId: string;
  number: string;
  direction: "outbound" | "inbound";
  /** ISO 8601. */
  startedAt: string;
  /** ISO 8601. */
  endedAt: string;
}

// ---------------------------------------------------------------- configuration

export type RegionCode = string;

export interface DialerConfig {
  agent: { id: string; name: string };
  /** BCP 47; default from the browser. */
  locale?: string;
  emergency?: {
    /** "a@example.com; b@example.com" (E7). */
    recipients?: string;
    /** Notification template; placeholders are listed in the README. */
    template?: { subject: string; body: string };
    /** e.g. "9" (B2). */
    outsideLinePrefix?: string;
    /** Default ["US","CA","PR","GB","DK"]. */
    supportedRegions?: RegionCode[];
    /** E12, default "block". */
    unsupportedRegionPolicy?: "block" | "attempt";
    /** Confirmed dispatchable address (B3). */
    civicAddress?: string;
    locationOverride?: { latitude: number; longitude: number; accuracyMeters: number } | { region: RegionCode } | null;
    /** Where to fetch the country boundaries asset (default: next to the package's JS). */
    boundariesUrl?: string;
    /** Where to import the reverse geocoder module `agent-dialer-geo.js` from, its `_bg.wasm`
     *  beside it (default: next to the package's JS; bundlers split it into a chunk). */
    geocoderUrl?: string;
  };
  /** E10 facts the host knows. */
  readiness?: {
    voiceOutboundProfile: boolean;
    mailboxEnabled: boolean;
    numberType: "calling-plan" | "direct-routing";
    directRoutingEmergencyRule?: boolean;
    directOfferNumber?: boolean;
  };
  /** Added member: what this user may do in the pane. Default: nothing extra. */
  permissions?: {
    /** Edit the emergency recipients and template in the agent's pane (saved through
     *  `settings.save`). Default false: the pane shows who is emailed, read-only, and
     *  administrators use mountSettings / <agent-dialer-settings>. */
    editEmergencySettings?: boolean;
  };
}

/** `setConfig` merges a partial configuration (nested groups are merged too). */
export type DialerConfigPatch = {
  [K in keyof DialerConfig]?: DialerConfig[K] extends object | undefined ? Partial<NonNullable<DialerConfig[K]>> : DialerConfig[K];
};

// ---------------------------------------------------------------- events

export interface DispatchLocation {
  latitude: number;
  longitude: number;
  accuracyMeters: number;
  civicAddress?: string;
}

export interface EmergencyStartedDetail {
  callId: string;
  number: string;
  region: string | null;
  location?: DispatchLocation;
  /** "outbound", or "inbound" for the emergency callback (added member). */
  direction?: "outbound" | "inbound";
}
export interface EmergencyConnectedDetail { callId: string }
export interface EmergencyEndedDetail { callId: string | null; reason: CallEndReason }
export interface CallbackWindowDetail { number: string; expiresAt: string; open: boolean }
export interface NotificationDetail { status: "sent" | "failed" | "skipped"; recipients: string[]; error?: string }
export interface ReadinessCheck { id: string; ok: boolean; message: string }
export interface ReadinessDetail { ready: boolean; checks: ReadinessCheck[] }
export interface ErrorDetail {
  /** The binding that failed, e.g. "presence.set"; "wasm" when the widget's own WebAssembly could not run. */
  binding: string;
  /** What failed and what to do. */
  message: string;
  /** Added member, with binding "wasm": why the fallback dialer runs. */
  reason?: FallbackReason;
}
/** Why the fallback dialer runs (README "When the wasm cannot run"). */
export type FallbackReason =
  | "csp"            // the page's CSP lacks 'wasm-unsafe-eval' in script-src
  | "fetch"          // the .wasm (or its JS) could not be fetched: 404, network, proxy, connect-src
  | "compile"        // not valid WebAssembly: truncated, damaged, an error page in its place
  | "link"           // the .wasm does not fit its JS glue (mixed builds)
  | "memory"         // not enough memory to instantiate
  | "unsupported"    // no WebAssembly in this browser
  | "instantiate"    // any other failure to start
  | "trap"           // the wasm trapped at run time (a bug): reload for the full dialer
  | "not-initialised"; // mount() was called before init() resolved
/** Added event: the widget runs the plain-JS fallback dialer (emergency calls still work). */
export interface FallbackDetail {
  reason: FallbackReason;
  message: string;
  /** The call in progress the fallback took over (a trap mid-call), if any. */
  callId?: string;
}
/** Only on the iframe element (connectFrame): the frame rejected a message from the parent. */
export interface FrameErrorDetail { id?: string | number; message: string }
/** Only on <agent-dialer>: mount threw or the wasm could not load. */
export interface MountErrorDetail { message: string }

/** The bubbling CustomEvents dispatched on the mount element (and on the iframe element). */
export interface DialerEventMap {
  "dialer:emergency-started": CustomEvent<EmergencyStartedDetail>;
  "dialer:emergency-connected": CustomEvent<EmergencyConnectedDetail>;
  "dialer:emergency-ended": CustomEvent<EmergencyEndedDetail>;
  "dialer:callback-window": CustomEvent<CallbackWindowDetail>;
  "dialer:notification": CustomEvent<NotificationDetail>;
  "dialer:readiness": CustomEvent<ReadinessDetail>;
  "dialer:error": CustomEvent<ErrorDetail>;
}
/** Added: the embedding's own event, on the mount element, the custom element and the iframe
 *  element alike — the fallback dialer took over (README "When the wasm cannot run"). */
export interface DialerFallbackEventMap {
  "dialer:fallback": CustomEvent<FallbackDetail>;
}

// ---------------------------------------------------------------- snapshot and handle

export type LocationStatus = "granted" | "denied" | "prompt" | "unavailable" | "unknown";

export interface DialerSnapshotCall {
  callId?: string | null;
  number: string;
  emergency: boolean;
  status: "dialing" | "ringing" | "answering" | "connected";
  kind?: "ordinary" | "test-call" | "emergency" | "emergency-callback";
  direction?: "outbound" | "inbound";
  onHold?: boolean;
  muted?: boolean;
}

export interface DialerSnapshot {
  presence: string | null;
  savedPresence?: string;
  call?: DialerSnapshotCall;
  heldCall?: DialerSnapshotCall;
  emergencyMode: boolean;
  callbackWindow?: { number: string; expiresAt: string };
  region?: string;
  locationStatus: LocationStatus;
  /** Added member, only while the fallback dialer runs (the wasm could not run). */
  fallback?: { reason: FallbackReason; message: string };
  [added: string]: unknown;
}

export interface DialerHandle {
  /** Same as typing and pressing Call: host.calling.dial runs before this returns. */
  dial(number: string): void;
  /** Merges a partial configuration; throws (and changes nothing) when the result is malformed. */
  setConfig(partial: DialerConfigPatch): void;
  state(): DialerSnapshot;
  /** Removes the widget and releases every listener. Idempotent. */
  unmount(): void;
  free(): void;
}

// ---------------------------------------------------------------- emergency settings (E7)

/** The bindings the settings surface needs. */
export interface SettingsHost {
  settings: { save(request: SettingsSaveRequest): MaybePromise<void> };
}

/** What the settings edit: one agent's recipients and the tenant's template. */
export interface EmergencySettingsValue {
  recipients: string;
  template: { subject: string; body: string };
}

export interface SettingsSnapshot {
  agentId: string;
  /** Unsaved changes exist (they are kept in localStorage until saved or discarded). */
  dirty: boolean;
  /** What became of the last Save. */
  status: "idle" | "invalid" | "unchanged" | "saving" | "saved" | "failed" | "timed-out";
  /** The host's reason, when `status` is "failed". */
  error?: string;
  saved: EmergencySettingsValue;
  draft: EmergencySettingsValue;
}

export interface SettingsHandle {
  /** New saved settings (e.g. saved elsewhere), the agent's name, the locale; an unsaved
   *  draft is kept. Throws (and changes nothing) when malformed or for another agent.id. */
  setConfig(partial: DialerConfigPatch): void;
  state(): SettingsSnapshot;
  /** Discards the unsaved changes. */
  discard(): void;
  /** Removes the form (a kept draft stays for the next mount). Idempotent. */
  unmount(): void;
  free(): void;
}

/** In "agent-dialer" this throws: the administrators' emergency settings are in
 *  "agent-dialer/admin" (admin.d.ts), whose mountSettings returns a SettingsHandle. */
export function mountSettings(...args: unknown[]): never;

/** The <agent-dialer-settings> element class is exported by "agent-dialer/settings-element". */
export type AgentDialerSettingsElement = import("./settings-element.js").AgentDialerSettingsElement;
export interface AgentDialerSettingsElementEventMap extends HTMLElementEventMap {
  "dialer:mount-error": CustomEvent<MountErrorDetail>;
}

/** The settings surface across a frame (connectSettingsFrame in "agent-dialer/settings-frame"). */
export interface FrameSettingsHandle {
  readonly ready: Promise<FrameSettingsHandle>;
  readonly isReady: boolean;
  setConfig(partial: DialerConfigPatch): Promise<void>;
  state(): Promise<SettingsSnapshot>;
  unmount(): Promise<void>;
  disconnect(): void;
}

// ---------------------------------------------------------------- the wasm module

export type InitInput = RequestInfo | URL | Response | BufferSource | WebAssembly.Module;

/** Loads the wasm (default: agent_dialer_bg.wasm next to the module). Call once before mount.
 *  Never rejects: when the wasm cannot run it resolves (undefined) once the fallback dialer is
 *  ready, and mount() then mounts that; calling init() again tries the wasm again. */
export default function init(
  moduleOrPath?: { module_or_path: InitInput | Promise<InitInput> } | InitInput | Promise<InitInput>,
): Promise<unknown>;
/** Synchronous init; never throws (see init). */
export function initSync(module: { module: BufferSource | WebAssembly.Module } | BufferSource | WebAssembly.Module): unknown;

/** Mounts the dialer into `element`. Throws an Error naming the problem when the element,
 *  the host or the configuration is structurally malformed. When the wasm cannot run (or
 *  later traps), the handle is served by the plain-JS fallback dialer. */
export function mount(element: Element, host: DialerHost, config: DialerConfig): DialerHandle;

// ---------------------------------------------------------------- custom element ("./element")

/** The <agent-dialer> element class is exported by "agent-dialer/element". */
export type AgentDialerElement = import("./element.js").AgentDialerElement;
export interface AgentDialerElementEventMap extends HTMLElementEventMap, DialerEventMap, DialerFallbackEventMap {
  "dialer:mount-error": CustomEvent<MountErrorDetail>;
}

// ---------------------------------------------------------------- iframe bridge ("./frame")

export declare const PROTOCOL: "agent-dialer/1";
export declare const EVENT_NAMES: readonly (keyof DialerEventMap)[];
/** The only bindings a frame may call through the bridge (HOST_CONTRACT's and the documented optional ones). */
export declare const CONTRACT_BINDINGS: readonly string[];

export interface ConnectFrameOptions {
  /** The framed page's exact origin, e.g. "https://dialer.example" ("*" is refused). */
  origin: string;
  /** The configuration the framed widget mounts with. */
  config: DialerConfig;
  /** Per request/command, default 10000. */
  timeoutMs?: number;
  /** Added member: how long `ready` waits for the framed widget before rejecting, default 30000. */
  readyTimeoutMs?: number;
}

/** DialerHandle across the frame: every method answers asynchronously. */
export interface FrameDialerHandle {
  /** Resolves once the framed widget is mounted; rejects with an Error when the frame cannot
   *  mount it or does not answer within `readyTimeoutMs`. */
  readonly ready: Promise<FrameDialerHandle>;
  readonly isReady: boolean;
  dial(number: string): Promise<void>;
  setConfig(partial: DialerConfigPatch): Promise<void>;
  state(): Promise<DialerSnapshot>;
  /** Unmounts the framed widget, then disconnects. */
  unmount(): Promise<void>;
  /** Stops bridging (listeners, host subscriptions). */
  disconnect(): void;
}

export function connectFrame(iframe: HTMLIFrameElement, host: DialerHost, options: ConnectFrameOptions): FrameDialerHandle;

export interface ServeFrameOptions {
  /** The parent page's exact origin ("*" is refused). */
  parentOrigin: string;
  /** Where to mount; default document.body. */
  element?: Element;
  /** Used when the parent's mount message carries no config. */
  config?: DialerConfig;
  timeoutMs?: number;
  /** Loads the wasm module; default: this package's init. */
  load?: () => Promise<unknown>;
  /** Default: this package's mount. */
  mount?: (element: Element, host: DialerHost, config: DialerConfig) => DialerHandle;
}

export interface ServedFrame {
  readonly ready: Promise<DialerHandle>;
  readonly dialer: DialerHandle | null;
  close(): void;
}

export function serveFrame(options: ServeFrameOptions): ServedFrame;

// ---------------------------------------------------------------- protocol messages

export type FrameToParentMessage = { protocol: "agent-dialer/1" } & (
  | { type: "hello"; instance?: string }
  | { type: "ready" }
  | { type: "request"; id: string; binding: string; args: unknown[] }
  | { type: "response"; id: string | number; ok: true; value?: unknown }
  | { type: "response"; id: string | number; ok: false; error: string }
  | { type: "event"; name: keyof DialerEventMap; detail: unknown }
  /** Without id and with a message starting "mount:": the widget could not mount (ready rejects). */
  | { type: "error"; id?: string | number; message: string }
);

export type ParentToFrameMessage = { protocol: "agent-dialer/1" } & (
  | { type: "connect" }
  | { type: "mount"; config: DialerConfig; bindings: string[]; presenceSubscribe?: boolean }
  | { type: "response"; id: string; ok: true; value?: unknown }
  | { type: "response"; id: string; ok: false; error: string }
  | { type: "call-event"; event: CallEvent }
  | { type: "presence-event"; event: string }
  | { type: "command"; id: string | number; command: "dial" | "setConfig" | "state" | "unmount"; args?: unknown[] }
  | { type: "error"; id?: string | number; message: string }
);

declare global {
  interface HTMLElementTagNameMap {
    "agent-dialer": import("./element.js").AgentDialerElement;
    "agent-dialer-settings": import("./settings-element.js").AgentDialerSettingsElement;
  }
}
