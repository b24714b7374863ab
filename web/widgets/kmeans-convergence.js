// Why k-means converges (Frontier lesson): the engine's KMeans runs Lloyd's algorithm one half-
// step at a time (assign, then update). The chart records the inertia after every half-step, so
// the learner sees that neither half can raise it. Centroids can be dragged (or moved with the
// keyboard) to start anywhere; "Try 20 starts" reruns from seeded random and k-means++ starts
// and plots the final inertias, exposing poor local minima.
import { mountWidget, attempt } from '../lib/widget.js';
import { Plot } from '../lib/plot.js';
import { button, buttonRow, fixed, quietWhileHeld, select, showOptions, slider } from '../lib/ui.js';
import { seedOption } from '../lib/schema.js';
import { clamp } from '../lib/arrays.js';
import { legend } from '../lib/legend.js';
import { pointsCsv, pointsFromState, pointsState } from '../lib/points-csv.js';
import { createPrediction } from '../lib/predict.js';
import { formatNumber } from '../lib/format.js';
import { messages } from './kmeans-convergence.messages.js';

export const schema = {
  k: { type: 'int', min: 2, max: 6, default: 4, description: 'Number of clusters.' },
  blobs: { type: 'int', min: 2, max: 6, default: 4, description: 'Number of blobs in the data.' },
  points: { type: 'int', min: 20, max: 400, default: 160, description: 'Number of points.' },
  spread: { type: 'number', min: 0.1, max: 1.5, default: 0.45, description: 'Standard deviation of each blob.' },
  init: { type: 'enum', values: ['random', 'k-means++'], default: 'random', description: 'How the starting centroids are chosen.' },
  seed: seedOption(5, 'Seed for the random or k-means++ start (the data are fixed).'),
};

export const meta = { title: messages['kmeans-convergence.title'], hint: messages['kmeans-convergence.hint'] };

const DOMAIN = [-4.5, 4.5, -4.5, 4.5];
const STARTS = 20;
const DATA_SEED = 7; // the data stay put while the seed slider changes only the start
// Own points from a CSV file: positions on the plot (a label column is ignored with a note), at
// least as many as the largest k.
export const CSV_RULES = { labels: 'none', domain: [DOMAIN[0], DOMAIN[1]], minPoints: 6, maxPoints: 1000 };

export function mount(element, options) {
  return mountWidget(element, options, { schema, meta, build, messages });
}

function build(ctx) {
  const { ml, card, options, t } = ctx;
  let opts = { ...options };
  const km = ctx.own(new ml.KMeans());
  const probe = ctx.own(new ml.KMeans());
  let data = null;
  let history = []; // { inertia, half: 'start' | 'assign' | 'update' }
  let starts = null; // { random: [...], plus: [...] }
  let selected = 0;
  let imported = null; // positions from a CSV file or a Share link, instead of the generated blobs
  let blobs = null; // centres of the generated blobs (the mean of each blob's points), or null for own points

  const plot = ctx.own(new Plot(card.stage, { aspect: 0.75, minHeight: 260, maxHeight: 440, label: t('kmeans-convergence.plot'), onResize: () => ctx.requestDraw(draw) }));
  plot.canvas.tabIndex = 0;
  plot.canvas.classList.add('dw-draggable');
  const chart = ctx.own(new Plot(card.stage, { aspect: 0.3, minHeight: 150, maxHeight: 210, label: t('kmeans-convergence.chart'), onResize: () => ctx.requestDraw(draw) }));
  quietWhileHeld(ctx, plot.canvas); // a held arrow key or a drag is said once, when let go
  chart.margin.top = 22; // room for the axis title above the top tick
  legend(card.stage, [{ text: t('kmeans-convergence.legend.assign'), swatch: 'dw-swatch dw-swatch-line-loss' }, { text: t('kmeans-convergence.legend.update'), swatch: 'dw-swatch dw-swatch-line-good' }, { text: t('kmeans-convergence.legend.starts'), swatch: 'dw-swatch dw-swatch-line-model' }]);

  const row = buttonRow(card.controls);
  const play = ctx.player(row, {
    reduced: () => { for (let i = 0; i < 8 && halfStep(); i++); },
    everyFrames: 30, // two half-steps a second
    tick: () => halfStep(),
  });
  button(row, t('kmeans-convergence.step'), () => { play.stop(); halfStep(); });
  button(row, t('kmeans-convergence.reset'), () => { play.stop(); restart(); });
  button(row, t('kmeans-convergence.tryStarts', { starts: STARTS }), () => { play.stop(); tryStarts(); });
  const initSelect = select(card.controls, {
    label: t('kmeans-convergence.select.init'), value: opts.init, options: [['random', t('kmeans-convergence.init.random')], ['k-means++', t('kmeans-convergence.init.plusplus')]],
    onChange: (v) => { play.stop(); opts.init = v; restart(); },
  });
  const sliders = {
    k: slider(card.controls, { label: t('kmeans-convergence.slider.k'), min: 2, max: 6, step: 1, value: opts.k, format: String, onInput: (v) => { play.stop(); opts.k = v; starts = null; prediction.reset(t('kmeans-convergence.predict.newK')); restart(); } }),
    spread: slider(card.controls, { label: t('kmeans-convergence.slider.spread'), min: 0.1, max: 1.5, step: 0.05, value: opts.spread, format: (v) => fixed(v, 2), onInput: (v) => { play.stop(); opts.spread = v; imported = null; loadData(); } }),
    seed: slider(card.controls, { label: t('kmeans-convergence.slider.seed'), min: 0, max: 50, step: 1, value: Math.min(opts.seed, 50), format: String, onInput: (v) => { play.stop(); opts.seed = v; restart(); } }),
  };
  pointsCsv(ctx, card.controls, {
    filename: 'kmeans-points.csv', rules: CSV_RULES,
    get: () => { const l = km.labels(); return { X: data.X, extra: l.length ? { name: 'cluster', values: Array.from(l) } : null }; },
    set: (parsed) => { play.stop(); imported = parsed.X; loadData(); },
  });
  const stat = { iter: card.stat(t('kmeans-convergence.stat.iterations')), inertia: card.stat(t('kmeans-convergence.stat.inertia')), changed: card.stat(t('kmeans-convergence.stat.changed')), best: card.stat(t('kmeans-convergence.stat.best', { starts: STARTS })) };

  // Predict, then check: with tighter blobs (spread 0.2), will more or fewer of the 20 random
  // starts stop above the best inertia? Committed after Try 20 starts at a wider spread, judged
  // from the engine's final inertias when the starts are tried again at spread ≤ 0.2.
  const TIGHT = 0.2;
  // The experiment is the way from the spread committed at down to 0.2, and the starts tried on
  // the way show the count moving (the lesson's blobs: 1 stuck at 0.45, 5 at 0.3, 6 at 0.25, 7 at
  // 0.2). So starts tried at a spread below the one a prediction is locked at are part of it: with
  // nothing committed (then the blobs widened again), or while committed before "Change my
  // prediction", they make the box practice.
  let lowestUncommitted = Infinity; // the smallest spread whose starts were tried with nothing committed
  let lowestCommitted = Infinity;   // the smallest spread whose starts were tried since the last commit
  let startBad = null;
  const badOf = (out) => { const best = Math.min(...out.random, ...out.plus); return out.random.filter((v) => v > best * 1.01 + 1e-9).length; };
  const prediction = createPrediction(ctx, {
    id: 'kmeans-tight-blobs',
    question: t('kmeans-convergence.predict.question', { spread: fixed(TIGHT, 2), starts: STARTS }),
    choices: ['fewer', 'same', 'more'].map((c) => [c, t(`kmeans-convergence.predict.${c}`)]),
    ready: () => {
      if (!(starts && opts.spread > TIGHT + 1e-9)) return t('kmeans-convergence.predict.ready', { starts: STARTS, spread: fixed(TIGHT, 2) });
      // Asked as the learner locks in: starts tried at a tighter spread are part of the way from
      // here (wider ones are not, so trying 0.9 and coming back to 0.45 is fine).
      if (opts.spread > lowestUncommitted + 1e-9) prediction.outcomeGlimpsed();
      return null;
    },
    onCommit: () => { startBad = { n: badOf(starts), spread: opts.spread }; lowestCommitted = opts.spread; },
    // Changed part-way down, the box has had the counts at tighter spreads on screen.
    onUnlock: () => {
      const lowest = lowestCommitted;
      const start = startBad ? startBad.spread : Infinity;
      lowestCommitted = Infinity;
      if (lowest <= TIGHT + 1e-9) prediction.outcomeSeen(t('kmeans-convergence.predict.seen', { starts: STARTS, spread: fixed(TIGHT, 2) }));
      else if (lowest < start - 1e-9) prediction.outcomeGlimpsed(t('kmeans-convergence.predict.glimpsed', { starts: STARTS, spread: fixed(lowest, 2) }));
    },
    next: t('kmeans-convergence.predict.next', { starts: STARTS, spread: fixed(TIGHT, 2) }),
  });
  function judgeTight() {
    if (!starts) return;
    if (prediction.pending === null) {
      lowestUncommitted = Math.min(lowestUncommitted, opts.spread);
      // The 20 starts at the tight spread shown with nothing committed: a prediction locked after
      // widening the blobs again could copy their count.
      if (opts.spread <= TIGHT + 1e-9) prediction.outcomeSeen(t('kmeans-convergence.predict.seen', { starts: STARTS, spread: fixed(TIGHT, 2) }));
      return;
    }
    lowestCommitted = Math.min(lowestCommitted, opts.spread);
    if (opts.spread > TIGHT + 1e-9) return;
    if (!startBad) return;
    const n = badOf(starts);
    const outcome = n === startBad.n ? 'same' : n < startBad.n ? 'fewer' : 'more';
    prediction.settle(outcome, t('kmeans-convergence.predict.why', { startSpread: fixed(startBad.spread, 2), startStuck: startBad.n, starts: STARTS, spread: fixed(opts.spread, 2), stuck: n, more: outcome === 'more' }));
    startBad = null;
  }

  function loadData() {
    attempt(card, () => {
      const d = imported ? { X: imported, y: { length: imported.length / 2 } } : ml.makeBlobs(opts.points, opts.blobs, opts.spread, DATA_SEED);
      data = { X: Float64Array.from(d.X), n: d.y.length };
      blobs = imported ? null : blobCentres(d.X, d.y, opts.blobs);
      km.setData(data.X, 2, []);
      probe.setData(data.X, 2, []);
    });
    starts = null;
    restart();
  }

  function restart() {
    attempt(card, () => {
      km.setK(opts.k);
      km.setInit(opts.init);
      km.reset(opts.seed);
    });
    history = [{ inertia: km.inertia(), half: 'start' }];
    selected = Math.min(selected, opts.k - 1);
    card.setMessage(t('kmeans-convergence.start', { k: opts.k, how: opts.init === 'random' ? t('kmeans-convergence.how.random') : t('kmeans-convergence.how.plusplus') }), 'info');
    render();
  }

  // Dragged or keyed centroids: start from exactly these. A key names the centroid it moved and
  // where it now is (a held key says it once, when let go: quietWhileHeld).
  function setStart(flat, keyed = -1) {
    attempt(card, () => km.setCentroids(flat));
    history = [{ inertia: km.inertia(), half: 'start' }];
    if (keyed >= 0) card.setMessage(`${describeCentroid(keyed)} ${t('kmeans-convergence.ownStart')}`, 'info');
    else card.setMessage(t('kmeans-convergence.ownStart'), 'info');
    render();
  }

  // Where the blobs are, and where a centroid is among them, in words for the keyboard and a
  // screen reader. A centroid is "in" a blob within 2.5 spreads of its centre (about 95% of a 2-D
  // Gaussian blob's points lie that close), else the nearest blob and its distance are given.
  function blobCentres(X, y, count) {
    const sum = Array.from({ length: count }, () => [0, 0, 0]);
    for (let i = 0; i < y.length; i++) { const b = sum[y[i]]; b[0] += X[2 * i]; b[1] += X[2 * i + 1]; b[2] += 1; }
    return sum.filter((b) => b[2] > 0).map(([x, yy, n]) => ({ x: x / n, y: yy / n }));
  }
  function blobOf(x, y) {
    let best = -1; let bestD = Infinity;
    blobs.forEach((b, i) => { const d = Math.hypot(b.x - x, b.y - y); if (d < bestD) { bestD = d; best = i; } });
    return { blob: best, distance: bestD, inside: bestD <= 2.5 * opts.spread };
  }
  function describeCentroid(j) {
    const c = km.centroids();
    const x = formatNumber(c[2 * j], 2);
    const y = formatNumber(c[2 * j + 1], 2);
    if (!blobs) return t('kmeans-convergence.centroid', { index: j + 1, x, y });
    const { blob, distance, inside } = blobOf(c[2 * j], c[2 * j + 1]);
    const centre = blobs[blob];
    const others = [];
    for (let m = 0; m < c.length / 2; m++) {
      if (m === j) continue;
      const o = blobOf(c[2 * m], c[2 * m + 1]);
      if (o.inside && o.blob === blob) others.push(m + 1);
    }
    return t('kmeans-convergence.centroidBlob', {
      index: j + 1, x, y, blob: blob + 1, bx: formatNumber(centre.x, 1), by: formatNumber(centre.y, 1),
      inside, distance: formatNumber(distance, 1), others: inside ? others.join(', ') : '',
    });
  }
  // On focus: the keys, where the blobs are and where every centroid is.
  function describeAll() {
    const parts = [t('kmeans-convergence.keys', { k: opts.k })];
    if (blobs) parts.push(t('kmeans-convergence.blobs', { count: blobs.length, centres: blobs.map((b) => `(${formatNumber(b.x, 1)}, ${formatNumber(b.y, 1)})`).join(', ') }));
    for (let j = 0; j < opts.k; j++) parts.push(describeCentroid(j));
    return parts.join(' ');
  }

  function halfStep() {
    if (km.status() === 'converged') { card.setMessage(t('kmeans-convergence.converged'), 'good'); return false; }
    let ok = true;
    if (km.awaitingUpdate()) {
      const before = history[history.length - 1].inertia;
      const after = attempt(card, () => km.updateStep());
      if (after === undefined) return false;
      history.push({ inertia: after, half: 'update' });
      card.setMessage(t('kmeans-convergence.update', { before: fixed(before, 3), after: fixed(after, 3) }), 'info');
    } else {
      const before = history[history.length - 1].inertia;
      const first = km.labels().length === 0; // no point had a cluster yet: each one simply joins its nearest centroid
      const changed = attempt(card, () => km.assignStep());
      if (changed === undefined) return false;
      stat.changed.set(fixed(changed, 0));
      if (km.status() === 'converged') {
        card.setMessage(t('kmeans-convergence.convergedAfter', { iterations: km.steps(), inertia: fixed(km.inertia(), 3) }), 'good');
        ok = false;
      } else {
        history.push({ inertia: km.inertia(), half: 'assign' });
        if (first) card.setMessage(t('kmeans-convergence.assignFirst', { inertia: fixed(km.inertia(), 3) }), 'info');
        else card.setMessage(t('kmeans-convergence.assign', { changed, before: fixed(before, 3), after: fixed(km.inertia(), 3) }), 'info');
      }
    }
    render();
    return ok;
  }

  function tryStarts() {
    const out = { random: [], plus: [] };
    attempt(card, () => {
      probe.setK(opts.k);
      for (const [init, list] of [['random', out.random], ['k-means++', out.plus]]) {
        probe.setInit(init);
        for (let s = 0; s < STARTS; s++) {
          probe.reset(s);
          probe.fit(300);
          list.push(probe.inertia());
        }
      }
    });
    starts = out;
    const best = Math.min(...out.random, ...out.plus);
    const near = (v) => v <= best * 1.01 + 1e-9;
    const badRandom = out.random.filter((v) => !near(v)).length;
    const badPlus = out.plus.filter((v) => !near(v)).length;
    card.setMessage(t('kmeans-convergence.starts', { starts: STARTS, badRandom, badPlus, best: fixed(best, 3) }), badRandom > badPlus ? 'warn' : 'info');
    render();
    judgeTight();
  }

  function render() {
    stat.iter.set(fixed(km.steps(), 0));
    stat.inertia.set(fixed(km.inertia(), 3));
    stat.best.set(starts ? fixed(Math.min(...starts.random, ...starts.plus), 3) : '–');
    ctx.requestDraw(draw);
  }

  function nearestCentroid(p) {
    const c = km.centroids();
    let best = -1; let bestD = Infinity;
    for (let j = 0; j < c.length / 2; j++) {
      const dx = plot.px(c[2 * j]) - plot.px(p.x);
      const dy = plot.py(c[2 * j + 1]) - plot.py(p.y);
      const d = Math.hypot(dx, dy);
      if (d < bestD) { bestD = d; best = j; }
    }
    return bestD < 24 ? best : -1;
  }
  function moveCentroid(j, x, y, keyed = false) {
    const c = Float64Array.from(km.centroids());
    c[2 * j] = clamp(x, DOMAIN[0], DOMAIN[1]);
    c[2 * j + 1] = clamp(y, DOMAIN[2], DOMAIN[3]);
    setStart(c, keyed ? j : -1);
  }
  // Drag a centroid, or select one with keys 1–6 and move it with the arrows (0.1 a press, 1 with
  // Shift: drag.js gives ±1, ±10); Enter or Space runs a half-step; Escape stops playing.
  const drag = ctx.drag(plot, {
    hit: (pos) => { const j = nearestCentroid(pos); return j < 0 ? null : j; },
    grab: (j) => { play.stop(); selected = j; plot.canvas.classList.add('dw-dragging'); },
    moveOnPress: false,
    move: (p, j) => moveCentroid(j, p.x, p.y),
    release: () => plot.canvas.classList.remove('dw-dragging'),
    key: (dx, dy) => {
      play.stop();
      const c = km.centroids();
      moveCentroid(selected, c[2 * selected] + dx * 0.1, c[2 * selected + 1] + dy * 0.1, true);
    },
    enter: () => { play.stop(); halfStep(); },
    escape: () => play.stop(),
    otherKey: (e) => {
      if (/^[1-6]$/.test(e.key) && Number(e.key) <= opts.k) {
        selected = Number(e.key) - 1;
        card.setMessage(t('kmeans-convergence.picked', { centroid: describeCentroid(selected) }), 'info');
        ctx.requestDraw(draw);
        e.preventDefault();
      }
    },
    onFocusChange: (on) => {
      if (on) card.setMessage(describeAll(), 'info');
      ctx.requestDraw(draw);
    },
  });

  function clusterColor(th, j) { return [th.class0, th.class1, th.class2][j % 3]; }

  function draw() {
    if (!data) return;
    const th = plot.theme;
    plot.setDomain(...DOMAIN);
    const ctx = plot.begin();
    plot.axes({ xLabel: t('kmeans-convergence.axis.x'), yLabel: t('kmeans-convergence.axis.y') });
    const labels = km.labels();
    const cent = km.centroids();
    plot.clipToArea(() => {
      for (let i = 0; i < data.n; i++) {
        const l = labels.length ? labels[i] : -1;
        if (l < 0) {
          ctx.beginPath(); ctx.arc(plot.px(data.X[2 * i]), plot.py(data.X[2 * i + 1]), 3, 0, Math.PI * 2);
          ctx.fillStyle = th.textMuted; ctx.fill();
        } else {
          plot.point(data.X[2 * i], data.X[2 * i + 1], l % 3, { size: 4, hollow: l >= 3 });
        }
      }
      const focused = drag.keyboardFocused; // not after a click (drag.js)
      for (let j = 0; j < cent.length / 2; j++) {
        plot.handle(cent[2 * j], cent[2 * j + 1], { focused: focused && j === selected, color: labels.length ? clusterColor(th, j) : th.model });
        plot.text(cent[2 * j], cent[2 * j + 1], String(j + 1), { weight: 700, size: 11 });
      }
    });

    // Inertia after every half-step, plus the final inertias of the seeded starts on the right.
    const vals = history.map((h) => h.inertia);
    const all = vals.concat(starts ? [...starts.random, ...starts.plus] : []).filter(Number.isFinite);
    const hi = Math.max(1e-9, ...all) * 1.08;
    const lo = Math.max(0, Math.min(...all) * 0.9);
    const n = Math.max(8, history.length + (starts ? 3 : 0));
    chart.setDomain(0, n, lo, hi);
    chart.begin();
    chart.axes({ xLabel: t('kmeans-convergence.chart.x'), yLabel: t('kmeans-convergence.chart.y'), xTicks: 6, yTicks: 3 });
    chart.clipToArea((c) => {
      chart.path(history.map((_, i) => i), vals, { color: th.model, width: 1.5 });
      history.forEach((h, i) => {
        c.beginPath(); c.arc(chart.px(i), chart.py(h.inertia), 4, 0, Math.PI * 2);
        c.fillStyle = h.half === 'assign' ? th.loss : h.half === 'update' ? th.good : th.model; c.fill();
      });
      if (starts) {
        const x = n - 1.5;
        starts.random.forEach((v, s) => chart.point(x - 0.5 + (s % 5) * 0.06, v, 0, { size: 4, hollow: true }));
        starts.plus.forEach((v, s) => chart.point(x + 0.5 + (s % 5) * 0.06, v, 1, { size: 4, hollow: true }));
      }
    });
  }

  loadData();

  return {
    update(next) {
      play.stop();
      const dataChanged = ['blobs', 'points', 'spread'].some((key) => next[key] !== opts[key]);
      opts = { ...next };
      prediction.reset(t('kmeans-convergence.predict.changed'));
      showOptions({ init: initSelect, k: sliders.k, spread: sliders.spread }, opts);
      sliders.seed.set(Math.min(opts.seed, 50));
      if (dataChanged) { imported = null; loadData(); } else restart();
    },
    // Shared by a link: the settings changed with the card's own controls, and imported points.
    currentOptions() { return { k: opts.k, spread: opts.spread, seed: opts.seed, init: opts.init }; },
    state: {
      get() { return imported ? pointsState(imported) : null; },
      set(value) {
        const points = pointsFromState(value, CSV_RULES);
        play.stop();
        imported = points.X;
        loadData();
      },
    },
  };
}
