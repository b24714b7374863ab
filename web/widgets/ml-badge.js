// Challenge "Earn the Machine Learning badge" (seed 001, closing card): 22 questions across all
// four levels, one at a time, with an explanation after every answer. A score of 80 % or more
// earns the badge. The best result is kept in localStorage under "dw:badge" (the page keeps
// working when storage is blocked), and the card dispatches a bubbling, composed
// CustomEvent('dw:complete', { detail: { score, total, passed } }) when the last answer is in.
import { mountWidget } from '../lib/widget.js';
import { button, buttonRow, el } from '../lib/ui.js';
import { QUESTIONS, PASS_FRACTION } from './course4/badge-questions.js';

export const schema = {
  save: { type: 'boolean', default: true, description: 'Remember the best score and the badge in this browser (localStorage key "dw:badge").' },
};

export const meta = {
  title: 'Challenge: earn the Machine Learning badge',
  hint: '22 questions from all four levels. Pick an answer (click, or press 1–4), read why, then go on. Score 80 % or more (18 of 22) to earn the badge.',
};

export const STORAGE_KEY = 'dw:badge';

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

function build({ card, options }) {
  let opts = { ...options };
  const total = QUESTIONS.length;
  const needed = Math.ceil(PASS_FRACTION * total);
  let index = 0;
  let score = 0;
  let answered = false;
  let finished = false;
  let saved = opts.save ? readSaved() : null;

  const progress = el('div', { className: 'c4-quiz-progress', role: 'progressbar', 'aria-label': 'Challenge progress', 'aria-valuemin': '0', 'aria-valuemax': String(total) });
  const progressFill = el('span', { className: 'c4-quiz-progress-fill' });
  progress.append(progressFill);
  const level = el('p', { className: 'c4-quiz-level' });
  const question = el('p', { className: 'c4-quiz-question', id: `q-${Math.random().toString(36).slice(2)}` });
  const choices = el('div', { className: 'c4-quiz-choices', role: 'group' });
  choices.setAttribute('aria-labelledby', question.id);
  const feedback = el('div', { className: 'c4-quiz-feedback', 'aria-live': 'polite' });
  const badge = el('div', { className: 'c4-badge', hidden: true });
  const quiz = el('div', { className: 'c4-quiz' }, [progress, level, question, choices, feedback, badge]);
  card.stage.append(quiz);

  const buttons = buttonRow(card.controls);
  const nextBtn = button(buttons, 'Next question', () => next(), { primary: true });
  const restartBtn = button(buttons, 'Start again', () => restart());

  const statQ = card.stat('question');
  const statScore = card.stat('score');
  const statBest = card.stat('best');

  function restart() {
    index = 0; score = 0; answered = false; finished = false;
    badge.hidden = true;
    show();
    const first = choices.querySelector('button');
    if (first) first.focus();
  }

  function show() {
    const item = QUESTIONS[index];
    progressFill.style.width = `${(index / total) * 100}%`;
    progress.setAttribute('aria-valuenow', String(index));
    level.textContent = `Question ${index + 1} of ${total} · ${item.level}`;
    question.textContent = item.q;
    choices.replaceChildren();
    item.choices.forEach((text, i) => {
      const b = el('button', { type: 'button', className: 'c4-choice', 'data-choice': String(i) }, [el('span', { className: 'c4-choice-key', text: String(i + 1), 'aria-hidden': 'true' }), el('span', { text })]);
      b.addEventListener('click', () => choose(i));
      choices.append(b);
    });
    feedback.replaceChildren();
    feedback.removeAttribute('data-tone');
    answered = false;
    nextBtn.disabled = true;
    nextBtn.hidden = false;
    nextBtn.textContent = index === total - 1 ? 'See result' : 'Next question';
    updateStats();
    card.setMessage(`Choose one answer. ${needed} correct answers out of ${total} earn the badge.`, 'info');
  }

  function choose(i) {
    if (answered || finished) return;
    answered = true;
    const item = QUESTIONS[index];
    const right = i === item.answer;
    if (right) score += 1;
    [...choices.children].forEach((b, j) => {
      b.disabled = true;
      b.setAttribute('aria-disabled', 'true');
      if (j === item.answer) b.classList.add('c4-right');
      else if (j === i) b.classList.add('c4-wrong');
      if (j === i) b.setAttribute('aria-pressed', 'true');
    });
    feedback.dataset.tone = right ? 'ok' : 'bad';
    feedback.replaceChildren(
      el('strong', { text: right ? 'Correct. ' : `Not quite: the answer is "${item.choices[item.answer]}". ` }),
      el('span', { text: item.why }),
    );
    nextBtn.disabled = false;
    updateStats();
    card.setMessage(right ? `Correct — ${score} of ${index + 1} so far.` : `Incorrect — ${score} of ${index + 1} so far. Read why, then go on.`, right ? 'ok' : 'bad');
    nextBtn.focus();
  }

  function next() {
    if (!answered) return;
    if (index < total - 1) {
      index += 1;
      show();
      const first = choices.querySelector('button');
      if (first) first.focus();
    } else finish();
  }

  function finish() {
    finished = true;
    const passed = score / total >= PASS_FRACTION;
    progressFill.style.width = '100%';
    progress.setAttribute('aria-valuenow', String(total));
    level.textContent = 'Result';
    question.textContent = `You answered ${score} of ${total} correctly (${Math.round((score / total) * 100)} %).`;
    choices.replaceChildren();
    feedback.replaceChildren();
    feedback.removeAttribute('data-tone');
    nextBtn.disabled = true;
    nextBtn.hidden = true;
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
        el('div', { className: 'c4-badge-medal', 'aria-hidden': 'true' }, [el('span', { className: 'c4-badge-ml', text: 'ML' }), el('span', { className: 'c4-badge-sub', text: `${score}/${total}` })]),
        el('div', { className: 'c4-badge-text' }, [
          el('strong', { text: 'Machine Learning badge earned' }),
          el('span', { text: opts.save ? (stored ? 'Saved in this browser: the course home page can show it.' : 'Your browser blocks local storage, so the badge could not be saved — it is yours for this visit.') : 'Saving is switched off for this widget.' }),
        ]),
      );
      badge.setAttribute('role', 'img');
      badge.setAttribute('aria-label', `Machine Learning badge, earned with ${score} of ${total}`);
      card.setMessage(`Passed with ${score} of ${total}. Congratulations — you have the badge.`, 'ok');
    } else {
      badge.hidden = true;
      card.setMessage(`${score} of ${total}: ${needed - score} more correct answer${needed - score === 1 ? '' : 's'} needed for the badge (${needed}). Revisit the lessons behind the ones you missed and press Start again.`, 'warn');
    }
    updateStats();
    card.card.dispatchEvent(new CustomEvent('dw:complete', { bubbles: true, composed: true, detail: { score, total, passed } }));
    restartBtn.focus();
  }

  function updateStats() {
    statQ.set(finished ? `${total} of ${total}` : `${index + 1} of ${total}`);
    statScore.set(`${score}`);
    statBest.set(saved ? `${saved.best} of ${saved.total}${saved.passed ? ' · badge' : ''}` : '–');
  }

  // Keys 1–4 pick an answer while focus is anywhere inside the card.
  const onKey = (e) => {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const n = Number(e.key);
    if (!answered && !finished && Number.isInteger(n) && n >= 1 && n <= QUESTIONS[index].choices.length) {
      choose(n - 1);
      e.preventDefault();
    }
  };
  card.card.addEventListener('keydown', onKey);

  show();
  if (saved && saved.passed) card.setMessage(`You already hold the badge (best ${saved.best} of ${saved.total}). Take the challenge again any time.`, 'ok');

  return {
    update(next) { opts = { ...next }; saved = opts.save ? readSaved() : null; restart(); },
    destroy() { card.card.removeEventListener('keydown', onKey); },
  };
}
