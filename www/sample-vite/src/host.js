// A tiny mock host: every required binding of docs/HOST_CONTRACT.md, recording each call.
export function createHost() {
  const log = [];
  const callListeners = new Set();
  const presenceListeners = new Set();
  let presence = "available";
  let next = 1;
  const emit = (event) => { for (const l of [...callListeners]) l(event); };
  const setPresence = (status) => { presence = status; for (const l of [...presenceListeners]) l(status); };
  return {
    log,
    get currentPresence() { return presence; },
    presence: {
      get: () => { log.push(["presence.get"]); return presence; },
      set: (status) => { log.push(["presence.set", status]); setPresence(status); },
      subscribe: (l) => { presenceListeners.add(l); return () => presenceListeners.delete(l); },
    },
    calling: {
      dial(request) {
        log.push(["calling.dial", request]);
        const callId = `sample-${next++}`;
        setTimeout(() => emit({ type: "ringing", callId }), 100);
        setTimeout(() => emit({ type: "connected", callId }), 300);
        return { callId };
      },
      hangUp(callId) { log.push(["calling.hangUp", callId]); setTimeout(() => emit({ type: "ended", callId, reason: "local" }), 20); },
      answer(callId) { log.push(["calling.answer", callId]); },
      subscribe: (l) => { callListeners.add(l); return () => callListeners.delete(l); },
    },
    notification: { sendEmail(message) { log.push(["notification.sendEmail", message]); } },
    conversation: { setEmergencyMode(active) { log.push(["conversation.setEmergencyMode", active]); } },
    activity: { record(entry) { log.push(["activity.record", entry]); } },
  };
}
