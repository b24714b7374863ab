// Every word the spot-the-job widget shows a learner (English). Numbers arrive formatted
// (web/lib/format.js), counts with their noun from format.js countOf; another language adds the
// same keys with addMessages (web/lib/messages.js).
import { countOf } from '../lib/format.js';

export const messages = {
  'spot-the-job.title': 'Spot the job',
  'spot-the-job.hint': 'Is each task regression (a number) or classification (a category)? Press R or C, or tap a button.',
  'spot-the-job.board': 'Prompt to sort. Press R for regression or C for classification.',
  'spot-the-job.job.regression': 'Regression',
  'spot-the-job.job.classification': 'Classification',
  // The job's name inside a sentence.
  'spot-the-job.jobInText.regression': 'regression',
  'spot-the-job.jobInText.classification': 'classification',
  'spot-the-job.describe.regression': 'a number · “how much?”',
  'spot-the-job.describe.classification': 'a category · “which one?”',
  // The key shown on each button (the keyboard shortcuts themselves are R and C).
  'spot-the-job.key.regression': 'R',
  'spot-the-job.key.classification': 'C',
  'spot-the-job.history': 'Your answers so far',
  'spot-the-job.historyItem': ' {text} → {job}',
  'spot-the-job.next': 'Next prompt',
  'spot-the-job.seeResult': 'See result',
  'spot-the-job.newGame': 'New game',
  'spot-the-job.stat.score': 'score',
  'spot-the-job.stat.bestStreak': 'best streak',
  'spot-the-job.stat.left': 'left',
  'spot-the-job.score': '{correct} / {seen}',
  'spot-the-job.start': 'Read the task, then decide: is the answer a quantity or a category?',
  'spot-the-job.progress': 'Prompt {index} of {total}',
  'spot-the-job.feedback': ({ ok, job, why }) => `${ok ? '✓ Correct' : '✗ Not quite'} — ${job}: ${why}`,
  'spot-the-job.mark.right': '✓',
  'spot-the-job.mark.wrong': '✗',
  'spot-the-job.mark.right.label': 'correct',
  'spot-the-job.mark.wrong.label': 'wrong',
  'spot-the-job.right': ({ streak }) => (streak > 1 ? `Right. ${streak} in a row.` : 'Right.'),
  'spot-the-job.wrong': 'You chose {chosen}; the answer is {answer}.',
  // The last prompt answered (verdict: right or wrong above): the deck's result is recorded at once.
  'spot-the-job.last': ({ verdict, correct, total, passed }) => `${verdict} That was the last prompt: ${correct} of ${total} sorted correctly, and that score is recorded${passed
    ? ' and completes this game' : ''}. Press See result for the summary.`,
  // The deck's result, and whether it reached the pass mark (need, of total) that completes the game.
  'spot-the-job.done': ({ correct, total, need, passed }) => `Done: ${correct} of ${total} sorted correctly. ${passed
    ? 'That score is recorded and completes this game.' : `That score is recorded; ${need} or more completes this game.`}`,
  // A deck of another size than the lesson's (set in the page address) on a lesson page: practice,
  // never recorded. size: this deck's prompts (fewest: the least the game deals, which an address
  // asking for fewer gets); full and need: the lesson's deck and its pass mark.
  'spot-the-job.practiceNote': ({ size, fewest, full, need }) => `Practice: the page address asks for a shorter deck than the lesson's ${full}, so this deck of ${size} prompts${fewest
    ? ' (the fewest the game deals)' : ''} is scored here but not recorded. Only a deck of ${full}, with ${need} or more sorted right, completes this game: open the lesson without “rounds” in its address for one.`,
  'spot-the-job.lastPractice': '{verdict} That was the last prompt: {correct} of {total} sorted correctly, on a practice deck, which is not recorded. Press See result for the summary.',
  'spot-the-job.donePractice': 'Done: {correct} of {total} sorted correctly. A practice deck is not recorded; a deck of {full} with {need} or more sorted right completes this game.',
  'spot-the-job.over': 'Game over',
  'spot-the-job.perfect': 'A perfect sort. The rule you used — “how much?” versus “which one?” — is the whole distinction.',
  // The end of a deck with misses (listed under it, reviewTitle and reviewItem): review when a miss
  // was a number that is a label or a count, reviewAny otherwise.
  'spot-the-job.review': 'Your misses are listed below with the reasons. The tricky ones are usually labels written as numbers (digits, postcodes) or counts (which are quantities).',
  'spot-the-job.reviewAny': 'Your misses are listed below with the reasons. Ask of each: is the answer an amount on a scale (regression) or one of a fixed set of labels (classification)?',
  'spot-the-job.reviewTitle': ({ count }) => (count === 1 ? 'The prompt you missed:' : `The ${countOf(count, 'prompt')} you missed:`),
  // answer: the right job (capitalised, it opens the line); chosen: the learner's, in a sentence.
  'spot-the-job.reviewItem': '{answer}, not {chosen}: {why}',
  'spot-the-job.again': ({ passed }) => (passed ? 'Press New game to sort them again in a different order.'
    : 'Press New game to try again, with the prompts in a different order.'),
  'spot-the-job.prompt.flat-price.text': 'The price a two-bedroom flat will sell for, in euros.',
  'spot-the-job.prompt.flat-price.why': 'a price is an amount on a continuous scale — you ask “how much?”',
  'spot-the-job.prompt.temperature.text': 'The highest temperature tomorrow afternoon, in °C.',
  'spot-the-job.prompt.temperature.why': 'temperature is a measurement; 21.4 °C and 21.5 °C are both sensible answers.',
  'spot-the-job.prompt.delivery.text': 'How many minutes a food delivery will take to arrive.',
  'spot-the-job.prompt.delivery.why': 'a duration is a quantity, and being off by 2 minutes is better than being off by 20.',
  'spot-the-job.prompt.electricity.text': 'Next month\'s electricity use of a house, in kilowatt-hours.',
  'spot-the-job.prompt.electricity.why': 'energy use is a number on a scale, not a choice among labels.',
  'spot-the-job.prompt.tip.text': 'The tip a diner will leave on a restaurant bill.',
  'spot-the-job.prompt.tip.why': 'a tip is an amount of money — the worked example at the end of this level predicts exactly this.',
  'spot-the-job.prompt.height.text': 'How tall a child will be at age 18, in centimetres.',
  'spot-the-job.prompt.height.why': 'height is a continuous measurement.',
  'spot-the-job.prompt.goals.text': 'How many goals a team will score in its next match.',
  'spot-the-job.prompt.goals.why': 'a count is still a quantity: 3 goals is closer to 2 than to 7, so the answer lives on a scale.',
  'spot-the-job.prompt.spam.text': 'Whether an incoming email is spam or not spam.',
  'spot-the-job.prompt.spam.why': 'there are exactly two buckets to choose between.',
  'spot-the-job.prompt.digit.text': 'Which digit, 0 to 9, a handwritten scribble shows.',
  'spot-the-job.prompt.digit.why': 'the digits are ten labels here: a blurry 7 is not “nearly an 8”, so it is a choice among ten categories, even though the labels look like numbers.',
  'spot-the-job.prompt.tumour.text': 'Whether a tumour on a scan is benign or malignant.',
  'spot-the-job.prompt.tumour.why': 'the answer is one of two categories.',
  'spot-the-job.prompt.iris.text': 'Which of three iris species a flower belongs to.',
  'spot-the-job.prompt.iris.why': 'the answer is a name from a short list.',
  'spot-the-job.prompt.fraud.text': 'Whether a card payment is fraudulent.',
  'spot-the-job.prompt.fraud.why': 'each payment goes into one of two buckets: fraud or legitimate.',
  'spot-the-job.prompt.postcode.text': 'Which postcode area a handwritten address belongs to.',
  'spot-the-job.prompt.postcode.why': 'postcodes are labels made of digits; there is no “between” two postcodes.',
  'spot-the-job.prompt.churn.text': 'Whether a customer will cancel their subscription this month.',
  'spot-the-job.prompt.churn.why': 'the answer is yes or no.',
};
