// A box a learner types one number into, inside a widget (a weight, a kernel entry, a count, a
// setting). It is a text box read the way every typed number on the site is read
// (web/lib/predict-number.js, as the predict boxes and check-yourself read it: "0,5" is 0.5,
// "1/2" is 0.5, "1 000" is 1000). A number box (<input type="number">) is not used: Chromium drops
// every character it does not accept as it is typed, so "0,5" arrived as 5, "1/2" as 12 and "50%"
// as 50, and the widget used that number without a word.
//
// While typing, a text that reads as a number in range is passed to `onLive` (when given), and
// anything else waits. Once the entry is done (Enter, or leaving the box) a number in range goes to
// `onValue`; anything else goes back to the value the box held when it was entered (`get()` then),
// which `onLive` hears too, so the box and the widget agree, and `onRefuse` is told why: a refusal
// from readNumberInBox, plus `kept` (the value put back). refusalReason() turns it into words.
// The arrow keys step by `step`, as they did in the number box, within min … max.
import { el } from './ui.js';
import { readPredictedNumber } from './predict-number.js';
import { formatNumber, formatShort } from './format.js';

// The number in `text`, or { refusal, typed } as readPredictedNumber names it, plus 'belowMin' and
// 'aboveMax' for a number outside min … max. `percent` is a box that asks for a percentage
// ("50%" is 50 there), as a predict box may.
export function readNumberInBox(text, { integer = false, percent = false, min = -Infinity, max = Infinity } = {}) {
  const read = readPredictedNumber(text, { integer, percent });
  if (read.refusal) return read;
  if (read.value < min) return { refusal: 'belowMin', typed: read.typed, value: read.value, min };
  if (read.value > max) return { refusal: 'aboveMax', typed: read.typed, value: read.value, max };
  return read;
}

// Why a typed entry was not used, as a clause a widget's own sentence carries ("{reason}, so the
// weight stays 0.5."): the shared words number.* (web/lib/messages-en.js), through the widget's t.
// The one mapping from a refusal to words: widget boxes, settings notes (schema.js) and the
// predict boxes (predict.js, which adds what its box asks for) all say a refusal with it.
// A limit is written so that it can be typed back: a whole number in full (the seed's 2147483647,
// never "2.15 × 10⁹"), grouped in threes below a million as the site writes counts.
export const typeable = (v) => (!Number.isInteger(v) ? formatShort(v, 6) : Math.abs(v) < 1e6 ? formatNumber(v, 0) : String(v));

export function refusalReason(t, refusal, { format = typeable } = {}) {
  const { typed, min, max } = refusal;
  switch (refusal.refusal) {
    case 'empty': return t('number.empty');
    case 'separators': return t('number.separators', { typed });
    case 'ambiguous': return t('number.ambiguous', { typed, whole: refusal.whole, part: refusal.part });
    case 'tooLarge': return t('number.tooLarge', { typed });
    case 'divideByZero': return t('number.divideByZero', { typed });
    case 'percentSign': return t('number.percentSign', { typed, count: Boolean(refusal.count) });
    case 'notWhole': return t('number.notWhole', { typed });
    case 'belowMin': return t('number.belowMin', { typed, min: format(min) });
    case 'aboveMax': return t('number.aboveMax', { typed, max: format(max) });
    default: return t('number.notNumber', { typed });
  }
}

// The grid value next to `value` in the step's direction (a value between two steps goes to the
// nearer one on that side, as a number box's arrows did), within min … max.
export function stepFrom(value, step, direction, { min = -Infinity, max = Infinity } = {}) {
  const n = value / step;
  const k = direction > 0 ? Math.floor(n + 1e-9) + 1 : Math.ceil(n - 1e-9) - 1;
  const decimals = (String(step).split('.')[1] || '').length;
  const next = Number((k * step).toFixed(decimals));
  return Math.min(max, Math.max(min, next));
}

export function numberBox({ get, format = String, integer = false, min = -Infinity, max = Infinity, step = 0, onValue, onLive = null, onRefuse, attrs = {} }) {
  // A whole number from 0 up gets the digit keypad; anything that can be negative or a fraction
  // gets the keypad with a decimal separator (and, on most phones, a minus sign).
  const input = el('input', { type: 'text', inputmode: integer && min >= 0 ? 'numeric' : 'decimal', autocomplete: 'off', spellcheck: 'false', ...attrs });
  input.classList.add('dw-number-box');
  input.value = format(get());
  let kept = get();
  const read = () => readNumberInBox(input.value, { integer, min, max });
  input.addEventListener('focus', () => { kept = get(); });
  input.addEventListener('input', () => {
    if (!onLive) return;
    const r = read();
    if (!r.refusal) onLive(r.value);
  });
  input.addEventListener('change', () => {
    const r = read();
    if (r.refusal) {
      input.value = format(kept);
      if (onLive) onLive(kept);
      onRefuse({ ...r, kept });
      return;
    }
    kept = r.value;
    input.value = format(kept);
    onValue(kept);
  });
  input.addEventListener('keydown', (e) => {
    if (!step || (e.key !== 'ArrowUp' && e.key !== 'ArrowDown')) return;
    e.preventDefault();
    const r = read();
    const next = stepFrom(r.refusal ? get() : r.value, step, e.key === 'ArrowUp' ? 1 : -1, { min, max });
    kept = next;
    input.value = format(next);
    onValue(next);
  });
  return input;
}
