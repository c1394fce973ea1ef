// Demo: the framed page. Mounts the widget with a proxy host whose binding calls go to the
// parent page (?parent=http://127.0.0.1:PORT) over postMessage (the npm package's serveFrame);
// with ?surface=settings, the administrator's emergency settings instead (serveSettingsFrame,
// for admin.html?frame=…).
import { serveFrame } from "/pkg/frame.js";
import { serveSettingsFrame } from "/pkg/settings-frame.js";

const params = new URLSearchParams(location.search);
const serve = params.get("surface") === "settings" ? serveSettingsFrame : serveFrame;
const served = serve({ parentOrigin: params.get("parent"), element: document.querySelector("#dialer") });
window.servedFrame = served; // for the end-to-end tests
served.ready.then(() => { document.documentElement.dataset.dialerReady = "true"; }, () => {});
