// A mock host for agent-dialer: every binding of docs/HOST_CONTRACT.md with simulated telephony.
// Used by the demo page and the end-to-end tests. Every binding call is logged.
//
//   const host = createMockHost({ onLog: (entry) => …, faults: { "presence.set": "reject" } });
//   host.sim.remoteHangUp(); host.sim.drop(); host.sim.incoming("+15551230000");
//   host.sim.emergencyCallback();   // the emergency service calls the callback number
//   createMockHost({ saveSettings: (request) => crm.save(request) });   // settings.save (E7)
//
// Faults (per binding name, e.g. "presence.set"): "throw", "reject", "hang" (never settles),
// "slow" (settles after `slowMs`), "bad-value" (returns something malformed).

export function createMockHost(options = {}) {
  const {
    onLog = () => {},
    presence: initialPresence = "available",
    ringAfterMs = 300,
    connectAfterMs = 1200,
    callbackNumber = "+15550100042",
    callbackValidForSeconds = 3600,
    slowMs = 3000,
    syncDial = true,
    saveSettings = () => {},
  } = options;
  const faults = { ...(options.faults || {}) };
  const log = [];
  const callListeners = new Set();
  const presenceListeners = new Set();
  const calls = new Map();
  let presence = initialPresence;
  let nextId = 1;
  const timers = new Set();

  const record = (binding, args, extra = {}) => {
    const entry = { at: Date.now(), binding, args: JSON.parse(JSON.stringify(args ?? [])), ...extra };
    log.push(entry);
    onLog(entry);
    return entry;
  };
  const later = (ms, fn) => {
    const t = setTimeout(() => { timers.delete(t); fn(); }, ms);
    timers.add(t);
  };
  const emit = (event) => {
    record("event", [event]);
    for (const l of [...callListeners]) l(event);
  };
  // Applies a configured fault to a binding's normal result.
  const answer = (binding, value) => {
    switch (faults[binding]) {
      case "throw": throw new Error(`${binding} failed (injected)`);
      case "reject": return Promise.reject(new Error(`${binding} rejected (injected)`));
      case "hang": return new Promise(() => {});
      case "slow": return new Promise((resolve) => later(slowMs, () => resolve(value)));
      case "bad-value": return { unexpected: true };
      default: return value;
    }
  };
  const setPresence = (status) => {
    presence = status;
    for (const l of [...presenceListeners]) l(status);
  };

  const host = {
    presence: {
      get() { record("presence.get", []); return answer("presence.get", presence); },
      set(status) {
        record("presence.set", [status]);
        if (!faults["presence.set"]) { setPresence(status); return undefined; }
        const result = answer("presence.set", undefined);
        return Promise.resolve(result).then(() => setPresence(status));
      },
      subscribe(listener) {
        record("presence.subscribe", []);
        presenceListeners.add(listener);
        return () => presenceListeners.delete(listener);
      },
    },
    calling: {
      dial(request) {
        record("calling.dial", [request]);
        const callId = `call-${nextId++}`;
        calls.set(callId, { callId, request, state: "dialing", direction: "outbound" });
        later(ringAfterMs, () => {
          const c = calls.get(callId);
          if (c && c.state === "dialing") { c.state = "ringing"; emit({ type: "ringing", callId }); }
        });
        later(connectAfterMs, () => {
          const c = calls.get(callId);
          if (!c || c.state === "ended") return;
          c.state = "connected";
          emit({ type: "connected", callId });
          if (request.emergency) {
            later(200, () => emit({ type: "callback-number", callId, number: callbackNumber, validForSeconds: callbackValidForSeconds }));
          }
        });
        const result = answer("calling.dial", { callId });
        return syncDial ? result : Promise.resolve(result);
      },
      hangUp(callId) {
        record("calling.hangUp", [callId]);
        const c = calls.get(callId);
        if (c && c.state !== "ended") { c.state = "ended"; later(50, () => emit({ type: "ended", callId, reason: "local" })); }
        return answer("calling.hangUp", undefined);
      },
      answer(callId) {
        record("calling.answer", [callId]);
        const c = calls.get(callId);
        if (c) later(300, () => { if (c.state !== "ended") { c.state = "connected"; emit({ type: "connected", callId }); } });
        return answer("calling.answer", undefined);
      },
      hold(callId, onHold) { record("calling.hold", [callId, onHold]); return answer("calling.hold", undefined); },
      mute(callId, muted) { record("calling.mute", [callId, muted]); return answer("calling.mute", undefined); },
      sendDtmf(callId, digits) { record("calling.sendDtmf", [callId, digits]); return answer("calling.sendDtmf", undefined); },
      subscribe(listener) {
        record("calling.subscribe", []);
        callListeners.add(listener);
        return () => callListeners.delete(listener);
      },
    },
    notification: {
      sendEmail(message) { record("notification.sendEmail", [message]); return answer("notification.sendEmail", undefined); },
    },
    conversation: {
      setEmergencyMode(active) { record("conversation.setEmergencyMode", [active]); return answer("conversation.setEmergencyMode", undefined); },
    },
    activity: {
      record(entry) { record("activity.record", [entry]); return answer("activity.record", undefined); },
    },
    settings: {
      // Saves only when no fault is injected: a refused or unanswered save changes nothing.
      save(request) {
        record("settings.save", [request]);
        if (!faults["settings.save"]) return Promise.resolve().then(() => saveSettings(request));
        return answer("settings.save", undefined);
      },
    },
  };

  const active = () => [...calls.values()].filter((c) => c.state !== "ended");
  const endCall = (c, reason) => { c.state = "ended"; emit({ type: "ended", callId: c.callId, reason }); };
  host.sim = {
    log,
    faults,
    calls,
    get presence() { return presence; },
    /** The host (not the widget) changes presence, e.g. the agent uses the CRM's menu. */
    changePresence(status) { record("host.presence", [status]); setPresence(status); },
    /** The far end hangs up the newest active call. */
    remoteHangUp() { const c = active().at(-1); if (c) endCall(c, "remote"); return c?.callId; },
    /** The newest active call drops (network loss). */
    drop() { const c = active().at(-1); if (c) endCall(c, "dropped"); return c?.callId; },
    /** The newest dialing call fails. */
    fail() { const c = active().at(-1); if (c) endCall(c, "failed"); return c?.callId; },
    /** An ordinary incoming call. */
    incoming(from = "+15551230000", to = "+15550009999") {
      const callId = `call-${nextId++}`;
      calls.set(callId, { callId, state: "ringing", direction: "inbound", from, to });
      emit({ type: "incoming", callId, from, to });
      return callId;
    },
    /** The emergency service calls back on the callback number (E4). */
    emergencyCallback(from = "911") { return host.sim.incoming(from, callbackNumber); },
    callbackNumber,
    callsTo: (binding) => log.filter((e) => e.binding === binding),
    setFault(binding, fault) { if (fault) faults[binding] = fault; else delete faults[binding]; },
    dispose() { for (const t of timers) clearTimeout(t); timers.clear(); },
  };
  return host;
}
