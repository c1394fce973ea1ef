// Unit tests of the adapter's pure helpers (no browser, no server):
//   node --test www/telephony/test/
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  byeReason,
  callbackFromHeaders,
  createSipCalling,
  dialHeaders,
  parseLocationHeaders,
  validateTarget,
} from "../sip-adapter.js";

const getter = (lines) => (name) => {
  const hit = lines.find((l) => l.toLowerCase().startsWith(name.toLowerCase() + ":"));
  return hit === undefined ? undefined : hit.slice(hit.indexOf(":") + 1).trim();
};

test("validateTarget accepts numbers and user names, rejects anything else", () => {
  for (const ok of ["911", "+15551234567", "*67", "112", "customer", "psap"]) assert.equal(validateTarget(ok), ok);
  for (const bad of ["", "91 1", "911\r\nX: 1", "sip:911@x", "a".repeat(40), "+", 911, null, undefined, "Agent"]) {
    assert.throws(() => validateTarget(bad), TypeError, String(bad));
  }
});

test("dialHeaders: emergency call with a full location", () => {
  const h = dialHeaders({
    number: "911",
    dialed: "9911",
    emergency: true,
    record: false,
    region: "US",
    location: { latitude: 40.7128, longitude: -74.006, accuracyMeters: 35.25, civicAddress: " 1 Main St, Zürich\r\nX-Evil: 1 " },
  });
  assert.deepEqual(h, [
    "X-Dialed-Number: 911",
    "X-Emergency: true",
    "Priority: emergency",
    "X-Region: US",
    "X-Location: geo:40.7128,-74.006;u=35.3",
    "X-Civic-Address: 1%20Main%20St%2C%20Z%C3%BCrich%0D%0AX-Evil%3A%201",
  ]);
  for (const line of h) assert.doesNotMatch(line, /[\r\n]/);
  const loc = parseLocationHeaders(getter(h));
  assert.deepEqual(loc, { latitude: 40.7128, longitude: -74.006, accuracyMeters: 35.3, civicAddress: "1 Main St, Zürich\r\nX-Evil: 1" });
});

test("dialHeaders: an invalid location or region is left out, the call is not blocked", () => {
  const h = dialHeaders({
    number: "112",
    emergency: true,
    region: "us\r\nX: 1",
    location: { latitude: 91, longitude: NaN, accuracyMeters: -1 },
  });
  assert.deepEqual(h, ["X-Dialed-Number: 112", "X-Emergency: true", "Priority: emergency"]);
  assert.equal(parseLocationHeaders(getter(h)), undefined);
  assert.deepEqual(dialHeaders({ number: "+15551234567", emergency: false }), ["X-Dialed-Number: +15551234567", "X-Emergency: false"]);
});

test("byeReason: Q.850 network causes and X-Call-Dropped mean dropped", () => {
  assert.equal(byeReason(getter(['Reason: Q.850;cause=41;text="Call dropped"'])), "dropped");
  assert.equal(byeReason(getter(["Reason: SIP;cause=200, Q.850 ; cause = 38"])), "dropped");
  assert.equal(byeReason(getter(["X-Call-Dropped: true"])), "dropped");
  assert.equal(byeReason(getter(["Reason: Q.850;cause=16;text=\"Normal call clearing\""])), "remote");
  assert.equal(byeReason(getter(["Reason: SIP;cause=41"])), "remote");
  assert.equal(byeReason(getter([])), "remote");
});

test("callbackFromHeaders validates number and lifetime", () => {
  assert.deepEqual(callbackFromHeaders(getter(["X-Callback-Number: +1555010007", "X-Callback-Valid-For: 3600"])), {
    number: "+1555010007",
    validForSeconds: 3600,
  });
  assert.equal(callbackFromHeaders(getter(["X-Callback-Number: +1555010007"])), undefined);
  assert.equal(callbackFromHeaders(getter(["X-Callback-Number: sip:x", "X-Callback-Valid-For: 3600"])), undefined);
  assert.equal(callbackFromHeaders(getter(["X-Callback-Number: +1555010007", "X-Callback-Valid-For: 0"])), undefined);
  assert.equal(callbackFromHeaders(getter(["X-Callback-Number: +1555010007", "X-Callback-Valid-For: 1e9"])), undefined);
});

test("createSipCalling rejects malformed options before touching the network", () => {
  assert.throws(() => createSipCalling({ server: "http://127.0.0.1:5080", aor: "sip:agent@127.0.0.1" }), TypeError);
  assert.throws(() => createSipCalling({ server: "ws://127.0.0.1:5080", aor: "agent" }), TypeError);
  assert.throws(() => createSipCalling(), TypeError);
});
