// AudioWorklet side of the DTMF detector (dtmf-detector.js): runs on the audio rendering thread,
// so a busy page cannot make it skip audio. Classifies a 1024-sample window every 512 samples
// and posts the key ("" for none) of each frame.
import { classifyFrame } from "./dtmf-detector.js";

class DtmfFrames extends AudioWorkletProcessor {
  constructor() {
    super();
    this.win = new Float32Array(1024);
    this.fill = 512;
  }

  process(inputs) {
    const ch = inputs[0] && inputs[0][0];
    if (!ch) return true;
    this.win.set(ch, this.fill);
    this.fill += ch.length;
    if (this.fill >= 1024) {
      this.port.postMessage(classifyFrame(this.win, sampleRate));
      this.win.copyWithin(0, 512);
      this.fill = 512;
    }
    return true;
  }
}
registerProcessor("dtmf-frames", DtmfFrames);
