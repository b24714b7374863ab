// Worked example "Predicting a tip" (seed 001, level 2): the trained line tip = w·bill + b with
// w = 0.18 and b = 0.5. The learner types a bill (validated in words) and the engine's
// LinearRegression — parameters set with setParams — predicts the tip; a table of example
// bills shows each prediction, its error, and the MSE the Fit-the-line game minimised.
import { mountWidget, attempt } from '../lib/widget.js';
import { listenForTaps, trackKeyboardFocus } from '../lib/drag.js';
import { Plot } from '../lib/plot.js';
import { el, nextId, slider, button, buttonRow, setDisabled } from '../lib/ui.js';
import { tableWrap } from '../lib/table.js';
import { equalsSign, formatMoney, formatNumber, formatTerm, readShown, asShown } from '../lib/format.js';
import { seedOption } from '../lib/schema.js';
import { createPrediction } from '../lib/predict.js';
import { readPredictedNumber } from '../lib/predict-number.js';
import { refusalReason } from '../lib/number-field.js';
import { messages } from './tip-predictor.messages.js';

export const engine = 'core';
export const schema = {
  w: { type: 'number', min: 0, max: 0.5, default: 0.18, description: 'Slope: tip per dollar of bill.' },
  b: { type: 'number', min: -5, max: 5, default: 0.5, description: 'Intercept: the base tip in dollars.' },
  bill: { type: 'number', min: 0, max: 1000, default: 50, description: 'The bill shown first, in dollars.' },
  examples: { type: 'int', min: 3, max: 12, default: 6, description: 'How many example bills in the table.' },
  seed: seedOption(11, 'Seed for the example tips.'),
};

export const meta = { title: messages['tip-predictor.title'], hint: messages['tip-predictor.hint'] };

const BILL_RANGE = [10, 80];     // the line was trained on bills here: predictions outside it are extrapolation
const ABSURD = 100000;           // above this we refuse: no restaurant bill, and not what the line learned

// Dollars for a learner: the site's one money rule (format.js formatMoney); `dollars` is the
// amount alone, for the table's "($)" columns, the worked sum and the bill box.
const money = (v) => formatMoney(v);
const dollars = (v) => formatMoney(v, { symbol: '' });
// The bill first shown in the box: whole dollars as an option gives them ("50", "1 000"), else with cents.
const billText = (v) => (Number.isInteger(v) ? formatNumber(v, 0) : dollars(v));

export function mount(element, options) {
  return mountWidget(element, options, { schema, meta, build, messages });
}

// Reads a bill typed by a person, after an optional dollar sign, the way every typed number on the
// site is read (web/lib/predict-number.js): "$50", " 49.99 ", "0,5" (a decimal comma), or
// "5 001.00" as the widget writes it back (thousands grouped by a space). "1,000" is refused as
// ambiguous (a thousand, or one with a decimal comma?) rather than taken as 1000. Returns
// { value } or { error }, the error in words from the widget's message function t.
export function parseBill(text, t) {
  const raw = String(text ?? '').trim();
  if (raw === '') return { error: t('tip-predictor.bill.empty') };
  const read = readPredictedNumber(raw.replace(/^\$\s*/, ''));
  if (read.refusal) return { error: t('tip-predictor.bill.refused', { reason: refusalReason(t, { ...read, typed: raw.slice(0, 20) }) }) };
  const { value } = read;
  if (value < 0) return { error: t('tip-predictor.bill.negative') };
  if (value > ABSURD) return { error: t('tip-predictor.bill.absurd', { bill: money(value), low: money(BILL_RANGE[0]), high: money(BILL_RANGE[1]) }) };
  return { value };
}

function build(ctx) {
  const { ml, card, options, t } = ctx;
  let opts = { ...options };
  const model = ctx.own(new ml.LinearRegression());
  let bills = [];
  let tips = [];
  let bill = opts.bill;
  let prediction = NaN;
  let bestParams = [NaN, NaN];

  const inputId = nextId('bill');
  const input = el('input', { type: 'text', id: inputId, inputmode: 'decimal', autocomplete: 'off', 'aria-describedby': `${inputId}-sum` });
  input.value = billText(opts.bill);
  const inputRow = el('div', { className: 'tip-predictor-input' }, [
    el('div', { className: 'dw-field' }, [el('label', { for: inputId, text: t('tip-predictor.bill.label') }), input]),
  ]);
  const sum = el('p', { className: 'tip-predictor-sum', id: `${inputId}-sum`, 'aria-live': 'polite' });
  card.stage.append(inputRow, sum);

  const plot = ctx.own(new Plot(card.stage, { aspect: 0.5, minHeight: 220, maxHeight: 360, label: t('tip-predictor.plot'), onResize: () => ctx.requestDraw(draw) }));
  plot.canvas.tabIndex = 0;

  const table = el('table', { className: 'dw-table tip-predictor-table' });
  const head = el('tr');
  // Dollars go in the headers, not in every cell, so all five columns fit a 375 px phone.
  // (No-break spaces keep "ŷ − y" in one piece when a header wraps.)
  for (const h of ['bill', 'tip', 'prediction', 'error', 'squared'].map((k) => t(`tip-predictor.table.${k}`))) head.append(el('th', { scope: 'col', text: h }));
  const body = el('tbody');
  const foot = el('tfoot');
  table.append(el('caption', { className: 'dw-sr-only', text: t('tip-predictor.table.caption') }), el('thead', {}, [head]), body, foot);
  card.stage.append(tableWrap(ctx, table, { className: 'tip-predictor-table-wrap' }).element);

  const sliderW = slider(card.controls, { label: t('tip-predictor.slider.w'), min: 0, max: 0.5, step: 0.005, value: opts.w, format: (v) => formatNumber(v, 3), onInput: (v) => { opts.w = v; refresh(); } });
  const sliderB = slider(card.controls, { label: t('tip-predictor.slider.b'), min: -5, max: 5, step: 0.05, value: opts.b, format: (v) => formatNumber(v, 2), onInput: (v) => { opts.b = v; refresh(); } });
  const buttons = buttonRow(card.controls);
  const trainedBtn = button(buttons, t('tip-predictor.useTrained', { w: formatNumber(0.18, 2), b: formatNumber(0.5, 1) }), () => { opts.w = 0.18; opts.b = 0.5; sliderW.set(0.18); sliderB.set(0.5); refresh(); });
  const bestBtn = button(buttons, t('tip-predictor.bestLine'), () => {
    if (!Number.isFinite(bestParams[0])) return;
    opts.w = Math.min(0.5, Math.max(0, bestParams[0]));
    opts.b = Math.min(5, Math.max(-5, bestParams[1]));
    sliderW.set(opts.w); sliderB.set(opts.b); refresh();
    judgeBest();
  });

  const statTip = card.stat(t('tip-predictor.stat.tip'));
  const statMse = card.stat(t('tip-predictor.stat.mse'), { unit: t('tip-predictor.unit.squaredDollars') });
  const statBest = card.stat(t('tip-predictor.stat.best'), { unit: t('tip-predictor.unit.squaredDollars') });

  // Predict, then check: where does the least-squares line for these few receipts put its base
  // tip b? Judged from the engine's closed-form fit when the learner presses "Best line".
  const task = createPrediction(ctx, {
    id: 'tip-best-intercept',
    question: t('tip-predictor.predict.question'),
    choices: ['above', 'between', 'negative'].map((id) => [id, t(`tip-predictor.predict.${id}`)]),
    next: t('tip-predictor.predict.next'),
  });
  function judgeBest() {
    if (!Number.isFinite(bestParams[1])) return;
    // The best line's b is on its slider: a prediction made after it could copy it.
    if (task.pending === null) { task.outcomeSeen(t('tip-predictor.predict.seen')); return; }
    const b = bestParams[1];
    const outcome = b > 0.5 ? 'above' : b >= 0 ? 'between' : 'negative';
    task.settle(outcome, t('tip-predictor.predict.why', { count: formatNumber(bills.length, 0), w: formatNumber(bestParams[0], 3), b: money(b), first: money(bills[0]), last: money(bills[bills.length - 1]) }));
  }

  function loadExamples() {
    attempt(card, () => {
      // Example tips scattered around the trained line; rounded to cents like real receipts.
      const d = ml.makeLinear(opts.examples, 0.18, 0.5, 0.6, opts.seed, BILL_RANGE[0], BILL_RANGE[1]);
      const order = Array.from(d.X, (_, i) => i).sort((i, j) => d.X[i] - d.X[j]);
      bills = order.map((i) => Math.round(d.X[i] * 100) / 100);
      tips = order.map((i) => Math.max(0, Math.round(d.y[i] * 100) / 100));
      model.setData(bills, 1, tips);
      bestParams = Array.from(model.closedForm());
    });
  }

  function setBillFromInput() {
    const parsed = parseBill(input.value, t);
    if (parsed.error) {
      input.setAttribute('aria-invalid', 'true');
      bill = NaN;
      card.setMessage(parsed.error, 'bad');
    } else {
      input.removeAttribute('aria-invalid');
      bill = parsed.value;
    }
    refresh();
  }

  function refresh() {
    const ok = attempt(card, () => { model.setParams([opts.w, opts.b]); return true; }, false);
    if (!ok) return;
    const preds = attempt(card, () => model.predict(bills).slice(), null);
    const mse = attempt(card, () => model.loss(), NaN);
    prediction = Number.isFinite(bill) ? attempt(card, () => model.predict([bill])[0], NaN) : NaN;
    const bestMse = attempt(card, () => { model.setParams(bestParams); const v = model.loss(); model.setParams([opts.w, opts.b]); return v; }, NaN);

    body.replaceChildren();
    if (preds) {
      bills.forEach((x, i) => {
        const sq = attempt(card, () => model.mse([x], [tips[i]]), NaN); // one-row MSE = its squared error
        const tr = el('tr');
        for (const v of [dollars(x), dollars(tips[i]), dollars(preds[i]), dollars(preds[i] - tips[i]), formatNumber(sq, 3)]) tr.append(el('td', { text: v }));
        body.append(tr);
      });
    }
    foot.replaceChildren(el('tr', { className: 'dw-current' }, [
      el('td', { text: t('tip-predictor.table.mean'), colspan: '4', className: 'tip-predictor-mean' }), el('td', { text: formatNumber(mse, 3) })]));

    statMse.set(formatNumber(mse, 3));
    statBest.set(formatNumber(bestMse, 3));
    // Each button is offered only while it would change the line. A button pressed from the
    // keyboard disables itself: the focus moves to the chart, not to the page body.
    setDisabled(trainedBtn, opts.w === 0.18 && opts.b === 0.5, [plot.canvas]);
    setDisabled(bestBtn, !Number.isFinite(bestParams[0]) || (opts.w === Math.min(0.5, Math.max(0, bestParams[0])) && opts.b === Math.min(5, Math.max(-5, bestParams[1]))), [plot.canvas]);
    if (Number.isFinite(prediction)) {
      statTip.set(money(prediction));
      // The worked sum as a learner redoes it: w to 3 decimals, b to 2. The best line's w and b are
      // unrounded, so where the shown terms give another cent than the tip, it says "≈".
      const w = formatNumber(opts.w, 3);
      const billShown = dollars(bill);
      const b = formatTerm(opts.b, 2);
      const equals = equalsSign(readShown(w) * readShown(billShown) + asShown(opts.b, 2), prediction, 2);
      sum.textContent = t('tip-predictor.sum', { w, bill: billShown, b, equals, tip: money(prediction) });
      if (prediction < 0) card.setMessage(t('tip-predictor.negativeTip', { b: money(opts.b), tip: money(prediction) }), 'warn');
      else if (bill === 0) card.setMessage(t('tip-predictor.zeroBill', { b: money(opts.b), low: money(BILL_RANGE[0]), high: money(BILL_RANGE[1]) }), 'warn');
      else if (bill < BILL_RANGE[0] || bill > BILL_RANGE[1]) card.setMessage(t('tip-predictor.outside', { bill: money(bill), low: money(BILL_RANGE[0]), high: money(BILL_RANGE[1]) }), 'warn');
      else card.setMessage(t('tip-predictor.predicts', { bill: money(bill), tip: money(prediction), cents: formatNumber(opts.w * 100, 1), b: money(opts.b) }), 'ok');
    } else {
      statTip.set('–');
      sum.textContent = t('tip-predictor.waiting');
    }
    plot.canvas.setAttribute('aria-label', t('tip-predictor.figure', { count: bills.length, w: formatNumber(opts.w, 3), b: formatTerm(opts.b, 2) }));
    ctx.requestDraw(draw);
  }

  function draw() {
    // The chart reaches any bill the box accepts, so a far extrapolation is seen, not only read.
    const xMax = Math.max(100, Number.isFinite(bill) && bill <= ABSURD ? bill * 1.08 : 0);
    const y0 = Math.min(0, opts.b - 1);
    let yTop = Math.max(20, opts.w * xMax + opts.b + 2, ...tips.map((tip) => tip + 2));
    // Room above the prediction for its "ŷ = $…" label (about 26 px), which the chart's top edge
    // cut off on a phone when a far bill put the prediction near the top.
    const room = 26 / Math.max(60, plot.height - plot.margin.top - plot.margin.bottom);
    if (Number.isFinite(prediction)) yTop = Math.max(yTop, (prediction - room * y0) / (1 - room));
    plot.setDomain(0, xMax, y0, yTop);
    plot.begin();
    plot.axes({ xLabel: t('tip-predictor.axis.x'), yLabel: t('tip-predictor.axis.y') });
    plot.clipToArea(() => {
      const c = plot.ctx;
      // residuals: the squared gaps the MSE averages, in the loss colour
      bills.forEach((x, i) => plot.segment(x, tips[i], x, opts.w * x + opts.b, { color: plot.theme.loss, width: 1.5 }));
      plot.segment(0, opts.b, xMax, opts.w * xMax + opts.b, { width: 2.5 });
      bills.forEach((x, i) => plot.point(x, tips[i], 1, { size: 5 }));
      if (Number.isFinite(prediction) && bill <= xMax) {
        plot.segment(bill, plot.domain.y0, bill, prediction, { color: plot.theme.truth, dash: [5, 4], width: 1.5 });
        plot.segment(0, prediction, bill, prediction, { color: plot.theme.truth, dash: [5, 4], width: 1.5 });
        plot.handle(bill, prediction, { focused: keyboardFocus.keyboardFocused });
        c.save();
        c.font = `12px ${plot.theme.mono}`;
        c.fillStyle = plot.theme.text;
        c.textAlign = plot.px(bill) > plot.width - 120 ? 'right' : 'left';
        c.fillText(t('tip-predictor.mark', { tip: money(prediction) }), plot.px(bill) + (c.textAlign === 'right' ? -14 : 14), plot.py(prediction) - 12);
        c.restore();
      }
    });
  }

  const onInput = () => setBillFromInput();
  ctx.listen(input, 'input', onInput);
  // Clicks and arrow keys move the bill within what the box accepts (0 to ABSURD): from a typed
  // $5000, → gives $5001 (it jumped to $1000 when this clamp was the chart's old edge).
  const setBill = (v) => { bill = Math.max(0, Math.min(ABSURD, Math.round(v * 100) / 100)); input.value = dollars(bill); input.removeAttribute('aria-invalid'); refresh(); };
  const onDown = (e) => { const p = plot.eventToData(e); setBill(p.x); };
  const onKey = (e) => {
    if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight' && e.key !== 'ArrowUp' && e.key !== 'ArrowDown') return;
    const dir = e.key === 'ArrowRight' || e.key === 'ArrowUp' ? 1 : -1;
    setBill((Number.isFinite(bill) ? bill : opts.bill) + dir * (e.shiftKey ? 10 : 1));
    e.preventDefault();
  };
  listenForTaps(ctx, plot.canvas, onDown); // a tap, not a swipe that scrolls past
  ctx.listen(plot.canvas, 'keydown', onKey);
  // The handle's ring shows for keyboard focus, never for a click (drag.js).
  const keyboardFocus = ctx.own(trackKeyboardFocus(plot.canvas, () => ctx.requestDraw(draw)));

  loadExamples();
  setBillFromInput();

  return {
    update(next) {
      opts = { ...next };
      sliderW.set(opts.w); sliderB.set(opts.b);
      input.value = billText(opts.bill);
      task.reset(t('tip-predictor.reset'));
      loadExamples();
      setBillFromInput();
    },
  };
}
