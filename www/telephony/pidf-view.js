// The emergency-service side of RFC 6442: read the PIDF-LO (RFC 4119, shapes of RFC 5491) an
// emergency INVITE carries, with the browser's namespace-aware DOMParser. Returns what a
// dispatcher needs: the geodetic shape (centre and radius) and the civic address elements.
const NS = {
  pidf: "urn:ietf:params:xml:ns:pidf",
  dm: "urn:ietf:params:xml:ns:pidf:data-model",
  gp: "urn:ietf:params:xml:ns:pidf:geopriv10",
  ca: "urn:ietf:params:xml:ns:pidf:geopriv10:civicAddr",
  gml: "http://www.opengis.net/gml",
  gs: "http://www.opengis.net/pidflo/1.0",
};
const WGS84 = /^urn:ogc:def:crs:EPSG::4326$/;
const METRES = "urn:ogc:def:uom:EPSG::9001";

/**
 * { entity, locations: [{ deviceId, kind: "geodetic", shape, latitude, longitude, radiusMeters? }
 *   | { deviceId, kind: "civic", civic: { country, A1, …, LOC, … }, method? }], errors: [] }
 * Throws when the document is not XML or not a PIDF presence document.
 */
export function parsePidfLo(xml, DOMParserImpl = globalThis.DOMParser) {
  const doc = new DOMParserImpl().parseFromString(xml, "application/xml");
  if (doc.getElementsByTagName("parsererror").length) throw new Error("PIDF-LO is not well-formed XML");
  const root = doc.documentElement;
  if (root.namespaceURI !== NS.pidf || root.localName !== "presence") throw new Error("not a PIDF presence document");
  const out = { entity: root.getAttribute("entity"), locations: [], errors: [] };
  for (const geopriv of root.getElementsByTagNameNS(NS.gp, "geopriv")) {
    const owner = geopriv.parentElement;
    const deviceId = owner ? owner.getAttribute("id") : null;
    const info = geopriv.getElementsByTagNameNS(NS.gp, "location-info")[0];
    if (!geopriv.getElementsByTagNameNS(NS.gp, "usage-rules")[0]) out.errors.push(`${deviceId}: no usage-rules`);
    if (!info) {
      out.errors.push(`${deviceId}: no location-info`);
      continue;
    }
    const method = geopriv.getElementsByTagNameNS(NS.gp, "method")[0]?.textContent.trim();
    for (const el of info.children) {
      if (el.namespaceURI === NS.gs && el.localName === "Circle") {
        const pos = parsePos(el, out.errors);
        const radius = el.getElementsByTagNameNS(NS.gs, "radius")[0];
        const r = radius ? Number(radius.textContent) : NaN;
        if (!radius || radius.getAttribute("uom") !== METRES || !(r >= 0)) out.errors.push(`${deviceId}: bad radius`);
        if (!WGS84.test(el.getAttribute("srsName") || "")) out.errors.push(`${deviceId}: srsName is not EPSG::4326`);
        if (pos) out.locations.push({ deviceId, kind: "geodetic", shape: "Circle", ...pos, radiusMeters: r, method });
      } else if (el.namespaceURI === NS.gml && el.localName === "Point") {
        const pos = parsePos(el, out.errors);
        if (pos) out.locations.push({ deviceId, kind: "geodetic", shape: "Point", ...pos, method });
      } else if (el.namespaceURI === NS.ca && el.localName === "civicAddress") {
        const civic = {};
        for (const c of el.children) if (c.namespaceURI === NS.ca) civic[c.localName] = c.textContent;
        out.locations.push({ deviceId, kind: "civic", civic, method });
      } else {
        out.errors.push(`${deviceId}: unsupported location ${el.localName}`);
      }
    }
  }
  return out;
}

function parsePos(shape, errors) {
  const pos = shape.getElementsByTagNameNS(NS.gml, "pos")[0];
  const m = pos && /^\s*(-?\d+(?:\.\d+)?)\s+(-?\d+(?:\.\d+)?)\s*$/.exec(pos.textContent);
  if (!m) {
    errors.push("bad gml:pos");
    return undefined;
  }
  const latitude = Number(m[1]);
  const longitude = Number(m[2]);
  if (Math.abs(latitude) > 90 || Math.abs(longitude) > 180) {
    errors.push("gml:pos out of range");
    return undefined;
  }
  return { latitude, longitude };
}
