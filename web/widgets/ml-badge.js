// Challenge "Earn the Machine Learning badge": 22 questions, one from each slot of the bank
// (web/widgets/ml-badge/bank.js) so every level and topic is covered in fixed proportions, in a
// seeded shuffled order with shuffled choices. Numeric questions are computed by the engine when
// the attempt starts. The rules live in ml-badge/attempt.js (no DOM); this file only displays them.
//
// Progress: every finished attempt reports dw:score { widget, title, score, max }; only a pass
// reports dw:complete. The best result is kept in localStorage under "dw:badge" (the page keeps
// working when storage is blocked); web/js/progress.js reads it for the home page.
import { mountWidget } from '../lib/widget.js';
import { button, buttonRow, el } from '../lib/ui.js';
import { formatNumber, formatPercent } from '../lib/format.js';
import { reportComplete, reportScore } from '../lib/report.js';
import { LEVEL_NAMES } from './ml-badge/bank.js';
import { drawAttempt, formatAnswer, grade, instantiate, PASS_FRACTION, QUESTION_COUNT, scoreAttempt } from './ml-badge/attempt.js';

export const schema = {
  save: { type: 'boolean', default: true, description: 'Remember the best score and the badge in this browser (localStorage key "dw:badge").' },
  seed: { type: 'int', min: 0, max: 4294967295, default: 0, description: 'Seed of the first attempt (later attempts add 1 each). 0 draws a fresh seed for every attempt.' },
};

export const meta = {
  title: 'Challenge: earn the Machine Learning badge',
  hint: '22 questions from every level. Pick an answer (click, or press 1–4) or type a number, read why, then go on. Score 80% or more (18 of 22) to earn the badge.',
};

export const STORAGE_KEY = 'dw:badge';
const WIDGET = 'ml-badge';

export function mount(element, options) {
  return mountWidget(element, options, { schema, meta, build });
}

// Storage that never throws: private windows, sandboxed iframes and disabled cookies all make
// localStorage unavailable or throw on access.
function readSaved() {
  try {
    const raw = globalThis.localStorage && globalThis.localStorage.getItem(STORAGE_KEY);
    if (!raw) return null;
    const v = JSON.parse(raw);
    if (!v || typeof v !== 'object' || !Number.isFinite(v.best) || !Number.isFinite(v.total)) return null;
    return { best: v.best, total: v.total, passed: v.passed === true, earnedAt: typeof v.earnedAt === 'string' ? v.earnedAt : '' };
  } catch {
    return null;
  }
}
function writeSaved(value) {
  try {
    globalThis.localStorage.setItem(STORAGE_KEY, JSON.stringify(value));
    return true;
  } catch {
    return false;
  }
}

function freshSeed() {
  const c = globalThis.crypto;
  if (c && typeof c.getRandomValues === 'function') return c.getRandomValues(new Uint32Array(1))[0] || 1;
  return Math.floor(Math.random() * 4294967295) + 1;
}

// Lessons sit beside the badge page (lessons/badge.html); elsewhere (gallery, home) they are
// one folder down.
function lessonHref(slug) {
  const inLessons = typeof location !== 'undefined' && /\/lessons\/[^/]*$/.test(location.pathname);
  return `${inLessons ? '' : 'lessons/'}${slug}.html`;
}

function build(ctx) {
  const { ml, card, options } = ctx;
  let opts = { ...options };
  const total = QUESTION_COUNT;
  const needed = Math.ceil(PASS_FRACTION * total);
  let attemptNo = 0;
  let seed = 0;
  let items = [];
  let responses = [];
  let index = 0;
  let score = 0;
  let answered = false;
  let finished = false;
  let saved = opts.save ? readSaved() : null;

  const uid = Math.random().toString(36).slice(2);
  const progress = el('div', { className: 'ml-badge-quiz-progress', role: 'progressbar', 'aria-label': 'Challenge progress', 'aria-valuemin': '0', 'aria-valuemax': String(total) });
  const progressFill = el('span', { className: 'ml-badge-quiz-progress-fill' });
  progress.append(progressFill);
  const level = el('p', { className: 'ml-badge-quiz-level' });
  const question = el('p', { className: 'ml-badge-quiz-question', id: `badge-q-${uid}`, tabindex: '-1' });
  const choices = el('div', { className: 'ml-badge-quiz-choices', role: 'group', 'aria-labelledby': question.id });
  const feedback = el('div', { className: 'ml-badge-quiz-feedback', role: 'status', 'aria-live': 'polite' });
  const result = el('div', { className: 'ml-badge-quiz-result', hidden: true });
  const badge = el('div', { className: 'dw-badge', hidden: true });
  const quiz = el('div', { className: 'ml-badge-quiz' }, [progress, level, question, choices, feedback, result, badge]);
  card.stage.append(quiz);

  const buttons = buttonRow(card.controls);
  const nextBtn = button(buttons, 'Next question', () => next(), { primary: true });
  const restartBtn = button(buttons, 'Start again', () => start(true));

  const statQ = card.stat('question');
  const statScore = card.stat('score');
  const statBest = card.stat('best');

  // A new attempt: draw its questions from the seed and compute the numeric ones.
  function start(focus) {
    seed = opts.seed > 0 ? (opts.seed + attemptNo) >>> 0 : freshSeed();
    attemptNo += 1;
    card.card.dataset.seed = String(seed);
    items = drawAttempt(seed).map((drawn) => instantiate(drawn, ml));
    responses = new Array(items.length).fill(null);
    index = 0; score = 0; answered = false; finished = false;
    badge.hidden = true;
    result.hidden = true;
    result.replaceChildren();
    show();
    if (focus) focusFirst();
  }

  function focusFirst() {
    const first = choices.querySelector('button, input');
    if (first) first.focus();
  }

  function show() {
    const item = items[index];
    progressFill.style.width = `${(index / total) * 100}%`;
    progress.setAttribute('aria-valuenow', String(index));
    level.textContent = `Question ${index + 1} of ${total} · ${LEVEL_NAMES[item.level]}`;
    question.textContent = item.q;
    quiz.dataset.item = item.id;
    choices.replaceChildren();
    if (item.kind === 'number') showNumberInput(item);
    else {
      item.choices.forEach((choice, i) => {
        const b = el('button', { type: 'button', className: 'ml-badge-choice', 'data-choice': String(i), 'aria-keyshortcuts': String(i + 1) },
          [el('span', { className: 'ml-badge-choice-key', text: String(i + 1), 'aria-hidden': 'true' }), el('span', { text: choice.text })]);
        b.addEventListener('click', () => answer(i));
        choices.append(b);
      });
    }
    feedback.replaceChildren();
    feedback.removeAttribute('data-tone');
    answered = false;
    nextBtn.disabled = true;
    nextBtn.hidden = false;
    nextBtn.textContent = index === total - 1 ? 'See result' : 'Next question';
    updateStats();
    card.setMessage(item.kind === 'number'
      ? `Type a number and press Check. ${needed} correct answers out of ${total} earn the badge.`
      : `Choose one answer. ${needed} correct answers out of ${total} earn the badge.`, 'info');
  }

  function showNumberInput(item) {
    const inputId = `badge-n-${uid}`;
    const errorId = `badge-e-${uid}`;
    const input = el('input', { type: 'text', id: inputId, className: 'ml-badge-number-input', inputmode: 'decimal', autocomplete: 'off', spellcheck: 'false', 'aria-describedby': errorId });
    const error = el('p', { className: 'dw-hint', id: errorId });
    const check = el('button', { type: 'submit', className: 'dw-btn dw-primary', text: 'Check' });
    const row = el('div', { className: 'dw-buttons' }, [input, check]);
    const form = el('form', { className: 'ml-badge-number', novalidate: true }, [
      el('label', { for: inputId, text: `Your answer (${item.digits === 0 ? 'a whole number' : `${item.digits} decimal${item.digits === 1 ? '' : 's'}`}; within ±${formatNumber(item.tolerance, Math.max(item.digits, 0))} counts)` }),
      row, error,
    ]);
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      if (answered || finished) return;
      const g = grade(item, input.value);
      if (!g.valid) {
        error.textContent = g.message;
        input.setAttribute('aria-invalid', 'true');
        card.setMessage(g.message, 'warn');
        input.focus();
        return;
      }
      error.textContent = '';
      input.removeAttribute('aria-invalid');
      input.readOnly = true;
      check.disabled = true;
      answer(input.value);
    });
    choices.append(form);
  }

  function answer(response) {
    if (answered || finished) return;
    const item = items[index];
    const g = grade(item, response);
    if (!g.valid) return;
    answered = true;
    responses[index] = response;
    if (g.correct) score += 1;
    const parts = [];
    if (item.kind === 'number') {
      const shown = formatNumber(g.value, Math.max(item.digits, 0));
      parts.push(el('strong', { text: g.correct ? `Correct: ${formatAnswer(item)}. ` : `Not quite: you typed ${shown}; the answer is ${formatAnswer(item)}. ` }));
      if (!g.correct) parts.push(el('span', { text: `${g.mistakeWhy || `That is more than ${formatNumber(item.tolerance, Math.max(item.digits, 0))} away from it.`} ` }));
      parts.push(el('span', { text: g.why }));
    } else {
      [...choices.children].forEach((b, j) => {
        b.disabled = true;
        if (j === item.answer) b.classList.add('dw-right');
        else if (j === response) b.classList.add('dw-wrong');
        if (j === response) b.setAttribute('aria-pressed', 'true');
      });
      const right = item.choices[item.answer];
      parts.push(el('strong', { text: g.correct ? 'Correct. ' : `Not quite: the answer is "${right.text}". ` }));
      if (!g.correct) parts.push(el('span', { text: `Your choice, "${item.choices[response].text}": ${g.mistakeWhy} ` }));
      parts.push(el('span', { text: g.why }));
    }
    feedback.dataset.tone = g.correct ? 'ok' : 'bad';
    feedback.replaceChildren(...parts);
    nextBtn.disabled = false;
    updateStats();
    card.setMessage(g.correct ? `Correct — ${score} of ${index + 1} so far.` : `Incorrect — ${score} of ${index + 1} so far. Read why, then go on.`, g.correct ? 'ok' : 'bad');
    nextBtn.focus();
  }

  function next() {
    if (!answered) return;
    if (index < total - 1) {
      index += 1;
      show();
      focusFirst();
    } else finish();
  }

  function finish() {
    finished = true;
    const outcome = scoreAttempt(items, responses);
    const { passed } = outcome;
    progressFill.style.width = '100%';
    progress.setAttribute('aria-valuenow', String(total));
    level.textContent = 'Result';
    question.textContent = `You answered ${score} of ${total} correctly (${formatPercent(score / total, 0)}).`;
    delete quiz.dataset.item;
    choices.replaceChildren();
    feedback.replaceChildren();
    feedback.removeAttribute('data-tone');
    nextBtn.disabled = true;
    nextBtn.hidden = true;
    showMissed(outcome.missed);
    let stored = false;
    if (opts.save) {
      const prev = readSaved();
      const best = Math.max(score, prev && prev.total === total ? prev.best : 0);
      const everPassed = passed || (prev ? prev.passed : false);
      saved = { best, total, passed: everPassed, earnedAt: passed && !(prev && prev.passed) ? new Date().toISOString() : (prev ? prev.earnedAt : '') };
      stored = writeSaved(saved);
    }
    if (passed) {
      badge.hidden = false;
      badge.replaceChildren(
        el('div', { className: 'dw-badge-medal', 'aria-hidden': 'true' }, [el('span', { className: 'dw-badge-ml', text: 'ML' }), el('span', { className: 'dw-badge-sub', text: `${score}/${total}` })]),
        el('div', { className: 'dw-badge-text' }, [
          el('strong', { text: 'Machine Learning badge earned' }),
          el('span', { text: opts.save ? (stored ? 'Saved in this browser: the course home page can show it.' : 'Your browser blocks local storage, so the badge could not be saved — it is yours for this visit.') : 'Saving is switched off for this widget.' }),
        ]),
      );
      badge.setAttribute('role', 'img');
      badge.setAttribute('aria-label', `Machine Learning badge, earned with ${score} of ${total}`);
      card.setMessage(`Passed with ${score} of ${total}. Congratulations — you have the badge.`, 'ok');
    } else {
      badge.hidden = true;
      const more = needed - score;
      card.setMessage(`${score} of ${total}: ${more} more correct answer${more === 1 ? '' : 's'} needed for the badge (${needed}). Revisit the lessons listed below and press Start again.`, 'warn');
    }
    updateStats();
    const detail = { widget: WIDGET, title: meta.title, score, max: total, passed };
    reportScore(card, detail);
    if (passed) reportComplete(card, detail);
    restartBtn.focus();
  }

  function showMissed(missed) {
    result.replaceChildren();
    if (missed.length === 0) {
      result.append(el('p', { text: 'No topic missed.' }));
    } else {
      const list = el('ul', { className: 'ml-badge-missed' });
      for (const m of missed) {
        const li = el('li');
        li.append(el('span', { text: `${m.topics.join('; ')} — ` }), el('a', { href: lessonHref(m.lesson), text: 'revisit the lesson' }));
        list.append(li);
      }
      result.append(el('p', { text: `Topics you missed (${missed.length}):` }), list);
    }
    result.hidden = false;
  }

  function updateStats() {
    statQ.set(finished ? `${total} of ${total}` : `${index + 1} of ${total}`);
    statScore.set(`${score}`);
    statBest.set(saved ? `${saved.best} of ${saved.total}${saved.passed ? ' · badge' : ''}` : '–');
  }

  // Keys 1–4 pick an answer while focus is anywhere inside the card but a text field.
  const onKey = (e) => {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    if (e.target && /^(INPUT|SELECT|TEXTAREA)$/.test(e.target.tagName)) return;
    const item = items[index];
    const n = Number(e.key);
    if (!answered && !finished && item && item.kind !== 'number' && Number.isInteger(n) && n >= 1 && n <= item.choices.length) {
      answer(n - 1);
      e.preventDefault();
    }
  };
  ctx.listen(card.card, 'keydown', onKey);

  start(false);
  if (saved && saved.passed) card.setMessage(`You already hold the badge (best ${saved.best} of ${saved.total}). Take the challenge again any time.`, 'ok');

  return {
    update(nextOptions) { opts = { ...nextOptions }; attemptNo = 0; saved = opts.save ? readSaved() : null; start(true); },
  };
}
