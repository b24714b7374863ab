// Claims of q-learning.md checked against the engine with the gridworld widget's settings
// (web/widgets/gridworld.js: preset classic4x4, ε = 0.2, α = 0.5, γ = 0.9, seed 1; the world and
// the agent are both reset with the seed; V* from valueIteration(γ, 1e-9)).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { ml } from '../tests/node/engine.mjs';
import { formatNumber } from '../web/lib/format.js';
import { RETURN_DIGITS } from '../web/widgets/gridworld.js';

const lesson = fs.readFileSync(new URL('./q-learning.md', import.meta.url), 'utf8');

const WIDGET = { preset: 'classic4x4', epsilon: 0.2, alpha: 0.5, gamma: 0.9, seed: 1 };
const ACTIONS = [[0, -1], [1, 0], [0, 1], [-1, 0]]; // up, right, down, left

function agentOn(settings = {}) {
  const o = { ...WIDGET, ...settings };
  const world = new ml.Gridworld();
  const agent = new ml.QLearning();
  world.preset(o.preset);
  world.reset(o.seed);
  agent.setEnvironment(world);
  agent.setAlpha(o.alpha);
  agent.setGamma(o.gamma);
  agent.setEpsilon(o.epsilon);
  agent.reset(o.seed);
  const start = world.start();
  const startIndex = start.y * world.width() + start.x;
  return {
    world, agent, start, startIndex,
    optimum: () => world.valueIteration(o.gamma, 1e-9)[startIndex],
    free() { world.delete(); agent.delete(); },
  };
}

test('rewards: +1 / −1 on most boards, the cliff −100 and a goal worth 0; move costs 0.04 and 1', () => {
  const g = new ml.Gridworld();
  try {
    const seen = {};
    for (const p of ['classic4x4', 'classic4x3', 'cliff']) {
      g.preset(p);
      seen[p] = [g.goalReward(), g.pitReward(), g.stepCost(), g.slip()];
    }
    assert.deepEqual(seen, { classic4x4: [1, -1, 0, 0], classic4x3: [1, -1, 0.04, 0.2], cliff: [0, -100, 1, 0] });
  } finally { g.delete(); }
});

test('the start\'s value stays 0 for a few dozen episodes, then meets V* = 0.9⁵ by episode 100', () => {
  const a = agentOn();
  try {
    assert.ok(Math.abs(a.optimum() - 0.9 ** 5) < 1e-12);
    let firstNonZero = null;
    while (a.agent.episodes() < 100) {
      a.agent.runEpisodes(1);
      if (firstNonZero === null && a.agent.values()[a.startIndex] !== 0) firstNonZero = a.agent.episodes();
    }
    assert.ok(firstNonZero >= 24 && firstNonZero <= 60, `first non-zero value after episode ${firstNonZero}`);
    assert.equal(a.agent.values()[a.startIndex].toFixed(3), a.optimum().toFixed(3));
    assert.equal(a.optimum().toFixed(3), '0.590');
  } finally { a.free(); }
});

test('γ = 0: only moves into the goal (blue) or a pit (orange) get a value', () => {
  const a = agentOn({ gamma: 0 });
  try {
    a.agent.runEpisodes(100);
    const q = a.agent.qTable();
    const w = a.world.width();
    let blue = 0;
    let orange = 0;
    for (let cell = 0; cell < w * a.world.height(); cell++) {
      for (let act = 0; act < 4; act++) {
        const v = q[cell * 4 + act];
        if (v === 0) continue;
        const tx = (cell % w) + ACTIONS[act][0];
        const ty = Math.floor(cell / w) + ACTIONS[act][1];
        const target = a.world.cell(tx, ty);
        assert.ok(target === 'goal' || target === 'pit', `cell ${cell} action ${act} has ${v} but leads to ${target}`);
        if (target === 'goal') { assert.ok(v > 0); blue += 1; } else { assert.ok(v < 0); orange += 1; }
      }
    }
    assert.equal(blue, 1);
    assert.ok(orange >= 3);
    assert.equal(a.agent.values()[a.startIndex], 0);
  } finally { a.free(); }
});

test('ε = 0 on the frozen lake: 93 of the first 100 episodes reach the goal and V(start) = V*', () => {
  const a = agentOn({ epsilon: 0 });
  try {
    a.agent.runEpisodes(100);
    const returns = Array.from(a.agent.episodeReturns());
    assert.equal(returns.filter((r) => r > 0).length, 93);
    assert.equal(a.agent.values()[a.startIndex].toFixed(3), a.optimum().toFixed(3));
  } finally { a.free(); }
});

test('cliff walk after 300 episodes: the greedy path runs along the cliff edge; the exploring agent falls in about half of its episodes, and the average return says so', () => {
  const a = agentOn({ preset: 'cliff' });
  try {
    a.agent.runEpisodes(300);
    const w = a.world.width();
    const policy = a.agent.policy();
    let { x, y } = a.start;
    const path = [[x, y]];
    for (let k = 0; k < 40 && a.world.cell(x, y) === 'empty'; k++) {
      const [dx, dy] = ACTIONS[policy[y * w + x]];
      x += dx; y += dy;
      path.push([x, y]);
    }
    assert.equal(a.world.cell(x, y), 'goal');
    assert.equal(path.length - 1, 13, 'the shortest safe path: up, 11 along, down');
    assert.ok(path.slice(1, -1).every(([, py]) => py === 2), 'every step between start and goal is on the row beside the cliff');
    const returns = Array.from(a.agent.episodeReturns());
    const fell = (r) => r <= -100;
    // "about half": 148 of the first 300, 55 of episodes 201–300 (not a third in any of the three hundreds).
    assert.equal(returns.filter(fell).length, 148);
    const last100 = returns.slice(-100);
    assert.equal(last100.filter(fell).length, 55);
    for (const from of [0, 100, 200]) {
      const falls = returns.slice(from, from + 100).filter(fell).length;
      assert.ok(falls >= 43 && falls <= 55, `${falls} falls in episodes ${from + 1}–${from + 100}`);
    }
    // The widget's message: "Average return of the last 100 episodes: -65.47", between a safe walk
    // (about -15) and a fall (about -106). Returns are shown to RETURN_DIGITS decimals, the last one
    // and the average alike, and the lesson writes the average as the widget shows it.
    const mean = (v) => v.reduce((s, r) => s + r, 0) / v.length;
    assert.equal(RETURN_DIGITS, 2);
    const shownAverage = formatNumber(mean(last100), RETURN_DIGITS);
    assert.equal(shownAverage, '-65.47');
    assert.equal(Math.round(mean(last100)), -65);
    assert.equal(Math.round(mean(last100.filter((r) => !fell(r)))), -15);
    const fall = mean(last100.filter(fell));
    assert.ok(fall > -107 && fall < -106, `a fall averages ${fall}`);
    assert.ok(Math.abs(a.agent.values()[a.startIndex] - a.optimum()) < 1e-6);
    // The lesson's sentence says these numbers (and not the old "about a third").
    const item = lesson.split('\n').find((l) => l.startsWith('4. Load the **cliff walk**'));
    assert.match(item, /run 300 episodes/);
    assert.match(item, /about half of its episodes \(148 of the 300/);
    assert.ok(item.includes(`the last 100 episodes average $${shownAverage}$,`), 'the lesson gives the average as the widget shows it');
    assert.match(item, /near \$-15\$.*near \$-106\$.*55 of them/);
  } finally { a.free(); }
});

test('a board on which no goal can be reached is refused', () => {
  const g = new ml.Gridworld();
  try {
    g.preset('classic4x4');
    g.setCell(2, 3, 'wall'); // the goal (3, 3) has pits/walls on both open sides now
    assert.throws(() => g.reset(1), /no goal can be reached/);
  } finally { g.delete(); }
});

test('one update by hand: the widget\'s agent first learns 0.5 on the move into the goal, then 0.225 one cell back', () => {
  const a = agentOn();
  try {
    const w = a.world.width();
    const found = [];
    for (let k = 0; k < 20000 && found.length < 2; k++) {
      const before = a.agent.qTable();
      a.agent.step();
      const q = a.agent.qTable();
      for (let i = 0; i < q.length; i++) if (q[i] > 0 && before[i] === 0) found.push({ x: Math.floor(i / 4) % w, y: Math.floor(Math.floor(i / 4) / w), action: i % 4, value: q[i] });
    }
    // Just left of the goal (3, 3), moving right: 0 + 0.5·[1 + 0 − 0].
    assert.deepEqual(found[0], { x: 2, y: 3, action: 1, value: 0.5 * (1 + 0.9 * 0 - 0) });
    // The cell above it, moving down into it: 0 + 0.5·[0 + 0.9·0.5 − 0].
    assert.equal(found[1].x, 2); assert.equal(found[1].y, 2); assert.equal(found[1].action, 2);
    assert.ok(Math.abs(found[1].value - 0.225) < 1e-12, `${found[1].value}`);
  } finally { a.free(); }
});

test('the corridor of the check: 0.5, then 0.75 and 0.225, then 0.45 (computation q-corridor)', async () => {
  const { computations } = await import('../web/js/check-computations/reinforcement.js');
  const at = (episodes) => computations['q-corridor'](ml, { eta: 0.5, gamma: 0.9, r: 1, episodes });
  assert.deepEqual(at(0), { near: 0, far: 0 });
  assert.deepEqual(at(1), { near: 0.5, far: 0 });
  assert.deepEqual(at(2), { near: 0.5 + 0.5 * (1 - 0.5), far: 0.5 * 0.9 * 0.5 });
  const third = at(3);
  assert.ok(Math.abs(third.far - (0.225 + 0.5 * (0.9 * 0.75 - 0.225))) < 1e-12);
  assert.ok(Math.abs(third.far - 0.45) < 1e-12);
  // The same for any seed: ties only decide how long the first episode wanders.
  for (const seed of [0, 2, 9]) assert.ok(Math.abs(computations['q-corridor'](ml, { eta: 0.5, gamma: 0.9, r: 1, episodes: 3, seed }).far - 0.45) < 1e-12);
  // A goal worth 2 doubles every value.
  assert.ok(Math.abs(computations['q-corridor'](ml, { eta: 0.5, gamma: 0.9, r: 2, episodes: 3 }).far - 0.9) < 1e-12);
});

test('the recipe\'s ε: from 1.0, ×0.995 per episode, floor 0.01 — 0.61 after 100, 0.08 after 500, the floor after 919; the widget\'s ε stays 0.2', () => {
  const a = agentOn({ epsilon: 1 });
  try {
    a.agent.setEpsilonDecay(0.995);
    a.agent.setEpsilonMin(0.01);
    a.agent.reset(1);
    a.agent.runEpisodes(100);
    assert.equal(a.agent.epsilon().toFixed(2), '0.61');
    a.agent.runEpisodes(400);
    assert.equal(a.agent.epsilon().toFixed(2), '0.08');
    a.agent.runEpisodes(418);
    assert.ok(a.agent.epsilon() > 0.01, `after 918 episodes ${a.agent.epsilon()}`);
    a.agent.runEpisodes(1);
    assert.equal(a.agent.epsilon(), 0.01);
    a.agent.runEpisodes(50);
    assert.equal(a.agent.epsilon(), 0.01);
  } finally { a.free(); }
  // The widget sets no decay: after 100 episodes its ε is the slider's 0.2.
  const w = agentOn();
  try { w.agent.runEpisodes(100); assert.equal(w.agent.epsilon(), 0.2); } finally { w.free(); }
  // Far-sighted γ: a reward 100 moves ahead is weighted γ⁹⁹.
  assert.equal((0.99 ** 99).toFixed(2), '0.37');
  assert.equal((0.9 ** 99).toFixed(5), '0.00003');
  assert.equal(6 * 6 * 12 * 12, 5184);
});

// On the widget's board (S F F F / F H F H / F F F H / H F F G) the cell above the goal is a pit, so
// the example must name the cell left of the goal and the cell above that one, and its moves.
test('Bellman: on the frozen lake the move right into the goal is worth 1, the move down into the cell left of it 0 + 0.9 · 1 = 0.9', () => {
  const a = agentOn();
  try {
    assert.ok(lesson.includes('Bellman optimality equation'));
    assert.ok(lesson.includes('the move right into the goal from the cell on its left has $Q^\\ast = 1$, and the move down into that left-hand cell from the cell above it has $Q^\\ast = 0 + 0.9 \\cdot 1 = 0.9$ (the cell above the goal itself is a pit)'), 'the example names its cells and moves');
    const w = a.world.width();
    const goal = { x: 3, y: 3 };
    assert.equal(a.world.cell(goal.x, goal.y), 'goal');
    assert.equal(a.world.cell(goal.x, goal.y - 1), 'pit', 'the cell above the goal is a pit');
    assert.equal(a.world.cell(goal.x - 1, goal.y), 'empty', 'the cell left of the goal');
    assert.equal(a.world.cell(goal.x - 1, goal.y - 1), 'empty', 'the cell above that one');
    const q = Array.from(a.world.optimalQ(0.9, 1e-9));
    const qStar = (x, y, action) => q[(y * w + x) * 4 + action];
    const [right, down] = [1, 2];
    assert.ok(Math.abs(qStar(goal.x - 1, goal.y, right) - 1) < 1e-9, 'right into the goal from its left: 1');
    assert.ok(Math.abs(qStar(goal.x - 1, goal.y - 1, down) - (0 + 0.9 * 1)) < 1e-9, 'down into that cell from above: 0.9');
    const v = Array.from(a.world.valueIteration(0.9, 1e-9));
    assert.equal(Math.max(...v).toFixed(6), '1.000000', 'the best cell is one move from the goal');
  } finally { a.free(); }
});

test('a step limit cuts the episode but keeps γ·max Q(s′): the engine drops the max term only at a goal or pit', () => {
  const a = agentOn();
  try {
    a.agent.runEpisodes(100); // values have spread over the board
    a.agent.setMaxEpisodeSteps(1); // every episode is now cut after one move
    let checked = 0;
    for (let k = 0; k < 200 && checked < 5; k++) {
      const before = Array.from(a.agent.qTable());
      a.agent.step();
      const last = a.agent.lastStep();
      const after = Array.from(a.agent.qTable());
      const changed = after.findIndex((q, i) => q !== before[i]);
      const next = last.y * a.world.width() + last.x;
      const future = Math.max(...before.slice(4 * next, 4 * next + 4));
      const terminal = a.world.cells()[next] !== 0; // 2 a pit, 3 the goal
      assert.equal(last.done, true, 'the cap ends every episode');
      if (changed < 0 || terminal || !(future > 0)) continue;
      const old = before[changed];
      // Cut off, not terminated: the target still holds 0.9 · max Q(s′).
      assert.ok(Math.abs(after[changed] - (old + 0.5 * (last.reward + 0.9 * future - old))) < 1e-12);
      assert.ok(Math.abs(after[changed] - (old + 0.5 * (last.reward - old))) > 1e-6);
      checked += 1;
    }
    assert.ok(checked >= 1, 'some capped moves landed on a cell with a value');
    // The widget keeps the engine's default limit of 200 moves.
    const header = fs.readFileSync(new URL('../engine/include/dw/q_learning.hpp', import.meta.url), 'utf8');
    assert.match(header, /int maxEpisodeSteps_ = 200;/);
    assert.doesNotMatch(fs.readFileSync(new URL('../web/widgets/gridworld.js', import.meta.url), 'utf8'), /setMaxEpisodeSteps/);
    assert.ok(lesson.includes('here 200 moves'));
  } finally { a.free(); }
});
