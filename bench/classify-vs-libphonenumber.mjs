#!/usr/bin/env node
// Emergency-number engine vs libphonenumber, in one Node process.
//
//   node bench/classify-vs-libphonenumber.mjs [--rounds N]
//
// What it does:
//  1. Builds our engine (src/core/dial.rs, emergency.rs, emergency_data.rs, nothing else) to
//     wasm32 with plain `rustc` (no wasm-bindgen, the release profile's flags: opt-level z,
//     fat LTO, one codegen unit, panic=abort), through a tiny wrapper written to a temp dir
//     that exports C-ABI functions over a byte buffer in linear memory.
//  2. Builds the same wrapper with the region tables cut to one region (US: 911, 112) and
//     a baseline wrapper without the engine, runs binaryen's wasm-opt -Oz
//     (npm `binaryen`) on both, and reports raw / gzip / brotli sizes: the difference is what
//     the emergency table adds to the wasm.
//  3. Classifies every line of tests/data/emergency_vectors.tsv (the Python library's answers
//     for all regions) with npm `google-libphonenumber`'s ShortNumberInfo and with the wasm
//     engine: is_emergency_number + connects_to_emergency_number per input, timed over
//     several rounds (median), and reports the agreement with the Python vectors.
//
// Needs: rustup target wasm32-unknown-unknown, `npm ci` (google-libphonenumber, binaryen).

import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir, cpus } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import zlib from "node:zlib";

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const rounds = Number(args[args.indexOf("--rounds") + 1]) > 0 ? Number(args[args.indexOf("--rounds") + 1]) : 7;

// ------------------------------------------------------------------------------------------
// 1-2. Build the engine to wasm (full and empty tables)

const CAP = 4 << 20; // bytes of buffer in linear memory for inputs and answers

function wrapper(coreDir) {
  const p = (f) => JSON.stringify(path.join(coreDir, f));
  // coreDir null: a baseline with a trivial stand-in for the engine (the wrapper's own cost).
  const engine = coreDir
    ? `mod engine {
    #[path = ${p("dial.rs")}] pub mod dial;
    #[path = ${p("emergency.rs")}] pub mod emergency;
    #[path = ${p("emergency_data.rs")}] mod emergency_data;
}
use engine::emergency::{connects_to_emergency_number, is_emergency_number};`
    : `fn is_emergency_number(d: &str, r: &str) -> bool { d.len() == r.len() }
fn connects_to_emergency_number(d: &str, r: &str) -> bool { d.starts_with(r) }`;
  return `
#![allow(dead_code)]
${engine}

const CAP: usize = ${CAP};
static mut BUF: [u8; CAP] = [0; CAP];
static mut OUT: [u8; CAP] = [0; CAP];

fn bytes() -> &'static mut [u8; CAP] {
    // Single-threaded wasm; the host only touches the buffer between calls.
    unsafe { &mut *(&raw mut BUF) }
}

fn text(b: &[u8], from: usize, len: usize) -> &str {
    b.get(from..from.saturating_add(len)).and_then(|s| core::str::from_utf8(s).ok()).unwrap_or("")
}

fn answer(region: &str, dialed: &str) -> u32 {
    u32::from(is_emergency_number(dialed, region)) | u32::from(connects_to_emergency_number(dialed, region)) << 1
}

#[no_mangle]
pub extern "C" fn buf() -> *mut u8 { bytes().as_mut_ptr() }

#[no_mangle]
pub extern "C" fn out_buf() -> *mut u8 { unsafe { (&raw mut OUT).cast() } }

/// One input: region in buf[0..rlen], dial string in buf[rlen..rlen+dlen].
/// Returns bit 0 = is emergency, bit 1 = connects to emergency.
#[no_mangle]
pub extern "C" fn classify_one(rlen: u32, dlen: u32) -> u32 {
    let b = bytes();
    answer(text(b, 0, rlen as usize), text(b, rlen as usize, dlen as usize))
}

/// Many inputs: buf[0..len] holds lines "REGION\\tDIAL\\n"; answer i goes to out_buf[i].
#[no_mangle]
pub extern "C" fn classify_all(len: u32) -> u32 {
    let b: &[u8; CAP] = bytes();
    let out: &mut [u8; CAP] = unsafe { &mut *(&raw mut OUT) };
    let input = match core::str::from_utf8(b.get(..len as usize).unwrap_or(&[])) { Ok(s) => s, Err(_) => return 0 };
    let mut n = 0usize;
    for line in input.split('\\n').filter(|l| !l.is_empty()) {
        let (region, dialed) = line.split_once('\\t').unwrap_or((line, ""));
        if let Some(slot) = out.get_mut(n) { *slot = answer(region, dialed) as u8; }
        n += 1;
    }
    n as u32
}
`;
}

function emptyTables(dataRs) {
  return dataRs
    .replace(/pub\(super\) static NUMBERS: \[&str; \d+\] = \[[^\]]*\];/s, 'pub(super) static NUMBERS: [&str; 2] = ["911", "112"];')
    .replace(/pub\(super\) static REGIONS: \[\(\[u8; 2\], u16, u8\); \d+\] = \[.*?\n\];/s, 'pub(super) static REGIONS: [([u8; 2], u16, u8); 1] = [(*b"US", 0, 2)];');
}

function build(dir, coreDir, name) {
  const src = path.join(dir, `${name}.rs`);
  const out = path.join(dir, `${name}.wasm`);
  writeFileSync(src, wrapper(coreDir));
  execFileSync("rustc", [
    "--edition", "2021", "--crate-type", "cdylib", "--target", "wasm32-unknown-unknown",
    "-C", "opt-level=z", "-C", "lto=fat", "-C", "codegen-units=1", "-C", "panic=abort",
    "-A", "warnings", "-o", out, src,
  ], { stdio: ["ignore", "inherit", "inherit"] });
  const opt = path.join(dir, `${name}.opt.wasm`);
  const wasmOpt = path.join(root, "node_modules", ".bin", "wasm-opt");
  if (existsSync(wasmOpt)) {
    execFileSync(wasmOpt, ["-Oz", "--enable-bulk-memory", "--enable-sign-ext", "--enable-mutable-globals",
      "--enable-nontrapping-float-to-int", "--enable-multivalue", "--enable-reference-types", out, "-o", opt]);
  }
  return { raw: out, opt: existsSync(opt) ? opt : null };
}

function sizes(file) {
  if (!file) return null;
  const b = readFileSync(file);
  return {
    raw: b.length,
    gzip: zlib.gzipSync(b, { level: 9 }).length,
    brotli: zlib.brotliCompressSync(b, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

const tmp = mkdtempSync(path.join(tmpdir(), "classify-bench-"));
const emptyDir = path.join(tmp, "empty-core");
execFileSync("mkdir", ["-p", emptyDir]);
const coreDir = path.join(root, "src", "core");
for (const f of ["dial.rs", "emergency.rs"]) writeFileSync(path.join(emptyDir, f), readFileSync(path.join(coreDir, f)));
const dataRs = readFileSync(path.join(coreDir, "emergency_data.rs"), "utf8");
const emptyRs = emptyTables(dataRs);
if (emptyRs === dataRs || !/NUMBERS: \[&str; 2\]/.test(emptyRs) || !/REGIONS: .*; 1\]/.test(emptyRs)) {
  throw new Error("could not empty the tables of emergency_data.rs (format changed?)");
}
writeFileSync(path.join(emptyDir, "emergency_data.rs"), emptyRs);

console.log("building the engine to wasm32 (rustc, opt-level z, LTO) ...");
const full = build(tmp, coreDir, "engine");
const empty = build(tmp, emptyDir, "engine_empty");
const sizeFull = { rustc: sizes(full.raw), wasmOpt: sizes(full.opt) };
const sizeEmpty = { rustc: sizes(empty.raw), wasmOpt: sizes(empty.opt) };
const base = build(tmp, null, "baseline");
const sizeBase = { rustc: sizes(base.raw), wasmOpt: sizes(base.opt) };

// ------------------------------------------------------------------------------------------
// 3. Inputs and the two engines

const vectors = readFileSync(path.join(root, "tests", "data", "emergency_vectors.tsv"), "utf8")
  .split("\n")
  .filter((l) => l && !l.startsWith("#"))
  .map((l) => {
    const [region, dial, is, connects] = l.split("\t");
    return { region, dial, want: (is === "true" ? 1 : 0) | (connects === "true" ? 2 : 0) };
  });

const { instance } = await WebAssembly.instantiate(readFileSync(full.opt ?? full.raw), {});
const wasm = instance.exports;
const enc = new TextEncoder();
const mem = () => new Uint8Array(wasm.memory.buffer, wasm.buf(), CAP);

function oursOne(region, dial) {
  const m = mem();
  const r = enc.encodeInto(region, m);
  const d = enc.encodeInto(dial, m.subarray(r.written));
  return wasm.classify_one(r.written, d.written);
}

const batchBytes = enc.encode(vectors.map((v) => `${v.region}\t${v.dial}\n`).join(""));
if (batchBytes.length > CAP || vectors.length > CAP) throw new Error("inputs exceed the wasm buffer");
function oursAll() {
  mem().set(batchBytes, 0);
  const n = wasm.classify_all(batchBytes.length);
  return new Uint8Array(wasm.memory.buffer, wasm.out_buf(), n).slice();
}

const lib = require("google-libphonenumber");
const sni = lib.ShortNumberInfo.getInstance();
function libOne(region, dial) {
  return (sni.isEmergencyNumber(dial, region) ? 1 : 0) | (sni.connectsToEmergencyNumber(dial, region) ? 2 : 0);
}

// ------------------------------------------------------------------------------------------
// Agreement

const batch = oursAll();
let oursVsPy = 0, oursOneVsAll = 0, libVsPy = 0;
const libDiffs = [];
vectors.forEach((v, i) => {
  const one = oursOne(v.region, v.dial);
  const l = libOne(v.region, v.dial);
  if (one !== v.want) oursVsPy++;
  if (one !== batch[i]) oursOneVsAll++;
  if (l !== v.want) { libVsPy++; if (libDiffs.length < 12) libDiffs.push({ ...v, lib: l }); }
});

// ------------------------------------------------------------------------------------------
// Timing

function time(fn) {
  fn(); // warm-up
  const ns = [];
  for (let r = 0; r < rounds; r++) {
    const t0 = process.hrtime.bigint();
    fn();
    ns.push(Number(process.hrtime.bigint() - t0));
  }
  ns.sort((a, b) => a - b);
  return ns[Math.floor(ns.length / 2)] / vectors.length; // median ns per input
}
let sink = 0;
const tLib = time(() => { for (const v of vectors) sink += libOne(v.region, v.dial); });
const tOne = time(() => { for (const v of vectors) sink += oursOne(v.region, v.dial); });
const tAll = time(() => { sink += oursAll().length; });

const fmt = (s) => s ? `${s.raw} B raw, ${s.gzip} B gzip, ${s.brotli} B brotli` : "n/a";
const delta = (a, b) => a && b ? `${a.raw - b.raw} B raw, ${a.gzip - b.gzip} B gzip, ${a.brotli - b.brotli} B brotli` : "n/a";
console.log(`
node ${process.version}, ${cpus().length} cpus, ${cpus()[0]?.model ?? "?"}
inputs: ${vectors.length} library vectors (all regions), ${rounds} timed rounds, median

time per input (is_emergency_number + connects_to_emergency_number):
  google-libphonenumber ShortNumberInfo (JS)      ${tLib.toFixed(0)} ns
  ours, wasm, one call per input from JS          ${tOne.toFixed(0)} ns   (x${(tLib / tOne).toFixed(1)} faster; includes UTF-8 encoding)
  ours, wasm, whole batch in one call             ${tAll.toFixed(0)} ns   (x${(tLib / tAll).toFixed(1)} faster; the in-widget case)

agreement with the Python library's vectors:
  ours (wasm)                   ${vectors.length - oursVsPy}/${vectors.length}   (one-by-one vs batch mismatches: ${oursOneVsAll})
  google-libphonenumber (JS)    ${vectors.length - libVsPy}/${vectors.length}
${libDiffs.map((d) => `    ${d.region} ${JSON.stringify(d.dial)}: python ${d.want & 1 ? "is" : "-"}/${d.want & 2 ? "connects" : "-"}, js ${d.lib & 1 ? "is" : "-"}/${d.lib & 2 ? "connects" : "-"}`).join("\n")}

wasm sizes (rustc opt-level z + LTO, then wasm-opt -Oz):
  engine + tables + wrapper:             ${fmt(sizeFull.wasmOpt)}   (before wasm-opt: ${fmt(sizeFull.rustc)})
  engine, tables cut to US only:         ${fmt(sizeEmpty.wasmOpt)}
  wrapper alone (no engine; std, alloc): ${fmt(sizeBase.wasmOpt)}
  => the tables of all regions but US add       ${delta(sizeFull.wasmOpt, sizeEmpty.wasmOpt)}
  => the engine's code (+ Unicode digit tables) ${delta(sizeEmpty.wasmOpt, sizeBase.wasmOpt)}
`);
rmSync(tmp, { recursive: true, force: true });
if (oursVsPy !== 0 || oursOneVsAll !== 0) process.exit(1);
if (sink === -1) console.log(sink);
