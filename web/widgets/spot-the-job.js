// Game "Spot the job" (seed 001, level 2): sort everyday prediction tasks into regression
// (the answer is a quantity) or classification (the answer is one of a few categories).
// Pure game bookkeeping: no model is trained, so no engine call is needed beyond loading it.
// Every finished deck reports its score the moment its last prompt is answered (See result only
// shows it); the game completes only at the sorting games' pass mark (web/lib/quiz.js: 11 of 14),
// since one key pressed throughout already sorts half the deck right. On a lesson page a deck of
// another size than the lesson's 14 (set in the page address) is practice and reports nothing, as
// the sorting games built on quiz.js do (createQuiz's lessonRound).
import { mountWidget } from '../lib/widget.js';
import { button, buttonRow, el } from '../lib/ui.js';
import { seedOption, nextSeed } from '../lib/schema.js';
import { formatNumber } from '../lib/format.js';
import { recordedResult, reportComplete, reportScore } from '../lib/report.js';
import { dealRound, passMark } from '../lib/quiz.js';
import { messages } from './spot-the-job.messages.js';

export const engine = 'core';
export const schema = {
  seed: seedOption(1, 'Seed for the order of the prompts.'),
  rounds: { type: 'int', min: 6, max: 14, default: 14, description: 'How many prompts one game has.' },
};

export const meta = { title: messages['spot-the-job.title'], hint: messages['spot-the-job.hint'] };

// Each prompt: the task, the right job, and why, in words a learner can check.
// Each prompt in deck order (the seeded shuffle depends on it): its id and the right job; the task
// and why, in words a learner can check, are in the table (spot-the-job.prompt.<id>.text / .why).
const JOBS = [
  ['flat-price', 'regression'],
  ['temperature', 'regression'],
  ['delivery', 'regression'],
  ['electricity', 'regression'],
  ['tip', 'regression'],
  ['height', 'regression'],
  ['goals', 'regression'],
  ['spam', 'classification'],
  ['digit', 'classification'],
  ['tumour', 'classification'],
  ['iris', 'classification'],
  ['fraud', 'classification'],
  ['postcode', 'classification'],
  ['churn', 'classification'],
];
// The prompts whose answer is written with digits, so a number can hide a label (digit, postcode)
// or a count can look like a label (goals).
const NUMBERS_AS_LABELS_OR_COUNTS = new Set(['digit', 'postcode', 'goals']);
// One game's prompts in a seeded order. A deck shorter than the whole set (an embed's `rounds`)
// keeps the two jobs as even as its length allows (quiz.js dealRound): dealt blind, six prompts
// could all be regression, and one key would reach the pass mark.
export function dealDeck(prompts, seed, rounds) {
  return dealRound(prompts, seed, rounds, (p) => p.job);
}

// The prompts in English, for tests and lesson claims that look one up by its text.
export const PROMPTS = JOBS.map(([id, job]) => ({ id, job, text: messages[`spot-the-job.prompt.${id}.text`], why: messages[`spot-the-job.prompt.${id}.why`] }));

export function mount(element, options) {
  return mountWidget(element, options, { schema, meta, build, messages });
}

function build(ctx) {
  const { card, options, t } = ctx;
  const prompts = JOBS.map(([id, job]) => ({ id, job, text: t(`spot-the-job.prompt.${id}.text`), why: t(`spot-the-job.prompt.${id}.why`) }));
  let opts = { ...options };
  let deck = [];
  let index = 0;
  let correct = 0;
  let missed = []; // the prompts sorted wrongly this round, with the job chosen: listed when it ends
  let streak = 0;
  let bestStreak = 0;
  let answered = false;
  let practice = false; // this deck's size is not the lesson's, on a lesson page (see the top of the file)

  const practiceNote = el('p', { className: 'spot-the-job-practice dw-hint', role: 'note', hidden: true });
  const board = el('div', { className: 'spot-the-job-sorter', tabindex: '0', role: 'group', 'aria-label': t('spot-the-job.board') });
  const progress = el('p', { className: 'spot-the-job-sorter-progress' });
  const prompt = el('p', { className: 'spot-the-job-sorter-prompt', 'aria-live': 'polite' });
  const choices = el('div', { className: 'spot-the-job-sorter-choices' });
  const regBtn = el('button', { type: 'button', className: 'dw-btn spot-the-job-choice', 'data-job': 'regression' }, [
    el('strong', { text: t('spot-the-job.job.regression') }), el('span', { text: t('spot-the-job.describe.regression') }), el('kbd', { text: t('spot-the-job.key.regression') })]);
  const clsBtn = el('button', { type: 'button', className: 'dw-btn spot-the-job-choice', 'data-job': 'classification' }, [
    el('strong', { text: t('spot-the-job.job.classification') }), el('span', { text: t('spot-the-job.describe.classification') }), el('kbd', { text: t('spot-the-job.key.classification') })]);
  choices.append(regBtn, clsBtn);
  const feedback = el('p', { className: 'spot-the-job-sorter-feedback', role: 'status', 'aria-live': 'polite' });
  // At the end of a deck, the prompts missed in it, each with its answer and why, right under the
  // result that sends the learner to them: the history below is a short scrolling log, where most
  // crosses of a 14-prompt deck sit out of view (on a phone, all but two or three lines). The focus
  // moves here when the deck ends (see next()).
  const reviewTitle = el('p', { className: 'spot-the-job-review-title', id: `spot-the-job-review-${Math.random().toString(36).slice(2)}` });
  const reviewList = el('ol', { className: 'spot-the-job-review-list' });
  const review = el('div', { className: 'spot-the-job-review', role: 'group', tabindex: '-1', 'aria-labelledby': reviewTitle.id, hidden: true }, [reviewTitle, reviewList]);
  const history = el('ol', { className: 'spot-the-job-sorter-history', 'aria-label': t('spot-the-job.history') });
  board.append(progress, prompt, choices, feedback, review);
  card.stage.append(practiceNote, board, history);

  const buttons = buttonRow(card.controls);
  const nextBtn = button(buttons, t('spot-the-job.next'), () => next(), { primary: true });
  button(buttons, t('spot-the-job.newGame'), () => { opts.seed = nextSeed(opts.seed); restart(); });

  const statScore = card.stat(t('spot-the-job.stat.score'));
  const statStreak = card.stat(t('spot-the-job.stat.bestStreak'));
  const statLeft = card.stat(t('spot-the-job.stat.left'));

  const onRegression = () => answer('regression');
  const onClassification = () => answer('classification');
  ctx.listen(regBtn, 'click', onRegression);
  ctx.listen(clsBtn, 'click', onClassification);
  const onKey = (e) => {
    if (e.target !== board && !board.contains(e.target) && e.target !== card.card) return;
    const k = e.key.toLowerCase();
    if (k === 'r' || k === 'arrowleft') { answer('regression'); e.preventDefault(); }
    else if (k === 'c' || k === 'arrowright') { answer('classification'); e.preventDefault(); }
    else if ((k === 'enter' || k === ' ' || k === 'n') && answered && e.target === board) { next(); e.preventDefault(); }
  };
  ctx.listen(card.card, 'keydown', onKey);

  // The lesson's deck and its pass mark, in words.
  const fullDeck = formatNumber(schema.rounds.default, 0);
  const fullNeed = formatNumber(passMark(schema.rounds.default), 0);

  function restart() {
    deck = dealDeck(prompts, opts.seed, opts.rounds);
    practice = deck.length !== schema.rounds.default && recordedResult(card, 'spot-the-job') !== null;
    practiceNote.hidden = !practice;
    // The deck dealt is named, not the address's number: a `rounds` below the schema's least is
    // dealt at that least (the card's settings note says so), so the two can differ.
    practiceNote.textContent = practice ? t('spot-the-job.practiceNote', { size: formatNumber(deck.length, 0), fewest: deck.length === schema.rounds.min, full: fullDeck, need: fullNeed }) : '';
    index = 0;
    correct = 0;
    missed = [];
    streak = 0;
    bestStreak = 0;
    history.replaceChildren();
    history.classList.remove('spot-the-job-history-over');
    review.hidden = true;
    reviewList.replaceChildren();
    show();
    card.setMessage(t('spot-the-job.start'), 'info');
  }

  function show() {
    answered = false;
    const item = deck[index];
    progress.textContent = t('spot-the-job.progress', { index: formatNumber(index + 1, 0), total: formatNumber(deck.length, 0) });
    prompt.textContent = item.text;
    feedback.textContent = '';
    feedback.dataset.tone = '';
    // The last answer's verdict belongs to the last prompt: beside the new one it would read as its.
    if (index > 0) card.setMessage('', 'info');
    for (const b of [regBtn, clsBtn]) { b.disabled = false; b.classList.remove('dw-right', 'dw-wrong'); }
    // Disabling the focused Next button would drop keyboard focus to the page: it goes to the board
    // instead, where the new prompt is read (aria-live) and the R/C keys answer it, as after answer().
    const hadFocus = nextBtn.matches(':focus');
    nextBtn.disabled = true;
    if (hadFocus) board.focus({ preventScroll: true });
    nextBtn.hidden = false;
    nextBtn.textContent = index === deck.length - 1 ? t('spot-the-job.seeResult') : t('spot-the-job.next');
    readout();
  }

  function answer(job) {
    if (answered || index >= deck.length) return;
    answered = true;
    const item = deck[index];
    const ok = job === item.job;
    if (ok) { correct += 1; streak += 1; bestStreak = Math.max(bestStreak, streak); } else { streak = 0; missed.push({ item, chosen: job }); }
    for (const b of [regBtn, clsBtn]) {
      b.disabled = true;
      if (b.dataset.job === item.job) b.classList.add('dw-right');
      else if (b.dataset.job === job) b.classList.add('dw-wrong');
    }
    feedback.textContent = t('spot-the-job.feedback', { ok, job: t(`spot-the-job.jobInText.${item.job}`), why: item.why });
    feedback.dataset.tone = ok ? 'ok' : 'bad';
    history.append(el('li', { className: ok ? 'dw-right' : 'dw-wrong' }, [
      el('span', { className: 'spot-the-job-mark', text: ok ? t('spot-the-job.mark.right') : t('spot-the-job.mark.wrong'), 'aria-label': ok ? t('spot-the-job.mark.right.label') : t('spot-the-job.mark.wrong.label') }),
      el('span', { text: t('spot-the-job.historyItem', { text: item.text, job: t(`spot-the-job.job.${item.job}`) }) })]));
    nextBtn.disabled = false;
    readout();
    const verdict = ok ? t('spot-the-job.right', { streak }) : t('spot-the-job.wrong', { chosen: t(`spot-the-job.jobInText.${job}`), answer: t(`spot-the-job.jobInText.${item.job}`) });
    if (index === deck.length - 1) {
      // The deck is finished with this answer: its result is recorded now, whether or not See result
      // is pressed, and the message says so.
      const need = passMark(deck.length);
      const passed = correct >= need;
      const correctText = formatNumber(correct, 0);
      const total = formatNumber(deck.length, 0);
      if (practice) card.setMessage(t('spot-the-job.lastPractice', { verdict, correct: correctText, total }), ok ? 'ok' : 'bad');
      else {
        report(passed, need);
        card.setMessage(t('spot-the-job.last', { verdict, correct: correctText, total, passed }), ok ? 'ok' : 'bad');
      }
    } else card.setMessage(verdict, ok ? 'ok' : 'bad');
    board.focus({ preventScroll: true });
  }

  // The finished game, as played: how many of this deck were sorted correctly. Only a deck at the
  // pass mark also finishes the activity (a later deck that reaches it finishes it then): the
  // lesson's deck holds seven prompts of each job, so one key pressed throughout scores 7 of 14.
  function report(passed, need) {
    const result = { widget: 'spot-the-job', title: t('spot-the-job.title'), score: correct, max: deck.length, passMark: need };
    reportScore(card, result);
    if (passed) reportComplete(card, result);
  }

  function next() {
    if (!answered || index >= deck.length) return;
    if (index < deck.length - 1) { index += 1; show(); return; }
    index = deck.length;
    const need = passMark(deck.length);
    const passed = correct >= need && !practice;
    const correctText = formatNumber(correct, 0);
    const total = formatNumber(deck.length, 0);
    prompt.textContent = practice
      ? t('spot-the-job.donePractice', { correct: correctText, total, full: fullDeck, need: fullNeed })
      : t('spot-the-job.done', { correct: correctText, total, need: formatNumber(need, 0), passed });
    progress.textContent = t('spot-the-job.over');
    // The numbers-that-are-labels hint only when a miss was one of them (a digit, a postcode, a count).
    feedback.textContent = correct === deck.length ? t('spot-the-job.perfect') : missed.some((m) => NUMBERS_AS_LABELS_OR_COUNTS.has(m.item.id)) ? t('spot-the-job.review') : t('spot-the-job.reviewAny');
    feedback.dataset.tone = correct === deck.length ? 'ok' : 'info';
    for (const b of [regBtn, clsBtn]) b.disabled = true;
    showReview();
    // The whole log at the end, not a scrolling box: the result speaks of the answers given.
    history.classList.add('spot-the-job-history-over');
    // Nothing follows the last prompt: the button goes until New game deals another deck. Its focus
    // goes to the list of misses (or, with none, the board), under the result (on New game, the
    // Enter that pressed See result would deal a new deck over the result and the list of answers);
    // Tab reaches New game.
    const hadFocus = nextBtn.matches(':focus') || board.contains(board.getRootNode().activeElement); // (a shadow root's own)
    nextBtn.disabled = true;
    nextBtn.hidden = true;
    // (The list is focused without preventScroll: on a phone it starts below the screen's edge.)
    if (hadFocus && review.hidden) board.focus({ preventScroll: true });
    else if (hadFocus) review.focus();
    readout();
    card.setMessage(t('spot-the-job.again', { passed }), passed ? 'ok' : 'info');
  }

  // The deck's misses in full: the prompt, its job and the one chosen, and why.
  function showReview() {
    review.hidden = missed.length === 0;
    if (review.hidden) return;
    reviewTitle.textContent = t('spot-the-job.reviewTitle', { count: missed.length });
    reviewList.replaceChildren(...missed.map(({ item, chosen }) => el('li', {}, [
      el('strong', { text: item.text }), ' ',
      el('span', { text: t('spot-the-job.reviewItem', { answer: t(`spot-the-job.job.${item.job}`), chosen: t(`spot-the-job.jobInText.${chosen}`), why: item.why }) })])));
  }

  function readout() {
    const done = index + (answered || index >= deck.length ? 1 : 0);
    const seen = Math.min(done, deck.length);
    statScore.set(t('spot-the-job.score', { correct: formatNumber(correct, 0), seen: formatNumber(seen, 0) }));
    statStreak.set(formatNumber(bestStreak, 0));
    statLeft.set(formatNumber(deck.length - seen, 0));
  }

  restart();

  return {
    update(nextOpts) { opts = { ...nextOpts }; restart(); },
  };
}
