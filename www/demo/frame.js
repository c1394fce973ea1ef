// Demo: the framed page. Mounts the widget with a proxy host whose binding calls go to the
// parent page (?parent=http://127.0.0.1:PORT) over postMessage (the npm package's serveFrame).
import { serveFrame } from "/pkg/frame.js";

const parentOrigin = new URLSearchParams(location.search).get("parent");
const served = serveFrame({ parentOrigin, element: document.querySelector("#dialer") });
window.servedFrame = served; // for the end-to-end tests
served.ready.then(() => { document.documentElement.dataset.dialerReady = "true"; }, () => {});
