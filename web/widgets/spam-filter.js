// Worked example "A spam filter" (seed 001, level 1): eight toy emails described by four word
// counts, labelled spam or not spam, train the engine's LogisticRegression. Edit the counts or
// the labels and the model retrains; edit the new email and its spam probability σ(z) updates.
// Every weight, score z and probability shown is the engine's. Progress records one thing the
// learner did: their own edits tipped the new email from one side of 50% to the other.
import { mountWidget, attempt } from '../lib/widget.js';
import { Plot } from '../lib/plot.js';
import { button, buttonRow, el, fixed } from '../lib/ui.js';
import { reportComplete } from '../lib/report.js';
import { createPrediction } from '../lib/predict.js';
import { formatNumber } from '../lib/format.js';

export const engine = 'core';
export const schema = {
  l2: { type: 'number', min: 0.001, max: 1, default: 0.05, description: 'L2 penalty λ that keeps the weights finite on separable toy data.' },
};

export const meta = {
  title: 'A tiny spam filter',
  hint: 'Change the word counts of the new email (or of the training emails) and watch the weights, the score z and the spam probability update.',
};

export const FEATURES = [
  { name: '“free”', long: 'times the word “free” appears' },
  { name: 'links', long: 'number of links' },
  { name: 'SHOUTING', long: 'words in ALL CAPS' },
  { name: '“meeting”', long: 'times the word “meeting” appears' },
];
const MAX_COUNT = 5;
export const LEARNING_RATE = 0.5;
export const MAX_STEPS = 50000;

export const TRAINING = [
  { subject: 'FREE prize inside, claim now', counts: [3, 2, 3, 0], spam: 1 },
  { subject: 'You are a WINNER: free cruise', counts: [2, 3, 2, 0], spam: 1 },
  { subject: 'Cheap pills, free shipping', counts: [1, 4, 1, 0], spam: 1 },
  { subject: 'URGENT: verify your account', counts: [0, 2, 4, 0], spam: 1 },
  { subject: 'Team meeting moved to 3 pm', counts: [0, 0, 0, 2], spam: 0 },
  { subject: 'Notes from Monday’s meeting', counts: [0, 1, 0, 3], spam: 0 },
  { subject: 'Are you free for lunch?', counts: [1, 0, 0, 0], spam: 0 },
  { subject: 'Holiday photos (link inside)', counts: [0, 1, 1, 0], spam: 0 },
];
export const START_EMAIL = [2, 1, 1, 0];

export function mount(element, options) {
  return mountWidget(element, options, { schema, meta, build });
}

function build(ctx) {
  const { ml, card, options } = ctx;
  let opts = { ...options };
  const model = ctx.own(new ml.LogisticRegression());
  let emails = TRAINING.map((e) => ({ ...e, counts: e.counts.slice() }));
  let email = START_EMAIL.slice();
  let fitted = null; // { w, b, z, p, zs, accuracy, converged }
  let shownVerdict = null; // 'spam' | 'ham' for the new email as last shown
  let tipped = false;

  card.card.classList.add('c1-spam');
  // The new email: one stepper per feature.
  const newBox = el('div', { className: 'c1-new-email' });
  newBox.append(el('h4', { text: 'The new email to judge' }));
  const steppers = FEATURES.map((f, j) => stepper(newBox, f, () => email[j], (v) => { email[j] = v; refresh(false); }));
  const verdict = el('p', { className: 'c1-spam-verdict', role: 'status', 'aria-live': 'polite' });
  newBox.append(verdict);
  const formula = el('p', { className: 'c1-spam-formula' });
  newBox.append(formula);

  const row = el('div', { className: 'dw-row' });
  const left = el('div', { className: 'dw-col' });
  const right = el('div', { className: 'dw-col' });
  row.append(left, right);
  card.stage.append(row); // attached before the plots are made, so they can read the theme's colours
  left.append(newBox);
  const weightPlot = ctx.own(new Plot(left, { aspect: 0.5, minHeight: 170, maxHeight: 240, label: 'Learned weight of each feature', onResize: () => ctx.requestDraw(draw) }));
  left.append(el('p', { className: 'dw-legend', text: 'Weights: bars to the right push towards spam, to the left towards not spam.' }));
  const sigPlot = ctx.own(new Plot(right, { aspect: 0.75, minHeight: 220, maxHeight: 320, label: 'The sigmoid turns the score z into a probability', onResize: () => ctx.requestDraw(draw) }));
  sigPlot.margin = { ...sigPlot.margin, top: 24 }; // room for the y-axis label above the top tick
  right.append(el('p', { className: 'dw-legend', text: 'The sigmoid σ(z). Blue circles: spam training emails; orange triangles: not spam; the ringed dot is the new email.' }));

  // The training emails, editable.
  const details = el('details', { className: 'c1-train-emails' });
  details.append(el('summary', { text: 'The eight training emails (you can edit them too)' }));
  const wrap = el('div', { className: 'dw-table-wrap' });
  const table = el('table', { className: 'dw-table' });
  const head = el('tr');
  for (const h of ['subject', ...FEATURES.map((f) => f.name), 'label', 'p(spam)']) head.append(el('th', { scope: 'col', text: h }));
  const body = el('tbody');
  table.append(el('caption', { className: 'dw-sr-only', text: 'Training emails: word counts, label and the model’s spam probability' }), el('thead', {}, [head]), body);
  wrap.append(table);
  details.append(wrap);
  card.stage.append(details);
  const rowCells = emails.map((e, i) => {
    const tr = el('tr');
    tr.append(el('td', { className: 'c1-subject', text: e.subject }));
    const inputs = FEATURES.map((f, j) => {
      const input = el('input', { type: 'number', min: '0', max: String(MAX_COUNT), step: '1', inputmode: 'numeric', 'aria-label': `${f.long} in “${e.subject}”` });
      input.value = String(e.counts[j]);
      input.addEventListener('change', () => {
        const v = Math.round(Number(input.value));
        e.counts[j] = Number.isFinite(v) ? Math.max(0, Math.min(MAX_COUNT, v)) : 0;
        input.value = String(e.counts[j]);
        refresh(true);
      });
      tr.append(el('td', {}, [input]));
      return input;
    });
    const label = el('button', { type: 'button', className: 'dw-btn c1-label-btn', 'aria-label': `Label of “${e.subject}”: click to flip` });
    label.addEventListener('click', () => { e.spam = 1 - e.spam; refresh(true); });
    tr.append(el('td', {}, [label]));
    const prob = el('td', { className: 'c1-prob' });
    tr.append(prob);
    body.append(tr);
    return { inputs, label, prob, i };
  });

  const buttons = buttonRow(card.controls);
  button(buttons, 'Looks like spam', () => { email = [3, 3, 2, 0]; refresh(false); });
  button(buttons, 'Looks like work', () => { email = [0, 1, 0, 2]; refresh(false); });
  button(buttons, 'Reset emails', () => { emails.forEach((e, i) => { e.spam = TRAINING[i].spam; e.counts = TRAINING[i].counts.slice(); }); email = START_EMAIL.slice(); refresh(true); });

  const statZ = card.stat('score z');
  const statP = card.stat('p(spam)');
  const statAcc = card.stat('training accuracy');

  // Predict, then check: a few "meeting"s in two spam emails, and the sign of the learned weight
  // of "meeting". Judged from the engine's retrained weights once both emails have three or more.
  const prediction = createPrediction(ctx, {
    id: 'spam-meeting-weight',
    question: 'If the first two spam emails each mention “meeting” three times, the weight of “meeting” will…',
    choices: [['negative', 'stay negative'], ['positive', 'turn positive']],
    next: 'Now give the first two training emails (both spam) three “meeting”s each.',
  });
  function judgeMeeting() {
    if (prediction.pending === null || !fitted || !fitted.w) return;
    const spiked = emails.slice(0, 2).every((e) => e.spam === 1 && e.counts[3] >= 3);
    if (!spiked) return;
    const w = fitted.w[3];
    prediction.settle(w > 0 ? 'positive' : 'negative', `Retrained on the edited emails, the weight of “meeting” is ${formatNumber(w, 2)}. Spam emails now mention meetings at least as often as the ordinary ones, so the count no longer points to ordinary mail. The model believes whatever its examples show.`);
  }

  function stepper(parent, f, get, set) {
    const value = el('output', { className: 'dw-num c1-count' });
    const minus = el('button', { type: 'button', className: 'dw-btn c1-step', 'aria-label': `fewer: ${f.long}`, text: '−' });
    const plus = el('button', { type: 'button', className: 'dw-btn c1-step', 'aria-label': `more: ${f.long}`, text: '+' });
    minus.addEventListener('click', () => set(Math.max(0, get() - 1)));
    plus.addEventListener('click', () => set(Math.min(MAX_COUNT, get() + 1)));
    const line = el('div', { className: 'c1-stepper' }, [el('span', { className: 'c1-stepper-label', text: f.long }), minus, value, plus]);
    parent.append(line);
    return { show() { value.textContent = String(get()); minus.disabled = get() <= 0; plus.disabled = get() >= MAX_COUNT; } };
  }

  // Retrains from zero on the current emails (full-batch gradient descent to convergence).
  function train() {
    const X = emails.flatMap((e) => e.counts);
    const y = emails.map((e) => e.spam);
    return attempt(card, () => {
      model.setData(X, FEATURES.length, y);
      model.setL2(opts.l2);
      model.setLearningRate(LEARNING_RATE);
      model.setParams(new Array(FEATURES.length + 1).fill(0));
      model.fit(MAX_STEPS);
      const p = Array.from(model.params());
      const zs = Array.from(model.decisionFunction(X));
      const probs = Array.from(model.predictProba(X)).filter((_, k) => k % 2 === 1);
      return { w: p.slice(0, FEATURES.length), b: p[FEATURES.length], zs, probs, accuracy: model.score(X, y), converged: model.status() === 'converged' };
    }, null);
  }

  // `byLearner`: the refresh follows the learner's edit (not the first render or an embed update).
  function refresh(retrain, byLearner = true) {
    if (retrain || !fitted) {
      const spamCount = emails.filter((e) => e.spam === 1).length;
      if (spamCount === 0 || spamCount === emails.length) {
        fitted = null;
        card.setMessage('The training emails need at least one spam and one non-spam example; otherwise there is nothing to tell apart. Flip a label back.', 'bad');
        renderRows();
        renderEmail();
        return;
      }
      const t = train();
      if (!t) { fitted = null; renderRows(); renderEmail(); return; }
      fitted = { ...fitted, ...t };
    }
    const r = attempt(card, () => ({ z: model.decisionFunction(email)[0], p: model.predictProba(email)[1] }), null);
    if (r) Object.assign(fitted, r);
    renderRows();
    renderEmail(byLearner);
    if (retrain) judgeMeeting();
  }

  function renderRows() {
    rowCells.forEach(({ inputs, label, prob, i }) => {
      const e = emails[i];
      inputs.forEach((input, j) => { input.value = String(e.counts[j]); });
      label.textContent = e.spam ? 'spam' : 'not spam';
      label.dataset.tone = e.spam ? 'spam' : 'ham';
      prob.textContent = fitted ? fixed(fitted.probs[i], 2) : '–';
    });
  }

  function renderEmail(byLearner = false) {
    steppers.forEach((s) => s.show());
    if (!fitted || !Number.isFinite(fitted.p)) {
      statZ.set('–'); statP.set('–'); statAcc.set('–');
      verdict.textContent = 'No model yet.';
      formula.textContent = '';
      ctx.requestDraw(draw);
      return;
    }
    const { w, b, z, p } = fitted;
    statZ.set(fixed(z, 2));
    statP.set(`${fixed(p * 100, 1)}%`);
    statAcc.set(`${fixed(fitted.accuracy * 100, 0)}%`);
    // Signed terms ("− 0.27×0 − 3.91"), never "+ -0.27×0 + (-3.91)".
    const signed = (v, text, first) => (v < 0 ? (first ? '−' : ' − ') : first ? '' : ' + ') + text;
    const terms = w.map((wj, j) => signed(wj, `${fixed(Math.abs(wj), 2)}×${email[j]}`, j === 0)).join('');
    formula.textContent = `z = ${terms}${signed(b, fixed(Math.abs(b), 2), false)} = ${fixed(z, 2).replace('-', '−')};  p = σ(z) = ${fixed(p, 3)}`;
    verdict.textContent = p >= 0.5 ? `Spam, with probability ${fixed(p * 100, 1)}%.` : `Not spam: only ${fixed(p * 100, 1)}% likely to be spam.`;
    verdict.dataset.tone = p >= 0.5 ? 'spam' : 'ham';
    if (byLearner && shownVerdict && shownVerdict !== verdict.dataset.tone && !tipped) {
      tipped = true;
      reportComplete(card, { widget: 'spam-filter', title: 'Tip the new email across the 50% line' });
    }
    shownVerdict = verdict.dataset.tone;
    const top = w.map((wj, j) => ({ j, c: wj * email[j] })).sort((a, c) => Math.abs(c.c) - Math.abs(a.c))[0];
    const why = top && Math.abs(top.c) > 0.05 ? ` The biggest push comes from ${FEATURES[top.j].long} (${top.c > 0 ? '+' : '−'}${fixed(Math.abs(top.c), 2)} to z).` : ' No feature is pushing much either way, so it stays near 50%.';
    card.setMessage(`${p >= 0.5 ? 'Flagged as spam.' : 'Let through.'}${why}${fitted.converged ? '' : ' (Training stopped before fully converging.)'}`, p >= 0.5 ? 'warn' : 'ok');
    ctx.requestDraw(draw);
  }

  function draw() {
    // Weights as horizontal bars around zero.
    const w = fitted ? fitted.w : [0, 0, 0, 0];
    const span = Math.max(1, ...w.map((v) => Math.abs(v))) * 1.15;
    weightPlot.margin = { left: 92, right: 40, top: 10, bottom: 26 };
    weightPlot.setDomain(-span, span, 1e-9, FEATURES.length); // rows, not a numeric axis: the tiny offset keeps a stray "0" tick off
    weightPlot.begin();
    weightPlot.axes({ xLabel: 'weight', xTicks: 4, yTicks: 0 });
    const c = weightPlot.ctx;
    const th = weightPlot.theme;
    FEATURES.forEach((f, j) => {
      const yTop = weightPlot.py(FEATURES.length - j - 0.2);
      const yBot = weightPlot.py(FEATURES.length - j - 0.8);
      const x0 = weightPlot.px(0);
      const x1 = weightPlot.px(w[j]);
      c.fillStyle = w[j] >= 0 ? th.class1 : th.class0;
      c.fillRect(Math.min(x0, x1), yTop, Math.abs(x1 - x0), yBot - yTop);
      c.fillStyle = th.text;
      c.font = `12px ${th.font}`;
      c.textAlign = 'right';
      c.textBaseline = 'middle';
      c.fillText(f.name, weightPlot.margin.left - 8, (yTop + yBot) / 2);
      c.textAlign = w[j] >= 0 ? 'left' : 'right';
      c.font = `11px ${th.mono}`;
      c.fillText(fixed(w[j], 2), x1 + (w[j] >= 0 ? 4 : -4), (yTop + yBot) / 2);
    });
    c.strokeStyle = th.model;
    c.beginPath(); c.moveTo(weightPlot.px(0) + 0.5, weightPlot.margin.top); c.lineTo(weightPlot.px(0) + 0.5, weightPlot.height - weightPlot.margin.bottom); c.stroke();

    // The sigmoid with the training emails and the new one placed at their scores.
    const zs = fitted ? [...fitted.zs, fitted.z] : [0];
    const zMax = Math.max(6, ...zs.map((v) => Math.abs(v))) * 1.1;
    sigPlot.setDomain(-zMax, zMax, -0.08, 1.08);
    sigPlot.begin();
    sigPlot.axes({ xLabel: 'score z', yLabel: 'p(spam)', xTicks: 6, yTicks: 4 });
    if (!fitted) return;
    const curve = fitted.sigmoid && fitted.sigmoidSpan === zMax ? fitted.sigmoid : sigmoidCurve(zMax);
    sigPlot.clipToArea(() => {
      sigPlot.segment(-zMax, 0.5, zMax, 0.5, { color: sigPlot.theme.truth, dash: [4, 4], width: 1 });
      sigPlot.path(curve.z, curve.p, { width: 2.5 });
      emails.forEach((e, i) => sigPlot.point(fitted.zs[i], fitted.probs[i], e.spam ? 1 : 0, { size: 5 }));
      sigPlot.point(fitted.z, fitted.p, 1, { size: 6, hollow: true, highlight: true });
    });
  }

  // σ(z) along the axis, evaluated by the engine: a one-feature logistic model with w = 1, b = 0
  // gives p = σ(z) for input z.
  function sigmoidCurve(span) {
    const z = Float64Array.from({ length: 161 }, (_, i) => -span + (2 * span * i) / 160);
    const p = attempt(card, () => ml.scoped((track) => {
      const unit = track(new ml.LogisticRegression());
      unit.setData([-1, 1], 1, [0, 1]);
      unit.setParams([1, 0]);
      return Array.from(unit.predictProba(z)).filter((_, k) => k % 2 === 1);
    }), []);
    if (fitted) { fitted.sigmoid = { z, p }; fitted.sigmoidSpan = span; }
    return { z, p };
  }

  refresh(true, false);

  return {
    update(next) { opts = { ...next }; refresh(true, false); },
  };
}
