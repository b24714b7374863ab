// Game "Spot the job" (seed 001, level 2): sort everyday prediction tasks into regression
// (the answer is a quantity) or classification (the answer is one of a few categories).
// Pure game bookkeeping: no model is trained, so no engine call is needed beyond loading it.
import { mountWidget } from '../lib/widget.js';
import { button, buttonRow, el } from '../lib/ui.js';
import { seedOption, nextSeed } from '../lib/schema.js';
import { formatNumber } from '../lib/format.js';
import { reportComplete } from '../lib/report.js';

export const engine = 'core';
export const schema = {
  seed: seedOption(1, 'Seed for the order of the prompts.'),
  rounds: { type: 'int', min: 6, max: 14, default: 14, description: 'How many prompts one game has.' },
};

export const meta = {
  title: 'Spot the job',
  hint: 'Is each task regression (a number) or classification (a category)? Press R or C, or tap a button.',
};

// Each prompt: the task, the right job, and why, in words a learner can check.
export const PROMPTS = [
  { text: 'The price a two-bedroom flat will sell for, in euros.', job: 'regression', why: 'a price is an amount on a continuous scale — you ask "how much?"' },
  { text: 'The highest temperature tomorrow afternoon, in °C.', job: 'regression', why: 'temperature is a measurement; 21.4 °C and 21.5 °C are both sensible answers.' },
  { text: 'How many minutes a food delivery will take to arrive.', job: 'regression', why: 'a duration is a quantity, and being off by 2 minutes is better than being off by 20.' },
  { text: 'Next month\'s electricity use of a house, in kilowatt-hours.', job: 'regression', why: 'energy use is a number on a scale, not a choice among labels.' },
  { text: 'The tip a diner will leave on a restaurant bill.', job: 'regression', why: 'a tip is an amount of money — the worked example at the end of this level predicts exactly this.' },
  { text: 'How tall a child will be at age 18, in centimetres.', job: 'regression', why: 'height is a continuous measurement.' },
  { text: 'How many goals a team will score in its next match.', job: 'regression', why: 'a count is still a quantity: 3 goals is closer to 2 than to 7, so the answer lives on a scale.' },
  { text: 'Whether an incoming email is spam or not spam.', job: 'classification', why: 'there are exactly two buckets to choose between.' },
  { text: 'Which digit, 0 to 9, a handwritten scribble shows.', job: 'classification', why: 'the digits are ten labels here: a blurry 7 is not "nearly an 8", so it is a choice among ten categories, even though the labels look like numbers.' },
  { text: 'Whether a tumour on a scan is benign or malignant.', job: 'classification', why: 'the answer is one of two categories.' },
  { text: 'Which of three iris species a flower belongs to.', job: 'classification', why: 'the answer is a name from a short list.' },
  { text: 'Whether a card payment is fraudulent.', job: 'classification', why: 'each payment goes into one of two buckets: fraud or legitimate.' },
  { text: 'Which postcode area a handwritten address belongs to.', job: 'classification', why: 'postcodes are labels made of digits; there is no "between" two postcodes.' },
  { text: 'Whether a customer will cancel their subscription this month.', job: 'classification', why: 'the answer is yes or no.' },
];

const LABELS = { regression: 'Regression', classification: 'Classification' };

// A small deterministic shuffle so a seed always gives the same order (game bookkeeping only).
function shuffled(items, seed) {
  const out = items.slice();
  let s = (seed >>> 0) || 1;
  const next = () => { s ^= s << 13; s >>>= 0; s ^= s >>> 17; s ^= s << 5; s >>>= 0; return s / 4294967296; };
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

export function mount(element, options) {
  return mountWidget(element, options, { schema, meta, build });
}

function build(ctx) {
  const { card, options } = ctx;
  let opts = { ...options };
  let deck = [];
  let index = 0;
  let correct = 0;
  let streak = 0;
  let bestStreak = 0;
  let answered = false;

  const board = el('div', { className: 'c2-sorter', tabindex: '0', role: 'group', 'aria-label': 'Prompt to sort. Press R for regression or C for classification.' });
  const progress = el('p', { className: 'c2-sorter-progress' });
  const prompt = el('p', { className: 'c2-sorter-prompt', 'aria-live': 'polite' });
  const choices = el('div', { className: 'c2-sorter-choices' });
  const regBtn = el('button', { type: 'button', className: 'dw-btn c2-choice', 'data-job': 'regression' }, [
    el('strong', { text: 'Regression' }), el('span', { text: 'a number · "how much?"' }), el('kbd', { text: 'R' })]);
  const clsBtn = el('button', { type: 'button', className: 'dw-btn c2-choice', 'data-job': 'classification' }, [
    el('strong', { text: 'Classification' }), el('span', { text: 'a category · "which one?"' }), el('kbd', { text: 'C' })]);
  choices.append(regBtn, clsBtn);
  const feedback = el('p', { className: 'c2-sorter-feedback', role: 'status', 'aria-live': 'polite' });
  const history = el('ol', { className: 'c2-sorter-history', 'aria-label': 'Your answers so far' });
  board.append(progress, prompt, choices, feedback);
  card.stage.append(board, history);

  const buttons = buttonRow(card.controls);
  const nextBtn = button(buttons, 'Next prompt', () => next(), { primary: true });
  button(buttons, 'New game', () => { opts.seed = nextSeed(opts.seed); restart(); });

  const statScore = card.stat('score');
  const statStreak = card.stat('best streak');
  const statLeft = card.stat('left');

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

  function restart() {
    deck = shuffled(PROMPTS, opts.seed).slice(0, opts.rounds);
    index = 0;
    correct = 0;
    streak = 0;
    bestStreak = 0;
    history.replaceChildren();
    show();
    card.setMessage('Read the task, then decide: is the answer a quantity or a category?', 'info');
  }

  function show() {
    answered = false;
    const item = deck[index];
    progress.textContent = `Prompt ${formatNumber(index + 1, 0)} of ${formatNumber(deck.length, 0)}`;
    prompt.textContent = item.text;
    feedback.textContent = '';
    feedback.dataset.tone = '';
    for (const b of [regBtn, clsBtn]) { b.disabled = false; b.classList.remove('c2-right', 'c2-wrong'); }
    nextBtn.disabled = true;
    nextBtn.textContent = index === deck.length - 1 ? 'See result' : 'Next prompt';
    readout();
  }

  function answer(job) {
    if (answered || index >= deck.length) return;
    answered = true;
    const item = deck[index];
    const ok = job === item.job;
    if (ok) { correct += 1; streak += 1; bestStreak = Math.max(bestStreak, streak); } else streak = 0;
    for (const b of [regBtn, clsBtn]) {
      b.disabled = true;
      if (b.dataset.job === item.job) b.classList.add('c2-right');
      else if (b.dataset.job === job) b.classList.add('c2-wrong');
    }
    feedback.textContent = `${ok ? '✓ Correct' : '✗ Not quite'} — ${LABELS[item.job].toLowerCase()}: ${item.why}`;
    feedback.dataset.tone = ok ? 'ok' : 'bad';
    history.append(el('li', { className: ok ? 'c2-right' : 'c2-wrong' }, [
      el('span', { className: 'c2-mark', text: ok ? '✓' : '✗', 'aria-label': ok ? 'correct' : 'wrong' }),
      el('span', { text: ` ${item.text} → ${LABELS[item.job]}` })]));
    nextBtn.disabled = false;
    readout();
    card.setMessage(ok ? `Right. ${streak > 1 ? `${streak} in a row.` : ''}`.trim() : `You chose ${LABELS[job].toLowerCase()}; the answer is ${LABELS[item.job].toLowerCase()}.`, ok ? 'ok' : 'bad');
    board.focus({ preventScroll: true });
  }

  function next() {
    if (!answered) return;
    if (index < deck.length - 1) { index += 1; show(); return; }
    index = deck.length;
    prompt.textContent = `Done: ${correct} of ${deck.length} sorted correctly.`;
    progress.textContent = 'Game over';
    feedback.textContent = correct === deck.length
      ? 'A perfect sort. The rule you used — "how much?" versus "which one?" — is the whole distinction.'
      : 'Look at the crosses below: the tricky ones are usually labels written as numbers (digits, postcodes) or counts (which are quantities).';
    feedback.dataset.tone = correct === deck.length ? 'ok' : 'info';
    for (const b of [regBtn, clsBtn]) b.disabled = true;
    nextBtn.disabled = true;
    nextBtn.textContent = 'Next prompt';
    readout();
    card.setMessage('Press New game to sort them again in a different order.', correct === deck.length ? 'ok' : 'info');
    // The finished game, as played: how many of this deck were sorted correctly.
    reportComplete(card, { widget: 'spot-the-job', title: meta.title, score: correct, max: deck.length });
  }

  function readout() {
    const done = index + (answered || index >= deck.length ? 1 : 0);
    const seen = Math.min(done, deck.length);
    statScore.set(`${formatNumber(correct, 0)} / ${formatNumber(seen, 0)}`);
    statStreak.set(formatNumber(bestStreak, 0));
    statLeft.set(formatNumber(deck.length - seen, 0));
  }

  restart();

  return {
    update(nextOpts) { opts = { ...nextOpts }; restart(); },
  };
}
