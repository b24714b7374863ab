// Every word the ml-badge challenge shows a learner around its questions (English). The
// questions themselves, their choices and the reasons are course content and live in the
// question banks (bank.js). Numbers arrive formatted (web/lib/format.js); counts with their noun
// come from format.js countOf; another language adds the same keys with addMessages
// (web/lib/messages.js). The pass rule in the hint is read from web/lib/badge-pass-rule.js, never restated.
import { countOf, formatNumber, formatPercent } from '../../lib/format.js';
import { PASS_FRACTION } from '../../lib/badge-pass-rule.js';
import { PASS_MARK, QUESTION_COUNT } from './attempt.js';

const count = formatNumber(QUESTION_COUNT, 0);
// The heading of the missed-topics list, which the failed message points to by name.
const MISSED = 'Topics you missed';
// Where the list has no links (linked: false, in a SCORM package: web/lib/lesson-link.js), it
// names the topics only.
const revisit = (linked) => (linked === false ? `Revisit the lessons on the topics under “${MISSED}”` : `Revisit the lessons linked under “${MISSED}”`);

export const messages = {
  'ml-badge.title': 'Challenge: earn the Machine Learning badge',
  'ml-badge.hint': `${count} questions from the foundations and levels 1 to 4. Pick an answer (click it; by keyboard, Tab to the answers, then press 1–4 or Enter) or type a number, read why, then go on. Score ${formatPercent(PASS_FRACTION, 0)} or more (${formatNumber(PASS_MARK, 0)} of ${count}) to earn the badge.`,
  // Controls and readouts.
  'ml-badge.progressLabel': 'Challenge progress',
  'ml-badge.next': 'Next question',
  'ml-badge.seeResult': 'See result',
  'ml-badge.restart': 'Start again',
  'ml-badge.check': 'Check',
  // Start again while an attempt is under way (given: the questions answered so far; allAnswered:
  // every one is, and only See result is left, which records the attempt unless it is practice).
  'ml-badge.restartAsk': ({ given, total, allAnswered, practice }) => {
    if (!allAnswered) return `Start a new attempt? This one has ${given} of its ${total} questions answered, and it would be dropped: an unfinished attempt is not recorded.`;
    return practice
      ? `Start a new attempt? All ${total} questions of this practice attempt are answered: press See result for its score. Starting again now would drop it.`
      : `Start a new attempt? All ${total} questions of this one are answered, but it is recorded only when you press See result. Starting again now would drop it.`;
  },
  'ml-badge.restartKeep': 'Keep this attempt',
  'ml-badge.restartDrop': 'Drop it and start again',
  'ml-badge.stat.question': 'question',
  'ml-badge.stat.score': 'score',
  'ml-badge.stat.best': 'best',
  'ml-badge.countOf': '{count} of {total}',
  'ml-badge.best': '{best} of {total}',
  'ml-badge.bestWithBadge': '{best} of {total} · badge',
  // The line above each question: its number and the level it comes from.
  'ml-badge.questionOf': 'Question {number} of {total} · {level}',
  'ml-badge.level.foundations': 'Foundations',
  'ml-badge.level.beginner': 'Beginner',
  'ml-badge.level.intermediate': 'Intermediate',
  'ml-badge.level.advanced': 'Advanced',
  'ml-badge.level.expert': 'Expert',
  // What to do now (the card's message).
  'ml-badge.prompt.choice': 'Choose one answer. {needed} correct answers out of {total} earn the badge.',
  'ml-badge.prompt.number': 'Type a number and press Check. {needed} correct answers out of {total} earn the badge.',
  // A fixed seed (ml-badge.js): the same questions after every reload, so the attempt is practice.
  'ml-badge.practice.note': 'Practice attempt: the seed is fixed (in the page address or the widget’s settings), so every attempt with it asks the same questions in the same order, after a reload too. Its score is shown here, but it is not saved and cannot earn the badge. Open the challenge without a seed for an attempt that counts.',
  'ml-badge.practice.prompt.choice': 'Practice (fixed seed): choose one answer. This attempt is not saved and cannot earn the badge.',
  'ml-badge.practice.prompt.number': 'Practice (fixed seed): type a number and press Check. This attempt is not saved and cannot earn the badge.',
  'ml-badge.practice.result': ({ score, total, reached, needed, linked }) => (reached
    ? `${score} of ${total} on a practice attempt. That reaches the pass mark (${needed}), but a fixed seed repeats its questions, so it does not earn the badge and nothing was saved. Open the challenge without a seed to earn it.`
    : `${score} of ${total} on a practice attempt (not saved). ${revisit(linked)} above, then open the challenge without a seed for an attempt that counts.`),
  'ml-badge.alreadyHeld': 'You already hold the badge (best {best} of {total}). Take the challenge again any time.',
  // A typed number: the field's label, and why a text is not an answer yet.
  // A tolerance of 0 is the exact answer: "within ±0" reads as a typo.
  'ml-badge.answerLabel': ({ digits, tolerance }) => `Your answer (${digits === 0 ? 'a whole number' : countOf(digits, 'decimal')}; ${Number(tolerance) === 0 ? 'only the exact answer counts' : `within ±${tolerance} counts`})`,
  'ml-badge.invalid.empty': 'Type a number first, for example 0.25.',
  'ml-badge.invalid.notNumber': '“{text}” is not a number. Type digits only, for example 0.25 or -1.5.',
  'ml-badge.invalid.tooLarge': 'That number is too large. Type a smaller one.',
  // Feedback after an answer (the question bank supplies each reason).
  'ml-badge.correct': 'Correct.',
  'ml-badge.correctNumber': 'Correct: {answer}.',
  'ml-badge.wrongNumber': 'Not quite: you typed {typed}; the answer is {answer}.',
  'ml-badge.tooFar': ({ tolerance }) => (Number(tolerance) === 0 ? 'Only the exact answer counts here.' : `That is more than ${tolerance} away from it.`),
  'ml-badge.wrongChoice': 'Not quite: the answer is “{answer}”.',
  'ml-badge.yourChoice': 'Your choice, “{choice}”: {why}',
  // A typed number that is a known mistake: its reason, after the number it is about (the reason
  // may open with "That", and right after "the answer is …" it would read as about the answer).
  'ml-badge.yourNumber': 'Your answer, {typed}: {why}',
  'ml-badge.soFar.right': 'Correct — {score} of {answered} so far.',
  'ml-badge.soFar.wrong': 'Incorrect — {score} of {answered} so far. Read why, then go on.',
  // The result.
  'ml-badge.result': 'Result',
  'ml-badge.resultLine': 'You answered {score} of {total} correctly ({percent}).',
  'ml-badge.medal': 'ML',
  'ml-badge.medalScore': '{score}/{total}',
  'ml-badge.earned': 'Machine Learning badge earned',
  // The home page shows the badge from the badge lesson's record, not from this one (progress.js),
  // so the card does not promise it there: in an embed it would not appear.
  'ml-badge.saved': 'Saved in this browser.',
  'ml-badge.notSaved': 'Your browser blocks local storage, so the badge could not be saved — it is yours for this visit.',
  'ml-badge.saveOff': 'Saving is switched off for this widget.',
  'ml-badge.badgeLabel': 'Machine Learning badge, earned with {score} of {total}',
  'ml-badge.passed': 'Passed with {score} of {total}. Congratulations — you have the badge.',
  'ml-badge.failed': ({ score, total, more, needed, linked }) => `${score} of ${total}: ${countOf(more, 'more correct answer')} needed for the badge (${needed}). ${revisit(linked)} above and press Start again.`,
  'ml-badge.noneMissed': 'No topic missed.',
  'ml-badge.missedHeading': `${MISSED} ({count}):`,
  'ml-badge.missedTopics': '{topics} —',
  'ml-badge.revisit': 'revisit the lesson',
};
