// Worked example "precision vs recall by hand" (seed 001, level 3): type the counts TP, FP and
// FN; the widget writes out the working and the engine computes precision, recall and F1 from a
// label list with exactly those counts (ml.precision, ml.recall, ml.f1Score).
import { mountWidget, attempt } from '../lib/widget.js';
import { el, fixed, nextId } from '../lib/ui.js';
import { formatNumber } from '../lib/format.js';

export const schema = {
  tp: { type: 'int', min: 0, max: 100000, default: 80, description: 'True positives: flagged and really positive.' },
  fp: { type: 'int', min: 0, max: 100000, default: 20, description: 'False positives: flagged but really negative.' },
  fn: { type: 'int', min: 0, max: 100000, default: 40, description: 'False negatives: real positives that were missed.' },
};

export const meta = {
  title: 'Precision and recall by hand',
  hint: 'Change the three counts. The working below shows each fraction; the engine computes the values.',
};

const MAX_COUNT = 100000;

export function mount(element, options) {
  return mountWidget(element, options, { schema, meta, build });
}

function build(ctx) {
  const { ml, card, options } = ctx;
  let opts = { ...options };
  const inputs = {};
  const wrap = el('div', { className: 'c3-inputs' });
  const names = { tp: 'TP (true positives)', fp: 'FP (false positives)', fn: 'FN (false negatives)' };
  for (const key of ['tp', 'fp', 'fn']) {
    const id = nextId(`c3-${key}`);
    const input = el('input', { type: 'number', id, min: '0', max: String(MAX_COUNT), step: '1', inputmode: 'numeric', name: key });
    input.value = String(opts[key]);
    ctx.listen(input, 'input', compute);
    inputs[key] = input;
    wrap.append(el('div', { className: 'dw-field' }, [el('label', { for: id, text: names[key] }), input]));
  }
  card.stage.append(wrap);
  const working = el('ol', { className: 'c3-working', 'aria-label': 'Working' });
  card.stage.append(working);

  const statP = card.stat('precision');
  const statR = card.stat('recall');
  const statF1 = card.stat('F1');

  function readCounts() {
    const counts = {};
    const problems = [];
    for (const key of ['tp', 'fp', 'fn']) {
      const raw = inputs[key].value.trim();
      const v = Number(raw);
      const label = key.toUpperCase();
      if (raw === '' || !Number.isFinite(v)) problems.push(`${label} is not a number`);
      else if (v < 0) problems.push(`${label} is negative (a count cannot be below 0)`);
      else if (!Number.isInteger(v)) problems.push(`${label} is not a whole number (counts are whole examples)`);
      else if (v > MAX_COUNT) problems.push(`${label} is above ${formatNumber(MAX_COUNT, 0, { grouping: true })}`);
      else counts[key] = v;
    }
    return { counts, problems };
  }

  function line(title, text) {
    working.append(el('li', {}, [el('strong', { text: title }), el('span', { text })]));
  }

  function clear() {
    working.replaceChildren();
    statP.set('–');
    statR.set('–');
    statF1.set('–');
  }

  function compute() {
    const { counts, problems } = readCounts();
    if (problems.length) {
      clear();
      card.setMessage(`Cannot compute: ${problems.join('; ')}.`, 'bad');
      return;
    }
    const { tp, fp, fn } = counts;
    if (tp + fp + fn === 0) {
      clear();
      card.setMessage('All three counts are zero: there are no positives and nothing was flagged, so precision, recall and F1 are all undefined (0 divided by 0).', 'bad');
      return;
    }
    // A label list with exactly these counts: tp × (1, 1), fp × (0, 1), fn × (1, 0).
    const n = tp + fp + fn;
    const yTrue = new Float64Array(n);
    const yPred = new Float64Array(n);
    yTrue.fill(1, 0, tp); yPred.fill(1, 0, tp);
    yPred.fill(1, tp, tp + fp);
    yTrue.fill(1, tp + fp, n);
    const result = attempt(card, () => ({ p: ml.precision(yTrue, yPred), r: ml.recall(yTrue, yPred), f1: ml.f1Score(yTrue, yPred) }), null);
    if (!result) { clear(); return; }
    const { p, r, f1 } = result;
    working.replaceChildren();
    line('Precision', tp + fp === 0 ? 'TP / (TP + FP) = 0 / 0: nothing was flagged, so it is undefined (reported as 0).'
      : `TP / (TP + FP) = ${tp} / (${tp} + ${fp}) = ${tp} / ${tp + fp} = ${fixed(p, 3)}`);
    line('Recall', tp + fn === 0 ? 'TP / (TP + FN) = 0 / 0: there are no real positives, so it is undefined (reported as 0).'
      : `TP / (TP + FN) = ${tp} / (${tp} + ${fn}) = ${tp} / ${tp + fn} = ${fixed(r, 3)}`);
    line('F1', `2·P·R / (P + R) = 2TP / (2TP + FP + FN) = ${2 * tp} / ${2 * tp + fp + fn} = ${fixed(f1, 3)}`);
    statP.set(fixed(p, 3));
    statR.set(fixed(r, 3));
    statF1.set(fixed(f1, 3));
    if (tp + fp === 0) card.setMessage('Nothing was flagged positive: precision is undefined and recall is 0, since every real positive was missed.', 'warn');
    else if (tp + fn === 0) card.setMessage('There are no real positives: recall is undefined, and every flag is a false alarm.', 'warn');
    else if (p > r + 0.05) card.setMessage(`Precise but incomplete: ${fixed(p * 100, 1)}% of the flags are right, yet ${fn} of ${tp + fn} real positives (${fixed((1 - r) * 100, 1)}%) were missed. A lower threshold would raise recall and cost precision.`, 'info');
    else if (r > p + 0.05) card.setMessage(`Thorough but noisy: ${fixed(r * 100, 1)}% of real positives are caught, but ${fp} of ${tp + fp} flags are false alarms. A higher threshold would raise precision and cost recall.`, 'info');
    else card.setMessage(`Precision and recall are about equal, so F1 (${fixed(f1, 3)}) sits right between them.`, 'ok');
  }

  compute();

  return {
    update(next) {
      opts = { ...next };
      for (const key of ['tp', 'fp', 'fn']) inputs[key].value = String(opts[key]);
      compute();
    },
  };
}
