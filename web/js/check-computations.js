// The numbers behind check-yourself answers. A lesson never types a numeric answer: its
// `::: check-yourself` block names one of these computations with the lesson's own numbers
// (`= gd-step.w x=1 y=4 w=3 b=4 eta=0.1 ± 0.01`), and the page asks the engine for it, so the
// answer is the engine's, computed from the same state the lesson describes. Each computation
// takes the loaded engine and an object of named arguments (numbers, or arrays of numbers for
// comma lists) and returns an object of named results; the directive picks one result.
// Kept free of the DOM so Node tests evaluate every lesson's answers with the same code.
// The computations live in web/js/check-computations/, one module per topic (linear-models.js,
// metrics.js, unsupervised.js, …; args.js reads the arguments); this file only gathers them.

import { computations as linearModels } from './check-computations/linear-models.js';
import { computations as optimisation } from './check-computations/optimisation.js';
import { computations as metrics } from './check-computations/metrics.js';
import { computations as modelSelection } from './check-computations/model-selection.js';
import { computations as generalisation } from './check-computations/generalisation.js';
import { computations as treesAndEnsembles } from './check-computations/trees-and-ensembles.js';
import { computations as nearestNeighbours } from './check-computations/nearest-neighbours.js';
import { computations as kernelsAndSvm } from './check-computations/kernels-and-svm.js';
import { computations as unsupervised } from './check-computations/unsupervised.js';
import { computations as neuralNetworks } from './check-computations/neural-networks.js';
import { computations as cnn } from './check-computations/cnn.js';
import { computations as rnn } from './check-computations/rnn.js';
import { computations as reinforcement } from './check-computations/reinforcement.js';
import { computations as text } from './check-computations/text.js';
import { computations as linearAlgebra } from './check-computations/linear-algebra.js';
import { computations as statistics } from './check-computations/statistics.js';
import { computations as featureScaling } from './check-computations/feature-scaling.js';
import { computations as dataDrift } from './check-computations/data-drift.js';
import { addMessages, messageFunction } from '../lib/messages.js';
import { messages } from './check-yourself.messages.js';

addMessages('en', messages, { keep: true });

// Every computation by name, from the topic modules above (each name is defined in one module
// only: tests/node/check_yourself.test.mjs fails on a name defined twice).
export const computations = {
  ...linearModels,
  ...optimisation,
  ...metrics,
  ...modelSelection,
  ...generalisation,
  ...treesAndEnsembles,
  ...nearestNeighbours,
  ...kernelsAndSvm,
  ...unsupervised,
  ...neuralNetworks,
  ...cnn,
  ...rnn,
  ...reinforcement,
  ...text,
  ...linearAlgebra,
  ...statistics,
  ...featureScaling,
  ...dataDrift,
};

export const computationNames = Object.keys(computations);

// "gd-step.w x=1 y=4 eta=0.1 list=1,2,3" → { name, output, args }. Throws a RangeError in words.
export function parseComputation(spec) {
  const parts = String(spec).trim().split(/\s+/);
  const [name, output] = parts[0].split('.');
  if (!Object.prototype.hasOwnProperty.call(computations, name)) {
    throw new RangeError(`unknown computation "${name}" (known: ${computationNames.join(', ')})`);
  }
  if (!output) throw new RangeError(`"${parts[0]}" must name a result, e.g. ${name}.value`);
  const args = {};
  for (const p of parts.slice(1)) {
    const m = /^([a-zA-Z][\w]*)=(.+)$/.exec(p);
    if (!m) throw new RangeError(`argument "${p}" must look like name=3 or name=1,2,3`);
    const values = m[2].split(',').map(Number);
    if (!values.every(Number.isFinite)) throw new RangeError(`argument "${p}" must be numbers`);
    args[m[1]] = m[2].includes(',') ? values : values[0];
  }
  return { name, output, args };
}

// The answer of one parsed computation, from the engine.
export function evaluateComputation(ml, { name, output, args }) {
  const result = computations[name](ml, args);
  if (!Object.prototype.hasOwnProperty.call(result, output)) {
    throw new RangeError(`${name} has no result "${output}" (it gives ${Object.keys(result).join(', ')})`);
  }
  const value = result[output];
  if (!Number.isFinite(value)) throw new RangeError(`${name}.${output} is not a finite number for these arguments`);
  return value;
}

// What a learner typed as a numeric answer: a plain decimal with an optional sign, a decimal
// point or comma ("2.4", "2,4", "-0.5", "−0.5", ".5"), thousands grouped by spaces ("2 304"), a fraction of whole numbers ("3/4"), or a
// decimal times a power of ten, as computers write it ("9.77e-4") or as the feedback shows it
// ("9.766 × 10⁻⁴", "9.77 x 10^-4"). Anything else, and a number too large to hold, is refused in
// words.
// A comma is a decimal comma ("2,4" is 2.4), except where it can only group thousands
// ("1,000,000", "1,000.5"). One comma before exactly three digits ("1,000") is both at once, so
// it is refused with both readings rather than guessed.
// kind is how the lesson's directive declares the answer (scripts/lesson-render.mjs): 'share'
// (a part of 1, so "35%" is 0.35), 'percent' (in percent or percentage points, so "35%" is 35),
// 'count' (a whole number from 0: "0.9" votes is refused, not rounded) or 'whole' (a whole number
// of either sign); without one, a typed "%" is refused with how to type the answer. readAs says how the text was
// read when that is not the text as typed ("2,4" → "2.4", "35%" of a share → "0.35").
// t gives the refusals' words (web/js/check-yourself.messages.js), in English unless the page
// passes its language's.
const SUPERSCRIPT = { '⁰': '0', '¹': '1', '²': '2', '³': '3', '⁴': '4', '⁵': '5', '⁶': '6', '⁷': '7', '⁸': '8', '⁹': '9', '⁻': '-', '⁺': '+' };
export const answerKinds = ['share', 'percent'];
// Kinds whose answer is exact, so their directive has no tolerance.
export const wholeKinds = ['count', 'whole'];
export function readNumber(text, kind = '', t = messageFunction('en')) {
  const typed = String(text).trim();
  const shown = typed.slice(0, 20);
  let digits = typed.replace(/\u2212/g, '-').replace(/^\+/, '');
  // Thousands grouped by a space in threes, as the site writes them ("2 304" with a narrow
  // no-break space, web/lib/format.js) or as typed with a plain one: the space is dropped.
  if (/^-?\d{1,3}(?:[ \u00a0\u2009\u202f]\d{3})+(?:\.\d*)?(?:\s*%)?$/.test(digits)) digits = digits.replace(/[ \u00a0\u2009\u202f]/g, '');
  if (!digits) return { error: t('check-yourself.read.empty') };
  const percent = /^(.*?)\s*%$/.exec(digits);
  if (percent) digits = percent[1];
  const notNumber = { error: t('check-yourself.read.notNumber', { typed: shown }) };
  // A fraction of whole numbers (6/8) is a number too: a question may ask for a share "as a fraction".
  const fraction = /^(-?\d+)\s*\/\s*(\d+)$/.exec(digits);
  if (fraction && percent) return notNumber;
  if (fraction) {
    const below = Number(fraction[2]);
    return below === 0 ? { error: t('check-yourself.read.divideByZero', { typed: shown }) } : checkKind({ value: Number(fraction[1]) / below }, kind, shown, t);
  }
  const decimal = '-?(?:\\d+(?:[.,]\\d*)?|[.,]\\d+|\\d{1,3}(?:,\\d{3})+(?:\\.\\d*)?)';
  const plain = new RegExp(`^${decimal}$`).exec(digits);
  const power = new RegExp(`^(${decimal})(?:[eE]([+-]?\\d+)|\\s*[×xX*·]\\s*10\\s*(?:\\^\\s*([+-]?\\d+)|([⁻⁺]?[⁰¹²³⁴⁵⁶⁷⁸⁹]+)))$`).exec(digits);
  if (!plain && !power) {
    if (/^-?[\d.,]+$/.test(digits) && /[.,]/.test(digits)) {
      return { error: t('check-yourself.read.separators', { typed: shown }) };
    }
    return notNumber;
  }
  const written = plain ? plain[0] : power[1];
  const ambiguous = /^(-?)([1-9]\d{0,2}),(\d{3})$/.exec(written);
  if (ambiguous) {
    const [, sign, head, tail] = ambiguous;
    const rest = digits.slice(written.length);
    const [whole, part] = [`${sign}${head}${tail}${rest}`, `${sign}${head}.${tail}${rest}`];
    return { error: t('check-yourself.read.ambiguous', { typed: shown, whole, part }) };
  }
  const grouped = /^-?\d{1,3}(?:,\d{3})+(?:\.\d*)?$/.test(written) && (written.includes('.') || /,.*,/.test(written));
  const mantissa = grouped ? written.replaceAll(',', '') : written.replace(',', '.');
  let exponent = Number(plain ? '0' : power[2] ?? power[3] ?? [...power[4]].map((c) => SUPERSCRIPT[c]).join(''));
  if (percent) {
    if (kind === 'share') exponent -= 2;
    else if (kind !== 'percent') {
      return { error: kind === 'count' ? t('check-yourself.read.percentOnCount', { typed: shown }) : t('check-yourself.read.percentOnPlain', { typed: shown }) };
    }
  }
  // Written out and read once ("9.77e-4"), so 9.77 × 10⁻⁴ is the double nearest 0.000977, not a
  // product with its own rounding.
  const value = Number(`${mantissa}e${exponent}`);
  if (!Number.isFinite(value)) return { error: t('check-yourself.read.tooLarge', { typed: shown }) };
  const reread = mantissa !== written || (percent && kind === 'share');
  return checkKind(reread ? { value, readAs: String(value) } : { value }, kind, shown, t);
}

// A number that cannot be an answer of the declared kind is refused in words (a share above 1,
// 0.9 votes).
function checkKind(read, kind, shown, t) {
  if (kind === 'count' && !Number.isInteger(read.value)) return { error: t('check-yourself.read.countNotWhole', { typed: shown }) };
  if (kind === 'count' && read.value < 0) return { error: t('check-yourself.read.countBelowZero', { typed: shown }) };
  if (kind === 'whole' && !Number.isInteger(read.value)) return { error: t('check-yourself.read.notWhole', { typed: shown }) };
  if (kind === 'share' && !(read.value >= 0 && read.value <= 1)) {
    // A number from 1 to 100 was likely meant in percent: the share it stands for, as the learner would type it.
    const meant = read.value > 1 && read.value <= 100 ? String(Number(`${read.value}e-2`)) : '';
    return { error: t('check-yourself.read.notShare', { typed: shown, meant }) };
  }
  return read;
}
