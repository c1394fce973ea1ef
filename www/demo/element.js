// Demo: the widget as the <agent-dialer> custom element (the npm package's "agent-dialer/element").
import "/pkg/element.js";
import { $, createDemoHost, demoConfig, logEvents } from "./embed-common.js";

const host = createDemoHost();
window.demoHost = host; // for the end-to-end tests and the console
const el = $("agent-dialer");
logEvents(el);
el.host = host;
el.config = demoConfig();
window.dialerElement = el;
el.whenMounted().then(() => { document.documentElement.dataset.dialerReady = "true"; });
