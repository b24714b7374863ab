// Where grid search and random search place their trials over the (log C, log γ) box
// (placement only; every score comes from the engine). Exported for the lesson's claims test.
import { seededRandom as rng } from '../../lib/rng.js';

// Grid search with a budget of B trials: g₁ × g₂ evenly spaced values (g₁ = ⌊√B⌋, g₂ = ⌊B/g₁⌋)
// over the log ranges, cell centres so no trial sits on the edge. Returns [{ logC, logG }].
export function gridTrials(budget, range) {
  const g1 = Math.max(1, Math.floor(Math.sqrt(budget)));
  const g2 = Math.max(1, Math.floor(budget / g1));
  const out = [];
  for (let i = 0; i < g2; i++) {
    for (let j = 0; j < g1; j++) {
      out.push({
        logC: range.c0 + ((i + 0.5) / g2) * (range.c1 - range.c0),
        logG: range.g0 + ((j + 0.5) / g1) * (range.g1 - range.g0),
      });
    }
  }
  return out;
}

// The widget's default budget of trials per strategy.
export const DEFAULT_BUDGET = 16;

// Random search: B points drawn uniformly over the log ranges with a seed. Each budget draws its
// own sequence: were the five trials of a budget of 5 the first five of the default budget's, the
// race at 16 trials would show the five-trial search's answer on its chart by trial 5. The
// default budget's offset is 0.
export function randomTrials(budget, range, seed) {
  const r = rng(seed * 7919 + 17 + (budget - DEFAULT_BUDGET) * 104729);
  return Array.from({ length: budget }, () => ({
    logC: range.c0 + r() * (range.c1 - range.c0),
    logG: range.g0 + r() * (range.g1 - range.g0),
  }));
}

// The widget's default exploration margin ξ of expected improvement (in accuracy).
export const BAYES_XI = 0.01;

// Bayesian search: the engine's BayesSearch proposes points in the unit square (u for log C, v
// for log γ, each normalised to [0, 1]); these map them onto the box and back.
export function fromUnit(u, v, range) {
  return { logC: range.c0 + u * (range.c1 - range.c0), logG: range.g0 + v * (range.g1 - range.g0) };
}

// One Bayesian trial: ask the engine where EI is largest (or for the next seeded start), score it
// with `score(logC, logG)` and tell the engine. Returns the trial with its proposal's details.
export function bayesStep(search, range, score) {
  const p = search.next();
  const { logC, logG } = fromUnit(p.u, p.v, range);
  const s = score(logC, logG);
  search.tell(p.u, p.v, s);
  return { logC, logG, score: s, initial: p.initial, ei: p.ei, mean: p.mean, std: p.std };
}

// Best score so far after each trial (NaN scores skipped).
export function bestSoFar(list) {
  let b = -Infinity;
  return list.map((t) => { if (Number.isFinite(t.score) && t.score > b) b = t.score; return b; });
}

// The race's verdict: the best score any strategy found, and for each strategy the trial (1-based)
// at which it first reached that score (Infinity if it never did). The winner is the strategy
// that got there in the fewest trials, or 'tie' when the fewest is shared.
export function raceToBest(lists) {
  const top = Math.max(...Object.values(lists).flatMap((l) => l.map((t) => t.score).filter(Number.isFinite)));
  const reached = {};
  for (const [key, list] of Object.entries(lists)) {
    const i = list.findIndex((t) => Number.isFinite(t.score) && t.score >= top - 1e-9);
    reached[key] = i < 0 ? Infinity : i + 1;
  }
  const fewest = Math.min(...Object.values(reached));
  const first = Object.keys(reached).filter((k) => reached[k] === fewest);
  return { top, reached, winner: first.length === 1 ? first[0] : 'tie' };
}
