// Unit tests (node --test) of scripts/glue-strings.mjs: the rewritten getStringFromWasm0 of the
// glue gives the same string as wasm-bindgen's own (TextDecoder) for every input — empty, ASCII
// at and around the short limit, non-ASCII, invalid UTF-8 — and the rewrite refuses a glue it
// does not know.
import { test } from "node:test";
import assert from "node:assert/strict";
import { FROM, SHORT, TO, fastStrings } from "../../scripts/glue-strings.mjs";

/** The function `source` defines, over the wasm memory `mem`, with the glue's decodeText. */
function load(source, mem) {
  const decoder = new TextDecoder("utf-8", { ignoreBOM: true });
  let decodes = 0;
  const f = new Function("getUint8ArrayMemory0", "decodeText", `${source}; return getStringFromWasm0;`)(
    () => mem,
    (bytes) => { decodes += 1; return decoder.decode(bytes); },
  );
  return { f, decodes: () => decodes };
}

function cases() {
  const out = [[], [0], [0x7f], [0x41, 0x80], [0xc3, 0xa9], [0xe2, 0x80, 0x8b], [0xf0, 0x9f, 0x93, 0x9e], [0xff, 0xfe], [0xed, 0xa0, 0x80]];
  for (const n of [1, SHORT - 1, SHORT, SHORT + 1, 200]) {
    out.push(Array.from({ length: n }, (_, i) => 0x20 + ((i * 7) % 95)));
    out.push([...Array.from({ length: n - 1 }, () => 0x61), 0xc3]); // a cut sequence at the end
  }
  // Random bytes, seeded: mostly ASCII with a few high bytes, as the pane's texts are.
  let seed = 12345;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32);
  for (let k = 0; k < 2000; k++) {
    const n = Math.floor(rnd() * (SHORT + 8));
    out.push(Array.from({ length: n }, () => (rnd() < 0.9 ? Math.floor(rnd() * 128) : Math.floor(rnd() * 256))));
  }
  return out;
}

test("the rewritten getStringFromWasm0 gives wasm-bindgen's string for every input", () => {
  const mem = new Uint8Array(4096);
  const before = load(FROM, mem).f;
  const after = load(TO, mem).f;
  for (const bytes of cases()) {
    const ptr = 100 + (bytes.length % 13); // not aligned
    mem.fill(0xaa);
    mem.set(bytes, ptr);
    assert.equal(after(ptr, bytes.length), before(ptr, bytes.length), `bytes ${bytes.join(",")}`);
  }
});

test("empty and short ASCII strings never reach TextDecoder; others do", () => {
  const mem = new Uint8Array(64);
  mem.set([0x61, 0x62, 0xc3, 0xa9], 0);
  const { f, decodes } = load(TO, mem);
  assert.equal(f(0, 0), "");
  assert.equal(f(0, 2), "ab");
  assert.equal(decodes(), 0);
  assert.equal(f(0, 4), "abé");
  assert.equal(decodes(), 1);
  mem.fill(0x61, 8, 8 + SHORT + 1);
  assert.equal(f(8, SHORT + 1), "a".repeat(SHORT + 1));
  assert.equal(decodes(), 2);
});

test("the rewrite applies once to wasm-bindgen's text and refuses another form", () => {
  const glue = `let x = 1;\n${FROM}\nexport { x };`;
  const once = fastStrings(glue);
  assert.ok(once.includes(TO) && !once.includes(FROM));
  assert.equal(fastStrings(once), once, "already rewritten: unchanged");
  assert.equal(fastStrings("let y = 2;"), "let y = 2;", "no such function: unchanged");
  assert.throws(() => fastStrings("function getStringFromWasm0(p, l) { return ''; }", "x.js"), /x\.js: getStringFromWasm0 is not the one/);
});
