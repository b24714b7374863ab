// A plain-JS CART classification tree grown with the same rules as the engine's DecisionTree
// defaults (engine/src/cart_tree.cpp, scikit-learn's BestSplitter): Gini impurity, unlimited
// depth, min_samples_leaf 1, thresholds at midpoints between consecutive distinct sorted values
// (values closer than 1e-7 count as equal), the first of equally good splits wins (features in
// index order), a split is taken even when it removes no impurity, and nodes whose impurity is
// at most 2.2e-16 stay leaves. Every column is sorted once; a split partitions the sorted
// orders stably, so a split costs O(n·d). Grown depth-first (the engine grows best-first so a
// widget can animate it; a fully grown tree is the same either way). Typed arrays throughout.
const FEATURE_THRESHOLD = 1e-7;
const PURE = 2.220446049250313e-16;

export class JsDecisionTree {
  // X: flat row-major n × d; y: labels 0 … k−1.
  constructor(X, d, y) {
    this.X = X; this.d = d; this.y = y; this.n = y.length;
    let k = 0;
    for (let i = 0; i < this.n; i++) k = Math.max(k, y[i] + 1);
    this.k = k;
    this.sorted = [];
    for (let f = 0; f < d; f++) this.sorted.push(new Int32Array(this.n));
    this.scratch = new Int32Array(this.n);
    this.goesLeft = new Uint8Array(this.n);
    this.total = new Float64Array(k);
    this.left = new Float64Array(k);
    this.right = new Float64Array(k);
    // Nodes in flat growable arrays: feature (−1 leaf), threshold, children, majority class.
    this.cap = 0;
    this.grow(64);
  }

  grow(cap) {
    const copy = (Old, T) => { const a = new T(cap); if (Old) a.set(Old.subarray(0, this.cap)); return a; };
    this.feature = copy(this.feature, Int32Array);
    this.threshold = copy(this.threshold, Float64Array);
    this.leftChild = copy(this.leftChild, Int32Array);
    this.rightChild = copy(this.rightChild, Int32Array);
    this.klass = copy(this.klass, Int32Array);
    this.cap = cap;
  }

  gini(counts, w) {
    let sq = 0;
    for (let c = 0; c < this.k; c++) sq += counts[c] * counts[c];
    return 1 - sq / (w * w);
  }

  // Sorts every column once (stable), then grows the whole tree. Returns the node count.
  fit() {
    const { X, d, n } = this;
    const idx = new Array(n);
    for (let f = 0; f < d; f++) {
      for (let i = 0; i < n; i++) idx[i] = i;
      idx.sort((a, b) => X[a * d + f] - X[b * d + f]); // Array.prototype.sort is stable
      this.sorted[f].set(idx);
    }
    this.nodes = 0;
    this.leaves = 0;
    this.maxDepth = 0;
    this.build(0, n, 0);
    return this.nodes;
  }

  // Grows the node for the sorted segment [b, e); returns its id.
  build(b, e, depth) {
    if (this.nodes === this.cap) this.grow(this.cap * 2);
    const id = this.nodes++;
    const { X, d, y, k, total } = this;
    const count = e - b;
    total.fill(0);
    const rows0 = this.sorted[0];
    for (let i = b; i < e; i++) total[y[rows0[i]]] += 1;
    let major = 0;
    for (let c = 1; c < k; c++) if (total[c] > total[major]) major = c;
    this.klass[id] = major;
    this.feature[id] = -1;
    this.maxDepth = Math.max(this.maxDepth, depth);
    const W = count;
    if (count < 2 || this.gini(total, W) <= PURE) { this.leaves++; return id; }

    // Best split: minimise w_L·gini_L + w_R·gini_R over features and thresholds.
    const { left, right } = this;
    let bestScore = -Infinity;
    let bestFeature = -1;
    let bestThreshold = 0;
    for (let f = 0; f < d; f++) {
      const rows = this.sorted[f];
      if (X[rows[e - 1] * d + f] <= X[rows[b] * d + f] + FEATURE_THRESHOLD) continue; // constant here
      left.fill(0);
      let wl = 0;
      for (let p = 1; p < count; p++) {
        const r = rows[b + p - 1];
        wl += 1;
        left[y[r]] += 1;
        const xPrev = X[r * d + f];
        const xNext = X[rows[b + p] * d + f];
        if (xNext <= xPrev + FEATURE_THRESHOLD) continue;
        const wr = W - wl;
        for (let c = 0; c < k; c++) right[c] = total[c] - left[c];
        const score = -(wl * this.gini(left, wl) + wr * this.gini(right, wr));
        if (score > bestScore) {
          bestScore = score;
          let mid = xPrev / 2 + xNext / 2; // guarded against rounding up to xNext
          if (mid === xNext || !Number.isFinite(mid)) mid = xPrev;
          bestFeature = f;
          bestThreshold = mid;
        }
      }
    }
    if (bestFeature < 0) { this.leaves++; return id; }

    // Stable partition of every column's segment keeps both halves sorted.
    const { goesLeft, scratch } = this;
    for (let i = b; i < e; i++) { const r = rows0[i]; goesLeft[r] = X[r * d + bestFeature] <= bestThreshold ? 1 : 0; }
    let leftCount = 0;
    for (let f = 0; f < d; f++) {
      const order = this.sorted[f];
      let l = 0;
      let s = 0;
      for (let i = b; i < e; i++) { const r = order[i]; if (goesLeft[r]) order[b + l++] = r; else scratch[s++] = r; }
      for (let i = 0; i < s; i++) order[b + l + i] = scratch[i];
      leftCount = l;
    }
    this.feature[id] = bestFeature;
    this.threshold[id] = bestThreshold;
    const lc = this.build(b, b + leftCount, depth + 1);
    const rc = this.build(b + leftCount, e, depth + 1);
    this.leftChild[id] = lc;
    this.rightChild[id] = rc;
    return id;
  }

  // Predictions for flat row-major points with d columns.
  predict(P) {
    const { d } = this;
    const out = new Float64Array(P.length / d);
    for (let i = 0; i < out.length; i++) {
      let node = 0;
      while (this.feature[node] >= 0) node = P[i * d + this.feature[node]] <= this.threshold[node] ? this.leftChild[node] : this.rightChild[node];
      out[i] = this.klass[node];
    }
    return out;
  }
}
