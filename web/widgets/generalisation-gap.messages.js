// Every word the generalisation-gap widget shows a learner (English). Numbers arrive formatted
// (web/lib/format.js), counts with their noun from format.js countOf; another language adds the
// same keys with addMessages (web/lib/messages.js).
import { countOf } from '../lib/format.js';

export const messages = {
  'generalisation-gap.title': 'The generalisation gap shrinks with n',
  'generalisation-gap.hint': 'Pick a tree depth and watch train and held-out error meet as n grows; the shaded band is the middle 80% of the gap over resamples, the dashed grey curve the worst-case bound. Use the n slider (or click the chart) to read off one size.',
  'generalisation-gap.plot': 'Train and held-out error against training size',
  'generalisation-gap.legend.test': 'held-out error (hollow)',
  'generalisation-gap.legend.train': 'training error (filled)',
  'generalisation-gap.legend.band': 'gap, middle 80% of resamples',
  'generalisation-gap.legend.bound': 'bound on the gap (1 − δ)',
  'generalisation-gap.resample': 'Resample',
  'generalisation-gap.select.model': 'model',
  'generalisation-gap.model.stump': 'stump (depth 1)',
  'generalisation-gap.model.tree': 'tree, depth {depth}',
  'generalisation-gap.slider.n': 'read off n',
  'generalisation-gap.slider.noise': 'noise',
  'generalisation-gap.slider.repeats': 'resamples',
  'generalisation-gap.stat.n': 'n',
  'generalisation-gap.stat.train': 'train error',
  'generalisation-gap.stat.test': 'held-out error',
  'generalisation-gap.stat.gap': 'gap',
  'generalisation-gap.stat.bound': 'bound',
  'generalisation-gap.bound.vacuous': '{bound} (> 1, says nothing)',
  'generalisation-gap.predict.question': 'Switch to a depth-{depth} tree: at n = {n}, the bound on its gap will be…',
  'generalisation-gap.predict.tight': 'close to the gap (± 0.05)',
  'generalisation-gap.predict.loose': 'loose, but below 1',
  'generalisation-gap.predict.vacuous': 'above 1: says nothing',
  'generalisation-gap.predict.ready': 'Choose a shallower model first: the prediction is about switching to depth {depth}.',
  'generalisation-gap.predict.next': 'Now choose “{model}” as the model.',
  'generalisation-gap.predict.why': ({ n, gap, bound, depth, vacuous }) => `At n = ${n} the measured gap is ${gap} and the bound ${bound}. ${vacuous ? `A depth-${depth} tree can draw so many different boundaries that a guarantee covering all of them at once needs far more data; the bound is true, but says nothing.` : 'The bound counts every tree the class could build, not the one the data picked.'}`,
  'generalisation-gap.predict.seen': 'The depth-{depth} bound is on screen before you predicted it, so a prediction made on this page now is practice and is not recorded.',
  'generalisation-gap.predict.seenShallower': 'The depth-{depth} bound is already above 1 at n = {n}, and a depth-{deep} tree’s bound is larger still. That was on screen before you predicted, so a prediction made on this page now is practice and is not recorded.',
  'generalisation-gap.predict.changed': 'The settings changed: predict again.',
  'generalisation-gap.summary': ({ depth, repeats, redrawn, first, nFirst, last, nLast, n, gap, grid, bound, vacuous }) => `Depth ${depth}, averaged over ${repeats} resamples: the gap falls from ${first} at n = ${nFirst} to ${last} at n = ${nLast}. `
    + `At n = ${n} the measured gap is ${gap}; the bound for the same trees with their cuts on a grid of ${grid} values per feature is ${bound}${vacuous ? ', which is vacuous (an error rate cannot exceed 1)' : ''}.`
    + (redrawn ? ` ${redrawn === 1 ? 'One resample' : countOf(redrawn, 'resample')} dealt only one class to ${redrawn === 1 ? 'its' : 'their'} ${nFirst} training points, leaving a tree nothing to separate, so ${redrawn === 1 ? 'it was' : 'they were'} drawn again with the next unused ${redrawn === 1 ? 'seed' : 'seeds'}.` : ''),
  'generalisation-gap.figure': 'Errors against training size, depth {depth}; at n = {n} train {train}, held-out {test}, gap {gap}',
  'generalisation-gap.axis.x': 'training size n (log scale)',
  'generalisation-gap.axis.y': 'error rate',
};
