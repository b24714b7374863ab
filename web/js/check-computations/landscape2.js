// Check-yourself computations for the landscape lessons on neural building blocks, text and
// workflow (attention, convolution, cosine similarity, tf-idf, gradient chains, the drift
// statistic, the RBF kernel). Same contract as check-computations.js: each takes the loaded
// engine and an object of named arguments and returns an object of named results, every number
// from the engine. Kept free of the DOM.

import { need, opt, whole, scoped } from './args.js';

// A whole-number index into something of this length (0 when not given).
function index(args, name, length) { return whole(args, name, 0, length - 1, 0); }

// A d × d identity stacked over (or under) a d × d zero block, flat row-major: picks one half
// of a token row [q, k].
function pick(d, top) {
  const w = new Array(2 * d * d).fill(0);
  for (let i = 0; i < d; i++) w[(top ? i : d + i) * d + i] = 1;
  return w;
}

export const computations = {
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
  // One cell of a feature map: the kernel laid on a patch of the same size, by convolve2d.
  convolution: (ml, a) => {
    const patch = need(a, 'patch', 'list');
    const kernel = need(a, 'kernel', 'list');
    const k = Math.round(Math.sqrt(kernel.length));
    if (k * k !== kernel.length || patch.length !== kernel.length) throw new RangeError('needs patch= and kernel= of the same square size, e.g. 9 numbers each');
    const map = ml.convolve2d(patch, k, kernel, 'valid');
    return { value: map.values[0] };
  },
  // Cosine similarity of two vectors (0 when either is all zeros).
  cosine: (ml, a) => ({ value: ml.cosineSimilarity(need(a, 'a', 'list'), need(a, 'b', 'list')) }),
  // tf-idf of one text with counts x, in a corpus of n documents where word j occurs in df[j]
  // of them: idf of word j, its raw weight xⱼ·idfⱼ and its weight after scaling to length 1.
  tfidf: (ml, a) => {
    const n = need(a, 'n');
    const df = need(a, 'df', 'list');
    const x = need(a, 'x', 'list');
    if (!Number.isInteger(n) || n < 1 || n > 10000) throw new RangeError('needs n= a whole number of documents from 1 to 10000');
    if (x.length !== df.length) throw new RangeError('needs x= and df= with one entry per word');
    if (!df.every((v) => Number.isInteger(v) && v >= 0 && v <= n)) throw new RangeError(`needs df= whole numbers from 0 to n=${n}`);
    const j = index(a, 'j', df.length);
    const V = df.length;
    const corpus = new Float64Array(n * V);
    df.forEach((count, col) => { for (let r = 0; r < count; r++) corpus[r * V + col] = 1; });
    const idf = ml.inverseDocumentFrequency(corpus, V);
    const w = ml.tfidf(x, V, idf);
    return { idf: idf[j], raw: x[j] * idf[j], weight: w[j] };
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
  // The drift statistic of distribution-shift: fit a standardiser on the training rows, apply it
  // to the new rows, and take the length of the vector of per-feature means.
  drift: (ml, a) => scoped((track) => {
    const cols = opt(a, 'cols', 1);
    const train = need(a, 'train', 'list');
    const test = need(a, 'test', 'list');
    if (!Number.isInteger(cols) || cols < 1 || train.length % cols || test.length % cols) throw new RangeError(`needs train= and test= with a multiple of cols=${cols} numbers`);
    const scaler = track(new ml.StandardScaler());
    scaler.fit(train, cols);
    const z = scaler.transform(test, cols);
    const n = z.length / cols;
    const means = new Array(cols).fill(0);
    for (let i = 0; i < z.length; i++) means[i % cols] += z[i] / n;
    return { value: Math.hypot(...means), z1: means[0] };
  }),
  // The RBF kernel exp(−γ‖a − b‖²), read off the engine's KernelSVM: trained on just a (class 0)
  // and b (class 1), its decision function is f(x) = c_a K(a, x) + c_b K(b, x) + β, so
  // f(a) − f(b) = (c_a − c_b)(1 − K(a, b)).
  'rbf-kernel': (ml, a) => scoped((track) => {
    const u = need(a, 'a', 'list');
    const v = need(a, 'b', 'list');
    if (u.length !== v.length) throw new RangeError('needs a= and b= of the same length');
    const svm = track(new ml.KernelSVM());
    svm.setKernel('rbf');
    svm.setGamma(need(a, 'gamma'));
    svm.setC(1);
    svm.setData([...u, ...v], u.length, [0, 1]);
    svm.fit(1000);
    const c = svm.params();
    const [fa, fb] = svm.decisionFunction([...u, ...v]);
    if (c[0] === c[1]) throw new RangeError('the two points must differ');
    return { value: 1 - (fa - fb) / (c[0] - c[1]) };
  }),
  // Expected improvement of a candidate whose surrogate score is N(mean, std²) over the best score
  // so far, with margin xi (default 0): the engine's expectedImprovement, d·Φ(d/std) + std·Φ'(d/std)
  // with d = mean − best − xi (max(d, 0) when std = 0).
  'expected-improvement': (ml, a) => ({ value: ml.expectedImprovement(need(a, 'mean'), need(a, 'std'), need(a, 'best'), opt(a, 'xi', 0)) }),
};
