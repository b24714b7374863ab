// Settings and pure helpers of the deep-q widget (its option schema, how the options set up the
// engine's DeepQ and the Q-table beside it, the predict box's verdict), kept free of the DOM so
// the lesson's claims test (lessons/deep-q-learning.claims.test.mjs) can import them.
import { seedOption } from '../../lib/schema.js';

export const schema = {
  task: { type: 'enum', values: ['plane', 'lake'], default: 'plane', description: 'The continuous plane, or the 4×4 frozen lake with the network beside a Q-table.' },
  setup: { type: 'enum', values: ['full', 'no-replay', 'no-target', 'neither'], default: 'full', description: 'Which stabilisers are on: both, replay off, target network off, or neither.' },
  replay: { type: 'int', min: 2, max: 20000, default: 5000, description: 'Replay buffer capacity (experiences kept) while replay is on.' },
  targetSync: { type: 'int', min: 2, max: 1000, default: 50, description: 'Learning steps between copies of the online network into the target network, while it is on.' },
  learningRate: { type: 'number', min: 0.0005, max: 0.05, default: 0.005, description: 'Adam learning rate η of the Q-network.' },
  epsilonDecay: { type: 'number', min: 0.8, max: 1, default: 0.97, description: 'ε is multiplied by this after every episode (from 1 down to 0.05).' },
  seed: seedOption(1, 'Seed for the network weights, the starts, exploration and jitter.'),
};

// The widget's engine settings, shared with the lesson's claims test.
// Each setup's name is 'deep-q.setup.<id>' in the widget's message table (deep-q/messages.js).
export const SETUPS = {
  full: { replay: true, target: true },
  'no-replay': { replay: false, target: true },
  'no-target': { replay: true, target: false },
  neither: { replay: false, target: false },
};
export const MAP_CELLS = 40;   // heat-map resolution (cells per side)
export const ARROW_CELLS = 10; // greedy-action arrows per side
export const SUCCESS_GRID = 10; // greedy success measured from a 10 × 10 grid of starts
export const RETURN_WINDOW = 100; // "recent return" = mean of the last 100 episodes
export const PREDICT_EPISODES = 300;
// Past this many episodes of "neither" the recent-return readout already sits in the class the
// prediction is judged by (default seed: below 0.3 at every point from here to 300), while DQN's has
// begun its climb (0.30 at 150, 0.79 at 200): a prediction locked after that could copy it.
export const PREDICT_SEEN_AFTER = 150;
// The recent return of the full setup (replay + target) after PREDICT_EPISODES episodes with the
// defaults (seed 1), which the verdict quotes beside "neither"'s: the verdict is given only at those
// settings. Measured by the lesson's claims test (lessons/deep-q-learning.claims.test.mjs).
export const FULL_RECENT = 0.98;
// No return here exceeds +1 and a fresh network's values are a few units either way, so a mean
// value above 10 means the values have run away (they chase targets that grow with them).
export const RUNAWAY = 10;

// Applies the widget's options to an engine DeepQ and resets it with the seed.
export function configure(agent, opts, world = null) {
  const s = SETUPS[opts.setup] || SETUPS.full;
  if (opts.task === 'lake' && world) {
    agent.setTask('grid');
    agent.setGridworld(world);
    agent.setGamma(LAKE.gamma);
  } else {
    agent.setTask('plane');
    agent.setGamma(0.95);
  }
  agent.setLearningRate(opts.learningRate);
  agent.setEpsilon(1);
  agent.setEpsilonDecay(opts.epsilonDecay);
  agent.setEpsilonMin(0.05);
  agent.setReplayCapacity(s.replay ? opts.replay : 1);
  agent.setTargetSync(s.target ? opts.targetSync : 1);
  agent.reset(opts.seed);
}

// The frozen-lake comparison: the network learns the board from each cell's (x, y), a Q-table
// (the q-learning lesson's agent: ε 0.2, η 0.5) learns it cell by cell, both with γ 0.9.
export const LAKE = { preset: 'classic4x4', gamma: 0.9, tableEpsilon: 0.2, tableAlpha: 0.5 };
export function configureTable(table, world, seed) {
  table.setEnvironment(world);
  table.setGamma(LAKE.gamma);
  table.setEpsilon(LAKE.tableEpsilon);
  table.setAlpha(LAKE.tableAlpha);
  table.reset(seed);
}

// Mean of the last `n` episode returns (fewer at the start), NaN with none.
export function recentReturn(returns, n = RETURN_WINDOW) {
  const k = Math.min(n, returns.length);
  if (!k) return NaN;
  let s = 0;
  for (let i = returns.length - k; i < returns.length; i++) s += returns[i];
  return s / k;
}

// The prediction's outcome classes, by the recent return after 300 episodes.
export function returnClass(r) {
  if (!(r >= 0.3)) return 'low';
  return r >= 0.8 ? 'high' : 'middle';
}

// Engine rows run with y downward (row 0 at the top edge); the heat map wants row 0 at the bottom.
export function flipRows(values, n) {
  const out = new Float64Array(n * n);
  for (let j = 0; j < n; j++) out.set(values.subarray ? values.subarray(j * n, (j + 1) * n) : values.slice(j * n, (j + 1) * n), (n - 1 - j) * n);
  return out;
}
