// Minimal static file server for the telephony pages: 127.0.0.1 only, GET/HEAD only, no
// directory listings, no path traversal.  node static-server.mjs ROOT PORT [FALLBACK_ROOT...]
// A path missing under ROOT is looked up under each FALLBACK_ROOT in turn (start.sh passes the
// repository's dist/, so telephony pages can load the built widget as /agent-dialer.js).
import { createServer } from "node:http";
import { createReadStream, promises as fs } from "node:fs";
import path from "node:path";

const root = path.resolve(process.argv[2] || ".");
const port = Number(process.argv[3] || 8080);
const roots = [root, ...process.argv.slice(4).map((r) => path.resolve(r))];
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
  try {
    rel = decodeURIComponent(new URL(req.url, "http://127.0.0.1").pathname);
  } catch {
    return send(400, "bad request");
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
