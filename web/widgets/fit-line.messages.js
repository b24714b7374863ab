// Every word the fit-line widget shows a learner (English). Numbers arrive formatted
// (web/lib/format.js), counts with their noun from format.js countOf; another language adds the
// same keys with addMessages (web/lib/messages.js).
import { countOf, listedInWords } from '../lib/format.js';

export const messages = {
  'fit-line.title': 'Fit the line',
  'fit-line.hint': 'Get the MSE as low as you can by hand: drag an end of the line, or use the sliders. Then lock in the prediction below and press Auto-fit to let gradient descent take over.',
  'fit-line.plot': 'Scatter plot with your line',
  'fit-line.lossPlot': 'Loss curve of gradient descent',
  'fit-line.autoFit': 'Auto-fit',
  'fit-line.step': 'Step',
  'fit-line.newPoints': 'New points',
  'fit-line.resetLine': 'Reset line',
  'fit-line.slider.slope': 'slope w',
  'fit-line.slider.intercept': 'intercept b',
  'fit-line.stat.mse': 'MSE',
  'fit-line.stat.best': 'your best',
  'fit-line.stat.target': 'best possible',
  'fit-line.stat.steps': 'GD steps',
  'fit-line.predict.question': 'Most of the drop in MSE during Auto-fit will come in…',
  'fit-line.predict.tenth': 'the first tenth of the steps',
  'fit-line.predict.middle': 'the middle of the run',
  'fit-line.predict.end': 'the last steps, as it homes in',
  'fit-line.predict.seen': 'Gradient-descent steps and their loss curve were on screen before a prediction was locked in, so a prediction made on this page now is practice and is not recorded.',
  'fit-line.predict.next': 'Now press Auto-fit and let it run until it converges.',
  'fit-line.predict.why': 'Of the {steps} steps, the first {tenthSteps} made {share}% of the drop. The steps are proportional to the gradient, which is large far from the best line and shrinks as the line nears it, so the curve falls fast and then flattens.',
  'fit-line.howTo': 'Drag the round handles at the ends of the line, or use the arrow keys after focusing the plot.',
  'fit-line.closeByGd': 'Within 1% of the best possible line, but gradient descent found this one, so it does not count. Its slope and intercept stay on the sliders, so a line you set on these points is practice: press New points for a round that counts.',
  // Moving a line gradient descent placed (until Reset line or New points), also one a link restored.
  'fit-line.movedByGd': 'Gradient descent found this line, so moving it does not count towards your best or the win. Auto-fit has shown the best line on these points, so after Reset line a line of yours on them is practice: press New points for a round that counts.',
  // A line of the learner's own, after Auto-fit has shown the answer on these points (until New
  // points), or on imported points: practice, never "your best" nor recorded.
  'fit-line.excellentPractice': ({ imported }) => `Within 1% of the best possible line, but this round is practice: ${imported ? 'these are imported points, and only a line on the game’s own points is recorded' : 'Auto-fit has already shown the best line on these points, and its slope and intercept were on the sliders'}, so it is not recorded. New points starts a round that counts.`,
  'fit-line.practiceNote': ({ imported }) => (imported
    ? ' This is practice: these are imported points, so a line on them is not recorded for the game. New points starts a round that counts.'
    : ' This is practice: Auto-fit has already shown the best line on these points, so a line you set on them is not recorded. New points starts a round that counts.'),
  // The learner's own line in a round that counts: complete once the win is reported (fit-line.js).
  'fit-line.excellent': ({ complete }) => `Excellent — within 1% of the best possible line!${complete ? ' A line of your own on the game’s points: that completes this activity.' : ''}`,
  'fit-line.closeGap': 'Close: {gap}% above the best possible MSE.',
  'fit-line.figure': 'Scatter plot of {rows} points with the line y = {w}x {b}, MSE {mse}',
  'fit-line.gdFigure': 'Scatter plot with the line y = {w}x {b}, MSE {mse}',
  'fit-line.converged': ({ steps, mse }) => `Gradient descent converged after ${countOf(steps, 'step')}: MSE ${mse}, the best possible for these points.`,
  'fit-line.diverged': 'Gradient descent diverged: the learning rate is too large for this data.',
  'fit-line.running': 'Gradient descent: step {steps}, MSE {mse}.',
  'fit-line.keys': 'Arrow keys move the selected end of the line (Shift for bigger moves); Enter switches ends.',
  'fit-line.keyMoved': ({ end, y, mse, best, then }) => `The ${end} end is at y = ${y}: MSE ${mse} (best possible ${best}).${then ? ` ${then}` : ''}`,
  'fit-line.selected': 'Selected: the {end} end. Up/Down move it (Shift for bigger moves).',
  'fit-line.end.0': 'left',
  'fit-line.end.1': 'right',
  'fit-line.axis.x': 'x',
  'fit-line.axis.y': 'y',
  'fit-line.lossAxis.x': 'GD step',
  'fit-line.lossAxis.y': 'MSE',
  'fit-line.badLine': 'the line needs a slope w within ±50 and an intercept b within ±500',
  // Imported points (a file, or a link's state) whose line this plot cannot take; sentence: said on
  // its own after "Nothing was imported:" (a file), else inside "could not be used (…)" (a link).
  'fit-line.outOfReach': ({ slope, intercept, mean, w, b, sentence }) => {
    const best = listedInWords([slope && `a slope of ${slope}`, intercept && `an intercept of ${intercept}`].filter(Boolean));
    const why = [best && `their best line has ${best}`, mean && `their mean y is ${mean}, where the line starts`].filter(Boolean).join(', and ');
    const text = `these points need a line beyond this plot’s limits (a slope w within ±${w} and an intercept b within ±${b}): ${why}`;
    return sentence ? `${text[0].toUpperCase()}${text.slice(1)}.` : text;
  },
  'fit-line.badMark': 'the mark for a line placed by Auto-fit (a) must be 1 or left out',
  'fit-line.badShown': 'the mark for points whose best line Auto-fit has shown (s) must be 1 or left out',
};
