// Location for emergency calls the way emergency networks take it: an RFC 4119 PIDF-LO (with the
// RFC 5491 shapes) carried by reference from an RFC 6442 `Geolocation` header, in a
// multipart/mixed body beside the SDP (RFC 5621). Pure functions, no browser APIs: used by the
// SIP adapter (agent-dialer/sip) and unit-tested in node.

/** Civic address elements of RFC 5139 (RFC 4776 CAtypes), in document order. */
export const CIVIC_ELEMENTS = Object.freeze([
  "country", "A1", "A2", "A3", "A4", "A5", "A6", "PRM", "PRD", "RD", "STS", "POD", "POM",
  "RDSEC", "RDBR", "RDSUBBR", "HNO", "HNS", "LMK", "LOC", "FLR", "NAM", "PC", "BLD", "UNIT",
  "ROOM", "SEAT", "PLC", "PCN", "POBOX", "ADDCODE",
]);
const CIVIC_SET = new Set(CIVIC_ELEMENTS);
const MAX_CIVIC_VALUE = 256;

const NS = {
  pidf: "urn:ietf:params:xml:ns:pidf",
  dm: "urn:ietf:params:xml:ns:pidf:data-model",
  gp: "urn:ietf:params:xml:ns:pidf:geopriv10",
  gbp: "urn:ietf:params:xml:ns:pidf:geopriv10:basicPolicy",
  ca: "urn:ietf:params:xml:ns:pidf:geopriv10:civicAddr",
  gml: "http://www.opengis.net/gml",
  gs: "http://www.opengis.net/pidflo/1.0",
};
export const PIDF_NAMESPACES = Object.freeze({ ...NS });

/** XML text/attribute escaping; also drops characters XML 1.0 cannot carry. */
export function xmlEscape(value) {
  return String(value)
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

function finite(x, lo, hi) {
  return typeof x === "number" && Number.isFinite(x) && x >= lo && x <= hi;
}

/**
 * A structured civic address, checked: only RFC 5139 element names, string values (trimmed,
 * 1…256 characters, no control characters), `country` two upper-case letters. Returns
 * `{ address }` or `{ error }` (the caller leaves a bad address out; it never blocks a call).
 */
export function checkCivicAddress(input) {
  if (!input || typeof input !== "object" || Array.isArray(input)) return { error: "civic address must be an object" };
  const address = {};
  for (const [key, raw] of Object.entries(input)) {
    if (raw === undefined || raw === null || raw === "") continue;
    if (!CIVIC_SET.has(key)) return { error: `unknown civic address element "${String(key).slice(0, 20)}"` };
    if (typeof raw !== "string") return { error: `civic address element ${key} must be a string` };
    // eslint-disable-next-line no-control-regex
    const value = raw.replace(/[\u0000-\u001F\u007F]+/g, " ").trim();
    if (value === "" || value.length > MAX_CIVIC_VALUE) return { error: `civic address element ${key} is empty or too long` };
    if (key === "country" && !/^[A-Z]{2}$/.test(value)) return { error: "civic address country must be ISO 3166-1 alpha-2" };
    address[key] = value;
  }
  if (Object.keys(address).length === 0) return { error: "civic address is empty" };
  return { address };
}

/**
 * PIDF-LO for an emergency call, or undefined when there is no location at all.
 *
 *   geodetic: { latitude, longitude, accuracyMeters? } -> <gs:Circle> (radius = accuracy, m) or
 *             <gml:Point> without an accuracy (RFC 5491 shapes, WGS 84 / EPSG::4326)
 *   civic:    structured elements (checkCivicAddress) -> <ca:civicAddress>, method "Manual"
 *
 * Each location is its own <dm:device> with its own <gp:geopriv> (RFC 5491: one location per
 * <location-info>). Retransmission is allowed: the emergency service may pass it on to
 * responders.
 */
export function buildPidfLo({ entity, geodetic, civic, timestamp = new Date(), retentionHours = 24 }) {
  const devices = [];
  const when = timestamp instanceof Date && Number.isFinite(timestamp.getTime()) ? timestamp : new Date();
  const iso = when.toISOString().replace(/\.\d{3}Z$/, "Z");
  const expiry = new Date(when.getTime() + retentionHours * 3600_000).toISOString().replace(/\.\d{3}Z$/, "Z");
  const rules =
    "<gp:usage-rules><gbp:retransmission-allowed>true</gbp:retransmission-allowed>" +
    `<gbp:retention-expiry>${expiry}</gbp:retention-expiry></gp:usage-rules>`;
  if (geodetic && finite(geodetic.latitude, -90, 90) && finite(geodetic.longitude, -180, 180)) {
    const pos = `${round(geodetic.latitude, 7)} ${round(geodetic.longitude, 7)}`;
    const shape = finite(geodetic.accuracyMeters, 0, 1e7) && geodetic.accuracyMeters > 0
      ? `<gs:Circle srsName="urn:ogc:def:crs:EPSG::4326"><gml:pos>${pos}</gml:pos>` +
        `<gs:radius uom="urn:ogc:def:uom:EPSG::9001">${round(geodetic.accuracyMeters, 1)}</gs:radius></gs:Circle>`
      : `<gml:Point srsName="urn:ogc:def:crs:EPSG::4326"><gml:pos>${pos}</gml:pos></gml:Point>`;
    devices.push(
      `<dm:device id="geo"><gp:geopriv><gp:location-info>${shape}</gp:location-info>${rules}</gp:geopriv>` +
        `<dm:timestamp>${iso}</dm:timestamp></dm:device>`,
    );
  }
  if (civic) {
    const checked = checkCivicAddress(civic);
    if (checked.address) {
      const elements = CIVIC_ELEMENTS.filter((k) => k in checked.address)
        .map((k) => `<ca:${k}>${xmlEscape(checked.address[k])}</ca:${k}>`)
        .join("");
      devices.push(
        `<dm:device id="civic"><gp:geopriv><gp:location-info><ca:civicAddress xml:lang="en">${elements}</ca:civicAddress>` +
          `</gp:location-info>${rules}<gp:method>Manual</gp:method></gp:geopriv>` +
          `<dm:timestamp>${iso}</dm:timestamp></dm:device>`,
      );
    }
  }
  if (devices.length === 0) return undefined;
  const xmlns = Object.entries(NS)
    .map(([p, uri]) => (p === "pidf" ? `xmlns="${uri}"` : `xmlns:${p}="${uri}"`))
    .join(" ");
  return `<?xml version="1.0" encoding="UTF-8"?>\r\n<presence ${xmlns} entity="${xmlEscape(entity)}">${devices.join("")}</presence>\r\n`;
}

function round(x, digits) {
  return Number(x.toFixed(digits));
}

/**
 * The location part of an emergency DialRequest: geodetic from `request.location`, civic from
 * the host's structured address, else (only a confirmed text address, B3) the text as `LOC`
 * with the region as `country`. Returns { geodetic?, civic? }.
 */
export function locationFromRequest(request, structuredCivic) {
  const out = {};
  const loc = request && typeof request.location === "object" && request.location ? request.location : undefined;
  if (loc && finite(loc.latitude, -90, 90) && finite(loc.longitude, -180, 180)) {
    out.geodetic = { latitude: loc.latitude, longitude: loc.longitude, accuracyMeters: loc.accuracyMeters };
  }
  if (structuredCivic && checkCivicAddress(structuredCivic).address) {
    out.civic = structuredCivic;
  } else {
    const text = loc && typeof loc.civicAddress === "string" ? loc.civicAddress : request && request.civicAddress;
    if (typeof text === "string" && text.trim() !== "") {
      out.civic = { LOC: text.trim().slice(0, MAX_CIVIC_VALUE) };
      if (typeof request.region === "string" && /^[A-Z]{2}$/.test(request.region)) out.civic.country = request.region;
    }
  }
  return out;
}

/** A random MIME boundary / Content-ID token (RFC 2046 bchars, no quoting needed). */
export function randomToken(length = 24) {
  const alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
  const bytes = new Uint8Array(length);
  globalThis.crypto.getRandomValues(bytes);
  let s = "";
  for (const b of bytes) s += alphabet[b % alphabet.length];
  return s;
}

/** multipart/mixed body (RFC 2046) from parts [{ headers: {name: value}, content }]. */
export function buildMultipart(parts, boundary) {
  let body = "";
  for (const part of parts) {
    body += `--${boundary}\r\n`;
    for (const [name, value] of Object.entries(part.headers)) body += `${name}: ${value}\r\n`;
    // The CRLF before the next boundary belongs to the delimiter (RFC 2046 5.1.1).
    body += `\r\n${part.content}\r\n`;
  }
  return `${body}--${boundary}--\r\n`;
}

/** The boundary parameter of a multipart Content-Type, or undefined. */
export function boundaryOf(contentType) {
  const m = /^\s*multipart\/[a-z0-9.+-]+\s*;(?:.*;)?\s*boundary\s*=\s*(?:"([^"]{1,70})"|([^\s;"]{1,70}))/i.exec(String(contentType || ""));
  return m ? m[1] || m[2] : undefined;
}

/**
 * Parts of a multipart body: [{ type (lower case, no parameters), contentType, contentId,
 * headers, content }]. Throws on a body that is not well-formed.
 */
export function parseMultipart(body, contentType) {
  const boundary = boundaryOf(contentType);
  if (!boundary) throw new Error("multipart body without a boundary");
  const delimiter = `--${boundary}`;
  const text = String(body);
  const start = text.startsWith(delimiter) ? 0 : text.indexOf(`\r\n${delimiter}`);
  if (start < 0) throw new Error("multipart body without its first boundary");
  const parts = [];
  let pos = text.indexOf(delimiter, start) + delimiter.length;
  for (;;) {
    if (text.startsWith("--", pos)) break; // close-delimiter
    const lineEnd = text.indexOf("\r\n", pos);
    if (lineEnd < 0) throw new Error("multipart body truncated");
    const next = text.indexOf(`\r\n${delimiter}`, lineEnd);
    if (next < 0) throw new Error("multipart body without a closing boundary");
    const raw = text.slice(lineEnd + 2, next);
    const split = raw.indexOf("\r\n\r\n");
    const head = split < 0 ? (raw.startsWith("\r\n") ? "" : raw) : raw.slice(0, split);
    const content = split < 0 ? (raw.startsWith("\r\n") ? raw.slice(2) : "") : raw.slice(split + 4);
    const headers = {};
    for (const line of head.split("\r\n")) {
      const colon = line.indexOf(":");
      if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
    }
    const ct = headers["content-type"] || "text/plain";
    parts.push({
      type: ct.split(";")[0].trim().toLowerCase(),
      contentType: ct,
      contentId: headers["content-id"],
      headers,
      content,
    });
    pos = next + 2 + delimiter.length;
    if (parts.length > 16) throw new Error("too many body parts");
  }
  return parts;
}
