// Where the loss-surface widget gets its numbers: the engine's OptimizerSurface gives the MSE bowl
// of a 6-point line fit plus a ravine, Rosenbrock's banana and a saddle, each optimiser (SGD,
// momentum, RMSProp, Adam) running the same update code the engine's MLP trains with.
// Every value, gradient step and loss comes from the engine; this file only keeps the path.

import { formatNumber, formatShort, readShown } from '../../lib/format.js';
import { addMessages, messageFunction } from '../../lib/messages.js';
import { messages } from './messages.js';

// The words for a path, in English when no message function is passed (a Node test reading them).
addMessages('en', messages, { keep: true });
const english = messageFunction('en');

// Numbers in the message line go through the site's one formatter (format.js).
const formatLoss = (v) => formatNumber(v, 3);
const formatShortNumber = (v) => formatShort(v, 3);

// The four optimisers; each one's name is loss-surface.optimizer.<id> in the widget's table.
export const OPTIMIZERS = [
  { id: 'sgd' },
  { id: 'momentum' },
  { id: 'rmsprop' },
  { id: 'adam' },
];

const FAR = 1e6; // a coordinate beyond this counts as "flew off" (the engine's own limit too)

export function createSurface(ml) {
  return optimizerSurfaceBackend(ml);
}

function optimizerSurfaceBackend(ml) {
  const shared = new ml.OptimizerSurface();
  const live = new Set();
  let name = 'bowl';
  return {
    setFunction(n) { name = n; shared.setFunction(n); },
    info() { return { ...shared.info() }; },
    grid(x0, x1, y0, y1, nx, ny) { return shared.grid(x0, x1, y0, y1, nx, ny).slice(); },
    value(x, y) { return shared.value(x, y); },
    gradient(x, y) { return Array.from(shared.gradient(x, y)); },
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

// Every lowest point of the surface, for the rings on the map. info() names one; the saddle
// surface x² + y⁴/4 − y²/2 is even in y, so its mirror image (minX, −minY) is a second minimum —
// checked with the engine's own value rather than assumed.
export function minimaOf(surface, info) {
  const out = [[info.minX, info.minY]];
  if (Math.abs(info.minY) > 1e-9) {
    const mirror = surface.value(info.minX, -info.minY);
    if (Math.abs(mirror - info.minValue) <= 1e-9 * Math.max(1, Math.abs(info.minValue))) out.push([info.minX, -info.minY]);
  }
  return out;
}

// The Hessian of the loss at (x, y) by central differences of the engine's exact gradient
// (H_ij ≈ [g_i(p + h e_j) − g_i(p − h e_j)] / 2h, symmetrised), and its smallest eigenvalue with
// the matching unit eigenvector (closed form for a symmetric 2 × 2 matrix).
export function curvatureAt(gradient, x, y, h = 1e-4) {
  const [gxp, gyp] = gradient(x + h, y);
  const [gxm, gym] = gradient(x - h, y);
  const [gxq, gyq] = gradient(x, y + h);
  const [gxn, gyn] = gradient(x, y - h);
  const a = (gxp - gxm) / (2 * h);
  const d = (gyq - gyn) / (2 * h);
  const b = ((gyp - gym) + (gxq - gxn)) / (4 * h);
  const mean = (a + d) / 2;
  const radius = Math.hypot((a - d) / 2, b);
  const lowest = mean - radius;
  // (b, λ − a) solves (H − λI)v = 0 unless b = 0, when the axes are the eigenvectors.
  let v = Math.abs(b) > 1e-12 ? [b, lowest - a] : (a <= d ? [1, 0] : [0, 1]);
  const n = Math.hypot(v[0], v[1]) || 1;
  v = [v[0] / n, v[1] / n];
  return { hessian: [[a, b], [b, d]], lowest, direction: v };
}

// The state of one ball in words, from the engine's path (losses and points) alone:
//   { state, tone, text } with state one of waiting, diverged, overshooting, bottom, saddle,
//   bouncing (a zig-zag whose loss is no lower than at the start, or has read the same over the
//   last STALL_WINDOW steps), zigzag, crawling, stopped,
//   gliding. Its words come from t (the widget's ctx.t; English by default).
// "saddle": the ball has stalled (the loss moved by less than 0.1 % of the way down over the
// last STALL_WINDOW steps) well above the surface's minimum, next to a point where the gradient
// vanishes — the Newton step H⁻¹∇L is short and the engine's gradient at its end is ≈ 0 — and
// the Hessian there has a negative eigenvalue,
// so the surface still falls away in one direction: a saddle point, not a bottom.
export const STALL_WINDOW = 20;

export function describePath(racer, { minValue, maxSteps, eta, gradient = null, span = 1, t = english }) {
  const { losses, points, status } = racer;
  const n = losses.length;
  const steps = n - 1;
  const fmt = (v) => formatLoss(v);
  if (status === 'diverged') return { state: 'diverged', tone: 'bad', text: t('loss-surface.path.diverged', { steps, eta: formatShortNumber(eta) }) };
  if (steps === 0) return { state: 'waiting', tone: 'info', text: t('loss-surface.path.waiting') };
  const loss = losses[n - 1];
  const first = losses[0];
  const drop = Math.abs(first - minValue) > 1e-12 ? Math.abs(first - minValue) : 1;
  const left = (loss - minValue) / drop;
  let rises = 0;
  let flips = 0;
  for (let i = 1; i < n; i++) if (losses[i] > losses[i - 1] + 1e-12) rises += 1;
  for (let i = 2; i < n; i++) {
    const d1 = points[2 * (i - 1)] - points[2 * (i - 2)];
    const d2 = points[2 * i] - points[2 * (i - 1)];
    const e1 = points[2 * (i - 1) + 1] - points[2 * (i - 2) + 1];
    const e2 = points[2 * i + 1] - points[2 * (i - 1) + 1];
    if (d1 * d2 < 0 || e1 * e2 < 0) flips += 1;
  }
  if (rises > steps / 4 && loss > first) return { state: 'overshooting', tone: 'bad', text: t('loss-surface.path.overshooting', { first: fmt(first), loss: fmt(loss) }) };
  if (left < 0.001) {
    // The step on which it arrived, not the steps run so far.
    let arrived = steps;
    while (arrived > 1 && (losses[arrived - 1] - minValue) / drop < 0.001) arrived -= 1;
    return { state: 'bottom', tone: 'ok', arrived, text: t('loss-surface.path.bottom', { arrived, loss: fmt(loss) }) };
  }
  const saddle = gradient ? saddleNear(racer, { gradient, drop, left, span }) : null;
  if (saddle) {
    const along = Math.abs(saddle.direction[1]) > 0.9 ? t('loss-surface.path.along.y') : Math.abs(saddle.direction[0]) > 0.9 ? t('loss-surface.path.along.x') : t('loss-surface.path.along.diagonal');
    return { state: 'saddle', tone: 'warn', text: t('loss-surface.path.saddle', { steps, loss: fmt(loss), lowest: fmt(minValue), along }) };
  }
  if (flips > steps / 3 && steps > 4) {
    // A zig-zag gets lower only if its loss fell: at η = 1 on the saddle plain SGD jumps between
    // x = −1.5 and x = +1.5 (x ← (1 − 2η)x) and its loss stays the starting 2.25 for ever.
    if (!(loss < first - 1e-9 * Math.max(1, Math.abs(first)))) return { state: 'bouncing', tone: 'bad', text: t('loss-surface.path.bouncing', { first: fmt(first), loss: fmt(loss), eta: formatShortNumber(eta) }) };
    // A zig-zag whose loss fell at first and then stopped is not "still getting lower". Judged on
    // the loss as the readout shows it: the lowest shown over the last STALL_WINDOW steps is no
    // lower than the lowest shown over the STALL_WINDOW steps before. For plain SGD that is the
    // learning rate's doing: on the ravine at η = 0.4 the steep factor 1 − 5η is −1, so y jumps
    // between +2 and −2 for ever and the loss reads 10.000 step after step. Momentum and the
    // adaptive optimisers can stall for a while and then fall again, so for them it is said as seen.
    if (steps >= 2 * STALL_WINDOW && !fellLately(losses, fmt)) {
      if (racer.kind === 'sgd') return { state: 'bouncing', tone: 'bad', text: t('loss-surface.path.levelled', { window: STALL_WINDOW, loss: fmt(loss), lowest: fmt(minValue), eta: formatShortNumber(eta) }) };
      return { state: 'zigzag', tone: 'warn', text: t('loss-surface.path.zigzagLevel', { window: STALL_WINDOW, loss: fmt(loss) }) };
    }
    return { state: 'zigzag', tone: 'warn', text: t('loss-surface.path.zigzag', { loss: fmt(loss) }) };
  }
  if (steps >= maxSteps && left > 0.05) return { state: 'crawling', tone: 'warn', text: t('loss-surface.path.crawling', { steps, left: formatShortNumber(Math.round(left * 100)), eta: formatShortNumber(eta) }) };
  if (steps >= maxSteps) return { state: 'stopped', tone: 'info', text: t('loss-surface.path.stopped', { steps, loss: fmt(loss), lowest: fmt(minValue) }) };
  return { state: 'gliding', tone: 'info', text: t('loss-surface.path.gliding', { steps, loss: fmt(loss) }) };
}

// Whether the loss, as shown (fmt), got lower in the last STALL_WINDOW steps than in the ones before.
function fellLately(losses, fmt) {
  const n = losses.length;
  const lowestShown = (from, to) => Math.min(...losses.slice(from, to).map((v) => readShown(fmt(v))));
  return lowestShown(n - STALL_WINDOW, n) < lowestShown(n - 2 * STALL_WINDOW, n - STALL_WINDOW);
}

function saddleNear({ losses, points }, { gradient, drop, left, span }) {
  const n = losses.length;
  if (n <= STALL_WINDOW || left < 0.01) return null;
  const recent = losses.slice(n - 1 - STALL_WINDOW);
  if (Math.max(...recent) - Math.min(...recent) > 1e-3 * drop) return null;
  const x = points[2 * (n - 1)];
  const y = points[2 * (n - 1) + 1];
  const c = curvatureAt(gradient, x, y);
  if (!(c.lowest < -1e-6)) return null;
  // Newton step to the nearby stationary point: −H⁻¹∇L. Short means the ball sits at it.
  const [[a, b], [, d]] = c.hessian;
  const det = a * d - b * b;
  if (Math.abs(det) < 1e-12) return null;
  const [gx, gy] = gradient(x, y);
  const sx = (d * gx - b * gy) / det;
  const sy = (a * gy - b * gx) / det;
  if (Math.hypot(sx, sy) > 0.05 * span) return null;
  // The quadratic model can promise a stationary point that is not there (Rosenbrock's curved
  // valley): confirm with the engine's gradient at the promised point.
  const [hx, hy] = gradient(x - sx, y - sy);
  const [fx, fy] = gradient(points[0], points[1]);
  if (Math.hypot(hx, hy) > 1e-3 * Math.max(1, Math.hypot(fx, fy))) return null;
  return c;
}
