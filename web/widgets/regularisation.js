// "Regularisation smooths the fit" (seed 001, level 3): a degree-9 polynomial on a few noisy
// points, a penalty strength λ on a log scale and an L2 (ridge) / L1 (lasso) switch. The engine's
// PolynomialRegression.solve() finds the penalised optimum; the weight bars are its coefficients,
// the errors its meanSquaredError on the training points and on the clean hidden curve.
import { mountWidget, attempt } from '../lib/widget.js';
import { Plot } from '../lib/plot.js';
import { el, segmented, slider } from '../lib/ui.js';
import { formatNumber, formatShort } from '../lib/format.js';
import { seedOption } from '../lib/schema.js';
import { legend } from '../lib/legend.js';
import { createPrediction } from '../lib/predict.js';
import { messages } from './regularisation.messages.js';

export const schema = {
  seed: seedOption(3, 'Random seed for the noisy points.'),
  points: { type: 'int', min: 10, max: 60, default: 12, description: 'How many noisy training points.' },
  noise: { type: 'number', min: 0.05, max: 1, default: 0.3, description: 'Standard deviation of the noise.' },
  degree: { type: 'int', min: 3, max: 15, default: 9, description: 'Polynomial degree.' },
  penalty: { type: 'enum', values: ['l2', 'l1'], default: 'l2', description: 'L2 (ridge) or L1 (lasso) penalty.' },
  lambda: { type: 'number', min: 1e-7, max: 10, default: 1e-7, description: 'Starting penalty strength λ.' },
};

export const meta = { title: messages['regularisation.title'], hint: messages['regularisation.hint'] };

const CURVE_POINTS = 240;
const LAMBDA_MIN = 1e-7;
const LAMBDA_MAX = 10;
const SCAN = 29; // λ values scanned (log-spaced) to find the best on the hidden curve

export function mount(element, options) {
  return mountWidget(element, options, { schema, meta, build, messages });
}

function build(ctx) {
  const { ml, card, options, t } = ctx;
  let opts = { ...options };
  const poly = ctx.own(new ml.PolynomialRegression());
  let data = null;
  let truth = null;
  let lambda = opts.lambda;
  let penalty = opts.penalty;
  let fit = null;       // { curve, coef, trainMse, testMse }
  let plain = null;     // the unpenalised curve, drawn faintly for comparison
  let best = null;      // { lambda, testMse } from the scan

  const fitPlot = ctx.own(new Plot(card.stage, { aspect: 0.5, minHeight: 220, maxHeight: 380, label: t('regularisation.plot'), onResize: () => ctx.requestDraw(draw) }));
  legend(card.stage, [{ text: t('regularisation.legend.fit'), swatch: 'dw-line-key dw-line-fit' }, { text: t('regularisation.legend.plain'), swatch: 'dw-line-key dw-line-faint' }, { text: t('regularisation.legend.truth'), swatch: 'dw-line-key dw-line-truth' }]);
  const barTitle = el('p', { className: 'dw-panel-title' });
  card.stage.append(barTitle);
  const barPlot = ctx.own(new Plot(card.stage, { aspect: 0.28, minHeight: 150, maxHeight: 220, label: t('regularisation.bars'), onResize: () => ctx.requestDraw(draw) }));

  const lambdaSlider = slider(card.controls, { label: t('regularisation.slider.lambda'), min: LAMBDA_MIN, max: LAMBDA_MAX, step: 0.05, scale: 'log', value: lambda, format: formatLambda, onInput: (v) => { lambda = v; refit(); } });
  const penaltyToggle = segmented(card.controls, {
    label: t('regularisation.penalty'),
    options: [['l2', t('regularisation.penalty.l2')], ['l1', t('regularisation.penalty.l1')]],
    value: penalty,
    onChange: (v) => { penalty = v; scan(); refit(); judgeSwitch(); },
  });

  const statTrain = card.stat(t('regularisation.stat.train'));
  const statTest = card.stat(t('regularisation.stat.test'));
  const statNorm = card.stat(t('regularisation.stat.size'));
  const statZero = card.stat(t('regularisation.stat.zeros'));

  // Predict, then check: at the λ on the slider, how many weights does switching L2 → L1 set to
  // exactly zero? Judged from the engine's lasso coefficients right after the switch.
  const prediction = createPrediction(ctx, {
    id: 'regularisation-l1-zeros',
    question: t('regularisation.predict.question'),
    choices: ['none', 'some', 'all'].map((c) => [c, t(`regularisation.predict.${c}`)]),
    ready: () => (penalty === 'l2' ? null : t('regularisation.predict.ready')),
    next: t('regularisation.predict.next'),
  });
  function judgeSwitch() {
    if (penalty !== 'l1' || !fit) return;
    // L1's weight bars are on screen: a prediction made after them could copy them.
    if (prediction.pending === null) { prediction.outcomeSeen(t('regularisation.predict.seen')); return; }
    const w = Array.from(fit.coef.subarray(1));
    const zeros = w.filter((v) => v === 0).length;
    const outcome = zeros === 0 ? 'none' : zeros === w.length ? 'all' : 'some';
    prediction.settle(outcome, t('regularisation.predict.why', { lambda: lambdaIs(lambda), zeros, n: w.length }));
  }

  function formatLambda(v) {
    if (v <= LAMBDA_MIN * 1.001) return '≈ 0';
    return formatShort(v, 2); // "0.0013", "2.5", below 0.001 "5 × 10⁻⁶"
  }
  // λ in a sentence: "λ = 0.0013", and at the slider's bottom "λ ≈ 0" (never "λ = ≈ 0").
  const lambdaIs = (v) => t('regularisation.lambdaIs', { value: formatShort(v, 2), tiny: v <= LAMBDA_MIN * 1.001 });

  function solveAt(lam) {
    poly.setPenalty(penalty);
    poly.setLambda(lam);
    poly.solve();
    return {
      curve: poly.curve(0, (2 * Math.PI), CURVE_POINTS).slice(),
      coef: poly.coefficients(),
      trainMse: ml.meanSquaredError(data.y, poly.predict(data.X).slice()),
      testMse: ml.meanSquaredError(truth.y, poly.predict(truth.X).slice()),
    };
  }

  function load() {
    const ok = attempt(card, () => {
      data = ml.makeNoisySin(opts.points, opts.noise, opts.seed);
      truth = ml.makeNoisySin(CURVE_POINTS, 0, opts.seed);
      poly.setDegree(opts.degree);
      poly.setData(data.X, 1, data.y);
      poly.setPenalty('none');
      poly.solve();
      plain = poly.curve(0, (2 * Math.PI), CURVE_POINTS).slice();
      return true;
    }, false);
    if (!ok) { data = null; return; }
    barTitle.textContent = t('regularisation.bars.title', { degree: opts.degree });
    scan();
    refit();
  }

  // The λ with the lowest error against the hidden curve, for the message (an oracle the
  // learner never has in practice; validation data plays this part in real work).
  function scan() {
    best = attempt(card, () => {
      let b = null;
      for (let i = 0; i < SCAN; i++) {
        const lam = 10 ** (Math.log10(LAMBDA_MIN) + (i * (Math.log10(LAMBDA_MAX) - Math.log10(LAMBDA_MIN))) / (SCAN - 1));
        const r = solveAt(lam);
        if (!b || r.testMse < b.testMse) b = { lambda: lam, testMse: r.testMse };
      }
      return b;
    }, null);
  }

  function refit() {
    if (!data) return;
    const r = attempt(card, () => solveAt(lambda), null);
    if (!r) return;
    fit = r;
    const w = Array.from(fit.coef.subarray(1));
    const size = attempt(card, () => (penalty === 'l2' ? ml.meanSquaredError(w, w.map(() => 0)) * w.length : ml.meanAbsoluteError(w, w.map(() => 0)) * w.length), NaN);
    const zeros = w.filter((v) => v === 0).length;
    statTrain.set(formatNumber(fit.trainMse, 3));
    statTest.set(formatNumber(fit.testMse, 3));
    statNorm.set(t(`regularisation.size.${penalty}`, { size: formatNumber(size, size >= 100 ? 0 : 2) }));
    statZero.set(t('regularisation.zeros', { zeros, n: w.length }));
    const bestText = best ? t('regularisation.best', { mse: formatNumber(best.testMse, 3), lambda: lambdaIs(best.lambda) }) : '';
    if (lambda <= LAMBDA_MIN * 1.001) card.setMessage(t('regularisation.none', { degree: opts.degree, train: formatNumber(fit.trainMse, 3), test: formatNumber(fit.testMse, 3), best: bestText }), 'warn');
    else if (best && fit.testMse <= best.testMse * 1.15) card.setMessage(t('regularisation.balanced', { test: formatNumber(fit.testMse, 3), l1: penalty === 'l1', zeros, n: w.length }), 'ok');
    else if (best && lambda > best.lambda) card.setMessage(t('regularisation.tooMuch', { test: formatNumber(fit.testMse, 3), best: bestText }), 'warn');
    else card.setMessage(t('regularisation.some', { test: formatNumber(fit.testMse, 3), train: formatNumber(fit.trainMse, 3), best: bestText }), 'info');
    fitPlot.canvas.setAttribute('aria-label', t('regularisation.figure', { degree: opts.degree, penalty: t(`regularisation.name.${penalty}`), lambda: lambdaIs(lambda), train: formatNumber(fit.trainMse, 3), test: formatNumber(fit.testMse, 3) }));
    barPlot.canvas.setAttribute('aria-label', t('regularisation.bars.figure', { weights: w.map((v) => formatNumber(v, 2)).join(', ') }));
    ctx.requestDraw(draw);
  }

  function draw() {
    if (!data || !fit) return;
    const th = fitPlot.theme;
    fitPlot.setDomain(-0.2, (2 * Math.PI) + 0.2, -2.2, 2.2);
    fitPlot.begin();
    fitPlot.axes({ xLabel: t('regularisation.axis.x'), yLabel: t('regularisation.axis.y'), xTicks: 6, yTicks: 4 });
    const xs = Array.from(truth.X);
    fitPlot.clipToArea((c) => {
      fitPlot.path(xs, Array.from(truth.y), { color: th.truth, dash: [6, 4], width: 2 });
      c.save();
      c.globalAlpha = 0.35;
      fitPlot.path(xs, Array.from(plain), { color: th.truth, width: 1.5 });
      c.restore();
      fitPlot.path(xs, Array.from(fit.curve), { color: th.model, width: 2.5 });
      for (let i = 0; i < data.rows; i++) fitPlot.point(data.X[i], data.y[i], 1, { size: 4.5 });
    });

    // Signed bars: one per weight, the scale fixed by the largest |w| (shown in the label).
    const w = Array.from(fit.coef.subarray(1));
    const maxAbs = Math.max(...w.map(Math.abs));
    let top = 1; // every weight exactly 0 (strong L1): keep a readable unit scale
    if (maxAbs > 1e-6) {
      const nice = 10 ** Math.ceil(Math.log10(maxAbs * 1.05));
      top = [1, 2, 5, 10].map((m) => (m * nice) / 10).find((v) => v >= maxAbs * 1.05) || nice;
    }
    barPlot.setDomain(0, w.length, -top, top);
    const c = barPlot.begin();
    c.font = `11px ${th.mono}`;
    c.textAlign = 'right';
    c.textBaseline = 'middle';
    for (const v of [-top, 0, top]) {
      const Y = Math.round(barPlot.py(v)) + 0.5;
      c.strokeStyle = v === 0 ? th.truth : th.gridLine;
      c.lineWidth = 1;
      c.beginPath(); c.moveTo(barPlot.margin.left, Y); c.lineTo(barPlot.width - barPlot.margin.right, Y); c.stroke();
      c.fillStyle = th.textMuted;
      c.fillText(formatShort(v, 3), barPlot.margin.left - 6, Y);
    }
    const slot = (barPlot.px(1) - barPlot.px(0));
    for (let j = 0; j < w.length; j++) {
      const xa = barPlot.px(j) + slot * 0.2;
      const y0 = barPlot.py(0);
      const y1 = barPlot.py(w[j]);
      c.fillStyle = w[j] === 0 ? th.truth : th.model;
      c.fillRect(xa, Math.min(y0, y1), slot * 0.6, Math.max(1, Math.abs(y1 - y0)));
      c.fillStyle = th.textMuted;
      c.font = `11px ${th.mono}`;
      c.textAlign = 'center';
      c.textBaseline = 'top';
      c.fillText(w[j] === 0 ? t('regularisation.bar.zero', { j: j + 1 }) : t('regularisation.bar', { j: j + 1 }), xa + slot * 0.3, barPlot.height - barPlot.margin.bottom + 4);
    }
  }

  load();

  return {
    update(next) {
      opts = { ...next };
      lambda = opts.lambda;
      penalty = opts.penalty;
      lambdaSlider.set(lambda);
      penaltyToggle.set(penalty);
      prediction.reset(t('regularisation.predict.changed'));
      load();
    },
  };
}
