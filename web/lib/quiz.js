// The sorting-game machinery shared by "Rules or learn?" and "Which kind of learning?": deal a
// seeded round of scenario cards, take an answer (button, key, or a drop from the widget),
// give instant feedback with the reason, keep score, and offer a replay. Pure bookkeeping: no
// model is involved in these two games.
import { button, buttonRow, el } from './ui.js';
import { reportComplete, reportScore } from './report.js';
import { seededShuffle } from './rng.js';
import { formatNumber } from './format.js';

// A round completes the game only when at least this share of its cards is right: the share the
// round-over verdict already calls strong ('quiz.verdict'). A lower round is still reported as a
// score (the learner played it), never as done, so a key pressed without reading can't tick the
// game off: each answer fills at most 8 of the 16 cards in "Rules or learn?" and 4 in "Which kind of
// learning?", so one key scores at most 8 of 12. ai-hierarchy.js uses the same mark.
export const PASS_SHARE = 0.75;
// The fewest right answers out of `total` that reach PASS_SHARE: 9 of 12, 9 of 11, 3 of 4.
// (PASS_SHARE × total is exact in binary for any whole total, so ceil does not round up by mistake.)
export function passMark(total) { return Math.ceil(PASS_SHARE * total); }

// ctx:      the widget's context (widget.js): the quiz draws on ctx.card and listens through it
// deck:     [{ text, answer, reason }]
// choices:  [{ id, label, key, describe }]; `key` is a keyboard shortcut shown on the button
export function createQuiz(ctx, { widget, title, deck, choices, roundSize, seed, choiceHost }) {
  const { card } = ctx;
  let round = 0;
  let cards = [];
  let index = 0;
  let score = 0;
  let answered = false;
  let missed = []; // this round's wrong answers: { text, chosen, answer, reason }, listed when it ends

  const counter = el('p', { className: 'dw-quiz-counter' });
  const scenario = el('p', { className: 'dw-quiz-scenario', tabindex: '-1' });
  const cardBox = el('div', { className: 'dw-quiz-card' }, [counter, scenario]);
  const feedback = el('div', { className: 'dw-quiz-feedback', role: 'status', 'aria-live': 'polite' });
  card.stage.append(cardBox);

  const choiceRow = el('div', { className: 'dw-quiz-choices', role: 'group', 'aria-label': card.t('quiz.answer') });
  (choiceHost || card.stage).append(choiceRow);
  const choiceButtons = new Map();
  for (const c of choices) {
    const b = el('button', { type: 'button', className: 'dw-btn dw-quiz-choice', 'data-choice': c.id, 'aria-keyshortcuts': c.key || undefined });
    b.append(el('span', { className: 'dw-quiz-choice-label', text: c.label }));
    if (c.describe) b.append(el('span', { className: 'dw-quiz-choice-desc', text: c.describe }));
    if (c.key) b.append(el('kbd', { text: c.key.toUpperCase() }));
    b.addEventListener('click', () => answer(c.id));
    choiceRow.append(b);
    choiceButtons.set(c.id, b);
  }
  card.stage.append(feedback);
  // At a round's end, the cards missed in it with their reasons: each card's reason leaves the
  // screen with Next, and the round-over message sends the learner to reread them.
  const review = el('div', { className: 'dw-quiz-review' });
  review.hidden = true;
  card.stage.append(review);

  const buttons = buttonRow(card.controls);
  const nextBtn = button(buttons, card.t('quiz.next'), () => next(), { primary: true });
  // Play again hides itself, so the focus moves on to the new round's first scenario (as Next
  // does) and the answer keys keep working without a click.
  const replayBtn = button(buttons, card.t('quiz.again'), () => { round += 1; start(); scenario.focus(); });
  const statScore = card.stat(card.t('quiz.statScore'));
  const statLeft = card.stat(card.t('quiz.statLeft'));

  const onKey = (e) => {
    if (e.target && /^(INPUT|SELECT|TEXTAREA)$/.test(e.target.tagName)) return;
    const c = choices.find((x) => x.key && x.key.toLowerCase() === e.key.toLowerCase());
    if (c && !answered) { answer(c.id); e.preventDefault(); return; }
    if ((e.key === 'n' || e.key === 'N') && answered) { next(); e.preventDefault(); }
  };
  ctx.listen(card.card, 'keydown', onKey);

  function start() {
    cards = seededShuffle(deck, seed + round * 7919).slice(0, Math.min(roundSize, deck.length));
    index = 0;
    score = 0;
    missed = [];
    review.replaceChildren();
    review.hidden = true;
    show();
  }

  function show() {
    answered = false;
    const c = cards[index];
    counter.textContent = card.t('quiz.counter', { index: index + 1, total: cards.length });
    scenario.textContent = c.text;
    feedback.replaceChildren();
    feedback.dataset.tone = '';
    for (const b of choiceButtons.values()) {
      b.disabled = false;
      b.classList.remove('dw-right', 'dw-wrong');
      b.querySelector('.dw-quiz-mark')?.remove();
    }
    nextBtn.hidden = true;
    replayBtn.hidden = true;
    cardBox.classList.remove('dw-quiz-done');
    updateStats();
    card.setMessage(card.t('quiz.pick'), 'info');
  }

  function answer(id) {
    if (answered || index >= cards.length) return;
    answered = true;
    const c = cards[index];
    const right = id === c.answer;
    if (right) score += 1;
    const chosen = choices.find((x) => x.id === id);
    const correct = choices.find((x) => x.id === c.answer);
    if (!right) missed.push({ text: c.text, chosen: chosen.label, answer: correct.label, reason: c.reason });
    for (const [cid, b] of choiceButtons) {
      b.disabled = true;
      // The mark is words a learner reads (and a screen reader announces with the button), so
      // it is text in the button, not CSS generated content.
      if (cid !== c.answer && cid !== id) continue;
      const isAnswer = cid === c.answer;
      b.classList.add(isAnswer ? 'dw-right' : 'dw-wrong');
      b.append(el('span', { className: 'dw-quiz-mark', text: isAnswer ? card.t('quiz.markRight') : card.t('quiz.markWrong') }));
    }
    feedback.dataset.tone = right ? 'ok' : 'bad';
    feedback.replaceChildren(
      el('strong', { text: right ? card.t('quiz.right', { answer: correct.label }) : card.t('quiz.wrong', { chosen: chosen.label, answer: correct.label }) }),
      el('span', { text: ` ${c.reason}` }),
    );
    updateStats();
    const last = index === cards.length - 1;
    if (last) finish();
    else {
      nextBtn.hidden = false;
      nextBtn.focus();
      card.setMessage(right ? card.t('quiz.continueRight') : card.t('quiz.continueWrong'), right ? 'ok' : 'info');
    }
    return right;
  }

  function next() {
    if (!answered || index >= cards.length - 1) return;
    index += 1;
    show();
    scenario.focus();
  }

  function finish() {
    cardBox.classList.add('dw-quiz-done');
    replayBtn.hidden = false;
    replayBtn.focus();
    const need = passMark(cards.length);
    const passed = score >= need;
    // The verdict's bands are measured from chance (one of the choices, at random), so a round at
    // the score one key pressed throughout gets is never praised as a start.
    const verdict = card.t('quiz.verdict', { share: score / cards.length, chance: 1 / choices.length });
    card.setMessage(card.t('quiz.over', { score: formatNumber(score, 0), total: formatNumber(cards.length, 0), need: formatNumber(need, 0), passed, verdict }), passed ? 'ok' : 'info');
    // A round is one attempt: its score goes out once, when it ends (a card answered is not an
    // attempt). Only a round that reaches the mark also finishes the activity; a later round that
    // reaches it finishes it then. `passMark` tells a listener what the round's aim was (xapi.js
    // reads success from it).
    const detail = { widget, title, score, max: cards.length, passMark: need };
    reportScore(card, detail);
    if (passed) reportComplete(card, detail);
    showReview();
    index = cards.length;
    updateStats();
  }

  // The missed cards of the round just ended, each with the right answer and its reason.
  function showReview() {
    if (!missed.length) return;
    const list = el('ol', { className: 'dw-quiz-review-list' });
    for (const m of missed) {
      list.append(el('li', {}, [
        el('strong', { text: m.text }),
        el('span', { text: ` ${card.t('quiz.reviewAnswer', { chosen: m.chosen, answer: m.answer })} ${m.reason}` }),
      ]));
    }
    review.replaceChildren(el('p', { className: 'dw-quiz-review-title', text: card.t('quiz.reviewTitle', { count: formatNumber(missed.length, 0) }) }), list);
    review.hidden = false;
  }

  function updateStats() {
    statScore.set(card.t('quiz.score', { score: formatNumber(score, 0), total: formatNumber(Math.min(cards.length, index + (answered ? 1 : 0)), 0) }));
    statLeft.set(formatNumber(Math.max(0, cards.length - index - (answered ? 1 : 0)), 0));
  }

  start();

  return {
    answer,
    current: () => cards[Math.min(index, cards.length - 1)],
    isAnswered: () => answered,
    element: cardBox,
  };
}
