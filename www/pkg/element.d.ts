// "agent-dialer/element": defines <agent-dialer> (a side effect of importing it) and exports its class.
import type {
  DialerHost, DialerConfig, DialerConfigPatch, DialerHandle, DialerSnapshot, AgentDialerElementEventMap,
} from "./index.js";
export type { AgentDialerElementEventMap, MountErrorDetail } from "./index.js";

export declare class AgentDialerElement extends HTMLElement {
  /** Set both host and config to mount. Another host remounts. */
  host: DialerHost | undefined;
  /** Assigning after mount replaces the configuration: what the new object leaves out is unset
   *  (throws, changing nothing, when malformed). */
  config: DialerConfig | undefined;
  readonly handle: DialerHandle | null;
  whenMounted(): Promise<DialerHandle>;
  /** Added member: when the fallback dialer runs because the wasm failed to load (not after a
   *  trap) and no call is live, loads the wasm again and remounts. Re-inserting the element does the same. */
  retry(): Promise<DialerHandle>;
  dial(number: string): void;
  setConfig(partial: DialerConfigPatch): void;
  state(): DialerSnapshot;
  addEventListener<K extends keyof AgentDialerElementEventMap>(type: K, listener: (this: AgentDialerElement, ev: AgentDialerElementEventMap[K]) => unknown, options?: boolean | AddEventListenerOptions): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
  removeEventListener<K extends keyof AgentDialerElementEventMap>(type: K, listener: (this: AgentDialerElement, ev: AgentDialerElementEventMap[K]) => unknown, options?: boolean | EventListenerOptions): void;
  removeEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | EventListenerOptions): void;
}

/** Loads the wasm once per page (the element does this itself). Never rejects; a failed load is tried again on the next call. */
export function load(): Promise<unknown>;
