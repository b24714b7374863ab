// A plain-JS multilayer perceptron doing what the engine's MLP step does — tanh hidden layers,
// sigmoid output, binary cross-entropy, Adam, mini-batches — written the straightforward way
// a JS playground would (typed arrays, nested loops). The baseline for the WASM engine.
export class JsMlp {
  constructor(sizes, X, y, { batch = 10, lr = 0.03, seed = 1 } = {}) {
    this.sizes = sizes; // e.g. [2, 16, 16, 1]
    this.X = X; this.y = y; this.n = y.length; this.batch = batch; this.lr = lr;
    let s = seed >>> 0;
    this.rand = () => { s = (s + 0x6d2b79f5) >>> 0; let t = s; t = Math.imul(t ^ (t >>> 15), t | 1); t ^= t + Math.imul(t ^ (t >>> 7), t | 61); return ((t ^ (t >>> 14)) >>> 0) / 4294967296; };
    this.W = []; this.b = []; this.m = []; this.v = [];
    for (let l = 0; l + 1 < sizes.length; l++) {
      const w = new Float64Array(sizes[l] * sizes[l + 1]);
      const scale = Math.sqrt(2 / (sizes[l] + sizes[l + 1]));
      for (let i = 0; i < w.length; i++) w[i] = (this.rand() * 2 - 1) * scale;
      this.W.push(w); this.b.push(new Float64Array(sizes[l + 1]));
    }
    this.params = [...this.W, ...this.b];
    this.grads = this.params.map((p) => new Float64Array(p.length));
    this.m = this.params.map((p) => new Float64Array(p.length));
    this.v = this.params.map((p) => new Float64Array(p.length));
    this.t = 0;
    this.acts = sizes.map((k) => new Float64Array(k));
    this.deltas = sizes.map((k) => new Float64Array(k));
    this.cursor = 0;
    this.order = Array.from({ length: this.n }, (_, i) => i);
  }

  forward(x) {
    const { sizes, W, b, acts } = this;
    acts[0].set(x);
    const L = sizes.length - 1;
    for (let l = 0; l < L; l++) {
      const a = acts[l]; const out = acts[l + 1]; const w = W[l]; const nIn = sizes[l]; const nOut = sizes[l + 1];
      for (let j = 0; j < nOut; j++) {
        let z = b[l][j];
        for (let i = 0; i < nIn; i++) z += a[i] * w[i * nOut + j];
        out[j] = l === L - 1 ? 1 / (1 + Math.exp(-z)) : Math.tanh(z);
      }
    }
    return acts[L][0];
  }

  step() {
    const { sizes, W, acts, deltas, grads } = this;
    for (const g of grads) g.fill(0);
    const L = sizes.length - 1;
    const x = new Float64Array(sizes[0]);
    for (let k = 0; k < this.batch; k++) {
      if (this.cursor === 0) for (let i = this.n - 1; i > 0; i--) { const j = Math.floor(this.rand() * (i + 1)); [this.order[i], this.order[j]] = [this.order[j], this.order[i]]; }
      const idx = this.order[this.cursor];
      this.cursor = (this.cursor + 1) % this.n;
      for (let i = 0; i < sizes[0]; i++) x[i] = this.X[idx * sizes[0] + i];
      const p = this.forward(x);
      deltas[L][0] = p - this.y[idx]; // dBCE/dlogit for a sigmoid output
      for (let l = L - 1; l >= 0; l--) {
        const nIn = sizes[l]; const nOut = sizes[l + 1]; const gw = grads[l]; const gb = grads[L + l];
        for (let j = 0; j < nOut; j++) {
          const d = deltas[l + 1][j];
          gb[j] += d;
          for (let i = 0; i < nIn; i++) gw[i * nOut + j] += acts[l][i] * d;
        }
        if (l > 0) for (let i = 0; i < nIn; i++) {
          let s = 0;
          for (let j = 0; j < nOut; j++) s += W[l][i * nOut + j] * deltas[l + 1][j];
          deltas[l][i] = s * (1 - acts[l][i] * acts[l][i]);
        }
      }
    }
    this.t += 1;
    const b1 = 0.9; const b2 = 0.999; const c1 = 1 - b1 ** this.t; const c2 = 1 - b2 ** this.t;
    this.params.forEach((p, q) => {
      const g = grads[q]; const m = this.m[q]; const v = this.v[q];
      for (let i = 0; i < p.length; i++) {
        const gi = g[i] / this.batch;
        m[i] = b1 * m[i] + (1 - b1) * gi;
        v[i] = b2 * v[i] + (1 - b2) * gi * gi;
        p[i] -= (this.lr * (m[i] / c1)) / (Math.sqrt(v[i] / c2) + 1e-8);
      }
    });
  }

  // Probability of class 1 on an nx-by-ny grid (x fastest), as a heat map needs.
  predictGrid(x0, x1, y0, y1, nx, ny, out = new Float64Array(nx * ny)) {
    const x = new Float64Array(2);
    for (let j = 0; j < ny; j++) for (let i = 0; i < nx; i++) {
      x[0] = x0 + ((x1 - x0) * i) / (nx - 1);
      x[1] = y0 + ((y1 - y0) * j) / (ny - 1);
      out[j * nx + i] = this.forward(x);
    }
    return out;
  }
}
