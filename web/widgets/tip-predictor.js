// Worked example "Predicting a tip" (seed 001, level 2): the trained line tip = w·bill + b with
// w = 0.18 and b = 0.5. The learner types a bill (validated in words) and the engine's
// LinearRegression — parameters set with setParams — predicts the tip; a table of example
// bills shows each prediction, its error, and the MSE the Fit-the-line game minimised.
import { mountWidget, attempt } from '../lib/widget.js';
import { Plot } from '../lib/plot.js';
import { el, nextId, slider, button, buttonRow } from '../lib/ui.js';
import { formatNumber } from '../lib/format.js';
import { seedOption } from '../lib/schema.js';
import { createPrediction } from '../lib/predict.js';

export const engine = 'core';
export const schema = {
  w: { type: 'number', min: 0, max: 0.5, default: 0.18, description: 'Slope: tip per dollar of bill.' },
  b: { type: 'number', min: -5, max: 5, default: 0.5, description: 'Intercept: the base tip in dollars.' },
  bill: { type: 'number', min: 0, max: 1000, default: 50, description: 'The bill shown first, in dollars.' },
  examples: { type: 'int', min: 3, max: 12, default: 6, description: 'How many example bills in the table.' },
  seed: seedOption(11, 'Seed for the example tips.'),
};

export const meta = {
  title: 'Predict a tip',
  hint: 'Type a bill amount (or click the chart) to see the tip the line predicts. Nudge w and b to see the MSE on the example bills change.',
};

const BILL_RANGE = [10, 80];     // the line was trained on bills here: predictions outside it are extrapolation
const ABSURD = 100000;           // above this we refuse: no restaurant bill, and not what the line learned

// Dollars for a learner, through the site's one formatter: the sign goes before the currency
// ("−$0.15", never "$-0.15"), cents always shown; a value that rounds to $0.00 has no sign.
export function money(v, { grouping = false } = {}) {
  if (typeof v !== 'number' || !Number.isFinite(v)) return formatNumber(v, 2);
  const digits = formatNumber(Math.abs(v), 2, { grouping });
  return `${v < 0 && digits !== formatNumber(0, 2) ? '\u2212' : ''}$${digits}`;
}

// The bill shown in the input: whole dollars as typed ("50"), otherwise with cents.
const billText = (v) => formatNumber(v, Number.isInteger(v) ? 0 : 2);

// "+ 0.50" or "− 0.15": a term added in a worked sum, its sign written as an operator.
function signedTerm(v, digits) {
  const text = formatNumber(v, digits);
  return text.startsWith('-') ? `\u2212 ${text.slice(1)}` : `+ ${text}`;
}

export function mount(element, options) {
  return mountWidget(element, options, { schema, meta, build });
}

// Reads a bill typed by a person: "$50", " 49.99 ", "1,200.50". Returns { value } or { error }.
export function parseBill(text) {
  const raw = String(text ?? '').trim();
  if (raw === '') return { error: 'Type a bill amount in dollars, for example 42.50.' };
  const cleaned = raw.replace(/^\$\s*/, '').replace(/,(?=\d{3}(\D|$))/g, '');
  if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(cleaned)) return { error: `"${raw.slice(0, 20)}" is not a number of dollars. Use digits and an optional decimal point, like 42.50.` };
  const value = Number(cleaned);
  if (!Number.isFinite(value)) return { error: 'That number is too large to be a bill.' };
  if (value < 0) return { error: 'A bill cannot be negative: there is nothing to tip on a refund.' };
  if (value > ABSURD) return { error: `A bill of ${money(value, { grouping: true })} is absurd for a restaurant. The line was trained on bills between ${money(BILL_RANGE[0])} and ${money(BILL_RANGE[1])}; it would still answer, but nobody should trust that answer.` };
  return { value };
}

function build(ctx) {
  const { ml, card, options } = ctx;
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
  const inputRow = el('div', { className: 'c2-tip-input' }, [
    el('div', { className: 'dw-field' }, [el('label', { for: inputId, text: 'bill x (dollars)' }), input]),
  ]);
  const sum = el('p', { className: 'c2-tip-sum', id: `${inputId}-sum`, 'aria-live': 'polite' });
  card.stage.append(inputRow, sum);

  const plot = ctx.own(new Plot(card.stage, { aspect: 0.5, minHeight: 220, maxHeight: 360, label: 'Bill versus tip with the model line', onResize: () => ctx.requestDraw(draw) }));
  plot.canvas.tabIndex = 0;

  const tableWrap = el('div', { className: 'dw-table-wrap c2-tip-table-wrap' });
  const table = el('table', { className: 'dw-table c2-tip-table' });
  const head = el('tr');
  // Dollars go in the headers, not in every cell, so all five columns fit a 375 px phone.
  // (No-break spaces keep "ŷ − y" in one piece when a header wraps.)
  for (const h of ['bill x ($)', 'tip y ($)', 'ŷ ($)', 'ŷ\u00a0−\u00a0y ($)', '(ŷ\u00a0−\u00a0y)² ($²)']) head.append(el('th', { scope: 'col', text: h }));
  const body = el('tbody');
  const foot = el('tfoot');
  table.append(el('caption', { className: 'dw-sr-only', text: 'Example bills, their real tips, the line\'s predictions and errors' }), el('thead', {}, [head]), body, foot);
  tableWrap.append(table);
  card.stage.append(tableWrap);

  const sliderW = slider(card.controls, { label: 'slope w (tip per dollar)', min: 0, max: 0.5, step: 0.005, value: opts.w, format: (v) => formatNumber(v, 3), onInput: (v) => { opts.w = v; refresh(); } });
  const sliderB = slider(card.controls, { label: 'intercept b (base tip, \$)', min: -5, max: 5, step: 0.05, value: opts.b, format: (v) => formatNumber(v, 2), onInput: (v) => { opts.b = v; refresh(); } });
  const buttons = buttonRow(card.controls);
  const trainedBtn = button(buttons, 'Use w = 0.18, b = 0.5', () => { opts.w = 0.18; opts.b = 0.5; sliderW.set(0.18); sliderB.set(0.5); refresh(); });
  const bestBtn = button(buttons, 'Best line for these tips', () => {
    if (!Number.isFinite(bestParams[0])) return;
    opts.w = Math.min(0.5, Math.max(0, bestParams[0]));
    opts.b = Math.min(5, Math.max(-5, bestParams[1]));
    sliderW.set(opts.w); sliderB.set(opts.b); refresh();
    judgeBest();
  });

  const statTip = card.stat('predicted tip');
  const statMse = card.stat('MSE on examples', { unit: '$²' });
  const statBest = card.stat('best possible MSE', { unit: '$²' });

  // Predict, then check: where does the least-squares line for these few receipts put its base
  // tip b? Judged from the engine's closed-form fit when the learner presses "Best line".
  const task = createPrediction(ctx, {
    id: 'tip-best-intercept',
    question: 'The best line for these receipts will have a base tip b…',
    choices: [['above', 'above $0.50'], ['between', 'between $0 and $0.50'], ['negative', 'below $0, a negative base tip']],
    next: 'Now press “Best line for these tips” and read b.',
  });
  function judgeBest() {
    if (task.pending === null || !Number.isFinite(bestParams[1])) return;
    const b = bestParams[1];
    const outcome = b > 0.5 ? 'above' : b >= 0 ? 'between' : 'negative';
    task.settle(outcome, `The least-squares line for these ${formatNumber(bills.length, 0)} receipts has w = ${formatNumber(bestParams[0], 3)} and b = ${money(b)}. The receipts' bills run from ${money(bills[0])} to ${money(bills[bills.length - 1])}, so they fix the slope well; b is the line's value at a $0 bill, far from all of them, and a little noise tilts the line enough to move it a lot.`);
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
    const parsed = parseBill(input.value);
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
        for (const v of [formatNumber(x, 2), formatNumber(tips[i], 2), formatNumber(preds[i], 2), formatNumber(preds[i] - tips[i], 2), formatNumber(sq, 3)]) tr.append(el('td', { text: v }));
        body.append(tr);
      });
    }
    foot.replaceChildren(el('tr', { className: 'dw-current' }, [
      el('td', { text: 'mean of the squared errors: MSE', colspan: '4', className: 'c2-tip-mean' }), el('td', { text: formatNumber(mse, 3) })]));

    statMse.set(formatNumber(mse, 3));
    statBest.set(formatNumber(bestMse, 3));
    // Each button is offered only while it would change the line.
    trainedBtn.disabled = opts.w === 0.18 && opts.b === 0.5;
    bestBtn.disabled = !Number.isFinite(bestParams[0]) || (opts.w === Math.min(0.5, Math.max(0, bestParams[0])) && opts.b === Math.min(5, Math.max(-5, bestParams[1])));
    if (Number.isFinite(prediction)) {
      statTip.set(money(prediction));
      sum.textContent = `ŷ = ${formatNumber(opts.w, 3)} × ${formatNumber(bill, 2)} ${signedTerm(opts.b, 2)} = ${money(prediction)}`;
      if (prediction < 0) card.setMessage(`With b = ${money(opts.b)} the line predicts a negative tip (${money(prediction)}) for this bill — a sign the parameters are off, since nobody tips a negative amount.`, 'warn');
      else if (bill === 0) card.setMessage(`A bill of $0 gets just the intercept: b = ${money(opts.b)}. That is the "base tip" the line adds to every bill.`, 'info');
      else if (bill < BILL_RANGE[0] || bill > BILL_RANGE[1]) card.setMessage(`${money(bill)} lies outside the bills the line was trained on (${money(BILL_RANGE[0])} to ${money(BILL_RANGE[1])}). The line still answers, but this is extrapolation: nothing in the data says tipping stays linear out there.`, 'warn');
      else card.setMessage(`For a ${money(bill)} bill the line predicts a ${money(prediction)} tip: ${formatNumber(opts.w * 100, 1)} cents per dollar plus a base of ${money(opts.b)}.`, 'ok');
    } else {
      statTip.set('–');
      sum.textContent = 'ŷ = w × bill + b — waiting for a valid bill.';
    }
    plot.canvas.setAttribute('aria-label', `Bill versus tip: ${bills.length} example bills and the line tip = ${formatNumber(opts.w, 3)} × bill ${signedTerm(opts.b, 2)}`);
    ctx.requestDraw(draw);
  }

  function draw() {
    const xMax = Math.max(100, Number.isFinite(bill) && bill <= 1000 ? bill * 1.08 : 0);
    const yTop = Math.max(20, opts.w * xMax + opts.b + 2, ...tips.map((t) => t + 2));
    plot.setDomain(0, xMax, Math.min(0, opts.b - 1), yTop);
    plot.begin();
    plot.axes({ xLabel: 'bill ($)', yLabel: 'tip ($)' });
    plot.clipToArea(() => {
      const c = plot.ctx;
      // residuals: the squared gaps the MSE averages, in the loss colour
      bills.forEach((x, i) => plot.segment(x, tips[i], x, opts.w * x + opts.b, { color: plot.theme.loss, width: 1.5 }));
      plot.segment(0, opts.b, xMax, opts.w * xMax + opts.b, { width: 2.5 });
      bills.forEach((x, i) => plot.point(x, tips[i], 1, { size: 5 }));
      if (Number.isFinite(prediction) && bill <= xMax) {
        plot.segment(bill, plot.domain.y0, bill, prediction, { color: plot.theme.truth, dash: [5, 4], width: 1.5 });
        plot.segment(0, prediction, bill, prediction, { color: plot.theme.truth, dash: [5, 4], width: 1.5 });
        plot.handle(bill, prediction, { focused: document.activeElement === plot.canvas });
        c.save();
        c.font = `12px ${plot.theme.mono}`;
        c.fillStyle = plot.theme.text;
        c.textAlign = plot.px(bill) > plot.width - 120 ? 'right' : 'left';
        c.fillText(`ŷ = ${money(prediction)}`, plot.px(bill) + (c.textAlign === 'right' ? -14 : 14), plot.py(prediction) - 12);
        c.restore();
      }
    });
  }

  const onInput = () => setBillFromInput();
  ctx.listen(input, 'input', onInput);
  const setBill = (v) => { bill = Math.max(0, Math.min(1000, Math.round(v * 100) / 100)); input.value = formatNumber(bill, 2); input.removeAttribute('aria-invalid'); refresh(); };
  const onDown = (e) => { const p = plot.eventToData(e); setBill(p.x); };
  const onKey = (e) => {
    if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight' && e.key !== 'ArrowUp' && e.key !== 'ArrowDown') return;
    const dir = e.key === 'ArrowRight' || e.key === 'ArrowUp' ? 1 : -1;
    setBill((Number.isFinite(bill) ? bill : opts.bill) + dir * (e.shiftKey ? 10 : 1));
    e.preventDefault();
  };
  ctx.listen(plot.canvas, 'pointerdown', onDown);
  ctx.listen(plot.canvas, 'keydown', onKey);
  plot.canvas.addEventListener('focus', () => ctx.requestDraw(draw));
  plot.canvas.addEventListener('blur', () => ctx.requestDraw(draw));

  loadExamples();
  setBillFromInput();

  return {
    update(next) {
      opts = { ...next };
      sliderW.set(opts.w); sliderB.set(opts.b);
      input.value = billText(opts.bill);
      task.reset('The settings changed: the prediction no longer applies. Predict again.');
      loadExamples();
      setBillFromInput();
    },
  };
}
