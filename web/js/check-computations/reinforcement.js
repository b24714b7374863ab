// Reinforcement learning: ε-greedy bandits, Q-learning in a corridor, one deep-Q update.

import { need, opt, whole, scoped } from './args.js';

export const computations = {
  // ε-greedy on k arms whose best arm (mean 1) is plain once tried (the others mean 0, no reward
  // noise): the share of `pulls` pulls (default 200,000) that went to worse arms, and to the best.
  'epsilon-waste': (ml, a) => scoped((track) => {
    const k = whole(a, 'arms', 2, 20);
    const b = track(new ml.MultiArmedBandit());
    b.setMeans(Array.from({ length: k }, (_, i) => (i === 0 ? 1 : 0)));
    b.setRewardSd(0);
    b.setStrategy('epsilon-greedy');
    b.setEpsilon(need(a, 'epsilon'));
    b.reset(whole(a, 'seed', 0, 2 ** 31, 1));
    b.fit(whole(a, 'pulls', 1, 10000000, 200000));
    return { share: 1 - b.optimalFraction(), best: b.optimalFraction() };
  }),
  // Q-learning in a corridor start · middle · goal (one row, walls below), goal reward r, step cost
  // 0, learning rate eta, discount gamma, ε = 0: the values after `episodes` episodes of
  // Q(middle, right) (near: the move into the goal) and Q(start, right) (far: one move further back).
  'q-corridor': (ml, a) => scoped((track) => {
    const g = track(new ml.Gridworld());
    g.setSize(3, 2);
    for (const x of [0, 1, 2]) g.setCell(x, 1, 'wall');
    g.setCell(2, 0, 'goal');
    g.setStart(0, 0);
    g.setGoalReward(need(a, 'r'));
    g.setStepCost(0);
    const seed = whole(a, 'seed', 0, 2 ** 31, 1);
    g.reset(seed);
    const agent = track(new ml.QLearning());
    agent.setEnvironment(g);
    agent.setAlpha(need(a, 'eta'));
    agent.setGamma(need(a, 'gamma'));
    agent.setEpsilon(0);
    agent.reset(seed);
    agent.runEpisodes(whole(a, 'episodes', 0, 10000));
    const q = agent.qTable();
    return { near: q[1 * 4 + 1], far: q[0 * 4 + 1] };
  }),
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
