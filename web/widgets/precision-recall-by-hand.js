// Worked example "precision vs recall by hand" (seed 001, level 3): type the counts TP, FP and
// FN; the widget writes out the working and the engine computes precision, recall and F1 from a
// label list with exactly those counts (ml.precision, ml.recall, ml.f1Score).
import { mountWidget, attempt } from '../lib/widget.js';
import { el, fixed, nextId } from '../lib/ui.js';
import { formatNumber, readShown } from '../lib/format.js';
import { numberBox, refusalReason } from '../lib/number-field.js';
import { messages } from './precision-recall-by-hand.messages.js';

export const schema = {
  tp: { type: 'int', min: 0, max: 100000, default: 80, description: 'True positives: flagged and really positive.' },
  fp: { type: 'int', min: 0, max: 100000, default: 20, description: 'False positives: flagged but really negative.' },
  fn: { type: 'int', min: 0, max: 100000, default: 40, description: 'False negatives: real positives that were missed.' },
};

export const meta = { title: messages['precision-recall-by-hand.title'], hint: messages['precision-recall-by-hand.hint'] };

const MAX_COUNT = 100000;

// The one-line verdict, by the lesson's definitions and compared as the stats show precision and
// recall (three decimals). The two are "about equal" when the smaller is at least NEAR (90%) of the
// larger: then F1, their harmonic mean, sits between them at or just under their plain average.
// Otherwise F1 sits nearer the smaller, and the larger names the filter ("precise": most flags are
// right; "thorough": most real positives are caught) only when it is itself at least HIGH (0.7).
// A fixed gap of 0.05 called 1 right flag in 3 "precise" and 0.010 against 0.001 "about equal".
export const HIGH = 0.7;
export const NEAR = 0.9;
export function verdictOf(precisionShown, recallShown) {
  // In whole thousandths, so 0.630 against 0.700 is exactly 90% (no floating-point fringe).
  const p = Math.round(readShown(precisionShown) * 1000);
  const r = Math.round(readShown(recallShown) * 1000);
  const hi = Math.max(p, r);
  if (Math.min(p, r) * 10 >= hi * Math.round(NEAR * 10)) return hi >= HIGH * 1000 ? 'balanced' : 'balancedLow';
  if (hi < HIGH * 1000) return 'neitherHigh';
  return p > r ? 'precise' : 'thorough';
}

export function mount(element, options) {
  return mountWidget(element, options, { schema, meta, build, messages });
}

function build(ctx) {
  const { ml, card, options, t } = ctx;
  let opts = { ...options };
  const inputs = {};
  const wrap = el('div', { className: 'precision-recall-by-hand-inputs' });
  for (const key of ['tp', 'fp', 'fn']) {
    const id = nextId(`precision-recall-${key}`);
    // Read like every typed number on the site (web/lib/number-field.js): a number box dropped
    // what it did not accept as it was typed, so "1/2" became the count 12 without a word. A
    // refused count says why and goes back to its value.
    const use = (v) => { if (opts[key] !== v) { opts = { ...opts, [key]: v }; compute(); } };
    const input = numberBox({
      get: () => opts[key],
      integer: true,
      min: 0,
      max: MAX_COUNT,
      step: 1,
      onLive: use,
      onValue: use,
      onRefuse: (r) => card.setMessage(t('precision-recall-by-hand.refused', { count: t(`precision-recall-by-hand.count.${key}`), kept: formatNumber(r.kept, 0), reason: refusalReason(t, r) }), 'warn'),
      attrs: { id, name: key },
    });
    inputs[key] = input;
    wrap.append(el('div', { className: 'dw-field' }, [el('label', { for: id, text: t(`precision-recall-by-hand.input.${key}`) }), input]));
  }
  card.stage.append(wrap);
  const working = el('ol', { className: 'precision-recall-by-hand-working', 'aria-label': t('precision-recall-by-hand.working') });
  card.stage.append(working);

  const statP = card.stat(t('precision-recall-by-hand.stat.precision'));
  const statR = card.stat(t('precision-recall-by-hand.stat.recall'));
  const statF1 = card.stat(t('precision-recall-by-hand.stat.f1'));

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
    const { tp, fp, fn } = opts;
    if (tp + fp + fn === 0) {
      clear();
      card.setMessage(t('precision-recall-by-hand.allZero'), 'bad');
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
    line(t('precision-recall-by-hand.line.precision'), tp + fp === 0 ? t('precision-recall-by-hand.precision.undefined')
      : t('precision-recall-by-hand.precision.working', { tp, fp, flagged: tp + fp, value: fixed(p, 3) }));
    line(t('precision-recall-by-hand.line.recall'), tp + fn === 0 ? t('precision-recall-by-hand.recall.undefined')
      : t('precision-recall-by-hand.recall.working', { tp, fn, positives: tp + fn, value: fixed(r, 3) }));
    // With TP = 0 both precision and recall are 0 (or undefined, reported as 0), so the harmonic-
    // mean form reads 0 / 0; the count form 2TP / (2TP + FP + FN) still has FP + FN > 0 below.
    line(t('precision-recall-by-hand.line.f1'), tp === 0 ? t('precision-recall-by-hand.f1.noHits', { bottom: fp + fn, value: fixed(f1, 3) })
      : t('precision-recall-by-hand.f1.working', { top: 2 * tp, bottom: 2 * tp + fp + fn, value: fixed(f1, 3) }));
    statP.set(fixed(p, 3));
    statR.set(fixed(r, 3));
    statF1.set(fixed(f1, 3));
    if (tp + fp === 0) card.setMessage(t('precision-recall-by-hand.noFlags'), 'warn');
    else if (tp + fn === 0) card.setMessage(t('precision-recall-by-hand.noPositives'), 'warn');
    else if (tp === 0) card.setMessage(t('precision-recall-by-hand.noHits', { fp, fn }), 'warn');
    else {
      const shown = { precision: fixed(p * 100, 1), recall: fixed(r * 100, 1), f1: fixed(f1, 3) };
      const kind = verdictOf(fixed(p, 3), fixed(r, 3));
      if (kind === 'precise') card.setMessage(t('precision-recall-by-hand.precise', { precision: shown.precision, fn, positives: tp + fn, missed: fixed((1 - r) * 100, 1), f1: shown.f1 }), 'info');
      else if (kind === 'thorough') card.setMessage(t('precision-recall-by-hand.thorough', { recall: shown.recall, fp, flagged: tp + fp, f1: shown.f1 }), 'info');
      else if (kind === 'neitherHigh') card.setMessage(t('precision-recall-by-hand.neitherHigh', { precision: shown.precision, recall: shown.recall, f1: shown.f1, smaller: p < r ? 'precision' : 'recall' }), 'warn');
      else card.setMessage(t('precision-recall-by-hand.balanced', { f1: shown.f1, low: kind === 'balancedLow', precision: shown.precision, recall: shown.recall }), kind === 'balancedLow' ? 'warn' : 'ok');
    }
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
