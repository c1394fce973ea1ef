// A raw SIP-over-secure-WebSocket client for the end-to-end tests (node + the `ws` package):
// hand-written requests, so a test can be the attacker — forge From/To or proxy headers, flood
// INVITE+CANCEL — and see exactly what Kamailio answers. Digest (MD5, qop=auth) is computed
// here. Not a user agent: no dialogs beyond what a test writes itself.
import { createHash, randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import WebSocket from "ws";

const md5 = (s) => createHash("md5").update(s).digest("hex");
const token = (n = 8) => randomBytes(n).toString("hex");

/** Parses one SIP message: { status?, reason?, method?, ruri?, headers: {lower: [values]}, body }. */
export function parseSip(text) {
  const split = text.indexOf("\r\n\r\n");
  const head = split < 0 ? text : text.slice(0, split);
  const body = split < 0 ? "" : text.slice(split + 4);
  const [start, ...lines] = head.split("\r\n");
  const msg = { raw: text, headers: {}, body };
  const m = /^SIP\/2\.0 (\d{3}) (.*)$/.exec(start);
  if (m) {
    msg.status = Number(m[1]);
    msg.reason = m[2];
  } else {
    [msg.method, msg.ruri] = start.split(" ");
  }
  for (const line of lines) {
    const colon = line.indexOf(":");
    const name = line.slice(0, colon).trim().toLowerCase();
    (msg.headers[name] ||= []).push(line.slice(colon + 1).trim());
  }
  msg.get = (name) => (msg.headers[name.toLowerCase()] || [])[0];
  msg.cseqMethod = (msg.get("cseq") || "").split(" ")[1];
  return msg;
}

/** Digest Authorization value for a 401/407 challenge (RFC 2617/7616 MD5, qop=auth). */
export function digest(challenge, { username, password, method, uri }) {
  const p = {};
  for (const m of challenge.replace(/^Digest\s+/i, "").matchAll(/(\w+)=("([^"]*)"|[^,\s]+)/g)) p[m[1].toLowerCase()] = m[3] ?? m[2];
  const nc = "00000001";
  const cnonce = token(8);
  const ha1 = md5(`${username}:${p.realm}:${password}`);
  const ha2 = md5(`${method}:${uri}`);
  const qop = p.qop && p.qop.split(",").map((q) => q.trim()).includes("auth") ? "auth" : undefined;
  const response = qop ? md5(`${ha1}:${p.nonce}:${nc}:${cnonce}:${qop}:${ha2}`) : md5(`${ha1}:${p.nonce}:${ha2}`);
  let v = `Digest username="${username}", realm="${p.realm}", nonce="${p.nonce}", uri="${uri}", response="${response}", algorithm=MD5`;
  if (qop) v += `, qop=${qop}, nc=${nc}, cnonce="${cnonce}"`;
  if (p.opaque) v += `, opaque="${p.opaque}"`;
  return v;
}

/**
 * Connects to `url` (wss://) trusting `ca` (a PEM file); resolves to a client:
 *   send(text), request(opts) -> the request text it sent, next(predicate, ms) -> message,
 *   messages (all received), close(). Requests it receives get no automatic answer.
 */
export async function connectRawSip(url, { ca, origin = "http://127.0.0.1", timeoutMs = 5000 } = {}) {
  const ws = new WebSocket(url, "sip", { ca: ca ? readFileSync(ca) : undefined, origin, handshakeTimeout: timeoutMs });
  await new Promise((resolve, reject) => {
    ws.once("open", resolve);
    ws.once("error", reject);
    ws.once("unexpected-response", (_req, res) => reject(new Error(`WebSocket refused: HTTP ${res.statusCode}`)));
  });
  const messages = [];
  const waiters = new Set();
  const requestHandlers = new Set();
  const closeHandlers = new Set();
  ws.on("message", (data) => {
    const msg = parseSip(data.toString());
    msg.receivedAt = Date.now();
    if (messages.length < 10_000) messages.push(msg);
    for (const w of [...waiters]) w(msg);
    if (msg.method) for (const h of [...requestHandlers]) h(msg);
  });
  ws.on("close", () => {
    client.closed = true;
    for (const h of [...closeHandlers]) h();
  });
  ws.on("error", () => {});
  const host = `${token(6)}.invalid`;
  const client = {
    host,
    messages,
    closed: false,
    send(text) {
      if (ws.readyState === WebSocket.OPEN) ws.send(text);
    },
    /** Calls fn(request) for every request received; returns an unsubscribe function. */
    onRequest(fn) {
      requestHandlers.add(fn);
      return () => requestHandlers.delete(fn);
    },
    onClose(fn) {
      closeHandlers.add(fn);
    },
    /** Builds and sends a request; returns { text, callId, branch, fromTag }. */
    request({ method, ruri, from, to, callId = token(10), cseq = 1, fromTag = token(4), headers = [], body = "", contentType }) {
      const branch = `z9hG4bK${token(8)}`;
      const lines = [
        `${method} ${ruri} SIP/2.0`,
        `Via: SIP/2.0/WSS ${host};branch=${branch};rport`,
        "Max-Forwards: 70",
        `From: <${from}>;tag=${fromTag}`,
        `To: <${to}>`,
        `Call-ID: ${callId}`,
        `CSeq: ${cseq} ${method}`,
        `Contact: <sip:${from.replace(/^sip:([^@]+)@.*/, "$1")}@${host};transport=ws>`,
        ...headers,
      ];
      if (body) lines.push(`Content-Type: ${contentType}`);
      lines.push(`Content-Length: ${Buffer.byteLength(body)}`, "", body);
      const text = lines.join("\r\n");
      ws.send(text);
      return { text, callId, branch, fromTag, cseq, method, ruri, from, to, headers };
    },
    /** The next message (already received or arriving) matching `pred`, within `ms`. */
    next(pred, ms = 5000, from = 0) {
      const seen = messages.slice(from).find(pred);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const w = (msg) => {
          if (!pred(msg)) return;
          clearTimeout(t);
          waiters.delete(w);
          resolve(msg);
        };
        const t = setTimeout(() => {
          waiters.delete(w);
          reject(new Error(`raw SIP: nothing matched within ${ms} ms`));
        }, ms);
        waiters.add(w);
      });
    },
    /** Sends a request, answers one 401/407 challenge with `creds`, resolves the final response. */
    async authed(opts, creds) {
      const mark = messages.length;
      const first = client.request(opts);
      const isFinal = (callId, cseq) => (m) => m.status >= 200 && m.get("call-id") === callId && m.get("cseq") === `${cseq} ${opts.method}`;
      const res = await client.next(isFinal(first.callId, first.cseq), opts.finalTimeoutMs ?? 5000, mark);
      if ((res.status !== 401 && res.status !== 407) || !creds) return { sent: first, challenge: undefined, final: Promise.resolve(res) };
      const header = res.status === 401 ? "www-authenticate" : "proxy-authenticate";
      const auth = digest(res.get(header), { ...creds, method: opts.method, uri: opts.ruri });
      if (opts.method === "INVITE") client.send(ackFor(first, res));
      const second = client.request({
        ...opts,
        callId: first.callId,
        fromTag: first.fromTag,
        cseq: first.cseq + 1,
        headers: [...(opts.headers || []), `${res.status === 401 ? "Authorization" : "Proxy-Authorization"}: ${auth}`],
      });
      // Provisional replies come first; the caller may wait for those itself.
      return { sent: second, challenge: res, final: client.next(isFinal(second.callId, second.cseq), opts.finalTimeoutMs ?? 5000, mark) };
    },
    close() {
      ws.close();
    },
  };
  return client;
}

/** A response to a received request (Vias, Record-Routes, From, To (+tag), Call-ID, CSeq copied). */
export function responseTo(req, status, reason, { toTag, contact, body = "", contentType, headers = [] } = {}) {
  const to = req.get("to");
  const lines = [
    `SIP/2.0 ${status} ${reason}`,
    ...(req.headers.via || []).map((v) => `Via: ${v}`),
    ...(status > 100 && status < 300 ? (req.headers["record-route"] || []).map((r) => `Record-Route: ${r}`) : []),
    `From: ${req.get("from")}`,
    `To: ${toTag && !/;\s*tag=/i.test(to) ? `${to};tag=${toTag}` : to}`,
    `Call-ID: ${req.get("call-id")}`,
    `CSeq: ${req.get("cseq")}`,
    ...(contact ? [`Contact: ${contact}`] : []),
    ...headers,
  ];
  if (body) lines.push(`Content-Type: ${contentType}`);
  lines.push(`Content-Length: ${Buffer.byteLength(body)}`, "", body);
  return lines.join("\r\n");
}

/**
 * Makes `client` a phone that rings (180) on every INVITE and, with `answerAfterMs`, answers it
 * (200 + SDP); CANCEL -> 200 + 487; BYE/OPTIONS -> 200. Calls onInvite(request) for each
 * INVITE. Returns { invites, stop }.
 */
export function autoRespond(client, user, { answerAfterMs, onInvite } = {}) {
  const invites = new Map();
  const contact = `<sip:${user}@${client.host};transport=ws>`;
  const stop = client.onRequest((req) => {
    const callId = req.get("call-id");
    if (req.method === "INVITE" && !/;\s*tag=/i.test(req.get("to"))) {
      if (invites.has(callId)) return; // retransmission
      const entry = { req, toTag: token(4), answered: false, cancelled: false };
      invites.set(callId, entry);
      client.send(responseTo(req, 180, "Ringing", { toTag: entry.toTag, contact }));
      if (onInvite) onInvite(req);
      if (answerAfterMs !== undefined) {
        setTimeout(() => {
          if (entry.cancelled) return;
          entry.answered = true;
          client.send(responseTo(req, 200, "OK", { toTag: entry.toTag, contact, body: dummySdp(), contentType: "application/sdp" }));
        }, answerAfterMs);
      }
    } else if (req.method === "CANCEL") {
      client.send(responseTo(req, 200, "OK"));
      const entry = invites.get(callId);
      if (entry && !entry.answered) {
        entry.cancelled = true;
        client.send(responseTo(entry.req, 487, "Request Terminated", { toTag: entry.toTag }));
      }
    } else if (req.method !== "ACK") {
      client.send(responseTo(req, 200, "OK"));
    }
  });
  return { invites, stop };
}

/**
 * An in-dialog request (ACK for a 2xx, BYE) from the caller's side of a dialog the 2xx `ok` to
 * the INVITE `sent` established: R-URI = the callee's Contact, Route = the Record-Routes
 * reversed, To with the callee's tag.
 */
export function inDialog(client, sent, ok, method, cseq = sent.cseq) {
  const target = /<([^>]+)>/.exec(ok.get("contact") || "")?.[1] ?? sent.ruri;
  const routes = (ok.headers["record-route"] || []).flatMap((r) => r.split(/,(?=\s*<)/)).map((r) => r.trim()).reverse();
  const via = `SIP/2.0/WSS ${client.host};branch=z9hG4bK${token(8)};rport`;
  return `${[
    `${method} ${target} SIP/2.0`,
    `Via: ${via}`,
    "Max-Forwards: 70",
    ...routes.map((r) => `Route: ${r}`),
    `From: <${sent.from}>;tag=${sent.fromTag}`,
    `To: ${ok.get("to")}`,
    `Call-ID: ${sent.callId}`,
    `CSeq: ${method === "ACK" ? sent.cseq : cseq} ${method}`,
    "Content-Length: 0",
  ].join("\r\n")}\r\n\r\n`;
}

/** ACK for a non-2xx final response to an INVITE (same branch, RFC 3261 17.1.1.3). */
export function ackFor(sent, response) {
  return `${[
    `ACK ${sent.ruri} SIP/2.0`,
    `Via: ${response.get("via")}`,
    "Max-Forwards: 70",
    `From: ${response.get("from")}`,
    `To: ${response.get("to")}`,
    `Call-ID: ${sent.callId}`,
    `CSeq: ${sent.cseq} ACK`,
    "Content-Length: 0",
  ].join("\r\n")}\r\n\r\n`;
}

/** CANCEL for an INVITE we sent (same branch and Via, RFC 3261 9.1). */
export function cancelFor(client, sent) {
  return [
    `CANCEL ${sent.ruri} SIP/2.0`,
    `Via: SIP/2.0/WSS ${client.host};branch=${sent.text.match(/branch=([^;\r\n]+)/)[1]};rport`,
    "Max-Forwards: 70",
    `From: <${sent.from}>;tag=${sent.fromTag}`,
    `To: <${sent.to}>`,
    `Call-ID: ${sent.callId}`,
    `CSeq: ${sent.cseq} CANCEL`,
    "Content-Length: 0",
    "",
    "",
  ].join("\r\n");
}

/** A minimal SDP offer (no media is ever sent: the tests only look at signalling). */
export function dummySdp(host = "127.0.0.1") {
  return [
    "v=0", `o=- ${Date.now()} 1 IN IP4 ${host}`, "s=-", `c=IN IP4 ${host}`, "t=0 0",
    "m=audio 9 UDP/TLS/RTP/SAVPF 0", "a=rtpmap:0 PCMU/8000", "a=sendrecv", "",
  ].join("\r\n");
}
