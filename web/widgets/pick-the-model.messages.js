// Every word the pick-the-model widget shows a learner (English). Numbers arrive formatted
// (web/lib/format.js); another language adds the same keys with addMessages (web/lib/messages.js).
import { listedInWords } from '../lib/format.js';

export const messages = {
  'pick-the-model.title': 'Pick the model',
  'pick-the-model.hint': 'Which degree, from 1 to 12, will do best on points it was not fitted to? Every degree you set with the slider adds its training and validation error to the chart. When you think you have the one with the lowest validation error, press Lock in this degree.',
  'pick-the-model.fitHeading': 'The fit',
  'pick-the-model.errHeading': 'Error by degree (log scale)',
  'pick-the-model.fitPlot': 'Noisy points and the fitted polynomial',
  'pick-the-model.legend.fit': 'fitted curve',
  'pick-the-model.legend.truth': 'hidden true curve',
  'pick-the-model.errPlot': 'Training and validation error by degree',
  'pick-the-model.legend.train': 'training MSE (filled)',
  'pick-the-model.legend.validation': 'validation MSE (hollow)',
  'pick-the-model.slider.degree': 'polynomial degree',
  'pick-the-model.lockIn': 'Lock in this degree',
  'pick-the-model.newData': 'New data',
  'pick-the-model.showTruth': 'show the hidden true curve',
  'pick-the-model.stat.degree': 'degree',
  'pick-the-model.stat.train': 'train MSE',
  'pick-the-model.stat.validation': 'validation MSE',
  'pick-the-model.stat.score': 'round score',
  'pick-the-model.stat.total': 'total',
  // Before Lock in, each from the numbers on screen only (describeDegree in pick-the-model.js).
  'pick-the-model.tooStiff': 'Degree {degree}: too stiff to follow the curve. Degree {than}, which you tried, has both errors lower: training {trainThan} against {train}, validation {validationThan} against {validation}. Training error high too is the sign of underfitting.',
  'pick-the-model.bending': 'Degree {degree}: validation error {validation} is over three times the training error {train}: the curve is bending to fit the noise.',
  'pick-the-model.tried': 'Degree {degree}: training {train}, validation {validation}. You have tried {tried} of {max} degrees; lock one in when ready.',
  'pick-the-model.figure': '{points} noisy points with a degree-{degree} polynomial; training MSE {train}, validation MSE {validation}',
  'pick-the-model.total': '{total} / {max}',
  'pick-the-model.times': '{ratio} times',
  'pick-the-model.above': '{percent}% above',
  'pick-the-model.spotOn': ({ degree, min, sharedWith, score, verdict }) => `Spot on: degree ${degree} has the lowest validation error of all twelve (${min})${sharedWith?.length ? `, shared with degree${sharedWith.length > 1 ? 's' : ''} ${listedInWords(sharedWith)}` : ''}. ${score} points. ${verdict}`,
  'pick-the-model.simpler': ({ score, degree, stiff, mine, above, min, best, trainMine, trainBest, verdict }) => `${score} points. Degree ${degree} is ${stiff ? 'too simple' : 'a little simpler than the best'}: its validation error ${mine} is ${above} the best, ${min} at degree ${best}. ${stiff ? `It underfits: its training error (${trainMine}) is high too, against ${trainBest} at degree ${best}.` : `Its training error (${trainMine}) is close to degree ${best}'s (${trainBest}), so this is a near miss rather than underfitting.`} ${verdict}`,
  'pick-the-model.flexible': '{score} points. Degree {degree} is more flexible than needed: training error {train} is lower, but validation {mine} is {above} the best, {min} at degree {best}. The extra wiggles follow noise. {verdict}',
  // Whether the round finishes the game (judgeRound in pick-the-model.js): the rule, in the lesson's words.
  // A tie is worded as one ("as low as"): two degrees that show the same error are equally low.
  'pick-the-model.verdict': ({ reason, pass, missing, lower, tied }) => {
    const rule = `The game is done when a degree you lock in scores ${pass} or more, after you have tried the degrees next to it, and no degree you tried that round shows a lower validation error.`;
    const next = 'Press New data for another round.';
    if (reason === 'done' && tied?.length) return `This round counts: ${pass} points or more, and no degree you tried, the ones next to it included, shows a lower validation error (degree${tied.length > 1 ? 's' : ''} ${listedInWords(tied)} ${tied.length > 1 ? 'show' : 'shows'} the same), so the game is done. ${next}`;
    if (reason === 'done') return `This round counts: ${pass} points or more, and lower than every other degree you tried, including the ones next to it, so the game is done. ${next}`;
    if (reason === 'unchecked') return `It does not count yet: you locked it in without trying ${missing.length === 1 ? `degree ${missing[0]}` : `degrees ${missing.join(' and ')}`}, next to it, so nothing on screen showed whether ${missing.length === 1 ? 'it is' : 'they are'} lower. ${rule} ${next}`;
    if (reason === 'notLowest') return `It does not count yet: degree ${lower}, which you tried, has a lower validation error. ${rule} ${next}`;
    return `Below the bar. ${rule} Press New data for another round, compare the validation errors of the degrees you try, and lock in the lowest.`;
  },
  'pick-the-model.axis.x': 'x',
  'pick-the-model.axis.y': 'y',
  'pick-the-model.errAxis.x': 'degree',
  'pick-the-model.errAxis.y': 'MSE',
  'pick-the-model.best': 'best',
};
