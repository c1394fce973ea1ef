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
  // Both tones present, each clearly above the other candidates, and carrying most of the energy.
  const strong = (list, i) => list.every((v, j) => j === i || v * 8 < list[i]);
  const share = ((rows[r] + cols[c]) * 2) / (n * Math.max(energy, 1e-12));
  if (energy / n < 1e-6 || !strong(rows, r) || !strong(cols, c) || share < 0.5) return "";
  return KEYS[r][c];
}

/** Listens to `stream`; calls onDigit(key) for each tone heard. Returns stop(). */
export function detectDtmf(stream, onDigit) {
  const ctx = new AudioContext();
  const source = ctx.createMediaStreamSource(stream);
  const analyser = ctx.createAnalyser();
  analyser.fftSize = 1024;
  source.connect(analyser);
  const buf = new Float32Array(analyser.fftSize);
  let last = "";
  let run = 0;
  let reported = false;
  const timer = setInterval(() => {
    analyser.getFloatTimeDomainData(buf);
    const key = classifyFrame(buf, ctx.sampleRate);
    if (key && key === last) {
      run += 1;
      if (run >= 2 && !reported) {
        reported = true;
        onDigit(key);
      }
    } else {
      run = key ? 1 : 0;
      if (!key) reported = false;
      else if (key !== last) reported = false;
    }
    last = key;
  }, 10);
  ctx.resume().catch(() => {});
  return () => {
    clearInterval(timer);
    ctx.close().catch(() => {});
  };
}
