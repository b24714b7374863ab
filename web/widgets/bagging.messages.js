// Every word the bagging widget shows a learner (English). Numbers arrive formatted
// (web/lib/format.js); counts with their noun come from format.js countOf; another language adds
// the same keys with addMessages (web/lib/messages.js).
import { countOf } from '../lib/format.js';

export const messages = {
  'bagging.title': 'Weak models vote into a smooth boundary',
  'bagging.hint': 'Every tree is grown on its own bootstrap sample of the points, and its jagged boundary is drawn thin. The thick line is where the majority vote changes class; the shading shows how one-sided the vote is at each spot. Press Add voter to grow the crowd one tree at a time, or Play.',
  'bagging.plot': 'Ensemble of trees voting on the plane',
  'bagging.legend.orange': 'all vote orange ▲',
  'bagging.legend.blue': 'all vote blue ●',
  'bagging.addVoter': 'Add voter',
  'bagging.reset': 'Reset',
  'bagging.slider.depth': 'depth of each voter',
  'bagging.select.features': 'features per split',
  'bagging.features.all': 'both (bagging)',
  'bagging.features.sqrt': 'one at random (random forest)',
  'bagging.select.data': 'data',
  'bagging.stat.voters': 'voters',
  'bagging.stat.test': 'test accuracy',
  'bagging.stat.first': '1 voter',
  'bagging.stat.oob': 'out-of-bag',
  'bagging.heldOut': ({ count }) => `the ${countOf(count, 'held-out point')}`,
  'bagging.testPoints': 'the {count} test points',
  'bagging.gain.worse': 'worse than the first voter',
  'bagging.gain.small': 'better by under 1 point',
  'bagging.gain.some': 'better by 1 to 5 points',
  'bagging.gain.large': 'better by over 5 points',
  'bagging.predict.question': 'When all {voters} voters have voted, the crowd\'s test accuracy will be…',
  'bagging.predict.resetFirst': 'Press Reset first: predict before the crowd grows.',
  'bagging.predict.next': 'Now press Play (or Add voter) until all {voters} voters have voted.',
  'bagging.predict.better': '{points} points better',
  'bagging.predict.worse': '{points} points worse',
  'bagging.predict.why': 'The first voter scored {first} on {where}, the crowd of {voters} {crowd}: {change}. Voting cancels the trees\' individual quirks, their variance; it cannot remove the noise in the labels, which no boundary can predict.',
  'bagging.predict.seen': ({ shown, voters }) => `The crowd of ${countOf(shown, 'voter')} was on screen before a prediction was locked in, and from there on its gain over the first voter stays in the band it ends in at ${voters}, so a prediction made on this page now is practice and is not recorded.`,
  'bagging.reset.newData': 'New data: predict again.',
  'bagging.noVoters': 'No voters yet. Press Add voter: a tree is grown on a bootstrap sample (n draws with replacement) of the training points.',
  'bagging.freshTestPoints': 'fresh test points',
  // cuts: the tree's cuts that fall inside the plot; classes: how many classes its boxes there
  // give (1 when every box votes the same way: no boundary is drawn).
  'bagging.oneVoter': ({ cuts, classes, accuracy, where }) => {
    if (classes < 2) return `One voter: a tree whose boxes all vote for the same class, so it draws no boundary, ${accuracy} on ${where}.`;
    if (cuts <= 1) return `One voter: a stump, a single straight cut across the plot, ${accuracy} on ${where}. Where the cut falls depends on its own resample.`;
    if (cuts <= 7) return `One voter: a shallow tree, ${countOf(cuts, 'straight cut')}, ${accuracy} on ${where}. Its boundary is a few steps, placed where they best split its own resample.`;
    return `One voter: a deep tree, ${countOf(cuts, 'cut')} and all sharp corners, ${accuracy} on ${where}. Its boundary follows the quirks of its own resample.`;
  },
  'bagging.verdict.better': '{points} points better than the first voter alone',
  'bagging.verdict.worse': ({ points, voters }) => `${points} points worse than the first voter alone${voters < 10 ? ' (with few voters, luck still matters)' : ''}`,
  'bagging.verdict.level': 'level with the first voter alone',
  'bagging.anyTestPoints': 'test points',
  'bagging.crowd': '{voters} voters: the crowd scores {accuracy} on {where}, {verdict}. {why}',
  // Why the crowd's boundary looks as it does (bagging.js crowdShape): trees with more than one
  // cut whose majority has fewer corners than every member's (smoother), more than every member's
  // (finer) or in between (combined); stumps (every member one cut or none) whose majority is one
  // straight line, other crowds of stumps.
  'bagging.why.smoother': 'Their disagreements cancel, so the majority boundary is smoother than any member\'s, with fewer corners.',
  'bagging.why.finer': 'The vote puts their steps together into a finer staircase, with more corners than any single voter\'s boundary. It cancels only where the voters differ: a mistake every voter makes, their shared bias, the crowd makes too.',
  'bagging.why.combined': 'The vote puts their steps together, but it cancels only where the voters differ: a mistake every voter makes, their shared bias, the crowd makes too.',
  'bagging.why.stumpLine': 'Each voter is a stump, one straight cut, and the majority boundary is one straight line too, the same shape as each member\'s. Voting cancels only where the voters differ: a mistake every stump makes, their shared bias, the crowd makes too.',
  'bagging.why.stumps': 'Each voter is a stump, one straight cut. The vote can combine their cuts, but it cancels only where the voters differ: a mistake every stump makes, their shared bias, the crowd makes too.',
  'bagging.full': 'That is the full crowd of {voters} voters, so Add voter adds no more; Reset starts a new crowd.',
  'bagging.figure': ({ voters, accuracy }) => `${countOf(voters, 'voter')} voting; test accuracy ${accuracy}`,
  'bagging.axis.x': 'x₁',
  'bagging.axis.y': 'x₂',
};
