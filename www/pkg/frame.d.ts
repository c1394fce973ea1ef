// "agent-dialer/frame": both ends of the iframe bridge (protocol "agent-dialer/1").
export { connectFrame, serveFrame, PROTOCOL, EVENT_NAMES, CONTRACT_BINDINGS } from "./index.js";
export type {
  ConnectFrameOptions, FrameDialerHandle, ServeFrameOptions, ServedFrame,
  FrameToParentMessage, ParentToFrameMessage, FrameErrorDetail,
} from "./index.js";
