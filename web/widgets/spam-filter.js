// Worked example "A spam filter" (seed 001, level 1): eight toy emails described by four word
// counts, labelled spam or not spam, train the engine's LogisticRegression. Edit the counts or
// the labels and the model retrains; edit the new email and its spam probability σ(z) updates.
// Every weight, score z and probability shown is the engine's. Progress records one thing the
// learner did: their own edits tipped the new email from one side of 50% to the other.
import { mountWidget, attempt } from '../lib/widget.js';
import { Plot } from '../lib/plot.js';
import { button, buttonRow, el, fixed, setDisabled } from '../lib/ui.js';
import { tableWrap } from '../lib/table.js';
import { reportComplete } from '../lib/report.js';
import { createPrediction } from '../lib/predict.js';
import { numberBox, refusalReason } from '../lib/number-field.js';
import { equalsSign, formatNumber, readShown } from '../lib/format.js';
import { messages } from './spam-filter.messages.js';

export const engine = 'core';
export const schema = {
  l2: { type: 'number', min: 0.001, max: 1, default: 0.05, description: 'L2 penalty λ that keeps the weights finite on separable toy data.' },
};

export const meta = { title: messages['spam-filter.title'], hint: messages['spam-filter.hint'] };

// The four word counts; their words are 'spam-filter.feature.<id>' (short) and
// 'spam-filter.featureLong.<id>' in the message table (English here, for the lesson's claims).
export const FEATURES = ['free', 'links', 'caps', 'meeting'].map((id) => ({ id, name: messages[`spam-filter.feature.${id}`], long: messages[`spam-filter.featureLong.${id}`] }));
const MAX_COUNT = 5;
export const LEARNING_RATE = 0.5;
export const MAX_STEPS = 50000;

// The training emails; each subject is 'spam-filter.subject.<id>' in the message table.
export const TRAINING = [
  { id: 'prize', counts: [3, 2, 3, 0], spam: 1 },
  { id: 'cruise', counts: [2, 3, 2, 0], spam: 1 },
  { id: 'pills', counts: [1, 4, 1, 0], spam: 1 },
  { id: 'verify', counts: [0, 2, 4, 0], spam: 1 },
  { id: 'moved', counts: [0, 0, 0, 2], spam: 0 },
  { id: 'notes', counts: [0, 1, 0, 3], spam: 0 },
  { id: 'lunch', counts: [1, 0, 0, 0], spam: 0 },
  { id: 'photos', counts: [0, 1, 1, 0], spam: 0 },
].map((e) => ({ ...e, subject: messages[`spam-filter.subject.${e.id}`] }));
export const START_EMAIL = [2, 1, 1, 0];

export function mount(element, options) {
  return mountWidget(element, options, { schema, meta, build, messages });
}

function build(ctx) {
  const { ml, card, options, t } = ctx;
  let opts = { ...options };
  const model = ctx.own(new ml.LogisticRegression());
  const features = FEATURES.map(({ id }) => ({ name: t(`spam-filter.feature.${id}`), long: t(`spam-filter.featureLong.${id}`) }));
  let emails = TRAINING.map((e) => ({ ...e, subject: t(`spam-filter.subject.${e.id}`), counts: e.counts.slice() }));
  let email = START_EMAIL.slice();
  let fitted = null; // { w, b, z, p, zs, accuracy, converged }
  let shownVerdict = null; // 'spam' | 'ham' for the new email as last shown
  let tipped = false;

  card.card.classList.add('spam-filter');
  // The new email: one stepper per feature.
  const newBox = el('div', { className: 'spam-filter-new-email' });
  newBox.append(el('h4', { text: t('spam-filter.newEmail') }));
  const steppers = features.map((f, j) => stepper(newBox, f, () => email[j], (v) => { email[j] = v; refresh(false); }));
  const verdict = el('p', { className: 'spam-filter-verdict', role: 'status', 'aria-live': 'polite' });
  newBox.append(verdict);
  const formula = el('p', { className: 'spam-filter-formula' });
  newBox.append(formula);

  const row = el('div', { className: 'dw-row' });
  const left = el('div', { className: 'dw-col' });
  const right = el('div', { className: 'dw-col' });
  row.append(left, right);
  card.stage.append(row); // attached before the plots are made, so they can read the theme's colours
  left.append(newBox);
  const weightPlot = ctx.own(new Plot(left, { aspect: 0.5, minHeight: 170, maxHeight: 240, label: t('spam-filter.weightPlot'), onResize: () => ctx.requestDraw(draw) }));
  left.append(el('p', { className: 'dw-legend', text: t('spam-filter.legend.weights') }));
  const sigPlot = ctx.own(new Plot(right, { aspect: 0.75, minHeight: 220, maxHeight: 320, label: t('spam-filter.sigPlot'), onResize: () => ctx.requestDraw(draw) }));
  sigPlot.margin = { ...sigPlot.margin, top: 24 }; // room for the y-axis label above the top tick
  right.append(el('p', { className: 'dw-legend', text: t('spam-filter.legend.sigmoid') }));

  // The training emails, editable.
  const details = el('details', { className: 'spam-filter-train-emails' });
  details.append(el('summary', { text: t('spam-filter.trainingEmails') }));
  const table = el('table', { className: 'dw-table' });
  const head = el('tr');
  for (const h of [t('spam-filter.table.subject'), ...features.map((f) => f.name), t('spam-filter.table.label'), t('spam-filter.table.p')]) head.append(el('th', { scope: 'col', text: h }));
  const body = el('tbody');
  table.append(el('caption', { className: 'dw-sr-only', text: t('spam-filter.table.caption') }), el('thead', {}, [head]), body);
  const wrap = tableWrap(ctx, table);
  details.append(wrap.element);
  card.stage.append(details);
  // Why a typed count was refused, in a row right under the email it is about: on the card's
  // message line it sat a screen or more below the table at 375 px wide. The line is held to the
  // visible width of the table's box (which scrolls sideways on a phone), from its left edge.
  const refusal = el('p', { className: 'spam-filter-refusal', role: 'status', 'aria-live': 'polite' });
  const refusalRow = el('tr', { className: 'spam-filter-refusal-row' }, [el('td', { colspan: String(features.length + 3) }, [refusal])]);
  function showRefusal(tr, text) {
    if (refusalRow.previousElementSibling !== tr) tr.after(refusalRow);
    refusal.style.maxWidth = `${Math.max(160, wrap.region.clientWidth - 16)}px`;
    refusal.textContent = text;
  }
  function clearRefusal() {
    refusal.textContent = '';
    refusalRow.remove();
  }
  const rowCells = emails.map((e, i) => {
    const tr = el('tr');
    tr.append(el('td', { className: 'spam-filter-subject', text: e.subject }));
    const inputs = features.map((f, j) => {
      // Read like every typed number on the site (web/lib/number-field.js): a number box made
      // "0,5" into the count 5 without a word. A count that is no whole number from 0 to the most
      // is refused in words and the email keeps its count; nothing retrains (a silent 0 or clamp
      // would retrain on a count nobody typed, and could tip the new email's verdict).
      const input = numberBox({
        get: () => e.counts[j],
        integer: true,
        min: 0,
        max: MAX_COUNT,
        step: 1,
        onValue: (v) => { e.counts[j] = v; clearRefusal(); refresh(true); },
        onRefuse: (r) => showRefusal(tr, t('spam-filter.countRefused', { max: MAX_COUNT, reason: refusalReason(t, r), feature: f.long, subject: e.subject, count: formatNumber(r.kept, 0) })),
        attrs: { 'aria-label': t('spam-filter.countIn', { feature: f.long, subject: e.subject }) },
      });
      tr.append(el('td', {}, [input]));
      return input;
    });
    const label = el('button', { type: 'button', className: 'dw-btn spam-filter-label-btn', 'aria-label': t('spam-filter.flipLabel', { subject: e.subject }) });
    label.addEventListener('click', () => { e.spam = 1 - e.spam; refresh(true); });
    tr.append(el('td', {}, [label]));
    const prob = el('td', { className: 'spam-filter-prob' });
    tr.append(prob);
    body.append(tr);
    return { inputs, label, prob, i };
  });

  const buttons = buttonRow(card.controls);
  button(buttons, t('spam-filter.likeSpam'), () => { email = [3, 3, 2, 0]; refresh(false); });
  button(buttons, t('spam-filter.likeWork'), () => { email = [0, 1, 0, 2]; refresh(false); });
  button(buttons, t('spam-filter.resetEmails'), () => { emails.forEach((e, i) => { e.spam = TRAINING[i].spam; e.counts = TRAINING[i].counts.slice(); }); email = START_EMAIL.slice(); clearRefusal(); refresh(true); });

  const statZ = card.stat(t('spam-filter.stat.z'));
  const statP = card.stat(t('spam-filter.stat.p'));
  const statAcc = card.stat(t('spam-filter.stat.accuracy'));

  // Predict, then check: a few "meeting"s in two spam emails, and the sign of the learned weight
  // of "meeting". Judged from the engine's retrained weights once both emails have three or more.
  const prediction = createPrediction(ctx, {
    id: 'spam-meeting-weight',
    question: t('spam-filter.predict.question'),
    choices: ['negative', 'positive'].map((id) => [id, t(`spam-filter.predict.${id}`)]),
    next: t('spam-filter.predict.next'),
  });
  function judgeMeeting() {
    if (!fitted || !fitted.w) return;
    // The answer is the sign of this weight: once it has been on screen above zero (after any
    // edit, e.g. three "meeting"s in one spam email and two in the other), a prediction locked
    // now could copy it.
    if (prediction.pending === null && fitted.w[3] > 0) { prediction.outcomeSeen(t('spam-filter.predict.seenPositive')); return; }
    const spiked = emails.slice(0, 2).every((e) => e.spam === 1 && e.counts[3] >= 3);
    if (!spiked) return;
    // The retrained weight is on screen with nothing locked in: a prediction now could copy it.
    if (prediction.pending === null) { prediction.outcomeSeen(t('spam-filter.predict.seen')); return; }
    const w = fitted.w[3];
    prediction.settle(w > 0 ? 'positive' : 'negative', t('spam-filter.predict.why', { weight: formatNumber(w, 2) }));
  }

  function stepper(parent, f, get, set) {
    const value = el('output', { className: 'dw-num spam-filter-count' });
    const minus = el('button', { type: 'button', className: 'dw-btn spam-filter-step', 'aria-label': t('spam-filter.fewer', { feature: f.long }), text: '−' });
    const plus = el('button', { type: 'button', className: 'dw-btn spam-filter-step', 'aria-label': t('spam-filter.more', { feature: f.long }), text: '+' });
    minus.addEventListener('click', () => set(Math.max(0, get() - 1)));
    plus.addEventListener('click', () => set(Math.min(MAX_COUNT, get() + 1)));
    const line = el('div', { className: 'spam-filter-stepper' }, [el('span', { className: 'spam-filter-stepper-label', text: f.long }), minus, value, plus]);
    parent.append(line);
    // At 0 or at the most the pressed button disables itself: the focus moves to its partner.
    return { show() { value.textContent = String(get()); setDisabled(minus, get() <= 0, [plus]); setDisabled(plus, get() >= MAX_COUNT, [minus]); } };
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
        card.setMessage(t('spam-filter.needBoth'), 'bad');
        renderRows();
        renderEmail();
        return;
      }
      const trained = train();
      if (!trained) { fitted = null; renderRows(); renderEmail(); return; }
      fitted = { ...fitted, ...trained };
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
      label.textContent = e.spam ? t('spam-filter.label.spam') : t('spam-filter.label.ham');
      label.dataset.tone = e.spam ? 'spam' : 'ham';
      prob.textContent = fitted ? fixed(fitted.probs[i], 2) : '–';
    });
  }

  function renderEmail(byLearner = false) {
    steppers.forEach((s) => s.show());
    if (!fitted || !Number.isFinite(fitted.p)) {
      statZ.set('–'); statP.set('–'); statAcc.set('–');
      verdict.textContent = t('spam-filter.noModel');
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
    // Weights to three decimals, so each term a learner multiplies out agrees with the push named
    // below (0.605×2 = 1.21); where the shown terms still add up to another last digit than z's
    // (rounding), the sum is written "≈", never "=" (equalsSign, web/lib/format.js).
    const terms = w.map((wj, j) => signed(wj, `${fixed(Math.abs(wj), 3)}×${email[j]}`, j === 0)).join('');
    const shownSum = w.reduce((sum, wj, j) => sum + readShown(fixed(wj, 3)) * email[j], readShown(fixed(b, 3)));
    const equals = equalsSign(shownSum, z, 2);
    formula.textContent = t('spam-filter.formula', { terms: terms + signed(b, fixed(Math.abs(b), 3), false), equals, z: fixed(z, 2).replace('-', '−'), p: fixed(p, 3) });
    const percent = fixed(p * 100, 1);
    verdict.textContent = p >= 0.5 ? t('spam-filter.verdict.spam', { percent }) : t('spam-filter.verdict.ham', { percent });
    verdict.dataset.tone = p >= 0.5 ? 'spam' : 'ham';
    if (byLearner && shownVerdict && shownVerdict !== verdict.dataset.tone && !tipped) {
      tipped = true;
      reportComplete(card, { widget: 'spam-filter', title: t('spam-filter.report') });
    }
    shownVerdict = verdict.dataset.tone;
    const top = w.map((wj, j) => ({ j, c: wj * email[j] })).sort((a, c) => Math.abs(c.c) - Math.abs(a.c))[0];
    // With no feature pushing much, z is (nearly) the bias b, which need not be near 0: with all
    // four counts at 0, b = −3.909 alone sets z and p = 2.0%, not 50%.
    const minus = (text) => text.replace('-', '−');
    const why = top && Math.abs(top.c) > 0.05
      ? t('spam-filter.biggestPush', { feature: features[top.j].long, sign: top.c > 0 ? '+' : '−', amount: fixed(Math.abs(top.c), 2) })
      : t('spam-filter.noPush', { zero: !top || top.c === 0, b: minus(fixed(b, 3)), z: minus(fixed(z, 2)), shift: minus(formatNumber(z - b, 2, { signed: true })), percent });
    card.setMessage(t('spam-filter.judged', { spam: p >= 0.5, why, converged: fitted.converged }), p >= 0.5 ? 'warn' : 'ok');
    ctx.requestDraw(draw);
  }

  function draw() {
    // Weights as horizontal bars around zero.
    const w = fitted ? fitted.w : [0, 0, 0, 0];
    const span = Math.max(1, ...w.map((v) => Math.abs(v))) * 1.15;
    weightPlot.margin = { left: 92, right: 40, top: 10, bottom: 26 };
    weightPlot.setDomain(-span, span, 1e-9, FEATURES.length); // rows, not a numeric axis: the tiny offset keeps a stray "0" tick off
    weightPlot.begin();
    weightPlot.axes({ xLabel: t('spam-filter.axis.weight'), xTicks: 4, yTicks: 0 });
    const c = weightPlot.ctx;
    const th = weightPlot.theme;
    features.forEach((f, j) => {
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
    sigPlot.axes({ xLabel: t('spam-filter.axis.z'), yLabel: t('spam-filter.axis.p'), xTicks: 6, yTicks: 4 });
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
