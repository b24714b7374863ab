// Check-yourself computations for the deep Q-learning lesson. Same contract as
// web/js/check-computations.js: each takes the loaded engine and named arguments and returns
// named results, every number coming from an engine call. Kept free of the DOM.

import { need, opt, whole, scoped } from './args.js';

export const computations = {
  // One TD target and one SGD step of the engine's DeepQ on a network whose hidden units all
  // output 0, so Q(s, ·) is the four output biases `q` and Q_target(s', ·) the target's `qt`
  // (comma lists of 4). The agent took action `a` (0 up, 1 right, 2 down, 3 left), got reward r,
  // and s' is terminal if terminal=1. Squared loss, learning rate eta, discount gamma.
  // target: y = r + γ·max Q_target(s', ·) (or r); error: y − Q(s, a); after: Q(s, a) after the step.
  'dqn-td-update': (ml, args) => scoped((track) => {
    const q = need(args, 'q', 'list');
    const qt = need(args, 'qt', 'list');
    if (q.length !== 4 || qt.length !== 4) throw new RangeError('dqn-td-update: q and qt need four values each');
    const action = whole(args, 'a', 0, 3);
    const m = track(new ml.DeepQ());
    m.setHiddenUnits(4);
    m.setOptimizer('sgd');
    m.setLoss('squared');
    m.setLearningRate(need(args, 'eta'));
    m.setGamma(need(args, 'gamma'));
    m.reset(1);
    const online = new Float64Array(m.onlineParams().length);
    const target = new Float64Array(online.length);
    for (let k = 0; k < 4; k++) { online[m.outputBiasIndex(k)] = q[k]; target[m.outputBiasIndex(k)] = qt[k]; }
    m.setOnlineParams(online);
    m.setTargetParams(target);
    const e = [0.5, 0.5, action, need(args, 'r'), 0.5, 0.5, opt(args, 'terminal', 0) ? 1 : 0];
    const y = m.tdTarget(e);
    const before = m.q(0.5, 0.5)[action];
    const loss = m.learnFrom(e);
    return { target: y, error: y - before, loss, after: m.q(0.5, 0.5)[action] };
  }),
};
