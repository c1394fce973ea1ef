// wasm-bindgen's glue turns every string the wasm passes to JavaScript (a tag, a class, an
// attribute, a text: about 800 at the first mount, most of them empty or a few ASCII bytes)
// into a JS string with `TextDecoder.decode` on a new view of the wasm's memory. That call is
// the glue's largest single cost at the first mount (bench/latency.mjs, issue 16). This step
// rewrites `getStringFromWasm0` in the glue: an empty string is "" at once, a short ASCII one
// is built from its bytes, anything else (longer, or with a byte >= 0x80) is decoded as
// before, so the result is the same string for every input (www/test/glue-strings.test.mjs
// compares it with TextDecoder). Applied to the Trunk build's glue (scripts/minify-dist.mjs)
// and to the npm package's (scripts/build-pkg.sh):
//
//   node scripts/glue-strings.mjs <glue.js>      (in place)
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** wasm-bindgen's own text of the function (0.2.10x). */
export const FROM = `function getStringFromWasm0(ptr, len) {
    ptr = ptr >>> 0;
    return decodeText(getUint8ArrayMemory0().subarray(ptr, ptr + len));
}`;

/** Up to this many bytes, an ASCII string is built in JavaScript. */
export const SHORT = 24;

export const TO = `function getStringFromWasm0(ptr, len) {
    ptr = ptr >>> 0;
    if (len === 0) return "";
    const mem = getUint8ArrayMemory0();
    if (len <= ${SHORT}) {
        let s = "";
        for (let i = ptr, end = ptr + len; i < end; i++) {
            const c = mem[i];
            if (c > 127) return decodeText(mem.subarray(ptr, end));
            s += String.fromCharCode(c);
        }
        return s;
    }
    return decodeText(mem.subarray(ptr, ptr + len));
}`;

/**
 * `glue` with the fast `getStringFromWasm0`. Throws when the glue has the function in another
 * form (another wasm-bindgen): the build stops rather than ship an unknown rewrite. A glue
 * already rewritten, or without the function (a wasm that passes no string), is returned as is.
 */
export function fastStrings(glue, file = "glue") {
  if (glue.includes(TO) || !glue.includes("function getStringFromWasm0(")) return glue;
  if (!glue.includes(FROM)) throw new Error(`glue-strings: ${file}: getStringFromWasm0 is not the one this step knows`);
  return glue.replace(FROM, TO);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const file = process.argv[2];
  if (!file) throw new Error("usage: node scripts/glue-strings.mjs <glue.js>");
  writeFileSync(file, fastStrings(readFileSync(file, "utf8"), file));
}
