// Release builds (run by scripts/build-admin.mjs, the last Trunk post-build hook, since Trunk
// runs a stage's hooks at the same time): minifies what a page downloads to show the widget —
// the wasm-bindgen glue, its snippets and the widget's CSS — with esbuild (npm devDependency),
// as a bundler would for a host using the npm package. The demo's own pages and dist/pkg/ (the
// package's unminified sources the demo pages import) are left as they are. wasm-opt already
// shrank the wasm. Size figures: `node scripts/size-report.mjs` (BENCHMARKS.md).
import { createHash } from "node:crypto";
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { transformSync } from "esbuild";
import { minifyNames } from "./minify-names.mjs";

const files = (d) => readdirSync(d).flatMap((n) => {
  const p = join(d, n);
  return statSync(p).isDirectory() ? files(p) : [p];
});
/**
 * Minifies the glue (every wasm's), the snippets and the widget's CSS in `dir`, in place. The
 * agent's wasm (built by Trunk, not by scripts/wasm-steps.mjs) first gets its short import and
 * export names (scripts/minify-names.mjs), while its glue is still wasm-bindgen's own text.
 */
export async function minify(dir) {
  if (existsSync(join(dir, "agent-dialer_bg.wasm"))) await minifyNames(dir, "agent-dialer");
  const targets = [
    ...readdirSync(dir).filter((n) => /^agent-dialer[\w-]*\.(js|css)$/.test(n)).map((n) => join(dir, n)),
    ...files(join(dir, "snippets")).filter((p) => p.endsWith(".js")),
  ];
  for (const file of targets) {
    const css = file.endsWith(".css");
    const { code } = transformSync(readFileSync(file, "utf8"), {
      loader: css ? "css" : "js", format: css ? undefined : "esm", minify: true, target: css ? "chrome100" : "es2020",
      legalComments: "none", logLevel: "warning",
    });
    writeFileSync(file, code);
  }
  refreshIntegrity(dir);
}

/**
 * Trunk wrote Subresource Integrity hashes of the files as it built them into the pages'
 * `<link … integrity>` tags; minifying changed those files, and a browser blocks a resource
 * whose hash differs (the widget's CSS, unstyled, and the glue's preloads). Recomputes the
 * hash of every tag that names a file in `dir`, in the algorithm the tag already uses.
 */
export function refreshIntegrity(dir) {
  for (const page of readdirSync(dir).filter((n) => n.endsWith(".html"))) {
    const path = join(dir, page);
    const html = readFileSync(path, "utf8");
    const out = html.replace(/<link\b[^>]*>/g, (tag) => {
      const href = /\bhref="\/?([^"?#]+)"/.exec(tag)?.[1];
      const integrity = /\bintegrity="(sha256|sha384|sha512)-[^"]*"/.exec(tag);
      if (!href || !integrity || !existsSync(join(dir, href))) return tag;
      const digest = createHash(integrity[1]).update(readFileSync(join(dir, href))).digest("base64");
      return tag.replace(integrity[0], `integrity="${integrity[1]}-${digest}"`);
    });
    if (out !== html) writeFileSync(path, out);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (!process.argv[2]) throw new Error("usage: node scripts/minify-dist.mjs <dir>");
  await minify(process.argv[2]);
}
