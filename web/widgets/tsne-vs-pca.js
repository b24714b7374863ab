// t-SNE versus PCA (seed 002): the same 5-dimensional points drawn in 2-D twice — by PCA, a
// fixed linear projection onto the two directions of largest variance, and by t-SNE, which
// moves the points step by step (one engine step per frame) until neighbours in 5-D are
// neighbours on screen. Colours are the generator's groups, which neither method is shown.
import { mountWidget, attempt } from '../lib/widget.js';
import { Plot } from '../lib/plot.js';
import { button, buttonRow, el, fixed, select, showOptions, slider } from '../lib/ui.js';
import { seedOption, nextSeed } from '../lib/schema.js';
import { formatNumber, formatPercent } from '../lib/format.js';
import { createPrediction } from '../lib/predict.js';
import { messages } from './tsne-vs-pca.messages.js';

export const schema = {
  data: { type: 'enum', values: ['moons', 'circles', 'blobs'], default: 'circles', description: 'Base shape, lifted into 5-D as (x₁, x₂, x₁², x₂², x₁x₂).' },
  points: { type: 'int', min: 30, max: 300, default: 150, description: 'How many points (t-SNE cost grows with the square).' },
  perplexity: { type: 'number', min: 2, max: 50, default: 20, description: 't-SNE perplexity: roughly how many neighbours each point keeps.' },
  seed: seedOption(2, 'Seed for the points and the t-SNE start.'),
};

export const meta = { title: messages['tsne-vs-pca.title'], hint: messages['tsne-vs-pca.hint'] };

// The 5 features each 2-D point is lifted to; computed by the engine's featureTransform.
const LIFT = ['x1', 'x2', 'x1^2', 'x2^2', 'x1x2'];
const MAX_STEPS = 1000;

export function mount(element, options) {
  return mountWidget(element, options, { schema, meta, build, messages });
}

function build(ctx) {
  const { ml, card, options, t } = ctx;
  let opts = { ...options };
  const pca = ctx.own(new ml.PCA());
  const tsne = ctx.own(new ml.TSNE());
  // The learner's perplexity before the first points: the engine's own default (30) refused the
  // schema's smallest data set (30 points) before restartTsne could set it.
  tsne.setPerplexity(opts.perplexity);
  let labels = [];
  let pcaXY = new Float64Array(0);
  let view = null; // smoothed t-SNE domain so the picture does not jump every frame

  const pair = el('div', { className: 'dw-pair' });
  const left = el('div', { className: 'dw-panel' }, [el('p', { className: 'dw-panel-title', text: t('tsne-vs-pca.pcaHeading') })]);
  const right = el('div', { className: 'dw-panel' }, [el('p', { className: 'dw-panel-title', text: t('tsne-vs-pca.tsneHeading') })]);
  pair.append(left, right);
  card.stage.append(pair);
  const pcaPlot = ctx.own(new Plot(left, { aspect: 0.85, minHeight: 220, maxHeight: 380, label: t('tsne-vs-pca.pcaPlot'), onResize: () => ctx.requestDraw(draw) }));
  const tsnePlot = ctx.own(new Plot(right, { aspect: 0.85, minHeight: 220, maxHeight: 380, label: t('tsne-vs-pca.tsnePlot'), onResize: () => ctx.requestDraw(draw) }));
  const pcaNote = el('p', { className: 'dw-panel-note' });
  const tsneNote = el('p', { className: 'dw-panel-note' });
  left.append(pcaNote);
  right.append(tsneNote);
  const lossPlot = ctx.own(new Plot(card.stage, { aspect: 0.2, minHeight: 110, maxHeight: 150, label: t('tsne-vs-pca.lossPlot'), onResize: () => ctx.requestDraw(draw) }));

  const buttons = buttonRow(card.controls);
  const play = ctx.player(buttons, {
    reduced: () => steps(50),
    // One t-SNE step per frame: at 300 points a step takes a few milliseconds.
    tick: () => { steps(1); return tsne.status() !== 'converged'; },
  });
  button(buttons, t('tsne-vs-pca.step'), () => { play.stop(); steps(1); });
  button(buttons, t('tsne-vs-pca.reset'), () => { play.stop(); restartTsne(); });
  button(buttons, t('tsne-vs-pca.newPoints'), () => { play.stop(); opts.seed = nextSeed(opts.seed); loadData(); });
  const dataSelect = select(card.controls, { label: t('tsne-vs-pca.select.data'), value: opts.data, options: ['circles', 'moons', 'blobs'].map((id) => [id, t(`tsne-vs-pca.data.${id}`)]), onChange: (v) => { play.stop(); opts.data = v; loadData(); } });
  const sliders = {
    points: slider(card.controls, { label: t('tsne-vs-pca.slider.points'), min: 30, max: 300, step: 10, value: opts.points, format: (v) => formatNumber(v, 0), onInput: (v) => { play.stop(); opts.points = v; loadData(); } }),
    perplexity: slider(card.controls, { label: t('tsne-vs-pca.slider.perplexity'), min: 2, max: 50, step: 1, value: opts.perplexity, format: (v) => formatNumber(v, 0), onInput: (v) => { play.stop(); opts.perplexity = v; restartTsne(); } }),
  };

  const statStep = card.stat(t('tsne-vs-pca.stat.step'));
  const statKl = card.stat(t('tsne-vs-pca.stat.kl'));
  const statVar = card.stat(t('tsne-vs-pca.stat.variance'));

  // Predict, then check: what does the KL readout do while early exaggeration is on? Judged from
  // the engine's loss at step 0 and at step 250, when the exaggeration ends.
  const EARLY = 250;
  // The settings the box judges at: the data, points and perplexity the widget was opened with (the
  // lesson's ring and disc, 150 points, perplexity 20, where the readout rises and the lesson's
  // reveal says so). The direction depends on them: at perplexity 2, on the moons, or with 300
  // points of the ring and disc it falls, and on the blobs it stays level. A run at other settings
  // (the lesson's "Things to try" change all three) is another experiment: it neither settles the
  // box nor shows its answer. Compared as the controls show them (whole points and perplexity).
  let judgedAt = { data: opts.data, points: opts.points, perplexity: opts.perplexity };
  let klAtStart = NaN; // the loss of the current run at step 0
  let runShown = false; // steps of a run at the judged settings have been on screen since the prediction was locked
  let boxSaysOff = ''; // the settings the locked box last said were changed ('' = none)
  const shownSetting = { data: (v) => v, points: (v) => formatNumber(v, 0), perplexity: (v) => formatNumber(v, 0) };
  function changedSettings() {
    return Object.keys(shownSetting).filter((k) => shownSetting[k](opts[k]) !== shownSetting[k](judgedAt[k]));
  }
  // What the box is about, and which controls to set back to reach it, in words.
  function offSettingsMessage() {
    const about = { data: t(`tsne-vs-pca.data.${judgedAt.data}`), points: formatNumber(judgedAt.points, 0), perplexity: formatNumber(judgedAt.perplexity, 0) };
    const settings = t('tsne-vs-pca.predict.settings', { data: about.data, points: about.points, perplexity: about.perplexity });
    const fixes = changedSettings().map((k) => t(`tsne-vs-pca.predict.setBack.${k}`, { data: about.data, points: about.points, perplexity: about.perplexity })).join(' ');
    return t('tsne-vs-pca.predict.offSettings', { settings, fixes, steps: EARLY });
  }
  const prediction = createPrediction(ctx, {
    id: 'tsne-early-exaggeration',
    question: t('tsne-vs-pca.predict.question', { steps: EARLY }),
    choices: ['fall', 'flat', 'rise'].map((id) => [id, t(`tsne-vs-pca.predict.${id}`)]),
    ready: () => (tsne.steps() === 0 ? null : t('tsne-vs-pca.predict.resetFirst')),
    onCommit: () => { runShown = false; boxSaysOff = changedSettings().join(); },
    // Changed part-way (the readout's direction on screen), then Reset and locked again, the
    // prediction could follow what it saw.
    progress: () => runShown,
    next: () => (changedSettings().length ? offSettingsMessage() : t('tsne-vs-pca.predict.next', { steps: EARLY })),
  });
  function judgeEarly(kl) {
    if (tsne.steps() === 0) klAtStart = kl;
    const changed = changedSettings().join();
    // A locked box whose settings were moved away or back (each change restarts t-SNE) says so at once.
    if (prediction.pending !== null && changed !== boxSaysOff) {
      boxSaysOff = changed;
      prediction.note(changed ? offSettingsMessage() : t('tsne-vs-pca.predict.backOn', { steps: EARLY }));
    }
    if (changed) return;
    // The readout moves from the first step: a prediction locked after a run has begun (then
    // reset, as the box asks) could copy the direction it saw.
    if (tsne.steps() > 0 && prediction.pending === null) { prediction.outcomeSeen(t('tsne-vs-pca.predict.seen')); return; }
    if (tsne.steps() > 0) runShown = true;
    if (prediction.pending === null || tsne.steps() < EARLY || !Number.isFinite(klAtStart)) return;
    const ratio = kl / klAtStart;
    const outcome = ratio > 1.05 ? 'rise' : ratio < 0.95 ? 'fall' : 'flat';
    prediction.settle(outcome, t(`tsne-vs-pca.predict.why.${outcome}`, { from: fixed(klAtStart, 2), to: fixed(kl, 2), step: formatNumber(tsne.steps(), 0) }));
  }

  function loadData() {
    const ok = attempt(card, () => {
      if (opts.perplexity >= opts.points) throw new Error(t('tsne-vs-pca.perplexityTooHigh', { perplexity: opts.perplexity, points: opts.points }));
      const base = opts.data === 'moons' ? ml.makeMoons(opts.points, 0.06, opts.seed)
        : opts.data === 'blobs' ? ml.makeBlobs(opts.points, 3, 0.5, opts.seed)
          : ml.makeCircles(opts.points, 0.05, 0.4, opts.seed);
      labels = Array.from(base.y);
      const lifted = ml.featureTransform(base.X, LIFT);
      pca.setComponents(2);
      pca.setData(lifted.X, lifted.cols, []);
      pcaXY = pca.transform(lifted.X);
      tsne.setMaxIterations(MAX_STEPS);
      tsne.setData(lifted.X, lifted.cols, []);
      return true;
    }, false);
    if (ok) restartTsne();
  }

  function restartTsne() {
    const ok = attempt(card, () => {
      if (opts.perplexity >= opts.points) throw new Error(t('tsne-vs-pca.perplexityTooHigh', { perplexity: opts.perplexity, points: opts.points }));
      tsne.setPerplexity(opts.perplexity);
      tsne.reset(opts.seed);
      return true;
    }, false);
    view = null;
    if (ok) card.setMessage(t('tsne-vs-pca.start'), 'info');
    render();
  }

  function steps(n) {
    if (tsne.status() === 'converged') { card.setMessage(t('tsne-vs-pca.finished', { steps: formatNumber(tsne.steps(), 0) }), 'ok'); return; }
    attempt(card, () => { for (let i = 0; i < n && tsne.status() !== 'converged'; i++) tsne.step(); });
    describe();
    render();
  }

  function describe() {
    const s = tsne.steps();
    if (tsne.status() === 'converged') card.setMessage(t('tsne-vs-pca.done', { steps: formatNumber(s, 0) }), 'ok');
    else if (s < 250) card.setMessage(t('tsne-vs-pca.early', { factor: fixed(tsne.exaggeration(), 0) }), 'info');
    else card.setMessage(t('tsne-vs-pca.fineTuning'), 'info');
  }

  function render() {
    const ratio = attempt(card, () => pca.explainedVarianceRatio(), new Float64Array(0));
    const kept = ratio.length >= 2 ? ratio[0] + ratio[1] : NaN;
    const kl = attempt(card, () => tsne.loss(), NaN);
    statStep.set(formatNumber(tsne.steps(), 0));
    statKl.set(fixed(kl, 3));
    judgeEarly(kl);
    statVar.set(formatPercent(kept, 1));
    pcaNote.textContent = ratio.length >= 2 ? t('tsne-vs-pca.pcaNote', { first: formatPercent(ratio[0], 1), second: formatPercent(ratio[1], 1) }) : '';
    tsneNote.textContent = t('tsne-vs-pca.tsneNote', { perplexity: formatNumber(opts.perplexity, 0), step: formatNumber(tsne.steps(), 0), kl: fixed(kl, 3) });
    tsnePlot.canvas.setAttribute('aria-label', t('tsne-vs-pca.figure', { steps: formatNumber(tsne.steps(), 0), kl: fixed(kl, 3) }));
    ctx.requestDraw(draw);
  }

  function extent(xy) {
    let x0 = Infinity; let x1 = -Infinity; let y0 = Infinity; let y1 = -Infinity;
    for (let i = 0; i < xy.length; i += 2) {
      x0 = Math.min(x0, xy[i]); x1 = Math.max(x1, xy[i]);
      y0 = Math.min(y0, xy[i + 1]); y1 = Math.max(y1, xy[i + 1]);
    }
    const cx = (x0 + x1) / 2; const cy = (y0 + y1) / 2;
    const half = Math.max(x1 - x0, y1 - y0, 1e-6) * 0.56;
    return [cx - half, cx + half, cy - half, cy + half];
  }

  function scatter(plot, xy, domain) {
    plot.setDomain(...domain);
    plot.begin();
    plot.axes({ xTicks: 4, yTicks: 4 });
    plot.clipToArea(() => {
      for (let i = 0; i < labels.length; i++) {
        if (Number.isFinite(xy[2 * i]) && Number.isFinite(xy[2 * i + 1])) plot.point(xy[2 * i], xy[2 * i + 1], labels[i] % 3, { size: 3.5 });
      }
    });
  }

  function draw() {
    if (!labels.length) return;
    scatter(pcaPlot, pcaXY, extent(pcaXY));
    const emb = tsne.embedding();
    const target = extent(emb);
    // Ease the view towards the embedding's extent (only the framing is smoothed, not the data).
    view = view ? view.map((v, i) => v + (target[i] - v) * 0.2) : target;
    scatter(tsnePlot, emb, view);
    const loss = ml.trace(tsne).column('loss');
    const finite = Array.from(loss).filter(Number.isFinite);
    lossPlot.setDomain(0, Math.max(50, loss.length - 1), 0, Math.max(0.1, ...finite) * 1.05);
    lossPlot.begin();
    lossPlot.axes({ xLabel: t('tsne-vs-pca.lossAxis.x'), yLabel: t('tsne-vs-pca.lossAxis.y'), xTicks: 5, yTicks: 2 });
    lossPlot.clipToArea(() => lossPlot.path(Array.from(loss, (_, i) => i), Array.from(loss), { color: lossPlot.theme.loss }));
    if (play.playing && view.some((v, i) => Math.abs(v - target[i]) > 1e-3)) ctx.requestDraw(draw);
  }

  loadData();

  return {
    update(next) {
      play.stop();
      opts = { ...next };
      // An embedder's new settings are the ones the box is about from now on.
      judgedAt = { data: opts.data, points: opts.points, perplexity: opts.perplexity };
      showOptions({ ...sliders, data: dataSelect }, opts);
      loadData();
    },
  };
}
