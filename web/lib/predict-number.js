// What a learner typed in a numeric "Predict, then check" box (web/lib/predict.js), read the way
// the check-yourself reader (web/js/check-computations.js, readNumber) reads an answer, so the
// same slip gets the same kind of answer on both: a plain decimal with an optional sign, a point
// or a decimal comma ("0,5" is 0.5), or a power of ten as computers write it ("2e3"). The result
// is { value, typed } or { refusal, … } naming why the text is no prediction, for predict.js to
// put into words: 'empty', 'notNumber' ("abc", "NaN"), 'divideByZero' ("1/0"), 'tooLarge'
// ("1e999" has no value a number can hold), 'percentSign' ("50%" in a box that does not ask for a
// percentage),
// 'ambiguous' ("1,000": a thousand, or one with a decimal comma?), 'separators' ("1.000,5"),
// 'notWhole' (3.5 in a count box). `typed` is the text cut to 20 characters, as it is quoted back.
// A box that asks for a percentage takes "17%" as 17 and also "0.17" as 0.17 (a percentage below
// 1 is possible), but marks the latter `looksLikeShare`, so the box can say how it read it.
const DECIMAL = /^-?(?:\d+(?:[.,]\d*)?|[.,]\d+)(?:[eE][+-]?\d+)?$/;

export function readPredictedNumber(text, { percent = false, integer = false } = {}) {
  const typed = String(text).trim().slice(0, 20);
  let t = String(text).trim().replace(/\u2212/g, '-').replace(/^\+/, '');
  // Thousands grouped by a space in threes ("1 000", as the site writes its counts): the space is
  // dropped, as check-yourself drops it.
  if (/^-?\d{1,3}(?:[ \u00a0\u2009\u202f]\d{3})+(?:\.\d*)?(?:\s*%)?$/.test(t)) t = t.replace(/[ \u00a0\u2009\u202f]/g, '');
  if (!t) return { refusal: 'empty', typed };
  const sign = /^(.*?)\s*%$/.exec(t);
  if (sign) t = sign[1];
  // A fraction of whole numbers ("1/2", "3/4") is a number too, as check-yourself reads it; it is
  // locked as its decimal value, which is what the box shows back.
  const fraction = /^(-?\d+)\s*\/\s*(\d+)$/.exec(t);
  if (fraction && !sign) {
    const below = Number(fraction[2]);
    if (below === 0) return { refusal: 'divideByZero', typed };
    const value = Number(fraction[1]) / below;
    if (!Number.isFinite(value)) return { refusal: 'tooLarge', typed };
    if (integer && !Number.isInteger(value)) return { refusal: 'notWhole', typed };
    return { value, typed, written: String(value), looksLikeShare: percent && value > 0 && value < 1 };
  }
  if (!DECIMAL.test(t)) {
    if (/^-?[\d.,]+$/.test(t) && /[.,].*[.,]/.test(t)) return { refusal: 'separators', typed };
    return { refusal: 'notNumber', typed };
  }
  // One comma before exactly three digits is a thousands separator and a decimal comma at once.
  const ambiguous = /^(-?)([1-9]\d{0,2}),(\d{3})$/.exec(t);
  if (ambiguous) return { refusal: 'ambiguous', typed, whole: `${ambiguous[1]}${ambiguous[2]}${ambiguous[3]}`, part: `${ambiguous[1]}${ambiguous[2]}.${ambiguous[3]}` };
  const written = t.replace(',', '.');
  const value = Number(written);
  if (!Number.isFinite(value)) return { refusal: 'tooLarge', typed };
  if (sign && !percent) return { refusal: 'percentSign', typed, value, count: integer };
  if (integer && !Number.isInteger(value)) return { refusal: 'notWhole', typed };
  return { value, typed, written, looksLikeShare: percent && !sign && value > 0 && value < 1 };
}
