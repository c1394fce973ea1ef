// Demo: the parent page of the iframe embedding. The widget runs in frame.html, served from
// another origin (?frame=http://127.0.0.1:PORT; default this origin); the real (mock) host
// bindings live here and are bridged with connectFrame (the npm package's "agent-dialer/frame").
import { connectFrame } from "/pkg/frame.js";
import { $, addLog, createDemoHost, demoConfig, logEvents } from "./embed-common.js";

const params = new URLSearchParams(location.search);
const frameOrigin = new URL(params.get("frame") ?? location.origin).origin;
const host = createDemoHost();
window.demoHost = host;

const iframe = $("#dialer-frame");
logEvents(iframe);
const src = new URL("/demo/frame.html", frameOrigin);
src.searchParams.set("parent", location.origin);
iframe.src = src.href;
$("[data-test=frame-origin]").textContent = frameOrigin;

const dialer = connectFrame(iframe, host, { origin: frameOrigin, config: demoConfig(params) });
window.dialer = dialer;
dialer.ready.then(() => {
  addLog("widget", `framed widget ready (${frameOrigin})`);
  document.documentElement.dataset.dialerReady = "true";
});
