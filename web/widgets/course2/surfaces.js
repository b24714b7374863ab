// Where the loss-surface widget gets its numbers. Two engine back-ends behind one small API:
//  • OptimizerSurface (mlp_optimizers family): the MSE bowl of a 6-point line fit plus a ravine,
//    Rosenbrock's banana and a saddle, each optimiser (SGD, momentum, RMSProp, Adam) running
//    the same update code the engine's MLP trains with;
//  • LinearRegression (always present): the MSE of a line over (w, b) via setParams + loss(),
//    and plain full-batch gradient descent via step() — used when OptimizerSurface is absent.
// Every value, gradient step and loss comes from the engine; this file only keeps the path.

export const OPTIMIZERS = [
  { id: 'sgd', label: 'SGD' },
  { id: 'momentum', label: 'Momentum' },
  { id: 'rmsprop', label: 'RMSProp' },
  { id: 'adam', label: 'Adam' },
];

const FAR = 1e6; // a coordinate beyond this counts as "flew off" (the engine's own limit too)

export function createSurface(ml) {
  return typeof ml.OptimizerSurface === 'function' ? optimizerSurfaceBackend(ml) : linearRegressionBackend(ml);
}

function optimizerSurfaceBackend(ml) {
  const shared = new ml.OptimizerSurface();
  const live = new Set();
  let name = 'bowl';
  return {
    hasOptimizers: true,
    hasSurfaces: true,
    setFunction(n) { name = n; shared.setFunction(n); },
    info() { return { ...shared.info() }; },
    grid(x0, x1, y0, y1, nx, ny) { return shared.grid(x0, x1, y0, y1, nx, ny).slice(); },
    value(x, y) { return shared.value(x, y); },
    startRacer(kind, x, y, eta) {
      const s = new ml.OptimizerSurface();
      live.add(s);
      s.setFunction(name);
      s.startPath(x, y, kind, eta);
      const racer = {
        kind,
        points: [x, y],
        losses: [s.value(x, y)],
        status: 'running',
        steps() { return this.losses.length - 1; },
        step() {
          if (racer.status !== 'running') return;
          let p;
          try {
            p = s.stepPath();
          } catch (err) {
            if (s.pathStatus() === 'diverged') { racer.status = 'diverged'; return; }
            throw err;
          }
          if (!Number.isFinite(p.loss) || !Number.isFinite(p.x) || !Number.isFinite(p.y) || Math.abs(p.x) > FAR || Math.abs(p.y) > FAR) { racer.status = 'diverged'; return; }
          racer.points.push(p.x, p.y);
          racer.losses.push(p.loss);
          if (s.pathStatus() === 'diverged') racer.status = 'diverged';
        },
        delete() { if (live.delete(s)) s.delete(); },
      };
      return racer;
    },
    delete() { for (const s of live) s.delete(); live.clear(); shared.delete(); },
  };
}

function linearRegressionBackend(ml) {
  // A small data set: six points near y = 2x + 1, so the bowl's floor sits near (w, b) = (2, 1).
  const data = ml.makeLinear(6, 2, 1, 0.35, 5, -1, 2.5);
  const probe = new ml.LinearRegression();
  probe.setData(data.X, 1, data.y);
  const models = new Set();
  const best = Array.from(probe.closedForm());
  const lossAt = (w, b) => { probe.setParams([w, b]); return probe.loss(); };
  return {
    hasOptimizers: false,
    hasSurfaces: false,
    data,
    setFunction() {},
    info() { return { x0: -2, x1: 6, y0: -3, y1: 5, startX: -1.5, startY: 4.5, minX: best[0], minY: best[1], minValue: lossAt(best[0], best[1]) }; },
    grid(x0, x1, y0, y1, nx, ny) {
      const out = new Float64Array(nx * ny);
      for (let j = 0; j < ny; j++) {
        const b = y0 + ((j + 0.5) / ny) * (y1 - y0);
        for (let i = 0; i < nx; i++) out[j * nx + i] = lossAt(x0 + ((i + 0.5) / nx) * (x1 - x0), b);
      }
      return out;
    },
    value: lossAt,
    startRacer(kind, x, y, eta) {
      const m = new ml.LinearRegression();
      models.add(m);
      m.setData(data.X, 1, data.y);
      m.setLearningRate(eta);
      m.setTolerance(1e-7);
      m.setParams([x, y]);
      const racer = {
        kind: 'sgd',
        points: [x, y],
        losses: [m.loss()],
        status: 'running',
        steps() { return this.losses.length - 1; },
        step() {
          if (racer.status !== 'running') return;
          if (m.status() === 'diverged') { racer.status = 'diverged'; return; }
          const loss = m.step(); // one full-batch gradient-descent step: (w, b) ← (w, b) − η ∇MSE
          const [w, b] = m.params();
          if (!Number.isFinite(loss) || m.status() === 'diverged' || Math.abs(w) > FAR || Math.abs(b) > FAR) { racer.status = 'diverged'; return; }
          racer.points.push(w, b);
          racer.losses.push(loss);
          if (m.status() === 'converged') racer.status = 'converged';
        },
        delete() { if (models.delete(m)) m.delete(); },
      };
      return racer;
    },
    delete() { for (const m of models) m.delete(); models.clear(); probe.delete(); },
  };
}
