// Minimal static file server for the telephony pages: 127.0.0.1 only, GET/HEAD only, no
// directory listings, no path traversal.  node static-server.mjs ROOT PORT [FALLBACK_ROOT...]
// A path missing under ROOT is looked up under each FALLBACK_ROOT in turn (start.sh passes the
// repository's dist/, so telephony pages can load the built widget as /agent-dialer.js).
//
// With CREDENTIALS_SECRET_FILE set it is also the stand-in for the host's backend that issues
// SIP credentials (Kamailio auth_ephemeral, TURN-REST style):
//   GET /credentials?user=NAME[&ttl=SECONDS]
//     -> { username: "<expiry>:<NAME>", password: base64(HMAC-SHA256(secret, username)), expiresAt }
// for the users in CREDENTIAL_USERS (default agent,agent2,psap,customer). A real backend issues
// them only to the agent it has logged in (its session), for that agent's own SIP user; this one
// serves a fixed list on loopback for the demo and the tests.
//
// GET /config.json -> { sipServer: $SIP_SERVER_URL } (pages use it when not given ?ws=);
// with ROOT_REDIRECT set, GET / redirects there (the demo's CRM page).
import { createServer } from "node:http";
import { createReadStream, readFileSync, promises as fs } from "node:fs";
import path from "node:path";
import { issueCredentials } from "./credentials.mjs";

const args = process.argv.slice(2).filter((a) => !a.startsWith("--"));
const root = path.resolve(args[0] || ".");
const port = Number(args[1] || 8080);
const roots = [root, ...args.slice(2).map((r) => path.resolve(r))];
const secretFile = process.env.CREDENTIALS_SECRET_FILE;
const secret = secretFile ? readFileSync(secretFile, "utf8").trim() : undefined;
const users = new Set((process.env.CREDENTIAL_USERS || "agent,agent2,psap,customer").split(",").filter(Boolean));

function credentials(req, res, url) {
  const user = url.searchParams.get("user") || "";
  const ttl = Number(url.searchParams.get("ttl") || 12 * 3600);
  const json = (code, body) => {
    res.writeHead(code, { "content-type": "application/json", "cache-control": "no-store" });
    res.end(JSON.stringify(body));
  };
  if (!users.has(user)) return json(403, { error: "unknown user" });
  if (!Number.isInteger(ttl) || ttl < 1 || ttl > 86400) return json(400, { error: "ttl must be 1..86400 s" });
  return json(200, issueCredentials(secret, user, ttl));
}
const types = {
  ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8", ".map": "application/json", ".json": "application/json",
  ".css": "text/css; charset=utf-8", ".wasm": "application/wasm", ".svg": "image/svg+xml",
  ".png": "image/png", ".ico": "image/x-icon", ".txt": "text/plain; charset=utf-8",
};

const server = createServer(async (req, res) => {
  const send = (code, text) => {
    res.writeHead(code, { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" });
    res.end(req.method === "HEAD" ? undefined : text);
  };
  if (req.method !== "GET" && req.method !== "HEAD") return send(405, "method not allowed");
  let rel;
  let url;
  try {
    url = new URL(req.url, "http://127.0.0.1");
    rel = decodeURIComponent(url.pathname);
  } catch {
    return send(400, "bad request");
  }
  if (secret && rel === "/credentials") return credentials(req, res, url);
  if (rel === "/config.json" && process.env.SIP_SERVER_URL) {
    res.writeHead(200, { "content-type": "application/json", "cache-control": "no-store" });
    return res.end(JSON.stringify({ sipServer: process.env.SIP_SERVER_URL }));
  }
  if (rel === "/" && process.env.ROOT_REDIRECT) {
    res.writeHead(302, { location: process.env.ROOT_REDIRECT, "cache-control": "no-store" });
    return res.end();
  }
  if (rel.includes("\0")) return send(400, "bad request");
  let file;
  let st;
  for (const r of roots) {
    const candidate = path.resolve(r, "." + rel);
    if (candidate !== r && !candidate.startsWith(r + path.sep)) return send(403, "forbidden");
    st = await fs.stat(candidate).catch(() => undefined);
    if (st && st.isFile()) {
      file = candidate;
      break;
    }
  }
  try {
    if (!file) return send(404, "not found");
    res.writeHead(200, {
      "content-type": types[path.extname(file).toLowerCase()] || "application/octet-stream",
      "content-length": st.size,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    });
    if (req.method === "HEAD") return res.end();
    createReadStream(file).pipe(res);
  } catch {
    send(404, "not found");
  }
});
server.listen(port, "127.0.0.1", () => console.log(`static: http://127.0.0.1:${port}/ -> ${root}`));
for (const sig of ["SIGTERM", "SIGINT"]) process.on(sig, () => server.close(() => process.exit(0)));
