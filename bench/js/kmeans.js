// A plain-JS k-means (Lloyd's algorithm) doing what the engine's KMeans.step() does: assign
// every point to its nearest centroid (ties to the lower index), move every centroid to the mean
// of its points (an empty cluster keeps its centroid), report the inertia Σ‖x − c_label‖².
// Typed arrays, no allocation per step: the baseline the WASM engine is compared against.
export class JsKMeans {
  // X: flat row-major n × d; C0: flat k × d starting centroids (copied).
  constructor(X, d, C0) {
    this.X = X; this.d = d; this.n = X.length / d; this.k = C0.length / d;
    this.C0 = Float64Array.from(C0);
    this.C = Float64Array.from(C0);
    this.labels = new Int32Array(this.n).fill(-1);
    this.sums = new Float64Array(this.C.length);
    this.counts = new Int32Array(this.k);
    this.lastInertia = NaN;
  }

  // Back to the starting centroids, no labels yet; returns the starting inertia (nearest
  // centroids), which the engine's reset() also computes for its first trace row.
  reset() {
    this.C.set(this.C0);
    this.labels.fill(-1);
    const { X, C, d, n, k } = this;
    let total = 0;
    for (let i = 0; i < n; i++) {
      let best = Infinity;
      for (let j = 0; j < k; j++) {
        let s = 0;
        for (let f = 0; f < d; f++) { const e = C[j * d + f] - X[i * d + f]; s += e * e; }
        if (s < best) best = s;
      }
      total += best;
    }
    return total;
  }

  // Assign half; returns how many labels changed.
  assign() {
    const { X, C, d, n, k, labels } = this;
    let changed = 0;
    for (let i = 0; i < n; i++) {
      let best = 0;
      let bestD = Infinity;
      for (let j = 0; j < k; j++) {
        let s = 0;
        for (let f = 0; f < d; f++) { const e = C[j * d + f] - X[i * d + f]; s += e * e; }
        if (s < bestD) { bestD = s; best = j; }
      }
      if (labels[i] !== best) changed++;
      labels[i] = best;
    }
    return changed;
  }

  // Update half: c_j = mean of the points labelled j.
  update() {
    const { X, C, d, n, k, labels, sums, counts } = this;
    sums.fill(0);
    counts.fill(0);
    for (let i = 0; i < n; i++) {
      const j = labels[i];
      for (let f = 0; f < d; f++) sums[j * d + f] += X[i * d + f];
      counts[j]++;
    }
    for (let j = 0; j < k; j++) if (counts[j] > 0) for (let f = 0; f < d; f++) C[j * d + f] = sums[j * d + f] / counts[j];
  }

  inertia() {
    const { X, C, d, n, labels } = this;
    let total = 0;
    for (let i = 0; i < n; i++) {
      const j = labels[i];
      for (let f = 0; f < d; f++) { const e = X[i * d + f] - C[j * d + f]; total += e * e; }
    }
    return total;
  }

  // One Lloyd iteration as the engine's step(): when no label changes the run has converged and
  // the centroids stay. Returns how many labels changed; the inertia after it is in lastInertia.
  step() {
    const changed = this.assign();
    if (changed > 0) this.update();
    this.lastInertia = this.inertia();
    return changed;
  }
}
