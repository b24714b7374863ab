// Game "Which kind of learning?" (seed 001, level 1; seed 000's four paradigms): sort real
// scenarios into supervised, unsupervised, reinforcement or self-supervised learning. Drag the
// scenario card onto a bin, or tap a bin, or press 1–4; each answer is explained.
import { mountWidget } from '../lib/widget.js';
import { seedOption } from '../lib/schema.js';
import { createQuiz } from '../lib/quiz.js';

export const engine = 'core';
export const schema = {
  seed: seedOption(2, 'Seed for the order the scenarios are dealt in.'),
  rounds: { type: 'int', min: 4, max: 16, default: 12, description: 'Scenarios per round (the deck holds 16).' },
};

export const meta = {
  title: 'Which kind of learning?',
  hint: 'Drag the scenario card onto the kind of learning it uses — or tap a bin, or press 1 to 4.',
};

const SUP = 'supervised';
const UNS = 'unsupervised';
const RL = 'reinforcement';
const SELF = 'self-supervised';

export const DECK = [
  { text: 'Predict the price of a flat from thousands of past sales, each with its final price.', answer: SUP, reason: 'Every example comes with the right answer (the price it sold for), so the model learns from labelled pairs.' },
  { text: 'Mark emails as spam or not, learning from 10,000 emails people have already marked.', answer: SUP, reason: 'People supplied the labels (spam / not spam); the model learns to reproduce them on new emails.' },
  { text: 'Spot skin conditions in photos that dermatologists have already diagnosed.', answer: SUP, reason: 'Each photo carries an expert’s diagnosis: a label to learn from.' },
  { text: 'Predict which subscribers will cancel next month, using records of who cancelled in the past.', answer: SUP, reason: 'Past customers are labelled by what actually happened (stayed or left), which is exactly what the model must predict.' },
  { text: 'Split a shop’s customers into groups with similar buying habits, with no groups decided in advance.', answer: UNS, reason: 'There are no labels: the model has to discover the groups itself. That is clustering.' },
  { text: 'Group thousands of news articles into topics that nobody has named yet.', answer: UNS, reason: 'Only the articles are given, no topic labels; the structure is found in the data.' },
  { text: 'Squeeze 50 survey answers per person into 2 numbers so the whole survey fits on one scatter plot.', answer: UNS, reason: 'No answers to predict: the aim is a simpler description of the data itself (dimensionality reduction, like PCA).' },
  { text: 'Notice unusual patterns in server logs without any examples of past attacks.', answer: UNS, reason: 'With no labelled attacks, the model learns what normal looks like and flags what does not fit.' },
  { text: 'A robot vacuum learns a cleaning route: clean floor earns points, bumping into furniture loses them.', answer: RL, reason: 'An agent acts, the world responds with rewards and penalties, and it learns which actions pay off over time.' },
  { text: 'A program learns to play a video game with nothing but the score to go on.', answer: RL, reason: 'No one shows it the right moves; it tries actions and learns from the reward (the score).' },
  { text: 'Traffic lights adjust their timing, rewarded whenever the measured waiting times drop.', answer: RL, reason: 'Each timing choice changes what happens next, and the only feedback is a reward signal: trial, error, reward.' },
  { text: 'A chatbot is tuned using people’s thumbs-up and thumbs-down on its answers.', answer: RL, reason: 'The ratings act as a reward, not as the correct answer. This is the idea behind RLHF, reinforcement learning from human feedback.' },
  { text: 'A language model reads billions of web pages and learns to predict each next word.', answer: SELF, reason: 'No one labels anything: the next word in the text is the answer, so the data supplies its own labels.' },
  { text: 'Cover random patches of photos and train a model to fill in the missing pixels.', answer: SELF, reason: 'The hidden pixels are the labels, cut out of the data itself: a made-up task that teaches what images look like.' },
  { text: 'Turn colour photos grey, then learn to bring back the original colours.', answer: SELF, reason: 'The original colours are a free label made from the data, with no human labelling.' },
  { text: 'Learn from hours of recordings by predicting the next fraction of a second of sound.', answer: SELF, reason: 'The future audio is the target and it is already in the recording: the data labels itself.' },
];

const CHOICES = [
  { id: SUP, label: 'Supervised', describe: 'examples with answers', key: '1' },
  { id: UNS, label: 'Unsupervised', describe: 'find structure, no answers', key: '2' },
  { id: RL, label: 'Reinforcement', describe: 'act, get rewards', key: '3' },
  { id: SELF, label: 'Self-supervised', describe: 'the data labels itself', key: '4' },
];

export function mount(element, options) {
  return mountWidget(element, options, { schema, meta, build });
}

function build(ctx) {
  const { card, options } = ctx;
  card.card.classList.add('c1-quiz', 'c1-sort');
  const quiz = createQuiz(ctx, {
    widget: 'which-learning', title: meta.title, deck: DECK, choices: CHOICES, roundSize: options.rounds, seed: options.seed,
  });

  // Drag the card onto a bin (pointer events: mouse, pen, touch). The bins are also buttons, so
  // tapping or the keyboard (Tab + Enter, or 1–4) does the same without dragging.
  const box = quiz.element;
  box.classList.add('c1-draggable');
  box.setAttribute('aria-roledescription', 'draggable scenario card');
  let drag = null;
  const DRAG_SCALE = 0.35;
  const bins = () => [...card.card.querySelectorAll('.c1-choice')];
  const binAt = (x, y) => bins().find((b) => { const r = b.getBoundingClientRect(); return x >= r.left && x <= r.right && y >= r.top && y <= r.bottom; });
  const clearHover = () => bins().forEach((b) => b.classList.remove('c1-hover'));
  const onDown = (e) => {
    if (quiz.isAnswered() || e.button > 0) return;
    drag = { id: e.pointerId, x: e.clientX, y: e.clientY, moved: false };
    // The card shrinks towards the point where it was grabbed, so while it follows the pointer
    // it stays small and the bins it is dropped on remain visible.
    const r = box.getBoundingClientRect();
    box.style.transformOrigin = `${e.clientX - r.left}px ${e.clientY - r.top}px`;
    box.setPointerCapture(e.pointerId);
  };
  const onMove = (e) => {
    if (!drag || e.pointerId !== drag.id) return;
    const dx = e.clientX - drag.x;
    const dy = e.clientY - drag.y;
    if (!drag.moved && Math.hypot(dx, dy) < 6) return;
    drag.moved = true;
    box.classList.add('c1-dragging');
    box.style.transform = `translate(${dx}px, ${dy}px) scale(${DRAG_SCALE}) rotate(${Math.max(-4, Math.min(4, dx / 40))}deg)`;
    clearHover();
    const bin = binAt(e.clientX, e.clientY);
    if (bin) bin.classList.add('c1-hover');
    e.preventDefault();
  };
  const endDrag = (e, drop) => {
    if (!drag || e.pointerId !== drag.id) return;
    const bin = drop && drag.moved ? binAt(e.clientX, e.clientY) : null;
    drag = null;
    box.classList.remove('c1-dragging');
    box.style.transform = '';
    clearHover();
    if (bin) quiz.answer(bin.dataset.choice);
  };
  const onUp = (e) => endDrag(e, true);
  const onCancel = (e) => endDrag(e, false);
  const onKey = (e) => { if (e.key === 'Escape' && drag) { drag = null; box.classList.remove('c1-dragging'); box.style.transform = ''; clearHover(); } };
  ctx.listen(box, 'pointerdown', onDown);
  ctx.listen(box, 'pointermove', onMove);
  ctx.listen(box, 'pointerup', onUp);
  ctx.listen(box, 'pointercancel', onCancel);
  ctx.listen(card.card, 'keydown', onKey);

  // No update(): new options start a new round, which mountWidget does by building again.
  return {};
}
