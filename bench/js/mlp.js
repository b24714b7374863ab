// A plain-JS multilayer perceptron doing what the engine's MLP does — tanh hidden layers, a
// sigmoid output, binary cross-entropy, SGD or Adam on mini-batches, optional input features
// computed from 2-D points — written the way an efficient JS playground would: typed arrays,
// nested loops, every buffer allocated once. The baseline the WASM engine is compared against.
// Parameters use the engine's layout (per layer: weights from × to row-major, then biases), so
// setParams(engine.params()) makes both networks identical.

// TensorFlow Playground's input features, by the engine's names.
const FEATURE_FUNCTIONS = {
  x1: (a) => a, x2: (a, b) => b, 'x1^2': (a) => a * a, 'x2^2': (a, b) => b * b,
  x1x2: (a, b) => a * b, 'sin x1': (a) => Math.sin(a), 'sin x2': (a, b) => Math.sin(b),
};

export class JsMlp {
  // sizes: units per layer including inputs and the single output, e.g. [2, 16, 16, 1].
  // X: flat row-major n × sizes[0] network inputs (features already applied); y: 0/1.
  // features: engine feature names mapping a plane point to the inputs (for the grids).
  constructor(sizes, X, y, { batch = 10, lr = 0.03, seed = 1, optimizer = 'adam', features = null } = {}) {
    this.sizes = sizes;
    this.X = X; this.y = y; this.n = y.length; this.batch = Math.min(batch, this.n); this.lr = lr;
    this.optimizer = optimizer;
    this.features = (features || ['x1', 'x2']).map((f) => FEATURE_FUNCTIONS[f]);
    let s = seed >>> 0;
    this.rand = () => { s = (s + 0x6d2b79f5) >>> 0; let t = s; t = Math.imul(t ^ (t >>> 15), t | 1); t ^= t + Math.imul(t ^ (t >>> 7), t | 61); return ((t ^ (t >>> 14)) >>> 0) / 4294967296; };
    this.W = []; this.b = [];
    for (let l = 0; l + 1 < sizes.length; l++) {
      const w = new Float64Array(sizes[l] * sizes[l + 1]);
      const scale = Math.sqrt(2 / (sizes[l] + sizes[l + 1]));
      for (let i = 0; i < w.length; i++) w[i] = (this.rand() * 2 - 1) * scale;
      this.W.push(w); this.b.push(new Float64Array(sizes[l + 1]));
    }
    this.L = sizes.length - 1;
    this.params = [...this.W, ...this.b];
    this.grads = this.params.map((p) => new Float64Array(p.length));
    this.m = this.params.map((p) => new Float64Array(p.length));
    this.v = this.params.map((p) => new Float64Array(p.length));
    this.t = 0;
    this.acts = sizes.map((k) => new Float64Array(k));
    this.deltas = sizes.map((k) => new Float64Array(k));
    this.logit = 0;
    this.cursor = 0;
    this.order = new Int32Array(this.n);
    for (let i = 0; i < this.n; i++) this.order[i] = i;
  }

  // Engine layout: for each layer, its weights (from × to, row-major) then its biases.
  setParams(theta) {
    let o = 0;
    for (let l = 0; l < this.L; l++) {
      this.W[l].set(theta.subarray(o, o + this.W[l].length)); o += this.W[l].length;
      this.b[l].set(theta.subarray(o, o + this.b[l].length)); o += this.b[l].length;
    }
  }

  getParams() {
    const out = [];
    for (let l = 0; l < this.L; l++) out.push(...this.W[l], ...this.b[l]);
    return Float64Array.from(out);
  }

  // Forward pass of acts[0] (already filled); returns the output probability.
  forward() {
    const { sizes, W, b, acts, L } = this;
    for (let l = 0; l < L; l++) {
      const a = acts[l]; const out = acts[l + 1]; const w = W[l]; const bl = b[l]; const nIn = sizes[l]; const nOut = sizes[l + 1];
      for (let j = 0; j < nOut; j++) {
        let z = bl[j];
        for (let i = 0; i < nIn; i++) z += a[i] * w[i * nOut + j];
        if (l === L - 1) { this.logit = z; out[j] = 1 / (1 + Math.exp(-z)); } else out[j] = Math.tanh(z);
      }
    }
    return acts[L][0];
  }

  // One mini-batch update (the data are reshuffled at the start of every epoch).
  step() {
    const { sizes, W, acts, deltas, grads, L, order, X } = this;
    for (let q = 0; q < grads.length; q++) grads[q].fill(0);
    const d0 = sizes[0];
    for (let k = 0; k < this.batch; k++) {
      if (this.cursor === 0) {
        for (let i = this.n - 1; i > 0; i--) { const j = Math.floor(this.rand() * (i + 1)); const t = order[i]; order[i] = order[j]; order[j] = t; }
      }
      const idx = order[this.cursor];
      this.cursor = (this.cursor + 1) % this.n;
      const a0 = acts[0];
      for (let i = 0; i < d0; i++) a0[i] = X[idx * d0 + i];
      const p = this.forward();
      deltas[L][0] = p - this.y[idx]; // dBCE/dlogit for a sigmoid output
      for (let l = L - 1; l >= 0; l--) {
        const nIn = sizes[l]; const nOut = sizes[l + 1]; const gw = grads[l]; const gb = grads[L + l];
        const a = acts[l]; const dOut = deltas[l + 1]; const w = W[l];
        for (let j = 0; j < nOut; j++) {
          const dj = dOut[j];
          gb[j] += dj;
          for (let i = 0; i < nIn; i++) gw[i * nOut + j] += a[i] * dj;
        }
        if (l > 0) {
          const dIn = deltas[l];
          for (let i = 0; i < nIn; i++) {
            let s = 0;
            for (let j = 0; j < nOut; j++) s += w[i * nOut + j] * dOut[j];
            dIn[i] = s * (1 - a[i] * a[i]); // tanh' = 1 − tanh²
          }
        }
      }
    }
    this.t += 1;
    const { params, lr, batch } = this;
    if (this.optimizer === 'sgd') {
      for (let q = 0; q < params.length; q++) {
        const p = params[q]; const g = grads[q];
        for (let i = 0; i < p.length; i++) p[i] -= lr * (g[i] / batch);
      }
      return;
    }
    // Adam (Kingma & Ba 2015), as the engine's optimizer.
    const b1 = 0.9; const b2 = 0.999; const c1 = 1 - b1 ** this.t; const c2 = 1 - b2 ** this.t;
    for (let q = 0; q < params.length; q++) {
      const p = params[q]; const g = grads[q]; const m = this.m[q]; const v = this.v[q];
      for (let i = 0; i < p.length; i++) {
        const gi = g[i] / batch;
        m[i] = b1 * m[i] + (1 - b1) * gi;
        v[i] = b2 * v[i] + (1 - b2) * gi * gi;
        p[i] -= (lr * (m[i] / c1)) / (Math.sqrt(v[i] / c2) + 1e-8);
      }
    }
  }

  // Mean binary cross-entropy on all training points (what the playground plots per frame).
  dataLoss() {
    const { X, y, n, acts } = this;
    const d0 = this.sizes[0];
    let total = 0;
    for (let r = 0; r < n; r++) {
      for (let i = 0; i < d0; i++) acts[0][i] = X[r * d0 + i];
      this.forward();
      // −[t log σ(z) + (1−t) log(1−σ(z))] = softplus(z) − t z, from the logit z (no overflow).
      const z = this.logit;
      total += Math.max(z, 0) + Math.log(1 + Math.exp(-Math.abs(z))) - y[r] * z;
    }
    return total / n;
  }

  // Fills acts[0] with the input features of the plane point (a, b).
  inputsAt(a, b) {
    const f = this.features; const a0 = this.acts[0];
    for (let i = 0; i < f.length; i++) a0[i] = f[i](a, b);
  }

  // Class probabilities [1 − p, p] per cell of an nx-by-ny grid (x fastest): the engine's
  // predictGrid layout for a sigmoid classifier, as a heat map needs (cell centres, as the engine).
  predictGrid(x0, x1, y0, y1, nx, ny, out = new Float64Array(2 * nx * ny)) {
    for (let j = 0; j < ny; j++) {
      const yv = y0 + ((y1 - y0) * (j + 0.5)) / ny;
      for (let i = 0; i < nx; i++) {
        this.inputsAt(x0 + ((x1 - x0) * (i + 0.5)) / nx, yv);
        const p = this.forward();
        const c = 2 * (j * nx + i);
        out[c] = 1 - p;
        out[c + 1] = p;
      }
    }
    return out;
  }

  // Every neuron's output over the grid, layer by layer (inputs, hidden, output), neuron by
  // neuron, nx·ny values each: the engine's neuronGrid layout (the playground's thumbnails).
  neuronGrid(x0, x1, y0, y1, nx, ny, out) {
    const cells = nx * ny;
    const total = this.sizes.reduce((s, k) => s + k, 0);
    if (!out) out = new Float64Array(total * cells);
    for (let j = 0; j < ny; j++) {
      const yv = y0 + ((y1 - y0) * (j + 0.5)) / ny;
      for (let i = 0; i < nx; i++) {
        this.inputsAt(x0 + ((x1 - x0) * (i + 0.5)) / nx, yv);
        this.forward();
        const c = j * nx + i;
        let unit = 0;
        for (let l = 0; l <= this.L; l++) {
          const a = this.acts[l];
          for (let u = 0; u < a.length; u++) out[(unit + u) * cells + c] = a[u];
          unit += a.length;
        }
      }
    }
    return out;
  }
}
