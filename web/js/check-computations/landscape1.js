// Check-yourself computations for the landscape lessons (playground, bandit, Q-learning, DBSCAN,
// PCA/t-SNE, optimiser race). Same contract as web/js/check-computations.js: each takes the loaded
// engine and named arguments (numbers, or arrays for comma lists) and returns named results, every
// number coming from an engine call. Kept free of the DOM.

import { need, opt, whole, scoped } from './args.js';

const SURFACES = ['bowl', 'ravine', 'rosenbrock', 'saddle'];
const OPTIMIZERS = ['sgd', 'momentum', 'nesterov', 'rmsprop', 'adagrad', 'adam'];
const ACTIVATIONS = ['sigmoid', 'tanh', 'relu', 'leaky-relu', 'gelu', 'linear'];

export const computations = {
  // One neuron h = φ(w·x + b): its score z and output (fn index as in `activation`: 0 sigmoid,
  // 1 tanh, 2 relu, 3 leaky-relu, 4 gelu, 5 linear).
  neuron: (ml, a) => {
    const name = ACTIVATIONS[whole(a, 'fn', 0, ACTIVATIONS.length - 1)];
    const z = ml.vectorDot(need(a, 'w', 'list'), need(a, 'x', 'list')) + need(a, 'b');
    return { z, value: ml.activationCurve(name, [z]).value[0] };
  },
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
  // DBSCAN on points of a line: clusters, noise points and core points.
  'dbscan-1d': (ml, a) => scoped((track) => {
    const db = track(new ml.DBSCAN());
    db.setEps(need(a, 'eps'));
    db.setMinSamples(whole(a, 'minSamples', 1, 10000));
    db.setData(need(a, 'points', 'list'), 1, []);
    db.fit(10000);
    const labels = Array.from(db.labels());
    return { clusters: db.clusterCount(), noise: labels.filter((l) => l < 0).length, core: Array.from(db.corePoints()).filter((c) => c === 1).length };
  }),
  // Silhouette of point i (0-based) among labelled points on a line, and the mean over all.
  'silhouette-1d': (ml, a) => {
    const points = need(a, 'points', 'list');
    const labels = need(a, 'labels', 'list');
    const s = ml.silhouetteSamples(points, 1, labels);
    const i = whole(a, 'i', 0, points.length - 1, 0);
    return { value: s[i], mean: ml.silhouetteScore(points, 1, labels) };
  },
  // PCA of a 2×2 covariance matrix m (row-major): the variance along the first component and
  // the share of the total variance it keeps.
  'pca-2x2': (ml, a) => {
    const m = need(a, 'm', 'list');
    if (m.length !== 4) throw new RangeError('needs m= four numbers (a 2×2 matrix, row by row)');
    const e = ml.matrix2Eigen(m);
    if (!e.real) throw new RangeError('m must be a covariance matrix (symmetric, real eigenvalues)');
    return { first: e.values[0], second: e.values[1], kept: e.values[0] / (e.values[0] + e.values[1]) };
  },
  // `steps` updates of one optimiser (index into sgd, momentum, nesterov, rmsprop, adagrad, adam;
  // engine defaults β = 0.9 and so on) on a race surface (bowl, ravine, rosenbrock, saddle) from (x, y).
  'optimizer-step': (ml, a) => scoped((track) => {
    const s = track(new ml.OptimizerSurface());
    s.setFunction(SURFACES[whole(a, 'surface', 0, SURFACES.length - 1)]);
    s.startPath(need(a, 'x'), need(a, 'y'), OPTIMIZERS[whole(a, 'optimizer', 0, OPTIMIZERS.length - 1)], need(a, 'eta'));
    const steps = whole(a, 'steps', 0, 100000, 1);
    for (let i = 0; i < steps; i++) s.stepPath();
    const p = s.path();
    return { x: p[p.length - 2], y: p[p.length - 1], loss: s.losses().at(-1) };
  }),
};
