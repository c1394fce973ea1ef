// "agent-dialer/settings-element": defines <agent-dialer-settings> (a side effect of importing
// it) and exports its class: the administrator's emergency settings surface.
import type { SettingsHost, DialerConfig, SettingsHandle, SettingsSnapshot, AgentDialerSettingsElementEventMap } from "./index.js";
export type { AgentDialerSettingsElementEventMap } from "./index.js";

export declare class AgentDialerSettingsElement extends HTMLElement {
  /** `{ settings: { save(request) } }`. Another host remounts. */
  host: SettingsHost | undefined;
  /** Reassigning after mount calls setConfig for the same agent.id, remounts for another. */
  config: DialerConfig | undefined;
  readonly handle: SettingsHandle | null;
  whenMounted(): Promise<SettingsHandle>;
  state(): SettingsSnapshot;
  discard(): void;
  addEventListener<K extends keyof AgentDialerSettingsElementEventMap>(type: K, listener: (this: AgentDialerSettingsElement, ev: AgentDialerSettingsElementEventMap[K]) => unknown, options?: boolean | AddEventListenerOptions): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
  removeEventListener<K extends keyof AgentDialerSettingsElementEventMap>(type: K, listener: (this: AgentDialerSettingsElement, ev: AgentDialerSettingsElementEventMap[K]) => unknown, options?: boolean | EventListenerOptions): void;
  removeEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | EventListenerOptions): void;
}

/** Loads the wasm once per page (the element does this itself). */
export function load(): Promise<unknown>;
