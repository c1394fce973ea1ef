// Type definitions for agent-dialer/sip: the host's `calling` binding over SIP on secure
// WebSocket (RFC 7118) with WebRTC audio. sip.js 0.21 (MIT) is bundled in sip.js.

import type { CallEvent, DialRequest } from "./index.js";

type MaybePromise<T> = T | Promise<T>;

/** Ephemeral SIP credentials as the host's backend issues them for the logged-in agent. */
export interface SipCredentials {
  /** e.g. "1764160000:agent-7" (auth_ephemeral / TURN-REST style: expiry, colon, user). */
  username: string;
  password: string;
  /** Expiry in ms since the epoch; default: read from a "<unix seconds>:" username prefix. */
  expiresAt?: number;
}

/** A civic address as RFC 5139 elements (PIDF-LO), e.g. { country: "US", A1: "IL", A3: "Springfield", RD: "Main", STS: "St", HNO: "100", FLR: "3" }. */
export type CivicAddress = Partial<Record<
  | "country" | "A1" | "A2" | "A3" | "A4" | "A5" | "A6" | "PRM" | "PRD" | "RD" | "STS" | "POD" | "POM"
  | "RDSEC" | "RDBR" | "RDSUBBR" | "HNO" | "HNS" | "LMK" | "LOC" | "FLR" | "NAM" | "PC" | "BLD" | "UNIT"
  | "ROOM" | "SEAT" | "PLC" | "PCN" | "POBOX" | "ADDCODE",
  string
>>;

export interface SipCallingOptions {
  /** wss:// URL of the SIP WebSocket server (ws:// is accepted for loopback hosts only), or the
   *  URLs of several cluster nodes: each failed connection attempt moves on to the next. */
  server: string | string[];
  /** This agent's address of record, e.g. "sip:agent-7@sip.example.com". */
  aor: string;
  /** Fresh credentials from your backend; called before the first connection, again at half
   *  their remaining lifetime, after a rejected registration and when a dial finds them expired. */
  credentials?: () => MaybePromise<SipCredentials>;
  /** Static credentials instead of credentials() (not both). */
  authorizationUsername?: string;
  authorizationPassword?: string;
  displayName?: string;
  /** Domain of dialed numbers (default: the AOR's host). */
  domain?: string;
  /** STUN/TURN servers for WebRTC (default none: host candidates only). */
  iceServers?: RTCIceServer[];
  /** The site's confirmed address for emergency calls (civic elements of the PIDF-LO), or a
   *  function of the DialRequest. Without it the widget's text address goes as LOC. */
  civicAddress?: CivicAddress | ((request: DialRequest) => CivicAddress | undefined);
  /** Register for incoming calls (default true). */
  register?: boolean;
  /** REGISTER expiry, s (default 300). */
  registerExpires?: number;
  /** How long a dial waits for a lost connection before it fails (default 8000 ms: below the
   *  widget's 10 s binding timeout, so the agent sees this adapter's message). */
  connectWaitMs?: number;
  /** Reconnection backoff: first delay and cap (defaults 500 ms and 30000 ms, jittered). */
  reconnectInitialMs?: number;
  reconnectMaxMs?: number;
  /** `,` in a dialed number pauses this long before the next DTMF digits (default 2000 ms). */
  pauseMs?: number;
  /** `;` (wait) in a dialed number: resolve to send the rest (default: a pause of pauseMs). */
  onWait?: (info: { callId: string; remaining: string }) => MaybePromise<unknown>;
  /** "rfc4733" (default; RTP telephone-events, SIP INFO if impossible) or "info". */
  dtmf?: "rfc4733" | "info";
  dtmfDurationMs?: number;
  dtmfGapMs?: number;
  /** Without a microphone (none, or permission denied) the call still goes through with
   *  "silence" (default) or a quiet "tone"; false: the call fails instead. */
  fallbackAudio?: "silence" | "tone" | false;
  /** ICE "disconnected" this long during a call => ended/dropped (default 8000 ms). */
  iceDropGraceMs?: number;
  iceGatheringTimeoutMs?: number;
  credentialsTimeoutMs?: number;
  keepAliveSeconds?: number;
  /** Play the far end's audio through an <audio> element per call (default true). */
  playRemoteAudio?: boolean;
  logLevel?: "error" | "warn" | "log" | "debug";
}

export interface SipStatus {
  state: "connecting" | "connected" | "registered" | "reconnecting" | "stopped";
  /** The server URL in use (or being tried). */
  server: string;
  connected: boolean;
  registered: boolean;
  /** Failed attempts since the last success. */
  attempts: number;
  lastError?: string;
  /** Set when a call went out without a microphone. */
  mediaFallback?: string;
}

/** What getCall() reports (initial INVITE headers, location body, timings). */
export interface SipCallInfo {
  callId: string;
  direction: "outbound" | "inbound";
  state: string;
  from: string;
  to: string;
  dialedNumber?: string;
  emergency: boolean;
  /** The callback number the proxy marked this incoming call with (X-Emergency-Callback). */
  emergencyCallback?: string;
  geolocation?: string;
  pidfLo?: string;
  headers: Record<string, string>;
  replyHeaders?: Record<string, string>;
  callbackNumber?: string;
  callbackValidFor?: number;
  muted: boolean;
  held: boolean;
  dtmfSent: string;
  endReason?: "local" | "remote" | "dropped" | "failed";
  failure?: { status: number; reason: string };
  [more: string]: unknown;
}

/** HOST_CONTRACT `calling` (every member, incl. the optional ones) plus extras. */
export interface SipCalling {
  dial(request: DialRequest): Promise<{ callId: string }>;
  hangUp(callId: string): Promise<void>;
  answer(callId: string): Promise<void>;
  hold(callId: string, onHold: boolean): Promise<void>;
  mute(callId: string, muted: boolean): Promise<void>;
  sendDtmf(callId: string, digits: string): Promise<void>;
  subscribe(listener: (event: CallEvent) => void): () => void;
  setAudioDevices(choice: { inputId: string | null; outputId: string | null }): Promise<void>;
  activeCalls(): string[];
  /** Resolves once registered for the first time (it never rejects: see status / onStatus). */
  readonly ready: Promise<void>;
  readonly status: SipStatus;
  onStatus(listener: (status: SipStatus) => void): () => void;
  readonly registered: boolean;
  getStats(callId: string): Promise<{ iceConnectionState: string; connectionState: string; packetsReceived: number; packetsSent: number; bytesReceived: number }>;
  getCall(callId: string): SipCallInfo | undefined;
  getRemoteStream(callId: string): MediaStream | undefined;
  drop(callId: string, options?: { mode?: "bye" | "media" }): Promise<void>;
  stop(): Promise<void>;
}

/** Throws a TypeError for malformed options (nothing is started then). */
export function createSipCalling(options: SipCallingOptions): SipCalling;

/** Q.850 causes in a BYE's Reason header that mean the call dropped (not hung up). */
export const DROP_Q850_CAUSES: readonly number[];
/** The Reason header this adapter sends in a BYE when the media or transport dropped. */
export const DROP_REASON_HEADER: string;
export const CALLBACK_MARK_HEADER: "X-Emergency-Callback";
