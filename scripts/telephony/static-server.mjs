// Minimal static file server for the telephony pages: 127.0.0.1 only, GET/HEAD only, no
// directory listings, no path traversal.  node static-server.mjs ROOT PORT
import { createServer } from "node:http";
import { createReadStream, promises as fs } from "node:fs";
import path from "node:path";

const root = path.resolve(process.argv[2] || ".");
const port = Number(process.argv[3] || 8080);
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
  const file = path.resolve(root, "." + rel);
  if (file !== root && !file.startsWith(root + path.sep)) return send(403, "forbidden");
  try {
    const st = await fs.stat(file);
    if (!st.isFile()) return send(404, "not found");
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
