// Game "Rules or learn?" (seed 001, level 1): for each scenario decide whether a programmer
// should write the rules by hand or let a model learn them from examples. A seeded round of
// 12 cards from a deck of 16, instant feedback with the reason, score, replay.
import { mountWidget } from '../lib/widget.js';
import { seedOption } from '../lib/schema.js';
import { createQuiz } from '../lib/quiz.js';
import { messages } from './rules-or-learn.messages.js';

export const engine = 'core';
export const schema = {
  seed: seedOption(1, 'Seed for the order the scenarios are dealt in.'),
  rounds: { type: 'int', min: 4, max: 16, default: 12, description: 'Scenarios per round (the deck holds 16).' },
};

export const meta = { title: messages['rules-or-learn.title'], hint: messages['rules-or-learn.hint'] };

const RULES = 'rules';
const LEARN = 'learn';

// The scenarios in deck order (the seeded deal depends on it): each one's id and answer; its
// scenario text and reason are words of the table (rules-or-learn.card.<id>.text / .reason).
const CARDS = [
  ['even', RULES],
  ['celsius', RULES],
  ['spam', LEARN],
  ['face', LEARN],
  ['tax', RULES],
  ['ice-cream', LEARN],
  ['password', RULES],
  ['speech', LEARN],
  ['sort', RULES],
  ['film', LEARN],
  ['fraud', LEARN],
  ['leap-year', RULES],
  ['translate', LEARN],
  ['chess', RULES],
  ['house-price', LEARN],
  ['postage', RULES],
];
// The deck in English, for tests and lesson claims that look a scenario up by its text.
export const DECK = CARDS.map(([id, answer]) => ({ id, answer, text: messages[`rules-or-learn.card.${id}.text`], reason: messages[`rules-or-learn.card.${id}.reason`] }));

export function mount(element, options) {
  return mountWidget(element, options, { schema, meta, build, messages });
}

function build(ctx) {
  const { card, options, t } = ctx;
  card.card.classList.add('dw-quiz');
  const quiz = createQuiz(ctx, {
    widget: 'rules-or-learn',
    title: t('rules-or-learn.title'),
    deck: CARDS.map(([id, answer]) => ({ id, answer, text: t(`rules-or-learn.card.${id}.text`), reason: t(`rules-or-learn.card.${id}.reason`) })),
    roundSize: options.rounds,
    lessonRound: schema.rounds.default, // the round the lesson's sentence is about; another is practice there
    seed: options.seed,
    choices: [
      { id: RULES, label: t('rules-or-learn.choice.rules'), key: 'r' },
      { id: LEARN, label: t('rules-or-learn.choice.learn'), key: 'l' },
    ],
  });
  // No update(): new options (seed, rounds) start a new round, which mountWidget does by building again.
  return {
    quiz,
  };
}
