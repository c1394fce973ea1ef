// Unit tests of the SIP adapter's pure helpers and of the PIDF-LO / multipart builder (no
// browser, no server):   node --test www/telephony/test/
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  backoffDelay,
  byeReason,
  callbackFromHeaders,
  checkCredentials,
  createSipCalling,
  parseDialString,
  validateTarget,
} from "../../pkg/sip-adapter.js";
import {
  boundaryOf,
  buildMultipart,
  buildPidfLo,
  checkCivicAddress,
  locationFromRequest,
  parseMultipart,
  xmlEscape,
} from "../../pkg/pidf-lo.js";
import { classifyFrame, digitTracker } from "../dtmf-detector.js";

const getter = (lines) => (name) => {
  const hit = lines.find((l) => l.toLowerCase().startsWith(name.toLowerCase() + ":"));
  return hit === undefined ? undefined : hit.slice(hit.indexOf(":") + 1).trim();
};

test("parseDialString: pauses and waits (as dial::normalize writes them) become post-dial DTMF", () => {
  assert.deepEqual(parseDialString("911"), { target: "911", postDial: "" });
  assert.deepEqual(parseDialString("+15551234567,,123#"), { target: "+15551234567", postDial: ",,123#" });
  assert.deepEqual(parseDialString("5551234;42,1"), { target: "5551234", postDial: ";42,1" });
  assert.deepEqual(parseDialString("customer"), { target: "customer", postDial: "" });
  for (const bad of ["", ",123", "91 1", "911\r\nX: 1", "sip:911@x", "a".repeat(40), "+", "555,12a", "Agent", 911, null]) {
    assert.throws(() => parseDialString(bad), TypeError, String(bad));
  }
  assert.equal(validateTarget("*67"), "*67");
});

test("byeReason: Q.850 network causes and X-Call-Dropped mean dropped", () => {
  assert.equal(byeReason(getter(['Reason: Q.850;cause=41;text="Call dropped"'])), "dropped");
  assert.equal(byeReason(getter(["Reason: SIP;cause=200, Q.850 ; cause = 38"])), "dropped");
  assert.equal(byeReason(getter(["X-Call-Dropped: true"])), "dropped");
  assert.equal(byeReason(getter(['Reason: Q.850;cause=16;text="Normal call clearing"'])), "remote");
  assert.equal(byeReason(getter(["Reason: SIP;cause=41"])), "remote");
  assert.equal(byeReason(getter([])), "remote");
});

test("callbackFromHeaders validates number and lifetime", () => {
  assert.deepEqual(callbackFromHeaders(getter(["X-Callback-Number: +15550100007", "X-Callback-Valid-For: 3600"])), {
    number: "+15550100007",
    validForSeconds: 3600,
  });
  assert.equal(callbackFromHeaders(getter(["X-Callback-Number: +1555010007"])), undefined);
  assert.equal(callbackFromHeaders(getter(["X-Callback-Number: sip:x", "X-Callback-Valid-For: 3600"])), undefined);
  assert.equal(callbackFromHeaders(getter(["X-Callback-Number: +1555010007", "X-Callback-Valid-For: 0"])), undefined);
  assert.equal(callbackFromHeaders(getter(["X-Callback-Number: +1555010007", "X-Callback-Valid-For: 1e9"])), undefined);
});

test("checkCredentials: ephemeral usernames carry their expiry; malformed credentials are refused", () => {
  assert.deepEqual(checkCredentials({ username: "1764160000:agent", password: "abc/+=" }), {
    username: "1764160000:agent",
    password: "abc/+=",
    expiresAt: 1764160000000,
  });
  assert.equal(checkCredentials({ username: "agent", password: "x", expiresAt: 5 }).expiresAt, 5);
  assert.equal(checkCredentials({ username: "agent", password: "x" }).expiresAt, undefined);
  for (const bad of [undefined, {}, { username: "a" }, { username: "a b", password: "x" }, { username: "a", password: 'x"y' }, { username: "a\r\nX: 1", password: "x" }]) {
    assert.throws(() => checkCredentials(bad), TypeError);
  }
});

test("backoffDelay: exponential from the initial delay, capped, jittered within [50 %, 100 %]", () => {
  assert.equal(backoffDelay(0, 500, 30000, () => 1), 500);
  assert.equal(backoffDelay(0, 500, 30000, () => 0), 250);
  assert.equal(backoffDelay(3, 500, 30000, () => 1), 4000);
  assert.equal(backoffDelay(10, 500, 30000, () => 1), 30000);
  assert.equal(backoffDelay(1000, 500, 30000, () => 0.5), 22500);
});

test("createSipCalling rejects malformed options before touching the network", () => {
  const aor = "sip:agent@127.0.0.1";
  assert.throws(() => createSipCalling({ server: "http://127.0.0.1:5080", aor }), TypeError);
  assert.throws(() => createSipCalling({ server: "ws://sip.example.com:5080", aor }), /wss:\/\//, "plain ws only on loopback");
  assert.throws(() => createSipCalling({ server: "wss://127.0.0.1:5443", aor: "agent" }), TypeError);
  assert.throws(() => createSipCalling({ server: "wss://127.0.0.1:5443", aor, credentials: "secret" }), TypeError);
  assert.throws(
    () => createSipCalling({ server: "wss://127.0.0.1:5443", aor, credentials: () => ({}), authorizationPassword: "x" }),
    /either credentials/,
  );
  assert.throws(() => createSipCalling({ server: "wss://127.0.0.1:5443", aor, civicAddress: { STREET: "Main" } }), /unknown civic/);
  assert.throws(() => createSipCalling(), TypeError);
});

// --- PIDF-LO, multipart ------------------------------------------------------------------------

const SITE = { country: "US", A1: "IL", A3: "Springfield", RD: "Main", STS: "St", HNO: "100", FLR: "3", ROOM: "301", NAM: "Acme <HQ> & Co" };

test("buildPidfLo: a geodetic circle and civic elements, each in its own geopriv, escaped", () => {
  const xml = buildPidfLo({
    entity: "pres:agent@example.com",
    geodetic: { latitude: 40.71280001234, longitude: -74.006, accuracyMeters: 35.25 },
    civic: SITE,
    timestamp: new Date("2026-01-02T03:04:05.678Z"),
  });
  assert.match(xml, /^<\?xml version="1.0" encoding="UTF-8"\?>/);
  assert.match(xml, /<presence xmlns="urn:ietf:params:xml:ns:pidf" [^>]*entity="pres:agent@example.com">/);
  assert.match(xml, /<gs:Circle srsName="urn:ogc:def:crs:EPSG::4326"><gml:pos>40.7128 -74.006<\/gml:pos><gs:radius uom="urn:ogc:def:uom:EPSG::9001">35.3<\/gs:radius><\/gs:Circle>/);
  assert.match(xml, /<ca:civicAddress xml:lang="en"><ca:country>US<\/ca:country><ca:A1>IL<\/ca:A1><ca:A3>Springfield<\/ca:A3><ca:RD>Main<\/ca:RD><ca:STS>St<\/ca:STS><ca:HNO>100<\/ca:HNO><ca:FLR>3<\/ca:FLR><ca:NAM>Acme &lt;HQ&gt; &amp; Co<\/ca:NAM><ca:ROOM>301<\/ca:ROOM><\/ca:civicAddress>/);
  assert.equal(xml.match(/<gp:geopriv>/g).length, 2);
  assert.equal(xml.match(/<gp:usage-rules>/g).length, 2);
  assert.match(xml, /<gbp:retention-expiry>2026-01-03T03:04:05Z<\/gbp:retention-expiry>/);
  assert.match(xml, /<dm:timestamp>2026-01-02T03:04:05Z<\/dm:timestamp>/);
  assert.doesNotMatch(xml, /<HQ>/);
});

test("buildPidfLo: a point without accuracy; nothing usable -> undefined (the call goes out without a body)", () => {
  const xml = buildPidfLo({ entity: "pres:a@b", geodetic: { latitude: 1, longitude: 2 } });
  assert.match(xml, /<gml:Point srsName="urn:ogc:def:crs:EPSG::4326"><gml:pos>1 2<\/gml:pos><\/gml:Point>/);
  assert.equal(buildPidfLo({ entity: "pres:a@b", geodetic: { latitude: 91, longitude: 0 } }), undefined);
  assert.equal(buildPidfLo({ entity: "pres:a@b", civic: { STREET: "x" } }), undefined);
  assert.equal(buildPidfLo({ entity: "pres:a@b" }), undefined);
});

test("checkCivicAddress: RFC 5139 names only, strings, ISO country; control characters flattened", () => {
  assert.deepEqual(checkCivicAddress({ country: "DK", A3: " København\r\nX: 1 " }), { address: { country: "DK", A3: "København X: 1" } });
  assert.match(checkCivicAddress({ country: "dk" }).error, /country/);
  assert.match(checkCivicAddress({ HNO: 12 }).error, /string/);
  assert.match(checkCivicAddress({ city: "x" }).error, /unknown/);
  assert.match(checkCivicAddress({}).error, /empty/);
  assert.match(checkCivicAddress(null).error, /object/);
  assert.equal(xmlEscape("a\u0001<b>'\""), "a&lt;b&gt;&apos;&quot;");
});

test("locationFromRequest: structured civic from the host wins; else the confirmed text as LOC with the region", () => {
  const request = { number: "911", emergency: true, region: "US", location: { latitude: 1, longitude: 2, accuracyMeters: 3, civicAddress: "1 Main St" } };
  assert.deepEqual(locationFromRequest(request, SITE), { geodetic: { latitude: 1, longitude: 2, accuracyMeters: 3 }, civic: SITE });
  assert.deepEqual(locationFromRequest(request, undefined), { geodetic: { latitude: 1, longitude: 2, accuracyMeters: 3 }, civic: { LOC: "1 Main St", country: "US" } });
  // Region override only: no coordinates; the civic address comes on its own (B3).
  assert.deepEqual(locationFromRequest({ number: "911", region: "GB", civicAddress: " 10 Downing St " }, { STREET: "bad" }), { civic: { LOC: "10 Downing St", country: "GB" } });
  assert.deepEqual(locationFromRequest({ number: "911", location: { latitude: NaN, longitude: 0 } }), {});
});

test("multipart/mixed: SDP and PIDF-LO round-trip byte for byte (RFC 2046 delimiters)", () => {
  const sdp = "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n";
  const pidf = buildPidfLo({ entity: "pres:a@b", geodetic: { latitude: 1, longitude: 2, accuracyMeters: 3 } });
  const body = buildMultipart(
    [
      { headers: { "Content-Type": "application/sdp" }, content: sdp },
      { headers: { "Content-Type": "application/pidf+xml", "Content-ID": "<x1@b>" }, content: pidf },
    ],
    "bnd42",
  );
  assert.match(body, /^--bnd42\r\nContent-Type: application\/sdp\r\n\r\nv=0/);
  assert.match(body, /\r\n--bnd42--\r\n$/);
  assert.equal(boundaryOf("multipart/mixed;boundary=bnd42"), "bnd42");
  assert.equal(boundaryOf('Multipart/Mixed; charset=x; boundary="b c"'), "b c");
  assert.equal(boundaryOf("application/sdp"), undefined);
  const parts = parseMultipart(body, "multipart/mixed; boundary=bnd42");
  assert.deepEqual(parts.map((p) => [p.type, p.contentId]), [["application/sdp", undefined], ["application/pidf+xml", "<x1@b>"]]);
  assert.equal(parts[0].content, sdp);
  assert.equal(parts[1].content, pidf);
  assert.throws(() => parseMultipart(body, "multipart/mixed"), /boundary/);
  assert.throws(() => parseMultipart(body.slice(0, 60), "multipart/mixed;boundary=bnd42"), /closing|truncated/);
});

test("DTMF detector: Goertzel picks the key of a clean tone pair and nothing in noise or one tone", () => {
  const rate = 48000;
  const frame = (freqs, noise = 0) =>
    Float32Array.from({ length: 1024 }, (_, i) => freqs.reduce((s, f) => s + 0.2 * Math.sin((2 * Math.PI * f * i) / rate), 0) + noise * (Math.random() - 0.5));
  assert.equal(classifyFrame(frame([697, 1209]), rate), "1");
  assert.equal(classifyFrame(frame([941, 1477], 0.02), rate), "#");
  assert.equal(classifyFrame(frame([852, 1336]), rate), "8");
  assert.equal(classifyFrame(frame([1000]), rate), "");
  assert.equal(classifyFrame(frame([697]), rate), "");
  assert.equal(classifyFrame(frame([], 0.5), rate), "");
  assert.equal(classifyFrame(new Float32Array(1024), rate), "");
});

test("DTMF digit tracker: 2 frames make a digit, 3 empty frames release it, odd single frames are ignored", () => {
  const heard = [];
  const track = digitTracker((k) => heard.push(k));
  const feed = (s) => [...s].forEach((c) => track(c === "." ? "" : c));
  feed("11111....55.5555..."); // a glitch frame inside the 5 does not split it
  feed("9.9.9...");            // never two frames in a row: nothing
  feed("#####...###...");      // the same key twice, released in between
  feed("00099");               // a change of key without a gap
  assert.deepEqual(heard, ["1", "5", "#", "#", "0", "9"]);
});
