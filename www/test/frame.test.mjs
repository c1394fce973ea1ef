// Unit test (node --test) of the iframe bridge's allow-list (www/pkg/frame.js): exactly the
// host bindings of index.d.ts's DialerHost (which tests/names.rs ties to the core's
// Binding::HOST), `subscribe` aside (bridged as call-event / presence-event messages).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";

const { CONTRACT_BINDINGS } = await import("../pkg/frame.js");

test("CONTRACT_BINDINGS is DialerHost's bindings, subscribe aside", () => {
  const ts = readFileSync(new URL("../pkg/index.d.ts", import.meta.url), "utf8");
  const host = ts.slice(ts.indexOf("export interface DialerHost {"), ts.indexOf("\n}", ts.indexOf("export interface DialerHost {")));
  const listed = [];
  let group;
  for (const line of host.split("\n")) {
    const g = line.match(/^ {2}(\w+)\??: \{/);
    const m = line.match(/^ {4}(\w+)\??\(/);
    if (g) group = g[1];
    else if (m && m[1] !== "subscribe") listed.push(`${group}.${m[1]}`);
  }
  assert.ok(listed.length >= 10, listed.join(" "));
  assert.deepEqual([...CONTRACT_BINDINGS].sort(), listed.sort());
});
