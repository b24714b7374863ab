// Game "Rules or learn?" (seed 001, level 1): for each scenario decide whether a programmer
// should write the rules by hand or let a model learn them from examples. A seeded round of
// 12 cards from a deck of 16, instant feedback with the reason, score, replay.
import { mountWidget } from '../lib/widget.js';
import { seedOption } from '../lib/schema.js';
import { createQuiz } from '../lib/quiz.js';

export const engine = 'core';
export const schema = {
  seed: seedOption(1, 'Seed for the order the scenarios are dealt in.'),
  rounds: { type: 'int', min: 4, max: 16, default: 12, description: 'Scenarios per round (the deck holds 16).' },
};

export const meta = {
  title: 'Rules or learn?',
  hint: 'Read each scenario and decide: would you write the rules by hand, or learn them from examples?',
};

const RULES = 'rules';
const LEARN = 'learn';

export const DECK = [
  { text: 'Decide whether a whole number is even.', answer: RULES, reason: 'One exact test settles it: divide by 2 and check the remainder. A rule is shorter, faster and never wrong.' },
  { text: 'Convert a temperature from Celsius to Fahrenheit.', answer: RULES, reason: 'The formula is known exactly (multiply by 9/5, add 32). Learning it from examples could only approximate it.' },
  { text: 'Decide whether an incoming email is spam.', answer: LEARN, reason: 'Spam comes in endless, changing forms. Thousands of labelled emails teach a model patterns nobody could list by hand.' },
  { text: 'Recognise a friend’s face in holiday photos.', answer: LEARN, reason: 'Lighting, angle, glasses and age change every photo. No one can write the pixel rules; a model learns them from labelled faces.' },
  { text: 'Add the sales tax to a shop receipt.', answer: RULES, reason: 'The tax rate is written in law. A hand-written calculation is exact and easy to audit.' },
  { text: 'Forecast how many ice creams a kiosk will sell tomorrow.', answer: LEARN, reason: 'Sales depend on weather, weekday, holidays and more in ways no one knows exactly. Past sales records let a model find the pattern.' },
  { text: 'Check that a new password has at least 12 characters.', answer: RULES, reason: 'The requirement is a precise policy: count the characters. Nothing is fuzzy, so nothing needs learning.' },
  { text: 'Turn a recording of someone speaking into written text.', answer: LEARN, reason: 'Accents, speed and background noise make the sound-to-word mapping far too messy for hand-written rules; models learn it from hours of transcribed speech.' },
  { text: 'Sort a list of names alphabetically.', answer: RULES, reason: 'Alphabetical order is defined exactly, and classic sorting algorithms do it perfectly.' },
  { text: 'Suggest a film a viewer is likely to enjoy next.', answer: LEARN, reason: 'Taste is personal and hard to put into words. What millions of viewers watched and rated reveals the patterns.' },
  { text: 'Flag a card payment that looks fraudulent.', answer: LEARN, reason: 'Fraudsters keep changing tactics, and suspicious patterns are subtle. A model learns from labelled past fraud and can be retrained as tactics change.' },
  { text: 'Work out whether a year is a leap year.', answer: RULES, reason: 'The calendar defines it exactly: divisible by 4, except centuries, unless divisible by 400. Three lines of code.' },
  { text: 'Translate a restaurant menu from Japanese into English.', answer: LEARN, reason: 'Language is full of idioms and context. Translation models learn from millions of sentence pairs translated by people.' },
  { text: 'Check whether a chess move is legal.', answer: RULES, reason: 'The rules of chess are fixed and complete, so the check can be written out exactly. (Choosing a good move is another story.)' },
  { text: 'Estimate what a house will sell for.', answer: LEARN, reason: 'Price depends on size, location, condition and taste in a way no formula captures. Past sales with their prices are the examples to learn from.' },
  { text: 'Compute the postage for a parcel from the carrier’s published rate table.', answer: RULES, reason: 'The carrier publishes the exact prices by weight and zone: look the parcel up in the table.' },
];

export function mount(element, options) {
  return mountWidget(element, options, { schema, meta, build });
}

function build(ctx) {
  const { card, options } = ctx;
  card.card.classList.add('c1-quiz');
  const quiz = createQuiz(ctx, {
    widget: 'rules-or-learn',
    title: meta.title,
    deck: DECK,
    roundSize: options.rounds,
    seed: options.seed,
    choices: [
      { id: RULES, label: 'Write rules', key: 'r' },
      { id: LEARN, label: 'Learn from data', key: 'l' },
    ],
  });
  // No update(): new options (seed, rounds) start a new round, which mountWidget does by building again.
  return {
    quiz,
  };
}
