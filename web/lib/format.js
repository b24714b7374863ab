// The one formatter for every number, count and unit a learner reads (readouts, messages,
// tables, axis ticks, aria labels). Rules, so every widget reads the same:
//   - never "NaN", "undefined", "Infinity" or "-0": missing → "–", infinite → "∞" / "−∞";
//   - negative numbers keep the ASCII minus, so a reader (or a test) can copy them as numbers;
//   - from ±1,000,000 on, a number is written as "9.55 × 10³³", never JavaScript's "9.55e+33"
//     or thirty digits (formatShort and formatTick also do so below 0.001);
//   - from 1 000 on, the integer part is grouped in threes with a narrow no-break space (U+202F, as
//     wide as a thin space), as the lessons write "1 616 steps": a thin space (U+2009) may break at a
//     line's end and split "2 304". An identifier that is no quantity (a year, a seed, a version)
//     opts out with { grouping: false } where it is written, and so does text a machine reads back;
//   - counts agree with their noun: "1 dart", "3 darts";
//   - a difference or ratio printed beside shown numbers is computed from the numbers as shown
//     (readShown), so it checks out by hand: 0.350 − 0.325 reads 0.025, never 0.026.

const SUPERSCRIPT = { '-': '⁻', 0: '⁰', 1: '¹', 2: '²', 3: '³', 4: '⁴', 5: '⁵', 6: '⁶', 7: '⁷', 8: '⁸', 9: '⁹' };
const LARGE = 1e6;
const SMALL = 1e-3;

// Scientific notation for a learner: mantissa with `significant` digits, "× 10ⁿ"; trailing zeros
// of the mantissa are dropped ("2 × 10⁻⁸") unless `keepZeros` ("2.00 × 10⁻⁸").
export function scientific(v, significant = 3, { keepZeros = false } = {}) {
  const [mantissa, exponent] = v.toExponential(Math.max(0, significant - 1)).split('e');
  const exp = String(Number(exponent)).split('').map((ch) => SUPERSCRIPT[ch]).join('');
  return `${keepZeros ? mantissa : String(Number(mantissa))} × 10${exp}`;
}

// Rounds as a learner does by hand, on the decimal digits: 51/80 of 100 is 63.75, and 2.675 is
// 2.675, although their doubles are 63.7499… and 2.67499…, which toFixed rounds down (while
// 47/80 of 100, 58.75000…01, rounds up). The value is read to 15 significant digits (what a
// double holds reliably) and a decimal half rounds away from zero. Returns the digits as text.
function toFixedDecimal(v, digits) {
  const plain = Math.abs(v).toPrecision(15);
  if (plain.includes('e')) return v.toFixed(digits); // below 1e-6: no half to settle at a readout's digits
  const [int, frac = ''] = plain.split('.');
  const padded = frac.padEnd(digits + 1, '0');
  let kept = int + padded.slice(0, digits);
  if (padded[digits] >= '5') kept = String(BigInt(kept) + 1n).padStart(kept.length, '0');
  const point = kept.length - digits;
  const text = digits > 0 ? `${kept.slice(0, point)}.${kept.slice(point)}` : kept;
  return v < 0 ? `-${text}` : text;
}

// A number with a fixed count of decimals (the common readout). Very large or very small
// values switch to scientific notation instead of printing thirty digits.
// `significant` asks for more decimals where `digits` would leave fewer significant digits
// (at most 6 decimals): with digits 2 and significant 3, 8.25 and 27.74 but 0.238, not 0.24, so
// a ratio of two shown values stays close to the ratio of the values. `signed` writes "+" before
// a positive number, for a change.
const MAX_DECIMALS = 6;
export const GROUP = '\u202f';
export function formatNumber(v, digits = 3, { grouping = true, significant = 0, signed = false } = {}) {
  if (v === undefined || v === null || typeof v !== 'number' || Number.isNaN(v)) return '–';
  if (!Number.isFinite(v)) return v > 0 ? '∞' : '−∞';
  const a = Math.abs(v);
  if (a >= LARGE) return (signed && v > 0 ? '+' : '') + scientific(v, 3);
  if (significant > 0 && a > 0) {
    const magnitude = Math.floor(Math.log10(a));
    digits = Math.max(digits, Math.min(MAX_DECIMALS, significant - 1 - magnitude));
  }
  let s = toFixedDecimal(v, digits);
  if (/^-0\.?0*$/.test(s)) s = s.slice(1);
  if (signed && /[1-9]/.test(s) && !s.startsWith('-')) s = `+${s}`;
  return grouping ? groupThousands(s) : s;
}

// The value a shown number stands for, read back from the text this file wrote ("0.350", "-1.14",
// "+0.52", "9.55 × 10³³", "1 234.5" grouped with a narrow no-break space, or with a thin space as
// this file once wrote it); NaN for "–" or anything else.
const FROM_SUPERSCRIPT = Object.fromEntries(Object.entries(SUPERSCRIPT).map(([ch, sup]) => [sup, ch]));
export function readShown(text) {
  const s = String(text).trim().replace(/[\u2009\u202f]/g, '').replace(/^−/, '-');
  if (s === '∞' || s === '-∞') return s === '∞' ? Infinity : -Infinity;
  const power = /^([-+]?\d+(?:\.\d+)?) × 10([⁻⁰¹²³⁴⁵⁶⁷⁸⁹]+)$/.exec(s);
  if (power) return Number(`${power[1]}e${power[2].split('').map((ch) => FROM_SUPERSCRIPT[ch]).join('')}`);
  return /^[-+]?\d+(?:\.\d+)?$/.test(s) ? Number(s) : NaN;
}

// The value a learner reads where `v` is shown with formatNumber(v, digits, options): a verdict
// judged "as shown" compares this, so it never contradicts the rounded readout beside it.
export function asShown(v, digits, options) {
  return readShown(formatNumber(v, digits, options));
}

// A value beside a limit, written so that it reads on the same side of the limit as the value
// itself: `digits` decimals (or significant digits, with write = formatShort), or as many more as
// it takes. A verdict compares the unrounded value; the text beside it must never contradict it:
// a gap of 1.015 % against a 1 % bar is "1.02", never "1.0"; a distance of 0.4984 under a 0.5 gap
// is "0.498", never "0.50"; PSI 0.2496 beside its 0.25 limit is "0.2496", never "0.25".
// fit-line's and place-centroids' gaps, place-centroids' refused distance and model-lifecycle's
// PSI and KS p-value use it.
export function formatBeside(value, limit, digits = 1, write = formatNumber) {
  const side = Math.sign(value - limit);
  for (let d = digits; d <= digits + 8; d++) {
    const text = write(value, d);
    if (Math.sign(readShown(text) - limit) === side) return text;
  }
  return write(value, digits + 8);
}

// The sign between a worked sum and its result: "=" only where the terms as shown, worked out by
// hand (`shownSum`, from readShown of each written term), give the result as shown to `digits`
// decimals; where rounding the terms makes them miss the shown result, "≈", never "=".
export function equalsSign(shownSum, value, digits) {
  return formatNumber(shownSum, digits) === formatNumber(value, digits) ? '=' : '≈';
}

// A term after the first in a written formula, its sign as the operator: "+ 50", "− 300", never
// "+ -300" ("ŷ = 0.150x − 300"); the operator is the minus sign (U+2212), as in the typeset formulas
// beside it; formatNumber's `digits` and options.
export function formatTerm(v, digits = 3, options) {
  const text = formatNumber(v, digits, options);
  return text.startsWith('-') ? `\u2212 ${text.slice(1)}` : `+ ${text}`;
}

// Up to `significant` significant digits, trailing zeros dropped ("0.25", "1 200", "3.14").
export function formatShort(v, significant = 3, { grouping = true } = {}) {
  if (v === undefined || v === null || typeof v !== 'number' || Number.isNaN(v)) return '–';
  if (!Number.isFinite(v)) return v > 0 ? '∞' : '−∞';
  if (v === 0) return '0';
  const a = Math.abs(v);
  if (a >= LARGE || a < SMALL) return scientific(v, significant);
  // Decimals that leave `significant` digits, rounded on the decimal digits as above.
  const magnitude = Number(a.toExponential(14).split('e')[1]);
  const digits = significant - 1 - magnitude;
  const s = String(Number(digits > 0 ? toFixedDecimal(v, digits) : v.toPrecision(significant)));
  return grouping ? groupThousands(s) : s;
}

// "1536.5" → "1 536.5", "-1234" → "-1 234": the integer part of a plain decimal grouped in threes;
// the decimals are left alone.
function groupThousands(s) {
  const [int, frac] = s.split('.');
  return int.replace(/\B(?=(\d{3})+(?!\d))/g, GROUP) + (frac !== undefined ? `.${frac}` : '');
}

// Exactly `significant` significant digits, trailing zeros kept ("1.00", "0.500", "2.00 × 10⁻⁸"),
// for numbers of one kind shown side by side (a table column, a readout beside it): formatShort
// would write "2 × 10⁻⁸" next to "4.3 × 10⁻⁸", one number at one digit and its neighbour at two.
// Beyond a million and below 0.001 the "× 10ⁿ" form, as formatShort; thousands grouped as formatNumber.
export function formatSignificant(v, significant = 3, { grouping = true } = {}) {
  if (v === undefined || v === null || typeof v !== 'number' || Number.isNaN(v)) return '–';
  if (!Number.isFinite(v)) return v > 0 ? '∞' : '−∞';
  if (v === 0) return formatNumber(0, significant - 1);
  const a = Math.abs(v);
  // The magnitude after rounding to `significant` digits: 0.0009996 is 1.00 × 10⁻³, written 0.00100.
  const magnitude = Number(a.toExponential(Math.max(0, significant - 1)).split('e')[1]);
  if (a >= LARGE || magnitude < Math.log10(SMALL)) return scientific(v, significant, { keepZeros: true });
  const digits = Math.max(0, significant - 1 - magnitude);
  let text = toFixedDecimal(v, digits);
  // A decimal half that rounds up into the next power (9.995 → "10.00") keeps `significant` digits.
  if (digits > 0 && Math.abs(Number(text)) >= 10 ** (magnitude + 1)) text = toFixedDecimal(v, digits - 1);
  return grouping ? groupThousands(text) : text;
}

// A fraction in [0, 1] as a percentage: formatPercent(0.834) → "83.4%" (no space, as
// everywhere else on the site).
export function formatPercent(fraction, digits = 1) {
  if (typeof fraction !== 'number' || !Number.isFinite(fraction)) return '–';
  return `${formatNumber(fraction * 100, digits)}%`;
}

// An amount of money, written one way wherever it appears: cents always, thousands grouped with a
// narrow no-break space from $1 000.00 on (formatNumber's grouping), so "$5 000.00" and "$100 001.00" read
// alike; the minus before the currency sign ("-$0.15", never "$-0.15"), and none on an amount
// that rounds to 0.00. `symbol: ''` writes the amount alone, for a column headed "($)".
export function formatMoney(v, { symbol = '$' } = {}) {
  if (typeof v !== 'number' || !Number.isFinite(v)) return formatNumber(v, 2);
  const amount = formatNumber(Math.abs(v), 2);
  return `${v < 0 && /[1-9]/.test(amount) ? '-' : ''}${symbol}${amount}`;
}

// "1 dart", "2 darts", "1 centroid"; an irregular plural is passed explicitly.
export function countOf(n, singular, plural = `${singular}s`) {
  const shown = Number.isInteger(n) ? formatNumber(n, 0) : formatNumber(n, 1);
  return `${shown} ${pluralOf(n, singular, plural)}`;
}

// "a" or "an" before a number shown in English, by how it is said: an 8, an 11, an 18, an 80,
// an 11 000; a 1, a 7, a 100. English messages write `${aOrAn(shown)} ${shown}`.
export function aOrAn(shown) {
  const whole = String(shown).replace(/[^\d.\-\u2212]/g, '').split('.')[0];
  if (!/^\d+$/.test(whole)) return 'a';
  const digits = whole.replace(/^0+(?=\d)/, '');
  return digits.startsWith('8') || (digits.length % 3 === 2 && /^1[18]/.test(digits)) ? 'an' : 'a';
}

// Items joined as an English list: "a", "a and b", "a, b and c" ('' for none).
export function listedInWords(items) {
  return items.length > 1 ? `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}` : items[0] || '';
}

// The word alone, for a count shown apart from it (a big number above its label).
export function pluralOf(n, singular, plural = `${singular}s`) {
  return n === 1 ? singular : plural;
}

// Text shortened to at most `max` characters at a word boundary, ending in "…": an activity's
// title is kept short in saved progress (a learning platform's suspend data is small), and a title
// cut mid-word ("the test ac") reads as a mistake.
export function clipText(text, max) {
  const s = String(text).replace(/\s+/g, ' ').trim();
  if (s.length <= max) return s;
  const room = s.slice(0, max - 1);
  const space = room.lastIndexOf(' ');
  let cut = space > max / 2 ? room.slice(0, space) : room;
  // A bracket opened and cut off ("… the most (the…") is dropped whole.
  const open = cut.lastIndexOf('(');
  if (open > max / 2 && cut.indexOf(')', open) < 0) cut = cut.slice(0, open);
  return `${cut.replace(/[\s,;:.(–—-]+$/, '')}…`;
}

// An angle in degrees folded into [0°, 180°) for an undirected axis (a line through the origin
// at 180° is the same line as at 0°), so a readout never shows "-0.0°" or "180.0°" for one axis.
export function formatAxisAngle(degrees, digits = 1) {
  if (!Number.isFinite(degrees)) return '–';
  let d = ((degrees % 180) + 180) % 180;
  if (Number(d.toFixed(digits)) === 180) d = 0;
  return `${formatNumber(d, digits)}°`;
}

// A power of ten on a log axis: "0.01", "1", "1 000" where formatTick writes them plainly, else
// "10⁻⁴" — the mantissa 1 of "1 × 10⁻⁴" adds nothing and made the label too wide for an axis margin.
const writtenPlainly = (p) => 10 ** p >= SMALL && 10 ** p < LARGE;
const superscriptPower = (p) => `10${String(p).split('').map((ch) => SUPERSCRIPT[ch]).join('')}`;
export function formatPowerOfTen(p) {
  return writtenPlainly(p) ? formatTick(10 ** p) : superscriptPower(p);
}

// The labels of one log axis's powers of ten, in one notation: all plain when formatTick writes
// every one plainly, else all "10ⁿ" — "100 000" just below "10⁶" read as two different scales.
export function formatPowersOfTen(powers) {
  return powers.every(writtenPlainly) ? powers.map(formatPowerOfTen) : powers.map(superscriptPower);
}

// Axis tick labels: short, no exponent notation a learner has not met ("1 000", "2 000", grouped
// as every other number; beyond a million the × 10ⁿ form).
export function formatTick(v) {
  if (v === 0) return '0';
  const a = Math.abs(v);
  if (a >= LARGE || a < SMALL) return scientific(v, 2);
  return groupThousands(String(Number(v.toPrecision(4))));
}
