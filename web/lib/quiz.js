// The sorting-game machinery shared by "Rules or learn?" and "Which kind of learning?": deal a
// seeded round of scenario cards, take an answer (button, key, or a drop from the widget),
// give instant feedback with the reason, keep score, and offer a replay. Pure bookkeeping: no
// model is involved in these two games.
import { button, buttonRow, el } from './ui.js';
import { recordedResult, reportComplete, reportScore } from './report.js';
import { seededShuffle } from './rng.js';
import { formatNumber } from './format.js';

// A round completes the game only when at least this share of its cards is right: the share the
// round-over verdict already calls strong ('quiz.verdict'). A lower round is still reported as a
// score (the learner played it), never as done, so a key pressed without reading can't tick the
// game off: each answer fills at most 8 of the 16 cards in "Rules or learn?" and 4 in "Which kind of
// learning?", so one key scores at most 8 of 12 (and dealRound keeps a shorter round as even as
// its size allows). ai-hierarchy.js uses the same mark.
export const PASS_SHARE = 0.75;
// The fewest right answers out of `total` that reach PASS_SHARE: 9 of 12, 9 of 11, 3 of 4.
// (PASS_SHARE × total is exact in binary for any whole total, so ceil does not round up by mistake.)
export function passMark(total) { return Math.ceil(PASS_SHARE * total); }

// One round of `size` cards from `deck` in a seeded order, its answers (answerOf) as even as the
// size allows: each answer's share is size / answers, rounded up for the answers the shuffle shows
// first. Dealt blind, a short round can be mostly one answer (4 cards of "Rules or learn?" at seed
// 1 held 3 "rules"), and one key pressed throughout would reach the pass mark; dealt even, one key
// gets at most ceil(size / answers), below passMark(size) for every size of 2 cards or more. A
// round of the whole deck is the shuffle itself. spot-the-job.js deals its decks with it too.
export function dealRound(deck, seed, size, answerOf = (card) => card.answer) {
  const shuffled = seededShuffle(deck, seed);
  if (size >= shuffled.length) return shuffled;
  const answers = [...new Set(shuffled.map(answerOf))]; // in the order the shuffle first shows them
  const quota = new Map(answers.map((a, i) => [a, Math.floor(size / answers.length) + (i < size % answers.length ? 1 : 0)]));
  const dealt = new Set();
  for (const card of shuffled) {
    const left = quota.get(answerOf(card));
    if (left > 0) { dealt.add(card); quota.set(answerOf(card), left - 1); }
  }
  // A deck with too few cards of one answer for its share: the rest of the round in shuffled order.
  for (const card of shuffled) if (dealt.size < size) dealt.add(card);
  return shuffled.filter((card) => dealt.has(card));
}

// ctx:      the widget's context (widget.js): the quiz draws on ctx.card and listens through it
// deck:     [{ text, answer, reason }]
// choices:  [{ id, label, key, describe }]; `key` is a keyboard shortcut shown on the button
// lessonRound: the round size a lesson's sentence and record are about (the schema's default
//           `rounds`; the lessons' claims tests check their directives leave it so). On a lesson
//           page (one that records results: recordedResult answers) a round of another size, set
//           in the page address, is practice: shown and scored, never reported, so it neither
//           completes the game nor stands in the lesson's record beside a real round. An embed's
//           `rounds` is its host's choice of round, and its rounds report as they end.
export function createQuiz(ctx, { widget, title, deck, choices, roundSize, lessonRound, seed, choiceHost }) {
  const { card } = ctx;
  const practice = roundSize !== lessonRound && recordedResult(card, widget) !== null;
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
  if (practice) {
    card.stage.append(el('p', { className: 'dw-quiz-practice dw-hint', role: 'note',
      text: card.t('quiz.practiceNote', { size: formatNumber(roundSize, 0), full: formatNumber(lessonRound, 0), need: formatNumber(passMark(lessonRound), 0) }) }));
  }
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
  // screen with Next, and the round-over message sends the learner to reread them. The focus moves
  // here when the round ends (not to Play again, where the Enter that moved on from each card
  // would deal a new round over the verdict and this list); Tab goes on to Play again. It is
  // described by the message line, which holds the verdict.
  if (!card.message.id) card.message.id = `dw-quiz-message-${Math.random().toString(36).slice(2)}`;
  const review = el('div', { className: 'dw-quiz-review', tabindex: '-1', 'aria-describedby': card.message.id });
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
    cards = dealRound(deck, seed + round * 7919, roundSize);
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
    const need = passMark(cards.length);
    const passed = score >= need;
    // The verdict's bands are measured from chance (one of the choices, at random), so a round at
    // the score one key pressed throughout gets is never praised as a start.
    const verdict = card.t('quiz.verdict', { share: score / cards.length, chance: 1 / choices.length });
    const shown = { score: formatNumber(score, 0), total: formatNumber(cards.length, 0), verdict };
    if (practice) {
      // Not reported (see lessonRound above): the message says so, and what round would count.
      card.setMessage(card.t('quiz.overPractice', { ...shown, full: formatNumber(lessonRound, 0), need: formatNumber(passMark(lessonRound), 0) }), 'info');
    } else {
      card.setMessage(card.t('quiz.over', { ...shown, need: formatNumber(need, 0), passed }), passed ? 'ok' : 'info');
      // A round is one attempt: its score goes out once, when it ends (a card answered is not an
      // attempt). Only a round that reaches the mark also finishes the activity; a later round that
      // reaches it finishes it then. `passMark` tells a listener what the round's aim was (xapi.js
      // reads success from it).
      const detail = { widget, title, score, max: cards.length, passMark: need };
      reportScore(card, detail);
      if (passed) reportComplete(card, detail);
    }
    showReview();
    index = cards.length;
    updateStats();
  }

  // The missed cards of the round just ended, each with the right answer and its reason (or that
  // none was missed), and the focus on them.
  function showReview() {
    if (missed.length) {
      const list = el('ol', { className: 'dw-quiz-review-list' });
      for (const m of missed) {
        list.append(el('li', {}, [
          el('strong', { text: m.text }),
          el('span', { text: ` ${card.t('quiz.reviewAnswer', { chosen: m.chosen, answer: m.answer })} ${m.reason}` }),
        ]));
      }
      review.replaceChildren(el('p', { className: 'dw-quiz-review-title', text: card.t('quiz.reviewTitle', { count: formatNumber(missed.length, 0) }) }), list);
    } else review.replaceChildren(el('p', { className: 'dw-quiz-review-title', text: card.t('quiz.reviewNone') }));
    review.hidden = false;
    review.focus();
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
