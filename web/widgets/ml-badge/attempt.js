// The badge challenge's rules, with no DOM: which questions an attempt draws, in what order, how
// a typed number is read, what counts as right, and what the result says. The widget
// (ml-badge.js) only displays this; node tests import it to replay attempts by seed.
//
// An attempt is one question from each of the 22 slots in bank.js (so every level and topic is
// always covered in the same proportions), the 22 in a shuffled order, and each multiple-choice
// question's four choices shuffled too. Everything follows from one integer seed. This module
// holds no words a learner reads: a text that is not an answer yet comes back with a reason
// ('empty', 'not-a-number', 'too-large', 'no-choice') that the widget puts into words
// (messages.js).
import { formatNumber, asShown } from '../../lib/format.js';
import { SLOTS, QUESTIONS } from './bank.js';
import { seededShuffle } from '../../lib/rng.js';
import { passMark } from '../../lib/badge-pass-rule.js';

export const QUESTION_COUNT = SLOTS.length;
export const PASS_MARK = passMark(QUESTION_COUNT); // 18 of 22

// Independent sub-seeds from one attempt seed (Knuth's multiplicative hash keeps them apart).
function subSeed(seed, salt) {
  return (Math.imul((seed >>> 0) ^ Math.imul(salt + 1, 0x9e3779b1), 2654435761) ^ salt) >>> 0;
}

// The questions of one attempt, before any number is computed: [{ question, choiceOrder }].
export function drawAttempt(seed, bank = QUESTIONS, slots = SLOTS) {
  const picked = slots.map((slot, i) => {
    const pool = bank.filter((q) => q.slot === slot.id);
    if (pool.length === 0) throw new Error(`badge: slot "${slot.id}" has no questions`);
    return seededShuffle(pool, subSeed(seed, i))[0];
  });
  return seededShuffle(picked, subSeed(seed, 1000)).map((question, i) => ({
    question,
    // the four choices' display order, as indices into [right, ...wrong]
    choiceOrder: question.kind !== 'number' ? seededShuffle([0, 1, 2, 3], subSeed(seed, 2000 + i)) : null,
  }));
}

// Turn a drawn question into what the learner sees. `ml` is the loaded engine: computed
// questions ask it for the right answer and for the mistakes the distractors stand for.
export function instantiate({ question, choiceOrder }, ml) {
  const slot = SLOTS.find((s) => s.id === question.slot);
  const base = {
    id: question.id,
    slot: question.slot,
    level: slot.level,
    topic: question.topic || slot.topic,
    lesson: question.lesson || slot.lesson,
    kind: question.kind === 'number' ? 'number' : 'choice',
  };
  const computed = question.compute ? question.compute(ml) : null;
  const q = typeof question.q === 'function' ? question.q(computed) : question.q;
  if (question.kind === 'number') {
    const digits = question.digits ?? 2;
    return {
      ...base,
      q,
      value: computed.value,
      digits,
      tolerance: question.tolerance ?? 10 ** -digits,
      why: computed.why,
      mistakes: computed.mistakes || [],
    };
  }
  let options;
  if (computed) {
    const digits = question.digits ?? 2;
    const show = (v) => `${question.prefix || ''}${formatNumber(v, digits)}${question.unit || ''}`;
    options = [{ text: show(computed.value), why: computed.why }, ...computed.mistakes.map((m) => ({ text: show(m.value), why: m.why }))];
  } else {
    options = [{ text: question.right[0], why: question.right[1] }, ...question.wrong.map(([text, why]) => ({ text, why }))];
  }
  if (options.length !== 4) throw new Error(`badge: question "${question.id}" needs exactly 4 choices, has ${options.length}`);
  const choices = choiceOrder.map((k) => ({ ...options[k], correct: k === 0 }));
  return { ...base, q, choices, answer: choices.findIndex((c) => c.correct) };
}

// Read a typed number: "2.4", "-0,5", "−3", " 0.67 ". Returns { ok, value, decimals } (decimals:
// how many digits were typed after the point) or
// { ok: false, reason, text } with reason 'empty', 'not-a-number' (text: the first 20
// characters typed, to quote back) or 'too-large'.
export function parseNumber(text) {
  const s = String(text ?? '').trim().replace(/\u2212/g, '-').replace(/\s+/g, '');
  if (s === '') return { ok: false, reason: 'empty' };
  const normal = /^[-+]?\d*,\d+$/.test(s) ? s.replace(',', '.') : s; // a decimal comma
  if (!/^[-+]?(\d+\.?\d*|\.\d+)$/.test(normal)) return { ok: false, reason: 'not-a-number', text: String(text).trim().slice(0, 20) };
  const value = Number(normal);
  if (!Number.isFinite(value)) return { ok: false, reason: 'too-large' };
  return { ok: true, value, decimals: (normal.split('.')[1] || '').length };
}

// A number as it is shown to `digits` decimals, read back (0.6667 with 2 decimals is 0.67).
function shownValue(value, digits) {
  return asShown(value, digits, { grouping: false });
}

// Grade one response: a choice index for multiple choice, the typed text for a number.
// { valid: false, reason, text? } means "not an answer yet" (nothing is scored).
// A typed number is judged against the answer as shown (formatAnswer), since the label and the
// feedback state the tolerance around that: with 2 decimals and ±0.01, the shown answer 0.67
// (of 2/3) accepts 0.66, 0.67 and 0.68 alike. A named mistake is recognised the same way.
// What is judged is the number as typed, and the feedback quotes it as typed (`typed`: all its
// decimals up to 12, at least `digits`), so the distance it states can be checked from the two
// numbers it shows: 3.344 against the shown 3.33 is 0.014 away, more than ±0.01, and it is quoted as 3.344,
// never rounded to a 3.34 that the tolerance would accept. (Rounding the typed number instead
// would accept 16.6 for a whole-number answer of 17 that says only the exact answer counts.)
export function grade(item, response) {
  if (item.kind === 'number') {
    const parsed = parseNumber(response);
    if (!parsed.ok) return { valid: false, reason: parsed.reason, text: parsed.text };
    const near = (target) => Math.abs(parsed.value - shownValue(target, item.digits)) <= item.tolerance + 1e-9;
    const correct = near(item.value);
    const mistake = correct ? null : item.mistakes.find((m) => near(m.value));
    const typed = formatNumber(parsed.value, Math.max(item.digits, Math.min(parsed.decimals, 12), 0));
    return { valid: true, correct, value: parsed.value, typed, why: item.why, mistakeWhy: mistake ? mistake.why : null };
  }
  const i = typeof response === 'number' ? response : Number.NaN; // no answer (null) is not choice 0
  if (!Number.isInteger(i) || i < 0 || i >= item.choices.length) return { valid: false, reason: 'no-choice' };
  const correct = i === item.answer;
  return { valid: true, correct, why: item.choices[item.answer].why, mistakeWhy: correct ? null : item.choices[i].why };
}

// The result of a finished attempt: score, pass or not, and the missed topics with their lessons
// (one entry { lesson, topics } per lesson, in question order) and how many topics that lists
// (two slots can draw from one lesson, so there can be more topics than entries).
export function scoreAttempt(items, responses) {
  let score = 0;
  const missed = [];
  items.forEach((item, i) => {
    const g = grade(item, responses[i]);
    if (g.valid && g.correct) { score += 1; return; }
    const entry = missed.find((m) => m.lesson === item.lesson);
    if (!entry) missed.push({ lesson: item.lesson, topics: [item.topic] });
    else if (!entry.topics.includes(item.topic)) entry.topics.push(item.topic);
  });
  const max = items.length;
  const needed = passMark(max);
  const missedTopics = missed.reduce((n, m) => n + m.topics.length, 0);
  return { score, max, needed, passed: score >= needed, missed, missedTopics };
}

// The text shown for a number the learner should type (the answer to the stated precision).
export function formatAnswer(item) {
  return formatNumber(item.value, item.digits);
}
