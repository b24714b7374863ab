// Every word the derivation widget shows a learner (English); the steps of a lesson are the
// lesson's own. Another language adds the same keys with addMessages (web/lib/messages.js).
export const messages = {
  'derivation.title': 'Derivation, one step at a time',
  'derivation.hint': 'Press “Next step” (or focus the steps and press the right arrow) to reveal the argument line by line; “Show all” opens the whole proof.',
  'derivation.steps': 'Derivation steps',
  'derivation.stepNumber': 'Step {n}',
  // The card's own example, shown without a lesson's steps (the gallery, an embed).
  'derivation.example.1': 'For one point (x, y), the squared error of the line ŷ = w·x + b is L(w) = (w·x + b − y)².',
  'derivation.example.2': 'The chain rule: the outer square contributes 2·(w·x + b − y), the inner w·x + b contributes x, so dL/dw = 2·(w·x + b − y)·x.',
  'derivation.example.3': 'With x = 1, y = 4, w = 3 and b = 0 the error is 3 − 4 = −1, so dL/dw = 2·(−1)·1 = −2.',
  'derivation.example.4': 'A gradient step with η = 0.1 moves w against the slope: w ← 3 − 0.1·(−2) = 3.2. The intercept steps the same way, since dL/db = 2·(w·x + b − y) = −2 as well: b ← 0 − 0.1·(−2) = 0.2.',
  'derivation.next': 'Next step',
  'derivation.back': 'Back',
  'derivation.showAll': 'Show all',
  'derivation.reset': 'Reset',
  'derivation.stat.step': 'step',
  'derivation.progress': '{shown} of {total}',
  'derivation.notFound': 'No derivation steps with the id "{id}" were found on this page: this card reveals the steps a lesson writes in a block marked dw-derivation-steps.',
  'derivation.complete': ({ example }) => `That completes the argument${example ? ' (an example: in a lesson, this card reveals the lesson’s own steps)' : ''}. Read it again from the top with Reset.`,
  'derivation.stepOf': 'Step {shown} of {total}. Think about what the next line must be, then press “Next step”.',
};
