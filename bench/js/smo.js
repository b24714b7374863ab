// A plain-JS kernel SVM (RBF) trained by SMO exactly as the engine's KernelSVM does it
// (engine/src/smo_solver.cpp, libsvm's Solver without shrinking): the full n × n kernel
// matrix computed up front (‖a − b‖² = ‖a‖² + ‖b‖² − 2a·b, clamped at 0), libsvm's
// second-order working-set selection (WSS 2, Fan, Chen & Lin 2005), the two-variable subproblem
// solved exactly and clipped to the box, the gradient G = Qα − 1 updated in O(n), stopping when
// the KKT violation m(α) − M(α) drops below the tolerance; the bias is libsvm's ρ. Labels 0/1;
// internally label 0 is +1, as libsvm orders its classes. Typed arrays, no allocation per pair.
const TAU = 1e-12;

export class JsKernelSvm {
  // X: flat row-major n × d; y: labels 0/1.
  constructor(X, d, y, { C = 1, gamma = 1, tolerance = 1e-3 } = {}) {
    this.X = X; this.d = d; this.n = y.length; this.C = C; this.gamma = gamma; this.tol = tolerance;
    this.s = new Float64Array(this.n);
    for (let i = 0; i < this.n; i++) this.s[i] = y[i] === 0 ? 1 : -1; // solver orientation
    this.K = new Float64Array(this.n * this.n);
    this.diag = new Float64Array(this.n);
    this.norms = new Float64Array(this.n);
    this.alpha = new Float64Array(this.n);
    this.G = new Float64Array(this.n);
  }

  buildKernel() {
    const { X, d, n, K, norms, gamma } = this;
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let f = 0; f < d; f++) s += X[i * d + f] * X[i * d + f];
      norms[i] = s;
      this.diag[i] = Math.exp(-gamma * 0); // K(x, x) = exp(−γ·0) = 1
    }
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) {
      let dot = 0;
      for (let f = 0; f < d; f++) dot += X[i * d + f] * X[j * d + f];
      K[i * n + j] = Math.exp(-gamma * Math.max(norms[i] + norms[j] - 2 * dot, 0));
    }
  }

  // Builds the kernel and runs SMO to convergence; returns the number of pair updates.
  fit(maxPairs = 10000000) {
    this.buildKernel();
    const { n, s, alpha, G, K, diag, C } = this;
    alpha.fill(0);
    G.fill(-1); // G = Qα − 1 at α = 0
    let pairs = 0;
    while (pairs < maxPairs) {
      // i ∈ argmax { −s_t G_t : t ∈ I_up }.
      let gMax = -Infinity;
      let gMax2 = -Infinity;
      let i = -1;
      for (let t = 0; t < n; t++) {
        if (s[t] > 0) { if (alpha[t] < C && -G[t] >= gMax) { gMax = -G[t]; i = t; } }
        else if (alpha[t] > 0 && G[t] >= gMax) { gMax = G[t]; i = t; }
      }
      if (i < 0) break;
      // j ∈ argmin { −b_it² / a_it : t ∈ I_low, −s_t G_t < −s_i G_i }.
      const row = i * n;
      const Kii = diag[i];
      let j = -1;
      let bestGain = Infinity;
      for (let t = 0; t < n; t++) {
        let gradDiff;
        if (s[t] > 0) {
          if (alpha[t] <= 0) continue;
          gradDiff = gMax + G[t];
          if (G[t] > gMax2) gMax2 = G[t];
        } else {
          if (alpha[t] >= C) continue;
          gradDiff = gMax - G[t];
          if (-G[t] > gMax2) gMax2 = -G[t];
        }
        if (gradDiff <= 0) continue;
        const curvature = Kii + diag[t] - 2 * K[row + t];
        const gain = -(gradDiff * gradDiff) / (curvature > 0 ? curvature : TAU);
        if (gain <= bestGain) { bestGain = gain; j = t; }
      }
      if (gMax + gMax2 < this.tol || j < 0) break;
      // The two-variable subproblem, clipped to 0 ≤ α ≤ C (libsvm Solver::Solve).
      const rowJ = j * n;
      const oldI = alpha[i];
      const oldJ = alpha[j];
      let ai = oldI;
      let aj = oldJ;
      const curvature = Math.max(diag[i] + diag[j] - 2 * K[row + j], TAU);
      if (s[i] !== s[j]) {
        const delta = (-G[i] - G[j]) / curvature;
        const diff = ai - aj;
        ai += delta; aj += delta;
        if (diff > 0) { if (aj < 0) { aj = 0; ai = diff; } } else if (ai < 0) { ai = 0; aj = -diff; }
        if (diff > 0) { if (ai > C) { ai = C; aj = C - diff; } } else if (aj > C) { aj = C; ai = C + diff; }
      } else {
        const delta = (G[i] - G[j]) / curvature;
        const sum = ai + aj;
        ai -= delta; aj += delta;
        if (sum > C) { if (ai > C) { ai = C; aj = sum - C; } } else if (aj < 0) { aj = 0; ai = sum; }
        if (sum > C) { if (aj > C) { aj = C; ai = sum - C; } } else if (ai < 0) { ai = 0; aj = sum; }
      }
      alpha[i] = ai;
      alpha[j] = aj;
      // G_k += Q_ki Δα_i + Q_kj Δα_j with Q_kt = s_k s_t K_kt.
      const di = (ai - oldI) * s[i];
      const dj = (aj - oldJ) * s[j];
      for (let k = 0; k < n; k++) G[k] += s[k] * (K[row + k] * di + K[rowJ + k] * dj);
      pairs++;
    }
    this.bias = this.computeBias();
    this.pairs = pairs;
    return pairs;
  }

  // Public intercept b of f(x) = Σ α_i y_i K(x_i, x) + b (y_i = ±1 with label 1 → +1): libsvm's
  // ρ, the mean of s_t G_t over free α, or the middle of the feasible interval when none is free.
  computeBias() {
    const { n, s, alpha, G, C } = this;
    let ub = Infinity;
    let lb = -Infinity;
    let sumFree = 0;
    let free = 0;
    for (let t = 0; t < n; t++) {
      const sG = s[t] * G[t];
      if (alpha[t] >= C) { if (s[t] < 0) ub = Math.min(ub, sG); else lb = Math.max(lb, sG); }
      else if (alpha[t] <= 0) { if (s[t] > 0) ub = Math.min(ub, sG); else lb = Math.max(lb, sG); }
      else { free++; sumFree += sG; }
    }
    return free > 0 ? sumFree / free : (ub + lb) / 2;
  }

  // Decision values f(x) for flat row-major points (positive means label 1).
  decision(P) {
    const { X, d, n, s, alpha, gamma } = this;
    const out = new Float64Array(P.length / d);
    for (let q = 0; q < out.length; q++) {
      let f = this.bias;
      for (let i = 0; i < n; i++) {
        if (alpha[i] <= 0) continue;
        let dist = 0;
        for (let c = 0; c < d; c++) { const e = P[q * d + c] - X[i * d + c]; dist += e * e; }
        f -= s[i] * alpha[i] * Math.exp(-gamma * dist);
      }
      out[q] = f;
    }
    return out;
  }
}
