// Shared end-to-end harness: a static file server on 127.0.0.1 and Debian's Chromium through
// playwright-core. Specs use node's built-in test runner (`node --test www/e2e/`).
import { createServer } from "node:http";
import { readFile, mkdir } from "node:fs/promises";
import { extname, join, normalize, resolve } from "node:path";
import { chromium } from "playwright-core";

export const ROOT = resolve(new URL("../..", import.meta.url).pathname);
export const DIST = join(ROOT, "dist");
export const ARTIFACTS = join(ROOT, "test-results");

const TYPES = {
  ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".mjs": "text/javascript",
  ".css": "text/css", ".wasm": "application/wasm", ".json": "application/json",
  ".png": "image/png", ".svg": "image/svg+xml", ".ser": "application/octet-stream",
};

/** Serves `dir` on 127.0.0.1 (port 0 = any free port). `headers` are added to every response.
 *  `files` (also on the result) maps a path to a body served in place of the disk: pages a test writes. */
export async function serve(dir = DIST, { port = 0, headers = {}, files = new Map() } = {}) {
  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url, "http://127.0.0.1");
      if (files.has(url.pathname)) {
        res.writeHead(200, { "content-type": TYPES[extname(url.pathname)] ?? "application/octet-stream", "cache-control": "no-store", ...headers });
        res.end(files.get(url.pathname));
        return;
      }
      let path = normalize(decodeURIComponent(url.pathname)).replace(/^(\.\.[/\\])+/, "");
      if (path.endsWith("/")) path += "index.html";
      const file = join(dir, path);
      if (!file.startsWith(dir)) throw new Error("outside");
      const body = await readFile(file);
      res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream", "cache-control": "no-store", ...headers });
      res.end(body);
    } catch {
      res.writeHead(404, { "content-type": "text/plain" });
      res.end("not found");
    }
  });
  await new Promise((ok) => server.listen(port, "127.0.0.1", ok));
  const { port: actual } = server.address();
  return { url: `http://127.0.0.1:${actual}`, port: actual, files, close: () => new Promise((ok) => server.close(ok)) };
}

export const CHROMIUM_ARGS = [
  "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
  "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
];

/** Launches headless Debian Chromium. */
export async function launch(extraArgs = []) {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    headless: true,
    args: [...CHROMIUM_ARGS, ...extraArgs],
  });
}

/** A page that fails the test on any uncaught page error or CSP violation. */
export async function newPage(browser, { url, viewport = { width: 1100, height: 800 }, ...contextOptions } = {}) {
  const context = await browser.newContext({ viewport, ...contextOptions });
  const page = await context.newPage();
  page.errors = [];
  page.on("pageerror", (e) => page.errors.push(`pageerror: ${e.message}`));
  page.on("console", (m) => {
    if (m.type() === "error" && /Content Security Policy|integrity|panicked|RuntimeError|unreachable/i.test(m.text())) page.errors.push(`console: ${m.text()}`);
  });
  if (url) await page.goto(url);
  return page;
}

/** Opens the demo (index.html) and waits until the widget is mounted. */
export async function openDemo(browser, base, query = "", options = {}) {
  const page = await newPage(browser, options);
  await page.goto(`${base}/${query}`);
  await page.waitForSelector("html[data-dialer-ready=true]");
  await page.waitForSelector("[data-test=dialer]");
  return page;
}

/** Saves a screenshot under test-results/ (a test artifact). */
export async function screenshot(page, name) {
  await mkdir(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** Binding calls the mock host recorded, optionally only `binding`. */
export function hostLog(page, binding) {
  return page.evaluate((b) => window.demoHost.sim.log.filter((e) => !b || e.binding === b), binding);
}
