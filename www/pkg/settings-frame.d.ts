// "agent-dialer/settings-frame": both ends of the iframe bridge for the emergency settings.
import type {
  SettingsHost, DialerConfig, SettingsHandle, ConnectFrameOptions, FrameSettingsHandle, ServeFrameOptions, ServedFrame,
} from "./index.js";
export type { FrameSettingsHandle } from "./index.js";

/** Parent side: `host.settings.save` runs here; the surface is framed from `options.origin`. */
export function connectSettingsFrame(iframe: HTMLIFrameElement, host: SettingsHost, options: ConnectFrameOptions): FrameSettingsHandle;

/** Framed side: mounts mountSettings with a proxy host whose `settings.save` posts to the parent. */
export function serveSettingsFrame(options: Omit<ServeFrameOptions, "mount"> & {
  mount?: (element: Element, host: SettingsHost, config: DialerConfig) => SettingsHandle;
}): ServedFrame;
