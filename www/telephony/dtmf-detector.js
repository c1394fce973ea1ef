// Hears DTMF in an audio stream (what the far end of a call actually receives: Chromium plays
// RFC 4733 telephone-events out as tones). Goertzel filters at the eight DTMF frequencies over
// ~21 ms frames; a digit counts when one row and one column tone dominate in two frames in a
// row, and again only after a gap.
const ROWS = [697, 770, 852, 941];
const COLS = [1209, 1336, 1477, 1633];
const KEYS = ["123A", "456B", "789C", "*0#D"];

function goertzel(samples, freq, rate) {
  const k = 2 * Math.cos((2 * Math.PI * freq) / rate);
  let s1 = 0;
  let s2 = 0;
  for (let i = 0; i < samples.length; i++) {
    const s0 = samples[i] + k * s1 - s2;
    s2 = s1;
    s1 = s0;
  }
  return s1 * s1 + s2 * s2 - k * s1 * s2;
}

/** Classifies one frame: a key or "" (no tone pair). Exported for unit tests. */
export function classifyFrame(samples, rate) {
  const rows = ROWS.map((f) => goertzel(samples, f, rate));
  const cols = COLS.map((f) => goertzel(samples, f, rate));
  let energy = 0;
  for (let i = 0; i < samples.length; i++) energy += samples[i] * samples[i];
  const r = rows.indexOf(Math.max(...rows));
  const c = cols.indexOf(Math.max(...cols));
  const n = samples.length;
  // Both tones present (twist within 10 dB), each clearly above the other candidates of its
  // group, and together carrying most of the energy.
  const strong = (list, i) => list.every((v, j) => j === i || v * 4 < list[i]);
  const twistOk = Math.min(rows[r], cols[c]) * 10 >= Math.max(rows[r], cols[c]);
  const share = ((rows[r] + cols[c]) * 2) / (n * Math.max(energy, 1e-12));
  if (energy / n < 1e-6 || !twistOk || !strong(rows, r) || !strong(cols, c) || share < 0.4) return "";
  return KEYS[r][c];
}

/**
 * Folds per-frame keys into digits: a key counts after 2 frames of it and is released after 3
 * frames without it (a single odd frame neither adds nor splits a digit). Exported for tests.
 */
export function digitTracker(onDigit) {
  let current = ""; // the key being held
  let candidate = "";
  let seen = 0;
  let silent = 0;
  return (key) => {
    if (key && key === current) {
      silent = 0;
      return;
    }
    if (!key) {
      seen = 0;
      candidate = "";
      if (current && ++silent >= 3) current = "";
      return;
    }
    seen = key === candidate ? seen + 1 : 1;
    candidate = key;
    if (seen >= 2 && (current === "" || key !== current)) {
      current = key;
      silent = 0;
      onDigit(key);
    }
  };
}

/**
 * Listens to `stream`; calls onDigit(key) for each tone heard. Resolves to stop(). The frames
 * are classified on the audio thread (dtmf-worklet.js: a busy page cannot make it skip audio).
 */
export async function detectDtmf(stream, onDigit, workletUrl = new URL("./dtmf-worklet.js", import.meta.url)) {
  const ctx = new AudioContext();
  await ctx.audioWorklet.addModule(workletUrl);
  const source = ctx.createMediaStreamSource(stream);
  const node = new AudioWorkletNode(ctx, "dtmf-frames");
  const track = digitTracker(onDigit);
  node.port.onmessage = (e) => track(e.data);
  const sink = ctx.createGain();
  sink.gain.value = 0; // keeps the graph pulling; nothing is heard
  source.connect(node).connect(sink).connect(ctx.destination);
  ctx.resume().catch(() => {});
  return () => {
    node.port.onmessage = null;
    ctx.close().catch(() => {});
  };
}
