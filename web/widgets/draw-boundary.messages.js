// Every word the draw-boundary widget shows a learner (English). Numbers arrive formatted
// (web/lib/format.js), counts with their noun from format.js countOf; another language adds the
// same keys with addMessages (web/lib/messages.js).
import { countOf } from '../lib/format.js';

export const messages = {
  'draw-boundary.title': 'Draw the boundary',
  'draw-boundary.hint': 'Put each class on its own side of the line: drag the line itself to shift it, or a round handle to turn it. What counts is the fraction of points on their own side, and to win it must beat the target shown with it.',
  'draw-boundary.plot': 'Two classes of points and your dividing line',
  'draw-boundary.legend': 'logistic probability of class 1 (blue circle):',
  'draw-boundary.legend.low': '0 (orange)',
  'draw-boundary.legend.high': '1 (blue)',
  'draw-boundary.fit': 'Auto-fit (logistic)',
  'draw-boundary.pause': 'Pause',
  'draw-boundary.step': 'Step',
  'draw-boundary.reset': 'Reset',
  'draw-boundary.newPoints': 'New points',
  'draw-boundary.stat.accuracy': 'accuracy',
  'draw-boundary.stat.best': 'best',
  'draw-boundary.stat.target': 'target',
  'draw-boundary.stat.steps': 'logistic steps',
  'draw-boundary.stat.loss': 'log loss',
  'draw-boundary.predict.question': 'Compared with your best line, Auto-fit’s logistic line will put…',
  'draw-boundary.predict.more': 'more points on the correct side',
  'draw-boundary.predict.same': 'as many points on the correct side',
  'draw-boundary.predict.fewer': 'fewer points on the correct side',
  // The box waits for a good line of the learner's own: their best by hand above the game's target.
  'draw-boundary.predict.ready': ({ target, best }) => `Get your own line above ${target} first, so there is a good line of yours to compare with${best ? ` (your best so far: ${best})` : ''}.`,
  'draw-boundary.predict.readyAfterFit': ({ target, best }) => `Auto-fit placed this line, so moving it does not give you a best line. Press Reset, then move the line by hand above ${target} (on these points that is practice), so there is a good line of yours to compare with${best ? ` (your best so far: ${best})` : ''}.`,
  'draw-boundary.predict.seen': 'The logistic line was on screen before a prediction was locked in, so a prediction made on this page now is practice and is not recorded.',
  'draw-boundary.predict.next': 'Now press Auto-fit (logistic) and let it finish.',
  'draw-boundary.predict.reset': ({ target }) => `New points: get your own line above ${target} on them first, then predict again.`,
  'draw-boundary.predict.why': 'Logistic regression put {its} of {n} points on the correct side; your best line, {mine}. It minimises the log loss, which rewards confident right answers and punishes confident wrong ones, not the count of errors, so a careful hand can tie or beat it where the classes overlap.',
  // complete: the learner's own line in a round that counts, reported as the win (draw-boundary.js reportWin).
  // wrong: the count of points left over (a number; 0 for none).
  'draw-boundary.reached': ({ target, right, n, wrong, complete }) => `You beat ${target}: ${right} of ${n} points are on their own side${wrong ? `; the ${countOf(wrong, 'point')} left over ${wrong === 1 ? 'is ringed. Can a small turn pick it up' : 'are ringed. Can a small turn pick one up'} without losing another?` : ' — a perfect split.'}${complete ? ` Beating ${target} with a line of your own: that completes this activity.` : ''}`,
  // A hand line at exactly the target has not beaten it yet (draw-boundary.js beatsTarget).
  'draw-boundary.atTarget': 'Exactly {target}, {right} of {n} points on their own side: that reaches the target without beating it. One more point on its own side wins; the ones left over are ringed.',
  // Moving a line Auto-fit placed (until Reset or New points): practice, never "your best" or the win.
  'draw-boundary.reachedByFit': 'Above {target}, but logistic regression found this line, so moving it does not count towards your best or the win. Press Reset to practise on these points (the logistic line has been shown on them, so a line you draw there is not recorded), or New points for a round that counts.',
  'draw-boundary.movedByFit': ({ wrong, n, one }) => `${wrong} of ${n} points ${one ? 'is' : 'are'} on the wrong side (ringed). Logistic regression found this line, so moving it does not count towards your best or the win. Press Reset to practise on these points (the logistic line has been shown on them, so a line you draw there is not recorded), or New points for a round that counts.`,
  // A hand line after Auto-fit has shown its line on these points (until New points), or on
  // imported points: scored on screen, never recorded.
  'draw-boundary.reachedPractice': ({ target, right, n, imported }) => `Above ${target}: ${right} of ${n} points are on their own side, but this round is practice: ${imported ? 'these are imported points, and only a line on the game’s own points is recorded' : 'Auto-fit has already shown its line on these points'}, so it is not recorded. New points starts a round that counts.`,
  'draw-boundary.practiceNote': ({ imported }) => (imported
    ? ' This is practice: these are imported points, so a line on them is not recorded for the game. New points starts a round that counts.'
    : ' This is practice: Auto-fit has already shown its line on these points, so a line you draw on them is not recorded. New points starts a round that counts.'),
  'draw-boundary.close': ({ wrong, one }) => `Close: ${wrong} ${one ? 'point' : 'points'} on the wrong side (ringed). Turn the line a little to pick them up.`,
  'draw-boundary.far': '{wrong} of {n} points are on the wrong side (ringed). Each side of the line is tinted with the class it predicts.',
  'draw-boundary.figure': 'Two classes of {n} points and a dividing line from ({x0}, {y0}) to ({x1}, {y1}); accuracy {accuracy} percent',
  'draw-boundary.converged': ({ steps, loss, accuracy }) => `Logistic regression converged after ${countOf(steps, 'step')}: log loss ${loss}, accuracy ${accuracy}. It minimises the log loss, not the error count, so a hand-drawn line can sometimes tie or beat it on accuracy.`,
  'draw-boundary.diverged': 'Logistic regression diverged: the learning rate is too large for this data.',
  'draw-boundary.zeroWeights': 'All weights are zero: σ(0) = 0.5 everywhere, so there is no boundary yet. Step once more.',
  'draw-boundary.stopped': ({ steps, loss, accuracy }) => `Stopped after ${countOf(steps, 'step')}: log loss ${loss}, accuracy ${accuracy}. The loss still creeps down because the classes barely overlap, so larger weights keep making the model more confident.`,
  'draw-boundary.stepped': 'Logistic step {steps}: log loss {loss}, accuracy {accuracy}. The heat map is the model\'s probability of “blue circle”.',
  'draw-boundary.selected': 'Selected: {what}. Arrow keys move it (Shift for bigger moves).',
  'draw-boundary.part.0': 'the left handle',
  'draw-boundary.part.1': 'the right handle',
  'draw-boundary.part.2': 'the whole line',
  'draw-boundary.keyboard': 'Keyboard: Enter switches between the two handles and the whole line; arrows move it; Shift moves ten times further.',
  'draw-boundary.axis.x': 'x₁',
  'draw-boundary.axis.y': 'x₂',
};
