// The in-page half of the hostile-host property test (www/e2e/hostile.e2e.mjs): runs one
// generated sequence against the widget mounted directly (no guard in front) and returns the
// invariants it saw broken. Everything the host does is generated: binding behaviours (answer,
// throw, reject, never, late past the timeout, revoked Proxy, throwing `then`, settle twice,
// odd values), host events in any order (duplicated, early, unknown ids, malformed), agent
// actions and re-entrant calls from bindings and listeners.

const EMERGENCY = new Set(["911", "112"]); // in the US (the region override)
const CALLBACK = "+15550100042";
const TIMEOUT_MS = 40; // config.testing.bindingTimeoutMs

// The page scales the widget's timers down (see hostile.e2e.mjs); the runner waits in real time.
const wait = (ms) => new Promise((ok) => (globalThis.__realSetTimeout || setTimeout)(ok, ms));

function revoked() { const r = Proxy.revocable({}, {}); r.revoke(); return r.proxy; }

/** Runs `seq` ({ behave, actions }) and returns a list of violations ("" entries never). */
export async function runSequence(mount, seq, agent) {
  const violations = [];
  const fail = (m) => { if (violations.length < 10) violations.push(m); };
  const trace = [];
  const note = (m) => { if (seq.trace) trace.push(m); };
  const uncaught = [];
  const onError = (e) => { if (!String(e.message).includes("injected")) uncaught.push(`error: ${e.message}`); };
  const onRejection = (e) => { const m = String(e.reason && e.reason.message || e.reason); if (!m.includes("injected")) uncaught.push(`rejection: ${m}`); };
  addEventListener("error", onError);
  addEventListener("unhandledrejection", onRejection);

  const behave = { ...seq.behave };
  const emergencyIds = new Set();
  const endedIds = new Set();
  const issued = [];
  const hooks = new Map(); // binding or event name -> re-entrant call
  let handle = null;
  let el = null;
  let nextId = 1;
  // The agent's own presence before the sequence (DND included): what quiescence must show.
  const own = seq.presence || "available";
  let presence = own;
  let dialDepth = 0;
  const callListeners = new Set();
  const presenceListeners = new Set();

  const stateOrNull = () => { try { return handle ? handle.state() : null; } catch { return null; } };
  const emergencyLive = (s) => !!(s && ((s.call && s.call.emergency) || (s.heldCall && s.heldCall.emergency)));
  const reenter = (where) => {
    const what = hooks.get(where);
    if (!what) return;
    hooks.delete(where);
    act(what);
  };
  const answer = (binding, value) => {
    reenter(binding);
    switch (behave[binding] || "ok") {
      case "throw": throw new Error(`${binding} (injected)`);
      case "reject": return Promise.reject(new Error(`${binding} (injected)`));
      case "never": return new Promise(() => {});
      case "late": return new Promise((ok) => setTimeout(() => ok(value), TIMEOUT_MS * 2));
      case "revoked": return revoked();
      case "then-throws": return { get then() { throw new Error("then (injected)"); } };
      case "twice": return { then(ok, bad) { ok(value); bad(new Error("again (injected)")); ok(value); } };
      case "odd": return binding === "calling.dial" ? { callId: 7 } : 42;
      default: return value;
    }
  };
  const host = {
    presence: {
      get() { return answer("presence.get", presence); },
      set(s) {
        note(`presence.set(${s}) live=${emergencyLive(stateOrNull())} saved=${stateOrNull()?.savedPresence}`);
        // E2/E8: presence is never given back while an emergency call may be live.
        if (s !== "dnd" && emergencyLive(stateOrNull())) fail(`presence.set(${s}) during an emergency call`);
        const how = behave["presence.set"] || "ok";
        const r = answer("presence.set", undefined);
        // The host applies it whenever it reports (or later reports) success.
        const apply = () => { note(`host applies ${s}`); presence = s; for (const l of [...presenceListeners]) l(s); };
        if (["ok", "twice", "odd"].includes(how)) apply();
        else if (how === "late") r.then(apply);
        return r;
      },
      subscribe(l) { presenceListeners.add(l); return () => presenceListeners.delete(l); },
    },
    calling: {
      dial(request) {
        const id = `c${nextId++}`;
        note(`calling.dial -> ${id} (${behave["calling.dial"] || "ok"})`);
        issued.push(id);
        if (request && request.emergency) {
          emergencyIds.add(id);
          if (request.record !== false) fail("an emergency call asked to be recorded");
        }
        return answer("calling.dial", { callId: id });
      },
      hangUp(id) { return answer("calling.hangUp", undefined); },
      answer(id) { return answer("calling.answer", undefined); },
      subscribe(l) { callListeners.add(l); return () => callListeners.delete(l); },
    },
    notification: { sendEmail() { return answer("notification.sendEmail", undefined); } },
    conversation: { setEmergencyMode() { return answer("conversation.setEmergencyMode", undefined); } },
    activity: {
      record(entry) {
        if (entry && emergencyIds.has(entry.callId)) fail(`emergency call ${entry.callId} written to history`);
        return answer("activity.record", undefined);
      },
    },
  };
  const emit = (e) => { for (const l of [...callListeners]) l(e); };
  const config = { agent: { id: agent, name: "Ann" }, testing: { bindingTimeoutMs: TIMEOUT_MS },
    emergency: { recipients: "safety@acme.example", locationOverride: { region: "US" } },
    readiness: { voiceOutboundProfile: true, mailboxEnabled: true, numberType: "calling-plan" } };
  let mounting = false;
  const doMount = () => {
    if (mounting) return;
    mounting = true;
    el = document.createElement("div");
    document.body.append(el);
    for (const name of ["dialer:emergency-started", "dialer:emergency-ended", "dialer:readiness", "dialer:error", "dialer:notification", "dialer:callback-window"]) {
      el.addEventListener(name, () => reenter(name));
    }
    try { handle = mount(el, host, config); } catch (e) { fail(`mount threw: ${e && e.message}`); handle = null; }
    mounting = false;
  };
  const guarded = (what, f) => {
    try { return f(); } catch (e) {
      const m = String(e && e.message || e);
      if (/unreachable|RuntimeError|recursive|closure invoked/i.test(m) || !/^(dial|setConfig|state): /.test(m)) fail(`${what} threw: ${m}`);
    }
  };
  function act(a) {
    note(`act ${JSON.stringify(a)}`);
    // A hook that fires while `mount` runs has no handle to call yet (nor would a host).
    if (mounting) return;
    if (!handle) doMount();
    if (!handle) return;
    switch (a.kind) {
      case "dial": {
        const before = stateOrNull();
        const placed = EMERGENCY.has(a.number) && before && !emergencyLive(before) && behave["calling.dial"] !== "missing";
        const count = issued.length;
        dialDepth++;
        guarded("dial", () => handle.dial(a.number));
        dialDepth--;
        if (placed && issued.length === count) fail(`911 from ${a.from || "the agent"} did not reach calling.dial before dial() returned`);
        break;
      }
      case "state": guarded("state", () => handle.state()); break;
      case "setConfig": guarded("setConfig", () => handle.setConfig(a.bad
        ? { emergency: { get recipients() { throw new Error("getter (injected)"); } } }
        : { emergency: { recipients: a.recipients } })); break;
      case "unmount": guarded("unmount", () => handle.unmount()); handle = null; el && el.remove(); break;
      case "end-call": { const b = el && el.querySelector("[data-test=end-call]"); if (b) b.click(); break; }
      case "event": {
        const id = a.id === "last" ? issued.at(-1) : a.id === "first" ? issued[0] : a.id;
        if (id === undefined) break;
        let e;
        switch (a.type) {
          case "ended": e = { type: "ended", callId: id, reason: a.reason }; endedIds.add(id); break;
          case "callback-number": e = { type: "callback-number", callId: id, number: CALLBACK, validForSeconds: 3600 }; break;
          case "callback": {
            e = { type: "incoming", callId: `cb${nextId++}`, from: "911", to: CALLBACK };
            // The emergency service's callback only while the window is open; else ordinary.
            const s = stateOrNull();
            if (s && s.callbackWindow) emergencyIds.add(e.callId);
            issued.push(e.callId);
            break;
          }
          case "incoming": e = { type: "incoming", callId: `in${nextId++}`, from: "+15551230000", to: "+15550009999" }; issued.push(e.callId); break;
          case "garbage": e = [null, "ended", { type: "bogus", callId: id }, { type: "ended", callId: 5 }, revoked(), { type: "ended", callId: "x".repeat(100000) }][a.reason.length % 6]; break;
          default: e = { type: a.type, callId: id };
        }
        for (let i = 0; i < (a.twice ? 2 : 1); i++) emit(e);
        // No call is left "dialing" once the host ended it.
        const s = stateOrNull();
        if (a.type === "ended" && s && s.call && s.call.callId === id) fail(`call ${id} still shown after the host ended it`);
        break;
      }
      case "behave": behave[a.binding] = a.how; break;
      case "hook": hooks.set(a.where, { ...a.call, from: a.where }); break;
    }
  }

  doMount();
  for (const a of seq.actions) {
    if (a.kind === "wait") await wait(a.ms);
    else act(a);
  }
  // Quiescence: bindings healthy, every call ended by the host and by the agent.
  for (const k of Object.keys(behave)) behave[k] = "ok";
  hooks.clear();
  await wait(2);
  if (!handle) doMount();
  // The host ends every call it has; the agent ends what the host never confirmed (End call)
  // and answers the question a remounted widget may ask after taking up a saved episode. A
  // remount takes up its saved episode a few (scaled) milliseconds later, so this repeats.
  // Presence retries run meanwhile (the page scales the widget's timers: 60 s of backoff is
  // 300 ms).
  const quiet = (s) => s && !s.call && s.savedPresence === undefined && presence === own;
  for (let t = 0; t < 400 && !quiet(stateOrNull()); t++) {
    if (t % 10 === 0) {
      for (const id of issued) emit({ type: "ended", callId: id, reason: "remote" });
      for (const sel of ["still-on-no", "end-call"]) { const b = el && el.querySelector(`[data-test=${sel}]`); if (b) b.click(); }
    }
    await wait(5);
  }
  const s = stateOrNull();
  if (!s) fail("no state at quiescence");
  else {
    if (emergencyLive(s)) fail(`an emergency call is live at quiescence: ${JSON.stringify(s.call)}`);
    if (s.call) fail(`a call is left at quiescence: ${JSON.stringify(s.call)}`);
    if (s.savedPresence !== undefined) fail(`presence not restored at quiescence (saved ${s.savedPresence})`);
    if (presence !== own) fail(`the host's presence is ${presence} at quiescence, the agent's own was ${own}`);
  }
  guarded("unmount", () => handle && handle.unmount());
  if (el) el.remove();
  document.querySelectorAll("body > div").forEach((d) => d.remove());
  localStorage.removeItem(`agent-dialer:episode:${agent}`);
  removeEventListener("error", onError);
  removeEventListener("unhandledrejection", onRejection);
  for (const u of uncaught) fail(`uncaught ${u}`);
  if (seq.trace) note(`final presence ${presence}, state ${JSON.stringify(s)}`);
  return seq.trace ? [...violations, ...trace] : violations;
}
