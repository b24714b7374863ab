// Neural networks: activations, neurons, gradient chains, sizes, initialisation, batch norm, attention, GANs, LoRA, quantisation.

import { need, opt, whole, scoped, index } from './args.js';

const ACTIVATIONS = ['sigmoid', 'tanh', 'relu', 'leaky-relu', 'gelu', 'linear'];

// A d × d identity stacked over (or under) a d × d zero block, flat row-major: picks one half
// of a token row [q, k].
function pick(d, top) {
  const w = new Array(2 * d * d).fill(0);
  for (let i = 0; i < d; i++) w[(top ? i : d + i) * d + i] = 1;
  return w;
}

function probability(args, name) {
  const p = need(args, name);
  if (!(p > 0 && p < 1)) throw new RangeError(`needs ${name}= a probability strictly between 0 and 1`);
  return p;
}
const logit = (p) => Math.log(p / (1 - p));

export const computations = {
  sigmoid: (ml, a) => ({ value: ml.activationCurve('sigmoid', [need(a, 'z')]).value[0] }),
  activation: (ml, a) => {
    const names = ['sigmoid', 'tanh', 'relu', 'leaky-relu', 'gelu', 'linear'];
    const name = names[need(a, 'fn')];
    if (!name) throw new RangeError(`needs fn= 0…${names.length - 1} (${names.join(', ')})`);
    const c = ml.activationCurve(name, [need(a, 'z')]);
    return { value: c.value[0], derivative: c.derivative[0] };
  },
  softmax: (ml, a) => {
    const p = ml.softmax(need(a, 'z', 'list'), opt(a, 't', 1));
    return { value: p[opt(a, 'i', 0)], max: Math.max(...p) };
  },
  // One neuron h = φ(w·x + b): its score z and output (fn index as in `activation`: 0 sigmoid,
  // 1 tanh, 2 relu, 3 leaky-relu, 4 gelu, 5 linear).
  neuron: (ml, a) => {
    const name = ACTIVATIONS[whole(a, 'fn', 0, ACTIVATIONS.length - 1)];
    const z = ml.vectorDot(need(a, 'w', 'list'), need(a, 'x', 'list')) + need(a, 'b');
    return { z, value: ml.activationCurve(name, [z]).value[0] };
  },
  // The chain of one-unit layers aₗ = φ(w·aₗ₋₁ + b) from a₀: the gradient reaching layer 0 and
  // the first layer's factor w·φ'(z₁). fn as in `activation`: 0 sigmoid, 1 tanh, 2 relu,
  // 3 leaky-relu, 4 gelu, 5 linear.
  'gradient-chain': (ml, a) => {
    const names = ['sigmoid', 'tanh', 'relu', 'leaky-relu', 'gelu', 'linear'];
    const name = names[need(a, 'fn')];
    if (!name) throw new RangeError(`needs fn= 0…${names.length - 1} (${names.join(', ')})`);
    const c = ml.gradientChain(name, need(a, 'depth'), need(a, 'w'), opt(a, 'b', 0), opt(a, 'a0', 0.5));
    return { gradient: c.gradient[0], factor: c.localFactor[0], output: c.activation[c.activation.length - 1] };
  },
  // How many weights and biases a network with these hidden-layer sizes has (inputs features,
  // one sigmoid output unit), counted from the engine's MLP.
  'mlp-size': (ml, a) => scoped((track) => {
    const d = opt(a, 'inputs', 2);
    if (!Number.isInteger(d) || d < 1 || d > 64) throw new RangeError('needs inputs= a whole number 1 … 64');
    const hidden = a.hidden === undefined ? [] : need(a, 'hidden', 'list');
    const net = track(new ml.MLP());
    net.setLayers(hidden);
    net.setData(Array.from({ length: 2 * d }, (_, i) => (i < d ? 0 : 1)), d, [0, 1]);
    net.reset(0);
    return { params: net.params().length };
  }),
  // The variance and standard deviation of initial weights for a layer with fanin inputs and
  // fanout outputs: He (2/fan-in) and Xavier (2/(fan-in + fan-out)).
  'init-scale': (ml, a) => {
    const fanIn = whole(a, 'fanin', 1, 1e6);
    const fanOut = whole(a, 'fanout', 1, 1e6, fanIn);
    const he = ml.initVariance('he', fanIn, fanOut);
    const xavier = ml.initVariance('xavier', fanIn, fanOut);
    return { he, xavier, heS: Math.sqrt(he), xavierS: Math.sqrt(xavier) };
  },
  // Batch normalisation of the values z (training mode) with scale `scale` and shift `shift`.
  'batch-norm': (ml, a) => {
    const r = ml.batchNorm(need(a, 'z', 'list'), opt(a, 'scale', 1), opt(a, 'shift', 0));
    const out = { mean: r.mean, variance: r.variance };
    r.values.forEach((v, i) => { out[`y${i + 1}`] = v; });
    return out;
  },
  // One query q against the keys k₀, k₁, … (flat, each as long as q): the scores q·kⱼ/√d and the
  // attention weights softmax(scores), by the engine's attention. Token j carries [q, kⱼ], so
  // W_Q picks the first half and W_K the second; every row of the result is the query's row.
  attention: (ml, a) => {
    const q = need(a, 'q', 'list');
    const keys = need(a, 'keys', 'list');
    const d = q.length;
    if (keys.length % d) throw new RangeError(`needs keys= a multiple of ${d} numbers (one key per token, as long as q)`);
    const n = keys.length / d;
    const j = index(a, 'j', n);
    const X = [];
    for (let t = 0; t < n; t++) X.push(...q, ...keys.slice(t * d, t * d + d));
    const [head] = ml.attention(X, 2 * d, pick(d, true), pick(d, false), pick(d, false), 1, false);
    return { weight: head.weights[j], score: head.scores[j], max: Math.max(...head.weights.subarray(0, n)) };
  },
  // Both GAN losses for one real point on which the discriminator says `real` and one fake on
  // which it says `fake`, by the engine's Gan with one neuron each: the real point is (0, 0), the
  // generator maps its noise to the fake (1, 0), and the discriminator's weights are chosen so
  // its outputs there are the given probabilities.
  'gan-losses': (ml, a) => scoped((track) => {
    const pReal = probability(a, 'real');
    const pFake = probability(a, 'fake');
    const gan = track(new ml.Gan());
    gan.setNoiseDimension(1);
    gan.setGeneratorShape(0, 1);
    gan.setDiscriminatorShape(0, 1);
    gan.reset(0);
    gan.setGeneratorParams([0, 0, 1, 0]);                              // G(u) = (1, 0)
    gan.setDiscriminatorParams([logit(pFake) - logit(pReal), 0, logit(pReal)]); // a = w₁x + c
    const real = [0, 0];
    const noise = [0.5];
    return {
      discriminator: gan.discriminatorLossOn(real, noise),
      generator: gan.generatorLossOn(noise),
      dReal: gan.discriminate(real)[0],
      dFake: gan.discriminate([1, 0])[0],
    };
  }),
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
