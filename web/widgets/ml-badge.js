// Challenge "Earn the Machine Learning badge": 22 questions, one from each slot of the bank
// (web/widgets/ml-badge/bank.js) so every level and topic is covered in fixed proportions, in a
// seeded shuffled order with shuffled choices. Numeric questions are computed by the engine when
// the attempt starts. The rules live in ml-badge/attempt.js (no DOM); this file only displays them.
//
// Its words are in ml-badge/messages.js (read through ctx.t); the questions, their choices and
// why each is right or wrong are course content in the topic banks that bank.js gathers.
//
// Progress: every finished attempt reports dw:score { widget, title, score, max }; only a pass
// reports dw:complete. The best result is kept in localStorage under "dw:badge" for this card's
// "best" and "already hold" lines in the gallery and embeds (the page keeps working when storage is
// blocked). Course pages never read that key, since embeds write it too: on a lesson page the
// card's lines come from the lesson's own record (web/js/progress.js keeps it from these reports,
// or restores it from a learning platform), the record its progress panel and the home page's
// medal read, so the card never says "you hold the badge" beside "0 of 1 done".
//
// A fixed seed (seed > 0: in the options, the lesson address #ml-badge.seed=7 or the embed's
// ?seed=7) replays the same questions in the same order after every reload, so the answers could be
// copied from the first attempt's feedback. Such an attempt is practice, as the card says from its
// first question: its score is shown, nothing is saved or reported, and it never earns the badge.
import { mountWidget } from '../lib/widget.js';
import { button, buttonRow, el } from '../lib/ui.js';
import { formatNumber, formatPercent } from '../lib/format.js';
import { recordedResult, reportComplete, reportScore } from '../lib/report.js';
import { lessonUrl, linksLessons } from '../lib/lesson-link.js';
import { drawAttempt, formatAnswer, grade, instantiate, PASS_MARK, QUESTION_COUNT, scoreAttempt } from './ml-badge/attempt.js';
import { messages } from './ml-badge/messages.js';

export const schema = {
  save: { type: 'boolean', default: true, description: 'Remember the best score and the badge in this browser (localStorage key "dw:badge").' },
  seed: { type: 'int', min: 0, max: 4294967295, default: 0, description: 'Seed of the first attempt (later attempts add 1 each). 0 draws a fresh seed for every attempt; a fixed seed replays the same questions, so its attempts are practice (not saved, no badge).' },
};

export const meta = { title: messages['ml-badge.title'], hint: messages['ml-badge.hint'] };

export const STORAGE_KEY = 'dw:badge';
const WIDGET = 'ml-badge';

export function mount(element, options) {
  return mountWidget(element, options, { schema, meta, build, messages });
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
// What the lesson page this card is on recorded of the challenge, in readSaved's shape: asked with
// recordedResult (web/lib/report.js; the page's web/js/progress.js answers from the lesson's saved
// progress, which it also restores from a learning platform), its activity's best, max and complete,
// which only a pass sets. Null while the lesson has recorded no attempt.
function fromLessonRecord(a) {
  if (!a || !Number.isFinite(a.best) || !Number.isFinite(a.max)) return null;
  return { best: a.best, total: a.max, passed: a.complete === true, earnedAt: '' };
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

// Whole numbers in messages (scores, counts).
const whole = (n) => formatNumber(n, 0);

function build(ctx) {
  const { ml, card, options, t } = ctx;
  let opts = { ...options };
  const total = QUESTION_COUNT;
  const needed = PASS_MARK;
  let attemptNo = 0;
  let seed = 0;
  let items = [];
  let responses = [];
  let index = 0;
  let score = 0;
  let answered = false;
  let finished = false;
  let practice = false; // this attempt's seed is fixed (see the top of the file)
  // On a lesson page (where the page answers recordedResult), the lesson's record (see the top of
  // the file); elsewhere "dw:badge".
  const lesson = recordedResult(card, WIDGET) !== null;
  const readBest = () => (lesson ? fromLessonRecord(recordedResult(card, WIDGET)) : readSaved());
  let saved = opts.save ? readBest() : null;

  const uid = Math.random().toString(36).slice(2);
  const progress = el('div', { className: 'ml-badge-quiz-progress', role: 'progressbar', 'aria-label': t('ml-badge.progressLabel'), 'aria-valuemin': '0', 'aria-valuemax': String(total) });
  const progressFill = el('span', { className: 'ml-badge-quiz-progress-fill' });
  progress.append(progressFill);
  const level = el('p', { className: 'ml-badge-quiz-level' });
  const question = el('p', { className: 'ml-badge-quiz-question', id: `badge-q-${uid}`, tabindex: '-1' });
  const choices = el('div', { className: 'ml-badge-quiz-choices', role: 'group', 'aria-labelledby': question.id });
  const feedback = el('div', { className: 'ml-badge-quiz-feedback', role: 'status', 'aria-live': 'polite' });
  const result = el('div', { className: 'ml-badge-quiz-result', hidden: true });
  const badge = el('div', { className: 'dw-badge', hidden: true });
  const practiceNote = el('p', { className: 'ml-badge-practice dw-hint', role: 'note', hidden: true, text: t('ml-badge.practice.note') });
  const quiz = el('div', { className: 'ml-badge-quiz' }, [practiceNote, progress, level, question, choices, feedback, result, badge]);
  card.stage.append(quiz);

  const buttons = buttonRow(card.controls);
  const nextBtn = button(buttons, t('ml-badge.next'), () => next(), { primary: true });
  const restartBtn = button(buttons, t('ml-badge.restart'), () => (inProgress() ? askRestart() : start(true)));
  // Start again sits beside Next (side by side on a phone): one mis-tap in an attempt under way
  // would drop every answer given, so there it first asks, in the card. The question holds the
  // focus on "Keep this attempt"; its drop button is in a row of its own, below where Start again
  // was, so a double tap does not confirm. Escape keeps the attempt.
  const confirmText = el('p', { className: 'ml-badge-confirm-text', id: `badge-c-${uid}` });
  const confirmRow = el('div', { className: 'dw-buttons' });
  const confirm = el('div', { className: 'ml-badge-confirm', role: 'group', 'aria-labelledby': confirmText.id, hidden: true }, [confirmText, confirmRow]);
  const keepBtn = button(confirmRow, t('ml-badge.restartKeep'), () => closeConfirm(true), { primary: true });
  button(confirmRow, t('ml-badge.restartDrop'), () => { closeConfirm(false); start(true); });
  card.controls.append(confirm);
  ctx.listen(confirm, 'keydown', (e) => { if (e.key === 'Escape') { closeConfirm(true); e.preventDefault(); } });

  const statQ = card.stat(t('ml-badge.stat.question'));
  const statScore = card.stat(t('ml-badge.stat.score'));
  const statBest = card.stat(t('ml-badge.stat.best'));

  // An attempt with an answer given and not finished: what Start again would drop.
  const inProgress = () => !finished && (index > 0 || answered);
  function askRestart() {
    const given = index + (answered ? 1 : 0);
    confirmText.textContent = t('ml-badge.restartAsk', { given: whole(given), total: whole(total), allAnswered: given === total, practice });
    restartBtn.hidden = true;
    confirm.hidden = false;
    keepBtn.focus();
  }
  // refocus: whether the focus goes back to Start again (Keep, Escape) or where the attempt puts it.
  function closeConfirm(refocus) {
    if (confirm.hidden) return;
    confirm.hidden = true;
    restartBtn.hidden = false;
    if (refocus) restartBtn.focus();
  }

  // A new attempt: draw its questions from the seed and compute the numeric ones.
  function start(focus) {
    practice = opts.seed > 0;
    seed = practice ? (opts.seed + attemptNo) >>> 0 : freshSeed();
    attemptNo += 1;
    practiceNote.hidden = !practice;
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
    level.textContent = t('ml-badge.questionOf', { number: whole(index + 1), total: whole(total), level: t(`ml-badge.level.${item.level}`) });
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
    closeConfirm(false);
    answered = false;
    nextBtn.disabled = true;
    nextBtn.hidden = false;
    nextBtn.textContent = index === total - 1 ? t('ml-badge.seeResult') : t('ml-badge.next');
    updateStats();
    const kind = item.kind === 'number' ? 'number' : 'choice';
    card.setMessage(practice ? t(`ml-badge.practice.prompt.${kind}`) : t(`ml-badge.prompt.${kind}`, { needed: whole(needed), total: whole(total) }), 'info');
  }

  function showNumberInput(item) {
    const inputId = `badge-n-${uid}`;
    const errorId = `badge-e-${uid}`;
    const input = el('input', { type: 'text', id: inputId, className: 'ml-badge-number-input', inputmode: 'decimal', autocomplete: 'off', spellcheck: 'false', 'aria-describedby': errorId });
    const error = el('p', { className: 'dw-hint', id: errorId });
    const check = el('button', { type: 'submit', className: 'dw-btn dw-primary', text: t('ml-badge.check') });
    const row = el('div', { className: 'dw-buttons' }, [input, check]);
    const form = el('form', { className: 'ml-badge-number', novalidate: true }, [
      el('label', { for: inputId, text: t('ml-badge.answerLabel', { digits: item.digits, tolerance: formatNumber(item.tolerance, Math.max(item.digits, 0)) }) }),
      row, error,
    ]);
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      if (answered || finished) return;
      const g = grade(item, input.value);
      if (!g.valid) {
        const message = invalidMessage(g);
        error.textContent = message;
        input.setAttribute('aria-invalid', 'true');
        card.setMessage(message, 'warn');
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

  // Why a typed text is not an answer yet (attempt.js gives the reason).
  function invalidMessage(g) {
    if (g.reason === 'empty') return t('ml-badge.invalid.empty');
    if (g.reason === 'too-large') return t('ml-badge.invalid.tooLarge');
    return t('ml-badge.invalid.notNumber', { text: g.text });
  }

  function answer(response) {
    if (answered || finished) return;
    const item = items[index];
    const g = grade(item, response);
    if (!g.valid) return;
    closeConfirm(false);
    answered = true;
    responses[index] = response;
    if (g.correct) score += 1;
    const parts = [];
    if (item.kind === 'number') {
      // The number as typed (attempt.js grade: judged and quoted with all its decimals).
      parts.push(el('strong', { text: g.correct ? t('ml-badge.correctNumber', { answer: formatAnswer(item) }) : t('ml-badge.wrongNumber', { typed: g.typed, answer: formatAnswer(item) }) }));
      if (!g.correct) {
        parts.push(el('span', { text: g.mistakeWhy
          ? t('ml-badge.yourNumber', { typed: g.typed, why: g.mistakeWhy })
          : t('ml-badge.tooFar', { tolerance: formatNumber(item.tolerance, Math.max(item.digits, 0)) }) }));
      }
      parts.push(el('span', { text: g.why }));
    } else {
      [...choices.children].forEach((b, j) => {
        b.disabled = true;
        if (j === item.answer) b.classList.add('dw-right');
        else if (j === response) b.classList.add('dw-wrong');
        if (j === response) b.setAttribute('aria-pressed', 'true');
      });
      const right = item.choices[item.answer];
      parts.push(el('strong', { text: g.correct ? t('ml-badge.correct') : t('ml-badge.wrongChoice', { answer: right.text }) }));
      if (!g.correct) parts.push(el('span', { text: t('ml-badge.yourChoice', { choice: item.choices[response].text, why: g.mistakeWhy }) }));
      parts.push(el('span', { text: g.why }));
    }
    feedback.dataset.tone = g.correct ? 'ok' : 'bad';
    feedback.replaceChildren(...parts.flatMap((part, i) => (i ? [' ', part] : [part])));
    nextBtn.disabled = false;
    updateStats();
    card.setMessage(g.correct
      ? t('ml-badge.soFar.right', { score: whole(score), answered: whole(index + 1) })
      : t('ml-badge.soFar.wrong', { score: whole(score), answered: whole(index + 1) }), g.correct ? 'ok' : 'bad');
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

  // The focus ends on the result line (the question's place): on Start again, the Enter that pressed
  // See result would begin a new attempt over the result and the topics missed. Tab goes on to the
  // topics' links, then Start again.
  function finish() {
    finished = true;
    closeConfirm(false);
    const outcome = scoreAttempt(items, responses);
    const { passed } = outcome;
    progressFill.style.width = '100%';
    progress.setAttribute('aria-valuenow', String(total));
    level.textContent = t('ml-badge.result');
    question.textContent = t('ml-badge.resultLine', { score: whole(score), total: whole(total), percent: formatPercent(score / total, 0) });
    delete quiz.dataset.item;
    choices.replaceChildren();
    feedback.replaceChildren();
    feedback.removeAttribute('data-tone');
    nextBtn.disabled = true;
    nextBtn.hidden = true;
    showMissed(outcome.missed, outcome.missedTopics);
    if (practice) {
      // Shown, never saved or reported: the questions were known before the attempt began.
      updateStats();
      card.setMessage(t('ml-badge.practice.result', { score: whole(score), total: whole(total), reached: passed, needed: whole(needed), linked: linksLessons() }), 'info');
      question.focus();
      return;
    }
    let stored = false;
    if (opts.save) {
      const prev = readSaved();
      const best = Math.max(score, prev && prev.total === total ? prev.best : 0);
      const everPassed = passed || (prev ? prev.passed : false);
      const record = { best, total, passed: everPassed, earnedAt: passed && !(prev && prev.passed) ? new Date().toISOString() : (prev ? prev.earnedAt : '') };
      stored = writeSaved(record);
      // On a lesson page: what the lesson had, with this attempt (read again once it is reported).
      saved = lesson
        ? { best: Math.max(score, saved && saved.total === total ? saved.best : 0), total, passed: passed || !!(saved && saved.passed), earnedAt: '' }
        : record;
    }
    if (passed) {
      badge.hidden = false;
      badge.replaceChildren(
        el('div', { className: 'dw-badge-medal', 'aria-hidden': 'true' }, [
          el('span', { className: 'dw-badge-ml', text: t('ml-badge.medal') }),
          el('span', { className: 'dw-badge-sub', text: t('ml-badge.medalScore', { score: whole(score), total: whole(total) }) }),
        ]),
        el('div', { className: 'dw-badge-text' }, [
          el('strong', { text: t('ml-badge.earned') }),
          el('span', { text: opts.save ? (stored ? t('ml-badge.saved') : t('ml-badge.notSaved')) : t('ml-badge.saveOff') }),
        ]),
      );
      badge.setAttribute('role', 'img');
      badge.setAttribute('aria-label', t('ml-badge.badgeLabel', { score: whole(score), total: whole(total) }));
      card.setMessage(t('ml-badge.passed', { score: whole(score), total: whole(total) }), 'ok');
    } else {
      badge.hidden = true;
      card.setMessage(t('ml-badge.failed', { score: whole(score), total: whole(total), more: needed - score, needed: whole(needed), linked: linksLessons() }), 'warn');
    }
    const detail = { widget: WIDGET, title: t('ml-badge.title'), score, max: total, passed };
    reportScore(card, detail);
    if (passed) reportComplete(card, detail);
    // The lesson's record now holds this attempt (progress.js records reports as they bubble).
    if (lesson && opts.save) saved = readBest() || saved;
    updateStats();
    question.focus();
  }

  function showMissed(missed, topicCount) {
    result.replaceChildren();
    if (missed.length === 0) {
      result.append(el('p', { text: t('ml-badge.noneMissed') }));
    } else {
      const list = el('ul', { className: 'ml-badge-missed' });
      for (const m of missed) {
        const li = el('li');
        const href = lessonUrl(m.lesson);
        li.append(el('span', { text: t('ml-badge.missedTopics', { topics: m.topics.join('; ') }) }), ' ',
          href ? el('a', { href, text: t('ml-badge.revisit') }) : el('span', { className: 'lesson-ref', text: t('ml-badge.revisit') }));
        list.append(li);
      }
      // The heading counts topics, not list items (one item per lesson can hold several topics).
      result.append(el('p', { text: t('ml-badge.missedHeading', { count: whole(topicCount) }) }), list);
    }
    result.hidden = false;
  }

  function updateStats() {
    statQ.set(t('ml-badge.countOf', { count: whole(finished ? total : index + 1), total: whole(total) }));
    statScore.set(whole(score));
    if (!saved) statBest.set('–');
    else if (saved.passed) statBest.set(t('ml-badge.bestWithBadge', { best: whole(saved.best), total: whole(saved.total) }));
    else statBest.set(t('ml-badge.best', { best: whole(saved.best), total: whole(saved.total) }));
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
  if (saved && saved.passed && !practice) card.setMessage(t('ml-badge.alreadyHeld', { best: whole(saved.best), total: whole(saved.total) }), 'ok');

  return {
    update(nextOptions) { opts = { ...nextOptions }; attemptNo = 0; saved = opts.save ? readBest() : null; start(true); },
  };
}
