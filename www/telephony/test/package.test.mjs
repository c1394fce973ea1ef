// agent-dialer/sip as the npm package ships it (pkg/, built by scripts/build-pkg.sh, which
// scripts/test.sh runs before this): export map, files in the tarball, the bundle works on its
// own (sip.js inside), types declared.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const PKG = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../pkg");

test("the package exports agent-dialer/sip (ESM + .d.ts) and ships it, with sip.js's licence", async () => {
  assert.ok(existsSync(path.join(PKG, "package.json")), "pkg/ missing: run scripts/build-pkg.sh");
  const manifest = JSON.parse(readFileSync(path.join(PKG, "package.json"), "utf8"));
  assert.deepEqual(manifest.exports["./sip"], { types: "./sip.d.ts", default: "./sip.js" });
  const tgz = path.join(PKG, `agent-dialer-${manifest.version}.tgz`);
  const listed = execFileSync("tar", ["tzf", tgz], { encoding: "utf8" }).split("\n");
  for (const f of ["sip.js", "sip.d.ts", "THIRD_PARTY_LICENSES.txt"]) assert.ok(listed.includes(`package/${f}`), `${f} in the tarball`);
  assert.match(readFileSync(path.join(PKG, "THIRD_PARTY_LICENSES.txt"), "utf8"), /sip\.js 0\.21\.\d+[\s\S]*MIT License/);

  const bundle = readFileSync(path.join(PKG, "sip.js"), "utf8");
  assert.doesNotMatch(bundle, /from\s*["']sip\.js["']/, "sip.js is bundled, not imported");
  const mod = await import(pathToFileURL(path.join(PKG, "sip.js")).href);
  assert.equal(typeof mod.createSipCalling, "function");
  assert.equal(mod.CALLBACK_MARK_HEADER, "X-Emergency-Callback");
  assert.throws(() => mod.createSipCalling({ server: "ws://sip.example.com", aor: "sip:a@sip.example.com" }), TypeError);
  assert.throws(() => mod.createSipCalling({ server: "wss://sip.example.com", aor: "nope" }), TypeError);

  const types = readFileSync(path.join(PKG, "sip.d.ts"), "utf8");
  assert.match(types, /export function createSipCalling\(options: SipCallingOptions\): SipCalling;/);
  for (const member of ["dial", "hangUp", "answer", "hold", "mute", "sendDtmf", "subscribe", "setAudioDevices", "activeCalls"]) {
    assert.match(types, new RegExp(`\\n  ${member}\\(`), `SipCalling.${member}`);
  }
});
