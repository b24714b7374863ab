// A plain-JS implementation of the same full-batch gradient-descent step the engine's
// LinearRegression performs (one feature), written the straightforward way a JS playground
// would: the baseline the WASM engine is compared against.
export class JsLinearRegression {
  constructor(x, y, learningRate) {
    this.x = x;
    this.y = y;
    this.eta = learningRate;
    this.reset();
  }

  reset() {
    this.w = 0;
    this.b = 0;
    this.count = 0;
  }

  steps() { return this.count; }

  step() {
    const { x, y } = this;
    const n = x.length;
    let gw = 0;
    let gb = 0;
    for (let i = 0; i < n; i++) {
      const e = this.w * x[i] + this.b - y[i];
      gw += e * x[i];
      gb += e;
    }
    this.w -= this.eta * (2 / n) * gw;
    this.b -= this.eta * (2 / n) * gb;
    this.count++;
    let loss = 0;
    for (let i = 0; i < n; i++) {
      const e = this.w * x[i] + this.b - y[i];
      loss += e * e;
    }
    return loss / n;
  }
}
