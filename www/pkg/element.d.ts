// "agent-dialer/element": defines <agent-dialer> (a side effect of importing it) and exports its class.
import type {
  DialerHost, DialerConfig, DialerConfigPatch, DialerHandle, DialerSnapshot, AgentDialerElementEventMap,
} from "./index.js";
export type { AgentDialerElementEventMap, MountErrorDetail } from "./index.js";

export declare class AgentDialerElement extends HTMLElement {
  /** Set both host and config to mount. Another host remounts. */
  host: DialerHost | undefined;
  /** Reassigning after mount calls setConfig with the new object (throws when malformed). */
  config: DialerConfig | undefined;
  readonly handle: DialerHandle | null;
  whenMounted(): Promise<DialerHandle>;
  dial(number: string): void;
  setConfig(partial: DialerConfigPatch): void;
  state(): DialerSnapshot;
  addEventListener<K extends keyof AgentDialerElementEventMap>(type: K, listener: (this: AgentDialerElement, ev: AgentDialerElementEventMap[K]) => unknown, options?: boolean | AddEventListenerOptions): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
  removeEventListener<K extends keyof AgentDialerElementEventMap>(type: K, listener: (this: AgentDialerElement, ev: AgentDialerElementEventMap[K]) => unknown, options?: boolean | EventListenerOptions): void;
  removeEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | EventListenerOptions): void;
}

/** Loads the wasm once per page (the element does this itself). */
export function load(): Promise<unknown>;
