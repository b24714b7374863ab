import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ml } from './engine.mjs';

const close = (a, b, tol) => Math.abs(a - b) <= tol;

test('Gridworld: layout editing, acting and hand-derived value iteration', () => {
  const g = new ml.Gridworld();
  try {
    assert.deepEqual(ml.Gridworld.presetNames(), ['classic4x4', 'classic4x3', 'cliff']);
    // Default: the classic 4×4 (FrozenLake) map, kinds 0 empty, 1 wall, 2 pit, 3 goal.
    assert.deepEqual([...g.cells()], [0, 0, 0, 0, 0, 2, 0, 2, 0, 0, 0, 2, 2, 0, 0, 3]);
    // Open 4×4, goal +1 at (3,3), step cost 0, γ = 0.9: V*(x,y) = 0.9^(d−1), d = (3−x)+(3−y).
    g.setSize(4, 4);
    const v = g.valueIteration(0.9, 1e-13);
    assert.ok(v instanceof Float64Array && v.length === 16);
    for (let y = 0; y < 4; y++) {
      for (let x = 0; x < 4; x++) {
        const d = 3 - x + 3 - y;
        assert.ok(close(v[y * 4 + x], d === 0 ? 0 : 0.9 ** (d - 1), 1e-9), `V(${x},${y})=${v[y * 4 + x]}`);
      }
    }
    const policy = g.optimalPolicy(0.9, 1e-13);
    assert.equal(policy[3], 2); // last column: down
    assert.equal(policy[12], 1); // last row: right
    assert.equal(policy[15], -1); // the goal
    assert.equal(g.optimalQ(0.9, 1e-13).length, 64);
    // Walls block, the agent stays put and pays the step cost.
    g.setCell(1, 0, 'wall');
    g.setStepCost(0.25);
    assert.equal(g.cell(1, 0), 'wall');
    assert.throws(() => g.act(1), /layout changed; call reset/);
    g.reset(0);
    assert.deepEqual(g.act(1), { reward: -0.25, x: 0, y: 0, done: false });
    assert.deepEqual(g.position(), { x: 0, y: 0 });
    for (const a of [2, 2, 2, 1, 1]) g.act(a);
    assert.deepEqual(g.act(1), { reward: 1, x: 3, y: 3, done: true });
    assert.equal(g.done(), true);
    // Russell & Norvig's 4×3 with slips: our V = AIMA's U + 0.04; AIMA's (1,1) start is 0.705.
    g.preset('classic4x3');
    assert.equal(g.slip(), 0.2);
    assert.deepEqual(g.start(), { x: 0, y: 2 });
    assert.ok(close(g.valueIteration(1, 1e-12)[8], 0.705 + 0.04, 0.0005));
  } finally {
    g.delete();
  }
});

test('Gridworld: bad layouts and arguments throw typed errors, the object keeps working', () => {
  const g = new ml.Gridworld();
  try {
    assert.throws(() => g.setSize(0, 4), (e) => e instanceof RangeError && e.code === 'invalid-argument' && /Gridworld.setSize: width=0 must be in \[2, 12\]/.test(e.message));
    assert.throws(() => g.setSize(4, 13), /height=13/);
    assert.throws(() => g.setSize(4.5, 4), /whole number/);
    assert.throws(() => g.setCell(9, 0, 'wall'), /x=9 must be in \[0, 3\]/);
    assert.throws(() => g.setCell(0, 0, 'lava'), /kind='lava' is not a cell kind/);
    assert.throws(() => g.setCell(0, 0, 1), /kind must be a string/);
    assert.throws(() => g.preset('maze'), /name='maze' is not a preset \(use classic4x4, classic4x3, cliff\)/);
    assert.throws(() => g.setSlip(NaN), /slip=NaN is not a finite number/);
    assert.throws(() => g.valueIteration(1.5, 1e-6), /gamma=1.5/);
    assert.throws(() => g.reset(-1), /seed=-1/);
    g.setCell(0, 0, 'wall');
    assert.throws(() => g.reset(0), (e) => e instanceof RangeError && /the start \(0,0\) is on a wall/.test(e.message));
    g.setCell(0, 0, 'empty');
    g.setCell(0, 1, 'wall');
    g.setCell(1, 0, 'wall');
    assert.throws(() => g.reset(0), /no goal can be reached from the start \(0,0\)/);
    g.setCell(1, 0, 'empty');
    g.reset(0);
    assert.equal(g.act(1).x, 1);
  } finally {
    g.delete();
  }
});

test('QLearning learns the optimal policy of the open 4x4 and is deterministic for a seed', () => {
  const g = new ml.Gridworld();
  const agent = new ml.QLearning();
  const twin = new ml.QLearning();
  try {
    g.setSize(4, 4);
    for (const m of [agent, twin]) {
      m.setEnvironment(g);
      m.setAlpha(0.5);
      m.setGamma(0.9);
      m.setEpsilon(0.5);
      m.setMaxEpisodeSteps(100);
      m.reset(7);
    }
    // step() is one move: a reward and a position at most one cell away.
    const reward = agent.step();
    assert.equal(typeof reward, 'number');
    const s = agent.lastStep();
    assert.equal(s.reward, reward);
    assert.ok(Math.abs(s.x) + Math.abs(s.y) <= 1);
    assert.deepEqual(agent.position(), { x: s.x, y: s.y });
    twin.step();
    agent.runEpisodes(5000);
    twin.runEpisodes(5000);
    assert.equal(agent.episodes(), 5000);
    assert.deepEqual([...agent.qTable()], [...twin.qTable()]);
    assert.equal(agent.qTable().length, 64);
    const vStar = g.valueIteration(0.9, 1e-13);
    const values = agent.values();
    for (let c = 0; c < 15; c++) assert.ok(close(values[c], vStar[c], 0.05), `cell ${c}: ${values[c]} vs ${vStar[c]}`);
    const policy = agent.policy();
    for (let y = 0; y < 3; y++) assert.equal(policy[y * 4 + 3], 2); // unique optimum: down
    for (let x = 0; x < 3; x++) assert.equal(policy[12 + x], 1); // unique optimum: right
    assert.equal(policy[15], -1);
    const returns = agent.episodeReturns();
    assert.equal(returns.length, 5000);
    const t = ml.trace(agent);
    assert.deepEqual(t.columns, ['episode', 'return', 'length', 'epsilon', 'maxChange']);
    assert.equal(t.rows, 5000);
    assert.equal(t.row(4999).return, returns[4999]);
    assert.equal(agent.status(), 'ready');
  } finally {
    g.delete();
    agent.delete();
    twin.delete();
  }
});

test('QLearning rejects bad hyper-parameters with clear messages and keeps working', () => {
  const agent = new ml.QLearning();
  const bad = new ml.Gridworld();
  try {
    assert.throws(() => agent.setAlpha(0), /QLearning.setAlpha: alpha=0 must be in \(0, 1\]/);
    assert.throws(() => agent.setAlpha(1.01), RangeError);
    assert.throws(() => agent.setGamma(-0.5), /gamma=-0.5 must be in \[0, 1\]/);
    assert.throws(() => agent.setGamma(NaN), /gamma=NaN is not a finite number/);
    assert.throws(() => agent.setEpsilon(1.2), /epsilon=1.2/);
    assert.throws(() => agent.setEpsilonDecay(Infinity), /decay=Infinity/);
    assert.throws(() => agent.setMaxEpisodeSteps(0), /maxEpisodeSteps=0/);
    assert.throws(() => agent.runEpisodes(-1), /n=-1/);
    assert.throws(() => agent.fit(2.5), /whole number/);
    bad.setStart(3, 3); // the goal
    assert.throws(() => agent.setEnvironment(bad), /QLearning.setEnvironment: the start \(3,3\) is on a goal/);
    assert.equal(agent.width(), 4);
    assert.equal(agent.fit(50), 50);
    assert.equal(agent.steps(), 50);
    const env = agent.environment();
    try { assert.deepEqual([...env.cells()], [...agent.cells()]); } finally { env.delete(); }
  } finally {
    agent.delete();
    bad.delete();
  }
});

test('MultiArmedBandit: UCB1 bookkeeping, sub-linear regret and determinism', () => {
  const b = new ml.MultiArmedBandit();
  const twin = new ml.MultiArmedBandit();
  try {
    b.setMeans([0, 1, 0.5]);
    b.setStrategy('ucb1');
    assert.equal(b.strategy(), 'ucb1');
    b.reset(5);
    for (let k = 0; k < 3; k++) { b.step(); assert.equal(b.lastArm(), k); } // each arm once, in order
    b.fit(997);
    const counts = b.counts();
    assert.ok(counts instanceof Int32Array);
    assert.equal(counts[0] + counts[1] + counts[2], 1000);
    // Pseudo-regret by hand: gaps 1 and 0.5 for arms 0 and 2.
    assert.ok(close(b.regret(), counts[0] * 1 + counts[2] * 0.5, 1e-9));
    const at1k = b.regret();
    b.fit(9000);
    assert.ok(b.regret() < 3 * at1k, `regret ${b.regret()} vs ${at1k} at 1k`);
    assert.equal(b.optimalArm(), 1);
    assert.ok(b.optimalFraction() > 0.9);
    const est = b.estimates();
    assert.ok(close(est[1], 1, 0.05));
    const t = ml.trace(b);
    assert.equal(t.rows, 10001);
    assert.equal(t.row(0).arm, -1);
    // Same seed, same pulls.
    twin.setMeans([0, 1, 0.5]);
    twin.setStrategy('ucb1');
    twin.reset(5);
    twin.fit(10000);
    assert.deepEqual([...twin.traceValues()], [...b.traceValues()]);
  } finally {
    b.delete();
    twin.delete();
  }
});

test('MultiArmedBandit: greedy locks on a bad arm for seed 2, epsilon 0.1 finds the best', () => {
  const greedy = new ml.MultiArmedBandit();
  const explorer = new ml.MultiArmedBandit();
  try {
    greedy.setEpsilon(0);
    explorer.setEpsilon(0.1);
    greedy.reset(2);
    explorer.reset(2);
    assert.deepEqual([...greedy.means()], [...explorer.means()]);
    greedy.fit(5000);
    explorer.fit(5000);
    assert.ok(greedy.optimalFraction() < 0.1);
    assert.ok(explorer.optimalFraction() > 0.5);
  } finally {
    greedy.delete();
    explorer.delete();
  }
});

test('MultiArmedBandit: bad input throws, the bandit keeps working', () => {
  const b = new ml.MultiArmedBandit();
  try {
    assert.throws(() => b.setArms(1), /MultiArmedBandit.setArms: k=1 must be in \[2, 20\]/);
    assert.throws(() => b.setArms(21), RangeError);
    assert.throws(() => b.setMeans([1]), (e) => e.code === 'shape-mismatch' && /2 to 20 arms/.test(e.message));
    assert.throws(() => b.setMeans([1, NaN]), /means\[1\]=NaN/);
    assert.throws(() => b.setStrategy('softmax'), /strategy='softmax' is not a strategy/);
    assert.throws(() => b.setEpsilon(-0.1), /epsilon=-0.1/);
    assert.throws(() => b.setC(NaN), /c=NaN/);
    assert.throws(() => b.fit(-3), /maxSteps=-3/);
    assert.equal(b.arms(), 10);
    assert.equal(b.fit(20), 20);
    assert.equal(b.steps(), 20);
    assert.equal(b.status(), 'ready');
  } finally {
    b.delete();
  }
});

test('create/delete cycles do not grow the heap', () => {
  const warm = [new ml.Gridworld(), new ml.QLearning(), new ml.MultiArmedBandit()];
  warm.forEach((o) => o.delete());
  const before = ml.heapBytesInUse();
  for (let i = 0; i < 2000; i++) {
    const g = new ml.Gridworld();
    const q = new ml.QLearning();
    const b = new ml.MultiArmedBandit();
    q.fit(20);
    b.fit(20);
    try { g.setSize(0, 0); } catch { /* expected */ }
    try { q.setAlpha(NaN); } catch { /* expected */ }
    g.delete(); q.delete(); b.delete();
  }
  assert.equal(ml.heapBytesInUse() - before, 0);
});

test('WASM runs agree with the native build for the same seed', () => {
  // Reference numbers printed by the native build (same code, same seeds); the choices depend
  // only on the seeded generator and IEEE-exact arithmetic (-ffp-contract=off, detmath::log).
  const b = new ml.MultiArmedBandit();
  const q = new ml.QLearning();
  try {
    b.setStrategy('ucb1');
    b.reset(5);
    b.fit(1000);
    assert.ok(close(b.regret(), 96.185261503092903, 1e-9));
    assert.ok(close(b.cumulativeReward(), 708.60999162742439, 1e-9));
    q.reset(9);
    q.fit(3000);
    assert.equal(q.episodes(), 444);
    assert.ok(close(q.qTable().reduce((s, v) => s + v, 0), 8.3138180146437382, 1e-9));
  } finally {
    b.delete();
    q.delete();
  }
});
