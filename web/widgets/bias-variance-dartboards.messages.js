// Every word the bias-variance-dartboards widget shows a learner (English). Numbers arrive
// formatted (web/lib/format.js); another language adds the same keys with addMessages
// (web/lib/messages.js).
import { countOf } from '../lib/format.js';

export const messages = {
  'bias-variance-dartboards.title': 'The bias–variance dartboard',
  'bias-variance-dartboards.hint': 'Press Play: every dart is one model retrained on a fresh noisy sample. Rows differ in the model (a line or a cubic), columns in the data (plenty and clean, or scarce and noisy).',
  'bias-variance-dartboards.board.lb-lv': 'Low bias, low variance',
  'bias-variance-dartboards.board.lb-hv': 'Low bias, high variance',
  'bias-variance-dartboards.board.hb-lv': 'High bias, low variance',
  'bias-variance-dartboards.board.hb-hv': 'High bias, high variance',
  // A board's name inside a sentence.
  'bias-variance-dartboards.boardInText.lb-lv': 'low bias, low variance',
  'bias-variance-dartboards.boardInText.lb-hv': 'low bias, high variance',
  'bias-variance-dartboards.boardInText.hb-lv': 'high bias, low variance',
  'bias-variance-dartboards.boardInText.hb-hv': 'high bias, high variance',
  'bias-variance-dartboards.board.describe': ({ degree, points, noise }) => `degree ${degree}, ${countOf(points, 'point')}, noise s = ${noise}`,
  'bias-variance-dartboards.board.stats': '{board} · bias² {bias2} · variance {variance}',
  // A board's caption with the darts that missed by more than the board shows (drawn as arrows).
  'bias-variance-dartboards.board.withOffBoard': ({ text, darts }) => `${text} · ${countOf(darts, 'dart')} off the board (arrows at the edge)`,
  'bias-variance-dartboards.board.refitting': 'refitting…',
  'bias-variance-dartboards.table.caption': 'Bias squared, variance, noise variance, their sum and a separate estimate of the expected error per board, averaged over 41 test points; estimated from the refits, so the sum matches the expected error only approximately; all but the noise filled in once every dart has landed',
  'bias-variance-dartboards.table.board': 'board',
  'bias-variance-dartboards.table.bias2': 'bias²',
  'bias-variance-dartboards.table.variance': 'variance',
  'bias-variance-dartboards.table.noise': 'noise s²',
  'bias-variance-dartboards.table.sum': 'sum (≈)',
  'bias-variance-dartboards.table.expected': 'expected error',
  'bias-variance-dartboards.step': 'Step',
  'bias-variance-dartboards.reset': 'Reset',
  'bias-variance-dartboards.newSets': 'New training sets',
  'bias-variance-dartboards.slider.refits': 'darts (refits) per board',
  'bias-variance-dartboards.stat.thrown': 'darts thrown',
  'bias-variance-dartboards.stat.ready': 'boards refitted',
  'bias-variance-dartboards.outOf': '{done} / {total}',
  'bias-variance-dartboards.predict.question': 'On fresh training sets, which board’s darts will spread the most (the largest variance)?',
  'bias-variance-dartboards.predict.next': ({ reduced, darts }) => `New training sets are being drawn. ${reduced ? 'Press Play or Step until' : 'Watch until'} all ${countOf(darts, 'dart')} per board have landed.`,
  'bias-variance-dartboards.predict.variance': '{board} {variance}',
  // band: the line's variance as a share of the cubic's (percent), in words (see spreadComparison).
  'bias-variance-dartboards.predict.why': ({ variances, cubic, line, percent, band }) => (band === 'asMuch'
    ? `Variance: ${variances}. On these six noisy points the stiff line spread as much as the flexible cubic or more (${line} against ${cubic}): with so few points, even a line tilts and shifts with each sample’s noise.`
    : `Variance: ${variances}. On six noisy points the flexible cubic chases each sample’s noise (variance ${cubic}); the stiff line spreads ${{ underHalf: 'under half as much', less: 'less', nearly: 'nearly as much' }[band]} (${line}, ${percent}% of the cubic’s): it cannot bend to the noise, only tilt and shift with it.`),
  'bias-variance-dartboards.predict.seen': ({ darts }) => `${countOf(darts, 'dart')} per board landed before you predicted, and their spread shows which board scatters most: a prediction made on this page now is practice and is not recorded.`,
  'bias-variance-dartboards.predict.glimpsed': ({ darts }) => `${countOf(darts, 'dart')} per board landed before you predicted, and even a few hint at which board scatters most: a prediction made on this page now is practice and is not recorded, after Reset too.`,
  'bias-variance-dartboards.predict.refitsChanged': 'The number of darts changed: predict again.',
  'bias-variance-dartboards.predict.changed': 'The settings changed: predict again.',
  'bias-variance-dartboards.refitting': 'Refitting the models on fresh training sets…',
  'bias-variance-dartboards.refitted': ({ filled }) => `All four models are refitted. Press Play or Step to throw the darts${filled ? '' : '; the table’s bias², variance and error fill in once every dart has landed'}.`,
  'bias-variance-dartboards.throwing': ({ darts }) => `${countOf(darts, 'dart')} on each board so far. How far a cluster’s middle sits from the bull’s-eye is its bias; how widely its darts scatter is its variance.`,
  'bias-variance-dartboards.allThrown': 'All darts thrown. The line (bottom row) misses the truth with plenty of data or little: bias² {lineBiasClean} and {lineBiasNoisy}, against {cubicBiasClean} and {cubicBiasNoisy} for the cubic. Six noisy points (right column) scatter the fits: variance {cubicNoisy} against {cubicClean} with plenty of clean data for the cubic, {lineNoisy} against {lineClean} for the line.',
  'bias-variance-dartboards.figure': ({ board, darts, bias2, variance }) => `${board}: ${countOf(darts, 'dart')}; bias squared ${bias2}, variance ${variance}`,
  'bias-variance-dartboards.figure.refitting': '{board}: refitting',
  // Before every dart has landed the label gives no bias² or variance: they answer the predict box.
  'bias-variance-dartboards.figure.throwing': ({ board, darts }) => `${board}: ${countOf(darts, 'dart')} so far`,
  'bias-variance-dartboards.axis.y': 'error at x = 3π/2 ↑',
  'bias-variance-dartboards.axis.x': 'error at x = π/2 →',
};
