// The sample host app: agent-dialer installed from npm (the packed tarball) and bundled by Vite.
import init, { mount } from "agent-dialer";
import "agent-dialer/style.css";
import { createHost } from "./host.js";

const host = createHost();
window.sampleHost = host; // for the end-to-end test
const presence = document.querySelector("[data-test=host-presence]");
presence.textContent = host.currentPresence;
host.presence.subscribe((status) => { presence.textContent = status; });

init().then(() => {
  window.dialer = mount(document.querySelector("#dialer"), host, {
    agent: { id: "sample-agent", name: "Sam Sample" },
    emergency: { recipients: "safety@sample.example", locationOverride: { region: "US" } },
    readiness: { voiceOutboundProfile: true, mailboxEnabled: true, numberType: "calling-plan" },
  });
  document.documentElement.dataset.dialerReady = "true";
});
