// Check-yourself computations for the fine-tuning and quantisation lessons
// (lessons/fine-tuning.md, lessons/quantisation.md). Same contract as check-computations.js: each
// takes the loaded engine and an object of named arguments and returns an object of named
// results, every number from the engine. Kept free of the DOM.
import { need, opt, whole, scoped } from './args.js';

export const computations = {
  // A dense layer of d inputs and h outputs with a LoRA adapter of rank r: the adapter's trainable
  // numbers r·d + h·r (read from an engine TransferNet started as a LoRA transfer), the layer's
  // own weights d·h, and their ratio.
  'lora-params': (ml, a) => {
    const d = whole(a, 'd', 1, 4096);
    const h = whole(a, 'h', 1, 256);
    const r = whole(a, 'r', 1, Math.min(d, h));
    return scoped((track) => {
      const pre = track(new ml.TransferNet(d, h, 2));
      const net = track(new ml.TransferNet(d, h, 2));
      net.startTransfer(pre, 'lora', 2, r, 2 * r, 1);
      const adapter = net.counts().adapter;
      return { adapter, full: d * h, ratio: adapter / (d * h) };
    });
  },
  // Quantises the list x to `bits` bits (scheme 'symmetric' or 'asymmetric', or sym=1/0) with the
  // engine and returns element i's integer q, its value read back, the scale S and zero point Z.
  'quantise-value': (ml, a) => {
    const x = need(a, 'x', 'list');
    const bits = whole(a, 'bits', 2, 16);
    const i = whole(a, 'i', 0, x.length - 1, 0);
    const scheme = opt(a, 'asym', 0) ? 'asymmetric' : 'symmetric';
    const r = ml.quantise(Float64Array.from(x), bits, scheme);
    return { q: r.q[i], value: r.values[i], scale: r.scale, zero: r.zeroPoint, error: Math.abs(r.values[i] - x[i]) };
  },
};
