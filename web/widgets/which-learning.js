// Game "Which kind of learning?" (seed 001, level 1; seed 000's four paradigms): sort real
// scenarios into supervised, unsupervised, reinforcement or self-supervised learning. Drag the
// scenario card onto a bin, or tap a bin, or press 1–4; each answer is explained.
import { mountWidget } from '../lib/widget.js';
import { seedOption } from '../lib/schema.js';
import { createQuiz } from '../lib/quiz.js';
import { messages } from './which-learning.messages.js';

export const engine = 'core';
export const schema = {
  seed: seedOption(2, 'Seed for the order the scenarios are dealt in.'),
  rounds: { type: 'int', min: 4, max: 16, default: 12, description: 'Scenarios per round (the deck holds 16).' },
};

export const meta = { title: messages['which-learning.title'], hint: messages['which-learning.hint'] };

const SUP = 'supervised';
const UNS = 'unsupervised';
const RL = 'reinforcement';
const SELF = 'self-supervised';

const SCENARIOS = [
  { id: 'flatPrice', answer: SUP },
  { id: 'spamEmails', answer: SUP },
  { id: 'skinPhotos', answer: SUP },
  { id: 'churn', answer: SUP },
  { id: 'customerGroups', answer: UNS },
  { id: 'newsTopics', answer: UNS },
  { id: 'surveySqueeze', answer: UNS },
  { id: 'serverLogs', answer: UNS },
  { id: 'robotVacuum', answer: RL },
  { id: 'videoGame', answer: RL },
  { id: 'trafficLights', answer: RL },
  { id: 'chatbotThumbs', answer: RL },
  { id: 'nextWord', answer: SELF },
  { id: 'photoPatches', answer: SELF },
  { id: 'greyPhotos', answer: SELF },
  { id: 'nextSound', answer: SELF },
];

// The deck as the lesson's claims read it: each scenario with its English words.
export const DECK = SCENARIOS.map(({ id, answer }) => ({ id, text: messages[`which-learning.scenario.${id}`], answer, reason: messages[`which-learning.reason.${id}`] }));

const CHOICES = [[SUP, '1'], [UNS, '2'], [RL, '3'], [SELF, '4']];

export function mount(element, options) {
  return mountWidget(element, options, { schema, meta, build, messages });
}

function build(ctx) {
  const { card, options, t } = ctx;
  card.card.classList.add('dw-quiz', 'which-learning-sort');
  const quiz = createQuiz(ctx, {
    widget: 'which-learning',
    title: t('which-learning.title'),
    deck: SCENARIOS.map(({ id, answer }) => ({ id, text: t(`which-learning.scenario.${id}`), answer, reason: t(`which-learning.reason.${id}`) })),
    choices: CHOICES.map(([id, key]) => ({ id, label: t(`which-learning.kind.${id}`), describe: t(`which-learning.kindHint.${id}`), key })),
    roundSize: options.rounds,
    lessonRound: schema.rounds.default, // the round the lesson's sentence is about; another is practice there
    seed: options.seed,
  });

  // Drag the card onto a bin (pointer events: mouse, pen, touch). The bins are also buttons, so
  // tapping or the keyboard (Tab + Enter, or 1–4) does the same without dragging.
  const box = quiz.element;
  box.classList.add('which-learning-draggable');
  box.setAttribute('aria-roledescription', t('which-learning.draggable'));
  let drag = null;
  const DRAG_SCALE = 0.35;
  const bins = () => [...card.card.querySelectorAll('.dw-quiz-choice')];
  const binAt = (x, y) => bins().find((b) => { const r = b.getBoundingClientRect(); return x >= r.left && x <= r.right && y >= r.top && y <= r.bottom; });
  const clearHover = () => bins().forEach((b) => b.classList.remove('which-learning-hover'));
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
    box.classList.add('which-learning-dragging');
    box.style.transform = `translate(${dx}px, ${dy}px) scale(${DRAG_SCALE}) rotate(${Math.max(-4, Math.min(4, dx / 40))}deg)`;
    clearHover();
    const bin = binAt(e.clientX, e.clientY);
    if (bin) bin.classList.add('which-learning-hover');
    e.preventDefault();
  };
  const endDrag = (e, drop) => {
    if (!drag || e.pointerId !== drag.id) return;
    const bin = drop && drag.moved ? binAt(e.clientX, e.clientY) : null;
    drag = null;
    box.classList.remove('which-learning-dragging');
    box.style.transform = '';
    clearHover();
    if (bin) quiz.answer(bin.dataset.choice);
  };
  const onUp = (e) => endDrag(e, true);
  const onCancel = (e) => endDrag(e, false);
  const onKey = (e) => { if (e.key === 'Escape' && drag) { drag = null; box.classList.remove('which-learning-dragging'); box.style.transform = ''; clearHover(); } };
  ctx.listen(box, 'pointerdown', onDown);
  ctx.listen(box, 'pointermove', onMove);
  ctx.listen(box, 'pointerup', onUp);
  ctx.listen(box, 'pointercancel', onCancel);
  ctx.listen(card.card, 'keydown', onKey);

  // No update(): new options start a new round, which mountWidget does by building again.
  return {};
}
