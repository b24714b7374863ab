// Every word a lesson's check-yourself block shows a learner (English): the block the site build
// writes (scripts/lesson-render.mjs, renderCheckYourself), its feedback and score line
// (web/js/check-yourself.js) and the refusals of a typed answer (web/js/check-computations.js,
// readNumber). Numbers arrive formatted; another language adds the same keys with addMessages
// (web/lib/messages.js).
export const messages = {
  // The block as the build writes it.
  'check-yourself.title': 'Check yourself',
  'check-yourself.intro': 'Your first answer to each question is saved with your progress. Try again as often as you like.',
  'check-yourself.check': 'Check',
  'check-yourself.rule.count': 'The answer is a count: a whole number, and only the exact one is right.',
  'check-yourself.rule.whole': 'The answer is a whole number, and only the exact one is right.',
  'check-yourself.rule.tolerance': 'Answers within ±{tolerance} of the exact value count as right.',
  'check-yourself.rule.share': 'Answers within ±{tolerance} of the exact value count as right. Type a share as 0.35 or 35%.',
  'check-yourself.rule.percent': 'Answers within ±{tolerance} of the exact value count as right. Type it in percent: 35 or 35%.',

  // Feedback on an answer.
  'check-yourself.pickFirst': 'Pick an answer first.',
  'check-yourself.choiceRight': 'Right.',
  'check-yourself.choiceWrong': 'Not quite.',
  'check-yourself.pending': 'Checking with the learning engine…',
  'check-yourself.cannotCheck': 'This question could not be checked:',
  'check-yourself.codeFailed': 'its code did not load ({reason}).',
  'check-yourself.engineFailed': 'the learning engine did not start ({reason}).',
  'check-yourself.unknownError': 'unknown error',
  'check-yourself.numberRight': 'Right: {answer}.',
  'check-yourself.numberWrong': 'Not quite: the answer is {answer}.',
  'check-yourself.readAs': 'You typed {typed}, read as {value}.',

  // The score line.
  'check-yourself.score': ({ right, answered, total, kept }) =>
    `${right} of ${total} right at the first try${kept ? ' (your first answers are kept)' : ''}; ${answered} of ${total} answered.`,
  'check-yourself.saved': ({ right, answered, total }) =>
    `Saved from an earlier visit: ${right} of ${total} right at the first try${answered === total ? ', every question answered' : `; ${answered} of ${total} answered`}.`,
  'check-yourself.savedTotal': ({ right, total, complete }) =>
    `Saved from an earlier visit: ${right} of ${total} right at the first try${complete ? ', every question answered' : ''}.`,
  'check-yourself.practice': '{saved} Answers now are practice.',

  // A typed answer refused, with how to type it.
  'check-yourself.read.empty': 'Type a number first.',
  'check-yourself.read.notNumber': '"{typed}" is not a number: type digits, e.g. 2.4, -0.5, 3/4 or 9.8e-4.',
  'check-yourself.read.divideByZero': '"{typed}" divides by 0, which has no value.',
  'check-yourself.read.separators': '"{typed}" has more than one separator: type the number with a point for decimals and no thousands separator, e.g. 1000.5.',
  'check-yourself.read.ambiguous': '"{typed}": is that {whole} or {part}? Type decimals with a point and no thousands separator: {whole} or {part}.',
  'check-yourself.read.percentOnCount': '"{typed}" has a % sign, but this answer is a count: type it without %.',
  'check-yourself.read.percentOnPlain': '"{typed}" has a % sign, but this answer is a plain number, not a percentage: type it without %.',
  'check-yourself.read.tooLarge': '"{typed}" is too large to check: no answer here is anywhere near it.',
  'check-yourself.read.countNotWhole': '"{typed}" is not a whole number: a count is a whole number, such as 0, 1 or 2.',
  'check-yourself.read.countBelowZero': '"{typed}" is below 0: a count is a whole number from 0 up.',
  'check-yourself.read.notWhole': '"{typed}" is not a whole number: the answer here is one, such as -2, 0 or 3.',
  'check-yourself.read.notShare': ({ typed, meant }) =>
    `A share lies between 0 and 1, so "${typed}" cannot be one: type it as a fraction of 1 (0.35) or with a % sign (35%).${meant ? ` If you meant ${typed}%, type ${meant} or ${typed}%.` : ''}`,
};
